//! Host-supplied big series (typed arrays of x and y, 1 to 10 million points) for line charts.
//! Drawing cost follows the chart's width: the path is decimated per pixel column, and hover
//! finds the nearest point by binary search.

use crate::error::{Error, Result};

pub const MAX_POINTS: usize = 10_000_000;
/// Largest |x| or |y| accepted, as for dataset values: beyond it tick labels grow to hundreds
/// of digits and spans overflow to infinity (NaN coordinates, no line drawn).
pub const MAX_ABS: f64 = 1e15;

/// A number as error messages show it: 1e308 and 5e-324, not hundreds of digits.
pub(crate) fn show(v: f64) -> String {
    if v.is_finite() && v != 0.0 && !(1e-9..1e16).contains(&v.abs()) {
        // zmij's shortest form, which is the exponent form for these magnitudes ("1.0e+308"
        // → "1e308"), taken apart by chars: a `replace` of a str pattern costs 2 KB of wasm.
        let mut buf = zmij::Buffer::new();
        let s = buf.format_finite(v);
        let (m, e) = s.split_once('e').unwrap_or((s, ""));
        let (m, e) = (m.strip_suffix(".0").unwrap_or(m), e.strip_prefix('+').unwrap_or(e));
        if e.is_empty() {
            m.to_string()
        } else {
            format!("{m}e{e}")
        }
    } else {
        crate::i18n::shortest(v)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct HostSeries {
    pub label: String,
    pub unit: String,
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    pub x_range: (f64, f64),
    pub y_range: (f64, f64),
}

impl HostSeries {
    /// Checks the arrays: same length, not empty, finite, x ascending. Errors name the index.
    pub fn new(label: &str, unit: &str, x: Vec<f64>, y: Vec<f64>) -> Result<HostSeries> {
        HostSeries::check_shape(label, unit, x.len(), y.len())?;
        let mut check = PointCheck::new();
        check.feed(&x, &y);
        HostSeries::checked(label, unit, x, y, check)
    }

    /// The checks that need no point: label, unit and lengths. The wasm side runs them before
    /// copying any point into wasm memory (which never shrinks).
    pub fn check_shape(label: &str, unit: &str, nx: usize, ny: usize) -> Result<()> {
        // U+FFFE and U+FFFF are not characters: an SVG export carrying one is not XML.
        let bad = |c: char| c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}');
        if label.chars().count() > 200 || label.chars().any(bad) {
            return Err(Error::new(
                "bad_argument",
                "series.label",
                "the label must be at most 200 characters, without control characters or U+FFFE/U+FFFF",
            ));
        }
        if unit.chars().count() > 40 || unit.chars().any(bad) {
            return Err(Error::new(
                "bad_argument",
                "series.unit",
                "the unit must be at most 40 characters, without control characters or U+FFFE/U+FFFF",
            ));
        }
        if nx != ny {
            return Err(Error::new(
                "series_length_mismatch",
                "series.y",
                format!("x has {nx} points but y has {ny}; they must be the same length"),
            ));
        }
        if nx == 0 {
            return Err(Error::new("empty_series", "series.x", "the series has no points"));
        }
        if nx > MAX_POINTS {
            return Err(Error::new("series_too_large", "series.x", format!("{nx} points; the limit is {MAX_POINTS}")));
        }
        Ok(())
    }

    /// The series, from arrays that passed `check_shape` and whose points all went through
    /// `check`, in order. Only a failure looks for the culprit, to name it.
    pub fn checked(label: &str, unit: &str, x: Vec<f64>, y: Vec<f64>, check: PointCheck) -> Result<HostSeries> {
        debug_assert_eq!((check.seen, x.len()), (x.len(), y.len()), "every point checked");
        if !check.passed() {
            return Err(first_problem(&x, &y));
        }
        Ok(HostSeries {
            label: label.to_string(),
            unit: unit.to_string(),
            x,
            y,
            x_range: (check.first, check.prev),
            y_range: (check.ylo, check.yhi),
        })
    }

    pub fn len(&self) -> usize {
        self.x.len()
    }

    pub fn is_empty(&self) -> bool {
        self.x.is_empty()
    }

    /// Index of the point nearest to data-x `x` (binary search).
    pub fn nearest(&self, x: f64) -> usize {
        // A series is never empty (`new` refuses one).
        crate::decimate::nearest(&self.x, x).unwrap_or(0)
    }
}

/// The per-point check of `HostSeries::new`, fed the points in order, in one or more chunks
/// (the wasm side checks a big series a chunk at a time before copying it in:
/// `web::host_series`). x only needs `>=` per point (NaN fails every comparison): every x is
/// in range when x ascends and both ends are in range. One
/// branch-free loop; the y range uses compare-and-select, not `f64::min`/`max`, which in wasm
/// are calls to `fmin`/`fmax` (for a NaN handling not needed here) and made this loop several
/// times slower.
#[derive(Debug, Clone)]
pub struct PointCheck {
    first: f64,
    prev: f64,
    ok: bool,
    ylo: f64,
    yhi: f64,
    seen: usize,
}

impl PointCheck {
    pub fn new() -> PointCheck {
        PointCheck {
            first: f64::NAN,
            prev: f64::NEG_INFINITY,
            ok: true,
            ylo: f64::INFINITY,
            yhi: f64::NEG_INFINITY,
            seen: 0,
        }
    }

    /// Whether every point fed so far is valid (and there was one).
    pub fn passed(&self) -> bool {
        self.ok && self.first.abs() <= MAX_ABS && self.prev.abs() <= MAX_ABS
    }

    /// The next points (x and y of the same length).
    pub fn feed(&mut self, x: &[f64], y: &[f64]) {
        if self.seen == 0 {
            self.first = x.first().copied().unwrap_or(f64::NAN);
        }
        let (mut prev, mut ok, mut ylo, mut yhi) = (self.prev, self.ok, self.ylo, self.yhi);
        for (&xi, &yi) in x.iter().zip(y) {
            ok &= (xi >= prev) & (yi.abs() <= MAX_ABS);
            prev = xi;
            ylo = if yi < ylo { yi } else { ylo };
            yhi = if yi > yhi { yi } else { yhi };
        }
        (self.prev, self.ok, self.ylo, self.yhi) = (prev, ok, ylo, yhi);
        self.seen += x.len().min(y.len());
    }
}

impl Default for PointCheck {
    fn default() -> PointCheck {
        PointCheck::new()
    }
}

/// The first bad number or the first step back in x, named by index.
fn first_problem(x: &[f64], y: &[f64]) -> Error {
    for i in 0..x.len() {
        if !(x[i].is_finite() && x[i].abs() <= MAX_ABS) {
            return Error::new(
                "bad_number",
                format!("series.x[{i}]"),
                format!("x must be a finite number within ±1e15, got {}", show(x[i])),
            );
        }
        if !(y[i].is_finite() && y[i].abs() <= MAX_ABS) {
            return Error::new(
                "bad_number",
                format!("series.y[{i}]"),
                format!("y must be a finite number within ±1e15, got {}", show(y[i])),
            );
        }
        if i > 0 && x[i] < x[i - 1] {
            return Error::new(
                "unsorted_series",
                format!("series.x[{i}]"),
                format!("x must ascend, but x[{i}] = {} comes after {}", show(x[i]), show(x[i - 1])),
            );
        }
    }
    Error::new("bad_number", "series", "the series has an invalid value")
}

/// Mapping between data and CSS px for a plot area.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlotMap {
    pub x0: f64,
    pub x1: f64,
    pub top: f64,
    pub bottom: f64,
    pub xd: (f64, f64),
    pub yd: (f64, f64),
}

