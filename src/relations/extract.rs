//! The relation extractor: trigger matches from the ontology's lexicon, argument finding over the
//! sentence's tokens and entity mentions, speech attribution and quotes.

use super::confidence::ConfidenceTable;
use super::lexicon::{CompiledTrigger, PatternItem, TriggerLexicon, VerbPhrase};
use super::quotes::{QuoteSpan, find_quotes};
use super::{QuoteMention, RelationMention};
use crate::entities::gender::{FirstNameGenders, Gender, entity_genders};
use crate::entities::{DocumentEntities, MentionKind, is_date_word, is_member_word};
use crate::graph::Modality;
use crate::ontology::{Ontology, TriggerKind};
use crate::pipeline::SentenceSyntax;
use crate::text::{Sentence, Span, Token};
use std::collections::{BTreeMap, HashSet};

/// Words skipped between a subject and its verb (auxiliaries, modals, adverbs, negation).
pub(crate) const AUX: &[&str] = &[
    "has",
    "have",
    "had",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "also",
    "not",
    "never",
    "strongly",
    "again",
    "already",
    "still",
    "repeatedly",
    "publicly",
    "formally",
    "officially",
    "did",
    "does",
    "do",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "'ll",
    "'s",
    "'ve",
    "'d",
    "just",
    "then",
    "sharply",
    "firmly",
    "quickly",
    "reportedly",
    "allegedly",
    "later",
    "recently",
    "immediately",
    "openly",
    "jointly",
    "unanimously",
    "explicitly",
    "swiftly",
    "once",
    "all",
    "both",
    "each",
    "today",
    "yesterday",
    "now",
    "previously",
    "originally",
    "consistently",
    "increasingly",
    "fiercely",
    "vehemently",
    "loudly",
    "longer",
    "no",
    "even",
    "further",
    "themselves",
    "itself",
];

const BE: &[&str] = &[
    "is", "are", "was", "were", "been", "being", "be", "'s", "'re", "got", "get", "gets",
];

/// Plural nouns for states as a group ("their respective states", "the nations of A and B").
const STATE_GROUP_NOUNS: &[&str] = &["states", "countries", "nations"];

/// Words that open an adjunct before a noun phrase ("despite criticism from X", "following the
/// bombings of Y"): the noun's event is not the main clause's.
const ADJUNCT_OPENERS: &[&str] = &[
    "despite",
    "amid",
    "after",
    "following",
    "during",
    "before",
    "since",
];

/// Tokens that end a clause when scanning for arguments.
pub(crate) const BOUNDARY: &[&str] = &[
    ";", ":", "“", "”", "\"", "‘", "because", "while", "whilst", "although", "though", "if",
    "when", "whereas", "but", "where", "since", "unless", "until", "(", ")", "—", "–", "?", "!",
    ".",
];

/// Role modifiers that make a title not a role of the state before it ("opposition leader").
const NON_STATE_ROLES: &[&str] = &[
    "opposition",
    "rebel",
    "rebels",
    "separatist",
    "separatists",
    "protest",
    "student",
    "union",
    "militia",
    "tribal",
    "religious",
    "insurgent",
    "dissident",
    "exiled",
    "exile",
    "party",
    "guerrilla",
    "labor",
    "labour",
    "business",
];

/// Tokens allowed between coordinated mentions.
const COORD: &[&str] = &[
    ",",
    "and",
    "or",
    "as",
    "well",
    "including",
    "along",
    "together",
    "with",
    "such",
    "plus",
    "the",
    "also",
    "both",
    "nor",
    "either",
    "neither",
    "several",
    "other",
    "others",
    "many",
    "some",
];

pub(crate) const PREPOSITIONS: &[&str] = &[
    "of",
    "on",
    "in",
    "at",
    "from",
    "to",
    "for",
    "by",
    "with",
    "against",
    "under",
    "over",
    "into",
    "about",
    "between",
    "among",
    "than",
    "toward",
    "towards",
    "through",
    "within",
    "across",
    "behind",
    "upon",
    "via",
    "without",
    "like",
    "onto",
    "throughout",
    "inside",
    "outside",
    "near",
    "per",
];

pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "'s", "this", "that", "these", "those", "our",
    "my", "your",
];

/// What the dependency parse says of the subject a surface scan found for a verb.
enum SubjectCheck {
    /// The parse agrees, or cannot tell.
    Agrees,
    /// The parse names another actor as the subject.
    Replace(Arg),
    /// The parse names another subject, which is no actor.
    Contradicts,
}

/// A resolved argument: entities and how they were found.
#[derive(Debug, Clone, Default)]
struct Arg {
    entities: Vec<usize>,
    /// Resolved through a pronoun, description or event reference (lower confidence).
    indirect: bool,
    /// Token range the argument covers (for the evidence span).
    first_tok: usize,
    last_tok: usize,
}

impl Arg {
    /// The same argument with only the entities that `keep` accepts.
    fn only(&self, keep: impl Fn(&usize) -> bool) -> Arg {
        Arg {
            entities: self.entities.iter().copied().filter(|e| keep(e)).collect(),
            ..self.clone()
        }
    }

    /// One entity named directly at tokens `first..last`.
    fn named(entity: usize, first: usize, last: usize) -> Arg {
        Arg {
            entities: vec![entity],
            indirect: false,
            first_tok: first,
            last_tok: last,
        }
    }
}

/// Reported speech in a sentence: a speaker and the token range of what they said.
#[derive(Debug, Clone)]
struct Speech {
    sentence: usize,
    from: usize,
    to: usize,
    speaker: usize,
}

/// Extracts relation mentions and quotes from documents. Built once per process.
pub struct RelationExtractor<'o> {
    ontology: &'o Ontology,
    lex: TriggerLexicon,
}

struct Doc<'a> {
    text: &'a str,
    sentences: &'a [Sentence],
    ents: &'a DocumentEntities,
    /// For each sentence, for each token: the mention index covering it.
    ment_at: Vec<Vec<Option<usize>>>,
    /// Event actors: (sentence, token, entity).
    event_actors: Vec<(usize, usize, usize)>,
    /// Coordinated groups (sentence, token, entities) for "they"/"their".
    groups: Vec<(usize, usize, Vec<usize>)>,
    /// Organizations named through their acting members ("member states of the G8"), as
    /// (sentence, token): an antecedent of a subject "they" only.
    member_groups: Vec<(usize, usize, usize)>,
    /// Byte spans of the quotations (inner text).
    quote_spans: Vec<QuoteSpan>,
    /// The quotations with their speakers, once resolved: "I" and "we" in a quotation are its
    /// speaker.
    quote_speakers: Vec<QuoteMention>,
    /// Tags, lemmas and dependencies of the analysed sentences.
    syntax: &'a [Option<SentenceSyntax>],
    /// Gender of each entity, where known (persons only): "she" skips a man.
    genders: Vec<Option<Gender>>,
}

fn norm(t: &Token) -> &str {
    if t.lower == "n't" {
        "not"
    } else {
        t.lower.as_str()
    }
}

/// The "I", "we" or "you" right before token `k`, past up to two adverbs ("I strongly reject",
/// "we also have to"): the speaker or the audience of a quotation as a clause's subject.
fn first_person_before(doc: &Doc, s: usize, k: usize) -> Option<usize> {
    let toks = doc.toks(s);
    let mut f = k;
    while f > 0
        && f + 3 > k
        && (doc.upos(s, f - 1) == Some("ADV")
            || matches!(norm(&toks[f - 1]), "also" | "still" | "really" | "just"))
    {
        f -= 1;
    }
    (f > 0 && matches!(norm(&toks[f - 1]), "i" | "we" | "you")).then(|| f - 1)
}

/// Whether token `k` opens its sentence (only punctuation, such as an opening quote, before it).
fn opens_sentence(toks: &[Token], k: usize) -> bool {
    toks[..k]
        .iter()
        .all(|t| !t.text.chars().any(char::is_alphanumeric))
}

impl<'a> Doc<'a> {
    /// Whether a byte offset lies inside a quotation.
    fn in_quote(&self, byte: usize) -> bool {
        self.quote_spans
            .iter()
            .any(|q| q.inner.start <= byte && byte < q.inner.end)
    }

    /// The UPOS tag of a token, when the sentence was analysed.
    fn upos(&self, s: usize, k: usize) -> Option<&'static str> {
        self.syntax.get(s)?.as_ref()?.words.get(k).map(|w| w.upos)
    }

    /// The dependency relation of a token to its head, when the sentence was parsed.
    fn deprel(&self, s: usize, k: usize) -> Option<&str> {
        let syn = self.syntax.get(s)?.as_ref()?;
        if !syn.parsed {
            return None;
        }
        syn.words.get(k).map(|w| w.deprel.as_str())
    }

    /// The Penn Treebank tag of a token, when the sentence was analysed.
    fn xpos(&self, s: usize, k: usize) -> Option<&str> {
        self.syntax
            .get(s)?
            .as_ref()?
            .words
            .get(k)
            .map(|w| w.xpos.as_str())
    }

    fn toks(&self, s: usize) -> &'a [Token] {
        &self.sentences[s].tokens
    }

    fn mention_ending_at(&self, s: usize, end: usize) -> Option<usize> {
        if end == 0 {
            return None;
        }
        self.ment_at[s][end - 1].filter(|&m| self.ents.mentions[m].tok_end == end)
    }

    fn mention_starting_at(&self, s: usize, start: usize) -> Option<usize> {
        self.ment_at[s]
            .get(start)
            .copied()
            .flatten()
            .filter(|&m| self.ents.mentions[m].tok_start == start)
    }

    fn class_of(&self, e: usize) -> &str {
        &self.ents.entities[e].class
    }
}

impl<'o> RelationExtractor<'o> {
    /// Compiles the trigger lexicon of the ontology.
    pub fn new(ontology: &'o Ontology) -> Self {
        RelationExtractor {
            ontology,
            lex: TriggerLexicon::new(ontology),
        }
    }

    /// The compiled lexicon.
    pub fn lexicon(&self) -> &TriggerLexicon {
        &self.lex
    }

    /// Extracts the relation mentions and quotes of one document.
    pub fn extract(
        &self,
        text: &str,
        sentences: &[Sentence],
        ents: &DocumentEntities,
        syntax: &[Option<SentenceSyntax>],
    ) -> (Vec<RelationMention>, Vec<QuoteMention>) {
        let mut ment_at: Vec<Vec<Option<usize>>> = sentences
            .iter()
            .map(|s| vec![None; s.tokens.len()])
            .collect();
        for (i, m) in ents.mentions.iter().enumerate() {
            if let Some(row) = ment_at.get_mut(m.sentence) {
                for slot in row.iter_mut().take(m.tok_end).skip(m.tok_start) {
                    *slot = Some(i);
                }
            }
        }
        let mut doc = Doc {
            text,
            sentences,
            ents,
            ment_at,
            event_actors: Vec::new(),
            groups: Vec::new(),
            member_groups: Vec::new(),
            quote_spans: find_quotes(text),
            quote_speakers: Vec::new(),
            syntax,
            genders: entity_genders(sentences, ents, FirstNameGenders::embedded()),
        };
        self.collect_event_actors(&mut doc);
        self.collect_groups(&mut doc);
        doc.quote_speakers = self.quotes(&doc);

        let mut out: Vec<RelationMention> = Vec::new();
        for s in 0..sentences.len() {
            self.titles(&doc, s, &mut out);
            self.appositions(&doc, s, &mut out);
            self.bodies(&doc, s, &mut out);
            self.member_lists(&doc, s, &mut out);
            self.locations(&doc, s, &mut out);
            self.triggers(&doc, s, &mut out);
        }
        self.represented_through_persons(&doc, &mut out);
        // quotes and reported speech
        let quotes = &doc.quote_speakers;
        let speech = self.reported_speech(&doc);
        for r in out.iter_mut() {
            let trig_byte = r.trigger_start;
            let tok = self.tok_of_byte(&doc, r.sentence, trig_byte);
            if let Some(q) = quotes
                .iter()
                .find(|q| q.span.start <= trig_byte && trig_byte < q.span.end)
            {
                r.attributed_to = q.speaker;
            } else if let Some(sp) = speech
                .iter()
                .find(|sp| sp.sentence == r.sentence && sp.from <= tok && tok < sp.to)
            {
                r.attributed_to = Some(sp.speaker);
            }
        }
        for r in out.iter_mut() {
            // roles and parts come from titles and appositions in the narration, not from speech
            if r.attributed_to == Some(r.subject) || is_structural(r.pattern) {
                r.attributed_to = None;
            }
        }
        self.evaluative(&doc, quotes, &speech, &mut out);
        self.deontic(&doc, quotes, &speech, &mut out);
        self.speaker_stance(&mut out);
        // domain/range and sanity filters
        out.retain(|r| r.subject != r.object && self.domain_ok(&doc, r));
        (out, doc.quote_speakers)
    }

    /// "X speaking on behalf of Israeli Prime Minister Ehud Olmert": whoever acts for a person
    /// who holds a title of a state or organization in the same sentence represents that state or
    /// organization (the ontology's object of `represents` is the body, not the office holder).
    fn represented_through_persons(&self, doc: &Doc, out: &mut [RelationMention]) {
        for i in 0..out.len() {
            let r = &out[i];
            // acting in the person's name, not serving or working for them ("served as
            // campaign manager for US Senator X" is no office of the United States)
            let first = r.trigger.split_whitespace().next().unwrap_or("");
            let speaks_for =
                r.pattern == "title" || self.lex.proxy_forms.contains(&first.to_lowercase());
            if r.predicate != "represents" || doc.class_of(r.object) != "Person" || !speaks_for {
                continue;
            }
            if let Some((body, span)) = title_affiliation(doc, out, r.sentence, r.object) {
                let r = &mut out[i];
                r.object = body;
                r.span = Span {
                    start: r.span.start.min(span.start),
                    end: r.span.end.max(span.end),
                };
            }
        }
    }

    /// Whether `w` is a description noun of one of `classes` in the ontology ("province").
    fn describes(&self, w: &str, classes: &[&str]) -> bool {
        classes.iter().any(|c| {
            self.ontology
                .class(c)
                .is_some_and(|c| c.description_nouns.iter().any(|n| n == w))
        })
    }

    /// Whether the words after an actor's mention ending at token `j` name a part of it that
    /// acts for it: a possessive or a demonym, then lower-case words with a state agent noun
    /// that is not the government itself ("North Korea's delegation", "an Iraqi delegation",
    /// "Pakistan's army"; not "Russia's government"). Its head speaks for the actor without
    /// leading it.
    fn heads_part_after(&self, doc: &Doc, s: usize, j: usize) -> bool {
        let toks = doc.toks(s);
        let Some(m) = j.checked_sub(1).and_then(|x| doc.ment_at[s][x]) else {
            return false;
        };
        let mention = &doc.ents.mentions[m];
        let start = if toks
            .get(mention.tok_end)
            .is_some_and(|t| matches!(norm(t), "'s" | "’s" | "'"))
        {
            mention.tok_end + 1
        } else if mention.kind == MentionKind::DemonymAdjective {
            mention.tok_end
        } else {
            return false;
        };
        self.state_part_run(toks, start) == Some(true)
    }

    /// The lower-case words (at most three) from token `start` after an actor's name: `None`
    /// when there are none or they open with a noun for the state itself ("Russia's
    /// government"); else whether they hold a state agent noun, a part of the actor that acts
    /// for it ("delegation", "army", "parliament's security committee").
    fn state_part_run(&self, toks: &[Token], start: usize) -> Option<bool> {
        let run: Vec<&str> = toks[start.min(toks.len())..]
            .iter()
            .take(3)
            .take_while(|w| w.text.chars().all(char::is_lowercase))
            .map(norm)
            .collect();
        if run.is_empty() || self.is_state_noun(run[0]) {
            return None;
        }
        Some(run.iter().any(|w| self.lex.state_agent_nouns.contains(*w)))
    }

    /// A common noun that names the state itself: the ontology's description nouns of countries
    /// and territories, and "government".
    fn is_state_noun(&self, w: &str) -> bool {
        w == "government" || self.describes(w, &["Country", "Territory"])
    }

    /// A description noun of a place ("city", "state", "province").
    fn is_place_noun(&self, w: &str) -> bool {
        self.describes(w, &["Country", "Territory", "City"])
    }

    fn tok_of_byte(&self, doc: &Doc, s: usize, byte: usize) -> usize {
        doc.toks(s)
            .iter()
            .position(|t| t.span.end > byte)
            .unwrap_or(0)
    }

    fn domain_ok(&self, doc: &Doc, r: &RelationMention) -> bool {
        let Some(p) = self.ontology.predicate(&r.predicate) else {
            return false;
        };
        let fits = |e: usize, allowed: &[String]| -> bool {
            if allowed.is_empty() {
                return true;
            }
            let class = doc.class_of(e);
            allowed.iter().any(|a| match a.as_str() {
                "Entity" => true,
                "Actor" => class != "Document" && class != "Region",
                other => other == class,
            })
        };
        let in_families = |e: usize, families: &[String]| {
            families.is_empty()
                || families
                    .iter()
                    .any(|f| f == self.ontology.type_family_of(doc.class_of(e)))
        };
        // a containment never puts the larger place inside the smaller ("Brazil located in
        // Brasília" is a misread "Brazil's capital city of Brasília")
        let rank = |e: usize| {
            self.ontology
                .class(doc.class_of(e))
                .and_then(|c| c.place_rank)
        };
        let contained = !p.containment
            || match (rank(r.subject), rank(r.object)) {
                (Some(a), Some(b)) => a <= b,
                _ => true,
            };
        fits(r.subject, &p.domain)
            && fits(r.object, &p.range)
            && in_families(r.subject, &p.subject_families)
            && in_families(r.object, &p.object_families)
            && contained
    }

    // ----- document-level context ------------------------------------------------------------

    fn collect_event_actors(&self, doc: &mut Doc) {
        for s in 0..doc.sentences.len() {
            let toks = doc.toks(s);
            for (k, tok) in toks.iter().enumerate() {
                if !self.lex.event_nouns.contains(&tok.lower) {
                    continue;
                }
                if let Some(e) = self.explicit_event_actor(doc, s, k) {
                    doc.event_actors.push((s, k, e));
                }
            }
        }
    }

    /// The actor of the event noun at `k` when the phrase names it: "Kosovo's declaration",
    /// "the declaration of independence by Kosovo", "the steps of the province's leadership".
    fn explicit_event_actor(&self, doc: &Doc, s: usize, k: usize) -> Option<usize> {
        let toks = doc.toks(s);
        let patient_of = self.lex.patient_event_nouns.contains(norm(&toks[k]));
        // possessor: [mention] 's [adj]{0,3} noun
        let mut j = k;
        let mut skipped = 0;
        while j > 0 && skipped < 4 {
            let w = norm(&toks[j - 1]);
            if w == "'s" || w == "’s" || w == "'" {
                if let Some(m) = doc.mention_ending_at(s, j - 1) {
                    let e = doc.ents.mentions[m].entity;
                    // "Granda's arrest": a person is what is done to, unless the patient
                    // follows ("Russia's invasion of X", "X's killing of Y")
                    let undergoes = patient_of
                        && doc.class_of(e) == "Person"
                        && toks.get(k + 1).is_none_or(|t| t.lower != "of");
                    if !undergoes {
                        return Some(e);
                    }
                    return None;
                }
                break;
            }
            if toks[j - 1]
                .text
                .chars()
                .all(|c| c.is_lowercase() || c == '-')
                && !DETERMINERS.contains(&w)
            {
                j -= 1;
                skipped += 1;
                continue;
            }
            break;
        }
        // "of X" / "by X" / "taken by X" within 5 tokens; "the invasion of X" names no actor
        let mut j = k + 1;
        while j < toks.len() && j <= k + 6 {
            let w = norm(&toks[j]);
            if BOUNDARY.contains(&w) || w == "," {
                break;
            }
            if w == "by" || (w == "of" && !patient_of) || w == "from" {
                let mut t = j + 1;
                while t < toks.len() && DETERMINERS.contains(&norm(&toks[t])) {
                    t += 1;
                }
                // "an appeal from President X": the person after the title
                if doc.ment_at[s].get(t).is_some_and(Option::is_none)
                    && let Some(end) = self.title_at(doc, s, t)
                {
                    t = end;
                }
                if let Some(m) = doc.mention_starting_at(s, t) {
                    // "the withdrawal of Serbian forces": a demonym names the actor only with a
                    // state agent noun
                    if let Some(e) = self.actor_entity(doc, s, m, true) {
                        return Some(e);
                    }
                }
                if w == "by" || w == "from" {
                    break;
                }
            }
            j += 1;
        }
        None
    }

    /// The actor an event phrase at `k` refers to: explicit, else the most recent actor before it.
    fn event_actor(&self, doc: &Doc, s: usize, k: usize) -> Option<(usize, bool)> {
        if let Some(e) = self.explicit_event_actor(doc, s, k) {
            return Some((e, false));
        }
        // "the invasion of X" with no actor named is no reference back to an earlier actor
        let toks = doc.toks(s);
        if self.lex.patient_event_nouns.contains(norm(&toks[k]))
            && toks.get(k + 1).is_some_and(|t| t.lower == "of")
        {
            return None;
        }
        // the latest earlier event of the same noun ("the decision" ... "the decision"), else
        // the latest one if it is recent or its actor is still talked about: an act long
        // before by an actor out of the text is no antecedent
        let earlier = || {
            doc.event_actors
                .iter()
                .rev()
                .filter(|(es, ek, _)| (*es, *ek) < (s, k))
        };
        let current = |(es, _, e): &&(usize, usize, usize)| {
            es + 3 >= s
                || doc
                    .ents
                    .mentions
                    .iter()
                    .any(|m| m.entity == *e && m.sentence + 6 >= s && m.sentence < s)
        };
        earlier()
            .find(|(es, ek, _)| doc.toks(*es)[*ek].lower == toks[k].lower)
            .or_else(|| earlier().next().filter(current))
            .map(|(_, _, e)| (*e, true))
    }

