import asyncio

calls = 0


async def fib(n):
    global calls
    calls += 1
    if n < 2:
        return n
    a, b = await asyncio.gather(fib(n - 1), fib(n - 2))
    return a + b


async def tree_sum(node, depth=0):
    value, children = node
    await asyncio.sleep(0)
    subtotals = [await tree_sum(c, depth + 1) for c in children]
    print("  " * depth + f"node {value}: subtree {value + sum(subtotals)}")
    return value + sum(subtotals)


async def main():
    print("fib(10) =", await fib(10), "coroutine calls:", calls)
    tree = (1, [(2, [(4, []), (5, [])]), (3, [(6, [])])])
    print("total:", await tree_sum(tree))


asyncio.run(main())
