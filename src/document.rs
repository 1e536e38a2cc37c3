//! Input documents: text files, directories, JSONL and stdin.
//!
//! # What a document's `text` is
//!
//! Every character offset the pipeline produces (mentions, evidence spans, quotes) is an offset
//! into [`Document::text`], so the readers define it precisely:
//!
//! - **Text files** (any extension except `.jsonl`): the file's bytes decoded as UTF-8, with a
//!   leading UTF-8 byte order mark (U+FEFF) removed. Line endings are kept as they are (`\r\n`
//!   stays `\r\n`). If the file starts with a *title block* (see [`split_title`]), the title goes
//!   to [`Document::title`] and `text` is everything after the title block; otherwise `text` is the
//!   whole (BOM-less) file and `title` is `None`.
//! - **JSONL** records: `text` is the record's `text` string exactly as decoded by the JSON parser
//!   (no title detection, no BOM stripping inside the string); `title`, `url` and `date` come from
//!   the record.
//! - **stdin** without `--jsonl`: one text document with id `stdin`, read like a text file.
//!
//! # Title rule (text files)
//!
//! The first line is a title when all of these hold:
//! 1. after trimming, it is non-empty and at most [`MAX_TITLE_CHARS`] characters long;
//! 2. it does not end with final punctuation: `. ! ? : ; … " ”` (a headline like
//!    `Germany bans Mahan Air of Iran, citing 'security'` is a title; a paragraph ending in `.` is not);
//! 3. the second line is blank (empty or whitespace only);
//! 4. something other than whitespace follows.
//!
//! The title block is the title line plus all the blank lines after it; `text` starts at the first
//! non-blank line after it. A Wikinews date line ("Sunday, October 27, 2019") right after the title
//! stays in the body; it is also copied (as written) to [`Document::date`] when the date is not
//! otherwise known.
//!
//! # Reading
//!
//! [`DocumentReader`] is a streaming iterator over [`InputSpec`]s: directories are listed lazily,
//! JSONL files and stdin are read one line at a time, so a corpus of any size never sits in memory.
//! A bad document (invalid UTF-8, empty, binary, unreadable, malformed JSONL line, duplicate id)
//! yields an [`InputError`] naming it, and reading goes on with the next one.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One input document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Stable id: file stem or JSONL `id`.
    pub id: String,
    /// Title, if any.
    pub title: Option<String>,
    /// Where it came from (path, `stdin`, or `file.jsonl:LINE`; JSONL records from stdin are
    /// `stdin`, without a line number that would depend on how the stream was split).
    pub source: String,
    /// URL, if given.
    pub url: Option<String>,
    /// Date, if given.
    pub date: Option<String>,
    /// The body text (without the title line).
    pub text: String,
}

/// Longest first line (in characters) that can still be a title.
pub const MAX_TITLE_CHARS: usize = 200;

/// Characters that end a sentence rather than a headline.
const FINAL_PUNCTUATION: &[char] = &['.', '!', '?', ':', ';', '…', '"', '”'];

/// How many leading characters are inspected for control characters.
const BINARY_SNIFF_CHARS: usize = 8192;

/// Share of control characters (other than tab, newline, carriage return, form feed) above which
/// a text counts as binary.
const BINARY_CONTROL_RATIO: f64 = 0.10;

impl Document {
    /// A document read from the content of a text file (or stdin): strips a leading BOM, splits
    /// off the title block (see the module docs) and picks up a Wikinews date line.
    pub fn from_plain_text(id: &str, source: &str, content: &str) -> Document {
        let content = content.strip_prefix('\u{feff}').unwrap_or(content);
        let (title, body_start) = match split_title(content) {
            Some((title, start)) => (Some(title.to_string()), start),
            None => (None, 0),
        };
        let text = content[body_start..].to_string();
        let date = if title.is_some() {
            text.lines()
                .next()
                .map(str::trim)
                .filter(|l| is_wikinews_date(l))
                .map(str::to_string)
        } else {
            None
        };
        Document {
            id: id.to_string(),
            title,
            source: source.to_string(),
            url: None,
            date,
            text,
        }
    }
}

