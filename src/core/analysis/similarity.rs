//! Scoring primitives for the same-event linker: German terms, sublinear TF-IDF, entity rarity, MinHash
//! shingles and the time factor. Every function here is pure and cheap to call per article or per pair;
//! [`crate::core::analysis::events`] combines them into a pair score.
//!
//! Terms are German Snowball stems (`rust-stemmers`) of lower-cased words with diacritics folded
//! (`ä→a`, `ö→o`, `ü→u`, `ß→ss`, `ğ→g`, `é→e`, …) *before* stemming, so "Türkei", "Tuerkei" is not
//! matched but "Türkei"/"Turkei" and "Erdoğan"/"Erdogan" are. Stopwords are dropped after folding.
#![allow(
    clippy::cast_precision_loss,
    reason = "counts far below 2^52 are turned into f64 weights"
)]

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use rust_stemmers::{Algorithm, Stemmer};

use crate::core::corpus::{DatePrecision, SimpleDate};

/// German stopwords, in folded form (see [`fold`]). A short list of function words: articles, pronouns,
/// auxiliaries, prepositions, conjunctions and frequent particles. Content words never belong here.
pub const STOPWORDS: &[&str] = &[
    "ab", "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "ander", "andere", "anderen",
    "anderer", "anderes", "auch", "auf", "aus", "bei", "beim", "bereits", "bis", "bisher", "bin", "bist", "da",
    "dabei", "dadurch", "dafur", "dagegen", "damit", "dann", "dar", "daran", "darauf", "daruber", "darum", "das",
    "dass", "dasselbe", "davon", "dazu", "dem", "demnach", "den", "denen", "denn", "der", "deren", "des", "deshalb",
    "dessen", "die", "dies", "diese", "diesem", "diesen", "dieser", "dieses", "doch", "dort", "du", "durch", "ein",
    "eine", "einem", "einen", "einer", "eines", "er", "es", "etwa", "etwas", "euch", "fur", "gegen", "gewesen", "hab",
    "habe", "haben", "hat", "hatte", "hatten", "hier", "hin", "hinter", "ich", "ihm", "ihn", "ihnen", "ihr", "ihre",
    "ihrem", "ihren", "ihrer", "ihres", "im", "immer", "in", "indem", "ins", "ist", "ja", "jede", "jedem", "jeden",
    "jeder", "jedes", "jedoch", "jetzt", "kann", "kein", "keine", "keinem", "keinen", "keiner", "konnen", "konnte",
    "man", "manche", "mehr", "mein", "meine", "mit", "muss", "musste", "nach", "nachdem", "nicht", "nichts", "noch",
    "nun", "nur", "ob", "oder", "ohne", "schon", "sehr", "sei", "seien", "sein", "seine", "seinem", "seinen", "seiner",
    "seines", "seit", "sich", "sie", "sind", "so", "soll", "sollen", "sollte", "sondern", "sowie", "uber", "um", "und",
    "uns", "unser", "unter", "vom", "von", "vor", "wahrend", "war", "waren", "warum", "was", "weil", "welche",
    "welchem", "welchen", "welcher", "wenn", "wer", "werde", "werden", "wie", "wieder", "will", "wir", "wird", "wo",
    "wollen", "wollte", "worden", "wurde", "wurden", "zu", "zum", "zur", "zwar", "zwischen", "sagte", "sagt", "laut",
    "heute", "gestern", "mal",
];

/// Lower-cases a word and folds diacritics: `ä→a`, `ö→o`, `ü→u`, `ß→ss`, and the common Latin diacritics
/// of names (`ğ→g`, `ç→c`, `ş→s`, `é→e`, `á→a`, …). Other characters are kept.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        let (a, b) = fold_lower(c);
        out.push(a);
        if let Some(b) = b {
            out.push(b);
        }
    }
    out
}

