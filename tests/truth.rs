//! Every chart tells the truth, checked on the rendered scene as a reader would check a print:
//! for every view × every chart it offers × zh/en × a phone and a desktop width, tick labels
//! read back as their ticks' values, bars are proportional from zero, value labels stay inside
//! the plot, line charts put time to scale and never join a part-year figure to full years,
//! text does not overlap, encodings are explained, and every number printed is short.
#![cfg(not(target_arch = "wasm32"))]

use econ_widget::data::{ChartKind, Dataset, SeriesBy, Text};
use econ_widget::i18n::Lang;
use econ_widget::layout;
use econ_widget::layout::{HAlign, Mark, Rect, Scene, Target};
use econ_widget::period::Period;
use econ_widget::select::Selection;
use econ_widget::series::HostSeries;
use econ_widget::spec;
use econ_widget::spec::ChartSpec;
use econ_widget::text;
use econ_widget::theme::Paint;
use econ_widget::views::{Content, View};
use econ_widget::widget::Widget;
mod common;
use common::j;
use serde_json::json;

const WIDTHS: [f64; 2] = [360.0, 720.0];
const LANGS: [&str; 2] = ["zh", "en"];
/// Half a CSS pixel: what a reader can see.
const PX: f64 = 0.5;

struct Case {
    what: String,
    spec: ChartSpec,
    scene: Scene,
    ds: std::rc::Rc<Dataset>,
}

/// Every view × offered chart × language × width, as scenes.
fn cases() -> Vec<Case> {
    let mut w = Widget::new(None, &j(&json!(null))).unwrap();
    let ds = w.dataset().clone();
    let mut out = Vec::new();
    for v in w.views() {
        for chart in &v.charts {
            for lang in LANGS {
                w.select(&j(&json!({"view": v.id, "chart": chart, "lang": lang}))).unwrap();
                for width in WIDTHS {
                    // Line charts also at an editor's heights: a taller and a shorter plot.
                    let fits: &[f64] = if *chart == "line" { &[0.0, 240.0, 640.0] } else { &[0.0] };
                    for &fit in fits {
                        w.fit(fit);
                        let scene = w.scene_for(width).unwrap();
                        out.push(Case {
                            what: format!("{} as {chart} in {lang} at {width}px, height {fit}", v.id),
                            spec: w.spec().clone(),
                            scene,
                            ds: ds.clone(),
                        });
                    }
                    w.fit(0.0);
                }
            }
        }
    }
    assert!(out.len() > 100, "only {} scenes", out.len());
    out
}

/// A printed number read back: thousands separators and a unit after it removed.
fn read_number(label: &str) -> Option<f64> {
    let t: String = label.chars().filter(|c| *c != ',').collect();
    let end = t.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '-' | 'e'))).unwrap_or(t.len());
    t[..end].parse().ok()
}

fn text_box(m: &Mark) -> Option<(f64, f64, f64, f64, &str)> {
    let Mark::Text { x, y, text: t, size, bold, align, .. } = m else { return None };
    let w = text::width(t, *size, *bold);
    let x0 = match align {
        HAlign::Left => *x,
        HAlign::Center => x - w / 2.0,
        HAlign::Right => x - w,
    };
    Some((x0, x0 + w, *y, y + size * 1.3, t.as_str()))
}

/// Grid and axis lines: (x0, y0, x1, y1).
fn rules(scene: &Scene) -> Vec<(f64, f64, f64, f64)> {
    scene
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Path { points, paint: Paint::Grid | Paint::Axis, .. } if points.len() == 2 => {
                Some((points[0].0, points[0].1, points[1].0, points[1].1))
            }
            _ => None,
        })
        .collect()
}

/// Muted 11 px texts: tick labels (and other small print, told apart by position).
fn small_muted(scene: &Scene) -> Vec<(f64, f64, f64, f64, &str)> {
    scene
        .marks
        .iter()
        .filter(|m| matches!(m, Mark::Text { paint: Paint::Muted, size, .. } if *size == econ_widget::layout::TINY))
        .filter_map(text_box)
        .collect()
}

/// The datum marks of a bar chart: (datum index, bar rect).
fn bars(scene: &Scene) -> Vec<(usize, Rect)> {
    scene.hits.iter().filter_map(|h| if let Target::Datum(i) = h.target { Some((i, h.mark)) } else { None }).collect()
}

