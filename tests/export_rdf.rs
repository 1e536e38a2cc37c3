//! Protects the RDF exports: every format re-parses (oxigraph) to exactly the quads of
//! `graph_to_quads`, negated relations are never asserted, mention IRIs are stable and unique,
//! and N-Quads shards of disjoint runs concatenate to the dataset of one run.

mod export_fixtures;
use export_fixtures::*;

use newsgraph::export::rdf::{graph_to_quads, graph_to_quads_with, union_graph};
use newsgraph::export::{self, ExportOptions, Format};
use newsgraph::graph::{KnowledgeGraph, document_iri};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::dataset::CanonicalizationAlgorithm;
use oxigraph::model::{Dataset, GraphName, Quad, Term, Triple};

const RDF_FORMATS: [Format; 6] = [
    Format::Turtle,
    Format::NTriples,
    Format::NQuads,
    Format::TriG,
    Format::RdfXml,
    Format::JsonLd,
];

fn export_bytes(g: &KnowledgeGraph, format: Format, opts: &ExportOptions) -> Vec<u8> {
    let mut out = Vec::new();
    export::write(g, &ontology(), format, &mut out, opts)
        .unwrap_or_else(|e| panic!("{format}: {e}"));
    out
}

fn parse(bytes: &[u8], format: Format) -> Dataset {
    let rdf_format = match format {
        Format::JsonLd => RdfFormat::JsonLd {
            profile: Default::default(),
        },
        f => export::rdf::rdf_format(f).unwrap(),
    };
    let mut d = Dataset::new();
    for q in RdfParser::from_format(rdf_format).for_slice(bytes) {
        let q = q.unwrap_or_else(|e| panic!("{format} does not re-parse: {e}"));
        d.insert(&q);
    }
    d
}

fn canonical(mut d: Dataset) -> Dataset {
    d.canonicalize(CanonicalizationAlgorithm::Unstable);
    d
}

fn dataset_of(quads: &[Quad]) -> Dataset {
    quads.iter().collect()
}

fn single_graph(quads: &[Quad]) -> Dataset {
    union_graph(quads)
        .into_iter()
        .map(|t: Triple| Quad::new(t.subject, t.predicate, t.object, GraphName::DefaultGraph))
        .collect()
}

fn assert_isomorphic(expected: Dataset, actual: Dataset, what: &str) {
    let (e, a) = (canonical(expected), canonical(actual));
    if e != a {
        let missing: Vec<String> = e
            .iter()
            .filter(|q| !a.contains(*q))
            .take(5)
            .map(|q| q.to_string())
            .collect();
        let extra: Vec<String> = a
            .iter()
            .filter(|q| !e.contains(*q))
            .take(5)
            .map(|q| q.to_string())
            .collect();
        panic!("{what}: not isomorphic\nmissing: {missing:#?}\nextra: {extra:#?}");
    }
}

fn check_round_trip(g: &KnowledgeGraph) {
    let quads = graph_to_quads(g, &ontology()).unwrap();
    assert!(!quads.is_empty());
    for format in RDF_FORMATS {
        let bytes = export_bytes(g, format, &ExportOptions::default());
        let parsed = parse(&bytes, format);
        let expected = if matches!(format, Format::NQuads | Format::TriG) {
            dataset_of(&quads)
        } else if format == Format::RdfXml {
            single_graph(&export::rdf::xml_safe_quads(&quads))
        } else {
            single_graph(&quads)
        };
        assert_isomorphic(expected, parsed, &format.to_string());
    }
}

#[test]
fn every_rdf_format_round_trips_a_clean_graph() {
    check_round_trip(&simple_graph());
}

#[test]
fn every_rdf_format_round_trips_hostile_strings() {
    check_round_trip(&hostile_graph());
}

