//! Sparse multi-class linear models: an averaged-perceptron trainer and a compact, quantized
//! inference model with a binary encoding.
//!
//! Features are 32-bit hashes. Each feature owns a short row of `(class, weight)` pairs; only
//! non-zero weights are stored. Shipped weights are `i16` with one scale per model, and scores are
//! summed as integers, so inference is exact and deterministic.

use rustc_hash::FxHashMap;

use super::NlpError;
use super::binio::{Reader, Writer};

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// Mixes a template id and values into a feature hash.
#[inline]
pub fn fhash(template: u32, vals: &[u64]) -> u32 {
    let mut h = (template as u64 + 1).wrapping_mul(K);
    for &v in vals {
        h = (h ^ v).wrapping_mul(K).rotate_left(29);
    }
    h ^= h >> 31;
    h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    (h >> 32) as u32
}

/// Hashes a string (FNV-1a, 64 bit), stable across platforms and versions.
#[inline]
pub fn shash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[derive(Clone, Copy)]
struct Entry {
    class: u16,
    w: f32,
    u: f64,
}

/// Averaged perceptron over hashed features with sparse rows.
pub struct Trainer {
    n_classes: usize,
    index: FxHashMap<u32, u32>,
    keys: Vec<u32>,
    rows: Vec<Vec<Entry>>,
    c: f64,
}

impl Trainer {
    /// A new trainer for `n_classes` classes.
    pub fn new(n_classes: usize) -> Self {
        Trainer {
            n_classes,
            index: FxHashMap::default(),
            keys: Vec::new(),
            rows: Vec::new(),
            c: 1.0,
        }
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Adds current (non-averaged) weights of `feats` to `scores`.
    pub fn score(&self, feats: &[u32], scores: &mut [f32]) {
        for s in scores.iter_mut() {
            *s = 0.0;
        }
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                for e in &self.rows[r as usize] {
                    scores[e.class as usize] += e.w;
                }
            }
        }
    }

    fn bump(&mut self, f: u32, class: usize, delta: f32) {
        let r = match self.index.get(&f) {
            Some(&r) => r as usize,
            None => {
                let r = self.rows.len();
                self.index.insert(f, r as u32);
                self.keys.push(f);
                self.rows.push(Vec::with_capacity(2));
                r
            }
        };
        let c = self.c;
        let row = &mut self.rows[r];
        match row.iter_mut().find(|e| e.class as usize == class) {
            Some(e) => {
                e.w += delta;
                e.u += c * delta as f64;
            }
            None => row.push(Entry {
                class: class as u16,
                w: delta,
                u: c * delta as f64,
            }),
        }
    }

    /// Perceptron update: promote `truth`, demote `guess`.
    pub fn update(&mut self, feats: &[u32], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        for &f in feats {
            self.bump(f, truth, 1.0);
            self.bump(f, guess, -1.0);
        }
    }

    /// Adds `delta` to the weight of feature `f` for `class` (structured updates whose truth and
    /// guess features differ, e.g. label transitions).
    pub fn adjust(&mut self, f: u32, class: usize, delta: f32) {
        self.bump(f, class, delta);
    }

    /// Advances the instance counter (call once per training instance).
    pub fn tick(&mut self) {
        self.c += 1.0;
    }

    /// The averaged, quantized model. `min_rel` drops averaged weights whose magnitude is below
    /// that fraction of the largest one.
    pub fn averaged(&self, min_rel: f32) -> LinearModel {
        LinearModel::from_rows(self.n_classes, &self.averaged_rows(), min_rel)
    }

    /// The averaged weights as rows sorted by feature key (classes sorted within a row).
    pub fn averaged_rows(&self) -> FloatRows {
        let mut order: Vec<usize> = (0..self.keys.len()).collect();
        order.sort_unstable_by_key(|&i| self.keys[i]);
        let mut out = Vec::with_capacity(order.len());
        for i in order {
            let mut row: Vec<(u16, f64)> = self.rows[i]
                .iter()
                .map(|e| (e.class, e.w as f64 - e.u / self.c))
                .filter(|(_, w)| *w != 0.0)
                .collect();
            if row.is_empty() {
                continue;
            }
            row.sort_unstable_by_key(|e| e.0);
            out.push((self.keys[i], row));
        }
        out
    }
}

