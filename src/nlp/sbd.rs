//! Learned sentence-boundary detector for raw text (web text often lacks final punctuation).
//!
//! Blank lines always end a sentence. Inside a paragraph, the text is tokenized with
//! [`super::tokenize`] and a binary averaged perceptron decides after each token whether a sentence
//! ends there, from the surrounding words, shapes, punctuation and line breaks. Trained on the
//! sentence boundaries of the UD training treebanks (raw text rebuilt from `# text`).

use super::NlpError;
use super::binio::{Reader, Writer};
use super::conllu::Sentence;
use super::linear::{LinearModel, Rng, Trainer, argmax_allowed_f, fhash};
use super::tagger::WordFeats;
use crate::text::Span;

/// The boundary model.
pub struct SentenceSplitter {
    model: LinearModel,
}

/// Paragraph spans of `text` (split at blank lines), trimmed.
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    let push = |s: usize, e: usize, out: &mut Vec<Span>| {
        let sl = &text[s..e];
        let a = s + (sl.len() - sl.trim_start().len());
        let b = e - (sl.len() - sl.trim_end().len());
        if a < b {
            out.push(Span::new(a, b));
        }
    };
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            let mut j = i + 1;
            while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t' || bytes[j] == b'\r') {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == b'\n' {
                push(start, i, &mut out);
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    push(start, text.len(), &mut out);
    out
}

struct Tok {
    wf: WordFeats,
    first: char,
    last: char,
    len: usize,
    /// White space after the token contains a newline / is absent.
    nl_after: bool,
    space_after: bool,
}

fn toks(text: &str, spans: &[Span], buf: &mut Vec<char>) -> Vec<Tok> {
    spans
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let w = &text[s.start..s.end];
            let gap_end = spans.get(i + 1).map_or(text.len(), |n| n.start);
            let gap = &text[s.end..gap_end];
            Tok {
                wf: WordFeats::new(w, buf),
                first: w.chars().next().unwrap_or(' '),
                last: w.chars().next_back().unwrap_or(' '),
                len: w.chars().count().min(6),
                nl_after: gap.contains('\n'),
                space_after: !gap.is_empty(),
            }
        })
        .collect()
}

fn class_of(c: char) -> u64 {
    if c.is_uppercase() {
        1
    } else if c.is_lowercase() {
        2
    } else if c.is_numeric() {
        3
    } else if matches!(c, '.' | '!' | '?' | '…') {
        4
    } else if matches!(c, '"' | '\'' | '”' | '’' | ')' | ']') {
        5
    } else if matches!(c, '“' | '‘' | '(' | '[') {
        6
    } else {
        7 + (c as u64 % 64)
    }
}

fn features(t: &[Tok], i: usize, out: &mut Vec<u32>) {
    out.clear();
    const NONE: u64 = 0xdead;
    let g = |j: isize| -> Option<&Tok> { if j < 0 { None } else { t.get(j as usize) } };
    let ii = i as isize;
    let w = |j: isize| g(j).map_or(NONE, |x| x.wf.lower);
    let sh = |j: isize| g(j).map_or(NONE, |x| x.wf.shape);
    let fc = |j: isize| g(j).map_or(NONE, |x| class_of(x.first));
    let lc = |j: isize| g(j).map_or(NONE, |x| class_of(x.last));
    let cur = &t[i];
    let nl = cur.nl_after as u64;
    let sp = cur.space_after as u64;
    let mut k = 900u32;
    let mut f = |v: &[u64]| {
        out.push(fhash(k, v));
        k += 1;
    };
    f(&[]);
    f(&[w(ii)]);
    f(&[w(ii + 1)]);
    f(&[w(ii - 1)]);
    f(&[w(ii), w(ii + 1)]);
    f(&[sh(ii)]);
    f(&[sh(ii + 1)]);
    f(&[sh(ii), sh(ii + 1)]);
    f(&[lc(ii), fc(ii + 1)]);
    f(&[lc(ii), fc(ii + 1), nl, sp]);
    f(&[nl]);
    f(&[nl, fc(ii + 1)]);
    f(&[w(ii), fc(ii + 1)]);
    f(&[w(ii - 1), w(ii)]);
    f(&[w(ii), sh(ii + 1)]);
    f(&[sh(ii), w(ii + 1)]);
    f(&[w(ii + 1), w(ii + 2)]);
    f(&[lc(ii), sh(ii - 1), fc(ii + 1)]);
    f(&[cur.len as u64, lc(ii), fc(ii + 1)]);
    f(&[w(ii - 1), lc(ii), fc(ii + 1)]);
    f(&[fc(ii + 1), fc(ii + 2), lc(ii)]);
    f(&[cur.wf.suf[1], fc(ii + 1)]);
    f(&[(i + 1 == t.len()) as u64]);
}

