# contextlib's synchronous helpers as asyncio programs use them around setup code.
import asyncio
from contextlib import contextmanager, suppress, nullcontext, ExitStack


@contextmanager
def section(name, log):
    log.append(f"enter {name}")
    try:
        yield name.upper()
    except KeyError as e:
        log.append(f"{name} handled {e!r}")
    finally:
        log.append(f"exit {name}")


@contextmanager
def failing_setup():
    raise RuntimeError("setup failed")
    yield


async def main():
    log = []
    with section("a", log) as value:
        log.append(f"body got {value}")
    with section("b", log):
        {}["missing"]
    try:
        with section("c", log):
            raise ValueError("not handled here")
    except ValueError as e:
        log.append(f"outside: {e}")
    with suppress(ZeroDivisionError, KeyError):
        1 / 0
    with nullcontext(42) as n:
        log.append(f"nullcontext gives {n}")
    try:
        with failing_setup():
            log.append("never")
    except RuntimeError as e:
        log.append(f"setup: {e}")
    with ExitStack() as stack:
        for name in ("x", "y"):
            stack.enter_context(section(name, log))
        stack.callback(log.append, "callback runs first")
    for line in log:
        print(line)

    @section("deco", log)
    def decorated():
        return "called inside"
    log.clear()
    print(decorated(), log)


asyncio.run(main())
