//! Hand-built knowledge graphs shared by the export and query tests, including hostile strings.
#![allow(dead_code)]

use newsgraph::graph::{
    DocumentInfo, EntityMentionRecord, EntityNode, KnowledgeGraph, MergeReason, Modality,
    QuoteRecord, RelationMentionRecord, entity_iri,
};
use newsgraph::ontology::Ontology;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// Every C0 control character, DEL, quotes, angle brackets, ampersand, backslash, emoji and RTL.
pub fn hostile() -> String {
    let mut s = String::from("He said \"no\" <b>&amp;</b> C:\\path\\ 'x' \ttab\nnew line\r\n");
    for c in 0u32..=0x1f {
        s.push(char::from_u32(c).unwrap());
    }
    s.push('\u{7f}');
    s.push_str(" 🙂🇺🇳 שלום עליכם مرحبا }{ ]] @id _:b0 ng:x");
    s
}

pub fn ontology() -> Ontology {
    Ontology::embedded().expect("embedded ontology")
}

pub fn node(class: &str, name: &str, doc: &str, start: usize) -> EntityNode {
    EntityNode {
        iri: entity_iri(class, name),
        label: name.into(),
        class: class.into(),
        aliases: BTreeSet::new(),
        same_as: BTreeSet::new(),
        mentions: vec![EntityMentionRecord {
            document: doc.into(),
            start,
            end: start + name.chars().count(),
            text: name.into(),
        }],
        merge_reasons: vec![],
    }
}

pub fn mention(
    doc: &str,
    sentence: usize,
    start: usize,
    trigger: &str,
    evidence: &str,
) -> RelationMentionRecord {
    RelationMentionRecord {
        document: doc.into(),
        sentence,
        start,
        end: start + evidence.chars().count(),
        trigger: trigger.into(),
        evidence: evidence.into(),
        confidence: 0.8,
        modality: Modality::Asserted,
        attributed_to: None,
        pattern: "verb".into(),
    }
}

pub fn doc(id: &str, title: Option<&str>) -> DocumentInfo {
    DocumentInfo {
        id: id.into(),
        title: title.map(str::to_string),
        source: format!("articles/{id}.txt"),
        url: Some(format!(
            "https://en.wikinews.org/wiki/{}",
            id.replace(' ', "_")
        )),
        date: Some("2008-02-18".into()),
    }
}

pub fn russia() -> String {
    entity_iri("Country", "Russia")
}
pub fn kosovo() -> String {
    entity_iri("Territory", "Kosovo")
}
pub fn churkin() -> String {
    entity_iri("Person", "Vitaly Churkin")
}
pub fn serbia() -> String {
    entity_iri("Country", "Serbia")
}

/// A small, clean graph over one document.
pub fn simple_graph() -> KnowledgeGraph {
    let mut g = KnowledgeGraph::new();
    g.add_document(doc("kosovo-1", Some("Kosovo declares independence")));
    let mut r = node("Country", "Russia", "kosovo-1", 0);
    r.aliases.insert("Russian Federation".into());
    r.same_as
        .insert("http://www.wikidata.org/entity/Q159".into());
    r.merge_reasons.push(MergeReason {
        kind: "alias".into(),
        form: "Russian Federation".into(),
        document: "kosovo-1".into(),
    });
    g.upsert_entity(r);
    g.upsert_entity(node("Territory", "Kosovo", "kosovo-1", 17));
    g.upsert_entity(node("Country", "Serbia", "kosovo-1", 40));
    g.upsert_entity(node("Person", "Vitaly Churkin", "kosovo-1", 60));
    let ev = "Russia condemned Kosovo's declaration.";
    g.add_relation(
        &russia(),
        "condemns",
        &kosovo(),
        false,
        mention("kosovo-1", 0, 0, "condemned", ev),
    );
    g.add_relation(
        &russia(),
        "supports",
        &serbia(),
        false,
        mention("kosovo-1", 1, 50, "backed", "Russia backed Serbia."),
    );
    let mut neg = mention(
        "kosovo-1",
        2,
        80,
        "recognize",
        "Russia will not recognize Kosovo.",
    );
    neg.modality = Modality::Future;
    neg.confidence = 0.6;
    g.add_relation(&russia(), "recognizes", &kosovo(), true, neg);
    let mut rep = mention(
        "kosovo-1",
        3,
        120,
        "ambassador",
        "Russia's ambassador Vitaly Churkin said...",
    );
    rep.attributed_to = Some(churkin());
    g.add_relation(&churkin(), "represents", &russia(), false, rep);
    g.add_quote(QuoteRecord {
        speaker: Some(churkin()),
        text: "This is a violation of international law.".into(),
        document: "kosovo-1".into(),
        start: 200,
        end: 241,
    });
    g.canonicalize();
    g
}

