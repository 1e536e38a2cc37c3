//! Coverage: every UN member state in the Factbook and every SupraVerden organization is
//! recognized by its name, and by its acronym when it has one, inside a generated sentence.

mod common;
use common::shared_dir;

use std::path::{Path, PathBuf};

use newsgraph::entities::gazetteer::{AliasKind, EntityClass, EntryId, Gazetteer};

/// Whether `surface`, placed in a sentence, is found exactly and `want` is among its senses.
fn recognized(g: &Gazetteer, surface: &str, want: EntryId) -> Result<(), String> {
    let sentence = format!("Officials from {surface} met on Tuesday.");
    let start = "Officials from ".len();
    let ms = g.find(&sentence);
    let Some(m) = ms.iter().find(|m| m.span.start == start) else {
        return Err(format!(
            "{surface:?}: no match at the name ({} others)",
            ms.len()
        ));
    };
    if m.span.end != start + surface.len() {
        return Err(format!(
            "{surface:?}: matched only {:?}",
            &sentence[m.span.start..m.span.end]
        ));
    }
    if m.entry != want && !g.senses(m).iter().any(|s| s.entry == want) {
        return Err(format!(
            "{surface:?}: resolved to {} ({}), not {}",
            g.entry(m.entry).key,
            g.entry(m.entry).canonical,
            g.entry(want).key
        ));
    }
    Ok(())
}

fn sorted(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("readable directory")
        .flatten()
        .map(|e| e.path())
        .collect();
    v.sort();
    v
}

/// Factbook codes of the profiles whose IGO participation lists "UN".
fn un_members(factbook: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for region in sorted(factbook).into_iter().filter(|p| p.is_dir()) {
        for f in sorted(&region) {
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
            let igo = v["Government"]["International organization participation"]["text"]
                .as_str()
                .unwrap_or("");
            if igo.split(',').any(|x| x.trim() == "UN") {
                out.push(f.file_stem().unwrap().to_string_lossy().to_string());
            }
        }
    }
    out
}

#[test]
fn every_un_member_state_is_recognized() {
    let Some(data) = shared_dir() else { return };
    let g = Gazetteer::embedded();
    let members = un_members(&data.join("gazetteer/factbook"));
    assert_eq!(members.len(), 193, "UN members in the Factbook");
    let mut failures = Vec::new();
    let mut checked = 0;
    for gec in &members {
        let Some(id) = g.by_key(&format!("fb:{gec}")) else {
            failures.push(format!("fb:{gec}: no entry"));
            continue;
        };
        let e = g.entry(id);
        if e.class != EntityClass::Country {
            failures.push(format!("{}: class {:?}", e.key, e.class));
        }
        let mut surfaces = vec![e.canonical.clone()];
        surfaces.extend(
            e.aliases
                .iter()
                .filter(|a| a.matchable && a.kind == AliasKind::Acronym)
                .map(|a| a.text.clone()),
        );
        for s in surfaces {
            checked += 1;
            if let Err(msg) = recognized(g, &s, id) {
                failures.push(msg);
            }
        }
    }
    eprintln!(
        "UN members: {} states, {checked} names/acronyms checked",
        members.len()
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// One SupraVerden record: (Name_en, Abbreviation_en, gazetteer key).
type Org = (String, Option<String>, String);

/// Reads Name_en, Abbreviation_en and the ids of each record (independently of the generator).
fn supraverden(path: &Path) -> Vec<Org> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut out: Vec<Org> = Vec::new();
    let mut qids = std::collections::HashSet::new();
    let (mut name, mut abbr, mut qid, mut sprvd) = (None, None, String::new(), String::new());
    let mut flush = |name: &mut Option<String>,
                     abbr: &mut Option<String>,
                     qid: &mut String,
                     sprvd: &mut String| {
        if let Some(n) = name.take() {
            // a QID repeated by a later record stays with the first one
            let key = if qid.starts_with('Q') && qids.insert(qid.clone()) {
                format!("igo:{qid}")
            } else {
                format!("igo:{sprvd}")
            };
            out.push((n, abbr.take(), key));
        }
        *abbr = None;
        qid.clear();
        sprvd.clear();
    };
    for line in text.lines() {
        if !line.starts_with(' ') && !line.starts_with(": ") {
            flush(&mut name, &mut abbr, &mut qid, &mut sprvd);
        }
        let body = line.strip_prefix(": ").unwrap_or(line).trim_start();
        let val = |p: &str| {
            body.strip_prefix(p)
                .map(|v| v.trim().trim_matches('\'').to_string())
        };
        if let Some(v) = val("Name_en:") {
            name = Some(v);
        } else if let Some(v) = val("Abbreviation_en:") {
            if v != "null" && !v.is_empty() {
                abbr = Some(v);
            }
        } else if let Some(v) = val("Wikidata_code:") {
            qid = v;
        } else if let Some(v) = val("SPRVD_id:") {
            sprvd = v;
        }
    }
    flush(&mut name, &mut abbr, &mut qid, &mut sprvd);
    out
}

/// SupraVerden acronyms deliberately not matched in running text (lookup only): in news they
/// mostly mean something else. Each must still be found by `lookup`.
const LOOKUP_ONLY: &[(&str, &str)] = &[
    (
        "WB",
        "the West Bank in news; World Bank stays matched by name",
    ),
    ("SDF", "Syrian Democratic Forces"),
    ("CBD", "cannabidiol, central business district"),
    ("AMA", "American Medical Association"),
];

#[test]
fn every_supraverden_organization_is_recognized() {
    let Some(data) = shared_dir() else { return };
    let g = Gazetteer::embedded();
    let orgs = supraverden(&data.join("gazetteer/supraverden/general_list.yaml"));
    assert_eq!(orgs.len(), 617, "SupraVerden records");
    let mut failures = Vec::new();
    let (mut names, mut acronyms) = (0, 0);
    for (name, abbr, key) in &orgs {
        let Some(id) = g.by_key(key) else {
            failures.push(format!("{key} ({name}): no entry"));
            continue;
        };
        names += 1;
        if let Err(msg) = recognized(g, name, id) {
            failures.push(msg);
        }
        if let Some(a) = abbr {
            acronyms += 1;
            if LOOKUP_ONLY.iter().any(|(x, _)| x == a) {
                if !g.lookup(a).contains(&id) {
                    failures.push(format!("{a:?}: not found by lookup"));
                }
                continue;
            }
            if let Err(msg) = recognized(g, a, id) {
                failures.push(msg);
            }
        }
    }
    eprintln!("SupraVerden: {names} names and {acronyms} acronyms checked");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
