//! `date`: calendar dates and months, ISO 8601 at the precision written (`XXXX` for a missing
//! year), ranges as ISO intervals.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use super::{Doc, LETTERS, WindowPattern};
use crate::record::{Kind, Record, Value};

/// A date found in text: its span and ISO value.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub value: String,
}

/// Words after which a bare day-month (`25/5`, `3-2`) is a date.
const STRONG_CUES: &str = "ngày|hôm qua|sáng qua|chiều qua|tối qua|sáng|chiều|tối|trưa|đêm|khuya|hôm nay|hôm|nay|dịp|lễ|đợt|mùng|mồng";
/// Weaker cues, trusted only with a slash (`từ 1-3 đảng viên` is a count).
const SLASH_CUES: &str = "từ|đến|tới|trước|sau";

/// Month names written out (`tháng Tám`, `Tháng Mười Hai`), longest first where one begins
/// another. `tháng Giêng` and `tháng Chạp` name lunar months and are left out; so is a lower-case
/// `năm`, which is the word for year (`10 tháng năm 2023` is a duration).
const MONTH_WORDS: [(&str, u32); 13] = [
    ("mười một", 11),
    ("mười hai", 12),
    ("mười", 10),
    ("một", 1),
    ("hai", 2),
    ("ba", 3),
    ("tư", 4),
    ("bốn", 4),
    ("Năm", 5),
    ("sáu", 6),
    ("bảy", 7),
    ("tám", 8),
    ("chín", 9),
];

/// The month named by the word `s` starts with, and the word's length.
fn month_word(s: &str) -> Option<(u32, usize)> {
    MONTH_WORDS.iter().find_map(|&(word, m)| {
        let n = word.len();
        let written = s.get(..n)?;
        let same = if word == "Năm" {
            written == word
        } else {
            written
                .chars()
                .flat_map(char::to_lowercase)
                .eq(word.chars())
        };
        let ends = !s[n..].starts_with(char::is_alphabetic);
        (same && ends).then_some((m, n))
    })
}

