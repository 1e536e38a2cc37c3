//! Lemmatizer: exceptions learned from the training data keyed by (form, XPOS), and suffix
//! rules (strip k characters, append a string) learned per XPOS for unseen forms.

use std::collections::BTreeMap;

use super::NlpError;
use super::binio::{Reader, Writer};

/// The lemmatizer.
#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    /// (xpos, suffix) -> (strip, append)
    rules: BTreeMap<(String, String), (u8, String)>,
    /// (xpos, base form) -> lemma, where the rules are wrong.
    exceptions: BTreeMap<(String, String), String>,
}

const MAX_SUF: usize = 5;

fn is_proper(xpos: &str) -> bool {
    xpos.starts_with("NNP")
}

/// The form the rules apply to: lower-cased except for proper nouns.
fn base(form: &str, xpos: &str) -> String {
    if is_proper(xpos) {
        form.to_string()
    } else {
        form.to_lowercase()
    }
}

/// The transformation turning `b` into `lemma`: (chars to strip, string to append).
fn transform(b: &str, lemma: &str) -> (u8, String) {
    let bc: Vec<char> = b.chars().collect();
    let lc: Vec<char> = lemma.chars().collect();
    let mut p = 0;
    while p < bc.len() && p < lc.len() && bc[p] == lc[p] {
        p += 1;
    }
    let strip = (bc.len() - p).min(255) as u8;
    (strip, lc[p..].iter().collect())
}

fn apply(b: &str, rule: &(u8, String)) -> String {
    let n = b.chars().count();
    let keep = n.saturating_sub(rule.0 as usize);
    let mut s: String = b.chars().take(keep).collect();
    s.push_str(&rule.1);
    s
}

/// "1,000" / "6,363,217" / "1,000.5": digit groups separated by commas.
fn is_grouped_number(f: &str) -> bool {
    let int = f.split('.').next().unwrap_or("");
    let groups: Vec<&str> = int.split(',').collect();
    groups.len() > 1
        && !groups[0].is_empty()
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
        && f[int.len()..]
            .chars()
            .all(|c| c == '.' || c.is_ascii_digit())
}

fn suffix(b: &str, k: usize) -> Option<String> {
    let n = b.chars().count();
    if k > n {
        return None;
    }
    Some(b.chars().skip(n - k).collect())
}

