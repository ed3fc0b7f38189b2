//! Any JSON as a selection on the embedded dataset, then layout at a fuzzed width, hover and
//! keyboard focus: never a panic, and a failed select changes nothing.
#![no_main]
use econ_widget::select::Patch;
use econ_widget::widget::Widget;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let width = 100.0 + f64::from(u16::from_le_bytes([data[0], data[1]]) % 2000);
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
