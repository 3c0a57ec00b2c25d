//! `percentage`: every number followed by `%` or `phần trăm`, ranges as one record, with a role.

use std::sync::LazyLock;

use regex::Regex;

use super::{AnyWord, Doc, LETTERS, WindowPattern};
use crate::record::{Kind, Qualifier, Record, Role, Value};
use crate::text::numbers::{DECIMAL, QUALIFIER, QUALIFIER_WORDS, parse_decimal, qualifier};

/// A percentage figure before its role is known; [`super::target`] reuses it.
#[derive(Debug, Clone)]
pub struct Percent {
    pub start: usize,
    pub end: usize,
    /// Where the number itself starts (after `từ` and a qualifier word).
    pub number_start: usize,
    pub value: f64,
    pub value_max: Option<f64>,
    pub qualifier: Option<Qualifier>,
    pub role: Role,
}

static PERCENT: LazyLock<WindowPattern> = LazyLock::new(|| {
    let any = |words: &[&str]| {
        words
            .iter()
            .map(|w| regex::escape(w))
            .collect::<Vec<_>>()
            .join("|")
    };
    let (sign, join, tail) = (any(&PERCENT_SIGNS), any(&RANGE_JOINS), any(&TAILS));
    WindowPattern::new(&format!(
        r"(?:[Tt]ừ )?(?:{QUALIFIER} )?(?:{DECIMAL})(?:{sign})?(?:{join})(?:{DECIMAL})(?:{sign})(?:{tail})?|(?:{QUALIFIER} )?(?:{DECIMAL})(?:{sign})(?:{tail})?"
    ))
    .expect("percentage pattern")
});

/// Before a `hơn` that compares (`cao hơn 2%`: higher by 2%) rather than qualifies (`hơn 2%`:
/// over 2%).
const COMPARATIVES: [&str; 4] = ["cao", "thấp", "nhiều", "ít"];

/// A regex alternation of `words`, each with its first letter in either case: `[Cc]ao|[Tt]hấp`.
fn either_case_first(words: &[&str]) -> String {
    let alternatives: Vec<String> = words
        .iter()
        .map(|w| {
            let mut chars = w.chars();
            let first = chars.next().unwrap_or_default();
            format!("[{}{first}]{}", first.to_uppercase(), chars.as_str())
        })
        .collect();
    alternatives.join("|")
}

/// `tăng 11,7%`, `đã giảm 2%`, `cao hơn 2%`: the figure is a change.
static CHANGE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let comparatives = either_case_first(&COMPARATIVES);
    Regex::new(&format!(
        r"(?:[Tt]ăng(?: trưởng)?|[Gg]iảm)(?: thêm| được| lên| xuống| hơn| gần| trên| khoảng| bình quân)* $|(?:^|[^\w])(?:{comparatives}) hơn $"
    ))
    .expect("change pattern")
});

/// Words that make the figure a goal when they come earlier in its sentence.
static TARGET_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    // `Chỉ tiêu là`, `Chỉ tiêu nghị quyết là`, `chỉ tiêu của Đảng bộ huyện là`: a few words between.
    Regex::new(&format!(
        r"[Pp]hấn đấu|[Mm]ục tiêu|[Cc]hỉ tiêu(?: [{LETTERS}]+){{0,4}} là|phải (?:đạt|có)|để (?:kết nạp|đạt|phát triển)"
    ))
    .expect("target pattern")
});

/// A plan reached: `89,15% chỉ tiêu`, `102% kế hoạch`, `102,5%/KH`, `bằng 112% NQ`, `vượt 8,5% so
/// với mức cao nhất Nghị quyết đề ra`, `bằng 46,25% số đảng viên dự kiến kết nạp`.
static ACHIEVED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    // `KH` then a non-word character: a Unicode `\b` would keep this pattern off the DFA.
    Regex::new(
        r"^\)? ?(?:so với |so |của |/ ?)?(?:mức (?:cao nhất |tối đa |tối thiểu )?(?:của |theo )?)?(?:chỉ tiêu|kế hoạch|dự toán|(?:KH|NQ)(?:[^\w]|$)|Nghị quyết|nghị quyết|số (?:đảng viên |ĐV )?(?:dự kiến|được giao))",
    )
    .expect("achievement pattern")
});
static ACHIEVED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:vượt|hoàn thành|đạt) (?:mức |và vượt )?(?:chỉ tiêu|kế hoạch)")
        .expect("achievement pattern")
});

/// [`ACHIEVED_BEFORE`] in `before`. The words the pattern ends with are rarer than the ones it
/// starts with (`đạt` is everywhere), so they are looked for first.
fn achieved_before(before: &str) -> bool {
    PLAN_NAMES.in_text(before) && ACHIEVED_BEFORE.is_match(before)
}

/// The plans [`ACHIEVED_BEFORE`] ends with.
static PLAN_NAMES: LazyLock<AnyWord> = LazyLock::new(|| AnyWord::new(&["chỉ tiêu", "kế hoạch"]));

static RATE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[Tt]ỷ lệ|[Tt]ỉ lệ|chiếm)(?: đạt| là)? $").expect("rate pattern")
});

/// The parts of a [`PERCENT`] match, read back from its text: the pattern's shape makes them
/// unambiguous (the numbers are the runs of digits, `.` and `,`; the words around them are fixed), so
/// the match is found by the DFA alone and the capture engine, most of this kind's cost, never runs.
/// Offsets are within the match.
#[derive(Debug, PartialEq)]
struct PercentParts<'t> {
    from: bool,
    qualifier: Option<&'t str>,
    number: std::ops::Range<usize>,
    max: Option<&'t str>,
    tail: Option<&'t str>,
}

/// The fixed parts of [`PERCENT`], longest first where one begins another.
const PERCENT_SIGNS: [&str; 3] = ["%", " %", " phần trăm"];
const TAILS: [&str; 3] = [" trở lên", " ít nhất", " tối thiểu"];
const RANGE_JOINS: [&str; 8] = [
    " đến dưới ",
    " đến trên ",
    " đến hết ",
    " đến ",
    " - ",
    " -",
    "- ",
    "-",
];

