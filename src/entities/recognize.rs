//! Rule-based entity recognition over a segmented document: lexicon (gazetteer) hits, capitalized
//! names typed by their head word (from the ontology), persons after titles, acronym definitions,
//! documents, partial names and description coreference.

use super::gender::{FirstNameGenders, Gender};
use super::{DocumentEntities, Entity, Mention, MentionKind};
use crate::ontology::{Ontology, TriggerKind};
use crate::text::{Sentence, Span, Token};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeSet;

/// What a lexicon hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HitKind {
    /// A name or short name of the entry.
    Name,
    /// An acronym of the entry.
    Acronym,
    /// A demonym adjective of a state ("Serbian"): the hit's entity is the state.
    DemonymAdjective,
    /// A plural demonym noun ("Serbs"): the hit's entity is the people (an ethnic group).
    DemonymNoun,
    /// A capital city: the hit's entity is the city, `state` its country.
    Capital,
}

/// The state an entry belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateRef {
    /// Canonical name.
    pub canonical: String,
    /// Class local name.
    pub class: String,
    /// Wikidata QID.
    pub qid: Option<String>,
}

/// A match of a lexicon entry in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconHit {
    /// Byte span in the searched text.
    pub span: Span,
    /// Canonical name of the entry.
    pub canonical: String,
    /// Class local name.
    pub class: String,
    /// Wikidata QID.
    pub qid: Option<String>,
    /// What kind of form matched.
    pub kind: HitKind,
    /// The state the entry belongs to (capital, demonym, ethnic group), if any.
    pub state: Option<StateRef>,
}

/// A source of known names (the gazetteer), behind a trait so that tests can use a small one.
pub trait Lexicon: Send + Sync {
    /// All non-overlapping hits in `text`, leftmost-longest, sorted by start.
    fn find(&self, text: &str) -> Vec<LexiconHit>;
    /// The entry whose name or alias equals `name` (exact, case-sensitive rules as in `find`).
    fn lookup(&self, name: &str) -> Option<LexiconHit>;
}

/// Honorifics that open a person's designation without being part of the name ("His
/// Excellency Mr. Dennis Francis", "H.E. Mr. Isaias Afwerki", "His Majesty King Mohammed VI").
const HONORIFICS: &[&str] = &[
    "excellency",
    "excellencies",
    "majesty",
    "highness",
    "eminence",
    "holiness",
    "h.e",
    "h.m",
    "h.r.h",
    "mr",
    "mrs",
    "ms",
];

/// Whether a word says that the noun after it is a member ("Member State", "member States").
pub(crate) fn is_member_word(lower: &str) -> bool {
    matches!(lower, "member" | "members" | "fellow")
}

/// Words that are capitalized at the start of a sentence but are not names.
const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "in",
    "on",
    "at",
    "for",
    "but",
    "and",
    "or",
    "if",
    "when",
    "while",
    "after",
    "before",
    "despite",
    "although",
    "though",
    "as",
    "with",
    "by",
    "from",
    "to",
    "of",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "there",
    "here",
    "what",
    "who",
    "whom",
    "which",
    "where",
    "why",
    "how",
    "some",
    "many",
    "most",
    "all",
    "both",
    "each",
    "every",
    "no",
    "not",
    "also",
    "however",
    "meanwhile",
    "according",
    "during",
    "since",
    "until",
    "like",
    "unlike",
    "about",
    "over",
    "under",
    "between",
    "among",
    "instead",
    "other",
    "another",
    "such",
    "only",
    "even",
    "still",
    "yet",
    "so",
    "then",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "last",
    "next",
    "first",
    "new",
    "former",
    "several",
    "few",
    "more",
    "less",
    "much",
    "one",
    "two",
    "three",
    "aside",
    "referring",
    "those",
    "because",
    "once",
    "later",
    "earlier",
    "thus",
    "therefore",
    "further",
    "furthermore",
    "moreover",
    "although",
    "whether",
    "any",
    "none",
    "nothing",
    "everyone",
    "everything",
    "mr",
    "mrs",
    "ms",
    "dr",
    "said",
    "says",
    "only",
    "just",
    "very",
    "isn't",
    "don't",
    "we'll",
    "it's",
    "expressing",
    "calling",
    "saying",
    "adding",
    "following",
    "including",
    "regarding",
    "speaking",
    "media",
    "police",
    "officials",
    "government",
    "reports",
    "sources",
    "yes",
    "please",
    "thank",
    "thanks",
];

const MONTHS_AND_DAYS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Lower-case words allowed inside a capitalized name ("Organization for Security and Cooperation").
const NAME_CONNECTORS: &[&str] = &[
    "of", "for", "and", "the", "de", "del", "da", "dos", "van", "von", "der", "den", "al", "bin",
    "ibn", "in", "on", "&", "-",
];

/// Name particles among the connectors: they join the parts of a person's name ("Mohammad bin
/// Salman", "Ursula von der Leyen"), unlike the function words that join an organization's.
fn is_name_particle(lower: &str) -> bool {
    NAME_CONNECTORS.contains(&lower)
        && !matches!(
            lower,
            "of" | "for" | "and" | "the" | "in" | "on" | "&" | "-"
        )
}

/// Whether name particles start at `k` and a capitalized word follows them before `end`
/// ("van den Berg").
fn particles_before_name(toks: &[Token], k: usize, end: usize) -> bool {
    let mut i = k;
    while i < end && i < k + 2 && is_name_particle(&toks[i].lower) {
        i += 1;
    }
    i > k && i < end && is_cap(&toks[i])
}

/// Whether token `k` abbreviates a title before a name: a short capitalized word with a period
/// and a capitalized word after it ("Capt. Rashid", "Gov. Manchin"), not an initial ("S. R.
/// Nathan") nor a place's prefix ("St. Louis", "Mt. Kenya").
fn is_abbreviated_title(toks: &[Token], k: usize) -> bool {
    let t = &toks[k];
    is_cap(t)
        && toks.get(k + 1).is_some_and(|n| n.text == ".")
        && toks.get(k + 2).is_some_and(is_cap)
        && (2..=4).contains(&t.text.chars().count())
        && !is_all_caps(&t.text)
        && !matches!(t.lower.as_str(), "st" | "mt" | "ft" | "pt")
}

/// Whether a token is a person's initials: capital letters each followed by a period ("F.W.",
/// "J.").
fn is_initials(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= 2
        && b.len().is_multiple_of(2)
        && b.chunks(2)
            .all(|c| c[0].is_ascii_uppercase() && c[1] == b'.')
}

/// Weekday and month names (and their common abbreviations).
pub fn is_date_word(w: &str) -> bool {
    MONTHS_AND_DAYS.contains(&w)
}

/// Prepositions after which a name's head ends ("Mission in Kosovo" → head "Mission").
const HEAD_STOPPERS: &[&str] = &["of", "for", "in", "on", "to", "&", "and"];

/// The pseudo-class of names whose head word the ontology excludes ("Iran–Iraq War").
const EXCLUDED: &str = "!excluded";

/// Recognizes entities in documents. Built once per process from the ontology and a lexicon.
pub struct EntityRecognizer<'a> {
    lexicon: &'a dyn Lexicon,
    /// Title patterns (lower-case token sequences), longest first.
    titles: Vec<Vec<String>>,
    /// The same titles with their head noun in the plural ("presidents", "prime ministers"),
    /// longest first: titles only before a name of two or more words.
    plural_titles: Vec<Vec<String>>,
    /// The first words of all titles, singular and plural: most tokens start none.
    title_firsts: HashSet<String>,
    /// Head word → class, by priority.
    heads: HashMap<String, String>,
    /// Description noun → class.
    descriptions: HashMap<String, String>,
    reporting: HashSet<String>,
    excluded: HashSet<String>,
    state_agents: HashSet<String>,
    /// Nouns after which a demonym names its people ("Palestinian refugees").
    people_nouns: HashSet<String>,
    /// Titles qualified by a portfolio ("Defense Secretary").
    portfolio_titles: HashSet<String>,
    /// Modifiers of a title ("Vice", "Deputy", "Acting": `ng:titleModifier`).
    title_modifiers: HashSet<String>,
    /// The classes of the ontology's organization type family.
    org_classes: HashSet<String>,
    /// Nouns for unnamed collective actors ("rebels") and the nouns that join them ("rebel group").
    group_nouns: HashSet<String>,
    group_modifiers: HashSet<String>,
    generic_groups: HashSet<String>,
    /// Whether unnamed groups anchored by a nationality or a place are actors ("Afghan rebels").
    group_actors: bool,
}

fn is_cap(t: &Token) -> bool {
    // "al-Assad", "bin-Salman", "el-Sisi": a lower-case particle joined to a capitalized name
    for p in ["al-", "el-", "bin-", "ibn-", "ad-", "as-", "ash-", "abu-"] {
        if let Some(rest) = t.text.strip_prefix(p) {
            return rest.chars().next().is_some_and(char::is_uppercase);
        }
    }
    let mut chars = t.text.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => t.text.chars().any(|c| c.is_alphabetic()),
        _ => false,
    }
}

fn is_all_caps(t: &str) -> bool {
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

fn is_number(t: &Token) -> bool {
    t.text
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && t.text.chars().any(|c| c.is_ascii_digit())
}

/// Normalized key of a name for identity within a document.
pub(crate) fn name_key(name: &str) -> String {
    let lower = name.to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    lower.chars().filter(|c| c.is_alphanumeric()).collect()
}

struct Builder<'s> {
    /// The document's sentences.
    sentences: &'s [Sentence],
    entities: Vec<Entity>,
    index: HashMap<(String, String), usize>,
    mentions: Vec<Mention>,
    parent: Vec<usize>,
    /// The document's word statistics for the statistical tagger (computed when first needed).
    ner_doc: Option<super::ner::DocumentCase>,
    /// Spans the statistical tagger found, per sentence index (tagged when first asked).
    ner: HashMap<usize, Vec<super::ner::TypedSpan>>,
    /// Entities the gazetteer knows (created from a lexicon hit).
    known: HashSet<usize>,
}

