//! Corpus-scale extraction: documents stream from a [`DocumentReader`](crate::document::DocumentReader)
//! (or any iterator of documents), are extracted in parallel over a rayon pool of `jobs` threads,
//! and are consumed **in input order**, so the output is byte-identical for any `jobs`.
//!
//! Ordering and memory: the stream is cut into batches of `jobs × BATCH_PER_THREAD` documents; a
//! batch is extracted in parallel (`par_iter` keeps the order of its results) and handed to the
//! consumer in order before the next batch is read. At most one batch of texts and one-document
//! graphs is in memory, whatever the corpus size.
//!
//! Two consumers:
//! - [`stream_nquads`]: each document's N-Quads (its named graph plus the descriptions of its
//!   entities in the default graph) are written as soon as its batch finishes. Nothing grows with
//!   the corpus except a set of entity IRIs for the summary. The concatenation is the same RDF
//!   dataset as the whole-graph export (entity descriptions repeated across documents are
//!   identical triples; a dataset is a set).
//! - [`merge_graph`]: the one-document graphs are merged into one [`KnowledgeGraph`] in input
//!   order (memory proportional to the graph, not the text) for whole-graph formats.

use crate::document::{Document, InputError};
use crate::export::{ExportError, Format, rdf};
use crate::graph::KnowledgeGraph;
use crate::ontology::Ontology;
use crate::pipeline::Extractor;
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::Write;
use std::time::{Duration, Instant};

/// Documents per thread in one batch (enough to balance long and short documents).
pub const BATCH_PER_THREAD: usize = 16;

/// Errors of the corpus layer.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The rayon pool could not be built.
    #[error("cannot start {jobs} worker threads: {message}")]
    Pool {
        /// Requested threads.
        jobs: usize,
        /// The reason.
        message: String,
    },
    /// Writing the output failed (fatal: the run stops).
    #[error("writing the output after document {document:?}: {error}")]
    Write {
        /// The last document whose output was being written.
        document: String,
        /// The I/O error.
        #[source]
        error: std::io::Error,
    },
}

/// A per-document failure: unreadable input or a document whose output could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum DocumentFailure {
    /// The document could not be read (see [`InputError`]; names the file and line).
    #[error("{0}")]
    Input(#[from] InputError),
    /// The document was read and extracted but could not be exported.
    #[error("document {document:?}: {error}")]
    Export {
        /// Document id.
        document: String,
        /// The export error.
        error: ExportError,
    },
}

/// What a corpus run did (the summary line).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CorpusStats {
    /// Documents extracted and written.
    pub documents: usize,
    /// Documents that failed (reported through the callback).
    pub failures: usize,
    /// Bytes of document text (UTF-8) extracted.
    pub bytes: u64,
    /// Distinct entities.
    pub entities: usize,
    /// Relations: distinct (subject, predicate, object, polarity) edges for [`merge_graph`]; the
    /// sum over documents of their edges for [`stream_nquads`].
    pub relations: usize,
    /// Wall-clock time.
    pub elapsed: Duration,
}

impl std::fmt::Display for CorpusStats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let secs = self.elapsed.as_secs_f64();
        write!(
            f,
            "{} documents, {} failed, {} entities, {} relations, {:.1} MB in {:.2} s ({:.2} MB/s, {:.0} docs/s)",
            self.documents,
            self.failures,
            self.entities,
            self.relations,
            self.bytes as f64 / 1e6,
            secs,
            self.bytes as f64 / 1e6 / secs.max(1e-9),
            self.documents as f64 / secs.max(1e-9),
        )
    }
}

/// Observes a run: failures as they happen and progress after each batch.
pub trait Observer {
    /// A document failed; the run goes on.
    fn failure(&mut self, failure: &DocumentFailure);
    /// A batch was written: running totals.
    fn progress(&mut self, _stats: &CorpusStats) {}
}

/// An observer that prints failures on stderr (`newsgraph: <failure>`).
#[derive(Debug, Default)]
pub struct StderrObserver;

impl Observer for StderrObserver {
    fn failure(&mut self, failure: &DocumentFailure) {
        eprintln!("newsgraph: {failure}");
    }
}

