//! `/about/impact`: the community's figures, live — members by role and
//! country, who was active lately, groups and posts, events held and their
//! attendees, resources and downloads, services mapped and checked — with
//! a month-by-month chart for each trend, drawn as SVG on the server and
//! repeated as a table for screen readers and for copying.

pub mod chart;
pub mod routes;
pub mod store;
