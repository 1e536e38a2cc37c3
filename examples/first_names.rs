//! Learns the first-name gender table `models/first-names.tsv` from a news corpus.
//!
//! `cargo run --release --example first_names [-- CORPUS.jsonl [OUT.tsv]]`
//!
//! Every document is run through sentence splitting and entity recognition (no tagger needed);
//! [`FirstNameLearner`] counts which pronouns follow a sentence's only person. Defaults:
//! `../shared/data/corpus/wikinews.jsonl` (CC BY 2.5) → `models/first-names.tsv`. The output is
//! deterministic (documents in file order, names sorted).

use newsgraph::entities::gazetteer::Gazetteer;
use newsgraph::entities::gender::FirstNameLearner;
use newsgraph::ontology::Ontology;
use newsgraph::pipeline::{Extractor, SyntaxLevel};

/// A first name needs this many documents' votes ...
const MIN_VOTES: u32 = 2;
/// ... and this share of them for one gender ...
const MIN_SHARE: f64 = 0.8;
/// ... and the corpus may write it in lower case at most this many times per vote.
const MAX_LOWER_CASE_PER_VOTE: u32 = 10;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let corpus = args
        .first()
        .map_or("../shared/data/corpus/wikinews.jsonl", String::as_str);
    let out = args.get(1).map_or("models/first-names.tsv", String::as_str);
    let ontology = Ontology::embedded()?;
    let extractor = Extractor::new(&ontology, Gazetteer::embedded()).with_syntax(SyntaxLevel::None);
    let text = std::fs::read_to_string(corpus).map_err(|e| format!("{corpus}: {e}"))?;
    let mut learner = FirstNameLearner::new();
    let mut documents = 0usize;
    for (n, line) in text.lines().enumerate() {
        let Ok(record) = serde_json::from_str::<serde_json::Value>(line) else {
            eprintln!("{corpus}:{}: not a JSON object, skipped", n + 1);
            continue;
        };
        let Some(body) = record.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        let analysis = extractor.analyze(body);
        learner.add_document(&analysis.sentences, &analysis.entities);
        documents += 1;
    }
    let tsv = learner.to_tsv(MIN_VOTES, MIN_SHARE, MAX_LOWER_CASE_PER_VOTE);
    let tmp = format!("{out}.tmp");
    std::fs::write(&tmp, &tsv)?;
    std::fs::rename(&tmp, out)?;
    eprintln!(
        "{documents} documents → {} first names in {out}",
        tsv.lines().filter(|l| !l.starts_with('#')).count()
    );
    Ok(())
}
