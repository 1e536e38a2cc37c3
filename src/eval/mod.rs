//! Evaluation: gold relations, UD, NER and peer suites.

pub mod gold;
pub mod peer;

use crate::document::InputError;

/// Errors of the evaluation layer; each names the file (and line) it happened in.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file or directory could not be read.
    #[error("{path}: cannot read: {error}")]
    Io {
        /// The path.
        path: String,
        /// The I/O error.
        error: std::io::Error,
    },
    /// A gold file is not valid JSON of the gold format.
    #[error("{path}:{line}:{column}: invalid gold file: {message}")]
    GoldSyntax {
        /// The gold file.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// Parser message.
        message: String,
    },
    /// A gold file parsed but is inconsistent (unknown entity, predicate or type).
    #[error("{path}: invalid gold file: {}", problems.join("; "))]
    GoldInvalid {
        /// The gold file.
        path: String,
        /// Every problem found.
        problems: Vec<String>,
    },
    /// The article a gold file refers to could not be read.
    #[error("{gold}: cannot read its article: {error}")]
    Article {
        /// The gold file.
        gold: String,
        /// The reader's error (names the article path).
        error: InputError,
    },
    /// Extraction failed on an article.
    #[error("{article}: extraction failed: {message}")]
    Extract {
        /// The article path.
        article: String,
        /// The extractor's message.
        message: String,
    },
    /// The gold directory holds no `*.gold.json` file.
    #[error("{dir}: no *.gold.json files")]
    NoGold {
        /// The directory.
        dir: String,
    },
}
