# Module code around asyncio.run: the __main__ guard, two runs, values returned, and
# module state shared between them.
import asyncio

calls = []


async def job(n):
    await asyncio.sleep(0.01)
    calls.append(n)
    return n * n


async def main(n):
    results = await asyncio.gather(*(job(i) for i in range(n)))
    return sum(results), asyncio.current_task().get_name()


def report(label, value):
    print(f"{label}: {value}", flush=True)


if __name__ == "__main__":
    report("first run", asyncio.run(main(3)))
    report("second run", asyncio.run(main(4)))
    report("all calls", calls)
    print("__name__ is", __name__)
