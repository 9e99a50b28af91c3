import asyncio


async def work(v, fail=False):
    await asyncio.sleep(0.001)
    if fail:
        raise ValueError(v)
    return v


async def main():
    log = []
    t = asyncio.create_task(work(1))
    t.add_done_callback(lambda f: log.append(f"cb1 {f.result()}"))
    def cb2(f):
        log.append(f"cb2 done={f.done()}")
    t.add_done_callback(cb2)
    t.add_done_callback(cb2)
    print(t.remove_done_callback(cb2))
    await t
    log.append("after await")
    await asyncio.sleep(0)
    print(log)

    log = []
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda f: log.append(f"first {f.cancelled()}"))
    fut.cancel("why")
    fut.add_done_callback(lambda f: log.append("added after cancel"))
    await asyncio.sleep(0)
    print(log)
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print("CancelledError", e.args)

    t2 = asyncio.create_task(work(2, fail=True))
    t2.add_done_callback(lambda f: print("exc in cb:", repr(f.exception())))
    await asyncio.wait([t2])
    await asyncio.sleep(0)
    f3 = asyncio.get_running_loop().create_future()
    f3.set_result("done")
    order = []
    for i in range(3):
        f3.add_done_callback(lambda f, i=i: order.append(i))
    await asyncio.sleep(0)
    print(order, f3.result())
    try:
        f3.set_result(1)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)


asyncio.run(main())
