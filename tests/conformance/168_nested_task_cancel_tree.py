import asyncio

log = []


async def leaf(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def branch(name):
    # gather cancels its children in argument order
    try:
        await asyncio.gather(leaf(name + ".1"), leaf(name + ".2"))
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def root():
    try:
        await asyncio.gather(branch("A"), branch("B"))
    except asyncio.CancelledError:
        log.append("root cancelled")
        raise


async def main():
    t = asyncio.create_task(root())
    await asyncio.sleep(0.01)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("\n".join(log))


asyncio.run(main())
