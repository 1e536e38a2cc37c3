//! Statistical named-entity tagger (PER / ORG / LOC and whatever types the training data holds).
//!
//! A first-order averaged structured perceptron over BIO labels, decoded with Viterbi over legal
//! BIO transitions only. Emission features: word, lower case, shape, affixes, capitalization
//! (the token's and a ±2 window), sentence position, neighbours ±2 (words, shapes, word–shape
//! pairs), gazetteer hits (kind and class of the entry covering a token), how often the word is
//! capitalized in the project's news corpus ([`CaseTable`]), distributional word clusters from
//! the same corpus ([`ClusterTable`]) and how the word is written elsewhere in its document
//! ([`NerModel::tag_document`]; a lone sentence is its own document).
//!
//! No POS features: the embedded tagger was trained on the same EWT training sentences, so its
//! tags are near-perfect there and the NER learned to over-trust them (dev F1 0.666 without,
//! 0.658 with them); dropping them also spares the tagger call per sentence. Transition weights
//! live in the same sparse linear model as one feature per previous label. Trained by
//! [`train_ner`] from the Universal NER English EWT IOB2 files (features seen in fewer than 3
//! training tokens dropped; epoch chosen on dev, then refitted on train + dev for that many
//! epochs); shipped in `models/ner.bin` and embedded ([`NerModel::embedded`]).
//!
//! Inference gives the same scores as the training features, faster: the weight sums of the
//! features that depend on one word only (its own and those it contributes as a neighbour) are
//! cached per thread and word form, the remaining features are scored from a table holding each
//! feature's weights for all labels inline, and buffers are reused across sentences.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use super::gazetteer::Gazetteer;
use super::{HitKind, Lexicon};
use crate::nlp::NlpError;
use crate::nlp::binio::{Reader, Writer};
use crate::nlp::linear::{LinearModel, Rng, Trainer, fhash, shash};

const MAGIC: [u8; 4] = *b"NER2";
const NER_BYTES: &[u8] = include_bytes!("../../models/ner.bin");
static EMBEDDED: OnceLock<Result<NerModel, String>> = OnceLock::new();

/// A labelled span: `(type, first token, end token exclusive)`.
pub type TypedSpan = (String, usize, usize);

/// One IOB2 sentence: words and their gold labels ("O", "B-PER", ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IobSentence {
    /// Word forms.
    pub words: Vec<String>,
    /// BIO labels.
    pub labels: Vec<String>,
    /// Index of the document the sentence belongs to (`# newdoc` comments start documents).
    pub doc: usize,
}

/// Reads an IOB2 file (`idx<TAB>word<TAB>label...`, `#` comments, blank lines between sentences).
pub fn read_iob2(path: &Path) -> Result<Vec<IobSentence>, NlpError> {
    let text = std::fs::read_to_string(path).map_err(|e| NlpError::Io {
        path: path.display().to_string(),
        source: e,
    })?;
    parse_iob2(&text, &path.display().to_string())
}

/// Parses IOB2 text (see [`read_iob2`]); `name` labels errors.
pub fn parse_iob2(text: &str, name: &str) -> Result<Vec<IobSentence>, NlpError> {
    let mut out = Vec::new();
    let mut doc = 0;
    let mut cur = IobSentence {
        words: Vec::new(),
        labels: Vec::new(),
        doc,
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.starts_with('#') {
            if line.starts_with("# newdoc") && !out.is_empty() && cur.words.is_empty() {
                doc += 1;
                cur.doc = doc;
            }
            continue;
        }
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    IobSentence {
                        words: Vec::new(),
                        labels: Vec::new(),
                        doc,
                    },
                ));
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            return Err(NlpError::Format {
                path: name.to_string(),
                line: n + 1,
                message: "expected index, word and label columns".into(),
            });
        }
        cur.words.push(cols[1].to_string());
        cur.labels.push(cols[2].to_string());
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Spans of a BIO sequence; an `I-X` that does not continue an `X` span starts one (conlleval).
pub fn bio_spans<S: AsRef<str>>(labels: &[S]) -> Vec<TypedSpan> {
    let mut out: Vec<TypedSpan> = Vec::new();
    let mut open: Option<(String, usize)> = None;
    for (i, l) in labels.iter().enumerate() {
        let l = l.as_ref();
        let (prefix, ty) = match l.split_once('-') {
            Some((p, t)) if p == "B" || p == "I" => (p, t),
            _ => ("O", ""),
        };
        let continues = prefix == "I" && open.as_ref().is_some_and(|(t, _)| t == ty);
        if !continues {
            if let Some((t, s)) = open.take() {
                out.push((t, s, i));
            }
            if prefix != "O" {
                open = Some((ty.to_string(), i));
            }
        }
    }
    if let Some((t, s)) = open {
        out.push((t, s, labels.len()));
    }
    out
}

/// Span counts of one type.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct SpanCounts {
    /// Spans found and in the gold data (same type and tokens).
    pub tp: usize,
    /// Spans found but not in the gold data.
    pub fp: usize,
    /// Gold spans not found.
    #[serde(rename = "fn")]
    pub fn_: usize,
}

/// Precision, recall and F1 (fractions 0–1) of one type or overall.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct SpanScore {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
    /// Number of gold spans.
    pub support: usize,
}

impl SpanCounts {
    /// The scores of these counts.
    pub fn score(&self) -> SpanScore {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        SpanScore {
            precision: p,
            recall: r,
            f1: f,
            support: self.tp + self.fn_,
        }
    }
}

/// Exact-span scores: micro overall and per type.
#[derive(Debug, Clone, serde::Serialize)]
pub struct NerScores {
    /// Micro precision.
    pub precision: f64,
    /// Micro recall.
    pub recall: f64,
    /// Micro F1.
    pub f1: f64,
    /// Number of sentences.
    pub sentences: usize,
    /// Per type.
    pub per_type: BTreeMap<String, SpanScore>,
}

impl std::fmt::Display for NerScores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "type      P       R       F1      gold")?;
        for (t, s) in &self.per_type {
            writeln!(
                f,
                "{t:<8}{:6.2}  {:6.2}  {:6.2}  {:6}",
                s.precision * 100.0,
                s.recall * 100.0,
                s.f1 * 100.0,
                s.support
            )?;
        }
        writeln!(
            f,
            "overall {:6.2}  {:6.2}  {:6.2}  ({} sentences)",
            self.precision * 100.0,
            self.recall * 100.0,
            self.f1 * 100.0,
            self.sentences
        )
    }
}

/// Scores predicted against gold label sequences (exact span and type).
pub fn score_spans<S: AsRef<str>, T: AsRef<str>>(pairs: &[(Vec<S>, Vec<T>)]) -> NerScores {
    let mut per: BTreeMap<String, SpanCounts> = BTreeMap::new();
    for (gold, pred) in pairs {
        let g = bio_spans(gold);
        let p = bio_spans(pred);
        for s in &p {
            let c = per.entry(s.0.clone()).or_default();
            if g.contains(s) {
                c.tp += 1;
            } else {
                c.fp += 1;
            }
        }
        for s in &g {
            if !p.contains(s) {
                per.entry(s.0.clone()).or_default().fn_ += 1;
            }
        }
    }
    let mut all = SpanCounts::default();
    for c in per.values() {
        all.tp += c.tp;
        all.fp += c.fp;
        all.fn_ += c.fn_;
    }
    let o = all.score();
    NerScores {
        precision: o.precision,
        recall: o.recall,
        f1: o.f1,
        sentences: pairs.len(),
        per_type: per.into_iter().map(|(t, c)| (t, c.score())).collect(),
    }
}

// ---------------------------------------------------------------------------------------------
// Labels and decoding

/// The BIO label set of a list of types: 0 = O, 1 + 2k = B-type k, 2 + 2k = I-type k.
#[derive(Debug, Clone, PartialEq, Eq)]
struct LabelSet {
    types: Vec<String>,
}

impl LabelSet {
    fn n(&self) -> usize {
        1 + 2 * self.types.len()
    }
    fn name(&self, l: usize) -> String {
        if l == 0 {
            "O".into()
        } else {
            let p = if l % 2 == 1 { "B" } else { "I" };
            format!("{p}-{}", self.types[(l - 1) / 2])
        }
    }
    fn index(&self, name: &str) -> usize {
        match name.split_once('-') {
            Some((p, t)) => match self.types.iter().position(|x| x == t) {
                Some(k) if p == "B" => 1 + 2 * k,
                Some(k) if p == "I" => 2 + 2 * k,
                _ => 0,
            },
            None => 0,
        }
    }
}

/// Whether label `cur` may follow `prev` (`None` = sentence start): I-X only after B-X or I-X.
fn legal(prev: Option<usize>, cur: usize) -> bool {
    if cur == 0 || cur % 2 == 1 {
        return true;
    }
    matches!(prev, Some(p) if p != 0 && (p - 1) / 2 == (cur - 1) / 2)
}

/// Viterbi over `emit[i * n + label]` plus `trans[prev * n + cur]`, legal BIO transitions only.
fn viterbi(emit: &[f64], trans: &[f64], n: usize) -> Vec<usize> {
    let len = emit.len() / n;
    if len == 0 {
        return Vec::new();
    }
    let mut score = vec![f64::NEG_INFINITY; len * n];
    let mut back = vec![0usize; len * n];
    for c in 0..n {
        if legal(None, c) {
            score[c] = emit[c];
        }
    }
    for i in 1..len {
        for c in 0..n {
            let mut best = f64::NEG_INFINITY;
            let mut arg = 0;
            for p in 0..n {
                let s = score[(i - 1) * n + p];
                if s == f64::NEG_INFINITY || !legal(Some(p), c) {
                    continue;
                }
                let v = s + trans[p * n + c];
                if v > best {
                    best = v;
                    arg = p;
                }
            }
            score[i * n + c] = best + emit[i * n + c];
            back[i * n + c] = arg;
        }
    }
    let last = &score[(len - 1) * n..];
    let mut c = (0..n)
        .fold(None, |b: Option<usize>, c| match b {
            Some(b) if last[b] >= last[c] => Some(b),
            _ => Some(c),
        })
        .unwrap_or(0);
    let mut out = vec![0; len];
    for i in (0..len).rev() {
        out[i] = c;
        c = back[i * n + c];
    }
    out
}

