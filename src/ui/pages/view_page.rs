//! Route `view.html#/…`: pages that exist only in this browser — a reader's own article (with sharing and
//! deleting), the events, comparisons and names only own articles have, and an article that came with a
//! link (`#/shared?a=…`, read-only until kept). The route is in the fragment; the page follows it.

use yew::prelude::*;

use crate::core::own::{OwnArticle, share};
use crate::ui::routes::{Pages, Route, from_view_fragment};
use crate::ui::state::{Action, AppState, OwnStorage, use_app};
use crate::ui::text::Text;

/// The page of the route in the fragment.
#[component]
pub fn ViewPage() -> Html {
    let t = crate::ui::hooks::use_text();
    let app = use_app();
    let raw = use_state_eq(crate::platform::location::raw_fragment);
    {
        let raw = raw.setter();
        use_effect_with((), move |()| {
            crate::platform::location::on_fragment_change(move |_| {
                crate::platform::location::top_of_new_entry();
                raw.set(crate::platform::location::raw_fragment());
            });
        });
    }
    {
        // an article that came with a link goes into the corpus (read-only) once, not from the render
        let (app, raw) = (app.clone(), (*raw).clone());
        use_effect_with(raw, move |raw| {
            let draft = raw.strip_prefix("/shared?a=").and_then(|v| share::decode(v).ok());
            if let Some(draft) = draft.filter(|d| app.corpus.get(&d.content_id().0).is_none()) {
                app.dispatch(Action::OwnShow(OwnArticle::new(
                    draft,
                    &crate::platform::clock::now_iso(),
                )));
            }
        });
    }
    // (asked when the fragment, the articles, their links or the storage change, not on every render: it
    // reads the kept links)
    let key = (
        (*raw).clone(),
        std::rc::Rc::as_ptr(&app.corpus) as usize,
        std::rc::Rc::as_ptr(&app.links) as usize,
        app.own_storage.clone(),
    );
    let need = (*use_memo(key, |(raw, ..)| needs(&app, raw))).clone();
    let whole = use_whole_links(&app, t, need == Some(Need::Whole));
    let shares = match &need {
        Some(Need::Shares(ids)) => ids.clone(),
        _ => std::collections::BTreeSet::new(),
    };
    let coming = crate::ui::hooks::use_article_shares(&app, shares);
    let ready = whole || (matches!(need, Some(Need::Shares(_))) && !coming);
    if let Some(value) = raw.strip_prefix("/shared?a=") {
        return html! {
            <>
                if !whole {
                    <p class="notice" role="status" id="links-loading">{ t.links_loading }</p>
                }
                { shared(t, &app, value) }
            </>
        };
    }
    if crate::ui::routes::is_single_file() {
        // a one-file collection: every page is a fragment of it, the library when there is none
        let route = from_view_fragment(&raw).map_or(Route::Home, |(r, _)| r);
        return Pages::ALL.page(if route == Route::View { Route::Home } else { route });
    }
    if raw.is_empty() {
        return html! { <section data-page="view-missing"><h1>{ t.view_title }</h1><p>{ t.view_needs_js }</p></section> };
    }
    if !ready {
        // (an own article's page, or an event or name only own articles have: they need the links)
        return html! { <section data-page="view-loading"><h1>{ t.view_title }</h1><p>{ t.loading }</p></section> };
    }
    let Some((route, _)) = from_view_fragment(&raw) else {
        return missing(t, &app);
    };
    if let Route::Article { id } = &route {
        if app.corpus.get(id).is_none() {
            return missing(t, &app);
        }
        if app.is_own(id) {
            return html! { <>{ own_tools(t, &app, id) }{ Pages::ALL.page(route.clone()) }</> };
        }
    }
    Pages::ALL.page(route)
}

/// What the page needs besides its small share.
#[derive(Debug, Clone, PartialEq)]
enum Need {
    /// The whole analysis: to link text with the collection (an article that came with a link, or own
    /// articles whose links are not kept for them: `state::OWN_LINKS_KEY`).
    Whole,
    /// The articles of the collection the page shows beside the own ones (`data/a-<id>.js` each): those
    /// linked with an own article, an event's reports, the two compared.
    Shares(std::collections::BTreeSet<String>),
}

