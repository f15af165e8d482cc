//! The statistical NER model: loading, tagging on char boundaries, span evaluation, training command,
//! and precision on the seeds.

use std::process::Command;

use presseschau::core::analysis::ner::model;
use presseschau::core::analysis::ner::{Model, NerKind, NerLabel, tag, tag_tokens, tokenize};
use presseschau::core::corpus::Corpus;
use presseschau::lab::ner::data::parse_germeval;
use presseschau::lab::ner::eval::{Evaluation, spans_of};
use presseschau::lab::ner::train::TrainConfig;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ner");

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{FIXTURES}/{name}")).unwrap()
}

/// The committed training sample as training sentences (outer labels).
fn train_sample_sentences() -> Vec<presseschau::lab::ner::data::Sentence> {
    parse_germeval("fixture", &fixture("train_sample.tsv"))
        .unwrap()
        .into_iter()
        .map(|s| presseschau::lab::ner::data::Sentence {
            tokens: s.tokens,
            labels: s.outer,
            domain: 0,
        })
        .collect()
}

#[test]
fn embedded_model_loads() {
    let m = model::embedded().expect("embedded model must load");
    assert!(
        m.feature_count() > 1000,
        "suspiciously small model: {} features",
        m.feature_count()
    );
    assert!(m.labels().contains(&NerLabel::Outside));
    assert_eq!(tag_tokens(&["Angela", "Merkel", "besucht", "Paris", "."]).len(), 5);
}

#[test]
fn corrupt_model_bytes_are_an_error_not_a_panic() {
    for bytes in [&b""[..], b"PSNER1\n", b"garbage that is not a model", &[0xff; 64]] {
        assert!(Model::from_bytes(bytes).is_err());
    }
    // every truncation of a real model is rejected
    let sentences = train_sample_sentences();
    let m = Model::train(
        &sentences,
        &TrainConfig {
            epochs: 2,
            ..TrainConfig::default()
        },
        &mut |_, _| {},
    )
    .unwrap();
    let bytes = m.to_bytes();
    assert!(Model::from_bytes(&bytes).is_ok());
    for cut in [1, 10, bytes.len() / 2, bytes.len() - 1] {
        assert!(Model::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
    }
}

fn words(s: &str) -> Vec<&str> {
    tokenize(s).into_iter().map(|t| t.text).collect()
}

#[test]
fn tokenizer_splits_punctuation_and_keeps_compounds() {
    let cases: &[(&str, &[&str])] = &[
        (
            "„Kreml-Chef“ Putin sagt: Nein!",
            &["„", "Kreml-Chef", "“", "Putin", "sagt", ":", "Nein", "!"],
        ),
        (
            "Dr. Müller (SPD) kam am 3. Mai.",
            &["Dr.", "Müller", "(", "SPD", ")", "kam", "am", "3.", "Mai", "."],
        ),
        (
            "Es kostet 3,5 Mio. Euro, z.B. für US-Marketing.",
            &[
                "Es",
                "kostet",
                "3,5",
                "Mio.",
                "Euro",
                ",",
                "z.B.",
                "für",
                "US-Marketing",
                ".",
            ],
        ),
        ("", &[]),
    ];
    for (text, want) in cases {
        assert_eq!(words(text), *want, "{text}");
    }
    let toks = tokenize("Er ging.\nDann kam sie. Und");
    let starts: Vec<&str> = toks.iter().filter(|t| t.sentence_start).map(|t| t.text).collect();
    assert_eq!(starts, ["Er", "Dann", "Und"]);
}

#[test]
fn spans_are_on_char_boundaries_with_umlauts() {
    let text = "Größter Ärger in Köln: Bürgermeisterin Henriette Reker trifft Jürgen Müller von der Deutschen Bahn in Düsseldorf.";
    let spans = tag(text);
    assert!(!spans.is_empty(), "no names found in {text}");
    let chars: Vec<char> = text.chars().collect();
    for s in &spans {
        assert!(s.start < s.end && s.end <= chars.len(), "{s:?}");
        let by_offsets: String = chars[s.start..s.end].iter().collect();
        assert_eq!(by_offsets, s.text, "offsets must be code points");
    }
    let found = |k: NerKind, t: &str| spans.iter().any(|s| s.kind == k && s.text == t);
    assert!(
        found(NerKind::Loc, "Köln") || found(NerKind::Loc, "Düsseldorf"),
        "{spans:?}"
    );
    assert!(
        found(NerKind::Per, "Henriette Reker") || found(NerKind::Per, "Jürgen Müller"),
        "{spans:?}"
    );
}

#[test]
fn tagging_odd_input_does_not_panic() {
    for text in [
        "",
        " ",
        "„",
        "...",
        "\u{00AD}",
        "ß-ß-ß",
        "A",
        "🙂 Emoji 🙂 Berlin",
        &"Wort ".repeat(2000),
    ] {
        let _ = tag(text);
    }
}

#[test]
fn span_extraction_follows_conlleval() {
    let l = |s: &str| s.split(' ').map(|x| x.parse::<NerLabel>().unwrap()).collect::<Vec<_>>();
    type Case<'a> = (&'a str, &'a [(usize, usize, &'a str)]);
    let cases: &[Case<'_>] = &[
        ("B-PER I-PER O B-LOC", &[(0, 2, "PER"), (3, 4, "LOC")]),
        ("I-ORG I-ORG O", &[(0, 2, "ORG")]),
        ("B-LOC B-LOC", &[(0, 1, "LOC"), (1, 2, "LOC")]),
        ("B-PER I-LOC", &[(0, 1, "PER"), (1, 2, "LOC")]),
        (
            "B-LOCderiv I-LOCderiv O B-ORGpart",
            &[(0, 2, "LOCderiv"), (3, 4, "ORGpart")],
        ),
    ];
    for (labels, want) in cases {
        let got: Vec<(usize, usize, String)> = spans_of(&l(labels))
            .into_iter()
            .map(|(a, b, k)| (a, b, k.to_string()))
            .collect();
        let want: Vec<(usize, usize, String)> = want.iter().map(|&(a, b, k)| (a, b, k.to_string())).collect();
        assert_eq!(got, want, "{labels}");
    }
}

