//! Every chart kind, in Chinese and English, from spec to scene to SVG: the numbers and their
//! sources reach the drawing, marks stay inside the chart, every datum can be pointed at and
//! reached by keyboard, series can be switched off, SVG snapshots, escaping, and CSV export.
// Native tests: `wasm-pack test` builds every test target for wasm32, where these have no use.
#![cfg(not(target_arch = "wasm32"))]

use econ_widget::data::Dataset;
use econ_widget::hit;
use econ_widget::layout::{HAlign, Mark, Scene, Target};
use econ_widget::text;
use econ_widget::widget::Widget;
mod common;
use common::j;
use serde_json::{json, Value};
use std::path::PathBuf;

const MINI: &str = include_str!("fixtures/mini.json");
const CHARTS: [&str; 6] = ["bar", "grouped_bar", "composition", "line", "bullet", "timeline"];
const LANGS: [&str; 2] = ["zh", "en"];
const SNAPSHOT_WIDTH: f64 = 640.0;

fn embedded() -> Widget {
    Widget::new(None, &j(&json!(null))).unwrap()
}

/// The first view whose default chart is `chart` (it is then also in its `charts`).
fn view_for(w: &Widget, chart: &str) -> String {
    let v = w.views().into_iter().find(|v| v.chart == chart).unwrap_or_else(|| panic!("no view shows {chart}"));
    assert!(v.charts.contains(&v.chart));
    v.id
}

fn widget_for(chart: &str, lang: &str) -> Widget {
    let mut w = embedded();
    let id = view_for(&w, chart);
    w.select(&j(&json!({"view": id, "chart": chart, "lang": lang}))).unwrap();
    assert_eq!(w.spec().chart.id(), chart);
    w
}

fn xml_unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// The text content of every `<text>` element, unescaped, in document order.
fn svg_texts(svg: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find("<text") {
        let after = &rest[start..];
        let open_end = after.find('>').expect("text tag closes");
        let close = after.find("</text>").expect("text element ends");
        // plotters writes the content on a line of its own.
        let content = &after[open_end + 1..close];
        let content = content.strip_prefix('\n').unwrap_or(content);
        out.push(xml_unescape(content.strip_suffix('\n').unwrap_or(content)));
        rest = &after[close + 7..];
    }
    out
}

/// Whether `needle` is shown: inside one text element, or across wrapped lines (which drop the
/// spaces they break at, so whitespace is ignored there).
fn shows(texts: &[String], needle: &str) -> bool {
    if texts.iter().any(|t| t.contains(needle)) {
        return true;
    }
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    squash(&texts.concat()).contains(&squash(needle))
}

/// Every `<` opens a known tag and every `&` starts an entity: nothing from the data can inject
/// markup into the SVG.
fn assert_markup_is_clean(svg: &str) {
    const TAGS: [&str; 9] = ["<svg", "</svg", "<rect", "<text", "</text", "<circle", "<polyline", "<line", "<path"];
    for (i, _) in svg.match_indices('<') {
        assert!(TAGS.iter().any(|t| svg[i..].starts_with(t)), "unexpected markup at {i}: {:.60}", &svg[i..]);
    }
    for (i, _) in svg.match_indices('&') {
        let ok = ["&lt;", "&gt;", "&amp;", "&quot;", "&apos;"].iter().any(|e| svg[i..].starts_with(e));
        assert!(ok, "bare & at {i}: {:.40}", &svg[i..]);
    }
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
}

/// Horizontal and vertical extent of a mark, text measured the way layout measures it.
fn extent(m: &Mark) -> (f64, f64, f64, f64) {
    match m {
        Mark::Rect { x, y, w, h, .. } => (*x, x + w, *y, y + h),
        Mark::Path { points, .. } => {
            let xs = points.iter().map(|p| p.0);
            let ys = points.iter().map(|p| p.1);
            (
                xs.clone().fold(f64::INFINITY, f64::min),
                xs.fold(f64::NEG_INFINITY, f64::max),
                ys.clone().fold(f64::INFINITY, f64::min),
                ys.fold(f64::NEG_INFINITY, f64::max),
            )
        }
        Mark::Circle { x, y, r, .. } => (x - r, x + r, y - r, y + r),
        Mark::Text { x, y, text: t, size, bold, align, .. } => {
            let w = text::width(t, *size, *bold);
            let (a, b) = match align {
                HAlign::Left => (*x, x + w),
                HAlign::Center => (x - w / 2.0, x + w / 2.0),
                HAlign::Right => (x - w, *x),
            };
            (a, b, *y, y + size * 1.3)
        }
    }
}

#[track_caller]
fn assert_inside(scene: &Scene, what: &str) {
    const SLACK: f64 = 0.5;
    for m in &scene.marks {
        let (x0, x1, y0, y1) = extent(m);
        assert!([x0, x1, y0, y1].iter().all(|v| v.is_finite()), "{what}: non-finite mark {m:?}");
        assert!(
            x0 >= -SLACK && x1 <= scene.width + SLACK,
            "{what}: mark spans x {x0:.1}..{x1:.1} of {}: {m:?}",
            scene.width
        );
        assert!(
            y0 >= -SLACK && y1 <= scene.height + SLACK,
            "{what}: mark spans y {y0:.1}..{y1:.1} of {}: {m:?}",
            scene.height
        );
    }
}

