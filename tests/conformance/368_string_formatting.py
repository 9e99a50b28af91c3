import asyncio


async def row(name, value, ok):
    await asyncio.sleep(0)
    return f"|{name:<8}|{value:>8.2f}|{'yes' if ok else 'no':^5}|"


async def main():
    lines = await asyncio.gather(row("alpha", 3.14159, True), row("beta", -2.5, False), row("gamma-long", 1e6, True))
    print("\n".join(lines))
    x = "hi"
    print(f"{x!r:>10}|{x!s:<6}|{x!a}|{x:*^9}|")
    print(f"{42:08b} {255:#x} {255:X} {8:o} {1234567:,} {1234567.891:_.2f} {0.25:.1%} {5:+d} {-5: d}")
    print(f"{3.0:g} {1e-7:g} {123456789.0:g} {1.5e300:.3e} {2/3:.10f} {0.1 + 0.2}")
    print("%s|%r|%5d|%-5d|%05.1f|%x|%%|%c" % ("s", "r", 42, 42, 3.14159, 255, 65))
    print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
    print("{} {} {}".format(1, "two", [3]), "{1}{0}{1}".format("a", "b"), "{x.real}".format(x=3))
    print("{:>6}|{:<6}|{:^6}|{:=+6}".format("ab", "cd", "ef", 7))
    print(format(3.14159, ".3"), format(10, "5"), format("s", ""), format(1234.5, ",.1f"))
    print(", ".join(str(i) for i in range(4)), "-".join(["a", "b"]), "".join(reversed("abc")))
    s = "  Hello, World  "
    print(repr(s.strip()), s.lower(), s.upper(), s.title(), s.swapcase())
    print(s.split(","), s.split(), "a,b,,c".split(","), "a b  c".split(" "), "k=v=w".split("=", 1))
    print("a-b-c".rsplit("-", 1), "x".center(5, "."), "7".zfill(3), "-7".zfill(4), "ab".ljust(4) + "|")
    print("hello".replace("l", "L", 1), "hello".find("l"), "hello".rfind("l"), "hello".count("l"))
    print("Hello".startswith(("He", "x")), "file.py".endswith(".py"), "abc".isalpha(), "12".isdigit())
    print("line1\nline2\r\nline3".splitlines(), "tab\there".expandtabs(4), "a".join("xyz"))
    print("%.2f%%" % 12.345, "%3s|%-3s|" % ("a", "b"), "%e" % 12345.678, "%g" % 0.00001234)
    print(str(1.0), str(1e16), str(1e-5), repr(0.1), repr(-0.0), str(float("inf")), 1e22, 123456789012345678.0)
    try:
        "{} {}".format(1)
    except IndexError as e:
        print("IndexError:", e)
    try:
        f"{'x':d}"
    except ValueError as e:
        print("ValueError:", e)
    try:
        "%d" % "x"
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
