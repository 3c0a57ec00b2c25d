//! Periods: the time a count covers, read from the period phrases of its sentence (`năm 2023`,
//! `từ đầu nhiệm kỳ đến nay`, `6 tháng đầu năm 2024`) as ISO 8601.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{Doc, WindowPattern};

/// A period phrase found in a sentence: where it is, as written, and as ISO 8601.
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub iso: Option<String>,
}

/// The period phrases. A match is found by the DFA alone and read back by [`PeriodForm::read`]:
/// each alternative has its own leading words, and its numbers are the match's digit runs, so the
/// capture engine never runs.
static PERIOD: LazyLock<WindowPattern> = LazyLock::new(|| {
    let y = "[0-9]{4}";
    // A month and its year: `6/2024`, `6-2024`, `6 năm 2024`.
    let m_y = format!("[0-9]{{1,2}}(?:[/-]| năm ){y}");
    let alternatives = [
        // từ đầu nhiệm kỳ (2020-2025) đến hết tháng 10/2023 | đến nay | đến hết năm 2023
        format!(
            r"[Tt]ừ đầu nhiệm kỳ(?: {y} ?- ?{y})? (?:đến|tới) (?:hết |cuối )?(?:tháng {m_y}|năm {y}|nay|thời điểm này)"
        ),
        // từ năm 2015 đến hết năm 2018 | từ (năm) 2021 đến nay | từ năm 2021 đến tháng 5/2024 |
        // từ đầu năm 2024 đến ngày 15/11, đến tháng 11
        format!(
            r"[Tt]ừ (?:đầu )?(?:năm )?{y} (?:đến|tới) (?:hết |cuối )?(?:năm {y}|tháng {m_y}|nay|thời điểm này|ngày [0-9]{{1,2}}[/-][0-9]{{1,2}}(?:[/-]{y})?|tháng [0-9]{{1,2}})"
        ),
        // từ đầu năm đến (ngày) 30/9/2017: the year so far, to that day
        format!(
            r"[Tt]ừ đầu năm (?:đến|tới) (?:hết )?(?:ngày )?[0-9]{{1,2}}[/-][0-9]{{1,2}}[/-]{y}"
        ),
        // từ năm học 2019-2020 đến nay
        format!(r"[Tt]ừ (?:đầu )?năm học {y} ?- ?{y} (?:đến|tới) (?:nay|thời điểm này)"),
        // từ (ngày) 01/01/2024 đến (ngày) 30/6/2024 | từ tháng 1/2024 đến hết tháng 6/2024
        format!(
            r"[Tt]ừ (?:(?:ngày )?[0-9]{{1,2}}/|tháng )[0-9]{{1,2}}/{y} (?:đến|tới) (?:hết |cuối )?(?:(?:ngày )?[0-9]{{1,2}}/|tháng )[0-9]{{1,2}}/{y}"
        ),
        // từ tháng 1 đến tháng 6/2024: the first month in the last one's year
        format!(r"[Tt]ừ tháng [0-9]{{1,2}} (?:đến|tới) (?:hết |cuối )?tháng {m_y}"),
        // 3 năm (2021-2023), 3 năm 2021 - 2023
        format!(r"[0-9]{{1,2}} năm (?:qua )?(?:\({y} ?- ?{y}\)|{y} ?- ?{y})"),
        // 10 tháng năm 2023, 6 tháng đầu năm 2022, 9 tháng
        format!(r"[0-9]{{1,2}} tháng(?: đầu năm| năm| đầu)?(?: {y})?"),
        // quý I năm 2023
        format!(r"[Qq]uý (?:IV|I{{1,3}})(?:/| năm )?(?:{y})?"),
        // đến hết nhiệm kỳ, cuối nhiệm kỳ 2020-2025, nhiệm kỳ 2020-2025
        format!(
            r"(?:(?:đến )?(?:hết|cuối) )?(?:[Nn]hiệm kỳ|[Gg]iai đoạn)(?: {y} ?- ?{y}| \({y} ?- ?{y}\))?"
        ),
        // tính đến 31/12/2021, and `Đến ngày 31/12/2024,` opening the sentence (a point in time)
        r"(?:[Tt]ính đến|^[Đđ]ến) (?:ngày |hết ngày )?[0-9]{1,2}[/-][0-9]{1,2}[/-][0-9]{4}"
            .to_string(),
        // tính đến ngày 30-6: a day, its year from the sentence
        r"(?:[Tt]ính đến|^[Đđ]ến) (?:ngày |hết ngày )?[0-9]{1,2}[/-][0-9]{1,2}".to_string(),
        // tính đến tháng 6/2024, tính đến hết tháng 6/2024, `Đến tháng 6/2024,`, `đến hết tháng
        // 8/2020`, `đến giữa tháng 11-2022` (a month)
        format!(
            r"(?:(?:[Tt]ính đến|^[Đđ]ến) (?:hết |cuối |giữa )?|đến (?:hết|cuối|giữa) )tháng {m_y}"
        ),
        r"[Đđ]ến thời điểm hiện tại|[Hh]iện nay".to_string(),
        // (vào) ngày 3/2/2024, ngày 20 tháng 8 năm 2024, chiều 28/5/2024: the day of a ceremony
        format!(
            r"(?:(?:[Vv]ào )?[Nn]gày|(?:[Ss]áng|[Cc]hiều|[Tt]ối)(?: ngày)?) [0-9]{{1,2}}(?:[/.-][0-9]{{1,2}}[/.-]| tháng [0-9]{{1,2}} năm ){y}"
        ),
        // kể từ năm 2020: since then
        format!(r"[Kk]ể từ (?:năm )?{y}"),
        // năm học 2023 - 2024
        format!(r"(?:[Tt]rong )?[Nn]ăm học {y} ?- ?{y}"),
        // năm 2023, trong năm 2023, năm 2021 - 2023
        format!(r"(?:so với )?(?:[Tt]rong )?[Nn]ăm {y}(?: ?- ?{y})?"),
        // trong tháng 1/2024, cuối tháng 4/2021: a month
        format!(r"(?:(?:[Tt]rong|[Cc]uối|[Đđ]ầu) )?[Tt]háng {m_y}"),
    ];
    WindowPattern::new(&alternatives.join("|")).expect("period pattern")
});

