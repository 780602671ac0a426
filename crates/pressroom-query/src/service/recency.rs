//! `sort=recency`: relevance weighted by a release's age.

/// Years over which a release's weight under `sort=recency` halves its distance to ½.
pub const RECENCY_HALF_LIFE_YEARS: f32 = 5.0;

/// `sort=recency` multiplies the relevance score by ½ + ½·2^(−age / 5 years): 1 for a release
/// of today, ¾ at five years, tending to ½; an undated release counts as old (½).
pub fn recency_factor(timestamp_secs: Option<i64>, now_secs: i64) -> f32 {
    let Some(timestamp) = timestamp_secs else {
        return 0.5;
    };
    let age_years = (now_secs - timestamp).max(0) as f32 / (365.25 * 86_400.0);
    0.5 + 0.5 * (-age_years / RECENCY_HALF_LIFE_YEARS).exp2()
}

#[cfg(test)]
mod tests {
    use super::*;

    const YEAR: f64 = 365.25 * 86_400.0;

    #[test]
    fn the_weight_halves_its_distance_to_a_half_every_five_years() {
        let now = 1_800_000_000;
        let years_ago = |years: f64| Some(now - (years * YEAR) as i64);
        assert!((recency_factor(Some(now), now) - 1.0).abs() < 1e-6);
        assert!((recency_factor(years_ago(5.0), now) - 0.75).abs() < 1e-4);
        assert!((recency_factor(years_ago(10.0), now) - 0.625).abs() < 1e-4);
        assert!(recency_factor(years_ago(60.0), now) > 0.5);
        assert_eq!(recency_factor(None, now), 0.5);
        // A date in the future counts as today.
        assert!((recency_factor(Some(now + 1_000_000), now) - 1.0).abs() < 1e-6);
    }
}
