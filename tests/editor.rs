//! An editor's options per embed (issue 17): headline and description in the editor's words,
//! one item highlighted. Checked over every view × offered chart × language: the figures, the
//! unit line and the source line never change, exactly the highlighted item keeps its colour,
//! a label in either language names the same item, and bad values are coded errors that change
//! nothing.
#![cfg(not(target_arch = "wasm32"))]

use econ_widget::layout::{Mark, Scene, Target};
use econ_widget::select::Patch;
use econ_widget::theme::Paint;
use econ_widget::widget::Widget;
mod common;
use common::{j, to_value};
use serde_json::{json, Value};

fn widget() -> Widget {
    Widget::new(None, &j(&json!(null))).unwrap()
}

/// Every view × offered chart × language, as selections.
fn selections(w: &Widget) -> Vec<Value> {
    let mut out = Vec::new();
    for v in w.views() {
        for chart in &v.charts {
            for lang in ["zh", "en"] {
                out.push(json!({"view": v.id, "chart": chart, "lang": lang}));
            }
        }
    }
    out
}

fn texts(scene: &Scene) -> Vec<String> {
    scene.marks.iter().filter_map(|m| if let Mark::Text { text, .. } = m { Some(text.clone()) } else { None }).collect()
}

fn select(w: &mut Widget, v: &Value) {
    w.select(&j(v)).unwrap_or_else(|e| panic!("{v}: {e:?}"));
}

#[test]
fn headline_and_description_change_words_never_figures() {
    let mut w = widget();
    for sel in selections(&w) {
        select(&mut w, &sel);
        let plain = w.spec().clone();
        let plain_scene = w.scene_for(480.0).unwrap();
        select(&mut w, &json!({"title": "  编辑的标题 An editor's headline  ", "description": "编辑的说明。"}));
        let spec = w.spec().clone();
        assert_eq!(spec.title, "编辑的标题 An editor's headline", "{sel}: trimmed");
        assert_eq!(spec.description, "编辑的说明。");
        // Figures, unit line, source line, data: all the dataset's.
        assert_eq!(
            (&spec.subtitle, &spec.source, &spec.axis_unit),
            (&plain.subtitle, &plain.source, &plain.axis_unit),
            "{sel}"
        );
        assert_eq!(format!("{:?}", spec.data), format!("{:?}", plain.data), "{sel}");
        let scene = w.scene_for(480.0).unwrap();
        let (now, before) = (texts(&scene), texts(&plain_scene));
        assert!(now.iter().any(|t| t.contains("编辑的标题")), "{sel}: headline drawn");
        assert!(now.iter().any(|t| t == "编辑的说明。"), "{sel}: description drawn");
        assert!(!now.iter().any(|t| t == &plain.title), "{sel}: the view's title is replaced");
        for t in before.iter().filter(|t| **t != plain.title && !plain.title.contains(t.as_str())) {
            assert!(now.contains(t), "{sel}: '{t}' kept");
        }
        assert!(w.summary().starts_with("编辑的标题"), "{sel}: the accessible description names the headline");
        // "" goes back to the view's own.
        select(&mut w, &json!({"title": "", "description": ""}));
        assert_eq!(w.spec().title, plain.title);
        assert_eq!(texts(&w.scene_for(480.0).unwrap()), before, "{sel}");
    }
}

/// The paint of the mark drawn exactly at a bar's or segment's hit rectangle.
fn rect_paint(scene: &Scene, i: usize) -> Option<Paint> {
    let hit = scene.hits.iter().find(|h| h.target == Target::Datum(i))?;
    let r = hit.mark;
    scene.marks.iter().find_map(|m| match m {
        Mark::Rect { x, y, w, h, paint } if (*x, *y, *w, *h) == (r.x, r.y, r.w, r.h) => Some(*paint),
        _ => None,
    })
}

#[test]
fn a_highlight_mutes_every_other_item_in_every_chart_and_language() {
    let mut w = widget();
    let mut checked = 0;
    for sel in selections(&w) {
        select(&mut w, &sel);
        let spec = w.spec().clone();
        // Each category and each named series, by its label in this language and in the other.
        let other_lang = if sel["lang"] == "zh" { "en" } else { "zh" };
        select(&mut w, &json!({"lang": other_lang}));
        let other = w.spec().clone();
        select(&mut w, &json!({"lang": sel["lang"]}));
        let mut keys: Vec<(String, String)> = Vec::new();
        for (c, label) in spec.categories.iter().enumerate() {
            keys.push((label.clone(), format!("category {c}")));
            keys.push((other.categories[c].clone(), format!("category {c}")));
        }
        for (s, info) in spec.series.iter().enumerate().filter(|(_, s)| !s.key.is_empty()) {
            keys.push((info.label.clone(), format!("series {s}")));
            keys.push((info.key.clone(), format!("series {s}")));
        }
        for (key, what) in keys {
            select(&mut w, &json!({"highlight": key}));
            let h = w.spec().clone();
            assert!(h.highlight.is_some(), "{sel}: '{key}' ({what}) highlights");
            let lit: Vec<usize> = (0..h.data.len()).filter(|&i| !h.muted(&h.data[i])).collect();
            assert!(!lit.is_empty(), "{sel}: '{key}' lights its own data");
            let scene = w.scene_for(480.0).unwrap();
            for (i, d) in h.data.iter().enumerate() {
                if let Some(p) =
                    rect_paint(&scene, i).filter(|_| matches!(h.chart.id(), "bar" | "grouped_bar" | "composition"))
                {
                    assert_eq!(p == Paint::Axis, h.muted(d), "{sel}: '{key}', datum {i} ({})", d.label);
                }
            }
            // The figures are the same, highlighted or not.
            assert_eq!(
                h.data.iter().map(|d| &d.display).collect::<Vec<_>>(),
                spec.data.iter().map(|d| &d.display).collect::<Vec<_>>()
            );
            checked += 1;
        }
        select(&mut w, &json!({"highlight": ""}));
        assert_eq!(w.spec().highlight, None);
    }
    assert!(checked > 300, "only {checked} highlights checked");
}

