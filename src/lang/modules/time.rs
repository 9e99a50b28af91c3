//! `time` on the event loop's clock: `time()`, `monotonic()`, `perf_counter()` read loop
//! time (virtual, so elapsed times print exactly); `sleep()` blocks the loop by advancing
//! the clock, as a blocking call would (the UI shows the task blocking the loop).

use std::cell::Cell;
use std::rc::Rc;

use crate::lang::value::{Args, BuiltinFn, PyErr, PyResult, Value};
use crate::lang::vm::Vm;
use crate::runtime::Clock;

/// A virtual clock shared between the loop and the `time` module.
#[derive(Clone, Default)]
pub struct SharedClock(pub Rc<Cell<f64>>);

impl Clock for SharedClock {
    fn now(&self) -> f64 {
        self.0.get()
    }
    fn idle_until(&mut self, when: f64) {
        if when > self.0.get() {
            self.0.set(when);
        }
    }
}

/// Seconds added to loop time for `time.time()` (a plausible epoch time).
const EPOCH: f64 = 1_767_225_600.0;

fn now(vm: &mut Vm) -> f64 {
    vm.clock.0.get()
}
fn time(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(EPOCH + now(vm)))
}
fn monotonic(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(now(vm)))
}
fn sleep(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("sleep", 1, 1)?;
    let d = match &args.pos[0] {
        Value::Float(f) => *f,
        other => crate::lang::value::int::int_of(other)
            .map(|i| i.to_f64())
            .transpose()?
            .ok_or_else(|| {
                PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    other.type_name()
                ))
            })?,
    };
    if d < 0.0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    vm.note_time_sleep(d);
    let c = &vm.clock.0;
    c.set(c.get() + d);
    Ok(Value::None)
}

fn ns(v: f64) -> Value {
    Value::Int((v * 1e9).round() as i64)
}
fn time_ns(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(ns(EPOCH + now(vm)))
}
fn monotonic_ns(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(ns(now(vm)))
}

/// The UTC calendar fields of a POSIX time: (year, month, day, hour, minute, second,
/// weekday with Monday = 0, day of the year from 1). Howard Hinnant's `civil_from_days`.
fn civil(t: f64) -> (i64, u32, u32, u32, u32, u32, u32, u32) {
    let secs = t.floor() as i64;
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400) as u32;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy0 = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy0 + 2) / 153;
    let d = (doy0 - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    const CUM: [u32; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let yday = CUM[(m - 1) as usize] + d + u32::from(leap && m > 2);
    let wday = (days + 3).rem_euclid(7) as u32;
    (y, m, d, rem / 3600, rem / 60 % 60, rem % 60, wday, yday)
}

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `strftime` of POSIX time `t` in UTC (the playground's local time zone), C locale.
pub(crate) fn format_time(fmt: &str, t: f64) -> PyResult<String> {
    let (y, mo, d, h, mi, s, wd, yd) = civil(t);
    let day = DAYS[wd as usize % 7];
    let month = MONTHS[(mo as usize + 11) % 12];
    let h12 = if h % 12 == 0 { 12 } else { h % 12 };
    let mut out = String::new();
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(k) = chars.next() else {
            out.push('%');
            break;
        };
        let piece = match k {
            'Y' => y.to_string(),
            'y' => format!("{:02}", y.rem_euclid(100)),
            'm' => format!("{mo:02}"),
            'd' => format!("{d:02}"),
            'e' => format!("{d:>2}"),
            'H' => format!("{h:02}"),
            'I' => format!("{h12:02}"),
            'M' => format!("{mi:02}"),
            'S' => format!("{s:02}"),
            'p' => (if h < 12 { "AM" } else { "PM" }).to_string(),
            'a' => day[..3].to_string(),
            'A' => day.to_string(),
            'b' | 'h' => month[..3].to_string(),
            'B' => month.to_string(),
            'j' => format!("{yd:03}"),
            'w' => ((wd + 1) % 7).to_string(),
            'u' => (wd + 1).to_string(),
            'X' | 'T' => format!("{h:02}:{mi:02}:{s:02}"),
            'R' => format!("{h:02}:{mi:02}"),
            'x' | 'D' => format!("{mo:02}/{d:02}/{:02}", y.rem_euclid(100)),
            'F' => format!("{y}-{mo:02}-{d:02}"),
            'c' => format!(
                "{} {} {d:>2} {h:02}:{mi:02}:{s:02} {y}",
                &day[..3],
                &month[..3]
            ),
            'Z' => "UTC".to_string(),
            'z' => "+0000".to_string(),
            '%' => "%".to_string(),
            other => {
                return Err(PyErr::not_implemented(format!(
                    "time.strftime directive '%{other}' is not supported in the playground"
                )))
            }
        };
        out.push_str(&piece);
    }
    Ok(out)
}

/// `time.strftime(format)`: the current (loop-based) time; a `struct_time` argument is
/// not supported.
fn strftime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("strftime", 1, 1)?;
    let Value::Str(f) = &args.pos[0] else {
        return Err(PyErr::type_error(format!(
            "strftime() argument 1 must be str, not {}",
            args.pos[0].type_name()
        )));
    };
    let t = EPOCH + now(vm);
    Ok(Value::str(&format_time(f.as_str(), t)?))
}

/// `time.ctime([secs])`: `'Thu Jan  1 00:00:00 2026'`.
fn ctime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("ctime", 0, 1)?;
    let t = match args.pos.first() {
        None | Some(Value::None) => EPOCH + now(vm),
        Some(Value::Float(f)) => *f,
        Some(other) => crate::lang::value::int::int_of(other)
            .map(|i| i.to_f64())
            .transpose()?
            .ok_or_else(|| PyErr::type_error("an integer or float is required"))?,
    };
    if t.is_nan() || t.abs() >= 1e15 {
        return Err(PyErr::with_msg(
            "OverflowError",
            "timestamp out of range for platform time_t",
        ));
    }
    Ok(Value::str(&format_time("%c", t)?))
}

pub fn functions() -> Vec<(&'static str, BuiltinFn)> {
    vec![
        ("time", time),
        ("time_ns", time_ns),
        ("monotonic", monotonic),
        ("monotonic_ns", monotonic_ns),
        ("perf_counter", monotonic),
        ("perf_counter_ns", monotonic_ns),
        ("process_time", monotonic),
        ("sleep", sleep),
        ("strftime", strftime),
        ("ctime", ctime),
    ]
}

#[cfg(test)]
mod tests {
    use super::format_time;

    #[test]
    fn strftime_fields_in_utc() {
        // 2026-01-01 00:00:00 UTC was a Thursday.
        let t = super::EPOCH + 13.0 * 3600.0 + 5.0 * 60.0 + 9.0;
        assert_eq!(format_time("%X", t).ok().as_deref(), Some("13:05:09"));
        assert_eq!(
            format_time("%Y-%m-%d %a %b %j %I%p %%", t).ok().as_deref(),
            Some("2026-01-01 Thu Jan 001 01PM %")
        );
        assert_eq!(
            format_time("%c", 951_782_400.0).ok().as_deref(),
            Some("Tue Feb 29 00:00:00 2000")
        );
        assert!(format_time("%Q", t).is_err());
    }
}
