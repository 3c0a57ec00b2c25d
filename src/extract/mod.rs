//! Extraction over normalized text: one module per kind, each with its patterns and its table of
//! example sentences, plus the shared context helpers (period, organization).
//!
//! Extractors see only normalized text and report spans in it; [`crate::pipeline`] maps those
//! spans back to the input bytes.

pub mod admission;
pub mod count;
pub mod date;
pub mod directive;
pub mod frame;
pub mod membership;
pub mod org;
pub mod percentage;
pub mod period;
pub mod target;

use std::cell::{OnceCell, RefCell};
use std::ops::Range;
use std::rc::Rc;
use std::sync::{Arc, LazyLock};

use aho_corasick::AhoCorasick;
use regex_automata::util::pool::Pool;
use regex_automata::{Input, hybrid};

#[cfg(test)]
use crate::record::Value;
use crate::record::{Kind, Record};
use crate::text::numbers::next_digit;
use crate::text::sentences::Sentences;

/// A normalized document with its sentence index and what several extractors share.
pub struct Doc<'a> {
    pub text: &'a str,
    sentences: Sentences,
    percents: OnceCell<Vec<percentage::Percent>>,
    count_spans: OnceCell<Vec<Range<usize>>>,
    counts: OnceCell<Vec<frame::Classified>>,
    /// Facts by sentence start, sorted: a few dozen sentences hold a document's figures, and a
    /// binary search costs less than hashing.
    sentence_facts: RefCell<Vec<(usize, Rc<SentenceFacts>)>>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Self {
        Doc {
            text,
            sentences: Sentences::new(text),
            percents: OnceCell::new(),
            count_spans: OnceCell::new(),
            counts: OnceCell::new(),
            sentence_facts: RefCell::default(),
        }
    }

    /// The percentage figures with their roles, found once for the percentage and target kinds.
    pub fn percents(&self) -> &[percentage::Percent] {
        self.percents.get_or_init(|| percentage::find(self))
    }

    /// The count mentions with the kinds their frames give them, found once for the three count
    /// kinds.
    pub fn counts(&self) -> &[frame::Classified] {
        self.counts.get_or_init(|| frame::classify(self))
    }

    /// The periods and organizations of the sentence holding `pos`, found once however many
    /// figures it holds.
    fn sentence_facts(&self, pos: usize) -> Rc<SentenceFacts> {
        let start = self.sentence(pos).start;
        let mut cache = self.sentence_facts.borrow_mut();
        let at = match cache.binary_search_by_key(&start, |(s, _)| *s) {
            Ok(found) => return cache[found].1.clone(),
            Err(at) => at,
        };
        let facts = Rc::new(SentenceFacts {
            periods: period::periods(self, pos),
            orgs: org::orgs(self, pos),
        });
        cache.insert(at, (start, facts.clone()));
        facts
    }

    /// The whole sentence holding `pos`, however long.
    pub fn whole_sentence(&self, pos: usize) -> Range<usize> {
        self.sentences.whole(pos)
    }

    /// Where the count kinds (admission, target, membership) can match: runs of sentences that
    /// hold a digit and a word those kinds count with (`đảng viên`, `ĐV`, `đồng chí`, `quần
    /// chúng`) or admit with (`kết nạp`). Every count pattern needs both in its sentence, and such
    /// sentences are a fifth of an article, so the patterns skip the rest.
    pub fn count_spans(&self) -> &[Range<usize>] {
        self.count_spans.get_or_init(|| {
            let bytes = self.text.as_bytes();
            let mut spans: Vec<Range<usize>> = Vec::new();
            let mut at = 0;
            // Sentences with a digit are fewer than those with a count word: find them first.
            while let Some(digit) = next_digit(bytes, at) {
                let sentence = self.sentences.whole(digit);
                at = sentence.end.max(digit + 1);
                // A line going on with a list (`+ Huyện Đại Sơn: 118;` after `… 140 đảng
                // viên;`) needs no count word of its own.
                let goes_on_with_list = spans.last().is_some_and(|last| {
                    self.text[last.end..sentence.start].trim().is_empty()
                        && self.text[last.clone()].trim_end().ends_with([';', ':'])
                });
                if !goes_on_with_list && !COUNT_WORDS.is_match(&bytes[sentence.clone()]) {
                    continue;
                }
                match spans.last_mut() {
                    Some(last) if last.end == sentence.start => last.end = sentence.end,
                    _ => spans.push(sentence),
                }
            }
            spans
        })
    }

    /// The sentence range holding `pos`.
    pub fn sentence(&self, pos: usize) -> Range<usize> {
        self.sentences.around(self.text, pos)
    }

    /// The text of the figure's sentence before `pos`.
    pub fn before(&self, pos: usize) -> &'a str {
        &self.text[self.sentence(pos).start..pos]
    }

    /// The text of the figure's sentence from `pos` on.
    pub fn after(&self, pos: usize) -> &'a str {
        let s = self.sentence(pos);
        &self.text[pos..s.end.max(pos)]
    }
}

