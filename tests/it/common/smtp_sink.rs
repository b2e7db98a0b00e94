//! A real SMTP server inside the test process: it speaks enough ESMTP for
//! lettre, keeps every message it accepts, and can be told to refuse the
//! next messages with a temporary (4xx) or permanent (5xx) reply.

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

use super::mail::ReceivedMail;

#[derive(Clone, Default)]
struct SinkState {
    messages: Arc<Mutex<Vec<ReceivedMail>>>,
    refusals: Arc<Mutex<Vec<&'static str>>>,
}

#[derive(Clone)]
pub struct SmtpSink {
    pub port: u16,
    state: SinkState,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the SMTP sink");
        let port = listener.local_addr().unwrap().port();
        let state = SinkState::default();
        let accept_state = state.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(serve_connection(stream, accept_state.clone()));
            }
        });
        SmtpSink { port, state }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Everything accepted so far.
    pub fn messages(&self) -> Vec<ReceivedMail> {
        self.state.messages.lock().unwrap().clone()
    }

    /// Everything accepted since the last call (or the start).
    pub fn take_messages(&self) -> Vec<ReceivedMail> {
        std::mem::take(&mut *self.state.messages.lock().unwrap())
    }

    /// Refuse the next `count` messages with "451 try again later".
    pub fn refuse_temporarily(&self, count: usize) {
        self.state
            .refusals
            .lock()
            .unwrap()
            .extend(std::iter::repeat_n("451 4.3.0 Try again later", count));
    }

    /// Refuse the next message with "550 no such mailbox".
    pub fn refuse_permanently(&self) {
        self.state
            .refusals
            .lock()
            .unwrap()
            .push("550 5.1.1 No such mailbox");
    }
}

async fn serve_connection(stream: TcpStream, state: SinkState) {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    if write
        .write_all(b"220 sink.test ESMTP ready\r\n")
        .await
        .is_err()
    {
        return;
    }
    let (mut from, mut to) = (String::new(), Vec::new());
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
            return;
        }
        let command = line.trim_end().to_owned();
        let upper = command.to_ascii_uppercase();
        let answer: String = if upper.starts_with("EHLO") {
            "250-sink.test\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 OK".into()
        } else if upper.starts_with("HELO") || upper.starts_with("NOOP") {
            "250 OK".into()
        } else if upper.starts_with("RSET") {
            from.clear();
            to.clear();
            "250 OK".into()
        } else if upper.starts_with("MAIL FROM:") {
            from = command[10..].trim().to_owned();
            "250 OK".into()
        } else if upper.starts_with("RCPT TO:") {
            to.push(command[8..].trim().trim_matches(['<', '>']).to_owned());
            "250 OK".into()
        } else if upper == "DATA" {
            let refusal = {
                let mut refusals = state.refusals.lock().unwrap();
                (!refusals.is_empty()).then(|| refusals.remove(0))
            };
            if let Some(refusal) = refusal {
                refusal.into()
            } else {
                if write
                    .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    .await
                    .is_err()
                {
                    return;
                }
                let mut data = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                        return;
                    }
                    if line == ".\r\n" || line == ".\n" {
                        break;
                    }
                    data.push_str(line.strip_prefix('.').unwrap_or(&line));
                }
                state
                    .messages
                    .lock()
                    .unwrap()
                    .push(ReceivedMail::parse(&from, &to, &data));
                from.clear();
                to.clear();
                "250 2.0.0 Queued".into()
            }
        } else if upper.starts_with("QUIT") {
            let _ = write.write_all(b"221 Bye\r\n").await;
            return;
        } else {
            "502 Command not implemented".into()
        };
        if write
            .write_all(format!("{answer}\r\n").as_bytes())
            .await
            .is_err()
        {
            return;
        }
    }
}
