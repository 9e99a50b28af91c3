# cpython: 3.12+ (why: since 3.12 a shielded task that fails after its shield was cancelled is logged to stderr: "... exception in shielded future")
import asyncio


async def risky():
    await asyncio.sleep(0.02)
    raise ValueError("inner failed")


async def main():
    inner = asyncio.create_task(risky())
    try:
        await asyncio.shield(inner)
    except ValueError as e:
        print("shield passes the inner exception through:", repr(e))

    inner2 = asyncio.create_task(risky())
    outer = asyncio.shield(inner2)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled; inner still running:", not inner2.done())
    try:
        await inner2
    except ValueError as e:
        print("inner still failed on its own:", e)


asyncio.run(main())
