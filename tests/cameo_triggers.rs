//! `ontology/cameo-triggers.ttl` is what the generator makes from the CAMEO verb dictionary in
//! `../shared` (skips without it; required under CI).

mod common;

use newsgraph::ontology::Ontology;
use newsgraph::relations::cameo;

#[test]
fn committed_cameo_triggers_are_regenerated_exactly() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let table = shared.join("peer-suites/cameo2_verb_lemmas.tsv");
    let text = std::fs::read_to_string(&table).unwrap();
    let lemmas = cameo::parse_lemma_table(&text).unwrap();
    let learned = cameo::learn_triggers(&Ontology::embedded_hand_written().unwrap(), &lemmas);
    let committed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ontology/cameo-triggers.ttl"),
    )
    .unwrap();
    assert_eq!(
        cameo::triggers_turtle(&learned),
        committed,
        "ontology/cameo-triggers.ttl is stale: run `cargo run --release --example cameo_triggers`"
    );
    // every learned trigger is loaded by the embedded ontology
    let o = Ontology::embedded().unwrap();
    for (p, words) in &learned {
        let def = o.predicate(p).unwrap();
        for w in words {
            assert!(
                def.triggers.iter().any(|t| t.learned && &t.pattern == w),
                "{p} {w}"
            );
        }
    }
}
