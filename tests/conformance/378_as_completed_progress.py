import asyncio


async def download(name, size):
    await asyncio.sleep(size / 1000)
    if size > 40:
        raise OSError(f"{name}: too big ({size} kB)")
    return name, size


async def main():
    files = {"a.txt": 12, "b.bin": 45, "c.png": 3, "d.iso": 30, "e.log": 21}
    coros = [download(n, s) for n, s in files.items()]
    total = 0
    for i, fut in enumerate(asyncio.as_completed(coros), 1):
        try:
            name, size = await fut
            total += size
            print(f"[{i}/{len(files)}] {name:<6} {size:>3} kB  total={total}")
        except OSError as e:
            print(f"[{i}/{len(files)}] error: {e}")
    print("total", total)

    tasks = [asyncio.create_task(download(f"t{i}", d)) for i, d in enumerate([30, 10, 20])]
    try:
        for fut in asyncio.as_completed(tasks, timeout=0.025):
            print("got", await fut)
    except TimeoutError:
        print("timed out;", [t.done() for t in tasks])
    await asyncio.sleep(0.02)
    print([t.result() for t in tasks])


asyncio.run(main())
