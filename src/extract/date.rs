//! `date`: calendar dates and months, ISO 8601 at the precision written (`XXXX` for a missing
//! year), ranges as ISO intervals.

use std::sync::LazyLock;

use regex::Regex;

use super::{Doc, WindowPattern};
use crate::record::{Kind, Record, Value};

/// A date found in text: its span and ISO value.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub value: String,
}

/// Words after which a bare day-month (`25/5`, `3-2`) is a date.
const STRONG_CUES: &str = "ngày|sáng|chiều|tối|trưa|đêm|khuya|hôm nay|hôm|nay|dịp|lễ|mùng|mồng";
/// Weaker cues, trusted only with a slash (`từ 1-3 đảng viên` is a count).
const SLASH_CUES: &str = "từ|đến|tới|trước|sau";

/// A cue word, then one of the written forms of a date. The match is found by the DFA alone and
/// read back by [`parts`]: the numbers are its digit runs and the words between them tell the forms
/// apart, so the capture engine (most of this kind's cost) never runs.
static DATE: LazyLock<WindowPattern> = LazyLock::new(|| {
    // `Sáng nay (23/11)`: the day-month may stand in parentheses after its cue.
    let cue = format!(r"(?i:(?:{STRONG_CUES}|{SLASH_CUES})(?: ngày)? \(?)?");
    let d = "[0-9]{1,2}";
    let y = "[0-9]{4}";
    let alternatives = [
        // 2023-10-20 (ISO, in some datelines)
        format!(r"{y}-{d}-{d}"),
        // 27-28/7/2020
        format!(r"{d} ?- ?{d}/{d}/{y}"),
        // từ ngày 5 đến 12/9/1985
        format!(r"{d} đến (?:ngày )?{d}/{d}/{y}"),
        // 18/10/2022, 18-10-2022, 18.10.2022
        format!(r"{d}/{d}/{y}|{d}-{d}-{y}|{d}\.{d}\.{y}"),
        // 26 tháng 6 năm 2014, 21 Tháng 9 2016
        format!(r"{d} [Tt]háng {d}(?:,? năm | |/|-){y}"),
        // 5 tháng 9 (a cue is required, see below)
        format!(r"{d} tháng {d}"),
        // tháng 10/2023, tháng 6 năm 2014, Tháng 9 2016, tháng 7-2022, tháng 8.2004
        format!(r"[Tt]háng {d}(?:,? năm | |/|-|\.){y}"),
        // 25/5, 3-2, 14.11 (a cue is required)
        format!(r"{d}[/.-]{d}"),
    ];
    WindowPattern::new(&format!(r"{cue}(?:{})", alternatives.join("|"))).expect("date pattern")
});

/// The written form of a [`DATE`] match, with its numbers.
#[derive(Debug, PartialEq)]
enum Form {
    /// `18/10/2022`, `2023-10-20`, `26 tháng 6 năm 2014`.
    Day { d: u32, m: u32, y: u32 },
    /// `27-28/7/2020`, `5 đến 12/9/1985`.
    Days { d0: u32, d1: u32, m: u32, y: u32 },
    /// `tháng 10/2023`.
    Month { m: u32, y: u32 },
    /// `5 tháng 9`.
    DayOfMonth { d: u32, m: u32 },
    /// `25/5`, `3-2`, `14.11`, with whether a slash joins them.
    DayMonth { d: u32, m: u32, slash: bool },
}

/// A [`DATE`] match read back: its cue word in lower case, where the date itself starts (after
/// the cue), and its form.
#[derive(Debug, PartialEq)]
struct DateParts {
    cue: Option<String>,
    body: usize,
    form: Form,
}

/// Reads back `m`, a whole match of [`DATE`].
fn parts(m: &str) -> DateParts {
    let bytes = m.as_bytes();
    let first_digit = bytes.iter().position(u8::is_ascii_digit).unwrap_or(0);
    let month_word = ["tháng ", "Tháng "]
        .iter()
        .any(|w| m[..first_digit].ends_with(w));
    let body = if month_word {
        first_digit - "tháng ".len()
    } else {
        first_digit
    };
    let cue = (body > 0).then(|| {
        let prefix = m[..body].to_lowercase();
        let prefix = prefix.trim_end_matches('(').trim_end_matches(' ');
        match prefix.strip_suffix(" ngày") {
            Some(cue) if !cue.is_empty() => cue.to_string(),
            _ => prefix.to_string(),
        }
    });
    // The numbers in order (at most four) and how many there are.
    let (mut n, mut count, mut len0) = ([0u32; 4], 0, 0);
    for run in bytes[body..]
        .split(|b| !b.is_ascii_digit())
        .filter(|r| !r.is_empty())
    {
        if count == 0 {
            len0 = run.len();
        }
        if let Some(slot) = n.get_mut(count) {
            *slot = run.iter().fold(0, |v, &b| v * 10 + u32::from(b - b'0'));
        }
        count += 1;
    }
    let [n0, n1, n2, n3] = n;
    let form = match count {
        _ if month_word => Form::Month { m: n0, y: n1 },
        4 => Form::Days {
            d0: n0,
            d1: n1,
            m: n2,
            y: n3,
        },
        3 if len0 == 4 => Form::Day {
            d: n2,
            m: n1,
            y: n0,
        },
        3 => Form::Day {
            d: n0,
            m: n1,
            y: n2,
        },
        _ if m[body..].contains("tháng") => Form::DayOfMonth { d: n0, m: n1 },
        _ => Form::DayMonth {
            d: n0,
            m: n1,
            slash: bytes[body + len0] == b'/',
        },
    };
    DateParts { cue, body, form }
}