/// Gold: PER "Angela Merkel", LOCderiv "deutsche", LOC "Köln", ORG "Deutsche Bahn", ORG "Siemens",
/// LOC "München". Predicted: PER ✓, LOC "deutsche" (right only coarsely), LOC ✓, ORG "Deutsche"
/// (wrong span), ORG ✓, PER "München" (wrong type).
#[test]
fn eval_scores_match_hand_computation() {
    let gold = parse_germeval("gold", &fixture("eval_gold.tsv")).unwrap();
    let pred = parse_germeval("pred", &fixture("eval_pred.tsv")).unwrap();
    let mut ev = Evaluation::default();
    for (g, p) in gold.iter().zip(&pred) {
        ev.add(&g.outer, &p.outer);
    }
    let close = |a: f64, b: f64| (a - b).abs() < 0.01;
    let f = ev.fine.total();
    assert_eq!((f.tp, f.fp, f.fn_), (3, 3, 3));
    assert!(close(f.precision(), 50.0) && close(f.recall(), 50.0) && close(f.f1(), 50.0));
    let c = ev.coarse.total();
    assert_eq!((c.tp, c.fp, c.fn_), (4, 2, 2));
    assert!(close(c.f1(), 66.67));
    let kind = |k: &str| ev.coarse.per_type[k];
    assert!(
        close(kind("LOC").precision(), 100.0) && close(kind("LOC").recall(), 66.67) && close(kind("LOC").f1(), 80.0)
    );
    assert!(close(kind("PER").precision(), 50.0) && close(kind("PER").recall(), 100.0));
    assert!(close(kind("ORG").f1(), 50.0));
}

