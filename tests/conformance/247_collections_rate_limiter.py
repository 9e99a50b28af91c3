# A sliding-window rate limiter with a deque, per-client counts with defaultdict and
# Counter, and a namedtuple for events.
import asyncio
from collections import deque, defaultdict, Counter, namedtuple

Event = namedtuple("Event", "t client allowed")


class RateLimiter:
    def __init__(self, limit, window):
        self.limit = limit
        self.window = window
        self.hits = defaultdict(deque)

    def allow(self, client, now):
        q = self.hits[client]
        while q and now - q[0] >= self.window:
            q.popleft()
        if len(q) < self.limit:
            q.append(now)
            return True
        return False


async def client(name, gaps, limiter, events):
    now = 0.0
    for gap in gaps:
        await asyncio.sleep(gap)
        # Nominal time (the sum of the gaps), so the output does not depend on the machine.
        now = round(now + gap, 3)
        events.append(Event(now, name, limiter.allow(name, now)))


async def main():
    limiter = RateLimiter(limit=2, window=0.1)
    events = []
    await asyncio.gather(
        client("alice", [0.01, 0.02, 0.02, 0.1], limiter, events),
        client("bob", [0.015, 0.1, 0.01], limiter, events),
    )
    for e in sorted(events):
        print(e)
    allowed = Counter(e.client for e in events if e.allowed)
    denied = Counter(e.client for e in events if not e.allowed)
    print("allowed:", dict(sorted(allowed.items())), "denied:", dict(denied))
    print(allowed.most_common(1), Event._fields)


asyncio.run(main())