#[test]
fn rdf_xml_is_well_formed_xml_1_0_even_with_control_characters() {
    let bytes = export_bytes(&hostile_graph(), Format::RdfXml, &ExportOptions::default());
    let text = String::from_utf8(bytes).unwrap();
    let illegal: Vec<char> = text
        .chars()
        .filter(|c| matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\r'))
        .collect();
    assert!(illegal.is_empty(), "{illegal:?}");
    assert!(text.contains("&#13;"), "CR kept as a character reference");
    // The clean parts of the hostile string survive exactly.
    assert!(text.contains("שלום עליכם") && text.contains("🙂"));
    // A strict XML parser (Python's expat) accepts it, when python3 is there.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graph.rdf");
    std::fs::write(&path, &text).unwrap();
    match std::process::Command::new("python3")
        .args(["-c", "import sys, xml.dom.minidom as m; d = m.parse(sys.argv[1]); print(chr(13) in d.toxml())"])
        .arg(&path)
        .output()
    {
        Ok(out) => {
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "True", "CR survives XML parsing");
        }
        Err(_) => eprintln!("skipping the expat check: no python3"),
    }
}

#[test]
fn exports_are_byte_identical_between_runs() {
    let g = hostile_graph();
    for format in RDF_FORMATS {
        assert_eq!(
            export_bytes(&g, format, &ExportOptions::default()),
            export_bytes(&g.clone(), format, &ExportOptions::default()),
            "{format}"
        );
    }
}

fn objects(quads: &[Quad], s: &str, p: &str) -> Vec<Term> {
    quads
        .iter()
        .filter(|q| q.subject.to_string() == format!("<{s}>") && q.predicate.as_str() == p)
        .map(|q| q.object.clone())
        .collect()
}

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const NG: &str = "https://newsgraph.dev/ontology#";

#[test]
fn entities_carry_both_classes_label_aliases_links_and_merge_reasons() {
    let quads = graph_to_quads(&simple_graph(), &ontology()).unwrap();
    let r = russia();
    let types: Vec<String> = objects(&quads, &r, RDF_TYPE)
        .iter()
        .map(|t| t.to_string())
        .collect();
    assert!(types.contains(&format!("<{NG}Country>")), "{types:?}");
    assert!(
        types.contains(&"<https://schema.org/Country>".to_string()),
        "{types:?}"
    );
    let label = objects(&quads, &r, "http://www.w3.org/2000/01/rdf-schema#label");
    assert_eq!(
        label.iter().map(|t| t.to_string()).collect::<Vec<_>>(),
        vec!["\"Russia\"@en"]
    );
    let alt = objects(&quads, &r, "http://www.w3.org/2004/02/skos/core#altLabel");
    assert_eq!(alt[0].to_string(), "\"Russian Federation\"@en");
    let same = objects(&quads, &r, "http://www.w3.org/2002/07/owl#sameAs");
    assert_eq!(same[0].to_string(), "<http://www.wikidata.org/entity/Q159>");
    let why = objects(&quads, &r, &format!("{NG}mergeReason"));
    assert_eq!(
        why[0].to_string(),
        "\"alias: Russian Federation (kosovo-1)\""
    );
    // Entity descriptions live in the default graph; only direct relation triples are per document.
    for q in quads
        .iter()
        .filter(|q| q.subject.to_string() == format!("<{r}>"))
    {
        let relation = ontology()
            .predicates
            .values()
            .any(|p| p.iri == q.predicate.as_str());
        assert_eq!(q.graph_name.is_default_graph(), !relation, "{q}");
    }
}