/// After a bare day-month, these mean a fraction or a count, not a date.
static NOT_AFTER_DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[0-9%/]|[.,-][0-9]| ?%| (?:số|tổng|trong|lần|người|đảng viên|đồng chí|tỉnh|xã|huyện|đơn vị|chi bộ|đảng bộ)(?:\P{L}|$))")
        .expect("fraction pattern")
});

/// Two dates joined into one interval: `19/5/1890 - 19/5/2025`, `từ 5/9 đến 12/9/1985`.
static RANGE_JOIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ ?(?:-|đến(?: hết)?(?: ngày)?) ?$").expect("range join"));

const DAYS: [u32; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

fn valid_year(y: u32) -> bool {
    (1800..=2100).contains(&y)
}

/// ISO day: `2022-10-18`, or `XXXX-05-25` without a year; `None` for an impossible date.
fn iso_day(d: u32, m: u32, y: Option<u32>) -> Option<String> {
    if !(1..=12).contains(&m) || d == 0 || d > DAYS[m as usize - 1] {
        return None;
    }
    match y {
        Some(y) if !valid_year(y) => None,
        Some(y) if m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => None,
        Some(y) => Some(format!("{y:04}-{m:02}-{d:02}")),
        None => Some(format!("XXXX-{m:02}-{d:02}")),
    }
}

fn iso_interval(d0: u32, d1: u32, m: u32, y: u32) -> Option<String> {
    (d0 < d1).then_some(())?;
    Some(format!(
        "{}/{}",
        iso_day(d0, m, Some(y))?,
        iso_day(d1, m, Some(y))?
    ))
}

/// Every date mention in `text`, ranges merged, in text order.
pub fn find(text: &str) -> Vec<DateMention> {
    let mut found: Vec<DateMention> = Vec::new();
    for window in super::windows(text, anchors(text), 48, 24) {
        find_in(text, window, &mut found);
    }
    found
}

/// Where a date may be: a `/`, `-` or `.` between a day and a month (one or two digits on each
/// side, so `1.856`, `2020-2025` and `43/2022` are passed over), or the word `tháng` before a number.
fn anchors(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let day_or_month_ends =
        |i: usize| digit_at(i) && !(digit_at(i.wrapping_sub(1)) && digit_at(i.wrapping_sub(2)));
    let day_or_month_starts = |i: usize| digit_at(i) && !(digit_at(i + 1) && digit_at(i + 2));
    let mut out: Vec<usize> = memchr::memchr3_iter(b'/', b'-', b'.', bytes)
        .filter(|&i| i > 0 && day_or_month_ends(i - 1) && day_or_month_starts(i + 1))
        .collect();
    // Every date written with `tháng` has a number right after it (`tháng 6`, `5 tháng 9`).
    out.extend(
        memchr::memmem::find_iter(bytes, "háng ")
            .filter(|&i| bytes.get(i + "háng ".len()).is_some_and(u8::is_ascii_digit)),
    );
    out.sort_unstable();
    out
}

fn find_in(text: &str, window: std::ops::Range<usize>, found: &mut Vec<DateMention>) {
    let haystack = &text[..window.end];
    let mut at = window.start;
    while let Some(whole) = DATE.find_at(haystack, at) {
        // A rejected match may hide a date that starts inside it (`08:12 - 17/04/2018`).
        at = whole.start + text[whole.start..].chars().next().map_or(1, char::len_utf8);
        let DateParts { cue, body, form } = parts(&text[whole.clone()]);
        let strong_cue = cue
            .as_deref()
            .is_some_and(|c| !SLASH_CUES.split('|').any(|w| w == c));
        let first = whole.start + body;
        let glued = text[..first]
            .chars()
            .next_back()
            .is_some_and(|p| p.is_alphanumeric() || "/.,-:".contains(p));
        if cue.is_none() && glued {
            continue;
        }
        let after = &text[whole.end..];
        if after.starts_with(|ch: char| ch.is_ascii_digit() || ch == '/') {
            continue;
        }
        let value = match form {
            Form::Day { d, m, y } => iso_day(d, m, Some(y)),
            Form::Days { d0, d1, m, y } => iso_interval(d0, d1, m, y),
            Form::Month { m, y } => {
                ((1..=12).contains(&m) && valid_year(y)).then(|| format!("{y:04}-{m:02}"))
            }
            Form::DayOfMonth { d, m } => {
                if cue.is_none() {
                    continue;
                }
                iso_day(d, m, None)
            }
            Form::DayMonth { d, m, slash } => {
                // `ngày 30/4 và 1/5`: a day-month listed right after a date is a date too.
                let listed = slash
                    && found.last().is_some_and(|prev| {
                        matches!(
                            text.get(prev.end..whole.start),
                            Some(" và " | ", " | " và ngày " | ", ngày ")
                        )
                    });
                if !(strong_cue || listed || (cue.is_some() && slash))
                    || NOT_AFTER_DAY_MONTH.is_match(after)
                {
                    continue;
                }
                iso_day(d, m, None)
            }
        };
        let Some(value) = value else { continue };
        at = whole.end;
        // The span keeps `ngày` and `tháng` but not other cue words (`Hôm nay 25/5` → `25/5`).
        let start = match cue.as_deref() {
            Some("ngày") => whole.start,
            _ => first,
        };
        let mention = DateMention {
            start,
            end: whole.end,
            value,
        };
        match found.last_mut() {
            Some(prev)
                if RANGE_JOIN.is_match(&text[prev.end..start.max(prev.end)])
                    && !prev.value.contains('/') =>
            {
                if let Some(joined) = join_range(&prev.value, &mention.value) {
                    prev.value = joined;
                    prev.end = mention.end;
                    continue;
                }
                found.push(mention);
            }
            _ => found.push(mention),
        }
    }
}

/// `XXXX-09-05` + `1985-09-12` → `1985-09-05/1985-09-12`; two full days or months join as they are.
fn join_range(first: &str, second: &str) -> Option<String> {
    if second.contains('/') || first.len() != second.len() {
        return None;
    }
    let first = match first.strip_prefix("XXXX") {
        Some(rest) if !second.starts_with("XXXX") => format!("{}{rest}", &second[..4]),
        _ => first.to_string(),
    };
    (first.as_str() < second).then(|| format!("{first}/{second}"))
}

pub fn extract(doc: &Doc, out: &mut Vec<Record>) {
    for d in find(doc.text) {
        out.push(Record::new(
            Kind::Date,
            Value::Text(d.value),
            d.start,
            d.end,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::check_table;

    #[test]
    fn forms() {
        check_table(
            extract,
            &[
                (
                    "Chương trình số 10-CTr/TU, ngày 18/10/2022 của Tỉnh ủy",
                    &["2022-10-18 text=ngày_18/10/2022"],
                ),
                ("Thứ Sáu, 01/02/2019", &["2019-02-01"]),
                (
                    "ngày 18-10-2022 và 15-6-2003",
                    &["2022-10-18", "2003-06-15"],
                ),
                ("ngày 26 tháng 6 năm 2014", &["2014-06-26"]),
                (
                    "đến hết tháng 10/2023, tháng 7-2022, tháng 8.2004",
                    &["2023-10", "2022-07", "2004-08"],
                ),
                ("tháng 6 năm 2014; Tháng 9 2016", &["2014-06", "2016-09"]),
                ("Hôm nay 25/5, Quốc hội họp", &["XXXX-05-25 text=25/5"]),
                ("Sáng nay (23/11), Đảng ủy họp", &["XXXX-11-23 text=23/11"]),
                (
                    "Sáng 3-2, chiều 14.11, ngày 30-6",
                    &["XXXX-02-03", "XXXX-11-14", "XXXX-06-30"],
                ),
                ("Sáng ngày 6.5 đoàn đến thăm", &["XXXX-05-06"]),
                ("Thứ Hai, 07/12/2015, 11:31 [GMT+7]", &["2015-12-07"]),
                ("10:05, Thứ Năm, 14/03/2019 (GMT+7)", &["2019-03-14"]),
                ("Thứ tư, 21 Tháng 9 2016 08:15", &["2016-09-21"]),
                ("08:12 - 17/04/2018", &["2018-04-17"]),
                ("Thứ Bảy, 09/01/2021 | 07:45", &["2021-01-09"]),
                (
                    "Ngày đăng: 2023-10-20 09:12",
                    &["2023-10-20 text=2023-10-20"],
                ),
                ("06:30, ngày 12-08-2017", &["2017-08-12"]),
                (
                    "Trong 2 ngày (27-28/7/2020) Đại hội",
                    &["2020-07-27/2020-07-28"],
                ),
                ("từ ngày 5 đến 12/9/1985", &["1985-09-05/1985-09-12"]),
                ("(19/5/1890 - 19/5/2025)", &["1890-05-19/2025-05-19"]),
                ("từ 5/9 đến 12/9/1985", &["1985-09-05/1985-09-12"]),
                ("ngày     tháng 5 năm 2019", &["2019-05"]),
                ("ngày 5 tháng 9, hội nghị", &["XXXX-09-05"]),
                ("ngày 29/2/2024 nhưng không phải 29/2/2023", &["2024-02-29"]),
                (
                    "Dịp nghỉ lễ 30/4 và 1/5, chiều 2/9, 3/9",
                    &["XXXX-04-30", "XXXX-05-01", "XXXX-09-02", "XXXX-09-03"],
                ),
            ],
        );
    }

    /// A date written in one of [`DATE`]'s forms from its numbers, and the form it should read as.
    fn written(shape: usize, [a, b, c]: [u32; 3], year: u32) -> (String, Form) {
        let (d, m) = (a % 100, b % 100);
        match shape {
            0 => (format!("{year}-{m:02}-{d:02}"), Form::Day { d, m, y: year }),
            1 => (
                format!("{d} - {}/{m}/{year}", c % 100),
                Form::Days {
                    d0: d,
                    d1: c % 100,
                    m,
                    y: year,
                },
            ),
            2 => (
                format!("{d} đến ngày {}/{m}/{year}", c % 100),
                Form::Days {
                    d0: d,
                    d1: c % 100,
                    m,
                    y: year,
                },
            ),
            3 => (format!("{d}.{m}.{year}"), Form::Day { d, m, y: year }),
            4 => (
                format!("{d} Tháng {m}, năm {year}"),
                Form::Day { d, m, y: year },
            ),
            5 => (format!("{d} tháng {m}"), Form::DayOfMonth { d, m }),
            6 => (format!("tháng {m}-{year}"), Form::Month { m, y: year }),
            _ => (format!("{d}/{m}"), Form::DayMonth { d, m, slash: true }),
        }
    }

    proptest::proptest! {
        /// Every string the pattern matches whole reads back into the cue and numbers it was
        /// written from.
        #[test]
        fn parts_read_back_what_the_pattern_matched(
            cue in proptest::option::of((
                proptest::sample::select(STRONG_CUES.split('|').chain(SLASH_CUES.split('|')).collect::<Vec<_>>()),
                proptest::bool::ANY,
                proptest::bool::ANY,
                proptest::bool::ANY,
            )),
            shape in 0usize..8,
            numbers in proptest::array::uniform3(0u32..100),
            year in 1000u32..10000,
        ) {
            let (date, form) = written(shape, numbers, year);
            let prefix = match cue {
                Some((word, capital, ngay, paren)) => {
                    let mut chars = word.chars();
                    let first = chars.next().unwrap();
                    let word: String = if capital { first.to_uppercase().chain(chars).collect() } else { word.to_string() };
                    format!("{word}{} {}", if ngay { " ngày" } else { "" }, if paren { "(" } else { "" })
                }
                None => String::new(),
            };
            let text = format!("{prefix}{date}");
            let whole = DATE.find(&text).expect("a match");
            proptest::prop_assert_eq!(whole, 0..text.len());
            let got = parts(&text);
            proptest::prop_assert_eq!(got.cue, cue.map(|(word, ..)| word.to_string()));
            proptest::prop_assert_eq!(got.body, prefix.len());
            proptest::prop_assert_eq!(got.form, form);
        }
    }

    #[test]
    fn not_dates() {
        check_table(
            extract,
            &[
                ("ngày 32/1/2020, tháng 13/2020, 31/4/2021", &[]),
                ("5/34 tỉnh, 37/512, 120/930 (= 12,9%)", &[]),
                ("phát triển được 1-3 đảng viên, từ 1-3 đảng viên", &[]),
                ("tăng 12/9% và 11:31 sáng", &[]),
                (
                    "năm học 2023 – 2024, nhiệm kỳ 2020-2025, năm 2023, quý I",
                    &[],
                ),
                ("Nghị quyết số 43/2022/QH15 và 12/2019/TT-BGDĐT", &[]),
                ("nhiệm kỳ 2020-2025-2030, mã 2023-13-45", &[]),
                (
                    "10 tháng năm 2023, 6 tháng đầu năm, tháng 9, đầu tháng 4",
                    &[],
                ),
                ("đến 2/3 số đảng viên, Bạn còn 500/500 ký tự", &[]),
            ],
        );
    }
}
