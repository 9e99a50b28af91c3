import asyncio


def averager():
    total, count, avg = 0, 0, None
    while True:
        value = yield avg
        if value is None:
            return (count, avg)
        total += value
        count += 1
        avg = total / count


def delegator(results):
    while True:
        r = yield from averager()
        results.append(r)


def numbered(it, start=1):
    n = start
    for x in it:
        got = yield n, x
        if got == "reset":
            n = start
        else:
            n += 1


def chain(*its):
    for it in its:
        yield from it
    return "chained"


async def feeder(gen, values):
    out = []
    for v in values:
        await asyncio.sleep(0)
        out.append(gen.send(v))
    return out


async def main():
    avg = averager()
    next(avg)
    print(await feeder(avg, [10, 20, 60]))
    try:
        avg.send(None)
    except StopIteration as e:
        print("StopIteration", e.value)
    results = []
    d = delegator(results)
    next(d)
    for v in [1, 2, 3, None, 5, None]:
        d.send(v)
    print(results)
    g = numbered("abcd")
    print(next(g), g.send(None), g.send("reset"), next(g))
    g.close()
    print(list(chain([1, 2], "ab", range(2))))
    c = chain([1])
    print(next(c))
    try:
        next(c)
    except StopIteration as e:
        print("return value:", e.value)

    def thrower():
        try:
            yield 1
        except ValueError as e:
            yield f"caught {e}"
        yield "after"
    t = thrower()
    print(next(t), t.throw(ValueError("boom")), next(t), next(t, "exhausted"))
    gen = (x * x for x in range(3))
    print(next(gen), list(gen), list(gen))
    try:
        avg2 = averager()
        avg2.send(5)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
