//! `percentage`: every number followed by `%` or `phần trăm`, ranges as one record, with a role.

use std::sync::LazyLock;

use regex::Regex;

use super::{Doc, Pattern};
use crate::record::{Kind, Record, Value};
use crate::text::numbers::{DECIMAL, QUALIFIER, parse_decimal, qualifier};

/// A percentage figure before its role is known; [`super::target`] reuses it.
#[derive(Debug, Clone)]
pub struct Percent {
    pub start: usize,
    pub end: usize,
    /// Where the number itself starts (after `từ` and a qualifier word).
    pub number_start: usize,
    pub value: f64,
    pub value_max: Option<f64>,
    pub qualifier: Option<&'static str>,
    pub role: &'static str,
}

static PERCENT: LazyLock<Pattern> = LazyLock::new(|| {
    let pct = r"(?: ?%| phần trăm)";
    Pattern::new(&format!(
        r"(?:(?P<from>[Tt]ừ) )?(?:(?P<qual>{QUALIFIER}) )?(?P<a>{DECIMAL})(?:{pct})?(?: ?- ?| đến (?:dưới |trên |hết )?)(?P<b>{DECIMAL}){pct}(?P<tail> trở lên| ít nhất| tối thiểu)?|(?:(?P<qual1>{QUALIFIER}) )?(?P<x>{DECIMAL}){pct}(?P<tail1> trở lên| ít nhất| tối thiểu)?"
    ))
    .expect("percentage pattern")
});

/// `tăng 11,7%`, `đã giảm 2%`: the figure is a change.
static CHANGE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[Tt]ăng(?: trưởng)?|[Gg]iảm)(?: thêm| được| lên| xuống| hơn| gần| trên| khoảng| bình quân)* $")
        .expect("change pattern")
});

/// Words that make the figure a goal when they come earlier in its sentence.
static TARGET_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[Pp]hấn đấu|[Mm]ục tiêu|[Cc]hỉ tiêu (?:phấn đấu |đề ra |được giao )?là|phải (?:đạt|có)|để (?:kết nạp|đạt|phát triển)")
        .expect("target pattern")
});

/// A plan reached: `89,15% chỉ tiêu`, `102% kế hoạch`, `(153,33%)` after `vượt chỉ tiêu`.
static ACHIEVED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\)? ?(?:so với |so |của )?(?:chỉ tiêu|kế hoạch|KH\b|Nghị quyết|nghị quyết)")
        .expect("achievement pattern")
});
static ACHIEVED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:vượt|hoàn thành|đạt) (?:mức |và vượt )?(?:chỉ tiêu|kế hoạch)")
        .expect("achievement pattern")
});

static RATE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[Tt]ỷ lệ|[Tt]ỉ lệ|chiếm)(?: đạt| là)? $").expect("rate pattern")
});

/// Percentages with their roles; callers use [`Doc::percents`], which keeps them.
pub fn find(doc: &Doc) -> Vec<Percent> {
    let text = doc.text;
    let mut anchors: Vec<usize> = memchr::memchr_iter(b'%', text.as_bytes()).collect();
    anchors.extend(memchr::memmem::find_iter(text.as_bytes(), "phần trăm"));
    anchors.sort_unstable();
    super::captures_in(&PERCENT, text, &super::windows(text, anchors, 64, 40))
        .into_iter()
        .filter_map(|c| {
            let whole = c.get(0)?;
            let number = PERCENT.group(&c, "a").or(PERCENT.group(&c, "x"))?;
            // A number glued to a letter or digit before it is part of something else.
            if text[..number.start()]
                .chars()
                .next_back()
                .is_some_and(|p| p.is_alphanumeric() || p == '.' || p == ',')
                && PERCENT
                    .group(&c, "qual")
                    .or(PERCENT.group(&c, "qual1"))
                    .is_none()
                && PERCENT.group(&c, "from").is_none()
            {
                return None;
            }
            let value = parse_decimal(number.as_str())?;
            let value_max = match PERCENT.group(&c, "b") {
                Some(b) => Some(parse_decimal(b.as_str())?),
                None => None,
            };
            let tail = c
                .name("tail")
                .or(PERCENT.group(&c, "tail1"))
                .map(|m| m.as_str().trim());
            let qual = c
                .name("qual")
                .or(PERCENT.group(&c, "qual1"))
                .and_then(|m| qualifier(m.as_str()))
                .or(tail.and_then(qualifier));
            let mut p = Percent {
                start: whole.start(),
                end: whole.end(),
                number_start: number.start(),
                value,
                value_max,
                qualifier: qual,
                role: "share",
            };
            let minimum = tail.is_some() || qual == Some("at_least");
            p.role = role(doc, &p, minimum);
            Some(p)
        })
        .collect()
}

