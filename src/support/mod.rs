//! Confidential peer support ("Poverljiva podrška"): a member who feels
//! overwhelmed sends a request to the peer-support team; the supporter who
//! takes it and the member talk privately. Until then the team sees only
//! the topic she chose, the language and how long it has waited; the words
//! open to the one who takes it. Nobody else sees it (not even
//! administrators), it is never searchable, and its e-mails carry no text.
//! Not to be confused with a group that allows anonymous posts, which its
//! members read.

mod emails;
mod forms;
pub mod jobs;
pub mod member_data;
mod policy;
pub mod routes;
pub mod status;
pub mod store;
pub mod topic;
mod views;
