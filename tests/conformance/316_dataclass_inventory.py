import asyncio
from dataclasses import asdict, astuple, dataclass, field, fields, is_dataclass, replace


@dataclass
class Item:
    sku: str
    qty: int = 0
    tags: list = field(default_factory=list)

    @property
    def in_stock(self):
        return self.qty > 0


@dataclass
class Perishable(Item):
    days: int = 7


@dataclass(order=True)
class Restock:
    eta: float
    sku: str = field(compare=False)


@dataclass
class Warehouse:
    name: str
    items: dict = field(default_factory=dict)
    log: list = field(default_factory=list, repr=False)

    async def receive(self, sku, qty):
        await asyncio.sleep(0.001)
        item = self.items.setdefault(sku, Item(sku))
        item.qty += qty
        self.log.append(("recv", sku, qty))


async def main():
    w = Warehouse("north")
    await asyncio.gather(w.receive("apple", 5), w.receive("pear", 0), w.receive("apple", 2))
    print(w)
    print(w.items["apple"], w.items["apple"].in_stock, w.items["pear"].in_stock)
    print(Item("a") == Item("a"), Item("a", 1) == Item("a", 2))
    plans = sorted([Restock(3.5, "x"), Restock(1.25, "y"), Restock(2.0, "z")])
    print(plans)
    print(Restock(1.0, "a") == Restock(1.0, "b"), Restock(1.0, "a") < Restock(2.0, "a"))
    a, b = Item("a"), Item("b")
    a.tags.append("fresh")
    print(a.tags, b.tags)
    try:
        Item()
    except TypeError as e:
        print("TypeError:", e)
    print(len(w.log))
    print(asdict(w.items["apple"]), astuple(Restock(1.5, "q")))
    print(replace(w.items["apple"], qty=0), [f.name for f in fields(Warehouse)])
    print(is_dataclass(Item), is_dataclass(a), is_dataclass(3))
    print(asdict(w)["items"]["pear"], sorted(asdict(w)))
    print(Perishable("milk", 2, days=3), Perishable("egg") == Perishable("egg"))
    try:
        asdict(Item)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
