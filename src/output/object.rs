//! One record as one JSON object, written by hand for the JSON and JSON Lines formats: byte for
//! byte what serde_json writes for [`Record`] (the tests hold it to that), at a fraction of the
//! cost. Rendering was a sixth of a run's instructions, most of it escaping strings one byte at a
//! time, and most of those strings repeat: every record of a file has the same `file`, every
//! record of a sentence the same `sentence` (half the output). Here a string equal to the previous
//! record's is copied from its escaped form already in the buffer, and a string with nothing to
//! escape (nearly all) is copied whole.

use std::ops::Range;

use crate::record::{Record, Value};
use crate::text::next_byte_where;

/// Writes records one after another, remembering the last one and where its `file` and
/// `sentence` stand escaped in the buffer, so equal ones are copied instead of escaped again.
#[derive(Default)]
pub struct ObjectWriter<'r> {
    last: Option<(&'r Record, Range<usize>, Range<usize>)>,
}

impl<'r> ObjectWriter<'r> {
    /// Appends `r` as one JSON object (no trailing separator) to `out`, which must be the buffer
    /// every earlier call of this writer appended to.
    pub fn write(&mut self, r: &'r Record, out: &mut Vec<u8>) {
        let last = self.last.take();
        out.extend_from_slice(b"{\"file\":");
        let file = write_repeated(
            last.as_ref()
                .map(|(prev, at, _)| (prev.file.as_str(), at.clone())),
            &r.file,
            out,
        );
        out.extend_from_slice(b",\"kind\":\"");
        out.extend_from_slice(r.kind.as_str().as_bytes());
        out.extend_from_slice(b"\",\"value\":");
        write_value(&r.value, out);
        out.extend_from_slice(b",\"value_max\":");
        match &r.value_max {
            Some(v) => write_value(v, out),
            None => out.extend_from_slice(b"null"),
        }
        field(out, b",\"unit\":null", r.unit.map(|u| u.as_str()));
        field(out, b",\"qualifier\":null", r.qualifier.map(|q| q.as_str()));
        field(out, b",\"role\":null", r.role.map(|r| r.as_str()));
        field(out, b",\"period\":null", r.period.as_deref());
        field(out, b",\"period_text\":null", r.period_text.as_deref());
        field(out, b",\"org\":null", r.org.as_deref());
        field(out, b",\"subset\":null", r.subset.as_deref());
        field(out, b",\"doc_type\":null", r.doc_type);
        field(out, b",\"number\":null", r.number.as_deref());
        field(out, b",\"code\":null", r.code.as_deref());
        field(out, b",\"issued\":null", r.issued.as_deref());
        let mut digits = itoa::Buffer::new();
        for (name, n) in [
            (&b",\"line\":"[..], r.line),
            (b",\"start\":", r.start),
            (b",\"end\":", r.end),
        ] {
            out.extend_from_slice(name);
            out.extend_from_slice(digits.format(n).as_bytes());
        }
        out.extend_from_slice(b",\"text\":");
        write_str(&r.text, out);
        out.extend_from_slice(b",\"sentence\":");
        let sentence = write_repeated(
            last.map(|(prev, _, at)| (prev.sentence.as_str(), at)),
            &r.sentence,
            out,
        );
        field(out, b",\"encoding\":null", r.encoding);
        out.extend_from_slice(b",\"fact\":");
        out.extend_from_slice(digits.format(r.fact).as_bytes());
        out.extend_from_slice(b",\"part_of\":");
        match r.part_of {
            Some(f) => out.extend_from_slice(digits.format(f).as_bytes()),
            None => out.extend_from_slice(b"null"),
        }
        field(out, b",\"when\":null", r.when.as_deref());
        field(out, b",\"org_full\":null", r.org_full.as_deref());
        out.push(b'}');
        self.last = Some((r, file, sentence));
    }
}