impl PlotMap {
    pub fn px(&self, x: f64) -> f64 {
        let span = self.xd.1 - self.xd.0;
        if span == 0.0 {
            (self.x0 + self.x1) / 2.0
        } else {
            self.x0 + (x - self.xd.0) / span * (self.x1 - self.x0)
        }
    }
    pub fn py(&self, y: f64) -> f64 {
        self.bottom - (y - self.yd.0) / (self.yd.1 - self.yd.0) * (self.bottom - self.top)
    }
    pub fn data_x(&self, px: f64) -> f64 {
        self.xd.0 + (px - self.x0) / (self.x1 - self.x0) * (self.xd.1 - self.xd.0)
    }
}

/// The screen path of a series: points mapped to CSS px and decimated per column, `per_px`
/// columns to a CSS px on a grid anchored at 0 (not at the plot edge). With
/// `COLUMNS_PER_PX` = 24 every column lies inside one device pixel at devicePixelRatio 1, 1.5,
/// 2, 3 and 4, so no column mixes two device pixels and the drawn pixels are those of the full
/// path; `draw` then keeps the extremes per device pixel.
pub const COLUMNS_PER_PX: f64 = 24.0;

pub fn screen_path(s: &HostSeries, map: &PlotMap, per_px: f64) -> Vec<(f64, f64)> {
    let (xs, ys) = (&s.x[..], &s.y[..]);
    let n = xs.len().min(ys.len());
    let mut out = Vec::with_capacity((((map.x1 - map.x0) * per_px) as usize * 4 + 8).min(n));
    // The column of x is floor(px(x) · per_px), written as one multiply-add: (x − xd0) · k + b.
    // Subtraction, multiplication and addition round monotonically, so with x ascending the
    // column never decreases: each column is a run of indices, found by search from a guess
    // (the previous run's length) instead of computing the column of every point. Only the
    // y of a run is then read in full, for its lowest and highest.
    let span = map.xd.1 - map.xd.0;
    let (k, b) = if span == 0.0 {
        (0.0, (map.x0 + map.x1) / 2.0 * per_px)
    } else {
        ((map.x1 - map.x0) / span * per_px, map.x0 * per_px)
    };
    let xd0 = map.xd.0;
    let col = |x: f64| ((x - xd0) * k + b).floor() as i64;
    let (mut start, mut run) = (0usize, 1usize);
    while start < n {
        let end = run_end(xs, start, run, col);
        run = end - start;
        let (lo, hi) = extremes(&ys[start..end]);
        let (first, last) = (start, end - 1);
        // In index order, each once: first ≤ min(lo, hi) ≤ max(lo, hi) ≤ last.
        let (a, z) = if lo <= hi { (start + lo, start + hi) } else { (start + hi, start + lo) };
        let mut push = |i: usize| out.push((map.px(xs[i]), map.py(ys[i])));
        push(first);
        if a != first {
            push(a);
        }
        if z != a {
            push(z);
        }
        if last != z {
            push(last);
        }
        start = end;
    }
    out
}

