# cpython: 3.12+ (why: a task's repr changed: 3.11 shows its callbacks differently)
import asyncio


async def show(tag):
    t = asyncio.current_task()
    print(tag, t)
    await asyncio.sleep(0)
    x = 1
    print(tag, "after", t)
    return x


async def sleeper():
    await asyncio.sleep(0.01)


async def main():
    me = asyncio.current_task()
    print(me)
    await asyncio.sleep(0)
    print(me)
    t = asyncio.create_task(show("child"), name="kid")
    print(t)
    await t
    print(t)
    s = asyncio.create_task(sleeper(), name="sl")
    await asyncio.sleep(0)
    print(s)
    s.cancel()
    await asyncio.sleep(0)
    print(s)
    print(repr(me)[:40])
    print(me.get_name(), me.get_coro().__name__, me.get_coro().__qualname__)


asyncio.run(main())