/// Finds the title block at the start of `content` (BOM already removed).
///
/// Returns the trimmed title and the byte offset where the body starts, or `None` when the first
/// line is not a title (rules in the module docs).
pub fn split_title(content: &str) -> Option<(&str, usize)> {
    let first_end = content.find('\n')?;
    let title = content[..first_end].trim();
    if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
        return None;
    }
    if title.ends_with(FINAL_PUNCTUATION) {
        return None;
    }
    // The second line must be blank; then skip every following blank line.
    let mut pos = first_end + 1;
    let mut blank_lines = 0;
    loop {
        let rest = &content[pos..];
        let line_len = rest.find('\n').map(|i| i + 1).unwrap_or(rest.len());
        let line = &rest[..line_len];
        if line.is_empty() || !line.trim().is_empty() {
            break;
        }
        if line_len == rest.len() && !line.ends_with('\n') {
            // Trailing whitespace without a newline: nothing follows.
            pos += line_len;
            break;
        }
        blank_lines += 1;
        pos += line_len;
    }
    if blank_lines == 0 || content[pos..].trim().is_empty() {
        return None;
    }
    Some((title, pos))
}

/// Whether a line looks like a Wikinews date line: "Sunday, October 27, 2019".
pub fn is_wikinews_date(line: &str) -> bool {
    const DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let Some((day, rest)) = line.split_once(", ") else {
        return false;
    };
    let Some((month_day, year)) = rest.rsplit_once(", ") else {
        return false;
    };
    let Some((month, dom)) = month_day.split_once(' ') else {
        return false;
    };
    DAYS.contains(&day)
        && MONTHS.contains(&month)
        && (1..=2).contains(&dom.len())
        && dom.bytes().all(|b| b.is_ascii_digit())
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
}

/// One input as given on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputSpec {
    /// A text file (any extension; `.jsonl` files should be given as [`InputSpec::Jsonl`]).
    TextFile(PathBuf),
    /// A JSONL file: one JSON object a line.
    Jsonl(PathBuf),
    /// A directory: its `.txt` files, sorted by path.
    Dir {
        /// The directory.
        path: PathBuf,
        /// Whether to descend into subdirectories.
        recursive: bool,
    },
    /// Standard input: JSONL when `jsonl`, else one text document with id `stdin`.
    Stdin {
        /// Read stdin as JSONL.
        jsonl: bool,
    },
}

impl InputSpec {
    /// Interprets a command-line argument: `-` is stdin (JSONL when `jsonl`), an existing
    /// directory is a [`InputSpec::Dir`], a path ending in `.jsonl` (or any file when `jsonl`)
    /// is [`InputSpec::Jsonl`], anything else a [`InputSpec::TextFile`] (a missing path turns
    /// into an "unreadable" error when read).
    pub fn from_arg(arg: &str, jsonl: bool, recursive: bool) -> InputSpec {
        if arg == "-" {
            return InputSpec::Stdin { jsonl };
        }
        let path = PathBuf::from(arg);
        if path.is_dir() {
            InputSpec::Dir { path, recursive }
        } else if jsonl || has_extension(&path, "jsonl") {
            InputSpec::Jsonl(path)
        } else {
            InputSpec::TextFile(path)
        }
    }
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// Formats a source name with an optional line number (`file.jsonl:12`).
fn located(source: &str, line: &Option<usize>) -> String {
    match line {
        Some(l) => format!("{source}:{l}"),
        None => source.to_string(),
    }
}

/// Why one input document could not be read. Each variant names the document: `source` is the
/// path (or `stdin`) and `line` the 1-based JSONL line, when the input is JSONL.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The path could not be opened or read (missing, permissions, I/O error).
    #[error("{}: cannot read: {error}", located(source_name, line))]
    Unreadable {
        /// Path or `stdin`.
        source_name: String,
        /// JSONL line, if the failure happened while reading one.
        line: Option<usize>,
        /// The I/O error.
        error: std::io::Error,
    },
    /// The bytes are not valid UTF-8.
    #[error(
        "{}: not valid UTF-8 (invalid byte at offset {byte})",
        located(source_name, line)
    )]
    InvalidUtf8 {
        /// Path or `stdin`.
        source_name: String,
        /// JSONL line, if any.
        line: Option<usize>,
        /// Byte offset of the first invalid byte (within the file or the line).
        byte: usize,
    },
    /// The document has no text (empty or whitespace only).
    #[error("{}: empty document (no text)", located(source_name, line))]
    Empty {
        /// Path or `stdin`.
        source_name: String,
        /// JSONL line, if any.
        line: Option<usize>,
    },
    /// The content is binary (NUL bytes or mostly control characters).
    #[error("{}: binary content ({reason})", located(source_name, line))]
    Binary {
        /// Path or `stdin`.
        source_name: String,
        /// JSONL line, if any.
        line: Option<usize>,
        /// What gave it away.
        reason: String,
    },
    /// A JSONL line is not a valid JSON object or has a field of the wrong kind.
    #[error("{source_name}:{line}: malformed JSONL record: {message}")]
    Malformed {
        /// JSONL path or `stdin`.
        source_name: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// Two documents have the same id; the later one is skipped.
    #[error(
        "{}: duplicate document id {id:?} (first seen in {first})",
        located(source_name, line)
    )]
    DuplicateId {
        /// Path or `stdin`.
        source_name: String,
        /// JSONL line, if any.
        line: Option<usize>,
        /// The id.
        id: String,
        /// Where the id was first seen.
        first: String,
    },
}

