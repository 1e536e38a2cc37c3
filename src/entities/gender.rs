//! Grammatical gender of person entities, for pronoun coreference ("she" → Angela Merkel, not the
//! Emmanuel Macron mentioned after her).
//!
//! A person's gender comes, in order, from the document itself (an honorific or a gendered title
//! next to one of its mentions: "Mr. Smith", "Ms. Lee", "spokeswoman Jane Doe") and from a table
//! of first names learned from news text ([`FirstNameGenders`], `models/first-names.tsv`). The
//! table is learned by [`FirstNameLearner`] from which pronoun follows a person's only mention
//! (`cargo run --release --example first_names`): no name list is typed in by hand. Unknown stays
//! unknown: a pronoun then accepts the person as before.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::{DocumentEntities, MentionKind};
use crate::text::{Sentence, Token};

/// Grammatical gender of a person entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// Referred to as "he", "him", "his".
    Male,
    /// Referred to as "she", "her".
    Female,
}

impl Gender {
    /// The gender a personal pronoun asks for, if it has one.
    pub fn of_pronoun(word: &str) -> Option<Gender> {
        match word {
            "he" | "him" | "his" | "himself" => Some(Gender::Male),
            "she" | "her" | "hers" | "herself" => Some(Gender::Female),
            _ => None,
        }
    }

    /// The gender an honorific or gendered title word marks ("Mrs.", "spokeswoman").
    pub fn of_title(word: &str) -> Option<Gender> {
        match word.trim_end_matches('.') {
            "mr" | "sir" | "lord" | "king" | "prince" | "spokesman" | "chairman"
            | "congressman" | "businessman" | "sultan" | "emir" | "sheikh" | "duke"
            | "archbishop" | "pope" => Some(Gender::Male),
            "mrs" | "ms" | "miss" | "madam" | "madame" | "dame" | "lady" | "queen" | "princess"
            | "spokeswoman" | "chairwoman" | "congresswoman" | "businesswoman" | "duchess" => {
                Some(Gender::Female)
            }
            _ => None,
        }
    }

    fn code(self) -> &'static str {
        match self {
            Gender::Male => "M",
            Gender::Female => "F",
        }
    }
}

/// The shipped first-name table (see [`FirstNameLearner`]).
const FIRST_NAMES_TSV: &str = include_str!("../../models/first-names.tsv");

/// First names with the gender news text uses for the people who bear them.
#[derive(Debug, Clone, Default)]
pub struct FirstNameGenders {
    names: BTreeMap<String, Gender>,
}

impl FirstNameGenders {
    /// The table compiled into the binary.
    pub fn embedded() -> &'static FirstNameGenders {
        static TABLE: OnceLock<FirstNameGenders> = OnceLock::new();
        TABLE.get_or_init(|| FirstNameGenders::from_tsv(FIRST_NAMES_TSV))
    }

    /// Reads `name<TAB>M|F<TAB>...` lines; `#` comments and malformed lines are skipped.
    pub fn from_tsv(text: &str) -> FirstNameGenders {
        let names = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut f = l.split('\t');
                let name = f.next()?.trim();
                let g = match f.next()?.trim() {
                    "M" => Gender::Male,
                    "F" => Gender::Female,
                    _ => return None,
                };
                (!name.is_empty()).then(|| (name.to_lowercase(), g))
            })
            .collect();
        FirstNameGenders { names }
    }

    /// The gender of a first name (case-insensitive).
    pub fn get(&self, first_name: &str) -> Option<Gender> {
        self.names.get(&first_name.to_lowercase()).copied()
    }

    /// Number of names.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// The first word of a person's label when it can be a first name ("Angela" of "Angela Merkel";
/// none for one-word labels or initials).
fn first_name(label: &str) -> Option<&str> {
    let mut words = label.split_whitespace();
    let first = words.next()?;
    words.next()?;
    (first.chars().count() > 1
        && first.chars().all(char::is_alphabetic)
        && first.chars().next().is_some_and(char::is_uppercase))
    .then_some(first)
}

/// The gender of every entity of a document (`None` for non-persons and unknown persons): an
/// honorific or gendered title right before a mention, or a gendered title right after it in
/// apposition ("Jane Doe, a spokeswoman"), else the first-name table.
pub fn entity_genders(
    sentences: &[Sentence],
    ents: &DocumentEntities,
    table: &FirstNameGenders,
) -> Vec<Option<Gender>> {
    let mut out: Vec<Option<Gender>> = ents
        .entities
        .iter()
        .map(|e| {
            (e.class == "Person")
                .then(|| first_name(&e.label).and_then(|f| table.get(f)))
                .flatten()
        })
        .collect();
    for m in &ents.mentions {
        if ents.entities[m.entity].class != "Person" || m.kind == MentionKind::Description {
            continue;
        }
        let Some(sent) = sentences.get(m.sentence) else {
            continue;
        };
        let toks = &sent.tokens;
        let before = m.tok_start.checked_sub(1).and_then(|k| toks.get(k));
        let apposed = match (toks.get(m.tok_end), toks.get(m.tok_end + 1)) {
            (Some(c), Some(a)) if c.text == "," && matches!(a.lower.as_str(), "a" | "the") => {
                toks.get(m.tok_end + 2)
            }
            _ => None,
        };
        if let Some(g) = before
            .or(apposed)
            .and_then(|t: &Token| Gender::of_title(&t.lower))
        {
            out[m.entity] = Some(g);
        }
    }
    out
}

