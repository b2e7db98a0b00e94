//! The uploaded bytes as text. Files come from Excel as often as from
//! anything else: "CSV UTF-8" (with a byte-order mark), "Unicode text"
//! (UTF-16 with one), or plain "CSV", which Excel writes in the system's
//! ANSI code page — Windows-1250 for Serbian Latin. Bytes that are valid
//! UTF-8 are UTF-8: for Windows-1250 text to pass as UTF-8, every one of
//! its letters č ć đ š ž would have to stand in a valid multi-byte
//! sequence with its neighbours, which a real file's text does not do.
//! Anything else is read as Windows-1250, which maps every byte; the
//! preview says which was used, and shows the names, before anything is
//! written.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1250};

/// How the bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1250,
}

impl TextEncoding {
    /// The name people know it by (the same in every language).
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 (BOM)",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Windows1250 => "Windows-1250",
        }
    }
}

/// The decoded text (without a byte-order mark) and how it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub encoding: TextEncoding,
}

/// Why the bytes are not text we can store: malformed UTF-8 after a UTF-8
/// byte-order mark, malformed UTF-16, or a NUL character (PostgreSQL
/// cannot store it in text; it is also what UTF-16 without a byte-order
/// mark looks like). `line` is where, 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Undecodable {
    pub line: usize,
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, Undecodable> {
    let (encoding, decoder, rest) = match Encoding::for_bom(bytes) {
        Some((mark, length)) => {
            let encoding = if mark == UTF_8 {
                TextEncoding::Utf8Bom
            } else if mark == UTF_16LE {
                TextEncoding::Utf16Le
            } else {
                debug_assert_eq!(mark, UTF_16BE);
                TextEncoding::Utf16Be
            };
            // The mark names the encoding: bytes it cannot read are an
            // error below, not a reason to guess another.
            (encoding, mark, &bytes[length..])
        }
        None if std::str::from_utf8(bytes).is_ok() => (TextEncoding::Utf8, UTF_8, bytes),
        None => (TextEncoding::Windows1250, WINDOWS_1250, bytes),
    };
    let (text, malformed) = decoder.decode_without_bom_handling(rest);
    let fault = if malformed {
        text.find('\u{fffd}')
    } else {
        text.find('\0')
    };
    if let Some(at) = fault {
        return Err(Undecodable {
            line: line_at(&text, at),
        });
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding,
    })
}

/// The 1-based line of a byte offset.
fn line_at(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    const SERBIAN: &str = "naziv;opština\nŠ đ č ć ž;Čačak, Đakovica, Žabalj\n";

    #[test]
    fn windows_1250_from_excel_is_read_with_its_serbian_letters() {
        let (bytes, _, unmappable) = WINDOWS_1250.encode(SERBIAN);
        assert!(!unmappable);
        assert!(std::str::from_utf8(&bytes).is_err(), "not UTF-8 by chance");
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, SERBIAN);
        assert_eq!(decoded.encoding, TextEncoding::Windows1250);
    }

    #[test]
    fn utf8_with_or_without_a_byte_order_mark() {
        let plain = decode(SERBIAN.as_bytes()).unwrap();
        assert_eq!(
            (plain.text.as_str(), plain.encoding),
            (SERBIAN, TextEncoding::Utf8)
        );
        let marked = decode(format!("\u{feff}{SERBIAN}").as_bytes()).unwrap();
        assert_eq!(
            (marked.text.as_str(), marked.encoding),
            (SERBIAN, TextEncoding::Utf8Bom),
            "the mark is not part of the first column's name"
        );
        // After a UTF-8 mark, a stray Windows-1250 byte is an error.
        assert_eq!(
            decode(b"\xef\xbb\xbfname\n\xe8a\n"),
            Err(Undecodable { line: 2 })
        );
    }

    #[test]
    fn utf16_with_a_byte_order_mark() {
        let mut little = vec![0xff, 0xfe];
        let mut big = vec![0xfe, 0xff];
        for unit in SERBIAN.encode_utf16() {
            little.extend_from_slice(&unit.to_le_bytes());
            big.extend_from_slice(&unit.to_be_bytes());
        }
        let decoded = decode(&little).unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            (SERBIAN, TextEncoding::Utf16Le)
        );
        let decoded = decode(&big).unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            (SERBIAN, TextEncoding::Utf16Be)
        );
        // An unpaired surrogate on the second line.
        let mut broken = vec![0xff, 0xfe, b'a', 0, b'\n', 0, 0x00, 0xd8, b'b', 0];
        assert_eq!(decode(&broken), Err(Undecodable { line: 2 }));
        // Without a mark, UTF-16 is full of NULs: refused, not misread.
        broken.drain(..2);
        assert_eq!(decode(&broken), Err(Undecodable { line: 1 }));
    }

    #[test]
    fn a_nul_character_is_refused_with_its_line() {
        assert_eq!(decode(b"name\n\na\0\n"), Err(Undecodable { line: 3 }));
        assert_eq!(
            decode(b"name\n\xe8\n\0"),
            Err(Undecodable { line: 3 }),
            "in Windows-1250 too"
        );
    }
}
