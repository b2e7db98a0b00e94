//! A moderator's decision on a request to join a closed group: the member
//! is let in or the request is dropped, and she is told either way, in one
//! transaction. The request is claimed first (its row locked and checked
//! to be still a request), so two moderators deciding at once make one
//! decision and one mail.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;

use super::emails;
use super::store::{self, GroupView, MemberRow};
use super::vocabulary::MemberStatus;
use crate::notify::{Kind, Notification, Recipient, notify};
use crate::web::AppResult;

/// Decides `member`'s request to join `group`. `false` when it is no
/// longer a request (decided meanwhile, or withdrawn): nothing changes.
pub async fn decide(
    conn: &mut PgConnection,
    base_url: &str,
    group: &GroupView,
    member: &MemberRow,
    approved: bool,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let status = store::lock_membership(conn, group.group_id, member.user_id).await?;
    if status != Some(MemberStatus::Requested) {
        return Ok(false);
    }
    if approved {
        store::activate_member(conn, group.group_id, member.user_id, now).await?;
    } else {
        store::remove_member(conn, group.group_id, member.user_id).await?;
    }
    let to = Recipient::new(member.user_id, &member.email, &member.name, &member.locale);
    let e = to.email_context(base_url);
    let mail = emails::join_decision(&e, &member.name, &group.name, &group.slug, approved);
    let link = format!("/groups/{}", group.slug);
    let notification = Notification::new(Kind::JoinDecision, link, mail).in_group(group.group_id);
    notify(conn, base_url, &to, notification, now).await?;
    Ok(true)
}
