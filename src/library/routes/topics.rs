//! `/library/topics`: moderators keep the list of topics — add one, or
//! rename one (a topic is never deleted, so no resource loses it).

use axum::extract::{Path, State};
use axum::response::Response;

use crate::app::AppState;
use crate::library::forms::TopicForm;
use crate::library::views::TopicsPage;
use crate::library::{policy, store};
use crate::text::search::slugify;
use crate::web::current_user::SignedIn;
use crate::web::flash::redirect_with;
use crate::web::form_errors::unprocessable;
use crate::web::{AppError, AppResult, Form, FormErrors, Page, RequestContext};

async fn page(
    state: &AppState,
    ctx: &RequestContext,
    form: TopicForm,
    errors: FormErrors,
) -> AppResult<TopicsPage> {
    Ok(TopicsPage {
        page: Page::titled(ctx, "library-topics-title").in_section("library"),
        topics: store::topics(&state.db).await?,
        form,
        errors,
    })
}

pub async fn list(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
) -> AppResult<TopicsPage> {
    if !policy::curates(Some(&user)) {
        return Err(AppError::Forbidden);
    }
    page(
        &state,
        &ctx,
        TopicForm::default(),
        FormErrors::new(ctx.locale),
    )
    .await
}

/// Adds a topic.
pub async fn add(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Form(mut form): Form<TopicForm>,
) -> AppResult<Response> {
    form.slug = String::new();
    save(state, ctx, user, form).await
}

/// Renames the topic `slug`.
pub async fn rename(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(slug): Path<String>,
    Form(mut form): Form<TopicForm>,
) -> AppResult<Response> {
    let known = store::topics(&state.db)
        .await?
        .iter()
        .any(|(s, _, _)| *s == slug);
    if !known {
        return Err(AppError::NotFound);
    }
    form.slug = slug;
    save(state, ctx, user, form).await
}

async fn save(
    state: AppState,
    ctx: RequestContext,
    user: crate::web::current_user::CurrentUser,
    mut form: TopicForm,
) -> AppResult<Response> {
    if !policy::curates(Some(&user)) {
        return Err(AppError::Forbidden);
    }
    form.name_sr = form.name_sr.trim().to_owned();
    form.name_en = form.name_en.trim().to_owned();
    let mut errors = FormErrors::new(ctx.locale);
    for (field, name) in [("name_sr", &form.name_sr), ("name_en", &form.name_en)] {
        if name.chars().count() < 3 || name.chars().count() > 80 {
            errors.add(field, "error-topic-name");
        }
    }
    let slug = if form.slug.is_empty() {
        slugify(&form.name_en)
    } else {
        form.slug.clone()
    };
    if slug.is_empty() {
        errors.add("name_en", "error-topic-name");
    }
    if !errors.is_empty() {
        return Ok(unprocessable(page(&state, &ctx, form, errors).await?));
    }
    store::save_topic(&state.db, &slug, &form.name_sr, &form.name_en).await?;
    Ok(redirect_with(
        "/library/topics",
        "library-saved",
        state.config.secure_cookies(),
    ))
}
