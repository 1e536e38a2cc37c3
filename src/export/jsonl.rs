//! JSON Lines of relation mentions (`-f jsonl`): one JSON object per line for every occurrence of
//! a relation, self-contained (entity labels, types and IRIs inline), so a corpus can be streamed,
//! split and concatenated, and read line by line (`pandas.read_json(f, lines=True)`, `jq`, Spark).
//!
//! Lines follow the graph's documents in input order, then (start, end, subject, predicate,
//! object) within a document; a document's lines are the same whether it is exported alone or
//! in a merged graph (up to labels, which the corpus layer keeps consistent).

use super::{ExportError, Format};
use crate::graph::{EntityNode, KnowledgeGraph, Modality, RelationEdge, RelationMentionRecord};
use crate::ontology::Ontology;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::Write;

/// An entity as it appears in a relation line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRef {
    /// Entity IRI.
    pub iri: String,
    /// Canonical label.
    pub label: String,
    /// Ontology class local name ("Country").
    #[serde(rename = "type")]
    pub class: String,
}

/// One line: one occurrence of a relation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelationLine {
    /// Document id.
    pub document: String,
    /// Sentence index within the document (0-based).
    pub sentence: usize,
    /// Start of the evidence span (Unicode characters into the document body).
    pub start: usize,
    /// End of the evidence span (characters, exclusive).
    pub end: usize,
    /// Who.
    pub subject: EntityRef,
    /// Predicate local name ("condemns").
    pub predicate: String,
    /// Predicate IRI.
    pub predicate_iri: String,
    /// Whom.
    pub object: EntityRef,
    /// Stated as not occurring.
    pub negated: bool,
    /// Asserted, hedged or future.
    pub modality: Modality,
    /// Confidence in [0, 1].
    pub confidence: f64,
    /// The trigger words as written.
    pub trigger: String,
    /// The evidence sentence.
    pub sentence_text: String,
    /// The speaker the statement is attributed to (reported speech, quotes), if any.
    pub attributed_to: Option<EntityRef>,
}

fn entity_ref(node: &EntityNode) -> EntityRef {
    EntityRef {
        iri: node.iri.clone(),
        label: node.label.clone(),
        class: node.class.clone(),
    }
}

/// The graph's relation mentions as lines, in the order described in the module documentation.
pub fn relation_lines(
    graph: &KnowledgeGraph,
    ontology: &Ontology,
) -> Result<Vec<RelationLine>, ExportError> {
    let doc_order: HashMap<&str, usize> = graph
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let mut mentions: Vec<(
        &EntityNode,
        &EntityNode,
        &RelationEdge,
        &RelationMentionRecord,
    )> = Vec::new();
    for (s, o, edge) in graph.relations() {
        for m in &edge.mentions {
            mentions.push((s, o, edge, m));
        }
    }
    let rank = |m: &RelationMentionRecord| {
        doc_order
            .get(m.document.as_str())
            .copied()
            .unwrap_or(usize::MAX)
    };
    // stable sort: within a span, the order of `relations()` (subject, predicate, object)
    mentions.sort_by(|a, b| {
        (rank(a.3), &a.3.document, a.3.start, a.3.end).cmp(&(
            rank(b.3),
            &b.3.document,
            b.3.start,
            b.3.end,
        ))
    });
    mentions
        .into_iter()
        .map(|(s, o, edge, m)| {
            let pred = ontology.predicate(&edge.predicate).ok_or_else(|| {
                ExportError::UnknownPredicate {
                    subject: s.iri.clone(),
                    predicate: edge.predicate.clone(),
                    object: o.iri.clone(),
                    ontology: ontology.source_name.clone(),
                }
            })?;
            Ok(RelationLine {
                document: m.document.clone(),
                sentence: m.sentence,
                start: m.start,
                end: m.end,
                subject: entity_ref(s),
                predicate: edge.predicate.clone(),
                predicate_iri: pred.iri.clone(),
                object: entity_ref(o),
                negated: edge.negated,
                modality: m.modality,
                confidence: m.confidence,
                trigger: m.trigger.clone(),
                sentence_text: m.evidence.clone(),
                attributed_to: m
                    .attributed_to
                    .as_deref()
                    .map(|iri| match graph.entity(iri) {
                        Some(n) => entity_ref(n),
                        None => EntityRef {
                            iri: iri.to_string(),
                            label: String::new(),
                            class: String::new(),
                        },
                    }),
            })
        })
        .collect()
}

/// Writes one line per relation mention.
pub fn write(
    graph: &KnowledgeGraph,
    ontology: &Ontology,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let format = Format::RelationsJsonl;
    for line in relation_lines(graph, ontology)? {
        serde_json::to_writer(&mut *out, &line).map_err(|e| ExportError::Write {
            format,
            source: std::io::Error::other(e),
        })?;
        out.write_all(b"\n").map_err(ExportError::write(format))?;
    }
    Ok(())
}