fn visible_indices(w: &Widget) -> Vec<usize> {
    let spec = w.spec();
    spec.data.iter().enumerate().filter(|(_, d)| !spec.series[d.series].hidden).map(|(i, _)| i).collect()
}

fn datum_hits(scene: &Scene) -> Vec<usize> {
    let mut v: Vec<usize> =
        scene.hits.iter().filter_map(|h| if let Target::Datum(i) = h.target { Some(i) } else { None }).collect();
    v.sort();
    v.dedup();
    v
}

// ---------------------------------------------------------------------------------------------
// Every chart kind shows its title, its source and its numbers

#[test]
fn every_chart_kind_has_a_view_and_draws_its_content() {
    for chart in CHARTS {
        for lang in LANGS {
            let mut w = widget_for(chart, lang);
            let spec = w.spec().clone();
            let what = format!("{chart}/{lang} ({})", w.state().view);
            assert!(!spec.data.is_empty(), "{what}: no data");
            assert!(!spec.summary.is_empty());
            let svg = w.svg(800.0, false).unwrap();
            assert_markup_is_clean(&svg);
            let texts = svg_texts(&svg);
            assert!(shows(&texts, &spec.title), "{what}: title {:?} missing", spec.title);
            assert!(shows(&texts, &spec.source), "{what}: source line missing");
            // The source line names every document a number comes from.
            for d in &spec.data {
                for s in &d.sources {
                    assert!(!s.doc_title.is_empty());
                    assert!(spec.source.contains(&s.doc_title), "{what}: source line lacks {:?}", s.doc_title);
                    assert!(shows(&texts, &s.doc_title), "{what}: document title {:?} not drawn", s.doc_title);
                }
            }
            // Numbers (or, for a timeline, the goals) are printed next to their marks.
            for d in &spec.data {
                assert!(shows(&texts, &d.display), "{what}: value {:?} not drawn", d.display);
            }
            // Light and dark differ only in colour.
            let dark = w.svg(800.0, true).unwrap();
            assert_ne!(svg, dark);
            assert_eq!(svg_texts(&dark), texts);
        }
    }
}

#[test]
fn composition_of_jinzhong_gdp() {
    let ds = Dataset::embedded().unwrap();
    let group = ds.raw.groups.iter().find(|g| ds.value(&g.whole).unwrap().value == 949.6).unwrap();
    let whole = ds.value(&group.whole).unwrap().value;
    let shares: Vec<String> =
        group.parts.iter().map(|p| format!("{:.1}%", ds.value(p).unwrap().value / whole * 100.0)).collect();
    assert_eq!(shares, ["5.0%", "52.4%", "42.6%"]);

    for (lang, total, parts, growth) in [
        (
            "zh",
            "949.6亿元",
            ["47.8亿元", "497.3亿元", "404.5亿元"],
            ["同比增速：1.7%", "同比增速：3.7%", "同比增速：6.3%"],
        ),
        (
            "en",
            "94.96 billion yuan",
            ["4.78 billion yuan", "49.73 billion yuan", "40.45 billion yuan"],
            ["year-on-year growth: 1.7%", "year-on-year growth: 3.7%", "year-on-year growth: 6.3%"],
        ),
    ] {
        let mut w = embedded();
        w.select(&j(&json!({"view": "d000-gdp-sectors", "lang": lang}))).unwrap();
        let spec = w.spec().clone();
        assert_eq!(spec.chart.id(), "composition");
        assert!(spec.subtitle.contains(total), "{}", spec.subtitle);
        let displays: Vec<&str> = spec.data.iter().map(|d| d.display.as_str()).collect();
        assert_eq!(displays, parts);
        let details: Vec<&str> = spec.data.iter().map(|d| d.detail.as_deref().unwrap()).collect();
        assert_eq!(details, growth);
        let svg = w.svg(800.0, false).unwrap();
        let texts = svg_texts(&svg);
        assert!(shows(&texts, total), "{lang}: total missing");
        for (p, s) in parts.iter().zip(&shares) {
            assert!(
                texts.iter().any(|t| t.contains(p) && t.contains(s.as_str())),
                "{lang}: row with {p} and {s} missing: {texts:?}"
            );
        }
        for g in growth {
            assert!(shows(&texts, g), "{lang}: {g} missing");
        }
        assert!(shows(
            &texts,
            if lang == "zh" {
                "晋中：晋商故里开新局"
            } else {
                "Jinzhong: a new chapter in the home of the Jin merchants"
            }
        ));
        // Segment widths are the shares of the full bar.
        let scene = w.layout(800.0).unwrap().clone();
        let segs: Vec<f64> =
            (0..3).map(|i| scene.hits.iter().find(|h| h.target == Target::Datum(i)).unwrap().mark.w).collect();
        let full: f64 = segs.iter().sum();
        assert!((full - (800.0 - 24.0)).abs() < 1e-6, "{full}");
        let parts_sum: f64 = [47.8, 497.3, 404.5].iter().sum();
        for (seg, v) in segs.iter().zip([47.8, 497.3, 404.5]) {
            assert!((seg / full - v / parts_sum).abs() < 1e-9);
        }
        // The summary a screen reader hears names the total and the largest part.
        assert!(spec.summary.contains(total) && spec.summary.contains("52.4%"), "{}", spec.summary);
    }
}

