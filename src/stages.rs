//! Time per stage over articles held in memory: where a run's CPU goes. Run by
//! `examples/stages.rs`; it lives in the crate because it times the stages one by one, which the
//! API does not expose.

use std::time::{Duration, Instant};

use crate::extract::{self, Doc, Extractor};
use crate::output::Format;
use crate::pipeline::{Options, extract_bytes};
use crate::text::{decode::decode, normalize::normalize};

/// Prints the time each stage took over `files` and the whole pipeline's.
pub fn report(files: &[Vec<u8>]) {
    let mb = files.iter().map(Vec::len).sum::<usize>() as f64 / 1e6;
    let kinds: [(&str, Extractor); 6] = [
        ("percentage", extract::percentage::extract),
        ("date", extract::date::extract),
        ("directive", extract::directive::extract),
        ("admission", extract::admission::extract),
        ("target", extract::target::extract),
        ("membership", extract::membership::extract),
    ];
    let mut times = vec![Duration::ZERO; kinds.len() + 3];
    let mut records = 0;
    for bytes in files {
        let t = Instant::now();
        let Ok(decoded) = decode(bytes, Default::default()) else {
            continue; // the corpus holds a few damaged files on purpose
        };
        times[0] += t.elapsed();
        let t = Instant::now();
        let normalized = normalize(&decoded.text);
        times[1] += t.elapsed();
        let t = Instant::now();
        let doc = Doc::new(&normalized.text);
        times[2] += t.elapsed();
        for (i, (_, run)) in kinds.iter().enumerate() {
            let mut out = Vec::new();
            let t = Instant::now();
            run(&doc, &mut out);
            times[3 + i] += t.elapsed();
            records += out.len();
        }
    }
    let t = Instant::now();
    let all: Vec<Vec<crate::Record>> = files
        .iter()
        .map(|b| extract_bytes("corpus/000/000001.txt", b, &Options::default()).unwrap_or_default())
        .collect();
    let whole = t.elapsed();
    let total: usize = all.iter().map(Vec::len).sum();
    for format in [Format::Jsonl, Format::Csv] {
        let t = Instant::now();
        let mut bytes = 0;
        for records in &all {
            let mut out = Vec::new();
            format.render(records, true, &mut out).expect("render");
            bytes += out.len();
        }
        println!(
            "render {format:?} {:.3} s, {:.1} MB",
            t.elapsed().as_secs_f64(),
            bytes as f64 / 1e6
        );
    }
    let names = ["decode", "normalize", "sentences"]
        .into_iter()
        .chain(kinds.iter().map(|k| k.0));
    for (name, t) in names.zip(&times) {
        println!(
            "{name:<12} {:>8.3} s {:>9.1} MB/s",
            t.as_secs_f64(),
            mb / t.as_secs_f64()
        );
    }
    println!(
        "records {records} (extract_bytes {total}), extract_bytes {:.3} s {:.1} MB/s",
        whole.as_secs_f64(),
        mb / whole.as_secs_f64()
    );
}
