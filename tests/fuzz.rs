//! Property tests: whatever a host page passes (dataset text, selection patches, widths), the
//! core answers with a value or an error, never a panic (a panic aborts the wasm), and a failed
//! call changes nothing. Number formatting is exact. Case counts keep the file fast in debug.
// Native tests: `wasm-pack test` builds every test target for wasm32, where these have no use.
#![cfg(not(target_arch = "wasm32"))]

use econ_widget::data::Dataset;
use econ_widget::i18n::{
    display_unit, format_share, format_tick, format_value, group_thousands, shift_decimal, shortest, DisplayUnit, Lang,
};
use econ_widget::layout::{HAlign, Mark, Scene};
use econ_widget::select::FIELDS;
use econ_widget::text;
use econ_widget::widget::Widget;
use proptest::prelude::*;
mod common;
use common::j;
use serde_json::{json, Map, Value};
use std::rc::Rc;
use std::sync::OnceLock;

const MINI: &str = include_str!("fixtures/mini.json");
const CODES: [&str; 6] = [
    "malformed_json",
    "invalid_dataset",
    "duplicate_id",
    "dangling_reference",
    "parts_do_not_add_up",
    "dishonest_view",
];

/// A fixed seed, so a run is repeatable in CI; `PROPTEST_RNG_SEED` and `PROPTEST_CASES` still
/// override it for a longer local hunt.
fn config(cases: u32) -> ProptestConfig {
    let mut c = ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() };
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        c.rng_seed = proptest::test_runner::RngSeed::Fixed(0x00ec_0a1d);
    }
    if let Some(n) = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()) {
        c.cases = n;
    }
    c
}

fn embedded() -> Rc<Dataset> {
    // Dataset is not Sync (it is shared through Rc in the widget), so each test thread parses
    // its own copy once.
    thread_local!(static DS: Rc<Dataset> = Rc::new(Dataset::embedded().unwrap()));
    DS.with(Rc::clone)
}

fn lang_of(zh: bool) -> Lang {
    if zh {
        Lang::Zh
    } else {
        Lang::En
    }
}

// ---------------------------------------------------------------------------------------------
// Scenes

fn coords(m: &Mark) -> Vec<f64> {
    match m {
        Mark::Rect { x, y, w, h, .. } => vec![*x, *y, *w, *h],
        Mark::Path { points, width, .. } => points.iter().flat_map(|p| [p.0, p.1]).chain([*width]).collect(),
        Mark::Circle { x, y, r, .. } => vec![*x, *y, *r],
        Mark::Text { x, y, size, .. } => vec![*x, *y, *size],
    }
}

fn check_scene(scene: &Scene, width: f64) -> Result<(), TestCaseError> {
    prop_assert_eq!(scene.width, width.floor());
    prop_assert!(scene.height.is_finite() && scene.height > 0.0, "height {}", scene.height);
    for m in &scene.marks {
        prop_assert!(coords(m).iter().all(|v| v.is_finite()), "non-finite mark {:?}", m);
    }
    for h in &scene.hits {
        let all =
            [h.area.x, h.area.y, h.area.w, h.area.h, h.mark.x, h.mark.y, h.mark.w, h.mark.h, h.anchor.0, h.anchor.1];
        prop_assert!(all.iter().all(|v| v.is_finite()), "non-finite hit {:?}", h);
    }
    Ok(())
}

/// At reading widths, no mark of the embedded dataset's charts leaves the chart sideways.
/// (Host datasets with absurdly long unit names can still push value labels out.)
fn check_inside(scene: &Scene) -> Result<(), TestCaseError> {
    for m in &scene.marks {
        let (x0, x1) = match m {
            Mark::Rect { x, w, .. } => (*x, x + w),
            Mark::Path { points, .. } => (
                points.iter().map(|p| p.0).fold(f64::INFINITY, f64::min),
                points.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max),
            ),
            Mark::Circle { x, r, .. } => (x - r, x + r),
            Mark::Text { x, text: t, size, bold, align, .. } => {
                let w = text::width(t, *size, *bold);
                match align {
                    HAlign::Left => (*x, x + w),
                    HAlign::Center => (x - w / 2.0, x + w / 2.0),
                    HAlign::Right => (x - w, *x),
                }
            }
        };
        prop_assert!(x0 >= -0.5 && x1 <= scene.width + 0.5, "outside: {:.1}..{:.1} of {} {:?}", x0, x1, scene.width, m);
    }
    Ok(())
}

