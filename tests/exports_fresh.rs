//! `exports/` holds the seed article's outputs; this test fails when they are stale.
//! Regenerate them with: `cargo run --release -- extract examples/unsc-kosovo-2008.txt -o exports/`

use newsgraph::document::read_text_file;
use newsgraph::entities::gazetteer::Gazetteer;
use newsgraph::export::{self, ExportOptions, Format};
use newsgraph::ontology::Ontology;
use newsgraph::pipeline::Extractor;
use oxigraph::io::RdfParser;
use oxigraph::model::Dataset;
use std::path::Path;

fn dataset(bytes: &[u8], format: Format) -> Dataset {
    let rdf = match format {
        Format::Turtle => oxigraph::io::RdfFormat::Turtle,
        Format::NTriples => oxigraph::io::RdfFormat::NTriples,
        Format::NQuads => oxigraph::io::RdfFormat::NQuads,
        Format::TriG => oxigraph::io::RdfFormat::TriG,
        Format::RdfXml => oxigraph::io::RdfFormat::RdfXml,
        Format::JsonLd => oxigraph::io::RdfFormat::JsonLd {
            profile: Default::default(),
        },
        _ => unreachable!(),
    };
    let quads: Vec<_> = RdfParser::from_format(rdf)
        .for_slice(bytes)
        .collect::<Result<_, _>>()
        .unwrap();
    let mut d: Dataset = quads.into_iter().collect();
    d.canonicalize(oxigraph::model::dataset::CanonicalizationAlgorithm::Unstable);
    d
}

#[test]
fn committed_exports_match_a_fresh_extraction_of_the_seed_article() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // the same relative path as the documented command, since the source path is part of the graph
    std::env::set_current_dir(root).unwrap();
    let doc = read_text_file(Path::new("examples/unsc-kosovo-2008.txt")).unwrap();
    let ontology = Ontology::embedded().unwrap();
    let extractor = Extractor::new(&ontology, Gazetteer::embedded());
    let mut graph = extractor.extract(&doc);
    graph.canonicalize();
    let opts = ExportOptions::default();
    let stale = "exports/ is stale: run `cargo run --release -- extract examples/unsc-kosovo-2008.txt -o exports/`";
    for format in Format::ALL {
        let path = root.join("exports").join(export::file_name(format));
        let committed =
            std::fs::read(&path).unwrap_or_else(|_| panic!("{} missing; {stale}", path.display()));
        if format.needs_graphviz() {
            // rendered images depend on the installed Graphviz version: check they exist and are
            // rendered from a graph with the same entities
            assert!(committed.len() > 1000, "{} looks empty", path.display());
            if format == Format::Svg {
                let svg = String::from_utf8_lossy(&committed);
                for node in graph.entities() {
                    let shown = node
                        .label
                        .replace('&', "&amp;")
                        .replace('<', "&lt;")
                        .replace('>', "&gt;");
                    let shown: String = shown.chars().take(20).collect();
                    assert!(
                        svg.contains(&shown),
                        "{} not in graph.svg; {stale}",
                        node.label
                    );
                }
            }
            continue;
        }
        let mut fresh = Vec::new();
        export::write(&graph, &ontology, format, &mut fresh, &opts).unwrap();
        if format.is_rdf() {
            assert!(
                dataset(&committed, format) == dataset(&fresh, format),
                "graph.{} differs; {stale}",
                format.file_extension()
            );
        } else {
            assert!(
                committed == fresh,
                "graph.{} differs; {stale}",
                format.file_extension()
            );
        }
    }
}
