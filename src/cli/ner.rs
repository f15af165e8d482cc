//! `train-ner`, `eval ner` and `eval ner-cv`: train the NER model and measure it on GermEval TSV.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use presseschau::core::analysis::ner;
use presseschau::core::analysis::ner::features::FeatureSet;
use presseschau::core::analysis::ner::model;
use presseschau::core::analysis::ner::{Model, NerLabel};
use presseschau::lab::ner::bias;
use presseschau::lab::ner::data::{self, CorpusKind, Sentence};
use presseschau::lab::ner::eval::{Evaluation, ThresholdTable};
use presseschau::lab::ner::stack::{StackConfig, train_stacked, without_second};
use presseschau::lab::ner::train::{TrainConfig, Update};

pub const USAGE: &str = "  presseschau train-ner [--data ../shared/data] [--out src/core/analysis/ner/model.bin]
        [--corpora germeval-train,smartdata,mobie,europarl,europeana,…|name=file] [--sample N]
        [--unlabeled smartdata,mobie,europarl,legal,europeana,biofid,same-event|none]
        [--epochs 10] [--coarse] [--features all,-bigram,casing,placeholder-shape,placeholder-id,compound-head] [--min-weight 1.5] [--min-count 3] [--seed 42]
        [--hash-bits 18|0|12–24] [--weight-bits 8|16] [--weight-clip 1.0] [--lower-min 20] [--shift|--no-shift] [--drop-placeholder-names]
        [--name-dropout P] [--train-split-copies N] [--domain-adapt|--no-domain-adapt] [--margin M] [--cluster-k 128] [--cluster-vocab 10000] [--cluster-placeholders] [--mix 3]
        [--update perceptron|pa] [--pa-cost 20] [--pa-cap 1] [--o-bias 0]
        [--stack 0|K] [--stack-mix 1] [--stack-epochs 5] [--stack-soup 1] [--stack-pa-cost C] [--stack-confidence] [--stack-all-corpora] [--stack-named|--stack-windows|--stack-everywhere]
                                              train the NER model (corpora: germeval (dev) germeval-train smartdata mobie europarl
                                              legal europeana biofid; `:N` caps a corpus at N sentences;
                                              --unlabeled: text whose words enlarge the noun lexicon;
                                              --stack K: a stacked second pass trained on K jackknife folds, 0 = none;
                                              --stack-named: it runs only where the first pass found a name;
                                              --stack-windows: only within two tokens of the first pass's names;
                                              --stack-soup N: the second pass averaged over N shuffles;
                                              --o-bias B: decode with B subtracted from O's score at every token,
                                              stored in the model file)
  presseschau eval ner <file.tsv> [--out pred.tsv] [--model path] [--pred pred.tsv] [--o-bias B]
                                              tag GermEval TSV, write predictions, print span P/R/F1
                                              (--pred: score an existing prediction file instead;
                                              --o-bias: decode with that bias instead of the model's)
  presseschau eval ner-news [--data ../shared/data] [--texts 50] [--sample 100] [--seed 1]
                                              the reader's pipeline (KB + model) over same-event news texts:
                                              detected-only names, and a random sample to check by hand
  presseschau eval ner-cv [--folds 5] [--heldout [--out model.bin] [--sweep|--sweep-weights 0.5,1,1.5]
        [--tune-o-bias 0,1,2 [--tune-slice 10]]|--halves] [train-ner options]
                                              k-fold CV on GermEval dev (other corpora always in training);
                                              --heldout: train without dev, score all of dev (--out: write that model);
                                              --tune-o-bias: first pick --o-bias on the last --tune-slice % of the
                                              train split, trained without it (never on dev);
                                              --halves: the train split's README protocol (dev halves A/B)
";

/// The committed model's training data: GermEval's reconstructed train split and four other corpora. Not
/// GermEval dev: it stays held out, for the scores and the confidence threshold in `docs/ner.md`.
const DEFAULT_CORPORA: &str = "germeval-train,smartdata,mobie,europarl,europeana";
/// Text read without its labels, for the noun lexicon: every corpus but GermEval, and the news texts
/// of `same-event-de`.
const DEFAULT_UNLABELED: &str = "smartdata,mobie,europarl,legal,europeana,biofid,same-event";
/// The news texts of the same-event data set (JSON lines; `title_*`/`text_*` fields).
const SAME_EVENT_FILE: &str = "same-event-de/semeval2022-task8_train_de-de_texts.dev.jsonl";

/// Reads the unlabelled text: tokens of the listed corpora (labels ignored; `germeval` is refused so
/// dev never leaks into the lexicon) and the same-event news texts, tokenised by the tagger's
/// tokenizer and split into sentences. `none` or an empty list reads nothing.
fn load_unlabeled(o: &TrainOptions) -> Result<Vec<Vec<String>>, String> {
    let mut out: Vec<Vec<String>> = Vec::new();
    for name in o.unlabeled.split(',').filter(|s| !s.is_empty() && *s != "none") {
        if name == "same-event" {
            let f = o.data.join(SAME_EVENT_FILE);
            let text = std::fs::read_to_string(&f).map_err(|e| format!("{}: cannot read: {e}", f.display()))?;
            let mut seen = HashSet::new();
            for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
                let v: serde_json::Value =
                    serde_json::from_str(line).map_err(|e| format!("{} line {}: {e}", f.display(), n + 1))?;
                for key in ["title_1", "title_2", "text_1", "text_2"] {
                    let Some(t) = v.get(key).and_then(|t| t.as_str()) else {
                        continue;
                    };
                    if !seen.insert(t.to_string()) {
                        continue;
                    }
                    let tokens = presseschau::core::analysis::ner::tokenize(t);
                    let mut cur: Vec<String> = Vec::new();
                    for tok in tokens {
                        if tok.sentence_start && !cur.is_empty() {
                            out.push(std::mem::take(&mut cur));
                        }
                        cur.push(tok.text.to_string());
                    }
                    if !cur.is_empty() {
                        out.push(cur);
                    }
                }
            }
            continue;
        }
        let kind = CorpusKind::from_name(name)
            .filter(|k| *k != CorpusKind::GermEval)
            .ok_or_else(|| format!("--unlabeled: `{name}` is not a corpus other than germeval, nor same-event"))?;
        for f in kind.files() {
            let f = o.data.join(f);
            let text = std::fs::read_to_string(&f).map_err(|e| format!("{}: cannot read: {e}", f.display()))?;
            out.extend(
                kind.parse(&f.display().to_string(), &text)
                    .map_err(|e| e.to_string())?
                    .into_iter()
                    .map(|s| s.tokens),
            );
        }
    }
    if !out.is_empty() {
        eprintln!(
            "unlabeled  {:>6} sentences, {:>8} tokens",
            out.len(),
            out.iter().map(Vec::len).sum::<usize>()
        );
    }
    Ok(out)
}

