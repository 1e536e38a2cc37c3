//! Relations: trigger lexicon from the ontology, patterns, attribution, negation, quotes.
