//! "Pomoć pomagačima" — help for helpers: a member who feels overwhelmed
//! sends a confidential request to the peer-support team; the supporter who
//! takes it and the member talk privately. Nobody else sees it (not even
//! administrators), it is never searchable, and its e-mails carry no text.

mod emails;
pub mod jobs;
pub mod member_data;
pub mod routes;
pub mod store;
mod views;
