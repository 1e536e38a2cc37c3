//! A small SHACL validator for the export contract (`ontology/shapes.ttl`), evaluated as SPARQL
//! over an in-memory oxigraph store.
//!
//! No SHACL crate works with oxigraph 0.5 without pulling in a second RDF stack, so this module
//! implements the SHACL Core subset the shapes use, each constraint as one SPARQL `SELECT` that
//! returns the violating focus nodes:
//!
//! * targets: `sh:targetClass`, `sh:targetSubjectsOf`, `sh:targetObjectsOf`;
//! * node constraints: `sh:class`, `sh:nodeKind`, `sh:node` (another shape applied to the same
//!   focus nodes), `sh:property`;
//! * property constraints (IRI `sh:path` only): `sh:minCount`, `sh:maxCount`, `sh:datatype`,
//!   `sh:class`, `sh:nodeKind`, `sh:minInclusive`, `sh:maxInclusive`, `sh:lessThanOrEquals`,
//!   `sh:in`.
//!
//! Any other SHACL term in the shapes is an error ([`ShaclError::Unsupported`]): nothing is
//! silently skipped. `sh:class` checks a stated `rdf:type` (no subclass inference). The data graph
//! is the union of all graphs.
//!
//! `sh:datatype` is checked on the original quads, not through SPARQL: oxigraph's store and
//! evaluator normalize the derived integer types (`xsd:nonNegativeInteger`, ...) to `xsd:integer`,
//! so `DATATYPE()` cannot tell them apart.

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{Graph, NamedOrBlankNode, Quad, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::collections::HashMap;
use std::fmt;

const SH: &str = "http://www.w3.org/ns/shacl#";

/// Errors of the validator (not violations: those are [`Violation`]s).
#[derive(Debug, thiserror::Error)]
pub enum ShaclError {
    /// The shapes do not parse.
    #[error("shapes {source_name}: syntax error: {message}")]
    Syntax {
        /// Where the shapes came from.
        source_name: String,
        /// Parser message.
        message: String,
    },
    /// The shapes use something this validator does not implement.
    #[error("shapes: shape {shape}: {what} is not supported by this validator")]
    Unsupported {
        /// The shape.
        shape: String,
        /// The unsupported term or form.
        what: String,
    },
    /// The store or a generated query failed.
    #[error("SHACL validation query failed: {0}")]
    Query(String),
}

/// One constraint violation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The shape (IRI, or `_:` blank node of a property shape, shown with its parent).
    pub shape: String,
    /// The focus node.
    pub focus: String,
    /// The property path, for property constraints.
    pub path: Option<String>,
    /// The constraint, e.g. `sh:maxCount 1`.
    pub constraint: String,
    /// The offending value, if any.
    pub value: Option<String>,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: focus {}", self.shape, self.focus)?;
        if let Some(p) = &self.path {
            write!(f, ", path <{p}>")?;
        }
        write!(f, ": violates {}", self.constraint)?;
        if let Some(v) = &self.value {
            write!(f, " (value {v})")?;
        }
        Ok(())
    }
}

fn sh(local: &str) -> String {
    format!("{SH}{local}")
}

fn term_sparql(t: &Term) -> String {
    t.to_string()
}

fn short(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => {
            if let Some(l) = n.as_str().strip_prefix(SH) {
                format!("sh:{l}")
            } else {
                format!("<{}>", n.as_str())
            }
        }
        other => other.to_string(),
    }
}

struct Shapes {
    graph: Graph,
}

impl Shapes {
    fn objects(&self, s: &NamedOrBlankNode, p: &str) -> Vec<Term> {
        let p = oxigraph::model::NamedNodeRef::new_unchecked(p);
        self.graph
            .objects_for_subject_predicate(s, p)
            .map(|t| t.into_owned())
            .collect()
    }

    fn predicates(&self, s: &NamedOrBlankNode) -> Vec<String> {
        let mut v: Vec<String> = self
            .graph
            .triples_for_subject(s)
            .map(|t| t.predicate.as_str().to_string())
            .collect();
        v.sort();
        v.dedup();
        v
    }

