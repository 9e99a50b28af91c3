import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    order = []

    def mark(tag):
        order.append(tag)
        print(f"{tag} at +{round(loop.time() - t0, 1)}" if tag != "at-t0+0.05" else f"{tag} before the 0.1 timer")

    loop.call_later(0.2, mark, "later-0.2")
    loop.call_later(0.1, mark, "later-0.1")
    h = loop.call_later(0.15, mark, "never")
    loop.call_at(t0 + 0.05, mark, "at-t0+0.05")
    loop.call_soon(mark, "soon")
    print("timer when() - t0:", round(h.when() - t0, 2))
    h.cancel()
    print("cancelled:", h.cancelled())
    await asyncio.sleep(0.3)
    print(order)


asyncio.run(main())