/// Options shared by training and cross-validation.
#[derive(Clone)]
struct TrainOptions {
    data: PathBuf,
    corpora: String,
    unlabeled: String,
    sample: Option<usize>,
    config: TrainConfig,
    /// Drop train-split sentences whose names are all placeholders.
    drop_placeholder_names: bool,
    /// Word dropout on named tokens ([`data::drop_name_words`]).
    name_dropout: f64,
    /// The train split this many times in the training data (in-domain weight; 1 = once).
    train_split_copies: usize,
    /// The stacked second pass (`--stack K`: K jackknife folds; 0 = none, the default: measured in round 6, not
    /// kept).
    stack: StackConfig,
    /// Subtracted from `O`'s emission score at every token when decoding ([`Model::o_bias`]; 0 = none, the
    /// default).
    o_bias: f32,
}

/// The sentences `load` read: GermEval dev, the reconstructed train split, the other corpora.
struct Loaded {
    dev: Vec<Sentence>,
    train_split: Vec<Sentence>,
    others: Vec<Sentence>,
}

/// `--update pa` (or a `--pa-…` option): passive-aggressive updates, keeping settings already given.
fn pa_update(current: Update) -> Update {
    match current {
        Update::Perceptron => Update::Pa { cost: 20.0, cap: 1.0 },
        pa => pa,
    }
}

fn value<'a>(args: &'a [String], i: &mut usize, flag: &str) -> Result<&'a str, String> {
    *i += 1;
    args.get(*i)
        .map(String::as_str)
        .ok_or_else(|| format!("{flag} needs a value"))
}

fn number<T: std::str::FromStr>(s: &str, flag: &str) -> Result<T, String> {
    s.parse().map_err(|_| format!("{flag}: `{s}` is not a valid number"))
}

/// Parses the training options; returns them and the arguments it did not know.
/// Options the training parser leaves to the command: (flag, value).
type Rest = Vec<(String, Option<String>)>;

