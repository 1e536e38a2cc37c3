//! The extraction pipeline: document → sentences → entities → relations → knowledge graph.
//!
//! An [`Extractor`] is built once per process (ontology, lexicon, compiled triggers) and shared
//! across threads; [`Extractor::extract`] turns one document into its own graph, and graphs merge.

use crate::document::Document;
use crate::entities::{DocumentEntities, EntityRecognizer, Lexicon, MentionKind};
use crate::graph::{
    DocumentInfo, EntityMentionRecord, EntityNode, KnowledgeGraph, MergeReason, QuoteRecord,
    RelationMentionRecord, entity_iri, tidy_label,
};
use crate::nlp::{NlpModels, WordAnalysis};
use crate::ontology::Ontology;
use crate::relations::{QuoteMention, RelationExtractor, RelationMention};
use crate::text::{CharIndex, Sentence, segment};
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

/// Time spent in each stage of the pipeline, summed over documents (and threads), for benchmarks.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StageTimes {
    /// Sentence splitting and tokenization.
    pub sentences: Duration,
    /// Entity recognition and coreference.
    pub entities: Duration,
    /// Tagging and lemmatization (and parsing with `--syntax parse`).
    pub syntax: Duration,
    /// Relation and quote extraction.
    pub relations: Duration,
    /// Building the document's knowledge graph.
    pub graph: Duration,
    /// Tokens seen.
    pub tokens: u64,
}

impl StageTimes {
    /// Adds another set of times to this one.
    pub fn add(&mut self, other: &StageTimes) {
        self.sentences += other.sentences;
        self.entities += other.entities;
        self.syntax += other.syntax;
        self.relations += other.relations;
        self.graph += other.graph;
        self.tokens += other.tokens;
    }
}

/// Everything extracted from one document, before it becomes a graph.
#[derive(Debug, Clone)]
pub struct DocumentAnalysis {
    /// Sentences with tokens.
    pub sentences: Vec<Sentence>,
    /// Entities and mentions.
    pub entities: DocumentEntities,
    /// Relation mentions.
    pub relations: Vec<RelationMention>,
    /// Quotes.
    pub quotes: Vec<QuoteMention>,
    /// Tags, lemmas and (where parsed) dependencies per sentence; `None` for sentences without an
    /// entity mention, which cannot hold a relation.
    pub syntax: Vec<Option<SentenceSyntax>>,
}

/// Syntax of one sentence, one entry per token of the text layer.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceSyntax {
    /// Tag, lemma and (when `parsed`) head and relation of every token.
    pub words: Vec<WordAnalysis>,
    /// Whether the dependency parser ran. It runs on sentences with at least two entity mentions
    /// and a trigger word (where a relation can stand); elsewhere heads are 0 and relations empty.
    /// Measured on Wikinews, parsing every sentence with a mention costs 4× the whole pipeline.
    pub parsed: bool,
}

/// Whether a verb relation stands in a plain clause whose subject the parse could not read
/// otherwise: the subject is a name opening the sentence (after at most one determiner), not a
/// possessor, and only auxiliaries, adverbs and particles stand between it and the verb
/// ("Russia has strongly condemned ..."). About half of the verb relations on Wikinews; the
/// parse is spared there.
fn plain_clause(
    sentences: &[Sentence],
    entities: &DocumentEntities,
    syntax: &[Option<SentenceSyntax>],
    r: &RelationMention,
) -> bool {
    let Some(sent) = sentences.get(r.sentence) else {
        return false;
    };
    let Some(Some(syn)) = syntax.get(r.sentence) else {
        return false;
    };
    let toks = &sent.tokens;
    let Some(verb) = toks.iter().position(|t| t.span.start == r.trigger_start) else {
        return false;
    };
    let first = usize::from(
        toks.first()
            .is_some_and(|t| matches!(t.lower.as_str(), "the" | "a" | "an")),
    );
    let Some(subject) = entities
        .in_sentence(r.sentence)
        .find(|m| m.tok_start == first && m.tok_end <= verb)
    else {
        return false;
    };
    r.span.start == toks[first].span.start
        && subject.entity == r.subject
        && (subject.tok_end..verb).all(|i| {
            toks[i].lower != "'s"
                && syn
                    .words
                    .get(i)
                    .is_some_and(|w| matches!(w.upos, "AUX" | "ADV" | "PART"))
        })
}

/// Tags and lemmatizes a sentence, and parses it when `parse` is set.
fn sentence_syntax(models: &NlpModels, sent: &Sentence, parse: bool) -> SentenceSyntax {
    if parse {
        return SentenceSyntax {
            words: models.annotate_tokens(&sent.tokens),
            parsed: true,
        };
    }
    let words: Vec<&str> = sent.tokens.iter().map(|t| t.text.as_str()).collect();
    let tagged = models.tag(&words);
    let words = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let (upos, xpos) = tagged.tags(models, i);
            WordAnalysis {
                upos: crate::nlp::intern_upos(upos),
                xpos: xpos.to_string(),
                lemma: models.lemma(w, xpos),
                head: 0,
                deprel: String::new(),
            }
        })
        .collect();
    SentenceSyntax {
        words,
        parsed: false,
    }
}

