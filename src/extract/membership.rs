//! `membership`: the total party members of an organization at a point in time, with
//! breakdowns; the counts the frames ([`super::frame`]) gave this kind.

use super::{Doc, frame};
use crate::record::{Kind, Record};

pub fn extract(doc: &Doc, out: &mut Vec<Record>) {
    frame::records(doc, doc.counts(), Kind::Membership, out);
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
                ("Số đảng viên toàn Đảng bộ là 1.083 đồng chí.", &["1083"]),
                // A group of the members, by faith, people or workplace.
                (
                    "Toàn tỉnh hiện có hơn 4.800 đảng viên là người Công giáo.",
                    &["4800 q=over"],
                ),
                (
                    "Đảng bộ huyện Tân Khê có 1.102 đảng viên nữ, 540 đảng viên là người dân tộc thiểu số và 318 đảng viên có đạo.",
                    &["1102", "540", "318"],
                ),
                (
                    "Chi bộ hiện có 19 đảng viên thì có đến 16 đảng viên người dân tộc thiểu số.",
                    &["19", "16"],
                ),
                (
                    "Toàn Đảng bộ tỉnh có 4.586 đảng viên đang làm việc trong các doanh nghiệp ngoài khu vực Nhà nước.",
                    &["4586"],
                ),
                (
                    "Đại hội có 350 đại biểu thay mặt cho 54.720 đảng viên trong toàn Đảng bộ (nữ 18.093; người dân tộc Khmer 2.140).",
                    &[
                        "54720",
                        "18093 subset=nữ",
                        "2140 subset=người_dân_tộc_Khmer",
                    ],
                ),
                (
                    "Số đảng viên toàn tỉnh hiện là 52.730 đồng chí.",
                    &["52730"],
                ),
                (
                    "Năm 2024 kết nạp 742 đảng viên, nâng tổng số đảng viên toàn Đảng bộ tỉnh lên 71.506 người, trong đó có 12.884 đảng viên người dân tộc thiểu số.",
                    &["71506", "12884 subset=người_dân_tộc_thiểu_số"],
                ),
                (
                    "Khối có thêm 156 đảng viên mới được kết nạp, nâng tổng số đảng viên của khối lên gần 5.800.",
                    &["5800 q=nearly"],
                ),
                (
                    "Ngày 23-8, chi bộ kết nạp 2 đảng viên mới, nâng số đảng viên của chi bộ lên 11 đồng chí.",
                    &["11"],
                ),
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
                    "Huyện ủy hoàn thành kiểm điểm cuối năm đối với 4.027 đảng viên, trong đó xếp loại hoàn thành xuất sắc nhiệm vụ 612 đồng chí.",
                    &[],
                ),
                (
                    "Đến nay, số đảng viên mới đã nâng tổng số đảng viên của Đảng bộ lên 1.612 đồng chí.",
                    &["1612"],
                ),
                // Recruits who are members: a count of the recruits.
                ("Trong số tân binh có 41 đồng chí là đảng viên.", &[]),
                (
                    "Tổng số đảng viên tăng 2,9%, dù có 64 đảng viên chuyển sinh hoạt đảng ra ngoài Khối.",
                    &[],
                ),
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
