//! The gazetteer generator: CIA World Factbook JSON + SupraVerden YAML + the hand-written
//! supplement → the compact table embedded by [`super::Gazetteer::embedded`].
//!
//! [`build_table`] is deterministic: the same sources give the same bytes (files are read in
//! sorted order, every collection is ordered).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{AliasKind, EntityClass, GazetteerError};

/// The hand-written supplement (see the format description at its top).
pub const SUPPLEMENT: &str = include_str!("../../../models/gazetteer/supplement.tsv");

/// An alias under construction.
#[derive(Debug, Clone)]
struct RawAlias {
    text: String,
    kind: AliasKind,
    flags: String,
}

/// An entry under construction.
#[derive(Debug, Clone)]
struct RawEntry {
    key: String,
    class: EntityClass,
    canonical: String,
    qid: String,
    related: String,
    note: String,
    aliases: Vec<RawAlias>,
}

impl RawEntry {
    fn new(key: String, class: EntityClass, canonical: &str) -> Self {
        RawEntry {
            key,
            class,
            canonical: clean_ws(canonical),
            qid: String::new(),
            related: String::new(),
            note: String::new(),
            aliases: Vec::new(),
        }
    }

    /// Adds an alias (and its accent-folded form) unless the same text is already there.
    fn add(&mut self, text: &str, kind: AliasKind, flags: &str) {
        let text = clean_ws(text);
        if text.is_empty() || text.len() > 200 {
            return;
        }
        let folded = fold_accents(&text);
        for t in [text.clone(), folded] {
            if !self.aliases.iter().any(|a| a.text == t) {
                self.aliases.push(RawAlias {
                    text: t,
                    kind,
                    flags: flags.to_string(),
                });
            }
        }
    }
}

/// Generates the gazetteer table from `gazetteer_dir` (the directory holding `factbook/` and
/// `supraverden/`) and the embedded supplement.
pub fn build_table(gazetteer_dir: &Path) -> Result<String, GazetteerError> {
    let supplement = Supplement::parse(SUPPLEMENT)?;
    let mut entries: Vec<RawEntry> = Vec::new();
    factbook(&gazetteer_dir.join("factbook"), &supplement, &mut entries)?;
    supraverden(
        &gazetteer_dir.join("supraverden").join("general_list.yaml"),
        &mut entries,
    )?;
    apply_supplement(&supplement, &mut entries)?;
    finish_flags(&supplement, &mut entries);
    Ok(serialize(&entries))
}

// ---------------------------------------------------------------------------------------------
// text helpers

fn clean_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes the HTML entities the Factbook uses; `<br>` becomes a newline, other tags vanish.
fn html_to_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            match rest.find('>') {
                Some(j) => {
                    let tag = rest[1..j].trim().to_ascii_lowercase();
                    if tag.starts_with("br") || tag == "p" || tag == "/p" {
                        out.push('\n');
                    }
                    rest = &rest[j + 1..];
                }
                None => {
                    out.push('<');
                    rest = &rest[1..];
                }
            }
        } else {
            let end = rest[1..].find(';').map(|j| j + 1).filter(|j| *j <= 10);
            let decoded = end.and_then(|j| entity(&rest[1..j]));
            match (end, decoded) {
                (Some(j), Some(c)) => {
                    out.push_str(c);
                    rest = &rest[j + 1..];
                }
                _ => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
    }
    out.push_str(rest);
    out.replace('\u{a0}', " ")
}

fn entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "nbsp" => " ",
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "rsquo" | "lsquo" => "'",
        "ldquo" | "rdquo" => "\"",
        "ndash" => "–",
        "mdash" => "—",
        "deg" => "°",
        "eacute" => "é",
        "Eacute" => "É",
        "egrave" => "è",
        "ecirc" => "ê",
        "euml" => "ë",
        "aacute" => "á",
        "Aacute" => "Á",
        "agrave" => "à",
        "acirc" => "â",
        "atilde" => "ã",
        "auml" => "ä",
        "aring" => "å",
        "iacute" => "í",
        "Iacute" => "Í",
        "icirc" => "î",
        "iuml" => "ï",
        "oacute" => "ó",
        "Oacute" => "Ó",
        "ocirc" => "ô",
        "otilde" => "õ",
        "ouml" => "ö",
        "Ouml" => "Ö",
        "oslash" => "ø",
        "Oslash" => "Ø",
        "uacute" => "ú",
        "Uacute" => "Ú",
        "uuml" => "ü",
        "ccedil" => "ç",
        "ntilde" => "ñ",
        "Ntilde" => "Ñ",
        "scaron" => "š",
        "Scaron" => "Š",
        "szlig" => "ß",
        _ => return None,
    })
}

/// Folds Latin diacritics to ASCII ("Brasília" → "Brasilia"); other characters are kept.
pub fn fold_accents(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let r: &str = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => "A",
            'ç' | 'ć' | 'č' => "c",
            'Ç' | 'Ć' | 'Č' => "C",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
            'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ę' | 'Ě' => "E",
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => "i",
            'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'İ' => "I",
            'ñ' | 'ń' | 'ň' => "n",
            'Ñ' | 'Ń' | 'Ň' => "N",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
            'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => "O",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
            'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => "U",
            'ý' | 'ÿ' => "y",
            'Ý' => "Y",
            'š' | 'ś' | 'ş' | 'ș' => "s",
            'Š' | 'Ś' | 'Ş' | 'Ș' => "S",
            'ž' | 'ź' | 'ż' => "z",
            'Ž' | 'Ź' | 'Ż' => "Z",
            'đ' => "d",
            'Đ' => "D",
            'ł' => "l",
            'Ł' => "L",
            'ř' => "r",
            'Ř' => "R",
            'ğ' => "g",
            'Ğ' => "G",
            'ţ' | 'ț' | 'ť' => "t",
            'Ţ' | 'Ț' | 'Ť' => "T",
            'ß' => "ss",
            'æ' => "ae",
            'Æ' => "Ae",
            'œ' => "oe",
            'Œ' => "Oe",
            '\u{2019}' | '\u{2018}' => "'",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(r);
    }
    out
}

/// Whether a name is written in Latin script (ASCII or Latin-1/Latin Extended letters).
fn latin(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_ascii() || ('\u{c0}'..='\u{24f}').contains(&c) || c == '\u{2019}' || c == '–')
}

/// Removes parenthesized and bracketed parts, returning the rest and the removed contents.
fn split_parens(s: &str) -> (String, Vec<String>) {
    let mut out = String::new();
    let mut inner: Vec<String> = Vec::new();
    let mut depth = 0usize;
    let mut cur = String::new();
    for c in s.chars() {
        match c {
            '(' | '[' => {
                if depth == 0 {
                    cur.clear();
                } else {
                    cur.push(c);
                }
                depth += 1;
            }
            ')' | ']' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    inner.push(clean_ws(&cur));
                } else {
                    cur.push(c);
                }
            }
            _ if depth > 0 => cur.push(c),
            _ => out.push(c),
        }
    }
    (clean_ws(&out), inner)
}