impl InputError {
    /// The path (or `stdin`) of the failing input.
    pub fn source_name(&self) -> &str {
        match self {
            InputError::Unreadable { source_name, .. }
            | InputError::InvalidUtf8 { source_name, .. }
            | InputError::Empty { source_name, .. }
            | InputError::Binary { source_name, .. }
            | InputError::Malformed { source_name, .. }
            | InputError::DuplicateId { source_name, .. } => source_name,
        }
    }

    /// The 1-based JSONL line of the failing record, if the input is JSONL.
    pub fn line(&self) -> Option<usize> {
        match self {
            InputError::Malformed { line, .. } => Some(*line),
            InputError::Unreadable { line, .. }
            | InputError::InvalidUtf8 { line, .. }
            | InputError::Empty { line, .. }
            | InputError::Binary { line, .. }
            | InputError::DuplicateId { line, .. } => *line,
        }
    }
}

/// Checks decoded text for emptiness and binary content.
fn check_text(text: &str, source_name: &str, line: Option<usize>) -> Result<(), InputError> {
    if text.contains('\0') {
        return Err(InputError::Binary {
            source_name: source_name.to_string(),
            line,
            reason: "contains NUL bytes".into(),
        });
    }
    if text.trim().is_empty() {
        return Err(InputError::Empty {
            source_name: source_name.to_string(),
            line,
        });
    }
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(BINARY_SNIFF_CHARS) {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
            control += 1;
        }
    }
    if control as f64 > BINARY_CONTROL_RATIO * total as f64 {
        return Err(InputError::Binary {
            source_name: source_name.to_string(),
            line,
            reason: format!("{control} of the first {total} characters are control characters"),
        });
    }
    Ok(())
}

/// Decodes the bytes of a text file (or of stdin) into a [`Document`].
pub fn document_from_bytes(id: &str, source: &str, bytes: &[u8]) -> Result<Document, InputError> {
    if bytes.contains(&0) {
        return Err(InputError::Binary {
            source_name: source.to_string(),
            line: None,
            reason: "contains NUL bytes".into(),
        });
    }
    let content = std::str::from_utf8(bytes).map_err(|e| InputError::InvalidUtf8 {
        source_name: source.to_string(),
        line: None,
        byte: e.valid_up_to(),
    })?;
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    check_text(content, source, None)?;
    Ok(Document::from_plain_text(id, source, content))
}