fn cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_presseschau"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn eval_ner_command_prints_hand_computed_scores() {
    let out = cli(&[
        "eval",
        "ner",
        &format!("{FIXTURES}/eval_gold.tsv"),
        "--pred",
        &format!("{FIXTURES}/eval_pred.tsv"),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let all_lines: Vec<&str> = stdout.lines().filter(|l| l.starts_with("ALL")).collect();
    assert_eq!(all_lines.len(), 2, "{stdout}");
    assert!(
        all_lines[0].ends_with("66.67   66.67   66.67"),
        "coarse: {}",
        all_lines[0]
    );
    assert!(
        all_lines[1].ends_with("50.00   50.00   50.00"),
        "fine: {}",
        all_lines[1]
    );
}

#[test]
fn train_ner_command_trains_on_a_small_sample_and_eval_reads_the_model() {
    let dir = std::env::temp_dir().join(format!("presseschau-ner-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let model_path = dir.join("model.bin");
    let train_sample = |out: &std::path::Path| {
        let train = format!("germeval={FIXTURES}/train_sample.tsv");
        cli(&[
            "train-ner",
            "--corpora",
            &train,
            "--unlabeled",
            "none",
            "--sample",
            "200",
            "--epochs",
            "5",
            "--out",
            out.to_str().unwrap(),
        ])
    };
    let out = train_sample(&model_path);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&model_path).unwrap();
    let m = Model::from_bytes(&bytes).unwrap();
    // the model learned its training data
    let got = m.tag_tokens(&["Olaf", "Scholz", "reist", "nach", "Paris", "."]);
    assert_eq!(got[0].to_string(), "B-PER");
    assert_eq!(got[4].to_string(), "B-LOC");
    // deterministic: the same data gives the same bytes
    let again = dir.join("again.bin");
    let out2 = train_sample(&again);
    assert!(out2.status.success());
    assert_eq!(bytes, std::fs::read(&again).unwrap(), "training is not deterministic");
    // eval with that model writes predictions in the same format
    let pred = dir.join("pred.tsv");
    let out3 = cli(&[
        "eval",
        "ner",
        &format!("{FIXTURES}/eval_gold.tsv"),
        "--model",
        model_path.to_str().unwrap(),
        "--out",
        pred.to_str().unwrap(),
    ]);
    assert!(out3.status.success(), "{}", String::from_utf8_lossy(&out3.stderr));
    let written = parse_germeval("pred", &std::fs::read_to_string(&pred).unwrap()).unwrap();
    let gold = parse_germeval("gold", &fixture("eval_gold.tsv")).unwrap();
    assert_eq!(
        written.iter().map(|s| &s.tokens).collect::<Vec<_>>(),
        gold.iter().map(|s| &s.tokens).collect::<Vec<_>>()
    );
    // bad arguments are errors, not panics
    assert_eq!(cli(&["train-ner", "--corpora", "nosuchcorpus"]).status.code(), Some(2));
    assert_eq!(cli(&["eval", "ner", "/nonexistent/file.tsv"]).status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Section labels, boilerplate and common nouns must not be marked as names in the seeds.
#[test]
fn seeds_common_nouns_and_labels_are_not_names() {
    let corpus = Corpus::from_seeds();
    assert!(!corpus.articles.is_empty());
    let banned = [
        "Politik",
        "Hintergrund",
        "Anzeige",
        "Partner",
        "Regierung",
        "Präsident",
        "Werbung",
        "Startseite",
    ];
    for a in &corpus.articles {
        let mut texts = vec![a.title.text.clone()];
        texts.extend(a.blocks.iter().map(|b| b.text.clone()));
        texts.extend(a.removed().map(|(t, _)| t.to_string()));
        for text in &texts {
            for s in tag(text) {
                assert!(
                    !banned.contains(&s.text.as_str()),
                    "{}: `{}` marked as {:?} in: {text}",
                    a.id.0,
                    s.text,
                    s.kind
                );
            }
        }
    }
}

/// Knowledge-base rules (issue 4, Entities II): a derived KB form the model leaves `O` becomes
/// `deriv`, a hyphen compound headed by a KB name becomes `part`; names stay names.
#[test]
fn embedded_model_marks_kb_derived_words_and_compound_parts() {
    let m = model::embedded().unwrap();
    let cases: &[(&[&str], usize, &str)] = &[
        (&["Die", "deutschen", "Autobauer", "klagen", "."], 1, "B-LOCderiv"),
        (&["Ein", "SPD-Politiker", "widersprach", "."], 1, "B-ORGpart"),
        (&["Er", "fliegt", "nach", "Frankreich", "."], 3, "B-LOC"),
        (&["Die", "neuen", "Autobauer", "klagen", "."], 1, "O"),
    ];
    for &(tokens, i, want) in cases {
        let got = m.tag_tokens(tokens);
        assert_eq!(got[i].to_string(), want, "{tokens:?}: {got:?}");
    }
}

#[test]
fn europarl_lower_case_misc_becomes_locderiv() {
    use presseschau::lab::ner::data::CorpusKind;
    let text = "Die\tDie\tART\tO\tO\neuropäischen\teuropäischen\tADJA\tO\tI-MISC\nBürger\tBürger\tNN\tO\tO\n\n\
Die\tDie\tART\tO\tO\nGemeinsame\tGemeinsame\tADJA\tO\tI-MISC\nAgrarpolitik\tAgrarpolitik\tNN\tO\tI-MISC\n";
    let s = CorpusKind::Europarl.parse("europarl", text).unwrap();
    let labels: Vec<Vec<String>> = s
        .iter()
        .map(|s| s.labels.iter().map(ToString::to_string).collect())
        .collect();
    assert_eq!(labels, [["O", "B-LOCderiv", "O"], ["O", "B-OTH", "I-OTH"]]);
}

#[test]
fn unlabelled_text_adds_nouns_after_determiners_only() {
    use presseschau::core::analysis::ner::features::Lexicon;
    let sent = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<String>>();
    let text = [
        sent("Er kaufte einen Tisch und den Stuhl ."),
        sent("Sie sah den Tisch und Merkel und die Stuhl ."),
        sent("Dann sprach Merkel mit dem Bundestag und der Bundestag ."),
    ];
    let labelled_tokens = sent("Im Bundestag sprach Merkel .");
    let named = vec![false, true, false, true, false];
    let mut lex = Lexicon::default();
    lex.add_unlabeled(
        text.iter().map(Vec::as_slice),
        std::iter::once((labelled_tokens.as_slice(), named)),
        presseschau::lab::ner::train::LOWER_SEEN_MIN_COUNT,
    );
    for (word, noun) in [
        ("tisch", true),
        ("stuhl", true),
        ("merkel", false),
        ("bundestag", false),
    ] {
        assert_eq!(lex.common_nouns.contains(word), noun, "{word}");
    }
    assert!(lex.lower_seen.contains("und"));
}

#[test]
fn unlabeled_option_rejects_germeval_and_unknown_names() {
    let train = format!("germeval={FIXTURES}/train_sample.tsv");
    for bad in ["germeval", "nosuch"] {
        let out = cli(&[
            "train-ner",
            "--corpora",
            &train,
            "--unlabeled",
            bad,
            "--out",
            "never-written.bin",
        ]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--unlabeled"), "{bad}: {err}");
    }
}

/// The tagger's output, pinned: labels of the fixture sentences and TSVs, the spans of every seed
/// article, and a checksum of the feature keys of the fixture sentences. Speed work on the feature
/// extractor and decoder must leave all of it unchanged (the committed model was trained with these
/// features). After a deliberate change (a new model or new features), rewrite the file with
/// `NER_GOLDEN_WRITE=1 cargo test --no-default-features --test ner tagging_output_is_pinned` and
/// check its diff.
#[test]
fn tagging_output_is_pinned() {
    use presseschau::core::analysis::ner::features::{Gazetteer, sentence_features};
    use presseschau::core::analysis::ner::gazetteer::kb_gazetteer;
    use std::fmt::Write as _;

    let m = model::embedded().unwrap();
    let mut out = String::new();
    let mut sentences: Vec<Vec<String>> = Vec::new();
    for line in fixture("tagging_sentences.txt").lines() {
        sentences.push(tokenize(line).iter().map(|t| t.text.to_string()).collect());
    }
    for name in ["train_sample.tsv", "eval_gold.tsv"] {
        sentences.extend(
            parse_germeval(name, &fixture(name))
                .unwrap()
                .into_iter()
                .map(|s| s.tokens),
        );
    }
    let (mut keys, mut offsets, mut gaz) = (Vec::new(), Vec::new(), Vec::new());
    for s in &sentences {
        let words: Vec<&str> = s.iter().map(String::as_str).collect();
        let labels = m.tag_tokens(&words);
        let tagged: Vec<String> = words.iter().zip(&labels).map(|(w, y)| format!("{w}/{y}")).collect();
        out.push_str(&tagged.join(" "));
        kb_gazetteer().annotate(&words, &mut gaz);
        sentence_features(&words, m.feature_set(), m.lexicon(), &gaz, &mut keys, &mut offsets);
        // FNV-1a over the keys and the per-token offsets
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for v in keys
            .iter()
            .map(|&k| u64::from(k))
            .chain(offsets.iter().map(|&o| o as u64))
        {
            h = (h ^ v).wrapping_mul(0x0100_0000_01b3);
        }
        let _ = writeln!(out, "\n  {} keys, checksum {h:016x}", keys.len());
    }
    for a in &Corpus::from_seeds().articles {
        let _ = write!(out, "{}:", a.id.0);
        for s in tag(&a.text()) {
            let _ = write!(out, " {}..{} {} {:?};", s.start, s.end, s.kind.as_str(), s.text);
        }
        out.push('\n');
    }
    let path = format!("{FIXTURES}/tagging_golden.txt");
    if std::env::var_os("NER_GOLDEN_WRITE").is_some() {
        std::fs::write(&path, &out).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).expect("tests/fixtures/ner/tagging_golden.txt");
    for (i, (a, b)) in want.lines().zip(out.lines()).enumerate() {
        assert_eq!(a, b, "line {} of tagging_golden.txt differs (expected, got)", i + 1);
    }
    assert_eq!(want.lines().count(), out.lines().count(), "number of lines differs");
}

/// A model with one transition matrix per token class (`class-transitions`) and one without are both
/// written and read back exactly and tag the same after the round trip.
#[test]
fn class_transition_models_round_trip() {
    use presseschau::core::analysis::ner::features::FeatureSet;
    let sentences = train_sample_sentences();
    let base = TrainConfig {
        epochs: 3,
        ..TrainConfig::default()
    };
    let with = TrainConfig {
        features: FeatureSet(base.features.0 | FeatureSet::CLASS_TRANSITIONS),
        ..base.clone()
    };
    let probe = ["Präsident", "Olaf", "Scholz", "reist", "nach", "Berlin", "."];
    let mut sizes = Vec::new();
    for config in [&base, &with] {
        let m = Model::train(&sentences, config, &mut |_, _| {}).unwrap();
        let bytes = m.to_bytes();
        let back = Model::from_bytes(&bytes).unwrap();
        assert_eq!(back.to_bytes(), bytes);
        assert_eq!(back.feature_set(), config.features);
        assert_eq!(back.tag_tokens(&probe), m.tag_tokens(&probe));
        assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        sizes.push(bytes.len());
    }
    // the extra matrices are stored: (K - 1) × (L + 1) × L more i16 than without
    assert!(sizes[1] > sizes[0], "{sizes:?}");
}

/// Passive-aggressive updates (`--update pa`) whose step is always the cap of 1 (a huge cost per wrong token)
/// are the perceptron's unit steps: the same model file, byte for byte; a finite cost gives another model.
#[test]
fn pa_updates_capped_at_one_are_the_perceptron() {
    use presseschau::lab::ner::train::Update;
    let sentences = train_sample_sentences();
    let base = TrainConfig {
        epochs: 3,
        ..TrainConfig::default()
    };
    let train = |update| {
        let config = TrainConfig { update, ..base.clone() };
        Model::train(&sentences, &config, &mut |_, _| {}).unwrap().to_bytes()
    };
    let perceptron = train(Update::Perceptron);
    assert_eq!(train(Update::Pa { cost: 1e9, cap: 1.0 }), perceptron);
    assert_ne!(train(Update::Pa { cost: 20.0, cap: 1.0 }), perceptron);
}

/// Placeholders of the reconstructed train split (issue 12): no feature comes from the placeholder string
/// but its casing class (and, with `placeholder-id`, its id).
#[test]
fn placeholders_give_only_casing_and_context_features() {
    use presseschau::core::analysis::ner::features::{FeatureSet, Lexicon, sentence_features};
    let set = FeatureSet(FeatureSet::all().0 | FeatureSet::CASING | FeatureSet::PLACEHOLDER_SHAPE);
    let keys = |tokens: &[&str]| {
        let (mut k, mut o) = (Vec::new(), Vec::new());
        sentence_features(tokens, set, &Lexicon::default(), &[], &mut k, &mut o);
        k[o[0]..o[1]].to_vec()
    };
    let a = keys(&["<UNK:initialUpper:w30223>", "sagte", "gestern"]);
    assert_eq!(
        a,
        keys(&["<UNK:initialUpper:w7>", "sagte", "gestern"]),
        "the id must not matter"
    );
    assert_eq!(a, keys(&["<UNK:initialUpper:oov>", "sagte", "gestern"]));
    assert_ne!(
        a,
        keys(&["<UNK:allLower:w30223>", "sagte", "gestern"]),
        "the casing must matter"
    );
    let word = keys(&["Fischer", "sagte", "gestern"]);
    assert!(
        a.len() + 9 < word.len(),
        "no affix or word features: {} vs {}",
        a.len(),
        word.len()
    );
    // a real word shares the casing, shape and context features of a placeholder of its casing
    let shared = a.iter().filter(|k| word.contains(k)).count();
    assert_eq!(
        shared,
        a.len(),
        "every placeholder feature also fires for a real word of that casing"
    );
    // with placeholder-id, the id is one more feature
    let with_id = FeatureSet(set.0 | FeatureSet::PLACEHOLDER_ID);
    let (mut k, mut o) = (Vec::new(), Vec::new());
    sentence_features(
        &["<UNK:initialUpper:w30223>", "sagte"],
        with_id,
        &Lexicon::default(),
        &[],
        &mut k,
        &mut o,
    );
    assert_eq!(o[1] - o[0], a.len() + 1);
}

#[test]
fn casing_classes_follow_the_train_split() {
    use presseschau::core::analysis::ner::features::casing;
    let table = [
        ("Fischer", "initialUpper"),
        ("sagte", "allLower"),
        ("SPD", "allUpper"),
        ("1998", "numeric"),
        ("3,5", "mainly_numeric"),
        ("B52-Bomber", "initialUpper"),
        ("über", "other"),
        ("Österreich", "other"),
        ("Bürger", "initialUpper"),
        ("iPhone", "other"),
        ("x2y", "allLower"),
        ("-", "other"),
    ];
    for (w, want) in table {
        assert_eq!(casing(w), want, "{w}");
    }
}

/// The README's A/B protocol: train words that only the scored half has become placeholders.
#[test]
fn hiding_the_words_of_one_dev_half() {
    use presseschau::lab::ner::data::{Sentence, hide_words_of};
    let s = |t: &str| Sentence {
        tokens: t.split(' ').map(String::from).collect(),
        labels: vec![NerLabel::Outside; t.split(' ').count()],
        domain: 0,
    };
    let mut train = vec![s("Fischer sagte in Bonn"), s("Bonn und Berlin")];
    let hidden = hide_words_of(&mut train, &[s("Fischer in Bonn")], &[s("Bonn sagte")]);
    assert_eq!(hidden, 2);
    assert_eq!(
        train[0].tokens,
        ["<UNK:initialUpper:oov>", "sagte", "<UNK:allLower:oov>", "Bonn"]
    );
    assert_eq!(train[1].tokens, ["Bonn", "und", "Berlin"]);
}

/// Names carry the model's confidence; the reader's threshold is a documented constant.
#[test]
fn spans_carry_a_confidence() {
    let spans = tag("Bundeskanzler Olaf Scholz traf am Montag in Paris den französischen Präsidenten.");
    assert!(!spans.is_empty());
    for s in &spans {
        assert!(s.confidence.is_finite() && s.confidence >= 0.0, "{s:?}");
    }
    let m = model::embedded().unwrap();
    let (labels, margins) = m.tag_tokens_scored(&["Olaf", "Scholz", "reist", "nach", "Paris", "."]);
    assert_eq!(labels, m.tag_tokens(&["Olaf", "Scholz", "reist", "nach", "Paris", "."]));
    assert_eq!(margins.len(), 6);
    const { assert!(presseschau::core::analysis::ner::SHOW_THRESHOLD >= 0.0) };
}
