//! Exporters: one module per format, behind [`write()`] (one format to a writer) and
//! [`write_to_dir`] (several formats to `DIR/graph.<ext>`, each written atomically).
//!
//! | format | module | content |
//! |---|---|---|
//! | `ttl`, `nt`, `nq`, `trig`, `rdf` | [`rdf`] | the quads of [`rdf::graph_to_quads`] through oxigraph's serializers |
//! | `jsonld` | [`jsonld`] | the same graph as compact JSON-LD with the context of `ontology/context.jsonld` |
//! | `json` | [`json`] | networkx node-link JSON (`schema/graph.schema.json`) |
//! | `cyjs` | [`cyjs`] | Cytoscape.js elements JSON |
//! | `dot` | [`dot`] | Graphviz DOT, one cluster per entity type |
//! | `svg`, `png` | [`render`] | the DOT rendered by Graphviz's `dot` binary |
//! | `jsonl` | [`jsonl`] | one JSON object per relation mention (not part of `all`) |
//!
//! Exports are deterministic: no wall-clock time unless [`ExportOptions::timestamp`] is set, so
//! running the same input twice gives byte-identical files.

pub mod cyjs;
pub mod dot;
pub mod json;
pub mod jsonl;
pub mod jsonld;
pub mod rdf;
pub mod render;
pub mod shacl;

use crate::graph::KnowledgeGraph;
use crate::ontology::Ontology;
use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// RDF Turtle (`ttl`).
    Turtle,
    /// RDF N-Triples (`nt`).
    NTriples,
    /// RDF N-Quads with one named graph per document (`nq`).
    NQuads,
    /// RDF TriG with one named graph per document (`trig`).
    TriG,
    /// RDF/XML (`rdf`).
    RdfXml,
    /// Compact JSON-LD (`jsonld`).
    JsonLd,
    /// networkx node-link JSON (`json`).
    NodeLinkJson,
    /// Cytoscape.js elements JSON (`cyjs`).
    CytoscapeJson,
    /// Graphviz DOT (`dot`).
    Dot,
    /// SVG rendered by Graphviz (`svg`).
    Svg,
    /// PNG rendered by Graphviz (`png`).
    Png,
    /// JSON Lines, one object per relation mention (`jsonl`; not part of [`Format::ALL`]).
    RelationsJsonl,
}

impl Format {
    /// Every format, in the order of the table above.
    pub const ALL: [Format; 11] = [
        Format::Turtle,
        Format::NTriples,
        Format::NQuads,
        Format::TriG,
        Format::RdfXml,
        Format::JsonLd,
        Format::NodeLinkJson,
        Format::CytoscapeJson,
        Format::Dot,
        Format::Svg,
        Format::Png,
    ];

    /// Human-readable name ("Turtle", "N-Quads", ...).
    pub fn name(self) -> &'static str {
        match self {
            Format::Turtle => "Turtle",
            Format::NTriples => "N-Triples",
            Format::NQuads => "N-Quads",
            Format::TriG => "TriG",
            Format::RdfXml => "RDF/XML",
            Format::JsonLd => "JSON-LD",
            Format::NodeLinkJson => "node-link JSON",
            Format::CytoscapeJson => "Cytoscape.js JSON",
            Format::Dot => "Graphviz DOT",
            Format::Svg => "SVG",
            Format::Png => "PNG",
            Format::RelationsJsonl => "relation JSON Lines",
        }
    }

    /// File extension without the dot; also the name accepted by [`FromStr`] and `--format`.
    pub fn file_extension(self) -> &'static str {
        match self {
            Format::Turtle => "ttl",
            Format::NTriples => "nt",
            Format::NQuads => "nq",
            Format::TriG => "trig",
            Format::RdfXml => "rdf",
            Format::JsonLd => "jsonld",
            Format::NodeLinkJson => "json",
            Format::CytoscapeJson => "cyjs",
            Format::Dot => "dot",
            Format::Svg => "svg",
            Format::Png => "png",
            Format::RelationsJsonl => "jsonl",
        }
    }

    /// IANA media type.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Turtle => "text/turtle",
            Format::NTriples => "application/n-triples",
            Format::NQuads => "application/n-quads",
            Format::TriG => "application/trig",
            Format::RdfXml => "application/rdf+xml",
            Format::JsonLd => "application/ld+json",
            Format::NodeLinkJson | Format::CytoscapeJson => "application/json",
            Format::Dot => "text/vnd.graphviz",
            Format::Svg => "image/svg+xml",
            Format::Png => "image/png",
            Format::RelationsJsonl => "application/jsonl",
        }
    }

    /// Whether the output is RDF (one of the oxigraph-backed formats).
    pub fn is_rdf(self) -> bool {
        matches!(
            self,
            Format::Turtle
                | Format::NTriples
                | Format::NQuads
                | Format::TriG
                | Format::RdfXml
                | Format::JsonLd
        )
    }

    /// Whether the format can be written document by document as a corpus streams (the
    /// concatenation of the documents' outputs is the output of the whole corpus).
    pub fn is_streamable(self) -> bool {
        matches!(
            self,
            Format::NQuads | Format::NTriples | Format::RelationsJsonl
        )
    }

    /// Whether the format needs Graphviz's `dot` binary.
    pub fn needs_graphviz(self) -> bool {
        matches!(self, Format::Svg | Format::Png)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.file_extension())
    }
}

