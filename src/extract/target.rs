//! `target`: planned, assigned or aimed-for admission figures, in members or in percent.

use std::sync::LazyLock;

use regex::Regex;

use super::{Doc, frame};
use crate::record::{Kind, Record, Role, Unit, Value};

/// Where a sentence is about Party growth, so a goal percentage is an admission target.
static PARTY_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"đảng viên|[Kk]ết nạp|[Pp]hát triển đảng|[Đđ]ảng bộ|tổ chức đảng|[Cc]hi bộ")
        .expect("party pattern")
});

/// After a goal percentage, units rather than people: `100% thôn, bản có chi bộ` is a share of
/// villages to reach, not an admission target.
static UNITS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ (?:số )?(?:thôn|bản|xã|phường|thị trấn|tổ chức|chi bộ|đảng bộ|cơ sở|đơn vị|cơ quan|doanh nghiệp|hộ|trường|khu dân cư|tổ dân phố|làng|ấp|buôn|xóm)(?:\P{L}|$)")
        .expect("units pattern")
});

/// Where the list item holding `at` starts in `sentence`: after the last `;` before it.
fn item_start(sentence: &str, at: usize) -> usize {
    sentence[..at].rfind(';').map_or(0, |i| i + 1)
}

/// `hoàn thành 100% kế hoạch năm`, `đạt ít nhất 75% chỉ tiêu`: a share of the plan to reach,
/// not a plan of its own.
fn of_the_plan(after: &str) -> bool {
    [
        " kế hoạch",
        " chỉ tiêu",
        " KH",
        " NQ",
        " nghị quyết",
        " Nghị quyết",
    ]
    .iter()
    .any(|w| after.starts_with(w))
}

/// `nâng tỷ lệ trưởng thôn là đảng viên lên trên 55%`, `số đảng viên đạt 13% tổng số lao
/// động`, `100% cán bộ, chiến sĩ … là đảng viên`: a rate of members among others, not an
/// admission target (`tỷ lệ kết nạp đạt 3%` is one).
fn rate_of_members(before: &str, after: &str) -> bool {
    // `đạt tỷ lệ 2,5% (đạt 2,68% so với 3% ít nhất …)`: a parenthesis says a statement of its own.
    let before = &before[before.rfind('(').map_or(0, |i| i + 1)..];
    let rate = ["tỷ lệ", "Tỷ lệ", "tỉ lệ"]
        .iter()
        .filter_map(|w| before.rfind(w))
        .max()
        .is_some_and(|at| {
            !["kết nạp", "phát triển"]
                .iter()
                .any(|w| before[at..].contains(w))
        });
    let of_others = after.starts_with(" tổng số") && !after.starts_with(" tổng số đảng viên");
    // `đảng viên là người dân tộc thiểu số chiếm không dưới 65%`: a group's share of the members,
    // not of the admitted (`đảng viên mới là người dân tộc thiểu số chiếm tối thiểu 55%`).
    let share_of_members = before.contains("chiếm")
        && !["kết nạp", "phát triển", "mới"]
            .iter()
            .any(|w| before.contains(w));
    let clause = &after[..after.find([';', '.']).unwrap_or(after.len())];
    rate || of_others || share_of_members || clause.contains(" là đảng viên")
}

fn target(start: usize, end: usize, value: Value, unit: Unit) -> Record {
    let mut r = Record::new(Kind::Target, value, start, end);
    r.unit = Some(unit);
    r
}

