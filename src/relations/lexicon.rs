//! The trigger lexicon, compiled from the ontology: every trigger pattern with the inflected forms
//! of its words, indexed by the form of its first word.

use crate::ontology::{Ontology, TriggerKind};
use std::collections::{HashMap, HashSet};

/// One element of a compiled pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternItem {
    /// A word; any of these lower-case forms matches.
    Word(HashSet<String>),
    /// The object slot ("call X illegal"): one entity mention.
    Slot,
}

/// A compiled trigger.
#[derive(Debug, Clone)]
pub struct CompiledTrigger {
    /// Predicate local name.
    pub predicate: String,
    /// Kind of trigger.
    pub kind: TriggerKind,
    /// The pattern as written in the ontology.
    pub pattern: String,
    /// Items to match, in order.
    pub items: Vec<PatternItem>,
    /// Whether the pattern itself contains a negation ("not accept"), which then is not a negation
    /// of the relation.
    pub has_negation: bool,
}

/// All triggers of the ontology, indexed by the lower-case forms of their first word.
#[derive(Debug, Clone, Default)]
pub struct TriggerLexicon {
    by_first: HashMap<String, Vec<usize>>,
    /// The compiled triggers.
    pub triggers: Vec<CompiledTrigger>,
    /// Inflected forms of the reporting verbs.
    pub reporting_forms: HashSet<String>,
    /// Word forms of the ontology's issuing verbs ("adopted", "voted").
    pub issuing_forms: HashSet<String>,
    /// Event nouns (and plurals).
    pub event_nouns: HashSet<String>,
    /// The forms of all one-word noun triggers: a verb trigger read as a noun is an act only
    /// when the ontology lists it as a noun too ("the attack", but not "an order for planes").
    pub noun_trigger_forms: HashSet<String>,
    /// Noun triggers of force and coercion (the CONFLICT family: "blockade", "sanctions",
    /// "airstrikes"), which are event nouns with a patient "of" phrase.
    pub hostile_act_nouns: HashSet<String>,
    /// Event nouns whose "of" phrase is the patient ("the invasion of X"), and plurals.
    pub patient_event_nouns: HashSet<String>,
    /// Nouns an object search passes through to the entity after "of" ("head", "right").
    pub object_pass_nouns: HashSet<String>,
    /// Nouns of "X was the target of Y's attacks".
    pub patient_frame_nouns: HashSet<String>,
    /// Forms of the verbs of "X faces sanctions from Y" ("faces", "faced").
    pub patient_frame_forms: HashSet<String>,
    /// State agent nouns.
    pub state_agent_nouns: HashSet<String>,
    /// Documents and statements that speak for their issuer (`ng:utteranceNoun`).
    pub utterance_nouns: HashSet<String>,
    /// Forms of the verbs whose subject observes or undergoes an event (`ng:observerVerb`).
    pub observer_forms: HashSet<String>,
    /// Verbs of speaking that make a trigger's object a topic (`ng:speechComplementVerb`).
    pub speech_complement_verbs: HashSet<String>,
    /// State agent nouns whose bodies in a country act for it (`ng:domesticAgentNoun`).
    pub domestic_agent_nouns: HashSet<String>,
    /// Words before which a force trigger names a protest (`ng:protestNounModifier`: "hunger
    /// strike", "went on strike").
    pub protest_noun_modifiers: HashSet<String>,
    /// Quantity nouns that stand for their "of" phrase (`ng:quantityNoun`).
    pub quantity_nouns: HashSet<String>,
    /// Trigger nouns of purpose adjuncts after "in" (`ng:purposeAdjunctNoun`: "in protest").
    pub purpose_adjunct_nouns: HashSet<String>,
    /// Nouns for the other party of a relationship (`ng:counterpartNoun`: "counterpart").
    pub counterpart_nouns: HashSet<String>,
    /// Goods given as aid, trigger nouns only after a verb of giving (`ng:transferredGoodNoun`).
    pub transferred_good_nouns: HashSet<String>,
    /// Gatherings a request asks a body to hold (`ng:convocationNoun`: "meeting", "session").
    pub convocation_nouns: HashSet<String>,
    /// What belongs to a person and can be physically attacked (`ng:personalAssetNoun`).
    pub personal_asset_nouns: HashSet<String>,
    /// Titles of a city's own offices (`ng:localOfficeTitle`: "mayor").
    pub local_office_titles: HashSet<String>,
    /// Verb triggers that name a candidacy before "for", "against", "as" (`ng:candidacyVerb`).
    pub candidacy_verbs: HashSet<String>,
    /// Titles that may also qualify the title after them (`ng:titleModifier`).
    pub title_modifiers: HashSet<String>,
    /// Title modifiers that make the holder a deputy (`ng:deputyModifier`).
    pub deputy_modifiers: HashSet<String>,
    /// One-word name heads of the classes other than persons ("militia", "movement", "party").
    pub org_name_heads: HashSet<String>,
    /// Verbs whose object is the subject of the infinitive after it ("convinced", "called on").
    pub object_control_verbs: Vec<VerbPhrase>,
    /// Phrases of giving up a stance (`ng:renunciationVerb`): negated, they keep it.
    pub renunciation_phrases: Vec<VerbPhrase>,
    /// Phrases claiming an act ("claim responsibility for").
    pub responsibility_claims: Vec<VerbPhrase>,
    /// State asset nouns (objects only: "Iraqi towns").
    pub state_asset_nouns: HashSet<String>,
    /// Word forms of the cessation verbs ("halted", "suspends").
    pub cessation_forms: HashSet<String>,
    /// Word forms of the verbs that take a sanction back, and of the cessation verbs ("lifted",
    /// "eases", "suspended").
    pub reversal_forms: HashSet<String>,
    /// Forms of the verbs of giving (`ng:transferVerb`: "gave", "provides").
    pub transfer_forms: HashSet<String>,
    /// Forms of the first word of the verbs of acting in someone's name (`ng:proxyVerb`:
    /// "speaking" of "speak on behalf of").
    pub proxy_forms: HashSet<String>,
}

