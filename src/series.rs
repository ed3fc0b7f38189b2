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
        // zmij's shortest form, which is the exponent form for these magnitudes.
        zmij::Buffer::new().format_finite(v).replace(".0e", "e").replace("e+", "e")
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
        if label.chars().count() > 200 || label.chars().any(char::is_control) {
            return Err(Error::new("bad_argument", "series.label", "the label must be at most 200 characters, without control characters"));
        }
        if unit.chars().count() > 40 || unit.chars().any(char::is_control) {
            return Err(Error::new("bad_argument", "series.unit", "the unit must be at most 40 characters, without control characters"));
        }
        if x.len() != y.len() {
            return Err(Error::new(
                "series_length_mismatch",
                "series.y",
                format!("x has {} points but y has {}; they must be the same length", x.len(), y.len()),
            ));
        }
        if x.is_empty() {
            return Err(Error::new("empty_series", "series.x", "the series has no points"));
        }
        if x.len() > MAX_POINTS {
            return Err(Error::new("series_too_large", "series.x", format!("{} points; the limit is {MAX_POINTS}", x.len())));
        }
        // One branch-free pass over a million points; only a failure looks for the culprit.
        let (mut ylo, mut yhi, mut prev, mut ok) = (f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY, true);
        for (&xi, &yi) in x.iter().zip(&y) {
            // NaN fails every comparison, so it fails here too.
            ok &= xi.abs() <= MAX_ABS && yi.abs() <= MAX_ABS && xi >= prev;
            prev = xi;
            ylo = ylo.min(yi);
            yhi = yhi.max(yi);
        }
        if !ok {
            return Err(first_problem(&x, &y));
        }
        let x_range = (x[0], x[x.len() - 1]);
        Ok(HostSeries { label: label.to_string(), unit: unit.to_string(), x, y, x_range, y_range: (ylo, yhi) })
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

/// The first bad number or the first step back in x, named by index.
fn first_problem(x: &[f64], y: &[f64]) -> Error {
    for i in 0..x.len() {
        if !(x[i].is_finite() && x[i].abs() <= MAX_ABS) {
            return Error::new("bad_number", format!("series.x[{i}]"), format!("x must be a finite number within ±1e15, got {}", show(x[i])));
        }
        if !(y[i].is_finite() && y[i].abs() <= MAX_ABS) {
            return Error::new("bad_number", format!("series.y[{i}]"), format!("y must be a finite number within ±1e15, got {}", show(y[i])));
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
        if span == 0.0 { (self.x0 + self.x1) / 2.0 } else { self.x0 + (x - self.xd.0) / span * (self.x1 - self.x0) }
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
    let mut out = Vec::with_capacity((((map.x1 - map.x0) * per_px) as usize * 4 + 8).min(s.len()));
    // The column of x is floor(px(x) · per_px), written as one multiply-add per point (this loop
    // runs a million times for a big series): (x − xd0) · k + b.
    let span = map.xd.1 - map.xd.0;
    let (k, b) = if span == 0.0 { (0.0, (map.x0 + map.x1) / 2.0 * per_px) } else { ((map.x1 - map.x0) / span * per_px, map.x0 * per_px) };
    let xd0 = map.xd.0;
    let (mut col, mut first, mut lo, mut hi, mut last) = (i64::MIN, 0usize, 0usize, 0usize, 0usize);
    let flush = |out: &mut Vec<(f64, f64)>, first: usize, lo: usize, hi: usize, last: usize| {
        let mut keep = [first, lo, hi, last];
        keep.sort_unstable();
        let mut prev = usize::MAX;
        for k in keep {
            if k != prev {
                out.push((map.px(s.x[k]), map.py(s.y[k])));
                prev = k;
            }
        }
    };
    let (mut ylo, mut yhi) = (0.0, 0.0);
    for (i, (&x, &y)) in s.x.iter().zip(&s.y).enumerate() {
        let c = ((x - xd0) * k + b).floor() as i64;
        if c != col {
            if col != i64::MIN {
                flush(&mut out, first, lo, hi, last);
            }
            col = c;
            (first, lo, hi, ylo, yhi) = (i, i, i, y, y);
        }
        if y < ylo {
            (lo, ylo) = (i, y);
        }
        if y > yhi {
            (hi, yhi) = (i, y);
        }
        last = i;
    }
    flush(&mut out, first, lo, hi, last);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!((e.code, e.path.as_str(), e.message.as_str()), ("bad_number", "series.y[0]", "y must be a finite number within ±1e15, got -1e308"));
        assert!(HostSeries::new("s", "", vec![-1e15, 1e15], vec![1e15, -1e15]).is_ok());
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
    }
}
