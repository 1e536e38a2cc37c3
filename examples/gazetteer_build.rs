//! Regenerates the gazetteer table.
//!
//! `cargo run --release --example gazetteer_build -- [GAZETTEER_DIR] [OUTPUT]`
//! (defaults: `../shared/data/gazetteer`, `models/gazetteer/gazetteer.tsv`).

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "../shared/data/gazetteer".into()),
    );
    let out = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "models/gazetteer/gazetteer.tsv".into()),
    );
    let table = newsgraph::entities::gazetteer::build::build_table(&dir)?;
    std::fs::write(&out, &table)?;
    let g = newsgraph::entities::gazetteer::Gazetteer::from_table(&table)?;
    eprintln!(
        "wrote {} ({} bytes, {} entries, {} patterns)",
        out.display(),
        table.len(),
        g.len(),
        g.pattern_count()
    );
    Ok(())
}