/// Irregular English verb forms (past, participle) used to inflect trigger lemmas. This is English
/// morphology, not vocabulary: the vocabulary is in the ontology.
const IRREGULAR: &[(&str, &[&str])] = &[
    ("speak", &["spoke", "spoken"]),
    ("meet", &["met"]),
    ("tell", &["told"]),
    ("hold", &["held"]),
    ("lead", &["led"]),
    ("fight", &["fought"]),
    ("strike", &["struck", "stricken"]),
    ("shoot", &["shot"]),
    ("send", &["sent"]),
    ("stand", &["stood"]),
    ("win", &["won"]),
    ("draw", &["drew", "drawn"]),
    ("come", &["came"]),
    ("give", &["gave", "given"]),
    ("take", &["took", "taken"]),
    ("seek", &["sought"]),
    ("run", &["ran"]),
    ("bring", &["brought"]),
    ("throw", &["threw", "thrown"]),
    ("sit", &["sat"]),
    ("say", &["said"]),
    ("hit", &["hit"]),
    ("forbid", &["forbade", "forbidden"]),
    ("freeze", &["froze", "frozen"]),
    ("break", &["broke", "broken"]),
    ("do", &["did", "done", "does"]),
    ("go", &["went", "gone", "goes"]),
    ("have", &["had", "has"]),
    (
        "be",
        &[
            "is", "are", "was", "were", "been", "being", "am", "'s", "'re",
        ],
    ),
    ("keep", &["kept"]),
    ("leave", &["left"]),
    ("make", &["made"]),
    ("pay", &["paid"]),
    ("see", &["saw", "seen"]),
    ("withdraw", &["withdrew", "withdrawn"]),
    ("write", &["wrote", "written"]),
    ("find", &["found"]),
    ("get", &["got", "gotten"]),
    ("know", &["knew", "known"]),
    ("show", &["showed", "shown"]),
    ("steal", &["stole", "stolen"]),
    ("swear", &["swore", "sworn"]),
    ("think", &["thought"]),
    ("withhold", &["withheld"]),
    ("uphold", &["upheld"]),
    ("arise", &["arose", "arisen"]),
    ("rise", &["rose", "risen"]),
    ("bear", &["bore", "borne"]),
    ("beat", &["beaten"]),
    ("begin", &["began", "begun"]),
    ("choose", &["chose", "chosen"]),
    ("deal", &["dealt"]),
    ("feel", &["felt"]),
    ("lose", &["lost"]),
    ("sell", &["sold"]),
    ("shake", &["shook", "shaken"]),
    ("teach", &["taught"]),
    ("undertake", &["undertook", "undertaken"]),
    ("overthrow", &["overthrew", "overthrown"]),
    ("put", &["put"]),
    ("set", &["set"]),
    ("cut", &["cut"]),
    ("bid", &["bid"]),
    ("spread", &["spread"]),
    ("lay", &["laid"]),
    ("slay", &["slew", "slain"]),
    ("flee", &["fled"]),
    ("build", &["built"]),
    ("buy", &["bought"]),
    ("catch", &["caught"]),
    ("hear", &["heard"]),
    ("mean", &["meant"]),
    ("become", &["became"]),
    ("fly", &["flew", "flown", "flies"]),
];

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// An ontology word list as a set.
fn word_set(words: &[String]) -> HashSet<String> {
    words.iter().cloned().collect()
}

