//! Pure Rust core: no browser crate is imported here (`tests/architecture.rs` checks it).
//!
//! The pipeline, in order:
//! 1. [`corpus`]: raw seed files → clean [`corpus::Article`]s (title, date, outlet, blocks, removed boilerplate).
//! 2. [`render`]: view models the UI maps to nodes (Markdown events with highlight segments).
#![warn(missing_docs)]

pub mod analysis;
pub mod corpus;
pub mod error;
pub mod library;
pub mod render;
pub mod text;
