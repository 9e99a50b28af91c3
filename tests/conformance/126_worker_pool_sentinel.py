import asyncio

SENTINEL = None


async def worker(wid, jobs, results):
    handled = 0
    while True:
        job = await jobs.get()
        if job is SENTINEL:
            jobs.task_done()
            print(f"worker {wid} exits after {handled} jobs")
            return handled
        n = job
        await asyncio.sleep(0.05 * n)
        results[n] = sum(i * i for i in range(n))
        handled += 1
        jobs.task_done()


async def main():
    jobs = asyncio.Queue()
    results = {}
    n_workers = 3
    for n in [7, 4, 2, 8, 1, 6, 9]:
        jobs.put_nowait(n)
    for _ in range(n_workers):
        jobs.put_nowait(SENTINEL)
    workers = [asyncio.create_task(worker(i, jobs, results)) for i in range(n_workers)]
    counts = await asyncio.gather(*workers)
    await jobs.join()
    print("jobs per worker:", counts, "total:", sum(counts))
    for n in sorted(results):
        print(f"sum of squares below {n}: {results[n]}")


asyncio.run(main())
