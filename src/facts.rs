//! The fact fields (SPEC "Fact fields"): `org_full`, the organization with its place resolved
//! from the article; `when`, the time resolved against the article's own date; `fact`, one number
//! for the records that state the same thing; `part_of`, the fact of the total a part divides.
//!
//! They are computed per file after extraction, segment by segment: [`Article`] reads the
//! article's date, its own organization and the places it names once, from the start of the
//! text, and [`Facts`] numbers the records of each segment in turn.

use std::cell::RefCell;
use std::ops::Range;
// foldhash: the maps are keyed by names and fact keys, looked up for every record and place
// mention, and never iterated (so their order cannot show); SipHash cost several times as much.
use foldhash::{HashMap, HashMapExt};
use std::sync::LazyLock;

use regex::Regex;

use crate::extract::Doc;
use crate::extract::org::either_case;
use crate::record::{Kind, Record, Value};
use crate::text::is_letter;

/// Vietnam's provinces and centrally-run cities with their former names (see the file's header).
const PROVINCES: &str = include_str!("../data/provinces.txt");

/// A place name from [`PROVINCES`]: its unit word and whether it names the place when written
/// alone (not `Hồ Chí Minh`, which is also the president's).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Province {
    unit: &'static str,
    alone: bool,
}

static PROVINCE_NAMES: LazyLock<HashMap<&'static str, Province>> = LazyLock::new(|| {
    let mut names = HashMap::new();
    for line in PROVINCES.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('|').map(str::trim);
        let unit = cols.next().unwrap_or_default();
        for (i, col) in cols.enumerate() {
            for name in col.split(", ").map(str::trim).filter(|n| !n.is_empty()) {
                let alone = !name.ends_with('*');
                // Provinces merged or renamed were all provinces (tỉnh) under those names.
                let unit = if i == 0 { unit } else { "tỉnh" };
                names.insert(name.trim_end_matches('*'), Province { unit, alone });
            }
        }
    }
    names
});

/// Words before a name that make it a place: the unit, or its Party committee (`Huyện ủy X` is
/// the committee of huyện X). Longest first, each with the unit it names.
const PLACE_WORDS: [(&str, &str); 15] = [
    ("thành phố", "thành phố"),
    ("thị trấn", "thị trấn"),
    ("thành ủy", "thành phố"),
    ("huyện ủy", "huyện"),
    ("quận ủy", "quận"),
    ("tỉnh ủy", "tỉnh"),
    ("thị xã", "thị xã"),
    ("thị ủy", "thị xã"),
    ("phường", "phường"),
    ("huyện", "huyện"),
    ("quận", "quận"),
    ("tỉnh", "tỉnh"),
    ("tp.", "thành phố"),
    ("xã", "xã"),
    ("tp", "thành phố"),
];

/// Capitalized words after a unit that are an organization's, not a place's (`Tỉnh Đoàn`, `Huyện
/// Hội Nông dân`).
const NOT_PLACES: [&str; 6] = ["Đoàn", "Hội", "Ủy", "Đảng", "Ban", "Mặt"];

/// The leading capitalized words of `words`, at most four: a place's name (`Quảng An` of `Quảng
/// An kết nạp`). Anything but a letter or a space ends it (`Quảng An:`, `Quảng An\nThứ Ba`).
/// Read in one pass over the characters: it runs for every place mention.
fn capitalized_prefix(words: &str) -> Option<&str> {
    let mut end = 0;
    let mut chars = words.char_indices();
    for i in 0..4 {
        let Some((start, first)) = chars.next() else {
            break;
        };
        if !(is_letter(first) && first.is_uppercase()) {
            break;
        }
        let mut word_end = start + first.len_utf8();
        let mut another = false;
        for (at, c) in chars.by_ref() {
            if !is_letter(c) {
                another = c == ' ';
                break;
            }
            word_end = at + c.len_utf8();
        }
        if i == 0 && NOT_PLACES.contains(&&words[start..word_end]) {
            break;
        }
        end = word_end;
        if !another {
            break;
        }
    }
    (end > 0).then(|| &words[..end])
}

