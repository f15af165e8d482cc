//! Full-text search over the articles: titles, text and names.
//!
//! Terms are the same as the same-event linker's ([`Analyzer`]): folded (no diacritics, lower case) and
//! Snowball-stemmed German words without stopwords — "Türkei", "turkei" and "Türkeis" are one term. Every
//! knowledge-base mention is indexed as well, as the term `@<entity id>` at its place, and a query is run
//! through the same entity matcher as the articles: any inflected or derived form of a name ("Erdogans",
//! "türkische") finds the entity's mentions, whatever form the article uses. Ranking is BM25 (k1 1.2,
//! b 0.75) with title words counted [`TITLE_WEIGHT`] times.
//!
//! The index is built at build time and cut into shards by term, like Pagefind: a query loads only the
//! shards of its terms (`search-<n>.js`, classic scripts that work from disk), plus one small file of
//! article lengths and titles. [`SearchIndex`] holds what is loaded; [`IndexBuilder`] writes the files.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::core::analysis::entities::{CorpusEntities, find_mentions};
use crate::core::analysis::similarity::{Analyzer, hash_str, words};
use crate::core::corpus::Corpus;

/// How many times a title word counts against a word of the text.
pub const TITLE_WEIGHT: u32 = 3;
/// BM25 term-frequency saturation.
pub const K1: f64 = 1.2;
/// BM25 length normalisation.
pub const B: f64 = 0.75;
/// Positions kept per term and article (for the snippet and the passage link of a hit).
pub const POSITIONS_KEPT: usize = 3;
/// Articles per shard the builder aims at (one shard below this many articles).
pub const ARTICLES_PER_SHARD: usize = 100;
/// Results returned by [`SearchIndex::search`].
pub const MAX_RESULTS: usize = 20;
/// Longest query read (code points); the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 200;

/// One article in the index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocMeta {
    /// The article id.
    pub id: String,
    /// The headline.
    pub title: String,
    /// Number of indexed words (text and title).
    pub len: u32,
}

/// What every query needs: the articles, their average length and how the terms are sharded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexMeta {
    /// The articles, by index.
    pub docs: Vec<DocMeta>,
    /// Average indexed length.
    pub avg_len: f64,
    /// Number of shards.
    pub shards: u32,
}

/// One article's occurrences of a term: `[doc, weighted tf, positions…]` (code points of the word starts).
pub type Posting = Vec<u32>;

/// The postings of the terms of one shard.
pub type Shard = BTreeMap<String, Vec<Posting>>;

/// The shard a term is in.
pub fn shard_of(term: &str, shards: u32) -> u32 {
    (hash_str(term) % u64::from(shards.max(1))) as u32
}

/// Builds the index of a corpus.
pub struct IndexBuilder {
    meta: IndexMeta,
    terms: HashMap<String, Vec<Posting>>,
}

impl IndexBuilder {
    /// Indexes every article: title and text words, and the KB mentions as `@<id>`.
    pub fn new(corpus: &Corpus, entities: &CorpusEntities) -> Self {
        let analyzer = Analyzer::new();
        let mut terms: HashMap<String, Vec<Posting>> = HashMap::new();
        let mut docs = Vec::with_capacity(corpus.articles.len());
        for (doc, article) in corpus.articles.iter().enumerate() {
            let text = article.text();
            let mut here: BTreeMap<String, (u32, Vec<u32>)> = BTreeMap::new();
            let mut len = 0u32;
            for (_, w) in words(&article.title.text) {
                if let Some(t) = analyzer.term(w) {
                    here.entry(t).or_default().0 += TITLE_WEIGHT;
                    len += 1;
                }
            }
            for (at, w) in words(&text) {
                if let Some(t) = analyzer.term(w) {
                    let e = here.entry(t).or_default();
                    e.0 += 1;
                    if e.1.len() < POSITIONS_KEPT {
                        e.1.push(at as u32);
                    }
                    len += 1;
                }
            }
            let mentions = entities
                .by_article
                .get(&article.id)
                .map(Vec::as_slice)
                .unwrap_or_default();
            for m in mentions {
                if let Some(id) = &m.entity_id {
                    let e = here.entry(format!("@{id}")).or_default();
                    e.0 += 1;
                    if e.1.len() < POSITIONS_KEPT {
                        e.1.push(m.start as u32);
                    }
                }
            }
            for (term, (tf, positions)) in here {
                let mut p = vec![doc as u32, tf];
                p.extend(positions);
                terms.entry(term).or_default().push(p);
            }
            docs.push(DocMeta {
                id: article.id.0.clone(),
                title: article.title.text.clone(),
                len,
            });
        }
        let avg_len = docs.iter().map(|d| f64::from(d.len)).sum::<f64>() / docs.len().max(1) as f64;
        let shards = docs.len().div_ceil(ARTICLES_PER_SHARD).max(1) as u32;
        Self {
            meta: IndexMeta { docs, avg_len, shards },
            terms,
        }
    }

