//! `directive`: references to official documents by number, Party (`21-NQ/TW`) and state
//! (`118/2025/NĐ-CP`), with the type from the words before or else from the symbol, the issue date
//! written next to it, and short references (`Kế hoạch số 62`) resolved inside the file.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::{Doc, WindowPattern, date};
use crate::record::{Kind, Record, Value};
use crate::text::numbers::next_digit;

/// Type names, longest first, with the canonical spelling used as `doc_type`.
const TYPES: &[&str] = &[
    "Chương trình hành động",
    "Chương trình",
    "Nghị quyết liên tịch",
    "Nghị quyết",
    "Nghị định",
    "Chỉ thị",
    "Kết luận",
    "Kế hoạch",
    "Hướng dẫn",
    "Quy định",
    "Quyết định",
    "Thông tư liên tịch",
    "Thông tư",
    "Công văn",
    "Công điện",
    "Thông báo kết luận",
    "Thông báo",
    "Thông tri",
    "Đề án",
    "Phương án",
    "Luật",
    "Pháp lệnh",
    "Báo cáo",
    "Tờ trình",
    "Quy chế",
];

/// Symbols of Nghị định 30/2020/NĐ-CP Appendix III and of Party practice → type.
const SYMBOLS: &[(&str, &str)] = &[
    ("NQLT", "Nghị quyết liên tịch"),
    ("NQ", "Nghị quyết"),
    ("NĐ", "Nghị định"),
    ("QĐNS", "Quyết định"),
    ("QĐ", "Quyết định"),
    ("QyĐ", "Quy định"),
    ("CTr", "Chương trình"),
    ("CT", "Chỉ thị"),
    ("QC", "Quy chế"),
    ("TB", "Thông báo"),
    ("TTLT", "Thông tư liên tịch"),
    ("TTr", "Tờ trình"),
    ("TT", "Thông tư"),
    ("HD", "Hướng dẫn"),
    ("KH", "Kế hoạch"),
    ("KL", "Kết luận"),
    ("PA", "Phương án"),
    ("ĐA", "Đề án"),
    ("DA", "Dự án"),
    ("BC", "Báo cáo"),
    ("BB", "Biên bản"),
    ("HĐ", "Hợp đồng"),
    ("CV", "Công văn"),
    ("CĐ", "Công điện"),
    ("TC", "Thông cáo"),
    ("GM", "Giấy mời"),
];

/// Symbols that also stand for their type before a number in running text: `NQ 19`, `CT 05`,
/// `QĐ số 1234`, `Nghị quyết (NQ) 19`. Written in capitals only (`ct 5` is no reference).
const ABBREVIATIONS: [&str; 7] = ["CTr", "NQ", "CT", "KL", "KH", "QĐ", "HD"];

/// A number led by a type name or `số`, with its symbol or year, or a number with its symbol
/// alone. The match is found by the DFA alone and read back by [`parts`], so the capture engine
/// (most of this kind's cost) never runs.
static REFERENCE: LazyLock<WindowPattern> = LazyLock::new(|| {
    let letters = r"[A-ZĐƯ][A-Za-zĐđƯư0-9]*";
    let code = format!(
        r"[0-9]{{4}}/{letters}(?:-{letters})*|{letters}(?:-{letters})*/{letters}(?:[-.]{letters})*|{letters}(?:-{letters})+"
    );
    let types = TYPES.join("|");
    let abbreviations = ABBREVIATIONS.join("|");
    // `1234`, or with a thousands dot as some papers write it: `1.234/QĐ-UBND`.
    let number = "(?:[0-9]{1,3}(?:[.][0-9]{3})+|[0-9]{1,5})";
    WindowPattern::new(&format!(
        r"(?:(?:(?i:{types})(?: \((?:{abbreviations})\))?|{abbreviations})(?: +(?i:số))?|Số|số) *:? *\n? *{number}(?:\s*[-/]\s*(?:{code})|/[0-9]{{4}})?|{number}\s*[-/]\s*(?:{code})"
    ))
    .expect("directive pattern")
});

