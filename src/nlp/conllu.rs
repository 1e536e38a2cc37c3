//! Minimal CoNLL-U reader: words (integer ids), multiword-token surfaces, `# text` and paragraph marks.

use std::path::Path;

use super::NlpError;

/// One syntactic word of a CoNLL-U sentence.
#[derive(Debug, Clone, Default)]
pub struct Word {
    /// Word form.
    pub form: String,
    /// Lemma.
    pub lemma: String,
    /// Universal POS tag.
    pub upos: String,
    /// Language-specific POS tag (PTB for English).
    pub xpos: String,
    /// Head (0 = root, else 1-based index).
    pub head: usize,
    /// Dependency relation (full, with subtype).
    pub deprel: String,
    /// Whether the MISC column says `SpaceAfter=No`.
    pub no_space_after: bool,
}

/// A multiword token covering words `first..=last` (1-based).
#[derive(Debug, Clone)]
pub struct MultiWord {
    /// First word (1-based).
    pub first: usize,
    /// Last word (1-based, inclusive).
    pub last: usize,
    /// Surface form.
    pub form: String,
    /// Whether the MISC column says `SpaceAfter=No`.
    pub no_space_after: bool,
}

/// One CoNLL-U sentence.
#[derive(Debug, Clone, Default)]
pub struct Sentence {
    /// Words (index 0 is word 1).
    pub words: Vec<Word>,
    /// Multiword tokens.
    pub multiwords: Vec<MultiWord>,
    /// The `# text` comment, if any.
    pub text: Option<String>,
    /// Whether a `# newpar` or `# newdoc` comment precedes the sentence.
    pub new_par: bool,
    /// Whether a `# newdoc` comment precedes the sentence.
    pub new_doc: bool,
    /// Line number (1-based) of the sentence's first line in the file.
    pub line: usize,
}

/// Reads a CoNLL-U file.
pub fn read_file(path: &Path) -> Result<Vec<Sentence>, NlpError> {
    let text = std::fs::read_to_string(path).map_err(|e| NlpError::Io {
        path: path.display().to_string(),
        source: e,
    })?;
    parse(&text, &path.display().to_string())
}

/// Parses CoNLL-U text; `origin` names the source in errors.
pub fn parse(text: &str, origin: &str) -> Result<Vec<Sentence>, NlpError> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    let mut started = false;
    for (ln, line) in text.lines().enumerate() {
        let line_no = ln + 1;
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            started = false;
            continue;
        }
        if !started {
            cur.line = line_no;
            started = true;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim_start();
            if c.starts_with("newdoc") {
                cur.new_doc = true;
                cur.new_par = true;
            } else if c.starts_with("newpar") {
                cur.new_par = true;
            } else if let Some(t) = c.strip_prefix("text =") {
                cur.text = Some(t.trim().to_string());
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let bad = |msg: &str| NlpError::Format {
            path: origin.to_string(),
            line: line_no,
            message: msg.to_string(),
        };
        if cols.len() != 10 {
            return Err(bad("expected 10 tab-separated columns"));
        }
        let id = cols[0];
        let no_space = cols[9].split('|').any(|m| m == "SpaceAfter=No");
        if let Some((a, b)) = id.split_once('-') {
            let first: usize = a.parse().map_err(|_| bad("bad multiword id"))?;
            let last: usize = b.parse().map_err(|_| bad("bad multiword id"))?;
            cur.multiwords.push(MultiWord {
                first,
                last,
                form: cols[1].to_string(),
                no_space_after: no_space,
            });
            continue;
        }
        if id.contains('.') {
            continue; // empty node
        }
        let n: usize = id.parse().map_err(|_| bad("bad word id"))?;
        if n != cur.words.len() + 1 {
            return Err(bad("word ids are not consecutive"));
        }
        let head: usize = if cols[6] == "_" {
            0
        } else {
            cols[6].parse().map_err(|_| bad("bad head"))?
        };
        cur.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            head,
            deprel: cols[7].to_string(),
            no_space_after: no_space,
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    for s in &out {
        let n = s.words.len();
        if s.words.iter().any(|w| w.head > n) {
            return Err(NlpError::Format {
                path: origin.to_string(),
                line: s.line,
                message: "head out of range".into(),
            });
        }
    }
    Ok(out)
}

impl Sentence {
    /// The sentence text: `# text` if present, else rebuilt from forms and `SpaceAfter=No`.
    pub fn surface(&self) -> String {
        if let Some(t) = &self.text {
            return t.clone();
        }
        let mut s = String::new();
        let mut i = 0;
        while i < self.words.len() {
            if let Some(m) = self.multiwords.iter().find(|m| m.first == i + 1) {
                s.push_str(&m.form);
                if !m.no_space_after {
                    s.push(' ');
                }
                i = m.last;
            } else {
                s.push_str(&self.words[i].form);
                if !self.words[i].no_space_after {
                    s.push(' ');
                }
                i += 1;
            }
        }
        s.trim_end().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_words_multiwords_and_comments() {
        let t = "# newdoc id = x\n# text = I don't.\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
                 1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n\
                 3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\tSpaceAfter=No\n3.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n\
                 4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n";
        let s = parse(t, "t").unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words.len(), 4);
        assert!(s[0].new_doc && s[0].new_par);
        assert_eq!(s[0].multiwords[0].form, "don't");
        assert_eq!(s[0].text.as_deref(), Some("I don't."));
        assert!(s[0].words[2].no_space_after);
    }

    #[test]
    fn rejects_bad_lines() {
        assert!(parse("1\tx\n", "t").is_err());
        assert!(parse("1\ta\ta\tX\tX\t_\t9\tdep\t_\t_\n", "t").is_err());
    }
}
