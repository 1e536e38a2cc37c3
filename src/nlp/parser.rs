//! Labelled arc-eager dependency parser: averaged perceptron over Zhang & Nivre (2011) style
//! features. The transition model is trained either globally (beam search, structured perceptron
//! with max-violation updates, Huang et al. 2012; the shipped model) or locally (greedy, Goldberg &
//! Nivre 2012 dynamic oracle with error exploration). Transitions and labels use separate models
//! (the label of an arc is predicted when the arc is made). Non-projective training trees are
//! projectivized by lifting.

use super::NlpError;
use super::binio::{Reader, Writer};
use super::linear::{
    FloatRows, LinearModel, Rng, SlotCache, Trainer, argmax_allowed, argmax_allowed_f, fhash,
    sum_rows,
};
use super::tagger::WordFeats;

const NO: usize = usize::MAX;
const SHIFT: usize = 0;
const REDUCE: usize = 1;
const LEFT: usize = 2;
const RIGHT: usize = 3;
const N_ACT: usize = 4;

/// Temperature (in stored weight units) of the log-softmax that turns the transition scores of a
/// locally trained model into beam scores (tuned on EWT dev + GUM dev, 15k–30k: 20k best).
/// Globally trained models rank beam items by raw score sums instead.
pub const BEAM_TEMPERATURE: f64 = 20000.0;
/// Default beam width of [`crate::nlp::NlpModels::parse`] (1 = greedy).
pub const DEFAULT_BEAM: usize = 4;

const NONE_V: u64 = 0x7777_0000_0000_0001;
const ROOT_W: u64 = 0x7777_0000_0000_0002;
const ROOT_P: u64 = 0x7777_0000_0000_0003;
const NO_LABEL: u64 = 0x7777_0000_0000_0004;

/// Parser state (arc-eager configuration plus child bookkeeping for features).
struct State {
    n: usize,
    stack: Vec<usize>,
    b: usize,
    head: Vec<usize>,
    label: Vec<u16>,
    lc1: Vec<usize>,
    lc2: Vec<usize>,
    rc1: Vec<usize>,
    rc2: Vec<usize>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
    root_child: usize,
}

impl Clone for State {
    fn clone(&self) -> State {
        let mut st = State::new(0);
        st.clone_from(self);
        st
    }

    /// Field-wise `clone_from`, so that the beam reuses the vectors of dropped states instead
    /// of allocating thirteen new ones per kept candidate and step.
    fn clone_from(&mut self, o: &State) {
        self.n = o.n;
        self.stack.clone_from(&o.stack);
        self.b = o.b;
        self.head.clone_from(&o.head);
        self.label.clone_from(&o.label);
        self.lc1.clone_from(&o.lc1);
        self.lc2.clone_from(&o.lc2);
        self.rc1.clone_from(&o.rc1);
        self.rc2.clone_from(&o.rc2);
        self.nl.clone_from(&o.nl);
        self.nr.clone_from(&o.nr);
        self.lset.clone_from(&o.lset);
        self.rset.clone_from(&o.rset);
        self.root_child = o.root_child;
    }
}

impl State {
    fn new(n: usize) -> State {
        State {
            n,
            stack: vec![0],
            b: 1,
            head: vec![NO; n + 1],
            label: vec![0; n + 1],
            lc1: vec![NO; n + 1],
            lc2: vec![NO; n + 1],
            rc1: vec![NO; n + 1],
            rc2: vec![NO; n + 1],
            nl: vec![0; n + 1],
            nr: vec![0; n + 1],
            lset: vec![0; n + 1],
            rset: vec![0; n + 1],
            root_child: NO,
        }
    }

    /// Resets to the initial configuration of a sentence of `n` words, reusing the buffers.
    fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.stack.push(0);
        self.b = 1;
        for v in [
            &mut self.head,
            &mut self.lc1,
            &mut self.lc2,
            &mut self.rc1,
            &mut self.rc2,
        ] {
            v.clear();
            v.resize(n + 1, NO);
        }
        self.label.clear();
        self.label.resize(n + 1, 0);
        self.nl.clear();
        self.nl.resize(n + 1, 0);
        self.nr.clear();
        self.nr.resize(n + 1, 0);
        self.lset.clear();
        self.lset.resize(n + 1, 0);
        self.rset.clear();
        self.rset.resize(n + 1, 0);
        self.root_child = NO;
    }

    fn done(&self) -> bool {
        self.b > self.n
    }

    fn s0(&self) -> usize {
        *self.stack.last().unwrap_or(&NO)
    }

    fn add_arc(&mut self, h: usize, d: usize, l: u16) {
        self.head[d] = h;
        self.label[d] = l;
        let bit = 1u64 << (l % 64);
        if h == 0 {
            self.root_child = d;
        }
        if d < h {
            if self.lc1[h] == NO || d < self.lc1[h] {
                self.lc2[h] = self.lc1[h];
                self.lc1[h] = d;
            } else if self.lc2[h] == NO || d < self.lc2[h] {
                self.lc2[h] = d;
            }
            self.nl[h] = self.nl[h].saturating_add(1);
            self.lset[h] |= bit;
        } else {
            if self.rc1[h] == NO || d > self.rc1[h] {
                self.rc2[h] = self.rc1[h];
                self.rc1[h] = d;
            } else if self.rc2[h] == NO || d > self.rc2[h] {
                self.rc2[h] = d;
            }
            self.nr[h] = self.nr[h].saturating_add(1);
            self.rset[h] |= bit;
        }
    }

    fn valid(&self, a: usize) -> bool {
        let s0 = self.s0();
        let has_b = self.b <= self.n;
        match a {
            SHIFT => has_b,
            REDUCE => s0 != NO && s0 != 0 && self.head[s0] != NO,
            LEFT => has_b && s0 != NO && s0 != 0 && self.head[s0] == NO,
            RIGHT => has_b && s0 != NO && (s0 != 0 || self.root_child == NO),
            _ => false,
        }
    }

    /// (head, dependent) of an arc action.
    fn arc(&self, a: usize) -> (usize, usize) {
        if a == LEFT {
            (self.b, self.s0())
        } else {
            (self.s0(), self.b)
        }
    }

    fn apply(&mut self, a: usize, l: u16) {
        match a {
            SHIFT => {
                self.stack.push(self.b);
                self.b += 1;
            }
            REDUCE => {
                self.stack.pop();
            }
            LEFT => {
                let s0 = self.stack.pop().unwrap_or(0);
                self.add_arc(self.b, s0, l);
            }
            _ => {
                let s0 = self.s0();
                self.add_arc(s0, self.b, l);
                self.stack.push(self.b);
                self.b += 1;
            }
        }
    }

    /// Dynamic-oracle cost of a valid action against gold heads `gh` (index 0 unused).
    fn cost(&self, a: usize, gh: &[usize]) -> u32 {
        let s0 = self.s0();
        let b = self.b;
        let n = self.n;
        match a {
            SHIFT => {
                let mut c = 0;
                for &k in &self.stack {
                    if gh[b] == k && (k != 0 || self.root_child == NO) {
                        c += 1;
                    }
                    if k != 0 && self.head[k] == NO && gh[k] == b {
                        c += 1;
                    }
                }
                c
            }
            REDUCE => (b..=n).filter(|&k| gh[k] == s0).count() as u32,
            LEFT => {
                let mut c = (b..=n).filter(|&k| gh[k] == s0).count() as u32;
                let h = gh[s0];
                if h > b && h <= n {
                    c += 1;
                }
                c
            }
            _ => {
                let mut c = 0;
                let h = gh[b];
                if h != s0 && (h > b || self.stack.contains(&h)) {
                    c += 1;
                }
                for &k in &self.stack {
                    if k != 0 && self.head[k] == NO && gh[k] == b {
                        c += 1;
                    }
                }
                c
            }
        }
    }
}

/// Word and tag values of a sentence (index 0 is the root).
struct Ctx {
    w: Vec<u64>,
    p: Vec<u64>,
    u: Vec<u64>,
    s: Vec<u64>,
}

impl Ctx {
    fn new(words: &[WordFeats], tags: &[u16], coarse: &[u8]) -> Ctx {
        let n = words.len() + 1;
        let mut w = Vec::with_capacity(n);
        let mut p = Vec::with_capacity(n);
        let mut u = Vec::with_capacity(n);
        let mut s = Vec::with_capacity(n);
        w.push(ROOT_W);
        p.push(ROOT_P);
        u.push(ROOT_P);
        s.push(ROOT_W);
        w.extend(words.iter().map(|x| x.lower));
        s.extend(words.iter().map(|x| x.suf[2]));
        p.extend(tags.iter().map(|&t| t as u64 + 1000));
        u.extend(
            tags.iter()
                .map(|&t| coarse.get(t as usize).copied().unwrap_or(255) as u64 + 2000),
        );
        Ctx { w, p, u, s }
    }
    #[inline]
    fn u(&self, i: usize) -> u64 {
        if i == NO { NONE_V } else { self.u[i] }
    }
    #[inline]
    fn s(&self, i: usize) -> u64 {
        if i == NO { NONE_V } else { self.s[i] }
    }
    #[inline]
    fn w(&self, i: usize) -> u64 {
        if i == NO { NONE_V } else { self.w[i] }
    }
    #[inline]
    fn p(&self, i: usize) -> u64 {
        if i == NO { NONE_V } else { self.p[i] }
    }
}

#[inline]
fn lab(st: &State, i: usize) -> u64 {
    if i == NO || i == 0 || st.head[i] == NO {
        NO_LABEL
    } else {
        st.label[i] as u64
    }
}

