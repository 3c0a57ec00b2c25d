//! `admission`: people newly admitted to the Party, with period, organization and breakdowns.

use std::sync::LazyLock;

use regex::Regex;

use super::Words;
use super::context::{self, counted, qualified_count};

use super::{Doc, LETTERS, captures_in, holding, matches_in};
use crate::record::{Kind, Record, Unit, Value};
use crate::text::numbers::{COUNT, parse_count};

/// `kết nạp được 1.856 đảng viên`, `phát triển được 1-3 đảng viên`, `kết nạp mới 12 quần chúng`.
static VERB_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<verb>[Kk]ết nạp|[Pp]hát triển)(?: (?:được|mới|thêm|cho|tổng số|tổng cộng|vào Đảng|vào đảng))* {}(?P<noun> (?:đảng viên|Đảng viên|ĐV|đồng chí|quần chúng))?",
        qualified_count()
    ))
    .expect("admission pattern")
});

/// `2.338 đảng viên mới được kết nạp`, `2 học sinh được kết nạp vào Đảng`.
static COUNT_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("{}(?: mới)?(?: đã)? được kết nạp", counted_who()))
        .expect("admission pattern")
});

/// `45 quần chúng ưu tú vinh dự đứng vào hàng ngũ của Đảng`; searched only around `hàng ngũ`.
static JOINED_RANKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        "{}(?: mới)?(?: đã)?(?: vinh dự)?(?: được)? đứng (?:trong|vào) hàng ngũ (?:của )?Đảng",
        counted_who()
    ))
    .expect("admission pattern")
});

/// Regex fragment: the one to four words naming who is counted: `học sinh`, `quần chúng ưu tú`.
fn who() -> String {
    format!(r"(?P<who>[{LETTERS}]+(?: [{LETTERS}]+){{0,3}}?)")
}

/// Regex fragment: a count and who it counts: `2 học sinh`, `45 quần chúng ưu tú`.
fn counted_who() -> String {
    format!(r"(?P<n>{COUNT}) {}", who())
}

/// `số đảng viên mới được kết nạp năm 2023 là 120`, `số đảng viên mới được kết nạp: 98 đồng chí`:
/// the count after the verb phrase.
static STATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:[Ss]ố )?(?:đảng viên|quần chúng)(?: mới)?(?: được)? kết nạp{}(?: (?:là|đạt|được)|:) {}(?: (?:đảng viên|đồng chí|quần chúng))?",
        context::gap(30),
        qualified_count()
    ))
    .expect("admission pattern")
});

/// `…, với 236 đảng viên` closing an admission statement (see [`context::completes_admission`]).
static WITH_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:[Vv]ới|đạt) {} (?:đảng viên|đồng chí|quần chúng)",
        qualified_count()
    ))
    .expect("admission pattern")
});

/// After an admission statement, a further count of it without the verb: the next year's
/// (`kết nạp 2.345 đảng viên; năm 2024 là 2.567 đảng viên`) or the yearly average (`kết nạp 10.234
/// đảng viên, bình quân 2.558 đảng viên/năm`).
static FOLLOWING_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[;,] (?:(?:và )?năm [0-9]{{4}}(?: là|:| đạt)?|(?:bình quân|trung bình)(?: mỗi năm| hằng năm| hàng năm)?(?: là| đạt)?) (?P<n>{COUNT}) (?:đảng viên|đồng chí)(?:/năm)?"
    ))
    .expect("admission pattern")
});

/// After `kết nạp 85`, who was admitted when no count word says it: `quân nhân vào Đảng`.
static WHO_INTO_PARTY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^ {} vào Đảng", who())).expect("admission pattern"));

/// After `kết nạp 210`: `/200 đảng viên`, the plan the count is measured against.
static PLAN_AFTER_SLASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^/(?:{COUNT}) (?:đảng viên|ĐV|đồng chí|quần chúng)"
    ))
    .expect("plan pattern")
});

