//! Two halves, chosen by the first byte:
//! - any JSON as a selection on the embedded dataset, then layout at a fuzzed width, hover and
//!   keyboard focus: never a panic, and a failed select changes nothing;
//! - a *valid* dataset at the edges of what validation accepts (tests/fixtures/mini.json with
//!   fuzzed unit factors, values, a tolerance and labels of any characters and length): every
//!   view, chart and language renders with a bounded number of marks (counted, not timed), a
//!   bounded scene, finite geometry and SVG that an XML parser reads.
#![no_main]
use econ_widget::data::Dataset;
use econ_widget::layout::Mark;
use econ_widget::select::Patch;
use econ_widget::widget::Widget;
use libfuzzer_sys::arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};
use std::rc::Rc;

const MINI: &str = include_str!("../../tests/fixtures/mini.json");

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let width = 100.0 + f64::from(u16::from_le_bytes([data[0], data[1]]) % 2000);
    if data[0] & 1 == 1 {
        extreme_dataset(width, &data[2..]);
        return;
    }
    let Ok(text) = std::str::from_utf8(&data[2..]) else { return };
    // Read as the wasm reads a selection: serde into `Patch` (serde_json stands in for the
    // engine's JSON.parse and serde-wasm-bindgen).
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else { return };
    let Ok(patch) = Patch::read(value) else { return };
    let mut w = Widget::new(None, &Patch::default()).expect("embedded dataset");
    let before = w.state().clone();
    match w.select(&patch) {
        Ok(_) => {}
        Err(_) => assert_eq!(w.state(), &before, "a failed select changed the state"),
    }
    if w.layout(width).is_ok() {
        for k in 0..40 {
            let _ = w.hit_at(k as f64 * width / 40.0, k as f64 * 17.0);
        }
        let _ = w.focus("next");
        let _ = w.focus("prev");
        let _ = w.svg(width, true);
    }
});

/// An f64 from 10^lo to 10^hi, log-uniform over a fuzzed byte pair.
fn magnitude(u: &mut Unstructured, lo: f64, hi: f64) -> f64 {
    let k = f64::from(u16::arbitrary(u).unwrap_or(0)) / 65535.0;
    10f64.powf(lo + k * (hi - lo))
}

fn extreme_dataset(width: f64, bytes: &[u8]) {
    let mut u = Unstructured::new(bytes);
    let mut doc: Value = serde_json::from_str(MINI).expect("fixture");
    let (units, values) = (doc["units"].as_array().unwrap().len(), doc["values"].as_array().unwrap().len());
    for _ in 0..u.int_in_range(1..=12u8).unwrap_or(1) {
        match u.int_in_range(0..=3u8).unwrap_or(0) {
            0 => {
                let i = u.choose_index(units).unwrap_or(0);
                doc["units"][i]["factor"] = json!(magnitude(&mut u, -12.0, 15.0));
            }
            1 => {
                let i = u.choose_index(values).unwrap_or(0);
                let sign = if bool::arbitrary(&mut u).unwrap_or(false) { -1.0 } else { 1.0 };
                doc["values"][i]["value"] = json!(sign * magnitude(&mut u, -323.0, 15.0));
            }
            2 => {
                // Any label: a fuzzed string, repeated up to 400 characters.
                let s = String::arbitrary(&mut u).unwrap_or_default();
                let n = u.int_in_range(1..=400usize).unwrap_or(1);
                let s: String = s.chars().cycle().take(if s.is_empty() { 0 } else { n }).collect();
                let field = ["zh", "en"][usize::from(bool::arbitrary(&mut u).unwrap_or(false))];
                let i = u.choose_index(values).unwrap_or(0);
                doc["values"][i]["subject"] = json!({"zh": "x", "en": "x"});
                doc["values"][i]["subject"][field] = json!(s);
            }
            _ => doc["groups"][0]["tolerance"] = json!(f64::from(u8::arbitrary(&mut u).unwrap_or(0)) / 2550.0),
        }
    }
    // Validation refuses some of these (a blank or control-character label, value × factor
    // beyond 1e24, parts that do not add up): those must be named errors, not panics.
    let Ok(ds) = Dataset::parse(&doc.to_string()) else { return };
    let Ok(mut w) = Widget::with_dataset(Rc::new(ds), &Patch::default()) else { return };
    for v in w.views() {
        for c in &v.charts {
            for lang in ["zh", "en"] {
                let patch = Patch::read(json!({"view": v.id, "chart": c, "lang": lang})).expect("a patch");
                w.select(&patch).expect("a view's own chart");
                let data = w.spec().data.len();
                let Ok(scene) = w.layout(width).cloned() else { return };
                assert!(scene.marks.len() <= 400 + data * (60 + (width / 4.0) as usize), "{} marks", scene.marks.len());
                let text: usize =
                    scene.marks.iter().map(|m| if let Mark::Text { text, .. } = m { text.len() } else { 0 }).sum();
                assert!(text < 1 << 20, "{text} bytes of text in one scene");
                let svg = w.svg(width, false).expect("svg");
                roxmltree::Document::parse(&svg).expect("SVG is well-formed XML");
                let _ = w.focus("next");
                let _ = w.csv();
            }
        }
    }
}
