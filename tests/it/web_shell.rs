//! The web shell: pages, languages, error pages, CSRF, headers, health.

// Members' content in the reader's script, in a file of its own.
mod cyrillic_content;

use crate::common::TestApp;
use axum::body::Body;
use axum::http::{Method, StatusCode};
use axum::routing::get;

#[tokio::test]
async fn visitors_home_page_says_what_kolega_is_in_serbian_latin() {
    let app = TestApp::spawn().await;

    let response = app.get("/").await;

    response.assert_status(StatusCode::OK);
    assert_eq!(response.html_lang().as_deref(), Some("sr-Latn"));
    assert_eq!(response.h1(), "Mesto gde se pomažu pomagači");
    assert!(response.body.contains("centara za socijalni rad"));
    // Footer links to the real policy pages.
    for path in ["/guidelines", "/privacy", "/child-safeguarding"] {
        assert!(
            response.body.contains(&format!("href=\"{path}\"")),
            "footer lacks {path}"
        );
        let page = app.get(path).await;
        page.assert_status(StatusCode::OK);
        assert!(page.body.len() > 2000, "{path} has no real text");
    }
}

#[tokio::test]
async fn accept_language_chooses_english_or_cyrillic() {
    let app = TestApp::spawn().await;

    let english = app
        .get_with("/", &[("accept-language", "en-GB,en;q=0.9")])
        .await;
    let cyrillic = app
        .get_with("/", &[("accept-language", "sr-Cyrl-RS,sr;q=0.9")])
        .await;
    let german = app.get_with("/", &[("accept-language", "de-DE")]).await;

    assert_eq!(english.html_lang().as_deref(), Some("en"));
    assert_eq!(english.h1(), "Where helpers help each other");
    assert_eq!(cyrillic.html_lang().as_deref(), Some("sr-Cyrl"));
    assert_eq!(cyrillic.h1(), "Место где се помажу помагачи");
    assert_eq!(german.html_lang().as_deref(), Some("sr-Latn"));
}

#[tokio::test]
async fn the_language_switcher_remembers_the_choice_and_returns_to_the_page() {
    let app = TestApp::spawn().await;

    let response = app
        .submit_form("/guidelines", "/language", &[("lang", "sr-Cyrl")])
        .await;

    response.assert_redirect_to("/guidelines");
    assert_eq!(app.cookie("kolega_lang").as_deref(), Some("sr-Cyrl"));
    let page = app
        .get_with("/guidelines", &[("accept-language", "en")])
        .await;
    assert_eq!(page.html_lang().as_deref(), Some("sr-Cyrl"));
    assert_eq!(page.h1(), "Правила заједнице");
    assert!(
        !page.body.contains("poverljiv"),
        "the policy text itself is transliterated"
    );

    let english = app.submit_form("/", "/language", &[("lang", "en")]).await;
    english.assert_redirect_to("/");
    assert_eq!(app.get("/").await.html_lang().as_deref(), Some("en"));
}

#[tokio::test]
async fn the_language_switcher_never_redirects_off_site() {
    let app = TestApp::spawn().await;

    let response = app
        .submit_form(
            "/",
            "/language",
            &[("lang", "en"), ("next", "https://evil.example/")],
        )
        .await;

    response.assert_redirect_to("/");
}

#[tokio::test]
async fn an_unknown_page_gets_a_localized_404_page() {
    let app = TestApp::spawn().await;

    let serbian = app.get("/nema-takve-stranice").await;
    let english = app
        .get_with("/no/such/page", &[("accept-language", "en")])
        .await;

    serbian.assert_status(StatusCode::NOT_FOUND);
    assert_eq!(serbian.h1(), "Stranica nije pronađena");
    assert!(
        serbian
            .header("content-type")
            .unwrap()
            .starts_with("text/html")
    );
    english.assert_status(StatusCode::NOT_FOUND);
    assert_eq!(english.h1(), "Page not found");
    assert_eq!(english.html_lang().as_deref(), Some("en"));
}

