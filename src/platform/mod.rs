//! The only module that touches browser APIs: storage, clipboard, download, location.
//! Everything here degrades to an `Err` (never a panic) when the API is missing, e.g. on file:// in some
//! browsers or in native tests.

pub mod clipboard;
pub mod clock;
pub mod data;
pub mod dom;
pub mod download;
pub mod files;
pub mod idb;
pub mod location;
pub mod model;
pub mod prefs;
pub mod script;
pub mod selection;
pub mod storage;
pub mod unload;
