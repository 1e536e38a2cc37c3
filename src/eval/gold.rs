//! Gold evaluation: scores extracted relations, entities and quotes against hand annotations
//! (`../shared/data/eval/dev-gold/*.gold.json`, format and rules in `../shared/data/eval/README.md`).
//!
//! # Scoring rules as implemented
//!
//! - **Names** are compared after [`normalize_name`]: lower case, a leading word "the" dropped,
//!   and every run of spaces and punctuation removed ("U.S." = "US", "al-Assad" = "Al Assad",
//!   "the United Nations" = "United Nations").
//! - A **system entity matches a gold entity** when one of its names (label or aliases) equals one
//!   of the gold names (name or aliases). A system entity may match several gold entities and
//!   the other way round: each relation endpoint is mapped to the *set* of gold entities it matches.
//! - **System relations** are the distinct (subject, predicate, object, negated) relations with at
//!   least one mention in the article; relations whose endpoints have the same normalized labels
//!   count once, and for a symmetric predicate (`owl:SymmetricProperty` in the ontology:
//!   `meetsWith`, `agreesWith`) (A, B) and (B, A) count once.
//! - **Strict** match: endpoints match, same predicate, same `negated`. A symmetric predicate
//!   matches in either direction in strict mode too: the ontology declares it symmetric, so
//!   "A meetsWith B" and "B meetsWith A" state the same fact.
//! - **Family** match: endpoints match and the families are equal, where the family comes from the
//!   ontology ([`Ontology::family_of`]) and a negated relation of the SUPPORT family (`supports`,
//!   `recognizes`) counts as a non-negated DISAPPROVE relation; other negated relations keep their
//!   family but stay negated (a negated `condemns` does not match a `condemns`). When both
//!   predicates are symmetric, either direction matches.
//! - **Counts**: true positives are a maximum one-to-one matching between the distinct system
//!   relations and the required gold relations; `fn` = required gold relations − `tp`.
//! - **Optional** gold relations are removed from both sides: they are not in the recall
//!   denominator, and a system relation left out of the matching that matches an optional gold
//!   relation is dropped (neither a true nor a false positive). Every other system relation left
//!   out of the matching is a false positive, including a second system relation for a gold
//!   relation already matched (two unmerged nodes "US" and "Washington" saying the same thing). Precision, recall and F1 are micro-averaged over
//!   articles (sums of counts). A ratio with a zero denominator is reported as 0.
//! - **Entity recall**: gold entities matched by some system entity of the same type family
//!   ([`Ontology::type_family_of`]: places, organizations, persons, groups, documents).
//! - **Quotes**: a gold quote is *found* when some system quote of the article starts with its
//!   `starts_with` after [`normalize_quote`] (curly quotes made straight, surrounding quotation
//!   marks dropped, whitespace collapsed, lower case). Its speaker is *correct* when one of the
//!   found system quotes has a speaker matching the gold speaker. `quote_recall` = found / gold
//!   quotes; `quote_speaker_accuracy` = correct / gold quotes.

use super::EvalError;
use crate::document::{Document, read_text_file};
use crate::graph::{
    EntityMentionRecord, EntityNode, KnowledgeGraph, Modality, QuoteRecord, RelationMentionRecord,
    entity_iri,
};
use crate::ontology::Ontology;
use crate::relations::confidence::PatternCounts;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

// ---------------------------------------------------------------------------------------------
// Gold file format
// ---------------------------------------------------------------------------------------------

/// One gold file: the annotation of one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldFile {
    /// File name of the article in the articles directory ("wikinews-2019_015.txt").
    pub article: String,
    /// Named entities taking part in relations or quotes.
    #[serde(default)]
    pub entities: Vec<GoldEntity>,
    /// Relations between entities (by entity `name`).
    #[serde(default)]
    pub relations: Vec<GoldRelation>,
    /// Direct quotations with their speakers.
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
}

/// A gold entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldEntity {
    /// Canonical name.
    pub name: String,
    /// Ontology class local name ("Country").
    #[serde(rename = "type")]
    pub class: String,
    /// Other surface forms the article uses for it.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A gold relation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldRelation {
    /// Subject entity name.
    pub subject: String,
    /// Predicate local name ("condemns").
    pub predicate: String,
    /// Object entity name.
    pub object: String,
    /// Stated as not occurring.
    #[serde(default)]
    pub negated: bool,
    /// Acceptable but not expected: neither rewarded nor counted as an error.
    #[serde(default)]
    pub optional: bool,
    /// The text the annotator read it from.
    #[serde(default)]
    pub evidence: String,
}

/// A gold quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldQuote {
    /// Speaker entity name.
    pub speaker: String,
    /// The first words of the quoted text.
    pub starts_with: String,
}

impl GoldFile {
    /// Parses a gold file from JSON text; `path` names it in errors.
    pub fn from_json(text: &str, path: &str) -> Result<GoldFile, EvalError> {
        serde_json::from_str(text).map_err(|e| EvalError::GoldSyntax {
            path: path.to_string(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })
    }

    /// Reads and parses a gold file.
    pub fn from_path(path: &Path) -> Result<GoldFile, EvalError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|error| EvalError::Io {
            path: name.clone(),
            error,
        })?;
        Self::from_json(&text, &name)
    }

    /// Consistency problems: unknown types or predicates, relations or quotes naming no entity,
    /// duplicate entity names, duplicate relations. Empty when the file is usable.
    pub fn problems(&self, ontology: &Ontology) -> Vec<String> {
        let mut problems = Vec::new();
        let mut names = BTreeSet::new();
        for e in &self.entities {
            if !names.insert(e.name.as_str()) {
                problems.push(format!("entity {:?} is listed twice", e.name));
            }
            if ontology.class(&e.class).is_none() {
                problems.push(format!("entity {:?}: unknown type {:?}", e.name, e.class));
            }
        }
        let mut keys = BTreeSet::new();
        for (i, r) in self.relations.iter().enumerate() {
            for end in [&r.subject, &r.object] {
                if !names.contains(end.as_str()) {
                    problems.push(format!("relation {}: {end:?} is not an entity name", i + 1));
                }
            }
            if ontology.predicate(&r.predicate).is_none() {
                problems.push(format!(
                    "relation {}: unknown predicate {:?}",
                    i + 1,
                    r.predicate
                ));
            }
            if !keys.insert((&r.subject, &r.predicate, &r.object, r.negated)) {
                problems.push(format!("relation {} is a duplicate", i + 1));
            }
        }
        for (i, q) in self.quotes.iter().enumerate() {
            if !names.contains(q.speaker.as_str()) {
                problems.push(format!(
                    "quote {}: speaker {:?} is not an entity name",
                    i + 1,
                    q.speaker
                ));
            }
            if normalize_quote(&q.starts_with).is_empty() {
                problems.push(format!("quote {}: empty starts_with", i + 1));
            }
        }
        problems
    }
}

