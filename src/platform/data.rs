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
