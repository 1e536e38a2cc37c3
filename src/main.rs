//! The `newsgraph` binary: parses arguments, runs the library, maps errors to exit codes
//! (0 ok, 1 some documents failed, 2 usage or fatal error). A closed pipe ends quietly.

use anyhow::{Context, Result, bail};
use clap::Parser;
use newsgraph::cli::{
    Cli, Command, EvalCommand, ExtractArgs, GazetteerCommand, InputArgs, QueryArgs,
};
use newsgraph::corpus::{self, EntityLabels, Observer, ProgressObserver};
use newsgraph::dataset::Dataset;
use newsgraph::document::{InputSpec, read_inputs};
use newsgraph::entities::gazetteer::Gazetteer;
use newsgraph::export::{self, ExportOptions, Format};
use newsgraph::graph::KnowledgeGraph;
use newsgraph::ontology::Ontology;
use newsgraph::pipeline::Extractor;
use newsgraph::query::{QueryEngine, ResultsFormat};
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(failed) => ExitCode::from(if failed { 1 } else { 0 }),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("newsgraph: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            || c.to_string().contains("Broken pipe")
    })
}

/// Runs a command; `Ok(true)` when some documents failed.
fn run(cli: Cli) -> Result<bool> {
    match cli.command {
        Command::Extract(args) => extract(args),
        Command::Query(args) => query(args),
        Command::Eval(EvalCommand::Gold(args)) => {
            let ontology = load_ontology(args.ontology.as_deref())?;
            let extractor = Extractor::new(&ontology, Gazetteer::embedded())
                .with_syntax(args.syntax)
                .with_min_confidence(args.min_confidence)
                .with_group_actors(args.group_actors);
            let extract = |doc: &newsgraph::document::Document| -> Result<KnowledgeGraph, std::convert::Infallible> {
                Ok(extractor.extract(doc))
            };
            if let Some(out) = &args.calibrate {
                let counts = newsgraph::eval::gold::pattern_counts(
                    &args.gold,
                    &args.articles,
                    &ontology,
                    &extract,
                )?;
                let table = newsgraph::relations::confidence::ConfidenceTable::from_counts(&counts);
                // temporary file + rename: an interrupted run leaves the previous table
                let tmp = out.with_extension("tsv.tmp");
                std::fs::write(&tmp, table.to_tsv())
                    .and_then(|()| std::fs::rename(&tmp, out))
                    .with_context(|| format!("writing {}", out.display()))?;
                eprint!("{}", table.to_tsv());
                return Ok(false);
            }
            let mut report = newsgraph::eval::gold::run_gold_eval(
                &args.gold,
                &args.articles,
                &ontology,
                &extract,
            )?;
            if !args.verbose {
                report.strip_details();
            }
            let mut out = io::stdout().lock();
            if args.json {
                serde_json::to_writer_pretty(&mut out, &report)?;
                writeln!(out)?;
            } else {
                write!(out, "{report}")?;
            }
            Ok(false)
        }
        Command::Eval(EvalCommand::Ud(args)) => {
            let scores = newsgraph::nlp::eval::eval_ud(&args.file, args.raw)
                .with_context(|| format!("evaluating {}", args.file.display()))?;
            let mut out = io::stdout().lock();
            if args.json {
                serde_json::to_writer(&mut out, &scores)?;
                writeln!(out)?;
            } else {
                write!(out, "{scores}")?;
            }
            Ok(false)
        }
        Command::Eval(EvalCommand::Ner(args)) => {
            let scores = newsgraph::entities::ner::eval_ner(&args.file)
                .with_context(|| format!("evaluating {}", args.file.display()))?;
            let mut out = io::stdout().lock();
            if args.json {
                serde_json::to_writer(&mut out, &scores)?;
                writeln!(out)?;
            } else {
                write!(out, "{scores}")?;
            }
            Ok(false)
        }
        Command::Eval(EvalCommand::Plover(args)) => eval_peer(&args, false),
        Command::Eval(EvalCommand::Petrarch(args)) => eval_peer(&args, true),
        Command::Train(args) => {
            use newsgraph::cli::TrainOnly;
            if args.only != Some(TrainOnly::Ner) {
                let report =
                    newsgraph::nlp::train::train_all(&args.data, &args.out, &Default::default())?;
                println!("{}", serde_json::to_string_pretty(&report)?);
            }
            if args.only != Some(TrainOnly::Nlp) {
                let report = newsgraph::entities::ner::train_ner(&args.data, &args.out)?;
                println!("{}", serde_json::to_string_pretty(&report)?);
            }
            Ok(false)
        }
        Command::Gazetteer(GazetteerCommand::Build { from, output }) => {
            let table = newsgraph::entities::gazetteer::build::build_table(&from)?;
            write_atomically(&output, table.as_bytes())
                .with_context(|| format!("writing {}", output.display()))?;
            eprintln!("wrote {} ({} bytes)", output.display(), table.len());
            Ok(false)
        }
    }
}