/// The periods and organizations of one sentence (see [`Doc::sentence_facts`]).
#[derive(Debug, Default)]
struct SentenceFacts {
    periods: Vec<period::Period>,
    orgs: Vec<org::OrgMention>,
}

/// Fills `period`, `period_text` and `org` from the figure's sentence.
pub fn attribute(doc: &Doc, r: &mut Record) {
    if let Some(p) = period::period_for(doc, r.start) {
        r.period = p.iso;
        r.period_text = Some(p.text);
    }
    if r.org.is_none() {
        r.org = org::org_for(doc, r.start);
    }
}

/// The letters of Vietnamese text, as the body of a regex class: ASCII, Latin-1 and Latin
/// Extended-A/B, and Latin Extended Additional (the precomposed Vietnamese vowels). A class this
/// size compiles to a far smaller automaton than `\p{L}` (every script), which matters where a
/// match's groups are read back.
pub(crate) const LETTERS: &str = "A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ";

/// An automaton finding any of `words`. Leftmost-first, because that lets it use its SIMD
/// prefilter: 4× faster on these articles than the standard match kind.
pub(crate) fn word_finder(words: &[&str]) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(words)
        .expect("word automaton")
}

/// Words looked for in a figure's sentence, one vector search each: on texts this short an
/// automaton's set-up per search costs more than the searches (and std's substring search
/// prepares each word anew per call).
pub(crate) struct AnyWord(Vec<memchr::memmem::Finder<'static>>);

impl AnyWord {
    pub(crate) fn new(words: &[&'static str]) -> Self {
        AnyWord(
            words
                .iter()
                .map(|&w| memchr::memmem::Finder::new(w))
                .collect(),
        )
    }

    /// True when `text` holds one of the words.
    pub(crate) fn in_text(&self, text: &str) -> bool {
        self.0.iter().any(|w| w.find(text.as_bytes()).is_some())
    }
}

/// Words every count pattern's sentence holds one of (see [`Doc::count_spans`]).
static COUNT_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    word_finder(&[
        "đảng viên",
        "Đảng viên",
        "ĐV",
        "đồng chí",
        "quần chúng",
        "ết nạp",
        "đ/c",
        "rong đó",
    ])
});

/// The marks a bulleted list line opens with: `- `, `+ `, `* `, `• `.
pub const BULLETS: [char; 4] = ['-', '+', '*', '•'];

/// An extractor appends the records of its kind found in a document.
pub type Extractor = fn(&Doc, &mut Vec<Record>);

/// Merged windows of `text` around sorted anchor positions, `before` and `after` bytes wide and
/// widened to white space, so a pattern run inside them sees whole tokens. Running the costly
/// patterns only there is what keeps extraction fast: the anchors (`%`, `/`, `tháng`) are rare.
pub fn windows(
    text: &str,
    anchors: impl IntoIterator<Item = usize>,
    before: usize,
    after: usize,
) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out: Vec<Range<usize>> = Vec::new();
    for at in anchors {
        // The widening scans stop at the last window's end, which they would merge with anyway:
        // scanning to white space each time was quadratic on text without any (`1.` × 40,000).
        let last_end = out.last().map_or(0, |last| last.end);
        let mut start = at.saturating_sub(before);
        while start > last_end && !bytes[start - 1].is_ascii_whitespace() {
            start -= 1;
        }
        let mut end = (at + after).min(bytes.len()).max(last_end);
        while end < bytes.len() && !bytes[end].is_ascii_whitespace() {
            end += 1;
        }
        match out.last_mut() {
            Some(last) if start <= last.end => last.end = last.end.max(end),
            _ => out.push(start..end),
        }
    }
    out
}