/// The length of `word` at the start of `s`, its first letter in either case (`[Tt]rên`).
fn word_at(s: &str, word: &str) -> Option<usize> {
    let mut s_chars = s.chars();
    let mut w_chars = word.chars();
    let (first, want) = (s_chars.next()?, w_chars.next()?);
    (first.to_lowercase().eq(want.to_lowercase()) && s_chars.as_str().starts_with(w_chars.as_str()))
        .then(|| first.len_utf8() + w_chars.as_str().len())
}

/// Reads the parts of `m`, a whole match of [`PERCENT`].
fn parts(m: &str) -> PercentParts<'_> {
    let rest = |at: usize| &m[at..];
    let skip = |at: usize, words: &[&'static str]| {
        words
            .iter()
            .find(|w| rest(at).starts_with(**w))
            .map_or(at, |w| at + w.len())
    };
    let number_end = |at: usize| {
        at + rest(at)
            .bytes()
            .position(|b| !(b.is_ascii_digit() || b == b'.' || b == b','))
            .unwrap_or(m.len() - at)
    };
    let tail_at = |at: usize| {
        TAILS
            .iter()
            .find(|t| rest(at) == **t)
            .map(|t| t.trim_start())
    };
    let mut at = 0;
    // Most figures start with their number: no words to look for.
    let worded = !m.starts_with(|c: char| c.is_ascii_digit());
    let from = worded && word_at(m, "từ ").inspect(|n| at += n).is_some();
    let qualifier = QUALIFIER_WORDS.iter().filter(|_| worded).find_map(|w| {
        let n = word_at(rest(at), w)?;
        rest(at)[n..].starts_with(' ').then(|| &rest(at)[..n])
    });
    if let Some(q) = qualifier {
        at += q.len() + 1;
    }
    let number = at..number_end(at);
    let after_sign = skip(number.end, &PERCENT_SIGNS);
    let single =
        after_sign > number.end && (after_sign == m.len() || tail_at(after_sign).is_some());
    let (max, tail) = if single {
        (None, tail_at(after_sign))
    } else {
        let b = skip(after_sign, &RANGE_JOINS);
        let b_end = number_end(b);
        (Some(&m[b..b_end]), tail_at(skip(b_end, &PERCENT_SIGNS)))
    };
    PercentParts {
        from,
        qualifier,
        number,
        max,
        tail,
    }
}

/// Percentages with their roles; callers use [`Doc::percents`], which keeps them.
pub fn find(doc: &Doc) -> Vec<Percent> {
    let text = doc.text;
    let mut anchors: Vec<usize> = memchr::memchr_iter(b'%', text.as_bytes()).collect();
    anchors.extend(memchr::memmem::find_iter(text.as_bytes(), "phần trăm"));
    anchors.sort_unstable();
    super::window_matches(&PERCENT, text, &super::windows(text, anchors, 64, 40))
        .into_iter()
        .filter_map(|whole| {
            let found = parts(&text[whole.clone()]);
            let number = whole.start + found.number.start..whole.start + found.number.end;
            // A number glued to a letter or digit before it is part of something else.
            if text[..number.start]
                .chars()
                .next_back()
                .is_some_and(|p| p.is_alphanumeric() || p == '.' || p == ',')
                && found.qualifier.is_none()
                && !found.from
            {
                return None;
            }
            let value = parse_decimal(&text[number.clone()])?;
            let value_max = match found.max {
                Some(b) => Some(parse_decimal(b)?),
                None => None,
            };
            let compares = found
                .qualifier
                .is_some_and(|q| q.eq_ignore_ascii_case("hơn"))
                && {
                    let near =
                        &text[text.floor_char_boundary(whole.start.saturating_sub(8))..whole.start];
                    let near = near.to_lowercase();
                    COMPARATIVES
                        .iter()
                        .any(|c| near.strip_suffix(' ').is_some_and(|n| n.ends_with(c)))
                };
            let qual = found
                .qualifier
                .filter(|_| !compares)
                .and_then(qualifier)
                .or(found.tail.and_then(qualifier));
            let mut p = Percent {
                start: if compares { number.start } else { whole.start },
                end: whole.end,
                number_start: number.start,
                value,
                value_max,
                qualifier: qual,
                role: Role::Share,
            };
            let minimum = found.tail.is_some() || qual == Some(Qualifier::AtLeast);
            p.role = role(doc, &p, minimum);
            Some(p)
        })
        .collect()
}

/// True when `before` ends with the plan the figure is (`chưa đạt chỉ tiêu 3%`), not the one it
/// exceeds (`vượt chỉ tiêu 15%`).
fn names_the_plan(before: &str) -> bool {
    ["chỉ tiêu ", "chỉ tiêu đề ra ", "chỉ tiêu được giao "]
        .iter()
        .find_map(|w| before.strip_suffix(w))
        .is_some_and(|rest| !rest.ends_with("vượt ") && !rest.ends_with("vượt mức "))
}

/// What the role rules read around a figure.
struct Around<'a> {
    doc: &'a Doc<'a>,
    p: &'a Percent,
    /// A minimum is written (`3% trở lên`, `ít nhất 3%`).
    minimum: bool,
    /// The figure's sentence before it, its last 40 bytes, and the sentence after it.
    before: &'a str,
    near_before: &'a str,
    after: &'a str,
    /// The figure's statement: its sentence before it, from the last `;` (found once, as most
    /// rules read it).
    statement: &'a str,
}

/// A frame a figure may stand in, read from what is around it.
type Rule = fn(&Around) -> bool;

/// The role rules, in order: the first that holds gives the figure its role, and a figure no rule
/// holds for is a `share`. Each rule reads one frame the figure may stand in.
const ROLE_RULES: [(Role, Rule); 10] = [
    (Role::Target, in_goal_list),
    (Role::Change, changes),
    (Role::Target, aimed_at),
    (Role::Target, plan_after_slash),
    (Role::Target, with_planned_count),
    (Role::Achievement, plan_after),
    (Role::Achievement, admitted_against_plan),
    (Role::Share, rate),
    (Role::Achievement, plan_reached_before),
    (Role::Achievement, unit_item_after_plan),
];

