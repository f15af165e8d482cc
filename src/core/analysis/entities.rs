//! Entity mentions: KB names (with their generated German forms), dates and quantities.
//!
//! 1. [`Matcher`] is built once from the KB: every form from [`super::morphology::forms_of`] is folded and
//!    put into one aho-corasick automaton. The automaton runs in *overlapping* mode because every raw hit is
//!    then checked (token boundaries, case-sensitive aliases, capitalisation): a leftmost-longest automaton would
//!    report only the longest hit at a position and hide a shorter valid one behind a longer invalid one.
//! 2. The checked hits are selected leftmost first, longest first, without overlaps.
//! 3. Each selected hit is resolved to one entity: role titles by the article's date, shared aliases and
//!    name parts by the article's context (see [`find_mentions`]); what cannot be resolved stays unlinked or
//!    is dropped, never guessed.
//! 4. Dates ([`super::dates`]) and quantities ([`super::quantities`]) are added; on overlap the longer
//!    mention wins, names before dates before quantities on a tie.
//!
//! **Compounds.** In a hyphen compound only the name part is marked and linked ("US" in "US-Sanktionen",
//! "Nato" in "Nato-Partner"), unless the KB has the whole compound ("Nato-Russland-Rat") or it is a role title
//! ("Kreml-Chef", linked as a whole to the office holder at the article's date).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Input, MatchKind};
use serde::{Deserialize, Serialize};

use super::kb::{Kb, end_day, kb};
pub use super::mention::{EntityKind, EntitySummary, Mention, Source};
use super::morphology::{FormKind, fold, fold_char, forms_of};
use super::tokens::Tokens;
use crate::core::corpus::{Article, ArticleId, Corpus, SimpleDate};

/// Words in the part after a hyphen that make a shared name a product ("Bayraktar-Kampfdrohnen").
const PRODUCT_HEADS: &[&str] = &[
    "drohne",
    "rakete",
    "jet",
    "panzer",
    "flugzeug",
    "system",
    "flieger",
    "impfstoff",
];

/// Folded word stems that make an article military: only then are bare model codes (S-400, TB2, THAAD)
/// linked as products.
const MILITARY_CUES: &[&str] = &[
    "rakete",
    "drohne",
    "kampfjet",
    "kampfflugzeug",
    "waffe",
    "militar",
    "rustung",
    "armee",
    "abwehr",
    "panzer",
    "streitkraft",
    "verteidigung",
    "luftwaffe",
    "marine",
];

#[derive(Debug, Clone)]
struct Target {
    entity: u32,
    kind: FormKind,
    /// The exact spelling required (case-sensitive forms).
    exact: Option<String>,
    /// The form starts with a capital: the text must too (keeps "essen" from matching "Essen").
    capital: bool,
    /// Multi-word form (may follow a glued capital, as in "CEOHaluk Bayraktar").
    multiword: bool,
    /// A model code (S-400, TB2): linked only in a military context.
    model_code: bool,
    /// Role title (folded) for role forms.
    role: Option<String>,
}

/// A role holder (entity index) with its periods in office (days from the epoch, end exclusive).
type Holder = (u32, Vec<(i64, i64)>);

/// The multi-pattern matcher over all generated forms of the KB. Build once ([`matcher`]).
pub struct Matcher {
    /// The contiguous NFA used directly rather than through `AhoCorasick`: that type dispatches at run time
    /// over every automaton kind (DFA, both NFAs, packed searchers), so all of them end up in the wasm. This
    /// NFA is what `AhoCorasick` picks anyway for this many patterns (a DFA would need megabytes).
    ac: NFA,
    targets: Vec<Vec<Target>>,
    /// Folded role title → holders with their periods (days from the epoch, end exclusive).
    roles: HashMap<String, Vec<Holder>>,
    patterns: usize,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("patterns", &self.patterns)
            .finish_non_exhaustive()
    }
}

fn is_model_code(form: &str) -> bool {
    let letters = form.chars().filter(|c| c.is_alphabetic()).count();
    let short = form.chars().count() <= 8;
    (short && form.chars().any(|c| c.is_ascii_digit()))
        || (letters == form.chars().count() && (2..=5).contains(&letters) && form.chars().all(char::is_uppercase))
}

