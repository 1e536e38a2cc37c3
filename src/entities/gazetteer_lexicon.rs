//! The gazetteer as the recognizer's [`Lexicon`]: maps table entries and alias kinds to entities.

use super::gazetteer::{AliasKind, EntityClass, EntryId, Gazetteer, GazetteerMatch, Sense};
use super::{HitKind, Lexicon, LexiconHit, recognize::StateRef};
use crate::text::Span;

impl Gazetteer {
    fn state_ref(&self, id: Option<EntryId>) -> Option<StateRef> {
        let e = self.get(id?)?;
        Some(StateRef {
            canonical: e.canonical.clone(),
            class: e.class.local_name().to_string(),
            qid: e.qid.clone(),
        })
    }

    fn to_hit(
        &self,
        id: EntryId,
        kind: AliasKind,
        span: Span,
        surface: &str,
    ) -> Option<LexiconHit> {
        let e = self.entry(id);
        let own = || StateRef {
            canonical: e.canonical.clone(),
            class: e.class.local_name().to_string(),
            qid: e.qid.clone(),
        };
        let (canonical, class, qid, hit_kind, state) = match (kind, e.class) {
            (AliasKind::Code, _) => return None,
            // a leader's name as an alias of a state: the person, with the state as a hint
            (AliasKind::Leader, c) if c != EntityClass::Person => (
                surface.to_string(),
                "Person".to_string(),
                None,
                HitKind::Name,
                Some(own()),
            ),
            // a capital's name as an alias of a state: the city
            (AliasKind::Capital, c) if c != EntityClass::City => (
                surface.to_string(),
                "City".to_string(),
                None,
                HitKind::Capital,
                Some(own()),
            ),
            // "Serbs": the people of the state
            (AliasKind::DemonymNoun, EntityClass::Country | EntityClass::Territory) => (
                plural(surface),
                "EthnicGroup".to_string(),
                None,
                HitKind::DemonymNoun,
                Some(own()),
            ),
            // "Serbian": the state (demonyms of a group point to its state when there is one)
            (AliasKind::DemonymAdj, EntityClass::EthnicGroup) => match self.state_ref(e.related) {
                Some(st) => (
                    st.canonical,
                    st.class,
                    st.qid,
                    HitKind::DemonymAdjective,
                    None,
                ),
                None => return None,
            },
            (AliasKind::DemonymAdj, _) => (
                e.canonical.clone(),
                e.class.local_name().to_string(),
                e.qid.clone(),
                HitKind::DemonymAdjective,
                None,
            ),
            (AliasKind::Acronym, _) => (
                e.canonical.clone(),
                e.class.local_name().to_string(),
                e.qid.clone(),
                HitKind::Acronym,
                self.state_ref(e.related),
            ),
            // a capital stands for its state ("Belgrade said"); other cities do not
            (AliasKind::Capital, EntityClass::City) => (
                e.canonical.clone(),
                "City".into(),
                e.qid.clone(),
                HitKind::Capital,
                self.state_ref(e.related),
            ),
            (_, c) => (
                e.canonical.clone(),
                c.local_name().to_string(),
                e.qid.clone(),
                HitKind::Name,
                self.state_ref(e.related),
            ),
        };
        Some(LexiconHit {
            span,
            canonical,
            class,
            qid,
            kind: hit_kind,
            state,
        })
    }
}

/// "Serb" → "Serbs"; plural forms stay.
fn plural(w: &str) -> String {
    if w.ends_with('s') {
        w.to_string()
    } else {
        format!("{w}s")
    }
}

impl Gazetteer {
    /// The state a match names or belongs to (a country, its demonym, capital or division).
    fn state_of_match(&self, m: &GazetteerMatch) -> Option<EntryId> {
        let e = self.entry(m.entry);
        match e.class {
            EntityClass::Country => Some(m.entry),
            EntityClass::Territory | EntityClass::City | EntityClass::EthnicGroup => e.related,
            _ => None,
        }
    }

    /// Whether the entries belong to more than one state (or to a state and to none).
    fn of_several_states(&self, ids: impl Iterator<Item = EntryId>) -> bool {
        let mut states = ids.map(|id| self.entry(id).related);
        let first = states.next();
        states.any(|st| Some(st) != first)
    }

    /// The party a match names in a document that names `states`, when the surface is shared
    /// by parties of several states ("NDP", "MPP", "National Democratic Party"): the party of a
    /// state the document names; with none or several, an acronym is no known party (`None`)
    /// and a full name keeps the table's first sense. Other matches are kept as they are.
    fn party_in_context(&self, m: &GazetteerMatch, states: &[EntryId]) -> Option<EntryId> {
        if self.entry(m.entry).class != EntityClass::PoliticalParty {
            return Some(m.entry);
        }
        let parties: Vec<&Sense> = self
            .senses(m)
            .iter()
            .filter(|s| {
                s.kind == m.kind && self.entry(s.entry).class == EntityClass::PoliticalParty
            })
            .collect();
        if !self.of_several_states(parties.iter().map(|s| s.entry)) {
            return Some(m.entry);
        }
        let in_context: Vec<EntryId> = parties
            .iter()
            .map(|s| s.entry)
            .filter(|&p| self.entry(p).related.is_some_and(|st| states.contains(&st)))
            .collect();
        match in_context.as_slice() {
            [one] => Some(*one),
            _ if m.kind == AliasKind::Acronym => None,
            _ => Some(m.entry),
        }
    }
}

impl Lexicon for Gazetteer {
    fn find(&self, text: &str) -> Vec<LexiconHit> {
        let matches = self.find(text);
        let states: Vec<EntryId> = matches
            .iter()
            .filter_map(|m| self.state_of_match(m))
            .collect();
        matches
            .into_iter()
            .filter_map(|m| {
                let entry = self.party_in_context(&m, &states)?;
                self.to_hit(entry, m.kind, m.span, &text[m.span.start..m.span.end])
            })
            .collect()
    }

    fn lookup(&self, name: &str) -> Option<LexiconHit> {
        // only names that are matched in running text: lookup-only aliases (codes, bare division
        // names such as "Western") would turn common words into places
        let norm = super::gazetteer::normalize_name(name);
        let ids = self.lookup(name);
        // an acronym shared by parties of several states names none of them without context
        let party_acronym_of = |id: &EntryId| {
            let e = self.entry(*id);
            e.class == EntityClass::PoliticalParty
                && e.aliases.iter().any(|a| {
                    a.kind == AliasKind::Acronym
                        && super::gazetteer::normalize_name(&a.text) == norm
                })
        };
        if self.of_several_states(ids.iter().filter(|id| party_acronym_of(id)).copied()) {
            return None;
        }
        ids.into_iter().find_map(|id| {
            let alias = self
                .entry(id)
                .aliases
                .iter()
                .find(|a| a.matchable && super::gazetteer::normalize_name(&a.text) == norm)?;
            self.to_hit(id, alias.kind, Span::default(), name)
        })
    }
}
