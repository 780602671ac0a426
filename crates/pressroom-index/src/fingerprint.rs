//! A release's fingerprint, for collapsing near-duplicates at search time: a hash of its
//! normalised text (exact duplicates: the same words in the same order, whatever the case,
//! accents, punctuation or line breaks) and a MinHash sketch of its five-word shingles
//! (near-duplicates: two sketches agreeing in a share of their slots estimate the share of
//! shingles the two texts have in common, their Jaccard similarity).
//!
//! Both are computed when a document is indexed and kept as fast fields, so comparing the
//! top hits of a search costs no stored-document read.

use multiversion::multiversion;

/// Words per shingle.
const SHINGLE_WORDS: usize = 5;
/// Slots of a sketch; each keeps the low 16 bits of one hash function's minimum.
pub const SKETCH_SLOTS: usize = 64;
/// Bytes of a sketch as stored.
pub const SKETCH_BYTES: usize = SKETCH_SLOTS * 2;

/// The fingerprint of a title and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// Hash of the normalised words; 0 for a text without words.
    pub exact: u64,
    /// The MinHash sketch, little-endian `u16` slots.
    pub sketch: Vec<u8>,
}

impl Fingerprint {
    pub fn of(title: &str, body: &str) -> Fingerprint {
        let folded = folded(title, body);
        let words = words(&folded);
        let mut exact = FNV_OFFSET;
        for word in &words {
            exact = fnv(exact, word);
            exact = fnv(exact, b" ");
        }
        if words.is_empty() {
            exact = 0;
        }
        let mut minimums = [u64::MAX; SKETCH_SLOTS];
        let shingle_count = words
            .len()
            .saturating_sub(SHINGLE_WORDS - 1)
            .max(usize::from(!words.is_empty()));
        for start in 0..shingle_count {
            let end = (start + SHINGLE_WORDS).min(words.len());
            let mut shingle = FNV_OFFSET;
            for word in &words[start..end] {
                shingle = fnv(shingle, word);
                shingle = fnv(shingle, b" ");
            }
            keep_minimums(&mut minimums, shingle);
        }
        let sketch = minimums
            .iter()
            .flat_map(|minimum| ((*minimum & 0xFFFF) as u16).to_le_bytes())
            .collect();
        Fingerprint { exact, sketch }
    }
}

/// Each slot keeps the smaller of its minimum and the shingle's hash by the slot's function.
/// This is most of the cost of indexing a release (64 hashes per word), so it is compiled
/// again for the vector units of newer x86-64 processors and the best one the machine has
/// is chosen when it runs (multiversion): 8 or 4 slots per instruction instead of one, the
/// same values.
#[multiversion(targets("x86_64+avx512f+avx512dq", "x86_64+avx2"))]
fn keep_minimums(minimums: &mut [u64; SKETCH_SLOTS], shingle: u64) {
    for (minimum, seed) in minimums.iter_mut().zip(SEEDS) {
        *minimum = (*minimum).min(mix(shingle ^ seed));
    }
}

/// Whether two sketches share at least `threshold` of their slots: `similarity(a, b) >=
/// threshold`, but it stops at the first slot too many that differs, so telling two unrelated
/// releases apart (nearly every pair a search compares) reads a few slots, not 64.
pub fn similar_at_least(a: &[u8], b: &[u8], threshold: f32) -> bool {
    if a.len() != SKETCH_BYTES || b.len() != SKETCH_BYTES {
        return false;
    }
    let needed = (threshold * SKETCH_SLOTS as f32).ceil() as usize;
    let allowed_differences = SKETCH_SLOTS.saturating_sub(needed);
    let mut differences = 0;
    for (x, y) in a.chunks_exact(2).zip(b.chunks_exact(2)) {
        if x != y {
            differences += 1;
            if differences > allowed_differences {
                return false;
            }
        }
    }
    true
}

/// The estimated share of shingles two texts share: the share of sketch slots that agree
/// (0 when either sketch is missing or malformed).
pub fn similarity(a: &[u8], b: &[u8]) -> f32 {
    if a.len() != SKETCH_BYTES || b.len() != SKETCH_BYTES {
        return 0.0;
    }
    let agreeing = a.chunks_exact(2).zip(b.chunks_exact(2)).filter(|(x, y)| x == y).count();
    agreeing as f32 / SKETCH_SLOTS as f32
}

/// A text lowercased with its accents folded (ASCII), white space as it is: `words` then
/// reads it.
fn folded(title: &str, body: &str) -> String {
    pressroom_enrich::fold_letters(&format!("{title}\n{body}"))
}

