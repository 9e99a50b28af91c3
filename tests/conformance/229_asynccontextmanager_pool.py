# An async context manager written as a generator: a tiny connection pool.
import asyncio
from contextlib import asynccontextmanager, AsyncExitStack


class Pool:
    def __init__(self, size):
        self.free = [f"conn{i}" for i in range(size)]
        self.sem = asyncio.Semaphore(size)

    @asynccontextmanager
    async def connection(self, who):
        async with self.sem:
            conn = self.free.pop(0)
            print(f"{who} got {conn}")
            try:
                yield conn
            except ValueError as e:
                print(f"{who}: {conn} saw {e!r}, suppressing")
            finally:
                await asyncio.sleep(0.01)
                self.free.append(conn)
                print(f"{who} returned {conn}")


async def worker(pool, who, fail=False):
    async with pool.connection(who) as conn:
        await asyncio.sleep(0.05)
        if fail:
            raise ValueError(f"bad query on {conn}")
        return f"{who} done"


async def main():
    pool = Pool(2)
    results = await asyncio.gather(
        worker(pool, "w1"), worker(pool, "w2", fail=True), worker(pool, "w3")
    )
    print(results)
    async with AsyncExitStack() as stack:
        a = await stack.enter_async_context(pool.connection("stack-a"))
        b = await stack.enter_async_context(pool.connection("stack-b"))
        print("holding", a, b)
    print("free again:", sorted(pool.free))


asyncio.run(main())
