//! Any bytes through the library entry point: no panic, and every record grounded in its input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for lossy in [false, true] {
        if let Ok(records) = baocao::Extractor::new().lossy(lossy).extract("fuzz", data) {
            for r in records {
                assert!(r.start <= r.end && r.end <= data.len());
                if r.encoding.is_none() {
                    assert_eq!(std::str::from_utf8(&data[r.start..r.end]).ok(), Some(r.text.as_str()));
                }
            }
        }
    }
});