fn role(doc: &Doc, p: &Percent, minimum: bool) -> &'static str {
    let before = doc.before(p.start);
    let near_before = &before[before.floor_char_boundary(before.len().saturating_sub(40))..];
    let after = doc.after(p.end);
    // Up to the end of the clause: another percentage there means a comparison, not a plan share.
    let clause_end = || {
        [", ", ";", "("]
            .iter()
            .filter_map(|m| after.find(m))
            .min()
            .unwrap_or(after.len())
    };
    if CHANGE_BEFORE.is_match(near_before) {
        "change"
    } else if minimum || TARGET_BEFORE.is_match(&before[before.rfind(';').map_or(0, |i| i + 1)..]) {
        "target"
    } else if ACHIEVED_AFTER.is_match(after) && !after[..clause_end()].contains('%') {
        "achievement"
    } else if RATE_BEFORE.is_match(near_before) {
        // `đạt tỷ lệ 1,8% trên tổng số` is a rate even after `vượt chỉ tiêu`.
        "share"
    } else if ACHIEVED_BEFORE.is_match(before) {
        "achievement"
    } else {
        "share"
    }
}

pub fn extract(doc: &Doc, out: &mut Vec<Record>) {
    for p in doc.percents() {
        let mut r = Record::new(Kind::Percentage, Value::Decimal(p.value), p.start, p.end);
        r.value_max = p.value_max.map(Value::Decimal);
        r.qualifier = p.qualifier;
        r.role = Some(p.role);
        out.push(r);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::check_table;

    #[test]
    fn examples() {
        check_table(
            extract,
            &[
                (
                    "Năm 2023 kết nạp được 56 đảng viên, đạt 89,15% chỉ tiêu, tăng 11,7% so với năm 2022.",
                    &["89.15 role=achievement", "11.7 role=change"],
                ),
                (
                    "Toàn tỉnh kết nạp 300 đảng viên mới, đạt 102% kế hoạch.",
                    &["102 role=achievement"],
                ),
                (
                    "Đạt tỷ lệ từ 2,5% đến dưới 3% (đạt 2,68% so với 3% ít nhất theo nghị quyết).",
                    &[
                        "2.5..3 role=share text=từ_2,5%_đến_dưới_3%",
                        "2.68 role=share",
                        "3 role=target q=at_least",
                    ],
                ),
                (
                    "Một số đảng bộ kết nạp vượt chỉ tiêu như: Công an tỉnh (153,33%); Mai Sơn 125%.",
                    &["153.33 role=achievement", "125 role=achievement"],
                ),
                (
                    "Mới đạt 1,8% so chỉ tiêu phấn đấu là từ 3%-4% tổng số đảng viên.",
                    &["1.8 role=share", "3..4 role=target"],
                ),
                (
                    "Phấn đấu đạt từ 3-4% trên tổng số đảng viên.",
                    &["3..4 role=target"],
                ),
                ("Chiếm hơn 50%/tổng số kết nạp.", &["50 role=share q=over"]),
                ("Tỷ lệ cử tri đạt 99,996 phần trăm.", &["99.996 role=share"]),
                ("Tăng trưởng 17.45% so với cùng kỳ.", &["17.45 role=change"]),
                (
                    "Chỉ tiêu là tối thiểu 3% trở lên mỗi năm.",
                    &["3 role=target q=at_least"],
                ),
                ("Các xã tăng 12% số hộ khá.", &["12 role=change"]),
                (
                    "Mục tiêu kết nạp 500 đảng viên; tỷ lệ đảng viên nữ chiếm 41,3%.",
                    &["41.3 role=share"],
                ),
                (
                    "Năm 2022 số đảng viên kết nạp vượt chỉ tiêu và đạt tỷ lệ 1,8% trên tổng số đảng viên.",
                    &["1.8 role=share"],
                ),
            ],
        );
    }

    #[test]
    fn not_percentages() {
        check_table(
            extract,
            &[
                ("Hôm nay24,892 lượt truy cập.", &[]),
                ("Có 48/102 xã đạt chuẩn, nhiệm kỳ 2020-2025.", &[]),
                ("Mã số A12%B không phải tỷ lệ.", &[]),
            ],
        );
    }
}
