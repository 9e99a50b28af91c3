import asyncio
from dataclasses import dataclass, field, asdict, replace, fields


@dataclass
class Item:
    sku: str
    qty: int = 1
    price: float = 0.0

    @property
    def total(self):
        return round(self.qty * self.price, 2)


@dataclass(order=True)
class Order:
    priority: int
    oid: str = field(compare=False)
    items: list = field(default_factory=list, repr=False, compare=False)
    tags: set = field(default_factory=set, compare=False)

    def add(self, item):
        self.items.append(item)
        return self

    @property
    def total(self):
        return round(sum(i.total for i in self.items), 2)


async def price_lookup(sku):
    await asyncio.sleep(0)
    return {"apple": 0.5, "pear": 0.75, "fig": 1.2}.get(sku, 9.99)


async def main():
    orders = [Order(2, "o1"), Order(1, "o2"), Order(2, "o3")]
    for o, skus in zip(orders, [["apple", "pear"], ["fig"], ["kiwi", "apple", "apple"]]):
        prices = await asyncio.gather(*(price_lookup(s) for s in skus))
        for s, p in zip(skus, prices):
            o.add(Item(s, 2, p))
    for o in sorted(orders):
        print(o, o.total, [i.sku for i in o.items])
    print(orders[0] == orders[2], orders[0] < orders[1], orders[0] <= orders[2])
    print(asdict(orders[1]))
    i = Item("x", price=3.333)
    j = replace(i, qty=3)
    print(i, j, j.total, i == Item("x", 1, 3.333), [f.name for f in fields(Item)])
    try:
        Order()
    except TypeError as e:
        print("TypeError:", e)
    try:
        Item("a", 1, 2.0, 4)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
