//! CoNLL 2018-style evaluation on a CoNLL-U file: with gold tokens (UPOS, XPOS, lemma, UAS, LAS)
//! or from raw text (tokens F1, sentences F1, aligned scores).

use std::fmt;
use std::path::Path;

use super::conllu::{self, Sentence};
use super::{NlpError, NlpModels};

/// Scores in percent. Raw-only fields are `None` in gold-token mode.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct UdScores {
    /// UPOS accuracy (F1 over aligned words in raw mode).
    pub upos: f64,
    /// XPOS accuracy.
    pub xpos: f64,
    /// Lemma accuracy.
    pub lemma: f64,
    /// Unlabelled attachment score.
    pub uas: f64,
    /// Labelled attachment score (base relations).
    pub las: f64,
    /// Word-token F1 (raw mode).
    pub tokens_f1: Option<f64>,
    /// Sentence-boundary F1 (raw mode).
    pub sentences_f1: Option<f64>,
    /// Number of gold words.
    pub words: usize,
    /// Number of gold sentences.
    pub sentences: usize,
}

impl fmt::Display for UdScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "metric        score")?;
        if let Some(t) = self.tokens_f1 {
            writeln!(f, "tokens F1     {t:6.2}")?;
        }
        if let Some(s) = self.sentences_f1 {
            writeln!(f, "sentences F1  {s:6.2}")?;
        }
        writeln!(f, "UPOS          {:6.2}", self.upos)?;
        writeln!(f, "XPOS          {:6.2}", self.xpos)?;
        writeln!(f, "lemma         {:6.2}", self.lemma)?;
        writeln!(f, "UAS           {:6.2}", self.uas)?;
        writeln!(f, "LAS           {:6.2}", self.las)?;
        write!(f, "({} words, {} sentences)", self.words, self.sentences)
    }
}

fn base(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 * 100.0 / b as f64
    }
}

/// Evaluates the embedded models on `path` (see module docs).
pub fn eval_ud(path: &Path, raw: bool) -> Result<UdScores, NlpError> {
    eval_ud_with(NlpModels::embedded()?, path, raw)
}

/// Evaluates `models` on `path`.
pub fn eval_ud_with(models: &NlpModels, path: &Path, raw: bool) -> Result<UdScores, NlpError> {
    let sents = conllu::read_file(path)?;
    if raw {
        Ok(eval_raw(models, &sents))
    } else {
        Ok(eval_gold(models, &sents))
    }
}

/// Scores with gold tokenization.
pub fn eval_gold(models: &NlpModels, sents: &[Sentence]) -> UdScores {
    let (mut n, mut up, mut xp, mut lm, mut ua, mut la) = (0, 0, 0, 0, 0, 0);
    for s in sents {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let an = models.annotate(&words);
        for (g, p) in s.words.iter().zip(&an) {
            n += 1;
            up += (g.upos == p.upos) as usize;
            xp += (g.xpos == p.xpos) as usize;
            lm += (g.lemma == p.lemma) as usize;
            if g.head == p.head {
                ua += 1;
                la += (base(&g.deprel) == base(&p.deprel)) as usize;
            }
        }
    }
    UdScores {
        upos: pct(up, n),
        xpos: pct(xp, n),
        lemma: pct(lm, n),
        uas: pct(ua, n),
        las: pct(la, n),
        tokens_f1: None,
        sentences_f1: None,
        words: n,
        sentences: sents.len(),
    }
}

