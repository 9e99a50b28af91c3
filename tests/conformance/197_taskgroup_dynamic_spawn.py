import asyncio

LINKS = {
    "/": ["/a", "/b"],
    "/a": ["/a/1", "/b"],
    "/b": ["/", "/b/1", "/b/2"],
    "/a/1": [],
    "/b/1": ["/a/1"],
    "/b/2": ["/missing"],
}


async def crawl(url, tg, seen, depth):
    await asyncio.sleep(0)
    if url not in LINKS:
        raise LookupError(f"404 {url}")
    for link in LINKS[url]:
        if link not in seen:
            seen.add(link)
            tg.create_task(crawl(link, tg, seen, depth + 1), name=link)
    return url


async def main():
    seen = {"/"}
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(crawl("/", tg, seen, 0))
    except* LookupError as g:
        print("broken links:", [str(e) for e in g.exceptions])
    print("discovered:", sorted(seen))

    del LINKS["/b/2"]
    LINKS["/b"].remove("/b/2")
    seen = {"/"}
    async with asyncio.TaskGroup() as tg:
        tg.create_task(crawl("/", tg, seen, 0))
    print("clean crawl:", sorted(seen))


asyncio.run(main())
