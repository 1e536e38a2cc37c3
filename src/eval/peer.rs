//! Peer event-coding suites: PLOVER gold-standard records and PETRARCH2 validation sentences.
//!
//! Each record is one sentence with gold events (a PLOVER type or a CAMEO code, source and target
//! actors). Event types map to our relation families through the ontology (`ng:coversPlover`,
//! `ng:coversCameoRoot`); records whose events map to no family are out of scope. A record counts
//! for *family accuracy* when some extracted relation has a gold event's family, and for *full
//! accuracy* when that relation also has a gold source as subject and a gold target as object
//! (either direction for symmetric predicates), actors matched by text or by country code.
//! Two relations translate into the peers' categories: a negated support is disapproval, and a
//! support promised for the future (every mention with `Future` modality: "X will support Y") is
//! an intent to cooperate, which PLOVER codes AGREE and CAMEO 03, both in our COOPERATE family.

use crate::document::Document;
use crate::entities::Lexicon;
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

/// Reads PETRARCH2 validation records (`petr2_gsr.jsonl`): CAMEO codes, families by the most
/// specific code a predicate of the ontology claims (`ng:cameoCode` "057": agreesWith), else by
/// root code; `{"noevents": true}` entries carry no event.
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
                // a predicate's own specific code wins over its root's family ("057", sign a
                // formal agreement, is agreesWith although root 05 is SUPPORT)
                let specific = ontology
                    .predicates
                    .values()
                    .flat_map(|p| p.cameo.iter().map(move |c| (c, p)))
                    .filter(|(c, _)| c.len() >= 3 && event.starts_with(c.as_str()))
                    .max_by_key(|(c, _)| c.len())
                    .map(|(_, p)| p.family.clone());
                Some(PeerEvent {
                    family: specific.or_else(|| ontology.cameo_families.get(&root).cloned()),
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
    /// Per in-scope record: what was expected and what was extracted (for `--verbose`).
    #[serde(skip)]
    pub outcomes: Vec<RecordOutcome>,
}

/// How one in-scope record scored.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordOutcome {
    /// Record id.
    pub id: String,
    /// The sentence.
    pub text: String,
    /// Gold events as `TYPE/FAMILY source -> target`.
    pub gold: Vec<String>,
    /// Extracted relations as `subject predicate object`.
    pub extracted: Vec<String>,
    /// Some relation had a gold family.
    pub family_hit: bool,
    /// Some relation had a gold family, source and target.
    pub full_hit: bool,
}

impl PeerReport {
    /// Writes the records that missed (family or full) with gold and extracted relations.
    pub fn write_misses(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        for o in self.outcomes.iter().filter(|o| !o.full_hit) {
            let what = if o.family_hit {
                "full miss"
            } else {
                "family miss"
            };
            writeln!(out, "== {} ({what})", o.id)?;
            writeln!(out, "  | {}", o.text)?;
            for g in &o.gold {
                writeln!(out, "  gold: {g}")?;
            }
            for e in &o.extracted {
                writeln!(out, "  got:  {e}")?;
            }
        }
        Ok(())
    }
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

/// CAMEO country codes with the names the PETRARCH2 country dictionary gives them
/// (`petrarch-dictionaries/Phoenix.Countries.actors.txt`: `BRAZIL_ [BRA]` then `+BRASIL_` lines).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CountryCodes {
    names: std::collections::HashMap<String, Vec<String>>,
}

