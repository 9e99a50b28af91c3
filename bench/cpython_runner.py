"""Times one bench program in CPython: compile + run, after `import asyncio` (interpreter
start-up and the import are not the benchmark). Prints the program's output, then one
line `BENCH {"ms": ..., "maxrss_kb": ...}` on stderr for bench/run.mjs."""

import asyncio  # noqa: F401  (imported before the clock starts, as the other engines have it)
import json
import resource
import sys
import time


def main() -> None:
    path = sys.argv[1]
    with open(path, encoding="utf-8") as f:
        source = f.read()
    t0 = time.perf_counter()
    code = compile(source, path, "exec")
    exec(code, {"__name__": "__main__"})
    ms = (time.perf_counter() - t0) * 1000
    sys.stdout.flush()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print("BENCH " + json.dumps({"ms": ms, "maxrss_kb": rss}), file=sys.stderr)


main()
