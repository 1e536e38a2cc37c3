//! Text layer: sentences and tokens with offsets into the document text.
//!
//! Offsets inside the pipeline are byte offsets (cheap slicing); exports convert them to Unicode
//! character offsets with [`CharIndex`].

/// A half-open byte range in a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
}

impl Span {
    /// A new span.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    /// Whether the span is empty.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// Maps byte offsets of one text to Unicode character offsets.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// `starts[i]` is the byte offset of char `i`; one extra entry for the end.
    starts: Vec<usize>,
}

impl CharIndex {
    /// Builds the index for `text`.
    pub fn new(text: &str) -> Self {
        let mut starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        starts.push(text.len());
        CharIndex { starts }
    }
    /// The character offset of a byte offset (which must be on a char boundary).
    pub fn char_of(&self, byte: usize) -> usize {
        match self.starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i,
        }
    }
}

mod sentences;
mod tokens;

pub use sentences::split_sentences;
pub use tokens::{Token, tokenize};

/// A sentence of a document: its span and tokens.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Index within the document.
    pub index: usize,
    /// Byte span in the document text.
    pub span: Span,
    /// Tokens.
    pub tokens: Vec<Token>,
}

/// Splits and tokenizes a whole text.
pub fn segment(text: &str) -> Vec<Sentence> {
    split_sentences(text)
        .into_iter()
        .enumerate()
        .map(|(index, span)| Sentence {
            index,
            span,
            tokens: tokenize(text, span),
        })
        .collect()
}
