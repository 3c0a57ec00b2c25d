//! Output formats. Every format renders the one [`Record`] type with fields in SPEC order.
//!
//! A run renders each file's records to bytes (possibly on a worker thread) and a [`Sink`] writes
//! those chunks in input order, adding whatever framing the format needs between and around them.

pub mod csv;
pub mod json;
pub mod jsonl;
mod object;
pub mod review;

use std::io::{self, Write};

use crate::record::Record;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per line (JSON Lines).
    #[default]
    Jsonl,
    /// One JSON array of objects.
    Json,
    /// A header row and one row per record (RFC 4180).
    Csv,
}

impl Format {
    /// Renders one file's records as a chunk for [`Sink::write_chunk`].
    pub fn render(self, records: &[Record], out: &mut Vec<u8>) -> io::Result<()> {
        match self {
            Format::Jsonl => jsonl::render(records, out),
            Format::Json => json::render(records, out),
            Format::Csv => csv::render(records, out),
        }
    }
}

/// Writes rendered chunks in order with the format's framing.
pub struct Sink<W: Write> {
    format: Format,
    out: W,
    wrote_any: bool,
}

impl<W: Write> Sink<W> {
    /// Starts the output: the CSV header (with a BOM for Excel when asked) or the JSON `[`.
    pub fn start(format: Format, mut out: W, bom: bool) -> io::Result<Self> {
        match format {
            Format::Csv => csv::header(&mut out, bom)?,
            Format::Json => out.write_all(b"[")?,
            Format::Jsonl => {}
        }
        Ok(Sink {
            format,
            out,
            wrote_any: false,
        })
    }

    pub fn write_chunk(&mut self, chunk: &[u8]) -> io::Result<()> {
        if chunk.is_empty() {
            return Ok(());
        }
        if self.format == Format::Json {
            self.out
                .write_all(if self.wrote_any { b",\n" } else { b"\n" })?;
        }
        self.wrote_any = true;
        self.out.write_all(chunk)
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    /// Closes the framing, flushes, and hands the writer back.
    pub fn finish(mut self) -> io::Result<W> {
        if self.format == Format::Json {
            self.out
                .write_all(if self.wrote_any { b"\n]\n" } else { b"]\n" })?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Kind, Value};

    fn sample(n: usize) -> Vec<Record> {
        (0..n)
            .map(|i| {
                let mut r = Record::new(Kind::Percentage, Value::Decimal(1.5 + i as f64), i, i + 4);
                r.text = format!("{}%", 1.5 + i as f64);
                r.sentence = "=cmd, \"quoted\"".into();
                r
            })
            .collect()
    }

    fn run(format: Format, chunks: &[Vec<Record>]) -> String {
        let mut sink = Sink::start(format, Vec::new(), false).unwrap();
        for records in chunks {
            let mut buf = Vec::new();
            format.render(records, &mut buf).unwrap();
            sink.write_chunk(&buf).unwrap();
        }
        String::from_utf8(sink.finish().unwrap()).unwrap()
    }

    #[test]
    fn json_is_one_array_across_chunks() {
        let out = run(Format::Json, &[sample(2), vec![], sample(1)]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v.as_array().unwrap().len(), 3);
        let empty: serde_json::Value = serde_json::from_str(&run(Format::Json, &[])).unwrap();
        assert_eq!(empty, serde_json::json!([]));
    }

    #[test]
    fn jsonl_is_one_object_per_line() {
        let out = run(Format::Jsonl, &[sample(2), sample(1)]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3);
        for l in lines {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            assert_eq!(v["kind"], "percentage");
        }
    }

    #[test]
    fn csv_has_header_quoting_and_no_formulas() {
        let out = run(Format::Csv, &[sample(1)]);
        let mut rdr = ::csv::Reader::from_reader(out.as_bytes());
        let header: Vec<String> = rdr.headers().unwrap().iter().map(str::to_string).collect();
        assert_eq!(header, crate::record::FIELDS);
        let row = rdr.records().next().unwrap().unwrap();
        assert_eq!(&row[2], "1.5");
        assert_eq!(&row[19], "'=cmd, \"quoted\"");
    }

    #[test]
    fn csv_bom_for_excel() {
        let sink = Sink::start(Format::Csv, Vec::new(), true).unwrap();
        assert!(
            sink.finish()
                .unwrap()
                .starts_with(b"\xEF\xBB\xBFfile,kind,")
        );
    }
}
