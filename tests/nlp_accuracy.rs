//! Protects the accuracy of the shipped NLP models (models/*.bin) on the UD English EWT and GUM
//! test sets: tagging, lemmatization and parsing with gold tokens, and sentence splitting from
//! raw text. Reads `../shared/data/nlp`; skips when it is absent, fails when `CI` is set.

use std::path::PathBuf;

use newsgraph::nlp::{NlpModels, eval};

fn shared_dir() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if p.exists() {
        Some(p)
    } else if std::env::var_os("CI").is_some() {
        panic!("../shared/data is required when CI is set");
    } else {
        eprintln!("skipping: ../shared absent");
        None
    }
}

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
