//! What the integration test files share.

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;

/// `baocao extract PATH FLAGS…` run to completion.
pub fn extract_path(path: &Path, flags: &[&str]) -> Output {
    Command::cargo_bin("baocao")
        .expect("binary")
        .arg("extract")
        .arg(path)
        .args(flags)
        .output()
        .expect("run baocao")
}