/// `kết nạp (được) 210/200 đảng viên`, with the plan captured, for the target kind.
pub(crate) static VERB_FIRST_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"[Kk]ết nạp(?: (?:được|mới|thêm))* (?:{COUNT})/(?P<plan>{COUNT}) (?:đảng viên|ĐV|đồng chí|quần chúng)"
    ))
    .expect("plan pattern")
});

/// Groups a breakdown names without `đảng viên` or `là` before them: `trong đó 85 nữ`.
const BARE_GROUPS: &str = "nữ|người dân tộc|dân tộc|đoàn viên|học sinh|sinh viên|người có đạo|người theo tôn giáo|công nhân|giáo viên|quân nhân|chiến sĩ|trí thức|doanh nhân";

/// One part of a breakdown: `N đảng viên (mới) là X`, `N đảng viên X`, or `N nữ` for the groups
/// in [`BARE_GROUPS`] (the group read as `subset`, or `bare`).
fn breakdown_part() -> String {
    let group = format!("[{LETTERS}][{LETTERS} ,]*[{LETTERS}]");
    format!(
        r"(?P<n>{COUNT}) (?:(?:(?:đảng viên |ĐV |đồng chí )?(?:mới )?là |(?:đảng viên|ĐV) (?:mới )?)(?P<subset>{group})|(?P<bare>(?:{BARE_GROUPS})(?:[ ,]+[{LETTERS}]+)*))"
    )
}

/// What follows `N đảng viên` where it says what they did or where they are, not who they are:
/// `15 đảng viên sinh hoạt tại chi bộ thôn` names no group.
fn names_a_group(subset: &str) -> bool {
    const NOT_GROUPS: [&str; 9] = [
        "được",
        "đã",
        "tại",
        "ở",
        "của",
        "thuộc",
        "sinh hoạt",
        "trong",
        "chiếm",
    ];
    !NOT_GROUPS.iter().any(|w| {
        subset
            .strip_prefix(w)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    })
}

/// The admission a breakdown at `pos` divides: an admission word earlier in its sentence, with no
/// membership total between them (`kết nạp 50 đảng viên, nâng tổng số đảng viên lên 3.456 đồng
/// chí, trong đó 1.102 đảng viên nữ` divides the total).
fn divides_an_admission(doc: &Doc, pos: usize) -> bool {
    let before = doc.before(pos);
    ADMISSION_CUE.find_iter(before).last().is_some_and(|cue| {
        !["tổng số", " lên "]
            .iter()
            .any(|w| before[cue.end()..].contains(w))
    })
}

/// `trong đó có 15 đảng viên mới là học sinh, sinh viên`, `Trong số đảng viên mới kết nạp, có
/// 4.120 đảng viên là người dân tộc thiểu số`.
static BREAKDOWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:[Tt]rong đó|[Tt]rong số (?:đó|này|(?:đảng viên|quần chúng) (?:mới )?(?:được )?kết nạp(?: mới)?))(?:,? có|:)? {}",
        breakdown_part()
    ))
    .expect("breakdown pattern")
});

/// The next part right after a breakdown part: `(chiếm 52,4%), 2.890 đảng viên là nữ`.
static NEXT_BREAKDOWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?: \([^()]*\))?[,;] (?:và )?{}",
        breakdown_part()
    ))
    .expect("breakdown pattern")
});

/// A list introduced in a sentence about admissions: `… đạt cao như:`, `trong đó:`, by the verb
/// itself: `các huyện kết nạp được: Bảo Lâm 120 đảng viên, …`, or by ` như ` before a name
/// (`kết nạp nhiều như Mường Tè 93 đồng chí, …`; the capital is checked by the caller).
static LIST_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[Tt]rong đó:?|(?:như|gồm|[Cc]ụ thể)(?: là)?:|(?:[Kk]ết nạp|[Pp]hát triển)(?: (?:được|mới|đảng viên))*:| như ")
        .expect("list pattern")
});

/// `lễ kết nạp đảng viên cho 3 học sinh`: the people admitted after `cho`.
static ADMITTED_FOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"[Kk]ết nạp (?:đảng viên|vào Đảng|Đảng) (?:mới )?cho {} (?P<who>quần chúng|học sinh|sinh viên|đoàn viên|công nhân|chiến sĩ|giáo viên|người|em|đồng chí)",
        qualified_count()
    ))
    .expect("admission pattern")
});

