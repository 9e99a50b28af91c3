import asyncio


def make_counter():
    count = 0

    def inc(by=1):
        nonlocal count
        count += by
        return count

    def get():
        return count

    return inc, get


def make_limiter(limit):
    calls = []

    def decorator(fn):
        async def wrapper(*args, **kwargs):
            if len(calls) >= limit:
                raise RuntimeError(f"{fn.__name__} called more than {limit} times")
            calls.append(args)
            return await fn(*args, **kwargs)
        wrapper.calls = calls
        return wrapper
    return decorator


@make_limiter(2)
async def fetch(x, *, scale=1):
    await asyncio.sleep(0)
    return x * scale


async def main():
    inc, get = make_counter()
    inc(); inc(5)
    print(get(), inc.__qualname__, inc.__name__)
    funcs = [lambda: i for i in range(3)]
    bound = [lambda i=i: i for i in range(3)]
    print([f() for f in funcs], [f() for f in bound])
    print(await fetch(2), await fetch(3, scale=10), fetch.calls)
    try:
        await fetch(4)
    except RuntimeError as e:
        print(e)

    results = []
    def spawner():
        tasks = []
        for name in "abc":
            async def job(n=name):
                await asyncio.sleep(0)
                results.append(n)
            tasks.append(asyncio.create_task(job()))
        return tasks
    await asyncio.gather(*spawner())
    print(results)

    x = "global-ish"
    def outer():
        x = "outer"
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    print(outer(), x)
    total = 0
    async def add(n):
        nonlocal total
        await asyncio.sleep(0)
        total += n
    await asyncio.gather(*(add(n) for n in range(5)))
    print(total)
    def broken():
        print(y)
        y = 1
    try:
        broken()
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)


asyncio.run(main())