fn eval_peer(args: &newsgraph::cli::EvalPeerArgs, petrarch: bool) -> Result<bool> {
    use newsgraph::eval::peer;
    let ontology = Ontology::embedded()?;
    let records = if petrarch {
        peer::load_petrarch(&args.file, &ontology)?
    } else {
        peer::load_plover(&args.file, &ontology)?
    };
    let extractor =
        Extractor::new(&ontology, Gazetteer::embedded()).with_group_actors(!args.named_only);
    let codes = peer::CountryCodes::beside(&args.file);
    let report = peer::score(&records, &ontology, &codes, &|d| -> Result<
        _,
        std::convert::Infallible,
    > {
        Ok(extractor.extract(d))
    })?;
    let mut out = io::stdout().lock();
    if args.verbose {
        report.write_misses(&mut out)?;
    }
    if args.json {
        serde_json::to_writer(&mut out, &report)?;
        writeln!(out)?;
    } else {
        write!(out, "{report}")?;
    }
    Ok(false)
}

fn load_ontology(path: Option<&std::path::Path>) -> Result<Ontology> {
    Ok(match path {
        Some(p) => Ontology::from_path(p)?,
        None => Ontology::embedded()?,
    })
}

/// Reads and extracts every input document into one merged graph; reports bad documents on stderr.
/// The extractor and the input specs of a run.
fn prepare<'a>(
    input: &InputArgs,
    ontology: &'a Ontology,
) -> (Extractor<'a>, Vec<InputSpec>, usize) {
    let extractor = Extractor::new(ontology, Gazetteer::embedded())
        .with_min_confidence(input.min_confidence)
        .with_syntax(input.syntax)
        .with_group_actors(input.group_actors);
    let specs: Vec<InputSpec> = input
        .inputs
        .iter()
        .map(|a| InputSpec::from_arg(a, input.jsonl, input.recursive))
        .collect();
    let jobs = if input.jobs == 0 {
        corpus::default_jobs()
    } else {
        input.jobs
    };
    (extractor, specs, jobs.max(1))
}

/// How a run reports: failures only when quiet, a progress display when stderr is a terminal.
fn observer(quiet: bool, specs: &[InputSpec]) -> Box<dyn Observer> {
    if !quiet && io::stderr().is_terminal() {
        Box::new(ProgressObserver::new(corpus::input_size(specs)))
    } else {
        Box::new(corpus::StderrObserver)
    }
}

/// Reads and extracts every input document into one merged graph (in parallel, in input order).
fn extract_inputs(
    input: &InputArgs,
    ontology: &Ontology,
    quiet: bool,
) -> Result<(KnowledgeGraph, usize, usize)> {
    let (extractor, specs, jobs) = prepare(input, ontology);
    let mut observer = observer(quiet, &specs);
    let (graph, stats) =
        corpus::merge_graph(read_inputs(&specs), &extractor, jobs, observer.as_mut())?;
    drop(observer);
    if !quiet {
        eprintln!("newsgraph: {stats}");
    }
    Ok((graph, stats.documents, stats.failures))
}

/// `extract --into DATASET [--remove ID]...`: adds, replaces and removes documents of a dataset.
fn extract_into(args: &ExtractArgs, dir: &std::path::Path, ontology: &Ontology) -> Result<bool> {
    let dataset = Dataset::open(dir)?;
    let mut labels = dataset.labels()?;
    let mut failed = false;
    for id in &args.remove {
        if dataset.remove(id)? {
            if !args.quiet {
                eprintln!("newsgraph: removed document {id:?}");
            }
        } else {
            eprintln!("newsgraph: document {id:?} is not in {}", dir.display());
            failed = true;
        }
    }
    if !args.input.inputs.is_empty() {
        let (extractor, specs, jobs) = prepare(&args.input, ontology);
        let mut observer = observer(args.quiet, &specs);
        let stats = corpus::stream_documents(
            read_inputs(&specs),
            &extractor,
            jobs,
            Format::NQuads,
            &mut labels,
            &mut |doc, bytes| {
                dataset
                    .put(&doc.id, bytes)
                    .map(|_| ())
                    .map_err(io::Error::other)
            },
            observer.as_mut(),
        )?;
        drop(observer);
        if !args.quiet {
            eprintln!("newsgraph: {stats}");
        }
        failed |= stats.failures > 0;
    }
    let (documents, quads) = dataset.write_union()?;
    if !args.quiet {
        eprintln!(
            "newsgraph: {} holds {documents} documents, {quads} quads",
            dataset.union_path().display()
        );
    }
    Ok(failed)
}

