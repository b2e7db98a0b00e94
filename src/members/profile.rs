//! What a member tells colleagues about themselves, and the fixed lists it
//! draws from (professions and countries of the region).

use serde::Serialize;

use super::Role;

/// The professional roles a person chooses when joining.
pub const PROFESSIONS: [&str; 3] = ["practitioner", "student", "teacher"];

/// Countries of the region, by ISO code; "other" for everyone else.
pub const COUNTRIES: [&str; 9] = ["RS", "ME", "BA", "HR", "MK", "XK", "AL", "SI", "other"];

pub fn is_profession(value: &str) -> bool {
    PROFESSIONS.contains(&value)
}

pub fn is_country(value: &str) -> bool {
    COUNTRIES.contains(&value)
}

/// A colleague's profile as other members see it.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Profile {
    #[serde(skip)]
    pub user_id: uuid::Uuid,
    pub name: String,
    pub handle: String,
    pub role: Role,
    pub profession: String,
    pub institution: String,
    pub city: String,
    pub country: String,
    pub expertise: String,
    pub bio: String,
}

impl Profile {
    /// Expertise areas, entered comma-separated.
    pub fn expertise_areas(&self) -> Vec<&str> {
        self.expertise
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    }
}