/// A pattern searched only in short stretches of text (a hundred bytes around an anchor, or one
/// sentence): the lazy DFA alone. There the full regex engine's literal prefilter and strategy
/// cost more than the search itself (measured on the period pattern over 3,478 windows: 5.3 ms
/// against 2.2 ms), while over the count spans its prefilter wins, which is why the patterns run
/// there stay [`Regex`]. The matches are the same: both are leftmost-first.
pub struct WindowPattern {
    dfa: Arc<hybrid::regex::Regex>,
    caches: Pool<hybrid::regex::Cache, CacheFn>,
}

type CacheFn = Box<dyn Fn() -> hybrid::regex::Cache + Send + Sync>;

impl WindowPattern {
    pub fn new(pattern: &str) -> Result<Self, Box<hybrid::BuildError>> {
        Self::new_many(&[pattern])
    }

    /// One automaton for several patterns, the first listed winning where two match at one
    /// place; [`WindowPattern::find_pattern_at`] tells which matched.
    pub fn new_many<P: AsRef<str>>(patterns: &[P]) -> Result<Self, Box<hybrid::BuildError>> {
        let dfa = Arc::new(
            hybrid::regex::Regex::builder()
                // Never give up on a full cache (the error case of a search): clear it and go on.
                .dfa(hybrid::dfa::Config::new().minimum_cache_clear_count(None))
                .build_many(patterns)
                .map_err(Box::new)?,
        );
        let for_caches = Arc::clone(&dfa);
        let caches: Pool<_, CacheFn> = Pool::new(Box::new(move || for_caches.create_cache()));
        Ok(WindowPattern { dfa, caches })
    }

    /// The leftmost-first match in `haystack` at or after `at`, as [`Regex::find_at`] finds it.
    pub fn find_at(&self, haystack: &str, at: usize) -> Option<Range<usize>> {
        self.find_pattern_at(haystack, at).map(|(m, _)| m)
    }

    /// [`WindowPattern::find_at`] with the index of the pattern that matched.
    pub fn find_pattern_at(&self, haystack: &str, at: usize) -> Option<(Range<usize>, usize)> {
        let input = Input::new(haystack).range(at..);
        let found = self.dfa.try_search(&mut self.caches.get(), &input);
        // No quit bytes (no Unicode word boundary) and no giving up: a search cannot fail.
        found
            .expect("lazy DFA search")
            .map(|m| (m.range(), m.pattern().as_usize()))
    }

    /// The first match in `haystack`, for the tables that check a pattern matches what is written.
    #[cfg(test)]
    pub fn find(&self, haystack: &str) -> Option<Range<usize>> {
        self.find_at(haystack, 0)
    }
}

/// Every match of a [`WindowPattern`] that starts inside one of `windows`, with positions in the
/// whole text.
pub fn window_matches(
    p: &WindowPattern,
    text: &str,
    windows: &[Range<usize>],
) -> Vec<Range<usize>> {
    search_in(text, windows, |haystack, at| {
        let m = p.find_at(haystack, at)?;
        Some((m.clone(), m))
    })
}

/// The matches `find(haystack, at)` reports from each window's start, the haystack ending with the
/// window, stepping past empty matches.
fn search_in<'t, T>(
    text: &'t str,
    windows: &[Range<usize>],
    mut find: impl FnMut(&'t str, usize) -> Option<(Range<usize>, T)>,
) -> Vec<T> {
    let mut out = Vec::new();
    for w in windows {
        let haystack = &text[..w.end];
        let mut at = w.start;
        while let Some((whole, found)) = find(haystack, at) {
            at = if whole.end > whole.start {
                whole.end
            } else {
                whole.end + text[whole.end..].chars().next().map_or(1, char::len_utf8)
            };
            out.push(found);
            if at >= w.end {
                break;
            }
        }
    }
    out
}

/// Which kinds to extract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindSet(u8);

impl KindSet {
    /// Every kind.
    pub const ALL: KindSet = KindSet(0b11_1111);

    /// These kinds.
    pub fn of(kinds: &[Kind]) -> Self {
        KindSet(kinds.iter().fold(0, |acc, &k| acc | (1 << k as u8)))
    }

