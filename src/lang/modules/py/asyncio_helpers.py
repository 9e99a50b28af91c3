# Parts of asyncio whose algorithm calls back into Python code, written in Python as CPython
# writes them (Lib/asyncio/locks.py). Imported on first use as the hidden module `_asyncio_py`.


async def condition_wait_for(cond, predicate):
    # Condition.wait_for: wait until a predicate becomes true.
    result = predicate()
    while not result:
        await cond.wait()
        result = predicate()
    return result


async def anext_default(awaitable, default):
    # anext(it, default): the awaitable's value, or default at the end of the iteration.
    try:
        return await awaitable
    except StopAsyncIteration:
        return default