/// The unit words of [`PLACE_WORDS`] as written before a name (`tỉnh `, `Tỉnh `, `TỈNH `), each
/// with the unit it names, longest first, and indexed for [`PlaceForms::ending`].
struct PlaceForms {
    forms: Vec<(String, &'static str)>,
    /// For each of the three bytes before a form's space, by its value: the forms with that byte
    /// there (or too short to have one), one bit each. Most words before a capital match none.
    by_byte_back: [[u64; 256]; BYTES_BACK],
    /// Each form's longer forms that start with it (`TỈNH ` of `TỈNH ỦY `), one bit each.
    longer: Vec<u64>,
}

/// How many bytes before a form's space [`PlaceForms::by_byte_back`] indexes.
const BYTES_BACK: usize = 3;

static PLACE_FORMS: LazyLock<PlaceForms> = LazyLock::new(|| {
    let mut forms: Vec<(String, &'static str)> = Vec::new();
    for &(written, unit) in &PLACE_WORDS {
        let [upper, lower] = either_case(written);
        for form in [upper, lower, written.to_uppercase()] {
            let form = format!("{form} ");
            if !forms.iter().any(|(f, _)| *f == form) {
                forms.push((form, unit));
            }
        }
    }
    assert!(forms.len() <= 64, "a bit per form");
    forms.sort_by_key(|(form, _)| std::cmp::Reverse(form.len()));
    let mut by_byte_back = [[0; 256]; BYTES_BACK];
    for (i, (form, _)) in forms.iter().enumerate() {
        let before_space = &form.as_bytes()[..form.len() - 1];
        for (back, forms_there) in by_byte_back.iter_mut().enumerate() {
            match before_space.len().checked_sub(back + 1) {
                Some(at) => forms_there[usize::from(before_space[at])] |= 1 << i,
                None => forms_there.iter_mut().for_each(|bits| *bits |= 1 << i),
            }
        }
    }
    let longer = forms
        .iter()
        .map(|(form, _)| {
            forms.iter().enumerate().fold(0, |bits, (j, (other, _))| {
                let extends = other.len() > form.len() && other.starts_with(form.as_str());
                bits | u64::from(extends) << j
            })
        })
        .collect();
    PlaceForms {
        forms,
        by_byte_back,
        longer,
    }
});

impl PlaceForms {
    /// The longest form `before` ends with, by index.
    fn ending(&self, before: &[u8]) -> Option<usize> {
        let mut candidates = match before {
            [.., b3, b2, b1, _] => {
                let [one, two, three] = &self.by_byte_back;
                one[usize::from(*b1)] & two[usize::from(*b2)] & three[usize::from(*b3)]
            }
            // Near the text's start: every form.
            _ => u64::MAX >> (64 - self.forms.len()),
        };
        while candidates != 0 {
            let i = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            if before.ends_with(self.forms[i].0.as_bytes()) {
                return Some(i);
            }
        }
        None
    }

    /// Whether a form longer than form `i` is written at the start of `from`.
    fn longer_at(&self, i: usize, from: &[u8]) -> bool {
        let mut longer = self.longer[i];
        while longer != 0 {
            let j = longer.trailing_zeros() as usize;
            longer &= longer - 1;
            if from.starts_with(self.forms[j].0.as_bytes()) {
                return true;
            }
        }
        false
    }
}

/// Of the 32 spaces or other bytes at `window[..32]`, those a capital letter may follow: a bit
/// for each space followed by an ASCII capital or a non-ASCII character other than `đ`, the
/// commonest by far. Written without branches so that it runs as vector code.
#[multiversion::multiversion(targets("x86_64+avx2"))]
fn spaces_before_capitals(window: &[u8; 34]) -> u32 {
    let mut flags = [0u8; 32];
    for (k, flag) in flags.iter_mut().enumerate() {
        let (b, next, after) = (window[k], window[k + 1], window[k + 2]);
        let small_d = (next == 0xC4) & (after == 0x91);
        let capital = (next.wrapping_sub(b'A') < 26) | (next >= 0xC0);
        *flag = u8::from((b == b' ') & capital & !small_d);
    }
    // Eight flags of 0 or 1 to eight bits: the multiplier adds each byte's flag into the top
    // byte at its own bit, with no carries.
    flags
        .chunks_exact(8)
        .enumerate()
        .fold(0, |mask, (i, eight)| {
            let eight = u64::from_le_bytes(eight.try_into().expect("eight flags"));
            let bits = eight.wrapping_mul(0x0102_0408_1020_4080) >> 56;
            mask | (bits as u32) << (8 * i)
        })
}

/// Where a capital letter may start just after a space in `bytes` (a superset: see
/// [`spaces_before_capitals`]), in order.
fn capitals_after_spaces(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let (mut block, mut mask) = (0, 0u32);
    std::iter::from_fn(move || {
        while mask == 0 {
            if block >= bytes.len() {
                return None;
            }
            mask = match bytes.get(block..block + 34) {
                Some(window) => spaces_before_capitals(window.try_into().expect("34 bytes")),
                None => {
                    let mut window = [0; 34];
                    window[..bytes.len() - block].copy_from_slice(&bytes[block..]);
                    spaces_before_capitals(&window)
                }
            };
            block += 32;
        }
        let space = block - 32 + mask.trailing_zeros() as usize;
        mask &= mask - 1;
        Some(space + 1)
    })
}

/// A province's name where `name` opens with one and goes on with capitalized words of another
/// name (`Hòa Bình Đặng Bích`, of `Chủ tịch UBND tỉnh Hòa Bình Đặng Bích Ngọc`).
fn province_first(name: &str) -> &str {
    // Bytes, not `match_indices`: its backward search cost more than the lookups.
    let ends = name.bytes().enumerate().filter(|&(_, b)| b == b' ');
    ends.map(|(i, _)| i)
        .rev()
        .find(|&end| PROVINCE_NAMES.contains_key(&name[..end]))
        .filter(|_| !PROVINCE_NAMES.contains_key(name))
        .map_or(name, |end| &name[..end])
}

/// Every place `text` names with a unit word (`tỉnh Quảng An`, `Huyện ủy Hòa Phong`, `TP. Tân
/// Lập`): where, its unit, its name, in order; the longest unit word is the one a name is
/// written with (`thị xã Đồi Mai`, not `xã Đồi Mai`).
///
/// Found from the capitals after spaces, backwards: a multi-pattern search for the unit words
/// cost several times as much, as most of them go on in lower case (`tỉnh ta`, `huyện miền núi`)
/// with no name to read. The mentions are those of a leftmost-longest search for the forms: no
/// form starts inside another but `xã ` in `thị xã `, which the longest form ending at a name
/// takes in, and one starting where a longer one does (`TỈNH ` of `TỈNH ỦY `) is not one.
fn mentions(text: &str) -> impl Iterator<Item = (usize, &'static str, &str)> {
    let places = &*PLACE_FORMS;
    let bytes = text.as_bytes();
    capitals_after_spaces(bytes).filter_map(move |at| {
        let form = places.ending(&bytes[..at])?;
        let (written, unit) = &places.forms[form];
        let start = at - written.len();
        let boundary = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphabetic());
        let named = text[at..].chars().next().is_some_and(char::is_uppercase);
        if !boundary || !named || places.longer_at(form, &bytes[start..]) {
            return None;
        }
        Some((
            start,
            *unit,
            province_first(capitalized_prefix(&text[at..])?),
        ))
    })
}

/// The places a segment names with a unit word, read from its start only as far as the records
/// need (most organizations are written in full, and most places a record needs are named
/// before it): by name, and by unit in order of position.
struct Places<'t> {
    index: RefCell<PlaceIndex<'t>>,
}

struct PlaceIndex<'t> {
    /// The segment's text.
    text: &'t str,
    /// The mentions not read yet, in order of position.
    unread: Box<dyn Iterator<Item = (usize, &'static str, &'t str)> + 't>,
    /// Where the last mention read starts; `None` before the first.
    last_read: Option<usize>,
    /// No mention is left to read.
    all_read: bool,
    /// The unit each name is first written with (`Yên Khê` → `huyện`).
    unit_of: HashMap<&'t str, &'static str>,
    /// Each unit's places, by position.
    by_unit: HashMap<&'static str, Vec<(usize, &'t str)>>,
}

impl<'t> PlaceIndex<'t> {
    /// Reads the next mention; false when none is left.
    fn read_one(&mut self) -> bool {
        let Some((at, unit, name)) = self.unread.next() else {
            self.all_read = true;
            return false;
        };
        self.unit_of.entry(name).or_insert(unit);
        self.by_unit.entry(unit).or_default().push((at, name));
        self.last_read = Some(at);
        true
    }

    /// Where `name` is last written just after a unit word, after the last mention read: a
    /// mention not read yet can name it only before that. Most names looked up are in no
    /// mention, and a substring search for them costs a fraction of reading every mention.
    fn last_named_at(&self, name: &str) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let from = self.last_read.unwrap_or(0);
        // Forwards: the reverse search has no vector code.
        memchr::memmem::find_iter(&bytes[from..], name.as_bytes())
            .map(|at| from + at)
            .filter(|&at| {
                PLACE_FORMS
                    .forms
                    .iter()
                    .any(|(form, _)| bytes[..at].ends_with(form.as_bytes()))
            })
            .last()
    }
}

