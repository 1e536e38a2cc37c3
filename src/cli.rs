//! Raw command-line arguments (clap derive). The binary turns them into a configuration and runs
//! the library; nothing here does work.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// newsgraph: who did what to whom in political and international news, as a knowledge graph.
#[derive(Debug, Parser)]
#[command(name = "newsgraph", version, about, long_about = None)]
pub struct Cli {
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract a knowledge graph from articles and write it in one or more formats.
    Extract(ExtractArgs),
    /// Run a SPARQL query over RDF files or articles (extracted on the fly).
    Query(QueryArgs),
    /// Evaluate against gold annotations.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Build derived tables from ../shared data (maintainers).
    #[command(subcommand)]
    Gazetteer(GazetteerCommand),
    /// Train the tagger, lemmatizer, sentence splitter and parser from UD treebanks (maintainers).
    Train(TrainArgs),
}

/// `newsgraph train`.
#[derive(Debug, Args)]
pub struct TrainArgs {
    /// Directory holding ud-english-ewt/ and ud-english-gum/ (CoNLL-U).
    #[arg(long, default_value = "../shared/data/nlp")]
    pub data: PathBuf,
    /// Where the model files are written.
    #[arg(long, default_value = "models")]
    pub out: PathBuf,
    /// Train only these models: `nlp` (tagger, lemmatizer, splitter, parser) or `ner` (named
    /// entities, from uner-english-ewt/); default both.
    #[arg(long, value_enum)]
    pub only: Option<TrainOnly>,
}

/// Model groups of `newsgraph train --only`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TrainOnly {
    /// Tagger, lemmatizer, sentence splitter and parser.
    Nlp,
    /// The named-entity tagger (models/ner.bin).
    Ner,
}

/// Input selection shared by commands that read articles.
#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// Articles: .txt files, directories of .txt files, .jsonl files, or `-` for stdin.
    /// (Required except for `extract --into DATASET --remove ID`; the binary checks.)
    pub inputs: Vec<String>,
    /// Read `-` (and any file) as JSONL: one {"id","text","title"?,"url"?,"date"?} object a line.
    #[arg(long)]
    pub jsonl: bool,
    /// Descend into subdirectories.
    #[arg(long)]
    pub recursive: bool,
    /// Use this ontology (Turtle) instead of the embedded one.
    #[arg(long, value_name = "FILE")]
    pub ontology: Option<PathBuf>,
    /// Drop relation mentions below this confidence (0–1).
    #[arg(long, default_value_t = 0.0, value_name = "F")]
    pub min_confidence: f64,
    /// Syntax to compute: none (fastest), tags (tagger and lemmatizer), auto (also dependencies
    /// for the sentences with a verb relation, whose subject the parse checks), parse
    /// (dependencies for every sentence that can hold a relation).
    #[arg(long, value_enum, default_value = "auto")]
    pub syntax: crate::pipeline::SyntaxLevel,
    /// Make unnamed groups anchored by a nationality or a place actors of the graph ("Afghan
    /// rebels", "opposition groups in Zimbabwe"), as event coding does with sector actors.
    #[arg(long)]
    pub group_actors: bool,
    /// Worker threads (0: all cores). The output is the same for any value.
    #[arg(short = 'j', long, default_value_t = 0)]
    pub jobs: usize,
}

/// `newsgraph extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Inputs.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output directory: writes graph.<ext> for each format. Without it, one format goes to stdout.
    #[arg(short = 'o', long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Formats, comma separated: ttl,nt,nq,trig,rdf,jsonld,json,cyjs,dot,svg,png or `all`
    /// (default: all with -o, ttl on stdout).
    #[arg(short = 'f', long, value_name = "LIST")]
    pub format: Option<String>,
    /// Print nothing but errors (no progress, no summary).
    #[arg(short, long)]
    pub quiet: bool,
    /// Add the documents to a dataset directory instead (one N-Quads file per document, replaced
    /// when the same id comes again, and DATASET/dataset.nq, their union).
    #[arg(long, value_name = "DATASET", conflicts_with_all = ["output", "format"])]
    pub into: Option<PathBuf>,
    /// Remove this document id from the dataset (with --into; repeatable).
    #[arg(long, value_name = "ID", requires = "into")]
    pub remove: Vec<String>,
}

/// `newsgraph query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// RDF files (.ttl .nt .nq .trig .rdf .jsonld) or articles (.txt .jsonl, directories).
    #[arg(required = true)]
    pub data: Vec<String>,
    /// The query text.
    #[arg(long, conflicts_with = "file", required_unless_present = "file")]
    pub sparql: Option<String>,
    /// A file holding the query.
    #[arg(long, value_name = "Q.rq")]
    pub file: Option<PathBuf>,
    /// Result format: table, json, csv, tsv, xml.
    #[arg(long, default_value = "table")]
    pub results: String,
    /// Use this ontology (Turtle) instead of the embedded one.
    #[arg(long, value_name = "FILE")]
    pub ontology: Option<PathBuf>,
}

