//! SPARQL over an embedded in-memory oxigraph store.
//!
//! [`QueryEngine`] loads RDF files (format from the extension) and knowledge graphs (through
//! [`crate::export::rdf::graph_to_quads`]) and predeclares the ontology's prefixes (a `PREFIX` the
//! query declares itself wins). The default graph is the RDF merge of everything loaded: each quad
//! of a named graph is stored in its graph *and* in the default graph, so queries over
//! N-Quads/TriG exports need no `GRAPH` clause, and a fact stated in two documents is one triple
//! (oxigraph's own "default graph as union" mode would return it twice). `GRAPH ?g { ... }` still
//! sees the per-document graphs.
//! Results are materialized in a [`QueryOutput`] and written as an aligned text table (prefixed
//! names), SPARQL JSON, CSV, TSV or XML; CONSTRUCT/DESCRIBE results as Turtle with prefixes.

use crate::export::rdf::graph_to_quads;
use crate::graph::KnowledgeGraph;
use crate::ontology::Ontology;
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::vocab::xsd;
use oxigraph::model::{GraphName, Quad, Term, Triple, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// Errors of the query layer.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// The in-memory store failed.
    #[error("store: {0}")]
    Store(String),
    /// A data file could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A data file has an extension that names no RDF format.
    #[error("{path}: unknown RDF format (use .ttl, .nt, .nq, .trig, .rdf/.xml/.owl or .jsonld)")]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
    /// A data file does not parse.
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line (0 when unknown).
        line: u64,
        /// 1-based column (0 when unknown).
        column: u64,
        /// Parser message.
        message: String,
    },
    /// A knowledge graph could not be turned into RDF.
    #[error("knowledge graph: {0}")]
    Export(#[from] crate::export::ExportError),
    /// The query does not parse.
    #[error("SPARQL syntax error: {0}")]
    Syntax(String),
    /// The query failed while running.
    #[error("SPARQL evaluation error: {0}")]
    Evaluation(String),
    /// A results format name that is not known.
    #[error("unknown results format {0:?}; known: table, json, csv, tsv, xml")]
    UnknownResultsFormat(String),
    /// Writing the results failed.
    #[error("cannot write results: {0}")]
    Write(#[source] std::io::Error),
}

/// How query results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ResultsFormat {
    /// Aligned plain-text table with prefixed names (Turtle for graph results).
    #[default]
    Table,
    /// SPARQL 1.1 Query Results JSON (JSON-LD for graph results).
    Json,
    /// SPARQL 1.1 Query Results CSV (N-Triples for graph results).
    Csv,
    /// SPARQL 1.1 Query Results TSV (N-Triples for graph results).
    Tsv,
    /// SPARQL Query Results XML (RDF/XML for graph results).
    Xml,
}

impl FromStr for ResultsFormat {
    type Err = QueryError;
    fn from_str(s: &str) -> Result<Self, QueryError> {
        Ok(match s.trim().to_ascii_lowercase().as_str() {
            "table" | "text" => ResultsFormat::Table,
            "json" => ResultsFormat::Json,
            "csv" => ResultsFormat::Csv,
            "tsv" => ResultsFormat::Tsv,
            "xml" => ResultsFormat::Xml,
            _ => return Err(QueryError::UnknownResultsFormat(s.to_string())),
        })
    }
}

/// The materialized result of a query.
#[derive(Debug, Clone, PartialEq)]
pub enum QueryOutput {
    /// SELECT: variables and rows (one optional term per variable).
    Solutions {
        /// Projected variables in order.
        variables: Vec<Variable>,
        /// Rows.
        rows: Vec<Vec<Option<Term>>>,
        /// Prefixes used to shorten IRIs in the table.
        prefixes: BTreeMap<String, String>,
    },
    /// ASK.
    Boolean(bool),
    /// CONSTRUCT or DESCRIBE.
    Graph {
        /// The triples.
        triples: Vec<Triple>,
        /// Prefixes written in Turtle.
        prefixes: BTreeMap<String, String>,
    },
}

/// An in-memory SPARQL engine.
pub struct QueryEngine {
    store: Store,
    prefixes: BTreeMap<String, String>,
}

fn store_error(e: impl std::fmt::Display) -> QueryError {
    QueryError::Store(e.to_string())
}

/// The RDF format of a file, from its extension.
pub fn format_of_path(path: &Path) -> Option<RdfFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "ttl" => RdfFormat::Turtle,
        "nt" => RdfFormat::NTriples,
        "nq" => RdfFormat::NQuads,
        "trig" => RdfFormat::TriG,
        "rdf" | "xml" | "owl" => RdfFormat::RdfXml,
        "jsonld" => RdfFormat::JsonLd {
            profile: Default::default(),
        },
        _ => return None,
    })
}

impl QueryEngine {
    /// An empty engine with the ontology's prefixes predeclared.
    pub fn new(ontology: &Ontology) -> Result<Self, QueryError> {
        Ok(QueryEngine {
            store: Store::new().map_err(store_error)?,
            prefixes: ontology.prefixes.clone(),
        })
    }

