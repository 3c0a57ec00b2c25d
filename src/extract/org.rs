//! Organizations: the party body or unit a count belongs to, read from its sentence (`Đảng bộ
//! huyện Mai Sơn`, `Công an tỉnh`, `toàn tỉnh` → `Đảng bộ tỉnh`).

use std::ops::Range;
use std::sync::LazyLock;

use super::{Doc, LETTERS, WindowPattern};

/// An organization named in a sentence: where its name is written, and whether it is the
/// `toàn tỉnh` / `tỉnh ta` kind, which names the `Đảng bộ` of the unit.
#[derive(Debug)]
pub(crate) struct OrgMention {
    at: usize,
    name: Range<usize>,
    whole_unit: bool,
}

/// Party bodies that, with a unit or a name after them, name an organization.
const BODIES: [&str; 8] = [
    "Đảng bộ",
    "Đảng ủy",
    "Chi bộ",
    "Huyện ủy",
    "Tỉnh ủy",
    "Thành ủy",
    "Quận ủy",
    "Thị ủy",
];
/// Administrative units written after a body: `Đảng bộ tỉnh`, `Đảng ủy xã Bồ Đề`.
const UNITS: [&str; 12] = [
    "tỉnh",
    "huyện",
    "thành phố",
    "thị xã",
    "quận",
    "xã",
    "phường",
    "thị trấn",
    "khối",
    "cơ sở",
    "thôn",
    "bản",
];
/// Units in `toàn tỉnh`, `toàn huyện`: the whole unit's Party organization.
const WHOLE_UNITS: [&str; 6] = ["tỉnh", "huyện", "thành phố", "thị xã", "quận", "xã"];
/// Units in `tỉnh ta`, `huyện ta`.
const OUR_UNITS: [&str; 2] = ["tỉnh", "huyện"];

/// A word with its first letter in either case.
pub(crate) fn either_case(word: &str) -> [String; 2] {
    let mut chars = word.chars();
    let first = chars.next().unwrap_or_default();
    let rest = chars.as_str();
    [
        format!("{}{rest}", first.to_uppercase()),
        format!("{}{rest}", first.to_lowercase()),
    ]
}

static BODY_FORMS: LazyLock<Vec<String>> =
    LazyLock::new(|| BODIES.iter().flat_map(|b| either_case(b)).collect());

static ORG: LazyLock<WindowPattern> = LazyLock::new(|| {
    // Units named by a capitalized word and a lower-case one: `Đảng bộ Quân sự tỉnh`.
    let name =
        format!("(?:Quân sự|Công an|Biên phòng|[A-ZĐ][{LETTERS}]*(?: [A-ZĐ0-9][{LETTERS}0-9]*)*)");
    let bodies = BODY_FORMS.join("|");
    let units = UNITS.join("|");
    let (whole, ours) = (WHOLE_UNITS.join("|"), OUR_UNITS.join("|"));
    WindowPattern::new(&format!(
        r"(?:{bodies})(?: (?:{units}))?(?: {name}(?: tỉnh| huyện)?)?|[Cc]ông an (?:tỉnh|huyện|thành phố)(?: {name})?|(?:[Tt]ỉnh|[Hh]uyện|[Tt]hành phố|[Tt]hị xã|[Qq]uận|[Xx]ã|[Pp]hường) {name}|[Tt]oàn (?:{whole})|(?:{ours}) ta"
    ))
    .expect("org pattern")
});

/// The organizations named in a sentence, normalized: `toàn tỉnh` → `Đảng bộ tỉnh`.
pub(crate) fn orgs(doc: &Doc, pos: usize) -> Vec<OrgMention> {
    let range = doc.sentence(pos);
    let sentence = &doc.text[range.clone()];
    let whole = 0..sentence.len();
    super::window_matches(&ORG, sentence, std::slice::from_ref(&whole))
        .into_iter()
        .filter_map(|m| {
            let (name, whole_unit) = org_name(&sentence[m.clone()])?;
            let at = range.start + m.start;
            Some(OrgMention {
                at,
                name: at + name.start..at + name.end,
                whole_unit,
            })
        })
        .collect()
}

