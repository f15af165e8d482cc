//! One annotation in a list: colour cue, quote, note, tags, and edit / delete / jump actions.

use yew::prelude::*;

use crate::core::annotations::{Annotation, AnnotationEdit, Color, check_input};
use crate::ui::components::note_markdown::NoteMarkdown;
use crate::ui::state::{Action, AppContext, use_app};

/// Props of [`AnnotationItem`].
#[derive(Properties, PartialEq)]
pub struct AnnotationItemProps {
    /// The annotation.
    pub annotation: Annotation,
    /// Where "jump to passage" goes (a hash link), or `None` to scroll on this page.
    #[prop_or_default]
    pub jump_href: Option<AttrValue>,
    /// Called to scroll to the passage on this page.
    #[prop_or_default]
    pub onjump: Option<Callback<()>>,
    /// The passage could not be placed in the current text.
    #[prop_or_default]
    pub orphaned: bool,
}

/// Shows an annotation; "edit" turns it into a small form (note, tags, colour).
#[component]
pub fn AnnotationItem(props: &AnnotationItemProps) -> Html {
    let t = crate::ui::hooks::use_text();
    let app = use_app();
    let editing = use_state_eq(|| false);
    let a = &props.annotation;
    let note_ref = use_node_ref();
    let tags_ref = use_node_ref();
    // the tags field as typed: a re-render while editing (another tab saved, the language changed) keeps it
    let tags_typed = use_state_eq(|| a.tags.join(", "));
    let color = use_state_eq(|| a.color);
    let problem = use_state_eq(|| None::<String>);
    // a change being made: leaving the page asks first
    let changed = use_state_eq(|| false);
    crate::ui::hooks::use_unsaved(*editing && *changed);

    let on_delete = {
        let app = app.clone();
        let id = a.id.clone();
        Callback::from(move |_| {
            app.dispatch(Action::RemoveAnnotation(id.clone()));
            // the deleted note's button is gone: the keyboard goes on from "Rückgängig" (the undo notice)
            crate::platform::dom::after_next_paint(|| crate::platform::dom::focus("undo"));
        })
    };
    let on_edit = {
        let (editing, tags_typed, tags) = (editing.clone(), tags_typed.clone(), a.tags.join(", "));
        let changed = changed.setter();
        Callback::from(move |_| {
            tags_typed.set(tags.clone());
            changed.set(false);
            editing.set(true)
        })
    };
    let on_cancel = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(false))
    };
    let form = NoteForm {
        note_ref,
        tags_ref,
        tags_typed,
        color,
        problem,
        changed,
    };
    html! {
        <li class={classes!("annotation-item", format!("annotation-item--{}", a.color.name()))} data-annotation-item={a.id.0.clone()}>
            <blockquote class="annotation-quote" lang="de">
                <span class="color-cue" title={t.color_label(a.color)} aria-label={t.color_label(a.color)}>{ a.color.symbol() }</span>
                { quote_preview(&a.quote.exact) }
            </blockquote>
            if props.orphaned {
                <p class="orphaned-note" role="note">{ t.orphaned }</p>
            }
            if *editing {
                { form.view(t, a, form.on_save(app, a, editing.clone()), on_cancel) }
            } else {
                { shown_note(t, a, jump_action(t, props), on_edit, on_delete) }
            }
        </li>
    }
}

/// The edit form's handles: the note and tags fields, the picked colour, and a limit the input broke.
struct NoteForm {
    note_ref: NodeRef,
    tags_ref: NodeRef,
    tags_typed: UseStateHandle<String>,
    color: UseStateHandle<Color>,
    problem: UseStateHandle<Option<String>>,
    changed: UseStateHandle<bool>,
}

impl NoteForm {
    /// Saves the form into annotation `a` and leaves edit mode.
    fn on_save(&self, app: AppContext, a: &Annotation, editing: UseStateHandle<bool>) -> Callback<SubmitEvent> {
        let t = app.lang.text();
        let id = a.id.clone();
        let (note_ref, tags_ref, color) = (self.note_ref.clone(), self.tags_ref.clone(), self.color.clone());
        let problem = self.problem.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (note, tags) = read_note_form(&note_ref, &tags_ref);
            // Every limit is checked before the form closes; the typed text stays in the form.
            if let Err(e) = check_input(note.clone(), tags.clone()) {
                problem.set(Some(t.annotation_error(t.note_not_changed, &e)));
                return;
            }
            problem.set(None);
            let edit = AnnotationEdit {
                note: Some(note),
                tags: Some(tags),
                color: Some(*color),
            };
            app.dispatch(Action::EditAnnotation {
                id: id.clone(),
                edit,
                now: crate::platform::clock::now_iso(),
            });
            editing.set(false);
        })
    }

    /// The form (colour, note, tags, save / cancel) for annotation `a`.
    fn view(
        &self,
        t: &'static crate::ui::text::Text,
        a: &Annotation,
        on_save: Callback<SubmitEvent>,
        on_cancel: Callback<MouseEvent>,
    ) -> Html {
        let color = self.color.clone();
        let typed = self.tags_typed.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            typed.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value())
        });
        html! {
            <form class="note-form" onsubmit={on_save} oninput={let changed = self.changed.setter(); Callback::from(move |_: InputEvent| changed.set(true))}>
                { form_problem(self.problem.as_ref()) }
                <ColorPicker selected={*color} onpick={Callback::from(move |c| color.set(c))} />
                <label>{ t.note_label }<textarea ref={self.note_ref.clone()} rows="3" defaultvalue={a.note.clone().unwrap_or_default()} /></label>
                <label>{ t.tags_label }<input ref={self.tags_ref.clone()} type="text" value={(*self.tags_typed).clone()} {oninput} placeholder={t.tags_placeholder} /></label>
                <div class="form-actions">
                    <button type="submit" class="button">{ t.save }</button>
                    <button type="button" class="button button--quiet" onclick={on_cancel}>{ t.cancel }</button>
                </div>
            </form>
        }
    }
}