/// px per unit and the x of zero, from the bars; asserts every bar fits them (lie factor 1).
#[track_caller]
fn bar_scale(c: &Case) -> Option<(f64, f64)> {
    let bars = bars(&c.scene);
    let big = bars.iter().map(|(i, _)| c.spec.data[*i].value.abs()).fold(0.0, f64::max);
    let (i, r) = bars.iter().find(|(i, _)| c.spec.data[*i].value.abs() == big && big > 0.0)?;
    let v = c.spec.data[*i].value;
    let k = r.w / v.abs();
    let zero = if v > 0.0 { r.x } else { r.x + r.w };
    for (i, r) in &bars {
        let v = c.spec.data[*i].value;
        let (start, end) = if v >= 0.0 { (r.x, r.x + r.w) } else { (r.x + r.w, r.x) };
        assert!((start - zero).abs() <= PX, "{}: bar {i} starts at {start:.2}, zero is at {zero:.2}", c.what);
        // A bar of a tiny value is still drawn 1 px wide, so it can be seen and pointed at.
        let want = zero + v * k;
        assert!(
            (end - want).abs() <= PX.max(if v.abs() * k < 1.0 { 1.0 } else { 0.0 }),
            "{}: bar {i} ({v}) ends at {end:.2}, proportional is {want:.2} (lie factor {:.3})",
            c.what,
            (end - zero) / (want - zero)
        );
    }
    Some((k, zero))
}

fn is_bar_chart(c: &Case) -> bool {
    matches!(c.spec.chart.id(), "bar" | "grouped_bar")
}

// ---------------------------------------------------------------------------------------------
// Axes

#[test]
fn bars_are_proportional_from_zero_and_ticks_read_their_value() {
    for c in cases().iter().filter(|c| is_bar_chart(c)) {
        let Some((k, zero)) = bar_scale(c) else { continue };
        // Vertical rules are the value grid; their labels sit below them, left to right.
        let mut grid: Vec<f64> = rules(&c.scene).iter().filter(|r| r.0 == r.2).map(|r| r.0).collect();
        grid.sort_by(f64::total_cmp);
        let bottom = rules(&c.scene).iter().filter(|r| r.0 == r.2).map(|r| r.3).fold(0.0, f64::max);
        let mut labels: Vec<_> =
            small_muted(&c.scene).into_iter().filter(|t| (t.2 - bottom - 4.0).abs() < 1.0).collect();
        labels.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert_eq!(grid.len(), labels.len(), "{}: {} grid lines, {} tick labels", c.what, grid.len(), labels.len());
        assert!(grid.len() >= 2, "{}: an axis needs two ticks", c.what);
        for (x, l) in grid.iter().zip(&labels) {
            let value = (x - zero) / k;
            let printed = read_number(l.4).unwrap_or_else(|| panic!("{}: tick {:?} is not a number", c.what, l.4));
            assert!((printed - value).abs() * k <= PX, "{}: the tick at {x:.1} is {value} but reads {:?}", c.what, l.4);
        }
    }
}

#[test]
fn composition_parts_are_proportional() {
    for c in cases().iter().filter(|c| c.spec.chart.id() == "composition") {
        // The first hit of each part is its segment.
        let mut seen = Vec::new();
        let segs: Vec<(usize, Rect)> = bars(&c.scene)
            .into_iter()
            .filter(|(i, _)| {
                let new = !seen.contains(i);
                seen.push(*i);
                new
            })
            .collect();
        let total: f64 = segs.iter().map(|(i, _)| c.spec.data[*i].value.max(0.0)).sum();
        let width: f64 = segs.iter().map(|(_, r)| r.w).sum();
        for (i, r) in &segs {
            let want = c.spec.data[*i].value.max(0.0) / total * width;
            assert!((r.w - want).abs() <= PX, "{}: part {i} is {:.1} px, proportional is {want:.1}", c.what, r.w);
        }
    }
}

