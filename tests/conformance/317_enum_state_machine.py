import asyncio
from enum import Enum, auto


class State(Enum):
    IDLE = auto()
    RUNNING = auto()
    DONE = auto()
    FAILED = auto()


class Color(Enum):
    RED = "red"
    GREEN = "green"


TRANSITIONS = {
    State.IDLE: {State.RUNNING},
    State.RUNNING: {State.DONE, State.FAILED},
}


class Job:
    def __init__(self, name):
        self.name = name
        self.state = State.IDLE

    def move(self, new):
        if new not in TRANSITIONS.get(self.state, set()):
            raise ValueError(f"{self.name}: {self.state.name} -> {new.name} not allowed")
        print(f"{self.name}: {self.state} -> {new}")
        self.state = new

    async def run(self, fail):
        self.move(State.RUNNING)
        await asyncio.sleep(0.01)
        self.move(State.FAILED if fail else State.DONE)


async def main():
    jobs = [Job("a"), Job("b")]
    await asyncio.gather(jobs[0].run(False), jobs[1].run(True))
    try:
        jobs[0].move(State.RUNNING)
    except ValueError as e:
        print(e)
    print(repr(State.DONE), str(State.DONE), f"{State.DONE}", State.DONE.value)
    print(State(2), State["FAILED"], list(State))
    print([s.name for s in State], len(State), State.IDLE in State)
    print(Color("green"), repr(Color.RED), Color.RED.value)
    try:
        State(9)
    except ValueError as e:
        print("ValueError:", e)
    try:
        State["NOPE"]
    except KeyError as e:
        print("KeyError:", e)
    print(State.IDLE is State.IDLE, State.IDLE == 1, isinstance(State.IDLE, State))
    counts = {}
    for j in jobs:
        counts[j.state] = counts.get(j.state, 0) + 1
    print(counts)


asyncio.run(main())
