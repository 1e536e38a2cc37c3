//! Surface patterns and the matching rules of [`Gazetteer::find`].

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::{AliasKind, EntityClass, EntryId, Gazetteer, GazetteerEntry, GazetteerMatch, Sense};
use crate::text::Span;

/// A small multiplicative hasher (FxHash) for the short string keys of the matcher: the default
/// SipHash dominated load time.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with [`FxHasher`].
pub(super) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Senses of all patterns, stored flat: pattern `p` owns `senses[ranges[p].0..ranges[p].1]`.
#[derive(Debug, Default)]
pub(super) struct SenseTable {
    senses: Vec<Sense>,
    ranges: Vec<(u32, u32)>,
}

impl SenseTable {
    /// The senses of pattern `p`, preferred first.
    pub(super) fn get(&self, p: usize) -> &[Sense] {
        match self.ranges.get(p) {
            Some(&(a, b)) => &self.senses[a as usize..b as usize],
            None => &[],
        }
    }
    /// Number of patterns.
    pub(super) fn len(&self) -> usize {
        self.ranges.len()
    }
}

/// Preference rank of an entry when several share an alias (lower wins).
fn rank(entry: &GazetteerEntry) -> u8 {
    match entry.class {
        EntityClass::Country => 0,
        EntityClass::Territory if !entry.key.starts_with("div:") => 1,
        EntityClass::InternationalOrganization => 2,
        EntityClass::GovernmentBody => 3,
        EntityClass::Region => 4,
        EntityClass::City => 5,
        EntityClass::Territory => 6,
        EntityClass::EthnicGroup => 7,
        EntityClass::PoliticalParty => 8,
        EntityClass::Organization => 9,
        EntityClass::Person => 10,
    }
}

fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

/// Builds the surface patterns and, per pattern, its senses in preference order.
///
/// [`find`] keeps a hit only when the text equals the pattern, or is its all-caps form and the
/// sense allows that (`caps_variant`).
pub(super) fn patterns(entries: &[GazetteerEntry]) -> (Vec<String>, SenseTable) {
    // sort key per sense: (former/local name last, rank, entry)
    type Keyed = (bool, u8, u32, Sense);
    let aliases: usize = entries.iter().map(|e| e.aliases.len()).sum();
    let mut index: FxMap<String, usize> = FxMap::default();
    index.reserve(aliases);
    let mut surfaces: Vec<String> = Vec::new();
    let mut keyed: Vec<Vec<Keyed>> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let id = EntryId(i as u32);
        let r = rank(e);
        for a in e.aliases.iter().filter(|a| a.matchable) {
            let sense = Sense {
                entry: id,
                kind: a.kind,
                risky: a.risky,
                shout_sensitive: a.shout_sensitive,
                caps_variant: !matches!(a.kind, AliasKind::Acronym | AliasKind::Code)
                    && letters(&a.text) >= 4
                    && a.text.chars().any(char::is_lowercase),
            };
            let mut push = |surface: &str| {
                let i = match index.get(surface) {
                    Some(&i) => i,
                    None => {
                        index.insert(surface.to_string(), surfaces.len());
                        surfaces.push(surface.to_string());
                        keyed.push(Vec::new());
                        keyed.len() - 1
                    }
                };
                let list = &mut keyed[i];
                if !list
                    .iter()
                    .any(|k| k.3.entry == id && k.3.kind == sense.kind)
                {
                    // former and local-language names yield to current English ones
                    // ("Tunis" is the capital before it is Tunisia's local short form)
                    let weak = matches!(a.kind, AliasKind::Former | AliasKind::Local);
                    list.push((weak, r, id.0, sense));
                }
            };
            push(&a.text);
            if a.text.contains('\'') {
                push(&a.text.replace('\'', "\u{2019}"));
            }
            if a.text.contains('\u{2019}') {
                push(&a.text.replace('\u{2019}', "'"));
            }
        }
    }
    let mut table = SenseTable::default();
    for mut list in keyed {
        list.sort_by_key(|k| (k.0, k.1, k.2));
        let a = table.senses.len() as u32;
        table.senses.extend(list.into_iter().map(|k| k.3));
        table.ranges.push((a, table.senses.len() as u32));
    }
    (surfaces, table)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The word right before `start`, if only horizontal spaces separate it.
fn prev_word(text: &str, start: usize) -> Option<&str> {
    let before = &text[..start];
    let trimmed = before.trim_end_matches([' ', '\u{a0}']);
    if trimmed.len() == before.len() || before.len() - trimmed.len() > 2 {
        return None;
    }
    let word_start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word_char(*c) || *c == '.' || *c == '-')
        .last()
        .map(|(i, _)| i)?;
    Some(&trimmed[word_start..])
}

/// The word right after `end`, if only horizontal spaces separate it.
fn next_word(text: &str, end: usize) -> Option<&str> {
    let after = &text[end..];
    let trimmed = after.trim_start_matches([' ', '\u{a0}']);
    if trimmed.len() == after.len() || after.len() - trimmed.len() > 2 {
        return None;
    }
    let len: usize = trimmed
        .chars()
        .take_while(|c| is_word_char(*c) || *c == '-')
        .map(char::len_utf8)
        .sum();
    (len > 0).then(|| &trimmed[..len])
}

