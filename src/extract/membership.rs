//! `membership`: the total party members of an organization at a point in time, with breakdowns.

use std::sync::LazyLock;

use super::Words;
use regex::Regex;

use super::context::{self, counted, qualified_count};
use super::{Doc, captures_in};
use crate::record::{Kind, Record, Unit, Value};
use crate::text::numbers::{COUNT, parse_count};

/// How a total is written; `Introduced` needs a clean end after it (see [`TOTAL_END`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    /// `nâng tổng số ĐV của tỉnh lên 20.952 đồng chí`, `đưa tổng số đảng viên … đạt 6.100`,
    /// `Tổng số ĐV toàn Đảng bộ: 5.678 đồng chí`
    Raised,
    /// `tổng số trên 68.500 đảng viên`
    Total,
    /// `với 30.044 đảng viên`, `có 35 đảng viên`
    Introduced,
    /// `178 đảng viên tại 14 chi bộ`
    InUnits,
    /// `25 chi bộ trực thuộc, 1.020 đảng viên`
    AfterUnits,
}

static FORMS: LazyLock<Vec<(Form, Regex)>> = LazyLock::new(|| {
    let count = qualified_count();
    let gap = context::gap(60);
    let forms = [
        (
            Form::Raised,
            format!(
                r"(?:(?:[Nn]âng|[Đđ]ưa) )?[Tt]ổng số (?:đảng viên|ĐV){gap}(?: (?:lên|đạt|là|có)|:) {count}(?: (?:đảng viên|ĐV|đồng chí))?"
            ),
        ),
        (
            Form::Total,
            format!(
                r"[Tt]ổng số(?: (?:đảng viên|ĐV))?(?: (?:là|có|đạt|lên))? {count} (?:đảng viên|ĐV|đồng chí)"
            ),
        ),
        (
            Form::Introduced,
            format!(
                r"(?:[Vv]ới|[Cc]ó|[Gg]ồm|[Hh]iện có|[Ss]inh hoạt của) (?P<fig>{count} (?:đảng viên|ĐV))"
            ),
        ),
        (
            Form::AfterUnits,
            format!(
                r"(?:chi bộ|tổ chức cơ sở đảng|đảng bộ cơ sở|tổ chức đảng)(?: trực thuộc)?(?:,| và) (?P<fig>{count} (?:đảng viên|ĐV))"
            ),
        ),
        (
            Form::InUnits,
            format!(
                r"(?P<fig>{count} (?:đảng viên|ĐV)) (?:tại|sinh hoạt tại|ở|trong) (?:{COUNT}) (?:chi bộ|tổ chức cơ sở đảng|đảng bộ)"
            ),
        ),
    ];
    forms
        .into_iter()
        .map(|(f, re)| (f, Regex::new(&re).expect("membership pattern")))
        .collect()
});

/// Words the `Raised` and `Total` forms, and the `AfterUnits` form, cannot match without (see
/// [`super::holding`]).
static TOTAL_WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(&["ổng số"]));
static UNIT_WORDS: LazyLock<Words> =
    LazyLock::new(|| Words::new(&["chi bộ", "tổ chức", "đảng bộ cơ sở"]));

static IN_UNITS_ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:đảng viên|ĐV) (?:sinh hoạt tại|tại|ở|trong) [0-9]").expect("anchor pattern")
});

/// What may follow `có N đảng viên` for it to be a total, not people doing something.
static TOTAL_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?: ?[,.;:(]|$|\s*$| (?:tại|ở|trong|thuộc|sinh hoạt|đang sinh hoạt|chính thức|và)(?:\P{L}|$))")
        .expect("membership end pattern")
});

/// Right before a total, an admission verb makes it the count admitted: `kết nạp được tổng số 120`.
static ADMITTED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[Kk]ết nạp|[Pp]hát triển)(?: (?:được|mới|thêm))* $").expect("admission pattern")
});

/// `(dự bị 1.393; nữ 10.182; người dân tộc thiểu số 15.984)` right after a total.
static BREAKDOWN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ ?\((?P<items>[^()]{3,300})\)").expect("breakdown pattern"));

/// Groups a total is broken down by in words: `dự bị`, `nữ`, `người dân tộc thiểu số`.
const GROUPS: &str = "dự bị|chính thức|nữ|người dân tộc thiểu số|dân tộc thiểu số|người có đạo|có đạo|theo tôn giáo|đoàn viên|học sinh, sinh viên|học sinh|sinh viên|công nhân|trí thức|cao tuổi";

/// `, trong đó có 23 đảng viên dự bị, 1.102 đảng viên nữ` right after a total: where its parts
/// start.
static IN_WHICH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,? (?:[Tt]rong đó|[Tt]rong số đó)(?:,? có|:)? ").expect("breakdown pattern")
});

/// Where the members of a total are, between it and its breakdown: `9.500 đảng viên sinh hoạt tại
/// 300 chi bộ, trong đó có 1.200 đảng viên dự bị`.
static UNITS_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^,? (?:đang )?(?:sinh hoạt )?(?:tại|ở|trong) (?:{COUNT}) (?:chi bộ|tổ chức cơ sở đảng|đảng bộ)(?: trực thuộc| cơ sở)?"
    ))
    .expect("units pattern")
});

