import asyncio


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"


class Named:
    def __init__(self, name):
        self.name = name

    def __str__(self):
        return f"Named<{self.name}>"


async def main():
    values = [1, "two", 3.0, None, True, [4, "5"], (6,), (), {"k": "v", 1: [2]}, Point(1, "y")]
    print(values)
    print(str(values[1]), repr(values[1]), repr("it's"), repr('say "hi"'), repr("both ' and \""))
    print(repr("tab\tnewline\n\\"), str(Point(2, 3)), [Named("n")] == [], str(Named("n")))
    print({1, 2, 3}, set(), {}, {(1, 2): {3}}, {3, 1, 2} == {1, 2, 3})
    print(repr(ValueError("msg")), str(ValueError("msg")), repr(ValueError()), repr(ValueError(1, "two")))
    print(str(KeyError("k")), str(KeyError()), repr(asyncio.CancelledError()), repr(TimeoutError()))
    print(str(ValueError(1, 2)), repr(Exception("a", ("b",))))
    print(dict(zip("abc", range(3))), list(range(5, 0, -2)), tuple("xy"))
    print(1 == 1.0, "a" < "b", [1, 2] < [1, 3], (1, "a") == (1, "a"), None is None)


asyncio.run(main())