impl Builder<'_> {
    /// The statistical tagger's type of exactly tokens `a..b` of `sent`, if it finds them.
    fn ner_type(
        &mut self,
        lexicon: &dyn Lexicon,
        sent: &Sentence,
        a: usize,
        b: usize,
    ) -> Option<String> {
        let model = super::ner::NerModel::embedded().ok()?;
        let sentences = self.sentences;
        let doc = self.ner_doc.get_or_insert_with(|| {
            let words: Vec<Vec<&str>> = sentences
                .iter()
                .map(|s| s.tokens.iter().map(|t| t.text.as_str()).collect())
                .collect();
            super::ner::document_case(&words)
        });
        let spans = self.ner.entry(sent.index).or_insert_with(|| {
            let words: Vec<&str> = sent.tokens.iter().map(|t| t.text.as_str()).collect();
            model.spans_in_document(doc, &words, lexicon)
        });
        spans
            .iter()
            .find(|sp| sp.1 == a && sp.2 == b)
            .map(|sp| sp.0.clone())
    }

    /// A city named after the place `hit` matched ("Gaza City", "the city of São Paulo"), in the
    /// place's state (the place itself when it is a country). No identifier: the gazetteer's is
    /// the place's.
    fn city_of_place(&mut self, label: &str, hit: &LexiconHit) -> usize {
        let city = self.entity(label, "City", None);
        let state = if hit.class == "Country" {
            Some(self.entity_of_hit(hit))
        } else {
            hit.state
                .as_ref()
                .map(|st| self.entity(&st.canonical, &st.class, st.qid.clone()))
        };
        if let Some(st) = state
            && st != city
        {
            self.entities[city].state.get_or_insert(st);
        }
        city
    }

    fn entity(&mut self, label: &str, class: &str, qid: Option<String>) -> usize {
        let key = (class.to_string(), name_key(label));
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        let i = self.entities.len();
        self.entities.push(Entity {
            label: label.to_string(),
            class: class.to_string(),
            aliases: BTreeSet::new(),
            qid,
            state: None,
            merge_reasons: Vec::new(),
        });
        self.parent.push(i);
        self.index.insert(key, i);
        i
    }

    fn entity_of_hit(&mut self, hit: &LexiconHit) -> usize {
        let e = self.entity(&hit.canonical, &hit.class, hit.qid.clone());
        self.known.insert(e);
        // a city other than a capital does not stand for its state ("Toronto Mayor David
        // Miller", "a Karachi police officer"), so it is not tied to it
        let plain_city = hit.class == "City" && hit.kind == HitKind::Name;
        if let Some(st) = hit.state.as_ref().filter(|_| !plain_city) {
            let s = self.entity(&st.canonical, &st.class, st.qid.clone());
            if s != e {
                self.entities[e].state = Some(s);
            }
        }
        e
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Merges `other` into `keep`.
    fn merge(&mut self, keep: usize, other: usize, kind: &str) {
        let (k, o) = (self.find(keep), self.find(other));
        if k == o {
            return;
        }
        self.parent[o] = k;
        let label = self.entities[o].label.clone();
        let aliases = std::mem::take(&mut self.entities[o].aliases);
        let reasons = std::mem::take(&mut self.entities[o].merge_reasons);
        let qid = self.entities[o].qid.clone();
        let state = self.entities[o].state;
        let ke = &mut self.entities[k];
        ke.aliases.insert(label.clone());
        ke.aliases.extend(aliases);
        ke.merge_reasons.extend(reasons);
        ke.merge_reasons.push((kind.to_string(), label));
        if ke.qid.is_none() {
            ke.qid = qid;
        }
        if ke.state.is_none() {
            ke.state = state;
        }
    }

    fn mention(&mut self, sent: &Sentence, a: usize, b: usize, entity: usize, kind: MentionKind) {
        self.mentions.push(Mention {
            sentence: sent.index,
            tok_start: a,
            tok_end: b,
            span: Span::new(sent.tokens[a].span.start, sent.tokens[b - 1].span.end),
            entity,
            kind,
        });
    }
}

impl<'a> EntityRecognizer<'a> {
    /// Builds a recognizer from the ontology (titles, name heads, description nouns) and a lexicon.
    pub fn new(ontology: &Ontology, lexicon: &'a dyn Lexicon) -> Self {
        let mut titles: Vec<Vec<String>> = ontology
            .predicates
            .values()
            .flat_map(|p| p.triggers.iter())
            .filter(|t| t.kind == TriggerKind::Title)
            .map(|t| t.pattern.split_whitespace().map(str::to_string).collect())
            .chain(
                ontology
                    .courtesy_titles
                    .iter()
                    .map(|t| t.split_whitespace().map(str::to_string).collect()),
            )
            .collect();
        titles.sort_by(|a: &Vec<String>, b: &Vec<String>| b.len().cmp(&a.len()).then(a.cmp(b)));
        titles.dedup();
        let mut plural_titles: Vec<Vec<String>> = titles
            .iter()
            .flat_map(|t| {
                // the head noun: the last word before "of" ("secretaries of state"); every
                // plural form ("secretaries-general", "secretary-generals")
                let head = t.iter().position(|w| w == "of").unwrap_or(t.len());
                let forms = match head.checked_sub(1) {
                    Some(h) => crate::relations::lexicon::noun_forms(&t[h]),
                    None => Vec::new(),
                };
                forms
                    .into_iter()
                    .skip(1)
                    .map(|f| {
                        let mut p = t.clone();
                        p[head - 1] = f;
                        p
                    })
                    .collect::<Vec<_>>()
            })
            .filter(|p| !titles.contains(p))
            .collect();
        plural_titles
            .sort_by(|a: &Vec<String>, b: &Vec<String>| b.len().cmp(&a.len()).then(a.cmp(b)));
        plural_titles.dedup();
        let title_firsts = titles
            .iter()
            .chain(&plural_titles)
            .filter_map(|t| t.first().cloned())
            .collect();
        // Priority when a head word types several classes: the more specific class wins.
        let priority = [
            "Document",
            "PoliticalParty",
            "GovernmentBody",
            "Organization",
            "InternationalOrganization",
        ];
        let mut heads = HashMap::default();
        for cls in priority.iter().rev() {
            if let Some(c) = ontology.class(cls) {
                for h in &c.name_heads {
                    heads.insert(h.clone(), c.local.clone());
                }
            }
        }
        let mut descriptions = HashMap::default();
        for c in ontology.classes.values() {
            for d in &c.description_nouns {
                descriptions.insert(d.clone(), c.local.clone());
            }
        }
        EntityRecognizer {
            lexicon,
            titles,
            plural_titles,
            title_firsts,
            heads,
            descriptions,
            reporting: ontology.reporting_verbs.iter().cloned().collect(),
            excluded: ontology.excluded_name_heads.iter().cloned().collect(),
            state_agents: ontology.state_agent_nouns.iter().cloned().collect(),
            people_nouns: ontology.people_nouns.iter().cloned().collect(),
            portfolio_titles: ontology.portfolio_titles.iter().cloned().collect(),
            title_modifiers: ontology.title_modifiers.iter().cloned().collect(),
            org_classes: ontology
                .classes
                .values()
                .filter(|c| c.family == "organization")
                .map(|c| c.local.clone())
                .collect(),
            group_nouns: ontology.group_actor_nouns.iter().cloned().collect(),
            group_modifiers: ontology.group_modifier_nouns.iter().cloned().collect(),
            generic_groups: ontology.generic_group_nouns.iter().cloned().collect(),
            group_actors: false,
        }
    }

    /// Recognizes unnamed collective actors anchored by a nationality or a place ("Afghan
    /// rebels", "opposition groups in Zimbabwe") as organizations of their own (off by default:
    /// the evaluation gold relates named entities only, event coding relates sector actors too).
    pub fn with_group_actors(mut self, on: bool) -> Self {
        self.group_actors = on;
        self
    }

    /// The people a demonym adjective at `k..e` names when a people noun follows it
    /// ("Palestinian refugees" → Palestinians): the gazetteer's nationality noun of the same state.
    fn people_of_demonym(&self, toks: &[Token], k: usize, e: usize) -> Option<LexiconHit> {
        let noun = toks.get(e)?;
        if !self.people_nouns.contains(noun.lower.as_str()) {
            return None;
        }
        let adjective = sent_text(toks, k, e);
        [format!("{adjective}s"), adjective]
            .iter()
            .filter_map(|n| self.lexicon.lookup(n))
            .find(|h| h.kind == HitKind::DemonymNoun || h.class == "EthnicGroup")
    }

    /// The class a name's head word gives, if any.
    fn head_class(&self, toks: &[Token]) -> Option<String> {
        // a head with "of" in it ends the name ("United States House of Representatives")
        let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        for n in 3..=4.min(words.len()) {
            let tail = words[words.len() - n..].join(" ");
            if tail.contains(" of ")
                && let Some(c) = self.heads.get(&tail)
            {
                return Some(c.clone());
            }
        }
        let mut end = toks.len();
        for (i, t) in toks.iter().enumerate().skip(1) {
            if HEAD_STOPPERS.contains(&t.lower.as_str()) {
                end = i;
                break;
            }
        }
        let mut head = end;
        while head > 0 && is_number(&toks[head - 1]) {
            head -= 1;
        }
        if head == 0 {
            return None;
        }
        // (a person's surname is no excluded head: "Keith Hall", "Trevor East")
        if self.excluded.contains(&toks[head - 1].lower)
            && !(head == 2 && FirstNameGenders::embedded().get(&toks[0].text).is_some())
        {
            return Some(EXCLUDED.to_string());
        }
        if head >= 2 {
            let two = format!("{} {}", toks[head - 2].lower, toks[head - 1].lower);
            if let Some(c) = self.heads.get(&two) {
                return Some(c.clone());
            }
        }
        self.heads.get(&toks[head - 1].lower).cloned()
    }

    /// Length of the longest title starting at token `i`.
    fn title_len(&self, toks: &[Token], i: usize) -> usize {
        // (cheap exit: most tokens start no title; `i` may be the end of the sentence)
        if toks
            .get(i)
            .is_none_or(|t| !self.title_firsts.contains(&t.lower))
        {
            return 0;
        }
        let matches = |t: &Vec<String>| {
            i + t.len() <= toks.len() && t.iter().enumerate().all(|(k, w)| toks[i + k].lower == *w)
        };
        if let Some(t) = self.titles.iter().find(|t| matches(t)) {
            return t.len();
        }
        // "Presidents Muhammadu Buhari of Nigeria and Patrice Talon of Benin", "Senators Kamala
        // Harris and Elizabeth Warren": a plural title before a name of two words or more (not
        // "House of Representatives", "Kings Cross")
        self.plural_titles
            .iter()
            .find(|t| {
                matches(t)
                    && (i == 0 || toks[i - 1].lower != "of")
                    // "Joint Chiefs of Staff Chairman X": a name's word, not a title
                    && !self.titles.iter().any(|r| {
                        let j = i + t.len();
                        j + r.len() <= toks.len()
                            && r.iter().enumerate().all(|(k, w)| toks[j + k].lower == *w)
                    })
                    && toks[i + t.len()..]
                        .iter()
                        .take(2)
                        .filter(|t| is_cap(t) && t.text.chars().all(char::is_alphabetic))
                        .count()
                        == 2
            })
            .map_or(0, Vec::len)
    }

    /// Whether a title ends just before token `k`.
    fn title_ending_at(&self, toks: &[Token], k: usize) -> bool {
        (1..=4.min(k)).any(|n| self.title_len(toks, k - n) == n)
    }

    /// "security minister Wiranto", "U.S. President Bush": a single capitalized word right after
    /// a title is a person's name, unless the title is itself inside a name ("Larry King Live",
    /// "Lord Mayor Candidate": a capitalized word outside any mention before it), the word is
    /// one the news corpus writes in lower case ("General Staff") or an abbreviation ("Capt.").
    fn titled_single(&self, b: &Builder, sent: &Sentence, k: usize) -> bool {
        let toks = &sent.tokens;
        let Some(n) = (1..=4.min(k)).find(|&n| self.title_len(toks, k - n) == n) else {
            return false;
        };
        let start = k - n;
        let before_is_bare_name = start > 0
            && is_cap(&toks[start - 1])
            && !b
                .mentions
                .iter()
                .any(|m| m.sentence == sent.index && m.tok_start < start && start <= m.tok_end);
        let abbreviation =
            toks.get(k + 1).is_some_and(|t| t.text == ".") && toks.get(k + 2).is_some_and(is_cap);
        !before_is_bare_name
            && !abbreviation
            && !super::ner::NerModel::embedded().is_ok_and(|m| m.mostly_lower_case(&toks[k].lower))
    }

    /// Whether the token at `i` ends a title ("President", "ambassador").
    pub fn is_title_at(&self, toks: &[Token], i: usize) -> usize {
        self.title_len(toks, i)
    }

    /// "Defense Secretary X", "Trade and Investment Minister X": capitalized words right before a
    /// title that the news corpus writes in lower case name the office's portfolio, not an
    /// organization ("Hamas leader X" keeps Hamas); so do a title's modifiers ("Vice Premier").
    fn is_portfolio(&self, toks: &[Token], s: usize, e: usize) -> bool {
        // "Vice Premier X", "Acting President X": a title's modifier belongs to the title
        if (s..e).all(|j| self.title_modifiers.contains(&toks[j].lower))
            && self.title_len(toks, e) > 0
        {
            return true;
        }
        let Ok(model) = super::ner::NerModel::embedded() else {
            return false;
        };
        // the words up to the title: capitalized common words, joined by "and" / "&"
        let mut j = s;
        while j < toks.len()
            && !self.portfolio_titles.contains(&toks[j].lower)
            && ((is_cap(&toks[j]) && model.often_lower_case(&toks[j].lower))
                || (j > s && matches!(toks[j].lower.as_str(), "and" | "&")))
        {
            j += 1;
        }
        j >= e
            && j > s
            && toks
                .get(j)
                .is_some_and(|t| self.portfolio_titles.contains(&t.lower))
    }

