//! Discussion groups: groups and their memberships, threads and posts.
//! Confidentiality is part of the feature: what a viewer may see is decided
//! in `policy` and enforced in every listing query in `store`.

mod emails;
pub mod forms;
pub mod held;
pub mod join_requests;
pub mod lookup;
pub mod member_data;
pub mod membership;
pub mod mentions;
pub mod moderation;
pub mod notify;
pub mod policy;
pub mod routes;
pub mod search;
pub mod seed;
pub mod store;
mod views;
pub mod vocabulary;
