# A deadline scheduler built on heapq: jobs run in deadline order by a pool of workers.
import asyncio
import heapq


async def worker(name, heap, lock, done):
    while True:
        async with lock:
            if not heap:
                return
            deadline, job, cost = heapq.heappop(heap)
        print(f"{name} takes {job} (deadline {deadline})")
        await asyncio.sleep(cost)
        done.append(job)


async def main():
    jobs = [(5, "report", 0.03), (1, "alert", 0.01), (3, "backup", 0.07), (2, "email", 0.02), (4, "index", 0.01)]
    heap = []
    for j in jobs:
        heapq.heappush(heap, j)
    print("next due:", heap[0][1], "smallest 3:", [j[1] for j in heapq.nsmallest(3, jobs)])
    lock = asyncio.Lock()
    done = []
    await asyncio.gather(worker("w1", heap, lock, done), worker("w2", heap, lock, done))
    print("completed:", done)
    h = [9, 4, 7, 1]
    heapq.heapify(h)
    print(heapq.heappop(h), heapq.heappushpop(h, 3), heapq.heapreplace(h, 10), sorted(h))


asyncio.run(main())