fn role(doc: &Doc, p: &Percent, minimum: bool) -> Role {
    let before = doc.before(p.start);
    let around = Around {
        doc,
        p,
        minimum,
        before,
        near_before: &before[before.floor_char_boundary(before.len().saturating_sub(40))..],
        after: doc.after(p.end),
        statement: &before[memchr::memrchr(b';', before.as_bytes()).map_or(0, |i| i + 1)..],
    };
    ROLE_RULES
        .iter()
        .find(|(_, holds)| holds(&around))
        .map_or(Role::Share, |(role, _)| *role)
}

/// `tăng 11,7%`, `cao hơn 2%`.
fn changes(a: &Around) -> bool {
    CHANGE_BEFORE.is_match(a.near_before)
}

/// A goal in the figure's clause: `phấn đấu đạt 3%`, `chỉ tiêu là 3,5%`, `chưa đạt chỉ tiêu 3%`,
/// `chỉ tiêu năm 2025 tương đương khoảng 3,1%`, `Nghị quyết … xác định hằng năm kết nạp … 3%`, a
/// minimum.
fn aimed_at(a: &Around) -> bool {
    let statement = a.statement;
    // `phấn đấu`, `đặt mục tiêu` govern the rest of their sentence, past `;`, until something is
    // done.
    let striving = || {
        STRIVING_WORDS.in_text(a.before)
            && ["hấn đấu", "đặt mục tiêu", "đề ra mục tiêu"]
                .iter()
                .filter_map(|w| a.before.rfind(w))
                .max()
                .filter(|&at| {
                    !a.before[at..].starts_with('h') || a.before[..at].ends_with(['p', 'P'])
                })
                .is_some_and(|at| {
                    !["đã ", "ết quả", "đạt được"]
                        .iter()
                        .any(|w| a.before[at..].contains(w))
                })
    };
    a.minimum
        || striving()
        || names_the_plan(a.near_before)
        || TARGET_BEFORE.is_match(statement)
        || PLAN_SET_WORDS.in_text(statement)
            && PLAN_SETS.find_iter(statement).any(|m| {
                let before = statement[..m.start()].trim_end();
                !["đạt", "vượt", "thành", "so với"]
                    .iter()
                    .any(|w| before.ends_with(w))
            })
}

/// `phấn đấu`, `đặt mục tiêu` and `đề ra mục tiêu` (see [`aimed_at`]) each hold one of these:
/// looked for forward first, as most sentences hold none and a backward search is slow.
static STRIVING_WORDS: LazyLock<AnyWord> = LazyLock::new(|| AnyWord::new(&["hấn đấu", "mục tiêu"]));

/// Words every [`PLAN_SETS`] match holds: a cheap look before the pattern.
static PLAN_SET_WORDS: LazyLock<AnyWord> = LazyLock::new(|| AnyWord::new(&["tiêu", "ghị quyết"]));

/// A plan that sets the figure after it: `chỉ tiêu năm 2025 tương đương 3,1%`, `giao chỉ tiêu kết
/// nạp bằng 3,2%`, `Nghị quyết … xác định …`.
static PLAN_SETS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"[Cc]hỉ tiêu(?: [{LETTERS}0-9]+){{0,4}} (?:tương đương|bằng)|[Nn]ghị quyết[^;.]{{0,100}} (?:xác định|đặt ra)"
    ))
    .expect("plan sets pattern")
});

/// `86,7%/80%`: the plan after the slash of a figure reached.
fn plan_after_slash(a: &Around) -> bool {
    a.near_before.ends_with("%/")
}

/// A figure with a planned count before it in its statement: `sẽ kết nạp mới 320 đảng viên,
/// bằng 6,2% số đảng viên`, `chỉ tiêu mỗi năm kết nạp 100 - 110 đảng viên, trong đó … chiếm trên
/// 50%`. The count frames decide what is planned.
fn with_planned_count(a: &Around) -> bool {
    let statement = a.statement;
    // The count frames run only where the statement counts people (a cheap look first: when
    // percentages alone are extracted, the frames are not otherwise needed).
    if !COUNTED_PEOPLE.in_text(statement) {
        return false;
    }
    let from = a.p.start - statement.len();
    let counts = a.doc.counts();
    let before = counts.partition_point(|c| c.mention.end <= a.p.start);
    before > 0 && {
        let c = &counts[before - 1];
        // A planned total, not a part of one; nothing done measured against it in between (`kế
        // hoạch năm (1.650 đảng viên), kết quả quý I đạt 24,4%`).
        let between = &a.doc.text[c.mention.end.min(a.p.start)..a.p.start];
        // A plan's figure in parentheses is an aside: what follows it goes on with the statement
        // around it (`kết nạp 437 đảng viên, đạt 109,25% kế hoạch (400 đảng viên) và bằng 2,86%
        // tổng số đảng viên`), not with the plan (`sẽ kết nạp 320 đảng viên, bằng 6,2% …`).
        c.mention.start >= from
            && c.kind == Kind::Target
            && c.total.is_none()
            && c.subset.is_none()
            && !between.starts_with(')')
            && !DONE_WORDS.iter().any(|w| between.contains(w))
    }
}

/// Words a statement counting people holds (see [`with_planned_count`]).
static COUNTED_PEOPLE: LazyLock<AnyWord> =
    LazyLock::new(|| AnyWord::new(&["đảng viên", "ĐV", "đồng chí", "quần chúng", "học sinh"]));

/// Words saying what follows was done, not planned.
const DONE_WORDS: [&str; 5] = ["đạt", "ết quả", "ết nạp", "đã ", "được "];