    fn list(&self, head: &Term, shape: &str) -> Result<Vec<Term>, ShaclError> {
        let mut out = Vec::new();
        let mut cur = head.clone();
        for _ in 0..10_000 {
            match &cur {
                Term::NamedNode(n) if n.as_ref() == rdf::NIL => return Ok(out),
                Term::NamedNode(_) | Term::BlankNode(_) => {
                    let node: NamedOrBlankNode = match &cur {
                        Term::NamedNode(n) => n.clone().into(),
                        Term::BlankNode(b) => b.clone().into(),
                        _ => unreachable!("matched above"),
                    };
                    let first = self.objects(&node, rdf::FIRST.as_str());
                    let rest = self.objects(&node, rdf::REST.as_str());
                    let (Some(f), Some(r)) = (first.first(), rest.first()) else {
                        break;
                    };
                    out.push(f.clone());
                    cur = r.clone();
                }
                _ => break,
            }
        }
        Err(ShaclError::Unsupported {
            shape: shape.to_string(),
            what: "a malformed sh:in list".into(),
        })
    }
}

fn node_name(n: &NamedOrBlankNode) -> String {
    match n {
        NamedOrBlankNode::NamedNode(n) => format!("<{}>", n.as_str()),
        NamedOrBlankNode::BlankNode(b) => format!("_:{}", b.as_str()),
    }
}

fn as_node(t: &Term) -> Option<NamedOrBlankNode> {
    match t {
        Term::NamedNode(n) => Some(n.clone().into()),
        Term::BlankNode(b) => Some(b.clone().into()),
        _ => None,
    }
}

struct Validator<'a> {
    shapes: Shapes,
    store: &'a Store,
    /// (subject, predicate IRI) → objects, from the original quads (exact datatypes).
    values: HashMap<(NamedOrBlankNode, String), Vec<Term>>,
    violations: Vec<Violation>,
}

