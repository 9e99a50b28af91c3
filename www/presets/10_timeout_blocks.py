import asyncio

START = 0.0


def now():  # loop time since main() began, rounded down to 0.1s: '1.5s'
    return f"{int((asyncio.get_running_loop().time() - START) * 10 + 0.01) / 10:.1f}s"


async def handle_request():
    try:
        async with asyncio.timeout(2.0) as whole:  # budget for the whole request
            try:
                async with asyncio.timeout(0.5) as lookup:  # budget for one step
                    print(f"[{now()}] cache lookup (allowed 0.5s)")
                    await asyncio.sleep(1.0)  # too slow
            except TimeoutError:
                print(f"[{now()}] cache lookup timed out: expired() = {lookup.expired()}")
            print(f"[{now()}] the 2s budget is untouched: expired() = {whole.expired()}")
            ends = whole.when() - START  # when() is the deadline, in loop time
            print(f"[{now()}] database query (needs 2.0s, budget ends at {ends:.1f}s)")
            await asyncio.sleep(2.0)  # the outer deadline hits first
            print(f"[{now()}] query finished")
    except TimeoutError:
        print(f"[{now()}] request timed out: expired() = {whole.expired()}")


async def main():
    global START
    START = asyncio.get_running_loop().time()
    await asyncio.create_task(handle_request(), name="request")


asyncio.run(main())
