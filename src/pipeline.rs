//! The extraction pipeline: document → sentences → entities → relations → knowledge graph.
//!
//! An [`Extractor`] is built once per process (ontology, lexicon, compiled triggers) and shared
//! across threads; [`Extractor::extract`] turns one document into its own graph, and graphs merge.

use crate::document::Document;
use crate::entities::{DocumentEntities, EntityRecognizer, Lexicon, MentionKind};
use crate::graph::{
    DocumentInfo, EntityMentionRecord, EntityNode, KnowledgeGraph, MergeReason, QuoteRecord,
    RelationMentionRecord, entity_iri,
};
use crate::ontology::Ontology;
use crate::relations::{QuoteMention, RelationExtractor, RelationMention};
use crate::text::{CharIndex, Sentence, segment};
use std::collections::BTreeSet;

/// Everything extracted from one document, before it becomes a graph.
#[derive(Debug, Clone)]
pub struct DocumentAnalysis {
    /// Sentences with tokens.
    pub sentences: Vec<Sentence>,
    /// Entities and mentions.
    pub entities: DocumentEntities,
    /// Relation mentions.
    pub relations: Vec<RelationMention>,
    /// Quotes.
    pub quotes: Vec<QuoteMention>,
}

/// The extraction pipeline, built once and shared.
pub struct Extractor<'a> {
    ontology: &'a Ontology,
    recognizer: EntityRecognizer<'a>,
    relations: RelationExtractor<'a>,
    min_confidence: f64,
}

impl<'a> Extractor<'a> {
    /// Builds the pipeline from an ontology and a lexicon (the gazetteer).
    pub fn new(ontology: &'a Ontology, lexicon: &'a dyn Lexicon) -> Self {
        Extractor {
            ontology,
            recognizer: EntityRecognizer::new(ontology, lexicon),
            relations: RelationExtractor::new(ontology),
            min_confidence: 0.0,
        }
    }

    /// Drops relation mentions below this confidence.
    pub fn with_min_confidence(mut self, min: f64) -> Self {
        self.min_confidence = min;
        self
    }

    /// The ontology in use.
    pub fn ontology(&self) -> &Ontology {
        self.ontology
    }

    /// Runs the stages on one document's text.
    pub fn analyze(&self, text: &str) -> DocumentAnalysis {
        let sentences = segment(text);
        let entities = self.recognizer.recognize(text, &sentences);
        let (mut relations, quotes) = self.relations.extract(text, &sentences, &entities);
        relations.retain(|r| r.confidence >= self.min_confidence);
        DocumentAnalysis {
            sentences,
            entities,
            relations,
            quotes,
        }
    }

    /// Extracts one document into its own knowledge graph.
    pub fn extract(&self, doc: &Document) -> KnowledgeGraph {
        let analysis = self.analyze(&doc.text);
        to_graph(doc, &analysis)
    }
}

/// Builds the graph of one analyzed document: entities with stable IRIs, their mentions in
/// character offsets, relation edges with evidence, and quotes.
pub fn to_graph(doc: &Document, a: &DocumentAnalysis) -> KnowledgeGraph {
    let text = &doc.text;
    let chars = CharIndex::new(text);
    let mut g = KnowledgeGraph::new();
    g.add_document(DocumentInfo {
        id: doc.id.clone(),
        title: doc.title.clone(),
        source: doc.source.clone(),
        url: doc.url.clone(),
        date: doc.date.clone(),
    });
    let iris: Vec<String> = a
        .entities
        .entities
        .iter()
        .map(|e| entity_iri(&e.class, &e.label))
        .collect();
    // entities that take part in nothing but a demonym are still states; keep every entity with a
    // mention or a role in a relation
    let mut used: BTreeSet<usize> = a
        .entities
        .mentions
        .iter()
        .filter(|m| m.kind != MentionKind::DemonymAdjective)
        .map(|m| m.entity)
        .collect();
    for r in &a.relations {
        used.insert(r.subject);
        used.insert(r.object);
        if let Some(s) = r.attributed_to {
            used.insert(s);
        }
    }
    for q in &a.quotes {
        if let Some(s) = q.speaker {
            used.insert(s);
        }
    }
    for &i in &used {
        let e = &a.entities.entities[i];
        let mentions: Vec<EntityMentionRecord> = a
            .entities
            .mentions
            .iter()
            .filter(|m| m.entity == i)
            .map(|m| EntityMentionRecord {
                document: doc.id.clone(),
                start: chars.char_of(m.span.start),
                end: chars.char_of(m.span.end),
                text: text[m.span.start..m.span.end].to_string(),
            })
            .collect();
        g.upsert_entity(EntityNode {
            iri: iris[i].clone(),
            label: e.label.clone(),
            class: e.class.clone(),
            aliases: e.aliases.clone(),
            same_as: e
                .qid
                .iter()
                .map(|q| format!("http://www.wikidata.org/entity/{q}"))
                .collect(),
            mentions,
            merge_reasons: e
                .merge_reasons
                .iter()
                .map(|(kind, form)| MergeReason {
                    kind: kind.clone(),
                    form: form.clone(),
                    document: doc.id.clone(),
                })
                .collect(),
        });
    }
    for r in &a.relations {
        let sentence = &a.sentences[r.sentence];
        let record = RelationMentionRecord {
            document: doc.id.clone(),
            sentence: r.sentence,
            start: chars.char_of(r.span.start),
            end: chars.char_of(r.span.end),
            trigger: r.trigger.clone(),
            evidence: text[sentence.span.start..sentence.span.end].to_string(),
            confidence: r.confidence,
            modality: r.modality,
            attributed_to: r.attributed_to.map(|s| iris[s].clone()),
        };
        g.add_relation(
            &iris[r.subject],
            &r.predicate,
            &iris[r.object],
            r.negated,
            record,
        );
    }
    for q in &a.quotes {
        g.add_quote(QuoteRecord {
            speaker: q.speaker.map(|s| iris[s].clone()),
            text: text[q.span.start..q.span.end].to_string(),
            document: doc.id.clone(),
            start: chars.char_of(q.span.start),
            end: chars.char_of(q.span.end),
        });
    }
    g.canonicalize();
    g
}
