//! Training of all NLP models from UD English EWT + GUM (deterministic).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use super::NlpError;
use super::conllu::{self, Sentence};
use super::lemma::Lemmatizer;
use super::parser::{ParseExample, ParseTrainOpts, Parser};
use super::sbd::SentenceSplitter;
use super::tagger::{TagTrainOpts, Tagger, WordFeats};

/// Training options.
#[derive(Debug, Clone)]
pub struct TrainOpts {
    /// Maximum tagger epochs (best on dev is kept).
    pub tagger_epochs: usize,
    /// Maximum parser epochs (best on dev is kept).
    pub parser_epochs: usize,
    /// Epochs of the tagger's second pass (0 = none).
    pub second_pass_epochs: usize,
    /// Number of parsers trained (in parallel) and summed into one linear ensemble.
    pub parsers: usize,
    /// Jackknife folds for the parser's training tags.
    pub folds: usize,
    /// Seed of all shuffles.
    pub seed: u64,
    /// Parser averaged weights below this fraction of the largest are dropped.
    pub parser_min_rel: f32,
    /// Beam width of the parser's global training (1 = local greedy training).
    pub parser_beam: usize,
    /// Post-hoc compression of the trained parser (see [`Parser::compressed`]): row thresholds
    /// of the transition and label models (`None` = keep the model as trained).
    pub parser_compress: Option<(i16, i16)>,
    /// Development shortcut: a file holding the parser's jackknifed training tags and the dev
    /// tags. When it exists, only the parser is trained (only `parser.bin` is written); when it
    /// does not, full training writes it.
    pub tags_cache: Option<PathBuf>,
    /// How many times each GUM sentence is presented to the parser per epoch (1 = once, like
    /// the EWT sentences).
    pub gum_copies: usize,
    /// After the epoch count is chosen on dev, retrain the parser on train + dev (dev with the
    /// tags of the tagger trained on train) for that many epochs, same seeds.
    pub parser_refit: bool,
    /// Skip the selection on dev: train the parsers on train + dev for exactly this many epochs
    /// (one count per parser seed; a single count applies to all).
    pub parser_fixed_epochs: Option<Vec<usize>>,
    /// Early stopping of the parser's selection run: stop this many epochs after the best dev
    /// epoch (0 = train all `parser_epochs`).
    pub parser_patience: usize,
    /// Beam width of the parser's dev scoring (epoch selection and the reported dev scores;
    /// 0 = the training beam `parser_beam`).
    pub parser_dev_beam: usize,
}

impl Default for TrainOpts {
    fn default() -> Self {
        TrainOpts {
            tagger_epochs: 15,
            parser_epochs: 12,
            second_pass_epochs: 0,
            parsers: 2,
            folds: 4,
            seed: 20_240_611,
            parser_min_rel: 0.01875,
            parser_beam: 4,
            parser_compress: Some((1200, 2000)),
            tags_cache: None,
            gum_copies: 1,
            parser_refit: false,
            parser_fixed_epochs: None,
            parser_patience: 0,
            parser_dev_beam: 0,
        }
    }
}

/// What training did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TrainReport {
    /// Tagger epoch kept.
    pub tagger_epoch: usize,
    /// Parser epoch kept.
    pub parser_epoch: usize,
    /// Parser dev LAS (predicted tags, %).
    pub parser_dev_las: f64,
    /// Training wall time in seconds.
    pub seconds: f64,
    /// Written files and their sizes in bytes.
    pub files: Vec<(String, u64)>,
}

/// The CoNLL-U files of the UD data directory: (EWT, GUM) for `split`.
pub fn ud_files(data_dir: &Path, split: &str) -> [PathBuf; 2] {
    [
        data_dir.join(format!("ud-english-ewt/en_ewt-ud-{split}.conllu")),
        data_dir.join(format!("ud-english-gum/en_gum-ud-{split}.conllu")),
    ]
}

/// The sentences of `split` (EWT, then GUM) and the number of EWT sentences.
fn read_split(data_dir: &Path, split: &str) -> Result<(Vec<Sentence>, usize), NlpError> {
    let mut out = Vec::new();
    let mut n_ewt = 0;
    for (i, p) in ud_files(data_dir, split).into_iter().enumerate() {
        if !p.exists() {
            return Err(NlpError::Data {
                path: p.display().to_string(),
                message: "missing".into(),
            });
        }
        out.extend(conllu::read_file(&p)?);
        if i == 0 {
            n_ewt = out.len();
        }
    }
    Ok((out, n_ewt))
}

type TagData = Vec<(Vec<String>, Vec<u16>)>;

