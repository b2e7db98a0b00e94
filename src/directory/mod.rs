//! The service map: who provides which social service, where — open to
//! citizens, kept current by the community. Organizations, services and
//! their locations (HSDS 3 in spirit and field names), the municipalities
//! of the region as reference data, members' suggestions reviewed by
//! moderators, coverage by municipality, and CSV/HSDS import and export.

pub mod changes;
pub mod coverage;
pub mod emails;
pub mod emergency;
pub mod forms;
pub mod member_data;
pub mod policy;
pub mod record;
pub mod reference;
pub mod routes;
pub mod search;
pub mod search_params;
pub mod seed;
pub mod store;
pub mod suggestions;
pub mod transfer;
pub mod views;
pub mod vocabulary;