/// The plan right after the figure (`102% kế hoạch`), unless another percentage in its clause
/// makes it a comparison (`1,8% so chỉ tiêu là 3%`; `52,2% kế hoạch và tăng 8,6%` is two).
fn plan_after(a: &Around) -> bool {
    // Past `)` and a space, every [`ACHIEVED_AFTER`] match opens with one of these bytes: a look
    // before the pattern, as most figures are followed by something else (`,`, `.`, `đảng viên`).
    let after = a.after.as_bytes();
    let after = after.strip_prefix(b")").unwrap_or(after);
    let after = after.strip_prefix(b" ").unwrap_or(after);
    after.first().is_some_and(|b| b"sc/mkdKNn".contains(b)) && ACHIEVED_AFTER.is_match(a.after) && {
        let clause_end = [", ", ";", "(", " và "]
            .iter()
            .filter_map(|m| a.after.find(m))
            .min()
            .unwrap_or(a.after.len());
        !a.after[..clause_end].contains('%')
    }
}

/// `tỷ lệ 1,8%`, `chiếm 41,3%`, `tỷ lệ chi bộ hoàn thành tốt nhiệm vụ đạt 91,4%`: a rate, even
/// after `vượt chỉ tiêu`; not `tỷ lệ hoàn thành chỉ tiêu … đạt 105%`.
fn rate(a: &Around) -> bool {
    let statement = a.statement.trim_start();
    let rate_of = ["tỷ lệ", "Tỷ lệ", "tỉ lệ", "Tỉ lệ"]
        .iter()
        .any(|w| statement.starts_with(w))
        && !names_a_plan(statement);
    RATE_BEFORE.is_match(a.near_before) || rate_of
}

/// `vượt chỉ tiêu …`, `hoàn thành kế hoạch …` earlier in the figure's statement.
fn plan_reached_before(a: &Around) -> bool {
    achieved_before(a.statement)
}

/// Words that name a plan a count is measured against (without a first letter that may be a
/// capital).
const PLAN_WORDS: [&str; 8] = [
    "hỉ tiêu",
    "ế hoạch",
    "KH",
    "ghị quyết",
    "NQ",
    "được giao",
    "giao ",
    "đề ra",
];

/// [`PLAN_WORDS`], prepared.
static PLAN_WORD_FINDERS: LazyLock<AnyWord> = LazyLock::new(|| AnyWord::new(&PLAN_WORDS));

/// True when `text` names a plan, or gives a count against one (`187/200 đảng viên`).
fn names_a_plan(text: &str) -> bool {
    PLAN_WORD_FINDERS.in_text(text) || COUNT_OF_PLAN.is_match(text)
}

/// `187/200 đảng viên`: admitted over planned.
static COUNT_OF_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9]/[0-9.]+ (?:đảng viên|ĐV|đồng chí|quần chúng)").expect("count of plan")
});

/// True when a plan is named in the figure's sentence before it, in the two sentences before,
/// or above the list lines the figure's line continues.
fn plan_in_scope(a: &Around) -> bool {
    names_a_plan(a.before) || lines_above(a.doc, a.p.start).any(names_a_plan)
}

/// The sentences before the one holding `pos`, nearest first: two, and on up while they are
/// lines of a list (`- Năm 2022: …`), to the line that opens it.
fn lines_above<'a>(doc: &'a Doc<'a>, pos: usize) -> impl Iterator<Item = &'a str> + 'a {
    let text = doc.text;
    let mut line = doc.sentence(pos);
    let mut taken = 0;
    let mut listed = true;
    std::iter::from_fn(move || {
        if !(listed || taken < 2) || line.start == 0 {
            return None;
        }
        let previous = doc.sentence(line.start - 1);
        let above = &text[previous.start..line.start];
        listed = is_list_line(above);
        line = previous;
        taken += 1;
        Some(above)
    })
    .take(16)
}

/// `… kết nạp 187 đảng viên (chỉ tiêu 200), đạt tỷ lệ 93,5%`, `bằng 112%`, `So với kế hoạch năm, kết
/// quả quý I đạt 24,4%`: the share of the plan an admission reached. A rate of members (`đạt tỷ
/// lệ 1,8% trên tổng số`) is a few percent, a plan's share tens of percent, so a figure under 20
/// after `tỷ lệ`, or under 10, stays a rate.
fn admitted_against_plan(a: &Around) -> bool {
    // The verb opens its clause, right after the admission (`đảng viên nữ đạt tỷ lệ 45%` is not).
    let clause = &a.before[last_byte_of(a.before, b",;(").map_or(0, |i| i + 1)..];
    let least = if clause.contains("lệ") { 20.0 } else { 10.0 };
    a.p.value >= least
        && REACHED.is_match(clause)
        && (ADMITTED.in_text(a.statement) || AGAINST_PLAN.in_text(a.before))
        && !OF_MEMBERS_AFTER.is_match(a.after)
        && plan_in_scope(a)
}

/// Words of an admission, and of a comparison with the plan (see [`admitted_against_plan`]).
static ADMITTED: LazyLock<AnyWord> = LazyLock::new(|| AnyWord::new(&["ết nạp", "hát triển được"]));
static AGAINST_PLAN: LazyLock<AnyWord> =
    LazyLock::new(|| AnyWord::new(&["o với kế hoạch", "o với chỉ tiêu"]));

/// Where the last of the ASCII `marks` in `s` is: a byte search, where a search for characters
/// decodes each one from the end.
fn last_byte_of(s: &str, marks: &[u8]) -> Option<usize> {
    s.bytes().rposition(|b| marks.contains(&b))
}

/// A clause that is only `đạt`, `đạt tỷ lệ` or `bằng` before its figure, or the result's
/// (`kết quả quý I đạt`).
static REACHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^ ?(?:và )?(?:kết quả[^,;]{0,30} )?(?:(?:chỉ|mới) )?(?:đạt|bằng|hoàn thành)(?: tỷ lệ| tỉ lệ)? $",
    )
        .expect("reached pattern")
});

/// After a rate of members: what it is a rate of.
static OF_MEMBERS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ (?:trên |so với )?(?:tổng số|dân số|số đảng viên)").expect("of members")
});

/// Lower-case words a unit's name may open with.
const UNIT_WORDS: [&str; 8] = [
    "đảng bộ ",
    "huyện ",
    "xã ",
    "thị xã ",
    "thành phố ",
    "quận ",
    "phường ",
    "chi bộ ",
];

