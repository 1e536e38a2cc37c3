//! Compact JSON-LD.
//!
//! oxigraph 0.5's JSON-LD serializer (oxjsonld) writes prefixes into `@context` but keeps full IRIs
//! as keys and expanded value objects: it does not compact against a context. So this module
//! compacts itself, against the context of `ontology/context.jsonld`
//! ([`crate::ontology::EMBEDDED_CONTEXT`]), which is embedded inline in every export (no remote
//! context to fetch):
//!
//! * one node object per subject in `@graph`, `@id` and `@type` as compact IRIs (`ngid:Country/Russia`,
//!   `ng:Country`, `schema:Country`);
//! * a predicate with a term in the context is written under the term; its values are plain JSON
//!   strings when the term's coercion (`@type: @id`, `@type: xsd:...`, `@language`) reproduces the
//!   exact RDF term, otherwise full value objects (`{"@value", "@type"|"@language"}`, `{"@id"}`);
//! * other predicates are written as compact IRIs with full value objects.
//!
//! Literals keep their lexical form (numbers stay strings with a datatype coercion) so that the
//! document parses back, through oxigraph's JSON-LD parser, to exactly the same triples (tested).

use super::{ExportError, Format};
use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{NamedOrBlankNodeRef, Quad, TermRef};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::io::Write;

/// How a term turns a plain JSON string into an RDF term.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Coercion {
    /// A plain string is an `xsd:string` literal.
    None,
    /// `"@type": "@id"`: a plain string is an IRI.
    Id,
    /// `"@type": datatype`: a plain string is a literal of that datatype.
    Datatype(String),
    /// `"@language": tag`: a plain string is a language-tagged literal.
    Language(String),
}

/// A parsed JSON-LD context restricted to what this exporter writes: prefixes and term
/// definitions with `@id`, `@type` and `@language`.
#[derive(Debug, Clone)]
pub struct Context {
    /// The `@context` object as written in the file (its text, order and layout kept).
    raw: String,
    /// (namespace IRI, prefix), longest namespace first.
    prefixes: Vec<(String, String)>,
    /// Predicate IRI → (term name, coercion); the alphabetically first term wins.
    terms: HashMap<String, (String, Coercion)>,
    /// Every term name (prefixes too): a full IRI whose scheme is one of them would be misread.
    names: Vec<String>,
}

#[derive(serde::Deserialize)]
struct RawContextDocument<'a> {
    #[serde(borrow, rename = "@context")]
    context: &'a serde_json::value::RawValue,
}

fn context_error(message: impl Into<String>) -> ExportError {
    ExportError::Context {
        message: message.into(),
    }
}

impl Context {
    /// The embedded context (`ontology/context.jsonld`).
    pub fn embedded() -> Result<Self, ExportError> {
        Self::parse(crate::ontology::EMBEDDED_CONTEXT)
    }

    /// Parses a context document (`{"@context": {...}}`).
    pub fn parse(text: &str) -> Result<Self, ExportError> {
        let doc: Value =
            serde_json::from_str(text).map_err(|e| context_error(format!("not JSON: {e}")))?;
        let raw_doc: RawContextDocument = serde_json::from_str(text)
            .map_err(|e| context_error(format!("no \"@context\" object: {e}")))?;
        let raw = raw_doc.context.get().trim().to_string();
        let Some(Value::Object(map)) = doc.get("@context") else {
            return Err(context_error("\"@context\" is not an object"));
        };
        // Pass 1: prefixes (string values ending with a gen-delim character).
        let mut prefix_map: HashMap<String, String> = HashMap::new();
        for (k, v) in map {
            if let Value::String(s) = v
                && s.ends_with(['#', '/', ':', '?', '[', ']', '@'])
                && !k.starts_with('@')
            {
                prefix_map.insert(k.clone(), s.clone());
            }
        }
        let expand = |s: &str| -> String {
            if let Some((p, local)) = s.split_once(':')
                && let Some(ns) = prefix_map.get(p)
                && !local.starts_with("//")
            {
                return format!("{ns}{local}");
            }
            s.to_string()
        };
        let mut terms: HashMap<String, (String, Coercion)> = HashMap::new();
        let mut names = Vec::new();
        for (k, v) in map {
            if k.starts_with('@') {
                if k == "@version" {
                    continue;
                }
                return Err(context_error(format!(
                    "{k} is not supported by the compactor (only prefixes and term definitions)"
                )));
            }
            names.push(k.clone());
            let (id, coercion) = match v {
                Value::String(s) => {
                    if prefix_map.contains_key(k) {
                        continue;
                    }
                    (expand(s), Coercion::None)
                }
                Value::Object(def) => {
                    let mut id = None;
                    let mut coercion = Coercion::None;
                    for (dk, dv) in def {
                        let Value::String(dv) = dv else {
                            return Err(context_error(format!("term {k}: {dk} is not a string")));
                        };
                        match dk.as_str() {
                            "@id" => id = Some(expand(dv)),
                            "@type" if dv == "@id" => coercion = Coercion::Id,
                            "@type" => coercion = Coercion::Datatype(expand(dv)),
                            "@language" => coercion = Coercion::Language(dv.to_ascii_lowercase()),
                            other => {
                                return Err(context_error(format!(
                                    "term {k}: {other} is not supported by the compactor"
                                )));
                            }
                        }
                    }
                    let Some(id) = id else {
                        return Err(context_error(format!("term {k} has no @id")));
                    };
                    (id, coercion)
                }
                _ => {
                    return Err(context_error(format!(
                        "term {k} is neither string nor object"
                    )));
                }
            };
            if !id.contains(':') {
                return Err(context_error(format!(
                    "term {k}: {id:?} is not an absolute IRI"
                )));
            }
            terms.entry(id).or_insert((k.clone(), coercion));
        }
        let mut prefixes: Vec<(String, String)> =
            prefix_map.into_iter().map(|(p, ns)| (ns, p)).collect();
        prefixes.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
        Ok(Context {
            raw,
            prefixes,
            terms,
            names,
        })
    }

