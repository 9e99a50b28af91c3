# cpython: 3.12+ (why: 3.14 error messages differ: "division by zero" for // and %, "expected 2, got 3", "cannot use 'list' as a dict key")
import asyncio

nothing = None


async def attempt(label, fn):
    await asyncio.sleep(0)
    try:
        fn()
    except Exception as e:
        print(f"{label:<16} {type(e).__name__}: {e}")


async def main():
    cases = [
        ("div by zero", lambda: 1 / 0),
        ("int div zero", lambda: 1 // 0),
        ("mod zero", lambda: 5 % 0),
        ("index", lambda: [1, 2][5]),
        ("tuple index", lambda: (1,)[3]),
        ("str index", lambda: "ab"[9]),
        ("key", lambda: {"a": 1}["b"]),
        ("int + str", lambda: 1 + "a"),
        ("str + int", lambda: "a" + 1),
        ("int()", lambda: int("4x")),
        ("float()", lambda: float("x")),
        ("not callable", lambda: nothing()),
        ("attribute", lambda: (5).nope),
        ("none attribute", lambda: None.x),
        ("len of int", lambda: len(5)),
        ("unpack", lambda: [a for a, b in [(1, 2, 3)]]),
        ("pop empty", lambda: [].pop()),
        ("sequence * str", lambda: "a" * "b"),
        ("unhashable", lambda: {[1]: 2}),
        ("compare", lambda: 1 < "a"),
        ("iterate int", lambda: [x for x in 5]),
        ("remove missing", lambda: [1].remove(2)),
        ("next empty", lambda: next(iter([]))),
        ("round str", lambda: round("x")),
    ]
    for label, fn in cases:
        await attempt(label, fn)


asyncio.run(main())
