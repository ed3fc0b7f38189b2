//! The reader's selection through `Widget::select`: every field, every error class of
//! `select.rs` (with path and a message naming the value), and the guarantee that a failed call
//! changes nothing. Also the width checks of `Widget::layout`.
// Native tests: `wasm-pack test` builds every test target for wasm32, where these have no use.
#![cfg(not(target_arch = "wasm32"))]

use econ_widget::error::Error;
use econ_widget::select::Patch;
use econ_widget::widget::Widget;
mod common;
use common::{j, to_value};
use serde_json::{json, Value};

const MINI: &str = include_str!("fixtures/mini.json");

fn embedded() -> Widget {
    Widget::new(None, &j(&json!(null))).expect("embedded widget")
}

fn fixture() -> Widget {
    Widget::new(Some(MINI), &j(&json!(null))).expect("fixture widget")
}

/// State and spec as JSON text: specs hold NaN (timeline values), which `==` never equals.
fn snapshot(w: &Widget) -> (String, String) {
    (format!("{:?}", w.state()), format!("{:?}", w.spec()))
}

/// Applies a patch that must fail; checks that nothing changed and returns the error.
#[track_caller]
fn fails(w: &mut Widget, patch: Value) -> Error {
    let before = snapshot(w);
    // Read as the wasm reads JS values (serde), then applied.
    let e = match Patch::read(&patch).and_then(|p| w.select(&p).cloned()) {
        Ok(s) => panic!("{patch} should fail, got {s:?}"),
        Err(e) => e,
    };
    assert_eq!(snapshot(w), before, "failed select {patch} changed the widget");
    e
}

#[track_caller]
fn expect(e: &Error, code: &str, path: &str, needles: &[&str]) {
    assert_eq!((e.code, e.path.as_str()), (code, path), "{e:?}");
    for n in needles {
        assert!(e.message.contains(n), "message {:?} should mention {:?}", e.message, n);
    }
}

fn state(w: &Widget) -> Value {
    to_value(w.state())
}

// ---------------------------------------------------------------------------------------------
// Initial state and views

#[test]
fn initial_selection_is_the_first_view_in_chinese() {
    let w = embedded();
    let views = w.views();
    let first = &views[0];
    assert_eq!(
        state(&w),
        json!({"view": first.id, "region": first.region, "topic": first.topic, "chart": first.chart,
               "indicators": [], "lang": "zh", "theme": "auto", "sort": "none", "hidden": [],
               "title": "", "description": "", "highlight": ""})
    );
    assert_eq!(w.spec().title, first.title);
    assert_eq!(w.spec().lang, econ_widget::i18n::Lang::Zh);
    // Nothing is laid out yet: no scene, no hits, no focus.
    assert!(w.scene().is_none());
    assert!(w.hit_at(10.0, 10.0).is_none());
}