#[test]
fn negated_relations_are_only_mentions_never_direct_triples() {
    let quads = graph_to_quads(&simple_graph(), &ontology()).unwrap();
    let recognizes = format!("{NG}recognizes");
    assert!(
        !quads.iter().any(|q| q.predicate.as_str() == recognizes),
        "a negated relation must not be asserted"
    );
    let condemns = format!("{NG}condemns");
    let direct: Vec<&Quad> = quads
        .iter()
        .filter(|q| q.predicate.as_str() == condemns)
        .collect();
    assert_eq!(direct.len(), 1);
    assert_eq!(
        direct[0].graph_name.to_string(),
        format!("<{}>", document_iri("kosovo-1"))
    );
    // The negated mention exists, with ng:negated true and its modality.
    let mentions: Vec<String> = quads
        .iter()
        .filter(|q| {
            q.predicate.as_str() == format!("{NG}predicate")
                && q.object.to_string() == format!("<{recognizes}>")
        })
        .map(|q| q.subject.to_string())
        .collect();
    assert_eq!(mentions.len(), 1);
    let m = mentions[0].trim_matches(|c| c == '<' || c == '>');
    assert_eq!(
        objects(&quads, m, &format!("{NG}negated"))[0].to_string(),
        "\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>"
    );
    assert_eq!(
        objects(&quads, m, &format!("{NG}modality"))[0].to_string(),
        "\"future\""
    );
}

#[test]
fn every_relation_mention_gets_its_own_stable_iri_in_its_document_graph() {
    let g = hostile_graph();
    let quads = graph_to_quads(&g, &ontology()).unwrap();
    let mention_type = format!("<{NG}RelationMention>");
    let nodes: Vec<&Quad> = quads
        .iter()
        .filter(|q| q.predicate.as_str() == RDF_TYPE && q.object.to_string() == mention_type)
        .collect();
    let total: usize = g.relations().iter().map(|(_, _, e)| e.mentions.len()).sum();
    let mut iris: Vec<String> = nodes.iter().map(|q| q.subject.to_string()).collect();
    iris.sort();
    iris.dedup();
    assert_eq!(iris.len(), total, "one node per mention, no collisions");
    for q in &nodes {
        assert!(!q.graph_name.is_default_graph());
        let doc_graph = q.graph_name.to_string();
        assert!(
            q.subject
                .to_string()
                .starts_with(doc_graph.trim_end_matches('>')),
            "{q}"
        );
    }
    // Stable: rebuilding the same graph in another order gives the same IRIs.
    let again = graph_to_quads(&hostile_graph(), &ontology()).unwrap();
    assert_eq!(quads, again);
}

#[test]
fn documents_and_the_run_carry_provenance() {
    let opts = ExportOptions {
        timestamp: Some("2026-11-28T15:00:00Z".into()),
        ..Default::default()
    };
    let quads = graph_to_quads_with(&simple_graph(), &ontology(), &opts).unwrap();
    let d = document_iri("kosovo-1");
    let types: Vec<String> = objects(&quads, &d, RDF_TYPE)
        .iter()
        .map(|t| t.to_string())
        .collect();
    assert!(
        types.contains(&format!("<{NG}NewsArticle>"))
            && types.contains(&"<https://schema.org/NewsArticle>".into())
    );
    assert_eq!(
        objects(&quads, &d, "http://purl.org/dc/terms/title")[0].to_string(),
        "\"Kosovo declares independence\""
    );
    assert_eq!(objects(&quads, &d, "https://schema.org/headline").len(), 1);
    assert_eq!(
        objects(&quads, &d, "https://schema.org/url")[0].to_string(),
        "<https://en.wikinews.org/wiki/kosovo-1>"
    );
    assert_eq!(
        objects(&quads, &d, "https://schema.org/datePublished")[0].to_string(),
        "\"2008-02-18\"^^<http://www.w3.org/2001/XMLSchema#date>"
    );
    let run = export::rdf::run_iri(&opts);
    assert_eq!(
        objects(&quads, &run, "http://www.w3.org/ns/prov#used")[0].to_string(),
        format!("<{d}>")
    );
    assert_eq!(
        objects(&quads, &run, "http://www.w3.org/ns/prov#startedAtTime").len(),
        1
    );
    let agent = objects(&quads, &run, "http://www.w3.org/ns/prov#wasAssociatedWith");
    let agent = agent[0].to_string();
    let label = objects(
        &quads,
        agent.trim_matches(|c| c == '<' || c == '>'),
        "http://www.w3.org/2000/01/rdf-schema#label",
    );
    assert_eq!(
        label[0].to_string(),
        format!("\"newsgraph {}\"", env!("CARGO_PKG_VERSION"))
    );
    let bad = ExportOptions {
        timestamp: Some("yesterday".into()),
        ..Default::default()
    };
    let err = graph_to_quads_with(&simple_graph(), &ontology(), &bad).unwrap_err();
    assert!(err.to_string().contains("yesterday"), "{err}");
    // Without a timestamp there is no wall-clock time anywhere.
    let plain = graph_to_quads(&simple_graph(), &ontology()).unwrap();
    assert!(
        !plain
            .iter()
            .any(|q| q.predicate.as_str().ends_with("startedAtTime"))
    );
}