/// Reads one text file (any extension) into a [`Document`] whose id is the file stem.
pub fn read_text_file(path: &Path) -> Result<Document, InputError> {
    let source = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|error| InputError::Unreadable {
        source_name: source.clone(),
        line: None,
        error,
    })?;
    document_from_bytes(&file_stem(path), &source, &bytes)
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Parses one JSONL line (already decoded) into a [`Document`]. `stem` names records without an
/// `id` (`<stem>-<line>`); `source_name` is the JSONL path or `stdin`.
pub fn document_from_jsonl_line(
    line_text: &str,
    source_name: &str,
    stem: &str,
    line: usize,
) -> Result<Document, InputError> {
    let malformed = |message: String| InputError::Malformed {
        source_name: source_name.to_string(),
        line,
        message,
    };
    let value: serde_json::Value =
        serde_json::from_str(line_text).map_err(|e| malformed(format!("bad JSON: {e}")))?;
    let serde_json::Value::Object(map) = value else {
        return Err(malformed("not a JSON object".into()));
    };
    // Optional string fields: absent or null means none; any other kind is an error.
    let field = |key: &str| -> Result<Option<String>, InputError> {
        match map.get(key) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(malformed(format!(
                "field `{key}` must be a string, found {}",
                json_kind(other)
            ))),
        }
    };
    let text = field("text")?.ok_or_else(|| malformed("missing field `text`".into()))?;
    let id = match field("id")? {
        Some(id) if !id.trim().is_empty() => id,
        Some(_) => return Err(malformed("field `id` is empty".into())),
        None => format!("{stem}-{line}"),
    };
    let title = field("title")?.filter(|t| !t.trim().is_empty());
    let url = field("url")?.filter(|t| !t.trim().is_empty());
    let date = field("date")?.filter(|t| !t.trim().is_empty());
    if text.trim().is_empty() {
        return Err(malformed("field `text` is empty".into()));
    }
    check_text(&text, source_name, Some(line))?;
    // A record read from stdin is sourced as `stdin` alone: a stream's line numbers depend on how
    // it was cut (a Spark partition, a Hadoop split), and a record's output must not.
    let source = if source_name == "stdin" {
        source_name.to_string()
    } else {
        format!("{source_name}:{line}")
    };
    Ok(Document {
        id,
        title,
        source,
        url,
        date,
        text,
    })
}

fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// A JSONL stream being read line by line.
struct JsonlState {
    reader: Box<dyn BufRead + Send>,
    source_name: String,
    stem: String,
    line: usize,
    buf: Vec<u8>,
    done: bool,
}

impl JsonlState {
    /// The next document or error from this stream, or `None` at its end.
    fn next_record(&mut self) -> Option<Result<Document, InputError>> {
        while !self.done {
            self.buf.clear();
            let read = self.reader.read_until(b'\n', &mut self.buf);
            self.line += 1;
            match read {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) => {}
                Err(error) => {
                    // A read error usually repeats; stop this stream after reporting it.
                    self.done = true;
                    return Some(Err(InputError::Unreadable {
                        source_name: self.source_name.clone(),
                        line: Some(self.line),
                        error,
                    }));
                }
            }
            let mut bytes: &[u8] = &self.buf;
            if self.line == 1 {
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            }
            let text = match std::str::from_utf8(bytes) {
                Ok(t) => t,
                Err(e) => {
                    return Some(Err(InputError::InvalidUtf8 {
                        source_name: self.source_name.clone(),
                        line: Some(self.line),
                        byte: e.valid_up_to(),
                    }));
                }
            };
            if text.trim().is_empty() {
                continue; // blank lines (e.g. a trailing newline) are not records
            }
            return Some(document_from_jsonl_line(
                text,
                &self.source_name,
                &self.stem,
                self.line,
            ));
        }
        None
    }
}

/// Streaming reader over a list of inputs; yields documents in input order (directory entries
/// sorted by path), one `Err` per unreadable document. See the module docs.
pub struct DocumentReader {
    /// Inputs not started yet (reversed: the next one is at the end).
    pending: Vec<InputSpec>,
    /// Files of the directory being read (reversed).
    dir_files: Vec<PathBuf>,
    /// The JSONL stream being read.
    jsonl: Option<JsonlState>,
    /// Ids seen so far → where they were first seen.
    seen: HashMap<String, String>,
    /// Replaces the process's stdin (tests).
    stdin_override: Option<Box<dyn Read + Send>>,
}

impl DocumentReader {
    /// A reader over these inputs.
    pub fn new(inputs: &[InputSpec]) -> DocumentReader {
        DocumentReader {
            pending: inputs.iter().rev().cloned().collect(),
            dir_files: Vec::new(),
            jsonl: None,
            seen: HashMap::new(),
            stdin_override: None,
        }
    }

    /// Uses `reader` instead of the process's standard input for [`InputSpec::Stdin`].
    pub fn with_stdin(mut self, reader: Box<dyn Read + Send>) -> DocumentReader {
        self.stdin_override = Some(reader);
        self
    }

    fn take_stdin(&mut self) -> Box<dyn Read + Send> {
        self.stdin_override
            .take()
            .unwrap_or_else(|| Box::new(std::io::stdin()))
    }

    /// Records the id; an error if it was seen before.
    fn register(&mut self, doc: Document) -> Result<Document, InputError> {
        if let Some(first) = self.seen.get(&doc.id) {
            let (source_name, line) = split_source(&doc.source);
            return Err(InputError::DuplicateId {
                source_name,
                line,
                first: first.clone(),
                id: doc.id,
            });
        }
        self.seen.insert(doc.id.clone(), doc.source.clone());
        Ok(doc)
    }

