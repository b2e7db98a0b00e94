//! Word files built by the tests: a real ZIP archive (deflated entries,
//! CRCs, central directory) that `unzip` reads like any other, and a "zip
//! bomb" — a DOCX of a few megabytes whose `word/document.xml` unpacks to
//! a gigabyte. The bomb's deflate stream is written by hand: one block of
//! back-references that copy the last paragraph again and again, repeated
//! byte for byte, so it costs no compression time to make.

use std::io::Write;

use flate2::Crc;
use flate2::write::DeflateEncoder;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const DOCUMENT_START: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#;
const DOCUMENT_END: &str = "</w:body></w:document>";

/// A DOCX whose body is `paragraphs` (WordprocessingML, `w:p` elements).
pub fn docx(paragraphs: &str) -> Vec<u8> {
    let document = format!("{DOCUMENT_START}{paragraphs}{DOCUMENT_END}");
    zip(&[
        Entry::deflated("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        Entry::deflated("word/document.xml", document.as_bytes()),
    ])
}

/// The paragraph the bomb repeats: exactly 64 bytes, its word split over
/// two runs as Word does.
pub const BOMB_PARAGRAPH: &str = "<w:p><w:r><w:t>Za</w:t></w:r><w:r><w:t>štita </w:t></w:r></w:p>";

/// A DOCX whose `word/document.xml` unpacks to at least `unpacked` bytes
/// (below 4 GiB, the limit of a ZIP without its 64-bit extension) of
/// `BOMB_PARAGRAPH` over and over.
pub fn docx_bomb(unpacked: u64) -> Vec<u8> {
    assert_eq!(BOMB_PARAGRAPH.len(), 64);
    assert!(unpacked < u32::MAX as u64);
    let head = format!("{DOCUMENT_START}{BOMB_PARAGRAPH}");
    let block = copy_block();
    let copied_per_block = COPIES_PER_BLOCK as u64 * 258;
    let blocks = unpacked.div_ceil(copied_per_block);

    let mut deflated = stored_block(head.as_bytes(), false);
    for _ in 0..blocks {
        deflated.extend_from_slice(&block);
    }
    deflated.extend_from_slice(&stored_block(DOCUMENT_END.as_bytes(), true));

    // The same bytes, counted and checksummed as unzip will see them.
    let mut crc = Crc::new();
    crc.update(head.as_bytes());
    let repeated: Vec<u8> = BOMB_PARAGRAPH.as_bytes().repeat(1024);
    let mut left = blocks * copied_per_block;
    while left > 0 {
        let take = left.min(repeated.len() as u64) as usize;
        crc.update(&repeated[..take]);
        left -= take as u64;
    }
    crc.update(DOCUMENT_END.as_bytes());
    let size = head.len() as u64 + blocks * copied_per_block + DOCUMENT_END.len() as u64;

    zip(&[
        Entry::deflated("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        Entry {
            name: "word/document.xml",
            data: deflated,
            crc: crc.sum(),
            size: u32::try_from(size).expect("below 4 GiB"),
        },
    ])
}

/// Back-references per block: 6 more than a multiple of 8 makes the block
/// (3 header bits, 17 bits a copy, 7 for its end) a whole number of bytes,
/// so the same bytes can follow one another.
const COPIES_PER_BLOCK: u32 = 8 * 250 + 6;

/// A deflate block with fixed codes: `COPIES_PER_BLOCK` copies of 258
/// bytes from 64 back, i.e. the paragraph again and again.
fn copy_block() -> Vec<u8> {
    let mut bits = Bits::default();
    bits.put(0, 1); // not the last block
    bits.put(1, 2); // fixed Huffman codes
    for _ in 0..COPIES_PER_BLOCK {
        bits.put_code(0b1100_0101, 8); // length 258 (symbol 285)
        bits.put_code(11, 5); // distance 49–64 …
        bits.put(64 - 49, 4); // … 64
    }
    bits.put_code(0, 7); // end of block (symbol 256)
    assert_eq!(bits.used, 0, "the block ends on a byte boundary");
    bits.bytes
}

/// A deflate block that holds `data` as it is (byte-aligned at its start).
fn stored_block(data: &[u8], last: bool) -> Vec<u8> {
    let len = u16::try_from(data.len()).unwrap();
    let mut block = vec![u8::from(last)];
    block.extend_from_slice(&len.to_le_bytes());
    block.extend_from_slice(&(!len).to_le_bytes());
    block.extend_from_slice(data);
    block
}

/// Deflate's bit order: values from their lowest bit, Huffman codes from
/// their highest.
#[derive(Default)]
struct Bits {
    bytes: Vec<u8>,
    used: u32,
}

impl Bits {
    fn put(&mut self, value: u32, count: u32) {
        for i in 0..count {
            if self.used == 0 {
                self.bytes.push(0);
            }
            let bit = ((value >> i) & 1) as u8;
            *self.bytes.last_mut().unwrap() |= bit << self.used;
            self.used = (self.used + 1) % 8;
        }
    }

    fn put_code(&mut self, code: u32, count: u32) {
        for i in (0..count).rev() {
            self.put((code >> i) & 1, 1);
        }
    }
}

struct Entry {
    name: &'static str,
    /// Deflated.
    data: Vec<u8>,
    crc: u32,
    size: u32,
}

impl Entry {
    fn deflated(name: &'static str, content: &[u8]) -> Entry {
        let mut encoder = DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(content).unwrap();
        let mut crc = Crc::new();
        crc.update(content);
        Entry {
            name,
            data: encoder.finish().unwrap(),
            crc: crc.sum(),
            size: content.len() as u32,
        }
    }
}

/// A ZIP archive: each entry's local header and data, then the central
/// directory and its end record.
fn zip(entries: &[Entry]) -> Vec<u8> {
    fn header(out: &mut Vec<u8>, entry: &Entry) {
        out.extend_from_slice(&20u16.to_le_bytes()); // version needed: 2.0
        out.extend_from_slice(&0u16.to_le_bytes()); // flags
        out.extend_from_slice(&8u16.to_le_bytes()); // deflated
        out.extend_from_slice(&0u16.to_le_bytes()); // time 00:00
        out.extend_from_slice(&0x21u16.to_le_bytes()); // date 1980-01-01
        out.extend_from_slice(&entry.crc.to_le_bytes());
        out.extend_from_slice(&(entry.data.len() as u32).to_le_bytes());
        out.extend_from_slice(&entry.size.to_le_bytes());
        out.extend_from_slice(&(entry.name.len() as u16).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes()); // no extra field
    }
    let mut out = Vec::new();
    let mut offsets = Vec::new();
    for entry in entries {
        offsets.push(out.len() as u32);
        out.extend_from_slice(b"PK\x03\x04");
        header(&mut out, entry);
        out.extend_from_slice(entry.name.as_bytes());
        out.extend_from_slice(&entry.data);
    }
    let directory = out.len() as u32;
    for (entry, offset) in entries.iter().zip(offsets) {
        out.extend_from_slice(b"PK\x01\x02");
        out.extend_from_slice(&20u16.to_le_bytes()); // made by: 2.0
        header(&mut out, entry);
        out.extend_from_slice(&0u16.to_le_bytes()); // no comment
        out.extend_from_slice(&0u16.to_le_bytes()); // disk 0
        out.extend_from_slice(&0u16.to_le_bytes()); // internal attributes
        out.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        out.extend_from_slice(&offset.to_le_bytes());
        out.extend_from_slice(entry.name.as_bytes());
    }
    let directory_size = out.len() as u32 - directory;
    out.extend_from_slice(b"PK\x05\x06");
    out.extend_from_slice(&0u16.to_le_bytes()); // this disk
    out.extend_from_slice(&0u16.to_le_bytes()); // the directory's disk
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&directory_size.to_le_bytes());
    out.extend_from_slice(&directory.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // no comment
    out
}
