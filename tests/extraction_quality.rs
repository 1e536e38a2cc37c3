//! Extraction quality on the dev gold (needs ../shared; skipped without it unless CI is set).
//! Prints the scores; fails when they drop below the Relations issue's targets: seed strict F1
//! 0.90, dev strict F1 0.60 and family F1 0.70, quote speaker accuracy 0.85, and the Entities
//! issue's entity recall 0.92.

mod common;
use common::shared_dir;

use newsgraph::entities::gazetteer::Gazetteer;
use newsgraph::eval::gold::run_gold_eval;
use newsgraph::ontology::Ontology;
use newsgraph::pipeline::Extractor;

#[test]
fn dev_gold_scores_hold() {
    let Some(dir) = shared_dir().map(|d| d.join("eval")) else {
        return;
    };
    let ontology = Ontology::embedded().unwrap();
    let extractor = Extractor::new(&ontology, Gazetteer::embedded());
    let extract = |d: &newsgraph::document::Document| -> Result<_, std::convert::Infallible> {
        Ok(extractor.extract(d))
    };
    let report = run_gold_eval(
        &dir.join("dev-gold"),
        &dir.join("articles"),
        &ontology,
        &extract,
    )
    .unwrap();
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
