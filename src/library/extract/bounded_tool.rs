//! Runs an extraction program with a time limit and reads what it prints
//! up to a byte limit, killing it past that: a small ZIP that unpacks to
//! gigabytes (a "zip bomb") or a PDF that makes `pdftotext` print forever
//! costs Kolega at most the limit in memory, never more.

use std::process::Stdio;
use std::time::Duration;

use tokio::io::AsyncReadExt;
use tokio::process::{Child, Command};

/// What a program printed, at most the limit.
#[derive(Debug)]
pub struct Printed {
    pub bytes: Vec<u8>,
    /// It had more to say and was killed at the limit.
    pub cut: bool,
}

pub enum Failure {
    /// The program is not installed.
    Missing,
    /// It failed, could not start, or ran out of time.
    Failed,
}

/// Runs `program` with `args`; its output if it succeeded or was cut at
/// `max_bytes`, which is enough to index what it printed until then.
pub async fn run(
    program: &str,
    args: &[String],
    max_bytes: usize,
    time_limit: Duration,
) -> Result<Printed, Failure> {
    let child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        // Dropped at the time limit, the program goes too.
        .kill_on_drop(true)
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Err(Failure::Missing);
        }
        Err(_) => return Err(Failure::Failed),
    };
    let finished = tokio::time::timeout(time_limit, async {
        let printed = read_capped(&mut child, max_bytes).await?;
        let status = child.wait().await?;
        Ok::<_, std::io::Error>((printed, status))
    })
    .await;
    match finished {
        Ok(Ok((printed, _))) if printed.cut => Ok(printed),
        Ok(Ok((printed, status))) if status.success() => Ok(printed),
        _ => Err(Failure::Failed),
    }
}

/// Reads the child's output into a buffer that never grows past
/// `max_bytes`; with more to come, the child is killed (and reaped) and
/// what was read is returned as cut.
pub async fn read_capped(child: &mut Child, max_bytes: usize) -> std::io::Result<Printed> {
    let mut stdout = child
        .stdout
        .take()
        .ok_or_else(|| std::io::Error::other("the output is not piped"))?;
    let mut bytes: Vec<u8> = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let read = stdout.read(&mut chunk).await?;
        if read == 0 {
            return Ok(Printed { bytes, cut: false });
        }
        let room = max_bytes - bytes.len();
        let kept = read.min(room);
        // Grown by doubling but never past the limit.
        if bytes.len() + kept > bytes.capacity() {
            let wanted = (bytes.capacity() * 2).clamp(bytes.len() + kept, max_bytes);
            bytes.reserve_exact(wanted - bytes.len());
        }
        bytes.extend_from_slice(&chunk[..kept]);
        if read > room {
            child.kill().await?;
            return Ok(Printed { bytes, cut: true });
        }
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::process::ExitStatusExt;

    use super::*;

    fn endless_output() -> Child {
        Command::new("cat")
            .arg("/dev/zero")
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("cat is on every machine")
    }

    #[tokio::test]
    async fn endless_output_is_read_to_the_limit_and_the_program_killed() {
        let mut child = endless_output();

        let printed = read_capped(&mut child, 3 * 1024 * 1024 + 17).await.unwrap();

        assert!(printed.cut);
        assert_eq!(printed.bytes.len(), 3 * 1024 * 1024 + 17);
        assert!(
            printed.bytes.capacity() <= 3 * 1024 * 1024 + 17,
            "the buffer never grows past the limit"
        );
        let status = child.try_wait().unwrap().expect("killed and reaped");
        assert_eq!(status.signal(), Some(libc::SIGKILL));
    }

    #[tokio::test]
    async fn output_within_the_limit_is_read_whole() {
        let printed = run(
            "printf",
            &["Za%sštita".into(), "".into()],
            100,
            Duration::from_secs(60),
        )
        .await
        .ok()
        .expect("printf runs");
        assert!(!printed.cut);
        assert_eq!(printed.bytes, "Zaštita".as_bytes());

        let exact = run("printf", &["12345".into()], 5, Duration::from_secs(60))
            .await
            .ok()
            .expect("printf runs");
        assert!(!exact.cut, "exactly the limit is whole");
        assert_eq!(exact.bytes, b"12345");
    }

    #[tokio::test]
    async fn a_program_cut_at_the_limit_gives_what_it_printed() {
        let printed = run("cat", &["/dev/zero".into()], 1000, Duration::from_secs(60))
            .await
            .ok()
            .expect("cut, not failed");
        assert!(printed.cut);
        assert_eq!(printed.bytes.len(), 1000);
    }

    #[tokio::test]
    async fn a_failing_or_missing_program_is_told_apart() {
        assert!(matches!(
            run("false", &[], 100, Duration::from_secs(60)).await,
            Err(Failure::Failed)
        ));
        assert!(matches!(
            run("kolega-no-such-tool", &[], 100, Duration::from_secs(60)).await,
            Err(Failure::Missing)
        ));
    }
}
