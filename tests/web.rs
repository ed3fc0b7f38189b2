//! Wasm tests in headless Chromium (`wasm-pack test --headless --chrome -- --test web`): the
//! real boundary, drawing on a real canvas.
#![cfg(target_arch = "wasm32")]

use econ_widget::web::WidgetHandle;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

fn canvas() -> HtmlCanvasElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let c: HtmlCanvasElement = doc.create_element("canvas").unwrap().dyn_into().unwrap();
    doc.body().unwrap().append_child(&c).unwrap();
    c
}

/// Pixels that differ from the top-left (background) pixel.
fn inked(c: &HtmlCanvasElement) -> usize {
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let data = ctx.get_image_data(0.0, 0.0, c.width() as f64, c.height() as f64).unwrap().data();
    let bg = [data[0], data[1], data[2]];
    data.chunks(4).filter(|p| [p[0], p[1], p[2]] != bg).count()
}

fn selection(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

#[wasm_bindgen_test]
fn draws_the_default_chart_on_a_canvas_at_dpr_2() {
    let mut w = WidgetHandle::new(JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap();
    let c = canvas();
    let h = w.render(c.clone().into(), 600.0, 2.0, false).unwrap();
    assert!(h > 100.0);
    assert_eq!(c.width(), 1200);
    assert_eq!(c.height(), (h * 2.0).round() as u32);
    assert!(inked(&c) > 5_000, "canvas is nearly blank");
}

#[wasm_bindgen_test]
fn a_bad_selection_throws_a_named_error_and_keeps_the_chart() {
    let mut w = WidgetHandle::new(JsValue::UNDEFINED, selection(r#"{"view":"d000-gdp-sectors"}"#)).unwrap();
    let err = w.select(selection(r#"{"region":"太原"}"#)).unwrap_err();
    let code = js_sys::Reflect::get(&err, &"code".into()).unwrap();
    let path = js_sys::Reflect::get(&err, &"path".into()).unwrap();
    assert_eq!(code.as_string().as_deref(), Some("unknown_region"));
    assert_eq!(path.as_string().as_deref(), Some("selection.region"));
    let msg = js_sys::Reflect::get(&err, &"message".into()).unwrap().as_string().unwrap();
    assert!(msg.contains("太原"), "{msg}");
    let state = js_sys::JSON::stringify(&w.state()).unwrap().as_string().unwrap();
    assert!(state.contains("d000-gdp-sectors"), "{state}");
    // Wrong JS types are errors too, not panics.
    assert!(w.select(JsValue::from_f64(5.0)).is_err());
    assert!(w.select(selection(r#"{"indicators":5}"#)).is_err());
    assert!(w.select(selection(r#"{"lang":"en"}"#)).is_ok());
}

#[wasm_bindgen_test]
fn hover_rings_the_point_on_the_overlay_only() {
    let mut w = WidgetHandle::new(JsValue::UNDEFINED, selection(r#"{"view":"d000-gdp-sectors"}"#)).unwrap();
    let (c, overlay) = (canvas(), canvas());
    w.render(c.clone().into(), 600.0, 1.0, false).unwrap();
    let before = inked(&c);
    // The stacked bar sits under the title; walk down the middle until something is hit.
    let hit = (0..400).step_by(4).find_map(|y| {
        let v = w.hover(overlay.clone().into(), 300.0, y as f64).unwrap();
        (!v.is_null()).then_some(v)
    });
    let hit = hit.expect("nothing to hover");
    let value = js_sys::Reflect::get(&hit, &"value".into()).unwrap().as_string().unwrap();
    assert!(value.contains("亿元"), "{value}");
    assert!(inked(&overlay) > 0, "no ring on the overlay");
    assert_eq!(inked(&c), before, "hover must not redraw the chart");
}

#[wasm_bindgen_test]
fn bad_sizes_are_errors() {
    let mut w = WidgetHandle::new(JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap();
    let c = canvas();
    w.render(c.clone().into(), 500.0, 1.0, false).unwrap();
    for (width, dpr) in [(0.0, 1.0), (50.0, 1.0), (f64::NAN, 1.0), (500.0, 0.0), (500.0, f64::NAN)] {
        assert!(w.render(c.clone().into(), width, dpr, false).is_err(), "{width} {dpr}");
    }
    assert_eq!(c.width(), 500, "a failed render keeps the last chart");
    // Not a canvas: a coded error, and the handle still works.
    for bad in [JsValue::NULL, JsValue::from_str("canvas"), js_sys::Object::new().into()] {
        let e = w.render(bad, 500.0, 1.0, false).unwrap_err();
        assert_eq!(js_sys::Reflect::get(&e, &"code".into()).unwrap().as_string().as_deref(), Some("bad_type"));
    }
    assert!(w.focus(JsValue::NULL, JsValue::from_str("next")).is_err());
    assert!(w.focus(c.clone().into(), JsValue::from_f64(5.0)).is_err());
    assert!(w.render(c.clone().into(), 500.0, 1.0, false).is_ok());
}

#[wasm_bindgen_test]
fn host_datasets_are_validated() {
    let err = WidgetHandle::new(JsValue::from_str("{\"schema\": 1}"), JsValue::UNDEFINED).err().unwrap();
    let path = js_sys::Reflect::get(&err, &"path".into()).unwrap().as_string().unwrap();
    assert_eq!(path, "schema");
    assert!(WidgetHandle::new(JsValue::from_str("not json"), JsValue::UNDEFINED).is_err());
}
