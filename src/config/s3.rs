//! The settings of an S3-compatible bucket for library files
//! (`KOLEGA_S3_*`): plain data read by `config`, from which the library
//! builds its client (`library::files::s3`). They live here so that the
//! configuration needs no feature.

use std::time::Duration;

/// Where the bucket is and how to sign for it (`KOLEGA_S3_*`).
#[derive(Clone, PartialEq, Eq)]
pub struct S3Config {
    pub endpoint: String,
    pub bucket: String,
    pub region: String,
    pub access_key_id: String,
    pub secret_access_key: String,
    pub limits: S3Limits,
}

/// How long to wait for the store and how often to try again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct S3Limits {
    /// Until the response headers, a PUT's upload included (a 25 MB file
    /// moves in well under it on any network a server sits on).
    pub response_time: Duration,
    /// No byte of a response body for this long: the transfer has failed.
    /// Below the 30 s in which a page request gets its 408 page, so a
    /// download that cannot start says why.
    pub body_idle_time: Duration,
    /// All the waiting on one response body together, so a store that
    /// trickles a byte just before each idle limit cannot hold one forever.
    pub body_time: Duration,
    /// Tries of a request that met a 500/502/503/504 or a broken connection.
    pub attempts: u32,
    /// The pause before the second try; it doubles before each next one.
    pub first_pause: Duration,
}

impl Default for S3Limits {
    fn default() -> S3Limits {
        S3Limits {
            response_time: Duration::from_secs(120),
            body_idle_time: Duration::from_secs(20),
            body_time: Duration::from_secs(120),
            attempts: 3,
            first_pause: Duration::from_millis(250),
        }
    }
}

impl std::fmt::Debug for S3Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the secret key, so a logged configuration cannot leak it.
        write!(f, "S3Config({}/{})", self.endpoint, self.bucket)
    }
}
