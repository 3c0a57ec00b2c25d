//! `percentage`: every number followed by `%` or `phần trăm`, ranges as one record, with a role.

use std::sync::LazyLock;

use regex::Regex;

use super::{Doc, LETTERS, WindowPattern};
use crate::record::{Kind, Qualifier, Record, Role, Value};
use crate::text::numbers::{DECIMAL, QUALIFIER, QUALIFIER_WORDS, parse_decimal, qualifier};

/// A percentage figure before its role is known; [`super::target`] reuses it.
#[derive(Debug, Clone)]
pub struct Percent {
    pub start: usize,
    pub end: usize,
    /// Where the number itself starts (after `từ` and a qualifier word).
    pub number_start: usize,
    pub value: f64,
    pub value_max: Option<f64>,
    pub qualifier: Option<Qualifier>,
    pub role: Role,
}

static PERCENT: LazyLock<WindowPattern> = LazyLock::new(|| {
    let any = |words: &[&str]| {
        words
            .iter()
            .map(|w| regex::escape(w))
            .collect::<Vec<_>>()
            .join("|")
    };
    let (sign, join, tail) = (any(&PERCENT_SIGNS), any(&RANGE_JOINS), any(&TAILS));
    WindowPattern::new(&format!(
        r"(?:[Tt]ừ )?(?:{QUALIFIER} )?(?:{DECIMAL})(?:{sign})?(?:{join})(?:{DECIMAL})(?:{sign})(?:{tail})?|(?:{QUALIFIER} )?(?:{DECIMAL})(?:{sign})(?:{tail})?"
    ))
    .expect("percentage pattern")
});

/// Before a `hơn` that compares (`cao hơn 2%`: higher by 2%) rather than qualifies (`hơn 2%`:
/// over 2%).
const COMPARATIVES: [&str; 4] = ["cao", "thấp", "nhiều", "ít"];

/// `tăng 11,7%`, `đã giảm 2%`, `cao hơn 2%`: the figure is a change.
static CHANGE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    // Each word with its first letter in either case: `[Cc]ao`.
    let comparatives: Vec<String> = COMPARATIVES
        .iter()
        .map(|w| {
            let mut chars = w.chars();
            let first = chars.next().unwrap_or_default();
            format!("[{}{first}]{}", first.to_uppercase(), chars.as_str())
        })
        .collect();
    let comparatives = comparatives.join("|");
    Regex::new(&format!(
        r"(?:[Tt]ăng(?: trưởng)?|[Gg]iảm)(?: thêm| được| lên| xuống| hơn| gần| trên| khoảng| bình quân)* $|(?:^|[^\w])(?:{comparatives}) hơn $"
    ))
    .expect("change pattern")
});

/// Words that make the figure a goal when they come earlier in its sentence.
static TARGET_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    // `Chỉ tiêu là`, `Chỉ tiêu nghị quyết là`, `chỉ tiêu của Đảng bộ huyện là`: a few words between.
    Regex::new(&format!(
        r"[Pp]hấn đấu|[Mm]ục tiêu|[Cc]hỉ tiêu(?: [{LETTERS}]+){{0,4}} là|phải (?:đạt|có)|để (?:kết nạp|đạt|phát triển)"
    ))
    .expect("target pattern")
});

/// A plan reached: `89,15% chỉ tiêu`, `102% kế hoạch`, `102,5%/KH`, `(153,33%)` after `vượt chỉ
/// tiêu`.
static ACHIEVED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    // `KH` then a non-word character: a Unicode `\b` would keep this pattern off the DFA.
    Regex::new(
        r"^\)? ?(?:so với |so |của |/ ?)?(?:chỉ tiêu|kế hoạch|KH(?:[^\w]|$)|Nghị quyết|nghị quyết)",
    )
    .expect("achievement pattern")
});
static ACHIEVED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:vượt|hoàn thành|đạt) (?:mức |và vượt )?(?:chỉ tiêu|kế hoạch)")
        .expect("achievement pattern")
});

/// [`ACHIEVED_BEFORE`] in `before`. The words the pattern ends with are rarer than the ones it
/// starts with (`đạt` is everywhere), so they are looked for first.
fn achieved_before(before: &str) -> bool {
    ["chỉ tiêu", "kế hoạch"].iter().any(|w| before.contains(w)) && ACHIEVED_BEFORE.is_match(before)
}

static RATE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[Tt]ỷ lệ|[Tt]ỉ lệ|chiếm)(?: đạt| là)? $").expect("rate pattern")
});