/// The forms of every verb of `lemmas` (see [`verb_forms`]).
fn all_verb_forms(lemmas: &[String]) -> HashSet<String> {
    lemmas.iter().flat_map(|v| verb_forms(v)).collect()
}

/// A verb phrase of the ontology ("call on", "claim responsibility for"): any form of its verb,
/// then the other words as written.
#[derive(Debug, Clone, Default)]
pub struct VerbPhrase {
    /// Inflected forms of the verb.
    pub verb: HashSet<String>,
    /// The words after the verb.
    pub rest: Vec<String>,
}

/// The phrases of an ontology word list (see [`VerbPhrase`]).
fn verb_phrases(phrases: &[String]) -> Vec<VerbPhrase> {
    phrases
        .iter()
        .filter_map(|p| {
            let mut words = p.split_whitespace().map(str::to_string);
            let verb = words.next()?;
            Some(VerbPhrase {
                verb: verb_forms(&verb).into_iter().collect(),
                rest: words.collect(),
            })
        })
        .collect()
}

/// Inflected forms of a verb lemma (base, -s, -ed, -ing, irregulars).
pub fn verb_forms(lemma: &str) -> Vec<String> {
    let mut v = vec![lemma.to_string()];
    if let Some((_, forms)) = IRREGULAR.iter().find(|(l, _)| *l == lemma) {
        v.extend(forms.iter().map(|f| f.to_string()));
    }
    let chars: Vec<char> = lemma.chars().collect();
    let n = chars.len();
    if n == 0 {
        return v;
    }
    let last = chars[n - 1];
    // third person
    if lemma.ends_with('s')
        || lemma.ends_with("sh")
        || lemma.ends_with("ch")
        || lemma.ends_with('x')
        || lemma.ends_with('z')
        || lemma.ends_with('o')
    {
        v.push(format!("{lemma}es"));
    } else if last == 'y' && n > 1 && !is_vowel(chars[n - 2]) {
        v.push(format!("{}ies", &lemma[..lemma.len() - 1]));
    } else {
        v.push(format!("{lemma}s"));
    }
    // doubling: short CVC verbs ("ban", "slam", "bar", "plan", "stop"), not w/x/y
    let double = (3..=4).contains(&n)
        && !is_vowel(last)
        && !matches!(last, 'w' | 'x' | 'y')
        && is_vowel(chars[n - 2])
        && !is_vowel(chars[n - 3]);
    let stem_ed = lemma.strip_suffix('e').unwrap_or(lemma).to_string();
    if last == 'y' && n > 1 && !is_vowel(chars[n - 2]) {
        v.push(format!("{}ied", &lemma[..lemma.len() - 1]));
        v.push(format!("{lemma}ing"));
    } else if double {
        v.push(format!("{lemma}{last}ed"));
        v.push(format!("{lemma}{last}ing"));
        v.push(format!("{lemma}ed"));
        v.push(format!("{lemma}ing"));
    } else {
        v.push(format!("{stem_ed}ed"));
        v.push(format!("{stem_ed}ing"));
        // British doubling of a final l after one vowel: "cancelled", "expelled", "travelled"
        if last == 'l' && n >= 4 && is_vowel(chars[n - 2]) && !is_vowel(chars[n - 3]) {
            v.push(format!("{lemma}led"));
            v.push(format!("{lemma}ling"));
        }
    }
    // British/American -ise/-ize handled in the ontology by listing both
    v.sort();
    v.dedup();
    v
}

/// Forms of a noun (singular and plural).
pub fn noun_forms(lemma: &str) -> Vec<String> {
    let mut v = vec![lemma.to_string()];
    if lemma.ends_with('s')
        || lemma.ends_with("sh")
        || lemma.ends_with("ch")
        || lemma.ends_with('x')
    {
        v.push(format!("{lemma}es"));
    } else if lemma.ends_with('y') && !lemma.ends_with("ey") && !lemma.ends_with("ay") {
        v.push(format!("{}ies", &lemma[..lemma.len() - 1]));
    } else if lemma.ends_with('o') {
        // "embargoes" (and the plain plural some writers use)
        v.push(format!("{lemma}es"));
        v.push(format!("{lemma}s"));
    } else {
        v.push(format!("{lemma}s"));
    }
    // a hyphenated compound whose first part is its head: "secretaries-general"
    if let Some((first, rest)) = lemma.split_once('-')
        && !first.is_empty()
        && !rest.is_empty()
    {
        for f in noun_forms(first).into_iter().skip(1) {
            v.push(format!("{f}-{rest}"));
        }
    }
    v
}