// ---------------------------------------------------------------------------------------------
// Normalization
// ---------------------------------------------------------------------------------------------

/// Normalizes a name for matching: lower case, a leading word "the" dropped (when other words
/// follow), spaces and punctuation removed. "The U.S." → "us", "al-Assad" → "alassad".
pub fn normalize_name(name: &str) -> String {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let words = match words.split_first() {
        Some((&"the", rest)) if !rest.is_empty() => rest,
        _ => &words[..],
    };
    words.concat()
}

/// Normalizes quoted text for prefix matching: curly quotes and apostrophes made straight,
/// surrounding quotation marks and whitespace dropped, whitespace runs collapsed to one space,
/// lower case.
pub fn normalize_quote(text: &str) -> String {
    let straight: String = text
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => '"',
            c => c,
        })
        .collect();
    let words: Vec<&str> = straight.split_whitespace().collect();
    let joined = words.join(" ");
    joined
        .trim_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace())
        .to_lowercase()
}

// ---------------------------------------------------------------------------------------------
// System side
// ---------------------------------------------------------------------------------------------

/// An entity as the system sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SystemEntity {
    /// Canonical label.
    pub label: String,
    /// Other surface forms.
    pub aliases: Vec<String>,
    /// Ontology class local name.
    pub class: String,
}

impl SystemEntity {
    fn from_node(n: &EntityNode) -> SystemEntity {
        SystemEntity {
            label: n.label.clone(),
            aliases: n.aliases.iter().cloned().collect(),
            class: n.class.clone(),
        }
    }

    /// Label and aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.label.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// A relation as the system sees it (one graph edge).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SystemRelation {
    /// Subject entity.
    pub subject: SystemEntity,
    /// Predicate local name.
    pub predicate: String,
    /// Object entity.
    pub object: SystemEntity,
    /// Stated as not occurring.
    pub negated: bool,
    /// Evidence sentences of its mentions in the article.
    pub evidence: Vec<String>,
}

/// A quotation as the system sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SystemQuote {
    /// The speaker, if resolved.
    pub speaker: Option<SystemEntity>,
    /// The quoted text.
    pub text: String,
}

/// What the system extracted from one article.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct SystemArticle {
    /// Document id.
    pub document: String,
    /// Entities mentioned in the document.
    pub entities: Vec<SystemEntity>,
    /// Relations with at least one mention in the document.
    pub relations: Vec<SystemRelation>,
    /// Quotations of the document.
    pub quotes: Vec<SystemQuote>,
}

impl SystemArticle {
    /// The part of `graph` that concerns one document.
    pub fn from_graph(graph: &KnowledgeGraph, document_id: &str) -> SystemArticle {
        let entities = graph
            .entities()
            .into_iter()
            .filter(|n| n.mentions.iter().any(|m| m.document == document_id))
            .map(SystemEntity::from_node)
            .collect();
        let relations = graph
            .relations()
            .into_iter()
            .filter_map(|(s, o, e)| {
                let mut evidence: Vec<String> = e
                    .mentions
                    .iter()
                    .filter(|m| m.document == document_id)
                    .map(|m| m.evidence.clone())
                    .collect();
                if evidence.is_empty() {
                    return None;
                }
                evidence.dedup();
                Some(SystemRelation {
                    subject: SystemEntity::from_node(s),
                    predicate: e.predicate.clone(),
                    object: SystemEntity::from_node(o),
                    negated: e.negated,
                    evidence,
                })
            })
            .collect();
        let quotes = graph
            .quotes
            .iter()
            .filter(|q| q.document == document_id)
            .map(|q| SystemQuote {
                speaker: q
                    .speaker
                    .as_deref()
                    .and_then(|iri| graph.entity(iri))
                    .map(SystemEntity::from_node),
                text: q.text.clone(),
            })
            .collect();
        SystemArticle {
            document: document_id.to_string(),
            entities,
            relations,
            quotes,
        }
    }
}

/// Builds the graph a perfect system would extract from an article: every gold entity (with its
/// aliases and one mention in `document_id`), every gold relation (optional ones too) and every
/// quote. Used to check the scorer end to end: scoring it gives P = R = F1 = 1.
pub fn graph_from_gold(gold: &GoldFile, document_id: &str) -> KnowledgeGraph {
    let mut g = KnowledgeGraph::new();
    g.add_document(crate::graph::DocumentInfo {
        id: document_id.to_string(),
        title: None,
        source: gold.article.clone(),
        url: None,
        date: None,
    });
    let mut iris = BTreeMap::new();
    for (i, e) in gold.entities.iter().enumerate() {
        let iri = entity_iri(&e.class, &e.name);
        iris.insert(e.name.as_str(), iri.clone());
        g.upsert_entity(EntityNode {
            iri,
            label: e.name.clone(),
            class: e.class.clone(),
            aliases: e
                .aliases
                .iter()
                .filter(|a| **a != e.name)
                .cloned()
                .collect(),
            same_as: BTreeSet::new(),
            mentions: vec![EntityMentionRecord {
                document: document_id.to_string(),
                start: i,
                end: i + 1,
                text: e.name.clone(),
            }],
            merge_reasons: vec![],
        });
    }
    for (i, r) in gold.relations.iter().enumerate() {
        let (Some(s), Some(o)) = (iris.get(r.subject.as_str()), iris.get(r.object.as_str())) else {
            continue;
        };
        g.add_relation(
            s,
            &r.predicate,
            o,
            r.negated,
            RelationMentionRecord {
                document: document_id.to_string(),
                sentence: i,
                start: i,
                end: i + 1,
                trigger: r.predicate.clone(),
                evidence: r.evidence.clone(),
                confidence: 1.0,
                modality: if r.optional {
                    Modality::Hedged
                } else {
                    Modality::Asserted
                },
                attributed_to: None,
                pattern: "gold".into(),
            },
        );
    }
    for (i, q) in gold.quotes.iter().enumerate() {
        g.add_quote(QuoteRecord {
            speaker: iris.get(q.speaker.as_str()).cloned(),
            text: q.starts_with.clone(),
            document: document_id.to_string(),
            start: i,
            end: i + 1,
        });
    }
    g.canonicalize();
    g
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

/// Precision, recall and F1 with their counts.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Prf {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// tp / (tp + fp), 0 when there is no system relation.
    pub precision: f64,
    /// tp / (tp + fn), 0 when there is no gold relation.
    pub recall: f64,
    /// Harmonic mean of precision and recall, 0 when both are 0.
    pub f1: f64,
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

impl Prf {
    /// Scores from counts.
    pub fn from_counts(tp: usize, fp: usize, fn_: usize) -> Prf {
        let precision = ratio(tp, tp + fp);
        let recall = ratio(tp, tp + fn_);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            tp,
            fp,
            fn_,
            precision,
            recall,
            f1,
        }
    }

    fn add(self, other: Prf) -> Prf {
        Prf::from_counts(self.tp + other.tp, self.fp + other.fp, self.fn_ + other.fn_)
    }
}