/// Buffers of [`viterbi_into`].
#[derive(Default)]
struct ViterbiScratch {
    score: Vec<f64>,
    back: Vec<usize>,
}

/// [`viterbi`] with the legal predecessors of each label listed in `preds` (increasing, as
/// [`legal`] allows them) and reused buffers; the same path (same sums, same tie-breaking).
fn viterbi_into(
    emit: &[f64],
    trans: &[f64],
    n: usize,
    preds: &[Vec<usize>],
    buf: &mut ViterbiScratch,
    out: &mut Vec<usize>,
) {
    out.clear();
    let len = emit.len() / n;
    if len == 0 {
        return;
    }
    let score = &mut buf.score;
    let back = &mut buf.back;
    score.clear();
    score.resize(len * n, f64::NEG_INFINITY);
    back.clear();
    back.resize(len * n, 0);
    for c in 0..n {
        if legal(None, c) {
            score[c] = emit[c];
        }
    }
    for i in 1..len {
        let (done, rest) = score.split_at_mut(i * n);
        let prev = &done[(i - 1) * n..];
        for c in 0..n {
            let mut best = f64::NEG_INFINITY;
            let mut arg = 0;
            for &p in &preds[c] {
                let s = prev[p];
                if s == f64::NEG_INFINITY {
                    continue;
                }
                let v = s + trans[p * n + c];
                if v > best {
                    best = v;
                    arg = p;
                }
            }
            rest[c] = best + emit[i * n + c];
            back[i * n + c] = arg;
        }
    }
    let last = &score[(len - 1) * n..];
    let mut c = (0..n)
        .fold(None, |b: Option<usize>, c| match b {
            Some(b) if last[b] >= last[c] => Some(b),
            _ => Some(c),
        })
        .unwrap_or(0);
    out.resize(len, 0);
    for i in (0..len).rev() {
        out[i] = c;
        c = back[i * n + c];
    }
}

/// Per label, the labels that may precede it (increasing).
fn predecessors(n: usize) -> Vec<Vec<usize>> {
    (0..n)
        .map(|c| (0..n).filter(|&p| legal(Some(p), c)).collect())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Features

/// Template ids (part of the model format: changing them needs retraining).
mod tpl {
    pub const BIAS: u32 = 0;
    pub const WORD: u32 = 1;
    pub const LOWER: u32 = 2;
    pub const SHAPE: u32 = 3;
    pub const PREFIX: u32 = 4;
    pub const SUFFIX: u32 = 5;
    pub const CAPS: u32 = 6;
    pub const FIRST: u32 = 7;
    pub const NEIGHBOUR: u32 = 8;
    pub const NEIGHBOUR_SHAPE: u32 = 9;
    pub const BIGRAM: u32 = 10;
    pub const GAZ: u32 = 14;
    pub const GAZ_NEIGHBOUR: u32 = 15;
    pub const PREV_LABEL: u32 = 16;
    pub const SHAPE_TRIGRAM: u32 = 18;
    pub const CASE: u32 = 19;
    pub const CASE_NEIGHBOUR: u32 = 20;
    pub const CAPS_WINDOW: u32 = 21;
    pub const WORD_SHAPE: u32 = 25;
    pub const CLUSTER: u32 = 26;
    pub const DOC_CASE: u32 = 27;
}

/// Short word shape: "Xx", "X", "x", "d", "X.X." style with repeated classes collapsed.
fn shape(w: &str) -> String {
    let mut s = String::new();
    let mut last = ' ';
    for ch in w.chars() {
        let c = if ch.is_uppercase() {
            'X'
        } else if ch.is_lowercase() {
            'x'
        } else if ch.is_numeric() {
            'd'
        } else {
            ch
        };
        if c != last {
            s.push(c);
            last = c;
        }
    }
    s
}

fn caps_class(w: &str) -> u64 {
    let mut chars = w.chars();
    let first = chars.next();
    let upper = w.chars().filter(|c| c.is_uppercase()).count();
    let alpha = w.chars().filter(|c| c.is_alphabetic()).count();
    match first {
        None => 0,
        Some(c) if c.is_uppercase() && upper == alpha && alpha > 1 => 1,
        Some(c) if c.is_uppercase() && upper == 1 => 2,
        Some(c) if c.is_uppercase() => 3,
        Some(_) if upper > 0 => 4,
        Some(c) if c.is_numeric() => 5,
        Some(c) if c.is_alphabetic() => 6,
        Some(_) => 7,
    }
}

/// Gazetteer code of each token: 0 = none, else hash of (begin/inside, hit kind, class).
fn gazetteer_codes(words: &[&str], lexicon: &dyn Lexicon) -> Vec<u64> {
    let mut codes = Vec::new();
    gazetteer_codes_into(
        words,
        lexicon,
        &mut String::new(),
        &mut Vec::new(),
        &mut codes,
    );
    codes
}

/// [`gazetteer_codes`] into `codes`, with reused buffers for the joined text and word starts.
fn gazetteer_codes_into(
    words: &[&str],
    lexicon: &dyn Lexicon,
    text: &mut String,
    starts: &mut Vec<usize>,
    codes: &mut Vec<u64>,
) {
    text.clear();
    starts.clear();
    for w in words {
        if !text.is_empty() {
            text.push(' ');
        }
        starts.push(text.len());
        text.push_str(w);
    }
    codes.clear();
    codes.resize(words.len(), 0);
    for hit in lexicon.find(text) {
        let kind = match hit.kind {
            HitKind::Name => 1,
            HitKind::Acronym => 2,
            HitKind::DemonymAdjective => 3,
            HitKind::DemonymNoun => 4,
            HitKind::Capital => 5,
        };
        let base = shash(&hit.class) ^ (kind << 56);
        let mut first = true;
        for (i, &s) in starts.iter().enumerate() {
            let e = s + words[i].len();
            if s >= hit.span.start && e <= hit.span.end {
                codes[i] = base ^ if first { 1 } else { 2 };
                first = false;
            }
        }
    }
}

/// How a word is written in running news text (derived from the project's corpus): per lower-case
/// word key, a code `ratio_bucket * 8 + frequency_bucket` of how often it is capitalized away
/// from the sentence start. Sorted by key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseTable {
    keys: Vec<u32>,
    codes: Vec<u8>,
}

const UNKNOWN_CASE: u8 = 255;

impl CaseTable {
    /// The code of a word (`UNKNOWN_CASE` when absent).
    fn code(&self, lower: &str) -> u8 {
        let k = (shash(lower) >> 32) as u32;
        match self.keys.binary_search(&k) {
            Ok(i) => self.codes[i],
            Err(_) => UNKNOWN_CASE,
        }
    }

    /// Counts capitalization of words in the `text` fields of JSONL files (deterministic: files
    /// in the given order, output sorted by key; words seen fewer than `min_count` times dropped).
    pub fn build(files: &[std::path::PathBuf], min_count: u32) -> Result<Self, NlpError> {
        let mut counts: rustc_hash::FxHashMap<u32, (u32, u32)> = Default::default();
        for f in files {
            let text = std::fs::read_to_string(f).map_err(|e| NlpError::Io {
                path: f.display().to_string(),
                source: e,
            })?;
            for line in text.lines() {
                let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                    continue;
                };
                let Some(t) = v.get("text").and_then(|t| t.as_str()) else {
                    continue;
                };
                let mut initial = true;
                for raw in t.split_whitespace() {
                    let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
                    let ends = raw.ends_with(['.', '!', '?', ':', '"']);
                    if let Some(c) = w.chars().next().filter(|c| c.is_alphabetic())
                        && !initial
                    {
                        let k = (shash(&w.to_lowercase()) >> 32) as u32;
                        let e = counts.entry(k).or_default();
                        e.0 += 1;
                        e.1 += c.is_uppercase() as u32;
                    }
                    initial = ends;
                }
            }
        }
        let mut rows: Vec<(u32, u8)> = counts
            .into_iter()
            .filter(|(_, (n, _))| *n >= min_count)
            .map(|(k, (n, cap))| {
                let r = cap as f64 / n as f64;
                let rb = if cap == 0 {
                    0
                } else if r < 0.1 {
                    1
                } else if r < 0.5 {
                    2
                } else if r < 0.9 {
                    3
                } else if r < 1.0 {
                    4
                } else {
                    5
                };
                let fb = (31 - n.leading_zeros()).min(7) as u8;
                (k, rb * 8 + fb)
            })
            .collect();
        rows.sort_unstable();
        Ok(CaseTable {
            keys: rows.iter().map(|r| r.0).collect(),
            codes: rows.iter().map(|r| r.1).collect(),
        })
    }

    fn write(&self, w: &mut Writer) {
        w.u32(self.keys.len() as u32);
        w.u32s(&self.keys);
        w.bytes(&self.codes);
    }

    fn read(r: &mut Reader) -> Result<Self, NlpError> {
        let n = r.u32()? as usize;
        if n > 1 << 24 {
            return Err(r.error("case table too large"));
        }
        let keys = r.u32s(n)?;
        let codes = r.bytes(n)?.to_vec();
        if keys.windows(2).any(|w| w[0] >= w[1]) {
            return Err(r.error("case table not sorted"));
        }
        Ok(CaseTable { keys, codes })
    }
}

/// Distributional word clusters derived from the project's news corpus: lower-case words are
/// represented by their left and right neighbours (randomly projected counts) and grouped by
/// spherical k-means at two granularities. Per word key (sorted), the two cluster ids.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClusterTable {
    keys: Vec<u32>,
    coarse: Vec<u16>,
    fine: Vec<u16>,
}

