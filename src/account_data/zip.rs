//! A minimal ZIP writer: a few files, deflated, in memory.
//!
//! Written by hand because the member's archive needs only this much —
//! two files of a few megabytes at most — and the `zip` crate would bring
//! a dozen compression and encryption crates for it. Deflate and CRC-32
//! come from flate2, already in the tree through tower-http. The format
//! is APPNOTE 6.3: per file a local header and the deflated bytes, then
//! the central directory and its end record. Names are UTF-8 (flag bit
//! 11); sizes are known before each header is written, so no data
//! descriptors and no ZIP64 (an archive past 4 GiB is refused).

use std::io::{self, Write};

use chrono::{Datelike, NaiveDateTime, Timelike};
use flate2::Crc;
use flate2::write::DeflateEncoder;

const LOCAL_HEADER: u32 = 0x0403_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_OF_CENTRAL_DIRECTORY: u32 = 0x0605_4b50;
/// 2.0: deflate.
const VERSION: u16 = 20;
/// Bit 11: file names are UTF-8.
const UTF8_NAMES: u16 = 1 << 11;
const DEFLATE: u16 = 8;

/// What the central directory repeats about one file.
struct Entry {
    name: String,
    crc: u32,
    compressed: u32,
    size: u32,
    offset: u32,
}

pub struct ZipWriter {
    out: Vec<u8>,
    entries: Vec<Entry>,
    /// MS-DOS time and date, the format's only timestamp.
    time: u16,
    date: u16,
}

impl ZipWriter {
    /// An archive whose files are all dated `modified` (local time, as
    /// unzip tools show it).
    pub fn new(modified: NaiveDateTime) -> ZipWriter {
        // DOS dates start in 1980 and count seconds in twos.
        let year = modified.year().clamp(1980, 2107) as u16;
        ZipWriter {
            out: Vec::new(),
            entries: Vec::new(),
            time: ((modified.hour() as u16) << 11)
                | ((modified.minute() as u16) << 5)
                | (modified.second() as u16 / 2),
            date: ((year - 1980) << 9) | ((modified.month() as u16) << 5) | modified.day() as u16,
        }
    }

    /// Adds a file, deflated.
    pub fn add(&mut self, name: &str, content: &[u8]) -> io::Result<()> {
        let mut crc = Crc::new();
        crc.update(content);
        let mut encoder = DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(content)?;
        let deflated = encoder.finish()?;
        let entry = Entry {
            name: name.to_owned(),
            crc: crc.sum(),
            compressed: fits(deflated.len())?,
            size: fits(content.len())?,
            offset: fits(self.out.len())?,
        };
        let name_length = fits_u16(name.len())?;
        self.u32(LOCAL_HEADER);
        self.u16(VERSION);
        self.u16(UTF8_NAMES);
        self.u16(DEFLATE);
        self.u16(self.time);
        self.u16(self.date);
        self.u32(entry.crc);
        self.u32(entry.compressed);
        self.u32(entry.size);
        self.u16(name_length);
        self.u16(0); // no extra field
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(&deflated);
        self.entries.push(entry);
        Ok(())
    }

    /// The central directory and the end record; returns the archive.
    pub fn finish(mut self) -> io::Result<Vec<u8>> {
        let start = fits(self.out.len())?;
        let entries = std::mem::take(&mut self.entries);
        for entry in &entries {
            self.u32(CENTRAL_HEADER);
            self.u16(VERSION); // made by: MS-DOS attributes, version 2.0
            self.u16(VERSION);
            self.u16(UTF8_NAMES);
            self.u16(DEFLATE);
            self.u16(self.time);
            self.u16(self.date);
            self.u32(entry.crc);
            self.u32(entry.compressed);
            self.u32(entry.size);
            self.u16(fits_u16(entry.name.len())?);
            self.u16(0); // extra field
            self.u16(0); // comment
            self.u16(0); // disk number
            self.u16(0); // internal attributes
            self.u32(0); // external attributes
            self.u32(entry.offset);
            self.out.extend_from_slice(entry.name.as_bytes());
        }
        let size = fits(self.out.len())? - start;
        let count = fits_u16(entries.len())?;
        self.u32(END_OF_CENTRAL_DIRECTORY);
        self.u16(0); // this disk
        self.u16(0); // the disk where the directory starts
        self.u16(count);
        self.u16(count);
        self.u32(size);
        self.u32(start);
        self.u16(0); // comment
        Ok(self.out)
    }