/// A missed gold relation or an extra system relation (verbose output).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RelationDiff {
    /// "subject predicate object", with ` [negated]` appended when negated.
    pub relation: String,
    /// Evidence: the gold evidence, or the system's evidence sentences.
    pub evidence: Vec<String>,
    /// Whether it matches at the family level (a strict miss that family scoring accepts).
    pub family_match: bool,
}

/// Counts shared by an article and the totals.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Counts {
    /// Strict relation scores.
    pub strict: Prf,
    /// Family relation scores.
    pub family: Prf,
    /// Required (non-optional) gold relations.
    pub gold_relations: usize,
    /// Optional gold relations.
    pub optional_gold_relations: usize,
    /// Distinct system relations before removing those matching optional gold relations.
    pub system_relations: usize,
    /// Gold entities.
    pub entities_gold: usize,
    /// Gold entities found with the right type family.
    pub entities_found: usize,
    /// Gold entities found with any type.
    pub entities_found_any_type: usize,
    /// `entities_found / entities_gold`.
    pub entity_recall: f64,
    /// Gold quotes.
    pub quotes_gold: usize,
    /// Gold quotes found among the system quotes.
    pub quotes_found: usize,
    /// Gold quotes found with the right speaker.
    pub quotes_speaker_correct: usize,
    /// `quotes_found / quotes_gold`.
    pub quote_recall: f64,
    /// `quotes_speaker_correct / quotes_gold`.
    pub quote_speaker_accuracy: f64,
}

impl Counts {
    fn finish(mut self) -> Counts {
        self.entity_recall = ratio(self.entities_found, self.entities_gold);
        self.quote_recall = ratio(self.quotes_found, self.quotes_gold);
        self.quote_speaker_accuracy = ratio(self.quotes_speaker_correct, self.quotes_gold);
        self
    }

    fn add(self, o: &Counts) -> Counts {
        Counts {
            strict: self.strict.add(o.strict),
            family: self.family.add(o.family),
            gold_relations: self.gold_relations + o.gold_relations,
            optional_gold_relations: self.optional_gold_relations + o.optional_gold_relations,
            system_relations: self.system_relations + o.system_relations,
            entities_gold: self.entities_gold + o.entities_gold,
            entities_found: self.entities_found + o.entities_found,
            entities_found_any_type: self.entities_found_any_type + o.entities_found_any_type,
            quotes_gold: self.quotes_gold + o.quotes_gold,
            quotes_found: self.quotes_found + o.quotes_found,
            quotes_speaker_correct: self.quotes_speaker_correct + o.quotes_speaker_correct,
            ..Counts::default()
        }
        .finish()
    }
}

/// The score of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleScore {
    /// Article file name (gold `article`).
    pub article: String,
    /// Document id the system gave it.
    pub document: String,
    /// Counts and scores.
    #[serde(flatten)]
    pub counts: Counts,
    /// Required gold relations not matched strictly (verbose).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missed: Vec<RelationDiff>,
    /// System relations that are strict false positives (verbose).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<RelationDiff>,
    /// Gold quotes not found or found with another speaker (verbose).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub quote_misses: Vec<String>,
}

/// The scores of a gold evaluation run: per article and micro-averaged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldReport {
    /// Per article, in gold file order (sorted by file name).
    pub articles: Vec<ArticleScore>,
    /// Micro-averaged totals (sums of counts over articles).
    pub micro: Counts,
}

impl GoldReport {
    /// A report from article scores (computes the micro totals).
    pub fn from_articles(articles: Vec<ArticleScore>) -> GoldReport {
        let micro = articles
            .iter()
            .fold(Counts::default(), |acc, a| acc.add(&a.counts));
        GoldReport { articles, micro }
    }

    /// Drops the missed/extra relation lists (non-verbose output).
    pub fn strip_details(&mut self) {
        for a in &mut self.articles {
            a.missed.clear();
            a.extra.clear();
            a.quote_misses.clear();
        }
    }
}

