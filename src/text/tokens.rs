//! A rule-based word tokenizer with UD-style splitting of clitics and punctuation.

use super::Span;

/// A token of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the document text.
    pub span: Span,
    /// The token text.
    pub text: String,
    /// Lower-cased text with curly apostrophes normalized to `'`.
    pub lower: String,
    /// Whether white space precedes the token.
    pub space_before: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text[span]` into tokens with byte spans into `text`.
///
/// Words keep internal hyphens, periods of dotted acronyms ("U.S.") and of known abbreviations
/// handled by the caller's sentence splitter, digits with `,` and `.` ("1,000", "2.5"), URLs and
/// e-mail addresses; the clitics `'s`, `n't`, `'re`, `'ve`, `'ll`, `'d`, `'m` are split off; every
/// other punctuation mark is its own token.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let s = &text[span.start..span.end];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let n = chars.len();
    let byte = |i: usize| if i < n { chars[i].0 } else { s.len() };
    let mut raw: Vec<(usize, usize)> = Vec::new(); // char index ranges
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        // URLs
        if s[byte(i)..].starts_with("http://")
            || s[byte(i)..].starts_with("https://")
            || s[byte(i)..].starts_with("www.")
        {
            let mut j = i;
            while j < n && !chars[j].1.is_whitespace() {
                j += 1;
            }
            while j > i
                && matches!(
                    chars[j - 1].1,
                    '.' | ',' | ')' | '"' | '”' | '\'' | '’' | ';' | ':'
                )
            {
                j -= 1;
            }
            raw.push((i, j));
            i = j;
            continue;
        }
        if is_word_char(c) {
            let mut j = i + 1;
            loop {
                if j < n && is_word_char(chars[j].1) {
                    j += 1;
                    continue;
                }
                // internal hyphen, or number separators, or dotted acronym, or email/at
                if j + 1 < n {
                    let (p, q) = (chars[j].1, chars[j + 1].1);
                    let joins = p == '-'
                        || p == '@'
                        || (p == '&' && chars[j - 1].1.is_uppercase() && q.is_uppercase())
                        || (is_apostrophe(p)
                            && (q == 't' || q == 'T')
                            && matches!(chars[j - 1].1, 'n' | 'N'));
                    if joins && is_word_char(q) {
                        j += 2;
                        continue;
                    }
                    // a name-internal apostrophe ("O'Connor", "D'Souza", "Ze'evi", "Qur'an")
                    // joins; a clitic ("'s", "'re", "'ll", ...) does not
                    if is_apostrophe(p) && chars[j - 1].1.is_alphabetic() && q.is_alphabetic() {
                        let mut r = j + 1;
                        while r < n && is_word_char(chars[r].1) {
                            r += 1;
                        }
                        let suffix: String = chars[j + 1..r]
                            .iter()
                            .map(|c| c.1.to_ascii_lowercase())
                            .collect();
                        if !matches!(suffix.as_str(), "s" | "t" | "re" | "ve" | "ll" | "d" | "m") {
                            j = r;
                            continue;
                        }
                    }
                    if (p == ',' || p == '.' || p == ':')
                        && chars[j - 1].1.is_ascii_digit()
                        && q.is_ascii_digit()
                    {
                        j += 2;
                        continue;
                    }
                    if p == '.' && q.is_alphabetic() && is_dotted_acronym_prefix(&chars, i, j) {
                        j += 2;
                        continue;
                    }
                }
                break;
            }
            // a dotted acronym keeps its final period: U.S. / U.N. / e.g.
            if j < n && chars[j].1 == '.' && chars[i..j].iter().any(|c| c.1 == '.') {
                j += 1;
            }
            // a middle initial keeps its period: "George W. Bush"
            if j == i + 1
                && chars[i].1.is_uppercase()
                && j + 2 < n
                && chars[j].1 == '.'
                && chars[j + 1].1 == ' '
                && chars[j + 2].1.is_uppercase()
                && i >= 2
                && chars[i - 1].1 == ' '
                && chars[i - 2].1.is_alphabetic()
            {
                j += 1;
            }
            raw.push((i, j));
            i = j;
            continue;
        }
        // clitics starting with an apostrophe: 's 're 've 'll 'd 'm  (after a word)
        if is_apostrophe(c) && !raw.is_empty() && raw.last().unwrap().1 == i && i + 1 < n {
            let rest: String = chars[i + 1..n.min(i + 3)]
                .iter()
                .map(|c| c.1.to_ascii_lowercase())
                .collect();
            let len = ["ll", "re", "ve", "s", "d", "m"]
                .iter()
                .find(|suf| {
                    rest.starts_with(**suf)
                        && (i + 1 + suf.len() >= n || !is_word_char(chars[i + 1 + suf.len()].1))
                })
                .map(|suf| suf.len());
            if let Some(len) = len {
                raw.push((i, i + 1 + len));
                i += 1 + len;
                continue;
            }
            // plural possessive: "states'" → apostrophe alone
        }
        // runs of the same punctuation (..., --) stay together
        let mut j = i + 1;
        if matches!(c, '.' | '-' | '!' | '?') {
            while j < n && chars[j].1 == c {
                j += 1;
            }
        }
        raw.push((i, j));
        i = j;
    }
    // split n't: "didn't" → "did" "n't"
    let mut out = Vec::with_capacity(raw.len() + 4);
    for (a, b) in raw {
        let w: String = chars[a..b].iter().map(|c| c.1).collect();
        let wl = w.to_lowercase().replace('’', "'");
        let pieces: Vec<(usize, usize)> = if wl.ends_with("n't") && b - a > 3 {
            if wl == "can't" || wl == "won't" {
                vec![(a, a + 2), (a + 2, b)]
            } else {
                vec![(a, b - 3), (b - 3, b)]
            }
        } else if wl == "cannot" {
            vec![(a, a + 3), (a + 3, b)]
        } else {
            vec![(a, b)]
        };
        for (x, y) in pieces {
            let sb = span.start + byte(x);
            let eb = span.start + byte(y);
            let t = &text[sb..eb];
            let space_before = x == 0 || chars[x - 1].1.is_whitespace();
            out.push(Token {
                span: Span::new(sb, eb),
                text: t.to_string(),
                lower: t.to_lowercase().replace('’', "'"),
                space_before,
            });
        }
    }
    out
}

