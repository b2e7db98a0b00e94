//! `kolega seed-demo`: believable demo content in Serbian, so a new
//! installation can be shown to colleagues. Safe to run again: existing
//! demo records are left as they are. The content is data in
//! `content/demo/` (compiled in); each feature's `seed` reads its file and
//! writes it with the feature's own store and workflows. The members are
//! seeded here, first, since everything else names them by e-mail.

use chrono::Utc;
use serde::Deserialize;
use sqlx::PgPool;

use crate::members::store::{self, Background, NewUser, OwnSettings};
use crate::members::{Role, password};

/// The demo accounts' password, unless `KOLEGA_DEMO_PASSWORD` says otherwise.
pub const DEFAULT_DEMO_PASSWORD: &str = "kolega-demo-2026";

/// The demo members, compiled in: the binary seeds without the repository.
pub const MEMBERS_JSON: &str = include_str!("../content/demo/members.json");

/// A demo member: people like those who use KonekTaS and the Montenegro
/// portal (e-mail addresses use the reserved example domain).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoMember {
    pub email: String,
    pub name: String,
    #[serde(deserialize_with = "role")]
    pub role: Role,
    pub profession: String,
    pub country: String,
    pub city: String,
    pub institution: String,
    pub expertise: String,
    pub bio: String,
    /// Answers "help for helpers" requests.
    pub supporter: bool,
}

fn role<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Role, D::Error> {
    let text = String::deserialize(deserializer)?;
    text.parse().map_err(serde::de::Error::custom)
}

/// The members of `content/demo/members.json`.
pub fn demo_members() -> serde_json::Result<Vec<DemoMember>> {
    serde_json::from_str(MEMBERS_JSON)
}

pub async fn seed_demo(
    pool: &PgPool,
    files: &crate::library::files::FileStore,
) -> anyhow::Result<()> {
    let demo_password =
        std::env::var("KOLEGA_DEMO_PASSWORD").unwrap_or_else(|_| DEFAULT_DEMO_PASSWORD.to_owned());
    let password_hash = password::hash(demo_password.clone()).await?;
    let members = demo_members()?;
    let mut created = 0;
    for member in &members {
        let mut tx = pool.begin().await?;
        if store::find_user_by_email(&mut *tx, &member.email)
            .await?
            .is_none()
        {
            let new_user = NewUser {
                email: &member.email,
                name: &member.name,
                role: member.role,
                password_hash: &password_hash,
                locale: "sr-Latn",
                verified: true,
            };
            let background = Background {
                profession: member.profession.clone(),
                country: member.country.clone(),
                city: member.city.clone(),
                institution: member.institution.clone(),
            };
            let user = store::create_member(&mut tx, &new_user, &background).await?;
            let settings = OwnSettings {
                name: member.name.clone(),
                email: member.email.clone(),
                bio: member.bio.clone(),
                expertise: member.expertise.clone(),
                institution: member.institution.clone(),
                city: member.city.clone(),
                country: member.country.clone(),
                locale: "sr-Latn".into(),
                listed_in_directory: true,
                shown_online: true,
            };
            store::update_settings(&mut *tx, user.user_id, &settings, Utc::now()).await?;
            created += 1;
        }
        tx.commit().await?;
    }
    println!(
        "demo members: {created} created, {} already there; they sign in with the password {demo_password:?}",
        members.len() - created
    );
    for member in members.iter().filter(|m| m.supporter) {
        if let Some(user) = store::find_user_by_email(pool, &member.email).await? {
            crate::support::store::set_supporter(pool, user.user_id, true).await?;
        }
    }
    let groups = crate::groups::seed::seed(pool).await?;
    println!("demo groups: {groups} created");
    let events = crate::events::seed::seed(pool).await?;
    println!("demo events: {events} created");
    let resources = crate::library::seed::seed(pool, files).await?;
    println!("demo library resources: {resources} created");
    let courses = crate::courses::seed::seed(pool).await?;
    println!("demo courses: {courses} created");
    let following = crate::site::topics::seed_demo(pool).await?;
    println!("demo members following library topics: {following} given topics");
    let services = crate::directory::seed::seed(pool).await?;
    println!("demo services on the map: {services} created");
    let notifications = crate::notify::seed::seed(pool).await?;
    println!("demo notifications: {notifications} created");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file of `content/demo/` reads, and everyone it names is a demo
    /// member: a misspelt e-mail would otherwise be skipped without a word.
    #[test]
    fn the_demo_files_read_and_name_only_demo_members() {
        let members = demo_members().unwrap();
        assert_eq!(members.len(), 8);
        let known = |email: &str| members.iter().any(|m| m.email == email);
        let groups = crate::groups::seed::groups().unwrap();
        assert_eq!(groups.len(), 5);
        for group in &groups {
            assert!(known(&group.owner), "{}", group.owner);
            for email in &group.members {
                assert!(known(email), "{email}");
            }
            for thread in &group.threads {
                assert!(known(&thread.author), "{}", thread.author);
                for reply in &thread.replies {
                    assert!(known(&reply.author), "{}", reply.author);
                }
            }
        }
        let events = crate::events::seed::demo_events().unwrap();
        assert_eq!(events.events.len(), 7);
        for group in &events.supervision_groups {
            assert!(known(&group.supervisor), "{}", group.supervisor);
            assert!(
                group.members.iter().all(|e| known(e)),
                "{:?}",
                group.members
            );
        }
        let slugs: Vec<&str> = events
            .supervision_groups
            .iter()
            .map(|g| g.slug.as_str())
            .collect();
        for event in &events.events {
            assert!(known(&event.organiser), "{}", event.organiser);
            for email in &event.registrants {
                assert!(known(email), "{email}");
            }
            for feedback in &event.feedback {
                assert!(
                    event.registrants.contains(&feedback.from),
                    "{}",
                    feedback.from
                );
            }
            if let Some(slug) = &event.group {
                assert!(slugs.contains(&slug.as_str()), "{slug}");
            }
        }
        assert_eq!(crate::library::seed::resources().unwrap().len(), 40);
        for course in crate::courses::seed::courses().unwrap() {
            assert!(known(&course.author), "{}", course.author);
            for taking in &course.enrolled {
                assert!(known(&taking.member), "{}", taking.member);
            }
        }
    }
}
