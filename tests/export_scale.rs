//! Scale check (ignored by default; run in release mode, it prints timings and asserts only
//! correctness):
//!
//! `cargo test --release --test export_scale -- --ignored --nocapture`
//!
//! Builds a synthetic graph of 2,000 documents, 10,000 entities and 40,000 relation mentions and
//! exports it in every format that needs no Graphviz (rendering a graph this size is Graphviz's
//! time, not ours).

mod export_fixtures;
use export_fixtures::*;

use newsgraph::export::{self, ExportOptions, Format};
use newsgraph::graph::{KnowledgeGraph, entity_iri};
use std::time::Instant;

fn synthetic() -> KnowledgeGraph {
    let classes = [
        "Country",
        "Person",
        "Organization",
        "City",
        "InternationalOrganization",
    ];
    let predicates: Vec<String> = ontology().predicates.keys().cloned().collect();
    let mut g = KnowledgeGraph::new();
    for d in 0..2_000 {
        g.add_document(doc(&format!("doc-{d}"), Some(&format!("Article {d}"))));
    }
    for e in 0..10_000 {
        let class = classes[e % classes.len()];
        g.upsert_entity(node(
            class,
            &format!("Entity {e}"),
            &format!("doc-{}", e % 2_000),
            e,
        ));
    }
    for m in 0..40_000usize {
        let s = m % 10_000;
        let o = (m * 7 + 1) % 10_000;
        let (sc, oc) = (classes[s % classes.len()], classes[o % classes.len()]);
        let p = &predicates[m % predicates.len()];
        let mut rec = mention(
            &format!("doc-{}", m % 2_000),
            m % 30,
            m,
            "said",
            "Entity said something about another entity.",
        );
        rec.confidence = (m % 100) as f64 / 100.0;
        g.add_relation(
            &entity_iri(sc, &format!("Entity {s}")),
            p,
            &entity_iri(oc, &format!("Entity {o}")),
            m % 11 == 0,
            rec,
        );
    }
    g.canonicalize();
    g
}

#[test]
#[ignore = "scale check: run in release with --ignored --nocapture"]
fn exports_a_large_graph() {
    let t = Instant::now();
    let g = synthetic();
    println!(
        "build graph: {:?} ({} entities, {} relations)",
        t.elapsed(),
        g.entity_count(),
        g.relation_count()
    );
    let t = Instant::now();
    let quads = export::rdf::graph_to_quads(&g, &ontology()).unwrap();
    println!("graph_to_quads: {:?} ({} quads)", t.elapsed(), quads.len());
    let opts = ExportOptions::default();
    for f in Format::ALL.iter().filter(|f| !f.needs_graphviz()) {
        let t = Instant::now();
        let mut out = Vec::new();
        export::write(&g, &ontology(), *f, &mut out, &opts).unwrap();
        println!("{f}: {:?} ({} bytes)", t.elapsed(), out.len());
        assert!(!out.is_empty());
    }
    let t = Instant::now();
    let violations = export::shacl::validate_export(&quads).unwrap();
    println!(
        "SHACL validation: {:?} ({} violations)",
        t.elapsed(),
        violations.len()
    );
    assert!(violations.is_empty());
    let t = Instant::now();
    let mut engine = newsgraph::query::QueryEngine::new(&ontology()).unwrap();
    engine.load_quads(quads).unwrap();
    let out = engine
        .run("SELECT ?p (COUNT(*) AS ?n) WHERE { ?m ng:predicate ?p } GROUP BY ?p")
        .unwrap();
    println!("load + GROUP BY query: {:?}", t.elapsed());
    let newsgraph::query::QueryOutput::Solutions { rows, .. } = out else {
        panic!()
    };
    assert_eq!(rows.len(), ontology().predicates.len());
}
