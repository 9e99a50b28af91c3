import asyncio
from functools import partial


async def send(channel, message, *, retries=1, priority="normal"):
    await asyncio.sleep(0)
    return f"{channel}<-{message!r} retries={retries} priority={priority}"


def log_result(prefix, task):
    print(prefix, task.result())


async def main():
    urgent = partial(send, priority="high")
    email = partial(send, "email", retries=3)
    print(urgent.func.__name__, urgent.args, urgent.keywords)
    print(email.args, email.keywords)
    t1 = asyncio.create_task(urgent("sms", "hi"))
    t1.add_done_callback(partial(log_result, "[t1]"))
    t2 = asyncio.create_task(email("report", priority="low"))
    t2.add_done_callback(partial(log_result, "[t2]"))
    await asyncio.gather(t1, t2)
    await asyncio.sleep(0)
    nested = partial(email, "weekly")
    print(await nested())
    print(nested.args, nested.keywords, nested.func is send)
    try:
        await email()
    except TypeError as e:
        print("TypeError:", e)
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(partial(fut.set_result, "via partial"))
    print(await fut)
    add = partial(lambda a, b, c=0: a + b + c, 10, c=5)
    print(add(1), add(1, c=100))


asyncio.run(main())
