//! Protects the Cytoscape.js export: `{"elements": {"nodes": [{"data"}], "edges": [{"data"}]}}`
//! with unique ids and edges that point at existing nodes.

mod export_fixtures;
use export_fixtures::*;

use newsgraph::export::cyjs::CytoscapeDocument;
use newsgraph::export::{self, ExportOptions, Format};
use serde_json::Value;
use std::collections::HashSet;

fn cyjs(g: &newsgraph::graph::KnowledgeGraph) -> Vec<u8> {
    let mut out = Vec::new();
    export::write(
        g,
        &ontology(),
        Format::CytoscapeJson,
        &mut out,
        &ExportOptions::default(),
    )
    .unwrap();
    out
}

#[test]
fn elements_have_the_cytoscape_shape_and_consistent_ids() {
    let g = hostile_graph();
    let bytes = cyjs(&g);
    let raw: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(
        raw.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["elements"]
    );
    let doc: CytoscapeDocument = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(doc.elements.nodes.len(), g.entity_count());
    assert_eq!(doc.elements.edges.len(), g.relation_count());
    let mut ids = HashSet::new();
    for n in &doc.elements.nodes {
        assert!(ids.insert(n.data.id.clone()), "duplicate id {}", n.data.id);
        assert!(!n.data.kind.is_empty() && !n.classes.is_empty());
    }
    let node_ids = ids.clone();
    for e in &doc.elements.edges {
        assert!(
            ids.insert(e.data.id.clone()),
            "edge id collides: {}",
            e.data.id
        );
        assert!(node_ids.contains(&e.data.source) && node_ids.contains(&e.data.target));
        assert_eq!(e.data.negated, e.classes.split(' ').any(|c| c == "negated"));
        assert_eq!(e.data.negated, e.data.label.starts_with("not "));
        assert!(!e.data.family.is_empty(), "family from the ontology");
    }
    let russia = doc
        .elements
        .nodes
        .iter()
        .find(|n| n.data.id == russia())
        .unwrap();
    assert_eq!(russia.data.kind, "Country");
    assert_eq!(russia.data.family, "place");
    assert!(raw["elements"]["nodes"][0]["data"]["id"].is_string());
}

#[test]
fn output_is_deterministic() {
    assert_eq!(cyjs(&hostile_graph()), cyjs(&hostile_graph()));
}
