import asyncio


async def measure(name, samples):
    await asyncio.sleep(0)
    n = len(samples)
    mean = sum(samples) / n
    ordered = sorted(samples)
    median = ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2
    var = sum((x - mean) ** 2 for x in samples) / n
    return name, n, mean, median, var ** 0.5, min(samples), max(samples)


async def main():
    data = {
        "fetch": [12.5, 10.25, 11.0, 30.75, 9.5],
        "parse": [1.125, 0.875, 1.0, 1.25],
        "store": [100.0, 250.5, 175.25],
    }
    rows = await asyncio.gather(*(measure(k, v) for k, v in data.items()))
    header = f"{'stage':<8}{'n':>3}{'mean':>10}{'median':>10}{'stdev':>10}{'min':>8}{'max':>8}"
    print(header)
    print("=" * len(header))
    for name, n, mean, median, stdev, lo, hi in rows:
        print(f"{name:<8}{n:>3}{mean:>10.3f}{median:>10.3f}{stdev:>10.3f}{lo:>8.2f}{hi:>8.2f}")
    total = sum(sum(v) for v in data.values())
    print(f"{'total':<8}{sum(len(v) for v in data.values()):>3}{total:>10.3f}")
    share = {k: sum(v) / total for k, v in data.items()}
    print(" | ".join(f"{k} {p:.1%}" for k, p in sorted(share.items(), key=lambda kv: -kv[1])))
    print(f"{1234567.891:,.2f} {-0.000123:.2e} {42:05d} {3.5:+.1f} {'x':^5}|{7:<4}|{7:>4}|")


asyncio.run(main())
