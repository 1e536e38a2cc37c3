//! RDF export: the knowledge graph as quads ([`graph_to_quads`]), serialized by oxigraph as
//! Turtle, N-Triples, N-Quads, TriG or RDF/XML with every ontology prefix.
//!
//! # What is written
//!
//! * **Entities** (default graph): `rdf:type` the ng: class *and* its schema.org class (no
//!   inference is assumed), `rdfs:label` (`@en`), `skos:altLabel` per alias (`@en`), `owl:sameAs`
//!   per linked IRI, `ng:mergeReason` literals (`kind: form (document id)`).
//! * **Relations**: for a non-negated relation, the direct triple `subject ng:predicate object`
//!   in the named graph of every document that mentions it. A *negated* relation is never
//!   asserted as a direct triple (that would state the opposite of the text); it exists only as
//!   its mention nodes with `ng:negated true`.
//! * **Relation mentions**: one `ng:RelationMention` node per occurrence with a stable IRI
//!   (document IRI + `/mention/` + offsets + predicate + a hash of the rest, see [`mention_iri`]):
//!   `ng:subject`, `ng:predicate` (the predicate IRI), `ng:object`, `ng:confidence`
//!   (`xsd:double`), `ng:negated` (`xsd:boolean`), `ng:modality`, `ng:trigger`,
//!   `ng:sentenceIndex`, `ng:attributedTo`, `prov:wasDerivedFrom` the document,
//!   `prov:wasGeneratedBy` the run, `nif:beginIndex`/`nif:endIndex`
//!   (`xsd:nonNegativeInteger`, character offsets) and `nif:anchorOf` the evidence.
//! * **Quotes**: `ng:Quotation` nodes with `ng:speaker`, `schema:text`, nif offsets,
//!   `prov:wasDerivedFrom`, `prov:wasGeneratedBy`.
//! * **Documents**: `ng:NewsArticle` + `schema:NewsArticle`, `dcterms:identifier`,
//!   `dcterms:title` + `schema:headline`, `dcterms:source`, `schema:url`,
//!   `schema:datePublished`; the run `prov:used` the document.
//! * **The run** (default graph): `prov:Activity` + `ng:ExtractionRun`,
//!   `prov:wasAssociatedWith` a `prov:SoftwareAgent` labelled with the generator. Its IRI is a
//!   hash of the generator (and timestamp, if any), so it is deterministic.
//!
//! # Named graphs (N-Quads, TriG)
//!
//! The default graph holds what is shared: entity descriptions and the run/agent description.
//! Each document has a named graph (its IRI, [`crate::graph::document_iri`]) holding its
//! metadata, `run prov:used doc`, the direct triples of the relations it mentions, its relation
//! mentions and its quotes. Since every IRI is derived from content (never from a counter), the
//! N-Quads of two runs over disjoint document sets concatenate to the same dataset as one run
//! over both (tested). The one exception: an entity whose canonical label differs between the
//! two runs gets two labels.
//!
//! Turtle, N-Triples, RDF/XML and JSON-LD hold the union of all graphs as one graph
//! ([`union_graph`]).

use super::{ExportError, ExportOptions, Format, stable_hash};
use crate::graph::{
    DocumentInfo, EntityNode, KnowledgeGraph, QuoteRecord, RelationMentionRecord, document_iri,
    slug,
};
use crate::ontology::{ENTITY_BASE, NG, Ontology};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{
    GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term, Triple, TripleRef,
};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;

/// Namespace IRIs used by the exporter.
pub mod ns {
    /// SKOS.
    pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
    /// OWL.
    pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
    /// schema.org.
    pub const SCHEMA: &str = "https://schema.org/";
    /// PROV-O.
    pub const PROV: &str = "http://www.w3.org/ns/prov#";
    /// NIF core.
    pub const NIF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
    /// DCMI terms.
    pub const DCTERMS: &str = "http://purl.org/dc/terms/";
}

fn iri(namespace: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{namespace}{local}"))
}

fn ng(local: &str) -> NamedNode {
    iri(NG, local)
}

fn checked_iri(value: &str, what: impl FnOnce() -> String) -> Result<NamedNode, ExportError> {
    NamedNode::new(value).map_err(|e| ExportError::InvalidIri {
        what: what(),
        iri: value.to_string(),
        message: e.to_string(),
    })
}

