//! The shipped NER model on the Universal NER English EWT test file, through `eval ner` (needs
//! ../shared; skipped without it unless CI is set).

mod common;
use common::shared_dir;

use std::process::Command;

/// Runs `newsgraph eval ner --json` on the UNER test file; the last stdout line's JSON.
fn eval_ner_test_json() -> Option<serde_json::Value> {
    let d = shared_dir()?;
    let out = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["eval", "ner", "--json"])
        .arg(d.join("nlp/uner-english-ewt/en_ewt-ud-test.iob2"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let last = stdout.lines().last().expect("output");
    Some(serde_json::from_str(last).unwrap())
}

#[test]
fn eval_ner_json_has_the_documented_keys_as_fractions() {
    let Some(v) = eval_ner_test_json() else {
        return;
    };
    for k in ["precision", "recall", "f1"] {
        let x = v[k].as_f64().unwrap_or_else(|| panic!("{k} missing: {v}"));
        assert!((0.0..=1.0).contains(&x), "{k} = {x}");
    }
    for t in ["PER", "ORG", "LOC"] {
        for k in ["precision", "recall", "f1", "support"] {
            assert!(v["per_type"][t][k].is_number(), "per_type.{t}.{k}: {v}");
        }
    }
}

#[test]
fn shipped_model_reaches_its_measured_span_f1_on_uner_test() {
    let Some(v) = eval_ner_test_json() else {
        return;
    };
    // Measured 0.726 (PER 0.802, ORG 0.549, LOC 0.768; target 0.75 not reached yet); this
    // guards against regressions.
    let f1 = v["f1"].as_f64().unwrap();
    assert!(f1 >= 0.715, "UNER EWT test span F1 {f1}");
    assert!(v["per_type"]["PER"]["f1"].as_f64().unwrap() >= 0.78, "{v}");
    assert!(v["per_type"]["ORG"]["f1"].as_f64().unwrap() >= 0.52, "{v}");
}
