import asyncio

START = 0.0


def now():  # loop time since main() began, rounded down to 0.1s: '1.5s'
    return f"{int((asyncio.get_running_loop().time() - START) * 10 + 0.01) / 10:.1f}s"


async def job(name, seconds, fail=False):
    print(f"[{now()}] {name}: started ({seconds}s)")
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"[{now()}] {name}: cancelled by the group")
        raise
    if fail:
        raise ValueError(f"{name} found a corrupt record")
    print(f"[{now()}] {name}: done")


async def main():
    global START
    START = asyncio.get_running_loop().time()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("download", 0.5), name="download")
            tg.create_task(job("parse", 1.0, fail=True), name="parse")
            tg.create_task(job("upload", 2.5), name="upload")
            print(f"[{now()}] main: three tasks created; they start when the block waits")
    except* ValueError as group:
        # the group cancels the siblings, waits for them, then raises ExceptionGroup
        print(f"[{now()}] main: {group.message}")
        for error in group.exceptions:
            print(f"[{now()}] main: caught {error!r}")


asyncio.run(main())
