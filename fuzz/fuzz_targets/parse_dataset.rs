//! Any bytes as a host dataset: parsing and validation must return Ok or a named error, and a
//! dataset that validates must build views, specs, layouts and SVG for every view.
#![no_main]
use econ_widget::select::Patch;
use econ_widget::widget::Widget;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(mut w) = Widget::new(Some(text), &Patch::default()) else { return };
    let views: Vec<String> = w.views().into_iter().map(|v| v.id).take(20).collect();
    for id in views {
        let patch = Patch { view: Some(id), ..Patch::default() };
        if w.select(&patch).is_ok() {
            let _ = w.layout(320.0);
            let _ = w.svg(320.0, false);
            let _ = w.csv();
        }
    }
});
