//! The native command line on the same core as the app.
//!
//! `presseschau analyze <files or folders> [--json]` prints the ingested corpus.

mod cli;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(cli::run(&args));
}
