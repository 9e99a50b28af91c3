//! A `TraceEvent` read from a JSON value in the shape serde's derives write (externally
//! tagged enums, newtypes as their value, a missing `Option` as `None`, unknown keys
//! ignored). Written by hand: the derived `Deserialize` impls cost ~20 KB of wasm.

use std::rc::Rc;

use serde_json::{Map, Value};

use crate::runtime::{
    CancelCause, CancelRequest, FutId, Outcome, Reason, ResourceId, Span, TaskId, TaskState,
    TraceEvent, WaitTarget, Waitable,
};

/// Why a value is not a trace event, in serde's words (`missing field `seq``).
type Res<T> = Result<T, String>;

/// The event `v` holds.
pub fn trace_event(v: &Value) -> Res<TraceEvent> {
    let f = Fields::of(v, "struct TraceEvent")?;
    Ok(TraceEvent {
        seq: u64_of(f.get(0, "seq")?)?,
        time: f64_of(f.get(1, "time")?)?,
        iteration: u64_of(f.get(2, "iteration")?)?,
        task: task_id(f.get(3, "task")?)?,
        name: Rc::from(str_of(f.get(4, "name")?)?),
        old: task_state(f.get(5, "old")?)?,
        new: task_state(f.get(6, "new")?)?,
        cancelling: u32_of(f.get(7, "cancelling")?)?,
        reason: reason(f.get(8, "reason")?)?,
        span: opt(f.opt(9, "span"), |v| u32_of(v).map(Span))?,
    })
}

/// A struct's fields: an object by name, or an array in declaration order.
enum Fields<'a> {
    Map(&'a Map<String, Value>),
    Seq(&'a [Value]),
}

impl<'a> Fields<'a> {
    fn of(v: &'a Value, what: &str) -> Res<Fields<'a>> {
        match v {
            Value::Object(m) => Ok(Fields::Map(m)),
            Value::Array(a) => Ok(Fields::Seq(a)),
            other => Err(invalid(other, what)),
        }
    }

    fn opt(&self, i: usize, name: &str) -> Option<&'a Value> {
        match self {
            Fields::Map(m) => m.get(name),
            Fields::Seq(a) => a.get(i),
        }
    }

    fn get(&self, i: usize, name: &str) -> Res<&'a Value> {
        self.opt(i, name).ok_or_else(|| match self {
            Fields::Map(_) => format!("missing field `{name}`"),
            Fields::Seq(_) => format!("invalid length {i}"),
        })
    }
}

/// An enum variant: `"Name"` (unit) or `{"Name": payload}`.
fn variant<'a>(v: &'a Value, what: &str) -> Res<(&'a str, Option<&'a Value>)> {
    match v {
        Value::String(s) => Ok((s, None)),
        Value::Object(m) if m.len() == 1 => {
            let (k, p) = m.iter().next().ok_or_else(|| invalid(v, what))?;
            Ok((k, Some(p)))
        }
        other => Err(invalid(other, what)),
    }
}

/// A unit variant's payload must be absent or `null`; others must be present.
fn unit(p: Option<&Value>) -> Res<()> {
    match p {
        None | Some(Value::Null) => Ok(()),
        Some(other) => Err(invalid(other, "unit variant")),
    }
}

fn payload(p: Option<&Value>) -> Res<&Value> {
    p.ok_or_else(|| "invalid type: unit variant, expected a variant with data".to_string())
}

fn unknown(name: &str, what: &str) -> String {
    format!("unknown variant `{name}` of {what}")
}

fn task_state(v: &Value) -> Res<TaskState> {
    let (name, p) = variant(v, "enum TaskState")?;
    let simple = match name {
        "Created" => TaskState::Created,
        "Scheduled" => TaskState::Scheduled,
        "Running" => TaskState::Running,
        "Done" => TaskState::Done,
        "Failed" => TaskState::Failed,
        "Cancelled" => TaskState::Cancelled,
        "Awaiting" => {
            let f = Fields::of(payload(p)?, "struct WaitTarget")?;
            return Ok(TaskState::Awaiting(WaitTarget {
                fut: fut_id(f.get(0, "fut")?)?,
                what: waitable(f.get(1, "what")?)?,
            }));
        }
        _ => return Err(unknown(name, "TaskState")),
    };
    unit(p).map(|()| simple)
}

