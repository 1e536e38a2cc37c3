//! Protects `write_to_dir`: one `graph.<ext>` per format, atomic (no temp files left, a failing
//! format leaves its old file untouched), the other formats still written, the error naming the
//! failed format.

mod export_fixtures;
use export_fixtures::*;

use newsgraph::export::{self, ExportError, ExportOptions, Format};

fn listing(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn every_format_is_written_under_its_extension_without_leftovers() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("exports");
    let formats: Vec<Format> = if newsgraph::export::render::graphviz_available("dot") {
        Format::ALL.to_vec()
    } else {
        assert!(
            std::env::var_os("CI").is_none(),
            "Graphviz is required under CI"
        );
        Format::ALL
            .iter()
            .copied()
            .filter(|f| !f.needs_graphviz())
            .collect()
    };
    let written = export::write_to_dir(
        &simple_graph(),
        &ontology(),
        &formats,
        &out,
        &ExportOptions::default(),
    )
    .unwrap();
    assert_eq!(written.len(), formats.len());
    let expected: Vec<String> = {
        let mut v: Vec<String> = formats
            .iter()
            .map(|f| format!("graph.{}", f.file_extension()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        listing(&out),
        expected,
        "exactly the exports, no temp files"
    );
    for (f, p) in formats.iter().zip(&written) {
        assert_eq!(p, &out.join(export::file_name(*f)));
        let mut direct = Vec::new();
        export::write(
            &simple_graph(),
            &ontology(),
            *f,
            &mut direct,
            &ExportOptions::default(),
        )
        .unwrap();
        if !f.needs_graphviz() {
            assert_eq!(
                std::fs::read(p).unwrap(),
                direct,
                "{f}: file equals the direct write"
            );
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(p).unwrap().permissions().mode() & 0o777,
                0o644
            );
        }
    }
}

#[test]
fn a_failing_format_keeps_its_old_file_and_the_others_are_written() {
    let dir = tempfile::tempdir().unwrap();
    let old_svg = dir.path().join("graph.svg");
    std::fs::write(&old_svg, "old svg").unwrap();
    let old_ttl = dir.path().join("graph.ttl");
    std::fs::write(&old_ttl, "old ttl").unwrap();
    let opts = ExportOptions {
        graphviz_dot: "/nonexistent/dot-binary".into(),
        ..Default::default()
    };
    let err = export::write_to_dir(
        &simple_graph(),
        &ontology(),
        &[Format::Turtle, Format::Svg, Format::NodeLinkJson],
        dir.path(),
        &opts,
    )
    .unwrap_err();
    let ExportError::Partial { written, failures } = &err else {
        panic!("{err}")
    };
    assert_eq!(failures.len(), 1);
    assert_eq!(failures[0].0, Format::Svg);
    assert!(
        err.to_string().contains("[svg]") && err.to_string().contains("Graphviz"),
        "{err}"
    );
    assert_eq!(written.len(), 2);
    assert_eq!(
        std::fs::read_to_string(&old_svg).unwrap(),
        "old svg",
        "untouched"
    );
    assert!(
        std::fs::read_to_string(&old_ttl)
            .unwrap()
            .contains("ng:condemns"),
        "replaced"
    );
    assert_eq!(
        listing(dir.path()),
        ["graph.json", "graph.svg", "graph.ttl"]
    );
}

#[test]
fn an_rdf_failure_names_the_format_and_leaves_nothing_half_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut g = simple_graph();
    g.upsert_entity(node("Spaceship", "Enterprise", "kosovo-1", 300));
    let err = export::write_to_dir(
        &g,
        &ontology(),
        &[Format::NTriples, Format::Dot],
        dir.path(),
        &ExportOptions::default(),
    )
    .unwrap_err();
    let ExportError::Partial { failures, .. } = &err else {
        panic!("{err}")
    };
    assert_eq!(failures[0].0, Format::NTriples);
    assert!(
        err.to_string().contains("[nt]") && err.to_string().contains("Spaceship"),
        "{err}"
    );
    assert_eq!(listing(dir.path()), ["graph.dot"]);
}

#[test]
fn an_unwritable_directory_is_an_error_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    let err = export::write_to_dir(
        &simple_graph(),
        &ontology(),
        &[Format::Turtle],
        &file,
        &ExportOptions::default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("not-a-dir"), "{err}");
}