fn parse_train_options(args: &[String]) -> Result<(TrainOptions, Rest), String> {
    let mut o = TrainOptions {
        data: PathBuf::from("../shared/data"),
        corpora: DEFAULT_CORPORA.to_string(),
        unlabeled: DEFAULT_UNLABELED.to_string(),
        sample: None,
        config: TrainConfig::default(),
        drop_placeholder_names: false,
        name_dropout: 0.0,
        train_split_copies: 1,
        stack: StackConfig {
            folds: 0,
            fold_mix: 1,
            epochs: 5,
            in_domain: true,
            confidence: false,
            named_only: false,
            windows: false,
            soup: 1,
            update: Update::Perceptron,
        },
        o_bias: 0.0,
    };
    let mut rest = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "--data" => o.data = PathBuf::from(value(args, &mut i, a)?),
            "--corpora" => o.corpora = value(args, &mut i, a)?.to_string(),
            "--unlabeled" => o.unlabeled = value(args, &mut i, a)?.to_string(),
            "--sample" => o.sample = Some(number(value(args, &mut i, a)?, a)?),
            "--epochs" => o.config.epochs = number(value(args, &mut i, a)?, a)?,
            "--seed" => o.config.seed = number(value(args, &mut i, a)?, a)?,
            "--min-weight" => o.config.min_weight = number(value(args, &mut i, a)?, a)?,
            "--min-count" => o.config.min_count = number(value(args, &mut i, a)?, a)?,
            "--coarse" => o.config.fine = false,
            "--domain-adapt" => o.config.domain_adapt = true,
            "--no-domain-adapt" => o.config.domain_adapt = false,
            "--margin" => o.config.margin = number(value(args, &mut i, a)?, a)?,
            "--cluster-k" => o.config.cluster_k = number(value(args, &mut i, a)?, a)?,
            "--cluster-vocab" => o.config.cluster_vocab = number(value(args, &mut i, a)?, a)?,
            "--cluster-placeholders" => o.config.cluster_placeholders = true,
            "--mix" => o.config.mix = number(value(args, &mut i, a)?, a)?,
            "--update" => {
                o.config.update = match value(args, &mut i, a)? {
                    "perceptron" => Update::Perceptron,
                    "pa" => pa_update(o.config.update),
                    v => return Err(format!("--update: perceptron or pa, not {v}")),
                }
            }
            "--pa-cost" | "--pa-cap" => {
                let v: f32 = number(value(args, &mut i, a)?, a)?;
                o.config.update = pa_update(o.config.update);
                if let Update::Pa { cost, cap } = &mut o.config.update {
                    *if a == "--pa-cost" { cost } else { cap } = v;
                }
            }
            "--shift" => o.config.shift = true,
            "--no-shift" => o.config.shift = false,
            "--lower-min" => o.config.lower_min_count = number(value(args, &mut i, a)?, a)?,
            "--hash-bits" => o.config.hash_bits = number(value(args, &mut i, a)?, a)?,
            "--weight-bits" => o.config.weight_bits = number(value(args, &mut i, a)?, a)?,
            "--weight-clip" => o.config.weight_clip = number(value(args, &mut i, a)?, a)?,
            "--drop-placeholder-names" => o.drop_placeholder_names = true,
            "--name-dropout" => o.name_dropout = number(value(args, &mut i, a)?, a)?,
            "--train-split-copies" => o.train_split_copies = number(value(args, &mut i, a)?, a)?,
            "--stack" => o.stack.folds = number(value(args, &mut i, a)?, a)?,
            "--stack-mix" => o.stack.fold_mix = number(value(args, &mut i, a)?, a)?,
            "--stack-confidence" => o.stack.confidence = true,
            "--stack-no-confidence" => o.stack.confidence = false,
            "--stack-all-corpora" => o.stack.in_domain = false,
            "--stack-named" => o.stack.named_only = true,
            "--stack-everywhere" => {
                o.stack.named_only = false;
                o.stack.windows = false;
            }
            "--stack-windows" => o.stack.windows = true,
            "--stack-epochs" => o.stack.epochs = number(value(args, &mut i, a)?, a)?,
            "--stack-soup" => o.stack.soup = number(value(args, &mut i, a)?, a)?,
            "--stack-pa-cost" => {
                o.stack.update = Update::Pa {
                    cost: number(value(args, &mut i, a)?, a)?,
                    cap: 1.0,
                }
            }
            "--features" => o.config.features = parse_features(value(args, &mut i, a)?)?,
            "--o-bias" => o.o_bias = number(value(args, &mut i, a)?, a)?,
            "--out" | "--folds" | "--model" | "--sweep-weights" | "--tune-o-bias" | "--tune-slice" => {
                rest.push((a.to_string(), Some(value(args, &mut i, a)?.to_string())))
            }
            _ => rest.push((a.to_string(), None)),
        }
        i += 1;
    }
    if o.config.epochs == 0 || o.config.epochs > 100 {
        return Err("--epochs must be between 1 and 100".into());
    }
    if o.config.hash_bits > 24 || (1..12).contains(&o.config.hash_bits) {
        return Err("--hash-bits must be 0 (no hashing) or between 12 and 24".into());
    }
    if o.config.weight_bits != 8 && o.config.weight_bits != 16 {
        return Err("--weight-bits must be 8 or 16".into());
    }
    if !(1..=9).contains(&o.stack.soup) {
        return Err("--stack-soup must be between 1 and 9".into());
    }
    Ok((o, rest))
}

/// `all,-bigram` → all groups but bigrams; `affix,trigger` → only those.
fn parse_features(s: &str) -> Result<FeatureSet, String> {
    let mut bits = 0u32;
    for part in s.split(',').filter(|p| !p.is_empty()) {
        let (neg, name) = part.strip_prefix('-').map_or((false, part), |n| (true, n));
        let bit = if name == "all" {
            FeatureSet::all().0
        } else {
            FeatureSet::NAMES
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, b)| *b)
                .ok_or_else(|| {
                    let names: Vec<&str> = FeatureSet::NAMES.iter().map(|(n, _)| *n).collect();
                    format!("--features: unknown group `{name}` (known: all, {})", names.join(", "))
                })?
        };
        if neg { bits &= !bit } else { bits |= bit }
    }
    Ok(FeatureSet(bits))
}