#[test]
fn bar_lengths_are_proportional_to_values() {
    for lang in LANGS {
        let mut w = widget_for("bar", lang);
        let spec = w.spec().clone();
        let scene = w.layout(800.0).unwrap().clone();
        assert!(spec.data.iter().all(|d| d.value > 0.0));
        let per_unit: Vec<f64> = spec
            .data
            .iter()
            .enumerate()
            .map(|(i, d)| scene.hits.iter().find(|h| h.target == Target::Datum(i)).unwrap().mark.w / d.value)
            .collect();
        for p in &per_unit {
            assert!((p - per_unit[0]).abs() < 1e-9, "{lang}: px per unit {per_unit:?}");
        }
        // All bars start at the same x (zero).
        let xs: Vec<f64> =
            scene.hits.iter().filter(|h| matches!(h.target, Target::Datum(_))).map(|h| h.mark.x).collect();
        assert!(xs.iter().all(|x| (x - xs[0]).abs() < 1e-9));
    }
}

#[test]
fn line_points_follow_their_values() {
    for lang in LANGS {
        let mut w = widget_for("line", lang);
        let spec = w.spec().clone();
        let scene = w.layout(800.0).unwrap().clone();
        let texts = svg_texts(&w.svg(800.0, false).unwrap());
        // Few points: each is labelled with its value.
        for d in &spec.data {
            assert!(texts.contains(&d.display), "{lang}: point {} not labelled", d.display);
        }
        for c in &spec.categories {
            assert!(shows(&texts, c), "{lang}: period {c} not on the axis");
        }
        assert!(shows(&texts, &spec.subtitle), "{lang}: unit line missing");
        let mut pts: Vec<(f64, (f64, f64))> = spec
            .data
            .iter()
            .enumerate()
            .map(|(i, d)| (d.value, scene.hits.iter().find(|h| h.target == Target::Datum(i)).unwrap().anchor))
            .collect();
        // Later periods to the right; larger values higher up.
        let xs: Vec<f64> = pts.iter().map(|p| p.1 .0).collect();
        assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");
        pts.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert!(pts.windows(2).all(|w| w[0].1 .1 >= w[1].1 .1), "{pts:?}");
        // Values are in the tooltip.
        for (i, d) in spec.data.iter().enumerate() {
            let a = scene.hits.iter().find(|h| h.target == Target::Datum(i)).unwrap().anchor;
            assert_eq!(w.hit_at(a.0, a.1).unwrap().value, d.display);
        }
    }
}

#[test]
fn bullet_rows_show_actual_target_and_progress() {
    let expected_zh = "完成度80.0%";
    let mut w = widget_for("bullet", "zh");
    let spec = w.spec().clone();
    let texts = svg_texts(&w.svg(800.0, false).unwrap());
    assert!(texts.iter().any(|t| t.contains(expected_zh)), "{texts:?}");
    for d in &spec.data {
        // Progress is shown for amount and count targets; a growth-rate target has none.
        if let Some(p) = d.share {
            let share = format!("{:.1}%", p * 100.0);
            assert!(texts.iter().any(|t| t.contains(&d.display) && t.contains(&share)), "{}: {share}", d.label);
        } else {
            assert!(d.detail.as_deref().unwrap().contains('%') || !d.display.is_empty());
        }
        assert!(shows(&texts, d.detail.as_deref().unwrap()));
        assert!(shows(&texts, &d.label));
    }
    let mut w = widget_for("bullet", "en");
    let texts = svg_texts(&w.svg(800.0, false).unwrap());
    assert!(texts.iter().any(|t| t.contains("80.0% of target")), "{texts:?}");
}

