//! Lab code: benchmarks, evaluation and training that only run on a developer's machine, through the
//! `presseschau` command line. Not compiled for wasm32 (see `src/lib.rs`), and nothing in `core`,
//! `platform` or `ui` uses it (`tests/architecture.rs`), so none of it ships in the app.

pub mod anchor_bench;
pub mod fuzz;
pub mod ner;
