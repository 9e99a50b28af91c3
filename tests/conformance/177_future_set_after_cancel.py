import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.cancel("no longer needed")
    for action in ("set_result", "set_exception"):
        try:
            if action == "set_result":
                fut.set_result(1)
            else:
                fut.set_exception(ValueError())
        except asyncio.InvalidStateError as e:
            print(action, "->", type(e).__name__, e)
    print("cancel again:", fut.cancel(), "cancelled:", fut.cancelled(), "done:", fut.done())
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print("result() ->", repr(e))

    # the usual guard
    f2 = loop.create_future()
    f2.cancel()
    if not f2.done():
        f2.set_result("never")
    print("guarded set_result skipped; cancelled:", f2.cancelled())


asyncio.run(main())
