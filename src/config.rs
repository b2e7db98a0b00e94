//! Configuration from environment variables. Every variable has a default
//! that works on a laptop; a bad value stops start-up with one line naming
//! the variable and what is expected.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use lettre::message::Mailbox;

pub mod s3;

pub use s3::{S3Config, S3Limits};

#[derive(Debug, Clone)]
pub struct Config {
    /// `DATABASE_URL`; `None` means "run a private PostgreSQL cluster".
    pub database_url: Option<String>,
    /// `KOLEGA_BIND`, default `127.0.0.1:8080`.
    pub bind: SocketAddr,
    /// `KOLEGA_DATA_DIR`, default `./data`.
    pub data_dir: PathBuf,
    /// `KOLEGA_BASE_URL`, used for links in e-mails; default from the bind address.
    pub base_url: String,
    /// `SMTP_URL`; `None` means "write .eml files under `data_dir/mail`".
    pub smtp_url: Option<String>,
    /// `MAIL_FROM`, default `Kolega <no-reply@localhost>`.
    pub mail_from: Mailbox,
    /// `KOLEGA_STATIC_DIR`, default `./static` (or the one next to Cargo.toml).
    pub static_dir: PathBuf,
    /// `KOLEGA_MAIL_POLL_SECONDS`, how often the mail worker looks for due mail.
    pub mail_poll_interval: Duration,
    /// `KOLEGA_REQUEST_TIMEOUT_SECONDS`, after which a request gets the 408 page.
    pub request_timeout: Duration,
    /// `KOLEGA_TRUST_PROXY`: how many reverse proxies in front of Kolega
    /// append to `X-Forwarded-For` (`false` = 0, `true` = 1, or a number);
    /// the client is that many entries from the right (`web::client_address`).
    pub trusted_proxies: usize,
    /// `KOLEGA_S3_BUCKET` and friends: library files in an S3-compatible
    /// bucket; `None` means "under `data_dir/files`".
    pub s3: Option<S3Config>,
    /// `KOLEGA_MAP_TILES_URL`: the map's tile server, `{z}/{x}/{y}` template;
    /// `off` shows no tiles (the list and the markers still work).
    pub map_tiles_url: Option<String>,
    /// `KOLEGA_BOUNCE_TOKEN`: the bearer token a mail system must send to
    /// `POST /hooks/email-bounce`; unset turns the hook off.
    pub bounce_token: Option<String>,
    /// `KOLEGA_METRICS_ALLOW`: addresses or networks (`10.0.0.0/8`) that may
    /// read `/metrics`, comma-separated; default this machine only; `none`.
    pub metrics_allow: Vec<String>,
}

