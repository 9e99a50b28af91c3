# Async generators left unfinished: breaking out of `async for` over a temporary one,
# aclose() before it starts, athrow(), and asyncio.run closing what is still suspended.
import asyncio


async def numbers(tag, log):
    try:
        for i in range(100):
            await asyncio.sleep(0.01)
            yield i
    finally:
        log.append(f"{tag} closed")


async def main():
    log = []
    async for x in numbers("temp", log):
        if x == 1:
            break
    log.append("after the loop")
    await asyncio.sleep(0)
    log.append("after sleep(0)")
    await asyncio.sleep(0)
    log.append("after another sleep(0)")
    never = numbers("never-started", log)
    await never.aclose()
    log.append("closing an unstarted generator runs nothing")
    g = numbers("thrown", log)
    print(await anext(g))
    try:
        await g.athrow(KeyError("stop"))
    except KeyError as e:
        log.append(f"athrow propagated {e!r}")
    print(await anext(g, "exhausted"))
    global kept
    kept = numbers("kept", log)
    await anext(kept)
    print("\n".join(log))


asyncio.run(main())
print("after run")
