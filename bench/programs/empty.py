# Start-up baseline: an empty asyncio program (what a process costs before any work).
import asyncio


async def main():
    pass


asyncio.run(main())
