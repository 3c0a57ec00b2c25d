//! The text layer: bytes to normalized text, with maps back to the input bytes.

pub mod decode;
pub mod legacy;
pub mod normalize;
pub mod numbers;
pub mod offsets;
pub mod sentences;
