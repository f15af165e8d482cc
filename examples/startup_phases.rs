//! Times the start-up phases of the app natively: ingest, KB matcher, NER, linking.
fn main() {
    use presseschau::core::analysis::{detected::detect_corpus, entities::analyze_corpus};
    use std::time::Instant;
    let t = Instant::now();
    let corpus = presseschau::core::corpus::Corpus::from_seeds();
    let t1 = t.elapsed();
    let entities = analyze_corpus(&corpus);
    let t2 = t.elapsed();
    let detected = detect_corpus(&corpus, &entities);
    let t3 = t.elapsed();
    let links = presseschau::core::event_view::link_corpus(&corpus, &entities);
    let t4 = t.elapsed();
    println!(
        "ingest {:?}, KB matcher + mentions {:?}, NER {:?}, linking {:?} (groups {}, links {}, detected {})",
        t1,
        t2 - t1,
        t3 - t2,
        t4 - t3,
        detected.groups.len(),
        links.links.len(),
        entities.entities.len()
    );
}
