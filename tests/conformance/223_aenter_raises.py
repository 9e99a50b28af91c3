import asyncio


class Flaky:
    def __init__(self, fail_enter):
        self.fail_enter = fail_enter

    async def __aenter__(self):
        await asyncio.sleep(0)
        if self.fail_enter:
            raise ConnectionRefusedError("cannot open")
        print("entered")
        return self

    async def __aexit__(self, *exc_info):
        print("exit called")
        return False


async def main():
    for fail in (False, True):
        try:
            async with Flaky(fail):
                print("body runs")
        except ConnectionRefusedError as e:
            print("__aenter__ failed, __aexit__ not called:", e)
    try:
        async with Flaky(False) as a, Flaky(True) as b:
            print("never")
    except ConnectionRefusedError:
        print("the first manager was exited when the second failed to enter")


asyncio.run(main())