impl Matcher {
    /// Builds the automaton over every generated form of every entity of `kb`.
    pub fn new(kb: &Kb) -> Result<Self, aho_corasick::BuildError> {
        let mut by_form: BTreeMap<String, Vec<Target>> = BTreeMap::new();
        let mut roles: HashMap<String, Vec<Holder>> = HashMap::new();
        for (i, e) in kb.entities().iter().enumerate() {
            let idx = u32::try_from(i).unwrap_or(u32::MAX);
            for f in forms_of(e) {
                let key = fold(&f.text);
                let capital = f.text.chars().next().is_some_and(char::is_uppercase);
                let target = Target {
                    entity: idx,
                    kind: f.kind,
                    exact: f.case_sensitive.then(|| f.text.clone()),
                    capital,
                    multiword: f.text.contains(' '),
                    model_code: e.kind == EntityKind::Product && is_model_code(&f.text),
                    role: f.role_title.as_deref().map(fold),
                };
                by_form.entry(key).or_default().push(target);
            }
            for r in &e.roles {
                let holders = roles.entry(fold(&r.title)).or_default();
                let period = (r.from.days_from_epoch(), r.to.map_or(i64::MAX, |t| t.days_from_epoch()));
                match holders.iter_mut().find(|(h, _)| *h == idx) {
                    Some((_, periods)) => periods.push(period),
                    None => holders.push((idx, vec![period])),
                }
            }
        }
        let patterns: Vec<&String> = by_form.keys().collect();
        let ac = NFA::builder().match_kind(MatchKind::Standard).build(&patterns)?;
        let n = patterns.len();
        Ok(Self {
            ac,
            targets: by_form.into_values().collect(),
            roles,
            patterns: n,
        })
    }

    /// Number of distinct folded patterns in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.patterns
    }

    /// KB-linked mentions (persons, places, organisations, products, events) in `text`; sorted, no overlaps.
    pub fn find(&self, kb: &Kb, text: &str, article_date: Option<SimpleDate>) -> Vec<Mention> {
        let chars: Vec<char> = text.chars().collect();
        self.find_in(kb, &chars, article_date)
    }

    /// [`Matcher::find`] over the text's chars.
    fn find_in(&self, kb: &Kb, chars: &[char], article_date: Option<SimpleDate>) -> Vec<Mention> {
        let folded = fold_text(chars);
        // 1. raw hits, checked; an error is only possible for a search configuration we do not use (anchored,
        // stream)
        let Some(hits) = self.raw_hits(chars, &folded) else {
            return Vec::new();
        };
        // 2. leftmost, longest, no overlaps
        let selected = select_hits(hits);
        // 3. resolution: first the context (entities named unambiguously), then each hit
        let military = is_military(&selected, &folded.bytes);
        let resolved: Vec<Vec<&Target>> = selected.iter().map(|(_, _, t)| best(t, military)).collect();
        let ctx = Context::new(&resolved, article_date);
        selected
            .iter()
            .zip(resolved)
            .filter_map(|((s, e, _), cands)| self.resolve_hit(kb, chars, &ctx, (*s, *e), &cands))
            .collect()
    }

    /// The checked hits of the automaton in the folded text: code-point spans at token boundaries (or glued
    /// to a capital, for multi-word forms) with the targets whose spelling and capitalisation fit there.
    /// `None` when the automaton refuses the search.
    fn raw_hits<'m>(&'m self, chars: &[char], folded: &Folded) -> Option<Vec<Hit<'m>>> {
        let cp_of_byte = &folded.cp_of_byte;
        let found = self.ac.try_find_overlapping_iter(Input::new(&folded.bytes)).ok()?;
        let mut hits: Vec<Hit<'m>> = Vec::new();
        for m in found {
            let s = cp_of_byte[m.start()] as usize;
            let e = cp_of_byte[m.end()] as usize;
            let before = s.checked_sub(1).map(|i| chars[i]);
            let after = chars.get(e).copied();
            let first = chars[s];
            let end_ok = !after.is_some_and(char::is_alphanumeric);
            let start_ok = !before.is_some_and(char::is_alphanumeric);
            let glued = before.is_some_and(char::is_uppercase) && first.is_uppercase();
            if !end_ok || !(start_ok || glued) {
                continue;
            }
            let targets: Vec<&Target> = self.targets[m.pattern().as_usize()]
                .iter()
                .filter(|t| start_ok || t.multiword)
                .filter(|t| match &t.exact {
                    Some(exact) => chars[s..e].iter().copied().eq(exact.chars()),
                    None => !t.capital || first.is_uppercase(),
                })
                .collect();
            if !targets.is_empty() {
                hits.push((s, e, targets));
            }
        }
        Some(hits)
    }

    /// The mention of one selected hit `(start, end)` with its best candidates, or `None` when it cannot be
    /// resolved to something worth showing.
    fn resolve_hit(
        &self,
        kb: &Kb,
        chars: &[char],
        ctx: &Context,
        (s, e): (usize, usize),
        cands: &[&Target],
    ) -> Option<Mention> {
        let first = cands.first()?;
        let kinds: BTreeSet<EntityKind> = cands.iter().map(|t| kb.entities()[t.entity as usize].kind).collect();
        let derived = first.kind.is_derived();
        let entity: Option<u32> = match first.kind {
            FormKind::Role => self.role_holder(first.role.as_deref().unwrap_or_default(), ctx.date_range),
            // a bare surname the KB does not list: only after the full name
            FormKind::NamePart => Some(ctx.named_in_full_one(cands)?),
            _ if cands.len() == 1 => Some(first.entity),
            _ => match ctx.narrow_shared(kb, chars, e, cands).as_slice() {
                [one] => Some(*one),
                _ if kinds.len() == 1 => None,
                _ => return None, // different kinds and no context: nothing to show
            },
        };
        let kind = match entity {
            Some(x) => kb.entities()[x as usize].kind,
            None => match kinds.iter().next() {
                Some(k) if kinds.len() == 1 => *k,
                _ => return None,
            },
        };
        Some(Mention {
            start: s,
            end: e,
            text: chars[s..e].iter().collect(),
            kind,
            entity_id: entity.map(|x| kb.entities()[x as usize].id.clone()),
            derived,
            value: None,
            source: Default::default(),
        })
    }

    /// The holder of a role at the article's date; with an unknown date only a role that had a single holder.
    fn role_holder(&self, title: &str, date_range: Option<(i64, i64)>) -> Option<u32> {
        let holders = self.roles.get(title)?;
        let fitting: Vec<u32> = match date_range {
            Some((start, end)) => holders
                .iter()
                .filter(|(_, periods)| periods.iter().any(|(from, to)| *from <= end && *to > start))
                .map(|(h, _)| *h)
                .collect(),
            None => holders.iter().map(|(h, _)| *h).collect(),
        };
        match fitting.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }
}