impl<'t> Places<'t> {
    fn new(text: &'t str) -> Self {
        Places {
            index: RefCell::new(PlaceIndex {
                text,
                unread: Box::new(mentions(text)),
                last_read: None,
                all_read: false,
                unit_of: HashMap::new(),
                by_unit: HashMap::new(),
            }),
        }
    }

    /// The unit `name` is first written with in the segment (`huyện Yên Khê`).
    fn unit_of(&self, name: &str) -> Option<&'static str> {
        let mut index = self.index.borrow_mut();
        if let Some(&unit) = index.unit_of.get(name) {
            return Some(unit);
        }
        if index.all_read {
            return None;
        }
        let until = index.last_named_at(name)?;
        while index.last_read.is_none_or(|last| last < until) && index.read_one() {
            if let Some(&unit) = index.unit_of.get(name) {
                return Some(unit);
            }
        }
        None
    }

    /// The place of `unit` named nearest before `at` (`… huyện Sơn Hà … Đảng bộ huyện`), else the
    /// first named after it.
    fn named(&self, unit: &str, at: usize) -> Option<String> {
        let mut index = self.index.borrow_mut();
        // Every mention before `at` read: they come in order.
        while !index.all_read && index.last_read.is_none_or(|last| last < at) {
            index.read_one();
        }
        loop {
            let found = index.by_unit.get(unit).map_or(&[][..], Vec::as_slice);
            let first_after = found.partition_point(|(p, _)| *p < at);
            if let Some((_, name)) = found[..first_after].last().or(found.get(first_after)) {
                return Some(name.to_string());
            }
            if !index.read_one() {
                return None;
            }
        }
    }
}

/// A date with its year (`10/01/2025`, `05-06-2023`), the shape of an article's own date.
static DATE_SHAPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]((?:19|20)[0-9]{2})(?-u:\b)")
        .expect("date shape")
});

/// The matches of [`DATE_SHAPE`] in `text`, as `find_iter` finds them, the pattern run only
/// around each separator before a year (`/2025`), which every match ends with: a scan of the
/// whole header cost more than the rest of reading the article.
fn date_shapes(text: &str) -> impl Iterator<Item = regex::Match<'_>> {
    let bytes = text.as_bytes();
    let mut searched_to = 0;
    memchr::memchr3_iter(b'/', b'.', b'-', bytes).filter_map(move |sep| {
        let year = bytes.get(sep + 1..sep + 5)?;
        let is_year = (year.starts_with(b"19") || year.starts_with(b"20"))
            && year[2..].iter().all(u8::is_ascii_digit);
        if sep < searched_to || !is_year {
            return None;
        }
        // A match starts at most five bytes before (a day, a separator, a month) and ends with
        // the year; the character after it is kept for the word boundary. A match found here
        // ends with this year: one with an earlier year was found at its own separator.
        let from = text
            .floor_char_boundary(sep.saturating_sub(5))
            .max(searched_to);
        let to = text.ceil_char_boundary(sep + 6);
        let found = DATE_SHAPE.find_at(&text[..to], from)?;
        searched_to = found.end();
        Some(found)
    })
}

/// Words that mark a dateline before its date (`Thứ Sáu, 10/01/2025`, `Cập nhật: 10:20,
/// 05/06/2023`, `Ngày đăng: 12/03/2024`), lower-cased.
const DATELINE_LABELS: [&str; 12] = [
    "thứ hai",
    "thứ ba",
    "thứ tư",
    "thứ năm",
    "thứ sáu",
    "thứ bảy",
    "chủ nhật",
    "cập nhật",
    "ngày đăng",
    "đăng ngày",
    "đăng lúc",
    "xuất bản",
];

/// How much of the text's start holds its header, headline and first statement.
const HEAD: usize = 1500;
/// Where a text's dateline is looked for: its header, else its last lines (`Ngày đăng: …` under
/// a scraped article).
const DATELINE_HEAD: usize = 4096;
const DATELINE_TAIL: usize = 2048;