/// A [`REFERENCE`] match read back. Offsets are within the match.
#[derive(Debug, PartialEq)]
struct ReferenceParts<'t> {
    /// The type name as written (`Kế hoạch`), when one leads.
    written_type: Option<&'t str>,
    /// Whether `số` follows the type name.
    so: bool,
    number: std::ops::Range<usize>,
    /// The `-` or `/` before the symbol, and the symbol (`NQ/TW`, `2025/NĐ-CP`).
    symbol: Option<(char, &'t str)>,
    /// `/2024` after a short reference's number.
    year: Option<&'t str>,
}

/// Reads back `m`, a whole match of [`REFERENCE`]: the number is its first run of digits, the
/// words before it are the type and `số`, and what follows it is a year when it is `/` and four
/// digits, else a symbol.
fn parts(m: &str) -> ReferenceParts<'_> {
    let start = m.bytes().position(|b| b.is_ascii_digit()).unwrap_or(0);
    let end = start + number_len(&m.as_bytes()[start..]);
    let lead = m[..start].trim_end_matches([' ', ':', '\n']);
    // `số` (in any case) after the type name and at least one space.
    let before_so = lead
        .len()
        .checked_sub("số".len())
        .filter(|&at| {
            // `to_lowercase() == "số"`, without a new string per number read.
            lead.is_char_boundary(at)
                && matches!(lead.as_bytes()[at], b's' | b'S')
                && matches!(&lead[at + 1..], "ố" | "Ố")
        })
        .map(|at| &lead[..at]);
    let (written_type, so) = match before_so {
        Some(before) if before.ends_with(' ') => (Some(before.trim_end_matches(' ')), true),
        _ if lead.is_empty() || lead == "Số" || lead == "số" => (None, false),
        _ => (Some(lead), false),
    };
    let rest = &m[end..];
    let is_year =
        rest.len() == 5 && rest.starts_with('/') && rest[1..].bytes().all(|b| b.is_ascii_digit());
    let symbol = (!rest.is_empty() && !is_year).then(|| {
        let rest = rest.trim_start();
        let sep = rest.chars().next().unwrap_or('-');
        (sep, rest[sep.len_utf8()..].trim_start())
    });
    ReferenceParts {
        written_type,
        so,
        number: start..end,
        symbol,
        year: is_year.then(|| &rest[1..]),
    }
}

/// The length of the document number `bytes` starts with: digits, with thousands dots between
/// groups of three (`1.234`).
fn number_len(bytes: &[u8]) -> usize {
    let digits = |from: usize| {
        bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let mut end = digits(0);
    while bytes.get(end) == Some(&b'.') && digits(end + 1) == 3 {
        end += 4;
    }
    end
}

/// What a number led by a word must follow, `số` or a type name, without its first letter so
/// either case matches (`Kế hoạch số`, `kế hoạch`).
static LEAD_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let tails = TYPES
        .iter()
        .map(|t| &t[t.chars().next().map_or(0, char::len_utf8)..]);
    ["số", "Số"].into_iter().chain(tails).collect()
});

/// The last three bytes of each lead word ([`ending_bit`]) as bits of a set, to pass over most
/// numbers without comparing words: this runs for every number in the text. A number whose
/// bytes before it hit no bit has no lead word; one that hits may, and its words are compared.
static LEAD_ENDINGS: LazyLock<[u64; 64]> = LazyLock::new(|| {
    let mut bits = [0; 64];
    for w in LEAD_WORDS.iter() {
        let ending = w.as_bytes()[w.len() - 3..]
            .try_into()
            .expect("lead words are 3+ bytes");
        let bit = ending_bit(ending);
        bits[bit / 64] |= 1 << (bit % 64);
    }
    bits
});

/// One of 4096 bits for three bytes (a multiplicative hash).
fn ending_bit([a, b, c]: [u8; 3]) -> usize {
    (u32::from_be_bytes([0, a, b, c]).wrapping_mul(0x9E37_79B1) >> 20) as usize
}

/// Whether `ending` may end a lead word (see [`LEAD_ENDINGS`]).
fn may_end_lead_word(ending: [u8; 3]) -> bool {
    let bit = ending_bit(ending);
    LEAD_ENDINGS[bit / 64] >> (bit % 64) & 1 == 1
}

