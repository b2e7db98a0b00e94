//! Where mail goes: an SMTP server (`SMTP_URL`) or, on a laptop, `.eml`
//! files under `$KOLEGA_DATA_DIR/mail/` with a log line per message.

use std::path::PathBuf;

use lettre::transport::smtp::Error as SmtpError;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

#[derive(Clone)]
pub enum Mailer {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>, PathBuf),
}

/// Why a message could not be handed over.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// The message cannot be sent as it is: retrying will not help.
    #[error("permanent: {0}")]
    Permanent(String),
    /// The mail server refused it for good (5xx), usually the address.
    #[error("refused: {0}")]
    Refused(String),
    /// Anything else: try again later.
    #[error("temporary: {0}")]
    Temporary(String),
}

/// Builds the SMTP transport for an `SMTP_URL` (inside a Tokio runtime:
/// the connection pool runs a task).
pub fn smtp_transport(url: &str) -> Result<AsyncSmtpTransport<Tokio1Executor>, SmtpError> {
    Ok(smtp_builder(url)?.build())
}

/// `?tls=starttls` is our spelling of lettre's `?tls=required` (see
/// `config::lettre_smtp_url`).
fn smtp_builder(
    url: &str,
) -> Result<lettre::transport::smtp::AsyncSmtpTransportBuilder, SmtpError> {
    let url = crate::config::lettre_smtp_url(url);
    Ok(AsyncSmtpTransport::<Tokio1Executor>::from_url(&url)?
        .timeout(Some(std::time::Duration::from_secs(30))))
}

impl Mailer {
    pub fn from_config(config: &crate::config::Config) -> anyhow::Result<Mailer> {
        match &config.smtp_url {
            Some(url) => Ok(Mailer::Smtp(smtp_transport(url)?)),
            None => {
                let dir = config.mail_dir();
                std::fs::create_dir_all(&dir)?;
                Ok(Mailer::Files(AsyncFileTransport::new(&dir), dir))
            }
        }
    }

    pub async fn send(&self, message: Message) -> Result<(), SendError> {
        match self {
            Mailer::Smtp(transport) => transport.send(message).await.map(|_| ()).map_err(|error| {
                if error.is_permanent() {
                    SendError::Refused(error.to_string())
                } else {
                    SendError::Temporary(error.to_string())
                }
            }),
            Mailer::Files(transport, dir) => {
                let id = transport
                    .send(message)
                    .await
                    .map_err(|error| SendError::Temporary(error.to_string()))?;
                tracing::info!(file = %dir.join(format!("{id}.eml")).display(), "mail written to a file (SMTP_URL is not set)");
                Ok(())
            }
        }
    }
}
