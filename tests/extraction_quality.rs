//! Extraction quality on the dev gold (needs ../shared; skipped without it unless CI is set).
//! Prints the scores; fails when they drop below the Relations issue's targets: seed strict F1
//! 0.90, dev strict F1 0.60 and family F1 0.70, quote speaker accuracy 0.85, and the Entities
//! issue's entity recall 0.92.

mod common;
use common::shared_dir;

use newsgraph::entities::gazetteer::Gazetteer;
use newsgraph::eval::gold::{GoldReport, pattern_counts, run_gold_eval};
use newsgraph::ontology::Ontology;
use newsgraph::pipeline::Extractor;
use newsgraph::relations::confidence::ConfidenceTable;
use std::path::Path;

/// The dev gold report of the shipped extractor keeping mentions of at least `min_confidence`.
fn dev_report(dir: &Path, ontology: &Ontology, min_confidence: f64) -> GoldReport {
    let extractor =
        Extractor::new(ontology, Gazetteer::embedded()).with_min_confidence(min_confidence);
    let extract = |d: &newsgraph::document::Document| -> Result<_, std::convert::Infallible> {
        Ok(extractor.extract(d))
    };
    run_gold_eval(
        &dir.join("dev-gold"),
        &dir.join("articles"),
        ontology,
        &extract,
    )
    .unwrap()
}

#[test]
fn dev_gold_scores_hold() {
    let Some(dir) = shared_dir().map(|d| d.join("eval")) else {
        return;
    };
    let ontology = Ontology::embedded().unwrap();
    let report = dev_report(&dir, &ontology, 0.0);
    println!("{report}");
    let seed = report
        .articles
        .iter()
        .find(|a| a.article.starts_with("seed-"))
        .expect("seed gold");
    assert!(
        seed.counts.strict.f1 >= 0.90,
        "seed strict F1 {:.3} < 0.90",
        seed.counts.strict.f1
    );
    assert!(
        report.micro.strict.f1 >= 0.60,
        "dev strict F1 {:.3} fell below 0.60",
        report.micro.strict.f1
    );
    assert!(
        report.micro.family.f1 >= 0.70,
        "dev family F1 {:.3} fell below 0.70",
        report.micro.family.f1
    );
    assert!(
        report.micro.entity_recall >= 0.92,
        "entity recall {:.3}",
        report.micro.entity_recall
    );
    assert!(
        report.micro.quote_speaker_accuracy >= 0.85,
        "quote speaker accuracy {:.3}",
        report.micro.quote_speaker_accuracy
    );
}

/// The shipped confidence table is the calibration of the current extractor on the dev gold:
/// regenerate it with `cargo run --release -- eval gold --calibrate models/relation-confidence.tsv`
/// after changing extraction.
#[test]
fn shipped_relation_confidence_is_the_dev_gold_calibration() {
    let Some(dir) = shared_dir().map(|d| d.join("eval")) else {
        return;
    };
    let ontology = Ontology::embedded().unwrap();
    let extractor = Extractor::new(&ontology, Gazetteer::embedded());
    let extract = |d: &newsgraph::document::Document| -> Result<_, std::convert::Infallible> {
        Ok(extractor.extract(d))
    };
    let counts = pattern_counts(
        &dir.join("dev-gold"),
        &dir.join("articles"),
        &ontology,
        &extract,
    )
    .unwrap();
    let fresh = ConfidenceTable::from_counts(&counts);
    assert_eq!(
        &fresh,
        ConfidenceTable::embedded(),
        "models/relation-confidence.tsv is stale; regenerate it with \
         `cargo run --release -- eval gold --calibrate models/relation-confidence.tsv`:\n{}",
        fresh.to_tsv()
    );
}

/// `--min-confidence` trades recall for precision predictably on the dev gold: a higher threshold
/// never lowers precision nor raises recall.
#[test]
fn a_higher_min_confidence_raises_precision_and_lowers_recall() {
    let Some(dir) = shared_dir().map(|d| d.join("eval")) else {
        return;
    };
    let ontology = Ontology::embedded().unwrap();
    let mut last: Option<(f64, f64, f64)> = None;
    for threshold in [0.0, 0.7, 0.8, 0.85, 0.9] {
        let report = dev_report(&dir, &ontology, threshold);
        let (p, r) = (report.micro.strict.precision, report.micro.strict.recall);
        println!("min-confidence {threshold:.2}: strict P {p:.3} R {r:.3}");
        if let Some((t, lp, lr)) = last {
            assert!(p >= lp, "precision {p:.3} at {threshold} < {lp:.3} at {t}");
            assert!(r <= lr, "recall {r:.3} at {threshold} > {lr:.3} at {t}");
        }
        last = Some((threshold, p, r));
    }
}
