import asyncio


def logged(fn):
    async def wrapper(*args, **kwargs):
        print(f"-> {fn.__name__}{args} {kwargs}")
        result = await fn(*args, **kwargs)
        print(f"<- {fn.__name__} = {result!r}")
        return result

    wrapper.__name__ = fn.__name__
    return wrapper


def retry(times):
    def decorate(fn):
        async def wrapper(*args):
            for attempt in range(1, times + 1):
                try:
                    return await fn(*args)
                except ValueError as e:
                    print(f"attempt {attempt} failed: {e}")
            raise RuntimeError(f"{fn.__name__} failed {times} times")

        wrapper.__name__ = fn.__name__
        return wrapper

    return decorate


calls = 0


@logged
async def add(a, b, *, scale=1):
    await asyncio.sleep(0)
    return (a + b) * scale


@retry(3)
async def flaky(limit):
    global calls
    calls += 1
    await asyncio.sleep(0)
    if calls < limit:
        raise ValueError(f"call {calls} too early")
    return f"ok on call {calls}"


async def main():
    await add(1, 2)
    await add(3, 4, scale=10)
    print(add.__name__)
    print(await flaky(3))
    try:
        await flaky(100)
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
