//! E-mail: the outbox (messages queued in the same transaction as the change
//! that caused them), the worker that sends them, the transports (SMTP or
//! `.eml` files), and the templates that render them.

pub mod email;
pub mod outbox;
pub mod transport;
pub mod worker;

pub use email::Email;
pub use outbox::NewMessage;
pub use transport::Mailer;
