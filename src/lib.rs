//! Presseschau: a reader for German news that runs entirely in the browser.
//!
//! The crate has three layers (see `ARCHITECTURE.md`):
//! 1. [`core`]: pure Rust — corpus ingest, analysis, annotations, view models. Tested natively.
//! 2. `platform`: the only code that touches browser APIs (storage, clipboard, download, location).
//! 3. `ui`: the Yew app — routes, one reducer in a context, hooks, components, pages.
//!
//! Beside them, `lab` holds what only runs on a developer's machine (benchmarks, evaluation, training),
//! used by the native CLI and never compiled for the browser.

pub mod core;
#[cfg(not(target_arch = "wasm32"))]
pub mod lab;
#[cfg(feature = "web")]
pub mod platform;
#[cfg(feature = "web")]
pub mod ui;
