//! The summary table: one row per (file, organization, period) joining the admitted count, the
//! target, the stated achievement percentage and the membership total, with arithmetic checks.

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
    /// The organization (`None`: the records name none).
    pub org: Option<String>,
    /// The period, ISO 8601.
    pub period: Option<String>,
    /// The admission total.
    pub admitted: Option<i64>,
    /// The admission target in members.
    pub target: Option<i64>,
    /// The achievement percentage stated with the admission.
    pub achievement_pct: Option<f64>,
    /// The membership total of the organization.
    pub membership: Option<i64>,
    /// admitted / membership × 100, where both are known for the organization.
    pub admission_rate_pct: Option<f64>,
    /// `ok`, `mismatch (computed 89.1%)`, or what is missing for the check.
    pub check: String,
}

/// The column names of a summary table, in [`Row::cells`] order.
pub const COLUMNS: [&str; 9] = [
    "file",
    "org",
    "period",
    "admitted",
    "target",
    "achievement_pct",
    "membership",
    "admission_rate_pct",
    "check",
];

impl Row {
    /// The row as text cells in [`COLUMNS`] order; `None` is an empty cell.
    pub fn cells(&self) -> [String; 9] {
        let num = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
        let pct = |v: Option<f64>| {
            v.map(|v| format!("{}", (v * 100.0).round() / 100.0))
                .unwrap_or_default()
        };
        [
            self.file.clone(),
            self.org.clone().unwrap_or_default(),
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

fn count(r: &Record) -> Option<i64> {
    match r.value {
        Value::Count(n) => Some(n),
        _ => None,
    }
}

fn is_total(r: &Record, kind: Kind) -> bool {
    r.kind == kind && r.subset.is_none() && r.unit == Some(Unit::Members) && r.value_max.is_none()
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
    let row_for = |rows: &mut Vec<Row>, r: &Record| -> usize {
        let key = (r.org.clone(), r.period.clone());
        match rows
            .iter()
            .position(|row| (row.org.clone(), row.period.clone()) == key)
        {
            Some(i) => i,
            None => {
                rows.push(Row {
                    file: file.clone(),
                    org: key.0,
                    period: key.1,
                    admitted: None,
                    target: None,
                    achievement_pct: None,
                    membership: None,
                    admission_rate_pct: None,
                    check: String::new(),
                });
                rows.len() - 1
            }
        }
    };
    for (i, r) in records.iter().enumerate() {
        if is_total(r, Kind::Admission) {
            let at = row_for(&mut rows, r);
            let row = &mut rows[at];
            if row.admitted.is_some() {
                continue; // a repeat (headline and body) of a figure already in the row
            }
            row.admitted = count(r);
            // The plan and the share of it reached are stated in the admission's own sentence.
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
                }
            }
        } else if is_total(r, Kind::Target) {
            let at = row_for(&mut rows, r);
            rows[at].target = rows[at].target.or(count(r));
        }
    }
    for r in records.iter().filter(|r| is_total(r, Kind::Membership)) {
        match rows
            .iter_mut()
            .find(|row| row.org == r.org && row.admitted.is_some() && row.membership.is_none())
        {
            Some(row) => row.membership = count(r),
            None => {
                let at = row_for(&mut rows, r);
                rows[at].membership = rows[at].membership.or(count(r));
            }
        }
    }
    for row in &mut rows {
        row.admission_rate_pct = match (row.admitted, row.membership) {
            (Some(a), Some(m)) if m > 0 => Some(a as f64 / m as f64 * 100.0),
            _ => None,
        };
        row.check = check(row);
    }
    rows
}

fn check(row: &Row) -> String {
    match (row.admitted, row.target, row.achievement_pct) {
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

/// The rows as an aligned plain-text table for a terminal, with a header of [`COLUMNS`].
///
/// ```
/// let records = baocao::Extractor::new().extract("a.txt", "Năm 2021, toàn tỉnh đã kết nạp 1.022 đảng viên mới.")?;
/// let table = baocao::summary_table(&baocao::summarize(&records));
/// let lines: Vec<&str> = table.lines().collect();
/// assert!(lines[0].starts_with("file   org           period  admitted"));
/// assert!(lines[2].starts_with("a.txt  Đảng bộ tỉnh  2021    1022"));
/// # Ok::<(), baocao::DecodeError>(())
/// ```
pub fn table(rows: &[Row]) -> String {
    let cells: Vec<[String; 9]> = rows.iter().map(Row::cells).collect();
    let width = |i: usize| {
        cells
            .iter()
            .map(|c| c[i].chars().count())
            .chain([COLUMNS[i].len()])
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..COLUMNS.len()).map(width).collect();
    let line = |cols: &[String]| {
        let padded: Vec<String> = cols
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        padded.join("  ").trim_end().to_string() + "\n"
    };
    let header: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
    let mut out = line(&header);
    out.push_str(&line(
        &widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>(),
    ));
    for c in &cells {
        out.push_str(&line(c));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{Options, extract_bytes};

    fn rows(text: &str) -> Vec<Row> {
        summarize_file(&extract_bytes("a.txt", text.as_bytes(), &Options::default()).unwrap())
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
    fn missing_figures_are_named_and_the_rate_uses_membership() {
        let r = rows(
            "Năm 2021, toàn tỉnh đã kết nạp 1.022 đảng viên mới, đạt 102% kế hoạch. Toàn tỉnh có 30.044 đảng viên.",
        );
        assert_eq!(r[0].check, "no check: missing target");
        assert_eq!(r[0].membership, Some(30044));
        assert!((r[0].admission_rate_pct.unwrap() - 3.4017).abs() < 0.001);
        let t = table(&r);
        assert!(t.lines().next().unwrap().starts_with("file   org"), "{t}");
        assert_eq!(t.lines().count(), 3);
    }
}