impl FromStr for Format {
    type Err = ExportError;

    /// Parses an extension name (`ttl`, `nt`, `nq`, `trig`, `rdf`, `jsonld`, `json`, `cyjs`, `dot`,
    /// `svg`, `png`), case-insensitively, plus the aliases `turtle`, `ntriples`, `nquads`, `xml`,
    /// `rdfxml`, `json-ld`, `cytoscape`, `gv`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        if let Some(f) = Format::ALL
            .iter()
            .find(|f| f.file_extension() == lower)
            .copied()
        {
            return Ok(f);
        }
        Ok(match lower.as_str() {
            "turtle" => Format::Turtle,
            "ntriples" | "n-triples" => Format::NTriples,
            "nquads" | "n-quads" => Format::NQuads,
            "xml" | "rdfxml" | "rdf/xml" => Format::RdfXml,
            "json-ld" => Format::JsonLd,
            "cytoscape" => Format::CytoscapeJson,
            "gv" => Format::Dot,
            "jsonl" | "ndjson" | "json-lines" => Format::RelationsJsonl,
            _ => {
                return Err(ExportError::UnknownFormat {
                    name: s.to_string(),
                });
            }
        })
    }
}

/// Parses a `--format` list: comma-separated names (see [`Format::from_str`]) or `all`.
/// Whitespace around names is ignored, duplicates are dropped (first position kept).
pub fn parse_format_list(list: &str) -> Result<Vec<Format>, ExportError> {
    let mut out: Vec<Format> = Vec::new();
    for part in list.split(',') {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let formats: Vec<Format> = if part.eq_ignore_ascii_case("all") {
            Format::ALL.to_vec()
        } else {
            vec![part.parse()?]
        };
        for f in formats {
            if !out.contains(&f) {
                out.push(f);
            }
        }
    }
    if out.is_empty() {
        return Err(ExportError::UnknownFormat {
            name: list.to_string(),
        });
    }
    Ok(out)
}

/// Options shared by every exporter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// Names the software that produced the export ("newsgraph 0.1.0"): the PROV software agent,
    /// the `graph.generator` of the JSON, the DOT graph label.
    pub generator: String,
    /// Run timestamp (an `xsd:dateTime`, e.g. "2026-11-28T15:00:00Z") written as
    /// `prov:startedAtTime` of the run. `None` (the default) keeps exports byte-identical between runs.
    pub timestamp: Option<String>,
    /// The Graphviz `dot` command used for SVG and PNG (default "dot", looked up on PATH).
    pub graphviz_dot: String,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            generator: format!("newsgraph {}", env!("CARGO_PKG_VERSION")),
            timestamp: None,
            graphviz_dot: "dot".to_string(),
        }
    }
}

