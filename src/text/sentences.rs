//! Sentence boundaries: a `.`, `!`, `?` or `…` followed by white space, or a line break.
//! Decimal and thousands dots (`1.856`) are followed by digits and so never end a sentence.

use std::ops::Range;

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
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let end_mark = match b {
                b'\n' => Some(i + 1),
                b'.' | b'!' | b'?' => Some(i + 1),
                // U+2026 HORIZONTAL ELLIPSIS
                0xE2 if bytes[i..].starts_with("…".as_bytes()) => Some(i + 3),
                _ => None,
            };
            if let Some(after) = end_mark {
                let next_is_space = bytes.get(after).is_none_or(|c| c.is_ascii_whitespace());
                if b == b'\n' || next_is_space {
                    let mut next = after;
                    while next < bytes.len() && bytes[next].is_ascii_whitespace() {
                        next += 1;
                    }
                    if next < bytes.len() && starts.last() != Some(&next) {
                        starts.push(next);
                    }
                    i = next.max(i + 1);
                    continue;
                }
            }
            i += 1;
        }
        Sentences {
            starts,
            len: text.len(),
        }
    }

    /// The byte range of the sentence holding `pos`.
    pub fn around(&self, pos: usize) -> Range<usize> {
        let idx = self.starts.partition_point(|&s| s <= pos).saturating_sub(1);
        let end = self.starts.get(idx + 1).copied().unwrap_or(self.len);
        self.starts[idx]..end
    }
}

/// White space runs collapsed to one space, ends trimmed.
pub fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_marks_and_lines_but_not_numbers() {
        let text = "Năm 2023 kết nạp 1.856 đảng viên. Đạt 89,15%!\nDòng mới… tiếp\nhết";
        let s = Sentences::new(text);
        let at = |needle: &str| {
            text[s.around(text.find(needle).unwrap())]
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
    fn whitespace_collapses() {
        assert_eq!(collapse_whitespace("  a \n\t b  "), "a b");
    }
}