/// The words of a folded text, anything but letters and digits dropped (slices of it: no
/// string is made per word of every release indexed).
fn words(folded: &str) -> Vec<&[u8]> {
    folded
        .as_bytes()
        .split(|byte| !byte.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect()
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// 64-bit FNV-1a: a small hash that never changes between builds of pressroom, as stored
/// fingerprints need.
fn fnv(mut hash: u64, bytes: &[u8]) -> u64 {
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// SplitMix64's finaliser: one of the sketch's hash functions per seed.
#[inline(always)]
fn mix(mut value: u64) -> u64 {
    value = (value ^ (value >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    value = (value ^ (value >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    value ^ (value >> 31)
}

/// One seed per sketch slot (SplitMix64's sequence from 1).
const SEEDS: [u64; SKETCH_SLOTS] = {
    let mut seeds = [0u64; SKETCH_SLOTS];
    let mut state: u64 = 1;
    let mut slot = 0;
    while slot < SKETCH_SLOTS {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut value = state;
        value = (value ^ (value >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        value = (value ^ (value >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        seeds[slot] = value ^ (value >> 31);
        slot += 1;
    }
    seeds
};

#[cfg(test)]
mod tests {
    use super::*;

    const RELEASE: &str = "Minister announces new resettlement places for refugees from Syria. The Government \
        will provide an additional 12,000 places in the humanitarian programme for people displaced by the \
        conflict in Syria and Iraq, the Minister for Immigration said today in Canberra. Priority will go to \
        women, children and families of persecuted minorities, who will be settled in regional centres.";

    #[test]
    fn the_same_words_are_an_exact_duplicate_whatever_the_layout() {
        let a = Fingerprint::of("NEW PLACES", RELEASE);
        let reflowed = RELEASE.replace(". ", ".\n\n").replace("Government", "GOVERNMENT");
        let b = Fingerprint::of("New places", &reflowed);
        assert_eq!(a.exact, b.exact);
        assert_eq!(similarity(&a.sketch, &b.sketch), 1.0);
        assert_ne!(
            a.exact,
            Fingerprint::of("New places", &RELEASE.replace("12,000", "13,000")).exact
        );
        assert_eq!(Fingerprint::of("", "").exact, 0);
    }

    #[test]
    fn a_small_edit_stays_near_and_another_text_is_far() {
        let a = Fingerprint::of("New places", RELEASE);
        let edited = Fingerprint::of("New places", &format!("{RELEASE} Media contact: 02 6277 7860."));
        let near = similarity(&a.sketch, &edited.sketch);
        assert!(near >= 0.8, "{near}");
        let other = Fingerprint::of(
            "Floods in Chad",
            "Heavy rain displaced thousands of families in southern Chad this week, and aid agencies \
             said more shelter and clean water were needed before the next storms reach the camps.",
        );
        assert!(similarity(&a.sketch, &other.sketch) < 0.2);
        for (x, y) in [
            (&a.sketch, &edited.sketch),
            (&a.sketch, &other.sketch),
            (&a.sketch, &a.sketch),
        ] {
            for threshold in [0.0, 0.5, 0.9, 1.0] {
                assert_eq!(similar_at_least(x, y, threshold), similarity(x, y) >= threshold);
            }
        }
        assert_eq!(a.sketch.len(), SKETCH_BYTES);
    }

    /// Stored sketches must not depend on the processor: the vector versions of
    /// `keep_minimums` give, slot for slot, what the plain loop gives (the one indexes were
    /// built with before them), on a text long enough for every slot to change many times.
    #[test]
    fn the_sketch_is_the_same_on_every_processor() {
        let text = RELEASE.repeat(40).replace("Syria", "Iraq and Syria");
        let fingerprint = Fingerprint::of("Places", &text);
        let folded = folded("Places", &text);
        let words = words(&folded);
        let mut minimums = [u64::MAX; SKETCH_SLOTS];
        for shingle in words.windows(SHINGLE_WORDS) {
            let hash = shingle.iter().fold(FNV_OFFSET, |hash, word| fnv(fnv(hash, word), b" "));
            for (slot, minimum) in minimums.iter_mut().enumerate() {
                let hashed = mix(hash ^ SEEDS[slot]);
                if hashed < *minimum {
                    *minimum = hashed;
                }
            }
        }
        let expected: Vec<u8> = minimums
            .iter()
            .flat_map(|minimum| ((*minimum & 0xFFFF) as u16).to_le_bytes())
            .collect();
        assert_eq!(fingerprint.sketch, expected);
    }

    /// The words are those of the enricher's folding (`pressroom_enrich::fold`), which also
    /// folds white space: sketches of releases indexed before and after agree.
    #[test]
    fn the_words_are_those_of_the_enrichers_folding() {
        for (title, body) in [
            (
                "Réfugiés  à   Genève",
                "L’OIM\u{a0}et le HCR — ½ des 12 000 personnes\n\n\tÉtat © 2016 ZÜRICH straße",
            ),
            ("PLAIN ASCII", "Two  spaces,\r\nand lines;  the end."),
        ] {
            let reference = pressroom_enrich::fold(&format!("{title}\n{body}"));
            let reference: Vec<&[u8]> = reference
                .split(|c: char| !c.is_alphanumeric())
                .filter(|word| !word.is_empty())
                .map(str::as_bytes)
                .collect();
            assert_eq!(words(&folded(title, body)), reference);
        }
    }
}
