//! A file's size as a person reads it next to a download button: whole
//! bytes and kilobytes, one decimal for megabytes ("340 KB", "1.2 MB").
//! Units are powers of 1024, as file managers on phones show them.

/// `bytes` in B, KB or MB with a `.` decimal point; the caller puts the
/// reader's decimal separator in.
pub fn human(bytes: i64) -> String {
    const KB: f64 = 1024.0;
    let value = bytes.max(0) as f64;
    if value < KB {
        format!("{} B", bytes.max(0))
    } else if value < KB * KB {
        format!("{} KB", (value / KB).round() as i64)
    } else {
        let megabytes = format!("{:.1}", value / (KB * KB));
        format!("{} MB", megabytes.trim_end_matches(".0"))
    }
}

#[cfg(test)]
mod tests {
    use super::human;

    #[test]
    fn sizes_read_like_a_file_manager() {
        assert_eq!(human(0), "0 B");
        assert_eq!(human(812), "812 B");
        assert_eq!(human(348_000), "340 KB");
        assert_eq!(human(1_258_291), "1.2 MB");
        assert_eq!(human(25 * 1024 * 1024), "25 MB");
    }
}
