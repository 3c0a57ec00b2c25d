//! Frames: the words around a count that say what it is. One table of cues, each row with the
//! frame it opens, the side of the count it stands on and an example; one walk over each count
//! sentence that gives every count mention ([`super::count`]) its kind (admission, target,
//! membership, or none), and carries kind, period and organization over the lists and
//! breakdowns that belong to a statement, also into the next sentence (`Trong đó, …`).
//!
//! A new phrasing is a row here and an example in the kind's table, not a new pattern and loop.

use std::ops::Range;
use std::sync::LazyLock;

use super::count::{Counted, Mention, mentions_in};
use super::{BULLETS, Doc, WindowPattern, org, period};
use crate::record::{Kind, Qualifier, Record, Unit, Value};
use crate::text::is_letter;

/// What a cue says about the counts it governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// The next count was admitted (a target where a plan governs the sentence).
    Admit,
    /// The next count is planned, and so is every admission after it in the sentence.
    Plan,
    /// The next count of members is the organization's total.
    Total,
    /// `có`, `với`: the next count of members is a total when nothing follows it in its clause
    /// (`có 35 đảng viên.`, not `có 20 đảng viên tham gia`).
    Holds,
    /// `đạt`, `là`, `lên`: the next count belongs to the nearest frame still waiting for one.
    Link,
    /// `trong đó`: the counts after it divide the last total.
    Part,
    /// `trong số đảng viên mới kết nạp`: the counts after it divide the admissions.
    PartOfAdmitted,
    /// Other work with members or people (trained, made full members, awarded, proposed): no
    /// count of its clause is a party count.
    Block,
    /// `đã`, `kết quả`: what follows was done, whatever was planned before it.
    Done,
}

/// Which side of its count a cue stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Before the count: `kết nạp 50 đảng viên`.
    Before,
    /// Right after the counted words: `50 đảng viên mới được kết nạp`.
    After,
    /// Either: `số đảng viên được kết nạp là 50`, `50 đảng viên được kết nạp`.
    Both,
}

/// One row of the cue table. `words` is a regex over normalized text, written in lower case;
/// its first letter matches either case.
#[derive(Debug, Clone, Copy)]
pub struct Cue {
    pub words: &'static str,
    pub frame: Frame,
    pub side: Side,
    /// Read by the printed table (`baocao extractors`, the cli feature) and the table's test.
    #[cfg_attr(not(feature = "cli"), allow(dead_code))]
    pub example: &'static str,
}

const fn cue(words: &'static str, frame: Frame, side: Side, example: &'static str) -> Cue {
    Cue {
        words,
        frame,
        side,
        example,
    }
}

use Frame::*;
use Side::*;

/// The cues, longest first where one begins another (the first row matching at a place wins).
pub static CUES: &[Cue] = &[
    // Blocking frames first: they hold admission words (`hồ sơ đề nghị kết nạp`).
    cue(
        "chuyển đảng chính thức",
        Block,
        Both,
        "chuyển đảng chính thức cho 142 đảng viên dự bị",
    ),
    cue(
        "chuyển (?:thành )?đảng viên chính thức",
        Block,
        Both,
        "chuyển thành đảng viên chính thức cho 30 đồng chí",
    ),
    cue(
        "công nhận (?:là )?đảng viên chính thức",
        Block,
        Both,
        "công nhận đảng viên chính thức cho 40 đồng chí",
    ),
    cue(
        "chuyển chính thức",
        Block,
        Both,
        "chuyển chính thức cho 25 đảng viên",
    ),
    cue(
        "hồ sơ",
        Block,
        Before,
        "hoàn thiện hồ sơ đề nghị kết nạp cho 35 quần chúng",
    ),
    cue(
        "đề nghị",
        Block,
        Before,
        "đề nghị cấp trên kết nạp 12 quần chúng",
    ),
    cue(
        "bồi dưỡng",
        Block,
        Both,
        "bồi dưỡng nhận thức về Đảng cho 76 quần chúng",
    ),
    cue("tạo nguồn", Block, Before, "tạo nguồn 300 quần chúng ưu tú"),
    cue(
        "giới thiệu",
        Block,
        Before,
        "giới thiệu 84 đảng viên về sinh hoạt nơi cư trú",
    ),
    cue(
        "huy hiệu",
        Block,
        Both,
        "trao Huy hiệu 30 năm tuổi Đảng cho 120 đảng viên",
    ),
    cue("tặng", Block, Before, "tặng giấy khen cho 45 đảng viên"),
    cue("khen thưởng", Block, Before, "khen thưởng 60 đảng viên"),
    cue("kỷ luật", Block, Before, "thi hành kỷ luật 7 đảng viên"),
    cue("xóa tên", Block, Before, "xóa tên 5 đảng viên"),
    cue("khai trừ", Block, Before, "khai trừ 2 đảng viên"),
    cue(
        "miễn (?:công tác và )?sinh hoạt",
        Block,
        Before,
        "miễn sinh hoạt cho 30 đảng viên",
    ),
    cue(
        "tham gia cấp ủy",
        Block,
        Both,
        "tham gia cấp ủy 12 đồng chí",
    ),
    cue("giao quân", Block, Before, "giao quân 320 tân binh"),
    cue(
        "(?:ban chấp hành|ban thường vụ|ủy ban kiểm tra|đoàn đại biểu|bầu)",
        Block,
        Before,
        "Đại hội bầu Ban Chấp hành Đảng bộ khóa XXI gồm 53 đồng chí",
    ),
    cue("nhập ngũ", Block, Both, "120 thanh niên nhập ngũ"),
    cue("từ trần", Block, Both, "5 đảng viên từ trần"),
    cue(
        "được (?:tặng|trao|khen|cử|xét|xem xét|học|dự|tham gia|theo dõi|miễn|công nhận|giới thiệu|chuyển)",
        Block,
        After,
        "45 quần chúng được học lớp nhận thức",
    ),
    cue(
        "đang (?:được|theo học|học|tham gia|chờ)",
        Block,
        After,
        "35 quần chúng đang được theo dõi",
    ),
    cue("tham gia", Block, After, "20 đảng viên tham gia tổ tự quản"),
    cue(
        "chuyển sinh hoạt",
        Block,
        After,
        "64 đảng viên chuyển sinh hoạt đảng ra ngoài Khối",
    ),
    cue(
        "(?:kiểm điểm|xếp loại)",
        Block,
        Before,
        "xếp loại hoàn thành xuất sắc nhiệm vụ 612 đồng chí",
    ),
    // Parts: the counts after them divide a total.
    cue(
        "trong (?:tổng )?số (?:các )?(?:đảng viên|ĐV|quần chúng)(?: mới(?: được)?(?: kết nạp)?| được kết nạp| kết nạp)(?: mới)?(?:,? có|:)?",
        PartOfAdmitted,
        Before,
        "Trong số đảng viên mới kết nạp, có 412 đảng viên là người dân tộc thiểu số",
    ),
    cue(
        "(?:[Tt]rong )?(?:[Đđ]ợt|[Ll]ần) (?:kết nạp )?này(?:,? có|:)",
        PartOfAdmitted,
        Before,
        "kết nạp 24 đảng viên. Đợt này có 11 đảng viên nữ",
    ),
    cue(
        "trong (?:đó|số đó|số này)(?:,? có|:)?",
        Part,
        Before,
        "kết nạp 415 đảng viên; trong đó có 15 đảng viên là học sinh",
    ),
    cue(
        // After a count, in parentheses or with a colon it opens a breakdown; bare, it holds
        // ([`Holds`] below).
        "(?:bao )?gồm(?: có)?:|[,(] ?(?:bao )?gồm(?: có)?",
        Part,
        Before,
        "kết nạp 18 đảng viên, gồm: Đồn Biên phòng A 7 đồng chí, Đồn Biên phòng B 5 đồng chí",
    ),
    cue(
        "cụ thể(?: như| là)?:?",
        Part,
        Before,
        "kết nạp 120 đảng viên. Cụ thể: Tân Lập 45; Hòa Xuân 75",
    ),
    // Plans, before admission words: `phải kết nạp`, `dự kiến kết nạp`.
    cue(
        "(?:dự kiến|sẽ|phải|cần) (?:kết nạp|phát triển)",
        Plan,
        Before,
        "dự kiến sẽ kết nạp 40 đảng viên",
    ),
    cue(
        "chỉ tiêu",
        Plan,
        Before,
        "giao chỉ tiêu phát triển 1.905 đảng viên mới",
    ),
    cue(
        "kế hoạch",
        Plan,
        Before,
        "kế hoạch năm 2024 kết nạp 2.200 đảng viên",
    ),
    cue("phấn đấu", Plan, Before, "phấn đấu kết nạp 500 đảng viên"),
    cue(
        "mục tiêu",
        Plan,
        Before,
        "mục tiêu mỗi năm kết nạp từ 90 - 100 đảng viên",
    ),
    cue(
        "dự kiến",
        Plan,
        Before,
        "dự kiến cuối năm kết nạp thêm 30 đảng viên",
    ),
    cue(
        "đề ra",
        Plan,
        Before,
        "chỉ tiêu Nghị quyết đề ra (trên 2.300 đảng viên/năm)",
    ),
    cue(
        "phân bổ",
        Plan,
        Before,
        "được phân bổ chỉ tiêu 489 đảng viên",
    ),
    cue("được giao", Plan, Before, "được giao 250 đảng viên"),
    cue("giao", Plan, Before, "tỉnh giao 300 đảng viên"),
    cue(
        "theo (?:kế hoạch|chỉ tiêu)",
        Plan,
        After,
        "47 đảng viên mới trong tổng số 220 đảng viên mới theo kế hoạch",
    ),
    cue(
        "đăng ký",
        Plan,
        Before,
        "Đồn đăng ký giúp địa phương kết nạp từ 5 đảng viên",
    ),
    cue("sẽ", Plan, Before, "số đảng viên mới sẽ vượt 600 người"),
    // A difference between two counts is neither.
    cue(
        "(?:tăng|giảm|(?:nhiều|ít|cao|thấp) hơn)(?: thêm)? [0-9.]+ (?:đảng viên|đồng chí|ĐV|quần chúng|người|em)",
        Block,
        Before,
        "số đảng viên mới tăng 126 đồng chí so với cùng kỳ",
    ),
    // Admission.
    cue(
        "được kết nạp",
        Admit,
        Both,
        "2 học sinh được kết nạp vào Đảng",
    ),
    cue(
        "kết nạp",
        Admit,
        Before,
        "Năm 2023 kết nạp được 1.856 đảng viên",
    ),
    cue(
        "phát triển",
        Admit,
        Before,
        "toàn huyện phát triển được 90 đảng viên mới",
    ),
    cue(
        "đứng (?:vào|trong) hàng ngũ(?: của)? Đảng",
        Admit,
        After,
        "45 quần chúng vinh dự đứng vào hàng ngũ của Đảng",
    ),
    cue("vào Đảng", Admit, After, "kết nạp 85 quân nhân vào Đảng"),
    cue(
        "dẫn đầu",
        Admit,
        Before,
        "Đảng ủy xã Phú Thành dẫn đầu với 14 đảng viên mới",
    ),
    cue(
        "(?:có )?(?:số|các|những) (?:đảng viên|ĐV) mới",
        Admit,
        Before,
        "Các đơn vị có số đảng viên mới cao: Sở Y tế 11 đồng chí",
    ),
    // Totals of members.
    cue(
        "(?:nâng|đưa) (?:tổng )?số",
        Total,
        Before,
        "nâng tổng số đảng viên lên 17.436 đồng chí",
    ),
    cue("tổng số", Total, Before, "tổng số trên 68.500 đảng viên"),
    cue(
        "số đảng viên (?:toàn|của|trong)",
        Total,
        Before,
        "Số đảng viên toàn Đảng bộ là 1.083 đồng chí",
    ),
    cue(
        "(?:đại diện|thay mặt) cho",
        Total,
        Before,
        "350 đại biểu thay mặt cho 54.720 đảng viên",
    ),
    cue("quy mô", Total, Before, "quy mô 1.250 đảng viên"),
    cue(
        "(?:đang )?sinh hoạt tại [0-9.]+ (?:chi bộ|tổ chức cơ sở đảng|đảng bộ)",
        Total,
        After,
        "178 đảng viên sinh hoạt tại 14 chi bộ",
    ),
    cue(
        "(?:tại|ở|trong) [0-9.]+ (?:chi bộ|tổ chức cơ sở đảng|đảng bộ)",
        Total,
        After,
        "178 đảng viên tại 14 chi bộ",
    ),
    cue(
        "hiện (?:có|là)",
        Holds,
        Before,
        "Đảng bộ xã hiện có 420 đảng viên",
    ),
    cue("có", Holds, Before, "Chi bộ có 35 đảng viên"),
    cue("với", Holds, Before, "2.893 chi bộ với 30.044 đảng viên"),
    cue("gồm", Holds, Before, "Đảng bộ gồm 45 đảng viên"),
    // Links to the frame waiting for its count.
    cue(
        "đạt",
        Link,
        Before,
        "công tác kết nạp đảng viên năm 2023 đạt trên 215 đồng chí",
    ),
    cue(
        "là",
        Link,
        Before,
        "số đảng viên mới được kết nạp năm 2023 là 120",
    ),
    cue(
        "lên",
        Link,
        Before,
        "nâng tổng số đảng viên của tỉnh lên 17.436 đồng chí",
    ),
    // Done.
    cue(
        "đã",
        Done,
        Before,
        "phấn đấu kết nạp 50 đảng viên, đến nay đã kết nạp 42 đảng viên",
    ),
    cue(
        "kết quả",
        Done,
        Before,
        "kết quả, năm 2024 kết nạp 230 đảng viên",
    ),
    cue(
        "đến nay",
        Done,
        Before,
        "được giao 145 đảng viên, đến nay mới kết nạp 87",
    ),
];