/// Reads the requested corpora, deduplicated (GermEval dev first).
fn load(o: &TrainOptions) -> Result<Loaded, String> {
    let mut seen: HashSet<Vec<String>> = HashSet::new();
    let (mut germeval, mut train_split, mut others) = (Vec::new(), Vec::new(), Vec::new());
    let mut specs: Vec<(CorpusKind, Option<usize>, Option<PathBuf>)> = Vec::new();
    for spec in o.corpora.split(',').filter(|s| !s.is_empty()) {
        let (name, path) = match spec.split_once('=') {
            Some((n, p)) => (n, Some(PathBuf::from(p))),
            None => (spec, None),
        };
        let (name, cap) = match name.split_once(':') {
            Some((n, c)) => (n, Some(number::<usize>(c, "--corpora")?)),
            None => (name, None),
        };
        let kind = CorpusKind::from_name(name).ok_or_else(|| {
            let names: Vec<&str> = CorpusKind::ALL.iter().map(|c| c.name()).collect();
            format!("--corpora: unknown corpus `{name}` (known: {})", names.join(", "))
        })?;
        specs.push((kind, cap, path));
    }
    specs.sort_by_key(|s| s.0);
    for (kind, cap, path) in specs {
        let files: Vec<PathBuf> = match path {
            Some(p) => vec![p],
            None => kind.files().iter().map(|f| o.data.join(f)).collect(),
        };
        let mut sentences = Vec::new();
        for f in &files {
            let text = std::fs::read_to_string(f).map_err(|e| format!("{}: cannot read: {e}", f.display()))?;
            sentences.extend(kind.parse(&f.display().to_string(), &text).map_err(|e| e.to_string())?);
        }
        let read = sentences.len();
        let dups = data::dedup(&mut sentences, &mut seen);
        if kind == CorpusKind::GermEvalTrain && o.drop_placeholder_names {
            sentences.retain(|s| !data::names_all_placeholders(s));
        }
        if kind == CorpusKind::GermEvalTrain && o.train_split_copies > 1 {
            sentences = (0..o.train_split_copies)
                .flat_map(|_| sentences.iter().cloned())
                .collect();
        }
        let cap = cap.into_iter().chain(o.sample).min();
        if let Some(n) = cap {
            sentences = data::sample(sentences, n);
        }
        eprintln!(
            "{:<10} {read:>6} sentences read, {dups:>5} duplicates dropped, {:>6} used, {:>8} tokens",
            kind.name(),
            sentences.len(),
            sentences.iter().map(|s| s.tokens.len()).sum::<usize>()
        );
        match kind {
            CorpusKind::GermEval => germeval.extend(sentences),
            CorpusKind::GermEvalTrain => train_split.extend(sentences),
            _ => others.extend(sentences),
        }
    }
    Ok(Loaded {
        dev: germeval,
        train_split,
        others,
    })
}

/// Trains the model: the first pass, and with `--stack K` (`o.stack.folds`) its stacked second pass.
fn train_model(sentences: &[Sentence], unlabeled: &[Vec<String>], o: &TrainOptions) -> Result<Model, String> {
    let mut model = if o.stack.folds == 0 {
        train_first(sentences, unlabeled, o)?
    } else {
        train_stacked(sentences, &o.stack, o.config.seed, o.config.fine, &mut |s, mix| {
            let mut o2 = o.clone();
            if let Some(m) = mix {
                o2.config.mix = m;
            }
            train_first(s, unlabeled, &o2)
        })?
    };
    model.set_o_bias(o.o_bias);
    Ok(model)
}

/// `--tune-o-bias`: trains without the last `percent` % of the train split (the other corpora all in), scores
/// that slice at each bias of `grid`, prints the curve and returns the bias with the highest F1. Dev plays no
/// part.
fn tune_o_bias(
    train_split: &[Sentence],
    others: &[Sentence],
    unlabeled: &[Vec<String>],
    o: &TrainOptions,
    (grid, percent): (&[f32], usize),
) -> Result<f32, String> {
    let (fit, slice) = bias::split_slice(train_split, percent);
    eprintln!("tuning --o-bias: {} train-split sentences held out", slice.len());
    let mut train = fit.to_vec();
    train.extend(others.iter().cloned());
    let mut o0 = o.clone();
    o0.o_bias = 0.0;
    let mut model = train_model(&train, unlabeled, &o0)?;
    let curve = bias::curve(&mut model, slice, grid);
    let mut out = std::io::stdout();
    for (b, c) in &curve {
        let _ = writeln!(
            out,
            "tune slice ({} sentences, last {percent} % of the train split) o-bias {b:>5.2}: F1 {:.2} (P {:.2} R {:.2})",
            slice.len(),
            c.f1(),
            c.precision(),
            c.recall()
        );
    }
    let chosen = bias::best(&curve);
    let _ = writeln!(out, "chosen o-bias {chosen:.2} (the slice's best F1)");
    Ok(chosen)
}

/// Trains one first-pass model.
fn train_first(sentences: &[Sentence], unlabeled: &[Vec<String>], o: &TrainOptions) -> Result<Model, String> {
    let config = &o.config;
    let dropped;
    let sentences = if o.name_dropout > 0.0 {
        let mut copy = sentences.to_vec();
        data::drop_name_words(&mut copy, o.name_dropout, config.seed);
        dropped = copy;
        &dropped
    } else {
        sentences
    };
    let t = Instant::now();
    let tokens: usize = sentences.iter().map(|s| s.tokens.len()).sum();
    eprintln!("training on {} sentences, {tokens} tokens", sentences.len());
    let model = Model::train_with(sentences, unlabeled, config, &mut |epoch, acc| {
        eprintln!(
            "  epoch {epoch:>2}: train token accuracy {:.2}%  ({:.1} s)",
            acc * 100.0,
            t.elapsed().as_secs_f32()
        );
    })
    .map_err(|e| e.to_string())?;
    eprintln!(
        "trained in {:.1} s, {} features",
        t.elapsed().as_secs_f32(),
        model.feature_count()
    );
    Ok(model)
}

