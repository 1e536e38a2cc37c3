//! Sentence splitting that survives news abbreviations and quotations.

use super::Span;

/// Abbreviations that end with a period but rarely end a sentence (lower-cased, without the final
/// period). Multi-dot forms ("u.s", "u.n") are recognized by their shape instead.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj",
    "rep", "sen", "gov", "pres", "rev", "hon", "st", "mt", "no", "nos", "vol", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "jr", "sr", "inc", "ltd", "co",
    "corp", "vs", "etc", "approx", "dept", "est", "fig", "ft", "op", "art", "para", "cf", "al",
    "gov't", "ave", "blvd", "rd", "mass", "calif", "fla", "ariz", "wash",
];

/// Words that, capitalized after an ambiguous abbreviation such as "U.S.", start a new sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "this",
    "that",
    "these",
    "those",
    "in",
    "on",
    "at",
    "but",
    "and",
    "however",
    "meanwhile",
    "his",
    "her",
    "their",
    "its",
    "our",
    "there",
    "after",
    "before",
    "when",
    "while",
    "if",
    "as",
    "according",
    "officials",
    "some",
    "many",
];

fn is_closing_quote(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | '»' | ')' | ']')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '\'' | '«' | '(' | '[')
}

/// Splits `text` into sentences. Paragraph breaks (a blank line, or a newline followed by an
/// indentation or a line that starts a new paragraph) always split; `.`, `!`, `?` (and `…`) split when
/// followed, after optional closing quotes or brackets, by white space and a capital letter, digit or
/// opening quote — unless the word before the period is a known abbreviation, a single initial, or
/// a dotted acronym ("U.S.") that is not followed by a typical sentence starter.
///
/// Spans are byte ranges trimmed of surrounding white space; empty sentences are dropped.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let mut start = 0usize; // byte
    let mut i = 0usize;
    let push = |out: &mut Vec<Span>, s: usize, e: usize| {
        let slice = &text[s..e];
        let lead = slice.len() - slice.trim_start().len();
        let trail = slice.len() - slice.trim_end().len();
        if s + lead < e - trail {
            out.push(Span::new(s + lead, e - trail));
        }
    };
    while i < n {
        let (b, c) = chars[i];
        if c == '\n' {
            // A newline ends a sentence when the line is a paragraph break: blank line follows, or the
            // previous line ended with terminal punctuation, or the line is short (a heading).
            let mut j = i + 1;
            while j < n && chars[j].1 != '\n' && chars[j].1.is_whitespace() {
                j += 1;
            }
            let blank = j < n && chars[j].1 == '\n';
            let prev = text[start..b].trim_end();
            let ends_terminal = prev
                .chars()
                .last()
                .is_some_and(|p| matches!(p, '.' | '!' | '?' | '…' | ':') || is_closing_quote(p));
            let short_line = {
                let line_start = text[..b].rfind('\n').map(|p| p + 1).unwrap_or(0);
                text[line_start..b].trim().chars().count() < 80
            };
            if blank || ends_terminal || short_line || j >= n {
                push(&mut out, start, b);
                start = b + 1;
            }
            i += 1;
            continue;
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            // extend over runs of terminal punctuation and closing quotes/brackets
            let mut j = i + 1;
            while j < n
                && (matches!(chars[j].1, '.' | '!' | '?' | '…') || is_closing_quote(chars[j].1))
            {
                j += 1;
            }
            let end_byte = if j < n { chars[j].0 } else { text.len() };
            // need white space next
            if j < n && !chars[j].1.is_whitespace() {
                i = j;
                continue;
            }
            let mut k = j;
            while k < n && chars[k].1.is_whitespace() && chars[k].1 != '\n' {
                k += 1;
            }
            if k >= n {
                i = j;
                continue;
            }
            let next = chars[k].1;
            if next == '\n' {
                i = j;
                continue; // the newline logic decides
            }
            let next_ok = next.is_uppercase() || next.is_numeric() || is_opening(next);
            if !next_ok {
                i = j;
                continue;
            }
            if c == '.' && j == i + 1 && !ends_sentence_after_period(text, &chars, i, k) {
                i = j;
                continue;
            }
            push(&mut out, start, end_byte);
            start = end_byte;
            i = j;
            continue;
        }
        i += 1;
    }
    push(&mut out, start, text.len());
    out
}

/// Decides whether the period at char index `dot` (followed by white space and a capitalized word at
/// char index `next`) ends a sentence.
fn ends_sentence_after_period(
    text: &str,
    chars: &[(usize, char)],
    dot: usize,
    next: usize,
) -> bool {
    // the word before the period
    let mut s = dot;
    while s > 0 && !chars[s - 1].1.is_whitespace() && !is_opening(chars[s - 1].1) {
        s -= 1;
    }
    let word = &text[chars[s].0..chars[dot].0];
    let lower = word.to_lowercase();
    // next word
    let mut e = next;
    while e < chars.len() && chars[e].1.is_alphanumeric() {
        e += 1;
    }
    let next_word = text[chars[next].0..if e < chars.len() {
        chars[e].0
    } else {
        text.len()
    }]
        .to_lowercase();
    if word.is_empty() {
        return true;
    }
    // dotted acronyms: U.S, U.N, e.g
    let dotted = word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.');
    if dotted {
        return SENTENCE_STARTERS.contains(&next_word.as_str());
    }
    // single initials: "John F. Kennedy"
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return false;
    }
    if ABBREVIATIONS.contains(&lower.as_str()) {
        // "No. 5", "Feb. 18", "Mr. Smith": never a boundary when a number or name follows
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<&str> {
        split_sentences(t)
            .into_iter()
            .map(|s| &t[s.start..s.end])
            .collect()
    }

    #[test]
    fn news_abbreviations_do_not_split() {
        let t = "In a Feb. 18 meeting, Mr. Smith met Gen. Jones at St. Mark's. No. 5 was absent.";
        assert_eq!(sents(t).len(), 2, "{:?}", sents(t));
        let t = "The U.S. Senate voted. The U.N. agreed.";
        assert_eq!(sents(t), vec!["The U.S. Senate voted.", "The U.N. agreed."]);
        let t = "It was sent to the U.S. The talks failed.";
        assert_eq!(
            sents(t),
            vec!["It was sent to the U.S.", "The talks failed."]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        let t = "He said it was “null and void.” Russia agreed. “Only lives,” he said, “are lost.” Then?";
        assert_eq!(
            sents(t),
            vec![
                "He said it was “null and void.”",
                "Russia agreed.",
                "“Only lives,” he said, “are lost.”",
                "Then?"
            ]
        );
    }

    #[test]
    fn paragraphs_split_and_offsets_are_exact() {
        let t = "Title line\n\nFirst para ends here.\nSecond para.";
        let s = split_sentences(t);
        assert_eq!(
            sents(t),
            vec!["Title line", "First para ends here.", "Second para."]
        );
        assert_eq!(&t[s[1].start..s[1].end], "First para ends here.");
    }

    #[test]
    fn initials_and_unbalanced_quotes() {
        let t = "John F. Kennedy spoke. “We should not,’ he continued. “Isn't it late?,” asked Lukashenko.";
        assert_eq!(sents(t).len(), 3, "{:?}", sents(t));
    }
}