fn waitable(v: &Value) -> Res<Waitable> {
    let (name, p) = variant(v, "enum Waitable")?;
    let resource = || u32_of(payload(p)?).map(ResourceId);
    let field = |name: &str| Fields::of(payload(p)?, "struct variant")?.get(0, name);
    Ok(match name {
        "Future" => unit(p).map(|()| Waitable::Future)?,
        "Gather" => unit(p).map(|()| Waitable::Gather)?,
        "Wait" => unit(p).map(|()| Waitable::Wait)?,
        "AsCompleted" => unit(p).map(|()| Waitable::AsCompleted)?,
        "Task" => Waitable::Task(task_id(payload(p)?)?),
        "Sleep" => Waitable::Sleep {
            until: f64_of(field("until")?)?,
        },
        "Shield" => Waitable::Shield {
            inner: fut_id(field("inner")?)?,
        },
        "Lock" => Waitable::Lock(resource()?),
        "Semaphore" => Waitable::Semaphore(resource()?),
        "Event" => Waitable::Event(resource()?),
        "Condition" => Waitable::Condition(resource()?),
        "QueueGet" => Waitable::QueueGet(resource()?),
        "QueuePut" => Waitable::QueuePut(resource()?),
        "QueueJoin" => Waitable::QueueJoin(resource()?),
        "TaskGroup" => Waitable::TaskGroup(u32_of(payload(p)?)?),
        "CancelAndWait" => Waitable::CancelAndWait {
            fut: fut_id(field("fut")?)?,
        },
        _ => return Err(unknown(name, "Waitable")),
    })
}

fn reason(v: &Value) -> Res<Reason> {
    let (name, p) = variant(v, "enum Reason")?;
    let fields = || Fields::of(payload(p)?, "struct variant");
    let request = |i| fields().and_then(|f| opt(f.opt(i, "request"), u32_of));
    Ok(match name {
        "Created" => unit(p).map(|()| Reason::Created)?,
        "StepStarted" => unit(p).map(|()| Reason::StepStarted)?,
        "ExceptionThrownIn" => unit(p).map(|()| Reason::ExceptionThrownIn)?,
        "Awaiting" => unit(p).map(|()| Reason::Awaiting)?,
        "Yielded" => unit(p).map(|()| Reason::Yielded)?,
        "Uncancelled" => unit(p).map(|()| Reason::Uncancelled)?,
        "Returned" => unit(p).map(|()| Reason::Returned)?,
        "Raised" => unit(p).map(|()| Reason::Raised)?,
        "Cancelled" => unit(p).map(|()| Reason::Cancelled)?,
        "ExceptionRetrieved" => unit(p).map(|()| Reason::ExceptionRetrieved)?,
        "Paused" => unit(p).map(|()| Reason::Paused)?,
        "CancelledErrorDelivered" => Reason::CancelledErrorDelivered {
            request: request(0)?,
        },
        "WokenBy" => {
            let f = fields()?;
            Reason::WokenBy {
                fut: fut_id(f.get(0, "fut")?)?,
                outcome: outcome(f.get(1, "outcome")?)?,
                request: opt(f.opt(2, "request"), u32_of)?,
            }
        }
        "CancelRequested" => {
            let f = Fields::of(payload(p)?, "struct CancelRequest")?;
            Reason::CancelRequested(CancelRequest {
                id: u32_of(f.get(0, "id")?)?,
                cause: cancel_cause(f.get(1, "cause")?)?,
                parent: opt(f.opt(2, "parent"), u32_of)?,
            })
        }
        "TimeoutFired" => Reason::TimeoutFired {
            timeout: u32_of(fields()?.get(0, "timeout")?)?,
        },
        "ShieldedFromCancel" => {
            let f = fields()?;
            Reason::ShieldedFromCancel {
                shield: fut_id(f.get(0, "shield")?)?,
                request: opt(f.opt(1, "request"), u32_of)?,
            }
        }
        _ => return Err(unknown(name, "Reason")),
    })
}