#[test]
fn bullet_bars_start_at_zero_in_proportion_to_their_target() {
    for c in cases().iter().filter(|c| c.spec.chart.id() == "bullet") {
        for h in &c.scene.hits {
            let Target::Datum(i) = h.target else { continue };
            let d = &c.spec.data[i];
            let track = h.mark;
            let inside = |x: f64, y: f64, w: f64| {
                x >= track.x - PX && x + w <= track.x + track.w + PX && y >= track.y - 4.0 && y <= track.y + track.h
            };
            let bar = c.scene.marks.iter().find_map(|m| match m {
                Mark::Rect { x, y, w, h, paint: Paint::Series(_) } if inside(*x, *y, *w) && *h < track.h => {
                    Some((*x, *w))
                }
                _ => None,
            });
            let tick = c.scene.marks.iter().find_map(|m| match m {
                Mark::Rect { x, y, w, paint: Paint::Text, .. } if *w == 3.0 && inside(*x, y + 3.0, *w) => Some(x + 1.5),
                _ => None,
            });
            let (Some((bx, bw)), Some(tx), Some(t)) = (bar, tick, d.target) else { continue };
            if d.value < 0.0 || t <= 0.0 {
                continue;
            }
            let zero = bx;
            let want = zero + (tx - zero) * d.value / t;
            assert!(
                (bx + bw - want).abs() <= PX.max(if bw <= 1.0 { 1.0 } else { 0.0 }),
                "{}: bullet {i} ends at {:.1}, proportional to its target is {want:.1}",
                c.what,
                bx + bw
            );
        }
    }
}

/// The plot area of a bar chart: from the first to the last value grid line.
fn bar_plot(scene: &Scene) -> (f64, f64) {
    let xs = rules(scene).into_iter().filter(|r| r.0 == r.2).map(|r| r.0);
    xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| (a.min(x), b.max(x)))
}

#[test]
fn value_labels_stay_inside_the_plot() {
    for c in cases() {
        let texts: Vec<_> = c.scene.marks.iter().filter_map(text_box).collect();
        match c.spec.chart.id() {
            "bar" | "grouped_bar" => {
                let (x0, x1) = bar_plot(&c.scene);
                for (i, r) in bars(&c.scene) {
                    let d = &c.spec.data[i];
                    // The value label is the text of the datum on the bar's row.
                    let label = texts.iter().find(|t| t.4 == d.display && t.2 >= r.y - 2.0 && t.3 <= r.y + r.h + 4.0);
                    let l = label.unwrap_or_else(|| panic!("{}: no value label {:?} by its bar", c.what, d.display));
                    assert!(
                        l.0 >= x0 - PX && l.1 <= x1 + PX,
                        "{}: {:?} spans {:.1}..{:.1}, the plot {x0:.1}..{x1:.1}",
                        c.what,
                        l.4,
                        l.0,
                        l.1
                    );
                }
            }
            "line" => {
                let (x0, x1, top, bottom) = line_plot(&c.scene);
                for h in c.scene.hits.iter().filter(|h| matches!(h.target, Target::Datum(_))) {
                    let Target::Datum(i) = h.target else { continue };
                    let d = &c.spec.data[i];
                    for l in texts.iter().filter(|t| t.4.starts_with(&d.display) && (t.0..=t.1).contains(&h.anchor.0)) {
                        assert!(
                            l.0 >= x0 - PX && l.1 <= x1 + PX && l.2 >= top - PX && l.3 <= bottom + PX,
                            "{}: {:?} at {:.1}..{:.1} × {:.1}..{:.1} outside the plot {x0:.1}..{x1:.1} × {top:.1}..{bottom:.1}",
                            c.what,
                            l.4,
                            l.0,
                            l.1,
                            l.2,
                            l.3
                        );
                    }
                }
            }
            _ => {}
        }
    }
}

/// The plot area of a line chart: the extent of its horizontal grid.
fn line_plot(scene: &Scene) -> (f64, f64, f64, f64) {
    let hs: Vec<_> = rules(scene).into_iter().filter(|r| r.1 == r.3).collect();
    let x0 = hs.iter().map(|r| r.0).fold(f64::INFINITY, f64::min);
    let x1 = hs.iter().map(|r| r.2).fold(f64::NEG_INFINITY, f64::max);
    let top = hs.iter().map(|r| r.1).fold(f64::INFINITY, f64::min);
    let bottom = hs.iter().map(|r| r.1).fold(f64::NEG_INFINITY, f64::max);
    (x0, x1, top, bottom)
}

/// Middle of a value's period in months since year 0.
fn time_of(c: &Case, i: usize) -> f64 {
    let d = &c.spec.data[i];
    let v = c.ds.value(&d.value_id).unwrap_or_else(|| panic!("{}: no value {}", c.what, d.value_id));
    let (a, b) = Period::parse(&v.period).unwrap().sort_key();
    (a + b + 1) as f64 / 2.0
}