/// A calendar date (year, month, day).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// What the article says of itself: its date and the organization it is about.
#[derive(Debug, Default)]
pub struct Article {
    pub date: Option<Date>,
    /// The organization its headline or first statement names, in full (`Đảng bộ tỉnh Quảng An`).
    pub own: Option<String>,
    /// The place behind [`Article::own`], for `Đảng bộ tỉnh` and `toàn huyện`.
    own_place: Option<(&'static str, String)>,
}

/// `s` cut to at most `n` bytes at a character boundary.
fn head(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The first dateline in `text`: a date after a label on its line, or alone on its line (a time
/// of day aside), not the first words of a sentence.
fn dateline(text: &str) -> Option<Date> {
    date_shapes(text).find_map(|whole| {
        let line_start =
            memchr::memrchr(b'\n', &text.as_bytes()[..whole.start()]).map_or(0, |i| i + 1);
        let line_end = text[whole.end()..]
            .find('\n')
            .map_or(text.len(), |i| whole.end() + i);
        let before = &text[line_start..whole.start()];
        // Lower-casing leaves at least a third of the bytes (the Kelvin sign becomes `k`), so a
        // longer line start is no label's and is not lower-cased (it may be a paragraph).
        let labelled = before.len() <= 180 && {
            let before = before.to_lowercase();
            before.len() <= 60 && DATELINE_LABELS.iter().any(|l| before.contains(l))
        };
        // No other character lower-cases to one of these bytes.
        let time_only = before
            .bytes()
            .all(|b| b.is_ascii_digit() || b" :h,-\t".contains(&b.to_ascii_lowercase()));
        let alone = time_only && text[whole.end()..line_end].trim().len() <= 24;
        // The match is day, separator, month, separator, year: read without the capture engine.
        let shape = whole.as_str();
        let day_end = shape.bytes().position(|b| !b.is_ascii_digit())?;
        let month = &shape[day_end + 1..];
        let month_end = month.bytes().position(|b| !b.is_ascii_digit())?;
        let (d, m): (u32, u32) = (
            shape[..day_end].parse().ok()?,
            month[..month_end].parse().ok()?,
        );
        ((1..=12).contains(&m) && (1..=31).contains(&d) && (labelled || alone)).then(|| Date {
            year: month[month_end + 1..].parse().unwrap_or_default(),
            month: m,
            day: d,
        })
    })
}

impl Article {
    /// Reads the date and the organization from the start of a normalized text.
    pub fn read(text: &str) -> Self {
        let date = dateline(head(text, DATELINE_HEAD)).or_else(|| {
            let mut from = text.len().saturating_sub(DATELINE_TAIL).max(DATELINE_HEAD);
            while from < text.len() && !text.is_char_boundary(from) {
                from += 1;
            }
            dateline(text.get(from..).unwrap_or_default())
        });
        let head = head(text, HEAD);
        let named = mentions(head)
            .next()
            .map(|(_, unit, name)| (unit, name.to_string()));
        let own_place = named.or_else(|| {
            // A province named alone in the headline (`Quảng Ninh: kết nạp 2.000 đảng viên`).
            head.lines().find_map(|line| {
                let name = capitalized_prefix(line.trim())?;
                let province = PROVINCE_NAMES.get(name).filter(|p| p.alone)?;
                Some((province.unit, name.to_string()))
            })
        });
        Article {
            date,
            own: own_place
                .as_ref()
                .map(|(unit, name)| format!("Đảng bộ {unit} {name}")),
            own_place,
        }
    }
}

/// Party bodies as the records' `org` writes them, and the body they name: a committee
/// (`Tỉnh ủy`) leads the organization (`Đảng bộ tỉnh`), which is what admits.
const BODIES: [(&str, &str); 9] = [
    ("Đảng bộ", "Đảng bộ"),
    ("Đảng ủy", "Đảng bộ"),
    ("Chi bộ", "Chi bộ"),
    ("Tỉnh ủy", "Đảng bộ tỉnh"),
    ("Huyện ủy", "Đảng bộ huyện"),
    ("Thành ủy", "Đảng bộ thành phố"),
    ("Quận ủy", "Đảng bộ quận"),
    ("Thị ủy", "Đảng bộ thị xã"),
    ("Công an", "Công an"),
];

/// The place resolving a bare unit word (`tỉnh` of `Đảng bộ tỉnh`): the article's own where it
/// is of that unit, else the nearest named before `at` in the segment, else the first after.
fn place_of_unit(article: &Article, places: &Places, unit: &str, at: usize) -> Option<String> {
    if let Some((u, name)) = &article.own_place
        && *u == unit
    {
        return Some(name.clone());
    }
    places.named(unit, at)
}

/// The unit of a bare name (`Sơn Hà`): as the segment names it with its unit word, else as the
/// list of provinces does.
fn unit_of_name(places: &Places, name: &str) -> Option<&'static str> {
    places
        .unit_of(name)
        .or_else(|| PROVINCE_NAMES.get(name).filter(|p| p.alone).map(|p| p.unit))
}

/// `org` in full: its body named as the organization (`Tỉnh ủy` → `Đảng bộ tỉnh`), its bare
/// unit given the place (`Đảng bộ tỉnh` → `Đảng bộ tỉnh Quảng An`), a bare place given its
/// organization (`Sơn Hà` → `Đảng bộ huyện Sơn Hà` where the article writes `huyện Sơn Hà`).
fn resolve(org: &str, article: &Article, places: &Places, at: usize) -> String {
    let (body, rest) = BODIES
        .iter()
        .find_map(|(written, body)| {
            let rest = org.strip_prefix(written)?;
            (rest.is_empty() || rest.starts_with(' ')).then(|| (*body, rest.trim_start()))
        })
        .unwrap_or(("", org));
    // The unit the body's own name ends with (`Đảng bộ tỉnh`), or the rest's (`Quân sự tỉnh`).
    let (body, rest) = match body.rsplit_once(' ') {
        Some((b, unit)) if body != "Đảng bộ" && body != "Chi bộ" && body != "Công an" => {
            (b, format!("{unit} {rest}").trim_end().to_string())
        }
        _ => (body, rest.to_string()),
    };
    let lower = rest.to_lowercase();
    let unit_first = PLACE_WORDS
        .iter()
        .find(|(w, _)| {
            lower
                .strip_prefix(w)
                .is_some_and(|after| after.is_empty() || after.starts_with(' '))
        })
        .map(|(w, u)| (w.len(), *u));
    let body = if body.is_empty() {
        "Đảng bộ"
    } else {
        body
    };
    match unit_first {
        // `Đảng bộ tỉnh`, `Thành phố Tân Lập`.
        Some((len, unit)) => {
            let name = rest[len..].trim();
            if name.is_empty() {
                match place_of_unit(article, places, unit, at) {
                    Some(place) => format!("{body} {unit} {place}"),
                    None => format!("{body} {unit}"),
                }
            } else {
                format!("{body} {unit} {name}")
            }
        }
        None => {
            // `Quân sự tỉnh`, `Công an huyện`: the unit's place at the end.
            if let Some((lead, unit)) = rest.rsplit_once(' ')
                && let Some((_, unit)) = PLACE_WORDS.iter().find(|(w, _)| *w == unit)
                && let Some(place) = place_of_unit(article, places, unit, at)
            {
                return format!("{body} {lead} {unit} {place}");
            }
            match unit_of_name(places, &rest) {
                Some(unit) if body == "Đảng bộ" => format!("Đảng bộ {unit} {rest}"),
                _ if org == rest => rest,
                _ => format!("{body} {rest}"),
            }
        }
    }
}

/// The place a sentence or clause opens with as its subject (`Hà Yên kết nạp …`), where the
/// article or the list of provinces knows it as a place.
fn subject_place(text: &str, places: &Places) -> Option<(&'static str, String)> {
    let name = capitalized_prefix(text.trim_start())?;
    // A place's name has two words or more but for a few provinces (Huế); one capitalized word
    // opening a sentence is far more often `Năm`, `Theo`, `Trong`, and is not looked up.
    if !name.contains(' ') {
        let province = PROVINCE_NAMES.get(name).filter(|p| p.alone)?;
        return Some((province.unit, name.to_string()));
    }
    let unit = unit_of_name(places, name)?;
    Some((unit, name.to_string()))
}

/// Relative times, resolved against the article's date; the longer phrases first.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Relative {
    /// `từ đầu năm đến nay`: January to the article's day.
    SinceYearStart,
    /// `6 tháng đầu năm`: the first months of the year.
    FirstMonths,
    /// `quý I` … `quý IV`.
    Quarter,
    /// `cùng kỳ năm trước`: the time the sentence otherwise names, a year earlier.
    SamePeriod,
    /// `năm nay`.
    ThisYear,
    /// `năm qua`, `năm trước`: the year before the article's (its own near a year's end).
    LastYear,
    /// `hiện nay`, `hiện có`: the article's day (a membership total stands at it).
    Now,
    /// `những năm qua`, `5 năm qua`: a span nothing pins.
    Vague,
}

/// The phrases of [`Relative`], each with an example the tests read.
const RELATIVE: [(&str, Relative, &str); 9] = [
    (
        r"từ đầu năm (?:đến|tới) nay|từ đầu năm",
        Relative::SinceYearStart,
        "Từ đầu năm đến nay, kết nạp 300 đảng viên",
    ),
    (
        r"(?P<n>[0-9]{1,2}) tháng đầu năm(?: nay)?",
        Relative::FirstMonths,
        "6 tháng đầu năm, kết nạp 300 đảng viên",
    ),
    (
        r"quý (?P<q>IV|III|II|I|1|2|3|4)(?-u:\b)(?: năm nay)?",
        Relative::Quarter,
        "Quý I, kết nạp 300 đảng viên",
    ),
    (
        r"cùng kỳ(?: năm (?:trước|ngoái))?",
        Relative::SamePeriod,
        "cùng kỳ năm trước kết nạp 280 đảng viên",
    ),
    (
        r"(?:những|các|nhiều|mấy|[0-9]+) năm (?:qua|gần đây|trước)",
        Relative::Vague,
        "Những năm qua, kết nạp 300 đảng viên",
    ),
    (
        r"năm nay",
        Relative::ThisYear,
        "Năm nay, kết nạp 300 đảng viên",
    ),
    (
        r"năm (?:vừa qua|qua|trước|ngoái)",
        Relative::LastYear,
        "Trong năm qua, kết nạp 300 đảng viên",
    ),
    (
        r"hiện nay|hiện có|hiện đang|^hiện ",
        Relative::Now,
        "Đảng bộ hiện có 3.000 đảng viên",
    ),
    (
        r"tính đến nay|đến nay",
        Relative::Now,
        "Tính đến nay, toàn tỉnh có 3.000 đảng viên",
    ),
];

static RELATIVE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let alts: Vec<String> = RELATIVE
        .iter()
        .enumerate()
        .map(|(i, (p, _, _))| format!("(?P<r{i}>{p})"))
        .collect();
    Regex::new(&format!(r"(?i:(?-u:\b)(?:{}))", alts.join("|"))).expect("relative pattern")
});

