# except* details: a bare raise keeps the original group's structure, new exceptions join
# it, a naked exception is wrapped in a tuple, and a new exception's context is the match.
import asyncio


class NetError(Exception):
    pass


async def fail(exc):
    await asyncio.sleep(0)
    raise exc


async def run_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail(NetError("timeout")))
        tg.create_task(fail(ValueError("bad input")))
        tg.create_task(fail(KeyError("k")))


async def main():
    try:
        try:
            await run_group()
        except* NetError as g:
            print("handled:", [repr(e) for e in g.exceptions])
        except* ValueError:
            raise
    except* (ValueError, KeyError) as rest:
        print("re-raised keeps the rest:", sorted(repr(e) for e in rest.exceptions))

    try:
        try:
            raise TypeError("naked")
        except* TypeError as g:
            print("wrapped:", repr(g))
            raise
    except TypeError as e:
        print("never a bare TypeError")
    except ExceptionGroup as eg:
        print("bare raise gives the group:", repr(eg))

    try:
        try:
            await run_group()
        except* KeyError:
            raise RuntimeError("replaced")
    except ExceptionGroup as eg:
        print(type(eg).__name__, repr(eg.message), len(eg.exceptions))
        new, rest = eg.exceptions
        print(repr(new), "context:", type(new.__context__).__name__)
        print("rest:", sorted(type(e).__name__ for e in rest.exceptions))


asyncio.run(main())