    /// Starts an input; returns an item when the input yields one immediately.
    fn start(&mut self, spec: InputSpec) -> Option<Result<Document, InputError>> {
        match spec {
            InputSpec::TextFile(path) => Some(read_text_file(&path)),
            InputSpec::Jsonl(path) => {
                let source_name = path.display().to_string();
                match File::open(&path) {
                    Ok(f) => {
                        self.jsonl = Some(JsonlState {
                            reader: Box::new(BufReader::new(f)),
                            source_name,
                            stem: file_stem(&path),
                            line: 0,
                            buf: Vec::new(),
                            done: false,
                        });
                        None
                    }
                    Err(error) => Some(Err(InputError::Unreadable {
                        source_name,
                        line: None,
                        error,
                    })),
                }
            }
            InputSpec::Dir { path, recursive } => match list_txt_files(&path, recursive) {
                Ok(mut files) => {
                    files.reverse();
                    self.dir_files = files;
                    None
                }
                Err(error) => Some(Err(InputError::Unreadable {
                    source_name: path.display().to_string(),
                    line: None,
                    error,
                })),
            },
            InputSpec::Stdin { jsonl: true } => {
                let stdin = self.take_stdin();
                self.jsonl = Some(JsonlState {
                    reader: Box::new(BufReader::new(stdin)),
                    source_name: "stdin".into(),
                    stem: "stdin".into(),
                    line: 0,
                    buf: Vec::new(),
                    done: false,
                });
                None
            }
            InputSpec::Stdin { jsonl: false } => {
                let mut stdin = self.take_stdin();
                let mut bytes = Vec::new();
                Some(match stdin.read_to_end(&mut bytes) {
                    Ok(_) => document_from_bytes("stdin", "stdin", &bytes),
                    Err(error) => Err(InputError::Unreadable {
                        source_name: "stdin".into(),
                        line: None,
                        error,
                    }),
                })
            }
        }
    }
}

/// Splits a document source `path:LINE` back into path and line (JSONL sources only).
fn split_source(source: &str) -> (String, Option<usize>) {
    if let Some((path, line)) = source.rsplit_once(':')
        && let Ok(n) = line.parse::<usize>()
    {
        return (path.to_string(), Some(n));
    }
    (source.to_string(), None)
}

/// The `.txt` files of a directory, sorted by path (recursively when asked).
pub fn list_txt_files(dir: &Path, recursive: bool) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let path = entry?.path();
            if path.is_dir() {
                if recursive {
                    stack.push(path);
                }
            } else if has_extension(&path, "txt") {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

impl Iterator for DocumentReader {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let item = if let Some(state) = self.jsonl.as_mut() {
                match state.next_record() {
                    Some(item) => Some(item),
                    None => {
                        self.jsonl = None;
                        continue;
                    }
                }
            } else if let Some(path) = self.dir_files.pop() {
                Some(read_text_file(&path))
            } else if let Some(spec) = self.pending.pop() {
                self.start(spec)
            } else {
                return None;
            };
            if let Some(item) = item {
                return Some(item.and_then(|d| self.register(d)));
            }
        }
    }
}