fn string(value: &str) -> Term {
    Literal::new_simple_literal(value).into()
}

fn english(value: &str) -> Term {
    Literal::new_language_tagged_literal_unchecked(value, "en").into()
}

fn non_negative(value: usize) -> Term {
    Literal::new_typed_literal(value.to_string(), xsd::NON_NEGATIVE_INTEGER).into()
}

/// Collects quads, keeping per-subject grouping (serializers abbreviate consecutive subjects).
struct Sink {
    quads: Vec<Quad>,
    graph: GraphName,
}

impl Sink {
    fn add(&mut self, s: &NamedNode, p: NamedNode, o: impl Into<Term>) {
        self.quads.push(Quad::new(
            NamedOrBlankNode::NamedNode(s.clone()),
            p,
            o.into(),
            self.graph.clone(),
        ));
    }
}

/// The IRI of the extraction run for these options: a hash of the generator and timestamp.
pub fn run_iri(opts: &ExportOptions) -> String {
    let h = stable_hash(&[&opts.generator, opts.timestamp.as_deref().unwrap_or("")]);
    format!("{ENTITY_BASE}run/{h:016x}")
}

/// The IRI of the software agent named by the generator.
pub fn agent_iri(opts: &ExportOptions) -> String {
    format!("{ENTITY_BASE}agent/{}", slug(&opts.generator))
}

/// The stable IRI of one relation mention: the document IRI, `/mention/`, the character offsets,
/// the predicate, and a hash of everything else that distinguishes it (subject, object, negation,
/// trigger, sentence, attribution, confidence, modality, evidence, the raw document id).
pub fn mention_iri(
    subject: &str,
    predicate: &str,
    object: &str,
    negated: bool,
    m: &RelationMentionRecord,
) -> String {
    let sentence = m.sentence.to_string();
    let confidence = m.confidence.to_bits().to_string();
    let h = stable_hash(&[
        &m.document,
        subject,
        predicate,
        object,
        if negated { "1" } else { "0" },
        &m.trigger,
        &sentence,
        m.attributed_to.as_deref().unwrap_or(""),
        &confidence,
        m.modality.name(),
        &m.evidence,
    ]);
    format!(
        "{}/mention/{}-{}-{}-{h:016x}",
        document_iri(&m.document),
        m.start,
        m.end,
        slug(predicate)
    )
}

/// The stable IRI of a quotation: document IRI, `/quote/`, offsets and a hash of speaker and text.
pub fn quote_iri(q: &QuoteRecord) -> String {
    let h = stable_hash(&[&q.document, q.speaker.as_deref().unwrap_or(""), &q.text]);
    format!(
        "{}/quote/{}-{}-{h:016x}",
        document_iri(&q.document),
        q.start,
        q.end
    )
}

/// The quads of the graph with default [`ExportOptions`] (see the module documentation).
pub fn graph_to_quads(
    graph: &KnowledgeGraph,
    ontology: &Ontology,
) -> Result<Vec<Quad>, ExportError> {
    graph_to_quads_with(graph, ontology, &ExportOptions::default())
}

