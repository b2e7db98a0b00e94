//! Lesson attachments: audio and video uploaded by content (a renamed
//! program or a text file called `.mp4` is refused beside the field with
//! the caption kept), stored in the file store (a directory, or an S3
//! bucket), played with byte ranges (exact bytes for each form of range,
//! 416 past the end) to exactly those who may read the lesson; library
//! resources and event recordings attached under the course's audience;
//! reordering and removing with plain forms.

use super::{add_lesson, add_module, write_course};
use crate::common::actors::Actor;
use crate::common::s3_server::S3Server;
use crate::common::test_app::BASE_URL;
use crate::common::{TestApp, TestResponse};
use axum::body::Body;
use axum::http::{Method, StatusCode};
use kolega::members::Role;

/// A small "MP4": an `ftyp` box, then bytes that differ at every offset
/// (so a range off by one byte is caught).
fn mp4(len: usize) -> Vec<u8> {
    let mut bytes = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41".to_vec();
    bytes.extend((0..len).map(|i| (i * 7 + i / 251) as u8));
    bytes
}

/// Posts the lesson edit page's upload form (multipart; the CSRF token is
/// in the form's action) with `caption` and `file` (name, bytes).
async fn upload(who: &Actor, edit: &str, caption: &str, file: (&str, &[u8])) -> TestResponse {
    let page = who.get(edit).await;
    let action = page
        .body
        .split("action=\"")
        .find(|part| part.contains("/attachments/media?"))
        .and_then(|part| part.split('"').next())
        .unwrap_or_else(|| panic!("the upload form on {edit}: {}", page.body))
        .replace("&#38;", "&");
    let boundary = "----kolega-media-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"media_caption\"\r\n\r\n{caption}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"media\"; filename=\"{}\"\r\n\
         Content-Type: video/mp4\r\n\r\n",
        file.0
    )
    .into_bytes();
    body.extend_from_slice(file.1);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let content_type = format!("multipart/form-data; boundary={boundary}");
    who.request(
        Method::POST,
        &action,
        &[
            ("content-type", &content_type),
            ("sec-fetch-site", "same-origin"),
            ("origin", BASE_URL),
        ],
        Body::from(body),
    )
    .await
}

/// A draft course by `teacher` with one lesson; (course path, lesson path).
async fn draft_lesson(
    app: &TestApp,
    teacher: &Actor,
    title: &str,
    audience: &str,
) -> (String, String) {
    let path = write_course(teacher, title, audience).await;
    let module = add_module(app, teacher, &path, &format!("Modul: {title}")).await;
    let lesson = add_lesson(
        app,
        teacher,
        &path,
        &module,
        &format!("Lekcija: {title}"),
        "Tekst.",
    )
    .await;
    (path.clone(), format!("{path}/lessons/{lesson}"))
}