#[cfg(feature = "cli")]
impl Frame {
    /// What the frame makes of the counts it governs, for the printed table.
    fn meaning(self) -> &'static str {
        match self {
            Admit => "admission (a target under a plan)",
            Plan => "target; plans the admissions after it",
            Total => "membership total",
            Holds => "membership total when the count ends its clause",
            Link => "the count of the frame waiting for one",
            Part => "parts of the last total (subset) or its list items (org)",
            PartOfAdmitted => "parts of the admissions",
            Block => "no record (other work with members)",
            Done => "ends a plan: what follows was done",
        }
    }
}

/// The cue table as text, one row a line (`baocao extractors`): what each cue opens, on which
/// side of its count it stands, its words and an example.
#[cfg(feature = "cli")]
pub fn cue_table() -> String {
    let mut out = String::from("frame\tside\tcue\tmeaning\texample\n");
    for c in CUES {
        out += &format!(
            "{:?}\t{:?}\t{}\t{}\t{}\n",
            c.frame,
            c.side,
            c.words,
            c.frame.meaning(),
            c.example
        );
    }
    out
}

/// The cue table as one automaton: a match's pattern is its row.
static CUE_FINDER: LazyLock<WindowPattern> = LazyLock::new(|| {
    let patterns: Vec<String> = CUES.iter().map(|c| either_case_first(c.words)).collect();
    WindowPattern::new_many(&patterns).expect("cue patterns")
});

/// `words` with its first letter in either case: `(?:Kết nạp|kết nạp)`.
fn either_case_first(words: &str) -> String {
    match org::either_case(words) {
        [upper, lower] if upper != lower => format!("(?:{upper}|{lower})"),
        [same, _] => same,
    }
}

/// A cue found in a sentence.
#[derive(Debug, Clone)]
struct Found {
    at: Range<usize>,
    cue: &'static Cue,
}

fn is_letter_at_end(s: &str) -> bool {
    s.chars().next_back().is_some_and(is_letter)
}

/// The cues of `text[range]` in order, each a whole word sequence, up to the first that starts
/// at or after `until`.
fn cues_in(text: &str, range: Range<usize>, until: usize) -> Vec<Found> {
    let mut out = Vec::new();
    let mut at = range.start;
    let haystack = &text[..range.end];
    while at < range.end {
        let Some((m, pattern)) = CUE_FINDER.find_pattern_at(haystack, at) else {
            break;
        };
        if m.start >= until {
            break;
        }
        let bounded = !is_letter_at_end(&text[..m.start]) && !text[m.end..].starts_with(is_letter);
        // `huyện Giao Lâm`: a capitalized one-word cue before a capitalized word is part of a
        // name.
        let cue = &CUES[pattern];
        // `đối với 4.027 đảng viên` holds nothing; `giao thông` assigns nothing.
        let about = cue.frame == Holds && text[..m.start].ends_with("đối ")
            || ["giao thông", "giao lưu", "giao dịch", "giao tiếp"]
                .iter()
                .any(|w| text[m.start..].starts_with(w))
            || text[..m.start].ends_with("bàn ");
        let in_name = !text[m.clone()].contains(' ')
            && text[m.start..].starts_with(char::is_uppercase)
            && text[m.end..]
                .strip_prefix(' ')
                .is_some_and(|next| next.starts_with(char::is_uppercase));
        if bounded && !in_name && !about {
            out.push(Found { at: m.clone(), cue });
            at = m.end.max(at + 1);
        } else {
            at = m.start + text[m.start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// A count given its kind by the frames.
#[derive(Debug, Clone)]
pub struct Classified {
    pub mention: Mention,
    pub kind: Kind,
    /// The index (in the document's classified counts) of the total this count divides.
    pub total: Option<usize>,
    /// The group of a breakdown part: `nữ`, `học sinh, sinh viên`.
    pub subset: Option<String>,
    /// The unit of a list item, as its label: `Mường Tè`.
    pub label: Option<String>,
    /// The time the count covers: its sentence's, its total's, or, where its sentence names
    /// none, that of the count before it in its paragraph (`Cụ thể: Đảng bộ huyện A kết nạp 248
    /// ĐV; …` after `Năm 2023, toàn tỉnh kết nạp …`), or before its list of units or groups.
    pub period: Option<period::Period>,
}

/// Where a clause ends: `,` or `;` (a `:` opens what its clause goes on with: `đạt cao như:
/// Mường Tè 93 đồng chí`). A figure can stand before the cue it is measured from (the range is
/// then empty or reversed): no text between them, no break.
fn breaks_clause(text: &str, range: Range<usize>) -> bool {
    text.get(range)
        .is_some_and(|between| last_break(between, b",;").is_some())
}

/// Where the last of `marks` in `s` ends a clause: not a decimal comma (`78,5%`).
fn last_break(s: &str, marks: &[u8]) -> Option<usize> {
    let b = s.as_bytes();
    (0..b.len())
        .rev()
        .find(|&i| marks.contains(&b[i]) && !b.get(i + 1).is_some_and(u8::is_ascii_digit))
}

/// A year labelling the bare count after it: `năm 2021: 318`, `Năm 2022 là 337`.
static YEAR_LABEL: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"[Nn]ăm [0-9]{4}(?::| là| đạt) $").expect("year label pattern")
});

/// A year naming the clause of a count: `năm 2020 kết nạp 1.402 đảng viên`.
static YEAR_IN_CLAUSE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(?:^|[^\p{L}])[Nn]ăm [0-9]{4}(?:[^0-9/-]|$)")
        .expect("year in clause pattern")
});