/// Where a period runs to after `đến`: a month, a year, or now.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Until {
    Month(u32, u32),
    Year(u32),
    Now,
}

/// A day (when written), month and year.
type Point = (Option<u32>, u32, u32);

/// Which [`PERIOD`] alternative a match is, with its numbers. Years of a term stay as written.
#[derive(Debug, PartialEq)]
enum PeriodForm<'t> {
    /// `so với năm 2022`
    Comparison,
    /// `từ đầu nhiệm kỳ (2020-2025) đến …`
    TermSoFar {
        term: Option<(&'t str, &'t str)>,
        until: Until,
    },
    /// `từ năm 2021 đến …`
    YearsFrom { from: u32, until: Until },
    /// `từ đầu năm 2024 đến ngày 15/11`, `… đến tháng 11`: one year so far, to the day where
    /// one is written
    YearSoFar {
        year: u32,
        to_month: u32,
        to_day: Option<u32>,
    },
    /// `trong tháng 1/2024`
    Month(u32, u32),
    /// `từ ngày 01/01/2024 đến ngày 30/6/2024`, `từ tháng 1/2024 đến tháng 6/2024`
    Between { from: Point, to: Point },
    /// `3 năm (2021-2023)`, `3 năm 2021 - 2023`, `năm 2021-2023`
    Years(u32, u32),
    /// `10 tháng năm 2023`, `9 tháng`
    Months { n: u32, year: Option<u32> },
    /// `quý I năm 2023`, by its first month
    Quarter { first: u32, year: Option<u32> },
    /// `nhiệm kỳ 2020-2025`, `đến hết nhiệm kỳ`
    Term {
        years: Option<(&'t str, &'t str)>,
        to_end: bool,
    },
    /// `tính đến 31/12/2021`
    AsOfDay(u32, u32, u32),
    /// `tính đến tháng 6/2024`
    AsOfMonth(u32, u32),
    /// `hiện nay`, `đến thời điểm hiện tại`
    Now,
    /// `ngày 3/2/2024`
    Day(u32, u32, u32),
    /// `năm 2023`
    Year(u32),
}

/// True when `s` starts with `word`, its first letter in either case.
fn starts_with_word(s: &str, word: &str) -> bool {
    let mut chars = word.chars();
    let first = chars.next().unwrap_or_default();
    let rest = chars.as_str();
    let mut s_chars = s.chars();
    s_chars
        .next()
        .is_some_and(|c| c.to_lowercase().eq(first.to_lowercase()))
        && s_chars.as_str().starts_with(rest)
}

