//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, the legacy Vietnamese 8-bit
//! encodings (TCVN3, VNI, Windows-1258), and a lossy mode.
//!
//! The decoded text keeps a map back to the input bytes, so records point at the original bytes
//! whatever the encoding.

use std::borrow::Cow;

use super::legacy::{self, Units};
use super::offsets::OffsetMap;

/// How input bytes are to be read. Records of a file read in an encoding other than UTF-8 name
/// it in their `encoding` field; their offsets are still offsets in the input bytes.
///
/// ```
/// use baocao::{Encoding, Extractor};
///
/// assert_eq!(Encoding::parse("cp1258"), Some(Encoding::Windows1258));
/// let utf16: Vec<u8> = "Kết nạp 5 đảng viên".encode_utf16().flat_map(u16::to_le_bytes).collect();
/// let records = Extractor::new().encoding(Encoding::Utf16Le).extract("a.txt", &utf16)?;
/// assert_eq!(records[0].text, "Kết nạp 5 đảng viên");
/// assert_eq!((records[0].start, records[0].encoding), (0, Some("UTF-16LE")));
/// # Ok::<(), baocao::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EncodingChoice {
    /// UTF-8 or a BOM-marked UTF-16; other bytes are read in the legacy encoding that reads as
    /// the most Vietnamese, or are an error when none does.
    #[default]
    Auto,
    /// UTF-8 (a BOM is skipped).
    Utf8,
    /// UTF-16, little-endian (a BOM is skipped).
    Utf16Le,
    /// UTF-16, big-endian (a BOM is skipped).
    Utf16Be,
    /// Windows-1258 (CP1258), with its combining tone marks.
    Windows1258,
    /// TCVN3 (ABC), the 8-bit standard of old Vietnamese fonts (`.VnTime`).
    Tcvn3,
    /// VNI (VNI-Windows), letters and tone marks as separate bytes.
    Vni,
}