/// The quads of the graph (see the module documentation): entity descriptions and the run in
/// the default graph, then one named graph per document, in a deterministic order.
pub fn graph_to_quads_with(
    graph: &KnowledgeGraph,
    ontology: &Ontology,
    opts: &ExportOptions,
) -> Result<Vec<Quad>, ExportError> {
    let mut default = Sink {
        quads: Vec::new(),
        graph: GraphName::DefaultGraph,
    };
    for node in graph.entities() {
        entity_quads(node, ontology, &mut default)?;
    }
    let run = NamedNode::new(run_iri(opts)).map_err(|e| ExportError::InvalidIri {
        what: "run".into(),
        iri: run_iri(opts),
        message: e.to_string(),
    })?;
    let agent = checked_iri(&agent_iri(opts), || "software agent".into())?;
    default.add(&run, rdf::TYPE.into(), iri(ns::PROV, "Activity"));
    default.add(&run, rdf::TYPE.into(), ng("ExtractionRun"));
    default.add(&run, iri(ns::PROV, "wasAssociatedWith"), agent.clone());
    if let Some(ts) = &opts.timestamp {
        if !is_date_time(ts) {
            return Err(ExportError::InvalidTimestamp { value: ts.clone() });
        }
        default.add(
            &run,
            iri(ns::PROV, "startedAtTime"),
            Literal::new_typed_literal(ts, xsd::DATE_TIME),
        );
    }
    default.add(&agent, rdf::TYPE.into(), iri(ns::PROV, "SoftwareAgent"));
    default.add(&agent, rdfs::LABEL.into(), string(&opts.generator));

    // Per-document graphs, in input order; documents only referenced by mentions come after,
    // sorted by id.
    let mut per_doc: BTreeMap<&str, Vec<Quad>> = BTreeMap::new();
    let mut docs = DocNodes::default();
    for (s, o, edge) in graph.relations() {
        let pred =
            ontology
                .predicate(&edge.predicate)
                .ok_or_else(|| ExportError::UnknownPredicate {
                    subject: s.iri.clone(),
                    predicate: edge.predicate.clone(),
                    object: o.iri.clone(),
                    ontology: ontology.source_name.clone(),
                })?;
        let what = || format!("relation {} {} {}", s.iri, edge.predicate, o.iri);
        let subject = checked_iri(&s.iri, what)?;
        let object = checked_iri(&o.iri, what)?;
        let predicate = checked_iri(&pred.iri, what)?;
        let mut asserted_in: HashSet<&str> = HashSet::new();
        for m in &edge.mentions {
            let mut sink = Sink {
                quads: Vec::new(),
                graph: GraphName::NamedNode(docs.node(&m.document)?),
            };
            if !edge.negated && asserted_in.insert(&m.document) {
                sink.quads.push(Quad::new(
                    subject.clone(),
                    predicate.clone(),
                    object.clone(),
                    sink.graph.clone(),
                ));
            }
            let node = checked_iri(
                &mention_iri(&s.iri, &edge.predicate, &o.iri, edge.negated, m),
                what,
            )?;
            sink.add(&node, rdf::TYPE.into(), ng("RelationMention"));
            sink.add(&node, ng("subject"), subject.clone());
            sink.add(&node, ng("predicate"), predicate.clone());
            sink.add(&node, ng("object"), object.clone());
            sink.add(&node, ng("confidence"), Literal::from(m.confidence));
            sink.add(&node, ng("negated"), Literal::from(edge.negated));
            sink.add(&node, ng("modality"), string(m.modality.name()));
            sink.add(&node, ng("trigger"), string(&m.trigger));
            sink.add(
                &node,
                ng("sentenceIndex"),
                Literal::new_typed_literal(m.sentence.to_string(), xsd::INTEGER),
            );
            if let Some(speaker) = &m.attributed_to {
                sink.add(&node, ng("attributedTo"), checked_iri(speaker, what)?);
            }
            sink.add(
                &node,
                iri(ns::PROV, "wasDerivedFrom"),
                docs.node(&m.document)?,
            );
            sink.add(&node, iri(ns::PROV, "wasGeneratedBy"), run.clone());
            sink.add(&node, iri(ns::NIF, "beginIndex"), non_negative(m.start));
            sink.add(&node, iri(ns::NIF, "endIndex"), non_negative(m.end));
            sink.add(&node, iri(ns::NIF, "anchorOf"), string(&m.evidence));
            per_doc.entry(&m.document).or_default().extend(sink.quads);
        }
    }
    for q in &graph.quotes {
        let what = || format!("quote in document {} at {}", q.document, q.start);
        let mut sink = Sink {
            quads: Vec::new(),
            graph: GraphName::NamedNode(docs.node(&q.document)?),
        };
        let node = checked_iri(&quote_iri(q), what)?;
        sink.add(&node, rdf::TYPE.into(), ng("Quotation"));
        if let Some(speaker) = &q.speaker {
            sink.add(&node, ng("speaker"), checked_iri(speaker, what)?);
        }
        sink.add(&node, iri(ns::SCHEMA, "text"), string(&q.text));
        sink.add(&node, iri(ns::NIF, "beginIndex"), non_negative(q.start));
        sink.add(&node, iri(ns::NIF, "endIndex"), non_negative(q.end));
        sink.add(
            &node,
            iri(ns::PROV, "wasDerivedFrom"),
            docs.node(&q.document)?,
        );
        sink.add(&node, iri(ns::PROV, "wasGeneratedBy"), run.clone());
        per_doc.entry(&q.document).or_default().extend(sink.quads);
    }

    let mut quads = default.quads;
    let listed: HashSet<&str> = graph.documents.iter().map(|d| d.id.as_str()).collect();
    let mut order: Vec<DocumentInfo> = graph.documents.clone();
    for id in per_doc.keys() {
        if !listed.contains(id) {
            // Referenced by a mention but not listed: describe it minimally so that every
            // mention's prov:wasDerivedFrom is a typed ng:NewsArticle.
            order.push(DocumentInfo {
                id: id.to_string(),
                title: None,
                source: id.to_string(),
                url: None,
                date: None,
            });
        }
    }
    // Several ids can share a document IRI (same slug): their content shares the graph, and the
    // first document's description wins.
    let mut by_iri: HashMap<String, Vec<Quad>> = HashMap::new();
    for (id, doc_quads) in per_doc {
        by_iri
            .entry(document_iri(id))
            .or_default()
            .extend(doc_quads);
    }
    let mut done: HashSet<String> = HashSet::new();
    for d in &order {
        let iri = document_iri(&d.id);
        if !done.insert(iri.clone()) {
            continue;
        }
        let mut sink = Sink {
            quads: Vec::new(),
            graph: doc_graph(&d.id)?,
        };
        document_quads(d, &run, &mut sink)?;
        quads.extend(sink.quads);
        if let Some(doc_quads) = by_iri.remove(&iri) {
            quads.extend(doc_quads);
        }
    }
    Ok(quads)
}

