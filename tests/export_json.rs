//! Protects the node-link JSON: exact networkx shape, JSON Schema (schema/graph.schema.json),
//! hostile strings, and (when python3 with networkx is there, always under CI) loading it with
//! networkx.

mod export_fixtures;
use export_fixtures::*;

use newsgraph::export::json::NodeLinkGraph;
use newsgraph::export::{self, ExportOptions, Format};
use newsgraph::graph::KnowledgeGraph;
use serde_json::Value;
use std::process::Command;

fn json_bytes(g: &KnowledgeGraph) -> Vec<u8> {
    let mut out = Vec::new();
    export::write(
        g,
        &ontology(),
        Format::NodeLinkJson,
        &mut out,
        &ExportOptions::default(),
    )
    .unwrap();
    out
}

fn schema_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(manifest_dir().join("schema/graph.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft202012::new(&schema).expect("schema compiles")
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

#[test]
fn output_validates_against_the_json_schema() {
    let validator = schema_validator();
    for g in [simple_graph(), hostile_graph(), KnowledgeGraph::new()] {
        let doc: Value = serde_json::from_slice(&json_bytes(&g)).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
}

#[test]
fn the_schema_rejects_what_the_contract_forbids() {
    let validator = schema_validator();
    let doc: Value = serde_json::from_slice(&json_bytes(&simple_graph())).unwrap();
    let mut extra = doc.clone();
    extra["nodes"][0]["colour"] = "red".into();
    assert!(!validator.is_valid(&extra), "unknown node field");
    let mut missing = doc.clone();
    missing["edges"][0].as_object_mut().unwrap().remove("key");
    assert!(!validator.is_valid(&missing), "missing key");
    let mut conf = doc.clone();
    conf["edges"][0]["confidence"] = 1.5.into();
    assert!(!validator.is_valid(&conf), "confidence above 1");
    let mut undirected = doc;
    undirected["directed"] = false.into();
    assert!(!validator.is_valid(&undirected));
}

#[test]
fn networkx_node_link_shape_is_exact() {
    let doc: Value = serde_json::from_slice(&json_bytes(&simple_graph())).unwrap();
    let mut top = keys(&doc);
    top.sort();
    assert_eq!(
        top,
        [
            "directed",
            "edges",
            "graph",
            "multigraph",
            "nodes",
            "quotes"
        ]
    );
    let mut gk = keys(&doc["graph"]);
    gk.sort();
    assert_eq!(gk, ["documents", "generator"]);
    assert_eq!(doc["directed"], true);
    assert_eq!(doc["multigraph"], true);
    let graph = &doc["graph"];
    assert_eq!(
        graph["generator"],
        format!("newsgraph {}", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(
        graph["documents"][0],
        serde_json::json!({"id": "kosovo-1", "title": "Kosovo declares independence", "source": "articles/kosovo-1.txt"})
    );
    let node = doc["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == russia())
        .unwrap();
    let mut nk = keys(node);
    nk.sort();
    assert_eq!(
        nk,
        [
            "aliases",
            "id",
            "label",
            "mentions",
            "merge_reasons",
            "same_as",
            "type"
        ]
    );
    assert_eq!(node["type"], "Country");
    assert_eq!(node["aliases"], serde_json::json!(["Russian Federation"]));
    assert_eq!(
        node["same_as"],
        serde_json::json!(["http://www.wikidata.org/entity/Q159"])
    );
    assert_eq!(
        node["mentions"][0],
        serde_json::json!({"document": "kosovo-1", "start": 0, "end": 6, "text": "Russia"})
    );
    let edges = doc["edges"].as_array().unwrap();
    let neg = edges
        .iter()
        .find(|e| e["predicate"] == "recognizes")
        .unwrap();
    let mut ek = keys(neg);
    ek.sort();
    assert_eq!(
        ek,
        [
            "confidence",
            "key",
            "mentions",
            "negated",
            "predicate",
            "source",
            "target"
        ]
    );
    assert_eq!(neg["key"], "recognizes-neg");
    assert_eq!(neg["negated"], true);
    assert_eq!(neg["source"], russia());
    assert_eq!(neg["target"], kosovo());
    let mut mk = keys(&neg["mentions"][0]);
    mk.sort();
    assert_eq!(
        mk,
        [
            "attributed_to",
            "document",
            "end",
            "evidence",
            "modality",
            "sentence",
            "start",
            "trigger"
        ]
    );
    assert_eq!(neg["mentions"][0]["modality"], "future");
    let rep = edges
        .iter()
        .find(|e| e["predicate"] == "represents")
        .unwrap();
    assert_eq!(rep["mentions"][0]["attributed_to"], churkin());
    let quote = &doc["quotes"][0];
    assert_eq!(quote["speaker"], churkin());
    assert_eq!(quote["start"], 200);
    // Keys are unique per (source, target) pair.
    let mut seen = std::collections::HashSet::new();
    for e in edges {
        assert!(seen.insert((
            e["source"].to_string(),
            e["target"].to_string(),
            e["key"].to_string()
        )));
    }
}

#[test]
fn hostile_strings_round_trip_through_serde() {
    let g = hostile_graph();
    let parsed: NodeLinkGraph =
        serde_json::from_slice(&json_bytes(&g)).expect("deny_unknown_fields parse");
    assert_eq!(
        parsed,
        export::json::to_node_link(&g, &ExportOptions::default())
    );
    let h = hostile();
    assert!(parsed.quotes.iter().any(|q| q.text == h));
    assert!(
        parsed
            .nodes
            .iter()
            .any(|n| n.label.chars().count() == 10_000)
    );
    assert_eq!(parsed.nodes.len(), g.entity_count());
    assert_eq!(parsed.edges.len(), g.relation_count());
}

#[test]
fn networkx_loads_the_file() {
    let have = Command::new("python3")
        .args(["-c", "import networkx"])
        .status()
        .is_ok_and(|s| s.success());
    if !have {
        if std::env::var_os("CI").is_some() {
            panic!("python3 with networkx is required under CI (pip install networkx)");
        }
        eprintln!("skipping: python3 with networkx not available");
        return;
    }
    let g = hostile_graph();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graph.json");
    std::fs::write(&path, json_bytes(&g)).unwrap();
    let script = r#"
import json, sys
from networkx.readwrite import json_graph
data = json.load(open(sys.argv[1], encoding="utf-8"))
try:
    G = json_graph.node_link_graph(data, edges="edges")
except TypeError:  # networkx < 3.4 calls them links
    data["links"] = data.pop("edges")
    G = json_graph.node_link_graph(data)
assert G.is_directed() and G.is_multigraph()
print(G.number_of_nodes(), G.number_of_edges(), len(G.graph["documents"]))
for u, v, k, d in G.edges(keys=True, data=True):
    assert k == d.get("key", k) or k.startswith(d["predicate"]), (k, d)
"#;
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        printed.trim(),
        format!(
            "{} {} {}",
            g.entity_count(),
            g.relation_count(),
            g.documents.len()
        )
    );
}
