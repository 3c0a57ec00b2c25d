//! Article datasets: JSON Lines and CSV with an article per row, from files and from stdin.

use std::fs;

mod common;

use assert_cmd::Command;
use serde_json::Value;

const ARTICLE: &str =
    "Năm 2024, toàn Đảng bộ huyện kết nạp được 215 đảng viên, đạt 107,5% kế hoạch.";

fn records(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn jsonl_dataset() -> String {
    [
        serde_json::json!({"id": "a1", "text": ARTICLE}).to_string(),
        "{not json".to_string(),
        serde_json::json!({"url": "http://x/2", "content": format!("Mở đầu. {ARTICLE}")})
            .to_string(),
        serde_json::json!({"id": 3, "body": ARTICLE}).to_string(),
    ]
    .join("\n")
}

#[test]
fn jsonl_rows_are_documents_named_by_id_with_offsets_in_the_text_field() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("corpus.jsonl");
    fs::write(&path, jsonl_dataset()).unwrap();
    let out = common::extract_path(&path, &["-q"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("corpus.jsonl:2: not JSON"), "{stderr}");
    assert!(stderr.contains("corpus.jsonl:4: no text field"), "{stderr}");
    let recs = records(&out.stdout);
    let dir = format!("{}/", tmp.path().display());
    let names: Vec<&str> = recs
        .iter()
        .map(|r| {
            r["file"]
                .as_str()
                .unwrap()
                .strip_prefix(dir.as_str())
                .unwrap()
        })
        .collect();
    assert_eq!(
        names,
        [
            "corpus.jsonl#a1",
            "corpus.jsonl#a1",
            "corpus.jsonl#http://x/2",
            "corpus.jsonl#http://x/2"
        ]
    );
    for r in &recs {
        let text = if r["file"].as_str().unwrap().ends_with("a1") {
            ARTICLE.to_string()
        } else {
            format!("Mở đầu. {ARTICLE}")
        };
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], r["text"].as_str().unwrap());
    }
}

#[test]
fn stdin_streams_rows_and_other_field_names_work() {
    let out = Command::cargo_bin("baocao")
        .unwrap()
        .args([
            "extract",
            "-",
            "--input-format",
            "jsonl",
            "--stdin-name",
            "part.jsonl",
            "--text-field",
            "body",
            "-q",
        ])
        .write_stdin(jsonl_dataset())
        .output()
        .unwrap();
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 2, "only the row with a body field");
    assert_eq!(recs[0]["file"], "part.jsonl#3");
}

#[test]
fn csv_rows_with_quoted_multiline_text() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("corpus.csv");
    let mut w = csv::Writer::from_path(&path).unwrap();
    w.write_record(["id", "title", "text"]).unwrap();
    w.write_record(["x1", "Tin 1", &format!("Dòng đầu\n{ARTICLE}")])
        .unwrap();
    w.write_record(["", "Tin 2", ARTICLE]).unwrap();
    w.flush().unwrap();
    let out = common::extract_path(&path, &["-q"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 4);
    assert!(recs[0]["file"].as_str().unwrap().ends_with("corpus.csv#x1"));
    assert_eq!(recs[0]["line"], 2, "lines count inside the text field");
    assert!(
        recs[2]["file"].as_str().unwrap().ends_with("corpus.csv#4"),
        "no id: the row's line"
    );
}

#[test]
fn a_folder_walk_with_input_format_takes_the_dataset_files() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(
        tmp.path().join("b.jsonl"),
        serde_json::json!({"id": "r", "text": ARTICLE}).to_string(),
    )
    .unwrap();
    fs::write(tmp.path().join("a.txt"), ARTICLE).unwrap();
    let out = common::extract_path(tmp.path(), &["--input-format", "jsonl", "-q"]);
    let recs = records(&out.stdout);
    assert!(
        recs.iter()
            .all(|r| r["file"].as_str().unwrap().ends_with("b.jsonl#r")),
        "{recs:?}"
    );
    assert_eq!(recs.len(), 2);
}
