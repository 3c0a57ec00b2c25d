//! One document from bytes to grounded records: decode, normalize, extract, then map every span
//! back to the input bytes and fill `line`, `text` and `sentence`.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

use crate::extract::{Doc, KindSet, extract_doc};
use crate::record::Record;
use crate::text::decode::{DecodeError, DecodeOptions, Decoded, decode};
use crate::text::normalize::normalize;
use crate::text::sentences::collapse_whitespace;

/// What to extract and how to read the bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// How bytes become text.
    pub decode: DecodeOptions,
    /// Which kinds to extract.
    pub kinds: KindSet,
}

/// Extracts the records of one document. `file` is copied into each record as given.
///
/// Every record satisfies the grounding rule: `bytes[start..end]`, decoded, is its `text`.
pub fn extract_bytes(file: &str, bytes: &[u8], opts: &Options) -> Result<Vec<Record>, DecodeError> {
    let mut records = Vec::new();
    extract_stream(file, bytes, opts, |batch, _| records.extend(batch))?;
    Ok(records)
}

/// Extracts one document segment by segment, handing each segment's records (in offset order)
/// and their spans in the decoded text to `emit`, so a huge file streams in bounded memory.
pub fn extract_stream(
    file: &str,
    bytes: &[u8],
    opts: &Options,
    emit: impl FnMut(Vec<Record>, Vec<Range<usize>>),
) -> Result<(), DecodeError> {
    let decoded = decode(bytes, opts.decode)?;
    extract_decoded(file, &decoded, opts, emit);
    Ok(())
}

/// A document's decoded text with its records and, for each record, its span in that text (the
/// records' own `start`/`end` are offsets in the input bytes).
#[cfg(feature = "cli")]
#[derive(Debug)]
pub struct Document {
    /// The decoded text.
    pub text: String,
    /// The records, in offset order.
    pub records: Vec<Record>,
    /// Each record's span in `text`.
    pub spans: Vec<Range<usize>>,
}

/// Like [`extract_bytes`], keeping the decoded text and the spans in it (for review pages).
#[cfg(feature = "cli")]
pub fn extract_document(file: &str, bytes: &[u8], opts: &Options) -> Result<Document, DecodeError> {
    let decoded = decode(bytes, opts.decode)?;
    let (mut records, mut spans) = (Vec::new(), Vec::new());
    extract_decoded(file, &decoded, opts, |r, s| {
        records.extend(r);
        spans.extend(s);
    });
    Ok(Document {
        text: decoded.text.into_owned(),
        records,
        spans,
    })
}

/// Texts longer than this are extracted in segments of about this size, cut at sentence starts.
/// A segment is a document of its own for short-reference resolution (`Kế hoạch số 62`).
pub const SEGMENT: usize = 1 << 20;

/// How far past every [`SEGMENT`] bytes a segment's cut is looked for. Bounded so that a text
/// without line breaks (or without spaces) is cut in linear time: a search to the end of the text
/// for each segment was quadratic (a 1 GB one-line file took 8 times as long as a 250 MB one).
const CUT_REACH: usize = 64 * 1024;

/// Segment boundaries, one after every [`SEGMENT`] bytes: the next line start within
/// [`CUT_REACH`], else the next sentence start (after `.`, `?` or `!` and a space), else the next
/// word, else the next character.
fn segments(text: &str) -> Vec<Range<usize>> {
    let mut cuts = vec![0];
    let mut at = SEGMENT;
    while at < text.len() {
        let next = cut_after(text, at);
        if next < text.len() {
            cuts.push(next);
        }
        at = next + SEGMENT;
    }
    cuts.push(text.len());
    cuts.windows(2).map(|w| w[0]..w[1]).collect()
}

/// The first cut at or after `at`, looked for in the [`CUT_REACH`] bytes from there.
fn cut_after(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let window = &bytes[at..(at + CUT_REACH).min(bytes.len())];
    let sentence_start = || {
        memchr::memchr3_iter(b'.', b'?', b'!', window)
            .find(|&i| window.get(i + 1) == Some(&b' '))
            .map(|i| i + 1)
    };
    let found = memchr::memchr(b'\n', window)
        .or_else(sentence_start)
        .or_else(|| memchr::memchr(b' ', window));
    match found {
        Some(i) => at + i + 1,
        None => (at + window.len()..=text.len())
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(text.len()),
    }
}

