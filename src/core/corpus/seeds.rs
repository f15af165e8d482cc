//! The seed files, embedded at compile time. `build.rs` lists every file in `seeds/`, so dropping a file
//! there (and rebuilding) is all it takes to add an article.

include!(concat!(env!("OUT_DIR"), "/seeds.rs"));
