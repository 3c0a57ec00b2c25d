//! The admissions reported in a folder of articles, as a table: the library's API alone.
//!
//!   cargo run --example admissions -- fixtures/articles

use std::error::Error;
use std::path::PathBuf;

use baocao::{Extractor, Kind};

fn main() -> Result<(), Box<dyn Error>> {
    let folder = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();

    let extractor = Extractor::new().kinds(&[Kind::Admission]);
    println!("{:<24} {:>8}  {:<16} org", "file", "admitted", "period");
    for path in paths {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let records = match extractor.extract(&name, std::fs::read(&path)?) {
            Ok(records) => records,
            Err(e) => {
                eprintln!("{name}: {e}");
                continue;
            }
        };
        for r in records.iter().filter(|r| r.subset.is_none()) {
            println!(
                "{:<24} {:>8}  {:<16} {}",
                r.file,
                r.value.to_string(),
                r.period.as_deref().unwrap_or("-"),
                r.org.as_deref().unwrap_or("-"),
            );
        }
    }
    Ok(())
}
