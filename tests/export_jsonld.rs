//! Protects the JSON-LD export: a real compact document against ontology/context.jsonld.

mod export_fixtures;
use export_fixtures::*;

use newsgraph::export::jsonld::Context;
use newsgraph::export::{self, ExportOptions, Format};
use serde_json::Value;

fn jsonld(g: &newsgraph::graph::KnowledgeGraph) -> Value {
    let mut out = Vec::new();
    export::write(
        g,
        &ontology(),
        Format::JsonLd,
        &mut out,
        &ExportOptions::default(),
    )
    .unwrap();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn the_context_covers_every_ontology_prefix_and_predicate() {
    let c = Context::embedded().unwrap();
    let prefixes: Vec<(&str, &str)> = c.prefixes().collect();
    let o = ontology();
    for (p, ns) in &o.prefixes {
        assert!(
            prefixes.contains(&(p.as_str(), ns.as_str())),
            "context lacks prefix {p}"
        );
    }
    for (local, def) in &o.predicates {
        assert_eq!(
            c.term_for(&def.iri),
            Some(local.as_str()),
            "context lacks term {local}"
        );
    }
}

#[test]
fn the_document_is_compact_with_the_embedded_context() {
    let doc = jsonld(&simple_graph());
    let context_file: Value = serde_json::from_str(newsgraph::ontology::EMBEDDED_CONTEXT).unwrap();
    assert_eq!(
        doc["@context"], context_file["@context"],
        "context embedded inline"
    );
    let graph = doc["@graph"].as_array().unwrap();
    let russia = graph
        .iter()
        .find(|n| n["@id"] == "ngid:Country/Russia")
        .expect("compact @id");
    assert_eq!(
        russia["@type"],
        serde_json::json!(["ng:Country", "schema:Country"])
    );
    assert_eq!(russia["label"], "Russia");
    assert_eq!(russia["altLabel"], "Russian Federation");
    assert_eq!(russia["sameAs"], "wd:Q159");
    let mention = graph
        .iter()
        .find(|n| n["@type"] == "ng:RelationMention" && n["predicate"] == "ng:recognizes")
        .expect("negated mention");
    assert_eq!(mention["negated"], "true");
    assert_eq!(mention["confidence"], "0.6");
    assert_eq!(mention["subject"], "ngid:Country/Russia");
    assert!(mention["beginIndex"].is_string());
    // No full IRIs as keys.
    for n in graph {
        for k in n.as_object().unwrap().keys() {
            assert!(!k.contains("://"), "uncompacted key {k}");
        }
    }
}

#[test]
fn hostile_strings_stay_valid_json() {
    let doc = jsonld(&hostile_graph());
    let h = hostile();
    let found = doc["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["text"] == Value::String(h.clone()));
    assert!(found, "quote text survives exactly");
}
