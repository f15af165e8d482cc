//! Readers for the NER corpora: GermEval 2014 four-column TSV and the CoNLL-style files of
//! `ner-de-train`, mapped to the GermEval kinds PER/LOC/ORG/OTH (types that do not map become `O`).
//!
//! Parsing works on `&str`; reading files is the caller's job (the CLI).

use std::collections::HashSet;

use crate::core::analysis::ner::{FineKind, NerError, NerKind, NerLabel, Variant};

/// A labelled sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The tokens.
    pub tokens: Vec<String>,
    /// One label per token.
    pub labels: Vec<NerLabel>,
    /// Where the sentence comes from, for [`super::train::TrainConfig::domain_adapt`]: 0 = GermEval (either
    /// split), else a corpus number (`CorpusKind as u8`).
    pub domain: u8,
}

/// A GermEval sentence with everything needed to write it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GermEvalSentence {
    /// The `#` lines before the sentence, verbatim.
    pub comments: Vec<String>,
    /// The tokens (normalised: soft hyphens removed, C1 controls mapped to their cp1252 characters).
    pub tokens: Vec<String>,
    /// The outer (first-level) labels.
    pub outer: Vec<NerLabel>,
    /// The inner (nested) labels.
    pub inner: Vec<NerLabel>,
}

/// The corpora `train-ner` knows, with how to read and map them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CorpusKind {
    /// GermEval 2014 dev split (four columns, 12 fine labels): the held-out set.
    GermEval,
    /// GermEval 2014 train split, reconstructed: every label, but a quarter of the words (two thirds
    /// inside names) are placeholders `<UNK:CASING:id>` ([`crate::core::analysis::ner::features::placeholder`]).
    GermEvalTrain,
    /// DFKI SmartData (news, RSS, tweets).
    SmartData,
    /// DFKI MobIE (traffic tweets and reports).
    MobIe,
    /// Europarl (Faruqui & Padó), IOB1, MISC → OTH, lower-case one-word MISC → LOCderiv.
    Europarl,
    /// German Legal Entity Recognition (court decisions).
    Legal,
    /// Europeana historic newspapers (OCR, no sentence breaks).
    Europeana,
    /// BIOfid historic biodiversity literature.
    Biofid,
}