/// Sentence spans of gold-segmented treebank text built by [`super::eval::reconstruct`].
fn training_data(sents: &[Sentence]) -> (String, std::collections::HashSet<usize>) {
    let (text, spans) = super::eval::reconstruct(sents);
    let ends = spans.iter().filter_map(|s| s.last().map(|x| x.1)).collect();
    (text, ends)
}

impl SentenceSplitter {
    /// Splits `text` into sentence spans (byte ranges, trimmed).
    pub fn split(&self, text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut buf = Vec::new();
        let mut feats = Vec::with_capacity(32);
        let mut scores = [0i32; 2];
        for p in paragraphs(text) {
            let ptext = &text[p.start..p.end];
            let spans = super::tokenize(ptext);
            if spans.is_empty() {
                continue;
            }
            let t = toks(ptext, &spans, &mut buf);
            let mut start = spans[0].start;
            for i in 0..t.len() {
                let end_here = if i + 1 == t.len() {
                    true
                } else {
                    features(&t, i, &mut feats);
                    self.model.score(&feats, &mut scores);
                    scores[1] > scores[0]
                };
                if end_here {
                    out.push(Span::new(p.start + start, p.start + spans[i].end));
                    if let Some(n) = spans.get(i + 1) {
                        start = n.start;
                    }
                }
            }
        }
        out
    }

    /// Trains the detector on treebank sentences.
    pub fn train(sents: &[Sentence], epochs: usize, seed: u64) -> SentenceSplitter {
        let (text, ends) = training_data(sents);
        let mut buf = Vec::new();
        let mut data: Vec<(Vec<Tok>, Vec<bool>)> = Vec::new();
        for p in paragraphs(&text) {
            let ptext = &text[p.start..p.end];
            let spans = super::tokenize(ptext);
            if spans.len() < 2 {
                continue;
            }
            let gold = spans
                .iter()
                .map(|s| ends.contains(&(p.start + s.end)))
                .collect();
            data.push((toks(ptext, &spans, &mut buf), gold));
        }
        let mut tr = Trainer::new(2);
        let mut rng = Rng::new(seed);
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut feats = Vec::new();
        let mut scores = [0f32; 2];
        for _ in 0..epochs {
            rng.shuffle(&mut order);
            for &d in &order {
                let (t, gold) = &data[d];
                for (i, &gi) in gold.iter().enumerate().take(t.len() - 1) {
                    features(t, i, &mut feats);
                    tr.score(&feats, &mut scores);
                    let g = argmax_allowed_f(&scores, |_| true).unwrap_or(0);
                    tr.update(&feats, gi as usize, g);
                    tr.tick();
                }
            }
        }
        SentenceSplitter {
            model: tr.averaged(0.0),
        }
    }

    /// Serializes the detector.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new(*b"NGSB");
        self.model.write(&mut w);
        w.finish()
    }

    /// Deserializes a detector.
    pub fn from_bytes(b: &[u8]) -> Result<SentenceSplitter, NlpError> {
        let mut r = Reader::new(b, *b"NGSB", "sentence splitter")?;
        let model = LinearModel::read(&mut r)?;
        if model.n_classes() != 2 || !r.at_end() {
            return Err(r.error("inconsistent sentence model"));
        }
        Ok(SentenceSplitter { model })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_at_blank_lines() {
        let t = "a b.\n\n  c d\nstill c\n\n\n";
        let p = paragraphs(t);
        assert_eq!(p.len(), 2);
        assert_eq!(&t[p[1].start..p[1].end], "c d\nstill c");
    }
}
