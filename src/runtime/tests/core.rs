use crate::runtime::testing::*;
use crate::runtime::*;

#[test]
fn sleep_returns_after_delay_on_virtual_clock() {
    let main = script().log("start").sleep(2.0).log("end").ret(Val::Int(7));
    let (r, lp, host) = run_main(main);
    assert_eq!(r, Ok(Val::Int(7)));
    assert_eq!(host.log, vec!["0 Task-1: start", "2 Task-1: end"]);
    assert_eq!(lp.time(), 2.0);
}