impl<'t> PeriodForm<'t> {
    /// Reads back `m`, a whole match of [`PERIOD`].
    fn read(m: &'t str) -> Self {
        let runs: Vec<Range<usize>> = {
            let bytes = m.as_bytes();
            let mut runs = Vec::new();
            let mut i = 0;
            while i < bytes.len() {
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                if i > start {
                    runs.push(start..i);
                } else {
                    i += 1;
                }
            }
            runs
        };
        let text = |i: usize| runs.get(i).map(|r| &m[r.clone()]);
        let num = |i: usize| text(i).and_then(|t| t.parse().ok());
        let n = |i: usize| num(i).unwrap_or(0);
        let after = |i: usize| runs.get(i).map_or("", |r| &m[r.end..]);
        // What follows `đến`, its numbers from the `i`th on.
        let until = |i: usize, tail: &str| {
            if tail.contains("tháng") {
                Until::Month(n(i), n(i + 1))
            } else if let Some(y) = num(i) {
                Until::Year(y)
            } else {
                Until::Now
            }
        };
        let point = |i: usize, with_day: bool| {
            if with_day {
                ((Some(n(i)), n(i + 1), n(i + 2)), i + 3)
            } else {
                ((None, n(i), n(i + 1)), i + 2)
            }
        };
        let starts = |word: &str| starts_with_word(m, word);
        if starts("từ đầu nhiệm kỳ") {
            let rest = &m["từ đầu nhiệm kỳ".len()..];
            let term = rest
                .strip_prefix(' ')
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
            let (years, first) = if term {
                (text(0).zip(text(1)), 2)
            } else {
                (None, 0)
            };
            let tail = if term { after(1) } else { rest };
            PeriodForm::TermSoFar {
                term: years,
                until: until(first, tail),
            }
        } else if starts("từ đầu năm đến ") || starts("từ đầu năm tới ") {
            PeriodForm::YearSoFar {
                year: n(2),
                to_month: n(1),
                to_day: Some(n(0)),
            }
        } else if starts("từ năm học ") || starts("từ đầu năm học ") {
            PeriodForm::YearsFrom {
                from: n(0),
                until: Until::Now,
            }
        } else if starts("từ đầu năm ")
            && (after(0).contains("ngày") || runs.len() == 2 && after(0).contains("tháng"))
        {
            // `đến ngày 15/11`: that day; `đến tháng 11`: that month.
            let (to_month, to_day) = if after(0).contains("ngày") {
                (n(2), Some(n(1)))
            } else {
                (n(1), None)
            };
            PeriodForm::YearSoFar {
                year: n(0),
                to_month,
                to_day,
            }
        } else if starts("từ năm ") || starts("từ đầu năm ") {
            PeriodForm::YearsFrom {
                from: n(0),
                until: until(1, after(0)),
            }
        } else if starts("từ ")
            && text(0).is_some_and(|t| t.len() == 4)
            && !after(0).starts_with('/')
        {
            // `từ 2021 đến nay`: a year without `năm`.
            PeriodForm::YearsFrom {
                from: n(0),
                until: until(1, after(0)),
            }
        } else if starts("từ tháng ") && !after(0).starts_with('/') {
            PeriodForm::Between {
                from: (None, n(0), n(2)),
                to: (None, n(1), n(2)),
            }
        } else if starts("từ ") {
            // A day is written where three numbers are: `từ (ngày) 01/01/2024`.
            let (from, next) = point(0, !starts("từ tháng "));
            let to_has_day = runs.len() >= next + 3;
            PeriodForm::Between {
                from,
                to: point(next, to_has_day).0,
            }
        } else if m.starts_with(|c: char| c.is_ascii_digit()) {
            if !m.contains("tháng") {
                PeriodForm::Years(n(1), n(2))
            } else {
                PeriodForm::Months {
                    n: n(0),
                    year: num(1),
                }
            }
        } else if starts("quý ") {
            let rest = &m["quý ".len()..];
            let numeral = &rest[..rest
                .bytes()
                .take_while(|b| matches!(b, b'I' | b'V'))
                .count()];
            let first = match numeral {
                "I" => 1,
                "II" => 4,
                "III" => 7,
                _ => 10,
            };
            PeriodForm::Quarter {
                first,
                year: num(0),
            }
        } else if m.contains("hiệm kỳ") || m.contains("iai đoạn") {
            PeriodForm::Term {
                years: text(0).zip(text(1)),
                to_end: m.contains("hết") || m.contains("cuối"),
            }
        } else if starts("kể từ ") {
            PeriodForm::YearsFrom {
                from: n(0),
                until: Until::Now,
            }
        } else if ["ngày ", "vào ngày ", "sáng ", "chiều ", "tối "]
            .iter()
            .any(|w| starts(w))
        {
            PeriodForm::Day(n(0), n(1), n(2))
        } else if m.ends_with("hiện tại") || starts("hiện nay") {
            PeriodForm::Now
        } else if starts("tính đến ") || starts("đến ") {
            if m.contains("tháng") {
                PeriodForm::AsOfMonth(n(0), n(1))
            } else {
                PeriodForm::AsOfDay(n(0), n(1), n(2))
            }
        } else if m.contains("háng ") {
            PeriodForm::Month(n(0), n(1))
        } else if m.starts_with("so với ") {
            PeriodForm::Comparison
        } else if runs.len() > 1 {
            PeriodForm::Years(n(0), n(1))
        } else {
            PeriodForm::Year(n(0))
        }
    }
}

/// The year a sentence names (`năm 2023`), for a span of months written without one.
fn sentence_year(sentence: &str) -> Option<u32> {
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[Nn]ăm ([0-9]{4})").expect("year pattern"));
    YEAR.captures(sentence)?[1].parse().ok()
}

