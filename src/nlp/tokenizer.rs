//! Rule-based UD-style (English EWT/GUM conventions) word tokenizer with byte offsets.
//!
//! Splits clitics ("Serbia's" → "Serbia" + "'s", "didn't" → "did" + "n't", "cannot" → "can" +
//! "not", "gonna" → "gon" + "na"), punctuation and most hyphens; keeps URLs, e-mail addresses,
//! abbreviations ("U.S.", "Dr."), numbers ("1,000", "2.5"), and phone-number-like digit groups.

use crate::text::Span;

const ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "col", "lt", "sgt", "capt", "gov",
    "sen", "rep", "rev", "inc", "corp", "co", "ltd", "vs", "etc", "no", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu",
    "thurs", "fri", "sat", "sun", "ft", "mt", "approx", "dept", "est", "fig", "al", "cf", "ave",
    "blvd", "maj", "adm", "cmdr", "pres", "supt", "messrs", "mme", "vol", "pp", "ed", "eds", "div",
    "op", "univ", "assn", "bros", "govt", "hon", "mass", "calif", "fla", "ariz", "penn", "wash",
    "minn", "mich", "ill", "conn", "tenn", "ky", "va", "ga", "ala", "colo", "okla", "ore", "wis",
];

const CLITICS: &[&str] = &[
    "n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "n’t", "’s", "’re", "’ve", "’ll", "’d", "’m",
];

const HYPHEN_PREFIXES: &[&str] = &[
    "e", "co", "re", "pre", "non", "anti", "pro", "ex", "mid", "multi", "post", "vice", "semi",
    "inter", "intra", "self", "sub", "de", "un", "mis", "over", "cross", "pan", "ultra", "neo",
    "quasi", "bi", "tri", "x", "t", "u",
];

fn is_url(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    l.starts_with("http://")
        || l.starts_with("https://")
        || l.starts_with("www.")
        || l.starts_with("ftp://")
        || (l.contains('@')
            && l.rfind('.')
                .is_some_and(|d| d > l.find('@').unwrap_or(0) + 1))
        || [".com", ".org", ".net", ".gov", ".edu", ".html", ".htm"]
            .iter()
            .any(|s| l.trim_end_matches(['/', '.', ',']).ends_with(s) && l.len() > s.len() + 1)
}

fn is_abbrev(core: &str) -> bool {
    // `core` includes the final period.
    let w = &core[..core.len() - 1];
    if w.is_empty() {
        return false;
    }
    let chars: Vec<char> = w.chars().collect();
    if chars.len() == 1 && chars[0].is_alphabetic() {
        return true; // initial: "J."
    }
    // Letter-dot patterns: "U.S", "p.m", "Ph.D", "e.g"
    if w.contains('.')
        && w.split('.')
            .all(|p| !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_alphabetic()))
    {
        return true;
    }
    let l = w.to_lowercase();
    ABBREV.contains(&l.as_str())
}

fn is_open_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | '[' | '{' | '<' | '“' | '‘' | '«' | '`' | '*' | '¿' | '¡'
    )
}

fn is_close_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '}' | '>' | '”' | '’' | '»' | ',' | ';' | ':' | '*' | '%'
    )
}

fn is_number(w: &str) -> bool {
    let mut digits = false;
    for c in w.chars() {
        if c.is_ascii_digit() {
            digits = true;
        } else if !matches!(c, ',' | '.' | ':' | '/') {
            return false;
        }
    }
    digits
        && w.chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == '.')
}

/// Tokenizes `text` into UD-style words (byte spans into `text`).
pub fn tokenize(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                chunk(text, s, i, &mut out);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        chunk(text, s, text.len(), &mut out);
    }
    out
}

fn chunk(text: &str, mut s: usize, mut e: usize, out: &mut Vec<Span>) {
    let w = &text[s..e];
    if w.len() <= 1 {
        out.push(Span::new(s, e));
        return;
    }
    if is_url(w) {
        // Trailing sentence punctuation is not part of the URL.
        let mut tail = Vec::new();
        while e > s {
            let c = text[s..e].chars().next_back().unwrap_or(' ');
            if matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | '"' | '\'') {
                let l = c.len_utf8();
                tail.push(Span::new(e - l, e));
                e -= l;
            } else {
                break;
            }
        }
        let mut st = s;
        while st < e {
            let c = text[st..e].chars().next().unwrap_or(' ');
            if matches!(c, '(' | '"' | '\'' | '<' | '[') {
                out.push(Span::new(st, st + 1));
                st += 1;
            } else {
                break;
            }
        }
        if st < e {
            out.push(Span::new(st, e));
        }
        out.extend(tail.into_iter().rev());
        return;
    }
    // Leading punctuation.
    while e - s > 1 {
        let rest = &text[s..e];
        let c = rest.chars().next().unwrap_or(' ');
        if c == '$' || c == '#' || c == '£' || c == '€' {
            out.push(Span::new(s, s + c.len_utf8()));
            s += c.len_utf8();
            continue;
        }
        if !is_open_punct(c) {
            break;
        }
        if (c == '\'' || c == '’') && {
            let r = &rest[c.len_utf8()..];
            let rl = r.to_lowercase();
            ["s", "re", "ve", "ll", "d", "m", "em"].contains(&rl.as_str())
                || r.chars().next().is_some_and(|d| d.is_ascii_digit())
        } {
            break;
        }
        if rest.starts_with("``") {
            out.push(Span::new(s, s + 2));
            s += 2;
            continue;
        }
        out.push(Span::new(s, s + c.len_utf8()));
        s += c.len_utf8();
    }
    // Trailing punctuation (collected in reverse).
    let mut tail: Vec<Span> = Vec::new();
    while e - s > 1 {
        let rest = &text[s..e];
        let c = rest.chars().next_back().unwrap_or(' ');
        if c == '.' || c == '!' || c == '?' || c == '…' {
            // A run of sentence punctuation is one token, unless the period ends an abbreviation.
            let run_start = rest
                .char_indices()
                .rev()
                .take_while(|(_, c)| matches!(c, '.' | '!' | '?' | '…'))
                .last()
                .map(|(i, _)| i)
                .unwrap_or(0);
            if run_start == 0 {
                break;
            }
            if c == '.' && rest[run_start..].len() == 1 && is_abbrev(rest) {
                break;
            }
            if c == '.' && rest[run_start..].len() == 1 && is_number(&rest[..run_start]) {
                // "2." at the end of a number is still a period.
            }
            tail.push(Span::new(s + run_start, e));
            e = s + run_start;
            continue;
        }
        if is_close_punct(c) {
            if (c == '\'' || c == '’') && rest.len() > 2 {
                // Possessive plural ("students'") splits like a quote.
            }
            let l = c.len_utf8();
            if rest.ends_with("''") {
                tail.push(Span::new(e - 2, e));
                e -= 2;
                continue;
            }
            tail.push(Span::new(e - l, e));
            e -= l;
            continue;
        }
        break;
    }
    core(text, s, e, out);
    out.extend(tail.into_iter().rev());
}