impl Validator<'_> {
    fn focus_nodes(&self, focus: &str) -> Result<Vec<Term>, ShaclError> {
        let query = format!("SELECT DISTINCT ?this WHERE {{ {focus} }}");
        let mut prepared = SparqlEvaluator::new()
            .parse_query(&query)
            .map_err(|e| ShaclError::Query(format!("{e} in {query}")))?;
        prepared.dataset_mut().set_default_graph_as_union();
        let QueryResults::Solutions(solutions) = prepared
            .on_store(self.store)
            .execute()
            .map_err(|e| ShaclError::Query(e.to_string()))?
        else {
            return Err(ShaclError::Query("not a SELECT".into()));
        };
        let mut out = Vec::new();
        for s in solutions {
            let s = s.map_err(|e| ShaclError::Query(e.to_string()))?;
            if let Some(t) = s.get("this") {
                out.push(t.clone());
            }
        }
        Ok(out)
    }

    fn select(&self, query: &str) -> Result<Vec<(String, Option<String>)>, ShaclError> {
        let mut prepared = SparqlEvaluator::new()
            .parse_query(query)
            .map_err(|e| ShaclError::Query(format!("{e} in {query}")))?;
        prepared.dataset_mut().set_default_graph_as_union();
        let results = prepared
            .on_store(self.store)
            .execute()
            .map_err(|e| ShaclError::Query(e.to_string()))?;
        let QueryResults::Solutions(solutions) = results else {
            return Err(ShaclError::Query("not a SELECT".into()));
        };
        let mut out = Vec::new();
        for s in solutions {
            let s = s.map_err(|e| ShaclError::Query(e.to_string()))?;
            let focus = s.get("this").map(short).unwrap_or_default();
            let value = s.get("v").map(|t| t.to_string());
            out.push((focus, value));
        }
        Ok(out)
    }

    fn report(
        &mut self,
        shape: &str,
        path: Option<&str>,
        constraint: String,
        query: &str,
    ) -> Result<(), ShaclError> {
        for (focus, value) in self.select(query)? {
            self.violations.push(Violation {
                shape: shape.to_string(),
                focus,
                path: path.map(str::to_string),
                constraint: constraint.clone(),
                value,
            });
        }
        Ok(())
    }

    fn node_kind_filter(kind: &Term, var: &str, shape: &str) -> Result<String, ShaclError> {
        let k = match kind {
            Term::NamedNode(n) => n.as_str().strip_prefix(SH).unwrap_or(""),
            _ => "",
        };
        Ok(match k {
            "IRI" => format!("!isIRI({var})"),
            "Literal" => format!("!isLiteral({var})"),
            "BlankNode" => format!("!isBlank({var})"),
            "BlankNodeOrIRI" => format!("isLiteral({var})"),
            "IRIOrLiteral" => format!("isBlank({var})"),
            "BlankNodeOrLiteral" => format!("isIRI({var})"),
            _ => {
                return Err(ShaclError::Unsupported {
                    shape: shape.to_string(),
                    what: format!("sh:nodeKind {kind}"),
                });
            }
        })
    }

    /// Applies a node shape to the focus nodes selected by `focus` (a SPARQL group binding ?this).
    fn node_shape(
        &mut self,
        shape: &NamedOrBlankNode,
        focus: &str,
        depth: usize,
    ) -> Result<(), ShaclError> {
        let name = node_name(shape);
        if depth > 8 {
            return Err(ShaclError::Unsupported {
                shape: name,
                what: "sh:node nesting deeper than 8 (a cycle?)".into(),
            });
        }
        for p in self.shapes.predicates(shape) {
            let Some(local) = p.strip_prefix(SH) else {
                continue;
            };
            match local {
                "targetClass" | "targetSubjectsOf" | "targetObjectsOf" | "property" | "node"
                | "class" | "nodeKind" | "name" | "description" | "message" => {}
                other => {
                    return Err(ShaclError::Unsupported {
                        shape: name,
                        what: format!("sh:{other} on a node shape"),
                    });
                }
            }
        }
        for c in self.shapes.objects(shape, &sh("class")) {
            let q = format!(
                "SELECT DISTINCT ?this WHERE {{ {focus} FILTER NOT EXISTS {{ ?this a {} }} }}",
                term_sparql(&c)
            );
            self.report(&name, None, format!("sh:class {}", short(&c)), &q)?;
        }
        for k in self.shapes.objects(shape, &sh("nodeKind")) {
            let filter = Self::node_kind_filter(&k, "?this", &name)?;
            let q = format!("SELECT DISTINCT ?this WHERE {{ {focus} FILTER({filter}) }}");
            self.report(&name, None, format!("sh:nodeKind {}", short(&k)), &q)?;
        }
        for n in self.shapes.objects(shape, &sh("node")) {
            let Some(n) = as_node(&n) else {
                return Err(ShaclError::Unsupported {
                    shape: name,
                    what: "a literal sh:node".into(),
                });
            };
            self.node_shape(&n, focus, depth + 1)?;
        }
        for p in self.shapes.objects(shape, &sh("property")) {
            let Some(p) = as_node(&p) else {
                return Err(ShaclError::Unsupported {
                    shape: name,
                    what: "a literal sh:property".into(),
                });
            };
            self.property_shape(&name, &p, focus)?;
        }
        Ok(())
    }

    fn property_shape(
        &mut self,
        parent: &str,
        prop: &NamedOrBlankNode,
        focus: &str,
    ) -> Result<(), ShaclError> {
        let paths = self.shapes.objects(prop, &sh("path"));
        let path = match paths.as_slice() {
            [Term::NamedNode(p)] => p.as_str().to_string(),
            _ => {
                return Err(ShaclError::Unsupported {
                    shape: parent.to_string(),
                    what: "a property shape without exactly one IRI sh:path".into(),
                });
            }
        };
        let name = format!("{parent} / property <{path}>");
        let p = format!("<{path}>");
        for pred in self.shapes.predicates(prop) {
            let Some(local) = pred.strip_prefix(SH) else {
                continue;
            };
            match local {
                "path" | "minCount" | "maxCount" | "datatype" | "class" | "nodeKind"
                | "minInclusive" | "maxInclusive" | "lessThanOrEquals" | "in" | "name"
                | "description" | "message" => {}
                other => {
                    return Err(ShaclError::Unsupported {
                        shape: name,
                        what: format!("sh:{other} on a property shape"),
                    });
                }
            }
        }
        let count = |this: &Self, key: &str| -> Result<Vec<u64>, ShaclError> {
            this.shapes
                .objects(prop, &sh(key))
                .iter()
                .map(|t| match t {
                    Term::Literal(l) => l.value().parse::<u64>().map_err(|_| ()),
                    _ => Err(()),
                })
                .collect::<Result<Vec<_>, ()>>()
                .map_err(|()| ShaclError::Unsupported {
                    shape: name.clone(),
                    what: format!("a non-integer sh:{key}"),
                })
        };
        for n in count(self, "minCount")? {
            let q = format!(
                "SELECT ?this WHERE {{ {focus} OPTIONAL {{ ?this {p} ?v }} }} GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {n})"
            );
            self.report(&name, Some(&path), format!("sh:minCount {n}"), &q)?;
        }
        for n in count(self, "maxCount")? {
            let q = format!(
                "SELECT ?this WHERE {{ {focus} ?this {p} ?v }} GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {n})"
            );
            self.report(&name, Some(&path), format!("sh:maxCount {n}"), &q)?;
        }
        let value_check = |filter: String| {
            format!("SELECT DISTINCT ?this ?v WHERE {{ {focus} ?this {p} ?v FILTER({filter}) }}")
        };
        let datatypes = self.shapes.objects(prop, &sh("datatype"));
        if !datatypes.is_empty() {
            let nodes = self.focus_nodes(focus)?;
            for d in datatypes {
                let Term::NamedNode(d) = &d else {
                    return Err(ShaclError::Unsupported {
                        shape: name,
                        what: "a non-IRI sh:datatype".into(),
                    });
                };
                for node in &nodes {
                    let Some(subject) = as_node(node) else {
                        continue;
                    };
                    let values = self
                        .values
                        .get(&(subject, path.clone()))
                        .cloned()
                        .unwrap_or_default();
                    for v in values {
                        let ok = matches!(&v, Term::Literal(l) if l.datatype() == d.as_ref());
                        if !ok {
                            self.violations.push(Violation {
                                shape: name.clone(),
                                focus: short(node),
                                path: Some(path.clone()),
                                constraint: format!("sh:datatype <{}>", d.as_str()),
                                value: Some(v.to_string()),
                            });
                        }
                    }
                }
            }
        }
        for c in self.shapes.objects(prop, &sh("class")) {
            let q = format!(
                "SELECT DISTINCT ?this ?v WHERE {{ {focus} ?this {p} ?v FILTER NOT EXISTS {{ ?v a {} }} }}",
                term_sparql(&c)
            );
            self.report(&name, Some(&path), format!("sh:class {}", short(&c)), &q)?;
        }
        for k in self.shapes.objects(prop, &sh("nodeKind")) {
            let filter = Self::node_kind_filter(&k, "?v", &name)?;
            self.report(
                &name,
                Some(&path),
                format!("sh:nodeKind {}", short(&k)),
                &value_check(filter),
            )?;
        }
        for (key, op) in [("minInclusive", ">="), ("maxInclusive", "<=")] {
            for bound in self.shapes.objects(prop, &sh(key)) {
                let q = value_check(format!("!COALESCE(?v {op} {}, false)", term_sparql(&bound)));
                self.report(&name, Some(&path), format!("sh:{key} {bound}"), &q)?;
            }
        }
        for other in self.shapes.objects(prop, &sh("lessThanOrEquals")) {
            let q = format!(
                "SELECT DISTINCT ?this ?v WHERE {{ {focus} ?this {p} ?v . ?this {} ?w FILTER(!COALESCE(?v <= ?w, false)) }}",
                term_sparql(&other)
            );
            self.report(
                &name,
                Some(&path),
                format!("sh:lessThanOrEquals {}", short(&other)),
                &q,
            )?;
        }
        for list in self.shapes.objects(prop, &sh("in")) {
            let items = self.shapes.list(&list, &name)?;
            let set = items.iter().map(term_sparql).collect::<Vec<_>>().join(", ");
            let q = value_check(format!("!COALESCE(?v IN ({set}), false)"));
            self.report(&name, Some(&path), format!("sh:in ({set})"), &q)?;
        }
        Ok(())
    }
}

