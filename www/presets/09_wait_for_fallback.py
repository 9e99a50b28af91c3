import asyncio

START = 0.0
CACHED_PRICE = 99.0


def now():  # loop time since main() began, rounded down to 0.1s: '1.5s'
    return f"{int((asyncio.get_running_loop().time() - START) * 10 + 0.01) / 10:.1f}s"


async def fetch_live_price(source, delay):
    await asyncio.sleep(delay)  # a price service that answers after `delay` seconds
    return 101.5


async def price(source, delay):
    try:
        value = await asyncio.wait_for(fetch_live_price(source, delay), timeout=1.0)
        print(f"[{now()}] {source}: live price {value}")
    except TimeoutError:
        # wait_for cancelled the slow fetch; fall back to a value we already have
        value = CACHED_PRICE
        print(f"[{now()}] {source}: too slow, using cached price {value}")
    return value


async def main():
    global START
    START = asyncio.get_running_loop().time()
    fast = asyncio.create_task(price("fast-service", 0.5), name="fast-service")
    slow = asyncio.create_task(price("slow-service", 2.5), name="slow-service")
    prices = await asyncio.gather(fast, slow)
    print(f"[{now()}] main: prices {prices}")


asyncio.run(main())
