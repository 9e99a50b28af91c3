import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()

    def cb1(f):
        print("cb1 sees", f.result())

    def cb2(f):
        print("cb2 sees", f.result())

    fut.add_done_callback(cb1)
    fut.add_done_callback(cb2)
    fut.add_done_callback(cb1)
    removed = fut.remove_done_callback(cb1)
    print("removed", removed, "copies of cb1")
    fut.set_result("value")
    print("set_result returned; callbacks not run yet")
    fut.add_done_callback(lambda f: print("late callback also scheduled via call_soon"))
    await asyncio.sleep(0)
    print("after sleep(0)")
    try:
        fut.set_result("again")
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    try:
        fut.set_exception(ValueError("x"))
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    print("cancel on done future:", fut.cancel())
    print(repr(fut))


asyncio.run(main())