/// Cuts a Factbook text at its first "note" marker.
fn cut_note(s: &str) -> &str {
    let lower = s.to_ascii_lowercase();
    let mut cut = s.len();
    for marker in ["note:", "; note", "note -", "note –"] {
        if let Some(i) = lower.find(marker) {
            cut = cut.min(i);
        }
    }
    &s[..cut]
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in fold_accents(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn letter_count(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

/// Whether a short string reads as an acronym ("SNS", "HDZ-BiH", "New DSS").
fn acronym_like(s: &str) -> bool {
    let letters = letter_count(s);
    let upper = s.chars().filter(|c| c.is_uppercase()).count();
    letters > 0 && upper * 2 >= letters && upper >= 2 && s.split_whitespace().count() <= 2
}

/// Splits a Factbook list on commas, semicolons and " or ", outside parentheses.
fn split_list(s: &str, or_too: bool) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ => {}
        }
        if depth == 0 && (c == ',' || c == ';' || c == '\n') {
            parts.push(std::mem::take(&mut cur));
            i += 1;
            continue;
        }
        if depth == 0 && or_too && chars[i..].starts_with(&[' ', 'o', 'r', ' ']) {
            parts.push(std::mem::take(&mut cur));
            i += 4;
            continue;
        }
        cur.push(c);
        i += 1;
    }
    parts.push(cur);
    parts
        .into_iter()
        .map(|p| clean_ws(&p))
        .filter(|p| !p.is_empty())
        .collect()
}

fn text_of(v: Option<&Value>) -> Option<String> {
    let v = v?;
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Object(o) => o.get("text")?.as_str()?.to_string(),
        _ => return None,
    };
    let s = html_to_text(&s);
    let t = s.trim();
    if t.is_empty() || t.eq_ignore_ascii_case("none") || t == "NA" {
        None
    } else {
        Some(t.to_string())
    }
}

// ---------------------------------------------------------------------------------------------
// supplement

#[derive(Debug, Default)]
struct Supplement {
    entries: Vec<RawEntry>,
    /// (entry key, alias) additions to generated entries.
    additions: Vec<(String, RawAlias)>,
    /// Class overrides of generated entries.
    classes: BTreeMap<String, EntityClass>,
    /// Generated entries to leave out.
    drop: BTreeSet<String>,
    /// Surfaces never matched when they come from generated data.
    stop: HashSet<String>,
    risky: HashSet<String>,
    shout: HashSet<String>,
    /// Related-entry overrides (`L key related`).
    related: BTreeMap<String, String>,
}

impl Supplement {
    fn parse(text: &str) -> Result<Supplement, GazetteerError> {
        let mut s = Supplement::default();
        for (i, line) in text.lines().enumerate() {
            let lineno = i + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: String| GazetteerError::Source {
                path: "models/gazetteer/supplement.tsv".into(),
                line: Some(lineno),
                message,
            };
            let f: Vec<&str> = line.split('\t').collect();
            let kind = |k: &str| AliasKind::parse(k).ok_or_else(|| err(format!("bad kind {k:?}")));
            let class = |c: &str| {
                EntityClass::from_local_name(c).ok_or_else(|| err(format!("bad class {c:?}")))
            };
            match (f[0], f.len()) {
                ("E", 7) => {
                    let mut e = RawEntry::new(f[1].to_string(), class(f[2])?, f[3]);
                    e.qid = f[4].to_string();
                    e.related = f[5].to_string();
                    e.note = f[6].to_string();
                    e.add(f[3], AliasKind::Name, "m");
                    s.entries.push(e);
                }
                ("A", 4) => {
                    let k = kind(f[1])?;
                    let e = s
                        .entries
                        .last_mut()
                        .ok_or_else(|| err("alias before any entry".into()))?;
                    e.add(f[3], k, f[2]);
                }
                ("+", 5) => s.additions.push((
                    f[1].to_string(),
                    RawAlias {
                        text: f[4].to_string(),
                        kind: kind(f[2])?,
                        flags: f[3].to_string(),
                    },
                )),
                ("C", 3) => {
                    s.classes.insert(f[1].to_string(), class(f[2])?);
                }
                ("L", 3) => {
                    s.related.insert(f[1].to_string(), f[2].to_string());
                }
                ("D", 2) => {
                    s.drop.insert(f[1].to_string());
                }
                ("X", 2) => {
                    s.stop.insert(f[1].to_string());
                }
                ("R", 2) => {
                    s.risky.insert(f[1].to_string());
                }
                ("S", 2) => {
                    s.shout.insert(f[1].to_string());
                }
                (t, n) => return Err(err(format!("bad record {t:?} with {n} fields"))),
            }
        }
        Ok(s)
    }
}

fn apply_supplement(s: &Supplement, entries: &mut Vec<RawEntry>) -> Result<(), GazetteerError> {
    entries.retain(|e| !s.drop.contains(&e.key));
    let index: HashMap<String, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.key.clone(), i))
        .collect();
    for (key, class) in &s.classes {
        if let Some(&i) = index.get(key) {
            entries[i].class = *class;
        }
    }
    for (key, alias) in &s.additions {
        let i = *index.get(key).ok_or_else(|| GazetteerError::Source {
            path: "models/gazetteer/supplement.tsv".into(),
            line: None,
            message: format!("alias {:?} added to unknown entry {key}", alias.text),
        })?;
        entries[i].add(&alias.text, alias.kind, &alias.flags);
        // a supplement alias overrides generated flags of the same text
        for a in entries[i].aliases.iter_mut() {
            if a.text == alias.text {
                a.flags = alias.flags.clone();
                a.kind = alias.kind;
            }
        }
    }
    let mut seen: HashSet<String> = entries.iter().map(|e| e.key.clone()).collect();
    for e in &s.entries {
        if !seen.insert(e.key.clone()) {
            return Err(GazetteerError::Source {
                path: "models/gazetteer/supplement.tsv".into(),
                line: None,
                message: format!("duplicate key {}", e.key),
            });
        }
        entries.push(e.clone());
    }
    Ok(())
}

/// Applies stop/risky/shout lists to all aliases and drops dangling `related` keys.
fn finish_flags(s: &Supplement, entries: &mut [RawEntry]) {
    let keys: HashSet<String> = entries.iter().map(|e| e.key.clone()).collect();
    let added: HashSet<(&str, &str)> = s
        .additions
        .iter()
        .map(|(k, a)| (k.as_str(), a.text.as_str()))
        .collect();
    for e in entries.iter_mut() {
        let from_supplement = e.key.starts_with("sup:");
        if !e.related.is_empty() && !keys.contains(&e.related) {
            e.related.clear();
        }
        for a in e.aliases.iter_mut() {
            if a.flags == "-" {
                continue;
            }
            let country_name = e.class == EntityClass::Country
                && matches!(a.kind, AliasKind::Name | AliasKind::Short | AliasKind::Long);
            if s.stop.contains(&a.text)
                && !from_supplement
                && !country_name
                && !added.contains(&(e.key.as_str(), a.text.as_str()))
            {
                a.flags = "-".into();
                continue;
            }
            let mut f: BTreeSet<char> = a.flags.chars().filter(|c| *c != '-').collect();
            if s.risky.contains(&a.text) {
                f.insert('r');
            }
            if s.shout.contains(&a.text) {
                f.insert('s');
            }
            a.flags = f.into_iter().collect();
        }
    }
}