/// Cluster counts of [`ClusterTable`] (coarse, fine).
const CLUSTERS: (usize, usize) = (64, 384);
/// Words clustered (the most frequent seen at least 3 times), context words (the most
/// frequent) and dimensions of the random projection.
const CLUSTER_VOCAB: usize = 40_000;
const CLUSTER_CONTEXT: usize = 800;
const CLUSTER_DIMS: usize = 96;
const NO_CLUSTER: u16 = u16::MAX;

impl ClusterTable {
    /// The (coarse, fine) cluster ids of a lower-case word.
    fn ids(&self, lower: &str) -> (u16, u16) {
        let k = (shash(lower) >> 32) as u32;
        match self.keys.binary_search(&k) {
            Ok(i) => (self.coarse[i], self.fine[i]),
            Err(_) => (NO_CLUSTER, NO_CLUSTER),
        }
    }

    /// Builds the clusters from the `text` fields of JSONL files (deterministic).
    pub fn build(files: &[std::path::PathBuf]) -> Result<Self, NlpError> {
        use rayon::prelude::*;
        // token ids by first occurrence, counts
        let mut ids: rustc_hash::FxHashMap<String, u32> = Default::default();
        let mut words: Vec<String> = Vec::new();
        let mut count: Vec<u64> = Vec::new();
        let mut seq: Vec<u32> = Vec::new();
        const BREAK: u32 = u32::MAX;
        for f in files {
            let text = std::fs::read_to_string(f).map_err(|e| NlpError::Io {
                path: f.display().to_string(),
                source: e,
            })?;
            for line in text.lines() {
                let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                    continue;
                };
                let Some(t) = v.get("text").and_then(|t| t.as_str()) else {
                    continue;
                };
                for raw in t.split_whitespace() {
                    let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
                    if w.is_empty() {
                        seq.push(BREAK);
                        continue;
                    }
                    let lw = w.to_lowercase();
                    let id = match ids.get(&lw) {
                        Some(&i) => i,
                        None => {
                            let i = words.len() as u32;
                            ids.insert(lw.clone(), i);
                            words.push(lw);
                            count.push(0);
                            i
                        }
                    };
                    count[id as usize] += 1;
                    seq.push(id);
                    if raw.ends_with(['.', '!', '?', ';', ',', ':', ')', '"']) {
                        seq.push(BREAK);
                    }
                }
                seq.push(BREAK);
            }
        }
        let mut by_freq: Vec<u32> = (0..words.len() as u32).collect();
        by_freq.sort_by(|&a, &b| {
            count[b as usize]
                .cmp(&count[a as usize])
                .then(words[a as usize].cmp(&words[b as usize]))
        });
        let vocab: Vec<u32> = by_freq
            .iter()
            .copied()
            .filter(|&i| count[i as usize] >= 3)
            .take(CLUSTER_VOCAB)
            .collect();
        let mut row = vec![u32::MAX; words.len()];
        for (r, &i) in vocab.iter().enumerate() {
            row[i as usize] = r as u32;
        }
        let mut ctx = vec![u32::MAX; words.len()];
        for (c, &i) in by_freq.iter().take(CLUSTER_CONTEXT).enumerate() {
            ctx[i as usize] = c as u32;
        }
        // context counts (word row, context slot): left slots 0..C, right C..2C, plus break slots
        let slots = 2 * CLUSTER_CONTEXT + 2;
        let mut pairs: rustc_hash::FxHashMap<u64, u32> = Default::default();
        for j in 0..seq.len() {
            let w = seq[j];
            if w == BREAK || row[w as usize] == u32::MAX {
                continue;
            }
            let r = row[w as usize] as u64;
            let left = if j > 0 { seq[j - 1] } else { BREAK };
            let right = seq.get(j + 1).copied().unwrap_or(BREAK);
            let ls = if left == BREAK {
                Some(2 * CLUSTER_CONTEXT)
            } else {
                Some(ctx[left as usize] as usize).filter(|&c| c < CLUSTER_CONTEXT)
            };
            let rs = if right == BREAK {
                Some(2 * CLUSTER_CONTEXT + 1)
            } else {
                Some(ctx[right as usize] as usize)
                    .filter(|&c| c < CLUSTER_CONTEXT)
                    .map(|c| c + CLUSTER_CONTEXT)
            };
            for s in [ls, rs].into_iter().flatten() {
                *pairs.entry(r * slots as u64 + s as u64).or_default() += 1;
            }
        }
        let mut pairs: Vec<(u64, u32)> = pairs.into_iter().collect();
        pairs.sort_unstable();
        // random ±1 projection of log counts
        let mut proj = vec![0f32; slots * CLUSTER_DIMS];
        let mut rng = Rng::new(0x005E_EDC1_u64);
        for x in proj.iter_mut() {
            *x = if rng.next_u64() & 1 == 0 { 1.0 } else { -1.0 };
        }
        let d = CLUSTER_DIMS;
        let mut vecs = vec![0f32; vocab.len() * d];
        for &(k, n) in &pairs {
            let r = (k / slots as u64) as usize;
            let s = (k % slots as u64) as usize;
            let wgt = (1.0 + n as f32).ln();
            let v = &mut vecs[r * d..(r + 1) * d];
            for (x, p) in v.iter_mut().zip(&proj[s * d..(s + 1) * d]) {
                *x += wgt * p;
            }
        }
        for v in vecs.chunks_mut(d) {
            let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
            v.iter_mut().for_each(|x| *x /= norm);
        }
        let kmeans = |k: usize| -> Vec<u16> {
            let k = k.min(vocab.len().max(1));
            // initial centroids: every (n/k)-th word by frequency
            let step = (vocab.len() / k).max(1);
            let mut cent: Vec<f32> = (0..k)
                .flat_map(|c| vecs[(c * step) * d..(c * step + 1) * d].to_vec())
                .collect();
            let mut assign = vec![0u16; vocab.len()];
            for _ in 0..12 {
                assign = vecs
                    .par_chunks(d)
                    .map(|v| {
                        let mut best = (f32::NEG_INFINITY, 0u16);
                        for (c, cv) in cent.chunks(d).enumerate() {
                            let s: f32 = v.iter().zip(cv).map(|(a, b)| a * b).sum();
                            if s > best.0 {
                                best = (s, c as u16);
                            }
                        }
                        best.1
                    })
                    .collect();
                let mut sums = vec![0f32; k * d];
                for (r, &c) in assign.iter().enumerate() {
                    let c = c as usize;
                    for (s, x) in sums[c * d..(c + 1) * d]
                        .iter_mut()
                        .zip(&vecs[r * d..(r + 1) * d])
                    {
                        *s += x;
                    }
                }
                for c in 0..k {
                    let s = &sums[c * d..(c + 1) * d];
                    let norm = s.iter().map(|x| x * x).sum::<f32>().sqrt();
                    if norm > 0.0 {
                        for (o, x) in cent[c * d..(c + 1) * d].iter_mut().zip(s) {
                            *o = x / norm;
                        }
                    }
                }
            }
            assign
        };
        let coarse = kmeans(CLUSTERS.0);
        let fine = kmeans(CLUSTERS.1);
        let mut rows: Vec<(u32, u16, u16)> = vocab
            .iter()
            .enumerate()
            .map(|(r, &i)| ((shash(&words[i as usize]) >> 32) as u32, coarse[r], fine[r]))
            .collect();
        rows.sort_unstable();
        rows.dedup_by_key(|r| r.0);
        Ok(ClusterTable {
            keys: rows.iter().map(|r| r.0).collect(),
            coarse: rows.iter().map(|r| r.1).collect(),
            fine: rows.iter().map(|r| r.2).collect(),
        })
    }

    fn write(&self, w: &mut Writer) {
        w.u32(self.keys.len() as u32);
        w.u32s(&self.keys);
        for v in [&self.coarse, &self.fine] {
            let b: Vec<u8> = v.iter().flat_map(|x| x.to_le_bytes()).collect();
            w.bytes(&b);
        }
    }

    fn read(r: &mut Reader) -> Result<Self, NlpError> {
        let n = r.u32()? as usize;
        if n > 1 << 24 {
            return Err(r.error("cluster table too large"));
        }
        let keys = r.u32s(n)?;
        let mut two = Vec::new();
        for _ in 0..2 {
            let b = r.bytes(2 * n)?;
            two.push(
                b.chunks_exact(2)
                    .map(|c| u16::from_le_bytes([c[0], c[1]]))
                    .collect::<Vec<u16>>(),
            );
        }
        if keys.windows(2).any(|w| w[0] >= w[1]) {
            return Err(r.error("cluster table not sorted"));
        }
        let fine = two.pop().unwrap_or_default();
        let coarse = two.pop().unwrap_or_default();
        Ok(ClusterTable { keys, coarse, fine })
    }
}

/// Per-token observations computed once per sentence.
struct Obs {
    word: Vec<u64>,
    lower: Vec<u64>,
    shape: Vec<u64>,
    gaz: Vec<u64>,
    case: Vec<u64>,
    caps: Vec<u64>,
    coarse: Vec<u64>,
    fine: Vec<u64>,
    docc: Vec<u64>,
}

const PAD: u64 = 0x5A5A_5A5A;
const END: u64 = 0xA5A5_A5A5;

fn observations(
    words: &[&str],
    lexicon: &dyn Lexicon,
    cases: &CaseTable,
    clusters: &ClusterTable,
) -> Obs {
    let cl: Vec<(u16, u16)> = words
        .iter()
        .map(|w| clusters.ids(&w.to_lowercase()))
        .collect();
    Obs {
        docc: vec![0; words.len()],
        coarse: cl.iter().map(|c| c.0 as u64).collect(),
        fine: cl.iter().map(|c| c.1 as u64).collect(),
        word: words.iter().map(|w| shash(w)).collect(),
        lower: words.iter().map(|w| shash(&w.to_lowercase())).collect(),
        shape: words.iter().map(|w| shash(&shape(w))).collect(),
        gaz: gazetteer_codes(words, lexicon),
        case: words
            .iter()
            .map(|w| cases.code(&w.to_lowercase()) as u64)
            .collect(),
        caps: words.iter().map(|w| caps_class(w)).collect(),
    }
}

