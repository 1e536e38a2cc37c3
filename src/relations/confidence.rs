//! Relation confidence: each extraction pattern's precision measured on the dev gold.
//!
//! A relation mention's confidence starts from its pattern's measured precision
//! (`models/relation-confidence.tsv`, written by `newsgraph eval gold --calibrate FILE`), then is
//! lowered for a pronoun or description endpoint (×0.85) and for hedged or future statements
//! (×0.8), cases the dev gold marks optional and so cannot measure. A pattern missing from the
//! table keeps the prior written next to it in the extractor.
//!
//! Calibration counts, for every relation mention on the dev gold, whether its distinct relation
//! is a strict match of a required gold relation (correct), of an optional one (not counted), or
//! of none (wrong), and smooths the pattern's precision towards the precision of all patterns
//! (`(correct + k·p) / (correct + wrong + k)`, k = [`SMOOTHING`]), so that a rare pattern does not
//! get 0 or 1 from two examples.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

/// Pseudo-count of the prior (the precision of all patterns together).
pub const SMOOTHING: f64 = 5.0;

const SHIPPED_TSV: &str = include_str!("../../models/relation-confidence.tsv");

/// Correct and wrong relation mentions of one pattern on the calibration data.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PatternCounts {
    /// Mentions whose relation matches a required gold relation.
    pub correct: u32,
    /// Mentions whose relation matches no gold relation.
    pub wrong: u32,
    /// Mentions whose relation matches only an optional gold relation (not counted).
    pub optional: u32,
}

/// Confidence per extraction pattern.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConfidenceTable {
    /// pattern → (confidence, counts it was computed from)
    patterns: BTreeMap<String, (f64, PatternCounts)>,
}

impl ConfidenceTable {
    /// The table compiled into the binary.
    pub fn embedded() -> &'static ConfidenceTable {
        static TABLE: OnceLock<ConfidenceTable> = OnceLock::new();
        TABLE.get_or_init(|| ConfidenceTable::from_tsv(SHIPPED_TSV))
    }

    /// Computes the table from per-pattern counts (see the module documentation).
    pub fn from_counts(counts: &BTreeMap<String, PatternCounts>) -> ConfidenceTable {
        let (c, w) = counts
            .values()
            .fold((0u32, 0u32), |(c, w), x| (c + x.correct, w + x.wrong));
        let prior = if c + w == 0 {
            0.5
        } else {
            c as f64 / (c + w) as f64
        };
        let patterns = counts
            .iter()
            .map(|(p, x)| {
                let conf = (x.correct as f64 + SMOOTHING * prior)
                    / ((x.correct + x.wrong) as f64 + SMOOTHING);
                (p.clone(), ((conf * 100.0).round() / 100.0, *x))
            })
            .collect();
        ConfidenceTable { patterns }
    }

    /// Reads `pattern<TAB>confidence<TAB>correct<TAB>wrong<TAB>optional` lines (`#` comments and
    /// malformed lines are skipped).
    pub fn from_tsv(text: &str) -> ConfidenceTable {
        let patterns = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                let conf: f64 = f.get(1)?.trim().parse().ok()?;
                let n = |i: usize| f.get(i).and_then(|x| x.trim().parse().ok()).unwrap_or(0);
                let counts = PatternCounts {
                    correct: n(2),
                    wrong: n(3),
                    optional: n(4),
                };
                (!f[0].is_empty() && (0.0..=1.0).contains(&conf))
                    .then(|| (f[0].to_string(), (conf, counts)))
            })
            .collect();
        ConfidenceTable { patterns }
    }

    /// The table as TSV, sorted by pattern.
    pub fn to_tsv(&self) -> String {
        let mut out = String::from(
            "# relation confidence per extraction pattern: smoothed strict precision on the dev gold\n\
             # written by `newsgraph eval gold --calibrate models/relation-confidence.tsv`\n\
             # pattern\tconfidence\tcorrect\twrong\toptional (relation mentions)\n",
        );
        for (p, (conf, x)) in &self.patterns {
            let _ = writeln!(
                out,
                "{p}\t{conf:.2}\t{}\t{}\t{}",
                x.correct, x.wrong, x.optional
            );
        }
        out
    }

    /// The confidence of a pattern, if the table has it.
    pub fn get(&self, pattern: &str) -> Option<f64> {
        self.patterns.get(pattern).map(|(c, _)| *c)
    }

    /// Patterns with their confidence and counts.
    pub fn iter(&self) -> impl Iterator<Item = (&str, f64, PatternCounts)> {
        self.patterns.iter().map(|(p, (c, x))| (p.as_str(), *c, *x))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_patterns_are_pulled_towards_the_overall_precision() {
        let mut counts = BTreeMap::new();
        counts.insert(
            "often".to_string(),
            PatternCounts {
                correct: 90,
                wrong: 10,
                optional: 3,
            },
        );
        counts.insert(
            "rare".to_string(),
            PatternCounts {
                correct: 0,
                wrong: 1,
                optional: 0,
            },
        );
        let t = ConfidenceTable::from_counts(&counts);
        let prior = 90.0 / 101.0;
        assert_eq!(
            t.get("rare"),
            Some(((5.0 * prior / 6.0) * 100.0f64).round() / 100.0)
        );
        assert!(t.get("often").unwrap() > 0.85 && t.get("often").unwrap() < 0.91);
        assert_eq!(t.get("missing"), None);
        // the TSV round-trips
        assert_eq!(ConfidenceTable::from_tsv(&t.to_tsv()), t);
    }
}
