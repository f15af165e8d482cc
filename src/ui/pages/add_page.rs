//! Route `add.html`: the reader adds own articles — pasted text, or files chosen or dropped (`.txt`, `.md`,
//! `.html` saved from a news site). Each becomes a draft to check (title and outlet editable, lines set
//! aside counted), then saved in the browser ([`Action::OwnAdd`]), analysed and linked like the bundled
//! articles. Bad input gets a message per file; nothing else is lost.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::own::{self, Draft, OwnArticle};
use crate::ui::routes::Route;
use crate::ui::state::{Action, AppContext, use_app};
use crate::ui::text::Text;

/// The drafts being checked, and the messages about input that did not become one.
#[derive(Clone, PartialEq, Default)]
struct Pending {
    drafts: Vec<Draft>,
    problems: Vec<String>,
    saved: Vec<(String, String)>,
    progress: Option<(usize, usize)>,
}

/// The page: paste, choose or drop; check; save.
#[component]
pub fn AddPage() -> Html {
    let t = crate::ui::hooks::use_text();
    let app = use_app();
    let pending = use_mut_ref(Pending::default);
    let version = use_state(|| 0_u32);
    let paste_ref = use_node_ref();
    let redraw: Rc<dyn Fn()> = {
        let version = version.clone();
        Rc::new(move || version.set(version.wrapping_add(1)))
    };
    let (pasted, on_type, on_paste) = use_paste(t, &pending, &redraw, &paste_ref);
    let (on_choose, on_drop, on_stop) = use_file_intake(t, &pending, &redraw);
    use_prepared_analysis(&app);
    let (saving, on_save) = use_save(t, &app, &pending, &redraw);
    let p = pending.borrow().clone();
    // drafts not saved yet, or text pasted and not taken: leaving the page asks first
    crate::ui::hooks::use_unsaved(!p.drafts.is_empty() || pasted);
    use_show_outcome(&p);
    html! {
        <section class="add-page" data-page="add">
            <h1>{ t.add_title }</h1>
            <p class="hint">{ t.add_help }</p>
            { sources(t, paste_ref, on_type, on_paste, on_choose, on_drop) }
            if let Some((done, all)) = p.progress {
                <p class="notice" role="status" id="add-progress">
                    <progress max={all.to_string()} value={done.to_string()} />{ " " }{ t.files_read(done, all) }{ " " }
                    <button type="button" class="button button--quiet" onclick={on_stop}>{ t.stop }</button>
                </p>
            }
            if !p.problems.is_empty() {
                <ul class="add-problems" role="alert">
                    for msg in p.problems.iter() { <li class="notice notice--warn">{ msg.clone() }</li> }
                </ul>
            }
            if !p.saved.is_empty() {
                <ul class="add-saved" role="status">
                    for (id, title) in p.saved.iter() {
                        <li>
                            if let Some(href) = saved_href(&app, id) {
                                <a {href} lang="de">{ title.clone() }</a>
                            } else {
                                <span lang="de">{ title.clone() }</span>
                            }
                        </li>
                    }
                </ul>
            }
            if !p.drafts.is_empty() {
                { drafts_view(t, &pending, &redraw, &p.drafts) }
                <button type="button" class="button" id="save-own" onclick={on_save} disabled={saving}>{ t.save_articles }</button>
                if saving {
                    <p class="notice" role="status" id="save-loading">{ t.loading }</p>
                }
            }
            <crate::ui::components::collection_save::CollectionSave />
        </section>
    }
}

