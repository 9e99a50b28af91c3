# cpython: 3.12+ (why: list.index message is "list.index(x): x not in list" on 3.14, "99 is not in list" on 3.11)
import asyncio


async def main():
    d = {"b": 2, "a": 1}
    d["c"] = 3
    d.update({"a": 10, "d": 4})
    print(d, list(d), list(d.values()), list(d.items())[:2])
    print(d.pop("b"), d.pop("zz", "default"), d.get("zz"), d.setdefault("e", 5), d)
    print(d.popitem(), "a" in d, len(d), sorted(d, reverse=True))
    del d["a"]
    print(d, dict.fromkeys("xy", 0), {k: v for k, v in sorted({"q": 2, "p": 1}.items())})
    items = [5, 3, 8, 1]
    items.append(9)
    items.insert(0, 7)
    items.extend([2, 2])
    print(items, items.index(8), items.count(2))
    items.remove(2)
    print(items.pop(), items.pop(0), items)
    items.sort()
    print(items, items[::-1], items[1:3], items[-2:])
    items.sort(key=lambda x: (x % 3, x), reverse=True)
    print(items)
    items[1:3] = ["a", "b", "c"]
    print(items, len(items))
    items.reverse()
    print(items, items * 2 == items + items, [0] * 3, list(range(3)) + [3])
    try:
        items.index(99)
    except ValueError as e:
        print("ValueError:", e)
    try:
        {}["missing"]
    except KeyError as e:
        print("KeyError:", e)
    a = [1, [2, 3]]
    b = a.copy()
    b[1].append(4)
    print(a, b, a == b, a is b)
    t = (1, 2, 2, 3)
    print(t.count(2), t.index(3), t + (4,), t[1:], tuple(sorted(set(t))))


asyncio.run(main())