// ---------------------------------------------------------------------------------------------
// World Factbook

fn read_json(path: &Path) -> Result<Value, GazetteerError> {
    let text = std::fs::read_to_string(path).map_err(|e| GazetteerError::Io {
        path: path.display().to_string(),
        source: e,
    })?;
    serde_json::from_str(&text).map_err(|e| GazetteerError::Source {
        path: path.display().to_string(),
        line: Some(e.line()),
        message: e.to_string(),
    })
}

fn sorted_dir(dir: &Path) -> Result<Vec<PathBuf>, GazetteerError> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| GazetteerError::Io {
            path: dir.display().to_string(),
            source: e,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    v.sort();
    Ok(v)
}

struct Country {
    gec: String,
    entry: RawEntry,
    doc: Value,
}

fn factbook(
    dir: &Path,
    supplement: &Supplement,
    out: &mut Vec<RawEntry>,
) -> Result<(), GazetteerError> {
    let mut countries: Vec<Country> = Vec::new();
    for region in sorted_dir(dir)? {
        if !region.is_dir() {
            continue;
        }
        for file in sorted_dir(&region)? {
            if file.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let gec = file
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            let doc = read_json(&file)?;
            if let Some(entry) = country_entry(&gec, &doc) {
                countries.push(Country { gec, entry, doc });
            }
        }
    }
    // names of all countries (not demonyms), to keep them out of other lists
    let country_names: HashSet<String> = countries
        .iter()
        .flat_map(|c| {
            c.entry
                .aliases
                .iter()
                .filter(|a| !matches!(a.kind, AliasKind::DemonymAdj | AliasKind::DemonymNoun))
                .map(|a| a.text.clone())
        })
        .collect();
    let country_gecs: HashSet<String> = countries
        .iter()
        .filter(|c| {
            c.entry.class == EntityClass::Country
                || supplement.classes.get(&c.entry.key) == Some(&EntityClass::Country)
        })
        .map(|c| c.gec.clone())
        .collect();
    let population: HashMap<String, u64> = countries
        .iter()
        .map(|c| {
            let total = c.doc["People and Society"]["Population"]
                .get("total")
                .and_then(|t| text_of(Some(t)))
                .unwrap_or_default();
            let digits: String = total
                .split_whitespace()
                .next()
                .unwrap_or("")
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            (c.gec.clone(), digits.parse().unwrap_or(0))
        })
        .collect();
    let mut capitals = Vec::new();
    let mut cities = Vec::new();
    let mut divisions = Vec::new();
    let mut leaders = Vec::new();
    let mut parties = Vec::new();
    let mut ethnic: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    for c in &countries {
        if supplement.drop.contains(&c.entry.key) {
            continue;
        }
        let g = &c.doc["Government"];
        let caps = capital_entries(&c.gec, g);
        let divs = division_entries(&c.gec, g, &country_names);
        let local_names: HashSet<String> = divs
            .iter()
            .flat_map(|d| d.aliases.iter().map(|a| a.text.clone()))
            .collect();
        // a city named as its division ("New York", "Basra") stays the division: the text
        // rarely tells which one it means
        let taken: Vec<String> = caps
            .iter()
            .flat_map(|e| e.aliases.iter().map(|a| a.text.clone()))
            .chain(local_names.iter().cloned())
            .collect();
        cities.extend(urban_entries(&c.gec, &c.doc, &country_names, &taken));
        capitals.extend(caps);
        divisions.extend(divs);
        leaders.extend(leader_entries(&c.gec, g));
        parties.extend(party_entries(&c.gec, g, &country_names, &local_names));
        if let Some(t) = text_of(c.doc["People and Society"].get("Ethnic groups")) {
            for name in ethnic_names(&t) {
                if country_names.contains(&name) {
                    continue;
                }
                let e = ethnic.entry(slug(&name)).or_insert((name, Vec::new()));
                if !e.1.contains(&c.gec) {
                    e.1.push(c.gec.clone());
                }
            }
        }
    }
    // One group under two names: a profile that lists "Serbian" (Serbia's adjective) and another
    // that lists "Serb" (Serbia's noun) name the same people; the adjective form becomes an alias
    // of the noun's group.
    let mut other_forms: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for c in &countries {
        let aliases = &c.entry.aliases;
        let Some(noun) = aliases.iter().find(|a| a.kind == AliasKind::DemonymNoun) else {
            continue;
        };
        let noun_slug = slug(&noun.text);
        for adj in aliases.iter().filter(|a| a.kind == AliasKind::DemonymAdj) {
            let adj_slug = slug(&adj.text);
            if adj_slug == noun_slug || !ethnic.contains_key(&noun_slug) {
                continue;
            }
            if let Some((name, gecs)) = ethnic.remove(&adj_slug) {
                let group = ethnic.get_mut(&noun_slug).expect("checked above");
                for g in gecs {
                    if !group.1.contains(&g) {
                        group.1.push(g);
                    }
                }
                other_forms.entry(noun_slug.clone()).or_default().push(name);
            }
        }
    }
    // nationality nouns of countries, to mark matching ethnic groups
    for c in countries {
        out.push(c.entry);
    }
    // Same-named parties and divisions of several countries: the more populous country's entry
    // comes first in the table and is the preferred sense ("Democratic Party", "ANC", "SNP").
    let by_population = |v: &mut Vec<RawEntry>| {
        v.sort_by_key(|e| {
            std::cmp::Reverse(
                population
                    .get(e.related.trim_start_matches("fb:"))
                    .copied()
                    .unwrap_or(0),
            )
        })
    };
    by_population(&mut divisions);
    by_population(&mut parties);
    out.extend(dedupe_keys(capitals));
    by_population(&mut cities);
    out.extend(dedupe_keys(cities));
    out.extend(dedupe_keys(divisions));
    out.extend(dedupe_keys(parties));
    out.extend(merge_leaders(leaders, &country_gecs, supplement));
    for (s, (name, gecs)) in ethnic {
        let mut e = RawEntry::new(format!("eth:{s}"), EntityClass::EthnicGroup, &plural(&name));
        // single-word singular forms double as personal names ("Bemba", "Yadav"): risky
        let (plural_flags, singular_flags) = if name.contains(' ') {
            ("m", "m")
        } else if letter_count(&name) >= 4 {
            ("m", "mr")
        } else {
            ("-", "-")
        };
        e.add(&plural(&name), AliasKind::DemonymNoun, plural_flags);
        e.add(&name, AliasKind::DemonymNoun, singular_flags);
        for other in other_forms.get(&s).into_iter().flatten() {
            // the adjective form's plural ("Serbians"); its singular is the country's adjective,
            // and an adjective without a plural ("Turkish") is no name of the people
            if plural(other) != *other {
                e.add(&plural(other), AliasKind::DemonymNoun, plural_flags);
            }
        }
        if gecs.len() == 1 {
            e.related = format!("fb:{}", gecs[0]);
        }
        e.note = format!("listed in: {}", gecs.join(","));
        out.push(e);
    }
    Ok(())
}

