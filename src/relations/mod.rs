//! Relations: trigger patterns from the ontology matched over sentences with their entity mentions;
//! subjects and objects found with coordination, relative clauses, passive voice, possessives,
//! pronouns and event references; negation, modality, quotes and reported speech.

pub mod cameo;
pub mod confidence;
mod extract;
pub mod lexicon;
mod quotes;

pub use extract::RelationExtractor;
pub(crate) use extract::{AUX, BOUNDARY, DETERMINERS, PREPOSITIONS};
pub use lexicon::TriggerLexicon;
pub use quotes::{QuoteSpan, find_quotes};

use crate::graph::Modality;
use crate::text::Span;

/// One extracted occurrence of a relation.
#[derive(Debug, Clone, PartialEq)]
pub struct RelationMention {
    /// Subject entity (index into the document's entities).
    pub subject: usize,
    /// Predicate local name.
    pub predicate: String,
    /// Object entity.
    pub object: usize,
    /// Stated as not occurring.
    pub negated: bool,
    /// Asserted, hedged or future.
    pub modality: Modality,
    /// Confidence in [0, 1].
    pub confidence: f64,
    /// Sentence index.
    pub sentence: usize,
    /// Byte span of the evidence (from the first to the last of subject, trigger and object).
    pub span: Span,
    /// The trigger words as in the text.
    pub trigger: String,
    /// Byte offset of the trigger in the document.
    pub trigger_start: usize,
    /// The entity this statement is attributed to (reported speech or quote), if any.
    pub attributed_to: Option<usize>,
    /// Which pattern produced it (for confidence calibration and debugging).
    pub pattern: &'static str,
}

/// A quotation with its resolved speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteMention {
    /// Byte span of the quoted text (inside the marks).
    pub span: Span,
    /// Speaker entity, if resolved.
    pub speaker: Option<usize>,
}
