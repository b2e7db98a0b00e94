//! A member's data across every feature: the download of everything
//! Kolega keeps about her (`/settings/export`, a ZIP with `data.json` and
//! a readable `index.html`) and deleting her account (`/settings/delete`).
//!
//! Both reach into every feature, and members — which every feature uses —
//! must not import features. So this module sits beside the features, at
//! the top: each feature says what of a member it keeps and what it erases
//! in its own `member_data` module, and this one only puts the parts
//! together (like `lib.rs` puts routers together). The settings page and
//! its other forms stay in members.

pub mod block;
pub mod download;
pub mod erase;
pub mod page;
pub mod routes;
pub mod zip;
