//! The one record type: every SPEC field, in SPEC order, for every output format.

use serde::Serialize;

/// What a record is about.
///
/// ```
/// use baocao::Kind;
///
/// assert_eq!(Kind::parse("membership"), Some(Kind::Membership));
/// assert_eq!(Kind::Membership.as_str(), "membership");
/// assert_eq!(Kind::ALL.len(), 6);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// People newly admitted to the Party (`kết nạp được 1.856 đảng viên`).
    Admission,
    /// A planned, assigned or aimed-for admission figure (`chỉ tiêu 2.082 đảng viên`).
    Target,
    /// Any percentage figure, with its [`Role`].
    Percentage,
    /// A calendar date or a month (`18/10/2022` → `2022-10-18`).
    Date,
    /// A reference to an official document by its number (`Nghị quyết số 21-NQ/TW`).
    Directive,
    /// The total party members of an organization at a point in time.
    Membership,
}

impl Kind {
    /// Every kind, in the order the CLI lists them.
    pub const ALL: [Kind; 6] = [
        Kind::Admission,
        Kind::Target,
        Kind::Percentage,
        Kind::Date,
        Kind::Directive,
        Kind::Membership,
    ];

    /// The name in records and on the command line: `admission`, `target`, ….
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Admission => "admission",
            Kind::Target => "target",
            Kind::Percentage => "percentage",
            Kind::Date => "date",
            Kind::Directive => "directive",
            Kind::Membership => "membership",
        }
    }

    /// The kind named `name` (as [`as_str`](Self::as_str) writes it).
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// A record's value: a count, a decimal (percentages) or a string (dates, directives).
/// It prints as the JSON output writes it.
///
/// ```
/// use baocao::Value;
///
/// assert_eq!(Value::Count(1856).to_string(), "1856");
/// assert_eq!(Value::Decimal(102.0).to_string(), "102.0");
/// assert_eq!(Value::Text("2023-10".into()).to_string(), "2023-10");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// People (admission, target, membership): `1.856` is 1856, `1,2 nghìn` 1200.
    Count(i64),
    /// A percentage: `89,15%` is 89.15.
    Decimal(f64),
    /// A date in ISO 8601 (`2022-10-18`, `XXXX-05-25`) or a directive's number and code
    /// (`21-NQ/TW`).
    Text(String),
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Count(n) => write!(f, "{n}"),
            // Same digits as the JSON writer: 102.0, 89.15.
            Value::Decimal(x) => write!(f, "{x:?}"),
            Value::Text(s) => f.write_str(s),
        }
    }
}

/// What a count-kind figure (admission, target, membership) counts.
///
/// ```
/// let records = baocao::Extractor::new().extract("a.txt", "Chỉ tiêu phấn đấu là từ 3%-4% tổng số đảng viên.")?;
/// let target = records.iter().find(|r| r.kind == baocao::Kind::Target).unwrap();
/// assert_eq!(target.unit, Some(baocao::Unit::Percent));
/// assert_eq!(target.unit.unwrap().as_str(), "percent");
/// # Ok::<(), baocao::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// People.
    Members,
    /// A percentage of the membership (`3%-4% tổng số đảng viên`).
    Percent,
}

impl Unit {
    /// The name in records: `members` or `percent`.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Members => "members",
            Unit::Percent => "percent",
        }
    }
}

/// How a figure is bounded by the word written with it (`hơn 50%`, `khoảng 120 đảng viên`).
///
/// ```
/// use baocao::{Extractor, Qualifier};
///
/// let records = Extractor::new().extract("a.txt", "Toàn tỉnh có trên 68.500 đảng viên.")?;
/// assert_eq!(records[0].qualifier, Some(Qualifier::Over));
/// assert_eq!(Qualifier::AtLeast.as_str(), "at_least");
/// # Ok::<(), baocao::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// `trên`, `hơn`, `vượt`: more than the figure.
    Over,
    /// `dưới`: less than the figure.
    Under,
    /// `gần`, `xấp xỉ`: a little less than the figure.
    Nearly,
    /// `khoảng`: about the figure.
    About,
    /// `ít nhất`, `tối thiểu`, `trở lên`: the figure or more.
    AtLeast,
}