/// One past the last index of the run of points from `start` that share `col(xs[start])`
/// (`col` never decreases along `xs`): looked for from `start + guess`, forwards or backwards.
/// With the previous run's length as the guess that is a step or two per run on evenly spaced
/// x, and never more steps in all than twice the number of points.
fn run_end(xs: &[f64], start: usize, guess: usize, col: impl Fn(f64) -> i64) -> usize {
    let n = xs.len();
    let c = col(xs[start]);
    let inside = |i: usize| col(xs[i]) == c;
    let mut end = (start + guess).clamp(start + 1, n);
    while end < n && inside(end) {
        end += 1;
    }
    // xs[start] is inside, so this stops at start + 1 at the latest.
    while !inside(end - 1) {
        end -= 1;
    }
    end
}

/// Indices of the first lowest and the first highest value. Compared as integers (`order_key`):
/// V8 compiles an integer compare-and-select to a conditional move but an f64 one to a branch,
/// which mispredicts at every new extreme (often, on a random walk); this ran twice as fast.
fn extremes(ys: &[f64]) -> (usize, usize) {
    let (mut lo, mut hi, mut klo, mut khi) = (0, 0, order_key(ys[0]), order_key(ys[0]));
    for (i, &v) in ys.iter().enumerate() {
        let k = order_key(v);
        if k < klo {
            (lo, klo) = (i, k);
        }
        if k > khi {
            (hi, khi) = (i, k);
        }
    }
    (lo, hi)
}