#[inline]
fn get(v: &[usize], i: usize) -> usize {
    if i == NO { NO } else { v[i] }
}

fn dist_bucket(d: usize) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=6 => 5,
        7..=9 => 6,
        10..=14 => 7,
        _ => 8,
    }
}

fn action_features(st: &State, cx: &Ctx, out: &mut Vec<u32>) {
    out.clear();
    let s0 = st.s0();
    let s1 = if st.stack.len() >= 2 {
        st.stack[st.stack.len() - 2]
    } else {
        NO
    };
    let n0 = if st.b <= st.n { st.b } else { NO };
    let n1 = if st.b < st.n { st.b + 1 } else { NO };
    let n2 = if st.b + 1 < st.n { st.b + 2 } else { NO };
    let s0h = if s0 != NO && s0 != 0 { st.head[s0] } else { NO };
    let s0h2 = if s0h != NO && s0h != 0 {
        st.head[s0h]
    } else {
        NO
    };
    let s0l = get(&st.lc1, s0);
    let s0l2 = get(&st.lc2, s0);
    let s0r = get(&st.rc1, s0);
    let s0r2 = get(&st.rc2, s0);
    let n0l = get(&st.lc1, n0);
    let n0l2 = get(&st.lc2, n0);
    let (s0w, s0p, n0w, n0p) = (cx.w(s0), cx.p(s0), cx.w(n0), cx.p(n0));
    let (n1w, n1p, n2w, n2p) = (cx.w(n1), cx.p(n1), cx.w(n2), cx.p(n2));
    let mut t = 0u32;
    let mut f = |v: &[u64]| {
        out.push(fhash(t, v));
        t += 1;
    };
    f(&[]);
    // Single words.
    f(&[s0w, s0p]);
    f(&[s0w]);
    f(&[s0p]);
    f(&[n0w, n0p]);
    f(&[n0w]);
    f(&[n0p]);
    f(&[n1w, n1p]);
    f(&[n1w]);
    f(&[n1p]);
    f(&[n2w, n2p]);
    f(&[n2w]);
    f(&[n2p]);
    // Pairs.
    f(&[s0w, s0p, n0w, n0p]);
    f(&[s0w, s0p, n0w]);
    f(&[s0w, n0w, n0p]);
    f(&[s0w, s0p, n0p]);
    f(&[s0p, n0w, n0p]);
    f(&[s0w, n0w]);
    f(&[s0p, n0p]);
    f(&[n0p, n1p]);
    // Triples.
    let (s0hp, s0lp, s0rp, n0lp) = (cx.p(s0h), cx.p(s0l), cx.p(s0r), cx.p(n0l));
    f(&[n0p, n1p, n2p]);
    f(&[s0p, n0p, n1p]);
    f(&[s0hp, s0p, n0p]);
    f(&[s0p, s0lp, n0p]);
    f(&[s0p, s0rp, n0p]);
    f(&[s0p, n0p, n0lp]);
    // Distance.
    let d = if s0 != NO && n0 != NO {
        dist_bucket(n0 - s0)
    } else {
        99
    };
    f(&[s0w, d]);
    f(&[s0p, d]);
    f(&[n0w, d]);
    f(&[n0p, d]);
    f(&[s0w, n0w, d]);
    f(&[s0p, n0p, d]);
    // Valency.
    let vr = if s0 != NO { st.nr[s0] as u64 } else { 99 };
    let vl = if s0 != NO { st.nl[s0] as u64 } else { 99 };
    let nvl = if n0 != NO { st.nl[n0] as u64 } else { 99 };
    f(&[s0w, vr]);
    f(&[s0p, vr]);
    f(&[s0w, vl]);
    f(&[s0p, vl]);
    f(&[n0w, nvl]);
    f(&[n0p, nvl]);
    // Unigrams (second order).
    f(&[cx.w(s0h)]);
    f(&[s0hp]);
    f(&[lab(st, s0)]);
    f(&[cx.w(s0l)]);
    f(&[s0lp]);
    f(&[lab(st, s0l)]);
    f(&[cx.w(s0r)]);
    f(&[s0rp]);
    f(&[lab(st, s0r)]);
    f(&[cx.w(n0l)]);
    f(&[n0lp]);
    f(&[lab(st, n0l)]);
    // Third order.
    f(&[cx.w(s0h2)]);
    f(&[cx.p(s0h2)]);
    f(&[lab(st, s0h)]);
    f(&[cx.w(s0l2)]);
    f(&[cx.p(s0l2)]);
    f(&[lab(st, s0l2)]);
    f(&[cx.w(s0r2)]);
    f(&[cx.p(s0r2)]);
    f(&[lab(st, s0r2)]);
    f(&[cx.w(n0l2)]);
    f(&[cx.p(n0l2)]);
    f(&[lab(st, n0l2)]);
    f(&[s0p, s0lp, cx.p(s0l2)]);
    f(&[s0p, s0rp, cx.p(s0r2)]);
    f(&[s0p, s0hp, cx.p(s0h2)]);
    f(&[n0p, n0lp, cx.p(n0l2)]);
    // Label sets.
    let sr = if s0 != NO { st.rset[s0] } else { 1 << 63 };
    let sl = if s0 != NO { st.lset[s0] } else { 1 << 63 };
    let nl = if n0 != NO { st.lset[n0] } else { 1 << 63 };
    f(&[s0w, sr]);
    f(&[s0p, sr]);
    f(&[s0w, sl]);
    f(&[s0p, sl]);
    f(&[n0w, nl]);
    f(&[n0p, nl]);
    // Extras: s1, whether s0 has a head, root attachment state.
    let s0_has_head = (s0 != NO && s0 != 0 && st.head[s0] != NO) as u64;
    f(&[cx.p(s1), s0p, n0p]);
    f(&[cx.w(s1), cx.p(s1)]);
    f(&[s0_has_head, s0p, n0p]);
    f(&[s0_has_head, (st.root_child != NO) as u64, s0p, n0p]);
    f(&[s0p, n0p, n1p, n2p]);
    f(&[lab(st, s0), s0p, n0p]);
    // Suffixes and coarse tags (generalize over rare words and fine tags).
    let (s0u, n0u, n1u) = (cx.u(s0), cx.u(n0), cx.u(n1));
    f(&[cx.s(s0), s0p]);
    f(&[cx.s(n0), n0p]);
    f(&[cx.s(n1), n1p]);
    f(&[cx.s(s0), cx.s(n0)]);
    f(&[s0u, n0u]);
    f(&[s0u, n0u, n1u]);
    f(&[cx.u(s0h), s0u, n0u]);
    f(&[s0u, n0u, d]);
    f(&[s0u, cx.u(s0l), cx.u(s0r), n0u]);
    f(&[s0u, n0u, cx.u(n0l), lab(st, n0l)]);
    f(&[cx.u(s1), s0u, n0u, n1u]);
}

fn label_features(st: &State, cx: &Ctx, h: usize, d: usize, out: &mut Vec<u32>) {
    out.clear();
    let dir = (d < h) as u64;
    let dist = h.abs_diff(d);
    let dist = dist_bucket(dist);
    let (hw, hp, dw, dp) = (cx.w(h), cx.p(h), cx.w(d), cx.p(d));
    let hh = if h != 0 { st.head[h] } else { NO };
    let prev = |i: usize| if i >= 1 { cx.p(i - 1) } else { NONE_V };
    let next = |i: usize| if i < st.n { cx.p(i + 1) } else { NONE_V };
    let mut t = 500u32;
    let mut f = |v: &[u64]| {
        out.push(fhash(t, v));
        t += 1;
    };
    f(&[dir]);
    f(&[hw]);
    f(&[hp, dir]);
    f(&[dw]);
    f(&[dp, dir]);
    f(&[hp, dp, dir]);
    f(&[hw, dp, dir]);
    f(&[hp, dw, dir]);
    f(&[hw, dw]);
    f(&[hp, dp, dir, dist]);
    f(&[dp, st.lset[d]]);
    f(&[dp, st.rset[d]]);
    f(&[hp, st.lset[h], dir]);
    f(&[hp, st.rset[h], dir]);
    f(&[dp, lab(st, get(&st.lc1, d)), cx.p(get(&st.lc1, d))]);
    f(&[hp, dp, cx.p(hh), lab(st, h)]);
    f(&[dp, prev(d), next(d)]);
    f(&[hp, dp, prev(d)]);
    f(&[hp, dp, next(d)]);
    f(&[dw, dp, dir]);
    f(&[hw, hp, dir]);
    f(&[hp, dp, st.nl[d] as u64, st.nr[d] as u64]);
    f(&[dw, hp, dir, dist]);
    f(&[hp, dp, dir, cx.p(get(&st.rc1, h))]);
    f(&[
        hp,
        dp,
        dir,
        lab(st, get(&st.lc1, h)),
        lab(st, get(&st.rc1, h)),
    ]);
    f(&[(h == 0) as u64, dp]);
    f(&[dp, (d == st.n) as u64, (d == 1) as u64]);
    f(&[cx.s(d), dp, dir]);
    f(&[cx.s(h), hp, cx.s(d), dp]);
    f(&[cx.u(h), cx.u(d), dir, dist]);
}

/// Number of single-token roles whose word/tag templates are memoized per token
/// (s0h, s0l, s0r, n0l, s0h2, s0l2, s0r2, n0l2, s1).
const N_ROLES: usize = 9;

