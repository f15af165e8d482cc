//! Candidate pairs: an inverted index over each document's distinctive terms and entities, plus LSH bands
//! over the MinHash, so the linker never scores all pairs.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use super::features::Features;
use super::params::{LSH_BANDS, MAX_POSTING, MIN_SHARED_KEYS};
use super::types::LinkDoc;
use crate::core::analysis::similarity::{MINHASH_K, U64Hasher, U64Map, hash_str};

/// Candidate pairs `(i, j)` with `i < j`: sharing at least [`MIN_SHARED_KEYS`] index keys (distinctive
/// terms or entities, posting lists up to [`MAX_POSTING`]) or one LSH band of the MinHash.
pub(super) fn candidates(docs: &[LinkDoc], feats: &[Features]) -> Vec<(u32, u32)> {
    let mut postings: U64Map<u64, Vec<u32>> = U64Map::default();
    for (i, (d, f)) in docs.iter().zip(feats).enumerate() {
        let ents: HashSet<u64> = d.entities.iter().map(|e| hash_str(e) ^ 0x5bd1_e995_u64).collect();
        for k in f.index_terms.iter().copied().chain(ents) {
            postings.entry(k).or_default().push(i as u32);
        }
    }
    let mut shared: U64Map<u64, u16> = U64Map::default();
    for list in postings.values() {
        if list.len() < 2 || list.len() > MAX_POSTING {
            continue;
        }
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                let e = shared.entry(pair_key(i, j)).or_default();
                *e = e.saturating_add(1);
            }
        }
    }
    let mut out: HashSet<u64, BuildHasherDefault<U64Hasher>> = shared
        .into_iter()
        .filter(|&(_, n)| n >= MIN_SHARED_KEYS)
        .map(|(k, _)| k)
        .collect();
    let rows = MINHASH_K / LSH_BANDS;
    let mut buckets: U64Map<u64, Vec<u32>> = U64Map::default();
    for (i, f) in feats.iter().enumerate() {
        if f.minhash.shingles == 0 {
            continue;
        }
        for band in 0..LSH_BANDS {
            let key = f.minhash.mins[band * rows..(band + 1) * rows]
                .iter()
                .fold(0u64, |h, &m| h.rotate_left(17) ^ m);
            buckets
                .entry(key ^ (band as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15))
                .or_default()
                .push(i as u32);
        }
    }
    for list in buckets.values() {
        if list.len() < 2 || list.len() > MAX_POSTING {
            continue;
        }
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                out.insert(pair_key(i, j));
            }
        }
    }
    let mut out: Vec<(u32, u32)> = out.into_iter().map(|k| ((k >> 32) as u32, k as u32)).collect();
    out.sort_unstable();
    out
}

/// One `u64` for an unordered pair of document indices: smaller index in the high half.
fn pair_key(i: u32, j: u32) -> u64 {
    (u64::from(i.min(j)) << 32) | u64::from(i.max(j))
}