/// Words saying the sentence is about admissions, before a list.
static ADMISSION_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[Kk]ết nạp|[Pp]hát triển (?:được )?đảng viên").expect("cue pattern")
});

/// Words the admission patterns cannot match without (see [`super::holding`]); `WITH_COUNT`'s
/// figure needs `kết nạp` earlier in its sentence (see [`context::completes_admission`]).
pub(crate) static ADMIT_WORDS: LazyLock<Words> =
    LazyLock::new(|| Words::new(&["ết nạp", "hát triển"]));
/// `đảng viên (mới) (được) kết nạp` and the same after `quần chúng`, as [`STATED`] starts.
static STATED_WORDS: LazyLock<Words> = LazyLock::new(|| {
    Words::new(&[
        "đảng viên kết nạp",
        "đảng viên được kết nạp",
        "đảng viên mới kết nạp",
        "đảng viên mới được kết nạp",
        "quần chúng kết nạp",
        "quần chúng được kết nạp",
        "quần chúng mới kết nạp",
        "quần chúng mới được kết nạp",
    ])
});
static ADMITTED_WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(&["được kết nạp"]));
static FOR_WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(&[" cho "]));
static BREAKDOWN_WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(&["rong đó", "rong số"]));
static LIST_WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(&["rong đó", ":", " như "]));

fn admission(start: usize, end: usize, value: Value) -> Record {
    let mut r = Record::new(Kind::Admission, value, start, end);
    r.unit = Some(Unit::Members);
    r
}

/// People counted by the verb's object: party members, or the crowd they came from.
fn subset_of(who: &str) -> Option<String> {
    let who = who.trim();
    let who = who.strip_prefix("đảng viên").unwrap_or(who).trim();
    let who = who.strip_prefix("là").unwrap_or(who).trim();
    // The crowd admitted from is no subset of the admissions: `quần chúng ưu tú`, `người`.
    let generic = matches!(
        who,
        "" | "mới" | "người" | "đồng chí" | "quần chúng" | "quần chúng ưu tú"
    );
    (!generic).then(|| who.to_string())
}

/// An admission listed by unit (`Mường Tè 93 đồng chí`) or by group (`nữ là 212 đồng chí`).
fn listed(item: context::ListItem) -> Record {
    let mut r = admission(item.start, item.end, Value::Count(item.value));
    if item.label.starts_with(|c: char| c.is_uppercase()) {
        r.org = Some(item.label);
    } else {
        r.subset = subset_of(&item.label);
    }
    r
}