    /// "People's Liberation Army", "Workers' Party", "Prime Minister's Office": a capitalized
    /// common noun (one the news corpus also writes in lower case, not itself an organization's
    /// head word) or a title, with a possessive at `j`, then a capitalized name ending in an
    /// organization's head word, is one name. A known name ("Spain's People's Party"), a rarer
    /// word ("Tsvangirai's Movement", "al-Sadr's Mahdi Army"), an organization ("the Army's
    /// Criminal Investigation Command") or an acronym ("WA's High Court") is the possessor.
    fn possessive_inside_name(
        &self,
        toks: &[Token],
        tok_hit: &[Option<(usize, usize)>],
        i: usize,
        j: usize,
    ) -> bool {
        let possessive = toks.get(j).is_some_and(|t| match t.text.as_str() {
            "'s" | "’s" => true,
            "'" | "’" => toks[j - 1].lower.ends_with('s'),
            _ => false,
        });
        if !possessive || (i..j).any(|x| tok_hit[x].is_some()) {
            return false;
        }
        // (past a sentence-opening article: "The People's Liberation Army")
        let i = if j == i + 2 && toks[i].lower == "the" {
            i + 1
        } else {
            i
        };
        let w = &toks[i];
        // one capitalized word written like a common noun: not "DeLay", "al-Sadr", "WA"
        let common_noun = j == i + 1
            && is_cap(w)
            && w.text.chars().skip(1).all(char::is_lowercase)
            && !self.heads.contains_key(w.lower.as_str())
            && !self.descriptions.contains_key(w.lower.as_str())
            && !self.excluded.contains(&w.lower)
            && !is_date_word(&w.lower)
            && super::ner::NerModel::embedded().is_ok_and(|m| m.often_lower_case(&w.lower));
        let title = (i..j).any(|x| self.title_len(toks, x) == j - x);
        if !(common_noun || title) {
            return false;
        }
        let mut z = j + 1;
        while z < toks.len() && is_cap(&toks[z]) && tok_hit[z].is_none() {
            z += 1;
        }
        z > j + 1
            && self
                .heads
                .get(&toks[z - 1].lower)
                .is_some_and(|c| self.org_classes.contains(c))
    }

    /// Recognizes the entities of one document.
    pub fn recognize(&self, text: &str, sentences: &[Sentence]) -> DocumentEntities {
        let hits = self.lexicon.find(text);
        let lower_words: HashSet<&str> = sentences
            .iter()
            .flat_map(|s| s.tokens.iter())
            .filter(|t| t.text.chars().next().is_some_and(|c| c.is_lowercase()))
            .map(|t| t.text.as_str())
            .collect();
        // the statistical tagger only types names the rules would call persons by default
        let mut b = Builder {
            sentences,
            entities: Vec::new(),
            index: HashMap::default(),
            mentions: Vec::new(),
            parent: Vec::new(),
            ner_doc: None,
            ner: HashMap::default(),
            known: HashSet::default(),
        };
        let mut singles: Vec<(usize, usize)> = Vec::new(); // (sentence, token) of unresolved single names
        let mut hit_ix = 0;
        for sent in sentences {
            let toks = &sent.tokens;
            // lexicon hits aligned to tokens
            while hit_ix < hits.len() && hits[hit_ix].span.start < sent.span.start {
                hit_ix += 1;
            }
            let mut tok_hit: Vec<Option<(usize, usize)>> = vec![None; toks.len()]; // (hit index, end token)
            let mut h = hit_ix;
            while h < hits.len() && hits[h].span.start < sent.span.end {
                let hs = hits[h].span;
                let a = toks.iter().position(|t| t.span.start == hs.start);
                let z = toks.iter().position(|t| t.span.end == hs.end);
                if let (Some(a), Some(z)) = (a, z) {
                    tok_hit[a] = Some((h, z + 1));
                }
                h += 1;
            }
            let mut i = 0;
            while i < toks.len() {
                if let Some(hit) = self.elided_name(toks, &tok_hit, &hits, i) {
                    let ent = b.entity_of_hit(&hit);
                    b.mention(sent, i, i + 1, ent, MentionKind::Name);
                    i += 1;
                    continue;
                }
                // "US$10 million", "AU$ 5 million": a country code written onto a dollar sign
                // names a currency, not the country
                if toks
                    .get(i + 1)
                    .is_some_and(|d| d.text == "$" && d.span.start == toks[i].span.end)
                {
                    i += 1;
                    continue;
                }
                let starts_hit = tok_hit[i].is_some();
                if !(starts_hit || is_cap(&toks[i])) {
                    // "Resolution" lower-case is not a name; skip
                    i += 1;
                    continue;
                }
                // extend the capitalized span
                let mut j = i;
                loop {
                    if j < toks.len() {
                        if let Some((_, e)) = tok_hit[j] {
                            j = e;
                            continue;
                        }
                        if is_cap(&toks[j]) && !toks[j].lower.starts_with('\'') {
                            j += 1;
                            continue;
                        }
                        if j > i && self.possessive_inside_name(toks, &tok_hit, i, j) {
                            j += 1;
                            continue;
                        }
                        if is_number(&toks[j])
                            && j > i
                            && self
                                .heads
                                .get(&toks[j - 1].lower)
                                .is_some_and(|c| c == "Document")
                        {
                            j += 1;
                            continue;
                        }
                        // "Movement for the Actualization of ...", "Treaty on the Prohibition of
                        // Nuclear Weapons": an organization's or a document's name goes on through
                        // "of the" / "for the" / "on the" (not into a known name: "Embassy of the
                        // United States")
                        if j > i
                            && j + 2 < toks.len()
                            && matches!(toks[j].lower.as_str(), "of" | "for" | "on")
                            && toks[j + 1].lower == "the"
                            && is_cap(&toks[j + 2])
                            && tok_hit[j + 2].is_none()
                            && (i..j).all(|t| tok_hit[t].is_none())
                            && toks[i..j].iter().any(|t| {
                                self.heads.get(&t.lower).is_some_and(|c| {
                                    matches!(
                                        c.as_str(),
                                        "Organization"
                                            | "PoliticalParty"
                                            | "GovernmentBody"
                                            | "Document"
                                    )
                                })
                            })
                        {
                            j += 2;
                            continue;
                        }
                        if j > i
                            && j + 1 < toks.len()
                            && NAME_CONNECTORS.contains(&toks[j].lower.as_str())
                            && (is_cap(&toks[j + 1])
                                || tok_hit[j + 1].is_some()
                                || particles_before_name(toks, j, toks.len()))
                            // "... in Iraq on Friday": a date is no part of a name
                            && !(matches!(toks[j].lower.as_str(), "on" | "in")
                                && is_date_word(&toks[j + 1].lower))
                            // "Mission in Kosovo" is a name, "Human Rights Watch in Kenya" a location
                            && (toks[j].lower != "in"
                                || self.heads.get(&toks[j - 1].lower).is_some_and(|c| {
                                    matches!(c.as_str(), "GovernmentBody" | "InternationalOrganization")
                                })
                                || toks[i..j]
                                    .iter()
                                    .any(|t| matches!(t.lower.as_str(), "of" | "for")))
                            && (toks[j].lower != "and"
                                || toks[i..j]
                                    .iter()
                                    .any(|t| matches!(t.lower.as_str(), "of" | "for" | "on")))
                        {
                            j += 1;
                            continue;
                        }
                    }
                    break;
                }
                // a connector cannot end a name
                while j > i + 1 && NAME_CONNECTORS.contains(&toks[j - 1].lower.as_str()) {
                    j -= 1;
                }
                // "London -based", "US -led" (a link's text set apart from its suffix): a
                // compound adjective, as "London-based" is, names no actor
                if j > i
                    && toks
                        .get(j)
                        .is_some_and(|t| t.text == "-" && t.span.start > toks[j - 1].span.end)
                    && toks.get(j + 1).is_some_and(|t| {
                        t.span.start == toks[j].span.end
                            && t.text.chars().next().is_some_and(char::is_lowercase)
                    })
                {
                    i = j;
                    continue;
                }
                self.process_span(
                    &mut b,
                    sent,
                    &tok_hit,
                    &hits,
                    &lower_words,
                    &mut singles,
                    i,
                    j,
                );
                i = j.max(i + 1);
            }
        }
        if self.group_actors {
            self.group_actors(&mut b, sentences);
        }
        self.acronyms(&mut b, sentences);
        self.resolve_singles(&mut b, sentences, &singles, &lower_words);
        self.short_names(&mut b);
        self.descriptions(&mut b, sentences);
        self.one_class_per_name(&mut b, sentences);
        // finalize: point mentions at representatives, drop merged entities, reindex
        let mut rep: Vec<usize> = (0..b.entities.len()).map(|i| b.find(i)).collect();
        let mut keep: Vec<usize> = (0..b.entities.len())
            .filter(|&i| rep[i] == i && b.mentions.iter().any(|m| rep[m.entity] == i))
            .collect();
        // states referenced by kept entities stay too (demonyms, capitals)
        let mut extra = Vec::new();
        for &k in &keep {
            if let Some(s) = b.entities[k].state {
                extra.push(rep[s]);
            }
        }
        keep.extend(extra);
        keep.sort();
        keep.dedup();
        let new_ix: HashMap<usize, usize> = keep.iter().enumerate().map(|(n, &o)| (o, n)).collect();
        let mut entities: Vec<Entity> = keep.iter().map(|&o| b.entities[o].clone()).collect();
        for e in entities.iter_mut() {
            e.state = e.state.and_then(|s| new_ix.get(&rep[s]).copied());
            let label = e.label.clone();
            e.aliases.remove(&label);
        }
        for r in rep.iter_mut() {
            *r = new_ix.get(r).copied().unwrap_or(usize::MAX);
        }
        let mut mentions: Vec<Mention> = b
            .mentions
            .into_iter()
            .filter_map(|mut m| {
                m.entity = rep[m.entity];
                (m.entity != usize::MAX).then_some(m)
            })
            .collect();
        mentions.sort_by_key(|m| (m.sentence, m.tok_start, m.tok_end));
        mentions.dedup_by_key(|m| (m.sentence, m.tok_start));
        // surface forms become aliases
        for m in &mentions {
            if matches!(
                m.kind,
                MentionKind::DemonymAdjective | MentionKind::Description
            ) {
                continue;
            }
            let form = text[m.span.start..m.span.end].to_string();
            let e = &mut entities[m.entity];
            // "the Houthi movement", "the Likud party": the name with a lower-case party head
            // word after it is a name of it too (not "Xinhua news", "the Hamas government")
            if m.kind == MentionKind::Name
                && let Some(next) = sentences[m.sentence].tokens.get(m.tok_end)
                && next.text.chars().next().is_some_and(char::is_lowercase)
                && self
                    .heads
                    .get(next.lower.as_str())
                    .is_some_and(|c| c == "PoliticalParty")
                // a coalition or bloc around a party is another body
                && !matches!(next.lower.as_str(), "coalition" | "bloc")
                // "Movement Toward Socialism party": the name already has its head
                && !sentences[m.sentence].tokens[m.tok_start..m.tok_end]
                    .iter()
                    .any(|t| self.heads.get(t.lower.as_str()).is_some_and(|c| c == "PoliticalParty"))
                && matches!(
                    e.class.as_str(),
                    "Organization" | "PoliticalParty" | "GovernmentBody" | "Group"
                )
            {
                e.aliases.insert(format!("{form} {}", next.text));
            }
            if form != e.label {
                e.aliases.insert(form);
            }
        }
        DocumentEntities { entities, mentions }
    }

