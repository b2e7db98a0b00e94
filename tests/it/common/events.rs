//! Helpers for tests of events, driving the real pages.

use super::Browser;

/// A webinar's form fields, to be changed per test: Tuesday 1 December
/// 2026, 18:00–19:30 Belgrade time, online, for everyone.
pub fn webinar<'a>() -> Vec<(&'a str, &'a str)> {
    vec![
        ("kind", "webinar"),
        ("title", "Hitno zbrinjavanje zbog nasilja u porodici"),
        ("description", "Kako postupiti **odmah**."),
        ("start_date", "2026-12-01"),
        ("start_time", "18:00"),
        ("end_time", "19:30"),
        ("language", "sr"),
        ("audience", "public"),
        ("online_link", "https://meet.example.org/kolega-hitno"),
        ("points", "4"),
    ]
}

/// `fields` with `name` set to `value`.
pub fn with<'a>(
    mut fields: Vec<(&'a str, &'a str)>,
    name: &'a str,
    value: &'a str,
) -> Vec<(&'a str, &'a str)> {
    fields.retain(|(n, _)| *n != name);
    fields.push((name, value));
    fields
}

impl Browser {
    /// Creates an event through the form as the signed-in organiser;
    /// returns its path.
    pub async fn create_event(&self, fields: &[(&str, &str)]) -> String {
        let response = self.submit_form("/events/new", "/events/new", fields).await;
        assert!(response.status.is_redirection(), "{}", response.body);
        response.header("location").unwrap().to_owned()
    }

    pub async fn register_for(&self, event: &str) {
        let response = self
            .submit_form(event, &format!("{event}/register"), &[])
            .await;
        assert!(response.status.is_redirection(), "{}", response.body);
    }
}
