//! Measures the time to load the embedded gazetteer table (parse + matcher build).
//!
//! `cargo run --release --example gazetteer_load`

use std::time::Instant;

use newsgraph::entities::gazetteer::{EMBEDDED_TABLE, Gazetteer};

fn main() -> anyhow::Result<()> {
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        let g = Gazetteer::from_table(EMBEDDED_TABLE)?;
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        best = best.min(ms);
        std::hint::black_box(g);
    }
    println!(
        "table {} bytes; best of 5 loads: {best:.1} ms",
        EMBEDDED_TABLE.len()
    );
    Ok(())
}
