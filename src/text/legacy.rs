//! The legacy Vietnamese 8-bit encodings still found in official documents: TCVN3 (ABC, the
//! `.VnTime` fonts), VNI-Windows and Windows-1258, decoded byte by byte so that every character
//! keeps the offset of the byte(s) it came from, and told apart by how Vietnamese they read.

use unicode_normalization::UnicodeNormalization;

/// TCVN 5712 (TCVN3) bytes 0x80..=0xFF; below 0x80 it is ASCII.
const TCVN3_HIGH: [char; 128] = [
    '\u{00C0}', '\u{1EA2}', '\u{00C3}', '\u{00C1}', '\u{1EA0}', '\u{1EB6}', '\u{1EAC}', '\u{00C8}',
    '\u{1EBA}', '\u{1EBC}', '\u{00C9}', '\u{1EB8}', '\u{1EC6}', '\u{00CC}', '\u{1EC8}', '\u{0128}',
    '\u{00CD}', '\u{1ECA}', '\u{00D2}', '\u{1ECE}', '\u{00D5}', '\u{00D3}', '\u{1ECC}', '\u{1ED8}',
    '\u{1EDC}', '\u{1EDE}', '\u{1EE0}', '\u{1EDA}', '\u{1EE2}', '\u{00D9}', '\u{1EE6}', '\u{0168}',
    '\u{00A0}', '\u{0102}', '\u{00C2}', '\u{00CA}', '\u{00D4}', '\u{01A0}', '\u{01AF}', '\u{0110}',
    '\u{0103}', '\u{00E2}', '\u{00EA}', '\u{00F4}', '\u{01A1}', '\u{01B0}', '\u{0111}', '\u{1EB0}',
    '\u{0300}', '\u{0309}', '\u{0303}', '\u{0301}', '\u{0323}', '\u{00E0}', '\u{1EA3}', '\u{00E3}',
    '\u{00E1}', '\u{1EA1}', '\u{1EB2}', '\u{1EB1}', '\u{1EB3}', '\u{1EB5}', '\u{1EAF}', '\u{1EB4}',
    '\u{1EAE}', '\u{1EA6}', '\u{1EA8}', '\u{1EAA}', '\u{1EA4}', '\u{1EC0}', '\u{1EB7}', '\u{1EA7}',
    '\u{1EA9}', '\u{1EAB}', '\u{1EA5}', '\u{1EAD}', '\u{00E8}', '\u{1EC2}', '\u{1EBB}', '\u{1EBD}',
    '\u{00E9}', '\u{1EB9}', '\u{1EC1}', '\u{1EC3}', '\u{1EC5}', '\u{1EBF}', '\u{1EC7}', '\u{00EC}',
    '\u{1EC9}', '\u{1EC4}', '\u{1EBE}', '\u{1ED2}', '\u{0129}', '\u{00ED}', '\u{1ECB}', '\u{00F2}',
    '\u{1ED4}', '\u{1ECF}', '\u{00F5}', '\u{00F3}', '\u{1ECD}', '\u{1ED3}', '\u{1ED5}', '\u{1ED7}',
    '\u{1ED1}', '\u{1ED9}', '\u{1EDD}', '\u{1EDF}', '\u{1EE1}', '\u{1EDB}', '\u{1EE3}', '\u{00F9}',
    '\u{1ED6}', '\u{1EE7}', '\u{0169}', '\u{00FA}', '\u{1EE5}', '\u{1EEB}', '\u{1EED}', '\u{1EEF}',
    '\u{1EE9}', '\u{1EF1}', '\u{1EF3}', '\u{1EF7}', '\u{1EF9}', '\u{00FD}', '\u{1EF5}', '\u{1ED0}',
];

/// A decoded text as `(char, source byte length)` units, ready for an offset map.
pub type Units = Vec<(char, usize)>;

pub fn tcvn3(bytes: &[u8]) -> Units {
    bytes
        .iter()
        .map(|&b| {
            (
                if b < 0x80 {
                    b as char
                } else {
                    TCVN3_HIGH[b as usize - 0x80]
                },
                1,
            )
        })
        .collect()
}

pub fn windows_1258(bytes: &[u8]) -> Units {
    let mut out = Vec::with_capacity(bytes.len());
    for &b in bytes {
        let (text, _) =
            encoding_rs::WINDOWS_1258.decode_without_bom_handling(std::slice::from_ref(&b));
        out.extend(text.chars().map(|c| (c, 1)));
    }
    out
}

