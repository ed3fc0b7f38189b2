//! Per-pixel-column decimation (as uPlot and M4 do): of the points that fall into one pixel
//! column, keep the first, the lowest, the highest and the last. A polyline through those
//! covers exactly the pixels the full line covers, so drawing cost follows the chart's width,
//! not the number of points.

/// Decimates a polyline whose x values are sorted ascending. `x0` is where pixel columns
/// start and `px` is the column width (1 CSS px, or 1/dpr for device pixels).
pub fn min_max(points: &[(f64, f64)], x0: f64, px: f64) -> Vec<(f64, f64)> {
    if points.len() <= 4 {
        return points.to_vec();
    }
    let mut out = Vec::with_capacity(points.len().min(4096));
    let col = |x: f64| ((x - x0) / px).floor() as i64;
    let mut i = 0;
    while i < points.len() {
        let c = col(points[i].0);
        let start = i;
        let (mut lo, mut hi) = (i, i);
        while i < points.len() && col(points[i].0) == c {
            if points[i].1 < points[lo].1 {
                lo = i;
            }
            if points[i].1 > points[hi].1 {
                hi = i;
            }
            i += 1;
        }
        let end = i - 1;
        // In index order, so the path goes the way the data went.
        let mut keep = [start, lo, hi, end];
        keep.sort_unstable();
        let mut last = usize::MAX;
        for k in keep {
            if k != last {
                out.push(points[k]);
                last = k;
            }
        }
    }
    out
}

/// Index of the value in `xs` (sorted ascending) nearest to `x`, ties to the left: a binary
/// search, so hovering a million-point line costs ~20 comparisons.
pub fn nearest(xs: &[f64], x: f64) -> Option<usize> {
    if xs.is_empty() {
        return None;
    }
    let i = xs.partition_point(|&v| v < x);
    Some(if i == 0 {
        0
    } else if i == xs.len() || (x - xs[i - 1]) <= (xs[i] - x) {
        i - 1
    } else {
        i
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Pixels a polyline touches, at 1 px columns: per column the [min, max] y range covered,
    /// including the segments that cross into the column.
    fn coverage(points: &[(f64, f64)]) -> Vec<(i64, i64, i64)> {
        let mut cols: std::collections::BTreeMap<i64, (f64, f64)> = Default::default();
        let mut add = |x: f64, y: f64| {
            let c = x.floor() as i64;
            let e = cols.entry(c).or_insert((y, y));
            e.0 = e.0.min(y);
            e.1 = e.1.max(y);
        };
        for w in points.windows(2) {
            let ((ax, ay), (bx, by)) = (w[0], w[1]);
            let steps = ((bx - ax).abs().ceil() as usize * 4).max(1);
            for s in 0..=steps {
                let t = s as f64 / steps as f64;
                add(ax + (bx - ax) * t, ay + (by - ay) * t);
            }
        }
        cols.into_iter().map(|(c, (lo, hi))| (c, lo.round() as i64, hi.round() as i64)).collect()
    }

    #[test]
    fn keeps_extremes_of_each_column() {
        let pts: Vec<(f64, f64)> = (0..1000).map(|i| (i as f64 / 100.0, ((i * 37) % 101) as f64)).collect();
        let d = min_max(&pts, 0.0, 1.0);
        assert!(d.len() <= 4 * 10, "{}", d.len());
        assert_eq!(coverage(&d), coverage(&pts));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn decimated_line_covers_the_same_pixels(ys in prop::collection::vec(-1000.0f64..1000.0, 5..3000), width in 20usize..400) {
            let n = ys.len();
            let pts: Vec<(f64, f64)> = ys.iter().enumerate().map(|(i, &y)| (i as f64 * width as f64 / n as f64, y)).collect();
            let d = min_max(&pts, 0.0, 1.0);
            prop_assert!(d.len() <= 4 * (width + 1));
            prop_assert_eq!(coverage(&d), coverage(&pts));
        }

        #[test]
        fn nearest_matches_a_scan(xs in prop::collection::vec(-100.0f64..100.0, 1..200), x in -120.0f64..120.0) {
            let mut xs = xs;
            xs.sort_by(|a, b| a.total_cmp(b));
            let i = nearest(&xs, x).unwrap();
            let best = xs.iter().map(|v| (v - x).abs()).fold(f64::INFINITY, f64::min);
            prop_assert!(((xs[i] - x).abs() - best).abs() < 1e-9);
        }
    }
}
