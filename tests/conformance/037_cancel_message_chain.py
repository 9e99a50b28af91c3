import asyncio


async def level3():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("level3:", e.args)
        raise


async def level2():
    t = asyncio.create_task(level3(), name="L3")
    try:
        await t
    except asyncio.CancelledError as e:
        print("level2:", e.args)
        raise


async def level1():
    try:
        await level2()
    except asyncio.CancelledError as e:
        print("level1 (same task as level2):", e.args)
        raise


async def main():
    t = asyncio.create_task(level1(), name="L1")
    await asyncio.sleep(0.01)
    t.cancel("from main")
    try:
        await t
    except asyncio.CancelledError as e:
        print("main:", e.args)


asyncio.run(main())
