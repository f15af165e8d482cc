//! The meta line of an article: date, outlet, agencies, reading time.

use yew::prelude::*;

use crate::core::corpus::Article;
use crate::core::library::outlet_of;

/// Props of [`MetaLine`].
#[derive(Properties, PartialEq)]
pub struct MetaLineProps {
    /// The article.
    pub article: std::rc::Rc<Article>,
}

/// Date (German format), outlet, agencies and reading time, separated by dots.
#[component]
pub fn MetaLine(props: &MetaLineProps) -> Html {
    let t = crate::ui::hooks::use_text();
    let a = &props.article;
    let date = t.date_or_unknown(a.date.value);
    // (a page's slice holds some articles cut to their lead: the state knows their length)
    let minutes =
        use_context::<crate::ui::state::AppContext>().map_or_else(|| a.reading_minutes(), |app| app.reading_minutes(a));
    let iso = a.date.value.map(|d| d.iso()).unwrap_or_default();
    let outlet = outlet_of(a).map_or_else(|| t.outlet_unknown.to_string(), str::to_string);
    let agencies: Vec<&str> = a
        .agencies
        .iter()
        .map(String::as_str)
        .filter(|ag| Some(*ag) != outlet_of(a))
        .collect();
    html! {
        <p class="meta-line">
            if iso.is_empty() {
                <span class="meta-date meta-unknown">{ date }</span>
            } else {
                <time class="meta-date" datetime={iso}>{ date }</time>
            }
            <span class="meta-sep" aria-hidden="true">{ " · " }</span>
            <span class="meta-outlet">{ outlet }</span>
            if !agencies.is_empty() {
                <span class="meta-agencies">{ format!(" ({} {})", t.agencies, agencies.join(", ")) }</span>
            }
            <span class="meta-sep" aria-hidden="true">{ " · " }</span>
            <span class="meta-reading">{ format!("{minutes} {}", t.minutes) }</span>
        </p>
    }
}
