import asyncio
import functools


def logged(func):
    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        parts = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
        print(f"-> {func.__name__}({', '.join(parts)})")
        try:
            result = await func(*args, **kwargs)
        except Exception as e:
            print(f"<- {func.__name__} raised {e!r}")
            raise
        print(f"<- {func.__name__} = {result!r}")
        return result

    return wrapper


def retry(times):
    def deco(func):
        @functools.wraps(func)
        async def wrapper(*args, **kwargs):
            for i in range(times):
                try:
                    return await func(*args, **kwargs)
                except ConnectionError:
                    print(f"   retry {i + 1}/{times}")
            raise ConnectionError(f"{func.__name__} failed {times} times")

        return wrapper

    return deco


calls = 0


@logged
@retry(3)
async def connect(host, port=80, *, secure=False):
    """Connect somewhere."""
    global calls
    calls += 1
    await asyncio.sleep(0)
    if calls < 3:
        raise ConnectionError("refused")
    return f"{'https' if secure else 'http'}://{host}:{port}"


@logged
async def combine(*parts, sep="-", **extra):
    return sep.join(parts) + (f"?{sorted(extra.items())}" if extra else "")


async def main():
    await connect("example.com", secure=True)
    print(connect.__name__, connect.__doc__)
    await combine("a", "b", "c")
    await combine(*["x", "y"], sep="+", **{"debug": True, "v": 2})
    try:
        await combine("a", 1)
    except TypeError:
        print("TypeError caught")
    try:
        await connect()
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