    /// Number of quads stored (a quad of a named graph counts twice: in its graph and in the
    /// default graph).
    pub fn len(&self) -> Result<usize, QueryError> {
        self.store.len().map_err(store_error)
    }

    /// Whether nothing is loaded.
    pub fn is_empty(&self) -> Result<bool, QueryError> {
        self.store.is_empty().map_err(store_error)
    }

    /// Loads an RDF file (format from the extension: ttl, nt, nq, trig, rdf/xml/owl, jsonld).
    /// Blank nodes are renamed so that files never share one. Returns the number of quads parsed.
    /// On a syntax error nothing of the file is loaded.
    pub fn load_path(&mut self, path: &Path) -> Result<usize, QueryError> {
        let format = format_of_path(path).ok_or_else(|| QueryError::UnknownFormat {
            path: path.to_path_buf(),
        })?;
        let bytes = std::fs::read(path).map_err(|source| QueryError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let mut quads = Vec::new();
        for q in RdfParser::from_format(format)
            .rename_blank_nodes()
            .for_slice(&bytes)
        {
            let q = q.map_err(|e| {
                let (line, column) = e
                    .location()
                    .map(|r| (r.start.line + 1, r.start.column + 1))
                    .unwrap_or((0, 0));
                QueryError::Parse {
                    path: path.to_path_buf(),
                    line,
                    column,
                    message: e.to_string(),
                }
            })?;
            quads.push(q);
        }
        let n = quads.len();
        self.load_quads(quads)?;
        Ok(n)
    }

    /// Loads quads (each quad of a named graph also goes into the default graph).
    pub fn load_quads(&mut self, quads: impl IntoIterator<Item = Quad>) -> Result<(), QueryError> {
        let mut batch = Vec::new();
        for q in quads {
            if !q.graph_name.is_default_graph() {
                batch.push(Quad::new(
                    q.subject.clone(),
                    q.predicate.clone(),
                    q.object.clone(),
                    GraphName::DefaultGraph,
                ));
            }
            batch.push(q);
        }
        self.store.extend(batch).map_err(store_error)
    }

    /// Loads a knowledge graph as exported to RDF. Returns the number of quads.
    pub fn load_graph(
        &mut self,
        graph: &KnowledgeGraph,
        ontology: &Ontology,
    ) -> Result<usize, QueryError> {
        let quads = graph_to_quads(graph, ontology)?;
        let n = quads.len();
        self.load_quads(quads)?;
        Ok(n)
    }

    /// Runs a SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE).
    pub fn run(&self, sparql: &str) -> Result<QueryOutput, QueryError> {
        let mut evaluator = SparqlEvaluator::new();
        for (p, iri) in &self.prefixes {
            evaluator = evaluator
                .with_prefix(p, iri)
                .map_err(|e| QueryError::Syntax(format!("ontology prefix {p}: {e}")))?;
        }
        let prepared = evaluator
            .parse_query(sparql)
            .map_err(|e| QueryError::Syntax(e.to_string()))?;
        let eval =
            |e: oxigraph::sparql::QueryEvaluationError| QueryError::Evaluation(e.to_string());
        match prepared.on_store(&self.store).execute().map_err(eval)? {
            QueryResults::Solutions(solutions) => {
                let variables = solutions.variables().to_vec();
                let mut rows = Vec::new();
                for s in solutions {
                    let s = s.map_err(eval)?;
                    rows.push(variables.iter().map(|v| s.get(v).cloned()).collect());
                }
                Ok(QueryOutput::Solutions {
                    variables,
                    rows,
                    prefixes: self.prefixes.clone(),
                })
            }
            QueryResults::Boolean(b) => Ok(QueryOutput::Boolean(b)),
            QueryResults::Graph(triples) => Ok(QueryOutput::Graph {
                triples: triples.collect::<Result<_, _>>().map_err(eval)?,
                prefixes: self.prefixes.clone(),
            }),
        }
    }
}

/// Shortens an IRI with the longest matching prefix (`ng:condemns`), or writes `<iri>`.
pub fn prefixed(iri: &str, prefixes: &BTreeMap<String, String>) -> String {
    let best = prefixes
        .iter()
        .filter(|(_, ns)| iri.starts_with(ns.as_str()))
        .max_by_key(|(_, ns)| ns.len());
    if let Some((p, ns)) = best {
        let local = &iri[ns.len()..];
        if !local.is_empty()
            && local
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '/'))
            && !local.ends_with('.')
        {
            return format!("{p}:{local}");
        }
    }
    format!("<{iri}>")
}

