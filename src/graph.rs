//! The knowledge graph: entity nodes and relation edges over petgraph, merged across sentences and
//! documents, with stable IRIs and deterministic order.
//!
//! Exporters read everything they write from here; they never re-derive facts.

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Metadata of one processed document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentInfo {
    /// Stable id (file stem or JSONL `id`).
    pub id: String,
    /// Title, if any.
    pub title: Option<String>,
    /// Source: a file path, a URL, or "stdin".
    pub source: String,
    /// URL, if the input gave one.
    pub url: Option<String>,
    /// Publication date, if the input gave one (as written).
    pub date: Option<String>,
}

/// Where an entity was mentioned. Offsets are Unicode character offsets, half-open.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntityMentionRecord {
    /// Document id.
    pub document: String,
    /// Start (characters).
    pub start: usize,
    /// End (characters, exclusive).
    pub end: usize,
    /// The mention text as in the document.
    pub text: String,
}

/// Why two mentions or entities were merged into one node.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MergeReason {
    /// Kind: "alias", "acronym", "gazetteer", "coreference", "surname", ...
    pub kind: String,
    /// The surface form that was merged in.
    pub form: String,
    /// Document where it happened.
    pub document: String,
}

/// An entity node.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityNode {
    /// Stable IRI (from type + canonical name, or a Wikidata-based id when linked).
    pub iri: String,
    /// Canonical label.
    pub label: String,
    /// Ontology class local name ("Country").
    pub class: String,
    /// Other surface forms.
    pub aliases: BTreeSet<String>,
    /// Linked external IRIs (Wikidata entity IRIs).
    pub same_as: BTreeSet<String>,
    /// Every mention, sorted.
    pub mentions: Vec<EntityMentionRecord>,
    /// Why mentions were merged into this node.
    pub merge_reasons: Vec<MergeReason>,
}

/// Modality of a relation mention.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Stated as fact.
    #[default]
    Asserted,
    /// Hedged ("may", "is expected to").
    Hedged,
    /// Future or planned ("will", "plans to").
    Future,
}

impl Modality {
    /// Lower-case name as used in JSON and RDF.
    pub fn name(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Hedged => "hedged",
            Modality::Future => "future",
        }
    }
}

/// One occurrence of a relation in a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelationMentionRecord {
    /// Document id.
    pub document: String,
    /// Sentence index within the document (0-based).
    pub sentence: usize,
    /// Start of the evidence span (characters).
    pub start: usize,
    /// End of the evidence span (characters, exclusive).
    pub end: usize,
    /// The trigger words as they appear in the text.
    pub trigger: String,
    /// The evidence sentence text.
    pub evidence: String,
    /// Confidence in [0, 1].
    pub confidence: f64,
    /// Modality.
    pub modality: Modality,
    /// IRI of the entity this statement is attributed to (reported speech, quotes), if any.
    pub attributed_to: Option<String>,
    /// The extraction pattern that produced it ("verb", "title", ...): the unit of confidence
    /// calibration (empty when unknown, e.g. for graphs read back from RDF).
    #[serde(default)]
    pub pattern: String,
}

/// A relation edge: one (subject, predicate, object, negated) with all its mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelationEdge {
    /// Predicate local name ("condemns").
    pub predicate: String,
    /// Whether the relation is stated as not occurring.
    pub negated: bool,
    /// Every mention, sorted by (document, start).
    pub mentions: Vec<RelationMentionRecord>,
}

impl RelationEdge {
    /// The edge's confidence: the highest of its mentions'.
    pub fn confidence(&self) -> f64 {
        self.mentions
            .iter()
            .map(|m| m.confidence)
            .fold(0.0, f64::max)
    }
}

/// A direct quotation with its speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    /// IRI of the speaking entity, if resolved.
    pub speaker: Option<String>,
    /// The quoted text (without the quotation marks).
    pub text: String,
    /// Document id.
    pub document: String,
    /// Start (characters) of the quoted text.
    pub start: usize,
    /// End (characters, exclusive).
    pub end: usize,
}

