//! Verb vocabulary learned from the CAMEO verb dictionary of the PETRARCH2 event coder
//! (`../shared/data/peer-suites/cameo2_verb_lemmas.tsv`, MIT licence).
//!
//! The dictionary groups verb lemmas into synonym blocks and gives each lemma the CAMEO code it
//! codes to. Importing every lemma would flood extraction with verbs whose CAMEO sense is rare in
//! news ("reside" codes as an attack, "think" as a consultation), so the generator only grows what
//! the ontology already says: for each hand-listed single-word verb trigger of a predicate, the
//! other lemmas of its CAMEO block whose code maps (longest `ng:cameoCode` prefix over all
//! predicates) to that same predicate become `ng:cameoVerbTrigger`s of it, minus the lemmas the
//! ontology excludes with `ng:cameoExcludedLemma` (reviewed as ambiguous in news). The result is
//! `ontology/cameo-triggers.ttl`, regenerated with
//! `cargo run --release --example cameo_triggers` and checked by `tests/cameo_triggers.rs`.

use crate::ontology::{Ontology, TriggerKind};
use std::collections::{BTreeMap, BTreeSet};

/// One row of the CAMEO verb lemma table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CameoLemma {
    /// Lower-case lemma ("condemn").
    pub lemma: String,
    /// CAMEO code the lemma codes to ("111"), if any.
    pub code: Option<String>,
    /// The synonym block it belongs to ("DENOUNCE").
    pub block: String,
}

/// Parses `cameo2_verb_lemmas.tsv` (header `lemma effective_code block block_code ...`). Multiword
/// entries (`+CALL_OFF`) and comment debris are skipped: phrasal triggers are listed by hand.
pub fn parse_lemma_table(text: &str) -> Result<Vec<CameoLemma>, String> {
    let mut lines = text.lines().enumerate();
    let (_, header) = lines.next().ok_or("empty table")?;
    let cols: Vec<&str> = header.split('\t').collect();
    let col = |name: &str| {
        cols.iter()
            .position(|c| *c == name)
            .ok_or(format!("no column {name:?}"))
    };
    let (li, ci, bi) = (col("lemma")?, col("effective_code")?, col("block")?);
    let mut out = Vec::new();
    for (n, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() <= li.max(ci).max(bi) {
            return Err(format!("line {}: {} columns", n + 1, f.len()));
        }
        let lemma = f[li].trim().to_lowercase();
        if lemma.is_empty() || !lemma.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
            continue;
        }
        let code = f[ci].trim();
        out.push(CameoLemma {
            lemma,
            code: (code.chars().all(|c| c.is_ascii_digit()) && !code.is_empty())
                .then(|| code.to_string()),
            block: f[bi].trim().to_string(),
        });
    }
    Ok(out)
}

/// The predicate a CAMEO code maps to: the predicate with the longest `ng:cameoCode` prefix of it.
pub fn predicate_for_code<'o>(ontology: &'o Ontology, code: &str) -> Option<&'o str> {
    ontology
        .predicates
        .values()
        .flat_map(|p| p.cameo.iter().map(move |c| (c, p.local.as_str())))
        .filter(|(c, _)| code.starts_with(c.as_str()))
        .max_by_key(|(c, _)| c.len())
        .map(|(_, p)| p)
}