    /// The meta file's content.
    pub fn meta(&self) -> &IndexMeta {
        &self.meta
    }

    /// The shards, by number.
    pub fn shards(&self) -> Vec<Shard> {
        let mut out = vec![Shard::new(); self.meta.shards as usize];
        for (term, postings) in &self.terms {
            out[shard_of(term, self.meta.shards) as usize].insert(term.clone(), postings.clone());
        }
        out
    }

    /// The whole index in memory (the reader's own articles in the browser, tests, benchmarks, the CLI).
    pub fn into_index(self) -> SearchIndex {
        let mut index = SearchIndex::new(self.meta.clone());
        for (n, shard) in self.shards().into_iter().enumerate() {
            index.add_shard(n as u32, shard);
        }
        index
    }
}

/// A query, analysed: its word terms and the entities it names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Stemmed, folded terms (stopwords left out), each once.
    pub terms: Vec<String>,
    /// KB entity ids named in the query (in any form), each once.
    pub entities: Vec<String>,
}

impl Query {
    /// Analyses what a reader typed (at most [`MAX_QUERY_CHARS`]).
    ///
    /// ```
    /// use presseschau::core::search::Query;
    /// let q = Query::parse("Erdogans türkische Drohnen");
    /// assert!(q.entities.contains(&"Q39723".to_string())); // Recep Tayyip Erdoğan
    /// assert!(q.terms.contains(&"drohn".to_string()));
    /// ```
    pub fn parse(input: &str) -> Self {
        let input: String = input.chars().take(MAX_QUERY_CHARS).collect();
        let analyzer = Analyzer::new();
        let mut q = Query::default();
        for (_, w) in words(&input) {
            if let Some(t) = analyzer.term(w)
                && !q.terms.contains(&t)
            {
                q.terms.push(t);
            }
        }
        // Names are matched as written and with each word capitalised (readers type "erdogans").
        let capitalised: String = input
            .split(' ')
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect::<String>())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ");
        for text in [input.as_str(), capitalised.as_str()] {
            for m in find_mentions(text, None) {
                if let Some(id) = m.entity_id
                    && !q.entities.contains(&id)
                {
                    q.entities.push(id);
                }
            }
        }
        q
    }

    /// Every index term of the query: the word terms and `@<id>` for the entities.
    pub fn index_terms(&self) -> Vec<String> {
        self.terms
            .iter()
            .cloned()
            .chain(self.entities.iter().map(|e| format!("@{e}")))
            .collect()
    }

    /// The shards the query needs.
    pub fn shards(&self, shards: u32) -> Vec<u32> {
        let mut out: Vec<u32> = self.index_terms().iter().map(|t| shard_of(t, shards)).collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// One result: an article, its score and where its best hit is.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index of the article in [`IndexMeta::docs`].
    pub doc: usize,
    /// The article id.
    pub id: String,
    /// The headline.
    pub title: String,
    /// BM25 score.
    pub score: f64,
    /// Code point where the best hit starts in the article's text (`None`: only the title matched).
    pub at: Option<usize>,
    /// How many of the query's terms the article has.
    pub matched: usize,
}

/// One article's score while a query is summed up.
#[derive(Debug, Default)]
struct Score {
    total: f64,
    matched: usize,
    /// The idf and place of the rarest term found in the text.
    best: Option<(f64, usize)>,
}

/// The loaded part of an index: the meta file and the shards loaded so far.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchIndex {
    meta: Option<IndexMeta>,
    loaded: HashMap<u32, Shard>,
}

impl SearchIndex {
    /// An index with its meta file and no shards yet.
    pub fn new(meta: IndexMeta) -> Self {
        Self {
            meta: Some(meta),
            loaded: HashMap::new(),
        }
    }

    /// The meta file, when loaded.
    pub fn meta(&self) -> Option<&IndexMeta> {
        self.meta.as_ref()
    }

    /// Adds a loaded shard.
    pub fn add_shard(&mut self, n: u32, shard: Shard) {
        self.loaded.insert(n, shard);
    }