/// Which part of an [`ORG`] match names the organization, and whether it is a whole unit's
/// (`toàn tỉnh`); `None` for a kind of body rather than a name (`đảng bộ cơ sở`, a bare
/// `Đảng bộ`). Read from the match text: the alternatives differ in their first words, and
/// this spares the engine that reads groups back.
fn org_name(m: &str) -> Option<(Range<usize>, bool)> {
    for lead in ["toàn ", "Toàn "] {
        if m.strip_prefix(lead)
            .is_some_and(|u| WHOLE_UNITS.contains(&u))
        {
            return Some((lead.len()..m.len(), true));
        }
    }
    if let Some(unit) = m.strip_suffix(" ta")
        && OUR_UNITS.contains(&unit)
    {
        return Some((0..unit.len(), true));
    }
    let Some(body) = BODY_FORMS.iter().find(|b| m.starts_with(b.as_str())) else {
        return Some((0..m.len(), false)); // a place or a police unit with its name
    };
    let rest = &m[body.len()..];
    let unit = UNITS
        .iter()
        .find(|u| rest.strip_prefix(' ').is_some_and(|r| r.starts_with(**u)));
    let named = rest.len() > unit.map_or(0, |u| u.len() + 1);
    let kind_of_body = !named
        && (body.starts_with(char::is_lowercase)
            || unit.is_none_or(|u| matches!(*u, "cơ sở" | "khối")));
    (!kind_of_body).then_some((0..m.len(), false))
}

/// The figure's organization: the nearest named before it in its sentence, else the first after.
pub fn org_for(doc: &Doc, start: usize) -> Option<String> {
    let facts = doc.sentence_facts(start);
    let before = facts.orgs.iter().rev().find(|o| o.at < start);
    let org = before.or_else(|| facts.orgs.iter().find(|o| o.at >= start))?;
    let name = &doc.text[org.name.clone()];
    Some(if org.whole_unit {
        format!("Đảng bộ {name}")
    } else {
        name.to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn org_names_from_match_text() {
        fn name(m: &str) -> Option<(&str, bool)> {
            org_name(m).map(|(r, whole)| (&m[r], whole))
        }
        assert_eq!(name("toàn tỉnh"), Some(("tỉnh", true)));
        assert_eq!(name("Toàn thành phố"), Some(("thành phố", true)));
        assert_eq!(name("huyện ta"), Some(("huyện", true)));
        assert_eq!(name("Đảng bộ tỉnh"), Some(("Đảng bộ tỉnh", false)));
        assert_eq!(name("Đảng ủy xã Bồ Đề"), Some(("Đảng ủy xã Bồ Đề", false)));
        assert_eq!(
            name("Chi bộ Khối Dân vận"),
            Some(("Chi bộ Khối Dân vận", false))
        );
        assert_eq!(name("thành phố Phủ Lý"), Some(("thành phố Phủ Lý", false)));
        for kind_of_body in [
            "Đảng bộ",
            "đảng bộ cơ sở",
            "Đảng bộ khối",
            "chi bộ",
            "đảng ủy xã",
        ] {
            assert_eq!(name(kind_of_body), None, "{kind_of_body}");
        }
    }

    #[test]
    fn orgs_table() {
        let cases = [
            (
                "Năm 2023, toàn Đảng bộ tỉnh kết nạp được 1.856 đảng viên",
                "1.856",
                Some("Đảng bộ tỉnh"),
            ),
            (
                "toàn Đảng bộ tỉnh Hà Nam đã kết nạp được 3.335 đảng viên",
                "3.335",
                Some("Đảng bộ tỉnh Hà Nam"),
            ),
            (
                "năm 2021, toàn tỉnh đã kết nạp 1.022 đảng viên mới",
                "1.022",
                Some("Đảng bộ tỉnh"),
            ),
            (
                "Từ năm 2021 đến nay, Đảng ủy xã Bồ Đề đã kết nạp được 36 đảng viên mới.",
                "36",
                Some("Đảng ủy xã Bồ Đề"),
            ),
            (
                "Từ đầu nhiệm kỳ đến nay, thành phố Phủ Lý đã kết nạp được 415 đảng viên mới",
                "415",
                Some("thành phố Phủ Lý"),
            ),
            (
                "Phát huy sức mạnh của 178 đảng viên tại 14 chi bộ trực thuộc, Đảng bộ BHXH tỉnh đã",
                "178",
                Some("Đảng bộ BHXH tỉnh"),
            ),
            ("Kết nạp 57 đảng viên mới", "57", None),
        ];
        let bad: Vec<String> = cases
            .iter()
            .filter_map(|&(s, fig, want)| {
                let doc = Doc::new(s);
                let got = org_for(&doc, s.find(fig).unwrap());
                (got.as_deref() != want).then(|| format!("{s}: got {got:?}, want {want:?}"))
            })
            .collect();
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }
}
