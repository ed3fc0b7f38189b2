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

/// Keyboard order: data points in reading order (each once), then the legend entries, so a
/// keyboard user can reach them and switch a series with Enter as a mouse user clicks.
pub fn focus_order(scene: &Scene) -> Vec<&Hit> {
    let mut out: Vec<&Hit> = Vec::new();
    for h in &scene.hits {
        if matches!(h.target, Target::Datum(_)) && !out.iter().any(|o| o.target == h.target) {
            out.push(h);
        }
    }
    out.extend(scene.hits.iter().filter(|h| matches!(h.target, Target::Legend(_))));
    out
}
