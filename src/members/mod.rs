//! Members: accounts, roles and passwords. The foundation has only what the
//! command line needs (`create-user`, `seed-demo`); sign-in, profiles and
//! the directory arrive with the members feature.

pub mod admin_store;
pub mod emails;
pub mod forms;
pub mod lifecycle;
pub mod password;
pub mod policy;
pub mod presence;
pub mod profile;
pub mod routes;
pub mod sessions;
pub mod settings_page;
pub mod store;
pub mod throttle;
pub mod tokens;
mod views;

/// Roles live in the foundation (`web::role`) because the page layout
/// shows what a member's role lets them reach.
pub use crate::web::role::{Approval, Role};
