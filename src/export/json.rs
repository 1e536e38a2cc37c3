//! networkx node-link JSON (`schema/graph.schema.json`), loadable with
//! `networkx.readwrite.json_graph.node_link_graph(data, edges="edges")`.
//!
//! Node ids, edge source/target and quote speakers are entity IRIs; `type` and `predicate` are
//! ontology local names; offsets are Unicode character offsets. The edge `key` is the predicate,
//! with `-neg` appended for a negated relation, so it is unique among the edges between two nodes.
//! Beyond the fixed fields, nodes carry `merge_reasons` and edge mentions carry `modality`.

use super::{ExportError, ExportOptions, Format};
use crate::graph::KnowledgeGraph;
use serde::{Deserialize, Serialize};
use std::io::Write;

/// The whole document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NodeLinkGraph {
    /// Always true.
    pub directed: bool,
    /// Always true (several predicates between the same two nodes).
    pub multigraph: bool,
    /// Graph attributes.
    pub graph: GraphAttributes,
    /// Entities, sorted by IRI.
    pub nodes: Vec<NodeOut>,
    /// Relations, sorted by (source, predicate, target, negated).
    pub edges: Vec<EdgeOut>,
    /// Direct quotations.
    pub quotes: Vec<QuoteOut>,
}

/// `graph` attributes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GraphAttributes {
    /// Software that wrote the file.
    pub generator: String,
    /// Processed documents in input order.
    pub documents: Vec<DocumentOut>,
}

/// A processed document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentOut {
    /// Document id.
    pub id: String,
    /// Title, if any.
    pub title: Option<String>,
    /// File path, URL or "stdin".
    pub source: String,
}

/// An entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NodeOut {
    /// Entity IRI.
    pub id: String,
    /// Canonical label.
    pub label: String,
    /// Class local name ("Country").
    #[serde(rename = "type")]
    pub kind: String,
    /// Other surface forms, sorted.
    pub aliases: Vec<String>,
    /// Linked external IRIs, sorted.
    pub same_as: Vec<String>,
    /// Mentions, sorted.
    pub mentions: Vec<EntityMentionOut>,
    /// Why mentions were merged into this node.
    pub merge_reasons: Vec<MergeReasonOut>,
}

/// An entity mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityMentionOut {
    /// Document id.
    pub document: String,
    /// Start (characters).
    pub start: usize,
    /// End (characters, exclusive).
    pub end: usize,
    /// Text as in the document.
    pub text: String,
}

/// A merge reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergeReasonOut {
    /// "alias", "acronym", "gazetteer", "coreference", ...
    pub kind: String,
    /// The surface form merged in.
    pub form: String,
    /// Document id.
    pub document: String,
}

/// A relation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EdgeOut {
    /// Subject IRI.
    pub source: String,
    /// Object IRI.
    pub target: String,
    /// Stable multigraph key: predicate, plus "-neg" when negated.
    pub key: String,
    /// Predicate local name.
    pub predicate: String,
    /// Stated as not occurring.
    pub negated: bool,
    /// Highest mention confidence.
    pub confidence: f64,
    /// Every occurrence.
    pub mentions: Vec<RelationMentionOut>,
}

/// One occurrence of a relation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelationMentionOut {
    /// Document id.
    pub document: String,
    /// Sentence index (0-based).
    pub sentence: usize,
    /// Evidence start (characters).
    pub start: usize,
    /// Evidence end (characters, exclusive).
    pub end: usize,
    /// Trigger words as in the text.
    pub trigger: String,
    /// Evidence sentence.
    pub evidence: String,
    /// IRI of the entity the statement is attributed to.
    pub attributed_to: Option<String>,
    /// asserted, hedged or future.
    pub modality: String,
}

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteOut {
    /// Speaker IRI, if resolved.
    pub speaker: Option<String>,
    /// Quoted text.
    pub text: String,
    /// Document id.
    pub document: String,
    /// Start (characters).
    pub start: usize,
    /// End (characters, exclusive).
    pub end: usize,
}

/// The multigraph key of an edge.
pub fn edge_key(predicate: &str, negated: bool) -> String {
    if negated {
        format!("{predicate}-neg")
    } else {
        predicate.to_string()
    }
}

/// Builds the node-link document.
pub fn to_node_link(graph: &KnowledgeGraph, opts: &ExportOptions) -> NodeLinkGraph {
    NodeLinkGraph {
        directed: true,
        multigraph: true,
        graph: GraphAttributes {
            generator: opts.generator.clone(),
            documents: graph
                .documents
                .iter()
                .map(|d| DocumentOut {
                    id: d.id.clone(),
                    title: d.title.clone(),
                    source: d.source.clone(),
                })
                .collect(),
        },
        nodes: graph
            .entities()
            .into_iter()
            .map(|n| NodeOut {
                id: n.iri.clone(),
                label: n.label.clone(),
                kind: n.class.clone(),
                aliases: n
                    .aliases
                    .iter()
                    .filter(|a| **a != n.label)
                    .cloned()
                    .collect(),
                same_as: n.same_as.iter().cloned().collect(),
                mentions: n
                    .mentions
                    .iter()
                    .map(|m| EntityMentionOut {
                        document: m.document.clone(),
                        start: m.start,
                        end: m.end,
                        text: m.text.clone(),
                    })
                    .collect(),
                merge_reasons: n
                    .merge_reasons
                    .iter()
                    .map(|r| MergeReasonOut {
                        kind: r.kind.clone(),
                        form: r.form.clone(),
                        document: r.document.clone(),
                    })
                    .collect(),
            })
            .collect(),
        edges: graph
            .relations()
            .into_iter()
            .map(|(s, o, e)| EdgeOut {
                source: s.iri.clone(),
                target: o.iri.clone(),
                key: edge_key(&e.predicate, e.negated),
                predicate: e.predicate.clone(),
                negated: e.negated,
                confidence: e.confidence(),
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| RelationMentionOut {
                        document: m.document.clone(),
                        sentence: m.sentence,
                        start: m.start,
                        end: m.end,
                        trigger: m.trigger.clone(),
                        evidence: m.evidence.clone(),
                        attributed_to: m.attributed_to.clone(),
                        modality: m.modality.name().to_string(),
                    })
                    .collect(),
            })
            .collect(),
        quotes: graph
            .quotes
            .iter()
            .map(|q| QuoteOut {
                speaker: q.speaker.clone(),
                text: q.text.clone(),
                document: q.document.clone(),
                start: q.start,
                end: q.end,
            })
            .collect(),
    }
}

/// Writes the node-link JSON (pretty-printed, trailing newline).
pub fn write(
    graph: &KnowledgeGraph,
    opts: &ExportOptions,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    super::write_pretty_json(&to_node_link(graph, opts), Format::NodeLinkJson, out)
}
