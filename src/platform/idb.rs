//! IndexedDB for readers' own articles (issue 15): articles can be larger than localStorage allows.
//!
//! One database ([`DB_NAME`]) with one object store ([`ARTICLES_STORE`]) of strings keyed by article id:
//! each value is a record of [`crate::core::own::store::encode`], so the versioning and migration live in
//! the core and this module only moves strings. Every call is `async` (await it in
//! `yew::platform::spawn_local`) and degrades to an [`IdbError`], never a panic: no IndexedDB (some
//! browsers on file://, private windows, the native prerender), a refused open, a full quota, a failed
//! transaction. The caller keeps the articles in memory then and tells the reader.
//!
//! Writes resolve when their transaction has completed (not when the request succeeded), so a reload right
//! after a resolved `put` finds the article.
//!
//! Written on `web-sys`'s `Idb*` bindings directly rather than a wrapper crate (rexie, indexed_db_futures):
//! four operations on one store need ~200 lines, and `wasm-bindgen-futures` is in the app already (yew).

use js_sys::{Array, Promise};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

/// The database's name.
pub const DB_NAME: &str = "presseschau";
/// The database's schema version (its object stores; the records carry their own version).
pub const DB_VERSION: u32 = 1;
/// What the blocked handler rejects with, to tell it from a failure.
const BLOCKED: &str = "presseschau-idb-blocked";
/// The object store of own articles: key = article id, value = a stored record (JSON string).
pub const ARTICLES_STORE: &str = "own-articles";

/// Why IndexedDB could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdbError {
    /// No IndexedDB in this browser or context (file:// in some browsers, private mode, native code).
    Unavailable,
    /// Opening waits for another tab that has an older version of the database open.
    Blocked,
    /// The browser refused: opening failed, or a transaction was aborted. The DOMException's name
    /// (`SecurityError`, `InvalidStateError`, `AbortError`, …).
    Refused(String),
    /// The quota is full (`QuotaExceededError`): the article stays in memory; the reader can export.
    QuotaExceeded,
}

impl std::fmt::Display for IdbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unavailable => f.write_str("IndexedDB is not available"),
            Self::Blocked => f.write_str("IndexedDB is blocked by another tab"),
            Self::Refused(name) => write!(f, "IndexedDB refused ({name})"),
            Self::QuotaExceeded => f.write_str("storage quota exceeded"),
        }
    }
}

/// The error a DOMException (or any thrown value) stands for.
fn from_js(value: &JsValue) -> IdbError {
    let name = value
        .dyn_ref::<web_sys::DomException>()
        .map(web_sys::DomException::name)
        .or_else(|| {
            js_sys::Reflect::get(value, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
        })
        .unwrap_or_else(|| "UnknownError".into());
    if name == "QuotaExceededError" {
        IdbError::QuotaExceeded
    } else {
        IdbError::Refused(name)
    }
}

/// The error of a failed request (its `error`), or of the event it failed with.
fn request_error(request: &IdbRequest, event: &JsValue) -> IdbError {
    match request.error() {
        Ok(Some(e)) => from_js(&e),
        _ => from_js(event),
    }
}

/// Resolves when the request succeeds (with its result) or fails.
async fn finish(request: &IdbRequest) -> Result<JsValue, IdbError> {
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    let outcome = JsFuture::from(promise).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    match outcome {
        Ok(_) => request.result().map_err(|e| from_js(&e)),
        Err(event) => Err(request_error(request, &event)),
    }
}

/// Resolves when the transaction has completed; an error or abort is its error.
async fn committed(tx: &IdbTransaction) -> Result<(), IdbError> {
    let promise = Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onerror(Some(&reject));
        tx.set_onabort(Some(&reject));
    });
    let outcome = JsFuture::from(promise).await;
    match outcome {
        Ok(_) => Ok(()),
        Err(event) => Err(tx.error().map_or_else(|| from_js(&event), |e| from_js(&e))),
    }
}

/// Whether this browser has the database at all, by `indexedDB.databases()` (which opens nothing, so it
/// creates nothing); `false` where the browser cannot say.
pub async fn exists() -> bool {
    let Some(factory) = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()) else {
        return false;
    };
    let list = js_sys::Reflect::get(&factory, &wasm_bindgen::JsValue::from_str("databases"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&factory).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let Some(list) = list else { return false };
    let Ok(dbs) = JsFuture::from(list).await else {
        return false;
    };
    js_sys::Array::from(&dbs).iter().any(|d| {
        js_sys::Reflect::get(&d, &wasm_bindgen::JsValue::from_str("name"))
            .ok()
            .and_then(|n| n.as_string())
            .as_deref()
            == Some(DB_NAME)
    })
}

