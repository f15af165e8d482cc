//! Route `#/`: the library — every article, newest first, with filters by outlet and year.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::core::library::{self, SortOrder};
use crate::ui::components::article_card::ArticleCard;
use crate::ui::routes::Route;
use crate::ui::state::{Action, use_app};
use crate::ui::text;

/// The library page.
#[component]
pub fn HomePage() -> Html {
    let app = use_app();
    use_effect_with((), |()| crate::platform::dom::set_title(text::APP_NAME));
    let corpus = app.corpus.clone();
    let outlets = library::outlets(&corpus);
    let years = library::years(&corpus);
    let shown: Vec<Rc<crate::core::corpus::Article>> = library::list(&corpus, &app.filter)
        .into_iter()
        .map(|a| Rc::new(a.clone()))
        .collect();

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
    let reset = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::ResetFilter))
    };
    let f = &app.filter;
    html! {
        <section class="library" data-page="library">
            <h1>{ text::LIBRARY_TITLE }<span class="count">{ format!(" ({})", corpus.articles.len()) }</span></h1>
            <div class="page-tools"><crate::ui::components::copy_link_button::CopyLinkButton hash={AttrValue::from(Route::Home.href())} /></div>
            <form class="filters" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <label>{ text::FILTER_OUTLET }
                    <select id="filter-outlet" onchange={on_outlet}>
                        <option value="" selected={f.outlet.is_none()}>{ text::FILTER_ALL }</option>
                        for o in outlets {
                            <option value={o.clone()} selected={f.outlet.as_deref() == Some(o.as_str())}>{ o.clone() }</option>
                        }
                    </select>
                </label>
                <label>{ text::FILTER_YEAR }
                    <select id="filter-year" onchange={on_year}>
                        <option value="" selected={f.year.is_none()}>{ text::FILTER_ALL }</option>
                        for y in years {
                            <option value={y.to_string()} selected={f.year == Some(y)}>{ y }</option>
                        }
                    </select>
                </label>
                <label>{ text::SORT_LABEL }
                    <select id="sort" onchange={on_sort}>
                        <option value="newest" selected={f.sort == SortOrder::Newest}>{ text::SORT_NEWEST }</option>
                        <option value="oldest" selected={f.sort == SortOrder::Oldest}>{ text::SORT_OLDEST }</option>
                        <option value="title" selected={f.sort == SortOrder::Title}>{ text::SORT_TITLE }</option>
                    </select>
                </label>
            </form>
            if shown.is_empty() {
                <p class="empty">{ text::NO_MATCH }{ " " }<button type="button" class="button button--quiet" onclick={reset}>{ text::RESET_FILTERS }</button></p>
            } else {
                <ol class="article-list">
                    for a in shown {
                        <ArticleCard key={a.id.0.clone()} article={a.clone()}
                            main_entities={std::rc::Rc::new(crate::core::entity_view::main_entities(
                                app.entities.by_article.get(&a.id).map(Vec::as_slice).unwrap_or_default(), 5))} />
                    }
                </ol>
            }
            if !corpus.errors.is_empty() {
                <details class="ingest-errors">
                    <summary>{ format!("{} ({})", text::UNREADABLE_FILES, corpus.errors.len()) }</summary>
                    <ul>
                        for e in corpus.errors.iter() {
                            <li>{ e.to_string() }</li>
                        }
                    </ul>
                </details>
            }
        </section>
    }
}
