import asyncio


class Broker:
    def __init__(self):
        self.subscribers = {}
        self.closed = asyncio.Event()

    def subscribe(self, name):
        q = asyncio.Queue()
        self.subscribers[name] = q
        return q

    def publish(self, topic, message):
        delivered = 0
        for name, q in self.subscribers.items():
            if name.startswith(topic) or topic == "*":
                q.put_nowait((topic, message))
                delivered += 1
        return delivered

    def close(self):
        for q in self.subscribers.values():
            q.put_nowait(None)
        self.closed.set()


async def subscriber(name, q, inbox):
    while True:
        item = await q.get()
        if item is None:
            break
        topic, message = item
        inbox.setdefault(name, []).append(message)
        print(f"{name:<12} <- [{topic}] {message}")
    print(f"{name:<12} done")


async def main():
    broker = Broker()
    inbox = {}
    names = ["news.sports", "news.tech", "alerts"]
    subs = [asyncio.create_task(subscriber(n, broker.subscribe(n), inbox)) for n in names]
    print("delivered:", broker.publish("news", "morning edition"))
    await asyncio.sleep(0.01)
    print("delivered:", broker.publish("alerts", "disk 90% full"))
    print("delivered:", broker.publish("*", "maintenance at noon"))
    print("delivered:", broker.publish("weather", "nobody listens"))
    await asyncio.sleep(0.01)
    broker.close()
    await broker.closed.wait()
    await asyncio.gather(*subs)
    print({k: len(v) for k, v in sorted(inbox.items())})


asyncio.run(main())
