//! Protects the export contract: RDF exports satisfy ontology/shapes.ttl (checked by the
//! SPARQL-based validator in `export::shacl`), the validator really catches violations, and the
//! per-class shapes stay in sync with the ontology.

mod export_fixtures;
use export_fixtures::*;

use newsgraph::export::rdf::graph_to_quads;
use newsgraph::export::shacl::{ShaclError, validate_export, validate_quads};
use newsgraph::ontology::EMBEDDED_SHAPES;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad};

#[test]
fn exports_satisfy_the_shapes() {
    for g in [
        simple_graph(),
        hostile_graph(),
        newsgraph::graph::KnowledgeGraph::new(),
    ] {
        let quads = graph_to_quads(&g, &ontology()).unwrap();
        let violations = validate_export(&quads).unwrap();
        assert!(
            violations.is_empty(),
            "{}",
            violations
                .iter()
                .map(|v| v.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

#[test]
fn the_reparsed_nquads_file_satisfies_the_shapes_too() {
    let mut out = Vec::new();
    newsgraph::export::write(
        &hostile_graph(),
        &ontology(),
        newsgraph::export::Format::NQuads,
        &mut out,
        &Default::default(),
    )
    .unwrap();
    let quads: Vec<Quad> = RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(&out)
        .map(Result::unwrap)
        .collect();
    assert!(validate_export(&quads).unwrap().is_empty());
}

fn violations_after(edit: impl FnOnce(&mut Vec<Quad>)) -> Vec<String> {
    let mut quads = graph_to_quads(&simple_graph(), &ontology()).unwrap();
    edit(&mut quads);
    validate_export(&quads)
        .unwrap()
        .iter()
        .map(|v| v.to_string())
        .collect()
}

const NG: &str = "https://newsgraph.dev/ontology#";

#[test]
fn the_validator_catches_each_kind_of_violation() {
    // Missing label (minCount) on an entity.
    let v = violations_after(|q| {
        q.retain(|q| {
            !(q.subject.to_string() == format!("<{}>", russia())
                && q.predicate.as_str().ends_with("#label"))
        })
    });
    assert!(
        v.iter()
            .any(|v| v.contains("sh:minCount 1") && v.contains("rdf-schema#label")),
        "{v:#?}"
    );
    // A second label (maxCount).
    let v = violations_after(|q| {
        q.push(Quad::new(
            NamedNode::new(russia()).unwrap(),
            NamedNode::new("http://www.w3.org/2000/01/rdf-schema#label").unwrap(),
            Literal::new_language_tagged_literal("Rossiya", "en").unwrap(),
            GraphName::DefaultGraph,
        ))
    });
    assert!(v.iter().any(|v| v.contains("sh:maxCount 1")), "{v:#?}");
    // Missing schema.org type (node-level sh:class).
    let v =
        violations_after(|q| q.retain(|q| q.object.to_string() != "<https://schema.org/Country>"));
    assert!(
        v.iter()
            .any(|v| v.contains("sh:class <https://schema.org/Country>")),
        "{v:#?}"
    );
    // Confidence out of range, wrong datatype.
    let conf = format!("{NG}confidence");
    let v = violations_after(|q| {
        for x in q.iter_mut().filter(|x| x.predicate.as_str() == conf) {
            x.object = Literal::from(1.5).into();
        }
    });
    assert!(v.iter().any(|v| v.contains("sh:maxInclusive")), "{v:#?}");
    let v = violations_after(|q| {
        for x in q.iter_mut().filter(|x| x.predicate.as_str() == conf) {
            x.object = Literal::new_simple_literal("high").into();
        }
    });
    assert!(
        v.iter().any(|v| v.contains("sh:datatype"))
            && v.iter().any(|v| v.contains("sh:minInclusive")),
        "{v:#?}"
    );
    // beginIndex > endIndex.
    let begin = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex";
    let v = violations_after(|q| {
        for x in q.iter_mut().filter(|x| x.predicate.as_str() == begin) {
            x.object = Literal::new_typed_literal(
                "100000",
                oxigraph::model::vocab::xsd::NON_NEGATIVE_INTEGER,
            )
            .into();
        }
    });
    assert!(
        v.iter().any(|v| v.contains("sh:lessThanOrEquals")),
        "{v:#?}"
    );
    // xsd:integer where xsd:nonNegativeInteger is required (oxigraph's store would hide this).
    let v = violations_after(|q| {
        for x in q.iter_mut().filter(|x| x.predicate.as_str() == begin) {
            x.object = Literal::new_typed_literal("1", oxigraph::model::vocab::xsd::INTEGER).into();
        }
    });
    assert!(
        v.iter()
            .any(|v| v.contains("sh:datatype") && v.contains("nonNegativeInteger")),
        "{v:#?}"
    );
    // Modality outside the list.
    let modality = format!("{NG}modality");
    let v = violations_after(|q| {
        for x in q.iter_mut().filter(|x| x.predicate.as_str() == modality) {
            x.object = Literal::new_simple_literal("rumoured").into();
        }
    });
    assert!(v.iter().any(|v| v.contains("sh:in")), "{v:#?}");
    // wasDerivedFrom something that is not a NewsArticle.
    let v =
        violations_after(|q| q.retain(|q| q.object.to_string() != format!("<{NG}NewsArticle>")));
    assert!(
        v.iter()
            .any(|v| v.contains("sh:class <https://newsgraph.dev/ontology#NewsArticle>")),
        "{v:#?}"
    );
}

#[test]
fn per_class_shapes_match_the_ontology() {
    let o = ontology();
    let mut triples = Vec::new();
    for q in RdfParser::from_format(RdfFormat::Turtle).for_slice(EMBEDDED_SHAPES.as_bytes()) {
        triples.push(q.unwrap());
    }
    for class in o.classes.values() {
        let shape = triples
            .iter()
            .find(|q| {
                q.predicate.as_str() == "http://www.w3.org/ns/shacl#targetClass"
                    && q.object.to_string() == format!("<{}>", class.iri)
            })
            .unwrap_or_else(|| panic!("no shape targets {}", class.local))
            .subject
            .clone();
        let schema = class
            .schema_class
            .as_ref()
            .unwrap_or_else(|| panic!("{} has no schema class", class.local));
        assert!(
            triples.iter().any(|q| q.subject == shape
                && q.predicate.as_str() == "http://www.w3.org/ns/shacl#class"
                && q.object.to_string() == format!("<{schema}>")),
            "shape of {} must require {schema}",
            class.local
        );
    }
}

#[test]
fn unsupported_shacl_is_refused_not_ignored() {
    let shapes = r#"@prefix sh: <http://www.w3.org/ns/shacl#> .
        <http://x/S> a sh:NodeShape ; sh:targetClass <http://x/C> ;
            sh:property [ sh:path <http://x/p> ; sh:pattern "^a" ] ."#;
    let err = validate_quads(&[], shapes, "inline").unwrap_err();
    assert!(matches!(err, ShaclError::Unsupported { .. }), "{err}");
    assert!(err.to_string().contains("sh:pattern"), "{err}");
}
