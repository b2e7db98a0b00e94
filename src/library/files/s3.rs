//! An S3-compatible object store for uploaded files (the library's, and
//! courses' media), so several Kolega instances can share them. Five
//! requests are all it takes — put, get, a ranged get (media seeking),
//! delete, and a bucket check at start — signed with AWS Signature V4
//! and sent over HTTP/1.1 (rustls for https). Path-style addressing
//! (`<endpoint>/<bucket>/<key>`) works with every S3-compatible server.
//!
//! A store is a network service: it may answer 500/503 for a moment (S3's
//! "SlowDown"), drop a connection, or stop sending in the middle of a
//! body. All five requests are idempotent (a PUT of a whole file replaces
//! the object, and the file is on disk to send again), so they are tried
//! again a few times with growing pauses; a body that stops flowing fails
//! after its idle limit instead of holding a download forever.

use std::path::Path;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, Uri};
use bytes::Bytes;
use chrono::Utc;
use futures_util::TryStreamExt;
use http_body_util::combinators::UnsyncBoxBody;
use http_body_util::{BodyExt, Empty, StreamBody};
use hyper::body::Frame;
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use tokio::io::AsyncWriteExt;
use tokio_util::io::ReaderStream;

pub use crate::config::s3::{S3Config, S3Limits};

use super::sigv4::{self, Credentials, UNSIGNED_PAYLOAD};
use super::timed_body::TimedBody;

type RequestBody = UnsyncBoxBody<Bytes, std::io::Error>;

/// What a request sends, made anew for each try.
enum Payload<'a> {
    Nothing,
    /// A complete local file, streamed from disk.
    File {
        path: &'a Path,
        size: u64,
    },
}

impl Payload<'_> {
    async fn body(&self) -> std::io::Result<RequestBody> {
        match self {
            Payload::Nothing => Ok(empty()),
            Payload::File { path, .. } => {
                let file = tokio::fs::File::open(path).await?;
                let body = StreamBody::new(ReaderStream::new(file).map_ok(Frame::data));
                Ok(UnsyncBoxBody::new(body))
            }
        }
    }
}

#[derive(Clone)]
pub struct S3Store {
    /// `https://host:port` plus any path prefix, without a trailing slash.
    endpoint: String,
    host: String,
    bucket: String,
    credentials: Credentials,
    limits: S3Limits,
    client: Client<HttpsConnector<HttpConnector>, RequestBody>,
}

impl std::fmt::Debug for S3Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the secret key.
        write!(f, "S3Store({}/{})", self.endpoint, self.bucket)
    }
}

impl S3Store {
    pub fn new(config: &S3Config) -> anyhow::Result<S3Store> {
        let uri: Uri = config.endpoint.parse()?;
        let host = uri
            .authority()
            .ok_or_else(|| anyhow::anyhow!("the S3 endpoint has no host"))?
            .to_string();
        let connector = hyper_rustls::HttpsConnectorBuilder::new()
            .with_provider_and_webpki_roots(rustls::crypto::ring::default_provider())?
            .https_or_http()
            .enable_http1()
            .build();
        Ok(S3Store {
            endpoint: config.endpoint.trim_end_matches('/').to_owned(),
            host,
            bucket: config.bucket.clone(),
            credentials: Credentials {
                access_key_id: config.access_key_id.clone(),
                secret_access_key: config.secret_access_key.clone(),
                region: config.region.clone(),
            },
            limits: config.limits.clone(),
            client: Client::builder(TokioExecutor::new()).build(connector),
        })
    }

    /// Says plainly at start if the bucket cannot be reached.
    pub async fn check_bucket(&self) -> std::io::Result<()> {
        let response = self.send(Method::HEAD, "", Payload::Nothing, &[]).await?;
        match response.status() {
            status if status.is_success() => Ok(()),
            StatusCode::NOT_FOUND => Err(std::io::Error::other(format!(
                "the S3 bucket {:?} does not exist at {}",
                self.bucket, self.endpoint
            ))),
            status => Err(std::io::Error::other(format!(
                "the S3 bucket {:?} at {} answered {status} (check the access keys)",
                self.bucket, self.endpoint
            ))),
        }
    }

    /// Uploads a complete local file, streamed from disk.
    pub async fn put_file(
        &self,
        key: &str,
        path: &Path,
        size: u64,
        content_type: &str,
    ) -> std::io::Result<()> {
        let headers = [("content-type", content_type.to_owned())];
        let response = self
            .send(Method::PUT, key, Payload::File { path, size }, &headers)
            .await?;
        self.expect_success(response, "PUT", key).await.map(drop)
    }

    /// The object's bytes as a streaming body. Its first bytes have come
    /// when this returns, so a store that answers and then sends nothing
    /// is an error here, where the page can still say so.
    pub async fn get(&self, key: &str) -> std::io::Result<Body> {
        let mut body = self.get_body(key).await?;
        if body.first_frame().await? {
            Ok(Body::new(body))
        } else {
            Ok(Body::empty())
        }
    }

    /// `length` bytes of the object from `start` (a ranged GET, answered
    /// 206), as a streaming body like [`Self::get`].
    pub async fn get_range(&self, key: &str, start: u64, length: u64) -> std::io::Result<Body> {
        let last = start + length.max(1) - 1;
        let range = [("range", format!("bytes={start}-{last}"))];
        let response = self
            .send(Method::GET, key, Payload::Nothing, &range)
            .await?;
        let response = self.expect_success(response, "GET", key).await?;
        let mut body = self.timed(response.into_body());
        if body.first_frame().await? {
            Ok(Body::new(body))
        } else {
            Ok(Body::empty())
        }
    }

