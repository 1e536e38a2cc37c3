//! Corpus benchmark: end-to-end throughput, peak memory and time per pipeline stage.
//!
//! ```sh
//! cargo run --release --example bench -- [--corpus FILE.jsonl]... [--jobs 1,2] [--syntax auto]
//! ```
//!
//! Defaults: `../shared/data/corpus/wikinews.jsonl` and `un-general-debate.jsonl`, 1 and 2 threads.
//! Each (corpus, threads) runs in a child process of its own so that peak RSS (`VmHWM` of
//! `/proc/self/status`) is that run's:
//! 1. end to end as `newsgraph extract CORPUS -f nq` runs it (streamed N-Quads, written to a
//!    sink): wall time, MB/s (of document text), docs/s, peak RSS;
//! 2. per stage, over the same documents with the same threads: reading (JSONL parsing), sentences
//!    and tokens, entities, tagging, relations, graph building, N-Quads export: time summed over
//!    threads and tokens per second of that stage.

use newsgraph::corpus::{self, EntityLabels, Observer};
use newsgraph::document::{Document, InputSpec, read_inputs};
use newsgraph::entities::gazetteer::Gazetteer;
use newsgraph::export::Format;
use newsgraph::ontology::Ontology;
use newsgraph::pipeline::{Extractor, StageTimes, SyntaxLevel};
use rayon::prelude::*;
use std::process::Command;
use std::time::{Duration, Instant};

