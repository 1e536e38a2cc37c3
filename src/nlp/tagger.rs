//! Part-of-speech tagger: greedy left-to-right averaged perceptron over joint (UPOS, XPOS)
//! classes, with a tag dictionary (unambiguous frequent words skip the model; ambiguity classes
//! give look-ahead features), affix, shape and context features.

use rustc_hash::FxHashMap;

use super::NlpError;
use super::binio::{Reader, Writer};
use super::linear::{LinearModel, Rng, Trainer, argmax_allowed, argmax_allowed_f, fhash, shash};

/// Precomputed per-word hashes used by the tagger and the parser.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordFeats {
    /// Hash of the exact form.
    pub form: u64,
    /// Hash of the lower-cased form.
    pub lower: u64,
    /// Hash of the word shape.
    pub shape: u64,
    /// Hashes of the last 1..=4 lower-cased characters.
    pub suf: [u64; 4],
    /// Hashes of the first 1..=3 lower-cased characters.
    pub pre: [u64; 3],
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Starts with a letter.
    pub alpha: bool,
}

const NONE: u64 = 0x5bd1_e995_1234_5678;

impl WordFeats {
    /// Computes the hashes of `word`, using `buf` as scratch.
    pub fn new(word: &str, buf: &mut Vec<char>) -> Self {
        buf.clear();
        for c in word.chars() {
            if c.is_ascii() {
                buf.push(c.to_ascii_lowercase());
            } else {
                buf.extend(c.to_lowercase());
            }
        }
        let hchars = |cs: &[char], salt: u64| {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ salt;
            for &c in cs {
                h ^= c as u64;
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
            h
        };
        let n = buf.len();
        let mut suf = [NONE; 4];
        for (k, s) in suf.iter_mut().enumerate() {
            if n > k + 1 || (k == 0 && n >= 1) {
                *s = hchars(&buf[n - (k + 1).min(n)..], 11 + k as u64);
            }
        }
        let mut pre = [NONE; 3];
        for (k, p) in pre.iter_mut().enumerate() {
            if n > k + 1 {
                *p = hchars(&buf[..k + 1], 21 + k as u64);
            }
        }
        let lower = hchars(buf, 0);
        // Shape: X / x / d / other, runs collapsed to at most two.
        let mut sh: u64 = 0xcbf2_9ce4_8422_2325;
        let mut last = '\0';
        let mut run = 0;
        for c in word.chars() {
            let m = if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else if c.is_ascii_digit() {
                'd'
            } else if c.is_alphabetic() {
                'a'
            } else {
                c
            };
            if m == last {
                run += 1;
                if run > 2 {
                    continue;
                }
            } else {
                run = 1;
                last = m;
            }
            sh ^= m as u64;
            sh = sh.wrapping_mul(0x0100_0000_01b3);
        }
        let first = word.chars().next().unwrap_or(' ');
        WordFeats {
            cap: first.is_uppercase(),
            alpha: first.is_alphabetic(),
            form: shash(word),
            lower,
            shape: sh,
            suf,
            pre,
        }
    }
}

/// Tag-dictionary entry for a word form.
#[derive(Debug, Clone, Copy)]
struct DictEntry {
    /// Hash of the set of classes seen with the word.
    amb: u32,
    /// The class if the word is frequent and unambiguous, else `u16::MAX`.
    unamb: u16,
}

/// The POS tagger.
pub struct Tagger {
    classes: Vec<(String, String)>,
    dict: FxHashMap<u64, DictEntry>,
    /// Ambiguity classes of lower-cased forms.
    ldict: FxHashMap<u64, u32>,
    model: LinearModel,
    /// Second pass (sees first-pass tags to the right), if trained.
    second: Option<LinearModel>,
    /// Process-unique id (key of the per-thread word cache).
    id: u64,
}

const AMB_UNKNOWN: u32 = 0xA5A5_0001;
const START: u64 = 0xFFFF_FF01;

/// Per-word dictionary lookups.
struct Lookups {
    /// (ambiguity class hash, unambiguous class or `u16::MAX`) per word.
    amb: Vec<(u64, u16)>,
    /// Ambiguity class of the lower-cased form per word.
    lamb: Vec<u64>,
    /// Bucket of the share of capitalized words in the sentence.
    caps: u64,
}

fn lookups(
    dict: &FxHashMap<u64, DictEntry>,
    ldict: &FxHashMap<u64, u32>,
    ws: &[WordFeats],
) -> Lookups {
    let amb = ws
        .iter()
        .map(|w| match dict.get(&w.form) {
            Some(e) => (e.amb as u64, e.unamb),
            None => (AMB_UNKNOWN as u64, u16::MAX),
        })
        .collect();
    let lamb = ws
        .iter()
        .map(|w| ldict.get(&w.lower).map_or(AMB_UNKNOWN, |&a| a) as u64)
        .collect();
    let caps = ws.iter().filter(|w| w.cap).count();
    let alpha = ws.iter().filter(|w| w.alpha).count().max(1);
    Lookups {
        amb,
        lamb,
        caps: (caps * 4 / alpha) as u64,
    }
}

/// Extracts the features of word `i`; `prev` holds the classes of words before `i`.
/// Extra features of the second pass: first-pass tags of the word and its right context.
fn second_pass_features(ws: &[WordFeats], p1: &[u16], i: usize, prev: &[u16], out: &mut Vec<u32>) {
    let g = |j: usize| p1.get(j).map_or(START, |&t| t as u64);
    let (c0, r1, r2) = (g(i), g(i + 1), g(i + 2));
    let t1 = if i >= 1 { prev[i - 1] as u64 } else { START };
    let w = &ws[i];
    out.push(fhash(60, &[c0]));
    out.push(fhash(61, &[r1]));
    out.push(fhash(62, &[r1, r2]));
    out.push(fhash(63, &[w.lower, r1]));
    out.push(fhash(64, &[t1, r1]));
    out.push(fhash(65, &[c0, w.suf[2]]));
    out.push(fhash(66, &[c0, r1]));
    out.push(fhash(67, &[t1, c0, r1]));
    out.push(fhash(68, &[w.shape, r1]));
}

fn features(lk: &Lookups, ws: &[WordFeats], i: usize, prev: &[u16], out: &mut Vec<u32>) {
    out.clear();
    let amb = &lk.amb;
    let w = &ws[i];
    let get = |j: isize| -> Option<&WordFeats> {
        if j < 0 || j as usize >= ws.len() {
            None
        } else {
            Some(&ws[j as usize])
        }
    };
    let ii = i as isize;
    let low = |j: isize| get(j).map_or(START ^ j as u64, |w| w.lower);
    let t1 = if i >= 1 { prev[i - 1] as u64 } else { START };
    let t2 = if i >= 2 { prev[i - 2] as u64 } else { START };
    let am = |j: usize| amb.get(j).map_or(START ^ 7, |a| a.0);
    let a0 = am(i);
    let a1 = am(i + 1);
    let a2 = am(i + 2);
    let l1 = low(ii - 1);
    let r1 = low(ii + 1);
    out.push(fhash(0, &[]));
    out.push(fhash(1, &[w.lower]));
    out.push(fhash(2, &[w.form]));
    for k in 0..4 {
        out.push(fhash(3 + k as u32, &[w.suf[k]]));
    }
    for k in 0..3 {
        out.push(fhash(7 + k as u32, &[w.pre[k]]));
    }
    out.push(fhash(10, &[w.shape]));
    out.push(fhash(11, &[l1]));
    out.push(fhash(12, &[r1]));
    out.push(fhash(13, &[low(ii - 2)]));
    out.push(fhash(14, &[low(ii + 2)]));
    out.push(fhash(15, &[t1]));
    out.push(fhash(16, &[t1, t2]));
    out.push(fhash(17, &[t1, w.lower]));
    out.push(fhash(18, &[get(ii + 1).map_or(START, |w| w.suf[2])]));
    out.push(fhash(19, &[get(ii - 1).map_or(START, |w| w.suf[2])]));
    out.push(fhash(20, &[a0]));
    out.push(fhash(21, &[a1]));
    out.push(fhash(22, &[a2]));
    out.push(fhash(23, &[a0, a1]));
    out.push(fhash(24, &[t1, a1]));
    out.push(fhash(25, &[w.lower, r1]));
    out.push(fhash(26, &[l1, w.lower]));
    out.push(fhash(27, &[get(ii + 1).map_or(START, |w| w.shape)]));
    out.push(fhash(28, &[get(ii - 1).map_or(START, |w| w.shape)]));
    out.push(fhash(29, &[(i == 0) as u64, w.shape]));
    out.push(fhash(30, &[t1, w.suf[2]]));
    out.push(fhash(31, &[t1, a0]));
    out.push(fhash(32, &[a0, a1, a2]));
    out.push(fhash(33, &[t1, w.suf[0], a1]));
    out.push(fhash(34, &[w.lower, a1]));
    out.push(fhash(35, &[t1, t2, a0]));
    let la = lk.lamb[i];
    out.push(fhash(36, &[la]));
    out.push(fhash(37, &[la, w.shape]));
    out.push(fhash(38, &[lk.caps, w.shape, (i == 0) as u64]));
    out.push(fhash(39, &[lk.caps, la, w.cap as u64]));
    out.push(fhash(40, &[t1, la, w.cap as u64]));
    out.push(fhash(
        41,
        &[
            get(ii - 1).map_or(START, |w| w.cap as u64),
            w.cap as u64,
            get(ii + 1).map_or(START, |w| w.cap as u64),
            lk.caps,
        ],
    ));
}

/// The templates of [`features`] that depend only on the word itself (its hashes and dictionary
/// entries), not on its neighbours, position or the previous tags: ids 0–10, 20, 36, 37.
fn word_features(lk: &Lookups, w: &WordFeats, i: usize, out: &mut Vec<u32>) {
    out.clear();
    out.push(fhash(0, &[]));
    out.push(fhash(1, &[w.lower]));
    out.push(fhash(2, &[w.form]));
    for k in 0..4 {
        out.push(fhash(3 + k as u32, &[w.suf[k]]));
    }
    for k in 0..3 {
        out.push(fhash(7 + k as u32, &[w.pre[k]]));
    }
    out.push(fhash(10, &[w.shape]));
    let a0 = lk.amb[i].0;
    out.push(fhash(20, &[a0]));
    let la = lk.lamb[i];
    out.push(fhash(36, &[la]));
    out.push(fhash(37, &[la, w.shape]));
}

/// The other templates of [`features`] (see [`word_features`]).
fn context_features(lk: &Lookups, ws: &[WordFeats], i: usize, prev: &[u16], out: &mut Vec<u32>) {
    out.clear();
    let amb = &lk.amb;
    let w = &ws[i];
    let get = |j: isize| -> Option<&WordFeats> {
        if j < 0 || j as usize >= ws.len() {
            None
        } else {
            Some(&ws[j as usize])
        }
    };
    let ii = i as isize;
    let low = |j: isize| get(j).map_or(START ^ j as u64, |w| w.lower);
    let t1 = if i >= 1 { prev[i - 1] as u64 } else { START };
    let t2 = if i >= 2 { prev[i - 2] as u64 } else { START };
    let am = |j: usize| amb.get(j).map_or(START ^ 7, |a| a.0);
    let a0 = am(i);
    let a1 = am(i + 1);
    let a2 = am(i + 2);
    let l1 = low(ii - 1);
    let r1 = low(ii + 1);
    out.push(fhash(11, &[l1]));
    out.push(fhash(12, &[r1]));
    out.push(fhash(13, &[low(ii - 2)]));
    out.push(fhash(14, &[low(ii + 2)]));
    out.push(fhash(15, &[t1]));
    out.push(fhash(16, &[t1, t2]));
    out.push(fhash(17, &[t1, w.lower]));
    out.push(fhash(18, &[get(ii + 1).map_or(START, |w| w.suf[2])]));
    out.push(fhash(19, &[get(ii - 1).map_or(START, |w| w.suf[2])]));
    out.push(fhash(21, &[a1]));
    out.push(fhash(22, &[a2]));
    out.push(fhash(23, &[a0, a1]));
    out.push(fhash(24, &[t1, a1]));
    out.push(fhash(25, &[w.lower, r1]));
    out.push(fhash(26, &[l1, w.lower]));
    out.push(fhash(27, &[get(ii + 1).map_or(START, |w| w.shape)]));
    out.push(fhash(28, &[get(ii - 1).map_or(START, |w| w.shape)]));
    out.push(fhash(29, &[(i == 0) as u64, w.shape]));
    out.push(fhash(30, &[t1, w.suf[2]]));
    out.push(fhash(31, &[t1, a0]));
    out.push(fhash(32, &[a0, a1, a2]));
    out.push(fhash(33, &[t1, w.suf[0], a1]));
    out.push(fhash(34, &[w.lower, a1]));
    out.push(fhash(35, &[t1, t2, a0]));
    let la = lk.lamb[i];
    out.push(fhash(38, &[lk.caps, w.shape, (i == 0) as u64]));
    out.push(fhash(39, &[lk.caps, la, w.cap as u64]));
    out.push(fhash(40, &[t1, la, w.cap as u64]));
    out.push(fhash(
        41,
        &[
            get(ii - 1).map_or(START, |w| w.cap as u64),
            w.cap as u64,
            get(ii + 1).map_or(START, |w| w.cap as u64),
            lk.caps,
        ],
    ));
}

/// Per-thread cache of the summed weights of the [`word_features`] per word (keyed by the
/// word's form and lower-case hashes, which determine all of those features), for the tagger
/// `model` (a [`Tagger`] id). Scores are integer sums, so cached and fresh sums are equal.
#[derive(Default)]
struct WordCache {
    model: u64,
    index: FxHashMap<(u64, u64), u32>,
    arena: Vec<i32>,
}

/// Words cached per thread before the cache is emptied (about 3.5 MB for 107 classes).
const WORD_CACHE_MAX: usize = 8192;

thread_local! {
    static WORD_CACHE: std::cell::RefCell<WordCache> = std::cell::RefCell::default();
}

static NEXT_TAGGER_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn next_tagger_id() -> u64 {
    NEXT_TAGGER_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// A training/evaluation example: word forms and gold class ids.
pub struct TagExample {
    /// Per-word hashes.
    pub feats: Vec<WordFeats>,
    /// Gold class ids.
    pub gold: Vec<u16>,
}

/// Training options for the tagger.
#[derive(Debug, Clone)]
pub struct TagTrainOpts {
    /// Maximum epochs.
    pub epochs: usize,
    /// Shuffle seed.
    pub seed: u64,
}

impl Tagger {
    /// The (UPOS, XPOS) pair of class `c`.
    pub fn class(&self, c: u16) -> (&str, &str) {
        let (u, x) = &self.classes[c as usize];
        (u, x)
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.classes.len()
    }

    /// Tags one sentence; returns class ids. The dictionary lookups are shared by both passes.
    pub fn tag(&self, ws: &[WordFeats], feats: &mut Vec<u32>, scores: &mut Vec<i32>) -> Vec<u16> {
        let lk = lookups(&self.dict, &self.ldict, ws);
        let n = self.classes.len();
        if self.second.is_none() {
            return self.tag_cached(&lk, ws, feats, scores);
        }
        let p1 = tag_with_lookups(
            &lk,
            ws,
            feats,
            scores,
            |f, s| self.model.score(f, s),
            n,
            None,
        );
        match &self.second {
            None => p1,
            Some(m) => tag_with_lookups(&lk, ws, feats, scores, |f, s| m.score(f, s), n, Some(&p1)),
        }
    }

    /// Single-pass tagging with the word-only feature groups taken from the per-thread word
    /// cache (same tags as [`tag_with_lookups`]).
    fn tag_cached(
        &self,
        lk: &Lookups,
        ws: &[WordFeats],
        feats: &mut Vec<u32>,
        scores: &mut Vec<i32>,
    ) -> Vec<u16> {
        let n = self.classes.len();
        scores.resize(n, 0);
        WORD_CACHE.with(|c| {
            let mut c = c.borrow_mut();
            let c = &mut *c;
            if c.model != self.id {
                c.model = self.id;
                c.index.clear();
                c.arena.clear();
            }
            let mut out: Vec<u16> = Vec::with_capacity(ws.len());
            for (i, w) in ws.iter().enumerate() {
                if lk.amb[i].1 != u16::MAX {
                    out.push(lk.amb[i].1);
                    continue;
                }
                let key = (w.form, w.lower);
                let block = match c.index.get(&key) {
                    Some(&b) => b as usize,
                    None => {
                        if c.index.len() >= WORD_CACHE_MAX {
                            c.index.clear();
                            c.arena.clear();
                        }
                        word_features(lk, w, i, feats);
                        self.model.score(feats, scores);
                        let b = c.arena.len() / n;
                        c.arena.extend_from_slice(&scores[..n]);
                        c.index.insert(key, b as u32);
                        b
                    }
                };
                context_features(lk, ws, i, &out, feats);
                self.model.score(feats, scores);
                for (s, &x) in scores.iter_mut().zip(&c.arena[block * n..(block + 1) * n]) {
                    *s += x;
                }
                out.push(argmax_allowed(scores, |_| true).unwrap_or(0) as u16);
            }
            out
        })
    }

    /// First-pass (left-to-right only) tags.
    pub fn tag_first(
        &self,
        ws: &[WordFeats],
        feats: &mut Vec<u32>,
        scores: &mut Vec<i32>,
    ) -> Vec<u16> {
        tag_with(
            (&self.dict, &self.ldict),
            ws,
            feats,
            scores,
            |f, s| self.model.score(f, s),
            self.classes.len(),
            None,
        )
    }

    /// Trains the second pass, which also sees first-pass tags of the right context. `train_p1`
    /// must be first-pass tags of `train` from taggers that did not see them (jackknifed);
    /// `dev` (with first-pass tags of this tagger) selects the best epoch. Returns it.
    pub fn train_second(
        &mut self,
        train: &[(Vec<String>, Vec<u16>)],
        train_p1: &[Vec<u16>],
        dev: &[(Vec<String>, Vec<u16>)],
        opts: &TagTrainOpts,
    ) -> usize {
        let n = self.classes.len();
        let mut buf = Vec::new();
        let feats_of =
            |d: &[(Vec<String>, Vec<u16>)], buf: &mut Vec<char>| -> Vec<Vec<WordFeats>> {
                d.iter()
                    .map(|(f, _)| f.iter().map(|w| WordFeats::new(w, buf)).collect())
                    .collect()
            };
        let tw = feats_of(train, &mut buf);
        let dw = feats_of(dev, &mut buf);
        let mut feats = Vec::with_capacity(64);
        let mut sc = Vec::new();
        let dev_p1: Vec<Vec<u16>> = dw
            .iter()
            .map(|w| self.tag_first(w, &mut feats, &mut sc))
            .collect();
        let mut tr = Trainer::new(n);
        let mut order: Vec<usize> = (0..train.len()).collect();
        let mut rng = Rng::new(opts.seed ^ 0x5EC0);
        let mut scores = vec![0f32; n];
        let mut best: Option<(f64, usize, LinearModel)> = None;
        for epoch in 1..=opts.epochs {
            rng.shuffle(&mut order);
            for &si in &order {
                let ws = &tw[si];
                let gold = &train[si].1;
                let lk = lookups(&self.dict, &self.ldict, ws);
                let mut prev: Vec<u16> = Vec::with_capacity(gold.len());
                for (i, &gi) in gold.iter().enumerate() {
                    if lk.amb[i].1 != u16::MAX {
                        prev.push(lk.amb[i].1);
                        continue;
                    }
                    features(&lk, ws, i, &prev, &mut feats);
                    second_pass_features(ws, &train_p1[si], i, &prev, &mut feats);
                    tr.score(&feats, &mut scores);
                    let g = argmax_allowed_f(&scores, |_| true).unwrap_or(0);
                    tr.update(&feats, gi as usize, g);
                    tr.tick();
                    prev.push(g as u16);
                }
            }
            let model = tr.averaged(0.0);
            let (mut ok, mut tot) = (0usize, 0usize);
            for ((ws, p1), (_, gold)) in dw.iter().zip(&dev_p1).zip(dev) {
                let p = tag_with(
                    (&self.dict, &self.ldict),
                    ws,
                    &mut feats,
                    &mut sc,
                    |f, s| model.score(f, s),
                    n,
                    Some(p1),
                );
                ok += p.iter().zip(gold).filter(|(a, b)| a == b).count();
                tot += p.len();
            }
            let acc = ok as f64 / tot.max(1) as f64;
            eprintln!(
                "  tagger pass 2 epoch {epoch}: dev class accuracy {:.2}",
                acc * 100.0
            );
            if best.as_ref().is_none_or(|b| acc > b.0) {
                best = Some((acc, epoch, model));
            }
        }
        match best {
            Some((_, e, m)) => {
                self.second = Some(m);
                e
            }
            None => 0,
        }
    }

    /// Builds the tag dictionary and class inventory from training data.
    fn build_ldict(sents: &[(Vec<String>, Vec<u16>)], n_classes: usize) -> FxHashMap<u64, u32> {
        let mut counts: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        let mut buf = Vec::new();
        for (forms, gold) in sents {
            for (f, &g) in forms.iter().zip(gold) {
                if (g as usize) < n_classes {
                    let l = WordFeats::new(f, &mut buf).lower;
                    counts.entry(l).or_insert_with(|| vec![0; n_classes])[g as usize] += 1;
                }
            }
        }
        let mut out = FxHashMap::default();
        for (k, c) in counts {
            let total: u32 = c.iter().sum();
            if total < 3 {
                continue;
            }
            let set: Vec<u64> = (0..n_classes)
                .filter(|&i| c[i] * 20 >= total)
                .map(|i| i as u64)
                .collect();
            out.insert(k, fhash(998, &set));
        }
        out
    }

    fn build_dict(
        sents: &[(Vec<String>, Vec<u16>)],
        n_classes: usize,
    ) -> FxHashMap<u64, DictEntry> {
        let mut counts: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        for (forms, gold) in sents {
            for (f, &g) in forms.iter().zip(gold) {
                if (g as usize) < n_classes {
                    counts.entry(shash(f)).or_insert_with(|| vec![0; n_classes])[g as usize] += 1;
                }
            }
        }
        let mut dict = FxHashMap::default();
        for (k, c) in counts {
            let total: u32 = c.iter().sum();
            if total < 3 {
                continue;
            }
            let mut set: Vec<u64> = Vec::new();
            let (mut best, mut bestc) = (0usize, 0u32);
            for (i, &n) in c.iter().enumerate() {
                if n * 20 >= total {
                    set.push(i as u64);
                }
                if n > bestc {
                    best = i;
                    bestc = n;
                }
            }
            let amb = fhash(999, &set);
            let unamb = if total >= 20 && bestc as f64 >= total as f64 * 0.997 {
                best as u16
            } else {
                u16::MAX
            };
            dict.insert(k, DictEntry { amb, unamb });
        }
        dict
    }

    /// Trains a tagger. `train` holds (forms, gold class) sentences, `classes` the class
    /// inventory; `dev` (optional) selects the best epoch. Returns the tagger and best epoch.
    pub fn train(
        classes: Vec<(String, String)>,
        train: &[(Vec<String>, Vec<u16>)],
        dev: Option<&[(Vec<String>, Vec<u16>)]>,
        opts: &TagTrainOpts,
    ) -> (Tagger, usize) {
        let n = classes.len();
        let dict = Self::build_dict(train, n);
        let ldict = Self::build_ldict(train, n);
        let mut buf = Vec::new();
        let mk = |d: &[(Vec<String>, Vec<u16>)], buf: &mut Vec<char>| -> Vec<TagExample> {
            d.iter()
                .map(|(f, g)| TagExample {
                    feats: f.iter().map(|w| WordFeats::new(w, buf)).collect(),
                    gold: g.clone(),
                })
                .collect()
        };
        let ex = mk(train, &mut buf);
        let dev_ex = dev.map(|d| mk(d, &mut buf));
        let mut tr = Trainer::new(n);
        let mut order: Vec<usize> = (0..ex.len()).collect();
        let mut rng = Rng::new(opts.seed);
        let mut feats = Vec::with_capacity(64);
        let mut scores = vec![0f32; n];
        let mut best: Option<(f64, usize, LinearModel)> = None;
        for epoch in 1..=opts.epochs {
            rng.shuffle(&mut order);
            for &si in &order {
                let e = &ex[si];
                let lk = lookups(&dict, &ldict, &e.feats);
                let mut prev: Vec<u16> = Vec::with_capacity(e.gold.len());
                for i in 0..e.gold.len() {
                    if lk.amb[i].1 != u16::MAX {
                        prev.push(lk.amb[i].1);
                        continue;
                    }
                    features(&lk, &e.feats, i, &prev, &mut feats);
                    tr.score(&feats, &mut scores);
                    let g = argmax_allowed_f(&scores, |_| true).unwrap_or(0);
                    tr.update(&feats, e.gold[i] as usize, g);
                    tr.tick();
                    // Train on the model's own history (as at test time).
                    prev.push(g as u16);
                }
            }
            let model = tr.averaged(0.0);
            if let Some(dev_ex) = &dev_ex {
                let mut sc = vec![0i32; n];
                let (mut ok, mut tot) = (0usize, 0usize);
                for e in dev_ex {
                    let p = tag_with(
                        (&dict, &ldict),
                        &e.feats,
                        &mut feats,
                        &mut sc,
                        |f, s| model.score(f, s),
                        n,
                        None,
                    );
                    ok += p.iter().zip(&e.gold).filter(|(a, b)| a == b).count();
                    tot += p.len();
                }
                let acc = ok as f64 / tot.max(1) as f64;
                eprintln!(
                    "  tagger epoch {epoch}: dev class accuracy {:.2}",
                    acc * 100.0
                );
                if best.as_ref().is_none_or(|b| acc > b.0) {
                    best = Some((acc, epoch, model));
                }
            } else {
                best = Some((0.0, epoch, model));
            }
        }
        let (_, epoch, model) = best.expect("at least one epoch");
        (
            Tagger {
                classes,
                dict,
                ldict,
                model,
                second: None,
                id: next_tagger_id(),
            },
            epoch,
        )
    }

    /// Serializes the tagger.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new(*b"NGTG");
        w.u32(self.classes.len() as u32);
        for (u, x) in &self.classes {
            w.str(u);
            w.str(x);
        }
        let mut keys: Vec<&u64> = self.dict.keys().collect();
        keys.sort_unstable();
        w.u32(keys.len() as u32);
        for k in keys {
            let e = self.dict[k];
            w.u32(*k as u32);
            w.u32((*k >> 32) as u32);
            w.u32(e.amb);
            w.u32(e.unamb as u32);
        }
        let mut lkeys: Vec<&u64> = self.ldict.keys().collect();
        lkeys.sort_unstable();
        w.u32(lkeys.len() as u32);
        for k in lkeys {
            w.u32(*k as u32);
            w.u32((*k >> 32) as u32);
            w.u32(self.ldict[k]);
        }
        self.model.write(&mut w);
        w.u32(self.second.is_some() as u32);
        if let Some(m) = &self.second {
            m.write(&mut w);
        }
        w.finish()
    }

    /// Deserializes a tagger.
    pub fn from_bytes(b: &[u8]) -> Result<Tagger, NlpError> {
        let mut r = Reader::new(b, *b"NGTG", "tagger")?;
        let n = r.u32()? as usize;
        if n == 0 || n > 255 {
            return Err(r.error("bad class count"));
        }
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            classes.push((r.str()?, r.str()?));
        }
        let nd = r.u32()? as usize;
        let mut dict = FxHashMap::with_capacity_and_hasher(nd, Default::default());
        for _ in 0..nd {
            let lo = r.u32()? as u64;
            let hi = r.u32()? as u64;
            let amb = r.u32()?;
            let unamb = r.u32()?;
            if unamb != u16::MAX as u32 && unamb as usize >= n {
                return Err(r.error("bad dictionary class"));
            }
            dict.insert(
                lo | hi << 32,
                DictEntry {
                    amb,
                    unamb: unamb as u16,
                },
            );
        }
        let nl = r.u32()? as usize;
        let mut ldict = FxHashMap::with_capacity_and_hasher(nl, Default::default());
        for _ in 0..nl {
            let lo = r.u32()? as u64;
            let hi = r.u32()? as u64;
            ldict.insert(lo | hi << 32, r.u32()?);
        }
        let model = LinearModel::read(&mut r)?;
        let second = if !r.at_end() && r.u32()? == 1 {
            Some(LinearModel::read(&mut r)?)
        } else {
            None
        };
        if model.n_classes() != n
            || second.as_ref().is_some_and(|m| m.n_classes() != n)
            || !r.at_end()
        {
            return Err(r.error("inconsistent tagger"));
        }
        Ok(Tagger {
            classes,
            dict,
            ldict,
            model,
            second,
            id: next_tagger_id(),
        })
    }

