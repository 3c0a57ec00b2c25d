//! The summary table: one row per (file, organization in full, period) joining the admitted
//! count, the target, the stated achievement percentage and the membership total, with
//! arithmetic checks; and the same merged across files, one row per (organization, period).
//!
//! Rows count facts, not mentions (a figure repeated in the headline and the body is one), and
//! totals leave out the parts that divide them (breakdowns, per-unit lists). A row is computed
//! from one file's records and keeps no text, so a run over many files holds only rows.

use std::collections::HashSet;

use serde::Serialize;

use crate::record::{Kind, Record, Role, Unit, Value};

/// How far (in percentage points) a stated achievement may be from admitted / target × 100.
pub const TOLERANCE: f64 = 0.5;

/// One row of the summary: what the records of one file say about one organization in one
/// period, and whether the admitted count, the target and the stated achievement agree.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The records' `file`.
    pub file: String,
    /// The organization in full (the records' `org_full`; `None`: the article names none).
    pub org_full: Option<String>,
    /// The period the figures cover: their `period`, or their `when` where the text pins none.
    pub period: Option<String>,
    /// The admitted total; where the file states two different ones for the row, the first (and
    /// `check` names both).
    pub admitted: Option<i64>,
    /// The admission target in members.
    pub target: Option<i64>,
    /// The achievement percentage stated with the admission.
    pub achievement_pct: Option<f64>,
    /// The membership total of the organization.
    pub membership: Option<i64>,
    /// admitted / membership × 100, where the membership total is of the admissions' year.
    pub admission_rate_pct: Option<f64>,
    /// `ok`, `mismatch (computed 89.1%)`, `two totals: …`, or what is missing for the check.
    pub check: String,
    /// Every distinct admitted total of the row, in order.
    #[serde(skip)]
    admitted_all: Vec<i64>,
}

/// The column names of a summary table, in [`Row::cells`] order.
pub const COLUMNS: [&str; 9] = [
    "file",
    "org_full",
    "period",
    "admitted",
    "target",
    "achievement_pct",
    "membership",
    "admission_rate_pct",
    "check",
];

/// One row per (organization, period) over all files: what the articles that report it say.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Merged {
    /// The organization in full.
    pub org_full: Option<String>,
    /// The period, ISO 8601 (the records' `when` where they pin no `period`).
    pub period: Option<String>,
    /// How many articles report the row.
    pub articles: usize,
    /// Each figure as most articles state it (the first stated among equals).
    pub admitted: Option<i64>,
    /// The admission target in members.
    pub target: Option<i64>,
    /// The achievement percentage stated with the admission.
    pub achievement_pct: Option<f64>,
    /// The membership total of the organization.
    pub membership: Option<i64>,
    /// admitted / membership × 100, where the membership total is of the admissions' year.
    pub admission_rate_pct: Option<f64>,
    /// The arithmetic check, then each figure the articles disagree on
    /// (`conflict: 964 in a.txt, 946 in b.txt`).
    pub check: String,
}

/// The column names of a merged summary table, in [`Merged::cells`] order.
pub const MERGED_COLUMNS: [&str; 9] = [
    "org_full",
    "period",
    "articles",
    "admitted",
    "target",
    "achievement_pct",
    "membership",
    "admission_rate_pct",
    "check",
];

