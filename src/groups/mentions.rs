//! @mentions: `@ana-vukovic` in a post links to the profile and tells the
//! member, if they can see the group (see `notify`).

use sqlx::PgExecutor;

/// Handles mentioned in a text: `@ana-vukovic`.
pub fn mentioned_handles(text: &str) -> Vec<String> {
    let mut handles = Vec::new();
    for (i, _) in text.match_indices('@') {
        let before = text[..i].chars().last();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '_') {
            continue; // an e-mail address, not a mention
        }
        let handle: String = text[i + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        let handle = handle.trim_end_matches('-').to_lowercase();
        if handle.len() >= 2 && !handles.contains(&handle) {
            handles.push(handle);
        }
    }
    handles
}

/// Turns mentions of existing members into Markdown links to their profiles.
pub async fn link_mentions(executor: impl PgExecutor<'_>, text: &str) -> sqlx::Result<String> {
    let handles = mentioned_handles(text);
    if handles.is_empty() {
        return Ok(text.to_owned());
    }
    let existing: Vec<String> = sqlx::query_scalar(
        "SELECT handle FROM users WHERE handle = ANY ($1) AND deleted_at IS NULL",
    )
    .bind(&handles)
    .fetch_all(executor)
    .await?;
    let mut linked = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('@') {
        linked.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let candidate: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        let handle = candidate.trim_end_matches('-').to_lowercase();
        let is_mention = !linked
            .chars()
            .last()
            .is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '_');
        if is_mention && existing.contains(&handle) {
            let written = &after[..handle.len()];
            linked.push_str(&format!("[@{written}](/members/{handle})"));
            rest = &after[handle.len()..];
        } else {
            linked.push('@');
            rest = after;
        }
    }
    linked.push_str(rest);
    Ok(linked)
}

#[cfg(test)]
mod tests {
    use super::mentioned_handles;

    #[test]
    fn mentions_are_handles_after_an_at_sign() {
        assert_eq!(
            mentioned_handles("Pitanje za @ana-vukovic i @Marko-Ilic."),
            vec!["ana-vukovic", "marko-ilic"]
        );
        assert!(mentioned_handles("piši na ana@csr.rs").is_empty());
        assert_eq!(
            mentioned_handles("@ana-vukovic @ana-vukovic"),
            vec!["ana-vukovic"]
        );
    }
}
