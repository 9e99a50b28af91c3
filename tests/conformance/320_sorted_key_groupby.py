import asyncio
from itertools import groupby
from operator import attrgetter, itemgetter


class Order:
    def __init__(self, oid, customer, total):
        self.oid, self.customer, self.total = oid, customer, total

    def __repr__(self):
        return f"Order({self.oid}, {self.customer!r}, {self.total})"


async def load(i):
    await asyncio.sleep(0)
    customers = ["ann", "bob", "cy"]
    return Order(i, customers[i % 3], (i * 37) % 50)


async def main():
    orders = await asyncio.gather(*(load(i) for i in range(8)))
    by_total = sorted(orders, key=attrgetter("total"), reverse=True)
    print(by_total[:3])
    by_cust = sorted(orders, key=lambda o: (o.customer, -o.total))
    for cust, group in groupby(by_cust, key=attrgetter("customer")):
        g = list(group)
        print(cust, [o.oid for o in g], sum(o.total for o in g))
    totals = {c: sum(o.total for o in orders if o.customer == c) for c in sorted({o.customer for o in orders})}
    print(totals)
    pairs = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
    print(sorted(pairs, key=itemgetter(1)), sorted(pairs), sorted(pairs, key=itemgetter(1, 0)))
    print(max(orders, key=attrgetter("total")), min(totals, key=totals.get))
    words = ["Banana", "apple", "cherry", "Apple"]
    print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
    inverted = {v: k for k, v in totals.items()}
    print(inverted)
    print([k for k, _ in groupby("aaabccdaa")], [(k, len(list(g))) for k, g in groupby([1, 1, 2, 3, 3, 3])])


asyncio.run(main())
