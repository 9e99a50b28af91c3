import asyncio


class Session:
    async def __aenter__(self):
        print("session open")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("session closing because of", exc_type.__name__ if exc_type else None)
        await asyncio.sleep(0.01)
        print("session closed")
        return False


async def main():
    try:
        async with asyncio.timeout(0.05):
            async with Session():
                await asyncio.sleep(1)
    except TimeoutError:
        print("TimeoutError after the session closed")


asyncio.run(main())
