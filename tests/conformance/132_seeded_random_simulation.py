import asyncio
import random

random.seed(2024)


async def customer(cid, teller_lock, stats):
    # random decides what happens, a fixed schedule decides when (no timer ties)
    patience = random.choice(["low", "normal", "high"])
    amount = random.randint(10, 500)
    await asyncio.sleep(0.02 * cid)
    async with teller_lock:
        approved = random.random() < 0.7
        stats.append((cid, patience, amount, approved))
        await asyncio.sleep(0)


async def main():
    print("first draws:", random.randint(1, 6), random.random(), round(random.uniform(1, 2), 6))
    deck = list(range(10))
    random.shuffle(deck)
    print("shuffled:", deck, "sample:", random.sample(deck, 3), "choice:", random.choice("xyz"))
    lock = asyncio.Lock()
    stats = []
    await asyncio.gather(*(customer(i, lock, stats) for i in range(1, 7)))
    for cid, patience, amount, approved in stats:
        print(f"customer {cid}: {patience:<6} {amount:>4} {'approved' if approved else 'declined'}")
    total = sum(a for *_, a, ok in stats if ok)
    print(f"approved total: {total:,}")
    random.seed(2024)
    print("reseeded, same first draw:", random.randint(1, 6))


asyncio.run(main())