/// The parts of a [`PERCENT`] match, read back from its text: the pattern's shape makes them
/// unambiguous (the numbers are the runs of digits, `.` and `,`; the words around them are fixed), so
/// the match is found by the DFA alone and the capture engine, most of this kind's cost, never runs.
/// Offsets are within the match.
#[derive(Debug, PartialEq)]
struct PercentParts<'t> {
    from: bool,
    qualifier: Option<&'t str>,
    number: std::ops::Range<usize>,
    max: Option<&'t str>,
    tail: Option<&'t str>,
}

/// The fixed parts of [`PERCENT`], longest first where one begins another.
const PERCENT_SIGNS: [&str; 3] = ["%", " %", " phần trăm"];
const TAILS: [&str; 3] = [" trở lên", " ít nhất", " tối thiểu"];
const RANGE_JOINS: [&str; 8] = [
    " đến dưới ",
    " đến trên ",
    " đến hết ",
    " đến ",
    " - ",
    " -",
    "- ",
    "-",
];

/// The length of `word` at the start of `s`, its first letter in either case (`[Tt]rên`).
fn word_at(s: &str, word: &str) -> Option<usize> {
    let mut s_chars = s.chars();
    let mut w_chars = word.chars();
    let (first, want) = (s_chars.next()?, w_chars.next()?);
    (first.to_lowercase().eq(want.to_lowercase()) && s_chars.as_str().starts_with(w_chars.as_str()))
        .then(|| first.len_utf8() + w_chars.as_str().len())
}

/// Reads the parts of `m`, a whole match of [`PERCENT`].
fn parts(m: &str) -> PercentParts<'_> {
    let rest = |at: usize| &m[at..];
    let skip = |at: usize, words: &[&'static str]| {
        words
            .iter()
            .find(|w| rest(at).starts_with(**w))
            .map_or(at, |w| at + w.len())
    };
    let number_end = |at: usize| {
        at + rest(at)
            .bytes()
            .position(|b| !(b.is_ascii_digit() || b == b'.' || b == b','))
            .unwrap_or(m.len() - at)
    };
    let tail_at = |at: usize| {
        TAILS
            .iter()
            .find(|t| rest(at) == **t)
            .map(|t| t.trim_start())
    };
    let mut at = 0;
    // Most figures start with their number: no words to look for.
    let worded = !m.starts_with(|c: char| c.is_ascii_digit());
    let from = worded && word_at(m, "từ ").inspect(|n| at += n).is_some();
    let qualifier = QUALIFIER_WORDS.iter().filter(|_| worded).find_map(|w| {
        let n = word_at(rest(at), w)?;
        rest(at)[n..].starts_with(' ').then(|| &rest(at)[..n])
    });
    if let Some(q) = qualifier {
        at += q.len() + 1;
    }
    let number = at..number_end(at);
    let after_sign = skip(number.end, &PERCENT_SIGNS);
    let single =
        after_sign > number.end && (after_sign == m.len() || tail_at(after_sign).is_some());
    let (max, tail) = if single {
        (None, tail_at(after_sign))
    } else {
        let b = skip(after_sign, &RANGE_JOINS);
        let b_end = number_end(b);
        (Some(&m[b..b_end]), tail_at(skip(b_end, &PERCENT_SIGNS)))
    };
    PercentParts {
        from,
        qualifier,
        number,
        max,
        tail,
    }
}

/// Percentages with their roles; callers use [`Doc::percents`], which keeps them.
pub fn find(doc: &Doc) -> Vec<Percent> {
    let text = doc.text;
    let mut anchors: Vec<usize> = memchr::memchr_iter(b'%', text.as_bytes()).collect();
    anchors.extend(memchr::memmem::find_iter(text.as_bytes(), "phần trăm"));
    anchors.sort_unstable();
    super::window_matches(&PERCENT, text, &super::windows(text, anchors, 64, 40))
        .into_iter()
        .filter_map(|whole| {
            let found = parts(&text[whole.clone()]);
            let number = whole.start + found.number.start..whole.start + found.number.end;
            // A number glued to a letter or digit before it is part of something else.
            if text[..number.start]
                .chars()
                .next_back()
                .is_some_and(|p| p.is_alphanumeric() || p == '.' || p == ',')
                && found.qualifier.is_none()
                && !found.from
            {
                return None;
            }
            let value = parse_decimal(&text[number.clone()])?;
            let value_max = match found.max {
                Some(b) => Some(parse_decimal(b)?),
                None => None,
            };
            let compares = found
                .qualifier
                .is_some_and(|q| q.eq_ignore_ascii_case("hơn"))
                && {
                    let near =
                        &text[text.floor_char_boundary(whole.start.saturating_sub(8))..whole.start];
                    let near = near.to_lowercase();
                    COMPARATIVES
                        .iter()
                        .any(|c| near.strip_suffix(' ').is_some_and(|n| n.ends_with(c)))
                };
            let qual = found
                .qualifier
                .filter(|_| !compares)
                .and_then(qualifier)
                .or(found.tail.and_then(qualifier));
            let mut p = Percent {
                start: if compares { number.start } else { whole.start },
                end: whole.end,
                number_start: number.start,
                value,
                value_max,
                qualifier: qual,
                role: Role::Share,
            };
            let minimum = found.tail.is_some() || qual == Some(Qualifier::AtLeast);
            p.role = role(doc, &p, minimum);
            Some(p)
        })
        .collect()
}