/// `newsgraph eval ...`.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Score extraction against gold annotations (strict and family P/R/F1, entity recall, quotes).
    Gold(EvalGoldArgs),
    /// Score the tagger, lemmatizer and parser on a CoNLL-U file (UPOS, XPOS, lemma, UAS, LAS).
    Ud(EvalUdArgs),
    /// Score the named-entity tagger on an IOB2 file (exact-span P/R/F1 per type and micro).
    Ner(EvalNerArgs),
    /// Score on PLOVER gold-standard records (family and full accuracy over in-scope records).
    Plover(EvalPeerArgs),
    /// Score on PETRARCH2 validation records (CAMEO root codes mapped to families).
    Petrarch(EvalPeerArgs),
}

/// `newsgraph eval plover|petrarch`.
#[derive(Debug, Args)]
pub struct EvalPeerArgs {
    /// The JSONL suite (../shared/data/peer-suites/plover_gsr.jsonl or petr2_gsr.jsonl).
    pub file: PathBuf,
    /// Print JSON (one object: records, in_scope, family_accuracy, full_accuracy).
    #[arg(long)]
    pub json: bool,
    /// List the records that missed, with gold events and extracted relations.
    #[arg(long, short)]
    pub verbose: bool,
    /// Score with named entities only: no unnamed group actors ("Afghan rebels"), which the
    /// peer suites code as sector actors and which these evaluations therefore enable by default.
    #[arg(long)]
    pub named_only: bool,
}

/// `newsgraph eval ud`.
#[derive(Debug, Args)]
pub struct EvalUdArgs {
    /// A CoNLL-U file with gold annotation.
    pub file: PathBuf,
    /// Start from the reconstructed raw text (adds tokens F1 and sentences F1; aligned UAS/LAS).
    #[arg(long)]
    pub raw: bool,
    /// Print JSON (keys upos, xpos, lemma, uas, las, tokens_f1, sentences_f1; percentages).
    #[arg(long)]
    pub json: bool,
}

/// `newsgraph eval ner`.
#[derive(Debug, Args)]
pub struct EvalNerArgs {
    /// IOB2 file (e.g. ../shared/data/nlp/uner-english-ewt/en_ewt-ud-test.iob2).
    pub file: PathBuf,
    /// Print one JSON object (precision, recall, f1, per_type; fractions 0–1).
    #[arg(long)]
    pub json: bool,
}

/// `newsgraph eval gold`.
#[derive(Debug, Args)]
pub struct EvalGoldArgs {
    /// Directory of *.gold.json files.
    #[arg(long, default_value = "../shared/data/eval/dev-gold")]
    pub gold: PathBuf,
    /// Directory of the articles.
    #[arg(long, default_value = "../shared/data/eval/articles")]
    pub articles: PathBuf,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// List missed and extra relations per article.
    #[arg(long)]
    pub verbose: bool,
    /// Syntax to compute (as for extract).
    #[arg(long, value_enum, default_value = "auto")]
    pub syntax: crate::pipeline::SyntaxLevel,
    /// Use this ontology (Turtle) instead of the embedded one.
    #[arg(long, value_name = "FILE")]
    pub ontology: Option<PathBuf>,
    /// Score only relation mentions with at least this confidence (as `extract --min-confidence`).
    #[arg(long, value_name = "F", default_value_t = 0.0)]
    pub min_confidence: f64,
    /// Make unnamed groups anchored by a nationality or a place actors of the graph ("Afghan
    /// rebels", "opposition groups in Zimbabwe"), as event coding does with sector actors.
    #[arg(long)]
    pub group_actors: bool,
    /// Instead of scoring, measure each extraction pattern's precision on the gold and write the
    /// relation confidence table (`models/relation-confidence.tsv`) to FILE.
    #[arg(long, value_name = "FILE")]
    pub calibrate: Option<PathBuf>,
}

/// `newsgraph gazetteer ...`.
#[derive(Debug, Subcommand)]
pub enum GazetteerCommand {
    /// Regenerate the compact gazetteer table from the CIA World Factbook and SupraVerden data.
    Build {
        /// The ../shared/data/gazetteer directory.
        #[arg(long, default_value = "../shared/data/gazetteer")]
        from: PathBuf,
        /// Output table.
        #[arg(short = 'o', long, default_value = "models/gazetteer/gazetteer.tsv")]
        output: PathBuf,
    },
}