/// A configuration error: the variable and what was expected.
#[derive(Debug, thiserror::Error)]
#[error("{variable}: {expected} (got {value:?})")]
pub struct ConfigError {
    pub variable: &'static str,
    pub expected: &'static str,
    pub value: String,
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()))
    }

    /// Reads configuration through `lookup`, so tests need not touch the
    /// process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let database_url = match lookup("DATABASE_URL") {
            Some(url) if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) => {
                return Err(ConfigError {
                    variable: "DATABASE_URL",
                    expected: "a postgres:// or postgresql:// URL, or unset for a private cluster",
                    value: url,
                });
            }
            other => other,
        };
        let bind_text = lookup("KOLEGA_BIND").unwrap_or_else(|| "127.0.0.1:8080".to_owned());
        let bind: SocketAddr = bind_text.parse().map_err(|_| ConfigError {
            variable: "KOLEGA_BIND",
            expected: "an address and port such as 127.0.0.1:8080 or 0.0.0.0:8080",
            value: bind_text.clone(),
        })?;
        let data_dir =
            PathBuf::from(lookup("KOLEGA_DATA_DIR").unwrap_or_else(|| "./data".to_owned()));
        let base_url = match lookup("KOLEGA_BASE_URL") {
            Some(url) => parse_base_url(&url)?,
            None => default_base_url(bind),
        };
        let smtp_url = match lookup("SMTP_URL") {
            Some(url) => Some(check_smtp_url(url)?),
            None => None,
        };
        let mail_from_text =
            lookup("MAIL_FROM").unwrap_or_else(|| "Kolega <no-reply@localhost>".to_owned());
        let mail_from: Mailbox = mail_from_text.parse().map_err(|_| ConfigError {
            variable: "MAIL_FROM",
            expected: "an address such as `Kolega <no-reply@kolega.rs>`",
            value: mail_from_text.clone(),
        })?;
        let static_dir = lookup("KOLEGA_STATIC_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(default_static_dir);
        let mail_poll_interval = seconds(&lookup, "KOLEGA_MAIL_POLL_SECONDS", 2)?;
        let request_timeout = seconds(&lookup, "KOLEGA_REQUEST_TIMEOUT_SECONDS", 30)?;
        let trusted_proxies = match lookup("KOLEGA_TRUST_PROXY").as_deref().map(str::trim) {
            None | Some("false") => 0,
            Some("true") => 1,
            // More than a handful of proxies in one chain is a typo.
            Some(other) => match other.parse::<usize>() {
                Ok(hops) if hops <= 10 => hops,
                _ => {
                    return Err(ConfigError {
                        variable: "KOLEGA_TRUST_PROXY",
                        expected: "false, true (one proxy) or the number of proxies in front of Kolega (0 to 10)",
                        value: other.to_owned(),
                    });
                }
            },
        };
        let s3 = s3_config(&lookup)?;
        let map_tiles_url = match lookup("KOLEGA_MAP_TILES_URL") {
            None => Some("https://tile.openstreetmap.org/{z}/{x}/{y}.png".to_owned()),
            Some(off) if off == "off" => None,
            Some(url)
                if url.starts_with("https://")
                    && url.contains("{z}")
                    && tile_origin(&url).is_some() =>
            {
                Some(url)
            }
            Some(url) => {
                return Err(ConfigError {
                    variable: "KOLEGA_MAP_TILES_URL",
                    expected: "an https:// URL template with {z}, {x} and {y}, or off",
                    value: url,
                });
            }
        };
        let bounce_token = match lookup("KOLEGA_BOUNCE_TOKEN") {
            Some(token) if token.len() < 16 => {
                return Err(ConfigError {
                    variable: "KOLEGA_BOUNCE_TOKEN",
                    expected: "at least 16 characters (a long random string)",
                    value: "(hidden)".to_owned(),
                });
            }
            other => other,
        };
        let metrics_allow = match lookup("KOLEGA_METRICS_ALLOW") {
            None => vec!["127.0.0.1".to_owned(), "::1".to_owned()],
            Some(none) if none.trim() == "none" => Vec::new(),
            Some(list) => {
                let entries: Vec<String> = list
                    .split(',')
                    .map(|entry| entry.trim().to_owned())
                    .filter(|entry| !entry.is_empty())
                    .collect();
                let valid = |entry: &String| {
                    let (address, bits) = entry.split_once('/').unwrap_or((entry, "0"));
                    address.parse::<std::net::IpAddr>().is_ok() && bits.parse::<u8>().is_ok()
                };
                if !entries.iter().all(valid) {
                    return Err(ConfigError {
                        variable: "KOLEGA_METRICS_ALLOW",
                        expected: "comma-separated addresses or networks (10.0.0.0/8), or none",
                        value: list,
                    });
                }
                entries
            }
        };
        Ok(Config {
            database_url,
            bind,
            data_dir,
            base_url,
            smtp_url,
            mail_from,
            static_dir,
            mail_poll_interval,
            request_timeout,
            trusted_proxies,
            s3,
            map_tiles_url,
            bounce_token,
            metrics_allow,
        })
    }

    /// Whether cookies must carry `Secure` (the site is served over https).
    pub fn secure_cookies(&self) -> bool {
        self.base_url.starts_with("https://")
    }

    pub fn mail_dir(&self) -> PathBuf {
        self.data_dir.join("mail")
    }
}