/// Errors of the export layer. Every variant names the format or the item it happened at.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A `--format` name that is not a known format.
    #[error(
        "unknown export format {name:?}; known: ttl, nt, nq, trig, rdf, jsonld, json, cyjs, dot, svg, png (or all), jsonl"
    )]
    UnknownFormat {
        /// What was given.
        name: String,
    },
    /// Writing the output failed.
    #[error("{format}: write failed: {source}")]
    Write {
        /// The format being written.
        format: Format,
        /// The I/O error.
        #[source]
        source: io::Error,
    },
    /// Creating, writing or renaming a file of [`write_to_dir`] failed.
    #[error("{format}: cannot write {path}: {source}")]
    File {
        /// The format being written.
        format: Format,
        /// The file (or directory) concerned.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: io::Error,
    },
    /// An IRI in the graph is not a valid IRI.
    #[error("{what}: invalid IRI {iri:?}: {message}")]
    InvalidIri {
        /// Where it was found ("entity ...", "relation ... subject", "document ... url").
        what: String,
        /// The offending IRI.
        iri: String,
        /// Parser message.
        message: String,
    },
    /// [`ExportOptions::timestamp`] is not an `xsd:dateTime`.
    #[error("run timestamp {value:?} is not an xsd:dateTime (e.g. 2026-11-28T15:00:00Z)")]
    InvalidTimestamp {
        /// The value given.
        value: String,
    },
    /// An entity's class is not defined by the ontology.
    #[error("entity {iri}: class {class:?} is not defined by the ontology ({ontology})")]
    UnknownClass {
        /// Entity IRI.
        iri: String,
        /// The class local name.
        class: String,
        /// Ontology source name.
        ontology: String,
    },
    /// A relation's predicate is not defined by the ontology.
    #[error(
        "relation {subject} {predicate} {object}: predicate {predicate:?} is not defined by the ontology ({ontology})"
    )]
    UnknownPredicate {
        /// Subject IRI.
        subject: String,
        /// Predicate local name.
        predicate: String,
        /// Object IRI.
        object: String,
        /// Ontology source name.
        ontology: String,
    },
    /// The data cannot be written in this format (e.g. an IRI JSON-LD would misread).
    #[error("{format}: cannot represent {what}")]
    Unrepresentable {
        /// The format.
        format: Format,
        /// What cannot be written.
        what: String,
    },
    /// The JSON-LD context (`ontology/context.jsonld`) is malformed.
    #[error("JSON-LD context: {message}")]
    Context {
        /// What is wrong.
        message: String,
    },
    /// Graphviz is not installed.
    #[error(
        "Graphviz `dot` not found on PATH; install it (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz)"
    )]
    GraphvizMissing,
    /// Graphviz ran but failed.
    #[error("{format}: Graphviz `dot` failed ({status}): {stderr}")]
    Graphviz {
        /// The format being rendered.
        format: Format,
        /// Exit status.
        status: String,
        /// What `dot` printed on stderr (trimmed).
        stderr: String,
    },
    /// Some formats of [`write_to_dir`] failed; the others were written.
    #[error("{} of {} export formats failed: {}", failures.len(), failures.len() + written.len(), failures.iter().map(|(f, e)| format!("[{f}] {e}")).collect::<Vec<_>>().join("; "))]
    Partial {
        /// Files that were written.
        written: Vec<PathBuf>,
        /// Each failed format with its error.
        failures: Vec<(Format, ExportError)>,
    },
}

impl ExportError {
    pub(crate) fn write(format: Format) -> impl FnOnce(io::Error) -> ExportError {
        move |source| ExportError::Write { format, source }
    }
}

/// What several formats share, computed at most once per [`write_to_dir`].
#[derive(Default)]
struct Prepared {
    quads: Option<Vec<oxigraph::model::Quad>>,
    dot: Option<String>,
}

impl Prepared {
    fn quads(
        &mut self,
        graph: &KnowledgeGraph,
        ontology: &Ontology,
        opts: &ExportOptions,
    ) -> Result<&[oxigraph::model::Quad], ExportError> {
        if self.quads.is_none() {
            self.quads = Some(rdf::graph_to_quads_with(graph, ontology, opts)?);
        }
        Ok(self.quads.as_deref().unwrap_or_default())
    }

    fn dot(&mut self, graph: &KnowledgeGraph, ontology: &Ontology, opts: &ExportOptions) -> &str {
        self.dot
            .get_or_insert_with(|| dot::to_dot(graph, ontology, opts))
            .as_str()
    }
}

/// Writes a serializable value as pretty-printed JSON with a trailing newline (json, cyjs).
pub(crate) fn write_pretty_json<T: serde::Serialize>(
    value: &T,
    format: Format,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(|e| ExportError::Write {
        format,
        source: std::io::Error::other(e),
    })?;
    out.write_all(b"\n").map_err(ExportError::write(format))
}

/// Writes the graph in one format.
pub fn write(
    graph: &KnowledgeGraph,
    ontology: &Ontology,
    format: Format,
    out: &mut dyn Write,
    opts: &ExportOptions,
) -> Result<(), ExportError> {
    write_prepared(graph, ontology, format, out, opts, &mut Prepared::default())
}

fn write_prepared(
    graph: &KnowledgeGraph,
    ontology: &Ontology,
    format: Format,
    out: &mut dyn Write,
    opts: &ExportOptions,
    prepared: &mut Prepared,
) -> Result<(), ExportError> {
    match format {
        Format::Turtle | Format::NTriples | Format::NQuads | Format::TriG | Format::RdfXml => {
            let quads = prepared.quads(graph, ontology, opts)?;
            rdf::write_quads(quads, ontology, format, out)
        }
        Format::JsonLd => {
            let quads = prepared.quads(graph, ontology, opts)?;
            jsonld::write_quads(quads, out)
        }
        Format::NodeLinkJson => json::write(graph, opts, out),
        Format::CytoscapeJson => cyjs::write(graph, ontology, out),
        Format::RelationsJsonl => jsonl::write(graph, ontology, out),
        Format::Dot => {
            let text = prepared.dot(graph, ontology, opts);
            out.write_all(text.as_bytes())
                .map_err(ExportError::write(format))
        }
        Format::Svg | Format::Png => {
            let text = prepared.dot(graph, ontology, opts).to_string();
            render::render(&text, format, &opts.graphviz_dot, out)
        }
    }
}

