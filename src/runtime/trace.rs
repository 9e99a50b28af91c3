//! Lifecycle trace: the displayed task state (derived, never stored), why it changed, and
//! the event sink (off by default, drained in batches).

use std::rc::Rc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{FutId, TaskId};

/// A source location the language layer attaches (an opaque span id or byte offset); set
/// with `Loop::set_span` before calling into the runtime or before yielding an await.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span(pub u32);

/// Identifies a Lock, Event, Semaphore, Condition or Queue (see `Loop::resources`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ResourceId(pub u32);

/// What a task is shown as. Derived by `Loop::task_state` from CPython's fields
/// (future state, `_fut_waiter`, whether it is the running task, whether it ever started).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TaskState {
    /// Scheduled for its first step, never ran.
    Created,
    /// Its `__step` is in the ready queue (woken, or after a bare yield).
    Scheduled,
    /// Inside `__step` right now.
    Running,
    /// Suspended on a pending future.
    Awaiting(WaitTarget),
    /// Finished with a result.
    Done,
    /// Finished with an exception.
    Failed,
    /// Finished cancelled.
    Cancelled,
}

/// The future a task waits on and what that future stands for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WaitTarget {
    pub fut: FutId,
    pub what: Waitable,
}

/// What a future represents, set by whoever creates it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Waitable {
    /// A plain `loop.create_future()`.
    Future,
    /// Another task.
    Task(TaskId),
    /// `asyncio.sleep(d)`, due at loop time `until`.
    Sleep { until: f64 },
    /// A `gather(...)` outer future.
    Gather,
    /// A `shield(inner)` outer future.
    Shield { inner: FutId },
    /// `Lock.acquire` (also a Condition re-acquiring its lock).
    Lock(ResourceId),
    /// `Semaphore.acquire`.
    Semaphore(ResourceId),
    /// `Event.wait`.
    Event(ResourceId),
    /// `Condition.wait` (waiting for a notify).
    Condition(ResourceId),
    /// `Queue.get` on an empty queue.
    QueueGet(ResourceId),
    /// `Queue.put` on a full queue.
    QueuePut(ResourceId),
    /// `Queue.join`.
    QueueJoin(ResourceId),
    /// `asyncio.wait(...)`.
    Wait,
    /// `as_completed` waiting for the next one.
    AsCompleted,
    /// A `TaskGroup.__aexit__` waiting for its children (group id).
    TaskGroup(u32),
    /// `wait_for(.., timeout<=0)` cancelling its inner future and waiting for it.
    CancelAndWait { fut: FutId },
}

/// Who asked for a cancellation, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CancelCause {
    /// An external command (the UI's "cancel task N").
    User,
    /// Task code called `.cancel()` (the event's span says where).
    Task { by: TaskId },
    /// Code outside any task (a plain callback) called `.cancel()`.
    Callback,
    /// An `asyncio.timeout`/`timeout_at` block expired (timeout id).
    Timeout { timeout: u32 },
    /// A `wait_for` deadline expired (its internal timeout id).
    WaitFor { timeout: u32 },
    /// A TaskGroup aborted: `failed` is the child whose exception started it, `None` when
    /// the body raised or the parent was cancelled.
    TaskGroupAbort { group: u32, failed: Option<TaskId> },
    /// `asyncio.run` cancelling what remains after main, or the driver's shutdown command.
    Shutdown,
    /// A `gather` outer future was cancelled and passes it to its children.
    Gather { gather: FutId },
    /// A task was cancelled while awaiting this future (`Task.cancel` cancels `_fut_waiter`).
    Awaiter { task: TaskId },
    /// `wait_for(.., timeout<=0)` cancelling its inner future.
    WaitForZero,
}

/// One cancel request: its id, cause, and the request that led to it (a task cancelled
/// while awaiting a gather: the gather's children's requests have the task's as parent).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CancelRequest {
    pub id: u32,
    pub cause: CancelCause,
    pub parent: Option<u32>,
}

/// How the awaited future ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    Result,
    Exception,
    Cancelled,
}

/// Why a task's state (or cancelling count) changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reason {
    /// `create_task`.
    Created,
    /// `__step` began with `send(None)`.
    StepStarted,
    /// `__step` began by throwing `CancelledError` in (from `_must_cancel` or a cancelled
    /// awaited future); `request` is the latest cancel request of this task, if any.
    CancelledErrorDelivered { request: Option<u32> },
    /// `__step` began by throwing the awaited future's exception in.
    ExceptionThrownIn,
    /// The coroutine yielded a pending future (the new state names it).
    Awaiting,
    /// A bare yield (`sleep(0)`): back of the ready queue.
    Yielded,
    /// The awaited future completed, so `__wakeup` is scheduled. `request`: the cancel
    /// request that cancelled it, when one did (a shared future cancelled through another
    /// task wakes every waiter with that request).
    WokenBy {
        fut: FutId,
        outcome: Outcome,
        request: Option<u32>,
    },
    /// `Task.cancel()` was called and accepted.
    CancelRequested(CancelRequest),
    /// `Task.uncancel()`; the event's `cancelling` is the remaining count.
    Uncancelled,
    /// A timeout (by id) fired for this task; the cancel request follows.
    TimeoutFired { timeout: u32 },
    /// The coroutine returned.
    Returned,
    /// The coroutine raised (not `CancelledError`).
    Raised,
    /// The task ended cancelled (its coroutine let `CancelledError` out, or returned while a
    /// cancel was pending).
    Cancelled,
    /// Someone read the failed task's exception (`result()`, `exception()`, an awaiter).
    ExceptionRetrieved,
    /// The host paused this task's step on its instruction budget: it is still running and
    /// the loop is blocked until the step yields or ends. Traced at a step's first pause only
    /// (`Loop::continue_step`).
    Paused,
    /// A cancel request stopped at a `shield` around this task: the shield's outer future
    /// was cancelled (request `request`) and this task keeps running.
    ShieldedFromCancel { shield: FutId, request: Option<u32> },
}

/// One lifecycle change of one task.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TraceEvent {
    /// Position in the whole trace, from 0.
    pub seq: u64,
    /// Loop time.
    pub time: f64,
    /// Loop iteration (`run_once` count) it happened in.
    pub iteration: u64,
    pub task: TaskId,
    #[serde(serialize_with = "rc_str", deserialize_with = "de_rc_str")]
    pub name: Rc<str>,
    pub old: TaskState,
    pub new: TaskState,
    /// `task.cancelling()` after the change.
    pub cancelling: u32,
    pub reason: Reason,
    /// Where in the program, when the language layer set one.
    pub span: Option<Span>,
}

fn de_rc_str<'de, D: Deserializer<'de>>(d: D) -> Result<Rc<str>, D::Error> {
    String::deserialize(d).map(Rc::from)
}

fn rc_str<S: Serializer>(s: &Rc<str>, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(s)
}

pub(crate) fn opt_rc_str<S: Serializer>(s: &Option<Rc<str>>, ser: S) -> Result<S::Ok, S::Error> {
    match s {
        Some(s) => ser.serialize_some(&**s),
        None => ser.serialize_none(),
    }
}

/// The event sink. Off until `Loop::set_tracing(true)`; then every transition appends one
/// event, and the driver takes them in batches with `Loop::drain_trace`.
#[derive(Default)]
pub(crate) struct Trace {
    pub(crate) enabled: bool,
    pub(crate) events: Vec<TraceEvent>,
    pub(crate) seq: u64,
}
