//! The text layer: bytes to normalized text, with maps back to the input bytes.
//!
//! The byte scans written as branch-free vector code carry
//! `#[multiversion(targets("x86_64+avx2"))]`: built for AVX2 as well as for baseline x86-64
//! (SSE2), the one the CPU can run picked at run time, so the binary stays portable while its
//! scans look at 32 bytes per instruction where they can.

pub mod decode;
pub mod legacy;
pub mod normalize;
pub mod numbers;
pub mod offsets;
pub mod sentences;

/// Where the next byte at or after `from` that `wanted` picks is. Thirty-two bytes are looked at
/// side by side (a fold without early exit, which the compiler turns into one vector compare)
/// until a chunk holds one, so long runs without one cost about a cycle per chunk; then the
/// eight bytes holding it (or the end's short run) are found the same way, and only those are
/// looked at one by one.
#[inline]
pub fn next_byte_where(bytes: &[u8], from: usize, wanted: impl Fn(u8) -> bool) -> Option<usize> {
    let holds_one = |chunk: &[u8]| chunk.iter().fold(false, |any, &b| any | wanted(b));
    let from = from.min(bytes.len());
    let (chunk_at, chunk) = first_chunk_holding::<32>(&bytes[from..], &holds_one);
    let (eight_at, eight) = first_chunk_holding::<8>(chunk, &holds_one);
    // Eight bytes of known length (all but the text's end) are looked at without a loop.
    let p = match eight.first_chunk::<8>() {
        Some(whole) => whole.iter().position(|&b| wanted(b)),
        None => eight.iter().position(|&b| wanted(b)),
    }?;
    Some(from + chunk_at + eight_at + p)
}

/// The first `W`-byte chunk of `run` that `holds_one`, else the run's end shorter than `W`, with
/// its offset in `run`.
#[inline(always)]
fn first_chunk_holding<const W: usize>(
    run: &[u8],
    holds_one: impl Fn(&[u8]) -> bool,
) -> (usize, &[u8]) {
    let (chunks, end) = run.as_chunks::<W>();
    match chunks.iter().position(|chunk| holds_one(chunk)) {
        Some(c) => (c * W, &chunks[c]),
        None => (run.len() - end.len(), end),
    }
}

/// [`char::is_alphabetic`], with the letters of Vietnamese text (ASCII, Latin-1, Latin Extended-A
/// and -B, Latin Extended Additional) answered without the Unicode table, whose search costs a
/// few hundred instructions a character.
#[inline]
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{C0}'..='\u{24F}' => c != '×' && c != '÷',
        '\u{1E00}'..='\u{1EFF}' => true,
        _ => c.is_alphabetic(),
    }
}

#[cfg(test)]
mod tests {
    /// Every start against every place of a wanted byte, across chunk and eight-byte edges and
    /// the text's short end.
    #[test]
    fn next_byte_where_is_the_first_wanted_byte() {
        for len in [0, 7, 8, 31, 32, 33, 71, 100] {
            for hit in 0..=len {
                let mut bytes = vec![b'a'; len];
                if let Some(b) = bytes.get_mut(hit) {
                    *b = b'7';
                }
                for from in 0..=len + 1 {
                    let want = (hit >= from && hit < len).then_some(hit);
                    let got = super::next_byte_where(&bytes, from, |b| b.is_ascii_digit());
                    assert_eq!(got, want, "len {len}, hit {hit}, from {from}");
                }
            }
        }
    }

    #[test]
    fn is_letter_is_is_alphabetic() {
        for c in (0..0x2000).filter_map(char::from_u32) {
            assert_eq!(super::is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }
}
