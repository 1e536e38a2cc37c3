//! Protects the SPARQL engine: loading every RDF export format, the union default graph,
//! predeclared prefixes (without overriding the query's own), SELECT/ASK/CONSTRUCT, every
//! results format, and clear errors.

mod export_fixtures;
use export_fixtures::*;

use newsgraph::export::{self, ExportOptions, Format};
use newsgraph::query::{QueryEngine, QueryError, QueryOutput, ResultsFormat};

fn engine() -> QueryEngine {
    let mut e = QueryEngine::new(&ontology()).unwrap();
    let n = e.load_graph(&simple_graph(), &ontology()).unwrap();
    assert!(n > 0);
    e
}

fn render(out: &QueryOutput, f: ResultsFormat) -> String {
    let mut buf = Vec::new();
    out.write(f, &mut buf).unwrap();
    String::from_utf8(buf).unwrap()
}

const WHO_CONDEMNS: &str = "SELECT ?s ?o WHERE { ?s ng:condemns ?o }";

#[test]
fn select_uses_predeclared_prefixes_and_the_union_of_graphs() {
    let out = engine().run(WHO_CONDEMNS).unwrap();
    let QueryOutput::Solutions {
        variables, rows, ..
    } = &out
    else {
        panic!("{out:?}")
    };
    assert_eq!(
        variables.iter().map(|v| v.as_str()).collect::<Vec<_>>(),
        ["s", "o"]
    );
    assert_eq!(
        rows.len(),
        1,
        "the direct triple sits in a document graph, found without GRAPH"
    );
    let table = render(&out, ResultsFormat::Table);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines[0], "?s                  | ?o");
    assert_eq!(lines[2], "ngid:Country/Russia | ngid:Territory/Kosovo");
    assert_eq!(lines[3], "(1 row)");
}

#[test]
fn a_prefix_declared_by_the_query_wins() {
    let e = engine();
    let out = e
        .run("PREFIX ng: <http://example.org/nothing#> SELECT ?s WHERE { ?s ng:condemns ?o }")
        .unwrap();
    let QueryOutput::Solutions { rows, .. } = out else {
        panic!()
    };
    assert!(rows.is_empty(), "ng: was redefined by the query");
}

#[test]
fn negated_relations_are_queryable_through_mentions_only() {
    let e = engine();
    let out = e.run("ASK { ?s ng:recognizes ?o }").unwrap();
    assert_eq!(out, QueryOutput::Boolean(false));
    let out = e
        .run("SELECT ?trigger ?modality WHERE { ?m a ng:RelationMention ; ng:predicate ng:recognizes ; ng:negated true ; ng:trigger ?trigger ; ng:modality ?modality }")
        .unwrap();
    let table = render(&out, ResultsFormat::Table);
    assert!(table.contains("\"recognize\" | \"future\""), "{table}");
}

#[test]
fn ask_in_every_format() {
    let out = engine().run("ASK { ?x a ng:Country }").unwrap();
    assert_eq!(render(&out, ResultsFormat::Table), "true\n");
    assert!(render(&out, ResultsFormat::Json).contains("\"boolean\":true"));
    assert!(render(&out, ResultsFormat::Xml).contains("<boolean>true</boolean>"));
    assert_eq!(render(&out, ResultsFormat::Csv).trim(), "true");
    assert_eq!(render(&out, ResultsFormat::Tsv).trim(), "true");
}

#[test]
fn select_in_every_results_format() {
    let out = engine()
        .run("SELECT ?label WHERE { ?x a ng:Country ; rdfs:label ?label } ORDER BY ?label")
        .unwrap();
    let json: serde_json::Value = serde_json::from_str(&render(&out, ResultsFormat::Json)).unwrap();
    assert_eq!(json["head"]["vars"], serde_json::json!(["label"]));
    assert_eq!(json["results"]["bindings"][0]["label"]["value"], "Russia");
    assert_eq!(json["results"]["bindings"][0]["label"]["xml:lang"], "en");
    assert_eq!(
        render(&out, ResultsFormat::Csv).replace("\r\n", "\n"),
        "label\nRussia\nSerbia\n"
    );
    assert_eq!(
        render(&out, ResultsFormat::Tsv).replace("\r\n", "\n"),
        "?label\n\"Russia\"@en\n\"Serbia\"@en\n"
    );
    let xml = render(&out, ResultsFormat::Xml);
    assert!(
        xml.contains("<literal xml:lang=\"en\">Russia</literal>"),
        "{xml}"
    );
    let table = render(&out, ResultsFormat::Table);
    assert_eq!(
        table,
        "?label\n-----------\n\"Russia\"@en\n\"Serbia\"@en\n(2 rows)\n"
    );
}