/// True when a lead word ends right before `start`, but for the spaces, colon and line break
/// the reference pattern allows there (`Số: 12`, `Kế hoạch số\n62`).
fn led_by_word(text: &str, start: usize) -> bool {
    // Trimmed byte by byte: this runs for every number, and a trim by characters decodes each.
    let bytes = text.as_bytes();
    let mut end = start;
    while end > 0 && matches!(bytes[end - 1], b' ' | b':' | b'\n') {
        end -= 1;
    }
    let before = &text[..end];
    let Some(ending) = before.as_bytes().last_chunk::<3>() else {
        return false;
    };
    may_end_lead_word(*ending) && LEAD_WORDS.iter().any(|w| before.ends_with(w))
        // An abbreviation ends in a capital (`NQ`, `QĐ`, `CTr`) or `)`; after one, `số` leads.
        || (ending[2].is_ascii_uppercase() || matches!(ending[2], b')' | 0x90 | b'r'))
            && led_by_abbreviation(before)
}

/// True when `before` ends with an abbreviated type standing alone (`NQ`, `CT số`) or in
/// parentheses after its name (`Nghị quyết (NQ)`).
fn led_by_abbreviation(before: &str) -> bool {
    let before = before.strip_suffix(" số").unwrap_or(before);
    let before = before.strip_suffix(')').unwrap_or(before);
    ABBREVIATIONS.iter().any(|a| {
        before
            .strip_suffix(a)
            .is_some_and(|rest| !rest.ends_with(char::is_alphanumeric))
    })
}

/// Where a reference may be: numbers followed by a symbol (`21-NQ/TW`, `118/2025/NĐ-CP`,
/// `439/QĐ-TTg`) or led by `số` or a type name. Every reference has a number, and numbers are
/// far rarer than the words around them, so this costs a scan for digits and a look at each.
fn anchors(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(start) = next_digit(bytes, i) {
        i = start;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let rest = &bytes[i..];
        let rest = rest.strip_prefix(b" ").unwrap_or(rest);
        let symbol_follows = match rest.first() {
            Some(b'-' | b'/') => {
                let code = &rest[1..];
                let code = code.strip_prefix(b" ").unwrap_or(code);
                code.first().is_some_and(u8::is_ascii_uppercase)
                    || code.starts_with("Đ".as_bytes())
                    || code.len() > 5 && code[..4].iter().all(u8::is_ascii_digit) && code[4] == b'/'
            }
            _ => false,
        };
        if symbol_follows || led_by_word(text, start) {
            out.push(start);
        }
    }
    out
}

/// After a short reference without `số`, these mean a count or a year, not a document number.
static NOT_A_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[,.][0-9]|%| ?(?:năm|tháng|ngày|tuần|lần|điểm|nội dung|nhiệm vụ|giải pháp|mục tiêu|chỉ tiêu|đảng viên|người|khóa|nhóm)(?:\P{L}|$))")
        .expect("not-a-number pattern")
});

/// An issue date right after a reference (`, ngày 16/6/2022`) or after its issuer (`của Ban
/// Thường vụ Tỉnh ủy ngày 5/3/2024`).
static ISSUED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,? ?(?:\(|ban hành |ký |của [^0-9,;.()]{1,60}?,? )?ngày ")
        .expect("issued pattern")
});

/// Words that end an issuer's name: what follows them is the document's subject or another
/// clause, and a date there is not the issue date.
const PAST_THE_ISSUER: [&str; 3] = [" về ", " và ", " thực hiện "];

/// The type of a law or ordinance named by its title right before `số` at `start`: `Luật Đất đai
/// số 31/2024/QH15`, whose symbol names the legislature, not the type. The title starts with a
/// capital and holds only words and commas.
fn titled_act_before(text: &str, start: usize) -> Option<&'static str> {
    let before = &text[text.floor_char_boundary(start.saturating_sub(80))..start];
    ["Luật", "Pháp lệnh"].into_iter().find(|act| {
        before.rfind(&format!("{act} ")).is_some_and(|at| {
            let title = &before[at + act.len() + 1..];
            title.starts_with(char::is_uppercase)
                && title.ends_with(' ')
                && title
                    .chars()
                    .all(|c| c.is_alphabetic() || c == ' ' || c == ',')
        })
    })
}