    #[allow(clippy::too_many_arguments)]
    fn process_span(
        &self,
        b: &mut Builder,
        sent: &Sentence,
        tok_hit: &[Option<(usize, usize)>],
        hits: &[LexiconHit],
        lower_words: &HashSet<&str>,
        singles: &mut Vec<(usize, usize)>,
        i: usize,
        j: usize,
    ) {
        let toks = &sent.tokens;
        let mut a = i;
        // "If the Security Council", "Since the European Union": a function word capitalized
        // because it opens the sentence (or a clause after punctuation) is no part of the name
        while a + 1 < j
            && a == i
            && (a == 0 || toks[a - 1].text.chars().all(|c| !c.is_alphanumeric()))
            && tok_hit[a].is_none()
            && toks[a].lower != "the"
            && FUNCTION_WORDS.contains(&toks[a].lower.as_str())
            && toks[a + 1].lower == "the"
        {
            a += 1;
        }
        // leading article
        while a < j && toks[a].lower == "the" && tok_hit[a].is_none() {
            a += 1;
        }
        if a >= j {
            return;
        }
        // "Air France", "Radio Canada", "Bank Indonesia": an organization's head word before a
        // state's name is the organization's name, the state its state
        if tok_hit[a].is_none()
            && is_cap(&toks[a])
            && self
                .heads
                .get(&toks[a].lower)
                .is_some_and(|c| c == "Organization")
            && let Some((h, e)) = tok_hit.get(a + 1).copied().flatten()
            && e == j
            && matches!(hits[h].class.as_str(), "Country" | "Territory")
            && hits[h].kind == HitKind::Name
        {
            let st = b.entity_of_hit(&hits[h]);
            let org = b.entity(&sent_text(toks, a, j), "Organization", None);
            b.entities[org].state.get_or_insert(st);
            b.mention(sent, a, j, org, MentionKind::Name);
            return;
        }
        // a whole span typed by its head word (an organization or a document), unless one hit covers it all
        let whole_hit = tok_hit[a].is_some_and(|(_, e)| e == j);
        let excluded = self.head_class(&toks[a..j]).is_some_and(|c| c == EXCLUDED);
        if !whole_hit && j - a >= 2 && !excluded {
            // skip leading titles ("President Obama's Department"? rare) — titles break org names only at the start
            if let Some(class) = self.head_class(&toks[a..j]) {
                // "Federal Aviation Office of Germany": the state after "of" is not part of the name
                // (the relation extractor links the body to it); "the Government of Afghanistan" is
                // the state itself
                if let Some(of) = (a + 1..j).find(|&x| toks[x].lower == "of") {
                    let state_hit = tok_hit.get(of + 1).copied().flatten().filter(|&(h, e)| {
                        e == j
                            && matches!(hits[h].class.as_str(), "Country" | "Territory")
                            && hits[h].kind == HitKind::Name
                    });
                    if let Some((h, _)) = state_hit {
                        let head_words: Vec<&str> =
                            toks[a..of].iter().map(|t| t.lower.as_str()).collect();
                        let st = b.entity_of_hit(&hits[h]);
                        if head_words.len() == 1 && self.state_agents.contains(head_words[0]) {
                            b.mention(sent, a, j, st, MentionKind::Name);
                        } else if head_words.len() == 1 && class == "Organization" {
                            // "Voice of America", "Church of England", "Bank of Japan": a
                            // one-word organization head keeps the state in its name
                            let e = b.entity(&sent_text(toks, a, j), &class, None);
                            b.entities[e].state.get_or_insert(st);
                            b.mention(sent, a, j, e, MentionKind::Name);
                        } else {
                            let label = sent_text(toks, a, of);
                            let e = b.entity(&label, &class, None);
                            if b.entities[e].state.is_none() {
                                b.entities[e].state = Some(st);
                            }
                            b.mention(sent, a, of, e, MentionKind::Name);
                            b.mention(sent, of + 1, j, st, MentionKind::Name);
                        }
                        return;
                    }
                }
                // a leading demonym or state name gives the body's state ("Iraqi Parliament")
                let state = tok_hit[a].and_then(|(h, _)| {
                    let hit = &hits[h];
                    matches!(hit.class.as_str(), "Country" | "Territory").then(|| hit.clone())
                });
                let label = &sent_text(toks, a, j);
                let e = match self.lexicon.lookup(label) {
                    Some(hit) => b.entity_of_hit(&hit),
                    None => b.entity(label, &class, None),
                };
                if let Some(st) = state {
                    let s = b.entity_of_hit(&st);
                    if s != e && b.entities[e].state.is_none() {
                        b.entities[e].state = Some(s);
                    }
                }
                b.mention(sent, a, j, e, MentionKind::Name);
                return;
            }
        }
        // otherwise: hits as they are, titles skipped, the rest as unknown names
        let mut k = a;
        let mut run_start: Option<usize> = None;
        let flush = |b: &mut Builder, singles: &mut Vec<(usize, usize)>, s: usize, e: usize| {
            self.unknown_name(b, sent, lower_words, singles, s, e);
        };
        while k < j {
            if let Some((h, e)) = tok_hit[k] {
                if let Some(s) = run_start.take() {
                    flush(b, singles, s, k);
                }
                let hit = &hits[h];
                // "Toronto Star", "Chicago Tribune", "Port Adelaide": a city other than a
                // capital next to another name word is part of a longer name
                if hit.class == "City"
                    && hit.kind == HitKind::Name
                    && (run_start.is_some()
                        || e < j
                            && is_cap(&toks[e])
                            && tok_hit[e].is_none()
                            && self.title_len(toks, e) == 0
                            && !is_date_word(&toks[e].lower)
                            // "Mayor of Toronto David Miller"
                            && FirstNameGenders::embedded().get(&toks[e].text).is_none())
                {
                    run_start.get_or_insert(k);
                    k = e;
                    continue;
                }
                // "Mohammed Ali Mardhi": a known person's name followed by another name word is
                // the beginning of someone else's longer name, not that person
                if hit.class == "Person"
                    && hit.kind == HitKind::Name
                    && e < j
                    && is_cap(&toks[e])
                    && tok_hit[e].is_none()
                    && self.title_len(toks, e) == 0
                    && !is_date_word(&toks[e].lower)
                    && !self.heads.contains_key(toks[e].lower.as_str())
                {
                    // (unless it goes on with the person's own full name: "Gustavo Petro
                    // Urrego" for Gustavo Francisco Petro Urrego)
                    let full: Vec<&str> = hit.canonical.split_whitespace().collect();
                    let mut z = e;
                    while z < j && full.contains(&toks[z].text.as_str()) {
                        z += 1;
                    }
                    if z > e {
                        let ent = b.entity_of_hit(hit);
                        b.mention(sent, k, z, ent, MentionKind::Name);
                        k = z;
                        continue;
                    }
                    if run_start.is_none() {
                        run_start = Some(k);
                    }
                    k = e;
                    continue;
                }
                // "Palestinian refugees", "Iraqi civilians": the demonym and its noun name the
                // people (as "Palestinians" does), not the state
                if hit.kind == HitKind::DemonymAdjective
                    && e == j
                    && let Some(group) = self.people_of_demonym(toks, k, e)
                {
                    let ent = b.entity_of_hit(&group);
                    b.mention(sent, k, e + 1, ent, MentionKind::Name);
                    k = e + 1;
                    continue;
                }
                // "Gaza City", "Quebec City", "New York City": a place's name with "City" after
                // it names a city of the place's state (not the place and an organization "City")
                if matches!(hit.class.as_str(), "Territory" | "Country" | "City")
                    && matches!(hit.kind, HitKind::Name | HitKind::Capital)
                    && e < j
                    && toks[e].text == "City"
                    && tok_hit[e].is_none()
                {
                    let city = b.city_of_place(&sent_text(toks, k, e + 1), hit);
                    b.mention(sent, k, e + 1, city, MentionKind::Name);
                    k = e + 1;
                    continue;
                }
                // "the city of São Paulo": a division that shares its name with its main city
                // is the city when the text says so (no identifier: the gazetteer's is the
                // division's)
                let ent = if hit.class == "Territory"
                    && hit.kind == HitKind::Name
                    && self.place_described_before(toks, k) == Some("City")
                {
                    // the label as written: the canonical name is the division's
                    b.city_of_place(&sent_text(toks, k, e), hit)
                } else {
                    b.entity_of_hit(hit)
                };
                let kind = match hit.kind {
                    HitKind::Acronym => MentionKind::Acronym,
                    HitKind::DemonymAdjective => MentionKind::DemonymAdjective,
                    HitKind::Capital => MentionKind::Capital,
                    _ => MentionKind::Name,
                };
                b.mention(sent, k, e, ent, kind);
                k = e;
                continue;
            }
            let tl = self.title_len(toks, k);
            if tl > 0 && run_start.is_none() {
                k += tl;
                continue;
            }
            // "Amazon Environmental Research Institute Director Ane Alencar": a title inside a run
            // ends the organization's name and starts the person's
            if tl > 0
                && let Some(rs) = run_start
                && k + tl < j
                && is_cap(&toks[k + tl])
            {
                run_start = None;
                if k - rs >= 2 {
                    self.process_span(b, sent, tok_hit, hits, lower_words, singles, rs, k);
                } else {
                    flush(b, singles, rs, k);
                }
                k += tl;
                continue;
            }
            // a lower-case connector ends a name here ("Hassan Rouhani of Iran"); what follows is a
            // name of its own ("Part of Resolution 1776")
            // (a name particle inside a person's name does not: "Mohammad bin Salman")
            let particle = run_start.is_some()
                && particles_before_name(toks, k, j)
                && tok_hit[k + 1].is_none();
            if !is_cap(&toks[k]) && !is_number(&toks[k]) && !particle {
                if let Some(s) = run_start.take() {
                    flush(b, singles, s, k);
                } else if k > a
                    && self.title_ending_at(toks, k)
                    && tok_hit.get(k + 1).copied().flatten().is_none()
                {
                    // "the Secretary of Transportation": the rest names the office, not an entity
                    return;
                }
                if k + 1 < j {
                    self.process_span(b, sent, tok_hit, hits, lower_words, singles, k + 1, j);
                }
                return;
            }
            if run_start.is_none() && !excluded {
                run_start = Some(k);
            }
            k += 1;
        }
        if let Some(s) = run_start {
            flush(b, singles, s, j);
        }
    }

