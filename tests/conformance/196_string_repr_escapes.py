import asyncio


async def main():
    samples = ["plain", "tab\there", "new\nline", "back\\slash", "quote's", 'dq"', "both'\"", "\x00\x1f",
               "é", "日本", "\u00a0", ""]
    for s in samples:
        print(repr(s), len(s))
    print(["a'b", 'c"d'], ("x",), {"k'": "v"})
    print("caf\u00e9" == "café", ascii("café"), "é".upper(), "Straße".lower())
    print(str(1.0), str(-0.5), repr(1e-5), repr(123e18), repr(1.0e16), str(12345678901234567890.0))
    print("%r %s %5.1f %-4d| %x %%" % ("r", "s", 2.25, 7, 255))
    raw = r"C:\new\table"
    print(raw, len(raw), "multi" "part" " literal")
    print("""triple
quoted""", 'x'.join("abc"), "-" * 10)


asyncio.run(main())
