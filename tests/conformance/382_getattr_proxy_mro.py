# cpython: 3.12+ (why: the unhashable-element and MRO TypeError messages changed)
import asyncio


class Base:
    def hello(self):
        return ["Base"]


class Left(Base):
    def hello(self):
        return ["Left"] + super().hello()


class Right(Base):
    def hello(self):
        return ["Right"] + super().hello()


class Child(Left, Right):
    def hello(self):
        return ["Child"] + super().hello()


class Recorder:
    def __init__(self, target):
        self._target = target
        self.calls = []

    def __getattr__(self, name):
        attr = getattr(self._target, name)
        if callable(attr):
            def wrapped(*args, **kwargs):
                self.calls.append(name)
                return attr(*args, **kwargs)
            return wrapped
        return attr


class AsyncService:
    version = "1.2"

    async def fetch(self, key):
        await asyncio.sleep(0)
        return key.upper()

    def sync_len(self, s):
        return len(s)


class Point:
    __slots__ = ()

    def __init__(self):
        pass


class Vec:
    def __init__(self, *xs):
        self.xs = xs

    def __eq__(self, other):
        return isinstance(other, Vec) and self.xs == other.xs


async def main():
    print(Child().hello(), [c.__name__ for c in Child.__mro__])
    r = Recorder(AsyncService())
    print(await r.fetch("abc"), r.sync_len("four"), r.version, r.calls)
    try:
        r.missing
    except AttributeError as e:
        print("AttributeError:", e)
    print(Vec(1, 2) == Vec(1, 2), Vec(1) != Vec(2), Vec.__hash__ is None)
    try:
        {Vec(1)}
    except TypeError as e:
        print("TypeError:", e)
    try:
        class Bad(Left, Child):
            pass
    except TypeError as e:
        print("TypeError:", e)
    print(hasattr(r, "calls"), getattr(r, "nope", "default"), isinstance(r, AsyncService))


asyncio.run(main())
