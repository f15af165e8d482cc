//! Names only the statistical model finds ("detected"), next to the knowledge-base mentions.
//!
//! 1. [`ner::tag`] runs over each article's clean text.
//! 2. Spans below the model's confidence threshold ([`ner::SHOW_THRESHOLD`], ≥ 85 % precise on GermEval dev)
//!    and spans that overlap a KB mention are dropped: the knowledge base wins.
//! 3. A precision guard drops what German readers would not call a name: `OTH` spans (the model's recall
//!    and precision for them are too low to show), single words the model's own lexicon knows as common
//!    nouns or lower-case words, compounds whose tail is a common noun ("Kooperationsniveau" ← "niveau"),
//!    and section labels.
//! 4. The rest are grouped across the corpus by a normalised surface form (case folded, genitive `-s` merged
//!    into the base form when the base form occurs too), so each group gets an entity page.

use std::collections::BTreeMap;

use super::entities::CorpusEntities;
use super::mention::{EntityKind, EntitySummary, Mention, Source};
use super::ner::{self, NerKind};
use crate::core::corpus::{Article, ArticleId, Corpus};

/// Id prefix of detected groups (`ner-<key>`), so they never collide with KB ids.
pub const ID_PREFIX: &str = "ner-";

/// Shortest compound tail that is checked against the common-noun list (range 3–8, default 4: shorter tails
/// such as "rat" or "amt" would also veto names like "Konrad").
pub const MIN_COMMON_TAIL: usize = 4;

/// Detected names of a corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Detected {
    /// Per article, sorted by position (each with [`Source::Model`]).
    pub by_article: BTreeMap<ArticleId, Vec<Mention>>,
    /// The groups, most mentioned first.
    pub groups: Vec<EntitySummary>,
}

fn kind_of(k: NerKind) -> Option<EntityKind> {
    match k {
        NerKind::Per => Some(EntityKind::Person),
        NerKind::Loc => Some(EntityKind::Place),
        NerKind::Org => Some(EntityKind::Organization),
        NerKind::Oth => None,
    }
}

/// The model's spans that are sure enough to show: confidence at least [`ner::SHOW_THRESHOLD`].
fn sure_spans(text: &str) -> impl Iterator<Item = ner::NerSpan> {
    ner::tag(text)
        .into_iter()
        .filter(|s| s.confidence >= ner::SHOW_THRESHOLD)
}

