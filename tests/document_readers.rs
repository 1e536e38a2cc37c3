//! Protects the input readers: directories, JSONL files and stdin stream documents in a stable
//! order, each bad document is a named error and the others are still read, and the title rule
//! holds on the real evaluation articles.

mod common;
use common::shared_dir;

use newsgraph::document::{Document, DocumentReader, InputError, InputSpec};
use std::io::Cursor;

fn split(
    items: impl Iterator<Item = Result<Document, InputError>>,
) -> (Vec<Document>, Vec<InputError>) {
    let mut docs = Vec::new();
    let mut errs = Vec::new();
    for item in items {
        match item {
            Ok(d) => docs.push(d),
            Err(e) => errs.push(e),
        }
    }
    (docs, errs)
}

#[test]
fn directory_reads_txt_files_sorted_and_reports_bad_ones_without_stopping() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("b.txt"), "Headline B\n\nBody of b.\n").unwrap();
    std::fs::write(p.join("a.txt"), "Just a paragraph.\n").unwrap();
    std::fs::write(p.join("c.txt"), b"bad \xff byte").unwrap();
    std::fs::write(p.join("d.txt"), "   \n").unwrap();
    std::fs::write(p.join("e.txt"), b"\x00\x01binary").unwrap();
    std::fs::write(p.join("f.md"), "not read").unwrap();
    std::fs::create_dir(p.join("sub")).unwrap();
    std::fs::write(p.join("sub/z.txt"), "Nested.\n").unwrap();

    let (docs, errs) = split(DocumentReader::new(&[InputSpec::Dir {
        path: p.to_path_buf(),
        recursive: false,
    }]));
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    assert_eq!(docs[1].title.as_deref(), Some("Headline B"));
    assert_eq!(docs[1].text, "Body of b.\n");
    assert_eq!(errs.len(), 3);
    assert!(matches!(errs[0], InputError::InvalidUtf8 { .. }));
    assert!(errs[0].source_name().ends_with("c.txt"));
    assert!(matches!(errs[1], InputError::Empty { .. }));
    assert!(errs[1].to_string().contains("d.txt"));
    assert!(matches!(errs[2], InputError::Binary { .. }));

    let (docs, _) = split(DocumentReader::new(&[InputSpec::Dir {
        path: p.to_path_buf(),
        recursive: true,
    }]));
    assert_eq!(
        docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
        ["a", "b", "z"]
    );
}

#[test]
fn missing_paths_and_other_extensions() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("note.md");
    std::fs::write(&md, "A note in markdown.").unwrap();
    let missing = dir.path().join("missing.txt");
    let specs = [
        InputSpec::from_arg(missing.to_str().unwrap(), false, false),
        InputSpec::from_arg(md.to_str().unwrap(), false, false),
    ];
    let (docs, errs) = split(DocumentReader::new(&specs));
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].id, "note");
    assert_eq!(docs[0].text, "A note in markdown.");
    assert_eq!(errs.len(), 1);
    assert!(matches!(errs[0], InputError::Unreadable { .. }));
    assert!(errs[0].to_string().contains("missing.txt"), "{}", errs[0]);
}