/// `presseschau train-ner …`
pub fn train_ner(args: &[String]) -> i32 {
    let run = || -> Result<(), String> {
        let (o, rest) = parse_train_options(args)?;
        let mut out = PathBuf::from("src/core/analysis/ner/model.bin");
        for (k, v) in rest {
            match (k.as_str(), v) {
                ("--out", Some(v)) => out = PathBuf::from(v),
                _ => return Err(format!("unknown option `{k}`")),
            }
        }
        let loaded = load(&o)?;
        let mut all = loaded.dev;
        all.extend(loaded.train_split);
        all.extend(loaded.others);
        let unlabeled = load_unlabeled(&o)?;
        let model = train_model(&all, &unlabeled, &o)?;
        let bytes = model.to_bytes();
        Model::from_bytes(&bytes).map_err(|e| format!("internal error: written model does not read back: {e}"))?;
        std::fs::write(&out, &bytes).map_err(|e| format!("{}: cannot write: {e}", out.display()))?;
        eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
        Ok(())
    };
    match run() {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("presseschau train-ner: {e}\nusage:\n{USAGE}");
            2
        }
    }
}

/// `presseschau eval ner …` and `presseschau eval ner-cv …` (args start with `ner`/`ner-cv`).
pub fn eval(args: &[String]) -> i32 {
    let result = match args.first().map(String::as_str) {
        Some("ner") => eval_file(&args[1..]),
        Some("ner-cv") => cross_validate(&args[1..]),
        Some("ner-news") => news(&args[1..]),
        _ => Err("expected `eval ner` or `eval ner-cv`".to_string()),
    };
    match result {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("presseschau eval: {e}\nusage:\n{USAGE}");
            2
        }
    }
}

fn report(ev: &Evaluation) -> String {
    let mut s = ev
        .coarse
        .table("outer column, coarse (4 kinds; deriv/part merged into their kind)");
    s.push('\n');
    s.push_str(&ev.fine.table("outer column, fine (12 labels)"));
    s
}

fn eval_file(args: &[String]) -> Result<(), String> {
    let (mut file, mut out, mut model_path, mut pred_path) = (None, None, None, None);
    let mut o_bias: Option<f32> = None;
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "--out" => out = Some(PathBuf::from(value(args, &mut i, a)?)),
            "--o-bias" => o_bias = Some(number(value(args, &mut i, a)?, a)?),
            "--model" => model_path = Some(PathBuf::from(value(args, &mut i, a)?)),
            "--pred" => pred_path = Some(PathBuf::from(value(args, &mut i, a)?)),
            _ if a.starts_with("--") => return Err(format!("unknown option `{a}`")),
            _ if file.is_none() => file = Some(PathBuf::from(a)),
            _ => return Err(format!("unexpected argument `{a}`")),
        }
        i += 1;
    }
    let file = file.ok_or("name a GermEval TSV file")?;
    let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: cannot read: {e}", file.display()))?;
    let sentences = data::parse_germeval(&file.display().to_string(), &text).map_err(|e| e.to_string())?;
    if let Some(p) = pred_path {
        return score_file(&sentences, &p);
    }
    let owned;
    let model: &Model = match &model_path {
        Some(p) => {
            let bytes = std::fs::read(p).map_err(|e| format!("{}: cannot read: {e}", p.display()))?;
            owned = Model::from_bytes(&bytes).map_err(|e| format!("{}: {e}", p.display()))?;
            &owned
        }
        None => model::embedded().map_err(|e| format!("embedded model: {e}"))?,
    };
    let biased;
    let model: &Model = match o_bias {
        Some(b) => {
            let mut m = model.clone();
            m.set_o_bias(b);
            biased = m;
            &biased
        }
        None => model,
    };
    if model.o_bias() != 0.0 {
        let _ = writeln!(std::io::stdout(), "decoding with o-bias {:.2}", model.o_bias());
    }
    let mut ev = Evaluation::default();
    let mut pred_tsv = String::new();
    // first use builds the KB gazetteer; keep that one-time cost out of the speed figure
    let _ = model.tag_tokens(&["Berlin"]);
    let t = Instant::now();
    let mut tokens = 0;
    let mut predictions = Vec::with_capacity(sentences.len());
    for s in &sentences {
        let words: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        tokens += words.len();
        predictions.push(model.tag_tokens(&words));
    }
    let secs = t.elapsed().as_secs_f64();
    let mut thresholds = ThresholdTable::default();
    for s in &sentences {
        let words: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        let (pred, margins) = model.tag_tokens_scored(&words);
        thresholds.add(&s.tokens, &s.outer, &pred, &margins);
    }
    for (s, pred) in sentences.iter().zip(&predictions) {
        ev.add(&s.outer, pred);
        for c in &s.comments {
            pred_tsv.push_str(c);
            pred_tsv.push('\n');
        }
        for (i, (tok, y)) in s.tokens.iter().zip(pred).enumerate() {
            let _ = writeln!(pred_tsv, "{}\t{tok}\t{y}\t{}", i + 1, NerLabel::Outside);
        }
        pred_tsv.push('\n');
    }
    let out = out.unwrap_or_else(|| prediction_path(&file));
    std::fs::write(&out, pred_tsv).map_err(|e| format!("{}: cannot write: {e}", out.display()))?;
    let _ = writeln!(
        std::io::stdout(),
        "{} sentences, {tokens} tokens, tagged in {:.3} s ({:.0} tokens/s); predictions in {}\n",
        sentences.len(),
        secs,
        tokens as f64 / secs.max(1e-9),
        out.display()
    );
    let _ = write!(std::io::stdout(), "{}", report(&ev));
    let _ = write!(std::io::stdout(), "{}", threshold_report(&thresholds));
    Ok(())
}

