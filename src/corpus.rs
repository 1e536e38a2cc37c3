//! Corpus-scale extraction: documents stream from a [`DocumentReader`](crate::document::DocumentReader)
//! (or any iterator of documents), are extracted in parallel over a rayon pool of `jobs` threads,
//! and are consumed **in input order**, so the output is byte-identical for any `jobs`.
//!
//! Ordering and memory: at most `jobs × BATCH_PER_THREAD` documents are in flight; each is
//! extracted on the pool as soon as a thread is free, and results are handed to the consumer in
//! input order (a reorder buffer holds those that finish early). Only that window of texts and
//! one-document graphs is in memory, whatever the corpus size.
//!
//! Two consumers:
//! - [`stream_documents`]: each document's output in a streamable format (N-Quads: its named
//!   graph plus the descriptions of its entities in the default graph; N-Triples; relation JSON
//!   Lines) goes to a sink as soon as its batch finishes. Nothing grows with the corpus except
//!   the table of entity labels ([`EntityLabels`]). The concatenation is the same RDF dataset as
//!   the whole-graph export (entity descriptions repeated across documents are identical
//!   triples; a dataset is a set).
//! - [`merge_graph`]: the one-document graphs are merged into one [`KnowledgeGraph`] in input
//!   order (memory proportional to the graph, not the text) for whole-graph formats.

use crate::document::{Document, InputError};
use crate::export::{self, ExportError, ExportOptions, Format};
use crate::graph::KnowledgeGraph;
use crate::ontology::Ontology;
use crate::pipeline::Extractor;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::time::{Duration, Instant};

/// Documents in flight per thread (enough to keep every thread busy across long documents).
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
    /// sum over documents of their edges for [`stream_documents`].
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

/// An observer that shows progress on stderr with indicatif (documents, MB, docs/s and, when the
/// input size is known, a bar with the ETA) and prints failures above the bar. Use it only when
/// stderr is a terminal.
#[derive(Debug)]
pub struct ProgressObserver {
    bar: indicatif::ProgressBar,
}

impl ProgressObserver {
    /// A progress display; `total_bytes` is the size of the input files when known (the bar
    /// follows the bytes of extracted text, a little less than the files' JSON).
    pub fn new(total_bytes: Option<u64>) -> ProgressObserver {
        let (bar, template) = match total_bytes {
            Some(total) => (
                indicatif::ProgressBar::new(total),
                "{spinner} [{elapsed_precise}] {bar:20} {percent:>3}% {msg} ETA {eta}",
            ),
            None => (
                indicatif::ProgressBar::new_spinner(),
                "{spinner} [{elapsed_precise}] {msg}",
            ),
        };
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(4));
        if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        bar.enable_steady_tick(Duration::from_millis(250));
        ProgressObserver { bar }
    }

    /// Removes the progress display.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Observer for ProgressObserver {
    fn failure(&mut self, failure: &DocumentFailure) {
        self.bar.suspend(|| eprintln!("newsgraph: {failure}"));
    }

    fn progress(&mut self, stats: &CorpusStats) {
        let secs = stats.elapsed.as_secs_f64().max(1e-9);
        self.bar.set_position(stats.bytes);
        let failed = match stats.failures {
            0 => String::new(),
            n => format!(", {n} failed"),
        };
        self.bar.set_message(format!(
            "{} docs, {:.1} MB, {:.0} docs/s{failed}",
            stats.documents,
            stats.bytes as f64 / 1e6,
            stats.documents as f64 / secs
        ));
    }
}

impl Drop for ProgressObserver {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}

