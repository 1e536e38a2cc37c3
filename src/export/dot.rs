//! Graphviz DOT, written by hand (not petgraph's `Dot`): stable quoted ids (the entity IRIs), one
//! `cluster_<Type>` subgraph per entity type, colour and shape by type, edge colour by predicate
//! family, negated edges dashed with a "not" prefix, and tooltips with the evidence.
//!
//! Every string goes through [`quote`]: `"` and `\` are escaped, newlines become `\n`, carriage
//! returns are dropped, tabs become spaces, other control characters become U+FFFD (Graphviz
//! cannot show them and NUL would cut its strings), and `&` becomes `&amp;` (Graphviz decodes HTML
//! entities in labels, so "&lt;" would otherwise display as "<"). Labels longer than
//! [`MAX_LABEL`] characters are shortened with "…" (the full text stays in the tooltip, up to
//! [`MAX_TOOLTIP`] characters).

use super::ExportOptions;
use crate::graph::KnowledgeGraph;
use crate::ontology::Ontology;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Longest label (characters) before it is shortened.
pub const MAX_LABEL: usize = 60;
/// Longest tooltip (characters) before it is shortened.
pub const MAX_TOOLTIP: usize = 2000;

/// A DOT double-quoted string with everything escaped (see the module documentation).
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '\t' => out.push(' '),
            '&' => out.push_str("&amp;"),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Shortens to `max` characters with a trailing "…".
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// (fill colour, shape) of an entity type.
pub fn node_style(class: &str, type_family: &str) -> (&'static str, &'static str) {
    match class {
        "Person" => ("#a6cee3", "ellipse"),
        "Country" => ("#b2df8a", "box"),
        "Territory" => ("#d9f0a3", "box"),
        "City" => ("#ccebc5", "box"),
        "Region" => ("#edf8e9", "box"),
        "InternationalOrganization" => ("#fdbf6f", "hexagon"),
        "GovernmentBody" => ("#fee08b", "component"),
        "PoliticalParty" => ("#cab2d6", "house"),
        "Organization" => ("#fddbc7", "octagon"),
        "EthnicGroup" => ("#f4cae4", "egg"),
        "Document" => ("#f0f0f0", "note"),
        _ => match type_family {
            "person" => ("#a6cee3", "ellipse"),
            "place" => ("#ccebc5", "box"),
            "organization" => ("#fddbc7", "octagon"),
            "group" => ("#f4cae4", "egg"),
            "document" => ("#f0f0f0", "note"),
            _ => ("#ffffff", "ellipse"),
        },
    }
}

/// (colour, style, penwidth) of an edge of a predicate family.
pub fn edge_style(family: &str) -> (&'static str, &'static str, &'static str) {
    match family {
        "SUPPORT" => ("#1a9641", "solid", "1.2"),
        "DISAPPROVE" => ("#d7191c", "solid", "1.2"),
        "REQUEST" => ("#fd8d3c", "solid", "1.2"),
        "THREATEN" => ("#7b3294", "solid", "1.2"),
        "COOPERATE" => ("#2b83ba", "solid", "1.2"),
        "CONFLICT" => ("#000000", "bold", "2.5"),
        "AFFILIATION" => ("#808080", "dashed", "1.0"),
        "PART" => ("#808080", "dotted", "1.0"),
        _ => ("#404040", "solid", "1.0"),
    }
}