/// The group index of each phrase of [`RELATIVE`] in [`RELATIVE_RE`], looked up once: naming a
/// group costs a string per phrase per match.
static RELATIVE_GROUPS: LazyLock<Vec<usize>> = LazyLock::new(|| {
    let names: Vec<Option<&str>> = RELATIVE_RE.capture_names().collect();
    (0..RELATIVE.len())
        .map(|i| {
            let name = format!("r{i}");
            names
                .iter()
                .position(|n| *n == Some(name.as_str()))
                .expect("a group per phrase")
        })
        .collect()
});

/// The relative phrases of `sentence`, with where each starts.
fn relatives(sentence: &str) -> Vec<(usize, Relative, Option<u32>)> {
    RELATIVE_RE
        .captures_iter(sentence)
        .filter_map(|c| {
            let i = (0..RELATIVE.len()).find(|&i| c.get(RELATIVE_GROUPS[i]).is_some())?;
            let n = c
                .name("n")
                .and_then(|n| n.as_str().parse().ok())
                .or_else(|| {
                    c.name("q").map(|q| match q.as_str() {
                        "I" | "1" => 1,
                        "II" | "2" => 2,
                        "III" | "3" => 3,
                        _ => 4,
                    })
                });
            Some((c.get(0).expect("match").start(), RELATIVE[i].1, n))
        })
        .collect()
}

/// A span of months as ISO 8601 (`2025-01/2025-06`).
fn months(year: i32, from: u32, to: u32) -> String {
    format!("{year}-{from:02}/{year}-{to:02}")
}

/// The time `rel` names against the article's `date`; `other` is what the sentence otherwise
/// names, for `cùng kỳ`.
fn resolve_relative(
    rel: Relative,
    n: Option<u32>,
    date: Date,
    other: Option<String>,
) -> Option<String> {
    let y = date.year;
    Some(match rel {
        Relative::SinceYearStart => {
            format!("{y}-01/{y}-{:02}-{:02}", date.month, date.day)
        }
        Relative::FirstMonths => months(y, 1, n.filter(|n| (1..=12).contains(n))?),
        Relative::Quarter => {
            let q = n?;
            months(y, q * 3 - 2, q * 3)
        }
        Relative::SamePeriod => match other {
            // The same span a year back: every year in it less one.
            Some(span) => span
                .split('/')
                .map(|end| {
                    let (year, rest) = end.split_at(4.min(end.len()));
                    Some(format!("{}{rest}", year.parse::<i32>().ok()? - 1))
                })
                .collect::<Option<Vec<String>>>()?
                .join("/"),
            None => (y - 1).to_string(),
        },
        Relative::ThisYear => y.to_string(),
        // A review written in the year's last two months looks back on that same year.
        Relative::LastYear if date.month >= 11 => y.to_string(),
        Relative::LastYear => (y - 1).to_string(),
        Relative::Now => format!("{y}-{:02}-{:02}", date.month, date.day),
        Relative::Vague => return None,
    })
}

/// The time a figure at `pos` of a sentence whose relative phrases are `found` (offsets within
/// it) refers to by one of them: the nearest before it, else the first after.
fn relative_when(
    found: &[(usize, Relative, Option<u32>)],
    pos: usize,
    date: Date,
    kind: Kind,
) -> Option<String> {
    // `hiện` dates a membership total; of admissions over a time it says nothing.
    let usable =
        |r: &&(usize, Relative, Option<u32>)| kind == Kind::Membership || r.1 != Relative::Now;
    let near = found
        .iter()
        .filter(usable)
        .rfind(|r| r.0 <= pos)
        .or_else(|| found.iter().filter(usable).find(|r| r.0 > pos))?;
    let other = found
        .iter()
        .filter(|r| !matches!(r.1, Relative::SamePeriod | Relative::Now | Relative::Vague))
        .find_map(|&(_, rel, n)| resolve_relative(rel, n, date, None));
    resolve_relative(near.1, near.2, date, other)
}

/// The relative phrases of the sentence read last: the records of a sentence mostly come one
/// after another and share them, and reading them is a regex search of the whole sentence.
#[derive(Default)]
struct SentenceRelatives {
    sentence: Range<usize>,
    found: Vec<(usize, Relative, Option<u32>)>,
}

impl SentenceRelatives {
    /// [`relative_when`] for a figure at `at` in `doc`'s `sentence`.
    fn when(
        &mut self,
        doc: &Doc,
        sentence: Range<usize>,
        at: usize,
        date: Option<Date>,
        kind: Kind,
    ) -> Option<String> {
        let date = date?;
        // The empty sentence it starts with has no phrases, as none is found in one.
        if sentence != self.sentence {
            self.found = relatives(&doc.text[sentence.clone()]);
            self.sentence = sentence;
        }
        relative_when(&self.found, at - self.sentence.start, date, kind)
    }
}

/// An ISO value with its `XXXX` years filled from the article's date.
fn fill_year(iso: &str, date: Option<Date>) -> Option<String> {
    // A few bytes compared in place: a substring search prepares its word anew per call.
    if !iso.as_bytes().windows(4).any(|w| w == b"XXXX") {
        return Some(iso.to_string());
    }
    Some(iso.replace("XXXX", &date?.year.to_string()))
}

