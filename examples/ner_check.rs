//! NER inference check and timing: tags every sentence of every document of a JSONL corpus with
//! document features (as entity recognition does) and prints the spans (or only the time).
//!
//! ```sh
//! cargo run --release --example ner_check -- CORPUS.jsonl [--time]
//! ```

use newsgraph::document::{InputSpec, read_inputs};
use newsgraph::entities::gazetteer::Gazetteer;
use newsgraph::entities::ner::{NerModel, document_case};
use newsgraph::text::segment;
use std::io::Write;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().expect("corpus path");
    let time_only = args.iter().any(|a| a == "--time");
    let model = NerModel::embedded().expect("model");
    let lex = Gazetteer::embedded();
    let specs = vec![InputSpec::Jsonl(path.into())];
    let docs: Vec<_> = read_inputs(&specs).filter_map(Result::ok).collect();
    let segmented: Vec<_> = docs.iter().map(|d| segment(&d.text)).collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut t_doc = Duration::ZERO;
    let mut t_tag = Duration::ZERO;
    let mut n_tok = 0usize;
    for sents in &segmented {
        let words: Vec<Vec<&str>> = sents
            .iter()
            .map(|s| s.tokens.iter().map(|t| t.text.as_str()).collect())
            .collect();
        let c = Instant::now();
        let doc = document_case(&words);
        t_doc += c.elapsed();
        for w in &words {
            n_tok += w.len();
            let c = Instant::now();
            let spans = model.spans_in_document(&doc, w, lex);
            t_tag += c.elapsed();
            if !time_only {
                writeln!(out, "{spans:?}").expect("write");
            }
        }
    }
    eprintln!(
        "{} tokens: document_case {:.3} s, tagging {:.3} s ({:.2} M tokens/s)",
        n_tok,
        t_doc.as_secs_f64(),
        t_tag.as_secs_f64(),
        n_tok as f64 / t_tag.as_secs_f64() / 1e6
    );
}