/// Float weight rows: (feature key, sorted (class, weight) pairs), sorted by key.
pub type FloatRows = Vec<(u32, Vec<(u16, f64)>)>;

/// Sums several sets of rows (a linear ensemble is one linear model).
pub fn sum_rows(sets: &[&FloatRows]) -> FloatRows {
    let mut all: std::collections::BTreeMap<u32, std::collections::BTreeMap<u16, f64>> =
        Default::default();
    for set in sets {
        for (k, row) in set.iter() {
            let r = all.entry(*k).or_default();
            for &(c, w) in row {
                *r.entry(c).or_default() += w;
            }
        }
    }
    all.into_iter()
        .map(|(k, r)| (k, r.into_iter().filter(|e| e.1 != 0.0).collect::<Vec<_>>()))
        .filter(|(_, r)| !r.is_empty())
        .collect()
}

impl LinearModel {
    /// Quantizes float rows; weights below `min_rel` of the largest magnitude are dropped.
    pub fn from_rows(n_classes: usize, rows: &FloatRows, min_rel: f32) -> LinearModel {
        let mut max_abs = 0f64;
        for (_, row) in rows {
            for e in row {
                max_abs = max_abs.max(e.1.abs());
            }
        }
        let scale = if max_abs > 0.0 {
            max_abs / 32000.0
        } else {
            1.0
        };
        let min_abs = max_abs * min_rel as f64;
        let mut keys = Vec::new();
        let mut lens = Vec::new();
        let mut classes = Vec::new();
        let mut weights = Vec::new();
        for (k, row) in rows {
            let q: Vec<(u16, i16)> = row
                .iter()
                .filter(|e| e.1.abs() >= min_abs)
                .map(|&(c, w)| (c, (w / scale).round() as i16))
                .filter(|e| e.1 != 0)
                .collect();
            if q.is_empty() {
                continue;
            }
            keys.push(*k);
            lens.push(q.len() as u8);
            for (c, w) in q {
                classes.push(c as u8);
                weights.push(w);
            }
        }
        LinearModel::from_parts(n_classes, scale as f32, keys, lens, classes, weights)
    }
}

/// A slot of the inline table of models with at most 4 classes: the key and all weights.
#[derive(Clone, Copy, Default)]
struct SmallSlot<T> {
    key: u32,
    w: [T; 4],
}

/// Stored weights are multiples of `1 << COMPACT_SHIFT` in models whose inline table holds
/// one-byte weights ([`LinearModel::coarsened`]); 8-byte slots instead of 12.
const COMPACT_SHIFT: u32 = 8;

/// The inline table of a model with at most 4 classes (`conv` maps stored weights to slot
/// weights), with `cap` home slots. Rows go in increasing key order to the first free slot at or
/// after their home slot, and the table grows at the end instead of wrapping around: the
/// filled slots are then in increasing key order, with no free slot between a key's home slot
/// and its slot, and free slots (key `u32::MAX`, zero weights) end every run, the last slot
/// included. A lookup ([`find_small`]) stops at the first key that is not smaller.
fn fill_small<T: Copy + Default + PartialEq>(
    cap: usize,
    keys: &[u32],
    lens: &[u8],
    classes: &[u8],
    weights: &[i16],
    conv: impl Fn(i16) -> T,
) -> Vec<SmallSlot<T>> {
    let free = SmallSlot {
        key: u32::MAX,
        w: [T::default(); 4],
    };
    let mut small = vec![free; cap + 1];
    let (starts, order) = row_order(keys, lens);
    let mut next = 0usize;
    for r in order {
        let k = keys[r];
        let i = home(k, cap).max(next);
        if i + 2 > small.len() {
            small.resize(i + 2, free);
        }
        let mut w = [T::default(); 4];
        for j in starts[r]..starts[r] + lens[r] as usize {
            w[classes[j] as usize] = conv(weights[j]);
        }
        small[i] = SmallSlot { key: k, w };
        next = i + 1;
    }
    small
}

