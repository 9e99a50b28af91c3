import asyncio
from contextlib import AsyncExitStack, asynccontextmanager


@asynccontextmanager
async def resource(name, log):
    log.append(f"open {name}")
    try:
        yield name.upper()
    finally:
        await asyncio.sleep(0)
        log.append(f"close {name}")


class Conn:
    def __init__(self, name, log):
        self.name, self.log = name, log

    async def __aenter__(self):
        self.log.append(f"connect {self.name}")
        return self

    async def __aexit__(self, et, ev, tb):
        self.log.append(f"disconnect {self.name} exc={et.__name__ if et else None}")
        return False


async def main():
    log = []
    async with AsyncExitStack() as stack:
        names = [await stack.enter_async_context(resource(n, log)) for n in ("db", "cache")]
        conn = await stack.enter_async_context(Conn("api", log))
        stack.callback(log.append, "sync callback")

        async def acb(msg):
            log.append(f"async callback {msg}")

        stack.push_async_callback(acb, "bye")
        print(names, conn.name)
    print("\n".join(log))

    log.clear()
    try:
        async with AsyncExitStack() as stack:
            await stack.enter_async_context(Conn("one", log))
            await stack.enter_async_context(resource("two", log))
            raise ValueError("inside")
    except ValueError as e:
        print("caught", repr(e))
    print("\n".join(log))

    log.clear()
    async with AsyncExitStack() as outer:
        await outer.enter_async_context(resource("kept", log))
        moved = outer.pop_all()
    log.append("outer exited")
    await moved.aclose()
    print("\n".join(log))

    def suppress_all(et, ev, tb):
        print("exit callback saw", et.__name__)
        return True

    async with AsyncExitStack() as stack:
        stack.push(suppress_all)
        1 / 0
    print("suppressed by push()")


asyncio.run(main())
