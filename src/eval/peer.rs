//! Peer event-coding suites: PLOVER gold-standard records and PETRARCH2 validation sentences.
//!
//! Each record is one sentence with gold events (a PLOVER type or a CAMEO code, source and target
//! actors). Event types map to our relation families through the ontology (`ng:coversPlover`,
//! `ng:coversCameoRoot`); records whose events map to no family are out of scope. A record counts
//! for *family accuracy* when some extracted relation has a gold event's family, and for *full
//! accuracy* when that relation also has a gold source as subject and a gold target as object
//! (either direction for symmetric predicates), actors matched by text or by country code.

use crate::document::Document;
use crate::entities::gazetteer::Gazetteer;
use crate::graph::KnowledgeGraph;
use crate::ontology::Ontology;
use serde::Serialize;
use std::io::BufRead;
use std::path::Path;

/// An actor of a gold event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerActor {
    /// Actor text as in the sentence (may be empty).
    pub text: String,
    /// Actor code (CAMEO country or sector code), may be empty.
    pub code: String,
}

/// A gold event of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerEvent {
    /// The event type or code as given.
    pub event: String,
    /// Our relation family, if the event is in scope.
    pub family: Option<String>,
    /// Source actors.
    pub sources: Vec<PeerActor>,
    /// Target actors.
    pub targets: Vec<PeerActor>,
}

/// One record: a sentence and its gold events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerRecord {
    /// Record id.
    pub id: String,
    /// The sentence.
    pub text: String,
    /// Gold events.
    pub events: Vec<PeerEvent>,
}

/// Errors reading a suite.
#[derive(Debug, thiserror::Error)]
pub enum PeerError {
    /// The file cannot be read.
    #[error("{path}: {source}")]
    Io {
        /// File.
        path: String,
        /// Cause.
        source: std::io::Error,
    },
    /// A line is not a valid record.
    #[error("{path}:{line}: {message}")]
    Record {
        /// File.
        path: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Actors of a PLOVER field: a list of {actorText, code} objects, or an empty string.
fn plover_actors(v: Option<&serde_json::Value>) -> Vec<PeerActor> {
    let Some(serde_json::Value::Array(items)) = v else {
        return Vec::new();
    };
    items
        .iter()
        .map(|a| PeerActor {
            text: a
                .get("actorText")
                .and_then(|x| x.as_str())
                .unwrap_or_default()
                .to_string(),
            code: a
                .get("code")
                .and_then(|x| x.as_str())
                .unwrap_or_default()
                .to_string(),
        })
        .collect()
}

fn str_field(v: &serde_json::Value, key: &str) -> Result<String, String> {
    v.get(key)
        .and_then(|x| x.as_str())
        .map(str::to_string)
        .ok_or_else(|| format!("missing string field `{key}`"))
}

fn read_lines(
    path: &Path,
    parse: &dyn Fn(&serde_json::Value) -> Result<PeerRecord, String>,
) -> Result<Vec<PeerRecord>, PeerError> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|source| PeerError::Io {
        path: name.clone(),
        source,
    })?;
    let mut out = Vec::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|source| PeerError::Io {
            path: name.clone(),
            source,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let err = |message: String| PeerError::Record {
            path: name.clone(),
            line: i + 1,
            message,
        };
        let value: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| err(e.to_string()))?;
        out.push(parse(&value).map_err(err)?);
    }
    Ok(out)
}

/// Reads PLOVER gold-standard records (`plover_gsr.jsonl`).
pub fn load_plover(path: &Path, ontology: &Ontology) -> Result<Vec<PeerRecord>, PeerError> {
    read_lines(path, &|v| {
        let event = str_field(v, "event")?;
        Ok(PeerRecord {
            id: str_field(v, "id")?,
            text: str_field(v, "text")?,
            events: vec![PeerEvent {
                family: ontology.plover_families.get(&event).cloned(),
                event,
                sources: plover_actors(v.get("source")),
                targets: plover_actors(v.get("target")),
            }],
        })
    })
}

/// Reads PETRARCH2 validation records (`petr2_gsr.jsonl`): CAMEO codes, families by root code;
/// `{"noevents": true}` entries carry no event.
pub fn load_petrarch(path: &Path, ontology: &Ontology) -> Result<Vec<PeerRecord>, PeerError> {
    read_lines(path, &|v| {
        let gold = v
            .get("gold")
            .and_then(|g| g.as_array())
            .cloned()
            .unwrap_or_default();
        let events = gold
            .iter()
            .filter_map(|g| {
                let event = g.get("event")?.as_str()?.to_string();
                let root: String = event.chars().take(2).collect();
                let actor = |k: &str| PeerActor {
                    text: String::new(),
                    code: g
                        .get(k)
                        .and_then(|x| x.as_str())
                        .unwrap_or_default()
                        .to_string(),
                };
                Some(PeerEvent {
                    family: ontology.cameo_families.get(&root).cloned(),
                    event,
                    sources: vec![actor("source")],
                    targets: vec![actor("target")],
                })
            })
            .collect();
        Ok(PeerRecord {
            id: str_field(v, "id")?,
            text: str_field(v, "text")?,
            events,
        })
    })
}

/// Scores of a suite.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeerReport {
    /// Records read.
    pub records: usize,
    /// Records with at least one in-scope event.
    pub in_scope: usize,
    /// Fraction of in-scope records where some relation has a gold family.
    pub family_accuracy: f64,
    /// Fraction of in-scope records where such a relation also links a gold source to a gold target.
    pub full_accuracy: f64,
}

