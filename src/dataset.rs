//! An incremental RDF dataset on disk: one N-Quads file per document, so documents can be added,
//! replaced and removed without re-extracting the corpus (`newsgraph extract --into DATASET`).
//!
//! ```text
//! DATASET/
//!   documents/<slug>-<hash>.nq   one document: its named graph and, in the default graph, the
//!                                descriptions of its entities (what `extract -f nq` writes for it)
//!   dataset.nq                   the union of the documents (default-graph quads deduplicated),
//!                                rewritten after every change: load it into a store
//! ```
//!
//! A document's file name comes from its id (a readable slug plus a hash of the exact id), so the
//! same id always lands in the same file: extracting a document again replaces its contribution,
//! and removing it deletes its file. An entity described by no remaining document disappears from
//! the union. Every file is written to a temporary file in the same directory and renamed over the
//! target, so readers never see a half-written file and a failed run leaves the dataset as it was.

use crate::corpus::EntityLabels;
use crate::export::stable_hash;
use crate::graph::slug;
use crate::ontology::ENTITY_BASE;
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::vocab::rdfs;
use oxigraph::model::{GraphName, NamedOrBlankNode, Quad, Term};
use std::collections::HashSet;
use std::io::{self, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Name of the union file inside a dataset directory.
pub const UNION_FILE: &str = "dataset.nq";
/// Name of the directory of per-document files.
pub const DOCUMENTS_DIR: &str = "documents";

/// Errors of the dataset layer; each names the file concerned.
#[derive(Debug, thiserror::Error)]
pub enum DatasetError {
    /// A file or directory could not be read, written, renamed or removed.
    #[error("dataset {path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: io::Error,
    },
    /// A document file is not valid N-Quads.
    #[error("dataset {path}: not valid N-Quads: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// Parser message.
        message: String,
    },
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> DatasetError + '_ {
    move |source| DatasetError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// A dataset directory (see the module documentation).
#[derive(Debug, Clone)]
pub struct Dataset {
    dir: PathBuf,
}

impl Dataset {
    /// Opens a dataset directory, creating it when absent.
    pub fn open(dir: &Path) -> Result<Dataset, DatasetError> {
        let docs = dir.join(DOCUMENTS_DIR);
        std::fs::create_dir_all(&docs).map_err(io_error(&docs))?;
        Ok(Dataset {
            dir: dir.to_path_buf(),
        })
    }

    /// The dataset directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The union file (`DATASET/dataset.nq`).
    pub fn union_path(&self) -> PathBuf {
        self.dir.join(UNION_FILE)
    }

    /// The file holding one document's quads.
    pub fn document_path(&self, id: &str) -> PathBuf {
        let readable: String = slug(id).chars().take(60).collect();
        self.dir
            .join(DOCUMENTS_DIR)
            .join(format!("{readable}-{:016x}.nq", stable_hash(&[id])))
    }

    /// Adds or replaces a document's N-Quads (atomically).
    pub fn put(&self, id: &str, nquads: &[u8]) -> Result<PathBuf, DatasetError> {
        let path = self.document_path(id);
        write_atomically(&path, nquads, false)?;
        Ok(path)
    }

