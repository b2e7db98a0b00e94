//! Password hashing with argon2id and OWASP's recommended parameters
//! (19 MiB of memory, 2 passes, 1 lane). Hashing is deliberately slow, so it
//! runs on the blocking pool, never on the async workers.

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::text::search::normalize;

pub const MIN_LENGTH: usize = 10;

/// At most one hash per core at a time: each takes 19 MiB, and the bench's
/// sixteen simultaneous sign-ins otherwise ran that many at once (with
/// spare blocking threads each keeping its memory: 2.1 GiB peak). Waiting
/// here costs no more time, since the cores were the limit anyway.
static HASHING: std::sync::LazyLock<tokio::sync::Semaphore> = std::sync::LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    tokio::sync::Semaphore::new(cores)
});

fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("OWASP parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub async fn hash(password: String) -> anyhow::Result<String> {
    let _turn = HASHING.acquire().await?;
    tokio::task::spawn_blocking(move || {
        let hashed: Result<PasswordHash, _> = hasher().hash_password(password.as_bytes());
        hashed
            .map(|hash| hash.to_string())
            .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))
    })
    .await?
}

pub async fn verify(password: String, stored: String) -> bool {
    let Ok(_turn) = HASHING.acquire().await else {
        return false;
    };
    tokio::task::spawn_blocking(move || {
        hasher()
            .verify_password(password.as_bytes(), stored.as_str())
            .is_ok()
    })
    .await
    .unwrap_or(false)
}

static COMMON: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        include_str!("common_passwords.txt")
            .lines()
            .filter(|line| !line.starts_with('#') && !line.is_empty())
            .collect()
    });

/// Why a new password is refused: the catalogue key of the message.
pub fn problem(password: &str, email: &str, name: &str) -> Option<&'static str> {
    if password.chars().count() < MIN_LENGTH {
        return Some("password-too-short");
    }
    let lower = password.to_lowercase();
    if COMMON.contains(lower.as_str()) {
        return Some("password-too-common");
    }
    // Compared without case, script or diacritics: "Stojanović" is in "stojanovic-2026".
    let normalized = normalize(password);
    let email = email.trim().to_lowercase();
    let local_part = email.split('@').next().unwrap_or_default();
    let personal = [email.as_str(), local_part]
        .into_iter()
        .chain(name.split_whitespace())
        .map(normalize)
        .filter(|part| part.chars().count() >= 3);
    for part in personal {
        if normalized.contains(&part) {
            return Some("password-contains-personal");
        }
    }
    None
}

/// A hash of a random password, verified against when an e-mail address is
/// unknown, so a failed sign-in takes as long whether the account exists or not.
pub static DECOY_HASH: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let hashed: Result<PasswordHash, _> =
        hasher().hash_password(crate::web::context::new_token().as_bytes());
    hashed.map(|h| h.to_string()).unwrap_or_default()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_checked_for_length_commonness_and_personal_data() {
        assert_eq!(
            problem("kratka", "a@b.rs", "Ana"),
            Some("password-too-short")
        );
        assert_eq!(
            problem("1234567890", "a@b.rs", "Ana"),
            Some("password-too-common")
        );
        assert_eq!(
            problem("qwertyuiop", "a@b.rs", "Ana"),
            Some("password-too-common")
        );
        assert_eq!(
            problem("PetrovicPetrovic!", "x@b.rs", "Ana Petrovic"),
            Some("password-contains-personal")
        );
        assert_eq!(
            problem(
                "moja-jelena.markovic-lozinka",
                "jelena.markovic@csr.rs",
                "J M"
            ),
            Some("password-contains-personal")
        );
        assert_eq!(
            problem("zelena-livada-u-maju", "ana@csr.rs", "Ana Petrović"),
            None
        );
    }
}
