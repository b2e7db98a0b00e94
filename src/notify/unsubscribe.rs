//! One-click unsubscribe tokens: "stop mailing me this kind" (or the digest), usable from a
//! mail without signing in (RFC 8058). A token names the member and the
//! kind and carries an HMAC-SHA256 over both with the installation's key
//! (`signing_keys`), so it cannot be forged or turned to another member or
//! kind; it needs no table and never expires, like the mails that carry it.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use sqlx::PgExecutor;
use uuid::Uuid;

use super::kinds::Kind;

/// What a token unsubscribes from: one kind, or the daily digest (every
/// kind the member had sent to the digest).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Kind(Kind),
    Digest,
}

impl Target {
    pub fn code(self) -> &'static str {
        match self {
            Target::Kind(kind) => kind.code(),
            Target::Digest => "digest",
        }
    }

    fn from_code(code: &str) -> Option<Target> {
        match code {
            "digest" => Some(Target::Digest),
            other => Kind::from_code(other).map(Target::Kind),
        }
    }
}

/// 128 bits of MAC are plenty for a link that only turns mail off.
const MAC_BYTES: usize = 16;
const CONTEXT: &[u8] = b"kolega-unsubscribe-v1\0";

/// `<base64url(user id ‖ mac)>.<kind code>`
pub fn token(key: &[u8], user_id: Uuid, target: Target) -> String {
    let mac = mac(key, user_id, target).finalize().into_bytes();
    let mut bytes = user_id.as_bytes().to_vec();
    bytes.extend_from_slice(&mac[..MAC_BYTES]);
    format!("{}.{}", URL_SAFE_NO_PAD.encode(bytes), target.code())
}

/// The member and target a genuine token names; `None` for anything else.
pub fn verify(key: &[u8], token: &str) -> Option<(Uuid, Target)> {
    let (encoded, code) = token.split_once('.')?;
    let target = Target::from_code(code)?;
    let bytes = URL_SAFE_NO_PAD.decode(encoded).ok()?;
    if bytes.len() != 16 + MAC_BYTES {
        return None;
    }
    let user_id = Uuid::from_slice(&bytes[..16]).ok()?;
    // Constant-time comparison of the truncated MAC.
    mac(key, user_id, target)
        .verify_truncated_left(&bytes[16..])
        .ok()?;
    Some((user_id, target))
}

fn mac(key: &[u8], user_id: Uuid, target: Target) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(CONTEXT);
    mac.update(user_id.as_bytes());
    mac.update(target.code().as_bytes());
    mac
}

/// The installation's unsubscribe key (made by the migration).
pub async fn signing_key(executor: impl PgExecutor<'_>) -> sqlx::Result<Vec<u8>> {
    sqlx::query_scalar("SELECT key FROM signing_keys WHERE name = 'unsubscribe'")
        .fetch_one(executor)
        .await
}

/// The link a mail carries; the same URL takes the RFC 8058 POST.
pub fn url(base_url: &str, token: &str) -> String {
    format!("{base_url}/unsubscribe?token={token}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"0123456789abcdef0123456789abcdef";

    #[test]
    fn a_token_names_its_member_and_kind() {
        let user = Uuid::new_v4();
        let token = token(KEY, user, Target::Kind(Kind::Reply));
        assert!(token.ends_with(".reply"));
        assert_eq!(verify(KEY, &token), Some((user, Target::Kind(Kind::Reply))));
        let digest = super::token(KEY, user, Target::Digest);
        assert_eq!(verify(KEY, &digest), Some((user, Target::Digest)));
    }

    #[test]
    fn a_changed_token_is_refused() {
        let user = Uuid::new_v4();
        let token = token(KEY, user, Target::Kind(Kind::Reply));
        // Another kind, another key, another member, a cut or garbled token.
        let other_kind = token.replace(".reply", ".mention");
        assert_eq!(verify(KEY, &other_kind), None);
        assert_eq!(verify(KEY, &token.replace(".reply", ".digest")), None);
        assert_eq!(verify(b"another key, also 32 bytes long!", &token), None);
        let (encoded, _) = token.split_once('.').unwrap();
        let mut bytes = URL_SAFE_NO_PAD.decode(encoded).unwrap();
        bytes[0] ^= 1;
        let other_member = format!("{}.reply", URL_SAFE_NO_PAD.encode(&bytes));
        assert_eq!(verify(KEY, &other_member), None);
        assert_eq!(verify(KEY, &token[..20]), None);
        assert_eq!(verify(KEY, "not a token"), None);
        assert_eq!(verify(KEY, "....verify_email"), None);
    }
}
