//! Moving the directory in and out: CSV (a documented column set; `,`, `;`
//! or tab, UTF-8 or Windows-1250 as spreadsheets save it) and HSDS JSON,
//! imported with a preview and a line-by-line error report (nothing
//! is written until the whole file is valid), exported at stable URLs.

pub mod columns;
pub mod csv;
pub mod encoding;
pub mod export;
pub mod hsds;
pub mod import;
pub mod store;
