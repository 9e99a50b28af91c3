# Parts of asyncio whose algorithm calls back into Python code, written in Python as CPython
# writes them (Lib/asyncio/locks.py). Imported on first use as the hidden module `_asyncio_py`.


async def condition_wait_for(cond, predicate):
    # Condition.wait_for: wait until a predicate becomes true.
    result = predicate()
    while not result:
        await cond.wait()
        result = predicate()
    return result