/// The type a written type name or abbreviation stands for: `Kế hoạch`, `kế hoạch`, `NQ`,
/// `Nghị quyết (NQ)`.
fn canonical_type(written: &str) -> Option<&'static str> {
    if ABBREVIATIONS.contains(&written) {
        return type_of_symbol(written);
    }
    // `Nghị quyết (NQ)`: the name, its abbreviation in parentheses.
    let written = match written.strip_suffix(')').and_then(|w| w.rsplit_once(" (")) {
        Some((name, abbreviation)) if ABBREVIATIONS.contains(&abbreviation) => name,
        _ => written,
    };
    let lower = |s: &'static str| s.chars().flat_map(char::to_lowercase);
    let written_lower = || written.chars().flat_map(char::to_lowercase);
    // Most are written as listed; the names differ in lower case, so that one is the first match.
    let found = TYPES.iter().copied().find(|t| *t == written).or_else(|| {
        TYPES
            .iter()
            .copied()
            .find(|t| t.len() == written.len() && lower(t).eq(written_lower()))
    })?;
    // A `Thông báo kết luận` (`123-TB/TU`) is a notice that carries conclusions: its type is the
    // notice, which is also what its symbol says.
    Some(match found {
        "Thông báo kết luận" => "Thông báo",
        t => t,
    })
}

/// The type a symbol stands for: the first part of `NQ/TW`, `2025/NĐ-CP`, `QĐ-TTg`.
fn type_of_symbol(code: &str) -> Option<&'static str> {
    let body = code
        .split_once('/')
        .filter(|(y, _)| y.bytes().all(|b| b.is_ascii_digit()))
        .map_or(code, |(_, rest)| rest);
    let head = body.split(['/', '-']).next()?;
    SYMBOLS.iter().find(|(s, _)| *s == head).map(|(_, t)| *t)
}

fn issued_after(text: &str, end: usize) -> Option<String> {
    let tail = &text[end..text.floor_char_boundary(end + 120)];
    let lead = ISSUED.find(tail)?.as_str();
    if PAST_THE_ISSUER.iter().any(|w| lead.contains(w)) {
        return None;
    }
    // The date starts where the lead ends; the longest forms are some 40 bytes.
    date::find(&tail[..tail.floor_char_boundary(lead.len() + 48)])
        .into_iter()
        .find(|d| d.start <= lead.len())
        .map(|d| d.value)
}

/// The issue date of a reference issued in a sentence its date opens: `Ngày 4/5/2023, Tỉnh ủy
/// ban hành Chỉ thị số 21-CT/TU`. The date stands within the sentence's first words, and only
/// words stand between it and `ban hành` right before the reference. It is a whole day with its
/// year: `Ngày 25/12, … ban hành` and `Tháng 3/2024, … ban hành` date the news more than the
/// document.
fn issued_before(doc: &Doc, start: usize) -> Option<String> {
    let before = doc.before(start);
    if !before.ends_with("ban hành ") {
        return None;
    }
    // The date stands in the first words: look for it there only.
    let date = date::find(&before[..before.floor_char_boundary(80)])
        .into_iter()
        .next()?;
    let whole_day = date.value.len() == "2023-05-04".len() && !date.value.starts_with('X');
    let opens = date.start <= 24 && !before[..date.start].contains(|c: char| c.is_ascii_digit());
    let then_words = !before[date.end..].contains(|c: char| c.is_ascii_digit() || c == ';');
    (whole_day && opens && then_words).then_some(date.value)
}

fn number_key(n: &str) -> &str {
    let trimmed = n.trim_start_matches('0');
    if trimmed.is_empty() { "0" } else { trimmed }
}

