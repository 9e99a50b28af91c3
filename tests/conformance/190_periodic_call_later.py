import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    ticks = []
    done = loop.create_future()
    state = {"handle": None}

    def tick(n):
        ticks.append((n, round(loop.time() - t0, 1)))
        if n == 4:
            done.set_result(n)
            return
        state["handle"] = loop.call_at(t0 + 0.1 * (n + 1), tick, n + 1)

    state["handle"] = loop.call_at(t0 + 0.1, tick, 1)
    print("ticks:", await done)
    print(ticks)
    h = loop.call_later(0.05, ticks.append, "never")
    h.cancel()
    await asyncio.sleep(0.1)
    print("cancelled handle did not fire:", ticks[-1])


asyncio.run(main())