/// A term's years named anywhere in the sentence: `nhiệm kỳ 2020-2025`.
static TERM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[Nn]hiệm kỳ ([0-9]{4}) ?- ?([0-9]{4})").expect("term pattern"));

/// The ISO value of a period phrase; `None` when the phrase is no period of a figure (`so với năm
/// 2022` compares), `Some(None)` when it is one without a value.
fn period_from(form: &PeriodForm, sentence: &str) -> Option<Option<String>> {
    let term_years = || {
        TERM.captures(sentence)
            .map(|t| (t[1].to_string(), t[2].to_string()))
    };
    Some(match *form {
        PeriodForm::Comparison => return None,
        PeriodForm::TermSoFar { term, until } => {
            let (t1, t2) = match term {
                Some((a, b)) => (a.to_string(), b.to_string()),
                // `từ đầu nhiệm kỳ đến nay` pins years only where the sentence names the term.
                None => match term_years() {
                    Some(years) => years,
                    None => return Some(None),
                },
            };
            Some(match until {
                Until::Month(m, y) => format!("{t1}/{y}-{m:02}"),
                Until::Year(y) => format!("{t1}/{y}"),
                Until::Now => format!("{t1}/{t2}"),
            })
        }
        PeriodForm::YearsFrom { from: a, until } => Some(match until {
            Until::Year(b) => format!("{a}/{b}"),
            Until::Month(m, y) => format!("{a}/{y}-{m:02}"),
            Until::Now => format!("{a}/.."),
        }),
        PeriodForm::Between { from, to } => {
            let point = |(d, m, y): Point| match d {
                Some(d) => format!("{y:04}-{m:02}-{d:02}"),
                None => format!("{y:04}-{m:02}"),
            };
            let valid = (1..=12).contains(&from.1) && (1..=12).contains(&to.1);
            valid.then(|| format!("{}/{}", point(from), point(to)))
        }
        PeriodForm::Years(a, b) => Some(format!("{a}/{b}")),
        PeriodForm::YearSoFar {
            year,
            to_month,
            to_day,
        } => (1..=12).contains(&to_month).then(|| match to_day {
            Some(d) => format!("{year}-01/{year}-{to_month:02}-{d:02}"),
            None => format!("{year}-01/{year}-{to_month:02}"),
        }),
        PeriodForm::Month(m, y) => (1..=12).contains(&m).then(|| format!("{y}-{m:02}")),
        PeriodForm::Months { n, year } => {
            if !(1..=12).contains(&n) {
                return None;
            }
            // `8 tháng đầu năm` takes the year its sentence names (`năm 2023 tỉnh phấn đấu …`).
            year.or_else(|| sentence_year(sentence))
                .map(|y| format!("{y}-01/{y}-{n:02}"))
        }
        // `quý III` takes the year its sentence names.
        PeriodForm::Quarter { first, year } => year
            .or_else(|| sentence_year(sentence))
            .map(|y| format!("{y}-{first:02}/{y}-{:02}", first + 2)),
        PeriodForm::Term { years, to_end } => match years {
            Some((a, b)) => Some(format!("{a}/{b}")),
            // A bare `nhiệm kỳ` is no period unless it names its end (`đến hết nhiệm kỳ`).
            None if !to_end => return None,
            None => term_years().map(|(a, b)| format!("{a}/{b}")),
        },
        PeriodForm::AsOfMonth(m, y) => (1..=12).contains(&m).then(|| format!("{y:04}-{m:02}")),
        // `tính đến ngày 30-6` takes the year its sentence names.
        PeriodForm::AsOfDay(d, m, y) => {
            let year = if y > 0 {
                Some(y)
            } else {
                sentence_year(sentence)
            };
            let valid = (1..=12).contains(&m) && (1..=31).contains(&d);
            year.filter(|_| valid)
                .map(|y| format!("{y:04}-{m:02}-{d:02}"))
        }
        PeriodForm::Now => None,
        PeriodForm::Day(d, m, y) => ((1..=12).contains(&m) && (1..=31).contains(&d))
            .then(|| format!("{y:04}-{m:02}-{d:02}")),
        PeriodForm::Year(y) => Some(y.to_string()),
    })
}

/// Period phrases of the sentence holding `pos`. The whole sentence is searched: finding the
/// words the phrases hold (`năm`, `tháng`, `nhiệm kỳ`, …) to search around them cost more than
/// the lazy DFA's pass over the sentence.
pub fn periods(doc: &Doc, pos: usize) -> Vec<Period> {
    let range = doc.sentence(pos);
    let sentence = &doc.text[range.clone()];
    let whole = 0..sentence.len();
    super::window_matches(&PERIOD, sentence, std::slice::from_ref(&whole))
        .into_iter()
        .filter_map(|m| {
            let written = &sentence[m.clone()];
            let form = PeriodForm::read(written);
            let iso = period_from(&form, sentence)?;
            // A count of months (`10 tháng`) needs its own words to be a period.
            if matches!(form, PeriodForm::Months { .. })
                && iso.is_none()
                && !written.contains("đầu")
            {
                return None;
            }
            if matches!(form, PeriodForm::Day(..)) && !is_event_day(sentence, m.start) {
                return None;
            }
            Some(Period {
                start: range.start + m.start,
                end: range.start + m.end,
                text: written.to_string(),
                iso,
            })
        })
        .collect()
}