    fn collect_groups(&self, doc: &mut Doc) {
        for s in 0..doc.sentences.len() {
            let ms: Vec<usize> = doc
                .ents
                .mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| m.sentence == s)
                .map(|(i, _)| i)
                .collect();
            for &m in &ms {
                // "member states of the G8", "the G8 member nations", "EU members": the
                // members acting together are a plural antecedent standing for the organization
                if self.member_phrase(doc, s, m) {
                    let mm = &doc.ents.mentions[m];
                    doc.member_groups.push((s, mm.tok_start, mm.entity));
                    continue;
                }
                let g = self.extend_right(doc, s, m);
                if g.entities.len() >= 2 {
                    let start = doc.ents.mentions[m].tok_start;
                    if !doc
                        .groups
                        .iter()
                        .any(|(gs, _, ge)| *gs == s && ge.contains(&g.entities[0]))
                    {
                        doc.groups.push((s, start, g.entities));
                    }
                }
            }
        }
    }

    /// Whether mention `m` names an international organization through its members ("member
    /// states of the G8", "members of NATO", "the G8 member nations", "EU members").
    fn member_phrase(&self, doc: &Doc, s: usize, m: usize) -> bool {
        let toks = doc.toks(s);
        let mm = &doc.ents.mentions[m];
        if doc.class_of(mm.entity) != "InternationalOrganization" {
            return false;
        }
        let member = |j: usize| toks.get(j).is_some_and(|t| is_member_word(&t.lower));
        let group = |j: usize| {
            toks.get(j)
                .is_some_and(|t| STATE_GROUP_NOUNS.contains(&t.lower.as_str()))
        };
        // before: "member states of (the) X", "members of (the) X"
        let mut b = mm.tok_start;
        while b > 0 && DETERMINERS.contains(&norm(&toks[b - 1])) {
            b -= 1;
        }
        let before = b >= 2
            && norm(&toks[b - 1]) == "of"
            && (toks[b - 2].lower == "members" || b >= 3 && member(b - 3) && group(b - 2));
        // after: "X member states", "X members"
        let e = mm.tok_end;
        let after = toks.get(e).is_some_and(|t| t.lower == "members") || member(e) && group(e + 1);
        // the members act: the phrase is no preposition's object ("cooperation with all UN
        // Member States"), except the agent's ("released by member states of the G8")
        let mut start = if before {
            b - if toks[b - 2].lower == "members" { 2 } else { 3 }
        } else {
            mm.tok_start
        };
        while start > 0
            && (DETERMINERS.contains(&norm(&toks[start - 1]))
                || matches!(doc.upos(s, start - 1), Some("DET" | "ADJ" | "NUM")))
        {
            start -= 1;
        }
        let oblique = start > 0
            && PREPOSITIONS.contains(&norm(&toks[start - 1]))
            && norm(&toks[start - 1]) != "by";
        (before || after) && !oblique
    }

    // ----- argument finding ------------------------------------------------------------------

    /// Whether the mention is the object of a preposition ("on the council", "of southern
    /// Serbia": up to two lower-case adjectives may come between).
    fn after_preposition(&self, doc: &Doc, s: usize, m: usize) -> bool {
        let toks = doc.toks(s);
        let start = doc.ents.mentions[m].tok_start;
        let mut j = start;
        while j > 0
            && (matches!(norm(&toks[j - 1]), "the" | "a" | "an")
                || start - j < 2
                    && doc.upos(s, j - 1) == Some("ADJ")
                    && toks[j - 1].text.chars().all(char::is_lowercase))
        {
            j -= 1;
        }
        // "thousands of Kenyans": the quantity before "of" stands for the mention
        if j > 1
            && norm(&toks[j - 1]) == "of"
            && self.lex.quantity_nouns.contains(norm(&toks[j - 2]))
        {
            return false;
        }
        // "a company based in Burlingame, California": the larger place after a place's comma
        // shares its preposition
        if j == start
            && j > 1
            && let Some(p) = doc.mention_ending_at(s, j - 1)
            && self.locates_city(doc, s, p, m)
        {
            return self.after_preposition(doc, s, p);
        }
        j > 0 && PREPOSITIONS.contains(&norm(&toks[j - 1]))
    }

    /// Whether mention `place` locates the city `city` right before it ("Melbourne, Australia
    /// has ...", "Mosul, Iraq on Sunday"): a country or territory after the city's comma that
    /// does not go on as a list ("Ganja, Barda, Mingachevir", "in New York, Australia and X").
    fn locates_city(&self, doc: &Doc, s: usize, city: usize, place: usize) -> bool {
        let toks = doc.toks(s);
        let (c, p) = (&doc.ents.mentions[city], &doc.ents.mentions[place]);
        p.tok_start == c.tok_end + 1
            && norm(&toks[c.tok_end]) == ","
            && doc.class_of(c.entity) == "City"
            && matches!(doc.class_of(p.entity), "Country" | "Territory")
            && toks
                .get(p.tok_end)
                .is_none_or(|t| !matches!(norm(t), "and" | "or"))
            && !(toks.get(p.tok_end).is_some_and(|t| norm(t) == ",")
                && doc
                    .mention_starting_at(s, p.tok_end + 1)
                    .is_some_and(|n| doc.class_of(doc.ents.mentions[n].entity) != "Person"))
    }

    /// The entity a mention contributes as an actor, if any: demonyms only with a state agent noun
    /// after them ("Russian officials"); possessors only with a state agent noun ("Japan's government").
    fn actor_entity(&self, doc: &Doc, s: usize, m: usize, as_object: bool) -> Option<usize> {
        let mm = &doc.ents.mentions[m];
        let toks = doc.toks(s);
        let next_agent = |from: usize| -> bool {
            (from..(from + 3).min(toks.len()))
                .any(|j| self.lex.state_agent_nouns.contains(&toks[j].lower))
        };
        if mm.kind == MentionKind::DemonymAdjective {
            // "European states" names no one actor
            let region = doc.class_of(mm.entity) == "Region";
            // "shell Iraqi towns": as an object, what belongs to the state stands for it (not
            // "the Syrian town of X", which names a place)
            let asset = as_object
                && (mm.tok_end..(mm.tok_end + 2).min(toks.len())).any(|j| {
                    self.lex.state_asset_nouns.contains(&toks[j].lower)
                        && toks.get(j + 1).is_none_or(|n| n.lower != "of")
                        // the head of its phrase, not "British embassy staff" ("goods today" is)
                        && (doc.upos(s, j + 1).is_none_or(|u| u != "NOUN")
                            || matches!(
                                toks[j + 1].lower.as_str(),
                                "today" | "tonight" | "yesterday" | "tomorrow"
                            ))
                });
            return ((next_agent(mm.tok_end) || asset) && !region).then_some(mm.entity);
        }
        let possessive = toks
            .get(mm.tok_end)
            .is_some_and(|t| matches!(norm(t), "'s" | "’s" | "'"));
        if possessive && !as_object {
            return next_agent(mm.tok_end + 1).then_some(mm.entity);
        }
        Some(mm.entity)
    }

    fn extend_left(&self, doc: &Doc, s: usize, m: usize, first: usize) -> Arg {
        let toks = doc.toks(s);
        let mut ents = vec![first];
        let mut cur = m;
        let mut first_tok = doc.ents.mentions[m].tok_start;
        let mut conjoined = false;
        loop {
            let start = self.title_prefix_start(doc, s, cur);
            // find the previous mention
            let mut j = start;
            let mut gap = Vec::new();
            while j > 0 && doc.ment_at[s][j - 1].is_none() && gap.len() < 6 {
                gap.push(norm(&toks[j - 1]));
                j -= 1;
            }
            let Some(prev) = (j > 0).then(|| doc.ment_at[s][j - 1]).flatten() else {
                break;
            };
            if gap.is_empty() || !gap.iter().all(|w| COORD.contains(w)) {
                break;
            }
            if gap.contains(&"with") && !gap.contains(&"along") && !gap.contains(&"together") {
                break;
            }
            if self.after_preposition(doc, s, prev) {
                break;
            }
            match self.actor_entity(doc, s, prev, false) {
                Some(e) => {
                    if !ents.contains(&e) {
                        ents.insert(0, e);
                    }
                }
                None => break,
            }
            if gap.iter().any(|w| *w != "," && *w != "the") {
                conjoined = true;
            }
            first_tok = doc.ents.mentions[prev].tok_start;
            cur = prev;
        }
        // "The leader of the party, Ichiro Ozawa, has opposed": commas alone make an apposition,
        // not a list; the name nearest the verb is the subject
        let closed = toks
            .get(doc.ents.mentions[m].tok_end)
            .is_some_and(|t| t.text == ",");
        if !conjoined && closed && ents.len() > 1 {
            ents = vec![first];
            first_tok = doc.ents.mentions[m].tok_start;
        }
        let last_tok = doc.ents.mentions[m].tok_end;
        Arg {
            entities: ents,
            indirect: false,
            first_tok,
            last_tok,
        }
    }

    /// Whether state mention `m` names where an unowned body of its own agents acts: "security
    /// forces in Guinea", "authorities in Belarus", "police in Kenya" (not "Chinese officials in
    /// Kenya", nor troops, who are often foreign).
    fn domestic_agents_in(&self, doc: &Doc, s: usize, m: usize) -> bool {
        let mm = &doc.ents.mentions[m];
        let toks = doc.toks(s);
        if mm.kind == MentionKind::DemonymAdjective
            || !matches!(doc.class_of(mm.entity), "Country" | "Territory")
            || mm.tok_start < 2
            || norm(&toks[mm.tok_start - 1]) != "in"
        {
            return false;
        }
        // the agent noun before "in", one word or two ("security forces")
        let a = mm.tok_start - 2;
        let first = if self.lex.domestic_agent_nouns.contains(norm(&toks[a])) {
            a
        } else if a > 0
            && self.lex.domestic_agent_nouns.contains(&format!(
                "{} {}",
                norm(&toks[a - 1]),
                norm(&toks[a])
            ))
        {
            a - 1
        } else {
            return false;
        };
        // an owner before the agents speaks for them ("Chinese authorities in Kenya")
        first == 0
            || (doc.ment_at[s][first - 1].is_none()
                && !matches!(
                    norm(&toks[first - 1]),
                    "'s" | "'" | "its" | "their" | "his" | "her"
                ))
    }

    /// Where the phrase of person mention `m` starts when a title and the title's state come
    /// before it ("Bulgarian President Todor Zhivkov", "Libya's leader X"), so that a list of
    /// titled persons is read as one: "Libyan leader X and Bulgarian President Y signed".
    fn title_prefix_start(&self, doc: &Doc, s: usize, m: usize) -> usize {
        let mm = &doc.ents.mentions[m];
        let start = mm.tok_start;
        if doc.class_of(mm.entity) != "Person" {
            return start;
        }
        let toks = doc.toks(s);
        let Some(t) = (start.saturating_sub(3)..start)
            .find(|&t| doc.ment_at[s][t].is_none() && self.title_at(doc, s, t) == Some(start))
        else {
            return start;
        };
        let mut p = t;
        if p > 0 && matches!(norm(&toks[p - 1]), "'s" | "'") {
            p -= 1;
        }
        match doc.mention_ending_at(s, p) {
            Some(owner) if doc.class_of(doc.ents.mentions[owner].entity) != "Person" => {
                doc.ents.mentions[owner].tok_start
            }
            _ => t,
        }
    }

    fn extend_right(&self, doc: &Doc, s: usize, m: usize) -> Arg {
        let toks = doc.toks(s);
        let mm = &doc.ents.mentions[m];
        let mut ents = vec![mm.entity];
        let mut cur = m;
        loop {
            let end = doc.ents.mentions[cur].tok_end;
            let mut j = end;
            let mut gap = Vec::new();
            while j < toks.len() && doc.ment_at[s][j].is_none() && gap.len() < 5 {
                gap.push(norm(&toks[j]));
                j += 1;
            }
            let Some(next) = doc.ment_at[s].get(j).copied().flatten() else {
                break;
            };
            if gap.is_empty()
                || !gap.iter().all(|w| COORD.contains(w))
                || !gap
                    .iter()
                    .any(|w| matches!(*w, "," | "and" | "or" | "as" | "including" | "plus" | "nor"))
            {
                break;
            }
            if gap.contains(&"with") && !gap.contains(&"along") && !gap.contains(&"together") {
                break;
            }
            // "Melbourne, Australia": a city's comma and its country locate it, they list nothing
            let e = doc.ents.mentions[next].entity;
            if self.locates_city(doc, s, cur, next) {
                break;
            }
            // "X, Y's Z" — a possessor is not coordinated ("ties with Russia, Serbia's
            // historical ally": an apposition), nor is a demonym
            if doc.ents.mentions[next].kind == MentionKind::DemonymAdjective
                || gap == [","]
                    && toks
                        .get(doc.ents.mentions[next].tok_end)
                        .is_some_and(|t| matches!(norm(t), "'s" | "’s"))
            {
                break;
            }
            // "Sir X, the Liberal Democrat spokesman": a name before a title describes the
            // person (an apposition), it is no second member
            let next_end = doc.ents.mentions[next].tok_end;
            if gap.contains(&",")
                && !gap.contains(&"and")
                && toks
                    .get(next_end)
                    .is_some_and(|t| t.text.chars().next().is_some_and(char::is_lowercase))
                && self
                    .longest_trigger(doc, s, next_end, TriggerKind::Title)
                    .is_some()
            {
                break;
            }
            if !ents.contains(&e) {
                ents.push(e);
            }
            cur = next;
        }
        Arg {
            entities: ents,
            indirect: false,
            first_tok: mm.tok_start,
            last_tok: doc.ents.mentions[cur].tok_end,
        }
    }

    /// Whether token `k` is in a relative clause ("that"/"which"/"who" and then only verbs,
    /// auxiliaries and adverbs) whose head is a common noun that no mention covers.
    fn in_relative_clause_on_common_noun(&self, doc: &Doc, s: usize, k: usize) -> bool {
        let toks = doc.toks(s);
        let mut j = k;
        while j > 0 && k - j < 5 {
            let w = norm(&toks[j - 1]);
            if matches!(w, "that" | "which" | "who") {
                return j >= 2
                    && doc.upos(s, j - 2) == Some("NOUN")
                    && doc.ment_at[s][j - 2].is_none()
                    && toks[j - 2].text.chars().all(|c| c.is_lowercase());
            }
            if !matches!(doc.upos(s, j - 1), Some("VERB" | "AUX" | "ADV" | "PART")) {
                return false;
            }
            j -= 1;
        }
        false
    }

    /// Subject preference for a pronoun that opens its sentence ("Merkel called Macron. She
    /// said ..."): the antecedent is the subject of the nearest earlier sentence with a fitting
    /// person, approximated by its first fitting person that is not the object of a preposition
    /// (the parse is not computed for every sentence). `None` leaves the choice to recency.
    fn previous_subject(
        &self,
        doc: &Doc,
        s: usize,
        k: usize,
        outside_quotes: bool,
        fits: &dyn Fn(usize) -> bool,
    ) -> Option<usize> {
        let toks = doc.toks(s);
        if !opens_sentence(toks, k) || !outside_quotes || !matches!(norm(&toks[k]), "he" | "she") {
            return None;
        }
        for ps in (s.saturating_sub(3)..s).rev() {
            let candidates: Vec<usize> = doc
                .ents
                .mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| m.sentence == ps && !doc.in_quote(m.span.start) && fits(m.entity))
                .map(|(i, _)| i)
                .collect();
            if candidates.is_empty() {
                continue;
            }
            return candidates
                .iter()
                .find(|&&i| !self.after_preposition(doc, ps, i))
                .map(|&i| doc.ents.mentions[i].entity);
        }
        None
    }

    /// A "he" / "she" inside a sentence prefers the person who is the sentence's subject over
    /// one in a prepositional phrase or a possessor ("X accepted responsibility for the murder
    /// of Y but did not say he ordered it": X): the first fitting mention before `k` that is
    /// neither, with no relative pronoun between it and `k` (whose clause has its own subject).
    fn clause_subject_person(
        &self,
        doc: &Doc,
        s: usize,
        k: usize,
        fits: &dyn Fn(usize) -> bool,
    ) -> Option<usize> {
        let toks = doc.toks(s);
        if !matches!(norm(&toks[k]), "he" | "she") {
            return None;
        }
        if doc.in_quote(toks[k].span.start) {
            return None;
        }
        let mut mentions: Vec<(usize, &crate::entities::Mention)> = doc
            .ents
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.sentence == s && m.tok_end <= k && !doc.in_quote(m.span.start))
            .collect();
        mentions.sort_by_key(|(_, m)| m.tok_start);
        mentions.into_iter().find_map(|(i, m)| {
            let possessor = toks
                .get(m.tok_end)
                .is_some_and(|t| matches!(norm(t), "'s" | "'"));
            let head = self.np_head(doc, s, i);
            let e = doc.ents.mentions[head].entity;
            let relative =
                (m.tok_end..k).any(|j| matches!(norm(&toks[j]), "who" | "whom" | "whose"));
            (fits(e) && !possessor && !relative && !self.after_preposition(doc, s, head))
                .then_some(e)
        })
    }

    /// Whether "it" / "its" opening sentence `s` at token `k` refers to no entity: an expletive
    /// ("It is expected that ...", "It was reported ...") or a reference to the previous
    /// sentence's subject when that subject is a common noun phrase ("The declaration was
    /// adopted on Monday. It was backed by France" is the declaration's backing, not an
    /// entity's).
    fn it_has_no_entity_antecedent(&self, doc: &Doc, s: usize, k: usize) -> bool {
        let toks = doc.toks(s);
        if !opens_sentence(toks, k) {
            return false;
        }
        // expletive: "it is/was + adjective or participle" before "that" / "to"
        let mut j = k + 1;
        while j < toks.len()
            && j < k + 3
            && (AUX.contains(&norm(&toks[j])) || BE.contains(&norm(&toks[j])))
        {
            j += 1;
        }
        if j > k + 1
            && matches!(doc.upos(s, j), Some("ADJ") | Some("VERB"))
            && (j + 1..toks.len().min(j + 4)).any(|x| matches!(norm(&toks[x]), "that" | "to"))
        {
            return true;
        }
        if s == 0 {
            return false;
        }
        // the previous sentence opens with a common noun phrase as its subject
        let prev = doc.toks(s - 1);
        let Some(first) = prev
            .iter()
            .position(|t| t.text.chars().any(char::is_alphanumeric))
        else {
            return false;
        };
        if !matches!(norm(&prev[first]), "the" | "a" | "an" | "this") {
            return false;
        }
        // a sentence without entity mentions may be untagged: auxiliaries by their form
        let is_aux = |h: usize| {
            let w = norm(&prev[h]);
            AUX.contains(&w) || BE.contains(&w)
        };
        let mut h = first + 1;
        while h < prev.len()
            && h < first + 5
            && doc.ment_at[s - 1][h].is_none()
            && prev[h].text.chars().all(|c| c.is_lowercase() || c == '-')
            && !is_aux(h)
            && doc
                .upos(s - 1, h)
                .is_none_or(|u| matches!(u, "NOUN" | "ADJ"))
        {
            h += 1;
        }
        h > first + 1
            && h < prev.len()
            && doc.ment_at[s - 1][h].is_none()
            && (is_aux(h) || matches!(doc.upos(s - 1, h), Some("VERB" | "AUX")))
    }

    /// Resolves a pronoun or possessive pronoun at token `k` of sentence `s`.
    fn pronoun(&self, doc: &Doc, s: usize, k: usize, exclude: &[usize]) -> Option<Arg> {
        let w = norm(&doc.toks(s)[k]);
        // "countries and organizations that have lent their assistance": in a relative clause
        // on an unnamed common noun, the pronoun refers to that noun
        if matches!(w, "their" | "its" | "they" | "them" | "it")
            && self.in_relative_clause_on_common_noun(doc, s, k)
        {
            return None;
        }
        // antecedents inside a quotation only count for a pronoun in the same quotation
        let quote_of = |byte: usize| {
            doc.quote_spans
                .iter()
                .position(|q| q.inner.start <= byte && byte < q.inner.end)
        };
        let here = quote_of(doc.toks(s)[k].span.start);
        let before = |m: &&crate::entities::Mention| {
            (m.sentence, m.tok_start) < (s, k)
                && m.sentence + 3 >= s
                && quote_of(m.span.start).is_none_or(|q| Some(q) == here)
        };
        let pick = |pred: &dyn Fn(usize) -> bool| -> Option<usize> {
            doc.ents
                .mentions
                .iter()
                .filter(before)
                .rev()
                // "the Cuban government" stands for Cuba; a bare demonym does not
                .filter(|m| {
                    m.kind != MentionKind::DemonymAdjective
                        || doc
                            .toks(m.sentence)
                            .get(m.tok_end)
                            .is_some_and(|t| self.lex.state_agent_nouns.contains(&t.lower))
                })
                .map(|m| m.entity)
                .find(|&e| !exclude.contains(&e) && pred(e))
        };
        let found = match w {
            // "I strongly reject ...," said X: the speaker of the quotation
            "i" | "we" | "my" | "our" => {
                let byte = doc.toks(s)[k].span.start;
                doc.quote_speakers
                    .iter()
                    .find(|q| q.span.start <= byte && byte < q.span.end)
                    .and_then(|q| q.speaker)
                    .filter(|e| !exclude.contains(e))
                    .map(|e| vec![e])
            }
            "he" | "she" | "him" | "his" | "her" => {
                let wanted = Gender::of_pronoun(w);
                let fits = |e: usize| {
                    !exclude.contains(&e)
                        && doc.class_of(e) == "Person"
                        && doc.genders[e].is_none_or(|g| Some(g) == wanted)
                };
                self.previous_subject(doc, s, k, here.is_none(), &fits)
                    .or_else(|| self.clause_subject_person(doc, s, k, &fits))
                    .or_else(|| pick(&fits))
                    .map(|e| vec![e])
            }
            "it" | "its" if self.it_has_no_entity_antecedent(doc, s, k) => None,
            "it" | "its" => pick(&|e| {
                !matches!(
                    doc.class_of(e),
                    "Person" | "EthnicGroup" | "Document" | "Region"
                )
            })
            .map(|e| vec![e]),
            "they" | "their" | "them" => doc
                .groups
                .iter()
                .map(|(gs, gk, ge)| (*gs, *gk, ge.as_slice()))
                // (members acting: "member states of the G8 ... they said")
                .chain(
                    doc.member_groups
                        .iter()
                        .filter(|_| w == "they")
                        .map(|(gs, gk, e)| (*gs, *gk, std::slice::from_ref(e))),
                )
                .filter(|(gs, gk, ge)| {
                    (*gs, *gk) < (s, k) && *gs + 2 >= s && !ge.iter().any(|e| exclude.contains(e))
                })
                .max_by_key(|(gs, gk, _)| (*gs, *gk))
                .map(|(_, _, ge)| ge.to_vec())
                .or_else(|| {
                    pick(&|e| {
                        matches!(
                            doc.class_of(e),
                            "EthnicGroup" | "PoliticalParty" | "GovernmentBody"
                        )
                    })
                    .map(|e| vec![e])
                }),
            _ => None,
        }?;
        Some(Arg {
            entities: found,
            indirect: true,
            first_tok: k,
            last_tok: k + 1,
        })
    }

    /// Finds the subject left of token `p` (the trigger's first token).
    /// The subject of the sentence's main clause, for adjuncts that have none of their own
    /// ("Annan urged Israel to lift the blockade, faulting it ...", "Annan said, following talks
    /// with X, ..."): the first actor mention before token `before` that is neither the object of
    /// a preposition nor a possessor, with its coordinated actors.
    fn main_subject(&self, doc: &Doc, s: usize, before: usize) -> Option<Arg> {
        let toks = doc.toks(s);
        let mut j = 0;
        while j < before {
            if let Some((e, end)) = self.person_description(doc, s, j) {
                return (end <= before).then_some(Arg {
                    entities: vec![e],
                    indirect: true,
                    first_tok: j,
                    last_tok: end,
                });
            }
            let Some(m) = doc.mention_starting_at(s, j) else {
                if BOUNDARY.contains(&norm(&toks[j])) || norm(&toks[j]) == "that" {
                    return None;
                }
                j += 1;
                continue;
            };
            let mm = &doc.ents.mentions[m];
            let possessor = toks
                .get(mm.tok_end)
                .is_some_and(|t| matches!(norm(t), "'s" | "'"));
            // "former United States President Jimmy Carter": the person is the head
            let m = self.np_head(doc, s, m);
            if !possessor
                && !self.after_preposition(doc, s, m)
                && let Some(e) = self.actor_entity(doc, s, m, false)
            {
                let mut a = self.extend_right(doc, s, m);
                a.entities[0] = e;
                a.indirect = true;
                return (a.last_tok <= before).then_some(a);
            }
            j = mm.tok_end.max(j + 1);
        }
        None
    }

    /// Whether the verb at `k` heads a participial adjunct with no subject of its own
    /// ("..., faulting it for ...", "... Lebanon, citing ...").
    fn participial_adjunct(&self, doc: &Doc, s: usize, k: usize) -> bool {
        let toks = doc.toks(s);
        if k < 2 || !toks[k].lower.ends_with("ing") || doc.upos(s, k).is_some_and(|u| u != "VERB") {
            return false;
        }
        let prev = norm(&toks[k - 1]);
        // "... blockade of Lebanon faulting it": a prepositional object is no subject
        let pp_object = doc
            .mention_ending_at(s, k)
            .is_some_and(|m| self.after_preposition(doc, s, m));
        prev == "," || pp_object
    }

    fn subject_left(&self, doc: &Doc, s: usize, p: usize) -> Option<Arg> {
        let toks = doc.toks(s);
        let mut k = p;
        while k > 0 && AUX.contains(&norm(&toks[k - 1])) {
            k -= 1;
        }
        // "bulldozers used by Israel to demolish homes": the agent of the participle acts
        if k >= 4
            && norm(&toks[k - 1]) == "to"
            && let Some(m) = doc.mention_ending_at(s, k - 1)
        {
            let mm = &doc.ents.mentions[m];
            if mm.tok_start >= 2
                && norm(&toks[mm.tok_start - 1]) == "by"
                && doc.xpos(s, mm.tok_start - 2) == Some("VBN")
                && let Some(e) = self.actor_entity(doc, s, m, false)
            {
                return Some(Arg::named(e, mm.tok_start, mm.tok_end));
            }
        }
        // object control: "convinced Iran to support X", "persuaded the French to approve X":
        // the named object of such a verb is the infinitive's subject (not in a purpose clause:
        // "visited Zimbabwe to sign agreements")
        // ("sent X to visit the country on Monday to support Y": past a time adjunct)
        let mut before_to = k.saturating_sub(1);
        if k >= 3 && norm(&toks[k - 1]) == "to" && is_time_word(norm(&toks[k - 2])) {
            before_to = k - 2;
            if before_to > 0
                && matches!(norm(&toks[before_to - 1]), "on" | "last" | "next" | "this")
            {
                before_to -= 1;
            }
        }
        if k >= 3
            && norm(&toks[k - 1]) == "to"
            && let Some(m) = doc.mention_ending_at(s, before_to)
        {
            let mm = &doc.ents.mentions[m];
            let mut b = mm.tok_start;
            while b > 0 && DETERMINERS.contains(&norm(&toks[b - 1])) {
                b -= 1;
            }
            if self
                .phrase_before(doc, s, b, &self.lex.object_control_verbs)
                .is_some()
            {
                return self
                    .actor_entity(doc, s, m, false)
                    .map(|e| Arg::named(e, mm.tok_start, mm.tok_end));
            }
            // a purpose clause after another verb's object acts for that verb's subject
            if b > 0
                && doc.upos(s, b - 1) == Some("VERB")
                && toks[b - 1].lower.chars().all(|c| c.is_lowercase())
            {
                return self.subject_left(doc, s, b - 1);
            }
        }
        // control verbs: "refused to recognize", "vowed to block", "decided to"
        if k >= 2
            && norm(&toks[k - 1]) == "to"
            && toks[k - 2].lower.chars().all(|c| c.is_lowercase())
        {
            let mut c = k - 2;
            while c > 0 && AUX.contains(&norm(&toks[c - 1])) {
                c -= 1;
            }
            if (c <= k - 2)
                && let Some(a) = self.subject_left(doc, s, k - 2)
            {
                return Some(a);
            }
        }
        if k == 0 {
            return None;
        }
        let prev = norm(&toks[k - 1]);
        // coordinated predicates share the first one's subject: "X has not commented on Y, but
        // has instead urged Z to ...", "X welcomed the plan and praised Z"
        if let Some(a) = self.conjoined_subject(doc, s, k, p) {
            return a;
        }
        // relative clause: "X, who represents Y"
        if matches!(prev, "who" | "which" | "that") {
            let mut j = k - 1;
            if j > 0 && norm(&toks[j - 1]) == "," {
                j -= 1;
            }
            // ("YPG militia which support X", "the Hamas movement, which ...": a name before
            // the head noun of its kind)
            let m = doc.mention_ending_at(s, j).or_else(|| {
                (j >= 2 && self.lex.org_name_heads.contains(norm(&toks[j - 1])))
                    .then(|| doc.mention_ending_at(s, j - 1))
                    .flatten()
                    .filter(|&m| doc.class_of(doc.ents.mentions[m].entity) != "Person")
            });
            if let Some(m) = m {
                let e = doc.ents.mentions[m].entity;
                return Some(self.extend_left(doc, s, m, e));
            }
            // "the strike, which was approved": the antecedent is no entity
            return None;
        }
        // "I strongly reject ...", "we firmly support ...": in a quotation, its speaker
        if let Some(f) = first_person_before(doc, s, k)
            && norm(&toks[f]) != "you"
        {
            return self.pronoun(doc, s, f, &[]);
        }
        if matches!(prev, "he" | "she" | "it" | "they") {
            // "X said they would boycott ...": the pronoun is the reporting verb's subject
            let mut r = k - 1;
            if r > 0 && norm(&toks[r - 1]) == "that" {
                r -= 1;
            }
            if r > 0
                && self.is_reporting(doc, s, r - 1)
                && let Some(e) = self.speaker_near(doc, s, r - 1)
            {
                let fits = match prev {
                    "he" | "she" => {
                        doc.class_of(e) == "Person"
                            && doc.genders[e].is_none_or(|g| Some(g) == Gender::of_pronoun(prev))
                    }
                    _ => doc.class_of(e) != "Person",
                };
                if fits {
                    return Some(Arg {
                        entities: vec![e],
                        indirect: true,
                        first_tok: k - 1,
                        last_tok: k,
                    });
                }
            }
            return self.pronoun(doc, s, k - 1, &[]);
        }
        // "X issued a declaration demanding that Y ...", "X said in a statement urging Y to":
        // the document speaks for whoever issued it
        if toks[p].lower.ends_with("ing") && self.lex.utterance_nouns.contains(prev) {
            let mut d = k - 1;
            while d > 0
                && doc.ment_at[s][d - 1].is_none()
                && (DETERMINERS.contains(&norm(&toks[d - 1])) || doc.upos(s, d - 1) == Some("ADJ"))
            {
                d -= 1;
            }
            if d > 1 && norm(&toks[d - 1]) == "in" {
                d -= 1;
            }
            if d > 0 && d < k - 1 && doc.upos(s, d - 1) == Some("VERB") {
                return self.subject_left(doc, s, d - 1);
            }
        }
        // "the former president rebutted", "the UN leader met": a person named before
        if let Some(a) = self.description_subject(doc, s, k) {
            return Some(a);
        }
        // "his associates alleged", "the airline denied": a common noun phrase is the subject; it
        // names no entity unless it is a state's agents ("their governments", handled below)
        {
            let mut d = k - 1;
            let mut n = 0;
            while d > 0
                && n < 2
                && toks[d].text.chars().all(|c| c.is_lowercase())
                && !DETERMINERS.contains(&norm(&toks[d]))
            {
                d -= 1;
                n += 1;
            }
            let common_np = n > 0
                && toks[k - 1].text.chars().all(|c| c.is_lowercase())
                && doc.ment_at[s][k - 1].is_none()
                && matches!(
                    norm(&toks[d]),
                    "the"
                        | "a"
                        | "an"
                        | "his"
                        | "her"
                        | "this"
                        | "these"
                        | "those"
                        | "some"
                        | "many"
                );
            if common_np && !self.lex.state_agent_nouns.contains(norm(&toks[k - 1])) {
                return None;
            }
        }
        // "their respective states", "its government": possessive pronoun + state noun
        let mut j = k;
        let mut nouns = 0;
        while j > 0
            && nouns < 3
            && toks[j - 1].text.chars().all(|c| c.is_lowercase())
            && !DETERMINERS.contains(&norm(&toks[j - 1]))
            && !BOUNDARY.contains(&norm(&toks[j - 1]))
        {
            j -= 1;
            nouns += 1;
        }
        if nouns > 0 && j > 0 && matches!(norm(&toks[j - 1]), "their" | "its") {
            let head = norm(&toks[k - 1]);
            if self.lex.state_agent_nouns.contains(head) || STATE_GROUP_NOUNS.contains(&head) {
                return self.pronoun(doc, s, j - 1, &[]);
            }
        }
        // scan left for the nearest actor mention
        let mut j = k;
        let mut dist = 0;
        while j > 0 && dist < 16 {
            let w = norm(&toks[j - 1]);
            let in_mention = doc.ment_at[s][j - 1].is_some();
            // "The Syrian Democratic Forces (SDF) opposed", "Senator Boxer (D-CA) demanded": a
            // short parenthesis after a name, with no verb in it, is passed
            if w == ")"
                && !in_mention
                && let Some(o) = (j.saturating_sub(8)..j - 1)
                    .rev()
                    .find(|&o| toks[o].text == "(")
                && o > 0
                && doc.mention_ending_at(s, o).is_some()
                && !(o + 1..j - 1).any(|x| matches!(doc.upos(s, x), Some("VERB" | "AUX")))
            {
                j = o;
                dist += 1;
                continue;
            }
            // "Brett McGurk, who was Trump's envoy until December, also criticized": a
            // relative clause between commas right before the verb is passed
            if w == ","
                && !in_mention
                && dist <= 2
                && let Some(r) = (j.saturating_sub(24)..j - 1)
                    .rev()
                    .take_while(|&x| !matches!(norm(&toks[x]), ";" | ":" | "“" | "”" | "\""))
                    .find(|&x| matches!(norm(&toks[x]), "who" | "which"))
                && r >= 2
                && norm(&toks[r - 1]) == ","
                && doc.mention_ending_at(s, r - 1).is_some()
            {
                j = r - 1;
                dist += 1;
                continue;
            }
            if !in_mention
                && (BOUNDARY.contains(&w)
                    || w == "that"
                    || self.lex.reporting_forms.contains(w) && j < k)
            {
                return None;
            }
            if let Some(m) = doc.mention_ending_at(s, j) {
                let mm = &doc.ents.mentions[m];
                if self.domestic_agents_in(doc, s, m) {
                    return Some(Arg::named(mm.entity, mm.tok_start, mm.tok_end));
                }
                if self.after_preposition(doc, s, m) {
                    j = mm.tok_start;
                    dist += 1;
                    continue;
                }
                let possessive = toks
                    .get(mm.tok_end)
                    .is_some_and(|t| matches!(norm(t), "'s" | "'"));
                if possessive && mm.tok_end + 1 < k {
                    // "China's UN ambassador": the subject is the (unnamed) official; the state acts
                    // only with a state agent noun
                    if let Some(e) = self.actor_entity(doc, s, m, false) {
                        return Some(Arg::named(e, mm.tok_start, mm.tok_end));
                    }
                    return None;
                }
                return match self.actor_entity(doc, s, m, false) {
                    Some(e) => Some(self.extend_left(doc, s, m, e)),
                    None => {
                        j = mm.tok_start;
                        dist += 1;
                        continue;
                    }
                };
            }
            j -= 1;
            dist += 1;
        }
        None
    }

    /// The subject of a predicate conjoined to an earlier verb of the same clause: the finite
    /// verb at `verb` follows "and" / "but" (after auxiliaries, from `k`, and adverbs), and the
    /// nearest verb before the conjunction is finite too; both share that verb's subject,
    /// whatever their voice ("X has not commented on Y, but has instead urged Z", "It was
    /// backed by X, and has been signed by Y"). `Some(None)`: the structure is there but its
    /// subject names no entity. Infinitives and bare participles are left alone: "urged Hamas
    /// to disarm and recognize Israel" is Hamas's.
    fn conjoined_subject(&self, doc: &Doc, s: usize, k: usize, verb: usize) -> Option<Option<Arg>> {
        let toks = doc.toks(s);
        if doc.upos(s, verb) != Some("VERB") || !self.finite_verb(doc, s, verb, true) {
            return None;
        }
        let mut c = k;
        while c > 0
            && doc.ment_at[s][c - 1].is_none()
            && (AUX.contains(&norm(&toks[c - 1])) || doc.upos(s, c - 1) == Some("ADV"))
        {
            c -= 1;
        }
        if c < 2 || !matches!(norm(&toks[c - 1]), "and" | "but") {
            return None;
        }
        let mut v = c - 1;
        if norm(&toks[v - 1]) == "," {
            v -= 1;
        }
        // "had deliberately and unfairly targeted": coordinated modifiers, not predicates
        if matches!(
            doc.upos(s, v - 1),
            Some("ADV" | "ADJ" | "AUX" | "CCONJ" | "PART")
        ) {
            return None;
        }
        let stop = v.saturating_sub(14);
        while v > stop {
            v -= 1;
            let w = norm(&toks[v]);
            if doc.ment_at[s][v].is_some() {
                continue;
            }
            if BOUNDARY.contains(&w) || matches!(w, "that" | "who" | "which" | "to") {
                return None;
            }
            // the infinitive or gerund of an adjunct belongs to the first predicate: "X
            // criticized Y for failing to condemn Z, and called for ..."
            if matches!(doc.xpos(s, v), Some("VB" | "VBG")) {
                let mut a = v;
                while a > 0 && doc.upos(s, a - 1) == Some("ADV") {
                    a -= 1;
                }
                // (an infinitive only after a gerund or adjective of that adjunct: "failing
                // to condemn"; "urged Israel to lift X and praised Y" is another frame)
                let to_after_adjunct = norm(&toks[a - 1]) == "to"
                    && a >= 2
                    && (doc.xpos(s, a - 2) == Some("VBG") || doc.upos(s, a - 2) == Some("ADJ"));
                if a > stop + 1
                    && (to_after_adjunct
                        || doc.xpos(s, v) == Some("VBG")
                            && (PREPOSITIONS.contains(&norm(&toks[a - 1]))
                                || matches!(doc.upos(s, a - 1), Some("ADP" | "SCONJ"))))
                {
                    // (the loop steps back past the "to" or the preposition)
                    v = a - 1;
                    continue;
                }
            }
            if matches!(doc.upos(s, v), Some("VERB")) {
                // a participle modifier in between ("..., now surrounded by controversy, and
                // was run by Y") hides the first predicate: no subject rather than a guess; a
                // bare participle right after its subject is a misread past tense ("the
                // government put the number at 2,000, and accused X")
                let mut a = v;
                while a > 0 && doc.upos(s, a - 1) == Some("ADV") {
                    a -= 1;
                }
                let after_subject = a > 0
                    && (doc.ment_at[s][a - 1].is_some()
                        || matches!(doc.upos(s, a - 1), Some("NOUN" | "PROPN" | "PRON")));
                return Some(
                    self.finite_verb(doc, s, v, after_subject)
                        .then(|| self.subject_left(doc, s, v))
                        .flatten(),
                );
            }
        }
        None
    }

    /// Whether the verb at `v` is finite: a past or present tense, or a participle after an
    /// auxiliary ("has urged", "was rescuing", "was backed"). A bare past participle counts
    /// when `bare_participle` is set: after "and" it shares the first verb's auxiliary ("had
    /// cited and fined"), or the tagger misread a past tense.
    fn finite_verb(&self, doc: &Doc, s: usize, v: usize, bare_participle: bool) -> bool {
        let toks = doc.toks(s);
        let mut a = v;
        let mut be = false;
        let mut aux = false;
        while a > 0 && matches!(doc.upos(s, a - 1), Some("ADV" | "PART" | "AUX")) {
            let w = norm(&toks[a - 1]);
            be |= BE.contains(&w);
            aux |= AUX.contains(&w) || BE.contains(&w);
            a -= 1;
        }
        match doc.xpos(s, v) {
            Some("VBD" | "VBZ" | "VBP") => true,
            Some("VBN") => aux || bare_participle,
            Some("VBG") => be,
            _ => false,
        }
    }

    /// Whether the noun phrase starting at token `j` follows a locative preposition (after
    /// determiners, adjectives and numbers), at or after token `q`.
    fn after_locative(&self, doc: &Doc, s: usize, j: usize, q: usize) -> bool {
        let toks = doc.toks(s);
        let mut p = j;
        while p > q
            && (DETERMINERS.contains(&norm(&toks[p - 1]))
                || doc
                    .upos(s, p - 1)
                    .is_some_and(|u| matches!(u, "ADJ" | "NUM")))
        {
            p -= 1;
        }
        p > q
            && matches!(
                norm(&toks[p - 1]),
                "in" | "at"
                    | "near"
                    | "outside"
                    | "inside"
                    | "across"
                    | "throughout"
                    | "around"
                    | "within"
                    | "beside"
                    | "behind"
            )
    }

    /// Finds the object right of token `q` (just after the trigger); `threat` when the trigger
    /// threatens, so that a threatened act leads on to its target.
    fn object_right(
        &self,
        doc: &Doc,
        s: usize,
        q: usize,
        exclude: &[usize],
        max: usize,
        threat: bool,
    ) -> Option<Arg> {
        let toks = doc.toks(s);
        // an unnamed object that is told to act: "called on the President to demand that X
        // ...", "urged the council to ..." (the named actor further on is not the object)
        if toks.get(q).is_some_and(|t| DETERMINERS.contains(&norm(t))) {
            let mut e = q + 1;
            while e < toks.len()
                && e < q + 5
                && doc.ment_at[s][e].is_none()
                && matches!(doc.upos(s, e), Some("NOUN" | "PROPN" | "ADJ"))
            {
                e += 1;
            }
            if e > q + 1
                && toks.get(e).is_some_and(|t| t.lower == "to")
                && doc.upos(s, e + 1) == Some("VERB")
                && !self.lex.state_agent_nouns.contains(norm(&toks[e - 1]))
            {
                return None;
            }
        }
        let mut j = q;
        while j < toks.len() && j < q + max {
            let w = norm(&toks[j]);
            if BOUNDARY.contains(&w) || (w == "," && j > q) || matches!(w, "which" | "who") {
                return None;
            }
            // "disagreed, saying that millions of Americans ...": a new report opens
            if j > q && self.lex.reporting_forms.contains(w) && doc.upos(s, j) == Some("VERB") {
                return None;
            }
            // after the object's own common noun, a purpose infinitive ("work with all factions
            // to rebuild Iraq"), a reason ("applaud the president for getting the Kurds to ..."),
            // a framework or a circumstance ("fighting climate change under the Framework
            // Convention", "amid protests in X") names no party
            let after_noun = j > q && doc.upos(s, j - 1) == Some("NOUN");
            let after_common_noun = after_noun
                && doc.ment_at[s][j - 1].is_none()
                && toks[j - 1].text.chars().all(|c| c.is_lowercase());
            if match w {
                "to" => after_common_noun && doc.upos(s, j + 1) == Some("VERB"),
                "for" => {
                    after_common_noun
                        && j > q + 1
                        && DETERMINERS.contains(&norm(&toks[j - 2]))
                        && !self.lex.event_nouns.contains(norm(&toks[j - 1]))
                }
                "under" | "within" | "through" | "throughout" | "via" | "amid" | "despite"
                | "during" => after_noun,
                _ => false,
            } {
                return None;
            }
            // "supported the legislation and allowed the Senate to vote": a finite verb after a
            // noun or a conjunction ends the object's phrase ("meeting with exiled Hamas leader
            // X": a participle the tagger calls a past tense does not)
            if j > q
                && matches!(doc.xpos(s, j), Some("VBD" | "VBZ" | "VBP" | "MD"))
                && matches!(
                    doc.upos(s, j - 1),
                    Some("CCONJ" | "NOUN" | "PROPN" | "PRON")
                )
            {
                return None;
            }
            // "to reject violence and recognize Israel": a coordinated base verb opens its own
            // predicate
            // ("our friend and ally Egypt": a party noun the tagger reads as a verb is none)
            if j > q + 1
                && doc.xpos(s, j) == Some("VB")
                && doc.upos(s, j - 1) == Some("CCONJ")
                && doc.upos(s, j - 2) == Some("NOUN")
                && !self.lex.counterpart_nouns.contains(w)
            {
                return None;
            }
            // "warned that it would close the border": a pronoun before a verb is a clause's
            // subject, not the object
            if w == "it" && matches!(doc.upos(s, j + 1), Some("AUX" | "VERB")) {
                return None;
            }
            if matches!(w, "it" | "its" | "them" | "their" | "him" | "his" | "her") {
                // "threatening his neighbours", "its allies": a counterpart noun names others
                // than the possessor, whoever that is
                // ("invading its sovereign neighbour Ukraine": the name after the noun)
                if matches!(w, "its" | "their" | "his" | "her")
                    && let Some(x) = (j + 1..(j + 4).min(toks.len()))
                        .take_while(|&x| toks[x].text.chars().all(|c| c.is_lowercase()))
                        .find(|&x| self.lex.counterpart_nouns.contains(norm(&toks[x])))
                {
                    if let Some(g) = self.actor_phrase(doc, s, x + 1, true)
                        && !exclude.contains(&g.entities[0])
                    {
                        return Some(g);
                    }
                    return self.counterpart(doc, s, j, exclude);
                }
                // "Iran denies its program...": a possessive that fits the subject is the subject's
                if let Some(&subject) = exclude.first() {
                    let person = doc.class_of(subject) == "Person";
                    let reflexive = match w {
                        "its" => !person && exclude.len() == 1,
                        "his" | "her" => person,
                        "their" => exclude.len() > 1,
                        _ => false,
                    };
                    if reflexive {
                        return self.counterpart(doc, s, j, exclude);
                    }
                }
                return self.pronoun(doc, s, j, exclude);
            }
            // "meeting the requirements of the UN": the object is the common noun, not the UN
            if toks
                .get(j + 1)
                .is_some_and(|n| n.lower == "of" || (n.lower == "by" && j > q))
                && toks[j].text.chars().all(|c| c.is_lowercase())
                && !DETERMINERS.contains(&w)
                && !self.lex.object_pass_nouns.contains(w)
                && !self.lex.state_agent_nouns.contains(w)
                // what an actor owns stands for it ("shelled the positions of Hamas")
                && !self.lex.state_asset_nouns.contains(w)
                && !self.lex.event_nouns.contains(w)
            {
                return None;
            }
            if let Some(m) = doc.mention_starting_at(s, j) {
                let m = self.np_head(doc, s, m);
                let mm = &doc.ents.mentions[m];
                if mm.kind == MentionKind::DemonymAdjective
                    && self.actor_entity(doc, s, m, true).is_none()
                {
                    // "rejected an Australian ultimatum", "a Senegalese peace plan": the state
                    // that acted is the object
                    let acts = (mm.tok_end..(mm.tok_end + 3).min(toks.len()))
                        .take_while(|&t| toks[t].text.chars().all(|c| c.is_lowercase() || c == '-'))
                        .any(|t| self.lex.event_nouns.contains(norm(&toks[t])));
                    if acts && !exclude.contains(&mm.entity) {
                        return Some(Arg::named(mm.entity, mm.tok_start, mm.tok_end));
                    }
                    j = mm.tok_end;
                    continue;
                }
                let mut a = self.extend_right(doc, s, m);
                a.entities.retain(|e| !exclude.contains(e));
                if a.entities.is_empty() {
                    return None;
                }
                return Some(a);
            }
            // the event heads the object: "condemned the move" (its actor, named or earlier);
            // "condemned further attacks against X" (the attacker, if named, not the target)
            // (adjectives and nouns between an act of force and its determiner: "the criminal
            // blockade against X", "an oil embargo of X")
            let mut d = j;
            while d > q
                && self.lex.hostile_act_nouns.contains(w)
                && matches!(doc.upos(s, d - 1), Some("ADJ" | "NOUN"))
                && toks[d - 1]
                    .text
                    .chars()
                    .all(|c| c.is_lowercase() || c == '-')
            {
                d -= 1;
            }
            let definite = d > 0 && DETERMINERS.contains(&norm(&toks[d - 1]));
            // (a threatened act is aimed at its target: "threatening attacks on X")
            let bare = !definite
                && !threat
                && !self.lex.object_pass_nouns.contains(w)
                && (q..j).all(|x| {
                    toks[x].text.chars().all(|c| c.is_lowercase())
                        && !DETERMINERS.contains(&norm(&toks[x]))
                        && doc.upos(s, x).is_none_or(|u| u == "ADJ")
                });
            if self.lex.event_nouns.contains(w) && (definite || bare) {
                let actor = if definite {
                    self.event_actor(doc, s, j)
                } else {
                    self.explicit_event_actor(doc, s, j).map(|e| (e, false))
                };
                if let Some((e, indirect)) = actor
                    && !exclude.contains(&e)
                {
                    return Some(Arg {
                        entities: vec![e],
                        indirect,
                        first_tok: j,
                        last_tok: j + 1,
                    });
                }
                return None;
            }
            j += 1;
        }
        None
    }

    /// The first actor in an infinitive complement starting at `q` ("to launch an offensive
    /// unless Baghdad ...", "to cut off electricity to Nakhichevan"), up to the clause's end.
    fn complement_object(&self, doc: &Doc, s: usize, q: usize, exclude: &[usize]) -> Option<Arg> {
        let toks = doc.toks(s);
        let mut j = q;
        while j < toks.len() && j < q + 14 {
            let w = norm(&toks[j]);
            // a threat's condition names its target: "... unless Baghdad accepts", "if X goes ahead"
            let condition = matches!(w, "unless" | "if");
            if (BOUNDARY.contains(&w) && !condition) || w == "," || self.is_reporting(doc, s, j) {
                return None;
            }
            if let Some(m) = doc.mention_starting_at(s, j) {
                let m = self.np_head(doc, s, m);
                let next = doc.ents.mentions[m].tok_end.max(j + 1);
                if let Some(e) = self.actor_entity(doc, s, m, true)
                    && !exclude.contains(&e)
                {
                    let mut a = self.extend_right(doc, s, m);
                    a.entities[0] = e;
                    a.entities.retain(|e| !exclude.contains(e));
                    a.indirect = true;
                    return Some(a);
                }
                j = next;
                continue;
            }
            j += 1;
        }
        None
    }

    /// The agent of a passive or inverse pattern: "by X" (or "from X" when `from_ok`) within `max`
    /// tokens after `q`.
    fn agent_right(&self, doc: &Doc, s: usize, q: usize, max: usize, from_ok: bool) -> Option<Arg> {
        let toks = doc.toks(s);
        // a pattern ending in "of" names the agent right after it ("has the support of X")
        let of_end = q > 0 && norm(&toks[q - 1]) == "of";
        let mut j = if of_end { q - 1 } else { q };
        while j < toks.len() && j < q + max {
            let w = norm(&toks[j]);
            if BOUNDARY.contains(&w) || matches!(w, "which" | "who" | "that") {
                return None;
            }
            if w == "by" || (w == "from" && from_ok) || (of_end && j + 1 == q) {
                // "by many politicians, particularly X", "from Kosovar Serbians": the first actor
                // mention within a short noun phrase, past demonym modifiers
                let mut t = j + 1;
                while t < toks.len() && t <= j + 8 {
                    let tw = norm(&toks[t]);
                    // ("by many nations in UN votes": a prepositional phrase inside the agent
                    // phrase names no agent; "the governments of A" does)
                    if BOUNDARY.contains(&tw)
                        || matches!(tw, "which" | "who" | "that" | "by" | "from")
                        || (t > j + 1 && tw != "of" && PREPOSITIONS.contains(&tw))
                    {
                        break;
                    }
                    if let Some(m) = doc.mention_starting_at(s, t) {
                        let m = self.np_head(doc, s, m);
                        if let Some(e) = self.actor_entity(doc, s, m, true) {
                            let mut a = self.extend_right(doc, s, m);
                            a.entities[0] = e;
                            return Some(a);
                        }
                        t = doc.ents.mentions[m].tok_end;
                        continue;
                    }
                    if matches!(tw, "it" | "them" | "him" | "her") {
                        return self.pronoun(doc, s, t, &[]);
                    }
                    t += 1;
                }
            }
            j += 1;
        }
        None
    }

    /// Whether an attack on `obj` is one of words: its reason follows ("attacked X for the
    /// tweet", "over his remarks", "on his willingness to ..."), or a person's act or view is
    /// attacked ("attacked Obama's use of earmarks"), not a person's home or convoy.
    fn verbal_attack(&self, doc: &Doc, s: usize, obj: &Arg) -> bool {
        let toks = doc.toks(s);
        // past the common noun the name modifies ("attacked the Labor government for voting
        // against the legislation", "the Bush administration over its handling of ...")
        let mut e = obj.last_tok;
        while e < toks.len()
            && e < obj.last_tok + 2
            && doc.upos(s, e) == Some("NOUN")
            && toks[e].text.chars().all(char::is_lowercase)
        {
            e += 1;
        }
        let Some(next) = toks.get(e).map(norm) else {
            return false;
        };
        let lower = |x: usize| {
            toks.get(x)
                .is_some_and(|t| t.text.chars().all(|c| c.is_lowercase()))
        };
        match next {
            // not a time span ("for the first time", "over the weekend", "for three days")
            "for" | "over" => {
                let mut a = e + 1;
                while a < toks.len() && DETERMINERS.contains(&norm(&toks[a])) {
                    a += 1;
                }
                lower(a)
                    && !(a..(a + 3).min(toks.len())).any(|x| {
                        let w = norm(&toks[x]);
                        is_time_word(w)
                            || w.chars().any(|c| c.is_ascii_digit())
                            || matches!(
                                w,
                                "time"
                                    | "first"
                                    | "second"
                                    | "weekend"
                                    | "week"
                                    | "weeks"
                                    | "day"
                                    | "days"
                                    | "night"
                                    | "hours"
                                    | "months"
                                    | "years"
                                    | "decades"
                                    | "centuries"
                                    | "past"
                                    | "period"
                                    | "almost"
                                    | "nearly"
                                    | "more"
                                    | "several"
                                    | "two"
                                    | "three"
                                    | "four"
                                    | "five"
                                    | "six"
                                    | "ten"
                            )
                    })
            }
            "on" => toks
                .get(e + 1)
                .is_some_and(|t| matches!(norm(t), "his" | "her" | "their" | "its")),
            "'s" | "’s" => {
                obj.entities
                    .first()
                    .is_some_and(|&x| doc.class_of(x) == "Person")
                    && lower(e + 1)
                    && !self.lex.personal_asset_nouns.contains(norm(&toks[e + 1]))
                    && !self.lex.state_asset_nouns.contains(norm(&toks[e + 1]))
                    && !self.lex.state_agent_nouns.contains(norm(&toks[e + 1]))
            }
            _ => false,
        }
    }

    /// The end of a place or date adjunct starting at `j` ("in Nairobi", "in the Gaza Strip", "on
    /// Monday", "on 3 May").
    fn place_or_date_adjunct(&self, doc: &Doc, s: usize, j: usize) -> Option<usize> {
        let toks = doc.toks(s);
        match norm(toks.get(j)?) {
            "in" | "at" => {
                let mut a = j + 1;
                while a < toks.len() && DETERMINERS.contains(&norm(&toks[a])) {
                    a += 1;
                }
                let m = doc.mention_starting_at(s, a)?;
                let e = doc.ents.mentions[m].entity;
                (self.ontology.type_family_of(doc.class_of(e)) == "place")
                    .then_some(doc.ents.mentions[m].tok_end)
            }
            "on" => {
                let (mut a, mut named) = (j + 1, false);
                while a < toks.len() && a < j + 4 {
                    let w = norm(&toks[a]);
                    if is_date_word(w) {
                        named = true;
                    } else if !w.chars().all(|c| c.is_ascii_digit()) {
                        break;
                    }
                    a += 1;
                }
                named.then_some(a)
            }
            _ => None,
        }
    }

    /// The verb of `forms` that governs the noun at `k`, if one stands right before its noun
    /// phrase ("halted economic aid", "lifted the sanctions").
    fn governing_verb(
        &self,
        doc: &Doc,
        s: usize,
        k: usize,
        forms: &HashSet<String>,
    ) -> Option<usize> {
        let toks = doc.toks(s);
        let mut p = k;
        while p > 0 && k - p < 5 {
            p -= 1;
            let w = norm(&toks[p]);
            if forms.contains(w) {
                return Some(p);
            }
            if doc.ment_at[s][p].is_some() || BOUNDARY.contains(&w) || w == "," {
                return None;
            }
        }
        None
    }

    /// The verb of a phrase claiming the act named by the noun at `k` ("claimed responsibility
    /// for the suicide attack", "took credit for last month's bombing").
    fn responsibility_claim(&self, doc: &Doc, s: usize, k: usize) -> Option<usize> {
        let toks = doc.toks(s);
        let mut p = k;
        while p > 0
            && k - p < 4
            && (DETERMINERS.contains(&norm(&toks[p - 1]))
                || toks[p - 1]
                    .text
                    .chars()
                    .all(|c| c.is_lowercase() || c == '-')
                    && norm(&toks[p - 1]) != "for")
        {
            p -= 1;
        }
        self.phrase_before(doc, s, p, &self.lex.responsibility_claims)
    }

    /// The verb of one of `phrases` that ends right before token `end` ("called on" before
    /// "Iran to", "claimed responsibility for" before "the attack").
    fn phrase_before(
        &self,
        doc: &Doc,
        s: usize,
        end: usize,
        phrases: &[VerbPhrase],
    ) -> Option<usize> {
        let toks = doc.toks(s);
        phrases.iter().find_map(|p| {
            let v = end.checked_sub(p.rest.len() + 1)?;
            (p.verb.contains(norm(&toks[v]))
                && p.rest
                    .iter()
                    .zip(&toks[v + 1..end])
                    .all(|(w, t)| norm(t) == w))
            .then_some(v)
        })
    }

    /// Whether the name starting at token `start` is what a gathering noun before it is of:
    /// "a meeting of the X", "the Conference of the Parties to the X" (`ng:convocationNoun`,
    /// through at most one more "of" / "to" link).
    fn gathering_of(&self, doc: &Doc, s: usize, start: usize) -> bool {
        let toks = doc.toks(s);
        let mut k = start;
        for _ in 0..2 {
            while k > 0 && DETERMINERS.contains(&norm(&toks[k - 1])) {
                k -= 1;
            }
            if k < 2 || !matches!(norm(&toks[k - 1]), "of" | "to") {
                return false;
            }
            k -= 1;
            if self.lex.convocation_nouns.contains(norm(&toks[k - 1])) {
                return true;
            }
            k -= 1;
        }
        false
    }

    /// The body asked to gather by a noun phrase at `q` that names a gathering of it ("an
    /// emergency meeting of the Security Council", "a special session of the General Assembly").
    fn convened_body(&self, doc: &Doc, s: usize, q: usize) -> Option<Arg> {
        let toks = doc.toks(s);
        let mut k = q + 1;
        while !self.lex.convocation_nouns.contains(norm(toks.get(k)?)) {
            // only lower-case modifiers in between ("urgent", "closed-door")
            if k >= q + 4 || !toks[k].text.chars().all(|c| c.is_lowercase() || c == '-') {
                return None;
            }
            k += 1;
        }
        (norm(toks.get(k + 1)?) == "of")
            .then(|| self.agent_right(doc, s, k + 2, 4, false))
            .flatten()
    }

    /// The other party named after a possessive that refers back to the subject (`p`): "urged
    /// his Russian counterpart to", "called on its NATO allies to" (a person named right after
    /// the noun is that party: "his Russian counterpart Vladimir Putin").
    fn counterpart(&self, doc: &Doc, s: usize, p: usize, exclude: &[usize]) -> Option<Arg> {
        let toks = doc.toks(s);
        let mut j = p + 1;
        // lower-case modifiers before the name ("his new Russian counterpart")
        while j < p + 3 && doc.ment_at[s].get(j).is_some_and(Option::is_none) {
            if !toks[j].text.chars().all(|c| c.is_lowercase()) {
                return None;
            }
            j += 1;
        }
        let m = doc.mention_starting_at(s, j)?;
        let mm = &doc.ents.mentions[m];
        if !self
            .lex
            .counterpart_nouns
            .contains(norm(toks.get(mm.tok_end)?))
        {
            return None;
        }
        let noun = mm.tok_end;
        let named = doc
            .mention_starting_at(s, noun + 1)
            .filter(|&n| doc.class_of(doc.ents.mentions[n].entity) == "Person");
        let (m, e) = match named {
            Some(n) => (n, doc.ents.mentions[n].entity),
            None if doc.class_of(mm.entity) == "Person" => return None,
            None => (m, mm.entity),
        };
        let mm = &doc.ents.mentions[m];
        (!exclude.contains(&e)).then(|| Arg::named(e, mm.tok_start, mm.tok_end.max(noun + 1)))
    }

    /// Whether a title ("leader", "Prime Minister", "ambassador-at-large") starts at token `k`;
    /// returns its end.
    fn title_at(&self, doc: &Doc, s: usize, k: usize) -> Option<usize> {
        let toks = doc.toks(s);
        let first = norm(&toks[k]);
        let head = first.split('-').next().unwrap_or(first);
        let mut best = None;
        for form in [first, head] {
            for &ti in self.lex.starting_with(form) {
                let t = &self.lex.triggers[ti];
                if t.kind != TriggerKind::Title {
                    continue;
                }
                if form == head && form != first {
                    if t.items.len() == 1 {
                        best = best.max(Some(k + 1));
                    }
                    continue;
                }
                if let Some((end, _)) = self.match_trigger(doc, s, k, t) {
                    best = best.max(Some(end));
                }
            }
        }
        best
    }

    /// The head of a noun phrase that starts with mention `m`: "Hamas leader Khaled Meshaal" and
    /// "Lebanese Prime Minister Fuad Saniora" are the persons, not Hamas or Lebanon.
    fn np_head(&self, doc: &Doc, s: usize, m: usize) -> usize {
        let toks = doc.toks(s);
        let mut j = doc.ents.mentions[m].tok_end;
        // "Zimbabwe's President Robert Mugabe": past the possessive
        if toks
            .get(j)
            .is_some_and(|t| matches!(norm(t), "'s" | "’s" | "'"))
            && doc.class_of(doc.ents.mentions[m].entity) != "Person"
        {
            j += 1;
        }
        let mut steps = 0;
        while j < toks.len() && steps < 3 {
            if let Some(end) = self.title_at(doc, s, j) {
                let mut p = end;
                if p < toks.len() && norm(&toks[p]) == "," {
                    p += 1;
                }
                if let Some(pm) = doc.mention_starting_at(s, p)
                    && doc.class_of(doc.ents.mentions[pm].entity) == "Person"
                {
                    return pm;
                }
                return m;
            }
            // lower-case modifiers between ("Hamas political leader"), or a capitalized
            // portfolio before its title ("UK Development Minister, X")
            let portfolio = doc.ment_at[s][j].is_none()
                && toks[j].text.chars().next().is_some_and(char::is_uppercase)
                && (j + 1..(j + 3).min(toks.len())).any(|t| self.title_at(doc, s, t).is_some());
            if portfolio
                || toks[j].text.chars().all(|c| c.is_lowercase())
                    && !PREPOSITIONS.contains(&norm(&toks[j]))
                    && !DETERMINERS.contains(&norm(&toks[j]))
            {
                j += 1;
                steps += 1;
                continue;
            }
            break;
        }
        // "US presidential candidate Barack Obama", "British journalist X": a role noun that is
        // no title still makes the person after it the head
        let start = doc.ents.mentions[m].tok_end;
        let role_noun = j > start
            && (start..j).all(|x| {
                !COORD.contains(&norm(&toks[x]))
                    && doc.upos(s, x).is_some_and(|u| matches!(u, "NOUN" | "ADJ"))
            })
            && doc.upos(s, j - 1) == Some("NOUN");
        if role_noun
            && let Some(pm) = doc.mention_starting_at(s, j)
            && doc.class_of(doc.ents.mentions[pm].entity) == "Person"
            && doc.class_of(doc.ents.mentions[m].entity) != "Person"
        {
            return pm;
        }
        m
    }

    // ----- negation and modality ---------------------------------------------------------------

    fn polarity(
        &self,
        doc: &Doc,
        s: usize,
        p: usize,
        trigger: &CompiledTrigger,
    ) -> (bool, Modality) {
        let toks = doc.toks(s);
        let mut negated = false;
        let mut modality = Modality::Asserted;
        let lo = p.saturating_sub(8);
        // "X did not say it would recognize Y": a negation before a reporting verb denies the
        // saying, not what is said, which is then not asserted either
        let mut reported = false;
        for j in (lo..p).rev() {
            let w = norm(&toks[j]);
            if BOUNDARY.contains(&w) || w == "," || doc.ment_at[s][j].is_some() {
                break;
            }
            // "... for failing to lift X and praised Y": a finite verb after "and" opens its
            // own predicate
            // (not a bare infinitive: "threatened to kill X and blow up Y")
            if matches!(w, "and" | "but")
                && matches!(doc.xpos(s, p), Some("VBD" | "VBZ" | "VBP" | "VBN"))
                && (j + 1..p).all(|x| matches!(doc.upos(s, x), Some("ADV" | "AUX")))
            {
                break;
            }
            // "denied having any such meeting", "denies supporting X": a denied act is negated
            if matches!(w, "denied" | "denies" | "deny" | "denying")
                && doc.xpos(s, j + 1) == Some("VBG")
            {
                negated = true;
                continue;
            }
            // ("vowed to", "promised to": a reporting verb before "to" controls the act)
            let control = toks.get(j + 1).is_some_and(|t| norm(t) == "to");
            if self.lex.reporting_forms.contains(w) && !control {
                reported = true;
                continue;
            }
            match w {
                // "will not give up its demand", "never abandoned its support": a denied
                // renunciation keeps the stance
                "not" | "never"
                    if (j + 2..=p).any(|e| {
                        self.phrase_before(doc, s, e, &self.lex.renunciation_phrases)
                            .is_some()
                    }) => {}
                "not" | "never" | "neither" | "nor" if reported => modality = Modality::Hedged,
                "not" | "never" | "neither" | "nor" if !trigger.has_negation => negated = true,
                "longer" if j > 0 && norm(&toks[j - 1]) == "no" => negated = true,
                "refused" | "refuses" | "refuse" | "declined" | "declines" | "failed" | "fails"
                | "refusing" | "failing" => negated = true,
                "will" | "'ll" | "shall" | "plans" | "planned" | "plan" | "intends" | "intend"
                | "going" | "set" => modality = Modality::Future,
                // "threatened to attack X", "vowed to retaliate against X": the act is promised,
                // not done ("tried to block X": attempted)
                "threatened" | "threatens" | "threaten" | "threatening" | "vowed" | "vows"
                | "vow" | "pledged" | "pledges" | "promised" | "promises" | "offered"
                | "offers" | "proposed" | "proposes" | "agreed" | "agrees" | "decided"
                | "decides"
                    if control =>
                {
                    modality = Modality::Future
                }
                "tried" | "tries" | "try" | "attempted" | "attempts" | "sought" | "seeks"
                | "wants" | "wanted" | "hopes" | "hoped" | "need" | "needs" | "needed"
                    if control =>
                {
                    modality = Modality::Hedged
                }
                "may" | "might" | "could" | "expected" | "likely" | "reportedly" | "allegedly"
                | "would" | "possibly" | "should" | "must" | "ought" => modality = Modality::Hedged,
                _ => {}
            }
        }
        (negated, modality)
    }

    // ----- patterns ------------------------------------------------------------------------------

    /// Matches a compiled trigger at token `k`; returns the token range it covers and the slot's
    /// argument if the pattern has one.
    fn match_trigger(
        &self,
        doc: &Doc,
        s: usize,
        k: usize,
        t: &CompiledTrigger,
    ) -> Option<(usize, Option<Arg>)> {
        let toks = doc.toks(s);
        let mut j = k;
        let mut slot = None;
        for (i, item) in t.items.iter().enumerate() {
            match item {
                PatternItem::Word(forms) => {
                    // a place or a date may stand before a pattern's final preposition:
                    // "demonstrated in Nairobi against X", "rallied on Monday against X"
                    if i > 0
                        && i + 1 == t.items.len()
                        && j < toks.len()
                        && !forms.contains(norm(&toks[j]))
                        && forms.iter().all(|f| PREPOSITIONS.contains(&f.as_str()))
                        && let Some(e) = self.place_or_date_adjunct(doc, s, j)
                        && toks.get(e).is_some_and(|t| forms.contains(norm(t)))
                    {
                        j = e;
                    }
                    if j >= toks.len() || !forms.contains(norm(&toks[j])) {
                        return None;
                    }
                    j += 1;
                }
                PatternItem::Slot => {
                    let mut a = j;
                    while a < toks.len() && DETERMINERS.contains(&norm(&toks[a])) {
                        a += 1;
                    }
                    // "called for him to step down", "urged them to": the pronoun's referent
                    if a < toks.len() && matches!(norm(&toks[a]), "him" | "her" | "them") {
                        let mut arg = self.pronoun(doc, s, a, &[])?;
                        arg.last_tok = a + 1;
                        j = a + 1;
                        slot = Some(arg);
                        continue;
                    }
                    // "encourage President Mugabe and ... to": the title before the name
                    a = self.past_title(doc, s, a);
                    let m = doc.mention_starting_at(s, a)?;
                    let arg = self.extend_right(doc, s, m);
                    j = arg.last_tok;
                    slot = Some(arg);
                }
            }
        }
        Some((j, slot))
    }

    #[allow(clippy::too_many_arguments)]
    fn emit(
        &self,
        doc: &Doc,
        out: &mut Vec<RelationMention>,
        s: usize,
        subj: &Arg,
        obj: &Arg,
        predicate: &str,
        trig: (usize, usize),
        negated: bool,
        modality: Modality,
        base: f64,
        pattern: &'static str,
    ) {
        let toks = doc.toks(s);
        // "a warrant for his arrest, according to the Associated Press": the source of a report
        // is no party to what it reports (a title in the source phrase still names a role)
        if !is_structural(pattern) && [subj, obj].iter().any(|a| cited_source(toks, a.first_tok)) {
            return;
        }
        // one person does not head another ("Biden led Trump in the polls"); a title names
        // the office ("the leader of X": X is an organization whatever its type here)
        // only a person leads or represents (the ontology's domain): "the DUP led by Ian
        // Paisley and Sinn Féin" makes no party a leader
        let person = |e: &usize| doc.class_of(*e) == "Person";
        let subj = if matches!(predicate, "leads" | "represents")
            && subj.entities.len() > 1
            && subj.entities.iter().any(person)
        {
            subj.only(person)
        } else {
            subj.clone()
        };
        let obj = if predicate == "leads" && pattern == "verb" {
            obj.only(|e| !person(e))
        } else {
            obj.clone()
        };
        if obj.entities.is_empty() {
            return;
        }
        // "it called for the US and EU to ...": a pronoun resolved to one of its own objects
        // refers to someone else
        if subj.indirect
            && !obj.indirect
            && matches!(norm(&toks[subj.first_tok]), "it" | "they" | "he" | "she")
            && subj.entities.iter().any(|e| obj.entities.contains(e))
        {
            return;
        }
        // "led China's delegation", "an Iraqi delegation, headed by X": who heads a part of an
        // actor that acts for it (a state agent noun, not the government itself) speaks for
        // the actor without leading it, as the head of such a part after a title does
        let predicate = if predicate == "leads"
            && matches!(pattern, "verb" | "passive")
            && self.heads_part_after(doc, s, obj.last_tok)
        {
            "represents"
        } else {
            predicate
        };
        let (subj, obj) = (&subj, &obj);
        let first = subj.first_tok.min(obj.first_tok).min(trig.0);
        let last = subj.last_tok.max(obj.last_tok).max(trig.1).min(toks.len());
        let span = Span::new(toks[first].span.start, toks[last - 1].span.end);
        let trigger = doc.text[toks[trig.0].span.start..toks[trig.1 - 1].span.end].to_string();
        // the pattern's precision measured on the dev gold; `base` is the prior for a pattern
        // the calibration has not seen
        let mut conf = ConfidenceTable::embedded().get(pattern).unwrap_or(base);
        if subj.indirect || obj.indirect {
            conf *= 0.85;
        }
        if modality != Modality::Asserted {
            conf *= 0.8;
        }
        let mut family = self.ontology.family_of(predicate);
        // "will impose sanctions on X unless ...", "will boycott X's elections unless ...": a
        // hostile act promised on a condition is a threat (CAMEO 13)
        let conditional = modality == Modality::Future
            && !negated
            && matches!(family, "CONFLICT" | "DISAPPROVE")
            && toks[trig.1..]
                .iter()
                .take_while(|t| !matches!(norm(t), ";" | "." | ":"))
                .any(|t| matches!(norm(t), "unless" | "if"));
        // "threatened to launch an offensive against X", "threatens to veto X": a hostile act
        // threatened is a threat to its target
        let threatened = modality == Modality::Future
            && !negated
            && matches!(family, "CONFLICT" | "DISAPPROVE")
            && (trig.0.saturating_sub(6)..trig.0).any(|j| {
                matches!(
                    norm(&toks[j]),
                    "threatened" | "threatens" | "threaten" | "threatening"
                ) && toks.get(j + 1).is_some_and(|t| norm(t) == "to")
            });
        let threat = (conditional || threatened)
            .then(|| {
                self.ontology
                    .predicates
                    .values()
                    .find(|p| p.family == "THREATEN")
            })
            .flatten();
        let predicate = match threat {
            Some(p) => {
                family = "THREATEN";
                p.local.as_str()
            }
            None => predicate,
        };
        // "London Mayor Sadiq Khan": a city's own office acts for the city, not for its state
        let local_office = pattern == "title"
            && self
                .lex
                .local_office_titles
                .contains(&trigger.to_lowercase());
        for &a in &subj.entities {
            for &b in &obj.entities {
                let (a, b) = if local_office {
                    (a, b)
                } else if family != "PART" {
                    (self.metonymy(doc, a), self.metonymy(doc, b))
                } else {
                    (a, b)
                };
                if a == b {
                    continue;
                }
                out.push(RelationMention {
                    subject: a,
                    predicate: predicate.to_string(),
                    object: b,
                    negated,
                    modality,
                    confidence: (conf * 100.0).round() / 100.0,
                    sentence: s,
                    span,
                    trigger: trigger.clone(),
                    trigger_start: toks[trig.0].span.start,
                    attributed_to: None,
                    pattern,
                });
            }
        }
    }

    /// "ran for Congress", "is running against X", "ran as the party's candidate", "running to
    /// become president": a candidacy verb (`ng:candidacyVerb`) before one of these words names
    /// a candidacy, not the relation.
    fn candidacy(&self, t: &CompiledTrigger, toks: &[Token], end: usize) -> bool {
        self.lex.candidacy_verbs.contains(&t.pattern)
            && toks.get(end).is_some_and(|w| {
                matches!(
                    norm(w),
                    "for"
                        | "against"
                        | "as"
                        | "in"
                        | "under"
                        | "with"
                        | "to"
                        | "on"
                        | "unsuccessfully"
                        | "again"
                        | "mate"
                        | "mates"
                        | "off"
                )
            })
    }

    /// A capital standing for its state ("talks between Belgrade and Pristina").
    fn metonymy(&self, doc: &Doc, e: usize) -> usize {
        let ent = &doc.ents.entities[e];
        match (ent.class.as_str(), ent.state) {
            ("City", Some(st)) => st,
            _ => e,
        }
    }

    fn triggers(&self, doc: &Doc, s: usize, out: &mut Vec<RelationMention>) {
        let toks = doc.toks(s);
        let mut k = 0;
        while k < toks.len() {
            if doc.ment_at[s][k].is_some() {
                k += 1;
                continue;
            }
            // longest matching trigger at k
            let mut best: Option<(usize, usize, Option<Arg>)> = None;
            for &ti in self.lex.starting_with(norm(&toks[k])) {
                let t = &self.lex.triggers[ti];
                if matches!(
                    t.kind,
                    TriggerKind::Title | TriggerKind::Evaluative | TriggerKind::Deontic
                ) {
                    continue;
                }
                // a verb frame with an object slot needs a verb: "its call for Burundi to act"
                // is the noun "call" ("call for X to" is the verb's frame)
                if t.kind == TriggerKind::Verb
                    && matches!(doc.upos(s, k), Some("NOUN" | "PROPN"))
                    && t.items.iter().any(|i| matches!(i, PatternItem::Slot))
                {
                    continue;
                }
                if let Some((end, slot)) = self.match_trigger(doc, s, k, t)
                    && best.as_ref().is_none_or(|(_, e, _)| end > *e)
                {
                    best = Some((ti, end, slot));
                }
            }
            let Some((ti, end, slot)) = best else {
                k += 1;
                continue;
            };
            let t = &self.lex.triggers[ti];
            let prev = if k > 0 { norm(&toks[k - 1]) } else { "" };
            // the tagger decides verb or noun when it ran; surface cues otherwise
            // "a banned organization", "the main fighting force": a trigger word that modifies
            // the noun after it is no trigger
            let modifier = matches!(doc.upos(s, end), Some("NOUN" | "ADJ" | "PROPN"))
                && matches!(doc.upos(s, k), Some("VERB" | "NOUN" | "ADJ"))
                && (toks[k].lower.ends_with("ed") || toks[k].lower.ends_with("ing"))
                && (k > 0
                    && (matches!(
                        prev,
                        "a" | "an" | "the" | "this" | "its" | "their" | "main" | "his" | "her"
                    ) || doc.upos(s, k - 1) == Some("NUM")
                        // ("those urging Israel to": a demonstrative heads its own phrase)
                        || doc.upos(s, k - 1) == Some("DET")
                            && !matches!(
                                prev,
                                "those" | "these" | "that" | "all" | "both" | "each" | "some"
                                    | "any"
                            )));
            // "telephone numbers", "terrorism sponsors", "aid workers in X": a trigger noun that
            // modifies the common noun after it names no act, unless that noun's phrase goes on
            // to the act's participant ("cooperation schemes with X", "aid shipments to X") and
            // is no trigger of its own ("membership talks with X" are talks)
            let compound = matches!(t.items.last(), Some(PatternItem::Word(_)))
                && matches!(doc.upos(s, k), Some("NOUN"))
                && matches!(doc.xpos(s, end), Some("NN" | "NNS"))
                && doc.ment_at[s].get(end).is_some_and(Option::is_none)
                && !is_time_word(norm(&toks[end]))
                && (!self.lex.starting_with(norm(&toks[end])).is_empty()
                    || !toks.get(end + 1).is_some_and(|n| {
                        matches!(norm(n), "with" | "against" | "to" | "for" | "on")
                    }));
            // "take back spent uranium", "flew its soldiers back to X": a particle or adverb is
            // no verb of its own ("jointly" is a manner adverb the ontology lists on purpose)
            let particle = t.kind == TriggerKind::Verb
                && t.items.len() == 1
                && (matches!(doc.upos(s, k), Some("ADP" | "PART"))
                    || (doc.upos(s, k) == Some("ADV") && !toks[k].lower.ends_with("ly")));
            // "ruled out", "struck down", "signed on to": a phrasal verb is another verb than
            // its head (those that are triggers are listed whole: "hit out at"); "up" is left
            // alone ("backed up" still supports, "killed up to ten" is no particle)
            // ("on" only where the tagger says particle: "signed on Monday" is a date)
            let phrasal = t.kind == TriggerKind::Verb
                && t.items.len() == 1
                && toks.get(end).is_some_and(|p| match norm(p) {
                    "out" | "down" | "off" | "away" => true,
                    "on" => doc.xpos(s, end) == Some("RP"),
                    _ => false,
                });
            if modifier || compound || particle || phrasal {
                k = end.max(k + 1);
                continue;
            }
            // "a hunger strike", "went on strike": a protest, not a use of force
            if self.lex.protest_noun_modifiers.contains(prev)
                && self.ontology.family_of(&t.predicate) == "CONFLICT"
            {
                k = end.max(k + 1);
                continue;
            }
            // "Israeli helicopters and tanks shelled positions of X": an -ed form the tagger
            // calls an adjective between a noun and a noun phrase is a misread past tense
            let misread_past = doc.upos(s, k) == Some("ADJ")
                && toks[k].lower.ends_with("ed")
                && k > 0
                && (doc.ment_at[s][k - 1].is_some()
                    || matches!(doc.upos(s, k - 1), Some("NOUN" | "PROPN")))
                && (doc.ment_at[s].get(end).is_some_and(|m| m.is_some())
                    || matches!(doc.upos(s, end), Some("DET" | "NUM" | "PROPN" | "NOUN")));
            let (nominal, attributive) = match doc.upos(s, k) {
                Some("NOUN" | "PROPN") => (true, false),
                Some("ADJ") if misread_past => (false, false),
                Some("ADJ") => (false, true),
                Some("VERB" | "AUX") => (false, false),
                _ => (
                    DETERMINERS.contains(&prev) || prev == "'s",
                    // "over alleged plots": a participle after a preposition modifies a noun
                    toks[k].lower.ends_with("ed") && PREPOSITIONS.contains(&prev),
                ),
            };
            // adjectives need a copula: "X is against Y", "X remains opposed to Y"
            let copular = {
                let mut b = k;
                while b > 0
                    && AUX.contains(&norm(&toks[b - 1]))
                    && !BE.contains(&norm(&toks[b - 1]))
                {
                    b -= 1;
                }
                b > 0
                    && (BE.contains(&norm(&toks[b - 1]))
                        || matches!(
                            norm(&toks[b - 1]),
                            "remain" | "remains" | "remained" | "stay" | "stays" | "stayed"
                        ))
            };
            match t.kind {
                TriggerKind::Verb if attributive => {}
                TriggerKind::Verb if !nominal => {
                    // a verb form that is also a noun ("the 1990s bombing of Serbia by NATO"):
                    // when the verbal reading finds nothing, try the nominal one (a past
                    // participle reads as a noun only with its agent: "signed by A and B", not
                    // "were each contacted for this story")
                    let before = out.len();
                    self.verb_pattern(doc, s, k, end, t, slot, out);
                    if out.len() == before
                        && (doc.xpos(s, k) != Some("VBN")
                            || toks.get(end).is_some_and(|n| n.lower == "by"))
                        && toks.get(end).is_some_and(|n| {
                            matches!(n.lower.as_str(), "of" | "by" | "against" | "on" | "for")
                        })
                    {
                        self.noun_pattern(doc, s, k, end, t, out);
                    }
                }
                // a one-word verb trigger read as a noun names an act only when the ontology
                // lists the noun too ("the attack on X"; not "an order for planes", "in order to")
                TriggerKind::Verb
                    if t.items.len() == 1
                        && !self.lex.noun_trigger_forms.contains(norm(&toks[k])) => {}
                TriggerKind::Verb | TriggerKind::Noun => self.noun_pattern(doc, s, k, end, t, out),
                TriggerKind::Adjective if copular => {
                    self.verb_pattern(doc, s, k, end, t, slot, out)
                }
                TriggerKind::Inverse => self.agentive(doc, s, (k, end), t, 10, 0.7, "inverse", out),
                _ => {}
            }
            k = end.max(k + 1);
        }
    }

    /// Passive and inverse patterns: the object stands left of the trigger ("Kosovo was condemned",
    /// "UNMIK has drawn fire"), the subject is the agent after "by"/"from" within `max` tokens.
    #[allow(clippy::too_many_arguments)]
    fn agentive(
        &self,
        doc: &Doc,
        s: usize,
        trig: (usize, usize),
        t: &CompiledTrigger,
        max: usize,
        base: f64,
        pattern: &'static str,
        out: &mut Vec<RelationMention>,
    ) {
        let (negated, modality) = self.polarity(doc, s, trig.0, t);
        if let (Some(obj), Some(subj)) = (
            self.subject_left(doc, s, trig.0),
            // a passive's agent follows "by"; "expelled from X" names a source
            self.agent_right(doc, s, trig.1, max, pattern != "passive"),
        ) {
            self.emit(
                doc,
                out,
                s,
                &subj,
                &obj,
                &t.predicate,
                trig,
                negated,
                modality,
                base,
                pattern,
            );
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn verb_pattern(
        &self,
        doc: &Doc,
        s: usize,
        k: usize,
        end: usize,
        t: &CompiledTrigger,
        slot: Option<Arg>,
        out: &mut Vec<RelationMention>,
    ) {
        let toks = doc.toks(s);
        let (negated, modality) = self.polarity(doc, s, k, t);
        // passive: be-form before a participle, agent after "by" (adverbs between: "was
        // heavily criticised by X", "has also been condemned by X"; a floating quantifier:
        // "Robinson and Seidenberg were each contacted", which someone else did to both)
        let mut b = k;
        while b > 0
            && (AUX.contains(&norm(&toks[b - 1])) && !BE.contains(&norm(&toks[b - 1]))
                || doc.upos(s, b - 1) == Some("ADV")
                || matches!(norm(&toks[b - 1]), "not" | "each" | "both" | "all"))
        {
            b -= 1;
        }
        // (irregular participles by their tag: "was shot", "were hit")
        let passive = b > 0
            && BE.contains(&norm(&toks[b - 1]))
            && (toks[k].lower.ends_with("ed")
                || toks[k].lower.ends_with("en")
                || toks[k].lower == "met"
                || toks[k].lower == "held"
                || doc.xpos(s, k) == Some("VBN"));
        // a participle modifying a noun is passive too ("a committee supported by X"), and so is
        // one conjoined to a passive ("were sentenced and ordered to pay X")
        let participle = doc.xpos(s, k) == Some("VBN");
        // a participle the parse hangs on a noun but followed by a noun phrase is a misread
        // past tense: a reduced relative takes no direct object ("British aircraft using guided
        // missiles killed four Iraqis"; "the soldiers killed in the attack" stays passive)
        let takes_object = toks.get(end).is_some_and(|t| !is_date_word(norm(t)))
            && (doc.ment_at[s].get(end).is_some_and(|m| m.is_some())
                || matches!(doc.upos(s, end), Some("DET" | "NUM" | "PROPN")));
        let reduced_relative = matches!(doc.xpos(s, k), Some("VBN" | "VBD"))
            && match doc.deprel(s, k) {
                Some("acl") => participle && !takes_object,
                // the tagger often calls such a conjunct a past tense
                Some("conj") => doc.syntax[s].as_ref().is_some_and(|syn| {
                    let h = syn.words[k].head;
                    syn.words.iter().any(|w| {
                        w.head == h && matches!(w.deprel.as_str(), "nsubj:pass" | "aux:pass")
                    })
                }),
                _ => false,
            }
            // "Hamas, led by Ismail Haniyeh, ...", "the party led by X": a participle right
            // after a name (or its comma) with its agent after "by", whatever the parse says
            || matches!(doc.xpos(s, k), Some("VBN" | "VBD"))
                && toks.get(end).is_some_and(|t| norm(t) == "by")
                && k > 0
                && (norm(&toks[k - 1]) == "," && k > 1 && doc.mention_ending_at(s, k - 1).is_some()
                    || doc.mention_ending_at(s, k).is_some());
        let passive = (passive || reduced_relative) && t.kind == TriggerKind::Verb;
        if passive {
            self.agentive(doc, s, (k, end), t, 8, 0.75, "passive", out);
            return;
        }
        let adjunct = self.participial_adjunct(doc, s, k);
        let subj = if adjunct {
            self.main_subject(doc, s, k)
        } else {
            self.subject_left(doc, s, k)
        };
        let Some(subj) = subj else {
            return;
        };
        let subj = match self.parse_subject_check(doc, s, k, &subj) {
            SubjectCheck::Agrees => subj,
            SubjectCheck::Replace(parsed) => parsed,
            SubjectCheck::Contradicts => return,
        };
        // entities inside the subject phrase ("most members of the European Union") are not what
        // an object pronoun refers to
        let mut exclude = subj.entities.clone();
        for m in doc.ents.mentions.iter().filter(|m| {
            m.sentence == s
                && m.tok_start >= subj.first_tok
                && m.tok_end <= if adjunct { subj.last_tok } else { k }
        }) {
            if !exclude.contains(&m.entity) {
                exclude.push(m.entity);
            }
        }
        // "threatened to cut off electricity to X", "agreed to lift the embargo on X": the
        // object sits in the infinitive complement, unless its verb is a trigger of its own
        // a symmetric predicate's partner is never in the complement: "the EU agreed to send
        // police to Kosovo" made no agreement with Kosovo
        let symmetric = self
            .ontology
            .predicate(&t.predicate)
            .is_some_and(|p| p.symmetric);
        // a time word may stand before the complement: "threatened Monday to resume ..."
        let mut to = end;
        if toks.get(to).is_some_and(|t| norm(t) == "on")
            && toks.get(to + 1).is_some_and(|t| is_date_word(norm(t)))
        {
            to += 2;
        } else if toks.get(to).is_some_and(|t| is_time_word(norm(t))) {
            to += 1;
        }
        let infinitive =
            toks.get(to).is_some_and(|t| norm(t) == "to") && doc.upos(s, to + 1) == Some("VERB");
        let complement = !symmetric
            && infinitive
            && self
                .longest_trigger(doc, s, to + 1, TriggerKind::Verb)
                .is_none();
        // a place where something happens is no object ("met in Chongqing", "signed the treaty
        // in Luxembourg"), unless the ontology says the action is aimed at it ("fighting in X")
        let placed = self
            .ontology
            .predicate(&t.predicate)
            .is_some_and(|p| p.place_is_object);
        // "declined to comment on X", "refused to say whether X": speech about the object is
        // no act toward it
        let mute = complement
            && toks
                .get(to + 1)
                .is_some_and(|v| self.lex.speech_complement_verbs.contains(norm(v)));
        let family = self.ontology.family_of(&t.predicate);
        let threat = family == "THREATEN";
        // "fight for X's interests" is on X's side; "slammed into the coast" is a motion, not a
        // stance; "warned about X", "warned of X" names a danger, not the one warned
        let beside = match family {
            "CONFLICT" => toks.get(end).is_some_and(|w| norm(w) == "for"),
            "DISAPPROVE" => toks
                .get(end)
                .is_some_and(|w| matches!(norm(w), "for" | "into")),
            "THREATEN" => toks
                .get(end)
                .is_some_and(|w| matches!(norm(w), "about" | "of")),
            _ => self.candidacy(t, toks, end),
        };
        // a pronoun in the pattern's slot refers to someone other than the subject ("X
        // criticized Y and called for him to step down")
        let slot = match slot {
            Some(a) if matches!(norm(&toks[a.first_tok]), "him" | "her" | "them") => {
                self.pronoun(doc, s, a.first_tok, &subj.entities)
            }
            other => other,
        };
        let obj = match slot {
            Some(a) => Some(a),
            None if mute || beside => None,
            None if complement => self.complement_object(doc, s, to + 2, &exclude),
            // an infinitive whose verb is a trigger of its own relates the complement's object
            // ("refused to contribute troops to X" is no rejection of X), but refusing to meet
            // or deal with X rejects X (CAMEO 12)
            None if infinitive
                && !(family == "DISAPPROVE" && self.symmetric_verb_at(doc, s, to + 1)) =>
            {
                None
            }
            None => self
                .object_right(doc, s, end, &exclude, 10, threat)
                .and_then(|a| {
                    if placed || !self.after_locative(doc, s, a.first_tok, end) {
                        return Some(a);
                    }
                    // "met in Geneva with X", "protested in Paris against X": past the place, a
                    // participant phrase names the object
                    let mut after = a.last_tok;
                    // ("met in Damascus, Syria with X": past the city's country)
                    if let Some(city) = doc.mention_ending_at(s, after)
                        && let Some(c) = doc.mention_starting_at(s, after + 1)
                        && self.locates_city(doc, s, city, c)
                    {
                        after = doc.ents.mentions[c].tok_end;
                    }
                    toks.get(after)
                        .is_some_and(|t| matches!(norm(t), "with" | "against"))
                        .then(|| self.object_right(doc, s, after, &exclude, 6, threat))
                        .flatten()
                })
                // a request for an act names the actor asked to perform it: "demanded an
                // immediate admission by X", as "demanded an apology from X" does
                .or_else(|| {
                    let request = family == "REQUEST";
                    let noun_phrase = toks
                        .get(end)
                        .is_some_and(|w| DETERMINERS.contains(&norm(w)));
                    (request && noun_phrase)
                        .then(|| {
                            self.agent_right(doc, s, end + 1, 4, false)
                                .or_else(|| self.convened_body(doc, s, end))
                        })
                        .flatten()
                        .filter(|a| !a.entities.iter().any(|e| exclude.contains(e)))
                })
                .or_else(|| self.relative_object(doc, s, &subj, &exclude)),
        };
        // "threatened to strike unless the government raised wages", "warned that it would close
        // the border if Syria did not hand over X": a conditional threat is aimed at whoever
        // must meet the condition
        let obj = match obj {
            None if threat && !mute && !beside => self.condition_subject(doc, s, end, &exclude),
            other => other,
        };
        // "attacked Trump for the tweet", "attacked Obama's use of earmarks": a verbal attack
        // is criticism; "stopped supplying gas to X", "halted funding X": ending cooperation
        // reduces relations, as the noun's "halted aid to X" does
        let ceased = family == "COOPERATE"
            && !symmetric
            && doc.xpos(s, k) == Some("VBG")
            && k > 0
            && self.lex.cessation_forms.contains(norm(&toks[k - 1]));
        let predicate = match &obj {
            Some(o) if t.predicate == "attacks" && self.verbal_attack(doc, s, o) => "condemns",
            Some(_) if ceased && !negated => "sanctions",
            _ => t.predicate.as_str(),
        };
        match obj {
            Some(obj) => self.emit(
                doc,
                out,
                s,
                &subj,
                &obj,
                predicate,
                (k, end),
                negated,
                modality,
                0.8,
                "verb",
            ),
            None => {
                // "Russia and China met": a symmetric predicate between coordinated subjects
                if symmetric && subj.entities.len() >= 2 {
                    self.emit_pairwise(doc, out, s, &subj, t, (k, end), negated, modality);
                }
            }
        }
    }

    /// The actor that opens an "unless" / "if" clause after token `from` in sentence `s` (its
    /// subject, past determiners and a title), unless it is one of `exclude`.
    fn condition_subject(
        &self,
        doc: &Doc,
        s: usize,
        from: usize,
        exclude: &[usize],
    ) -> Option<Arg> {
        let toks = doc.toks(s);
        let c = (from..toks.len().min(from + 20))
            .take_while(|&j| !matches!(norm(&toks[j]), ";" | ":" | "“" | "”" | "\""))
            .find(|&j| matches!(norm(&toks[j]), "unless" | "if"))?;
        let mut g = self.actor_phrase(doc, s, c + 1, false)?;
        if exclude.contains(&g.entities[0]) {
            return None;
        }
        g.entities.retain(|x| !exclude.contains(x));
        (!g.entities.is_empty()).then_some(g)
    }

    /// The actor phrase opening at token `a` of sentence `s`: past determiners and a title, the
    /// head of the noun phrase that a mention starts ("Zimbabwe's President X" is X) as an actor,
    /// with the actors coordinated after it.
    fn actor_phrase(&self, doc: &Doc, s: usize, mut a: usize, as_object: bool) -> Option<Arg> {
        let toks = doc.toks(s);
        while a < toks.len() && DETERMINERS.contains(&norm(&toks[a])) {
            a += 1;
        }
        let a = self.past_title(doc, s, a);
        let m = self.np_head(doc, s, doc.mention_starting_at(s, a)?);
        let e = self.actor_entity(doc, s, m, as_object)?;
        let mut g = self.extend_right(doc, s, m);
        g.entities[0] = e;
        Some(g)
    }

    /// The token after a capitalized title at `a` that a person's name follows ("President
    /// Robert Mugabe"); `a` itself otherwise.
    fn past_title(&self, doc: &Doc, s: usize, a: usize) -> usize {
        let toks = doc.toks(s);
        if a < toks.len()
            && doc.mention_starting_at(s, a).is_none()
            && toks[a].text.starts_with(char::is_uppercase)
            && let Some(e) = self.title_at(doc, s, a)
            && doc
                .mention_starting_at(s, e)
                .is_some_and(|m| doc.class_of(doc.ents.mentions[m].entity) == "Person")
        {
            e
        } else {
            a
        }
    }

    /// The antecedent of an object relative clause whose subject is `subj` ("Cyprus, which
    /// Turkey does not recognize", "the rebels, whom the government accuses of ..."): the
    /// relative pronoun stands for the verb's object.
    fn relative_object(&self, doc: &Doc, s: usize, subj: &Arg, exclude: &[usize]) -> Option<Arg> {
        let toks = doc.toks(s);
        let r = subj.first_tok.checked_sub(1)?;
        // (not "that": "warned the EU that Russia would veto" is a complement clause)
        if subj.indirect || !matches!(norm(&toks[r]), "which" | "whom") {
            return None;
        }
        let mut j = r;
        if j > 0 && norm(&toks[j - 1]) == "," {
            j -= 1;
        }
        let m = doc.mention_ending_at(s, j)?;
        let e = self.actor_entity(doc, s, m, true)?;
        let mm = &doc.ents.mentions[m];
        (!exclude.contains(&e)).then(|| Arg::named(e, mm.tok_start, mm.tok_end))
    }

    fn noun_pattern(
        &self,
        doc: &Doc,
        s: usize,
        k: usize,
        end: usize,
        t: &CompiledTrigger,
        out: &mut Vec<RelationMention>,
    ) {
        let toks = doc.toks(s);
        if self.candidacy(t, toks, end) {
            return;
        }
        let (negated, modality) = self.polarity(doc, s, k, t);
        // object: a preposition right after the noun
        let symmetric = self
            .ontology
            .predicate(&t.predicate)
            .is_some_and(|p| p.symmetric);
        let mut j = end;
        // a verb trigger read as a noun keeps its preposition ("talks with Y" from "talk with"):
        // the object search starts at that preposition
        if end > k + 1
            && matches!(
                norm(&toks[end - 1]),
                "with" | "to" | "for" | "against" | "on"
            )
        {
            j = end - 1;
        }
        if j < toks.len() && norm(&toks[j]) == "between" && symmetric {
            // "talks between X and Y"
            let mut a = j + 1;
            while a < toks.len() && DETERMINERS.contains(&norm(&toks[a])) {
                a += 1;
            }
            if let Some(m) = doc.mention_starting_at(s, a) {
                let g = self.extend_right(doc, s, m);
                if g.entities.len() >= 2 {
                    let sa = Arg {
                        entities: vec![g.entities[0]],
                        ..g.clone()
                    };
                    let sb = Arg {
                        entities: g.entities[1..].to_vec(),
                        ..g.clone()
                    };
                    self.emit(
                        doc,
                        out,
                        s,
                        &sa,
                        &sb,
                        &t.predicate,
                        (k, end),
                        negated,
                        modality,
                        0.75,
                        "noun-between",
                    );
                }
            }
            return;
        }
        // an actor's stance or action, not a relation of belonging ("the Chinese city of X")
        let stance = self
            .ontology
            .predicate(&t.predicate)
            .is_some_and(|p| !matches!(p.family.as_str(), "PART" | "AFFILIATION"));
        let mut obj: Option<Arg> = None;
        let mut subj: Option<Arg> = None;
        let mut obj_by_of = false;
        // whether the "by" / "from" agent follows another common noun ("criticism for not
        // matching an offer by X": X made the offer, not the criticism)
        let mut agent_after_noun = false;
        let family = self.ontology.family_of(&t.predicate);
        let threat = family == "THREATEN";
        // "its demand that Israel ease restrictions on X": the subject of a request's "that"
        // clause is asked to act (the clause's own phrases are not the noun's)
        if !symmetric && family == "REQUEST" {
            let mut a = j;
            while a < toks.len() && is_time_word(norm(&toks[a])) {
                a += 1;
            }
            if a < toks.len() && norm(&toks[a]) == "that" {
                if let Some(g) = self.actor_phrase(doc, s, a + 1, true) {
                    let mut v = g.last_tok;
                    while v < toks.len() && doc.upos(s, v) == Some("ADV") {
                        v += 1;
                    }
                    // a request clause's verb is a bare form or a modal ("that X return",
                    // "that X should"; the tagger may read a bare form as a noun); a past or
                    // third-person one is a relative clause: "the appeal that X signed with Y"
                    // names who made the appeal, not who is asked
                    if !matches!(doc.xpos(s, v), Some("VBD" | "VBZ" | "VBN" | "POS")) {
                        obj = Some(g);
                    }
                }
                // either way nothing after "that" is the noun's own phrase
                j = toks.len();
            }
        }
        while j < toks.len() && j < end + 8 {
            let w = norm(&toks[j]);
            if BOUNDARY.contains(&w) || w == "," {
                break;
            }
            // a phrase after an infinitive is that verb's: "its call for X to withdraw from Y"
            // (Y does not call), "calls for X to resign or be sacked by Y" (finite verbs may
            // still take the noun's phrase: "calls for X have come from Y")
            // (a threat's infinitive names the target: "threats by X to interfere with Y")
            if j > end + 1 && doc.xpos(s, j) == Some("VB") && !threat {
                let mut b = j - 1;
                while b > end && doc.upos(s, b) == Some("ADV") {
                    b -= 1;
                }
                if norm(&toks[b]) == "to" {
                    break;
                }
            }
            // "of" belongs to the nearest noun: "exile in Virginia as a resident of the United
            // States" names no one exiled
            // ("the invasion and occupation of Iraq" coordinates two triggers)
            let of_other_noun = w == "of"
                && j > end
                && doc.upos(s, j - 1) == Some("NOUN")
                // (a capitalized one heads a name: "an alliance with the Party of X")
                && toks[j - 1].text.chars().next().is_some_and(char::is_lowercase)
                && !toks[end..j - 1]
                    .iter()
                    .all(|t| matches!(norm(t), "and" | "or" | ","));
            // (a symmetric noun's partner follows "with" or "to": "talks with X", "a visit to
            // X"; "talks on Syria", "a consensus on the Nile" name a topic)
            let of_like = !of_other_noun
                && if symmetric {
                    matches!(w, "to" | "with")
                } else {
                    matches!(
                        w,
                        "of" | "for"
                            | "against"
                            | "on"
                            | "to"
                            | "with"
                            | "toward"
                            | "towards"
                            | "over"
                    )
                };
            // "from Helsinki to Seoul", "from Russia to China": a range of places names no
            // party (both ends are passed)
            if w == "from"
                && let Some(m) = doc.mention_starting_at(s, j + 1)
                && let Some(n) = doc.mention_starting_at(s, doc.ents.mentions[m].tok_end + 1)
                && norm(&toks[doc.ents.mentions[m].tok_end]) == "to"
                && [m, n].iter().all(|&x| {
                    matches!(
                        doc.class_of(doc.ents.mentions[x].entity),
                        "City" | "Country" | "Territory" | "Region"
                    )
                })
            {
                j = doc.ents.mentions[n].tok_end;
                continue;
            }
            if (of_like && obj.is_none()) || matches!(w, "by" | "from") && subj.is_none() {
                // "criticism from both the US and Israel": a predeterminer opens the list
                let mut a = j + 1;
                while a < toks.len()
                    && (DETERMINERS.contains(&norm(&toks[a]))
                        || matches!(norm(&toks[a]), "both" | "either"))
                {
                    a += 1;
                }
                // "aid to war-torn Mozambique", "support for embattled Ukraine": adjectives
                // before a state's name (before a person, a title: "former leader X")
                let mut b = a;
                while b < toks.len()
                    && b < a + 2
                    && doc.ment_at[s][b].is_none()
                    && doc.upos(s, b) == Some("ADJ")
                    && toks[b].text.chars().all(|c| c.is_lowercase() || c == '-')
                {
                    b += 1;
                }
                if b > a
                    && doc.mention_starting_at(s, b).is_some_and(|m| {
                        matches!(
                            doc.class_of(doc.ents.mentions[m].entity),
                            "Country" | "Territory"
                        ) && doc.ents.mentions[m].kind != MentionKind::DemonymAdjective
                    })
                {
                    a = b;
                }
                // "with the navies of China, India ...": an unnamed part of the actor ("with the
                // Party of X", "with President of France X": a capitalized one too)
                if doc.mention_starting_at(s, a).is_none() {
                    let mut b = a;
                    while b < toks.len()
                        && b < a + 2
                        && doc.ment_at[s][b].is_none()
                        && toks[b].text.chars().all(char::is_alphabetic)
                        && (toks[b].text.chars().all(|c| c.is_lowercase())
                            || toks[b].text.chars().skip(1).all(|c| c.is_lowercase()))
                        && !PREPOSITIONS.contains(&norm(&toks[b]))
                    {
                        b += 1;
                    }
                    if b > a && b + 1 < toks.len() && norm(&toks[b]) == "of" {
                        a = b + 1;
                        while a < toks.len() && DETERMINERS.contains(&norm(&toks[a])) {
                            a += 1;
                        }
                    }
                }
                // "negotiations with President Robert Mugabe": the person after the title
                a = self.past_title(doc, s, a);
                if let Some(m) = doc.mention_starting_at(s, a) {
                    let m = self.np_head(doc, s, m);
                    if let Some(e) = self.actor_entity(doc, s, m, true) {
                        let mut g = self.extend_right(doc, s, m);
                        g.entities[0] = e;
                        if matches!(w, "by" | "from") {
                            // "X and Y resumed negotiations on a pullback from Y": after
                            // another common noun, "from" or "by" belongs to that noun ("a
                            // visit to the US by X" is still X's)
                            let nearer_noun = (end..j).any(|x| {
                                doc.ment_at[s][x].is_none()
                                    && doc.upos(s, x) == Some("NOUN")
                                    && !is_time_word(norm(&toks[x]))
                            });
                            if !(symmetric && nearer_noun) {
                                subj = Some(g);
                                agent_after_noun = nearer_noun;
                            }
                        } else {
                            obj = Some(g);
                            obj_by_of = w == "of";
                        }
                    }
                } else if matches!(norm(&toks[a.min(toks.len() - 1)]), "it" | "them") && of_like {
                    obj = self.pronoun(doc, s, a, &[]);
                }
            }
            j += 1;
        }
        // "X has been the target of Russian attacks", "X faces new sanctions from Y": the
        // clause's subject undergoes the action
        // (the frame wins over an object found after the noun: "X has received criticism over
        // its treatment of Y" criticizes X, not Y)
        let mut patient = false;
        if stance
            && !symmetric
            && let Some(p) = self.patient_frame(doc, s, k)
        {
            obj = Some(p);
            patient = true;
            if agent_after_noun {
                subj = None;
            }
        }
        // "gave Ivory Coast 5 million dollars of aid", "will provide 70 million dollars of aid
        // for Romania", "promised to continue military aid to X": a verb of giving governs the
        // noun of a directed cooperation; its indirect object or the noun's "to" / "for" phrase
        // is the recipient
        let giving = !symmetric
            && self
                .ontology
                .predicate(&t.predicate)
                .is_some_and(|p| p.family == "COOPERATE");
        let goods = self.lex.transferred_good_nouns.contains(&t.pattern);
        let mut given = false;
        if giving
            && subj.is_none()
            && let Some((v, recipient)) = self.transfer_frame(doc, s, k)
        {
            if obj.is_none() {
                obj = recipient;
            }
            if obj.is_some() {
                subj = self.subject_left(doc, s, v);
                given = subj.is_some();
            }
        }
        // goods are aid only when given ("delivered weapons to X"), not owned ("Iran's weapons")
        if goods && !given {
            return;
        }
        // subject: a possessor right before ("Russia's condemnation", "its support"), within
        // the noun phrase ("X and Y admitted their involvement and received fines": no verb)
        let mut prenominal = false;
        let mut possessor = false;
        if subj.is_none() && k > 0 {
            let mut p = k;
            while p > 0
                && toks[p - 1].text.chars().all(|c| c.is_lowercase())
                && !DETERMINERS.contains(&norm(&toks[p - 1]))
                && !matches!(doc.xpos(s, p - 1), Some("VBD" | "VBZ" | "VBP" | "MD"))
                && k - p < 4
            {
                p -= 1;
            }
            if p > 0 && matches!(norm(&toks[p - 1]), "'s" | "'") {
                if let Some(m) = doc.mention_ending_at(s, p - 1) {
                    let mm = &doc.ents.mentions[m];
                    subj = Some(Arg::named(mm.entity, mm.tok_start, mm.tok_end));
                    possessor = true;
                }
            } else if p > 0 && matches!(norm(&toks[p - 1]), "its" | "their" | "his" | "her") {
                subj = self.pronoun(doc, s, p - 1, &[]);
            } else if obj.is_some() && !symmetric && stance {
                subj = self.prenominal_actor(doc, s, k, end);
                prenominal = subj.is_some();
            }
        }
        // the noun opens an adjunct of the main clause: "X continued his tour, meeting Y despite
        // criticism from Z" (Z criticizes X), "X said, following talks with Y, ..." (X meets Y)
        let adjunct = {
            let mut p = k;
            while p > 0
                && k - p < 3
                && (DETERMINERS.contains(&norm(&toks[p - 1]))
                    || doc.upos(s, p - 1).is_some_and(|u| u == "ADJ"))
            {
                p -= 1;
            }
            p > 0 && ADJUNCT_OPENERS.contains(&norm(&toks[p - 1]))
        };
        if adjunct {
            match (&subj, &obj) {
                (Some(_), None) if !symmetric => obj = self.main_subject(doc, s, k),
                // only a shared event has the main clause's subject as a party: "Japan
                // surrendered following the bombings of Hiroshima" did not bomb it
                (None, Some(_)) if symmetric => subj = self.main_subject(doc, s, k),
                _ => {}
            }
        }
        // light verbs: "X expressed support for Y", "X gave its backing to Y", "X and Y renewed
        // negotiations"
        // a place or part noun takes its subject through a copula only: "FPMR became the armed
        // wing of X", but not "X was visiting the town of Y"
        let part_noun = self.ontology.family_of(&t.predicate) == "PART";
        // a purpose adjunct acts for the clause's subject: "X began a hunger strike in protest
        // against Y", "X sent troops in support of Y"
        if subj.is_none()
            && !patient
            && !symmetric
            && !part_noun
            && obj.is_some()
            && k >= 2
            && norm(&toks[k - 1]) == "in"
            && self.lex.purpose_adjunct_nouns.contains(norm(&toks[k]))
        {
            subj = self
                .subject_left(doc, s, k - 1)
                .or_else(|| self.main_subject(doc, s, k - 1));
        }
        // "X claimed responsibility for the attack on Y": who claims an act performed it
        if subj.is_none() && !patient && !symmetric && stance && obj.is_some() {
            subj = self
                .responsibility_claim(doc, s, k)
                .and_then(|v| self.subject_left(doc, s, v));
        }
        if subj.is_none() && !patient && (obj.is_some() || symmetric) {
            let mut p = k;
            // (modifiers of the noun do not count: "participate in power sharing negotiations")
            let mut steps = 0;
            while p > 0
                && steps < 4
                && k - p < 7
                && doc.ment_at[s][p - 1].is_none()
                && !BOUNDARY.contains(&norm(&toks[p - 1]))
                && norm(&toks[p - 1]) != ","
                // the noun is in an adjunct: "X surrendered following the bombings of Y"
                && !ADJUNCT_OPENERS.contains(&norm(&toks[p - 1]))
                // an oblique noun is no light verb's object: "X distanced himself from the
                // killing of Y", "X spoke about the invasion of Y" ("took part in the talks
                // with Y", "entered into an agreement with Y" still take part)
                && (!PREPOSITIONS.contains(&norm(&toks[p - 1]))
                    || matches!(norm(&toks[p - 1]), "in" | "into"))
            {
                p -= 1;
                let w = norm(&toks[p]);
                let modifier = matches!(doc.upos(s, p), Some("NOUN" | "ADJ"))
                    && toks[p].text.chars().all(|c| c.is_lowercase() || c == '-');
                if !modifier {
                    steps += 1;
                }
                let copula = matches!(
                    w,
                    "is" | "was" | "are" | "were" | "remains" | "remained" | "became" | "becomes"
                );
                if part_noun {
                    if copula {
                        subj = self.subject_left(doc, s, p);
                        break;
                    }
                    continue;
                }
                if matches!(
                    w,
                    "is" | "was"
                        | "are"
                        | "were"
                        | "remains"
                        | "remained"
                        | "became"
                        | "becomes"
                        | "expressed"
                        | "voiced"
                        | "gave"
                        | "offered"
                        | "showed"
                        | "pledged"
                        | "reiterated"
                        | "expresses"
                        | "voices"
                        | "gives"
                        | "offers"
                        | "shows"
                        | "pledges"
                        | "declared"
                        | "announced"
                        | "signed"
                        | "held"
                        | "holds"
                        | "hold"
                        | "sign"
                        | "signs"
                        | "reached"
                        | "launched"
                        | "carried"
                        | "imposed"
                        | "imposes"
                        | "issued"
                        | "made"
                        | "expressing"
                        | "showing"
                        | "providing"
                        | "provides"
                        | "provided"
                ) || doc.upos(s, p).is_some_and(|u| u == "VERB")
                    // a verb that is itself a trigger of another family takes the noun phrase
                    // as its object: "Russia denounced the invasion of Iraq" did not invade
                    // ("X served as the chair of Y" still leads it)
                    // (one that matches here: "provide" opens "provide aid to" but "will
                    // provide support to Israel" is support)
                    && !self.lex.starting_with(w).iter().any(|&ti| {
                        let other = &self.lex.triggers[ti];
                        let f = self.ontology.family_of(&other.predicate);
                        f != self.ontology.family_of(&t.predicate)
                            && self.match_trigger(doc, s, p, other).is_some()
                    })
                    // nor does a reporting verb ("described the criticism of X"), unless a
                    // preposition opens an adjunct ("said in a meeting with X")
                    && (!self.lex.reporting_forms.contains(w)
                        || (p + 1..k).any(|x| PREPOSITIONS.contains(&norm(&toks[x]))))
                    // nor one whose subject only saw or underwent it ("witnessed the torture")
                    && !self.lex.observer_forms.contains(w)
                {
                    subj = self.subject_left(doc, s, p);
                    break;
                }
            }
        }
        // "X halted aid to Y", "X cancelled a visit to Y": ending cooperation reduces relations
        let cooperative = self
            .ontology
            .predicate(&t.predicate)
            .is_some_and(|p| matches!(p.family.as_str(), "COOPERATE" | "SUPPORT"));
        // a cessation verb governs the noun: "halted economic aid", "suspended its support"
        let cessation = cooperative
            && self
                .governing_verb(doc, s, k, &self.lex.cessation_forms)
                .is_some();
        // "lifted sanctions on X", "has suspended the embargo against X": the measure is taken
        // back; asked for or promised ("urged X to lift its blockade of Y", "will lift"), it
        // still holds
        let negated = negated
            || (t.predicate == "sanctions"
                && modality == Modality::Asserted
                && self
                    .governing_verb(doc, s, k, &self.lex.reversal_forms)
                    .is_some_and(|v| matches!(doc.xpos(s, v), Some("VBD" | "VBZ" | "VBN"))));
        let (predicate, pattern) = if cessation && !negated {
            ("sanctions", "noun-cessation")
        } else if prenominal {
            (t.predicate.as_str(), "noun-modifier")
        } else {
            (t.predicate.as_str(), "noun")
        };
        // a place or part noun links its subject through a copula or an apposition only
        // ("Pristina, the capital of Kosovo"); "X, who was visiting the town of Y" is no link
        if part_noun
            && subj.as_ref().is_some_and(|a| {
                a.last_tok <= k
                    && !(a.last_tok..k).all(|x| {
                        let w = norm(&toks[x]);
                        matches!(
                            w,
                            "," | "is"
                                | "was"
                                | "are"
                                | "were"
                                | "be"
                                | "been"
                                | "being"
                                | "to"
                                | "remain"
                                | "remains"
                                | "remained"
                                | "become"
                                | "became"
                                | "becomes"
                                | "'s"
                                | "its"
                                | "their"
                        ) || DETERMINERS.contains(&w)
                            || doc
                                .upos(s, x)
                                .is_some_and(|u| matches!(u, "ADJ" | "ADV" | "AUX"))
                    })
            })
        {
            return;
        }
        // the possessor of a place or part noun is the whole and its "of" phrase the part:
        // "Brazil's capital city of Brasília", "Thailand's southern province of Pattani"
        let (subj, obj) = if part_noun && possessor && obj_by_of {
            (obj, subj)
        } else {
            (subj, obj)
        };
        match (subj, obj) {
            // one list read twice: "financed by the governments of A, B and C"
            (Some(subj), Some(obj))
                if subj.first_tok < obj.last_tok.max(obj.first_tok + 1)
                    && obj.first_tok < subj.last_tok.max(subj.first_tok + 1) => {}
            (Some(subj), Some(obj)) => self.emit(
                doc,
                out,
                s,
                &subj,
                &obj,
                predicate,
                (k, end),
                negated,
                modality,
                0.7,
                pattern,
            ),
            (Some(subj), None) if symmetric && subj.entities.len() >= 2 => {
                self.emit_pairwise(doc, out, s, &subj, t, (k, end), negated, modality)
            }
            _ => {}
        }
    }

    /// An actor named right before a trigger noun, as its modifier: "US sanctions on Iran",
    /// "American sanctions against Cuba", "a NATO attack on Libya", "new Russian support for X"
    /// (at most two lower-case adjectives between; `end` is the token after the trigger, which
    /// must not continue a compound). The name must open its noun phrase (after a
    /// determiner, a preposition or a clause start), so that an object ("imposed on Iran
    /// sanctions") or a possessor chain is not read as the actor.
    fn prenominal_actor(&self, doc: &Doc, s: usize, k: usize, end: usize) -> Option<Arg> {
        let toks = doc.toks(s);
        // "Russian opposition leader X": the trigger is itself a modifier
        if doc
            .upos(s, end)
            .is_some_and(|u| matches!(u, "NOUN" | "PROPN"))
        {
            return None;
        }
        let mut p = k;
        while p > 0
            && k - p < 2
            && doc.ment_at[s][p - 1].is_none()
            && doc.upos(s, p - 1).is_some_and(|u| u == "ADJ")
            && toks[p - 1]
                .text
                .chars()
                .all(|c| c.is_lowercase() || c == '-')
        {
            p -= 1;
        }
        let m = doc.mention_ending_at(s, p)?;
        let mm = &doc.ents.mentions[m];
        if doc.class_of(mm.entity) == "Region" || doc.class_of(mm.entity) == "Person" {
            return None;
        }
        let opens_phrase = mm.tok_start == 0 || {
            let w = norm(&toks[mm.tok_start - 1]);
            DETERMINERS.contains(&w)
                || PREPOSITIONS.contains(&w)
                || BOUNDARY.contains(&w)
                || matches!(w, "," | "new" | "fresh" | "further" | "more")
                || doc
                    .upos(s, mm.tok_start - 1)
                    .is_some_and(|u| matches!(u, "VERB" | "AUX"))
        };
        opens_phrase.then(|| Arg::named(mm.entity, mm.tok_start, mm.tok_end))
    }

    /// A verb of giving (`ng:transferVerb`) that governs the noun at `k` ("gave X 5 million
    /// dollars of aid", "continue military aid"), with the actor named right after it as the
    /// recipient, if any ("gave the Ivory Coast ..."). The noun phrase between holds no other
    /// verb, clause boundary or entity.
    fn transfer_frame(&self, doc: &Doc, s: usize, k: usize) -> Option<(usize, Option<Arg>)> {
        let toks = doc.toks(s);
        let giver = |v: usize| {
            self.lex.transfer_forms.contains(norm(&toks[v]))
                && doc.upos(s, v).is_none_or(|u| u == "VERB")
        };
        let mut p = k;
        while p > 0 && k - p < 10 {
            p -= 1;
            let w = norm(&toks[p]);
            if let Some(m) = doc.ment_at[s][p] {
                // the indirect object right after the verb: "gave (the) Ivory Coast ..."
                let mm = &doc.ents.mentions[m];
                // a name right before the noun modifies it ("delivered COVID-19 vaccines",
                // "gave US aid"), as a currency's country does ("approved a US$ 750 million loan")
                if mm.tok_end == k
                    || toks
                        .get(mm.tok_end)
                        .is_some_and(|t| t.text.starts_with('$'))
                {
                    p = mm.tok_start;
                    continue;
                }
                let mut b = mm.tok_start;
                while b > 0 && DETERMINERS.contains(&norm(&toks[b - 1])) {
                    b -= 1;
                }
                if b == 0 || !giver(b - 1) {
                    return None;
                }
                let recipient = self
                    .actor_entity(doc, s, m, true)
                    .map(|e| Arg::named(e, mm.tok_start, mm.tok_end));
                return Some((b - 1, recipient));
            }
            if giver(p) {
                return Some((p, None));
            }
            // a place or direction closes the noun phrase ("offer X in our loans"), "in" after an
            // amount does not ("$150 million in aid", "cuts in aid"), nor do the prepositions of
            // amounts ("more than", "over $5 billion", "360 million euro for aid")
            let amount = |q: usize| {
                let a = norm(&toks[q]);
                a.chars().any(|c| c.is_ascii_digit())
                    || matches!(
                        a,
                        "million"
                            | "billion"
                            | "trillion"
                            | "thousand"
                            | "cuts"
                            | "cut"
                            | "dollars"
                            | "euros"
                            | "euro"
                            | "pounds"
                            | "yen"
                            | "yuan"
                            | "tons"
                            | "tonnes"
                    )
            };
            let closes = match w {
                "in" => p == 0 || !amount(p - 1),
                "to" | "from" | "by" | "with" | "on" | "at" | "into" | "through" | "within"
                | "via" | "across" | "near" | "inside" | "outside" | "under" | "between"
                | "among" | "against" => true,
                _ => false,
            };
            if BOUNDARY.contains(&w)
                || w == ","
                || closes
                || doc.upos(s, p).is_some_and(|u| matches!(u, "VERB" | "AUX"))
            {
                return None;
            }
        }
        None
    }

    /// The clause subject that undergoes the action of the trigger noun at `k`: "X has been the
    /// target of Russian attacks", "X became the subject of US sanctions", "X faces new
    /// sanctions from Y". The noun phrase before the trigger may hold determiners, adjectives,
    /// numbers and the acting entity.
    fn patient_frame(&self, doc: &Doc, s: usize, k: usize) -> Option<Arg> {
        let toks = doc.toks(s);
        let mut p = k;
        while p > 0 && k - p < 6 {
            let w = norm(&toks[p - 1]);
            let modifier = doc.ment_at[s][p - 1].is_some()
                || matches!(w, "'s" | "'")
                || DETERMINERS.contains(&w)
                || (toks[p - 1].text.chars().all(char::is_lowercase)
                    && matches!(doc.upos(s, p - 1), Some("ADJ" | "NUM")));
            if !modifier {
                break;
            }
            p -= 1;
        }
        if p == 0 {
            return None;
        }
        let w = norm(&toks[p - 1]);
        if self.lex.patient_frame_forms.contains(w) {
            return self.subject_left(doc, s, p - 1);
        }
        if p < 2 || w != "of" || !self.lex.patient_frame_nouns.contains(norm(&toks[p - 2])) {
            return None;
        }
        let mut r = p - 2;
        while r > 0
            && (DETERMINERS.contains(&norm(&toks[r - 1])) || doc.upos(s, r - 1) == Some("ADJ"))
        {
            r -= 1;
        }
        let copula = r > 0
            && (BE.contains(&norm(&toks[r - 1]))
                || matches!(
                    norm(&toks[r - 1]),
                    "became" | "become" | "becomes" | "remain" | "remains" | "remained"
                ));
        if copula {
            self.subject_left(doc, s, r - 1)
        } else {
            None
        }
    }

    /// A symmetric predicate between each pair of coordinated actors ("Russia and China met",
    /// "Israel and Lebanon renewed negotiations").
    #[allow(clippy::too_many_arguments)]
    fn emit_pairwise(
        &self,
        doc: &Doc,
        out: &mut Vec<RelationMention>,
        s: usize,
        subj: &Arg,
        t: &CompiledTrigger,
        trig: (usize, usize),
        negated: bool,
        modality: Modality,
    ) {
        for (i, &a) in subj.entities.iter().enumerate() {
            for &b in &subj.entities[i + 1..] {
                let sa = Arg {
                    entities: vec![a],
                    ..subj.clone()
                };
                let sb = Arg {
                    entities: vec![b],
                    ..subj.clone()
                };
                self.emit(
                    doc,
                    out,
                    s,
                    &sa,
                    &sb,
                    &t.predicate,
                    trig,
                    negated,
                    modality,
                    0.65,
                    "symmetric",
                );
            }
        }
    }

    /// The longest trigger of `kind` starting at token `k`: (trigger index, end token).
    fn longest_trigger(
        &self,
        doc: &Doc,
        s: usize,
        k: usize,
        kind: TriggerKind,
    ) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for &ti in self.lex.starting_with(norm(&doc.toks(s)[k])) {
            let t = &self.lex.triggers[ti];
            if t.kind == kind
                && let Some((end, _)) = self.match_trigger(doc, s, k, t)
                && best.is_none_or(|(_, e)| end > e)
            {
                best = Some((ti, end));
            }
        }
        best
    }

    /// Whether a verb trigger of a symmetric predicate starts at token `k` ("meet", "negotiate").
    fn symmetric_verb_at(&self, doc: &Doc, s: usize, k: usize) -> bool {
        k < doc.toks(s).len()
            && self
                .longest_trigger(doc, s, k, TriggerKind::Verb)
                .and_then(|(ti, _)| self.ontology.predicate(&self.lex.triggers[ti].predicate))
                .is_some_and(|p| p.symmetric)
    }

    /// "ambassador-at-large", "commander-in-chief": a one-word title with a hyphenated
    /// qualifier is that title (not "president-elect" or "minister-designate": not yet in office).
    fn hyphenated_title(&self, doc: &Doc, s: usize, k: usize) -> Option<(usize, usize)> {
        let (head, rest) = norm(&doc.toks(s)[k]).split_once('-')?;
        if matches!(rest, "elect" | "designate") {
            return None;
        }
        self.lex
            .starting_with(head)
            .iter()
            .copied()
            .find(|&ti| {
                let t = &self.lex.triggers[ti];
                t.kind == TriggerKind::Title && t.items.len() == 1
            })
            .map(|ti| (ti, k + 1))
    }

    /// "Serbian President Boris Tadic", "Wang Guangya, China's UN ambassador", "the foreign minister
    /// of Cuba, Bruno Parrilla": titles from the ontology link persons to states and organizations.
    fn titles(&self, doc: &Doc, s: usize, out: &mut Vec<RelationMention>) {
        let toks = doc.toks(s);
        let mut k = 0;
        while k < toks.len() {
            let Some((ti, end)) = self
                .longest_trigger(doc, s, k, TriggerKind::Title)
                .or_else(|| self.hyphenated_title(doc, s, k))
            else {
                k += 1;
                continue;
            };
            if doc.ment_at[s][k].is_some() {
                k = end;
                continue;
            }
            let t = &self.lex.triggers[ti];
            // the organization or state: a modifier before the title, else "of/to/for X" after it
            let mut object: Option<(usize, usize)> = None; // (entity, token)
            let mut j = k;
            let mut steps = 0;
            // "Russian opposition leader": a leader of the opposition, not of the state
            let mut against_state = false;
            while j > 0 && steps < 5 {
                // "AU chairperson President X of Egypt", "Greens leader Senator X": a
                // lower-case title right before a capitalized one has its own object (not a
                // title's modifier: "deputy leader", "Chief Minister", "Chief Executive Officer")
                if j == k
                    && toks[k].text.starts_with(char::is_uppercase)
                    && toks[k - 1].text.chars().all(char::is_lowercase)
                    && !self.lex.title_modifiers.contains(norm(&toks[k - 1]))
                    && (1..=j.min(4)).any(|n| self.title_at(doc, s, j - n) == Some(j))
                {
                    break;
                }
                if NON_STATE_ROLES.contains(&norm(&toks[j - 1])) && object.is_none() {
                    against_state = true;
                }
                let w = norm(&toks[j - 1]);
                // "Trade and Investment Minister": a conjunction inside a capitalized portfolio
                let portfolio_and = matches!(w, "and" | "&")
                    && object.is_none()
                    && j >= 2
                    && j < k
                    && doc.ment_at[s][j].is_none()
                    && doc.ment_at[s][j - 2].is_none()
                    && [j, j - 2]
                        .iter()
                        .all(|&x| toks[x].text.chars().next().is_some_and(char::is_uppercase));
                if portfolio_and {
                    j -= 1;
                    steps += 1;
                    continue;
                }
                if doc.ment_at[s][j - 1].is_none()
                    && (matches!(w, "," | "the" | "a" | "an" | "and" | "." | "“" | "”" | "\"")
                        || BOUNDARY.contains(&w)
                        || self.is_reporting(doc, s, j - 1))
                {
                    break;
                }
                if let Some(m) = doc.ment_at[s][j - 1] {
                    let mm = &doc.ents.mentions[m];
                    let class = doc.class_of(mm.entity);
                    if class != "Person" && class != "Document" {
                        object = Some((mm.entity, mm.tok_start));
                    } else {
                        // "Chancellor Angela Merkel's spokesperson, Steffen Seibert": the aide
                        // of an office holder represents the office holder's state
                        let possessor = class == "Person"
                            && object.is_none()
                            && t.predicate == "represents"
                            && matches!(toks.get(mm.tok_end).map(norm), Some("'s" | "'"));
                        if let Some((body, _)) = possessor
                            .then(|| title_affiliation(doc, out, s, mm.entity))
                            .flatten()
                        {
                            object = Some((body, mm.tok_start));
                        }
                        break;
                    }
                    j = mm.tok_start;
                } else {
                    // modifiers of the title only ("interim", "top"), not the clause before it
                    // ("the ABA denounced President Bush's program")
                    // (participles stay: "the newly elected President of Bolivia")
                    // ("the Haitian government of Prime Minister X", "the French leadership
                    // under President X": the noun before "of"/"under" is the state's office)
                    let office_of = matches!(w, "of" | "under")
                        && j >= 2
                        && doc.ment_at[s][j - 2].is_none()
                        && matches!(
                            norm(&toks[j - 2]),
                            "government"
                                | "administration"
                                | "leadership"
                                | "cabinet"
                                | "regime"
                                | "forces"
                                | "troops"
                                | "ministry"
                                | "coalition"
                        );
                    let clausal = !office_of
                        && doc.upos(s, j - 1).is_some_and(|u| {
                            matches!(u, "ADP" | "SCONJ" | "PRON" | "CCONJ" | "AUX")
                        })
                        || doc
                            .xpos(s, j - 1)
                            .is_some_and(|x| matches!(x, "VBD" | "VBZ" | "VBP" | "VB" | "MD"));
                    if clausal
                        || !(toks[j - 1]
                            .text
                            .chars()
                            .all(|c| c.is_alphabetic() || c == '-')
                            || w == "'s")
                    {
                        break;
                    }
                    j -= 1;
                }
                steps += 1;
            }
            let mut after = end;
            let mut head_of_part = false;
            if object.is_none()
                && after < toks.len()
                && matches!(norm(&toks[after]), "of" | "to" | "for" | "at")
            {
                let mut a = after + 1;
                while a < toks.len() && DETERMINERS.contains(&norm(&toks[a])) {
                    a += 1;
                }
                if let Some(m) = doc.mention_starting_at(s, a) {
                    let mut mm = &doc.ents.mentions[m];
                    let mut possessed = false;
                    // "leader of Japan's main opposition Democratic Party": the possessed name
                    if toks
                        .get(mm.tok_end)
                        .is_some_and(|t| matches!(norm(t), "'s" | "'"))
                        && let Some(next) = (mm.tok_end + 1..(mm.tok_end + 5).min(toks.len()))
                            .find_map(|x| doc.mention_starting_at(s, x))
                    {
                        mm = &doc.ents.mentions[next];
                        possessed = true;
                    } else {
                        // "head of North Korea's delegation": see `heads_part_after`
                        head_of_part = mm.kind != MentionKind::DemonymAdjective
                            && self.heads_part_after(doc, s, mm.tok_end);
                    }
                    // "leader of the Zimbabwean opposition party Movement for Democratic Change":
                    // a demonym modifies the organization named after it
                    if mm.kind == MentionKind::DemonymAdjective {
                        // through lower-case modifiers only ("head of the Russian government,
                        // arrived in Paris" names no Parisian body)
                        // ("the Indian state of Karnataka": "of" after a place noun)
                        let next = (mm.tok_end..(mm.tok_end + 5).min(toks.len()))
                            .take_while(|&x| {
                                x == mm.tok_end
                                    || toks[x - 1].text.chars().all(char::is_lowercase)
                                        && (!PREPOSITIONS.contains(&norm(&toks[x - 1]))
                                            || norm(&toks[x - 1]) == "of"
                                                && self.is_place_noun(norm(&toks[x - 2])))
                            })
                            .find_map(|x| doc.mention_starting_at(s, x));
                        let between_non_state = (mm.tok_end
                            ..next
                                .map(|n| doc.ents.mentions[n].tok_start)
                                .unwrap_or((mm.tok_end + 2).min(toks.len())))
                            .any(|x| NON_STATE_ROLES.contains(&norm(&toks[x])));
                        match next {
                            Some(n) => mm = &doc.ents.mentions[n],
                            None if between_non_state => {
                                k = end;
                                continue;
                            }
                            None => {
                                // "chair of the Russian parliament's security committee": the
                                // head of a part of the state acting for it (a state agent noun)
                                // speaks for it but does not lead it ("head of the Russian
                                // government" does); the head of anything else ("the German
                                // group", "BHP's Chinese operations") is no role of the state
                                match self.state_part_run(toks, mm.tok_end) {
                                    Some(false) => {
                                        k = end;
                                        continue;
                                    }
                                    Some(true) => head_of_part = true,
                                    None => {}
                                }
                            }
                        }
                    } else if let Some(next) = toks.get(mm.tok_end)
                        && doc.upos(s, mm.tok_end) == Some("NOUN")
                        && next.text.chars().all(char::is_lowercase)
                        && !is_time_word(norm(next))
                        && !self.lex.org_name_heads.contains(norm(next))
                        && !self.is_place_noun(norm(next))
                    {
                        // "head of a United Nations panel", "spokesman for the UN peacekeeping
                        // mission", "chief of the Pakistan army": the name modifies a common
                        // noun, a part of it that speaks for it without leading it; not a
                        // possessed name ("head of the CIA's Bin Laden unit"), a member noun
                        // ("leaders of the G8 nations") or a noun with its own "of" ("the U.S.
                        // branch of Amnesty International")
                        if possessed
                            || STATE_GROUP_NOUNS.contains(&norm(next))
                            || toks.get(mm.tok_end + 1).is_some_and(|t| t.lower == "of")
                        {
                            k = end;
                            continue;
                        }
                        head_of_part = true;
                    }
                    object = Some((mm.entity, mm.tok_start));
                    after = mm.tok_end;
                }
            } else if after < toks.len() && matches!(norm(&toks[after]), "to" | "at") {
                // "Ambassador to the United Nations": skip the posting
                let mut a = after + 1;
                while a < toks.len() && DETERMINERS.contains(&norm(&toks[a])) {
                    a += 1;
                }
                if let Some(m) = doc.mention_starting_at(s, a) {
                    after = doc.ents.mentions[m].tok_end;
                }
            }
            // the person: right after (", X" allowed) or before the apposition comma
            let mut person: Option<usize> = None;
            let mut p = after;
            if p < toks.len() && norm(&toks[p]) == "," {
                p += 1;
            }
            // "Presidents Muhammadu Buhari of Nigeria and Patrice Talon of Benin": a plural
            // title gives each coordinated person the office, with the state after their name
            let plural = t
                .pattern
                .split_whitespace()
                .zip(&toks[k..end])
                .any(|(w, tok)| w != norm(tok));
            // the person after a second, capitalized title: "AU chairperson President Abdel
            // Fattah el-Sisi", "the President of Pakistan, General Pervez Musharraf" (not after
            // a posting: "chief of staff to Vice President X" is X's aide)
            let of_object = after > end && norm(&toks[end]) == "of";
            if p < toks.len() && (p == end || of_object && !plural && norm(&toks[p - 1]) == ",") {
                p = self.past_title(doc, s, p);
            }
            // (person, the state after "of" the person's name)
            let mut holders: Vec<(usize, Option<(usize, usize)>)> = Vec::new();
            while let Some(m) = doc.mention_starting_at(s, p)
                && doc.class_of(doc.ents.mentions[m].entity) == "Person"
            {
                // "President Hassan Rouhani of Iran"
                let mut pe = doc.ents.mentions[m].tok_end;
                let mut own = None;
                if object.is_none() && toks.get(pe).is_some_and(|t| t.lower == "of") {
                    let mut a = pe + 1;
                    while a < toks.len() && matches!(norm(&toks[a]), "the" | "a" | "an") {
                        a += 1;
                    }
                    if let Some(om) = doc.mention_starting_at(s, a) {
                        let oe = doc.ents.mentions[om].entity;
                        if doc.class_of(oe) != "Person" {
                            own = Some((oe, a));
                            pe = doc.ents.mentions[om].tok_end;
                        }
                    }
                }
                holders.push((doc.ents.mentions[m].entity, own));
                if !plural {
                    break;
                }
                p = pe;
                while p < toks.len() && matches!(norm(&toks[p]), "," | "and") {
                    p += 1;
                }
                if p == pe {
                    break;
                }
            }
            if let Some(&(pe, own)) = holders.first() {
                person = Some(pe);
                if own.is_some() {
                    object = own;
                }
            }
            if person.is_none() {
                // apposition: "X, [the|China's] ... title", also through a relative clause
                // ("Pohiva, who had been Tonga's prime minister", "Chirac, who served as
                // President of France")
                let mut a = j;
                while a > 0 && matches!(norm(&toks[a - 1]), "the" | "a" | "an") {
                    a -= 1;
                }
                let mut r = a;
                while r > 0
                    && a - r < 6
                    && matches!(
                        norm(&toks[r - 1]),
                        "who"
                            | "was"
                            | "is"
                            | "had"
                            | "has"
                            | "been"
                            | "also"
                            | "served"
                            | "serves"
                            | "as"
                            | "then"
                            | "once"
                            | "formerly"
                            | "previously"
                            | "currently"
                            | "still"
                            | "later"
                            | "now"
                            | "the"
                            | "a"
                            | "an"
                    )
                {
                    r -= 1;
                }
                if r < a
                    && norm(&toks[r]) == "who"
                    && !(a..k).any(|x| doc.xpos(s, x).is_some_and(|t| t.starts_with("VB")))
                {
                    a = r;
                }
                if a > 0
                    && norm(&toks[a - 1]) == ","
                    && let Some(m) = doc.mention_ending_at(s, a - 1)
                    && doc.class_of(doc.ents.mentions[m].entity) == "Person"
                {
                    person = Some(doc.ents.mentions[m].entity);
                }
            }
            // "Deputy Prime Minister", "Vice President": represents rather than leads
            let deputy = [k.checked_sub(1), Some(k)].into_iter().flatten().any(|x| {
                let w = norm(&toks[x]);
                self.lex.deputy_modifiers.contains(w)
                    || w.split_once('-')
                        .is_some_and(|(m, _)| self.lex.deputy_modifiers.contains(m))
            });
            let predicate = if (deputy || head_of_part) && t.predicate == "leads" {
                "represents"
            } else {
                t.predicate.as_str()
            };
            // the other holders of a plural title: the state after their own name, or the
            // modifier before the title ("U.S. Senators X and Y")
            let shared = object.filter(|_| holders.iter().all(|(_, own)| own.is_none()));
            let others = holders
                .iter()
                .skip(1)
                .map(|&(pe, own)| (pe, own.or(shared)));
            for (pe, object) in person.map(|pe| (pe, object)).into_iter().chain(others) {
                let Some((oe, ot)) = object else { continue };
                if against_state && matches!(doc.class_of(oe), "Country" | "Territory") {
                    continue;
                }
                let subj = Arg::named(pe, k, end);
                let obj = Arg::named(oe, ot, ot + 1);
                self.emit(
                    doc,
                    out,
                    s,
                    &subj,
                    &obj,
                    predicate,
                    (k, end),
                    false,
                    Modality::Asserted,
                    0.85,
                    "title",
                );
            }
            k = end;
        }
    }

    /// "Tehran, the capital": a description in apposition to a city ("the capital", "the city")
    /// that coreference resolved to the city itself, with no state named: the state the gazetteer
    /// places the city in. The text states the city's role; the gazetteer only names the state.
    fn apposed_city_description(
        &self,
        doc: &Doc,
        s: usize,
        m: usize,
        k: usize,
        t: &CompiledTrigger,
        out: &mut Vec<RelationMention>,
    ) {
        let toks = doc.toks(s);
        let dm = &doc.ents.mentions[m];
        if dm.kind != MentionKind::Description
            || dm.tok_end != k + 1
            || doc.class_of(dm.entity) != "City"
            || toks
                .get(k + 1)
                .is_some_and(|w| matches!(norm(w), "of" | "in"))
        {
            return;
        }
        let Some(state) = doc.ents.entities[dm.entity].state else {
            return;
        };
        let c = dm.tok_start;
        if c < 2 || norm(&toks[c - 1]) != "," {
            return;
        }
        let Some(cm) = doc.mention_ending_at(s, c - 1) else {
            return;
        };
        let city = &doc.ents.mentions[cm];
        if city.entity != dm.entity {
            return;
        }
        let subj = Arg::named(city.entity, city.tok_start, city.tok_end);
        let obj = Arg::named(state, k, k + 1);
        self.emit(
            doc,
            out,
            s,
            &subj,
            &obj,
            &t.predicate,
            (k, k + 1),
            false,
            Modality::Asserted,
            0.8,
            "apposition",
        );
    }

    /// "Kosovo, a province of Serbia", "Kosovo, a breakaway Serbian province", "X, the capital of Y":
    /// PART-family nouns in an apposition.
    fn appositions(&self, doc: &Doc, s: usize, out: &mut Vec<RelationMention>) {
        let toks = doc.toks(s);
        for k in 0..toks.len() {
            let Some(t) = self
                .lex
                .starting_with(norm(&toks[k]))
                .iter()
                .map(|&i| &self.lex.triggers[i])
                .find(|t| {
                    t.kind == TriggerKind::Noun
                        && self.ontology.family_of(&t.predicate) == "PART"
                        && t.items.len() == 1
                })
            else {
                continue;
            };
            if let Some(m) = doc.ment_at[s][k] {
                self.apposed_city_description(doc, s, m, k, t, out);
                continue;
            }
            // left: ", [which [itself] is] a|an|the [modifiers] noun"
            let mut j = k;
            let mut demonym: Option<usize> = None;
            let mut steps = 0;
            while j > 0 && steps < 5 {
                let w = norm(&toks[j - 1]);
                if let Some(m) = doc.mention_ending_at(s, j) {
                    let mm = &doc.ents.mentions[m];
                    if mm.kind == MentionKind::DemonymAdjective {
                        demonym = Some(mm.entity);
                        j = mm.tok_start;
                        steps += 1;
                        continue;
                    }
                    break;
                }
                if toks[j - 1]
                    .text
                    .chars()
                    .all(|c| c.is_lowercase() || c == '-')
                    && !matches!(w, "a" | "an" | "the")
                {
                    j -= 1;
                    steps += 1;
                    continue;
                }
                break;
            }
            if j == 0 || !matches!(norm(&toks[j - 1]), "a" | "an" | "the") {
                continue;
            }
            let mut c = j - 1;
            if c >= 2 && BE.contains(&norm(&toks[c - 1])) {
                c -= 1;
                if c >= 1 && norm(&toks[c - 1]) == "itself" {
                    c -= 1;
                }
                if c >= 1 && norm(&toks[c - 1]) == "which" {
                    c -= 1;
                } else {
                    continue;
                }
            }
            if c == 0 || norm(&toks[c - 1]) != "," {
                continue;
            }
            let Some(sm) = doc.mention_ending_at(s, c - 1) else {
                continue;
            };
            let smm = &doc.ents.mentions[sm];
            // object: "of Y" / "in Y" after the noun, else the demonym
            let mut object = None;
            if k + 1 < toks.len() && matches!(norm(&toks[k + 1]), "of" | "in") {
                let mut a = k + 2;
                while a < toks.len() && DETERMINERS.contains(&norm(&toks[a])) {
                    a += 1;
                }
                if let Some(m) = doc.mention_starting_at(s, a) {
                    let mm = &doc.ents.mentions[m];
                    object = Some((mm.entity, mm.tok_start, mm.tok_end));
                }
            }
            if object.is_none() {
                object = demonym.map(|e| (e, k, k + 1));
            }
            if let Some((oe, a, b)) = object {
                let subj = Arg::named(smm.entity, smm.tok_start, smm.tok_end);
                let obj = Arg::named(oe, a, b);
                self.emit(
                    doc,
                    out,
                    s,
                    &subj,
                    &obj,
                    &t.predicate,
                    (k, k + 1),
                    false,
                    Modality::Asserted,
                    0.8,
                    "apposition",
                );
            }
        }
    }

    /// "the Federal Aviation Office of Germany", "Brazil's National Institute for Space Research",
    /// "the Iraqi Parliament": a government body is part of its state.
    fn bodies(&self, doc: &Doc, s: usize, out: &mut Vec<RelationMention>) {
        let toks = doc.toks(s);
        for (mi, m) in doc
            .ents
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.sentence == s)
        {
            if doc.class_of(m.entity) != "GovernmentBody" || m.kind != MentionKind::Name {
                continue;
            }
            let is_state = |e: usize| matches!(doc.class_of(e), "Country" | "Territory");
            let mut state: Option<(usize, usize)> = None;
            if toks.get(m.tok_end).is_some_and(|t| t.lower == "of")
                && let Some(n) = doc.mention_starting_at(s, m.tok_end + 1)
            {
                let e = doc.ents.mentions[n].entity;
                if is_state(e) {
                    state = Some((e, doc.ents.mentions[n].tok_start));
                }
            }
            if state.is_none()
                && m.tok_start >= 2
                && matches!(norm(&toks[m.tok_start - 1]), "'s" | "'")
                && let Some(p) = doc.mention_ending_at(s, m.tok_start - 1)
            {
                let e = doc.ents.mentions[p].entity;
                if is_state(e) {
                    state = Some((e, doc.ents.mentions[p].tok_start));
                }
            }
            if state.is_none() {
                // a state named inside the body's name ("Iraqi Parliament")
                if let Some(st) = doc.ents.entities[m.entity].state.filter(|&e| is_state(e)) {
                    state = Some((st, m.tok_start));
                }
            }
            let _ = mi;
            if let Some((st, at)) = state {
                let subj = Arg::named(m.entity, m.tok_start, m.tok_end);
                let obj = Arg::named(st, at, at + 1);
                self.emit(
                    doc,
                    out,
                    s,
                    &subj,
                    &obj,
                    "partOf",
                    (m.tok_start, m.tok_end),
                    false,
                    Modality::Asserted,
                    0.7,
                    "body-of-state",
                );
            }
        }
    }

    /// Member lists: "G7 is an informal group of seven countries, A, B, C and D", "the bloc's
    /// members include A and B", "NATO, whose members are A and B" → each memberOf the body.
    fn member_lists(&self, doc: &Doc, s: usize, out: &mut Vec<RelationMention>) {
        let toks = doc.toks(s);
        let is_body = |e: usize| {
            matches!(
                doc.class_of(e),
                "InternationalOrganization" | "Organization" | "GovernmentBody" | "PoliticalParty"
            )
        };
        let is_member = |e: usize| matches!(doc.class_of(e), "Country" | "Territory");
        for k in 0..toks.len() {
            let w = norm(&toks[k]);
            if doc.ment_at[s][k].is_some() {
                continue;
            }
            // where the list starts, if a collective phrase introduces one at k
            let list_at = if self.ontology.collective_nouns.iter().any(|c| c == w)
                && toks.get(k + 1).is_some_and(|t| norm(t) == "of")
            {
                let mut j = k + 2;
                if toks.get(j).is_some_and(|t| {
                    doc.upos(s, j) == Some("NUM") || t.lower.chars().all(|c| c.is_ascii_digit())
                }) {
                    j += 1;
                }
                let plural = toks.get(j).is_some_and(|t| {
                    matches!(
                        norm(t),
                        "countries"
                            | "nations"
                            | "states"
                            | "members"
                            | "economies"
                            | "democracies"
                    )
                });
                plural.then_some(j + 1)
            } else if matches!(w, "members" | "member") {
                let mut j = k + 1;
                if toks
                    .get(j)
                    .is_some_and(|t| STATE_GROUP_NOUNS.contains(&norm(t)))
                {
                    j += 1;
                }
                toks.get(j)
                    .is_some_and(|t| {
                        matches!(
                            norm(t),
                            "include" | "includes" | "included" | "are" | "were"
                        )
                    })
                    .then_some(j + 1)
            } else {
                None
            };
            let Some(mut a) = list_at else {
                continue;
            };
            while a < toks.len()
                && matches!(
                    norm(&toks[a]),
                    "," | ":" | "—" | "–" | "-" | "(" | "including" | "namely" | "the"
                )
            {
                a += 1;
            }
            let Some(first) = doc.mention_starting_at(s, a) else {
                continue;
            };
            let list = self.extend_right(doc, s, first);
            let members: Vec<usize> = list
                .entities
                .iter()
                .copied()
                .filter(|&e| is_member(e))
                .collect();
            if members.len() < 2 {
                continue;
            }
            // the body: a possessor or relative antecedent right before ("the bloc's members",
            // "NATO, whose members"), else the clause's subject ("G7 ... is a group of")
            let mut b = k;
            while b > 0
                && matches!(
                    norm(&toks[b - 1]),
                    "'s" | "'" | "whose" | "," | "its" | "their"
                )
            {
                b -= 1;
            }
            let body = doc
                .mention_ending_at(s, b)
                .map(|m| doc.ents.mentions[m].entity)
                .filter(|&e| is_body(e))
                .or_else(|| {
                    self.main_subject(doc, s, k)
                        .map(|a| a.entities[0])
                        .filter(|&e| is_body(e))
                });
            let Some(body) = body else {
                continue;
            };
            let obj = Arg::named(body, k, k + 1);
            let subj = Arg {
                entities: members,
                ..list
            };
            self.emit(
                doc,
                out,
                s,
                &subj,
                &obj,
                "memberOf",
                (k, k + 1),
                false,
                Modality::Asserted,
                0.7,
                "member-list",
            );
        }
    }

    /// Locations stated by position: "the Houthi movement in Yemen", "US-based Human Rights
    /// Watch", "the city of São Paulo, Brazil" → locatedIn.
    fn locations(&self, doc: &Doc, s: usize, out: &mut Vec<RelationMention>) {
        let toks = doc.toks(s);
        let is_place = |e: usize| matches!(doc.class_of(e), "Country" | "Territory" | "City");
        let located = |e: usize| {
            matches!(
                doc.class_of(e),
                "Organization" | "GovernmentBody" | "PoliticalParty" | "City"
            )
        };
        let mut emit = |a: &crate::entities::Mention,
                        b: &crate::entities::Mention,
                        trig: usize,
                        predicate: &str,
                        pattern: &'static str| {
            let subj = Arg::named(a.entity, a.tok_start, a.tok_end);
            let obj = Arg::named(b.entity, b.tok_start, b.tok_end);
            self.emit(
                doc,
                out,
                s,
                &subj,
                &obj,
                predicate,
                (trig, trig + 1),
                false,
                Modality::Asserted,
                0.6,
                pattern,
            );
        };

        for m in doc.ents.mentions.iter().filter(|m| m.sentence == s) {
            // "the Syrian town of Abu Kamal", "the Indian state of Karnataka", "the Nepalese
            // capital Kathmandu", "Brazil's capital city of Brasília" (the possessive with "of"
            // is also the noun pattern's)
            let after_possessive = m.kind != MentionKind::DemonymAdjective
                && toks
                    .get(m.tok_end)
                    .is_some_and(|t| matches!(norm(t), "'s" | "'"));
            if m.kind == MentionKind::DemonymAdjective || after_possessive {
                if !matches!(doc.class_of(m.entity), "Country" | "Territory") {
                    continue;
                }
                // the ontology's description nouns of cities and territories, one or two
                // ("capital city"); the last one decides
                let described_at = |i: usize| {
                    toks.get(i).map(norm).and_then(|w| {
                        ["City", "Territory"]
                            .into_iter()
                            .find(|c| self.describes(w, &[c]))
                    })
                };
                let from = m.tok_end + usize::from(after_possessive);
                let mut d = from;
                // "capital" is often tagged an adjective
                while d < toks.len()
                    && d < from + 2
                    && doc.ment_at[s][d].is_none()
                    && doc.upos(s, d).is_some_and(|u| u == "ADJ")
                    && described_at(d).is_none()
                {
                    d += 1;
                }
                let Some(mut described) = described_at(d) else {
                    continue;
                };
                if doc.ment_at[s][d].is_some() {
                    continue;
                }
                if let Some(c) = described_at(d + 1).filter(|_| doc.ment_at[s][d + 1].is_none()) {
                    described = c;
                    d += 1;
                }
                let part = if described == "City" {
                    "locatedIn"
                } else {
                    "partOf"
                };
                let name_at = if toks.get(d + 1).is_some_and(|t| norm(t) == "of") {
                    d + 2
                } else {
                    d + 1
                };
                if let Some(n) = doc.mention_starting_at(s, name_at) {
                    let nm = &doc.ents.mentions[n];
                    if matches!(doc.class_of(nm.entity), "City" | "Territory")
                        && nm.entity != m.entity
                        && nm.kind != MentionKind::DemonymAdjective
                        && nm.kind != MentionKind::Description
                    {
                        emit(nm, m, d, part, "location-demonym");
                    }
                }
                continue;
            }
            let e = m.entity;
            let end = m.tok_end;
            // "the Houthi movement in Yemen", "the Hamas government in Gaza": one lower-case
            // organization head (a name head of an organization class in the ontology) between
            let org_head =
                |t: &Token| {
                    let w = norm(t);
                    t.text.chars().next().is_some_and(char::is_lowercase)
                        && self.ontology.classes.values().any(|c| {
                            c.family == "organization" && c.name_heads.iter().any(|h| h == w)
                        })
                };
            let in_at = if toks.get(end).is_some_and(org_head) && doc.ment_at[s][end].is_none() {
                end + 1
            } else {
                end
            };
            // "X in Y" (Y a place, not followed by more of a list or a name: "in Yemen's north" ok)
            if located(e)
                && toks.get(in_at).is_some_and(|t| norm(t) == "in")
                && let Some(n) = doc.mention_starting_at(s, in_at + 1)
            {
                let nm = &doc.ents.mentions[n];
                if is_place(nm.entity)
                    && nm.entity != e
                    && nm.kind != MentionKind::DemonymAdjective
                    // "Coalition forces in the country": a description is too loose here
                    && (in_at == end || nm.kind != MentionKind::Description)
                    && doc.class_of(e) != doc.class_of(nm.entity)
                    // "a meeting of the Global Health Security Agenda in Seoul", "the
                    // Conference of the Parties to the UNFCCC in Egypt": the place is the
                    // gathering's
                    && !self.gathering_of(doc, s, m.tok_start)
                {
                    emit(m, nm, end, "locatedIn", "location");
                }
            }
            // "City, Country" closing a phrase (not a list of places)
            if doc.class_of(e) == "City"
                && toks.get(end).is_some_and(|t| norm(t) == ",")
                && let Some(n) = doc.mention_starting_at(s, end + 1)
            {
                let nm = &doc.ents.mentions[n];
                let closes = toks.get(nm.tok_end).is_none_or(|t| {
                    !matches!(norm(t), "and" | "or")
                        && doc.mention_starting_at(s, nm.tok_end + 1).is_none()
                });
                let before_list = m.tok_start > 0 && norm(&toks[m.tok_start - 1]) == ",";
                if matches!(doc.class_of(nm.entity), "Country" | "Territory")
                    && closes
                    && !before_list
                {
                    emit(m, nm, end, "locatedIn", "location");
                }
            }
            // "Place based X" / "Place-based X"
            if is_place(e)
                && toks
                    .get(end)
                    .is_some_and(|t| matches!(norm(t), "based" | "-based"))
                && let Some(n) = doc.mention_starting_at(s, end + 1)
            {
                let nm = &doc.ents.mentions[n];
                if located(nm.entity) {
                    emit(nm, m, end, "locatedIn", "location");
                }
            }
        }
    }

    // ----- speech ----------------------------------------------------------------------------------

    /// Whether token `j` is a reporting verb (not a word inside a name such as "United States").
    fn is_reporting(&self, doc: &Doc, s: usize, j: usize) -> bool {
        doc.ment_at[s][j].is_none() && self.lex.reporting_forms.contains(norm(&doc.toks(s)[j]))
    }

    /// The speaker around a reporting verb at token `r`: a person or actor before it, or right after
    /// it ("said the envoy"), or a pronoun.
    fn speaker_near(&self, doc: &Doc, s: usize, r: usize) -> Option<usize> {
        let toks = doc.toks(s);
        // the parse knows the subject of the reporting verb
        if let Some(e) = self.syntactic_subject(doc, s, r) {
            return Some(e);
        }
        // after: "said Churkin", "asked Lukashenko"
        let mut a = r + 1;
        while a < toks.len() && a <= r + 2 && DETERMINERS.contains(&norm(&toks[a])) {
            a += 1;
        }
        // before: nearest person within 10 tokens (prefer persons over the organizations in appositions)
        let mut candidates = Vec::new();
        let lo = r.saturating_sub(12);
        let mut j = r;
        while j > lo {
            let w = norm(&toks[j - 1]);
            // a period inside a name ("UOL.com.br") does not end the clause
            let inner_period = w == "." && !toks[j].space_before;
            if (matches!(w, "“" | "”" | "\"" | ";" | "." | "’") && !inner_period) || w == "that"
            {
                break;
            }
            if let Some(m) = doc.ment_at[s][j - 1] {
                let mm = &doc.ents.mentions[m];
                let possessor = toks
                    .get(mm.tok_end)
                    .is_some_and(|t| matches!(norm(t), "'s" | "'"));
                if let Some(e) = self.actor_entity(doc, s, m, false)
                    && !self.after_preposition(doc, s, m)
                    && !possessor
                {
                    candidates.push(e);
                }
                j = mm.tok_start;
                continue;
            }
            if matches!(w, "he" | "she" | "they" | "it") && j == r {
                return self.pronoun(doc, s, j - 1, &[]).map(|a| a.entities[0]);
            }
            j -= 1;
        }
        if let Some(&p) = candidates.iter().find(|&&e| doc.class_of(e) == "Person") {
            return Some(p);
        }
        if let Some(&e) = candidates.first() {
            return Some(e);
        }
        if let Some(m) = doc.mention_starting_at(s, a) {
            return Some(doc.ents.mentions[m].entity);
        }
        if a < toks.len() && matches!(norm(&toks[a]), "he" | "she") {
            return self.pronoun(doc, s, a, &[]).map(|a| a.entities[0]);
        }
        // "the former president, however, rebutted": a title standing for a person named before
        (lo..r).find_map(|j| self.person_description(doc, s, j).map(|(e, _)| e))
    }

    /// A definite description of a person at token `k` ("the former president", "the
    /// ambassador", "the UN leader"): the most recent person of the last three sentences
    /// introduced with that title ("former United States President Jimmy Carter") or, when the
    /// description names the body the person serves ("the UN leader", "the Chinese envoy"),
    /// introduced right after a mention of that body ("UN Secretary-General Kofi Annan").
    /// Returns the person and the end of the description.
    fn person_description(&self, doc: &Doc, s: usize, k: usize) -> Option<(usize, usize)> {
        let toks = doc.toks(s);
        if doc.ment_at[s][k].is_some() || !matches!(norm(&toks[k]), "the" | "this") {
            return None;
        }
        let mut t = k + 1;
        while t < toks.len()
            && t < k + 3
            && matches!(
                norm(&toks[t]),
                "former" | "late" | "new" | "then" | "outgoing" | "veteran"
            )
        {
            t += 1;
        }
        // "the UN leader": a named body before the title
        let mut body = None;
        if let Some(m) = doc.mention_starting_at(s, t.min(toks.len())) {
            let mm = &doc.ents.mentions[m];
            if doc.class_of(mm.entity) == "Person" {
                return None;
            }
            body = Some(mm.entity);
            t = mm.tok_end;
        }
        if t >= toks.len() || doc.ment_at[s][t].is_some() {
            return None;
        }
        let end = self.title_at(doc, s, t)?;
        // "the president of X" is another person; "the president Y" is named; "the
        // president's opinions" are not the person
        if toks
            .get(end)
            .is_some_and(|w| matches!(norm(w), "of" | "'s" | "'"))
            || doc.mention_starting_at(s, end).is_some()
        {
            return None;
        }
        let title = norm(&toks[end - 1]).to_string();
        let introduced = |m: &crate::entities::Mention| {
            let mt = doc.toks(m.sentence);
            let lo = m.tok_start.saturating_sub(4);
            (lo..m.tok_start).any(|i| norm(&mt[i]) == title)
                || body.is_some_and(|b| {
                    doc.ents.mentions.iter().any(|o| {
                        o.entity == b
                            && o.sentence == m.sentence
                            && o.tok_start >= lo
                            && o.tok_end <= m.tok_start
                    })
                })
        };
        let person = |m: &&crate::entities::Mention| {
            (m.sentence, m.tok_start) < (s, k)
                && m.sentence + 3 >= s
                && doc.class_of(m.entity) == "Person"
        };
        let recent: Vec<usize> = doc
            .ents
            .mentions
            .iter()
            .filter(person)
            .map(|m| m.entity)
            .collect();
        recent
            .iter()
            .rev()
            .copied()
            .find(|&e| {
                doc.ents
                    .mentions
                    .iter()
                    .any(|m| m.entity == e && m.sentence <= s && introduced(m))
            })
            .map(|e| (e, end))
    }

    /// The person a description right before token `k` stands for ("the UN leader made ...").
    fn description_subject(&self, doc: &Doc, s: usize, k: usize) -> Option<Arg> {
        (k.saturating_sub(6)..k).find_map(|d| {
            let (e, end) = self.person_description(doc, s, d)?;
            (end == k).then_some(Arg {
                entities: vec![e],
                indirect: true,
                first_tok: d,
                last_tok: end,
            })
        })
    }

    /// The entity that is the nominal subject of token `v` in the dependency parse, if the
    /// sentence was parsed: a mention, a pronoun, or a state's agents ("the German government").
    fn syntactic_subject(&self, doc: &Doc, s: usize, v: usize) -> Option<usize> {
        let syn = doc.syntax.get(s)?.as_ref()?;
        if !syn.parsed {
            return None;
        }
        let subj = syn
            .words
            .iter()
            .position(|w| w.head == v + 1 && (w.deprel == "nsubj" || w.deprel == "nsubj:pass"))?;
        if let Some(m) = doc.ment_at[s][subj] {
            return self
                .actor_entity(doc, s, m, false)
                .or(Some(doc.ents.mentions[m].entity));
        }
        let w = norm(&doc.toks(s)[subj]);
        if matches!(w, "he" | "she" | "it" | "they") {
            return self.pronoun(doc, s, subj, &[]).map(|a| a.entities[0]);
        }
        // "the German government said", "Russia's foreign ministry said"
        if self.lex.state_agent_nouns.contains(w) {
            return syn.words.iter().enumerate().find_map(|(i, d)| {
                let m = doc.ment_at[s][i]?;
                (d.head == subj + 1
                    && matches!(
                        doc.class_of(doc.ents.mentions[m].entity),
                        "Country" | "Territory"
                    ))
                .then_some(doc.ents.mentions[m].entity)
            });
        }
        None
    }

    /// Checks the subject a surface scan found for verb `v` (`subj`) against the dependency
    /// parse, when the sentence was parsed: "According to X, Y met Z" and "supporters of X
    /// stormed Y" name neither X as the one who acted. Where the parse's subject is itself an
    /// actor it replaces the scan's.
    fn parse_subject_check(&self, doc: &Doc, s: usize, v: usize, subj: &Arg) -> SubjectCheck {
        if !self.parse_contradicts_subject(doc, s, v, subj) {
            // a list the scan joined across a clause boundary keeps the parse's part of it:
            // "According to X, Y met Z" (Y only)
            if subj.entities.len() > 1
                && !subj.indirect
                && let Some(st) = self.parse_subject_token(doc, s, v)
            {
                let agreeing: Vec<usize> = subj
                    .entities
                    .iter()
                    .copied()
                    .filter(|&e| {
                        doc.ents.mentions.iter().enumerate().any(|(m, mm)| {
                            mm.sentence == s
                                && mm.tok_start >= subj.first_tok
                                && mm.tok_end <= subj.last_tok.max(subj.first_tok + 1)
                                && (mm.entity == e
                                    || self.actor_entity(doc, s, m, false) == Some(e))
                                && self.span_agrees_with_subject(
                                    doc,
                                    s,
                                    mm.tok_start,
                                    mm.tok_end,
                                    st,
                                )
                        })
                    })
                    .collect();
                if !agreeing.is_empty() && agreeing.len() < subj.entities.len() {
                    return SubjectCheck::Replace(Arg {
                        entities: agreeing,
                        ..subj.clone()
                    });
                }
            }
            return SubjectCheck::Agrees;
        }
        // the parse's subject, when it names an actor, replaces the scan's ("Ethnic Albanians
        // in south Serbia are demanding": the Albanians, not Serbia)
        let parsed = self.parse_subject_token(doc, s, v).and_then(|st| {
            let m = doc.ment_at[s][st]?;
            let e = self.actor_entity(doc, s, m, false)?;
            let mut a = self.extend_right(doc, s, m);
            a.entities[0] = e;
            (a.last_tok <= v).then_some(a)
        });
        match parsed {
            Some(a) => SubjectCheck::Replace(a),
            None => SubjectCheck::Contradicts,
        }
    }

    /// The token the dependency parse makes the subject of verb `v`'s clause, if the sentence
    /// was parsed: the verb's own `nsubj`, or the one it shares as an infinitive complement
    /// (the object of "urged Israel to withdraw"), a conjunct or a subjectless adjunct; for a
    /// relative clause, the noun it modifies; for a predicate noun ("X was the last president
    /// to visit Y"), that noun's subject.
    fn parse_subject_token(&self, doc: &Doc, s: usize, v: usize) -> Option<usize> {
        let syn = doc.syntax.get(s).and_then(|x| x.as_ref())?;
        let words = &syn.words;
        if !syn.parsed || v >= words.len() {
            return None;
        }
        let toks = doc.toks(s);
        let child = |h: usize, rels: &[&str]| {
            words
                .iter()
                .position(|w| w.head == h + 1 && rels.contains(&w.deprel.as_str()))
        };
        let mut cur = v;
        let mut st = None;
        for _ in 0..6 {
            if let Some(c) = child(cur, &["nsubj", "nsubj:pass"]) {
                let relative = matches!(norm(&toks[c]), "who" | "which" | "that");
                st = if relative && words[cur].deprel.starts_with("acl") && words[cur].head > 0 {
                    Some(words[cur].head - 1)
                } else {
                    Some(c)
                };
                break;
            }
            let w = &words[cur];
            if w.head == 0 {
                break;
            }
            match w.deprel.as_str() {
                // object control: "urged Israel to withdraw" (Israel withdraws); a common noun
                // object is more often a purpose clause ("lodged protests to ask X"), and so is
                // a named one after a verb of no control ("visited Zimbabwe to sign": the
                // visitor signs)
                "xcomp" => match child(w.head - 1, &["obj", "iobj"]) {
                    Some(o)
                        if (doc.ment_at[s][o].is_some() || words[o].upos == "PRON")
                            && self
                                .lex
                                .object_control_verbs
                                .iter()
                                .any(|p| p.verb.contains(norm(&toks[w.head - 1]))) =>
                    {
                        st = Some(o);
                        break;
                    }
                    _ => cur = w.head - 1,
                },
                "conj" => cur = w.head - 1,
                // a finite verb or one with an auxiliary modifies no noun: the parse is wrong
                // ("Senator X endorsed Y" parsed as "Senator [who] endorsed")
                // nor does a participle with a direct object ("aircraft using guided bombs
                // killed four soldiers": "killed" is the main verb)
                "acl"
                    if child(cur, &["aux"]).is_some()
                        || doc
                            .xpos(s, cur)
                            .is_some_and(|x| matches!(x, "VBD" | "VBZ" | "VBP"))
                        || (doc.xpos(s, cur) == Some("VBN") && child(cur, &["obj"]).is_some()) =>
                {
                    break;
                }
                // a statement speaks for whoever issued it: "X issued a declaration demanding
                // ...", "X said in a statement urging ..." (the issuing verb's subject)
                "acl"
                    if self.lex.utterance_nouns.contains(norm(&toks[w.head - 1]))
                        && matches!(words[w.head - 1].deprel.as_str(), "obj" | "obl")
                        && words[w.head - 1].head > 0 =>
                {
                    cur = words[w.head - 1].head - 1;
                }
                "acl" | "acl:relcl" => {
                    st = Some(w.head - 1);
                    break;
                }
                _ => break,
            }
        }
        let mut st = st?;
        // a predicate noun: "X was the last president to visit Y" (X visits)
        if child(st, &["cop"]).is_some()
            && let Some(n) = child(st, &["nsubj"])
        {
            st = n;
        }
        Some(st)
    }

    /// Whether the parse's subject of verb `v` (see [`Self::parse_subject_token`]) differs
    /// from the scan's: the scan's subject agrees when the parse's subject is one of its tokens,
    /// or when its tokens attach to that word as a name part, apposition, conjunct, possessor,
    /// modifier or listed member ("Russia's ambassador", "Russian officials", "states,
    /// including China"), or the two form one stretch of nouns (the parser does not know the
    /// names). A pronoun subject is resolved elsewhere: no conflict.
    fn parse_contradicts_subject(&self, doc: &Doc, s: usize, v: usize, subj: &Arg) -> bool {
        if subj.indirect || subj.entities.is_empty() {
            return false;
        }
        let Some(st) = self.parse_subject_token(doc, s, v) else {
            return false;
        };
        let Some(syn) = doc.syntax.get(s).and_then(|x| x.as_ref()) else {
            return false;
        };
        if syn.words[st].upos == "PRON" {
            return false;
        }
        let (lo, hi) = (subj.first_tok, subj.last_tok.max(subj.first_tok + 1));
        !self.span_agrees_with_subject(doc, s, lo, hi, st)
    }

    /// Whether tokens `lo..hi` (a subject phrase found by the surface scan) and the parse's
    /// subject token `st` are one noun phrase (see [`Self::parse_contradicts_subject`]).
    fn span_agrees_with_subject(
        &self,
        doc: &Doc,
        s: usize,
        lo: usize,
        hi: usize,
        st: usize,
    ) -> bool {
        let Some(syn) = doc.syntax.get(s).and_then(|x| x.as_ref()) else {
            return true;
        };
        let words = &syn.words;
        let toks = doc.toks(s);
        if (lo..hi).contains(&st) {
            return true;
        }
        // the parser does not know the names: "Secretary of State Warren Christopher" or "rights
        // watchdog Amnesty International" may come out with a title word as the subject. A
        // stretch of nouns, adjectives and title-internal "of" between the two is one phrase.
        let (a, b) = if st < lo { (st, lo) } else { (hi, st + 1) };
        let one_phrase = (a..b).all(|x| {
            let w = norm(&toks[x]);
            // the tagger, too, may take a noun for a verb ("watchdog"); a finite verb it is not
            let nominal = match words[x].upos {
                "NOUN" | "PROPN" | "ADJ" | "NUM" => true,
                "VERB" => {
                    !matches!(words[x].xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD")
                        && toks[x].text.chars().all(|c| c.is_alphabetic())
                }
                _ => false,
            };
            nominal
                || w == "of"
                    && x > 0
                    && x + 1 < toks.len()
                    && toks[x - 1].text.starts_with(char::is_uppercase)
                    && toks[x + 1].text.starts_with(char::is_uppercase)
        });
        if one_phrase {
            return true;
        }
        let has_case = |x: usize| words.iter().any(|w| w.head == x + 1 && w.deprel == "case");
        // a list introduced by "including" / "such as" belongs to the noun it follows
        let listed = |x: usize| {
            words.iter().enumerate().any(|(i, w)| {
                w.head == x + 1
                    && w.deprel == "case"
                    && matches!(norm(&toks[i]), "including" | "like" | "such" | "among")
            })
        };
        let ancestor = |mut x: usize, goal: usize| {
            for _ in 0..12 {
                if x == goal {
                    return true;
                }
                if words[x].head == 0 {
                    return false;
                }
                x = words[x].head - 1;
            }
            false
        };
        // the scan's subject agrees when it and the parse's subject are one noun phrase: its
        // tokens climb through name-internal attachments to a word that is, or governs, the
        // parse's subject
        (lo..hi.min(words.len())).any(|t| {
            let mut x = t;
            for _ in 0..8 {
                if x == st || ancestor(st, x) {
                    return true;
                }
                let w = &words[x];
                let inside = matches!(
                    w.deprel.as_str(),
                    "flat" | "compound" | "appos" | "conj" | "nmod:poss" | "nmod:desc" | "amod"
                        | "nummod"
                ) || matches!(w.deprel.as_str(), "nmod" | "obl") && listed(x)
                    // an apposition taken for a modifier: "the US commander, General X,"
                    || w.deprel == "nmod" && !has_case(x)
                    // "the nations of Bahrain and Kosovo", "leaders of the EU"
                    || w.deprel == "nmod" && {
                        let h = norm(&toks[w.head - 1]);
                        self.lex.state_agent_nouns.contains(h)
                            || STATE_GROUP_NOUNS.contains(&h)
                            || h == "members"
                    };
                if w.head == 0 || !inside {
                    return false;
                }
                x = w.head - 1;
            }
            false
        })
    }

    fn quotes(&self, doc: &Doc) -> Vec<QuoteMention> {
        let spans = doc.quote_spans.clone();
        let mut out: Vec<QuoteMention> = Vec::new();
        let sent_of = |byte: usize| {
            doc.sentences
                .iter()
                .position(|s| s.span.start <= byte && byte < s.span.end.max(s.span.start + 1))
        };
        let mut prev_end_sentence: Option<usize> = None;
        for q in spans {
            let mut speaker = None;
            // after the closing mark, same sentence: ", X said" / ", said X" / ", he said"
            if let Some(s) = sent_of(q.outer.end.saturating_sub(1)) {
                let toks = doc.toks(s);
                let after = toks
                    .iter()
                    .position(|t| t.span.start >= q.outer.end)
                    .unwrap_or(toks.len());
                let window =
                    (after..(after + 10).min(toks.len())).find(|&j| self.is_reporting(doc, s, j));
                if let Some(r) = window {
                    let between_quote = toks[after..r]
                        .iter()
                        .any(|t| matches!(t.text.as_str(), "“" | "\""));
                    if !between_quote {
                        speaker = self.speaker_near(doc, s, r);
                    }
                }
                // "“...,” according to a tweet on Monday by X"
                if speaker.is_none()
                    && let Some(a) = (after..(after + 4).min(toks.len()))
                        .find(|&j| norm(&toks[j]) == "according")
                {
                    speaker = self.according_to(doc, s, a);
                }
                // the quote ends its sentence and the next one reports it: "“... !” Macron told"
                if speaker.is_none()
                    && after == toks.len()
                    && s + 1 < doc.sentences.len()
                    && doc.text[q.outer.end..doc.sentences[s + 1].span.start]
                        .trim()
                        .is_empty()
                {
                    let next = doc.toks(s + 1);
                    if let Some(r) = (0..next.len().min(6))
                        .take_while(|&j| !matches!(next[j].text.as_str(), "“" | "\""))
                        .find(|&j| self.is_reporting(doc, s + 1, j))
                    {
                        speaker = self.speaker_near(doc, s + 1, r);
                    }
                }
            }
            // "X opposed Y's statement: “...”": the subject of the clause before the colon
            if speaker.is_none()
                && let Some(s) = sent_of(q.outer.start)
            {
                let toks = doc.toks(s);
                let before = toks
                    .iter()
                    .position(|t| t.span.start >= q.outer.start)
                    .unwrap_or(0);
                if before > 0 && norm(&toks[before - 1]) == ":" {
                    speaker = (0..before - 1).find_map(|j| {
                        let m = doc.mention_starting_at(s, j)?;
                        let mm = &doc.ents.mentions[m];
                        let possessor = toks
                            .get(mm.tok_end)
                            .is_some_and(|t| matches!(norm(t), "'s" | "'"));
                        if self.after_preposition(doc, s, m) || possessor {
                            return None;
                        }
                        self.actor_entity(doc, s, m, false)
                    });
                }
            }
            // before the opening mark in its sentence: "X said that ... “"
            if speaker.is_none()
                && let Some(s) = sent_of(q.outer.start)
            {
                let toks = doc.toks(s);
                let before = toks
                    .iter()
                    .position(|t| t.span.start >= q.outer.start)
                    .unwrap_or(0);
                // a previous quote of the same sentence shares the speaker
                let shared = out
                    .iter()
                    .rev()
                    .find(|p| sent_of(p.span.start) == Some(s) && p.speaker.is_some())
                    .and_then(|p| p.speaker);
                if let Some(r) = (0..before).rev().find(|&j| self.is_reporting(doc, s, j)) {
                    speaker = shared.or_else(|| self.speaker_near(doc, s, r));
                } else if shared.is_some() {
                    speaker = shared;
                } else if let Some(v) = (before.saturating_sub(3)..before).rev().find(|&j| {
                    doc.upos(s, j) == Some("VERB")
                        && self
                            .lex
                            .starting_with(norm(&toks[j]))
                            .iter()
                            .any(|&ti| self.lex.triggers[ti].kind == TriggerKind::Verb)
                }) {
                    // a stance verb quoting its object: "the resolution condemns “...”"
                    speaker = self.subject_left(doc, s, v).map(|a| a.entities[0]);
                }
            }
            // no cue: continues the previous quote of the same or the previous two sentences
            if speaker.is_none()
                && let (Some(s), Some(ps)) = (sent_of(q.outer.start), prev_end_sentence)
                && s <= ps + 2
            {
                speaker = out.last().and_then(|p| p.speaker);
            }
            prev_end_sentence = sent_of(q.outer.end.saturating_sub(1));
            // a resolution or declaration speaks for the body that issued it
            if let Some(e) = speaker
                && doc.class_of(e) == "Document"
            {
                speaker = self.issuer(doc, e).or(speaker);
            }
            out.push(QuoteMention {
                span: q.inner,
                speaker,
            });
        }
        out
    }

    /// The source after "according to" at token `a`: the first actor, or the person behind a
    /// medium ("according to a statement by the ministry", "a tweet by X").
    fn according_to(&self, doc: &Doc, s: usize, a: usize) -> Option<usize> {
        let toks = doc.toks(s);
        if toks.get(a + 1).is_none_or(|t| norm(t) != "to") {
            return None;
        }
        let mut j = a + 2;
        while j < toks.len() && j < a + 14 {
            if BOUNDARY.contains(&norm(&toks[j])) {
                return None;
            }
            if let Some(m) = doc.mention_starting_at(s, j) {
                let m = self.np_head(doc, s, m);
                if let Some(e) = self.actor_entity(doc, s, m, false) {
                    return Some(e);
                }
                j = doc.ents.mentions[m].tok_end;
                continue;
            }
            j += 1;
        }
        None
    }

    /// The body a document's words stand for: the international organization or government body
    /// that most often issues something ("has voted", "adopted"), then the one named most often in
    /// the sentences that name the document, then most often overall.
    fn issuer(&self, doc: &Doc, document: usize) -> Option<usize> {
        let doc_sentences: std::collections::BTreeSet<usize> = doc
            .ents
            .mentions
            .iter()
            .filter(|m| m.entity == document)
            .map(|m| m.sentence)
            .collect();
        let mut counts: BTreeMap<usize, (usize, usize, usize)> = BTreeMap::new();
        for m in &doc.ents.mentions {
            if matches!(
                doc.class_of(m.entity),
                "InternationalOrganization" | "GovernmentBody"
            ) {
                // "the Security Council has voted", "the assembly adopted"
                let toks = doc.toks(m.sentence);
                let issues = (m.tok_end..(m.tok_end + 4).min(toks.len()))
                    .take_while(|&j| doc.ment_at[m.sentence][j].is_none())
                    .any(|j| self.lex.issuing_forms.contains(norm(&toks[j])));
                let c = counts.entry(m.entity).or_default();
                c.0 += usize::from(issues);
                c.1 += usize::from(doc_sentences.contains(&m.sentence));
                c.2 += 1;
            }
        }
        counts
            .into_iter()
            .max_by_key(|&(e, n)| (n, std::cmp::Reverse(e)))
            .map(|(e, _)| e)
    }

    fn reported_speech(&self, doc: &Doc) -> Vec<Speech> {
        let mut out = Vec::new();
        for s in 0..doc.sentences.len() {
            let toks = doc.toks(s);
            for r in 0..toks.len() {
                let w = norm(&toks[r]);
                if w == "according" && toks.get(r + 1).is_some_and(|t| t.lower == "to") {
                    if let Some(speaker) = self.according_to(doc, s, r) {
                        out.push(Speech {
                            sentence: s,
                            from: 0,
                            to: toks.len(),
                            speaker,
                        });
                    }
                    continue;
                }
                if !self.is_reporting(doc, s, r) {
                    continue;
                }
                let Some(speaker) = self.speaker_near(doc, s, r) else {
                    continue;
                };
                // complement after the verb (skip the addressee: "told Reuters", "told the Council that")
                let mut from = r + 1;
                let mut a = from;
                while a < toks.len() && matches!(norm(&toks[a]), "the" | "a" | "an") {
                    a += 1;
                }
                // only verbs that take an addressee have one: "said the US must" has none
                let addressee = matches!(
                    w.trim_end_matches('s')
                        .trim_end_matches("ed")
                        .trim_end_matches("ing"),
                    "tell"
                        | "told"
                        | "inform"
                        | "assur"
                        | "assure"
                        | "warn"
                        | "remind"
                        | "brief"
                        | "notifi"
                        | "notify"
                        | "advis"
                        | "advise"
                        | "promis"
                        | "promise"
                );
                if addressee && let Some(m) = doc.mention_starting_at(s, a) {
                    from = doc.ents.mentions[m].tok_end;
                }
                let limit = (r + 6).min(toks.len());
                if let Some(t) = (from..limit).find(|&j| norm(&toks[j]) == "that") {
                    from = t + 1;
                }
                if from < toks.len() {
                    out.push(Speech {
                        sentence: s,
                        from,
                        to: toks.len(),
                        speaker,
                    });
                }
                // "..., X said." — the complement is before
                if r > 0
                    && (r + 3 >= toks.len())
                    && let Some(c) = (0..r).rev().find(|&j| norm(&toks[j]) == ",")
                {
                    out.push(Speech {
                        sentence: s,
                        from: 0,
                        to: c,
                        speaker,
                    });
                }
            }
        }
        out
    }

    /// The speech around token `k` of sentence `s`: its speaker and token range, from a direct
    /// quotation or reported speech.
    fn speech_region(
        doc: &Doc,
        quotes: &[QuoteMention],
        speech: &[Speech],
        s: usize,
        k: usize,
    ) -> Option<(usize, usize, usize)> {
        let toks = doc.toks(s);
        let byte = toks[k].span.start;
        let quoted = quotes
            .iter()
            .find(|q| q.span.start <= byte && byte < q.span.end)
            .map(|q| {
                let lo = toks
                    .iter()
                    .position(|t| t.span.start >= q.span.start)
                    .unwrap_or(0);
                let hi = toks
                    .iter()
                    .position(|t| t.span.start >= q.span.end)
                    .unwrap_or(toks.len());
                (q.speaker, lo, hi)
            });
        let reported = speech
            .iter()
            .filter(|sp| sp.sentence == s && sp.from <= k && k < sp.to)
            .max_by_key(|sp| sp.from)
            .map(|sp| (Some(sp.speaker), sp.from, sp.to));
        // the innermost speech speaks: "“Carter suggested that Hamas should stop”, Nazzal said"
        let inner = match (quoted, reported) {
            (Some(q), Some(r)) if r.1 > q.1 => Some(r),
            (Some(q), _) => Some(q),
            (None, r) => r,
        }?;
        inner.0.map(|sp| (sp, inner.1, inner.2))
    }

    /// Obligations in speech: "Hamas should stop its rockets" said by X, "X declared that China
    /// must drop barriers" → X demands the clause's subject.
    fn deontic(
        &self,
        doc: &Doc,
        quotes: &[QuoteMention],
        speech: &[Speech],
        out: &mut Vec<RelationMention>,
    ) {
        for s in 0..doc.sentences.len() {
            let toks = doc.toks(s);
            let mut k = 0;
            while k < toks.len() {
                let Some((ti, end)) = self.longest_trigger(doc, s, k, TriggerKind::Deontic) else {
                    k += 1;
                    continue;
                };
                let t = &self.lex.triggers[ti];
                // "has no need to", "the need to": a noun states no obligation; "had to quit"
                // tells what happened; "I have to go", "we must": the speaker's own duty or the
                // audience's, no demand on a named actor
                if matches!(doc.upos(s, k), Some("NOUN"))
                    || norm(&toks[k]) == "had"
                    || first_person_before(doc, s, k).is_some()
                {
                    k = end;
                    continue;
                }
                // an action is required, not a state or a passive ("must become", "should be opened")
                let mut v = end;
                while v < toks.len() && matches!(norm(&toks[v]), "not" | "also" | "now" | "still") {
                    v += 1;
                }
                // "must be ready to mediate": readiness for an action is required
                let ready = toks.get(v).is_some_and(|w| norm(w) == "be")
                    && toks
                        .get(v + 1)
                        .is_some_and(|w| matches!(norm(w), "ready" | "prepared" | "willing"))
                    && toks.get(v + 2).is_some_and(|w| norm(w) == "to");
                // ("will ever have to an official concession": "to" before a noun is no modal)
                let action = ready
                    || toks.get(v).is_some_and(|w| {
                        !BE.contains(&norm(w))
                            && !matches!(norm(w), "become" | "remain" | "stay")
                            && !DETERMINERS.contains(&norm(w))
                            && !matches!(doc.upos(s, v), Some("DET" | "NOUN" | "PROPN" | "NUM"))
                    });
                if action
                    && let Some((speaker, lo, _)) = Self::speech_region(doc, quotes, speech, s, k)
                    && let Some(subj) = self.subject_left(doc, s, k)
                    // a named subject: "they need to" in a quote is too often someone unnamed
                    && !subj.indirect
                    && subj.first_tok >= lo
                    && !subj.entities.contains(&speaker)
                {
                    let speaker_arg = Arg::named(speaker, subj.first_tok, subj.first_tok + 1);
                    // the demand itself is asserted: "must not" still demands (to refrain), and the
                    // modal is the trigger, not a hedge
                    self.emit(
                        doc,
                        out,
                        s,
                        &speaker_arg,
                        &subj,
                        &t.predicate,
                        (k, end),
                        false,
                        Modality::Asserted,
                        0.65,
                        "deontic",
                    );
                }
                k = end;
            }
        }
    }

    /// Stance words in speech: "the separation was a blatant break of the norms" said by X → X condemns
    /// the actor of the separation.
    fn evaluative(
        &self,
        doc: &Doc,
        quotes: &[QuoteMention],
        speech: &[Speech],
        out: &mut Vec<RelationMention>,
    ) {
        for s in 0..doc.sentences.len() {
            let toks = doc.toks(s);
            let mut k = 0;
            while k < toks.len() {
                let Some((ti, end)) = self.longest_trigger(doc, s, k, TriggerKind::Evaluative)
                else {
                    k += 1;
                    continue;
                };
                let t = &self.lex.triggers[ti];
                let Some((speaker, lo, hi)) = Self::speech_region(doc, quotes, speech, s, k) else {
                    k = end;
                    continue;
                };
                // "[the Turkish] aggression", "Russia's provocation": the stance noun's own actor
                let mut own_actor: Option<(usize, bool, usize)> = None;
                let mut b = k;
                while b > 0
                    && k - b < 3
                    && matches!(norm(&toks[b - 1]), "the" | "[" | "]" | "'s" | "this")
                {
                    b -= 1;
                }
                if let Some(m) = doc.mention_ending_at(s, b) {
                    let mm = &doc.ents.mentions[m];
                    if matches!(
                        doc.class_of(mm.entity),
                        "Country"
                            | "Territory"
                            | "InternationalOrganization"
                            | "GovernmentBody"
                            | "Organization"
                            | "PoliticalParty"
                    ) && mm.entity != speaker
                    {
                        own_actor = Some((mm.entity, false, mm.tok_start));
                    }
                }
                // the target: nearest mention or event phrase left of the trigger within the speech
                let mut target: Option<(usize, bool, usize)> = None;
                let mut j = k;
                while j > lo {
                    let w = norm(&toks[j - 1]);
                    if let Some(m) = doc.ment_at[s][j - 1] {
                        let mm = &doc.ents.mentions[m];
                        if mm.entity != speaker
                            && mm.kind != MentionKind::DemonymAdjective
                            && doc.class_of(mm.entity) != "Person"
                        {
                            target = Some((mm.entity, false, mm.tok_start));
                            break;
                        }
                        j = mm.tok_start;
                        continue;
                    }
                    if self.lex.event_nouns.contains(w)
                        && let Some((e, ind)) = self.event_actor(doc, s, j - 1)
                    {
                        target = Some((e, ind, j - 1));
                        break;
                    }
                    j -= 1;
                }
                // the stance word must be predicated of the target ("the separation was a break
                // of the norms", "the action may rekindle conflicts"), not merely follow it
                let predicated = target.is_some_and(|(_, _, at)| {
                    (at + 1..k).any(|x| {
                        let w = norm(&toks[x]);
                        BE.contains(&w)
                            || AUX.contains(&w)
                                && !matches!(w, "all" | "both" | "each" | "no" | "even" | "once")
                            || matches!(doc.upos(s, x), Some("VERB" | "AUX"))
                    })
                });
                if let Some((e, indirect, at)) = own_actor.or(target.filter(|_| predicated)) {
                    let subj = Arg::named(speaker, k, end);
                    let obj = Arg {
                        entities: vec![e],
                        indirect,
                        first_tok: at,
                        last_tok: at + 1,
                    };
                    let (negated, modality) = self.polarity(doc, s, k, t);
                    let before = out.len();
                    self.emit(
                        doc,
                        out,
                        s,
                        &subj,
                        &obj,
                        &t.predicate,
                        (k, end),
                        negated,
                        modality,
                        0.55,
                        "evaluative",
                    );
                    for r in &mut out[before..] {
                        r.attributed_to = Some(speaker);
                    }
                }
                let _ = hi;
                k = end;
            }
        }
    }

    /// A person reporting their own state's stance holds it too: "Tadic said that Serbia will not
    /// accept an independent Kosovo" → Tadic opposes Kosovo (when Tadic leads or represents Serbia).
    fn speaker_stance(&self, out: &mut Vec<RelationMention>) {
        let roles: Vec<(usize, usize)> = out
            .iter()
            .filter(|r| matches!(r.predicate.as_str(), "leads" | "represents") && !r.negated)
            .map(|r| (r.subject, r.object))
            .collect();
        let mut extra = Vec::new();
        for r in out.iter() {
            let Some(sp) = r.attributed_to else { continue };
            // a stance voiced by the state's speaker is the speaker's too; an act or an event
            // ("Israel is engaged in talks with X", said the ambassador) is the state's alone
            if sp == r.subject
                || !matches!(
                    self.ontology.family_of(&r.predicate),
                    "SUPPORT" | "DISAPPROVE" | "REQUEST" | "THREATEN"
                )
            {
                continue;
            }
            if roles.contains(&(sp, r.subject)) && sp != r.object {
                let mut x = r.clone();
                x.subject = sp;
                x.pattern = "speaker-stance";
                let hedge = if x.modality == Modality::Asserted {
                    1.0
                } else {
                    0.8
                };
                x.confidence = ConfidenceTable::embedded()
                    .get(x.pattern)
                    .map_or(x.confidence * 0.8, |c| c * hedge);
                x.confidence = (x.confidence * 100.0).round() / 100.0;
                extra.push(x);
            }
        }
        out.extend(extra);
    }
}

