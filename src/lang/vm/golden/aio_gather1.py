import asyncio
async def child(n, d):
    try:
        await asyncio.sleep(d); return n
    except asyncio.CancelledError as e:
        print("child", n, "cancelled", e.args); raise
async def main():
    g = asyncio.gather(child(1, 1), child(2, 2))
    await asyncio.sleep(0.1)
    print("cancel", g.cancel("stop!"))
    try:
        await g
    except asyncio.CancelledError as e:
        print("outer", repr(e), g.cancelled())
    g2 = asyncio.gather(child(3, 1), child(4, 2), return_exceptions=True)
    await asyncio.sleep(0.1)
    g2.cancel("m2")
    try:
        print(await g2)
    except asyncio.CancelledError as e:
        print("outer2", repr(e))
    t5 = asyncio.create_task(child(5, 1)); t6 = asyncio.create_task(child(6, 0.2))
    g3 = asyncio.gather(t5, t6, return_exceptions=True)
    await asyncio.sleep(0.1); t5.cancel("only5")
    print(await g3)
    async def bad(): await asyncio.sleep(0.1); raise ValueError("x")
    t7 = asyncio.create_task(child(7, 0.3))
    g4 = asyncio.gather(bad(), t7)
    try: await g4
    except ValueError as e: print("g4", repr(e), t7.done())
    print(await t7)
    t8 = asyncio.create_task(child(8, 0.1))
    print(await asyncio.gather(t8, t8), await asyncio.gather())
    async def waiter():
        return await asyncio.gather(child(9, 1), child(10, 1))
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.1)
    w.cancel("from main")
    try: await w
    except asyncio.CancelledError as e: print("w", repr(e))
    t11 = asyncio.create_task(child(11, 1))
    g5 = asyncio.gather(t11)
    await asyncio.sleep(0.1); t11.cancel("c11")
    try: await g5
    except asyncio.CancelledError as e: print("g5", repr(e), g5.cancelled())
asyncio.run(main())

# CPython 3.14 output (node /work/shared/tools/python314/run.js gather1.py):
# cancel True
# child 1 cancelled ('stop!',)
# child 2 cancelled ('stop!',)
# outer CancelledError('stop!') False
# child 3 cancelled ('m2',)
# child 4 cancelled ('m2',)
# outer2 CancelledError('m2')
# child 5 cancelled ('only5',)
# [CancelledError(''), 6]
# g4 ValueError('x') False
# 7
# [8, 8] []
# child 9 cancelled ('from main',)
# child 10 cancelled ('from main',)
# w CancelledError('from main')
# child 11 cancelled ('c11',)
# g5 CancelledError('c11') False