    /// True when `kind` is one of them.
    pub fn contains(self, kind: Kind) -> bool {
        self.0 & (1 << kind as u8) != 0
    }
}

impl Default for KindSet {
    fn default() -> Self {
        KindSet::ALL
    }
}

/// All records of the selected kinds in a normalized document, spans in normalized offsets, sorted
/// by position; a figure two rules of one kind both read is kept once (see [`drop_rereadings`]).
pub fn extract_doc(doc: &Doc, kinds: KindSet) -> Vec<Record> {
    let mut out = Vec::new();
    let extractors: [(Kind, Extractor); 6] = [
        (Kind::Percentage, percentage::extract),
        (Kind::Date, date::extract),
        (Kind::Directive, directive::extract),
        (Kind::Admission, admission::extract),
        (Kind::Target, target::extract),
        (Kind::Membership, membership::extract),
    ];
    for (kind, run) in extractors {
        if kinds.contains(kind) {
            run(doc, &mut out);
        }
    }
    // Sorted by key and index (so stably), and the records then moved once: a record is large,
    // and a merge sort moved each several times.
    let mut order: Vec<(usize, usize, Kind, usize)> = out
        .iter()
        .enumerate()
        .map(|(i, r)| (r.start, r.end, r.kind, i))
        .collect();
    order.sort_unstable();
    let mut slots: Vec<Option<Record>> = out.into_iter().map(Some).collect();
    drop_rereadings(
        order
            .into_iter()
            .map(|(.., i)| slots[i].take().expect("each index once")),
    )
}

/// Records sorted by position, less each one whose span overlaps the last kept record of its kind
/// and reads the same value, or covers the same bytes: one figure read by two rules
/// (`…, trong đó Chi bộ A kết nạp 3 đồng chí` as a list item and as an admission statement).
fn drop_rereadings(sorted: impl ExactSizeIterator<Item = Record>) -> Vec<Record> {
    let mut kept: Vec<Record> = Vec::with_capacity(sorted.len());
    let mut last_of_kind = [None::<usize>; Kind::ALL.len()];
    for r in sorted {
        let last = &mut last_of_kind[r.kind as usize];
        if let Some(p) = last.map(|i| &kept[i])
            && ((p.start, p.end) == (r.start, r.end)
                || p.end > r.start && p.value == r.value && p.value_max == r.value_max)
        {
            continue;
        }
        *last = Some(kept.len());
        kept.push(r);
    }
    kept
}

/// Runs an extractor over one sentence and renders what it found as `(text, value)` pairs plus
/// the listed attributes, for the example tables of each extractor.
#[cfg(test)]
pub(crate) fn examples(run: Extractor, text: &str) -> Vec<Record> {
    let doc = Doc::new(text);
    let mut out = Vec::new();
    run(&doc, &mut out);
    out.sort_by_key(|r| (r.start, r.end));
    out.dedup_by(|a, b| (a.start, a.end) == (b.start, b.end));
    for r in &mut out {
        r.text = text[r.start..r.end].to_string();
    }
    out
}

