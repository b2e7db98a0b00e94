//! `/groups`, `/groups/new` and `/groups/join` (class groups' join codes).

use crate::web::Query;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::app::AppState;
use crate::groups::forms::GroupForm;
use crate::groups::policy::can_create_group;
use crate::groups::store::{self, NewGroup};
use crate::groups::views::{GroupListPage, JoinByCodePage, NewGroupPage};
use crate::groups::vocabulary::Visibility;
use crate::text::search::slugify;
use crate::web::current_user::SignedIn;
use crate::web::flash::redirect_with;
use crate::web::form_errors::unprocessable;
use crate::web::redirect::see_other;
use crate::web::{AppError, AppResult, Form, FormErrors, Page, RequestContext};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListParams {
    topic: String,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: RequestContext,
    Query(params): Query<ListParams>,
) -> AppResult<GroupListPage> {
    let topic = params.topic.trim().to_lowercase();
    let viewer = ctx.user.as_ref().map(|u| u.user_id);
    let groups = store::list_groups(
        &state.db,
        viewer,
        (!topic.is_empty()).then_some(topic.as_str()),
    )
    .await?;
    Ok(GroupListPage {
        can_create: ctx.user.as_ref().is_some_and(can_create_group),
        page: Page::titled(&ctx, "groups-title").in_section("groups"),
        groups,
        topic,
    })
}

pub async fn new_group(ctx: RequestContext, SignedIn(user): SignedIn) -> AppResult<NewGroupPage> {
    if !can_create_group(&user) {
        return Err(AppError::Forbidden);
    }
    let form = GroupForm {
        visibility: "public".into(),
        language: "sr".into(),
        ..GroupForm::default()
    };
    Ok(NewGroupPage {
        page: Page::titled(&ctx, "group-new-title").in_section("groups"),
        form,
        errors: FormErrors::new(ctx.locale),
    })
}

#[tracing::instrument(skip_all)]
pub async fn create_group(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Form(mut form): Form<GroupForm>,
) -> AppResult<Response> {
    if !can_create_group(&user) {
        return Err(AppError::Forbidden);
    }
    let errors = form.validate(ctx.locale);
    if !errors.is_empty() {
        return Ok(unprocessable(NewGroupPage {
            page: Page::titled(&ctx, "group-new-title").in_section("groups"),
            form,
            errors,
        }));
    }
    // Checked by `validate`; a group is never created more open than asked.
    let visibility = Visibility::parse(&form.visibility).unwrap_or(Visibility::Secret);
    let base = match slugify(&form.name) {
        slug if slug.is_empty() => "grupa".to_owned(),
        slug => slug.chars().take(60).collect(),
    };
    let join_code = form.class_group.is_some().then(super::new_join_code);
    let topics = form.topic_list();
    // The first free slug; two groups of one name opened at the same moment
    // both see it free, so the loser of the insert takes the next one.
    let mut n = 1;
    let slug = loop {
        let mut slug = base.clone();
        while store::slug_taken(&state.db, &slug).await? {
            n += 1;
            slug = format!("{base}-{n}");
        }
        let mut tx = state.db.begin().await?;
        let created = store::create_group(
            &mut tx,
            &NewGroup {
                slug: &slug,
                name: &form.name,
                description: &form.description,
                visibility,
                language: &form.language,
                topics: &topics,
                allow_anonymous: form.allow_anonymous.is_some(),
                join_code: join_code.as_deref(),
            },
            user.user_id,
            state.clock.now(),
        )
        .await;
        match created {
            Ok(_) => {
                tx.commit().await?;
                break slug;
            }
            Err(error) if crate::db::is_unique_violation(&error, "groups_slug_key") && n < 50 => {
                n += 1;
            }
            Err(error) => return Err(error.into()),
        }
    };
    Ok(redirect_with(
        &format!("/groups/{slug}"),
        "group-created",
        state.config.secure_cookies(),
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CodeForm {
    code: String,
}

pub async fn join_form(ctx: RequestContext, SignedIn(_user): SignedIn) -> JoinByCodePage {
    JoinByCodePage {
        page: Page::titled(&ctx, "group-join-title").in_section("groups"),
        code: String::new(),
        errors: FormErrors::new(ctx.locale),
    }
}

/// A student who enters a class group's code becomes a member at once.
pub async fn join_by_code(
    State(state): State<AppState>,
    ctx: RequestContext,
    SignedIn(user): SignedIn,
    Form(form): Form<CodeForm>,
) -> AppResult<Response> {
    let code = form.code.trim().to_uppercase().replace([' ', '-'], "");
    let Some((group_id, slug)) = store::find_group_by_join_code(&state.db, &code).await? else {
        let mut errors = FormErrors::new(ctx.locale);
        errors.add("code", "error-join-code");
        let page = JoinByCodePage {
            page: Page::titled(&ctx, "group-join-title").in_section("groups"),
            code: form.code,
            errors,
        };
        return Ok(unprocessable(page));
    };
    if !crate::events::supervision::has_room(&state.db, group_id).await? {
        return Ok(redirect_with(
            &format!("/groups/{slug}"),
            "group-full",
            state.config.secure_cookies(),
        ));
    }
    let mut tx = state.db.begin().await?;
    store::activate_member(&mut tx, group_id, user.user_id, state.clock.now()).await?;
    tx.commit().await?;
    Ok(see_other(&format!("/groups/{slug}")).into_response())
}
