//! Time per stage over a folder of articles held in memory: where a run's CPU goes.
//!
//!   cargo run --release --example stages -- bench/corpus-200/00[0-3]

fn main() {
    let files: Vec<Vec<u8>> = std::env::args()
        .skip(1)
        .flat_map(|root| walkdir::WalkDir::new(root).sort_by_file_name())
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| std::fs::read(e.path()).expect("read"))
        .collect();
    baocao::internals::stage_report(&files);
}
