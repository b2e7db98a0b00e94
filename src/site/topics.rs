//! `/settings/topics`: the library topics a member follows; the home page
//! shows new resources in them.

use axum::extract::State;
use axum::response::Response;

use super::home::store;
use super::views::TopicsTemplate;
use crate::app::AppState;
use crate::library::views::topic_name;
use crate::web::current_user::SignedIn;
use crate::web::flash::redirect_with;
use crate::web::form_errors::unprocessable;
use crate::web::{AppResult, Form, FormErrors, Page, RequestContext};

/// At most this many topics a form may name (there are about ten).
const MAX_CHOSEN: usize = 100;

pub(crate) async fn show(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
) -> AppResult<TopicsTemplate> {
    let chosen = store::member_topics(&state.db, user.user_id).await?;
    page(&state, &ctx, &chosen, FormErrors::new(ctx.locale)).await
}

/// Saves the checked topics (`topic`, repeated). A topic that does not
/// exist (renamed away, or made up) is refused with a message and nothing
/// is saved; the form shows what was checked.
#[tracing::instrument(skip_all)]
pub(crate) async fn save(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let mut chosen: Vec<String> = fields
        .into_iter()
        .filter(|(name, _)| name == "topic")
        .map(|(_, slug)| slug)
        .collect();
    chosen.sort();
    chosen.dedup();
    let known = store::topic_slugs(&state.db).await?;
    if chosen.len() > MAX_CHOSEN || chosen.iter().any(|slug| !known.contains(slug)) {
        chosen.retain(|slug| known.contains(slug));
        let mut errors = FormErrors::new(ctx.locale);
        errors.add("topics", "topics-unknown");
        return Ok(unprocessable(page(&state, &ctx, &chosen, errors).await?));
    }
    let mut tx = state.db.begin().await?;
    store::set_member_topics(&mut tx, user.user_id, &chosen, state.clock.now()).await?;
    tx.commit().await?;
    Ok(redirect_with(
        "/settings/topics",
        "topics-saved",
        state.config.secure_cookies(),
    ))
}

async fn page(
    state: &AppState,
    ctx: &RequestContext,
    chosen: &[String],
    errors: FormErrors,
) -> AppResult<TopicsTemplate> {
    let mut topics: Vec<(String, String, bool)> = crate::library::store::topics(&state.db)
        .await?
        .into_iter()
        .map(|(slug, sr, en)| {
            let chosen = chosen.contains(&slug);
            (slug, topic_name(ctx.locale, &sr, &en), chosen)
        })
        .collect();
    topics.sort_by_cached_key(|(_, name, _)| crate::text::search::normalize(name));
    Ok(TopicsTemplate {
        page: Page::titled(ctx, "topics-title").in_section("settings"),
        topics,
        errors,
    })
}

/// Demo members who follow topics, so their home page shows the library
/// block filled in (`kolega seed-demo`).
const DEMO_TOPICS: &[(&str, &[&str])] = &[
    (
        "jelena.stojanovic@kolega.example",
        &["child-protection", "foster-care"],
    ),
    (
        "ana.vukovic@kolega.example",
        &["domestic-violence", "child-protection"],
    ),
    (
        "nikola.djordjevic@kolega.example",
        &["disability", "mental-health"],
    ),
];

/// Gives the demo members their topics, unless they chose some already
/// (safe to run again). Returns how many members got topics.
pub async fn seed_demo(pool: &sqlx::PgPool) -> sqlx::Result<u64> {
    let mut seeded = 0;
    for (email, topics) in DEMO_TOPICS {
        let done = sqlx::query(
            "INSERT INTO member_topics (user_id, topic_slug, created_at)
             SELECT u.user_id, l.slug, now() FROM users u, library_topics l
             WHERE u.email = $1 AND l.slug = ANY ($2)
               AND NOT EXISTS (SELECT 1 FROM member_topics t WHERE t.user_id = u.user_id)
             ON CONFLICT DO NOTHING",
        )
        .bind(email)
        .bind(topics)
        .execute(pool)
        .await?;
        seeded += u64::from(done.rows_affected() > 0);
    }
    Ok(seeded)
}