#[test]
fn line_ticks_read_their_value_and_time_is_to_scale() {
    for c in cases().iter().filter(|c| c.spec.chart.id() == "line") {
        let points: Vec<(usize, (f64, f64))> = c
            .scene
            .hits
            .iter()
            .filter_map(|h| if let Target::Datum(i) = h.target { Some((i, h.anchor)) } else { None })
            .collect();
        // y: linear in the value, read off two points of different value.
        let lo = points.iter().min_by(|a, b| c.spec.data[a.0].value.total_cmp(&c.spec.data[b.0].value)).unwrap();
        let hi = points.iter().max_by(|a, b| c.spec.data[a.0].value.total_cmp(&c.spec.data[b.0].value)).unwrap();
        let (vlo, vhi) = (c.spec.data[lo.0].value, c.spec.data[hi.0].value);
        if vhi > vlo {
            let k = (lo.1 .1 - hi.1 .1) / (vhi - vlo);
            let y_of = |v: f64| lo.1 .1 - (v - vlo) * k;
            for (i, (_, y)) in &points {
                let want = y_of(c.spec.data[*i].value);
                assert!((y - want).abs() <= PX, "{}: point {i} at y {y:.1}, to scale {want:.1}", c.what);
            }
            // Tick labels, right-aligned left of the plot, read as the value of their rule.
            let (x0, _, top, bottom) = line_plot(&c.scene);
            let hs: Vec<f64> = rules(&c.scene).into_iter().filter(|r| r.1 == r.3).map(|r| r.1).collect();
            let labels: Vec<_> = small_muted(&c.scene)
                .into_iter()
                .filter(|t| {
                    (t.1 - (x0 - 6.0)).abs() < 1.0
                        && t.2 >= top - econ_widget::layout::TINY
                        && t.3 <= bottom + econ_widget::layout::TINY
                })
                .collect();
            assert_eq!(hs.len(), labels.len(), "{}: rules and tick labels", c.what);
            for l in labels {
                let y = hs.iter().copied().min_by(|a, b| (a - l.2).abs().total_cmp(&(b - l.2).abs())).unwrap();
                let value = vlo + (lo.1 .1 - y) / k;
                let printed = read_number(l.4).unwrap_or_else(|| panic!("{}: tick {:?}", c.what, l.4));
                assert!(
                    (printed - value).abs() * k <= PX,
                    "{}: the rule at y {y:.1} is {value}, reads {:?}",
                    c.what,
                    l.4
                );
            }
        }
        // x: affine in the middle of each period.
        let t: Vec<(f64, f64)> = points.iter().map(|(i, p)| (time_of(c, *i), p.0)).collect();
        let first = t.iter().min_by(|a, b| a.0.total_cmp(&b.0)).unwrap();
        let last = t.iter().max_by(|a, b| a.0.total_cmp(&b.0)).unwrap();
        if last.0 > first.0 {
            let k = (last.1 - first.1) / (last.0 - first.0);
            assert!(k > 0.0, "{}: time runs backwards", c.what);
            for (tm, x) in &t {
                let want = first.1 + (tm - first.0) * k;
                assert!((x - want).abs() <= PX, "{}: a point of month {tm} is at x {x:.1}, to scale {want:.1}", c.what);
            }
        }
    }
}

#[test]
fn a_part_year_figure_is_never_joined_to_full_years() {
    for c in cases().iter().filter(|c| c.spec.chart.id() == "line") {
        let points: Vec<(usize, (f64, f64))> = c
            .scene
            .hits
            .iter()
            .filter_map(|h| if let Target::Datum(i) = h.target { Some((i, h.anchor)) } else { None })
            .collect();
        let months = |i: usize| {
            let v = c.ds.value(&c.spec.data[i].value_id).unwrap();
            let (a, b) = Period::parse(&v.period).unwrap().sort_key();
            b - a + 1
        };
        for m in &c.scene.marks {
            let Mark::Path { points: path, paint: Paint::Series(_), .. } = m else { continue };
            let on: Vec<usize> = points
                .iter()
                .filter(|(_, p)| path.iter().any(|q| (q.0 - p.0).abs() < 0.01 && (q.1 - p.1).abs() < 0.01))
                .map(|(i, _)| *i)
                .collect();
            let lengths: Vec<u32> = on.iter().map(|&i| months(i)).collect();
            assert!(
                lengths.windows(2).all(|w| w[0] == w[1]),
                "{}: one line joins periods of {lengths:?} months",
                c.what
            );
        }
        // Each figure of a shorter period than the rest of its series says its period.
        let texts: Vec<&str> = c.scene.marks.iter().filter_map(text_box).map(|t| t.4).collect();
        for (i, _) in &points {
            let d = &c.spec.data[*i];
            let longest =
                points.iter().filter(|(j, _)| c.spec.data[*j].series == d.series).map(|(j, _)| months(*j)).max();
            if Some(months(*i)) != longest && texts.iter().any(|t| t.starts_with(&d.display)) {
                assert!(
                    texts.iter().any(|t| t.starts_with(&d.display) && t.contains(&d.period)),
                    "{}: {:?} ({}) is drawn without its period",
                    c.what,
                    d.display,
                    d.period
                );
            }
        }
    }
}