/// What an intake or a save brought (a message, the first new draft, the saved articles) is scrolled into
/// view once it is done: on a phone it lands below the paste field and the drop zone, out of sight.
#[hook]
fn use_show_outcome(p: &Pending) {
    let seen = use_mut_ref(|| (0_usize, 0_usize, 0_usize));
    let now = (p.problems.len(), p.drafts.len(), p.saved.len());
    let busy = p.progress.is_some();
    use_effect_with((now, busy), move |&((problems, drafts, saved), busy)| {
        // while files are read, drafts come in chunks: the view moves once, when all are in
        if !busy {
            let (p0, d0, s0) = std::mem::replace(&mut *seen.borrow_mut(), (problems, drafts, saved));
            let target = if problems > p0 {
                Some(".add-problems li:last-child".to_string())
            } else if saved > s0 {
                Some(".add-saved".to_string())
            } else if drafts > d0 {
                Some(format!(".drafts > li:nth-child({})", d0 + 1))
            } else {
                None
            };
            if let Some(t) = target {
                crate::platform::dom::scroll_into_view(&t);
            }
        }
    });
}

/// The paste field: whether it holds text not taken yet, what it does on input, and "use the text" (a draft,
/// or a message why not).
#[hook]
fn use_paste(
    t: &'static Text,
    pending: &Rc<std::cell::RefCell<Pending>>,
    redraw: &Rc<dyn Fn()>,
    paste_ref: &NodeRef,
) -> (bool, Callback<InputEvent>, Callback<MouseEvent>) {
    let pasted = use_state_eq(|| false);
    let on_type = {
        let pasted = pasted.setter();
        Callback::from(move |e: InputEvent| {
            pasted.set(
                !e.target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                    .value()
                    .trim()
                    .is_empty(),
            );
        })
    };
    let on_paste = {
        let (pending, paste_ref, redraw, pasted) =
            (pending.clone(), paste_ref.clone(), redraw.clone(), pasted.setter());
        Callback::from(move |_: MouseEvent| {
            let Some(area) = paste_ref.cast::<web_sys::HtmlTextAreaElement>() else {
                return;
            };
            match own::read_pasted(&area.value()) {
                Ok(d) => {
                    pending.borrow_mut().drafts.push(d);
                    area.set_value("");
                    pasted.set(false);
                }
                Err(e) => pending.borrow_mut().problems.push(t.own_error("", &e)),
            }
            redraw();
        })
    };
    (*pasted, on_type, on_paste)
}

/// Saving links the drafts with the whole collection: its analysis is loaded first (not with the page).
/// Whether a save waits for it, and the save button's callback.
#[hook]
fn use_save(
    t: &'static Text,
    app: &AppContext,
    pending: &Rc<std::cell::RefCell<Pending>>,
    redraw: &Rc<dyn Fn()>,
) -> (bool, Callback<MouseEvent>) {
    let (pending, redraw) = (pending.clone(), redraw.clone());
    let save = Rc::new(move |app: &AppContext| {
        save_drafts(t, app, &mut pending.borrow_mut());
        redraw();
    });
    let (whole, ask) = crate::ui::hooks::use_whole_analysis(app, t.whole_unavailable, save);
    (whole.waiting, Callback::from(move |_: MouseEvent| ask.emit(())))
}

/// Builds the knowledge base's matcher once the page is painted, while the reader pastes or chooses, not in
/// the task of the first save.
#[hook]
fn use_prepared_analysis(app: &AppContext) {
    let analysis = app.engine.get();
    use_effect_with((), move |()| {
        if let Some(analysis) = analysis {
            crate::platform::dom::after_next_paint(analysis.prepare);
        }
    });
}

/// Files chosen or dropped: read one after another with progress, until done or stopped.
#[hook]
fn use_file_intake(
    t: &'static Text,
    pending: &Rc<std::cell::RefCell<Pending>>,
    redraw: &Rc<dyn Fn()>,
) -> (Callback<Event>, Callback<DragEvent>, Callback<MouseEvent>) {
    let stop = use_mut_ref(|| Rc::new(Cell::new(false)));
    let (pending, redraw) = (pending.clone(), redraw.clone());
    let take_files = {
        let (pending, redraw, stop) = (pending.clone(), redraw.clone(), stop.clone());
        Rc::new(move |files: Vec<web_sys::File>| {
            let flag = Rc::new(Cell::new(false));
            *stop.borrow_mut() = flag.clone();
            pending.borrow_mut().progress = Some((0, files.len()));
            read_next(t, files, 0, pending.clone(), flag, redraw.clone());
            redraw();
        })
    };
    let on_choose = {
        let take = take_files.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            take(crate::platform::files::files_of(input.files()));
            input.set_value("");
        })
    };
    let on_drop = {
        let take = take_files.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            take(crate::platform::files::files_of(
                e.data_transfer().and_then(|d| d.files()),
            ));
        })
    };
    let on_stop = {
        let stop = stop.clone();
        Callback::from(move |_: MouseEvent| stop.borrow().set(true))
    };
    (on_choose, on_drop, on_stop)
}

