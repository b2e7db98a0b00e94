//! The file store: uploaded files under `$KOLEGA_DATA_DIR/files`, or in an
//! S3-compatible bucket when `KOLEGA_S3_BUCKET` is set (so several
//! instances share them). Either way an upload streams into a temporary
//! local file while its size is counted, and only when it is complete and
//! of an allowed type is it renamed into place (or sent to the bucket) — a
//! refused, oversized or interrupted upload leaves nothing behind.

mod s3;
mod sigv4;
pub mod sweep;
mod timed_body;

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::extract::multipart::Field;
use sha2::{Digest, Sha256};
use tokio::io::{AsyncReadExt, AsyncSeekExt, AsyncWriteExt};
use tokio_util::io::ReaderStream;
use uuid::Uuid;

use s3::S3Store;
pub use s3::{S3Config, S3Limits};

/// The largest file a member may upload.
pub const MAX_UPLOAD_BYTES: u64 = 25 * 1024 * 1024;

pub const PDF: &str = "application/pdf";
pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub const PPTX: &str = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
pub const ODT: &str = "application/vnd.oasis.opendocument.text";

/// What an upload may be: how large, and which types (told by `sniff` from
/// the first bytes). Library documents are one kind; a course's audio and
/// video another.
#[derive(Debug, Clone, Copy)]
pub struct Accepted {
    pub max_bytes: u64,
    pub sniff: fn(&[u8]) -> Option<&'static str>,
}

/// The library's documents: PDF and office files up to 25 MB.
pub const DOCUMENTS: Accepted = Accepted {
    max_bytes: MAX_UPLOAD_BYTES,
    sniff,
};

#[derive(Debug, Clone)]
pub struct FileStore {
    /// Where files live when there is no bucket; with one, only the
    /// temporary files of uploads in progress (`tmp/`).
    root: PathBuf,
    bucket: Option<S3Store>,
}

/// A file safely in the store.
#[derive(Debug, Clone)]
pub struct SavedFile {
    pub storage_key: String,
    pub file_name: String,
    pub content_type: &'static str,
    pub size_bytes: i64,
    pub sha256: String,
}