impl fmt::Display for GoldReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = self
            .articles
            .iter()
            .map(|a| a.document.chars().count())
            .max()
            .unwrap_or(0)
            .max(5);
        writeln!(
            f,
            "{:<width$}  {:>5} {:>5} {:>5}  {:>5} {:>5} {:>5}  {:>4} {:>4} {:>4}  {:>6}  {:>6}  {:>6}",
            "article",
            "P",
            "R",
            "F1",
            "famP",
            "famR",
            "famF1",
            "tp",
            "fp",
            "fn",
            "entR",
            "quoteR",
            "spkAcc"
        )?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, c: &Counts| {
            writeln!(
                f,
                "{:<width$}  {:>5.3} {:>5.3} {:>5.3}  {:>5.3} {:>5.3} {:>5.3}  {:>4} {:>4} {:>4}  {:>6.3}  {:>6.3}  {:>6.3}",
                name,
                c.strict.precision,
                c.strict.recall,
                c.strict.f1,
                c.family.precision,
                c.family.recall,
                c.family.f1,
                c.strict.tp,
                c.strict.fp,
                c.strict.fn_,
                c.entity_recall,
                c.quote_recall,
                c.quote_speaker_accuracy
            )
        };
        for a in &self.articles {
            row(f, &a.document, &a.counts)?;
        }
        row(f, "MICRO", &self.micro)?;
        writeln!(
            f,
            "(tp/fp/fn strict; family tp/fp/fn {}/{}/{}; {} gold relations + {} optional; \
             entities {}/{} found, {} with any type; quotes {}/{} found, {} right speaker)",
            self.micro.family.tp,
            self.micro.family.fp,
            self.micro.family.fn_,
            self.micro.gold_relations,
            self.micro.optional_gold_relations,
            self.micro.entities_found,
            self.micro.entities_gold,
            self.micro.entities_found_any_type,
            self.micro.quotes_found,
            self.micro.quotes_gold,
            self.micro.quotes_speaker_correct
        )?;
        for a in &self.articles {
            if a.missed.is_empty() && a.extra.is_empty() {
                continue;
            }
            writeln!(f, "\n== {} ({})", a.document, a.article)?;
            for (label, list) in [("missed", &a.missed), ("extra", &a.extra)] {
                for d in list.iter() {
                    let fam = if d.family_match {
                        " (family match)"
                    } else {
                        ""
                    };
                    writeln!(f, "  {label}: {}{fam}", d.relation)?;
                    for e in &d.evidence {
                        writeln!(f, "      | {e}")?;
                    }
                }
            }
            for q in &a.quote_misses {
                writeln!(f, "  quote: {q}")?;
            }
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

/// Strict or family matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Strict,
    Family,
}

/// A distinct system relation with its endpoints mapped to gold entity indices.
struct MappedRelation {
    subjects: BTreeSet<usize>,
    objects: BTreeSet<usize>,
    predicate: String,
    negated: bool,
    display: String,
    evidence: Vec<String>,
}

struct Scorer<'a> {
    gold: &'a GoldFile,
    ontology: &'a Ontology,
    /// Normalized names of each gold entity.
    gold_names: Vec<BTreeSet<String>>,
    /// Gold entity name → index.
    gold_index: BTreeMap<&'a str, usize>,
}

