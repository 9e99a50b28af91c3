import asyncio


class Machine:
    TRANSITIONS = {
        ("idle", "start"): "running",
        ("running", "pause"): "paused",
        ("paused", "resume"): "running",
        ("running", "stop"): "stopped",
        ("paused", "stop"): "stopped",
    }

    def __init__(self):
        self.state = "idle"
        self.events = {s: asyncio.Event() for s in ("idle", "running", "paused", "stopped")}
        self.events["idle"].set()
        self.history = []

    def fire(self, trigger):
        key = (self.state, trigger)
        if key not in self.TRANSITIONS:
            raise ValueError(f"bad transition {trigger!r} from {self.state!r}")
        self.events[self.state].clear()
        self.state = self.TRANSITIONS[key]
        self.history.append(self.state)
        self.events[self.state].set()

    async def wait_for(self, state):
        await self.events[state].wait()
        return state


async def watcher(m, state, log):
    s = await m.wait_for(state)
    log.append(f"saw {s} (now {m.state})")


async def main():
    m = Machine()
    log = []
    ws = [asyncio.create_task(watcher(m, s, log)) for s in ("running", "paused", "stopped")]
    await asyncio.sleep(0)
    for trig in ("start", "pause", "start", "resume", "stop"):
        try:
            m.fire(trig)
        except ValueError as e:
            log.append(str(e))
        await asyncio.sleep(0)
    await asyncio.gather(*ws)
    print("\n".join(log))
    print(m.history, {k: v.is_set() for k, v in m.events.items()})


asyncio.run(main())
