//! Article datasets: one JSON Lines or CSV file holding many articles, a row each.
//!
//! Rows are read one at a time, so a dataset of any size streams through in bounded memory. Each
//! row becomes one document named `FILE#ID`; its records' offsets are relative to the text field's
//! value. A bad row is an error of its own and the rest go on.

use std::collections::VecDeque;
use std::io::{self, BufRead};
use std::path::Path;

use crate::message::reason;

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
/// names the file and line. A row (a JSON line, a CSV record) over `max` bytes is skipped and
/// named, never held whole.
pub fn rows<'a>(
    reader: Box<dyn BufRead + 'a>,
    format: InputFormat,
    name: String,
    fields: &'a Fields,
    max: u64,
) -> Box<dyn Iterator<Item = Result<Row, String>> + 'a> {
    let lines = Lines {
        reader,
        max,
        number: 0,
        failed: false,
    };
    match format {
        InputFormat::Csv => Box::new(CsvRows {
            lines,
            name,
            fields,
            columns: None,
            out: VecDeque::new(),
        }),
        _ => Box::new(jsonl_rows(lines, name, fields)),
    }
}

fn row_name(file: &str, id: Option<String>, line: u64) -> String {
    format!("{file}#{}", id.unwrap_or_else(|| line.to_string()))
}

fn too_large(name: &str, line: u64, max: u64) -> String {
    format!("{name}:{line}: row larger than --max-file-size ({max} bytes), skipped")
}

/// A dataset's physical lines, each with its `\n`, numbered from 1. A line over the bound is read
/// to its end but not kept; a UTF-8 byte order mark opening the file is dropped (it made the first
/// JSON line unreadable).
struct Lines<'a> {
    reader: Box<dyn BufRead + 'a>,
    max: u64,
    number: u64,
    /// After a read error nothing more is read (it would only repeat).
    failed: bool,
}

/// A physical line, or word that one was longer than the bound.
enum Line {
    Kept(Vec<u8>),
    TooLong,
}

impl Iterator for Lines<'_> {
    type Item = (u64, io::Result<Line>);

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let (mut kept, mut too_long, mut any) = (Vec::new(), false, false);
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.failed = true;
                    return Some((self.number + 1, Err(e)));
                }
            };
            if buf.is_empty() {
                break;
            }
            any = true;
            let (take, ends) = match memchr::memchr(b'\n', buf) {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            // The bound is on the line without its `\n`.
            too_long |= (kept.len() + take - usize::from(ends)) as u64 > self.max;
            if too_long {
                kept = Vec::new();
            } else {
                kept.extend_from_slice(&buf[..take]);
            }
            self.reader.consume(take);
            if ends {
                break;
            }
        }
        if !any {
            return None;
        }
        self.number += 1;
        if self.number == 1 && kept.starts_with(b"\xEF\xBB\xBF") {
            kept.drain(..3);
        }
        let line = if too_long {
            Line::TooLong
        } else {
            Line::Kept(kept)
        };
        Some((self.number, Ok(line)))
    }
}

