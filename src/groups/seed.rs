//! Demo groups for `kolega seed-demo`: the groups of
//! `content/demo/groups.json`, with threads and replies from members of
//! several countries, written through the groups store.

use chrono::{Duration, Utc};
use serde::Deserialize;
use sqlx::PgPool;
use uuid::Uuid;

use super::store::{self, NewGroup, NewPost};
use super::vocabulary::Visibility;
use crate::members::store::find_user_by_email;
use crate::text::markdown;

/// The demo groups, compiled in: the binary seeds without the repository.
pub const GROUPS_JSON: &str = include_str!("../../content/demo/groups.json");

/// One group of the file; members are named by e-mail.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoGroup {
    pub slug: String,
    pub name: String,
    pub description: String,
    /// "closed" for a group whose members may write anonymously: what is
    /// written there is written in confidence (a rule the table holds too).
    pub visibility: Visibility,
    pub topics: Vec<String>,
    pub allow_anonymous: bool,
    pub join_code: Option<String>,
    /// When the group began; its threads follow, five hours apart, each
    /// reply seven hours after the post before it.
    pub created_days_ago: i64,
    pub owner: String,
    pub members: Vec<String>,
    pub threads: Vec<DemoThread>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoThread {
    pub author: String,
    pub title: String,
    /// Markdown.
    pub body: String,
    pub replies: Vec<DemoReply>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoReply {
    pub author: String,
    pub body: String,
}

/// The groups of `content/demo/groups.json`.
pub fn groups() -> serde_json::Result<Vec<DemoGroup>> {
    serde_json::from_str(GROUPS_JSON)
}

/// Seeds the demo groups (a slug already taken is left alone); returns
/// how many it created.
pub async fn seed(pool: &PgPool) -> anyhow::Result<usize> {
    let mut created = 0;
    for demo in groups()? {
        let mut tx = pool.begin().await?;
        if store::slug_taken(&mut *tx, &demo.slug).await? {
            continue;
        }
        let Some(owner) = find_user_by_email(&mut *tx, &demo.owner).await? else {
            continue;
        };
        let mut at = Utc::now() - Duration::days(demo.created_days_ago);
        let group_id = store::create_group(
            &mut tx,
            &NewGroup {
                slug: &demo.slug,
                name: &demo.name,
                description: &demo.description,
                visibility: demo.visibility,
                language: "sr",
                topics: &demo.topics,
                allow_anonymous: demo.allow_anonymous,
                join_code: demo.join_code.as_deref(),
            },
            owner.user_id,
            at,
        )
        .await?;
        for email in &demo.members {
            if let Some(member) = find_user_by_email(&mut *tx, email).await? {
                store::activate_member(&mut tx, group_id, member.user_id, at).await?;
            }
        }
        for thread in &demo.threads {
            let Some(author) = user_id(&mut tx, &thread.author).await? else {
                continue;
            };
            at += Duration::hours(5);
            let post = NewPost {
                pending: false,
                author,
                title: &thread.title,
                anonymous: demo.allow_anonymous,
                body: &thread.body,
                body_html: &markdown::render(&thread.body),
            };
            let thread_id =
                store::create_thread(&mut tx, group_id, &thread.title, &post, at).await?;
            for reply in &thread.replies {
                let Some(reply_author) = user_id(&mut tx, &reply.author).await? else {
                    continue;
                };
                at += Duration::hours(7);
                let reply = NewPost {
                    pending: false,
                    author: reply_author,
                    title: "",
                    anonymous: false,
                    body: &reply.body,
                    body_html: &markdown::render(&reply.body),
                };
                store::add_post(&mut tx, thread_id, &reply, at).await?;
            }
        }
        tx.commit().await?;
        created += 1;
    }
    Ok(created)
}

async fn user_id(conn: &mut sqlx::PgConnection, email: &str) -> sqlx::Result<Option<Uuid>> {
    Ok(find_user_by_email(conn, email).await?.map(|u| u.user_id))
}
