import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def transaction(name):
    print(f"BEGIN {name}")
    try:
        yield {"name": name, "ops": []}
    except ValueError as e:
        print(f"ROLLBACK {name}: {e}")
    else:
        print(f"COMMIT {name}")
    finally:
        print(f"END {name}")


@asynccontextmanager
async def no_yield():
    if False:
        yield


@asynccontextmanager
async def reraiser():
    try:
        yield
    except KeyError:
        raise RuntimeError("wrapped") from None


async def main():
    async with transaction("t1") as tx:
        tx["ops"].append("insert")
        await asyncio.sleep(0)
    print(tx)

    async with transaction("t2") as tx:
        raise ValueError("constraint violated")
    print("t2 suppressed")

    try:
        async with transaction("t3"):
            raise TypeError("not handled")
    except TypeError as e:
        print("propagated:", repr(e))

    try:
        async with no_yield():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)

    try:
        async with reraiser():
            raise KeyError("x")
    except RuntimeError as e:
        print(repr(e), e.__suppress_context__, repr(e.__context__))

    @asynccontextmanager
    async def timer(label):
        loop = asyncio.get_running_loop()
        start = loop.time()
        yield
        print(f"{label} took ~{round(loop.time() - start, 1)}s")

    async with timer("sleep"):
        await asyncio.sleep(0.1)


asyncio.run(main())