impl<'a> Scorer<'a> {
    fn new(gold: &'a GoldFile, ontology: &'a Ontology) -> Self {
        let gold_names = gold
            .entities
            .iter()
            .map(|e| {
                std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .map(|n| normalize_name(n))
                    .filter(|n| !n.is_empty())
                    .collect()
            })
            .collect();
        let gold_index = gold
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.name.as_str(), i))
            .collect();
        Scorer {
            gold,
            ontology,
            gold_names,
            gold_index,
        }
    }

    /// Gold entities a system entity matches.
    fn matches(&self, e: &SystemEntity) -> BTreeSet<usize> {
        let names: BTreeSet<String> = e.names().map(normalize_name).collect();
        self.gold_names
            .iter()
            .enumerate()
            .filter(|(_, g)| g.iter().any(|n| names.contains(n)))
            .map(|(i, _)| i)
            .collect()
    }

    fn symmetric(&self, predicate: &str) -> bool {
        self.ontology
            .predicate(predicate)
            .is_some_and(|p| p.symmetric)
    }

    /// The family of a (predicate, negated) pair for family scoring.
    fn family_key(&self, predicate: &str, negated: bool) -> (&'a str, bool) {
        let family = self.ontology.family_of(predicate);
        if negated && family == "SUPPORT" {
            ("DISAPPROVE", false)
        } else {
            (family, negated)
        }
    }

    fn type_family<'b>(&self, class: &'b str) -> &'b str
    where
        'a: 'b,
    {
        match self.ontology.type_family_of(class) {
            "" => class,
            f => f,
        }
    }

    /// Distinct system relations, endpoints mapped to gold entities.
    fn map_relations(&self, system: &SystemArticle) -> Vec<MappedRelation> {
        let mut by_key: BTreeMap<(String, String, String, bool), MappedRelation> = BTreeMap::new();
        for r in &system.relations {
            let mut s = (normalize_name(&r.subject.label), self.matches(&r.subject));
            let mut o = (normalize_name(&r.object.label), self.matches(&r.object));
            let mut names = (&r.subject.label, &r.object.label);
            if self.symmetric(&r.predicate) && s.0 > o.0 {
                std::mem::swap(&mut s, &mut o);
                names = (names.1, names.0);
            }
            let key = (s.0, r.predicate.clone(), o.0, r.negated);
            let entry = by_key.entry(key).or_insert_with(|| MappedRelation {
                subjects: BTreeSet::new(),
                objects: BTreeSet::new(),
                predicate: r.predicate.clone(),
                negated: r.negated,
                display: relation_string(names.0, &r.predicate, names.1, r.negated),
                evidence: Vec::new(),
            });
            entry.subjects.extend(s.1);
            entry.objects.extend(o.1);
            for e in &r.evidence {
                if !entry.evidence.contains(e) {
                    entry.evidence.push(e.clone());
                }
            }
        }
        by_key.into_values().collect()
    }

    fn relation_matches(&self, r: &MappedRelation, g: &GoldRelation, mode: Mode) -> bool {
        let (Some(&gs), Some(&go)) = (
            self.gold_index.get(g.subject.as_str()),
            self.gold_index.get(g.object.as_str()),
        ) else {
            return false;
        };
        let direct = r.subjects.contains(&gs) && r.objects.contains(&go);
        let reversed = r.subjects.contains(&go) && r.objects.contains(&gs);
        match mode {
            Mode::Strict => {
                r.predicate == g.predicate
                    && r.negated == g.negated
                    && (direct || (reversed && self.symmetric(&g.predicate)))
            }
            Mode::Family => {
                let fam = self.family_key(&r.predicate, r.negated);
                !fam.0.is_empty()
                    && fam == self.family_key(&g.predicate, g.negated)
                    && (direct
                        || (reversed
                            && self.symmetric(&r.predicate)
                            && self.symmetric(&g.predicate)))
            }
        }
    }

    /// Scores relations in one mode; returns the counts, the unmatched required gold relations
    /// and the false-positive system relations (indices).
    fn score_relations(
        &self,
        system: &[MappedRelation],
        mode: Mode,
    ) -> (Prf, Vec<usize>, Vec<usize>) {
        let gold = &self.gold.relations;
        let required: Vec<usize> = (0..gold.len()).filter(|&i| !gold[i].optional).collect();
        // Required gold relations each system relation matches.
        let candidates: Vec<Vec<usize>> = system
            .iter()
            .map(|r| {
                required
                    .iter()
                    .copied()
                    .filter(|&gi| self.relation_matches(r, &gold[gi], mode))
                    .collect()
            })
            .collect();
        let gold_match = max_matching(&candidates, gold.len());
        let tp = gold_match.iter().filter(|m| m.is_some()).count();
        let matched_sys: BTreeSet<usize> = gold_match.iter().flatten().copied().collect();
        let missed = required
            .iter()
            .copied()
            .filter(|&gi| gold_match[gi].is_none())
            .collect();
        // Unmatched system relations are errors unless they match an optional gold relation.
        let extra: Vec<usize> = (0..system.len())
            .filter(|si| !matched_sys.contains(si))
            .filter(|&si| {
                !gold
                    .iter()
                    .any(|g| g.optional && self.relation_matches(&system[si], g, mode))
            })
            .collect();
        (
            Prf::from_counts(tp, extra.len(), required.len() - tp),
            missed,
            extra,
        )
    }

    fn score(&self, system: &SystemArticle) -> ArticleScore {
        let mapped = self.map_relations(system);
        let (strict, missed, extra) = self.score_relations(&mapped, Mode::Strict);
        let (family, _, _) = self.score_relations(&mapped, Mode::Family);

        let gold_rel = &self.gold.relations;
        let missed = missed
            .into_iter()
            .map(|gi| {
                let g = &gold_rel[gi];
                RelationDiff {
                    relation: relation_string(&g.subject, &g.predicate, &g.object, g.negated),
                    evidence: vec![g.evidence.clone()],
                    family_match: mapped
                        .iter()
                        .any(|r| self.relation_matches(r, g, Mode::Family)),
                }
            })
            .collect();
        let extra = extra
            .into_iter()
            .map(|si| {
                let r = &mapped[si];
                RelationDiff {
                    relation: r.display.clone(),
                    evidence: r.evidence.clone(),
                    family_match: gold_rel
                        .iter()
                        .any(|g| self.relation_matches(r, g, Mode::Family)),
                }
            })
            .collect();

        // Entities.
        let mut found = vec![false; self.gold.entities.len()];
        let mut found_any = vec![false; self.gold.entities.len()];
        for e in &system.entities {
            for gi in self.matches(e) {
                found_any[gi] = true;
                if self.type_family(&e.class) == self.type_family(&self.gold.entities[gi].class) {
                    found[gi] = true;
                }
            }
        }

        // Quotes.
        let system_quotes: Vec<(String, Option<BTreeSet<usize>>, &str)> = system
            .quotes
            .iter()
            .map(|q| {
                (
                    normalize_quote(&q.text),
                    q.speaker.as_ref().map(|s| self.matches(s)),
                    q.speaker.as_ref().map_or("(none)", |s| s.label.as_str()),
                )
            })
            .collect();
        let mut quotes_found = 0;
        let mut quotes_correct = 0;
        let mut quote_misses = Vec::new();
        for q in &self.gold.quotes {
            let prefix = normalize_quote(&q.starts_with);
            let speaker = self.gold_index.get(q.speaker.as_str());
            let hits: Vec<_> = system_quotes
                .iter()
                .filter(|(t, _, _)| !prefix.is_empty() && t.starts_with(&prefix))
                .collect();
            if hits.is_empty() {
                quote_misses.push(format!("{:?} by {} not found", q.starts_with, q.speaker));
                continue;
            }
            quotes_found += 1;
            if hits.iter().any(|(_, s, _)| {
                s.as_ref()
                    .zip(speaker)
                    .is_some_and(|(set, gi)| set.contains(gi))
            }) {
                quotes_correct += 1;
            } else {
                let got: Vec<&str> = hits.iter().map(|h| h.2).collect();
                quote_misses.push(format!(
                    "{:?} by {}, got {}",
                    q.starts_with,
                    q.speaker,
                    got.join(" / ")
                ));
            }
        }

        let counts = Counts {
            strict,
            family,
            gold_relations: gold_rel.iter().filter(|g| !g.optional).count(),
            optional_gold_relations: gold_rel.iter().filter(|g| g.optional).count(),
            system_relations: mapped.len(),
            entities_gold: self.gold.entities.len(),
            entities_found: found.iter().filter(|f| **f).count(),
            entities_found_any_type: found_any.iter().filter(|f| **f).count(),
            quotes_gold: self.gold.quotes.len(),
            quotes_found,
            quotes_speaker_correct: quotes_correct,
            ..Counts::default()
        }
        .finish();
        ArticleScore {
            article: self.gold.article.clone(),
            document: system.document.clone(),
            counts,
            missed,
            extra,
            quote_misses,
        }
    }
}

fn relation_string(s: &str, p: &str, o: &str, negated: bool) -> String {
    if negated {
        format!("{s} {p} {o} [negated]")
    } else {
        format!("{s} {p} {o}")
    }
}

/// Maximum bipartite matching (augmenting paths). `candidates[l]` lists the right vertices of
/// left vertex `l`; returns for each right vertex its matched left vertex.
fn max_matching(candidates: &[Vec<usize>], n_right: usize) -> Vec<Option<usize>> {
    fn augment(
        l: usize,
        candidates: &[Vec<usize>],
        seen: &mut [bool],
        match_right: &mut [Option<usize>],
    ) -> bool {
        for &r in &candidates[l] {
            if seen[r] {
                continue;
            }
            seen[r] = true;
            if match_right[r].is_none_or(|other| augment(other, candidates, seen, match_right)) {
                match_right[r] = Some(l);
                return true;
            }
        }
        false
    }
    let mut match_right = vec![None; n_right];
    for l in 0..candidates.len() {
        let mut seen = vec![false; n_right];
        augment(l, candidates, &mut seen, &mut match_right);
    }
    match_right
}

/// Scores one article's system output against its gold annotation (rules in the module docs).
/// The result carries the missed and extra relations; [`GoldReport::strip_details`] drops them.
pub fn score_article(gold: &GoldFile, system: &SystemArticle, ontology: &Ontology) -> ArticleScore {
    Scorer::new(gold, ontology).score(system)
}

