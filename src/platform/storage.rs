//! localStorage, with every failure as a value: some browsers have no storage on file://, storage can be
//! full or disabled, and stored data can be corrupt. Callers keep working in memory when this fails.

use wasm_bindgen::JsCast;

/// Why storage could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// No localStorage (blocked, private mode, or file:// in some browsers).
    Unavailable,
    /// Writing failed, usually because the quota is full.
    WriteFailed(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unavailable => f.write_str("local storage is not available in this browser"),
            Self::WriteFailed(why) => write!(f, "saving failed ({why})"),
        }
    }
}

/// localStorage.
fn storage() -> Result<web_sys::Storage, StorageError> {
    area(web_sys::Window::local_storage)
}

/// This tab's sessionStorage.
fn session() -> Result<web_sys::Storage, StorageError> {
    area(web_sys::Window::session_storage)
}

fn area(
    get: fn(&web_sys::Window) -> Result<Option<web_sys::Storage>, wasm_bindgen::JsValue>,
) -> Result<web_sys::Storage, StorageError> {
    // The build prerenders pages natively (server-side rendering): there is no browser storage there.
    if cfg!(not(target_arch = "wasm32")) {
        return Err(StorageError::Unavailable);
    }
    web_sys::window()
        .and_then(|w| get(&w).ok().flatten())
        .ok_or(StorageError::Unavailable)
}

/// Writes `key` in `area`.
fn write(area: web_sys::Storage, key: &str, value: &str) -> Result<(), StorageError> {
    area.set_item(key, value).map_err(|e| {
        StorageError::WriteFailed(
            e.as_string()
                .unwrap_or_else(|| "quota exceeded or storage disabled".into()),
        )
    })
}

/// Writes a key of this tab's sessionStorage (what a page hands to its next load in the same tab).
pub fn save_in_tab(key: &str, value: &str) -> Result<(), StorageError> {
    write(session()?, key, value)
}

/// Reads a key of this tab's sessionStorage.
pub fn load_in_tab(key: &str) -> Option<String> {
    session().ok()?.get_item(key).ok().flatten()
}

/// Removes a key of this tab's sessionStorage.
pub fn remove_in_tab(key: &str) {
    if let Ok(s) = session() {
        let _ = s.remove_item(key);
    }
}

/// Reads a key (`Ok(None)` when it was never written).
pub fn load(key: &str) -> Result<Option<String>, StorageError> {
    storage()?.get_item(key).map_err(|_| StorageError::Unavailable)
}

/// Writes a key.
pub fn save(key: &str, value: &str) -> Result<(), StorageError> {
    write(storage()?, key, value)
}

/// Removes a key.
pub fn remove(key: &str) -> Result<(), StorageError> {
    storage()?.remove_item(key).map_err(|_| StorageError::Unavailable)
}

/// Calls `f` with the new value (`None`: removed) whenever another tab of this site changes `key`. The
/// listener is removed when the returned handle is dropped.
pub fn on_change(key: &'static str, f: impl Fn(Option<String>) + 'static) -> Option<gloo::events::EventListener> {
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    let window = web_sys::window()?;
    Some(gloo::events::EventListener::new(&window, "storage", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        if event.key().as_deref() == Some(key) {
            f(event.new_value());
        }
    }))
}
