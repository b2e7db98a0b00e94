//! Helpers for tests of discussion groups, driving the real pages.

use axum::http::StatusCode;
use kolega::groups::vocabulary::Visibility;

use super::Browser;
use super::members::{Member, PASSWORD};

impl Browser {
    /// Signs this browser in as `email` (a member created earlier).
    pub async fn switch_to(&self, email: &str) {
        self.clear_cookies();
        self.sign_in(email, PASSWORD)
            .await
            .assert_status(StatusCode::SEE_OTHER);
    }

    /// Opens a group through the form as the signed-in member; returns its path.
    pub async fn open_group(
        &self,
        name: &str,
        visibility: Visibility,
        extra: &[(&str, &str)],
    ) -> String {
        let mut fields = vec![
            ("name", name),
            ("visibility", visibility.as_str()),
            ("language", "sr"),
            ("description", "Opis **grupe**."),
        ];
        fields.extend_from_slice(extra);
        let response = self
            .submit_form("/groups/new", "/groups/new", &fields)
            .await;
        assert!(response.status.is_redirection(), "{}", response.body);
        response.header("location").unwrap().to_owned()
    }

    pub async fn join_group(&self, group: &str) {
        let response = self.submit_form(group, &format!("{group}/join"), &[]).await;
        assert!(response.status.is_redirection(), "{}", response.body);
    }

    /// `member` asks to join a closed group and `owner` lets her in, both
    /// through the real pages; the browser ends signed in as `member`.
    pub async fn admit_to_group(&self, group: &str, owner: &str, member: &Member) {
        self.switch_to(&member.email).await;
        let asked = self
            .submit_form(group, &format!("{group}/request"), &[])
            .await;
        assert!(asked.status.is_redirection(), "{}", asked.body);
        self.switch_to(owner).await;
        let members = format!("{group}/members");
        let approved = self
            .submit_form(
                &members,
                &format!("{members}/{}/approve", member.handle),
                &[],
            )
            .await;
        assert!(approved.status.is_redirection(), "{}", approved.body);
        self.switch_to(&member.email).await;
    }

    /// Starts a thread; returns its path.
    pub async fn start_thread(&self, group: &str, title: &str, body: &str) -> String {
        let path = format!("{group}/new-thread");
        let response = self
            .submit_form(&path, &path, &[("title", title), ("body", body)])
            .await;
        assert!(response.status.is_redirection(), "{}", response.body);
        response.header("location").unwrap().to_owned()
    }

    pub async fn reply(&self, thread: &str, body: &str) {
        let response = self
            .submit_form(thread, &format!("{thread}/reply"), &[("body", body)])
            .await;
        assert!(response.status.is_redirection(), "{}", response.body);
    }
}

/// The address of the first link in `body` ending in `/<ending>"`.
pub fn link_ending(body: &str, ending: &str) -> String {
    let end = body
        .find(&format!("/{ending}\""))
        .unwrap_or_else(|| panic!("no /{ending} link"));
    let start = body[..end].rfind('"').unwrap() + 1;
    format!("{}/{ending}", &body[start..end])
}