/// One entry per person: a person listed by several profiles (a monarch of several realms, a
/// president also listed for dependencies) is related to the country where they hold a plain
/// national title, unless the supplement says otherwise (`L` records).
fn merge_leaders(
    leaders: Vec<RawEntry>,
    country_gecs: &HashSet<String>,
    supplement: &Supplement,
) -> Vec<RawEntry> {
    const PLAIN: &[&str] = &[
        "President",
        "King",
        "Queen",
        "Prime Minister",
        "Chancellor",
        "Premier",
        "Emperor",
        "Supreme Leader",
        "Amir",
        "Emir",
        "Sultan",
        "Pope",
    ];
    let mut groups: BTreeMap<String, Vec<RawEntry>> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for e in leaders {
        let name_slug = e.key.splitn(3, ':').nth(2).unwrap_or_default().to_string();
        if !groups.contains_key(&name_slug) {
            order.push(name_slug.clone());
        }
        groups.entry(name_slug).or_default().push(e);
    }
    let mut out = Vec::new();
    for name_slug in order {
        let mut group = groups.remove(&name_slug).unwrap_or_default();
        let score = |e: &RawEntry| {
            let gec = e.related.trim_start_matches("fb:");
            let title = e.note.split(" (").next().unwrap_or("");
            (!country_gecs.contains(gec), !PLAIN.contains(&title))
        };
        group.sort_by_key(|e| score(e)); // stable: file order among equals
        let mut by_title: Vec<(String, Vec<String>)> = Vec::new();
        for e in &group {
            let t = e.note.trim_end_matches("; Factbook snapshot").to_string();
            let gec = e.related.trim_start_matches("fb:").to_string();
            match by_title.iter_mut().find(|(x, _)| *x == t) {
                Some((_, g)) => g.push(gec),
                None => by_title.push((t, vec![gec])),
            }
        }
        let notes: Vec<String> = by_title
            .iter()
            .map(|(t, g)| format!("{t} [{}]", g.join(",")))
            .collect();
        let mut first = group.remove(0);
        let key = format!("person:{name_slug}");
        if let Some(rel) = supplement.related.get(&key) {
            first.related = rel.clone();
        }
        first.key = key;
        first.note = format!("{}; Factbook snapshot", notes.join("; "));
        for other in group {
            for a in other.aliases {
                first.add(&a.text, a.kind, &a.flags);
            }
        }
        out.push(first);
    }
    out
}

/// Merges entries with the same key (same name twice in one country's list).
fn dedupe_keys(v: Vec<RawEntry>) -> Vec<RawEntry> {
    let mut out: Vec<RawEntry> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for e in v {
        match index.get(&e.key) {
            Some(&i) => {
                for a in e.aliases {
                    out[i].add(&a.text, a.kind, &a.flags);
                }
            }
            None => {
                index.insert(e.key.clone(), out.len());
                out.push(e);
            }
        }
    }
    out
}

fn country_entry(gec: &str, doc: &Value) -> Option<RawEntry> {
    let g = doc.get("Government")?;
    let cn = g.get("Country name")?;
    let short = text_of(cn.get("conventional short form")).map(|s| cut_note(&s).to_string());
    let long = text_of(cn.get("conventional long form")).map(|s| cut_note(&s).trim().to_string());
    let first = short.clone().or(long.clone())?;
    let (short_main, short_paren) = split_parens(&first);
    // "Gaza, Gaza Strip"
    let mut short_names = split_list(&short_main, false);
    // "The Dominican" of "Dominican Republic": a short form that is the long form without its
    // "Republic" is an adjective, not a name; the long form is the common name
    if let (Some(s), Some(l)) = (short_names.first(), long.as_deref()) {
        let bare = s.strip_prefix("The ").unwrap_or(s);
        let rest = l.strip_prefix(bare).and_then(|r| r.strip_prefix(' '));
        if rest == Some("Republic") {
            short_names[0] = l.to_string();
        }
    }
    let canonical = short_names.first()?.clone();
    let un = text_of(g.get("International organization participation"))
        .map(|t| {
            t.split(',')
                .any(|x| matches!(x.trim(), "UN" | "UN (observer)"))
        })
        .unwrap_or(false);
    let class = if un {
        EntityClass::Country
    } else {
        EntityClass::Territory
    };
    let mut e = RawEntry::new(format!("fb:{gec}"), class, &canonical);
    e.add(&canonical, AliasKind::Name, "m");
    if let Some(stripped) = canonical.strip_prefix("The ") {
        e.add(stripped, AliasKind::Short, "m");
    }
    for s in short_names.iter().skip(1) {
        e.add(s, AliasKind::Short, "m");
    }
    for p in short_paren {
        if starts_upper(&p) && latin(&p) && p.split_whitespace().count() <= 4 {
            e.add(&p, AliasKind::Short, "m");
        }
    }
    if let Some(l) = long {
        for part in l.split(';') {
            let (main, _) = split_parens(part);
            if starts_upper(&main) {
                e.add(&main, AliasKind::Long, "m");
                if let Some(stripped) = main.strip_prefix("The ") {
                    e.add(stripped, AliasKind::Long, "m");
                }
            }
        }
    }
    for field in ["local short form", "local long form"] {
        if let Some(t) = text_of(cn.get(field)) {
            for part in t.split(['/']) {
                for p in split_list(&split_parens(part).0, true) {
                    if starts_upper(&p) && latin(&p) && letter_count(&p) >= 4 {
                        e.add(&p, AliasKind::Local, "m");
                    }
                }
            }
        }
    }
    if let Some(t) = text_of(cn.get("abbreviation")) {
        let (main, inner) = split_parens(&t);
        let inner: Vec<String> = inner
            .iter()
            .map(|s| s.trim_start_matches("or ").to_string())
            .collect();
        for p in split_list(&main, true).into_iter().chain(inner) {
            e.add(&p, AliasKind::Acronym, "m");
        }
    }
    if let Some(t) = text_of(cn.get("former")) {
        for p in split_list(&split_parens(&t).0, false) {
            if starts_upper(&p) && latin(&p) && p != canonical {
                e.add(&p, AliasKind::Former, "m");
            }
        }
    }
    let ps = &doc["People and Society"];
    if let Some(nat) = ps.get("Nationality") {
        if let Some(t) = text_of(nat.get("adjective")) {
            for p in demonym_forms(&t) {
                e.add(&p, AliasKind::DemonymAdj, "m");
            }
        }
        if let Some(t) = text_of(nat.get("noun")) {
            for p in demonym_forms(&t) {
                e.add(&p, AliasKind::DemonymNoun, "m");
            }
        }
    }
    e.add(&gec.to_ascii_uppercase(), AliasKind::Code, "-");
    let mut note = format!("gec={gec}");
    if let Some(tld) = text_of(doc["Communications"].get("Internet country code")) {
        let tld = tld
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_start_matches('.');
        if tld.len() == 2 && tld.chars().all(|c| c.is_ascii_alphabetic()) {
            let _ = write!(note, "; tld=.{tld}");
        }
    }
    e.note = note;
    Some(e)
}