/// The knowledge graph.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    /// Entities and relations. Node and edge order is deterministic after [`KnowledgeGraph::canonicalize`].
    pub graph: DiGraph<EntityNode, RelationEdge>,
    /// Processed documents in input order.
    pub documents: Vec<DocumentInfo>,
    /// Direct quotations.
    pub quotes: Vec<QuoteRecord>,
    /// IRI → node.
    node_index: BTreeMap<String, NodeIndex>,
    /// (subject IRI, predicate, object IRI, negated) → edge.
    edge_index: BTreeMap<(String, String, String, bool), EdgeIndex>,
}

/// Mints the stable IRI of an entity from its class and canonical name.
///
/// Letters and digits are kept (Unicode letters too: these are IRIs), every other run of
/// characters becomes one `_`, so "U.S." and "U S" share an IRI only if they share a canonical name.
pub fn entity_iri(class: &str, name: &str) -> String {
    format!("{}{}/{}", crate::ontology::ENTITY_BASE, class, slug(name))
}

/// The IRI of a document (named graph in N-Quads/TriG, `prov:wasDerivedFrom` target).
pub fn document_iri(id: &str) -> String {
    format!("{}doc/{}", crate::ontology::ENTITY_BASE, slug(id))
}

/// The label written for an entity: typographic apostrophes become `'`, a single-letter initial
/// followed by a name gets its period ("George W Bush" → "George W. Bush", "U.S Army" →
/// "U.S. Army"), and a final period is dropped unless it closes an initial ("World War I." →
/// "World War I", "U.S." stays).
///
/// Why: IRIs come from [`slug`], which ignores punctuation, so spellings like these share an IRI;
/// tidying them to one label keeps documents that are exported separately (streams, partitions,
/// datasets) from giving one entity several `rdfs:label`s.
pub fn tidy_label(label: &str) -> String {
    let chars: Vec<char> = label
        .chars()
        .map(|c| {
            if matches!(c, '\u{2019}' | '\u{2018}') {
                '\''
            } else {
                c
            }
        })
        .collect();
    let is_initial = |i: usize| {
        chars[i].is_uppercase()
            && (i == 0 || !chars[i - 1].is_alphanumeric())
            && chars.get(i + 1).is_none_or(|c| !c.is_alphanumeric())
    };
    let mut out = String::with_capacity(label.len() + 2);
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        if is_initial(i)
            && chars.get(i + 1) == Some(&' ')
            && chars.get(i + 2).is_some_and(|c| c.is_uppercase())
        {
            out.push('.');
        }
    }
    if out.ends_with('.') && out.len() > 1 {
        // keep the period of a final initial that follows another initial ("U.S.")
        let n = chars.len();
        let closes_initials = n >= 4 && is_initial(n - 2) && chars[n - 3] == '.';
        if !closes_initials {
            out.pop();
        }
    }
    out
}

/// A safe IRI path segment for a name.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending = false;
    for c in name.chars() {
        if c.is_alphanumeric() || c == '-' {
            if pending && !out.is_empty() {
                out.push('_');
            }
            pending = false;
            out.push(c);
        } else {
            pending = true;
        }
    }
    if out.is_empty() {
        out.push('_');
    }
    out
}

impl KnowledgeGraph {
    /// An empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a processed document (kept in input order; a repeated id replaces the earlier info).
    pub fn add_document(&mut self, info: DocumentInfo) {
        if let Some(existing) = self.documents.iter_mut().find(|d| d.id == info.id) {
            *existing = info;
        } else {
            self.documents.push(info);
        }
    }

