//! The daily digest: one mail per member at their chosen Belgrade hour with
//! everything that waited for it, grouped by group and then by kind; none
//! when nothing waited. A notification waits for the first digest hour
//! after it was made, so one made at 15:00 for a member whose hour is 7
//! goes in tomorrow's 7:00 mail, not at 15:01.
//!
//! Members are claimed with `FOR UPDATE SKIP LOCKED` and their entries
//! taken in the same transaction as the mail is queued, so two schedulers
//! never send one digest twice and a crash sends none rather than half.

use askama::Template;
use chrono::{DateTime, Utc};
use chrono_tz::Europe::Belgrade;
use sqlx::PgPool;
use uuid::Uuid;

use super::email::EmailContext;
use super::kinds::Kind;
use super::outbox::{self, NewMessage};
use super::send::Recipient;
use super::unsubscribe::{self, Target};
use crate::i18n::Args;

/// Members handled per transaction.
const BATCH: i64 = 50;

/// One line of the digest.
pub struct Item {
    pub title: String,
    pub url: String,
    pub when: String,
}

/// A group (or "elsewhere on Kolega") and its entries by kind.
pub struct Section {
    pub heading: String,
    pub kinds: Vec<(String, Vec<Item>)>,
}

#[derive(Template)]
#[template(path = "email/digest.txt")]
struct DigestText<'a> {
    e: &'a EmailContext,
    greeting: &'a str,
    intro: &'a str,
    sections: &'a [Section],
}

#[derive(Template)]
#[template(path = "email/digest.html")]
struct DigestHtml<'a> {
    e: &'a EmailContext,
    subject: &'a str,
    greeting: &'a str,
    intro: &'a str,
    sections: &'a [Section],
}

#[derive(sqlx::FromRow)]
struct DueMember {
    user_id: Uuid,
    email: String,
    name: String,
    locale: String,
    cutoff: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct Waiting {
    notification_id: i64,
    kind: String,
    title: String,
    group_name: Option<String>,
    created_at: DateTime<Utc>,
}

/// The last digest moment at or before `now` for `hour`, in SQL: today's
/// `hour`:00 in Belgrade, or yesterday's if that is still ahead.
const CUTOFF: &str = "(CASE WHEN date_trunc('day', $1 AT TIME ZONE 'Europe/Belgrade') + make_interval(hours => u.digest_hour)
                            <= ($1 AT TIME ZONE 'Europe/Belgrade')
                       THEN date_trunc('day', $1 AT TIME ZONE 'Europe/Belgrade') + make_interval(hours => u.digest_hour)
                       ELSE date_trunc('day', $1 AT TIME ZONE 'Europe/Belgrade') + make_interval(hours => u.digest_hour) - interval '1 day'
                  END) AT TIME ZONE 'Europe/Belgrade'";

/// Queues every digest that is due; returns how many.
pub async fn send_due(pool: &PgPool, base_url: &str, now: DateTime<Utc>) -> anyhow::Result<usize> {
    let mut queued = 0;
    loop {
        let mut tx = pool.begin().await?;
        let due: Vec<DueMember> = sqlx::query_as(&format!(
            r#"
            SELECT u.user_id, u.email, u.name, u.locale, {CUTOFF} AS cutoff
            FROM users u
            WHERE u.user_id IN (SELECT DISTINCT user_id FROM notifications WHERE digest_pending)
              AND EXISTS (SELECT 1 FROM notifications n
                          WHERE n.user_id = u.user_id AND n.digest_pending AND n.created_at < {CUTOFF})
            ORDER BY u.user_id
            LIMIT $2
            FOR UPDATE OF u SKIP LOCKED
            "#
        ))
        .bind(now)
        .bind(BATCH)
        .fetch_all(&mut *tx)
        .await?;
        if due.is_empty() {
            return Ok(queued);
        }
        let key = unsubscribe::signing_key(&mut *tx).await?;
        for member in &due {
            let waiting: Vec<Waiting> = sqlx::query_as(
                r#"
                WITH taken AS (
                    UPDATE notifications SET digest_pending = false
                    WHERE user_id = $1 AND digest_pending AND created_at < $2
                    RETURNING notification_id, kind, title, group_id, created_at
                )
                SELECT t.notification_id, t.kind, t.title, g.name AS group_name, t.created_at
                FROM taken t LEFT JOIN groups g ON g.group_id = t.group_id
                "#,
            )
            .bind(member.user_id)
            .bind(member.cutoff)
            .fetch_all(&mut *tx)
            .await?;
            let blocked: bool = sqlx::query_scalar(
                "SELECT deleted_at IS NOT NULL OR blocked_at IS NOT NULL FROM users WHERE user_id = $1",
            )
            .bind(member.user_id)
            .fetch_one(&mut *tx)
            .await?;
            if waiting.is_empty() || blocked {
                continue;
            }
            let to = Recipient::new(member.user_id, &member.email, &member.name, &member.locale);
            let message = render(&to, base_url, &key, waiting)?;
            outbox::enqueue(&mut *tx, &message, now).await?;
            queued += 1;
        }
        tx.commit().await?;
    }
}

