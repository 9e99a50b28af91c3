import asyncio


class ValidationError(Exception):
    pass


class PaymentDeclined(Exception):
    pass


class OutOfStock(Exception):
    pass


STOCK = {"book": 3, "pen": 10, "lamp": 0}


async def validate(order):
    await asyncio.sleep(0.01)
    if order["qty"] <= 0:
        raise ValidationError(f"order {order['id']}: quantity must be positive")


async def reserve(order):
    await asyncio.sleep(0.02)
    if STOCK.get(order["item"], 0) < order["qty"]:
        raise OutOfStock(f"order {order['id']}: {order['item']} out of stock")
    STOCK[order["item"]] -= order["qty"]


async def charge(order):
    await asyncio.sleep(0.03)
    if order["card"].startswith("0000"):
        raise PaymentDeclined(f"order {order['id']}: card declined")
    return order["qty"] * {"book": 12.5, "pen": 1.25, "lamp": 30.0}[order["item"]]


async def process(order):
    await validate(order)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(reserve(order))
        amount = tg.create_task(charge(order))
    return amount.result()


async def main():
    orders = [
        {"id": 1, "item": "book", "qty": 2, "card": "4111"},
        {"id": 2, "item": "lamp", "qty": 1, "card": "4111"},
        {"id": 3, "item": "pen", "qty": 0, "card": "4111"},
        {"id": 4, "item": "pen", "qty": 4, "card": "0000-1"},
        {"id": 5, "item": "pen", "qty": 2, "card": "5500"},
    ]
    results = await asyncio.gather(*(process(o) for o in orders), return_exceptions=True)
    revenue = 0.0
    for order, r in zip(orders, results):
        if isinstance(r, BaseExceptionGroup):
            reasons = "; ".join(f"{type(e).__name__}: {e}" for e in r.exceptions)
            print(f"#{order['id']} failed  {reasons}")
        elif isinstance(r, Exception):
            print(f"#{order['id']} invalid {type(r).__name__}: {r}")
        else:
            revenue += r
            print(f"#{order['id']} ok      {r:>8.2f}")
    print(f"revenue {revenue:.2f}; stock {dict(sorted(STOCK.items()))}")


asyncio.run(main())
