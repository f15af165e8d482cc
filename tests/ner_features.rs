//! NER feature groups of issue 12's fifth round: compound heads and word clusters (training, the model file,
//! tagging).

use presseschau::core::analysis::ner::Model;
use presseschau::core::analysis::ner::features::{FeatureSet, Lexicon, sentence_features};
use presseschau::lab::ner::data::{Sentence, parse_germeval};
use presseschau::lab::ner::train::TrainConfig;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ner");

fn train_sample_sentences() -> Vec<Sentence> {
    let text = std::fs::read_to_string(format!("{FIXTURES}/train_sample.tsv")).unwrap();
    parse_germeval("fixture", &text)
        .unwrap()
        .into_iter()
        .map(|s| Sentence {
            tokens: s.tokens,
            labels: s.outer,
            domain: 0,
        })
        .collect()
}

/// The keys of the first token of `tokens`.
fn keys(tokens: &[&str], set: FeatureSet, lexicon: &Lexicon) -> Vec<u32> {
    let (mut k, mut o) = (Vec::new(), Vec::new());
    sentence_features(tokens, set, lexicon, &[], &mut k, &mut o);
    k[o[0]..o[1]].to_vec()
}

/// A capitalised word ending in a common noun of the lexicon gets its head as a feature (the longest such
/// end, leaving at least three chars before it); words without a head, lower-case words and hyphen compounds
/// get no head.
#[test]
fn compound_heads_are_the_longest_common_noun_end() {
    let mut lexicon = Lexicon::default();
    for w in ["anstalt", "stalt", "hafen", "see"] {
        lexicon.common_nouns.insert(w.to_string());
    }
    let base = FeatureSet::all();
    let set = FeatureSet(base.0 | FeatureSet::COMPOUND_HEAD);
    let extra = |t: &str| {
        let with = keys(&[t, "liegt"], set, &lexicon);
        let without = keys(&[t, "liegt"], base, &lexicon);
        with.into_iter().filter(|k| !without.contains(k)).collect::<Vec<u32>>()
    };
    let tötung = extra("Tötungsanstalt");
    assert_eq!(tötung.len(), 2, "head and 'has a head'");
    // the same head, whatever comes before it
    assert_eq!(extra("Verwahranstalt"), tötung);
    // the longest end wins: "anstalt", not "stalt"
    assert_ne!(extra("Tötungsstalt")[0], tötung[0]);
    assert_ne!(extra("Flughafen")[0], tötung[0]);
    // three chars at least before the head: "Chiemsee" has one, "Anstalt" itself has none
    assert_eq!(extra("Chiemsee").len(), 2);
    assert_eq!(extra("Anstalt").len(), 1, "only 'no head'");
    assert_eq!(extra("Fischer").len(), 1, "only 'no head'");
    assert!(extra("anstaltsweise").is_empty(), "lower case: nothing");
    assert!(
        extra("Flug-Hafen").is_empty(),
        "hyphen compounds have their own features"
    );
    assert!(extra("<UNK:initialUpper:w12>").is_empty(), "placeholders: nothing");
}

/// A model with word clusters stores the cluster table of real words (not the placeholder ids, which only
/// training sees), reads it back exactly and tags the same.
#[test]
fn cluster_models_round_trip() {
    let sentences = train_sample_sentences();
    let mut unlabeled: Vec<Vec<String>> = Vec::new();
    for s in &sentences {
        unlabeled.push(s.tokens.clone());
        unlabeled.push(s.tokens.clone());
    }
    let base = TrainConfig {
        epochs: 2,
        ..TrainConfig::default()
    };
    let config = TrainConfig {
        features: FeatureSet(base.features.0 | FeatureSet::CLUSTERS),
        cluster_k: 8,
        cluster_vocab: 200,
        cluster_placeholders: true,
        ..base
    };
    let m = Model::train_with(&sentences, &unlabeled, &config, &mut |_, _| {}).unwrap();
    let clusters = &m.lexicon().clusters;
    assert!(!clusters.is_empty());
    assert!(clusters.values().all(|&c| c < 8));
    let bytes = m.to_bytes();
    let back = Model::from_bytes(&bytes).unwrap();
    assert_eq!(back.to_bytes(), bytes);
    let stored = &back.lexicon().clusters;
    assert!(!stored.is_empty() && stored.keys().all(|w| !w.starts_with('<')));
    assert_eq!(stored.len(), clusters.keys().filter(|w| !w.starts_with('<')).count());
    let probe = ["Präsident", "Olaf", "Scholz", "reist", "nach", "Berlin", "."];
    assert_eq!(back.tag_tokens(&probe), m.tag_tokens(&probe));
    assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    // the same data, the same clusters
    let again = Model::train_with(&sentences, &unlabeled, &config, &mut |_, _| {}).unwrap();
    assert_eq!(again.to_bytes(), bytes);
}
