import asyncio


async def stage(name, d):
    await asyncio.sleep(d)
    return name


async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 0.1
    done = []
    try:
        async with asyncio.timeout_at(deadline) as cm:
            for name, d in [("parse", 0.02), ("plan", 0.03), ("exec", 0.2)]:
                done.append(await stage(name, d))
                print(f"{name} done, remaining > 0: {cm.when() - loop.time() > 0}")
    except TimeoutError as e:
        print("budget exhausted after", done)
        print("cause:", repr(e.__cause__), "context is cause:", e.__context__ is e.__cause__)
    print("when equals deadline:", cm.when() == deadline)

    try:
        async with asyncio.timeout_at(loop.time() - 1):
            await asyncio.sleep(0.5)
    except TimeoutError:
        print("past deadline times out at the first await")

    async with asyncio.timeout(0.5) as outer:
        try:
            async with asyncio.timeout(0.02) as inner:
                await asyncio.sleep(0.1)
        except TimeoutError:
            print("inner expired:", inner.expired(), "outer expired:", outer.expired())
        await asyncio.sleep(0.01)
    print("outer finished fine")

    try:
        async with asyncio.timeout(0.01):
            try:
                await asyncio.sleep(0.1)
            finally:
                print("finally inside timeout")
    except TimeoutError:
        print("TimeoutError outside")


asyncio.run(main())
