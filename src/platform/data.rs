//! Data the static site ships beside the app (`data.js`: the build's analysis, as a JSON string in
//! `self.presseschauData`).

/// The build's analysis as JSON, when the page loaded `data.js`.
pub fn precomputed() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let window = web_sys::window()?;
        return js_sys::Reflect::get(&window, &wasm_bindgen::JsValue::from_str("presseschauData"))
            .ok()?
            .as_string();
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// The build the loaded data files belong to (`self.presseschauBuild`; `None` in a file without it, such
/// as a collection saved as one file).
pub fn build() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let window = web_sys::window()?;
        return js_sys::Reflect::get(&window, &wasm_bindgen::JsValue::from_str("presseschauBuild"))
            .ok()?
            .as_string()
            .filter(|b| !b.is_empty());
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Loads a data script of the static site (`data.js`, a page's share `data/<page>.js`, a whole list) and
/// reads the analysis it sets: `None` when the file is missing or unreadable.
pub fn load(file: &str, done: impl FnOnce(Option<crate::core::analysis::precomputed::Precomputed>) + 'static) {
    crate::platform::script::load(file, move |ok| {
        let json = ok.then(precomputed).flatten();
        done(json.and_then(|json| crate::core::analysis::precomputed::Precomputed::read(&json)));
    });
}