/// The total size of the inputs in bytes, when every input is a file or a directory (not stdin).
pub fn input_size(inputs: &[crate::document::InputSpec]) -> Option<u64> {
    use crate::document::{InputSpec, list_txt_files};
    let mut total = 0;
    for spec in inputs {
        total += match spec {
            InputSpec::TextFile(p) | InputSpec::Jsonl(p) => std::fs::metadata(p).ok()?.len(),
            InputSpec::Dir { path, recursive } => list_txt_files(path, *recursive)
                .ok()?
                .iter()
                .filter_map(|f| std::fs::metadata(f).ok())
                .map(|m| m.len())
                .sum(),
            InputSpec::Stdin { .. } => return None,
        };
    }
    Some(total)
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

/// Runs `work` over the documents on the pool and hands each result, in input order, to
/// `consume`. Read errors go to the observer.
///
/// The calling thread reads documents and consumes results while the pool works: at most
/// `jobs × BATCH_PER_THREAD` documents are in flight, each extracted as soon as a thread is free,
/// and results wait in a reorder buffer until every earlier document is consumed. No thread
/// waits for a whole batch to finish, so threads stay busy whatever the document lengths.
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
    type Done<T> = (usize, Document, std::thread::Result<T>);
    let start = Instant::now();
    let pool = pool(jobs)?;
    let window = jobs.max(1) * BATCH_PER_THREAD;
    let mut stats = CorpusStats::default();
    let mut docs = docs.into_iter();
    let (sender, receiver) = std::sync::mpsc::channel::<Done<T>>();
    let work = &work;
    pool.in_place_scope(|scope| -> Result<(), CorpusError> {
        let (mut read, mut consumed) = (0usize, 0usize);
        let mut exhausted = false;
        let mut ready: BTreeMap<usize, (Document, std::thread::Result<T>)> = BTreeMap::new();
        loop {
            while !exhausted && read - consumed < window {
                match docs.next() {
                    None => exhausted = true,
                    Some(Err(e)) => {
                        stats.failures += 1;
                        observer.failure(&DocumentFailure::Input(e));
                    }
                    Some(Ok(doc)) => {
                        let sender = sender.clone();
                        let index = read;
                        read += 1;
                        scope.spawn(move |_| {
                            // a panic is carried to the calling thread, which re-raises it
                            let result =
                                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                                    work(&doc)
                                }));
                            let _ = sender.send((index, doc, result));
                        });
                    }
                }
            }
            if consumed == read {
                break;
            }
            while !ready.contains_key(&consumed) {
                let (index, doc, result) = receiver
                    .recv()
                    .expect("a document in flight always sends its result");
                ready.insert(index, (doc, result));
            }
            while let Some((doc, result)) = ready.remove(&consumed) {
                let result = result.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                stats.bytes += doc.text.len() as u64;
                consume(&doc, result, &mut stats, observer)?;
                consumed += 1;
                if consumed % BATCH_PER_THREAD == 0 {
                    stats.elapsed = start.elapsed();
                    observer.progress(&stats);
                }
            }
        }
        Ok(())
    })?;
    stats.elapsed = start.elapsed();
    observer.progress(&stats);
    Ok(stats)
}

/// Serializes one document's graph as N-Quads.
pub fn document_nquads(
    graph: &KnowledgeGraph,
    ontology: &Ontology,
) -> Result<Vec<u8>, ExportError> {
    document_bytes(graph, ontology, Format::NQuads)
}

/// Serializes one document's graph in a format (with default [`ExportOptions`]).
pub fn document_bytes(
    graph: &KnowledgeGraph,
    ontology: &Ontology,
    format: Format,
) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::with_capacity(16 * 1024);
    export::write(graph, ontology, format, &mut out, &ExportOptions::default())?;
    Ok(out)
}

/// The label each entity IRI was first written with in a run (or a dataset).
///
/// Documents exported separately could otherwise describe one entity with different labels when
/// spellings share an IRI; [`EntityLabels::harmonize`] makes a later document use the first label
/// (its own becomes an alias), which is what [`KnowledgeGraph::merge`] does in input order, so a
/// streamed corpus is the same dataset as the merged graph.
#[derive(Debug, Clone, Default)]
pub struct EntityLabels {
    labels: HashMap<String, String>,
}

impl EntityLabels {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a label already written (e.g. read back from a dataset); the first one stays.
    pub fn insert(&mut self, iri: &str, label: &str) {
        if !self.labels.contains_key(iri) {
            self.labels.insert(iri.to_string(), label.to_string());
        }
    }

    /// The label recorded for an IRI.
    pub fn get(&self, iri: &str) -> Option<&str> {
        self.labels.get(iri).map(String::as_str)
    }

    /// Number of entities seen.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Whether no entity was seen.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Gives the graph's entities the labels seen first and records the new ones; returns whether
    /// a label changed.
    pub fn harmonize(&mut self, graph: &mut KnowledgeGraph) -> bool {
        let mut changed = false;
        for node in graph.graph.node_weights_mut() {
            match self.labels.get(&node.iri) {
                Some(first) if *first != node.label => {
                    let own = std::mem::replace(&mut node.label, first.clone());
                    node.aliases.insert(own);
                    node.aliases.remove(first);
                    changed = true;
                }
                Some(_) => {}
                None => {
                    self.labels.insert(node.iri.clone(), node.label.clone());
                }
            }
        }
        changed
    }
}