/// Document IRIs, minted and checked once per document id.
#[derive(Default)]
struct DocNodes(HashMap<String, NamedNode>);

impl DocNodes {
    fn node(&mut self, id: &str) -> Result<NamedNode, ExportError> {
        if let Some(n) = self.0.get(id) {
            return Ok(n.clone());
        }
        let n = doc_node(id)?;
        self.0.insert(id.to_string(), n.clone());
        Ok(n)
    }
}

fn doc_node(id: &str) -> Result<NamedNode, ExportError> {
    checked_iri(&document_iri(id), || format!("document {id:?}"))
}

fn doc_graph(id: &str) -> Result<GraphName, ExportError> {
    Ok(GraphName::NamedNode(doc_node(id)?))
}

fn entity_quads(
    node: &EntityNode,
    ontology: &Ontology,
    sink: &mut Sink,
) -> Result<(), ExportError> {
    let what = || format!("entity {:?}", node.label);
    let s = checked_iri(&node.iri, what)?;
    let class = ontology
        .class(&node.class)
        .ok_or_else(|| ExportError::UnknownClass {
            iri: node.iri.clone(),
            class: node.class.clone(),
            ontology: ontology.source_name.clone(),
        })?;
    sink.add(&s, rdf::TYPE.into(), checked_iri(&class.iri, what)?);
    if let Some(schema) = &class.schema_class {
        sink.add(&s, rdf::TYPE.into(), checked_iri(schema, what)?);
    }
    sink.add(&s, rdfs::LABEL.into(), english(&node.label));
    for alias in &node.aliases {
        if alias != &node.label {
            sink.add(&s, iri(ns::SKOS, "altLabel"), english(alias));
        }
    }
    for same in &node.same_as {
        sink.add(&s, iri(ns::OWL, "sameAs"), checked_iri(same, what)?);
    }
    for r in &node.merge_reasons {
        sink.add(&s, ng("mergeReason"), string(&merge_reason_text(r)));
    }
    Ok(())
}

/// The literal written for a merge reason: `kind: form (document id)`.
pub fn merge_reason_text(r: &crate::graph::MergeReason) -> String {
    format!("{}: {} ({})", r.kind, r.form, r.document)
}

fn document_quads(d: &DocumentInfo, run: &NamedNode, sink: &mut Sink) -> Result<(), ExportError> {
    let s = doc_node(&d.id)?;
    sink.add(&s, rdf::TYPE.into(), ng("NewsArticle"));
    sink.add(&s, rdf::TYPE.into(), iri(ns::SCHEMA, "NewsArticle"));
    sink.add(&s, iri(ns::DCTERMS, "identifier"), string(&d.id));
    if let Some(title) = &d.title {
        sink.add(&s, iri(ns::DCTERMS, "title"), string(title));
        sink.add(&s, iri(ns::SCHEMA, "headline"), string(title));
    }
    sink.add(&s, iri(ns::DCTERMS, "source"), string(&d.source));
    if let Some(url) = &d.url {
        // A URL that is not a valid IRI is kept as a string rather than dropped.
        match NamedNode::new(url) {
            Ok(u) => sink.add(&s, iri(ns::SCHEMA, "url"), u),
            Err(_) => sink.add(&s, iri(ns::SCHEMA, "url"), string(url)),
        }
    }
    if let Some(date) = &d.date {
        sink.add(&s, iri(ns::SCHEMA, "datePublished"), date_literal(date));
    }
    sink.add(run, iri(ns::PROV, "used"), s.clone());
    Ok(())
}

