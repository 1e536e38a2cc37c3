//! Development entry points for the NLP core.
//!
//! ```text
//! cargo run --release --example nlp_dev -- train [--data DIR] [--out DIR] [--tags-cache FILE] [--gum-copies N] [--refit] [--parser-fixed-epochs N]
//!     [--parsers N] [--parser-beam N] [--parser-epochs N] [--parser-patience N] [--parser-dev-beam N]
//!     [--parser-compress A,L]
//! cargo run --release --example nlp_dev -- eval FILE.conllu [--raw] [--json] [--models DIR] [--beam N]
//! cargo run --release --example nlp_dev -- bench [FILE.jsonl] [--limit N] [--beam N] [--models DIR] [--compress A,L] [--dump FILE]
//! cargo run --release --example nlp_dev -- compress DIR A,L [A,L ...] [--write FILE]
//! ```
use std::path::PathBuf;
use std::time::Instant;

use newsgraph::nlp::{self, NlpModels, eval, train};

fn arg_value(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

/// `A,L` → (A, L).
fn parse_pair(s: &str) -> anyhow::Result<(i16, i16)> {
    let (a, l) = s
        .split_once(',')
        .ok_or_else(|| anyhow::anyhow!("expected A,L: {s}"))?;
    Ok((a.parse()?, l.parse()?))
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    match args.first().map(String::as_str) {
        Some("train") => {
            let data = arg_value(&args, "--data")
                .map(PathBuf::from)
                .unwrap_or_else(|| root.join("../shared/data/nlp"));
            let out = arg_value(&args, "--out")
                .map(PathBuf::from)
                .unwrap_or_else(|| root.join("models"));
            let mut opts = train::TrainOpts::default();
            if let Some(e) = arg_value(&args, "--parser-epochs") {
                opts.parser_epochs = e.parse()?;
            }
            if let Some(e) = arg_value(&args, "--parser-beam") {
                opts.parser_beam = e.parse()?;
            }
            if let Some(e) = arg_value(&args, "--tags-cache") {
                opts.tags_cache = Some(PathBuf::from(e));
            }
            if let Some(e) = arg_value(&args, "--parsers") {
                opts.parsers = e.parse()?;
            }
            if let Some(e) = arg_value(&args, "--tagger-epochs") {
                opts.tagger_epochs = e.parse()?;
            }
            if let Some(e) = arg_value(&args, "--gum-copies") {
                opts.gum_copies = e.parse()?;
            }
            if let Some(e) = arg_value(&args, "--parser-fixed-epochs") {
                opts.parser_fixed_epochs = Some(e.split(',').map(str::parse).collect::<Result<
                    Vec<usize>,
                    _,
                >>(
                )?);
            }
            if let Some(e) = arg_value(&args, "--parser-compress") {
                // `A,L` row thresholds (see `Parser::compressed`); `0,0` = keep the parser as
                // trained (compress it later with `compress DIR A,L --write FILE`).
                opts.parser_compress = Some(parse_pair(&e)?).filter(|&p| p != (0, 0));
            }
            if let Some(e) = arg_value(&args, "--parser-patience") {
                opts.parser_patience = e.parse()?;
            }
            if let Some(e) = arg_value(&args, "--parser-dev-beam") {
                opts.parser_dev_beam = e.parse()?;
            }
            if args.iter().any(|a| a == "--refit") {
                opts.parser_refit = true;
            }
            let rep = train::train_all(&data, &out, &opts)?;
            println!("{}", serde_json::to_string_pretty(&rep)?);
        }
        Some("eval") => {
            let file = args.get(1).ok_or_else(|| anyhow::anyhow!("eval FILE"))?;
            let raw = args.iter().any(|a| a == "--raw");
            let t = Instant::now();
            let mut m = match arg_value(&args, "--models") {
                Some(dir) => NlpModels::load(&PathBuf::from(dir))?,
                None => NlpModels::load(&root.join("models"))?,
            };
            if let Some(b) = arg_value(&args, "--beam") {
                m.set_parser_beam(b.parse()?);
            }
            let scores = eval::eval_ud_with(&m, &PathBuf::from(file), raw)?;
            if args.iter().any(|a| a == "--json") {
                println!("{}", serde_json::to_string(&scores)?);
            } else {
                println!("{scores}");
                eprintln!("({:.2}s)", t.elapsed().as_secs_f64());
            }
        }
        Some("prune") => {
            let dir = PathBuf::from(args.get(1).ok_or_else(|| anyhow::anyhow!("prune DIR"))?);
            let qs: Vec<i16> = match arg_value(&args, "--q") {
                Some(q) => q.split(',').map(str::parse).collect::<Result<_, _>>()?,
                None => vec![400, 600, 1000, 1500],
            };
            let devs = train::ud_files(&root.join("../shared/data/nlp"), "dev");
            for q in qs {
                let mut m = NlpModels::load(&dir)?;
                m.prune_parser(q);
                let mut line = format!(
                    "min_q {q}: parser {} bytes, {:?}",
                    m.parser_bytes().len(),
                    m.sizes()
                );
                for dev in &devs {
                    let s = eval::eval_ud_with(&m, dev, false)?;
                    line += &format!(", UAS {:.2} LAS {:.2}", s.uas, s.las);
                }
                println!("{line}");
            }
        }
        Some("compress") => {
            // Parser compression on the dev sets: `compress DIR A,L [A,L ...] [--write OUT]`
            // (A, L: row thresholds of the transition and label models, see
            // `Parser::compressed`); `--write` saves the last variant's parser.bin.
            let dir = PathBuf::from(args.get(1).ok_or_else(|| anyhow::anyhow!("compress DIR"))?);
            let devs = train::ud_files(&root.join("../shared/data/nlp"), "dev");
            let out = arg_value(&args, "--write");
            let specs: Vec<&String> = args[2..]
                .iter()
                .filter(|a| a.contains(',') && Some(*a) != out.as_ref())
                .collect();
            for spec in specs {
                let (a, l) = parse_pair(spec)?;
                let mut m = NlpModels::load(&dir)?;
                if (a, l) != (0, 0) {
                    m.compress_parser(a, l);
                }
                let (ta, tl) = m.parser_table_bytes();
                let (_, fa, fl) = m.sizes();
                let mut line = format!(
                    "{a},{l}: parser.bin {} bytes; transition {fa} features, table {ta} bytes; \
                     label {fl} features, table {tl} bytes",
                    m.parser_bytes().len()
                );
                for dev in &devs {
                    let s = eval::eval_ud_with(&m, dev, false)?;
                    line += &format!("; UAS {:.2} LAS {:.2}", s.uas, s.las);
                }
                println!("{line}");
                if let Some(o) = &out {
                    std::fs::write(o, m.parser_bytes())?;
                }
            }
        }
        Some("errors") => {
            let file = PathBuf::from(args.get(1).ok_or_else(|| anyhow::anyhow!("errors FILE"))?);
            let m = match arg_value(&args, "--models") {
                Some(d) => NlpModels::load(&PathBuf::from(d))?,
                None => anyhow::bail!("--models DIR"),
            };
            let sents = nlp::conllu::read_file(&file)?;
            let mut conf: std::collections::BTreeMap<String, usize> = Default::default();
            let mut lem: std::collections::BTreeMap<String, usize> = Default::default();
            for s in &sents {
                let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
                for (g, p) in s.words.iter().zip(m.annotate(&words)) {
                    if g.upos != p.upos {
                        *conf.entry(format!("{} -> {}", g.upos, p.upos)).or_default() += 1;
                    }
                    if g.lemma != p.lemma {
                        *lem.entry(format!(
                            "{} {} {}: {} -> {}",
                            g.form, g.xpos, p.xpos, g.lemma, p.lemma
                        ))
                        .or_default() += 1;
                    }
                }
            }
            let mut c: Vec<_> = conf.into_iter().collect();
            c.sort_by_key(|e| std::cmp::Reverse(e.1));
            for (k, v) in c.iter().take(15) {
                println!("{v:5} {k}");
            }
            let mut c: Vec<_> = lem.into_iter().collect();
            c.sort_by_key(|e| std::cmp::Reverse(e.1));
            for (k, v) in c.iter().take(40) {
                println!("{v:5} {k}");
            }
        }
        Some("nonproj") => {
            // Share of arcs that projectivization (lifting) changes: the ceiling it costs.
            let file = PathBuf::from(args.get(1).ok_or_else(|| anyhow::anyhow!("nonproj FILE"))?);
            let sents = nlp::conllu::read_file(&file)?;
            let (mut words, mut lifted, mut sents_np) = (0usize, 0usize, 0usize);
            for s in &sents {
                let heads: Vec<usize> = s.words.iter().map(|w| w.head).collect();
                let p = nlp::parser::projectivize(&heads);
                let d = heads.iter().zip(&p).filter(|(a, b)| a != b).count();
                words += heads.len();
                lifted += d;
                sents_np += (d > 0) as usize;
            }
            println!(
                "{} sentences, {sents_np} non-projective; {lifted} of {words} arcs lifted ({:.2}%)",
                sents.len(),
                lifted as f64 * 100.0 / words as f64
            );
        }
        Some("bench") => bench(&args, &root)?,
        _ => {
            eprintln!("usage: nlp_dev train|eval|bench ...");
            std::process::exit(2);
        }
    }
    Ok(())
}

/// CPU time of the calling thread in seconds (robust to other load on the machine).
fn thread_cpu() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .next()
                .and_then(|x| x.parse::<f64>().ok())
        })
        .map_or(0.0, |ns| ns / 1e9)
}

