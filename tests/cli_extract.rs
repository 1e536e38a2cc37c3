//! End-to-end tests of the `newsgraph` binary on the bundled seed article and on bad input.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/unsc-kosovo-2008.txt")
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("the binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn graphviz() -> bool {
    let ok = Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok && std::env::var_os("CI").is_some() {
        panic!("Graphviz `dot` is required when CI is set (apt-get install graphviz)");
    }
    ok
}

#[test]
fn extract_writes_every_format_of_the_seed_article() {
    let dir = tempfile::tempdir().unwrap();
    let formats = if graphviz() {
        "all"
    } else {
        "ttl,nt,nq,trig,rdf,jsonld,json,cyjs,dot"
    };
    let out = run(bin()
        .arg("extract")
        .arg(seed())
        .arg("-o")
        .arg(dir.path())
        .args(["--format", formats]));
    assert!(out.status.success(), "{}", text(&out.stderr));
    for ext in [
        "ttl", "nt", "nq", "trig", "rdf", "jsonld", "json", "cyjs", "dot",
    ] {
        let p = dir.path().join(format!("graph.{ext}"));
        assert!(p.metadata().unwrap().len() > 100, "{ext} is empty");
    }
    if formats == "all" {
        let png = std::fs::read(dir.path().join("graph.png")).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let svg = std::fs::read_to_string(dir.path().join("graph.svg")).unwrap();
        assert!(svg.contains("<svg") && svg.contains("Vitaly Churkin"));
    }
    // no temporary files are left behind
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| n.starts_with("graph.")), "{names:?}");
}

#[test]
fn seed_graph_states_who_condemns_and_supports_kosovo() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(bin()
        .arg("extract")
        .arg(seed())
        .arg("-o")
        .arg(dir.path())
        .args(["--format", "ttl", "-q"]));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let q = |sparql: &str| -> String {
        let out = run(bin().arg("query").arg(dir.path().join("graph.ttl")).args([
            "--sparql",
            sparql,
            "--results",
            "csv",
        ]));
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    let condemners = q(r#"SELECT ?who WHERE { ?who ng:condemns ?x . ?x rdfs:label "Kosovo"@en }"#);
    for state in ["Russia", "China", "Vietnam", "South_Africa"] {
        assert!(
            condemners.contains(state),
            "{state} missing in {condemners}"
        );
    }
    let supporters = q(r#"SELECT ?who WHERE { ?who ng:supports ?x . ?x rdfs:label "Kosovo"@en }"#);
    for state in ["United_States", "United_Kingdom", "France"] {
        assert!(
            supporters.contains(state),
            "{state} missing in {supporters}"
        );
    }
    let rep = q(
        r#"ASK { ?p rdfs:label "Vitaly Churkin"@en ; ng:represents ?r . ?r rdfs:label "Russia"@en }"#,
    );
    assert!(rep.contains("true"), "{rep}");
    // evidence is queryable
    let ev = q(r#"SELECT ?e WHERE { ?m ng:predicate ng:represents ; nif:anchorOf ?e }"#);
    assert!(ev.contains("who represents Russia"), "{ev}");
}

#[test]
fn query_extracts_articles_on_the_fly() {
    let out = run(bin().arg("query").arg(seed()).args([
        "--sparql",
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ng:partOf ?o }",
        "--results",
        "tsv",
    ]));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).lines().count() >= 2);
}

#[test]
fn a_single_format_goes_to_stdout_and_json_has_the_node_link_shape() {
    let out = run(bin().arg("extract").arg(seed()).args(["-f", "json", "-q"]));
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["directed"], true);
    assert_eq!(v["multigraph"], true);
    assert!(
        v["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["label"] == "Vitaly Churkin" && n["type"] == "Person")
    );
    let edges = v["edges"].as_array().unwrap();
    let churkin_quote = v["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|q| q["text"].as_str().unwrap().starts_with("a blatant break"));
    assert!(churkin_quote);
    for e in edges {
        for m in e["mentions"].as_array().unwrap() {
            assert!(m["start"].as_u64().unwrap() < m["end"].as_u64().unwrap());
        }
    }
}

#[test]
fn bad_documents_are_reported_and_the_others_still_processed() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::copy(seed(), &good).unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(dir.path().join("binary.txt"), b"\x00\x01\x02binary\x00").unwrap();
    std::fs::write(dir.path().join("latin1.txt"), b"Caf\xe9 in Paris.").unwrap();
    let out_dir = dir.path().join("out");
    let out = run(bin()
        .arg("extract")
        .arg(dir.path())
        .arg("-o")
        .arg(&out_dir)
        .args(["-f", "ttl,json"]));
    assert_eq!(out.status.code(), Some(1), "some documents failed: exit 1");
    let err = text(&out.stderr);
    for name in ["empty.txt", "binary.txt", "latin1.txt"] {
        assert!(err.contains(name), "stderr names {name}: {err}");
    }
    let ttl = std::fs::read_to_string(out_dir.join("graph.ttl")).unwrap();
    assert!(ttl.contains("Churkin"), "the good document was processed");
}