    /// Removes a document; `false` when the dataset does not hold it.
    pub fn remove(&self, id: &str) -> Result<bool, DatasetError> {
        let path = self.document_path(id);
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(io_error(&path)(e)),
        }
    }

    /// The per-document files, sorted by name.
    pub fn document_files(&self) -> Result<Vec<PathBuf>, DatasetError> {
        let dir = self.dir.join(DOCUMENTS_DIR);
        let mut files = Vec::new();
        for entry in std::fs::read_dir(&dir).map_err(io_error(&dir))? {
            let path = entry.map_err(io_error(&dir))?.path();
            if path.extension().is_some_and(|e| e == "nq") {
                files.push(path);
            }
        }
        files.sort();
        Ok(files)
    }

    /// The entity labels the dataset already uses (read from the union file), so that documents
    /// added later describe each entity with the same label.
    pub fn labels(&self) -> Result<EntityLabels, DatasetError> {
        let mut labels = EntityLabels::new();
        let path = self.union_path();
        let file = match std::fs::File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(labels),
            Err(e) => return Err(io_error(&path)(e)),
        };
        for quad in RdfParser::from_format(RdfFormat::NQuads).for_reader(BufReader::new(file)) {
            let quad = quad.map_err(|e| DatasetError::Parse {
                path: path.clone(),
                message: e.to_string(),
            })?;
            if let (GraphName::DefaultGraph, NamedOrBlankNode::NamedNode(s), Term::Literal(l)) =
                (&quad.graph_name, &quad.subject, &quad.object)
                && quad.predicate == rdfs::LABEL
                && l.language() == Some("en")
                && s.as_str().starts_with(ENTITY_BASE)
            {
                labels.insert(s.as_str(), l.value());
            }
        }
        Ok(labels)
    }

    /// Rewrites the union file from the document files (atomically) and returns the number of
    /// documents and quads written. Default-graph quads (entity descriptions, which documents
    /// repeat) are written once.
    pub fn write_union(&self) -> Result<(usize, usize), DatasetError> {
        let files = self.document_files()?;
        let target = self.union_path();
        let tmp = tempfile::Builder::new()
            .prefix(".dataset.nq.")
            .suffix(".tmp")
            .tempfile_in(&self.dir)
            .map_err(io_error(&self.dir))?;
        let mut seen_default: HashSet<Quad> = HashSet::new();
        let mut count = 0;
        {
            let mut writer = RdfSerializer::from_format(RdfFormat::NQuads)
                .for_writer(BufWriter::with_capacity(1 << 16, tmp.as_file()));
            for path in &files {
                let file = std::fs::File::open(path).map_err(io_error(path))?;
                for quad in
                    RdfParser::from_format(RdfFormat::NQuads).for_reader(BufReader::new(file))
                {
                    let quad = quad.map_err(|e| DatasetError::Parse {
                        path: path.clone(),
                        message: e.to_string(),
                    })?;
                    if quad.graph_name.is_default_graph() {
                        if seen_default.contains(&quad) {
                            continue;
                        }
                        seen_default.insert(quad.clone());
                    }
                    writer.serialize_quad(&quad).map_err(io_error(&target))?;
                    count += 1;
                }
            }
            writer
                .finish()
                .and_then(|mut w| w.flush())
                .map_err(io_error(&target))?;
        }
        persist(tmp, &target, true)?;
        Ok((files.len(), count))
    }
}

fn persist(tmp: tempfile::NamedTempFile, target: &Path, sync: bool) -> Result<(), DatasetError> {
    if sync {
        tmp.as_file().sync_all().map_err(io_error(tmp.path()))?;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o644))
            .map_err(io_error(tmp.path()))?;
    }
    tmp.persist(target).map_err(|e| io_error(target)(e.error))?;
    Ok(())
}

/// Writes a file through a temporary file in its directory and a rename. Per-document files are
/// not synced one by one (a corpus has thousands); the union file is.
fn write_atomically(path: &Path, bytes: &[u8], sync: bool) -> Result<(), DatasetError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".doc.")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io_error(dir))?;
    tmp.write_all(bytes).map_err(io_error(tmp.path()))?;
    persist(tmp, path, sync)
}

#[cfg(test)]
mod tests {
    use super::*;

    const Q1: &str = "<https://newsgraph.dev/id/Country/Russia> <http://www.w3.org/2000/01/rdf-schema#label> \"Russia\"@en .\n";
    const G1: &str = "<https://newsgraph.dev/id/doc/a/m> <http://example.org/p> \"x\" <https://newsgraph.dev/id/doc/a> .\n";
    const G2: &str = "<https://newsgraph.dev/id/doc/b/m> <http://example.org/p> \"y\" <https://newsgraph.dev/id/doc/b> .\n";

    #[test]
    fn put_replace_remove_and_union() {
        let dir = tempfile::tempdir().unwrap();
        let ds = Dataset::open(dir.path()).unwrap();
        ds.put("a", format!("{Q1}{G1}").as_bytes()).unwrap();
        ds.put("b", format!("{Q1}{G2}").as_bytes()).unwrap();
        assert_eq!(ds.write_union().unwrap(), (2, 3), "the shared label once");
        ds.put("a", Q1.as_bytes()).unwrap();
        assert_eq!(ds.write_union().unwrap(), (2, 2), "a replaced");
        assert!(ds.remove("b").unwrap());
        assert!(!ds.remove("b").unwrap());
        assert_eq!(ds.write_union().unwrap(), (1, 1));
        let labels = ds.labels().unwrap();
        assert_eq!(
            labels.get("https://newsgraph.dev/id/Country/Russia"),
            Some("Russia")
        );
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
    }

    #[test]
    fn ids_that_share_a_slug_get_different_files() {
        let dir = tempfile::tempdir().unwrap();
        let ds = Dataset::open(dir.path()).unwrap();
        assert_ne!(ds.document_path("a b"), ds.document_path("a_b"));
        assert_eq!(ds.document_path("a b"), ds.document_path("a b"));
    }
}
