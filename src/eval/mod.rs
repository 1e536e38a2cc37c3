//! Evaluation: gold relations, UD, NER and peer suites.
