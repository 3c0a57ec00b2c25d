//! The fact fields on articles of our own (fixtures/articles, invented places and numbers): the
//! admitted totals an analyst adds up from the records, and the summary tables built on them.

mod common;

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

fn article(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/articles")
        .join(name)
}

fn records(name: &str) -> Vec<Value> {
    let out = common::extract_path(&article(name), &["-q"]);
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

type Totals = BTreeMap<(String, String), i64>;

/// What the README's recipe computes: per (org_full, period — `when` where it is null), the sum of
/// the admission facts (one record per `fact`) that divide no total.
fn admitted_totals(records: &[Value]) -> Totals {
    let mut seen = HashSet::new();
    let mut totals = Totals::new();
    for r in records {
        if r["kind"] != "admission" || !r["part_of"].is_null() || !seen.insert(r["fact"].clone()) {
            continue;
        }
        let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
        let period = if r["period"].is_null() {
            &r["when"]
        } else {
            &r["period"]
        };
        *totals
            .entry((text(&r["org_full"]), text(period)))
            .or_default() += r["value"].as_i64().unwrap();
    }
    totals
}

fn totals(rows: &[(&str, &str, i64)]) -> Totals {
    rows.iter()
        .map(|&(org, period, n)| ((org.to_string(), period.to_string()), n))
        .collect()
}

#[test]
fn summed_facts_give_each_article_its_own_totals() {
    // Each article's admitted totals, read from its text by hand.
    let articles: [(&str, Totals); 4] = [
        (
            // The 964 of 2024 is written three times, divided by units (same sentence) and by
            // group (the next one); the term's 4.870 stands beside it.
            "ha_yen_2025.txt",
            totals(&[
                ("Đảng bộ tỉnh Hà Yên", "2024", 964),
                ("Đảng bộ tỉnh Hà Yên", "2020/2025", 4870),
            ]),
        ),
        (
            "ha_yen_tin_van.txt",
            totals(&[
                ("Đảng bộ tỉnh Hà Yên", "2024", 946),
                ("Đảng bộ huyện Yên Khê", "2024", 121),
            ]),
        ),
        (
            // Half a year and its second quarter, both relative to the dateline.
            "bac_lam_6_thang.txt",
            totals(&[
                ("Đảng bộ huyện Bắc Lâm", "2025-01/2025-06", 58),
                ("Đảng bộ huyện Bắc Lâm", "2025-04/2025-06", 35),
            ]),
        ),
        (
            // The units listed after the year's admissions are of that year.
            "quang_an_2024.txt",
            totals(&[
                ("Đảng bộ tỉnh Quảng An", "2024", 1204),
                ("Đảng bộ thành phố Tân Lập", "2024", 210),
                ("Sơn Hà", "2024", 142),
                ("Bình Minh", "2024", 97),
                ("Công an tỉnh Quảng An", "2024", 64),
            ]),
        ),
    ];
    for (name, want) in articles {
        assert_eq!(admitted_totals(&records(name)), want, "{name}");
    }
}

#[test]
fn repeats_parts_and_times_on_one_article() {
    let records = records("ha_yen_2025.txt");
    let of = |text: &str| {
        records
            .iter()
            .filter(|r| r["text"].as_str().unwrap().contains(text))
            .collect::<Vec<_>>()
    };
    let total = of("964 đảng viên");
    assert_eq!(total.len(), 3, "headline, body, closing sentence");
    assert!(total.iter().all(|r| r["fact"] == total[0]["fact"]));
    assert!(total.iter().all(|r| r["org_full"] == "Đảng bộ tỉnh Hà Yên"));
    // The closing `trong năm qua` pins no period; the article's date makes it 2024.
    assert_eq!(
        (&total[2]["period"], &total[2]["when"]),
        (&Value::Null, &Value::from("2024"))
    );
    for part in ["Yên Khê 121", "Đồi Mai 88", "nữ 402", "niên 515"] {
        let r = of(part)[0];
        assert_eq!(r["part_of"], total[0]["fact"], "{part}");
    }
    assert_eq!(of("Đồi Mai 88")[0]["org_full"], "Đảng bộ thị xã Đồi Mai");
    let date = of("Ngày 28/2")[0];
    assert_eq!(
        (&date["value"], &date["when"]),
        (&Value::from("XXXX-02-28"), &Value::from("2025-02-28"))
    );
    let target = of("1.000 đảng viên")[0];
    assert_eq!(
        (&target["kind"], &target["when"]),
        (&Value::from("target"), &Value::from("2025"))
    );
}

fn summary(args: &[&str]) -> Vec<csv::StringRecord> {
    let out = Command::cargo_bin("baocao")
        .unwrap()
        .arg("summary")
        .args(args)
        .args(["--format", "csv", "-q"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    csv::Reader::from_reader(out.stdout.as_slice())
        .records()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn summary_rows_count_facts() {
    let rows = summary(&[article("ha_yen_2025.txt").to_str().unwrap()]);
    let year = rows
        .iter()
        .find(|r| (&r[1], &r[2]) == ("Đảng bộ tỉnh Hà Yên", "2024"))
        .expect("the 2024 row");
    // 964 once (not 2.892), the parts left out, members of the same year give the rate.
    assert_eq!(
        (&year[3], &year[5], &year[6], &year[7]),
        ("964", "107.1", "61250", "1.57")
    );
    let term = rows
        .iter()
        .find(|r| &r[2] == "2020/2025")
        .expect("the term row");
    assert_eq!((&term[3], &term[7]), ("4870", ""));
    assert!(rows.iter().all(|r| !["121", "402", "515"].contains(&&r[3])));
    // An admission with a share of its plan, and the plan: the arithmetic checks.
    let half = summary(&[article("bac_lam_6_thang.txt").to_str().unwrap()]);
    let row = half
        .iter()
        .find(|r| &r[3] == "58")
        .expect("the half-year row");
    assert_eq!((&row[4], &row[8]), ("110", "ok"));
}

#[test]
fn merged_summary_names_the_articles_that_disagree() {
    let rows = summary(&[
        article("ha_yen_2025.txt").to_str().unwrap(),
        article("ha_yen_tin_van.txt").to_str().unwrap(),
        "--merge",
    ]);
    let year = rows
        .iter()
        .find(|r| (&r[0], &r[1]) == ("Đảng bộ tỉnh Hà Yên", "2024"))
        .expect("the 2024 row");
    assert_eq!(&year[2], "2");
    let check = &year[8];
    let (a, b) = (
        article("ha_yen_2025.txt").display().to_string(),
        article("ha_yen_tin_van.txt").display().to_string(),
    );
    assert!(
        check.ends_with(&format!("conflict: 964 in {a}, 946 in {b}")),
        "{check}"
    );
    let unit = rows
        .iter()
        .find(|r| &r[0] == "Đảng bộ huyện Yên Khê")
        .expect("the unit row");
    assert_eq!((&unit[2], &unit[3]), ("1", "121"));
    assert!(!unit[8].contains("conflict"));
}
