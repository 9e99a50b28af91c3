//! Storage for the library's objects (gathers, shields, timeouts, waits, iterators, task
//! groups, locks/events/semaphores/conditions/queues), owned by the loop and named by index.

use super::gather::GatherState;
use super::host::Host;
use super::resources::Resource;
use super::shield::ShieldState;
use super::task_group::GroupState;
use super::timeout::TimeoutState;
use super::wait::{AsCompletedState, WaitState};

pub(crate) struct Library<H: Host> {
    pub(crate) gathers: Vec<GatherState>,
    /// Each gather's outer future, to its gather id (`Loop::fut_kind`).
    pub(crate) gather_outers: std::collections::HashMap<super::FutId, u32>,
    pub(crate) shields: Vec<ShieldState>,
    pub(crate) timeouts: Vec<TimeoutState>,
    pub(crate) waits: Vec<WaitState>,
    pub(crate) as_completed: Vec<AsCompletedState>,
    pub(crate) groups: Vec<GroupState<H>>,
    pub(crate) resources: Vec<Resource<H>>,
    /// Where the program created each resource (by `ResourceId`), for its variable name.
    pub(crate) resource_spans: Vec<Option<super::trace::Span>>,
    /// `loop.create_future()` futures and where they were made (done ones pruned lazily).
    pub(crate) user_futures: Vec<(super::FutId, Option<super::trace::Span>)>,
}

impl<H: Host> Default for Library<H> {
    fn default() -> Self {
        Library {
            gathers: Vec::new(),
            gather_outers: std::collections::HashMap::new(),
            shields: Vec::new(),
            timeouts: Vec::new(),
            waits: Vec::new(),
            as_completed: Vec::new(),
            groups: Vec::new(),
            resources: Vec::new(),
            resource_spans: Vec::new(),
            user_futures: Vec::new(),
        }
    }
}
