//! Cleaning up after a crash. An upload streams into `tmp/` and is renamed
//! into place before its database row is committed; a process killed in
//! between leaves a temporary file, or a stored file no row names. Neither
//! can belong to a live request once it is older than twice the request
//! timeout (a request is cut at the timeout), so both are removed then:
//! at start and by the scheduler. With a bucket only `tmp/` is local, so
//! only it is swept (listing the bucket is left to its lifecycle rules).

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use sqlx::PgPool;

use super::FileStore;

/// What a sweep removed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Swept {
    pub temporary: usize,
    pub unreferenced: usize,
}

impl FileStore {
    pub async fn sweep(&self, pool: &PgPool, older_than: Duration) -> anyhow::Result<Swept> {
        let cutoff = SystemTime::now() - older_than;
        let mut swept = Swept::default();
        for path in files_under(&self.root.join("tmp"), cutoff) {
            if tokio::fs::remove_file(&path).await.is_ok() {
                swept.temporary += 1;
            }
        }
        if self.bucket.is_some() {
            return Ok(swept);
        }
        let candidates: Vec<(String, PathBuf)> = files_under(&self.root, cutoff)
            .into_iter()
            .filter(|path| !path.starts_with(self.root.join("tmp")))
            .filter_map(|path| {
                let key = path.strip_prefix(&self.root).ok()?.to_str()?.to_owned();
                super::valid_key(&key).then_some((key, path))
            })
            .collect();
        for chunk in candidates.chunks(500) {
            let keys: Vec<&str> = chunk.iter().map(|(key, _)| key.as_str()).collect();
            let known: Vec<String> = sqlx::query_scalar(
                "SELECT storage_key FROM stored_files WHERE storage_key = ANY ($1)",
            )
            .bind(&keys)
            .fetch_all(pool)
            .await?;
            for (key, path) in chunk {
                if !known.contains(key) && tokio::fs::remove_file(path).await.is_ok() {
                    tracing::warn!(%key, "removed a stored file no resource names (left by a crash)");
                    swept.unreferenced += 1;
                }
            }
        }
        Ok(swept)
    }
}

/// Regular files below `dir` last changed before `cutoff`.
fn files_under(dir: &Path, cutoff: SystemTime) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                dirs.push(entry.path());
            } else if meta.modified().is_ok_and(|at| at < cutoff) {
                found.push(entry.path());
            }
        }
    }
    found
}
