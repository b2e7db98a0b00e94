//! `/groups/<slug>/settings`: group moderators change the name,
//! description, language, topics, anonymous posting and first-post
//! approval. Visibility is fixed at creation: opening a closed group would
//! expose what its members wrote in confidence.

use axum::extract::{Path, State};
use axum::response::Response;

use super::{access, visible_group};
use crate::app::AppState;
use crate::groups::forms::GroupForm;
use crate::groups::store::{self, GroupSettings, GroupView};
use crate::groups::views::GroupSettingsPage;
use crate::web::current_user::SignedIn;
use crate::web::flash::redirect_with;
use crate::web::form_errors::unprocessable;
use crate::web::{AppError, AppResult, Form, FormErrors, Page, RequestContext};

fn form_of(group: &GroupView) -> GroupForm {
    GroupForm {
        name: group.name.clone(),
        description: group.description.clone(),
        visibility: group.visibility.as_str().to_owned(),
        language: group.language.clone(),
        topics: group.topics.join(", "),
        allow_anonymous: group.allow_anonymous.then(|| "yes".to_owned()),
        class_group: None,
        first_post_approval: group.first_post_approval.then(|| "yes".to_owned()),
    }
}

async fn moderated_group(
    state: &AppState,
    ctx: &RequestContext,
    user: &crate::web::current_user::CurrentUser,
    slug: &str,
) -> AppResult<GroupView> {
    let group = visible_group(state, ctx, slug).await?;
    if access(&group, Some(user)).can_change_settings() {
        Ok(group)
    } else {
        Err(AppError::Forbidden)
    }
}

pub async fn show(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(slug): Path<String>,
) -> AppResult<GroupSettingsPage> {
    let group = moderated_group(&state, &ctx, &user, &slug).await?;
    Ok(GroupSettingsPage {
        page: Page::titled(&ctx, "group-settings-title").in_section("groups"),
        form: form_of(&group),
        group,
        errors: FormErrors::new(ctx.locale),
    })
}

pub async fn save(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Path(slug): Path<String>,
    Form(mut form): Form<GroupForm>,
) -> AppResult<Response> {
    let group = moderated_group(&state, &ctx, &user, &slug).await?;
    form.visibility = group.visibility.as_str().to_owned();
    let errors = form.validate(ctx.locale);
    if !errors.is_empty() {
        return Ok(unprocessable(GroupSettingsPage {
            page: Page::titled(&ctx, "group-settings-title").in_section("groups"),
            group,
            form,
            errors,
        }));
    }
    let settings = GroupSettings {
        name: form.name.clone(),
        description: form.description.clone(),
        language: form.language.clone(),
        topics: form.topic_list(),
        allow_anonymous: form.allow_anonymous.is_some(),
        first_post_approval: form.first_post_approval.is_some(),
    };
    store::set_group_settings(&state.db, group.group_id, &settings).await?;
    Ok(redirect_with(
        &format!("/groups/{slug}"),
        "group-settings-saved",
        state.config.secure_cookies(),
    ))
}
