//! Feature keys: FNV-1a over a template id and string parts, hashed without allocating.

/// FNV-1a, 32 bits, fed a template id and then parts, each preceded by 0xff. Nothing is allocated:
/// a feature is hashed from the slices it is made of.
#[derive(Clone, Copy)]
pub(super) struct Fnv(pub(super) u32);

impl Fnv {
    #[inline(always)]
    pub(super) fn new(template: u8) -> Self {
        Fnv((0x811c_9dc5 ^ u32::from(template)).wrapping_mul(0x0100_0193))
    }

    #[inline(always)]
    pub(super) fn byte(self, b: u8) -> Self {
        Fnv((self.0 ^ u32::from(b)).wrapping_mul(0x0100_0193))
    }

    #[inline(always)]
    pub(super) fn part(self, p: &str) -> Self {
        // a `while` loop: the wasm is built for size, where an iterator's `fold` stays a call
        let (mut h, bytes, mut i) = (self.byte(0xff), p.as_bytes(), 0);
        while i < bytes.len() {
            h = h.byte(bytes[i]);
            i += 1;
        }
        h
    }
}

/// The key of a feature: FNV-1a over a template id and parts separated by 0xff. (Inlined even in the wasm,
/// which is built for size: it runs ~40 times per token.)
#[inline(always)]
pub(super) fn hash(template: u8, parts: &[&str]) -> u32 {
    let (mut h, mut i) = (Fnv::new(template), 0);
    while i < parts.len() {
        h = h.part(parts[i]);
        i += 1;
    }
    h.0
}

/// A fast hasher for the word lists the tagger looks words up in for every token (the lexicon, the KB
/// gazetteer, the trigger table): FxHash's multiply-rotate over 8 bytes at a time, several times cheaper than
/// the default SipHash in the wasm. Not DoS-resistant, which does not matter for lists built from the model
/// and the KB. Lookups give the same answers with any hasher; only iteration order differs, and nothing
/// depends on it (the model writer sorts the lists).
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl WordHasher {
    #[inline(always)]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for WordHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

/// [`WordHasher`] as a `BuildHasher`.
pub type WordHash = std::hash::BuildHasherDefault<WordHasher>;

/// A map from words hashed with [`WordHasher`].
pub type WordMap<V> = std::collections::HashMap<String, V, WordHash>;

/// A set of words hashed with [`WordHasher`].
pub type WordSet = std::collections::HashSet<String, WordHash>;