    /// The prefix names and namespaces of the context.
    pub fn prefixes(&self) -> impl Iterator<Item = (&str, &str)> {
        self.prefixes
            .iter()
            .map(|(ns, p)| (p.as_str(), ns.as_str()))
    }

    /// The term name the context defines for a predicate IRI, if any.
    pub fn term_for(&self, iri: &str) -> Option<&str> {
        self.terms.get(iri).map(|(name, _)| name.as_str())
    }

    /// Compacts an IRI with the longest matching prefix; returns it whole if none fits.
    /// Fails when the whole IRI's scheme is a term or prefix name (JSON-LD would read it as a
    /// compact IRI).
    pub fn compact_iri(&self, iri: &str) -> Result<String, ExportError> {
        for (ns, p) in &self.prefixes {
            if let Some(local) = iri.strip_prefix(ns.as_str())
                && !local.is_empty()
                && !local.starts_with("//")
            {
                return Ok(format!("{p}:{local}"));
            }
        }
        if let Some((scheme, _)) = iri.split_once(':')
            && self.names.iter().any(|n| n == scheme)
        {
            return Err(ExportError::Unrepresentable {
                format: Format::JsonLd,
                what: format!(
                    "IRI {iri:?}: its scheme is a term of the JSON-LD context and would be read as a compact IRI"
                ),
            });
        }
        Ok(iri.to_string())
    }

    fn value(&self, object: TermRef<'_>, coercion: &Coercion) -> Result<Value, ExportError> {
        Ok(match object {
            TermRef::NamedNode(n) => {
                let c = self.compact_iri(n.as_str())?;
                if *coercion == Coercion::Id {
                    Value::String(c)
                } else {
                    obj([("@id", Value::String(c))])
                }
            }
            TermRef::BlankNode(b) => {
                let id = format!("_:{}", b.as_str());
                if *coercion == Coercion::Id {
                    Value::String(id)
                } else {
                    obj([("@id", Value::String(id))])
                }
            }
            TermRef::Literal(l) => {
                let value = Value::String(l.value().to_string());
                if let Some(lang) = l.language() {
                    if *coercion == Coercion::Language(lang.to_ascii_lowercase()) {
                        value
                    } else {
                        obj([("@value", value), ("@language", Value::String(lang.into()))])
                    }
                } else if l.datatype() == xsd::STRING {
                    if *coercion == Coercion::None {
                        value
                    } else {
                        obj([("@value", value)])
                    }
                } else if *coercion == Coercion::Datatype(l.datatype().as_str().to_string()) {
                    value
                } else {
                    let dt = self.compact_iri(l.datatype().as_str())?;
                    obj([("@value", value), ("@type", Value::String(dt))])
                }
            }
            #[allow(unreachable_patterns)]
            _ => {
                return Err(ExportError::Unrepresentable {
                    format: Format::JsonLd,
                    what: "an RDF-star triple term".into(),
                });
            }
        })
    }
}

fn obj<const N: usize>(entries: [(&str, Value); N]) -> Value {
    let mut m = Map::new();
    for (k, v) in entries {
        m.insert(k.to_string(), v);
    }
    Value::Object(m)
}

/// One node object under construction: keys in first-seen order.
struct NodeObject {
    id: String,
    types: Vec<Value>,
    entries: Vec<(String, Vec<Value>)>,
}