/// Per-sentence memo of partial transition scores (inference only). Transition features split
/// into groups that depend on a single token in one role (buffer front `b` with its two
/// successors, `s0`, and the nine roles of [`N_ROLES`]), on the pair `(s0, b)`, or on the rest of
/// the configuration. The first groups' summed weights are computed once per token (or pair)
/// and sentence; only the remaining features are looked up per configuration. Integer sums do
/// not depend on the order, so scores equal those of [`action_features`].
struct Memo<W = i32> {
    n: usize,
    /// Templates of n0, n1, n2 only, per buffer front.
    bvec: Vec<[W; N_ACT]>,
    /// Templates of s0 only, per token (index `n + 1` = none).
    svec: Vec<[W; N_ACT]>,
    /// Role templates per (role, token), computed on first use (`have`).
    rvec: Vec<[W; N_ACT]>,
    have: Vec<bool>,
    /// Templates of the pair (s0, b).
    pair: rustc_hash::FxHashMap<u64, [W; N_ACT]>,
    feats: Vec<u32>,
    /// Recently used transition table slots (kept across sentences).
    cache: SlotCache,
}

impl<W> Default for Memo<W> {
    fn default() -> Self {
        Memo {
            n: 0,
            bvec: Vec::new(),
            svec: Vec::new(),
            rvec: Vec::new(),
            have: Vec::new(),
            pair: Default::default(),
            feats: Vec::new(),
            cache: SlotCache::default(),
        }
    }
}

/// A transition model that scores feature vectors: the shipped integer model, or the float
/// weights of training (constant while one sentence is decoded, so the memo applies too).
trait Scorer {
    /// Score type.
    type W: Copy + Default + std::ops::AddAssign;
    /// Scores of the four actions for `feats` (`cache`: see [`LinearModel::score_cached`]).
    fn score4(&self, feats: &[u32], cache: &mut SlotCache, out: &mut [Self::W; N_ACT]);
}

impl Scorer for LinearModel {
    type W = i32;
    #[inline]
    fn score4(&self, feats: &[u32], cache: &mut SlotCache, out: &mut [i32; N_ACT]) {
        self.score_cached(feats, cache, out);
    }
}

impl Scorer for Trainer {
    type W = f32;
    #[inline]
    fn score4(&self, feats: &[u32], _cache: &mut SlotCache, out: &mut [f32; N_ACT]) {
        self.score(feats, out);
    }
}

#[inline]
fn add4<W: Copy + std::ops::AddAssign>(a: &mut [W; N_ACT], b: &[W; N_ACT]) {
    for (x, y) in a.iter_mut().zip(b) {
        *x += *y;
    }
}

impl<W: Copy + Default + std::ops::AddAssign> Memo<W> {
    /// Prepares the memo for a sentence: buffer and s0 groups of every token.
    fn prepare<M: Scorer<W = W>>(&mut self, model: &M, cx: &Ctx, n: usize) {
        self.n = n;
        let slots = N_ROLES * (n + 2);
        self.rvec.clear();
        self.rvec.resize(slots, [W::default(); N_ACT]);
        self.have.clear();
        self.have.resize(slots, false);
        self.pair.clear();
        self.bvec.clear();
        self.svec.clear();
        let feats = &mut self.feats;
        let cache = &mut self.cache;
        let mut sum = |feats: &Vec<u32>| {
            let mut s = [W::default(); N_ACT];
            model.score4(feats, cache, &mut s);
            s
        };
        self.bvec.push([W::default(); N_ACT]);
        for b in 1..=n {
            let n0 = b;
            let n1 = if b < n { b + 1 } else { NO };
            let n2 = if b + 1 < n { b + 2 } else { NO };
            let (n0w, n0p, n1w, n1p, n2w, n2p) =
                (cx.w(n0), cx.p(n0), cx.w(n1), cx.p(n1), cx.w(n2), cx.p(n2));
            feats.clear();
            let mut f = |t: u32, v: &[u64]| feats.push(fhash(t, v));
            f(0, &[]);
            f(4, &[n0w, n0p]);
            f(5, &[n0w]);
            f(6, &[n0p]);
            f(7, &[n1w, n1p]);
            f(8, &[n1w]);
            f(9, &[n1p]);
            f(10, &[n2w, n2p]);
            f(11, &[n2w]);
            f(12, &[n2p]);
            f(20, &[n0p, n1p]);
            f(21, &[n0p, n1p, n2p]);
            f(80, &[cx.s(n0), n0p]);
            f(81, &[cx.s(n1), n1p]);
            self.bvec.push(sum(feats));
        }
        for i in 0..=n + 1 {
            let s0 = if i == n + 1 { NO } else { i };
            let (s0w, s0p) = (cx.w(s0), cx.p(s0));
            feats.clear();
            let mut f = |t: u32, v: &[u64]| feats.push(fhash(t, v));
            f(1, &[s0w, s0p]);
            f(2, &[s0w]);
            f(3, &[s0p]);
            f(79, &[cx.s(s0), s0p]);
            self.svec.push(sum(feats));
        }
    }

    #[inline]
    fn idx(&self, i: usize) -> usize {
        if i == NO { self.n + 1 } else { i }
    }

    /// Adds the templates of token `i` in role `r` to `acc`.
    #[inline]
    fn add_role<M: Scorer<W = W>>(
        &mut self,
        model: &M,
        cx: &Ctx,
        r: usize,
        i: usize,
        acc: &mut [W; N_ACT],
    ) {
        let k = r * (self.n + 2) + self.idx(i);
        if !self.have[k] {
            // Template ids of the role's word and tag templates (s1: one joint template).
            const T: [u32; N_ROLES] = [39, 42, 45, 48, 51, 54, 57, 60, 74];
            self.feats.clear();
            if r == N_ROLES - 1 {
                self.feats.push(fhash(T[r], &[cx.w(i), cx.p(i)]));
            } else {
                self.feats.push(fhash(T[r], &[cx.w(i)]));
                self.feats.push(fhash(T[r] + 1, &[cx.p(i)]));
            }
            let mut s = [W::default(); N_ACT];
            model.score4(&self.feats, &mut self.cache, &mut s);
            self.rvec[k] = s;
            self.have[k] = true;
        }
        add4(acc, &self.rvec[k]);
    }

    /// Adds the templates of the pair (s0, n0) to `acc`.
    #[inline]
    fn add_pair<M: Scorer<W = W>>(
        &mut self,
        model: &M,
        cx: &Ctx,
        s0: usize,
        n0: usize,
        acc: &mut [W; N_ACT],
    ) {
        let key = ((s0 as u64) << 32) | (n0 as u32 as u64);
        if let Some(v) = self.pair.get(&key) {
            add4(acc, v);
            return;
        }
        let n = self.n;
        let n1 = if n0 != NO && n0 < n { n0 + 1 } else { NO };
        let n2 = if n0 != NO && n0 + 1 < n { n0 + 2 } else { NO };
        let (s0w, s0p, n0w, n0p) = (cx.w(s0), cx.p(s0), cx.w(n0), cx.p(n0));
        let (n1p, n2p) = (cx.p(n1), cx.p(n2));
        let (s0u, n0u, n1u) = (cx.u(s0), cx.u(n0), cx.u(n1));
        let d = if s0 != NO && n0 != NO {
            dist_bucket(n0 - s0)
        } else {
            99
        };
        let feats = &mut self.feats;
        feats.clear();
        let mut f = |t: u32, v: &[u64]| feats.push(fhash(t, v));
        f(13, &[s0w, s0p, n0w, n0p]);
        f(14, &[s0w, s0p, n0w]);
        f(15, &[s0w, n0w, n0p]);
        f(16, &[s0w, s0p, n0p]);
        f(17, &[s0p, n0w, n0p]);
        f(18, &[s0w, n0w]);
        f(19, &[s0p, n0p]);
        f(22, &[s0p, n0p, n1p]);
        f(27, &[s0w, d]);
        f(28, &[s0p, d]);
        f(29, &[n0w, d]);
        f(30, &[n0p, d]);
        f(31, &[s0w, n0w, d]);
        f(32, &[s0p, n0p, d]);
        f(77, &[s0p, n0p, n1p, n2p]);
        f(82, &[cx.s(s0), cx.s(n0)]);
        f(83, &[s0u, n0u]);
        f(84, &[s0u, n0u, n1u]);
        f(86, &[s0u, n0u, d]);
        let mut s = [W::default(); N_ACT];
        model.score4(feats, &mut self.cache, &mut s);
        self.pair.insert(key, s);
        add4(acc, &s);
    }
}

/// Tokens of a configuration whose memoized groups enter its transition scores: n0, s0, then
/// the [`N_ROLES`] roles.
type Sig = [usize; N_ROLES + 2];

/// Transition scores of a configuration (equal to scoring [`action_features`]), using the
/// sentence memo for the static feature groups.
fn score_actions<M: Scorer>(
    model: &M,
    st: &State,
    cx: &Ctx,
    memo: &mut Memo<M::W>,
    out: &mut [M::W; N_ACT],
) {
    let mut feats = std::mem::take(&mut memo.feats);
    let sig = config_features(st, cx, &mut feats);
    add_memo_scores(model, cx, memo, &sig, &feats, out);
    memo.feats = feats;
}

/// Scores `feats` (from [`config_features`]) and adds the memoized groups of `sig`.
fn add_memo_scores<M: Scorer>(
    model: &M,
    cx: &Ctx,
    memo: &mut Memo<M::W>,
    sig: &Sig,
    feats: &[u32],
    out: &mut [M::W; N_ACT],
) {
    model.score4(feats, &mut memo.cache, out);
    let (n0, s0) = (sig[0], sig[1]);
    if n0 != NO {
        add4(out, &memo.bvec[n0]);
    }
    let si = memo.idx(s0);
    add4(out, &memo.svec[si]);
    memo.add_pair(model, cx, s0, n0, out);
    for (r, &i) in sig[2..].iter().enumerate() {
        memo.add_role(model, cx, r, i, out);
    }
}

