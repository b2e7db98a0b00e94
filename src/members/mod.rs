//! Members: accounts, roles and passwords. The foundation has only what the
//! command line needs (`create-user`, `seed-demo`); sign-in, profiles and
//! the directory arrive with the members feature.

pub mod current_user;
pub mod password;
pub mod presence;
pub mod role;
pub mod sessions;
pub mod store;

pub use role::Role;
