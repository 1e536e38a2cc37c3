//! The gazetteer as the recognizer's [`Lexicon`]: maps table entries and alias kinds to entities.

use super::gazetteer::{AliasKind, EntityClass, EntryId, Gazetteer};
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
            (_, EntityClass::City) => (
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

impl Lexicon for Gazetteer {
    fn find(&self, text: &str) -> Vec<LexiconHit> {
        self.find(text)
            .into_iter()
            .filter_map(|m| self.to_hit(m.entry, m.kind, m.span, &text[m.span.start..m.span.end]))
            .collect()
    }

    fn lookup(&self, name: &str) -> Option<LexiconHit> {
        // only names that are matched in running text: lookup-only aliases (codes, bare division
        // names such as "Western") would turn common words into places
        let norm = super::gazetteer::normalize_name(name);
        self.lookup(name).into_iter().find_map(|id| {
            let alias = self
                .entry(id)
                .aliases
                .iter()
                .find(|a| a.matchable && super::gazetteer::normalize_name(&a.text) == norm)?;
            self.to_hit(id, alias.kind, Span::default(), name)
        })
    }
}