/// The configuration-specific transition features (those not memoized per token or pair) and
/// the configuration's [`Sig`].
fn config_features(st: &State, cx: &Ctx, feats: &mut Vec<u32>) -> Sig {
    let s0 = st.s0();
    let s1 = if st.stack.len() >= 2 {
        st.stack[st.stack.len() - 2]
    } else {
        NO
    };
    let n0 = if st.b <= st.n { st.b } else { NO };
    let s0h = if s0 != NO && s0 != 0 { st.head[s0] } else { NO };
    let s0h2 = if s0h != NO && s0h != 0 {
        st.head[s0h]
    } else {
        NO
    };
    let s0l = get(&st.lc1, s0);
    let s0l2 = get(&st.lc2, s0);
    let s0r = get(&st.rc1, s0);
    let s0r2 = get(&st.rc2, s0);
    let n0l = get(&st.lc1, n0);
    let n0l2 = get(&st.lc2, n0);
    // Configuration-specific features.
    {
        let n1 = if st.b < st.n { st.b + 1 } else { NO };
        let (s0w, s0p, n0w, n0p) = (cx.w(s0), cx.p(s0), cx.w(n0), cx.p(n0));
        let (s0hp, s0lp, s0rp, n0lp) = (cx.p(s0h), cx.p(s0l), cx.p(s0r), cx.p(n0l));
        feats.clear();
        let mut f = |t: u32, v: &[u64]| feats.push(fhash(t, v));
        f(23, &[s0hp, s0p, n0p]);
        f(24, &[s0p, s0lp, n0p]);
        f(25, &[s0p, s0rp, n0p]);
        f(26, &[s0p, n0p, n0lp]);
        let vr = if s0 != NO { st.nr[s0] as u64 } else { 99 };
        let vl = if s0 != NO { st.nl[s0] as u64 } else { 99 };
        let nvl = if n0 != NO { st.nl[n0] as u64 } else { 99 };
        f(33, &[s0w, vr]);
        f(34, &[s0p, vr]);
        f(35, &[s0w, vl]);
        f(36, &[s0p, vl]);
        f(37, &[n0w, nvl]);
        f(38, &[n0p, nvl]);
        f(41, &[lab(st, s0)]);
        f(44, &[lab(st, s0l)]);
        f(47, &[lab(st, s0r)]);
        f(50, &[lab(st, n0l)]);
        f(53, &[lab(st, s0h)]);
        f(56, &[lab(st, s0l2)]);
        f(59, &[lab(st, s0r2)]);
        f(62, &[lab(st, n0l2)]);
        f(63, &[s0p, s0lp, cx.p(s0l2)]);
        f(64, &[s0p, s0rp, cx.p(s0r2)]);
        f(65, &[s0p, s0hp, cx.p(s0h2)]);
        f(66, &[n0p, n0lp, cx.p(n0l2)]);
        let sr = if s0 != NO { st.rset[s0] } else { 1 << 63 };
        let sl = if s0 != NO { st.lset[s0] } else { 1 << 63 };
        let nl = if n0 != NO { st.lset[n0] } else { 1 << 63 };
        f(67, &[s0w, sr]);
        f(68, &[s0p, sr]);
        f(69, &[s0w, sl]);
        f(70, &[s0p, sl]);
        f(71, &[n0w, nl]);
        f(72, &[n0p, nl]);
        let s0_has_head = (s0 != NO && s0 != 0 && st.head[s0] != NO) as u64;
        f(73, &[cx.p(s1), s0p, n0p]);
        f(75, &[s0_has_head, s0p, n0p]);
        f(76, &[s0_has_head, (st.root_child != NO) as u64, s0p, n0p]);
        f(78, &[lab(st, s0), s0p, n0p]);
        let (s0u, n0u, n1u) = (cx.u(s0), cx.u(n0), cx.u(n1));
        f(85, &[cx.u(s0h), s0u, n0u]);
        f(87, &[s0u, cx.u(s0l), cx.u(s0r), n0u]);
        f(88, &[s0u, n0u, cx.u(n0l), lab(st, n0l)]);
        f(89, &[cx.u(s1), s0u, n0u, n1u]);
    }
    [n0, s0, s0h, s0l, s0r, n0l, s0h2, s0l2, s0r2, n0l2, s1]
}

/// Per-sentence memo of the label model for beam decoding: the summed weights of the label
/// templates that depend only on the arc `(h, d)` (computed once per arc), and the label chosen
/// for an arc given the exact hashes of its configuration-dependent features (beam states that
/// make the same arc in the same context share one decision). Exact: equal features give equal
/// scores.
#[derive(Default)]
struct LabelMemo {
    /// Arc → block index in `arena`.
    index: rustc_hash::FxHashMap<u64, u32>,
    /// Static score blocks (`n_labels` each).
    arena: Vec<i32>,
    /// (block, configuration feature hashes) → label.
    decided: rustc_hash::FxHashMap<(u32, [u32; N_LDYN]), u16>,
    feats: Vec<u32>,
}

/// Number of configuration-dependent label templates.
const N_LDYN: usize = 9;

impl LabelMemo {
    fn reset(&mut self) {
        self.index.clear();
        self.arena.clear();
        self.decided.clear();
    }
}

/// Label templates of the arc `(h, d)` that do not depend on the configuration (ids as in
/// [`label_features`]).
fn label_static_features(cx: &Ctx, n: usize, h: usize, d: usize, out: &mut Vec<u32>) {
    out.clear();
    let dir = (d < h) as u64;
    let dist = dist_bucket(h.abs_diff(d));
    let (hw, hp, dw, dp) = (cx.w(h), cx.p(h), cx.w(d), cx.p(d));
    let prev = |i: usize| if i >= 1 { cx.p(i - 1) } else { NONE_V };
    let next = |i: usize| if i < n { cx.p(i + 1) } else { NONE_V };
    let mut f = |t: u32, v: &[u64]| out.push(fhash(t, v));
    f(500, &[dir]);
    f(501, &[hw]);
    f(502, &[hp, dir]);
    f(503, &[dw]);
    f(504, &[dp, dir]);
    f(505, &[hp, dp, dir]);
    f(506, &[hw, dp, dir]);
    f(507, &[hp, dw, dir]);
    f(508, &[hw, dw]);
    f(509, &[hp, dp, dir, dist]);
    f(516, &[dp, prev(d), next(d)]);
    f(517, &[hp, dp, prev(d)]);
    f(518, &[hp, dp, next(d)]);
    f(519, &[dw, dp, dir]);
    f(520, &[hw, hp, dir]);
    f(522, &[dw, hp, dir, dist]);
    f(525, &[(h == 0) as u64, dp]);
    f(526, &[dp, (d == n) as u64, (d == 1) as u64]);
    f(527, &[cx.s(d), dp, dir]);
    f(528, &[cx.s(h), hp, cx.s(d), dp]);
    f(529, &[cx.u(h), cx.u(d), dir, dist]);
}

/// The configuration-dependent label templates of the arc `(h, d)`.
fn label_dynamic_features(st: &State, cx: &Ctx, h: usize, d: usize) -> [u32; N_LDYN] {
    let dir = (d < h) as u64;
    let (hp, dp) = (cx.p(h), cx.p(d));
    let hh = if h != 0 { st.head[h] } else { NO };
    [
        fhash(510, &[dp, st.lset[d]]),
        fhash(511, &[dp, st.rset[d]]),
        fhash(512, &[hp, st.lset[h], dir]),
        fhash(513, &[hp, st.rset[h], dir]),
        fhash(514, &[dp, lab(st, get(&st.lc1, d)), cx.p(get(&st.lc1, d))]),
        fhash(515, &[hp, dp, cx.p(hh), lab(st, h)]),
        fhash(521, &[hp, dp, st.nl[d] as u64, st.nr[d] as u64]),
        fhash(523, &[hp, dp, dir, cx.p(get(&st.rc1, h))]),
        fhash(
            524,
            &[
                hp,
                dp,
                dir,
                lab(st, get(&st.lc1, h)),
                lab(st, get(&st.rc1, h)),
            ],
        ),
    ]
}

/// The dependency parser.
pub struct Parser {
    labels: Vec<String>,
    coarse: Vec<u8>,
    root_label: u16,
    action: LinearModel,
    labeler: LinearModel,
    /// Whether the transition model was trained globally (beam structured perceptron): the beam
    /// then ranks action sequences by raw score sums instead of log-softmax probabilities.
    global: bool,
}

/// Reusable buffers for parsing.
#[derive(Default)]
pub struct ParseScratch {
    feats: Vec<u32>,
    memo: Memo,
    /// Per beam state: configuration features, signature and scores.
    cfg: Vec<StateFeats>,
    lmemo: LabelMemo,
    /// Whether labels go through `lmemo` (beam decoding).
    lmemo_on: bool,
    lscores: Vec<i32>,
    /// The beam's two pools of states (scores and states).
    beam: Vec<(i64, State)>,
    next: Vec<(i64, State)>,
}

/// Configuration features of one beam state (see [`config_features`]).
#[derive(Default)]
struct StateFeats {
    sig: Sig,
    feats: Vec<u32>,
    /// Hash of `sig` and `feats` (states with different prints differ).
    print: u64,
    scores: [i32; N_ACT],
}