/// VNI-Windows writes a base letter then a mark byte (in Windows-1252): `aù` = á, `aâ` = â,
/// `aá` = ấ, `aê` = ă, `ô` = ơ, `ö` = ư, `ñ` = đ. Marks become combining characters here and the
/// normalizer composes them.
pub fn vni(bytes: &[u8]) -> Units {
    let mut out: Units = Vec::with_capacity(bytes.len());
    for &b in bytes {
        let (text, _) =
            encoding_rs::WINDOWS_1252.decode_without_bom_handling(std::slice::from_ref(&b));
        let c = text.chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
        let after_vowel = out
            .last()
            .is_some_and(|&(p, _)| "aeiouyAEIOUYơưƠƯ".contains(p));
        let marks: &[char] = match c.to_ascii_lowercase() {
            'ù' => &['\u{301}'],
            'ø' => &['\u{300}'],
            'û' => &['\u{309}'],
            'õ' => &['\u{303}'],
            'ï' => &['\u{323}'],
            'â' => &['\u{302}'],
            'á' => &['\u{302}', '\u{301}'],
            'à' => &['\u{302}', '\u{300}'],
            'å' => &['\u{302}', '\u{309}'],
            'ã' => &['\u{302}', '\u{303}'],
            'ä' => &['\u{302}', '\u{323}'],
            'ê' => &['\u{306}'],
            'é' => &['\u{306}', '\u{301}'],
            'è' => &['\u{306}', '\u{300}'],
            'ú' => &['\u{306}', '\u{309}'],
            'ü' => &['\u{306}', '\u{303}'],
            'ë' => &['\u{306}', '\u{323}'],
            _ => &[],
        };
        if after_vowel && !marks.is_empty() {
            // The first mark carries the byte; any second one is a zero-length unit after it.
            out.push((marks[0], 1));
            out.extend(marks[1..].iter().map(|&m| (m, 0)));
            continue;
        }
        let standalone = match c {
            'Ñ' => 'Đ',
            'ñ' => 'đ',
            'Ô' => 'Ơ',
            'ô' => 'ơ',
            'Ö' => 'Ư',
            'ö' => 'ư',
            'Æ' => 'Ỉ',
            'æ' => 'ỉ',
            'Ó' => 'Ĩ',
            'ó' => 'ĩ',
            'Ò' => 'Ị',
            'ò' => 'ị',
            'Î' => 'Ỵ',
            'î' => 'ỵ',
            other => other,
        };
        out.push((standalone, 1));
    }
    out
}

/// Common Vietnamese words; the decoding that reads as the most of them wins.
const COMMON_WORDS: [&str; 16] = [
    "của",
    "và",
    "các",
    "những",
    "được",
    "người",
    "năm",
    "trong",
    "với",
    "đảng",
    "viên",
    "thực hiện",
    "công tác",
    "đồng chí",
    "tỉnh",
    "này",
];

pub fn vietnamese_score(units: &[(char, usize)]) -> usize {
    let text: String = units
        .iter()
        .map(|&(c, _)| c)
        .nfc()
        .collect::<String>()
        .to_lowercase();
    COMMON_WORDS.iter().map(|w| text.matches(w).count()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(units: Units) -> String {
        units.into_iter().map(|(c, _)| c).nfc().collect()
    }

    #[test]
    fn tcvn3_reads_vietnamese() {
        // "Đảng viên" in TCVN3: § = Đ (0xA7), ¶ = ả (0xB6), ª = ê (0xAA)
        assert_eq!(text(tcvn3(b"\xa7\xb6ng vi\xaan")), "Đảng viên");
    }

    #[test]
    fn vni_composes_marks() {
        // "Đảng viên" in VNI: Ñ a û ng vi e â n
        assert_eq!(text(vni(b"\xd1a\xfbng vie\xe2n")), "Đảng viên");
        assert_eq!(text(vni(b"kho\xe2ng")), "không");
        assert_eq!(text(vni(b"ca\xf9c")), "các");
    }

    #[test]
    fn units_keep_source_lengths() {
        let units = vni(b"vie\xe1t");
        assert_eq!(units.iter().map(|u| u.1).sum::<usize>(), 5);
    }
}
