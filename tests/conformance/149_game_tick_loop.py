import asyncio


class Game:
    def __init__(self):
        self.inputs = asyncio.Queue()
        self.players = {"ann": [0, 0], "bob": [5, 5]}
        self.tick = 0

    def step(self):
        moved = []
        while not self.inputs.empty():
            who, dx, dy = self.inputs.get_nowait()
            pos = self.players[who]
            pos[0] += dx
            pos[1] += dy
            moved.append(who)
        self.tick += 1
        return moved

    async def run(self, ticks, interval):
        loop = asyncio.get_running_loop()
        start = loop.time()
        for n in range(1, ticks + 1):
            await asyncio.sleep(start + n * interval - loop.time())
            moved = self.step()
            state = " ".join(f"{k}@{tuple(v)}" for k, v in sorted(self.players.items()))
            print(f"tick {self.tick}: moved={moved} {state}")


async def player(game, who, moves, start, interval):
    loop = asyncio.get_running_loop()
    for at, dx, dy in moves:
        # send input half way between ticks, far from any tick deadline
        await asyncio.sleep(start + (at + 0.5) * interval - loop.time())
        game.inputs.put_nowait((who, dx, dy))


async def main():
    game = Game()
    loop = asyncio.get_running_loop()
    start = loop.time()
    interval = 0.05
    await asyncio.gather(
        game.run(5, interval),
        player(game, "ann", [(0, 1, 0), (0, 0, 1), (2, 1, 1)], start, interval),
        player(game, "bob", [(1, -1, 0), (3, 0, -2)], start, interval),
    )


asyncio.run(main())
