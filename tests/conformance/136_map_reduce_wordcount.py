import asyncio

DOCS = {
    "a.txt": "the cat sat on the mat",
    "b.txt": "the dog sat on the log",
    "c.txt": "cats and dogs and logs",
    "d.txt": "",
}


async def mapper(name, text):
    counts = {}
    for i, word in enumerate(text.split()):
        counts[word] = counts.get(word, 0) + 1
        if i % 2:
            await asyncio.sleep(0)
    return name, counts


def reduce_counts(partials):
    total = {}
    for _, counts in partials:
        for word, n in counts.items():
            total[word] = total.get(word, 0) + n
    return total


async def main():
    partials = await asyncio.gather(*(mapper(n, t) for n, t in DOCS.items()))
    for name, counts in partials:
        print(f"{name}: {len(counts)} distinct, {sum(counts.values())} total")
    total = reduce_counts(partials)
    top = sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))
    for word, n in top[:5]:
        print(f"{word:<5} {'#' * n} {n}")
    print("distinct words:", len(total), "| longest:", max(total, key=lambda w: (len(w), w)))


asyncio.run(main())