fn extract(args: ExtractArgs) -> Result<bool> {
    let ontology = load_ontology(args.input.ontology.as_deref())?;
    if args.input.inputs.is_empty() && args.remove.is_empty() {
        bail!(
            "no input: give files, directories, .jsonl files or - (see newsgraph extract --help)"
        );
    }
    if let Some(dir) = &args.into {
        return extract_into(&args, dir, &ontology);
    }
    let formats: Vec<Format> = match (&args.format, &args.output) {
        (Some(list), _) if list.trim() == "all" => Format::ALL.to_vec(),
        (Some(list), _) => export::parse_format_list(list)?,
        (None, Some(_)) => Format::ALL.to_vec(),
        (None, None) => vec![Format::Turtle],
    };
    if args.output.is_none() && formats.len() != 1 {
        bail!("several formats need an output directory (-o DIR)");
    }
    // N-Quads, N-Triples and relation JSON Lines on stdout stream: each document's output is
    // written as its batch finishes
    if args.output.is_none() && formats[0].is_streamable() {
        let (extractor, specs, jobs) = prepare(&args.input, &ontology);
        let stdout = io::stdout();
        let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
        let mut observer = observer(args.quiet, &specs);
        let stats = corpus::stream_documents(
            read_inputs(&specs),
            &extractor,
            jobs,
            formats[0],
            &mut EntityLabels::new(),
            &mut |_, bytes| out.write_all(bytes),
            observer.as_mut(),
        )?;
        drop(observer);
        out.flush()?;
        if !args.quiet {
            eprintln!("newsgraph: {stats}");
        }
        if stats.documents == 0 && stats.failures > 0 {
            bail!("no document could be read");
        }
        return Ok(stats.failures > 0);
    }
    let (graph, ok, failed) = extract_inputs(&args.input, &ontology, args.quiet)?;
    if ok == 0 && failed > 0 {
        bail!("no document could be read");
    }
    let opts = ExportOptions::default();
    match &args.output {
        Some(dir) => {
            let written = export::write_to_dir(&graph, &ontology, &formats, dir, &opts);
            match written {
                Ok(paths) => {
                    if !args.quiet {
                        for p in paths {
                            eprintln!("wrote {}", p.display());
                        }
                    }
                }
                Err(e) => {
                    eprintln!("newsgraph: {e}");
                    return Ok(true);
                }
            }
        }
        None => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            export::write(&graph, &ontology, formats[0], &mut out, &opts)?;
            out.flush()?;
        }
    }
    Ok(failed > 0)
}

fn query(args: QueryArgs) -> Result<bool> {
    let ontology = load_ontology(args.ontology.as_deref())?;
    let results: ResultsFormat = args.results.parse()?;
    let sparql = match (&args.sparql, &args.file) {
        (Some(q), _) => q.clone(),
        (None, Some(f)) => {
            std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?
        }
        (None, None) => bail!("give --sparql or --file"),
    };
    let mut engine = QueryEngine::new(&ontology)?;
    let mut articles = Vec::new();
    for d in &args.data {
        let path = std::path::Path::new(d);
        if newsgraph::query::format_of_path(path).is_some() {
            engine.load_path(path)?;
        } else {
            articles.push(d.clone());
        }
    }
    let mut failed = false;
    if !articles.is_empty() {
        let input = InputArgs {
            inputs: articles,
            jsonl: false,
            recursive: false,
            ontology: None,
            min_confidence: 0.0,
            group_actors: false,
            syntax: Default::default(),
            jobs: 0,
        };
        let (graph, _, f) = extract_inputs(&input, &ontology, true)?;
        failed = f > 0;
        engine.load_graph(&graph, &ontology)?;
    }
    let output = engine.run(&sparql)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    output.write(results, &mut out)?;
    out.flush()?;
    Ok(failed)
}

/// Writes a file through a temporary file in the same directory and a rename.
fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