/// A cue word, then one of the written forms of a date. The match is found by the DFA alone and
/// read back by [`parts`]: the numbers are its digit runs (and a month word after `tháng`), and
/// the words between them tell the forms apart, so the capture engine (most of this kind's cost)
/// never runs. A day range or list (`8-10/11`, `ngày 5 và 6/9`) is found as its last date and
/// widened by [`leading_days`].
static DATE: LazyLock<WindowPattern> = LazyLock::new(|| {
    // `Sáng nay (23/11)`: the day-month may stand in parentheses after its cue.
    let cue = format!(r"(?i:(?:{STRONG_CUES}|{SLASH_CUES})(?: ngày)? \(?)?");
    let d = "[0-9]{1,2}";
    let y = "[0-9]{4}";
    let words: Vec<String> = MONTH_WORDS
        .iter()
        .map(|(w, _)| match *w {
            "Năm" => "Năm".to_string(),
            w => format!("(?i:{w})"),
        })
        .collect();
    // A month in digits or in words.
    let m = format!("(?:{d}|{})", words.join("|"));
    // Between a month and its year: `tháng 6 năm 2014`, `tháng 10/2023`, `Tháng 6- 2023`.
    let month_year = format!(r"(?:,? năm |, | ?[/.-] ?| ){y}");
    let alternatives = [
        // 2023-10-20 (ISO, in some datelines)
        format!(r"{y}-{d}-{d}"),
        // 18/10/2022, 18-10-2022, 5 - 9 - 2024, 18.10.2022
        format!(r"{d}/{d}/{y}|{d} ?- ?{d} ?- ?{y}|{d}\.{d}\.{y}"),
        // 26 tháng 6 năm 2014, 21 Tháng 9 2016, 9 Tháng Tám 2015
        format!(r"{d} [Tt]háng {m}{month_year}"),
        // 5 tháng 9, 30 tháng Tư (a cue is required, see below)
        format!(r"{d} tháng {m}"),
        // tháng 3-5/2024, từ tháng 1 đến tháng 10/2023
        format!(r"[Tt]háng {d}(?: ?- ?| đến (?:hết )?(?:tháng )?){d}{month_year}"),
        // tháng 10/2023, tháng 6 năm 2014, Tháng 9 2016, tháng 7-2022, tháng Mười Hai năm 2024
        format!(r"[Tt]háng {m}{month_year}"),
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
    /// `tháng 10/2023`.
    Month { m: u32, y: u32 },
    /// `tháng 3-5/2024`, `tháng 1 đến tháng 10/2023`.
    Months { m0: u32, m1: u32, y: u32 },
    /// `5 tháng 9`.
    DayOfMonth { d: u32, m: u32 },
    /// `25/5`, `3-2`, `14.11`, with whether a slash joins them.
    DayMonth { d: u32, m: u32, slash: bool },
}

/// A [`DATE`] match read back: its cue word in lower case, where the date itself starts (after
/// the cue), its form, and whether it ends with a month word.
#[derive(Debug, PartialEq)]
struct DateParts<'t> {
    cue: Option<Cow<'t, str>>,
    body: usize,
    form: Form,
    worded: bool,
}

/// Reads back `m`, a whole match of [`DATE`].
fn parts(m: &str) -> DateParts<'_> {
    let bytes = m.as_bytes();
    let first_digit = bytes.iter().position(u8::is_ascii_digit).unwrap_or(m.len());
    // `tháng` before any digit opens a month-year (`tháng 6/2014`, `tháng Tám 2015`).
    // Looked for byte by byte before the first digit: the match is short, and a substring
    // search prepares its word anew per call.
    let month_first = bytes[..first_digit]
        .windows("háng ".len())
        .position(|w| w == "háng ".as_bytes())
        .filter(|&h| h > 0)
        .map(|h| h - 1);
    let body = month_first.unwrap_or(first_digit);
    let cue = (body > 0).then(|| {
        let word = |prefix: &str| -> std::ops::Range<usize> {
            let prefix = prefix.trim_end_matches('(').trim_end_matches(' ');
            match prefix.strip_suffix(" ngày") {
                Some(cue) if !cue.is_empty() => 0..cue.len(),
                _ => 0..prefix.len(),
            }
        };
        // Most cues are written in lower case already: lowered (a new string) only when not.
        let written = &m[..body];
        if is_lower_case(written) {
            Cow::Borrowed(&written[word(written)])
        } else {
            let mut lower = written.to_lowercase();
            lower.truncate(word(&lower).end);
            Cow::Owned(lower)
        }
    });
    // The numbers in order (at most three, a month word as its number), how many there are, and
    // the length of the first as written.
    let (mut n, mut count, mut len0, mut worded) = ([0u32; 3], 0, 0, false);
    let mut i = body;
    while i < m.len() {
        let (value, len) = if bytes[i].is_ascii_digit() {
            let len = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            let value = bytes[i..i + len]
                .iter()
                .fold(0, |v, &b| v * 10 + u32::from(b - b'0'));
            (value, len)
        } else if let Some((month, len)) = bytes[i..]
            .starts_with("háng ".as_bytes())
            .then(|| month_word(&m[i + "háng ".len()..]))
            .flatten()
            .map(|(month, len)| (month, len + "háng ".len()))
        {
            worded = i + len == m.len();
            (month, len)
        } else {
            i += 1;
            continue;
        };
        if count == 0 {
            len0 = len;
        }
        if let Some(slot) = n.get_mut(count) {
            *slot = value;
        }
        count += 1;
        i += len;
    }
    let [n0, n1, n2] = n;
    let form = match count {
        3 if month_first.is_some() => Form::Months {
            m0: n0,
            m1: n1,
            y: n2,
        },
        _ if month_first.is_some() => Form::Month { m: n0, y: n1 },
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
    DateParts {
        cue,
        body,
        form,
        worded,
    }
}

/// True when `s` is unchanged by [`str::to_lowercase`].
fn is_lower_case(s: &str) -> bool {
    s.chars().all(|c| {
        if c.is_ascii() {
            !c.is_ascii_uppercase()
        } else {
            c.to_lowercase().eq([c])
        }
    })
}

/// After a bare day-month, these mean a fraction or a count, not a date.
static NOT_AFTER_DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[0-9%/]|[.,-][0-9]| ?%| (?:số|tổng|trong|lần|người|đảng viên|đồng chí|tỉnh|xã|huyện|đơn vị|chi bộ|đảng bộ)(?:\P{L}|$))")
        .expect("fraction pattern")
});

