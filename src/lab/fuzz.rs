//! Generated hostile inputs through every parser of user data: article ingest, stored notes (codec), note
//! sets and passages in links, W3C import, search queries (from the page's address, then searched), and
//! readers' own articles (a saved web page, a shared article link, a stored article record). Each input is a mutation of a valid example (byte flips,
//! insertions of markup and control characters, cuts, repeats, splices of two examples) or random bytes,
//! at most [`MAX_INPUT_BYTES`] long; a deterministic generator (xorshift) makes every run repeatable from
//! its seed. `presseschau fuzz` runs a million; `tests/fuzz.rs` runs a short version in CI.
//!
//! A panic is a failure: the caller sets a panic hook that prints the target and the input first.

use std::cell::RefCell;

use crate::core::annotations::w3c::{self, ArticleRef};
use crate::core::annotations::{AnnotationSet, codec, link};
use crate::core::corpus::{Corpus, ingest};
use crate::core::own::{self, share, store};

/// Longest generated input (bytes).
pub const MAX_INPUT_BYTES: usize = 4096;

thread_local! {
    /// The target and input being run, for the panic hook.
    pub static CURRENT: RefCell<(&'static str, Vec<u8>)> = const { RefCell::new(("", Vec::new())) };
}

/// A small, fast, repeatable random generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (0 is replaced by a fixed odd number).
    pub fn new(seed: u64) -> Self {
        Self(if seed == 0 { 0x9E37_79B9_7F4A_7C15 } else { seed })
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// Pieces that parsers of text, Markdown, HTML, JSON and links treat specially.
const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "data:text/html,<b>",
    "<svg onload=alert(1)>",
    "](javascript:x)",
    "![x](http://e.org/x.png)",
    "\u{202E}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{0}",
    "\r\n",
    "\n---\n",
    "\"",
    "\\",
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "null",
    "-1",
    "18446744073709551616",
    "1e999",
    "%",
    "%ZZ",
    "%F0%9F",
    "~",
    "v1.",
    "é",
    "👩‍👩‍👧",
    "\u{0301}",
    "#",
    "?",
    "=",
    "&",
    "\u{1F3FB}",
];

/// One mutation of `base` (with a second example `other` to splice from).
pub fn mutate(rng: &mut Rng, base: &[u8], other: &[u8]) -> Vec<u8> {
    let mut out = base.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(7) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 => {
                let piece = HOSTILE[rng.below(HOSTILE.len())].as_bytes();
                out.splice(at..at, piece.iter().copied());
            }
            2 => out.truncate(at),
            3 if !out.is_empty() => {
                let end = (at + rng.below(64)).min(out.len());
                let piece: Vec<u8> = out[at.min(end)..end].to_vec();
                for _ in 0..rng.below(8) {
                    out.splice(at..at, piece.iter().copied());
                }
            }
            4 if !other.is_empty() => {
                let from = rng.below(other.len());
                let end = (from + rng.below(256)).min(other.len());
                out.splice(at..at, other[from..end].iter().copied());
            }
            5 => {
                let end = (at + rng.below(32)).min(out.len());
                out.drain(at..end);
            }
            _ => {
                let n = rng.below(16);
                let bytes: Vec<u8> = (0..n).map(|_| rng.next_u64() as u8).collect();
                out.splice(at..at, bytes);
            }
        }
    }
    out.truncate(MAX_INPUT_BYTES);
    out
}

/// How many inputs ran through each target.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Counts {
    /// (target, inputs run, inputs the parser accepted).
    pub targets: Vec<(&'static str, usize, usize)>,
}

/// Runs `n` generated inputs through each target. Returns the counts; a panic aborts the run (after the
/// caller's hook printed it).
pub fn run(n: usize, seed: u64) -> Counts {
    let corpus = Corpus::from_seeds();
    let texts: Vec<String> = corpus.articles.iter().map(|a| a.text()).collect();
    let refs: Vec<ArticleRef<'_>> = corpus
        .articles
        .iter()
        .zip(&texts)
        .map(|(a, t)| ArticleRef {
            id: &a.id,
            url: a.url.as_deref(),
            text: t,
        })
        .collect();
    let examples = Examples::new(&corpus, &texts);
    let entities = crate::core::analysis::entities::analyze_corpus(&corpus);
    let search = crate::core::search::IndexBuilder::new(&corpus, &entities).into_index();
    let mut rng = Rng::new(seed);
    let mut counts = Counts::default();
    type Target<'a> = (&'static str, &'a [Vec<u8>], Box<dyn Fn(&str, &[u8]) -> bool + 'a>);
    let targets: Vec<Target<'_>> = vec![
        (
            "ingest",
            &examples.articles,
            Box::new(|_, b| ingest::ingest("fuzz.txt", b).is_ok()),
        ),
        ("codec", &examples.stored, Box::new(|s, _| codec::decode(s).is_ok())),
        (
            "note-set link",
            &examples.note_sets,
            Box::new(|s, _| link::decode_note_set(s).is_ok()),
        ),
        (
            "passage link",
            &examples.passages,
            Box::new(|s, _| link::decode_passage(s).is_ok()),
        ),
        (
            "w3c import",
            &examples.w3c,
            Box::new(|s, _| w3c::import_into(s, &AnnotationSet::new(), "2026-12-04T00:00:00Z", &refs).is_ok()),
        ),
        (
            "search query",
            &examples.queries,
            Box::new(|s, _| {
                let q = crate::core::search::Query::parse(&crate::core::search::query_from_fragment(s));
                !search.search(&q).is_empty()
            }),
        ),
        (
            "own html page",
            &examples.pages,
            Box::new(|_, b| own::read_file("fuzz.html", b).is_ok_and(|d| d.to_article().is_ok())),
        ),
        (
            "own article link",
            &examples.shared,
            Box::new(|s, _| share::decode(s).is_ok()),
        ),
        (
            "own stored record",
            &examples.records,
            Box::new(|s, _| store::decode(s).is_ok()),
        ),
    ];
    for (name, seeds, parse) in &targets {
        let mut accepted = 0;
        for i in 0..n {
            let input = if i % 10 == 9 {
                (0..rng.below(MAX_INPUT_BYTES)).map(|_| rng.next_u64() as u8).collect()
            } else {
                let base = &seeds[rng.below(seeds.len())];
                let other = &seeds[rng.below(seeds.len())];
                mutate(&mut rng, base, other)
            };
            CURRENT.with(|c| *c.borrow_mut() = (name, input.clone()));
            let text = String::from_utf8_lossy(&input);
            if parse(&text, &input) {
                accepted += 1;
            }
        }
        counts.targets.push((name, n, accepted));
    }
    counts
}