/// Rebuilds the raw text of a treebank: sentences joined by a space, paragraphs by a blank line.
/// Returns the text and, per sentence, the byte span of each word (words of a multiword token
/// share its span unless their forms spell it out).
pub fn reconstruct(sents: &[Sentence]) -> (String, Vec<Vec<(usize, usize)>>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(sents.len());
    for (si, s) in sents.iter().enumerate() {
        if si > 0 {
            text.push_str(if s.new_par { "\n\n" } else { " " });
        }
        let start = text.len();
        let surface = s.surface();
        text.push_str(&surface);
        // Align tokens to the surface.
        let mut pos = 0usize;
        let mut ws = Vec::with_capacity(s.words.len());
        let mut i = 0;
        let skip_ws = |pos: &mut usize| {
            while let Some(c) = surface[*pos..].chars().next() {
                if c.is_whitespace() {
                    *pos += c.len_utf8();
                } else {
                    break;
                }
            }
        };
        while i < s.words.len() {
            skip_ws(&mut pos);
            let mw = s.multiwords.iter().find(|m| m.first == i + 1);
            let (form, count) = match mw {
                Some(m) => (m.form.as_str(), m.last + 1 - m.first),
                None => (s.words[i].form.as_str(), 1),
            };
            let found = surface[pos..].starts_with(form);
            let tstart = pos;
            let tend = if found { pos + form.len() } else { pos };
            if count > 1 {
                let parts: String = s.words[i..i + count]
                    .iter()
                    .map(|w| w.form.as_str())
                    .collect();
                if parts == form {
                    let mut p = tstart;
                    for w in &s.words[i..i + count] {
                        ws.push((start + p, start + p + w.form.len()));
                        p += w.form.len();
                    }
                } else {
                    for _ in 0..count {
                        ws.push((start + tstart, start + tend));
                    }
                }
            } else {
                ws.push((start + tstart, start + tend));
            }
            pos = tend;
            i += count;
        }
        spans.push(ws);
    }
    (text, spans)
}

/// Scores starting from raw text: sentence splitting, tokenization, then the models.
pub fn eval_raw(models: &NlpModels, sents: &[Sentence]) -> UdScores {
    let (text, gold_spans) = reconstruct(sents);
    // Gold words keyed by span (first occurrence wins for shared multiword spans).
    let mut gold: std::collections::HashMap<(usize, usize), (usize, usize)> = Default::default();
    let mut gold_sents = std::collections::HashSet::new();
    let mut n_gold = 0;
    for (si, ws) in gold_spans.iter().enumerate() {
        for (wi, sp) in ws.iter().enumerate() {
            gold.entry(*sp).or_insert((si, wi));
            n_gold += 1;
        }
        if let (Some(a), Some(b)) = (ws.first(), ws.last()) {
            gold_sents.insert((a.0, b.1));
        }
    }
    let (mut n_pred, mut n_pred_sents, mut sent_ok) = (0usize, 0usize, 0usize);
    let (mut tok_ok, mut up, mut xp, mut lm, mut ua, mut la) = (0, 0, 0, 0, 0, 0);
    for ss in models.split_sentences(&text) {
        let toks = super::tokenize(&text[ss.start..ss.end]);
        if toks.is_empty() {
            continue;
        }
        let spans: Vec<(usize, usize)> = toks
            .iter()
            .map(|t| (ss.start + t.start, ss.start + t.end))
            .collect();
        n_pred_sents += 1;
        if gold_sents.contains(&(spans[0].0, spans[spans.len() - 1].1)) {
            sent_ok += 1;
        }
        let words: Vec<&str> = spans.iter().map(|&(a, b)| &text[a..b]).collect();
        let an = models.annotate(&words);
        n_pred += words.len();
        for (i, p) in an.iter().enumerate() {
            let Some(&(gs, gw)) = gold.get(&spans[i]) else {
                continue;
            };
            tok_ok += 1;
            let g = &sents[gs].words[gw];
            up += (g.upos == p.upos) as usize;
            xp += (g.xpos == p.xpos) as usize;
            lm += (g.lemma == p.lemma) as usize;
            let pred_head_span = if p.head == 0 {
                None
            } else {
                Some(spans[p.head - 1])
            };
            let gold_head_span = if g.head == 0 {
                None
            } else {
                Some(gold_spans[gs][g.head - 1])
            };
            if pred_head_span == gold_head_span {
                ua += 1;
                la += (base(&g.deprel) == base(&p.deprel)) as usize;
            }
        }
    }
    let f1 = |ok: usize| {
        if n_gold + n_pred == 0 {
            0.0
        } else {
            200.0 * ok as f64 / (n_gold + n_pred) as f64
        }
    };
    let sf1 = if gold_sents.len() + n_pred_sents == 0 {
        0.0
    } else {
        200.0 * sent_ok as f64 / (gold_sents.len() + n_pred_sents) as f64
    };
    UdScores {
        upos: f1(up),
        xpos: f1(xp),
        lemma: f1(lm),
        uas: f1(ua),
        las: f1(la),
        tokens_f1: Some(f1(tok_ok)),
        sentences_f1: Some(sf1),
        words: n_gold,
        sentences: sents.len(),
    }
}
