# cpython: 3.12+ (why: the TypeError for 'with' on an async-only context manager changed in 3.14)
import asyncio


class Account:
    def __init__(self):
        self.balance = 0
        self.lock = asyncio.Lock()

    async def deposit_unsafe(self, amount):
        current = self.balance
        await asyncio.sleep(0)
        self.balance = current + amount

    async def deposit_safe(self, amount):
        async with self.lock:
            current = self.balance
            await asyncio.sleep(0)
            self.balance = current + amount


async def main():
    acct = Account()
    await asyncio.gather(*(acct.deposit_unsafe(10) for _ in range(5)))
    print("unsafe balance:", acct.balance)
    acct.balance = 0
    await asyncio.gather(*(acct.deposit_safe(10) for _ in range(5)))
    print("safe balance:", acct.balance)
    lock = acct.lock
    print("locked:", lock.locked())
    await lock.acquire()
    print("locked after acquire:", lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(repr(lock).startswith("<asyncio.locks.Lock object at"), repr(lock).endswith("[unlocked]>"))
    async with lock:
        print(repr(lock).endswith("[locked]>"))
    try:
        with lock:
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)


asyncio.run(main())