/// Whether chars[i..j] followed by ". X" looks like a dotted acronym in progress (single letters
/// separated by periods: "U.S", "U.N", "e.g").
fn is_dotted_acronym_prefix(chars: &[(usize, char)], i: usize, j: usize) -> bool {
    // every segment between periods is one letter
    let seg: Vec<char> = chars[i..j].iter().map(|c| c.1).collect();
    seg.split(|c| *c == '.')
        .all(|p| p.len() == 1 && p[0].is_alphabetic())
        && (j + 2 >= chars.len() || !is_word_char(chars[j + 2].1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(t: &str) -> Vec<String> {
        tokenize(t, Span::new(0, t.len()))
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn ud_style_splits() {
        assert_eq!(
            toks("Serbia's leaders didn't agree."),
            vec!["Serbia", "'s", "leaders", "did", "n't", "agree", "."]
        );
        assert_eq!(toks("Kosovo’s move"), vec!["Kosovo", "’s", "move"]);
        assert_eq!(
            toks("The U.S. and U.N. sent 1,000 troops, 2.5 tons."),
            vec![
                "The", "U.S.", "and", "U.N.", "sent", "1,000", "troops", ",", "2.5", "tons", "."
            ]
        );
        assert_eq!(
            toks("see https://example.org/a?b=c."),
            vec!["see", "https://example.org/a?b=c", "."]
        );
        assert_eq!(
            toks("“null and void.”"),
            vec!["“", "null", "and", "void", ".", "”"]
        );
        assert_eq!(
            toks("anti-Serb extremists"),
            vec!["anti-Serb", "extremists"]
        );
        assert_eq!(toks("can't"), vec!["ca", "n't"]);
        assert_eq!(
            toks("O'Connor's aide met D'Souza."),
            vec!["O'Connor", "'s", "aide", "met", "D'Souza", "."]
        );
        assert_eq!(toks("they'll go"), vec!["they", "'ll", "go"]);
        assert_eq!(toks("George W. Bush"), vec!["George", "W.", "Bush"]);
        // "Iran–Iraq War": an en dash separates names
        assert_eq!(toks("Iran–Iraq War"), vec!["Iran", "–", "Iraq", "War"]);
    }

    #[test]
    fn offsets_point_into_the_text() {
        let t = "Abc. “Déjà vu,” he said.";
        for tok in tokenize(t, Span::new(5, t.len())) {
            assert_eq!(&t[tok.span.start..tok.span.end], tok.text);
        }
    }
}
