import asyncio

START = 0.0


def now():  # loop time since main() began, rounded down to 0.1s: '1.5s'
    return f"{int((asyncio.get_running_loop().time() - START) * 10 + 0.01) / 10:.1f}s"


async def producer(queue):
    for n in range(1, 6):
        await asyncio.sleep(0.3)  # a new order arrives every 0.3s
        await queue.put(f"order-{n}")
        print(f"[{now()}] producer: put order-{n} (queue size {queue.qsize()})")


async def packer(name, queue):
    while True:  # runs until cancelled
        order = await queue.get()  # waits while the queue is empty
        print(f"[{now()}] {name}: packing {order}")
        await asyncio.sleep(1.0)  # packing is slower than ordering: a backlog builds
        print(f"[{now()}] {name}: shipped {order}")
        queue.task_done()  # tells join() this item is finished


async def main():
    global START
    START = asyncio.get_running_loop().time()
    queue = asyncio.Queue()
    packers = [asyncio.create_task(packer(f"packer-{n}", queue), name=f"packer-{n}")
               for n in (1, 2)]
    await asyncio.create_task(producer(queue), name="producer")
    await queue.join()  # returns once every order got its task_done()
    print(f"[{now()}] main: all orders shipped, sending the packers home")
    for task in packers:
        task.cancel()  # they are idle in queue.get(), so this ends them at once
    await asyncio.gather(*packers, return_exceptions=True)


asyncio.run(main())