/// The `*.gold.json` files of a directory, sorted by name.
pub fn gold_files(gold_dir: &Path) -> Result<Vec<std::path::PathBuf>, EvalError> {
    let io = |error| EvalError::Io {
        path: gold_dir.display().to_string(),
        error,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(gold_dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with(".gold.json"))
        {
            files.push(path);
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(EvalError::NoGold {
            dir: gold_dir.display().to_string(),
        });
    }
    Ok(files)
}

/// Reads one gold file (checked against the ontology), reads its article with the text-file
/// reader and extracts it.
fn extract_gold_article<E: fmt::Display>(
    path: &Path,
    articles_dir: &Path,
    ontology: &Ontology,
    extract: &dyn Fn(&Document) -> Result<KnowledgeGraph, E>,
) -> Result<(GoldFile, Document, KnowledgeGraph), EvalError> {
    let name = path.display().to_string();
    let gold = GoldFile::from_path(path)?;
    let problems = gold.problems(ontology);
    if !problems.is_empty() {
        return Err(EvalError::GoldInvalid {
            path: name,
            problems,
        });
    }
    let article_path = articles_dir.join(&gold.article);
    let doc =
        read_text_file(&article_path).map_err(|error| EvalError::Article { gold: name, error })?;
    let graph = extract(&doc).map_err(|e| EvalError::Extract {
        article: article_path.display().to_string(),
        message: e.to_string(),
    })?;
    Ok((gold, doc, graph))
}

/// Runs the gold evaluation: for each `*.gold.json` in `gold_dir` (sorted), reads its article
/// from `articles_dir` with the text-file reader ([`read_text_file`], so titles are handled as in
/// extraction), extracts a graph with `extract`, and scores the document's part of it.
///
/// Fails on the first unreadable or inconsistent gold file, missing article or extraction error.
pub fn run_gold_eval<E: fmt::Display>(
    gold_dir: &Path,
    articles_dir: &Path,
    ontology: &Ontology,
    extract: &dyn Fn(&Document) -> Result<KnowledgeGraph, E>,
) -> Result<GoldReport, EvalError> {
    let mut articles = Vec::new();
    for path in gold_files(gold_dir)? {
        let (gold, doc, graph) = extract_gold_article(&path, articles_dir, ontology, extract)?;
        let system = SystemArticle::from_graph(&graph, &doc.id);
        articles.push(score_article(&gold, &system, ontology));
    }
    Ok(GoldReport::from_articles(articles))
}

/// How one distinct system relation fares against an article's gold (strict match).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// It matches a required gold relation.
    Correct,
    /// It matches only an optional gold relation (neither right nor wrong).
    Optional,
    /// It matches no gold relation.
    Wrong,
}

/// The strict verdict on one system relation.
pub fn judge_relation(gold: &GoldFile, relation: &SystemRelation, ontology: &Ontology) -> Verdict {
    let scorer = Scorer::new(gold, ontology);
    let one = SystemArticle {
        relations: vec![relation.clone()],
        ..SystemArticle::default()
    };
    let mapped = scorer.map_relations(&one);
    let Some(r) = mapped.first() else {
        return Verdict::Wrong;
    };
    let matching = |optional: bool| {
        gold.relations
            .iter()
            .any(|g| g.optional == optional && scorer.relation_matches(r, g, Mode::Strict))
    };
    if matching(false) {
        Verdict::Correct
    } else if matching(true) {
        Verdict::Optional
    } else {
        Verdict::Wrong
    }
}