/// Whether a single-word span is really a common noun by the model's own lexicon.
fn is_common_word(word: &str) -> bool {
    let Ok(model) = ner::model::embedded() else {
        return false;
    };
    let lex = model.lexicon();
    let lower = word.to_lowercase();
    if lex.common_nouns.contains(&lower) || lex.lower_seen.contains(&lower) {
        return true;
    }
    let chars: Vec<char> = lower.chars().collect();
    (3..chars.len().saturating_sub(MIN_COMMON_TAIL - 1)).any(|i| {
        let tail: String = chars[i..].iter().collect();
        tail.chars().count() >= MIN_COMMON_TAIL && lex.common_nouns.contains(&tail)
    })
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Per group while counting: surface forms, kinds, articles, mentions.
type GroupTally = (
    BTreeMap<String, usize>,
    BTreeMap<EntityKind, usize>,
    Vec<ArticleId>,
    usize,
);

/// Runs the model over the corpus and keeps the names the knowledge base does not have.
pub fn detect_corpus(corpus: &Corpus, kb: &CorpusEntities) -> Detected {
    update_corpus(None, corpus, kb)
}

/// The names of a corpus that changed since `previous` was found (own articles came or went): the names of
/// the articles `previous` has are kept, the model reads only the others, and all are grouped anew (a group
/// may gain or lose forms). Without `previous` the model reads every article.
pub fn update_corpus(previous: Option<&Detected>, corpus: &Corpus, kb: &CorpusEntities) -> Detected {
    let mut raw: Vec<RawName> = Vec::new();
    for article in &corpus.articles {
        match previous.and_then(|p| p.by_article.get(&article.id)) {
            Some(known) => raw.extend(known.iter().map(|m| {
                let margin = match &m.source {
                    Source::Model { margin, .. } => *margin,
                    Source::Rules => 0,
                };
                // (the margin is the confidence × 100, rounded: `group` gives the same margin back)
                let confidence = margin as f32 / 100.0;
                (article.id.clone(), m.start, m.end, m.text.clone(), m.kind, confidence)
            })),
            None => raw.extend(names_in(article, kb)),
        }
    }
    group(raw)
}

/// A page's share of the build's names (`share`: its groups counted over the whole collection, their
/// article lists cut to the share's) with the names of the articles the build did not read (`own`) found
/// again: what articles outside `kept` (the share's own) added to the share's groups before is taken out,
/// the names of `own` are found (kept from `previous` where it has them, as in [`update_corpus`]) and
/// join their groups or make new ones.
///
/// ```
/// use presseschau::core::analysis::detected::{update_share, Detected};
/// use presseschau::core::analysis::entities::CorpusEntities;
/// use presseschau::core::analysis::mention::{EntityKind, EntitySummary};
/// use presseschau::core::corpus::{ArticleId, Corpus};
/// // a names index page: a group counted by the build, no article of it in the share
/// let group = EntitySummary { id: "ner-x".into(), kind: EntityKind::Person, label: "X".into(), mention_count: 7, article_ids: vec![] };
/// let share = Detected { by_article: Default::default(), groups: vec![group.clone()] };
/// let none = Corpus { articles: vec![], errors: vec![] };
/// let again = update_share(&share, &[], &none, None, &CorpusEntities::default());
/// assert_eq!(again.groups, vec![group]);
/// ```
pub fn update_share(
    share: &Detected,
    kept: &[ArticleId],
    own: &Corpus,
    previous: Option<&Detected>,
    kb: &CorpusEntities,
) -> Detected {
    let mut out = share.clone();
    let before: Vec<ArticleId> = (out.by_article.keys()).filter(|a| !kept.contains(a)).cloned().collect();
    for article in before {
        for m in out.by_article.remove(&article).unwrap_or_default() {
            if let Source::Model { group, .. } = &m.source
                && let Some(g) = out.groups.iter_mut().find(|g| &g.id == group)
            {
                g.mention_count = g.mention_count.saturating_sub(1);
                g.article_ids.retain(|a| a != &article);
            }
        }
    }
    out.groups.retain(|g| g.mention_count > 0);
    let mine = update_corpus(previous, own, kb);
    out.by_article.extend(mine.by_article);
    for g in mine.groups {
        match out.groups.iter_mut().find(|o| o.id == g.id) {
            Some(o) => {
                o.mention_count += g.mention_count;
                o.article_ids.extend(g.article_ids);
            }
            None => out.groups.push(g),
        }
    }
    out.groups.sort_by(|a, b| {
        b.mention_count
            .cmp(&a.mention_count)
            .then_with(|| a.label.cmp(&b.label))
    });
    out
}

/// The names the model finds in one article that the knowledge base does not have, before grouping.
fn names_in(article: &Article, kb: &CorpusEntities) -> Vec<RawName> {
    let text = article.text();
    let known = kb.by_article.get(&article.id).map(Vec::as_slice).unwrap_or_default();
    let mut raw = Vec::new();
    for span in sure_spans(&text) {
        let Some(kind) = kind_of(span.kind) else { continue };
        if known.iter().any(|m| m.start < span.end && span.start < m.end) {
            continue;
        }
        let words = span.text.split_whitespace().count();
        if words == 1 && is_common_word(span.text.trim_end_matches('s')) && is_common_word(&span.text) {
            continue;
        }
        if words == 1 && span.text.chars().count() < 3 {
            continue;
        }
        raw.push((
            article.id.clone(),
            span.start,
            span.end,
            span.text.clone(),
            kind,
            span.confidence,
        ));
    }
    raw
}

/// One name the model found, before grouping: article, span, text, kind, confidence.
type RawName = (ArticleId, usize, usize, String, EntityKind, f32);

/// Groups the names across the corpus (a genitive form joins its base form when the base form occurs too)
/// and makes each a mention with its group and margin.
fn group(raw: Vec<RawName>) -> Detected {
    let forms: std::collections::BTreeSet<String> = raw.iter().map(|r| normalise(&r.3)).collect();
    let key_of = |t: &str| {
        let n = normalise(t);
        match n.strip_suffix('s') {
            Some(base) if forms.contains(base) => base.to_string(),
            _ => n,
        }
    };
    let mut out = Detected::default();
    let mut groups: BTreeMap<String, GroupTally> = BTreeMap::new();
    for (article, start, end, text, kind, confidence) in raw {
        let key = key_of(&text);
        let id = format!("{ID_PREFIX}{}", key.replace(' ', "-"));
        let g = groups.entry(id.clone()).or_default();
        *g.0.entry(text.clone()).or_default() += 1;
        *g.1.entry(kind).or_default() += 1;
        if !g.2.contains(&article) {
            g.2.push(article.clone());
        }
        g.3 += 1;
        out.by_article.entry(article).or_default().push(Mention {
            start,
            end,
            text,
            kind,
            entity_id: None,
            derived: false,
            value: None,
            source: Source::Model {
                group: id,
                margin: (f64::from(confidence) * 100.0).round().clamp(0.0, f64::from(u32::MAX)) as u32,
            },
        });
    }
    out.groups = groups
        .into_iter()
        .map(|(id, (labels, kinds, articles, n))| EntitySummary {
            label: labels
                .into_iter()
                .max_by_key(|(_, c)| *c)
                .map(|(l, _)| l)
                .unwrap_or_default(),
            kind: kinds
                .into_iter()
                .max_by_key(|(_, c)| *c)
                .map_or(EntityKind::Person, |(k, _)| k),
            id,
            mention_count: n,
            article_ids: articles,
        })
        .collect();
    out.groups.sort_by(|a, b| {
        b.mention_count
            .cmp(&a.mention_count)
            .then_with(|| a.label.cmp(&b.label))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::entities::analyze_corpus;

    #[test]
    fn a_name_no_list_knows_is_detected_and_grouped() {
        let text = "Politik\n\nNeuer Minister für Landwirtschaft\n\nDer neue Landwirtschaftsminister Gerold Wunderlich (SPD) besuchte am Montag die Stadt Kleinmachnow. Wunderlichs Sprecherin sagte, Gerold Wunderlich werde auch die Firma Agrartechnik Brandenburg GmbH besuchen. Die Regierung und die Kooperationsniveaus blieben gleich.";
        let corpus = Corpus::from_sources([("x.txt", text.as_bytes())]);
        let kb = analyze_corpus(&corpus);
        let found = detect_corpus(&corpus, &kb);
        let texts: Vec<&str> = found.by_article.values().flatten().map(|m| m.text.as_str()).collect();
        assert!(texts.contains(&"Gerold Wunderlich"), "{texts:?}");
        for common in ["Regierung", "Kooperationsniveaus", "Politik", "Sprecherin", "Montag"] {
            assert!(!texts.contains(&common), "{common} marked: {texts:?}");
        }
        let person = found.groups.iter().find(|g| g.label.contains("Wunderlich")).unwrap();
        assert!(person.id.starts_with(ID_PREFIX));
    }

    #[test]
    fn an_update_keeps_the_names_found_and_reads_only_new_articles() {
        let mut corpus = Corpus::from_seeds();
        let before = detect_corpus(&corpus, &analyze_corpus(&corpus));
        let text = "Neuer Minister\n\nDer neue Landwirtschaftsminister Gerold Wunderlich (SPD) besuchte am Montag die Stadt Kleinmachnow. Gerold Wunderlich werde auch die Firma Agrartechnik Brandenburg GmbH besuchen.";
        let added = Corpus::from_sources([("x.txt", text.as_bytes())]).articles.remove(0);
        let id = added.id.clone();
        corpus.articles.push(added);
        let kb = analyze_corpus(&corpus);
        // the same as reading everything again (margins survive the round trip)
        let after = update_corpus(Some(&before), &corpus, &kb);
        assert_eq!(after, detect_corpus(&corpus, &kb));
        assert!(after.by_article[&id].iter().any(|m| m.text == "Gerold Wunderlich"));
        // names of articles it knows are taken as they are, not found again
        let mut planted = after.clone();
        planted.by_article.get_mut(&id).expect("names").truncate(1);
        assert_eq!(update_corpus(Some(&planted), &corpus, &kb).by_article[&id].len(), 1);
        // an article that is gone takes its names with it
        corpus.articles.retain(|a| a.id != id);
        let kb = analyze_corpus(&corpus);
        assert_eq!(update_corpus(Some(&after), &corpus, &kb), before);
    }

    #[test]
    fn a_shares_groups_keep_their_counts_and_own_names_are_added_once() {
        let seeds = Corpus::from_seeds();
        // a names index page's share: the build's groups, none of their articles
        let mut share = detect_corpus(&seeds, &analyze_corpus(&seeds));
        share.by_article.clear();
        share.groups.iter_mut().for_each(|g| g.article_ids.clear());
        let text = "Neuer Minister\n\nDer neue Landwirtschaftsminister Gerold Wunderlich (SPD) besuchte am Montag die Stadt Kleinmachnow. Gerold Wunderlich werde auch die Firma Agrartechnik Brandenburg GmbH besuchen.";
        let own = Corpus::from_sources([("x.txt", text.as_bytes())]);
        let kb = analyze_corpus(&own);
        let with_own = update_share(&share, &[], &own, None, &kb);
        let mine = with_own
            .groups
            .iter()
            .find(|g| g.label == "Gerold Wunderlich")
            .expect("the own name");
        let id = &own.articles[0].id;
        let in_text = (with_own.by_article[id].iter())
            .filter(|m| matches!(&m.source, Source::Model { group, .. } if group == &mine.id))
            .count();
        assert!(in_text >= 1);
        assert_eq!(
            (mine.mention_count, mine.article_ids.clone()),
            (in_text, vec![id.clone()])
        );
        for g in &share.groups {
            assert!(with_own.groups.contains(g) || g.id == mine.id, "{g:?} changed");
        }
        // found again (own articles changed): counted once, not twice
        assert_eq!(update_share(&with_own, &[], &own, Some(&with_own), &kb), with_own);
        // the own article gone: the share as it was
        let none = Corpus {
            articles: Vec::new(),
            errors: Vec::new(),
        };
        let mut back = update_share(&with_own, &[], &none, None, &kb);
        back.groups.sort_by(|a, b| a.id.cmp(&b.id));
        share.groups.sort_by(|a, b| a.id.cmp(&b.id));
        assert_eq!(back, share);
    }

    #[test]
    fn seeds_gain_no_common_nouns() {
        let corpus = Corpus::from_seeds();
        let kb = analyze_corpus(&corpus);
        let found = detect_corpus(&corpus, &kb);
        let texts: Vec<&str> = found.by_article.values().flatten().map(|m| m.text.as_str()).collect();
        for bad in [
            "Bündnispartner",
            "Kooperationsniveau",
            "Politik",
            "Hintergrund",
            "Anzeige",
            "Themen",
            "Partner",
        ] {
            assert!(!texts.contains(&bad), "{bad} detected: {texts:?}");
        }
    }
}