/// The text right after a count, up to where an after-cue may stand.
const AFTER_REACH: usize = 60;

/// True when nothing but the clause's end follows a total: `có 35 đảng viên.`, `với 500 đảng
/// viên (trong đó …)`, `120 đảng viên tại 5 chi bộ`.
fn ends_clean(text: &str, end: usize) -> bool {
    let after = &text[end..];
    let t = after.trim_start();
    t.is_empty()
        || t.starts_with([',', '.', ';', ':', '(', ')', '…'])
        || [
            "tại ",
            "ở ",
            "trong ",
            "thuộc ",
            "sinh hoạt",
            "đang sinh hoạt",
            "chính thức",
            "và ",
            "thì ",
            "của ",
            // A group of the members, not what they do: `412 đảng viên là người theo đạo`,
            // `16 đảng viên người dân tộc thiểu số`, `1.102 đảng viên nữ, 318 đảng viên có
            // đạo`, `4.517 đảng viên đang làm việc trong các doanh nghiệp`, `5.200 đảng viên
            // với 76 cơ sở đảng`.
            "nữ,",
            "nữ;",
            "nữ.",
            "nữ và",
            "có đạo",
            "theo đạo",
            "dân tộc ",
            "người ",
            "đang làm việc",
            "với ",
        ]
        .iter()
        .any(|w| t.starts_with(w))
        // `412 đảng viên là người theo đạo`, not `41 đồng chí là đảng viên` (recruits who are
        // members: a count of the recruits).
        || t.strip_prefix("là ")
            .is_some_and(|group| !group.starts_with("đảng viên") && !group.starts_with("ĐV"))
}

/// The words naming whom a part counts, read from around it: before the number (`nữ 58 đồng
/// chí`, `đảng viên là người dân tộc thiểu số 96 đồng chí`) or after it (`15 đảng viên là học
/// sinh, sinh viên`, `20 đảng viên nữ`, `85 nữ`).
fn group_of(text: &str, clause_start: usize, m: &Mention) -> Option<String> {
    let before = text[clause_start..m.start].trim();
    // `có 37 người Khmer và 52 đoàn viên`: the part before `và` is the previous part.
    let before = match before.rsplit_once(" và") {
        Some((previous, after)) if previous.bytes().any(|b| b.is_ascii_digit()) => after.trim(),
        _ => before,
    };
    let before = strip_leads(before);
    if !before.is_empty() && !before.starts_with(char::is_uppercase) {
        return Some(before.to_string());
    }
    // After the number: the counted word itself when it names a group, or what follows it.
    let noun_start = m.number.end + 1;
    let noun = text.get(noun_start..m.end).unwrap_or("");
    let rest = &text[m.end..];
    let tail_end = rest
        .find([';', '(', '.', ')', ':'])
        .unwrap_or(rest.len())
        .min(rest.find(" chiếm").unwrap_or(rest.len()));
    let mut tail = &rest[..tail_end];
    // `, 2.890 đảng viên là nữ`: the next part starts at a comma whose stretch holds a digit;
    // `là học sinh, sinh viên` goes on past one that does not.
    if let Some(next) = tail.match_indices(',').find(|(i, _)| {
        let stretch = &tail[i + 1..];
        let stretch = &stretch[..stretch.find(',').unwrap_or(stretch.len())];
        stretch.bytes().any(|b| b.is_ascii_digit()) || tail[..*i].trim().is_empty()
    }) {
        tail = &tail[..next.0];
    }
    // `4 đồng chí là thanh niên … và 1 đồng chí là …`: the next part after `và`.
    let tail = match tail.find(" và ") {
        Some(i) if tail[i + " và ".len()..].starts_with(|c: char| c.is_ascii_digit()) => {
            &tail[..i]
        }
        _ => tail,
    };
    let tail = tail.trim().trim_end_matches(',');
    let tail = tail.strip_suffix(" và").unwrap_or(tail);
    let tail = tail.strip_prefix("mới").unwrap_or(tail).trim_start();
    let tail = tail.strip_prefix("là").unwrap_or(tail).trim_start();
    match m.counted {
        Some(Counted::Members) if tail.is_empty() => None,
        Some(Counted::Members) => Some(tail.to_string()),
        _ => {
            let noun = noun.trim_end_matches(" mới");
            Some(if tail.is_empty() || noun.is_empty() {
                format!("{noun}{tail}")
            } else {
                format!("{noun} {tail}")
            })
        }
    }
    .filter(|g| names_a_group(g))
}

/// The group an admission of people by trade names: `2 học sinh` → `học sinh`; none for the
/// words that name no group (`người`, `em`, `trường hợp`, `quần chúng`).
fn person_group(m: &Mention, text: &str) -> Option<String> {
    if m.counted != Some(Counted::People) {
        return None;
    }
    let noun = text[m.number.end..m.end].trim().trim_end_matches(" mới");
    (!matches!(noun, "người" | "em" | "trường hợp")).then(|| noun.to_string())
}

/// Lead words of a part's label that name no group: `trong đó`, `đảng viên`, `là`.
fn strip_leads(label: &str) -> &str {
    let mut rest = label;
    loop {
        let before = rest;
        for lead in ["và ", "có ", "đảng viên ", "ĐV ", "là ", "số "] {
            rest = rest.strip_prefix(lead).unwrap_or(rest);
        }
        for tail in [" là", " có", " đạt", ":"] {
            rest = rest.strip_suffix(tail).unwrap_or(rest);
        }
        rest = rest.trim();
        if matches!(rest, "có" | "và" | "là") {
            return "";
        }
        if rest == before {
            return rest;
        }
    }
}

/// What follows `N đảng viên` where it says what they did or where they are, not who they are:
/// `15 đảng viên sinh hoạt tại chi bộ thôn` names no group.
fn names_a_group(group: &str) -> bool {
    const NOT_GROUPS: [&str; 16] = [
        "tăng",
        "giảm",
        "đạt",
        "vượt",
        "bằng",
        "bình quân",
        "so",
        "được",
        "đã",
        "tại",
        "của",
        "thuộc",
        "sinh hoạt",
        "trong",
        "chiếm",
        "trên",
    ];
    // `41 đảng viên trong độ tuổi Đoàn`: an age group, not a place.
    group.starts_with("trong độ tuổi")
        || !group.is_empty()
            && !NOT_GROUPS.iter().any(|w| {
                group
                    .strip_prefix(w)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
            })
}

/// The label of a list item: the capitalized words that open its clause after a list opener
/// (`như: Mường Tè 93 đồng chí`, `; Yên Lạc chỉ tiêu 120`, `, Phong Thổ 36`).
fn item_label(
    text: &str,
    sentence_start: usize,
    from: usize,
    number_start: usize,
) -> Option<String> {
    let clause = &text[from..number_start];
    // `… như Mường Tè 93 đồng chí`, `tiếp đến là Hòa Vang 175`: a name after an opener inside
    // the clause.
    let inner = after_last_openers(clause, [" như ", " là ", " gồm ", " tiếp đến "])
        .into_iter()
        .flatten()
        .filter(|&at| clause[at..].starts_with(char::is_uppercase))
        .max();
    let (opener, clause) = match inner {
        Some(at) => ("như", &clause[at..]),
        None => (text[sentence_start..from].trim_end(), clause),
    };
    let opened = [":", ";", ",", "như", "("]
        .iter()
        .any(|o| opener.ends_with(o));
    // `- Thị trấn Ia Mơ 22 đảng viên;`: a line's bullet opens its item.
    let (opened, clause) = match clause.trim_start().strip_prefix(BULLETS) {
        Some(item) => (true, item),
        None => (opened || opener.ends_with(BULLETS), clause),
    };
    let clause = clause.trim_start_matches([' ', ':', '…', '.']);
    let clause = clause.strip_prefix("và ").unwrap_or(clause);
    // `+ Huyện Đại Sơn: 118;`, `Đồn Biên phòng Si Pa (17 đảng viên)`: a name heading its
    // count, from the list's opener or the line's bullet.
    if clause.is_empty()
        && let Some(heading) = opener.strip_suffix([':', '('])
    {
        let start = last_break(heading, b",;:(").map_or(0, |i| i + 1);
        let name = heading[start..]
            .trim_start_matches(|c: char| c.is_whitespace() || BULLETS.contains(&c));
        let label = item_label_name(name)?;
        return (!label.is_empty() && name.starts_with(char::is_uppercase)).then_some(label);
    }
    // `huyện Hoà Lạc 27 đảng viên`: a unit word before the name.
    let named = [
        "huyện ",
        "thị xã ",
        "thành phố ",
        "xã ",
        "phường ",
        "thị trấn ",
        "quận ",
    ]
    .iter()
    .any(|u| {
        clause
            .strip_prefix(u)
            .is_some_and(|n| n.starts_with(char::is_uppercase))
    });
    if !opened || !(clause.starts_with(char::is_uppercase) || named) {
        return None;
    }
    item_label_name(clause).filter(|name| !name.is_empty())
}