#[test]
fn a_malformed_jsonl_line_costs_only_that_line() {
    let seed_text = std::fs::read_to_string(seed()).unwrap();
    let good = serde_json::json!({"id": "kosovo", "text": seed_text}).to_string();
    let input = format!(
        "{good}\n{{not json\n{}\n",
        serde_json::json!({"id": "other", "text": "Russia condemned Georgia."})
    );
    let mut child = bin()
        .args(["extract", "-", "--jsonl", "-f", "nq", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains(":2"),
        "names the line: {}",
        text(&out.stderr)
    );
    let nq = text(&out.stdout);
    assert!(
        nq.contains("doc/kosovo") && nq.contains("doc/other"),
        "both good documents are in the output"
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(bin().arg("extract")).status.code(), Some(2));
    assert_eq!(
        run(bin().args(["extract", "x.txt", "-f", "nope"]))
            .status
            .code(),
        Some(2)
    );
    let out = run(bin().arg("extract").arg(seed()).args(["-f", "ttl,nt"]));
    assert_eq!(out.status.code(), Some(2), "several formats need -o");
    assert_eq!(run(bin().args(["query", "a.ttl"])).status.code(), Some(2));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = bin()
        .arg("extract")
        .arg(seed())
        .args(["-f", "nt", "-q"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 10];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.code().is_some_and(|c| c == 0),
        "status {:?}",
        out.status
    );
    assert!(
        !text(&out.stderr).contains("error"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn hostile_text_never_breaks_any_export() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("hostile.txt");
    let hostile = "The \"Evil <Corp> & \\Sons\" Party\u{1}\u{7f} condemned Russia.\n\
        President Jean \"<script>\" O'Neil of France said: “We reject Germany \\ <b>now</b>.”\n\
        Serbian President Boris Tadic urged the Ministry of \"Quotes\" <and> Brackets to act.\n";
    std::fs::write(&article, hostile).unwrap();
    let out_dir = dir.path().join("out");
    let formats = if graphviz() {
        "all"
    } else {
        "ttl,nt,nq,trig,rdf,jsonld,json,cyjs,dot"
    };
    let out = run(bin()
        .arg("extract")
        .arg(&article)
        .arg("-o")
        .arg(&out_dir)
        .args(["-f", formats, "-q"]));
    assert!(out.status.success(), "{}", text(&out.stderr));
    // every RDF file parses back through oxigraph
    for (ext, fmt) in [
        ("ttl", oxigraph::io::RdfFormat::Turtle),
        ("nt", oxigraph::io::RdfFormat::NTriples),
        ("nq", oxigraph::io::RdfFormat::NQuads),
        ("trig", oxigraph::io::RdfFormat::TriG),
        ("rdf", oxigraph::io::RdfFormat::RdfXml),
        (
            "jsonld",
            oxigraph::io::RdfFormat::JsonLd {
                profile: Default::default(),
            },
        ),
    ] {
        let bytes = std::fs::read(out_dir.join(format!("graph.{ext}"))).unwrap();
        let quads: Result<Vec<_>, _> = oxigraph::io::RdfParser::from_format(fmt)
            .for_slice(&bytes)
            .collect();
        assert!(
            quads.as_ref().is_ok_and(|q| !q.is_empty()),
            "{ext}: {:?}",
            quads.err()
        );
    }
    for ext in ["json", "cyjs"] {
        let bytes = std::fs::read(out_dir.join(format!("graph.{ext}"))).unwrap();
        serde_json::from_slice::<serde_json::Value>(&bytes)
            .unwrap_or_else(|e| panic!("{ext}: {e}"));
    }
    if formats == "all" {
        let out = Command::new("dot")
            .arg("-Tsvg")
            .arg(out_dir.join("graph.dot"))
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
}

#[test]
fn output_is_byte_identical_for_any_number_of_jobs() {
    let seed_text = std::fs::read_to_string(seed()).unwrap();
    let mut input = String::new();
    for i in 0..70 {
        // more than one chunk of documents, each a little different
        let text = format!("{seed_text}\n\nRussia condemned Georgia on day {i}.");
        input.push_str(&serde_json::json!({"id": format!("d{i:03}"), "text": text}).to_string());
        input.push('\n');
    }
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c.jsonl");
    std::fs::write(&corpus, input).unwrap();
    let run_with = |jobs: &str, format: &str| -> Vec<u8> {
        let out = run(bin()
            .arg("extract")
            .arg(&corpus)
            .args(["-f", format, "-q", "-j", jobs]));
        assert!(out.status.success(), "{}", text(&out.stderr));
        out.stdout
    };
    for format in ["nq", "ttl"] {
        let one = run_with("1", format);
        assert!(!one.is_empty());
        assert!(
            one == run_with("2", format),
            "{format} differs between --jobs 1 and 2"
        );
    }
    // the streamed N-Quads parse
    let nq = run_with("2", "nq");
    let quads: Result<Vec<_>, _> =
        oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NQuads)
            .for_slice(&nq)
            .collect();
    assert!(quads.is_ok_and(|q| q.len() > 1000));
}