/// The confidence table: detected-only precision/recall and all-span P/R/F1 per threshold, the threshold
/// for 85 % detected-only precision, and the row of the app's [`ner::SHOW_THRESHOLD`].
fn threshold_report(t: &ThresholdTable) -> String {
    let mut s = format!(
        "\nby span confidence (detected-only = names PER/LOC/ORG overlapping no KB mention: {} predicted, {} in gold)\n{:>9} {:>7} {:>7} {:>6}   {:>7} {:>7} {:>7}\n",
        t.candidates.len(),
        t.gold_detectable,
        "min conf",
        "det P",
        "det R",
        "det n",
        "all P",
        "all R",
        "all F1"
    );
    let row = |s: &mut String, label: String, th: f32| {
        let (p, r, n, ap, ar, af) = t.at(th);
        let _ = writeln!(s, "{label:>9} {p:>7.2} {r:>7.2} {n:>6}   {ap:>7.2} {ar:>7.2} {af:>7.2}");
    };
    for th in [0.0f32, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 15.0, 20.0] {
        row(&mut s, format!("{th:.1}"), th);
    }
    match t.threshold_for(85.0) {
        Some(th) => row(&mut s, format!("85%:{th:.3}"), th),
        None => s.push_str("no threshold reaches 85 % detected-only precision\n"),
    }
    row(&mut s, format!("app:{:.3}", ner::SHOW_THRESHOLD), ner::SHOW_THRESHOLD);
    s
}

/// Scores an existing prediction file (same format) against the gold sentences.
fn score_file(gold: &[data::GermEvalSentence], pred_path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(pred_path).map_err(|e| format!("{}: cannot read: {e}", pred_path.display()))?;
    let pred = data::parse_germeval(&pred_path.display().to_string(), &text).map_err(|e| e.to_string())?;
    if pred.len() != gold.len() {
        return Err(format!(
            "{}: {} sentences, but the gold file has {}",
            pred_path.display(),
            pred.len(),
            gold.len()
        ));
    }
    let mut ev = Evaluation::default();
    for (n, (g, p)) in gold.iter().zip(&pred).enumerate() {
        if g.tokens != p.tokens {
            return Err(format!(
                "{}: sentence {} has other tokens than the gold file",
                pred_path.display(),
                n + 1
            ));
        }
        ev.add(&g.outer, &p.outer);
    }
    let _ = write!(std::io::stdout(), "{}", report(&ev));
    Ok(())
}

/// `dev.tsv` → `dev.pred.tsv` next to it.
fn prediction_path(file: &Path) -> PathBuf {
    let stem = file
        .file_stem()
        .map_or_else(|| "ner".into(), |s| s.to_string_lossy().into_owned());
    file.with_file_name(format!("{stem}.pred.tsv"))
}

