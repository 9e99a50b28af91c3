import asyncio


class ConfigError(Exception):
    pass


async def load(name):
    await asyncio.sleep(0)
    try:
        return {"port": "80x"}[name]
    except KeyError as e:
        raise ConfigError(f"missing {name}") from e


async def parse_port():
    raw = await load("port")
    try:
        return int(raw)
    except ValueError as e:
        e.add_note(f"while parsing port {raw!r}")
        raise


async def main():
    try:
        await load("host")
    except ConfigError as e:
        print(repr(e), repr(e.__cause__), e.__context__ is e.__cause__)
    task = asyncio.create_task(parse_port())
    await asyncio.sleep(0.001)
    print(task.done(), repr(task.exception()), task.exception().__notes__)
    await task


asyncio.run(main())
