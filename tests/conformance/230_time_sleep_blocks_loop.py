# time.sleep() blocks the whole event loop: no other task runs meanwhile, so a ticker due
# during the block runs late (asyncio.sleep() would have let it run on time).
import asyncio
import time


async def ticker(log):
    for i in range(4):
        log.append((time.perf_counter(), f"tick {i}"))
        await asyncio.sleep(0.2)


async def main():
    log = []
    task = asyncio.create_task(ticker(log))
    await asyncio.sleep(0.1)
    log.append((time.perf_counter(), "main calls time.sleep(0.5)"))
    time.sleep(0.5)
    log.append((time.perf_counter(), "main unblocked"))
    await task
    for _, what in log:
        print(what)
    when = {what: t for t, what in log}
    print("blocked for at least 0.5s:", when["main unblocked"] - when["main calls time.sleep(0.5)"] >= 0.5)
    print("tick 1, due 0.2s after tick 0, came only after the block:",
          when["tick 1"] - when["tick 0"] >= 0.5)


asyncio.run(main())