    /// Number of model features (both passes).
    pub fn n_features(&self) -> usize {
        self.model.n_features() + self.second.as_ref().map_or(0, |m| m.n_features())
    }
}

type Dicts<'a> = (&'a FxHashMap<u64, DictEntry>, &'a FxHashMap<u64, u32>);

#[allow(clippy::too_many_arguments)]
fn tag_with(
    dicts: Dicts,
    ws: &[WordFeats],
    feats: &mut Vec<u32>,
    scores: &mut Vec<i32>,
    score: impl Fn(&[u32], &mut [i32]),
    n: usize,
    p1: Option<&[u16]>,
) -> Vec<u16> {
    let lk = lookups(dicts.0, dicts.1, ws);
    tag_with_lookups(&lk, ws, feats, scores, score, n, p1)
}

/// [`tag_with`] with the sentence's dictionary lookups already made.
fn tag_with_lookups(
    lk: &Lookups,
    ws: &[WordFeats],
    feats: &mut Vec<u32>,
    scores: &mut Vec<i32>,
    score: impl Fn(&[u32], &mut [i32]),
    n: usize,
    p1: Option<&[u16]>,
) -> Vec<u16> {
    scores.resize(n, 0);
    let mut out: Vec<u16> = Vec::with_capacity(ws.len());
    for i in 0..ws.len() {
        if lk.amb[i].1 != u16::MAX {
            out.push(lk.amb[i].1);
            continue;
        }
        features(lk, ws, i, &out, feats);
        if let Some(p1) = p1 {
            second_pass_features(ws, p1, i, &out, feats);
        }
        score(feats, scores);
        out.push(argmax_allowed(scores, |_| true).unwrap_or(0) as u16);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_word_scores_give_the_same_tags() {
        let t = Tagger::from_bytes(include_bytes!("../../models/tagger.bin")).unwrap();
        let texts = [
            "The Foreign Minister of Zanzibar met rebels in Gweru on Tuesday .",
            "They said the talks , which began in 2019 , would resume soon .",
            "Rebels attacked the convoy near the border , officials said .",
            "the foreign minister said THE TALKS would resume , MINISTER said .",
        ];
        let mut buf = Vec::new();
        let (mut f, mut s) = (Vec::new(), Vec::new());
        for _ in 0..2 {
            for text in texts {
                let ws: Vec<WordFeats> = text
                    .split_whitespace()
                    .map(|w| WordFeats::new(w, &mut buf))
                    .collect();
                let fast = t.tag(&ws, &mut f, &mut s);
                let full = tag_with(
                    (&t.dict, &t.ldict),
                    &ws,
                    &mut f,
                    &mut s,
                    |x, y| t.model.score(x, y),
                    t.n_classes(),
                    None,
                );
                assert_eq!(fast, full);
                // The two feature groups are exactly the full feature set.
                let lk = lookups(&t.dict, &t.ldict, &ws);
                for i in 0..ws.len() {
                    features(&lk, &ws, i, &full, &mut f);
                    let mut parts = Vec::new();
                    word_features(&lk, &ws[i], i, &mut parts);
                    let mut rest = Vec::new();
                    context_features(&lk, &ws, i, &full, &mut rest);
                    parts.extend(rest);
                    f.sort_unstable();
                    parts.sort_unstable();
                    assert_eq!(f, parts);
                }
            }
        }
    }
}
