//! Time and randomness from the browser (for annotation ids and timestamps).

/// Milliseconds since the epoch.
pub fn now_millis() -> u64 {
    let ms = js_sys::Date::now();
    if ms.is_finite() && ms > 0.0 { ms as u64 } else { 0 }
}

/// The current time as ISO 8601 in UTC (`2026-11-21T16:42:12.595Z`).
pub fn now_iso() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_else(|| "1970-01-01T00:00:00.000Z".into())
}

/// A random 64-bit number (Math.random is fine for ids; nothing here is secret).
pub fn random_u64() -> u64 {
    let hi = (js_sys::Math::random() * f64::from(u32::MAX)) as u64;
    let lo = (js_sys::Math::random() * f64::from(u32::MAX)) as u64;
    (hi << 32) | lo
}

/// A named point on the page's performance timeline (`performance.mark`), for start-up measurements
/// (`tools/startup.mjs` prints them). Does nothing where there is no `performance`, and in native builds
/// (the reducer and render tests build the app state natively).
pub fn mark(name: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}
