import asyncio


class Resource:
    def __init__(self, fail_on_exit):
        self.fail_on_exit = fail_on_exit

    async def __aenter__(self):
        print("enter")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("exit with", exc_type.__name__ if exc_type else None)
        await asyncio.sleep(0)
        if self.fail_on_exit:
            raise OSError("close failed")
        return False


async def main():
    try:
        async with Resource(fail_on_exit=True):
            raise ValueError("body failed")
    except OSError as e:
        print("caught", repr(e), "context:", repr(e.__context__))
    try:
        async with Resource(fail_on_exit=True):
            pass
    except OSError as e:
        print("caught", repr(e), "context:", e.__context__)
    try:
        async with Resource(fail_on_exit=False) as r:
            print("got the resource back:", type(r).__name__)
            raise ValueError("body failed again")
    except ValueError as e:
        print("caught", repr(e))


asyncio.run(main())
