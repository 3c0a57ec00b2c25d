//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1258, and a lossy mode.
//!
//! The decoded text keeps a map back to the input bytes, so records point at the original bytes
//! whatever the encoding.

use std::borrow::Cow;

use super::offsets::OffsetMap;

/// How input bytes are to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EncodingChoice {
    /// UTF-8 or a BOM-marked UTF-16; other bytes are an error unless they read as Windows-1258.
    #[default]
    Auto,
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1258,
}

impl EncodingChoice {
    pub fn parse(name: &str) -> Option<Self> {
        Some(match name.to_ascii_lowercase().replace('_', "-").as_str() {
            "auto" => Self::Auto,
            "utf-8" | "utf8" => Self::Utf8,
            "utf-16le" | "utf16le" => Self::Utf16Le,
            "utf-16be" | "utf16be" => Self::Utf16Be,
            "windows-1258" | "cp1258" => Self::Windows1258,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct DecodeOptions {
    pub encoding: EncodingChoice,
    /// Replace invalid UTF-8 by U+FFFD instead of failing the file.
    pub lossy: bool,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("binary file (NUL byte at offset {0}), skipped")]
    Binary(usize),
    #[error("invalid UTF-8 at byte offset {0} (use --lossy to replace bad bytes, or --encoding)")]
    InvalidUtf8(usize),
    #[error("invalid UTF-16 (odd number of bytes)")]
    OddUtf16,
}

/// Decoded text and the map from its byte positions to the input's.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub map: OffsetMap,
    /// The encoding read, when it was not UTF-8 (records then note it).
    pub transcoded_from: Option<&'static str>,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn decode(bytes: &[u8], opts: DecodeOptions) -> Result<Decoded<'_>, DecodeError> {
    match opts.encoding {
        EncodingChoice::Utf16Le => return Ok(utf16(strip(bytes, b"\xFF\xFE"), true)),
        EncodingChoice::Utf16Be => return Ok(utf16(strip(bytes, b"\xFE\xFF"), false)),
        EncodingChoice::Windows1258 => return Ok(windows_1258(bytes)),
        EncodingChoice::Auto | EncodingChoice::Utf8 => {}
    }
    if opts.encoding == EncodingChoice::Auto {
        if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
            return Ok(utf16((2, rest), true));
        }
        if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
            return Ok(utf16((2, rest), false));
        }
    }
    let (bom, body) = strip(bytes, UTF8_BOM);
    if let Some(nul) = memchr::memchr(0, body) {
        return Err(DecodeError::Binary(bom + nul));
    }
    let map = if bom > 0 {
        OffsetMap::from_units([(0, bom)])
    } else {
        OffsetMap::default()
    };
    match simdutf8::basic::from_utf8(body) {
        Ok(text) => Ok(Decoded {
            text: Cow::Borrowed(text),
            map,
            transcoded_from: None,
        }),
        Err(_) => {
            // simdutf8's fast check has no position; the std check finds it on this rare path.
            let bad = std::str::from_utf8(body)
                .err()
                .map_or(0, |e| e.valid_up_to());
            if opts.lossy {
                Ok(lossy(bom, body))
            } else if opts.encoding == EncodingChoice::Auto && looks_like_windows_1258(body) {
                Ok(windows_1258(bytes))
            } else {
                Err(DecodeError::InvalidUtf8(bom + bad))
            }
        }
    }
}

fn strip<'a>(bytes: &'a [u8], bom: &[u8]) -> (usize, &'a [u8]) {
    match bytes.strip_prefix(bom) {
        Some(rest) => (bom.len(), rest),
        None => (0, bytes),
    }
}