/// An empty slot of the table of a model with more than 4 classes (sorts after every filled
/// slot whose key is smaller than `u32::MAX`; a filled slot never has all low 32 bits zero).
const FREE_SLOT: u64 = (u32::MAX as u64) << 32;

/// The first entry index of each row, and the rows in increasing key order (stable).
fn row_order(keys: &[u32], lens: &[u8]) -> (Vec<usize>, Vec<usize>) {
    let mut starts = Vec::with_capacity(keys.len());
    let mut start = 0usize;
    for &l in lens {
        starts.push(start);
        start += l as usize;
    }
    let mut order: Vec<usize> = (0..keys.len()).collect();
    if !keys.windows(2).all(|p| p[0] < p[1]) {
        order.sort_by_key(|&r| keys[r]);
    }
    (starts, order)
}

/// The slot of an inline table ([`fill_small`], `cap` home slots) where the search for `f`
/// ends: `f`'s slot if the table has it, else a slot with another key.
#[inline]
fn find_small<T>(table: &[SmallSlot<T>], cap: usize, f: u32) -> &SmallSlot<T> {
    let mut i = home(f, cap);
    while table[i].key < f {
        i += 1;
    }
    &table[i]
}

/// Home slot of key `k` in a table of `cap` slots: order-preserving (sorted keys fill the table
/// sequentially, which makes loading fast).
#[inline]
fn home(k: u32, cap: usize) -> usize {
    ((k as u64 * cap as u64) >> 32) as usize
}

