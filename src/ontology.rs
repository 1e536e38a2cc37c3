//! The ontology: classes, predicates, families, trigger words and prefixes.
//!
//! `ontology/newsgraph.ttl` is the single source of truth. It is embedded at build time and parsed
//! once per process; `--ontology FILE` replaces it. Extraction reads the trigger lexicon from here,
//! exporters read IRIs, prefixes, schema.org alignments and families from here.

use std::collections::BTreeMap;

/// The embedded ontology source (Turtle).
pub const EMBEDDED_ONTOLOGY: &str = include_str!("../ontology/newsgraph.ttl");
/// Verb triggers learned from the CAMEO dictionary (generated; see `relations::cameo`).
pub const EMBEDDED_CAMEO_TRIGGERS: &str = include_str!("../ontology/cameo-triggers.ttl");
/// The embedded JSON-LD context.
pub const EMBEDDED_CONTEXT: &str = include_str!("../ontology/context.jsonld");
/// The embedded SHACL shapes (the export contract).
pub const EMBEDDED_SHAPES: &str = include_str!("../ontology/shapes.ttl");

/// Namespace of the newsgraph vocabulary (`ng:`).
pub const NG: &str = "https://newsgraph.dev/ontology#";
/// Namespace under which entity IRIs are minted.
pub const ENTITY_BASE: &str = "https://newsgraph.dev/id/";

/// Errors while loading the ontology.
#[derive(Debug, thiserror::Error)]
pub enum OntologyError {
    /// The Turtle did not parse.
    #[error("ontology {source_name}: syntax error: {message}")]
    Syntax {
        /// File name or "embedded".
        source_name: String,
        /// Parser message.
        message: String,
    },
    /// The Turtle parsed but a definition is incomplete or inconsistent.
    #[error("ontology {source_name}: {message}")]
    Invalid {
        /// File name or "embedded".
        source_name: String,
        /// What is wrong.
        message: String,
    },
}

/// A class of entities (`ng:Country`, ...).
#[derive(Debug, Clone, PartialEq)]
pub struct ClassDef {
    /// Local name, e.g. "Country".
    pub local: String,
    /// Full IRI.
    pub iri: String,
    /// `rdfs:label`.
    pub label: String,
    /// `rdfs:comment`.
    pub comment: String,
    /// Type family for lenient scoring and styling: "place", "organization", "person", "group", "document".
    pub family: String,
    /// Aligned external classes (`rdfs:subClassOf` outside our namespace), full IRIs.
    pub aligned: Vec<String>,
    /// The schema.org class written next to ours on every entity (oxigraph does no inference).
    pub schema_class: Option<String>,
    /// Lower-case head words that type a capitalized name as this class ("ministry").
    pub name_heads: Vec<String>,
    /// Common nouns that, after "the", can refer back to an entity of this class ("province").
    pub description_nouns: Vec<String>,
    /// Size rank of a place class (`ng:placeRank`: city 1, territory 2, country 3), so that a
    /// containment relation never puts a larger place inside a smaller one.
    pub place_rank: Option<u8>,
}

/// One trigger of a predicate, as written in the ontology.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    /// Lemmas of the trigger, space separated, lower case ("condemn", "speak in favor of").
    pub pattern: String,
    /// Part of speech of the head word: "verb", "noun", "adj" or "title".
    pub kind: TriggerKind,
    /// Learned from a peer dictionary (`ng:cameoVerbTrigger`), not listed by hand.
    pub learned: bool,
}

/// The grammatical kind of a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TriggerKind {
    /// A verb or verbal multiword ("condemn", "call on").
    Verb,
    /// A nominalization ("condemnation", "talks with").
    Noun,
    /// An adjective ("critical of").
    Adjective,
    /// A title or role noun ("ambassador", "president") used for represents/leads.
    Title,
    /// A verb pattern whose subject is the relation's object; the agent follows from/by ("draw fire").
    Inverse,
    /// Evaluative words expressing the speaker's stance toward what they are said of ("illegal").
    Evaluative,
    /// An obligation put on the clause's subject in speech ("Hamas should stop", "Iraq must
    /// cooperate"): the speaker relates to that subject.
    Deontic,
}

