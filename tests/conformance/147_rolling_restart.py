import asyncio


class Worker:
    def __init__(self, name, boot_time):
        self.name = name
        self.boot_time = boot_time
        self.version = 1
        self.ready = asyncio.Event()
        self.ready.set()

    async def restart(self, version):
        self.ready.clear()
        print(f"  {self.name}: stopping v{self.version}")
        await asyncio.sleep(self.boot_time)
        self.version = version
        self.ready.set()
        print(f"  {self.name}: ready on v{version}")


async def health(workers):
    return [f"{w.name}:v{w.version}{'' if w.ready.is_set() else '(down)'}" for w in workers]


async def rolling_restart(workers, version, max_boot):
    for w in workers:
        restart = asyncio.create_task(w.restart(version))
        try:
            await asyncio.wait_for(asyncio.shield(restart), timeout=max_boot)
        except TimeoutError:
            print(f"  {w.name}: too slow, aborting rollout")
            await restart
            return False
        print("  health:", await health(workers))
    return True


async def main():
    workers = [Worker("w1", 0.02), Worker("w2", 0.03), Worker("w3", 0.15), Worker("w4", 0.01)]
    print("rollout v2")
    ok = await rolling_restart(workers, 2, max_boot=0.08)
    print("completed:", ok, await health(workers))


asyncio.run(main())
