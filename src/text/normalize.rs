//! Normalization for matching: NFC, modern tone placement, one kind of space, dash and quote.
//!
//! Two passes, each skipped when it has nothing to do (the common case for NFC, modern-tone text):
//! 1. per character cluster: NFC, then the look-alike and punctuation map;
//! 2. per syllable: old tone placement on `oa`, `oe`, `uy` moved to the first vowel (`hoà` → `hòa`).
//!
//! Each pass that changes something keeps an [`OffsetMap`], so positions in the normalized text
//! map back to the decoded text exactly.

use std::borrow::Cow;

use multiversion::multiversion;

use unicode_normalization::char::{canonical_combining_class, compose};
use unicode_normalization::{IsNormalized, UnicodeNormalization};

use super::offsets::{OffsetMap, Rewriter};

/// Normalized text and the maps back to the text it came from (innermost pass first).
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    pub text: Cow<'a, str>,
    maps: Vec<OffsetMap>,
}

impl Normalized<'_> {
    /// Maps a span of the normalized text to the source text.
    pub fn to_source(&self, start: usize, end: usize) -> (usize, usize) {
        self.maps
            .iter()
            .rev()
            .fold((start, end), |(s, e), map| (map.start(s), map.end(e)))
    }
}

pub fn normalize(src: &str) -> Normalized<'_> {
    let mut maps = Vec::new();
    let mut text = Cow::Borrowed(src);
    if let Some((out, map)) = normalize_clusters(&text) {
        text = Cow::Owned(out);
        maps.push(map);
    }
    if let Some((out, map)) = modernize_tones(&text) {
        text = Cow::Owned(out);
        maps.push(map);
    }
    Normalized { text, maps }
}

/// What a single character becomes for matching, when it is not itself.
fn replacement(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => " ",
        // A space where it stands between two words: see `zero_width_as`.
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => "",
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => "-",
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '«' | '»' => "\"",
        '\u{00D0}' => "Đ",
        '\u{00F0}' => "đ",
        _ => return None,
    })
}

fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// What the zero-width character `c` at `at` becomes, if it is one: a space when it stands between
/// two words (`đảng\u{200B}viên`, which text pasted from the web writes for a space), the first
/// of a run only; nothing beside white space or at either end of the text.
fn zero_width_as(src: &str, at: usize, c: char) -> Option<&'static str> {
    if !is_zero_width(c) {
        return None;
    }
    let before = src[..at].chars().next_back();
    let after = src[at..].chars().find(|&c| !is_zero_width(c));
    let between_words = before.is_some_and(|b| !b.is_whitespace() && !is_zero_width(b))
        && after.is_some_and(|a| !a.is_whitespace());
    Some(if between_words { " " } else { "" })
}

/// True when the character can be left as it is by pass 1 on its own.
fn is_plain(c: char) -> bool {
    // Latin-1 letters and the Vietnamese precomposed block are NFC starters; skip the table look-up.
    if matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1EA0}'..='\u{1EFF}') {
        return replacement(c).is_none();
    }
    replacement(c).is_none() && is_nfc_starter(c)
}