/// An integer that orders as `y` does (y not NaN): the sign-magnitude bits made two's
/// complement. −0 is made +0 first, so that the two stay equal.
#[inline(always)]
fn order_key(y: f64) -> i64 {
    let b = (y + 0.0).to_bits() as i64;
    b ^ (((b >> 63) as u64) >> 1) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_messages_are_short() {
        for (v, want) in [
            (1e308, "1e308"),
            (5e-324, "5e-324"),
            (-1.5e20, "-1.5e20"),
            (2.5e-12, "2.5e-12"),
            (2.5, "2.5"),
            (1e15, "1000000000000000"),
        ] {
            assert_eq!(show(v), want);
        }
    }

    #[test]
    fn rejects_bad_arrays_with_the_index() {
        let e = HostSeries::new("s", "", vec![0.0, 1.0], vec![1.0]).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), ("series_length_mismatch", "series.y"));
        let e = HostSeries::new("s", "", vec![0.0, f64::NAN], vec![1.0, 2.0]).unwrap_err();
        assert_eq!(e.path, "series.x[1]");
        let e = HostSeries::new("s", "", vec![0.0, 1.0], vec![1.0, f64::INFINITY]).unwrap_err();
        assert_eq!(e.path, "series.y[1]");
        let e = HostSeries::new("s", "", vec![2.0, 1.0], vec![1.0, 2.0]).unwrap_err();
        assert_eq!(e.code, "unsorted_series");
        assert_eq!(HostSeries::new("s", "", vec![], vec![]).unwrap_err().code, "empty_series");
        assert!(HostSeries::new("s", "", vec![1.0], vec![-0.0]).is_ok());
        let e = HostSeries::new("s", "", vec![0.0, 1.0], vec![-1e308, 1e308]).unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str(), e.message.as_str()),
            ("bad_number", "series.y[0]", "y must be a finite number within ±1e15, got -1e308")
        );
        assert!(HostSeries::new("s", "", vec![-1e15, 1e15], vec![1e15, -1e15]).is_ok());
        // x is range-checked through its ends and its order: each kind of bad x is still named.
        let e = HostSeries::new("s", "", vec![0.0, 2e15, 1.0], vec![0.0; 3]).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), ("bad_number", "series.x[1]"));
        let e = HostSeries::new("s", "", vec![0.0, 1.0, 2e15], vec![0.0; 3]).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), ("bad_number", "series.x[2]"));
        let e = HostSeries::new("s", "", vec![f64::NEG_INFINITY, 1.0], vec![0.0; 2]).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), ("bad_number", "series.x[0]"));
        let e = HostSeries::new("s", "", vec![0.0, f64::NAN, 2.0], vec![0.0; 3]).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), ("bad_number", "series.x[1]"));
        let e = HostSeries::new("s", "", vec![f64::NAN], vec![0.0]).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), ("bad_number", "series.x[0]"));
        let e = HostSeries::new("s", "", vec![0.0, 3.0, 2.0, 4.0], vec![0.0; 4]).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), ("unsorted_series", "series.x[2]"));
        let e = HostSeries::new("s", "", vec![0.0, 1.0, 2.0], vec![0.0, f64::NAN, 1.0]).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), ("bad_number", "series.y[1]"));
        let s = HostSeries::new("s", "", vec![1.0, 1.0, 2.0], vec![3.0, -2.0, 5.0]).unwrap();
        assert_eq!((s.x_range, s.y_range), ((1.0, 2.0), (-2.0, 5.0)));
    }

    /// `checked` after feeding the points in chunks of `size`.
    fn in_chunks(x: Vec<f64>, y: Vec<f64>, size: usize) -> Result<HostSeries> {
        HostSeries::check_shape("s", "", x.len(), y.len())?;
        let mut check = PointCheck::new();
        for (cx, cy) in x.chunks(size).zip(y.chunks(size)) {
            check.feed(cx, cy);
        }
        HostSeries::checked("s", "", x, y, check)
    }

    #[test]
    fn a_check_in_chunks_is_the_check_in_one_go() {
        let walk: Vec<f64> = (0..50).map(|i| ((i * 37) % 11) as f64 - 5.0).collect();
        let xs: Vec<f64> = (0..50).map(|i| i as f64).collect();
        let mut cases = vec![(xs.clone(), walk.clone())];
        // A step back, a NaN and an out-of-range value at and around the chunk boundaries.
        for i in [1, 6, 7, 8, 48, 49] {
            let mut x = xs.clone();
            x[i] = x[i - 1] - 0.5;
            cases.push((x, walk.clone()));
            let mut y = walk.clone();
            y[i] = f64::NAN;
            cases.push((xs.clone(), y));
            let mut x = xs.clone();
            x[i] = 2e15;
            cases.push((x, walk.clone()));
        }
        for (x, y) in cases {
            let whole = HostSeries::new("s", "", x.clone(), y.clone());
            for size in [1, 3, 7, 50] {
                let chunked = in_chunks(x.clone(), y.clone(), size);
                assert_eq!(
                    chunked.as_ref().map_err(|e| (e.code, e.path.clone())),
                    whole.as_ref().map_err(|e| (e.code, e.path.clone())),
                    "chunks of {size}"
                );
            }
        }
    }

    #[test]
    fn order_key_orders_as_the_numbers_do() {
        let v = [f64::MIN, -1e15, -2.5, -1.0, -f64::MIN_POSITIVE, -5e-324, -0.0, 0.0, 5e-324, 1.0, 2.5, 1e15, f64::MAX];
        for a in v {
            for b in v {
                assert_eq!(order_key(a).cmp(&order_key(b)), a.partial_cmp(&b).unwrap(), "{a} vs {b}");
            }
        }
    }

    #[test]
    fn nearest_is_a_binary_search() {
        let s = HostSeries::new("s", "", (0..1000).map(|i| i as f64 * 2.0).collect(), vec![0.0; 1000]).unwrap();
        assert_eq!(s.nearest(-5.0), 0);
        assert_eq!(s.nearest(3.1), 2);
        assert_eq!(s.nearest(2.9), 1);
        assert_eq!(s.nearest(1e9), 999);
    }

    #[test]
    fn million_points_decimate_to_the_width() {
        let n = 1_000_000;
        let x: Vec<f64> = (0..n).map(|i| i as f64).collect();
        let y: Vec<f64> = (0..n as u64).map(|i| ((i * 7919) % 1000) as f64).collect();
        let s = HostSeries::new("s", "", x, y).unwrap();
        let map = PlotMap { x0: 0.0, x1: 800.0, top: 0.0, bottom: 400.0, xd: s.x_range, yd: s.y_range };
        let path = screen_path(&s, &map, COLUMNS_PER_PX);
        assert!(path.len() <= 4 * (800 * 24 + 1), "{}", path.len());
        // Each column keeps its extremes: the path spans the full y range.
        let (lo, hi) = path.iter().fold((f64::MAX, f64::MIN), |a, p| (a.0.min(p.1), a.1.max(p.1)));
        assert_eq!((lo, hi), (0.0, 400.0));
        assert_eq!(path, reference_path(&s, &map, COLUMNS_PER_PX));
    }

    /// The rule as first written: the column of every point, one point at a time.
    fn reference_path(s: &HostSeries, map: &PlotMap, per_px: f64) -> Vec<(f64, f64)> {
        let span = map.xd.1 - map.xd.0;
        let (k, b) = if span == 0.0 {
            (0.0, (map.x0 + map.x1) / 2.0 * per_px)
        } else {
            ((map.x1 - map.x0) / span * per_px, map.x0 * per_px)
        };
        let mut runs: Vec<(i64, Vec<usize>)> = Vec::new();
        for i in 0..s.len() {
            let c = ((s.x[i] - map.xd.0) * k + b).floor() as i64;
            match runs.last_mut() {
                Some((rc, idx)) if *rc == c => idx.push(i),
                _ => runs.push((c, vec![i])),
            }
        }
        let mut out = Vec::new();
        for (_, idx) in runs {
            let lo = *idx.iter().min_by(|&&a, &&b| s.y[a].partial_cmp(&s.y[b]).unwrap().then(a.cmp(&b))).unwrap();
            let hi = *idx.iter().max_by(|&&a, &&b| s.y[a].partial_cmp(&s.y[b]).unwrap().then(b.cmp(&a))).unwrap();
            let mut keep = vec![idx[0], lo, hi, *idx.last().unwrap()];
            keep.sort();
            keep.dedup();
            out.extend(keep.into_iter().map(|i| (map.px(s.x[i]), map.py(s.y[i]))));
        }
        out
    }

    #[test]
    fn runs_of_every_length_match_the_point_by_point_rule() {
        // Uneven x: runs of 1 point, long runs, repeated x, gaps, and a run length that changes.
        let mut x = vec![0.0, 0.0, 0.0, 0.5];
        x.extend((0..5000).map(|i| 1.0 + (i as f64).powf(1.7) / 1000.0));
        x.extend((0..3000).map(|i| 5000.0 + i as f64 * 0.001));
        x.push(9000.0);
        let y: Vec<f64> = (0..x.len() as u64).map(|i| ((i * 7919 + i * i * 31) % 997) as f64 - 400.0).collect();
        let s = HostSeries::new("s", "", x, y).unwrap();
        for (x0, x1, per_px) in [(37.25, 763.5, 24.0), (0.0, 10.0, 1.0), (3.0, 3000.0, 24.0), (50.0, 51.0, 0.5)] {
            let map = PlotMap { x0, x1, top: 0.0, bottom: 400.0, xd: s.x_range, yd: s.y_range };
            assert_eq!(screen_path(&s, &map, per_px), reference_path(&s, &map, per_px), "{x0}..{x1} at {per_px}");
        }
        // One point, and a vertical series (every x equal: one column).
        // −0 and +0 tie: the first of them is kept.
        for (x, y) in [
            (vec![4.0], vec![1.0]),
            (vec![2.0; 5], vec![1.0, 5.0, -1.0, 5.0, 2.0]),
            (vec![2.0; 4], vec![0.0, -0.0, 1.0, -0.0]),
        ] {
            let s = HostSeries::new("s", "", x, y).unwrap();
            let map = PlotMap { x0: 10.0, x1: 500.0, top: 0.0, bottom: 400.0, xd: s.x_range, yd: (-1.0, 5.0) };
            assert_eq!(screen_path(&s, &map, COLUMNS_PER_PX), reference_path(&s, &map, COLUMNS_PER_PX));
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(128))]
            /// Searching for the runs keeps exactly the points the point-by-point rule keeps:
            /// random steps in x (including 0, i.e. repeated x), y with ties, any plot width.
            #[test]
            fn screen_path_matches_the_point_by_point_rule(
                steps in prop::collection::vec(prop_oneof![Just(0.0), 0.0f64..1.0, 0.0f64..50.0], 1..4000),
                ys in prop::collection::vec(-20i32..20, 4000),
                x0 in 0.0f64..100.0, w in 1.0f64..2000.0, per_px in prop_oneof![Just(24.0), Just(1.0), 0.1f64..30.0],
            ) {
                let mut x = Vec::with_capacity(steps.len());
                let mut v = -1000.0;
                for s in &steps {
                    v += s;
                    x.push(v);
                }
                let y: Vec<f64> = ys[..x.len()].iter().map(|&v| v as f64 / 4.0).collect();
                let s = HostSeries::new("s", "", x, y).unwrap();
                // (A flat y range would make every py NaN, which no comparison equals.)
                let map = PlotMap { x0, x1: x0 + w, top: 0.0, bottom: 300.0, xd: s.x_range, yd: (s.y_range.0 - 1.0, s.y_range.1 + 1.0) };
                prop_assert_eq!(screen_path(&s, &map, per_px), reference_path(&s, &map, per_px));
            }
        }
    }
}
