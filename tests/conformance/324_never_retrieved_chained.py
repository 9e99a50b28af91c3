import asyncio


class ParseError(Exception):
    pass


def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise ParseError(f"cannot parse {text!r}") from e


async def handle(text):
    await asyncio.sleep(0.01)
    return parse(text)


async def main():
    ok = asyncio.create_task(handle("12"), name="good")
    asyncio.create_task(handle("twelve"), name="fire-and-forget")
    await asyncio.sleep(0.03)
    print("good:", ok.result())
    print("main done")


asyncio.run(main())
print("exit normally")
