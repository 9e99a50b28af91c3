import asyncio

LINKS = {
    "/": ["/a", "/b", "/c"],
    "/a": ["/a/1", "/a/2", "/"],
    "/b": ["/b/1", "/a"],
    "/c": ["/c/1", "/c/2", "/c/3"],
    "/a/1": [], "/a/2": ["/b/1"], "/b/1": ["/missing"],
    "/c/1": [], "/c/2": ["/c/1"], "/c/3": [],
}


async def fetch(url):
    await asyncio.sleep(0.001 * (len(url) % 3))
    if url not in LINKS:
        raise LookupError(f"404 {url}")
    return LINKS[url]


async def worker(name, q, visited, log, errors):
    while True:
        url = await q.get()
        try:
            links = await fetch(url)
            log.append((name, url, len(links)))
            for link in links:
                if link not in visited:
                    visited.add(link)
                    q.put_nowait(link)
        except LookupError as e:
            errors.append(str(e))
        finally:
            q.task_done()


async def main():
    q = asyncio.Queue()
    visited = {"/"}
    log, errors = [], []
    q.put_nowait("/")
    workers = [asyncio.create_task(worker(f"w{i}", q, visited, log, errors)) for i in range(3)]
    await q.join()
    for w in workers:
        w.cancel()
    res = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in res])
    print(len(log), "pages;", sorted(visited))
    for entry in log:
        print(entry)
    print(errors)


asyncio.run(main())