pub fn extract(doc: &Doc, out: &mut Vec<Record>) {
    let text = doc.text;
    let first = out.len();
    let anchors = anchors(text);
    // The end of the last reference dated by the date its sentence opens with, and that date.
    let mut opening: Option<(usize, String)> = None;
    for whole in super::window_matches(&REFERENCE, text, &super::windows(text, anchors, 40, 80)) {
        let found = parts(&text[whole.clone()]);
        let num = &text[whole.start + found.number.start..whole.start + found.number.end];
        // A match inside a longer word or number: `1.234/QĐ` read from `234`.
        let mut before = text[..whole.start].chars().rev();
        let glued_before = before.next().is_some_and(|p| {
            p.is_alphanumeric()
                || p == '/'
                || p == '.' && before.next().is_some_and(|d| d.is_ascii_digit())
        });
        let glued_after = text[whole.end..]
            .chars()
            .next()
            .is_some_and(|n| n.is_alphanumeric() || n == '/');
        if glued_before || glued_after {
            continue;
        }
        let written_type = found.written_type.and_then(canonical_type);
        let doc_type = written_type
            .or(found.symbol.and_then(|(_, code)| type_of_symbol(code)))
            .or_else(|| titled_act_before(text, whole.start));
        let mut r = Record::new(
            Kind::Directive,
            Value::Text(String::new()),
            whole.start,
            whole.end,
        );
        match found.symbol {
            Some((sep, code)) => {
                let mut value = String::with_capacity(num.len() + sep.len_utf8() + code.len());
                value.push_str(num);
                value.push(sep);
                value.push_str(code);
                r.value = Value::Text(value);
                r.code = Some(code.to_string());
            }
            None => {
                // A short reference needs its type word; without `số` it must not read as a count.
                if written_type.is_none() {
                    continue;
                }
                let is_year = num.len() == 4 && matches!(&num[..2], "19" | "20");
                let after_number = whole.start + found.number.end;
                if !found.so && (is_year || NOT_A_NUMBER.is_match(&text[after_number..])) {
                    continue;
                }
                r.value = Value::Text(match found.year {
                    Some(y) => format!("{num}/{y}"),
                    None => num.to_string(),
                });
            }
        }
        r.number = Some(num.to_string());
        r.doc_type = doc_type;
        r.issued = issued_after(text, whole.end);
        if r.issued.is_none() {
            // `ban hành Kế hoạch số 45-KH/HU và Hướng dẫn số 3-HD/HU`: documents issued together
            // share the date their sentence opens with.
            let listed = opening.take().filter(|(end, _)| {
                *end <= whole.start && matches!(&text[*end..whole.start], " và " | ", ")
            });
            r.issued = listed
                .map(|(_, issued)| issued)
                .or_else(|| issued_before(doc, whole.start));
            opening = r.issued.clone().map(|issued| (whole.end, issued));
        }
        out.push(r);
    }
    share_listed_issue_dates(text, &mut out[first..]);
    resolve_short_references(&mut out[first..]);
}

/// `Quyết định số 2215-QĐ/HU và Quyết định số 2216-QĐ/HU ngày 02 tháng 8 năm 2024`: references
/// listed with `và` or `,` before one issue date share it.
fn share_listed_issue_dates(text: &str, records: &mut [Record]) {
    for i in (1..records.len()).rev() {
        let (before, after) = records.split_at_mut(i);
        let (listed, next) = (&mut before[i - 1], &after[0]);
        let joined = listed.end <= next.start
            && matches!(&text[listed.end..next.start], " và " | ", " | "; ");
        if listed.issued.is_none() && joined {
            listed.issued.clone_from(&next.issued);
        }
    }
}