fn validate_store(
    store: &Store,
    values: HashMap<(NamedOrBlankNode, String), Vec<Term>>,
    shapes_turtle: &str,
    shapes_name: &str,
) -> Result<Vec<Violation>, ShaclError> {
    let mut graph = Graph::new();
    for t in RdfParser::from_format(RdfFormat::Turtle).for_slice(shapes_turtle.as_bytes()) {
        let q = t.map_err(|e| ShaclError::Syntax {
            source_name: shapes_name.to_string(),
            message: e.to_string(),
        })?;
        graph.insert(&oxigraph::model::Triple::new(
            q.subject,
            q.predicate,
            q.object,
        ));
    }
    let node_shape = oxigraph::model::NamedNode::new_unchecked(sh("NodeShape"));
    let mut shapes: Vec<NamedOrBlankNode> = graph
        .subjects_for_predicate_object(rdf::TYPE, &node_shape)
        .map(|s| s.into_owned())
        .collect();
    shapes.sort_by_key(node_name);
    let mut v = Validator {
        shapes: Shapes { graph },
        store,
        values,
        violations: Vec::new(),
    };
    for shape in shapes {
        let mut targets = Vec::new();
        for c in v.shapes.objects(&shape, &sh("targetClass")) {
            targets.push(format!("{{ ?this a {} }}", term_sparql(&c)));
        }
        for p in v.shapes.objects(&shape, &sh("targetSubjectsOf")) {
            targets.push(format!("{{ ?this {} [] }}", term_sparql(&p)));
        }
        for p in v.shapes.objects(&shape, &sh("targetObjectsOf")) {
            targets.push(format!("{{ [] {} ?this }}", term_sparql(&p)));
        }
        if targets.is_empty() {
            continue; // only used through sh:node
        }
        let focus = format!(
            "{{ SELECT DISTINCT ?this WHERE {{ {} }} }}",
            targets.join(" UNION ")
        );
        v.node_shape(&shape, &focus, 0)?;
    }
    Ok(v.violations)
}

/// Validates quads against SHACL shapes given as Turtle.
pub fn validate_quads(
    quads: &[Quad],
    shapes_turtle: &str,
    shapes_name: &str,
) -> Result<Vec<Violation>, ShaclError> {
    let store = Store::new().map_err(|e| ShaclError::Query(e.to_string()))?;
    store
        .extend(quads.iter().cloned())
        .map_err(|e| ShaclError::Query(e.to_string()))?;
    let mut values: HashMap<(NamedOrBlankNode, String), Vec<Term>> = HashMap::new();
    for q in quads {
        let entry = values
            .entry((q.subject.clone(), q.predicate.as_str().to_string()))
            .or_default();
        if !entry.contains(&q.object) {
            entry.push(q.object.clone());
        }
    }
    validate_store(&store, values, shapes_turtle, shapes_name)
}

/// Validates quads against the embedded export contract (`ontology/shapes.ttl`).
pub fn validate_export(quads: &[Quad]) -> Result<Vec<Violation>, ShaclError> {
    validate_quads(
        quads,
        crate::ontology::EMBEDDED_SHAPES,
        "ontology/shapes.ttl",
    )
}