/// True when the day at `at` dates what the sentence tells (`Ngày 3/2/2024, Đảng ủy tổ chức lễ
/// kết nạp cho 12 quần chúng`), not a document (`Chỉ thị số 05-CT/TU ngày 8/3/2023`,
/// `Quyết định số 12, ngày …`) or the day a result was reported (`Ngày 15/12, … cho biết`).
fn is_event_day(sentence: &str, at: usize) -> bool {
    static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"cho biết|cho hay|thông tin|báo cáo|[Hh]ội nghị|tổng kết|sơ kết")
            .expect("reporting words pattern")
    });
    let before = sentence[..at].trim_end_matches([' ', ',']);
    let last_word = before.rsplit(' ').next().unwrap_or_default();
    let documents_day = last_word.contains('/')
        || last_word.bytes().any(|b| b.is_ascii_digit()) && before.contains("số ");
    !documents_day && !REPORTED.is_match(sentence)
}

/// The figure's period: the nearest phrase before it in its sentence, else the first after it.
pub fn period_for(doc: &Doc, start: usize) -> Option<Period> {
    let facts = doc.sentence_facts(start);
    let before = facts.periods.iter().rev().find(|p| p.end <= start);
    before
        .or_else(|| facts.periods.iter().find(|p| p.start >= start))
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A period phrase written in one of [`PERIOD`]'s alternatives from random numbers, with the
    /// form it must read back as.
    fn written_period(
        shape: usize,
        [a, b, c, d]: [u32; 4],
        [y0, y1]: [&str; 2],
    ) -> (String, PeriodForm<'_>) {
        let (day, month) = (a % 100, b % 100);
        let (ny0, ny1): (u32, u32) = (y0.parse().unwrap(), y1.parse().unwrap());
        match shape {
            0 => (
                format!("Từ đầu nhiệm kỳ {y0}-{y1} đến hết tháng {month}/{ny1}"),
                PeriodForm::TermSoFar {
                    term: Some((y0, y1)),
                    until: Until::Month(month, ny1),
                },
            ),
            1 => (
                format!("từ đầu nhiệm kỳ tới năm {y1}"),
                PeriodForm::TermSoFar {
                    term: None,
                    until: Until::Year(ny1),
                },
            ),
            2 => (
                format!("Từ đầu nhiệm kỳ {y0} - {y1} đến thời điểm này"),
                PeriodForm::TermSoFar {
                    term: Some((y0, y1)),
                    until: Until::Now,
                },
            ),
            3 => (
                format!("Từ năm {y0} đến cuối tháng {month}-{y1}"),
                PeriodForm::YearsFrom {
                    from: ny0,
                    until: Until::Month(month, ny1),
                },
            ),
            4 => (
                format!("từ đầu năm {y0} đến nay"),
                PeriodForm::YearsFrom {
                    from: ny0,
                    until: Until::Now,
                },
            ),
            5 => (
                format!("Từ năm {y0} đến hết năm {y1}"),
                PeriodForm::YearsFrom {
                    from: ny0,
                    until: Until::Year(ny1),
                },
            ),
            6 => (
                format!("Từ ngày {day}/{month}/{y0} đến tháng {}/{y1}", c % 100),
                PeriodForm::Between {
                    from: (Some(day), month, ny0),
                    to: (None, c % 100, ny1),
                },
            ),
            7 => (
                format!(
                    "từ tháng {month}/{y0} tới hết ngày {}/{}/{y1}",
                    c % 100,
                    d % 100
                ),
                PeriodForm::Between {
                    from: (None, month, ny0),
                    to: (Some(c % 100), d % 100, ny1),
                },
            ),
            22 => (
                format!("Từ {day}/{month}/{y0} đến {}/{}/{y1}", c % 100, d % 100),
                PeriodForm::Between {
                    from: (Some(day), month, ny0),
                    to: (Some(c % 100), d % 100, ny1),
                },
            ),
            23 => (
                format!("tính đến tháng {month} năm {y0}"),
                PeriodForm::AsOfMonth(month, ny0),
            ),
            24 => (
                format!("Tính đến {day}-{month}-{y0}"),
                PeriodForm::AsOfDay(day, month, ny0),
            ),
            21 => (
                format!("Từ tháng {day} đến hết tháng {month}-{y1}"),
                PeriodForm::Between {
                    from: (None, day, ny1),
                    to: (None, month, ny1),
                },
            ),
            8 => (
                format!("{day} năm qua ({y0} - {y1})"),
                PeriodForm::Years(ny0, ny1),
            ),
            25 => (
                format!("{day} năm {y0} - {y1}"),
                PeriodForm::Years(ny0, ny1),
            ),
            26 => (format!("năm {y0}-{y1}"), PeriodForm::Years(ny0, ny1)),
            29 => (
                format!("vào ngày {day} tháng {month} năm {y0}"),
                PeriodForm::Day(day, month, ny0),
            ),
            31 => (
                format!("từ đầu năm đến {day}/{month}/{y0}"),
                PeriodForm::YearSoFar {
                    year: ny0,
                    to_month: month,
                    to_day: Some(day),
                },
            ),
            33 => (
                format!("Chiều {day}/{month}/{y0}"),
                PeriodForm::Day(day, month, ny0),
            ),
            34 => (
                format!("kể từ năm {y0}"),
                PeriodForm::YearsFrom {
                    from: ny0,
                    until: Until::Now,
                },
            ),
            32 => (
                format!("Từ năm học {y0} - {y1} đến nay"),
                PeriodForm::YearsFrom {
                    from: ny0,
                    until: Until::Now,
                },
            ),
            30 => (
                format!("Từ đầu năm {y0} đến ngày {day}/{month}"),
                PeriodForm::YearSoFar {
                    year: ny0,
                    to_month: month,
                    to_day: Some(day),
                },
            ),
            27 => (
                format!("Từ {y0} đến nay"),
                PeriodForm::YearsFrom {
                    from: ny0,
                    until: Until::Now,
                },
            ),
            9 => (
                format!("{day} tháng đầu năm {y0}"),
                PeriodForm::Months {
                    n: day,
                    year: Some(ny0),
                },
            ),
            10 => (
                format!("{day} tháng"),
                PeriodForm::Months { n: day, year: None },
            ),
            11 => {
                let (numeral, first) =
                    [("I", 1), ("II", 4), ("III", 7), ("IV", 10)][(a % 4) as usize];
                (
                    format!("Quý {numeral} năm {y0}"),
                    PeriodForm::Quarter {
                        first,
                        year: Some(ny0),
                    },
                )
            }
            12 => (
                "quý IV".to_string(),
                PeriodForm::Quarter {
                    first: 10,
                    year: None,
                },
            ),
            13 => (
                format!("cuối nhiệm kỳ {y0}-{y1}"),
                PeriodForm::Term {
                    years: Some((y0, y1)),
                    to_end: true,
                },
            ),
            14 => (
                "đến hết giai đoạn".to_string(),
                PeriodForm::Term {
                    years: None,
                    to_end: true,
                },
            ),
            15 => (
                "Nhiệm kỳ".to_string(),
                PeriodForm::Term {
                    years: None,
                    to_end: false,
                },
            ),
            16 => (
                format!("tính đến hết ngày {day}/{month}/{y0}"),
                PeriodForm::AsOfDay(day, month, ny0),
            ),
            17 => (
                format!("Đến tháng {month}/{y0}"),
                PeriodForm::AsOfMonth(month, ny0),
            ),
            18 => ("Đến thời điểm hiện tại".to_string(), PeriodForm::Now),
            19 => ("hiện nay".to_string(), PeriodForm::Now),
            20 => (format!("so với năm {y0}"), PeriodForm::Comparison),
            _ => (format!("Trong năm {y0}"), PeriodForm::Year(ny0)),
        }
    }

    proptest::proptest! {
        /// Every phrase the pattern matches whole reads back into the form and numbers it was
        /// written from.
        #[test]
        fn period_forms_read_back_what_the_pattern_matched(
            shape in 0usize..35,
            numbers in proptest::array::uniform4(0u32..100),
            years in proptest::array::uniform2("[12][0-9]{3}"),
        ) {
            let [y0, y1] = &years;
            let (text, form) = written_period(shape, numbers, [y0.as_str(), y1.as_str()]);
            let whole = PERIOD.find(&text).expect("a match");
            proptest::prop_assert_eq!(whole, 0..text.len());
            proptest::prop_assert_eq!(PeriodForm::read(&text), form);
        }
    }

    fn period_at(sentence: &str, figure: &str) -> Option<(Option<String>, String)> {
        let doc = Doc::new(sentence);
        period_for(&doc, sentence.find(figure).unwrap()).map(|p| (p.iso, p.text))
    }

    #[test]
    fn periods_table() {
        let cases: &[(&str, &str, Option<&str>, &str)] = &[
            (
                "Tính đến ngày 30-6, các đảng bộ đã kết nạp 412 đảng viên, đạt 38% chỉ tiêu năm 2024.",
                "412",
                Some("2024-06-30"),
                "Tính đến ngày 30-6",
            ),
            (
                "Trong nhiệm kỳ (2015-2020), huyện đã kết nạp được 1.286 đảng viên.",
                "1.286",
                Some("2015/2020"),
                "nhiệm kỳ (2015-2020)",
            ),
            (
                "Năm học 2023 - 2024, chi bộ kết nạp 6 đảng viên.",
                "6",
                Some("2023/2024"),
                "Năm học 2023 - 2024",
            ),
            (
                "Trong tháng 1/2024, các đảng bộ đã kết nạp 96 đảng viên.",
                "96",
                Some("2024-01"),
                "Trong tháng 1/2024",
            ),
            (
                "Từ đầu năm 2024 đến ngày 15/11, Đảng bộ đã kết nạp 17 đảng viên.",
                "17",
                Some("2024-01/2024-11-15"),
                "Từ đầu năm 2024 đến ngày 15/11",
            ),
            (
                "Từ đầu năm 2023 đến tháng 9, huyện kết nạp 64 đảng viên.",
                "64",
                Some("2023-01/2023-09"),
                "Từ đầu năm 2023 đến tháng 9",
            ),
            (
                "Năm 2019, riêng quý III toàn tỉnh kết nạp 588 đảng viên.",
                "588",
                Some("2019-07/2019-09"),
                "quý III",
            ),
            (
                "Chiều 28/5/2024, Chi bộ tổ chức lễ kết nạp đảng viên cho 6 học sinh.",
                "6 học",
                Some("2024-05-28"),
                "Chiều 28/5/2024",
            ),
            (
                "Kể từ năm 2020, xã đã kết nạp 19 đảng viên là giáo dân.",
                "19",
                Some("2020/.."),
                "Kể từ năm 2020",
            ),
            (
                "Ngày 3/2/2024, Đảng ủy tổ chức lễ kết nạp cho 12 quần chúng ưu tú.",
                "12",
                Some("2024-02-03"),
                "Ngày 3/2/2024",
            ),
            (
                "Chi bộ tổ chức kết nạp cho 2 quần chúng vào ngày 20 tháng 8 năm 2024.",
                "2",
                Some("2024-08-20"),
                "vào ngày 20 tháng 8 năm 2024",
            ),
            (
                "Năm 2023 tỉnh phấn đấu kết nạp 2.000 đảng viên; 8 tháng đầu năm đã kết nạp 1.012 đảng viên.",
                "1.012",
                Some("2023-01/2023-08"),
                "8 tháng đầu năm",
            ),
            (
                "Năm 2023, toàn Đảng bộ tỉnh kết nạp được 1.856 đảng viên, tăng so với năm 2022.",
                "1.856",
                Some("2023"),
                "Năm 2023",
            ),
            (
                "Từ năm 2015 đến hết năm 2018, Đảng bộ tỉnh kết nạp được 9.711 đảng viên",
                "9.711",
                Some("2015/2018"),
                "Từ năm 2015 đến hết năm 2018",
            ),
            (
                "Từ năm 2021 đến nay, Đảng ủy xã kết nạp được 36 đảng viên mới.",
                "36",
                Some("2021/.."),
                "Từ năm 2021 đến nay",
            ),
            (
                "Từ đầu nhiệm kỳ 2020-2025 đến hết tháng 10/2023, toàn Đảng bộ kết nạp được 3.335 đảng viên",
                "3.335",
                Some("2020/2023-10"),
                "Từ đầu nhiệm kỳ 2020-2025 đến hết tháng 10/2023",
            ),
            (
                "năm 2022 kết nạp 955 đảng viên; 10 tháng năm 2023 kết nạp 1.004 đảng viên",
                "1.004",
                Some("2023-01/2023-10"),
                "10 tháng năm 2023",
            ),
            (
                "6 tháng đầu năm 2022, kết nạp 400 đảng viên",
                "400",
                Some("2022-01/2022-06"),
                "6 tháng đầu năm 2022",
            ),
            (
                "Quý I năm 2024 kết nạp 120 đảng viên",
                "120",
                Some("2024-01/2024-03"),
                "Quý I năm 2024",
            ),
            (
                "Từ đầu nhiệm kỳ đến nay, huyện kết nạp được 647 đảng viên, đạt 92,4% chỉ tiêu nhiệm kỳ 2020-2025",
                "647",
                Some("2020/2025"),
                "Từ đầu nhiệm kỳ đến nay",
            ),
            (
                "Tính đến 31/12/2021, Đảng bộ tỉnh có 30.044 đảng viên",
                "30.044",
                Some("2021-12-31"),
                "Tính đến 31/12/2021",
            ),
            (
                "Từ năm 2021 đến tháng 5/2024, Đảng bộ tỉnh đã kết nạp 7.856 đảng viên",
                "7.856",
                Some("2021/2024-05"),
                "Từ năm 2021 đến tháng 5/2024",
            ),
            (
                "Từ ngày 01/01/2024 đến ngày 30/6/2024, toàn tỉnh kết nạp 1.024 đảng viên",
                "1.024",
                Some("2024-01-01/2024-06-30"),
                "Từ ngày 01/01/2024 đến ngày 30/6/2024",
            ),
            (
                "Từ tháng 1/2024 đến hết tháng 6/2024, huyện kết nạp 64 đảng viên",
                "64",
                Some("2024-01/2024-06"),
                "Từ tháng 1/2024 đến hết tháng 6/2024",
            ),
            (
                "Từ 01/01/2024 đến 30/9/2024, kết nạp 300 đảng viên",
                "300",
                Some("2024-01-01/2024-09-30"),
                "Từ 01/01/2024 đến 30/9/2024",
            ),
            (
                "Đến tháng 9 năm 2024, toàn tỉnh kết nạp 88 đảng viên",
                "88",
                Some("2024-09"),
                "Đến tháng 9 năm 2024",
            ),
            (
                "Trong 3 năm 2021 - 2023, toàn tỉnh kết nạp 3.000 đảng viên",
                "3.000",
                Some("2021/2023"),
                "3 năm 2021 - 2023",
            ),
            (
                "Từ 2021 đến nay, Đảng bộ kết nạp 1.500 đảng viên",
                "1.500",
                Some("2021/.."),
                "Từ 2021 đến nay",
            ),
            (
                "Từ năm 2020 - 2024, huyện kết nạp 800 đảng viên",
                "800",
                Some("2020/2024"),
                "năm 2020 - 2024",
            ),
            (
                "Từ tháng 1 đến tháng 6/2024, kết nạp 200 đảng viên",
                "200",
                Some("2024-01/2024-06"),
                "Từ tháng 1 đến tháng 6/2024",
            ),
            (
                "Kết quả, 3 năm (2021-2023) toàn tỉnh kết nạp được 5.012 đảng viên",
                "5.012",
                Some("2021/2023"),
                "3 năm (2021-2023)",
            ),
            (
                "Đến ngày 31/12/2024, toàn Đảng bộ có 12.456 đảng viên",
                "12.456",
                Some("2024-12-31"),
                "Đến ngày 31/12/2024",
            ),
            (
                "Đến tháng 6/2024, Đảng bộ tỉnh có 68.945 đảng viên",
                "68.945",
                Some("2024-06"),
                "Đến tháng 6/2024",
            ),
            (
                "Tính đến tháng 6/2024, Đảng bộ tỉnh có 68.945 đảng viên",
                "68.945",
                Some("2024-06"),
                "Tính đến tháng 6/2024",
            ),
            (
                "Nhiệm kỳ 2020-2025, huyện kết nạp 150 đảng viên",
                "150",
                Some("2020/2025"),
                "Nhiệm kỳ 2020-2025",
            ),
            (
                "Giai đoạn 2021-2025, tỉnh kết nạp 2.000 đảng viên",
                "2.000",
                Some("2021/2025"),
                "Giai đoạn 2021-2025",
            ),
            (
                "Từ đầu nhiệm kỳ đến nay, huyện kết nạp 64 đảng viên. Nhiệm kỳ 2020-2025 sắp kết thúc",
                "64",
                None,
                "Từ đầu nhiệm kỳ đến nay",
            ),
            (
                "9 tháng đầu năm, kết nạp 50 đảng viên",
                "50",
                None,
                "9 tháng đầu năm",
            ),
        ];
        let bad: Vec<String> = cases
            .iter()
            .filter_map(|&(s, fig, iso, text)| {
                let got = period_at(s, fig);
                let want = Some((iso.map(str::to_string), text.to_string()));
                (got != want).then(|| format!("{s}: got {got:?}, want {want:?}"))
            })
            .collect();
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn no_period_when_the_sentence_has_none() {
        assert_eq!(
            period_at(
                "Từ đầu nhiệm kỳ đến nay, xã kết nạp được 52 đảng viên",
                "52"
            )
            .map(|p| p.0),
            Some(None)
        );
        assert_eq!(
            period_at(
                "Nay đã phát triển được 1-3 đảng viên trẻ, 10 năm liền",
                "1-3"
            ),
            None
        );
    }

    /// A day dates the figure only where it dates what the sentence tells.
    #[test]
    fn days_of_documents_and_reports_are_no_period() {
        for (sentence, figure) in [
            (
                "Thực hiện Quyết định số 2215-QĐ/HU ngày 02/8/2024 của Huyện ủy, chi bộ kết nạp 2 đảng viên.",
                "2 đảng",
            ),
            (
                "Theo Kế hoạch số 115, ngày 12-2-2024, chi bộ kết nạp 3 đảng viên.",
                "3 đảng",
            ),
            (
                "Ngày 15/12/2023, Ban Tổ chức cho biết toàn tỉnh đã kết nạp 1.200 đảng viên.",
                "1.200",
            ),
        ] {
            assert_eq!(period_at(sentence, figure), None, "{sentence}");
        }
    }
}
