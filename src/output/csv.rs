//! CSV: a header row of the SPEC fields, RFC 4180 quoting, and text cells that could start a
//! spreadsheet formula (`=`, `+`, `-`, `@`) prefixed with `'`.

use std::io::{self, Write};

use crate::record::{FIELDS, Record};

pub fn header(out: &mut impl Write, bom: bool) -> io::Result<()> {
    if bom {
        out.write_all(b"\xEF\xBB\xBF")?;
    }
    let mut w = csv::Writer::from_writer(out);
    w.write_record(FIELDS)?;
    w.flush()
}

/// A cell as written: numbers as they are, text that a spreadsheet would evaluate neutralised.
fn guarded(value: Option<String>) -> String {
    match value {
        None => String::new(),
        Some(s) if s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s.parse::<f64>().is_err() => {
            format!("'{s}")
        }
        Some(s) => s,
    }
}

/// The records as CSV rows; with `formula_guard`, text cells a spreadsheet would run as a formula
/// start with `'` (readers that are not spreadsheets, such as pandas or DuckDB, want them as is).
pub fn render(records: &[Record], formula_guard: bool, out: &mut Vec<u8>) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    for r in records {
        if formula_guard {
            w.write_record(r.cells().map(guarded))?;
        } else {
            w.write_record(r.cells().map(Option::unwrap_or_default))?;
        }
    }
    w.flush()
}