fn cancel_cause(v: &Value) -> Res<CancelCause> {
    let (name, p) = variant(v, "enum CancelCause")?;
    let fields = || Fields::of(payload(p)?, "struct variant");
    let timeout = || u32_of(fields()?.get(0, "timeout")?);
    Ok(match name {
        "User" => unit(p).map(|()| CancelCause::User)?,
        "Callback" => unit(p).map(|()| CancelCause::Callback)?,
        "Shutdown" => unit(p).map(|()| CancelCause::Shutdown)?,
        "WaitForZero" => unit(p).map(|()| CancelCause::WaitForZero)?,
        "Task" => CancelCause::Task {
            by: task_id(fields()?.get(0, "by")?)?,
        },
        "Timeout" => CancelCause::Timeout {
            timeout: timeout()?,
        },
        "WaitFor" => CancelCause::WaitFor {
            timeout: timeout()?,
        },
        "TaskGroupAbort" => {
            let f = fields()?;
            CancelCause::TaskGroupAbort {
                group: u32_of(f.get(0, "group")?)?,
                failed: opt(f.opt(1, "failed"), task_id)?,
            }
        }
        "Gather" => CancelCause::Gather {
            gather: fut_id(fields()?.get(0, "gather")?)?,
        },
        "Awaiter" => CancelCause::Awaiter {
            task: task_id(fields()?.get(0, "task")?)?,
        },
        _ => return Err(unknown(name, "CancelCause")),
    })
}

fn outcome(v: &Value) -> Res<Outcome> {
    let (name, p) = variant(v, "enum Outcome")?;
    let o = match name {
        "Result" => Outcome::Result,
        "Exception" => Outcome::Exception,
        "Cancelled" => Outcome::Cancelled,
        _ => return Err(unknown(name, "Outcome")),
    };
    unit(p).map(|()| o)
}

fn fut_id(v: &Value) -> Res<FutId> {
    let f = Fields::of(v, "struct FutId")?;
    Ok(FutId {
        idx: u32_of(f.get(0, "idx")?)?,
        gen: u32_of(f.get(1, "gen")?)?,
    })
}

fn task_id(v: &Value) -> Res<TaskId> {
    u32_of(v).map(TaskId)
}

/// `null` or absent is `None`.
fn opt<T>(v: Option<&Value>, read: impl Fn(&Value) -> Res<T>) -> Res<Option<T>> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(v) => read(v).map(Some),
    }
}

fn u64_of(v: &Value) -> Res<u64> {
    v.as_u64().ok_or_else(|| invalid(v, "u64"))
}

fn u32_of(v: &Value) -> Res<u32> {
    v.as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| invalid(v, "u32"))
}

fn f64_of(v: &Value) -> Res<f64> {
    v.as_f64().ok_or_else(|| invalid(v, "f64"))
}

fn str_of(v: &Value) -> Res<&str> {
    v.as_str().ok_or_else(|| invalid(v, "a string"))
}

