//! The resource library: protocols, guidelines, brochures and more,
//! submitted by members, reviewed and curated by moderators.

pub mod cite;
pub mod emails;
pub mod extract;
pub mod files;
pub mod forms;
pub mod member_data;
pub mod policy;
pub mod review;
pub mod routes;
pub mod search;
pub mod seed;
pub mod store;
pub mod submission;
pub mod views;
pub mod vocabulary;
