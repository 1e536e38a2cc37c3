//! Cytoscape.js elements JSON: `{"elements": {"nodes": [{"data": {...}, "classes": "..."}],
//! "edges": [{"data": {...}, "classes": "..."}]}}`, loadable with `cy.add(json.elements)` or
//! `cytoscape({elements: json.elements})`.
//!
//! Node `data.id` is the entity IRI; edge `data.id` is `source|key|target` (the key is the
//! predicate, `-neg` appended when negated), unique and distinct from every node id. `classes`
//! holds the type, type family, predicate family and `negated`, for stylesheets.

use super::json::edge_key;
use super::{ExportError, Format};
use crate::graph::KnowledgeGraph;
use crate::ontology::Ontology;
use serde::{Deserialize, Serialize};
use std::io::Write;

/// The document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CytoscapeDocument {
    /// The elements.
    pub elements: Elements,
}

/// Nodes and edges.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Elements {
    /// Entities.
    pub nodes: Vec<Element<NodeData>>,
    /// Relations.
    pub edges: Vec<Element<EdgeData>>,
}

/// One element: data plus space-separated classes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Element<D> {
    /// Element data.
    pub data: D,
    /// Style classes.
    pub classes: String,
}

/// Node data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeData {
    /// Entity IRI.
    pub id: String,
    /// Canonical label.
    pub label: String,
    /// Class local name.
    #[serde(rename = "type")]
    pub kind: String,
    /// Type family ("place", "organization", ...).
    pub family: String,
    /// Other surface forms.
    pub aliases: Vec<String>,
    /// Linked external IRIs.
    pub same_as: Vec<String>,
    /// Number of mentions.
    pub mentions: usize,
}

/// Edge data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EdgeData {
    /// `source|key|target`.
    pub id: String,
    /// Subject IRI.
    pub source: String,
    /// Object IRI.
    pub target: String,
    /// Predicate local name.
    pub predicate: String,
    /// Display label ("condemns", "not condemns").
    pub label: String,
    /// Predicate family ("DISAPPROVE", ...).
    pub family: String,
    /// Stated as not occurring.
    pub negated: bool,
    /// Highest mention confidence.
    pub confidence: f64,
    /// Number of mentions.
    pub mentions: usize,
    /// Evidence sentences, one per mention.
    pub evidence: Vec<String>,
}

fn class_token(s: &str) -> String {
    let t: String = s
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if t.is_empty() { "_".into() } else { t }
}

/// Builds the Cytoscape.js document.
pub fn to_cytoscape(graph: &KnowledgeGraph, ontology: &Ontology) -> CytoscapeDocument {
    let nodes = graph
        .entities()
        .into_iter()
        .map(|n| {
            let family = ontology.type_family_of(&n.class).to_string();
            Element {
                classes: format!("{} {}", class_token(&n.class), class_token(&family))
                    .trim()
                    .to_string(),
                data: NodeData {
                    id: n.iri.clone(),
                    label: n.label.clone(),
                    kind: n.class.clone(),
                    family,
                    aliases: n
                        .aliases
                        .iter()
                        .filter(|a| **a != n.label)
                        .cloned()
                        .collect(),
                    same_as: n.same_as.iter().cloned().collect(),
                    mentions: n.mentions.len(),
                },
            }
        })
        .collect();
    let edges = graph
        .relations()
        .into_iter()
        .map(|(s, o, e)| {
            let family = ontology.family_of(&e.predicate).to_string();
            let key = edge_key(&e.predicate, e.negated);
            let mut classes = format!("{} {}", class_token(&e.predicate), class_token(&family));
            if e.negated {
                classes.push_str(" negated");
            }
            Element {
                classes: classes.trim().to_string(),
                data: EdgeData {
                    id: format!("{}|{}|{}", s.iri, key, o.iri),
                    source: s.iri.clone(),
                    target: o.iri.clone(),
                    predicate: e.predicate.clone(),
                    label: if e.negated {
                        format!("not {}", e.predicate)
                    } else {
                        e.predicate.clone()
                    },
                    family,
                    negated: e.negated,
                    confidence: e.confidence(),
                    mentions: e.mentions.len(),
                    evidence: e.mentions.iter().map(|m| m.evidence.clone()).collect(),
                },
            }
        })
        .collect();
    CytoscapeDocument {
        elements: Elements { nodes, edges },
    }
}

/// Writes the Cytoscape.js JSON (pretty-printed, trailing newline).
pub fn write(
    graph: &KnowledgeGraph,
    ontology: &Ontology,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    super::write_pretty_json(&to_cytoscape(graph, ontology), Format::CytoscapeJson, out)
}