/// Where articles come from: the paste field and the file input, which is also the drop zone.
fn sources(
    t: &Text,
    paste_ref: NodeRef,
    on_type: Callback<InputEvent>,
    on_paste: Callback<MouseEvent>,
    on_choose: Callback<Event>,
    on_drop: Callback<DragEvent>,
) -> Html {
    html! {
        <div class="add-sources">
            <label class="paste">{ t.paste_label }<textarea ref={paste_ref} id="paste-text" rows="8" oninput={on_type} /></label>
            <button type="button" class="button" id="paste-use" onclick={on_paste}>{ t.paste_button }</button>
            <label class="drop-zone" ondragover={Callback::from(|e: DragEvent| e.prevent_default())} ondrop={on_drop}>
                { t.files_label }
                <input type="file" id="add-files" multiple=true accept=".txt,.md,.markdown,.html,.htm,.json,text/plain,text/markdown,text/html,application/json" onchange={on_choose} />
            </label>
        </div>
    }
}

/// Reads the files one after another (the page stays responsive between them), until done or stopped.
fn read_next(
    t: &'static Text,
    files: Vec<web_sys::File>,
    i: usize,
    pending: Rc<std::cell::RefCell<Pending>>,
    stop: Rc<Cell<bool>>,
    redraw: Rc<dyn Fn()>,
) {
    let Some(file) = files.get(i).cloned() else {
        pending.borrow_mut().progress = None;
        redraw();
        return;
    };
    if stop.get() {
        pending.borrow_mut().progress = None;
        redraw();
        return;
    }
    crate::platform::files::read_bytes(&file, own::MAX_FILE_BYTES as f64, move |(name, bytes)| {
        let exported = name.to_ascii_lowercase().ends_with(".json");
        let result = match bytes {
            // a download of own articles (made when this browser could not store them) brings them all back
            Ok(b) if exported => std::str::from_utf8(&b)
                .ok()
                .and_then(own::store::decode_all)
                .ok_or_else(|| format!("{name}: {}", t.own_export_unreadable)),
            Ok(b) => own::read_file(&name, &b)
                .map(|d| vec![d])
                .map_err(|e| t.own_error(&name, &e)),
            Err(crate::platform::files::FileError::TooLarge(size)) => Err(t.own_error(
                &name,
                &own::OwnError::TooLarge {
                    of: own::SizeOf::File,
                    size: size as usize,
                    limit: own::MAX_FILE_BYTES,
                },
            )),
            Err(e) => Err(format!("{name}: {}", t.file_error(&e))),
        };
        {
            let mut p = pending.borrow_mut();
            match result {
                Ok(drafts) => p.drafts.extend(drafts),
                Err(msg) => p.problems.push(msg),
            }
            p.progress = Some((i + 1, files.len()));
        }
        redraw();
        read_next(t, files, i + 1, pending, stop, redraw);
    });
}

/// Where a saved article opens: its page; while storage fails (the article lives only in this window, and a
/// page opened from here would not find it), a link that carries the article itself (the share link), or
/// none when it is too long for one (the notice offers it as a file).
fn saved_href(app: &crate::ui::state::AppState, id: &str) -> Option<String> {
    if !matches!(app.own_storage, crate::ui::state::OwnStorage::Failed(_)) {
        return Some(Route::Article { id: id.to_string() }.href());
    }
    let record = app.own.iter().find(|o| o.id.0 == id)?;
    let value = own::share::encode(&record.draft).ok()?;
    Some(format!("{}#/shared?a={value}", Route::View.href()))
}