/// The folded form of one lower-case character: one character, or two for `ß`.
fn fold_lower(c: char) -> (char, Option<char>) {
    let one = match c {
        'ä' | 'á' | 'à' | 'â' | 'ã' | 'å' | 'ą' | 'ă' => 'a',
        'ö' | 'ó' | 'ò' | 'ô' | 'õ' | 'ø' | 'ő' => 'o',
        'ü' | 'ú' | 'ù' | 'û' | 'ű' | 'ů' => 'u',
        'ß' => return ('s', Some('s')),
        'é' | 'è' | 'ê' | 'ë' | 'ę' | 'ě' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ı' => 'i',
        'ç' | 'ć' | 'č' => 'c',
        'ğ' => 'g',
        'ş' | 'ś' | 'š' | 'ș' => 's',
        'ñ' | 'ń' | 'ň' => 'n',
        'ž' | 'ź' | 'ż' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        'ý' => 'y',
        _ => c,
    };
    (one, None)
}

/// Feeds the bytes of the folded form of `c` (any case) to an FNV-1a state, without allocating.
#[inline(always)]
fn fnv_folded_char(h: &mut u64, c: char) {
    if c.is_ascii() {
        // the common case, kept inline at opt-level z
        *h ^= u64::from(c.to_ascii_lowercase() as u8);
        *h = h.wrapping_mul(0x0100_0000_01b3);
        return;
    }
    let mut feed = |ch: char| {
        let mut buf = [0u8; 4];
        for &b in ch.encode_utf8(&mut buf).as_bytes() {
            *h ^= u64::from(b);
            *h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for l in c.to_lowercase() {
        let (a, b) = fold_lower(l);
        feed(a);
        if let Some(b) = b {
            feed(b);
        }
    }
}

/// The words of a text: maximal runs of alphanumeric characters, with their code point offsets.
pub fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None; // (byte, cp)
    for (cp, (byte, c)) in text.char_indices().enumerate() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some((byte, cp));
            }
        } else if let Some((b, s)) = start.take() {
            out.push((s, &text[b..byte]));
        }
    }
    if let Some((b, s)) = start {
        out.push((s, &text[b..]));
    }
    out
}

/// Turns text into index terms: folded, Snowball-stemmed German words without stopwords and without
/// one-character tokens.
pub struct Analyzer {
    stemmer: Stemmer,
    stopwords: HashSet<&'static str>,
    /// Word as written → hashed term (`None`: stopword or too short). Stemming dominates the cost of
    /// linking, and news vocabulary repeats, so each distinct word is stemmed once.
    cache: RefCell<HashMap<String, Option<u64>>>,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    /// A German analyzer.
    pub fn new() -> Self {
        Self {
            stemmer: Stemmer::create(Algorithm::German),
            stopwords: STOPWORDS.iter().copied().collect(),
            cache: RefCell::new(HashMap::new()),
        }
    }

    /// The term of one word, or `None` for stopwords and one-character words.
    pub fn term(&self, word: &str) -> Option<String> {
        let f = fold(word);
        if f.chars().count() < 2 || self.stopwords.contains(f.as_str()) {
            return None;
        }
        Some(self.stemmer.stem(&f).into_owned())
    }

    /// [`Analyzer::terms`] hashed with [`hash_str`], memoised per distinct word.
    pub fn term_hashes(&self, text: &str) -> Vec<u64> {
        let mut cache = self.cache.borrow_mut();
        words(text)
            .into_iter()
            .filter_map(|(_, w)| {
                if let Some(h) = cache.get(w) {
                    return *h;
                }
                let h = self.term(w).map(|t| hash_str(&t));
                cache.insert(w.to_string(), h);
                h
            })
            .collect()
    }

    /// The terms of a text, in order (repeats kept, for term frequencies).
    ///
    /// ```
    /// use presseschau::core::analysis::similarity::Analyzer;
    /// let terms = Analyzer::new().terms("Die Präsidenten der Türkei telefonierten.");
    /// assert_eq!(terms, ["prasident", "turkei", "telefoniert"]);
    /// ```
    pub fn terms(&self, text: &str) -> Vec<String> {
        words(text).into_iter().filter_map(|(_, w)| self.term(w)).collect()
    }
}

