//! NLP core: UD tokenizer, POS tagger, lemmatizer and dependency parser, trained in Rust.
//!
//! Models are trained by [`train::train_all`] from Universal Dependencies English EWT and GUM and
//! shipped in `models/` (embedded into the binary with `include_bytes!`).
//! [`NlpModels::embedded`] loads them once; [`NlpModels::annotate`] tags, lemmatizes and parses
//! one sentence of words. [`tokenize`] produces UD-style word tokens with byte offsets.

pub mod binio;
pub mod conllu;
pub mod eval;
pub mod lemma;
pub mod linear;
pub mod parser;
pub mod sbd;
pub mod tagger;
pub mod tokenizer;
pub mod train;

use std::path::Path;
use std::sync::OnceLock;

pub use tokenizer::tokenize;

use lemma::Lemmatizer;
use parser::{ParseScratch, Parser};
use sbd::SentenceSplitter;
use tagger::{Tagger, WordFeats};

/// Errors of the NLP layer.
#[derive(Debug, thiserror::Error)]
pub enum NlpError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A CoNLL-U file is malformed.
    #[error("{path}:{line}: {message}")]
    Format {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A model file is malformed.
    #[error("model {model} at byte {offset}: {message}")]
    Model {
        /// Which model.
        model: String,
        /// Byte offset.
        offset: usize,
        /// What is wrong.
        message: String,
    },
    /// Training data is missing or unusable.
    #[error("training data {path}: {message}")]
    Data {
        /// The data path.
        path: String,
        /// What is wrong.
        message: String,
    },
}

/// The 17 Universal POS tags (plus `X` for anything else).
pub const UPOS: [&str; 17] = [
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
    "PUNCT", "SCONJ", "SYM", "VERB", "X",
];

/// The static UPOS name equal to `u` ("X" when unknown).
pub fn intern_upos(u: &str) -> &'static str {
    UPOS.iter().find(|x| **x == u).copied().unwrap_or("X")
}

/// Analysis of one word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordAnalysis {
    /// Universal POS tag.
    pub upos: &'static str,
    /// Penn Treebank tag.
    pub xpos: String,
    /// Lemma.
    pub lemma: String,
    /// Head: 0 = root, else 1-based index of the head word.
    pub head: usize,
    /// UD relation to the head (with subtype, e.g. `nsubj:pass`).
    pub deprel: String,
}

/// The trained models: tagger, lemmatizer, parser.
pub struct NlpModels {
    splitter: SentenceSplitter,
    tagger: Tagger,
    lemmatizer: Lemmatizer,
    parser: Parser,
    beam: usize,
}

/// File names of the three model files inside a model directory.
pub const MODEL_FILES: [&str; 4] = [
    "sentences.bin",
    "tagger.bin",
    "lemmatizer.bin",
    "parser.bin",
];

static EMBEDDED: OnceLock<Result<NlpModels, String>> = OnceLock::new();

const SENTENCES_BYTES: &[u8] = include_bytes!("../../models/sentences.bin");
const TAGGER_BYTES: &[u8] = include_bytes!("../../models/tagger.bin");
const LEMMATIZER_BYTES: &[u8] = include_bytes!("../../models/lemmatizer.bin");
const PARSER_BYTES: &[u8] = include_bytes!("../../models/parser.bin");

/// Tagger output for one sentence, used by [`NlpModels::parse`].
pub struct Tagged {
    feats: Vec<WordFeats>,
    classes: Vec<u16>,
}

impl Tagged {
    /// (UPOS, XPOS) of word `i` according to `models`.
    pub fn tags<'a>(&self, models: &'a NlpModels, i: usize) -> (&'a str, &'a str) {
        models.tagger.class(self.classes[i])
    }
    /// Number of words.
    pub fn len(&self) -> usize {
        self.classes.len()
    }
    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }
}