impl Qualifier {
    /// The SPEC name: `over`, `under`, `nearly`, `about`, `at_least`.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Over => "over",
            Qualifier::Under => "under",
            Qualifier::Nearly => "nearly",
            Qualifier::About => "about",
            Qualifier::AtLeast => "at_least",
        }
    }
}

/// What a percentage measures.
///
/// ```
/// use baocao::{Extractor, Kind, Role};
///
/// let text = "Năm 2023 kết nạp 1.022 đảng viên, đạt 102% kế hoạch, tăng 11,7% so với năm 2022.";
/// let roles: Vec<Role> = Extractor::new()
///     .kinds(&[Kind::Percentage])
///     .extract("a.txt", text)?
///     .iter()
///     .filter_map(|r| r.role)
///     .collect();
/// assert_eq!(roles, [Role::Achievement, Role::Change]);
/// # Ok::<(), baocao::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The share of a plan reached (`đạt 102% kế hoạch`).
    Achievement,
    /// A rise or fall (`tăng 11,7%`).
    Change,
    /// A part of a whole (`đảng viên nữ chiếm 35%`).
    Share,
    /// A planned rate (`phấn đấu kết nạp từ 3% trở lên`).
    Target,
}

impl Role {
    /// The SPEC name: `achievement`, `change`, `share`, `target`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Achievement => "achievement",
            Role::Change => "change",
            Role::Share => "share",
            Role::Target => "target",
        }
    }
}

/// One fact mention. Field order is the SPEC's and is the order of every output format; fields
/// that do not apply to a kind are `None` (`null` in JSON, an empty CSV cell).
///
/// ```
/// use baocao::{Extractor, Kind, Value};
///
/// let text = "Thực hiện Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Bộ Chính trị.";
/// let records = Extractor::new().kinds(&[Kind::Directive]).extract("a.txt", text)?;
/// let r = &records[0];
/// assert_eq!(r.value, Value::Text("21-NQ/TW".into()));
/// assert_eq!((r.doc_type, r.number.as_deref(), r.code.as_deref()), (Some("Nghị quyết"), Some("21"), Some("NQ/TW")));
/// assert_eq!(r.issued.as_deref(), Some("2022-06-16"));
/// assert_eq!((r.line, r.text.as_str()), (1, &text[r.start..r.end]));
/// # Ok::<(), baocao::DecodeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Record {
    /// The name given to [`Extractor::extract`](crate::Extractor::extract) (on the command line:
    /// the input path, or `FILE#ID` for a dataset row).
    pub file: String,
    /// What the record is about.
    pub kind: Kind,
    /// The normalized value.
    pub value: Value,
    /// The upper end of a range (`3%-4%`, `1-3 đảng viên`).
    pub value_max: Option<Value>,
    /// What a count-kind figure counts (admission, target, membership).
    pub unit: Option<Unit>,
    /// The bound a word written with the figure puts on it.
    pub qualifier: Option<Qualifier>,
    /// What a percentage measures (percentages only).
    pub role: Option<Role>,
    /// The time a count covers, ISO 8601 (`2023`, `2015/2018`, `2023-01/2023-10`, `2021/..`).
    pub period: Option<String>,
    /// The period as written (`năm 2023`, `từ đầu nhiệm kỳ đến nay`), normalized.
    pub period_text: Option<String>,
    /// The party organization or unit the figure belongs to (`Đảng bộ tỉnh`, `Mường Tè`).
    pub org: Option<String>,
    /// For a breakdown, the group (`nữ`, `học sinh, sinh viên`, `dự bị`).
    pub subset: Option<String>,
    /// A directive's type (`Nghị quyết`, `Chỉ thị`, `Quyết định`, …).
    pub doc_type: Option<&'static str>,
    /// A directive's number as written (`21`, `118`).
    pub number: Option<String>,
    /// A directive's symbol (`NQ/TW`, `2025/NĐ-CP`); `None` for a short reference.
    pub code: Option<String>,
    /// A directive's issue date (ISO) when written next to it.
    pub issued: Option<String>,
    /// The 1-based line of `start`.
    pub line: usize,
    /// Where the evidence starts, a byte offset in the input.
    pub start: usize,
    /// Where the evidence ends (exclusive), a byte offset in the input.
    pub end: usize,
    /// The input bytes `start..end`, decoded.
    pub text: String,
    /// The sentence holding the span, whitespace collapsed; a long one is cut around the span,
    /// `…` marking each cut.
    pub sentence: String,
    /// The encoding the file was transcoded from, when it was not UTF-8.
    pub encoding: Option<&'static str>,
    /// 1-based within the file; records stating the same thing (kind, value, unit, role, subset,
    /// `org_full`, period; a directive's document) share it.
    pub fact: usize,
    /// The `fact` of the total this record divides (a breakdown part, a list item).
    pub part_of: Option<usize>,
    /// The time the record refers to, resolved against the article's own date.
    pub when: Option<String>,
    /// `org` with its place resolved from the article, or the article's own organization.
    pub org_full: Option<String>,
    /// The span of the total this record divides, in the same offsets as `start`/`end` at every
    /// stage; set by the extractors, read to fill `part_of`.
    #[serde(skip)]
    pub(crate) total: Option<(usize, usize)>,
}

