import asyncio
from itertools import chain, islice, count, accumulate, pairwise


def read_lines():
    yield from ["GET /a 200", "GET /b 404", "POST /a 500", "GET /c 200", "bad line"]


def parse(lines):
    for line in lines:
        parts = line.split()
        if len(parts) != 3:
            continue
        yield parts[0], parts[1], int(parts[2])


def averager():
    total = n = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            return total
        total += value
        n += 1
        avg = total / n


async def main():
    recs = list(parse(read_lines()))
    print(recs)
    errors = (r for r in recs if r[2] >= 400)
    print(next(errors), list(errors))
    a = averager()
    print(next(a), a.send(10), a.send(20), a.send(33))
    try:
        a.send(None)
    except StopIteration as e:
        print("returned", e.value)
    print(list(islice(count(10, 5), 4)), list(chain("ab", [1, 2])), list(accumulate([1, 2, 3, 4])))
    print(list(pairwise("abcd")))
    g = (x * 2 for x in range(3))
    print(list(g), list(g))

    def delegator():
        result = yield from averager()
        yield f"inner returned {result}"

    d = delegator()
    next(d)
    d.send(4)
    print(d.send(None))
    await asyncio.sleep(0)
    gen = read_lines()
    next(gen)
    gen.close()
    print(next(gen, "exhausted after close"))


asyncio.run(main())
