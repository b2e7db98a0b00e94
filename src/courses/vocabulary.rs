//! The words of courses, typed: where a course stands in review, who may
//! take it, and how demanding it is. Stored as text (the columns' CHECK
//! constraints list the same words); shown through the catalogue by
//! `message_key`, so a misspelt word does not compile.

use serde::Deserialize;

use crate::web::vocabulary::vocabulary;

/// Where a course stands (`courses.status`). A course returned by a
/// moderator is a draft again, with the reason kept beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum CourseStatus {
    Draft,
    InReview,
    Published,
    Archived,
}

impl CourseStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CourseStatus::Draft => "draft",
            CourseStatus::InReview => "in_review",
            CourseStatus::Published => "published",
            CourseStatus::Archived => "archived",
        }
    }

    pub fn message_key(self) -> &'static str {
        match self {
            CourseStatus::Draft => "course-status-draft",
            CourseStatus::InReview => "course-status-in-review",
            CourseStatus::Published => "course-status-published",
            CourseStatus::Archived => "course-status-archived",
        }
    }
}

/// Who may take a course (`courses.audience`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Anyone reads the lessons, visitors too; members enrol to keep progress.
    Open,
    /// Listed to everyone; the lessons are for signed-in, enrolled members.
    Members,
    /// For one group's active members only (a class group's course): to
    /// anyone else it does not exist.
    Group,
}

impl Audience {
    pub const ALL: [Audience; 3] = [Audience::Open, Audience::Members, Audience::Group];

    pub fn parse(text: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Open => "open",
            Audience::Members => "members",
            Audience::Group => "group",
        }
    }

    pub fn message_key(self) -> &'static str {
        match self {
            Audience::Open => "course-audience-open",
            Audience::Members => "course-audience-members",
            Audience::Group => "course-audience-group",
        }
    }
}

/// How much a course expects of its learner (`courses.level`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Introductory,
    Intermediate,
    Advanced,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Introductory, Level::Intermediate, Level::Advanced];

    pub fn parse(text: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Introductory => "introductory",
            Level::Intermediate => "intermediate",
            Level::Advanced => "advanced",
        }
    }

    pub fn message_key(self) -> &'static str {
        match self {
            Level::Introductory => "course-level-introductory",
            Level::Intermediate => "course-level-intermediate",
            Level::Advanced => "course-level-advanced",
        }
    }
}

/// Which way an item moves in its list ("move up / down" buttons).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

impl Direction {
    pub fn parse(text: &str) -> Option<Direction> {
        match text {
            "up" => Some(Direction::Up),
            "down" => Some(Direction::Down),
            _ => None,
        }
    }
}

vocabulary! {
    /// How a quiz question is answered (`quiz_questions.kind`).
    pub enum QuestionKind key "course-question-kind-" {
        /// Exactly one answer is correct; the member picks one.
        Single = "single",
        /// One or more answers are correct; the member ticks any.
        Multiple = "multiple",
    }
}

vocabulary! {
    /// What a lesson attachment is (`lesson_attachments.kind`).
    pub enum AttachmentKind key "course-attachment-kind-" {
        /// A published library resource.
        Resource = "resource",
        /// The recording of a past event.
        Recording = "recording",
        /// An audio or video file uploaded for the lesson.
        Media = "media",
    }
}
