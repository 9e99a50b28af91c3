import asyncio
import collections
import heapq
import itertools
import functools
import enum


class Status(enum.Enum):
    OK = "ok"
    SLOW = "slow"
    DOWN = "down"


async def probe(host, latency):
    await asyncio.sleep(0)
    if latency is None:
        return host, Status.DOWN, None
    return host, (Status.SLOW if latency > 100 else Status.OK), latency


async def main():
    hosts = {"a": 20, "b": 150, "c": None, "d": 90, "e": 300, "f": 20}
    results = await asyncio.gather(*(probe(h, l) for h, l in hosts.items()))
    counts = collections.Counter(status for _, status, _ in results)
    print(counts.most_common(), counts[Status.OK], counts[Status.DOWN])
    by_status = collections.defaultdict(list)
    for host, status, lat in results:
        by_status[status.name].append(host)
    print(dict(by_status), sorted(by_status))
    keyed = sorted(results, key=lambda r: r[1].value)
    for status, group in itertools.groupby(keyed, key=lambda r: r[1]):
        print(status, [h for h, _, _ in group])
    lats = [l for _, _, l in results if l is not None]
    print(heapq.nsmallest(2, lats), heapq.nlargest(2, lats), functools.reduce(lambda a, b: a + b, lats))
    heap = []
    for host, _, lat in results:
        if lat is not None:
            heapq.heappush(heap, (lat, host))
    print([heapq.heappop(heap) for _ in range(len(heap))])
    print(list(itertools.accumulate(lats)), list(itertools.pairwise("abc")), list(itertools.islice(itertools.count(5, 5), 3)))
    print(list(itertools.chain.from_iterable([[1], [2, 3]])), list(itertools.product("ab", repeat=2))[:3], list(itertools.combinations(range(4), 2))[-2:])
    Point = collections.namedtuple("Point", "x y")
    p = Point(1, y=2)
    print(p, p._replace(x=5), p._asdict(), p.x + p[1], Point._fields)
    dq = collections.deque([1, 2, 3], maxlen=3)
    dq.append(4)
    dq.appendleft(0)
    dq.rotate(1)
    print(dq, list(reversed(dq)), dq.maxlen)
    print(Status("slow"), Status["DOWN"].value, list(Status)[0], Status.OK in Status, repr(Status.OK))
    c2 = collections.Counter("abracadabra")
    print(c2.most_common(3), c2 + collections.Counter("aab"), sorted(c2.elements())[:4])


asyncio.run(main())