pub fn extract(doc: &Doc, out: &mut Vec<Record>) {
    let text = doc.text;
    frame::records(doc, doc.counts(), Kind::Target, out);
    let first = out.len();
    for p in doc.percents() {
        // `vượt 128% so với chỉ tiêu` measures against a target; it is not one (`3% so với tổng số
        // đảng viên` says what the rate is of).
        let after = doc.after(p.end);
        let relative = text[p.start..p.number_start].contains("vượt")
            || after.starts_with(" so với") && !after.starts_with(" so với tổng số");
        // In a list of goals (`…: tăng trưởng 8%; kết nạp 3% …`) each item is its own goal.
        let sentence = &text[doc.sentence(p.start)];
        let at = sentence.len() - doc.after(p.start).len();
        let item = &sentence
            [item_start(sentence, at)..sentence[at..].find(';').map_or(sentence.len(), |i| at + i)];
        if p.role != Role::Target
            || relative
            || UNITS_AFTER.is_match(after)
            || !PARTY_SENTENCE.is_match(item)
            || of_the_plan(after)
            || rate_of_members(&item[..at - item_start(sentence, at)], after)
        {
            continue;
        }
        let mut r = target(p.start, p.end, Value::Decimal(p.value), Unit::Percent);
        r.value_max = p.value_max.map(Value::Decimal);
        r.qualifier = p.qualifier;
        out.push(r);
    }
    for r in &mut out[first..] {
        super::attribute(doc, r);
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
                    "Năm 2023, trường kết nạp 64 đảng viên, trong đó sinh viên 51 đồng chí, đạt 106,7% chỉ tiêu Đảng ủy giao (60 đảng viên).",
                    &["60 unit=members period=2023"],
                ),
                // A plan assigned already, its figures after it.
                (
                    "Ban Thường vụ Tỉnh ủy đã giao chỉ tiêu năm 2026 cho các đảng bộ, trong đó: các xã vùng cao không dưới 20 đảng viên; Đảng bộ Công an tỉnh 160; Đảng bộ Quân sự tỉnh 95.",
                    &[
                        "20 unit=members q=at_least period=2026",
                        "160 unit=members period=2026 org=Đảng_bộ_Công_an_tỉnh",
                        "95 unit=members period=2026 org=Đảng_bộ_Quân_sự_tỉnh",
                    ],
                ),
                // Registered is still to be done, `đã` or not.
                (
                    "Các chi bộ đã đăng ký kết nạp thêm 22 đảng viên trong tháng 12/2023.",
                    &["22 unit=members period=2023-12"],
                ),
                // A year before whom a goal is about is no count.
                (
                    "Phấn đấu đến năm 2025 đảng viên là người dân tộc thiểu số chiếm không dưới 65% tổng số đảng viên.",
                    &[],
                ),
                // `không dưới`: a minimum asked for.
                (
                    "Mỗi năm các huyện ủy phải kết nạp không dưới 120 đảng viên là công nhân.",
                    &["120 unit=members q=at_least"],
                ),
                // `Cụ thể:` goes on with the plan over a sentence that counts nobody.
                (
                    "Thành ủy giao chỉ tiêu phát triển 420 đảng viên mới trong năm 2024. Tỷ lệ kết nạp phấn đấu đạt từ 2,5% đến 3% tổng số đảng viên.\n\nCụ thể: Đảng bộ phường Đông Điền 38 đảng viên; phường Tây Điền 35.",
                    &[
                        "420 unit=members period=2024",
                        "2.5..3 unit=percent",
                        "38 unit=members period=2024 org=Đảng_bộ_phường_Đông_Điền",
                        "35 unit=members period=2024 org=phường_Tây_Điền",
                    ],
                ),
                // A list of per-unit plans after a heading of its own, bulleted, with or
                // without `:` after the unit.
                (
                    "Năm 2025, huyện phấn đấu kết nạp 185 đảng viên.\n\nChỉ tiêu được giao cụ thể cho các đảng bộ, chi bộ cơ sở:\n• Thị trấn Ia Mơ: 22 đảng viên;\n- Xã Ia Tô 18 đảng viên.",
                    &[
                        "185 unit=members period=2025",
                        "22 unit=members period=2025 org=Thị_trấn_Ia_Mơ",
                        "18 unit=members period=2025 org=Xã_Ia_Tô",
                    ],
                ),
                (
                    "Huyện kết nạp 7.930 đảng viên, vượt chỉ tiêu Nghị quyết Đại hội X đề ra (mỗi năm kết nạp trên 1.500 đảng viên).",
                    &["1500 unit=members q=over"],
                ),
                (
                    "Năm 2023, toàn Đảng bộ tỉnh kết nạp được 1.856 đảng viên, đạt 89,15% chỉ tiêu kế hoạch đề ra (2.082 đảng viên).",
                    &["2082 unit=members period=2023"],
                ),
                (
                    "Từ năm 2015 đến hết năm 2018, đạt chỉ tiêu Nghị quyết Đại hội đề ra (trên 2.300 đảng viên/năm).",
                    &["2300 q=over period=2015/2018"],
                ),
                (
                    "Đảng bộ huyện phấn đấu đến hết nhiệm kỳ kết nạp được 900 đảng viên, vượt 128% so với chỉ tiêu nhiệm kỳ 2020-2025.",
                    &["900 period=2020/2025"],
                ),
                (
                    "Chỉ tiêu phấn đấu là từ 3%-4% tổng số đảng viên.",
                    &["3..4 unit=percent"],
                ),
                (
                    "Đạt 2,68% so với 3% ít nhất theo nghị quyết của Đảng bộ.",
                    &["3 unit=percent q=at_least"],
                ),
                (
                    "Phấn đấu đạt từ 3-4% trên tổng số đảng viên.",
                    &["3..4 unit=percent"],
                ),
                (
                    "Phấn đấu mỗi năm kết nạp tối thiểu 3%/năm tổng số đảng viên.",
                    &["3 unit=percent q=at_least"],
                ),
                (
                    "Chỉ tiêu nghị quyết là kết nạp 3,5% đảng viên so với tổng số đảng viên.",
                    &["3.5 unit=percent"],
                ),
                (
                    "Mục tiêu của chi bộ là kết nạp từ 3% trở lên.",
                    &["3 unit=percent q=at_least"],
                ),
                (
                    "Tỉnh giao chỉ tiêu: Yên Lạc chỉ tiêu 120 đảng viên mới; Vĩnh Tường 95; Tam Dương 80.",
                    &["120 org=Yên_Lạc", "95 org=Vĩnh_Tường", "80 org=Tam_Dương"],
                ),
                (
                    "Nghị quyết Đại hội đề ra chỉ tiêu là 3.650 đảng viên.",
                    &["3650"],
                ),
                (
                    "Mục tiêu đến năm 2030, kết nạp khoảng 15.000 đảng viên.",
                    &["15000 q=about period=2030"],
                ),
                (
                    "Tỉnh Hà Nam phấn đấu đến cuối nhiệm kỳ 2020-2025 kết nạp được 70% số quần chúng.",
                    &["70 unit=percent period=2020/2025"],
                ),
                (
                    "Chỉ tiêu Nghị quyết đề ra mỗi năm kết nạp 3% trở lên so với tổng số đảng viên.\nKế hoạch năm 2024 kết nạp 2.200 đảng viên.\nPhấn đấu hằng năm kết nạp từ 1.200 đến 1.500 đảng viên.",
                    &[
                        "3 unit=percent q=at_least",
                        "2200 period=2024",
                        "1200..1500 text=kết_nạp_từ_1.200_đến_1.500_đảng_viên",
                    ],
                ),
                (
                    "Chỉ tiêu kết nạp đảng viên năm 2025 là 1.800 đồng chí.",
                    &["1800 period=2025"],
                ),
                (
                    "Năm 2025, huyện được giao chỉ tiêu kết nạp 250 đảng viên.",
                    &["250 period=2025 text=kết_nạp_250_đảng_viên"],
                ),
            ],
        );
    }

    /// Plans wherever they stand in their sentence, and the parts of a plan.
    #[test]
    fn plans() {
        check_table(
            extract,
            &[
                // A bulleted list, one unit per line, after the plan.
                (
                    "Tỉnh ủy giao chỉ tiêu phát triển 1.760 đảng viên mới trong năm 2024. Cụ thể:\n+ Thành phố Tam Hòa: 140 đảng viên;\n+ Huyện Đại Sơn: 118;\n+ Đảng bộ Công an tỉnh: 14; Đảng bộ Quân sự tỉnh: 31.",
                    &[
                        "1760 unit=members period=2024",
                        "140 unit=members period=2024 org=Thành_phố_Tam_Hòa",
                        "118 unit=members period=2024 org=Huyện_Đại_Sơn",
                        "14 unit=members period=2024 org=Đảng_bộ_Công_an_tỉnh",
                        "31 unit=members period=2024 org=Đảng_bộ_Quân_sự_tỉnh",
                    ],
                ),
                (
                    "Năm 2023, Đảng ủy đề ra mục tiêu kết nạp từ 65 đảng viên trở lên, trong đó mỗi đồn biên phòng kết nạp ít nhất 3 đảng viên.",
                    &[
                        "65 unit=members q=at_least period=2023",
                        "3 unit=members q=at_least period=2023",
                    ],
                ),
                (
                    "Phấn đấu năm 2025 kết nạp đảng viên cho 60 học sinh.",
                    &["60 period=2025"],
                ),
                (
                    "Năm 2025, chỉ tiêu kết nạp đảng viên cho 50 quần chúng.",
                    &["50 period=2025"],
                ),
                (
                    "Mục tiêu phấn đấu năm 2024 bồi dưỡng trên 454 quần chúng ưu tú cho Đảng, kết nạp 310 đảng viên mới, trong đó trên 100 đảng viên là người dân tộc thiểu số.",
                    &[
                        "310 period=2024",
                        "100 q=over subset=người_dân_tộc_thiểu_số",
                    ],
                ),
                (
                    "Năm 2024, Đảng bộ tỉnh phấn đấu kết nạp 2.814 đảng viên. Trong đó, kết nạp 150 đảng viên là học sinh, sinh viên.",
                    &[
                        "2814 period=2024",
                        "150 subset=học_sinh,_sinh_viên period=2024",
                    ],
                ),
                (
                    "Kế hoạch số 35 cũng giao chỉ tiêu cho từng địa phương: Sơn Hà chỉ tiêu 130 đảng viên mới; Bình Minh 90; Tân Lập 75.",
                    &["130 org=Sơn_Hà", "90 org=Bình_Minh", "75 org=Tân_Lập"],
                ),
                (
                    "Đảng bộ thành phố được phân bổ chỉ tiêu kết nạp cao nhất với 489 đảng viên, thấp nhất là Đảng bộ Biên phòng 15 đảng viên.",
                    &["489", "15"],
                ),
                (
                    "Nhiều xã kết nạp vượt chỉ tiêu như: Ia Mrơn kết nạp 12 đảng viên (chỉ tiêu 10); Chư Răng 9 đảng viên (chỉ tiêu 7).",
                    &["10", "7"],
                ),
                (
                    "Đảng bộ xã đề ra các chỉ tiêu chủ yếu: thu nhập bình quân đạt 65 triệu đồng; mỗi năm kết nạp từ 8 - 10 đảng viên mới.",
                    &["8..10"],
                ),
                (
                    "Mỗi tổ dân phố kết nạp ít nhất 1 đảng viên.",
                    &["1 q=at_least"],
                ),
                (
                    "Năm 2025, số đảng viên mới sẽ vượt 600 người.",
                    &["600 q=over period=2025"],
                ),
                (
                    "Nghị quyết Đại hội đề ra mục tiêu mỗi năm kết nạp từ 90 - 100 đảng viên.",
                    &["90..100"],
                ),
                (
                    "Năm 2023, với chỉ tiêu được giao là 200 đảng viên, huyện kết nạp được 215 đảng viên.",
                    &["200 period=2023"],
                ),
            ],
        );
    }

    #[test]
    fn traps() {
        check_table(
            extract,
            &[
                // A share of the plan to reach, and rates of members among others, are no targets.
                (
                    "Tỉnh phấn đấu đến ngày 31/12 hoàn thành 100% kế hoạch phát triển đảng viên năm 2017.",
                    &[],
                ),
                (
                    "Năm 2018, huyện phấn đấu kết nạp trên 300 đảng viên; nâng tỷ lệ trưởng thôn là đảng viên lên trên 55%.",
                    &["300 unit=members q=over period=2018"],
                ),
                (
                    "Đảng ủy Công ty phấn đấu đến năm 2025 số đảng viên đạt 13% tổng số lao động.",
                    &[],
                ),
                (
                    "Đảng bộ đề ra chỉ tiêu kết nạp từ 650 đảng viên trở lên, phấn đấu 100% cán bộ, chiến sĩ công an chính quy ở xã là đảng viên.",
                    &["650 unit=members q=at_least"],
                ),
                ("Năm 2023 kết nạp được 1.856 đảng viên, tăng 11,7%.", &[]),
                ("Phấn đấu tăng trưởng kinh tế 7% mỗi năm.", &[]),
                ("Toàn tỉnh có 68.500 đảng viên.", &[]),
                (
                    "Năm 2024 Đảng bộ hoàn thành vượt chỉ tiêu kết nạp đảng viên với 2.105 đồng chí.",
                    &[],
                ),
                ("Phấn đấu đến năm 2025, 100% thôn, bản có chi bộ đảng.", &[]),
                ("Mục tiêu 100% xã có tổ chức đảng vững mạnh.", &[]),
            ],
        );
        // In a list of goals, only the admission's item is an admission target.
        check_table(
            extract,
            &[(
                "Các chỉ tiêu chủ yếu đến năm 2030: tăng trưởng bình quân 8%/năm; tỷ lệ che phủ rừng đạt 45%; kết nạp đảng viên hằng năm đạt 3% tổng số đảng viên.",
                &["3 unit=percent"],
            )],
        );
    }
}
