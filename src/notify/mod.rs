//! Notifications and e-mail: the kinds of notification and members' choices
//! for them (`kinds`, `send`, `settings`), the in-app list, the daily digest,
//! one-click unsubscribe, addresses that bounce; and below them the outbox
//! (messages queued in the same transaction as the change that caused
//! them), the worker that sends them, the transports (SMTP or `.eml`
//! files), and the templates that render them.

pub mod address;
pub mod digest;
pub mod dsn;
pub mod email;
pub mod kinds;
pub mod outbox;
pub mod routes;
pub mod seed;
pub mod send;
pub mod store;
pub mod suppressions;
pub mod transport;
pub mod unsubscribe;
pub mod withdraw;
pub mod worker;

pub use email::Email;
pub use kinds::{Delivery, Kind};
pub use outbox::NewMessage;
pub use send::{Notification, Recipient, notify, tell};
pub use transport::Mailer;