/// Whether a string is an `xsd:dateTime` lexical form (`YYYY-MM-DDThh:mm:ss[.s+][Z|±hh:mm]`).
pub fn is_date_time(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 19
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && s.parse::<oxsd_check::DateTimeCheck>().is_ok()
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[8..10].iter().all(u8::is_ascii_digit)
}

/// `YYYY-MM-DD` → `xsd:date`, `YYYY-MM-DDThh:mm:ss...` → `xsd:dateTime`, anything else a string.
fn date_literal(date: &str) -> Literal {
    let b = date.as_bytes();
    let is_date = |b: &[u8]| {
        b.len() >= 10
            && b[..4].iter().all(u8::is_ascii_digit)
            && b[4] == b'-'
            && b[5..7].iter().all(u8::is_ascii_digit)
            && b[7] == b'-'
            && b[8..10].iter().all(u8::is_ascii_digit)
    };
    if b.len() == 10 && is_date(b) {
        Literal::new_typed_literal(date, xsd::DATE)
    } else if b.len() >= 19
        && is_date(b)
        && b[10] == b'T'
        && date.parse::<oxsd_check::DateTimeCheck>().is_ok()
    {
        Literal::new_typed_literal(date, xsd::DATE_TIME)
    } else {
        Literal::new_simple_literal(date)
    }
}

mod oxsd_check {
    //! Minimal `xsd:dateTime` lexical check (hh:mm:ss, optional fraction and zone).
    pub struct DateTimeCheck;
    impl std::str::FromStr for DateTimeCheck {
        type Err = ();
        fn from_str(s: &str) -> Result<Self, ()> {
            let b = s.as_bytes();
            let digits = |r: std::ops::Range<usize>| {
                b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit))
            };
            if !(digits(11..13)
                && b[13] == b':'
                && digits(14..16)
                && b[16] == b':'
                && digits(17..19))
            {
                return Err(());
            }
            let mut rest = &s[19..];
            if let Some(frac) = rest.strip_prefix('.') {
                let n = frac.bytes().take_while(u8::is_ascii_digit).count();
                if n == 0 {
                    return Err(());
                }
                rest = &frac[n..];
            }
            let zb = rest.as_bytes();
            let ok = rest.is_empty()
                || rest == "Z"
                || (zb.len() == 6
                    && (zb[0] == b'+' || zb[0] == b'-')
                    && zb[1..3].iter().all(u8::is_ascii_digit)
                    && zb[3] == b':'
                    && zb[4..6].iter().all(u8::is_ascii_digit));
            if ok { Ok(DateTimeCheck) } else { Err(()) }
        }
    }
}

/// All quads as triples of one graph, without duplicates, in first-seen order (what Turtle,
/// N-Triples, RDF/XML and JSON-LD hold).
pub fn union_graph(quads: &[Quad]) -> Vec<Triple> {
    union_graph_refs(quads)
        .into_iter()
        .map(TripleRef::into_owned)
        .collect()
}

/// [`union_graph`] without copying the terms.
pub fn union_graph_refs(quads: &[Quad]) -> Vec<TripleRef<'_>> {
    let mut seen = HashSet::with_capacity(quads.len());
    let mut out = Vec::with_capacity(quads.len());
    for q in quads {
        let t = TripleRef::new(&q.subject, &q.predicate, &q.object);
        if seen.insert(t) {
            out.push(t);
        }
    }
    out
}

fn xml_safe_char(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => c,
        '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => '\u{FFFD}',
        c => c,
    }
}

/// A string as RDF/XML carries it: characters XML 1.0 cannot represent (C0 controls other than
/// tab, LF and CR; U+FFFE; U+FFFF) become U+FFFD. Every other format is lossless.
pub fn xml_safe(s: &str) -> String {
    s.chars().map(xml_safe_char).collect()
}