/// Forms of a demonym field: "Serb(s)" → Serb, Serbs; "Frenchman(men)" → Frenchman, Frenchmen.
fn demonym_forms(t: &str) -> Vec<String> {
    let t = cut_note(t);
    let t = t.split(';').next().unwrap_or("");
    let mut out = Vec::new();
    for piece in split_list(t, true) {
        let piece = piece.replace(" (", "(");
        let mut forms: Vec<String> = Vec::new();
        if let Some(stem) = piece.strip_suffix("(s)") {
            forms.push(stem.to_string());
            forms.push(format!("{stem}s"));
        } else if let Some(i) = piece.find("(men)").or_else(|| piece.find("(women)")) {
            let stem = &piece[..i];
            forms.push(stem.to_string());
            if let Some(base) = stem.strip_suffix("man") {
                forms.push(format!("{base}men"));
            }
        } else {
            forms.push(split_parens(&piece).0);
        }
        for f in forms {
            let f = clean_ws(&f);
            if starts_upper(&f) && latin(&f) && letter_count(&f) >= 3 && f != "NA" {
                out.push(f);
            }
        }
    }
    out
}

fn capital_entries(gec: &str, g: &Value) -> Vec<RawEntry> {
    let Some(t) = g.get("Capital").and_then(|c| text_of(c.get("name"))) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for part in cut_note(&t).split(';') {
        let (main, inner) = split_parens(part);
        let main = main.trim().trim_end_matches(',').to_string();
        if !starts_upper(&main) || !latin(&main) || main.split_whitespace().count() > 4 {
            continue;
        }
        let mut e = RawEntry::new(
            format!("cap:{gec}:{}", slug(&main)),
            EntityClass::City,
            &main,
        );
        e.related = format!("fb:{gec}");
        e.add(&main, AliasKind::Capital, "m");
        for p in inner {
            if starts_upper(&p) && latin(&p) && p.split_whitespace().count() <= 3 {
                e.add(&p, AliasKind::Capital, "m");
            }
        }
        e.note = "capital".into();
        out.push(e);
    }
    out
}

/// The largest cities other than the capital ("People and Society: Major urban areas -
/// population": "6.372 million Toronto, 4.308 million Montreal, ..., 1.437 million OTTAWA
/// (capital) (2023)"). An agglomeration named after several cities ("Dallas-Fort Worth",
/// "Southampton/Portsmouth") gives each its own entry; names in `taken_names` (the country's
/// capitals and divisions) are left to those entries.
fn urban_entries(
    gec: &str,
    doc: &Value,
    country_names: &HashSet<String>,
    taken_names: &[String],
) -> Vec<RawEntry> {
    let Some(t) = text_of(doc["People and Society"].get("Major urban areas - population")) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in split_list(cut_note(&t), false) {
        if item.contains("(capital)") {
            continue;
        }
        let (main, inner) = split_parens(&item);
        // the population before the name
        let name = main
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',')
            .trim()
            .trim_start_matches("million")
            .trim_start_matches("thousand")
            .trim();
        // "Dallas-Fort Worth", "New York-Newark" are two cities, "Mbuji-Mayi", "Pointe-Noire"
        // one
        let parts: Vec<&str> = name
            .split('/')
            .flat_map(|n| {
                let pieces: Vec<&str> = n.split('-').map(str::trim).collect();
                let two_cities = pieces.len() > 1
                    && pieces.iter().any(|p| p.contains(' '))
                    && pieces.iter().all(|p| starts_upper(p));
                if two_cities { pieces } else { vec![n.trim()] }
            })
            .collect();
        let english = inner
            .iter()
            .find(|p| starts_upper(p) && latin(p) && !p.chars().any(|c| c.is_ascii_digit()))
            .cloned();
        for (i, part) in parts.iter().enumerate() {
            let part = part.to_string();
            // the capital is written in capitals ("WASHINGTON, D.C. (capital)")
            if !starts_upper(&part)
                || !latin(&part)
                || !part.chars().any(char::is_lowercase)
                || part.chars().any(|c| c.is_ascii_digit())
                || part.split_whitespace().count() > 4
                || country_names.contains(&part)
                || taken_names.contains(&part)
            {
                continue;
            }
            // the English name in parentheses belongs to a single city ("Hims (Homs)")
            let english = english.clone().filter(|_| parts.len() == 1 && i == 0);
            // ("Sydney", "Florence": also a given name, so not before a surname)
            out.push(place_entry(
                gec,
                EntityClass::City,
                &part,
                english,
                "major urban area",
            ));
        }
    }
    out
}

/// A city (`city:` key, given names risky) or an administrative division (`div:` key) of the
/// country `gec`, named `name` and, when the Factbook gives one, by its English name (the
/// canonical label then).
fn place_entry(
    gec: &str,
    class: EntityClass,
    name: &str,
    english: Option<String>,
    note: &str,
) -> RawEntry {
    let city = class == EntityClass::City;
    let prefix = if city { "city" } else { "div" };
    let canonical = english.clone().unwrap_or_else(|| name.to_string());
    let mut e = RawEntry::new(format!("{prefix}:{gec}:{}", slug(name)), class, &canonical);
    e.related = format!("fb:{gec}");
    add_place_names(
        &mut e,
        std::iter::once(name.to_string()).chain(english),
        city,
    );
    e.note = note.into();
    e
}

/// Adds `names` as matchable names of a place entry: a single short word ("Ibb") is data only,
/// and with `given_names_risky` a name that is also a given name ("Sydney") is risky.
fn add_place_names(e: &mut RawEntry, names: impl Iterator<Item = String>, given_names_risky: bool) {
    for n in names {
        let safe = n.split_whitespace().count() >= 2 || letter_count(&n) >= 5;
        let given_name = given_names_risky
            && crate::entities::gender::FirstNameGenders::embedded()
                .get(&n)
                .is_some();
        let flags = match (safe, given_name) {
            (false, _) => "-",
            (true, true) => "mr",
            (true, false) => "m",
        };
        e.add(&n, AliasKind::Name, flags);
    }
}

fn division_entries(gec: &str, g: &Value, country_names: &HashSet<String>) -> Vec<RawEntry> {
    let Some(t) = text_of(g.get("Administrative divisions")) else {
        return Vec::new();
    };
    let t = cut_note(&t);
    let mut out = Vec::new();
    for segment in t.split(['\n', ';']) {
        let segment = match segment.rfind(':') {
            Some(i) => &segment[i + 1..],
            None => segment,
        };
        let segment = segment.trim();
        if segment.is_empty() || segment.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        for item in split_list(segment, false) {
            let item = item.replace('*', "");
            let (main, inner) = split_parens(&item);
            let main = main.trim_start_matches("and ").trim().to_string();
            if !starts_upper(&main)
                || !latin(&main)
                || main.chars().any(|c| c.is_ascii_digit())
                || main.split_whitespace().count() > 5
                || country_names.contains(&main)
            {
                continue;
            }
            let english = inner
                .iter()
                .find(|p| starts_upper(p) && latin(p) && p.split_whitespace().count() <= 5)
                .cloned();
            out.push(place_entry(
                gec,
                EntityClass::Territory,
                &main,
                english,
                "administrative division",
            ));
        }
    }
    out
}