    /// Adds an entity, or merges it into the node with the same IRI (aliases, links, mentions and
    /// merge reasons accumulate; the first label and class stay, a different label becomes an
    /// alias).
    pub fn upsert_entity(&mut self, node: EntityNode) -> NodeIndex {
        if let Some(&ix) = self.node_index.get(&node.iri) {
            let existing = &mut self.graph[ix];
            existing.aliases.extend(node.aliases);
            if node.label != existing.label {
                existing.aliases.insert(node.label);
            }
            existing.aliases.remove(&existing.label.clone());
            existing.same_as.extend(node.same_as);
            for m in node.mentions {
                if let Err(pos) = existing.mentions.binary_search(&m) {
                    existing.mentions.insert(pos, m);
                }
            }
            for r in node.merge_reasons {
                if !existing.merge_reasons.contains(&r) {
                    existing.merge_reasons.push(r);
                }
            }
            ix
        } else {
            let iri = node.iri.clone();
            let mut node = node;
            node.mentions.sort();
            node.mentions.dedup();
            let ix = self.graph.add_node(node);
            self.node_index.insert(iri, ix);
            ix
        }
    }

    /// Adds one mention of (subject, predicate, object, negated). Both entities must exist.
    /// Returns `None` when either IRI is unknown.
    pub fn add_relation(
        &mut self,
        subject: &str,
        predicate: &str,
        object: &str,
        negated: bool,
        mention: RelationMentionRecord,
    ) -> Option<EdgeIndex> {
        let s = *self.node_index.get(subject)?;
        let o = *self.node_index.get(object)?;
        let key = (
            subject.to_string(),
            predicate.to_string(),
            object.to_string(),
            negated,
        );
        if let Some(&e) = self.edge_index.get(&key) {
            let edge = &mut self.graph[e];
            if !edge.mentions.contains(&mention) {
                edge.mentions.push(mention);
                edge.mentions.sort_by(mention_order);
            }
            Some(e)
        } else {
            let e = self.graph.add_edge(
                s,
                o,
                RelationEdge {
                    predicate: predicate.to_string(),
                    negated,
                    mentions: vec![mention],
                },
            );
            self.edge_index.insert(key, e);
            Some(e)
        }
    }

    /// Adds a quotation (duplicates are ignored).
    pub fn add_quote(&mut self, quote: QuoteRecord) {
        if !self.quotes.contains(&quote) {
            self.quotes.push(quote);
        }
    }

    /// The node with this IRI.
    pub fn entity(&self, iri: &str) -> Option<&EntityNode> {
        self.node_index.get(iri).map(|&ix| &self.graph[ix])
    }

    /// Number of entities.
    pub fn entity_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of distinct relations (edges).
    pub fn relation_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Entities sorted by IRI.
    pub fn entities(&self) -> Vec<&EntityNode> {
        self.node_index
            .values()
            .map(|&ix| &self.graph[ix])
            .collect()
    }

    /// Relations as (subject, object, edge), sorted by (subject IRI, predicate, object IRI, negated).
    pub fn relations(&self) -> Vec<(&EntityNode, &EntityNode, &RelationEdge)> {
        self.edge_index
            .values()
            .map(|&e| {
                let (s, o) = self.graph.edge_endpoints(e).expect("indexed edge exists");
                (&self.graph[s], &self.graph[o], &self.graph[e])
            })
            .collect()
    }

    /// Merges another graph into this one (documents, entities by IRI, relations by key, quotes).
    pub fn merge(&mut self, other: KnowledgeGraph) {
        for d in other.documents.iter().cloned() {
            self.add_document(d);
        }
        let other_nodes: Vec<EntityNode> = other
            .node_index
            .values()
            .map(|&ix| other.graph[ix].clone())
            .collect();
        for n in other_nodes {
            self.upsert_entity(n);
        }
        for ((s, p, o, neg), e) in &other.edge_index {
            for m in &other.graph[*e].mentions {
                self.add_relation(s, p, o, *neg, m.clone());
            }
        }
        for q in other.quotes {
            self.add_quote(q);
        }
    }