/// Saves the drafts that are new (the same text already in the library is said, not added twice).
fn save_drafts(t: &'static Text, app: &AppContext, p: &mut Pending) {
    let now = crate::platform::clock::now_iso();
    let mut records: Vec<OwnArticle> = Vec::new();
    for d in std::mem::take(&mut p.drafts) {
        let id = d.content_id();
        let known = app.corpus.get(&id.0).is_some() || records.iter().any(|r| r.id == id);
        match d.to_article() {
            Ok(_) if known => p.problems.push(t.own_duplicate(&d.title)),
            Ok(a) => {
                p.saved.push((id.0.clone(), a.title.text.clone()));
                records.push(OwnArticle::new(d, &now));
            }
            Err(e) => p.problems.push(t.own_error(&d.file_name, &e)),
        }
    }
    if !records.is_empty() {
        app.dispatch(Action::Notify(crate::ui::state::Notice {
            text: t.own_saved(records.len()),
            is_error: false,
        }));
        crate::ui::hooks::mark_own_coming();
        add_in_chunks(app.clone(), records);
    }
}

/// Articles analysed and linked per task: ten keep a save of 200 files under 200 ms a task on this machine
/// (each chunk is analysed, linked with the whole collection and read by the model; tools/ownbench.mjs).
const CHUNK: usize = 10;

/// Adds `records` a chunk at a time, each after the page has painted, so the page stays responsive.
fn add_in_chunks(app: AppContext, mut records: Vec<OwnArticle>) {
    let rest = records.split_off(records.len().min(CHUNK));
    app.dispatch(Action::OwnAdd(records));
    if !rest.is_empty() {
        crate::platform::dom::after_next_paint(move || add_in_chunks(app, rest));
    }
}

/// The drafts with their editable title and outlet.
fn drafts_view(
    t: &'static Text,
    pending: &Rc<std::cell::RefCell<Pending>>,
    redraw: &Rc<dyn Fn()>,
    drafts: &[Draft],
) -> Html {
    html! {
        <>
            <h2>{ t.drafts_title }</h2>
            <ol class="drafts">
                for (i, d) in drafts.iter().enumerate() {
                    { draft_item(t, pending, redraw, i, d) }
                }
            </ol>
        </>
    }
}

/// One draft: title and outlet fields, date, the start of the text, lines set aside, discard.
fn draft_item(
    t: &'static Text,
    pending: &Rc<std::cell::RefCell<Pending>>,
    redraw: &Rc<dyn Fn()>,
    i: usize,
    d: &Draft,
) -> Html {
    let set = |f: fn(&mut Draft, String)| {
        let pending = pending.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            if let Some(d) = pending.borrow_mut().drafts.get_mut(i) {
                f(d, v);
            }
        })
    };
    let discard = {
        let (pending, redraw) = (pending.clone(), redraw.clone());
        Callback::from(move |_: MouseEvent| {
            let mut p = pending.borrow_mut();
            if i < p.drafts.len() {
                p.drafts.remove(i);
            }
            drop(p);
            redraw();
        })
    };
    let start: String = d.body.chars().take(280).collect();
    html! {
        <li class="draft" key={d.content_id().0}>
            <label>{ t.title_label }<input type="text" class="draft-title" value={d.title.clone()} oninput={set(|d, v| d.title = v)} /></label>
            <label>{ t.outlet_label }<input type="text" class="draft-outlet" value={d.outlet.clone().unwrap_or_default()} oninput={set(|d, v| d.outlet = (!v.trim().is_empty()).then_some(v))} /></label>
            <p class="meta-line">{ t.date_or_unknown(d.date) }{ format!(" · {}", t.set_aside(d.set_aside.len())) }</p>
            <p class="draft-text" lang="de">{ start }{ " …" }</p>
            <button type="button" class="button button--quiet" onclick={discard}>{ t.remove_draft }</button>
        </li>
    }
}
