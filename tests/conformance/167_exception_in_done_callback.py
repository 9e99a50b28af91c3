import asyncio


async def main():
    loop = asyncio.get_running_loop()
    errors = []
    loop.set_exception_handler(lambda loop, context: errors.append(
        (context["message"], type(context.get("exception")).__name__)))
    fut = loop.create_future()

    def bad_callback(f):
        raise RuntimeError("callback exploded")

    fut.add_done_callback(bad_callback)
    fut.add_done_callback(lambda f: print("next callback still runs"))
    fut.set_result(1)
    await asyncio.sleep(0)
    loop.call_soon(lambda: 1 / 0)
    await asyncio.sleep(0)
    print("loop survived; errors seen by the handler:")
    for message, exc in errors:
        print(" ", message.split(" ")[0], exc)


asyncio.run(main())