/// A graph over two documents with hostile strings everywhere strings go.
pub fn hostile_graph() -> KnowledgeGraph {
    let mut g = simple_graph();
    let h = hostile();
    g.add_document(DocumentInfo {
        id: "doc 2 <evil> \"x\"".into(),
        title: Some(h.clone()),
        source: h.clone(),
        url: Some("not a url \"<>\"".into()),
        date: Some(format!("sometime {h}")),
    });
    let d2 = "doc 2 <evil> \"x\"";
    let long_name: String = "Very Long Name ".repeat(700).chars().take(10_000).collect();
    let mut evil = node("Organization", &format!("Evil {h}"), d2, 0);
    evil.aliases.insert(h.clone());
    evil.aliases.insert("Ali \u{0} as".into());
    evil.merge_reasons.push(MergeReason {
        kind: "coreference".into(),
        form: h.clone(),
        document: d2.into(),
    });
    let evil_iri = evil.iri.clone();
    g.upsert_entity(evil);
    let long = node("Person", &long_name, d2, 100);
    let long_iri = long.iri.clone();
    g.upsert_entity(long);
    let kurds = node("EthnicGroup", "כורדים", d2, 20_000);
    let kurds_iri = kurds.iri.clone();
    g.upsert_entity(kurds);
    g.upsert_entity(node("Country", "Russia", d2, 5));
    g.upsert_entity(node("Territory", "Kosovo", d2, 9));
    // Same relation mentioned in a second document.
    g.add_relation(
        &russia(),
        "condemns",
        &kosovo(),
        false,
        mention(d2, 0, 0, "slammed", &h),
    );
    // Two relations with the same predicate over the same evidence span (mention IRIs must differ).
    let mut a = mention(d2, 1, 300, "attacked", &h);
    a.attributed_to = Some(long_iri.clone());
    a.confidence = 1.0;
    a.modality = Modality::Hedged;
    g.add_relation(&evil_iri, "attacks", &russia(), false, a.clone());
    a.confidence = 0.0;
    g.add_relation(&evil_iri, "attacks", &kurds_iri, false, a);
    g.add_relation(
        &evil_iri,
        "attacks",
        &kurds_iri,
        true,
        mention(d2, 2, 400, "did not attack", &h),
    );
    g.add_relation(
        &long_iri,
        "leads",
        &evil_iri,
        false,
        mention(d2, 3, 500, "leader", &long_name),
    );
    g.add_quote(QuoteRecord {
        speaker: Some(long_iri),
        text: h.clone(),
        document: d2.into(),
        start: 600,
        end: 600 + h.chars().count(),
    });
    g.add_quote(QuoteRecord {
        speaker: None,
        text: "unattributed \"quote\"".into(),
        document: d2.into(),
        start: 700,
        end: 720,
    });
    g.canonicalize();
    g
}

/// Graphviz is required under CI; elsewhere a test may skip when it is missing.
pub fn graphviz_or_skip() -> bool {
    if newsgraph::export::render::graphviz_available("dot") {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!("Graphviz `dot` is required under CI (apt-get install graphviz)");
    }
    eprintln!("skipping: Graphviz `dot` not on PATH");
    false
}

pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}
