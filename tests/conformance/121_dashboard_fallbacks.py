import asyncio

CACHE = {"weather": "cloudy (cached)", "stocks": "n/a (cached)"}


async def fetch_weather():
    await asyncio.sleep(0.02)
    return "sunny, 21C"


async def fetch_stocks():
    await asyncio.sleep(0.5)
    return "never arrives in time"


async def fetch_news():
    await asyncio.sleep(0.03)
    raise ConnectionError("news service down")


async def fetch_calendar():
    await asyncio.sleep(0.01)
    return ["standup 09:30", "review 14:00"]


async def widget(name, fetch, timeout):
    try:
        value = await asyncio.wait_for(fetch(), timeout)
        return name, "live", value
    except TimeoutError:
        return name, "stale", CACHE.get(name, "unavailable")
    except Exception as e:
        return name, "error", f"{type(e).__name__}: {e}"


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    panels = await asyncio.gather(
        widget("weather", fetch_weather, 0.1),
        widget("stocks", fetch_stocks, 0.1),
        widget("news", fetch_news, 0.1),
        widget("calendar", fetch_calendar, 0.1),
    )
    print(f"dashboard ready in about {round(loop.time() - t0, 1)}s")
    for name, state, value in panels:
        print(f"{name:>9} | {state:<5} | {value}")
    live = sum(1 for _, state, _ in panels if state == "live")
    print(f"{live}/{len(panels)} live")


asyncio.run(main())