fn core(text: &str, s: usize, e: usize, out: &mut Vec<Span>) {
    if s >= e {
        return;
    }
    let w = &text[s..e];
    let lw = w.to_lowercase();
    if lw.len() == w.len() {
        // Clitics.
        for c in CLITICS {
            if lw.ends_with(c) && lw.len() > c.len() {
                let cut = e - c.len();
                core(text, s, cut, out);
                out.push(Span::new(cut, e));
                return;
            }
        }
        for (word, cut) in [("cannot", 3), ("gonna", 3), ("wanna", 3), ("gotta", 3)] {
            if lw == word {
                out.push(Span::new(s, s + cut));
                out.push(Span::new(s + cut, e));
                return;
            }
        }
    }
    if is_number(w) {
        out.push(Span::new(s, e));
        return;
    }
    // Inner separators: slash, hyphen between words, and other punctuation.
    let chars: Vec<(usize, char)> = w.char_indices().collect();
    let mut piece = 0usize; // byte offset of current piece start within w
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        let prev = if k > 0 { Some(chars[k - 1].1) } else { None };
        let next = chars.get(k + 1).map(|x| x.1);
        let split = match c {
            '/' => {
                prev.is_some_and(|p| p.is_alphabetic()) && next.is_some_and(|n| n.is_alphabetic())
            }
            '-' | '–' | '—' => {
                let before = &w[piece..i];
                let digits_both = prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit());
                let keep = digits_both
                    || HYPHEN_PREFIXES.contains(&before.to_lowercase().as_str())
                    || before.is_empty()
                    || next.is_none();
                !keep || c != '-'
            }
            '(' | ')' | '[' | ']' | '"' | '“' | '”' | '!' | '?' | ';' => true,
            ',' => {
                !(prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit()))
            }
            _ => false,
        };
        if split {
            if i > piece {
                out.push(Span::new(s + piece, s + i));
            }
            // Runs of the same dash ("--") stay together.
            let mut j = k + 1;
            while j < chars.len() && chars[j].1 == c && matches!(c, '-' | '!' | '?') {
                j += 1;
            }
            let end = if j < chars.len() { chars[j].0 } else { w.len() };
            out.push(Span::new(s + i, s + end));
            piece = end;
            k = j;
            continue;
        }
        k += 1;
    }
    if piece < w.len() {
        out.push(Span::new(s + piece, e));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(t: &str) -> Vec<&str> {
        tokenize(t).iter().map(|s| &t[s.start..s.end]).collect()
    }

    #[test]
    fn splits_clitics_and_punctuation() {
        assert_eq!(
            toks("Serbia's army didn't move."),
            ["Serbia", "'s", "army", "did", "n't", "move", "."]
        );
        assert_eq!(
            toks("I can't, won't; cannot!"),
            ["I", "ca", "n't", ",", "wo", "n't", ";", "can", "not", "!"]
        );
        assert_eq!(
            toks("(\"Hello,\" she said.)"),
            ["(", "\"", "Hello", ",", "\"", "she", "said", ".", ")"]
        );
        assert_eq!(
            toks("the students' books"),
            ["the", "students", "'", "books"]
        );
    }

    #[test]
    fn keeps_urls_numbers_abbreviations() {
        assert_eq!(
            toks("See http://example.com/a?b=1."),
            ["See", "http://example.com/a?b=1", "."]
        );
        assert_eq!(
            toks("1,000 troops and 2.5 percent"),
            ["1,000", "troops", "and", "2.5", "percent"]
        );
        assert_eq!(
            toks("The U.S. and Dr. Smith met."),
            ["The", "U.S.", "and", "Dr.", "Smith", "met", "."]
        );
        assert_eq!(
            toks("It cost $5 (10%)."),
            ["It", "cost", "$", "5", "(", "10", "%", ")", "."]
        );
        assert_eq!(toks("Wait... what?!"), ["Wait", "...", "what", "?!"]);
    }

    #[test]
    fn hyphens_and_offsets() {
        assert_eq!(
            toks("e-mail a well-known anti-war group"),
            ["e-mail", "a", "well", "-", "known", "anti-war", "group"]
        );
        let t = "Ça va?";
        let s = tokenize(t);
        assert_eq!(s[0], Span::new(0, 3));
        assert_eq!(&t[s[2].start..s[2].end], "?");
    }
}