const TITLE_WORDS: &[&str] = &[
    "Acting",
    "Administrator",
    "Amir",
    "Armed",
    "Assembly",
    "Captain",
    "Captains",
    "Chair",
    "Chairman",
    "Chairperson",
    "Chancellor",
    "Chief",
    "Co-Prince",
    "Co-Princes",
    "Commander",
    "Commissioner",
    "Council",
    "Crown",
    "Defense",
    "Deputy",
    "Duke",
    "Emir",
    "Emperor",
    "Executive",
    "Federal",
    "First",
    "Forces",
    "General",
    "Government",
    "Governor",
    "Governor-General",
    "Grand",
    "Head",
    "High",
    "Interim",
    "King",
    "Leader",
    "Lieutenant",
    "Lord",
    "Mayor",
    "Military",
    "Minister",
    "Ministers",
    "National",
    "Pope",
    "Premier",
    "Presidency",
    "President",
    "Prime",
    "Prince",
    "Princess",
    "Queen",
    "Regent",
    "Regents",
    "Representative",
    "Revolutionary",
    "Royal",
    "Second",
    "Secretary",
    "Sovereign",
    "Speaker",
    "State",
    "Sultan",
    "Supreme",
    "Transitional",
    "Vice",
    "Co-Chairs",
    "Co-Chair",
    "Sir",
    "Dame",
    "Col",
    "Colonel",
    "Gen",
    "Lt",
    "Dr",
    "Brig",
    "Marshal",
    "Field",
    "Taoiseach",
    "Ayatollah",
    "Presidential",
    "Territorial",
    "Commonwealth",
    "Cardinal",
    "Holiness",
    "Air",
    "Vice-Marshal",
    "Capt",
    "Captain-General",
    "Co-prince",
    "Maj",
    "Major",
    "Admiral",
];

fn roman(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// "VUCIC" → "Vucic", "Hoseini-KHAMENEI" → "Hoseini-Khamenei", "III" kept.
fn name_case(w: &str) -> String {
    w.split('-')
        .map(|part| {
            let caps = part.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !part.chars().any(char::is_lowercase);
            if caps {
                let mut out = String::new();
                let mut first = true;
                for c in part.chars() {
                    if first && c.is_alphabetic() {
                        out.push(c);
                        first = false;
                    } else if c == '\'' {
                        out.push(c);
                        first = true;
                    } else {
                        out.extend(c.to_lowercase());
                    }
                }
                out
            } else {
                part.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

fn caps_token(w: &str) -> bool {
    let last = w.rsplit('-').next().unwrap_or(w);
    let last = last.trim_matches(|c: char| !c.is_alphabetic());
    last.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !last.chars().any(char::is_lowercase)
}

fn leader_entries(gec: &str, g: &Value) -> Vec<RawEntry> {
    let Some(exec) = g.get("Executive branch") else {
        return Vec::new();
    };
    let mut out: Vec<RawEntry> = Vec::new();
    for (field, role) in [
        ("chief of state", "chief of state"),
        ("head of government", "head of government"),
    ] {
        let Some(t) = text_of(exec.get(field)) else {
            continue;
        };
        let (flat, _) = split_parens(cut_note(&t));
        for statement in flat.split(';') {
            let tokens: Vec<&str> = statement
                .split_whitespace()
                .map(|w| {
                    let w = w.trim_end_matches([',', ':']);
                    if w.len() == 2 && w.ends_with('.') {
                        w
                    } else {
                        w.trim_end_matches('.')
                    }
                })
                .filter(|w| !w.is_empty())
                .collect();
            if let Some(e) = leader_entry(gec, role, &tokens) {
                if let Some(existing) = out.iter_mut().find(|x| x.key == e.key) {
                    let _ = write!(existing.note, "; {}", e.note);
                } else {
                    out.push(e);
                }
            }
        }
    }
    for e in out.iter_mut() {
        e.note.push_str("; Factbook snapshot");
    }
    out
}

/// One person from a statement such as "Prime Minister Djuro MACUT" or "President XI Jinping".
fn leader_entry(gec: &str, role: &str, tokens: &[&str]) -> Option<RawEntry> {
    let caps_at = tokens
        .iter()
        .position(|w| caps_token(w) && !TITLE_WORDS.contains(w))?;
    let mut given_start = caps_at;
    const PARTICLES: &[&str] = &[
        "al", "el", "bin", "ben", "de", "da", "dos", "van", "von", "la",
    ];
    while given_start > 0 && caps_at - given_start < 5 {
        let w = tokens[given_start - 1];
        let ok = (starts_upper(w) || PARTICLES.contains(&w))
            && !TITLE_WORDS.contains(&w)
            && !w.ends_with("'s")
            // "President of China XI Jinping": a word after "of"/"the" belongs to the title
            && !(given_start >= 2
                && tokens[given_start - 2].chars().next().is_some_and(char::is_lowercase)
                && !PARTICLES.contains(&tokens[given_start - 2]));
        if !ok {
            break;
        }
        given_start -= 1;
    }
    while given_start < caps_at && PARTICLES.contains(&tokens[given_start]) {
        given_start += 1;
    }
    let mut caps_end = caps_at;
    while caps_end < tokens.len() && caps_token(tokens[caps_end]) {
        caps_end += 1;
    }
    let rest = &tokens[caps_end..];
    if rest.len() > 4 || rest.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
        return None;
    }
    let given: Vec<String> = tokens[given_start..caps_at]
        .iter()
        .map(|w| w.to_string())
        .collect();
    let caps: Vec<String> = tokens[caps_at..caps_end]
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if roman(w) && (i > 0 || !given.is_empty()) {
                w.to_string()
            } else {
                name_case(w)
            }
        })
        .collect();
    let rest: Vec<String> = rest.iter().map(|w| w.to_string()).collect();
    let all: Vec<String> = given.iter().chain(&caps).chain(&rest).cloned().collect();
    let full = all.join(" ");
    if !latin(&full) || letter_count(&full) < 4 {
        return None;
    }
    let title = tokens[..given_start]
        .iter()
        .skip_while(|w| w.chars().next().is_some_and(char::is_lowercase))
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let mut e = RawEntry::new(
        format!("person:{gec}:{}", slug(&full)),
        EntityClass::Person,
        &full,
    );
    e.related = format!("fb:{gec}");
    e.note = format!("{title} ({role})");
    let multi = all.len() >= 2;
    e.add(&full, AliasKind::Leader, if multi { "m" } else { "-" });
    let initial = |w: &String| w.len() <= 2 && (w.ends_with('.') || w.len() == 1);
    let plain: Vec<&String> = all.iter().filter(|w| !initial(w)).collect();
    if plain.len() >= 2 && plain.len() < all.len() {
        let s: Vec<&str> = plain.iter().map(|s| s.as_str()).collect();
        e.add(&s.join(" "), AliasKind::Leader, "m");
    }
    let given_plain: Vec<&String> = given.iter().filter(|w| !initial(w)).collect();
    if let (Some(first), Some(last), Some(surname)) =
        (given_plain.first(), given_plain.last(), caps.first())
        && !roman(surname)
    {
        e.add(&format!("{first} {surname}"), AliasKind::Leader, "m");
        e.add(&format!("{last} {surname}"), AliasKind::Leader, "m");
    }
    if let Some(surname) = caps.iter().find(|w| !roman(w))
        && multi
    {
        e.add(surname, AliasKind::Other, "-");
    }
    Some(e)
}

fn party_entries(
    gec: &str,
    g: &Value,
    country_names: &HashSet<String>,
    local_names: &HashSet<String>,
) -> Vec<RawEntry> {
    let Some(t) = text_of(g.get("Political parties")) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for line in cut_note(&t).lines() {
        let line = clean_ws(line);
        if line.is_empty() || !starts_upper(&line) {
            continue;
        }
        let (main, inner) = split_parens(&line);
        let pieces = split_list(&main, true);
        let Some(name) = pieces.first().cloned() else {
            continue;
        };
        if !latin(&name)
            || name.split_whitespace().count() > 14
            || acronym_like(&name) && pieces.len() == 1 && letter_count(&name) < 3
        {
            continue;
        }
        let mut e = RawEntry::new(
            format!("party:{gec}:{}", slug(&name)),
            EntityClass::PoliticalParty,
            &name,
        );
        e.related = format!("fb:{gec}");
        e.note = "political party".into();
        let single_safe = |s: &str| s.split_whitespace().count() >= 2 || letter_count(s) >= 4;
        e.add(
            &name,
            AliasKind::Name,
            if single_safe(&name) { "m" } else { "-" },
        );
        for p in pieces.iter().skip(1) {
            if acronym_like(p) {
                let flags = if letter_count(p) >= 3 { "m" } else { "-" };
                e.add(p, AliasKind::Acronym, flags);
            } else if starts_upper(p) {
                e.add(p, AliasKind::Other, if single_safe(p) { "m" } else { "-" });
            }
        }
        for p in inner {
            let lower = p.to_ascii_lowercase();
            if let Some(former) = p.strip_prefix("formerly ") {
                for f in split_list(former, true) {
                    let kind = if acronym_like(&f) {
                        AliasKind::Acronym
                    } else {
                        AliasKind::Former
                    };
                    let ok = letter_count(&f) >= 3
                        && (kind == AliasKind::Former || letter_count(&f) >= 3);
                    e.add(&f, kind, if ok && starts_upper(&f) { "m" } else { "-" });
                }
                continue;
            }
            if !starts_upper(&p)
                || !latin(&p)
                || country_names.contains(&p)
                || local_names.contains(&p)
                || [
                    "coalition",
                    "includes",
                    "party",
                    "led by",
                    "alliance",
                    "bloc",
                    "faction",
                    "leader",
                ]
                .iter()
                .any(|w| lower.contains(w))
                || p.split_whitespace().count() > 6
            {
                continue;
            }
            let kind = if acronym_like(&p) {
                AliasKind::Acronym
            } else {
                AliasKind::Other
            };
            let flags = if single_safe(&p) && letter_count(&p) >= 3 {
                "m"
            } else {
                "-"
            };
            e.add(&p, kind, flags);
        }
        out.push(e);
    }
    out
}

const ETHNIC_STOP: &[&str] = &[
    "Other",
    "Others",
    "White",
    "Whites",
    "Black",
    "Blacks",
    "Mixed",
    "Unknown",
    "Unspecified",
    "Asian",
    "African",
    "European",
    "Indigenous",
    "Native",
    "Foreign",
    "Foreigners",
    "None",
    "Mestizo",
    "Mulatto",
    "Amerindian",
    "Creole",
    "Expatriates",
    "Non-Saudi",
    "Nationals",
    "Citizens",
    "Several",
    "Many",
    "Mostly",
    "Minority",
    "Minorities",
    "Tribes",
    "Including",
    "Chinese",
    "Indian",
    "Asia",
    "EU",
    "Muslim",
    "Muslims",
    "Jewish",
    "Scottish",
    "Europeans",
    "Grassfields",
    "Belle",
    "Kurdish",
    "Hispanic",
    "North American",
    "South Korean",
    "Saint Maarten",
    "St. Helena",
    "Slavic",
    "Lndi",
];

fn ethnic_names(t: &str) -> Vec<String> {
    let (flat, _) = split_parens(cut_note(t));
    let mut out = Vec::new();
    for item in flat.split([',', ';', '\n']) {
        let item: Vec<&str> = item
            .split_whitespace()
            .filter(|w| !w.chars().any(|c| c.is_ascii_digit() || c == '%'))
            .collect();
        let mut item = item.join(" ");
        for prefix in ["and ", "or "] {
            if let Some(s) = item.strip_prefix(prefix) {
                item = s.to_string();
            }
        }
        let item = item.trim_end_matches(['.', ':']).trim().to_string();
        let words: Vec<&str> = item.split_whitespace().collect();
        if words.is_empty()
            || words.len() > 2
            || !words.iter().all(|w| starts_upper(w))
            || item.contains('/')
            || !latin(&item)
            || words.iter().any(|w| ETHNIC_STOP.contains(w))
            || ETHNIC_STOP.contains(&item.as_str())
        {
            continue;
        }
        out.push(item);
    }
    out
}

/// English plural of an ethnonym ("Kurd" → "Kurds"; "Baloch", "Han Chinese" unchanged).
fn plural(name: &str) -> String {
    let invariant = ["ese", "ss", "ch", "sh", "x", "z", "ish", "s", "i"];
    if invariant.iter().any(|s| name.ends_with(s)) {
        name.to_string()
    } else if let Some(stem) = name.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'o', 'u'])
    {
        format!("{stem}ies")
    } else {
        format!("{name}s")
    }
}

