//! One document from bytes to grounded records: decode, normalize, extract, then map every span
//! back to the input bytes and fill `line`, `text` and `sentence`.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

use crate::extract::{Doc, KindSet, extract_doc};
use crate::facts::{Article, Facts};
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

/// How far each way a segment's window reaches past it: the longest statement (a figure with
/// the words that make it a record, `Năm 2023, … kết nạp được 56 đảng viên`) read whole across
/// a cut. A cut inside a statement lost its record when segments did not overlap.
const STATEMENT: usize = 4 * 1024;

/// A part of a long text: its records are those starting in `owned`, read from `window`, which
/// holds [`STATEMENT`] bytes more each way (to a word boundary) so that no statement is split.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Segment {
    owned: Range<usize>,
    window: Range<usize>,
}

/// Segments of `size` bytes, each cut after: the next line start within [`CUT_REACH`], else the
/// next sentence start (after `.`, `?` or `!` and a space), else the next word, else the next
/// character.
fn segments(text: &str, size: usize) -> Vec<Segment> {
    let mut cuts = vec![0];
    let mut at = size;
    while at < text.len() {
        let next = cut_after(text, at);
        if next < text.len() {
            cuts.push(next);
        }
        at = next + size;
    }
    cuts.push(text.len());
    cuts.windows(2)
        .map(|w| Segment {
            owned: w[0]..w[1],
            window: word_start_before(text, w[0].saturating_sub(STATEMENT)).min(w[0])
                ..word_end_after(text, w[1] + STATEMENT).max(w[1]),
        })
        .collect()
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
        None => ceil_char_boundary(text, at + window.len()),
    }
}

/// The start of the word holding `at` (after the last space or line break before it within
/// [`CUT_REACH`]), else the character boundary at or before `at`.
fn word_start_before(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let from = at.saturating_sub(CUT_REACH);
    match memchr::memrchr2(b' ', b'\n', &bytes[from..at]) {
        Some(i) => from + i + 1,
        None => (0..=at)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0),
    }
}

/// The end of the word holding `at` (the next space or line break within [`CUT_REACH`]), else
/// the character boundary at or after `at`; the text's end when `at` is past it.
fn word_end_after(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    if at >= bytes.len() {
        return bytes.len();
    }
    let to = (at + CUT_REACH).min(bytes.len());
    match memchr::memchr2(b' ', b'\n', &bytes[at..to]) {
        Some(i) => at + i,
        None => ceil_char_boundary(text, to),
    }
}

fn ceil_char_boundary(text: &str, at: usize) -> usize {
    (at..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len())
}

fn extract_decoded(
    file: &str,
    decoded: &Decoded,
    opts: &Options,
    emit: impl FnMut(Vec<Record>, Vec<Range<usize>>),
) {
    extract_segments(file, decoded, opts, SEGMENT, emit);
}

