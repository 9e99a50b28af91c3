import asyncio


class Node:
    def __init__(self, name, children=()):
        self.name = name
        self.children = list(children)

    def __repr__(self):
        return f"Node({self.name!r}, {self.children!r})" if self.children else f"Node({self.name!r})"


async def build(depth, name="r"):
    await asyncio.sleep(0)
    if depth == 0:
        return Node(name)
    kids = await asyncio.gather(*(build(depth - 1, f"{name}{i}") for i in range(2)))
    return Node(name, kids)


async def main():
    tree = await build(2)
    print(tree)
    a = [1, 2]
    a.append(a)
    print(a, repr(a))
    d = {"self": None}
    d["self"] = d
    print(d)
    nested = {"k": [1, (2, 3), {4}, {"x": None}], "t": (1,), "e": (), "s": set(), "f": frozenset()}
    print(nested)
    print(repr("quote's"), repr('dq"'), repr("both'\""), repr("tab\t\n\\"), repr("é"), ascii("é"))
    print(str([1.0, 2.50, -0.0, 1e100, float("nan")]), [True, None, ...], [print, len][1].__name__)
    print(list(range(3)), range(1, 10, 2), slice(1, 2), type(range(0)), type(tree).__name__)
    print(repr(tree.children[0]), str(tree.children[1].children))
    print(f"{tree.children[0]!s}", "%r" % (tree.name,), "{0!r}".format([tree.name]))
    print(dict(a=1, b=[2]), list({"x": 1}.items()), {1: 2}.keys(), {1: 2}.values())


asyncio.run(main())