struct Quiet;
impl Observer for Quiet {
    fn failure(&mut self, _: &corpus::DocumentFailure) {}
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn syntax_level(name: &str) -> SyntaxLevel {
    match name {
        "none" => SyntaxLevel::None,
        "parse" => SyntaxLevel::Parse,
        "tags" => SyntaxLevel::Tags,
        _ => SyntaxLevel::Auto,
    }
}

/// One (corpus, threads) measurement; prints one JSON object.
fn child(corpus_path: &str, jobs: usize, syntax: &str) {
    let ontology = Ontology::embedded().expect("embedded ontology");
    let extractor =
        Extractor::new(&ontology, Gazetteer::embedded()).with_syntax(syntax_level(syntax));
    let specs = vec![InputSpec::Jsonl(corpus_path.into())];

    // 1. end to end, streamed
    let mut written = 0u64;
    let stats = corpus::stream_documents(
        read_inputs(&specs),
        &extractor,
        jobs,
        Format::NQuads,
        &mut EntityLabels::new(),
        &mut |_, bytes| {
            written += bytes.len() as u64;
            Ok(())
        },
        &mut Quiet,
    )
    .expect("the run completes");
    let rss = peak_rss_mb();

    // 2. per stage
    let clock = Instant::now();
    let docs: Vec<Document> = read_inputs(&specs).filter_map(Result::ok).collect();
    let reading = clock.elapsed();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .expect("pool");
    let (times, export) = pool.install(|| {
        docs.par_iter()
            .map(|doc| {
                let mut t = StageTimes::default();
                let graph = extractor.extract_timed(doc, &mut t);
                let clock = Instant::now();
                let bytes = corpus::document_nquads(&graph, &ontology).unwrap_or_default();
                std::hint::black_box(bytes);
                (t, clock.elapsed())
            })
            .reduce(
                || (StageTimes::default(), Duration::ZERO),
                |(mut a, ea), (b, eb)| {
                    a.add(&b);
                    (a, ea + eb)
                },
            )
    });
    let secs = |d: Duration| d.as_secs_f64();
    let out = serde_json::json!({
        "corpus": corpus_path,
        "jobs": jobs,
        "documents": stats.documents,
        "failures": stats.failures,
        "mb": stats.bytes as f64 / 1e6,
        "wall": secs(stats.elapsed),
        "nq_mb": written as f64 / 1e6,
        "peak_rss_mb": rss,
        "tokens": times.tokens,
        "reading": secs(reading),
        "sentences": secs(times.sentences),
        "entities": secs(times.entities),
        "tagging": secs(times.syntax),
        "relations": secs(times.relations),
        "graph": secs(times.graph),
        "export": secs(export),
    });
    println!("{out}");
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str| -> Vec<String> {
        args.windows(2)
            .filter(|w| w[0] == name)
            .map(|w| w[1].clone())
            .collect()
    };
    let syntax = value("--syntax").pop().unwrap_or_else(|| "auto".into());
    if args.iter().any(|a| a == "--child") {
        let corpus = value("--corpus").pop().expect("--corpus");
        let jobs: usize = value("--jobs")
            .pop()
            .and_then(|j| j.parse().ok())
            .unwrap_or(1);
        child(&corpus, jobs, &syntax);
        return;
    }
    let mut corpora = value("--corpus");
    if corpora.is_empty() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/corpus");
        for name in ["wikinews.jsonl", "un-general-debate.jsonl"] {
            corpora.push(dir.join(name).to_string_lossy().into_owned());
        }
    }
    let jobs: Vec<usize> = value("--jobs")
        .pop()
        .unwrap_or_else(|| "1,2".into())
        .split(',')
        .filter_map(|j| j.trim().parse().ok())
        .collect();
    let exe = std::env::current_exe().expect("own path");
    let mut rows = Vec::new();
    for corpus in &corpora {
        for &j in &jobs {
            let out = Command::new(&exe)
                .args(["--child", "--corpus", corpus, "--jobs", &j.to_string()])
                .args(["--syntax", &syntax])
                .output()
                .expect("child runs");
            if !out.status.success() {
                eprintln!(
                    "bench: {corpus} with {j} threads failed: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                continue;
            }
            let row: serde_json::Value =
                serde_json::from_slice(&out.stdout).expect("child prints JSON");
            eprintln!("{row}");
            rows.push(row);
        }
    }
    let name = |r: &serde_json::Value| {
        std::path::Path::new(r["corpus"].as_str().unwrap_or(""))
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let f = |r: &serde_json::Value, k: &str| r[k].as_f64().unwrap_or(f64::NAN);
    println!("--syntax {syntax}\n");
    println!(
        "| corpus | threads | documents | MB | wall s | MB/s | docs/s | speed-up | peak RSS MB |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    for r in &rows {
        let base = rows
            .iter()
            .find(|b| b["corpus"] == r["corpus"] && b["jobs"] == 1)
            .map_or(f64::NAN, |b| f(b, "wall"));
        println!(
            "| {} | {} | {} | {:.1} | {:.2} | {:.2} | {:.0} | {:.2}× | {:.0} |",
            name(r),
            r["jobs"],
            r["documents"],
            f(r, "mb"),
            f(r, "wall"),
            f(r, "mb") / f(r, "wall"),
            f(r, "documents") / f(r, "wall"),
            base / f(r, "wall"),
            f(r, "peak_rss_mb"),
        );
    }
    println!("\nPer stage, one thread (seconds; million tokens per second of the stage):\n");
    let stages = [
        ("reading", "reading (JSONL)"),
        ("sentences", "sentences + tokens"),
        ("entities", "entities"),
        ("tagging", "tagging"),
        ("relations", "relations"),
        ("graph", "graph"),
        ("export", "export (nq)"),
    ];
    print!("| corpus | tokens |");
    for (_, title) in stages {
        print!(" {title} |");
    }
    println!();
    println!("|---|---|{}", "---|".repeat(stages.len()));
    for r in rows.iter().filter(|r| r["jobs"] == 1) {
        let tokens = f(r, "tokens");
        print!("| {} | {:.2} M |", name(r), tokens / 1e6);
        for (key, _) in stages {
            let s = f(r, key);
            print!(" {s:.2} s ({:.1} M/s) |", tokens / s / 1e6);
        }
        println!();
    }
}
