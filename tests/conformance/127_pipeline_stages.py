import asyncio

DONE = object()


async def source(out_q, lines):
    for line in lines:
        await out_q.put(line)
        await asyncio.sleep(0.005)
    await out_q.put(DONE)


async def stage(name, fn, in_q, out_q):
    count = 0
    while True:
        item = await in_q.get()
        if item is DONE:
            await out_q.put(DONE)
            print(f"stage {name}: {count} items")
            return count
        result = fn(item)
        if result is not None:
            await out_q.put(result)
            count += 1
        await asyncio.sleep(0)


async def sink(in_q, collected):
    while True:
        item = await in_q.get()
        if item is DONE:
            break
        collected.append(item)


async def main():
    lines = ["  Alpha beta ", "", "gamma", "   ", "Delta EPSILON zeta", "eta"]
    q1, q2, q3, q4 = (asyncio.Queue(maxsize=2) for _ in range(4))
    collected = []
    await asyncio.gather(
        source(q1, lines),
        stage("strip", lambda s: s.strip() or None, q1, q2),
        stage("lower", str.lower, q2, q3),
        stage("count", lambda s: (s, len(s.split())), q3, q4),
        sink(q4, collected),
    )
    for text, words in collected:
        print(f"{words} word(s): {text!r}")


asyncio.run(main())
