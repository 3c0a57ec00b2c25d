//! `directive`: references to official documents by number, Party (`21-NQ/TW`) and state
//! (`118/2025/NĐ-CP`), with the type from the words before or else from the symbol, the issue date
//! written next to it, and short references (`Kế hoạch số 62`) resolved inside the file.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::{Doc, Pattern, date};
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

static REFERENCE: LazyLock<Pattern> = LazyLock::new(|| {
    let letters = r"[A-ZĐƯ][A-Za-zĐđƯư0-9]*";
    let code = format!(
        r"[0-9]{{4}}/{letters}(?:-{letters})*|{letters}(?:-{letters})*/{letters}(?:[-.]{letters})*|{letters}(?:-{letters})+"
    );
    let types = TYPES.join("|");
    Pattern::new(&format!(
        r"(?:(?P<type>(?i:{types}))(?P<so> +(?i:số))?|(?P<header>Số|số)) *:? *\n? *(?P<num>[0-9]{{1,5}})(?:\s*(?P<sep>[-/])\s*(?P<code>{code})|/(?P<year>[0-9]{{4}}))?|(?P<bnum>[0-9]{{1,5}})\s*(?P<bsep>[-/])\s*(?P<bcode>{code})"
    ))
    .expect("directive pattern")
});

/// What a number led by a word must follow, `số` or a type name, without its first letter so
/// either case matches (`Kế hoạch số`, `kế hoạch`).
static LEAD_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let tails = TYPES
        .iter()
        .map(|t| &t[t.chars().next().map_or(0, char::len_utf8)..]);
    ["số", "Số"].into_iter().chain(tails).collect()
});

/// The last three bytes of each lead word, to pass over most numbers without comparing words.
static LEAD_ENDINGS: LazyLock<Vec<[u8; 3]>> = LazyLock::new(|| {
    LEAD_WORDS
        .iter()
        .map(|w| {
            w.as_bytes()[w.len() - 3..]
                .try_into()
                .expect("lead words are 3+ bytes")
        })
        .collect()
});

/// True when a lead word ends right before `start`, but for the spaces, colon and line break
/// the reference pattern allows there (`Số: 12`, `Kế hoạch số\n62`).
fn led_by_word(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', ':', '\n']);
    let Some(ending) = before.as_bytes().last_chunk::<3>() else {
        return false;
    };
    LEAD_ENDINGS.contains(ending) && LEAD_WORDS.iter().any(|w| before.ends_with(w))
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

/// An issue date right after a reference: `, ngày 16/6/2022`.
static ISSUED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^,? ?(?:\(|ban hành |ký )?ngày ").expect("issued pattern"));

fn canonical_type(written: &str) -> Option<&'static str> {
    let lower = |s: &'static str| s.chars().flat_map(char::to_lowercase);
    let written_lower = || written.chars().flat_map(char::to_lowercase);
    let found = TYPES
        .iter()
        .copied()
        .find(|t| t.len() == written.len() && lower(t).eq(written_lower()))?;
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
    let tail = &text[end..text.floor_char_boundary(end + 48)];
    let lead = ISSUED.find(tail)?.end();
    date::find(tail)
        .into_iter()
        .find(|d| d.start <= lead)
        .map(|d| d.value)
}

fn number_key(n: &str) -> &str {
    let trimmed = n.trim_start_matches('0');
    if trimmed.is_empty() { "0" } else { trimmed }
}

pub fn extract(doc: &Doc, out: &mut Vec<Record>) {
    let text = doc.text;
    let first = out.len();
    let anchors = anchors(text);
    for c in super::captures_in(&REFERENCE, text, &super::windows(text, anchors, 40, 80)) {
        let whole = c.get(0).expect("match");
        let (num, sep, code) = match REFERENCE.group(&c, "bnum") {
            Some(n) => (n, REFERENCE.group(&c, "bsep"), REFERENCE.group(&c, "bcode")),
            None => (
                REFERENCE.group(&c, "num").expect("num"),
                REFERENCE.group(&c, "sep"),
                REFERENCE.group(&c, "code"),
            ),
        };
        let glued_before = text[..whole.start()]
            .chars()
            .next_back()
            .is_some_and(|p| p.is_alphanumeric() || p == '/');
        let glued_after = text[whole.end()..]
            .chars()
            .next()
            .is_some_and(|n| n.is_alphanumeric() || n == '/');
        if glued_before || glued_after {
            continue;
        }
        let written_type = REFERENCE
            .group(&c, "type")
            .and_then(|t| canonical_type(t.as_str()));
        let doc_type = written_type.or(code.and_then(|m| type_of_symbol(m.as_str())));
        let year = REFERENCE.group(&c, "year").map(|y| y.as_str());
        let mut r = Record::new(
            Kind::Directive,
            Value::Text(String::new()),
            whole.start(),
            whole.end(),
        );
        match (code, sep) {
            (Some(code), Some(sep)) => {
                r.value = Value::Text(format!("{}{}{}", num.as_str(), sep.as_str(), code.as_str()));
                r.code = Some(code.as_str().to_string());
            }
            _ => {
                // A short reference needs its type word; without `số` it must not read as a count.
                if written_type.is_none() {
                    continue;
                }
                let is_year = num.as_str().len() == 4 && matches!(&num.as_str()[..2], "19" | "20");
                if REFERENCE.group(&c, "so").is_none()
                    && (is_year || NOT_A_NUMBER.is_match(&text[num.end()..]))
                {
                    continue;
                }
                r.value = Value::Text(match year {
                    Some(y) => format!("{}/{y}", num.as_str()),
                    None => num.as_str().to_string(),
                });
            }
        }
        r.number = Some(num.as_str().to_string());
        r.doc_type = doc_type;
        r.issued = issued_after(text, whole.end());
        out.push(r);
    }
    resolve_short_references(&mut out[first..]);
}

/// A citation's type and number (leading zeros dropped).
type CitationKey = (Option<&'static str>, String);

/// A short reference takes the value and code of a full citation of the same type and number
/// (and year, when written) anywhere in the file.
fn resolve_short_references(records: &mut [Record]) {
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
                    "Nghị quyết số 43/2022/QH15 về chính sách",
                    &["43/2022/QH15 type=Nghị_quyết"],
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
            ],
        );
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
            ],
        );
    }
}