/// A hash of a configuration's signature and features, to tell most different beam states
/// apart without comparing them.
#[inline]
fn fingerprint(sig: &Sig, feats: &[u32]) -> u64 {
    // Feature values are hashes already: their sum (no dependency chain) tells states apart.
    let mut h = 0u64;
    for (i, &x) in sig.iter().enumerate() {
        h = h.wrapping_add((x as u64).rotate_left(5 * i as u32));
    }
    for &f in feats {
        h = h.wrapping_add(f as u64);
    }
    h
}

/// Inserts candidate `c` into `best` (sorted best first: higher score, then lower state index,
/// then lower action) and keeps at most `width`: the same candidates, in the same order, as
/// sorting all candidates by that order and keeping the first `width`.
#[inline]
fn push_best(best: &mut Vec<(i64, usize, usize)>, width: usize, c: (i64, usize, usize)) {
    let before = |x: &(i64, usize, usize), y: &(i64, usize, usize)| {
        x.0 > y.0 || x.0 == y.0 && (x.1, x.2) < (y.1, y.2)
    };
    if best.len() == width && !before(&c, &best[width - 1]) {
        return;
    }
    let mut i = best.len();
    while i > 0 && before(&c, &best[i - 1]) {
        i -= 1;
    }
    best.insert(i, c);
    best.truncate(width);
}

/// Result of training one parser: the best epoch's model and its float weights.
pub struct TrainedParser {
    /// The quantized parser.
    pub parser: Parser,
    /// Best epoch (1-based).
    pub epoch: usize,
    /// Its dev LAS (fraction).
    pub las: f64,
    /// Float weights of the transition model.
    pub action_rows: FloatRows,
    /// Float weights of the label model.
    pub label_rows: FloatRows,
}

impl TrainedParser {
    /// End of an epoch: reports the dev scores `(uas, las)` and keeps the parser in `best` when its
    /// LAS is higher (the first epoch wins ties).
    fn keep_best(
        best: &mut Option<TrainedParser>,
        parser: Parser,
        epoch: usize,
        (uas, las): (f64, f64),
        (action_rows, label_rows): (FloatRows, FloatRows),
        how: &str,
    ) {
        eprintln!(
            "  parser epoch {epoch}{how}: dev UAS {:.2} LAS {:.2} ({} + {} features)",
            uas * 100.0,
            las * 100.0,
            parser.action.n_features(),
            parser.labeler.n_features()
        );
        if best.as_ref().is_none_or(|b| las > b.las) {
            *best = Some(TrainedParser {
                parser,
                epoch,
                las,
                action_rows,
                label_rows,
            });
        }
    }
}

/// A training sentence for the parser.
pub struct ParseExample {
    /// Word hashes.
    pub words: Vec<WordFeats>,
    /// Tag class ids (predicted, jackknifed).
    pub tags: Vec<u16>,
    /// Gold heads (0 = root, 1-based).
    pub heads: Vec<usize>,
    /// Gold label ids.
    pub labels: Vec<u16>,
}

/// Parser training options.
#[derive(Debug, Clone)]
pub struct ParseTrainOpts {
    /// Maximum epochs.
    pub epochs: usize,
    /// Seed for shuffles and exploration.
    pub seed: u64,
    /// First epoch (1-based) that follows the model's own predictions.
    pub explore_from: usize,
    /// Probability of following the model's prediction when exploring.
    pub explore_p: f64,
    /// Averaged weights below this fraction of the largest are dropped from the shipped model.
    pub min_rel: f32,
    /// Beam width of global training (structured perceptron with max-violation updates);
    /// 1 = local greedy training with the dynamic oracle.
    pub beam: usize,
    /// Example indices presented in each epoch (shuffled per epoch; an index listed twice is
    /// presented twice); empty = every example once.
    pub presentation: Vec<usize>,
    /// Keep the best epoch on `dev` (true), or train exactly `epochs` epochs and keep the last
    /// (false: `dev` is scored only after the last epoch, e.g. when it is part of `train`).
    pub select_on_dev: bool,
    /// Early stopping (with `select_on_dev`): stop this many epochs after the best dev epoch
    /// (0 = train all `epochs`).
    pub patience: usize,
    /// Beam width of the dev scoring that selects the epoch of global training (0 = the
    /// training beam; local training is scored greedily).
    pub dev_beam: usize,
}

impl ParseTrainOpts {
    /// The per-epoch presentation list (before shuffling).
    fn order(&self, n: usize) -> Vec<usize> {
        if self.presentation.is_empty() {
            (0..n).collect()
        } else {
            self.presentation.clone()
        }
    }

    /// Whether the model is built and scored on dev after `epoch`.
    fn scores_epoch(&self, epoch: usize) -> bool {
        self.select_on_dev || epoch == self.epochs
    }

    /// Whether training stops after `epoch` (early stopping: `patience` epochs without a better
    /// dev score than the best so far).
    fn stops_after(&self, epoch: usize, best: &Option<TrainedParser>) -> bool {
        self.select_on_dev
            && self.patience > 0
            && best
                .as_ref()
                .is_some_and(|b| epoch >= b.epoch + self.patience)
    }
}

/// Lifts non-projective arcs until the tree is projective (heads 1-based, 0 = root).
pub fn projectivize(heads: &[usize]) -> Vec<usize> {
    let n = heads.len();
    let mut h: Vec<usize> = std::iter::once(NO).chain(heads.iter().copied()).collect();
    let dominates = |h: &[usize], a: usize, mut k: usize| -> bool {
        let mut steps = 0;
        while k != 0 && k != NO && steps <= n + 1 {
            if k == a {
                return true;
            }
            k = h[k];
            steps += 1;
        }
        a == 0
    };
    for _ in 0..(n * n + 1) {
        // Find the shortest non-projective arc.
        let mut worst: Option<(usize, usize)> = None;
        for d in 1..=n {
            let hd = h[d];
            if hd == NO || hd == 0 && d == 0 {
                continue;
            }
            let (lo, hi) = if d < hd { (d, hd) } else { (hd, d) };
            let nonproj = (lo + 1..hi).any(|k| !dominates(&h, hd, k));
            if nonproj && worst.is_none_or(|(len, _)| hi - lo < len) {
                worst = Some((hi - lo, d));
            }
        }
        match worst {
            Some((_, d)) => {
                let hd = h[d];
                if hd == 0 {
                    break;
                }
                h[d] = h[hd];
            }
            None => break,
        }
    }
    h[1..].to_vec()
}

impl Parser {
    /// Label names.
    pub fn label(&self, l: u16) -> &str {
        &self.labels[l as usize]
    }

    /// Parses a sentence given lower-cased word hashes and tag ids; returns (heads, labels) with
    /// heads 0 = root, else 1-based.
    pub fn parse(
        &self,
        words: &[WordFeats],
        tags: &[u16],
        sc: &mut ParseScratch,
    ) -> (Vec<usize>, Vec<u16>) {
        let n = words.len();
        if n == 0 {
            return (vec![], vec![]);
        }
        let cx = Ctx::new(words, tags, &self.coarse);
        let mut st = State::new(n);
        sc.lscores.resize(self.labels.len(), 0);
        sc.memo.prepare(&self.action, &cx, n);
        sc.lmemo_on = false;
        let mut scores = [0i32; N_ACT];
        while !st.done() {
            score_actions(&self.action, &st, &cx, &mut sc.memo, &mut scores);
            let a = argmax_allowed(&scores, |a| st.valid(a)).unwrap_or(SHIFT);
            let l = if a == LEFT || a == RIGHT {
                let (h, d) = st.arc(a);
                self.predict_label(&st, &cx, h, d, sc)
            } else {
                0
            };
            st.apply(a, l);
        }
        self.finish(&mut st, &cx, sc);
        (st.head[1..].to_vec(), st.label[1..].to_vec())
    }