/// A limit the form's input broke, said next to the fields (the form stays open with the text).
pub fn form_problem(problem: Option<&String>) -> Html {
    match problem {
        Some(p) => html! { <p class="notice notice--warn form-problem" role="alert">{ p.clone() }</p> },
        None => html! {},
    }
}

/// The "jump to passage" action: a link, a button, or nothing.
fn jump_action(t: &'static crate::ui::text::Text, props: &AnnotationItemProps) -> Html {
    match (&props.jump_href, &props.onjump) {
        (Some(href), _) => html! { <a class="button button--quiet" href={href.clone()}>{ t.jump_to_passage }</a> },
        (None, Some(cb)) => {
            let cb = cb.clone();
            html! { <button type="button" class="button button--quiet" onclick={Callback::from(move |_| cb.emit(()))}>{ t.jump_to_passage }</button> }
        }
        _ => html! {},
    }
}

/// Annotation `a` when not editing: note, tags and the actions.
fn shown_note(
    t: &'static crate::ui::text::Text,
    a: &Annotation,
    jump: Html,
    on_edit: Callback<MouseEvent>,
    on_delete: Callback<MouseEvent>,
) -> Html {
    html! {
        <>
            if let Some(note) = &a.note {
                <NoteMarkdown markdown={AttrValue::from(note.clone())} format={a.note_format.clone().map(AttrValue::from)} />
            }
            { replies(t, a) }
            if !a.tags.is_empty() {
                <ul class="tags" aria-label={t.tags_label}>
                    for t in a.tags.iter() { <li class="tag">{ format!("#{t}") }</li> }
                </ul>
            }
            <div class="annotation-actions">
                { jump }
                <button type="button" class="button button--quiet" onclick={on_edit}>{ t.edit }</button>
                <button type="button" class="button button--quiet button--danger" onclick={on_delete}>{ t.delete }</button>
            </div>
        </>
    }
}

/// Replies and further comments another tool wrote (kept from an import), shown read-only as a thread.
fn replies(t: &'static crate::ui::text::Text, a: &Annotation) -> Html {
    let Some(foreign) = &a.foreign else { return html! {} };
    let items: Vec<(String, String)> = foreign
        .bodies
        .iter()
        .filter_map(|b| {
            let value = b.get("value")?.as_str()?.to_string();
            let who = b
                .get("creator")
                .and_then(|c| c.get("name").or(Some(c)))
                .and_then(|n| n.as_str())
                .unwrap_or_default();
            Some((who.to_string(), value))
        })
        .collect();
    if items.is_empty() {
        return html! {};
    }
    html! {
        <ol class="replies" aria-label={t.replies}>
            for (who, value) in items {
                <li class="reply">if !who.is_empty() { <span class="reply-author">{ who }{ ": " }</span> }<span class="note-text--plain">{ value }</span></li>
            }
        </ol>
    }
}

/// Reads a note form: the note (`None` when blank) and the tags.
pub fn read_note_form(note_ref: &NodeRef, tags_ref: &NodeRef) -> (Option<String>, Vec<String>) {
    let note = note_ref
        .cast::<web_sys::HtmlTextAreaElement>()
        .map(|t| t.value())
        .unwrap_or_default();
    let tags = tags_ref
        .cast::<web_sys::HtmlInputElement>()
        .map(|t| t.value())
        .unwrap_or_default();
    ((!note.trim().is_empty()).then_some(note), split_tags(&tags))
}

/// Splits "a, b c" into tags (comma separated; `#` prefixes dropped).
pub fn split_tags(input: &str) -> Vec<String> {
    input
        .split(',')
        .map(|t| t.trim().trim_start_matches('#').trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

fn quote_preview(q: &str) -> String {
    if q.chars().count() <= 220 {
        return q.to_string();
    }
    let head: String = q.chars().take(200).collect();
    format!("{head} …")
}

/// Props of [`ColorPicker`].
#[derive(Properties, PartialEq)]
pub struct ColorPickerProps {
    /// The selected colour.
    pub selected: Color,
    /// Called with the picked colour.
    pub onpick: Callback<Color>,
}

/// Five colour buttons, each with a symbol and a name (not colour alone).
#[component]
pub fn ColorPicker(props: &ColorPickerProps) -> Html {
    let t = crate::ui::hooks::use_text();
    html! {
        <div class="color-picker" role="radiogroup" aria-label={t.color_label}>
            for c in Color::ALL {
                <button type="button" role="radio" aria-checked={(c == props.selected).to_string()}
                    class={classes!("swatch", format!("swatch--{}", c.name()))}
                    onclick={let cb = props.onpick.clone(); Callback::from(move |_| cb.emit(c))}>
                    <span aria-hidden="true">{ c.symbol() }</span>{ " " }{ t.color_label(c) }
                </button>
            }
        </div>
    }
}