/// The extraction pipeline, built once and shared.
pub struct Extractor<'a> {
    ontology: &'a Ontology,
    recognizer: EntityRecognizer<'a>,
    relations: RelationExtractor<'a>,
    nlp: Option<&'static NlpModels>,
    syntax: SyntaxLevel,
    min_confidence: f64,
}

/// How much syntax the pipeline computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum SyntaxLevel {
    /// No tagger or parser: surface rules only (fastest).
    None,
    /// Tags and lemmas for sentences with an entity mention.
    Tags,
    /// Tags and lemmas, and dependencies for the sentences where a verb relation was found, so
    /// that the parse can confirm its subject (the default). Parsing every sentence that could
    /// hold a relation costs about three times the rest of the pipeline on Wikinews; the
    /// sentences with a verb relation are a small share of them.
    #[default]
    Auto,
    /// Tags and lemmas, and dependencies for sentences where a relation or a speaker can stand
    /// (two mentions and a trigger word, or a reporting verb).
    Parse,
}

impl<'a> Extractor<'a> {
    /// Builds the pipeline from an ontology and a lexicon (the gazetteer).
    pub fn new(ontology: &'a Ontology, lexicon: &'a dyn Lexicon) -> Self {
        Extractor {
            ontology,
            recognizer: EntityRecognizer::new(ontology, lexicon),
            relations: RelationExtractor::new(ontology),
            // the shipped models are checked by the test suite; should they fail to load, the
            // extractor falls back to its surface rules
            nlp: NlpModels::embedded().ok(),
            syntax: SyntaxLevel::default(),
            min_confidence: 0.0,
        }
    }

    /// Sets how much syntax is computed.
    pub fn with_syntax(mut self, level: SyntaxLevel) -> Self {
        self.syntax = level;
        self
    }

    /// Makes unnamed collective actors anchored by a nationality or a place ("Afghan rebels",
    /// "opposition groups in Zimbabwe") entities of the graph (off by default).
    pub fn with_group_actors(mut self, on: bool) -> Self {
        self.recognizer = self.recognizer.with_group_actors(on);
        self
    }

    /// Drops relation mentions below this confidence.
    pub fn with_min_confidence(mut self, min: f64) -> Self {
        self.min_confidence = min;
        self
    }

    /// The ontology in use.
    pub fn ontology(&self) -> &Ontology {
        self.ontology
    }

    /// Runs the stages on one document's text.
    pub fn analyze(&self, text: &str) -> DocumentAnalysis {
        self.analyze_timed(text, &mut StageTimes::default())
    }

    /// Runs the stages on one document's text and adds the time of each stage to `times`.
    pub fn analyze_timed(&self, text: &str, times: &mut StageTimes) -> DocumentAnalysis {
        let clock = Instant::now();
        let sentences = segment(text);
        let after_segment = Instant::now();
        times.sentences += after_segment - clock;
        times.tokens += sentences.iter().map(|s| s.tokens.len() as u64).sum::<u64>();
        let entities = self.recognizer.recognize(text, &sentences);
        let after_entities = Instant::now();
        times.entities += after_entities - after_segment;
        let syntax: Vec<Option<SentenceSyntax>> = sentences
            .iter()
            .map(|sent| {
                if self.syntax == SyntaxLevel::None {
                    return None;
                }
                let models = self.nlp?;
                let mentions = entities.in_sentence(sent.index).count();
                if mentions == 0 || sent.tokens.is_empty() || sent.tokens.len() > 300 {
                    return None;
                }
                // parse where a relation or a speaker can be found
                let lex = self.relations.lexicon();
                let parse = self.syntax == SyntaxLevel::Parse
                    && ((mentions >= 2
                        && sent.tokens.iter().any(|t| lex.is_trigger_start(&t.lower)))
                        || sent
                            .tokens
                            .iter()
                            .any(|t| lex.reporting_forms.contains(&t.lower)));
                Some(sentence_syntax(models, sent, parse))
            })
            .collect();
        let after_syntax = Instant::now();
        times.syntax += after_syntax - after_entities;
        let mut syntax = syntax;
        let (mut relations, mut quotes) =
            self.relations.extract(text, &sentences, &entities, &syntax);
        let mut parse_time = Duration::ZERO;
        if self.syntax == SyntaxLevel::Auto
            && let Some(models) = self.nlp
        {
            // parse the sentences whose verb relations the parse can confirm, then extract again
            let clock = Instant::now();
            let wanted: BTreeSet<usize> = relations
                .iter()
                .filter(|r| r.pattern == "verb" && !plain_clause(&sentences, &entities, &syntax, r))
                .map(|r| r.sentence)
                .collect();
            let mut parsed_any = false;
            for s in wanted {
                if let Some(slot @ Some(SentenceSyntax { parsed: false, .. })) = syntax.get_mut(s) {
                    *slot = Some(sentence_syntax(models, &sentences[s], true));
                    parsed_any = true;
                }
            }
            parse_time = clock.elapsed();
            times.syntax += parse_time;
            if parsed_any {
                (relations, quotes) = self.relations.extract(text, &sentences, &entities, &syntax);
            }
        }
        relations.retain(|r| r.confidence >= self.min_confidence);
        times.relations += after_syntax.elapsed() - parse_time;
        DocumentAnalysis {
            sentences,
            entities,
            relations,
            quotes,
            syntax,
        }
    }

