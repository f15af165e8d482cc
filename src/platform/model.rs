//! The NER model in the browser: the app does not carry it; the static site ships it as `model.js`
//! (`self.presseschauModel`, base64), loaded by a script element only when text needs it.

/// Calls `done` once the model can be used: at once when it is loaded (always natively), otherwise after
/// loading `model.js`. If the file cannot be loaded or read, `done` is called all the same: the names only
/// the model finds are then missing, nothing else.
pub fn ensure(done: impl FnOnce() + 'static) {
    if crate::core::analysis::ner::model::is_loaded() {
        done();
    } else if crate::platform::script::global_value("presseschauModel").is_some() {
        // already on the page (a one-file collection carries it)
        install_from_global();
        done();
    } else if cfg!(target_arch = "wasm32") {
        crate::platform::clock::mark("presseschau:model-requested");
        crate::platform::script::load("model.js", move |ok| {
            if ok {
                install_from_global();
            }
            done();
        });
    }
}

/// Reads `self.presseschauModel` (base64) and installs it.
fn install_from_global() {
    use base64::Engine;
    let Some(b64) = crate::platform::script::global_value("presseschauModel") else {
        return;
    };
    if let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(b64.as_bytes()) {
        let _ = crate::core::analysis::ner::model::install(&bytes);
        crate::platform::clock::mark("presseschau:model-loaded");
    }
}
