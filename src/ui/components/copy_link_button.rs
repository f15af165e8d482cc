//! A button that copies a link to the current page (or a given hash route) to the clipboard.

use yew::prelude::*;

/// Props of [`CopyLinkButton`].
#[derive(Properties, PartialEq)]
pub struct CopyLinkButtonProps {
    /// The hash route to link to, e.g. `#/a/1234`.
    pub hash: AttrValue,
    /// The button label ("Link kopieren" when not given).
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

/// Copies the link; shows "copied", or the link itself to copy by hand when the clipboard is unavailable.
#[component]
pub fn CopyLinkButton(props: &CopyLinkButtonProps) -> Html {
    let t = crate::ui::hooks::use_text();
    let status = use_state(|| None::<Result<(), String>>);
    let onclick = {
        let status = status.clone();
        let hash = props.hash.clone();
        Callback::from(move |_| {
            // from a downloaded folder, the site's public address when the build named one
            let base = crate::platform::location::share_base().unwrap_or_default();
            let link = format!("{base}{hash}");
            let status = status.clone();
            let fallback = link.clone();
            crate::platform::clipboard::copy(&link, move |ok| {
                status.set(Some(if ok { Ok(()) } else { Err(fallback) }));
            });
        })
    };
    html! {
        <span class="copy-link">
            <button type="button" class="button button--quiet" {onclick} data-copy-link={props.hash.clone()}>
                { props.label.clone().unwrap_or(AttrValue::Static(t.copy_link)) }
            </button>
            <span class="copy-status" role="status" aria-live="polite">
                { match &*status {
                    // From a downloaded folder the link is a path on this computer: say where it works.
                    Some(Ok(())) if crate::platform::location::is_file() => match crate::platform::location::public_base() {
                        Some(base) => html! { <>{ t.copied_public }{ " " }<a href={format!("{base}{}", props.hash)}>{ format!("{base}{}", props.hash) }</a></> },
                        None => html! { <>{ t.copied }{ " " }{ t.file_link_warning }</> },
                    },
                    Some(Ok(())) => html! { { t.copied } },
                    Some(Err(link)) if crate::platform::location::is_file() => html! { <>{ t.copy_failed }{ " " }<input class="copy-fallback" readonly=true value={link.clone()} />{ " " }{ t.file_link_warning }</> },
                    Some(Err(link)) => html! { <>{ t.copy_failed }{ " " }<input class="copy-fallback" readonly=true value={link.clone()} /></> },
                    None => html! {},
                } }
            </span>
        </span>
    }
}
