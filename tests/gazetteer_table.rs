//! Staleness check: the committed gazetteer table is exactly what the generator makes from
//! `../shared/data/gazetteer` and the supplement.

mod common;
use common::shared_dir;

use newsgraph::entities::gazetteer::{EMBEDDED_TABLE, Gazetteer, build};

#[test]
fn committed_table_is_up_to_date() {
    let Some(data) = shared_dir() else { return };
    let table = build::build_table(&data.join("gazetteer")).expect("generator runs");
    let again = build::build_table(&data.join("gazetteer")).expect("generator runs");
    assert!(table == again, "the generator is not deterministic");
    if table != EMBEDDED_TABLE {
        let first = table
            .lines()
            .zip(EMBEDDED_TABLE.lines())
            .position(|(a, b)| a != b)
            .map(|i| i + 1);
        panic!(
            "models/gazetteer/gazetteer.tsv is stale (first differing line: {first:?}); run \
             `cargo run --release --example gazetteer_build`"
        );
    }
}

#[test]
fn committed_table_is_compact_and_valid() {
    assert!(
        EMBEDDED_TABLE.len() < 3_000_000,
        "{} bytes",
        EMBEDDED_TABLE.len()
    );
    let g = Gazetteer::from_table(EMBEDDED_TABLE).expect("table parses");
    assert!(g.len() > 5000);
    for (id, e) in g.iter() {
        if let Some(r) = e.related {
            assert_ne!(r, id, "{} relates to itself", e.key);
        }
        assert!(!e.aliases.is_empty(), "{} has no alias", e.key);
    }
}