/// A checked raw hit: start and end (code points) and the targets that fit there.
type Hit<'m> = (usize, usize, Vec<&'m Target>);

/// The folded text and, for each of its bytes, the code point it belongs to (plus one entry for the end).
struct Folded {
    bytes: Vec<u8>,
    cp_of_byte: Vec<u32>,
}

/// Folds `chars` in one pass, without per-char allocation.
fn fold_text(chars: &[char]) -> Folded {
    let mut folded: Vec<u8> = Vec::with_capacity(chars.len() + chars.len() / 8);
    let mut cp_of_byte: Vec<u32> = Vec::with_capacity(folded.capacity() + 1);
    for (cp, c) in chars.iter().enumerate() {
        let f = fold_char(*c);
        let cp = u32::try_from(cp).unwrap_or(u32::MAX);
        if let Ok(byte) = u8::try_from(f)
            && byte.is_ascii()
        {
            folded.push(byte);
            cp_of_byte.push(cp);
        } else {
            folded.extend_from_slice(f.encode_utf8(&mut [0; 4]).as_bytes());
            cp_of_byte.resize(folded.len(), cp);
        }
    }
    cp_of_byte.push(u32::try_from(chars.len()).unwrap_or(u32::MAX));
    Folded {
        bytes: folded,
        cp_of_byte,
    }
}

/// The hits leftmost first, longest first, without overlaps.
fn select_hits(mut hits: Vec<Hit<'_>>) -> Vec<Hit<'_>> {
    // (no two hits share start and end: they would be the same folded pattern)
    hits.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut selected: Vec<Hit<'_>> = Vec::new();
    for h in hits {
        if selected.last().is_none_or(|last| h.0 >= last.1) {
            selected.push(h);
        }
    }
    selected
}

/// Whether the article is military ([`MILITARY_CUES`]). Looked up only when a selected hit is a model code:
/// it scans the whole folded text.
fn is_military(selected: &[Hit<'_>], folded: &[u8]) -> bool {
    let needs_military = selected.iter().any(|(_, _, t)| t.iter().any(|t| t.model_code));
    needs_military && std::str::from_utf8(folded).is_ok_and(|f| MILITARY_CUES.iter().any(|c| f.contains(c)))
}

/// The candidates of a hit with the best form kind, one per entity (model codes only in a `military` text).
fn best<'m>(targets: &[&'m Target], military: bool) -> Vec<&'m Target> {
    let usable = || targets.iter().copied().filter(|t| military || !t.model_code);
    let Some(min) = usable().map(|t| t.kind.priority()).min() else {
        return Vec::new();
    };
    let mut out: Vec<&Target> = Vec::new();
    for t in usable().filter(|t| t.kind.priority() == min) {
        if !out.iter().any(|o| o.entity == t.entity) {
            out.push(t);
        }
    }
    out
}