/// Hashes of the character `n`-grams of a term padded with `_` on both sides (a term shorter than `n - 2`
/// characters gives one hash of the whole padded term), salted so they never equal a term hash.
pub fn char_gram_hashes(term: &str, n: usize, out: &mut Vec<u64>) {
    let padded: Vec<char> = std::iter::once('_')
        .chain(term.chars())
        .chain(std::iter::once('_'))
        .collect();
    let mut gram = String::new();
    let mut push = |chars: &[char]| {
        gram.clear();
        gram.push('\u{1}');
        gram.extend(chars);
        out.push(hash_str(&gram));
    };
    if padded.len() <= n {
        push(&padded);
    } else {
        for w in padded.windows(n) {
            push(w);
        }
    }
}

/// [`hash_str`] of [`fold`]`(word)`, without allocating.
pub fn hash_folded(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in word.chars() {
        fnv_folded_char(&mut h, c);
    }
    h
}

/// A stable 64-bit FNV-1a hash (the same on every platform and build, unlike `DefaultHasher`).
pub fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A hasher for keys that are already 64-bit hashes: one SplitMix64 finaliser instead of SipHash.
#[derive(Default, Clone, Copy)]
pub struct U64Hasher(u64);

impl Hasher for U64Hasher {
    fn finish(&self) -> u64 {
        mix(self.0)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)) ^ (self.0 >> 56);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 ^= n;
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = self.0.rotate_left(32) ^ u64::from(n);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

/// A hash map keyed by values that are already hashes (term and shingle hashes, document indices).
pub type U64Map<K, V> = HashMap<K, V, BuildHasherDefault<U64Hasher>>;

/// SplitMix64 finaliser: a cheap, well-mixed permutation of 64-bit values.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A sparse vector, sorted by key, L2-normalised (or empty).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SparseVec(pub Vec<(u64, f32)>);

impl SparseVec {
    /// Builds a normalised vector from `(key, weight)` pairs (keys may repeat: weights add up).
    pub fn normalised(items: impl IntoIterator<Item = (u64, f64)>) -> Self {
        let mut map: U64Map<u64, f64> = U64Map::default();
        for (k, w) in items {
            *map.entry(k).or_default() += w;
        }
        let norm = map.values().map(|w| w * w).sum::<f64>().sqrt();
        if norm <= 0.0 {
            return Self::default();
        }
        let mut v: Vec<(u64, f32)> = map.into_iter().map(|(k, w)| (k, (w / norm) as f32)).collect();
        v.sort_unstable_by_key(|&(k, _)| k);
        Self(v)
    }

    /// Cosine similarity with another normalised vector, in [0, 1] for non-negative weights.
    pub fn cosine(&self, other: &Self) -> f64 {
        let (mut i, mut j, mut sum) = (0, 0, 0.0f64);
        let (a, b) = (&self.0, &other.0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += f64::from(a[i].1) * f64::from(b[j].1);
                    i += 1;
                    j += 1;
                }
            }
        }
        sum.clamp(0.0, 1.0)
    }
}

/// Inverse document frequency, smoothed: `ln((n + 1) / (df + 1)) + 1`. A term in every document weighs
/// about 1, a term seen nowhere else `ln(n + 1) + 1`.
pub fn idf(df: u32, n_docs: usize) -> f64 {
    ((n_docs as f64 + 1.0) / (f64::from(df) + 1.0)).ln() + 1.0
}

/// Sublinear term frequency: `1 + ln(tf)` for `tf > 0`.
pub fn sublinear_tf(tf: f64) -> f64 {
    if tf > 0.0 { 1.0 + tf.ln() } else { 0.0 }
}

