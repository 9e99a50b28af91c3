import asyncio
import sys


async def worker(name):
    await asyncio.sleep(0)
    print(f"{name}: normal output")
    print(f"{name}: diagnostic", file=sys.stderr)
    return name


async def main():
    results = await asyncio.gather(worker("a"), worker("b"))
    print("results:", results)
    print("warning: done", file=sys.stderr)


asyncio.run(main())
