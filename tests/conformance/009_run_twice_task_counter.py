import asyncio


async def name_of_current():
    return asyncio.current_task().get_name()


async def main(label):
    inner = asyncio.create_task(name_of_current())
    print(label, "main is", asyncio.current_task().get_name(), "child is", await inner)
    return label


print(asyncio.run(main("first")))
print(asyncio.run(main("second")))
print("the task counter is global to the process")