fn render(
    to: &Recipient,
    base_url: &str,
    key: &[u8],
    mut waiting: Vec<Waiting>,
) -> anyhow::Result<NewMessage> {
    let mut e = to.email_context(base_url);
    let unsubscribe_url = unsubscribe::url(
        base_url,
        &unsubscribe::token(key, to.user_id, Target::Digest),
    );
    e.unsubscribe = Some(unsubscribe_url.clone());
    let count = waiting.len();
    let sections = sections(&e, &mut waiting);
    let subject = e.t_args(
        "email-digest-subject",
        &Args::new().with("count", count as i64),
    );
    let greeting = e.greeting(&to.name);
    let intro = e.t_args(
        "email-digest-intro",
        &Args::new().with("count", count as i64),
    );
    let text = DigestText {
        e: &e,
        greeting: &greeting,
        intro: &intro,
        sections: &sections,
    }
    .render()?;
    let html = DigestHtml {
        e: &e,
        subject: &subject,
        greeting: &greeting,
        intro: &intro,
        sections: &sections,
    }
    .render()?;
    Ok(NewMessage {
        kind: "digest".to_owned(),
        recipient: to.email.clone(),
        language: to.locale.tag().to_owned(),
        subject,
        body_text: text,
        body_html: html,
        send_after: None,
        attachment: None,
        notification_kind: Some("digest".to_owned()),
        unsubscribe_url: Some(unsubscribe_url),
        user_id: Some(to.user_id),
        group_id: None,
    })
}

/// Groups by name first (alphabetically), then what happened elsewhere;
/// within each, kinds in the settings page's order, newest entries first.
fn sections(e: &EmailContext, waiting: &mut [Waiting]) -> Vec<Section> {
    let kind_order = |code: &str| Kind::ALL.iter().position(|k| k.code() == code);
    waiting.sort_by(|a, b| {
        (a.group_name.is_none(), &a.group_name, kind_order(&a.kind))
            .cmp(&(b.group_name.is_none(), &b.group_name, kind_order(&b.kind)))
            .then(b.created_at.cmp(&a.created_at))
    });
    let mut sections: Vec<Section> = Vec::new();
    for entry in waiting.iter() {
        let heading = entry
            .group_name
            .clone()
            .unwrap_or_else(|| e.t("email-digest-elsewhere"));
        if sections.last().is_none_or(|s| s.heading != heading) {
            sections.push(Section {
                heading,
                kinds: Vec::new(),
            });
        }
        let section = sections.last_mut().expect("pushed above");
        let label = e.t(&format!("notify-kind-{}", entry.kind));
        if section.kinds.last().is_none_or(|(l, _)| *l != label) {
            section.kinds.push((label, Vec::new()));
        }
        let item = Item {
            title: entry.title.clone(),
            // Through the in-app entry, so opening it marks it read.
            url: e.link(&format!("/notifications/{}", entry.notification_id)),
            when: entry
                .created_at
                .with_timezone(&Belgrade)
                .format("%-d. %-m. %H:%M")
                .to_string(),
        };
        section.kinds.last_mut().expect("pushed above").1.push(item);
    }
    sections
}
