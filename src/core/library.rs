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

impl LibraryFilter {
    /// The filter as the library page's address fragment (`outlet=DW&year=2022&sort=title`; empty for no
    /// filter), so that Back, a reload and a sent link keep it.
    ///
    /// ```
    /// use presseschau::core::library::{LibraryFilter, SortOrder};
    /// let f = LibraryFilter { outlet: Some("Der Standard".into()), year: Some(2022), sort: SortOrder::Title };
    /// assert_eq!(f.to_fragment(), "outlet=Der%20Standard&year=2022&sort=title");
    /// assert_eq!(LibraryFilter::from_fragment(&f.to_fragment()), f);
    /// assert_eq!(LibraryFilter::default().to_fragment(), "");
    /// // what it cannot read is left out, not guessed
    /// assert_eq!(LibraryFilter::from_fragment("year=zwanzig&sort=random&q=x"), LibraryFilter::default());
    /// ```
    pub fn to_fragment(&self) -> String {
        let mut parts = Vec::new();
        if let Some(o) = &self.outlet {
            parts.push(format!(
                "outlet={}",
                percent_encoding::utf8_percent_encode(o, percent_encoding::NON_ALPHANUMERIC)
            ));
        }
        if let Some(y) = self.year {
            parts.push(format!("year={y}"));
        }
        match self.sort {
            SortOrder::Newest => {}
            SortOrder::Oldest => parts.push("sort=oldest".into()),
            SortOrder::Title => parts.push("sort=title".into()),
        }
        parts.join("&")
    }

    /// Reads [`Self::to_fragment`]'s form; unknown keys and values are left out.
    pub fn from_fragment(fragment: &str) -> Self {
        let mut f = Self::default();
        for (key, value) in fragment.split('&').filter_map(|p| p.split_once('=')) {
            match key {
                "outlet" => {
                    f.outlet = percent_encoding::percent_decode_str(value)
                        .decode_utf8()
                        .ok()
                        .map(|o| o.trim().to_string())
                        .filter(|o| !o.is_empty());
                }
                "year" => f.year = value.parse().ok(),
                "sort" => {
                    f.sort = match value {
                        "oldest" => SortOrder::Oldest,
                        "title" => SortOrder::Title,
                        _ => SortOrder::Newest,
                    }
                }
                _ => {}
            }
        }
        f
    }
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

/// The page numbers a pager shows on page `page` of `pages`: the first, the last, and `around` on each side
/// of this one, so the pager stays short however long the list; `None` stands for the numbers left out.
/// A gap of one number shows that number instead.
///
/// ```
/// use presseschau::core::library::page_window;
/// assert_eq!(page_window(1, 3, 2), [Some(1), Some(2), Some(3)]);
/// assert_eq!(page_window(50, 1000, 2), [Some(1), None, Some(48), Some(49), Some(50), Some(51), Some(52), None, Some(1000)]);
/// assert_eq!(page_window(4, 9, 1), [Some(1), Some(2), Some(3), Some(4), Some(5), None, Some(9)]);
/// ```
pub fn page_window(page: usize, pages: usize, around: usize) -> Vec<Option<usize>> {
    let pages = pages.max(1);
    let page = page.clamp(1, pages);
    let near = page.saturating_sub(around).max(1)..=(page + around).min(pages);
    let mut shown: Vec<usize> = std::iter::once(1).chain(near).chain(std::iter::once(pages)).collect();
    shown.sort_unstable();
    shown.dedup();
    let mut out = Vec::with_capacity(shown.len() + 2);
    let mut last = 0;
    for n in shown {
        match n - last {
            1 => {}
            2 => out.push(Some(last + 1)),
            _ => out.push(None),
        }
        out.push(Some(n));
        last = n;
    }
    out
}

/// One page of a list that was cut into pages elsewhere (a page of the static site), with items that list
/// did not have (a reader's own articles or names) sorted in: `sorted` holds the page's own items (`ours`)
/// and the others in the list's order; an other item stays where it sorts between the page's first and last
/// item, or before the first on the first page, or after the last on the last page. Every other item is so
/// on exactly one page, where the whole list would have it.
///
/// ```
/// use presseschau::core::library::merge_page;
/// // page 2 of 3 holds 4–6; 1 and 9 are on the first and last pages, 5.5 here
/// let ours = |n: &f64| n.fract() == 0.0 && (4.0..=6.0).contains(n);
/// assert_eq!(merge_page(vec![0.5, 4.0, 5.0, 5.5, 6.0, 9.5], ours, false, false), [4.0, 5.0, 5.5, 6.0]);
/// assert_eq!(merge_page(vec![0.5, 4.0, 6.0, 9.5], ours, true, false), [0.5, 4.0, 6.0]);
/// assert_eq!(merge_page(vec![0.5, 4.0, 6.0, 9.5], ours, false, true), [4.0, 6.0, 9.5]);
/// // a page without items of its own has only the others, on the only page
/// assert_eq!(merge_page(vec![7.5], ours, true, true), [7.5]);
/// ```
pub fn merge_page<T>(sorted: Vec<T>, ours: impl Fn(&T) -> bool, first: bool, last: bool) -> Vec<T> {
    let start = sorted.iter().position(&ours);
    let end = sorted.iter().rposition(&ours);
    sorted
        .into_iter()
        .enumerate()
        .filter(|(i, item)| {
            ours(item)
                || match (start, end) {
                    (Some(s), Some(e)) => (first || *i > s) && (last || *i < e),
                    _ => first && last,
                }
        })
        .map(|(_, item)| item)
        .collect()
}