/// Emission features of token `i` (without label).
fn token_features(words: &[&str], o: &Obs, i: usize, out: &mut Vec<u32>) {
    out.clear();
    let n = words.len() as isize;
    let at = |v: &Vec<u64>, d: isize| -> u64 {
        let j = i as isize + d;
        if j < 0 {
            PAD
        } else if j >= n {
            END
        } else {
            v[j as usize]
        }
    };
    let w = words[i];
    let lower = w.to_lowercase();
    out.push(fhash(tpl::BIAS, &[]));
    out.push(fhash(tpl::WORD, &[o.word[i]]));
    out.push(fhash(tpl::LOWER, &[o.lower[i]]));
    out.push(fhash(tpl::SHAPE, &[o.shape[i]]));
    let chars: Vec<char> = lower.chars().collect();
    for k in 1..=3.min(chars.len()) {
        let p: String = chars[..k].iter().collect();
        out.push(fhash(tpl::PREFIX, &[shash(&p)]));
    }
    for k in 1..=4.min(chars.len()) {
        let s: String = chars[chars.len() - k..].iter().collect();
        out.push(fhash(tpl::SUFFIX, &[shash(&s)]));
    }
    let caps = caps_class(w);
    out.push(fhash(tpl::CAPS, &[caps, (i == 0) as u64]));
    if i == 0 {
        out.push(fhash(tpl::FIRST, &[o.lower[i]]));
    }
    for d in [-2isize, -1, 1, 2] {
        out.push(fhash(tpl::NEIGHBOUR, &[d as u64, at(&o.lower, d)]));
        out.push(fhash(tpl::GAZ_NEIGHBOUR, &[d as u64, at(&o.gaz, d)]));
    }
    for d in [-1isize, 1] {
        out.push(fhash(tpl::NEIGHBOUR_SHAPE, &[d as u64, at(&o.shape, d)]));
    }
    out.push(fhash(tpl::BIGRAM, &[0, at(&o.lower, -1), o.lower[i]]));
    out.push(fhash(tpl::BIGRAM, &[1, o.lower[i], at(&o.lower, 1)]));
    out.push(fhash(tpl::GAZ, &[o.gaz[i]]));
    out.push(fhash(tpl::GAZ, &[o.gaz[i], caps]));
    out.push(fhash(tpl::CASE, &[o.case[i]]));
    out.push(fhash(tpl::CASE, &[o.case[i], caps, (i == 0) as u64]));
    for d in [-1isize, 1] {
        out.push(fhash(tpl::CASE_NEIGHBOUR, &[d as u64, at(&o.case, d)]));
    }
    out.push(fhash(
        tpl::SHAPE_TRIGRAM,
        &[at(&o.shape, -1), o.shape[i], at(&o.shape, 1)],
    ));
    for d in [-2isize, 2] {
        out.push(fhash(tpl::NEIGHBOUR_SHAPE, &[d as u64, at(&o.shape, d)]));
    }
    out.push(fhash(
        tpl::CAPS_WINDOW,
        &[
            at(&o.caps, -2),
            at(&o.caps, -1),
            caps,
            at(&o.caps, 1),
            at(&o.caps, 2),
        ],
    ));
    out.push(fhash(tpl::WORD_SHAPE, &[0, at(&o.lower, -1), o.shape[i]]));
    out.push(fhash(tpl::WORD_SHAPE, &[1, o.shape[i], at(&o.lower, 1)]));
    out.push(fhash(tpl::CLUSTER, &[0, o.coarse[i]]));
    out.push(fhash(tpl::CLUSTER, &[1, o.fine[i]]));
    out.push(fhash(tpl::CLUSTER, &[2, o.fine[i], caps]));
    for d in [-1isize, 1] {
        out.push(fhash(tpl::CLUSTER, &[3, d as u64, at(&o.coarse, d)]));
        out.push(fhash(tpl::CLUSTER, &[4, d as u64, at(&o.fine, d)]));
    }
    out.push(fhash(tpl::DOC_CASE, &[o.docc[i], caps]));
    out.push(fhash(
        tpl::DOC_CASE,
        &[o.docc[i], caps, non_initial(words, i) as u64],
    ));
    out.push(fhash(tpl::DOC_CASE, &[9, o.docc[i], o.case[i]]));
}

/// Word tables derived from the news corpus that a model carries.
#[derive(Debug, Clone, Default)]
pub struct Tables {
    /// Capitalization statistics.
    pub case: CaseTable,
    /// Distributional clusters.
    pub clusters: ClusterTable,
}

/// How the words of one document are written away from sentence starts: per lower-case word
/// hash, (capitalized, lower-case) counts.
type DocCase = rustc_hash::FxHashMap<u64, (u32, u32)>;

/// How the words of one document are written (see [`NerModel::spans_in_document`]).
#[derive(Debug, Clone, Default)]
pub struct DocumentCase(DocCase);

/// The word statistics of a document given as sentences of words.
pub fn document_case(sentences: &[Vec<&str>]) -> DocumentCase {
    DocumentCase(doc_case(sentences.iter().map(|s| s.as_slice())))
}

/// Whether token `i` of `words` is away from a sentence (or quotation, list item) start.
fn non_initial(words: &[&str], i: usize) -> bool {
    i > 0
        && words[i - 1]
            .chars()
            .any(|c| c.is_alphanumeric() || c == ',')
}

