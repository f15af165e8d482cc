//! Routes `/` and `/library/<n>`: the library — every article, newest first, with filters by outlet and
//! year. The static site splits it into pages of [`PAGE_SIZE`] articles, so no page grows with the corpus;
//! with a filter or another order the app lists every matching article.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::core::corpus::Article;
use crate::core::library::{self, LibraryFilter, SortOrder};
use crate::ui::components::article_card::ArticleCard;
use crate::ui::routes::Route;
use crate::ui::state::{Action, use_app};

/// Articles per library page.
pub const PAGE_SIZE: usize = 100;

/// Props of [`HomePage`].
#[derive(Properties, PartialEq)]
pub struct HomePageProps {
    /// The page, from 1.
    pub page: usize,
}

/// The filter lives in the address (`index.html#year=2022&sort=title`), so that Back, a reload and a sent
/// link keep it: read once when the page starts, written on every change. Not in a one-file collection,
/// whose fragment is the route.
#[hook]
fn use_filter_in_address(app: &crate::ui::state::AppContext) {
    let single = crate::ui::routes::is_single_file();
    {
        let app = app.clone();
        use_effect_with((), move |()| {
            let f = LibraryFilter::from_fragment(&crate::platform::location::fragment());
            if !single && f != app.filter {
                app.dispatch(Action::SetOutlet(f.outlet));
                app.dispatch(Action::SetYear(f.year));
                app.dispatch(Action::SetSort(f.sort));
            }
        });
    }
    use_effect_with(app.filter.clone(), move |f| {
        if !single {
            crate::platform::location::replace_fragment(&f.to_fragment());
        }
    });
}

/// A link to the library page `href` with `filter` (none in a one-file collection: its fragment is the
/// route).
fn with_filter(href: String, filter: &LibraryFilter) -> String {
    let fragment = filter.to_fragment();
    if fragment.is_empty() || crate::ui::routes::is_single_file() {
        href
    } else {
        format!("{href}#{fragment}")
    }
}

/// The window's title: the library, or its page `page`.
#[hook]
fn use_library_title(t: &'static crate::ui::text::Text, page: usize) {
    use_effect_with((page, t.lang), move |_| {
        let title = if page == 1 {
            t.library_title.to_string()
        } else {
            t.library_page_title(page)
        };
        crate::platform::dom::set_title(&t.page_title(&title));
    });
}

/// The articles of page `page` of `pages` of the list `all` (a page's slice, `sliced`, holds only that page's
/// and then the reader's `own` articles, which come after the collection's, as in [`AppState::set_own`]:
/// on the last page).
fn page_articles(
    all: Vec<&Article>,
    sliced: bool,
    paged: bool,
    page: usize,
    pages: usize,
    own: usize,
) -> Vec<Rc<Article>> {
    let skip = if paged && !sliced { (page - 1) * PAGE_SIZE } else { 0 };
    let take = match (paged, page == pages) {
        (false, _) => usize::MAX,
        (true, last) => PAGE_SIZE + if last { own } else { 0 },
    };
    all.into_iter()
        .skip(skip)
        .take(take)
        .map(|a| Rc::new(a.clone()))
        .collect()
}

/// The library page.
#[component]
pub fn HomePage(props: &HomePageProps) -> Html {
    let t = crate::ui::hooks::use_text();
    let app = use_app();
    let corpus = app.corpus.clone();
    let all = library::list(&corpus, &app.filter);
    let paged = app.filter == LibraryFilter::default();
    let total = app.article_total();
    let pages = if paged { total.div_ceil(PAGE_SIZE).max(1) } else { 1 };
    let page = props.page.clamp(1, pages);
    // a page's slice holds its own articles only: a filter needs the whole library
    let sliced = app.window().is_some();
    let reset = {
        let dispatcher = app.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(Action::ResetFilter))
    };
    let waiting = crate::ui::hooks::use_whole_list(&app, !paged, "data/library.js", reset);
    use_library_title(t, page);
    use_filter_in_address(&app);
    let own = app.own_in_slice();
    let shown = if waiting {
        Vec::new()
    } else {
        page_articles(all, sliced, paged, page, pages, own)
    };
    let reset = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::ResetFilter))
    };
    let here = if page == 1 {
        Route::Home
    } else {
        Route::Library { page }
    };
    // filtered: how many of all are shown
    let count = if paged || waiting {
        t.number(total + own)
    } else {
        t.of_total(shown.len(), total + own)
    };
    html! {
        <section class="library" data-page="library">
            <h1>{ t.library_title }<span class="count">{ format!(" ({count})") }</span></h1>
            <div class="page-tools"><crate::ui::components::copy_link_button::CopyLinkButton hash={AttrValue::from(with_filter(here.href(), &app.filter))} /></div>
            <LibraryFilters />
            if waiting {
                <p class="empty" role="status">{ t.loading }</p>
            } else if shown.is_empty() {
                <p class="empty">{ t.no_match }{ " " }<button type="button" class="button button--quiet" onclick={reset}>{ t.reset_filters }</button></p>
            } else {
                <ol class="article-list" start={((page - 1) * PAGE_SIZE + 1).to_string()}>
                    for a in shown {
                        <ArticleCard key={a.id.0.clone()} article={a.clone()}
                            main_entities={Rc::new(crate::core::entity_view::main_entities(
                                app.entities.by_article.get(&a.id).map(Vec::as_slice).unwrap_or_default(), 5))} />
                    }
                </ol>
            }
            if pages > 1 {
                <Pager {page} {pages} />
            }
            if !corpus.errors.is_empty() {
                <details class="ingest-errors">
                    <summary>{ format!("{} ({})", t.unreadable_files, corpus.errors.len()) }</summary>
                    <ul>
                        for e in corpus.errors.iter() {
                            <li>{ t.ingest_error(e) }</li>
                        }
                    </ul>
                </details>
            }
        </section>
    }
}