fn utf16((bom, body): (usize, &[u8]), little_endian: bool) -> Decoded<'static> {
    let units = body.chunks(2).map(|p| {
        let pair = [p[0], *p.get(1).unwrap_or(&0)];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut text = String::with_capacity(body.len());
    let mut lens = vec![(0, bom)];
    for c in char::decode_utf16(units) {
        let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
        text.push(c);
        lens.push((c.len_utf8(), c.len_utf16() * 2));
    }
    Decoded {
        text: Cow::Owned(text),
        map: OffsetMap::from_units(lens),
        transcoded_from: Some(if little_endian {
            "UTF-16LE"
        } else {
            "UTF-16BE"
        }),
    }
}

fn windows_1258(bytes: &[u8]) -> Decoded<'static> {
    let enc = encoding_rs::WINDOWS_1258;
    let mut text = String::with_capacity(bytes.len() * 2);
    let mut lens = Vec::with_capacity(bytes.len());
    for &b in bytes {
        let (c, _) = enc.decode_without_bom_handling(std::slice::from_ref(&b));
        text.push_str(&c);
        lens.push((c.len(), 1));
    }
    Decoded {
        text: Cow::Owned(text),
        map: OffsetMap::from_units(lens),
        transcoded_from: Some("windows-1258"),
    }
}

/// Windows-1258 Vietnamese writes tones as combining bytes 0xCC, 0xEC, 0xD2, 0xDE, 0xF2 after a
/// vowel; in invalid UTF-8 those bytes standing after ASCII vowels are a strong sign.
fn looks_like_windows_1258(body: &[u8]) -> bool {
    let tone_after_vowel = body
        .windows(2)
        .filter(|w| {
            b"aeiouyAEIOUY".contains(&w[0]) && matches!(w[1], 0xCC | 0xEC | 0xD2 | 0xDE | 0xF2)
        })
        .count();
    tone_after_vowel >= 3
}

fn lossy(bom: usize, body: &[u8]) -> Decoded<'static> {
    let mut text = String::with_capacity(body.len());
    let mut lens = vec![(0, bom)];
    for chunk in body.utf8_chunks() {
        text.push_str(chunk.valid());
        lens.push((chunk.valid().len(), chunk.valid().len()));
        if !chunk.invalid().is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
            lens.push((3, chunk.invalid().len()));
        }
    }
    Decoded {
        text: Cow::Owned(text),
        map: OffsetMap::from_units(lens),
        transcoded_from: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auto(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
        decode(bytes, DecodeOptions::default())
    }

    #[test]
    fn utf8_bom_is_skipped_and_offsets_count_it() {
        let d = auto(b"\xEF\xBB\xBFab").unwrap();
        assert_eq!(d.text, "ab");
        assert_eq!((d.map.start(0), d.map.end(2)), (3, 5));
    }

    #[test]
    fn utf16_both_byte_orders() {
        let le: Vec<u8> = b"\xFF\xFE"
            .iter()
            .copied()
            .chain("Đảng".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = b"\xFE\xFF"
            .iter()
            .copied()
            .chain("Đảng".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        for bytes in [&le, &be] {
            let d = auto(bytes).unwrap();
            assert_eq!(d.text, "Đảng");
            let g = d.text.find('g').unwrap();
            assert_eq!((d.map.start(g), d.map.end(g + 1)), (8, 10));
        }
    }

    #[test]
    fn invalid_utf8_names_the_first_bad_byte() {
        assert_eq!(auto(b"ab\xFFcd").unwrap_err(), DecodeError::InvalidUtf8(2));
        let lossy = decode(
            b"ab\xFFcd",
            DecodeOptions {
                lossy: true,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(lossy.text, "ab\u{FFFD}cd");
        assert_eq!((lossy.map.start(5), lossy.map.end(6)), (3, 4));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(auto(b"ab\0").unwrap_err(), DecodeError::Binary(2));
    }

    #[test]
    fn windows_1258_is_detected_and_mapped() {
        // "Hòa Bình, Tỉnh ủy, hoàn" with tones as combining bytes (0xCC grave, 0xD2 hook).
        let bytes = b"Ho\xCCa Bi\xCCnh, Ti\xD2nh u\xD2y, hoa\xCCn";
        let d = auto(bytes).unwrap();
        assert_eq!(d.transcoded_from, Some("windows-1258"));
        assert!(d.text.starts_with("Ho\u{300}a"));
        let b = d.text.find('B').unwrap();
        assert_eq!(d.map.start(b), 5);
    }
}