/// Default number of threads: all cores.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}

fn pool(jobs: usize) -> Result<rayon::ThreadPool, CorpusError> {
    let jobs = jobs.max(1);
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("newsgraph-{i}"))
        .build()
        .map_err(|e| CorpusError::Pool {
            jobs,
            message: e.to_string(),
        })
}

/// Runs `work` over the documents in ordered parallel batches and hands each result, in input
/// order, to `consume`. Read errors go to the observer.
fn run_batches<I, T, W, C>(
    docs: I,
    jobs: usize,
    observer: &mut dyn Observer,
    work: W,
    mut consume: C,
) -> Result<CorpusStats, CorpusError>
where
    I: IntoIterator<Item = Result<Document, InputError>>,
    T: Send,
    W: Fn(&Document) -> T + Sync,
    C: FnMut(&Document, T, &mut CorpusStats, &mut dyn Observer) -> Result<(), CorpusError>,
{
    let start = Instant::now();
    let pool = pool(jobs)?;
    let batch_size = jobs.max(1) * BATCH_PER_THREAD;
    let mut stats = CorpusStats::default();
    let mut docs = docs.into_iter();
    let mut batch: Vec<Document> = Vec::with_capacity(batch_size);
    loop {
        batch.clear();
        for item in docs.by_ref() {
            match item {
                Ok(doc) => {
                    batch.push(doc);
                    if batch.len() == batch_size {
                        break;
                    }
                }
                Err(e) => {
                    stats.failures += 1;
                    observer.failure(&DocumentFailure::Input(e));
                }
            }
        }
        if batch.is_empty() {
            break;
        }
        let results: Vec<T> = pool.install(|| batch.par_iter().map(&work).collect());
        for (doc, result) in batch.iter().zip(results) {
            stats.bytes += doc.text.len() as u64;
            consume(doc, result, &mut stats, observer)?;
        }
        stats.elapsed = start.elapsed();
        observer.progress(&stats);
    }
    stats.elapsed = start.elapsed();
    Ok(stats)
}

/// Serializes one document's graph as N-Quads.
pub fn document_nquads(
    graph: &KnowledgeGraph,
    ontology: &Ontology,
) -> Result<Vec<u8>, ExportError> {
    let quads = rdf::graph_to_quads(graph, ontology)?;
    let mut out = Vec::with_capacity(quads.len() * 160);
    rdf::write_quads(&quads, ontology, Format::NQuads, &mut out)?;
    Ok(out)
}

/// Extracts every document and writes its N-Quads to `out` as its batch finishes, in input order.
/// A document that cannot be read or exported costs only that document (reported to the
/// observer); a write error stops the run.
pub fn stream_nquads<I>(
    docs: I,
    extractor: &Extractor<'_>,
    jobs: usize,
    out: &mut dyn Write,
    observer: &mut dyn Observer,
) -> Result<CorpusStats, CorpusError>
where
    I: IntoIterator<Item = Result<Document, InputError>>,
{
    let ontology = extractor.ontology();
    let mut entities: HashSet<String> = HashSet::new();
    let work = |doc: &Document| {
        let graph = extractor.extract(doc);
        let iris: Vec<String> = graph.entities().iter().map(|e| e.iri.clone()).collect();
        let relations = graph.relation_count();
        document_nquads(&graph, ontology).map(|bytes| (bytes, iris, relations))
    };
    let mut stats = run_batches(
        docs,
        jobs,
        observer,
        work,
        |doc, result, stats, observer| {
            match result {
                Ok((bytes, iris, relations)) => {
                    out.write_all(&bytes).map_err(|error| CorpusError::Write {
                        document: doc.id.clone(),
                        error,
                    })?;
                    stats.documents += 1;
                    stats.relations += relations;
                    for iri in iris {
                        if !entities.contains(&iri) {
                            entities.insert(iri);
                        }
                    }
                    stats.entities = entities.len();
                }
                Err(error) => {
                    stats.failures += 1;
                    observer.failure(&DocumentFailure::Export {
                        document: doc.id.clone(),
                        error,
                    });
                }
            }
            Ok(())
        },
    )?;
    out.flush().map_err(|error| CorpusError::Write {
        document: String::new(),
        error,
    })?;
    stats.entities = entities.len();
    Ok(stats)
}