fn cross_validate(args: &[String]) -> Result<(), String> {
    let (mut o, rest) = parse_train_options(args)?;
    let (mut folds, mut heldout, mut halves, mut sweep) = (5usize, false, false, false);
    let mut out: Option<PathBuf> = None;
    let mut sweep_weights = vec![0.0f32, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0];
    let (mut tune, mut tune_slice) = (None::<Vec<f32>>, 10usize);
    for (k, v) in rest {
        match (k.as_str(), v) {
            ("--tune-o-bias", Some(v)) => {
                tune = Some(
                    v.split(',')
                        .map(|w| number(w, "--tune-o-bias"))
                        .collect::<Result<_, _>>()?,
                )
            }
            ("--tune-slice", Some(v)) => tune_slice = number(&v, "--tune-slice")?,
            ("--folds", Some(v)) => folds = number(&v, "--folds")?,
            ("--out", Some(v)) => out = Some(PathBuf::from(v)),
            ("--heldout", None) => heldout = true,
            ("--halves", None) => halves = true,
            ("--sweep", None) => sweep = true,
            ("--sweep-weights", Some(v)) => {
                sweep = true;
                sweep_weights = v
                    .split(',')
                    .map(|w| number(w, "--sweep-weights"))
                    .collect::<Result<_, _>>()?;
            }
            _ => return Err(format!("unknown option `{k}`")),
        }
    }
    let is_dev = |c: &str| c == "germeval" || c.starts_with("germeval:") || c.starts_with("germeval=");
    if !o.corpora.split(',').any(is_dev) {
        o.corpora.push_str(",germeval");
    }
    let Loaded {
        dev,
        train_split,
        mut others,
    } = load(&o)?;
    let unlabeled = load_unlabeled(&o)?;
    if dev.is_empty() {
        return Err("no GermEval sentences to evaluate on".into());
    }
    let t = Instant::now();
    let mut total = Evaluation::default();
    if halves {
        // the README's protocol: score each half of dev with the train split's words that only that half
        // has turned into placeholders
        let mid = dev.len() / 2;
        for (a, b) in [(&dev[..mid], &dev[mid..]), (&dev[mid..], &dev[..mid])] {
            let mut train = train_split.clone();
            let hidden = data::hide_words_of(&mut train, a, b);
            eprintln!("half of {} sentences: {hidden} train-split tokens hidden", a.len());
            train.extend(others.iter().cloned());
            let model = train_model(&train, &unlabeled, &o)?;
            let mut ev = Evaluation::default();
            for s in a {
                let words: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
                ev.add(&s.labels, &model.tag_tokens(&words));
            }
            eprintln!(
                "half: coarse F1 {:.2}, fine F1 {:.2}",
                ev.coarse.total().f1(),
                ev.fine.total().f1()
            );
            total.merge(&ev);
        }
        let _ = writeln!(
            std::io::stdout(),
            "dev halves A/B, each scored with its own words hidden in the train split, {:.1} s\n",
            t.elapsed().as_secs_f32()
        );
    } else if heldout {
        if let Some(grid) = &tune {
            o.o_bias = tune_o_bias(&train_split, &others, &unlabeled, &o, (grid, tune_slice))?;
        }
        // the order of `train-ner`: the train split, then the other corpora
        let mut train = train_split.clone();
        train.append(&mut others);
        let model = train_model(&train, &unlabeled, &o)?;
        let bytes = model.to_bytes();
        if let Some(out) = &out {
            // the held-out model itself, for `eval ner --model`, the speed probes and gzip -9
            std::fs::write(out, &bytes).map_err(|e| format!("{}: cannot write: {e}", out.display()))?;
        }
        let _ = writeln!(
            std::io::stdout(),
            "model {} bytes, {} deflated (level 10; gzip adds 18), {} features",
            bytes.len(),
            miniz_oxide::deflate::compress_to_vec(&bytes, 10).len(),
            model.feature_count()
        );
        if sweep {
            // the size curve: the same training, pruned and quantised after the fact
            for bits in [16u8, 8] {
                for &mw in &sweep_weights {
                    let m = model.pruned(mw, bits, o.config.shift);
                    let bytes = m.to_bytes();
                    let back = Model::from_bytes(&bytes).map_err(|e| e.to_string())?;
                    let mut ev = Evaluation::default();
                    for s in &dev {
                        let words: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
                        ev.add(&s.labels, &back.tag_tokens(&words));
                    }
                    let c = ev.coarse.total();
                    let _ = writeln!(
                        std::io::stdout(),
                        "sweep bits {bits:>2} min-weight {mw:>4.2}: {:>8} bytes, {:>8} deflated, {:>7} features, {:>8} weights: F1 {:.2} (P {:.2} R {:.2})",
                        bytes.len(),
                        miniz_oxide::deflate::compress_to_vec(&bytes, 10).len(),
                        back.feature_count(),
                        m.weight_count(),
                        c.f1(),
                        c.precision(),
                        c.recall()
                    );
                }
            }
        }
        for s in &dev {
            let words: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            total.add(&s.labels, &model.tag_tokens(&words));
        }
        if o.o_bias != 0.0 {
            // the paired reference: the same model decoding without the bias (the bias was fixed before)
            let mut plain = model.clone();
            let c = bias::curve(&mut plain, &dev, &[0.0])[0].1;
            let _ = writeln!(
                std::io::stdout(),
                "the same model without its o-bias {:.2}: coarse F1 {:.2} (P {:.2} R {:.2})",
                o.o_bias,
                c.f1(),
                c.precision(),
                c.recall()
            );
        }
        if model.feature_set().has(FeatureSet::STACK) {
            // the paired comparison: the same first pass without its second pass
            let first = without_second(&model);
            let mut ev = Evaluation::default();
            for s in &dev {
                let words: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
                ev.add(&s.labels, &first.tag_tokens(&words));
            }
            let c = ev.coarse.total();
            let _ = writeln!(
                std::io::stdout(),
                "first pass alone: coarse F1 {:.2} (P {:.2} R {:.2}); model {} bytes, {} deflated",
                c.f1(),
                c.precision(),
                c.recall(),
                first.to_bytes().len(),
                miniz_oxide::deflate::compress_to_vec(&first.to_bytes(), 10).len()
            );
        }
        let _ = writeln!(
            std::io::stdout(),
            "dev fully held out (trained on the train split and the other corpora only), {:.1} s\n",
            t.elapsed().as_secs_f32()
        );
    } else {
        if folds < 2 || folds > dev.len() {
            return Err(format!(
                "--folds must be between 2 and the number of dev sentences ({})",
                dev.len()
            ));
        }
        for k in 0..folds {
            // contiguous folds: sentences of one document stay together
            let (a, b) = (k * dev.len() / folds, (k + 1) * dev.len() / folds);
            let mut train: Vec<Sentence> = dev[..a].iter().chain(&dev[b..]).cloned().collect();
            train.extend(train_split.iter().cloned());
            train.extend(others.iter().cloned());
            let model = train_model(&train, &unlabeled, &o)?;
            let mut ev = Evaluation::default();
            for s in &dev[a..b] {
                let words: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
                ev.add(&s.labels, &model.tag_tokens(&words));
            }
            eprintln!(
                "fold {}: coarse F1 {:.2}, fine F1 {:.2}",
                k + 1,
                ev.coarse.total().f1(),
                ev.fine.total().f1()
            );
            total.merge(&ev);
        }
        let _ = writeln!(
            std::io::stdout(),
            "{folds}-fold cross-validation on GermEval dev (counts summed over folds), {:.1} s\n",
            t.elapsed().as_secs_f32()
        );
    }
    let _ = write!(std::io::stdout(), "{}", report(&total));
    Ok(())
}

