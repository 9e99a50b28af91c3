import asyncio
async def main():
    print(asyncio.current_task().get_name(), asyncio.create_task(asyncio.sleep(0)).get_name())
asyncio.run(main()); asyncio.run(main())

# CPython 3.14 output:
# Task-1 Task-2
# Task-5 Task-6
