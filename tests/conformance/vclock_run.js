#!/usr/bin/env node
// CPython 3.14 (pyodide, as /work/shared/tools/python314/run.js) on a VIRTUAL clock: the
// event loop is CPython's own (asyncio.run -> BaseEventLoop._run_once), but instead of
// sleeping, select(timeout) advances a virtual clock, so the output does not depend on how
// busy the machine is. It models an idle machine: every loop.time() call advances the clock
// by 1 us (CPython's clock always moves, so a timer scheduled later with the same delay
// fires later), and select() oversleeps by 0.5 ms (timers due within that window fire in the
// same loop iteration, as they do on real CPython). record.py uses it to check recordings.
//   node vclock_run.js FILE.py   -> stdout, stderr, exit code like python3
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = process.env.PY314_DIR || path.join(os.homedir(), '.cache', 'python314-ref');
let loadPyodide;
try {
  ({ loadPyodide } = require(require.resolve('pyodide', { paths: [dir] })));
} catch (e) {
  console.error(`pyodide not found in ${dir}: run /work/shared/tools/python314/install.sh first`);
  process.exit(3);
}

const HARNESS = `
import asyncio, asyncio.events, asyncio.runners, io, linecache, selectors, sys, time, traceback

class _VClock:
    now = 1000.0
    def time(self):
        self.now += 1e-6
        return self.now

_vclock = _VClock()

class _VirtualSelector(selectors.BaseSelector):
    def __init__(self):
        self._map = {}
    def register(self, fileobj, events, data=None):
        raise OSError("this reference loop does no I/O")
    def unregister(self, fileobj):
        raise KeyError(fileobj)
    def select(self, timeout=None):
        if timeout is None:
            raise RuntimeError("the program would wait forever (nothing scheduled)")
        if timeout > 0:
            _vclock.now += timeout + 0.0005
        return []
    def get_map(self):
        return self._map
    def close(self):
        pass

class _Loop(asyncio.SelectorEventLoop):
    def __init__(self):
        super().__init__(_VirtualSelector())
    def time(self):
        return _vclock.time()
    def _make_self_pipe(self):
        pass
    def _close_self_pipe(self):
        pass
    def _write_to_self(self):
        pass

class _Policy(asyncio.events._BaseDefaultEventLoopPolicy):
    _loop_factory = _Loop

asyncio.run = asyncio.runners.run
asyncio.events._set_event_loop_policy(_Policy())
time.monotonic = _vclock.time

def run_program(src, name):
    out, err = io.StringIO(), io.StringIO()
    linecache.cache[name] = (len(src), None, src.splitlines(True), name)
    asyncio.events._set_running_loop(None)
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    rc = 0
    try:
        try:
            code = compile(src, name, "exec")
        except SyntaxError:
            traceback.print_exc(limit=0)
            rc = 2
        else:
            try:
                exec(code, {"__name__": "__main__", "__file__": name})
            except SystemExit as e:
                rc = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
            except BaseException as e:
                traceback.print_exception(type(e), e, e.__traceback__.tb_next)
                rc = 1
    finally:
        sys.stdout, sys.stderr = saved
    return [out.getvalue(), err.getvalue(), rc]
`;

(async () => {
  const file = process.argv[2];
  if (!file) { console.error('usage: node vclock_run.js FILE.py'); process.exit(3); }
  const py = await loadPyodide();
  py.runPython(HARNESS);
  const res = py.globals.get('run_program')(fs.readFileSync(file, 'utf8'), path.basename(file)).toJs();
  process.stdout.write(res[0]);
  process.stderr.write(res[1]);
  process.exitCode = res[2];
})();
