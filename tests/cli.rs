//! End-to-end tests of the `baocao` binary over the synthetic fixtures.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn articles() -> PathBuf {
    fixtures().join("articles")
}

fn baocao() -> Command {
    Command::cargo_bin("baocao").expect("binary")
}

fn jsonl(out: &[u8]) -> Vec<Value> {
    String::from_utf8(out.to_vec())
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON object per line"))
        .collect()
}

fn extract(args: &[&str]) -> Vec<Value> {
    let out = baocao()
        .arg("extract")
        .args(args)
        .arg("-q")
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    jsonl(&out.stdout)
}

/// Records without the fields that depend on where and in which byte form the text was.
fn content(records: &[Value]) -> Vec<Value> {
    records
        .iter()
        .map(|r| {
            let mut r = r.clone();
            for k in ["file", "start", "end", "text", "sentence"] {
                r.as_object_mut().unwrap().shift_remove(k);
            }
            r
        })
        .collect()
}

#[test]
fn fixtures_match_their_expected_records() {
    // BAOCAO_BLESS=1 rewrites the expected files after a deliberate change; review the diff.
    let bless = std::env::var_os("BAOCAO_BLESS").is_some();
    let mut failures = Vec::new();
    for entry in fs::read_dir(articles()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let expected_path = fixtures().join("expected").join(format!("{name}.jsonl"));
        let got: Vec<Value> = extract(&[path.to_str().unwrap()])
            .into_iter()
            .map(|mut r| {
                r.as_object_mut().unwrap().shift_remove("file");
                r
            })
            .collect();
        let rendered: String = got.iter().map(|r| format!("{r}\n")).collect();
        if bless {
            fs::write(&expected_path, &rendered).unwrap();
        } else if fs::read_to_string(&expected_path).unwrap_or_default() != rendered {
            failures.push(format!(
                "{name}: output differs from {}",
                expected_path.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_fixture_record_is_grounded() {
    let records = extract(&[articles().to_str().unwrap()]);
    assert!(records.len() > 30);
    for r in &records {
        let bytes = fs::read(r["file"].as_str().unwrap()).unwrap();
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert!(s < e && e <= bytes.len(), "{r}");
        assert_eq!(
            std::str::from_utf8(&bytes[s..e]).unwrap(),
            r["text"].as_str().unwrap(),
            "{r}"
        );
        assert!(
            r["text"]
                .as_str()
                .unwrap()
                .chars()
                .any(|c| c.is_ascii_digit()),
            "{r}"
        );
        let line = bytes[..s].iter().filter(|&&b| b == b'\n').count() + 1;
        assert_eq!(r["line"].as_u64().unwrap() as usize, line, "{r}");
    }
}

#[test]
fn json_and_csv_carry_the_same_records_as_jsonl() {
    let dir = articles();
    let dir = dir.to_str().unwrap();
    let lines = extract(&[dir]);
    let out = baocao()
        .args(["extract", dir, "--format", "json", "-q"])
        .output()
        .unwrap();
    let array: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(array.as_array().unwrap(), &lines);

    let out = baocao()
        .args(["extract", dir, "--format", "csv", "-q"])
        .output()
        .unwrap();
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let keys: Vec<String> = lines[0].as_object().unwrap().keys().cloned().collect();
    assert_eq!(
        header, keys,
        "CSV columns follow the JSON keys, in SPEC order"
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), lines.len());
    for (row, rec) in rows.iter().zip(&lines) {
        assert_eq!(&row[18], rec["text"].as_str().unwrap());
    }
}

#[test]
fn kinds_filter_and_output_file() {
    let tmp = tempfile::tempdir().unwrap();
    let out_path = tmp.path().join("out.jsonl");
    baocao()
        .args([
            "extract",
            articles().to_str().unwrap(),
            "--kinds",
            "date,directive",
            "-q",
            "-o",
        ])
        .arg(&out_path)
        .assert()
        .success()
        .stdout("");
    let records = jsonl(&fs::read(&out_path).unwrap());
    assert!(!records.is_empty());
    assert!(
        records
            .iter()
            .all(|r| r["kind"] == "date" || r["kind"] == "directive")
    );
    let leftovers: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");
}

#[test]
fn wrong_arguments_exit_2_with_the_valid_values_and_the_near_one() {
    baocao()
        .args(["extract", "x", "--kinds", "admisson"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("possible values: admission, target, percentage").and(
                predicate::str::contains("a similar value exists: 'admission'"),
            ),
        );
    baocao()
        .args(["extract", "x", "--encoding", "latin1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "possible values: auto, utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni",
        ));
    // Kind and encoding names in any case; encodings by their other names too.
    let lower = extract(&[articles().to_str().unwrap(), "--kinds", "admission,target"]);
    let upper = extract(&[articles().to_str().unwrap(), "--kinds", "ADMISSION,Target"]);
    assert!(!lower.is_empty());
    assert_eq!(lower, upper);
    let tcvn3 = fixtures().join("hostile/tcvn3.txt");
    for name in ["tcvn3", "TCVN3", "abc"] {
        let records = extract(&[tcvn3.to_str().unwrap(), "--encoding", name]);
        assert_eq!(records.len(), 4, "--encoding {name}");
    }
}

#[test]
fn stdin_gives_the_same_records() {
    let path = articles().join("quang_an_2024.txt");
    let from_file = extract(&[path.to_str().unwrap()]);
    let out = baocao()
        .args(["extract", "-", "-q"])
        .pipe_stdin(&path)
        .unwrap()
        .output()
        .unwrap();
    let from_stdin = jsonl(&out.stdout);
    assert_eq!(content(&from_file), content(&from_stdin));
    assert!(from_stdin.iter().all(|r| r["file"] == "-"));
}

#[test]
fn nfd_and_old_tone_text_give_the_same_records() {
    let tmp = tempfile::tempdir().unwrap();
    let original = fs::read_to_string(articles().join("quang_an_2024.txt")).unwrap();
    let nfd: String = original.nfd().collect();
    let old_tone = original
        .replace("ủy", "uỷ")
        .replace("hòa", "hoà")
        .replace("Hòa", "Hoà")
        .replace("khỏe", "khoẻ");
    assert_ne!(old_tone, original, "the fixture has words to rewrite");
    let spaced = original
        .replace(' ', "\u{a0}")
        .replace("2022 của", "2022\u{200b} của");
    let base = extract(&[articles().join("quang_an_2024.txt").to_str().unwrap()]);
    for (name, variant) in [("nfd", nfd), ("old_tone", old_tone), ("nbsp", spaced)] {
        let path = tmp.path().join(format!("{name}.txt"));
        fs::write(&path, &variant).unwrap();
        let got = extract(&[path.to_str().unwrap()]);
        assert_eq!(content(&got), content(&base), "{name}");
        for r in &got {
            let (s, e) = (
                r["start"].as_u64().unwrap() as usize,
                r["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                &variant.as_bytes()[s..e],
                r["text"].as_str().unwrap().as_bytes(),
                "{name}: {r}"
            );
        }
    }
}

#[test]
fn a_bad_file_among_good_ones_is_reported_and_the_rest_finish() {
    let tmp = tempfile::tempdir().unwrap();
    fs::copy(
        articles().join("quang_an_2024.txt"),
        tmp.path().join("a_good.txt"),
    )
    .unwrap();
    fs::write(
        tmp.path().join("b_bad.txt"),
        b"Nam 2023 \xff\xfe ket nap 12 dang vien",
    )
    .unwrap();
    fs::copy(
        articles().join("van_ban_moi.txt"),
        tmp.path().join("c_good.txt"),
    )
    .unwrap();
    let out = baocao().arg("extract").arg(tmp.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("b_bad.txt: invalid UTF-8 at byte offset 9"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    let files: std::collections::BTreeSet<String> = jsonl(&out.stdout)
        .iter()
        .map(|r| {
            r["file"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        files.into_iter().collect::<Vec<_>>(),
        ["a_good.txt", "c_good.txt"]
    );
}

#[test]
fn output_is_identical_for_any_thread_count() {
    let tmp = tempfile::tempdir().unwrap();
    for i in 0..40 {
        let src = [
            "quang_an_2024.txt",
            "ha_giang_old_tone.txt",
            "van_ban_moi.txt",
        ][i % 3];
        let sub = tmp.path().join(format!("d{}", i % 4));
        fs::create_dir_all(&sub).unwrap();
        fs::copy(articles().join(src), sub.join(format!("{i:03}.txt"))).unwrap();
    }
    let dir = tmp.path().to_str().unwrap();
    let one = baocao()
        .args(["extract", dir, "-q", "--threads", "1"])
        .output()
        .unwrap();
    for threads in ["2", "8"] {
        let many = baocao()
            .args(["extract", dir, "-q", "--threads", threads])
            .output()
            .unwrap();
        assert_eq!(one.stdout, many.stdout, "--threads {threads}");
    }
    let records = jsonl(&one.stdout);
    let files: Vec<&str> = records
        .iter()
        .map(|r| r["file"].as_str().unwrap())
        .collect();
    assert!(
        files.windows(2).all(|w| w[0] <= w[1]),
        "files in sorted order"
    );
}

#[test]
fn a_closed_stdout_ends_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(articles().join("quang_an_2024.txt")).unwrap();
    for i in 0..300 {
        fs::write(tmp.path().join(format!("{i:04}.txt")), &text).unwrap();
    }
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("baocao"))
        .arg("extract")
        .arg(tmp.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is dropped here, as `| head -1` would.
    let out = child.wait_with_output().unwrap();
    assert!(first.starts_with('{'));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
        "{stderr}"
    );
}

#[test]
fn help_shows_examples_and_version_works() {
    baocao()
        .args(["extract", "--help"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Examples:").and(predicate::str::contains("--format csv")),
        );
    baocao()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("baocao "));
}

#[test]
fn a_missing_path_is_reported() {
    baocao()
        .args(["extract", "no/such/dir", "-q"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("baocao: no/such/dir:"));
}

#[test]
fn review_page_highlights_every_record() {
    let tmp = tempfile::tempdir().unwrap();
    let page = tmp.path().join("review.html");
    baocao()
        .args(["review", articles().to_str().unwrap(), "-q", "-o"])
        .arg(&page)
        .assert()
        .success();
    let html = fs::read_to_string(&page).unwrap();
    let records = extract(&[articles().to_str().unwrap()]).len();
    assert_eq!(html.matches("<mark ").count(), records);
    assert!(
        html.contains("<template id=\"doc-2\""),
        "one template per article"
    );
    assert!(
        !html.contains("<script src") && !html.contains("<link"),
        "self-contained"
    );
}

#[test]
fn summary_checks_the_arithmetic() {
    let out = baocao()
        .args([
            "summary",
            articles().join("quang_an_2024.txt").to_str().unwrap(),
            "--format",
            "csv",
            "-q",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    assert_eq!(reader.headers().unwrap().get(8), Some("check"));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let ok = rows
        .iter()
        .find(|r| &r[3] == "1204" && &r[4] == "1163")
        .expect("the province row");
    assert_eq!((&ok[5], &ok[6], &ok[8]), ("103.5", "52310", "ok"));
    assert!(rows.iter().any(|r| r[8].starts_with("no check: missing")));
    let table = baocao()
        .args(["summary", articles().to_str().unwrap(), "-q"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(table.stdout)
            .unwrap()
            .starts_with("file ")
    );
}

/// With stderr on a terminal the progress bar draws from its own thread; the run must still end
/// (it once deadlocked on the stderr lock). python3's pty module provides the terminal.
#[test]
fn a_terminal_gets_a_progress_bar_and_the_run_ends() {
    if StdCommand::new("python3")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: no python3 for a pseudo-terminal");
        return;
    }
    let script = r#"
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], ["baocao", "extract", sys.argv[2], "-o", os.devnull])
out = b""
while True:
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode("utf-8", "replace"))
sys.exit(os.waitstatus_to_exitcode(status))
"#;
    let out = StdCommand::new("timeout")
        .args(["60", "python3", "-c", script])
        .arg(assert_cmd::cargo::cargo_bin("baocao"))
        .arg(articles())
        .output()
        .unwrap();
    let screen = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{screen}");
    let documents = fs::read_dir(articles()).unwrap().count();
    assert!(
        screen.contains(&format!("{documents} documents,")),
        "{screen}"
    );
}

#[test]
fn globs_repeat_match_in_any_case_and_a_run_that_reads_nothing_says_why() {
    let tmp = tempfile::tempdir().unwrap();
    let admission = "Năm 2023 kết nạp 5 đảng viên.";
    for name in ["a.TXT", "b.txt", "c.md", "d.html"] {
        fs::write(tmp.path().join(name), admission).unwrap();
    }
    let dir = tmp.path().to_str().unwrap();
    let files = |args: &[&str]| -> Vec<String> {
        let mut files: Vec<String> = extract(&[&[dir], args].concat())
            .iter()
            .map(|r| {
                r["file"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string()
            })
            .collect();
        files.dedup();
        files
    };
    // The default takes *.txt in any case; --glob is exact and repeatable; --iglob any case.
    assert_eq!(files(&[]), ["a.TXT", "b.txt"]);
    assert_eq!(files(&["--glob", "*.txt"]), ["b.txt"]);
    assert_eq!(
        files(&["--glob", "*.md", "--glob", "*.html"]),
        ["c.md", "d.html"]
    );
    assert_eq!(
        files(&["--iglob", "*.TXT", "--glob", "*.md"]),
        ["a.TXT", "b.txt", "c.md"]
    );
    baocao()
        .args(["extract", dir, "-q", "--glob", "*.csv"])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains(
            "0 documents: 4 files did not match --glob '*.csv' (e.g. a.TXT, b.txt, c.md)",
        ));
    baocao()
        .args(["summary", dir, "-q", "--glob", "*.csv"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "0 documents: 4 files did not match",
        ));
    baocao()
        .args(["extract", dir, "--glob", "[a"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value '[a' for '--glob"));
}

#[test]
fn sizes_take_units_and_one_is_singular() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("a.txt");
    let text = "Năm 2023 kết nạp 5 đảng viên.\n".repeat(40);
    fs::write(&path, &text).unwrap();
    assert!((1024..2000).contains(&text.len()));
    let run = |size: &str| {
        baocao()
            .arg("extract")
            .arg(&path)
            .args(["--max-file-size", size])
            .output()
            .unwrap()
    };
    let big = run("1K");
    assert_eq!(big.status.code(), Some(2), "{} bytes > 1K", text.len());
    assert!(String::from_utf8_lossy(&big.stderr).contains("larger than --max-file-size"));
    for size in ["2K", "1MiB", "0.5MB", &text.len().to_string()] {
        let out = run(size);
        assert!(out.status.success(), "--max-file-size {size}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("baocao: 1 document, 40 records, 0 failed"),
            "{stderr}"
        );
    }
    baocao()
        .arg("extract")
        .arg(&path)
        .args(["--max-file-size", "2 parsecs"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown unit"));
    fs::write(&path, "Năm 2023 kết nạp 5 đảng viên.").unwrap();
    baocao()
        .args(["review", tmp.path().to_str().unwrap(), "-o"])
        .arg(tmp.path().join("r.html"))
        .assert()
        .success()
        .stderr(predicate::str::contains("baocao: 1 article, 1 record →"));
}

#[test]
fn the_formula_guard_is_on_by_default_and_can_be_turned_off() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("a.txt");
    fs::write(&path, "-Năm 2023 kết nạp 5 đảng viên.").unwrap();
    let sentence = |flags: &[&str]| -> String {
        let out = baocao()
            .arg("extract")
            .arg(&path)
            .args(["-q", "--format", "csv"])
            .args(flags)
            .output()
            .unwrap();
        let mut rdr = csv::Reader::from_reader(&out.stdout[..]);
        let row = rdr.records().next().unwrap().unwrap();
        row[19].to_string()
    };
    assert_eq!(sentence(&[]), "'-Năm 2023 kết nạp 5 đảng viên.");
    assert_eq!(
        sentence(&["--no-formula-guard"]),
        "-Năm 2023 kết nạp 5 đảng viên."
    );
}

#[test]
fn transcoded_files_give_nfc_text_and_sentences() {
    let hostile = fixtures().join("hostile");
    let files: Vec<String> = ["tcvn3", "vni", "windows1258", "utf16le", "utf16be"]
        .iter()
        .map(|f| {
            hostile
                .join(format!("{f}.txt"))
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let records = extract(&files.iter().map(String::as_str).collect::<Vec<_>>());
    let transcoded: Vec<&Value> = records
        .iter()
        .filter(|r| !r["encoding"].is_null())
        .collect();
    let encodings: std::collections::BTreeSet<&str> = transcoded
        .iter()
        .map(|r| r["encoding"].as_str().unwrap())
        .collect();
    assert_eq!(encodings.len(), 5, "{encodings:?}");
    for r in transcoded {
        for field in ["text", "sentence"] {
            let s = r[field].as_str().unwrap();
            assert_eq!(s, s.nfc().collect::<String>(), "{field} of {r}");
        }
    }
    let vni = records
        .iter()
        .find(|r| r["encoding"] == "VNI" && r["kind"] == "admission");
    assert!(
        vni.unwrap()["sentence"]
            .as_str()
            .unwrap()
            .contains("kết nạp")
    );
}

#[test]
fn messages_name_the_users_path_and_the_reason_in_words() {
    let tmp = tempfile::tempdir().unwrap();
    let missing_dir = tmp.path().join("no/such/dir/out.jsonl");
    for command in ["extract", "summary", "review"] {
        let out = baocao()
            .args([command, articles().to_str().unwrap(), "-q", "-o"])
            .arg(&missing_dir)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{command}: {stderr}");
        assert!(
            stderr.contains(&format!(
                "cannot write {}: no such file or folder",
                missing_dir.display()
            )),
            "{command}: {stderr}"
        );
        assert!(
            !stderr.contains("os error") && !stderr.contains(".part"),
            "{stderr}"
        );
    }
    baocao()
        .args(["extract", "no/such/file.txt", "-q"])
        .assert()
        .code(2)
        .stderr("baocao: no/such/file.txt: no such file or folder\n");
}

#[test]
fn diff_says_what_appeared_disappeared_and_changed() {
    let tmp = tempfile::tempdir().unwrap();
    // Two runs made from one: the old one without percentages, the new one without dates and with
    // one admission's period changed by hand.
    let all = extract(&[articles().to_str().unwrap()]);
    let write = |name: &str, records: Vec<Value>| -> PathBuf {
        let path = tmp.path().join(name);
        let text: String = records.iter().map(|r| format!("{r}\n")).collect();
        fs::write(&path, text).unwrap();
        path
    };
    let without =
        |kind: &str| -> Vec<Value> { all.iter().filter(|r| r["kind"] != kind).cloned().collect() };
    let old = write("old.jsonl", without("percentage"));
    let mut records = without("date");
    let admission = records
        .iter_mut()
        .find(|r| r["kind"] == "admission")
        .unwrap();
    admission["period"] = "1999".into();
    let new = write("new.jsonl", records);
    let (dates, percentages) = (count_of(&old, "date"), count_of(&new, "percentage"));
    assert!(dates > 0 && percentages > 0);

    let out = baocao().arg("diff").arg(&old).arg(&new).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.iter().filter(|l| l.starts_with("- ")).count(), dates);
    assert!(
        lines
            .iter()
            .filter(|l| l.starts_with("- "))
            .all(|l| l.contains(" date "))
    );
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("+ ")).count(),
        percentages
    );
    let changed: Vec<&&str> = lines.iter().filter(|l| l.starts_with("~ ")).collect();
    assert_eq!(changed.len(), 1, "{stdout}");
    assert!(changed[0].contains(" admission ") && changed[0].ends_with("→ \"1999\""));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!(
        "{percentages} appeared, {dates} disappeared, 1 changed"
    )));

    let json = baocao()
        .args(["diff", "-q", "--format", "jsonl"])
        .arg(&old)
        .arg(&new)
        .output()
        .unwrap();
    let objects = jsonl(&json.stdout);
    assert_eq!(objects.len(), lines.len());
    let change = objects.iter().find(|o| o["change"] == "changed").unwrap();
    assert_eq!(change["fields"], serde_json::json!(["period"]));
    assert_eq!(change["new"]["period"], "1999");

    baocao()
        .arg("diff")
        .arg(&old)
        .arg(&old)
        .assert()
        .code(0)
        .stdout("");
    baocao()
        .arg("diff")
        .arg(&old)
        .arg(tmp.path().join("none.jsonl"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "none.jsonl: no such file or folder",
        ));
}

fn count_of(records: &Path, kind: &str) -> usize {
    jsonl(&fs::read(records).unwrap())
        .iter()
        .filter(|r| r["kind"] == kind)
        .count()
}

#[test]
fn completions_and_a_manual_page() {
    for (shell, marker) in [
        ("bash", "complete -F _baocao"),
        ("zsh", "#compdef baocao"),
        ("fish", "complete -c baocao"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        baocao()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains(marker).and(predicate::str::contains("extract")));
    }
    baocao().args(["completions", "tcsh"]).assert().code(2);
    baocao()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH baocao 1").and(predicate::str::contains("summary")));
}

#[test]
fn every_command_ends_quietly_on_a_closed_stdout() {
    let tmp = tempfile::tempdir().unwrap();
    let records = tmp.path().join("r.jsonl");
    let out = baocao()
        .args(["extract", articles().to_str().unwrap(), "-q"])
        .output()
        .unwrap();
    fs::write(&records, &out.stdout).unwrap();
    let empty = tmp.path().join("empty.jsonl");
    fs::write(&empty, "").unwrap();
    let articles = articles();
    let runs: [&[&std::ffi::OsStr]; 6] = [
        &["extract".as_ref(), articles.as_ref(), "-q".as_ref()],
        &["summary".as_ref(), articles.as_ref(), "-q".as_ref()],
        &["completions".as_ref(), "bash".as_ref()],
        &["man".as_ref()],
        &["extractors".as_ref()],
        &[
            "diff".as_ref(),
            empty.as_ref(),
            records.as_ref(),
            "-q".as_ref(),
        ],
    ];
    for args in runs {
        // A pipe nobody reads: every write fails as it does after `| head` has gone.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = StdCommand::new(assert_cmd::cargo::cargo_bin("baocao"))
            .args(args)
            .stdout(writer)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        let expected = if args[0] == "diff" { 1 } else { 0 };
        assert_eq!(out.status.code(), Some(expected), "{args:?}: {stderr}");
    }
}
