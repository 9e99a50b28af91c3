import asyncio


class Room:
    def __init__(self):
        self.members = {}
        self.history = []

    def join(self, name):
        self.members[name] = asyncio.Queue()
        self.broadcast("server", f"{name} joined")
        return self.members[name]

    def leave(self, name):
        q = self.members.pop(name)
        q.put_nowait(None)
        self.broadcast("server", f"{name} left")

    def broadcast(self, sender, text):
        self.history.append((sender, text))
        for name, q in self.members.items():
            if name != sender:
                q.put_nowait(f"<{sender}> {text}")


async def client(room, name, script):
    inbox = room.join(name)

    async def reader():
        received = []
        while True:
            msg = await inbox.get()
            if msg is None:
                break
            received.append(msg)
        return received

    r = asyncio.create_task(reader())
    for delay, text in script:
        await asyncio.sleep(delay)
        room.broadcast(name, text)
    await asyncio.sleep(0.12)
    room.leave(name)
    return name, await r


async def main():
    room = Room()
    results = await asyncio.gather(
        # events at 0.02 0.06 0.11 0.15, leaving at 0.18 0.23 0.27: 30+ ms apart
        client(room, "ann", [(0.02, "hi all"), (0.09, "anyone?")]),
        client(room, "ben", [(0.06, "hello ann")]),
        client(room, "cy", [(0.15, "late to the party")]),
    )
    for name, msgs in results:
        print(f"{name} saw {len(msgs)}:")
        for m in msgs:
            print("   ", m)
    print("history length:", len(room.history))


asyncio.run(main())