#[test]
fn timeline_lists_years_in_order() {
    for lang in LANGS {
        let mut w = widget_for("timeline", lang);
        let years: Vec<u16> = w.spec().data.iter().map(|d| d.year.unwrap()).collect();
        assert!(years.windows(2).all(|p| p[0] <= p[1]), "{years:?}");
        let texts = svg_texts(&w.svg(800.0, false).unwrap());
        for y in &years {
            assert!(texts.contains(&y.to_string()), "{lang}: year {y} not drawn");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Geometry: marks inside, a hit for every datum, pointer and keyboard

#[test]
fn marks_stay_inside_the_chosen_charts() {
    for chart in CHARTS {
        for lang in LANGS {
            let mut w = widget_for(chart, lang);
            for width in [280.0, 320.0, 439.0, 440.0, 640.0, 1200.0, 2400.0] {
                let scene = w.layout(width).unwrap().clone();
                assert_inside(&scene, &format!("{chart}/{lang} at {width}"));
            }
        }
    }
}

#[test]
fn marks_stay_inside_every_view_and_chart() {
    let mut w = embedded();
    for v in w.views() {
        for c in &v.charts {
            for lang in LANGS {
                w.select(&j(&json!({"view": v.id, "chart": c, "lang": lang}))).unwrap();
                for width in [280.0, 600.0, 1200.0] {
                    let scene = w.layout(width).unwrap().clone();
                    assert_inside(&scene, &format!("{} as {c}/{lang} at {width}", v.id));
                }
            }
        }
    }
}

#[test]
fn every_visible_datum_has_a_hit_region_and_answers_the_pointer() {
    let ds = Dataset::embedded().unwrap();
    for chart in CHARTS {
        for lang in LANGS {
            let mut w = widget_for(chart, lang);
            for width in [280.0, 800.0] {
                let scene = w.layout(width).unwrap().clone();
                assert_eq!(datum_hits(&scene), visible_indices(&w), "{chart}/{lang} at {width}");
                for h in &scene.hits {
                    let Target::Datum(i) = h.target else { continue };
                    let info = w
                        .hit_at(h.anchor.0, h.anchor.1)
                        .unwrap_or_else(|| panic!("{chart}/{lang}: nothing at datum {i}'s anchor"));
                    assert_eq!((info.kind, info.index), ("datum", i), "{chart}/{lang} at {width}");
                    let d = &w.spec().data[i];
                    assert_eq!(info.value, d.display);
                    assert_eq!(info.label, d.label);
                    // The tooltip carries the verbatim quote of the value's source.
                    let quote = match ds.value(&d.value_id) {
                        Some(v) => v.source.quote.clone(),
                        None => ds.milestone(&d.value_id).unwrap().source.quote.clone(),
                    };
                    assert_eq!(info.sources[0].quote, quote);
                    assert!(info.announce.contains(&d.display), "{}", info.announce);
                    assert!(info.announce.contains(&info.sources[0].doc_title));
                }
                // Outside the chart, or at a non-number, nothing.
                assert!(w.hit_at(-5.0, -5.0).is_none());
                assert!(w.hit_at(f64::NAN, 50.0).is_none());
                assert!(w.hit_at(width / 2.0, scene.height + 10.0).is_none());
            }
        }
    }
}

#[test]
fn the_pointer_finds_a_datum_at_every_anchor_of_every_view() {
    let mut w = embedded();
    for v in w.views() {
        for c in &v.charts {
            w.select(&j(&json!({"view": v.id, "chart": c, "lang": "en"}))).unwrap();
            let scene = w.layout(640.0).unwrap().clone();
            assert_eq!(datum_hits(&scene), visible_indices(&w), "{} as {c}", v.id);
            for h in &scene.hits {
                let info = w.hit_at(h.anchor.0, h.anchor.1).expect("something under an anchor");
                // Two equal values from two documents can share a point; then either is right.
                let same_point = scene.hits.iter().any(|o| {
                    o.anchor == h.anchor
                        && match o.target {
                            Target::Datum(i) => info.kind == "datum" && info.index == i,
                            Target::Legend(i) => info.kind == "legend" && info.index == i,
                        }
                });
                assert!(same_point, "{} as {c}: {:?} answered by {} {}", v.id, h.target, info.kind, info.index);
            }
        }
    }
}

#[test]
fn a_bar_under_the_pointer_gives_its_value_and_quote() {
    let ds = Dataset::embedded().unwrap();
    let mut w = widget_for("bar", "zh");
    let scene = w.layout(640.0).unwrap().clone();
    let h = scene.hits.iter().find(|h| h.target == Target::Datum(0)).unwrap();
    let info = w.hit_at(h.anchor.0, h.anchor.1).unwrap();
    let v = ds.value(&w.spec().data[0].value_id).unwrap();
    assert_eq!(info.value, "4.8%");
    assert_eq!(info.label, "地区生产总值增速");
    assert_eq!(info.period, "2023年上半年");
    assert_eq!(info.sources[0].quote, v.source.quote);
    assert!(info.sources[0].quote.contains("4.8%"));
    assert_eq!(info.sources[0].doc, "000_ade18ad3f0db81b9.txt");
    assert_eq!(info.position, Some(0));
    assert_eq!(info.count, 4);
    assert!(info.announce.contains("（第1项，共4项）"), "{}", info.announce);
    // Anywhere along the bar's row answers the same, even past the bar's end.
    let again = w.hit_at(scene.width - 20.0, h.anchor.1).unwrap();
    assert_eq!(again.index, 0);
    // The focus ring goes around the bar itself.
    assert_eq!(info.ring, [h.mark.x, h.mark.y, h.mark.w, h.mark.h]);
}

#[test]
fn keyboard_focus_walks_all_data_in_order() {
    for chart in CHARTS {
        for lang in LANGS {
            let mut w = widget_for(chart, lang);
            assert_eq!(w.focus("next").unwrap(), None, "no scene yet, no focus");
            let scene = w.layout(640.0).unwrap().clone();
            // Data first, in data order; legend entries (if any) come after all of them.
            let full = hit::focus_order(&scene);
            let first_legend = full.iter().position(|h| matches!(h.target, Target::Legend(_))).unwrap_or(full.len());
            assert!(
                full[first_legend..].iter().all(|h| matches!(h.target, Target::Legend(_))),
                "{chart}/{lang}: legend after data"
            );
            let order: Vec<usize> = full[..first_legend]
                .iter()
                .map(|h| if let Target::Datum(i) = h.target { i } else { unreachable!() })
                .collect();
            let legends = full.len() - first_legend;
            let vis = visible_indices(&w);
            assert_eq!(order, vis, "{chart}/{lang}: keyboard order is the data order");
            let n = vis.len();
            let mut walked = Vec::new();
            for k in 0..n {
                let f = w.focus("next").unwrap().unwrap();
                assert_eq!(f.kind, "datum");
                assert_eq!((f.position, f.count), (Some(k), n));
                let of = if lang == "zh" {
                    format!("（第{}项，共{}项）", k + 1, n)
                } else {
                    format!(" ({} of {})", k + 1, n)
                };
                assert!(f.announce.ends_with(&of), "{chart}/{lang}: {}", f.announce);
                walked.push(f.index);
            }
            assert_eq!(walked, vis, "{chart}/{lang}");
            // After the data come the legend entries (if any); at the very end, next stays;
            // prev goes back; first/last jump; none leaves.
            if legends > 0 {
                let l = w.focus("next").unwrap().unwrap();
                assert_eq!((l.kind, l.index, l.position, l.count), ("legend", 0, Some(0), legends), "{chart}/{lang}");
                assert_eq!(w.focus("prev").unwrap().unwrap().index, vis[n - 1]);
            } else {
                assert_eq!(w.focus("next").unwrap().unwrap().index, vis[n - 1]);
            }
            if n > 1 {
                assert_eq!(w.focus("prev").unwrap().unwrap().index, vis[n - 2]);
            }
            assert_eq!(w.focus("first").unwrap().unwrap().index, vis[0]);
            assert_eq!(w.focus("prev").unwrap().unwrap().index, vis[0]);
            let last = w.focus("last").unwrap().unwrap();
            let want_last = if legends > 0 { ("legend", legends - 1) } else { ("datum", vis[n - 1]) };
            assert_eq!((last.kind, last.index), want_last);
            assert_eq!(w.focus("none").unwrap(), None);
            let from_outside = w.focus("prev").unwrap().unwrap();
            assert_eq!((from_outside.kind, from_outside.index), want_last, "prev from outside starts at the end");
            let e = w.focus("sideways").unwrap_err();
            assert_eq!((e.code, e.path.as_str()), ("bad_argument", "focus"));
            assert!(e.message.contains("'sideways'"));
        }
    }
}

#[test]
fn toggle_series_hides_a_grouped_bar_series() {
    for lang in LANGS {
        let mut w = widget_for("grouped_bar", lang);
        let spec = w.spec().clone();
        assert!(spec.series.len() >= 2);
        let hidden_key = spec.series[1].key.clone();
        let hidden_data: Vec<usize> =
            spec.data.iter().enumerate().filter(|(_, d)| d.series == 1).map(|(i, _)| i).collect();
        let kept: Vec<usize> = spec.data.iter().enumerate().filter(|(_, d)| d.series != 1).map(|(i, _)| i).collect();
        assert!(!hidden_data.is_empty() && !kept.is_empty());
        let before_rows = w.table().rows.len();
        let before_texts = svg_texts(&w.svg(640.0, false).unwrap());
        // The legend entry is a hit target that says what a click does.
        let scene = w.layout(640.0).unwrap().clone();
        let legend = scene.hits.iter().find(|h| h.target == Target::Legend(1)).expect("legend entry");
        let info = w.hit_at(legend.anchor.0, legend.area.y + 2.0).unwrap();
        assert_eq!((info.kind, info.index), ("legend", 1));
        assert_eq!(info.label, spec.series[1].label);

        let s = w.toggle_series(1).unwrap().clone();
        assert_eq!(s.hidden, std::slice::from_ref(&hidden_key));
        assert!(w.spec().series[1].hidden);
        assert_eq!(visible_indices(&w), kept);
        let scene = w.layout(640.0).unwrap().clone();
        assert_eq!(datum_hits(&scene), kept);
        // Hidden values are neither drawn, nor in the table, nor reachable by keyboard.
        let texts = svg_texts(&w.svg(640.0, false).unwrap());
        for &i in &hidden_data {
            let d = &spec.data[i];
            assert!(
                before_texts.contains(&d.display) && !texts.contains(&d.display),
                "{lang}: {} still drawn",
                d.display
            );
        }
        assert_eq!(w.table().rows.len(), before_rows - hidden_data.len());
        let walked: Vec<usize> = (0..kept.len()).map(|_| w.focus("next").unwrap().unwrap().index).collect();
        assert_eq!(walked, kept);
        // The legend still lists the series, marked as hidden.
        assert!(texts.contains(&spec.series[1].label));
        let legend = scene.hits.iter().find(|h| h.target == Target::Legend(1)).unwrap();
        let info = w.hit_at(legend.anchor.0, legend.area.y + 2.0).unwrap();
        assert!(info.detail.unwrap().contains(if lang == "zh" { "已隐藏" } else { "hidden" }));

        // Toggling again brings it back; toggling everything off leaves a message, not a crash.
        w.toggle_series(1).unwrap();
        assert!(w.state().hidden.is_empty());
        assert_eq!(visible_indices(&w).len(), spec.data.len());
        for i in 0..spec.series.len() {
            w.toggle_series(i).unwrap();
        }
        let scene = w.layout(640.0).unwrap().clone();
        assert!(datum_hits(&scene).is_empty());
        assert_inside(&scene, "all hidden");
        let texts = svg_texts(&w.svg(640.0, false).unwrap());
        assert!(shows(&texts, if lang == "zh" { "没有可显示的数据" } else { "No data to show" }), "{texts:?}");
        // With every series off, the keyboard still reaches the legend to switch them back on.
        let f = w.focus("next").unwrap().unwrap();
        assert_eq!(f.kind, "legend");
        assert!(f.announce.contains(if lang == "zh" { "已隐藏" } else { "hidden" }), "{}", f.announce);
        assert_eq!(w.table().rows.len(), 0);
        let e = w.toggle_series(spec.series.len()).unwrap_err();
        assert_eq!(e.code, "bad_argument");
        assert!(e.message.contains(&spec.series.len().to_string()));
    }
}

// ---------------------------------------------------------------------------------------------
// Snapshots

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// Compares with tests/snapshots/<name>.svg; writes it when missing or with UPDATE_SNAPSHOTS=1.
fn check_snapshot(name: &str, actual: &str) -> Result<(), String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let path = dir.join(format!("{name}.svg"));
    let update = std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1");
    if update || !path.exists() {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(&path, actual).unwrap();
        println!("wrote snapshot {}", path.display());
        return Ok(());
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    if expected == actual {
        return Ok(());
    }
    let diff_dir = target_dir().join("snapshot-diff");
    std::fs::create_dir_all(&diff_dir).unwrap();
    let diff_path = diff_dir.join(format!("{name}.svg"));
    std::fs::write(&diff_path, actual).unwrap();
    let line = expected
        .lines()
        .zip(actual.lines())
        .position(|(a, b)| a != b)
        .unwrap_or(expected.lines().count().min(actual.lines().count()));
    Err(format!(
        "snapshot {name} differs from {} (first at line {}).\n  expected: {:?}\n  actual:   {:?}\n  the new SVG is at {}\n  if the change is intended, bless it with: UPDATE_SNAPSHOTS=1 cargo test --test charts",
        path.display(),
        line + 1,
        expected.lines().nth(line).unwrap_or(""),
        actual.lines().nth(line).unwrap_or(""),
        diff_path.display()
    ))
}

#[test]
fn svg_snapshots() {
    let mut failures = Vec::new();
    for chart in CHARTS {
        for lang in LANGS {
            let mut w = widget_for(chart, lang);
            let svg = w.svg(SNAPSHOT_WIDTH, false).unwrap();
            // Drawing is deterministic: the same selection twice gives the same bytes.
            assert_eq!(svg, w.svg(SNAPSHOT_WIDTH, false).unwrap());
            assert_eq!(svg, widget_for(chart, lang).svg(SNAPSHOT_WIDTH, false).unwrap());
            if let Err(e) = check_snapshot(&format!("{chart}-{lang}"), &svg) {
                failures.push(e);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn svg_size_matches_the_scene() {
    let mut w = widget_for("composition", "zh");
    let scene = w.layout(SNAPSHOT_WIDTH).unwrap().clone();
    let svg = w.svg(SNAPSHOT_WIDTH, false).unwrap();
    let head = format!(
        "<svg width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\"",
        scene.width, scene.height, scene.width, scene.height
    );
    assert!(svg.starts_with(&head), "{:.120}", svg);
    // The background fills it, in the theme's colour.
    assert!(svg.contains(&format!("<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\"", scene.width, scene.height)));
    assert!(svg.contains("fill=\"#FFFFFF\"") || svg.contains("fill=\"#ffffff\""));
    let dark = w.svg(SNAPSHOT_WIDTH, true).unwrap();
    assert!(dark.contains("fill=\"#15191E\"") || dark.contains("fill=\"#15191e\""));
}

// ---------------------------------------------------------------------------------------------
// Hostile labels and CSV

const XSS: &str = "<img src=x onerror=alert(1)>";

/// The fixture with markup in every label a chart can show.
fn hostile_fixture() -> String {
    let mut v: Value = serde_json::from_str(MINI).unwrap();
    for ind in v["indicators"].as_array_mut().unwrap() {
        ind["name"] = json!({"zh": format!("{XSS}指标"), "en": format!("{XSS} indicator")});
    }
    for d in v["documents"].as_array_mut().unwrap() {
        d["title"] = json!({"zh": format!("《{XSS}》&\"'"), "en": format!("{XSS} & \"quoted\"")});
    }
    for view in v["views"].as_array_mut().unwrap() {
        view["title"] = json!({"zh": XSS, "en": XSS});
    }
    for m in v["milestones"].as_array_mut().unwrap() {
        m["text"] = json!({"zh": XSS, "en": XSS});
    }
    v["targets"][0]["name"] = json!({"zh": XSS, "en": XSS});
    v["regions"][1]["name"] = json!({"zh": XSS, "en": XSS});
    serde_json::to_string(&v).unwrap()
}

#[test]
fn markup_in_labels_is_escaped_in_svg_and_literal_in_csv() {
    let data = hostile_fixture();
    let mut w = Widget::new(Some(&data), &j(&json!(null))).unwrap();
    for v in w.views() {
        for c in &v.charts {
            for lang in LANGS {
                w.select(&j(&json!({"view": v.id, "chart": c, "lang": lang}))).unwrap();
                let svg = w.svg(500.0, false).unwrap();
                assert!(!svg.contains("<img"), "{} {c} {lang}: raw markup in SVG", v.id);
                assert!(!svg.contains("<script"));
                assert_markup_is_clean(&svg);
                assert!(svg.contains("&lt;img src=x onerror=alert(1)&gt;"), "{} {c} {lang}: label not drawn", v.id);
                let csv = w.csv().unwrap();
                assert!(csv.contains(XSS), "{} {c} {lang}: CSV lost the label", v.id);
            }
        }
    }
}

/// RFC 4180 parser: rows of cells, handling quotes, doubled quotes, and CRLF.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    assert!(!quoted, "unterminated quote");
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

#[test]
fn csv_has_bom_header_and_one_row_per_visible_datum() {
    for chart in CHARTS {
        for lang in LANGS {
            let w = widget_for(chart, lang);
            let csv = w.csv().unwrap();
            assert!(csv.starts_with('\u{feff}'), "{chart}/{lang}: no BOM");
            assert!(csv.ends_with("\r\n"));
            let rows = parse_csv(&csv['\u{feff}'.len_utf8()..]);
            let table = w.full_table();
            assert_eq!(rows[0], table.columns);
            assert_eq!(rows[0][0], if lang == "zh" { "项目" } else { "Item" });
            assert_eq!(rows.len() - 1, w.spec().visible().count(), "{chart}/{lang}");
            assert_eq!(&rows[1..], &table.rows[..], "{chart}/{lang}: CSV reads back as the full table");
            // The CSV keeps every detail the readers' table leaves out: file, publisher, id.
            for (row, d) in rows[1..].iter().zip(w.spec().visible()) {
                assert_eq!(row.len(), table.columns.len());
                assert_eq!(row[3], d.display);
                assert_eq!(row[7].split(" | ").next().unwrap(), d.sources[0].doc);
                let doc = w.dataset().document(&d.sources[0].doc).unwrap();
                assert_eq!(row[9].split(" | ").next().unwrap(), doc.publisher.get(w.state().lang));
                assert_eq!(row[12], d.value_id);
                assert_eq!(row[13].split(" | ").next().unwrap(), d.sources[0].quote);
            }
        }
    }
}

#[test]
fn csv_quotes_cells_with_commas() {
    // 1,154 enterprises a year after 1,000 (a host dataset: no embedded view has a count of
    // a thousand or more in English since the village counts were split).
    let mut v: Value = serde_json::from_str(MINI).unwrap();
    let mut earlier =
        v["values"].as_array().unwrap().iter().find(|x| x["id"] == "jz.enterprises.2023").unwrap().clone();
    earlier["id"] = json!("jz.enterprises.2022");
    earlier["period"] = json!("2022");
    earlier["value"] = json!(1000);
    v["values"].as_array_mut().unwrap().push(earlier);
    for d in v["documents"].as_array_mut().unwrap() {
        d["title"]["en"] = json!("Jinzhong, 2023: the plan's report");
    }
    v["views"].as_array_mut().unwrap().push(json!({"id": "ent", "region": "晋中", "topic": "industry",
        "title": {"zh": "规上工业企业", "en": "Industrial enterprises"}, "chart": "bar", "series": "period",
        "values": ["jz.enterprises.2022", "jz.enterprises.2023"]}));
    let w = Widget::new(Some(&v.to_string()), &j(&json!({"view": "ent", "lang": "en"}))).unwrap();
    let csv = w.csv().unwrap();
    assert!(csv.contains(",\"1,154 enterprises\","), "{csv}");
    let rows = parse_csv(&csv[3..]);
    assert!(rows.iter().any(|r| r[3] == "1,154 enterprises"));
    // A document title with a comma is one cell.
    assert!(rows[1..].iter().all(|r| r.len() == 14));
    assert!(rows[1..].iter().any(|r| r[8].contains(", ")), "{rows:?}");
}

#[test]
fn csv_defuses_formulas() {
    let mut v: Value = serde_json::from_str(MINI).unwrap();
    let names = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+1+cmd|' /C calc'!A0", "@SUM(A1:A9)"];
    for (k, name) in names.iter().enumerate() {
        v["indicators"][1 + k]["name"] = json!({"zh": name, "en": name});
    }
    let w = Widget::new(Some(&v.to_string()), &j(&json!({"view": "jz-gdp-sectors-2023h1", "chart": "bar"}))).unwrap();
    let csv = w.csv().unwrap();
    let rows = parse_csv(&csv[3..]);
    let labels: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(labels, names.iter().map(|n| format!("'{n}")).collect::<Vec<_>>());
    // Quoted as well where it has a comma or quotes, with quotes doubled.
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""), "{csv}");
    // A label that is just a (negative) number stays a number; one that computes is defused.
    let mut v: Value = serde_json::from_str(MINI).unwrap();
    v["indicators"][1]["name"] = json!({"zh": "-12", "en": "-12"});
    v["indicators"][2]["name"] = json!({"zh": "-1+1", "en": "-1+1"});
    let w = Widget::new(Some(&v.to_string()), &j(&json!({"view": "jz-gdp-sectors-2023h1"}))).unwrap();
    let rows = parse_csv(&w.csv().unwrap()[3..]);
    assert_eq!(rows[1][0], "-12");
    assert_eq!(rows[2][0], "'-1+1");
}

#[test]
fn printed_forms_show_as_printed_and_chinese_numerals_are_not_shown_in_english() {
    let ds = std::rc::Rc::new(econ_widget::data::Dataset::embedded().unwrap());
    let v = ds.value("d004.jc.anthracite_reserves_share").unwrap();
    assert_eq!(econ_widget::spec::display(&ds, v, econ_widget::i18n::Lang::Zh), "1/4");
    assert_eq!(econ_widget::spec::display(&ds, v, econ_widget::i18n::Lang::En), "a quarter of the whole");
    let v = ds.value("d003.jz.methanol_stations.2023").unwrap();
    assert_eq!(econ_widget::spec::display(&ds, v, econ_widget::i18n::Lang::Zh), "百座左右");
    let en = econ_widget::spec::display(&ds, v, econ_widget::i18n::Lang::En);
    assert!(en.contains("100") && en.is_ascii(), "{en}");
}

/// Every view × chart × language: the marks the arrow keys reach (legend entries aside).
fn each_chart(mut f: impl FnMut(&mut Widget, &str)) {
    let views = embedded().views();
    for v in &views {
        for chart in &v.charts {
            for lang in LANGS {
                let mut w = embedded();
                w.select(&j(&json!({"view": v.id, "chart": chart, "lang": lang}))).unwrap();
                w.layout(SNAPSHOT_WIDTH).unwrap();
                f(&mut w, &format!("{} {chart} {lang}", v.id));
            }
        }
    }
}

#[test]
fn the_summary_names_unit_period_count_and_source_and_counts_what_the_keys_reach() {
    each_chart(|w, at| {
        let mut marks = 0;
        let mut said = None;
        let mut last = None;
        while let Some(info) = w.focus("next").unwrap() {
            if last == Some((info.kind, info.index)) {
                break;
            }
            last = Some((info.kind, info.index));
            if info.kind == "datum" {
                marks += 1;
                said = Some(info.announce.clone());
            }
        }
        let spec = w.spec();
        let s = &spec.summary;
        let n = if spec.lang == econ_widget::i18n::Lang::Zh {
            format!("共{marks}项")
        } else {
            format!("{marks} figure{}", if marks == 1 { "" } else { "s" })
        };
        assert!(s.contains(&n), "{at}: {s:?} should say {n:?}");
        // The last mark's "(4 of 4)" is the same number.
        let said = said.unwrap();
        assert!(said.ends_with(&format!("共{marks}项）")) || said.ends_with(&format!(" of {marks})")), "{at}: {said}");
        for part in spec.subtitle.split(" · ") {
            assert!(s.to_lowercase().contains(&part.to_lowercase()), "{at}: {s:?} lacks {part:?}");
        }
        assert!(s.contains(&spec.source), "{at}: {s:?} lacks the source line");
    });
}

#[test]
fn the_readers_table_has_no_internal_columns_and_spells_out_its_sources() {
    each_chart(|w, at| {
        let t = w.table();
        let zh = w.state().lang == econ_widget::i18n::Lang::Zh;
        for hidden in ["来源文件", "Source file", "编号", "ID", "链接", "URL"] {
            assert!(!t.columns.iter().any(|c| c == hidden), "{at}: {:?}", t.columns);
        }
        assert_eq!(t.columns.last().unwrap(), if zh { "原文" } else { "Quote" });
        assert_eq!(t.sources.len(), t.rows.len());
        let value =
            t.columns.iter().position(|c| ["数值", "Value", "内容", "Milestone"].contains(&c.as_str())).unwrap();
        for (c, name) in t.columns.iter().enumerate() {
            assert!(t.rows.iter().any(|r| !r[c].is_empty()), "{at}: column {name} is empty in every row");
        }
        for ((row, docs), d) in t.rows.iter().zip(&t.sources).zip(w.spec().visible()) {
            assert_eq!(row.len(), t.columns.len());
            assert!(row.iter().all(|c| !c.ends_with(".txt")), "{at}: {row:?}");
            assert_eq!(row[value], d.display, "{at}");
            let src = &row[row.len() - 2];
            for s in &d.sources {
                let doc = w.dataset().document(&s.doc).unwrap();
                let lang = w.state().lang;
                for part in [doc.title.get(lang), doc.publisher.get(lang), &doc.date] {
                    assert!(src.contains(part), "{at}: {src:?} lacks {part:?}");
                }
                assert!(docs.iter().any(|(text, url)| src.contains(text.as_str()) && *url == doc.url), "{at}");
            }
        }
    });
}

#[test]
fn a_documents_url_reaches_the_readers_table_and_the_csv() {
    let mut v: Value = serde_json::from_str(MINI).unwrap();
    let url = "https://example.org/report?a=1&b=<2>";
    for d in v["documents"].as_array_mut().unwrap() {
        d["url"] = json!(url);
    }
    let w = Widget::new(Some(&v.to_string()), &j(&json!({"view": "jz-gdp-sectors-2023h1", "lang": "en"}))).unwrap();
    let t = w.table();
    assert!(t.sources.iter().all(|docs| docs.len() == 1 && docs[0].1.as_deref() == Some(url)), "{:?}", t.sources);
    let rows = parse_csv(&w.csv().unwrap()[3..]);
    assert_eq!(rows[0][11], "URL");
    assert!(rows[1..].iter().all(|r| r[11] == url));
}