#[test]
fn views_list_charts_indicators_and_names_in_the_current_language() {
    let mut w = embedded();
    let views = w.views();
    assert!(views.len() >= 30);
    let ids: Vec<&str> = views.iter().map(|v| v.id.as_str()).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "view ids are unique");
    for v in &views {
        assert!(v.charts.contains(&v.chart), "{}: default chart {} not in {:?}", v.id, v.chart, v.charts);
        assert!(!v.title.is_empty() && !v.region_name.is_empty() && !v.topic_name.is_empty(), "{}", v.id);
    }
    let sectors = views.iter().find(|v| v.id == "d000-gdp-sectors").unwrap();
    assert_eq!(sectors.charts, ["composition", "bar"]);
    assert_eq!(sectors.region_name, "晋中市");
    let ids: Vec<&str> = sectors.indicators.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["gdp_primary", "gdp_secondary", "gdp_tertiary"]);
    assert_eq!(sectors.indicators[0].name, "第一产业增加值");

    w.select(&j(&json!({"lang": "en"}))).unwrap();
    let en = w.views();
    let sectors = en.iter().find(|v| v.id == "d000-gdp-sectors").unwrap();
    assert_eq!(sectors.region_name, "Jinzhong");
    assert_eq!(sectors.indicators[0].name, "Primary industry value added");
    // Every value a curated view lists is on its chart. (Not every value of the dataset has a
    // view: a figure no honest chart can show beside another is left out, see src/rules.rs.)
    let ds = w.dataset().clone();
    for (v, def) in en.iter().zip(&ds.raw.views) {
        assert_eq!(v.id, def.id, "curated views come first, in file order");
        let w = Widget::with_dataset(ds.clone(), &j(&json!({"view": v.id}))).unwrap();
        let shown: Vec<&str> = w.spec().data.iter().map(|d| d.value_id.as_str()).collect();
        for id in &def.values {
            assert!(shown.contains(&id.as_str()), "{}: value {id} not drawn", v.id);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Each field

#[test]
fn select_view_sets_region_topic_and_default_chart() {
    let mut w = embedded();
    let s = w.select(&j(&json!({"view": "d003-clean-energy"}))).unwrap().clone();
    assert_eq!((s.view.as_str(), s.region.as_str(), s.topic.as_str()), ("d003-clean-energy", "晋中", "energy"));
    assert_eq!(s.chart.id(), "grouped_bar");
    assert_eq!(w.spec().chart.id(), "grouped_bar");
    assert_eq!(w.spec().title, "新能源和清洁能源装机：2023年实际与2024年目标");
    assert_eq!(w.spec().series.len(), 2);
    // The view's own default chart, whatever chart the previous view had.
    w.select(&j(&json!({"view": "d000-gdp-sectors"}))).unwrap();
    assert_eq!(w.state().chart.id(), "composition");
}

#[test]
fn select_region_and_topic_move_to_a_matching_view() {
    let mut w = embedded();
    // Region alone: keeps the topic (economy) when the region has it.
    w.select(&j(&json!({"region": "晋城"}))).unwrap();
    assert_eq!((w.state().region.as_str(), w.state().topic.as_str()), ("晋城", "economy"));
    let views = w.views();
    let v = views.iter().find(|v| v.id == w.state().view).unwrap();
    assert_eq!((v.region.as_str(), v.topic.as_str()), ("晋城", "economy"));
    // Topic alone: stays in the region.
    w.select(&j(&json!({"topic": "energy"}))).unwrap();
    assert_eq!((w.state().region.as_str(), w.state().topic.as_str()), ("晋城", "energy"));
    assert!(w.spec().data.iter().all(|d| !d.value_id.is_empty()));
    // Both together.
    w.select(&j(&json!({"region": "晋中", "topic": "infrastructure"}))).unwrap();
    assert_eq!((w.state().region.as_str(), w.state().topic.as_str()), ("晋中", "infrastructure"));
    let ds = w.dataset().clone();
    for d in &w.spec().data {
        let v = ds.value(&d.value_id).unwrap();
        assert_eq!(v.region, "晋中");
        assert_eq!(ds.indicator(&v.indicator).unwrap().topic, "infrastructure");
    }
    // A region without the current topic falls back to its first view (山西: the two cities side by side).
    w.select(&j(&json!({"region": "山西"}))).unwrap();
    assert_eq!(w.state().region, "山西");
    // The same region and topic again: the same view, nothing rebuilt.
    let before = snapshot(&w);
    w.select(&j(&json!({"region": "山西", "topic": w.state().topic.clone()}))).unwrap();
    assert_eq!(snapshot(&w), before);
}

#[test]
fn select_indicators_filters_the_chart() {
    let mut w = embedded();
    assert_eq!(w.spec().data.len(), 3);
    w.select(&j(&json!({"indicators": ["gdp_secondary", "gdp_primary", "gdp_secondary"]}))).unwrap();
    assert_eq!(w.state().indicators, ["gdp_secondary", "gdp_primary"], "deduplicated, order kept");
    let labels: Vec<&str> = w.spec().data.iter().map(|d| d.label.as_str()).collect();
    assert_eq!(labels, ["第一产业增加值", "第二产业增加值"]);
    // Shares stay shares of the whole, not of the selected parts.
    let share = w.spec().data[0].share.unwrap();
    assert!((share - 47.8 / 949.6).abs() < 1e-12);
    // null (or []) means all of them again.
    w.select(&j(&json!({"indicators": null}))).unwrap();
    assert!(w.state().indicators.is_empty());
    assert_eq!(w.spec().data.len(), 3);
    w.select(&j(&json!({"indicators": ["gdp_tertiary"]}))).unwrap();
    w.select(&j(&json!({"indicators": []}))).unwrap();
    assert_eq!(w.spec().data.len(), 3);
    // Changing view clears the indicator filter.
    w.select(&j(&json!({"indicators": ["gdp_tertiary"]}))).unwrap();
    w.select(&j(&json!({"view": "d000-gdp-growth"}))).unwrap();
    assert!(w.state().indicators.is_empty());
    assert_eq!(w.spec().data.len(), 4);
}

#[test]
fn select_chart_lang_theme_sort() {
    let mut w = embedded();
    w.select(&j(&json!({"chart": "bar"}))).unwrap();
    assert_eq!(w.spec().chart.id(), "bar");
    assert_eq!(w.spec().data.len(), 3);
    w.select(&j(&json!({"lang": "en"}))).unwrap();
    assert_eq!(state(&w)["lang"], "en");
    assert_eq!(w.spec().title, "Jinzhong GDP by sector, H1 2023");
    assert!(w.spec().source.starts_with("Source: "), "{}", w.spec().source);
    assert_eq!(w.spec().chart.id(), "bar", "changing language keeps the chart");
    w.select(&j(&json!({"lang": "zh-CN"}))).unwrap();
    assert_eq!(state(&w)["lang"], "zh");
    w.select(&j(&json!({"lang": "en-GB"}))).unwrap();
    assert_eq!(state(&w)["lang"], "en");

    let spec_before = format!("{:?}", w.spec());
    for theme in ["dark", "light", "auto"] {
        w.select(&j(&json!({ "theme": theme }))).unwrap();
        assert_eq!(state(&w)["theme"], theme);
    }
    assert_eq!(format!("{:?}", w.spec()), spec_before, "theme does not change the spec");

    w.select(&j(&json!({"view": "d000-gdp-growth", "lang": "zh"}))).unwrap();
    let values = |w: &Widget| {
        w.spec()
            .categories
            .iter()
            .map(|c| w.spec().data.iter().find(|d| &d.label == c).unwrap().value)
            .collect::<Vec<f64>>()
    };
    assert_eq!(values(&w), [4.8, 1.7, 3.7, 6.3], "text order");
    w.select(&j(&json!({"sort": "asc"}))).unwrap();
    assert_eq!(values(&w), [1.7, 3.7, 4.8, 6.3]);
    assert_eq!(w.spec().categories[0], "第一产业增加值增速");
    w.select(&j(&json!({"sort": "desc"}))).unwrap();
    assert_eq!(values(&w), [6.3, 4.8, 3.7, 1.7]);
    // Data follow the categories (so keyboard order is the visual order).
    let cats: Vec<usize> = w.spec().data.iter().map(|d| d.category).collect();
    assert_eq!(cats, [0, 1, 2, 3]);
    w.select(&j(&json!({"sort": "none"}))).unwrap();
    assert_eq!(values(&w), [4.8, 1.7, 3.7, 6.3]);
}

#[test]
fn select_hidden_switches_series_off() {
    let mut w = embedded();
    w.select(&j(&json!({"view": "d003-clean-energy"}))).unwrap();
    let keys: Vec<String> = w.spec().series.iter().map(|s| s.key.clone()).collect();
    assert_eq!(keys, ["level:2023", "target:2024"]);
    w.select(&j(&json!({"hidden": ["target:2024", "target:2024", "not-a-series"]}))).unwrap();
    assert_eq!(w.state().hidden, ["target:2024", "not-a-series"]);
    assert!(w.spec().series[1].hidden && !w.spec().series[0].hidden);
    assert_eq!(w.spec().visible().count(), 1);
    assert!(w.spec().visible().all(|d| d.period == "2023年"));
    assert_eq!(w.table().rows.len(), 1);
    w.select(&j(&json!({"hidden": null}))).unwrap();
    assert_eq!(w.spec().visible().count(), 2);
    // A new view starts with every series on.
    w.select(&j(&json!({"hidden": ["level:2023"]}))).unwrap();
    w.select(&j(&json!({"view": "d000-gdp-growth"}))).unwrap();
    assert!(w.state().hidden.is_empty());
}

#[test]
fn initial_selection_can_be_passed_to_new() {
    let w = Widget::new(None, &j(&json!({"view": "d004-growth", "lang": "en", "theme": "dark"}))).unwrap();
    assert_eq!(state(&w)["view"], "d004-growth");
    assert_eq!(state(&w)["lang"], "en");
    assert_eq!(state(&w)["region"], "晋城");
    let e = Widget::new(None, &j(&json!({"view": "nope"}))).err().unwrap();
    expect(&e, "unknown_view", "selection.view", &["'nope'"]);
    let e = Patch::read(json!("d004-growth")).err().unwrap();
    expect(&e, "bad_type", "selection", &["string 'd004-growth'"]);
    let e = Widget::new(Some("{"), &j(&json!(null))).err().unwrap();
    assert_eq!(e.code, "malformed_json");
}

// ---------------------------------------------------------------------------------------------
// Errors: each class, with path and value, and nothing changes

#[test]
fn bad_types() {
    let mut w = embedded();
    for (patch, what) in [
        (json!(1), "number 1"),
        (json!("view"), "string 'view'"),
        (json!(null), "null"),
        (json!([]), "an array"),
        (json!(true), "boolean true"),
    ] {
        let e = fails(&mut w, patch);
        expect(&e, "bad_type", "selection", &["expected an object", what]);
    }
    for field in ["view", "region", "topic", "chart", "lang", "theme", "sort"] {
        for (value, what) in [
            (json!(null), "null"),
            (json!(3), "number 3"),
            (json!(2.5), "number 2.5"),
            (json!({}), "an object"),
            (json!(["bar"]), "an array"),
            (json!(false), "boolean false"),
        ] {
            let e = fails(&mut w, json!({ field: value }));
            expect(&e, "bad_type", &format!("selection.{field}"), &["expected a string", what]);
        }
    }
    for field in ["indicators", "hidden"] {
        for (value, what) in [
            (json!("gdp_primary"), "string 'gdp_primary'"),
            (json!(1), "number 1"),
            (json!({}), "an object"),
            (json!(true), "boolean true"),
        ] {
            let e = fails(&mut w, json!({ field: value }));
            expect(&e, "bad_type", &format!("selection.{field}"), &["expected an array of strings", what]);
        }
        let e = fails(&mut w, json!({ field: ["gdp_primary", null] }));
        expect(&e, "bad_type", &format!("selection.{field}[1]"), &["expected a string", "null"]);
        let e = fails(&mut w, json!({ field: [["gdp_primary"]] }));
        expect(&e, "bad_type", &format!("selection.{field}[0]"), &["an array"]);
    }
}

#[test]
fn unknown_field() {
    let mut w = embedded();
    let e = fails(&mut w, json!({"colour": "red"}));
    expect(
        &e,
        "unknown_field",
        "selection.colour",
        &["'colour'", "view, region, topic, indicators, chart, lang, theme, sort, hidden"],
    );
    // Case matters; a valid field next to it does not get applied either.
    let e = fails(&mut w, json!({"lang": "en", "View": "d003-clean-energy"}));
    expect(&e, "unknown_field", "selection.View", &["'View'"]);
    assert_eq!(state(&w)["lang"], "zh");
}

#[test]
fn unknown_values() {
    let mut w = embedded();
    let cases = [
        (json!({"view": "nope"}), "unknown_view", "selection.view", vec!["'nope'"]),
        (json!({"region": "太原"}), "unknown_region", "selection.region", vec!["'太原'", "晋中", "晋城"]),
        (json!({"topic": "sports"}), "unknown_topic", "selection.topic", vec!["'sports'", "economy", "energy"]),
        (
            json!({"indicators": ["gdp_primary", "nope"]}),
            "unknown_indicator",
            "selection.indicators[1]",
            vec!["'nope'"],
        ),
        (
            json!({"chart": "pie"}),
            "unknown_chart",
            "selection.chart",
            vec!["'pie'", "bar, grouped_bar, composition, line, bullet, timeline"],
        ),
        (json!({"chart": "Bar"}), "unknown_chart", "selection.chart", vec!["'Bar'"]),
        (json!({"lang": "fr"}), "unknown_lang", "selection.lang", vec!["'fr'", "zh, en"]),
        (json!({"lang": ""}), "unknown_lang", "selection.lang", vec!["''"]),
        (json!({"theme": "blue"}), "unknown_theme", "selection.theme", vec!["'blue'", "light, dark, auto"]),
        (json!({"sort": "up"}), "unknown_sort", "selection.sort", vec!["'up'", "none, asc, desc"]),
    ];
    for (patch, code, path, needles) in cases {
        let e = fails(&mut w, patch);
        expect(&e, code, path, &needles);
    }
}

#[test]
fn indicator_not_in_view() {
    let mut w = embedded();
    let e = fails(&mut w, json!({"indicators": ["retail_sales"]}));
    expect(
        &e,
        "indicator_not_in_view",
        "selection.indicators[0]",
        &["'retail_sales'", "'d000-gdp-sectors'", "gdp_primary, gdp_secondary, gdp_tertiary"],
    );
    // Checked against the view the same patch moves to.
    let e = fails(&mut w, json!({"view": "d003-clean-energy", "indicators": ["gdp_primary"]}));
    expect(&e, "indicator_not_in_view", "selection.indicators[0]", &["'gdp_primary'", "'d003-clean-energy'"]);
    w.select(&j(&json!({"view": "d000-gdp-growth", "indicators": ["gdp"]}))).unwrap();
    assert_eq!(w.spec().data.len(), 1);
}

#[test]
fn chart_unavailable() {
    let mut w = embedded();
    let e = fails(&mut w, json!({"chart": "line"}));
    expect(&e, "chart_unavailable", "selection.chart", &["'line'", "'d000-gdp-sectors'", "composition, bar"]);
    let e = fails(&mut w, json!({"view": "d000-milestones", "chart": "bar"}));
    expect(&e, "chart_unavailable", "selection.chart", &["'bar'", "'d000-milestones'", "timeline"]);
    // Every chart a view lists can be selected; every other one is refused.
    let views = w.views();
    for v in views.iter().take(30) {
        for c in ["bar", "grouped_bar", "composition", "line", "bullet", "timeline"] {
            let r = w.select(&j(&json!({"view": v.id, "chart": c})));
            assert_eq!(r.is_ok(), v.charts.contains(&c), "{} as {c}: {r:?}", v.id);
            if r.is_ok() {
                assert_eq!(w.spec().chart.id(), c);
            }
        }
    }
}

#[test]
fn conflict() {
    let mut w = embedded();
    let e = fails(&mut w, json!({"view": "d000-gdp-sectors", "region": "晋城"}));
    expect(&e, "conflict", "selection.region", &["'晋城'", "'d000-gdp-sectors'", "'晋中'"]);
    let e = fails(&mut w, json!({"view": "d000-gdp-sectors", "topic": "energy"}));
    expect(&e, "conflict", "selection.topic", &["'energy'", "'economy'"]);
    // Agreeing region and topic are fine.
    w.select(&j(&json!({"view": "d004-growth", "region": "晋城", "topic": "industry"}))).unwrap();
    assert_eq!(state(&w)["view"], "d004-growth");
}

#[test]
fn no_data() {
    let mut w = embedded();
    // 峪口 has values, but none that an honest chart can show (single figures).
    let e = fails(&mut w, json!({"region": "峪口"}));
    expect(&e, "no_data", "selection.region", &["'峪口'"]);
    let e = fails(&mut w, json!({"region": "晋城", "topic": "social"}));
    expect(&e, "no_data", "selection.topic", &["'晋城'", "'social'"]);
    let mut f = fixture();
    let e = fails(&mut f, json!({"region": "祁县"}));
    expect(&e, "no_data", "selection.region", &["'祁县'"]);
    let e = fails(&mut f, json!({"topic": "tourism"}));
    expect(&e, "no_data", "selection.topic", &["'晋中'", "'tourism'"]);
}

#[test]
fn a_failed_select_changes_nothing_and_the_next_good_one_works() {
    let mut w = embedded();
    w.select(&j(&json!({"view": "d003-clean-energy", "hidden": ["not-a-series"], "sort": "desc", "theme": "dark"})))
        .unwrap();
    let bad = [
        json!({"lang": "en", "view": "nope"}),
        json!({"lang": "en", "theme": "light", "sort": "asc", "chart": "pie"}),
        json!({"view": "d000-gdp-sectors", "indicators": ["nope"]}),
        json!({"view": "d000-gdp-sectors", "hidden": [1]}),
        json!({"region": "晋城", "topic": "nope"}),
        json!({"sort": "asc", "lang": 5}),
        json!({"view": "d000-gdp-sectors", "chart": "line"}),
        json!({"view": "d000-gdp-sectors", "region": "晋城"}),
    ];
    w.layout(600.0).unwrap();
    w.focus("next").unwrap();
    let scene_before = w.scene().cloned();
    for patch in bad {
        fails(&mut w, patch);
        assert_eq!(w.scene().cloned(), scene_before, "scene kept");
        // Focus is kept too: the next move continues from where it was.
        let f = w.focus("next").unwrap().unwrap();
        assert_eq!(f.position, Some(1));
        w.focus("prev").unwrap();
    }
    let s = w.select(&j(&json!({"view": "d000-gdp-sectors", "lang": "en"}))).unwrap().clone();
    assert_eq!(s.view, "d000-gdp-sectors");
    assert_eq!(w.spec().title, "Jinzhong GDP by sector, H1 2023");
    assert!(w.scene().is_none(), "a changed selection drops the stale scene");
    assert!(w.state().hidden.is_empty());
}

#[test]
fn huge_values_give_short_messages() {
    let big = "长".repeat((10 << 20) / 3); // 10 MB of UTF-8
    let mut w = embedded();
    let mut patches: Vec<Value> =
        ["view", "region", "topic", "chart", "lang", "theme", "sort"].iter().map(|f| json!({ *f: big })).collect();
    patches.push(json!({"indicators": [big]}));
    patches.push(json!({ big.clone(): 1 }));
    patches.push(Value::String(big.clone()));
    patches.push(json!({"view": 0, "region": big}));
    for p in patches {
        let e = fails(&mut w, p);
        assert!(e.message.len() < 400, "{}: message of {} bytes", e.code, e.message.len());
        assert!(e.path.len() < 300, "{}: path of {} bytes", e.code, e.path.len());
        // Clipped, not dropped: the start of the value is still named.
        if e.code != "bad_type" {
            assert!(e.message.contains("长长长长长长") && e.message.contains('…'), "{e:?}");
        }
    }
    // Focus moves are clipped too.
    w.layout(400.0).unwrap();
    let e = w.focus(&big).unwrap_err();
    assert_eq!(e.code, "bad_argument");
    assert!(e.message.len() < 400);
}

#[test]
fn fixture_dataset_widget() {
    let mut w = fixture();
    assert_eq!(state(&w)["view"], "jz-gdp-sectors-2023h1");
    let ids: Vec<String> = w.views().into_iter().map(|v| v.id).collect();
    assert_eq!(&ids[..4], ["jz-gdp-sectors-2023h1", "jz-growth-2023h1", "jz-clean-power", "jc-goals"]);
    assert!(ids.contains(&"auto/晋城/milestones".to_string()));
    w.select(&j(&json!({"region": "晋城"}))).unwrap();
    assert_eq!(state(&w)["view"], "jc-goals");
    assert_eq!(state(&w)["chart"], "timeline");
    let years: Vec<Option<u16>> = w.spec().data.iter().map(|d| d.year).collect();
    assert_eq!(years, [Some(2023), Some(2025), Some(2027)], "sorted by year");
    w.select(&j(&json!({"view": "jz-clean-power", "lang": "en"}))).unwrap();
    let d = &w.spec().data[0];
    assert_eq!(d.display, "5.55 GW");
    assert_eq!(d.detail.as_deref(), Some("Target (2024): 6.5 GW"));
    assert!((d.share.unwrap() - 555.0 / 650.0).abs() < 1e-12);
    let e = fails(&mut w, json!({"indicators": ["gdp"]}));
    expect(&e, "indicator_not_in_view", "selection.indicators[0]", &["'gdp'", "clean_power_capacity"]);
    let e = fails(&mut w, json!({"region": "晋城", "topic": "energy"}));
    expect(&e, "no_data", "selection.topic", &["'晋城'", "'energy'"]);
}

// ---------------------------------------------------------------------------------------------
// Widths

#[test]
fn layout_rejects_impossible_widths() {
    let mut w = embedded();
    for width in [0.0, -1.0, f64::NAN, 1e9, f64::INFINITY, f64::NEG_INFINITY, 119.99, 8192.5, -0.0] {
        let e = w.layout(width).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), ("element_too_small", "width"), "{width}: {e:?}");
        assert!(e.message.contains("px"), "{e:?}");
        assert!(w.scene().is_none(), "a failed layout leaves no scene");
        let e = w.svg(width, false).unwrap_err();
        assert_eq!(e.code, "element_too_small");
    }
    let e = w.layout(-1.0).unwrap_err();
    assert!(e.message.contains("-1") && e.message.contains("120"), "{e:?}");
    let e = w.layout(1e9).unwrap_err();
    assert!(e.message.contains("1000000000") && e.message.contains("8192"), "{e:?}");
    let e = w.layout(f64::NAN).unwrap_err();
    assert!(e.message.contains("NaN"), "{e:?}");
}

#[test]
fn layout_accepts_real_widths() {
    let mut w = embedded();
    for width in [120.0, 280.0, 600.7, 1200.0, 8192.0] {
        let scene = w.layout(width).unwrap();
        assert_eq!(scene.width, width.floor());
        assert!(scene.height > 100.0 && scene.height.is_finite(), "{width}: height {}", scene.height);
        assert!(scene.marks.len() > 5 && !scene.hits.is_empty());
    }
    // A narrow chart is taller than a wide one (labels wrap, bars stack).
    let narrow = w.layout(280.0).unwrap().height;
    let wide = w.layout(1200.0).unwrap().height;
    assert!(narrow >= wide, "{narrow} < {wide}");
    // A failed layout keeps the last good scene.
    w.layout(1200.0).unwrap();
    assert!(w.layout(f64::NAN).is_err());
    assert_eq!(w.scene().map(|s| s.width), Some(1200.0));
}
