//! Article datasets: one JSON Lines or CSV file holding many articles, a row each.
//!
//! Rows are read one at a time, so a dataset of any size streams through in bounded memory. Each
//! row becomes one document named `FILE#ID`; its records' offsets are relative to the text field's
//! value. A bad row is an error of its own and the rest go on.

use std::io::BufRead;
use std::path::Path;

/// How an input file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum InputFormat {
    /// One article per file.
    #[default]
    Text,
    /// One JSON object per line, the article in a text field.
    Jsonl,
    /// A header row, then one article per row in a text column.
    Csv,
}

impl InputFormat {
    /// The format a file name implies: `.jsonl`/`.ndjson`, `.csv`, else text.
    pub fn from_path(path: &Path) -> Self {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("jsonl" | "ndjson") => InputFormat::Jsonl,
            Some("csv") => InputFormat::Csv,
            _ => InputFormat::Text,
        }
    }
}

/// Which fields hold the article and its id; each list is tried in order.
#[derive(Debug, Clone)]
pub struct Fields {
    pub text: Vec<String>,
    pub id: Vec<String>,
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            text: vec!["text".into(), "content".into()],
            id: vec!["id".into(), "url".into()],
        }
    }
}

/// One article of a dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// `FILE#ID`, or `FILE#LINE` when the row has no id.
    pub name: String,
    pub text: String,
}

/// The rows of a dataset read from `reader`; `name` is the file as shown in records. An error
/// names the file and line.
pub fn rows<'a>(
    reader: Box<dyn BufRead + 'a>,
    format: InputFormat,
    name: String,
    fields: &'a Fields,
) -> Box<dyn Iterator<Item = Result<Row, String>> + 'a> {
    match format {
        InputFormat::Csv => Box::new(csv_rows(reader, name, fields)),
        _ => Box::new(jsonl_rows(reader, name, fields)),
    }
}

fn row_name(file: &str, id: Option<String>, line: u64) -> String {
    format!("{file}#{}", id.unwrap_or_else(|| line.to_string()))
}

fn jsonl_rows<'a>(
    reader: Box<dyn BufRead + 'a>,
    name: String,
    fields: &'a Fields,
) -> impl Iterator<Item = Result<Row, String>> + 'a {
    reader
        .split(b'\n')
        .enumerate()
        .filter_map(move |(i, line)| {
            let n = i as u64 + 1;
            let line = match line {
                Ok(l) => l,
                Err(e) => return Some(Err(format!("{name}:{n}: {e}"))),
            };
            if line.iter().all(u8::is_ascii_whitespace) {
                return None;
            }
            let value: serde_json::Value = match serde_json::from_slice(&line) {
                Ok(v) => v,
                Err(e) => return Some(Err(format!("{name}:{n}: not JSON: {e}"))),
            };
            let field = |names: &[String]| names.iter().find_map(|k| value.get(k)).cloned();
            let text = match field(&fields.text) {
                Some(serde_json::Value::String(s)) => s,
                _ => {
                    return Some(Err(format!(
                        "{name}:{n}: no text field ({})",
                        fields.text.join(", ")
                    )));
                }
            };
            let id = field(&fields.id).map(|v| match v {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            });
            Some(Ok(Row {
                name: row_name(&name, id, n),
                text,
            }))
        })
}

fn csv_rows<'a>(
    reader: Box<dyn BufRead + 'a>,
    name: String,
    fields: &'a Fields,
) -> impl Iterator<Item = Result<Row, String>> + 'a {
    let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
    let header = csv
        .headers()
        .map(|h| h.iter().map(str::to_string).collect::<Vec<_>>());
    let column = |names: &[String], header: &[String]| {
        names
            .iter()
            .find_map(|k| header.iter().position(|h| h == k))
    };
    let (text_col, id_col, header_error) = match &header {
        Ok(h) => (column(&fields.text, h), column(&fields.id, h), None),
        Err(e) => (None, None, Some(format!("{name}: bad CSV header: {e}"))),
    };
    let missing = match (&header_error, text_col) {
        (Some(e), _) => Some(e.clone()),
        (None, None) => Some(format!(
            "{name}: no text column ({})",
            fields.text.join(", ")
        )),
        _ => None,
    };
    let records = missing.is_none().then(|| csv.into_records());
    missing
        .map(Err)
        .into_iter()
        .chain(records.into_iter().flatten().map(move |record| {
            let record = record.map_err(|e| {
                let line = e.position().map_or(0, |p| p.line());
                format!("{name}:{line}: bad CSV row: {e}")
            })?;
            let line = record.position().map_or(0, |p| p.line());
            let text = record
                .get(text_col.expect("checked"))
                .ok_or_else(|| format!("{name}:{line}: row has no text column"))?;
            let id = id_col
                .and_then(|c| record.get(c))
                .filter(|s| !s.is_empty())
                .map(str::to_string);
            Ok(Row {
                name: row_name(&name, id, line),
                text: text.to_string(),
            })
        }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(format: InputFormat, data: &'static str) -> Vec<Result<Row, String>> {
        let fields = Box::leak(Box::new(Fields::default()));
        rows(Box::new(data.as_bytes()), format, "d".to_string(), fields).collect()
    }

    #[test]
    fn jsonl_rows_with_ids_fallbacks_and_errors() {
        let got = read(
            InputFormat::Jsonl,
            "{\"id\": 7, \"text\": \"a\"}\n\n{\"url\": \"u\", \"content\": \"b\"}\nnot json\n{\"id\": \"x\"}\n{\"text\": \"c\"}\n",
        );
        assert_eq!(
            got[0],
            Ok(Row {
                name: "d#7".into(),
                text: "a".into()
            })
        );
        assert_eq!(
            got[1],
            Ok(Row {
                name: "d#u".into(),
                text: "b".into()
            })
        );
        assert!(got[2].as_ref().unwrap_err().starts_with("d:4: not JSON"));
        assert!(
            got[3]
                .as_ref()
                .unwrap_err()
                .starts_with("d:5: no text field")
        );
        assert_eq!(
            got[4],
            Ok(Row {
                name: "d#6".into(),
                text: "c".into()
            })
        );
    }

    #[test]
    fn csv_rows_with_quoted_text() {
        let got = read(
            InputFormat::Csv,
            "id,text\n1,\"Năm 2023, kết nạp 5 đảng viên\"\n,\"dòng\nhai\"\n",
        );
        assert_eq!(
            got[0],
            Ok(Row {
                name: "d#1".into(),
                text: "Năm 2023, kết nạp 5 đảng viên".into()
            })
        );
        assert_eq!(
            got[1],
            Ok(Row {
                name: "d#3".into(),
                text: "dòng\nhai".into()
            })
        );
        let missing = read(InputFormat::Csv, "id,body\n1,x\n");
        assert!(missing[0].as_ref().unwrap_err().contains("no text column"));
    }

    #[test]
    fn formats_from_extensions() {
        assert_eq!(
            InputFormat::from_path(Path::new("a.JSONL")),
            InputFormat::Jsonl
        );
        assert_eq!(InputFormat::from_path(Path::new("a.csv")), InputFormat::Csv);
        assert_eq!(
            InputFormat::from_path(Path::new("a.txt")),
            InputFormat::Text
        );
    }
}