    fn u16(&mut self, value: u16) {
        self.out.extend_from_slice(&value.to_le_bytes());
    }

    fn u32(&mut self, value: u32) {
        self.out.extend_from_slice(&value.to_le_bytes());
    }
}

fn fits(value: usize) -> io::Result<u32> {
    u32::try_from(value).map_err(|_| io::Error::other("the archive would need ZIP64"))
}

fn fits_u16(value: usize) -> io::Result<u16> {
    u16::try_from(value).map_err(|_| io::Error::other("too long for a ZIP header"))
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use chrono::NaiveDate;
    use flate2::read::DeflateDecoder;

    use super::*;

    fn u16_at(bytes: &[u8], at: usize) -> u16 {
        u16::from_le_bytes([bytes[at], bytes[at + 1]])
    }

    fn u32_at(bytes: &[u8], at: usize) -> u32 {
        u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap())
    }

    /// Reads the archive back through its central directory, as unzip does.
    fn read_back(archive: &[u8]) -> Vec<(String, Vec<u8>, u16, u16)> {
        let end = archive.len() - 22;
        assert_eq!(u32_at(archive, end), END_OF_CENTRAL_DIRECTORY);
        let count = u16_at(archive, end + 10) as usize;
        let mut at = u32_at(archive, end + 16) as usize;
        let mut files = Vec::new();
        for _ in 0..count {
            assert_eq!(u32_at(archive, at), CENTRAL_HEADER);
            let crc = u32_at(archive, at + 16);
            let compressed = u32_at(archive, at + 20) as usize;
            let size = u32_at(archive, at + 24) as usize;
            let name_length = u16_at(archive, at + 28) as usize;
            let offset = u32_at(archive, at + 42) as usize;
            let name = String::from_utf8(archive[at + 46..at + 46 + name_length].to_vec()).unwrap();
            assert_eq!(u32_at(archive, offset), LOCAL_HEADER);
            let data_start = offset + 30 + u16_at(archive, offset + 26) as usize;
            let mut content = Vec::new();
            DeflateDecoder::new(&archive[data_start..data_start + compressed])
                .read_to_end(&mut content)
                .unwrap();
            assert_eq!(content.len(), size);
            let mut check = Crc::new();
            check.update(&content);
            assert_eq!(check.sum(), crc, "{name}: CRC-32");
            files.push((
                name,
                content,
                u16_at(archive, offset + 10),
                u16_at(archive, offset + 12),
            ));
            at += 46 + name_length;
        }
        files
    }

    #[test]
    fn files_come_back_as_written_with_their_names_and_date() {
        let modified = NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(10, 30, 58)
            .unwrap();
        let mut zip = ZipWriter::new(modified);
        let page = "<p>Čuvaj se, Đorđe — ćirilica: Ђорђе</p>".repeat(200);
        zip.add("data.json", b"{\"a\": 1}").unwrap();
        zip.add("index.html", page.as_bytes()).unwrap();
        zip.add("prazno.txt", b"").unwrap();
        let archive = zip.finish().unwrap();

        let files = read_back(&archive);
        assert_eq!(files.len(), 3);
        assert_eq!(files[0].0, "data.json");
        assert_eq!(files[0].1, b"{\"a\": 1}");
        assert_eq!(files[1].0, "index.html");
        assert_eq!(files[1].1, page.as_bytes());
        assert_eq!(files[2].1, b"");
        // 10:30:58 and 23 November 2026 in MS-DOS form.
        assert_eq!(files[0].2, (10 << 11) | (30 << 5) | 29);
        assert_eq!(files[0].3, (46 << 9) | (11 << 5) | 23);
        assert!(archive.len() < page.len(), "the page is deflated");
    }
}