impl EncodingChoice {
    /// Each choice with its name and the other names it is known by (any case, `_` for `-`).
    const NAMES: [(EncodingChoice, &'static str, &'static [&'static str]); 7] = [
        (Self::Auto, "auto", &[]),
        (Self::Utf8, "utf-8", &["utf8"]),
        (Self::Utf16Le, "utf-16le", &["utf16le"]),
        (Self::Utf16Be, "utf-16be", &["utf16be"]),
        (Self::Windows1258, "windows-1258", &["cp1258"]),
        (Self::Tcvn3, "tcvn3", &["tcvn", "abc"]),
        (Self::Vni, "vni", &["vni-windows"]),
    ];

    /// The encoding named `name`: `auto`, `utf-8`, `utf-16le`, `utf-16be`, `windows-1258`
    /// (`cp1258`), `tcvn3` (`abc`), `vni`; any case, `_` for `-`.
    pub fn parse(name: &str) -> Option<Self> {
        let name = name.to_ascii_lowercase().replace('_', "-");
        Self::NAMES
            .iter()
            .find(|(_, n, aliases)| *n == name || aliases.contains(&name.as_str()))
            .map(|&(e, ..)| e)
    }
}

/// `--encoding`: the names and aliases of `EncodingChoice::NAMES`, with clap's list of values
/// and its suggestion of the nearest one for a wrong name.
#[cfg(feature = "cli")]
impl clap::ValueEnum for EncodingChoice {
    fn value_variants<'a>() -> &'a [Self] {
        static ALL: std::sync::LazyLock<Vec<EncodingChoice>> =
            std::sync::LazyLock::new(|| EncodingChoice::NAMES.iter().map(|n| n.0).collect());
        &ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let (_, name, aliases) = Self::NAMES.iter().find(|n| n.0 == *self)?;
        Some(clap::builder::PossibleValue::new(*name).aliases(aliases.iter().copied()))
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct DecodeOptions {
    pub encoding: EncodingChoice,
    /// Replace invalid UTF-8 by U+FFFD instead of failing the file.
    pub lossy: bool,
}

/// Why bytes could not be read as text.
///
/// ```
/// use baocao::{DecodeError, Extractor};
///
/// let extractor = Extractor::new();
/// assert_eq!(extractor.extract("a.bin", b"PK\x03\x04\x00"), Err(DecodeError::Binary(4)));
/// // Lossy reading replaces what is not UTF-8 instead.
/// assert!(extractor.lossy(true).extract("a.txt", b"ch\xC3 56").is_ok());
/// ```
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    /// A NUL byte, at this offset: not a text file.
    #[error("binary file (NUL byte at offset {0}), skipped")]
    Binary(usize),
    /// Invalid UTF-8 at this offset that no legacy encoding reads as Vietnamese.
    #[error("invalid UTF-8 at byte offset {0} (use --lossy to replace bad bytes, or --encoding)")]
    InvalidUtf8(usize),
    /// UTF-16 of an odd number of bytes.
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
        EncodingChoice::Windows1258 => {
            return Ok(transcoded(legacy::windows_1258(bytes), "windows-1258"));
        }
        EncodingChoice::Tcvn3 => return Ok(transcoded(legacy::tcvn3(bytes), "TCVN3")),
        EncodingChoice::Vni => return Ok(transcoded(legacy::vni(bytes), "VNI")),
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
            } else if let Some(d) = (opts.encoding == EncodingChoice::Auto && !mostly_utf8(body))
                .then(|| best_legacy(bytes))
                .flatten()
            {
                Ok(d)
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

fn transcoded(units: Units, name: &'static str) -> Decoded<'static> {
    let text: String = units.iter().map(|&(c, _)| c).collect();
    Decoded {
        text: Cow::Owned(text),
        map: OffsetMap::from_units(units.iter().map(|&(c, n)| (c.len_utf8(), n))),
        transcoded_from: Some(name),
    }
}

/// True when valid multi-byte UTF-8 characters outnumber the invalid sequences: UTF-8 with a few
/// damaged bytes, not a legacy 8-bit file (whose high bytes rarely form valid UTF-8).
fn mostly_utf8(body: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in body.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    valid > invalid
}

/// The legacy decoding that reads as the most Vietnamese, if any reads as Vietnamese at all.
fn best_legacy(bytes: &[u8]) -> Option<Decoded<'static>> {
    let candidates = [
        (legacy::tcvn3(bytes), "TCVN3"),
        (legacy::vni(bytes), "VNI"),
        (legacy::windows_1258(bytes), "windows-1258"),
    ];
    let (units, name) = candidates
        .into_iter()
        .map(|(units, name)| (legacy::vietnamese_score(&units), units, name))
        .filter(|(score, _, _)| *score >= 3)
        .max_by_key(|(score, _, _)| *score)
        .map(|(_, units, name)| (units, name))?;
    Some(transcoded(units, name))
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
    fn damaged_utf8_is_not_taken_for_a_legacy_encoding() {
        let article = include_str!("../../fixtures/articles/quang_an_2024.txt");
        let mut bytes = article.as_bytes().to_vec();
        let at = article.find("kết nạp").unwrap();
        bytes.splice(at..at, [0xFF, 0xFE]);
        assert_eq!(auto(&bytes).unwrap_err(), DecodeError::InvalidUtf8(at));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(auto(b"ab\0").unwrap_err(), DecodeError::Binary(2));
    }

    #[test]
    fn windows_1258_is_detected_and_mapped() {
        // "Tỉnh và các huyện của tỉnh" with tones as combining bytes (0xCC grave, 0xD2 hook, 0xEC acute).
        let bytes = b"Ti\xD2nh va\xCC ca\xECc huy\xEA\xD2n cu\xD2a ti\xD2nh";
        let d = auto(bytes).unwrap();
        assert_eq!(d.transcoded_from, Some("windows-1258"));
        assert!(d.text.starts_with("Ti\u{309}nh"));
        let v = d.text.find('v').unwrap();
        assert_eq!(d.map.start(v), 6);
    }

    #[test]
    fn tcvn3_and_vni_are_detected() {
        // "Năm 2023 tỉnh kết nạp được 56 đảng viên của các huyện" in each encoding.
        let tcvn3 = b"N\xa8m 2023 t\xd8nh k\xd5t n\xb9p \xae\xad\xeec 56 \xae\xb6ng vi\xaan c\xf1a c\xb8c huy\xd6n";
        let vni = b"Na\xeam 2023 t\xe6nh ke\xe1t na\xefp \xf1\xf6\xf4\xefc 56 \xf1a\xfbng vie\xe2n cu\xfba ca\xf9c huye\xe4n";
        for (bytes, name) in [(&tcvn3[..], "TCVN3"), (&vni[..], "VNI")] {
            let d = auto(bytes).unwrap();
            assert_eq!(d.transcoded_from, Some(name));
            let text: String =
                unicode_normalization::UnicodeNormalization::nfc(&d.text[..]).collect();
            assert!(
                text.contains("kết nạp") && text.contains("đảng viên"),
                "{name}: {text}"
            );
        }
    }
}