fn invalid(v: &Value, expected: &str) -> String {
    let got = match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a sequence",
        Value::Object(_) => "a map",
    };
    format!("invalid type: {got}, expected {expected}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fut(idx: u32) -> FutId {
        FutId { idx, gen: idx + 1 }
    }

    /// One event per variant of every enum a trace event holds.
    fn every_variant() -> Vec<TraceEvent> {
        let r = ResourceId(7);
        let waits = [
            Waitable::Future,
            Waitable::Task(TaskId(2)),
            Waitable::Sleep { until: 0.1 + 0.2 },
            Waitable::Gather,
            Waitable::Shield { inner: fut(3) },
            Waitable::Lock(r),
            Waitable::Semaphore(r),
            Waitable::Event(r),
            Waitable::Condition(r),
            Waitable::QueueGet(r),
            Waitable::QueuePut(r),
            Waitable::QueueJoin(r),
            Waitable::Wait,
            Waitable::AsCompleted,
            Waitable::TaskGroup(4),
            Waitable::CancelAndWait { fut: fut(5) },
        ];
        let causes = [
            CancelCause::User,
            CancelCause::Task { by: TaskId(1) },
            CancelCause::Callback,
            CancelCause::Timeout { timeout: 2 },
            CancelCause::WaitFor { timeout: 3 },
            CancelCause::TaskGroupAbort {
                group: 1,
                failed: Some(TaskId(4)),
            },
            CancelCause::TaskGroupAbort {
                group: 1,
                failed: None,
            },
            CancelCause::Shutdown,
            CancelCause::Gather { gather: fut(6) },
            CancelCause::Awaiter { task: TaskId(9) },
            CancelCause::WaitForZero,
        ];
        let mut reasons = vec![
            Reason::Created,
            Reason::StepStarted,
            Reason::CancelledErrorDelivered { request: Some(3) },
            Reason::CancelledErrorDelivered { request: None },
            Reason::ExceptionThrownIn,
            Reason::Awaiting,
            Reason::Yielded,
            Reason::Uncancelled,
            Reason::TimeoutFired { timeout: 8 },
            Reason::Returned,
            Reason::Raised,
            Reason::Cancelled,
            Reason::ExceptionRetrieved,
            Reason::Paused,
            Reason::ShieldedFromCancel {
                shield: fut(2),
                request: Some(1),
            },
        ];
        for outcome in [Outcome::Result, Outcome::Exception, Outcome::Cancelled] {
            reasons.push(Reason::WokenBy {
                fut: fut(1),
                outcome,
                request: None,
            });
        }
        for (i, cause) in causes.into_iter().enumerate() {
            reasons.push(Reason::CancelRequested(CancelRequest {
                id: i as u32,
                cause,
                parent: (i % 2 == 0).then_some(1),
            }));
        }
        let mut states = vec![
            TaskState::Created,
            TaskState::Scheduled,
            TaskState::Running,
            TaskState::Done,
            TaskState::Failed,
            TaskState::Cancelled,
        ];
        states.extend(waits.into_iter().map(|what| {
            TaskState::Awaiting(WaitTarget {
                fut: fut(u32::MAX - 1),
                what,
            })
        }));
        let n = reasons.len().max(states.len());
        (0..n)
            .map(|i| TraceEvent {
                seq: i as u64 + (1 << 40),
                time: i as f64 / 3.0,
                iteration: i as u64,
                task: TaskId(i as u32),
                name: Rc::from(format!("Task-{i} \"é\"")),
                old: states[(i + 1) % states.len()].clone(),
                new: states[i % states.len()].clone(),
                cancelling: i as u32 % 3,
                reason: reasons[i % reasons.len()].clone(),
                span: (i % 3 != 0).then_some(Span(i as u32 * 10)),
            })
            .collect()
    }

    #[test]
    fn reads_what_serde_writes_and_agrees_with_the_derive() {
        for ev in every_variant() {
            let text = serde_json::to_string(&ev).unwrap();
            let v: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(trace_event(&v), Ok(ev.clone()), "{text}");
            let derived: TraceEvent = serde_json::from_value(v).unwrap();
            assert_eq!(derived, ev);
        }
    }

    #[test]
    fn accepts_what_the_derive_accepts() {
        let base = serde_json::to_value(&every_variant()[1]).unwrap();
        let mut v = base.clone();
        let obj = v.as_object_mut().unwrap();
        obj.remove("span");
        obj.insert("why".into(), serde_json::json!(["cancelled by you"]));
        obj.insert("old".into(), serde_json::json!({"Created": null}));
        let derived: TraceEvent = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(trace_event(&v), Ok(derived));
        assert_eq!(trace_event(&v).unwrap().span, None);
    }

    #[test]
    fn rejects_what_the_derive_rejects_and_says_why() {
        let base = serde_json::to_value(&every_variant()[2]).unwrap();
        let with = |key: &str, val: Value| {
            let mut v = base.clone();
            v.as_object_mut().unwrap().insert(key.into(), val);
            v
        };
        let mut no_seq = base.clone();
        no_seq.as_object_mut().unwrap().remove("seq");
        for (v, needle) in [
            (no_seq, "missing field `seq`"),
            (with("task", serde_json::json!(-1)), "expected u32"),
            (with("task", serde_json::json!(1.5)), "expected u32"),
            (with("cancelling", serde_json::json!(1u64 << 33)), "u32"),
            (with("time", Value::Null), "expected f64"),
            (with("name", serde_json::json!(3)), "expected a string"),
            (
                with("new", serde_json::json!("Sleeping")),
                "unknown variant",
            ),
            (with("new", serde_json::json!("Awaiting")), "unit variant"),
            (
                with("reason", serde_json::json!({"Created": 1})),
                "unit variant",
            ),
            (
                with("reason", serde_json::json!({"A": 1, "B": 2})),
                "enum Reason",
            ),
            (serde_json::json!(3), "expected struct TraceEvent"),
        ] {
            assert!(
                serde_json::from_value::<TraceEvent>(v.clone()).is_err(),
                "{v}"
            );
            let e = trace_event(&v).unwrap_err();
            assert!(e.contains(needle), "{needle}: {e}");
        }
    }
}