fn tag_data(sents: &[Sentence], classes: &[(String, String)]) -> TagData {
    sents
        .iter()
        .map(|s| {
            let forms = s.words.iter().map(|w| w.form.clone()).collect();
            let gold = s
                .words
                .iter()
                .map(|w| {
                    classes
                        .binary_search_by(|c| (c.0.as_str(), c.1.as_str()).cmp(&(&w.upos, &w.xpos)))
                        .map(|i| i as u16)
                        .unwrap_or(u16::MAX)
                })
                .collect();
            (forms, gold)
        })
        .collect()
}

fn parse_examples(sents: &[Sentence], tags: &[Vec<u16>], labels: &[String]) -> Vec<ParseExample> {
    let mut buf = Vec::new();
    sents
        .iter()
        .zip(tags)
        .map(|(s, t)| ParseExample {
            words: s
                .words
                .iter()
                .map(|w| WordFeats::new(&w.form, &mut buf))
                .collect(),
            tags: t.clone(),
            heads: s.words.iter().map(|w| w.head).collect(),
            labels: s
                .words
                .iter()
                .map(|w| {
                    labels
                        .binary_search(&w.deprel)
                        .map(|i| i as u16)
                        .unwrap_or(0)
                })
                .collect(),
        })
        .collect()
}

fn tag_all(t: &Tagger, data: &TagData) -> Vec<Vec<u16>> {
    let mut buf = Vec::new();
    let mut f = Vec::new();
    let mut s = Vec::new();
    data.iter()
        .map(|(forms, _)| {
            let ws: Vec<WordFeats> = forms.iter().map(|w| WordFeats::new(w, &mut buf)).collect();
            t.tag(&ws, &mut f, &mut s)
        })
        .collect()
}