    fn unknown_name(
        &self,
        b: &mut Builder,
        sent: &Sentence,
        lower_words: &HashSet<&str>,
        singles: &mut Vec<(usize, usize)>,
        mut s: usize,
        e: usize,
    ) {
        let toks = &sent.tokens;
        // drop sentence-initial function words and words the document also writes in lower case
        while s < e {
            let l = toks[s].lower.as_str();
            // "Jan Egeland": an abbreviated month written without its period before a name
            // is a first name
            let first_name = s + 1 < e
                && !toks[s].text.ends_with('.')
                && l.len() <= 4
                && !matches!(l, "may" | "june" | "july")
                && !is_date_word(&toks[s + 1].lower)
                && !is_number(&toks[s + 1])
                && toks[s + 1]
                    .text
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
            let common = FUNCTION_WORDS.contains(&l)
                || HONORIFICS.contains(&l.trim_end_matches('.'))
                // ("His Royal Highness the Crown Prince")
                || l == "royal" && s + 1 < e && toks[s + 1].lower == "highness"
                || (MONTHS_AND_DAYS.contains(&l.trim_end_matches('.')) && !first_name);
            // a sentence-initial word the document or the news corpus writes in lower case
            // ("Senior Hamas figure …", "Leading …")
            let initial_common = s == 0
                && (lower_words.contains(l)
                    || super::ner::NerModel::embedded().is_ok_and(|m| m.mostly_lower_case(l)));
            if common
                || initial_common
                || is_number(&toks[s])
                || !toks[s].text.chars().any(char::is_alphabetic)
            {
                s += 1;
            } else {
                break;
            }
        }
        let mut e = e;
        while e > s
            && (MONTHS_AND_DAYS.contains(&toks[e - 1].lower.trim_end_matches('.'))
                || is_number(&toks[e - 1])
                // "Mohammad bin Salman of Saudi Arabia": the connector before a known name
                || NAME_CONNECTORS.contains(&toks[e - 1].lower.as_str()))
        {
            e -= 1;
        }
        if s >= e || self.is_portfolio(toks, s, e) {
            return;
        }
        if e - s == 1 {
            // "Tutsi-dominated", "Iranian-born": a compound adjective, no name
            let adjective = toks[s].text.rsplit_once('-').is_some_and(|(_, last)| {
                !last.is_empty() && last.chars().all(|c| c.is_lowercase())
            });
            if !adjective {
                singles.push((sent.index, s));
            }
            return;
        }
        let label = sent_text(toks, s, e);
        if let Some(hit) = self.lexicon.lookup(&label) {
            let ent = b.entity_of_hit(&hit);
            b.mention(sent, s, e, ent, MentionKind::Name);
            return;
        }
        let name_like = toks[s..e].iter().enumerate().all(|(i, t)| {
            let inner = i > 0 && s + i + 1 < e;
            // initials before the surname are no acronym: "F.W. de Klerk", "George W. Bush"
            // (before a word the news writes in lower case it is an acronym: "E.C. President")
            let initials = s + i + 1 < e
                && is_initials(&t.text)
                && super::ner::NerModel::embedded()
                    .is_ok_and(|m| !m.often_lower_case(&toks[e - 1].lower));
            (is_cap(t) || inner && is_name_particle(&t.lower))
                && (!is_all_caps(&t.text) || initials)
                && t.text
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’' || c == '.')
        });
        if !(name_like && e - s <= 4)
            && let Some(p) = (s + 1..e - 1).find(|&i| is_name_particle(&toks[i].lower))
        {
            // too long for a person's name: the particle separates two names, as any other
            // lower-case word does ("Institut National de Recherche Biomédicale")
            self.unknown_name(b, sent, lower_words, singles, s, p);
            self.unknown_name(b, sent, lower_words, singles, p + 1, e);
            return;
        }
        if name_like && e - s <= 4 {
            // "Deutsche Bahn": organizations the tagger recognizes (its places are not trusted:
            // it calls some unfamiliar persons places); a known first name keeps a person
            let first_name = FirstNameGenders::embedded().get(&toks[s].text).is_some();
            // "Human Rights", "High Commissioner", "Trade Representative": words the news also
            // writes in lower case, none a first name, are an office, a fragment of a longer name
            // or a capitalized phrase, no person
            // (a name head keeps an organization or place: "Labour Relations Board")
            let common_words = !first_name
                && !self.heads.contains_key(&toks[e - 1].lower)
                && super::ner::NerModel::embedded()
                    .is_ok_and(|m| toks[s..e].iter().all(|t| m.often_lower_case(&t.lower)));
            // "Toronto Star", "Chicago Tribune": a name opening with a city's is no person's
            let city_first = !first_name
                && (s + 1..e).any(|z| {
                    self.lexicon
                        .lookup(&sent_text(toks, s, z))
                        .is_some_and(|h| h.class == "City")
                });
            let class = if let Some(place) = self.place_described_before(toks, s) {
                place
            } else if self.town_before_state(toks, s, e) {
                "City"
            } else if city_first {
                "Organization"
            } else {
                match b.ner_type(self.lexicon, sent, s, e).as_deref() {
                    Some("ORG") if !first_name => "Organization",
                    _ if common_words => return,
                    _ => "Person",
                }
            };
            let ent = b.entity(&label, class, None);
            b.mention(sent, s, e, ent, MentionKind::Name);
        }
    }

    /// "United Nations Mission in Kosovo (UNMIK)": the acronym becomes an alias of the name before it.
    fn acronyms(&self, b: &mut Builder, sentences: &[Sentence]) {
        let mut defs: Vec<(String, usize)> = Vec::new();
        for sent in sentences {
            let toks = &sent.tokens;
            for k in 1..toks.len().saturating_sub(2) {
                if toks[k].text != "(" || toks[k + 2].text != ")" || !is_all_caps(&toks[k + 1].text)
                {
                    continue;
                }
                let Some(m) = b
                    .mentions
                    .iter()
                    .rev()
                    .find(|m| m.sentence == sent.index && m.tok_end == k)
                    .cloned()
                else {
                    continue;
                };
                let acr = toks[k + 1].text.clone();
                let target = b.find(m.entity);
                // the acronym may itself be a known entity: merge, keeping the linked one
                if let Some(am) = b
                    .mentions
                    .iter()
                    .find(|x| x.sentence == sent.index && x.tok_start == k + 1)
                    .cloned()
                {
                    let other = b.find(am.entity);
                    if other != target {
                        if b.entities[other].qid.is_some() && b.entities[target].qid.is_none() {
                            b.merge(other, target, "acronym");
                        } else {
                            b.merge(target, other, "acronym");
                        }
                    }
                } else {
                    b.mention(sent, k + 1, k + 2, target, MentionKind::Acronym);
                    b.entities[target]
                        .merge_reasons
                        .push(("acronym".into(), acr.clone()));
                }
                defs.push((acr, target));
            }
        }
        if defs.is_empty() {
            return;
        }
        // later single-token uses of a defined acronym
        for sent in sentences {
            for (k, t) in sent.tokens.iter().enumerate() {
                if let Some((_, e)) = defs.iter().find(|(a, _)| *a == t.text)
                    && !b
                        .mentions
                        .iter()
                        .any(|m| m.sentence == sent.index && m.tok_start <= k && k < m.tok_end)
                {
                    let e = b.find(*e);
                    b.mention(sent, k, k + 1, e, MentionKind::Acronym);
                }
            }
        }
    }

    /// "Resolution 1244" after "Security Council Resolution 1244", "National Police" after "Afghan
    /// National Police": a name that ends another name of the same class is that entity.
    fn short_names(&self, b: &mut Builder) {
        let n = b.entities.len();
        for short in 0..n {
            let s_label = b.entities[short].label.clone();
            let s_class = b.entities[short].class.clone();
            if s_class == "Person"
                || s_label.split_whitespace().count() < 2
                || b.entities[short].qid.is_some()
            {
                continue;
            }
            let long = (0..n).find(|&l| {
                let e = &b.entities[l];
                l != short
                    && e.class == s_class
                    && e.label.len() > s_label.len()
                    && e.label.ends_with(&s_label)
                    && e.label[..e.label.len() - s_label.len()].ends_with(' ')
            });
            if let Some(l) = long {
                b.merge(l, short, "short-name");
            }
        }
        // "Mahan Air" ... "Mahan's director": an unlisted one-word organization that opens an
        // organization's name introduced earlier in the document is that organization (not an
        // acronym, which is a name of its own: "CNN" is not "CNN International")
        let first_mention = |b: &Builder, e: usize| {
            b.mentions
                .iter()
                .filter(|m| m.entity == e)
                .map(|m| (m.sentence, m.tok_start))
                .min()
        };
        for short in 0..n {
            let e = &b.entities[short];
            if e.class != "Organization"
                || e.qid.is_some()
                || e.label.contains(' ')
                || is_all_caps(&e.label)
            {
                continue;
            }
            let prefix = format!("{} ", e.label);
            let short_first = first_mention(b, short);
            let longs: Vec<usize> = (0..n)
                .filter(|&l| {
                    l != short
                        && b.entities[l].class == "Organization"
                        && b.entities[l].label.starts_with(&prefix)
                        && first_mention(b, l) < short_first
                })
                .collect();
            // only when the short form is unambiguous in the document
            if let [l] = longs[..] {
                b.merge(l, short, "short-name");
            }
        }
    }

