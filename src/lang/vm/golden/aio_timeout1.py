import asyncio
async def main():
    loop = asyncio.get_running_loop(); t0 = loop.time()
    now = lambda: round(loop.time() - t0, 1)
    try:
        async with asyncio.timeout(0.5) as outer:
            try:
                async with asyncio.timeout(0.1) as inner:
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner timeout", now(), inner.expired(), outer.expired(), asyncio.current_task().cancelling())
            await asyncio.sleep(1)
    except TimeoutError:
        print("outer timeout", now(), outer.expired(), asyncio.current_task().cancelling())
    try:
        async with asyncio.timeout(0.1) as outer:
            try:
                async with asyncio.timeout(0.5) as inner:
                    await asyncio.sleep(1)
            except TimeoutError:
                print("wrong: inner")
    except TimeoutError:
        print("outer first", now(), inner.expired(), outer.expired())
    try:
        async with asyncio.timeout(None) as cm:
            print("when", cm.when())
            cm.reschedule(loop.time() + 0.1)
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("cancelled inside", cm.expired())
                raise
    except TimeoutError:
        print("rescheduled timeout", now(), repr(cm))
    try:
        cm.reschedule(None)
    except RuntimeError as e:
        print(e)
    try:
        async with asyncio.timeout(0):
            await asyncio.sleep(0)
        print("wrong: no timeout")
    except TimeoutError:
        print("timeout(0) + sleep(0)", now())
    async def victim():
        try:
            async with asyncio.timeout(0):
                await asyncio.sleep(1)
        except TimeoutError:
            print("victim: timeout (wrong)")
        except asyncio.CancelledError:
            print("victim: cancelled", asyncio.current_task().cancelling()); raise
    v = asyncio.create_task(victim())
    await asyncio.sleep(0)
    v.cancel()
    try: await v
    except asyncio.CancelledError: print("v cancelled", v.cancelled())
    async with asyncio.timeout(1) as cm2:
        await asyncio.sleep(0.1)
    print("no expiry", cm2.expired(), repr(cm2))
asyncio.run(main())

# CPython 3.14 output (node /work/shared/tools/python314/run.js timeout1.py):
# inner timeout 0.1 True False 0
# outer timeout 0.5 True 0
# outer first 0.6 False True
# when None
# cancelled inside True
# rescheduled timeout 0.7 <Timeout [expired]>
# Cannot change state of expired Timeout
# timeout(0) + sleep(0) 0.7
# victim: cancelled 1
# v cancelled True
# no expiry False <Timeout [finished]>
