//! Sentence boundaries: a `.`, `!`, `?` or `…` followed by white space, or a line break.
//! Decimal and thousands dots (`1.856`) are followed by digits and so never end a sentence.

use std::ops::Range;

/// How far a sentence reaches either side of a position, at most.
pub const MAX_REACH: usize = 1000;

/// Sentence start offsets of one text, for finding the sentence around a position.
#[derive(Debug, Clone)]
pub struct Sentences {
    starts: Vec<usize>,
    len: usize,
}

impl Sentences {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        // Candidate marks found with memchr, the two scans merged in order; `…` is found by its
        // first byte (0xE2).
        let mut marks = memchr::memchr3_iter(b'.', b'\n', b'?', bytes).peekable();
        let mut others = memchr::memchr2_iter(b'!', 0xE2, bytes).peekable();
        let in_order = std::iter::from_fn(|| match (marks.peek(), others.peek()) {
            (Some(a), Some(b)) if b < a => others.next(),
            (Some(_), _) => marks.next(),
            (None, _) => others.next(),
        });
        for i in in_order {
            let after = match bytes[i] {
                0xE2 if bytes[i..].starts_with("…".as_bytes()) => i + 3,
                0xE2 => continue,
                _ => i + 1,
            };
            let next_is_space = bytes.get(after).is_none_or(|c| c.is_ascii_whitespace());
            if bytes[i] != b'\n' && !next_is_space {
                continue;
            }
            let mut next = after;
            while next < bytes.len() && bytes[next].is_ascii_whitespace() {
                next += 1;
            }
            if next < bytes.len() && *starts.last().expect("non-empty") < next {
                starts.push(next);
            }
        }
        Sentences {
            starts,
            len: text.len(),
        }
    }

    /// The whole byte range of the sentence holding `pos`, however long.
    pub fn whole(&self, pos: usize) -> Range<usize> {
        let idx = self.starts.partition_point(|&s| s <= pos).saturating_sub(1);
        self.starts[idx]..self.starts.get(idx + 1).copied().unwrap_or(self.len)
    }

    /// The byte range of the sentence holding `pos`, at most [`MAX_REACH`] bytes either side of
    /// it: text without sentence marks (one huge line) must not make every figure's context the
    /// whole file. Clipped ends are snapped to white space (so to character boundaries).
    pub fn around(&self, text: &str, pos: usize) -> Range<usize> {
        let Range { start, end } = self.whole(pos);
        let bytes = text.as_bytes();
        let start = if pos - start > MAX_REACH {
            let from = pos - MAX_REACH;
            memchr::memchr(b' ', &bytes[from..pos]).map_or(pos, |i| from + i + 1)
        } else {
            start
        };
        let end = if end - pos > MAX_REACH {
            let to = pos + MAX_REACH;
            memchr::memrchr(b' ', &bytes[pos..to]).map_or(pos, |i| pos + i)
        } else {
            end
        };
        start..end
    }
}

