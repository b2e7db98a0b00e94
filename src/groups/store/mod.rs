//! SQL for groups, memberships, threads and posts, one file per aggregate.
//! Callers use `groups::store::*`; the split is for the readers of this code.

mod groups;
mod members;
mod posts;
mod subscriptions;
mod threads;

pub use groups::*;
pub use members::*;
pub use posts::*;
pub use subscriptions::*;
pub use threads::*;