impl std::fmt::Display for PeerReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "records          {}", self.records)?;
        writeln!(f, "in scope         {}", self.in_scope)?;
        writeln!(f, "family accuracy  {:.3}", self.family_accuracy)?;
        writeln!(f, "full accuracy    {:.3}", self.full_accuracy)
    }
}

fn norm(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Whether an entity (label, aliases, mention texts) is the gold actor, by text or country code.
fn actor_matches(
    graph: &KnowledgeGraph,
    iri: &str,
    actor: &PeerActor,
    gazetteer: &Gazetteer,
) -> bool {
    let Some(node) = graph.entity(iri) else {
        return false;
    };
    let mut names: Vec<String> = vec![norm(&node.label)];
    names.extend(node.aliases.iter().map(|a| norm(a)));
    names.extend(node.mentions.iter().map(|m| norm(&m.text)));
    let text = norm(&actor.text);
    if !text.is_empty()
        && names
            .iter()
            .any(|n| !n.is_empty() && (text.contains(n.as_str()) || n.contains(text.as_str())))
    {
        return true;
    }
    if actor.code.len() >= 3 {
        let code = &actor.code[..3];
        return gazetteer
            .lookup(code)
            .into_iter()
            .any(|id| norm(&gazetteer.entry(id).canonical) == names[0]);
    }
    false
}

/// Extracts each record's sentence and scores it.
pub fn score<E>(
    records: &[PeerRecord],
    ontology: &Ontology,
    extract: &dyn Fn(&Document) -> Result<KnowledgeGraph, E>,
) -> Result<PeerReport, E> {
    let gazetteer = Gazetteer::embedded();
    let (mut in_scope, mut family_hits, mut full_hits) = (0usize, 0usize, 0usize);
    for r in records {
        let events: Vec<&PeerEvent> = r.events.iter().filter(|e| e.family.is_some()).collect();
        if events.is_empty() {
            continue;
        }
        in_scope += 1;
        let doc = Document {
            id: r.id.clone(),
            title: None,
            source: r.id.clone(),
            url: None,
            date: None,
            text: r.text.clone(),
        };
        let graph = extract(&doc)?;
        let mut family_hit = false;
        let mut full_hit = false;
        for (s, o, edge) in graph.relations() {
            let mut family = ontology.family_of(&edge.predicate).to_string();
            if edge.negated && family == "SUPPORT" {
                family = "DISAPPROVE".into();
            } else if edge.negated {
                continue;
            }
            let symmetric = ontology
                .predicate(&edge.predicate)
                .is_some_and(|p| p.symmetric);
            for ev in &events {
                if ev.family.as_deref() != Some(family.as_str()) {
                    continue;
                }
                family_hit = true;
                let src = |iri: &str| {
                    ev.sources
                        .iter()
                        .any(|a| actor_matches(&graph, iri, a, gazetteer))
                };
                let tgt = |iri: &str| {
                    ev.targets.is_empty()
                        || ev
                            .targets
                            .iter()
                            .any(|a| actor_matches(&graph, iri, a, gazetteer))
                };
                if (src(&s.iri) && tgt(&o.iri)) || (symmetric && src(&o.iri) && tgt(&s.iri)) {
                    full_hit = true;
                }
            }
        }
        family_hits += usize::from(family_hit);
        full_hits += usize::from(full_hit);
    }
    let frac = |n: usize| {
        if in_scope == 0 {
            0.0
        } else {
            n as f64 / in_scope as f64
        }
    };
    Ok(PeerReport {
        records: records.len(),
        in_scope,
        family_accuracy: frac(family_hits),
        full_accuracy: frac(full_hits),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plover_types_map_to_families_from_the_ontology() {
        let o = Ontology::embedded().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("g.jsonl");
        std::fs::write(
            &p,
            concat!(
                r#"{"id":"a","text":"Russia condemned Georgia.","event":"DISAPPROVE","source":[{"actorText":"Russia","code":"RUS"}],"target":[{"actorText":"Georgia","code":"GEO"}]}"#,
                "\n",
                r#"{"id":"b","text":"Nothing happened.","event":"RETREAT","source":[],"target":[]}"#,
                "\n"
            ),
        )
        .unwrap();
        let recs = load_plover(&p, &o).unwrap();
        assert_eq!(recs[0].events[0].family.as_deref(), Some("DISAPPROVE"));
        assert_eq!(recs[1].events[0].family, None);
        let lex = Gazetteer::embedded();
        let x = crate::pipeline::Extractor::new(&o, lex);
        let report = score(
            &recs,
            &o,
            &|d: &Document| -> Result<_, std::convert::Infallible> { Ok(x.extract(d)) },
        )
        .unwrap();
        assert_eq!(report.in_scope, 1);
        assert_eq!(report.family_accuracy, 1.0);
        assert_eq!(report.full_accuracy, 1.0);
    }

    #[test]
    fn a_bad_line_names_file_and_line() {
        let o = Ontology::embedded().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bad.jsonl");
        std::fs::write(&p, "{\"id\":\"a\"}\n").unwrap();
        let err = load_plover(&p, &o).unwrap_err().to_string();
        assert!(err.contains("bad.jsonl:1"), "{err}");
    }
}
