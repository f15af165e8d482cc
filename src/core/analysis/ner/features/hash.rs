//! Feature keys: FNV-1a over a template id and string parts, hashed without allocating.

/// FNV-1a, 32 bits, fed a template id and then parts, each preceded by 0xff. Nothing is allocated:
/// a feature is hashed from the slices it is made of.
#[derive(Clone, Copy)]
pub(super) struct Fnv(pub(super) u32);

impl Fnv {
    #[inline]
    pub(super) fn new(template: u8) -> Self {
        Fnv((0x811c_9dc5 ^ u32::from(template)).wrapping_mul(0x0100_0193))
    }

    #[inline]
    fn byte(self, b: u8) -> Self {
        Fnv((self.0 ^ u32::from(b)).wrapping_mul(0x0100_0193))
    }

    #[inline]
    pub(super) fn part(self, p: &str) -> Self {
        let mut h = self.byte(0xff);
        for &b in p.as_bytes() {
            h = h.byte(b);
        }
        h
    }
}

/// The key of a feature: FNV-1a over a template id and parts separated by 0xff.
pub(super) fn hash(template: u8, parts: &[&str]) -> u32 {
    parts.iter().fold(Fnv::new(template), |h, p| h.part(p)).0
}