/// `,"name":` and the string, or `null`: `name_null` is `,"name":null`, written in one copy
/// (most of these fields are null, and each copy is a call).
fn field(out: &mut Vec<u8>, name_null: &[u8], value: Option<&str>) {
    match value {
        Some(s) => {
            out.extend_from_slice(&name_null[..name_null.len() - b"null".len()]);
            write_str(s, out);
        }
        None => out.extend_from_slice(name_null),
    }
}

/// Writes `s` escaped, or copies it when it is the string `last` says was written there;
/// returns where it now stands in `out`.
fn write_repeated(last: Option<(&str, Range<usize>)>, s: &str, out: &mut Vec<u8>) -> Range<usize> {
    let start = out.len();
    match last {
        Some((text, at)) if text == s => out.extend_from_within(at),
        _ => write_str(s, out),
    }
    start..out.len()
}

fn write_value(v: &Value, out: &mut Vec<u8>) {
    match v {
        Value::Count(n) => out.extend_from_slice(itoa::Buffer::new().format(*n).as_bytes()),
        // serde_json's own digits for a float (and its `null` for one that is not finite).
        Value::Decimal(x) => serde_json::to_writer(&mut *out, x).expect("writing to a Vec"),
        Value::Text(s) => write_str(s, out),
    }
}

/// Whether JSON needs `b` escaped in a string.
fn escaped(b: u8) -> bool {
    (b < 0x20) | (b == b'"') | (b == b'\\')
}