/// True when `before` ends with the plan the figure is (`chưa đạt chỉ tiêu 3%`), not the one it
/// exceeds (`vượt chỉ tiêu 15%`).
fn names_the_plan(before: &str) -> bool {
    ["chỉ tiêu ", "chỉ tiêu đề ra ", "chỉ tiêu được giao "]
        .iter()
        .find_map(|w| before.strip_suffix(w))
        .is_some_and(|rest| !rest.ends_with("vượt ") && !rest.ends_with("vượt mức "))
}

fn role(doc: &Doc, p: &Percent, minimum: bool) -> Role {
    let before = doc.before(p.start);
    let near_before = &before[before.floor_char_boundary(before.len().saturating_sub(40))..];
    let after = doc.after(p.end);
    // Up to the end of the clause: another percentage there means a comparison, not a plan share.
    let clause_end = || {
        [", ", ";", "("]
            .iter()
            .filter_map(|m| after.find(m))
            .min()
            .unwrap_or(after.len())
    };
    if CHANGE_BEFORE.is_match(near_before) {
        Role::Change
    } else if minimum
        || names_the_plan(near_before)
        || TARGET_BEFORE.is_match(&before[before.rfind(';').map_or(0, |i| i + 1)..])
    {
        Role::Target
    } else if ACHIEVED_AFTER.is_match(after) && !after[..clause_end()].contains('%') {
        Role::Achievement
    } else if RATE_BEFORE.is_match(near_before) {
        // `đạt tỷ lệ 1,8% trên tổng số` is a rate even after `vượt chỉ tiêu`.
        Role::Share
    } else if achieved_before(before) {
        Role::Achievement
    } else {
        Role::Share
    }
}