/// White space runs collapsed to one space, ends trimmed.
pub fn collapse_whitespace(s: &str) -> String {
    // Most sentences end in a space or a line break and have single spaces inside.
    let trimmed = s.trim_ascii();
    if has_single_spaces_only(trimmed.as_bytes()) {
        return trimmed.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// True when `bytes`, trimmed of ASCII white space, has no white space but single spaces. Looked
/// at a chunk at a time (the last one copied into zeros), each byte with the two after it: first
/// for the lead bytes of any space at all, then, in a chunk that has one, telling the non-ASCII
/// spaces (U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) from
/// the letters, quotes and dashes that share their lead bytes.
#[multiversion::multiversion(targets("x86_64+avx2"))]
fn has_single_spaces_only(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        let window = match bytes.get(i..i + CHUNK + 2) {
            Some(window) => window.try_into().expect("a chunk and two bytes"),
            None => {
                // Zero bytes past the end: no space, and none starts with them.
                let mut last = [0; CHUNK + 2];
                last[..bytes.len() - i].copy_from_slice(&bytes[i..]);
                last
            }
        };
        if may_hold_other_space(&window) && holds_other_space(&window) {
            return false;
        }
        i += CHUNK;
    }
    true
}

/// Bytes per chunk of [`has_single_spaces_only`].
const CHUNK: usize = 32;

/// True when a byte of the chunk may start white space other than a single space: cheap, and
/// false for most chunks of Vietnamese text, whose `0xE1` leads are letters.
#[inline(always)]
fn may_hold_other_space(window: &[u8; CHUNK + 2]) -> bool {
    // Branch-free on purpose (`|`, `&`, wrapping arithmetic) so the loop runs as vector code.
    let mut any = false;
    for k in 0..CHUNK {
        let (b, n1) = (window[k], window[k + 1]);
        let ascii_other = b.wrapping_sub(b'\t') < 5;
        let double = (b == b' ') & (n1 == b' ');
        let lead = (b == 0xC2) | (b == 0xE2) | (b == 0xE3) | ((b == 0xE1) & (n1 == 0x9A));
        any |= ascii_other | double | lead;
    }
    any
}

/// True when a byte of the chunk starts white space other than a single space.
#[inline(always)]
fn holds_other_space(window: &[u8; CHUNK + 2]) -> bool {
    // Branch-free on purpose, as above.
    let mut any = false;
    for k in 0..CHUNK {
        let (b, n1, n2) = (window[k], window[k + 1], window[k + 2]);
        let ascii_other = b.is_ascii_whitespace() & (b != b' ');
        let double = (b == b' ') & (n1 == b' ');
        let latin1 = (b == 0xC2) & ((n1 == 0x85) | (n1 == 0xA0));
        let general = (b == 0xE2)
            & (((n1 == 0x80) & ((n2 <= 0x8A) | (n2 == 0xA8) | (n2 == 0xA9) | (n2 == 0xAF)))
                | ((n1 == 0x81) & (n2 == 0x9F)));
        let other = ((b == 0xE1) & (n1 == 0x9A) & (n2 == 0x80))
            | ((b == 0xE3) & (n1 == 0x80) & (n2 == 0x80));
        any |= ascii_other | double | latin1 | general | other;
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_marks_and_lines_but_not_numbers() {
        let text = "Năm 2023 kết nạp 1.856 đảng viên. Đạt 89,15%!\nDòng mới… tiếp\nhết";
        let s = Sentences::new(text);
        let at = |needle: &str| {
            text[s.around(text, text.find(needle).unwrap())]
                .trim()
                .to_string()
        };
        assert_eq!(at("1.856"), "Năm 2023 kết nạp 1.856 đảng viên.");
        assert_eq!(at("89,15"), "Đạt 89,15%!");
        assert_eq!(at("Dòng"), "Dòng mới…");
        assert_eq!(at("tiếp"), "tiếp");
        assert_eq!(at("hết"), "hết");
    }

    #[test]
    fn a_huge_sentence_is_clipped_around_the_position() {
        let text = "12% ".repeat(5000);
        let s = Sentences::new(&text);
        let r = s.around(&text, 10_000);
        assert!(r.len() <= 2 * MAX_REACH && r.contains(&10_000), "{r:?}");
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    }

    #[test]
    fn whitespace_collapses() {
        assert_eq!(collapse_whitespace("  a \n\t b  "), "a b");
        assert_eq!(collapse_whitespace("a\u{a0} b"), "a b");
        assert_eq!(collapse_whitespace("a b c"), "a b c");
        assert_eq!(
            collapse_whitespace("a\u{3000}b\u{2009}c\u{1680}d"),
            "a b c d"
        );
        assert_eq!(collapse_whitespace("a  b\tc"), "a b c");
        assert_eq!(collapse_whitespace("“Đảng” – 5%"), "“Đảng” – 5%");
        assert_eq!(
            collapse_whitespace("a\u{2028}b\u{202F}c\u{205F}d"),
            "a b c d"
        );
        assert_eq!(collapse_whitespace("ab\u{a0}"), "ab");
        assert_eq!(collapse_whitespace("\u{2009}"), "");
        for short in ["a", "ab", " a", "a ", "  "] {
            assert_eq!(collapse_whitespace(short), short.trim());
        }
        assert_eq!(collapse_whitespace(""), "");
    }

    /// The chunked scan finds other white space wherever it falls against a chunk's edges, and
    /// passes the quotes, dashes and letters that share its lead bytes.
    #[test]
    fn whitespace_is_found_at_every_offset_in_a_chunk() {
        for len in [3, 31, 32, 33, 34, 70] {
            for at in 1..len {
                for other in ["\u{a0}", "\u{2009}", "\u{1680}", "\u{3000}", "\n", "  "] {
                    let text = format!("{}{other}{}", "ư".repeat(at), "a".repeat(len - at));
                    let want = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    assert_eq!(collapse_whitespace(&text), want, "{text:?}");
                }
                for kept in ["“", "–", "ᚠ", "ấ", "\u{2010}"] {
                    let text = format!("{}{kept}{}", "a ".repeat(at), "b".repeat(len));
                    assert_eq!(collapse_whitespace(&text), text.trim_ascii(), "{text:?}");
                }
            }
        }
    }
}