    /// Single capitalized words: a part of a person's name, a known acronym, a speaker, or a name.
    fn resolve_singles(
        &self,
        b: &mut Builder,
        sentences: &[Sentence],
        singles: &[(usize, usize)],
        lower_words: &HashSet<&str>,
    ) {
        // how often each single name occurs (a name said twice is more likely a real one)
        let mut cap_counts: HashMap<&str, usize> = HashMap::default();
        for &(si, k) in singles {
            *cap_counts
                .entry(sentences[si].tokens[k].text.as_str())
                .or_default() += 1;
        }
        // persons' name parts
        let mut parts: HashMap<String, Vec<usize>> = HashMap::default();
        for (ix, e) in b.entities.iter().enumerate() {
            if e.class == "Person" {
                let words: Vec<&str> = e.label.split_whitespace().collect();
                if let Some(last) = words.last() {
                    parts.entry(last.to_string()).or_default().push(ix);
                }
            }
        }
        // sentence-initial words that nothing else made a name: names when the document names
        // an entity so elsewhere ("Hamas official X said …" after "… Hamas …")
        let mut initial_unresolved: Vec<(usize, usize)> = Vec::new();
        for &(si, k) in singles {
            let sent = &sentences[si];
            let t = &sent.tokens[k];
            if b.mentions
                .iter()
                .any(|m| m.sentence == si && m.tok_start <= k && k < m.tok_end)
            {
                continue;
            }
            if self.is_portfolio(&sent.tokens, k, k + 1) {
                continue;
            }
            // "Member States", "the small island developing States", "the Governments of X",
            // "His Excellency": a description noun (or its plural) capitalized by the house
            // style of the text, or an honorific, names nothing on its own
            let singular = match t.lower.strip_suffix("ies") {
                Some(stem) => format!("{stem}y"),
                None => t.lower.strip_suffix('s').unwrap_or(&t.lower).to_string(),
            };
            let plural = t.lower != singular;
            let description = self.descriptions.contains_key(&t.lower)
                || self.descriptions.contains_key(&singular)
                || plural && self.heads.contains_key(&singular);
            // ("an independent Palestinian State", "our democratic State": after a lower-case
            // word, a state's description noun is capitalized by house style, not as a name;
            // so is any after a determiner, possessive or demonstrative: "this Organization")
            let state_noun = [t.lower.as_str(), singular.as_str()].iter().any(|w| {
                matches!(
                    self.descriptions.get(*w).map(String::as_str),
                    Some("Country" | "Territory")
                )
            });
            let prev = k.checked_sub(1).map(|p| &sent.tokens[p]);
            let house_style = prev.is_some_and(|p| {
                is_member_word(&p.lower)
                    || state_noun && p.text.chars().all(char::is_lowercase)
                    || crate::relations::DETERMINERS.contains(&p.lower.as_str())
                    || matches!(p.lower.as_str(), "every" | "each")
            });
            // "Mr. President", "Ladies and Gentlemen": a title or a form of address alone
            // names no one
            // (a person's surname that is also a title stays a name: "Ms King said")
            let address = self.title_len(&sent.tokens, k) == 1
                && sent.tokens.get(k + 1).is_none_or(|n| !is_cap(n))
                && !parts.contains_key(&t.text)
                || matches!(t.lower.as_str(), "gentlemen" | "ladies");
            if HONORIFICS.contains(&t.lower.trim_end_matches('.'))
                || address
                || description
                    && (plural
                        || house_style
                        || super::ner::NerModel::embedded()
                            .is_ok_and(|m| m.mostly_lower_case(&t.lower)))
            {
                continue;
            }
            let toks = &sent.tokens;
            // "Police Capt. Hakim Azzawi", "Gov. Schwarzenegger": the title names no one
            let abbreviated_title = is_abbreviated_title(toks, k);
            // "IDR 3 trillion", "50.5 million USD", "IDR4.2": a currency code by an amount
            let currency = is_all_caps(&t.text)
                && t.text.chars().filter(char::is_ascii_alphabetic).count() == 3
                && (t.text.chars().any(|c| c.is_ascii_digit())
                    || k > 0 && is_number(&toks[k - 1])
                    || toks.get(k + 1).is_some_and(is_number)
                    || k > 1 && is_number(&toks[k - 2]) && is_date_word(&toks[k - 1].lower)
                    || k > 0
                        && matches!(
                            toks[k - 1].lower.as_str(),
                            "million" | "billion" | "trillion" | "thousand" | "bn" | "m"
                        ));
            if abbreviated_title || currency {
                continue;
            }
            let after_the = k > 0 && sent.tokens[k - 1].lower == "the";
            // "the House" after "the House of Representatives": the head word of a body the
            // document names with "of" is a description of it too (not the "House" of "White
            // House")
            let body_head = |b: &Builder| {
                b.entities.iter().any(|e| {
                    let words: Vec<&str> = e.label.split_whitespace().collect();
                    let stop = words
                        .iter()
                        .position(|x| HEAD_STOPPERS.contains(&x.to_lowercase().as_str()));
                    e.class != "Person" && stop.is_some_and(|p| p > 0 && words[p - 1] == t.text)
                })
            };
            // ("the Greens", "the Conservatives": a plural party head is the party's name)
            let party_name = t.lower.ends_with('s')
                && self
                    .heads
                    .get(&t.lower)
                    .is_some_and(|c| c == "PoliticalParty");
            if after_the
                && !party_name
                && (self.heads.contains_key(&t.lower)
                    || self.descriptions.contains_key(&t.lower)
                    || body_head(b))
            {
                continue; // a description ("the Council"): resolved by coreference
            }
            if let Some(ps) = parts.get(&t.text) {
                let p = b.find(ps[0]);
                b.mention(sent, k, k + 1, p, MentionKind::PartialName);
                b.entities[p]
                    .merge_reasons
                    .push(("surname".into(), t.text.clone()));
                continue;
            }
            if let Some(hit) = self.lexicon.lookup(&t.text) {
                let e = b.entity_of_hit(&hit);
                b.mention(sent, k, k + 1, e, MentionKind::Name);
                continue;
            }
            let next_is_speech = sent
                .tokens
                .get(k + 1)
                .is_some_and(|n| self.is_reporting_form(&n.lower));
            let adjective_like = ["an", "ian", "ese", "ish", "ic", "ern", "ist", "ists", "ism"]
                .iter()
                .any(|s| t.lower.ends_with(s));
            // a word opening a quotation or the clause after a colon is capitalized for that
            // reason alone ("signs reading “Kill …”", "… had this to say: Let …"), and a
            // common word the news corpus almost always writes in lower case names nothing
            // on its own unless the document capitalizes it again
            let clause_initial = k > 0
                && matches!(
                    sent.tokens[k - 1].text.as_str(),
                    ":" | "“" | "\"" | "‘" | "'"
                );
            let common_word = !is_all_caps(&t.text)
                && cap_counts.get(t.text.as_str()).copied().unwrap_or(0) < 2
                && super::ner::NerModel::embedded().is_ok_and(|m| m.mostly_lower_case(&t.lower));
            // "Gazprom's director, ...": a possessor opening the sentence is a name unless the
            // document writes the word in lower case or it is a function or date word
            let possessive = sent
                .tokens
                .get(k + 1)
                .is_some_and(|n| matches!(n.lower.as_str(), "'s" | "’s"));
            let possessive_opening = (k == 0 || clause_initial)
                && possessive
                && !lower_words.contains(t.lower.as_str())
                && !FUNCTION_WORDS.contains(&t.lower.as_str())
                && !MONTHS_AND_DAYS.contains(&t.lower.as_str())
                && !is_date_word(&t.lower)
                // contractions and possessive pronouns: "Let's", "That's", "Today's", "Nobody's"
                && !matches!(
                    t.lower.as_str(),
                    "let" | "that" | "there" | "here" | "what" | "who" | "where" | "how" | "it"
                        | "he" | "she" | "today" | "yesterday" | "tomorrow" | "tonight" | "one"
                        | "everyone" | "everybody" | "nobody" | "someone" | "somebody" | "world"
                        | "country" | "nation" | "government" | "city" | "state" | "year" | "week"
                );
            let place = self.place_described_before(&sent.tokens, k).or_else(|| {
                self.town_before_state(&sent.tokens, k, k + 1)
                    .then_some("City")
            });
            if let Some(place) = place {
                let e = b.entity(&t.text, place, None);
                b.mention(sent, k, k + 1, e, MentionKind::Name);
            } else if next_is_speech
                || self.titled_single(b, sent, k)
                // "Gov. Schwarzenegger", "Capt. Azzawi"
                || k >= 2 && is_abbreviated_title(&sent.tokens, k - 2)
            {
                // "…, said Wiranto", "security minister Wiranto": a person, whom the later
                // mentions of the word name too
                let e = b.entity(&t.text, "Person", None);
                b.mention(sent, k, k + 1, e, MentionKind::Name);
                parts.entry(t.text.clone()).or_default().push(e);
            } else if ((k > 0 && !clause_initial && !common_word)
                || possessive_opening
                // "NDP leader X said": an acronym opening the sentence before a title
                || k == 0
                    && is_all_caps(&t.text)
                    && (2..=6).contains(&t.text.chars().count())
                    && self.title_len(&sent.tokens, k + 1) > 0)
                // a word with a possessive is a noun, whatever its ending ("Mahan's")
                && (!adjective_like || possessive)
                && t.text.chars().count() > 2
                && (possessive_opening
                    || is_all_caps(&t.text)
                    || cap_counts.get(t.text.as_str()).copied().unwrap_or(0) >= 2
                    || sent.tokens[k - 1].lower == "the"
                    || !lower_words.contains(t.lower.as_str()))
            {
                let e = b.entity(&t.text, "Organization", None);
                b.mention(sent, k, k + 1, e, MentionKind::Name);
            } else if (k == 0 || clause_initial)
                && !FUNCTION_WORDS.contains(&t.lower.as_str())
                && !super::ner::NerModel::embedded().is_ok_and(|m| m.mostly_lower_case(&t.lower))
            {
                initial_unresolved.push((si, k));
            }
        }
        for (si, k) in initial_unresolved {
            let sent = &sentences[si];
            let key = name_key(&sent.tokens[k].text);
            // the document's non-person entity of that exact name (a person's one-word name
            // was already matched as a name part above)
            let named = b
                .index
                .iter()
                .filter(|((class, n), _)| *n == key && class != "Person")
                .map(|(_, &e)| e)
                .min();
            if let Some(e) = named {
                b.mention(sent, k, k + 1, e, MentionKind::Name);
                continue;
            }
            // otherwise the statistical tagger decides ("Hamas protested against ...": a name
            // nothing else in the document repeats)
            let class = match b.ner_type(self.lexicon, sent, k, k + 1).as_deref() {
                Some("ORG") => "Organization",
                Some("PER") => "Person",
                _ => continue,
            };
            let e = b.entity(&sent.tokens[k].text, class, None);
            b.mention(sent, k, k + 1, e, MentionKind::Name);
        }
    }

    /// "North and South Korea", "East and West Germany": a qualifier coordinated with the first
    /// word of a known name stands for that name with its own qualifier, when the lexicon knows
    /// it.
    /// One name, one entity: the rules type each mention of an unknown name from its own
    /// sentence, so "Yahoo said" made a person of the company the rest of the document calls
    /// an organization. Entities of one name and different classes become one: the
    /// gazetteer's or the place the text describes ("the town of Sderot") when there is one,
    /// else the kind of actor the document's evidence favours (an honorific, the pronoun that
    /// refers back, the statistical tagger), the more specific class within it.
    fn one_class_per_name(&self, b: &mut Builder, sentences: &[Sentence]) {
        const NAME_CLASSES: [&str; 6] = [
            "Person",
            "Organization",
            "GovernmentBody",
            "PoliticalParty",
            "City",
            "Territory",
        ];
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::default();
        for i in 0..b.entities.len() {
            if b.find(i) == i && NAME_CLASSES.contains(&b.entities[i].class.as_str()) {
                by_name
                    .entry(name_key(&b.entities[i].label))
                    .or_default()
                    .push(i);
            }
        }
        let mut groups: Vec<Vec<usize>> = by_name
            .into_values()
            .filter(|g| {
                g.len() > 1
                    && g.iter()
                        .any(|&e| b.entities[e].class != b.entities[g[0]].class)
            })
            .collect();
        groups.sort();
        for group in groups {
            // places are typed only by the gazetteer or by the text's own description
            let settled: Vec<usize> = group
                .iter()
                .copied()
                .filter(|e| {
                    b.known.contains(e)
                        || matches!(b.entities[*e].class.as_str(), "City" | "Territory")
                })
                .collect();
            let mut keep = match settled.as_slice() {
                [k] => *k,
                [] => self.best_supported_class(b, sentences, &group),
                _ => continue,
            };
            if let Some(l) = Self::longer_person_name(b, keep) {
                keep = l;
            }
            for &e in &group {
                if e != keep {
                    b.merge(keep, e, "same name");
                }
            }
        }
        // a one-word person the rules typed alone ("Dr. Tewolde", "Lula said") is the one
        // person of the document whose longer name has that word
        for e in 0..b.entities.len() {
            if b.find(e) == e
                && !b.known.contains(&e)
                && let Some(l) = Self::longer_person_name(b, e)
            {
                b.merge(l, e, "name part");
            }
        }
    }

    /// The document's one person whose longer name contains the one-word person name of `e`
    /// ("Mahathir" … "Mahathir Mohamad", "Tewolde" … "Tewolde Berhan Gebre Egziabher").
    fn longer_person_name(b: &mut Builder, e: usize) -> Option<usize> {
        if b.entities[e].class != "Person" || b.entities[e].label.contains(' ') {
            return None;
        }
        let word = b.entities[e].label.clone();
        let longer: Vec<usize> = (0..b.entities.len())
            .filter(|&l| {
                l != e
                    && b.find(l) == l
                    && b.entities[l].class == "Person"
                    && b.entities[l].label.split_whitespace().count() > 1
                    && b.entities[l].label.split_whitespace().any(|w| w == word)
            })
            .collect();
        match longer[..] {
            [l] => Some(l),
            _ => None,
        }
    }