/// The record among `records` (sorted by start) spanning `span`, of `kind` where two share it.
fn record_at(records: &[Record], span: (usize, usize), kind: Kind) -> Option<usize> {
    let from = records.partition_point(|r| r.start < span.0);
    let same: Vec<usize> = (from..records.len())
        .take_while(|&i| records[i].start == span.0)
        .filter(|&i| records[i].end == span.1)
        .collect();
    same.iter()
        .copied()
        .find(|&i| records[i].kind == kind)
        .or(same.first().copied())
}

/// Numbers the facts of one file, segment by segment.
#[derive(Debug, Default)]
pub struct Facts {
    /// The last fact number given.
    last: usize,
}

impl Facts {
    /// Fills `org_full`, `when`, `fact` and `part_of` of one segment's records (sorted by start,
    /// spans and `total` in `doc`'s offsets). Repeats are looked for within the segment: a
    /// segment is larger than any article, and the facts of a huge file are not all kept.
    pub fn assign(&mut self, article: &Article, doc: &Doc, records: &mut [Record]) {
        let places = Places::new(doc.text);
        // Totals first, so that a part takes its total's organization and time.
        let mut order: Vec<usize> = (0..records.len()).collect();
        order.sort_by_key(|&i| records[i].total.is_some());
        let mut total_of: Vec<Option<usize>> = vec![None; records.len()];
        let mut relatives = SentenceRelatives::default();
        for &i in &order {
            let r = &records[i];
            let total = r
                .total
                .and_then(|span| record_at(records, span, r.kind))
                .filter(|&t| t != i);
            total_of[i] = total;
            let (org_full, when) = fill(article, doc, records, i, total, &places, &mut relatives);
            records[i].org_full = org_full;
            records[i].when = when;
        }
        let mut seen: HashMap<String, usize> = HashMap::with_capacity(records.len());
        for r in records.iter_mut() {
            let key = fact_key(r);
            r.fact = *seen.entry(key).or_insert_with(|| {
                self.last += 1;
                self.last
            });
        }
        for (i, total) in total_of.into_iter().enumerate() {
            records[i].part_of = total.map(|t| records[t].fact);
        }
    }
}

/// The count `records[i]` follows in its sentence (which starts at `sentence_start`): a
/// percentage shares its time and organization (`kết nạp 964 …, đạt 107,1%`).
fn count_before(records: &[Record], i: usize, sentence_start: usize) -> Option<&Record> {
    records[..i]
        .iter()
        .rev()
        .take_while(|o| o.start >= sentence_start)
        .find(|o| counts(o.kind))
}

/// The `org_full` and `when` of `records[i]`, whose total (when a part) is `records[t]`
/// with its own already filled.
fn fill(
    article: &Article,
    doc: &Doc,
    records: &[Record],
    i: usize,
    total: Option<usize>,
    places: &Places,
    relatives: &mut SentenceRelatives,
) -> (Option<String>, Option<String>) {
    let r = &records[i];
    let total = total.map(|t| &records[t]);
    let sentence = || doc.sentence(r.start);
    let when = match r.kind {
        Kind::Date => fill_year(&r.value.to_string(), article.date),
        Kind::Directive => r.issued.as_deref().and_then(|d| fill_year(d, article.date)),
        Kind::Percentage => {
            // A percentage shares the time of the count it follows in its sentence.
            let range = sentence();
            count_before(records, i, range.start)
                .and_then(|o| o.when.clone())
                .or_else(|| relatives.when(doc, range, r.start, article.date, r.kind))
        }
        _ => r
            .period
            .clone()
            .or_else(|| total.and_then(|t| t.when.clone()))
            .or_else(|| relatives.when(doc, sentence(), r.start, article.date, r.kind)),
    };
    if !(counts(r.kind) || r.kind == Kind::Percentage) {
        return (None, when);
    }
    let org_full = match (&r.org, total) {
        (Some(org), _) => Some(resolve(org, article, places, r.start)),
        (None, Some(t)) => t.org_full.clone(),
        // A percentage is of the count it follows in its sentence (`kết nạp 964 …, đạt 107,1%`).
        (None, None) if r.kind == Kind::Percentage => count_before(records, i, sentence().start)
            .and_then(|o| o.org_full.clone())
            .or_else(|| article.own.clone()),
        (None, None) => {
            let range = sentence();
            let before = &doc.text[range.start..r.start.max(range.start)];
            let clause = before.rfind(", ").map_or(before, |c| &before[c + 2..]);
            subject_place(before, places)
                .or_else(|| subject_place(clause, places))
                .map(|(unit, name)| format!("Đảng bộ {unit} {name}"))
                .or_else(|| article.own.clone())
        }
    };
    (org_full, when)
}

/// The kinds that count members.
fn counts(kind: Kind) -> bool {
    matches!(kind, Kind::Admission | Kind::Target | Kind::Membership)
}

/// What makes two records one fact: the SPEC's fields, the period read where the sentence pins
/// none from `when`; a directive by its document. Written without the formatting machinery,
/// which cost more than the rest of the key.
fn fact_key(r: &Record) -> String {
    const SEP: char = '\u{1f}';
    let mut key = String::with_capacity(96);
    key.push_str(r.kind.as_str());
    key.push(SEP);
    if r.kind == Kind::Directive {
        key.push_str(&r.value.to_string().to_lowercase());
        return key;
    }
    push_value(&mut key, &r.value);
    key.push(SEP);
    if let Some(max) = &r.value_max {
        push_value(&mut key, max);
    }
    key.push(SEP);
    key.push_str(r.unit.map_or("", |u| u.as_str()));
    key.push(SEP);
    key.push_str(r.role.map_or("", |r| r.as_str()));
    let period = r.period.as_ref().or(r.when.as_ref());
    for field in [r.subset.as_ref(), r.org_full.as_ref(), period] {
        key.push(SEP);
        if let Some(f) = field {
            key.push_str(f);
        }
    }
    key
}

