//! Pure Rust core: no browser crate is imported here (`tests/architecture.rs` checks it).
//!
//! The pipeline, in order:
//! 1. [`corpus`]: raw seed files → clean [`corpus::Article`]s (title, date, outlet, blocks, removed boilerplate).
//! 2. [`analysis`]: what articles are about and how they relate (same-event links).
//! 3. [`render`]: view models the UI maps to nodes (Markdown events with highlight segments).
#![warn(missing_docs)]

pub mod analysis;
pub mod annotations;
pub mod article_view;
pub mod corpus;
pub mod entity_view;
pub mod error;
pub mod event_view;
pub mod highlights;
pub mod library;
pub mod own;
pub mod render;
pub mod search;
pub mod text;