/// A citation's type and number (leading zeros dropped).
type CitationKey = (Option<&'static str>, String);

/// A short reference takes the value and code of a full citation of the same type and number
/// (and year, when written) anywhere in the file.
fn resolve_short_references(records: &mut [Record]) {
    // Most files cite in full only: then there is nothing to resolve, and no index to build.
    if records.iter().all(|r| r.code.is_some()) {
        return;
    }
    // Full citations by (type, number), in text order, so each short reference is one look-up.
    let mut full: HashMap<CitationKey, Vec<(String, String)>> = HashMap::new();
    for r in records.iter() {
        if let (Some(code), Value::Text(value), Some(number)) = (&r.code, &r.value, &r.number) {
            full.entry((r.doc_type, number_key(number).to_string()))
                .or_default()
                .push((code.clone(), value.clone()));
        }
    }
    for r in records.iter_mut().filter(|r| r.code.is_none()) {
        let Value::Text(written) = &r.value else {
            continue;
        };
        let year = written.split_once('/').map(|(_, y)| format!("{y}/"));
        let key = (
            r.doc_type,
            number_key(r.number.as_deref().unwrap_or_default()).to_string(),
        );
        let matching = full.get(&key).and_then(|citations| {
            citations
                .iter()
                .find(|(code, _)| year.as_ref().is_none_or(|y| code.starts_with(y.as_str())))
        });
        if let Some((code, value)) = matching {
            r.code = Some(code.clone());
            r.value = Value::Text(value.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How a generated reference begins: a type name in one of three cases or an abbreviated
    /// type, with or without `số` after it, `số` alone, or the number itself.
    #[derive(Debug, Clone)]
    enum Lead {
        Type(&'static str, usize, Option<&'static str>),
        Abbreviation(&'static str, Option<&'static str>),
        Header(&'static str),
        Bare,
    }

    fn lead() -> impl proptest::strategy::Strategy<Value = Lead> {
        use proptest::prelude::*;
        prop_oneof![
            (
                proptest::sample::select(TYPES),
                0..3usize,
                proptest::option::of(proptest::sample::select(vec![" số", "  Số", " SỐ"])),
            )
                .prop_map(|(name, case, so)| Lead::Type(name, case, so)),
            (
                proptest::sample::select(&ABBREVIATIONS[..]),
                proptest::option::of(proptest::sample::select(vec![" số", " Số"])),
            )
                .prop_map(|(abbreviation, so)| Lead::Abbreviation(abbreviation, so)),
            proptest::sample::select(vec!["Số", "số"]).prop_map(Lead::Header),
            Just(Lead::Bare),
        ]
    }

    proptest::proptest! {
        /// Every reference the pattern matches whole reads back into the parts it was written from.
        #[test]
        fn parts_read_back_what_the_pattern_matched(
            lead in lead(),
            gap in proptest::sample::select(vec!["", " ", ": ", " : ", " \n "]),
            number in "[0-9]{1,5}|[0-9]{1,3}[.][0-9]{3}",
            symbol in proptest::option::of((
                proptest::sample::select(vec!['-', '/']),
                proptest::sample::select(vec!["", " "]),
                proptest::sample::select(vec!["NQ/TW", "2025/NĐ-CP", "QĐ-TTg", "KH/TU", "TB-ĐU", "CT/TW.BCĐ", "A-BC"]),
            )),
            year in proptest::option::of("(19|20)[0-9]{2}"),
        ) {
            let (written_type, so) = match &lead {
                Lead::Type(name, case, so) => (
                    Some(match case {
                        0 => name.to_string(),
                        1 => name.to_lowercase(),
                        _ => name.to_uppercase(),
                    }),
                    *so,
                ),
                Lead::Abbreviation(abbreviation, so) => (Some(abbreviation.to_string()), *so),
                _ => (None, None),
            };
            let mut text = match &lead {
                Lead::Type(..) | Lead::Abbreviation(..) => format!("{}{}{gap}", written_type.clone().unwrap_or_default(), so.unwrap_or("")),
                Lead::Header(word) => format!("{word}{gap}"),
                Lead::Bare => String::new(),
            };
            let number_at = text.len();
            text += &number;
            let symbol = match (&lead, symbol, &year) {
                (Lead::Bare, None, _) => Some(('-', "", "NQ/TW")),
                (_, Some(s), _) => Some(s),
                (_, None, Some(y)) => {
                    text += &format!("/{y}");
                    None
                }
                _ => None,
            };
            if let Some((sep, space, code)) = symbol {
                text += &format!("{space}{sep}{space}{code}");
            }
            let whole = REFERENCE.find(&text).expect("a match");
            proptest::prop_assert_eq!(whole, 0..text.len());
            let got = parts(&text);
            proptest::prop_assert_eq!(got.written_type, written_type.as_deref());
            proptest::prop_assert_eq!(got.so, so.is_some());
            proptest::prop_assert_eq!(got.number, number_at..number_at + number.len());
            proptest::prop_assert_eq!(got.symbol, symbol.map(|(sep, _, code)| (sep, code)));
            let year_read = symbol.is_none().then_some(year).flatten();
            proptest::prop_assert_eq!(got.year, year_read.as_deref());
        }
    }
    use crate::extract::check_table;

    #[test]
    fn references() {
        check_table(
            extract,
            &[
                (
                    "thực hiện Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Hội nghị Trung ương",
                    &["21-NQ/TW type=Nghị_quyết code=NQ/TW issued=2022-06-16"],
                ),
                (
                    "Thực hiện Thông báo kết luận số 123-TB/TU ngày 5/3/2024 của Ban Thường vụ",
                    &[
                        "123-TB/TU type=Thông_báo code=TB/TU issued=2024-03-05 text=Thông_báo_kết_luận_số_123-TB/TU",
                    ],
                ),
                (
                    "Nghị định số 118/2025/NĐ-CP của Chính phủ",
                    &["118/2025/NĐ-CP type=Nghị_định code=2025/NĐ-CP"],
                ),
                (
                    "Số: 25/2024/TT-BTC",
                    &["25/2024/TT-BTC type=Thông_tư text=Số:_25/2024/TT-BTC"],
                ),
                ("Quyết định 439/QĐ-TTg về", &["439/QĐ-TTg type=Quyết_định"]),
                (
                    "Quyết định số 1.234/QĐ-UBND ngày 5/6/2024",
                    &["1.234/QĐ-UBND type=Quyết_định issued=2024-06-05"],
                ),
                (
                    "Nghị quyết số 43/2022/QH15 về chính sách",
                    &["43/2022/QH15 type=Nghị_quyết"],
                ),
                (
                    "Luật Đất đai số 31/2024/QH15 và Luật Cán bộ, công chức số 22/2008/QH12 có hiệu lực.",
                    &["31/2024/QH15 type=Luật", "22/2008/QH12 type=Luật"],
                ),
                (
                    "theo văn bản 71/QĐ-UBND-KT và 12/2019/TT-BGDĐT",
                    &[
                        "71/QĐ-UBND-KT type=Quyết_định",
                        "12/2019/TT-BGDĐT type=Thông_tư",
                    ],
                ),
                (
                    "Chương trình hành động số 10-CTr/TU, ngày 18/10/2022",
                    &["10-CTr/TU type=Chương_trình_hành_động issued=2022-10-18"],
                ),
                (
                    "các văn bản 1450-QĐNS/TW, 317-CV/BTGTU, 01-QĐ/TU",
                    &[
                        "1450-QĐNS/TW type=Quyết_định",
                        "317-CV/BTGTU type=Công_văn",
                        "01-QĐ/TU type=Quyết_định",
                    ],
                ),
                (
                    "Hướng dẫn 05-HD/BTCTW và Kế hoạch 12-KH/ĐUCA",
                    &["05-HD/BTCTW type=Hướng_dẫn", "12-KH/ĐUCA type=Kế_hoạch"],
                ),
                (
                    "Nghị quyết 36 - NQ/TW; Kế hoạch 84- KH/TU; Nghị quyết 27/NQ-TW",
                    &["36-NQ/TW", "84-KH/TU", "27/NQ-TW"],
                ),
                ("theo Nghị quyết số\n21-NQ/TW", &["21-NQ/TW"]),
                ("Đề án\n\nSố 208/CV-UBND", &["208/CV-UBND type=Công_văn"]),
                (
                    "thực hiện nghị quyết số 07-NQ/TU",
                    &["07-NQ/TU type=Nghị_quyết"],
                ),
                (
                    "Kết luận số 01-KL/TW và Kết luận số 01",
                    &["01-KL/TW", "01-KL/TW type=Kết_luận code=KL/TW"],
                ),
                ("Kế hoạch số 62 của Ban Thường vụ", &["62 type=Kế_hoạch"]),
                (
                    "Kết luận số 21, ngày 25/10/2021 của BCH",
                    &["21 type=Kết_luận issued=2021-10-25"],
                ),
                ("Chỉ thị 12 của Ban Bí thư", &["12 type=Chỉ_thị"]),
                (
                    "Nghị quyết 15/2021 của HĐND và Nghị quyết số 15/2021/NQ-HĐND",
                    &["15/2021/NQ-HĐND", "15/2021/NQ-HĐND"],
                ),
                ("Số 477/CT-UBND", &["477/CT-UBND type=Chỉ_thị"]),
                // Abbreviated types, resolved like other short references.
                (
                    "Nghị quyết số 19-NQ/TU của Tỉnh ủy; sau 3 năm, NQ 19 đã đi vào cuộc sống",
                    &["19-NQ/TU", "19-NQ/TU type=Nghị_quyết code=NQ/TU text=NQ_19"],
                ),
                (
                    "Nghị quyết (NQ) 19 và NQ19 được quán triệt",
                    &[
                        "19 type=Nghị_quyết text=Nghị_quyết_(NQ)_19",
                        "19 type=Nghị_quyết text=NQ19",
                    ],
                ),
                (
                    "thực hiện CT 05 của Bộ Chính trị, KL 01 và QĐ số 1234 của UBND",
                    &[
                        "05 type=Chỉ_thị",
                        "01 type=Kết_luận",
                        "1234 type=Quyết_định text=QĐ_số_1234",
                    ],
                ),
                // The issue date opening the sentence, or after the issuer.
                (
                    "Ngày 4/5/2023, Tỉnh ủy ban hành Chỉ thị số 21-CT/TU về phát triển đảng viên",
                    &["21-CT/TU issued=2023-05-04"],
                ),
                (
                    "Sáng 12/3/2024, Ban Thường vụ Huyện ủy đã ban hành Kế hoạch số 45-KH/HU và Hướng dẫn số 3-HD/HU",
                    &["45-KH/HU issued=2024-03-12", "3-HD/HU issued=2024-03-12"],
                ),
                (
                    "Kế hoạch số 115-KH/HU, ngày 12-2-2024 của Huyện ủy về kết nạp đảng viên",
                    &["115-KH/HU issued=2024-02-12"],
                ),
                (
                    "Chỉ thị số 05-CT/TW của Bộ Chính trị ngày 15/5/2016 về học tập",
                    &["05-CT/TW issued=2016-05-15"],
                ),
                (
                    "Quyết định số 215-QĐ/HU và Quyết định số 216-QĐ/HU ngày 02 tháng 8 năm 2024 của Huyện ủy",
                    &["215-QĐ/HU issued=2024-08-02", "216-QĐ/HU issued=2024-08-02"],
                ),
            ],
        );
    }

    /// Dates near a reference that are not its issue date.
    #[test]
    fn not_issue_dates() {
        let table = [
            "Hôm nay 25/5, Quốc hội giám sát việc thực hiện Nghị quyết số 43/2022/QH15",
            "Từ ngày 1/7/2025, Nghị định số 118/2025/NĐ-CP của Chính phủ có hiệu lực",
            "Ngày 5/6/2020, Quyết định số 12/QĐ-UB của UBND ban hành Kế hoạch số 3-KH/UB",
            "thực hiện Nghị quyết số 07-NQ/TU của Tỉnh ủy về nâng cao chất lượng, ngày 5/6/2022 huyện họp",
            "Nghị quyết số 21-NQ/TW của Trung ương ngày càng đi vào cuộc sống",
            "Ngày 25/12, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 318-KH/TU về tạo nguồn",
            "Tháng 3/2024, Đảng ủy Khối đã ban hành Kết luận số 14-KL/ĐUK",
        ];
        for text in table {
            let found = crate::extract::examples(extract, text);
            assert!(!found.is_empty(), "{text}");
            for r in found {
                assert_eq!(r.issued, None, "{text}: {}", r.text);
            }
        }
    }

    #[test]
    fn not_references() {
        check_table(
            extract,
            &[
                ("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI", &[]),
                ("NQ T.Ư 4 (khóa XII) và NQT.Ư 4", &[]),
                ("Tổ bầu cử số 9 thuộc đơn vị bầu cử số 19", &[]),
                ("Số      -/ĐU", &[]),
                ("Kế hoạch 2024 và kế hoạch 5 năm 2021-2025", &[]),
                ("tổ chức CT-XH và COVID-19, lượt xem: 2316", &[]),
                ("các đồng chí ở ct 5 và nq 19, NQ T.Ư 4, NQTW 6, NQ-19", &[]),
            ],
        );
    }
}
