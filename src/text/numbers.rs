//! Vietnamese numbers: `.` groups thousands, `,` marks decimals, scale words multiply.

use crate::record::Qualifier;

/// A regex fragment for a decimal: `89,15`, `1.234,5`, `17.45`, `3`.
pub const DECIMAL: &str = r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]+(?:[.,][0-9]+)?";
/// A regex fragment for the qualifier words before a figure, longest first.
pub const QUALIFIER: &str = r"(?:[Tt]rên|[Hh]ơn|[Vv]ượt|[Gg]ần|[Xx]ấp xỉ|[Kk]hoảng|[Íí]t nhất|[Tt]ối thiểu|[Kk]hông dưới|[Dd]ưới)";
/// The words of [`QUALIFIER`] in lower case, for code that reads them without a regex.
pub const QUALIFIER_WORDS: [&str; 10] = [
    "trên",
    "hơn",
    "vượt",
    "gần",
    "xấp xỉ",
    "khoảng",
    "ít nhất",
    "tối thiểu",
    // Before `dưới`, which it ends with: `không dưới 120` is at least 120.
    "không dưới",
    "dưới",
];

/// Where the next ASCII digit at or after `from` is.
#[multiversion::multiversion(targets("x86_64+avx2"))]
pub fn next_digit(bytes: &[u8], from: usize) -> Option<usize> {
    super::next_byte_where(bytes, from, |b| b.is_ascii_digit())
}

/// Parses a count written with `.` thousands separators; `None` for a decimal or an overflow.
pub fn parse_count(s: &str) -> Option<i64> {
    let grouped = s.contains('.');
    if grouped && !s.split('.').skip(1).all(|g| g.len() == 3) {
        return None;
    }
    // Digits summed as they come (no string of them is built): this runs for every figure.
    let mut value: i64 = 0;
    let mut digits = 0;
    for b in s.bytes() {
        match b {
            b'.' => {}
            b'0'..=b'9' => {
                value = value.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
                digits += 1;
            }
            _ => return None,
        }
    }
    (digits > 0).then_some(value)
}

/// Parses a decimal: `,` is the decimal mark; a `.` is a thousands separator when every group
/// after it has three digits (`1.856`), otherwise a decimal point (`17.45`).
pub fn parse_decimal(s: &str) -> Option<f64> {
    let (int_part, frac) = match s.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let int_value = match parse_count(int_part) {
        Some(v) => v as f64,
        None if frac.is_none() => return int_part.parse().ok(),
        None => return None,
    };
    match frac {
        Some(f) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => {
            format!("{int_value}.{f}").parse().ok()
        }
        Some(_) => None,
        None => Some(int_value),
    }
}

/// The multiplier of a scale word after a number.
pub fn scale(word: &str) -> Option<f64> {
    Some(match word {
        "nghìn" | "ngàn" => 1e3,
        "vạn" => 1e4,
        "triệu" => 1e6,
        "tỷ" | "tỉ" => 1e9,
        _ => return None,
    })
}

/// The SPEC qualifier for a word written before (or, for `trở lên`, after) a figure.
pub fn qualifier(word: &str) -> Option<Qualifier> {
    Some(match word.to_lowercase().as_str() {
        "trên" | "hơn" | "vượt" => Qualifier::Over,
        "dưới" => Qualifier::Under,
        "gần" | "xấp xỉ" => Qualifier::Nearly,
        "khoảng" => Qualifier::About,
        "ít nhất" | "tối thiểu" | "không dưới" | "trở lên" => Qualifier::AtLeast,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifier_words_are_the_words_of_the_qualifier_pattern() {
        let whole = regex::Regex::new(&format!("^{QUALIFIER}$")).unwrap();
        let mut cased: Vec<String> = Vec::new();
        for word in QUALIFIER_WORDS {
            let mut chars = word.chars();
            let first = chars.next().unwrap();
            cased.push(word.to_string());
            cased.push(first.to_uppercase().chain(chars).collect());
            assert!(qualifier(word).is_some(), "{word} has no SPEC qualifier");
        }
        assert!(cased.iter().all(|w| whole.is_match(w)), "{cased:?}");
        // The pattern has no word the list lacks: each alternative is one of the words, cased.
        let alternatives = QUALIFIER
            .trim_start_matches("(?:")
            .trim_end_matches(')')
            .split('|');
        assert_eq!(alternatives.count(), QUALIFIER_WORDS.len());
    }

    #[test]
    fn next_digit_is_found_in_and_after_chunks() {
        let text = format!("{}7{}89", "a".repeat(20), "b".repeat(40));
        let bytes = text.as_bytes();
        assert_eq!(next_digit(bytes, 0), Some(20));
        assert_eq!(next_digit(bytes, 21), Some(61));
        assert_eq!(next_digit(bytes, 62), Some(62));
        assert_eq!(next_digit(bytes, 63), None);
        assert_eq!(next_digit(bytes, 100), None);
    }

    #[test]
    fn counts() {
        let cases = [
            ("1.856", Some(1856)),
            ("76.043.527", Some(76_043_527)),
            ("641", Some(641)),
            ("04", Some(4)),
            ("17.45", None),
            ("", None),
            (".", None),
            ("1,5", None),
            ("+5", None),
            ("9223372036854775807", Some(i64::MAX)),
            ("9223372036854775808", None),
        ];
        let bad: Vec<_> = cases
            .iter()
            .filter(|(s, want)| parse_count(s) != *want)
            .collect();
        assert!(bad.is_empty(), "{bad:?}");
    }

    #[test]
    fn decimals() {
        let cases = [
            ("89,15", Some(89.15)),
            ("1.234,5", Some(1234.5)),
            ("17.45", Some(17.45)),
            ("2.082", Some(2082.0)),
            ("3", Some(3.0)),
            ("99,996", Some(99.996)),
            ("1,", None),
        ];
        let bad: Vec<_> = cases
            .iter()
            .filter(|(s, want)| parse_decimal(s) != *want)
            .collect();
        assert!(bad.is_empty(), "{bad:?}");
    }

    #[test]
    fn scales_multiply() {
        let v = parse_decimal("71,4").unwrap() * scale("triệu").unwrap();
        assert_eq!(v.round() as i64, 71_400_000);
        assert_eq!(
            parse_decimal("64").unwrap() * scale("nghìn").unwrap(),
            64_000.0
        );
        assert_eq!(
            parse_decimal("35").unwrap() * scale("ngàn").unwrap(),
            35_000.0
        );
        assert_eq!(
            parse_decimal("12").unwrap() * scale("vạn").unwrap(),
            120_000.0
        );
    }

    #[test]
    fn qualifiers() {
        let cases = [
            ("trên", Some("over")),
            ("Hơn", Some("over")),
            ("gần", Some("nearly")),
            ("xấp xỉ", Some("nearly")),
            ("khoảng", Some("about")),
            ("ít nhất", Some("at_least")),
            ("tối thiểu", Some("at_least")),
            ("trở lên", Some("at_least")),
            ("dưới", Some("under")),
            ("đạt", None),
        ];
        let bad: Vec<_> = cases
            .iter()
            .filter(|(s, want)| qualifier(s).map(Qualifier::as_str) != *want)
            .collect();
        assert!(bad.is_empty(), "{bad:?}");
    }
}