/// One item of a per-unit list, up to its figure: a unit (`Đảng bộ huyện A`, `Mường Tè`) or a
/// count alone (`- Năm 2022: 252 đảng viên (đạt 100,8%)`), the unit perhaps with its admitted
/// count, then `đạt` or `bằng`: `A kết nạp 210 ĐV, đạt 116,7%; B 103,2%; C 38 đảng viên (31,7%)`.
static UNIT_ITEM: LazyLock<WindowPattern> = LazyLock::new(|| {
    let count = "[0-9.]+ (?:ĐV|đảng viên|đồng chí|học sinh|sinh viên|quần chúng)(?: mới)?";
    let unit_words = either_case_first(&UNIT_WORDS);
    WindowPattern::new(&format!(
        r"^ ?(?:và |- |riêng |còn )?(?:(?:[A-ZĐ]|{unit_words})[{LETTERS} ]{{0,60}}?(?: (?:(?:chỉ )?(?:mới )?kết nạp(?: được)?(?: mới)? )?{count})?|{count})(?:,? (?:đạt|bằng))?(?: \((?:đạt |bằng )?)? ?$"
    ))
    .expect("unit item pattern")
});

/// Groups a list item may name instead of a unit (a breakdown's share, not a plan's), and words
/// of a rate.
const NOT_UNITS: [&str; 11] = [
    "nữ",
    "Nữ",
    "dân tộc",
    "đoàn viên",
    "học sinh",
    "sinh viên",
    "tôn giáo",
    "người",
    "ỷ lệ",
    "ỉ lệ",
    "chiếm",
];

/// [`NOT_UNITS`], prepared.
static NOT_UNIT_WORDS: LazyLock<AnyWord> = LazyLock::new(|| AnyWord::new(&NOT_UNITS));

/// ` như ` (`đạt cao như: …`) looked for forward first: a backward search is slow, and rare
/// sentences hold it.
static LIKE: LazyLock<AnyWord> = LazyLock::new(|| AnyWord::new(&[" như "]));

/// An item of a per-unit list after a plan (`Tỉnh giao chỉ tiêu …. A kết nạp 210 ĐV, đạt 116,7%;
/// B 103,2%; C đạt 91%`): each item the share of its unit's plan it reached.
fn unit_item_after_plan(a: &Around) -> bool {
    let item_start = last_byte_of(a.before, b";:")
        .map(|i| i + 1)
        .into_iter()
        .chain(
            LIKE.in_text(a.before)
                .then(|| a.before.rfind(" như "))
                .flatten()
                .map(|i| i + " như".len()),
        )
        .max();
    let item = &a.before[item_start.unwrap_or(0)..];
    // A label, a count and a verb take some 130 bytes at most, and the item opens with a capital,
    // a count or a unit's word: cheap looks before the pattern.
    let opening = ["và ", "- ", "riêng ", "còn "]
        .iter()
        .fold(item.trim_start(), |rest, w| {
            rest.strip_prefix(w).unwrap_or(rest)
        });
    let may_open = opening.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        || UNIT_WORDS.iter().any(|w| opening.starts_with(w));
    if item.len() > 160 || !may_open || UNIT_ITEM.find_at(item, 0).is_none() {
        return false;
    }
    // The label is what stands before the count, if one is given; read without the capture engine.
    let count_at = item.find(|c: char| c.is_ascii_digit());
    let label = &item[..count_at.unwrap_or(item.len())];
    // The first item of a list (no `;` before it) gives the unit's admitted count.
    let listed = item_start.is_some() || count_at.is_some() && a.after.contains(';');
    listed && !NOT_UNIT_WORDS.in_text(label) && plan_in_scope(a)
}

/// Where a list of goals is named: `các chỉ tiêu chủ yếu`, `12 chỉ tiêu`, `mục tiêu cụ thể`, a goal
/// word a colon follows.
static GOAL_HEAD: LazyLock<WindowPattern> = LazyLock::new(|| {
    WindowPattern::new(r"(?:[Cc]ác|[Nn]hững|[Mm]ột số|[0-9]+) (?:chỉ tiêu|mục tiêu)|(?:[Cc]hỉ tiêu|[Mm]ục tiêu) (?:chủ yếu|cụ thể|cơ bản|chính|trọng tâm)|(?:[Cc]hỉ tiêu|[Mm]ục tiêu)[^.;:]{0,60}:")
        .expect("goal head pattern")
});

/// The goal heads of `text` in order (see [`GOAL_HEAD`]).
fn goal_heads(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        // Every head holds `tiêu` at most 17 bytes (`Một số chỉ `) or a number and ` chỉ ` after
        // its start: the pattern runs from there, not over the whole sentence before it. No head
        // starts earlier, so the leftmost one found is the same.
        let word = at + TIEU.find(&bytes[at..])?;
        let mut from = text.floor_char_boundary(word.saturating_sub(HEAD_BEFORE_TIEU));
        while from > 0 && bytes[from - 1].is_ascii_digit() {
            from -= 1;
        }
        let head = GOAL_HEAD.find_at(text, from.max(at))?;
        at = head.end;
        Some(head)
    })
}

/// The word every goal head holds, and the most bytes a head has before it but for a number.
static TIEU: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("tiêu"));
const HEAD_BEFORE_TIEU: usize = "Một số chỉ ".len();

/// Verbs that adopt a list of goals: `Đại hội thông qua 19 chỉ tiêu …`, `với một số chỉ tiêu chủ
/// yếu …`.
static ADOPTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:đề ra|thông qua|xác định|đặt ra|với|gồm) $").expect("adopting pattern")
});

/// Words that make a named list of goals one of results (`Kết quả thực hiện các chỉ tiêu:`,
/// `các chỉ tiêu chủ yếu đều đạt và vượt`).
const RESULT_WORDS: [&str; 6] = ["đạt", "vượt", "hoàn thành", "đã ", "ết quả", "thực hiện"];