/// Where the text after each opener's last place in `clause` begins, if it is there: one backward
/// pass over the spaces that all of them start with.
fn after_last_openers<const N: usize>(clause: &str, openers: [&str; N]) -> [Option<usize>; N] {
    let mut found = [None; N];
    for i in memchr::memrchr_iter(b' ', clause.as_bytes()) {
        for (o, at) in openers.iter().zip(found.iter_mut()) {
            if at.is_none() && clause[i..].starts_with(o) {
                *at = Some(i + o.len());
            }
        }
        if found.iter().all(Option::is_some) {
            break;
        }
    }
    found
}

/// The unit's name `clause` starts with: up to the first lower-case word that is no part of a
/// unit's name, at most 8 words.
fn item_label_name(clause: &str) -> Option<String> {
    let words: Vec<&str> = clause.split_whitespace().collect();
    let name_end = words
        .iter()
        .position(|w| w.starts_with(char::is_lowercase) && !is_unit_word(w))
        .unwrap_or(words.len());
    (name_end <= 8).then(|| words[..name_end].join(" "))
}

/// Lower-case words inside a unit's name: `Đảng bộ huyện Mai Sơn`, `Chi bộ thôn Bản Lướt`.
fn is_unit_word(w: &str) -> bool {
    matches!(
        w,
        "bộ" | "ủy"
            | "huyện"
            | "tỉnh"
            | "xã"
            | "phường"
            | "thị"
            | "trấn"
            | "thôn"
            | "bản"
            | "quận"
            | "phố"
            | "thành"
            | "khối"
            | "các"
            | "cơ"
            | "quan"
            | "trường"
            | "học"
            | "sự"
            | "an"
            | "phòng"
            | "ấp"
            | "tổ"
            | "dân"
            | "công"
            | "ty"
            | "tổng"
            | "cổ"
            | "phần"
            | "đội"
    )
}

/// Start of the clause holding `pos` in `text[sentence_start..]`.
fn clause_start(text: &str, sentence_start: usize, pos: usize) -> usize {
    let before = &text[sentence_start..pos];
    last_break(before, b",;:(").map_or(sentence_start, |i| sentence_start + i + 1)
}

/// What the frames make of one count.
#[derive(Debug, Clone, Copy)]
struct Decision {
    kind: Kind,
    /// The total it divides.
    total: Option<usize>,
    /// True when a cue of its own clause decided (not a list or a breakdown).
    by_cue: bool,
    /// Where an admission cue after the count ends: `2 học sinh được kết nạp vào Đảng`.
    cue_after_end: Option<usize>,
}

fn by_cue(kind: Kind) -> Option<Decision> {
    Some(Decision {
        kind,
        total: None,
        by_cue: true,
        cue_after_end: None,
    })
}

/// The walk's memory within one sentence.
#[derive(Default)]
struct Walk {
    /// The cue governing the next count, and whether it has governed one.
    open: Option<(Found, bool)>,
    /// Frames still waiting for their count, for a [`Frame::Link`].
    waiting: Vec<Found>,
    /// A plan governs what is admitted from here on; with the index of its figure once given.
    plan: Option<Option<usize>>,
    /// The last count given a kind, for the counts that continue its statement.
    previous: Option<usize>,
    /// The last total, for the parts after it.
    total: Option<usize>,
    /// An open breakdown of a total (or of the admissions, `None`).
    part: Option<Option<usize>>,
    /// The kind of the parts of a breakdown with no total of its own (`Trong số đảng viên mới
    /// kết nạp, …`; `Cụ thể: …` after a sentence about admissions that gives no count).
    part_kind: Option<Kind>,
    /// Where a breakdown in parentheses closes.
    part_end: Option<usize>,
    /// Where the open breakdown starts.
    part_from: Option<usize>,
    /// The clause a blocking cue takes out, from the cue's end.
    blocked: Option<Range<usize>>,
    /// The total of the sentence before, which a list in this one may go on with (`Một số đảng
    /// bộ có kết quả nổi bật: Công an tỉnh 38 đảng viên; …`).
    carried: Option<usize>,
    /// True once a list item of this sentence has gone on with `carried`, which the next
    /// sentence's items may then go on with too (one item per bulleted line).
    carried_went_on: bool,
    /// Where a plan measured against ends (`đạt 89,15% chỉ tiêu đề ra`), for the plan's own
    /// figure in parentheses after it (`(2.082 đảng viên)`).
    measured_plan: Option<usize>,
}

/// Every count of the document's count sentences with its kind.
pub fn classify(doc: &Doc) -> Vec<Classified> {
    let text = doc.text;
    let mut out: Vec<Classified> = Vec::new();
    let mut mentions = Vec::new();
    // The last total of the sentence before, with where that sentence ended.
    let mut carried: Option<(usize, usize)> = None;
    for span in doc.count_spans() {
        let mut s = span.start;
        while s < span.end {
            let sentence = doc.whole_sentence(s);
            let sentence = sentence.start.max(s)..sentence.end.min(span.end).max(s + 1);
            s = sentence.end;
            mentions.clear();
            mentions_in(text, sentence.clone(), &mut mentions);
            if mentions.is_empty() {
                continue;
            }
            // A cue is read before a count or as the after-cue of one (see `decide`): none
            // further than that reach past the last count matters.
            let last_end = mentions.last().map_or(sentence.end, |m| m.end);
            let cues = cues_in(text, sentence.clone(), last_end + AFTER_REACH);
            let before_total = carried.filter(|(end, _)| {
                let gap = &text[*end..sentence.start];
                opens_list(gap) || gap.len() <= 400 && heads_list(&text[sentence.clone()])
            });
            let last = walk_sentence(
                doc,
                sentence.clone(),
                &cues,
                &mentions,
                before_total.map(|(_, t)| t),
                &mut out,
            );
            carried = last.map(|t| (sentence.end, t));
        }
    }
    resolve_periods(doc, &mut out);
    out
}

/// True when what stands between two sentences lets a list in the second go on with the
/// first: nothing, bullets (`+ Huyện A: 118;` lines), or a heading ending in `:` (`Cụ thể:`,
/// `Chỉ tiêu được giao cụ thể cho các đảng bộ, chi bộ cơ sở:`), also after sentences that
/// count nobody (`Tỷ lệ kết nạp phấn đấu đạt từ 2,5% đến 3%. Cụ thể: …`).
fn opens_list(gap: &str) -> bool {
    let words = gap.trim_matches(|c: char| c.is_whitespace() || BULLETS.contains(&c));
    let heading = words
        .rfind(['\n', '.'])
        .map_or(words, |at| &words[at + 1..]);
    words.is_empty() || heading.ends_with(':') && heading.split_whitespace().count() <= 16
}

/// True when a sentence opens with a short heading ending in `:` (`Cụ thể: A 38 đảng viên; …`):
/// its list goes on with the last statement that counted, over a short sentence that counts
/// nobody (`Tỷ lệ kết nạp phấn đấu đạt từ 2,5% đến 3%.`).
fn heads_list(sentence: &str) -> bool {
    sentence.split_once(':').is_some_and(|(heading, _)| {
        heading.split_whitespace().count() <= 4 && !heading.bytes().any(|b| b.is_ascii_digit())
    })
}

/// Words giving a sentence a time of its own that no period pins: `nay`, `năm liền`, `trước
/// đây`, `năm qua`.
static OWN_TIME: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?:^|[^\p{L}])(?:[Nn]ay|năm liền|[Tt]rước đây|năm qua|[Hh]iện)(?:[^\p{L}]|$)",
    )
    .expect("own time pattern")
});

/// Fills each count's period (see [`Classified::period`]), in document order so that a total's
/// and a previous count's are known first.
fn resolve_periods(doc: &Doc, counts: &mut [Classified]) {
    let text = doc.text;
    for i in 0..counts.len() {
        let c = &counts[i];
        let period = match c.total {
            Some(t) => counts[t].period.clone(),
            None => period::period_for(doc, c.mention.start).or_else(|| {
                // The units or groups of an admission listed after it, in a sentence or
                // paragraph of their own (`Các đơn vị kết nạp nhiều đảng viên là: A 8 đảng viên;
                // …`, `Trong số đảng viên mới, có 71 đảng viên nữ`), divide the admissions
                // stated last before them, whatever other figures stand between.
                let divides_admissions =
                    c.kind == Kind::Admission && (c.label.is_some() || c.subset.is_some());
                let previous = if divides_admissions {
                    counts[..i]
                        .iter()
                        .rev()
                        .find(|p| p.kind == Kind::Admission)?
                } else {
                    counts[..i].last()?
                };
                let (from, to) = (previous.mention.number.end, c.mention.number.start);
                let same_paragraph = from <= to && in_one_block(&text[from..to]);
                // A sentence that names a time of its own without pinning it (`nay`, `10 năm
                // liền`, `trước đây`) keeps to itself; any other goes on with the statement
                // before it (`Cụ thể, A kết nạp 254 ĐV; …`, `Riêng huyện B mới kết nạp 11 ĐV`).
                let sentence = doc.whole_sentence(c.mention.start);
                let own_time = OWN_TIME.is_match(&text[sentence.start..c.mention.start]);
                ((same_paragraph || divides_admissions) && !own_time)
                    .then(|| previous.period.clone())
                    .flatten()
            }),
        };
        counts[i].period = period.map(|p| match counts[i].kind {
            Kind::Membership => p,
            _ => so_far(p),
        });
    }
    respective_years(doc, counts);
}

