//! Pointer and keyboard hit-testing on a laid-out scene.

use crate::layout::{Hit, Scene, Target};

/// The hit under (x, y) in CSS px: among the regions that contain the point, the one whose
/// anchor is nearest (lines share columns between series).
pub fn at(scene: &Scene, x: f64, y: f64) -> Option<&Hit> {
    if !x.is_finite() || !y.is_finite() {
        return None;
    }
    scene.hits.iter().filter(|h| h.area.contains(x, y)).min_by(|a, b| dist2(a, x, y).total_cmp(&dist2(b, x, y)))
}

fn dist2(h: &Hit, x: f64, y: f64) -> f64 {
    (h.anchor.0 - x).powi(2) + (h.anchor.1 - y).powi(2)
}

/// Data points in keyboard order (reading order, each datum once; legend entries excluded).
pub fn focus_order(scene: &Scene) -> Vec<&Hit> {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for h in &scene.hits {
        if let Target::Datum(i) = h.target {
            if !seen.contains(&i) {
                seen.push(i);
                out.push(h);
            }
        }
    }
    out
}
