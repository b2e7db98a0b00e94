//! Text handling shared by every feature: Serbian script conversion and
//! the normalisation that makes search script- and diacritic-insensitive.

pub mod deident;
pub mod markdown;
pub mod personal_data;
pub mod search;
pub mod translit;
pub mod words;
