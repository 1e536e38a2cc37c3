//! Regenerates `ontology/cameo-triggers.ttl` from the CAMEO verb dictionary in `../shared`.
//!
//! `cargo run --release --example cameo_triggers [-- TABLE.tsv [OUT.ttl]]`

use newsgraph::ontology::Ontology;
use newsgraph::relations::cameo;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let table = args.first().map_or(
        "../shared/data/peer-suites/cameo2_verb_lemmas.tsv",
        String::as_str,
    );
    let out = args
        .get(1)
        .map_or("ontology/cameo-triggers.ttl", String::as_str);
    let text = std::fs::read_to_string(table).map_err(|e| format!("{table}: {e}"))?;
    let lemmas = cameo::parse_lemma_table(&text).map_err(|e| format!("{table}: {e}"))?;
    let ontology = Ontology::embedded_hand_written()?;
    let learned = cameo::learn_triggers(&ontology, &lemmas);
    let tmp = format!("{out}.tmp");
    std::fs::write(&tmp, cameo::triggers_turtle(&learned))?;
    std::fs::rename(&tmp, out)?;
    for (p, w) in &learned {
        eprintln!(
            "{p:<12} {:>3}  {}",
            w.len(),
            w.iter().cloned().collect::<Vec<_>>().join(" ")
        );
    }
    Ok(())
}
