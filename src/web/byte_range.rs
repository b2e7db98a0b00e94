//! Which bytes a `Range` request asks for (RFC 9110 §14.1–14.2), so media
//! plays and seeks in the browser. One range only: a `<video>` or `<audio>`
//! element asks for one at a time, and a server may answer a multi-range
//! request with the whole file, which is what we do.
//!
//! Written here rather than taken from `http-range-header` (already in the
//! tree under tower-http's `fs`): those few rules are all we need, and a
//! direct dependency for them would be more to keep than this file.

/// What to send for a request against a file of known size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ByteRange {
    /// No (usable) range: the whole file, 200.
    Whole,
    /// Bytes `start..=end`, 206 with `Content-Range`.
    Part { start: u64, end: u64 },
    /// A well-formed range that starts past the end: 416.
    Unsatisfiable,
}

impl ByteRange {
    /// The range a `Range` header value asks of `size` bytes. Anything but
    /// one well-formed `bytes=` range is ignored (the whole file), as the
    /// RFC allows; a syntactically valid range outside the file is 416.
    pub fn of(header: Option<&str>, size: u64) -> ByteRange {
        let Some(spec) = header.and_then(|h| h.trim().strip_prefix("bytes=")) else {
            return ByteRange::Whole;
        };
        if spec.contains(',') {
            return ByteRange::Whole;
        }
        let Some((first, last)) = spec.trim().split_once('-') else {
            return ByteRange::Whole;
        };
        let number = |text: &str| -> Option<Option<u64>> {
            let text = text.trim();
            if text.is_empty() {
                Some(None)
            } else if text.bytes().all(|b| b.is_ascii_digit()) {
                // Too many digits for u64 is still "a number past the end".
                Some(Some(text.parse().unwrap_or(u64::MAX)))
            } else {
                None
            }
        };
        let (Some(first), Some(last)) = (number(first), number(last)) else {
            return ByteRange::Whole;
        };
        match (first, last) {
            // bytes=a-b and bytes=a-
            (Some(start), last) => {
                if last.is_some_and(|last| last < start) {
                    return ByteRange::Whole;
                }
                if start >= size {
                    return ByteRange::Unsatisfiable;
                }
                let end = last.map_or(size - 1, |last| last.min(size - 1));
                ByteRange::Part { start, end }
            }
            // bytes=-n: the last n bytes (all of them when n ≥ size)
            (None, Some(suffix)) => {
                if suffix == 0 || size == 0 {
                    return ByteRange::Unsatisfiable;
                }
                ByteRange::Part {
                    start: size - suffix.min(size),
                    end: size - 1,
                }
            }
            (None, None) => ByteRange::Whole,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ByteRange::{self, Part, Unsatisfiable, Whole};

    #[test]
    fn the_three_forms_of_a_range() {
        let of = |h: &str| ByteRange::of(Some(h), 1000);
        assert_eq!(of("bytes=0-99"), Part { start: 0, end: 99 });
        assert_eq!(
            of("bytes=500-"),
            Part {
                start: 500,
                end: 999
            }
        );
        assert_eq!(
            of("bytes=-100"),
            Part {
                start: 900,
                end: 999
            }
        );
        assert_eq!(
            of("bytes=999-999"),
            Part {
                start: 999,
                end: 999
            }
        );
        // An end past the file is cut to it; a suffix longer than the file
        // is the whole file, as a part.
        assert_eq!(
            of("bytes=900-5000"),
            Part {
                start: 900,
                end: 999
            }
        );
        assert_eq!(of("bytes=-5000"), Part { start: 0, end: 999 });
        assert_eq!(of(" bytes= 10 - 19 "), Part { start: 10, end: 19 });
    }

    #[test]
    fn past_the_end_is_unsatisfiable() {
        let of = |h: &str| ByteRange::of(Some(h), 1000);
        assert_eq!(of("bytes=1000-"), Unsatisfiable);
        assert_eq!(of("bytes=1000-2000"), Unsatisfiable);
        assert_eq!(of("bytes=99999999999999999999999-"), Unsatisfiable);
        assert_eq!(of("bytes=-0"), Unsatisfiable);
        assert_eq!(ByteRange::of(Some("bytes=0-"), 0), Unsatisfiable);
    }

    #[test]
    fn anything_else_is_the_whole_file() {
        let of = |h: &str| ByteRange::of(Some(h), 1000);
        assert_eq!(ByteRange::of(None, 1000), Whole);
        for header in [
            "items=0-9",
            "bytes=9-0",
            "bytes=0-9,20-29",
            "bytes=a-b",
            "bytes=-",
            "bytes=5",
            "bytes=+1-2",
            "",
        ] {
            assert_eq!(of(header), Whole, "{header:?}");
        }
    }
}
