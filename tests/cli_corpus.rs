//! Corpus-scale use of the binary: streamed formats (N-Quads, N-Triples, relation JSON Lines)
//! against the merged graph, an incremental dataset (`extract --into`), quiet runs.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("the binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The seed article's paragraphs as JSONL documents `p00`, `p01`, ... (entities recur across
/// documents, as in a corpus), after `extra` documents given as (id, text).
fn write_corpus(path: &Path, extra: &[(&str, &str)]) {
    let seed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/unsc-kosovo-2008.txt"),
    )
    .unwrap();
    let mut out = String::new();
    for (id, body) in extra {
        out.push_str(&serde_json::json!({"id": id, "text": body}).to_string());
        out.push('\n');
    }
    for (i, para) in seed.split("\n\n").filter(|p| p.len() > 40).enumerate() {
        out.push_str(&serde_json::json!({"id": format!("p{i:02}"), "text": para}).to_string());
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
}

/// N-Quads or N-Triples as a set of lines (the exports have no blank nodes).
fn line_set(bytes: &[u8]) -> BTreeSet<String> {
    text(bytes)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

fn extract_to_stdout(corpus: &Path, format: &str, jobs: &str) -> Vec<u8> {
    let out = run(bin()
        .arg("extract")
        .arg(corpus)
        .args(["-f", format, "-q", "-j", jobs]));
    assert!(out.status.success(), "{}", text(&out.stderr));
    out.stdout
}

fn extract_merged(corpus: &Path, format: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let out = run(bin()
        .arg("extract")
        .arg(corpus)
        .arg("-o")
        .arg(dir.path())
        .args(["-f", format, "-q"]));
    assert!(out.status.success(), "{}", text(&out.stderr));
    std::fs::read(dir.path().join(format!("graph.{format}"))).unwrap()
}

#[test]
fn streamed_formats_equal_the_merged_graph() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c.jsonl");
    // two spellings of one IRI in documents of different batches
    write_corpus(
        &corpus,
        &[(
            "bush1",
            "George W Bush condemned Russia. George W Bush met Vladimir Putin.",
        )],
    );
    for format in ["nq", "nt"] {
        let merged = line_set(&extract_merged(&corpus, format));
        assert!(merged.len() > 500, "{format}: {}", merged.len());
        for jobs in ["1", "2"] {
            let streamed = line_set(&extract_to_stdout(&corpus, format, jobs));
            assert!(
                streamed == merged,
                "{format} --jobs {jobs}: streamed and merged differ: {:?} / {:?}",
                streamed.difference(&merged).take(3).collect::<Vec<_>>(),
                merged.difference(&streamed).take(3).collect::<Vec<_>>()
            );
        }
    }
    // relation lines: the same bytes, one JSON object per relation mention
    let merged = extract_merged(&corpus, "jsonl");
    assert_eq!(extract_to_stdout(&corpus, "jsonl", "2"), merged);
    let lines: Vec<serde_json::Value> = text(&merged)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.len() > 10);
    let churkin = lines
        .iter()
        .find(|l| l["subject"]["label"] == "Vitaly Churkin" && l["predicate"] == "represents")
        .expect("Churkin represents Russia");
    assert_eq!(churkin["object"]["type"], "Country");
    assert_eq!(
        churkin["object"]["iri"],
        "https://newsgraph.dev/id/Country/Russia"
    );
    for key in [
        "document",
        "sentence",
        "start",
        "end",
        "predicate_iri",
        "negated",
        "modality",
        "confidence",
        "trigger",
        "sentence_text",
        "attributed_to",
    ] {
        assert!(churkin.get(key).is_some(), "{key} missing: {churkin}");
    }
    assert!(
        lines.iter().any(|l| l["attributed_to"].is_object()),
        "some statements have a speaker"
    );
}

#[test]
fn the_streamed_corpus_is_the_merged_dataset_on_wikinews() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let source = std::fs::read_to_string(shared.join("corpus/wikinews.jsonl")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("wikinews-400.jsonl");
    let head: Vec<&str> = source.lines().take(400).collect();
    std::fs::write(&corpus, head.join("\n") + "\n").unwrap();
    let merged = line_set(&extract_merged(&corpus, "nq"));
    let streamed = line_set(&extract_to_stdout(&corpus, "nq", "2"));
    assert!(merged.len() > 10_000);
    assert!(
        streamed == merged,
        "streamed and merged differ: {:?} / {:?}",
        streamed.difference(&merged).take(3).collect::<Vec<_>>(),
        merged.difference(&streamed).take(3).collect::<Vec<_>>()
    );
}

fn into(dataset: &Path, args: &[&str]) -> Output {
    run(bin()
        .arg("extract")
        .args(args)
        .arg("--into")
        .arg(dataset)
        .arg("-q"))
}

fn union(dataset: &Path) -> Vec<u8> {
    std::fs::read(dataset.join("dataset.nq")).unwrap()
}