/// `shash(&w.to_lowercase())` without allocating for ASCII words.
#[inline]
fn lower_hash(w: &str) -> u64 {
    if !w.is_ascii() {
        return shash(&w.to_lowercase());
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in w.bytes() {
        h ^= b.to_ascii_lowercase() as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn doc_case<'a>(sents: impl Iterator<Item = &'a [&'a str]>) -> DocCase {
    let mut m = DocCase::default();
    for words in sents {
        for (i, w) in words.iter().enumerate() {
            let Some(c) = w.chars().next().filter(|c| c.is_alphabetic()) else {
                continue;
            };
            if non_initial(words, i) {
                let e = m.entry(lower_hash(w)).or_default();
                if c.is_uppercase() {
                    e.0 += 1;
                } else {
                    e.1 += 1;
                }
            }
        }
    }
    m
}

/// Per token: how the word is written elsewhere in its document (0 not elsewhere, 1 only
/// capitalized, 2 both, 3 only lower case).
fn doc_codes(words: &[&str], doc: &DocCase) -> Vec<u64> {
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let Some(c) = w.chars().next().filter(|c| c.is_alphabetic()) else {
                return 0;
            };
            let (mut cap, mut low) = doc
                .get(&shash(&w.to_lowercase()))
                .copied()
                .unwrap_or_default();
            if non_initial(words, i) {
                if c.is_uppercase() {
                    cap = cap.saturating_sub(1);
                } else {
                    low = low.saturating_sub(1);
                }
            }
            match (cap > 0, low > 0) {
                (false, false) => 0,
                (true, false) => 1,
                (true, true) => 2,
                (false, true) => 3,
            }
        })
        .collect()
}

fn sentence_features(
    words: &[&str],
    lexicon: &dyn Lexicon,
    cases: &Tables,
    doc: &DocCase,
) -> Vec<Vec<u32>> {
    let mut o = observations(words, lexicon, &cases.case, &cases.clusters);
    o.docc = doc_codes(words, doc);
    let mut buf = Vec::new();
    (0..words.len())
        .map(|i| {
            token_features(words, &o, i, &mut buf);
            buf.clone()
        })
        .collect()
}

// Fast inference. The emission features of a token split into three groups whose weight sums
// are added as integers (so the scores equal those of [`token_features`] exactly):
// - [`word_features`]: functions of the token's own word only (cached per word);
// - [`neighbour_features`]: what the word at offset `d` contributes (cached per word and offset);
// - [`context_features`]: the rest (position, gazetteer, document, word pairs).

/// Offsets of the neighbours whose features are cached per word (slots of the cache blocks).
const NEIGHBOUR_OFFSETS: [isize; 4] = [-2, -1, 1, 2];

/// The features of token `w` that depend on its word only (`lower` its lower case).
fn word_features(w: &str, lower: &str, v: &WordInfo, coarse: u64, fine: u64, out: &mut Vec<u32>) {
    out.clear();
    out.push(fhash(tpl::BIAS, &[]));
    out.push(fhash(tpl::WORD, &[shash(w)]));
    out.push(fhash(tpl::LOWER, &[v.lower]));
    out.push(fhash(tpl::SHAPE, &[v.shape]));
    let chars: Vec<char> = lower.chars().collect();
    let mut buf = String::new();
    for k in 1..=3.min(chars.len()) {
        buf.clear();
        buf.extend(&chars[..k]);
        out.push(fhash(tpl::PREFIX, &[shash(&buf)]));
    }
    for k in 1..=4.min(chars.len()) {
        buf.clear();
        buf.extend(&chars[chars.len() - k..]);
        out.push(fhash(tpl::SUFFIX, &[shash(&buf)]));
    }
    out.push(fhash(tpl::CASE, &[v.case]));
    out.push(fhash(tpl::CLUSTER, &[0, coarse]));
    out.push(fhash(tpl::CLUSTER, &[1, fine]));
    out.push(fhash(tpl::CLUSTER, &[2, fine, v.caps]));
}

/// The features a word (lower-case hash, shape hash, case code, clusters; `PAD` or `END` for
/// none) contributes to the token `-d` words away (it is at offset `d` from that token).
fn neighbour_features(
    d: isize,
    lower: u64,
    shape: u64,
    case: u64,
    coarse: u64,
    fine: u64,
    out: &mut Vec<u32>,
) {
    out.clear();
    out.push(fhash(tpl::NEIGHBOUR, &[d as u64, lower]));
    out.push(fhash(tpl::NEIGHBOUR_SHAPE, &[d as u64, shape]));
    if d == -1 || d == 1 {
        out.push(fhash(tpl::CASE_NEIGHBOUR, &[d as u64, case]));
        out.push(fhash(tpl::CLUSTER, &[3, d as u64, coarse]));
        out.push(fhash(tpl::CLUSTER, &[4, d as u64, fine]));
    }
}

/// The remaining features of token `i` (`gaz` and `docc` are the sentence's gazetteer and
/// document codes).
fn context_features(ws: &[WordInfo], gaz: &[u64], docc: &[u64], i: usize, out: &mut Vec<u32>) {
    out.clear();
    let n = ws.len() as isize;
    let at = |f: &dyn Fn(usize) -> u64, d: isize| -> u64 {
        let j = i as isize + d;
        if j < 0 {
            PAD
        } else if j >= n {
            END
        } else {
            f(j as usize)
        }
    };
    let lower = |j: usize| ws[j].lower;
    let shape = |j: usize| ws[j].shape;
    let caps = |j: usize| ws[j].caps;
    let g = |j: usize| gaz[j];
    let w = &ws[i];
    out.push(fhash(tpl::CAPS, &[w.caps, (i == 0) as u64]));
    if i == 0 {
        out.push(fhash(tpl::FIRST, &[w.lower]));
    }
    for d in NEIGHBOUR_OFFSETS {
        out.push(fhash(tpl::GAZ_NEIGHBOUR, &[d as u64, at(&g, d)]));
    }
    out.push(fhash(tpl::BIGRAM, &[0, at(&lower, -1), w.lower]));
    out.push(fhash(tpl::BIGRAM, &[1, w.lower, at(&lower, 1)]));
    out.push(fhash(tpl::GAZ, &[gaz[i]]));
    out.push(fhash(tpl::GAZ, &[gaz[i], w.caps]));
    out.push(fhash(tpl::CASE, &[w.case, w.caps, (i == 0) as u64]));
    out.push(fhash(
        tpl::SHAPE_TRIGRAM,
        &[at(&shape, -1), w.shape, at(&shape, 1)],
    ));
    out.push(fhash(
        tpl::CAPS_WINDOW,
        &[
            at(&caps, -2),
            at(&caps, -1),
            w.caps,
            at(&caps, 1),
            at(&caps, 2),
        ],
    ));
    out.push(fhash(tpl::WORD_SHAPE, &[0, at(&lower, -1), w.shape]));
    out.push(fhash(tpl::WORD_SHAPE, &[1, w.shape, at(&lower, 1)]));
    let non_initial = i > 0 && ws[i - 1].opens;
    out.push(fhash(tpl::DOC_CASE, &[docc[i], w.caps]));
    out.push(fhash(tpl::DOC_CASE, &[docc[i], w.caps, non_initial as u64]));
    out.push(fhash(tpl::DOC_CASE, &[9, docc[i], w.case]));
}

/// Labels whose weights [`WideTable`] holds inline.
const WIDE: usize = 8;

/// A feature's key and its weights for all labels.
#[derive(Debug, Clone, Copy, Default)]
struct WideSlot {
    key: u32,
    w: [i16; WIDE],
}

/// The weights of a [`LinearModel`] of at most [`WIDE`] classes in one open-addressing table
/// holding each feature's key and all its weights (one memory access per feature, load factor
/// at most 1/2). Sums equal [`LinearModel::score`].
#[derive(Debug, Clone, Default)]
struct WideTable {
    /// `slots.len() - 1` (a power of two minus one).
    mask: usize,
    /// All-zero weights mark an empty slot.
    slots: Vec<WideSlot>,
}

impl WideTable {
    /// The table of `model`, or `None` when it has too many classes.
    fn new(model: &LinearModel) -> Option<WideTable> {
        if model.n_classes() > WIDE {
            return None;
        }
        let cap = (2 * model.n_features()).next_power_of_two().max(16);
        let mut t = WideTable {
            mask: cap - 1,
            slots: vec![WideSlot::default(); cap],
        };
        for (k, row) in model.rows() {
            let mut w = [0i16; WIDE];
            for (c, x) in row {
                w[c] = w[c].wrapping_add(x);
            }
            if w == [0; WIDE] {
                continue; // scores nothing
            }
            let mut i = t.home(k);
            while t.slots[i].w != [0; WIDE] {
                i = (i + 1) & t.mask;
            }
            t.slots[i] = WideSlot { key: k, w };
        }
        Some(t)
    }

    #[inline]
    fn home(&self, k: u32) -> usize {
        ((k as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & self.mask
    }

    /// Adds the weights of `feats` to `acc`.
    #[inline]
    fn add(&self, feats: &[u32], acc: &mut [i32; WIDE]) {
        // touch all home slots first so that their (independent) cache misses overlap
        let mut touch = 0u32;
        for &f in feats {
            touch ^= self.slots[self.home(f)].key;
        }
        std::hint::black_box(touch);
        for &f in feats {
            let mut i = self.home(f);
            loop {
                let s = &self.slots[i];
                if s.w == [0; WIDE] {
                    break;
                }
                if s.key == f {
                    for (a, &w) in acc.iter_mut().zip(&s.w) {
                        *a += w as i32;
                    }
                    break;
                }
                i = (i + 1) & self.mask;
            }
        }
    }
}

/// What inference needs of a word (all functions of the word alone).
#[derive(Debug, Clone, Copy)]
struct WordInfo {
    /// Hash of the lower case.
    lower: u64,
    /// Hash of the shape.
    shape: u64,
    /// Capitalization class.
    caps: u64,
    /// Corpus case code.
    case: u64,
    /// First character: 0 not alphabetic, 1 upper case, 2 other alphabetic.
    first: u8,
    /// Whether the word has a letter, digit or comma (the next word is away from a start).
    opens: bool,
    /// Block of cached weight sums in the word cache arena.
    block: u32,
}

/// Per-thread cache of word values and weight sums of [`word_features`] and
/// [`neighbour_features`] per word form, for the NER model `model` (a [`NerModel`] id).
#[derive(Default)]
struct NerWordCache {
    model: u64,
    index: rustc_hash::FxHashMap<Box<str>, WordInfo>,
    /// Per word block: `1 + NEIGHBOUR_OFFSETS.len()` rows of `n` label weights.
    arena: Vec<i32>,
    /// Reused per-sentence buffers.
    scratch: Scratch,
}

/// Per-sentence buffers of the tagger.
#[derive(Default)]
struct Scratch {
    feats: Vec<u32>,
    ws: Vec<WordInfo>,
    sums: Vec<i32>,
    gaz: Vec<u64>,
    docc: Vec<u64>,
    emit: Vec<f64>,
    scores: Vec<i32>,
    acc: Vec<i32>,
    viterbi: ViterbiScratch,
    text: String,
    starts: Vec<usize>,
}

/// Words cached per thread before the cache is emptied (about 2 MB).
const NER_CACHE_MAX: usize = 1 << 13;

thread_local! {
    static NER_CACHE: std::cell::RefCell<NerWordCache> = std::cell::RefCell::default();
}

/// Document codes (see [`doc_codes`]) from word values, into `out`.
fn doc_codes_into(ws: &[WordInfo], doc: &DocCase, out: &mut Vec<u64>) {
    out.clear();
    out.extend(ws.iter().enumerate().map(|(i, w)| {
        if w.first == 0 {
            return 0;
        }
        let (mut cap, mut low) = doc.get(&w.lower).copied().unwrap_or_default();
        if i > 0 && ws[i - 1].opens {
            if w.first == 1 {
                cap = cap.saturating_sub(1);
            } else {
                low = low.saturating_sub(1);
            }
        }
        match (cap > 0, low > 0) {
            (false, false) => 0,
            (true, false) => 1,
            (true, true) => 2,
            (false, true) => 3,
        }
    }));
}

fn prev_feature(prev: usize) -> u32 {
    fhash(tpl::PREV_LABEL, &[prev as u64])
}

// ---------------------------------------------------------------------------------------------
// Model

/// A trained NER model.
pub struct NerModel {
    labels: LabelSet,
    model: LinearModel,
    trans: Vec<f64>,
    cases: Tables,
    /// Weight sums of the neighbour features of a missing neighbour, per [`NEIGHBOUR_OFFSETS`]
    /// slot (`n` labels each).
    pad: Vec<i32>,
    /// The weights in one table (models of at most [`WIDE`] labels).
    wide: Option<WideTable>,
    /// Legal predecessors per label (see [`viterbi_into`]).
    preds: Vec<Vec<usize>>,
    /// Process-unique id (key of the per-thread word cache).
    id: u64,
}

static NEXT_NER_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn transitions(model: &LinearModel, n: usize) -> Vec<f64> {
    let mut trans = vec![0.0; n * n];
    let mut s = vec![0i32; n];
    for p in 0..n {
        model.score(&[prev_feature(p)], &mut s);
        for c in 0..n {
            trans[p * n + c] = s[c] as f64;
        }
    }
    trans
}

impl NerModel {
    fn new(types: Vec<String>, model: LinearModel, cases: Tables) -> Self {
        let labels = LabelSet { types };
        let n = labels.n();
        let trans = transitions(&model, n);
        let wide = WideTable::new(&model);
        let mut pad = vec![0i32; NEIGHBOUR_OFFSETS.len() * n];
        let mut feats = Vec::new();
        for (k, &d) in NEIGHBOUR_OFFSETS.iter().enumerate() {
            let v = if d < 0 { PAD } else { END };
            neighbour_features(d, v, v, v, v, v, &mut feats);
            model.score(&feats, &mut pad[k * n..(k + 1) * n]);
        }
        NerModel {
            labels,
            model,
            trans,
            cases,
            pad,
            wide,
            preds: predecessors(n),
            id: NEXT_NER_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// The model shipped in `models/ner.bin`, decoded once per process.
    pub fn embedded() -> Result<&'static NerModel, NlpError> {
        EMBEDDED
            .get_or_init(|| NerModel::from_bytes(NER_BYTES).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| NlpError::Model {
                model: "ner".into(),
                offset: 0,
                message: e.clone(),
            })
    }

    /// Whether the news corpus writes `lower` (a lower-case word) almost always in lower case
    /// away from sentence starts (capitalized under 10 % of at least 16 times): "Senior" or
    /// "Leading" opening a sentence is no part of a name.
    pub fn mostly_lower_case(&self, lower: &str) -> bool {
        let code = self.cases.case.code(lower);
        code != UNKNOWN_CASE && code / 8 <= 1 && code % 8 >= 4
    }

    /// Whether the news corpus writes `lower` in lower case at least now and then away from
    /// sentence starts (capitalized under 90 % of at least 16 times): a common word that also
    /// opens office names ("defense" in "Defense Secretary").
    pub fn often_lower_case(&self, lower: &str) -> bool {
        let code = self.cases.case.code(lower);
        code != UNKNOWN_CASE && code / 8 <= 3 && code % 8 >= 4
    }

    /// Entity types (e.g. LOC, ORG, PER).
    pub fn types(&self) -> &[String] {
        &self.labels.types
    }

    /// BIO labels of one sentence of words ("O", "B-PER", ...), with gazetteer features from
    /// `lexicon`.
    pub fn tag_with(&self, words: &[&str], lexicon: &dyn Lexicon) -> Vec<String> {
        self.tag_ids(words, lexicon)
            .into_iter()
            .map(|l| self.labels.name(l))
            .collect()
    }

    /// BIO labels of one sentence (gazetteer features from the embedded gazetteer).
    pub fn tag(&self, words: &[&str]) -> Vec<String> {
        self.tag_with(words, Gazetteer::embedded())
    }

    /// Entity spans of one sentence: (type, first word, end word exclusive).
    pub fn spans_with(&self, words: &[&str], lexicon: &dyn Lexicon) -> Vec<TypedSpan> {
        bio_spans(&self.tag_with(words, lexicon))
    }

    fn tag_ids(&self, words: &[&str], lexicon: &dyn Lexicon) -> Vec<usize> {
        let doc = doc_case(std::iter::once(words));
        self.label_ids(words, lexicon, &doc)
    }

    /// Label ids of one sentence of a document whose word statistics `doc` holds (the same as
    /// [`Self::decode`] of [`sentence_features`], with the word-only feature groups taken from
    /// the per-thread word cache).
    fn label_ids(&self, words: &[&str], lexicon: &dyn Lexicon, doc: &DocCase) -> Vec<usize> {
        let mut out = Vec::with_capacity(words.len());
        if words.is_empty() {
            return out;
        }
        NER_CACHE.with(|c| {
            let mut c = c.borrow_mut();
            let c = &mut *c;
            if c.model != self.id {
                c.model = self.id;
                c.index.clear();
                c.arena.clear();
            }
            let mut sc = std::mem::take(&mut c.scratch);
            self.emissions(c, &mut sc, words, lexicon, doc);
            viterbi_into(
                &sc.emit,
                &self.trans,
                self.labels.n(),
                &self.preds,
                &mut sc.viterbi,
                &mut out,
            );
            c.scratch = sc;
        });
        out
    }

    /// Integer scores of all labels for `feats` (written into `out[..n]`).
    #[inline]
    fn score(&self, feats: &[u32], out: &mut [i32]) {
        match &self.wide {
            Some(t) => {
                let mut acc = [0i32; WIDE];
                t.add(feats, &mut acc);
                let n = self.labels.n();
                out[..n].copy_from_slice(&acc[..n]);
            }
            None => self.model.score(feats, out),
        }
    }

    /// The values of `w` from the cache `c`, computing and caching them when absent.
    fn word_info(&self, c: &mut NerWordCache, w: &str, feats: &mut Vec<u32>) -> WordInfo {
        if let Some(v) = c.index.get(w) {
            return *v;
        }
        let n = self.labels.n();
        let stride = (1 + NEIGHBOUR_OFFSETS.len()) * n;
        if c.index.len() >= NER_CACHE_MAX {
            c.index.clear();
            c.arena.clear();
        }
        let lower = w.to_lowercase();
        let (coarse, fine) = self.cases.clusters.ids(&lower);
        let (coarse, fine) = (coarse as u64, fine as u64);
        let first = match w.chars().next().filter(|c| c.is_alphabetic()) {
            None => 0,
            Some(c) if c.is_uppercase() => 1,
            Some(_) => 2,
        };
        let v = WordInfo {
            lower: shash(&lower),
            shape: shash(&shape(w)),
            caps: caps_class(w),
            case: self.cases.case.code(&lower) as u64,
            first,
            opens: w.chars().any(|c| c.is_alphanumeric() || c == ','),
            block: (c.arena.len() / stride) as u32,
        };
        let base = c.arena.len();
        c.arena.resize(base + stride, 0);
        word_features(w, &lower, &v, coarse, fine, feats);
        self.score(feats, &mut c.arena[base..base + n]);
        for (k, &d) in NEIGHBOUR_OFFSETS.iter().enumerate() {
            neighbour_features(d, v.lower, v.shape, v.case, coarse, fine, feats);
            let at = base + (1 + k) * n;
            self.score(feats, &mut c.arena[at..at + n]);
        }
        c.index.insert(w.into(), v);
        v
    }

    /// Emission scores (`words.len() * n`) of one sentence into `sc.emit`.
    fn emissions(
        &self,
        c: &mut NerWordCache,
        sc: &mut Scratch,
        words: &[&str],
        lexicon: &dyn Lexicon,
        doc: &DocCase,
    ) {
        let n = self.labels.n();
        let stride = (1 + NEIGHBOUR_OFFSETS.len()) * n;
        let len = words.len();
        // a sentence may hold more new words than the cache takes: copy the cached sums of each
        // word before the cache could be emptied again
        sc.ws.clear();
        sc.sums.clear();
        sc.sums.resize(len * stride, 0);
        for (i, w) in words.iter().enumerate() {
            let v = self.word_info(c, w, &mut sc.feats);
            let b = v.block as usize * stride;
            sc.sums[i * stride..(i + 1) * stride].copy_from_slice(&c.arena[b..b + stride]);
            sc.ws.push(v);
        }
        gazetteer_codes_into(words, lexicon, &mut sc.text, &mut sc.starts, &mut sc.gaz);
        doc_codes_into(&sc.ws, doc, &mut sc.docc);
        sc.emit.clear();
        sc.emit.resize(len * n, 0.0);
        sc.scores.resize(n, 0);
        sc.acc.resize(n, 0);
        for i in 0..len {
            context_features(&sc.ws, &sc.gaz, &sc.docc, i, &mut sc.feats);
            self.score(&sc.feats, &mut sc.scores);
            let acc = &mut sc.acc;
            acc.copy_from_slice(&sc.sums[i * stride..i * stride + n]);
            for (k, &d) in NEIGHBOUR_OFFSETS.iter().enumerate() {
                let j = i as isize + d;
                let row = if j < 0 || j >= len as isize {
                    &self.pad[k * n..(k + 1) * n]
                } else {
                    let at = j as usize * stride + (1 + k) * n;
                    &sc.sums[at..at + n]
                };
                for (a, &x) in acc.iter_mut().zip(row) {
                    *a += x;
                }
            }
            for (e, (&a, &s)) in sc.emit[i * n..(i + 1) * n]
                .iter_mut()
                .zip(acc.iter().zip(&sc.scores))
            {
                *e = (a + s) as f64;
            }
        }
    }

    /// Entity spans of a label id sequence (as [`bio_spans`] of the label names).
    fn id_spans(&self, ids: &[usize]) -> Vec<TypedSpan> {
        let mut out: Vec<TypedSpan> = Vec::new();
        let mut open: Option<(usize, usize)> = None;
        for (i, &l) in ids.iter().enumerate() {
            let ty = if l == 0 { usize::MAX } else { (l - 1) / 2 };
            let inside = l != 0 && l % 2 == 0;
            let continues = inside && open.is_some_and(|(t, _)| t == ty);
            if !continues {
                if let Some((t, s)) = open.take() {
                    out.push((self.labels.types[t].clone(), s, i));
                }
                if l != 0 {
                    open = Some((ty, i));
                }
            }
        }
        if let Some((t, s)) = open {
            out.push((self.labels.types[t].clone(), s, ids.len()));
        }
        out
    }

    /// BIO labels of the sentences of one document; how a word is written elsewhere in the
    /// document informs the tags.
    pub fn tag_document(&self, sentences: &[Vec<&str>], lexicon: &dyn Lexicon) -> Vec<Vec<String>> {
        let doc = doc_case(sentences.iter().map(|s| s.as_slice()));
        sentences
            .iter()
            .map(|words| {
                self.label_ids(words, lexicon, &doc)
                    .into_iter()
                    .map(|l| self.labels.name(l))
                    .collect()
            })
            .collect()
    }

    /// Entity spans of one sentence of a document whose word statistics `doc` holds (from
    /// [`document_case`]); tags sentences one at a time, as needed.
    pub fn spans_in_document(
        &self,
        doc: &DocumentCase,
        words: &[&str],
        lexicon: &dyn Lexicon,
    ) -> Vec<TypedSpan> {
        self.id_spans(&self.label_ids(words, lexicon, &doc.0))
    }

    fn decode(&self, feats: &[Vec<u32>]) -> Vec<usize> {
        let n = self.labels.n();
        let mut emit = vec![0.0; feats.len() * n];
        let mut s = vec![0i32; n];
        for (i, f) in feats.iter().enumerate() {
            self.model.score(f, &mut s);
            for c in 0..n {
                emit[i * n + c] = s[c] as f64;
            }
        }
        viterbi(&emit, &self.trans, n)
    }

    /// Serialized model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new(MAGIC);
        w.u32(self.labels.types.len() as u32);
        for t in &self.labels.types {
            w.str(t);
        }
        self.model.write(&mut w);
        self.cases.case.write(&mut w);
        self.cases.clusters.write(&mut w);
        w.finish()
    }

    /// Decodes a serialized model.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, NlpError> {
        let mut r = Reader::new(bytes, MAGIC, "ner")?;
        let k = r.u32()? as usize;
        if k > 60 {
            return Err(r.error("too many entity types"));
        }
        let types = (0..k).map(|_| r.str()).collect::<Result<Vec<_>, _>>()?;
        let model = LinearModel::read(&mut r)?;
        let cases = Tables {
            case: CaseTable::read(&mut r)?,
            clusters: ClusterTable::read(&mut r)?,
        };
        if model.n_classes() != 1 + 2 * k || !r.at_end() {
            return Err(r.error("inconsistent NER model"));
        }
        Ok(NerModel::new(types, model, cases))
    }

    /// Tags every sentence of an IOB2 file and scores the spans.
    pub fn evaluate(&self, sentences: &[IobSentence], lexicon: &dyn Lexicon) -> NerScores {
        let mut pairs: Vec<(Vec<String>, Vec<String>)> = Vec::with_capacity(sentences.len());
        for (a, b) in doc_ranges(sentences) {
            let words: Vec<Vec<&str>> = sentences[a..b]
                .iter()
                .map(|s| s.words.iter().map(|w| w.as_str()).collect())
                .collect();
            let tags = self.tag_document(&words, lexicon);
            for (s, t) in sentences[a..b].iter().zip(tags) {
                pairs.push((s.labels.clone(), t));
            }
        }
        score_spans(&pairs)
    }
}

/// Scores `file` (IOB2) with the embedded model and gazetteer.
pub fn eval_ner(file: &Path) -> Result<NerScores, NlpError> {
    let sents = read_iob2(file)?;
    Ok(NerModel::embedded()?.evaluate(&sents, Gazetteer::embedded()))
}

// ---------------------------------------------------------------------------------------------
// Training

/// NER training options.
#[derive(Debug, Clone)]
pub struct NerTrainOpts {
    /// Maximum epochs (the best on dev is kept).
    pub epochs: usize,
    /// Shuffle seed.
    pub seed: u64,
    /// Averaged weights below this fraction of the largest are dropped.
    pub min_rel: f32,
    /// Epochs without a better dev F1 before training stops.
    pub patience: usize,
    /// Features seen in fewer training tokens than this are dropped.
    pub min_count: u32,
    /// Retrain on train + dev for the epoch count chosen on dev (the shipped model).
    pub refit: bool,
}

impl Default for NerTrainOpts {
    fn default() -> Self {
        NerTrainOpts {
            epochs: 20,
            seed: 20_240_611,
            min_rel: 0.002,
            patience: 4,
            min_count: 3,
            refit: true,
        }
    }
}

/// What NER training did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct NerTrainReport {
    /// Epoch kept.
    pub epoch: usize,
    /// Dev micro F1 of the kept model (0–1).
    pub dev_f1: f64,
    /// Model size in bytes.
    pub bytes: usize,
}

struct Prepared {
    feats: Vec<Vec<u32>>,
    gold: Vec<usize>,
}

/// Index ranges of consecutive sentences of the same document.
fn doc_ranges(sents: &[IobSentence]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut a = 0;
    for i in 1..=sents.len() {
        if i == sents.len() || sents[i].doc != sents[a].doc {
            out.push((a, i));
            a = i;
        }
    }
    out
}

fn prepare(
    sents: &[IobSentence],
    labels: &LabelSet,
    lexicon: &dyn Lexicon,
    cases: &Tables,
) -> Vec<Prepared> {
    use rayon::prelude::*;
    let ranges = doc_ranges(sents);
    let docs: Vec<Vec<Prepared>> = ranges
        .par_iter()
        .map(|&(a, b)| {
            let words: Vec<Vec<&str>> = sents[a..b]
                .iter()
                .map(|s| s.words.iter().map(|w| w.as_str()).collect())
                .collect();
            let doc = doc_case(words.iter().map(|w| w.as_slice()));
            words
                .iter()
                .zip(&sents[a..b])
                .map(|(w, s)| Prepared {
                    feats: sentence_features(w, lexicon, cases, &doc),
                    gold: s.labels.iter().map(|l| labels.index(l)).collect(),
                })
                .collect()
        })
        .collect();
    docs.into_iter().flatten().collect()
}

fn dev_f1(model: &NerModel, dev: &[Prepared]) -> f64 {
    let pairs: Vec<(Vec<String>, Vec<String>)> = dev
        .iter()
        .map(|p| {
            let pred = model.decode(&p.feats);
            (
                p.gold.iter().map(|&l| model.labels.name(l)).collect(),
                pred.into_iter().map(|l| model.labels.name(l)).collect(),
            )
        })
        .collect();
    score_spans(&pairs).f1
}

/// Drops the features seen in fewer than `min_count` training tokens.
fn prune_rare(tr: &mut [Prepared], min_count: u32) {
    if min_count <= 1 {
        return;
    }
    let mut counts: rustc_hash::FxHashMap<u32, u32> = Default::default();
    for p in tr.iter() {
        for f in p.feats.iter().flatten() {
            *counts.entry(*f).or_default() += 1;
        }
    }
    for p in tr.iter_mut() {
        for f in p.feats.iter_mut() {
            f.retain(|x| counts[x] >= min_count);
        }
    }
}

/// Structured perceptron epochs over `tr` (shuffled by `seed`); after each epoch `after(epoch,
/// trainer)` says whether to stop.
fn perceptron(
    tr: &[Prepared],
    n: usize,
    seed: u64,
    epochs: usize,
    mut after: impl FnMut(usize, &Trainer) -> bool,
) {
    let mut trainer = Trainer::new(n);
    let mut order: Vec<usize> = (0..tr.len()).collect();
    let mut rng = Rng::new(seed);
    let mut s = vec![0f32; n];
    let mut emit = Vec::new();
    let mut trans = vec![0.0; n * n];
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let ex = &tr[k];
            emit.clear();
            emit.resize(ex.feats.len() * n, 0.0);
            for (i, f) in ex.feats.iter().enumerate() {
                trainer.score(f, &mut s);
                for c in 0..n {
                    emit[i * n + c] = s[c] as f64;
                }
            }
            for p in 0..n {
                trainer.score(&[prev_feature(p)], &mut s);
                for c in 0..n {
                    trans[p * n + c] = s[c] as f64;
                }
            }
            let pred = viterbi(&emit, &trans, n);
            for i in 0..pred.len() {
                let (g, p) = (ex.gold[i], pred[i]);
                trainer.update(&ex.feats[i], g, p);
                let gp = if i == 0 { n } else { ex.gold[i - 1] };
                let pp = if i == 0 { n } else { pred[i - 1] };
                if (gp, g) != (pp, p) && i > 0 {
                    trainer.adjust(prev_feature(gp), g, 1.0);
                    trainer.adjust(prev_feature(pp), p, -1.0);
                }
            }
            trainer.tick();
        }
        if after(epoch, &trainer) {
            break;
        }
    }
}

