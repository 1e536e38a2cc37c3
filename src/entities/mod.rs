//! Entities: gazetteer lookup, recognition of names that no list holds, typing, acronyms,
//! within-document alias merging and description coreference.
//!
//! The recognizer turns a segmented document into [`DocumentEntities`]: a list of entities and of
//! their mentions (token ranges per sentence), which the relation extractor reads.

pub mod gazetteer;
mod gazetteer_lexicon;
pub mod gender;
pub mod ner;
mod recognize;

pub(crate) use recognize::is_member_word;
pub use recognize::{EntityRecognizer, HitKind, Lexicon, LexiconHit, StateRef, is_date_word};

use crate::text::Span;
use std::collections::BTreeSet;

/// How a mention refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// A proper name (full or short).
    Name,
    /// An acronym ("UNMIK").
    Acronym,
    /// A demonym adjective standing for a state or people ("Serbian" in "Serbian President").
    DemonymAdjective,
    /// A surname or other partial name resolved to a full name.
    PartialName,
    /// A description resolved by coreference ("the Council", "the mission").
    Description,
    /// A capital or seat of government standing for the state ("Belgrade").
    Capital,
}

/// One mention of an entity in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Sentence index.
    pub sentence: usize,
    /// First token (inclusive).
    pub tok_start: usize,
    /// Last token (exclusive).
    pub tok_end: usize,
    /// Byte span in the document.
    pub span: Span,
    /// Index of the entity in [`DocumentEntities::entities`].
    pub entity: usize,
    /// How it refers.
    pub kind: MentionKind,
}

/// An entity of one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Canonical label.
    pub label: String,
    /// Ontology class local name.
    pub class: String,
    /// Surface forms seen in the document (other than the label).
    pub aliases: BTreeSet<String>,
    /// Wikidata QID when linked.
    pub qid: Option<String>,
    /// Index of the state this entity belongs to, when known (capital → country, demonym → country).
    pub state: Option<usize>,
    /// (kind, form) of each merge.
    pub merge_reasons: Vec<(String, String)>,
}

/// Entities and mentions of one document.
#[derive(Debug, Clone, Default)]
pub struct DocumentEntities {
    /// Entities.
    pub entities: Vec<Entity>,
    /// Mentions sorted by (sentence, tok_start).
    pub mentions: Vec<Mention>,
}

impl DocumentEntities {
    /// Mentions of one sentence.
    pub fn in_sentence(&self, sentence: usize) -> impl Iterator<Item = &Mention> {
        let start = self.mentions.partition_point(|m| m.sentence < sentence);
        self.mentions[start..]
            .iter()
            .take_while(move |m| m.sentence == sentence)
    }
}