#[test]
fn a_highlight_survives_a_change_of_language_and_goes_with_the_view() {
    let mut w = widget();
    select(&mut w, &json!({"view": "d000-gdp-growth", "highlight": "第三产业增加值增速", "title": "服务业领跑"}));
    let zh = w.spec().highlight;
    assert!(zh.is_some());
    select(&mut w, &json!({"lang": "en"}));
    assert_eq!(w.spec().highlight, zh, "the same item in English");
    assert_eq!(w.state().highlight, "第三产业增加值增速");
    let state = to_value(w.state());
    assert_eq!(
        (state["title"].as_str(), state["highlight"].as_str()),
        (Some("服务业领跑"), Some("第三产业增加值增速"))
    );
    // Another view: the editor's words and highlight were for the chart they were written for.
    select(&mut w, &json!({"view": "d000-gdp-sectors"}));
    let s = w.state();
    assert_eq!((s.title.as_str(), s.description.as_str(), s.highlight.as_str()), ("", "", ""));
}

#[test]
fn bad_editor_options_are_coded_errors_that_change_nothing() {
    let mut w = widget();
    select(&mut w, &json!({"view": "d000-gdp-growth", "title": "标题"}));
    let before = (format!("{:?}", w.state()), format!("{:?}", w.spec()));
    let cases = [
        (json!({"title": "x".repeat(121)}), "bad_text", "selection.title", "at most 120"),
        (json!({"title": "line\nbreak"}), "bad_text", "selection.title", "one line"),
        (json!({"description": "d".repeat(301)}), "bad_text", "selection.description", "at most 300"),
        (json!({"description": "tab\there"}), "bad_text", "selection.description", "one line"),
        (json!({"highlight": "晋城"}), "unknown_highlight", "selection.highlight", "no category or series"),
        (
            json!({"highlight": "<img src=x onerror=alert(1)>"}),
            "unknown_highlight",
            "selection.highlight",
            "no category or series",
        ),
        (json!({"title": 5}), "bad_type", "selection.title", "number"),
        (
            json!({"lang": "en", "highlight": "nope"}),
            "unknown_highlight",
            "selection.highlight",
            "no category or series",
        ),
    ];
    for (patch, code, path, needle) in cases {
        let e = Patch::read(&patch).and_then(|p| w.select(&p).cloned()).expect_err(&patch.to_string());
        assert_eq!((e.code, e.path.as_str()), (code, path), "{patch}: {e:?}");
        assert!(e.message.contains(needle), "{patch}: {}", e.message);
        assert_eq!((format!("{:?}", w.state()), format!("{:?}", w.spec())), before, "{patch} changed the widget");
    }
    // The initial selection is checked the same way.
    let e = Widget::new(None, &j(&json!({"view": "d000-gdp-growth", "highlight": "nope"}))).err().unwrap();
    assert_eq!(e.code, "unknown_highlight");
}

#[test]
fn an_editors_height_is_filled_by_a_line_chart_and_never_cuts_another() {
    let mut w = widget();
    let mut lines = 0;
    for sel in selections(&w) {
        select(&mut w, &sel);
        for width in [360.0, 720.0] {
            w.fit(0.0);
            let natural = w.scene_for(width).unwrap();
            for fit in [240.0, 320.0, 480.0, 720.0] {
                w.fit(fit);
                let scene = w.layout(width).unwrap().clone();
                if sel["chart"] == "line" {
                    if fit >= natural.height {
                        // The plot takes up the difference; a taller plot has room for as many
                        // labels and ticks, or more.
                        assert_eq!(scene.height, fit, "{sel} at {width}px, fit {fit}");
                        assert!(texts(&scene).len() >= texts(&natural).len(), "{sel} at {width}px, fit {fit}");
                    } else {
                        // Shorter, down to the plot's 100 px minimum.
                        assert!(
                            scene.height >= fit && scene.height <= natural.height,
                            "{sel}: {} for {fit}",
                            scene.height
                        );
                    }
                    lines += 1;
                } else {
                    assert_eq!(scene.height, natural.height, "{sel}: only line charts fit a height");
                }
            }
        }
    }
    assert!(lines > 20, "only {lines} fitted line charts");
    // Nonsense is no fit (the JS API refuses it with a coded error before it gets here).
    let line = selections(&w).into_iter().find(|s| s["chart"] == "line").unwrap();
    select(&mut w, &line);
    w.fit(0.0);
    let natural = w.scene_for(480.0).unwrap().height;
    for bad in [-1.0, f64::NAN, f64::INFINITY, 1e9] {
        w.fit(bad);
        assert_eq!(w.scene_for(480.0).unwrap().height, natural, "{bad}");
    }
}

#[test]
fn a_highlight_named_in_the_other_language_survives_a_host_series_shown_and_dropped() {
    let mut w = widget();
    select(
        &mut w,
        &json!({"view": "d000-gdp-growth", "lang": "zh", "highlight": "Tertiary industry value added growth"}),
    );
    let h = w.spec().highlight;
    assert!(h.is_some());
    w.set_series(econ_widget::series::HostSeries::new("s", "", vec![0.0, 1.0], vec![1.0, 2.0]).unwrap());
    w.clear_series();
    assert_eq!(w.spec().highlight, h, "back on the view, the same item is highlighted");
}
