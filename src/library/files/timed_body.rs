//! A response body from the S3 server that fails, rather than waits
//! forever, when the server stops sending: no bytes for the idle limit, or
//! more waiting in all than the total limit (a server trickling a byte
//! just before each idle limit). Only time spent waiting on the server
//! counts — a reader who downloads slowly is not the server stalling.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use hyper::body::{Body, Frame, Incoming, SizeHint};
use tokio::time::{Instant, Sleep};

pub struct TimedBody {
    inner: Incoming,
    idle: Duration,
    /// What is left of the total waiting time.
    budget: Duration,
    /// A frame read ahead (to learn that the body flows before answering),
    /// given out first.
    ahead: Option<Frame<Bytes>>,
    /// Since when the server has been awaited, and the alarm.
    waiting: Option<(Instant, Pin<Box<Sleep>>)>,
}

impl TimedBody {
    pub fn new(inner: Incoming, idle: Duration, total: Duration) -> TimedBody {
        TimedBody {
            inner,
            idle,
            budget: total,
            ahead: None,
            waiting: None,
        }
    }

    /// Waits for the first frame, so a body that never starts fails here
    /// (where the caller can still answer with an error page); `false` for
    /// an empty body.
    pub async fn first_frame(&mut self) -> std::io::Result<bool> {
        use http_body_util::BodyExt;
        match self.frame().await {
            Some(frame) => {
                self.ahead = Some(frame?);
                Ok(true)
            }
            None => Ok(false),
        }
    }
}

impl Body for TimedBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, std::io::Error>>> {
        let this = &mut *self;
        if let Some(frame) = this.ahead.take() {
            return Poll::Ready(Some(Ok(frame)));
        }
        match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(frame) => {
                if let Some((since, _)) = this.waiting.take() {
                    this.budget = this.budget.saturating_sub(since.elapsed());
                }
                Poll::Ready(frame.map(|frame| frame.map_err(std::io::Error::other)))
            }
            Poll::Pending => {
                let (idle, budget) = (this.idle, this.budget);
                let (_, alarm) = this.waiting.get_or_insert_with(|| {
                    (
                        Instant::now(),
                        Box::pin(tokio::time::sleep(idle.min(budget))),
                    )
                });
                match alarm.as_mut().poll(cx) {
                    Poll::Ready(()) => Poll::Ready(Some(Err(std::io::Error::new(
                        std::io::ErrorKind::TimedOut,
                        "the S3 server stopped sending the file",
                    )))),
                    Poll::Pending => Poll::Pending,
                }
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.ahead.is_none() && self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        let inner = self.inner.size_hint();
        let ahead = self
            .ahead
            .as_ref()
            .and_then(Frame::data_ref)
            .map_or(0, |data| data.len() as u64);
        let mut hint = SizeHint::new();
        hint.set_lower(inner.lower() + ahead);
        if let Some(upper) = inner.upper() {
            hint.set_upper(upper + ahead);
        }
        hint
    }
}
