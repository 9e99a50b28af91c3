import asyncio
async def fetch(name, d):
    print(f"{name} start")
    await asyncio.sleep(d)
    print(f"{name} done")
    return name
async def main():
    loop = asyncio.get_running_loop(); t0 = loop.time()
    r = await asyncio.gather(fetch("users", 2), fetch("posts", 1))
    print(r, round(loop.time() - t0))
asyncio.run(main())

# CPython 3.14 output (node /work/shared/tools/python314/run.js seed1.py):
# users start
# posts start
# posts done
# users done
# ['users', 'posts'] 2