#[test]
fn construct_prints_turtle_with_prefixes() {
    let out = engine()
        .run("CONSTRUCT { ?o ng:condemnedBy ?s } WHERE { ?s ng:condemns ?o }")
        .unwrap();
    let QueryOutput::Graph { triples, .. } = &out else {
        panic!("{out:?}")
    };
    assert_eq!(triples.len(), 1);
    let ttl = render(&out, ResultsFormat::Table);
    assert!(
        ttl.contains("@prefix ng: <https://newsgraph.dev/ontology#>"),
        "{ttl}"
    );
    // oxttl writes `/` in local names as `\/`; what matters is that it parses back.
    assert!(ttl.contains("ng:condemnedBy"), "{ttl}");
    let parsed: Vec<oxigraph::model::Triple> =
        oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle)
            .for_slice(ttl.as_bytes())
            .map(|q| q.unwrap().into())
            .collect();
    assert_eq!(&parsed, triples);
    let nt = render(&out, ResultsFormat::Csv);
    assert!(
        nt.starts_with("<https://newsgraph.dev/id/Territory/Kosovo>"),
        "{nt}"
    );
}

#[test]
fn every_rdf_export_file_loads_and_answers_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let g = hostile_graph();
    let formats = [
        Format::Turtle,
        Format::NTriples,
        Format::NQuads,
        Format::TriG,
        Format::RdfXml,
        Format::JsonLd,
    ];
    let paths = export::write_to_dir(
        &g,
        &ontology(),
        &formats,
        dir.path(),
        &ExportOptions::default(),
    )
    .unwrap();
    let count_query = "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a ng:RelationMention }";
    let expected: usize = g.relations().iter().map(|(_, _, e)| e.mentions.len()).sum();
    for p in paths {
        let mut e = QueryEngine::new(&ontology()).unwrap();
        assert!(e.load_path(&p).unwrap() > 0);
        let out = e.run(count_query).unwrap();
        let csv = render(&out, ResultsFormat::Csv);
        assert_eq!(
            csv.lines().nth(1).unwrap().trim(),
            expected.to_string(),
            "{}",
            p.display()
        );
    }
}

#[test]
fn hostile_values_are_escaped_in_the_table() {
    let mut e = QueryEngine::new(&ontology()).unwrap();
    e.load_graph(&hostile_graph(), &ontology()).unwrap();
    let out = e
        .run("SELECT ?t WHERE { ?q a ng:Quotation ; schema:text ?t }")
        .unwrap();
    let table = render(&out, ResultsFormat::Table);
    // One line per row: newlines and control characters are escaped.
    assert_eq!(table.lines().count(), 2 + 3 + 1, "{table}");
    assert!(!table.chars().any(|c| c.is_control() && c != '\n'));
}

#[test]
fn errors_are_clear() {
    let e = engine();
    assert!(matches!(
        e.run("SELECT WHERE {"),
        Err(QueryError::Syntax(_))
    ));
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ttl");
    std::fs::write(
        &bad,
        "@prefix ex: <http://x/> .\nex:a ex:b \n ex:c ex:d .\n",
    )
    .unwrap();
    let mut e2 = QueryEngine::new(&ontology()).unwrap();
    let err = e2.load_path(&bad).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("bad.ttl:") && matches!(err, QueryError::Parse { line, .. } if line > 0),
        "{msg}"
    );
    assert_eq!(e2.len().unwrap(), 0, "nothing of a broken file is loaded");
    let unknown = dir.path().join("data.csv");
    std::fs::write(&unknown, "a,b").unwrap();
    assert!(matches!(
        e2.load_path(&unknown),
        Err(QueryError::UnknownFormat { .. })
    ));
    assert!(matches!(
        e2.load_path(&dir.path().join("missing.nt")),
        Err(QueryError::Io { .. })
    ));
    assert!("yaml".parse::<ResultsFormat>().is_err());
}

#[test]
fn a_fact_stated_in_two_documents_is_one_triple_of_the_union_graph() {
    let mut e = QueryEngine::new(&ontology()).unwrap();
    e.load_graph(&hostile_graph(), &ontology()).unwrap();
    let out = e
        .run("SELECT ?g WHERE { GRAPH ?g { ?s ng:condemns ?o } }")
        .unwrap();
    let QueryOutput::Solutions { rows, .. } = out else {
        panic!()
    };
    assert_eq!(rows.len(), 2, "asserted in both document graphs");
    let out = e.run(WHO_CONDEMNS).unwrap();
    let QueryOutput::Solutions { rows, .. } = out else {
        panic!()
    };
    assert_eq!(rows.len(), 1, "the union default graph is a set: {rows:?}");
}