/// Years listed before `lần lượt`, then as many counts after it: each count is of its year
/// (`Số đảng viên kết nạp năm 2022, 2023 lần lượt là 200 và 215 đồng chí`).
fn respective_years(doc: &Doc, counts: &mut [Classified]) {
    let text = doc.text;
    let mut i = 0;
    while i < counts.len() {
        let sentence = doc.whole_sentence(counts[i].mention.start);
        let in_sentence = counts[i..]
            .iter()
            .take_while(|c| c.mention.start < sentence.end)
            .count();
        let group = i..i + in_sentence;
        i += in_sentence.max(1);
        if in_sentence < 2 {
            continue;
        }
        let Some(respectively) = RESPECTIVELY.find(text[sentence.clone()].as_bytes()) else {
            continue;
        };
        let respectively = sentence.start + respectively;
        let Some(years) = YEAR_LIST
            .find_iter(&text[sentence.start..respectively])
            .last()
            .map(|m| sentence.start + m.start()..sentence.start + m.end())
        else {
            continue;
        };
        let years: Vec<Range<usize>> = YEAR
            .find_iter(&text[years.clone()])
            .map(|y| years.start + y.start()..years.start + y.end())
            .collect();
        let after: Vec<usize> = group
            .filter(|&c| counts[c].mention.start > respectively)
            .collect();
        if after.len() == years.len() {
            for (&c, year) in after.iter().zip(years) {
                counts[c].period = Some(period::Period {
                    start: year.start,
                    end: year.end,
                    text: text[year.clone()].to_string(),
                    iso: Some(text[year].to_string()),
                });
            }
        }
    }
}

static RESPECTIVELY: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("lần lượt"));

/// Two or more years in a row: `năm 2022, 2023`, `các năm 2021, 2022 và 2023`.
static YEAR_LIST: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"[Nn]ăm [0-9]{4}(?:(?:, | và |, và )[0-9]{4})+").expect("year list pattern")
});

static YEAR: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new("[0-9]{4}").expect("year pattern"));

/// True when `between` stays in one paragraph: no line break, or only those of a list (a line
/// ending in `:` or `;`, or a bulleted line: `- Đảng bộ Công an tỉnh kết nạp 24 ĐV;`).
fn in_one_block(between: &str) -> bool {
    let lines: Vec<&str> = between.split('\n').collect();
    lines.windows(2).all(|pair| {
        let (line, next) = (pair[0].trim_end(), pair[1].trim_start());
        line.ends_with([':', ';']) || next.starts_with(BULLETS)
    })
}

/// `Tính đến hết tháng 7/2023, … đã kết nạp 78 đảng viên`: admitted by a point in time, so over
/// the year up to it (`2023-01/2023-07`); a membership total stays a point in time.
fn so_far(mut p: period::Period) -> period::Period {
    let as_of = ["tính đến", "Tính đến", "đến ", "Đến "]
        .iter()
        .any(|w| p.text.starts_with(w));
    if as_of
        && let Some(iso) = &p.iso
        && !iso.contains('/')
        && iso.len() >= 7
    {
        p.iso = Some(format!("{}-01/{iso}", &iso[..4]));
    }
    p
}

/// Gives the counts of one sentence their kinds; returns the last total it states.
fn walk_sentence(
    doc: &Doc,
    sentence: Range<usize>,
    cues: &[Found],
    mentions: &[Mention],
    total_before: Option<usize>,
    out: &mut Vec<Classified>,
) -> Option<usize> {
    let text = doc.text;
    let mut w = Walk {
        carried: total_before,
        ..Walk::default()
    };
    let mut cue_at = 0;
    for m in mentions {
        // Cues before this count update the walk.
        while cue_at < cues.len() && cues[cue_at].at.start < m.start {
            let c = cues[cue_at].clone();
            cue_at += 1;
            if c.cue.side != After {
                open_cue(doc, sentence.start, &c, &mut w, out);
            }
        }
        if w.part_end.is_some_and(|end| m.start > end) {
            w.part = None;
            w.part_end = None;
        }
        let decided = decide(doc, sentence.clone(), cues, cue_at, m, &mut w, out);
        // A count ends the wait of every frame before it: `kết nạp …, có 30 chi bộ với 500
        // đảng viên` has moved on from the admission.
        if m.counted.is_some() {
            w.waiting.clear();
        }
        let Some(d) = decided else {
            continue;
        };
        let index = out.len();
        let clause = clause_start(text, sentence.start, m.start);
        // The cue the count's own words follow (links and `có` aside): where its group starts,
        // and where its evidence starts when the cue stands right before it (`kết nạp được
        // 1.856 đảng viên`, `nâng tổng số đảng viên lên 1.245 đồng chí`).
        let governing = cues[..cue_at]
            .iter()
            .rev()
            .find(|c| !matches!(c.cue.frame, Link | Holds | Done) && c.cue.side != After);
        let from = governing.map_or(clause, |c| clause.max(c.at.end.min(m.start)));
        let is_part = d.total.is_some() || w.part.is_some() && !d.by_cue;
        let label = item_label(text, sentence.start, clause, m.start);
        let subset = if is_part && label.is_none() {
            group_of(text, from, m)
        } else if d.kind != Kind::Membership {
            person_group(m, text)
        } else {
            None
        };
        // A part names its group or unit, or says itself what is done (`trong đó mỗi đồn kết nạp
        // ít nhất 3 đảng viên`).
        let own_verb =
            governing.is_some_and(|c| c.at.start >= clause && matches!(c.cue.frame, Admit | Plan));
        if is_part && subset.is_none() && label.is_none() && !own_verb {
            continue;
        }
        let mut mention = m.clone();
        if let Some(c) = governing.filter(|c| {
            let gap = &text[c.at.end..m.start];
            d.by_cue
                && matches!(c.cue.frame, Admit | Plan | Total)
                && gap.split_whitespace().count() <= 4
                && gap.chars().all(|ch| is_letter(ch) || ch == ' ')
        }) {
            mention.start = c.at.start;
        }
        // `Sơn Hà 142 đồng chí`, `dự bị 2.015`: the evidence starts at the item's name or the
        // part's group written before its count.
        let written_before = |words: &str, from: usize| {
            text[from..m.start]
                .rfind(words)
                .map(|at| from + at)
                .filter(|at| text[at + words.len()..m.start].trim().len() <= 12)
        };
        let named_at = match (&label, &subset) {
            (Some(l), _) if !d.by_cue => written_before(l, clause),
            (None, Some(g)) => written_before(g, from),
            _ => None,
        };
        if let Some(at) = named_at {
            mention.start = mention.start.min(at);
        }
        if let Some(end) = d.cue_after_end {
            mention.end = end;
        }
        // `23 đảng viên dự bị`: the evidence runs over the group written after the count.
        if is_part
            && let Some(group) = &subset
            && let Some(at) = text
                [m.end..text.floor_char_boundary((m.end + 8 + group.len()).min(sentence.end))]
                .find(group.as_str())
            && at <= 8
        {
            mention.end = m.end + at + group.len();
        }
        let (kind, total) = (d.kind, d.total);
        w.carried_went_on |= total.is_some() && total == w.carried;
        out.push(Classified {
            mention,
            kind,
            total,
            subset,
            label,
            period: None,
        });
        // A count in parentheses is an aside (`chỉ tiêu (1.400 đảng viên)`, `(chỉ tiêu 10)`,
        // `kết nạp 7.836 đảng viên (bình quân mỗi năm kết nạp từ 1.500 trở lên)`): neither the
        // total the next parts divide nor the statement the next items go on with.
        // A unit's count in parentheses is a list item: `Đồn Si Pa (17 đảng viên), Hải đội 2 (14
        // đảng viên)`.
        let aside = out[index].label.is_none()
            && in_parentheses(&text[sentence.start..m.start]).is_some_and(|inside| {
                inside.split_whitespace().count() <= 3
                    || w.total.is_some_and(|t| out[t].kind != kind)
            });
        if !aside {
            w.previous = Some(index);
        }
        if !is_part && !aside {
            w.total = Some(index);
            // `30.044 đảng viên (dự bị 1.393; nữ 10.182)`, `54.720 đảng viên trong toàn Đảng bộ
            // (nữ 18.093; …)`: a breakdown in parentheses.
            let after = &text[m.end..sentence.end];
            let paren = after.find('(').and_then(|open| {
                let between = &after[..open];
                let words_only = !between
                    .bytes()
                    .any(|b| b.is_ascii_digit() || b",;.:".contains(&b));
                (words_only && between.split_whitespace().count() <= 5).then(|| &after[open + 1..])
            });
            if let Some(paren) = paren {
                w.part = Some(Some(index));
                w.part_from = None;
                w.part_end = Some(
                    m.end + (after.len() - paren.len()) + paren.find(')').unwrap_or(paren.len()),
                );
            }
        }
        if let Some(None) = w.plan {
            w.plan = Some(Some(index));
        }
    }
    w.total
        .or(w.carried.filter(|_| w.part.is_some() || w.carried_went_on))
        .filter(|&t| {
            out.get(t)
                .is_some_and(|c| c.mention.counted != Some(Counted::Units))
        })
}