/// True when `text` names a list of goals that runs to its end: a head with a colon after it, or
/// one a verb adopts, with no word of results around it.
fn opens_goal_list(text: &str) -> bool {
    goal_heads(text).any(|head| {
        let lead = &text[text.floor_char_boundary(head.start.saturating_sub(24))..head.start];
        let colon = text[head.start..].find(':').map(|i| head.start + i);
        let named = &text[head.start..colon.unwrap_or(head.end)];
        let adopting = ADOPTS.find(lead);
        // `Đại hội đã thông qua 16 chỉ tiêu`: `đã` of the adopting verb says no result.
        let said_before = adopting.map_or(lead, |verb| {
            let before = lead[..verb.start()].trim_end();
            before.strip_suffix("đã").unwrap_or(before)
        });
        (colon.is_some() || adopting.is_some())
            && !RESULT_WORDS
                .iter()
                .any(|w| named.contains(w) || said_before.contains(w))
    })
}

/// A sentence opened by a goal and its time alone: `Phấn đấu đến năm 2025, 50% số xã …; 95% …`.
static GOAL_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[Mm]ục tiêu|[Pp]hấn đấu)(?: (?:từ nay )?(?:đến|tới|trong)(?: hết| cuối)? (?:năm [0-9]{4}|nhiệm kỳ(?: [0-9]{4} ?- ?[0-9]{4})?|giai đoạn(?: [0-9]{4} ?- ?[0-9]{4})?))?[,:]")
        .expect("goal opening pattern")
});

/// True when `line` continues a list: a bullet (`- `, `+ `, `• `, `* `) or a numbered or lettered
/// item (`1. `, `2) `, `a) `).
fn is_list_line(line: &str) -> bool {
    let b = line.as_bytes();
    let numbered = b.iter().take_while(|c| c.is_ascii_digit()).count();
    line.strip_prefix(super::BULLETS)
        .is_some_and(|rest| rest.starts_with(' '))
        || (1..=2).contains(&numbered)
            && matches!(b.get(numbered..numbered + 2), Some([b'.' | b')', b' ']))
        || b.first().is_some_and(u8::is_ascii_lowercase) && b.get(1..3) == Some(b") ")
}