/// What resolution knows about the article: the entities named unambiguously (and those named in full,
/// with a multi-word form) and its date.
struct Context {
    named: BTreeSet<u32>,
    named_in_full: BTreeSet<u32>,
    /// The article's day range (days from the epoch), for role titles.
    date_range: Option<(i64, i64)>,
}

impl Context {
    /// The context of the hits' best candidates `resolved`.
    fn new(resolved: &[Vec<&Target>], article_date: Option<SimpleDate>) -> Self {
        let mut named: BTreeSet<u32> = BTreeSet::new();
        let mut named_in_full: BTreeSet<u32> = BTreeSet::new();
        for r in resolved {
            if let [t] = r.as_slice()
                && matches!(t.kind, FormKind::Alias | FormKind::Inflected)
            {
                named.insert(t.entity);
                if t.multiword {
                    named_in_full.insert(t.entity);
                }
            }
        }
        Self {
            named,
            named_in_full,
            date_range: article_date.map(|d| (d.days_from_epoch(), end_day(&d))),
        }
    }

    /// The one candidate named in full elsewhere in the article, if exactly one is.
    fn named_in_full_one(&self, cands: &[&Target]) -> Option<u32> {
        let full: Vec<u32> = cands
            .iter()
            .map(|t| t.entity)
            .filter(|x| self.named_in_full.contains(x))
            .collect();
        match full.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// The candidates of a shared alias ending at `end` that remain: a compound head ("-Kampfdrohnen")
    /// narrows to products, then the context (named in full, else named at all).
    fn narrow_shared(&self, kb: &Kb, chars: &[char], end: usize, cands: &[&Target]) -> Vec<u32> {
        let mut pool: Vec<u32> = cands.iter().map(|t| t.entity).collect();
        if chars.get(end) == Some(&'-') {
            let head: String = chars[end + 1..].iter().take_while(|c| c.is_alphanumeric()).collect();
            let head = fold(&head);
            if PRODUCT_HEADS.iter().any(|p| head.contains(p)) {
                pool.retain(|x| kb.entities()[*x as usize].kind == EntityKind::Product);
            }
        }
        if pool.len() > 1 {
            let in_full: Vec<u32> = pool
                .iter()
                .copied()
                .filter(|x| self.named_in_full.contains(x))
                .collect();
            let named_any: Vec<u32> = pool.iter().copied().filter(|x| self.named.contains(x)).collect();
            pool = if in_full.len() == 1 { in_full } else { named_any };
        }
        pool
    }
}

static MATCHER: OnceLock<Option<Matcher>> = OnceLock::new();

/// The matcher over the embedded KB, built on first use (`None` only if the automaton cannot be built).
pub fn matcher() -> Option<&'static Matcher> {
    MATCHER.get_or_init(|| Matcher::new(kb()).ok()).as_ref()
}

/// Every mention in `text` (an article's clean text): KB names, dates, quantities. Sorted by start, without
/// overlaps; offsets are code points. `article_date` resolves role titles ("Kreml-Chef") and relative dates.
///
/// ```
/// use presseschau::core::analysis::entities::{find_mentions, EntityKind};
/// let m = find_mentions("Putins Sprecher reiste am 5. August 2022 nach Ankara.", None);
/// assert_eq!(m[0].text, "Putins");
/// assert_eq!(m[0].entity_id.as_deref(), Some("Q7747"));
/// assert_eq!(m[1].kind, EntityKind::Date);
/// assert_eq!(m[1].value.as_deref(), Some("2022-08-05"));
/// ```
pub fn find_mentions(text: &str, article_date: Option<SimpleDate>) -> Vec<Mention> {
    // one pass over the text for its chars and tokens, shared by the matcher and the rules
    let tokenized = Tokens::new(text);
    let mut all = match matcher() {
        Some(m) => m.find_in(kb(), &tokenized.chars, article_date),
        None => Vec::new(),
    };
    let toks = tokenized.list(text);
    all.extend(super::dates::find_dates_in(&tokenized.chars, &toks, article_date));
    all.extend(super::quantities::find_quantities_in(&tokenized.chars, &toks));
    merge(all)
}

