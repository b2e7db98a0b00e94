//! A real S3-compatible server for the file-store tests: moto's standalone
//! server (PyPI `moto[server]`, which `.ci/run` installs), started on a free
//! port for one test and stopped when dropped.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::process::free_port;

pub struct S3Server {
    child: Child,
    pub port: u16,
    pub bucket: String,
}

impl S3Server {
    /// Starts the server and creates an empty bucket in it.
    pub fn start() -> S3Server {
        let port = free_port();
        let child = Command::new("python3")
            .args([
                "-m",
                "moto.server",
                "-H",
                "127.0.0.1",
                "-p",
                &port.to_string(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 must be installed to run the S3 tests");
        let mut server = S3Server {
            child,
            port,
            bucket: format!("kolega-{}", uuid::Uuid::new_v4().simple()),
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = server.child.try_wait().unwrap() {
                panic!(
                    "the S3 test server stopped at once ({status}): install it with \
                     `pip install \"moto[server]\"` (.ci/run does)"
                );
            }
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "the S3 test server did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let bucket = format!("/{}", server.bucket);
        let created = server.raw("PUT", &bucket);
        assert!(created.starts_with("HTTP/1.1 200"), "{created}");
        server
    }

    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The configuration that points Kolega at this bucket.
    pub fn variables(&self) -> Vec<(&'static str, String)> {
        vec![
            ("KOLEGA_S3_BUCKET", self.bucket.clone()),
            ("KOLEGA_S3_ENDPOINT", self.endpoint()),
            ("KOLEGA_S3_REGION", "us-east-1".to_owned()),
            ("KOLEGA_S3_ACCESS_KEY_ID", "test-key".to_owned()),
            ("KOLEGA_S3_SECRET_ACCESS_KEY", "test-secret".to_owned()),
        ]
    }

    /// The keys of every object in the bucket, read behind Kolega's back.
    pub fn keys(&self) -> Vec<String> {
        let listing = self.raw("GET", &format!("/{}", self.bucket));
        listing
            .split("<Key>")
            .skip(1)
            .filter_map(|part| part.split("</Key>").next())
            .map(str::to_owned)
            .collect()
    }

    /// An object's bytes, read behind Kolega's back.
    pub fn object(&self, key: &str) -> Vec<u8> {
        let response = self.raw_bytes("GET", &format!("/{}/{key}", self.bucket));
        let split = response
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("an HTTP response");
        response[split + 4..].to_vec()
    }

    /// moto does not check signatures, only that a request carries one
    /// (anonymous reads of a private bucket are refused), so a dummy one
    /// lets the test look inside.
    fn raw(&self, method: &str, path: &str) -> String {
        String::from_utf8_lossy(&self.raw_bytes(method, path)).into_owned()
    }

    fn raw_bytes(&self, method: &str, path: &str) -> Vec<u8> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Length: 0\r\n\
             Authorization: AWS4-HMAC-SHA256 Credential=test-key/20261201/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00\r\n\
             Connection: close\r\n\r\n",
            self.port
        )
        .unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        response
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