fn jsonl_rows<'a>(
    lines: Lines<'a>,
    name: String,
    fields: &'a Fields,
) -> impl Iterator<Item = Result<Row, String>> + 'a {
    let max = lines.max;
    lines.filter_map(move |(n, line)| {
        let line = match line {
            Ok(Line::Kept(l)) => l,
            Ok(Line::TooLong) => return Some(Err(too_large(&name, n, max))),
            Err(e) => return Some(Err(format!("{name}:{n}: {}", reason(&e)))),
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

/// Where a CSV scan is at the end of a line: a quoted field runs on into the next line, or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quote {
    Closed,
    Open,
}

/// The quote state after `line` when it starts in `state`, as the `csv` crate reads quotes: a
/// field opening with `"` is quoted until a `"` not doubled; a `"` inside an unquoted field is
/// a character.
fn scan_quotes(line: &[u8], state: Quote) -> Quote {
    #[derive(Clone, Copy, PartialEq)]
    enum At {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut at = match state {
        Quote::Closed => At::FieldStart,
        Quote::Open => At::Quoted,
    };
    for &b in line {
        at = match (at, b) {
            (At::Quoted, b'"') => At::QuoteInQuoted,
            (At::Quoted, _) => At::Quoted,
            (At::QuoteInQuoted, b'"') => At::Quoted,
            (At::FieldStart, b'"') => At::Quoted,
            (_, b',' | b'\n' | b'\r') => At::FieldStart,
            _ => At::Unquoted,
        };
    }
    match at {
        At::Quoted => Quote::Open,
        _ => Quote::Closed,
    }
}

/// The text and id columns, from the header.
struct Columns {
    text: usize,
    id: Option<usize>,
}

/// CSV records assembled from physical lines (a quoted field may hold line breaks), so that each
/// is bounded and an unclosed quote is found: it used to run to the end of the file, merging
/// every row after it into one field. Such a record is named, and the lines after its first are
/// read again as records.
struct CsvRows<'a> {
    lines: Lines<'a>,
    name: String,
    fields: &'a Fields,
    /// Read from the header; `Some(None)` when the header failed (then nothing more is read).
    columns: Option<Option<Columns>>,
    out: VecDeque<Result<Row, String>>,
}

impl CsvRows<'_> {
    /// The next record's first line number and lines, or its error: too large, unclosed (with the
    /// lines after its first, to read again), or a read error. `None` at the end.
    fn next_record(&mut self) -> Option<Result<(u64, Vec<u8>), RecordError>> {
        let (mut first, mut bytes, mut lines_after) = (0, Vec::new(), Vec::new());
        let mut too_long = false;
        let mut state = Quote::Closed;
        let max = self.lines.max;
        for (n, line) in self.lines.by_ref() {
            let line = match line {
                Ok(line) => line,
                Err(e) => return Some(Err(RecordError::Read(n, e))),
            };
            if first == 0 {
                first = n;
            }
            match line {
                Line::Kept(line) => {
                    state = scan_quotes(&line, state);
                    too_long |= (bytes.len() + line.len()) as u64 > max + 1;
                    if n > first && !too_long {
                        lines_after.push(line.clone());
                    }
                    if !too_long {
                        bytes.extend_from_slice(&line);
                    }
                }
                // Its quotes are not known: taken as leaving the state as it was.
                Line::TooLong => too_long = true,
            }
            if too_long {
                (bytes, lines_after) = (Vec::new(), Vec::new());
            }
            if state == Quote::Closed {
                return Some(match too_long {
                    true => Err(RecordError::TooLarge(first)),
                    false => Ok((first, bytes)),
                });
            }
        }
        match first {
            0 => None,
            _ if too_long => Some(Err(RecordError::TooLarge(first))),
            _ => Some(Err(RecordError::Unclosed(first, lines_after))),
        }
    }

    /// The rows of one record's bytes (one, unless lines end in a bare `\r`).
    fn parse(&self, first: u64, bytes: &[u8], columns: &Columns) -> Vec<Result<Row, String>> {
        let name = &self.name;
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes)
            .into_records()
            .map(|record| {
                let record = record.map_err(|e| format!("{name}:{first}: bad CSV row: {e}"))?;
                let text = record
                    .get(columns.text)
                    .ok_or_else(|| format!("{name}:{first}: row has no text column"))?;
                let id = columns
                    .id
                    .and_then(|c| record.get(c))
                    .filter(|s| !s.is_empty())
                    .map(str::to_string);
                Ok(Row {
                    name: row_name(name, id, first),
                    text: text.to_string(),
                })
            })
            .collect()
    }

    /// Reads the header record into `columns`, or the error that ends the file.
    fn read_header(&mut self) -> Result<Option<Columns>, String> {
        let name = self.name.clone();
        let (first, bytes) = match self.next_record() {
            None => return Ok(None),
            Some(Ok(record)) => record,
            Some(Err(e)) => {
                return Err(format!(
                    "{}, in the CSV header",
                    e.message(&name, self.lines.max)
                ));
            }
        };
        let header: Vec<String> = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(bytes.as_slice())
            .into_records()
            .next()
            .transpose()
            .map_err(|e| format!("{name}:{first}: bad CSV header: {e}"))?
            .map(|h| h.iter().map(str::to_string).collect())
            .unwrap_or_default();
        let column = |names: &[String]| {
            names
                .iter()
                .find_map(|k| header.iter().position(|h| h == k))
        };
        match column(&self.fields.text) {
            Some(text) => Ok(Some(Columns {
                text,
                id: column(&self.fields.id),
            })),
            None => Err(format!(
                "{name}: no text column ({})",
                self.fields.text.join(", ")
            )),
        }
    }

    /// The records of `lines` (numbered from `first`), all in memory after an unclosed quote, in
    /// one pass: for each line, whether a quote is open after it when it starts a record, and the
    /// next line that closes a quote running into it.
    fn reread(&mut self, first: u64, lines: &[Vec<u8>], columns: &Columns) {
        let opens: Vec<bool> = lines
            .iter()
            .map(|l| scan_quotes(l, Quote::Closed) == Quote::Open)
            .collect();
        let mut closes_at = vec![None; lines.len() + 1];
        for i in (0..lines.len()).rev() {
            closes_at[i] = match scan_quotes(&lines[i], Quote::Open) {
                Quote::Closed => Some(i),
                Quote::Open => closes_at[i + 1],
            };
        }
        let mut i = 0;
        while i < lines.len() {
            let n = first + i as u64;
            let end = match opens[i] {
                false => Some(i),
                true => closes_at[i + 1],
            };
            match end {
                Some(end) => {
                    let bytes = lines[i..=end].concat();
                    let rows = self.parse(n, &bytes, columns);
                    self.out.extend(rows);
                    i = end + 1;
                }
                None => {
                    self.out.push_back(Err(unclosed(&self.name, n)));
                    i += 1;
                }
            }
        }
    }
}

