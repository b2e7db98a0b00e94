//! A member's site-wide role and where her account's approval stands. In
//! the foundation beside `CurrentUser`, who carries both; what each role
//! may do is decided in the features' policies.

use std::str::FromStr;

use crate::web::vocabulary::vocabulary;

vocabulary! {
    /// A member's site-wide role (the users table's `role`).
    pub enum Role key "role-" {
        Practitioner = "practitioner",
        Student = "student",
        Teacher = "teacher",
        Moderator = "moderator",
        Admin = "admin",
    }
}

impl TryFrom<String> for Role {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl FromStr for Role {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Role::parse(text).ok_or_else(|| {
            format!(
                "unknown role {text:?}; expected practitioner, student, teacher, moderator or admin"
            )
        })
    }
}

vocabulary! {
    /// Whether a moderator let a member in (the users table's `approval`).
    /// Members are approved at once unless the site asks for approval.
    pub enum Approval {
        Approved = "approved",
        /// Waiting for a moderator.
        Pending = "pending",
        Declined = "declined",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::vocabulary::assert_in_every_catalogue;

    #[test]
    fn every_role_has_its_name_in_every_catalogue() {
        assert_in_every_catalogue(Role::ALL.iter().map(|v| v.message_key()));
    }

    #[test]
    fn a_role_reads_from_its_stored_text_only() {
        assert_eq!("teacher".parse::<Role>(), Ok(Role::Teacher));
        assert!("Teacher".parse::<Role>().is_err());
        assert!(Role::try_from(String::from("owner")).is_err());
    }
}
