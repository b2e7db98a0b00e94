//! Actors: members of a given role, each signed in in a browser of her own,
//! so a test reads like the story it tells (`let teacher =
//! app.member(Role::Teacher).await; teacher.get(..)`) and two people act
//! without swapping cookies in one browser.

use std::ops::Deref;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::http::StatusCode;
use kolega::members::Role;
use uuid::Uuid;

use super::members::PASSWORD;
use super::{Browser, TestApp};

/// Distinct names and addresses for the actors of one test process.
static NEXT_ACTOR: AtomicUsize = AtomicUsize::new(1);

/// First names for actors, so pages and mail read like real ones (and
/// carry the diacritics real names do).
const NAMES: [&str; 8] = [
    "Jelena Stojanović",
    "Nikola Đorđević",
    "Ana Vuković",
    "Milica Jovanović",
    "Marko Petrović",
    "Dragana Ilić",
    "Vesna Šarić",
    "Stefan Čolić",
];

/// A member signed in in her own browser; requests go through it (`Deref`).
pub struct Actor {
    pub browser: Browser,
    pub email: String,
    pub handle: String,
    pub user_id: Uuid,
}

impl Deref for Actor {
    type Target = Browser;

    fn deref(&self) -> &Browser {
        &self.browser
    }
}

impl TestApp {
    /// A new verified member with `role`, signed in through the sign-in
    /// form in a browser of her own.
    pub async fn member(&self, role: Role) -> Actor {
        let n = NEXT_ACTOR.fetch_add(1, Ordering::Relaxed);
        let name = NAMES[n % NAMES.len()];
        let email = format!("{}.{n}@kolega.test", role.as_str());
        let member = self.create_member(name, &email, role).await;
        let browser = self.new_browser();
        browser
            .sign_in(&email, PASSWORD)
            .await
            .assert_status(StatusCode::SEE_OTHER);
        Actor {
            browser,
            user_id: self.user_id(&email).await,
            email: member.email,
            handle: member.handle,
        }
    }

    /// A browser of its own (empty cookie jar) over this app: a visitor.
    pub fn new_browser(&self) -> Browser {
        Browser::new(self.router.clone())
    }
}