/// What the page of `raw` needs; `None` while the own articles are being read (until then it is not known
/// whether their links are kept).
fn needs(app: &AppState, raw: &str) -> Option<Need> {
    if raw.starts_with("/shared?a=") || app.own_links_missing() {
        return Some(Need::Whole);
    }
    if app.own_storage == OwnStorage::Loading {
        return None;
    }
    let ids: Vec<String> = match from_view_fragment(raw).map(|(r, _)| r) {
        Some(Route::Article { id }) => (app.links.links.iter())
            .filter_map(|l| match (l.a.0 == id, l.b.0 == id) {
                (true, _) => Some(l.b.0.clone()),
                (_, true) => Some(l.a.0.clone()),
                _ => None,
            })
            .collect(),
        Some(Route::Event { id }) => (app.links.events.iter().filter(|g| g.id == id))
            .flat_map(|g| g.members.iter().map(|m| m.0.clone()))
            .collect(),
        Some(Route::Compare { a, b }) => vec![a, b],
        _ => Vec::new(),
    };
    Some(Need::Shares(ids.into_iter().collect()))
}

/// The page starts from its small share; the whole analysis (to link own text with the collection), when it
/// needs it (`ask`), follows right after the first render. Whether the page has it, or has given up on it
/// (without it the page shows what it has, unlinked, and says so).
#[hook]
fn use_whole_links(app: &crate::ui::state::AppContext, t: &'static Text, ask: bool) -> bool {
    let (whole, load) = crate::ui::hooks::use_whole_analysis(app, t.links_unavailable, std::rc::Rc::new(|_: &_| ()));
    use_effect_with(ask, move |&ask| {
        if ask {
            load.emit(());
        }
    });
    whole.here || whole.failed
}

/// An article id this browser does not have (yet: the own articles are still being read).
fn missing(t: &Text, app: &AppState) -> Html {
    if app.own_storage == OwnStorage::Loading {
        return html! { <section data-page="view-loading"><h1>{ t.view_title }</h1><p>{ t.loading }</p></section> };
    }
    html! {
        <section class="not-found" data-page="view-missing">
            <h1>{ t.not_found_title }</h1>
            <p>{ t.view_missing }</p>
            <p><a href={Route::Add.href()} class="button">{ t.add_title }</a></p>
        </section>
    }
}

/// Share as a link (when it fits) and delete, above an own article.
fn own_tools(t: &'static Text, app: &crate::ui::state::AppContext, id: &str) -> Html {
    let record = app.own.iter().find(|o| o.id.0 == id).cloned();
    let link = record.as_ref().map(|r| share::encode(&r.draft));
    let delete = {
        let (app, id) = (app.clone(), id.to_string());
        Callback::from(move |_: MouseEvent| {
            let now = crate::platform::clock::now_iso();
            app.dispatch(Action::OwnDelete(crate::core::corpus::ArticleId(id.clone()), now));
        })
    };
    html! {
        <div class="own-tools" data-own-tools="">
            <span class="own-mark">{ t.own_mark }</span>
            { match link {
                Some(Ok(value)) => html! {
                    <crate::ui::components::copy_link_button::CopyLinkButton
                        hash={AttrValue::from(format!("{}#/shared?a={value}", Route::View.href()))}
                        label={Some(AttrValue::Static(t.share_article))} />
                },
                Some(Err(_)) => html! { <span class="hint">{ t.article_too_long_for_link }</span> },
                None => html! {},
            } }
            <button type="button" class="button button--quiet button--danger" id="delete-own" onclick={delete}>{ t.delete_article }</button>
        </div>
    }
}

/// An article that came with a link: read-only until kept.
fn shared(t: &'static Text, app: &crate::ui::state::AppContext, value: &str) -> Html {
    let draft = match share::decode(value) {
        Ok(d) => d,
        Err(e) => {
            return html! {
                <section class="not-found" data-page="view-missing">
                    <h1>{ t.shared_unreadable_title }</h1>
                    <p class="notice notice--warn" role="alert" id="shared-article-error">{ t.share_error(&e) }</p>
                    <p><a href={Route::Home.href()} class="button">{ t.back_to_library }</a></p>
                </section>
            };
        }
    };
    let id = draft.content_id().0;
    if app.corpus.get(&id).is_none() {
        // the effect in ViewPage puts it into the corpus
        return html! { <section data-page="view-loading"><h1>{ t.view_title }</h1><p>{ t.loading }</p></section> };
    }
    let kept = app.own.iter().any(|o| o.id.0 == id && o.deleted.is_none());
    let keep = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            crate::ui::hooks::mark_own_coming();
            app.dispatch(Action::OwnKeepShown);
        })
    };
    html! {
        <>
            if !kept {
                <p class="notice" role="status" id="shared-article">
                    { t.shared_article }{ " " }
                    <button type="button" class="button" id="keep-article" onclick={keep}>{ t.keep_article }</button>
                </p>
            }
            { Pages::ALL.page(Route::Article { id }) }
        </>
    }
}
