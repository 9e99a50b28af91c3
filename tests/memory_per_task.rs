//! Heap bytes per sleeping task, natively (the budget is issue 7's: 100,000 sleeping tasks
//! in under 64 MB of wasm memory; `bench/programs/mem_100k.py`, docs/performance.md). The
//! counting allocator (`lang::vm::memory`) counts per thread, so each run gets a fresh one;
//! the peak is sampled every 500 loop callbacks. Native pointers are twice wasm32's, so
//! the native figure is an upper bound of the wasm one before the allocator's overhead.
#![cfg(not(target_arch = "wasm32"))]

use asyncio_playground::lang::vm::limits::Limits;
use asyncio_playground::lang::vm::memory::live_bytes;
use asyncio_playground::lang::vm::session::{Session, Status};

/// `mem_100k.py` with `n` tasks.
fn program(n: usize) -> String {
    format!(
        "import asyncio\n\
         async def sleeper(i):\n    await asyncio.sleep(10)\n    return i\n\
         async def main():\n    tasks = [asyncio.create_task(sleeper(i)) for i in range({n})]\n    \
         await asyncio.sleep(1)\n    asleep = sum(1 for t in tasks if not t.done())\n    \
         results = await asyncio.gather(*tasks)\n    print(asleep, sum(results))\n\
         asyncio.run(main())\n"
    )
}

/// Peak live heap bytes of a run of `program(n)`: while every task sleeps (loop time
/// below 10 s) and over the whole run; and its output.
fn peak_bytes(n: usize) -> (usize, usize, String) {
    std::thread::spawn(move || {
        let base = live_bytes();
        let limits = Limits {
            tasks: usize::MAX,
            ..Limits::default()
        };
        let mut s = Session::with_limits(&program(n), "main.py", limits);
        let (mut asleep, mut peak) = (0, 0);
        while let Status::Running = s.step_with(500, 1_000_000) {
            let now = live_bytes().saturating_sub(base);
            peak = peak.max(now);
            if s.running_loop().is_some_and(|lp| lp.time() < 10.0) {
                asleep = asleep.max(now);
            }
        }
        let out: String = s.take_console().into_iter().map(|(_, t)| t).collect();
        (asleep, peak, out)
    })
    .join()
    .expect("the run's thread")
}

#[test]
fn a_sleeping_task_costs_under_760_bytes_natively() {
    let n = 20_000;
    let (small_asleep, small, out_small) = peak_bytes(100);
    let (big_asleep, big, out_big) = peak_bytes(n);
    assert_eq!(out_small, "100 4950\n");
    assert_eq!(out_big, format!("{n} {}\n", n * (n - 1) / 2));
    let per = |a: usize, b: usize| (b - a) as f64 / (n - 100) as f64;
    let (per_task, asleep) = (per(small, big), per(small_asleep, big_asleep));
    eprintln!("heap per task (native): {asleep:.0} B while asleep, {per_task:.0} B at the peak");
    // 715 B at the peak after the round of docs/performance.md that brought the wasm figure
    // under 64 MB (881 B before it): a regression of a word or two per structure shows.
    assert!(per_task < 760.0, "{per_task:.0} B per task");
}
