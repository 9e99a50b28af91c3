import asyncio

RAW = """
2024-05-01 12:00:01 INFO  [auth] user=alice action=login
2024-05-01 12:00:05 WARN  [db]   slow query took=1.5s
2024-05-01 12:00:09 ERROR [auth] user=bob action=login reason="bad password"
   
2024-05-01 12:01:00 INFO  [api]  GET /v1/items status=200
"""


async def parse_line(line):
    await asyncio.sleep(0)
    date, time_, level, rest = line.split(maxsplit=3)
    component, _, msg = rest.partition("]")
    fields = dict(kv.split("=", 1) for kv in msg.split() if "=" in kv)
    return {"level": level, "component": component.strip("[ "), "msg": msg.strip(), "fields": fields}


async def main():
    lines = [l for l in RAW.splitlines() if l.strip()]
    entries = await asyncio.gather(*(parse_line(l) for l in lines))
    for e in entries:
        print(f"{e['level']:<5} {e['component']:>4} | {e['msg'][:30]!r:34} {e['fields']}")
    print(" / ".join(e["level"].lower().capitalize() for e in entries))
    s = "  Hello, World  "
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), s.strip().swapcase())
    print("a,b,,c".split(","), "a b  c".split(), "k=v=w".rsplit("=", 1), "x".partition("="))
    print("abc".center(9, "*"), "42".zfill(5), "-7".zfill(4), "ab".ljust(4, ".") + "|", "ab".rjust(4) + "|")
    print("hello world".title(), "HELLO".casefold(), "ab12".isalnum(), "12".isdigit(), " ".isspace())
    print("path/to/file.txt".removesuffix(".txt").removeprefix("path/"), "a-b-c".replace("-", "+", 1))
    print("error" in RAW.lower(), RAW.count("user="), "abcabc".find("c", 3), "abc".rfind("z"), "abcabc".index("b"))
    try:
        "abc".index("z")
    except ValueError as e:
        print("ValueError:", e)
    print("%s has %d entries (%.1f%%)" % ("log", len(entries), 100 * 3 / 4), "%r %5s|%-5s|" % ("q", "r", "l"))
    print("{0}-{1}-{0}".format("a", "b"), "{name:>6}".format(name="n"), "{:,}".format(1234567))
    print("tab\tsep".expandtabs(4), "line1\nline2".splitlines(), "a\r\nb".splitlines(keepends=True))


asyncio.run(main())
