//! The site itself: the home page (and the library topics a member
//! follows for it), the short policy pages every member accepts (community
//! guidelines, privacy, child safeguarding), the language switcher and the
//! health endpoints.

pub mod content;
pub mod home;
pub mod routes;
pub mod settings;
pub mod topics;
mod views;
