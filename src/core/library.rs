//! The library view model: filter and sort the corpus.

use crate::core::corpus::{Article, Corpus};

/// How the library is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// Newest first (unknown dates last).
    #[default]
    Newest,
    /// Oldest first (unknown dates last).
    Oldest,
    /// By title.
    Title,
}

/// Library filters.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LibraryFilter {
    /// Only this outlet (`None`: all).
    pub outlet: Option<String>,
    /// Only this year (`None`: all).
    pub year: Option<i32>,
    /// Sort order.
    pub sort: SortOrder,
}

/// The outlet name shown for an article: the outlet, else its first agency.
pub fn outlet_of(article: &Article) -> Option<&str> {
    article
        .outlet
        .as_ref()
        .map(|o| o.name.as_str())
        .or_else(|| article.agencies.first().map(String::as_str))
}

/// All outlets in the corpus, sorted.
pub fn outlets(corpus: &Corpus) -> Vec<String> {
    let mut v: Vec<String> = corpus
        .articles
        .iter()
        .filter_map(outlet_of)
        .map(str::to_string)
        .collect();
    v.sort_by_key(|s| s.to_lowercase());
    v.dedup();
    v
}

/// All years in the corpus, newest first.
pub fn years(corpus: &Corpus) -> Vec<i32> {
    let mut v: Vec<i32> = corpus
        .articles
        .iter()
        .filter_map(|a| a.date.value.map(|d| d.year))
        .collect();
    v.sort_unstable_by(|a, b| b.cmp(a));
    v.dedup();
    v
}

/// The articles that pass the filter, in the chosen order.
///
/// ```
/// use presseschau::core::{corpus::Corpus, library::{list, LibraryFilter}};
/// let corpus = Corpus::from_seeds();
/// let all = list(&corpus, &LibraryFilter::default());
/// assert_eq!(all.len(), corpus.articles.len());
/// ```
pub fn list<'a>(corpus: &'a Corpus, filter: &LibraryFilter) -> Vec<&'a Article> {
    let mut v: Vec<&Article> = corpus
        .articles
        .iter()
        .filter(|a| filter.outlet.as_deref().is_none_or(|o| outlet_of(a) == Some(o)))
        .filter(|a| filter.year.is_none_or(|y| a.date.value.is_some_and(|d| d.year == y)))
        .collect();
    match filter.sort {
        SortOrder::Newest => {} // the corpus is kept newest first
        SortOrder::Oldest => {
            let (mut dated, undated): (Vec<_>, Vec<_>) = v.into_iter().partition(|a| a.date.value.is_some());
            dated.reverse();
            dated.extend(undated);
            v = dated;
        }
        SortOrder::Title => v.sort_by_key(|a| a.title.text.to_lowercase()),
    }
    v
}