/// Extracts every document in parallel and merges the one-document graphs in input order into one
/// canonicalized graph (identical for any `jobs`).
pub fn merge_graph<I>(
    docs: I,
    extractor: &Extractor<'_>,
    jobs: usize,
    observer: &mut dyn Observer,
) -> Result<(KnowledgeGraph, CorpusStats), CorpusError>
where
    I: IntoIterator<Item = Result<Document, InputError>>,
{
    let mut graph = KnowledgeGraph::new();
    let mut stats = run_batches(
        docs,
        jobs,
        observer,
        |doc| extractor.extract(doc),
        |_, g, stats, _| {
            graph.merge(g);
            stats.documents += 1;
            Ok(())
        },
    )?;
    graph.canonicalize();
    stats.entities = graph.entity_count();
    stats.relations = graph.relation_count();
    Ok((graph, stats))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::gazetteer::Gazetteer;

    fn doc(id: &str, text: &str) -> Document {
        Document {
            id: id.into(),
            title: None,
            source: format!("{id}.txt"),
            url: None,
            date: None,
            text: text.into(),
        }
    }

    struct Collect(Vec<String>);
    impl Observer for Collect {
        fn failure(&mut self, f: &DocumentFailure) {
            self.0.push(f.to_string());
        }
    }

    fn corpus() -> Vec<Result<Document, InputError>> {
        (0..40)
            .map(|i| {
                Ok(doc(
                    &format!("d{i}"),
                    &format!(
                        "Russia condemned the decision of Kosovo number {i}. France supports the European Union."
                    ),
                ))
            })
            .collect()
    }

    #[test]
    fn nquads_are_identical_for_one_and_three_jobs() {
        let ontology = Ontology::embedded().unwrap();
        let ex = Extractor::new(&ontology, Gazetteer::embedded());
        let mut a = Vec::new();
        let mut b = Vec::new();
        let sa = stream_nquads(corpus(), &ex, 1, &mut a, &mut Collect(vec![])).unwrap();
        let sb = stream_nquads(corpus(), &ex, 3, &mut b, &mut Collect(vec![])).unwrap();
        assert!(!a.is_empty());
        assert_eq!(a, b);
        assert_eq!(sa.documents, 40);
        assert_eq!(sa.documents, sb.documents);
        assert_eq!(sa.entities, sb.entities);
    }

    #[test]
    fn merged_graph_is_identical_for_any_jobs() {
        let ontology = Ontology::embedded().unwrap();
        let ex = Extractor::new(&ontology, Gazetteer::embedded());
        let (g1, s1) = merge_graph(corpus(), &ex, 1, &mut Collect(vec![])).unwrap();
        let (g2, s2) = merge_graph(corpus(), &ex, 2, &mut Collect(vec![])).unwrap();
        assert_eq!(
            document_nquads(&g1, &ontology).unwrap(),
            document_nquads(&g2, &ontology).unwrap()
        );
        assert_eq!(s1.entities, s2.entities);
        assert!(s1.entities >= 3);
    }

    #[test]
    fn a_bad_document_costs_only_itself() {
        let ontology = Ontology::embedded().unwrap();
        let ex = Extractor::new(&ontology, Gazetteer::embedded());
        let mut docs = corpus();
        docs.insert(
            7,
            Err(InputError::Malformed {
                source_name: "c.jsonl".into(),
                line: 8,
                message: "expected value".into(),
            }),
        );
        let mut seen = Collect(vec![]);
        let mut out = Vec::new();
        let stats = stream_nquads(docs, &ex, 2, &mut out, &mut seen).unwrap();
        assert_eq!(stats.documents, 40);
        assert_eq!(stats.failures, 1);
        assert_eq!(seen.0.len(), 1);
        assert!(seen.0[0].contains("c.jsonl:8"), "{:?}", seen.0);
    }
}
