import asyncio
import functools


@functools.total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __hash__(self):
        return hash(self.parts)

    def __repr__(self):
        return f"Version('{'.'.join(map(str, self.parts))}')"


class Throttle:
    def __init__(self, rate):
        self.rate = rate

    @property
    def rate(self):
        return self._rate

    @rate.setter
    def rate(self, value):
        if value <= 0:
            raise ValueError(f"rate must be positive, got {value}")
        self._rate = value

    @property
    def interval(self):
        return 1 / self.rate


async def main():
    vs = [Version("1.10.0"), Version("1.2.3"), Version("1.2.10"), Version("0.9")]
    print(sorted(vs), max(vs))
    print(Version("1.2") >= Version("1.1"), Version("1.2") <= Version("1.2"), Version("2") > Version("10"))
    print(Version("1.0") == "1.0", Version("1.0") != Version("1.0"), len({Version("1.0"), Version("1.0")}))
    t = Throttle(4)
    print(t.rate, t.interval)
    try:
        t.rate = 0
    except ValueError as e:
        print("ValueError:", e)
    try:
        t.interval = 3
    except AttributeError as e:
        print("AttributeError:", e)
    print(t.rate, vars(t))
    try:
        Version("1") < 3
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
    await asyncio.sleep(0)


asyncio.run(main())