#[test]
fn a_timeline_with_an_axis_places_years_in_proportion() {
    for c in cases().iter().filter(|c| c.spec.chart.id() == "timeline") {
        let axis = rules(&c.scene).into_iter().any(|r| r.0 == r.2);
        if !axis {
            continue;
        }
        let dots: Vec<(f64, u16)> = c
            .scene
            .hits
            .iter()
            .filter_map(|h| {
                if let Target::Datum(i) = h.target {
                    c.spec.data[i].year.map(|y| (h.anchor.1, y))
                } else {
                    None
                }
            })
            .collect();
        let (a, b) = (dots[0], dots[dots.len() - 1]);
        if b.1 == a.1 {
            continue;
        }
        let k = (b.0 - a.0) / (b.1 - a.1) as f64;
        for (y, year) in &dots {
            let want = a.0 + (*year - a.1) as f64 * k;
            assert!((y - want).abs() <= PX, "{}: {year} at y {y:.1}, in proportion {want:.1}", c.what);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Text

#[test]
fn text_boxes_do_not_overlap() {
    for c in cases() {
        let boxes: Vec<_> = c.scene.marks.iter().filter_map(text_box).collect();
        for (k, a) in boxes.iter().enumerate() {
            for b in &boxes[k + 1..] {
                let overlap_x = a.1.min(b.1) - a.0.max(b.0);
                let overlap_y = a.3.min(b.3) - a.2.max(b.2);
                assert!(
                    overlap_x <= 1.0 || overlap_y <= 1.0,
                    "{}: {:?} and {:?} overlap by {overlap_x:.1} × {overlap_y:.1} px",
                    c.what,
                    a.4,
                    b.4
                );
            }
        }
    }
}

#[test]
fn every_printed_number_is_short() {
    for c in cases() {
        for m in &c.scene.marks {
            if let Some(t) = text_box(m) {
                // The longest run of digits, separators and exponent a text contains.
                let longest =
                    t.4.split(|ch: char| !(ch.is_ascii_digit() || ",.e-".contains(ch)))
                        .map(str::len)
                        .max()
                        .unwrap_or(0);
                assert!(longest <= 24, "{}: {:?} prints a {longest}-character number", c.what, t.4);
            }
        }
    }
}

/// A host series spanning 1e-300…2e-300, and one near f64's top: distinct, true tick labels.
#[test]
fn extreme_host_series_get_distinct_true_ticks() {
    for (y0, y1) in [(1e-300, 2e-300), (5e-324, 1e-323), (1e14, 9e14), (-1e15, 1e15)] {
        let mut w = Widget::new(None, &j(&json!(null))).unwrap();
        let s = HostSeries::new("s", "u", vec![0.0, 1.0, 2.0], vec![y0, (y0 + y1) / 2.0, y1]).unwrap();
        w.set_series(s);
        let scene = w.layout(480.0).unwrap().clone();
        let map = scene.plot.unwrap();
        let ticks: Vec<_> = small_muted(&scene).into_iter().filter(|t| (t.1 - (map.x0 - 6.0)).abs() < 1.0).collect();
        assert!(ticks.len() >= 2, "{y0}..{y1}: {} ticks", ticks.len());
        let mut seen: Vec<&str> = Vec::new();
        for t in &ticks {
            assert!(!seen.contains(&t.4), "{y0}..{y1}: {:?} twice", t.4);
            seen.push(t.4);
            assert!(t.4.len() <= 16, "{y0}..{y1}: {:?}", t.4);
            let y = t.2 + econ_widget::layout::TINY * 0.65;
            let value = map.yd.0 + (map.bottom - y) / (map.bottom - map.top) * (map.yd.1 - map.yd.0);
            let printed = read_number(t.4).unwrap_or_else(|| panic!("{y0}..{y1}: tick {:?}", t.4));
            let step = (map.yd.1 - map.yd.0) / (map.bottom - map.top);
            assert!((printed - value).abs() <= step, "{y0}..{y1}: the rule at {y:.1} is {value:e}, reads {:?}", t.4);
        }
        // Tooltip, table and CSV print the numbers short, too.
        for i in 0..3 {
            let info = w.focus(if i == 0 { "first" } else { "next" }).unwrap().unwrap();
            assert!(info.value.len() <= 30, "{:?}", info.value);
            assert!(info.announce.len() <= 200, "{:?}", info.announce);
        }
        assert!(w.csv().unwrap().lines().all(|l| l.len() <= 60), "{}", w.csv().unwrap());
    }
}

// ---------------------------------------------------------------------------------------------
// Encodings explained

/// Whether diagonal stripes (OnSeries lines) lie inside `r`.
fn hatched(scene: &Scene, r: Rect) -> bool {
    scene.marks.iter().any(|m| match m {
        Mark::Path { points, paint: Paint::OnSeries, .. } => points
            .iter()
            .all(|p| p.0 >= r.x - 0.01 && p.0 <= r.x + r.w + 0.01 && p.1 >= r.y - 0.01 && p.1 <= r.y + r.h + 0.01),
        _ => false,
    })
}

#[test]
fn the_legend_shows_each_series_as_its_bars_are_drawn() {
    for c in cases().iter().filter(|c| is_bar_chart(c)) {
        let swatch = |i: usize| {
            c.scene.hits.iter().find_map(|h| match h.target {
                Target::Legend(k) if k == i => Some(Rect { x: h.area.x + 2.0, y: h.area.y + 4.0, w: 11.0, h: 11.0 }),
                _ => None,
            })
        };
        for (i, r) in bars(&c.scene) {
            if r.w < 6.0 {
                continue;
            }
            let s = c.spec.data[i].series;
            let Some(sw) = swatch(s).filter(|_| c.spec.series.len() > 1) else {
                // No legend entry: a hatched bar needs the key that says what hatching means.
                if hatched(&c.scene, r) {
                    let key = c.scene.marks.iter().any(|m| match m {
                        Mark::Rect { x, y, w: 11.0, h: 11.0, .. } => {
                            hatched(&c.scene, Rect { x: *x, y: *y, w: 11.0, h: 11.0 })
                        }
                        _ => false,
                    });
                    let word = if c.spec.lang.code() == "zh" { "目标" } else { "target" };
                    let says = c.scene.marks.iter().filter_map(text_box).any(|t| t.4.starts_with(word));
                    assert!(key && says, "{}: bar {i} is hatched, and no key says it is a target", c.what);
                }
                continue;
            };
            assert_eq!(
                hatched(&c.scene, sw),
                hatched(&c.scene, r),
                "{}: series {s} ({:?}) bars hatched = {}, legend swatch differs",
                c.what,
                c.spec.series[s].label,
                hatched(&c.scene, r)
            );
        }
    }
}

#[test]
fn tooltips_use_a_readers_words() {
    let mut w = Widget::new(None, &j(&json!(null))).unwrap();
    for v in w.views() {
        for chart in &v.charts {
            for lang in LANGS {
                w.select(&j(&json!({"view": v.id, "chart": chart, "lang": lang}))).unwrap();
                w.layout(600.0).unwrap();
                let n = w.spec().data.len();
                for k in 0..n {
                    let Some(info) = w.focus(if k == 0 { "first" } else { "next" }).unwrap() else { break };
                    if info.kind != "datum" {
                        continue;
                    }
                    let what = format!("{} as {chart} in {lang}: {:?}", v.id, info.label);
                    for internal in ["level", "count", "总量", "数量"] {
                        assert!(!info.value_kind.contains(internal), "{what}: kind {:?}", info.value_kind);
                    }
                    if *chart == "bullet" && w.spec().data[info.index].share.is_some() {
                        assert!(info.share.is_none(), "{what}: completion shown as a share");
                        let detail = info.detail.clone().unwrap_or_default();
                        assert!(
                            detail.contains(if lang == "zh" { "完成度" } else { "completion" }),
                            "{what}: {detail}"
                        );
                        assert!(!info.announce.contains("占比") && !info.announce.contains("share"), "{what}");
                    }
                }
            }
        }
    }
}

/// A host dataset whose GDP series mixes H1 2023 with the years 2023, 2024 and 2026, and a
/// line view of all four. The honest-view rules refuse that view (a line of one granularity
/// only), so the layout is tested below the rules: it must still keep the half year apart.
fn mixed_periods() -> (serde_json::Value, Dataset, View) {
    let mut v: serde_json::Value = serde_json::from_str(include_str!("fixtures/mini.json")).unwrap();
    let mut ids = vec!["jz.gdp.2023H1".to_string()];
    for (period, value) in [("2023", 1825.0), ("2024", 1900.0), ("2026", 2100.0)] {
        let id = format!("jz.gdp.{period}");
        v["values"].as_array_mut().unwrap().push(json!({
            "id": id, "indicator": "gdp", "region": "晋中", "period": period, "kind": "level",
            "value": value, "unit": "亿元",
            "source": {"doc": "000_ade18ad3f0db81b9.txt", "quote": format!("地区生产总值{value}亿元")},
        }));
        ids.push(id);
    }
    let ds = Dataset::parse(&v.to_string()).unwrap();
    let values = ids.iter().map(|id| ds.raw.values.iter().position(|x| &x.id == id).unwrap()).collect();
    let view = View {
        id: "jz-gdp-line".into(),
        region: "晋中".into(),
        topic: "economy".into(),
        title: Text { zh: "晋中地区生产总值".into(), en: "Jinzhong GDP".into() },
        default_chart: ChartKind::Line,
        charts: vec![ChartKind::Line],
        content: Content::Values { values, series: Some(SeriesBy::Period) },
    };
    v["views"].as_array_mut().unwrap().push(json!({
        "id": "jz-gdp-line", "region": "晋中", "topic": "economy", "chart": "line", "series": "period", "values": ids,
        "title": {"zh": "晋中地区生产总值", "en": "Jinzhong GDP"},
    }));
    (v, ds, view)
}

#[test]
fn the_rules_refuse_a_line_that_joins_a_half_year_to_full_years() {
    let (v, _, _) = mixed_periods();
    let e = Widget::new(Some(&v.to_string()), &j(&json!({"view": "jz-gdp-line", "chart": "line"}))).err().unwrap();
    assert_eq!(e.code, "dishonest_view", "{e:?}");
    assert!(e.message.contains("jz-gdp-line"), "{e:?}");
}

#[test]
fn a_half_year_among_full_years_stands_apart_at_its_place_in_time() {
    for lang in LANGS {
        for width in WIDTHS {
            let (_, ds, view) = mixed_periods();
            let mut sel = Selection::initial(std::slice::from_ref(&view));
            sel.lang = Lang::parse(lang).unwrap();
            let spec = spec::build(&ds, &view, &sel);
            let scene = layout::layout(&spec, width, 0.0);
            let what = format!("{lang} at {width}px");
            let x_of = |period: &str| {
                let i = spec.data.iter().position(|d| d.value_id == format!("jz.gdp.{period}")).unwrap();
                scene.hits.iter().find(|h| h.target == Target::Datum(i)).unwrap().anchor
            };
            let (h1, y23, y24, y26) = (x_of("2023H1").0, x_of("2023").0, x_of("2024").0, x_of("2026").0);
            // 2024 → 2026 is twice 2023 → 2024; H1 (middle: April 1) is a quarter-year before
            // the middle of 2023.
            assert!(((y26 - y24) - 2.0 * (y24 - y23)).abs() <= PX, "{what}: {y23} {y24} {y26}");
            assert!(((y23 - h1) - 0.25 * (y24 - y23)).abs() <= PX, "{what}: H1 at {h1}, 2023 at {y23}");
            // The full years are one line; the half year is not on it.
            let lines: Vec<&Vec<(f64, f64)>> = scene
                .marks
                .iter()
                .filter_map(|m| {
                    if let Mark::Path { points, paint: Paint::Series(_), .. } = m {
                        Some(points)
                    } else {
                        None
                    }
                })
                .collect();
            assert_eq!(lines.len(), 1, "{what}: {lines:?}");
            assert_eq!(lines[0].len(), 3, "{what}: the line joins 2023, 2024 and 2026");
            assert!(lines[0].iter().all(|p| (p.0 - h1).abs() > 1.0), "{what}: H1 is joined to the years");
            // …and its label says it is a half year.
            let h1_text = spec.data.iter().find(|d| d.value_id == "jz.gdp.2023H1").unwrap();
            let texts: Vec<&str> = scene.marks.iter().filter_map(text_box).map(|t| t.4).collect();
            assert!(
                texts.iter().any(|t| t.starts_with(&h1_text.display) && t.contains(&h1_text.period)),
                "{what}: {:?} drawn without {:?}: {texts:?}",
                h1_text.display,
                h1_text.period
            );
        }
    }
}

/// The longest run of number characters in a text.
fn longest_number(t: &str) -> usize {
    t.split(|ch: char| !(ch.is_ascii_digit() || ",.e-".contains(ch))).map(str::len).max().unwrap_or(0)
}

/// Tiny and huge host values print short everywhere numbers print: chart, tooltip and
/// aria-live text, summary, table and CSV (issue 15: 5e-324 printed as 324 characters).
#[test]
fn extreme_host_values_print_short_everywhere() {
    let mut v: serde_json::Value = serde_json::from_str(include_str!("fixtures/mini.json")).unwrap();
    for (k, x) in [(5, 5e-324), (6, 1e-300), (7, 123456789012345.0)] {
        assert!(v["values"][k]["id"].as_str().unwrap().contains("growth"));
        v["values"][k]["value"] = json!(x);
    }
    for lang in LANGS {
        let mut w = Widget::new(Some(&v.to_string()), &j(&json!({"view": "jz-growth-2023h1", "lang": lang}))).unwrap();
        let scene = w.layout(480.0).unwrap().clone();
        let mut printed: Vec<String> = scene.marks.iter().filter_map(text_box).map(|t| t.4.to_string()).collect();
        printed.push(w.summary().to_string());
        printed.push(w.csv().unwrap());
        for row in w.table().rows {
            printed.extend(row);
        }
        let n = w.spec().data.len();
        for k in 0..n {
            let info = w.focus(if k == 0 { "first" } else { "next" }).unwrap().unwrap();
            printed.extend([info.value, info.announce]);
        }
        for t in &printed {
            assert!(longest_number(t) <= 24, "{lang}: a {}-character number in {t:.80?}", longest_number(t));
        }
        assert!(printed.iter().any(|t| t.contains("5e-324")), "{lang}: 5e-324 is shown");
    }
}

/// Negative bars (a host dataset's falling growth rates) run left from the same zero, in
/// proportion, with their value labels inside the plot and nothing overlapping.
#[test]
fn negative_bars_are_proportional_and_labelled_inside() {
    let mut v: serde_json::Value = serde_json::from_str(include_str!("fixtures/mini.json")).unwrap();
    for (k, x) in [(1, -4.8), (5, 1.7), (6, -23.75), (7, 6.3)] {
        v["values"][k]["value"] = json!(x);
    }
    let ds = std::rc::Rc::new(Dataset::embedded().unwrap());
    for lang in LANGS {
        for width in WIDTHS {
            let mut w =
                Widget::new(Some(&v.to_string()), &j(&json!({"view": "jz-growth-2023h1", "lang": lang}))).unwrap();
            let scene = w.layout(width).unwrap().clone();
            let c = Case {
                what: format!("negative growth in {lang} at {width}px"),
                spec: w.spec().clone(),
                scene,
                ds: ds.clone(),
            };
            assert!(c.spec.data.iter().any(|d| d.value < 0.0));
            let (k, zero) = bar_scale(&c).expect("bars");
            let (x0, x1) = bar_plot(&c.scene);
            assert!(zero > x0 + 1.0 && zero < x1 - 1.0, "{}: zero at {zero} inside {x0}..{x1}", c.what);
            assert!(k > 0.0);
            let texts: Vec<_> = c.scene.marks.iter().filter_map(text_box).collect();
            for (i, r) in bars(&c.scene) {
                let d = &c.spec.data[i];
                let l = texts.iter().find(|t| t.4 == d.display && t.2 >= r.y - 2.0 && t.3 <= r.y + r.h + 4.0).unwrap();
                assert!(
                    l.0 >= x0 - PX && l.1 <= x1 + PX,
                    "{}: {:?} at {:.1}..{:.1} outside {x0:.1}..{x1:.1}",
                    c.what,
                    l.4,
                    l.0,
                    l.1
                );
                // Beyond the bar's end, not over it.
                assert!(l.1 <= r.x + PX || l.0 >= r.x + r.w - PX, "{}: {:?} over its bar", c.what, l.4);
            }
        }
    }
}
