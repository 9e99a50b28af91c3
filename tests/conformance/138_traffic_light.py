import asyncio

PHASES = [("green", 0.1), ("yellow", 0.05), ("red", 0.1)]


class Light:
    def __init__(self):
        self.color = "red"
        self.changed = asyncio.Condition()

    async def run(self, cycles):
        for _ in range(cycles):
            for color, duration in PHASES:
                async with self.changed:
                    self.color = color
                    self.changed.notify_all()
                await asyncio.sleep(duration)


async def car(name, light, arrive, log):
    await asyncio.sleep(arrive)
    async with light.changed:
        waited = light.color != "green"
        await light.changed.wait_for(lambda: light.color == "green")
    log.append(name)
    print(f"{name} passes (waited: {waited})")


async def main():
    light = Light()
    log = []
    controller = asyncio.create_task(light.run(2))
    # green [0, 0.1) yellow [0.1, 0.15) red [0.15, 0.25) green [0.25, 0.35) ...
    cars = [car("c1", light, 0.03, log), car("c2", light, 0.125, log), car("c3", light, 0.2, log),
            car("c4", light, 0.3, log)]
    await asyncio.gather(*cars)
    await controller
    print("order:", log, "final color:", light.color)


asyncio.run(main())
