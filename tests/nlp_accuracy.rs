//! Protects the accuracy of the shipped NLP models (models/*.bin) on the UD English EWT and GUM
//! test sets: tagging, lemmatization and parsing with gold tokens, and sentence splitting from
//! raw text. Reads `../shared/data/nlp`; skips when it is absent, fails when `CI` is set.

mod common;
use common::shared_dir;

use std::path::PathBuf;

use newsgraph::nlp::{NlpModels, eval};

// Thresholds in percent. The "done when" targets are asserted where the shipped models
// reach them. The parser (globally trained, default beam 4) meets EWT UAS 86 / LAS 83 but not GUM
// UAS 87: there the test guards the measured level (86.09) against regressions.
const EWT_UPOS: f64 = 95.5; // target 95.5 (measured 95.54)
const EWT_LEMMA: f64 = 97.0; // target 97.0 (measured 97.06)
const EWT_UAS: f64 = 86.0; // target 86.0 (measured 86.90, beam 4)
const EWT_LAS: f64 = 83.0; // target 83.0 (measured 83.50, beam 4)
const GUM_UPOS: f64 = 96.0; // target 96.0 (measured 96.18)
const GUM_UAS: f64 = 85.8; // TARGET 87.0 NOT MET (measured 86.09, beam 4)
const EWT_SENT_F1: f64 = 85.0; // target 85 (measured 89.34)
const GUM_SENT_F1: f64 = 90.0; // target 90 (measured 96.37)

fn test_file(data: &std::path::Path, tb: &str) -> PathBuf {
    data.join(format!("nlp/ud-english-{tb}/en_{tb}-ud-test.conllu"))
}

#[test]
fn ewt_test_gold_tokens() {
    let Some(data) = shared_dir() else { return };
    let m = NlpModels::embedded().expect("embedded models decode");
    let s = eval::eval_ud_with(m, &test_file(&data, "ewt"), false).expect("eval");
    eprintln!("EWT test (gold tokens):\n{s}");
    assert!(s.upos >= EWT_UPOS, "UPOS {:.2}", s.upos);
    assert!(s.lemma >= EWT_LEMMA, "lemma {:.2}", s.lemma);
    assert!(s.uas >= EWT_UAS, "UAS {:.2}", s.uas);
    assert!(s.las >= EWT_LAS, "LAS {:.2}", s.las);
}

#[test]
fn gum_test_gold_tokens() {
    let Some(data) = shared_dir() else { return };
    let m = NlpModels::embedded().expect("embedded models decode");
    let s = eval::eval_ud_with(m, &test_file(&data, "gum"), false).expect("eval");
    eprintln!("GUM test (gold tokens):\n{s}");
    assert!(s.upos >= GUM_UPOS, "UPOS {:.2}", s.upos);
    assert!(s.uas >= GUM_UAS, "UAS {:.2}", s.uas);
}

#[test]
fn raw_text_sentence_splitting() {
    let Some(data) = shared_dir() else { return };
    let m = NlpModels::embedded().expect("embedded models decode");
    for (tb, min) in [("ewt", EWT_SENT_F1), ("gum", GUM_SENT_F1)] {
        let s = eval::eval_ud_with(m, &test_file(&data, tb), true).expect("eval");
        eprintln!("{tb} test (raw text):\n{s}");
        let f1 = s.sentences_f1.expect("raw mode reports sentence F1");
        assert!(f1 >= min, "{tb} sentence F1 {f1:.2} < {min}");
        assert!(
            s.tokens_f1.unwrap_or(0.0) >= 97.0,
            "{tb} tokens F1 {:?}",
            s.tokens_f1
        );
    }
}

#[test]
fn annotates_a_news_sentence() {
    let m = NlpModels::embedded().expect("embedded models decode");
    let text = "Serbia's president didn't accept the 2008 declaration of independence.";
    let words: Vec<&str> = newsgraph::nlp::tokenize(text)
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect();
    assert_eq!(words[..5], ["Serbia", "'s", "president", "did", "n't"]);
    let a = m.annotate(&words);
    assert_eq!(a.len(), words.len());
    // Exactly one root, every head in range, no word is its own head.
    assert_eq!(a.iter().filter(|w| w.head == 0).count(), 1);
    for (i, w) in a.iter().enumerate() {
        assert!(w.head <= a.len() && w.head != i + 1, "{w:?}");
    }
    let root = a.iter().position(|w| w.head == 0).unwrap();
    assert_eq!(words[root], "accept");
    assert_eq!(a[root].upos, "VERB");
    assert_eq!(a[2].upos, "NOUN");
    assert_eq!(a[2].deprel, "nsubj");
    assert_eq!(a[0].head, 3);
    assert_eq!(a[3].lemma, "do");
    assert_eq!(a[4].lemma, "not");
    assert_eq!(a[words.len() - 1].upos, "PUNCT");
}

#[test]
fn bad_model_bytes_are_errors_not_panics() {
    assert!(NlpModels::from_bytes(b"", b"", b"", b"").is_err());
    assert!(NlpModels::from_bytes(&[0u8; 64], &[1u8; 64], &[2u8; 64], &[3u8; 64]).is_err());
    assert!(NlpModels::load(std::path::Path::new("/nonexistent-newsgraph-models")).is_err());
}
