//! The original text of an article, with removed lines marked and their reasons.

use yew::prelude::*;

use crate::core::corpus::{Article, LineRole};

/// Props of [`OriginalView`].
#[derive(Properties, PartialEq)]
pub struct OriginalViewProps {
    /// The article.
    pub article: std::rc::Rc<Article>,
}

/// Every line of the source file; removed ones struck through with a reason badge.
#[component]
pub fn OriginalView(props: &OriginalViewProps) -> Html {
    let t = crate::ui::hooks::use_text();
    html! {
        <section class="original" aria-labelledby="original-title">
            <h2 id="original-title">{ t.original_title }</h2>
            <p class="original-help">{ t.original_help }{ format!(" {}: {}", t.source_file, props.article.source_file) }</p>
            <ol class="original-lines" lang="de">
                for line in props.article.lines.iter() {
                    { match line.role {
                        LineRole::Blank => html! { <li class="line line--blank" aria-hidden="true">{ "\u{a0}" }</li> },
                        LineRole::Kept => html! { <li class={classes!("line", "line--kept", line.joined.then_some("line--joined"))}>{ line.text.clone() }</li> },
                        LineRole::Removed(reason) => html! {
                            <li class={classes!("line", "line--removed", reason.is_boilerplate().then_some("line--boilerplate"), line.joined.then_some("line--joined"))} data-reason={format!("{reason:?}")}>
                                <del>{ line.text.clone() }</del>
                                <span class="reason-badge">{ t.removal_reason(reason) }</span>
                            </li>
                        },
                    } }
                }
            </ol>
        </section>
    }
}
