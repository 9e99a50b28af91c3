import asyncio


class Connection:
    opened = 0

    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await asyncio.sleep(0.01)
        Connection.opened += 1
        print(f"open {self.name} (open connections: {Connection.opened})")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.01)
        Connection.opened -= 1
        print(f"close {self.name}; exc_type={exc_type.__name__ if exc_type else None}, exc={exc!r}")
        return self.name == "tolerant"

    async def query(self, q):
        await asyncio.sleep(0)
        if q == "bad":
            raise ValueError("bad query")
        return f"{self.name}:{q}"


async def main():
    async with Connection("db") as c:
        print(await c.query("select"))
    async with Connection("tolerant") as c:
        await c.query("bad")
    print("the tolerant exit swallowed the error")
    try:
        async with Connection("strict") as c, Connection("second") as c2:
            print(await c2.query("ok"))
            await c.query("bad")
    except ValueError as e:
        print("propagated:", e)
    print("open connections:", Connection.opened)


asyncio.run(main())