#[derive(Debug, thiserror::Error)]
pub enum UploadError {
    #[error("no file")]
    Empty,
    #[error("too large")]
    TooLarge,
    #[error("not an allowed type")]
    WrongType,
    #[error("the upload was interrupted: {0}")]
    Interrupted(String),
    #[error("the file store: {0}")]
    Store(#[from] std::io::Error),
}

/// Removes a half-written (or copied) file unless it was kept.
struct TempFile {
    path: PathBuf,
    kept: bool,
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.kept {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// A stored file readable on the local disk, for programs that read files
/// (the text extractors). A copy from the bucket is removed when dropped.
pub struct LocalCopy {
    path: PathBuf,
    _copy: Option<TempFile>,
}

impl LocalCopy {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl FileStore {
    /// Files under `data_dir/files`.
    pub fn new(data_dir: &Path) -> FileStore {
        FileStore {
            root: data_dir.join("files"),
            bucket: None,
        }
    }

    /// The store the configuration asks for.
    pub fn from_config(config: &crate::config::Config) -> anyhow::Result<FileStore> {
        let mut store = FileStore::new(&config.data_dir);
        if let Some(s3) = &config.s3 {
            store.bucket = Some(S3Store::new(s3)?);
        }
        Ok(store)
    }

    /// At start: a bucket that cannot be reached is said at once, not at
    /// the first upload.
    pub async fn check(&self) -> std::io::Result<()> {
        match &self.bucket {
            Some(bucket) => bucket.check_bucket().await,
            None => tokio::fs::create_dir_all(&self.root).await,
        }
    }

    fn path_of(&self, storage_key: &str) -> Option<PathBuf> {
        valid_key(storage_key).then(|| self.root.join(storage_key))
    }

    fn new_temp_file(&self) -> TempFile {
        TempFile {
            path: self.root.join("tmp").join(Uuid::new_v4().to_string()),
            kept: false,
        }
    }

    /// Streams an uploaded field into the store, checking its size as it
    /// arrives and its real type from its first bytes.
    pub async fn save_upload(&self, field: Field<'_>) -> Result<SavedFile, UploadError> {
        self.save_upload_as(field, DOCUMENTS).await
    }

    /// [`Self::save_upload`] for another kind of file.
    pub async fn save_upload_as(
        &self,
        mut field: Field<'_>,
        accepted: Accepted,
    ) -> Result<SavedFile, UploadError> {
        let file_name = field.file_name().unwrap_or_default().to_owned();
        tokio::fs::create_dir_all(self.root.join("tmp")).await?;
        let temp = self.new_temp_file();
        let mut out = tokio::fs::File::create(&temp.path).await?;
        let mut hasher = Sha256::new();
        let mut size: u64 = 0;
        let mut head: Vec<u8> = Vec::new();
        loop {
            let chunk = match field.chunk().await {
                Ok(Some(chunk)) => chunk,
                Ok(None) => break,
                Err(error) => return Err(UploadError::Interrupted(error.to_string())),
            };
            size += chunk.len() as u64;
            if size > accepted.max_bytes {
                return Err(UploadError::TooLarge);
            }
            if head.len() < 8192 {
                head.extend_from_slice(&chunk[..chunk.len().min(8192 - head.len())]);
            }
            hasher.update(&chunk);
            out.write_all(&chunk).await?;
        }
        if size == 0 {
            return Err(UploadError::Empty);
        }
        let content_type = (accepted.sniff)(&head).ok_or(UploadError::WrongType)?;
        out.sync_all().await?;
        drop(out);
        let storage_key = self.keep(temp, size, content_type).await?;
        Ok(SavedFile {
            storage_key,
            file_name,
            content_type,
            size_bytes: size as i64,
            sha256: format!("{:x}", hasher.finalize()),
        })
    }

    /// Stores bytes already in memory (demo content), with the same checks.
    pub async fn save_bytes(
        &self,
        bytes: &[u8],
        file_name: &str,
    ) -> Result<SavedFile, UploadError> {
        let content_type = sniff(&bytes[..bytes.len().min(8192)]).ok_or(UploadError::WrongType)?;
        tokio::fs::create_dir_all(self.root.join("tmp")).await?;
        let temp = self.new_temp_file();
        tokio::fs::write(&temp.path, bytes).await?;
        let storage_key = self.keep(temp, bytes.len() as u64, content_type).await?;
        Ok(SavedFile {
            storage_key,
            file_name: file_name.to_owned(),
            content_type,
            size_bytes: bytes.len() as i64,
            sha256: format!("{:x}", Sha256::digest(bytes)),
        })
    }

    /// Moves a complete temporary file to its place and returns its key.
    async fn keep(
        &self,
        mut temp: TempFile,
        size: u64,
        content_type: &str,
    ) -> std::io::Result<String> {
        let id = Uuid::new_v4().to_string();
        let storage_key = format!("{}/{id}", &id[..2]);
        match &self.bucket {
            // The temporary file goes when `temp` is dropped.
            Some(bucket) => {
                bucket
                    .put_file(&storage_key, &temp.path, size, content_type)
                    .await?
            }
            None => {
                let final_path = self.root.join(&storage_key);
                if let Some(parent) = final_path.parent() {
                    tokio::fs::create_dir_all(parent).await?;
                }
                tokio::fs::rename(&temp.path, &final_path).await?;
                temp.kept = true;
            }
        }
        Ok(storage_key)
    }

    /// A stored file as a streaming body.
    pub async fn open(&self, storage_key: &str) -> std::io::Result<Body> {
        let path = self.path_of(storage_key).ok_or_else(bad_key)?;
        match &self.bucket {
            Some(bucket) => bucket.get(storage_key).await,
            None => Ok(Body::from_stream(ReaderStream::new(
                tokio::fs::File::open(path).await?,
            ))),
        }
    }

    /// `length` bytes of a stored file from `start`, streamed: a seek and a
    /// bounded read on disk, a ranged GET from the bucket, so serving a
    /// part of a large video never holds more than a buffer of it.
    pub async fn open_range(
        &self,
        storage_key: &str,
        start: u64,
        length: u64,
    ) -> std::io::Result<Body> {
        let path = self.path_of(storage_key).ok_or_else(bad_key)?;
        match &self.bucket {
            Some(bucket) => bucket.get_range(storage_key, start, length).await,
            None => {
                let mut file = tokio::fs::File::open(path).await?;
                file.seek(std::io::SeekFrom::Start(start)).await?;
                Ok(Body::from_stream(ReaderStream::new(file.take(length))))
            }
        }
    }

    /// The file on local disk: itself, or a copy fetched from the bucket.
    pub async fn local_copy(&self, storage_key: &str) -> std::io::Result<LocalCopy> {
        let path = self.path_of(storage_key).ok_or_else(bad_key)?;
        let Some(bucket) = &self.bucket else {
            return Ok(LocalCopy { path, _copy: None });
        };
        tokio::fs::create_dir_all(self.root.join("tmp")).await?;
        let copy = self.new_temp_file();
        bucket.download_to(storage_key, &copy.path).await?;
        Ok(LocalCopy {
            path: copy.path.clone(),
            _copy: Some(copy),
        })
    }

    /// Removes a stored file (a database write that would have pointed to
    /// it failed).
    pub async fn remove(&self, storage_key: &str) {
        let Some(path) = self.path_of(storage_key) else {
            return;
        };
        let result = match &self.bucket {
            Some(bucket) => bucket.delete(storage_key).await,
            None => tokio::fs::remove_file(path).await,
        };
        if let Err(error) = result {
            tracing::warn!(%error, storage_key, "a stored file could not be removed");
        }
    }
}

/// Keys are ours ("ab/uuid"); anything else is refused, never a path.
fn valid_key(storage_key: &str) -> bool {
    storage_key.len() == 39
        && storage_key
            .bytes()
            .all(|b| b.is_ascii_hexdigit() || b == b'-' || b == b'/')
}

fn bad_key() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::NotFound, "not a storage key")
}

/// The real type of a file from its first bytes: PDF by its header; the
/// Office Open XML and OpenDocument formats are ZIP archives told apart by
/// the names of their first entries.
pub fn sniff(head: &[u8]) -> Option<&'static str> {
    if head.starts_with(b"%PDF-") {
        return Some(PDF);
    }
    if !head.starts_with(b"PK\x03\x04") {
        return None;
    }
    let contains = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    if contains(b"mimetypeapplication/vnd.oasis.opendocument.text") {
        Some(ODT)
    } else if contains(b"word/") {
        Some(DOCX)
    } else if contains(b"ppt/") {
        Some(PPTX)
    } else {
        None
    }
}

/// The extension for a content type.
pub fn extension(content_type: &str) -> &'static str {
    match content_type {
        PDF => "pdf",
        DOCX => "docx",
        PPTX => "pptx",
        ODT => "odt",
        _ => "bin",
    }
}