    /// The entity of `group` (one name, a person and organizations) whose kind the document's
    /// evidence supports most; see [`Self::one_class_per_name`].
    fn best_supported_class(
        &self,
        b: &mut Builder,
        sentences: &[Sentence],
        group: &[usize],
    ) -> usize {
        let mut mention_count: HashMap<usize, usize> = HashMap::default();
        // (person, organization) votes
        let mut votes = (0usize, 0usize);
        let mut tagger = (0usize, 0usize);
        let spans: Vec<(usize, usize, usize, usize)> = b
            .mentions
            .iter()
            .filter(|m| group.contains(&m.entity))
            .map(|m| (m.entity, m.sentence, m.tok_start, m.tok_end))
            .collect();
        for (e, si, a, z) in spans {
            *mention_count.entry(e).or_default() += 1;
            let toks = &sentences[si].tokens;
            // "Mr Saffer", "Dr. Tewolde": an honorific settles it
            let before = toks[..a].iter().rev().find(|t| t.text != ".");
            if before.is_some_and(|t| Gender::of_title(&t.lower).is_some() || t.lower == "dr") {
                votes.0 += 3;
                continue;
            }
            // "President Bush" (not "the official Abin version")
            if a > 0 && is_cap(&toks[a - 1]) && self.title_ending_at(toks, a) {
                votes.0 += 2;
            }
            // "Nike spokesman Kirk Stewart", "Aer Lingus Chief Executive Dermot Mannion": a
            // body's office after the name
            if self.title_len(toks, z) > 0 {
                votes.1 += 2;
            }
            // "Mediaset, which is owned by ...", "Wiranto, who ..."
            let after = toks[z..].iter().find(|t| t.text != ",");
            match after.map(|t| t.lower.as_str()) {
                Some("who" | "whom" | "whose") => votes.0 += 2,
                Some("which") => votes.1 += 2,
                _ => {}
            }
            // the first pronoun after it, before any other name, most often refers back to
            // it ("Metra has not yet commented on ...; its", "Yahoo said it would")
            let next_name = b
                .mentions
                .iter()
                .filter(|m| m.sentence == si && m.tok_start >= z)
                .map(|m| m.tok_start)
                .min()
                .unwrap_or(toks.len());
            let window = &toks[z..next_name.min(z + 15)];
            let pronoun = window
                .iter()
                .enumerate()
                .find_map(|(n, t)| match t.lower.as_str() {
                    w if Gender::of_pronoun(w).is_some() => Some(true),
                    "its" => Some(false),
                    // not the "it" of "it is unknown", "it was a lawyer who" (but "JetBlue said
                    // it was investigating")
                    "it" => (n > 0 && self.is_reporting_form(&window[n - 1].lower)
                        || !window.get(n + 1).is_some_and(|v| {
                            matches!(
                                v.lower.as_str(),
                                "is" | "was"
                                    | "'s"
                                    | "’s"
                                    | "seems"
                                    | "seemed"
                                    | "appears"
                                    | "appeared"
                            )
                        }))
                    .then_some(false),
                    _ => None,
                });
            match pronoun {
                Some(true) => votes.0 += 2,
                Some(false) => votes.1 += 2,
                None => {}
            }
            match b.ner_type(self.lexicon, &sentences[si], a, z).as_deref() {
                Some("PER") => tagger.0 += 1,
                Some("ORG") => tagger.1 += 1,
                _ => {}
            }
        }
        // the statistical tagger types a name alike throughout a document (its features see
        // the whole document), and on news it calls many companies persons: it only breaks ties
        match tagger.0.cmp(&tagger.1) {
            std::cmp::Ordering::Greater => votes.0 += 1,
            std::cmp::Ordering::Less => votes.1 += 1,
            std::cmp::Ordering::Equal => {}
        }
        let person_wins = (votes.0 != votes.1).then_some(votes.0 > votes.1);
        // the favoured kind, then the more specific class ("Senate" a legislature rather than
        // an organization), then the most mentions, then the first made
        let rank = |e: usize| {
            let class = b.entities[e].class.as_str();
            (
                person_wins.is_some_and(|p| (class == "Person") == p),
                matches!(class, "GovernmentBody" | "PoliticalParty"),
                mention_count.get(&e).copied().unwrap_or(0),
                std::cmp::Reverse(e),
            )
        };
        group
            .iter()
            .copied()
            .max_by_key(|&e| rank(e))
            .unwrap_or(group[0])
    }

    fn elided_name(
        &self,
        toks: &[Token],
        tok_hit: &[Option<(usize, usize)>],
        hits: &[LexiconHit],
        i: usize,
    ) -> Option<LexiconHit> {
        let (h, end) = (*tok_hit.get(i + 2)?)?;
        if !is_cap(&toks[i])
            || tok_hit[i].is_some()
            || !matches!(toks[i + 1].lower.as_str(), "and" | "or" | "&")
            || end < i + 4
            || hits[h].class == "Person"
        {
            return None;
        }
        let rest = sent_text(toks, i + 3, end);
        let hit = self.lexicon.lookup(&format!("{} {rest}", toks[i].text))?;
        (hit.class == hits[h].class).then_some(hit)
    }

    /// The place class a name takes from the description before it: "the city of Lyon", "the
    /// Syrian town of Abu Kamal", "the province of Papua" (description nouns of City and Territory
    /// in the ontology).
    /// "in Waco, Texas on Wednesday", "from Clear Brook, Virginia.": after a place preposition,
    /// an unknown name followed by a comma and a state or province the gazetteer knows (not
    /// its possessive: "Shaul Mofaz, Israel's minister") is a town in it.
    fn town_before_state(&self, toks: &[Token], s: usize, e: usize) -> bool {
        let place_preposition = s > 0
            && matches!(
                toks[s - 1].lower.as_str(),
                "in" | "at" | "from" | "near" | "to" | "into" | "outside" | "around" | "of"
            );
        if !place_preposition || toks.get(e).is_none_or(|t| t.text != ",") {
            return false;
        }
        (1..=3).any(|n| {
            let (a, z) = (e + 1, e + 1 + n);
            if z > toks.len() || !toks[a..z].iter().all(is_cap) {
                return false;
            }
            let state = self
                .lexicon
                .lookup(&sent_text(toks, a, z))
                .is_some_and(|h| {
                    h.kind == HitKind::Name && matches!(h.class.as_str(), "Territory" | "Country")
                });
            // the state ends a phrase: punctuation, a date or time, a preposition
            let ends_phrase = toks.get(z).is_none_or(|t| {
                !t.text.chars().any(char::is_alphanumeric)
                    && !matches!(t.text.as_str(), "'s" | "’s" | "-")
                    || is_date_word(&t.lower)
                    || matches!(
                        t.lower.as_str(),
                        "on" | "in"
                            | "at"
                            | "and"
                            | "for"
                            | "with"
                            | "where"
                            | "to"
                            | "from"
                            | "last"
                            | "this"
                            | "earlier"
                            | "later"
                            | "during"
                            | "after"
                            | "before"
                            | "since"
                            | "until"
                            | "when"
                            | "was"
                            | "is"
                    )
            });
            // "the invasions of Manchuria, Austria, and Ethiopia": a list of states
            // (not "in Flint, Michigan, and was listed")
            let list = toks.get(z).is_some_and(|t| t.text == ",")
                && toks
                    .get(z + 1)
                    .is_some_and(|t| matches!(t.lower.as_str(), "and" | "or"))
                && toks.get(z + 2).is_some_and(is_cap);
            state && ends_phrase && !list
        })
    }

    fn place_described_before(&self, toks: &[Token], s: usize) -> Option<&str> {
        // "the capital of West Java": a capital is of the region that holds it
        if s < 2 || toks[s - 1].lower != "of" || toks[s - 2].lower == "capital" {
            return None;
        }
        self.descriptions
            .get(&toks[s - 2].lower)
            .map(String::as_str)
            .filter(|c| matches!(*c, "City" | "Territory"))
    }

    fn is_reporting_form(&self, w: &str) -> bool {
        let w = w.trim_end_matches("ed").trim_end_matches('s');
        matches!(
            w,
            "said"
                | "told"
                | "sai"
                | "say"
                | "tell"
                | "ask"
                | "add"
                | "continu"
                | "note"
                | "explain"
                | "stat"
        ) || self.reporting.contains(w)
    }

    /// "the Council", "the mission", "the province": refer back to the most recent entity whose name
    /// head (or class description noun) is that word.
    fn descriptions(&self, b: &mut Builder, sentences: &[Sentence]) {
        let mut sorted = b.mentions.clone();
        sorted.sort_by_key(|m| (m.sentence, m.tok_start));
        let mut new = Vec::new();
        for sent in sentences {
            let toks = &sent.tokens;
            for k in 0..toks.len().saturating_sub(1) {
                if toks[k].lower != "the" {
                    continue;
                }
                let w = &toks[k + 1];
                if toks.get(k + 2).is_some_and(|n| is_cap(n) && is_cap(w)) {
                    continue; // part of a longer name
                }
                // "the town of Rafah", "the capital Nairobi": the description introduces the
                // name that follows, it does not refer back
                let named_after = |i: usize| {
                    toks.get(i)
                        .is_some_and(|t| is_cap(t) && !is_date_word(&t.lower))
                };
                let after_of = if toks.get(k + 3).is_some_and(|n| n.lower == "the") {
                    k + 4
                } else {
                    k + 3
                };
                if named_after(k + 2)
                    || (toks.get(k + 2).is_some_and(|n| n.lower == "of") && named_after(after_of))
                {
                    continue;
                }
                if sorted
                    .iter()
                    .any(|m| m.sentence == sent.index && m.tok_start <= k + 1 && k + 1 < m.tok_end)
                {
                    continue;
                }
                let before = |m: &&Mention| (m.sentence, m.tok_start) < (sent.index, k);
                let candidate = sorted.iter().filter(before).rev().find(|m| {
                    let e = &b.entities[m.entity];
                    let head_match = e
                        .label
                        .split_whitespace()
                        .take_while(|x| !HEAD_STOPPERS.contains(&x.to_lowercase().as_str()))
                        .filter(|x| {
                            !x.chars()
                                .all(|c| c.is_ascii_digit() || c == '(' || c == ')')
                        })
                        .last()
                        .is_some_and(|h| h.eq_ignore_ascii_case(&w.text))
                        && e.label.split_whitespace().count() > 1
                        && e.class != "Person";
                    let desc_match = self
                        .descriptions
                        .get(&w.lower)
                        .is_some_and(|c| *c == e.class);
                    head_match || desc_match
                });
                if let Some(m) = candidate {
                    new.push(Mention {
                        sentence: sent.index,
                        tok_start: k,
                        tok_end: k + 2,
                        span: Span::new(toks[k].span.start, w.span.end),
                        entity: m.entity,
                        kind: MentionKind::Description,
                    });
                }
            }
        }
        b.mentions.extend(new);
    }
}

impl EntityRecognizer<'_> {
    /// Unnamed collective actors: a run of group words ending in a group actor noun ("rebels",
    /// "rebel groups", "opposition parties"), anchored by a nationality or a place just before it
    /// ("Afghan rebels", "Ivory Coast rebels", "Irish nationalist guerrillas") or by "in"/"from" a
    /// place after it ("rebels in the Ivory Coast"), becomes an organization labelled with its
    /// words. It replaces the anchor's mention there: the rebels do not act for Afghanistan.
    fn group_actors(&self, b: &mut Builder, sentences: &[Sentence]) {
        // places and peoples anchor a group ("Kurdish rebels")
        let anchor_class = |class: &str| {
            matches!(
                class,
                "Country" | "Territory" | "City" | "Region" | "EthnicGroup"
            )
        };
        for sent in sentences {
            let toks = &sent.tokens;
            let group_word = |i: usize| {
                let t = &toks[i];
                (i == 0 || !is_cap(t))
                    && (self.group_nouns.contains(t.lower.as_str())
                        || self.generic_groups.contains(t.lower.as_str())
                        || self.group_modifiers.contains(t.lower.as_str()))
            };
            let mut k = 0;
            while k < toks.len() {
                if !group_word(k) {
                    k += 1;
                    continue;
                }
                let mut e = k;
                while e < toks.len() && group_word(e) {
                    e += 1;
                }
                // "US opposition to the court" is a stance, not a group; "the opposition party
                // X" is a named organization the words modify
                let head = toks[e - 1].lower.as_str();
                let generic = self.generic_groups.contains(head);
                if !(self.group_nouns.contains(head) || generic)
                    || toks.get(e).is_some_and(|t| {
                        matches!(t.lower.as_str(), "to" | "against")
                            || !is_cap(t) && self.heads.contains_key(t.lower.as_str())
                    })
                {
                    k = e;
                    continue;
                }
                // (start, end, entity, kind) of the sentence's mentions
                let mut mentions: Vec<(usize, usize, usize, MentionKind)> = b
                    .mentions
                    .iter()
                    .filter(|m| m.sentence == sent.index)
                    .map(|m| (m.tok_start, m.tok_end, m.entity, m.kind))
                    .collect();
                for m in &mut mentions {
                    m.2 = b.find(m.2);
                }
                let anchors = |m: &(usize, usize, usize, MentionKind)| {
                    m.3 == MentionKind::DemonymAdjective || anchor_class(&b.entities[m.2].class)
                };
                // a nationality or place before, with at most two lower-case words between
                let left = mentions.iter().find(|m| {
                    m.1 <= k
                        && k - m.1 <= 2
                        && anchors(m)
                        && toks[m.1..k].iter().all(|t| {
                            t.text.chars().all(char::is_alphabetic)
                                && t.text.chars().next().is_some_and(char::is_lowercase)
                                // adjectives only: "Baghdad by gunmen", "Chad as rebel
                                // groups" are no groups
                                && !is_function_word(&t.lower)
                        })
                });
                let span = if let Some(m) = left {
                    Some((m.0, e))
                } else if e < toks.len()
                    && matches!(toks[e].lower.as_str(), "in" | "from")
                    // "pressure groups in the United States": any group at all
                    && !(generic && e == k + 1)
                {
                    let p = e + 1 + usize::from(toks.get(e + 1).is_some_and(|t| t.lower == "the"));
                    mentions
                        .iter()
                        .find(|m| m.0 == p && anchors(m) && m.3 != MentionKind::DemonymAdjective)
                        .map(|m| (k, m.1))
                } else {
                    None
                };
                if let Some((a, z)) = span {
                    let mut label = sent_text(toks, a, z);
                    // "Rebels in the Ivory Coast" opening a sentence
                    if a == k && k == 0 {
                        let mut c = label.chars();
                        if let Some(f) = c.next() {
                            label = f.to_lowercase().chain(c).collect();
                        }
                    }
                    b.mentions
                        .retain(|m| m.sentence != sent.index || m.tok_end <= a || m.tok_start >= z);
                    let ent = b.entity(&label, "Organization", None);
                    b.mention(sent, a, z, ent, MentionKind::Name);
                }
                k = e;
            }
        }
    }
}