/// Learned verb triggers per predicate (sorted), from the lemma table and the ontology's
/// hand-listed verb triggers and exclusions.
pub fn learn_triggers(
    ontology: &Ontology,
    lemmas: &[CameoLemma],
) -> BTreeMap<String, BTreeSet<String>> {
    let mut blocks: BTreeMap<&str, Vec<&CameoLemma>> = BTreeMap::new();
    for l in lemmas {
        blocks.entry(l.block.as_str()).or_default().push(l);
    }
    // every hand-listed trigger: never re-added, never moved to another predicate (a noun
    // trigger still lets its own predicate learn the verb: "dispute" the noun of `opposes` keeps
    // "X disputed Y" there)
    let listed: BTreeSet<&str> = ontology
        .predicates
        .values()
        .flat_map(|p| {
            p.triggers
                .iter()
                .filter(|t| !t.learned && t.kind != TriggerKind::Noun)
                .map(|t| t.pattern.as_str())
        })
        .chain(ontology.reporting_verbs.iter().map(String::as_str))
        .collect();
    let mut listed_nouns: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for p in ontology.predicates.values() {
        for t in p
            .triggers
            .iter()
            .filter(|t| !t.learned && t.kind == TriggerKind::Noun)
        {
            listed_nouns
                .entry(t.pattern.as_str())
                .or_default()
                .insert(p.local.as_str());
        }
    }
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for p in ontology.predicates.values() {
        let seeds: BTreeSet<&str> = p
            .triggers
            .iter()
            .filter(|t| t.kind == TriggerKind::Verb && !t.learned && !t.pattern.contains(' '))
            .map(|t| t.pattern.as_str())
            .collect();
        for l in lemmas.iter().filter(|l| seeds.contains(l.lemma.as_str())) {
            for o in &blocks[l.block.as_str()] {
                let maps_here = o
                    .code
                    .as_deref()
                    .and_then(|c| predicate_for_code(ontology, c))
                    == Some(p.local.as_str());
                let noun_elsewhere = listed_nouns
                    .get(o.lemma.as_str())
                    .is_some_and(|ps| ps.iter().any(|q| *q != p.local.as_str()));
                if maps_here
                    && !listed.contains(o.lemma.as_str())
                    && !noun_elsewhere
                    && !p.cameo_excluded.contains(&o.lemma)
                {
                    out.entry(p.local.clone())
                        .or_default()
                        .insert(o.lemma.clone());
                }
            }
        }
    }
    out
}

/// The Turtle text of `ontology/cameo-triggers.ttl`.
pub fn triggers_turtle(learned: &BTreeMap<String, BTreeSet<String>>) -> String {
    let mut s = String::from(
        "# GENERATED by `cargo run --release --example cameo_triggers` from\n\
         # ../shared/data/peer-suites/cameo2_verb_lemmas.tsv (PETRARCH2 CAMEO verb dictionary, MIT\n\
         # licence) and ontology/newsgraph.ttl. Do not edit: change ng:verbTrigger or\n\
         # ng:cameoExcludedLemma in newsgraph.ttl and regenerate.\n\
         @prefix ng: <https://newsgraph.dev/ontology#> .\n\n",
    );
    for (p, words) in learned {
        let list: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
        s.push_str(&format!(
            "ng:{p} ng:cameoVerbTrigger {} .\n",
            list.join(", ")
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "lemma\teffective_code\tblock\tblock_code\ttop_pattern_codes\n\
        CONDEMN\t111\tDENOUNCE\t111\t\n\
        BERATE\t111\tDENOUNCE\t111\t\n\
        LECTURE\t111\tDENOUNCE\t111\t\n\
        RESIDE\t190\tINHABIT\t190\t\n\
        REJOICE\t---\tDENOUNCE\t111\t\n\
        ACCUSE\t112\tDENOUNCE\t111\t\n\
        +LASH_OUT\t111\tDENOUNCE\t111\t\n";

    #[test]
    fn synonyms_of_listed_triggers_with_the_same_predicate_are_learned() {
        let o = Ontology::embedded().unwrap();
        let lemmas = parse_lemma_table(TABLE).unwrap();
        assert_eq!(lemmas.len(), 6, "multiword entries are skipped");
        let learned = learn_triggers(&o, &lemmas);
        let condemns = &learned["condemns"];
        assert!(condemns.contains("berate"));
        // no code, another predicate's code, already listed, or not in a listed trigger's block
        assert!(!condemns.contains("rejoice") && !condemns.contains("accuse"));
        assert!(!condemns.contains("condemn"));
        assert!(learned.values().all(|w| !w.contains("reside")));
    }

    #[test]
    fn codes_map_to_the_longest_prefix_predicate() {
        let o = Ontology::embedded().unwrap();
        assert_eq!(predicate_for_code(&o, "112"), Some("accuses"));
        assert_eq!(predicate_for_code(&o, "111"), Some("condemns"));
        assert_eq!(predicate_for_code(&o, "1231"), Some("rejects"));
        assert_eq!(predicate_for_code(&o, "010"), None);
    }
}
