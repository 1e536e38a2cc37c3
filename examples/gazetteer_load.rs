//! Measures the time to load the embedded gazetteer table (parse + matcher build).
//!
//! `cargo run --release --example gazetteer_load -- [N]` (N loads, default 5). On a busy machine
//! compare with CPU time: `/usr/bin/time -f %U target/release/examples/gazetteer_load 50`.

use std::time::Instant;

use newsgraph::entities::gazetteer::{EMBEDDED_TABLE, Gazetteer};

fn main() -> anyhow::Result<()> {
    let n: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(5);
    let mut best = f64::MAX;
    let mut total = 0.0;
    for _ in 0..n {
        let t = Instant::now();
        let g = Gazetteer::from_table(EMBEDDED_TABLE)?;
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        best = best.min(ms);
        total += ms;
        std::hint::black_box(g);
    }
    println!(
        "table {} bytes; {n} loads: best {best:.1} ms, mean {:.1} ms (wall clock)",
        EMBEDDED_TABLE.len(),
        total / n as f64
    );
    Ok(())
}
