//! newsgraph: reads English political and international news and builds a knowledge graph of who
//! did what to whom, with the evidence each relation came from.
//!
//! The pipeline, in module order:
//! [`document`] (inputs) → [`text`] (sentences, tokens) → [`nlp`] (tagger, lemmatizer, parser) →
//! [`entities`] (gazetteer, NER, coreference, linking) → [`relations`] → [`graph`] (petgraph,
//! merging) → [`export`] (one module per format) / [`query`] (SPARQL); [`eval`] scores it.
#![warn(missing_docs)]

pub mod cli;
pub mod corpus;
pub mod dataset;
pub mod document;
pub mod entities;
pub mod eval;
pub mod export;
pub mod graph;
pub mod nlp;
pub mod ontology;
pub mod pipeline;
pub mod query;
pub mod relations;
pub mod text;
