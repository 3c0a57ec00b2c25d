//! baocao: structured, source-grounded records from Vietnamese articles about Party building.
//!
//! An [`Extractor`], built once with the kinds to look for and how to read bytes, turns one
//! article (a `&str`, or bytes in UTF-8, UTF-16 or a legacy Vietnamese encoding) into
//! [`Record`]s: admission counts, targets, percentages, dates, directive numbers and membership
//! totals, each pointing at the exact bytes it came from. A [`Writer`] writes records as JSON
//! Lines, JSON or CSV to any [`std::io::Write`]; [`summarize`] joins them into one row per
//! organization and period with arithmetic checks.
//!
//! ```
//! use baocao::{Extractor, Format, Kind, Value, Writer};
//!
//! let extractor = Extractor::new().kinds(&[Kind::Admission, Kind::Percentage]);
//! let article = "Năm 2023, Đảng bộ tỉnh kết nạp được 1.856 đảng viên, đạt 89,15% kế hoạch.";
//! let records = extractor.extract("a.txt", article)?;
//!
//! assert_eq!(records[0].kind, Kind::Admission);
//! assert_eq!(records[0].value, Value::Count(1856));
//! assert_eq!(records[0].period.as_deref(), Some("2023"));
//! // Offsets point at the input bytes.
//! assert_eq!(&article[records[0].start..records[0].end], records[0].text);
//!
//! let mut csv = Writer::new(Format::Csv, Vec::new());
//! csv.write(&records)?;
//! let bytes = csv.finish()?;
//! assert!(bytes.starts_with(b"file,kind,value,"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The command line (`baocao extract`, `review`, `summary`) is built on this API and needs the
//! `cli` feature (on by default); a program embedding the library can depend on it with
//! `default-features = false`, which leaves out clap, the progress bar, the folder walker, the
//! thread pool and the allocator.

#![deny(missing_docs)]

// The command line's own modules: not API, so their items need no docs.
#[cfg(feature = "cli")]
#[allow(missing_docs)]
mod dataset;
mod extract;
mod extractor;
mod facts;
#[cfg(feature = "cli")]
mod message;
mod output;
mod pipeline;
mod record;
#[cfg(feature = "cli")]
#[allow(missing_docs)]
mod run;
#[cfg(feature = "cli")]
mod stages;
mod summary;
mod text;

pub use extractor::Extractor;
pub use output::{Format, Writer};
#[cfg(feature = "cli")]
use pipeline::{Document, extract_document};
pub use record::{Kind, Qualifier, Record, Role, Unit, Value};
pub use summary::{
    COLUMNS as SUMMARY_COLUMNS, MERGED_COLUMNS as MERGED_SUMMARY_COLUMNS, Merged as MergedRow,
    Row as SummaryRow, merge as merge_summary, merged_table as merged_summary_table, summarize,
    table as summary_table,
};
pub use text::decode::{DecodeError, EncodingChoice as Encoding};

/// What the `baocao` binary and the stage-timing example use beyond the API. Not part of it: it
/// changes with the command line.
#[cfg(feature = "cli")]
#[doc(hidden)]
pub mod internals {
    pub use crate::dataset::{Fields, InputFormat};
    pub use crate::extract::KindSet;
    pub use crate::extract::frame::cue_table;
    pub use crate::message::reason;
    pub use crate::output::review;
    pub use crate::pipeline::{Document, Options};
    pub use crate::run::{
        Config, compile_globs, documents, output_is_input, plural, run, with_output_file,
    };
    pub use crate::stages::report as stage_report;
    pub use crate::summary::summarize_file;
}

#[cfg(test)]
mod tests {
    /// README's "Use as a library" shows the crate's example, which runs as a doc test.
    #[test]
    fn readme_shows_the_crate_example() {
        let example: Vec<&str> = include_str!("lib.rs")
            .lines()
            .skip_while(|l| *l != "//! ```")
            .skip(1)
            .take_while(|l| *l != "//! ```")
            .map(|l| l.strip_prefix("//! ").unwrap_or(""))
            .filter(|l| !l.starts_with("# "))
            .collect();
        assert!(example.len() > 10);
        let block = format!("```rust\n{}\n```", example.join("\n"));
        assert!(include_str!("../README.md").contains(&block), "{block}");
    }
}