    /// The shards a query needs that are not loaded yet.
    pub fn missing(&self, query: &Query) -> Vec<u32> {
        let shards = self.meta.as_ref().map_or(1, |m| m.shards);
        query
            .shards(shards)
            .into_iter()
            .filter(|n| !self.loaded.contains_key(n))
            .collect()
    }

    /// The best [`MAX_RESULTS`] articles for a query (BM25 over the loaded shards; articles matching more
    /// of the query's terms first). An empty query or index gives no results.
    pub fn search(&self, query: &Query) -> Vec<Hit> {
        let Some(meta) = &self.meta else { return Vec::new() };
        let n = meta.docs.len() as f64;
        let mut scores: HashMap<usize, Score> = HashMap::new();
        for term in query.index_terms() {
            let Some(postings) = self
                .loaded
                .get(&shard_of(&term, meta.shards))
                .and_then(|s| s.get(&term))
            else {
                continue;
            };
            let df = postings.len() as f64;
            let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
            for p in postings {
                let (doc, tf) = (p[0] as usize, f64::from(p[1]));
                let Some(d) = meta.docs.get(doc) else { continue };
                let norm = 1.0 - B + B * f64::from(d.len) / meta.avg_len.max(1.0);
                let s = idf * tf * (K1 + 1.0) / (tf + K1 * norm);
                let e = scores.entry(doc).or_default();
                e.total += s;
                e.matched += 1;
                // The hit shown is the rarest term's first place in the text.
                if let Some(&at) = p.get(2)
                    && e.best.is_none_or(|(best, _)| idf > best)
                {
                    e.best = Some((idf, at as usize));
                }
            }
        }
        let mut hits: Vec<Hit> = scores
            .into_iter()
            .map(|(doc, s)| Hit {
                doc,
                id: meta.docs[doc].id.clone(),
                title: meta.docs[doc].title.clone(),
                score: s.total,
                at: s.best.map(|(_, a)| a),
                matched: s.matched,
            })
            .collect();
        hits.sort_by(|a, b| {
            b.matched
                .cmp(&a.matched)
                .then(b.score.total_cmp(&a.score))
                .then(a.doc.cmp(&b.doc))
        });
        hits.truncate(MAX_RESULTS);
        hits
    }
}

/// A piece of text around a hit: the words before, the hit word, the words after (about `width` code
/// points in all), with "…" where the text goes on.
pub fn snippet(text: &str, at: usize, width: usize) -> (String, String, String) {
    let chars: Vec<char> = text.chars().collect();
    let at = at.min(chars.len());
    let end_word = (at..chars.len())
        .find(|&i| !chars[i].is_alphanumeric())
        .unwrap_or(chars.len());
    let half = width / 2;
    let mut from = at.saturating_sub(half);
    while from > 0 && from < at && !chars[from - 1].is_whitespace() {
        from += 1;
    }
    let mut to = (end_word + half).min(chars.len());
    while to < chars.len() && to > end_word && !chars[to].is_whitespace() {
        to -= 1;
    }
    let before: String = chars[from..at].iter().collect();
    let after: String = chars[end_word..to].iter().collect();
    let lead = if from > 0 { "… " } else { "" };
    let tail = if to < chars.len() { " …" } else { "" };
    (
        format!("{lead}{}", before.trim_start()),
        chars[at..end_word].iter().collect(),
        format!("{}{tail}", after.trim_end()),
    )
}

/// The fragment of a search page's address for a query: `q=<percent-encoded>`.
pub fn query_fragment(query: &str) -> String {
    let q: String = query.chars().take(MAX_QUERY_CHARS).collect();
    format!(
        "q={}",
        percent_encoding::utf8_percent_encode(q.trim(), percent_encoding::NON_ALPHANUMERIC)
    )
}

/// The query in a search page's fragment (`q=…`), decoded; empty when there is none or it is not UTF-8.
///
/// ```
/// use presseschau::core::search::{query_fragment, query_from_fragment};
/// assert_eq!(query_from_fragment(&query_fragment("Türkei & Drohnen")), "Türkei & Drohnen");
/// assert_eq!(query_from_fragment("n=v1.abc"), "");
/// ```
pub fn query_from_fragment(fragment: &str) -> String {
    fragment
        .split('&')
        .find_map(|p| p.strip_prefix("q="))
        .and_then(|v| percent_encoding::percent_decode_str(v).decode_utf8().ok())
        .map(|v| v.chars().take(MAX_QUERY_CHARS).collect())
        .unwrap_or_default()
}
