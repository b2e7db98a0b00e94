//! Shared web pieces: the request context (language, CSRF token), the page
//! shell middleware (CSRF check, error pages, cookies), errors, security
//! headers and small helpers every feature's handlers use.

pub mod byte_range;
pub mod client_address;
pub mod context;
pub mod cookies;
pub mod csrf;
pub mod current_user;
pub mod error;
pub mod flash;
pub mod form;
pub mod form_checks;
pub mod form_errors;
pub mod metrics;
pub mod page;
pub mod personal_data_guard;
pub mod query;
pub mod rate_limit;
pub mod redirect;
pub mod role;
pub mod security;
pub mod shell;
pub mod static_files;
pub mod vocabulary;

pub use context::RequestContext;
pub use error::{AppError, AppResult};
pub use form::Form;
pub use form_errors::FormErrors;
pub use page::Page;
pub use query::Query;