pub fn extract(doc: &Doc, out: &mut Vec<Record>) {
    let text = doc.text;
    let first = out.len();
    let spans = &holding(text, doc.count_spans(), &ADMIT_WORDS);
    // The most frequent admission statement: read back from the match, without the capture engine.
    for whole in matches_in(&VERB_FIRST, text, spans) {
        let written = &text[whole.clone()];
        let Some((count, count_span)) = context::read_count(written) else {
            continue;
        };
        let after = &text[whole.end..];
        let verb_is_develop = written.starts_with(['P', 'p']);
        let noun = Some(written[count_span.end..].trim()).filter(|n| !n.is_empty());
        let bare_end = after.is_empty() || after.starts_with([',', '.', ';', ')']);
        let who = (noun.is_none() && !bare_end)
            .then(|| WHO_INTO_PARTY.captures(after))
            .flatten();
        let ok = match noun {
            Some(n) => !verb_is_develop || matches!(n, "đảng viên" | "Đảng viên" | "ĐV"),
            None => !verb_is_develop && (bare_end || who.is_some()),
        };
        // `kết nạp 210/200 đảng viên`: 210 admitted of 200 planned (the target kind takes 200).
        let of_plan = PLAN_AFTER_SLASH.is_match(after);
        let counted_alone = ok && !context::number_continues(after);
        // `đề nghị (cấp trên) kết nạp 12 quần chúng` proposes; the admission comes later.
        let proposed = || context::clause_before(doc, whole.start).contains("đề nghị");
        if !(of_plan || counted_alone) || context::is_planned(doc, whole.start) || proposed() {
            continue;
        }
        let Some(mut r) = context::count_record(Kind::Admission, whole.start, whole.end, &count)
        else {
            continue;
        };
        if let Some(who) = &who {
            r.end = whole.end + who.get(0).expect("match").end();
            r.subset = subset_of(&who["who"]);
        }
        out.push(r);
        let mut at = whole.end;
        while let Some(c) = FOLLOWING_COUNT.captures(&text[at..]) {
            let (n, end) = (c.name("n").expect("n"), c.get(0).expect("match").end());
            if let Some(value) = parse_count(n.as_str()) {
                out.push(admission(at + n.start(), at + end, Value::Count(value)));
            }
            at += end;
        }
        // `Mai Sơn kết nạp 350 đảng viên; Yên Châu 210 đảng viên`: the list of units goes on,
        // `;` after `;`. Items named in lower case are other work (`chuyển đảng chính thức cho 30
        // đảng viên`).
        if after.trim_start_matches(" mới").starts_with(';')
            && let Some(items) = context::list_from(doc, {
                let n_start = whole.start + count_span.start;
                n_start..n_start + count.n.len()
            })
            && items
                .iter()
                .all(|i| i.label.starts_with(char::is_uppercase))
        {
            out.extend(items.into_iter().skip(1).map(listed));
        }
    }
    for c in captures_in(&STATED, text, &holding(text, spans, &STATED_WORDS)) {
        let whole = c.get(0).expect("match");
        if context::number_continues(&text[whole.end()..])
            || context::is_planned(doc, whole.start())
        {
            continue;
        }
        let Some(r) = counted(Kind::Admission, whole.start(), whole.end(), &c) else {
            continue;
        };
        out.push(r);
    }
    for c in captures_in(&WITH_COUNT, text, spans) {
        let whole = c.get(0).expect("match");
        let cues = if whole.as_str().starts_with("đạt") {
            context::ADMITTING_OR_DEVELOPING
        } else {
            context::ADMITTING
        };
        let n = c.name("n").expect("n");
        if context::number_continues(&text[whole.end()..])
            || context::is_planned(doc, whole.start())
            || !context::completes_admission(doc, whole.start(), cues)
        {
            continue;
        }
        // Another rule may have read the figure already.
        let start = c.name("q").map_or(n.start(), |q| q.start());
        if out[first..]
            .iter()
            .any(|r| r.start <= n.start() && n.end() <= r.end)
        {
            continue;
        }
        if let Some(r) = counted(Kind::Admission, start, whole.end(), &c) {
            out.push(r);
        }
    }
    for c in captures_in(&ADMITTED_FOR, text, &holding(text, spans, &FOR_WORDS)) {
        let whole = c.get(0).expect("match");
        let Some(mut r) = counted(Kind::Admission, whole.start(), whole.end(), &c) else {
            continue;
        };
        r.subset = Some(c["who"].to_string())
            .filter(|w| !matches!(w.as_str(), "quần chúng" | "người" | "đồng chí"));
        out.push(r);
    }
    let ranks = memchr::memmem::find_iter(text.as_bytes(), "hàng ngũ");
    let joined = captures_in(&JOINED_RANKS, text, &super::windows(text, ranks, 150, 20));
    for c in captures_in(&COUNT_FIRST, text, &holding(text, spans, &ADMITTED_WORDS))
        .into_iter()
        .chain(joined)
    {
        let n = c.name("n").expect("n");
        let whole = c.get(0).expect("match");
        if context::is_planned(doc, n.start()) {
            continue;
        }
        let Some(value) = parse_count(n.as_str()) else {
            continue;
        };
        let mut r = admission(n.start(), whole.end(), Value::Count(value));
        r.subset = subset_of(&c["who"]);
        out.push(r);
    }
    for c in captures_in(&BREAKDOWN, text, &holding(text, spans, &BREAKDOWN_WORDS)) {
        if !divides_an_admission(doc, c.name("n").expect("n").start()) {
            continue;
        }
        // Each part is read at `offset` in the text: the next one is anchored at the last's end.
        let (mut part, mut offset) = (Some(c), 0);
        while let Some(c) = part {
            let n = c.name("n").expect("n");
            let subset = c.name("subset").or(c.name("bare")).expect("a group");
            let group = subset.as_str().trim_end_matches([',', ' ']);
            let group = group.strip_suffix(" và").unwrap_or(group);
            if !names_a_group(group) {
                break;
            }
            if let Some(value) = parse_count(n.as_str()) {
                let mut r = admission(
                    offset + n.start(),
                    offset + subset.end(),
                    Value::Count(value),
                );
                r.subset = Some(group.to_string());
                out.push(r);
            }
            offset += subset.end();
            part = NEXT_BREAKDOWN.captures(&text[offset..]);
        }
    }
    let list_spans = holding(text, doc.count_spans(), &LIST_WORDS);
    for m in matches_in(&LIST_START, text, &list_spans) {
        if text[m.clone()].ends_with(' ') && !text[m.end..].starts_with(char::is_uppercase) {
            continue;
        }
        let before = doc.before(m.start);
        let sentence_start = m.start - before.len();
        // `… kết nạp 105 đảng viên. Trong đó, …`: a list opening its sentence goes on from the
        // statement before it.
        let statement = if before.trim().is_empty() && sentence_start > 0 {
            &text[doc.sentence(sentence_start - 1)]
        } else {
            before
        };
        let opens_with_cue = ADMISSION_CUE.is_match(&text[m.clone()]);
        if !(opens_with_cue || ADMISSION_CUE.is_match(statement))
            || context::is_planned(doc, m.start)
        {
            continue;
        }
        let items = context::list_items(text, m.end, context::list_end(doc, m.end));
        out.extend(items.into_iter().filter(|i| i.has_noun).map(listed));
    }
    for r in &mut out[first..] {
        context::attribute(doc, r);
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
                    "Kết quả kết nạp đảng viên năm 2024 đạt 78,5% kế hoạch, với 236 đảng viên.",
                    &["236 period=2024 text=236_đảng_viên"],
                ),
                (
                    "Công tác kết nạp đảng viên năm 2023 đạt trên 215 đồng chí.",
                    &["215 q=over period=2023 text=trên_215_đồng_chí"],
                ),
                (
                    "Năm 2024, công tác phát triển đảng viên đạt 150 đồng chí.",
                    &["150 period=2024"],
                ),
                (
                    "Năm 2022, Đảng bộ Quân sự tỉnh kết nạp được 156 đảng viên; Đảng bộ Công an tỉnh kết nạp 88 đảng viên.",
                    &[
                        "156 org=Đảng_bộ_Quân_sự_tỉnh",
                        "88 org=Đảng_bộ_Công_an_tỉnh",
                    ],
                ),
                (
                    "Bình quân mỗi năm, Đảng bộ huyện kết nạp 249 đảng viên/năm.",
                    &["249 text=kết_nạp_249_đảng_viên"],
                ),
                (
                    "Năm 2023, toàn Đảng bộ tỉnh kết nạp được 1.856 đảng viên, đạt 89,15% chỉ tiêu.",
                    &[
                        "1856 unit=members period=2023 org=Đảng_bộ_tỉnh text=kết_nạp_được_1.856_đảng_viên",
                    ],
                ),
                ("Kết nạp 57 đảng viên mới", &["57"]),
                (
                    "Năm 2018, tỉnh ta hoàn thành chỉ tiêu, với tổng số 2.338 đảng viên mới được kết nạp.",
                    &["2338 period=2018"],
                ),
                (
                    "Năm 2023, có 2 học sinh được kết nạp vào Đảng.",
                    &["2 subset=học_sinh period=2023"],
                ),
                (
                    "Từ năm 2015 đến hết năm 2018, bình quân mỗi năm kết nạp được trên 2.400 đảng viên.",
                    &["2400 q=over period=2015/2018"],
                ),
                (
                    "Có chi bộ nay đã phát triển được 1-3 đảng viên trẻ.",
                    &["1..3"],
                ),
                ("Chi bộ kết nạp mới 12 quần chúng ưu tú vào Đảng.", &["12"]),
                ("Huyện kết nạp 25 quần chúng ưu tú vào Đảng.", &["25"]),
                ("Toàn huyện phát triển được 90 đảng viên mới.", &["90"]),
                (
                    "Thành phố đã kết nạp được 415 đảng viên mới; trong đó có 15 đảng viên mới là học sinh, sinh viên.",
                    &["415", "15 subset=học_sinh,_sinh_viên"],
                ),
                (
                    "Một số nơi kết nạp đảng viên khối nông thôn đạt cao như: Mường Tè 93 đồng chí; Phong Thổ 36 đồng chí…",
                    &["93 org=Mường_Tè", "36 org=Phong_Thổ"],
                ),
                (
                    "Một số đơn vị kết nạp nhiều như Mường Tè 93 đồng chí, Phong Thổ 36 đồng chí.",
                    &["93 org=Mường_Tè", "36 org=Phong_Thổ"],
                ),
                (
                    "Năm 2022 kết nạp 300 đảng viên, trong đó: đảng viên nữ là 212 đồng chí, người dân tộc ít người 9 đồng chí.",
                    &["300", "212 subset=nữ", "9 subset=người_dân_tộc_ít_người"],
                ),
                (
                    "Năm 2023 có 45 quần chúng ưu tú vinh dự được đứng vào hàng ngũ của Đảng.",
                    &["45 period=2023"],
                ),
                ("Số đảng viên mới được kết nạp: 98 đồng chí.", &["98"]),
                (
                    "Đảng bộ Quân sự tỉnh kết nạp 85 quân nhân vào Đảng.",
                    &["85 subset=quân_nhân text=kết_nạp_85_quân_nhân_vào_Đảng"],
                ),
                (
                    "Năm 2023 kết nạp 105 đảng viên. Trong đó, đảng viên là người dân tộc thiểu số 96 đồng chí, chiếm 91,4%; đảng viên nữ 41 đồng chí, chiếm 39%.",
                    &[
                        "105 period=2023",
                        "96 subset=người_dân_tộc_thiểu_số",
                        "41 subset=nữ",
                    ],
                ),
                (
                    "Tổng số đảng viên mới kết nạp trong năm 2022 là 302 đồng chí, vượt kế hoạch.",
                    &["302 period=2022"],
                ),
                (
                    "Số quần chúng được kết nạp 6 tháng đầu năm đạt 45 người.",
                    &["45"],
                ),
                (
                    "Trong số đảng viên mới kết nạp, có 412 đảng viên là người dân tộc thiểu số (chiếm 52,4%), 289 đảng viên là nữ.",
                    &["412 subset=người_dân_tộc_thiểu_số", "289 subset=nữ"],
                ),
                (
                    "Chi bộ kết nạp 9 đảng viên, trong đó 4 đảng viên là nữ; 3 đảng viên là đoàn viên.",
                    &["9", "4 subset=nữ", "3 subset=đoàn_viên"],
                ),
                (
                    "Đảng bộ kết nạp 45 đảng viên mới, trong đó 20 đảng viên nữ, 15 đảng viên là đoàn viên thanh niên.",
                    &["45", "20 subset=nữ", "15 subset=đoàn_viên_thanh_niên"],
                ),
                (
                    "Năm 2024 kết nạp 210 đảng viên, trong đó 85 nữ, 60 người dân tộc thiểu số.",
                    &[
                        "210 period=2024",
                        "85 subset=nữ",
                        "60 subset=người_dân_tộc_thiểu_số",
                    ],
                ),
                (
                    "Cụ thể: Đảng bộ huyện Mai Sơn kết nạp 350 đảng viên; Đảng bộ huyện Yên Châu 210 đảng viên; Sốp Cộp 95 đảng viên.",
                    &[
                        "350 org=Đảng_bộ_huyện_Mai_Sơn",
                        "210 org=Đảng_bộ_huyện_Yên_Châu",
                        "95 org=Sốp_Cộp",
                    ],
                ),
                (
                    "Trong năm, các huyện kết nạp được: Bảo Lâm 120 đảng viên, Bảo Lạc 95 đảng viên, Hà Quảng 88 đảng viên.",
                    &["120 org=Bảo_Lâm", "95 org=Bảo_Lạc", "88 org=Hà_Quảng"],
                ),
                (
                    "Năm 2023, toàn tỉnh kết nạp 2.345 đảng viên; năm 2024 là 2.567 đảng viên, năm 2025: 2.600 đồng chí.",
                    &["2345 period=2023", "2567 period=2024", "2600 period=2025"],
                ),
                (
                    "Giai đoạn 2020-2024, toàn tỉnh kết nạp 10.234 đảng viên, bình quân 2.558 đảng viên/năm.",
                    &[
                        "10234 period=2020/2024",
                        "2558 period=2020/2024 text=2.558_đảng_viên/năm",
                    ],
                ),
                (
                    "năm 2020 kết nạp 641 đảng viên; năm 2021 kết nạp 735 đảng viên",
                    &["641 period=2020", "735 period=2021"],
                ),
            ],
        );
    }

    #[test]
    fn traps() {
        check_table(
            extract,
            &[
                ("Trao Huy hiệu 30 năm tuổi Đảng cho 120 đảng viên.", &[]),
                (
                    "Mục tiêu đến năm 2030, kết nạp khoảng 15.000 đảng viên.",
                    &[],
                ),
                (
                    "Năm qua kết nạp 50 đảng viên, nâng tổng số đảng viên lên 3.456 đồng chí, trong đó 1.102 đảng viên nữ.",
                    &["50"],
                ),
                (
                    "Huyện kết nạp 40 đảng viên, trong đó 15 đảng viên sinh hoạt tại chi bộ thôn.",
                    &["40"],
                ),
                (
                    "Toàn tỉnh có 30.044 đảng viên. Trong đó, đảng viên nữ 10.182 đồng chí.",
                    &[],
                ),
                (
                    "Huyện ủy kết nạp 25 đảng viên; chuyển đảng chính thức cho 30 đảng viên.",
                    &["25"],
                ),
                ("Chuyển đảng chính thức cho 165 đảng viên dự bị.", &[]),
                (
                    "Đảng ủy đã xét, đề nghị cấp trên kết nạp 12 quần chúng.",
                    &[],
                ),
                ("Mở lớp bồi dưỡng nhận thức về Đảng cho 76 quần chúng.", &[]),
                (
                    "Có 1.450 đảng viên được giới thiệu về sinh hoạt nơi cư trú.",
                    &[],
                ),
                (
                    "Hội Nông dân kết nạp 5.120 hội viên, Đoàn kết nạp 300 đoàn viên.",
                    &[],
                ),
                ("Toàn tỉnh có 617 tổ chức cơ sở đảng.", &[]),
                (
                    "Năm 2023 kết nạp 20 đảng viên, toàn Đảng bộ có 30 chi bộ với 500 đảng viên.",
                    &["20"],
                ),
                (
                    "Chỉ tiêu kết nạp đảng viên năm 2025 đạt 300 đảng viên.",
                    &[],
                ),
                (
                    "Giới thiệu 84 đảng viên tham gia sinh hoạt tại chi bộ bản.",
                    &[],
                ),
                ("Phấn đấu đến hết nhiệm kỳ kết nạp được 900 đảng viên.", &[]),
                ("Tam Kỳ chỉ tiêu phát triển 150 đảng viên mới.", &[]),
                ("Phải có giải pháp để kết nạp 100% quần chúng hiện có.", &[]),
                ("Số đảng viên được kết nạp đạt 1,8% tổng số đảng viên.", &[]),
                (
                    "Các đảng bộ kết nạp vượt chỉ tiêu như: Công an tỉnh (153,33%); Mai Châu (102,47%).",
                    &[],
                ),
            ],
        );
    }
}