/// Patterns that state roles and parts (titles, appositions, bodies, member lists, locations)
/// rather than events.
fn is_structural(pattern: &str) -> bool {
    matches!(
        pattern,
        "title" | "apposition" | "body-of-state" | "member-list" | "location"
    )
}

/// Whether the argument starting at token `first` follows "according to" (determiners between).
fn cited_source(toks: &[Token], first: usize) -> bool {
    let mut j = first;
    while j > 0 && DETERMINERS.contains(&norm(&toks[j - 1])) {
        j -= 1;
    }
    j >= 2 && norm(&toks[j - 1]) == "to" && norm(&toks[j - 2]) == "according"
}

/// The state or organization that `person` holds a title of in sentence `s` ("Israeli Prime
/// Minister Ehud Olmert" → Israel), with the evidence span of that title relation.
fn title_affiliation(
    doc: &Doc,
    out: &[RelationMention],
    s: usize,
    person: usize,
) -> Option<(usize, Span)> {
    out.iter()
        .find(|r| {
            r.sentence == s
                && r.subject == person
                && r.pattern == "title"
                && matches!(r.predicate.as_str(), "leads" | "represents")
                && doc.class_of(r.object) != "Person"
        })
        .map(|r| (r.object, r.span))
}

/// A weekday, month or relative day ("Monday", "today", "tonight"): a time adjunct, no noun of
/// the phrase.
fn is_time_word(w: &str) -> bool {
    is_date_word(w) || matches!(w, "today" | "yesterday" | "tomorrow" | "tonight")
}
