# A typed job runner: dataclasses, typing annotations, field defaults, TaskGroup, and a
# summary sorted by a key.
import asyncio
from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Job:
    name: str
    duration: float
    fail: bool = False
    tags: list[str] = field(default_factory=list)


@dataclass(order=True)
class Outcome:
    finished_at: float
    name: str
    error: Optional[str] = None


async def run_job(job: Job, t0: float, out: list[Outcome]) -> None:
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(job.duration)
        if job.fail:
            raise RuntimeError(f"{job.name} crashed")
        out.append(Outcome(round(loop.time() - t0, 1), job.name))
    except RuntimeError as e:
        out.append(Outcome(round(loop.time() - t0, 1), job.name, str(e)))


async def main() -> None:
    jobs = [Job("fetch", 0.3, tags=["io"]), Job("parse", 0.1), Job("upload", 0.2, fail=True)]
    print(jobs[0])
    out: list[Outcome] = []
    t0 = asyncio.get_running_loop().time()
    async with asyncio.TaskGroup() as tg:
        for job in jobs:
            tg.create_task(run_job(job, t0, out))
    for o in sorted(out):
        status = "ok" if o.error is None else f"error: {o.error}"
        print(f"{o.finished_at:.1f} {o.name:<7} {status}")
    print(Outcome(0.5, "x") == Outcome(0.5, "x"), Outcome(0.1, "z") < Outcome(0.2, "a"))


asyncio.run(main())