impl CorpusKind {
    /// All corpora, in the order they are read (earlier wins when sentences are deduplicated).
    pub const ALL: [CorpusKind; 8] = [
        CorpusKind::GermEval,
        CorpusKind::GermEvalTrain,
        CorpusKind::SmartData,
        CorpusKind::MobIe,
        CorpusKind::Europarl,
        CorpusKind::Legal,
        CorpusKind::Europeana,
        CorpusKind::Biofid,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            CorpusKind::GermEval => "germeval",
            CorpusKind::GermEvalTrain => "germeval-train",
            CorpusKind::SmartData => "smartdata",
            CorpusKind::MobIe => "mobie",
            CorpusKind::Europarl => "europarl",
            CorpusKind::Legal => "legal",
            CorpusKind::Europeana => "europeana",
            CorpusKind::Biofid => "biofid",
        }
    }

    /// The corpus with this command-line name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The files of the corpus, relative to the data folder (`../shared/data`).
    pub fn files(self) -> &'static [&'static str] {
        match self {
            CorpusKind::GermEval => &["germeval2014/NER-de-dev.tsv"],
            CorpusKind::GermEvalTrain => &["germeval2014/NER-de-train.reconstructed.tsv"],
            CorpusKind::SmartData => &[
                "ner-de-train/smartdata/train.bio.tsv",
                "ner-de-train/smartdata/test.bio.tsv",
            ],
            CorpusKind::MobIe => &[
                "ner-de-train/mobie/train.conll2003",
                "ner-de-train/mobie/dev.conll2003",
                "ner-de-train/mobie/test.conll2003",
            ],
            CorpusKind::Europarl => &[
                "ner-de-train/europarl-faruqui-pado/train.tsv",
                "ner-de-train/europarl-faruqui-pado/dev.tsv",
                "ner-de-train/europarl-faruqui-pado/test.tsv",
            ],
            CorpusKind::Legal => &[
                "ner-de-train/legal-ler/ler_train.conll",
                "ner-de-train/legal-ler/ler_dev.conll",
                "ner-de-train/legal-ler/ler_test.conll",
            ],
            CorpusKind::Europeana => &[
                "ner-de-train/europeana-newspapers-de/enp_DE.lft.bio",
                "ner-de-train/europeana-newspapers-de/enp_DE.onb.bio",
            ],
            CorpusKind::Biofid => &["ner-de-train/biofid/dev.conll", "ner-de-train/biofid/test.conll"],
        }
    }

    /// Maps a corpus type (without `B-`/`I-`) to a GermEval label; `None` means `O`.
    pub fn map_type(self, t: &str) -> Option<FineKind> {
        let kind = match self {
            CorpusKind::GermEval | CorpusKind::GermEvalTrain => return t.parse().ok(),
            CorpusKind::SmartData => match t {
                "PERSON" => NerKind::Per,
                "ORGANIZATION" | "ORGANIZATION_COMPANY" => NerKind::Org,
                _ if t.starts_with("LOCATION") => NerKind::Loc,
                _ => return None,
            },
            CorpusKind::MobIe => match t {
                "person" => NerKind::Per,
                "organization" | "organization-company" => NerKind::Org,
                _ if t.starts_with("location") => NerKind::Loc,
                _ => return None,
            },
            CorpusKind::Europarl => match t {
                "PER" => NerKind::Per,
                "LOC" => NerKind::Loc,
                "ORG" => NerKind::Org,
                "MISC" => NerKind::Oth,
                _ => return None,
            },
            CorpusKind::Legal => match t {
                "PER" | "RR" | "AN" => NerKind::Per,
                "LD" | "ST" | "STR" | "LDS" => NerKind::Loc,
                "ORG" | "UN" | "INN" | "GRT" | "MRK" => NerKind::Org,
                _ => return None,
            },
            CorpusKind::Europeana | CorpusKind::Biofid => match t {
                "PER" => NerKind::Per,
                "LOC" => NerKind::Loc,
                "ORG" => NerKind::Org,
                _ => return None,
            },
        };
        Some(FineKind::name(kind))
    }

    /// Parses one file of this corpus into mapped sentences.
    pub fn parse(self, source_name: &str, text: &str) -> Result<Vec<Sentence>, NerError> {
        match self {
            CorpusKind::GermEval | CorpusKind::GermEvalTrain => Ok(parse_germeval(source_name, text)?
                .into_iter()
                .map(|s| Sentence {
                    tokens: s.tokens,
                    labels: s.outer,
                    domain: 0,
                })
                .collect()),
            _ => parse_conll(self, source_name, text),
        }
    }
}

/// Repairs a cleaned token: drops soft hyphens and maps C1 control characters to the cp1252
/// characters they stand for („ “ ” – — ‘ ’ …).
pub fn normalize_token(t: &str) -> String {
    let out: String = t
        .chars()
        .filter(|&c| c != '\u{00AD}')
        .map(|c| match c {
            '\u{0084}' => '„',
            '\u{0093}' => '“',
            '\u{0094}' => '”',
            '\u{0091}' => '‘',
            '\u{0092}' => '’',
            '\u{0096}' => '–',
            '\u{0097}' => '—',
            '\u{0085}' => '…',
            c => c,
        })
        .collect();
    if out.is_empty() { "-".to_string() } else { out }
}