impl NlpModels {
    /// The models shipped in `models/`, decoded once per process.
    pub fn embedded() -> Result<&'static NlpModels, NlpError> {
        EMBEDDED
            .get_or_init(|| {
                NlpModels::from_bytes(
                    SENTENCES_BYTES,
                    TAGGER_BYTES,
                    LEMMATIZER_BYTES,
                    PARSER_BYTES,
                )
                .map_err(|e| e.to_string())
            })
            .as_ref()
            .map_err(|e| NlpError::Model {
                model: "embedded".into(),
                offset: 0,
                message: e.clone(),
            })
    }

    /// Decodes models from their file contents.
    pub fn from_bytes(
        sentences: &[u8],
        tagger: &[u8],
        lemmatizer: &[u8],
        parser: &[u8],
    ) -> Result<Self, NlpError> {
        Ok(NlpModels {
            splitter: SentenceSplitter::from_bytes(sentences)?,
            tagger: Tagger::from_bytes(tagger)?,
            lemmatizer: Lemmatizer::from_bytes(lemmatizer)?,
            parser: Parser::from_bytes(parser)?,
            beam: parser::DEFAULT_BEAM,
        })
    }

    /// Loads models from a directory holding [`MODEL_FILES`].
    pub fn load(dir: &Path) -> Result<Self, NlpError> {
        let read = |f: &str| {
            let p = dir.join(f);
            std::fs::read(&p).map_err(|e| NlpError::Io {
                path: p.display().to_string(),
                source: e,
            })
        };
        Self::from_bytes(
            &read(MODEL_FILES[0])?,
            &read(MODEL_FILES[1])?,
            &read(MODEL_FILES[2])?,
            &read(MODEL_FILES[3])?,
        )
    }

    /// Sentence spans of `text` (learned boundary model; blank lines always split).
    pub fn split_sentences(&self, text: &str) -> Vec<crate::text::Span> {
        self.splitter.split(text)
    }

    /// POS-tags one sentence.
    pub fn tag(&self, words: &[&str]) -> Tagged {
        let mut buf = Vec::new();
        let feats: Vec<WordFeats> = words.iter().map(|w| WordFeats::new(w, &mut buf)).collect();
        thread_local! {
            static SCRATCH: std::cell::RefCell<(Vec<u32>, Vec<i32>)> = std::cell::RefCell::default();
        }
        let classes = SCRATCH.with(|sc| {
            let (f, s) = &mut *sc.borrow_mut();
            self.tagger.tag(&feats, f, s)
        });
        Tagged { feats, classes }
    }

    /// Sets the parser's beam width (default [`parser::DEFAULT_BEAM`]; 1 = greedy, fastest, but a
    /// globally trained parser loses about 3 UAS without a beam; 2 is about 1.5x faster than 4).
    pub fn set_parser_beam(&mut self, width: usize) {
        self.beam = width.max(1);
    }

    /// The parser's beam width.
    pub fn parser_beam(&self) -> usize {
        self.beam
    }

    /// Parses a tagged sentence: (heads (0 = root, else 1-based), relation names).
    pub fn parse<'a>(&'a self, tagged: &Tagged) -> (Vec<usize>, Vec<&'a str>) {
        // Per-thread scratch: the parser's buffers and memo tables keep their capacity.
        thread_local! {
            static SCRATCH: std::cell::RefCell<ParseScratch> = std::cell::RefCell::default();
        }
        let (h, l) = SCRATCH.with(|sc| {
            self.parser.parse_beam(
                &tagged.feats,
                &tagged.classes,
                &mut sc.borrow_mut(),
                self.beam,
            )
        });
        (h, l.iter().map(|&x| self.parser.label(x)).collect())
    }

    /// Lemma of `form` with Penn tag `xpos`.
    pub fn lemma(&self, form: &str, xpos: &str) -> String {
        self.lemmatizer.lemma(form, xpos)
    }

    /// Tags, lemmatizes and parses one sentence of words.
    pub fn annotate(&self, words: &[&str]) -> Vec<WordAnalysis> {
        let tagged = self.tag(words);
        let (heads, labels) = self.parse(&tagged);
        words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let (u, x) = tagged.tags(self, i);
                WordAnalysis {
                    upos: intern_upos(u),
                    xpos: x.to_string(),
                    lemma: self.lemmatizer.lemma(w, x),
                    head: heads[i],
                    deprel: labels[i].to_string(),
                }
            })
            .collect()
    }

    /// Drops parser weights whose stored magnitude is below `min_q` (size/speed experiments).
    pub fn prune_parser(&mut self, min_q: i16) {
        self.parser = self.parser.pruned(min_q);
    }

    /// Compresses the parser (see [`parser::Parser::compressed`]; experiments).
    pub fn compress_parser(&mut self, action_min_row: i16, label_min_row: i16) {
        self.parser = self.parser.compressed(action_min_row, label_min_row);
    }

    /// Bytes of the parser's in-memory lookup tables (transition model, label model).
    pub fn parser_table_bytes(&self) -> (usize, usize) {
        self.parser.table_bytes()
    }

    /// Serialized parser (after pruning).
    pub fn parser_bytes(&self) -> Vec<u8> {
        self.parser.to_bytes()
    }

    /// Tags, lemmatizes and parses one sentence given as text-layer tokens (see
    /// [`crate::text::tokenize`]); one analysis per token, heads index into `tokens` (1-based).
    pub fn annotate_tokens(&self, tokens: &[crate::text::Token]) -> Vec<WordAnalysis> {
        let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        self.annotate(&words)
    }

    /// Sizes: (tagger features, parser transition features, parser label features).
    pub fn sizes(&self) -> (usize, usize, usize) {
        let (a, l) = self.parser.n_features();
        (self.tagger.n_features(), a, l)
    }
}

/// Sentence spans of `text` from the learned boundary model shipped in `models/` (falls back to the
/// text layer's rule splitter if the embedded models cannot be decoded).
pub fn split_sentences(text: &str) -> Vec<crate::text::Span> {
    match NlpModels::embedded() {
        Ok(m) => m.split_sentences(text),
        Err(_) => crate::text::split_sentences(text),
    }
}