impl CountryCodes {
    /// Parses the dictionary text; names are normalized like actor texts.
    pub fn parse(text: &str) -> Self {
        let mut names: std::collections::HashMap<String, Vec<String>> = Default::default();
        let mut current: Option<String> = None;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("");
            if line.trim().is_empty() || line.starts_with(char::is_whitespace) {
                if line.trim().is_empty() {
                    current = None;
                }
                continue;
            }
            if let Some(syn) = line.strip_prefix('+') {
                if let Some(code) = &current {
                    let n = norm(&syn.replace('_', " "));
                    if !n.is_empty() {
                        names.entry(code.clone()).or_default().push(n);
                    }
                }
                continue;
            }
            current = None;
            if let (Some(a), Some(b)) = (line.find('['), line.find(']'))
                && b == a + 4
            {
                let code = line[a + 1..b].to_string();
                let n = norm(&line[..a].replace('_', " "));
                names.entry(code.clone()).or_default().push(n);
                current = Some(code);
            }
        }
        CountryCodes { names }
    }

    /// Loads the dictionary that sits beside a peer suite (`DIR/petrarch-dictionaries/...`);
    /// empty when it is not there.
    pub fn beside(suite: &Path) -> Self {
        let path = suite
            .parent()
            .unwrap_or(Path::new("."))
            .join("petrarch-dictionaries/Phoenix.Countries.actors.txt");
        std::fs::read_to_string(path)
            .map(|t| Self::parse(&t))
            .unwrap_or_default()
    }

    /// Normalized names of a three-letter country code.
    pub fn names(&self, code: &str) -> &[String] {
        self.names.get(code).map_or(&[], Vec::as_slice)
    }
}

/// Normalized names of an entity: label, aliases and mention texts.
fn entity_names(graph: &KnowledgeGraph, iri: &str) -> Vec<String> {
    let Some(node) = graph.entity(iri) else {
        return Vec::new();
    };
    let mut names: Vec<String> = vec![norm(&node.label)];
    names.extend(node.aliases.iter().map(|a| norm(a)));
    names.extend(node.mentions.iter().map(|m| norm(&m.text)));
    names.retain(|n| !n.is_empty());
    names
}

/// The label of a non-person entity ("" for persons and unknown IRIs).
fn node_label(graph: &KnowledgeGraph, iri: &str) -> String {
    graph
        .entity(iri)
        .filter(|n| n.class != "Person")
        .map(|n| n.label.clone())
        .unwrap_or_default()
}

/// Whether an entity (label, aliases, mention texts) is the gold actor: by text, or by country
/// code: the entity is that country, or a person the text makes its leader or representative
/// (event coders code officials by their state).
fn actor_matches(
    graph: &KnowledgeGraph,
    iri: &str,
    actor: &PeerActor,
    gazetteer: &Gazetteer,
    codes: &CountryCodes,
) -> bool {
    let names = entity_names(graph, iri);
    if names.is_empty() {
        return false;
    }
    let text = norm(&actor.text);
    if !text.is_empty()
        && names
            .iter()
            .any(|n| text.contains(n.as_str()) || n.contains(text.as_str()))
    {
        return true;
    }
    if actor.code.len() < 3 || !actor.code.is_char_boundary(3) {
        return false;
    }
    let code = &actor.code[..3];
    let is_country = |names: &[String]| {
        names.iter().any(|n| codes.names(code).contains(n))
            || gazetteer
                .lookup(code)
                .into_iter()
                .any(|id| norm(&gazetteer.entry(id).canonical) == names[0])
    };
    if is_country(&names) {
        return true;
    }
    // an organization or group is coded by the nationality its name carries ("Afghan rebels",
    // "Iraqi Parliament": AFG, IRQ), as event coders code sector actors
    let own_state = Lexicon::find(gazetteer, &node_label(graph, iri))
        .into_iter()
        .any(|h| {
            let state = match (h.class.as_str(), &h.state) {
                ("Country", _) => Some(h.canonical.as_str()),
                (_, Some(st)) if st.class == "Country" => Some(st.canonical.as_str()),
                _ => None,
            };
            state.is_some_and(|st| is_country(&[norm(st)]))
        });
    if own_state {
        return true;
    }
    graph.relations().into_iter().any(|(s, o, e)| {
        s.iri == iri && !e.negated && matches!(e.predicate.as_str(), "leads" | "represents") && {
            let on = entity_names(graph, &o.iri);
            !on.is_empty() && is_country(&on)
        }
    })
}