fn num(v: Option<i64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// A percentage to 2 decimals.
fn pct(v: Option<f64>) -> String {
    v.map(|v| format!("{}", (v * 100.0).round() / 100.0))
        .unwrap_or_default()
}

impl Row {
    /// The row as text cells in [`COLUMNS`] order; `None` is an empty cell.
    pub fn cells(&self) -> [String; 9] {
        [
            self.file.clone(),
            self.org_full.clone().unwrap_or_default(),
            self.period.clone().unwrap_or_default(),
            num(self.admitted),
            num(self.target),
            pct(self.achievement_pct),
            num(self.membership),
            pct(self.admission_rate_pct),
            self.check.clone(),
        ]
    }
}

impl Merged {
    /// The row as text cells in [`MERGED_COLUMNS`] order; `None` is an empty cell.
    pub fn cells(&self) -> [String; 9] {
        [
            self.org_full.clone().unwrap_or_default(),
            self.period.clone().unwrap_or_default(),
            self.articles.to_string(),
            num(self.admitted),
            num(self.target),
            pct(self.achievement_pct),
            num(self.membership),
            pct(self.admission_rate_pct),
            self.check.clone(),
        ]
    }
}

fn count(r: &Record) -> Option<i64> {
    match r.value {
        Value::Count(n) => Some(n),
        _ => None,
    }
}

/// A whole figure of `kind` in members: no part, no group, no range.
fn is_total(r: &Record, kind: Kind) -> bool {
    r.kind == kind
        && r.part_of.is_none()
        && r.subset.is_none()
        && r.unit == Some(Unit::Members)
        && r.value_max.is_none()
}

/// The year a period lies in, where it lies in one (`2024`, `2024-01/2024-06`, `2024-12-31`).
fn year_of(period: &str) -> Option<&str> {
    let mut years = period.split('/').map(|p| p.get(..4));
    let first = years.next()??;
    (first.bytes().all(|b| b.is_ascii_digit()) && years.all(|y| y == Some(first))).then_some(first)
}

fn row_key(r: &Record) -> (Option<String>, Option<String>) {
    (
        r.org_full.clone(),
        r.period.clone().or_else(|| r.when.clone()),
    )
}

/// The summary rows of records as [`Extractor::extract`](crate::Extractor::extract) gives them,
/// for one article or many (each file's records together, in offset order).
///
/// ```
/// let text = "Năm 2023, toàn Đảng bộ tỉnh kết nạp được 1.856 đảng viên, đạt 95% chỉ tiêu kế hoạch đề ra (2.082 đảng viên).";
/// let records = baocao::Extractor::new().extract("a.txt", text)?;
/// let rows = baocao::summarize(&records);
/// assert_eq!((rows[0].admitted, rows[0].target), (Some(1856), Some(2082)));
/// assert_eq!(rows[0].check, "mismatch (computed 89.1%)");
/// # Ok::<(), baocao::DecodeError>(())
/// ```
pub fn summarize(records: &[Record]) -> Vec<Row> {
    records
        .chunk_by(|a, b| a.file == b.file)
        .flat_map(summarize_file)
        .collect()
}

/// The rows of one file's records (records in offset order, as extraction gives them).
pub fn summarize_file(records: &[Record]) -> Vec<Row> {
    let Some(file) = records.first().map(|r| r.file.clone()) else {
        return Vec::new();
    };
    let mut rows: Vec<Row> = Vec::new();
    let row_for = |rows: &mut Vec<Row>, key: (Option<String>, Option<String>)| -> usize {
        match rows
            .iter()
            .position(|row| (&row.org_full, &row.period) == (&key.0, &key.1))
        {
            Some(i) => i,
            None => {
                rows.push(Row {
                    file: file.clone(),
                    org_full: key.0,
                    period: key.1,
                    admitted: None,
                    target: None,
                    achievement_pct: None,
                    membership: None,
                    admission_rate_pct: None,
                    check: String::new(),
                    admitted_all: Vec::new(),
                });
                rows.len() - 1
            }
        }
    };
    // A fact is counted once, at its first record; every record of an admission brings the plan
    // and the share reached that its own sentence states.
    let mut counted = HashSet::new();
    for (i, r) in records.iter().enumerate() {
        if is_total(r, Kind::Admission) {
            let at = row_for(&mut rows, row_key(r));
            let row = &mut rows[at];
            if counted.insert(r.fact) {
                let n = count(r).unwrap_or_default();
                if !row.admitted_all.contains(&n) {
                    row.admitted_all.push(n);
                }
                row.admitted = row.admitted.or(Some(n));
            }
            let same_sentence = records[i + 1..]
                .iter()
                .take_while(|o| o.sentence == r.sentence && !is_total(o, Kind::Admission));
            for o in same_sentence {
                if o.kind == Kind::Percentage
                    && o.role == Some(Role::Achievement)
                    && row.achievement_pct.is_none()
                    && let Value::Decimal(p) = o.value
                {
                    row.achievement_pct = Some(p);
                }
                if is_total(o, Kind::Target) && row.target.is_none() {
                    row.target = count(o);
                    counted.insert(o.fact);
                }
            }
        } else if is_total(r, Kind::Target) && counted.insert(r.fact) {
            let at = row_for(&mut rows, row_key(r));
            rows[at].target = rows[at].target.or(count(r));
        }
    }
    // A target whose time nothing pins joins the admission row of its organization that states a
    // share of a plan but not the plan (`đã kết nạp 486, đạt 97,2% chỉ tiêu`, `mục tiêu đến hết
    // nhiệm kỳ kết nạp 500`), where there is one such row.
    for i in (0..rows.len()).rev() {
        let row = &rows[i];
        if row.period.is_some() || row.admitted.is_some() || row.target.is_none() {
            continue;
        }
        let open: Vec<usize> = (0..rows.len())
            .filter(|&j| {
                rows[j].org_full == row.org_full
                    && rows[j].admitted.is_some()
                    && rows[j].achievement_pct.is_some()
                    && rows[j].target.is_none()
            })
            .collect();
        if let [j] = open[..] {
            rows[j].target = rows[i].target.take();
            if rows[i].membership.is_none() {
                rows.remove(i);
            }
        }
    }
    for r in records
        .iter()
        .filter(|r| is_total(r, Kind::Membership) && counted.insert(r.fact))
    {
        let key = row_key(r);
        let year = key.1.as_deref().and_then(year_of);
        let same_year = rows.iter_mut().find(|row| {
            row.org_full == key.0
                && row.admitted.is_some()
                && row.membership.is_none()
                && year.is_some()
                && row.period.as_deref().and_then(year_of) == year
        });
        match same_year {
            Some(row) => row.membership = count(r),
            None => {
                let at = row_for(&mut rows, key);
                rows[at].membership = rows[at].membership.or(count(r));
            }
        }
    }
    for row in &mut rows {
        row.admission_rate_pct = rate(row.admitted, row.membership);
        row.check = if row.admitted_all.len() > 1 {
            let all: Vec<String> = row.admitted_all.iter().map(i64::to_string).collect();
            format!("two totals: {} admitted", all.join(" and "))
        } else {
            check(row.admitted, row.target, row.achievement_pct)
        };
    }
    rows
}

/// admitted / membership × 100; the rows pair a membership total only with admissions of its year.
fn rate(admitted: Option<i64>, membership: Option<i64>) -> Option<f64> {
    match (admitted, membership) {
        (Some(a), Some(m)) if m > 0 => Some(a as f64 / m as f64 * 100.0),
        _ => None,
    }
}

fn check(admitted: Option<i64>, target: Option<i64>, stated: Option<f64>) -> String {
    match (admitted, target, stated) {
        (Some(a), Some(t), Some(stated)) if t > 0 => {
            let computed = a as f64 / t as f64 * 100.0;
            if (computed - stated).abs() <= TOLERANCE {
                "ok".to_string()
            } else {
                format!("mismatch (computed {:.1}%)", computed)
            }
        }
        (Some(_), target, stated) => {
            let missing: Vec<&str> = [
                (target.is_none(), "target"),
                (stated.is_none(), "achievement %"),
            ]
            .into_iter()
            .filter_map(|(m, name)| m.then_some(name))
            .collect();
            format!("no check: missing {}", missing.join(", "))
        }
        (None, ..) => "no check: missing admitted".to_string(),
    }
}

/// One figure across the articles of a merged row: the value most of them state, and the
/// conflict where they disagree (`964 in a.txt, 946 in b.txt`).
fn agree<T: PartialEq + Copy + std::fmt::Display>(
    stated: &[(T, &str)],
) -> (Option<T>, Option<String>) {
    let mut values: Vec<(T, Vec<&str>)> = Vec::new();
    for &(v, file) in stated {
        match values.iter_mut().find(|(w, _)| *w == v) {
            Some((_, files)) => files.push(file),
            None => values.push((v, vec![file])),
        }
    }
    let best = values
        .iter()
        .enumerate()
        .max_by_key(|(i, (_, files))| (files.len(), std::cmp::Reverse(*i)))
        .map(|(_, (v, _))| *v);
    let conflict = (values.len() > 1).then(|| {
        values
            .iter()
            .map(|(v, files)| format!("{v} in {}", files.join(" and ")))
            .collect::<Vec<_>>()
            .join(", ")
    });
    (best, conflict)
}

/// Whether `org_full` names one organization wherever it is written: not null, and not a unit
/// without its place (`Đảng bộ tỉnh` in an article that never names its province).
fn names_one(org_full: Option<&str>) -> bool {
    const UNITS: [&str; 8] = ["tỉnh", "huyện", "phố", "xã", "quận", "phường", "trấn", "sở"];
    org_full.is_some_and(|o| !o.rsplit(' ').next().is_some_and(|w| UNITS.contains(&w)))
}

/// The rows of all files merged: one per (organization, period), in order of first appearance.
/// A row whose organization is not named in full stays its article's own.
///
/// ```
/// let extractor = baocao::Extractor::new();
/// let mut records = extractor.extract("a.txt", "Năm 2024, Đảng bộ tỉnh Hà Yên kết nạp 964 đảng viên.")?;
/// records.extend(extractor.extract("b.txt", "Năm 2024, Đảng bộ tỉnh Hà Yên kết nạp 946 đảng viên.")?);
/// let merged = baocao::merge_summary(&baocao::summarize(&records));
/// assert_eq!((merged[0].org_full.as_deref(), merged[0].articles), (Some("Đảng bộ tỉnh Hà Yên"), 2));
/// assert!(merged[0].check.ends_with("conflict: 964 in a.txt, 946 in b.txt"));
/// # Ok::<(), baocao::DecodeError>(())
/// ```
pub fn merge(rows: &[Row]) -> Vec<Merged> {
    fn key(r: &Row) -> (Option<&str>, Option<&str>, Option<&str>) {
        let own = (!names_one(r.org_full.as_deref())).then_some(r.file.as_str());
        (r.org_full.as_deref(), r.period.as_deref(), own)
    }
    let mut keys: Vec<(Option<&str>, Option<&str>, Option<&str>)> = Vec::new();
    for row in rows {
        if !keys.contains(&key(row)) {
            keys.push(key(row));
        }
    }
    keys.into_iter()
        .map(|k| {
            let (org_full, period, _) = k;
            let of_key: Vec<&Row> = rows.iter().filter(|r| key(r) == k).collect();
            let stated = |field: fn(&Row) -> Option<i64>| -> Vec<(i64, &str)> {
                of_key
                    .iter()
                    .filter_map(|r| Some((field(r)?, r.file.as_str())))
                    .collect()
            };
            let (admitted, admitted_conflict) = agree(&stated(|r| r.admitted));
            let (target, target_conflict) = agree(&stated(|r| r.target));
            let (membership, membership_conflict) = agree(&stated(|r| r.membership));
            // Percentages compared in hundredths, as they are shown.
            let hundredths = |r: &Row| r.achievement_pct.map(|p| (p * 100.0).round() as i64);
            let (achievement, achievement_conflict) = agree(&stated(hundredths));
            let achievement_pct = achievement.map(|h| h as f64 / 100.0);
            let mut check = vec![check(admitted, target, achievement_pct)];
            let conflicts = [
                ("", admitted_conflict),
                (" (target)", target_conflict),
                (" (achievement % × 100)", achievement_conflict),
                (" (membership)", membership_conflict),
            ];
            for (what, conflict) in conflicts {
                if let Some(c) = conflict {
                    check.push(format!("conflict{what}: {c}"));
                }
            }
            let mut files: Vec<&str> = of_key.iter().map(|r| r.file.as_str()).collect();
            files.dedup();
            Merged {
                org_full: org_full.map(str::to_string),
                period: period.map(str::to_string),
                articles: files.len(),
                admitted,
                target,
                achievement_pct,
                membership,
                admission_rate_pct: rate(admitted, membership),
                check: check.join("; "),
            }
        })
        .collect()
}

/// The rows as an aligned plain-text table for a terminal, with a header of [`COLUMNS`].
///
/// ```
/// let records = baocao::Extractor::new().extract("a.txt", "Năm 2021, toàn tỉnh đã kết nạp 1.022 đảng viên mới.")?;
/// let table = baocao::summary_table(&baocao::summarize(&records));
/// let lines: Vec<&str> = table.lines().collect();
/// assert!(lines[0].starts_with("file   org_full      period  admitted"));
/// assert!(lines[2].starts_with("a.txt  Đảng bộ tỉnh  2021    1022"));
/// # Ok::<(), baocao::DecodeError>(())
/// ```
pub fn table(rows: &[Row]) -> String {
    let cells: Vec<[String; 9]> = rows.iter().map(Row::cells).collect();
    aligned(COLUMNS, &cells)
}

/// The merged rows as an aligned plain-text table, with a header of [`MERGED_COLUMNS`].
pub fn merged_table(rows: &[Merged]) -> String {
    let cells: Vec<[String; 9]> = rows.iter().map(Merged::cells).collect();
    aligned(MERGED_COLUMNS, &cells)
}

/// Cells under their column names, each column as wide as its widest cell.
fn aligned<const N: usize>(columns: [&str; N], cells: &[[String; N]]) -> String {
    let width = |i: usize| {
        cells
            .iter()
            .map(|c| c[i].chars().count())
            .chain([columns[i].len()])
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..N).map(width).collect();
    let line = |cols: &[String]| {
        let padded: Vec<String> = cols
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        padded.join("  ").trim_end().to_string() + "\n"
    };
    let header: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
    let mut out = line(&header);
    out.push_str(&line(
        &widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>(),
    ));
    for c in cells {
        out.push_str(&line(c));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{Options, extract_bytes};

    fn rows_of(file: &str, text: &str) -> Vec<Row> {
        summarize_file(&extract_bytes(file, text.as_bytes(), &Options::default()).unwrap())
    }

    fn rows(text: &str) -> Vec<Row> {
        rows_of("a.txt", text)
    }

    #[test]
    fn stated_achievement_matches_the_arithmetic() {
        let r = rows(
            "Năm 2023, toàn Đảng bộ tỉnh kết nạp được 1.856 đảng viên, đạt 89,15% chỉ tiêu kế hoạch đề ra (2.082 đảng viên).",
        );
        assert_eq!(r.len(), 1);
        assert_eq!(
            (r[0].admitted, r[0].target, r[0].achievement_pct),
            (Some(1856), Some(2082), Some(89.15))
        );
        assert_eq!(r[0].check, "ok");
        assert_eq!(r[0].period.as_deref(), Some("2023"));
    }

    #[test]
    fn a_wrong_percentage_is_a_mismatch() {
        let r = rows(
            "Năm 2023, toàn Đảng bộ tỉnh kết nạp được 1.856 đảng viên, đạt 95% chỉ tiêu kế hoạch đề ra (2.082 đảng viên).",
        );
        assert_eq!(r[0].check, "mismatch (computed 89.1%)");
    }

    #[test]
    fn missing_figures_are_named_and_the_rate_needs_the_same_year() {
        let r = rows(
            "Năm 2021, toàn tỉnh đã kết nạp 1.022 đảng viên mới, đạt 102% kế hoạch. Đến cuối năm 2021, toàn tỉnh có 30.044 đảng viên.",
        );
        assert_eq!(r[0].check, "no check: missing target");
        assert_eq!(r[0].membership, Some(30044));
        assert!((r[0].admission_rate_pct.unwrap() - 3.4017).abs() < 0.001);
        let t = table(&r);
        assert!(
            t.lines().next().unwrap().starts_with("file   org_full"),
            "{t}"
        );
        assert_eq!(t.lines().count(), 3);
        // Members counted at another time than the admissions: no rate.
        let r = rows(
            "Nhiệm kỳ 2015-2020, toàn tỉnh đã kết nạp 10.022 đảng viên mới. Hiện toàn tỉnh có 30.044 đảng viên.",
        );
        assert!(
            r.iter().all(|row| row.admission_rate_pct.is_none()),
            "{r:?}"
        );
    }

    #[test]
    fn repeats_count_once_and_parts_not_at_all() {
        let r = rows(
            "Tỉnh Hà Yên kết nạp 964 đảng viên\nNăm 2024, Đảng bộ tỉnh Hà Yên kết nạp 964 đảng viên, trong đó có 300 đảng viên nữ. Như vậy, năm 2024 toàn tỉnh kết nạp 964 đảng viên.",
        );
        let admitted: Vec<(Option<i64>, &str)> = r
            .iter()
            .map(|row| (row.admitted, row.check.as_str()))
            .collect();
        assert_eq!(
            admitted[0],
            (Some(964), "no check: missing target, achievement %"),
            "{r:?}"
        );
        assert!(r.iter().all(|row| row.admitted != Some(300)), "{r:?}");
    }

    /// Records of one fact, made by hand: two admitted totals for one organization and year.
    fn admitted(file: &str, fact: usize, n: i64) -> Record {
        let mut r = Record::new(Kind::Admission, Value::Count(n), fact, fact + 1);
        r.file = file.into();
        r.fact = fact;
        r.unit = Some(Unit::Members);
        r.period = Some("2024".into());
        r.org_full = Some("Đảng bộ tỉnh Hà Yên".into());
        r.sentence = format!("sentence {fact}");
        r
    }

    #[test]
    fn two_totals_of_one_row_are_both_shown() {
        let r = summarize_file(&[admitted("a.txt", 1, 964), admitted("a.txt", 2, 946)]);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].admitted, Some(964));
        assert_eq!(r[0].check, "two totals: 964 and 946 admitted");
    }

    #[test]
    fn merged_rows_count_articles_and_name_conflicts() {
        let mut rows = summarize_file(&[admitted("a.txt", 1, 964)]);
        rows.extend(summarize_file(&[admitted("b.txt", 1, 946)]));
        rows.extend(summarize_file(&[admitted("c.txt", 1, 946)]));
        let mut other = admitted("c.txt", 2, 120);
        other.org_full = Some("Đảng bộ huyện Sơn Hà".into());
        rows.extend(summarize_file(&[other]));
        let merged = merge(&rows);
        assert_eq!(merged.len(), 2);
        assert_eq!((merged[0].articles, merged[0].admitted), (3, Some(946)));
        assert_eq!(
            merged[0].check,
            "no check: missing target, achievement %; conflict: 964 in a.txt, 946 in b.txt and c.txt"
        );
        assert_eq!((merged[1].articles, merged[1].admitted), (1, Some(120)));
        assert!(!merged[1].check.contains("conflict"));
        // `Đảng bộ tỉnh` of two articles that never name their province: two provinces.
        let unnamed = |file: &str, n: i64| {
            let mut r = admitted(file, 1, n);
            r.org_full = Some("Đảng bộ tỉnh".into());
            summarize_file(&[r])
        };
        let merged = merge(&[unnamed("a.txt", 964), unnamed("b.txt", 946)].concat());
        assert_eq!(merged.len(), 2);
        assert!(
            merged
                .iter()
                .all(|m| m.articles == 1 && !m.check.contains("conflict"))
        );
    }

    #[test]
    fn an_unpinned_target_meets_its_admission() {
        let r = rows(
            "Huyện ủy Hòa Phong\nTừ đầu nhiệm kỳ 2020-2025 đến hết tháng 9/2024, Đảng bộ huyện Hòa Phong đã kết nạp được 486 đảng viên, đạt 97,2% chỉ tiêu Nghị quyết Đại hội đề ra. Mục tiêu đến hết nhiệm kỳ kết nạp được 500 đảng viên.",
        );
        let row = r
            .iter()
            .find(|row| row.admitted == Some(486))
            .expect("the row");
        assert_eq!((row.target, row.check.as_str()), (Some(500), "ok"), "{r:?}");
        assert_eq!(row.org_full.as_deref(), Some("Đảng bộ huyện Hòa Phong"));
    }
}
