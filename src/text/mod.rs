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

/// Where the next byte at or after `from` that `wanted` picks is. Sixteen bytes are looked at side
/// by side (a fold without early exit, which the compiler turns into vector code) until a chunk
/// holds one, so long runs without one cost about a cycle per chunk.
#[inline]
pub fn next_byte_where(bytes: &[u8], from: usize, wanted: impl Fn(u8) -> bool) -> Option<usize> {
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 16) {
        if chunk.iter().fold(false, |any, &b| any | wanted(b)) {
            break;
        }
        i += 16;
    }
    bytes
        .get(i..)?
        .iter()
        .position(|&b| wanted(b))
        .map(|p| i + p)
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
    #[test]
    fn is_letter_is_is_alphabetic() {
        for c in (0..0x2000).filter_map(char::from_u32) {
            assert_eq!(super::is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }
}
