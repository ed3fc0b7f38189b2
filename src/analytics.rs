//! Numbers derived from the dataset: shares of a whole, a part's growth, progress towards a
//! target. (The one-sentence summary of a chart is in spec/summary.rs: it reads a ChartSpec,
//! and spec uses these numbers.)

use crate::data::{Dataset, Kind};

/// Part ÷ whole, when both are positive.
pub fn share(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0 && part >= 0.0 && part.is_finite() && whole.is_finite()).then(|| part / whole)
}

/// Actual ÷ target, when the target is positive.
pub fn progress(actual: f64, target: f64) -> Option<f64> {
    (target > 0.0 && actual.is_finite() && target.is_finite()).then(|| actual / target)
}

/// The growth value that goes with a level value: same indicator, region, period and subject.
pub fn growth_of(ds: &Dataset, level: usize) -> Option<usize> {
    let v = ds.value_at(level);
    ds.raw.values.iter().position(|g| {
        g.kind == Kind::Growth
            && g.indicator == v.indicator
            && g.region == v.region
            && g.period == v.period
            && g.subject.as_ref().map(|s| &s.zh) == v.subject.as_ref().map(|s| &s.zh)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_need_a_positive_whole() {
        assert_eq!(share(47.8, 949.6).map(|s| (s * 1000.0).round()), Some(50.0));
        assert_eq!(share(1.0, 0.0), None);
        assert_eq!(share(-1.0, 10.0), None);
        assert_eq!(progress(555.0, 650.0).map(|p| (p * 1000.0).round()), Some(854.0));
        assert_eq!(progress(1.0, f64::NAN), None);
    }
}