/// Checks a table of `(sentence, expected)` pairs, where `expected` lists each record as
/// `"value"` or `"value key=val key=val"`; reports every failing row at once.
#[cfg(test)]
pub(crate) fn check_table(run: Extractor, table: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for &(sentence, expected) in table {
        let got: Vec<String> = examples(run, sentence).iter().map(describe).collect();
        let ok = got.len() == expected.len()
            && got.iter().zip(expected).all(|(g, e)| {
                let mut parts = e.split(' ');
                let value = parts.next().unwrap_or_default();
                let g_fields: Vec<&str> = g.split('|').collect();
                g_fields[0] == value
                    && parts.all(|kv| {
                        g_fields.contains(&kv.replace('_', " ").as_str()) || g_fields.contains(&kv)
                    })
            });
        if !ok {
            failures.push(format!("{sentence}\n   want {expected:?}\n   got  {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing rows:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// `value|key=val|…` for the attributes the tables check.
#[cfg(test)]
fn describe(r: &Record) -> String {
    // Decimals print without a trailing `.0` so tables read `102` and `3..4`.
    let short = |v: &Value| match v {
        Value::Decimal(x) => format!("{x}"),
        other => other.to_string(),
    };
    let mut parts = vec![match &r.value_max {
        Some(max) => format!("{}..{}", short(&r.value), short(max)),
        None => short(&r.value),
    }];
    let attrs: [(&str, Option<String>); 10] = [
        ("unit", r.unit.map(|u| format!("{u:?}").to_lowercase())),
        ("q", r.qualifier.map(|q| q.as_str().to_string())),
        ("role", r.role.map(|r| r.as_str().to_string())),
        ("period", r.period.clone()),
        ("org", r.org.clone()),
        ("subset", r.subset.clone()),
        ("type", r.doc_type.map(str::to_string)),
        ("code", r.code.clone()),
        ("issued", r.issued.clone()),
        ("text", Some(r.text.clone())),
    ];
    for (k, v) in attrs {
        if let Some(v) = v {
            parts.push(format!("{k}={v}"));
        }
    }
    parts.join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_two_rules_read_is_kept_once() {
        let text = "Năm 2024 có 12 chi bộ kết nạp được đảng viên, trong đó Chi bộ Trường Tiểu học kết nạp 3 đồng chí; Chi bộ thôn Bản Lướt 3 đồng chí.";
        let found: Vec<(usize, &str)> = extract_doc(&Doc::new(text), KindSet::ALL)
            .iter()
            .filter(|r| r.kind == Kind::Admission)
            .map(|r| (r.start, &text[r.start..r.end]))
            .collect();
        let third = text.rfind("3 đồng chí").unwrap();
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].1.ends_with("kết nạp 3 đồng chí"), "{found:?}");
        assert_eq!(found[1].0, third - "Chi bộ thôn Bản Lướt ".len());
    }

    /// The windows are the merged spans of each anchor's window widened to white space, however
    /// the scans are cut short.
    #[test]
    fn windows_are_the_merged_widened_spans() {
        // The definition: each anchor's span widened to white space, overlapping spans merged.
        let naive = |text: &str, anchors: &[usize], before: usize, after: usize| {
            let bytes = text.as_bytes();
            let spans = anchors.iter().map(|&at| {
                let (from, to) = (at.saturating_sub(before), (at + after).min(bytes.len()));
                let start = bytes[..from]
                    .iter()
                    .rposition(u8::is_ascii_whitespace)
                    .map_or(0, |i| i + 1);
                let end = bytes[to..]
                    .iter()
                    .position(u8::is_ascii_whitespace)
                    .map_or(bytes.len(), |i| to + i);
                start..end
            });
            spans.fold(Vec::<Range<usize>>::new(), |mut merged, span| {
                match merged.last_mut() {
                    Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
                    _ => merged.push(span),
                }
                merged
            })
        };
        let texts = [
            "1.".repeat(300),
            "ab 1/2 cd ".repeat(40),
            format!("{} x {}", "7".repeat(120), "8-".repeat(90)),
        ];
        for text in &texts {
            let digits: Vec<usize> = (0..text.len())
                .filter(|&i| text.as_bytes()[i].is_ascii_digit())
                .collect();
            for step in [1, 3, 17] {
                let anchors: Vec<usize> = digits.iter().copied().step_by(step).collect();
                for (before, after) in [(0, 0), (5, 3), (48, 24), (150, 20)] {
                    assert_eq!(
                        windows(text, anchors.iter().copied(), before, after),
                        naive(text, &anchors, before, after),
                        "{step} {before} {after}"
                    );
                }
            }
        }
    }

    #[test]
    fn count_spans_keep_sentences_with_a_digit_and_a_count_word() {
        let text = "Kết nạp 12 đảng viên. Có 3 chi bộ mới. Đảng viên gương mẫu. \
                    Năm 2023 có 40 đồng chí. Trao 5 huy hiệu.\nPhát triển 7 quần chúng.";
        let doc = Doc::new(text);
        let spans: Vec<&str> = doc.count_spans().iter().map(|s| &text[s.clone()]).collect();
        assert_eq!(
            spans,
            [
                "Kết nạp 12 đảng viên. ",
                "Năm 2023 có 40 đồng chí. ",
                "Phát triển 7 quần chúng."
            ]
        );
        let joined = "Kết nạp 1 ĐV. Kết nạp 2 ĐV.";
        let whole = 0..joined.len();
        assert_eq!(Doc::new(joined).count_spans(), [whole]);
    }
}
