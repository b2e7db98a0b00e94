//! The site itself: the home page, the short policy pages every member
//! accepts (community guidelines, privacy, child safeguarding), the
//! language switcher and the health endpoints.

pub mod content;
pub mod routes;
pub mod settings;
mod views;
