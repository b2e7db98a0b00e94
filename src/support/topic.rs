//! What a request for support is about, chosen by its author from a short
//! list: the one thing the team reads before someone takes the request.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "kebab-case")]
#[serde(rename_all = "kebab-case")]
pub enum Topic {
    Stress,
    Burnout,
    DifficultCase,
    Workplace,
    Safety,
    Personal,
    Other,
}

impl Topic {
    pub const ALL: [Topic; 7] = [
        Topic::Stress,
        Topic::Burnout,
        Topic::DifficultCase,
        Topic::Workplace,
        Topic::Safety,
        Topic::Personal,
        Topic::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Topic::Stress => "stress",
            Topic::Burnout => "burnout",
            Topic::DifficultCase => "difficult-case",
            Topic::Workplace => "workplace",
            Topic::Safety => "safety",
            Topic::Personal => "personal",
            Topic::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|topic| topic.as_str() == text)
    }

    /// The catalogue key of its name.
    pub fn label_key(self) -> String {
        format!("support-topic-{}", self.as_str())
    }
}

/// The languages a conversation can be held in (those content is written in).
pub const LANGUAGES: [&str; 4] = ["sr", "en", "mk", "sq"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_topic_reads_back_from_its_name() {
        for topic in Topic::ALL {
            assert_eq!(Topic::parse(topic.as_str()), Some(topic));
        }
        assert_eq!(Topic::parse("anything"), None);
    }
}
