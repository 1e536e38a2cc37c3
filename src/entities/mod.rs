//! Entities: gazetteer, statistical NER, typing, coreference and linking.
pub mod gazetteer;
