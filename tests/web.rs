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
fn hover_names_the_point_and_its_ring_without_redrawing() {
    let mut w = WidgetHandle::new(JsValue::UNDEFINED, selection(r#"{"view":"d000-gdp-sectors"}"#)).unwrap();
    let c = canvas();
    w.render(c.clone().into(), 600.0, 1.0, false).unwrap();
    let before = inked(&c);
    // The stacked bar sits under the title; walk down the middle until something is hit.
    let hit = (0..400).step_by(4).find_map(|y| {
        let v = w.hover(300.0, y as f64);
        (!v.is_null()).then_some(v)
    });
    let hit = hit.expect("nothing to hover");
    let value = js_sys::Reflect::get(&hit, &"value".into()).unwrap().as_string().unwrap();
    assert!(value.contains("亿元"), "{value}");
    // The ring's box (x, y, w, h in CSS px), which the JS shell rings with a bordered element.
    let ring = js_sys::Array::from(&js_sys::Reflect::get(&hit, &"ring".into()).unwrap());
    assert_eq!(ring.length(), 4);
    assert!(ring.get(2).as_f64().unwrap() > 0.0 && ring.get(3).as_f64().unwrap() > 0.0, "an empty ring");
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
    assert!(w.focus(JsValue::NULL).is_err());
    assert!(w.focus(JsValue::from_f64(5.0)).is_err());
    assert!(w.focus(JsValue::from_str("sideways")).is_err());
    assert!(w.render(c.clone().into(), 500.0, 1.0, false).is_ok());
}

#[wasm_bindgen_test]
fn host_datasets_are_validated() {
    let err = WidgetHandle::new(JsValue::from_str("{\"schema\": 1}"), JsValue::UNDEFINED).err().unwrap();
    let path = js_sys::Reflect::get(&err, &"path".into()).unwrap().as_string().unwrap();
    assert_eq!(path, "schema");
    assert!(WidgetHandle::new(JsValue::from_str("not json"), JsValue::UNDEFINED).is_err());
}

#[wasm_bindgen_test]
fn a_long_series_is_checked_in_chunks_and_errors_name_the_index() {
    let mut w = WidgetHandle::new(JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap();
    let c = canvas();
    w.render(c.clone().into(), 600.0, 1.0, false).unwrap();
    let n = 50_000;
    let xs: Vec<f64> = (0..n).map(|i| i as f64).collect();
    let ys: Vec<f64> = (0..n).map(|i| ((i * 7919) % 1000) as f64).collect();
    let f = |v: &[f64]| js_sys::Float64Array::from(v);
    let code_path = |e: JsValue| {
        let get = |k: &str| js_sys::Reflect::get(&e, &k.into()).unwrap().as_string().unwrap();
        (get("code"), get("path"))
    };
    // A bad value or a step back anywhere, chunk boundaries included, is named by its index.
    for i in [1, 16_383, 16_384, 16_385, 32_768, n - 1] {
        let mut bad = ys.clone();
        bad[i] = f64::NAN;
        let e = w.set_series("s".into(), "".into(), f(&xs), f(&bad)).unwrap_err();
        assert_eq!(code_path(e), ("bad_number".to_string(), format!("series.y[{i}]")));
        let mut back = xs.clone();
        back[i] = back[i - 1] - 0.5;
        let e = w.set_series("s".into(), "".into(), f(&back), f(&ys)).unwrap_err();
        assert_eq!(code_path(e), ("unsorted_series".to_string(), format!("series.x[{i}]")));
    }
    // Not a Float64Array: a coded error.
    let ints: JsValue = js_sys::Int32Array::new_with_length(3).into();
    let e = w.set_series("s".into(), "".into(), ints.unchecked_into(), f(&[1.0, 2.0, 3.0])).unwrap_err();
    assert_eq!(code_path(e), ("bad_type".to_string(), "series.x".to_string()));
    // A view at an offset into a bigger buffer: its own values.
    let buffer = f(&[f64::NAN, 0.0, 1.0, 2.0, f64::NAN]);
    w.set_series("s".into(), "".into(), buffer.subarray(1, 4), f(&[5.0, 3.0, 4.0])).unwrap();
    let csv = w.csv().unwrap();
    assert_eq!(csv.lines().skip(1).map(|l| l.trim().to_string()).collect::<Vec<_>>(), ["0,5", "1,3", "2,4"], "{csv}");
    w.set_series("s".into(), "".into(), f(&xs), f(&ys)).unwrap();
    w.render(c.clone().into(), 600.0, 1.0, false).unwrap();
    assert!(inked(&c) > 5_000, "canvas is nearly blank");
    assert!(w.csv().unwrap().lines().count() > n, "every point is in the CSV");
}

/// The full build reads its embedded JSON at run time (JSON.parse, serde-wasm-bindgen,
/// validation, views derived); the one-chart build decodes the packed form. Both must be the
/// same dataset.
#[wasm_bindgen_test]
fn the_embedded_json_read_by_serde_is_the_packed_dataset() {
    use econ_widget::data::{Dataset, EMBEDDED_JSON};
    let value = js_sys::JSON::parse(EMBEDDED_JSON).unwrap();
    let read = Dataset::from_deserializer(serde_wasm_bindgen::Deserializer::from(value)).unwrap();
    let packed = Dataset::embedded().unwrap();
    // The packed form also carries the derived views (made at build time) as view records.
    let read_raw = econ_widget::views::with_derived_views(&read).unwrap();
    assert!(read_raw == packed.raw && read.periods == packed.periods, "the serde-read and the packed dataset differ");
}

/// The one-chart build's own patch reader answers as the full build's serde reader does, for
/// good patches and bad ones (code, path and message).
#[wasm_bindgen_test]
fn both_builds_read_selections_alike() {
    let long = "长".repeat(100);
    let cases = [
        r#"{}"#.to_string(),
        r#"{"view":"d000-gdp-sectors","lang":"en","theme":"dark","sort":"asc","chart":"bar"}"#.into(),
        r#"{"region":"晋中","topic":"economy","indicators":["a","b"],"hidden":null}"#.into(),
        r#"{"indicators":null,"hidden":["2027"]}"#.into(),
        r#"5"#.into(),
        r#""d000""#.into(),
        r#"null"#.into(),
        r#"[]"#.into(),
        r#"true"#.into(),
        r#"{"view":null}"#.into(),
        r#"{"lang":3}"#.into(),
        r#"{"sort":2.5}"#.into(),
        r#"{"theme":false}"#.into(),
        r#"{"chart":["bar"]}"#.into(),
        r#"{"topic":{}}"#.into(),
        r#"{"indicators":"gdp"}"#.into(),
        r#"{"hidden":[1]}"#.into(),
        r#"{"hidden":["a",null]}"#.into(),
        r#"{"indicators":[["a"]]}"#.into(),
        r#"{"colour":"red"}"#.into(),
        r#"{"lang":"en","View":"x"}"#.into(),
        format!(r#"{{"{long}":1}}"#),
        format!(r#"{{"view":"{long}"}}"#),
        format!(r#"{{"lang":["{long}"]}}"#),
    ];
    for case in cases {
        let v = js_sys::JSON::parse(&case).unwrap();
        let serde = econ_widget::web::read_patch(v.clone());
        let plain = econ_widget::web::read_plain_patch(v);
        assert_eq!(plain, serde, "{case}");
    }
}

/// Host datasets read through serde-wasm-bindgen give the errors the native reader gives:
/// unknown fields refused (its struct reader alone would skip them), wrong types named.
#[wasm_bindgen_test]
fn host_dataset_errors_name_the_field_and_value() {
    let mini: &str = include_str!("fixtures/mini.json");
    let cases = [
        (mini.replacen("\"unit\":", "\"unti\":", 1), "invalid_dataset", "values[0]", "unknown field `unti`"),
        (
            mini.replacen("\"documents\": [", "\"documents\": 5, \"x\": [", 1),
            "invalid_dataset",
            "documents",
            "expected an array, got number 5",
        ),
        ("[]".to_string(), "invalid_dataset", "", "expected an object, got an array"),
        (format!("{{\"schema\": {}{}}}", "[".repeat(200), "]".repeat(200)), "malformed_json", "", "recursion limit"),
    ];
    for (text, code, path, needle) in cases {
        let err = WidgetHandle::new(JsValue::from_str(&text), JsValue::UNDEFINED).err().expect("rejected");
        let field = |k: &str| js_sys::Reflect::get(&err, &k.into()).unwrap().as_string().unwrap_or_default();
        assert_eq!((field("code").as_str(), field("path").as_str()), (code, path), "{}", field("detail"));
        assert!(field("detail").contains(needle), "{} should mention {needle}", field("detail"));
    }
}