/// Lays out every view and chart of a widget at one width; everything must be finite.
fn exercise(w: &mut Widget, width: f64) -> Result<(), TestCaseError> {
    for v in w.views() {
        for c in &v.charts {
            for lang in ["zh", "en"] {
                w.select(&j(&json!({"view": v.id, "chart": c, "lang": lang})))
                    .map_err(|e| TestCaseError::fail(format!("{}: {e}", v.id)))?;
                let scene = w.layout(width).map_err(|e| TestCaseError::fail(e.to_string()))?.clone();
                check_scene(&scene, width)?;
                let _ = w.focus("next");
                if let Some(h) = scene.hits.first() {
                    let _ = w.hit_at(h.anchor.0, h.anchor.1);
                }
                let _ = w.csv();
                let _ = w.summary();
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Dataset::parse

/// Values to drop into a dataset: every JSON type, edge numbers, hostile strings, and ids that
/// exist in the fixture (so references sometimes resolve and deeper checks run).
fn json_leaf() -> impl Strategy<Value = Value> {
    let ids = [
        "jz.gdp.2023H1",
        "jz.gdp1.2023H1",
        "jz.clean_power.2024",
        "晋中",
        "晋城",
        "economy",
        "亿元",
        "%",
        "gdp",
        "000_ade18ad3f0db81b9.txt",
        "jc.2025",
        "level",
        "target",
        "bar",
        "composition",
        "period",
    ];
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        prop::sample::select(vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            949.6,
            1e15,
            -1e15,
            1e16,
            1e300,
            -1e300,
            5e-324,
            f64::MAX
        ])
        .prop_map(|f| json!(f)),
        any::<i64>().prop_map(|i| json!(i)),
        any::<u64>().prop_map(|i| json!(i)),
        (-1e6f64..1e6).prop_map(|f| json!(f)),
        prop::sample::select(ids.to_vec()).prop_map(|s| json!(s)),
        prop::sample::select(vec![
            "",
            " ",
            "\u{0}",
            "\n",
            "é",
            "2023-0é-1",
            "2023H1",
            "2023-2021",
            "2099Q4",
            "1900-01-01",
            "<img src=x>",
            "=1+1",
            "https://x.example",
            "ftp://x"
        ])
        .prop_map(|s| json!(s)),
        "[a-zA-Z0-9 ._:/\\-]{0,12}".prop_map(Value::String),
        "\\PC{0,6}".prop_map(Value::String),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    json_leaf().prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(("[a-z_]{1,8}", inner), 0..4)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// JSON pointers to every node of the fixture.
fn fixture_pointers() -> &'static Vec<String> {
    static PTRS: OnceLock<Vec<String>> = OnceLock::new();
    PTRS.get_or_init(|| {
        fn walk(v: &Value, at: String, out: &mut Vec<String>) {
            out.push(at.clone());
            match v {
                Value::Object(m) => m
                    .iter()
                    .for_each(|(k, x)| walk(x, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out)),
                Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| walk(x, format!("{at}/{i}"), out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        walk(&serde_json::from_str(MINI).unwrap(), String::new(), &mut out);
        out
    })
}

#[derive(Debug, Clone)]
enum Mutation {
    /// Replace the node with a new value.
    Set(usize, Value),
    /// Replace the node with a copy of another node.
    Copy(usize, usize),
    /// Remove the node from its parent.
    Remove(usize),
    /// Add a field to an object or an element to an array.
    Insert(usize, String, Value),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let n = fixture_pointers().len();
    prop_oneof![
        3 => (0..n, json_value()).prop_map(|(i, v)| Mutation::Set(i, v)),
        2 => (0..n, 0..n).prop_map(|(i, j)| Mutation::Copy(i, j)),
        2 => (1..n).prop_map(Mutation::Remove),
        1 => (0..n, "[a-z_]{1,10}", json_value()).prop_map(|(i, k, v)| Mutation::Insert(i, k, v)),
    ]
}

fn apply(doc: &mut Value, m: &Mutation) {
    let ptrs = fixture_pointers();
    match m {
        Mutation::Set(i, v) => {
            if let Some(node) = doc.pointer_mut(&ptrs[*i]) {
                *node = v.clone();
            }
        }
        Mutation::Copy(i, j) => {
            if let Some(src) = doc.pointer(&ptrs[*j]).cloned() {
                if let Some(node) = doc.pointer_mut(&ptrs[*i]) {
                    *node = src;
                }
            }
        }
        Mutation::Remove(i) => {
            let p = &ptrs[*i];
            let (parent, key) = p.rsplit_once('/').unwrap();
            match doc.pointer_mut(parent) {
                Some(Value::Object(m)) => {
                    m.remove(&key.replace("~1", "/").replace("~0", "~"));
                }
                Some(Value::Array(a)) => {
                    if let Ok(k) = key.parse::<usize>() {
                        if k < a.len() {
                            a.remove(k);
                        }
                    }
                }
                _ => {}
            }
        }
        Mutation::Insert(i, k, v) => match doc.pointer_mut(&ptrs[*i]) {
            Some(Value::Object(m)) => {
                m.insert(k.clone(), v.clone());
            }
            Some(Value::Array(a)) => a.push(v.clone()),
            _ => {}
        },
    }
}

fn check_error(e: &econ_widget::error::Error) -> Result<(), TestCaseError> {
    prop_assert!(CODES.contains(&e.code), "unexpected code {}", e.code);
    prop_assert!(!e.message.is_empty());
    prop_assert!(e.message.len() < 2000, "message of {} bytes", e.message.len());
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn parse_never_panics_on_arbitrary_text(s in "\\PC{0,200}") {
        match Dataset::parse(&s) {
            Ok(_) => prop_assert!(false, "random text parsed as a dataset"),
            Err(e) => check_error(&e)?,
        }
    }

    #[test]
    fn parse_never_panics_on_json_like_text(parts in prop::collection::vec(prop::sample::select(vec![
        "{", "}", "[", "]", ",", ":", "\"schema\"", "\"econ-widget/dataset@1\"", "\"values\"", "null", "true", "1e999", "-0", "\"\\u0000\"", "\"\\ud800\"", " ", "\"a\"", "0.5", "\"documents\"",
    ]), 0..40)) {
        let s: String = parts.concat();
        if let Err(e) = Dataset::parse(&s) {
            check_error(&e)?;
        }
    }

    #[test]
    fn cut_fixture_text_is_an_error(cut in 0usize..MINI.len()) {
        // Every proper prefix of the fixture is incomplete JSON.
        let mut cut = cut;
        while !MINI.is_char_boundary(cut) {
            cut -= 1;
        }
        let e = Dataset::parse(&MINI[..cut]).expect_err("a truncated dataset is an error");
        prop_assert_eq!(e.code, "malformed_json");
    }

    #[test]
    fn unpacking_damaged_bytes_never_panics(flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        // The embedded packed dataset with a few bytes overwritten: an error or a dataset, never a panic.
        let mut bytes = econ_widget::data::EMBEDDED_PACKED.to_vec();
        for (at, b) in flips {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        if let Err(e) = econ_widget::data::packed::unpack(&bytes) {
            prop_assert_eq!(e.code, "corrupt_dataset");
        }
    }
}

proptest! {
    #![proptest_config(config(160))]

    #[test]
    fn mutated_fixture_parses_or_fails_cleanly(muts in prop::collection::vec(mutation(), 1..4), width in 120.0f64..1600.0) {
        let mut doc: Value = serde_json::from_str(MINI).unwrap();
        for m in &muts {
            apply(&mut doc, m);
        }
        let text = serde_json::to_string(&doc).unwrap();
        match Dataset::parse(&text) {
            Err(e) => check_error(&e)?,
            Ok(ds) => {
                // Valid after mutation: the whole pipeline must still work on it.
                let ds = Rc::new(ds);
                match Widget::with_dataset(ds, &j(&json!(null))) {
                    Ok(mut w) => exercise(&mut w, width)?,
                    Err(e) => prop_assert!(["no_data", "dishonest_view"].contains(&e.code), "{e:?}"),
                }
            }
        }
    }
}

/// Changes that keep the fixture valid: any finite number where the checks allow it, any clean
/// label, any period, bounds and optional fields. The dataset must still parse, and every view
/// of it must lay out.
#[derive(Debug, Clone)]
enum Tweak {
    Number(usize, f64),
    Label(usize, String),
    Period(usize, String),
    Bound(usize, &'static str),
    Printed(usize, String),
    Drop(usize, &'static str),
}

/// Values in the fixture's composition group (their sum must match, parts stay ≥ 0, one period).
const GROUPED: [usize; 4] = [0, 2, 3, 4];

fn label_pointers() -> Vec<usize> {
    fixture_pointers()
        .iter()
        .enumerate()
        .filter(|(_, p)| p.ends_with("/zh") || p.ends_with("/en"))
        .map(|(i, _)| i)
        .collect()
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1e15f64..1e15,
        -10f64..10.0,
        prop::sample::select(vec![0.0, 1e-9, 0.001, 1e15, -1e15, 123456789.123, 0.3333, 5.0]),
    ]
}

fn period() -> impl Strategy<Value = String> {
    (1900u16..2095, 0u8..5, 1u8..13).prop_map(|(y, form, n)| match form {
        0 => format!("{y}"),
        1 => format!("{y}H{}", 1 + n % 2),
        2 => format!("{y}Q{}", 1 + n % 4),
        3 => format!("{y}-{n:02}"),
        _ => format!("{y}-{}", y + 1 + n as u16 % 5),
    })
}

fn tweak() -> impl Strategy<Value = Tweak> {
    let labels = label_pointers();
    prop_oneof![
        3 => (0usize..14, number()).prop_map(|(i, v)| Tweak::Number(i, if GROUPED.contains(&i) { v.abs() } else { v })),
        3 => (prop::sample::select(labels), "\\PC{1,60}".prop_filter("not blank", |s| !s.trim().is_empty())).prop_map(|(i, s)| Tweak::Label(i, s)),
        2 => (5usize..14, period()).prop_map(|(i, p)| Tweak::Period(i, p)),
        1 => (0usize..14, prop::sample::select(vec!["exact", "at_least", "at_most", "about"])).prop_map(|(i, b)| Tweak::Bound(i, b)),
        1 => (0usize..14, "[0-9.,百万亿]{1,12}").prop_map(|(i, p)| Tweak::Printed(i, p)),
        1 => (0usize..14, prop::sample::select(vec!["printed", "note", "subject", "bound"])).prop_map(|(i, k)| Tweak::Drop(i, k)),
    ]
}

fn apply_tweak(doc: &mut Value, t: &Tweak) {
    match t {
        Tweak::Number(i, v) => doc["values"][*i]["value"] = json!(v),
        Tweak::Label(p, s) => *doc.pointer_mut(&fixture_pointers()[*p]).unwrap() = json!(s),
        Tweak::Period(i, p) => doc["values"][*i]["period"] = json!(p),
        Tweak::Bound(i, b) => doc["values"][*i]["bound"] = json!(b),
        Tweak::Printed(i, p) => doc["values"][*i]["printed"] = json!(p),
        Tweak::Drop(i, k) => {
            doc["values"][*i].as_object_mut().unwrap().remove(*k);
        }
    }
}

proptest! {
    #![proptest_config(config(120))]

    #[test]
    fn valid_variations_of_the_fixture_lay_out(tweaks in prop::collection::vec(tweak(), 1..8), width in 120.0f64..2400.0) {
        let mut doc: Value = serde_json::from_str(MINI).unwrap();
        for t in &tweaks {
            apply_tweak(&mut doc, t);
        }
        // The group's values vary freely: the whole becomes the sum of its parts (a tolerance
        // beyond 10% of the whole is refused).
        let parts: Vec<f64> = GROUPED[1..].iter().map(|&i| doc["values"][i]["value"].as_f64().unwrap()).collect();
        let scale = if parts.iter().sum::<f64>() > 1e15 { 0.25 } else { 1.0 };
        for (&i, p) in GROUPED[1..].iter().zip(&parts) {
            doc["values"][i]["value"] = json!(p * scale);
        }
        doc["values"][GROUPED[0]]["value"] = json!(parts.iter().map(|p| p * scale).sum::<f64>());
        // An actual more than a million times its target is refused too: bring it back.
        let pos = |id: &str| doc["values"].as_array().unwrap().iter().position(|v| v["id"] == id).unwrap();
        let (a, t) = (pos(doc["targets"][0]["actual"].as_str().unwrap()), pos(doc["targets"][0]["target"].as_str().unwrap()));
        let (av, tv) = (doc["values"][a]["value"].as_f64().unwrap(), doc["values"][t]["value"].as_f64().unwrap());
        if tv > 0.0 && (av / tv).abs() > 1e5 {
            doc["values"][a]["value"] = json!(tv);
        }
        let ds = match Dataset::parse(&doc.to_string()) {
            Ok(ds) => ds,
            Err(e) => return Err(TestCaseError::fail(format!("{tweaks:?} made the fixture invalid: {e}"))),
        };
        // A tweaked period can make a curated view dishonest (a target before its actual):
        // refused with the view named, which is the rules working, not a failure.
        let mut w = match Widget::with_dataset(Rc::new(ds), &j(&json!(null))) {
            Ok(w) => w,
            Err(e) if e.code == "dishonest_view" && e.path.starts_with("views[") => return Ok(()),
            Err(e) => return Err(TestCaseError::fail(format!("{tweaks:?}: {e}"))),
        };
        exercise(&mut w, width)?;
    }
}

// ---------------------------------------------------------------------------------------------
// Selection

fn selection_value(ids: Vec<String>) -> impl Strategy<Value = Value> {
    let known = prop::sample::select(ids);
    prop_oneof![
        4 => known.clone().prop_map(Value::String),
        2 => prop::collection::vec(known, 0..4).prop_map(|v| json!(v)),
        1 => json_value(),
        1 => Just(Value::Null),
    ]
}

fn patch() -> impl Strategy<Value = Value> {
    let ds = embedded();
    let w = Widget::with_dataset(ds.clone(), &j(&json!(null))).unwrap();
    let mut ids: Vec<String> = w.views().into_iter().map(|v| v.id).collect();
    ids.extend(ds.raw.regions.iter().map(|r| r.id.clone()));
    ids.extend(ds.raw.topics.iter().map(|t| t.id.clone()));
    ids.extend(ds.raw.indicators.iter().take(40).map(|i| i.id.clone()));
    ids.extend(
        [
            "bar",
            "grouped_bar",
            "composition",
            "line",
            "bullet",
            "timeline",
            "zh",
            "en",
            "en-US",
            "light",
            "dark",
            "auto",
            "none",
            "asc",
            "desc",
            "2025",
            "2027",
            "nope",
            "",
        ]
        .map(String::from),
    );
    let mut keys: Vec<&'static str> = FIELDS.to_vec();
    keys.push("bogus");
    prop_oneof![
        10 => prop::collection::vec((prop::sample::select(keys), selection_value(ids)), 0..4)
            .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        1 => json_value(),
    ]
}

proptest! {
    #![proptest_config(config(160))]

    #[test]
    fn selection_patches_never_panic_and_failures_change_nothing(patches in prop::collection::vec(patch(), 1..6), width in 120.0f64..2000.0) {
        let mut w = Widget::with_dataset(embedded(), &j(&json!(null))).unwrap();
        w.layout(width).unwrap();
        for p in &patches {
            let before = (format!("{:?}", w.state()), format!("{:?}", w.spec()), w.scene().cloned());
            // Read as the wasm reads a JS value (serde), then applied.
            match econ_widget::select::Patch::read(p).and_then(|p| w.select(&p).cloned()) {
                Err(e) => {
                    let after = (format!("{:?}", w.state()), format!("{:?}", w.spec()), w.scene().cloned());
                    prop_assert!(before == after, "failed select {} ({}) changed the widget", p, e);
                    prop_assert!(e.path.starts_with("selection"), "{:?}", e);
                    prop_assert!(e.message.len() < 600);
                }
                Ok(s) => {
                    // The new selection is consistent: its view exists and can show its chart.
                    let s = s.clone();
                    let views = w.views();
                    let v = views.iter().find(|v| v.id == s.view);
                    prop_assert!(v.is_some(), "selected unknown view {}", s.view);
                    let v = v.unwrap();
                    prop_assert!(v.charts.contains(&s.chart.id()));
                    prop_assert_eq!((&v.region, &v.topic), (&s.region, &s.topic));
                    prop_assert_eq!(w.spec().chart, s.chart);
                    prop_assert_eq!(w.spec().lang, s.lang);
                    for i in &s.indicators {
                        prop_assert!(v.indicators.iter().any(|x| &x.id == i));
                    }
                    let scene = w.layout(width).unwrap().clone();
                    check_scene(&scene, width)?;
                    if width >= 280.0 {
                        check_inside(&scene)?;
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Layout at any width

proptest! {
    #![proptest_config(config(200))]

    #[test]
    fn layout_at_any_width_is_finite(view in any::<prop::sample::Index>(), chart in any::<prop::sample::Index>(), zh in any::<bool>(), width in 120.0f64..4000.0, dark in any::<bool>()) {
        let mut w = Widget::with_dataset(embedded(), &j(&json!(null))).unwrap();
        let views = w.views();
        let v = view.get(&views);
        let c = chart.get(&v.charts);
        w.select(&j(&json!({"view": v.id, "chart": c, "lang": if zh { "zh" } else { "en" }}))).unwrap();
        let scene = w.layout(width).unwrap().clone();
        check_scene(&scene, width)?;
        if width >= 280.0 {
            check_inside(&scene)?;
        }
        // Every visible datum can be reached by keyboard (legend entries come on top of them).
        let focusable = econ_widget::hit::focus_order(&scene).iter().filter(|h| matches!(h.target, econ_widget::layout::Target::Datum(_))).count();
        prop_assert_eq!(focusable, w.spec().visible().count());
        let svg = w.svg(width, dark).unwrap();
        prop_assert!(!svg.contains("\"NaN\"") && !svg.contains("inf\""), "non-finite number in SVG");
        let head = format!("<svg width=\"{}\" height=\"{}\"", scene.width, scene.height);
        prop_assert!(svg.starts_with(&head));
    }
}

// ---------------------------------------------------------------------------------------------
// Numbers and text

/// A plain decimal as a printed number: sign, integer digits, optional fraction.
fn decimal() -> impl Strategy<Value = String> {
    (any::<bool>(), "[0-9]{1,15}", prop::option::of("[0-9]{0,15}")).prop_map(|(neg, int, frac)| {
        let mut s = if neg { "-".to_string() } else { String::new() };
        s.push_str(&int);
        if let Some(f) = frac {
            s.push('.');
            s.push_str(&f);
        }
        s
    })
}

fn is_normalized(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    !int.is_empty()
        && int.bytes().all(|c| c.is_ascii_digit())
        && (int == "0" || !int.starts_with('0'))
        && frac.bytes().all(|c| c.is_ascii_digit())
        && !frac.ends_with('0')
        && !(body.contains('.') && frac.is_empty())
        && s != "-0"
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn shift_decimal_never_panics(s in "\\PC{0,30}", k in -40i32..40) {
        let _ = shift_decimal(&s, k);
        let _ = group_thousands(&s, Lang::En);
        let _ = group_thousands(&s, Lang::Zh);
    }

    #[test]
    fn shift_decimal_round_trips(x in decimal(), k in -30i32..30) {
        let normalized = shift_decimal(&x, 0);
        prop_assert!(is_normalized(&normalized), "{x} normalized to {normalized}");
        let there = shift_decimal(&x, k);
        prop_assert!(is_normalized(&there), "{x} shifted by {k}: {there}");
        prop_assert_eq!(shift_decimal(&there, -k), normalized.clone(), "{} by {} and back", x, k);
        // The same number, scaled: compare as floats where they are exact enough.
        let a: f64 = x.parse().unwrap();
        let b: f64 = there.parse().unwrap();
        let expect = a * 10f64.powi(k);
        prop_assert!((b - expect).abs() <= expect.abs() * 1e-12 + f64::MIN_POSITIVE, "{x}e{k} = {there}");
        prop_assert_eq!(normalized.parse::<f64>().unwrap(), a);
    }

    #[test]
    fn shortest_reads_back_and_shifts_back(v in any::<f64>().prop_filter("finite", |v| v.is_finite()), k in -20i32..20) {
        let s = shortest(v);
        prop_assert_eq!(s.parse::<f64>().unwrap(), if v == 0.0 { 0.0 } else { v });
        prop_assert!(!s.contains('e'), "{s}");
        prop_assert_eq!(shift_decimal(&shift_decimal(&s, k), -k), shift_decimal(&s, 0));
    }

    #[test]
    fn format_value_never_panics(v in any::<f64>(), exp in -30i32..30, label in "\\PC{0,8}", tight in any::<bool>(), zh in any::<bool>()) {
        let unit = DisplayUnit { exp10: exp, label, tight };
        let _ = format_value(v, &unit, lang_of(zh));
        let _ = format_tick(v, v.abs(), lang_of(zh));
        let _ = format_share(v);
    }

    #[test]
    fn display_unit_never_panics(factor in any::<f64>(), max_abs in any::<f64>(), dim in prop::sample::select(vec!["yuan", "tonnes", "people", "percent", "watts", "wh", "area", "m3", "count", ""]), zh in any::<bool>()) {
        let u = display_unit(lang_of(zh), "单位", dim, factor, "units", max_abs);
        let _ = format_value(max_abs, &u, lang_of(zh));
    }

    #[test]
    fn format_value_is_the_printed_number_in_the_display_unit(
        x in decimal().prop_filter("fits in f64 exactly", |s| s.len() <= 16),
        unit in prop::sample::select(vec![("亿元", "yuan", 1e8), ("万元", "yuan", 1e4), ("万亿元", "yuan", 1e12), ("亿吨", "tonnes", 1e8), ("万千瓦", "watts", 1e7), ("万人", "people", 1e4), ("%", "percent", 1.0), ("户", "enterprises", 1.0)]),
        zh in any::<bool>(),
    ) {
        let v: f64 = x.parse().unwrap();
        let lang = lang_of(zh);
        let du = display_unit(lang, unit.0, unit.1, unit.2, "units", v.abs());
        let text = format_value(v, &du, lang);
        // Take the unit off, undo the thousands separators and the decimal shift: the printed
        // digits come back exactly.
        let num = text.strip_suffix(&du.label).unwrap_or(&text).trim_end();
        let digits = num.replace(',', "");
        // Very large or small numbers carry an exponent ("1.5e-9"): move the point back by it.
        let (mantissa, exp) = digits.split_once('e').map_or((digits.as_str(), 0), |(m, e)| (m, e.parse::<i32>().unwrap()));
        let digits = shift_decimal(mantissa, exp);
        prop_assert_eq!(shift_decimal(&digits, -du.exp10), shortest(v), "{} {} as {:?} → {}", x, unit.0, lang, text);
        prop_assert!(digits.bytes().all(|c| c.is_ascii_digit() || c == b'.' || c == b'-'), "{}", text);
        if zh {
            prop_assert_eq!(text, format!("{}{}", econ_widget::i18n::compact(&shortest(v)), unit.0));
        }
    }

    #[test]
    fn wrapped_lines_fit_and_keep_the_text(s in "[a-zA-Z0-9 ,.%()“”，。、（）晋中市年亿元增长-]{0,120}", max in 10.0f64..400.0, size in 10.0f64..18.0, bold in any::<bool>()) {
        let lines = text::wrap(&s, size, bold, max, 1000);
        let room = max.max(size * 2.0);
        for l in &lines {
            prop_assert!(text::width(l, size, bold) <= room + 1e-9, "{l:?} is wider than {room}");
        }
        let squash = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        prop_assert_eq!(squash(&lines.concat()), squash(&s));
        // Cut to a few lines, the last says so.
        let few = text::wrap(&s, size, bold, max, 2);
        prop_assert!(few.len() <= 2);
        if lines.len() > 2 {
            prop_assert!(few[1].ends_with('…'));
            prop_assert!(text::width(&few[1], size, bold) <= room + 1e-9);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Host series (setSeries): any numbers

/// Numbers a host page might put in a Float64Array: ordinary ones and every edge case.
fn series_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => -1e6f64..1e6,
        1 => any::<f64>(),
        2 => prop::sample::select(vec![0.0, -0.0, 1.0, -1.0, 5e-324, -5e-324, 1e-300, 2.2250738585072014e-308, 1e15, -1e15, 1.0000000000000002e15, 1e16, 1e308, f64::MAX, f64::MIN, f64::NAN, f64::INFINITY, f64::NEG_INFINITY]),
    ]
}

proptest! {
    #![proptest_config(config(200))]

    /// A series is refused with the index of the first bad number, or drawn with finite
    /// coordinates everywhere (chart, hover, keyboard, SVG) and short tick labels.
    #[test]
    fn host_series_are_refused_by_index_or_drawn_finite(
        xs in prop::collection::vec(series_number(), 0..40),
        ys in prop::collection::vec(series_number(), 0..40),
        sorted in any::<bool>(),
        same_len in any::<bool>(),
        width in 120.0f64..2400.0,
        zh in any::<bool>(),
    ) {
        let mut xs = xs;
        let mut ys = ys;
        if sorted {
            xs.sort_by(f64::total_cmp);
        }
        if same_len {
            let n = xs.len().min(ys.len());
            xs.truncate(n);
            ys.truncate(n);
        }
        match econ_widget::series::HostSeries::new("s", "u", xs.clone(), ys.clone()) {
            Err(e) => {
                prop_assert!(["series_length_mismatch", "empty_series", "bad_number", "unsorted_series"].contains(&e.code), "{:?}", e);
                prop_assert!(e.path.starts_with("series."), "{:?}", e);
                prop_assert!(e.message.len() < 200, "{:?}", e);
            }
            Ok(s) => {
                prop_assert!(xs.iter().chain(&ys).all(|v| v.is_finite() && v.abs() <= 1e15));
                let mut w = Widget::with_dataset(embedded(), &j(&json!({"lang": if zh { "zh" } else { "en" }}))).unwrap();
                w.set_series(s);
                let scene = w.layout(width).unwrap().clone();
                check_scene(&scene, width)?;
                for m in &scene.marks {
                    if let Mark::Text { text, .. } = m {
                        prop_assert!(text.chars().count() < 60, "tick label {:?}", text);
                    }
                }
                for k in 0..=20 {
                    if let Some(h) = w.hit_at(k as f64 * width / 20.0, scene.height / 2.0) {
                        prop_assert!(h.x.is_finite() && h.y.is_finite() && h.ring.iter().all(|v| v.is_finite()), "{:?}", h);
                    }
                }
                for how in ["first", "next", "next", "last", "prev"] {
                    if let Some(h) = w.focus(how).unwrap() {
                        prop_assert!(h.x.is_finite() && h.y.is_finite(), "{:?}", h);
                    }
                }
                let svg = w.svg(width, zh).unwrap();
                prop_assert!(!svg.contains("NaN") && !svg.contains("inf"), "non-finite SVG");
                prop_assert_eq!(w.csv().unwrap().lines().count(), xs.len() + 1);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Layout and drawing of valid but extreme datasets

/// A unit factor anywhere in the accepted range, log-uniformly, and the edges.
fn extreme_factor() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => (-12.0f64..15.0).prop_map(|e| 10f64.powf(e)),
        1 => prop::sample::select(vec![1e-12, 1e15, 1.0, 0.001, 666.667, 1e12]),
    ]
}

/// A value anywhere in ±1e15, log-uniformly, and the edges (subnormals, exactly 1e15).
fn extreme_value() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => (-320.0f64..15.0, any::<bool>()).prop_map(|(e, neg)| if neg { -(10f64.powf(e)) } else { 10f64.powf(e) }),
        1 => prop::sample::select(vec![0.0, -0.0, 5e-324, -5e-324, 1e-300, 1e15, -1e15, 999_999_999_999_999.9, 1.0]),
    ]
}

/// Any label a dataset may carry: up to 400 characters of anything but controls and
/// non-characters (`\PC`), wide, astral, combining and RTL ones included.
fn extreme_label() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{1,400}",
        "[晋中市亿元A-Za-z0-9 &<>\"'\u{a0}\u{3000}\u{200b}\u{feff}\u{1F600}\u{0301}\u{05D0}\u{2066}\u{2069}]{1,400}",
        Just("W".repeat(400)),
        Just("晋".repeat(400)),
    ]
    .prop_filter("not blank", |s| !s.trim().is_empty())
}

#[derive(Debug, Clone)]
enum Extreme {
    Factor(usize, f64),
    Value(usize, f64),
    Label(usize, String),
    Tolerance(f64),
}

fn extreme() -> impl Strategy<Value = Extreme> {
    prop_oneof![
        2 => (0usize..16, extreme_factor()).prop_map(|(i, f)| Extreme::Factor(i, f)),
        3 => (0usize..14, extreme_value()).prop_map(|(i, v)| Extreme::Value(i, v)),
        3 => (prop::sample::select(label_pointers()), extreme_label()).prop_map(|(i, s)| Extreme::Label(i, s)),
        1 => (0.0f64..=0.1).prop_map(Extreme::Tolerance),
    ]
}

/// The fixture with extreme edits, made valid again where an edit alone would be refused: a
/// value × factor within 1e24, the group's whole the sum of its parts (parts ≥ 0), the target
/// pair's actual within 1e5 times its target.
fn extreme_dataset(edits: &[Extreme]) -> Value {
    let mut doc: Value = serde_json::from_str(MINI).unwrap();
    let mut tolerance = None;
    for e in edits {
        match e {
            Extreme::Factor(i, f) => doc["units"][*i]["factor"] = json!(f),
            Extreme::Value(i, v) => doc["values"][*i]["value"] = json!(if GROUPED.contains(i) { v.abs() } else { *v }),
            Extreme::Label(p, s) => *doc.pointer_mut(&fixture_pointers()[*p]).unwrap() = json!(s),
            Extreme::Tolerance(t) => tolerance = Some(*t),
        }
    }
    let factor = |doc: &Value, i: usize| {
        let unit = doc["values"][i]["unit"].clone();
        doc["units"].as_array().unwrap().iter().find(|u| u["id"] == unit).unwrap()["factor"].as_f64().unwrap()
    };
    let n = doc["values"].as_array().unwrap().len();
    for i in 0..n {
        let (v, f) = (doc["values"][i]["value"].as_f64().unwrap(), factor(&doc, i));
        if (v * f).abs() > 1e24 {
            doc["values"][i]["value"] = json!(v.signum() * 1e24 / f / 2.0);
        }
    }
    let parts: Vec<f64> = GROUPED[1..].iter().map(|&i| doc["values"][i]["value"].as_f64().unwrap()).collect();
    let scale = if parts.iter().sum::<f64>() > 1e15 { 0.25 } else { 1.0 };
    for (&i, p) in GROUPED[1..].iter().zip(&parts) {
        doc["values"][i]["value"] = json!(p * scale);
    }
    let whole: f64 = parts.iter().map(|p| p * scale).sum();
    doc["values"][GROUPED[0]]["value"] = json!(whole);
    if let Some(t) = tolerance {
        doc["groups"][0]["tolerance"] = json!(t * whole);
    }
    let pos = |doc: &Value, id: &Value| doc["values"].as_array().unwrap().iter().position(|v| v["id"] == *id).unwrap();
    let (a, t) = (pos(&doc, &doc["targets"][0]["actual"]), pos(&doc, &doc["targets"][0]["target"]));
    let (av, tv) = (
        doc["values"][a]["value"].as_f64().unwrap() * factor(&doc, a),
        doc["values"][t]["value"].as_f64().unwrap() * factor(&doc, t),
    );
    if tv > 0.0 && (av / tv).abs() > 1e5 {
        doc["values"][a]["value"] = doc["values"][t]["value"].clone();
        doc["values"][a]["unit"] = doc["values"][t]["unit"].clone();
    }
    doc
}

/// Bounds on one render, counted rather than timed: marks (each is work for the backend), the
/// text and points the scene holds (its memory), finite geometry, and SVG a real XML parser
/// reads.
fn check_render(w: &mut Widget, width: f64, dark: bool) -> Result<(), TestCaseError> {
    let data = w.spec().data.len();
    let scene = w.layout(width).map_err(|e| TestCaseError::fail(e.to_string()))?.clone();
    check_scene(&scene, width)?;
    // A few marks per datum, a hatch stripe per 5 px of a hatched bar, the frame's text (wrapped
    // labels of up to 400 characters are cut to a few lines).
    let budget = 400 + data * (60 + (width / 4.0) as usize);
    prop_assert!(scene.marks.len() <= budget, "{} marks for {} data at {} px", scene.marks.len(), data, width);
    let bytes: usize = scene
        .marks
        .iter()
        .map(|m| match m {
            Mark::Text { text, .. } => text.len(),
            Mark::Path { points, .. } => 16 * points.len(),
            _ => 0,
        })
        .sum();
    prop_assert!(bytes < 1 << 20, "the scene holds {} bytes", bytes);
    prop_assert!(scene.height < 40_000.0, "height {}", scene.height);
    let svg = w.svg(width, dark).map_err(|e| TestCaseError::fail(e.to_string()))?;
    if let Err(e) = roxmltree::Document::parse(&svg) {
        return Err(TestCaseError::fail(format!("SVG is not XML: {e}")));
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(48))]

    /// Valid datasets at the edges of what validation accepts (factors 1e-12..1e15, values
    /// 5e-324..1e15, tolerances up to 10%, 400-character labels of any characters) render every
    /// view, chart and language within the bounds of `check_render`.
    #[test]
    fn extreme_valid_datasets_render_bounded_finite_and_well_formed(edits in prop::collection::vec(extreme(), 1..10), width in prop_oneof![120.0f64..8192.0, Just(120.0), Just(8192.0)], dark in any::<bool>()) {
        let doc = extreme_dataset(&edits);
        let ds = match Dataset::parse(&doc.to_string()) {
            Ok(ds) => ds,
            Err(e) => return Err(TestCaseError::fail(format!("{edits:?} made the fixture invalid: {e}"))),
        };
        let mut w = Widget::with_dataset(Rc::new(ds), &j(&json!(null))).unwrap();
        for v in w.views() {
            for c in &v.charts {
                for lang in ["zh", "en"] {
                    w.select(&j(&json!({"view": v.id, "chart": c, "lang": lang}))).map_err(|e| TestCaseError::fail(e.to_string()))?;
                    check_render(&mut w, width, dark)?;
                    let _ = w.focus("next");
                    prop_assert!(w.csv().is_ok());
                }
            }
        }
    }
}