    /// Rebuilds the petgraph so that node and edge indices follow IRI and key order, and sorts all
    /// mention lists and quotes: the same input gives the same graph whatever the processing order.
    pub fn canonicalize(&mut self) {
        let mut fresh = KnowledgeGraph {
            documents: std::mem::take(&mut self.documents),
            ..Default::default()
        };
        for (_, &ix) in self.node_index.iter() {
            let mut n = self.graph[ix].clone();
            n.mentions.sort();
            n.merge_reasons.sort();
            n.merge_reasons.dedup();
            n.aliases.remove(&n.label.clone());
            let iri = n.iri.clone();
            let nix = fresh.graph.add_node(n);
            fresh.node_index.insert(iri, nix);
        }
        for (key, &e) in self.edge_index.iter() {
            let mut edge = self.graph[e].clone();
            edge.mentions.sort_by(mention_order);
            let s = fresh.node_index[&key.0];
            let o = fresh.node_index[&key.2];
            let ne = fresh.graph.add_edge(s, o, edge);
            fresh.edge_index.insert(key.clone(), ne);
        }
        let mut quotes = std::mem::take(&mut self.quotes);
        quotes.sort_by(|a, b| {
            (&a.document, a.start, a.end, &a.speaker).cmp(&(
                &b.document,
                b.start,
                b.end,
                &b.speaker,
            ))
        });
        fresh.quotes = quotes;
        *self = fresh;
    }

    /// Removes everything that came from one document: its mentions, relation mentions and quotes;
    /// entities and relations left without mentions disappear. Returns whether the document was known.
    pub fn remove_document(&mut self, id: &str) -> bool {
        let known = self.documents.iter().any(|d| d.id == id);
        let mut rebuilt = KnowledgeGraph::new();
        for d in self.documents.iter().filter(|d| d.id != id) {
            rebuilt.add_document(d.clone());
        }
        for n in self.entities() {
            let mut n = n.clone();
            n.mentions.retain(|m| m.document != id);
            n.merge_reasons.retain(|r| r.document != id);
            if !n.mentions.is_empty() {
                rebuilt.upsert_entity(n);
            }
        }
        for (s, o, e) in self.relations() {
            for m in e.mentions.iter().filter(|m| m.document != id) {
                rebuilt.add_relation(&s.iri, &e.predicate, &o.iri, e.negated, m.clone());
            }
        }
        for q in self.quotes.iter().filter(|q| q.document != id) {
            rebuilt.add_quote(q.clone());
        }
        rebuilt.canonicalize();
        *self = rebuilt;
        known
    }
}

