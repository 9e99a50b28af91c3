import asyncio


async def waiter(name, fut, log):
    log.append(f"{name} waits")
    value = await fut
    log.append(f"{name} got {value}")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    log = []
    tasks = [asyncio.create_task(waiter(f"w{i}", fut, log)) for i in range(3)]
    fut.add_done_callback(lambda f: log.append("plain callback"))
    await asyncio.sleep(0)
    fut.set_result("v")
    log.append("result set")
    await asyncio.gather(*tasks)
    print("\n".join(log))
    done = loop.create_future()
    done.set_result(5)
    print("awaiting a finished future does not yield:", await done)


asyncio.run(main())