const FUNCTION: &[&str] = &[
    "of", "in", "on", "to", "for", "with", "against", "by", "from", "at", "as", "a", "an", "the",
    "and", "not", "no", "its", "their", "his", "her", "behind", "around", "upon", "over", "about",
    "into", "x",
];

impl TriggerLexicon {
    /// Compiles the lexicon from the ontology.
    pub fn new(ontology: &Ontology) -> Self {
        let mut lex = TriggerLexicon::default();
        for p in ontology.predicates.values() {
            for t in &p.triggers {
                let words: Vec<&str> = t.pattern.split_whitespace().collect();
                if words.is_empty() {
                    continue;
                }
                let has_negation = words.contains(&"not");
                // the head word is the first content word; it is inflected, the rest stays literal
                // (a following content word of a verbal pattern is inflected too when it is the
                // second verb of "not accept")
                let mut head_done = false;
                // a title's head noun is its last content word before "of" ("prime minister",
                // "secretary of state"): "Prime Ministers X and Y", "Secretaries of State"
                let title_head = (t.kind == TriggerKind::Title).then(|| {
                    let before_of = words.iter().position(|w| *w == "of").unwrap_or(words.len());
                    words[..before_of]
                        .iter()
                        .rposition(|w| !FUNCTION.contains(w))
                        .unwrap_or(0)
                });
                let items: Vec<PatternItem> = words
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        if *w == "x" || *w == "X" {
                            return PatternItem::Slot;
                        }
                        let content = !FUNCTION.contains(w) && title_head.is_none_or(|h| h == i);
                        let forms: Vec<String> = if content && !head_done {
                            head_done = true;
                            match t.kind {
                                TriggerKind::Verb | TriggerKind::Inverse | TriggerKind::Deontic => {
                                    verb_forms(w)
                                }
                                TriggerKind::Noun | TriggerKind::Title => noun_forms(w),
                                TriggerKind::Adjective | TriggerKind::Evaluative => {
                                    let mut f = vec![w.to_string()];
                                    if words.len() > 1 {
                                        f.extend(verb_forms(w));
                                        f.extend(noun_forms(w));
                                    }
                                    f
                                }
                            }
                        } else if *w == "be" {
                            verb_forms("be")
                        } else {
                            vec![w.to_string()]
                        };
                        PatternItem::Word(forms.into_iter().collect())
                    })
                    .collect();
                let ix = lex.triggers.len();
                if let Some(PatternItem::Word(first)) = items.first() {
                    for f in first {
                        lex.by_first.entry(f.clone()).or_default().push(ix);
                    }
                }
                lex.triggers.push(CompiledTrigger {
                    predicate: p.local.clone(),
                    kind: t.kind,
                    pattern: t.pattern.clone(),
                    items,
                    has_negation,
                });
            }
        }
        for v in &ontology.reporting_verbs {
            let first = v.split_whitespace().next().unwrap_or(v);
            lex.reporting_forms.extend(verb_forms(first));
        }
        lex.issuing_forms = all_verb_forms(&ontology.issuing_verbs);
        lex.cessation_forms = all_verb_forms(&ontology.cessation_verbs);
        lex.reversal_forms = all_verb_forms(&ontology.reversal_verbs);
        lex.reversal_forms
            .extend(lex.cessation_forms.iter().cloned());
        lex.speech_complement_verbs = word_set(&ontology.speech_complement_verbs);
        lex.domestic_agent_nouns = word_set(&ontology.domestic_agent_nouns);
        lex.protest_noun_modifiers = word_set(&ontology.protest_noun_modifiers);
        lex.quantity_nouns = word_set(&ontology.quantity_nouns);
        lex.purpose_adjunct_nouns = word_set(&ontology.purpose_adjunct_nouns);
        lex.counterpart_nouns = word_set(&ontology.counterpart_nouns);
        lex.transferred_good_nouns = word_set(&ontology.transferred_good_nouns);
        lex.convocation_nouns = word_set(&ontology.convocation_nouns);
        lex.personal_asset_nouns = word_set(&ontology.personal_asset_nouns);
        lex.local_office_titles = word_set(&ontology.local_office_titles);
        lex.candidacy_verbs = word_set(&ontology.candidacy_verbs);
        lex.title_modifiers = word_set(&ontology.title_modifiers);
        lex.deputy_modifiers = word_set(&ontology.deputy_modifiers);
        lex.org_name_heads = ontology
            .classes
            .values()
            .filter(|c| c.local != "Person")
            .flat_map(|c| c.name_heads.iter())
            .filter(|h| !h.contains(' '))
            .cloned()
            .collect();
        lex.object_control_verbs = verb_phrases(&ontology.object_control_verbs);
        lex.renunciation_phrases = verb_phrases(&ontology.renunciation_verbs);
        lex.responsibility_claims = verb_phrases(&ontology.responsibility_claims);
        lex.observer_forms = all_verb_forms(&ontology.observer_verbs);
        lex.transfer_forms = all_verb_forms(&ontology.transfer_verbs);
        for v in &ontology.proxy_verbs {
            let first = v.split_whitespace().next().unwrap_or(v);
            lex.proxy_forms.extend(verb_forms(first));
        }
        for n in &ontology.event_nouns {
            lex.event_nouns.extend(noun_forms(n));
        }
        // one-word noun and title triggers: the nouns a verb trigger may be read as; those of
        // force or coercion are an actor's acts too ("condemns the blockade against X",
        // "supports sanctions against X": a stance toward the act's actor, not its target), and
        // their "of" phrase is what they are done to ("an embargo of X")
        for p in ontology.predicates.values() {
            for t in &p.triggers {
                if !matches!(t.kind, TriggerKind::Noun | TriggerKind::Title)
                    || t.pattern.contains(' ')
                {
                    continue;
                }
                let forms = noun_forms(&t.pattern);
                if t.kind == TriggerKind::Noun && p.family == "CONFLICT" {
                    lex.hostile_act_nouns.extend(forms.iter().cloned());
                }
                lex.noun_trigger_forms.extend(forms);
            }
        }
        lex.event_nouns
            .extend(lex.hostile_act_nouns.iter().cloned());
        for n in &ontology.patient_event_nouns {
            lex.patient_event_nouns.extend(noun_forms(n));
        }
        lex.patient_event_nouns
            .extend(lex.hostile_act_nouns.iter().cloned());
        // an object search passes through a quantity too ("expelled dozens of X's diplomats")
        lex.object_pass_nouns = word_set(&ontology.object_pass_nouns);
        lex.object_pass_nouns
            .extend(lex.quantity_nouns.iter().cloned());
        lex.patient_frame_nouns = word_set(&ontology.patient_frame_nouns);
        lex.patient_frame_forms = all_verb_forms(&ontology.patient_frame_verbs);
        lex.state_agent_nouns = word_set(&ontology.state_agent_nouns);
        lex.utterance_nouns = word_set(&ontology.utterance_nouns);
        lex.state_asset_nouns = word_set(&ontology.state_asset_nouns);
        lex
    }

    /// Whether some trigger can start with this lower-case form.
    pub fn is_trigger_start(&self, form: &str) -> bool {
        self.by_first.contains_key(form)
    }

    /// Triggers whose first word can be `form`.
    pub fn starting_with(&self, form: &str) -> &[usize] {
        self.by_first.get(form).map(Vec::as_slice).unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_inflect() {
        let f = verb_forms("condemn");
        for w in ["condemn", "condemns", "condemned", "condemning"] {
            assert!(f.contains(&w.to_string()), "{w} {f:?}");
        }
        assert!(verb_forms("criticize").contains(&"criticized".to_string()));
        assert!(verb_forms("ban").contains(&"banned".to_string()));
        assert!(verb_forms("deny").contains(&"denied".to_string()));
        assert!(verb_forms("speak").contains(&"spoke".to_string()));
        assert!(verb_forms("draw").contains(&"drawn".to_string()));
    }

    #[test]
    fn lexicon_comes_from_the_ontology() {
        let o = Ontology::embedded().unwrap();
        let lex = TriggerLexicon::new(&o);
        let ids = lex.starting_with("condemned");
        assert!(ids.iter().any(|&i| lex.triggers[i].predicate == "condemns"));
        let ids = lex.starting_with("spoke");
        assert!(
            ids.iter()
                .any(|&i| lex.triggers[i].pattern == "speak in favor of")
        );
        assert!(lex.reporting_forms.contains("said"));
        assert!(lex.event_nouns.contains("move"));
    }
}
