import asyncio


async def main():
    callbacks = [lambda: i for i in range(3)]
    print("late binding:", [cb() for cb in callbacks])
    callbacks = [lambda i=i: i for i in range(3)]
    print("default-arg capture:", [cb() for cb in callbacks])

    loop = asyncio.get_running_loop()
    seen = []
    for i in range(3):
        loop.call_soon(lambda: seen.append(("late", i)))
        loop.call_soon(seen.append, ("arg", i))
    await asyncio.sleep(0)
    print(seen)

    async def make(tag):
        await asyncio.sleep(0)
        return tag

    tasks = [asyncio.create_task(make(t)) for t in "abc"]
    print(await asyncio.gather(*tasks))

    def counter():
        count = 0

        def inc(by=1):
            nonlocal count
            count += by
            return count

        return inc

    c1, c2 = counter(), counter()
    print(c1(), c1(), c1(5), c2())


asyncio.run(main())