/// The file name of a format in [`write_to_dir`]: `graph.<ext>`.
pub fn file_name(format: Format) -> String {
    format!("graph.{}", format.file_extension())
}

/// Writes `DIR/graph.<ext>` for each format (creating DIR if needed) and returns the written paths
/// in the order of `formats`.
///
/// Each file is written atomically: to a temporary file in DIR, flushed and synced, then renamed
/// over the target. A reader never sees a half-written file, and a failed format leaves its
/// previous file untouched and no temporary file behind. When some formats fail, the others are
/// still written and the error is [`ExportError::Partial`], naming each failed format.
pub fn write_to_dir(
    graph: &KnowledgeGraph,
    ontology: &Ontology,
    formats: &[Format],
    dir: &Path,
    opts: &ExportOptions,
) -> Result<Vec<PathBuf>, ExportError> {
    let mut prepared = Prepared::default();
    let mut written = Vec::new();
    let mut failures = Vec::new();
    let mut seen = Vec::new();
    for &format in formats {
        if seen.contains(&format) {
            continue;
        }
        seen.push(format);
        match write_file_atomically(graph, ontology, format, dir, opts, &mut prepared) {
            Ok(path) => written.push(path),
            Err(e) => failures.push((format, e)),
        }
    }
    if failures.is_empty() {
        Ok(written)
    } else {
        Err(ExportError::Partial { written, failures })
    }
}

fn write_file_atomically(
    graph: &KnowledgeGraph,
    ontology: &Ontology,
    format: Format,
    dir: &Path,
    opts: &ExportOptions,
    prepared: &mut Prepared,
) -> Result<PathBuf, ExportError> {
    let file_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ExportError::File {
            format,
            path,
            source,
        }
    };
    std::fs::create_dir_all(dir).map_err(file_error(dir))?;
    let target = dir.join(file_name(format));
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{}.", file_name(format)))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(file_error(dir))?;
    {
        let mut buffered = io::BufWriter::new(tmp.as_file());
        // On error the temporary file is dropped, which deletes it.
        write_prepared(graph, ontology, format, &mut buffered, opts, prepared)?;
        buffered.flush().map_err(file_error(tmp.path()))?;
    }
    tmp.as_file().sync_all().map_err(file_error(tmp.path()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // tempfile creates 0600 files; exports are meant to be shared like any other output.
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o644))
            .map_err(file_error(tmp.path()))?;
    }
    tmp.persist(&target)
        .map_err(|e| file_error(&target)(e.error))?;
    Ok(target)
}

/// A small, stable (version-independent) 64-bit FNV-1a hash, used to mint deterministic IRIs.
pub(crate) fn stable_hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0xff)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_round_trips_through_its_extension() {
        for f in Format::ALL.into_iter().chain([Format::RelationsJsonl]) {
            assert_eq!(f.file_extension().parse::<Format>().unwrap(), f);
            assert_eq!(f.to_string(), f.file_extension());
            assert!(!f.name().is_empty() && f.media_type().contains('/'));
        }
        assert_eq!("TTL".parse::<Format>().unwrap(), Format::Turtle);
        assert_eq!("json-ld".parse::<Format>().unwrap(), Format::JsonLd);
        assert!("docx".parse::<Format>().is_err());
    }

    #[test]
    fn format_lists_parse_dedupe_and_expand_all() {
        assert_eq!(
            parse_format_list("ttl, nt,ttl,png").unwrap(),
            vec![Format::Turtle, Format::NTriples, Format::Png]
        );
        assert_eq!(parse_format_list("all").unwrap(), Format::ALL.to_vec());
        let err = parse_format_list("ttl,xyz").unwrap_err();
        assert!(err.to_string().contains("\"xyz\""), "{err}");
        assert!(parse_format_list(" , ").is_err());
    }

    #[test]
    fn stable_hash_is_stable_and_separates_parts() {
        assert_eq!(stable_hash(&["a", "b"]), stable_hash(&["a", "b"]));
        assert_ne!(stable_hash(&["ab", ""]), stable_hash(&["a", "b"]));
        // A fixed value: the hash must never change between versions (it is part of IRIs).
        assert_eq!(stable_hash(&[]), 0xcbf2_9ce4_8422_2325);
    }
}