/// The column names, in order, as the CSV header.
pub const FIELDS: [&str; 25] = [
    "file",
    "kind",
    "value",
    "value_max",
    "unit",
    "qualifier",
    "role",
    "period",
    "period_text",
    "org",
    "subset",
    "doc_type",
    "number",
    "code",
    "issued",
    "line",
    "start",
    "end",
    "text",
    "sentence",
    "encoding",
    "fact",
    "part_of",
    "when",
    "org_full",
];

impl Record {
    /// A record of `kind` with `value` over the normalized span `start..end`; the pipeline later
    /// maps the span to the input bytes and fills `file`, `line`, `text` and `sentence`.
    pub(crate) fn new(kind: Kind, value: Value, start: usize, end: usize) -> Self {
        Record {
            file: String::new(),
            kind,
            value,
            value_max: None,
            unit: None,
            qualifier: None,
            role: None,
            period: None,
            period_text: None,
            org: None,
            subset: None,
            doc_type: None,
            number: None,
            code: None,
            issued: None,
            line: 0,
            start,
            end,
            text: String::new(),
            sentence: String::new(),
            encoding: None,
            fact: 0,
            part_of: None,
            when: None,
            org_full: None,
            total: None,
        }
    }

    /// The fields as text cells in [`FIELDS`] order; `None` is an empty cell.
    pub(crate) fn cells(&self) -> [Option<String>; 25] {
        let unit = self.unit.map(|u| match u {
            Unit::Members => "members".to_string(),
            Unit::Percent => "percent".to_string(),
        });
        [
            Some(self.file.clone()),
            Some(self.kind.as_str().to_string()),
            Some(self.value.to_string()),
            self.value_max.as_ref().map(Value::to_string),
            unit,
            self.qualifier.map(|q| q.as_str().to_string()),
            self.role.map(|r| r.as_str().to_string()),
            self.period.clone(),
            self.period_text.clone(),
            self.org.clone(),
            self.subset.clone(),
            self.doc_type.map(str::to_string),
            self.number.clone(),
            self.code.clone(),
            self.issued.clone(),
            Some(self.line.to_string()),
            Some(self.start.to_string()),
            Some(self.end.to_string()),
            Some(self.text.clone()),
            Some(self.sentence.clone()),
            self.encoding.map(str::to_string),
            Some(self.fact.to_string()),
            self.part_of.map(|f| f.to_string()),
            self.when.clone(),
            self.org_full.clone(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_keys_follow_the_spec_order() {
        let r = Record::new(Kind::Percentage, Value::Decimal(102.0), 0, 4);
        let json = serde_json::to_string(&r).unwrap();
        let keys: Vec<&str> = FIELDS.to_vec();
        let positions: Vec<usize> = keys
            .iter()
            .map(|k| json.find(&format!("\"{k}\":")).unwrap())
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{json}");
        assert!(json.contains("\"value\":102.0"), "{json}");
    }

    #[test]
    fn cells_match_the_header() {
        let r = Record::new(Kind::Date, Value::Text("2023-10".into()), 0, 1);
        let cells = r.cells();
        assert_eq!(cells.len(), FIELDS.len());
        assert_eq!(cells[1].as_deref(), Some("date"));
        assert_eq!(cells[2].as_deref(), Some("2023-10"));
    }
}
