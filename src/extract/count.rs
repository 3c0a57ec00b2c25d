//! Count mentions, found once per document for the three count kinds: a number (with its
//! qualifier, range, scale word or `/plan`) and whom it counts (`đảng viên`, `quần chúng`,
//! `học sinh`, `chi bộ`…). What the count *is* (admitted, planned, a total) is decided later by
//! the frames around it ([`super::frame`]).

use std::ops::Range;
use std::sync::LazyLock;

use crate::record::Qualifier;
use crate::text::is_letter;
use crate::text::numbers::{
    QUALIFIER_WORDS, next_digit, parse_count, parse_decimal, qualifier, scale,
};

/// Whom a count counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    /// Party members: `đảng viên`, `ĐV`, `đồng chí`, `đ/c`.
    Members,
    /// The people admitted from: `quần chúng (ưu tú)`.
    Masses,
    /// People by what they are: `học sinh`, `người`, `em`, `trường hợp`, `quân nhân`.
    People,
    /// Members of other bodies, whose `kết nạp` is not the Party's: `đoàn viên`, `hội viên`.
    Outsiders,
    /// A group a breakdown names after its count: `nữ` (`trong đó 85 nữ`).
    Group,
    /// Party units, not people: `chi bộ`, `tổ chức cơ sở đảng`.
    Units,
}

/// The words a count is followed by, longest first where one begins another, with whom they
/// count. Each is matched at a word boundary after the number and one space.
pub const NOUNS: &[(&str, Counted)] = &[
    ("đảng viên", Counted::Members),
    ("Đảng viên", Counted::Members),
    ("ĐV", Counted::Members),
    ("đồng chí", Counted::Members),
    ("đ/c", Counted::Members),
    ("Đ/c", Counted::Members),
    ("quần chúng", Counted::Masses),
    ("trường hợp", Counted::People),
    ("người", Counted::People),
    ("em", Counted::People),
    ("học sinh", Counted::People),
    ("sinh viên", Counted::People),
    ("học viên", Counted::People),
    ("quân nhân", Counted::People),
    ("chiến sĩ", Counted::People),
    ("cán bộ", Counted::People),
    ("công nhân", Counted::People),
    ("giáo viên", Counted::People),
    ("công chức", Counted::People),
    ("viên chức", Counted::People),
    ("đoàn viên", Counted::Outsiders),
    ("hội viên", Counted::Outsiders),
    ("thanh niên", Counted::People),
    ("tân binh", Counted::Outsiders),
    ("chị", Counted::People),
    ("trưởng thôn", Counted::People),
    ("công an viên", Counted::People),
    ("chủ", Counted::People),
    ("ngư dân", Counted::People),
    ("nông dân", Counted::People),
    ("nữ công nhân", Counted::People),
    ("giảng viên", Counted::People),
    ("bác sĩ", Counted::People),
    ("hạ sĩ quan", Counted::People),
    ("doanh nhân", Counted::People),
    ("thợ lò", Counted::People),
    ("thợ mỏ", Counted::People),
    ("giáo dân", Counted::People),
    ("tín đồ", Counted::People),
    ("chức sắc", Counted::People),
    ("vị sư sãi", Counted::People),
    ("sư sãi", Counted::People),
    ("nhà sư", Counted::People),
    ("phật tử", Counted::People),
    ("nhân viên", Counted::People),
    ("nữ", Counted::Group),
    ("chi bộ", Counted::Units),
    ("tổ chức cơ sở đảng", Counted::Units),
    ("tổ chức đảng", Counted::Units),
    ("đảng bộ", Counted::Units),
    ("TCCS", Counted::Units),
];

/// The rows of [`NOUNS`] by the first byte of their word, in table order: a number is followed by
/// a noun of a few rows at most, and trying all of them ran for every figure.
static NOUNS_BY_FIRST_BYTE: LazyLock<Vec<Vec<usize>>> = LazyLock::new(|| {
    let mut by_byte = vec![Vec::new(); 256];
    for (i, (word, _)) in NOUNS.iter().enumerate() {
        by_byte[usize::from(word.as_bytes()[0])].push(i);
    }
    by_byte
});