fn unclosed(name: &str, line: u64) -> String {
    format!("{name}:{line}: unclosed quote, the lines after it read again as rows")
}

/// Why a CSV record could not be read.
enum RecordError {
    TooLarge(u64),
    /// Its first line, and the lines after it (to read again).
    Unclosed(u64, Vec<Vec<u8>>),
    Read(u64, io::Error),
}

impl RecordError {
    fn message(&self, name: &str, max: u64) -> String {
        match self {
            RecordError::TooLarge(n) => too_large(name, *n, max),
            RecordError::Unclosed(n, _) => unclosed(name, *n),
            RecordError::Read(n, e) => format!("{name}:{n}: {}", reason(e)),
        }
    }
}

impl Iterator for CsvRows<'_> {
    type Item = Result<Row, String>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(row) = self.out.pop_front() {
                return Some(row);
            }
            let columns = match self.columns.take() {
                Some(columns) => columns,
                None => match self.read_header() {
                    Ok(columns) => columns,
                    Err(e) => {
                        self.columns = Some(None);
                        return Some(Err(e));
                    }
                },
            };
            let Some(columns) = columns else {
                self.columns = Some(None);
                return None;
            };
            match self.next_record() {
                None => {
                    self.columns = Some(None);
                    return None;
                }
                Some(Ok((first, bytes))) => {
                    let rows = self.parse(first, &bytes, &columns);
                    self.out.extend(rows);
                }
                Some(Err(RecordError::Unclosed(first, after))) => {
                    self.out.push_back(Err(unclosed(&self.name, first)));
                    self.reread(first + 1, &after, &columns);
                }
                Some(Err(e)) => self
                    .out
                    .push_back(Err(e.message(&self.name, self.lines.max))),
            }
            self.columns = Some(Some(columns));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(format: InputFormat, data: &'static str) -> Vec<Result<Row, String>> {
        let fields = Box::leak(Box::new(Fields::default()));
        rows(
            Box::new(data.as_bytes()),
            format,
            "d".to_string(),
            fields,
            1 << 20,
        )
        .collect()
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

    fn names(got: &[Result<Row, String>]) -> Vec<String> {
        got.iter()
            .map(|r| match r {
                Ok(row) => format!("{} {:?}", row.name, row.text),
                Err(e) => e.clone(),
            })
            .collect()
    }

    #[test]
    fn an_unclosed_quote_is_named_and_the_rows_after_it_read() {
        let got = read(InputFormat::Csv, "id,text\n1,\"a\n2,b\n3,\"\"c\n4,d\n");
        assert_eq!(
            names(&got),
            [
                "d:2: unclosed quote, the lines after it read again as rows",
                "d#2 \"b\"",
                "d#3 \"c\"",
                "d#4 \"d\"",
            ]
        );
    }

    #[test]
    fn a_byte_order_mark_opens_the_first_row_or_header() {
        let got = read(InputFormat::Jsonl, "\u{FEFF}{\"id\": 1, \"text\": \"a\"}\n");
        assert_eq!(names(&got), ["d#1 \"a\""]);
        let got = read(InputFormat::Csv, "\u{FEFF}id,text\n1,a\n");
        assert_eq!(names(&got), ["d#1 \"a\""]);
    }

    #[test]
    fn rows_over_the_bound_are_skipped_and_named() {
        let fields = Fields::default();
        let read = |format, data: &'static str| {
            let rows: Vec<_> =
                rows(Box::new(data.as_bytes()), format, "d".into(), &fields, 24).collect();
            names(&rows)
        };
        let long = "{\"id\": 1, \"text\": \"a long row of text\"}\n{\"id\": 2, \"text\": \"b\"}\n";
        assert_eq!(
            read(InputFormat::Jsonl, long),
            [
                "d:1: row larger than --max-file-size (24 bytes), skipped",
                "d#2 \"b\""
            ]
        );
        let long = "id,text\n1,\"a quoted row\nof two lines\"\n2,b\n";
        assert_eq!(
            read(InputFormat::Csv, long),
            [
                "d:2: row larger than --max-file-size (24 bytes), skipped",
                "d#2 \"b\""
            ]
        );
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
