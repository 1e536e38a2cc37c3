//! Protects the DOT writer (escaping, clusters, styles) and the Graphviz rendering of SVG/PNG.
//! Rendering tests skip when `dot` is missing, except under CI where they fail.

mod export_fixtures;
use export_fixtures::*;

use newsgraph::export::{self, ExportError, ExportOptions, Format};
use newsgraph::graph::KnowledgeGraph;

fn dot_text(g: &KnowledgeGraph) -> String {
    let mut out = Vec::new();
    export::write(
        g,
        &ontology(),
        Format::Dot,
        &mut out,
        &ExportOptions::default(),
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn dot_has_clusters_quoted_iris_and_family_styles() {
    let text = dot_text(&simple_graph());
    assert!(text.starts_with("digraph newsgraph {"));
    for class in ["Country", "Territory", "Person"] {
        assert!(
            text.contains(&format!("subgraph \"cluster_{class}\" {{")),
            "{class}"
        );
    }
    assert!(text.contains(&format!("\"{}\" [label=\"Russia\", shape=box", russia())));
    let line = |needle: &str| {
        text.lines()
            .find(|l| l.contains("->") && l.contains(needle))
            .unwrap_or_else(|| panic!("no edge {needle}"))
            .to_string()
    };
    let condemns = line("label=\"condemns\"");
    assert!(
        condemns.contains("color=\"#d7191c\"") && condemns.contains("style=solid"),
        "{condemns}"
    );
    assert!(
        condemns.contains("Russia condemned Kosovo"),
        "evidence in the tooltip: {condemns}"
    );
    let negated = line("label=\"not recognizes\"");
    assert!(negated.contains("style=dashed"), "{negated}");
    let supports = line("label=\"supports\"");
    assert!(supports.contains("color=\"#1a9641\""), "{supports}");
    let represents = line("label=\"represents\"");
    assert!(
        represents.contains("color=\"#808080\"") && represents.contains("style=dashed"),
        "{represents}"
    );
}

#[test]
fn every_string_is_escaped() {
    let text = dot_text(&hostile_graph());
    // No raw control characters other than the newlines between statements.
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "raw control character"
    );
    // Every line is one statement: newlines inside strings were escaped.
    for l in text.lines() {
        let t = l.trim();
        assert!(
            t.is_empty() || t.ends_with(';') || t.ends_with('{') || t == "}",
            "broken line: {}",
            &t[..t.len().min(120)]
        );
        // Quotes balance once escaped quotes are removed.
        let unescaped = t.replace("\\\\", "").replace("\\\"", "");
        assert_eq!(
            unescaped.matches('"').count() % 2,
            0,
            "unbalanced quotes: {}",
            &t[..t.len().min(120)]
        );
    }
    assert!(text.contains("He said \\\"no\\\" <b>&amp;amp;</b> C:\\\\path\\\\"));
    assert!(text.contains("שלום עליכם") && text.contains("🙂"));
    // Long labels are shortened, ids are not.
    assert!(text.contains('…'));
}

#[test]
fn graphviz_renders_svg_and_png() {
    if !graphviz_or_skip() {
        return;
    }
    for g in [simple_graph(), hostile_graph()] {
        let mut svg = Vec::new();
        export::write(
            &g,
            &ontology(),
            Format::Svg,
            &mut svg,
            &ExportOptions::default(),
        )
        .unwrap();
        let svg = String::from_utf8(svg).unwrap();
        assert!(svg.contains("<svg") && svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("Russia"));
        let mut png = Vec::new();
        export::write(
            &g,
            &ontology(),
            Format::Png,
            &mut png,
            &ExportOptions::default(),
        )
        .unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    }
    // The plain DOT also parses with Graphviz without warnings about syntax.
    let out = std::process::Command::new("dot")
        .arg("-Tcanon")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin
                .take()
                .unwrap()
                .write_all(dot_text(&hostile_graph()).as_bytes())?;
            c.wait_with_output()
        })
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("syntax error"));
}

#[test]
fn a_missing_graphviz_is_a_clear_error() {
    let opts = ExportOptions {
        graphviz_dot: "/nonexistent/dot-binary".into(),
        ..Default::default()
    };
    let err = export::write(
        &simple_graph(),
        &ontology(),
        Format::Svg,
        &mut Vec::new(),
        &opts,
    )
    .unwrap_err();
    assert!(matches!(err, ExportError::GraphvizMissing));
    assert_eq!(
        err.to_string(),
        "Graphviz `dot` not found on PATH; install it (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz)"
    );
}