/// Learns [`FirstNameGenders`] from analysed documents: when a sentence mentions exactly one
/// person with a first name, the personal pronouns after that mention (in the sentence and the
/// next one, up to the next person mention) vote for the first name's gender; each (document,
/// person) casts one vote, its pronouns' majority. A name is kept when at least `min_votes`
/// documents voted and `min_share` of the votes agree.
#[derive(Debug, Clone, Default)]
pub struct FirstNameLearner {
    /// first name (as written) → (male votes, female votes)
    votes: BTreeMap<String, (u32, u32)>,
    /// How often each word is written in lower case: "Air France", "Agence France-Presse" make
    /// "Air" and "Agence" look like first names, but the corpus writes them as common words.
    lower_case: BTreeMap<String, u32>,
}

impl FirstNameLearner {
    /// An empty learner.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one document's evidence.
    pub fn add_document(&mut self, sentences: &[Sentence], ents: &DocumentEntities) {
        for t in sentences.iter().flat_map(|s| &s.tokens) {
            if t.text.starts_with(|c: char| c.is_lowercase()) {
                *self.lower_case.entry(t.text.clone()).or_default() += 1;
            }
        }
        // person entity → (he, she) pronoun counts in this document
        let mut counts: BTreeMap<usize, (u32, u32)> = BTreeMap::new();
        for (s, sent) in sentences.iter().enumerate() {
            let persons: Vec<_> = ents
                .in_sentence(s)
                .filter(|m| ents.entities[m.entity].class == "Person")
                .collect();
            let Some(last) = persons.last() else {
                continue;
            };
            if persons.iter().any(|m| m.entity != last.entity)
                || first_name(&ents.entities[last.entity].label).is_none()
            {
                continue;
            }
            let c = counts.entry(last.entity).or_default();
            let mut vote = |t: &Token| match Gender::of_pronoun(&t.lower) {
                Some(Gender::Male) => c.0 += 1,
                Some(Gender::Female) => c.1 += 1,
                None => {}
            };
            sent.tokens[last.tok_end..].iter().for_each(&mut vote);
            if let Some(next) = sentences.get(s + 1) {
                let stop = ents
                    .in_sentence(s + 1)
                    .find(|m| ents.entities[m.entity].class == "Person")
                    .map_or(next.tokens.len(), |m| m.tok_start);
                next.tokens[..stop].iter().for_each(&mut vote);
            }
        }
        for (e, (he, she)) in counts {
            if he == she {
                continue;
            }
            if let Some(f) = first_name(&ents.entities[e].label) {
                let v = self.votes.entry(f.to_string()).or_default();
                if he > she {
                    v.0 += 1;
                } else {
                    v.1 += 1;
                }
            }
        }
    }

    /// The learned table as TSV (`name, M|F, male votes, female votes`), sorted by name. A name
    /// the corpus writes in lower case more than `max_lower_case_per_vote` times per vote is a
    /// common word, not a first name.
    pub fn to_tsv(&self, min_votes: u32, min_share: f64, max_lower_case_per_vote: u32) -> String {
        let mut out = String::from(
            "# first name\tgender\tmale votes\tfemale votes (documents)\n\
             # learned by `cargo run --release --example first_names` from Wikinews (CC BY 2.5)\n",
        );
        for (name, &(m, f)) in &self.votes {
            let total = m + f;
            let lower = self
                .lower_case
                .get(&name.to_lowercase())
                .copied()
                .unwrap_or(0);
            if total < min_votes || lower > max_lower_case_per_vote * total {
                continue;
            }
            let g = if m as f64 >= min_share * total as f64 {
                Gender::Male
            } else if f as f64 >= min_share * total as f64 {
                Gender::Female
            } else {
                continue;
            };
            out.push_str(&format!("{name}\t{}\t{m}\t{f}\n", g.code()));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_reads_names_case_insensitively_and_skips_bad_lines() {
        let t = FirstNameGenders::from_tsv("# c\nAngela\tF\t9\t0\nBoris\tM\t7\t1\nbroken\nX\t?\n");
        assert_eq!(t.len(), 2);
        assert_eq!(t.get("angela"), Some(Gender::Female));
        assert_eq!(t.get("Boris"), Some(Gender::Male));
        assert_eq!(t.get("Pat"), None);
    }

    #[test]
    fn first_names_need_a_second_word_and_letters() {
        assert_eq!(first_name("Angela Merkel"), Some("Angela"));
        assert_eq!(first_name("Merkel"), None);
        assert_eq!(first_name("J. Smith"), None);
    }

    #[test]
    fn shipped_table_knows_common_news_names() {
        let t = FirstNameGenders::embedded();
        assert!(t.len() > 200, "{} names", t.len());
        assert_eq!(t.get("George"), Some(Gender::Male));
    }
}