// ---------------------------------------------------------------------------------------------
// SupraVerden

/// One top-level YAML record: its key and its scalar fields.
type YamlRecord = (String, BTreeMap<String, String>);

/// Parses the subset of YAML SupraVerden uses: top-level keys (plain or `? key` / `: first`),
/// two-space indented `Key: value` scalars and `- item` lists.
fn parse_yaml_records(text: &str, path: &str) -> Result<Vec<YamlRecord>, GazetteerError> {
    let mut out: Vec<YamlRecord> = Vec::new();
    let mut pending_key: Option<String> = None;
    for (i, line) in text.lines().enumerate() {
        let err = |message: &str| GazetteerError::Source {
            path: path.to_string(),
            line: Some(i + 1),
            message: message.to_string(),
        };
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if let Some(k) = line.strip_prefix("? ") {
            pending_key = Some(unquote(k));
            continue;
        }
        let field_line = if let Some(rest) = line.strip_prefix(": ") {
            let key = pending_key.take().ok_or_else(|| err("':' without '?'"))?;
            out.push((key, BTreeMap::new()));
            format!("  {rest}")
        } else if !line.starts_with(' ') {
            let key = line
                .strip_suffix(':')
                .ok_or_else(|| err("top-level line without ':'"))?;
            out.push((unquote(key), BTreeMap::new()));
            continue;
        } else {
            line.to_string()
        };
        let Some(body) = field_line.strip_prefix("  ") else {
            return Err(err("unexpected indentation"));
        };
        let record = &mut out
            .last_mut()
            .ok_or_else(|| err("field before any record"))?
            .1;
        if body.starts_with("- ") {
            continue; // list items (LEI codes): not needed
        }
        let Some((k, v)) = body.split_once(':') else {
            return Err(err("field without ':'"));
        };
        let v = unquote(v.trim());
        if !v.is_empty() && v != "null" && !v.starts_with("[No ") {
            record.insert(k.trim().to_string(), v);
        }
    }
    Ok(out)
}