/// A number of seconds from 1 to 3600.
fn seconds(
    lookup: &impl Fn(&str) -> Option<String>,
    variable: &'static str,
    default: u64,
) -> Result<Duration, ConfigError> {
    let Some(text) = lookup(variable) else {
        return Ok(Duration::from_secs(default));
    };
    text.parse::<u64>()
        .ok()
        .filter(|s| (1..=3600).contains(s))
        .map(Duration::from_secs)
        .ok_or(ConfigError {
            variable,
            expected: "a whole number of seconds from 1 to 3600",
            value: text,
        })
}

/// `https://host[:port]` of a tile URL template, for the pages' CSP.
pub fn tile_origin(url: &str) -> Option<String> {
    let rest = url.strip_prefix("https://")?;
    // Leaflet's subdomain placeholder becomes a CSP wildcard.
    let host = rest.split('/').next()?.replace("{s}", "*");
    let plain = host
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '*'));
    (!host.is_empty() && plain).then(|| format!("https://{host}"))
}

/// `KOLEGA_S3_BUCKET` turns the bucket on; the endpoint defaults to AWS in
/// `KOLEGA_S3_REGION`, and the keys may also come as the usual
/// `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`.
fn s3_config(lookup: &impl Fn(&str) -> Option<String>) -> Result<Option<S3Config>, ConfigError> {
    let Some(bucket) = lookup("KOLEGA_S3_BUCKET") else {
        return Ok(None);
    };
    let region = lookup("KOLEGA_S3_REGION").unwrap_or_else(|| "us-east-1".to_owned());
    let endpoint = lookup("KOLEGA_S3_ENDPOINT")
        .unwrap_or_else(|| format!("https://s3.{region}.amazonaws.com"));
    if !(endpoint.starts_with("https://") || endpoint.starts_with("http://"))
        || endpoint.parse::<axum::http::Uri>().is_err()
    {
        return Err(ConfigError {
            variable: "KOLEGA_S3_ENDPOINT",
            expected: "an http:// or https:// URL such as https://s3.eu-central-1.amazonaws.com",
            value: endpoint,
        });
    }
    let key = |ours: &'static str, theirs: &str| {
        lookup(ours).or_else(|| lookup(theirs)).ok_or(ConfigError {
            variable: ours,
            expected: "the bucket's access key (or the AWS_* variable) when KOLEGA_S3_BUCKET is set",
            value: String::new(),
        })
    };
    Ok(Some(S3Config {
        access_key_id: key("KOLEGA_S3_ACCESS_KEY_ID", "AWS_ACCESS_KEY_ID")?,
        secret_access_key: key("KOLEGA_S3_SECRET_ACCESS_KEY", "AWS_SECRET_ACCESS_KEY")?,
        endpoint,
        bucket,
        region,
        limits: S3Limits::default(),
    }))
}

fn parse_base_url(url: &str) -> Result<String, ConfigError> {
    let trimmed = url.trim_end_matches('/');
    let rest = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.contains(char::is_whitespace) => {
            Ok(trimmed.to_owned())
        }
        _ => Err(ConfigError {
            variable: "KOLEGA_BASE_URL",
            expected: "an http:// or https:// URL such as https://kolega.rs",
            value: url.to_owned(),
        }),
    }
}

fn default_base_url(bind: SocketAddr) -> String {
    if bind.ip().is_unspecified() {
        format!("http://localhost:{}", bind.port())
    } else {
        format!("http://{bind}")
    }
}

/// Accepts `smtp://`, `smtps://` and `smtp://…?tls=starttls` (also lettre's
/// own `tls=required|opportunistic`).
fn check_smtp_url(url: String) -> Result<String, ConfigError> {
    let error = |value: String| ConfigError {
        variable: "SMTP_URL",
        expected: "smtp://[user:password@]host[:port][?tls=starttls] or smtps://[user:password@]host[:port]",
        value,
    };
    let scheme_ok = url.starts_with("smtp://") || url.starts_with("smtps://");
    let tls_ok = match url.split_once("?tls=") {
        None => true,
        Some((_, mode)) => matches!(mode, "starttls" | "required" | "opportunistic"),
    };
    if scheme_ok
        && tls_ok
        && lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::from_url(&lettre_smtp_url(&url))
            .is_ok()
    {
        Ok(url)
    } else {
        Err(error(url))
    }
}