/// `v` written so that two values write the same exactly when their `Display` strings are equal:
/// a decimal as its bits (formatting a float cost more than the rest of the key), marked so it
/// never equals a count, which `Display` keeps apart by the decimal's `.0`; NaN as one string,
/// as `Display` writes every NaN.
fn push_value(key: &mut String, v: &Value) {
    match v {
        Value::Count(n) => key.push_str(itoa::Buffer::new().format(*n)),
        Value::Text(s) => key.push_str(s),
        Value::Decimal(x) if x.is_nan() => key.push_str("NaN"),
        Value::Decimal(x) => {
            key.push('f');
            key.push_str(itoa::Buffer::new().format(x.to_bits()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_holds_the_34_provinces_and_the_63_before_them() {
        let lines: Vec<&str> = PROVINCES.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(lines.len(), 34);
        let before: usize = lines
            .iter()
            .map(|l| {
                1 + l
                    .split('|')
                    .nth(2)
                    .unwrap()
                    .split(',')
                    .filter(|n| !n.trim().is_empty())
                    .count()
            })
            .sum();
        assert_eq!(before, 63);
        assert_eq!(PROVINCE_NAMES["Hà Giang"].unit, "tỉnh");
        assert_eq!(PROVINCE_NAMES["Cần Thơ"].unit, "thành phố");
        assert!(!PROVINCE_NAMES["Hồ Chí Minh"].alone);
    }

    fn read(text: &str) -> Article {
        Article::read(text)
    }

    proptest::proptest! {
        #[test]
        fn date_shapes_are_the_pattern_matches(
            parts in proptest::collection::vec(
                proptest::sample::select(&[
                    "1", "12", "123", "2020", "1999", "20", "19", "5", "/", ".", "-", " ", "a",
                    "Đ", "\n",
                ][..]),
                0..24,
            )
        ) {
            let text = parts.concat();
            let windowed: Vec<_> = date_shapes(&text).map(|m| m.range()).collect();
            let whole: Vec<_> = DATE_SHAPE.find_iter(&text).map(|m| m.range()).collect();
            proptest::prop_assert_eq!(windowed, whole);
        }
    }

    #[test]
    fn the_article_date_comes_from_its_header_or_dateline() {
        type Ymd = Option<(i32, u32, u32)>;
        let table: [(&str, Ymd); 7] = [
            (
                "Tin tức\nThứ Sáu, 10/01/2025\nNăm nay kết nạp 5 đảng viên.",
                Some((2025, 1, 10)),
            ),
            ("Cập nhật: 10:20, 05/06/2023\nBài viết", Some((2023, 6, 5))),
            (
                "Tiêu đề\nNgày đăng: 12/03/2024 09:15\nBài",
                Some((2024, 3, 12)),
            ),
            ("Tiêu đề\n14/01/2025 08:30\nBài", Some((2025, 1, 14))),
            // A date opening a sentence of the body is no dateline.
            (
                "Tiêu đề\n31/12/2024 là ngày Đảng bộ tỉnh tổng kết công tác năm với nhiều kết quả.",
                None,
            ),
            ("Sáng 3-2, Huyện ủy tổ chức hội nghị.", None),
            // Under the article, past its header.
            (
                &format!(
                    "Tiêu đề\n{}\nNgày đăng: 12/03/2024",
                    "Bài viết. ".repeat(600)
                ),
                Some((2024, 3, 12)),
            ),
        ];
        for (text, want) in table {
            let got = read(text).date.map(|d| (d.year, d.month, d.day));
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn the_article_organization_comes_from_its_headline() {
        let table = [
            (
                "Xây dựng Đảng\n\nĐảng bộ tỉnh Quảng An kết nạp 1.204 đảng viên",
                Some("Đảng bộ tỉnh Quảng An"),
            ),
            (
                "Huyện ủy Hòa Phong: nhiều cách làm hay",
                Some("Đảng bộ huyện Hòa Phong"),
            ),
            (
                "Tin tỉnh Quảng An\nThứ Ba, 14/01/2025",
                Some("Đảng bộ tỉnh Quảng An"),
            ),
            (
                "Quảng Ninh: kết nạp 2.000 đảng viên",
                Some("Đảng bộ tỉnh Quảng Ninh"),
            ),
            // A person's name, and the president's, are no place.
            (
                "Trần Minh Khôi\nHồ Chí Minh với công tác xây dựng Đảng",
                None,
            ),
            ("Tỉnh Đoàn tổ chức hội nghị", None),
        ];
        for (text, want) in table {
            assert_eq!(read(text).own.as_deref(), want, "{text}");
        }
    }

    proptest::proptest! {
        /// The mentions read backwards from capitals are those of a leftmost-longest search for
        /// the unit words, as they were found before.
        #[test]
        fn mentions_are_those_of_a_leftmost_longest_search(
            parts in proptest::collection::vec(
                proptest::sample::select(&[
                    "tỉnh ", "TỈNH ", "huyện ", "HUYỆN ", "ủy ", "ỦY ", "thị ", "Thị ", "xã ",
                    "XÃ ", "tp. ", "TP ", "Hà Nam", "Đoàn ", "đ", "a", " ", "\n",
                ][..]),
                0..16,
            )
        ) {
            let text = parts.concat();
            let forms: Vec<&str> = PLACE_FORMS.forms.iter().map(|(f, _)| f.as_str()).collect();
            let automaton = aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(&forms)
                .unwrap();
            let searched: Vec<_> = automaton
                .find_iter(&text)
                .filter_map(|m| {
                    let boundary = text[..m.start()].chars().next_back().is_none_or(|c| !c.is_alphabetic());
                    let named = text[m.end()..].chars().next().is_some_and(char::is_uppercase);
                    let name = capitalized_prefix(&text[m.end()..]).filter(|_| boundary && named)?;
                    Some((m.start(), PLACE_FORMS.forms[m.pattern()].1, province_first(name)))
                })
                .collect();
            proptest::prop_assert_eq!(mentions(&text).collect::<Vec<_>>(), searched);
        }
    }

    fn places_of(text: &str) -> Vec<(&'static str, &str)> {
        mentions(text).map(|(_, u, n)| (u, n)).collect()
    }

    #[test]
    fn organizations_are_resolved_against_the_article() {
        let article = read("Đảng bộ tỉnh Quảng An kết nạp 1.204 đảng viên\n\nThứ Ba, 14/01/2025");
        let text = "Thành phố Tân Lập kết nạp 210. Huyện Sơn Hà và thị xã Đồi Mai kết nạp 142. Đảng bộ huyện kết nạp 20.";
        let found = Places::new(text);
        let table = [
            ("Đảng bộ tỉnh", "Đảng bộ tỉnh Quảng An"),
            ("Tỉnh ủy", "Đảng bộ tỉnh Quảng An"),
            ("Đảng bộ tỉnh Quảng An", "Đảng bộ tỉnh Quảng An"),
            ("Thành phố Tân Lập", "Đảng bộ thành phố Tân Lập"),
            ("Tân Lập", "Đảng bộ thành phố Tân Lập"),
            ("Sơn Hà", "Đảng bộ huyện Sơn Hà"),
            ("Đảng bộ huyện", "Đảng bộ huyện Sơn Hà"),
            ("Huyện ủy Bình Minh", "Đảng bộ huyện Bình Minh"),
            ("Công an tỉnh", "Công an tỉnh Quảng An"),
            ("Đảng bộ Quân sự tỉnh", "Đảng bộ Quân sự tỉnh Quảng An"),
            ("Hà Giang", "Đảng bộ tỉnh Hà Giang"),
            ("Mường Tè", "Mường Tè"),
            ("Đồi Mai", "Đảng bộ thị xã Đồi Mai"),
        ];
        assert_eq!(
            places_of("Chủ tịch UBND tỉnh Hòa Bình Đặng Bích Ngọc phát biểu."),
            [("tỉnh", "Hòa Bình")]
        );
        for (org, want) in table {
            assert_eq!(resolve(org, &article, &found, text.len()), want, "{org}");
        }
    }

    fn when_of(sentence: &str, pos: usize, date: Option<Date>, kind: Kind) -> Option<String> {
        relative_when(&relatives(sentence), pos, date?, kind)
    }

    #[test]
    fn relative_times_are_resolved_against_the_article_date() {
        let date = Some(Date {
            year: 2025,
            month: 1,
            day: 10,
        });
        let table = [
            (
                "Từ đầu năm đến nay, kết nạp 300 đảng viên",
                Some("2025-01/2025-01-10"),
            ),
            (
                "6 tháng đầu năm, kết nạp 300 đảng viên",
                Some("2025-01/2025-06"),
            ),
            (
                "Quý III năm nay kết nạp 300 đảng viên",
                Some("2025-07/2025-09"),
            ),
            ("Năm nay, kết nạp 300 đảng viên", Some("2025")),
            ("Trong năm qua, kết nạp 300 đảng viên", Some("2024")),
            (
                "6 tháng đầu năm, cùng kỳ năm trước kết nạp 300 đảng viên",
                Some("2024-01/2024-06"),
            ),
            ("Những năm qua, kết nạp 300 đảng viên", None),
            ("Kết nạp 300 đảng viên", None),
        ];
        for (sentence, want) in table {
            let pos = sentence.find("300").unwrap();
            assert_eq!(
                when_of(sentence, pos, date, Kind::Admission).as_deref(),
                want,
                "{sentence}"
            );
        }
        for (pattern, rel, example) in RELATIVE {
            let found = relatives(example);
            assert!(found.iter().any(|f| f.1 == rel), "{pattern}: {example}");
        }
        let december = Some(Date {
            year: 2025,
            month: 12,
            day: 20,
        });
        assert_eq!(
            when_of("Năm qua kết nạp 300", 12, december, Kind::Admission).as_deref(),
            Some("2025")
        );
        assert_eq!(
            when_of("Hiện có 3.000 đảng viên", 8, date, Kind::Membership).as_deref(),
            Some("2025-01-10")
        );
        assert_eq!(
            when_of("Hiện có 3.000 đảng viên", 8, None, Kind::Membership),
            None
        );
        let now = |sentence: &str| {
            let pos = sentence.find("3.000").unwrap();
            when_of(sentence, pos, date, Kind::Membership)
        };
        assert_eq!(
            now("Hiện Đảng bộ có 3.000 đảng viên").as_deref(),
            Some("2025-01-10")
        );
        assert_eq!(now("Thực hiện kế hoạch, Đảng bộ có 3.000 đảng viên"), None);
    }

    /// Records as the extractors leave them, spans in `text`.
    fn record(text: &str, figure: &str, kind: Kind, value: i64) -> Record {
        let start = text.find(figure).unwrap();
        let mut r = Record::new(kind, Value::Count(value), start, start + figure.len());
        r.unit = Some(crate::record::Unit::Members);
        r
    }

    #[test]
    fn repeats_share_a_fact_and_parts_point_at_their_total() {
        let text = "Tỉnh Quảng An kết nạp 1.204 đảng viên\nThứ Ba, 14/01/2025\nNăm 2024, toàn tỉnh kết nạp 1.204 đảng viên. Trong đó, nữ 400 đồng chí. Năm nay phấn đấu kết nạp 1.300 đảng viên.";
        let doc = Doc::new(text);
        let article = read(text);
        let mut headline = record(text, "1.204", Kind::Admission, 1204);
        headline.period = Some("2024".into());
        let body_at = text.rfind("1.204").unwrap();
        let mut body = Record::new(Kind::Admission, Value::Count(1204), body_at, body_at + 5);
        body.unit = headline.unit;
        body.period = Some("2024".into());
        body.org = Some("Đảng bộ tỉnh".into());
        let mut part = record(text, "400", Kind::Admission, 400);
        part.subset = Some("nữ".into());
        part.total = Some((body.start, body.end));
        let target = record(text, "1.300", Kind::Target, 1300);
        let mut records = vec![headline, body, part, target];
        let mut facts = Facts::default();
        facts.assign(&article, &doc, &mut records);
        type Fields<'a> = (usize, Option<usize>, Option<&'a str>, Option<&'a str>);
        let got: Vec<Fields> = records
            .iter()
            .map(|r| (r.fact, r.part_of, r.org_full.as_deref(), r.when.as_deref()))
            .collect();
        let own = Some("Đảng bộ tỉnh Quảng An");
        assert_eq!(
            got,
            [
                (1, None, own, Some("2024")),
                (1, None, own, Some("2024")),
                (2, Some(1), own, Some("2024")),
                (3, None, own, Some("2025")),
            ]
        );
        // Numbering goes on in the next segment.
        let mut more = vec![record(text, "400", Kind::Admission, 400)];
        facts.assign(&article, &doc, &mut more);
        assert_eq!(more[0].fact, 4);
    }

    #[test]
    fn a_bare_place_as_subject_is_its_organization() {
        let text =
            "Tin\nNăm 2024, Hà Giang kết nạp 2.000 đảng viên. Mường Tè kết nạp 93 đảng viên.";
        let doc = Doc::new(text);
        let mut records = vec![
            record(text, "2.000", Kind::Admission, 2000),
            record(text, "93", Kind::Admission, 93),
        ];
        Facts::default().assign(&read(text), &doc, &mut records);
        assert_eq!(
            records[0].org_full.as_deref(),
            Some("Đảng bộ tỉnh Hà Giang")
        );
        // Neither the article nor the list knows Mường Tè as a place: the article's own, none.
        assert_eq!(records[1].org_full, None);
    }

    #[test]
    fn dates_without_a_year_take_the_article_year() {
        assert_eq!(
            fill_year(
                "XXXX-02-28",
                Some(Date {
                    year: 2025,
                    month: 1,
                    day: 10
                })
            )
            .as_deref(),
            Some("2025-02-28")
        );
        assert_eq!(fill_year("XXXX-06-28/XXXX-07-02", None), None);
        assert_eq!(fill_year("2023-10", None).as_deref(), Some("2023-10"));
    }
}
