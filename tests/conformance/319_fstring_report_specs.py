import asyncio


async def measure(name, value):
    await asyncio.sleep(0)
    return name, value


async def main():
    rows = await asyncio.gather(
        measure("latency_ms", 12.3456),
        measure("throughput", 1234567.891),
        measure("errors", 3),
        measure("ratio", 0.0712),
    )
    for name, value in rows:
        print(f"|{name:<12}|{value:>14,.2f}|{value:^12.3e}|{value:+.1%}|")
    n = 255
    print(f"{n:#x} {n:#o} {n:#b} {n:08b} {n:_x} {n:>6d} {n:<6d}| {n:^7}|")
    print(f"{-42:05d} {42:+d} {42: d} {3.14159:.0f} {2.5:.0f} {3.5:.0f}")
    width, prec = 10, 3
    print(f"[{3.14159265:{width}.{prec}f}] [{'hi':*^{width}}] [{'left':<{width}}]")
    x, items = 7, ["a", "b"]
    print(f"{x=} {items=} {x * 2 = } {name!r:>15}")
    print(f"{'quote'!r} {'tab'!s:>5} {None!r} {True:d} {1e21} {1e-5} {0.1 + 0.2}")
    print(f"{1234.5:g} {0.00001234:g} {123456789:g} {1e100:.3g} {12:.2g}")
    print(f"{'nested {braces}'} {{literal}} {x:{'>'}{5}}")
    print("{:>8}|{:<8}|{:^8}".format("r", "l", "c"), "%-6s|%6.2f|%03d" % ("ab", 3.14159, 7))
    print(format(1234.5678, ",.1f"), format(0.5, "%"), format(10, "x"), format("s", ">3"))


asyncio.run(main())
