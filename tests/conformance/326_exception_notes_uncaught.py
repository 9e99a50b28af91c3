import asyncio


async def validate(record):
    await asyncio.sleep(0)
    if record["age"] < 0:
        err = ValueError(f"invalid age {record['age']}")
        err.add_note(f"record id: {record['id']}")
        err.add_note("hint: ages must be non-negative")
        raise err
    return record["id"]


async def main():
    records = [{"id": 1, "age": 30}, {"id": 2, "age": -4}]
    for r in records:
        try:
            print("valid", await validate(r))
        except ValueError as e:
            print("notes:", e.__notes__)
            e.add_note("re-raised from main")
            raise


asyncio.run(main())
