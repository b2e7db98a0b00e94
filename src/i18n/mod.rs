//! Interface languages: Serbian Latin (default), Serbian Cyrillic, English.
//!
//! There are two catalogues, `locales/sr-Latn.ftl` and `locales/en.ftl`,
//! compiled into the binary. The Cyrillic interface uses the Latin catalogue
//! with Fluent's text transform set to our transliteration, which touches only
//! the text of messages, never variables or variant keys.

mod catalog;
mod locale;
pub mod times;

pub use catalog::{Args, has, message_ids, t, t_args};
pub use locale::Locale;