/// Whether any of `bytes` needs escaping, read without a branch per byte: most strings are
/// short, and a byte at a time cost more than all the rest of writing them. A long string 32
/// bytes at a time (vector code) and its last 32, overlapping; a shorter one eight bytes at a
/// time in a word and its last eight; a few bytes one by one.
#[inline(always)]
fn any_escaped(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Some byte of `x` is below `n` exactly when a high bit is set (not always that byte's).
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & (ONES * 0x80) != 0;
    let word_escaped = |word: &[u8; 8]| {
        let x = u64::from_le_bytes(*word);
        let quote = x ^ (ONES * u64::from(b'"'));
        let backslash = x ^ (ONES * u64::from(b'\\'));
        below(x, 0x20) | below(quote, 1) | below(backslash, 1)
    };
    // Early exits between blocks keep each one vector code of its own.
    let block_escaped = |block: &[u8; 32]| block.iter().fold(false, |any, &b| any | escaped(b));
    fn last<const N: usize>(bytes: &[u8]) -> &[u8; N] {
        bytes[bytes.len() - N..].try_into().expect("N bytes")
    }
    // Loops, not `any`, which is not inlined here and so not built for AVX2.
    match bytes.len() {
        0..8 => bytes.iter().fold(false, |any, &b| any | escaped(b)),
        8..32 => {
            for word in bytes.as_chunks::<8>().0 {
                if word_escaped(word) {
                    return true;
                }
            }
            word_escaped(last(bytes))
        }
        _ => {
            for block in bytes.as_chunks::<32>().0 {
                if block_escaped(block) {
                    return true;
                }
            }
            block_escaped(last(bytes))
        }
    }
}

/// A JSON string: `"` and `\` escaped, control characters as serde_json writes them.
#[multiversion::multiversion(targets("x86_64+avx2"))]
fn write_str(s: &str, out: &mut Vec<u8>) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    // Hardly any string has a byte to escape: most are copied whole.
    if !any_escaped(bytes) {
        out.extend_from_slice(bytes);
        out.push(b'"');
        return;
    }
    let mut done = 0;
    while let Some(i) = next_byte_where(bytes, done, escaped) {
        out.extend_from_slice(&bytes[done..i]);
        match bytes[i] {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            b => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xf)]);
            }
        }
        done = i + 1;
    }
    out.extend_from_slice(&bytes[done..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Kind, Qualifier, Role, Unit};

    fn by_hand(records: &[Record]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut writer = ObjectWriter::default();
        for r in records {
            writer.write(r, &mut out);
            out.push(b'\n');
        }
        out
    }

    fn by_serde(records: &[Record]) -> Vec<u8> {
        let mut out = Vec::new();
        for r in records {
            serde_json::to_writer(&mut out, r).unwrap();
            out.push(b'\n');
        }
        out
    }

    fn record(kind: Kind, value: Value, sentence: &str) -> Record {
        let mut r = Record::new(kind, value, 3, 9);
        r.file = "bài \"1\".txt".into();
        r.text = "89,15%".into();
        r.sentence = sentence.into();
        r
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let mut full = record(
            Kind::Target,
            Value::Count(2082),
            "Chỉ tiêu\t\"2.082\" \\ đảng viên",
        );
        full.value_max = Some(Value::Count(2300));
        full.unit = Some(Unit::Members);
        full.qualifier = Some(Qualifier::Over);
        full.role = Some(Role::Change);
        full.period = Some("2023".into());
        full.period_text = Some("năm 2023".into());
        full.org = Some("Đảng bộ tỉnh".into());
        full.subset = Some("nữ".into());
        full.line = 12;
        full.encoding = Some("windows-1258");
        full.fact = 7;
        full.part_of = Some(3);
        full.when = Some("2023".into());
        full.org_full = Some("Đảng bộ tỉnh \"Hà Yên\"".into());
        full.total = Some((1, 2));
        let mut directive = record(Kind::Directive, Value::Text("21-NQ/TW".into()), "x");
        directive.doc_type = Some("Nghị quyết");
        directive.number = Some("21".into());
        directive.code = Some("NQ/TW".into());
        directive.issued = Some("2022-06-16".into());
        let controls: String = (0u8..0x20).map(char::from).chain(['\u{7f}', 'ỷ']).collect();
        let records = [
            full,
            record(
                Kind::Percentage,
                Value::Decimal(89.15),
                "Đạt 89,15% kế hoạch.",
            ),
            record(
                Kind::Percentage,
                Value::Decimal(102.0),
                "Đạt 89,15% kế hoạch.",
            ),
            record(Kind::Percentage, Value::Decimal(f64::NAN), &controls),
            record(Kind::Percentage, Value::Decimal(1e-7), &controls),
            directive,
            record(Kind::Date, Value::Text("XXXX-05-25".into()), ""),
            record(
                Kind::Admission,
                Value::Count(-1),
                "a sentence longer than sixteen bytes\"",
            ),
        ];
        let hand = by_hand(&records);
        assert_eq!(
            String::from_utf8_lossy(&hand),
            String::from_utf8_lossy(&by_serde(&records))
        );
    }

    proptest::proptest! {
        #[test]
        fn any_strings_and_numbers_render_as_serde_json(
            file in "\\PC{0,12}",
            texts in proptest::collection::vec("(?s).{0,40}", 1..5),
            x in proptest::num::f64::ANY,
            n in proptest::num::i64::ANY,
        ) {
            let records: Vec<Record> = texts
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let value = if i % 2 == 0 { Value::Decimal(x) } else { Value::Count(n) };
                    let mut r = record(Kind::Percentage, value, t);
                    r.file = file.clone();
                    r.text = t.chars().rev().collect();
                    r.org = Some(t.clone());
                    r.org_full = Some(t.clone());
                    r.fact = i;
                    r
                })
                .collect();
            proptest::prop_assert_eq!(by_hand(&records), by_serde(&records));
        }
    }

    #[test]
    fn a_repeated_string_is_copied_only_when_equal() {
        let a = record(Kind::Percentage, Value::Decimal(1.0), "Câu một, 1%.");
        let b = record(Kind::Percentage, Value::Decimal(2.0), "Câu hai, 2%.");
        let mut other_file = a.clone();
        other_file.file = "khác.txt".into();
        let records = [a.clone(), a.clone(), b, a, other_file.clone(), other_file];
        assert_eq!(by_hand(&records), by_serde(&records));
    }
}
