//! A member's data download, opened the way she would open it: the ZIP
//! is tested and unpacked by the `unzip` tool, not by our own code.

use std::process::Command;

use axum::http::StatusCode;
use serde_json::Value;

use super::Browser;

pub struct DataArchive {
    /// The name the browser saves it under.
    pub file_name: String,
    pub data: Value,
    pub html: String,
}

impl Browser {
    /// Downloads `/settings/export` as the signed-in member and unpacks it.
    pub async fn download_data(&self) -> DataArchive {
        let response = self.get("/settings/export").await;
        response.assert_status(StatusCode::OK);
        assert_eq!(response.header("content-type"), Some("application/zip"));
        assert_eq!(response.header("cache-control"), Some("no-store"));
        let disposition = response.header("content-disposition").unwrap();
        let file_name = disposition
            .strip_prefix("attachment; filename=\"")
            .and_then(|rest| rest.strip_suffix('"'))
            .unwrap_or_else(|| panic!("not an attachment: {disposition}"))
            .to_owned();
        let path =
            std::env::temp_dir().join(format!("kolega-archive-{}.zip", uuid::Uuid::new_v4()));
        std::fs::write(&path, &response.bytes).unwrap();
        let test = Command::new("unzip").arg("-t").arg(&path).output().unwrap();
        assert!(
            test.status.success(),
            "unzip -t: {}",
            String::from_utf8_lossy(&test.stdout)
        );
        let list = Command::new("unzip")
            .arg("-Z1")
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8(list.stdout).unwrap(),
            "data.json\nindex.html\n"
        );
        let member = |name: &str| {
            let out = Command::new("unzip")
                .arg("-p")
                .arg(&path)
                .arg(name)
                .output()
                .unwrap();
            assert!(out.status.success());
            String::from_utf8(out.stdout).unwrap()
        };
        let data = serde_json::from_str(&member("data.json")).expect("data.json is JSON");
        let html = member("index.html");
        let _ = std::fs::remove_file(&path);
        DataArchive {
            file_name,
            data,
            html,
        }
    }
}