/// Trains tagger, lemmatizer and parser from `data_dir` (holding `ud-english-ewt/` and
/// `ud-english-gum/`) and writes the model files into `out_dir`.
pub fn train_all(
    data_dir: &Path,
    out_dir: &Path,
    opts: &TrainOpts,
) -> Result<TrainReport, NlpError> {
    let t0 = Instant::now();
    let (train, train_ewt) = read_split(data_dir, "train")?;
    let (dev, dev_ewt) = read_split(data_dir, "dev")?;
    let classes: Vec<(String, String)> = train
        .iter()
        .flat_map(|s| s.words.iter().map(|w| (w.upos.clone(), w.xpos.clone())))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if classes.len() > 255 {
        return Err(NlpError::Data {
            path: data_dir.display().to_string(),
            message: "too many tag classes".into(),
        });
    }
    let labels: Vec<String> = train
        .iter()
        .flat_map(|s| s.words.iter().map(|w| w.deprel.clone()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let tr = tag_data(&train, &classes);
    let dv = tag_data(&dev, &classes);
    eprintln!(
        "training on {} sentences ({} classes, {} labels)",
        train.len(),
        classes.len(),
        labels.len()
    );
    if let Some(cache) = opts.tags_cache.as_ref().filter(|c| c.exists()) {
        let bytes = std::fs::read(cache).map_err(|e| NlpError::Io {
            path: cache.display().to_string(),
            source: e,
        })?;
        let v: (Vec<Vec<u16>>, Vec<Vec<u16>>) =
            serde_json::from_slice(&bytes).map_err(|e| NlpError::Data {
                path: cache.display().to_string(),
                message: e.to_string(),
            })?;
        let (train_tags, dev_tags) = v;
        let (parser, pepoch, las) = train_parsers(
            (&train, train_ewt),
            &train_tags,
            (&dev, dev_ewt),
            &dev_tags,
            &classes,
            &labels,
            opts,
        );
        return write_models(
            out_dir,
            vec![("parser.bin", parser.to_bytes())],
            0,
            pepoch,
            las,
            t0,
        );
    }
    let (mut tagger, tepoch) = Tagger::train(
        classes.clone(),
        &tr,
        Some(&dv),
        &TagTrainOpts {
            epochs: opts.tagger_epochs,
            seed: opts.seed,
        },
    );
    eprintln!(
        "tagger: best epoch {tepoch} ({:.1}s)",
        t0.elapsed().as_secs_f64()
    );
    // Jackknifed tags for the parser's training data.
    let k = opts.folds.max(2);
    let fold_tags: Vec<Vec<(usize, Vec<u16>)>> = (0..k)
        .into_par_iter()
        .map(|f| {
            let rest: TagData = tr
                .iter()
                .enumerate()
                .filter(|(i, _)| i % k != f)
                .map(|(_, x)| x.clone())
                .collect();
            let held: Vec<usize> = (0..tr.len()).filter(|i| i % k == f).collect();
            let (t, _) = Tagger::train(
                classes.clone(),
                &rest,
                None,
                &TagTrainOpts {
                    epochs: tepoch,
                    seed: opts.seed + 1 + f as u64,
                },
            );
            let held_data: TagData = held.iter().map(|&i| tr[i].clone()).collect();
            held.into_iter().zip(tag_all(&t, &held_data)).collect()
        })
        .collect();
    let mut train_tags = vec![Vec::new(); tr.len()];
    for fold in fold_tags {
        for (i, t) in fold {
            train_tags[i] = t;
        }
    }
    let jk_acc = {
        let (mut ok, mut n) = (0usize, 0usize);
        for (t, (_, g)) in train_tags.iter().zip(&tr) {
            ok += t.iter().zip(g).filter(|(a, b)| a == b).count();
            n += g.len();
        }
        ok as f64 / n.max(1) as f64 * 100.0
    };
    eprintln!(
        "jackknife tag accuracy {jk_acc:.2} ({:.1}s)",
        t0.elapsed().as_secs_f64()
    );
    if opts.second_pass_epochs > 0 {
        let e2 = tagger.train_second(
            &tr,
            &train_tags,
            &dv,
            &TagTrainOpts {
                epochs: opts.second_pass_epochs,
                seed: opts.seed,
            },
        );
        eprintln!(
            "tagger pass 2: best epoch {e2} ({:.1}s)",
            t0.elapsed().as_secs_f64()
        );
    }
    let dev_tags = tag_all(&tagger, &dv);
    let lemmatizer = Lemmatizer::train(train.iter().flat_map(|s| {
        s.words
            .iter()
            .map(|w| (w.form.as_str(), w.xpos.as_str(), w.lemma.as_str()))
    }));
    let splitter = SentenceSplitter::train(&train, 5, opts.seed);
    eprintln!(
        "sentence splitter trained ({:.1}s)",
        t0.elapsed().as_secs_f64()
    );
    if let Some(cache) = &opts.tags_cache {
        let bytes = serde_json::to_vec(&(&train_tags, &dev_tags)).expect("tags serialize");
        std::fs::write(cache, bytes).map_err(|e| NlpError::Io {
            path: cache.display().to_string(),
            source: e,
        })?;
    }
    let (parser, pepoch, las) = train_parsers(
        (&train, train_ewt),
        &train_tags,
        (&dev, dev_ewt),
        &dev_tags,
        &classes,
        &labels,
        opts,
    );
    write_models(
        out_dir,
        vec![
            ("sentences.bin", splitter.to_bytes()),
            ("tagger.bin", tagger.to_bytes()),
            ("lemmatizer.bin", lemmatizer.to_bytes()),
            ("parser.bin", parser.to_bytes()),
        ],
        tepoch,
        pepoch,
        las,
        t0,
    )
}

/// The parser's per-epoch presentation list over `n` examples whose GUM sentences are the index
/// ranges `gum`: every example once, the GUM ones `copies` times (empty = every example once).
fn presentation(n: usize, gum: &[std::ops::Range<usize>], copies: usize) -> Vec<usize> {
    if copies <= 1 {
        return Vec::new();
    }
    let mut order: Vec<usize> = (0..n).collect();
    for _ in 1..copies {
        for r in gum {
            order.extend(r.clone());
        }
    }
    order
}

/// Trains the parser ensemble on tagged data: (parser, epoch count, dev LAS). `train` and `dev`
/// hold EWT sentences first, then GUM ones (the `usize` is the number of EWT sentences).
fn train_parsers(
    (train, train_ewt): (&[Sentence], usize),
    train_tags: &[Vec<u16>],
    (dev, dev_ewt): (&[Sentence], usize),
    dev_tags: &[Vec<u16>],
    classes: &[(String, String)],
    labels: &[String],
    opts: &TrainOpts,
) -> (Parser, usize, f64) {
    let t0 = Instant::now();
    let ptrain = parse_examples(train, train_tags, labels);
    let pdev = parse_examples(dev, dev_tags, labels);
    let upos: Vec<&str> = classes
        .iter()
        .map(|c| c.0.as_str())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let coarse: Vec<u8> = classes
        .iter()
        .map(|c| upos.binary_search(&c.0.as_str()).unwrap_or(0) as u8)
        .collect();
    let popts =
        |seed: u64, epochs: usize, presentation: Vec<usize>, select_on_dev: bool| ParseTrainOpts {
            epochs,
            seed,
            explore_from: 2,
            explore_p: 0.9,
            min_rel: opts.parser_min_rel,
            beam: opts.parser_beam,
            presentation,
            select_on_dev,
            patience: opts.parser_patience,
            dev_beam: opts.parser_dev_beam,
        };
    let dev_beam = if opts.parser_dev_beam == 0 {
        opts.parser_beam
    } else {
        opts.parser_dev_beam
    };
    let n = opts.parsers.max(1);
    let seed = |i: usize| opts.seed + 1000 * i as u64;
    // The n parsers of the ensemble, trained in parallel on `data` for `epochs[i]` epochs each.
    let train_parts =
        |data: &[ParseExample], epochs: &[usize], pres: &Vec<usize>, select_on_dev: bool| {
            (0..n)
                .into_par_iter()
                .map(|i| {
                    Parser::train(
                        labels.to_vec(),
                        coarse.clone(),
                        data,
                        &pdev,
                        &popts(seed(i), epochs[i], pres.clone(), select_on_dev),
                    )
                })
                .collect::<Vec<_>>()
        };
    // An ensemble of independently trained parsers (different shuffles and exploration) is
    // a linear model too: their weights are summed into one parser of the same speed.
    let mut parts = Vec::new();
    let epochs: Vec<usize> = match &opts.parser_fixed_epochs {
        Some(e) => (0..n).map(|i| e[i.min(e.len() - 1)]).collect(),
        None => {
            let pres = presentation(
                ptrain.len(),
                std::slice::from_ref(&(train_ewt..ptrain.len())),
                opts.gum_copies,
            );
            parts = train_parts(&ptrain, &vec![opts.parser_epochs; n], &pres, true);
            parts.iter().map(|p| p.epoch).collect()
        }
    };
    eprintln!(
        "parser epochs {epochs:?} ({:.1}s)",
        t0.elapsed().as_secs_f64()
    );
    if opts.parser_refit || opts.parser_fixed_epochs.is_some() {
        // Train + dev, dev with the tags a test set gets (tagger trained on train).
        let mut pall = ptrain;
        let nt = pall.len();
        pall.extend(parse_examples(dev, dev_tags, labels));
        let gum = [train_ewt..nt, nt + dev_ewt..pall.len()];
        let pres = presentation(pall.len(), &gum, opts.gum_copies);
        parts = train_parts(&pall, &epochs, &pres, false);
        eprintln!(
            "parser refit on train + dev ({:.1}s; dev scores below saw dev)",
            t0.elapsed().as_secs_f64()
        );
    }
    let pepoch = epochs[0];
    let (mut parser, mut las) = if parts.len() == 1 {
        let p = parts.into_iter().next().expect("one parser");
        (p.parser, p.las)
    } else {
        let p = Parser::ensemble(&parts, opts.parser_min_rel);
        let (u, l) = p.score_beam(&pdev, dev_beam);
        eprintln!(
            "parser ensemble: dev UAS {:.2} LAS {:.2}",
            u * 100.0,
            l * 100.0
        );
        (p, l)
    };
    if let Some((a, l)) = opts.parser_compress {
        parser = parser.compressed(a, l);
        let (u, l) = parser.score_beam(&pdev, dev_beam);
        eprintln!(
            "parser compressed: dev UAS {:.2} LAS {:.2} ({} + {} features)",
            u * 100.0,
            l * 100.0,
            parser.n_features().0,
            parser.n_features().1
        );
        las = l;
    }
    for (name, part) in [("EWT", &pdev[..dev_ewt]), ("GUM", &pdev[dev_ewt..])] {
        let (u, l) = parser.score_beam(part, dev_beam);
        eprintln!(
            "parser: {name} dev UAS {:.2} LAS {:.2}",
            u * 100.0,
            l * 100.0
        );
    }
    eprintln!(
        "parser: epoch count {pepoch} ({:.1}s)",
        t0.elapsed().as_secs_f64()
    );
    (parser, pepoch, las)
}

fn write_models(
    out_dir: &Path,
    models: Vec<(&str, Vec<u8>)>,
    tepoch: usize,
    pepoch: usize,
    las: f64,
    t0: Instant,
) -> Result<TrainReport, NlpError> {
    std::fs::create_dir_all(out_dir).map_err(|e| NlpError::Io {
        path: out_dir.display().to_string(),
        source: e,
    })?;
    let mut files = Vec::new();
    for (name, bytes) in models {
        let p = out_dir.join(name);
        std::fs::write(&p, &bytes).map_err(|e| NlpError::Io {
            path: p.display().to_string(),
            source: e,
        })?;
        files.push((name.to_string(), bytes.len() as u64));
    }
    Ok(TrainReport {
        tagger_epoch: tepoch,
        parser_epoch: pepoch,
        parser_dev_las: las * 100.0,
        seconds: t0.elapsed().as_secs_f64(),
        files,
    })
}
