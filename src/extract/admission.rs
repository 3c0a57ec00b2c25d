//! `admission`: people newly admitted to the Party, with period, organization and breakdowns;
//! the counts the frames ([`super::frame`]) gave this kind.

use super::{Doc, frame};
use crate::record::{Kind, Record};

pub fn extract(doc: &Doc, out: &mut Vec<Record>) {
    frame::records(doc, doc.counts(), Kind::Admission, out);
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
                    "Năm học 2023-2024, toàn tỉnh có 236 học sinh lớp 12 được kết nạp vào Đảng.",
                    &["236 period=2023/2024"],
                ),
                (
                    "Năm 2024, riêng Công ty Than Khe Chàm kết nạp 61 thợ lò.",
                    &["61 period=2024 subset=thợ_lò"],
                ),
                (
                    "Hơn 1.100 đảng viên mới được bồi dưỡng trước khi kết nạp.",
                    &[],
                ),
                (
                    "Năm 2016, toàn huyện có 31 đảng viên mới là người Mường.",
                    &["31 period=2016"],
                ),
                (
                    "Từ năm 2020 đến nay, trường kết nạp 286 đảng viên, trong đó 241 là sinh viên.",
                    &["286 period=2020/..", "241 subset=sinh_viên period=2020/.."],
                ),
                (
                    "Đứng đầu về số đảng viên mới là Đảng bộ Công ty Cao su Bình Nguyên với 31 đảng viên, tiếp đến Đảng bộ Tổng công ty Xây dựng Hòa Bình 18, Chi bộ Công ty Giày da Tân Phú 7.",
                    &["31", "18", "7"],
                ),
                // A cue word inside a place's name is no cue.
                (
                    "Riêng Đảng bộ huyện Giao Lâm kết nạp 612 đảng viên; Xuân Hòa 540.",
                    &["612 org=Đảng_bộ_huyện_Giao_Lâm", "540 org=Xuân_Hòa"],
                ),
                // The plan words of a plan measured against plan nothing.
                (
                    "Toàn Đảng bộ kết nạp được 1.062 đảng viên, đạt 118% chỉ tiêu Nghị quyết Đại hội XX đề ra (900 đảng viên); bình quân mỗi năm kết nạp trên 210 đảng viên.",
                    &["1062", "210 q=over"],
                ),
                (
                    "Năm 2022, huyện kết nạp 17 đảng viên có đạo trong tổng số 286 đảng viên mới.",
                    &["17 period=2022", "286 period=2022"],
                ),
                (
                    "Năm 2024, các đơn vị kết nạp nhiều gồm: Đồn Biên phòng Ia Lốp 9 đồng chí; Hải đội 2 có 5 đồng chí.",
                    &["9 org=Đồn_Biên_phòng_Ia_Lốp period=2024", "5 period=2024"],
                ),
                // A year labelling a bare count goes on with the list of years.
                (
                    "Kết quả theo từng năm: năm 2021 kết nạp 129 đảng viên; năm 2022: 141; năm 2023: 146.",
                    &["129 period=2021", "141 period=2022", "146 period=2023"],
                ),
                // Years listed, then their counts `lần lượt`; a noun said once for a pair.
                (
                    "Số đảng viên được kết nạp năm 2022, 2023 lần lượt là 200 và 215 đồng chí.",
                    &["200 period=2022", "215 period=2023"],
                ),
                // Done over planned, the plan named after it.
                (
                    "Năm 2024, Đảng bộ xã Hòa Tân kết nạp được 52/140 đảng viên theo kế hoạch.",
                    &["52 period=2024"],
                ),
                // A difference between two years' admissions is no admission.
                (
                    "Năm học 2023-2024, Đảng bộ trường kết nạp 58 học sinh, nhiều hơn 29 em so với năm học trước.",
                    &["58 period=2023/2024 subset=học_sinh"],
                ),
                // A breakdown in parentheses after the plan measured against divides the
                // admissions; it is not the plan's figure.
                (
                    "Năm 2024, Đảng bộ huyện Tân Khê kết nạp 126 đảng viên, vượt 5% kế hoạch cả năm 2024 (gồm 29 đảng viên là người dân tộc thiểu số, 41 đảng viên trong độ tuổi Đoàn, 38 đảng viên nữ).",
                    &[
                        "126 period=2024",
                        "29 subset=người_dân_tộc_thiểu_số period=2024",
                        "41 subset=trong_độ_tuổi_Đoàn period=2024",
                        "38 subset=nữ period=2024",
                    ],
                ),
                // `gồm` divides the count before it; with none, its items are the admissions.
                (
                    "Năm 2023, Đảng ủy Bộ đội Biên phòng tỉnh kết nạp 18 đảng viên, gồm: Đồn Biên phòng Suối Lam 7 đồng chí, Đồn Biên phòng Na Ké 5 đồng chí.",
                    &["18 period=2023", "7 period=2023", "5 period=2023"],
                ),
                (
                    "Năm 2023, các TCCS đảng kết nạp nhiều ĐV gồm: Đảng bộ xã Tà Lùng 13 ĐV, Đảng bộ phường Hòa Xuân 10 ĐV.",
                    &[
                        "13 period=2023 org=Đảng_bộ_xã_Tà_Lùng",
                        "10 period=2023 org=Đảng_bộ_phường_Hòa_Xuân",
                    ],
                ),
                (
                    "Kết quả sau khi Tỉnh ủy giao kế hoạch: Đảng bộ thành phố Yên Hà kết nạp 210 đảng viên, đạt 116,7%; thị xã Phổ Sơn 133 đảng viên, đạt 103,2%.",
                    &["210 org=Đảng_bộ_thành_phố_Yên_Hà", "133 org=thị_xã_Phổ_Sơn"],
                ),
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
                    &["249 text=kết_nạp_249_đảng_viên/năm"],
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

    /// Statements that go on past their sentence or their clause: breakdowns, lists, years.
    #[test]
    fn scopes() {
        check_table(
            extract,
            &[
                (
                    "Năm 2024 kết nạp 131 đảng viên mới. Trong 131 đảng viên mới của 9 tháng, có 52 đảng viên nữ, 17 đảng viên là người có đạo.",
                    &[
                        "131 period=2024",
                        "52 subset=nữ period=2024",
                        "17 subset=người_có_đạo period=2024",
                    ],
                ),
                (
                    "Năm 2024, Bộ đội Biên phòng tỉnh kết nạp 96 đảng viên. Các đồn kết nạp nhiều là: Đồn Biên phòng Lao Chải (19 đảng viên), Đồn Biên phòng Si Pa (17 đảng viên), Hải đội 2 (14 đảng viên).",
                    &[
                        "96 period=2024",
                        "19 org=Đồn_Biên_phòng_Lao_Chải period=2024",
                        "17 org=Đồn_Biên_phòng_Si_Pa period=2024",
                        "14 org=Hải_đội_2 period=2024",
                    ],
                ),
                // Parts and list items take the period of the admissions they divide, whatever
                // figures stand between (a plan, a change).
                (
                    "Năm 2016, huyện Yên Khê kết nạp được 127 đảng viên mới, đạt 127% kế hoạch (100 đảng viên), tăng 18 đồng chí so với năm trước. Trong số đảng viên mới, có 71 đảng viên nữ và 9 người theo đạo Công giáo.\n\nCác cơ sở có kết quả nổi bật như: Đảng ủy xã Hòa Lộc 14 đảng viên; Đảng ủy thị trấn Yên Khê 11 đảng viên.",
                    &[
                        "127 period=2016",
                        "71 subset=nữ period=2016",
                        "9 subset=người_theo_đạo_Công_giáo period=2016",
                        "14 org=Đảng_ủy_xã_Hòa_Lộc period=2016",
                        "11 org=Đảng_ủy_thị_trấn_Yên_Khê period=2016",
                    ],
                ),
                (
                    "Năm 2025, Công an tỉnh kết nạp 27 đảng viên: Công an phường Đông Thành 6 đồng chí, Đội Cảnh sát giao thông - trật tự 4 đồng chí.",
                    &["27 period=2025", "6 period=2025", "4 period=2025"],
                ),
                (
                    "Ngày 2/6/2025, Đảng ủy tổ chức lễ kết nạp 24 đảng viên. Đợt này có 7 đảng viên là nữ, 3 người dân tộc Tày.",
                    &[
                        "24 period=2025-06-02",
                        "7 subset=nữ period=2025-06-02",
                        "3 subset=người_dân_tộc_Tày period=2025-06-02",
                    ],
                ),
                (
                    "Năm 2022, huyện đã kết nạp 218 đảng viên mới. Trong số đảng viên mới có 37 người Khmer và 52 đoàn viên thanh niên.",
                    &[
                        "218 period=2022",
                        "37 subset=người_Khmer period=2022",
                        "52 subset=đoàn_viên_thanh_niên period=2022",
                    ],
                ),
                (
                    "Năm 2022, toàn tỉnh kết nạp 640 ĐV. Có 3 đảng bộ đạt trên 50% chỉ tiêu:\n- Đảng bộ Công an tỉnh kết nạp 24 ĐV, đạt 80%;\n- Đảng bộ huyện Phước Sơn kết nạp 61 ĐV, đạt 55%.",
                    &["640 period=2022", "24 period=2022", "61 period=2022"],
                ),
                (
                    "Các chỉ tiêu chủ yếu đều đạt: phát triển đảng viên mới 8.412/6.500 đảng viên.",
                    &["8412"],
                ),
                (
                    "Năm 2024 kết nạp 120 đảng viên. Trong đó, nữ 40 đồng chí.",
                    &["120 period=2024", "40 subset=nữ period=2024"],
                ),
                (
                    "Năm 2023, toàn tỉnh kết nạp 1.536 đảng viên, bằng 109,7% kế hoạch giao (1.400 đảng viên). Trong đó, đảng viên là người dân tộc thiểu số 1.102 đồng chí; nữ 684 đồng chí.",
                    &[
                        "1536 period=2023",
                        "1102 subset=người_dân_tộc_thiểu_số period=2023",
                        "684 subset=nữ period=2023",
                    ],
                ),
                (
                    "Năm 2022, Đảng bộ kết nạp 1.311 đảng viên. Trong tổng số đảng viên mới, nữ có 627 đồng chí, học sinh 58 đồng chí.",
                    &[
                        "1311",
                        "627 subset=nữ period=2022",
                        "58 subset=học_sinh period=2022",
                    ],
                ),
                (
                    "Quý I năm 2025, toàn tỉnh kết nạp 412 đảng viên. Một số đảng bộ có kết quả nổi bật: Đảng bộ Công an tỉnh 38 đảng viên; Đảng bộ Quân sự tỉnh 29 đảng viên.",
                    &[
                        "412 period=2025-01/2025-03",
                        "38 org=Đảng_bộ_Công_an_tỉnh period=2025-01/2025-03",
                        "29 org=Đảng_bộ_Quân_sự_tỉnh period=2025-01/2025-03",
                    ],
                ),
                (
                    "Năm 2023, Sư đoàn kết nạp 196 đảng viên; các trung đoàn có kết quả cao là Trung đoàn 12 với 54 đồng chí, Trung đoàn 14 với 49 đồng chí.",
                    &["196", "54", "49"],
                ),
                (
                    "Tính đến ngày 30-6, các đảng bộ đã kết nạp 412 đảng viên, đạt 38% chỉ tiêu năm 2024. Riêng Đảng bộ huyện Tà Năng mới kết nạp được 11 đảng viên.",
                    &[
                        "412 period=2024-01/2024-06-30",
                        "11 period=2024-01/2024-06-30",
                    ],
                ),
                (
                    "Năm 2023 kết nạp 40 đảng viên. Hiện nay chi bộ có 3 đảng viên là học sinh.",
                    &["40 period=2023"],
                ),
                (
                    "Nhiều xã kết nạp vượt chỉ tiêu như: Ia Mrơn kết nạp 12 đảng viên (chỉ tiêu 10); Chư Răng 9 đảng viên (chỉ tiêu 7).",
                    &["12", "9 org=Chư_Răng"],
                ),
                (
                    "Số đảng viên kết nạp qua các năm đều tăng: năm 2020: 302; năm 2021: 318.",
                    &["302 period=2020", "318 period=2021"],
                ),
                (
                    "Năm 2024, xã kết nạp 6 đảng viên mới: Chi bộ thôn Đông (3 đảng viên), Chi bộ thôn Tây (2 đảng viên).",
                    &[
                        "6",
                        "3 org=Chi_bộ_thôn_Đông period=2024",
                        "2 org=Chi_bộ_thôn_Tây period=2024",
                    ],
                ),
                // A year's share in parentheses has its own year.
                (
                    "Giai đoạn 2020-2022, huyện đã kết nạp 568 đảng viên (năm 2020: 176; năm 2021: 183; năm 2022: 209).",
                    &[
                        "568 period=2020/2022",
                        "176 period=2020",
                        "183 period=2021",
                        "209 period=2022",
                    ],
                ),
                // A plan in parentheses is an aside: the list after it goes on with the total.
                (
                    "Nhiệm kỳ 2020-2025, tỉnh kết nạp được 7.836 đảng viên, đạt 104% chỉ tiêu (bình quân mỗi năm kết nạp từ 1.500 đảng viên trở lên). Cụ thể: năm 2020 kết nạp 1.402 đảng viên; năm 2021 là 1.388.",
                    &[
                        "7836 period=2020/2025",
                        "1402 period=2020",
                        "1388 period=2021",
                    ],
                ),
                // A `;` after a breakdown starts the next statement.
                (
                    "Năm 2020, huyện kết nạp 163 đảng viên, trong đó 41 người là tín đồ; 6 tháng đầu năm 2021 kết nạp 88 đảng viên.",
                    &[
                        "163 period=2020",
                        "41 subset=người_tín_đồ period=2020",
                        "88 period=2021-01/2021-06",
                    ],
                ),
                // Units listed in a paragraph of their own divide the admissions before them.
                (
                    "Năm 2023, Đảng bộ Khối kết nạp 40 đảng viên.\n\nCác đơn vị kết nạp nhiều đảng viên là: Nông trường Ia Mơ 8 đảng viên; Nông trường Đắk Rơ 5 đảng viên.",
                    &[
                        "40 period=2023",
                        "8 org=Nông_trường_Ia_Mơ period=2023",
                        "5 org=Nông_trường_Đắk_Rơ period=2023",
                    ],
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
                    "Năm 2024 có 412 em được kết nạp vào Đoàn TNCS Hồ Chí Minh.",
                    &[],
                ),
                ("Trao Huy hiệu 30 năm tuổi Đảng cho 120 đảng viên.", &[]),
                // Trained, then admitted: only the admission counts.
                (
                    "Năm 2018, đồn phối hợp bồi dưỡng 86 quần chúng và giúp các chi bộ ấp kết nạp được 19 đảng viên.",
                    &["19 period=2018"],
                ),
                // Plans, whatever their verb (the target kind takes them).
                ("Phấn đấu năm 2025 kết nạp đảng viên cho 60 học sinh.", &[]),
                (
                    "Năm 2025, chỉ tiêu kết nạp đảng viên cho 50 quần chúng.",
                    &[],
                ),
                (
                    "Mục tiêu phấn đấu năm 2024 bồi dưỡng trên 454 quần chúng ưu tú cho Đảng, kết nạp 310 đảng viên mới, trong đó trên 100 đảng viên là người dân tộc thiểu số.",
                    &[],
                ),
                ("Hội nghị có 2.140 đoàn viên được kết nạp vào Đoàn.", &[]),
                (
                    "Năm 2024, số đảng viên mới tăng 126 đồng chí so với cùng kỳ.",
                    &[],
                ),
                ("Mỗi tổ dân phố kết nạp ít nhất 1 đảng viên.", &[]),
                (
                    "Thu nhập bình quân đạt 65 triệu đồng, năm 2024 kết nạp.",
                    &[],
                ),
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
