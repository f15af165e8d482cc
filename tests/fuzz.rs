//! The short version of `presseschau fuzz` (issue 14): generated hostile inputs through ingest, stored
//! notes, note-set and passage links, W3C import, search queries and own articles (web pages, article
//! links, stored records) — none may panic. The full run is a command
//! (`presseschau fuzz --n 1000000`), not a CI test.

use presseschau::lab::fuzz;

#[test]
fn generated_inputs_never_panic_any_parser() {
    let counts = fuzz::run(3_000, 7);
    assert_eq!(counts.targets.len(), 9);
    for (target, ran, accepted) in &counts.targets {
        assert_eq!(*ran, 3_000, "{target}");
        // The generator reaches both sides of every parser: some inputs pass, some are refused.
        assert!(
            *accepted < *ran,
            "{target}: every input accepted — the mutations do nothing"
        );
        if *target != "passage link" {
            assert!(
                *accepted > 0,
                "{target}: no input accepted — the examples are not valid"
            );
        }
    }
}

#[test]
fn mutations_are_repeatable_and_bounded() {
    let (mut a, mut b) = (fuzz::Rng::new(3), fuzz::Rng::new(3));
    for _ in 0..1000 {
        let x = fuzz::mutate(&mut a, b"{\"version\":2}", b"abc");
        assert_eq!(x, fuzz::mutate(&mut b, b"{\"version\":2}", b"abc"));
        assert!(x.len() <= fuzz::MAX_INPUT_BYTES);
    }
}