    /// Copies the object into a local file (for the text extractors).
    pub async fn download_to(&self, key: &str, path: &Path) -> std::io::Result<()> {
        let mut body = self.get_body(key).await?;
        let mut out = tokio::fs::File::create(path).await?;
        while let Some(frame) = body.frame().await {
            if let Some(data) = frame?.data_ref() {
                out.write_all(data).await?;
            }
        }
        out.flush().await
    }

    pub async fn delete(&self, key: &str) -> std::io::Result<()> {
        let response = self
            .send(Method::DELETE, key, Payload::Nothing, &[])
            .await?;
        self.expect_success(response, "DELETE", key).await.map(drop)
    }

    async fn get_body(&self, key: &str) -> std::io::Result<TimedBody> {
        let response = self.send(Method::GET, key, Payload::Nothing, &[]).await?;
        let response = self.expect_success(response, "GET", key).await?;
        Ok(self.timed(response.into_body()))
    }

    fn timed(&self, body: hyper::body::Incoming) -> TimedBody {
        TimedBody::new(body, self.limits.body_idle_time, self.limits.body_time)
    }

    /// Sends the request, again after a pause while the store answers
    /// 500/502/503/504 or the connection breaks, up to the attempts; the
    /// last answer or error is the result.
    async fn send(
        &self,
        method: Method,
        key: &str,
        payload: Payload<'_>,
        extra_headers: &[(&str, String)],
    ) -> std::io::Result<hyper::Response<hyper::body::Incoming>> {
        let mut pause = self.limits.first_pause;
        let mut attempt = 1;
        loop {
            let body = payload.body().await?;
            let result = self
                .send_once(method.clone(), key, &payload, body, extra_headers)
                .await;
            let again = match &result {
                Ok(response) => is_passing_failure(response.status()),
                Err(error) => error.kind() != std::io::ErrorKind::TimedOut,
            };
            if !again || attempt >= self.limits.attempts {
                return result;
            }
            tracing::debug!(%method, key, attempt, "the S3 store failed; trying again");
            tokio::time::sleep(pause).await;
            pause *= 2;
            attempt += 1;
        }
    }

    async fn send_once(
        &self,
        method: Method,
        key: &str,
        payload: &Payload<'_>,
        body: RequestBody,
        extra_headers: &[(&str, String)],
    ) -> std::io::Result<hyper::Response<hyper::body::Incoming>> {
        // Keys are ours (hex, dashes and one slash): nothing to escape.
        let path = if key.is_empty() {
            format!("/{}", self.bucket)
        } else {
            format!("/{}/{key}", self.bucket)
        };
        let now = Utc::now();
        let mut headers: Vec<(&str, String)> = vec![
            ("host", self.host.clone()),
            ("x-amz-content-sha256", UNSIGNED_PAYLOAD.to_owned()),
            ("x-amz-date", sigv4::amz_date(now)),
        ];
        if let Payload::File { size, .. } = payload {
            headers.push(("content-length", size.to_string()));
        }
        headers.extend(extra_headers.iter().cloned());
        let authorization = sigv4::authorization(
            &self.credentials,
            &sigv4::Request {
                method: method.as_str(),
                path: &uri_path(&self.endpoint, &path),
                query: "",
                headers: &headers,
                payload_hash: UNSIGNED_PAYLOAD,
            },
            now,
        );
        let mut request = Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.endpoint));
        for (name, value) in &headers {
            request = request.header(*name, value);
        }
        let request = request
            .header("authorization", authorization)
            .body(body)
            .map_err(std::io::Error::other)?;
        match tokio::time::timeout(self.limits.response_time, self.client.request(request)).await {
            Ok(Ok(response)) => Ok(response),
            Ok(Err(error)) => Err(std::io::Error::new(
                std::io::ErrorKind::ConnectionAborted,
                format!("S3 request: {error}"),
            )),
            Err(_) => Err(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                "S3 request took too long",
            )),
        }
    }

    async fn expect_success(
        &self,
        response: hyper::Response<hyper::body::Incoming>,
        method: &str,
        key: &str,
    ) -> std::io::Result<hyper::Response<hyper::body::Incoming>> {
        let status = response.status();
        if status.is_success() {
            return Ok(response);
        }
        let kind = if status == StatusCode::NOT_FOUND {
            std::io::ErrorKind::NotFound
        } else {
            std::io::ErrorKind::Other
        };
        // The error document says why (SignatureDoesNotMatch, NoSuchBucket…),
        // if it comes within the body limits.
        let detail = match self.timed(response.into_body()).collect().await {
            Ok(body) => String::from_utf8_lossy(&body.to_bytes()[..])
                .chars()
                .take(300)
                .collect(),
            Err(_) => String::new(),
        };
        Err(std::io::Error::new(
            kind,
            format!("S3 {method} {key}: {status} {detail}"),
        ))
    }
}

/// The answers of a store that is briefly unwell (S3 asks to be tried
/// again on 500 and 503 "SlowDown"; 502/504 come from a proxy before it).
fn is_passing_failure(status: StatusCode) -> bool {
    matches!(
        status,
        StatusCode::INTERNAL_SERVER_ERROR
            | StatusCode::BAD_GATEWAY
            | StatusCode::SERVICE_UNAVAILABLE
            | StatusCode::GATEWAY_TIMEOUT
    )
}

/// The path as the server sees it: the endpoint's own prefix, then ours.
fn uri_path(endpoint: &str, path: &str) -> String {
    let prefix = endpoint
        .parse::<Uri>()
        .map(|uri| uri.path().trim_end_matches('/').to_owned())
        .unwrap_or_default();
    format!("{prefix}{path}")
}

fn empty() -> RequestBody {
    UnsyncBoxBody::new(Empty::<Bytes>::new().map_err(|never| match never {}))
}