fn is_nfc_starter(c: char) -> bool {
    canonical_combining_class(c) == 0
        && unicode_normalization::is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// Where pass 1 first has work, scanning bytes: ASCII, Latin-1 letters and the Vietnamese
/// precomposed block (the bulk of the text) are skipped without decoding.
#[multiversion(targets("x86_64+avx2"))]
fn first_unplain(src: &str) -> Option<usize> {
    let bytes = src.as_bytes();
    let mut i = 0;
    // Up to here characters are looked at one by one: the chunk from here failed the test, and
    // testing again at each byte would cost NFD text (a mark every few bytes) a test per byte.
    let mut one_by_one_to = 0;
    while i < bytes.len() {
        // A chunk at a time while none needs a look (most of an article).
        if i >= one_by_one_to
            && let Some(chunk) = bytes.get(i..i + CHUNK + 1)
        {
            if chunk_is_plain(chunk.try_into().expect("chunk and one byte")) {
                i += CHUNK;
                // The chunk's last character may end past it; its lead byte was checked.
                while bytes.get(i).is_some_and(|&b| b & 0xC0 == 0x80) {
                    i += 1;
                }
                continue;
            }
            one_by_one_to = i + CHUNK;
        }
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        match b {
            // U+00C0..U+00FF, except Ð (U+00D0) and ð (U+00F0)
            0xC3 if next != 0x90 && next != 0xB0 => i += 2,
            // U+0100..U+01BF: Latin Extended letters, all NFC starters
            0xC4..=0xC6 => i += 2,
            // U+1E80..U+1EFF: the Vietnamese precomposed block
            0xE1 if next == 0xBA || next == 0xBB => i += 3,
            _ => {
                let c = src[i..].chars().next()?;
                if !is_plain(c) {
                    return Some(i);
                }
                i += c.len_utf8();
            }
        }
    }
    None
}

/// Where pass 1 next has work at or after `from`: the ASCII right there is stepped over first,
/// and a character after it looked at alone. In NFD text a mark follows every few letters, so
/// the chunked scan's set-up and its failing chunk test cost more than this; elsewhere it
/// goes on with the chunked scan.
fn next_unplain(src: &str, from: usize) -> Option<usize> {
    let bytes = src.as_bytes();
    let near = bytes.len().min(from + CHUNK);
    let mut i = from;
    while i < near && bytes[i].is_ascii() {
        i += 1;
    }
    // 0xCC leads U+0300..U+033F, all combining marks: NFD text's marks need no table look-up.
    if i < near && (bytes[i] == 0xCC || !is_plain(src[i..].chars().next()?)) {
        return Some(i);
    }
    first_unplain(&src[i..]).map(|rel| i + rel)
}

/// Bytes per chunk of both passes' scans: 32 cost fewer instructions than 16, and 64 no fewer
/// than 32.
const CHUNK: usize = 32;

/// True when no byte of the chunk's first [`CHUNK`] starts a character outside ASCII, Latin-1
/// letters (but Ð, ð), U+0100..U+01BF and the Vietnamese block; the last byte is the lookahead.
#[inline(always)]
fn chunk_is_plain(chunk: &[u8; CHUNK + 1]) -> bool {
    // Branch-free on purpose (`|`, `&`, wrapping arithmetic) so the loop runs as vector code.
    let mut unplain = false;
    for k in 0..CHUNK {
        let (b, next) = (chunk[k], chunk[k + 1]);
        let other_lead = (b.wrapping_sub(0xC0) < 3) | ((b >= 0xC7) & (b != 0xE1));
        let eth = (b == 0xC3) & ((next == 0x90) | (next == 0xB0));
        let outside_block = (b == 0xE1) & (next != 0xBA) & (next != 0xBB);
        unplain |= other_lead | eth | outside_block;
    }
    !unplain
}

fn normalize_clusters(src: &str) -> Option<(String, OffsetMap)> {
    let mut rw: Option<Rewriter> = None;
    let mut buf = String::new();
    // Everything before `pos` is handled; plain runs are skipped by `next_unplain`.
    let mut pos = 0;
    while let Some(i) = next_unplain(src, pos) {
        buf.clear();
        let (start, end) = match letter_and_marks_end(src, pos, i) {
            Some(end) if compose_marks(&src[i - 1..end], &mut buf) => (i - 1, end),
            _ => normalize_cluster(src, pos, i, &mut buf)?,
        };
        if buf != src[start..end] {
            rw.get_or_insert_with(|| Rewriter::new(src))
                .replace(start, end, &buf);
        }
        pos = end;
    }
    rw.map(Rewriter::finish)
}

/// Where the cluster of the mark at `i` ends when it is what NFD Vietnamese is made of: an ASCII
/// letter at `i - 1` (not before `pos`, which is handled) and only marks of U+0300..U+033F after
/// it (`e` + circumflex + acute). The marks are found by their lead byte, without the table
/// look-ups per character of [`normalize_cluster`], which an NFD article would pay at every
/// few letters.
fn letter_and_marks_end(src: &str, pos: usize, i: usize) -> Option<usize> {
    let bytes = src.as_bytes();
    let letter_at = i.checked_sub(1).filter(|&at| at >= pos)?;
    if !bytes[letter_at].is_ascii_alphabetic() || bytes[i] != 0xCC {
        return None;
    }
    // U+0300..U+033F are 0xCC and one continuation byte, and all combining marks.
    let mut end = i;
    while bytes.get(end) == Some(&0xCC) {
        end += 2;
    }
    // Any other mark after them belongs to the cluster too: the general scan takes that.
    let next = src[end..].chars().next();
    next.is_none_or(|c| c.is_ascii() || is_nfc_starter(c) || replacement(c).is_some())
        .then_some(end)
}

/// Appends to `out` what the cluster of the character at `i` becomes and returns the cluster's
/// range: a zero-width character alone, or a character with the combining marks after it (and
/// the starter before a mark, unless it is before `pos`, which is handled).
fn normalize_cluster(src: &str, pos: usize, i: usize, out: &mut String) -> Option<(usize, usize)> {
    let c = src[i..].chars().next()?;
    if let Some(unified) = zero_width_as(src, i, c) {
        out.push_str(unified);
        return Some((i, i + c.len_utf8()));
    }
    let combining = replacement(c).is_none() && !is_nfc_starter(c);
    // A combining mark's cluster begins at the starter before it, unless that was handled.
    let start = match src[..i].char_indices().next_back() {
        Some((p, _)) if combining && p >= pos => p,
        _ => i,
    };
    let mut end = i + c.len_utf8();
    while let Some(next) = src[end..].chars().next() {
        if next.is_ascii() || is_nfc_starter(next) || replacement(next).is_some() {
            break;
        }
        end += next.len_utf8();
    }
    if !compose_marks(&src[start..end], out) {
        for composed in src[start..end].nfc() {
            match replacement(composed) {
                Some(r) => out.push_str(r),
                None => out.push(composed),
            }
        }
    }
    Some((start, end))
}

/// Appends the NFC form of `cluster` when it is an ASCII letter followed by combining marks in
/// canonical order, which is what NFD Vietnamese is made of (`e` + circumflex + acute): a
/// Vietnamese vowel read off the table, anything else composed pair by pair; false for anything
/// else, which takes the full algorithm. NFD articles spend most of their normalization here,
/// and the full algorithm costs several times as much per cluster.
fn compose_marks(cluster: &str, out: &mut String) -> bool {
    if let Some(vowel) = vietnamese_vowel(cluster.as_bytes()) {
        out.push(vowel);
        return true;
    }
    let mut chars = cluster.chars();
    let Some(mut starter) = chars.next().filter(char::is_ascii_alphabetic) else {
        return false;
    };
    let mut left = ['\0'; 4];
    let mut n_left = 0;
    let (mut last_ccc, mut last_left_ccc) = (0, 0);
    for mark in chars {
        let ccc = canonical_combining_class(mark);
        if ccc == 0 || ccc < last_ccc {
            return false;
        }
        last_ccc = ccc;
        // Marks are sorted, so a mark is blocked from the starter exactly when the last one left
        // uncomposed before it has the same class.
        let blocked = n_left > 0 && last_left_ccc == ccc;
        match compose(starter, mark).filter(|_| !blocked) {
            Some(composed) => starter = composed,
            None if n_left < left.len() => {
                left[n_left] = mark;
                n_left += 1;
                last_left_ccc = ccc;
            }
            None => return false,
        }
    }
    out.push(starter);
    out.extend(&left[..n_left]);
    true
}

/// The Vietnamese vowels by tone: index 0 carries no tone, then huyền, sắc, hỏi, ngã, nặng. Rows
/// are a ă â e ê i o ô ơ u ư y, then the same in upper case ([`UPPER`] rows on).
const VOWELS: [[char; 6]; 24] = [
    ['a', 'à', 'á', 'ả', 'ã', 'ạ'],
    ['ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ'],
    ['â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ'],
    ['e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'],
    ['ê', 'ề', 'ế', 'ể', 'ễ', 'ệ'],
    ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'],
    ['o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'],
    ['ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ'],
    ['ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ'],
    ['u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'],
    ['ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự'],
    ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
    ['A', 'À', 'Á', 'Ả', 'Ã', 'Ạ'],
    ['Ă', 'Ằ', 'Ắ', 'Ẳ', 'Ẵ', 'Ặ'],
    ['Â', 'Ầ', 'Ấ', 'Ẩ', 'Ẫ', 'Ậ'],
    ['E', 'È', 'É', 'Ẻ', 'Ẽ', 'Ẹ'],
    ['Ê', 'Ề', 'Ế', 'Ể', 'Ễ', 'Ệ'],
    ['I', 'Ì', 'Í', 'Ỉ', 'Ĩ', 'Ị'],
    ['O', 'Ò', 'Ó', 'Ỏ', 'Õ', 'Ọ'],
    ['Ô', 'Ồ', 'Ố', 'Ổ', 'Ỗ', 'Ộ'],
    ['Ơ', 'Ờ', 'Ớ', 'Ở', 'Ỡ', 'Ợ'],
    ['U', 'Ù', 'Ú', 'Ủ', 'Ũ', 'Ụ'],
    ['Ư', 'Ừ', 'Ứ', 'Ử', 'Ữ', 'Ự'],
    ['Y', 'Ỳ', 'Ý', 'Ỷ', 'Ỹ', 'Ỵ'],
];

/// Rows of [`VOWELS`] by their lower-case letter without a mark.
const ROW_A: usize = 0;
const ROW_E: usize = 3;
const ROW_I: usize = 5;
const ROW_O: usize = 6;
const ROW_U: usize = 9;
const ROW_Y: usize = 11;
/// How far the upper-case rows of [`VOWELS`] are from the lower-case ones.
const UPPER: usize = 12;

/// The second bytes (after 0xCC) of the NFD marks that make a Vietnamese vowel of another:
/// circumflex (U+0302), breve (U+0306) and horn (U+031B).
const CIRCUMFLEX: u8 = 0x82;
const BREVE: u8 = 0x86;
const HORN: u8 = 0x9B;
/// The tone of [`VOWELS`] whose NFD mark is 0xCC and `second` (U+0300, U+0301, U+0309, U+0303,
/// U+0323).
fn tone_of_mark(second: u8) -> Option<usize> {
    Some(match second {
        0x80 => 1,
        0x81 => 2,
        0x89 => 3,
        0x83 => 4,
        0xA3 => NANG,
        _ => return None,
    })
}
/// The tone whose mark (the dot below, class 220) sorts before a circumflex or breve (230) but
/// after the horn (216); the others sort after all three.
const NANG: usize = 5;

/// The vowel an ASCII letter and its NFD marks make when it is a Vietnamese one (`e`, circumflex,
/// acute: `ế`): a modifier the letter takes and a tone, each at most once and in canonical
/// order, read off [`VOWELS`]. Composing pair by pair gives the same at two table look-ups a
/// mark; anything else is left to it.
fn vietnamese_vowel(cluster: &[u8]) -> Option<char> {
    let (&letter, marks) = cluster.split_first()?;
    let (modifier, tone) = match *marks {
        [0xCC, m] => match tone_of_mark(m) {
            Some(tone) => (None, tone),
            None => (Some(m), 0),
        },
        [0xCC, m1, 0xCC, m2] => match (tone_of_mark(m1), tone_of_mark(m2)) {
            (None, Some(tone)) if tone != NANG || m1 == HORN => (Some(m1), tone),
            (Some(NANG), None) if m2 != HORN => (Some(m2), NANG),
            _ => return None,
        },
        _ => return None,
    };
    let row = match (letter.to_ascii_lowercase(), modifier) {
        (b'a', None) => ROW_A,
        (b'a', Some(BREVE)) => ROW_A + 1,
        (b'a', Some(CIRCUMFLEX)) => ROW_A + 2,
        (b'e', None) => ROW_E,
        (b'e', Some(CIRCUMFLEX)) => ROW_E + 1,
        (b'i', None) => ROW_I,
        (b'o', None) => ROW_O,
        (b'o', Some(CIRCUMFLEX)) => ROW_O + 1,
        (b'o', Some(HORN)) => ROW_O + 2,
        (b'u', None) => ROW_U,
        (b'u', Some(HORN)) => ROW_U + 1,
        (b'y', None) => ROW_Y,
        _ => return None,
    };
    let case = if letter.is_ascii_uppercase() {
        UPPER
    } else {
        0
    };
    Some(VOWELS[row + case][tone])
}

/// (row, tone) in [`VOWELS`] of a toned `a`, `e` or `y`: the vowels old placement marks.
fn toned_second_vowel(c: char) -> Option<(usize, usize)> {
    [ROW_A, ROW_E, ROW_Y]
        .into_iter()
        .flat_map(|row| [row, row + UPPER])
        .find_map(|row| {
            let tone = VOWELS[row][1..].iter().position(|&v| v == c)?;
            Some((row, tone + 1))
        })
}

/// Bytes after a [`modernize_tones`] chunk that its candidates look at.
const TONE_LOOKAHEAD: usize = 4;

/// True when the chunk may hold a candidate of [`modernize_tones`]: an `o` or `u` before a
/// Latin-1 or Vietnamese-block vowel that no ASCII letter follows (an open syllable). Closed
/// syllables (`toàn`, `cuộc`) are most pairs and are passed over here.
#[inline(always)]
fn chunk_may_hold_old_tone(chunk: &[u8; CHUNK + TONE_LOOKAHEAD]) -> bool {
    // Branch-free on purpose (`|`, `&`, wrapping arithmetic) so the loop runs as vector code.
    let not_letter = |b: u8| (b | 0x20).wrapping_sub(b'a') >= 26;
    let mut candidate = false;
    for k in 0..CHUNK {
        let lower = chunk[k] | 0x20;
        let latin1 = (chunk[k + 1] == 0xC3) & not_letter(chunk[k + 3]);
        let block = (chunk[k + 1] == 0xE1) & not_letter(chunk[k + 4]);
        candidate |= ((lower == b'o') | (lower == b'u')) & (latin1 | block);
    }
    candidate
}

/// Old placement `oà`, `oẻ`, `uý` at a syllable's end becomes `òa`, `ỏe`, `úy` (not after `q`).
#[multiversion(targets("x86_64+avx2"))]
fn modernize_tones(src: &str) -> Option<(String, OffsetMap)> {
    let bytes = src.as_bytes();
    let mut rw: Option<Rewriter> = None;
    let mut pair = String::new();
    let mut i = 0;
    while i < bytes.len() {
        // Chunks without a candidate are passed over in a loop of their own (most of the text,
        // and a loop that holds only the vector code keeps its constants in registers).
        while let Some(window) = bytes.get(i..i + CHUNK + TONE_LOOKAHEAD)
            && !chunk_may_hold_old_tone(window.try_into().expect("chunk and lookahead"))
        {
            i += CHUNK;
        }
        // A chunk that may hold one, or the end too short for a chunk and its lookahead, is
        // looked at byte by byte.
        let to = if bytes.len() - i >= CHUNK + TONE_LOOKAHEAD {
            i + CHUNK
        } else {
            bytes.len()
        };
        for at in i..to {
            if let Some(end) = modern_tone_at(src, at, &mut pair) {
                rw.get_or_insert_with(|| Rewriter::new(src))
                    .replace(at, end, &pair);
            }
        }
        i = to;
    }
    rw.map(Rewriter::finish)
}

/// When an old placement pair starts at `i`, puts its modern form in `pair` and returns the
/// pair's end.
#[inline(always)]
fn modern_tone_at(src: &str, i: usize, pair: &mut String) -> Option<usize> {
    let bytes = src.as_bytes();
    let first_row = match bytes[i] {
        b'o' => ROW_O,
        b'u' => ROW_U,
        b'O' => ROW_O + UPPER,
        b'U' => ROW_U + UPPER,
        _ => return None,
    };
    let second = src.get(i + 1..)?.chars().next()?;
    let (row, tone) = toned_second_vowel(second)?;
    let pairs_ok = match first_row % UPPER {
        ROW_O => matches!(row % UPPER, ROW_A | ROW_E),
        _ => {
            row % UPPER == ROW_Y
                && i.checked_sub(1)
                    .is_none_or(|p| !matches!(bytes[p], b'q' | b'Q'))
        }
    };
    let after = i + 1 + second.len_utf8();
    let open_syllable = src[after..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphabetic());
    if !pairs_ok || !open_syllable {
        return None;
    }
    pair.clear();
    pair.push(VOWELS[first_row][tone]);
    pair.push(VOWELS[row][0]);
    Some(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, normalized) pairs; every pair is checked and all failures reported together.
    const CASES: &[(&str, &str)] = &[
        ("Tỉnh ủy Hòa Bình", "Tỉnh ủy Hòa Bình"),
        ("Tỉnh uỷ Hoà Bình", "Tỉnh ủy Hòa Bình"),
        ("thuý, khoẻ, hoạ, xoá, loã", "thúy, khỏe, họa, xóa, lõa"),
        ("TỈNH UỶ HOÀ", "TỈNH ỦY HÒA"),
        (
            "quý, quỳnh, hoàn, toàn, khuya",
            "quý, quỳnh, hoàn, toàn, khuya",
        ),
        ("Tie\u{302}\u{301}n", "Tiến"),
        ("đa\u{309}ng vie\u{302}n", "đảng viên"),
        ("ngày\u{a0}18\u{2013}10", "ngày 18-10"),
        ("\u{201C}tự diễn biến\u{201D}", "\"tự diễn biến\""),
        ("\u{00D0}ảng", "Đảng"),
        ("a\u{200B}b\u{FEFF}", "a b"),
        ("đảng\u{200B}viên, kết\u{00AD}nạp", "đảng viên, kết nạp"),
        ("kết\u{200C}\u{2060}nạp \u{200D}5\u{FEFF}", "kết nạp 5"),
        ("\u{FEFF}Năm\u{200B} 2023", "Năm 2023"),
        ("ho\u{0061}\u{0300}", "hòa"),
        // A mark past U+033F ends the NFD short way: the whole cluster takes the general one.
        ("a\u{323}\u{302}\u{347}x", "ậ\u{347}x"),
        ("7\u{301} A\u{306}\u{301}", "7\u{301} Ắ"),
    ];

    #[test]
    fn normalization_table() {
        let failures: Vec<String> = CASES
            .iter()
            .filter_map(|&(input, want)| {
                let got = normalize(input);
                (got.text != want).then(|| format!("{input:?}: got {:?}, want {want:?}", got.text))
            })
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// The chunked scans must find work wherever it falls against a chunk's edges.
    #[test]
    fn work_is_found_at_every_offset_in_a_chunk() {
        let (input, want) = (
            "Tỉnh uỷ Hoà, \u{201C}Ðảng\u{201D} ke\u{301}t",
            "Tỉnh ủy Hòa, \"Đảng\" két",
        );
        for pad in 0..2 * CHUNK {
            let (lead, tail) = (
                "đ".repeat(pad / 2) + &"a".repeat(pad % 2),
                "ư".repeat(CHUNK),
            );
            let got = normalize(&format!("{lead}{input}{tail}")).text.into_owned();
            assert_eq!(got, format!("{lead}{want}{tail}"), "padding {pad}");
        }
    }

    #[test]
    fn marks_composed_pair_by_pair_are_nfc() {
        let marks = [
            '\u{300}', '\u{301}', '\u{302}', '\u{303}', '\u{306}', '\u{309}', '\u{31B}', '\u{323}',
            '\u{328}', '\u{345}',
        ];
        let mut checked = 0;
        for base in ['a', 'e', 'o', 'u', 'y', 'A', 'O', 'U', 'i', 'n', 'x'] {
            for &m1 in &marks {
                for &m2 in marks.iter().chain([&'\u{0}']) {
                    for &m3 in [&'\u{0}', &'\u{301}', &'\u{323}'] {
                        let cluster: String =
                            [base, m1, m2, m3].iter().filter(|&&c| c != '\0').collect();
                        let mut fast = String::new();
                        if compose_marks(&cluster, &mut fast) {
                            assert_eq!(fast, cluster.nfc().collect::<String>(), "{cluster:?}");
                            checked += 1;
                        }
                    }
                }
            }
        }
        // Most clusters take the pair-by-pair path; out-of-order marks do not.
        assert!(checked > 1500, "{checked}");
        assert!(!compose_marks("a\u{301}\u{323}", &mut String::new()));
        assert!(!compose_marks("\u{1EA1}\u{301}", &mut String::new()));
    }

    #[test]
    fn every_vietnamese_vowel_is_read_off_the_table_from_its_nfd_form() {
        // The ASCII vowels have no marks: no cluster of theirs reaches the table.
        for &vowel in VOWELS.as_flattened().iter().filter(|v| !v.is_ascii()) {
            let nfd: String = vowel.to_string().nfd().collect();
            assert_eq!(vietnamese_vowel(nfd.as_bytes()), Some(vowel), "{nfd:?}");
        }
        // Out of canonical order, or two tones: not a table vowel (pair by pair or NFC decides).
        for cluster in [
            "a\u{302}\u{323}",
            "o\u{323}\u{31B}",
            "e\u{301}\u{302}",
            "a\u{301}\u{300}",
        ] {
            assert_eq!(vietnamese_vowel(cluster.as_bytes()), None, "{cluster:?}");
        }
    }

    #[test]
    fn nfc_modern_text_is_borrowed() {
        let n = normalize("Năm 2023, toàn Đảng bộ tỉnh kết nạp được 1.856 đảng viên");
        assert!(matches!(n.text, Cow::Borrowed(_)));
    }

    #[test]
    fn spans_map_back_through_both_passes() {
        let src = "Ho\u{0061}\u{0300} Bi\u{0300}nh có 12 đảng viên";
        let n = normalize(src);
        assert_eq!(n.text, "Hòa Bình có 12 đảng viên");
        let at = n.text.find("12").unwrap();
        let (s, e) = n.to_source(at, at + 2);
        assert_eq!(&src[s..e], "12");
        let (s, e) = n.to_source(0, "Hòa".len());
        assert_eq!(&src[s..e], "Ho\u{0061}\u{0300}");
    }
}
