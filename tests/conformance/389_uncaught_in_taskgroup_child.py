import asyncio


class ValidationError(Exception):
    def __init__(self, field, value):
        super().__init__(f"{field}={value!r} is invalid")
        self.field = field


async def validate(record):
    await asyncio.sleep(0)
    if record.get("age", 0) < 0:
        raise ValidationError("age", record["age"])
    return record["name"]


async def main():
    records = [{"name": "a", "age": 3}, {"name": "b", "age": -1}]
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(validate(r)) for r in records]
    print([t.result() for t in tasks])


asyncio.run(main())