/// Props of [`Pager`].
#[derive(Properties, PartialEq)]
pub(crate) struct PagerProps {
    /// This page, from 1.
    pub page: usize,
    /// How many pages.
    pub pages: usize,
    /// Whose pages.
    #[prop_or_default]
    pub list: PagerOf,
}

/// The lists split into pages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) enum PagerOf {
    /// The library.
    #[default]
    Library,
    /// The names index.
    Names,
    /// The timeline.
    Timeline,
    /// One entity's mentions.
    Entity(String),
}

impl PagerOf {
    /// The pager's name for assistive technology.
    fn label(&self, t: &'static crate::ui::text::Text) -> &'static str {
        match self {
            PagerOf::Library => t.pages_label,
            PagerOf::Names => t.pages_label_names,
            PagerOf::Timeline => t.pages_label_timeline,
            PagerOf::Entity(_) => t.pages_label_mentions,
        }
    }

    fn route(&self, page: usize) -> Route {
        match self {
            PagerOf::Library => Route::Library { page },
            PagerOf::Names => Route::Names { page },
            PagerOf::Timeline => Route::TimelinePage { page },
            PagerOf::Entity(id) => Route::EntityPage { id: id.clone(), page },
        }
    }
}

/// Links to the pages of a list split into pages (the library, the names index, the timeline, a name's
/// mentions): the previous and the next page, the first and the last, and the two on each side of this one
/// ([`page_window`](crate::core::library::page_window)), so the pager stays short at any corpus size.
#[component]
pub(crate) fn Pager(props: &PagerProps) -> Html {
    let t = crate::ui::hooks::use_text();
    let (page, pages) = (props.page, props.pages);
    let link = |n: usize, text: String, rel: Option<&'static str>| {
        html! { <a href={props.list.route(n).href()} {rel}>{ text }</a> }
    };
    html! {
        <nav class="pager" aria-label={props.list.label(t)}>
            <p>{ t.page_of(page, pages) }</p>
            <ol>
                if page > 1 {
                    <li class="pager-step">{ link(page - 1, format!("‹ {}", t.page_previous), Some("prev")) }</li>
                }
                for n in crate::core::library::page_window(page, pages, 2) {
                    <li>
                        if n == Some(page) {
                            <span aria-current="page">{ page }</span>
                        } else if let Some(n) = n {
                            { link(n, n.to_string(), None) }
                        } else {
                            <span class="pager-gap">{ "…" }</span>
                        }
                    </li>
                }
                if page < pages {
                    <li class="pager-step">{ link(page + 1, format!("{} ›", t.page_next), Some("next")) }</li>
                }
            </ol>
        </nav>
    }
}

/// Outlet and year filters and the order; they change the app state (remembered while the app runs).
#[component]
fn LibraryFilters() -> Html {
    let t = crate::ui::hooks::use_text();
    let app = use_app();
    let (outlets, years) = (app.outlets(), app.years());
    let on_outlet = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            app.dispatch(Action::SetOutlet((!v.is_empty()).then_some(v)));
        })
    };
    let on_year = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            app.dispatch(Action::SetYear(v.parse().ok()));
        })
    };
    let on_sort = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let sort = match e.target_unchecked_into::<HtmlSelectElement>().value().as_str() {
                "oldest" => SortOrder::Oldest,
                "title" => SortOrder::Title,
                _ => SortOrder::Newest,
            };
            app.dispatch(Action::SetSort(sort));
        })
    };
    let f = &app.filter;
    html! {
        <form class="filters" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <label>{ t.filter_outlet }
                <select id="filter-outlet" onchange={on_outlet}>
                    <option value="" selected={f.outlet.is_none()}>{ t.filter_all }</option>
                    for o in outlets {
                        <option value={o.clone()} selected={f.outlet.as_deref() == Some(o.as_str())}>{ o.clone() }</option>
                    }
                </select>
            </label>
            <label>{ t.filter_year }
                <select id="filter-year" onchange={on_year}>
                    <option value="" selected={f.year.is_none()}>{ t.filter_all }</option>
                    for y in years {
                        <option value={y.to_string()} selected={f.year == Some(y)}>{ y }</option>
                    }
                </select>
            </label>
            <label>{ t.sort_label }
                <select id="sort" onchange={on_sort}>
                    <option value="newest" selected={f.sort == SortOrder::Newest}>{ t.sort_newest }</option>
                    <option value="oldest" selected={f.sort == SortOrder::Oldest}>{ t.sort_oldest }</option>
                    <option value="title" selected={f.sort == SortOrder::Title}>{ t.sort_title }</option>
                </select>
            </label>
        </form>
    }
}
