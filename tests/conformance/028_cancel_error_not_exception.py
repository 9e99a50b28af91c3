import asyncio


async def careless():
    try:
        await asyncio.sleep(1)
    except Exception as e:
        print("never: except Exception does not catch cancellation", e)
    finally:
        print("careless: finally runs")


async def main():
    t = asyncio.create_task(careless())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except Exception:
        print("not here either")
    except BaseException as e:
        print("caught as BaseException:", type(e).__name__)
    print(asyncio.CancelledError.__mro__[1].__name__)


asyncio.run(main())
