//! Runs the embedded gazetteer over a JSONL corpus: throughput and the most frequent matches
//! (for the false-positive check).
//!
//! `cargo run --release --example gazetteer_scan -- [CORPUS.jsonl] [MAX_ARTICLES] [TOP] [SURFACE]`
//! (defaults: `../shared/data/corpus/wikinews.jsonl`, all articles, 60). With SURFACE, also
//! prints every match of that surface in context.

use std::collections::HashMap;
use std::time::Instant;

use newsgraph::entities::gazetteer::Gazetteer;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "../shared/data/corpus/wikinews.jsonl".into());
    let max: usize = args
        .next()
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(usize::MAX);
    let top: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(60);
    let show = args.next();

    let t0 = Instant::now();
    let g = Gazetteer::embedded();
    let load = t0.elapsed();

    let corpus = std::fs::read_to_string(&path)?;
    let mut texts: Vec<String> = Vec::new();
    for line in corpus.lines().take(max) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
            texts.push(t.to_string());
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let t1 = Instant::now();
    let mut total = 0usize;
    let mut counts: HashMap<(String, String, String), usize> = HashMap::new();
    for t in &texts {
        let ms = g.find(t);
        total += ms.len();
        for m in ms {
            let e = g.entry(m.entry);
            if show.as_deref() == Some(&t[m.span.start..m.span.end]) {
                let a = t.floor_char_boundary(m.span.start.saturating_sub(50));
                let b = t.ceil_char_boundary((m.span.end + 50).min(t.len()));
                println!("  …{}…", t[a..b].replace('\n', " "));
            }
            *counts
                .entry((
                    t[m.span.start..m.span.end].to_string(),
                    e.class.local_name().to_string(),
                    e.canonical.clone(),
                ))
                .or_default() += 1;
        }
    }
    let dt = t1.elapsed();
    println!(
        "load {:.1} ms ({} entries, {} patterns); {} articles, {:.2} MB in {:.3} s = {:.1} MB/s; {} matches",
        load.as_secs_f64() * 1000.0,
        g.len(),
        g.pattern_count(),
        texts.len(),
        bytes as f64 / 1e6,
        dt.as_secs_f64(),
        bytes as f64 / 1e6 / dt.as_secs_f64(),
        total
    );
    let mut v: Vec<_> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for ((surface, class, canonical), n) in v.into_iter().take(top) {
        println!("{n:6}  {surface:30} {class:26} {canonical}");
    }
    Ok(())
}