/// A figure inside a list of goals, whatever its verb (`các chỉ tiêu chủ yếu đến năm 2030: tăng
/// trưởng 8%; tỷ lệ che phủ rừng đạt 45%; 95% số xã …`): named in its sentence, or in the
/// sentence before its bulleted lines, or before a sentence that opens with `Cụ thể`.
fn in_goal_list(a: &Around) -> bool {
    // Every goal head holds `tiêu` (looked for first by [`goal_heads`]) and every goal opening
    // starts with `M` or `P`: cheap looks before the patterns, as this runs for every figure.
    if opens_goal_list(a.before)
        || a.before.starts_with(['M', 'm', 'P', 'p']) && GOAL_OPENING.is_match(a.before)
    {
        return true;
    }
    let (doc, text) = (a.doc, a.doc.text);
    let mut line = doc.sentence(a.p.start);
    let specific = text[line.clone()].starts_with("Cụ thể");
    // Up a few bulleted lines to the one that names the list.
    for _ in 0..16 {
        let listed = specific || is_list_line(&text[line.clone()]);
        if !listed || line.start == 0 {
            return false;
        }
        let previous = doc.sentence(line.start - 1);
        let head = text[previous.start..line.start].trim_end();
        if specific || head.ends_with(':') {
            return opens_goal_list(head)
                || specific && goal_heads(head).next().is_some() && !head.contains("ết quả");
        }
        line = previous;
    }
    false
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
                    "Đại hội đã thông qua 16 chỉ tiêu chủ yếu đến năm 2025, trong đó: tốc độ tăng trưởng bình quân 7,5%/năm; tỷ lệ che phủ rừng đạt 52%.",
                    &["7.5 role=target", "52 role=target"],
                ),
                // After a plan's figure in parentheses, the admitted's share; after a planned
                // count, the plan's.
                (
                    "Năm 2023, thành phố kết nạp được 437 đảng viên, đạt 109,25% kế hoạch (400 đảng viên) và bằng 2,86% tổng số đảng viên đầu năm.",
                    &["109.25 role=achievement", "2.86 role=share"],
                ),
                (
                    "Năm 2024, Đảng ủy Khối sẽ kết nạp mới 320 đảng viên, bằng 6,2% số đảng viên cuối năm 2023.",
                    &["6.2 role=target"],
                ),
                (
                    "Đảng bộ Công an tỉnh kết nạp 19 đảng viên, đạt 54,29% chỉ tiêu; Đảng bộ thị xã Bản Lìm mới kết nạp 21 đảng viên, chỉ đạt 17,5%.",
                    &["54.29 role=achievement", "17.5 role=achievement"],
                ),
                (
                    "Năm 2023 kết nạp được 56 đảng viên, đạt 89,15% chỉ tiêu, tăng 11,7% so với năm 2022.",
                    &["89.15 role=achievement", "11.7 role=change"],
                ),
                (
                    "Toàn tỉnh kết nạp 300 đảng viên mới, đạt 102% kế hoạch.",
                    &["102 role=achievement"],
                ),
                (
                    "Kết nạp 205 đảng viên, đạt 102,5%/KH năm.",
                    &["102.5 role=achievement"],
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
                (
                    "Chỉ tiêu của Đảng bộ huyện là kết nạp 3,5% so với tổng số đảng viên.",
                    &["3.5 role=target"],
                ),
                (
                    "Chỉ tiêu được giao hoàn thành, tỷ lệ đạt 98%.",
                    &["98 role=share"],
                ),
                ("Các xã tăng 12% số hộ khá.", &["12 role=change"]),
                (
                    "Tỷ lệ kết nạp đạt 2,1%, chưa đạt chỉ tiêu 3%; huyện vượt chỉ tiêu 15%.",
                    &["2.1 role=share", "3 role=target", "15 role=achievement"],
                ),
                (
                    "Số đảng viên kết nạp cao hơn 2% so với cùng kỳ; hơn 90% chi bộ đạt.",
                    &["2 role=change text=2%", "90 q=over role=share"],
                ),
                (
                    "Mục tiêu kết nạp 500 đảng viên; tỷ lệ đảng viên nữ chiếm 41,3%.",
                    &["41.3 role=share"],
                ),
                (
                    "Năm 2022 số đảng viên kết nạp vượt chỉ tiêu và đạt tỷ lệ 1,8% trên tổng số đảng viên.",
                    &["1.8 role=share"],
                ),
                // Each item of a per-unit list after a plan is an achievement.
                (
                    "Tỉnh ủy giao chỉ tiêu kết nạp 1.500 đảng viên. Huyện A kết nạp 210 ĐV, đạt 116,7%; huyện B 103,2%; huyện C đạt 91%.",
                    &[
                        "116.7 role=achievement",
                        "103.2 role=achievement",
                        "91 role=achievement",
                    ],
                ),
                (
                    "Công an tỉnh kết nạp 25 ĐV, đạt 110% chỉ tiêu được giao; huyện Bắc Sơn kết nạp 40 ĐV, đạt 60,2%; riêng huyện Nam Sơn chỉ mới kết nạp được 10 ĐV, đạt 15,5%.",
                    &[
                        "110 role=achievement",
                        "60.2 role=achievement",
                        "15.5 role=achievement",
                    ],
                ),
                (
                    "Toàn tỉnh kết nạp 187 đảng viên, đạt 24,93% so với kế hoạch. Trong đó, các đảng bộ đạt cao như: Đảng bộ Quân sự tỉnh đạt 61,90%; Đảng bộ huyện Ninh Sơn 45,16%.",
                    &[
                        "24.93 role=achievement",
                        "61.9 role=achievement",
                        "45.16 role=achievement",
                    ],
                ),
                // A breakdown after a plan, and a list with no plan, are shares.
                (
                    "Năm 2023 kết nạp 120 đảng viên, đạt 102% kế hoạch. Trong đó, nữ 40%; đoàn viên 55%.",
                    &["102 role=achievement", "40 role=share", "55 role=share"],
                ),
                (
                    "Năm 2023, Đảng bộ huyện A kết nạp 21 ĐV, chiếm 10%; huyện B 8% số thôn có chi bộ.",
                    &["10 role=share", "8 role=share"],
                ),
                (
                    "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ đạt 92,5% (chỉ tiêu Nghị quyết là 90%); có 85% chi bộ tốt.",
                    &["92.5 role=share", "90 role=target", "85 role=share"],
                ),
                // An admission against a plan: the share of it reached.
                (
                    "Năm 2023 kết nạp 187 đảng viên, bằng 112% NQ.",
                    &["112 role=achievement"],
                ),
                (
                    "Năm 2023 toàn Đảng bộ kết nạp 187/200 đảng viên, đạt tỷ lệ 93,5%.",
                    &["93.5 role=achievement"],
                ),
                (
                    "Huyện kết nạp 187 đảng viên (chỉ tiêu 200), đạt tỷ lệ 93,5%.",
                    &["93.5 role=achievement"],
                ),
                (
                    "Huyện kết nạp 358 đảng viên mới, vượt kế hoạch, đạt tỷ lệ 7,61%; đảng viên nữ đạt tỷ lệ 45%.",
                    &["7.61 role=share", "45 role=share"],
                ),
                // The plan named after the figure, past a second figure's `và`.
                (
                    "Quý II kết nạp 500 đảng viên, đạt 41,5% kế hoạch năm và tăng 3,2% so với cùng kỳ.",
                    &["41.5 role=achievement", "3.2 role=change"],
                ),
                (
                    "Năm 2023 kết nạp 130 đảng viên, vượt 4% so với mức cao nhất Nghị quyết đề ra; bằng 52% số đảng viên dự kiến kết nạp cả nhiệm kỳ.",
                    &["4 role=achievement", "52 role=achievement"],
                ),
                (
                    "So với chỉ tiêu năm (900 đảng viên), kết quả 6 tháng đạt 47,3%.",
                    &["47.3 role=achievement"],
                ),
                (
                    "Tỷ lệ thôn có chi bộ đạt 92,1%/90%.",
                    &["92.1 role=share", "90 role=target"],
                ),
                // Lines of a list after the plan its first line names.
                (
                    "Kết quả từng năm:\n- Năm 2021: 180 đảng viên (đạt 90% kế hoạch);\n- Năm 2022: 205 đảng viên (đạt 102,5%);\n- Năm 2023: 214 đảng viên (đạt 107%).",
                    &[
                        "90 role=achievement",
                        "102.5 role=achievement",
                        "107 role=achievement",
                    ],
                ),
                (
                    "Quý I kết nạp 400 đảng viên, bằng 20% chỉ tiêu năm. Trong số đó có 150 nữ. Nổi bật: Đảng bộ Công an tỉnh 30 đảng viên (40%); Đảng bộ huyện Sơn Hà 25 đảng viên (35,7%).",
                    &[
                        "20 role=achievement",
                        "40 role=achievement",
                        "35.7 role=achievement",
                    ],
                ),
                (
                    "Chỉ tiêu năm là 90 đảng viên. Đến nay xã Tân Phú mới kết nạp 12 ĐV, đạt 13,3%.",
                    &["13.3 role=achievement"],
                ),
                // Goals set by a plan in other words, and the shares of a planned count.
                (
                    "Chỉ tiêu năm 2025 tương đương khoảng 3,1% tổng số đảng viên; huyện được giao chỉ tiêu kết nạp bằng 2,9% tổng số đảng viên.",
                    &["3.1 role=target", "2.9 role=target"],
                ),
                (
                    "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV, nhiệm kỳ 2020 - 2025 xác định hằng năm kết nạp đảng viên mới đạt 3-3,5% tổng số đảng viên.",
                    &["3..3.5 role=target"],
                ),
                (
                    "Theo chỉ tiêu được giao, năm 2024 huyện sẽ kết nạp 320 đảng viên, bằng 6,2% số đảng viên cuối năm 2023.",
                    &["6.2 role=target"],
                ),
                (
                    "Tỉnh phấn đấu mỗi năm kết nạp 150 học sinh; 100% trường THPT có chi bộ.",
                    &["100 role=target"],
                ),
                (
                    "Tỉnh đặt mục tiêu đến năm 2025 không còn thôn chưa có chi bộ; đảng viên nữ trong số kết nạp mới đạt trên 40%.",
                    &["40 role=target"],
                ),
                (
                    "Thu ngân sách đạt 412 tỷ đồng, đạt 108,6% dự toán; chi vượt 12% dự toán.",
                    &["108.6 role=achievement", "12 role=achievement"],
                ),
                (
                    "Năm 2023 kết nạp 73 đảng viên, đạt 52,1% chỉ tiêu năm (140 đảng viên); trong đó nữ 41 đồng chí (56,2%).",
                    &["52.1 role=achievement", "56.2 role=share"],
                ),
                (
                    "Kế hoạch năm (1.650 đảng viên); quý I đã kết nạp 402 đảng viên, đạt 24,4%.",
                    &["24.4 role=achievement"],
                ),
                // Every figure in a list of goals is a target, whatever its verb.
                (
                    "Các chỉ tiêu chủ yếu đến năm 2030: tăng trưởng kinh tế bình quân 8%/năm; tỷ lệ che phủ rừng đạt 45%; 95% số xã đạt chuẩn nông thôn mới.",
                    &["8 role=target", "45 role=target", "95 role=target"],
                ),
                (
                    "Đại hội thông qua nghị quyết với một số chỉ tiêu chủ yếu thương mại tăng bình quân 10-12%; thu ngân sách tăng 5-10%.",
                    &["10..12 role=target", "5..10 role=target"],
                ),
                (
                    "Phấn đấu đến năm 2025, 50% số xã đạt chuẩn nông thôn mới; 95% số dân dùng nước sạch.",
                    &["50 role=target", "95 role=target"],
                ),
                (
                    "Đại hội thông qua 16 chỉ tiêu nhiệm kỳ 2020-2025. Cụ thể, cơ cấu cây trồng chuyển đổi đạt 20%; tỷ lệ tham gia bảo hiểm y tế tăng 10%.",
                    &["20 role=target", "10 role=target"],
                ),
                (
                    "Mục tiêu cụ thể đến năm 2030:\n- Tăng trưởng bình quân 8%/năm;\n- Tỷ lệ kết nạp đảng viên hằng năm đạt 3%.",
                    &["8 role=target", "3 role=target"],
                ),
                // Results of goals are not goals.
                (
                    "Kết quả thực hiện các chỉ tiêu chủ yếu: tăng trưởng đạt 8,2%; tỷ lệ che phủ rừng đạt 45%.",
                    &["8.2 role=share", "45 role=share"],
                ),
                (
                    "Các chỉ tiêu chủ yếu đều đạt và vượt: tăng trưởng tăng 8,2%; hộ nghèo còn 2%.",
                    &["8.2 role=change", "2 role=share"],
                ),
                (
                    "Năm 2023 đạt 16 chỉ tiêu.\n- Tăng trưởng 8%;\n- Hộ nghèo giảm 2%.",
                    &["8 role=change", "2 role=change"],
                ),
            ],
        );
    }

    /// A figure written from the pattern's parts: `(từ, qualifier, number, sign after it, join and
    /// second number, tail)`.
    type Written = (
        bool,
        Option<String>,
        String,
        Option<&'static str>,
        Option<(&'static str, String)>,
        Option<&'static str>,
    );

    fn write(w: &Written) -> String {
        let (from, qual, a, sign_a, range, tail) = w;
        let mut s = String::new();
        if *from {
            s += "Từ ";
        }
        if let Some(q) = qual {
            s += &format!("{q} ");
        }
        s += a;
        match range {
            Some((join, b)) => s += &format!("{}{join}{b}%", sign_a.unwrap_or("")),
            None => s += sign_a.unwrap_or("%"),
        }
        s + tail.unwrap_or("")
    }

    proptest::proptest! {
        /// Every string the pattern matches whole reads back into the parts it was written from.
        #[test]
        fn parts_read_back_what_the_pattern_matched(
            from in proptest::bool::ANY,
            qual in proptest::option::of(proptest::sample::select(&QUALIFIER_WORDS[..])),
            capital in proptest::bool::ANY,
            a in "[0-9]{1,3}(\\.[0-9]{3}){0,2}(,[0-9]{1,2})?|[0-9]{1,4}\\.[0-9]{1,2}",
            sign_a in proptest::option::of(proptest::sample::select(&PERCENT_SIGNS[..])),
            range in proptest::option::of((proptest::sample::select(&RANGE_JOINS[..]), "[0-9]{1,2}(,[0-9])?")),
            tail in proptest::option::of(proptest::sample::select(&TAILS[..])),
        ) {
            let from = from && range.is_some();
            let qual = qual.map(|q| {
                let mut chars = q.chars();
                match chars.next() {
                    Some(first) if capital => first.to_uppercase().chain(chars).collect(),
                    _ => q.to_string(),
                }
            });
            let written: Written = (from, qual.clone(), a.clone(), sign_a, range.clone(), tail);
            let text = write(&written);
            let whole = PERCENT.find(&text).expect("a match");
            proptest::prop_assert_eq!(whole, 0..text.len());
            let got = parts(&text);
            proptest::prop_assert_eq!(got.from, from);
            proptest::prop_assert_eq!(got.qualifier, qual.as_deref());
            proptest::prop_assert_eq!(&text[got.number], a.as_str());
            proptest::prop_assert_eq!(got.max, range.as_ref().map(|(_, b)| b.as_str()));
            proptest::prop_assert_eq!(got.tail, tail.map(str::trim_start));
        }
    }

    #[test]
    fn list_lines() {
        for line in [
            "- Năm 2022",
            "+ Huyện A",
            "• Xã B",
            "* C",
            "1. Tăng",
            "12) Giảm",
            "a) Một",
        ] {
            assert!(is_list_line(line), "{line}");
        }
        for line in [
            "-5%",
            "Năm 2022",
            "123. Số",
            "1.856 đảng viên",
            "•",
            "A) Một",
            "",
        ] {
            assert!(!is_list_line(line), "{line}");
        }
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
