//! Lab code: what trains and measures the app's models, used by the command line and the tests. Nothing
//! here is compiled for `wasm32` (see `src/lib.rs`); the app only loads and runs what this produces.

pub mod ner;
