import asyncio

START = 0.0


def now():  # loop time since main() began, rounded down to 0.1s: '1.5s'
    return f"{int((asyncio.get_running_loop().time() - START) * 10 + 0.01) / 10:.1f}s"


async def runner(name, arrives, pace, gun):
    await asyncio.sleep(arrives)
    print(f"[{now()}] {name}: at the start line (gun fired: {gun.is_set()})")
    await gun.wait()  # blocks until set(); returns at once if already set
    print(f"[{now()}] {name}: running")
    await asyncio.sleep(pace)
    print(f"[{now()}] {name}: finished")


async def main():
    global START
    START = asyncio.get_running_loop().time()
    gun = asyncio.Event()
    field = [("ann", 0.2, 1.0), ("bob", 0.5, 0.7), ("cat", 0.8, 1.5), ("dan", 1.5, 0.6)]
    runners = [asyncio.create_task(runner(name, arrives, pace, gun), name=name)
               for name, arrives, pace in field]
    await asyncio.sleep(1.0)
    print(f"[{now()}] main: bang! set() wakes every waiting runner at once")
    gun.set()
    await asyncio.gather(*runners)


asyncio.run(main())