fn extract_decoded(
    file: &str,
    decoded: &Decoded,
    opts: &Options,
    mut emit: impl FnMut(Vec<Record>, Vec<Range<usize>>),
) {
    let src: &str = &decoded.text;
    let normalized = normalize(src);
    let mut line = 1;
    let mut counted_to = 0;
    for segment in segments(&normalized.text) {
        let doc = Doc::new(&normalized.text[segment.clone()]);
        let mut records = extract_doc(&doc, opts.kinds);
        let mut spans = Vec::with_capacity(records.len());
        // Records of one sentence share its collapsed text.
        let mut last_sentence: Option<(usize, usize, String)> = None;
        for r in &mut records {
            let sentence = doc.sentence(r.start);
            let (s, e) = normalized.to_source(segment.start + r.start, segment.start + r.end);
            let (ss, se) =
                normalized.to_source(segment.start + sentence.start, segment.start + sentence.end);
            // Records come sorted by start and the maps keep order, so lines are counted once.
            if s >= counted_to {
                line += memchr::memchr_iter(b'\n', &src.as_bytes()[counted_to..s]).count();
                counted_to = s;
            }
            r.file = file.to_string();
            r.line = line;
            r.text = src[s..e].to_string();
            spans.push(s..e);
            let (from, to) = (ss.min(s), se.max(e));
            r.sentence = match &last_sentence {
                Some((a, b, text)) if (*a, *b) == (from, to) => text.clone(),
                _ => {
                    let text = collapse_whitespace(&src[from..to]);
                    last_sentence = Some((from, to, text.clone()));
                    text
                }
            };
            r.start = decoded.map.start(s);
            r.end = decoded.map.end(e);
            r.encoding = decoded.transcoded_from;
            // VNI and Windows-1258 write tone marks as characters of their own: a transcoded
            // file's text is NFC (SPEC), so a filter on `kết nạp` finds it as in any other file.
            if r.encoding.is_some() {
                r.text = r.text.nfc().collect();
                r.sentence = r.sentence.nfc().collect();
            }
        }
        emit(records, spans);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Kind, Value};

    #[test]
    fn spans_point_at_the_original_bytes_of_nfd_text() {
        let nfc = "Năm 2023, Tỉnh uỷ kết nạp được 1.856 đảng viên.\nĐạt 89,15% kế hoạch.";
        let nfd: String = unicode_normalization::UnicodeNormalization::nfd(nfc).collect();
        for input in [nfc.to_string(), nfd] {
            let records = extract_bytes("x", input.as_bytes(), &Options::default()).unwrap();
            assert!(records.len() >= 2, "{records:?}");
            for r in &records {
                assert_eq!(&input[r.start..r.end], r.text);
            }
            let pct = records.iter().find(|r| r.kind == Kind::Percentage).unwrap();
            assert_eq!(pct.value, Value::Decimal(89.15));
            assert_eq!(pct.line, 2);
            assert_eq!(
                pct.sentence,
                collapse_whitespace(&input[input.find('\n').unwrap() + 1..])
            );
        }
    }

    #[test]
    fn segments_cut_at_line_starts_and_cover_the_text() {
        let text = "Dòng một kết nạp 5 đảng viên.\n".repeat(SEGMENT / 20);
        let parts = segments(&text);
        assert!(parts.len() > 1);
        assert_eq!(parts.first().unwrap().start, 0);
        assert_eq!(parts.last().unwrap().end, text.len());
        assert!(
            parts
                .windows(2)
                .all(|w| w[0].end == w[1].start && text[..w[1].start].ends_with('\n'))
        );
        let records = extract_bytes("x", text.as_bytes(), &Options::default()).unwrap();
        assert_eq!(records.len(), SEGMENT / 20);
        assert!(records.iter().all(|r| text[r.start..r.end] == r.text));
        assert_eq!(records.last().unwrap().line, SEGMENT / 20);
    }

    /// Each cut lies within its reach of every `SEGMENT` bytes, so finding the cuts is linear in
    /// the text whatever it lacks.
    fn assert_cuts_bounded(text: &str, ends_with: impl Fn(&str) -> bool) {
        let parts = segments(text);
        assert!(parts.len() > 2);
        assert_eq!(parts.last().unwrap().end, text.len());
        for w in parts.windows(2) {
            assert_eq!(w[0].end, w[1].start);
            let len = w[0].end - w[0].start;
            assert!((SEGMENT..SEGMENT + CUT_REACH + 4).contains(&len), "{len}");
            assert!(
                ends_with(&text[..w[1].start]),
                "{:?}",
                &text[w[1].start - 8..w[1].start]
            );
        }
    }

    #[test]
    fn one_line_texts_are_cut_at_sentence_starts() {
        let text = "Năm nay kết nạp 5 đảng viên. ".repeat(SEGMENT / 10);
        assert_cuts_bounded(&text, |before| before.ends_with("viên. "));
    }

    #[test]
    fn texts_without_sentence_marks_or_spaces_are_cut_within_reach() {
        let words = "một hai ba ".repeat(SEGMENT / 4);
        assert_cuts_bounded(&words, |before| before.ends_with(' '));
        let letters = "ầ".repeat(SEGMENT);
        assert_cuts_bounded(&letters, |before| before.ends_with('ầ'));
    }
}
