import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    marks = []

    def mark(tag):
        marks.append((tag, round(loop.time() - t0, 1)))

    loop.call_at(t0 + 0.3, mark, "call_at +0.3")
    loop.call_later(0.1, mark, "call_later 0.1")
    await asyncio.sleep(0.2)
    mark("main after sleep(0.2)")
    await asyncio.sleep(0.2)
    mark("main after another 0.2")
    for tag, t in marks:
        print(f"{t:>4} {tag}")
    print("loop.time() is a float:", isinstance(loop.time(), float))


asyncio.run(main())
