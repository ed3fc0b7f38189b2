//! Any bytes as a host dataset: parsing and validation must return Ok or a named error, and a
//! dataset that validates must build views, specs, layouts and SVG for every view.
#![no_main]
use econ_widget::json::{Json, ToJson};
use econ_widget::widget::Widget;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(mut w) = Widget::new(Some(text), &Json::Null) else { return };
    let views: Vec<String> = w.views().into_iter().map(|v| v.id).take(20).collect();
    for id in views {
        let patch = Json::parse(&format!("{{\"view\":{}}}", Json::String(id).to_json())).expect("valid JSON");
        if w.select(&patch).is_ok() {
            let _ = w.layout(320.0);
            let _ = w.svg(320.0, false);
            let _ = w.csv();
        }
    }
});
