//! The one record type: every SPEC field, in SPEC order, for every output format.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Admission,
    Target,
    Percentage,
    Date,
    Directive,
    Membership,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Admission,
        Kind::Target,
        Kind::Percentage,
        Kind::Date,
        Kind::Directive,
        Kind::Membership,
    ];

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

    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// A record's value: a count, a decimal (percentages) or a string (dates, directives).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Count(i64),
    Decimal(f64),
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Members,
    Percent,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Members => "members",
            Unit::Percent => "percent",
        }
    }
}

/// How a figure is bounded by the word written with it (`hơn 50%`, `khoảng 120 đảng viên`).
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

/// One fact mention. Field order is the SPEC's and is the order of every output format.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record {
    pub file: String,
    pub kind: Kind,
    pub value: Value,
    pub value_max: Option<Value>,
    pub unit: Option<Unit>,
    pub qualifier: Option<Qualifier>,
    pub role: Option<Role>,
    pub period: Option<String>,
    pub period_text: Option<String>,
    pub org: Option<String>,
    pub subset: Option<String>,
    pub doc_type: Option<&'static str>,
    pub number: Option<String>,
    pub code: Option<String>,
    pub issued: Option<String>,
    pub line: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub sentence: String,
    /// The encoding the file was transcoded from, when it was not UTF-8.
    pub encoding: Option<&'static str>,
}

/// The column names, in order, as the CSV header.
pub const FIELDS: [&str; 21] = [
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
];

impl Record {
    /// A record of `kind` with `value` over the normalized span `start..end`; the pipeline later
    /// maps the span to the input bytes and fills `file`, `line`, `text` and `sentence`.
    pub fn new(kind: Kind, value: Value, start: usize, end: usize) -> Self {
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
        }
    }

    /// The fields as text cells in [`FIELDS`] order; `None` is an empty cell.
    pub fn cells(&self) -> [Option<String>; 21] {
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