fn graphs(nq: &[u8]) -> BTreeSet<String> {
    let quads = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NQuads)
        .for_slice(nq)
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    quads
        .iter()
        .filter_map(|q| match &q.graph_name {
            oxigraph::model::GraphName::NamedNode(n) => Some(n.as_str().to_string()),
            _ => None,
        })
        .collect()
}

fn doc_graph(id: &str) -> String {
    format!("https://newsgraph.dev/id/doc/{id}")
}

#[test]
fn a_dataset_adds_replaces_and_removes_documents() {
    let dir = tempfile::tempdir().unwrap();
    let dataset: PathBuf = dir.path().join("ds");
    let first = dir.path().join("first.jsonl");
    write_corpus(
        &first,
        &[
            (
                "only-first",
                "Zimbabwe condemned Botswana over the election.",
            ),
            ("changing", "Russia supports Serbia."),
        ],
    );
    let out = into(&dataset, &[first.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let one = union(&dataset);
    let g = graphs(&one);
    assert!(g.contains(&doc_graph("only-first")) && g.contains(&doc_graph("p00")));

    // the same documents again: nothing is duplicated, the file is the same
    let out = into(&dataset, &[first.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(union(&dataset), one, "re-running changes nothing");

    // a new version of one document and a new document
    let second = dir.path().join("second.jsonl");
    std::fs::write(
        &second,
        format!(
            "{}\n{}\n",
            serde_json::json!({"id": "changing", "text": "Russia condemned Ukraine."}),
            serde_json::json!({"id": "new", "text": "France supports Germany."})
        ),
    )
    .unwrap();
    let out = into(&dataset, &[second.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let nq = text(&union(&dataset));
    assert!(nq.contains("Country/Ukraine") && nq.contains(&doc_graph("new")));
    assert!(
        !nq.contains("Country/Serbia> <https://newsgraph.dev/id/doc/changing>")
            && !nq.contains("Russia condemned Ukraine.\" <https://newsgraph.dev/id/doc/only"),
        "the old version of `changing` is gone"
    );
    assert!(
        !nq.lines().any(|l| l.contains("ng#supports")
            && l.contains("Serbia")
            && l.contains("doc/changing")),
        "the old version's relation is gone"
    );

    // removal: the document's graph and the entities only it mentioned disappear
    let out =
        run(bin()
            .args(["extract", "--into"])
            .arg(&dataset)
            .args(["--remove", "only-first", "-q"]));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let after = union(&dataset);
    assert!(!graphs(&after).contains(&doc_graph("only-first")));
    assert!(
        !text(&after).contains("Country/Zimbabwe"),
        "Zimbabwe only came from it"
    );

    // the dataset equals one fresh run over the documents it now holds
    let current = dir.path().join("current.jsonl");
    let kept: Vec<String> = text(&std::fs::read(&first).unwrap())
        .lines()
        .filter(|l| !l.contains("\"only-first\"") && !l.contains("\"changing\""))
        .map(str::to_string)
        .chain(
            text(&std::fs::read(&second).unwrap())
                .lines()
                .map(str::to_string),
        )
        .collect();
    std::fs::write(&current, kept.join("\n") + "\n").unwrap();
    // (but for the documents' dcterms:source, which names the file each was read from)
    let without_source = |bytes: &[u8]| -> BTreeSet<String> {
        line_set(bytes)
            .into_iter()
            .filter(|l| !l.contains("<http://purl.org/dc/terms/source>"))
            .collect()
    };
    let (held, fresh) = (
        without_source(&after),
        without_source(&extract_to_stdout(&current, "nq", "2")),
    );
    assert!(
        held == fresh,
        "the dataset is the dataset of a fresh run: {:?} / {:?}",
        held.difference(&fresh).take(3).collect::<Vec<_>>(),
        fresh.difference(&held).take(3).collect::<Vec<_>>()
    );

    // an unknown id is reported (exit 1); nothing is left half-written
    let out = run(bin()
        .args(["extract", "--into"])
        .arg(&dataset)
        .args(["--remove", "no-such-doc"]));
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no-such-doc"));
    let leftovers: Vec<String> = walk(&dataset)
        .into_iter()
        .filter(|p| p.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p.to_string_lossy().into_owned());
        }
    }
    out
}

#[test]
fn quiet_prints_nothing_and_a_pipe_gets_a_summary_without_progress() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c.jsonl");
    write_corpus(&corpus, &[]);
    let out = run(bin().arg("extract").arg(&corpus).args(["-f", "nq", "-q"]));
    assert!(out.status.success());
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    let out = run(bin().arg("extract").arg(&corpus).args(["-f", "nt"]));
    assert!(out.status.success());
    let err = text(&out.stderr);
    assert_eq!(err.lines().count(), 1, "one summary line: {err}");
    assert!(err.contains("documents") && err.contains("MB/s") && !err.contains('\u{1b}'));
}