/// Sends the draft for review and publishes it as a moderator.
async fn publish(app: &TestApp, teacher: &Actor, path: &str) {
    let moderator = app.member(Role::Moderator).await;
    teacher
        .submit_form(path, &format!("{path}/submit"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    moderator
        .submit_form(path, &format!("{path}/decide"), &[("action", "publish")])
        .await
        .assert_status(StatusCode::SEE_OTHER);
}

/// The address the lesson page plays the first media attachment from.
async fn media_path(app: &TestApp, lesson: &str) -> String {
    let id: String = sqlx::query_scalar(
        "SELECT attachment_id::text FROM lesson_attachments WHERE kind = 'media' ORDER BY created_at DESC LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    format!("{lesson}/media/{id}")
}

fn ranged(range: &str) -> [(&'static str, &str); 1] {
    [("range", range)]
}

#[tokio::test]
async fn media_is_accepted_by_content_stored_and_played_with_byte_ranges() {
    let app = TestApp::spawn().await;
    let teacher = app.member(Role::Teacher).await;
    let (_, lesson) = draft_lesson(&app, &teacher, "Razgovor sa detetom", "open").await;
    let edit = format!("{lesson}/edit");
    let video = mp4(200_000);

    // A text file and a Windows program named .mp4 are refused by content,
    // beside the field, the caption kept; nothing is stored.
    for (name, bytes) in [
        ("lekcija.mp4", b"Ovo nije video, samo tekst.\n".to_vec()),
        (
            "setup.mp4",
            b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff".to_vec(),
        ),
    ] {
        let refused = upload(&teacher, &edit, "Snimak razgovora", (name, &bytes)).await;
        refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            refused.body.contains("id=\"media-error\""),
            "{}",
            refused.body
        );
        assert!(
            refused.body.contains("nije audio ni video"),
            "{}",
            refused.body
        );
        assert!(
            refused.body.contains("value=\"Snimak razgovora\""),
            "the caption is kept"
        );
    }
    assert_eq!(app.count("SELECT count(*) FROM stored_files").await, 0);
    assert_eq!(
        app.count("SELECT count(*) FROM lesson_attachments").await,
        0
    );

    // A real MP4 header passes, whatever the name says.
    let saved = upload(
        &teacher,
        &edit,
        "Snimak razgovora",
        ("predavanje.bin", &video),
    )
    .await;
    saved.assert_status(StatusCode::SEE_OTHER);
    assert_eq!(
        saved.header("location"),
        Some(format!("{edit}#attachments").as_str())
    );
    let (key, content_type): (String, String) =
        sqlx::query_as("SELECT storage_key, content_type FROM stored_files")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(content_type, "video/mp4");
    let on_disk = std::fs::read(app.state.config.data_dir.join("files").join(&key)).unwrap();
    assert_eq!(on_disk, video, "stored byte for byte in the file store");

    // The lesson page plays it, with a download link that works without JS.
    let media = media_path(&app, &lesson).await;
    let page = teacher.get(&lesson).await;
    assert!(
        page.body.contains(&format!(
            "<video controls preload=\"metadata\" src=\"{media}\""
        )),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains(&format!("<a href=\"{media}\" download>"))
    );

    // The whole file without a Range; each form of range gives exactly
    // those bytes; past the end is 416.
    let size = video.len();
    let whole = teacher.get(&media).await;
    whole.assert_status(StatusCode::OK);
    assert_eq!(whole.bytes, video);
    assert_eq!(whole.header("accept-ranges"), Some("bytes"));
    assert_eq!(whole.header("content-type"), Some("video/mp4"));
    assert_eq!(
        whole.header("content-length"),
        Some(size.to_string().as_str())
    );
    assert!(
        whole
            .header("content-disposition")
            .unwrap()
            .starts_with("inline;")
    );
    for (range, from, to) in [
        ("bytes=1000-1999".to_owned(), 1000, 1999),
        (format!("bytes={}-", size - 300), size - 300, size - 1),
        ("bytes=-500".to_owned(), size - 500, size - 1),
        (format!("bytes=150000-{}", size + 10_000), 150_000, size - 1),
    ] {
        let part = teacher.get_with(&media, &ranged(&range)).await;
        part.assert_status(StatusCode::PARTIAL_CONTENT);
        assert_eq!(part.bytes, &video[from..=to], "{range}");
        assert_eq!(
            part.header("content-range"),
            Some(format!("bytes {from}-{to}/{size}").as_str()),
            "{range}"
        );
        assert_eq!(
            part.header("content-length"),
            Some((to - from + 1).to_string().as_str())
        );
    }
    // A browser asking for gzip still gets the bytes as stored, seekable
    // (compressing a video gains nothing and would drop `Accept-Ranges`).
    let asked_gzip = teacher
        .get_with(&media, &[("accept-encoding", "gzip")])
        .await;
    assert_eq!(asked_gzip.header("content-encoding"), None);
    assert_eq!(asked_gzip.header("accept-ranges"), Some("bytes"));
    assert_eq!(asked_gzip.bytes, video);
    let beyond = teacher
        .get_with(&media, &ranged(&format!("bytes={size}-")))
        .await;
    beyond.assert_status(StatusCode::RANGE_NOT_SATISFIABLE);
    assert_eq!(
        beyond.header("content-range"),
        Some(format!("bytes */{size}").as_str())
    );

    // A draft's media is its author's and moderators' only.
    let student = app.member(Role::Student).await;
    student
        .get(&media)
        .await
        .assert_status(StatusCode::NOT_FOUND);
    app.new_browser()
        .get(&media)
        .await
        .assert_status(StatusCode::NOT_FOUND);
    let moderator = app.member(Role::Moderator).await;
    let seen = moderator.get_with(&media, &ranged("bytes=0-99")).await;
    seen.assert_status(StatusCode::PARTIAL_CONTENT);
    assert_eq!(seen.bytes, &video[..100]);
}

#[tokio::test]
async fn a_members_only_courses_media_plays_for_enrolled_members_only() {
    let app = TestApp::spawn().await;
    let teacher = app.member(Role::Teacher).await;
    let (path, lesson) = draft_lesson(&app, &teacher, "Supervizija u praksi", "members").await;
    let audio = b"ID3\x04\x00\x00\x00\x00\x00\x00 audio frames follow".repeat(100);
    upload(
        &teacher,
        &format!("{lesson}/edit"),
        "",
        ("uvod.mp3", &audio),
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    publish(&app, &teacher, &path).await;
    let media = media_path(&app, &lesson).await;

    // Signed out: to the sign-in page, as the lesson itself.
    let visitor = app.new_browser().get(&media).await;
    visitor.assert_status(StatusCode::SEE_OTHER);
    assert!(visitor.header("location").unwrap().starts_with("/login"));
    // A member not enrolled: refused, as the lesson itself.
    let student = app.member(Role::Student).await;
    student
        .get(&lesson)
        .await
        .assert_status(StatusCode::FORBIDDEN);
    student
        .get(&media)
        .await
        .assert_status(StatusCode::FORBIDDEN);
    // Enrolled: the lesson shows an audio player, and the bytes come.
    student
        .submit_form(&path, &format!("{path}/enrol"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let page = student.get(&lesson).await;
    assert!(
        page.body.contains(&format!(
            "<audio controls preload=\"metadata\" src=\"{media}\""
        )),
        "{}",
        page.body
    );
    let part = student.get_with(&media, &ranged("bytes=-10")).await;
    part.assert_status(StatusCode::PARTIAL_CONTENT);
    assert_eq!(part.bytes, &audio[audio.len() - 10..]);
    assert_eq!(part.header("content-type"), Some("audio/mpeg"));
}

/// A published library resource; its id.
async fn resource(app: &TestApp, title: &str, members_only: bool) -> String {
    sqlx::query_scalar(
        "INSERT INTO resources (title, kind, language, status, members_only, created_at, updated_at, published_at)
         VALUES ($1, 'guideline', 'sr', 'published', $2, now(), now(), now()) RETURNING resource_id::text",
    )
    .bind(title)
    .bind(members_only)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

/// A past public event organised by `by`, with a recording; its id.
async fn recorded_event(app: &TestApp, title: &str, by: uuid::Uuid) -> String {
    sqlx::query_scalar(
        "INSERT INTO events (kind, title, starts_at, ends_at, audience, created_by, created_at, updated_at, recording_url)
         VALUES ('webinar', $1, now() - interval '8 days', now() - interval '8 days' + interval '1 hour',
                 'public', $2, now(), now(), 'https://video.example/snimak-' || md5($1))
         RETURNING event_id::text",
    )
    .bind(title)
    .bind(by)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn resources_and_recordings_are_attached_reordered_and_removed() {
    let app = TestApp::spawn().await;
    let teacher = app.member(Role::Teacher).await;
    let (path, lesson) = draft_lesson(&app, &teacher, "Procena rizika", "open").await;
    let edit = format!("{lesson}/edit");
    let open = resource(&app, "Smernice za procenu", false).await;
    let closed = resource(&app, "Interni protokol", true).await;
    let own_event = recorded_event(&app, "Vebinar o proceni", teacher.user_id).await;
    let other = app.member(Role::Teacher).await;
    let others_event = recorded_event(&app, "Tuđi vebinar", other.user_id).await;
    let attach = format!("{lesson}/attachments");

    // A members-only resource on an open course is refused, with why and
    // with the text kept.
    let address = format!("{BASE_URL}/library/{closed}");
    let refused = teacher
        .submit_form(
            &edit,
            &format!("{attach}/resource"),
            &[("resource", &address), ("resource_caption", "Obavezno")],
        )
        .await;
    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("id=\"resource-error\""),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("samo za članove"), "{}", refused.body);
    assert!(refused.body.contains(&format!("value=\"{address}\"")));
    // Nonsense is refused too.
    teacher
        .submit_form(
            &edit,
            &format!("{attach}/resource"),
            &[("resource", "nešto")],
        )
        .await
        .assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    // Only recordings of her own public events are offered and taken.
    let page = teacher.get(&edit).await;
    assert!(page.body.contains("Vebinar o proceni") && !page.body.contains("Tuđi vebinar"));
    teacher
        .submit_form(
            &edit,
            &format!("{attach}/recording"),
            &[("event_id", &others_event)],
        )
        .await
        .assert_status(StatusCode::UNPROCESSABLE_ENTITY);

    // The open resource (by its address) and her recording are attached.
    teacher
        .submit_form(
            &edit,
            &format!("{attach}/resource"),
            &[("resource", &format!("/library/{open}"))],
        )
        .await
        .assert_status(StatusCode::SEE_OTHER);
    teacher
        .submit_form(
            &edit,
            &format!("{attach}/recording"),
            &[
                ("event_id", &own_event),
                ("recording_caption", "Od 12. minuta"),
            ],
        )
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let ids: Vec<String> =
        sqlx::query_scalar("SELECT attachment_id::text FROM lesson_attachments ORDER BY position")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(ids.len(), 2);
    publish(&app, &teacher, &path).await;

    // A visitor reads both on the lesson page, in the author's order.
    let page = app.new_browser().get(&lesson).await;
    let at = |text: &str| {
        page.body
            .find(text)
            .unwrap_or_else(|| panic!("{text}: {}", page.body))
    };
    assert!(at(&format!("href=\"/library/{open}\"")) < at("Vebinar o proceni"));
    assert!(
        page.body.contains("https://video.example/snimak-") && page.body.contains("Od 12. minuta")
    );

    // A moderator (the course is published) moves the recording up and
    // removes the resource, with plain forms.
    let moderator = app.member(Role::Moderator).await;
    moderator
        .submit_form(
            &edit,
            &format!("{attach}/{}/move", ids[1]),
            &[("direction", "up")],
        )
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let page = app.new_browser().get(&lesson).await;
    let at = |text: &str| {
        page.body
            .find(text)
            .unwrap_or_else(|| panic!("{text}: {}", page.body))
    };
    assert!(at("Vebinar o proceni") < at(&format!("href=\"/library/{open}\"")));
    moderator
        .submit_form(&edit, &format!("{attach}/{}/delete", ids[0]), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let page = app.new_browser().get(&lesson).await;
    assert!(
        !page.body.contains(&format!("/library/{open}")) && page.body.contains("Vebinar o proceni")
    );
    // The author may no longer change a published course.
    teacher
        .get(&edit)
        .await
        .assert_status(StatusCode::FORBIDDEN);
    let token = teacher.csrf_token().unwrap();
    teacher
        .post_form(
            &format!("{attach}/{}/delete", ids[1]),
            &[("csrf_token", &token)],
        )
        .await
        .assert_status(StatusCode::FORBIDDEN);
    assert_eq!(
        app.count("SELECT count(*) FROM lesson_attachments").await,
        1
    );
}

#[tokio::test]
async fn removing_media_removes_its_file_and_a_members_course_takes_members_resources() {
    let app = TestApp::spawn().await;
    let teacher = app.member(Role::Teacher).await;
    let (_, lesson) = draft_lesson(&app, &teacher, "Rad sa porodicom", "members").await;
    let edit = format!("{lesson}/edit");
    let closed = resource(&app, "Interni vodič", true).await;
    teacher
        .submit_form(
            &edit,
            &format!("{lesson}/attachments/resource"),
            &[("resource", &closed)],
        )
        .await
        .assert_status(StatusCode::SEE_OTHER);
    upload(
        &teacher,
        &edit,
        "Uvod",
        (
            "uvod.webm",
            &b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm".repeat(50),
        ),
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    let key: String = sqlx::query_scalar("SELECT storage_key FROM stored_files")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let file = app.state.config.data_dir.join("files").join(&key);
    assert!(file.exists());
    let media: String = sqlx::query_scalar(
        "SELECT attachment_id::text FROM lesson_attachments WHERE kind = 'media'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    teacher
        .submit_form(&edit, &format!("{lesson}/attachments/{media}/delete"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    assert!(!file.exists(), "the file leaves the store");
    assert_eq!(app.count("SELECT count(*) FROM stored_files").await, 0);
    assert_eq!(
        app.count("SELECT count(*) FROM lesson_attachments").await,
        1
    );
}

#[tokio::test]
async fn with_a_bucket_media_lives_there_and_ranges_are_read_from_it() {
    let bucket = S3Server::start();
    let variables = bucket.variables();
    let variables: Vec<(&str, &str)> = variables.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let app = TestApp::spawn_configured(&variables, |router| router).await;
    app.state.files.check().await.expect("the bucket is there");
    let teacher = app.member(Role::Teacher).await;
    let (_, lesson) = draft_lesson(&app, &teacher, "Kurs iz oblaka", "open").await;
    let video = mp4(50_000);
    upload(
        &teacher,
        &format!("{lesson}/edit"),
        "",
        ("film.mp4", &video),
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    let keys = bucket.keys();
    assert_eq!(keys.len(), 1);
    assert_eq!(
        bucket.object(&keys[0]),
        video,
        "in the bucket byte for byte"
    );

    let media = media_path(&app, &lesson).await;
    let part = teacher.get_with(&media, &ranged("bytes=20000-20999")).await;
    part.assert_status(StatusCode::PARTIAL_CONTENT);
    assert_eq!(part.bytes, &video[20_000..21_000]);
    let size = video.len();
    assert_eq!(
        part.header("content-range"),
        Some(format!("bytes 20000-20999/{size}").as_str())
    );
    let tail = teacher.get_with(&media, &ranged("bytes=-64")).await;
    assert_eq!(tail.bytes, &video[size - 64..]);
    assert_eq!(teacher.get(&media).await.bytes, video);
}