/// Capitalized words that may stand next to a risky name without making it part of a person's
/// name ("In Jordan", "Jordan And").
const FUNCTION_WORDS: &[&str] = &[
    "A",
    "About",
    "Across",
    "After",
    "Against",
    "Also",
    "Although",
    "An",
    "And",
    "As",
    "At",
    "Because",
    "Before",
    "Between",
    "Both",
    "But",
    "By",
    "Despite",
    "During",
    "For",
    "From",
    "If",
    "In",
    "Including",
    "Inside",
    "Into",
    "Its",
    "Like",
    "Meanwhile",
    "Near",
    "Neither",
    "Nor",
    "Of",
    "On",
    "Or",
    "Outside",
    "Over",
    "Since",
    "So",
    "Than",
    "That",
    "The",
    "Their",
    "Then",
    "These",
    "This",
    "Those",
    "Though",
    "To",
    "Under",
    "Unlike",
    "Via",
    "When",
    "Where",
    "Whether",
    "While",
    "With",
    "Within",
    "Without",
    "Yet",
];

fn capitalized_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => !FUNCTION_WORDS.contains(&word),
        _ => false,
    }
}

fn all_caps_word(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

fn sense_ok(text: &str, start: usize, end: usize, sense: &Sense) -> bool {
    if sense.risky
        && (prev_word(text, start).is_some_and(capitalized_name_word)
            || next_word(text, end).is_some_and(capitalized_name_word))
    {
        return false;
    }
    if sense.shout_sensitive
        && (prev_word(text, start).is_some_and(all_caps_word)
            || next_word(text, end).is_some_and(all_caps_word))
    {
        return false;
    }
    true
}

/// Lowercases the leading alphanumeric run of `s` into `buf` (the bucket key of a pattern or of
/// a word of text).
fn first_word_key(s: &str, buf: &mut String) {
    buf.clear();
    for c in s.chars().take_while(|c| is_word_char(*c)) {
        buf.extend(c.to_lowercase());
    }
}

/// Word-start index: lowercase first word → patterns starting with it, longest first.
#[derive(Debug, Default)]
pub(super) struct Index {
    buckets: FxMap<String, Vec<u32>>,
}

impl Index {
    pub(super) fn new(surfaces: &[String]) -> Index {
        let mut buckets: FxMap<String, Vec<u32>> = FxMap::default();
        buckets.reserve(surfaces.len() / 2);
        let mut key = String::new();
        for (i, s) in surfaces.iter().enumerate() {
            first_word_key(s, &mut key);
            if key.is_empty() {
                continue; // patterns must start with a letter or digit
            }
            match buckets.get_mut(key.as_str()) {
                Some(v) => v.push(i as u32),
                None => {
                    buckets.insert(key.clone(), vec![i as u32]);
                }
            }
        }
        for v in buckets.values_mut() {
            v.sort_by_key(|&i| std::cmp::Reverse(surfaces[i as usize].len()));
        }
        Index { buckets }
    }
}

/// The best valid sense of pattern `p` at `start`, if the text there spells it.
fn try_pattern(g: &Gazetteer, text: &str, start: usize, p: u32) -> Option<GazetteerMatch> {
    let surface = &g.surfaces[p as usize];
    let end = start + surface.len();
    let found = text.get(start..end)?;
    // "US$88m", "HK$5": a currency, not the state
    if text[end..]
        .chars()
        .next()
        .is_some_and(|c| is_word_char(c) || c == '$')
    {
        return None;
    }
    let exact = found == surface;
    if !exact
        && (found.chars().any(char::is_lowercase) || found.to_lowercase() != surface.to_lowercase())
    {
        return None;
    }
    let s = g
        .senses
        .get(p as usize)
        .iter()
        .find(|s| (exact || s.caps_variant) && sense_ok(text, start, end, s))?;
    Some(GazetteerMatch {
        span: Span::new(start, end),
        entry: s.entry,
        kind: s.kind,
        pattern: p,
        all_caps: !exact,
    })
}

pub(super) fn find(g: &Gazetteer, text: &str) -> Vec<GazetteerMatch> {
    let mut out = Vec::new();
    let mut key = String::new();
    let mut pos = 0usize; // no match may start before this
    let mut prev_word = false;
    for (i, c) in text.char_indices() {
        let word = is_word_char(c);
        let starts_word = word && !prev_word;
        prev_word = word;
        if !starts_word || i < pos {
            continue;
        }
        first_word_key(&text[i..], &mut key);
        let Some(bucket) = g.index.buckets.get(key.as_str()) else {
            continue;
        };
        // longest first: the first valid pattern is the longest at this start
        if let Some(m) = bucket.iter().find_map(|&p| try_pattern(g, text, i, p)) {
            pos = m.span.end;
            out.push(m);
        }
    }
    out
}