/// Parses GermEval 2014 TSV: `index TAB token TAB outer TAB inner`, `#` comment lines, blank line
/// between sentences.
pub fn parse_germeval(source_name: &str, text: &str) -> Result<Vec<GermEvalSentence>, NerError> {
    let mut out = Vec::new();
    let mut cur = GermEvalSentence {
        comments: Vec::new(),
        tokens: Vec::new(),
        outer: Vec::new(),
        inner: Vec::new(),
    };
    let err = |line: usize, message: String| NerError::BadLine {
        source_name: source_name.to_string(),
        line,
        message,
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    GermEvalSentence {
                        comments: Vec::new(),
                        tokens: Vec::new(),
                        outer: Vec::new(),
                        inner: Vec::new(),
                    },
                ));
            }
            continue;
        }
        if line.starts_with('#') && cur.tokens.is_empty() && !line.starts_with("#\t#") {
            cur.comments.push(line.to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            return Err(err(
                n + 1,
                format!("expected 4 tab-separated columns, found {}", cols.len()),
            ));
        }
        let outer: NerLabel = cols[2].parse().map_err(|e: NerError| err(n + 1, e.to_string()))?;
        let inner: NerLabel = match cols.get(3) {
            Some(c) if !c.is_empty() => c.parse().map_err(|e: NerError| err(n + 1, e.to_string()))?,
            _ => NerLabel::Outside,
        };
        cur.tokens.push(normalize_token(cols[1]));
        cur.outer.push(outer);
        cur.inner.push(inner);
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    for s in &mut out {
        repair_bio(&mut s.outer);
        repair_bio(&mut s.inner);
    }
    Ok(out)
}

/// Turns an `I-X` that does not follow `B-X`/`I-X` into `B-X` (IOB1 and ill-formed IOB2 → IOB2).
pub fn repair_bio(labels: &mut [NerLabel]) {
    let mut prev: Option<FineKind> = None;
    for l in labels.iter_mut() {
        if let NerLabel::Inside(k) = *l
            && prev != Some(k)
        {
            *l = NerLabel::Begin(k);
        }
        prev = l.fine();
    }
}

/// Parses CoNLL-style files: first column the token, last column the tag; blank line between sentences.
fn parse_conll(corpus: CorpusKind, source_name: &str, text: &str) -> Result<Vec<Sentence>, NerError> {
    let mut out = Vec::new();
    let mut cur = Sentence {
        tokens: Vec::new(),
        labels: Vec::new(),
        domain: corpus as u8,
    };
    let flush = |cur: &mut Sentence, out: &mut Vec<Sentence>| {
        if !cur.tokens.is_empty() {
            repair_bio(&mut cur.labels);
            out.push(std::mem::replace(
                cur,
                Sentence {
                    tokens: Vec::new(),
                    labels: Vec::new(),
                    domain: corpus as u8,
                },
            ));
        }
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut cur, &mut out);
            continue;
        }
        if line.starts_with("-DOCSTART-") {
            continue;
        }
        let cols: Vec<&str> = if line.contains('\t') {
            line.split('\t').collect()
        } else {
            line.split_whitespace().collect()
        };
        let (Some(token), Some(tag)) = (cols.first(), cols.last()) else {
            continue;
        };
        if cols.len() < 2 {
            return Err(NerError::BadLine {
                source_name: source_name.to_string(),
                line: n + 1,
                message: "expected a token and a tag".to_string(),
            });
        }
        let label = match tag.split_once('-') {
            Some((bio @ ("B" | "I"), t)) => match corpus.map_type(t) {
                Some(k) if bio == "B" => NerLabel::Begin(k),
                Some(k) => NerLabel::Inside(k),
                None => NerLabel::Outside,
            },
            _ => NerLabel::Outside,
        };
        cur.tokens.push(normalize_token(token));
        cur.labels.push(label);
        // Europeana has no sentence breaks: cut at final punctuation or every 60 tokens.
        if corpus == CorpusKind::Europeana
            && (matches!(*token, "." | "!" | "?") && cur.tokens.len() > 3 || cur.tokens.len() >= 60)
        {
            flush(&mut cur, &mut out);
        }
    }
    flush(&mut cur, &mut out);
    if corpus == CorpusKind::Europarl {
        for s in &mut out {
            europarl_adjectives_to_deriv(s);
        }
    }
    Ok(out)
}

