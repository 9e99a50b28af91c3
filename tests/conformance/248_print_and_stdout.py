# Output idioms from tutorials: print's sep/end/flush, sys.stdout.write, progress lines,
# and perf_counter arithmetic.
import asyncio
import sys
import time


async def step(i, total):
    await asyncio.sleep(0.1)
    sys.stdout.write(f"[{'#' * (i + 1):<{total}}] {i + 1}/{total}\n")


async def main():
    start = time.perf_counter()
    for i in range(4):
        await step(i, 4)
    elapsed = time.perf_counter() - start
    print(f"done; elapsed is a {type(elapsed).__name__}", flush=True)
    print("a", "b", "c", sep=" | ", end=" <end>\n")
    print(*range(5), sep=",")
    n = sys.stdout.write("write returns the length\n")
    print(n)
    print(f"{'left':<8}|{'center':^10}|{'right':>8}|")
    print(f"{3.14159:.2f} {1234567:,} {0.25:.0%} {42:08.3f} {255:#x}")
    print("x".center(7, "-"), "7".zfill(3), "-7".zfill(4), "a,b,,c".split(","), " pad ".strip())


if __name__ == "__main__":
    asyncio.run(main())