/// Near-identity key of a sentence for boilerplate detection: a hash of its folded words in order, every
/// number replaced by one placeholder (so "Donnerstag, 02.01.2020" and "Freitag, 03.01.2020" datelines of one
/// outlet differ only by the weekday). `None` for sentences of fewer than `min_words` words.
pub fn sentence_key(sentence: &str, min_words: usize) -> Option<u64> {
    // one pass over the characters: the words of `words`, each hashed as `hash_folded` does
    const FNV: u64 = 0xcbf2_9ce4_8422_2325;
    let (mut key, mut n) = (0x51ed_270b_2718_2c1f_u64, 0usize);
    let (mut word, mut in_word, mut numeric) = (FNV, false, true);
    let mut end_word = |key: &mut u64, word: u64, numeric: bool| {
        let k = if numeric { 0x0d1e_0d1e_0d1e_0d1e } else { word };
        *key = mix(key.rotate_left(5) ^ k);
        n += 1;
    };
    for c in sentence.chars() {
        if c.is_alphanumeric() {
            if !in_word {
                (word, in_word, numeric) = (FNV, true, true);
            }
            numeric &= c.is_numeric();
            fnv_folded_char(&mut word, c);
        } else if in_word {
            end_word(&mut key, word, numeric);
            in_word = false;
        }
    }
    if in_word {
        end_word(&mut key, word, numeric);
    }
    (n >= min_words.max(1)).then_some(key)
}

/// Number of MinHash values per document. Range 16–256; default 64. More values estimate the overlap more
/// precisely (standard error ≈ `sqrt(J(1−J)/K)`, ±0.06 at 64) at a proportional cost in time and memory.
pub const MINHASH_K: usize = 64;

/// Shingle length in words for near-duplicate detection. Range 3–8; default 5. Shorter shingles also
/// match loosely reworded text (and more unrelated text with stock phrases); longer ones only verbatim
/// copies.
pub const SHINGLE_WORDS: usize = 5;

/// The fixed coefficients of the MinHash functions (derived from a constant seed, so signatures are
/// comparable across runs and builds).
fn minhash_coefficients() -> ([u64; MINHASH_K], [u64; MINHASH_K]) {
    let mut a = [0u64; MINHASH_K];
    let mut b = [0u64; MINHASH_K];
    for i in 0..MINHASH_K {
        a[i] = mix(2 * i as u64) | 1;
        b[i] = mix(2 * i as u64 + 1);
    }
    (a, b)
}

/// The MinHash signature of a text's word shingles, plus the number of distinct shingles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinHash {
    /// The minimum of each of the [`MINHASH_K`] hash functions over the shingles (`u64::MAX` when empty).
    pub mins: Vec<u64>,
    /// How many distinct shingles the text has.
    pub shingles: usize,
}

impl MinHash {
    /// Signature of a text: word [`SHINGLE_WORDS`]-grams of folded words (stopwords kept: copies keep them).
    pub fn of_text(text: &str) -> Self {
        let folded: Vec<u64> = words(text).into_iter().map(|(_, w)| hash_folded(w)).collect();
        let mut hashes: Vec<u64> = folded
            .windows(SHINGLE_WORDS)
            .map(|w| w.iter().fold(0u64, |h, &word| mix(h ^ word)))
            .collect();
        hashes.sort_unstable();
        hashes.dedup();
        // K hash functions h_i(x) = a_i·x + b_i (mod 2^64) with random odd a_i over already mixed shingle
        // hashes: one multiply-add per function instead of a full mix.
        let (a, b) = minhash_coefficients();
        let mut mins = vec![u64::MAX; MINHASH_K];
        for &h in &hashes {
            for ((m, &ai), &bi) in mins.iter_mut().zip(&a).zip(&b) {
                let v = ai.wrapping_mul(h).wrapping_add(bi);
                if v < *m {
                    *m = v;
                }
            }
        }
        Self {
            mins,
            shingles: hashes.len(),
        }
    }