/// Counts, per extraction pattern, the relation mentions whose relation is correct, optional or
/// wrong on the gold in `gold_dir` (articles read and extracted as in [`run_gold_eval`]): the data
/// of [`ConfidenceTable::from_counts`](crate::relations::confidence::ConfidenceTable::from_counts).
pub fn pattern_counts<E: fmt::Display>(
    gold_dir: &Path,
    articles_dir: &Path,
    ontology: &Ontology,
    extract: &dyn Fn(&Document) -> Result<KnowledgeGraph, E>,
) -> Result<BTreeMap<String, PatternCounts>, EvalError> {
    let mut counts: BTreeMap<String, PatternCounts> = BTreeMap::new();
    for path in gold_files(gold_dir)? {
        let (gold, doc, graph) = extract_gold_article(&path, articles_dir, ontology, extract)?;
        for (s, o, e) in graph.relations() {
            let mentions: Vec<_> = e.mentions.iter().filter(|m| m.document == doc.id).collect();
            if mentions.is_empty() {
                continue;
            }
            let relation = SystemRelation {
                subject: SystemEntity::from_node(s),
                predicate: e.predicate.clone(),
                object: SystemEntity::from_node(o),
                negated: e.negated,
                evidence: Vec::new(),
            };
            let verdict = judge_relation(&gold, &relation, ontology);
            for m in mentions {
                let c = counts.entry(m.pattern.clone()).or_default();
                match verdict {
                    Verdict::Correct => c.correct += 1,
                    Verdict::Optional => c.optional += 1,
                    Verdict::Wrong => c.wrong += 1,
                }
            }
        }
    }
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn onto() -> Ontology {
        Ontology::embedded().unwrap()
    }

    fn ent(name: &str, class: &str, aliases: &[&str]) -> GoldEntity {
        GoldEntity {
            name: name.into(),
            class: class.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        }
    }

    fn rel(s: &str, p: &str, o: &str, negated: bool, optional: bool) -> GoldRelation {
        GoldRelation {
            subject: s.into(),
            predicate: p.into(),
            object: o.into(),
            negated,
            optional,
            evidence: format!("{s} {p} {o}"),
        }
    }

    fn sent(label: &str, class: &str, aliases: &[&str]) -> SystemEntity {
        SystemEntity {
            label: label.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            class: class.into(),
        }
    }

    fn srel(s: &SystemEntity, p: &str, o: &SystemEntity, negated: bool) -> SystemRelation {
        SystemRelation {
            subject: s.clone(),
            predicate: p.into(),
            object: o.clone(),
            negated,
            evidence: vec!["evidence".into()],
        }
    }

    fn gold(relations: Vec<GoldRelation>) -> GoldFile {
        GoldFile {
            article: "a.txt".into(),
            entities: vec![
                ent("Serbia", "Country", &["Belgrade"]),
                ent("Kosovo", "Territory", &["the province"]),
                ent("United States", "Country", &["US", "Washington"]),
                ent("Russia", "Country", &[]),
            ],
            relations,
            quotes: vec![],
        }
    }

    fn system(relations: Vec<SystemRelation>) -> SystemArticle {
        SystemArticle {
            document: "a".into(),
            entities: vec![],
            relations,
            quotes: vec![],
        }
    }

    #[test]
    fn names_normalize_case_the_spaces_and_punctuation() {
        assert_eq!(normalize_name("The United  Nations"), "unitednations");
        assert_eq!(normalize_name("U.S."), normalize_name("US"));
        assert_eq!(normalize_name("al-Assad"), normalize_name("Al Assad"));
        assert_eq!(normalize_name("the"), "the");
        assert_eq!(normalize_name("Theresa May"), "theresamay");
        assert_eq!(normalize_name("  the   Hague "), "hague");
    }

    #[test]
    fn quotes_normalize_curly_marks_and_whitespace() {
        assert_eq!(
            normalize_quote("“Isn’t it  too\nlate"),
            normalize_quote("Isn't it too late")
        );
        assert_eq!(normalize_quote("\"Hello\""), "hello");
    }

    #[test]
    fn entities_match_by_alias_and_dropped_the() {
        let g = gold(vec![]);
        let o = onto();
        let s = Scorer::new(&g, &o);
        assert_eq!(
            s.matches(&sent("Washington", "City", &[])),
            BTreeSet::from([2])
        );
        assert_eq!(
            s.matches(&sent("U.S.", "Country", &[])),
            BTreeSet::from([2])
        );
        assert_eq!(
            s.matches(&sent("Pristina", "City", &["province"])),
            BTreeSet::from([1])
        );
        assert!(s.matches(&sent("China", "Country", &[])).is_empty());
    }

    #[test]
    fn strict_and_family_scores_with_negation() {
        let g = gold(vec![
            rel("Russia", "recognizes", "Kosovo", true, false),
            rel("Serbia", "condemns", "Kosovo", false, false),
        ]);
        let (us, ru, sr, ko) = (
            sent("US", "Country", &[]),
            sent("Russia", "Country", &[]),
            sent("Serbia", "Country", &[]),
            sent("Kosovo", "Territory", &[]),
        );
        let sys = system(vec![
            srel(&ru, "opposes", &ko, false), // family DISAPPROVE = negated recognizes
            srel(&sr, "condemns", &ko, false), // strict hit
            srel(&us, "recognizes", &ko, false), // wrong
        ]);
        let sc = score_article(&g, &sys, &onto());
        assert_eq!(
            (
                sc.counts.strict.tp,
                sc.counts.strict.fp,
                sc.counts.strict.fn_
            ),
            (1, 2, 1)
        );
        assert_eq!(
            (
                sc.counts.family.tp,
                sc.counts.family.fp,
                sc.counts.family.fn_
            ),
            (2, 1, 0)
        );
        assert_eq!(sc.missed.len(), 1);
        assert!(sc.missed[0].relation.ends_with("[negated]"));
        assert!(sc.missed[0].family_match);
        // A positive recognizes does not match a negated one, even at family level.
        let sys = system(vec![srel(&ru, "recognizes", &ko, false)]);
        let sc = score_article(&g, &sys, &onto());
        assert_eq!(sc.counts.family.tp, 0);
        // Negated condemns stays negated: no family match with condemns.
        let sys = system(vec![srel(&sr, "condemns", &ko, true)]);
        assert_eq!(score_article(&g, &sys, &onto()).counts.family.tp, 0);
    }

    #[test]
    fn optional_relations_are_removed_from_both_sides() {
        let g = gold(vec![
            rel("Serbia", "condemns", "Kosovo", false, false),
            rel("Russia", "supports", "Serbia", false, true),
        ]);
        let (ru, sr, ko) = (
            sent("Russia", "Country", &[]),
            sent("Serbia", "Country", &[]),
            sent("Kosovo", "Territory", &[]),
        );
        let sys = system(vec![
            srel(&sr, "condemns", &ko, false),
            srel(&ru, "supports", &sr, false),
        ]);
        let sc = score_article(&g, &sys, &onto());
        assert_eq!(sc.counts.strict, Prf::from_counts(1, 0, 0));
        assert_eq!(sc.counts.gold_relations, 1);
        assert_eq!(sc.counts.optional_gold_relations, 1);
        // Not finding the optional one costs nothing either.
        let sys = system(vec![srel(&sr, "condemns", &ko, false)]);
        assert_eq!(score_article(&g, &sys, &onto()).counts.strict.f1, 1.0);
        // Family level: a required condemns and an optional opposes between the same entities are
        // one DISAPPROVE fact; finding both is one true positive and no error.
        let g = gold(vec![
            rel("Serbia", "condemns", "Kosovo", false, false),
            rel("Serbia", "opposes", "Kosovo", false, true),
        ]);
        let sys = system(vec![
            srel(&sr, "condemns", &ko, false),
            srel(&sr, "opposes", &ko, false),
        ]);
        let sc = score_article(&g, &sys, &onto());
        assert_eq!(sc.counts.strict, Prf::from_counts(1, 0, 0));
        assert_eq!(sc.counts.family, Prf::from_counts(1, 0, 0));
        // Without the optional one in the gold, the second DISAPPROVE relation is a duplicate.
        let g = gold(vec![rel("Serbia", "condemns", "Kosovo", false, false)]);
        let sc = score_article(&g, &sys, &onto());
        assert_eq!(sc.counts.family, Prf::from_counts(1, 1, 0));
    }

    #[test]
    fn symmetric_predicates_match_in_either_direction_and_count_once() {
        let g = gold(vec![rel("Serbia", "meetsWith", "Russia", false, false)]);
        let (ru, sr) = (
            sent("Russia", "Country", &[]),
            sent("Serbia", "Country", &[]),
        );
        let sys = system(vec![
            srel(&ru, "meetsWith", &sr, false),
            srel(&sr, "meetsWith", &ru, false),
        ]);
        let sc = score_article(&g, &sys, &onto());
        assert_eq!(sc.counts.system_relations, 1);
        assert_eq!(sc.counts.strict, Prf::from_counts(1, 0, 0));
        // Family: agreesWith reversed matches meetsWith; a non-symmetric reversed one does not.
        let sys = system(vec![srel(&ru, "agreesWith", &sr, false)]);
        let sc = score_article(&g, &sys, &onto());
        assert_eq!((sc.counts.strict.tp, sc.counts.family.tp), (0, 1));
        let sys = system(vec![srel(&ru, "aids", &sr, false)]);
        assert_eq!(score_article(&g, &sys, &onto()).counts.family.tp, 0);
        // A non-symmetric predicate does not match reversed.
        let g = gold(vec![rel("Serbia", "condemns", "Russia", false, false)]);
        let sys = system(vec![srel(&ru, "condemns", &sr, false)]);
        assert_eq!(score_article(&g, &sys, &onto()).counts.strict.tp, 0);
    }

    #[test]
    fn distinct_relations_count_once_and_duplicates_via_aliases_are_false_positives() {
        let g = gold(vec![rel(
            "United States",
            "condemns",
            "Russia",
            false,
            false,
        )]);
        let ru = sent("Russia", "Country", &[]);
        let sys = system(vec![
            srel(&sent("U.S.", "Country", &[]), "condemns", &ru, false),
            srel(&sent("US", "Country", &[]), "condemns", &ru, false),
            srel(&sent("Washington", "City", &[]), "condemns", &ru, false),
        ]);
        let sc = score_article(&g, &sys, &onto());
        // "U.S." and "US" normalize alike: one distinct relation; "Washington" is another.
        assert_eq!(sc.counts.system_relations, 2);
        assert_eq!(sc.counts.strict, Prf::from_counts(1, 1, 0));
        assert_eq!(sc.extra.len(), 1);
    }

    #[test]
    fn an_entity_matching_several_gold_entities_can_match_either() {
        let mut g = gold(vec![
            rel("Serbia", "condemns", "Kosovo", false, false),
            rel("Russia", "supports", "Serbia", false, false),
        ]);
        g.entities.push(ent("Belgrade", "City", &[]));
        g.relations
            .push(rel("Russia", "condemns", "Belgrade", false, false));
        let (ru, bg) = (
            sent("Russia", "Country", &[]),
            sent("Belgrade", "City", &[]),
        );
        let sys = system(vec![
            srel(&ru, "condemns", &bg, false),
            srel(&ru, "supports", &bg, false),
        ]);
        let sc = score_article(&g, &sys, &onto());
        assert_eq!(sc.counts.strict, Prf::from_counts(2, 0, 1));
    }

    #[test]
    fn entity_recall_needs_the_type_family_and_quotes_need_the_speaker() {
        let mut g = gold(vec![]);
        g.quotes = vec![
            GoldQuote {
                speaker: "Russia".into(),
                starts_with: "We will never".into(),
            },
            GoldQuote {
                speaker: "Serbia".into(),
                starts_with: "Kosovo is Serbia".into(),
            },
            GoldQuote {
                speaker: "Serbia".into(),
                starts_with: "Not found".into(),
            },
        ];
        let mut sys = system(vec![]);
        sys.entities = vec![
            sent("Belgrade", "City", &[]), // place family: Serbia found
            sent("Kosovo", "Person", &[]), // wrong family
            sent("the United States", "InternationalOrganization", &[]), // wrong family
        ];
        sys.quotes = vec![
            SystemQuote {
                speaker: Some(sent("Russia", "Country", &[])),
                text: "“We will  never accept it”".into(),
            },
            SystemQuote {
                speaker: Some(sent("Kosovo", "Territory", &[])),
                text: "Kosovo is Serbia, he said".into(),
            },
        ];
        let c = score_article(&g, &sys, &onto()).counts;
        assert_eq!((c.entities_found, c.entities_found_any_type), (1, 3));
        assert_eq!(c.entities_gold, 4);
        assert_eq!((c.quotes_found, c.quotes_speaker_correct), (2, 1));
        assert!((c.quote_speaker_accuracy - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn system_view_of_a_graph_keeps_only_the_document_and_perturbations_cost() {
        let g = gold(vec![
            rel("Serbia", "condemns", "Kosovo", false, false),
            rel("Russia", "recognizes", "Kosovo", true, false),
            rel("Russia", "supports", "Serbia", false, true),
        ]);
        let mut other = gold(vec![rel("Russia", "attacks", "Kosovo", false, false)]);
        other.entities.push(ent("China", "Country", &[]));
        let mut graph = graph_from_gold(&g, "a");
        graph.merge(graph_from_gold(&other, "b"));
        let sys = SystemArticle::from_graph(&graph, "a");
        assert_eq!(sys.entities.len(), 4, "China is only in b");
        assert_eq!(sys.relations.len(), 3, "attacks is only in b");
        let o = onto();
        assert_eq!(score_article(&g, &sys, &o).counts.strict.f1, 1.0);
        // Flipping a negation: a strict miss and a strict error, still a family miss.
        let mut flipped = g.clone();
        flipped.relations[1].negated = false;
        let sys = SystemArticle::from_graph(&graph_from_gold(&flipped, "a"), "a");
        let c = score_article(&g, &sys, &o).counts;
        assert_eq!(c.strict, Prf::from_counts(1, 1, 1));
        assert_eq!(c.family, Prf::from_counts(1, 1, 1));
    }

    #[test]
    fn micro_totals_sum_counts() {
        let a = ArticleScore {
            article: "a".into(),
            document: "a".into(),
            counts: Counts {
                strict: Prf::from_counts(1, 1, 0),
                family: Prf::from_counts(2, 0, 0),
                ..Counts::default()
            },
            missed: vec![],
            extra: vec![],
            quote_misses: vec![],
        };
        let mut b = a.clone();
        b.counts.strict = Prf::from_counts(0, 0, 2);
        let r = GoldReport::from_articles(vec![a, b]);
        assert_eq!(r.micro.strict, Prf::from_counts(1, 1, 2));
        assert!((r.micro.strict.precision - 0.5).abs() < 1e-9);
        assert!((r.micro.strict.recall - 1.0 / 3.0).abs() < 1e-9);
        assert!(r.to_string().contains("MICRO"));
    }

    #[test]
    fn gold_problems_are_reported() {
        let mut g = gold(vec![rel("Serbia", "likes", "Nowhere", false, false)]);
        g.entities.push(ent("X", "Planet", &[]));
        let p = g.problems(&onto());
        assert_eq!(p.len(), 3, "{p:?}");
        let e = GoldFile::from_json("{\"article\": \"a\", \"relation\": []}", "x.gold.json")
            .unwrap_err();
        assert!(e.to_string().starts_with("x.gold.json:1:"), "{e}");
    }
}