/// What a cue before the next count changes in the walk.
fn open_cue(doc: &Doc, sentence_start: usize, c: &Found, w: &mut Walk, out: &[Classified]) {
    let text = doc.text;
    match c.cue.frame {
        Done => w.plan = None,
        Block => {
            let rest = &text[c.at.end..];
            let end = rest
                .find([',', ';', '.', ':'])
                .map_or(text.len(), |i| c.at.end + i);
            w.blocked = Some(c.at.end..end);
            w.open = None;
        }
        Plan if names_document(text, c.at.start) => {}
        // `đạt 89% chỉ tiêu`, and a plan said to be set already (`mà Nghị quyết đã đề ra`):
        // measured against, it opens no plan.
        // `đạt 118% chỉ tiêu Nghị quyết Đại hội XX đề ra`: the plan words of the plan measured
        // against.
        Plan if measured(text, sentence_start, c.at.start)
            || w.measured_plan.is_some_and(|end| {
                end <= c.at.start
                    && !text[end..c.at.start]
                        .bytes()
                        .any(|b| b.is_ascii_digit() || b",;:()".contains(&b))
            })
            // `vượt chỉ tiêu … mà Nghị quyết đã đề ra`: set before, and measured against; not
            // `đã đăng ký kết nạp 22 đảng viên` (still to be done) nor `Ban Thường vụ đã giao
            // chỉ tiêu năm 2026 cho …: Công an tỉnh 160; …` (the plan's figures follow).
            || text[..c.at.start].ends_with("đã ")
                && !c.words_are("đăng ký")
                && ["đạt ", "vượt ", "hoàn thành ", "bằng ", "so với "]
                    .iter()
                    .any(|w| text[sentence_start..c.at.start].contains(w))
            || after_the_fact(text, sentence_start, c.at.start) =>
        {
            w.measured_plan = Some(c.at.end)
        }
        Plan => {
            // `(chỉ tiêu 10)`: a plan in parentheses plans its own count only.
            let parenthesized = in_parentheses(&text[sentence_start..c.at.start]).is_some();
            if w.plan.is_none() && !parenthesized {
                w.plan = Some(None);
            }
            w.open = Some((c.clone(), false));
            w.waiting.push(c.clone());
            w.part = None;
        }
        Part | PartOfAdmitted => {
            let opens_sentence = text[sentence_start..c.at.start].trim().is_empty();
            let total = w.total.or(if opens_sentence { w.carried } else { None });
            let total = total.filter(|&t| out[t].mention.counted != Some(Counted::Units));
            let statement_before = || {
                opens_sentence
                    .then(|| kind_stated_before(text, sentence_start))
                    .flatten()
            };
            w.part_kind = match c.cue.frame {
                PartOfAdmitted => Some(Kind::Admission),
                _ => statement_before(),
            };
            w.part = Some(match (c.cue.frame, total) {
                (PartOfAdmitted, t) => t.filter(|&t| out[t].kind == Kind::Admission),
                (_, t) => t,
            })
            .filter(|t| t.is_some() || w.part_kind.is_some());
            // Nothing to divide (`kết nạp nhiều ĐV gồm: xã A 14 ĐV, …`): the counts after the
            // cue are the open frame's own items.
            if w.part.is_none() && w.open.is_some() {
                return;
            }
            w.part_from = Some(c.at.end);
            w.open = None;
        }
        // `kết nạp được tổng số 120 đảng viên`: the total is of the admitted (not `số đảng viên
        // mới đã nâng tổng số đảng viên lên 1.612`, raised by them).
        Total
            if !c.words_are("(?:nâng|đưa) (?:tổng )?số")
                && w.waiting.last().is_some_and(|a| {
                    a.cue.frame == Admit
                        && !breaks_clause(text, a.at.end..c.at.start)
                        && text[a.at.end..c.at.start].split_whitespace().count() <= 2
                }) => {}
        Admit | Total | Holds | Link => {
            // `bồi dưỡng, giới thiệu và kết nạp 27 đảng viên`, `bồi dưỡng 86 quần chúng và giúp
            // các chi bộ kết nạp được 19 đảng viên`: admitted after the other work.
            let after_blocked_count = w.blocked.as_ref().is_some_and(|b| {
                text[b.start..c.at.start]
                    .bytes()
                    .any(|b| b.is_ascii_digit())
            });
            if c.cue.frame == Admit && (text[..c.at.start].ends_with("và ") || after_blocked_count)
                || c.words_are("(?:đại diện|thay mặt) cho")
            {
                w.blocked = None;
            }
            // Inside a breakdown, `có`, `là`, `đạt` and the admission verb describe the parts,
            // until a `;` starts the next statement (`trong đó 41 người là tín đồ; 6 tháng đầu
            // năm nay kết nạp 88 đảng viên`).
            let next_statement = (c.cue.frame == Admit || c.words_are("hiện (?:có|là)"))
                && w.part_from
                    .is_some_and(|from| text[from..c.at.start].contains(';'));
            if w.part.is_some() && c.cue.frame != Total && !next_statement {
                return;
            }
            // `kết nạp được` once the plan has its figure, after a clause break: now the result.
            if c.cue.frame == Admit
                && let Some(Some(figure)) = w.plan
                && text[c.at.end..].starts_with(" được")
                && breaks_clause(text, out[figure].mention.end..c.at.start)
            {
                w.plan = None;
            }
            if c.cue.frame != Link {
                w.waiting.push(c.clone());
            }
            w.open = Some((c.clone(), false));
            w.part = None;
        }
    }
}

/// What `before` has written since a parenthesis it leaves open: `(chỉ tiêu ` of `… 12 đảng
/// viên (chỉ tiêu `; `None` outside parentheses.
fn in_parentheses(before: &str) -> Option<&str> {
    // Inside when the last parenthesis is an opening one.
    let last = memchr::memrchr2(b'(', b')', before.as_bytes())?;
    (before.as_bytes()[last] == b'(').then(|| &before[last..])
}

/// The kind of count the sentence before `sentence_start` speaks of when it gives none: `Các
/// huyện vùng cao có số lượng kết nạp lớn. Cụ thể: …` lists admissions.
fn kind_stated_before(text: &str, sentence_start: usize) -> Option<Kind> {
    let before = text[..sentence_start].trim_end();
    let start = before.rfind(['.', '\n', '!', '?']).map_or(0, |i| i + 1);
    let frames: Vec<Frame> = cues_in(text, start..before.len(), before.len())
        .iter()
        .map(|c| c.cue.frame)
        .collect();
    if frames.contains(&Plan) {
        Some(Kind::Target)
    } else if frames.contains(&Admit) {
        Some(Kind::Admission)
    } else {
        None
    }
}

/// `đạt 89% chỉ tiêu`, `vượt kế hoạch`, `so với chỉ tiêu`: a plan measured against, which plans
/// nothing itself; also the plan words after it in its noun phrase (`chỉ tiêu kế hoạch đề ra`).
fn measured(text: &str, sentence_start: usize, at: usize) -> bool {
    let before = text[sentence_start..at].trim_end();
    let clause = &before[last_break(before, b",;(").map_or(0, |i| i + 1)..];
    let words: Vec<&str> = clause.split_whitespace().collect();
    // The last words before the cue, percent figures skipped.
    let recent: Vec<&str> = words
        .iter()
        .rev()
        .filter(|w| !w.ends_with('%'))
        .take(6)
        .copied()
        .collect();
    const MEASURES: [&str; 7] = ["đạt", "vượt", "thành", "bằng", "so", "chưa", "theo"];
    // `thành` measures in `hoàn thành`, not in `thành phố`.
    let nearest_measure = recent.iter().enumerate().position(|(i, w)| {
        MEASURES.contains(w) && (*w != "thành" || recent.get(i + 1) == Some(&"hoàn"))
    });
    let nearest_digit = recent
        .iter()
        .position(|w| w.starts_with(|c: char| c.is_ascii_digit()));
    nearest_measure.is_some_and(|m| nearest_digit.is_none_or(|d| m < d) && m <= 4)
}

/// `Kết quả sau khi Tỉnh ủy giao kế hoạch: …`: a plan told as what came before the results.
fn after_the_fact(text: &str, sentence_start: usize, at: usize) -> bool {
    let clause = &text[clause_start(text, sentence_start, at)..at];
    clause.contains("sau khi")
}

/// `Kế hoạch số 12-KH/TU`, `Kế hoạch 35`: the document named `kế hoạch`, which plans nothing
/// in the sentence that cites it.
fn names_document(text: &str, at: usize) -> bool {
    let mut words = text[at..].split_whitespace();
    words.next().is_some_and(|w| w == "Kế" || w == "kế")
        && words
            .nth(1)
            .is_some_and(|w| w == "số" || w.starts_with(|c: char| c.is_ascii_digit()))
}