#[tokio::test]
async fn a_wrong_method_gets_the_405_page() {
    let app = TestApp::spawn().await;

    let response = app
        .request(
            Method::DELETE,
            "/healthz",
            &[("x-csrf-token", "x")],
            Body::empty(),
        )
        .await;
    // A DELETE is state-changing: without a valid token it is refused first.
    response.assert_status(StatusCode::FORBIDDEN);

    app.get("/").await;
    let token = app.csrf_token().unwrap();
    let response = app
        .request(
            Method::DELETE,
            "/healthz",
            &[("x-csrf-token", &token)],
            Body::empty(),
        )
        .await;
    response.assert_status(StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(response.h1(), "Ova radnja nije dozvoljena ovde");
    assert!(response.header("allow").unwrap_or_default().contains("GET"));
}

#[tokio::test]
async fn a_panicking_handler_becomes_the_500_page_and_the_server_keeps_serving() {
    let app = TestApp::spawn_with(|pages| {
        pages.route("/boom", get(|| async { panic!("kaboom") as &'static str }))
    })
    .await;
    app.expect_server_errors();

    let response = app.get_with("/boom", &[("accept-language", "en")]).await;

    response.assert_status(StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(response.h1(), "Something went wrong on our side");
    assert!(
        !response.body.contains("kaboom"),
        "internals never reach the visitor"
    );
    app.get("/").await.assert_status(StatusCode::OK);
}

#[tokio::test]
async fn a_form_without_the_csrf_token_is_refused_with_an_explanation() {
    let app = TestApp::spawn().await;
    app.get("/").await;

    let missing = app.post_form("/language", &[("lang", "en")]).await;
    let wrong = app
        .post_form(
            "/language",
            &[("lang", "en"), ("csrf_token", "A".repeat(43).as_str())],
        )
        .await;

    for response in [missing, wrong] {
        response.assert_status(StatusCode::FORBIDDEN);
        assert_eq!(
            response.h1(),
            "Obrazac je istekao ili nije poslat sa ove stranice"
        );
        assert!(response.body.contains("href=\"/\""), "the page links back");
    }
    assert_eq!(app.cookie("kolega_lang"), None, "nothing changed");
}

#[tokio::test]
async fn a_cross_site_post_is_refused_even_with_the_right_token() {
    let app = TestApp::spawn().await;
    app.get("/").await;
    let token = app.csrf_token().unwrap();
    let fields = [("lang", "en"), ("csrf_token", token.as_str())];

    let cross_site = app
        .post_form_with("/language", &fields, &[("sec-fetch-site", "cross-site")])
        .await;
    let foreign_origin = app
        .post_form_with("/language", &fields, &[("origin", "https://evil.example")])
        .await;
    let same_origin = app
        .post_form_with("/language", &fields, &[("origin", "http://kolega.test")])
        .await;

    cross_site.assert_status(StatusCode::FORBIDDEN);
    foreign_origin.assert_status(StatusCode::FORBIDDEN);
    same_origin.assert_redirect_to("/");
}

#[tokio::test]
async fn malformed_form_input_gets_the_400_page() {
    let app = TestApp::spawn().await;

    let response = app
        .submit_form("/", "/language", &[("lang", "klingon")])
        .await;

    response.assert_status(StatusCode::BAD_REQUEST);
    assert_eq!(response.h1(), "Zahtev nije ispravan");
}

#[tokio::test]
async fn a_malformed_query_string_gets_the_400_page_not_a_plain_rejection() {
    let app = TestApp::spawn().await;

    // A page number that is not a number; a cursor that is not an id.
    for path in [
        "/groups/some-group/t/00000000-0000-0000-0000-000000000000?page=abc",
        "/groups/some-group?after=not-an-id",
    ] {
        let response = app.get(path).await;

        response.assert_status(StatusCode::BAD_REQUEST);
        assert_eq!(
            response.h1(),
            "Zahtev nije ispravan",
            "{path}: {}",
            response.body
        );
    }
}

#[tokio::test]
async fn an_oversized_form_gets_the_413_page() {
    let app = TestApp::spawn().await;
    app.get("/").await;
    let token = app.csrf_token().unwrap();
    let huge = "x".repeat(3 * 1024 * 1024);

    let response = app
        .post_form(
            "/language",
            &[("csrf_token", token.as_str()), ("lang", huge.as_str())],
        )
        .await;

    response.assert_status(StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(response.h1(), "Poslato je previše podataka");
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = TestApp::spawn().await;

    for path in ["/", "/nope", "/healthz", "/static/css/kolega.css"] {
        let response = app.get(path).await;
        let csp = response
            .header("content-security-policy")
            .unwrap_or_default();
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{path}: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert_eq!(
            response.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert!(response.header("referrer-policy").is_some(), "{path}");
        assert!(response.header("x-request-id").is_some(), "{path}");
    }
}

#[tokio::test]
async fn cookies_are_http_only_and_same_site_lax() {
    let app = TestApp::spawn().await;

    let response = app.get("/").await;

    let cookie = response.all_headers("set-cookie").join("\n");
    assert!(cookie.starts_with("kolega_csrf="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain http in tests");
    // A returning visitor keeps the token, so open forms stay valid.
    let again = app.get("/").await;
    assert!(again.all_headers("set-cookie").is_empty());
}

#[tokio::test]
async fn static_files_are_versioned_and_cached_for_a_year() {
    let app = TestApp::spawn().await;

    let home = app.get("/").await;
    let start = home
        .body
        .find("/static/css/kolega.css?v=")
        .expect("the layout links the stylesheet");
    let url: String = home.body[start..]
        .chars()
        .take_while(|&c| c != '"')
        .collect();
    let css = app.get(&url).await;

    css.assert_status(StatusCode::OK);
    assert!(css.header("content-type").unwrap().starts_with("text/css"));
    assert!(
        css.header("cache-control")
            .unwrap()
            .contains("max-age=31536000")
    );
    assert!(
        css.all_headers("set-cookie").is_empty(),
        "static files set no cookies"
    );
    assert!(css.body.contains(":focus-visible"));
}

#[tokio::test]
async fn health_endpoints_report_process_and_database() {
    let app = TestApp::spawn().await;

    let alive = app.get("/healthz").await;
    let ready = app.get("/readyz").await;

    alive.assert_status(StatusCode::OK);
    assert_eq!(alive.body, "ok\n");
    ready.assert_status(StatusCode::OK);
    assert_eq!(ready.body, "ready\n");

    app.pool.close().await;
    app.expect_server_errors();
    let unready = app.get("/readyz").await;
    unready.assert_status(StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(unready.body, "database unavailable\n");
    app.get("/healthz").await.assert_status(StatusCode::OK);
}

#[tokio::test]
async fn pages_are_served_over_a_real_socket() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = TestApp::spawn().await;
    let address = app.serve().await;

    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    stream
        .write_all(b"GET /about HTTP/1.1\r\nHost: kolega.test\r\nAccept-Language: en\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap();

    assert!(response.starts_with("HTTP/1.1 200 OK"), "{response}");
    assert!(response.contains("<h1>About Kolega</h1>"));
}

#[tokio::test]
async fn compression_is_used_when_the_client_accepts_it() {
    let app = TestApp::spawn().await;

    let response = app
        .get_with("/privacy", &[("accept-encoding", "gzip")])
        .await;

    assert_eq!(response.header("content-encoding"), Some("gzip"));
}

#[tokio::test]
async fn a_request_that_takes_too_long_gets_the_408_page() {
    let slow = || async {
        tokio::time::sleep(std::time::Duration::from_secs(30)).await;
        "done"
    };
    let app = TestApp::spawn_configured(&[("KOLEGA_REQUEST_TIMEOUT_SECONDS", "1")], |pages| {
        pages.route("/slow", get(slow))
    })
    .await;

    let response = app.get_with("/slow", &[("accept-language", "en")]).await;

    response.assert_status(StatusCode::REQUEST_TIMEOUT);
    assert_eq!(response.h1(), "The request took too long");
}

#[tokio::test]
async fn a_page_whose_database_is_down_gets_the_503_page() {
    use axum::extract::State;
    use kolega::web::{AppError, AppResult};
    async fn count(State(state): State<kolega::AppState>) -> AppResult<String> {
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
            .fetch_one(&state.db)
            .await
            .map_err(AppError::from)?;
        Ok(n.to_string())
    }
    let app = TestApp::spawn_with(|pages| pages.route("/count", get(count))).await;
    app.get("/count").await.assert_status(StatusCode::OK);

    app.pool.close().await;
    app.expect_server_errors();
    let response = app.get("/count").await;

    response.assert_status(StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(response.h1(), "Kolega je privremeno nedostupna");
}

#[tokio::test]
async fn over_https_cookies_are_secure() {
    let app =
        TestApp::spawn_configured(&[("KOLEGA_BASE_URL", "https://kolega.example")], |pages| {
            pages
        })
        .await;

    let response = app.get("/").await;

    let cookie = response.all_headers("set-cookie").join("\n");
    assert!(cookie.contains("; Secure"), "{cookie}");
    let switched = app
        .post_form_with(
            "/language",
            &[
                ("lang", "en"),
                ("csrf_token", app.csrf_token().unwrap().as_str()),
            ],
            &[("origin", "https://kolega.example")],
        )
        .await;
    assert!(
        switched
            .all_headers("set-cookie")
            .join("\n")
            .contains("kolega_lang=en; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000; Secure")
    );
}

#[tokio::test]
async fn signing_in_never_redirects_off_site() {
    let app = TestApp::spawn().await;
    app.create_member(
        "Ana Vuković",
        "ana@csr.rs",
        kolega::members::Role::Practitioner,
    )
    .await;
    // A path on the site is followed (so the form does carry `next`)…
    let response = app
        .submit_form(
            "/login?next=%2Fgroups",
            "/login",
            &[
                ("email", "ana@csr.rs"),
                ("password", crate::common::members::PASSWORD),
            ],
        )
        .await;
    response.assert_redirect_to("/groups");
    // …anything else is not.
    for evil in [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "javascript:alert(1)",
        "/%0d%0aSet-Cookie:x",
    ] {
        app.clear_cookies();
        let query = serde_urlencoded::to_string([("next", evil)]).unwrap();
        let login = format!("/login?{query}");
        let response = app
            .submit_form(
                &login,
                "/login",
                &[
                    ("email", "ana@csr.rs"),
                    ("password", crate::common::members::PASSWORD),
                ],
            )
            .await;
        let location = response.header("location").unwrap_or_default().to_owned();
        assert!(
            location.starts_with('/') && !location.starts_with("//") && !location.contains("evil"),
            "{evil} → {location}"
        );
    }
}