pub fn extract(doc: &Doc, out: &mut Vec<Record>) {
    for p in doc.percents() {
        let mut r = Record::new(Kind::Percentage, Value::Decimal(p.value), p.start, p.end);
        r.value_max = p.value_max.map(Value::Decimal);
        r.qualifier = p.qualifier;
        r.role = Some(p.role);
        out.push(r);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::check_table;

    #[test]
    fn examples() {
        check_table(
            extract,
            &[
                (
                    "Năm 2023 kết nạp được 56 đảng viên, đạt 89,15% chỉ tiêu, tăng 11,7% so với năm 2022.",
                    &["89.15 role=achievement", "11.7 role=change"],
                ),
                (
                    "Toàn tỉnh kết nạp 300 đảng viên mới, đạt 102% kế hoạch.",
                    &["102 role=achievement"],
                ),
                (
                    "Kết nạp 205 đảng viên, đạt 102,5%/KH năm.",
                    &["102.5 role=achievement"],
                ),
                (
                    "Đạt tỷ lệ từ 2,5% đến dưới 3% (đạt 2,68% so với 3% ít nhất theo nghị quyết).",
                    &[
                        "2.5..3 role=share text=từ_2,5%_đến_dưới_3%",
                        "2.68 role=share",
                        "3 role=target q=at_least",
                    ],
                ),
                (
                    "Một số đảng bộ kết nạp vượt chỉ tiêu như: Công an tỉnh (153,33%); Mai Sơn 125%.",
                    &["153.33 role=achievement", "125 role=achievement"],
                ),
                (
                    "Mới đạt 1,8% so chỉ tiêu phấn đấu là từ 3%-4% tổng số đảng viên.",
                    &["1.8 role=share", "3..4 role=target"],
                ),
                (
                    "Phấn đấu đạt từ 3-4% trên tổng số đảng viên.",
                    &["3..4 role=target"],
                ),
                ("Chiếm hơn 50%/tổng số kết nạp.", &["50 role=share q=over"]),
                ("Tỷ lệ cử tri đạt 99,996 phần trăm.", &["99.996 role=share"]),
                ("Tăng trưởng 17.45% so với cùng kỳ.", &["17.45 role=change"]),
                (
                    "Chỉ tiêu là tối thiểu 3% trở lên mỗi năm.",
                    &["3 role=target q=at_least"],
                ),
                (
                    "Chỉ tiêu của Đảng bộ huyện là kết nạp 3,5% so với tổng số đảng viên.",
                    &["3.5 role=target"],
                ),
                (
                    "Chỉ tiêu được giao hoàn thành, tỷ lệ đạt 98%.",
                    &["98 role=share"],
                ),
                ("Các xã tăng 12% số hộ khá.", &["12 role=change"]),
                (
                    "Tỷ lệ kết nạp đạt 2,1%, chưa đạt chỉ tiêu 3%; huyện vượt chỉ tiêu 15%.",
                    &["2.1 role=share", "3 role=target", "15 role=achievement"],
                ),
                (
                    "Số đảng viên kết nạp cao hơn 2% so với cùng kỳ; hơn 90% chi bộ đạt.",
                    &["2 role=change text=2%", "90 q=over role=share"],
                ),
                (
                    "Mục tiêu kết nạp 500 đảng viên; tỷ lệ đảng viên nữ chiếm 41,3%.",
                    &["41.3 role=share"],
                ),
                (
                    "Năm 2022 số đảng viên kết nạp vượt chỉ tiêu và đạt tỷ lệ 1,8% trên tổng số đảng viên.",
                    &["1.8 role=share"],
                ),
            ],
        );
    }

    /// A figure written from the pattern's parts: `(từ, qualifier, number, sign after it, join and
    /// second number, tail)`.
    type Written = (
        bool,
        Option<String>,
        String,
        Option<&'static str>,
        Option<(&'static str, String)>,
        Option<&'static str>,
    );

    fn write(w: &Written) -> String {
        let (from, qual, a, sign_a, range, tail) = w;
        let mut s = String::new();
        if *from {
            s += "Từ ";
        }
        if let Some(q) = qual {
            s += &format!("{q} ");
        }
        s += a;
        match range {
            Some((join, b)) => s += &format!("{}{join}{b}%", sign_a.unwrap_or("")),
            None => s += sign_a.unwrap_or("%"),
        }
        s + tail.unwrap_or("")
    }

    proptest::proptest! {
        /// Every string the pattern matches whole reads back into the parts it was written from.
        #[test]
        fn parts_read_back_what_the_pattern_matched(
            from in proptest::bool::ANY,
            qual in proptest::option::of(proptest::sample::select(&QUALIFIER_WORDS[..])),
            capital in proptest::bool::ANY,
            a in "[0-9]{1,3}(\\.[0-9]{3}){0,2}(,[0-9]{1,2})?|[0-9]{1,4}\\.[0-9]{1,2}",
            sign_a in proptest::option::of(proptest::sample::select(&PERCENT_SIGNS[..])),
            range in proptest::option::of((proptest::sample::select(&RANGE_JOINS[..]), "[0-9]{1,2}(,[0-9])?")),
            tail in proptest::option::of(proptest::sample::select(&TAILS[..])),
        ) {
            let from = from && range.is_some();
            let qual = qual.map(|q| {
                let mut chars = q.chars();
                match chars.next() {
                    Some(first) if capital => first.to_uppercase().chain(chars).collect(),
                    _ => q.to_string(),
                }
            });
            let written: Written = (from, qual.clone(), a.clone(), sign_a, range.clone(), tail);
            let text = write(&written);
            let whole = PERCENT.find(&text).expect("a match");
            proptest::prop_assert_eq!(whole, 0..text.len());
            let got = parts(&text);
            proptest::prop_assert_eq!(got.from, from);
            proptest::prop_assert_eq!(got.qualifier, qual.as_deref());
            proptest::prop_assert_eq!(&text[got.number], a.as_str());
            proptest::prop_assert_eq!(got.max, range.as_ref().map(|(_, b)| b.as_str()));
            proptest::prop_assert_eq!(got.tail, tail.map(str::trim_start));
        }
    }

    #[test]
    fn not_percentages() {
        check_table(
            extract,
            &[
                ("Hôm nay24,892 lượt truy cập.", &[]),
                ("Có 48/102 xã đạt chuẩn, nhiệm kỳ 2020-2025.", &[]),
                ("Mã số A12%B không phải tỷ lệ.", &[]),
            ],
        );
    }
}