/// The kind of count `m`, the total it divides, and whether a cue of its own clause decided it.
fn decide(
    doc: &Doc,
    sentence: Range<usize>,
    cues: &[Found],
    next_cue: usize,
    m: &Mention,
    w: &mut Walk,
    out: &[Classified],
) -> Option<Decision> {
    let text = doc.text;
    // `Trong 131 đảng viên mới của 9 tháng, có 52 đảng viên nữ`: the admitted restated to be
    // broken down; the parts follow.
    let opening = text[sentence.start..m.start].trim_start();
    if ["Trong ", "Trong số ", "Trong tổng số "].contains(&opening) && counts_new_members(text, m)
    {
        w.part = Some(None);
        w.part_kind = Some(Kind::Admission);
        w.part_from = Some(m.end);
        return None;
    }
    // A cue right after the counted words decides first: `2 học sinh được kết nạp`.
    let reach_end = (m.end + AFTER_REACH).min(sentence.end);
    let after_cue = cues[next_cue..]
        .iter()
        .take_while(|c| c.at.start < reach_end)
        .find(|c| c.cue.side != Before)
        .filter(|c| {
            let between = &text[m.end..c.at.start];
            // `236 học sinh lớp 12 được kết nạp`: a grade is no other count.
            let between = between
                .split_once(" lớp ")
                .map_or(between, |(people, _)| people);
            !between.contains([',', ';', '.', '(', ')', ':'])
                && !between.bytes().any(|b| b.is_ascii_digit())
        });
    // `đã phát triển được 1-3 đảng viên trẻ đang tham gia công tác`: the admission verb before
    // the count outweighs what is said of them after it.
    let admitting = w.open.as_ref().is_some_and(|(o, closed)| {
        !closed && matches!(o.cue.frame, Admit | Plan) && !breaks_clause(text, o.at.end..m.start)
    });
    // `kết nạp được 52/140 đảng viên theo kế hoạch`: the plan after a done-over-planned count is
    // the one after its slash.
    let after_cue = after_cue.filter(|c| {
        !(admitting && c.cue.frame == Block || c.cue.frame == Plan && m.plan.is_some())
    });
    if let Some(c) = after_cue {
        if let Some(o) = w.open.as_mut() {
            o.1 = true;
        }
        // What the people are admitted into, when the cue says it.
        let into = text[c.at.end..].trim_start();
        return match c.cue.frame {
            // `2.140 đoàn viên được kết nạp vào Đoàn`, `412 em được kết nạp vào Đoàn TNCS` joined
            // the Youth Union.
            Admit
                if c.words_are("được kết nạp")
                    && (m.counted == Some(Counted::Outsiders)
                        && !["vào Đảng", "Đảng"].iter().any(|w| into.starts_with(w))
                        || ["vào Đoàn", "vào Hội", "vào Công đoàn"]
                            .iter()
                            .any(|w| into.starts_with(w))) =>
            {
                None
            }
            Admit => planned(w, Kind::Admission, m).map(|kind| Decision {
                cue_after_end: Some(c.at.end),
                ..by_cue(kind).expect("a decision")
            }),
            Total if m.counted == Some(Counted::Members) => by_cue(Kind::Membership),
            Plan if admitted_people_counted(m) => by_cue(Kind::Target),
            _ => None,
        };
    }
    if w.blocked.as_ref().is_some_and(|b| m.start < b.end) {
        return None;
    }
    w.blocked = None;
    let clause_break = |from: usize| breaks_clause(text, from..m.start);
    // The plan measured against, its figure in parentheses right after it: `đạt 115,7% chỉ
    // tiêu … giao (70 đảng viên)`, `vượt chỉ tiêu … đề ra (mỗi năm kết nạp trên 1.500 đảng
    // viên)`; not a breakdown opened in them (`vượt 5% kế hoạch (gồm 29 đảng viên nữ, …)`).
    let before = &text[sentence.start..m.start];
    let measured_plans_figure = in_parentheses(before).is_some_and(|inside| {
        let open = m.start - inside.len();
        w.measured_plan
            .is_some_and(|end| end <= open && !breaks_clause(text, end..m.start))
            && w.part_from.is_none_or(|from| from <= open)
    });
    if measured_plans_figure && admitted_people_counted(m) {
        return by_cue(Kind::Target);
    }
    // An open breakdown: the part's kind is its total's.
    if let Some(total) = w.part {
        let kind = match total {
            Some(t) => out[t].kind,
            None => w.part_kind.unwrap_or(Kind::Admission),
        };
        // `Trong số đảng viên mới có … 52 đoàn viên thanh niên`: among the admitted, members of
        // other bodies are people admitted.
        let counts_people = match m.counted {
            Some(Counted::Units) => false,
            Some(Counted::Outsiders) => kind == Kind::Admission,
            _ => true,
        };
        // `Hải Phú 497;`, `trong đó 241 là sinh viên`
        let bare_part = m.counted.is_none()
            && (text[m.end..].starts_with([';', ',', ')', '.'])
                || text[m.end..].starts_with(" là "));
        // `568 đảng viên (năm 2020: 176; năm 2021: 183)`, `Cụ thể: năm 2020 kết nạp 1.402 đảng
        // viên; …`: a year's share is a statement of its own, with its year for period.
        let clause = &text[clause_start(text, sentence.start, m.start)..m.start];
        let year_share =
            YEAR_LABEL.is_match(&text[sentence.start..m.start]) || YEAR_IN_CLAUSE.is_match(clause);
        return (counts_people && (m.counted.is_some() || bare_part)).then_some(Decision {
            kind,
            total: total.filter(|_| !year_share),
            by_cue: year_share,
            cue_after_end: None,
        });
    }
    // A bare number (a year, `Hội An 110`) is only ever an item or a part: it leaves the frames
    // waiting.
    if m.counted.is_none() {
        // `đến nay mới kết nạp 87, đạt 60%`: the count right after the verb, its people unsaid.
        if let Some((c, false)) = &w.open
            && matches!(c.cue.frame, Admit | Plan)
            && text[c.at.end..m.start]
                .split_whitespace()
                .all(|w| matches!(w, "được" | "mới" | "thêm"))
            && text[m.end..].starts_with([',', ';', '.', ')'])
        {
            let kind = if c.cue.frame == Plan || w.plan.is_some() {
                Kind::Target
            } else {
                Kind::Admission
            };
            w.open = Some((c.clone(), true));
            return by_cue(kind);
        }
        // `nâng tổng số đảng viên của khối lên gần 5.800.`: a total of members, the word unsaid.
        if let Some((c, false)) = &w.open
            && c.cue.frame == Link
            && resolve_link(w) == Some(Total)
            && text[clause_start(text, sentence.start, m.start)..m.start].contains("đảng viên")
            && text[m.end..].starts_with([',', ';', '.', ')'])
        {
            w.open = Some((c.clone(), true));
            return by_cue(Kind::Membership);
        }
        return continued(doc, sentence.start, m, w, out).or_else(|| {
            // `Số đảng viên kết nạp qua các năm: năm 2020: 302; năm 2021: 318`.
            let after_year = YEAR_LABEL.is_match(&text[sentence.start..m.start]);
            let kind = match resolve_link(w)? {
                Admit => planned(
                    w,
                    Kind::Admission,
                    &Mention {
                        counted: Some(Counted::Members),
                        ..m.clone()
                    },
                )?,
                Plan => Kind::Target,
                _ => Kind::Membership,
            };
            after_year.then_some(Decision {
                kind,
                total: None,
                by_cue: false,
                cue_after_end: None,
            })
        });
    }
    if let Some((c, closed)) = w.open.clone()
        && !clause_break(c.at.end)
    {
        // `với` after a frame still waiting serves it: `kết nạp đảng viên năm 2024 đạt 78,5% kế
        // hoạch, với 236 đảng viên`.
        // `các trung đoàn có kết quả cao là Trung đoàn 12 với 54 đồng chí`: after admissions in
        // its sentence, `với` gives the next one, not a total.
        let after_admissions = w.previous.is_some_and(|p| {
            out[p].mention.start >= sentence.start && out[p].kind != Kind::Membership
        });
        // `kết nạp 131 đảng viên, có 49 người có đạo`: `có` after an admission names a part.
        if c.words_are("có")
            && after_admissions
            && resolve_link(w).is_none()
            && let Some(t) = w.total.filter(|&t| out[t].kind != Kind::Membership)
            && matches!(m.counted, Some(Counted::People | Counted::Group))
        {
            w.open = Some((c.clone(), true));
            return Some(Decision {
                kind: out[t].kind,
                total: Some(t),
                by_cue: false,
                cue_after_end: None,
            });
        }
        // `Đồn Ia Lốp 9 đồng chí; Hải đội 2 có 5 đồng chí`: `có` after a unit's name goes on
        // with the list of admissions.
        let clause = clause_start(text, sentence.start, c.at.start);
        if c.words_are("có")
            && after_admissions
            && resolve_link(w).is_none()
            && item_label(text, sentence.start, clause, c.at.start).is_some()
            && let Some(d) = continued(doc, sentence.start, m, w, out)
        {
            w.open = Some((c.clone(), true));
            return Some(d);
        }
        let frame = match c.cue.frame {
            Link => resolve_link(w),
            Holds => match resolve_link(w) {
                None if c.words_are("với") && after_admissions => None,
                linked => linked.or(Some(Holds)),
            },
            f => Some(f),
        };
        w.open = Some((c.clone(), true));
        if closed && frame != Some(Plan) {
            return continued(doc, sentence.start, m, w, out);
        }
        // `có` or `với` far before the count (`có kết quả nổi bật: A 38 đảng viên`) says nothing
        // of it.
        let gap = &text[c.at.end..m.start];
        let opens_list = gap.trim_start().starts_with(':');
        let far = c.cue.frame == Holds
            && if opens_list {
                resolve_link(w).is_none() && w.carried.is_some()
            } else {
                gap.split_whitespace().count() > 2
            };
        if let Some(f) = frame.filter(|_| !far) {
            w.waiting.retain(|x| x.at != c.at);
            return match f {
                Admit if !admitted_people(text, &c, m) => None,
                Admit => planned(w, Kind::Admission, m).and_then(by_cue),
                Plan => admitted_people(text, &c, m)
                    .then_some(Kind::Target)
                    .and_then(by_cue),
                Total | Holds if m.plan.is_none() => {
                    // `nâng tổng số đảng viên … lên 71.506 người`, `… lên gần 5.800.`
                    let clause = clause_start(text, sentence.start, m.start);
                    let named = f == Total && text[clause..m.start].contains("đảng viên");
                    let members = m.counted == Some(Counted::Members)
                        || named && matches!(m.counted, Some(Counted::People) | None);
                    let clean = f == Total || ends_clean(text, m.end);
                    match m.counted {
                        Some(Counted::Units) => by_cue(Kind::Membership),
                        _ if members && !counts_new(text, m) && clean => by_cue(Kind::Membership),
                        // `kết nạp 17 đảng viên có đạo trong tổng số 286 đảng viên mới`, `có 31
                        // đảng viên mới là người Mường`
                        _ if members && counts_new(text, m) => {
                            planned(w, Kind::Admission, m).and_then(by_cue)
                        }
                        _ => None,
                    }
                }
                _ => None,
            };
        }
    }
    // `phấn đấu cả năm đạt từ 100% kế hoạch trở lên, tức tối thiểu 1.600 đảng viên`: under a
    // plan, a count of people no other frame claims is planned; `Hơn 1.100 đảng viên mới …`:
    // new members no frame claims are admitted.
    continued(doc, sentence.start, m, w, out).or_else(|| {
        if w.plan.is_some() && admitted_people_counted(m) {
            by_cue(Kind::Target)
        } else if counts_new_members(text, m) {
            planned(w, Kind::Admission, m).and_then(by_cue)
        } else {
            None
        }
        .map(|d| Decision { by_cue: false, ..d })
    })
}

