//! NLP core: UD tokenizer, POS tagger, lemmatizer and dependency parser, trained in Rust.
