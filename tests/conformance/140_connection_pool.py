import asyncio


class Conn:
    def __init__(self, cid):
        self.cid = cid
        self.uses = 0

    async def execute(self, sql):
        self.uses += 1
        await asyncio.sleep(0.03 * len(sql.split()))
        return f"conn{self.cid}: {sql}"


class Pool:
    def __init__(self, size):
        self.free = asyncio.Queue()
        self.all = [Conn(i) for i in range(size)]
        for c in self.all:
            self.free.put_nowait(c)

    def connection(self):
        pool = self

        class _Lease:
            async def __aenter__(self):
                self.conn = await pool.free.get()
                return self.conn

            async def __aexit__(self, *exc):
                pool.free.put_nowait(self.conn)
                return False

        return _Lease()


async def run_query(pool, sql):
    async with pool.connection() as conn:
        return await conn.execute(sql)


async def main():
    pool = Pool(2)
    queries = ["select 1", "select * from users", "update x set y", "delete y where z", "vacuum"]
    results = await asyncio.gather(*(run_query(pool, q) for q in queries))
    for r in results:
        print(r)
    print("uses per connection:", [c.uses for c in pool.all])
    print("all connections returned:", pool.free.qsize() == len(pool.all))
    try:
        async with pool.connection() as conn:
            raise ValueError(f"query on conn{conn.cid} failed")
    except ValueError as e:
        print(e, "| returned anyway:", pool.free.qsize())


asyncio.run(main())