/// The quads with every literal passed through [`xml_safe`] (what an RDF/XML export re-parses to).
pub fn xml_safe_quads(quads: &[Quad]) -> Vec<Quad> {
    quads
        .iter()
        .map(|q| {
            let object = match &q.object {
                Term::Literal(l) => {
                    let value = xml_safe(l.value());
                    Term::Literal(if let Some(lang) = l.language() {
                        Literal::new_language_tagged_literal_unchecked(value, lang)
                    } else {
                        Literal::new_typed_literal(value, l.datatype())
                    })
                }
                other => other.clone(),
            };
            Quad::new(
                q.subject.clone(),
                q.predicate.clone(),
                object,
                q.graph_name.clone(),
            )
        })
        .collect()
}

/// The oxigraph format of an RDF export format (`None` for non-RDF formats and JSON-LD, which
/// [`super::jsonld`] writes).
pub fn rdf_format(format: Format) -> Option<RdfFormat> {
    Some(match format {
        Format::Turtle => RdfFormat::Turtle,
        Format::NTriples => RdfFormat::NTriples,
        Format::NQuads => RdfFormat::NQuads,
        Format::TriG => RdfFormat::TriG,
        Format::RdfXml => RdfFormat::RdfXml,
        _ => return None,
    })
}

/// Serializes quads in an oxigraph RDF format with every ontology prefix. Formats without named
/// graphs get the [`union_graph`].
pub fn write_quads(
    quads: &[Quad],
    ontology: &Ontology,
    format: Format,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let Some(rdf_format) = rdf_format(format) else {
        return Err(ExportError::Unrepresentable {
            format,
            what: "the graph with the RDF writer (not an oxigraph RDF format)".into(),
        });
    };
    let mut serializer = RdfSerializer::from_format(rdf_format);
    if rdf_format != RdfFormat::NTriples && rdf_format != RdfFormat::NQuads {
        for (prefix, namespace) in &ontology.prefixes {
            serializer =
                serializer
                    .with_prefix(prefix, namespace)
                    .map_err(|e| ExportError::InvalidIri {
                        what: format!("ontology prefix {prefix}:"),
                        iri: namespace.clone(),
                        message: e.to_string(),
                    })?;
        }
    }
    if rdf_format == RdfFormat::RdfXml {
        // XML 1.0 cannot carry most C0 control characters, and XML parsers turn a raw CR into LF:
        // serialize to memory, then write CR as a character reference and replace the
        // unrepresentable characters by U+FFFD (see `xml_safe`).
        let mut buffer = Vec::new();
        let mut writer = serializer.for_writer(&mut buffer);
        for t in union_graph_refs(quads) {
            writer
                .serialize_triple(t)
                .map_err(ExportError::write(format))?;
        }
        writer.finish().map_err(ExportError::write(format))?;
        let text = String::from_utf8(buffer).map_err(|e| ExportError::Write {
            format,
            source: std::io::Error::other(e),
        })?;
        let mut fixed = String::with_capacity(text.len());
        for c in text.chars() {
            if c == '\r' {
                fixed.push_str("&#13;");
            } else {
                fixed.push(xml_safe_char(c));
            }
        }
        return out
            .write_all(fixed.as_bytes())
            .map_err(ExportError::write(format));
    }
    let mut writer = serializer.for_writer(out);
    if rdf_format.supports_datasets() {
        for q in quads {
            writer
                .serialize_quad(q)
                .map_err(ExportError::write(format))?;
        }
    } else {
        for t in union_graph_refs(quads) {
            writer
                .serialize_triple(t)
                .map_err(ExportError::write(format))?;
        }
    }
    writer.finish().map_err(ExportError::write(format))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_get_the_xsd_type_their_lexical_form_allows() {
        assert_eq!(date_literal("2008-02-18").datatype(), xsd::DATE);
        assert_eq!(
            date_literal("2008-02-18T10:00:00Z").datatype(),
            xsd::DATE_TIME
        );
        assert_eq!(
            date_literal("2008-02-18T10:00:00.5+01:00").datatype(),
            xsd::DATE_TIME
        );
        assert_eq!(date_literal("February 18, 2008").datatype(), xsd::STRING);
        assert_eq!(date_literal("2008-02-18T1").datatype(), xsd::STRING);
    }
}