impl Found {
    fn words_are(&self, words: &str) -> bool {
        self.cue.words == words
    }
}

/// The frame a link serves: the nearest before it still waiting for its count.
fn resolve_link(w: &Walk) -> Option<Frame> {
    w.waiting
        .iter()
        .rev()
        .find(|f| matches!(f.cue.frame, Admit | Plan | Total))
        .map(|f| f.cue.frame)
}

/// A count that continues the statement before it in its sentence: the next item of a list
/// (`; Yên Châu 210 đảng viên`, `, Phong Thổ 36 đồng chí`, `; Hội An 110`), the next year or
/// the yearly average (`; năm 2024 là 2.567 đảng viên`, `, bình quân 2.558 đảng viên/năm`).
fn continued(
    doc: &Doc,
    sentence_start: usize,
    m: &Mention,
    w: &Walk,
    out: &[Classified],
) -> Option<Decision> {
    let text = doc.text;
    let previous = w
        .previous
        .map(|p| &out[p])
        .filter(|p| p.mention.start >= sentence_start);
    let Some(previous) = previous else {
        // The first item of a list going on with the sentence before.
        let total = w.carried?;
        let clause = clause_start(text, sentence_start, m.start);
        let item = item_label(text, sentence_start, clause, m.start).is_some()
            && match m.counted {
                Some(Counted::Members | Counted::People) => true,
                None => ends_item(text, m.end),
                _ => false,
            };
        return item.then_some(Decision {
            kind: out[total].kind,
            total: Some(total),
            by_cue: false,
            cue_after_end: None,
        });
    };
    let kind = previous.kind;
    let ok = match m.counted {
        Some(Counted::Members) => true,
        Some(Counted::Masses | Counted::People) => kind != Kind::Membership,
        None => {
            // A bare number is an item only with a name or a year before it (`; năm 2022: 141;`)
            // and a separator after it.
            let clause = clause_start(text, sentence_start, m.start);
            (item_label(text, sentence_start, clause, m.start).is_some()
                || YEAR_LABEL.is_match(&text[sentence_start..m.start]))
                && ends_item(text, m.end)
        }
        _ => false,
    };
    ok.then_some(Decision {
        kind,
        total: None,
        by_cue: false,
        cue_after_end: None,
    })
}

/// True when a bare count ends its list item: `Hội An 110;`, `Biên phòng 15 và …`.
fn ends_item(text: &str, end: usize) -> bool {
    let after = &text[end..];
    after.is_empty() || after.starts_with([';', ',', '.', ')', '…']) || after.starts_with(" và ")
}

/// The kind of an admitted count: a target while a plan governs the sentence; people of other
/// bodies (`kết nạp 300 đoàn viên`) are no party admission.
fn planned(w: &Walk, kind: Kind, m: &Mention) -> Option<Kind> {
    if matches!(m.counted, Some(Counted::Units | Counted::Group) | None) {
        return None;
    }
    // `kết nạp ít nhất 1 đảng viên`: a minimum is asked for, not reported.
    let minimum = m.qualifier == Some(Qualifier::AtLeast);
    // `phát triển đảng viên mới 8.412/6.500` among the goals: done over planned is a result.
    let done_over_planned = m.plan.is_some();
    Some(if (w.plan.is_some() || minimum) && !done_over_planned {
        Kind::Target
    } else {
        kind
    })
}

/// True when an admitting or planning cue's count is of people the Party admits: members, the
/// masses, people by trade; members of other bodies only where the Party is named (`kết nạp Đảng
/// cho 15 đoàn viên`, not `kết nạp 300 đoàn viên`).
fn admitted_people(text: &str, c: &Found, m: &Mention) -> bool {
    admitted_people_counted(m)
        || m.counted == Some(Counted::Outsiders) && text[c.at.end..m.start].contains("Đảng")
}

/// `286 đảng viên mới`, `1.100 ĐV mới`: the count's own words say its people are new.
fn counts_new(text: &str, m: &Mention) -> bool {
    text[m.number.end..m.end].ends_with("mới")
}

/// New members: admitted ones, whatever frame (or none) stands around them.
fn counts_new_members(text: &str, m: &Mention) -> bool {
    m.counted == Some(Counted::Members) && counts_new(text, m)
}

fn admitted_people_counted(m: &Mention) -> bool {
    matches!(
        m.counted,
        Some(Counted::Members | Counted::Masses | Counted::People)
    )
}

/// The records of the classified counts of `kind`, with period and organization; parts take
/// their total's.
pub fn records(doc: &Doc, classified: &[Classified], kind: Kind, out: &mut Vec<Record>) {
    for c in classified {
        if c.kind == kind && c.mention.counted != Some(Counted::Units) {
            out.push(record(doc, classified, c));
        }
        // `kết nạp 210/200 đảng viên`: the plan after the slash is a target.
        if kind == Kind::Target
            && c.kind == Kind::Admission
            && let Some((plan, span)) = &c.mention.plan
        {
            let mut r = Record::new(Kind::Target, Value::Count(*plan), span.start, span.end);
            r.unit = Some(Unit::Members);
            super::attribute(doc, &mut r);
            out.push(r);
        }
    }
}

fn record(doc: &Doc, all: &[Classified], c: &Classified) -> Record {
    let m = &c.mention;
    let mut r = Record::new(c.kind, Value::Count(m.value), m.start, m.end);
    r.unit = Some(Unit::Members);
    r.value_max = m.value_max.map(Value::Count);
    r.qualifier = m.qualifier;
    r.subset = c.subset.clone();
    if let Some(p) = &c.period {
        r.period = p.iso.clone();
        r.period_text = Some(p.text.clone());
    }
    r.org = c.label.clone();
    if let Some(t) = c.total {
        let t = &all[t].mention;
        r.total = Some((t.start, t.end));
        r.org = r.org.or_else(|| org::org_for(doc, t.start));
    } else {
        r.org = r.org.or_else(|| org::org_for(doc, m.start));
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each row's example holds the row's words, found as that row where they stand.
    #[test]
    fn every_cue_is_found_in_its_example() {
        let mut failures = Vec::new();
        for (row, c) in CUES.iter().enumerate() {
            let found = cues_in(c.example, 0..c.example.len(), c.example.len());
            if !found.iter().any(|f| std::ptr::eq(f.cue, &CUES[row])) {
                failures.push(format!("{} in {:?}", c.words, c.example));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    /// The walk reads the text between a cue before a count and the count: a cue looking forward
    /// must end before any number, or it would end inside the count it governs (a blocking cue
    /// governs nothing: `tăng 126 đồng chí` only takes its count out).
    #[test]
    fn cues_looking_forward_hold_no_number() {
        for c in CUES.iter().filter(|c| c.side != After && c.frame != Block) {
            assert!(!c.words.contains("0-9"), "{}", c.words);
            for f in cues_in(c.example, 0..c.example.len(), c.example.len()) {
                let matched = &c.example[f.at.clone()];
                assert!(!matched.bytes().any(|b| b.is_ascii_digit()), "{matched}");
            }
        }
    }

    #[test]
    #[cfg(feature = "cli")]
    fn the_printed_table_has_a_line_per_cue() {
        assert_eq!(cue_table().lines().count(), CUES.len() + 1);
    }
}
