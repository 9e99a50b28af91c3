import asyncio
from collections import Counter, defaultdict, deque, namedtuple

Hit = namedtuple("Hit", ["path", "status", "ms"])


async def fetch(path):
    await asyncio.sleep(0)
    status = 404 if "missing" in path else 200
    return Hit(path, status, len(path) * 3)


async def main():
    hits = await asyncio.gather(*(fetch(p) for p in ["/", "/about", "/missing", "/about", "/x/missing"]))
    print(hits[1])
    print(hits[1]._asdict(), hits[1]._replace(ms=1), Hit._fields)
    path, status, ms = hits[0]
    print(path, status, ms, hits[0].status == hits[0][1])
    c = Counter(h.path for h in hits)
    print(c, c.most_common(1), c["nope"])
    c.update(["/", "/"])
    print(sorted(c.items()), c.total())
    by_status = defaultdict(list)
    for h in hits:
        by_status[h.status].append(h.path)
    print(dict(by_status), by_status.default_factory)
    recent = deque(maxlen=3)
    for h in hits:
        recent.append(h.path)
    print(recent, list(recent), recent.maxlen)
    recent.rotate(1)
    print(recent)
    recent.appendleft("first")
    print(recent, recent.popleft(), recent.pop())
    print(Counter("mississippi").most_common(2), Counter(a=3) - Counter(a=1, b=2))
    P = namedtuple("P", "x y", defaults=[0])
    print(P(1), P(1, 2) + (3,), P._make([5, 6]))


asyncio.run(main())
