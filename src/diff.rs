//! `baocao diff OLD NEW`: what changed between two runs' records, for an analyst re-running a
//! corpus after an upgrade. Records are matched by file, kind and span (`start`, `end`); a record
//! of one run without a match in the other appeared or disappeared, and a matched one whose other
//! fields differ changed.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use anyhow::{Context, bail};
use serde_json::{Map, Value, json};

/// Where a record stands: file, start, end, kind (in this order, so a diff reads file by file
/// and, within a file, in text order).
type Key = (String, u64, u64, String);

/// The records of a JSON Lines file (or a JSON array), each under its key; records sharing a key
/// keep their order.
pub fn read(path: &Path) -> anyhow::Result<BTreeMap<Key, Vec<Map<String, Value>>>> {
    let name = path.display();
    let text = fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("{name}: {}", baocao::internals::reason(&e)))?;
    let objects: Vec<(usize, Value)> = if text.trim_start().starts_with('[') {
        let all: Vec<Value> =
            serde_json::from_str(&text).with_context(|| format!("{name}: not a JSON array"))?;
        all.into_iter()
            .enumerate()
            .map(|(i, v)| (i + 1, v))
            .collect()
    } else {
        let mut objects = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let value = serde_json::from_str(line)
                .with_context(|| format!("{name}:{}: not JSON", i + 1))?;
            objects.push((i + 1, value));
        }
        objects
    };
    let mut records: BTreeMap<Key, Vec<Map<String, Value>>> = BTreeMap::new();
    for (at, value) in objects {
        let Value::Object(record) = value else {
            bail!("{name}:{at}: not a record (a JSON object)");
        };
        let text = |f: &str| record.get(f).and_then(Value::as_str).map(str::to_string);
        let number = |f: &str| record.get(f).and_then(Value::as_u64);
        let (Some(file), Some(kind), Some(start), Some(end)) =
            (text("file"), text("kind"), number("start"), number("end"))
        else {
            bail!("{name}:{at}: not a baocao record (no file, kind, start or end)");
        };
        records
            .entry((file, start, end, kind))
            .or_default()
            .push(record);
    }
    Ok(records)
}

/// One difference between the runs.
#[derive(Debug, PartialEq)]
pub enum Change<'a> {
    Appeared(&'a Map<String, Value>),
    Disappeared(&'a Map<String, Value>),
    /// Old, new, and the fields whose values differ.
    Changed(&'a Map<String, Value>, &'a Map<String, Value>, Vec<&'a str>),
}

/// The differences, in key order.
pub fn changes<'a>(
    old: &'a BTreeMap<Key, Vec<Map<String, Value>>>,
    new: &'a BTreeMap<Key, Vec<Map<String, Value>>>,
) -> Vec<Change<'a>> {
    let mut keys: Vec<&Key> = old.keys().chain(new.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut out = Vec::new();
    for key in keys {
        let records = |run: &'a BTreeMap<Key, Vec<Map<String, Value>>>| {
            run.get(key).map_or(&[][..], Vec::as_slice)
        };
        let (was, is) = (records(old), records(new));
        for pair in 0..was.len().max(is.len()) {
            match (was.get(pair), is.get(pair)) {
                (Some(a), Some(b)) => {
                    let mut fields: Vec<&str> = a
                        .keys()
                        .chain(b.keys().filter(|k| !a.contains_key(*k)))
                        .map(String::as_str)
                        .filter(|f| a.get(*f) != b.get(*f))
                        .collect();
                    fields.dedup();
                    if !fields.is_empty() {
                        out.push(Change::Changed(a, b, fields));
                    }
                }
                (Some(a), None) => out.push(Change::Disappeared(a)),
                (None, Some(b)) => out.push(Change::Appeared(b)),
                (None, None) => {}
            }
        }
    }
    out
}

fn show(v: Option<&Value>) -> String {
    match v {
        None => "(none)".to_string(),
        Some(Value::String(s)) => format!("{s:?}"),
        Some(other) => other.to_string(),
    }
}

/// `a.txt:12 345-371 admission 56 "kết nạp được 56 đảng viên"`.
fn line(r: &Map<String, Value>) -> String {
    format!(
        "{}:{} {}-{} {} {} {}",
        r["file"].as_str().unwrap_or_default(),
        show(r.get("line")),
        show(r.get("start")),
        show(r.get("end")),
        r["kind"].as_str().unwrap_or_default(),
        show(r.get("value")),
        show(r.get("text")),
    )
}

/// A change as a line for a terminal: `+` appeared, `-` disappeared, `~` changed with each field
/// `old → new`.
pub fn text(change: &Change) -> String {
    match change {
        Change::Appeared(r) => format!("+ {}", line(r)),
        Change::Disappeared(r) => format!("- {}", line(r)),
        Change::Changed(a, b, fields) => {
            let what: Vec<String> = fields
                .iter()
                .map(|f| format!("{f}: {} → {}", show(a.get(*f)), show(b.get(*f))))
                .collect();
            format!("~ {}; {}", line(b), what.join("; "))
        }
    }
}

/// A change as one JSON object for `--format jsonl`.
pub fn object(change: &Change) -> Value {
    match change {
        Change::Appeared(r) => json!({"change": "appeared", "new": r}),
        Change::Disappeared(r) => json!({"change": "disappeared", "old": r}),
        Change::Changed(a, b, fields) => {
            json!({"change": "changed", "fields": fields, "old": a, "new": b})
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(lines: &[Value]) -> BTreeMap<Key, Vec<Map<String, Value>>> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.jsonl");
        let text: Vec<String> = lines.iter().map(Value::to_string).collect();
        fs::write(&path, text.join("\n")).unwrap();
        read(&path).unwrap()
    }

    fn record(file: &str, start: u64, kind: &str, value: i64, period: &str) -> Value {
        json!({"file": file, "kind": kind, "value": value, "period": period, "line": 1,
               "start": start, "end": start + 5, "text": "x"})
    }

    #[test]
    fn appeared_disappeared_and_changed_by_file_kind_and_span() {
        let old = records(&[
            record("a.txt", 10, "admission", 56, "2023"),
            record("a.txt", 40, "target", 60, "2023"),
            record("b.txt", 10, "date", 1, "x"),
        ]);
        let new = records(&[
            record("a.txt", 10, "admission", 56, "2023"),
            record("a.txt", 40, "target", 60, "2024"),
            record("a.txt", 40, "percentage", 93, "2023"),
            record("c.txt", 0, "date", 1, "x"),
        ]);
        let lines: Vec<String> = changes(&old, &new).iter().map(text).collect();
        assert_eq!(
            lines,
            [
                "+ a.txt:1 40-45 percentage 93 \"x\"",
                "~ a.txt:1 40-45 target 60 \"x\"; period: \"2023\" → \"2024\"",
                "- b.txt:1 10-15 date 1 \"x\"",
                "+ c.txt:1 0-5 date 1 \"x\"",
            ]
        );
        assert!(changes(&old, &old).is_empty());
    }

    #[test]
    fn a_json_array_reads_as_jsonl_does() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.json");
        let r = record("a.txt", 10, "admission", 56, "2023");
        fs::write(&path, format!("[\n  {r}\n]\n")).unwrap();
        assert_eq!(read(&path).unwrap(), records(&[r]));
        fs::write(&path, "{\"kind\": 1}").unwrap();
        let e = read(&path).unwrap_err().to_string();
        assert!(
            e.ends_with("r.json:1: not a baocao record (no file, kind, start or end)"),
            "{e}"
        );
    }
}
