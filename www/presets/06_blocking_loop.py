import asyncio

START = 0.0


def now():  # loop time since main() began, rounded down to 0.1s: '1.5s'
    return f"{int((asyncio.get_running_loop().time() - START) * 10 + 0.01) / 10:.1f}s"


async def heartbeat():
    loop = asyncio.get_running_loop()
    for beat in range(1, 6):
        due = beat * 0.5
        await asyncio.sleep(START + due - loop.time())  # sleep until the beat is due
        # this prints when the beat was *due*; the timeline shows when it really ran
        print(f"heartbeat: beat {beat} (due at {due:.1f}s)")


async def cruncher():
    await asyncio.sleep(0.9)  # just before beat 2 is due
    print(f"[{now()}] cruncher: summing 200,000 numbers without a single await")
    total = 0
    for i in range(200_000):  # pure computation: the loop cannot switch tasks here
        total += i % 7
    print(f"cruncher: done, total = {total}")  # beats due meanwhile run only now


async def main():
    global START
    START = asyncio.get_running_loop().time()
    await asyncio.gather(
        asyncio.create_task(heartbeat(), name="heartbeat"),
        asyncio.create_task(cruncher(), name="cruncher"),
    )


asyncio.run(main())
