//! Pieces the members pages share: starting a session, e-mail contexts,
//! simple notice pages.

use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::app::AppState;
use crate::i18n::Locale;
use crate::members::sessions;
use crate::members::views::NoticePage;
use crate::notify::email::{Email, EmailContext};
use crate::notify::outbox;
use crate::web::context::new_token;
use crate::web::redirect::see_other;
use crate::web::{AppResult, Page, RequestContext, cookies};

pub fn email_context(state: &AppState, locale: Locale) -> EmailContext {
    EmailContext::new(locale, &state.config.base_url)
}

/// Queues a rendered e-mail for `member` in the caller's transaction.
pub async fn queue(
    conn: &mut PgConnection,
    member: Uuid,
    email: Result<Email, askama::Error>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    outbox::enqueue(conn, &email?.into_message(Some(member)), now).await?;
    Ok(())
}

/// Starts a fresh session (a new id: no fixation), rotates the CSRF token,
/// and redirects to `next`.
pub async fn start_session(
    state: &AppState,
    ctx: &RequestContext,
    user_id: Uuid,
    remember: bool,
    next: &str,
) -> AppResult<Response> {
    let token = sessions::create(&state.db, user_id, remember, state.clock.now()).await?;
    state
        .presence
        .forget_guest(&state.db, &ctx.csrf_token)
        .await?;
    let secure = state.config.secure_cookies();
    let max_age = remember.then(|| sessions::REMEMBERED_FOR.num_seconds());
    let mut response = see_other(next).into_response();
    let headers = response.headers_mut();
    headers.append(
        header::SET_COOKIE,
        cookies::set(sessions::COOKIE, &token, max_age, secure),
    );
    headers.append(
        header::SET_COOKIE,
        cookies::set(cookies::CSRF, &new_token(), None, secure),
    );
    state.presence.invalidate();
    Ok(response)
}

/// A response that ends the browser's session cookie.
pub fn clear_session_cookie(mut response: Response, state: &AppState) -> Response {
    response.headers_mut().append(
        header::SET_COOKIE,
        cookies::clear(sessions::COOKIE, state.config.secure_cookies()),
    );
    response
}

pub fn notice(
    ctx: &RequestContext,
    title_key: &str,
    paragraph_keys: &[&str],
    link: Option<(&str, &str)>,
) -> NoticePage {
    let page = Page::titled(ctx, title_key);
    NoticePage {
        paragraphs: paragraph_keys.iter().map(|key| page.t(key)).collect(),
        link: link.map(|(key, href)| (page.t(key), href.to_owned())),
        offer_resend: false,
        page,
    }
}
