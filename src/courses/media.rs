//! Audio and video a lesson may carry: what they are, told by their first
//! bytes (never by their name or the type the browser claims), and how
//! large they may be. A renamed program or a text file called `.mp4` is
//! none of these and is refused.

use crate::library::files::Accepted;

/// The largest audio or video file an author may upload. A request is cut
/// at `KOLEGA_REQUEST_TIMEOUT_SECONDS` (30 s by default), which bounds an
/// upload too: 100 MB in 30 s needs about 30 Mbit/s.
pub const MAX_MEDIA_BYTES: u64 = 100 * 1024 * 1024;

/// Lesson media for the file store.
pub const MEDIA: Accepted = Accepted {
    max_bytes: MAX_MEDIA_BYTES,
    sniff: sniff_media,
};

/// The content type of an audio or video file from its first bytes: MP4
/// and M4A (an ISO-BMFF `ftyp` box), WebM and Matroska (EBML), Ogg, MP3
/// (an ID3 tag or an MPEG audio frame header) and WAV (RIFF/WAVE).
pub fn sniff_media(head: &[u8]) -> Option<&'static str> {
    let contains = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    if head.len() >= 12 && &head[4..8] == b"ftyp" {
        return Some(match &head[8..12] {
            b"M4A " | b"M4B " | b"M4P " => "audio/mp4",
            _ => "video/mp4",
        });
    }
    if head.starts_with(b"\x1a\x45\xdf\xa3") {
        // The EBML header names its DocType within the first bytes.
        return Some(if contains(b"webm") {
            "video/webm"
        } else {
            "video/x-matroska"
        });
    }
    if head.starts_with(b"OggS") {
        return Some(if contains(b"\x80theora") {
            "video/ogg"
        } else {
            "audio/ogg"
        });
    }
    if head.len() >= 12 && head.starts_with(b"RIFF") && &head[8..12] == b"WAVE" {
        return Some("audio/wav");
    }
    if head.starts_with(b"ID3") || is_mp3_frame(head) {
        return Some("audio/mpeg");
    }
    None
}

/// An MPEG-1/2 Layer III frame header: eleven sync bits, a real version,
/// layer III, and a bitrate and sample rate that exist.
fn is_mp3_frame(head: &[u8]) -> bool {
    let [a, b, c, ..] = head else { return false };
    let sync = *a == 0xFF && b & 0xE0 == 0xE0;
    let version_known = (b >> 3) & 0b11 != 0b01;
    let layer_three = (b >> 1) & 0b11 == 0b01;
    let bitrate = c >> 4;
    let sample_rate = (c >> 2) & 0b11;
    sync && version_known && layer_three && bitrate != 0 && bitrate != 0xF && sample_rate != 0b11
}

/// Played in a `<video>` element (else `<audio>`).
pub fn is_video(content_type: &str) -> bool {
    content_type.starts_with("video/")
}

/// The extension a download of this type is named with.
pub fn extension(content_type: &str) -> &'static str {
    match content_type {
        "audio/mp4" => "m4a",
        "video/mp4" => "mp4",
        "video/webm" => "webm",
        "video/x-matroska" => "mkv",
        "video/ogg" => "ogv",
        "audio/ogg" => "ogg",
        "audio/wav" => "wav",
        "audio/mpeg" => "mp3",
        _ => "bin",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_is_told_by_its_first_bytes() {
        let mp4 = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41";
        assert_eq!(sniff_media(mp4), Some("video/mp4"));
        assert_eq!(
            sniff_media(b"\x00\x00\x00\x1cftypM4A \x00\x00\x00\x00"),
            Some("audio/mp4")
        );
        let webm = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm\x42\x87";
        assert_eq!(sniff_media(webm), Some("video/webm"));
        let mkv = b"\x1a\x45\xdf\xa3\xa3\x42\x86\x81\x01\x42\x82\x88matroska";
        assert_eq!(sniff_media(mkv), Some("video/x-matroska"));
        assert_eq!(
            sniff_media(b"OggS\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00\x01\x13OpusHead"),
            Some("audio/ogg")
        );
        assert_eq!(
            sniff_media(b"OggS\x00\x02........\x80theora"),
            Some("video/ogg")
        );
        assert_eq!(
            sniff_media(b"RIFF\x24\x08\x00\x00WAVEfmt "),
            Some("audio/wav")
        );
        assert_eq!(
            sniff_media(b"ID3\x04\x00\x00\x00\x00\x00\x00"),
            Some("audio/mpeg")
        );
        // A bare MPEG-1 Layer III frame, 128 kbit/s at 44.1 kHz.
        assert_eq!(sniff_media(b"\xff\xfb\x90\x64\x00\x00"), Some("audio/mpeg"));
    }

    #[test]
    fn what_only_looks_like_media_by_name_is_refused() {
        // A Windows program, a script, a text file, a PDF, a PNG, a ZIP.
        for head in [
            &b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"[..],
            b"#!/bin/sh\nrm -rf /\n",
            b"This is not a video, only text called lesson.mp4\n",
            b"%PDF-1.7\n",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR",
            b"PK\x03\x04\x14\x00",
            b"RIFF\x24\x08\x00\x00AVI LIST",
            // Sync bits with a reserved layer, a free bitrate, a bad rate.
            b"\xff\xf9\x90\x64",
            b"\xff\xfb\xf0\x64",
            b"\xff\xfb\x9c\x64",
            b"",
        ] {
            assert_eq!(sniff_media(head), None, "{head:?}");
        }
    }

    #[test]
    fn players_and_names_follow_the_type() {
        assert!(is_video("video/webm") && !is_video("audio/mpeg"));
        assert_eq!(extension("audio/mpeg"), "mp3");
        assert_eq!(extension("video/mp4"), "mp4");
    }
}
