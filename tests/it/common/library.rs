//! Helpers for library tests: multipart uploads the way a browser sends them.

use axum::body::Body;
use axum::http::Method;

use super::{TestApp, TestResponse};

/// A tiny document PDF readers accept; its text is for the eye only.
pub const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

pub use kolega::library::seed::pdf_with_text;

impl TestApp {
    /// Opens `/library/new` and posts `fields` and `file` (name, bytes) as
    /// multipart/form-data to the form's action (which carries the token).
    pub async fn upload_resource(
        &self,
        fields: &[(&str, &str)],
        file: Option<(&str, &[u8])>,
    ) -> TestResponse {
        let page = self.get("/library/new").await;
        let action = page
            .body
            .split("action=\"")
            .find(|part| part.starts_with("/library/new?"))
            .and_then(|part| part.split('"').next())
            .expect("the upload form")
            .replace("&#38;", "&");
        let boundary = "----kolega-test-boundary";
        let mut body: Vec<u8> = Vec::new();
        for (name, value) in fields {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                    .as_bytes(),
            );
        }
        if let Some((file_name, bytes)) = file {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/pdf\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let content_type = format!("multipart/form-data; boundary={boundary}");
        self.request(
            Method::POST,
            &action,
            &[
                ("content-type", &content_type),
                ("sec-fetch-site", "same-origin"),
                ("origin", super::test_app::BASE_URL),
            ],
            Body::from(body),
        )
        .await
    }
}