/// A `Content-Disposition` value with a name made from the title: ASCII
/// letters, digits and dashes only, so no client can be led astray by
/// quotes, slashes or control characters, and Cyrillic becomes Latin.
pub fn content_disposition(title: &str, content_type: &str) -> String {
    let base: String = crate::text::search::slugify(title)
        .chars()
        .take(80)
        .collect();
    let base = if base.is_empty() {
        "dokument".to_owned()
    } else {
        base
    };
    format!(
        "attachment; filename=\"{base}.{}\"",
        extension(content_type)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_are_told_by_content_not_name() {
        assert_eq!(sniff(b"%PDF-1.7\n..."), Some(PDF));
        assert_eq!(sniff(b"#!/bin/sh\nrm -rf /"), None);
        assert_eq!(sniff(b"<script>alert(1)</script>"), None);
        assert_eq!(
            sniff(b"PK\x03\x04....[Content_Types].xml....word/document.xml"),
            Some(DOCX)
        );
        assert_eq!(sniff(b"PK\x03\x04....ppt/slides/slide1.xml"), Some(PPTX));
        assert_eq!(
            sniff(b"PK\x03\x04\x14\x00\x00\x00\x00\x00mimetypeapplication/vnd.oasis.opendocument.text"),
            Some(ODT)
        );
        assert_eq!(sniff(b"PK\x03\x04 just a zip"), None);
    }

    #[test]
    fn download_names_are_safe() {
        assert_eq!(
            content_disposition("Protokol: \"deca\" na ulici/../etc", PDF),
            "attachment; filename=\"protokol-deca-na-ulici-etc.pdf\""
        );
        assert_eq!(
            content_disposition("Протокол о заштити", DOCX),
            "attachment; filename=\"protokol-o-zastiti.docx\""
        );
    }

    #[test]
    fn only_our_keys_open_files() {
        let store = FileStore::new(Path::new("/tmp/kolega-test"));
        assert!(store.path_of("../../etc/passwd").is_none());
        assert!(
            store
                .path_of("ab/0f3c2a8e-1d2b-4c5d-9e8f-0a1b2c3d4e5f")
                .is_some()
        );
    }
}
