//! The groups feature's pages.

mod group;
mod list;
mod members;
mod moderation;
mod posts;
mod search;
mod settings;
mod thread;

use axum::Router;
use axum::routing::{get, post};

use crate::app::AppState;

/// The pages' way to a group, shared with other features (see `lookup`).
pub use super::lookup::{access, visible_group};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/groups", get(list::list))
        .route("/search", get(search::search))
        .route("/moderation", get(moderation::queue))
        .route("/moderation/{flag_id}", post(moderation::decide))
        .route("/moderation/held/{post_id}", post(moderation::decide_held))
        .route(
            "/groups/{slug}/t/{thread_id}/p/{post_id}/flag",
            get(moderation::flag_form).post(moderation::flag),
        )
        .route("/groups/new", get(list::new_group).post(list::create_group))
        .route(
            "/groups/join",
            get(list::join_form).post(list::join_by_code),
        )
        .route("/groups/{slug}", get(group::show))
        .route("/groups/{slug}/join", post(group::join))
        .route("/groups/{slug}/request", post(group::request))
        .route("/groups/{slug}/leave", post(group::leave))
        .route("/groups/{slug}/follow", post(group::follow))
        .route(
            "/groups/{slug}/t/{thread_id}/subscription",
            post(thread::subscription),
        )
        .route("/groups/{slug}/members", get(members::list))
        .route("/groups/{slug}/members/invite", post(members::invite))
        .route("/groups/{slug}/members/code", post(members::join_code))
        .route(
            "/groups/{slug}/members/{handle}/approve",
            post(members::approve),
        )
        .route(
            "/groups/{slug}/members/{handle}/decline",
            post(members::decline),
        )
        .route(
            "/groups/{slug}/members/{handle}/remove",
            post(members::remove),
        )
        .route("/groups/{slug}/members/{handle}/ban", post(members::ban))
        .route(
            "/groups/{slug}/members/{handle}/role",
            post(members::set_role),
        )
        .route(
            "/groups/{slug}/new-thread",
            get(thread::new_thread).post(thread::create_thread),
        )
        .route("/groups/{slug}/t/{thread_id}", get(thread::show))
        .route("/groups/{slug}/t/{thread_id}/reply", post(thread::reply))
        .route(
            "/groups/{slug}/t/{thread_id}/moderate",
            post(posts::moderate_thread),
        )
        .route(
            "/groups/{slug}/t/{thread_id}/p/{post_id}/edit",
            get(posts::edit_form).post(posts::edit),
        )
        .route(
            "/groups/{slug}/t/{thread_id}/p/{post_id}/delete",
            post(posts::delete),
        )
        .route(
            "/groups/{slug}/t/{thread_id}/p/{post_id}/approve",
            post(posts::approve),
        )
        .route(
            "/groups/{slug}/settings",
            get(settings::show).post(settings::save),
        )
        .route(
            "/groups/{slug}/t/{thread_id}/p/{post_id}/history",
            get(posts::history),
        )
}

/// Eight characters a teacher can read out in class (no 0/O, 1/I/L).
pub fn new_join_code() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let mut rng = rand::thread_rng();
    (0..8)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect()
}
