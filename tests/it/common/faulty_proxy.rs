//! A proxy between Kolega's S3 client and the S3 test server that can be
//! told to misbehave the way real stores and networks do: answer the next
//! requests of a method with 500/503, or pass the headers of a response
//! and then send nothing more. Everything else goes through untouched (one
//! request per connection, so where a response ends is never in doubt).

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

#[derive(Clone, Copy, Debug)]
enum Fault {
    /// Answer with this status and an S3 error document.
    Status(u16),
    /// Forward the response's headers, then stall until the client leaves.
    StallBody,
}

#[derive(Default)]
struct Script {
    next: HashMap<String, VecDeque<Fault>>,
    always: HashMap<String, Fault>,
    seen: HashMap<String, usize>,
}

impl Script {
    fn take(&mut self, method: &str) -> Option<Fault> {
        *self.seen.entry(method.to_owned()).or_default() += 1;
        self.next
            .get_mut(method)
            .and_then(VecDeque::pop_front)
            .or_else(|| self.always.get(method).copied())
    }
}

pub struct FaultyProxy {
    pub port: u16,
    script: Arc<Mutex<Script>>,
    accept: JoinHandle<()>,
}

impl FaultyProxy {
    /// Listens on a free port, passing requests on to `upstream_port`.
    pub async fn start(upstream_port: u16) -> FaultyProxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let script = Arc::new(Mutex::new(Script::default()));
        let shared = script.clone();
        let accept = tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let script = shared.clone();
                tokio::spawn(async move {
                    let _ = serve(client, upstream_port, script).await;
                });
            }
        });
        FaultyProxy {
            port,
            script,
            accept,
        }
    }

    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The next `count` requests of `method` get `status`.
    pub fn fail_next(&self, method: &str, count: usize, status: u16) {
        let mut script = self.script.lock().unwrap();
        let queue = script.next.entry(method.to_owned()).or_default();
        queue.extend(std::iter::repeat_n(Fault::Status(status), count));
    }

    /// Every request of `method` gets `status`.
    pub fn fail_always(&self, method: &str, status: u16) {
        let mut script = self.script.lock().unwrap();
        script
            .always
            .insert(method.to_owned(), Fault::Status(status));
    }

    /// The next request of `method` gets its response's headers and then
    /// nothing.
    pub fn stall_next_body(&self, method: &str) {
        let mut script = self.script.lock().unwrap();
        let queue = script.next.entry(method.to_owned()).or_default();
        queue.push_back(Fault::StallBody);
    }

    /// How many requests of `method` have come.
    pub fn seen(&self, method: &str) -> usize {
        let script = self.script.lock().unwrap();
        script.seen.get(method).copied().unwrap_or(0)
    }
}

impl Drop for FaultyProxy {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

async fn serve(
    mut client: TcpStream,
    upstream_port: u16,
    script: Arc<Mutex<Script>>,
) -> std::io::Result<()> {
    let (head, mut rest) = read_head(&mut client).await?;
    let method = head.split(' ').next().unwrap_or_default().to_owned();
    let length: usize = header_value(&head, "content-length")
        .and_then(|value| value.parse().ok())
        .unwrap_or(0);
    while rest.len() < length {
        let mut chunk = vec![0u8; 64 * 1024];
        let read = client.read(&mut chunk).await?;
        if read == 0 {
            return Ok(());
        }
        rest.extend_from_slice(&chunk[..read]);
    }
    let fault = script.lock().unwrap().take(&method);
    if let Some(Fault::Status(status)) = fault {
        let document = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>InternalError</Code>\
             <Message>fault injected by the test ({status})</Message></Error>"
        );
        let body = if method == "HEAD" { "" } else { &document };
        let response = format!(
            "HTTP/1.1 {status} Injected\r\nContent-Type: application/xml\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        client.write_all(response.as_bytes()).await?;
        return client.shutdown().await;
    }

    let mut upstream = TcpStream::connect(("127.0.0.1", upstream_port)).await?;
    upstream.write_all(closing(&head).as_bytes()).await?;
    upstream.write_all(&rest).await?;
    let (response_head, response_rest) = read_head(&mut upstream).await?;
    client.write_all(closing(&response_head).as_bytes()).await?;
    if let Some(Fault::StallBody) = fault {
        // Headers sent, body withheld: wait until the client gives up.
        let mut sink = vec![0u8; 1024];
        while client.read(&mut sink).await? > 0 {}
        return Ok(());
    }
    client.write_all(&response_rest).await?;
    tokio::io::copy(&mut upstream, &mut client).await?;
    client.shutdown().await
}

/// The head of a request or response (through the blank line) and the
/// bytes read past it.
async fn read_head(stream: &mut TcpStream) -> std::io::Result<(String, Vec<u8>)> {
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 8192];
    loop {
        if let Some(end) = bytes.windows(4).position(|w| w == b"\r\n\r\n") {
            let rest = bytes.split_off(end + 4);
            return Ok((String::from_utf8_lossy(&bytes).into_owned(), rest));
        }
        let read = stream.read(&mut chunk).await?;
        if read == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        bytes.extend_from_slice(&chunk[..read]);
    }
}

fn header_value<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    head.lines().skip(1).find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.trim().eq_ignore_ascii_case(name).then(|| value.trim())
    })
}

/// The head with `Connection: close` instead of any it had.
fn closing(head: &str) -> String {
    let mut lines: Vec<&str> = head
        .trim_end_matches("\r\n")
        .split("\r\n")
        .filter(|line| {
            !line
                .split(':')
                .next()
                .unwrap_or_default()
                .trim()
                .eq_ignore_ascii_case("connection")
        })
        .collect();
    lines.push("Connection: close");
    format!("{}\r\n\r\n", lines.join("\r\n"))
}
