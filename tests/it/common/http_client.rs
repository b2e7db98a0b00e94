//! A small HTTP/1.1 client over a TCP socket for tests that run the real
//! binary: one cookie jar that can talk to several instances, as a browser
//! behind a load balancer would (they share one public address).

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

#[derive(Clone, Default)]
pub struct Client {
    cookies: Arc<Mutex<BTreeMap<String, String>>>,
}

impl Client {
    pub fn get(&self, port: u16, path: &str) -> Reply {
        self.send(port, "GET", path, None, &[])
    }

    /// Posts `fields` as a form, with the CSRF token from the jar.
    pub fn post_form(&self, port: u16, path: &str, fields: &[(&str, &str)]) -> Reply {
        if self.cookie("kolega_csrf").is_none() {
            self.get(port, "/");
        }
        let token = self.cookie("kolega_csrf").expect("a CSRF cookie");
        let mut pairs = fields.to_vec();
        pairs.push(("csrf_token", &token));
        let body = serde_urlencoded::to_string(&pairs).unwrap();
        self.send(
            port,
            "POST",
            path,
            Some(("application/x-www-form-urlencoded", body.into_bytes())),
            &[],
        )
    }

    /// A multipart upload with one file; the CSRF token goes in the query.
    pub fn post_multipart(
        &self,
        port: u16,
        path: &str,
        fields: &[(&str, &str)],
        file: (&str, &str, &[u8]),
    ) -> Reply {
        if self.cookie("kolega_csrf").is_none() {
            self.get(port, "/");
        }
        let token = self.cookie("kolega_csrf").expect("a CSRF cookie");
        let boundary = "----kolega-scale-out";
        let mut body = Vec::new();
        for (name, value) in fields {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
            );
        }
        let (field, file_name, bytes) = file;
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{file_name}\"\r\nContent-Type: application/pdf\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let separator = if path.contains('?') { '&' } else { '?' };
        self.send(
            port,
            "POST",
            &format!("{path}{separator}csrf_token={token}"),
            Some((&format!("multipart/form-data; boundary={boundary}"), body)),
            &[],
        )
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        self.cookies.lock().unwrap().get(name).cloned()
    }

    pub fn send(
        &self,
        port: u16,
        method: &str,
        path: &str,
        body: Option<(&str, Vec<u8>)>,
        headers: &[(&str, &str)],
    ) -> Reply {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("the instance listens");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        let cookies = self
            .cookies
            .lock()
            .unwrap()
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        let mut request =
            format!("{method} {path} HTTP/1.1\r\nHost: kolega.test\r\nConnection: close\r\n");
        if !cookies.is_empty() {
            request.push_str(&format!("Cookie: {cookies}\r\n"));
        }
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        let payload = match body {
            Some((content_type, bytes)) => {
                request.push_str(&format!(
                    "Content-Type: {content_type}\r\nContent-Length: {}\r\n",
                    bytes.len()
                ));
                bytes
            }
            None => Vec::new(),
        };
        request.push_str("\r\n");
        stream.write_all(request.as_bytes()).unwrap();
        stream.write_all(&payload).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let reply = parse(&raw);
        self.remember(&reply);
        reply
    }

    fn remember(&self, reply: &Reply) {
        let mut jar = self.cookies.lock().unwrap();
        for (name, value) in &reply.headers {
            if !name.eq_ignore_ascii_case("set-cookie") {
                continue;
            }
            let pair = value.split(';').next().unwrap_or_default();
            if let Some((key, value)) = pair.split_once('=') {
                if value.is_empty() || value.contains("Max-Age=0") {
                    jar.remove(key.trim());
                } else {
                    jar.insert(key.trim().to_owned(), value.trim().to_owned());
                }
            }
        }
    }
}

fn parse(raw: &[u8]) -> Reply {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete response head");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    if chunked {
        body = dechunk(&body);
    }
    Reply {
        status,
        headers,
        body,
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(end) = data.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size = usize::from_str_radix(
            String::from_utf8_lossy(&data[..end])
                .split(';')
                .next()
                .unwrap()
                .trim(),
            16,
        )
        .unwrap_or(0);
        if size == 0 {
            return out;
        }
        data = &data[end + 2..];
        out.extend_from_slice(&data[..size.min(data.len())]);
        data = &data[(size + 2).min(data.len())..];
    }
}
