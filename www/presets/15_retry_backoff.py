import asyncio

START = 0.0
SCRIPT = [("hang", 5.0), ("reset", 0.3), ("hang", 5.0), ("answer", 0.4)]


def now():  # loop time since main() began, rounded down to 0.1s: '1.5s'
    return f"{int((asyncio.get_running_loop().time() - START) * 10 + 0.01) / 10:.1f}s"


async def call_server(attempt):
    behaviour, seconds = SCRIPT[attempt - 1]  # the flaky server's plan for this call
    await asyncio.sleep(seconds)  # a "hang" is cut short by the timeout
    if behaviour == "reset":
        raise ConnectionError("connection reset by peer")
    return "200 OK"


async def fetch_with_retries(attempts=4, timeout=1.0, backoff=0.2):
    for attempt in range(1, attempts + 1):
        print(f"[{now()}] attempt {attempt}: calling (timeout {timeout}s)")
        try:
            async with asyncio.timeout(timeout):  # never wait forever on one call
                return await call_server(attempt)
        except (TimeoutError, ConnectionError) as e:
            if attempt == attempts:
                raise RuntimeError(f"gave up after {attempts} attempts") from e
            delay = backoff * 2 ** (attempt - 1)  # 0.2, 0.4, 0.8, ... seconds
            print(f"[{now()}] attempt {attempt}: {type(e).__name__}, retry in {delay:.1f}s")
            await asyncio.sleep(delay)  # back off: give the server time to recover


async def main():
    global START
    START = asyncio.get_running_loop().time()
    result = await asyncio.create_task(fetch_with_retries(), name="fetch")
    print(f"[{now()}] main: got {result!r}")


asyncio.run(main())
