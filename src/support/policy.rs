//! Who may do what in peer support. A request's words belong to two people:
//! the member who asked and the supporter who took it. Nobody else reads
//! them — not the rest of the team, not moderators, not administrators.
//! The team sees only what it needs to decide to take a request.

use uuid::Uuid;

use super::store::Request;
use crate::web::{AppError, AppResult};

/// Reads the conversation: its author, or the supporter who took it.
pub fn can_read(request: &Request, viewer: Uuid) -> bool {
    request.requester_id == viewer || request.supporter_id == Some(viewer)
}

/// "Not found" to anyone else, so a request's existence is not told either.
pub fn require_reader(request: &Request, viewer: Uuid) -> AppResult<()> {
    if can_read(request, viewer) {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// Sees the queue and takes requests: the peer-support team.
pub fn require_supporter(is_supporter: bool) -> AppResult<()> {
    if is_supporter {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Chooses the team: site moderators.
pub fn require_team_manager(is_moderator: bool) -> AppResult<()> {
    if is_moderator {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::support::status::RequestStatus;
    use crate::support::topic::Topic;

    #[test]
    fn only_the_two_people_of_a_request_read_it() {
        let asker = Uuid::new_v4();
        let supporter = Uuid::new_v4();
        let other = Uuid::new_v4();
        let mut request = Request {
            support_request_id: Uuid::new_v4(),
            requester_id: asker,
            supporter_id: None,
            status: RequestStatus::Open,
            topic: Topic::Burnout,
            language: "sr".into(),
            created_at: chrono::Utc::now(),
        };
        let cases = [(asker, true), (supporter, false), (other, false)];
        for (viewer, expected) in cases {
            assert_eq!(can_read(&request, viewer), expected, "waiting");
        }
        request.supporter_id = Some(supporter);
        let cases = [(asker, true), (supporter, true), (other, false)];
        for (viewer, expected) in cases {
            assert_eq!(can_read(&request, viewer), expected, "taken");
        }
    }
}
