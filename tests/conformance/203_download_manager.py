import asyncio


class Download:
    def __init__(self, name, chunks, chunk_time):
        self.name = name
        self.chunks = chunks
        self.chunk_time = chunk_time
        self.received = 0
        self.state = "queued"


async def fetch(dl, sem):
    async with sem:
        dl.state = "downloading"
        try:
            for _ in range(dl.chunks):
                await asyncio.sleep(dl.chunk_time)
                dl.received += 1
            dl.state = "done"
        except asyncio.CancelledError:
            dl.state = f"cancelled at {dl.received}/{dl.chunks}"
            raise


async def main():
    sem = asyncio.Semaphore(2)
    # chunk boundaries stay 20+ ms away from the +0.2 snapshot
    dls = [Download("iso", 8, 0.06), Download("pdf", 2, 0.04), Download("zip", 3, 0.05), Download("mp4", 4, 0.01)]
    tasks = {dl.name: asyncio.create_task(fetch(dl, sem), name=dl.name) for dl in dls}
    await asyncio.sleep(0.2)
    print("at +0.2:", {dl.name: dl.state for dl in dls})
    tasks["iso"].cancel()
    results = await asyncio.gather(*tasks.values(), return_exceptions=True)
    print("results:", [type(r).__name__ if r is not None else None for r in results])
    for dl in dls:
        print(f"{dl.name:<4} {dl.received}/{dl.chunks} {dl.state}")


asyncio.run(main())