/// One count as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Where the evidence starts: the qualifier (`trên`) or the number.
    pub start: usize,
    /// The number, its range end and scale word: `1.200 đến 1.500`, `5,2 nghìn`.
    pub number: Range<usize>,
    /// Where the evidence ends: after the counted word (`đảng viên mới`, `đảng viên/năm`).
    pub end: usize,
    pub value: i64,
    pub value_max: Option<i64>,
    pub qualifier: Option<Qualifier>,
    /// Whom it counts; `None` for a bare number (`Hội An 110;`), kept for lists only.
    pub counted: Option<Counted>,
    /// `kết nạp 210/200 đảng viên`: the plan after the slash, with its span.
    pub plan: Option<(i64, Range<usize>)>,
}

/// Joins of a range, longest first where one begins another.
const RANGE_JOINS: [&str; 5] = [" đến ", " - ", " -", "- ", "-"];
/// Scale words after a number.
const SCALES: [&str; 4] = [" nghìn", " ngàn", " vạn", " triệu"];
/// Words between a count and whom it counts that do not change whom: `45 quần chúng ưu tú`.
const NOUN_TAILS: [&str; 3] = [" ưu tú", " mới", "/năm"];

/// The end of a number written from `at`: digits, `.` groups, a `,` decimal part.
fn number_end(bytes: &[u8], at: usize) -> usize {
    let mut i = at;
    while i < bytes.len()
        && (bytes[i].is_ascii_digit()
            || matches!(bytes[i], b'.' | b',') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
    {
        i += 1;
    }
    i
}

/// A count as written, with a scale word: `1.856`, `5,2 nghìn` = 5200; a decimal without a
/// scale word is no count.
fn count_value(number: &str, scale_word: Option<&str>) -> Option<i64> {
    match scale_word.and_then(scale) {
        Some(factor) => Some((parse_decimal(number)? * factor).round() as i64),
        None => parse_count(number),
    }
}

/// The qualifier word right before `at` (`trên `, `Gần `), with where it starts.
fn qualifier_before(text: &str, at: usize) -> Option<(usize, Qualifier)> {
    let before = text[..at].strip_suffix(' ')?;
    let before = before.strip_suffix(" từ").unwrap_or(before);
    QUALIFIER_WORDS.iter().find_map(|w| {
        let first = w.chars().next()?;
        let stem = &w[first.len_utf8()..];
        let head = before.strip_suffix(stem)?;
        let written = head.chars().next_back()?;
        let start = head.len() - written.len_utf8();
        let bounded = head[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !is_letter(c));
        (bounded && written.to_lowercase().eq(first.to_lowercase()))
            .then(|| (start, qualifier(w).expect("a qualifier word")))
    })
}

/// The counted word right after a number at `at` (one space first), and where it ends with
/// the words that do not change it (`ưu tú`, `mới`, `/năm`).
pub fn counted_after(text: &str, at: usize) -> Option<(Counted, usize)> {
    let rest = text[at..].strip_prefix(' ')?;
    // Only the nouns starting with the next byte can match; the table's order among them holds.
    let (word, counted) = NOUNS_BY_FIRST_BYTE[usize::from(*rest.as_bytes().first()?)]
        .iter()
        .map(|&n| &NOUNS[n])
        .find(|(w, _)| {
            rest.strip_prefix(w)
                .is_some_and(|after| after.chars().next().is_none_or(|c| !is_letter(c)))
        })?;
    let mut end = at + 1 + word.len();
    while let Some(tail) = NOUN_TAILS.iter().find(|t| {
        text[end..]
            .strip_prefix(**t)
            .is_some_and(|after| after.chars().next().is_none_or(|c| !is_letter(c)))
    }) {
        end += tail.len();
    }
    Some((*counted, end))
}

/// The count mentions in `text[span]`, in order.
pub fn mentions_in(text: &str, span: Range<usize>, out: &mut Vec<Mention>) {
    let bytes = text.as_bytes();
    let mut i = span.start;
    while let Some(digit) = next_digit(&bytes[..span.end], i) {
        i = digit;
        let start_n = i;
        let end_n = number_end(bytes, i);
        i = end_n.max(i + 1);
        // Glued to a word or a code (`NQ-21`, `H5`, `21-NQ`): no count.
        let prev = text[..start_n].chars().next_back();
        if prev.is_some_and(|c| is_letter(c) || matches!(c, '/' | '-' | '.' | ',' | ':')) {
            continue;
        }
        if let Some(m) = mention_at(text, start_n, end_n) {
            i = i.max(m.number.end);
            out.push(m);
        }
    }
}

/// The mention whose number is written at `text[start_n..end_n]`, if it is a count.
fn mention_at(text: &str, start_n: usize, end_n: usize) -> Option<Mention> {
    let bytes = text.as_bytes();
    let after = &text[end_n..];
    let next = after.as_bytes().first().copied();
    // Percentages, codes (`21-NQ/TW`), times (`10:20`) and dates are other kinds.
    if matches!(next, Some(b'%'))
        || after.starts_with(" %")
        || after.starts_with(" phần trăm")
        || next == Some(b'-') && after[1..].starts_with(|c: char| c.is_ascii_uppercase())
        || next == Some(b':') && after[1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    // `210/200 đảng viên`: done over planned; any other slash is a date or a fraction.
    if next == Some(b'/') {
        let plan_start = end_n + 1;
        if !bytes.get(plan_start).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let plan_end = number_end(bytes, plan_start);
        // `Tân Mộc 12/15;` in a list: done over planned, whom left unsaid (a list item only).
        let bare_item = !after_date_word(text, start_n)
            && (text[plan_end..].is_empty()
                || text[plan_end..].starts_with([';', ',', '.', ')'])
                || text[plan_end..].starts_with(" và "));
        let (counted, end) = match counted_after(text, plan_end) {
            Some((c @ (Counted::Members | Counted::Masses), end)) => (Some(c), end),
            None if bare_item => (None, plan_end),
            _ => return None,
        };
        let value = parse_count(&text[start_n..end_n])?;
        let plan = parse_count(&text[plan_start..plan_end])?;
        let (start, q) =
            qualifier_before(text, start_n).map_or((start_n, None), |(s, q)| (s, Some(q)));
        return Some(Mention {
            start,
            number: start_n..end_n,
            end,
            value,
            value_max: None,
            qualifier: q,
            counted,
            plan: Some((plan, plan_start..end)),
        });
    }
    let mut number_end_at = end_n;
    let mut max = None;
    for join in RANGE_JOINS {
        let from = end_n + join.len();
        if after.starts_with(join) && bytes.get(from).is_some_and(u8::is_ascii_digit) {
            let to = number_end(bytes, from);
            max = Some(from..to);
            number_end_at = to;
            break;
        }
    }
    let scale_word = SCALES
        .iter()
        .find(|w| {
            text[number_end_at..]
                .strip_prefix(**w)
                .is_some_and(|r| r.chars().next().is_none_or(|c| !is_letter(c)))
        })
        .map(|w| {
            number_end_at += w.len();
            w.trim_start()
        });
    let value = count_value(&text[start_n..end_n], scale_word)?;
    let value_max = match &max {
        Some(r) => Some(count_value(&text[r.clone()], scale_word)?),
        None => None,
    };
    // A year or a day is no count, even before whom it is about (`đến năm 2025 đảng viên là
    // người dân tộc thiểu số chiếm …`); a bare number stays for lists (`Hội An 110;`).
    if is_year(&text[start_n..end_n]) && text[..start_n].ends_with("ăm ") {
        return None;
    }
    let counted = counted_after(text, number_end_at);
    let (counted, end) = match counted {
        Some((c, end)) => (Some(c), end),
        // `65 triệu đồng`: a sum, not a count of people; `2024` alone: a year.
        None if scale_word.is_some() || is_year(&text[start_n..end_n]) => return None,
        // `QĐ số 1234`, `ngày 30-8`: a number or a date, not a bare count.
        None if after_date_word(text, start_n) => return None,
        None => (shared_counted(text, number_end_at), number_end_at),
    };
    let (start, q) = qualifier_before(text, start_n).map_or((start_n, None), |(s, q)| (s, Some(q)));
    let written_from = text[..start].strip_suffix("từ ").map_or(start, |s| s.len());
    let start = if max.is_some() { written_from } else { start };
    let q = q.or_else(|| at_least_after(text, end).then_some(Qualifier::AtLeast));
    Some(Mention {
        start,
        number: start_n..number_end_at,
        end,
        value,
        value_max,
        qualifier: q,
        counted,
        plan: None,
    })
}

/// `200 và 215 đồng chí`: whom the next number of a pair counts, said once for both.
fn shared_counted(text: &str, at: usize) -> Option<Counted> {
    let rest = text[at..].strip_prefix(" và ")?;
    let next = text.len() - rest.len();
    let next_end = number_end(text.as_bytes(), next);
    (next_end > next)
        .then(|| counted_after(text, next_end))
        .flatten()
        .map(|(counted, _)| counted)
}

/// True when the number at `at` follows a word that makes it a date, a document's number or a
/// name: `ngày 30-8`, `tháng 9/2024`, `QĐ số 1234`, `học sinh lớp 12`, `Hải đội 2` (not `thiểu
/// số 15.984`).
fn after_date_word(text: &str, at: usize) -> bool {
    let before = &text[..at];
    [
        "số ", "ngày ", "Ngày ", "tháng ", "Tháng ", "lớp ", "đội ", "khóa ",
    ]
    .iter()
    .any(|w| before.ends_with(w))
        && !before.ends_with("thiểu số ")
}

/// True when a bare number reads as a year of the last or this century: `2024`, `1945`.
fn is_year(number: &str) -> bool {
    number.len() == 4
        && number
            .parse::<u32>()
            .is_ok_and(|y| (1930..=2100).contains(&y))
}

/// `500 đảng viên trở lên`: a minimum written after the count.
fn at_least_after(text: &str, end: usize) -> bool {
    text[end..].starts_with(" trở lên")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        mentions_in(text, 0..text.len(), &mut out);
        out.iter()
            .map(|m| {
                let mut s = format!("{}", m.value);
                if let Some(max) = m.value_max {
                    s += &format!("..{max}");
                }
                if let Some(q) = m.qualifier {
                    s += &format!(" q={}", q.as_str());
                }
                if let Some((p, _)) = &m.plan {
                    s += &format!(" plan={p}");
                }
                s += &format!(" {:?} [{}]", m.counted, &text[m.start..m.end]);
                s
            })
            .collect()
    }

    #[test]
    fn counts_and_whom_they_count() {
        let table: &[(&str, &[&str])] = &[
            (
                "kết nạp được 1.856 đảng viên mới",
                &["1856 Some(Members) [1.856 đảng viên mới]"],
            ),
            (
                "bình quân trên 2.400 đảng viên/năm",
                &["2400 q=over Some(Members) [trên 2.400 đảng viên/năm]"],
            ),
            (
                "kết nạp từ 1.200 đến 1.500 đảng viên",
                &["1200..1500 Some(Members) [từ 1.200 đến 1.500 đảng viên]"],
            ),
            (
                "phát triển được 1-3 đảng viên trẻ",
                &["1..3 Some(Members) [1-3 đảng viên]"],
            ),
            (
                "kết nạp 210/200 đảng viên",
                &["210 plan=200 Some(Members) [210/200 đảng viên]"],
            ),
            (
                "12 quần chúng ưu tú",
                &["12 Some(Masses) [12 quần chúng ưu tú]"],
            ),
            (
                "nữ 58 đ/c; Công giáo 37 người",
                &["58 Some(Members) [58 đ/c]", "37 Some(People) [37 người]"],
            ),
            (
                "Hội An 110; Điện Bàn 150.",
                &["110 None [110]", "150 None [150]"],
            ),
            (
                "khoảng 5,2 nghìn đảng viên",
                &["5200 q=about Some(Members) [khoảng 5,2 nghìn đảng viên]"],
            ),
            (
                "500 đảng viên trở lên",
                &["500 q=at_least Some(Members) [500 đảng viên]"],
            ),
            // Not counts: percentages, dates, codes, times, decimals without a scale.
            (
                "đạt 89,15% và 3 %, ngày 12/5/2024, số 21-NQ/TW, lúc 10:20, 1,8 lần",
                &[],
            ),
        ];
        let mut failures = Vec::new();
        for (text, want) in table {
            let got = found(text);
            let got: Vec<&str> = got.iter().map(String::as_str).collect();
            if got != *want {
                failures.push(format!("{text}\n  want {want:?}\n  got  {got:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
