//! Protects the gold scorer end to end on the real dev gold: every dev gold file parses and is
//! consistent with the ontology, and a "perfect system" built from each gold file scores
//! P = R = F1 = 1 (strict and family), full entity recall and quote speaker accuracy when run
//! through `run_gold_eval` (which reads the articles with the project's text reader).

mod common;
use common::shared_dir;

use newsgraph::document::Document;
use newsgraph::eval::gold::{GoldFile, gold_files, graph_from_gold, run_gold_eval};
use newsgraph::graph::KnowledgeGraph;
use newsgraph::ontology::Ontology;
use std::collections::BTreeMap;

#[test]
fn every_dev_gold_file_parses_and_is_consistent() {
    let Some(data) = shared_dir() else { return };
    let ontology = Ontology::embedded().unwrap();
    let files = gold_files(&data.join("eval/dev-gold")).unwrap();
    assert!(files.len() >= 11, "{files:?}");
    for f in files {
        let gold = GoldFile::from_path(&f).unwrap();
        assert!(!gold.relations.is_empty(), "{}", f.display());
        let problems = gold.problems(&ontology);
        assert!(problems.is_empty(), "{}: {problems:?}", f.display());
        assert!(
            data.join("eval/articles").join(&gold.article).exists(),
            "{}: article {} missing",
            f.display(),
            gold.article
        );
    }
}

#[test]
fn gold_scored_against_itself_is_perfect() {
    let Some(data) = shared_dir() else { return };
    let ontology = Ontology::embedded().unwrap();
    let gold_dir = data.join("eval/dev-gold");
    let mut by_article = BTreeMap::new();
    for f in gold_files(&gold_dir).unwrap() {
        let g = GoldFile::from_path(&f).unwrap();
        by_article.insert(g.article.trim_end_matches(".txt").to_string(), g);
    }
    let extract = |doc: &Document| -> Result<KnowledgeGraph, String> {
        let gold = by_article
            .get(&doc.id)
            .ok_or_else(|| format!("no gold for {}", doc.id))?;
        Ok(graph_from_gold(gold, &doc.id))
    };
    let report =
        run_gold_eval(&gold_dir, &data.join("eval/articles"), &ontology, &extract).unwrap();
    assert_eq!(report.articles.len(), by_article.len());
    for a in &report.articles {
        let c = &a.counts;
        for (mode, prf) in [("strict", c.strict), ("family", c.family)] {
            assert_eq!(
                (prf.precision, prf.recall, prf.f1),
                (1.0, 1.0, 1.0),
                "{} {mode}: {prf:?}\nmissed {:?}\nextra {:?}",
                a.document,
                a.missed,
                a.extra
            );
        }
        assert_eq!(c.strict.tp, c.gold_relations, "{}", a.document);
        assert_eq!(c.entity_recall, 1.0, "{}", a.document);
        if c.quotes_gold > 0 {
            assert_eq!(c.quote_speaker_accuracy, 1.0, "{}", a.document);
        }
    }
    assert_eq!(report.micro.strict.f1, 1.0);
    assert_eq!(report.micro.family.f1, 1.0);
    println!("{report}");
}

#[test]
fn an_empty_system_scores_zero_recall_and_the_report_serializes() {
    let Some(data) = shared_dir() else { return };
    let ontology = Ontology::embedded().unwrap();
    let extract = |_: &Document| -> Result<KnowledgeGraph, String> { Ok(KnowledgeGraph::new()) };
    let report = run_gold_eval(
        &data.join("eval/dev-gold"),
        &data.join("eval/articles"),
        &ontology,
        &extract,
    )
    .unwrap();
    assert_eq!(report.micro.strict.tp, 0);
    assert_eq!(report.micro.strict.fn_, report.micro.gold_relations);
    assert_eq!(report.micro.strict.recall, 0.0);
    assert_eq!(report.micro.entity_recall, 0.0);
    let json = serde_json::to_value(&report).unwrap();
    assert!(json["micro"]["strict"]["fn"].as_u64().unwrap() > 0);
    assert!(json["articles"][0]["missed"].is_array());
    let mut stripped = report.clone();
    stripped.strip_details();
    let json = serde_json::to_value(&stripped).unwrap();
    assert!(json["articles"][0].get("missed").is_none());
}

#[test]
fn extraction_errors_and_missing_articles_are_named() {
    let Some(data) = shared_dir() else { return };
    let ontology = Ontology::embedded().unwrap();
    let failing = |_: &Document| -> Result<KnowledgeGraph, String> { Err("boom".into()) };
    let err = run_gold_eval(
        &data.join("eval/dev-gold"),
        &data.join("eval/articles"),
        &ontology,
        &failing,
    )
    .unwrap_err();
    assert!(err.to_string().contains("boom"), "{err}");
    assert!(err.to_string().contains(".txt"), "{err}");

    let empty = tempfile::tempdir().unwrap();
    let ok = |_: &Document| -> Result<KnowledgeGraph, String> { Ok(KnowledgeGraph::new()) };
    let err = run_gold_eval(&data.join("eval/dev-gold"), empty.path(), &ontology, &ok).unwrap_err();
    assert!(err.to_string().contains("cannot read its article"), "{err}");
}
