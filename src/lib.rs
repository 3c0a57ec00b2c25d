//! baocao: structured, source-grounded records from Vietnamese articles about Party building.
//!
//! Data flows one way: bytes → decoded text → normalized text → records → a writer.
//!
//! ```
//! let opts = baocao::Options::default();
//! let records = baocao::extract_bytes("a.txt", "Năm 2023 kết nạp được 56 đảng viên.".as_bytes(), &opts).unwrap();
//! assert_eq!(records[0].kind, baocao::Kind::Admission);
//! assert_eq!(records[0].text, "kết nạp được 56 đảng viên");
//! ```

pub mod dataset;
pub mod extract;
pub mod output;
pub mod pipeline;
pub mod record;
pub mod run;
pub mod summary;
pub mod text;

pub use extract::KindSet;
pub use pipeline::{Document, Options, extract_bytes, extract_document};
pub use record::{Kind, Record, Unit, Value};
pub use text::decode::{DecodeError, DecodeOptions, EncodingChoice};
