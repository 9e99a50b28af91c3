import asyncio


async def op(kind):
    await asyncio.sleep(0)
    if kind == "fail":
        raise ValueError("op failed")
    return kind


async def run(kind):
    log = []
    try:
        log.append("try")
        value = await op(kind)
        log.append(f"got {value}")
        if kind == "return":
            return log
    except ValueError as e:
        log.append(f"except {e}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log


def finally_overrides():
    try:
        return "from try"
    finally:
        print("finally runs before the return completes")


async def main():
    for kind in ("ok", "fail", "return"):
        print(kind, "->", await run(kind))
    print(finally_overrides())
    for i in range(3):
        try:
            if i == 1:
                continue
            print("loop body", i)
        finally:
            print("loop finally", i)
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", repr(e))


asyncio.run(main())