    /// Like [`Parser::parse`] but decodes with a beam of `width` configurations (1 = greedy).
    /// A globally trained model scores an action sequence by the sum of its transition scores; a
    /// locally trained one by a log-softmax of the transition scores with temperature
    /// [`BEAM_TEMPERATURE`]. The beam keeps the `width` best action sequences.
    pub fn parse_beam(
        &self,
        words: &[WordFeats],
        tags: &[u16],
        sc: &mut ParseScratch,
        width: usize,
    ) -> (Vec<usize>, Vec<u16>) {
        let n = words.len();
        if width <= 1 || n == 0 {
            return self.parse(words, tags, sc);
        }
        let cx = &Ctx::new(words, tags, &self.coarse);
        sc.lscores.resize(self.labels.len(), 0);
        sc.memo.prepare(&self.action, cx, n);
        sc.lmemo.reset();
        sc.lmemo_on = true;
        // Two pools of states swapped every step, kept in the scratch across sentences: a kept
        // candidate is copied into a recycled state (`clone_from`, no allocation), or takes its
        // parent's state when no later candidate needs it.
        let mut beam = std::mem::take(&mut sc.beam);
        let mut next = std::mem::take(&mut sc.next);
        if beam.is_empty() {
            beam.push((0, State::new(0)));
        }
        next.extend(beam.drain(1..));
        beam[0].0 = 0;
        beam[0].1.reset(n);
        // The best `width` candidates (score, state, action), best first.
        let mut cands: Vec<(i64, usize, usize)> = Vec::with_capacity(width + 1);
        let mut last_use = [0usize; 64];
        loop {
            if beam.iter().all(|(_, st)| st.done()) {
                break;
            }
            cands.clear();
            // Configuration features of all live states first, with their table slots
            // prefetched, so that the states' memory accesses overlap.
            for (bi, (_, st)) in beam.iter().enumerate() {
                if sc.cfg.len() <= bi {
                    sc.cfg.push(Default::default());
                }
                if !st.done() {
                    let c = &mut sc.cfg[bi];
                    c.sig = config_features(st, cx, &mut c.feats);
                    c.print = fingerprint(&c.sig, &c.feats);
                    self.action.prefetch_uncached(&c.feats, &sc.memo.cache);
                }
            }
            for (bi, (score, st)) in beam.iter().enumerate() {
                if st.done() {
                    push_best(&mut cands, width, (*score, bi, usize::MAX));
                    continue;
                }
                // A state whose features equal an earlier state's has its scores.
                let (done, rest) = sc.cfg.split_at_mut(bi);
                let c = &mut rest[0];
                match done.iter().zip(beam.iter()).find(|(d, (_, s))| {
                    d.print == c.print && !s.done() && d.sig == c.sig && d.feats == c.feats
                }) {
                    Some((d, _)) => c.scores = d.scores,
                    None => add_memo_scores(
                        &self.action,
                        cx,
                        &mut sc.memo,
                        &c.sig,
                        &c.feats,
                        &mut c.scores,
                    ),
                }
                let scores = c.scores;
                let valid: [bool; N_ACT] = std::array::from_fn(|a| st.valid(a));
                let best = (0..N_ACT)
                    .filter(|&a| valid[a])
                    .map(|a| scores[a] as i64)
                    .max();
                let Some(best) = best else {
                    push_best(&mut cands, width, (*score, bi, SHIFT));
                    continue;
                };
                if self.global {
                    for (a, _) in valid.iter().enumerate().filter(|v| *v.1) {
                        push_best(&mut cands, width, (*score + scores[a] as i64, bi, a));
                    }
                    continue;
                }
                let t = BEAM_TEMPERATURE;
                let z: f64 = (0..N_ACT)
                    .filter(|&a| valid[a])
                    .map(|a| ((scores[a] as i64 - best) as f64 / t).exp())
                    .sum();
                let ln_z = z.ln();
                for (a, _) in valid.iter().enumerate().filter(|v| *v.1) {
                    let lp = (scores[a] as i64 - best) as f64 / t - ln_z;
                    push_best(&mut cands, width, (*score + (lp * 1000.0) as i64, bi, a));
                }
            }
            // The last candidate of each state may take the state instead of a copy.
            let track = beam.len() <= last_use.len();
            if track {
                for (k, &(_, bi, _)) in cands.iter().enumerate() {
                    last_use[bi] = k;
                }
            }
            for (k, &(score, bi, a)) in cands.iter().enumerate() {
                if next.len() <= k {
                    next.push((score, State::new(0)));
                }
                let slot = &mut next[k];
                slot.0 = score;
                if track && last_use[bi] == k {
                    std::mem::swap(&mut slot.1, &mut beam[bi].1);
                } else {
                    slot.1.clone_from(&beam[bi].1);
                }
                let st = &mut slot.1;
                if a != usize::MAX {
                    let l = if a == LEFT || a == RIGHT {
                        let (h, d) = st.arc(a);
                        self.predict_label(st, cx, h, d, sc)
                    } else {
                        0
                    };
                    st.apply(a, l);
                }
            }
            // States beyond the kept ones stay in the pool (`next` keeps their allocations).
            std::mem::swap(&mut beam, &mut next);
            let kept = cands.len();
            next.extend(beam.drain(kept..));
        }
        let st = &mut beam[0].1;
        self.finish(st, cx, sc);
        let out = (st.head[1..].to_vec(), st.label[1..].to_vec());
        sc.beam = beam;
        sc.next = next;
        out
    }

    fn predict_label(
        &self,
        st: &State,
        cx: &Ctx,
        h: usize,
        d: usize,
        sc: &mut ParseScratch,
    ) -> u16 {
        if h == 0 {
            return self.root_label;
        }
        let root = self.root_label as usize;
        if !sc.lmemo_on {
            label_features(st, cx, h, d, &mut sc.feats);
            self.labeler.score(&sc.feats, &mut sc.lscores);
            return argmax_allowed(&sc.lscores, |l| l != root).unwrap_or(0) as u16;
        }
        let nl = self.labels.len();
        let lm = &mut sc.lmemo;
        let arc = ((h as u64) << 32) | d as u64;
        let block = match lm.index.get(&arc) {
            Some(&b) => b,
            None => {
                label_static_features(cx, st.n, h, d, &mut lm.feats);
                let b = (lm.arena.len() / nl) as u32;
                lm.arena.resize(lm.arena.len() + nl, 0);
                self.labeler
                    .score(&lm.feats, &mut lm.arena[b as usize * nl..]);
                lm.index.insert(arc, b);
                b
            }
        };
        let dynf = label_dynamic_features(st, cx, h, d);
        if let Some(&l) = lm.decided.get(&(block, dynf)) {
            return l;
        }
        self.labeler.score(&dynf, &mut sc.lscores);
        let stat = &lm.arena[block as usize * nl..(block as usize + 1) * nl];
        for (s, &x) in sc.lscores.iter_mut().zip(stat) {
            *s += x;
        }
        let l = argmax_allowed(&sc.lscores, |l| l != root).unwrap_or(0) as u16;
        lm.decided.insert((block, dynf), l);
        l
    }

    /// Attaches words left without a head.
    fn finish(&self, st: &mut State, cx: &Ctx, sc: &mut ParseScratch) {
        let mut root = st.root_child;
        for d in 1..=st.n {
            if st.head[d] == NO {
                if root == NO {
                    st.add_arc(0, d, self.root_label);
                    root = d;
                } else {
                    let l = self.predict_label(st, cx, root, d, sc);
                    st.add_arc(root, d, l);
                }
            }
        }
    }

