import asyncio


async def sleeper(i, delay, order):
    await asyncio.sleep(delay)
    order.append(i)


async def main():
    order = []
    delays = {i: (i * 7 % 10) * 0.03 for i in range(10)}
    await asyncio.gather(*(sleeper(i, d, order) for i, d in delays.items()))
    print("wake order:", order)
    print("by delay:", sorted(delays, key=lambda i: delays[i]))
    print("delay 0 sleeps still yield once:", order[0] == 0)


asyncio.run(main())
