# cpython: 3.12+ (why: the with-protocol TypeError names the missing method since 3.14)
import asyncio


class Connection:
    opened = 0

    def __init__(self, name, log):
        self.name = name
        self.log = log
        self.open = False

    async def __aenter__(self):
        await asyncio.sleep(0)
        Connection.opened += 1
        self.open = True
        self.log.append(f"open {self.name}")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        self.open = False
        self.log.append(f"close {self.name} ({exc_type.__name__ if exc_type else None})")
        return exc_type is KeyError

    def __repr__(self):
        return f"<Connection {self.name} open={self.open}>"


class Pool:
    def __init__(self, size, log):
        self.sem = asyncio.Semaphore(size)
        self.log = log
        self.n = 0

    async def __aenter__(self):
        await self.sem.acquire()
        self.n += 1
        return Connection(f"c{self.n}", self.log)

    async def __aexit__(self, *exc):
        self.sem.release()
        return False


async def use(pool, i, log):
    async with pool as conn, conn as c:
        log.append(f"task {i} uses {c!r}")
        await asyncio.sleep([0.012, 0.005, 0.002, 0.001][i])
        if i == 1:
            raise KeyError(i)
        if i == 2:
            raise ValueError(i)
    return i


async def main():
    log = []
    pool = Pool(2, log)
    res = await asyncio.gather(*(use(pool, i, log) for i in range(4)), return_exceptions=True)
    print(res)
    print("\n".join(log))
    print(Connection.opened)
    c = Connection("x", log)
    try:
        async with c:
            raise KeyError("swallowed")
        print("after suppressed KeyError", c)
    finally:
        print(log[-1])
    try:
        with c:
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        async with object():
            pass
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
