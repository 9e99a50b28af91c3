import asyncio


async def fetch(url, *, timeout=1.0, retries=0):
    await asyncio.sleep(0)
    return f"{url} timeout={timeout} retries={retries}"


def pair(a, b):
    return a, b


async def main():
    print(await fetch("u1", timeout=0.5))
    calls = [
        ("positional for keyword-only", lambda: fetch("u", 2.0)),
        ("unknown keyword", lambda: fetch("u", verbose=True)),
        ("missing argument", lambda: fetch()),
        ("too many", lambda: pair(1, 2, 3)),
        ("missing b", lambda: pair(1)),
        ("duplicate", lambda: pair(1, a=2)),
    ]
    for label, call in calls:
        try:
            result = call()
            print(label, "->", await result)
        except TypeError as e:
            print(f"{label}: TypeError: {e}")
    print(pair(b="B", a="A"), pair(*"xy"), pair(**{"a": 1, "b": 2}))


asyncio.run(main())