/// Trains a model on `train` choosing the epoch on `dev`, with gazetteer features from `lexicon`
/// and the corpus-derived word `tables`. With `opts.refit`, the shipped model is then retrained
/// on train + dev for the chosen number of epochs (the report keeps the train-only dev F1).
pub fn train_model(
    train: &[IobSentence],
    dev: &[IobSentence],
    lexicon: &dyn Lexicon,
    tables: &Tables,
    opts: &NerTrainOpts,
) -> (NerModel, NerTrainReport) {
    let types: Vec<String> = train
        .iter()
        .flat_map(|s| s.labels.iter())
        .filter_map(|l| l.split_once('-').map(|(_, t)| t.to_string()))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let labels = LabelSet { types };
    let n = labels.n();
    let mut tr = prepare(train, &labels, lexicon, tables);
    let dv = prepare(dev, &labels, lexicon, tables);
    prune_rare(&mut tr, opts.min_count);
    let mut best: Option<(f64, usize, NerModel)> = None;
    perceptron(&tr, n, opts.seed, opts.epochs, |epoch, trainer| {
        let model = NerModel::new(
            labels.types.clone(),
            trainer.averaged(opts.min_rel),
            tables.clone(),
        );
        let f = dev_f1(&model, &dv);
        eprintln!("ner epoch {epoch}: dev F1 {:.2}", f * 100.0);
        if best.as_ref().is_none_or(|b| f > b.0) {
            best = Some((f, epoch, model));
            false
        } else {
            best.as_ref().is_some_and(|b| epoch >= b.1 + opts.patience)
        }
    });
    let (f, epoch, mut model) = best.expect("at least one epoch");
    if opts.refit {
        let mut all = prepare(train, &labels, lexicon, tables);
        all.extend(prepare(dev, &labels, lexicon, tables));
        prune_rare(&mut all, opts.min_count);
        perceptron(&all, n, opts.seed, epoch, |e, trainer| {
            if e == epoch {
                model = NerModel::new(
                    labels.types.clone(),
                    trainer.averaged(opts.min_rel),
                    tables.clone(),
                );
                eprintln!("ner refit on train + dev: {e} epochs");
            }
            false
        });
    }
    let bytes = model.to_bytes().len();
    (
        model,
        NerTrainReport {
            epoch,
            dev_f1: f,
            bytes,
        },
    )
}

