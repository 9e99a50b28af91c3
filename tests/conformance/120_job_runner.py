import asyncio


class JobFailed(Exception):
    pass


JOBS = [
    # name, duration, outcome
    ("compile", 0.04, "ok"),
    ("lint", 0.02, "ok"),
    ("unit-tests", 0.06, "fail"),
    ("docs", 0.03, "ok"),
    ("package", 0.05, "crash"),
]


async def run_job(name, duration, outcome):
    print(f"[start ] {name}")
    await asyncio.sleep(duration)
    if outcome == "fail":
        raise JobFailed(f"{name}: 3 tests failed")
    if outcome == "crash":
        raise RuntimeError(f"{name}: out of disk")
    print(f"[finish] {name}")
    return f"{name} artifact"


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    tasks = [asyncio.create_task(run_job(*job), name=job[0]) for job in JOBS]
    results = await asyncio.gather(*tasks, return_exceptions=True)
    elapsed = loop.time() - t0
    print()
    print(f"{'job':<12}{'status':<8}detail")
    print("-" * 40)
    counts = {"ok": 0, "failed": 0, "error": 0}
    for task, res in zip(tasks, results):
        if isinstance(res, JobFailed):
            status, detail = "failed", str(res)
            counts["failed"] += 1
        elif isinstance(res, Exception):
            status, detail = "error", f"{type(res).__name__}: {res}"
            counts["error"] += 1
        else:
            status, detail = "ok", res
            counts["ok"] += 1
        print(f"{task.get_name():<12}{status:<8}{detail}")
    print("-" * 40)
    print(", ".join(f"{k}={v}" for k, v in counts.items()))
    print("ran concurrently:", round(elapsed, 1) < 0.2)


asyncio.run(main())