/// One part of such a breakdown, the separator before it included for all but the first.
static PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:[,;] (?:và )?| và )?(?P<n>{COUNT}) (?:đảng viên|đồng chí)(?: là)? (?P<subset>{GROUPS})(?:[,;.)]| chiếm| \(|$)"
    ))
    .expect("breakdown pattern")
});

/// The group a breakdown label names, without the words around it: `trong đó đảng viên nữ` → `nữ`.
fn group_of(label: &str) -> &str {
    let mut rest = label.trim();
    for lead in [
        "trong đó",
        "Trong đó",
        "trong số đó",
        ":",
        ",",
        "có",
        "đảng viên",
        "là",
    ] {
        rest = rest.strip_prefix(lead).unwrap_or(rest).trim_start();
    }
    if rest.is_empty() { label } else { rest }
}

fn membership(start: usize, end: usize, value: Value) -> Record {
    let mut r = Record::new(Kind::Membership, value, start, end);
    r.unit = Some(Unit::Members);
    r
}

pub fn extract(doc: &Doc, out: &mut Vec<Record>) {
    let text = doc.text;
    let first = out.len();
    // `178 đảng viên tại 14 chi bộ` starts with a number; search only near its fixed words.
    let spans = doc.count_spans();
    let anchors = super::matches_in(&IN_UNITS_ANCHOR, text, spans);
    let in_units = super::windows(text, anchors.iter().map(|m| m.start), 40, 80);
    let with_total = super::holding(text, spans, &TOTAL_WORDS);
    let with_units = super::holding(text, spans, &UNIT_WORDS);
    // Where the figures already taken start: two forms may read one total (`nâng tổng số đảng
    // viên lên 1.245 đồng chí` is `Raised` and, from `tổng số` on, `Total`).
    let mut taken: Vec<usize> = Vec::new();
    for (form, re) in FORMS.iter() {
        let found = match form {
            Form::InUnits => captures_in(re, text, &in_units),
            Form::Raised | Form::Total => captures_in(re, text, &with_total),
            Form::AfterUnits => captures_in(re, text, &with_units),
            Form::Introduced => captures_in(re, text, spans),
        };
        for c in found {
            let whole = c.get(0).expect("match");
            let after = &text[whole.end()..];
            // `tổng số 2.338 đảng viên mới được kết nạp` counts admissions, not members.
            if after.starts_with(" mới") || after.starts_with(" được kết nạp") {
                continue;
            }
            if matches!(form, Form::Introduced | Form::AfterUnits) && !TOTAL_END.is_match(after) {
                continue;
            }
            // `tổng số đảng viên được kết nạp là 300` is an admission figure.
            if c.name("gap")
                .is_some_and(|g| g.as_str().contains("kết nạp") || g.as_str().contains("mới"))
            {
                continue;
            }
            let figure = c.name("n").expect("n").start();
            if taken.contains(&figure)
                || ADMITTED_BEFORE.is_match(doc.before(whole.start()))
                || (*form == Form::Introduced
                    && whole.as_str().starts_with(['V', 'v'])
                    && context::completes_admission(doc, whole.start(), context::ADMITTING))
            {
                continue;
            }
            taken.push(figure);
            // The evidence is the figure's own words where a lead-in word comes first.
            let span = c.name("fig").unwrap_or(whole);
            if let Some(total) = counted(Kind::Membership, span.start(), span.end(), &c) {
                push_total(doc, out, total);
            }
        }
    }
    for r in &mut out[first..] {
        context::attribute(doc, r);
    }
}

