//! The entry point of the library: settings chosen once, then one call per article.

use crate::extract::KindSet;
use crate::pipeline::{Options, extract_bytes};
use crate::record::{Kind, Record};
use crate::text::decode::{DecodeError, EncodingChoice};

/// Extracts records from articles; built once, used for any number of them (from any number of
/// threads: it is `Sync` and cheap to clone).
///
/// ```
/// use baocao::{Encoding, Extractor, Kind, Role};
///
/// let extractor = Extractor::new()
///     .kinds(&[Kind::Percentage])
///     .encoding(Encoding::Auto)
///     .lossy(false);
/// let records = extractor.extract("b.txt", "Tỷ lệ đảng viên nữ chiếm 35,2%.")?;
/// assert_eq!(records.len(), 1);
/// assert_eq!(records[0].role, Some(Role::Share));
/// assert_eq!(records[0].file, "b.txt");
/// # Ok::<(), baocao::DecodeError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    options: Options,
}

impl Extractor {
    /// An extractor of every kind that reads bytes as [`Encoding::Auto`](crate::Encoding::Auto)
    /// does and reports invalid UTF-8 as an error.
    pub fn new() -> Self {
        Self::default()
    }

    /// Looks for these kinds only (all six when never called).
    pub fn kinds(mut self, kinds: &[Kind]) -> Self {
        self.options.kinds = KindSet::of(kinds);
        self
    }

    /// Reads input bytes in this encoding.
    pub fn encoding(mut self, encoding: EncodingChoice) -> Self {
        self.options.decode.encoding = encoding;
        self
    }

    /// With `true`, invalid UTF-8 becomes U+FFFD instead of a [`DecodeError::InvalidUtf8`].
    pub fn lossy(mut self, lossy: bool) -> Self {
        self.options.decode.lossy = lossy;
        self
    }

    /// The records of one article, in offset order. `file` is copied into each record's `file`.
    /// `input` is a `&str` or bytes; either way each record's `start..end` are offsets in those
    /// bytes, and for UTF-8 input `&input[start..end]` is the record's `text`.
    ///
    /// An error says why the bytes are not text: a NUL byte (a binary file), invalid UTF-8 (when
    /// not [lossy](Self::lossy) and no legacy encoding reads it), or an odd number of UTF-16
    /// bytes.
    ///
    /// ```
    /// let extractor = baocao::Extractor::new();
    /// // The same article in TCVN3, an 8-bit encoding still found in old archives.
    /// let tcvn3 = b"N\xA8m 2023 k\xD5t n\xB9p \xAE\xAD\xEEc 56 \xAE\xB6ng vi\xAAn.";
    /// let records = extractor.extract("old.txt", tcvn3)?;
    /// assert_eq!(records[0].value, baocao::Value::Count(56));
    /// assert_eq!(records[0].encoding, Some("TCVN3"));
    ///
    /// assert!(extractor.extract("x.bin", b"\x00\x01").is_err());
    /// # Ok::<(), baocao::DecodeError>(())
    /// ```
    pub fn extract(&self, file: &str, input: impl AsRef<[u8]>) -> Result<Vec<Record>, DecodeError> {
        extract_bytes(file, input.as_ref(), &self.options)
    }
}