/// Extracts each record's sentence and scores it.
pub fn score<E>(
    records: &[PeerRecord],
    ontology: &Ontology,
    codes: &CountryCodes,
    extract: &dyn Fn(&Document) -> Result<KnowledgeGraph, E>,
) -> Result<PeerReport, E> {
    let gazetteer = Gazetteer::embedded();
    let (mut in_scope, mut family_hits, mut full_hits) = (0usize, 0usize, 0usize);
    let mut outcomes = Vec::new();
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
            // a promised support is an intent to cooperate, which PLOVER codes AGREE and CAMEO
            // 03 (both our COOPERATE family): "Portugal will support Turkey's bid"
            let promised = edge
                .mentions
                .iter()
                .all(|m| m.modality == crate::graph::Modality::Future);
            if edge.negated && family == "SUPPORT" {
                family = "DISAPPROVE".into();
            } else if edge.negated {
                continue;
            } else if promised && family == "SUPPORT" {
                family = "COOPERATE".into();
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
                        .any(|a| actor_matches(&graph, iri, a, gazetteer, codes))
                };
                let tgt = |iri: &str| {
                    ev.targets.is_empty()
                        || ev
                            .targets
                            .iter()
                            .any(|a| actor_matches(&graph, iri, a, gazetteer, codes))
                };
                if (src(&s.iri) && tgt(&o.iri)) || (symmetric && src(&o.iri) && tgt(&s.iri)) {
                    full_hit = true;
                }
            }
        }
        family_hits += usize::from(family_hit);
        full_hits += usize::from(full_hit);
        let actors = |v: &[PeerActor]| {
            v.iter()
                .map(|a| format!("{}[{}]", a.text, a.code))
                .collect::<Vec<_>>()
                .join(",")
        };
        outcomes.push(RecordOutcome {
            id: r.id.clone(),
            text: r.text.clone(),
            gold: events
                .iter()
                .map(|e| {
                    format!(
                        "{}/{} {} -> {}",
                        e.event,
                        e.family.as_deref().unwrap_or("-"),
                        actors(&e.sources),
                        actors(&e.targets)
                    )
                })
                .collect(),
            extracted: graph
                .relations()
                .into_iter()
                .map(|(s, o, e)| {
                    format!(
                        "{} {}{} {}",
                        s.label,
                        if e.negated { "not " } else { "" },
                        e.predicate,
                        o.label
                    )
                })
                .collect(),
            family_hit,
            full_hit,
        });
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
        outcomes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Loads PLOVER records from JSON `lines` and scores the embedded extractor on them (named
    /// entities only).
    fn load_and_score(o: &Ontology, lines: &[&str]) -> (Vec<PeerRecord>, PeerReport) {
        load_and_score_with(o, lines, false, &CountryCodes::default())
    }

    /// As [`load_and_score`], with unnamed group actors on or off.
    fn load_and_score_with(
        o: &Ontology,
        lines: &[&str],
        group_actors: bool,
        codes: &CountryCodes,
    ) -> (Vec<PeerRecord>, PeerReport) {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("g.jsonl");
        std::fs::write(&p, lines.join("\n") + "\n").unwrap();
        let recs = load_plover(&p, o).unwrap();
        let x = crate::pipeline::Extractor::new(o, Gazetteer::embedded())
            .with_group_actors(group_actors);
        let report = score(&recs, o, codes, &|d: &Document| -> Result<
            _,
            std::convert::Infallible,
        > { Ok(x.extract(d)) })
        .unwrap();
        (recs, report)
    }

    #[test]
    fn country_codes_read_names_and_synonyms_but_not_people() {
        let c = CountryCodes::parse(
            "# comment\nBRAZIL_  [BRA]\n+BRASIL_ \n+SAO_PAULO_ # city\nJOAO_DA_SILVA_  # CountryInfo.txt\n\t[BRAGOV 030101-041130]\n\nUNITED_STATES_OF_AMERICA_  [USA]\n+UNITED_STATES_ \n",
        );
        assert_eq!(c.names("BRA"), ["brazil", "brasil", "saopaulo"]);
        assert_eq!(c.names("USA"), ["unitedstatesofamerica", "unitedstates"]);
        assert!(c.names("XYZ").is_empty());
    }

    #[test]
    fn plover_types_map_to_families_from_the_ontology() {
        let o = Ontology::embedded().unwrap();
        let (recs, report) = load_and_score(
            &o,
            &[
                r#"{"id":"a","text":"Russia condemned Georgia.","event":"DISAPPROVE","source":[{"actorText":"Russia","code":"RUS"}],"target":[{"actorText":"Georgia","code":"GEO"}]}"#,
                r#"{"id":"b","text":"Nothing happened.","event":"RETREAT","source":[],"target":[]}"#,
            ],
        );
        assert_eq!(recs[0].events[0].family.as_deref(), Some("DISAPPROVE"));
        assert_eq!(recs[1].events[0].family, None);
        assert_eq!(report.in_scope, 1);
        assert_eq!(report.family_accuracy, 1.0);
        assert_eq!(report.full_accuracy, 1.0);
    }

    #[test]
    fn a_promised_support_scores_as_an_intent_to_cooperate() {
        let o = Ontology::embedded().unwrap();
        let (_, report) = load_and_score(
            &o,
            &[
                r#"{"id":"a","text":"Peru will support Chile's bid to join the council.","event":"AGREE","source":[{"actorText":"Peru","code":"PER"}],"target":[{"actorText":"Chile","code":"CHL"}]}"#,
                r#"{"id":"b","text":"Peru supported Chile's bid to join the council.","event":"AGREE","source":[{"actorText":"Peru","code":"PER"}],"target":[{"actorText":"Chile","code":"CHL"}]}"#,
            ],
        );
        // the promise is AGREE; the support given is not
        assert_eq!(report.in_scope, 2);
        assert_eq!(report.family_accuracy, 0.5);
        assert_eq!(report.full_accuracy, 0.5);
    }

    #[test]
    fn a_group_actor_is_coded_by_the_nationality_its_name_carries() {
        let o = Ontology::embedded().unwrap();
        let line = r#"{"id":"a","text":"Afghan militants attacked Georgia on Sunday.","event":"ASSAULT","source":[{"actorText":"insurgents","code":"AFGREB"}],"target":[{"actorText":"Georgia","code":"GEO"}]}"#;
        let codes = CountryCodes::parse("AFGHANISTAN_ [AFG]\n");
        let (_, named) = load_and_score_with(&o, &[line], false, &codes);
        assert_eq!(named.family_accuracy, 0.0);
        let (_, groups) = load_and_score_with(&o, &[line], true, &codes);
        assert_eq!(groups.family_accuracy, 1.0);
        // the group is coded by "Afghan": AFG
        assert_eq!(groups.full_accuracy, 1.0);
    }

    #[test]
    fn a_specific_cameo_code_of_a_predicate_wins_over_its_root() {
        let o = Ontology::embedded().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("p.jsonl");
        std::fs::write(
            &p,
            concat!(
                r#"{"id":"a","text":"Peru signed a treaty with Chile.","gold":[{"source":"PER","target":"CHL","event":"057"}]}"#,
                "\n",
                r#"{"id":"b","text":"Peru praised Chile.","gold":[{"source":"PER","target":"CHL","event":"051"}]}"#,
                "\n"
            ),
        )
        .unwrap();
        let recs = load_petrarch(&p, &o).unwrap();
        // 057 (sign formal agreement) is agreesWith's; root 05 is SUPPORT
        assert_eq!(recs[0].events[0].family.as_deref(), Some("COOPERATE"));
        assert_eq!(recs[1].events[0].family.as_deref(), Some("SUPPORT"));
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