fn escape_cell(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// A term as shown in the table: prefixed IRIs, bare numbers and booleans, quoted strings.
pub fn display_term(term: &Term, prefixes: &BTreeMap<String, String>) -> String {
    match term {
        Term::NamedNode(n) => prefixed(n.as_str(), prefixes),
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => {
            let v = escape_cell(l.value());
            if let Some(lang) = l.language() {
                format!("\"{v}\"@{lang}")
            } else {
                let dt = l.datatype();
                if dt == xsd::STRING {
                    format!("\"{v}\"")
                } else if [
                    xsd::INTEGER,
                    xsd::DECIMAL,
                    xsd::DOUBLE,
                    xsd::BOOLEAN,
                    xsd::NON_NEGATIVE_INTEGER,
                ]
                .contains(&dt)
                {
                    v
                } else {
                    format!("\"{v}\"^^{}", prefixed(dt.as_str(), prefixes))
                }
            }
        }
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

impl QueryOutput {
    /// Writes the output in a results format.
    pub fn write(&self, format: ResultsFormat, out: &mut dyn Write) -> Result<(), QueryError> {
        let w = QueryError::Write;
        match self {
            QueryOutput::Solutions {
                variables,
                rows,
                prefixes,
            } => match results_format(format) {
                None => write_table(variables, rows, prefixes, out).map_err(w),
                Some(f) => {
                    let mut ser = QueryResultsSerializer::from_format(f)
                        .serialize_solutions_to_writer(&mut *out, variables.clone())
                        .map_err(w)?;
                    for row in rows {
                        ser.serialize(
                            variables
                                .iter()
                                .zip(row)
                                .filter_map(|(v, t)| t.as_ref().map(|t| (v.as_ref(), t.as_ref()))),
                        )
                        .map_err(w)?;
                    }
                    ser.finish().map_err(w)?;
                    Ok(())
                }
            },
            QueryOutput::Boolean(b) => match results_format(format) {
                None => writeln!(out, "{b}").map_err(w),
                Some(f) => {
                    QueryResultsSerializer::from_format(f)
                        .serialize_boolean_to_writer(&mut *out, *b)
                        .map_err(w)?;
                    Ok(())
                }
            },
            QueryOutput::Graph { triples, prefixes } => {
                let rdf_format = match format {
                    ResultsFormat::Table => RdfFormat::Turtle,
                    ResultsFormat::Json => RdfFormat::JsonLd {
                        profile: Default::default(),
                    },
                    ResultsFormat::Csv | ResultsFormat::Tsv => RdfFormat::NTriples,
                    ResultsFormat::Xml => RdfFormat::RdfXml,
                };
                let mut ser = RdfSerializer::from_format(rdf_format);
                if rdf_format != RdfFormat::NTriples {
                    for (p, iri) in prefixes {
                        ser = ser
                            .with_prefix(p, iri)
                            .map_err(|e| QueryError::Syntax(format!("prefix {p}: {e}")))?;
                    }
                }
                let mut writer = ser.for_writer(&mut *out);
                for t in triples {
                    writer.serialize_triple(t).map_err(w)?;
                }
                writer.finish().map_err(w)?;
                Ok(())
            }
        }
    }
}

fn results_format(format: ResultsFormat) -> Option<QueryResultsFormat> {
    match format {
        ResultsFormat::Table => None,
        ResultsFormat::Json => Some(QueryResultsFormat::Json),
        ResultsFormat::Csv => Some(QueryResultsFormat::Csv),
        ResultsFormat::Tsv => Some(QueryResultsFormat::Tsv),
        ResultsFormat::Xml => Some(QueryResultsFormat::Xml),
    }
}

fn write_table(
    variables: &[Variable],
    rows: &[Vec<Option<Term>>],
    prefixes: &BTreeMap<String, String>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let header: Vec<String> = variables
        .iter()
        .map(|v| format!("?{}", v.as_str()))
        .collect();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|t| {
                    t.as_ref()
                        .map(|t| display_term(t, prefixes))
                        .unwrap_or_default()
                })
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |out: &mut dyn Write, row: &[String]| -> std::io::Result<()> {
        let mut s = String::new();
        for (i, (c, w)) in row.iter().zip(&widths).enumerate() {
            if i > 0 {
                s.push_str(" | ");
            }
            s.push_str(c);
            if i + 1 < row.len() {
                s.extend(std::iter::repeat_n(' ', w - c.chars().count()));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(out, &header)?;
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    writeln!(out, "{}", rule.join("-+-"))?;
    for row in &cells {
        line(out, row)?;
    }
    writeln!(
        out,
        "({} row{})",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iris_are_shortened_only_when_the_local_part_is_safe() {
        let mut p = BTreeMap::new();
        p.insert(
            "ng".to_string(),
            "https://newsgraph.dev/ontology#".to_string(),
        );
        p.insert("ngid".to_string(), "https://newsgraph.dev/id/".to_string());
        assert_eq!(
            prefixed("https://newsgraph.dev/ontology#condemns", &p),
            "ng:condemns"
        );
        assert_eq!(
            prefixed("https://newsgraph.dev/id/Country/Russia", &p),
            "ngid:Country/Russia"
        );
        assert_eq!(
            prefixed("https://newsgraph.dev/id/a(b)", &p),
            "<https://newsgraph.dev/id/a(b)>"
        );
        assert_eq!(prefixed("http://x.org/", &p), "<http://x.org/>");
    }

    #[test]
    fn results_format_names_parse() {
        assert_eq!("CSV".parse::<ResultsFormat>().unwrap(), ResultsFormat::Csv);
        assert!("yaml".parse::<ResultsFormat>().is_err());
    }
}
