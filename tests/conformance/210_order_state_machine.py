import asyncio

TRANSITIONS = {
    "new": {"pay": "paid", "cancel": "cancelled"},
    "paid": {"ship": "shipped", "refund": "refunded"},
    "shipped": {"deliver": "delivered"},
}


class InvalidTransition(Exception):
    pass


class Order:
    def __init__(self, oid):
        self.oid = oid
        self.state = "new"
        self.history = ["new"]
        self.changed = asyncio.Condition()

    async def fire(self, event):
        async with self.changed:
            allowed = TRANSITIONS.get(self.state, {})
            if event not in allowed:
                raise InvalidTransition(f"order {self.oid}: cannot {event} when {self.state}")
            self.state = allowed[event]
            self.history.append(self.state)
            self.changed.notify_all()

    async def wait_for_state(self, *states):
        async with self.changed:
            await self.changed.wait_for(lambda: self.state in states)
            return self.state


async def customer(order):
    final = await order.wait_for_state("delivered", "cancelled", "refunded")
    print(f"customer of order {order.oid} notified: {final}")


async def warehouse(order, events):
    for event in events:
        await asyncio.sleep(0.01)
        try:
            await order.fire(event)
        except InvalidTransition as e:
            print("rejected:", e)


async def main():
    o1, o2 = Order(1), Order(2)
    await asyncio.gather(
        customer(o1), customer(o2),
        warehouse(o1, ["pay", "deliver", "ship", "deliver"]),
        warehouse(o2, ["ship", "cancel", "pay"]),
    )
    print(o1.history, o2.history)


asyncio.run(main())
