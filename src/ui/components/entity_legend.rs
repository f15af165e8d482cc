//! The legend of entity kinds, with a toggle per kind (remembered) and "all off" / "all on".

use yew::prelude::*;

use crate::core::analysis::entities::EntityKind;
use crate::ui::state::{ALL_KINDS, Action, use_app};

/// Props of [`EntityLegend`].
#[derive(Properties, PartialEq)]
pub struct EntityLegendProps {
    /// How many mentions of each kind the article has (legend order).
    pub counts: Vec<(EntityKind, usize)>,
}

/// Kind toggles; reads and changes `hidden_kinds` in the app state.
#[component]
pub fn EntityLegend(props: &EntityLegendProps) -> Html {
    let t = crate::ui::hooks::use_text();
    let app = use_app();
    let all_hidden = app.hidden_kinds.len() == ALL_KINDS.len();
    let toggle_all = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::SetAllKinds(all_hidden)))
    };
    html! {
        <div class="legend" role="group" aria-label={t.legend_label}>
            for (kind, count) in props.counts.iter().copied() {
                <button type="button" class={classes!("legend-item", format!("legend-item--{}", kind.as_str()))}
                    aria-pressed={(!app.hidden_kinds.contains(&kind)).to_string()} data-kind-toggle={kind.as_str()}
                    onclick={let app = app.clone(); Callback::from(move |_| app.dispatch(Action::ToggleKind(kind)))}>
                    <span class={classes!("legend-swatch", format!("kind-{}", kind.as_str()))} aria-hidden="true" />
                    { t.kind_label(kind) }<span class="legend-count">{ format!(" {count}") }</span>
                </button>
            }
            <button type="button" class="button button--quiet legend-all" id="kinds-all" onclick={toggle_all}>
                { if all_hidden { t.all_on } else { t.all_off } }
            </button>
        </div>
    }
}
