//! The search field in the header of every page (`/` focuses it): submitting opens the search page with
//! the query in its fragment (`search.html#q=…`), which never reaches a server.

use yew::prelude::*;

use crate::core::search::query_fragment;
use crate::ui::routes::Route;

/// Props of [`SearchBox`].
#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    /// The query shown in the field (the search page passes its own).
    #[prop_or_default]
    pub value: AttrValue,
    /// The field's id: the header's is `site-search` (what `/` focuses); the search page's own field has
    /// another, as ids are unique in a page.
    #[prop_or(AttrValue::Static("site-search"))]
    pub id: AttrValue,
}

/// A search form: a labelled `<input type="search">` and a button.
#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let t = crate::ui::hooks::use_text();
    let input = use_node_ref();
    // the field as typed: a re-render (the language changed, a note was saved) keeps it; a new query from
    // the search page replaces it
    let typed = use_state_eq(|| props.value.to_string());
    {
        let typed = typed.clone();
        use_effect_with(props.value.clone(), move |v| typed.set(v.to_string()));
    }
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| typed.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
    };
    let onsubmit = {
        let input = input.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let q = input
                .cast::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            if !q.trim().is_empty() {
                crate::platform::location::go(&format!("{}#{}", Route::Search.href(), query_fragment(&q)));
            }
        })
    };
    html! {
        <form class="site-search" role="search" {onsubmit}>
            <label for={props.id.clone()} class="sr-only">{ t.search_label }</label>
            <input ref={input} type="search" id={props.id.clone()} name="q" value={(*typed).clone()} {oninput}
                placeholder={t.search_placeholder} autocomplete="off" enterkeyhint="search" aria-keyshortcuts="/"
                maxlength={crate::core::search::MAX_QUERY_CHARS.to_string()} />
            <button type="submit" class="button button--quiet">{ t.search_button }</button>
        </form>
    }
}