/// [`extract_decoded`] in segments of `size` bytes.
fn extract_segments(
    file: &str,
    decoded: &Decoded,
    opts: &Options,
    size: usize,
    mut emit: impl FnMut(Vec<Record>, Vec<Range<usize>>),
) {
    let src: &str = &decoded.text;
    let normalized = normalize(src);
    let mut line = 1;
    let mut counted_to = 0;
    // The article's date and organization are read from its start, once; facts are numbered
    // through the whole file.
    let article = Article::read(&normalized.text);
    let mut facts = Facts::default();
    for Segment { owned, window } in segments(&normalized.text, size) {
        let doc = Doc::new(&normalized.text[window.clone()]);
        let mut records = extract_doc(&doc, opts.kinds);
        // A record starting in the overlap is its neighbour's.
        records.retain(|r| owned.contains(&(window.start + r.start)));
        facts.assign(&article, &doc, &mut records);
        let mut spans = Vec::with_capacity(records.len());
        // Records shown the same part of a sentence share its collapsed text.
        let mut last_sentence: Option<(usize, usize, String)> = None;
        for r in &mut records {
            let sentence = doc.sentence(r.start);
            let (s, e) = normalized.to_source(window.start + r.start, window.start + r.end);
            let (ss, se) =
                normalized.to_source(window.start + sentence.start, window.start + sentence.end);
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
            let (lo, hi) = shown_sentence(src, from..to, s..e);
            r.sentence = match &last_sentence {
                Some((a, b, text)) if (*a, *b) == (lo, hi) => text.clone(),
                _ => {
                    let mut text = collapse_whitespace(&src[lo..hi]);
                    if lo > from {
                        text.insert(0, '…');
                    }
                    if hi < to {
                        text.push('…');
                    }
                    last_sentence = Some((lo, hi, text.clone()));
                    text
                }
            };
            r.start = decoded.map.start(s);
            r.end = decoded.map.end(e);
            r.total = r.total.map(|(ts, te)| {
                let (s, e) = normalized.to_source(window.start + ts, window.start + te);
                (decoded.map.start(s), decoded.map.end(e))
            });
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

/// A record's `sentence` longer than this many bytes is cut around its span (SPEC: about 600):
/// every record repeating a multi-megabyte sentence of a text without full stops made memory
/// grow with the output, and collapsing it for each record made time quadratic.
const SENTENCE_CAP: usize = 600;

/// The part of `sentence` (a range of `src`) shown for the record at `span`: all of it when it
/// is at most [`SENTENCE_CAP`] bytes, else about that much around the span, whole words only.
/// Room the text lacks on one side goes to the other.
fn shown_sentence(src: &str, sentence: Range<usize>, span: Range<usize>) -> (usize, usize) {
    let (from, to) = (sentence.start, sentence.end);
    if to - from <= SENTENCE_CAP {
        return (from, to);
    }
    let room = SENTENCE_CAP.saturating_sub(span.len());
    let before = (room / 2)
        .max(room.saturating_sub(to - span.end))
        .min(span.start - from);
    let after = (room - before).min(to - span.end);
    let mut lo = span.start - before;
    while !src.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = span.end + after;
    while !src.is_char_boundary(hi) {
        hi -= 1;
    }
    // A word cut in two is left out: start after a white space, end before one.
    let at_word_start = lo == from || src[..lo].ends_with(char::is_whitespace);
    if !at_word_start {
        lo = src[lo..span.start]
            .find(char::is_whitespace)
            .map_or(span.start, |i| lo + i);
    }
    let at_word_end = hi == to || src[hi..].starts_with(char::is_whitespace);
    if !at_word_end {
        hi = src[span.end..hi]
            .rfind(char::is_whitespace)
            .map_or(span.end, |i| span.end + i);
    }
    (lo, hi)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Kind, Value};
    use crate::text::decode::DecodeOptions;

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
        let parts: Vec<Range<usize>> = segments(&text, SEGMENT)
            .into_iter()
            .map(|s| s.owned)
            .collect();
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
        let parts: Vec<Range<usize>> = segments(text, SEGMENT)
            .into_iter()
            .map(|s| s.owned)
            .collect();
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
    fn long_sentences_are_cut_around_the_span_at_word_boundaries() {
        let words = |n: usize, word: &str| vec![word; n].join(" ");
        let evidence = "kết nạp được 56 đảng viên";
        let vocabulary = [
            "một", "hai", "ba", "ba.", "kết", "nạp", "được", "56", "đảng", "viên",
        ];
        for (before, after) in [(400, 400), (3, 400), (400, 3), (20, 20), (90, 60)] {
            let text = format!(
                "{} {evidence} {}.",
                words(before, "một\u{a0}hai"),
                words(after, "ba")
            );
            let records = extract_bytes("x", text.as_bytes(), &Options::default()).unwrap();
            let r = records.iter().find(|r| r.text == evidence).unwrap();
            let whole = collapse_whitespace(&text);
            if text.len() <= SENTENCE_CAP {
                assert_eq!(r.sentence, whole);
                continue;
            }
            let cap = SENTENCE_CAP + 2 * '…'.len_utf8();
            assert!(
                (SENTENCE_CAP * 3 / 4..=cap).contains(&r.sentence.len()),
                "{}",
                r.sentence
            );
            let shown = r.sentence.trim_start_matches('…').trim_end_matches('…');
            assert!(shown.contains(evidence));
            assert_eq!(r.sentence.starts_with('…'), !whole.starts_with(shown));
            assert_eq!(r.sentence.ends_with('…'), !whole.ends_with(shown));
            // Whole words: each word shown is one of the text's.
            assert!(whole.contains(shown), "{}", r.sentence);
            for word in shown.split_whitespace() {
                assert!(vocabulary.contains(&word), "{word} in {}", r.sentence);
            }
        }
    }

    /// (kind, value, start, end, text, sentence) of every record, read in segments of `size`
    /// bytes.
    fn read_in_segments(
        text: &str,
        size: usize,
    ) -> Vec<(Kind, Value, usize, usize, String, String)> {
        let decoded = decode(text.as_bytes(), DecodeOptions::default()).unwrap();
        let mut records = Vec::new();
        extract_segments("x", &decoded, &Options::default(), size, |batch, _| {
            records.extend(batch)
        });
        records
            .into_iter()
            .map(|r| (r.kind, r.value, r.start, r.end, r.text, r.sentence))
            .collect()
    }

    /// A statement at every offset around a cut, in text without sentence marks, gives its record
    /// once, and the records around it are those of the text read whole.
    #[test]
    fn no_record_is_lost_or_doubled_at_a_cut() {
        let size = 8 * 1024;
        let filler = "một hai ba bốn năm sáu bảy tám chín mười tăng 5% ".repeat(size / 50);
        let statement = "kết nạp được 56 đảng viên";
        let lead_end = filler.as_bytes()[..size - 80]
            .iter()
            .rposition(|&b| b == b' ');
        let lead = &filler[..lead_end.unwrap() + 1];
        for pad in 0..120 {
            let text = format!("{lead}{}{statement} {filler}", " ".repeat(pad));
            let whole = read_in_segments(&text, usize::MAX);
            let cut = read_in_segments(&text, size);
            if let Some(i) = (0..cut.len().max(whole.len())).find(|&i| cut.get(i) != whole.get(i)) {
                let brief = |r: Option<&(Kind, Value, usize, usize, String, String)>| {
                    r.map(|r| (r.0, r.2, r.4.clone()))
                };
                panic!(
                    "padding {pad}: record {i} read in segments {:?}, read whole {:?}",
                    brief(cut.get(i)),
                    brief(whole.get(i))
                );
            }
            let admissions: Vec<_> = cut.iter().filter(|r| r.0 == Kind::Admission).collect();
            assert_eq!(admissions.len(), 1, "padding {pad}");
            assert_eq!(admissions[0].4, statement);
            assert!(cut.len() > size / 50, "{}", cut.len());
        }
    }

    #[test]
    fn windows_reach_a_statement_past_their_segment_at_word_starts() {
        let words = "một hai ba ".repeat(SEGMENT / 4);
        let parts = segments(&words, SEGMENT);
        assert!(parts.len() > 2);
        for (i, part) in parts.iter().enumerate() {
            let (owned, window) = (&part.owned, &part.window);
            if i > 0 {
                assert!(
                    (owned.start - STATEMENT - 12..=owned.start - STATEMENT)
                        .contains(&window.start)
                );
                assert!(words[..window.start].ends_with(' '));
            }
            if i + 1 < parts.len() {
                assert!((owned.end + STATEMENT..owned.end + STATEMENT + 12).contains(&window.end));
                assert!(words[window.end..].starts_with(' '));
            }
        }
        assert_eq!(parts.last().unwrap().window.end, words.len());
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