/// A relation predicate (`ng:condemns`, ...).
#[derive(Debug, Clone, PartialEq)]
pub struct PredicateDef {
    /// Local name, e.g. "condemns".
    pub local: String,
    /// Full IRI.
    pub iri: String,
    /// `rdfs:label`.
    pub label: String,
    /// `rdfs:comment`.
    pub comment: String,
    /// Family: SUPPORT, DISAPPROVE, REQUEST, THREATEN, COOPERATE, CONFLICT, AFFILIATION, PART.
    pub family: String,
    /// Domain class local names (empty: any).
    pub domain: Vec<String>,
    /// Range class local names (empty: any).
    pub range: Vec<String>,
    /// PLOVER event types.
    pub plover: Vec<String>,
    /// CAMEO codes or code prefixes.
    pub cameo: Vec<String>,
    /// Whether the predicate is symmetric (meetsWith, agreesWith).
    pub symmetric: bool,
    /// Type families (`ng:subjectTypeFamily`) the subject must belong to (empty: any that the
    /// domain admits): "place", "organization", "person", "group", "document".
    pub subject_families: Vec<String>,
    /// Type families (`ng:objectTypeFamily`) the object must belong to (empty: any).
    pub object_families: Vec<String>,
    /// Whether the predicate puts the subject inside the object (`ng:containment`), so that
    /// the subject's place rank must not exceed the object's.
    pub containment: bool,
    /// Whether a place where the action happens is its object (`ng:placeIsObject`: "fighting
    /// in Mosul" attacks Iraq; "met in Chongqing" meets no one).
    pub place_is_object: bool,
    /// CAMEO lemmas the vocabulary generator must not learn for this predicate
    /// (`ng:cameoExcludedLemma`: ambiguous in news).
    pub cameo_excluded: std::collections::BTreeSet<String>,
    /// Trigger words.
    pub triggers: Vec<Trigger>,
    /// `skos:closeMatch` alignments (Wikidata properties, schema.org, W3C ORG), full IRIs.
    pub close_match: Vec<String>,
}