/// Two dates joined into one interval: `19/5/1890 - 19/5/2025`, `từ 5/9 đến 12/9/1985`.
static RANGE_JOIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ ?(?:-|đến(?: hết)?(?: ngày)?) ?$").expect("range join"));

/// Days written before a date that share its month: a range (`8-10/11`, `3 - 5.12`, `từ ngày 6
/// đến ngày 9 tháng 3 năm 2021`) or a list (`ngày 5 và 6/9`, `Ngày 17, 18 tháng 04 năm 2019`).
/// Matched against the text before the date; the day after a digit, `/`, `.`, `,` or `:` is part
/// of another number (`3/2/1930-3/2/2025`, `08:12 - 17/04/2018`).
static LEADING_DAYS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^0-9/.,:-])((?i:ngày) )?([0-9]{1,2}(?:(?:, ?| và )[0-9]{1,2})*)( ?- ?| đến (?:hết )?(?:ngày )?|, ?(?:ngày )?| và (?:ngày )?)$",
    )
    .expect("leading days pattern")
});

/// Days before a date, read by [`leading_days`].
struct LeadingDays {
    /// Where they start (at `ngày` when written).
    start: usize,
    /// Each day and where its number is.
    days: Vec<(u32, usize, usize)>,
    /// Joined by `-` or `đến` (a range), not `,` or `và` (a list).
    range: bool,
}

/// The days written right before `first`, where a date starts. A list needs `ngày` before it
/// (`có 5 và 6/9 xã` counts), and a weekday's number is no day (`Thứ 2 - 10/5/2024`).
fn leading_days(text: &str, first: usize) -> Option<LeadingDays> {
    // Every join ends in one of these words or marks: look for them before running the pattern.
    let joined = text[..first].trim_end_matches(' ');
    if !["-", ",", "đến", "và", "ngày", "hết"]
        .iter()
        .any(|w| joined.ends_with(w))
    {
        return None;
    }
    let from = text.floor_char_boundary(first.saturating_sub(40));
    let c = LEADING_DAYS.captures(&text[from..first])?;
    let (ngay, days, join) = (c.get(1), c.get(2)?, c.get(3)?);
    let range = join.as_str().trim_start().starts_with(['-', 'đ']);
    let before = &text[..from + days.start()];
    let weekday = ["thứ ", "Thứ ", "THỨ "].iter().any(|w| before.ends_with(w));
    if (!range && ngay.is_none()) || (ngay.is_none() && weekday) {
        return None;
    }
    let mut out = Vec::new();
    let mut at = from + days.start();
    for run in days.as_str().split(|c: char| !c.is_ascii_digit()) {
        if !run.is_empty() {
            let start = at + text[at..].find(run)?;
            out.push((run.parse().ok()?, start, start + run.len()));
            at = start + run.len();
        }
    }
    if range && out.len() != 1 {
        return None;
    }
    Some(LeadingDays {
        start: from + ngay.map_or(days.start(), |g| g.start()),
        days: out,
        range,
    })
}

/// After a day and month, these make it a lunar date: `âm lịch`, `(ÂL)`, a year named by its
/// stem (`năm Giáp Thìn`), also after the other end of a range (`29 tháng 8 đến mùng 1 tháng 9
/// âm lịch`).
static LUNAR_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?: ?(?:-|đến) (?:ngày |mùng |mồng )?[0-9]{1,2}(?: tháng |/)[0-9]{1,2})?(?: \(?(?:âm lịch|Âm lịch|ÂL)|,? năm (?:Giáp|Ất|Bính|Đinh|Mậu|Kỷ|Canh|Tân|Nhâm|Quý) )",
    )
    .expect("lunar pattern")
});

