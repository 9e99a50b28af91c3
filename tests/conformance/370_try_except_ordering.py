import asyncio

log = []


async def step(n, fail):
    log.append(f"step {n} start")
    await asyncio.sleep(0)
    if fail == "value":
        raise ValueError(n)
    if fail == "cancel":
        raise asyncio.CancelledError()
    return n


async def run(n, fail):
    try:
        r = await step(n, fail)
    except ValueError as e:
        log.append(f"{n}: except {e!r}")
        return "handled"
    except BaseException as e:
        log.append(f"{n}: base {type(e).__name__}")
        raise
    else:
        log.append(f"{n}: else {r}")
        return "else"
    finally:
        log.append(f"{n}: finally")


def returns_in_finally():
    try:
        return "try"
    finally:
        log.append("finally runs before return")


def nested():
    try:
        try:
            raise KeyError("k")
        finally:
            log.append("inner finally")
    except LookupError as e:
        log.append(f"outer caught {e!r}")
        try:
            raise RuntimeError("during handling")
        except RuntimeError as e2:
            log.append(f"context {e2.__context__!r}")
    finally:
        log.append("outer finally")


async def main():
    print(await run(1, None), await run(2, "value"))
    try:
        await run(3, "cancel")
    except asyncio.CancelledError:
        log.append("main saw CancelledError")
    print(returns_in_finally())
    nested()
    for i in range(3):
        try:
            if i == 1:
                continue
            log.append(f"loop {i}")
        finally:
            log.append(f"loop finally {i}")
    try:
        raise ValueError("a") from KeyError("b")
    except ValueError as e:
        log.append(f"{e!r} cause={e.__cause__!r} suppress={e.__suppress_context__}")
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise TypeError("t") from None
    except TypeError as e:
        log.append(f"{e.__cause__} {e.__context__!r} {e.__suppress_context__}")
    print("\n".join(log))


asyncio.run(main())