    /// Extracts one document into its own knowledge graph and adds the stage times to `times`.
    pub fn extract_timed(&self, doc: &Document, times: &mut StageTimes) -> KnowledgeGraph {
        let analysis = self.analyze_timed(&doc.text, times);
        let clock = Instant::now();
        let graph = to_graph(doc, &analysis);
        times.graph += clock.elapsed();
        graph
    }

    /// Extracts one document into its own knowledge graph.
    pub fn extract(&self, doc: &Document) -> KnowledgeGraph {
        let analysis = self.analyze(&doc.text);
        to_graph(doc, &analysis)
    }
}

/// Builds the graph of one analyzed document: entities with stable IRIs, their mentions in
/// character offsets, relation edges with evidence, and quotes.
pub fn to_graph(doc: &Document, a: &DocumentAnalysis) -> KnowledgeGraph {
    let text = &doc.text;
    let chars = CharIndex::new(text);
    let mut g = KnowledgeGraph::new();
    g.add_document(DocumentInfo {
        id: doc.id.clone(),
        title: doc.title.clone(),
        source: doc.source.clone(),
        url: doc.url.clone(),
        date: doc.date.clone(),
    });
    let iris: Vec<String> = a
        .entities
        .entities
        .iter()
        .map(|e| entity_iri(&e.class, &e.label))
        .collect();
    // entities that take part in nothing but a demonym are still states; keep every entity with a
    // mention or a role in a relation
    let mut used: BTreeSet<usize> = a
        .entities
        .mentions
        .iter()
        .filter(|m| m.kind != MentionKind::DemonymAdjective)
        .map(|m| m.entity)
        .collect();
    for r in &a.relations {
        used.insert(r.subject);
        used.insert(r.object);
        if let Some(s) = r.attributed_to {
            used.insert(s);
        }
    }
    for q in &a.quotes {
        if let Some(s) = q.speaker {
            used.insert(s);
        }
    }
    for &i in &used {
        let e = &a.entities.entities[i];
        let mentions: Vec<EntityMentionRecord> = a
            .entities
            .mentions
            .iter()
            .filter(|m| m.entity == i)
            .map(|m| EntityMentionRecord {
                document: doc.id.clone(),
                start: chars.char_of(m.span.start),
                end: chars.char_of(m.span.end),
                text: text[m.span.start..m.span.end].to_string(),
            })
            .collect();
        let label = tidy_label(&e.label);
        let mut aliases = e.aliases.clone();
        if label != e.label {
            aliases.insert(e.label.clone());
        }
        aliases.remove(&label);
        g.upsert_entity(EntityNode {
            iri: iris[i].clone(),
            label,
            class: e.class.clone(),
            aliases,
            same_as: e
                .qid
                .iter()
                .map(|q| format!("http://www.wikidata.org/entity/{q}"))
                .collect(),
            mentions,
            merge_reasons: e
                .merge_reasons
                .iter()
                .map(|(kind, form)| MergeReason {
                    kind: kind.clone(),
                    form: form.clone(),
                    document: doc.id.clone(),
                })
                .collect(),
        });
    }
    for r in &a.relations {
        let sentence = &a.sentences[r.sentence];
        let record = RelationMentionRecord {
            document: doc.id.clone(),
            sentence: r.sentence,
            start: chars.char_of(r.span.start),
            end: chars.char_of(r.span.end),
            trigger: r.trigger.clone(),
            evidence: text[sentence.span.start..sentence.span.end].to_string(),
            confidence: r.confidence,
            modality: r.modality,
            attributed_to: r.attributed_to.map(|s| iris[s].clone()),
            pattern: r.pattern.to_string(),
        };
        g.add_relation(
            &iris[r.subject],
            &r.predicate,
            &iris[r.object],
            r.negated,
            record,
        );
    }
    for q in &a.quotes {
        g.add_quote(QuoteRecord {
            speaker: q.speaker.map(|s| iris[s].clone()),
            text: text[q.span.start..q.span.end].to_string(),
            document: doc.id.clone(),
            start: chars.char_of(q.span.start),
            end: chars.char_of(q.span.end),
        });
    }
    g.canonicalize();
    g
}