/// An occasion named before a day-month a few words back: `Dịp Giáng sinh 25/12`, `Ngày thành
/// lập Mặt trận Dân tộc Thống nhất Việt Nam 18/11`, `kỷ niệm Ngày Thầy thuốc 27/2`.
static OCCASION_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[^{LETTERS}])(?:Ngày|[Dd]ịp|[Ll]ễ|[Tt]ết|[Kk]ỷ niệm) [{LETTERS} ]{{1,60}} $"
    ))
    .expect("occasion pattern")
});

/// What may follow a day-month an occasion names: the end of its phrase.
static OCCASION_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[.,;:)!?…]|$| (?:và|vừa|tới|sắp|hằng|hàng|năm|này)(?:[^\w]|$))")
        .expect("occasion end pattern")
});

const DAYS: [u32; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

fn valid_year(y: u32) -> bool {
    (1800..=2100).contains(&y)
}

/// ISO day: `2022-10-18`, or `XXXX-05-25` without a year; `None` for an impossible date.
fn iso_day(d: u32, m: u32, y: Option<u32>) -> Option<String> {
    if !(1..=12).contains(&m) || d == 0 || d > DAYS[m as usize - 1] {
        return None;
    }
    let mut iso = String::with_capacity("XXXX-MM-DD".len());
    match y {
        Some(y) if !valid_year(y) => return None,
        Some(y) if m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => {
            return None;
        }
        Some(y) => push_padded(&mut iso, y, 4),
        None => iso.push_str("XXXX"),
    }
    for n in [m, d] {
        iso.push('-');
        push_padded(&mut iso, n, 2);
    }
    Some(iso)
}

/// `n` zero-padded to `width` digits, as `format!("{n:0width$}")` writes it: the formatting
/// machinery cost more than the rest of a date.
fn push_padded(out: &mut String, n: u32, width: usize) {
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(n);
    out.extend(std::iter::repeat_n('0', width.saturating_sub(digits.len())));
    out.push_str(digits);
}

/// ISO month: `2023-10`; `None` for an impossible one.
fn iso_month(m: u32, y: u32) -> Option<String> {
    ((1..=12).contains(&m) && valid_year(y)).then(|| {
        let mut iso = String::with_capacity("YYYY-MM".len());
        push_padded(&mut iso, y, 4);
        iso.push('-');
        push_padded(&mut iso, m, 2);
        iso
    })
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
/// side, so `1.856`, `2020-2025` and `43/2022` are passed over), a ` - ` between them (`5 - 9 -
/// 2024`), or the word `tháng` before a number or a month word.
fn anchors(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let day_or_month_ends =
        |i: usize| digit_at(i) && !(digit_at(i.wrapping_sub(1)) && digit_at(i.wrapping_sub(2)));
    let day_or_month_starts = |i: usize| digit_at(i) && !(digit_at(i + 1) && digit_at(i + 2));
    let spaced_dash = |i: usize| {
        bytes[i] == b'-'
            && i > 1
            && bytes[i - 1] == b' '
            && bytes.get(i + 1) == Some(&b' ')
            && day_or_month_ends(i - 2)
            && day_or_month_starts(i + 2)
    };
    let mut out: Vec<usize> = memchr::memchr3_iter(b'/', b'-', b'.', bytes)
        .filter(|&i| {
            (i > 0 && day_or_month_ends(i - 1) && day_or_month_starts(i + 1)) || spaced_dash(i)
        })
        .collect();
    // Every date written with `tháng` has a number or a month word right after it.
    out.extend(THANG.find_iter(bytes).filter(|&i| {
        let next = i + "háng ".len();
        digit_at(next) || text.get(next..).and_then(month_word).is_some()
    }));
    out.sort_unstable();
    out
}

/// `háng ` (of `tháng`), prepared once: [`find`] runs on many short texts.
static THANG: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("háng "));

fn find_in(text: &str, window: std::ops::Range<usize>, found: &mut Vec<DateMention>) {
    let haystack = &text[..window.end];
    let mut at = window.start;
    while let Some(whole) = DATE.find_at(haystack, at) {
        // A rejected match may hide a date that starts inside it (`08:12 - 17/04/2018`).
        at = whole.start + text[whole.start..].chars().next().map_or(1, char::len_utf8);
        let DateParts {
            cue,
            body,
            form,
            worded,
        } = parts(&text[whole.clone()]);
        let strong_cue = cue
            .as_deref()
            .is_some_and(|c| !SLASH_CUES.split('|').any(|w| w == c));
        let first = whole.start + body;
        let lead = leading_days(text, first);
        // `3/2/1930-3/2/2025`: the second date is glued to the first by the dash between them.
        let joins_previous = found
            .last()
            .is_some_and(|p| p.end <= first && RANGE_JOIN.is_match(&text[p.end..first]));
        let glued = text[..first]
            .chars()
            .next_back()
            .is_some_and(|p| p.is_alphanumeric() || "/.,-:".contains(p));
        if cue.is_none() && glued && lead.is_none() && !joins_previous {
            continue;
        }
        let after = &text[whole.end..];
        if after.starts_with(|ch: char| ch.is_ascii_digit() || ch == '/')
            || worded && after.starts_with(char::is_alphabetic)
        {
            continue;
        }
        let cued = cue.is_some() || lead.is_some();
        let value = match form {
            Form::Day { d, m, y } => iso_day(d, m, Some(y)),
            Form::Month { m, y } => iso_month(m, y),
            Form::Months { m0, m1, y } => (m0 < m1)
                .then(|| Some(format!("{}/{}", iso_month(m0, y)?, iso_month(m1, y)?)))
                .flatten(),
            Form::DayOfMonth { d, m } => {
                if !cued || LUNAR_AFTER.is_match(after) {
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
                // `(19/5)`, `Dịp Giáng sinh 25/12`: a day-month in parentheses or after its occasion.
                let named = || {
                    slash
                        && (text[..first].ends_with('(') && after.starts_with(')')
                            || OCCASION_END.is_match(after)
                                && OCCASION_BEFORE.is_match(
                                    &text
                                        [text.floor_char_boundary(first.saturating_sub(80))..first],
                                ))
                };
                if !(strong_cue || listed || lead.is_some() || (cue.is_some() && slash) || named())
                    || NOT_AFTER_DAY_MONTH.is_match(after)
                    || LUNAR_AFTER.is_match(after)
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
        if let Some(lead) = lead.filter(|_| mention.value.len() == "XXXX-MM-DD".len())
            && let Some(widened) = with_leading_days(&lead, &mention, found)
        {
            found.push(widened);
            continue;
        }
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

/// `date` with the days written before it in its month: one interval for a range or a list of
/// consecutive days (`27-28/7/2020`, `ngày 5 và 6/9`); for other lists, each day its own date
/// pushed onto `found`, and `date` returned as it is. `None` when a day is impossible or a range
/// runs backwards.
fn with_leading_days(
    lead: &LeadingDays,
    date: &DateMention,
    found: &mut Vec<DateMention>,
) -> Option<DateMention> {
    let (prefix, last) = date.value.split_at("XXXX-MM-".len());
    let last: u32 = last.parse().ok()?;
    let (y, m) = (prefix[..4].parse().ok(), prefix[5..7].parse().ok()?);
    let values: Vec<String> = lead
        .days
        .iter()
        .map(|&(d, ..)| iso_day(d, m, y))
        .collect::<Option<_>>()?;
    let days: Vec<u32> = lead.days.iter().map(|&(d, ..)| d).chain([last]).collect();
    let consecutive = days.windows(2).all(|w| w[1] == w[0] + 1);
    if lead.range || consecutive {
        (days[0] < last).then(|| DateMention {
            start: lead.start,
            end: date.end,
            value: format!("{}/{}", values[0], date.value),
        })
    } else {
        for (i, (value, &(_, start, end))) in values.into_iter().zip(&lead.days).enumerate() {
            let start = if i == 0 { lead.start } else { start };
            found.push(DateMention { start, end, value });
        }
        Some(DateMention {
            start: date.start,
            end: date.end,
            value: date.value.clone(),
        })
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
                // Day ranges, every written form.
                (
                    "Hội nghị họp ngày 8-10/11 tại tỉnh",
                    &["XXXX-11-08/XXXX-11-10 text=ngày_8-10/11"],
                ),
                ("lớp học mở 3 - 5.12 tại huyện", &["XXXX-12-03/XXXX-12-05"]),
                ("Đại hội họp ngày 21 - 23.9", &["XXXX-09-21/XXXX-09-23"]),
                (
                    "từ ngày 6 đến ngày 9 tháng 3 năm 2021",
                    &["2021-03-06/2021-03-09 text=ngày_6_đến_ngày_9_tháng_3_năm_2021"],
                ),
                ("từ ngày 8 đến ngày 11.9.2010", &["2010-09-08/2010-09-11"]),
                (
                    "Từ ngày 3 đến 6-8, Hội đồng Đội họp",
                    &["XXXX-08-03/XXXX-08-06"],
                ),
                ("từ 28/6 đến 2/7/2024", &["2024-06-28/2024-07-02"]),
                ("từ ngày 25/1 - 2/2/2021", &["2021-01-25/2021-02-02"]),
                (
                    "từ ngày 14-12-2020 đến ngày 18-12-2020",
                    &["2020-12-14/2020-12-18"],
                ),
                (
                    "95 năm thành lập Đảng (3/2/1930-3/2/2025)",
                    &["1930-02-03/2025-02-03 text=3/2/1930-3/2/2025"],
                ),
                // Days listed: consecutive ones are one interval, others each a date.
                ("Đại hội họp ngày 5 và 6/9", &["XXXX-09-05/XXXX-09-06"]),
                (
                    "Ngày 17, 18 tháng 04 năm 2019, Tỉnh ủy họp",
                    &["2019-04-17/2019-04-18 text=Ngày_17,_18_tháng_04_năm_2019"],
                ),
                ("các ngày 4, 5 và 6/10/2023", &["2023-10-04/2023-10-06"]),
                (
                    "vào ngày 5 và 12/9",
                    &["XXXX-09-05 text=ngày_5", "XXXX-09-12 text=12/9"],
                ),
                // Months in words.
                ("Hà Nội, 9 Tháng Tám 2015", &["2015-08-09"]),
                ("tháng Mười Hai năm 2024", &["2024-12"]),
                (
                    "Tháng Mười 2023 và tháng Năm năm 2022",
                    &["2023-10", "2022-05"],
                ),
                (
                    "ngày 30 tháng Tư, ngày 2 tháng Chín năm 1945",
                    &["XXXX-04-30", "1945-09-02"],
                ),
                // Occasions named before their day-month, a day-month in parentheses, batches.
                (
                    "Dịp Giáng sinh 25/12 và Tết, chào mừng Ngày sinh Chủ tịch Hồ Chí Minh (19/5).",
                    &["XXXX-12-25", "XXXX-05-19 text=19/5"],
                ),
                (
                    "kỷ niệm Ngày thành lập Mặt trận Dân tộc Thống nhất Việt Nam 18/11.",
                    &["XXXX-11-18"],
                ),
                (
                    "trao Huy hiệu Đảng đợt 3/2 cho 214 đảng viên",
                    &["XXXX-02-03"],
                ),
                ("Hà Nội, 27 tháng 4, 2021", &["2021-04-27"]),
                // Months in a range with their year.
                (
                    "trong tháng 3-5/2024 và từ tháng 1 đến tháng 10/2023",
                    &[
                        "2024-03/2024-05",
                        "2023-01/2023-10 text=tháng_1_đến_tháng_10/2023",
                    ],
                ),
                ("từ tháng 11/2023 đến tháng 2/2024", &["2023-11/2024-02"]),
                (
                    "Hôm qua (15/3), chiều qua 16-3",
                    &["XXXX-03-15", "XXXX-03-16"],
                ),
                // Stray spaces and dashes, dots.
                ("Tháng 6- 2023 huyện họp", &["2023-06"]),
                ("ngày 5 - 9 - 2024 huyện họp", &["2024-09-05"]),
                ("Cập nhật 14.08.2019", &["2019-08-14"]),
            ],
        );
    }

    /// A date written in one of [`DATE`]'s forms from its numbers, and the form it should read as.
    fn written(shape: usize, [a, b, c]: [u32; 3], year: u32) -> (String, Form) {
        let (d, m) = (a % 100, b % 100);
        match shape {
            0 => (format!("{year}-{m:02}-{d:02}"), Form::Day { d, m, y: year }),
            1 => (format!("{d} - {m} - {year}"), Form::Day { d, m, y: year }),
            2 => {
                let (word, m) = MONTH_WORDS[c as usize % MONTH_WORDS.len()];
                (
                    format!("{d} Tháng {word} {year}"),
                    Form::Day { d, m, y: year },
                )
            }
            3 => (format!("{d}.{m}.{year}"), Form::Day { d, m, y: year }),
            4 => (
                format!("{d} Tháng {m}, năm {year}"),
                Form::Day { d, m, y: year },
            ),
            5 => (format!("{d} tháng {m}"), Form::DayOfMonth { d, m }),
            6 if c % 2 == 0 => (format!("tháng {m}-{year}"), Form::Month { m, y: year }),
            6 => (
                format!("tháng {m} đến tháng {d}/{year}"),
                Form::Months {
                    m0: m,
                    m1: d,
                    y: year,
                },
            ),
            7 => {
                let (word, m) = MONTH_WORDS[c as usize % MONTH_WORDS.len()];
                (
                    format!("tháng {word} năm {year}"),
                    Form::Month { m, y: year },
                )
            }
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
            shape in 0usize..9,
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
            proptest::prop_assert_eq!(got.cue.as_deref(), cue.map(|(word, ..)| word));
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
                // Lunar dates and lunar months.
                (
                    "lễ hội mùng 10 tháng 3 âm lịch, ngày 10/3 (ÂL), rằm tháng Giêng, tháng Chạp năm 2023",
                    &[],
                ),
                ("mùng 5 tháng 5 năm Giáp Thìn", &[]),
                ("Dịp lễ từ ngày 29 tháng 8 đến mùng 1 tháng 9 âm lịch", &[]),
                // A day-month after an occasion must end its phrase; counts in parentheses.
                ("Ngày hội có 5/7 đội tham gia, đạt (2/3 số phiếu)", &[]),
                // A month alone, in digits or words; a duration.
                (
                    "trong tháng Tư, đầu tháng Mười, tháng Năm, 10 tháng năm 2023",
                    &[],
                ),
                // Scores, times, versions, phone numbers, counts, quarters.
                (
                    "tỷ số 3-1, lúc 21:34, phiên bản 2.10, gọi 0912.345.678, 1-3 đảng viên, quý I",
                    &[],
                ),
                // A weekday's number and a time are not the first day of a range.
                ("Thứ 2 - 10/5/2024", &["2024-05-10"]),
                ("08:30 - 10/5/2024", &["2024-05-10"]),
                // Lists of counts, and impossible ranges.
                ("có 5 và 6/9 xã, từ 3-5/12 đơn vị, ngày 12-31/2", &[]),
                ("Cách mạng Tháng Tám", &[]),
                ("tháng 5-3/2024, tháng 3-13/2024, vượt qua 3/4 chặng", &[]),
            ],
        );
    }
}
