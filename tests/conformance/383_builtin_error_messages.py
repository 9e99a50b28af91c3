# cpython: 3.12+ (why: several builtin error messages changed: list.index, unhashable dict keys, min())
import asyncio


async def attempt(label, fn):
    await asyncio.sleep(0)
    try:
        r = fn()
    except Exception as e:
        return f"{label}: {type(e).__name__}: {e}"
    return f"{label}: ok {r!r}"


async def main():
    d = {"a": 1}
    lst = [1, 2, 3]
    cases = [
        ("dict key", lambda: d["b"]),
        ("list index", lambda: lst[10]),
        ("list remove", lambda: lst.remove(9)),
        ("list index()", lambda: lst.index(7)),
        ("tuple assign", lambda: (1, 2).__setitem__(0, 1)),
        ("str + int", lambda: "a" + 1),
        ("int + str", lambda: 1 + "a"),
        ("none call", lambda: d.get("zz")()),
        ("attr", lambda: (5).foo),
        ("pop empty", lambda: [].pop()),
        ("dict pop", lambda: {}.pop("x")),
        ("set remove", lambda: set().remove(3)),
        ("int()", lambda: int("x1")),
        ("float()", lambda: float("abc")),
        ("unhashable", lambda: {[]: 1}),
        ("len int", lambda: len(5)),
        ("iter int", lambda: iter(5)),
        ("compare", lambda: 1 < "x"),
        ("str index", lambda: "abc"[5]),
        ("next list", lambda: next([1])),
        ("args", lambda: (lambda a, b: a)(1, 2, 3)),
        ("kw", lambda: (lambda a: a)(b=1)),
        ("min empty", lambda: min([])),
        ("max default", lambda: max([], default="none")),
        ("chr", lambda: chr(-1)),
        ("round", lambda: round("x")),
        ("sorted key", lambda: sorted([1, 2], key=5)),
        ("format", lambda: format(1, "q")),
        ("slice step", lambda: [1, 2][::0]),
        ("dict update", lambda: {}.update(1)),
        ("zip strict", lambda: list(zip([1], [1, 2], strict=True))),
        ("str mul", lambda: "ab" * 2.0),
        ("not subscriptable", lambda: lst[0][0]),
        ("divmod", lambda: divmod("a", 1)),
    ]
    for line in await asyncio.gather(*(attempt(label, fn) for label, fn in cases)):
        print(line)


asyncio.run(main())