/// Europarl's MISC covers GermEval's `LOCderiv` adjectives ("europäischen", "schwedische"): a
/// one-token MISC span written in lower case becomes `B-LOCderiv` (the other MISC spans stay `OTH`).
fn europarl_adjectives_to_deriv(s: &mut Sentence) {
    let oth = FineKind::name(NerKind::Oth);
    for i in 0..s.labels.len() {
        let single = s.labels[i] == NerLabel::Begin(oth) && s.labels.get(i + 1) != Some(&NerLabel::Inside(oth));
        if single && s.tokens[i].chars().next().is_some_and(char::is_lowercase) {
            s.labels[i] = NerLabel::Begin(FineKind {
                kind: NerKind::Loc,
                variant: Variant::Deriv,
            });
        }
    }
}

/// Removes sentences whose token sequence was seen before (in this list or in `seen`), keeping the
/// first occurrence; returns how many were removed.
pub fn dedup(sentences: &mut Vec<Sentence>, seen: &mut HashSet<Vec<String>>) -> usize {
    let before = sentences.len();
    sentences.retain(|s| seen.insert(s.tokens.clone()));
    before - sentences.len()
}

/// Keeps at most `n` sentences, evenly spread over the list (deterministic).
pub fn sample(sentences: Vec<Sentence>, n: usize) -> Vec<Sentence> {
    let len = sentences.len();
    if n >= len {
        return sentences;
    }
    sentences
        .into_iter()
        .enumerate()
        .filter(|(i, _)| (*i as u64 * n as u64) % (len as u64) < (n as u64))
        .map(|(_, s)| s)
        .collect()
}

/// Whether a token is a placeholder of the reconstructed train split.
fn is_placeholder(t: &str) -> bool {
    crate::core::analysis::ner::features::placeholder(t).is_some()
}

/// Whether a sentence has names and every token inside them is a placeholder.
pub fn names_all_placeholders(s: &Sentence) -> bool {
    let named: Vec<&String> = s
        .tokens
        .iter()
        .zip(&s.labels)
        .filter(|(_, y)| y.fine().is_some())
        .map(|(t, _)| t)
        .collect();
    !named.is_empty() && named.iter().all(|t| is_placeholder(t))
}

/// The placeholder that hides a word: `<UNK:CASING:oov>` with the word's casing class.
pub fn hide(word: &str) -> String {
    format!("<UNK:{}:oov>", crate::core::analysis::ner::features::casing(word))
}

/// Word dropout on names: each real token inside a name becomes [`hide`] with probability `p`
/// (deterministic for a seed), so the model learns to lean on context and casing, as it must for the
/// names of new text it has never seen.
pub fn drop_name_words(sentences: &mut [Sentence], p: f64, seed: u64) {
    let mut rng = seed ^ 0x9E37_79B9_7F4A_7C15;
    for s in sentences {
        for (t, y) in s.tokens.iter_mut().zip(&s.labels) {
            if y.fine().is_none() || is_placeholder(t) {
                continue;
            }
            let r = super::xorshift(&mut rng);
            if ((r >> 11) as f64 / (1u64 << 53) as f64) < p {
                *t = hide(t);
            }
        }
    }
}

/// The README's honest protocol for scoring on half `a` of dev: every train-split word that occurs in `a`
/// but not in the other half `b` becomes a placeholder of its casing (the reconstruction named a train word
/// only where dev has it, so without this the train split would know `a`'s words better than it knows any
/// new text's).
pub fn hide_words_of(train: &mut [Sentence], a: &[Sentence], b: &[Sentence]) -> usize {
    let in_b: HashSet<&str> = b.iter().flat_map(|s| s.tokens.iter().map(String::as_str)).collect();
    let only_a: HashSet<&str> = a
        .iter()
        .flat_map(|s| s.tokens.iter().map(String::as_str))
        .filter(|t| !in_b.contains(t))
        .collect();
    let mut hidden = 0;
    for s in train {
        for t in &mut s.tokens {
            if only_a.contains(t.as_str()) {
                *t = hide(t);
                hidden += 1;
            }
        }
    }
    hidden
}