impl Lemmatizer {
    /// Learns rules and exceptions from (form, xpos, lemma) triples.
    pub fn train<'a>(data: impl Iterator<Item = (&'a str, &'a str, &'a str)>) -> Lemmatizer {
        // Most frequent lemma per (xpos, base).
        let mut lex: BTreeMap<(String, String), BTreeMap<String, u32>> = BTreeMap::new();
        for (form, xpos, lemma) in data {
            if lemma == "_" {
                continue;
            }
            *lex.entry((xpos.to_string(), base(form, xpos)))
                .or_default()
                .entry(lemma.to_string())
                .or_default() += 1;
        }
        let best = |m: &BTreeMap<String, u32>| -> String {
            let mut b: Option<(&String, u32)> = None;
            for (l, &c) in m {
                if b.is_none_or(|(_, bc)| c > bc) {
                    b = Some((l, c));
                }
            }
            b.map(|x| x.0.clone()).unwrap_or_default()
        };
        // Rule counts over word types (each (xpos, base) counts once, so rules reflect types).
        let mut counts: BTreeMap<(String, String), BTreeMap<(u8, String), u32>> = BTreeMap::new();
        for ((xpos, b), m) in &lex {
            let lemma = best(m);
            let t = transform(b, &lemma);
            for k in 0..=MAX_SUF {
                if let Some(s) = suffix(b, k) {
                    *counts
                        .entry((xpos.clone(), s))
                        .or_default()
                        .entry(t.clone())
                        .or_default() += 1;
                }
            }
        }
        let mut rules = BTreeMap::new();
        for (key, m) in counts {
            let mut b: Option<(&(u8, String), u32)> = None;
            for (t, &c) in &m {
                if b.is_none_or(|(_, bc)| c > bc) {
                    b = Some((t, c));
                }
            }
            if let Some((t, c)) = b
                && (c >= 2 || key.1.is_empty())
            {
                rules.insert(key, t.clone());
            }
        }
        let mut lem = Lemmatizer {
            rules,
            exceptions: BTreeMap::new(),
        };
        let mut exceptions = BTreeMap::new();
        for ((xpos, b), m) in &lex {
            let lemma = best(m);
            if lem.by_rule(b, xpos) != lemma {
                exceptions.insert((xpos.clone(), b.clone()), lemma);
            }
        }
        lem.exceptions = exceptions;
        lem
    }

    fn by_rule(&self, b: &str, xpos: &str) -> String {
        let n = b.chars().count();
        for k in (0..=MAX_SUF.min(n)).rev() {
            if let Some(s) = suffix(b, k)
                && let Some(r) = self.rules.get(&(xpos.to_string(), s))
            {
                if (r.0 as usize) < n || r.0 == 0 || !r.1.is_empty() {
                    return apply(b, r);
                }
                break;
            }
        }
        b.to_string()
    }

    /// The lemma of `form` tagged `xpos`.
    pub fn lemma(&self, form: &str, xpos: &str) -> String {
        if xpos == "CD" && form.bytes().any(|b| b.is_ascii_digit()) {
            // Numerals are their own lemma, except that UD English writes "1,000" as "1000".
            return if is_grouped_number(form) {
                form.replace(',', "")
            } else {
                form.to_string()
            };
        }
        let b = base(form, xpos);
        // Avoid allocating the key twice on the fast path.
        if let Some(l) = self.exceptions.get(&(xpos.to_string(), b.clone())) {
            return l.clone();
        }
        self.by_rule(&b, xpos)
    }

    /// Serializes the lemmatizer.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new(*b"NGLM");
        w.u32(self.rules.len() as u32);
        for ((x, s), (k, a)) in &self.rules {
            w.str(x);
            w.str(s);
            w.u32(*k as u32);
            w.str(a);
        }
        w.u32(self.exceptions.len() as u32);
        for ((x, b), l) in &self.exceptions {
            w.str(x);
            w.str(b);
            w.str(l);
        }
        w.finish()
    }

    /// Deserializes a lemmatizer.
    pub fn from_bytes(b: &[u8]) -> Result<Lemmatizer, NlpError> {
        let mut r = Reader::new(b, *b"NGLM", "lemmatizer")?;
        let mut rules = BTreeMap::new();
        for _ in 0..r.u32()? {
            let x = r.str()?;
            let s = r.str()?;
            let k = r.u32()?.min(255) as u8;
            let a = r.str()?;
            rules.insert((x, s), (k, a));
        }
        let mut exceptions = BTreeMap::new();
        for _ in 0..r.u32()? {
            let x = r.str()?;
            let b = r.str()?;
            let l = r.str()?;
            exceptions.insert((x, b), l);
        }
        if !r.at_end() {
            return Err(r.error("trailing bytes"));
        }
        Ok(Lemmatizer { rules, exceptions })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_rules_and_exceptions() {
        let data = [
            ("walked", "VBD", "walk"),
            ("talked", "VBD", "talk"),
            ("jumped", "VBD", "jump"),
            ("went", "VBD", "go"),
            ("cats", "NNS", "cat"),
            ("dogs", "NNS", "dog"),
            ("The", "DT", "the"),
        ];
        let l = Lemmatizer::train(data.iter().copied());
        assert_eq!(l.lemma("kicked", "VBD"), "kick");
        assert_eq!(l.lemma("went", "VBD"), "go");
        assert_eq!(l.lemma("birds", "NNS"), "bird");
        assert_eq!(l.lemma("The", "DT"), "the");
        let l2 = Lemmatizer::from_bytes(&l.to_bytes()).unwrap();
        assert_eq!(l2.lemma("kicked", "VBD"), "kick");
    }
}