/// Sorts mentions and removes overlaps: the longer wins; on a tie the earlier in `mentions` (names, then dates,
/// then quantities as [`find_mentions`] adds them).
pub fn merge(mentions: Vec<Mention>) -> Vec<Mention> {
    // works on (start, end, index) triples, not on the (large) mentions: longest first, then in input order
    let mut order: Vec<(usize, usize)> = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| (usize::MAX - m.end.saturating_sub(m.start), i))
        .collect();
    order.sort_unstable();
    let mut kept: Vec<(usize, usize, usize)> = Vec::new();
    for (_, i) in order {
        let (start, end) = (mentions[i].start, mentions[i].end);
        if !kept.iter().any(|&(s, e, _)| s < end && start < e) {
            kept.push((start, end, i));
        }
    }
    kept.sort_unstable();
    let mut slots: Vec<Option<Mention>> = mentions.into_iter().map(Some).collect();
    kept.into_iter().filter_map(|(_, _, i)| slots[i].take()).collect()
}

/// The mentions of every article and the entities they link to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusEntities {
    /// Mentions per article.
    pub by_article: BTreeMap<ArticleId, Vec<Mention>>,
    /// Linked entities, most mentioned first (then by label).
    pub entities: Vec<EntitySummary>,
}

/// Finds the mentions in every article of `corpus` and sums up the linked entities.
pub fn analyze_corpus(corpus: &Corpus) -> CorpusEntities {
    let mut entities = CorpusEntities::default();
    entities.add_articles(&corpus.articles);
    entities
}

impl CorpusEntities {
    /// Analyses more articles (a reader's own, next to the bundled ones) and adds them to the sums, as if
    /// they had been at the end of the corpus given to [`analyze_corpus`]. Articles already here (same id)
    /// are skipped.
    pub fn add_articles<'a>(&mut self, articles: impl IntoIterator<Item = &'a Article>) {
        let mut summaries: BTreeMap<String, EntitySummary> = std::mem::take(&mut self.entities)
            .into_iter()
            .map(|s| (s.id.clone(), s))
            .collect();
        for a in articles {
            if self.by_article.contains_key(&a.id) {
                continue;
            }
            let mentions = find_mentions(&a.text(), a.date.value);
            for m in &mentions {
                let Some(id) = &m.entity_id else { continue };
                let Some(e) = kb().get(id) else { continue };
                let s = summaries.entry(id.clone()).or_insert_with(|| EntitySummary {
                    id: id.clone(),
                    kind: e.kind,
                    label: e.label_de.clone(),
                    mention_count: 0,
                    article_ids: Vec::new(),
                });
                s.mention_count += 1;
                if !s.article_ids.contains(&a.id) {
                    s.article_ids.push(a.id.clone());
                }
            }
            self.by_article.insert(a.id.clone(), mentions);
        }
        self.set_summaries(summaries);
    }

    /// Takes an article out (a reader deleted an own article): its mentions and its share of the sums.
    pub fn remove_article(&mut self, id: &ArticleId) {
        let Some(mentions) = self.by_article.remove(id) else {
            return;
        };
        let mut summaries: BTreeMap<String, EntitySummary> = std::mem::take(&mut self.entities)
            .into_iter()
            .map(|s| (s.id.clone(), s))
            .collect();
        for entity in mentions.iter().filter_map(|m| m.entity_id.as_ref()) {
            if let Some(s) = summaries.get_mut(entity) {
                s.mention_count = s.mention_count.saturating_sub(1);
                s.article_ids.retain(|a| a != id);
            }
        }
        summaries.retain(|_, s| s.mention_count > 0);
        self.set_summaries(summaries);
    }

    /// The summaries, most mentioned first (then by label).
    fn set_summaries(&mut self, summaries: BTreeMap<String, EntitySummary>) {
        let mut entities: Vec<EntitySummary> = summaries.into_values().collect();
        entities.sort_by(|a, b| {
            b.mention_count
                .cmp(&a.mention_count)
                .then_with(|| a.label.cmp(&b.label))
        });
        self.entities = entities;
    }
}
