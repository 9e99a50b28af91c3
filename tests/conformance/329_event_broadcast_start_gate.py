import asyncio


async def racer(name, gate, finish, results):
    print(f"{name} at the gate")
    await gate.wait()
    results.append(name)
    print(f"{name} running, gate set: {gate.is_set()}")
    if len(results) == 3:
        finish.set()


async def main():
    gate, finish = asyncio.Event(), asyncio.Event()
    results = []
    tasks = [asyncio.create_task(racer(n, gate, finish, results)) for n in ("r1", "r2", "r3")]
    await asyncio.sleep(0.01)
    print("opening gate; set:", gate.is_set())
    gate.set()
    gate.set()
    await finish.wait()
    print("finish order:", results)
    gate.clear()
    print("cleared:", gate.is_set())
    print("wait on set event returns", await finish.wait())
    try:
        await asyncio.wait_for(gate.wait(), 0.02)
    except TimeoutError:
        print("gate stayed closed")
    await asyncio.gather(*tasks)
    print(repr(gate).endswith("[unset]>"), repr(finish).endswith("[set]>"))


asyncio.run(main())
