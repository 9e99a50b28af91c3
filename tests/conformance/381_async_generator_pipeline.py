import asyncio


async def source(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


async def mapper(agen, fn):
    async for x in agen:
        yield fn(x)


async def filterer(agen, pred):
    async for x in agen:
        if pred(x):
            yield x


async def batcher(agen, size):
    batch = []
    async for x in agen:
        batch.append(x)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


async def take(agen, n):
    out = []
    async for x in agen:
        out.append(x)
        if len(out) == n:
            break
    return out


async def ticker(log):
    try:
        i = 0
        while True:
            yield i
            i += 1
    finally:
        log.append(f"ticker closed at {i}")


async def main():
    pipeline = batcher(filterer(mapper(source(20), lambda x: x * x), lambda x: x % 3 == 1), 3)
    async for batch in pipeline:
        print(batch)
    log = []
    t = ticker(log)
    print(await take(t, 4))
    await t.aclose()
    print(log)
    gen = mapper(source(3), str)
    print(type(gen).__name__, gen.__name__, await gen.__anext__(), await anext(gen))
    print([x async for x in gen])
    try:
        await anext(gen)
    except StopAsyncIteration:
        print("exhausted")
    doubled = [y async for y in mapper(source(4), lambda v: v * 2) if y > 2]
    print(doubled)

    async def echo():
        received = None
        while True:
            received = yield f"echo {received}"
    e = echo()
    print(await e.asend(None), await e.asend("hi"), await e.asend(42))
    try:
        await e.athrow(ValueError("stop"))
    except ValueError as exc:
        print("athrow raised", repr(exc))


asyncio.run(main())
