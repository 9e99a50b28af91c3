# cpython: 3.12+ (why: `value in EnumClass` raises TypeError on 3.11; 3.12+ checks member values)
# Task states as an Enum (enum.Enum with auto(), lookups by value and name, iteration).
import asyncio
from enum import Enum, auto


class State(Enum):
    PENDING = auto()
    RUNNING = auto()
    DONE = auto()
    FINISHED = 3

    def is_final(self):
        return self is State.DONE


class Color(Enum):
    RED = "r"
    GREEN = "g"


async def job(states, i):
    states[i] = State.RUNNING
    await asyncio.sleep(0.01 * i)
    states[i] = State.DONE


async def main():
    states = {i: State.PENDING for i in range(3)}
    print(State.PENDING, repr(State.RUNNING), State.DONE.name, State.DONE.value)
    await asyncio.gather(*(job(states, i) for i in range(3)))
    print(states)
    print(list(State), len(State), State(2), State["DONE"], State.FINISHED is State.DONE)
    print(State.DONE in State, "x" in Color, "g" in Color, Color("g"), [c.value for c in Color])
    print(State.DONE.is_final(), State.RUNNING == State.RUNNING, State.RUNNING != State.DONE)
    print(f"{Color.RED}", f"{Color.RED:>12}|", {State.DONE: 1}[State.DONE], isinstance(State.DONE, State))
    try:
        State(9)
    except ValueError as e:
        print("ValueError:", e)
    try:
        Color["BLUE"]
    except KeyError as e:
        print("KeyError:", e)
    try:
        class More(Color):
            BLUE = "b"
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
