//! SPARQL over an embedded in-memory oxigraph store.
