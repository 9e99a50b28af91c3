# gather() wraps each distinct awaitable once: the same coroutine or task given twice
# runs once and its result appears twice.
import asyncio

runs = {"a": 0, "b": 0}


async def job(name):
    runs[name] += 1
    await asyncio.sleep(0.01)
    return f"{name}{runs[name]}"


async def main():
    c = job("a")
    print(await asyncio.gather(c, c, job("b")), runs)
    t = asyncio.create_task(job("b"))
    print(await asyncio.gather(t, t), runs)
    f = asyncio.get_running_loop().create_future()
    f.set_result("ready")
    print(await asyncio.gather(f, f, return_exceptions=True))
    print(await asyncio.gather())


asyncio.run(main())