fn peak_rss_kb() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn bench(args: &[String], root: &std::path::Path) -> anyhow::Result<()> {
    let file = args
        .get(1)
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/data/corpus/wikinews.jsonl"));
    let limit: usize = arg_value(args, "--limit")
        .map(|l| l.parse())
        .transpose()?
        .unwrap_or(usize::MAX);
    let c = thread_cpu();
    let t = Instant::now();
    let models = NlpModels::embedded()?;
    let load = t.elapsed();
    let owned;
    let dir = arg_value(args, "--models").map(PathBuf::from);
    let models = match (arg_value(args, "--beam"), dir) {
        (None, None) => models,
        (b, dir) => {
            let mut m = NlpModels::load(&dir.unwrap_or_else(|| root.join("models")))?;
            if let Some(b) = b {
                m.set_parser_beam(b.parse()?);
            }
            if let Some(q) = arg_value(args, "--prune") {
                m.prune_parser(q.parse()?);
            }
            if let Some(spec) = arg_value(args, "--compress") {
                let (a, l) = parse_pair(&spec)?;
                m.compress_parser(a, l);
            }
            owned = m;
            &owned
        }
    };
    println!("parser beam: {}", models.parser_beam());
    println!(
        "model load: {:.1} ms wall, {:.1} ms CPU",
        load.as_secs_f64() * 1000.0,
        (thread_cpu() - c) * 1000.0
    );
    let texts: Vec<String> = std::fs::read_to_string(&file)?
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .take(limit)
        .collect();
    // Tokenizer + sentence splitter.
    let c = thread_cpu();
    let t = Instant::now();
    let mut sents: Vec<Vec<String>> = Vec::new();
    let mut ntok = 0usize;
    for text in &texts {
        for s in nlp::split_sentences(text) {
            let toks = nlp::tokenize(&text[s.start..s.end]);
            ntok += toks.len();
            sents.push(
                toks.iter()
                    .map(|t| text[s.start + t.start..s.start + t.end].to_string())
                    .collect(),
            );
        }
    }
    let tt = t.elapsed().as_secs_f64();
    let ct = thread_cpu() - c;
    println!(
        "split+tokenize: {} docs, {} sentences, {} tokens in {:.2}s wall = {:.0} tokens/s; CPU {:.0} tokens/s",
        texts.len(),
        sents.len(),
        ntok,
        tt,
        ntok as f64 / tt,
        ntok as f64 / ct
    );
    let c = thread_cpu();
    let t = Instant::now();
    let mut tagged = Vec::with_capacity(sents.len());
    for s in &sents {
        let w: Vec<&str> = s.iter().map(String::as_str).collect();
        tagged.push(models.tag(&w));
    }
    let tt = t.elapsed().as_secs_f64();
    let ct = thread_cpu() - c;
    println!(
        "tagger: {:.0} tokens/s wall ({:.2}s); CPU {:.0} tokens/s",
        ntok as f64 / tt,
        tt,
        ntok as f64 / ct
    );
    let c = thread_cpu();
    let t = Instant::now();
    let mut arcs = 0usize;
    let dump = arg_value(args, "--dump");
    let mut parses = Vec::new();
    for tg in &tagged {
        let p = models.parse(tg);
        arcs += p.0.len();
        if dump.is_some() {
            parses.push(p);
        }
    }
    let tt = t.elapsed().as_secs_f64();
    let ct = thread_cpu() - c;
    if let Some(path) = &dump {
        // One line per sentence: head:label of each token (for before/after identity checks).
        let mut out = String::new();
        for (heads, labels) in &parses {
            let line: Vec<String> = heads
                .iter()
                .zip(labels)
                .map(|(h, l)| format!("{h}:{l}"))
                .collect();
            out.push_str(&line.join(" "));
            out.push('\n');
        }
        std::fs::write(path, out)?;
    }
    println!(
        "parser: {:.0} tokens/s wall ({:.2}s, {arcs} arcs); CPU {:.0} tokens/s",
        ntok as f64 / tt,
        tt,
        ntok as f64 / ct
    );
    let t = Instant::now();
    let mut nl = 0usize;
    for (s, tg) in sents.iter().zip(&tagged) {
        for (i, w) in s.iter().enumerate() {
            nl += models.lemma(w, tg.tags(models, i).1).len();
        }
    }
    let tt = t.elapsed().as_secs_f64();
    println!(
        "lemmatizer: {:.0} tokens/s ({:.2}s, {nl})",
        ntok as f64 / tt,
        tt
    );
    if let Some(kb) = peak_rss_kb() {
        println!("peak RSS: {:.1} MB", kb as f64 / 1024.0);
    }
    Ok(())
}
