import asyncio

counter = 0
history = []


async def bump(n):
    global counter
    for _ in range(n):
        value = counter
        await asyncio.sleep(0)
        counter = value + 1


async def safe_bump(n, lock):
    global counter
    for _ in range(n):
        async with lock:
            value = counter
            await asyncio.sleep(0)
            counter = value + 1


def make_accumulator():
    total = 0

    async def add(x):
        nonlocal total
        await asyncio.sleep(0)
        total += x
        history.append(total)
        return total

    return add


async def main():
    global counter
    await asyncio.gather(bump(3), bump(3))
    print("lost updates without a lock:", counter)
    counter = 0
    await asyncio.gather(safe_bump(3, asyncio.Lock()), safe_bump(3, asyncio.Lock()))
    print("two different locks do not help:", counter)
    counter = 0
    lock = asyncio.Lock()
    await asyncio.gather(safe_bump(3, lock), safe_bump(3, lock))
    print("one shared lock:", counter)
    acc = make_accumulator()
    await asyncio.gather(acc(1), acc(10), acc(100))
    print("history:", history)


asyncio.run(main())
