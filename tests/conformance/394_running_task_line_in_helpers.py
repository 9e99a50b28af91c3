import asyncio


def log(tag):
    print(tag, asyncio.current_task())


async def inner():
    log("inner")
    await asyncio.sleep(0)
    log("inner after")


async def work():
    log("start")
    x = [asyncio.current_task()]
    print("list", x)
    await inner()
    s = f"{asyncio.current_task()!r}"
    print("fstring", s)
    return 1


async def main():
    t = asyncio.create_task(work(), name="w")
    await t
    print("done", t)


asyncio.run(main())