/// Pushes a total and the breakdown in parentheses right after it.
fn push_total(doc: &Doc, out: &mut Vec<Record>, total: Record) {
    let end = total.end;
    out.push(total);
    let units_end = UNITS_CLAUSE
        .find(&doc.text[end..])
        .map_or(end, |m| end + m.end());
    if let Some(lead) = IN_WHICH.find(&doc.text[units_end..]) {
        let mut at = units_end + lead.end();
        while let Some(c) = PART.captures(&doc.text[at..]) {
            let (n, subset) = (c.name("n").expect("n"), c.name("subset").expect("subset"));
            let Some(value) = parse_count(n.as_str()) else {
                break;
            };
            let mut r = membership(at + n.start(), at + subset.end(), Value::Count(value));
            r.subset = Some(subset.as_str().to_string());
            out.push(r);
            at += subset.end();
        }
    }
    if let Some(b) = BREAKDOWN.captures(&doc.text[end..]) {
        let items = b.name("items").expect("items");
        let from = end + items.start();
        for item in context::list_items(doc.text, from, from + items.len()) {
            let mut r = membership(item.start, item.end, Value::Count(item.value));
            r.subset = Some(group_of(&item.label).to_string());
            out.push(r);
        }
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::check_table;

    #[test]
    fn cues() {
        check_table(
            extract,
            &[
                (
                    "Toàn tỉnh có 13 Đảng bộ, 617 tổ chức cơ sở Đảng với tổng số trên 68.500 đảng viên.",
                    &["68500 q=over"],
                ),
                (
                    "Tính đến 31/12/2021, Đảng bộ tỉnh có 1.908 chi bộ với 30.044 đảng viên (dự bị 1.393; nữ 10.182; người dân tộc thiểu số 15.984).",
                    &[
                        "30044 period=2021-12-31 org=Đảng_bộ_tỉnh",
                        "1393 subset=dự_bị",
                        "10182 subset=nữ",
                        "15984 subset=người_dân_tộc_thiểu_số",
                    ],
                ),
                ("Nâng tổng số ĐV của tỉnh lên 20.952 đồng chí.", &["20952"]),
                ("Tổng số ĐV toàn Đảng bộ: 5.678 đồng chí.", &["5678"]),
                (
                    "Đảng bộ chú trọng phát triển đảng viên, hiện có 57 chi bộ với 6.496 đảng viên.",
                    &["6496"],
                ),
                (
                    "Đảng bộ có 9.500 đảng viên sinh hoạt tại 300 chi bộ, trong đó có 1.200 đảng viên dự bị.",
                    &["9500", "1200 subset=dự_bị"],
                ),
                (
                    "Đến ngày 31/12/2024, toàn Đảng bộ có 12.456 đảng viên (trong đó đảng viên nữ 4.321 đồng chí).",
                    &["12456 period=2024-12-31", "4321 subset=nữ"],
                ),
                (
                    "Đảng bộ có 45 tổ chức cơ sở đảng với 3.215 đảng viên, trong đó có 23 đảng viên dự bị, 1.102 đảng viên nữ.",
                    &[
                        "3215",
                        "23 subset=dự_bị text=23_đảng_viên_dự_bị",
                        "1102 subset=nữ",
                    ],
                ),
                (
                    "Chi bộ có 40 đảng viên, trong đó 12 đảng viên được tặng Huy hiệu 30 năm tuổi Đảng.",
                    &["40"],
                ),
                (
                    "Kết quả kết nạp đảng viên năm 2024 đạt 78,5% kế hoạch, với 236 đảng viên.",
                    &[],
                ),
                (
                    "Năm 2023 kết nạp 20 đảng viên, toàn Đảng bộ có 30 chi bộ với 500 đảng viên.",
                    &["500"],
                ),
                (
                    "Kết nạp 6 đảng viên, nâng tổng số đảng viên lên 1.245 đồng chí.",
                    &["1245 text=nâng_tổng_số_đảng_viên_lên_1.245_đồng_chí"],
                ),
                (
                    "Đưa tổng số đảng viên toàn huyện đạt 6.100 đảng viên.",
                    &["6100"],
                ),
                (
                    "Đảng bộ huyện Mường La có 57 chi, đảng bộ cơ sở trực thuộc, với 6.496 đảng viên.",
                    &["6496 org=Đảng_bộ_huyện_Mường_La"],
                ),
                (
                    "Phát huy sức mạnh của 178 đảng viên tại 14 chi bộ trực thuộc, Đảng bộ BHXH tỉnh đã đổi mới.",
                    &["178 text=178_đảng_viên"],
                ),
                ("Chi bộ hiện có 35 đảng viên.", &["35"]),
                ("Toàn Đảng bộ có trên 12 vạn đảng viên.", &["120000 q=over"]),
                (
                    "Tổng số đảng viên toàn tỉnh là 68.512 đồng chí.",
                    &["68512"],
                ),
                (
                    "Đảng bộ xã có 25 chi bộ trực thuộc, 1.020 đảng viên.",
                    &["1020"],
                ),
                (
                    "Tổng số đảng viên của Đảng bộ tính đến tháng 6/2024 là 5.210 đồng chí.",
                    &["5210"],
                ),
            ],
        );
    }

    #[test]
    fn traps() {
        check_table(
            extract,
            &[
                (
                    "Năm 2018 hoàn thành chỉ tiêu, với tổng số 2.338 đảng viên mới được kết nạp.",
                    &[],
                ),
                ("Trao Huy hiệu 30 năm tuổi Đảng cho 120 đảng viên.", &[]),
                (
                    "Có 84 đảng viên tham gia sinh hoạt tại 84 chi bộ bản khó khăn.",
                    &[],
                ),
                ("Toàn tỉnh có 617 tổ chức cơ sở đảng.", &[]),
                ("Lớp học có 65 quần chúng tham dự.", &[]),
                ("Năm 2023 kết nạp được 1.856 đảng viên.", &[]),
                ("Tổng số đảng viên được kết nạp là 300 đồng chí.", &[]),
                (
                    "Tổng số đảng viên mới kết nạp trong năm 2022 là 302 đồng chí.",
                    &[],
                ),
                ("Toàn huyện đã kết nạp được tổng số 120 đảng viên.", &[]),
            ],
        );
    }
}