/// Writes the quads (as one graph: [`super::rdf::union_graph`]) as compact JSON-LD.
pub fn write_quads(quads: &[Quad], out: &mut dyn Write) -> Result<(), ExportError> {
    let context = Context::embedded()?;
    let text = to_compact_jsonld(quads, &context)?;
    out.write_all(text.as_bytes())
        .map_err(ExportError::write(Format::JsonLd))
}

/// The compact JSON-LD text of the quads (one graph) against a context.
pub fn to_compact_jsonld(quads: &[Quad], context: &Context) -> Result<String, ExportError> {
    let mut nodes: Vec<NodeObject> = Vec::new();
    let mut index: HashMap<NamedOrBlankNodeRef<'_>, usize> = HashMap::new();
    for t in super::rdf::union_graph_refs(quads) {
        let ix = match index.get(&t.subject) {
            Some(&ix) => ix,
            None => {
                let id = match t.subject {
                    NamedOrBlankNodeRef::NamedNode(n) => context.compact_iri(n.as_str())?,
                    NamedOrBlankNodeRef::BlankNode(b) => format!("_:{}", b.as_str()),
                    #[allow(unreachable_patterns)]
                    _ => {
                        return Err(ExportError::Unrepresentable {
                            format: Format::JsonLd,
                            what: "an RDF-star subject".into(),
                        });
                    }
                };
                nodes.push(NodeObject {
                    id,
                    types: Vec::new(),
                    entries: Vec::new(),
                });
                index.insert(t.subject, nodes.len() - 1);
                nodes.len() - 1
            }
        };
        let node = &mut nodes[ix];
        if t.predicate == rdf::TYPE
            && let TermRef::NamedNode(class) = t.object
        {
            node.types
                .push(Value::String(context.compact_iri(class.as_str())?));
            continue;
        }
        let (key, value) = match context.terms.get(t.predicate.as_str()) {
            Some((name, coercion)) => (name.clone(), context.value(t.object, coercion)?),
            None => (
                context.compact_iri(t.predicate.as_str())?,
                // Plain strings under a compact IRI key are xsd:string; everything else is explicit.
                context.value(t.object, &Coercion::None)?,
            ),
        };
        match node.entries.iter_mut().find(|(k, _)| *k == key) {
            Some((_, values)) => values.push(value),
            None => node.entries.push((key, vec![value])),
        }
    }

    let mut s = String::new();
    s.push_str("{\n  \"@context\": ");
    s.push_str(&context.raw);
    s.push_str(",\n  \"@graph\": [");
    for (i, n) in nodes.iter().enumerate() {
        s.push_str(if i == 0 { "\n    {" } else { ",\n    {" });
        s.push_str("\n      \"@id\": ");
        s.push_str(&serde_json::to_string(&n.id).map_err(json_error)?);
        if !n.types.is_empty() {
            s.push_str(",\n      \"@type\": ");
            s.push_str(&one_or_many(&n.types)?);
        }
        for (k, values) in &n.entries {
            s.push_str(",\n      ");
            s.push_str(&serde_json::to_string(k).map_err(json_error)?);
            s.push_str(": ");
            s.push_str(&one_or_many(values)?);
        }
        s.push_str("\n    }");
    }
    s.push_str("\n  ]\n}\n");
    Ok(s)
}

fn one_or_many(values: &[Value]) -> Result<String, ExportError> {
    if values.len() == 1 {
        serde_json::to_string(&values[0]).map_err(json_error)
    } else {
        serde_json::to_string(values).map_err(json_error)
    }
}

fn json_error(e: serde_json::Error) -> ExportError {
    ExportError::Write {
        format: Format::JsonLd,
        source: std::io::Error::other(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_context_parses_and_compacts() {
        let c = Context::embedded().unwrap();
        assert_eq!(
            c.compact_iri("https://newsgraph.dev/id/Country/Russia")
                .unwrap(),
            "ngid:Country/Russia"
        );
        assert_eq!(
            c.compact_iri("https://newsgraph.dev/ontology#Country")
                .unwrap(),
            "ng:Country"
        );
        assert_eq!(
            c.term_for("http://www.w3.org/2000/01/rdf-schema#label"),
            Some("label")
        );
        assert_eq!(
            c.compact_iri("http://example.org/x").unwrap(),
            "http://example.org/x"
        );
        assert!(c.compact_iri("ng:looks-compact").is_err());
    }

    #[test]
    fn unsupported_context_features_are_rejected() {
        assert!(Context::parse(r#"{"@context": {"@vocab": "http://x/"}}"#).is_err());
        assert!(
            Context::parse(r#"{"@context": {"a": {"@id": "http://x/a", "@container": "@list"}}}"#)
                .is_err()
        );
        assert!(Context::parse("[]").is_err());
    }
}
