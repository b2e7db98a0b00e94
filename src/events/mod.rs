//! Events: webinars, supervision meetings, regional meetings, round tables,
//! trainings and conferences — from announcement to registration,
//! calendars and reminders.

pub mod attendance;
pub mod calendar_feed;
pub mod case_review;
pub mod departure;
pub mod emails;
pub mod feedback;
pub mod forms;
pub mod ics;
pub mod member_data;
pub mod participants;
pub mod people;
pub mod policy;
pub mod promotion;
pub mod proposals;
pub mod registration;
pub mod reminders;
pub mod routes;
pub mod seed;
pub mod store;
pub mod supervision;
pub mod times;
pub mod views;
pub mod vocabulary;