/// The loaded ontology.
#[derive(Debug, Clone)]
pub struct Ontology {
    /// Where it came from ("embedded" or a path).
    pub source_name: String,
    /// Classes by local name, sorted.
    pub classes: BTreeMap<String, ClassDef>,
    /// Predicates by local name, sorted.
    pub predicates: BTreeMap<String, PredicateDef>,
    /// Prefixes declared in the Turtle (prefix name → namespace IRI), used by every RDF writer
    /// and predeclared in SPARQL queries.
    pub prefixes: BTreeMap<String, String>,
    /// PLOVER event type → family (for `eval plover`).
    pub plover_families: BTreeMap<String, String>,
    /// CAMEO root code ("01".."20") → family (for `eval petrarch`).
    pub cameo_families: BTreeMap<String, String>,
    /// Verbs that introduce speech ("say", "tell"), lemmas.
    pub reporting_verbs: Vec<String>,
    /// Collective nouns that introduce a list of members ("a group of seven countries, A, B, ...").
    pub collective_nouns: Vec<String>,
    /// Verbs by which a body issues a document ("adopt", "vote"): the issuer speaks through it.
    pub issuing_verbs: Vec<String>,
    /// Nouns naming an action of an actor ("move", "declaration").
    pub event_nouns: Vec<String>,
    /// Event nouns whose "of" phrase names what the action is done to ("the invasion of X"),
    /// not who acts ("the withdrawal of X").
    pub patient_event_nouns: Vec<String>,
    /// Nouns an object search passes through to the entity after "of" (`ng:objectPassNoun`:
    /// "the head of X", "the right of X").
    pub object_pass_nouns: Vec<String>,
    /// Nouns of "X was the target of Y's attacks" (`ng:patientFrameNoun`).
    pub patient_frame_nouns: Vec<String>,
    /// Verbs of "X faces sanctions from Y" (`ng:patientFrameVerb`).
    pub patient_frame_verbs: Vec<String>,
    /// Nouns that make a demonym or state name act for the state ("officials", "troops").
    pub state_agent_nouns: Vec<String>,
    /// Documents and statements that speak for whoever issued them (`ng:utteranceNoun`:
    /// "issued a declaration demanding ...").
    pub utterance_nouns: Vec<String>,
    /// Verbs whose subject observes or undergoes an event rather than performing it
    /// (`ng:observerVerb`: "witnessed the torture of X").
    pub observer_verbs: Vec<String>,
    /// Verbs of speaking whose infinitive after a trigger makes its object a topic
    /// (`ng:speechComplementVerb`: "declined to comment on X").
    pub speech_complement_verbs: Vec<String>,
    /// State agent nouns whose bodies placed in a country act for it (`ng:domesticAgentNoun`:
    /// "security forces in Guinea").
    pub domestic_agent_nouns: Vec<String>,
    /// Words after which a force trigger names a protest (`ng:protestNounModifier`: "hunger
    /// strike").
    pub protest_noun_modifiers: Vec<String>,
    /// Quantity nouns that stand for their "of" phrase (`ng:quantityNoun`: "thousands of X").
    pub quantity_nouns: Vec<String>,
    /// Trigger nouns of purpose adjuncts after a bare "in" (`ng:purposeAdjunctNoun`: "in protest
    /// against X").
    pub purpose_adjunct_nouns: Vec<String>,
    /// Nouns for the other party of a relationship (`ng:counterpartNoun`: "his Russian
    /// counterpart", "its NATO allies").
    pub counterpart_nouns: Vec<String>,
    /// Gatherings a request asks a body to hold (`ng:convocationNoun`: "a meeting of the
    /// Security Council").
    pub convocation_nouns: Vec<String>,
    /// What belongs to a person and can be physically attacked (`ng:personalAssetNoun`:
    /// "convoy", "home").
    pub personal_asset_nouns: Vec<String>,
    /// Titles of a city's own offices (`ng:localOfficeTitle`: "mayor"): the holder acts for
    /// the city, not for the state whose capital it is.
    pub local_office_titles: Vec<String>,
    /// Verb triggers that name a candidacy before "for", "against", "as" (`ng:candidacyVerb`:
    /// "run").
    pub candidacy_verbs: Vec<String>,
    /// Titles that may also qualify the title after them (`ng:titleModifier`: "deputy",
    /// "chief").
    pub title_modifiers: Vec<String>,
    /// Title modifiers that make the holder a deputy (`ng:deputyModifier`: "deputy", "vice").
    pub deputy_modifiers: Vec<String>,
    /// Verbs whose object is the subject of the infinitive after it (`ng:objectControlVerb`:
    /// "convince", "persuade").
    pub object_control_verbs: Vec<String>,
    /// Verbs (with a particle) of giving up a stance, whose negation keeps it
    /// (`ng:renunciationVerb`: "give up", "abandon").
    pub renunciation_verbs: Vec<String>,
    /// Phrases claiming an act (`ng:responsibilityClaim`: "claim responsibility for").
    pub responsibility_claims: Vec<String>,
    /// Nouns that make a demonym name what belongs to the state, as an object ("Iraqi towns").
    pub state_asset_nouns: Vec<String>,
    /// Verbs that make a cooperation noun a reduction of relations ("halted aid to X").
    pub cessation_verbs: Vec<String>,
    /// Verbs of giving that make the recipient of an aid noun the object (`ng:transferVerb`:
    /// "gave X 5 million dollars of aid").
    pub transfer_verbs: Vec<String>,
    /// Verbs that take a sanction back (`ng:reversalVerb`: "lift", "ease").
    pub reversal_verbs: Vec<String>,
    /// Goods that a verb of giving gives as aid (`ng:transferredGoodNoun`: "weapons",
    /// "vaccines"); trigger nouns only in that frame.
    pub transferred_good_nouns: Vec<String>,
    /// Head words of capitalized names that are not tracked entities ("War", "Week").
    pub excluded_name_heads: Vec<String>,
    /// Nouns that make a demonym name its people ("refugees": "Palestinian refugees" → Palestinians).
    pub people_nouns: Vec<String>,
    /// Nouns for unnamed collective actors (`ng:groupActorNoun`: "Afghan rebels").
    pub group_actor_nouns: Vec<String>,
    /// Nouns for any kind of group (`ng:genericGroupNoun`: "groups"), group actor nouns only after
    /// a nationality or a group modifier noun.
    pub generic_group_nouns: Vec<String>,
    /// Nouns that join a group actor noun's description (`ng:groupModifierNoun`: "rebel group").
    pub group_modifier_nouns: Vec<String>,
    /// Titles that common words before them qualify by portfolio (`ng:portfolioTitle`:
    /// "Defense Secretary"): those words name no organization.
    pub portfolio_titles: Vec<String>,
    /// Titles before a person's name that are no part of it and relate no office
    /// (`ng:courtesyTitle` of `ng:Person`: "first lady").
    pub courtesy_titles: Vec<String>,
    /// Verb triggers of acting in someone's name (`ng:proxyVerb`: "speak on behalf of"): acting
    /// so for an office holder represents the office holder's state or organization.
    pub proxy_verbs: Vec<String>,
}

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedOrBlankNode, Term};

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
const OWL: &str = "http://www.w3.org/2002/07/owl#";
const SKOS_CLOSE_MATCH: &str = "http://www.w3.org/2004/02/skos/core#closeMatch";