fn unquote(s: &str) -> String {
    let s = s.trim();
    if s.len() >= 2 && s.starts_with('\'') && s.ends_with('\'') {
        s[1..s.len() - 1].replace("''", "'")
    } else if s.len() >= 2 && s.starts_with('"') && s.ends_with('"') {
        s[1..s.len() - 1]
            .replace("\\\"", "\"")
            .replace("\\\\", "\\")
    } else {
        s.to_string()
    }
}

fn supraverden(path: &Path, out: &mut Vec<RawEntry>) -> Result<(), GazetteerError> {
    let text = std::fs::read_to_string(path).map_err(|e| GazetteerError::Io {
        path: path.display().to_string(),
        source: e,
    })?;
    let records = parse_yaml_records(&text, &path.display().to_string())?;
    let key_of = |r: &BTreeMap<String, String>, name: &str| match r.get("Wikidata_code") {
        Some(q) if q.starts_with('Q') => format!("igo:{q}"),
        _ => match r.get("SPRVD_id") {
            Some(id) => format!("igo:{id}"),
            None => format!("igo:{}", slug(name)),
        },
    };
    // family heads: the record whose Type says "itself", or whose name is the family's name
    let mut heads: HashMap<String, String> = HashMap::new();
    for (name, r) in &records {
        let Some(fam) = r.get("Org_family").filter(|f| *f != "none") else {
            continue;
        };
        let base = fam
            .trim_end_matches(" entities")
            .trim_end_matches(" institutions and bodies")
            .trim_end_matches(" and affiliates");
        let is_head = r.get("Type").is_some_and(|t| t.contains("itself"))
            || name == base
            || r.get("Name_en").is_some_and(|n| n == base)
            || r.get("Abbreviation_en").is_some_and(|a| a == base);
        if is_head {
            heads.entry(fam.clone()).or_insert_with(|| key_of(r, name));
        }
    }
    // a QID given to two records (a data error) stays with the first; the second is keyed by its
    // SupraVerden id and carries no QID
    let mut seen: HashSet<String> = HashSet::new();
    for (name, r) in &records {
        let en = r.get("Name_en").cloned().unwrap_or_else(|| name.clone());
        let mut key = key_of(r, name);
        let duplicate_qid = !seen.insert(key.clone());
        if duplicate_qid {
            key = format!(
                "igo:{}",
                r.get("SPRVD_id").cloned().unwrap_or_else(|| slug(name))
            );
            seen.insert(key.clone());
        }
        let family = r.get("Org_family").filter(|f| *f != "none").cloned();
        let typ = r.get("Type").cloned().unwrap_or_default();
        let head = family.as_ref().and_then(|f| heads.get(f)).cloned();
        let is_head = head.as_deref() == Some(key.as_str());
        let specialized =
            typ.contains("specialized agency") || typ.contains("specialised organisations");
        let class = if family.is_none() || is_head || specialized || head.is_none() {
            EntityClass::InternationalOrganization
        } else {
            EntityClass::GovernmentBody
        };
        let mut e = RawEntry::new(key.clone(), class, &en);
        if let Some(q) = r.get("Wikidata_code").filter(|q| q.starts_with('Q')) {
            if duplicate_qid {
                let _ = write!(
                    e.note,
                    "SupraVerden QID {q} also given to another record, not used; "
                );
            } else {
                e.qid = q.clone();
            }
        }
        if !is_head && let Some(h) = head {
            e.related = h;
        }
        e.note.push_str(&match (&family, typ.is_empty()) {
            (Some(f), false) => format!("{f}; {typ}"),
            (Some(f), true) => f.clone(),
            (None, false) => typ.clone(),
            (None, true) => String::new(),
        });
        e.add(&en, AliasKind::Name, "m");
        if name != &en {
            e.add(name, AliasKind::Other, "m");
        }
        for (field, v) in r {
            let kind = if field.starts_with("Name_other") && field.ends_with("_en") {
                AliasKind::Other
            } else if (field.starts_with("Name_former") || field.starts_with("Abbreviation_former"))
                && field.ends_with("_en")
            {
                AliasKind::Former
            } else if field.starts_with("Abbreviation") && field.ends_with("_en") {
                AliasKind::Acronym
            } else {
                continue;
            };
            for part in v.split(';') {
                let part = part.trim();
                let flags = if letter_count(part) >= 2 { "m" } else { "-" };
                e.add(part, kind, flags);
            }
        }
        out.push(e);
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// output

const HEADER: &str = "\
# newsgraph gazetteer table — GENERATED by `cargo run --release --example gazetteer_build`
# (src/entities/gazetteer/build.rs); do not edit: edit models/gazetteer/supplement.tsv instead.
# Sources: CIA World Factbook (public domain); SupraVerden international organisations list
# (https://github.com/confirmordeny/supraverden, CC BY-SA 4.0); newsgraph supplement.
# Licence of this derived table: CC BY-SA 4.0.
# Format: E key class canonical qid related note / A kind flags text (see gazetteer/mod.rs).
";

fn field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn serialize(entries: &[RawEntry]) -> String {
    let mut out = String::from(HEADER);
    for e in entries {
        let _ = writeln!(
            out,
            "E\t{}\t{}\t{}\t{}\t{}\t{}",
            field(&e.key),
            e.class.local_name(),
            field(&e.canonical),
            field(&e.qid),
            field(&e.related),
            field(&e.note)
        );
        for a in &e.aliases {
            let flags = if a.flags.is_empty() { "-" } else { &a.flags };
            let _ = writeln!(out, "A\t{}\t{}\t{}", a.kind.as_str(), flags, field(&a.text));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demonyms_parse() {
        assert_eq!(demonym_forms("Serb(s)"), vec!["Serb", "Serbs"]);
        assert_eq!(
            demonym_forms("Frenchman(men), Frenchwoman(women)"),
            vec!["Frenchman", "Frenchmen", "Frenchwoman", "Frenchwomen"]
        );
        assert_eq!(
            demonym_forms("Congolese or Congo"),
            vec!["Congolese", "Congo"]
        );
        assert_eq!(
            demonym_forms("Beninese (singular and plural)"),
            vec!["Beninese"]
        );
    }

    #[test]
    fn html_and_names() {
        assert_eq!(
            html_to_text("C&ocirc;te d&rsquo;Ivoire<br>x"),
            "Côte d'Ivoire\nx"
        );
        assert_eq!(html_to_text("San Jos&eacute;"), "San José");
        assert_eq!(fold_accents("Brasília"), "Brasilia");
        assert_eq!(name_case("Hoseini-KHAMENEI"), "Hoseini-Khamenei");
        assert_eq!(name_case("VUCIC"), "Vucic");
        assert_eq!(plural("Kurd"), "Kurds");
        assert_eq!(plural("Baloch"), "Baloch");
    }

    #[test]
    fn yaml_subset() {
        let y = "A:\n  Name_en: A org\n  Abbreviation_en: 'A''s'\n  LEI_bic:\n  - X\n? Long\n: Wikidata_code: Q1\n  Name_en: Long\n";
        let r = parse_yaml_records(y, "t").unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].1["Abbreviation_en"], "A's");
        assert_eq!(r[1].0, "Long");
        assert_eq!(r[1].1["Wikidata_code"], "Q1");
    }
}
