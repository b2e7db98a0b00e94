//! `/`: the home page. A visitor reads what Kolega is, its headline figures
//! (kept a few minutes, see `figures`), upcoming public webinars, featured
//! resources and the service-map search; a member sees their next events,
//! unread activity in their groups, new resources in the topics they follow
//! (`/settings/topics`), recently verified services near their city and
//! their licence points this year — each block with an empty state saying
//! what to do — and, below, the featured resources.

pub mod figures;
pub mod nearby;
pub mod place;
pub mod store;

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Datelike, Duration, TimeZone, Utc};
use chrono_tz::Europe::Belgrade;

use super::views::{FeaturedCard, HomeTemplate, MemberHomeTemplate};
use crate::app::AppState;
use crate::directory::emergency;
use crate::library::views::topic_name;
use crate::text::markdown;
use crate::web::current_user::CurrentUser;
use crate::web::{AppResult, Page, RequestContext};

/// How many featured resources the visitor's home page shows.
const FEATURED_ON_HOME: i64 = 4;
/// About how long a featured resource's summary line may be.
const FEATURED_SUMMARY_CHARS: usize = 160;
const WEBINARS_ON_HOME: i64 = 3;
const MY_EVENTS: i64 = 3;
/// Courses in progress shown on the home page (all of them on /me/learning).
const MY_COURSES: usize = 3;
const ACTIVE_GROUPS: i64 = 5;
/// Unread threads count as news while their last post is this recent.
const ACTIVITY_WITHIN_DAYS: i64 = 30;
const NEW_RESOURCES: i64 = 4;
/// A resource is new this long after it was published.
const RESOURCES_NEW_FOR_DAYS: i64 = 90;
const NEAR_SERVICES: i64 = 5;
/// "Near" the member's city: this close to its municipality's seat…
const NEAR_KM: f64 = 50.0;
/// …and checked by a moderator this recently.
const VERIFIED_WITHIN_DAYS: i64 = 90;

#[tracing::instrument(skip_all)]
pub async fn home(State(state): State<AppState>, ctx: RequestContext) -> AppResult<Response> {
    Ok(match &ctx.user {
        Some(user) => member_home(&state, &ctx, user).await?.into_response(),
        None => visitor_home(&state, &ctx).await?.into_response(),
    })
}

async fn visitor_home(state: &AppState, ctx: &RequestContext) -> AppResult<HomeTemplate> {
    let now = state.clock.now();
    let featured = featured_cards(state, false).await?;
    let webinars = store::public_webinars(&state.db, now, WEBINARS_ON_HOME).await?;
    let figures = figures::headline(&state.db, now).await?;
    Ok(HomeTemplate {
        page: Page::titled(ctx, "home-title").in_section("home"),
        emergency: emergency::by_country(&state.db, None).await?,
        featured,
        webinars,
        figures,
    })
}

/// Featured resources the viewer may open (members-only ones for members).
async fn featured_cards(state: &AppState, signed_in: bool) -> AppResult<Vec<FeaturedCard>> {
    let featured = crate::library::store::featured(&state.db, signed_in, FEATURED_ON_HOME).await?;
    Ok(featured
        .into_iter()
        .map(|r| FeaturedCard {
            summary: markdown::first_line(&r.summary, FEATURED_SUMMARY_CHARS),
            resource_id: r.resource_id,
            title: r.title,
            language: r.language,
            kind: r.kind,
        })
        .collect())
}

async fn member_home(
    state: &AppState,
    ctx: &RequestContext,
    user: &CurrentUser,
) -> AppResult<MemberHomeTemplate> {
    let now = state.clock.now();
    let (year, from, until) = belgrade_year(now);
    let facts = store::member_facts(&state.db, user.user_id, (from, until)).await?;
    let events = store::my_next_events(&state.db, user.user_id, now, MY_EVENTS).await?;
    let learning = crate::courses::store::learning::my_courses(&state.db, user.user_id)
        .await?
        .into_iter()
        .filter(|course| course.completed_at.is_none())
        .take(MY_COURSES)
        .collect();
    let activity = store::unread_activity(
        &state.db,
        user.user_id,
        user.is_moderator(),
        now - Duration::days(ACTIVITY_WITHIN_DAYS),
        ACTIVE_GROUPS,
    )
    .await?;
    // Without chosen topics, the newest resources of the whole library.
    let topics = (!facts.topics.is_empty()).then_some(facts.topics.as_slice());
    let resources = store::new_resources(
        &state.db,
        topics,
        now - Duration::days(RESOURCES_NEW_FOR_DAYS),
        NEW_RESOURCES,
    )
    .await?;
    let seat = place::seat(&facts.city, &facts.country);
    let services = match &seat {
        Some(seat) => {
            nearby::services_near(
                &state.db,
                seat,
                NEAR_KM,
                now - Duration::days(VERIFIED_WITHIN_DAYS),
                NEAR_SERVICES,
                now,
            )
            .await?
        }
        None => Vec::new(),
    };
    let title = crate::i18n::t_args(
        ctx.locale,
        "home-member-title",
        &crate::i18n::Args::new().with("name", user.name.clone()),
    );
    let page = Page::new(ctx, title).in_section("home");
    Ok(MemberHomeTemplate {
        emergency: emergency::by_country(&state.db, Some(facts.country.as_str())).await?,
        featured: featured_cards(state, true).await?,
        near_place: seat.map(|s| crate::directory::views::place_name(&page, &s.name, &s.name_cyrl)),
        // In the page's language; Cyrillic by transliteration, as the library does.
        topic_names: facts
            .topic_names_sr
            .iter()
            .zip(&facts.topic_names_en)
            .map(|(sr, en)| topic_name(ctx.locale, sr, en))
            .collect(),
        page,
        events,
        learning,
        activity,
        resources,
        city: facts.city.trim().to_owned(),
        services,
        points: facts.points,
        year,
    })
}

/// The Belgrade calendar year of `now`, and when it starts and ends in UTC.
fn belgrade_year(now: DateTime<Utc>) -> (i32, DateTime<Utc>, DateTime<Utc>) {
    let year = now.with_timezone(&Belgrade).year();
    // New Year's midnight is never inside a clock change, so `earliest`
    // always answers; UTC midnight would be an hour off, never a panic.
    let start = |year: i32| {
        Belgrade
            .with_ymd_and_hms(year, 1, 1, 0, 0, 0)
            .earliest()
            .map(|at| at.with_timezone(&Utc))
            .or_else(|| Utc.with_ymd_and_hms(year, 1, 1, 0, 0, 0).earliest())
            .unwrap_or(now)
    };
    (year, start(year), start(year + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_year_is_belgrades() {
        // 23:30 UTC on 31 December is already New Year in Belgrade.
        let eve = Utc.with_ymd_and_hms(2026, 12, 31, 23, 30, 0).unwrap();
        let (year, from, until) = belgrade_year(eve);
        assert_eq!(year, 2027);
        assert_eq!(from, Utc.with_ymd_and_hms(2026, 12, 31, 23, 0, 0).unwrap());
        assert_eq!(until, Utc.with_ymd_and_hms(2027, 12, 31, 23, 0, 0).unwrap());
    }
}