/// Extracts every document and hands its output in `format` (a [`Format::is_streamable`] one) to
/// `sink` as its batch finishes, in input order. Entity labels are harmonized through `labels`
/// (see [`EntityLabels`]). A document that cannot be read or exported costs only that document
/// (reported to the observer); a sink error stops the run.
pub fn stream_documents<I>(
    docs: I,
    extractor: &Extractor<'_>,
    jobs: usize,
    format: Format,
    labels: &mut EntityLabels,
    sink: &mut dyn FnMut(&Document, &[u8]) -> std::io::Result<()>,
    observer: &mut dyn Observer,
) -> Result<CorpusStats, CorpusError>
where
    I: IntoIterator<Item = Result<Document, InputError>>,
{
    let ontology = extractor.ontology();
    let seen_before = labels.len();
    let work = |doc: &Document| {
        let graph = extractor.extract(doc);
        document_bytes(&graph, ontology, format).map(|bytes| (graph, bytes))
    };
    let mut stats = run_batches(
        docs,
        jobs,
        observer,
        work,
        |doc, result, stats, observer| {
            let exported = result.and_then(|(mut graph, bytes)| {
                // rare: a spelling that differs from the first one seen; export again
                let bytes = if labels.harmonize(&mut graph) {
                    document_bytes(&graph, ontology, format)?
                } else {
                    bytes
                };
                Ok((graph.relation_count(), bytes))
            });
            match exported {
                Ok((relations, bytes)) => {
                    sink(doc, &bytes).map_err(|error| CorpusError::Write {
                        document: doc.id.clone(),
                        error,
                    })?;
                    stats.documents += 1;
                    stats.relations += relations;
                    stats.entities = labels.len() - seen_before;
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
    stats.entities = labels.len() - seen_before;
    Ok(stats)
}

/// Extracts every document and writes its N-Quads to `out` as its batch finishes, in input order
/// (see [`stream_documents`]).
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
    let stats = stream_documents(
        docs,
        extractor,
        jobs,
        Format::NQuads,
        &mut EntityLabels::new(),
        &mut |_, bytes| out.write_all(bytes),
        observer,
    )?;
    out.flush().map_err(|error| CorpusError::Write {
        document: String::new(),
        error,
    })?;
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

    fn line_set(bytes: &[u8]) -> std::collections::BTreeSet<String> {
        String::from_utf8(bytes.to_vec())
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn streamed_nquads_are_the_merged_dataset_whatever_the_batches() {
        let ontology = Ontology::embedded().unwrap();
        let ex = Extractor::new(&ontology, Gazetteer::embedded());
        // one entity spelled two ways (one IRI), in documents that fall in different batches
        let mut docs: Vec<Document> = corpus().into_iter().map(Result::unwrap).collect();
        for (i, spelling) in ["Workers Party", "Workers' Party"].iter().enumerate() {
            docs.insert(
                i * 39,
                doc(
                    &format!("party{i}"),
                    &format!("The {spelling} condemned Russia. France supports the {spelling}."),
                ),
            );
        }
        let (merged, _) =
            merge_graph(docs.iter().cloned().map(Ok), &ex, 2, &mut Collect(vec![])).unwrap();
        let merged_quads = line_set(&document_nquads(&merged, &ontology).unwrap());
        for jobs in [1, 3] {
            let mut streamed = Vec::new();
            stream_nquads(
                docs.iter().cloned().map(Ok),
                &ex,
                jobs,
                &mut streamed,
                &mut Collect(vec![]),
            )
            .unwrap();
            assert_eq!(line_set(&streamed), merged_quads, "jobs {jobs}");
        }
    }

    #[test]
    fn harmonized_labels_follow_the_first_document() {
        let ontology = Ontology::embedded().unwrap();
        let ex = Extractor::new(&ontology, Gazetteer::embedded());
        let mut labels = EntityLabels::new();
        let iri = crate::graph::entity_iri("Country", "Russia");
        labels.insert(&iri, "Russia (first)");
        let mut g = ex.extract(&doc("a", "Russia condemned Kosovo."));
        assert!(labels.harmonize(&mut g));
        let node = g.entity(&iri).unwrap();
        assert_eq!(node.label, "Russia (first)");
        assert!(node.aliases.contains("Russia"));
        assert!(!labels.harmonize(&mut g), "a second pass changes nothing");
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