/// Reads all inputs as a stream of documents (see [`DocumentReader`]).
pub fn read_inputs(inputs: &[InputSpec]) -> DocumentReader {
    DocumentReader::new(inputs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_then_blank_line_is_a_title_and_the_date_line_stays() {
        let content = "Germany bans Mahan Air of Iran, citing 'security'\n\nWednesday, January 23, 2019\n\nGermany on Monday banned it.\n";
        let d = Document::from_plain_text("a", "a.txt", content);
        assert_eq!(
            d.title.as_deref(),
            Some("Germany bans Mahan Air of Iran, citing 'security'")
        );
        assert!(d.text.starts_with("Wednesday, January 23, 2019\n"));
        assert_eq!(d.date.as_deref(), Some("Wednesday, January 23, 2019"));
        // Offsets are into `text`: the body is a suffix of the file.
        assert!(content.ends_with(&d.text));
    }

    #[test]
    fn a_first_paragraph_ending_in_a_period_is_not_a_title() {
        let content =
            "UNITED NATIONS—The declaration caused an uproar.\n\nThe Council was divided.\n";
        let d = Document::from_plain_text("seed", "seed.txt", content);
        assert_eq!(d.title, None);
        assert_eq!(d.text, content);
        assert_eq!(d.date, None);
    }

    #[test]
    fn title_rules_reject_punctuation_length_missing_blank_line_and_missing_body() {
        for bad in [
            "Is this a question?\n\nBody.\n",
            "He said: \"no\"\n\nBody.\n",
            "Headline\nno blank line\n",
            "Headline only\n\n  \n",
            "Headline only",
        ] {
            assert_eq!(split_title(bad), None, "{bad:?}");
        }
        let long = format!("{}\n\nBody.\n", "x".repeat(MAX_TITLE_CHARS + 1));
        assert_eq!(split_title(&long), None);
        let ok = format!("{}\n\nBody.\n", "x".repeat(MAX_TITLE_CHARS));
        assert!(split_title(&ok).is_some());
    }

    #[test]
    fn crlf_is_kept_and_several_blank_lines_are_skipped() {
        let content = "Title here\r\n\r\n\r\nFirst line.\r\nSecond.\r\n";
        let (title, start) = split_title(content).unwrap();
        assert_eq!(title, "Title here");
        assert_eq!(&content[start..], "First line.\r\nSecond.\r\n");
    }

    #[test]
    fn bom_is_stripped_before_the_title_rule() {
        let d = document_from_bytes("x", "x.txt", "\u{feff}Title\n\nBody.".as_bytes()).unwrap();
        assert_eq!(d.title.as_deref(), Some("Title"));
        assert_eq!(d.text, "Body.");
    }

    #[test]
    fn bad_bytes_are_named_errors() {
        assert!(matches!(
            document_from_bytes("x", "x.txt", b"ab\xffcd"),
            Err(InputError::InvalidUtf8 { byte: 2, .. })
        ));
        assert!(matches!(
            document_from_bytes("x", "x.txt", b"ab\0cd"),
            Err(InputError::Binary { .. })
        ));
        assert!(matches!(
            document_from_bytes("x", "x.txt", b"\x01\x02\x03\x04abc"),
            Err(InputError::Binary { .. })
        ));
        assert!(matches!(
            document_from_bytes("x", "x.txt", b" \n\t\n"),
            Err(InputError::Empty { .. })
        ));
        let e = document_from_bytes("x", "dir/x.txt", b"").unwrap_err();
        assert!(e.to_string().contains("dir/x.txt"), "{e}");
    }

    #[test]
    fn jsonl_records_fields_and_errors() {
        let d = document_from_jsonl_line(
            r#"{"id":"a/1","text":"Hi.","title":"T","url":"u","date":"2020","extra":3}"#,
            "c.jsonl",
            "c",
            4,
        )
        .unwrap();
        assert_eq!(d.id, "a/1");
        assert_eq!(d.source, "c.jsonl:4");
        assert_eq!(
            (d.title.as_deref(), d.url.as_deref(), d.date.as_deref()),
            (Some("T"), Some("u"), Some("2020"))
        );
        let d = document_from_jsonl_line(r#"{"text":"Hi."}"#, "c.jsonl", "c", 7).unwrap();
        assert_eq!(d.id, "c-7");
        for (line, needle) in [
            (r#"{"text": "#, "bad JSON"),
            (r#"["x"]"#, "not a JSON object"),
            (r#"{"id":"a"}"#, "missing field `text`"),
            (r#"{"id":"a","text":"  "}"#, "`text` is empty"),
            (r#"{"id":5,"text":"x"}"#, "`id` must be a string"),
            (
                r#"{"id":"a","text":"x","title":["t"]}"#,
                "`title` must be a string",
            ),
        ] {
            let e = document_from_jsonl_line(line, "c.jsonl", "c", 9).unwrap_err();
            let msg = e.to_string();
            assert!(msg.starts_with("c.jsonl:9: "), "{msg}");
            assert!(msg.contains(needle), "{msg}");
            assert_eq!(e.line(), Some(9));
        }
    }

    #[test]
    fn wikinews_date_lines() {
        assert!(is_wikinews_date("Sunday, October 27, 2019"));
        assert!(is_wikinews_date("Thursday, July 4, 2019"));
        assert!(!is_wikinews_date("Sunday, the 27th"));
        assert!(!is_wikinews_date(
            "On Wednesday, the German government said"
        ));
    }
}
