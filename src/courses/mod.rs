//! Courses: self-paced learning written by teachers and site moderators,
//! reviewed by moderators like the library's resources (draft → in review →
//! published, returned with a reason, archived; each change logged), with
//! ordered modules of ordered lessons. Members enrol, mark lessons done,
//! see their progress and continue where they left off (`/me/learning`);
//! finishing every lesson and quiz completes the course, with its licence
//! points in the ledger and a certificate anyone can verify (`completion`).
//! A lesson may carry attachments: a library resource, an event's
//! recording, or uploaded audio/video served with range requests. A course
//! may be for one group only, run as a cohort with its own discussion group
//! and weekly reminders, and shows its author figures.

pub mod attachment_forms;
pub mod cohort_forms;
pub mod cohort_views;
pub mod cohorts;
pub mod completion;
pub mod emails;
pub mod forms;
pub mod media;
pub mod member_data;
pub mod policy;
pub mod quiz;
pub mod quiz_forms;
pub mod quiz_views;
pub mod reminders;
pub mod review;
pub mod routes;
pub mod seed;
pub mod store;
pub mod views;
pub mod vocabulary;