    /// Estimated Jaccard similarity of the two shingle sets (0 when either is empty).
    pub fn jaccard(&self, other: &Self) -> f64 {
        if self.shingles == 0 || other.shingles == 0 {
            return 0.0;
        }
        let same = self.mins.iter().zip(&other.mins).filter(|(a, b)| a == b).count();
        same as f64 / self.mins.len().max(1) as f64
    }

    /// Estimated share of the *shorter* text's shingles that also occur in the other one (containment), in
    /// [0, 1]. From the Jaccard estimate `J` and the set sizes: `|A∩B| = J(|A|+|B|)/(1+J)`. Unlike Jaccard,
    /// it stays high when one text is a copy of the other plus a new paragraph.
    pub fn containment(&self, other: &Self) -> f64 {
        let j = self.jaccard(other);
        let small = self.shingles.min(other.shingles);
        if small == 0 {
            return 0.0;
        }
        let inter = j * (self.shingles + other.shingles) as f64 / (1.0 + j);
        (inter / small as f64).clamp(0.0, 1.0)
    }
}

/// Standard deviation in days of the time Gaussian for two day-precise dates. Range 1–14; default 3
/// (Miranda et al. 2018). Larger values let reports further apart count as the same event.
pub const TIME_SIGMA_DAYS: f64 = 3.0;

/// Variance in days² added per month-precision date: a uniform position within a 30-day month has variance
/// 30²/12 = 75, so a day/month pair uses σ = √(9 + 75) ≈ 9.2 days and a month/month pair σ ≈ 12.6 days,
/// measured between the dates' mid-points (see [`SimpleDate::mid_days`]).
pub const MONTH_DATE_VARIANCE: f64 = 75.0;

/// The time factor of two dates: `Some((day difference, exp(−d²/2σ²)))` when both dates are at least
/// month-precise, `None` otherwise (an unknown or year-only date neither links nor separates).
pub fn time_factor(a: Option<SimpleDate>, b: Option<SimpleDate>) -> Option<(f64, f64)> {
    let (a, b) = (a?, b?);
    let var = |d: SimpleDate| match d.precision() {
        DatePrecision::Day => Some(0.0),
        DatePrecision::Month => Some(MONTH_DATE_VARIANCE),
        DatePrecision::Year => None,
    };
    let sigma2 = TIME_SIGMA_DAYS * TIME_SIGMA_DAYS + var(a)? + var(b)?;
    let days = (a.mid_days() - b.mid_days()).abs();
    Some((days, (-days * days / (2.0 * sigma2)).exp()))
}