/// `eval ner-news`: the first `--texts` distinct news texts of `same-event-de` (title and body) as a corpus,
/// through the reader's pipeline (KB mentions, then the model's detected-only names above the threshold);
/// prints the counts and a seeded random sample of the detected mentions with their context.
fn news(args: &[String]) -> Result<(), String> {
    use presseschau::core::analysis::{detected, entities};
    let (mut data, mut texts, mut sample, mut seed) = (PathBuf::from("../shared/data"), 50usize, 100usize, 1u64);
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "--data" => data = PathBuf::from(value(args, &mut i, a)?),
            "--texts" => texts = number(value(args, &mut i, a)?, a)?,
            "--sample" => sample = number(value(args, &mut i, a)?, a)?,
            "--seed" => seed = number(value(args, &mut i, a)?, a)?,
            _ => return Err(format!("unknown option `{a}`")),
        }
        i += 1;
    }
    let f = data.join(SAME_EVENT_FILE);
    let raw = std::fs::read_to_string(&f).map_err(|e| format!("{}: cannot read: {e}", f.display()))?;
    let mut docs: Vec<(String, String)> = Vec::new();
    let mut seen = HashSet::new();
    'lines: for (n, line) in raw.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{} line {}: {e}", f.display(), n + 1))?;
        for side in ["1", "2"] {
            let title = v
                .get(format!("title_{side}"))
                .and_then(|t| t.as_str())
                .unwrap_or_default();
            let body = v
                .get(format!("text_{side}"))
                .and_then(|t| t.as_str())
                .unwrap_or_default();
            if body.trim().is_empty() || !seen.insert(body.to_string()) {
                continue;
            }
            docs.push((format!("news-{:02}.txt", docs.len() + 1), format!("{title}\n\n{body}")));
            if docs.len() == texts {
                break 'lines;
            }
        }
    }
    let corpus = presseschau::core::corpus::Corpus::from_sources(docs.iter().map(|(n, t)| (n.as_str(), t.as_bytes())));
    let kb = entities::analyze_corpus(&corpus);
    let found = detected::detect_corpus(&corpus, &kb);
    let mentions: Vec<(
        &presseschau::core::corpus::ArticleId,
        &presseschau::core::analysis::mention::Mention,
    )> = found
        .by_article
        .iter()
        .flat_map(|(a, ms)| ms.iter().map(move |m| (a, m)))
        .collect();
    let kb_names = kb
        .by_article
        .values()
        .flatten()
        .filter(|m| m.entity_id.is_some())
        .count();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} texts, {} words; KB name mentions {kb_names}; detected-only mentions {} in {} groups (threshold {:.2})",
        corpus.articles.len(),
        corpus
            .articles
            .iter()
            .map(|a| a.text().split_whitespace().count())
            .sum::<usize>(),
        mentions.len(),
        found.groups.len(),
        ner::SHOW_THRESHOLD
    );
    // seeded sample without replacement (xorshift)
    let mut idx: Vec<usize> = (0..mentions.len()).collect();
    let mut rng = seed ^ 0x2545_F491_4F6C_DD1D;
    presseschau::lab::ner::shuffle(&mut idx, &mut rng);
    idx.truncate(sample);
    idx.sort_unstable();
    for (n, &k) in idx.iter().enumerate() {
        let (aid, m) = mentions[k];
        let text: Vec<char> = corpus
            .articles
            .iter()
            .find(|a| &a.id == aid)
            .map(|a| a.text().chars().collect())
            .unwrap_or_default();
        let ctx = |a: usize, b: usize| -> String {
            text[a.min(text.len())..b.min(text.len())]
                .iter()
                .collect::<String>()
                .replace('\n', " ")
        };
        let _ = writeln!(
            out,
            "{:>3} {:<13} {:<12} [{}] «{}» [{}]",
            n + 1,
            aid.0,
            format!("{:?}", m.kind),
            ctx(m.start.saturating_sub(50), m.start),
            m.text,
            ctx(m.end, m.end + 30)
        );
    }
    let _ = write!(std::io::stdout(), "{out}");
    Ok(())
}