/// An open database.
pub struct Db(IdbDatabase);

/// Opens the database, creating the object store on first use.
pub async fn open() -> Result<Db, IdbError> {
    if cfg!(not(target_arch = "wasm32")) {
        return Err(IdbError::Unavailable);
    }
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or(IdbError::Unavailable)?;
    let request = factory.open_with_u32(DB_NAME, DB_VERSION).map_err(|e| from_js(&e))?;
    let upgrade = {
        let request = request.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            let Some(db) = request.result().ok().and_then(|r| r.dyn_into::<IdbDatabase>().ok()) else {
                return;
            };
            if !db.object_store_names().contains(ARTICLES_STORE) {
                // A failure here aborts the upgrade, and the open request fails with it.
                let _ = db.create_object_store(ARTICLES_STORE);
            }
        })
    };
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
        // Another tab holds an older version open: say so instead of waiting for it to close.
        let blocked = Closure::once_into_js(move |_: JsValue| {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(BLOCKED));
        });
        request.set_onblocked(Some(blocked.unchecked_ref()));
    });
    let outcome = JsFuture::from(promise).await;
    request.set_onupgradeneeded(None);
    request.set_onblocked(None);
    request.set_onsuccess(None);
    request.set_onerror(None);
    let result = match outcome {
        Ok(_) => request.result().map_err(|e| from_js(&e)),
        Err(e) if e.as_string().as_deref() == Some(BLOCKED) => Err(IdbError::Blocked),
        Err(event) => Err(request_error(&request, &event)),
    };
    let db = result?
        .dyn_into::<IdbDatabase>()
        .map_err(|_| IdbError::Refused("NotADatabase".into()))?;
    // A newer version opened in another tab: close, so that tab is not blocked by this one.
    let on_version_change = {
        let db = db.clone();
        Closure::once_into_js(move |_: JsValue| db.close())
    };
    db.set_onversionchange(Some(on_version_change.unchecked_ref()));
    Ok(Db(db))
}

impl Db {
    /// The article store in a new transaction.
    fn store(&self, mode: IdbTransactionMode) -> Result<(IdbTransaction, IdbObjectStore), IdbError> {
        let tx = self
            .0
            .transaction_with_str_and_mode(ARTICLES_STORE, mode)
            .map_err(|e| from_js(&e))?;
        let store = tx.object_store(ARTICLES_STORE).map_err(|e| from_js(&e))?;
        Ok((tx, store))
    }

    /// Writes records (`(id, record)`) in one transaction: all or none.
    pub async fn put_all(&self, records: &[(String, String)]) -> Result<(), IdbError> {
        let (tx, store) = self.store(IdbTransactionMode::Readwrite)?;
        for (id, record) in records {
            if let Err(e) = store.put_with_key(&JsValue::from_str(record), &JsValue::from_str(id)) {
                let _ = tx.abort();
                return Err(from_js(&e));
            }
        }
        committed(&tx).await
    }

    /// Writes one record.
    pub async fn put(&self, id: &str, record: &str) -> Result<(), IdbError> {
        self.put_all(&[(id.to_string(), record.to_string())]).await
    }

    /// Deletes a record (the UI deletes with a mark first, see [`crate::core::own::OwnArticle::delete`];
    /// this is for purging).
    pub async fn delete(&self, id: &str) -> Result<(), IdbError> {
        let (tx, store) = self.store(IdbTransactionMode::Readwrite)?;
        store.delete(&JsValue::from_str(id)).map_err(|e| from_js(&e))?;
        committed(&tx).await
    }

    /// Every stored record as a string. A value that is not a string (written by something else) comes back
    /// as JSON text, so [`crate::core::own::store::decode`] reports it and nothing is silently dropped.
    pub async fn get_all(&self) -> Result<Vec<String>, IdbError> {
        let (_tx, store) = self.store(IdbTransactionMode::Readonly)?;
        let request = store.get_all().map_err(|e| from_js(&e))?;
        let values = finish(&request).await?;
        let values: Array = values.dyn_into().map_err(|_| IdbError::Refused("NotAnArray".into()))?;
        Ok(values
            .iter()
            .map(|v| {
                v.as_string().unwrap_or_else(|| {
                    js_sys::JSON::stringify(&v)
                        .ok()
                        .and_then(|s| s.as_string())
                        .unwrap_or_default()
                })
            })
            .collect())
    }
}
