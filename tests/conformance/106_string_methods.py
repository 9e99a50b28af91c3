import asyncio


async def main():
    s = "  Hello, Async World!  "
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
    t = s.strip()
    print(t.lower(), t.upper(), t.title(), t.swapcase(), t.casefold())
    print(t.split(), t.split(", "), t.split(",", 1), "a,b,,c".split(","), "x  y".split(" "))
    print("-".join(["a", "b", "c"]), t.replace("World", "Loop"), t.find("Async"), t.find("zzz"))
    print(t.startswith("Hello"), t.endswith("!"), "async" in t.lower(), t.count("l"), t.index("W"))
    print("42".zfill(5), "7".rjust(3, "0"), "ab".ljust(5, ".") + "|", "mid".center(9, "*"))
    print("line1\nline2\n".splitlines(), "a\tb".expandtabs(4), "abc"[::-1], t[7:12], t[-6:])
    print("abc".isalpha(), "123".isdigit(), " ".isspace(), "Ab".isupper(), "ab".islower(), "a1".isalnum())
    print("key=value=x".partition("="), "key=value=x".rpartition("="), "a.b.c".rsplit(".", 1))
    print(ord("A"), chr(97), "ß".upper(), len("héllo"), "%s is %d years" % ("Ann", 30), "%.2f" % 3.14159)
    print("{} and {}".format("x", "y"), "{name}:{0}".format(1, name="n"), "{:>5}|".format("r"))
    print("a-b_c".replace("-", " ").replace("_", " ").split(), "CamelCase".removeprefix("Camel"), "file.py".removesuffix(".py"))
    words = "the quick brown fox jumps over the lazy dog the end".split()
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])


asyncio.run(main())
