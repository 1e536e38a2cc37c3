//! Direct quotations: straight and curly quotes, balanced or not, across sentences.

use crate::text::Span;

/// A quotation found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Byte span of the quoted text, without the marks.
    pub inner: Span,
    /// Byte span including the marks.
    pub outer: Span,
}

fn is_open(c: char) -> bool {
    matches!(c, '“' | '"' | '«' | '„')
}

fn is_close(c: char) -> bool {
    matches!(c, '”' | '"' | '»' | '’' | '“')
}

/// Finds direct quotations. An opening mark is `“`, `"`, `«` or `„` (a `"` opens when it follows
/// white space, an opening bracket or the start); the quote ends at the next closing mark (`”`, `"`,
/// `»`, or a `’` that is not an apostrophe between letters) — so unbalanced pairs such as `“...,’`
/// still close. Quotes longer than 3000 characters are assumed to be unbalanced and dropped.
pub fn find_quotes(text: &str) -> Vec<QuoteSpan> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        let prev = if i > 0 { Some(chars[i - 1].1) } else { None };
        let opens = is_open(c)
            && (c != '"'
                || prev
                    .is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | ':')));
        if !opens {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut found = None;
        while j < chars.len() {
            let (cb, cc) = chars[j];
            if cb - b > 3000 {
                break;
            }
            if is_close(cc) && j > i + 1 {
                let p = chars[j - 1].1;
                let n = chars.get(j + 1).map(|x| x.1);
                let apostrophe =
                    cc == '’' && p.is_alphanumeric() && n.is_some_and(|n| n.is_alphanumeric());
                let plural_possessive = cc == '’'
                    && p == 's'
                    && n.is_some_and(|n| n == ' ')
                    && !chars[j - 2].1.is_whitespace()
                    && {
                        // "states’ rights": an apostrophe when followed by a lower-case word
                        chars.get(j + 2).is_some_and(|x| x.1.is_lowercase())
                    };
                let straight_opening =
                    cc == '"' && n.is_some_and(|n| n.is_alphanumeric()) && p.is_whitespace();
                let curly_open_again = cc == '“';
                if curly_open_again {
                    // a new opening before a close: the first quote was unbalanced; restart here
                    break;
                }
                if !apostrophe && !plural_possessive && !straight_opening {
                    found = Some(j);
                    break;
                }
            }
            j += 1;
        }
        match found {
            Some(j) => {
                let inner = Span::new(b + c.len_utf8(), chars[j].0);
                let outer = Span::new(b, chars[j].0 + chars[j].1.len_utf8());
                if !text[inner.start..inner.end].trim().is_empty() {
                    out.push(QuoteSpan { inner, outer });
                }
                i = j + 1;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(t: &str) -> Vec<&str> {
        find_quotes(t)
            .into_iter()
            .map(|s| &t[s.inner.start..s.inner.end])
            .collect()
    }

    #[test]
    fn curly_straight_split_and_unbalanced() {
        assert_eq!(
            q("“Only human lives,” he said, “are destroyed by force.”"),
            vec!["Only human lives,", "are destroyed by force."]
        );
        assert_eq!(q(r#"He said "no way" today."#), vec!["no way"]);
        assert_eq!(
            q("“We should not,’ he continued. “Isn’t it late?,” asked X."),
            vec!["We should not,", "Isn’t it late?,"]
        );
        assert_eq!(q("Kosovo’s move"), Vec::<&str>::new());
    }
}
