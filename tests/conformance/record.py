#!/usr/bin/env python3
"""(Re)record the conformance corpus with CPython 3.14 and cross-check CPython 3.11.

    python3 tests/conformance/record.py              # record all: write NAME.out / NAME.err
    python3 tests/conformance/record.py 04 timeout   # only programs whose name contains a word
    python3 tests/conformance/record.py --check      # write nothing; compare with the files
    python3 tests/conformance/record.py --no-311     # skip the 3.11 cross-check
    python3 tests/conformance/record.py --vclock-check  # fast: compare files with vclock_run.js only

Each program is copied to a fresh temp dir as main.py and run there, so tracebacks read
`File "main.py", line N, in f`.  Every program runs on CPython 3.14 three ways: once with
vclock_run.js (CPython's own loop on a virtual clock, immune to machine load), and twice in
real time with /work/shared/tools/python314/run.js (override with $PY314_RUN), all under
`node --single-threaded`.  The outputs are written only when all three agree; a busy machine
can stall a real-time run by 50+ ms and reorder timers, so the real-time pair is retried up to
$TRIES times.  Then `python3` (3.11) runs (up to $TRIES times, until one agrees): stdout, the
exit code and the last line of stderr (the exception line) are compared with 3.14; full
stderr is not compared across versions because 3.11 prints absolute paths and no `~~~^^^`
markers.  Programs that differ must start with `# cpython: 3.12+ (why: ...)`; the report
lists mismatches either way.
"""
import concurrent.futures as cf
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PY314 = os.environ.get("PY314_RUN", "/work/shared/tools/python314/run.js")
PY311 = os.environ.get("PY311", "python3")
VCLOCK = os.path.join(HERE, "vclock_run.js")
JOBS = int(os.environ.get("JOBS", "2"))
TRIES = int(os.environ.get("TRIES", "3"))


def run(cmd_prefix, src_path):
    d = tempfile.mkdtemp(prefix="conf-")
    try:
        shutil.copy(src_path, os.path.join(d, "main.py"))
        p = subprocess.run(cmd_prefix + ["main.py"], cwd=d, capture_output=True, text=True,
                           timeout=120)
        # python3 3.11 shows main.py by its absolute path; 3.14's runner shows the base name
        fix = lambda s: s.replace(os.path.join(d, "main.py"), "main.py")
        return fix(p.stdout), fix(p.stderr), p.returncode
    finally:
        shutil.rmtree(d, ignore_errors=True)


def last_line(s):
    lines = [l for l in s.splitlines() if l.strip()]
    return lines[-1] if lines else ""


def header_says_312(path):
    with open(path) as f:
        return f.readline().startswith("# cpython: 3.12+")


def process(name, check, with311, vclock_only=False):
    src = os.path.join(HERE, name + ".py")
    problems, notes = [], []
    # CPython 3.14's own loop on a virtual clock: immune to machine load (see vclock_run.js)
    v = run(["node", "--single-threaded", VCLOCK], src)
    if vclock_only:
        out_p, err_p = os.path.join(HERE, name + ".out"), os.path.join(HERE, name + ".err")
        old_out = open(out_p).read() if os.path.exists(out_p) else None
        old_err = open(err_p).read() if os.path.exists(err_p) else ""
        if (old_out, old_err) != (v[0], v[1]):
            problems.append("recorded output differs from the virtual-clock run")
        return name, v[2], problems, notes, False
    # the real-time reference: two runs that agree with each other and with the virtual clock;
    # a busy machine can stall a run by 50+ ms and reorder timers, so retry a few times
    for attempt in range(TRIES):
        a = run(["node", "--single-threaded", PY314], src)
        b = run(["node", "--single-threaded", PY314], src)
        if a == b == v:
            break
    else:
        if a != b:
            problems.append("3.14 real-time runs differ from each other")
        if a != v or b != v:
            problems.append("3.14 real-time run differs from the virtual-clock run")
    out, err, rc = a
    out_p, err_p = os.path.join(HERE, name + ".out"), os.path.join(HERE, name + ".err")
    if check:
        old_out = open(out_p).read() if os.path.exists(out_p) else None
        old_err = open(err_p).read() if os.path.exists(err_p) else ""
        if old_out != out:
            problems.append("stdout differs from recorded .out")
        if old_err != err:
            problems.append("stderr differs from recorded .err")
    elif not problems:
        with open(out_p, "w") as f:
            f.write(out)
        if err:
            with open(err_p, "w") as f:
                f.write(err)
        elif os.path.exists(err_p):
            os.remove(err_p)
        exit_p = os.path.join(HERE, name + ".exit")
        if rc != 0:
            with open(exit_p, "w") as f:
                f.write(f"{rc}\n")
        elif os.path.exists(exit_p):
            os.remove(exit_p)
    differs = False
    if with311:
        key = lambda r: (r[0], r[2], last_line(r[1]))
        runs = []
        for attempt in range(TRIES):
            runs.append(run([PY311], src))
            if key(runs[-1]) == key(v):
                break
        differs = all(key(r) != key(v) for r in runs)
        if len(set(runs)) > 1:
            notes.append("3.11 runs differ (load?)")
        if differs and not header_says_312(src):
            problems.append("differs on 3.11 but has no '# cpython: 3.12+' header")
        if not differs and header_says_312(src):
            notes.append("marked 3.12+ but 3.11 agrees")
    return name, rc, problems, notes, differs


def main():
    args = sys.argv[1:]
    check = "--check" in args
    with311 = "--no-311" not in args
    vclock_only = "--vclock-check" in args
    words = [a for a in args if not a.startswith("--")]
    names = sorted(f[:-3] for f in os.listdir(HERE)
                   if f.endswith(".py") and f[:3].isdigit())
    if words:
        names = [n for n in names if any(w in n for w in words)]
    bad, diff311 = 0, []
    with cf.ThreadPoolExecutor(JOBS) as ex:
        futs = [ex.submit(process, n, check, with311, vclock_only) for n in names]
        for fut in futs:
            name, rc, problems, notes, differs = fut.result()
            if differs:
                diff311.append(name)
            status = "FAIL" if problems else "ok"
            print(f"{status:4} {name} rc={rc}" + "".join(f"; {p}" for p in problems + notes),
                  flush=True)
            bad += bool(problems)
    print(f"\n{len(names)} programs, {bad} with problems")
    if with311 and not vclock_only:
        print("differ between 3.11 and 3.14:", ", ".join(diff311) or "none")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
