//! Output formats. Every format renders the one [`Record`] type with fields in SPEC order.
//!
//! A run renders each file's records to bytes (possibly on a worker thread) and a [`Sink`] writes
//! those chunks in input order, adding whatever framing the format needs between and around them.
//! [`Writer`] is the two together for a program that has records in hand.

mod csv;
#[cfg(feature = "cli")]
#[allow(missing_docs)] // the command line's, not API
pub mod file;
mod json;
mod jsonl;
mod object;
#[cfg(feature = "cli")]
#[allow(missing_docs)] // the command line's, not API
pub mod review;

use std::io::{self, Write};

use crate::record::Record;

/// How records are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
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
    pub(crate) fn render(
        self,
        records: &[Record],
        formula_guard: bool,
        out: &mut Vec<u8>,
    ) -> io::Result<()> {
        match self {
            Format::Jsonl => jsonl::render(records, out),
            Format::Json => json::render(records, out),
            Format::Csv => csv::render(records, formula_guard, out),
        }
    }
}

/// Writes records to any [`io::Write`] as JSON Lines, one JSON array, or CSV with a header row.
/// Call [`write`](Self::write) any number of times, then [`finish`](Self::finish), which closes
/// the JSON array and flushes.
///
/// Strings are JSON strings as serde_json writes them; CSV quotes as RFC 4180 says and prefixes
/// text cells a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) with `'`.
///
/// ```
/// use baocao::{Extractor, Format, Writer};
///
/// let records = Extractor::new().extract("a.txt", "Năm 2023 kết nạp được 56 đảng viên.")?;
/// let mut writer = Writer::new(Format::Jsonl, Vec::new());
/// writer.write(&records)?;
/// let out = String::from_utf8(writer.finish()?)?;
/// assert!(out.starts_with(r#"{"file":"a.txt","kind":"admission","value":56,"#));
///
/// let mut json = Writer::new(Format::Json, Vec::new());
/// json.write(&[])?;
/// assert_eq!(json.finish()?, b"[]\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Writer<W: Write> {
    state: State<W>,
    format: Format,
    bom: bool,
    formula_guard: bool,
    chunk: Vec<u8>,
}

enum State<W: Write> {
    /// Nothing written yet: the header (or `[`) goes out with the first records or at the end.
    New(W),
    Started(Sink<W>),
    /// Starting failed: the writer is gone.
    Failed,
}

impl<W: Write> Writer<W> {
    /// A writer of `format` to `out`; nothing is written before the first call.
    pub fn new(format: Format, out: W) -> Self {
        Writer {
            state: State::New(out),
            format,
            bom: false,
            formula_guard: true,
            chunk: Vec::new(),
        }
    }

    /// With `true`, CSV output starts with a UTF-8 byte order mark, which Excel needs to read
    /// Vietnamese text as UTF-8. No effect on JSON.
    pub fn csv_bom(mut self, bom: bool) -> Self {
        self.bom = bom;
        self
    }

    /// With `false`, CSV text cells are written as they are; by default one a spreadsheet would
    /// run as a formula (starting `=`, `+`, `-`, `@`) is prefixed with `'`. Readers that are not
    /// spreadsheets (pandas, DuckDB) want them as they are. No effect on JSON.
    pub fn formula_guard(mut self, guard: bool) -> Self {
        self.formula_guard = guard;
        self
    }

    fn sink(&mut self) -> io::Result<&mut Sink<W>> {
        self.state = match std::mem::replace(&mut self.state, State::Failed) {
            State::New(out) => State::Started(Sink::start(self.format, out, self.bom)?),
            started => started,
        };
        match &mut self.state {
            State::Started(sink) => Ok(sink),
            _ => Err(io::Error::other("an earlier write failed")),
        }
    }

    /// Writes `records` after those of earlier calls.
    pub fn write(&mut self, records: &[Record]) -> io::Result<()> {
        self.chunk.clear();
        self.format
            .render(records, self.formula_guard, &mut self.chunk)?;
        let chunk = std::mem::take(&mut self.chunk);
        let written = self.sink()?.write_chunk(&chunk);
        self.chunk = chunk;
        written
    }

    /// Ends the output (the JSON array's `]`), flushes, and hands the writer back.
    pub fn finish(mut self) -> io::Result<W> {
        self.sink()?;
        match self.state {
            State::Started(sink) => sink.finish(),
            _ => unreachable!("started above"),
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

    /// Writes one rendered chunk (nothing for an empty one).
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

    /// Flushes what was written so far.
    #[cfg(feature = "cli")]
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
            format.render(records, true, &mut buf).unwrap();
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
    fn the_writer_writes_what_a_run_writes() {
        let chunks = [sample(2), vec![], sample(1)];
        for format in [Format::Jsonl, Format::Json, Format::Csv] {
            let mut writer = Writer::new(format, Vec::new());
            for records in &chunks {
                writer.write(records).unwrap();
            }
            let written = String::from_utf8(writer.finish().unwrap()).unwrap();
            assert_eq!(written, run(format, &chunks), "{format:?}");
        }
        let bom = Writer::new(Format::Csv, Vec::new()).csv_bom(true);
        assert!(bom.finish().unwrap().starts_with(b"\xEF\xBB\xBFfile,"));
    }

    #[test]
    fn csv_without_the_formula_guard_writes_cells_as_they_are() {
        let mut writer = Writer::new(Format::Csv, Vec::new()).formula_guard(false);
        writer.write(&sample(1)).unwrap();
        let out = writer.finish().unwrap();
        let mut rdr = ::csv::Reader::from_reader(&out[..]);
        let row = rdr.records().next().unwrap().unwrap();
        assert_eq!(&row[19], "=cmd, \"quoted\"");
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