#[test]
fn nquads_of_disjoint_runs_concatenate_to_the_dataset_of_one_run() {
    let mut a = simple_graph();
    let b_full = hostile_graph();
    let mut b = b_full.clone();
    b.remove_document("kosovo-1");
    a.canonicalize();
    // Run over both = run over the merged graph.
    let mut both = a.clone();
    both.merge(b.clone());
    both.canonicalize();
    let opts = ExportOptions::default();
    let mut concatenated = export_bytes(&a, Format::NQuads, &opts);
    concatenated.extend(export_bytes(&b, Format::NQuads, &opts));
    let one = export_bytes(&both, Format::NQuads, &opts);
    assert_isomorphic(
        parse(&one, Format::NQuads),
        parse(&concatenated, Format::NQuads),
        "a.nq + b.nq vs (a+b).nq",
    );
}

#[test]
fn turtle_declares_every_ontology_prefix() {
    let text = String::from_utf8(export_bytes(
        &simple_graph(),
        Format::Turtle,
        &ExportOptions::default(),
    ))
    .unwrap();
    for (p, ns) in &ontology().prefixes {
        assert!(
            text.contains(&format!("@prefix {p}: <{ns}>")),
            "missing prefix {p}"
        );
    }
    assert!(text.contains("ng:condemns"), "prefixes are used");
}

#[test]
fn invalid_iris_and_unknown_classes_or_predicates_are_clear_errors() {
    let mut g = KnowledgeGraph::new();
    let mut bad = node("Country", "X", "d", 0);
    bad.iri = "not an iri".into();
    g.upsert_entity(bad);
    let err = graph_to_quads(&g, &ontology()).unwrap_err().to_string();
    assert!(err.contains("not an iri"), "{err}");

    let mut g = KnowledgeGraph::new();
    g.upsert_entity(node("Spaceship", "Enterprise", "d", 0));
    let err = graph_to_quads(&g, &ontology()).unwrap_err().to_string();
    assert!(err.contains("Spaceship"), "{err}");

    let mut g = KnowledgeGraph::new();
    g.upsert_entity(node("Country", "A", "d", 0));
    g.upsert_entity(node("Country", "B", "d", 5));
    let (a, b) = (
        newsgraph::graph::entity_iri("Country", "A"),
        newsgraph::graph::entity_iri("Country", "B"),
    );
    g.add_relation(
        &a,
        "befriends",
        &b,
        false,
        mention("d", 0, 0, "befriended", "A befriended B"),
    );
    let err = graph_to_quads(&g, &ontology()).unwrap_err().to_string();
    assert!(err.contains("befriends"), "{err}");
}

#[test]
fn an_empty_graph_exports_in_every_rdf_format() {
    let g = KnowledgeGraph::new();
    for format in RDF_FORMATS {
        let bytes = export_bytes(&g, format, &ExportOptions::default());
        let parsed = parse(&bytes, format);
        // Only the run and its agent.
        assert_eq!(parsed.len(), 5, "{format}");
    }
}
