import asyncio


class InsufficientFunds(Exception):
    pass


class Account:
    def __init__(self, name, balance):
        self.name = name
        self.balance = balance
        self.lock = asyncio.Lock()

    def __repr__(self):
        return f"{self.name}={self.balance}"


async def transfer(src, dst, amount, log):
    first, second = sorted([src, dst], key=lambda a: a.name)
    async with first.lock:
        await asyncio.sleep(0)
        async with second.lock:
            if src.balance < amount:
                raise InsufficientFunds(f"{src.name} has {src.balance}, needs {amount}")
            src.balance -= amount
            await asyncio.sleep(0)
            dst.balance += amount
            log.append(f"{src.name}->{dst.name}:{amount}")


async def main():
    a, b, c = Account("alice", 100), Account("bob", 50), Account("carol", 0)
    total_before = a.balance + b.balance + c.balance
    log = []
    transfers = [
        (a, b, 30), (b, a, 20), (b, c, 70), (c, a, 10),
        (a, c, 500), (a, b, 25), (b, a, 5), (c, b, 40),
    ]
    results = await asyncio.gather(*(transfer(s, d, amt, log) for s, d, amt in transfers),
                                   return_exceptions=True)
    for (s, d, amt), r in zip(transfers, results):
        status = "ok" if r is None else f"{type(r).__name__}: {r}"
        print(f"{s.name:>5} -> {d.name:<5} {amt:>4}: {status}")
    print("applied in order:", log)
    print("balances:", [a, b, c])
    print("money conserved:", a.balance + b.balance + c.balance == total_before)


asyncio.run(main())
