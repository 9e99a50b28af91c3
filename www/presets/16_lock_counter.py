import asyncio

START = 0.0


def now():  # loop time since main() began, rounded down to 0.1s: '1.5s'
    return f"{int((asyncio.get_running_loop().time() - START) * 10 + 0.01) / 10:.1f}s"


class Account:
    def __init__(self, balance):
        self.balance = balance

async def withdraw(account, who, amount):
    seen = account.balance  # read...
    await asyncio.sleep(0.5)  # ...await something (a fraud check)...
    account.balance = seen - amount  # ...write: other tasks may have run meanwhile
    print(f"[{now()}] {who}: took {amount}, balance now {account.balance}")


async def locked_withdraw(account, who, amount, lock):
    async with lock:  # only one task at a time runs the read-await-write
        await withdraw(account, who, amount)


async def main():
    global START
    START = asyncio.get_running_loop().time()
    racy = Account(100)  # three tasks each take 10 from 100: we expect 70
    await asyncio.gather(*[asyncio.create_task(withdraw(racy, n, 10), name=n)
                           for n in ("racy-1", "racy-2", "racy-3")])
    print(f"[{now()}] without a lock: balance {racy.balance}, expected 70")
    safe, lock = Account(100), asyncio.Lock()
    await asyncio.gather(*[asyncio.create_task(locked_withdraw(safe, n, 10, lock), name=n)
                           for n in ("safe-1", "safe-2", "safe-3")])
    print(f"[{now()}] with a lock: balance {safe.balance}")


asyncio.run(main())
