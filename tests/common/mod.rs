//! Helpers shared by the integration tests.

use std::path::PathBuf;

/// `../shared/data` when present. Without it the test is skipped (with a message), unless `CI`
/// is set: CI always has `../shared`, so its absence there is a failure.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if dir.exists() {
        Some(dir)
    } else if std::env::var_os("CI").is_some() {
        panic!("../shared/data is required when CI is set");
    } else {
        eprintln!("skipping: ../shared/data absent");
        None
    }
}