/// Valid examples of each input, to mutate.
struct Examples {
    articles: Vec<Vec<u8>>,
    stored: Vec<Vec<u8>>,
    note_sets: Vec<Vec<u8>>,
    passages: Vec<Vec<u8>>,
    w3c: Vec<Vec<u8>>,
    queries: Vec<Vec<u8>>,
    /// Seed articles' first blocks as web pages.
    pages: Vec<Vec<u8>>,
    /// The same as shared-article links.
    shared: Vec<Vec<u8>>,
    /// The same as stored own-article records.
    records: Vec<Vec<u8>>,
}

impl Examples {
    fn new(corpus: &Corpus, texts: &[String]) -> Self {
        let mut set = AnnotationSet::new();
        let mut passages = Vec::new();
        for (i, (a, text)) in corpus.articles.iter().zip(texts).enumerate() {
            let Ok(selector) = crate::core::annotations::anchor::select(text, 10, 40) else {
                continue;
            };
            passages.push(link::encode_passage(text, &selector).into_bytes());
            if let Ok(note) = crate::core::annotations::Annotation::new(
                crate::core::annotations::AnnotationId::generate(1_700_000_000_000, i as u64),
                a.id.clone(),
                selector,
                crate::core::annotations::Color::ALL[i % 5],
                Some(format!("Notiz **{i}** mit [Link](https://example.org)")),
                vec![format!("Tag{i}")],
                "2026-12-01T10:00:00Z",
            ) {
                let _ = set.add(note);
            }
        }
        let articles = corpus
            .articles
            .iter()
            .map(|a| {
                a.lines
                    .iter()
                    .map(|l| l.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
                    .into_bytes()
            })
            .map(|mut b| {
                b.truncate(MAX_INPUT_BYTES);
                b
            })
            .collect();
        let pages = example_pages(corpus);
        let drafts: Vec<own::Draft> = pages.iter().filter_map(|p| own::read_pasted(p).ok()).collect();
        Self {
            articles,
            stored: vec![codec::encode(&set).into_bytes()],
            note_sets: vec![link::encode_note_set(set.items()).into_bytes()],
            passages,
            w3c: corpus
                .articles
                .iter()
                .map(|a| w3c::export_string(&set, Some(&a.id)).into_bytes())
                .collect(),
            queries: [
                "Erdogans Drohnen",
                "türkische Regierung",
                "S-400",
                "Putins Sprecher",
                "Kreml-Chef",
            ]
            .iter()
            .map(|q| crate::core::search::query_fragment(q).into_bytes())
            .collect(),
            pages: pages.iter().map(|p| p.clone().into_bytes()).collect(),
            shared: drafts
                .iter()
                .filter_map(|d| share::encode(d).ok())
                .map(String::into_bytes)
                .collect(),
            records: drafts
                .into_iter()
                .map(|d| store::encode(&own::OwnArticle::new(d, "2026-12-04T00:00:00Z")).into_bytes())
                .collect(),
        }
    }
}

/// Short web pages made of each article's title and first three blocks, with hostile markup around them.
fn example_pages(corpus: &Corpus) -> Vec<String> {
    corpus
        .articles
        .iter()
        .map(|a| {
            let body: String = a
                .blocks
                .iter()
                .take(3)
                .map(|b| format!("<p class=x>{}</p>", b.text))
                .collect();
            format!(
                "<!DOCTYPE html><html><head><title>{} | Zeitung</title><script>alert(1)</script></head>\
                 <body><nav><a href=\"javascript:x()\">Start</a></nav><article><h1>{}</h1>{body}\
                 <img src=http://e.org/x.png onerror=alert(1)></article></body></html>",
                a.title.text, a.title.text
            )
        })
        .collect()
}