/// Paths of the UNER English EWT split `split` under the NLP data directory.
pub fn uner_file(data_dir: &Path, split: &str) -> std::path::PathBuf {
    data_dir.join(format!("uner-english-ewt/en_ewt-ud-{split}.iob2"))
}

/// The news corpus files whose capitalization statistics the model uses: `corpus/*.jsonl` beside
/// the NLP data directory, sorted by name.
pub fn corpus_files(data_dir: &Path) -> Vec<std::path::PathBuf> {
    let dir = data_dir.parent().unwrap_or(Path::new(".")).join("corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Trains the NER model from `data_dir/uner-english-ewt/` (and the capitalization table from
/// `data_dir/../corpus/*.jsonl`) and writes `out_dir/ner.bin`.
pub fn train_ner(data_dir: &Path, out_dir: &Path) -> Result<NerTrainReport, NlpError> {
    let train = read_iob2(&uner_file(data_dir, "train"))?;
    let dev = read_iob2(&uner_file(data_dir, "dev"))?;
    let files = corpus_files(data_dir);
    let tables = Tables {
        case: CaseTable::build(&files, 3)?,
        clusters: ClusterTable::build(&files)?,
    };
    let (model, report) = train_model(
        &train,
        &dev,
        Gazetteer::embedded(),
        &tables,
        &Default::default(),
    );
    std::fs::create_dir_all(out_dir).map_err(|e| NlpError::Io {
        path: out_dir.display().to_string(),
        source: e,
    })?;
    let p = out_dir.join("ner.bin");
    std::fs::write(&p, model.to_bytes()).map_err(|e| NlpError::Io {
        path: p.display().to_string(),
        source: e,
    })?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_follow_bio_and_repair_stray_inside_labels() {
        let l = [
            "B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-ORG", "B-ORG", "I-PER",
        ];
        assert_eq!(
            bio_spans(&l),
            vec![
                ("PER".into(), 0, 2),
                ("LOC".into(), 3, 5),
                ("ORG".into(), 5, 6),
                ("ORG".into(), 6, 7),
                ("PER".into(), 7, 8),
            ]
        );
    }

    #[test]
    fn span_scores_need_exact_boundaries_and_type() {
        let pairs = vec![(
            vec!["B-PER", "I-PER", "O", "B-LOC"],
            vec!["B-PER", "O", "O", "B-LOC"],
        )];
        let s = score_spans(&pairs);
        assert_eq!(s.per_type["LOC"].f1, 1.0);
        assert_eq!(s.per_type["PER"].f1, 0.0);
        assert!((s.precision - 0.5).abs() < 1e-9 && (s.recall - 0.5).abs() < 1e-9);
    }

    #[test]
    fn viterbi_never_starts_or_switches_into_inside_labels() {
        // types: [LOC, PER]: 0 O, 1 B-LOC, 2 I-LOC, 3 B-PER, 4 I-PER
        let n = 5;
        let mut emit = vec![0.0; 3 * n];
        emit[2] = 10.0; // I-LOC at the start: illegal
        emit[1] = 1.0;
        emit[3] = -20.0; // B-PER at the start: too costly for the I-PER after it
        emit[n + 4] = 10.0; // I-PER after LOC: illegal
        emit[n + 2] = 2.0;
        emit[2 * n] = 1.0;
        let trans = vec![0.0; n * n];
        let path = viterbi(&emit, &trans, n);
        assert_eq!(path, vec![1, 2, 0]);
        for i in 0..path.len() {
            assert!(legal(
                if i == 0 { None } else { Some(path[i - 1]) },
                path[i]
            ));
        }
    }

    #[test]
    fn iob2_parses_comments_and_sentence_breaks() {
        let t = "# c\n1\tIn\tO\t-\n2\tParis\tB-LOC\t-\n\n1\tHi\tO\n";
        let s = parse_iob2(t, "t").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].labels, vec!["O", "B-LOC"]);
        assert!(parse_iob2("1\tx\n", "t").is_err());
    }

    #[test]
    fn iob2_documents_and_document_case_codes() {
        let t = "# newdoc id = a\n1\tx\tO\n\n1\ty\tO\n\n# newdoc id = b\n1\tz\tO\n";
        let s = parse_iob2(t, "t").unwrap();
        assert_eq!(s.iter().map(|s| s.doc).collect::<Vec<_>>(), vec![0, 0, 1]);
        let a = ["I", "ate", "at", "Miramar", "."];
        let b = ["Miramar", "was", "good", "."];
        let c = ["the", "miramar", "sign"];
        let doc = doc_case([&a[..], &b[..]].into_iter());
        // sentence-initial "Miramar" is written capitalized elsewhere; the other occurrence is
        // itself the only non-initial one
        assert_eq!(doc_codes(&b, &doc)[0], 1);
        assert_eq!(doc_codes(&a, &doc)[3], 0);
        let doc = doc_case([&a[..], &c[..]].into_iter());
        assert_eq!(doc_codes(&a, &doc)[3], 3);
    }

    #[test]
    fn label_names_round_trip() {
        let l = LabelSet {
            types: vec!["LOC".into(), "PER".into()],
        };
        for i in 0..l.n() {
            assert_eq!(l.index(&l.name(i)), i);
        }
    }

    #[test]
    fn embedded_model_round_trips_and_tags_documents() {
        let m = NerModel::embedded().unwrap();
        let again = NerModel::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(again.to_bytes(), NER_BYTES);
        assert!(!m.cases.clusters.keys.is_empty());
        let s1 = vec!["Angela", "Merkel", "visited", "Paris", "."];
        let s2 = vec!["Merkel", "left", "on", "Monday", "."];
        let tags = m.tag_document(&[s1.clone(), s2], Gazetteer::embedded());
        assert_eq!(tags.len(), 2);
        assert_eq!((tags[0].len(), tags[1].len()), (5, 5));
        assert_eq!(m.tag(&s1).len(), 5);
    }

    #[test]
    fn cached_feature_groups_are_the_full_features_and_give_the_same_tags() {
        let m = NerModel::embedded().unwrap();
        let lex = Gazetteer::embedded();
        let sents: Vec<Vec<&str>> = [
            "Angela Merkel visited Paris on Monday .",
            "MERKEL said the Foreign Ministry of Zanzibar , in Gweru , would respond .",
            "\" Deutsche Bahn \" is late ; the miramar sign said so , Σίσυφος wrote .",
            "x",
            "Miramar",
        ]
        .iter()
        .map(|t| t.split_whitespace().collect())
        .collect();
        let doc = doc_case(sents.iter().map(|s| s.as_slice()));
        let n = m.labels.n();
        let mut cache = NerWordCache::default();
        let mut sc = Scratch::default();
        for words in &sents {
            let full = sentence_features(words, lex, &m.cases, &doc);
            // the cached groups are exactly the full feature multiset of each token
            let ws: Vec<WordInfo> = words
                .iter()
                .map(|w| m.word_info(&mut cache, w, &mut Vec::new()))
                .collect();
            let gaz = gazetteer_codes(words, lex);
            let mut docc = Vec::new();
            doc_codes_into(&ws, &doc, &mut docc);
            assert_eq!(docc, doc_codes(words, &doc));
            for (i, f) in full.iter().enumerate() {
                let mut parts = Vec::new();
                let lower = words[i].to_lowercase();
                let (co, fi) = m.cases.clusters.ids(&lower);
                word_features(words[i], &lower, &ws[i], co as u64, fi as u64, &mut parts);
                let mut rest = Vec::new();
                for d in NEIGHBOUR_OFFSETS {
                    let j = i as isize + d;
                    if j < 0 || j >= words.len() as isize {
                        let v = if d < 0 { PAD } else { END };
                        neighbour_features(d, v, v, v, v, v, &mut rest);
                    } else {
                        let w = &ws[j as usize];
                        let l = words[j as usize].to_lowercase();
                        let (co, fi) = m.cases.clusters.ids(&l);
                        neighbour_features(
                            d, w.lower, w.shape, w.case, co as u64, fi as u64, &mut rest,
                        );
                    }
                    parts.extend(&rest);
                }
                context_features(&ws, &gaz, &docc, i, &mut rest);
                parts.extend(&rest);
                let mut f = f.clone();
                f.sort_unstable();
                parts.sort_unstable();
                assert_eq!(f, parts, "token {i} of {words:?}");
            }
            // and the scores and tags are the same
            m.emissions(&mut cache, &mut sc, words, lex, &doc);
            let mut emit = vec![0.0; words.len() * n];
            let mut s = vec![0i32; n];
            for (i, f) in full.iter().enumerate() {
                m.model.score(f, &mut s);
                for c in 0..n {
                    emit[i * n + c] = s[c] as f64;
                }
            }
            assert_eq!(sc.emit, emit);
            assert_eq!(m.label_ids(words, lex, &doc), m.decode(&full));
        }
    }

    #[test]
    fn fast_viterbi_and_id_spans_match_the_reference() {
        let m = NerModel::embedded().unwrap();
        let n = m.labels.n();
        let mut rng = Rng::new(7);
        let mut buf = ViterbiScratch::default();
        let mut out = Vec::new();
        for len in 0..40 {
            // small integer scores: many ties
            let emit: Vec<f64> = (0..len * n).map(|_| (rng.next_u64() % 4) as f64).collect();
            let trans: Vec<f64> = (0..n * n).map(|_| (rng.next_u64() % 3) as f64).collect();
            let path = viterbi(&emit, &trans, n);
            viterbi_into(&emit, &trans, n, &m.preds, &mut buf, &mut out);
            assert_eq!(out, path);
            let ids: Vec<usize> = (0..len)
                .map(|_| (rng.next_u64() % n as u64) as usize)
                .collect();
            let names: Vec<String> = ids.iter().map(|&l| m.labels.name(l)).collect();
            assert_eq!(m.id_spans(&ids), bio_spans(&names));
        }
    }

    #[test]
    fn lower_hash_is_the_hash_of_the_lower_case() {
        for w in ["Paris", "ÉCOLE", "ΣΊΣΥΦΟΣ", "x,y", ""] {
            assert_eq!(lower_hash(w), shash(&w.to_lowercase()));
        }
    }

    #[test]
    fn embedded_model_finds_a_person_and_a_place() {
        let m = NerModel::embedded().unwrap();
        let w = ["Angela", "Merkel", "visited", "Paris", "on", "Monday", "."];
        let spans = bio_spans(&m.tag(&w));
        assert!(spans.contains(&("PER".into(), 0, 2)), "{spans:?}");
        assert!(spans.contains(&("LOC".into(), 3, 4)), "{spans:?}");
    }
}