fn mention_order(a: &RelationMentionRecord, b: &RelationMentionRecord) -> std::cmp::Ordering {
    (&a.document, a.start, a.end, &a.trigger, &a.attributed_to).cmp(&(
        &b.document,
        b.start,
        b.end,
        &b.trigger,
        &b.attributed_to,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(class: &str, name: &str, doc: &str, start: usize) -> EntityNode {
        EntityNode {
            iri: entity_iri(class, name),
            label: name.into(),
            class: class.into(),
            aliases: BTreeSet::new(),
            same_as: BTreeSet::new(),
            mentions: vec![EntityMentionRecord {
                document: doc.into(),
                start,
                end: start + name.chars().count(),
                text: name.into(),
            }],
            merge_reasons: vec![],
        }
    }

    fn mention(doc: &str, start: usize) -> RelationMentionRecord {
        RelationMentionRecord {
            document: doc.into(),
            sentence: 0,
            start,
            end: start + 10,
            trigger: "condemned".into(),
            evidence: "Russia condemned Kosovo".into(),
            confidence: 0.8,
            modality: Modality::Asserted,
            attributed_to: None,
            pattern: "verb".into(),
        }
    }

    #[test]
    fn same_entity_in_two_documents_is_one_node_with_both_mentions() {
        let mut g = KnowledgeGraph::new();
        g.upsert_entity(node("Country", "Russia", "a", 0));
        g.upsert_entity(node("Country", "Russia", "b", 5));
        assert_eq!(g.entity_count(), 1);
        assert_eq!(
            g.entity(&entity_iri("Country", "Russia"))
                .unwrap()
                .mentions
                .len(),
            2
        );
    }

    #[test]
    fn relation_mentions_merge_by_key_and_remove_document_drops_only_its_part() {
        let mut g = KnowledgeGraph::new();
        for d in ["a", "b"] {
            g.add_document(DocumentInfo {
                id: d.into(),
                title: None,
                source: d.into(),
                url: None,
                date: None,
            });
            g.upsert_entity(node("Country", "Russia", d, 0));
            g.upsert_entity(node("Territory", "Kosovo", d, 17));
        }
        g.upsert_entity(node("Country", "Serbia", "b", 30));
        let (r, k) = (
            entity_iri("Country", "Russia"),
            entity_iri("Territory", "Kosovo"),
        );
        g.add_relation(&r, "condemns", &k, false, mention("a", 0));
        g.add_relation(&r, "condemns", &k, false, mention("b", 0));
        g.add_relation(&r, "condemns", &k, true, mention("b", 40));
        assert_eq!(g.relation_count(), 2);
        assert_eq!(g.relations()[0].2.mentions.len(), 2);
        assert!(g.remove_document("b"));
        assert_eq!(g.relation_count(), 1);
        assert_eq!(g.entity_count(), 2, "Serbia only came from b");
        assert_eq!(g.documents.len(), 1);
    }

    #[test]
    fn canonical_order_does_not_depend_on_insertion_order() {
        let mut a = KnowledgeGraph::new();
        a.upsert_entity(node("Country", "Russia", "a", 0));
        a.upsert_entity(node("Country", "China", "a", 9));
        let mut b = KnowledgeGraph::new();
        b.upsert_entity(node("Country", "China", "a", 9));
        b.upsert_entity(node("Country", "Russia", "a", 0));
        a.canonicalize();
        b.canonicalize();
        let la: Vec<_> = a.graph.node_weights().map(|n| n.label.clone()).collect();
        let lb: Vec<_> = b.graph.node_weights().map(|n| n.label.clone()).collect();
        assert_eq!(la, lb);
    }

    #[test]
    fn tidy_labels_agree_on_spellings_that_share_an_iri() {
        for (a, b) in [
            ("George W Bush", "George W. Bush"),
            ("U.S Army", "U.S. Army"),
            ("People\u{2019}s Party", "People's Party"),
            ("World War I.", "World War I"),
        ] {
            assert_eq!(slug(a), slug(b));
            assert_eq!(tidy_label(a), tidy_label(b), "{a} / {b}");
        }
        assert_eq!(tidy_label("George W Bush"), "George W. Bush");
        assert_eq!(tidy_label("U.S."), "U.S.");
        assert_eq!(tidy_label("Kosovo"), "Kosovo");
        assert_eq!(tidy_label("."), ".");
    }

    #[test]
    fn a_second_label_for_one_iri_becomes_an_alias() {
        let mut g = KnowledgeGraph::new();
        g.upsert_entity(node("PoliticalParty", "Workers Party", "a", 0));
        g.upsert_entity(node("PoliticalParty", "Workers' Party", "b", 0));
        let n = g
            .entity(&entity_iri("PoliticalParty", "Workers Party"))
            .unwrap();
        assert_eq!(n.label, "Workers Party");
        assert!(n.aliases.contains("Workers' Party"));
    }

    #[test]
    fn slugs_are_safe_iri_segments() {
        assert_eq!(slug("U.S."), "U_S");
        assert_eq!(slug("Vitaly Churkin"), "Vitaly_Churkin");
        assert_eq!(slug("<\"evil\">\n"), "evil");
        assert_eq!(slug("!!"), "_");
    }
}
