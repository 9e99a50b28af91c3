import asyncio

log = []


async def save(doc):
    log.append(f"saving {doc}")
    await asyncio.sleep(0.03)
    log.append(f"saved {doc}")
    return f"{doc}@v2"


async def handler(doc):
    try:
        result = await asyncio.shield(save(doc))
        log.append(f"handler got {result}")
    except asyncio.CancelledError:
        log.append("handler cancelled, save continues")
        raise


async def main():
    t = asyncio.create_task(handler("report"))
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("handler task cancelled:", t.cancelled())
    await asyncio.sleep(0.05)
    print("\n".join(log))

    inner = asyncio.create_task(save("draft"))
    outer = asyncio.shield(inner)
    outer.cancel()
    await asyncio.sleep(0.05)
    print("outer cancelled:", outer.cancelled(), "inner result:", inner.result())
    done = asyncio.shield(asyncio.sleep(0, result="instant"))
    print(await done)


asyncio.run(main())