/// `?tls=starttls` is our spelling of lettre's `?tls=required`: the URL
/// lettre understands, for the check above and for the mailer.
pub fn lettre_smtp_url(url: &str) -> String {
    url.replace("tls=starttls", "tls=required")
}

fn default_static_dir() -> PathBuf {
    let local = PathBuf::from("static");
    if local.is_dir() {
        local
    } else {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("static")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|name| vars.get(name).cloned())
    }

    #[test]
    fn defaults_work_on_a_laptop() {
        let config = config(&[]).unwrap();
        assert_eq!(config.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(config.base_url, "http://127.0.0.1:8080");
        assert_eq!(config.data_dir, PathBuf::from("./data"));
        assert!(config.database_url.is_none());
        assert!(config.smtp_url.is_none());
        assert!(!config.secure_cookies());
    }

    #[test]
    fn bad_values_name_the_variable() {
        let cases = [
            ("KOLEGA_BIND", "localhost"),
            ("DATABASE_URL", "mysql://x"),
            ("KOLEGA_BASE_URL", "kolega.rs"),
            ("SMTP_URL", "http://mail"),
            ("SMTP_URL", "smtp://mail?tls=maybe"),
            ("MAIL_FROM", "not an address"),
            ("KOLEGA_MAIL_POLL_SECONDS", "0"),
            ("KOLEGA_TRUST_PROXY", "yes"),
            ("KOLEGA_TRUST_PROXY", "-1"),
            ("KOLEGA_TRUST_PROXY", "11"),
        ];
        for (variable, value) in cases {
            let error = config(&[(variable, value)]).unwrap_err();
            assert_eq!(error.variable, variable);
            assert!(error.to_string().starts_with(variable), "{error}");
            assert!(error.to_string().contains(value), "{error}");
        }
    }

    #[test]
    fn smtp_urls_in_all_three_styles_are_accepted() {
        for url in [
            "smtp://localhost:2525",
            "smtps://user:secret@mail.example.org",
            "smtp://user:secret@mail.example.org:587?tls=starttls",
        ] {
            assert_eq!(
                config(&[("SMTP_URL", url)]).unwrap().smtp_url.as_deref(),
                Some(url)
            );
        }
    }

    #[test]
    fn s3_needs_its_keys_and_defaults_to_aws() {
        let bucket_only = config(&[("KOLEGA_S3_BUCKET", "kolega-files")]).unwrap_err();
        assert_eq!(bucket_only.variable, "KOLEGA_S3_ACCESS_KEY_ID");
        let s3 = config(&[
            ("KOLEGA_S3_BUCKET", "kolega-files"),
            ("KOLEGA_S3_REGION", "eu-central-1"),
            ("AWS_ACCESS_KEY_ID", "id"),
            ("AWS_SECRET_ACCESS_KEY", "secret"),
        ])
        .unwrap()
        .s3
        .unwrap();
        assert_eq!(s3.endpoint, "https://s3.eu-central-1.amazonaws.com");
        assert_eq!(s3.secret_access_key, "secret");
        assert!(config(&[]).unwrap().s3.is_none());
    }

    #[test]
    fn trust_proxy_is_a_number_of_proxies() {
        let hops = |value: &str| {
            config(&[("KOLEGA_TRUST_PROXY", value)])
                .unwrap()
                .trusted_proxies
        };
        assert_eq!(
            config(&[]).unwrap().trusted_proxies,
            0,
            "the peer by default"
        );
        assert_eq!(hops("false"), 0);
        assert_eq!(hops("true"), 1);
        assert_eq!(hops("0"), 0);
        assert_eq!(hops("1"), 1);
        assert_eq!(hops("2"), 2);
    }

    #[test]
    fn https_base_url_makes_cookies_secure() {
        let config = config(&[("KOLEGA_BASE_URL", "https://kolega.rs/")]).unwrap();
        assert_eq!(config.base_url, "https://kolega.rs");
        assert!(config.secure_cookies());
    }
}
