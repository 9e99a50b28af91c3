import asyncio


async def main():
    x = 3.14159
    n = 1234567
    name = "task"
    rows = [("alpha", 1.5, 10), ("beta", 22.25, 3), ("gamma", 333.125, 12345)]
    print(f"|{x:>8.2f}|{x:<8.3f}|{x:^9.1f}|")
    print(f"{n:,} {n:_} {n:>12,} {n:e} {x:.3e}")
    print(f"{name!r} {name!s} {name:>6} {name:*^10}")
    print(f"{x=} {n=:,} {name=!r}")
    print(f"{255:x} {255:X} {255:o} {255:b} {255:#x} {255:08b} {-42:+d} {42:+d}")
    print(f"{0.5:%} {0.256:.1%} {1/3:.4} {2/3:g} {1e20:g} {123456789.0:.3g}")
    for label, value, count in rows:
        print(f"{label:<8}{value:>10.2f}{count:>8d}")
    width, prec = 10, 3
    print(f"[{x:{width}.{prec}f}]")
    print(f"{'nested ' + name.upper():>20}")
    print(f"{{literal braces}} {3 + 4}")
    print(f"{True} {None} {[1, 'a']} {(1,)} {{'k': 1}}")
    print(f"{-0.0} {1e-7} {1.0} {100.0} {1e16} {float('inf')} {-float('inf')}")
    print(format(12.5, ".0f"), format(13.5, ".0f"), round(2.5), round(3.5), round(-2.5))


asyncio.run(main())
