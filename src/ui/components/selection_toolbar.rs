//! The toolbar that appears when a passage is selected: highlight in a colour, add a note and tags, or
//! copy a link to the passage.

use yew::prelude::*;

use crate::core::annotations::{Color, check_input};
use crate::ui::components::annotation_item::{ColorPicker, form_problem, read_note_form};

/// What the reader chose in the toolbar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNote {
    /// Colour.
    pub color: Color,
    /// Note (Markdown), if any.
    pub note: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
}

/// Props of [`SelectionToolbar`].
#[derive(Properties, PartialEq)]
pub struct SelectionToolbarProps {
    /// The selected text (shown shortened).
    pub quote: AttrValue,
    /// Called to create the annotation.
    pub onannotate: Callback<NewNote>,
    /// Called to copy a link to the passage.
    pub onlink: Callback<()>,
    /// Called to close without doing anything.
    pub oncancel: Callback<()>,
    /// Opened from the keyboard: focus "add note" at once (a mouse selection leaves the focus where it is).
    #[prop_or_default]
    pub focus: bool,
    /// Shift+↓ / Shift+↑ in the toolbar: the next / previous sentence.
    #[prop_or_default]
    pub onstep: Callback<i32>,
}

/// A bar fixed at the bottom of the view (reachable by keyboard; Escape closes it).
#[component]
pub fn SelectionToolbar(props: &SelectionToolbarProps) -> Html {
    let t = crate::ui::hooks::use_text();
    let with_note = use_state_eq(|| false);
    let color = use_state_eq(|| Color::Yellow);
    let note_ref = use_node_ref();
    let tags_ref = use_node_ref();
    let problem = use_state_eq(|| None::<String>);
    // a note being written: leaving the page asks first
    let typed = use_state_eq(|| false);
    crate::ui::hooks::use_unsaved(*with_note && *typed);
    use_toolbar_focus(&props.quote, props.focus, *with_note);
    let quick = {
        let cb = props.onannotate.clone();
        Callback::from(move |c: Color| {
            cb.emit(NewNote {
                color: c,
                note: None,
                tags: vec![],
            })
        })
    };
    let on_submit = {
        let cb = props.onannotate.clone();
        let (note_ref, tags_ref, color) = (note_ref.clone(), tags_ref.clone(), color.clone());
        let problem = problem.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (note, tags) = read_note_form(&note_ref, &tags_ref);
            // Every limit is checked before the toolbar closes; the typed text stays in the form.
            if let Err(e) = check_input(note.clone(), tags.clone()) {
                problem.set(Some(t.annotation_error(t.note_not_created, &e)));
                return;
            }
            cb.emit(NewNote {
                color: *color,
                note,
                tags,
            });
        })
    };
    let onkeydown = toolbar_keys(props.oncancel.clone(), props.onstep.clone(), *with_note);
    let preview: String = {
        let q = props.quote.as_str();
        if q.chars().count() > 90 {
            format!("{} …", q.chars().take(88).collect::<String>())
        } else {
            q.to_string()
        }
    };
    html! {
        <div class="selection-toolbar" role="dialog" aria-label={t.toolbar_label} {onkeydown} id="selection-toolbar">
            <p class="toolbar-quote" lang="de">{ "„" }{ preview }{ "“" }</p>
            if *with_note {
                <form class="note-form" onsubmit={on_submit} oninput={let typed = typed.setter(); Callback::from(move |_: InputEvent| typed.set(true))}>
                    { form_problem((*problem).as_ref()) }
                    <ColorPicker selected={*color} onpick={Callback::from(move |c| color.set(c))} />
                    <label>{ t.note_label }<textarea ref={note_ref} id="toolbar-note" rows="3" placeholder={t.note_placeholder} /></label>
                    <label>{ t.tags_label }<input ref={tags_ref} type="text" placeholder={t.tags_placeholder} /></label>
                    <div class="form-actions">
                        <button type="submit" class="button" id="save-note">{ t.save }</button>
                        <button type="button" class="button button--quiet" onclick={props.oncancel.reform(|_| ())}>{ t.cancel }</button>
                    </div>
                </form>
            } else {
                <div class="toolbar-row">
                    <span class="toolbar-label">{ t.highlight }</span>
                    <ColorPicker selected={Color::Yellow} onpick={quick} />
                </div>
                <div class="toolbar-row">
                    <button type="button" class="button" id="add-note" onclick={let w = with_note.clone(); Callback::from(move |_| w.set(true))}>{ t.add_note }</button>
                    <button type="button" class="button button--quiet" id="link-passage" onclick={props.onlink.reform(|_| ())}>{ t.link_passage }</button>
                    <button type="button" class="button button--quiet" onclick={props.oncancel.reform(|_| ())}>{ t.cancel }</button>
                </div>
            }
        </div>
    }
}

/// From the keyboard: the focus on "add note" (again for every new sentence); the note form takes the focus
/// into its text field.
#[hook]
fn use_toolbar_focus(quote: &AttrValue, focus: bool, with_note: bool) {
    use_effect_with((quote.clone(), focus, with_note), |(_, focus, with_note)| {
        if *with_note {
            crate::platform::dom::focus("toolbar-note");
        } else if *focus {
            crate::platform::dom::focus("add-note");
        }
    });
}

/// The toolbar's keys: Shift+↓/↑ the next / previous sentence (not while writing a note), Escape closes,
/// Ctrl+Enter (⌘+Enter) saves the note.
fn toolbar_keys(cancel: Callback<()>, step: Callback<i32>, in_form: bool) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        let arrow = match e.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            _ => 0,
        };
        if arrow != 0 && e.shift_key() && !in_form {
            e.prevent_default();
            step.emit(arrow);
        } else if e.key() == "Escape" {
            cancel.emit(());
        } else if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
            e.prevent_default();
            crate::platform::dom::click("#save-note");
        }
    })
}