/// Overlap of two entity sets: the cosine of their binary vectors with each id weighted by its rarity
/// (`weight`, e.g. IDF). Unlike Jaccard, one long list of minor names does not drown the shared main actors. `None` when either side has no entities (the signal is inactive).
pub fn entity_overlap(a: &[String], b: &[String], weight: impl Fn(&str) -> f64) -> Option<f64> {
    let a: HashSet<&str> = a.iter().map(String::as_str).collect();
    let b: HashSet<&str> = b.iter().map(String::as_str).collect();
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let shared: f64 = a.intersection(&b).map(|e| weight(e).powi(2)).sum();
    let na: f64 = a.iter().map(|e| weight(e).powi(2)).sum::<f64>().sqrt();
    let nb: f64 = b.iter().map(|e| weight(e).powi(2)).sum::<f64>().sqrt();
    Some(if na > 0.0 && nb > 0.0 {
        (shared / (na * nb)).clamp(0.0, 1.0)
    } else {
        0.0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_handles_umlauts_and_names() {
        for (input, want) in [
            ("Größe", "grosse"),
            ("Erdoğan", "erdogan"),
            ("ÜBER", "uber"),
            ("Çavuşoğlu", "cavusoglu"),
        ] {
            assert_eq!(fold(input), want, "{input}");
        }
    }

    #[test]
    fn sentence_key_ignores_case_diacritics_punctuation_and_numbers() {
        let k = |s: &str| sentence_key(s, 3);
        assert_eq!(
            k("Mannheimer Morgen, Donnerstag, 02.01.2020"),
            k("mannheimer morgen – donnerstag 03.01.2021")
        );
        assert_eq!(k("Rückfragen bitte an:"), k("RUCKFRAGEN Bitte an"));
        assert_ne!(k("Rückfragen bitte an"), k("Rückfragen bitte nicht an"));
        assert_ne!(k("Größe 5 Äpfel"), k("Größe Äpfel 5"));
        assert_eq!(k("zu kurz"), None);
        // the same words as `words` sees them, hashed as `hash_folded`
        let manual = words("Die Straße in Çanakkale")
            .iter()
            .fold(0x51ed_270b_2718_2c1f_u64, |h, (_, w)| {
                mix(h.rotate_left(5) ^ hash_folded(w))
            });
        assert_eq!(k("Die Straße in Çanakkale"), Some(manual));
        assert_eq!(hash_folded("Straße"), hash_str("strasse"));
        assert_eq!(hash_folded("ÇANAKKALE"), hash_str(&fold("Çanakkale")));
    }

    #[test]
    fn words_report_code_point_offsets() {
        let w = words("Größe: 5 Äpfel");
        assert_eq!(w, [(0, "Größe"), (7, "5"), (9, "Äpfel")]);
    }

    #[test]
    fn minhash_containment_survives_a_new_paragraph() {
        let base = "Die Präsidenten Russlands und der Türkei wollen die Beziehungen ihrer Länder wieder verbessern. \
                    Nach einem Telefonat der beiden Staatschefs am Sonntag teilten deren Büros mit, die Zusammenarbeit \
                    intensivieren zu wollen. Zuletzt war das Verhältnis angespannt.";
        let copy = format!("Ein ganz neuer erster Absatz über etwas anderes, das niemand erwartet hätte. {base}");
        let (a, b) = (MinHash::of_text(base), MinHash::of_text(&copy));
        assert!(a.containment(&b) > 0.8, "{}", a.containment(&b));
        let other =
            MinHash::of_text("Der Wetterdienst erwartet für das Wochenende Regen und Sturm im Norden des Landes.");
        assert!(a.containment(&other) < 0.1);
    }

    #[test]
    fn time_factor_respects_precision() {
        let d = |y, m, d| {
            Some(SimpleDate {
                year: y,
                month: m,
                day: d,
            })
        };
        let (days, f) = time_factor(d(2022, Some(1), Some(2)), d(2022, Some(1), Some(3))).unwrap();
        assert!((days - 1.0).abs() < 1e-9 && f > 0.9);
        let (_, far) = time_factor(d(2022, Some(1), Some(2)), d(2022, Some(1), Some(20))).unwrap();
        assert!(far < 0.01);
        // month precision: mid-month, wider sigma
        let (_, month) = time_factor(d(2022, Some(1), None), d(2022, Some(1), Some(3))).unwrap();
        assert!(month > 0.2 && month < 0.9, "{month}");
        assert_eq!(time_factor(d(2022, None, None), d(2022, Some(1), Some(3))), None);
        assert_eq!(time_factor(None, d(2022, Some(1), Some(3))), None);
    }

    #[test]
    fn entity_overlap_weights_rare_ids() {
        let v = |xs: &[&str]| xs.iter().map(|s| (*s).to_string()).collect::<Vec<_>>();
        let w = |e: &str| if e == "Q1" { 1.0 } else { 5.0 };
        let common_only = entity_overlap(&v(&["Q1", "Q2"]), &v(&["Q1", "Q3"]), w).unwrap();
        let rare_shared = entity_overlap(&v(&["Q1", "Q2"]), &v(&["Q2", "Q3"]), w).unwrap();
        assert!(rare_shared > common_only);
        assert_eq!(entity_overlap(&[], &v(&["Q1"]), w), None);
    }
}