impl Ontology {
    /// The ontology embedded in the binary.
    pub fn embedded() -> Result<Self, OntologyError> {
        Self::from_turtle(
            &format!("{EMBEDDED_ONTOLOGY}\n{EMBEDDED_CAMEO_TRIGGERS}"),
            "embedded",
        )
    }

    /// The embedded hand-written ontology without the learned CAMEO triggers (the generator's input).
    pub fn embedded_hand_written() -> Result<Self, OntologyError> {
        Self::from_turtle(EMBEDDED_ONTOLOGY, "embedded")
    }

    /// Loads an ontology from a Turtle file (`--ontology FILE`).
    pub fn from_path(path: &std::path::Path) -> Result<Self, OntologyError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| OntologyError::Invalid {
            source_name: name.clone(),
            message: format!("cannot read: {e}"),
        })?;
        Self::from_turtle(&text, &name)
    }

    /// Parses the ontology from Turtle text.
    pub fn from_turtle(text: &str, source_name: &str) -> Result<Self, OntologyError> {
        let mut parser = RdfParser::from_format(RdfFormat::Turtle).for_slice(text.as_bytes());
        // subject IRI → (predicate IRI → objects)
        let mut props: BTreeMap<String, BTreeMap<String, Vec<Term>>> = BTreeMap::new();
        for quad in parser.by_ref() {
            let quad = quad.map_err(|e| OntologyError::Syntax {
                source_name: source_name.to_string(),
                message: e.to_string(),
            })?;
            let NamedOrBlankNode::NamedNode(s) = quad.subject else {
                continue;
            };
            props
                .entry(s.into_string())
                .or_default()
                .entry(quad.predicate.into_string())
                .or_default()
                .push(quad.object);
        }
        let prefixes: BTreeMap<String, String> = parser
            .prefixes()
            .map(|(p, iri)| (p.to_string(), iri.to_string()))
            .collect();

        let iri_of = |t: &Term| match t {
            Term::NamedNode(n) => Some(n.as_str().to_string()),
            _ => None,
        };
        let str_of = |t: &Term| match t {
            Term::Literal(l) => Some(l.value().to_string()),
            _ => None,
        };
        let get = |p: &BTreeMap<String, Vec<Term>>, key: &str| -> Vec<Term> {
            p.get(key).cloned().unwrap_or_default()
        };
        let ng = |local: &str| format!("{NG}{local}");
        let local_of = |iri: &str| iri.strip_prefix(NG).map(str::to_string);
        let invalid = |message: String| OntologyError::Invalid {
            source_name: source_name.to_string(),
            message,
        };

        let mut classes = BTreeMap::new();
        let mut predicates = BTreeMap::new();
        let mut plover_families = BTreeMap::new();
        let mut cameo_families = BTreeMap::new();
        let family_type = ng("Family");
        for (iri, p) in &props {
            let types: Vec<String> = get(p, RDF_TYPE).iter().filter_map(iri_of).collect();
            let Some(local) = local_of(iri) else { continue };
            let label = get(p, &format!("{RDFS}label"))
                .iter()
                .find_map(str_of)
                .unwrap_or_else(|| local.clone());
            let comment = get(p, &format!("{RDFS}comment"))
                .iter()
                .find_map(str_of)
                .unwrap_or_default();
            if types.contains(&family_type) {
                for t in get(p, &ng("coversPlover")).iter().filter_map(str_of) {
                    plover_families.insert(t, local.clone());
                }
                for t in get(p, &ng("coversCameoRoot")).iter().filter_map(str_of) {
                    cameo_families.insert(t, local.clone());
                }
                continue;
            }
            let family_literal = get(p, &ng("typeFamily")).iter().find_map(str_of);
            if types.iter().any(|t| t == &format!("{OWL}Class")) {
                // Only the entity classes (those with a type family) are extraction targets.
                let Some(family) = family_literal else {
                    continue;
                };
                let aligned = get(p, &format!("{RDFS}subClassOf"))
                    .iter()
                    .filter_map(iri_of)
                    .filter(|i| !i.starts_with(NG))
                    .collect();
                let schema_class = get(p, &ng("schemaClass")).iter().find_map(iri_of);
                let mut name_heads: Vec<String> = get(p, &ng("nameHead"))
                    .iter()
                    .filter_map(str_of)
                    .map(|h| h.to_lowercase())
                    .collect();
                name_heads.sort();
                let mut description_nouns: Vec<String> = get(p, &ng("descriptionNoun"))
                    .iter()
                    .filter_map(str_of)
                    .map(|h| h.to_lowercase())
                    .collect();
                description_nouns.sort();
                classes.insert(
                    local.clone(),
                    ClassDef {
                        local,
                        iri: iri.clone(),
                        label,
                        comment,
                        family,
                        aligned,
                        schema_class,
                        name_heads,
                        description_nouns,
                        place_rank: get(p, &ng("placeRank"))
                            .iter()
                            .filter_map(str_of)
                            .find_map(|v| v.parse().ok()),
                    },
                );
                continue;
            }
            let Some(family_iri) = get(p, &ng("family")).iter().find_map(iri_of) else {
                continue;
            };
            let family = local_of(&family_iri).ok_or_else(|| {
                invalid(format!("{local}: family {family_iri} is not an ng: family"))
            })?;
            let locals = |key: &str| -> Vec<String> {
                get(p, key)
                    .iter()
                    .filter_map(iri_of)
                    .filter_map(|i| local_of(&i))
                    .collect()
            };
            let strings = |key: &str| -> Vec<String> {
                let mut v: Vec<String> = get(p, key).iter().filter_map(str_of).collect();
                v.sort();
                v
            };
            let flag = |key: &str| get(p, key).iter().filter_map(str_of).any(|v| v == "true");
            let mut triggers = Vec::new();
            for (key, kind, learned) in [
                ("verbTrigger", TriggerKind::Verb, false),
                ("nounTrigger", TriggerKind::Noun, false),
                // goods are trigger nouns of giving only ("delivered weapons to X"); the
                // extractor checks the frame
                ("transferredGoodNoun", TriggerKind::Noun, false),
                ("adjectiveTrigger", TriggerKind::Adjective, false),
                ("titleTrigger", TriggerKind::Title, false),
                ("inverseTrigger", TriggerKind::Inverse, false),
                ("evaluativeTrigger", TriggerKind::Evaluative, false),
                ("deonticTrigger", TriggerKind::Deontic, false),
                ("cameoVerbTrigger", TriggerKind::Verb, true),
            ] {
                for pattern in strings(&ng(key)) {
                    let pattern = pattern.trim().to_lowercase();
                    if pattern.is_empty() {
                        return Err(invalid(format!("{local}: empty {key}")));
                    }
                    triggers.push(Trigger {
                        pattern,
                        kind,
                        learned,
                    });
                }
            }
            triggers.sort_by(|a, b| (a.kind, &a.pattern).cmp(&(b.kind, &b.pattern)));
            let symmetric = types
                .iter()
                .any(|t| t == &format!("{OWL}SymmetricProperty"));
            predicates.insert(
                local.clone(),
                PredicateDef {
                    local,
                    iri: iri.clone(),
                    label,
                    comment,
                    family,
                    domain: locals(&format!("{RDFS}domain")),
                    range: locals(&format!("{RDFS}range")),
                    plover: strings(&ng("ploverType")),
                    cameo: strings(&ng("cameoCode")),
                    cameo_excluded: strings(&ng("cameoExcludedLemma")).into_iter().collect(),
                    symmetric,
                    subject_families: strings(&ng("subjectTypeFamily")),
                    object_families: strings(&ng("objectTypeFamily")),
                    containment: flag(&ng("containment")),
                    place_is_object: flag(&ng("placeIsObject")),
                    triggers,
                    close_match: get(p, SKOS_CLOSE_MATCH).iter().filter_map(iri_of).collect(),
                },
            );
        }
        let word_list = |subject: &str, key: &str| -> Vec<String> {
            let mut v: Vec<String> = props
                .get(&ng(subject))
                .map(|p| {
                    get(p, &ng(key))
                        .iter()
                        .filter_map(str_of)
                        .map(|w| w.to_lowercase())
                        .collect()
                })
                .unwrap_or_default();
            v.sort();
            v.dedup();
            v
        };
        let reporting_verbs = word_list("Quotation", "reportingVerb");
        let issuing_verbs = word_list("Document", "issuingVerb");
        let collective_nouns = word_list("memberOf", "collectiveNoun");
        let event_nouns = word_list("RelationMention", "eventNoun");
        let patient_event_nouns = word_list("RelationMention", "patientEventNoun");
        let object_pass_nouns = word_list("RelationMention", "objectPassNoun");
        let patient_frame_nouns = word_list("RelationMention", "patientFrameNoun");
        let patient_frame_verbs = word_list("RelationMention", "patientFrameVerb");
        let state_agent_nouns = word_list("RelationMention", "stateAgentNoun");
        let utterance_nouns = word_list("RelationMention", "utteranceNoun");
        let observer_verbs = word_list("RelationMention", "observerVerb");
        let speech_complement_verbs = word_list("RelationMention", "speechComplementVerb");
        let domestic_agent_nouns = word_list("RelationMention", "domesticAgentNoun");
        let protest_noun_modifiers = word_list("RelationMention", "protestNounModifier");
        let quantity_nouns = word_list("RelationMention", "quantityNoun");
        let purpose_adjunct_nouns = word_list("RelationMention", "purposeAdjunctNoun");
        let counterpart_nouns = word_list("RelationMention", "counterpartNoun");
        let convocation_nouns = word_list("RelationMention", "convocationNoun");
        let personal_asset_nouns = word_list("RelationMention", "personalAssetNoun");
        let object_control_verbs = word_list("RelationMention", "objectControlVerb");
        let renunciation_verbs = word_list("RelationMention", "renunciationVerb");
        let responsibility_claims = word_list("RelationMention", "responsibilityClaim");
        let state_asset_nouns = word_list("RelationMention", "stateAssetNoun");
        let cessation_verbs = word_list("sanctions", "cessationVerb");
        let transfer_verbs = word_list("aids", "transferVerb");
        let reversal_verbs = word_list("sanctions", "reversalVerb");
        let transferred_good_nouns = word_list("aids", "transferredGoodNoun");
        let excluded_name_heads = word_list("Entity", "excludedNameHead");
        let people_nouns = word_list("EthnicGroup", "peopleNoun");
        let group_actor_nouns = word_list("Organization", "groupActorNoun");
        let group_modifier_nouns = word_list("Organization", "groupModifierNoun");
        let generic_group_nouns = word_list("Organization", "genericGroupNoun");
        let portfolio_titles = word_list("represents", "portfolioTitle");
        let courtesy_titles = word_list("Person", "courtesyTitle");
        let proxy_verbs = word_list("represents", "proxyVerb");
        let local_office_titles = word_list("represents", "localOfficeTitle");
        let candidacy_verbs = word_list("leads", "candidacyVerb");
        let title_modifiers = word_list("leads", "titleModifier");
        let deputy_modifiers = word_list("leads", "deputyModifier");
        if classes.is_empty() || predicates.is_empty() {
            return Err(invalid(
                "no ng: classes with ng:typeFamily or no predicates with ng:family".into(),
            ));
        }
        Ok(Ontology {
            source_name: source_name.to_string(),
            classes,
            predicates,
            prefixes,
            plover_families,
            cameo_families,
            reporting_verbs,
            issuing_verbs,
            collective_nouns,
            event_nouns,
            patient_event_nouns,
            object_pass_nouns,
            patient_frame_nouns,
            patient_frame_verbs,
            state_agent_nouns,
            utterance_nouns,
            observer_verbs,
            speech_complement_verbs,
            domestic_agent_nouns,
            protest_noun_modifiers,
            quantity_nouns,
            purpose_adjunct_nouns,
            counterpart_nouns,
            convocation_nouns,
            personal_asset_nouns,
            local_office_titles,
            candidacy_verbs,
            title_modifiers,
            deputy_modifiers,
            object_control_verbs,
            renunciation_verbs,
            responsibility_claims,
            state_asset_nouns,
            cessation_verbs,
            transfer_verbs,
            reversal_verbs,
            transferred_good_nouns,
            excluded_name_heads,
            people_nouns,
            group_actor_nouns,
            group_modifier_nouns,
            generic_group_nouns,
            portfolio_titles,
            courtesy_titles,
            proxy_verbs,
        })
    }

    /// The predicate with this local name.
    pub fn predicate(&self, local: &str) -> Option<&PredicateDef> {
        self.predicates.get(local)
    }

    /// The class with this local name.
    pub fn class(&self, local: &str) -> Option<&ClassDef> {
        self.classes.get(local)
    }

    /// Family of a predicate, or "" if unknown.
    pub fn family_of(&self, predicate: &str) -> &str {
        self.predicates
            .get(predicate)
            .map(|p| p.family.as_str())
            .unwrap_or("")
    }

    /// Type family of a class ("place", "organization", ...), or "" if unknown.
    pub fn type_family_of(&self, class: &str) -> &str {
        self.classes
            .get(class)
            .map(|c| c.family.as_str())
            .unwrap_or("")
    }

    /// SPARQL `PREFIX` declarations for every prefix of the ontology.
    pub fn sparql_prologue(&self) -> String {
        self.prefixes
            .iter()
            .map(|(p, iri)| format!("PREFIX {p}: <{iri}>\n"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_ontology_has_the_eleven_classes_and_eighteen_predicates() {
        let o = Ontology::embedded().unwrap();
        assert_eq!(
            o.classes.len(),
            11,
            "{:?}",
            o.classes.keys().collect::<Vec<_>>()
        );
        assert_eq!(
            o.predicates.len(),
            18,
            "{:?}",
            o.predicates.keys().collect::<Vec<_>>()
        );
        assert_eq!(o.family_of("condemns"), "DISAPPROVE");
        assert!(o.predicate("meetsWith").unwrap().symmetric);
        assert!(
            o.predicate("condemns")
                .unwrap()
                .triggers
                .iter()
                .any(|t| t.pattern == "denounce")
        );
        assert_eq!(o.type_family_of("City"), "place");
        // type constraints finer than rdfs:domain/range
        assert_eq!(
            o.predicate("memberOf").unwrap().object_families,
            ["organization"]
        );
        assert!(o.predicate("locatedIn").unwrap().containment);
        assert!(o.class("City").unwrap().place_rank < o.class("Country").unwrap().place_rank);
        assert_eq!(
            o.plover_families.get("REJECT").map(String::as_str),
            Some("DISAPPROVE")
        );
        assert_eq!(o.prefixes.get("ng").map(String::as_str), Some(NG));
        assert_eq!(
            o.class("Country").unwrap().schema_class.as_deref(),
            Some("https://schema.org/Country")
        );
    }

    #[test]
    fn a_broken_ontology_is_a_clear_error() {
        let err = Ontology::from_turtle("@prefix ng: <x> . ng:a ng:b", "test.ttl").unwrap_err();
        assert!(err.to_string().contains("test.ttl"), "{err}");
    }
}