    /// Trains a parser globally: beam search over action sequences with a structured
    /// perceptron and max-violation updates (Huang, Fayong & Guo 2012); the gold sequence is the
    /// static oracle's on the projectivized tree. Labels are predicted by a local labeller,
    /// trained on the arcs of the best beam item that are correct.
    fn train_global(
        labels: Vec<String>,
        coarse: Vec<u8>,
        train: &[ParseExample],
        dev: &[ParseExample],
        opts: &ParseTrainOpts,
    ) -> TrainedParser {
        let root_label = labels.iter().position(|l| l == "root").unwrap_or(0) as u16;
        let nl = labels.len();
        let width = opts.beam.max(1);
        let mut at = Trainer::new(N_ACT);
        let mut lt = Trainer::new(nl);
        let mut rng = Rng::new(opts.seed);
        let mut order: Vec<usize> = opts.order(train.len());
        let golds: Vec<Vec<usize>> = train.iter().map(|e| projectivize(&e.heads)).collect();
        let mut feats = Vec::with_capacity(128);
        let mut memo: Memo<f32> = Memo::default();
        let mut sc4 = [0f32; N_ACT];
        let mut lscores = vec![0f32; nl];
        let mut best: Option<TrainedParser> = None;
        // History arena: (parent, action, label) per kept candidate.
        let mut arena: Vec<(u32, u8, u16)> = Vec::new();
        let mut beam: Vec<(f64, State, u32, bool)> = Vec::new();
        let mut next: Vec<(f64, State, u32, bool)> = Vec::new();
        let mut cands: Vec<(f64, usize, usize)> = Vec::new();
        let mut gold_seq: Vec<(u8, u16)> = Vec::new();
        let mut pred_seq: Vec<(u8, u16)> = Vec::new();
        const ROOT_H: u32 = u32::MAX;
        for epoch in 1..=opts.epochs {
            rng.shuffle(&mut order);
            for &si in &order {
                let e = &train[si];
                let n = e.words.len();
                if n == 0 {
                    continue;
                }
                let gh: Vec<usize> = std::iter::once(NO)
                    .chain(golds[si].iter().copied())
                    .collect();
                let glab = |d: usize| e.labels[d - 1];
                let cx = Ctx::new(&e.words, &e.tags, &coarse);
                memo.prepare(&at, &cx, n);
                arena.clear();
                beam.clear();
                beam.push((0.0, State::new(n), ROOT_H, true));
                let mut gold = State::new(n);
                let mut gold_score = 0f64;
                gold_seq.clear();
                // Max violation: (violation, step, history of the best item).
                let mut maxv: Option<(f64, usize, u32)> = None;
                let mut step = 0usize;
                loop {
                    let gold_live = !gold.done();
                    if !gold_live && beam.iter().all(|b| b.1.done()) {
                        break;
                    }
                    step += 1;
                    // Gold action (static oracle: zero cost, preferring arcs, then reduce).
                    let mut gold_a = usize::MAX;
                    if gold_live {
                        let a = [LEFT, RIGHT, REDUCE, SHIFT]
                            .into_iter()
                            .find(|&a| gold.valid(a) && gold.cost(a, &gh) == 0)
                            .unwrap_or(SHIFT);
                        score_actions(&at, &gold, &cx, &mut memo, &mut sc4);
                        gold_score += sc4[a] as f64;
                        let l = if a == LEFT || a == RIGHT {
                            let (h, d) = gold.arc(a);
                            if h == 0 { root_label } else { glab(d) }
                        } else {
                            0
                        };
                        gold.apply(a, l);
                        gold_seq.push((a as u8, l));
                        gold_a = a;
                    }
                    cands.clear();
                    for (bi, (score, st, _, _)) in beam.iter().enumerate() {
                        if st.done() {
                            cands.push((*score, bi, usize::MAX));
                            continue;
                        }
                        score_actions(&at, st, &cx, &mut memo, &mut sc4);
                        let mut any = false;
                        for (a, &x) in sc4.iter().enumerate() {
                            if st.valid(a) {
                                cands.push((*score + x as f64, bi, a));
                                any = true;
                            }
                        }
                        if !any {
                            cands.push((*score, bi, SHIFT));
                        }
                    }
                    cands.sort_unstable_by(|x, y| {
                        y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2))
                    });
                    cands.truncate(width);
                    next.clear();
                    let mut gold_in = false;
                    for (k, &(score, bi, a)) in cands.iter().enumerate() {
                        let (_, pst, ph, pgold) = &beam[bi];
                        let mut st = pst.clone();
                        let mut hist = *ph;
                        let is_gold;
                        if a != usize::MAX {
                            let mut l = 0u16;
                            if a == LEFT || a == RIGHT {
                                let (h, d) = st.arc(a);
                                if h == 0 {
                                    l = root_label;
                                } else {
                                    label_features(&st, &cx, h, d, &mut feats);
                                    lt.score(&feats, &mut lscores);
                                    let lp =
                                        argmax_allowed_f(&lscores, |x| x != root_label as usize)
                                            .unwrap_or(0);
                                    if k == 0 && gh[d] == h {
                                        lt.update(&feats, glab(d) as usize, lp);
                                        lt.tick();
                                    }
                                    l = lp as u16;
                                }
                            }
                            st.apply(a, l);
                            arena.push((hist, a as u8, l));
                            hist = (arena.len() - 1) as u32;
                            is_gold = *pgold && a == gold_a;
                        } else {
                            is_gold = *pgold && gold_a == usize::MAX;
                        }
                        gold_in |= is_gold;
                        next.push((score, st, hist, is_gold));
                    }
                    std::mem::swap(&mut beam, &mut next);
                    let top = &beam[0];
                    if !top.3 {
                        let v = top.0 - gold_score;
                        if maxv.is_none_or(|m| v > m.0) {
                            maxv = Some((v, step, top.2));
                        }
                    }
                    let _ = gold_in;
                }
                if let Some((v, t, hist)) = maxv
                    && v >= 0.0
                {
                    pred_seq.clear();
                    let mut h = hist;
                    while h != ROOT_H {
                        let (p, a, l) = arena[h as usize];
                        pred_seq.push((a, l));
                        h = p;
                    }
                    pred_seq.reverse();
                    let gs = &gold_seq[..t.min(gold_seq.len())];
                    // Shared prefix (same actions and labels, hence same states) cancels.
                    let common = gs
                        .iter()
                        .zip(pred_seq.iter())
                        .take_while(|(x, y)| x == y)
                        .count();
                    for (seq, delta) in [(gs, 1f32), (&pred_seq[..], -1f32)] {
                        let mut st = State::new(n);
                        for (i, &(a, l)) in seq.iter().enumerate() {
                            if i >= common {
                                action_features(&st, &cx, &mut feats);
                                for &f in &feats {
                                    at.adjust(f, a as usize, delta);
                                }
                            }
                            st.apply(a as usize, l);
                        }
                    }
                }
                at.tick();
            }
            if !opts.scores_epoch(epoch) {
                continue;
            }
            let arows = at.averaged_rows();
            let lrows = lt.averaged_rows();
            let p = Parser {
                labels: labels.clone(),
                coarse: coarse.clone(),
                root_label,
                action: LinearModel::from_rows(N_ACT, &arows, opts.min_rel),
                labeler: LinearModel::from_rows(nl, &lrows, opts.min_rel),
                global: true,
            };
            let dev_width = if opts.dev_beam == 0 {
                width
            } else {
                opts.dev_beam
            };
            let score = p.score_beam(dev, dev_width);
            TrainedParser::keep_best(
                &mut best,
                p,
                epoch,
                score,
                (arows, lrows),
                &format!(" (global, beam {width}, dev beam {dev_width})"),
            );
            if opts.stops_after(epoch, &best) {
                break;
            }
        }
        best.expect("at least one epoch")
    }

    /// Trains a parser. `labels` are the label names (one must be `root`).
    pub fn train(
        labels: Vec<String>,
        coarse: Vec<u8>,
        train: &[ParseExample],
        dev: &[ParseExample],
        opts: &ParseTrainOpts,
    ) -> TrainedParser {
        if opts.beam > 1 {
            return Self::train_global(labels, coarse, train, dev, opts);
        }
        let root_label = labels.iter().position(|l| l == "root").unwrap_or(0) as u16;
        let nl = labels.len();
        let mut at = Trainer::new(N_ACT);
        let mut lt = Trainer::new(nl);
        let mut rng = Rng::new(opts.seed);
        let mut order: Vec<usize> = opts.order(train.len());
        let golds: Vec<Vec<usize>> = train.iter().map(|e| projectivize(&e.heads)).collect();
        let mut feats = Vec::with_capacity(128);
        let mut scores = vec![0f32; N_ACT];
        let mut lscores = vec![0f32; nl];
        let mut best: Option<TrainedParser> = None;
        for epoch in 1..=opts.epochs {
            rng.shuffle(&mut order);
            let explore = epoch >= opts.explore_from;
            for &si in &order {
                let e = &train[si];
                let n = e.words.len();
                if n == 0 {
                    continue;
                }
                let gh: Vec<usize> = std::iter::once(NO)
                    .chain(golds[si].iter().copied())
                    .collect();
                let cx = Ctx::new(&e.words, &e.tags, &coarse);
                let mut st = State::new(n);
                while !st.done() {
                    action_features(&st, &cx, &mut feats);
                    at.score(&feats, &mut scores);
                    let valid: [bool; N_ACT] = std::array::from_fn(|a| st.valid(a));
                    let costs: [u32; N_ACT] =
                        std::array::from_fn(|a| if valid[a] { st.cost(a, &gh) } else { u32::MAX });
                    let pred = argmax_allowed_f(&scores, |a| valid[a]).unwrap_or(SHIFT);
                    let best_zero = argmax_allowed_f(&scores, |a| valid[a] && costs[a] == 0);
                    if let Some(z) = best_zero
                        && costs[pred] > 0
                    {
                        at.update(&feats, z, pred);
                    }
                    at.tick();
                    let next = match best_zero {
                        Some(z) if !(explore && rng.next_f64() < opts.explore_p) => z,
                        _ => pred,
                    };
                    let mut l = 0u16;
                    if next == LEFT || next == RIGHT {
                        let (h, d) = st.arc(next);
                        if h == 0 {
                            l = root_label;
                        } else {
                            label_features(&st, &cx, h, d, &mut feats);
                            lt.score(&feats, &mut lscores);
                            let lp = argmax_allowed_f(&lscores, |x| x != root_label as usize)
                                .unwrap_or(0);
                            if gh[d] == h {
                                let gl = e.labels[d - 1] as usize;
                                lt.update(&feats, gl, lp);
                                lt.tick();
                                l = if explore { lp as u16 } else { gl as u16 };
                            } else {
                                l = lp as u16;
                            }
                        }
                    }
                    st.apply(next, l);
                }
            }
            if !opts.scores_epoch(epoch) {
                continue;
            }
            let arows = at.averaged_rows();
            let lrows = lt.averaged_rows();
            let p = Parser {
                labels: labels.clone(),
                coarse: coarse.clone(),
                root_label,
                action: LinearModel::from_rows(N_ACT, &arows, opts.min_rel),
                labeler: LinearModel::from_rows(nl, &lrows, opts.min_rel),
                global: false,
            };
            let score = p.score(dev);
            TrainedParser::keep_best(&mut best, p, epoch, score, (arows, lrows), "");
            if opts.stops_after(epoch, &best) {
                break;
            }
        }
        best.expect("at least one epoch")
    }

    /// The linear ensemble of several trained parsers (sum of their weights; same labels).
    pub fn ensemble(parts: &[TrainedParser], min_rel: f32) -> Parser {
        let first = &parts[0].parser;
        let a: Vec<&FloatRows> = parts.iter().map(|p| &p.action_rows).collect();
        let l: Vec<&FloatRows> = parts.iter().map(|p| &p.label_rows).collect();
        Parser {
            labels: first.labels.clone(),
            coarse: first.coarse.clone(),
            root_label: first.root_label,
            action: LinearModel::from_rows(N_ACT, &sum_rows(&a), min_rel),
            labeler: LinearModel::from_rows(first.labels.len(), &sum_rows(&l), min_rel),
            global: first.global,
        }
    }

    /// (UAS, LAS) on examples, comparing base relations (greedy decoding).
    pub fn score(&self, data: &[ParseExample]) -> (f64, f64) {
        self.score_beam(data, 1)
    }

    /// (UAS, LAS) on examples with a beam of `width` (1 = greedy).
    pub fn score_beam(&self, data: &[ParseExample], width: usize) -> (f64, f64) {
        let mut sc = ParseScratch::default();
        let (mut u, mut l, mut t) = (0usize, 0usize, 0usize);
        for e in data {
            let (h, lb) = self.parse_beam(&e.words, &e.tags, &mut sc, width);
            for i in 0..h.len() {
                t += 1;
                if h[i] == e.heads[i] {
                    u += 1;
                    let base = |x: u16| self.labels[x as usize].split(':').next().unwrap_or("");
                    if base(lb[i]) == base(e.labels[i]) {
                        l += 1;
                    }
                }
            }
        }
        (u as f64 / t.max(1) as f64, l as f64 / t.max(1) as f64)
    }

    /// Serializes the parser.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new(*b"NGDP");
        w.u32(self.labels.len() as u32);
        for l in &self.labels {
            w.str(l);
        }
        w.u32(self.root_label as u32);
        w.u32(self.coarse.len() as u32);
        w.bytes(&self.coarse);
        self.action.write(&mut w);
        self.labeler.write(&mut w);
        if self.global {
            // Optional trailing flag (absent in locally trained models).
            w.u32(1);
        }
        w.finish()
    }

    /// Deserializes a parser.
    pub fn from_bytes(b: &[u8]) -> Result<Parser, NlpError> {
        let mut r = Reader::new(b, *b"NGDP", "parser")?;
        let n = r.u32()? as usize;
        if n == 0 || n > 255 {
            return Err(r.error("bad label count"));
        }
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            labels.push(r.str()?);
        }
        let root_label = r.u32()?;
        if root_label as usize >= n.max(1) {
            return Err(r.error("bad root label"));
        }
        let nc = r.u32()? as usize;
        let coarse = r.bytes(nc)?.to_vec();
        let action = LinearModel::read(&mut r)?;
        let labeler = LinearModel::read(&mut r)?;
        let global = !r.at_end() && r.u32()? == 1;
        if action.n_classes() != N_ACT || labeler.n_classes() != n || !r.at_end() {
            return Err(r.error("inconsistent parser"));
        }
        Ok(Parser {
            labels,
            coarse,
            root_label: root_label as u16,
            action,
            labeler,
            global,
        })
    }

    /// A copy with small weights pruned from both models.
    pub fn pruned(&self, min_q: i16) -> Parser {
        Parser {
            labels: self.labels.clone(),
            coarse: self.coarse.clone(),
            root_label: self.root_label,
            action: self.action.pruned(min_q),
            labeler: self.labeler.pruned(min_q),
            global: self.global,
        }
    }

    /// A smaller, faster copy (post-hoc compression, no retraining): only the transition
    /// features whose largest stored weight reaches `action_min_row` and the label features
    /// whose largest weight reaches `label_min_row` are kept (whole rows, see
    /// [`LinearModel::pruned_rows`]), and the transition weights are rounded to one byte's
    /// precision ([`LinearModel::coarsened`]), which shrinks the transition table's slots
    /// from 12 to 8 bytes.
    pub fn compressed(&self, action_min_row: i16, label_min_row: i16) -> Parser {
        Parser {
            labels: self.labels.clone(),
            coarse: self.coarse.clone(),
            root_label: self.root_label,
            action: self.action.pruned_rows(action_min_row).coarsened(),
            labeler: self.labeler.pruned_rows(label_min_row),
            global: self.global,
        }
    }

    /// Bytes of the in-memory lookup tables (transition model, label model).
    pub fn table_bytes(&self) -> (usize, usize) {
        (self.action.table_bytes(), self.labeler.table_bytes())
    }

    /// Number of features (transition model, label model).
    pub fn n_features(&self) -> (usize, usize) {
        (self.action.n_features(), self.labeler.n_features())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projectivize_lifts_crossing_arcs() {
        // 1 <- 3 (root), 2 -> 4 crosses 3's arc to... build a crossing: heads: 1:3, 2:0? Use
        // w1 head 3, w2 head 4, w3 head 0, w4 head 1 (arc 1->4 crosses 3->... ).
        let h = vec![3, 4, 0, 1];
        let p = projectivize(&h);
        // Result must be projective: every arc's span dominated by its head.
        let n = p.len();
        let hh: Vec<usize> = std::iter::once(NO).chain(p.iter().copied()).collect();
        for d in 1..=n {
            let hd = hh[d];
            let (lo, hi) = if d < hd { (d, hd) } else { (hd, d) };
            for k in lo + 1..hi {
                let mut x = k;
                let mut ok = hd == 0;
                while x != 0 {
                    if x == hd {
                        ok = true;
                        break;
                    }
                    x = hh[x];
                }
                assert!(ok, "{p:?}");
            }
        }
    }

    #[test]
    fn beam_candidate_selection_equals_sorting() {
        let mut rng = Rng::new(3);
        for _ in 0..2000 {
            let width = 1 + (rng.next_u64() % 6) as usize;
            let states = 1 + (rng.next_u64() % 6) as usize;
            let mut all = Vec::new();
            for bi in 0..states {
                for a in 0..N_ACT {
                    if !rng.next_u64().is_multiple_of(3) {
                        // Few distinct scores, so that ties are frequent.
                        all.push(((rng.next_u64() % 5) as i64 - 2, bi, a));
                    }
                }
            }
            let mut best = Vec::new();
            for &c in &all {
                push_best(&mut best, width, c);
            }
            all.sort_unstable_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
            all.truncate(width);
            assert_eq!(best, all);
        }
    }

    #[test]
    fn memoized_transition_scores_equal_full_feature_scores() {
        let p = Parser::from_bytes(include_bytes!("../../models/parser.bin")).unwrap();
        let text = "The president of the company , who arrived on Monday , said that \
                    talks with the union would resume next week in Paris .";
        let mut buf = Vec::new();
        let words: Vec<WordFeats> = text
            .split_whitespace()
            .map(|w| WordFeats::new(w, &mut buf))
            .collect();
        let mut rng = Rng::new(7);
        let mut memo = Memo::default();
        let mut feats = Vec::new();
        let mut checked = 0;
        for round in 0..20u64 {
            let tags: Vec<u16> = (0..words.len())
                .map(|i| ((i as u64 * 7 + round * 3) % p.coarse.len() as u64) as u16)
                .collect();
            let cx = Ctx::new(&words, &tags, &p.coarse);
            let n = words.len();
            memo.prepare(&p.action, &cx, n);
            let mut st = State::new(n);
            while !st.done() {
                action_features(&st, &cx, &mut feats);
                let mut full = [0i32; N_ACT];
                p.action.score(&feats, &mut full);
                let mut fast = [0i32; N_ACT];
                score_actions(&p.action, &st, &cx, &mut memo, &mut fast);
                assert_eq!(full, fast);
                checked += 1;
                let valid: Vec<usize> = (0..N_ACT).filter(|&a| st.valid(a)).collect();
                let a = valid[(rng.next_u64() % valid.len() as u64) as usize];
                st.apply(a, (rng.next_u64() % 40) as u16);
            }
        }
        assert!(checked > 500);
        // Label model: static and configuration parts sum to the full scores.
        let nl = p.labels.len();
        let tags: Vec<u16> = (0..words.len()).map(|i| (i % 40) as u16).collect();
        let cx = Ctx::new(&words, &tags, &p.coarse);
        let n = words.len();
        let mut st = State::new(n);
        let mut lfeats = Vec::new();
        while !st.done() {
            let valid: Vec<usize> = (0..N_ACT).filter(|&a| st.valid(a)).collect();
            let a = valid[(rng.next_u64() % valid.len() as u64) as usize];
            if a == LEFT || a == RIGHT {
                let (h, d) = st.arc(a);
                label_features(&st, &cx, h, d, &mut feats);
                let mut full = vec![0i32; nl];
                p.labeler.score(&feats, &mut full);
                label_static_features(&cx, n, h, d, &mut lfeats);
                lfeats.extend(label_dynamic_features(&st, &cx, h, d));
                let mut split = vec![0i32; nl];
                p.labeler.score(&lfeats, &mut split);
                assert_eq!(full, split);
                lfeats.sort_unstable();
                feats.sort_unstable();
                assert_eq!(feats, lfeats);
            }
            st.apply(a, (rng.next_u64() % 40) as u16);
        }
    }

    #[test]
    fn global_training_learns_a_toy_treebank_and_round_trips() {
        // "the dog barks" / "a cat sleeps": det <- noun <- verb (root).
        let mut buf = Vec::new();
        let ex = |ws: &[&str], buf: &mut Vec<char>| ParseExample {
            words: ws.iter().map(|w| WordFeats::new(w, buf)).collect(),
            tags: vec![0, 1, 2],
            heads: vec![2, 3, 0],
            labels: vec![0, 1, 2],
        };
        let data = vec![
            ex(&["the", "dog", "barks"], &mut buf),
            ex(&["a", "cat", "sleeps"], &mut buf),
        ];
        let labels = vec!["det".to_string(), "nsubj".to_string(), "root".to_string()];
        let opts = ParseTrainOpts {
            epochs: 4,
            seed: 3,
            explore_from: 2,
            explore_p: 0.9,
            min_rel: 0.0,
            beam: 2,
            presentation: Vec::new(),
            select_on_dev: true,
            patience: 0,
            dev_beam: 0,
        };
        let t = Parser::train(labels, vec![0, 1, 2], &data, &data, &opts);
        assert!(t.parser.global);
        assert_eq!(t.las, 1.0);
        let p = Parser::from_bytes(&t.parser.to_bytes()).unwrap();
        assert!(p.global);
        assert_eq!(p.to_bytes(), t.parser.to_bytes());
        let mut sc = ParseScratch::default();
        let (h, l) = p.parse_beam(&data[0].words, &data[0].tags, &mut sc, 2);
        assert_eq!(h, vec![2, 3, 0]);
        assert_eq!(l, vec![0, 1, 2]);
    }

    #[test]
    fn static_oracle_path_has_zero_cost() {
        // "a b c": b is root, a <- b, c <- b.
        let gh = vec![NO, 2, 0, 2];
        let mut st = State::new(3);
        let mut steps = 0;
        while !st.done() && steps < 20 {
            let a = (0..N_ACT)
                .find(|&a| st.valid(a) && st.cost(a, &gh) == 0)
                .expect("zero-cost action");
            st.apply(a, 0);
            steps += 1;
        }
        assert_eq!(&st.head[1..], &[2, 0, 2]);
    }
}