/// A fresh model identity (never 0).
fn next_model_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Number of entries of a [`SlotCache`] (a power of two; 8 bytes each, 1 MB; 2^13–2^16
/// entries were measured slower on the parser benchmark, 2^18 about the same).
const SLOT_CACHE_LEN: usize = 1 << 17;

/// A direct-mapped copy of the table slots of one model with one-byte inline weights
/// (`LinearModel::score_cached`), indexed by the low bits of the feature key: a feature seen
/// before costs one load and one comparison instead of a probe sequence of variable length in
/// the model's table, which for a feature the model does not have (most features of a pruned
/// model) runs to the next larger key. Each entry holds a feature key and that feature's exact
/// weights in the model (all zero for a feature the model does not have), so scores do not
/// depend on what is cached. One per thread (in the parser's scratch), kept across sentences.
#[derive(Default)]
pub struct SlotCache {
    /// [`LinearModel`] identity whose slots are held (0 = none yet).
    model: u64,
    slots: Vec<SmallSlot<i8>>,
}

/// Compact inference model (see module docs).
#[derive(Clone)]
pub struct LinearModel {
    /// Identity of the tables (unique per construction; a clone has the same tables), so that a
    /// [`SlotCache`] knows whose slots it holds.
    id: u64,
    n_classes: usize,
    scale: f32,
    /// Open-addressing table: `key << 32 | start << 7 | len`; [`FREE_SLOT`] = empty.
    slots: Vec<u64>,
    /// Packed entries: low 16 bits class, high 16 bits weight.
    entries: Vec<u32>,
    /// Dense rows (blocks of `n_classes` weights; block 0 unused) for features with many classes.
    dense: Vec<i16>,
    /// For models with at most 4 classes: open-addressing table holding the key and all weights
    /// inline (one memory access per feature); all-zero weights = empty slot.
    small: Vec<SmallSlot<i16>>,
    /// The same with one-byte weights (stored weight `>> COMPACT_SHIFT`), when all stored
    /// weights are multiples of `1 << COMPACT_SHIFT` that fit (`small` is then empty).
    small8: Vec<SmallSlot<i8>>,
    /// Number of home slots of the table in use (`slots`, `small` or `small8`; the tables have a
    /// few more slots at the end).
    cap: usize,
    // Serialized form.
    keys: Vec<u32>,
    lens: Vec<u8>,
    classes: Vec<u8>,
    weights: Vec<i16>,
}

impl LinearModel {
    fn from_parts(
        n_classes: usize,
        scale: f32,
        keys: Vec<u32>,
        lens: Vec<u8>,
        classes: Vec<u8>,
        weights: Vec<i16>,
    ) -> Self {
        if n_classes <= 4 {
            let cap = keys.len() + keys.len() / 3 + 16;
            let compact = weights.iter().all(|&w| {
                w % (1 << COMPACT_SHIFT) == 0
                    && (w >> COMPACT_SHIFT) as i8 as i16 == w >> COMPACT_SHIFT
            });
            let (small, small8) = if compact {
                let conv = |w: i16| (w >> COMPACT_SHIFT) as i8;
                (
                    Vec::new(),
                    fill_small(cap, &keys, &lens, &classes, &weights, conv),
                )
            } else {
                (
                    fill_small(cap, &keys, &lens, &classes, &weights, |w| w),
                    Vec::new(),
                )
            };
            return LinearModel {
                id: next_model_id(),
                n_classes,
                scale,
                slots: Vec::new(),
                entries: Vec::new(),
                dense: Vec::new(),
                small,
                small8,
                cap,
                keys,
                lens,
                classes,
                weights,
            };
        }
        // Load factor 0.75 with order-preserving home slots; filled like the inline tables
        // (`fill_small`): increasing keys, no wrap-around, free slots end every run.
        let cap = keys.len() + keys.len() / 3 + 16;
        let mut slots = vec![FREE_SLOT; cap + 1];
        let entries: Vec<u32> = classes
            .iter()
            .zip(&weights)
            .map(|(&c, &w)| c as u32 | ((w as u16 as u32) << 16))
            .collect();
        let dense_min = if n_classes >= 16 {
            n_classes / 4
        } else {
            usize::MAX
        };
        let mut dense = vec![0i16; n_classes];
        let (starts, order) = row_order(&keys, &lens);
        let mut next = 0usize;
        for r in order {
            let (k, l, start) = (keys[r], lens[r], starts[r]);
            let i = home(k, cap).max(next);
            if i + 2 > slots.len() {
                slots.resize(i + 2, FREE_SLOT);
            }
            next = i + 1;
            if l as usize >= dense_min {
                let block = dense.len() / n_classes;
                dense.resize(dense.len() + n_classes, 0);
                for j in start..start + l as usize {
                    dense[block * n_classes + classes[j] as usize] = weights[j];
                }
                slots[i] = ((k as u64) << 32) | ((block as u64) << 7);
            } else {
                slots[i] = ((k as u64) << 32) | ((start as u64) << 7) | l as u64;
            }
        }
        LinearModel {
            id: next_model_id(),
            n_classes,
            scale,
            slots,
            entries,
            dense,
            small: Vec::new(),
            small8: Vec::new(),
            cap,
            keys,
            lens,
            classes,
            weights,
        }
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of stored features.
    pub fn n_features(&self) -> usize {
        self.keys.len()
    }

    #[inline]
    fn slot(&self, f: u32) -> u64 {
        let mut i = home(f, self.cap);
        while ((self.slots[i] >> 32) as u32) < f {
            i += 1;
        }
        let s = self.slots[i];
        if (s >> 32) as u32 == f && s != FREE_SLOT {
            s
        } else {
            0
        }
    }

    #[inline]
    fn score_small<T: Copy + Default + PartialEq + Into<i32>>(
        table: &[SmallSlot<T>],
        cap: usize,
        shift: u32,
        feats: &[u32],
        scores: &mut [i32],
    ) {
        let mut acc = [0i32; 4];
        // Branch-free first pass: issues all (independent) memory loads at once so that cache
        // misses overlap; the second pass then finds the slots in cache.
        let mut touch = 0u32;
        for &f in feats {
            touch ^= table[home(f, cap)].key;
        }
        std::hint::black_box(touch);
        for &f in feats {
            let s = find_small(table, cap, f);
            let hit = (s.key == f) as i32;
            for (a, &w) in acc.iter_mut().zip(&s.w) {
                *a += hit * w.into();
            }
        }
        for (sc, a) in scores.iter_mut().zip(acc) {
            *sc = a << shift;
        }
    }

    /// The inline slot of feature `f` in `small8` (key `f`, weights all zero when absent).
    #[inline]
    fn slot8(&self, f: u32) -> SmallSlot<i8> {
        let s = find_small(&self.small8, self.cap, f);
        SmallSlot {
            key: f,
            w: if s.key == f { s.w } else { [0; 4] },
        }
    }

    /// Like [`LinearModel::score`], through `cache` when the model keeps one-byte weights
    /// inline (same scores: cached slots are exact copies).
    #[inline]
    pub fn score_cached(&self, feats: &[u32], cache: &mut SlotCache, scores: &mut [i32]) {
        if self.small8.is_empty() {
            self.score(feats, scores);
            return;
        }
        if cache.model != self.id {
            // Every entry starts as a valid copy: the slot of feature 0.
            let s0 = self.slot8(0);
            cache.slots.clear();
            cache.slots.resize(SLOT_CACHE_LEN, s0);
            cache.model = self.id;
        }
        let mask = cache.slots.len() - 1;
        let mut acc = [0i32; 4];
        // Features not in the cache are looked up after a first pass that asks for all their
        // table slots, so that the misses overlap.
        let mut miss = [0u32; 16];
        let mut m = 0;
        for &f in feats {
            let e = cache.slots[f as usize & mask];
            if e.key == f {
                for (a, &w) in acc.iter_mut().zip(&e.w) {
                    *a += w as i32;
                }
                continue;
            }
            if m == miss.len() {
                self.fill_cache(&miss, cache, &mut acc);
                m = 0;
            }
            miss[m] = f;
            m += 1;
            self.prefetch_one(f);
        }
        self.fill_cache(&miss[..m], cache, &mut acc);
        for (sc, a) in scores[..self.n_classes].iter_mut().zip(acc) {
            *sc = a << COMPACT_SHIFT;
        }
    }

    /// Looks up `feats` in `small8`, adds their weights to `acc` and copies their slots into
    /// `cache`.
    #[inline]
    fn fill_cache(&self, feats: &[u32], cache: &mut SlotCache, acc: &mut [i32; 4]) {
        let mask = cache.slots.len() - 1;
        for &f in feats {
            let s = self.slot8(f);
            for (a, &w) in acc.iter_mut().zip(&s.w) {
                *a += w as i32;
            }
            cache.slots[f as usize & mask] = s;
        }
    }

    /// Asks the processor to fetch the `small8` home slot of `f`.
    #[inline]
    fn prefetch_one(&self, f: u32) {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
            let p = &self.small8[home(f, self.cap)] as *const SmallSlot<i8> as *const i8;
            // SAFETY: as in `prefetch`.
            unsafe { _mm_prefetch::<_MM_HINT_T0>(p) };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = f;
    }

    /// Like [`LinearModel::prefetch`], only for the features that `cache` does not hold.
    #[inline]
    pub fn prefetch_uncached(&self, feats: &[u32], cache: &SlotCache) {
        if cache.model != self.id {
            self.prefetch(feats);
            return;
        }
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
            let cap = self.cap;
            let mask = cache.slots.len() - 1;
            for &f in feats {
                if cache.slots[f as usize & mask].key != f {
                    let p = &self.small8[home(f, cap)] as *const SmallSlot<i8> as *const i8;
                    // SAFETY: as in `prefetch`.
                    unsafe { _mm_prefetch::<_MM_HINT_T0>(p) };
                }
            }
        }
    }

    /// Asks the processor to fetch the table slots of `feats` (no effect on results; lets the
    /// memory accesses of several feature vectors overlap before they are scored).
    #[inline]
    pub fn prefetch(&self, feats: &[u32]) {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
            let cap = self.cap;
            if !self.small.is_empty() {
                for &f in feats {
                    let p = &self.small[home(f, cap)] as *const SmallSlot<i16> as *const i8;
                    // SAFETY: SSE is part of the x86_64 baseline, and a prefetch is only a hint
                    // (it never faults; `p` points into the table anyway).
                    unsafe { _mm_prefetch::<_MM_HINT_T0>(p) };
                }
            } else if !self.small8.is_empty() {
                for &f in feats {
                    let p = &self.small8[home(f, cap)] as *const SmallSlot<i8> as *const i8;
                    // SAFETY: as above.
                    unsafe { _mm_prefetch::<_MM_HINT_T0>(p) };
                }
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = feats;
    }

    /// Integer scores of all classes for `feats` (written into `scores`).
    #[inline]
    pub fn score(&self, feats: &[u32], scores: &mut [i32]) {
        let n = self.n_classes;
        if !self.small.is_empty() {
            Self::score_small(&self.small, self.cap, 0, feats, &mut scores[..n]);
            return;
        }
        if !self.small8.is_empty() {
            Self::score_small(
                &self.small8,
                self.cap,
                COMPACT_SHIFT,
                feats,
                &mut scores[..n],
            );
            return;
        }
        for s in scores.iter_mut() {
            *s = 0;
        }
        let scores = &mut scores[..n];
        let cap = self.cap;
        let mut touch = 0u64;
        for &f in feats {
            touch ^= self.slots[home(f, cap)];
        }
        std::hint::black_box(touch);
        for &f in feats {
            let s = self.slot(f);
            if s == 0 {
                continue;
            }
            let start = ((s & 0xFFFF_FFFF) >> 7) as usize;
            let len = (s & 0x7F) as usize;
            if len == 0 {
                let row = &self.dense[start * n..start * n + n];
                for (sc, &w) in scores.iter_mut().zip(row) {
                    *sc += w as i32;
                }
            } else {
                for &e in &self.entries[start..start + len] {
                    scores[(e & 0xFFFF) as usize] += (e >> 16) as u16 as i16 as i32;
                }
            }
        }
    }

    /// The stored rows: per feature key (increasing), its `(class, weight)` pairs.
    pub fn rows(&self) -> impl Iterator<Item = (u32, Vec<(usize, i16)>)> + '_ {
        let mut start = 0usize;
        self.keys.iter().zip(&self.lens).map(move |(&k, &l)| {
            let row = (start..start + l as usize)
                .map(|j| (self.classes[j] as usize, self.weights[j]))
                .collect();
            start += l as usize;
            (k, row)
        })
    }

    /// A copy whose rows are rewritten by `row`, which gets a row's classes and weights and
    /// pushes the entries to keep; a row left empty is dropped.
    fn with_rows(
        &self,
        mut row: impl FnMut(&[u8], &[i16], &mut Vec<u8>, &mut Vec<i16>),
    ) -> LinearModel {
        let mut keys = Vec::new();
        let mut lens = Vec::new();
        let mut classes = Vec::new();
        let mut weights = Vec::new();
        let mut start = 0;
        for (&k, &l) in self.keys.iter().zip(&self.lens) {
            let r = start..start + l as usize;
            start += l as usize;
            let before = weights.len();
            row(
                &self.classes[r.clone()],
                &self.weights[r],
                &mut classes,
                &mut weights,
            );
            let kept = weights.len() - before;
            if kept > 0 {
                keys.push(k);
                lens.push(kept as u8);
            }
        }
        LinearModel::from_parts(self.n_classes, self.scale, keys, lens, classes, weights)
    }

    /// A copy without weights whose stored magnitude is below `min_q`.
    pub fn pruned(&self, min_q: i16) -> LinearModel {
        self.with_rows(|cs, ws, classes, weights| {
            for (&c, &w) in cs.iter().zip(ws) {
                if w.unsigned_abs() >= min_q.unsigned_abs() {
                    classes.push(c);
                    weights.push(w);
                }
            }
        })
    }

    /// A copy keeping only the rows (features) whose largest stored magnitude is at least
    /// `min_row`; a kept row keeps all its weights. (For a model with at most 4 classes each
    /// row takes one table slot whatever its length, so dropping whole rows of small weights
    /// shrinks the table without touching the weights of the features that stay.)
    pub fn pruned_rows(&self, min_row: i16) -> LinearModel {
        self.with_rows(|cs, ws, classes, weights| {
            let max = ws.iter().map(|w| w.unsigned_abs()).max().unwrap_or(0);
            if max >= min_row.unsigned_abs() {
                classes.extend_from_slice(cs);
                weights.extend_from_slice(ws);
            }
        })
    }

    /// A copy with every stored weight rounded to a multiple of `1 << COMPACT_SHIFT` (256;
    /// halves away from zero; weights that round to 0 are dropped). A model with at most 4
    /// classes whose weights are all such multiples keeps one byte per weight in its table
    /// (8-byte slots instead of 12) and scores exactly as its stored weights say.
    pub fn coarsened(&self) -> LinearModel {
        let half = 1i32 << (COMPACT_SHIFT - 1);
        self.with_rows(|cs, ws, classes, weights| {
            for (&c, &w) in cs.iter().zip(ws) {
                let w = w as i32;
                let q = if w >= 0 {
                    (w + half) >> COMPACT_SHIFT
                } else {
                    -((half - w) >> COMPACT_SHIFT)
                };
                let q = q.clamp(i8::MIN as i32 + 1, i8::MAX as i32);
                if q != 0 {
                    classes.push(c);
                    weights.push((q << COMPACT_SHIFT) as i16);
                }
            }
        })
    }

    /// Bytes of the in-memory lookup tables (slots, entries, dense rows).
    pub fn table_bytes(&self) -> usize {
        self.slots.len() * 8
            + self.entries.len() * 4
            + self.dense.len() * 2
            + self.small.len() * std::mem::size_of::<SmallSlot<i16>>()
            + self.small8.len() * std::mem::size_of::<SmallSlot<i8>>()
    }

    /// The weight scale (score units per stored unit).
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Serializes the model.
    pub fn write(&self, w: &mut Writer) {
        w.u32(self.n_classes as u32);
        w.f32(self.scale);
        w.u32(self.keys.len() as u32);
        w.u32(self.classes.len() as u32);
        w.u32s(&self.keys);
        w.bytes(&self.lens);
        w.bytes(&self.classes);
        w.i16s(&self.weights);
    }

    /// Deserializes a model.
    pub fn read(r: &mut Reader) -> Result<Self, NlpError> {
        let n_classes = r.u32()? as usize;
        let scale = r.f32()?;
        let n = r.u32()? as usize;
        let ne = r.u32()? as usize;
        let keys = r.u32s(n)?;
        let lens = r.bytes(n)?.to_vec();
        let classes = r.bytes(ne)?.to_vec();
        let weights = r.i16s(ne)?;
        if lens.iter().map(|&l| l as usize).sum::<usize>() != ne
            || lens.iter().any(|&l| l == 0 || l > 127)
            || classes.iter().any(|&c| c as usize >= n_classes)
            || ne >= 1 << 25
        {
            return Err(r.error("inconsistent linear model"));
        }
        Ok(Self::from_parts(
            n_classes, scale, keys, lens, classes, weights,
        ))
    }
}

/// Index of the highest score among allowed classes (ties: lowest index).
#[inline]
pub fn argmax_allowed(scores: &[i32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, &s) in scores.iter().enumerate() {
        if allowed(i) && best.is_none_or(|b| s > scores[b]) {
            best = Some(i);
        }
    }
    best
}

/// Index of the highest float score among allowed classes.
#[inline]
pub fn argmax_allowed_f(scores: &[f32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, &s) in scores.iter().enumerate() {
        if allowed(i) && best.is_none_or(|b| s > scores[b]) {
            best = Some(i);
        }
    }
    best
}

/// Deterministic xorshift PRNG for shuffles and exploration.
pub struct Rng(u64);

impl Rng {
    /// A generator with a fixed seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(K) | 1)
    }
    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    /// Uniform float in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Fisher-Yates shuffle.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summed_rows_score_like_the_sum_of_models() {
        let a: FloatRows = vec![(1, vec![(0, 1.0), (1, -1.0)]), (5, vec![(2, 2.0)])];
        let b: FloatRows = vec![(1, vec![(0, -1.0)]), (7, vec![(1, 4.0)])];
        let s = sum_rows(&[&a, &b]);
        assert_eq!(
            s,
            vec![
                (1, vec![(1, -1.0)]),
                (5, vec![(2, 2.0)]),
                (7, vec![(1, 4.0)])
            ]
        );
        let m = LinearModel::from_rows(3, &s, 0.0);
        let mut sc = vec![0i32; 3];
        m.score(&[1, 5, 7], &mut sc);
        assert!(sc[1] > sc[0] && sc[1] > sc[2]);
    }

    #[test]
    fn compressed_models_score_their_stored_weights() {
        // Four classes: after coarsening the table holds one-byte weights (8-byte slots).
        let rows: FloatRows = (0..2000u32)
            .map(|k| {
                let x = k.wrapping_mul(2_654_435_761);
                let row = (0..4u16)
                    .filter(|c| (x >> (8 + c)) & 1 == 1)
                    .map(|c| (c, ((x >> 12) % 4000) as f64 - 2000.0 + c as f64 * 7.3))
                    .collect();
                (x, row)
            })
            .filter(|(_, r): &(u32, Vec<(u16, f64)>)| !r.is_empty())
            .collect::<std::collections::BTreeMap<_, _>>()
            .into_iter()
            .collect();
        let m = LinearModel::from_rows(4, &rows, 0.0);
        let p = m.pruned_rows(8000);
        assert!(p.n_features() < m.n_features() && p.n_features() > 0);
        for (_, row) in p.rows() {
            assert!(row.iter().any(|e| e.1.unsigned_abs() >= 8000));
        }
        let c = p.coarsened();
        assert!(!c.small8.is_empty() && c.small.is_empty());
        assert_eq!(c.table_bytes(), c.small8.len() * 8);
        let stored: FxHashMap<u32, Vec<(usize, i16)>> = c.rows().collect();
        let mut sc = [0i32; 4];
        for (k, row) in p.rows() {
            let mut want = [0i32; 4];
            for &(cl, w) in stored.get(&k).map(Vec::as_slice).unwrap_or(&[]) {
                assert_eq!(w % 256, 0);
                want[cl] += w as i32;
            }
            for &(cl, w) in &row {
                // Rounded to the nearest multiple of 256.
                assert!((want[cl] - w as i32).abs() <= 128);
            }
            c.score(&[k], &mut sc);
            assert_eq!(sc, want);
        }
        let absent = (0..).find(|k| !stored.contains_key(k)).unwrap();
        c.score(&[absent], &mut sc);
        assert_eq!(sc, [0; 4]);
        // Through a slot cache: the same scores for stored, absent and colliding features
        // (keys that share the cache entry of a stored key), in any order and repeated.
        let mut cache = SlotCache::default();
        let mut queries: Vec<u32> = Vec::new();
        for &k in stored.keys() {
            queries.extend([k, k ^ (1 << 20), k ^ (1 << 31), k, k.wrapping_add(1)]);
        }
        let mut rng = Rng::new(5);
        rng.shuffle(&mut queries);
        let mut cached = [0i32; 4];
        for q in queries.chunks(37) {
            c.score(q, &mut sc);
            c.score_cached(q, &mut cache, &mut cached);
            assert_eq!(sc, cached);
        }
        for &k in stored.keys() {
            c.score(&[k, u32::MAX, 0], &mut sc);
            c.score_cached(&[k, u32::MAX, 0], &mut cache, &mut cached);
            assert_eq!(sc, cached);
        }
        // Round trip keeps the compact table.
        let mut w = Writer::new(*b"TEST");
        c.write(&mut w);
        let bytes = w.finish();
        let mut r = Reader::new(&bytes, *b"TEST", "test").unwrap();
        let c2 = LinearModel::read(&mut r).unwrap();
        assert_eq!(c2.small8.len(), c.small8.len());
    }

    #[test]
    fn trains_and_roundtrips() {
        let mut t = Trainer::new(3);
        let data = [(vec![1u32, 2], 0usize), (vec![1, 3], 1), (vec![4], 2)];
        let mut scores = vec![0f32; 3];
        for _ in 0..5 {
            for (f, y) in &data {
                t.score(f, &mut scores);
                let g = argmax_allowed_f(&scores, |_| true).unwrap();
                t.update(f, *y, g);
                t.tick();
            }
        }
        let m = t.averaged(0.0);
        let mut w = Writer::new(*b"TEST");
        m.write(&mut w);
        let bytes = w.finish();
        let mut r = Reader::new(&bytes, *b"TEST", "test").unwrap();
        let m2 = LinearModel::read(&mut r).unwrap();
        let mut s = vec![0i32; 3];
        for (f, y) in &data {
            m2.score(f, &mut s);
            assert_eq!(argmax_allowed(&s, |_| true), Some(*y));
        }
    }
}
