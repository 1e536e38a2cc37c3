//! Input documents: text files, directories, JSONL and stdin.

/// One input document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Stable id: file stem or JSONL `id`.
    pub id: String,
    /// Title, if any.
    pub title: Option<String>,
    /// Where it came from (path, `stdin`, or `file.jsonl:LINE`).
    pub source: String,
    /// URL, if given.
    pub url: Option<String>,
    /// Date, if given.
    pub date: Option<String>,
    /// The body text (without the title line).
    pub text: String,
}
