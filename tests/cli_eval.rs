//! The `eval` subcommands of the binary (need ../shared; skipped without it unless CI is set).

mod common;
use common::shared_dir;

use std::process::Command;

#[test]
fn eval_ud_prints_the_json_keys_in_percent() {
    let Some(d) = shared_dir() else { return };
    let out = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["eval", "ud", "--json"])
        .arg(d.join("nlp/ud-english-gum/en_gum-ud-test.conllu"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for k in ["upos", "xpos", "lemma", "uas", "las"] {
        let x = v[k].as_f64().unwrap_or_else(|| panic!("{k} missing: {v}"));
        assert!((50.0..=100.0).contains(&x), "{k} = {x}");
    }
    assert!(v.get("tokens_f1").is_some() && v.get("sentences_f1").is_some());
}

#[test]
fn eval_gold_json_reports_strict_and_family_scores() {
    let Some(d) = shared_dir() else { return };
    let out = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["eval", "gold", "--json", "--gold"])
        .arg(d.join("eval/dev-gold"))
        .arg("--articles")
        .arg(d.join("eval/articles"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f1 = v["micro"]["strict"]["f1"].as_f64().unwrap();
    assert!(f1 > 0.5, "strict F1 {f1}");
    assert!(v["micro"]["family"]["f1"].as_f64().unwrap() >= f1 - 1e-9);
}
