//! The test harness: one PostgreSQL per test process (the private cluster
//! manager, or `DATABASE_URL`), a fresh database per test cloned from a
//! migrated template, a `TestApp` over the real router with a cookie-keeping
//! client, and an SMTP sink the tests read mail from.

pub mod actors;
pub mod browser;
pub mod data_archive;
pub mod database;
pub mod docx;
pub mod events;
pub mod faulty_proxy;
pub mod groups;
pub mod hostile;
pub mod html;
pub mod http_client;
pub mod library;
pub mod mail;
pub mod members;
pub mod process;
pub mod response;
pub mod routes;
pub mod s3_server;
pub mod services;
pub mod smtp_sink;
pub mod test_app;

pub use browser::Browser;
pub use mail::ReceivedMail;
pub use response::TestResponse;
pub use smtp_sink::SmtpSink;
pub use test_app::TestApp;