#[test]
fn jsonl_file_streams_records_and_names_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corpus.jsonl");
    let mut content = Vec::new();
    content.extend_from_slice(b"\xEF\xBB\xBF{\"id\":\"x1\",\"text\":\"First.\",\"title\":\"T1\",\"url\":\"http://e/1\",\"date\":\"2020-01-01\",\"licence\":\"CC\"}\n");
    content.extend_from_slice(b"{\"text\":\"No id.\"}\r\n");
    content.extend_from_slice(b"\n");
    content.extend_from_slice(b"{\"id\":\"x3\",\"text\":\n");
    content.extend_from_slice(b"{\"id\":\"x4\"}\n");
    content.extend_from_slice(b"{\"id\":\"x5\",\"text\":\"bad \xff\"}\n");
    content.extend_from_slice(b"{\"id\":\"x1\",\"text\":\"Again.\"}\n");
    content.extend_from_slice(b"{\"id\":\"x8\",\"text\":\"Last.\",\"date\":null}");
    std::fs::write(&path, content).unwrap();

    let (docs, errs) = split(DocumentReader::new(&[InputSpec::from_arg(
        path.to_str().unwrap(),
        false,
        false,
    )]));
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["x1", "corpus-2", "x8"]);
    assert_eq!(docs[0].title.as_deref(), Some("T1"));
    assert_eq!(docs[0].url.as_deref(), Some("http://e/1"));
    assert_eq!(docs[0].date.as_deref(), Some("2020-01-01"));
    assert!(docs[0].source.ends_with("corpus.jsonl:1"));
    assert_eq!(docs[2].date, None);
    let lines: Vec<Option<usize>> = errs.iter().map(|e| e.line()).collect();
    assert_eq!(lines, [Some(4), Some(5), Some(6), Some(7)]);
    assert!(matches!(errs[2], InputError::InvalidUtf8 { .. }));
    assert!(matches!(errs[3], InputError::DuplicateId { .. }));
    for e in &errs {
        assert!(e.to_string().contains("corpus.jsonl:"), "{e}");
    }
}

#[test]
fn stdin_is_one_text_document_or_jsonl() {
    let reader = DocumentReader::new(&[InputSpec::Stdin { jsonl: false }])
        .with_stdin(Box::new(Cursor::new(b"Title\n\nBody text.".to_vec())));
    let (docs, errs) = split(reader);
    assert!(errs.is_empty());
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].id, "stdin");
    assert_eq!(docs[0].title.as_deref(), Some("Title"));
    assert_eq!(docs[0].text, "Body text.");

    let reader =
        DocumentReader::new(&[InputSpec::from_arg("-", true, false)]).with_stdin(Box::new(
            Cursor::new(b"{\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\"two\"}\n".to_vec()),
        ));
    let (docs, errs) = split(reader);
    assert!(errs.is_empty());
    assert_eq!(
        docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
        ["stdin-1", "b"]
    );
}

#[test]
fn eval_articles_titles_follow_the_rule() {
    let Some(data) = shared_dir() else { return };
    let dir = data.join("eval/articles");
    let (docs, errs) = split(DocumentReader::new(&[InputSpec::Dir {
        path: dir.clone(),
        recursive: false,
    }]));
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs.len(), 31);
    for d in &docs {
        let raw = std::fs::read_to_string(dir.join(format!("{}.txt", d.id))).unwrap();
        assert!(
            raw.ends_with(&d.text),
            "{}: text must be a suffix of the file",
            d.id
        );
        if d.id.starts_with("wikinews-") {
            let first = raw.lines().next().unwrap();
            assert_eq!(d.title.as_deref(), Some(first), "{}", d.id);
            assert!(!d.text.starts_with('\n'));
        } else {
            assert_eq!(d.title, None, "{}", d.id);
            assert_eq!(d.text, raw);
        }
    }
    let with_date = docs.iter().find(|d| d.id == "wikinews-2019_151").unwrap();
    assert_eq!(with_date.date.as_deref(), Some("Sunday, October 27, 2019"));
    assert!(with_date.text.starts_with("Sunday, October 27, 2019"));
}

#[test]
fn reader_is_send_so_it_can_feed_a_thread_pool() {
    fn assert_send<T: Send>(_: &T) {}
    assert_send(&DocumentReader::new(&[InputSpec::Stdin { jsonl: true }]));
}

#[test]
fn wikinews_corpus_streams_every_record() {
    let Some(data) = shared_dir() else { return };
    let path = data.join("corpus/wikinews.jsonl");
    let mut count = 0;
    let mut chars = 0;
    for item in DocumentReader::new(&[InputSpec::Jsonl(path)]) {
        let d = item.unwrap_or_else(|e| panic!("{e}"));
        assert!(d.title.is_some(), "{}", d.id);
        assert!(d.source.contains("wikinews.jsonl:"));
        chars += d.text.chars().count();
        count += 1;
    }
    assert_eq!(count, 5819);
    assert!(chars > 10_000_000, "{chars}");
}
