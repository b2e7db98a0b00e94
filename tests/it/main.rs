//! Every integration test but the browser's, in one test binary: the
//! project links once for them, and one PostgreSQL (started by `common`)
//! serves the whole run. Each module is one area's tests; `common` is the
//! harness they share. `tests/browser.rs` stays a binary of its own (it is
//! slow, drives Chromium, and CI runs it by name).

mod common;

mod architecture;
mod authorization;
mod backup;
mod bounces;
mod certificates;
mod cli;
mod courses;
mod data_export;
mod deident;
mod demo_content;
mod email_addresses;
mod embedded_cluster;
mod event_numbers;
mod events;
mod events_hardening;
mod faults;
mod group_leaving;
mod group_moderation;
mod group_notifications;
mod group_permissions;
mod group_search;
mod groups;
mod home;
mod hostile_input;
mod impact;
mod library;
mod library_s3;
mod mail;
mod mail_history;
mod members_account;
mod members_join;
mod notifications;
mod operations;
mod peer_support;
mod properties;
mod rate_limits;
mod scale_out;
mod service_coverage;
mod service_transfer;
mod services;
mod supervision;
mod web_shell;
