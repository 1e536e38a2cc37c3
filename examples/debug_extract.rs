//! Development aid: prints the entities, mentions and relations extracted from a text file.
use newsgraph::document::read_text_file;
use newsgraph::entities::gazetteer::Gazetteer;
use newsgraph::ontology::Ontology;
use newsgraph::pipeline::Extractor;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: debug_extract FILE [SENTENCE-SUBSTRING]");
    let filter = std::env::args().nth(2);
    let doc = read_text_file(std::path::Path::new(&path)).expect("readable document");
    let o = Ontology::embedded().expect("ontology");
    // GROUP_ACTORS=1: unnamed group actors ("Afghan rebels"), as `extract --group-actors`
    let x = Extractor::new(&o, Gazetteer::embedded())
        .with_group_actors(std::env::var_os("GROUP_ACTORS").is_some());
    let a = x.analyze(&doc.text);
    for s in &a.sentences {
        let st = &doc.text[s.span.start..s.span.end];
        if filter.as_ref().is_some_and(|f| !st.contains(f.as_str())) {
            continue;
        }
        println!("[{}] {}", s.index, st);
        // DEBUG_SYNTAX=1: one line per token with tags and, where parsed, head and relation
        if std::env::var_os("DEBUG_SYNTAX").is_some()
            && let Some(Some(syn)) = a.syntax.get(s.index)
        {
            for (i, (t, w)) in s.tokens.iter().zip(&syn.words).enumerate() {
                println!(
                    "      {} {} {}/{} {} {}",
                    i + 1,
                    t.text,
                    w.upos,
                    w.xpos,
                    w.head,
                    w.deprel
                );
            }
        }
        for m in a.entities.in_sentence(s.index) {
            let e = &a.entities.entities[m.entity];
            println!(
                "    M {:?} '{}' -> {} ({})",
                m.kind,
                &doc.text[m.span.start..m.span.end],
                e.label,
                e.class
            );
        }
        for r in a.relations.iter().filter(|r| r.sentence == s.index) {
            let l = |i: usize| a.entities.entities[i].label.clone();
            println!(
                "    R {} {}{} {} [{} {} {:.2}] by {:?}",
                l(r.subject),
                if r.negated { "NOT " } else { "" },
                r.predicate,
                l(r.object),
                r.pattern,
                r.trigger,
                r.confidence,
                r.attributed_to.map(l)
            );
        }
    }
    for q in &a.quotes {
        println!(
            "Q {:?}: {}",
            q.speaker.map(|s| a.entities.entities[s].label.clone()),
            &doc.text[q.span.start..q.span.end]
        );
    }
}
