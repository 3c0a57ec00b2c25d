//! Maps byte positions of a rewritten text back to the text it was rewritten from.
//!
//! A rewrite is a sorted list of edits, each replacing a source range by some output; between
//! edits the two texts advance in step, so only the edits are stored. A span that starts or ends
//! inside an edit's output widens to the whole edit, which keeps every mapped span on the original
//! character boundaries.

/// One replaced range: `out_start..out_end` in the rewritten text came from `src_start..src_end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Edit {
    out_start: usize,
    out_end: usize,
    src_start: usize,
    src_end: usize,
}

/// The position map of one rewrite step. An empty map is the identity.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    edits: Vec<Edit>,
}

impl OffsetMap {
    #[cfg(test)]
    pub fn is_identity(&self) -> bool {
        self.edits.is_empty()
    }

    /// A map for a text decoded unit by unit: each `(out_len, src_len)` pair is one character.
    pub fn from_units(units: impl IntoIterator<Item = (usize, usize)>) -> Self {
        let (mut out, mut src) = (0, 0);
        let mut edits = Vec::new();
        for (o, s) in units {
            // Units that keep their length need no edit; the running totals still move.
            if o != s {
                edits.push(Edit {
                    out_start: out,
                    out_end: out + o,
                    src_start: src,
                    src_end: src + s,
                });
            }
            (out, src) = (out + o, src + s);
        }
        OffsetMap { edits }
    }

    /// Maps a span start: a position inside an edit moves to the edit's source start, and a
    /// deletion sitting exactly at the position is skipped.
    pub fn start(&self, pos: usize) -> usize {
        let idx = self.edits.partition_point(|e| e.out_start <= pos);
        match idx.checked_sub(1).map(|i| self.edits[i]) {
            None => pos,
            Some(e) if pos < e.out_end => e.src_start,
            Some(e) => e.src_end + (pos - e.out_end),
        }
    }

    /// Maps a span end: a position inside or at the end of an edit moves to the edit's source end.
    pub fn end(&self, pos: usize) -> usize {
        let idx = self.edits.partition_point(|e| e.out_start < pos);
        match idx.checked_sub(1).map(|i| self.edits[i]) {
            None => pos,
            Some(e) if pos <= e.out_end => e.src_end,
            Some(e) => e.src_end + (pos - e.out_end),
        }
    }
}

/// Builds a rewritten string and its [`OffsetMap`] from a source and edits given in source order.
pub struct Rewriter<'a> {
    src: &'a str,
    copied_to: usize,
    out: String,
    map: OffsetMap,
}

impl<'a> Rewriter<'a> {
    pub fn new(src: &'a str) -> Self {
        Rewriter {
            src,
            copied_to: 0,
            out: String::with_capacity(src.len() + src.len() / 8),
            map: OffsetMap::default(),
        }
    }

    /// Replaces `src[start..end]` by `with`. Calls must come in increasing, non-overlapping order.
    pub fn replace(&mut self, start: usize, end: usize, with: &str) {
        debug_assert!(start >= self.copied_to && end >= start);
        self.out.push_str(&self.src[self.copied_to..start]);
        let out_start = self.out.len();
        self.out.push_str(with);
        self.map.edits.push(Edit {
            out_start,
            out_end: self.out.len(),
            src_start: start,
            src_end: end,
        });
        self.copied_to = end;
    }

    pub fn finish(mut self) -> (String, OffsetMap) {
        self.out.push_str(&self.src[self.copied_to..]);
        (self.out, self.map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_when_nothing_replaced() {
        let (out, map) = Rewriter::new("abc").finish();
        assert_eq!(out, "abc");
        assert!(map.is_identity());
        assert_eq!((map.start(2), map.end(3)), (2, 3));
    }

    #[test]
    fn positions_after_a_shrinking_edit_shift_back() {
        // "a–b" (en dash, 3 bytes) becomes "a-b".
        let src = "a\u{2013}b cd";
        let mut rw = Rewriter::new(src);
        rw.replace(1, 4, "-");
        let (out, map) = rw.finish();
        assert_eq!(out, "a-b cd");
        let (s, e) = (map.start(4), map.end(6));
        assert_eq!(&src[s..e], "cd");
        assert_eq!(&src[map.start(0)..map.end(3)], "a\u{2013}b");
    }

    #[test]
    fn spans_inside_an_edit_widen_to_it() {
        let src = "hoa\u{300} x";
        let mut rw = Rewriter::new(src);
        rw.replace(1, 5, "òa");
        let (out, map) = rw.finish();
        assert_eq!(out, "hòa x");
        // "ò" alone maps to the whole edited cluster.
        assert_eq!((map.start(1), map.end(3)), (1, 5));
        assert_eq!(&src[map.start(5)..map.end(6)], "x");
    }

    #[test]
    fn deletions_are_skipped_at_a_span_start() {
        let src = "a\u{200b}b";
        let mut rw = Rewriter::new(src);
        rw.replace(1, 4, "");
        let (out, map) = rw.finish();
        assert_eq!(out, "ab");
        assert_eq!(&src[map.start(1)..map.end(2)], "b");
        assert_eq!(&src[map.start(0)..map.end(1)], "a");
    }
}
