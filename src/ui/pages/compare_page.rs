//! Route `#/c/<article-a>/<article-b>`: two reports side by side, sentences aligned, word-level differences
//! marked (`<del>` only left, `<ins>` only right — struck through and underlined, not colour alone); one
//! column on a phone. Unknown ids show the not-found page.

use yew::prelude::*;

use crate::core::analysis::diff::{AlignedPair, WordDiff};
use crate::core::library::outlet_of;
use crate::ui::components::copy_link_button::CopyLinkButton;
use crate::ui::components::same_event_panel::{level_name, signals_table};
use crate::ui::pages::not_found::NotFoundPage;
use crate::ui::routes::Route;
use crate::ui::state::use_app;

/// Props of [`ComparePage`].
#[derive(Properties, PartialEq)]
pub struct ComparePageProps {
    /// Left article id.
    pub a: AttrValue,
    /// Right article id.
    pub b: AttrValue,
}

/// Which column a sentence is drawn in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

fn cell(t: &'static crate::ui::text::Text, pair: &AlignedPair, side: Side) -> Html {
    let present = match side {
        Side::Left => pair.left.is_some(),
        Side::Right => pair.right.is_some(),
    };
    let label = match side {
        Side::Left => t.only_left,
        Side::Right => t.only_right,
    };
    if !present {
        return html! { <div class="cmp-cell cmp-cell--empty"><span class="cmp-none">{ t.no_counterpart }</span></div> };
    }
    let parts = pair.words.iter().map(|w| match (w, side) {
        (WordDiff::Same(s), _) => html! { { s.clone() } },
        (WordDiff::OnlyLeft(s), Side::Left) => html! { <del title={label}>{ s.clone() }</del> },
        (WordDiff::OnlyRight(s), Side::Right) => html! { <ins title={label}>{ s.clone() }</ins> },
        _ => html! {},
    });
    html! { <div class="cmp-cell" lang="de">{ for parts }</div> }
}

/// The compare view, or the not-found page when an id is unknown.
#[component]
pub fn ComparePage(props: &ComparePageProps) -> Html {
    let t = crate::ui::hooks::use_text();
    let app = use_app();
    let view = use_memo((props.a.clone(), props.b.clone(), app.links.clone()), {
        let (corpus, whole, engine) = (app.corpus.clone(), app.whole.clone(), app.engine);
        move |(a, b, links)| {
            // the build's comparison (a reading page's share), or the full app's own
            let built = whole.as_ref().and_then(|w| w.compare.clone());
            let built = built.filter(|v| v.left.0 == a.as_str() && v.right.0 == b.as_str());
            built.or_else(|| engine.get().and_then(|e| (e.compare)(&corpus, links, a, b)))
        }
    });
    use_effect_with((props.a.clone(), props.b.clone(), t.lang), |_| {
        crate::platform::dom::set_title(&format!("{} — {}", t.compare_title, t.app_name));
    });
    let Some(view) = view.as_ref() else {
        return html! { <NotFoundPage message={AttrValue::Static(t.not_found_compare)} /> };
    };
    let (Some(left), Some(right)) = (app.corpus.get(&view.left.0), app.corpus.get(&view.right.0)) else {
        return html! { <NotFoundPage message={AttrValue::Static(t.not_found_compare)} /> };
    };
    let head = |a: &crate::core::corpus::Article, side: &'static str| {
        html! {
            <div class="cmp-head" data-side={side}>
                <a href={Route::Article { id: a.id.0.clone() }.href()} class="related-title" lang="de">{ a.title.text.clone() }</a>
                <p class="meta-line">{ format!("{} · {}",
                    outlet_of(a).unwrap_or(t.outlet_unknown),
                    t.date_or_unknown(a.date.value)) }</p>
            </div>
        }
    };
    let changed = view
        .pairs
        .iter()
        .filter(|p| p.words.iter().any(|w| !matches!(w, WordDiff::Same(_))))
        .count();
    html! {
        <section class="compare-page" data-page="compare">
            <h1>{ t.compare_title }</h1>
            // Side by side on wide screens, stacked on narrow ones: the help says "links/rechts" or "oben/unten".
            <p class="related-help when-side">{ t.compare_help }</p>
            <p class="related-help when-stacked">{ t.compare_help_stacked }</p>
            <div class="article-tools"><CopyLinkButton hash={AttrValue::from(Route::Compare { a: view.left.0.clone(), b: view.right.0.clone() }.href())} /></div>
            if let Some(l) = &view.link {
                <div class="cmp-link" data-level={level_name(l.level)}>
                    <p><strong>{ if l.level == crate::core::analysis::events::LinkLevel::SameEvent { t.same_event } else { t.same_story } }</strong>
                        { format!(": {}", t.link_reasons(&l.reasons).join(" · ")) }</p>
                    <details class="signals"><summary>{ t.signals }</summary>{ signals_table(t, &l.reasons.signals) }</details>
                </div>
            } else {
                <p class="cmp-link">{ t.not_linked_pair }</p>
            }
            <div class="cmp-grid" data-changed={changed.to_string()}>
                <div class="cmp-row cmp-row--head">{ head(left, "left") }{ head(right, "right") }</div>
                for pair in view.pairs.iter() {
                    <div class={classes!("cmp-row", (pair.left.is_some() && pair.right.is_some()).then_some("cmp-row--aligned"))}
                        data-similarity={format!("{:.2}", pair.similarity)}>
                        { cell(t, pair, Side::Left) }
                        { cell(t, pair, Side::Right) }
                    </div>
                }
            </div>
        </section>
    }
}