/// Whether a lower-case word is a preposition, determiner, auxiliary, clause boundary or
/// conjunction (the relation layer's word classes): no adjective of a group's description.
fn is_function_word(w: &str) -> bool {
    use crate::relations::{AUX, BOUNDARY, DETERMINERS, PREPOSITIONS};
    [AUX, BOUNDARY, DETERMINERS, PREPOSITIONS]
        .iter()
        .any(|list| list.contains(&w))
        || matches!(
            w,
            "and" | "or" | "as" | "who" | "which" | "said" | "says" | "following" | "i"
        )
}

fn sent_text(toks: &[Token], a: usize, b: usize) -> String {
    let mut s = String::new();
    for (i, t) in toks[a..b].iter().enumerate() {
        if i > 0 && t.space_before {
            s.push(' ');
        }
        s.push_str(&t.text);
    }
    s
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::text::segment;

    /// A tiny lexicon for tests: exact, case-sensitive names with word boundaries.
    pub(crate) struct TestLexicon(
        pub  Vec<(
            &'static str,
            &'static str,
            &'static str,
            HitKind,
            Option<&'static str>,
        )>,
    );

    impl Lexicon for TestLexicon {
        fn find(&self, text: &str) -> Vec<LexiconHit> {
            let mut out: Vec<LexiconHit> = Vec::new();
            let bytes = text.as_bytes();
            let mut i = 0;
            while i < text.len() {
                if !text.is_char_boundary(i) || (i > 0 && (bytes[i - 1] as char).is_alphanumeric())
                {
                    i += 1;
                    continue;
                }
                let best = self
                    .0
                    .iter()
                    .filter(|(form, ..)| {
                        text[i..].starts_with(form)
                            && text[i + form.len()..]
                                .chars()
                                .next()
                                .is_none_or(|c| !c.is_alphanumeric())
                    })
                    .max_by_key(|(form, ..)| form.len());
                if let Some((form, canon, class, kind, state)) = best {
                    out.push(self.hit(Span::new(i, i + form.len()), canon, class, *kind, *state));
                    i += form.len();
                } else {
                    i += 1;
                }
            }
            out
        }
        fn lookup(&self, name: &str) -> Option<LexiconHit> {
            self.0
                .iter()
                .find(|(f, ..)| *f == name)
                .map(|(_, c, cl, k, st)| self.hit(Span::default(), c, cl, *k, *st))
        }
    }

    impl TestLexicon {
        fn hit(
            &self,
            span: Span,
            canon: &str,
            class: &str,
            kind: HitKind,
            state: Option<&str>,
        ) -> LexiconHit {
            LexiconHit {
                span,
                canonical: canon.into(),
                class: class.into(),
                qid: None,
                kind,
                state: state.map(|s| StateRef {
                    canonical: s.into(),
                    class: "Country".into(),
                    qid: None,
                }),
            }
        }

        pub(crate) fn small() -> Self {
            use HitKind::*;
            TestLexicon(vec![
                ("Russia", "Russia", "Country", Name, None),
                ("China", "China", "Country", Name, None),
                ("Serbia", "Serbia", "Country", Name, None),
                ("Serbian", "Serbia", "Country", DemonymAdjective, None),
                ("Serbs", "Serbs", "EthnicGroup", DemonymNoun, Some("Serbia")),
                ("Kosovo", "Kosovo", "Territory", Name, None),
                ("U.S.", "United States", "Country", Name, None),
                ("Britain", "United Kingdom", "Country", Name, None),
                ("France", "France", "Country", Name, None),
                ("Belgrade", "Belgrade", "City", Capital, Some("Serbia")),
                (
                    "UN",
                    "United Nations",
                    "InternationalOrganization",
                    Acronym,
                    None,
                ),
                (
                    "UN Security Council",
                    "UN Security Council",
                    "InternationalOrganization",
                    Name,
                    None,
                ),
                (
                    "Security Council",
                    "UN Security Council",
                    "InternationalOrganization",
                    Name,
                    None,
                ),
                ("NATO", "NATO", "InternationalOrganization", Acronym, None),
            ])
        }
    }

    fn run(text: &str) -> (DocumentEntities, String) {
        (run_with(text, false), text.to_string())
    }

    /// The small lexicon's entities of `text`, with group actors on or off.
    fn run_with(text: &str, group_actors: bool) -> DocumentEntities {
        let o = Ontology::embedded().unwrap();
        let lex = TestLexicon::small();
        let r = EntityRecognizer::new(&o, &lex).with_group_actors(group_actors);
        r.recognize(text, &segment(text))
    }

    fn labels(d: &DocumentEntities) -> Vec<(String, String)> {
        let mut v: Vec<_> = d
            .entities
            .iter()
            .map(|e| (e.label.clone(), e.class.clone()))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn titles_persons_and_surnames() {
        let (d, _) = run("Serbian President Boris Tadic spoke. Later Tadic said no.");
        assert!(
            labels(&d).contains(&("Boris Tadic".into(), "Person".into())),
            "{:?}",
            labels(&d)
        );
        let tadic = d
            .entities
            .iter()
            .position(|e| e.label == "Boris Tadic")
            .unwrap();
        assert_eq!(d.mentions.iter().filter(|m| m.entity == tadic).count(), 2);
        assert!(
            d.entities[tadic]
                .merge_reasons
                .iter()
                .any(|(k, f)| k == "surname" && f == "Tadic")
        );
    }

    #[test]
    fn a_party_head_word_after_a_name_gives_an_alias() {
        let (d, _) = run(
            "The Zafari movement in Chad rejected the vote. A coalition led by the Zafari movement later agreed to talks.",
        );
        let z = d
            .entities
            .iter()
            .find(|e| e.label == "Zafari")
            .unwrap_or_else(|| panic!("{:?}", labels(&d)));
        assert!(z.aliases.contains("Zafari movement"), "{:?}", z.aliases);
        // a coalition around a party is another body
        let (d, _) = run("Officials of the Likud coalition met on Sunday.");
        assert!(
            d.entities
                .iter()
                .all(|e| !e.aliases.contains("Likud coalition")),
            "{:?}",
            d.entities
        );
    }

    #[test]
    fn acronym_definitions_and_head_typing() {
        let (d, _) = run(
            "Russia demanded that the head of the UN Mission in Kosovo (UNMIK) resign. The UNMIK was set up under Security Council Resolution 1244.",
        );
        let l = labels(&d);
        assert!(
            l.contains(&("UN Mission in Kosovo".into(), "GovernmentBody".into())),
            "{l:?}"
        );
        assert!(
            l.contains(&("Security Council Resolution 1244".into(), "Document".into())),
            "{l:?}"
        );
        let m = d
            .entities
            .iter()
            .position(|e| e.label == "UN Mission in Kosovo")
            .unwrap();
        assert!(d.entities[m].aliases.contains("UNMIK"));
        assert_eq!(d.mentions.iter().filter(|x| x.entity == m).count(), 3);
    }

    #[test]
    fn descriptions_refer_back() {
        let (d, _) = run(
            "The UN Mission in Kosovo met. The mission failed. The Security Council met. The Council agreed.",
        );
        let m = d
            .entities
            .iter()
            .position(|e| e.label == "UN Mission in Kosovo")
            .unwrap();
        assert_eq!(
            d.mentions
                .iter()
                .filter(|x| x.entity == m && x.kind == MentionKind::Description)
                .count(),
            1
        );
        let c = d
            .entities
            .iter()
            .position(|e| e.label == "UN Security Council")
            .unwrap();
        assert_eq!(d.mentions.iter().filter(|x| x.entity == c).count(), 2);
    }

    #[test]
    fn a_name_ending_a_longer_name_of_its_class_is_the_same_entity() {
        let (d, _) = run(
            "It acted under Security Council Resolution 1244. Resolution 1244 grants that right.",
        );
        let docs: Vec<_> = d
            .entities
            .iter()
            .filter(|e| e.class == "Document")
            .collect();
        assert_eq!(docs.len(), 1, "{:?}", labels(&d));
        assert!(docs[0].aliases.contains("Resolution 1244"));
        assert!(docs[0].merge_reasons.iter().any(|(k, _)| k == "short-name"));
    }

    #[test]
    fn one_name_is_one_entity_of_one_class_in_a_document() {
        // the rules type each sentence's "Yahoo" on its own ("Yahoo said" looks like a
        // person); the pronoun that refers back settles it for the whole document
        let (d, _) = run(
            "Microsoft offered to buy Yahoo on Friday. Analysts expect a higher bid for \
             Yahoo. Yahoo said it would examine the offer.",
        );
        let yahoo: Vec<_> = labels(&d)
            .into_iter()
            .filter(|(n, _)| n == "Yahoo")
            .collect();
        assert_eq!(yahoo, vec![("Yahoo".into(), "Organization".into())]);
        // an honorific makes a person of a name the rules had called an organization
        let (d, _) = run(
            "Police came to Saffer's home on Monday. Mr Saffer said he had done nothing wrong.",
        );
        let saffer: Vec<_> = labels(&d)
            .into_iter()
            .filter(|(n, _)| n == "Saffer")
            .collect();
        assert_eq!(saffer, vec![("Saffer".into(), "Person".into())]);
    }

    #[test]
    fn the_statistical_tagger_types_organizations_the_rules_would_call_persons() {
        let (d, _) = run(
            "Strikes at Deutsche Bahn stopped most trains on Monday. Officials at the White \
             House said Barack Obama and Nikki Haley met Tuesday.",
        );
        let l = labels(&d);
        for (name, class) in [
            ("Deutsche Bahn", "Organization"),
            ("White House", "Organization"),
            ("Barack Obama", "Person"),
            ("Nikki Haley", "Person"),
        ] {
            assert!(l.contains(&(name.into(), class.into())), "{name}: {l:?}");
        }
    }

    #[test]
    fn sentence_initial_words_are_not_names() {
        let (d, _) = run("Despite its name, it is not a body. Fears were raised.");
        assert!(d.entities.is_empty(), "{:?}", labels(&d));
    }

    #[test]
    fn unnamed_groups_need_an_adjacent_nationality_or_place() {
        let text = "Serbian rebels attacked a convoy. Militants in Kosovo fled. \
                    A bus was attacked in Belgrade by gunmen. Pressure groups in Serbia protested. \
                    The Serbian opposition party Dveri protested.";
        let l = labels(&run_with(text, true));
        assert!(
            l.contains(&("Serbian rebels".into(), "Organization".into())),
            "{l:?}"
        );
        assert!(
            l.contains(&("militants in Kosovo".into(), "Organization".into())),
            "{l:?}"
        );
        assert!(!l.iter().any(|(n, _)| n.contains("by gunmen")), "{l:?}");
        assert!(!l.iter().any(|(n, _)| n.contains("groups")), "{l:?}");
        assert!(!l.iter().any(|(n, _)| n.contains("opposition")), "{l:?}");
        // off by default
        let d = run_with(text, false);
        assert!(!labels(&d).iter().any(|(n, _)| n.contains("rebels")));
    }
}
