//! Prints the names only the statistical model finds in the seeds (after the precision guard).
fn main() {
    use presseschau::core::analysis::{detected::detect_corpus, entities::analyze_corpus};
    let corpus = presseschau::core::corpus::Corpus::from_seeds();
    let found = detect_corpus(&corpus, &analyze_corpus(&corpus));
    for g in &found.groups {
        println!("{} {:?} {} ({} mentions)", g.id, g.kind, g.label, g.mention_count);
    }
    println!("{} detected groups", found.groups.len());
}
