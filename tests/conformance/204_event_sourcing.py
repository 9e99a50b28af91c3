import asyncio


class Account:
    def __init__(self):
        self.events = []
        self.balance = 0

    def apply(self, event):
        kind, amount = event
        self.balance += amount if kind == "deposited" else -amount
        self.events.append(event)


class InsufficientFunds(Exception):
    pass


async def command_handler(commands, account, replies):
    while True:
        cmd = await commands.get()
        if cmd is None:
            return
        kind, amount, reply = cmd
        await asyncio.sleep(0)
        try:
            if kind == "withdraw" and amount > account.balance:
                raise InsufficientFunds(f"cannot withdraw {amount}, balance {account.balance}")
            account.apply(("deposited" if kind == "deposit" else "withdrew", amount))
            reply.set_result(account.balance)
        except InsufficientFunds as e:
            reply.set_exception(e)


async def client(commands, kind, amount):
    reply = asyncio.get_running_loop().create_future()
    await commands.put((kind, amount, reply))
    try:
        return f"{kind} {amount}: balance {await reply}"
    except InsufficientFunds as e:
        return f"{kind} {amount}: rejected ({e})"


async def main():
    commands = asyncio.Queue()
    account = Account()
    handler = asyncio.create_task(command_handler(commands, account, None))
    for line in await asyncio.gather(
        client(commands, "deposit", 100),
        client(commands, "withdraw", 30),
        client(commands, "withdraw", 500),
        client(commands, "deposit", 5),
    ):
        print(line)
    await commands.put(None)
    await handler
    replay = Account()
    for e in account.events:
        replay.apply(e)
    print("events:", account.events)
    print("replayed balance matches:", replay.balance == account.balance, replay.balance)


asyncio.run(main())