/// The DOT text of the graph.
pub fn to_dot(graph: &KnowledgeGraph, ontology: &Ontology, opts: &ExportOptions) -> String {
    let mut s = String::new();
    let plural = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    let title = format!(
        "{} — {}, {}, {}",
        opts.generator,
        plural(graph.entity_count(), "entity").replace("entitys", "entities"),
        plural(graph.relation_count(), "relation"),
        plural(graph.documents.len(), "document")
    );
    let _ = writeln!(s, "digraph newsgraph {{");
    let _ = writeln!(
        s,
        "  graph [label={}, labelloc=t, fontname=\"Helvetica\", rankdir=LR, compound=true, tooltip={}];",
        quote(&title),
        quote(&title)
    );
    let _ = writeln!(
        s,
        "  node [fontname=\"Helvetica\", fontsize=11, style=filled, penwidth=0.8];"
    );
    let _ = writeln!(s, "  edge [fontname=\"Helvetica\", fontsize=9];");

    let mut by_class: BTreeMap<&str, Vec<_>> = BTreeMap::new();
    for n in graph.entities() {
        by_class.entry(n.class.as_str()).or_default().push(n);
    }
    for (class, nodes) in &by_class {
        let family = ontology.type_family_of(class);
        let (fill, shape) = node_style(class, family);
        let class_label = ontology
            .class(class)
            .map(|c| c.label.clone())
            .unwrap_or_else(|| class.to_string());
        let _ = writeln!(s, "  subgraph {} {{", quote(&format!("cluster_{class}")));
        let _ = writeln!(
            s,
            "    label={}; style=\"rounded,dashed\"; color=\"#bbbbbb\"; fontcolor=\"#555555\";",
            quote(&class_label)
        );
        for n in nodes {
            let mut tooltip = format!("{} ({class})\n{}", n.label, n.iri);
            if !n.aliases.is_empty() {
                let aliases: Vec<&str> = n.aliases.iter().map(String::as_str).collect();
                let _ = write!(tooltip, "\naliases: {}", aliases.join(", "));
            }
            for same in &n.same_as {
                let _ = write!(tooltip, "\nsame as: {same}");
            }
            let _ = write!(tooltip, "\n{} mention(s)", n.mentions.len());
            let _ = writeln!(
                s,
                "    {} [label={}, shape={shape}, fillcolor=\"{fill}\", tooltip={}];",
                quote(&n.iri),
                quote(&shorten(&n.label, MAX_LABEL)),
                quote(&shorten(&tooltip, MAX_TOOLTIP))
            );
        }
        let _ = writeln!(s, "  }}");
    }

    for (subject, object, edge) in graph.relations() {
        let family = ontology.family_of(&edge.predicate);
        let (color, mut style, penwidth) = edge_style(family);
        let mut label = if edge.negated {
            style = "dashed";
            format!("not {}", edge.predicate)
        } else {
            edge.predicate.clone()
        };
        if edge.mentions.len() > 1 {
            let _ = write!(label, " ×{}", edge.mentions.len());
        }
        let mut tooltip = format!(
            "{} {} {} (confidence {:.2})",
            subject.label,
            label,
            object.label,
            edge.confidence()
        );
        for m in &edge.mentions {
            let _ = write!(tooltip, "\n[{}] {}", m.document, m.evidence);
        }
        let _ = writeln!(
            s,
            "  {} -> {} [label={}, color=\"{color}\", fontcolor=\"{color}\", style={style}, penwidth={penwidth}, tooltip={}, labeltooltip={}];",
            quote(&subject.iri),
            quote(&object.iri),
            quote(&shorten(&label, MAX_LABEL)),
            quote(&shorten(&tooltip, MAX_TOOLTIP)),
            quote(&shorten(&tooltip, MAX_TOOLTIP)),
        );
    }
    let _ = writeln!(s, "}}");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_escapes_everything_graphviz_would_misread() {
        assert_eq!(quote("a\"b"), r#""a\"b""#);
        assert_eq!(quote("a\\"), r#""a\\""#);
        assert_eq!(quote("x\ny\r\tz"), r#""x\ny z""#);
        assert_eq!(quote("AT&T <b>"), r#""AT&amp;T <b>""#);
        assert_eq!(quote("\u{0}\u{1f}\u{7f}"), "\"\u{FFFD}\u{FFFD}\u{FFFD}\"");
        assert_eq!(quote("שלום 🙂"), "\"שלום 🙂\"");
    }

    #[test]
    fn shortening_counts_characters() {
        assert_eq!(shorten("ééé", 3), "ééé");
        assert_eq!(shorten("éééé", 3), "éé…");
    }
}
