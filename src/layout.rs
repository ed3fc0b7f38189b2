//! Chart spec + width → a scene: a display list of marks in CSS pixels, the hit regions in
//! reading order, and the height the chart needs. Pure geometry; drawing is elsewhere.

use crate::data::ChartKind;
#[cfg(feature = "host-data")]
use crate::decimate;
use crate::i18n::{format_share, format_tick, Lang};
use crate::series::{screen_path, HostSeries, PlotMap};
use crate::spec::{ChartSpec, Datum};
use crate::text;
use crate::theme::Paint;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HAlign {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        paint: Paint,
    },
    Path {
        points: Vec<(f64, f64)>,
        paint: Paint,
        width: f64,
    },
    Circle {
        x: f64,
        y: f64,
        r: f64,
        paint: Paint,
        fill: bool,
    },
    /// `y` is the top of the line box.
    Text {
        x: f64,
        y: f64,
        text: String,
        size: f64,
        bold: bool,
        paint: Paint,
        align: HAlign,
    },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x <= self.x + self.w && y >= self.y && y <= self.y + self.h
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Target {
    /// Index into `spec.data`.
    Datum(usize),
    /// Index into `spec.series` (a legend entry: click toggles it).
    Legend(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub target: Target,
    /// The area that reacts to the pointer.
    pub area: Rect,
    /// The mark itself: the focus ring goes around it.
    pub mark: Rect,
    /// Where the tooltip points (CSS px).
    pub anchor: (f64, f64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub marks: Vec<Mark>,
    pub hits: Vec<Hit>,
    /// Set for host series: hover maps pointer x to data x instead of hit regions.
    pub plot: Option<PlotMap>,
}

pub const PAD: f64 = 12.0;
/// Type at news norms (issue 17): titles 18 px (17 on phones), no chart text under 12 px.
const TITLE: f64 = 18.0;
const SMALL: f64 = 13.0;
/// The smallest type: ticks, value labels, source lines (public for the tests that find them).
pub const TINY: f64 = 12.0;
/// A line of SMALL text.
const SMALL_LINE: f64 = 17.0;
/// Narrower than this, bar labels go above their bars instead of beside them.
const STACK_BELOW: f64 = 440.0;

struct Builder {
    w: f64,
    /// CSS px a line chart's plot grows by (or shrinks by, when negative) to fit a height.
    grow: f64,
    y: f64,
    marks: Vec<Mark>,
    hits: Vec<Hit>,
}

impl Builder {
    fn text(&mut self, x: f64, y: f64, s: impl Into<String>, size: f64, bold: bool, paint: Paint, align: HAlign) {
        self.marks.push(Mark::Text { x, y, text: s.into(), size, bold, paint, align });
    }
    /// Wrapped paragraph at the current y; advances y. Not inlined: a chart has many.
    #[inline(never)]
    fn paragraph(&mut self, s: &str, size: f64, bold: bool, paint: Paint, max_lines: usize) {
        let lh = (size * 1.4).round();
        for line in text::wrap(s, size, bold, self.w - 2.0 * PAD, max_lines) {
            self.text(PAD, self.y, line, size, bold, paint, HAlign::Left);
            self.y += lh;
        }
    }
    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, paint: Paint) {
        self.marks.push(Mark::Rect { x, y, w, h, paint });
    }
    fn line(&mut self, a: (f64, f64), b: (f64, f64), paint: Paint, width: f64) {
        self.marks.push(Mark::Path { points: vec![a, b], paint, width });
    }
    fn hit(&mut self, target: Target, area: Rect, mark: Rect, anchor: (f64, f64)) {
        self.hits.push(Hit { target, area, mark, anchor });
    }
}

/// `v` limited to lo..=hi. f64::clamp would panic on lo > hi or NaN, and its message pulls
/// core::fmt's f64 printing into the wasm (about 7 KB gzipped).
pub fn clamp(v: f64, lo: f64, hi: f64) -> f64 {
    v.max(lo).min(hi)
}

/// `grow`: CSS px added to a line chart's plot (0: the height its width gives it).
pub fn layout(spec: &ChartSpec, width: f64, grow: f64) -> Scene {
    frame(spec, width, grow, |b| {
        if spec.series.len() > 1 {
            legend(b, spec);
        }
        let visible: Vec<(usize, &Datum)> = spec
            .data
            .iter()
            .enumerate()
            .filter(|(_, d)| !spec.series.get(d.series).map(|s| s.hidden).unwrap_or(false))
            .collect();
        if visible.is_empty() {
            b.y += 12.0;
            let msg = spec.lang.pick(
                "没有可显示的数据（可在图例中重新打开系列）",
                "No data to show (switch series back on in the legend)",
            );
            b.paragraph(msg, SMALL, false, Paint::Muted, 3);
            b.y += 12.0;
            return None;
        }
        match spec.chart {
            ChartKind::Bar | ChartKind::GroupedBar => bars(b, spec, &visible),
            ChartKind::Composition => composition(b, spec, &visible),
            ChartKind::Line => line(b, spec, &visible),
            ChartKind::Bullet => bullets(b, spec, &visible),
            ChartKind::Timeline => timeline(b, spec, &visible),
        }
        None
    })
}

/// A host series as a line: numeric x and y axes, a decimated path.
pub fn layout_series(spec: &ChartSpec, s: &HostSeries, width: f64, grow: f64) -> Scene {
    frame(spec, width, grow, |b| Some(series_body(b, spec.lang, s)))
}

/// Title, subtitle, body, source line, background: the frame every chart shares.
fn frame(spec: &ChartSpec, width: f64, grow: f64, body: impl FnOnce(&mut Builder) -> Option<PlotMap>) -> Scene {
    let mut b = Builder { w: width, grow, y: PAD, marks: Vec::new(), hits: Vec::new() };
    b.paragraph(&spec.title, if width < 400.0 { TITLE - 1.0 } else { TITLE }, true, Paint::Text, 4);
    // An editor's description, above the unit line it never replaces.
    if !spec.description.is_empty() {
        b.y += 2.0;
        b.paragraph(&spec.description, SMALL, false, Paint::Text, 4);
    }
    if !spec.subtitle.is_empty() {
        b.y += 2.0;
        b.paragraph(&spec.subtitle, SMALL, false, Paint::Muted, 3);
    }
    b.y += 8.0;
    let plot = body(&mut b);
    b.y += 10.0;
    // Every source is listed in full: the line is what makes the figures checkable.
    b.paragraph(&spec.source, TINY, false, Paint::Muted, 16);
    b.y += PAD - 4.0;
    // The background goes first so everything draws over it.
    let height = b.y.ceil();
    b.marks.insert(0, Mark::Rect { x: 0.0, y: 0.0, w: width, h: height, paint: Paint::Background });
    let scene = Scene { width, height, marks: b.marks, hits: b.hits, plot };
    debug_assert_finite(&scene);
    scene
}

/// A line's plot: half the width within 160 px..`max`, grown to fit an editor's height, never
/// under 100 px (fewer than two ticks would not be an axis).
fn plot_height(b: &Builder, max: f64) -> f64 {
    (clamp(b.w * 0.5, 160.0, max) + b.grow).max(100.0)
}

fn series_body(b: &mut Builder, lang: Lang, s: &HostSeries) -> PlotMap {
    let top = b.y + 6.0;
    let plot_h = plot_height(b, 360.0);
    let (d0, d1, step) = nice_ticks(
        s.y_range.0.min(if s.y_range.0 >= 0.0 { 0.0 } else { s.y_range.0 }),
        s.y_range.1,
        (plot_h / 50.0) as usize,
    );
    let labels: Vec<(f64, String)> = ticks(d0, d1, step).into_iter().map(|t| (t, format_tick(t, step, lang))).collect();
    let label_w = labels.iter().map(|(_, l)| text::width(l, TINY, false)).fold(0.0, f64::max);
    let (x0, x1) = (PAD + label_w + 8.0, b.w - PAD - 10.0);
    let map = PlotMap { x0, x1, top, bottom: top + plot_h, xd: s.x_range, yd: (d0, d1) };
    for (t, l) in labels {
        let y = map.py(t);
        b.line((x0, y), (x1, y), if t == 0.0 { Paint::Axis } else { Paint::Grid }, 1.0);
        b.text(x0 - 6.0, y - TINY * 0.65, l, TINY, false, Paint::Muted, HAlign::Right);
    }
    if s.x_range.1 > s.x_range.0 {
        let (a, z, st) = nice_ticks(s.x_range.0, s.x_range.1, ((x1 - x0) / 90.0).max(2.0) as usize);
        for t in ticks(a, z, st).into_iter().filter(|t| *t >= s.x_range.0 && *t <= s.x_range.1) {
            b.text(map.px(t), map.bottom + 6.0, format_tick(t, st, lang), TINY, false, Paint::Muted, HAlign::Center);
        }
    }
    let path = screen_path(s, &map, crate::series::COLUMNS_PER_PX);
    if path.len() == 1 {
        b.marks.push(Mark::Circle { x: path[0].0, y: path[0].1, r: 3.5, paint: Paint::Series(0), fill: true });
    } else {
        b.marks.push(Mark::Path { points: path, paint: Paint::Series(0), width: 1.5 });
    }
    b.y = map.bottom + 26.0;
    map
}

fn legend(b: &mut Builder, spec: &ChartSpec) {
    let (mut x, row_h) = (PAD, 22.0);
    for (i, s) in spec.series.iter().enumerate() {
        let label = text::ellipsize(&s.label, SMALL, false, b.w - 2.0 * PAD - 20.0);
        let w = 16.0 + text::width(&label, SMALL, false);
        if x > PAD && x + w > b.w - PAD {
            x = PAD;
            b.y += row_h;
        }
        let paint = if s.hidden {
            Paint::Grid
        } else if spec.muted_series(i) {
            Paint::Axis
        } else {
            Paint::Series(i)
        };
        b.rect(x, b.y + 4.0, 11.0, 11.0, paint);
        // The swatch is patterned exactly when the series' bars are (`hatched_series`).
        if !s.hidden && hatched_series(spec, i) {
            hatch(b, Rect { x, y: b.y + 4.0, w: 11.0, h: 11.0 });
        }
        b.text(
            x + 16.0,
            b.y + 2.0,
            label,
            SMALL,
            false,
            if s.hidden { Paint::Muted } else { Paint::Text },
            HAlign::Left,
        );
        let area = Rect { x: x - 2.0, y: b.y, w: w + 4.0, h: 20.0 };
        b.hit(Target::Legend(i), area, area, (x + w / 2.0, b.y + 20.0));
        x += w + 16.0;
    }
    b.y += row_h + 6.0;
}

/// A data mark's paint: the axis grey (still 3:1 on the background) when an editor
/// highlighted another item.
fn data_paint(spec: &ChartSpec, d: &Datum, p: Paint) -> Paint {
    if spec.muted(d) {
        Paint::Axis
    } else {
        p
    }
}

/// Whether a datum is a target (planned figure), which bars show hatched.
fn planned(spec: &ChartSpec, d: &Datum) -> bool {
    d.kind.starts_with(spec.lang.pick("目标", "target"))
}

/// A series whose every figure is a target: its bars and its legend swatch are hatched.
fn hatched_series(spec: &ChartSpec, s: usize) -> bool {
    let mut of_series = spec.data.iter().filter(|d| d.series == s).peekable();
    of_series.peek().is_some() && of_series.all(|d| planned(spec, d))
}

/// A bar chart that hatches targets says so in a key: a hatched swatch that reads "target"
/// (series names such as "2025" do not tell a target from an actual).
fn hatch_key(b: &mut Builder, spec: &ChartSpec, visible: &[(usize, &Datum)]) {
    if !visible.iter().any(|(_, d)| planned(spec, d)) {
        return;
    }
    let r = Rect { x: PAD, y: b.y + 4.0, w: 11.0, h: 11.0 };
    b.rect(r.x, r.y, r.w, r.h, Paint::Series(0));
    hatch(b, r);
    b.text(
        PAD + 16.0,
        b.y + 2.0,
        spec.lang.pick("目标（计划值）", "target (planned figure)"),
        SMALL,
        false,
        Paint::Text,
        HAlign::Left,
    );
    b.y += 28.0;
}

/// Diagonal stripes over a rect, so series differ by pattern as well as colour.
fn hatch(b: &mut Builder, r: Rect) {
    let step = 5.0;
    // A count of stripes bounded by pixels, never a loop over a data-derived float: a rect
    // of infinite or NaN width gets none, a huge one at most a screenful.
    let span = r.w + r.h;
    let n = if span.is_finite() && span > 0.0 { (span / step).ceil().min(4000.0) as usize } else { 0 };
    for i in 0..n {
        let k = -r.h + step * i as f64;
        // Line x = k + t, y = r.h - t, clipped to the rect.
        let t0 = (-k).max(0.0).max(0.0);
        let t1 = (r.w - k).min(r.h);
        if t1 > t0 {
            b.line((r.x + k + t0, r.y + r.h - t0), (r.x + k + t1, r.y + r.h - t1), Paint::OnSeries, 1.0);
        }
    }
}

/// A finished scene has finite geometry, by construction: checked in debug builds (tests,
/// fuzzing), where a non-finite coordinate would otherwise surface as a hang or a blank chart.
fn debug_assert_finite(scene: &Scene) {
    if cfg!(debug_assertions) {
        let ok = |v: &[f64]| v.iter().all(|v| v.is_finite());
        for m in &scene.marks {
            let fine = match m {
                Mark::Rect { x, y, w, h, .. } => ok(&[*x, *y, *w, *h]),
                Mark::Path { points, width, .. } => points.iter().all(|p| ok(&[p.0, p.1])) && width.is_finite(),
                Mark::Circle { x, y, r, .. } => ok(&[*x, *y, *r]),
                Mark::Text { x, y, size, .. } => ok(&[*x, *y, *size]),
            };
            debug_assert!(fine, "non-finite mark {m:?}");
        }
        for h in &scene.hits {
            let (a, m) = (h.area, h.mark);
            debug_assert!(
                ok(&[a.x, a.y, a.w, a.h, m.x, m.y, m.w, m.h, h.anchor.0, h.anchor.1]),
                "non-finite hit {h:?}"
            );
        }
        debug_assert!(ok(&[scene.width, scene.height]), "non-finite scene size");
    }
}

/// "Nice" ticks covering [lo, hi] with about `n` steps (1, 2, 2.5, 5 × 10^k).
pub fn nice_ticks(lo: f64, hi: f64, n: usize) -> (f64, f64, f64) {
    // A span too small for a normal step (5e-324 above 0) would give a zero step and NaN ticks.
    let (lo, hi) = if hi > lo && ((hi - lo) / n.max(1) as f64).is_normal() { (lo, hi) } else { (lo, lo + 1.0) };
    let raw = (hi - lo) / n.max(1) as f64;
    let mag = 10f64.powi(raw.log10().floor() as i32);
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag);
    let start = (lo / step).floor() * step;
    let end = (hi / step).ceil() * step;
    (start, end, step)
}

fn ticks(lo: f64, hi: f64, step: f64) -> Vec<f64> {
    let n = ((hi - lo) / step).round() as usize;
    (0..=n.min(50)).map(|i| lo + step * i as f64).collect()
}

struct Scale {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
}

impl Scale {
    /// Kept inside the range: a value outside the domain (non-finite ones are left out of it)
    /// lands on the plot's edge, not at ±Infinity or NaN.
    fn at(&self, v: f64) -> f64 {
        let x = self.r0 + (v - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0);
        clamp(x, self.r0.min(self.r1), self.r0.max(self.r1))
    }
}

fn domain(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (mut lo, mut hi) = (0.0f64, 0.0f64);
    for v in values.filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if hi == lo {
        hi = lo + 1.0;
    }
    (lo, hi)
}

fn value_axis(b: &mut Builder, spec: &ChartSpec, s: &Scale, step: f64, top: f64, bottom: f64) {
    for t in ticks(s.d0, s.d1, step) {
        let x = s.at(t);
        b.line((x, top), (x, bottom), if t == 0.0 { Paint::Axis } else { Paint::Grid }, 1.0);
        // Centred under the grid line, but kept inside the chart at either end.
        let label = format_tick(t, step, spec.lang);
        let half = text::width(&label, TINY, false) / 2.0;
        let lx = x.min(b.w - half).max(half);
        b.text(lx, bottom + 4.0, label, TINY, false, Paint::Muted, HAlign::Center);
    }
}

/// A value axis over `lo..hi` with "nice" ticks and room at either end for each bar's value
/// label (`ends`: value and label width), so no label runs past the last grid line.
fn bar_domain(lo: f64, hi: f64, n: usize, room: f64, ends: &[(f64, f64)]) -> (f64, f64, f64) {
    let (mut lo, mut hi) = (lo, hi);
    let mut axis = nice_ticks(lo, hi, n);
    // Each round widens the domain to what the labels need at the current scale; a few rounds
    // settle it (nice steps only grow), and the count is bounded whatever the data.
    for _ in 0..6 {
        let (d0, d1, _) = axis;
        let k = room / (d1 - d0);
        let (mut need_lo, mut need_hi) = (d0, d1);
        for &(v, w) in ends {
            let m = w + 4.0;
            if m >= room * 0.8 {
                continue;
            }
            if v >= 0.0 && (v - d0) * k + m > room {
                need_hi = need_hi.max(d0 + (v - d0) * room / (room - m));
            } else if v < 0.0 && (v - d0) * k - m < 0.0 {
                need_lo = need_lo.min((v * room - m * d1) / (room - m));
            }
        }
        if need_lo >= d0 && need_hi <= d1 || !(need_lo.is_finite() && need_hi.is_finite()) {
            break;
        }
        (lo, hi) = (lo.min(need_lo), hi.max(need_hi));
        axis = nice_ticks(lo, hi, n);
    }
    axis
}

fn bars(b: &mut Builder, spec: &ChartSpec, visible: &[(usize, &Datum)]) {
    hatch_key(b, spec, visible);
    let stacked = b.w < STACK_BELOW;
    let series: Vec<usize> = {
        let mut s: Vec<usize> = visible.iter().map(|(_, d)| d.series).collect();
        crate::order::sort_by_key(&mut s, |&x| x);
        s.dedup();
        s
    };
    let per_cat = series.len();
    // A bar is at least as tall as its value label, so neighbours' labels never overlap.
    let thick = if per_cat > 1 { 14.0 } else { 18.0 };
    let label_w = if stacked {
        b.w - 2.0 * PAD
    } else {
        let longest = spec.categories.iter().map(|c| text::width(c, SMALL, false)).fold(0.0, f64::max);
        clamp(longest, 48.0, (b.w * 0.36).max(48.0))
    };
    let x0 = if stacked { PAD } else { PAD + label_w + 10.0 };
    let x1 = (b.w - PAD).max(x0 + 40.0);
    let (lo, hi) = domain(visible.iter().map(|(_, d)| d.value));
    let ends: Vec<(f64, f64)> = visible.iter().map(|(_, d)| (d.value, text::width(&d.display, TINY, false))).collect();
    let (d0, d1, step) = bar_domain(lo, hi, ((x1 - x0) / 90.0).max(2.0) as usize, x1 - x0, &ends);
    let s = Scale { d0, d1, r0: x0, r1: x1 };
    let top = b.y;
    let mut y = top;
    let mut body: Vec<Mark> = Vec::new();
    let mut hits = Vec::new();
    for (c, cat) in spec.categories.iter().enumerate() {
        let items: Vec<&(usize, &Datum)> = visible.iter().filter(|(_, d)| d.category == c).collect();
        if items.is_empty() {
            continue;
        }
        let lines = text::wrap(cat, SMALL, false, label_w, if stacked { 3 } else { 2 });
        let label_h = lines.len() as f64 * SMALL_LINE;
        let bars_h = per_cat as f64 * (thick + 2.0);
        let row_h = if stacked { label_h + bars_h + 10.0 } else { label_h.max(bars_h) + 10.0 };
        let bars_top = if stacked { y + label_h + 2.0 } else { y + (row_h - bars_h) / 2.0 };
        let label_top = if stacked { y } else { y + (row_h - label_h) / 2.0 };
        for (k, l) in lines.into_iter().enumerate() {
            let (x, align) = if stacked { (PAD, HAlign::Left) } else { (x0 - 10.0, HAlign::Right) };
            body.push(Mark::Text {
                x,
                y: label_top + k as f64 * SMALL_LINE,
                text: l,
                size: SMALL,
                bold: false,
                paint: Paint::Text,
                align,
            });
        }
        for &&(i, d) in &items {
            let slot = series.iter().position(|&s| s == d.series).unwrap_or(0);
            let by = bars_top + slot as f64 * (thick + 2.0);
            let (a, z) = (s.at(clamp(0.0, d0, d1)), s.at(d.value));
            let (bx, bw) = (a.min(z), (z - a).abs().max(1.0));
            let paint = data_paint(spec, d, Paint::Series(if per_cat > 1 { d.series } else { 0 }));
            body.push(Mark::Rect { x: bx, y: by, w: bw, h: thick, paint });
            let r = Rect { x: bx, y: by, w: bw, h: thick };
            // Hatching means "target", and only that: the legend or the key says so.
            if planned(spec, d) {
                let mut hb = Builder { w: b.w, grow: 0.0, y: 0.0, marks: Vec::new(), hits: Vec::new() };
                hatch(&mut hb, r);
                body.extend(hb.marks);
            }
            // Beyond the bar's end: right of a positive bar, left of a negative one.
            let (vx, align) = if d.value >= 0.0 { (bx + bw + 4.0, HAlign::Left) } else { (bx - 4.0, HAlign::Right) };
            body.push(Mark::Text {
                x: vx,
                y: by + (thick - TINY * 1.3) / 2.0,
                text: d.display.clone(),
                size: TINY,
                bold: false,
                paint: Paint::Text,
                align,
            });
            let area = Rect { x: PAD, y: by - 1.0, w: b.w - 2.0 * PAD, h: thick + 2.0 };
            hits.push(Hit { target: Target::Datum(i), area, mark: r, anchor: (bx + bw, by + thick / 2.0) });
        }
        y += row_h;
    }
    value_axis(b, spec, &s, step, top - 4.0, y);
    b.marks.extend(body);
    b.hits.extend(hits);
    b.y = y + 22.0;
}

fn composition(b: &mut Builder, spec: &ChartSpec, visible: &[(usize, &Datum)]) {
    let total: f64 = visible.iter().map(|(_, d)| d.value.max(0.0)).sum();
    let (x0, w) = (PAD, b.w - 2.0 * PAD);
    let (y, h) = (b.y, 40.0);
    let mut x = x0;
    let mut hits = Vec::new();
    for &(i, d) in visible {
        let sw = if total > 0.0 { clamp(d.value.max(0.0) / total * w, 0.0, w) } else { 0.0 };
        // No pattern needed: the rows below label every part directly.
        b.rect(x, y, sw, h, data_paint(spec, d, Paint::Series(d.category)));
        if let Some(share) = d.share {
            let label = format_share(share);
            if text::width(&label, SMALL, true) + 8.0 < sw {
                b.text(x + sw / 2.0, y + (h - SMALL * 1.3) / 2.0, label, SMALL, true, Paint::OnSeries, HAlign::Center);
            }
        }
        let r = Rect { x, y, w: sw, h };
        // Keyboard order: one stop per part, the segments first (the rows' hits come after).
        b.hit(Target::Datum(i), r, r, (r.x + r.w / 2.0, r.y + r.h));
        hits.push((i, r));
        x += sw;
    }
    let mut rows = Vec::new();
    b.y = y + h + 12.0;
    // One row per part: swatch, name, value, share, growth — the figures never depend on colour.
    for (i, r) in hits {
        let d = &spec.data[i];
        let row_top = b.y;
        b.rect(PAD, row_top + 3.0, 12.0, 12.0, data_paint(spec, d, Paint::Series(d.category)));
        let share = d.share.map(format_share).unwrap_or_default();
        let head = format!("{} · {} · {}", d.label, d.display, share);
        let lines = text::wrap(&head, SMALL, false, b.w - 2.0 * PAD - 20.0, 2);
        let mut ly = row_top;
        for l in lines {
            b.text(PAD + 20.0, ly, l, SMALL, false, Paint::Text, HAlign::Left);
            ly += 17.0;
        }
        if let Some(detail) = &d.detail {
            b.text(
                PAD + 20.0,
                ly,
                text::ellipsize(detail, TINY, false, b.w - 2.0 * PAD - 20.0),
                TINY,
                false,
                Paint::Muted,
                HAlign::Left,
            );
            ly += 16.0;
        }
        let area = Rect { x: PAD, y: row_top, w: b.w - 2.0 * PAD, h: ly - row_top };
        // The row reacts too (a phone user taps the text, not a thin segment).
        rows.push(Hit { target: Target::Datum(i), area, mark: r, anchor: (r.x + r.w / 2.0, r.y + r.h) });
        b.y = ly + 6.0;
    }
    b.hits.extend(rows);
}

/// Middle of a datum's period in months since year 0 (a year's figure sits mid-year, H1 at the
/// end of March's middle…), so x is proportional to time; the category index if it has none.
fn time_of(d: &Datum) -> f64 {
    d.time.map_or(d.category as f64 * 12.0, |(a, z)| (a + z + 1) as f64 / 2.0)
}

/// Months a datum's period covers: figures of different lengths (H1 and full years) are never
/// joined by one line.
fn months_of(d: &Datum) -> u32 {
    d.time.map_or(12, |(a, z)| z.saturating_sub(a) + 1)
}

/// Text boxes already placed, so later labels can avoid them.
struct Placed(Vec<(f64, f64, f64, f64)>);

impl Placed {
    fn free(&self, r: (f64, f64, f64, f64)) -> bool {
        self.0.iter().all(|p| r.1 <= p.0 || r.0 >= p.1 || r.3 <= p.2 || r.2 >= p.3)
    }
}

fn line(b: &mut Builder, spec: &ChartSpec, visible: &[(usize, &Datum)]) {
    let lang = spec.lang;
    let top = b.y + 6.0;
    let plot_h = plot_height(b, 320.0);
    let bottom = top + plot_h;
    let (lo, hi) = domain(visible.iter().map(|(_, d)| d.value));
    let (lo, hi) = if lo >= 0.0 && hi > 0.0 {
        // Growth rates and levels both read better from zero unless that flattens the line.
        if lo > hi * 0.6 {
            (lo - (hi - lo) * 0.2, hi)
        } else {
            (0.0, hi)
        }
    } else {
        (lo, hi)
    };
    let (d0, d1, step) = nice_ticks(lo, hi, (plot_h / 50.0) as usize);
    let tick_labels: Vec<String> = ticks(d0, d1, step).iter().map(|t| format_tick(*t, step, lang)).collect();
    let label_w = tick_labels.iter().map(|t| text::width(t, TINY, false)).fold(0.0, f64::max);
    let x0 = PAD + label_w + 8.0;
    let x1 = b.w - PAD - 10.0;
    let ys = Scale { d0, d1, r0: bottom, r1: top };
    let mut placed = Placed(Vec::new());
    for (t, l) in ticks(d0, d1, step).into_iter().zip(tick_labels) {
        let y = ys.at(t);
        b.line((x0, y), (x1, y), if t == 0.0 { Paint::Axis } else { Paint::Grid }, 1.0);
        let w = text::width(&l, TINY, false);
        placed.0.push((x0 - 6.0 - w, x0 - 6.0, y - TINY * 0.65, y + TINY * 0.65));
        b.text(x0 - 6.0, y - TINY * 0.65, l, TINY, false, Paint::Muted, HAlign::Right);
    }
    // x: time to scale, from the first period's middle to the last's.
    let (t0, t1) = visible.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, z), (_, d)| {
        let t = time_of(d);
        (a.min(t), z.max(t))
    });
    let xs = |d: &Datum| {
        if t1 > t0 {
            x0 + 10.0 + (x1 - x0 - 20.0) * (time_of(d) - t0) / (t1 - t0)
        } else {
            (x0 + x1) / 2.0
        }
    };
    // One label per period under its place on the axis, left to right, each only where it
    // has room (H1 2023 and 2023 sit a quarter-year apart).
    let mut periods: Vec<(f64, &str)> = Vec::new();
    for (_, d) in visible {
        if !periods.iter().any(|p| p.1 == spec.categories[d.category]) {
            periods.push((xs(d), &spec.categories[d.category]));
        }
    }
    // (Line data come in time order: `spec` sorts them so.)
    let mut last_end = f64::NEG_INFINITY;
    for (x, cat) in periods.iter().copied() {
        let w = text::width(cat, TINY, false);
        let cx = clamp(x, PAD + w / 2.0, b.w - PAD - w / 2.0);
        if cx - w / 2.0 >= last_end + 6.0 {
            b.text(cx, bottom + 8.0, cat, TINY, false, Paint::Muted, HAlign::Center);
            last_end = cx + w / 2.0;
        }
    }
    let distinct = periods.len().max(1);
    let dx = if distinct > 1 { (x1 - x0 - 20.0) / (distinct - 1) as f64 } else { x1 - x0 };
    // Few points: label each with its value, so the figures need no hovering.
    let label_points = visible.len() <= 16;
    let mut labels: Vec<(usize, f64, f64, String)> = Vec::new();
    for s in 0..spec.series.len() {
        // In time order, as `spec` sorts line data, so also left to right.
        let pts: Vec<(usize, (f64, f64))> =
            visible.iter().filter(|(_, d)| d.series == s).map(|&(i, d)| (i, (xs(d), ys.at(d.value)))).collect();
        debug_assert!(pts.windows(2).all(|w| w[0].1 .0 <= w[1].1 .0), "line data in time order");
        // The line joins the figures of the longest period only: a half-year figure beside
        // full years is a mark of its own, never a segment of their line.
        let full = pts.iter().map(|(i, _)| months_of(&spec.data[*i])).max().unwrap_or(12);
        let path: Vec<(f64, f64)> =
            pts.iter().filter(|(i, _)| months_of(&spec.data[*i]) == full).map(|p| p.1).collect();
        if path.len() > 1 {
            // Thousands of points (a host dataset's: the embedded one has a handful per line):
            // draw what each pixel column can show (first/min/max/last).
            #[cfg(feature = "host-data")]
            let path = decimate::min_max(&path, x0, 1.0);
            let paint = if spec.muted_series(s) { Paint::Axis } else { Paint::Series(s) };
            b.marks.push(Mark::Path { points: path, paint, width: 2.0 });
        }
        let show_points = pts.len() <= (x1 - x0) as usize / 6;
        for &(i, (x, y)) in &pts {
            let d = &spec.data[i];
            let own = months_of(d) != full;
            if show_points || own || pts.len() == 1 {
                b.marks.push(Mark::Circle { x, y, r: 3.5, paint: data_paint(spec, d, Paint::Series(s)), fill: true });
            }
            if label_points {
                // A figure of another period length than its line says which period it is.
                let text = if own {
                    d.display.clone() + lang.pick("（", " (") + &d.period + lang.pick("）", ")")
                } else {
                    d.display.clone()
                };
                labels.push((i, x, y, text));
            }
            let area = Rect { x: x - dx / 2.0, y: top, w: dx.max(8.0), h: plot_h };
            b.hit(Target::Datum(i), area, Rect { x: x - 5.0, y: y - 5.0, w: 10.0, h: 10.0 }, (x, y));
        }
        // Label the line's end directly, so colour is not the only key.
        if let Some(&(i, (x, y))) = pts.last() {
            if spec.series.len() > 1 {
                labels.push((usize::MAX - s, x, y, text::ellipsize(&spec.data[i].series_label, TINY, false, 120.0)));
            }
        }
    }
    // Value labels below or above their point, inside the plot, never over another text; one
    // with no free place is left to the tooltip and the table.
    let h = TINY * 1.3;
    for (i, x, y, t) in labels {
        let w = text::width(&t, TINY, false);
        let cx = clamp(x, x0 + w / 2.0, x1 - w / 2.0);
        // A series name goes above its line's end, a value below its point, else the other.
        let name = i > usize::MAX / 2;
        let (below, above) = (y + 6.0, y - 6.0 - h);
        let tops = if name { [above, below] } else { [below, above] };
        let free = |ty: f64| ty >= top && ty + h <= bottom && placed.free((cx - w / 2.0, cx + w / 2.0, ty, ty + h));
        if let Some(ty) = tops.into_iter().find(|&ty| free(ty)) {
            placed.0.push((cx - w / 2.0, cx + w / 2.0, ty, ty + h));
            let paint = if !name {
                Paint::Text
            } else if spec.muted_series(usize::MAX - i) {
                Paint::Axis
            } else {
                Paint::Series(usize::MAX - i)
            };
            b.text(cx, ty, t, TINY, false, paint, HAlign::Center);
        }
    }
    b.y = bottom + 28.0;
}

fn bullets(b: &mut Builder, spec: &ChartSpec, visible: &[(usize, &Datum)]) {
    let lang = spec.lang;
    for &(i, d) in visible {
        let row_top = b.y;
        b.paragraph(&d.label, SMALL, true, Paint::Text, 2);
        let (x0, x1) = (PAD, b.w - PAD);
        let target = d.target.unwrap_or(f64::NAN);
        let (lo, hi) = domain([d.value, target].into_iter());
        let hi = hi * 1.12;
        let s = Scale { d0: lo, d1: hi, r0: x0, r1: x1 };
        let ty = b.y + 2.0;
        b.rect(x0, ty, x1 - x0, 18.0, Paint::Track);
        let (a, z) = (s.at(0.0f64.max(lo)), s.at(d.value));
        let bar = Rect { x: a.min(z), y: ty + 4.0, w: (z - a).abs().max(1.0), h: 10.0 };
        b.rect(bar.x, bar.y, bar.w, bar.h, data_paint(spec, d, Paint::Series(0)));
        if target.is_finite() {
            let tx = s.at(target);
            b.rect(tx - 1.5, ty - 3.0, 3.0, 24.0, Paint::Text);
        }
        b.y = ty + 24.0;
        let mut line = format!("{}{}", lang.pick("实际：", "Actual: "), d.display);
        line.push_str(lang.pick("（", " ("));
        line.push_str(&d.period);
        line.push_str(lang.pick("）", ")"));
        if let Some(t) = &d.detail {
            line.push_str(lang.pick("，", " · "));
            line.push_str(t);
        }
        if let Some(p) = d.share {
            line.push_str(&format!("{}{}", lang.pick("，完成度", " · "), format_share(p)));
            if lang == Lang::En {
                line.push_str(" of target");
            }
        }
        b.paragraph(&line, TINY, false, Paint::Muted, 3);
        let area = Rect { x: PAD, y: row_top, w: b.w - 2.0 * PAD, h: b.y - row_top };
        b.hit(Target::Datum(i), area, Rect { x: x0, y: ty, w: x1 - x0, h: 18.0 }, (z, ty + 9.0));
        b.y += 10.0;
    }
}

fn timeline(b: &mut Builder, spec: &ChartSpec, visible: &[(usize, &Datum)]) {
    let axis_x = PAD + 48.0;
    let text_x = axis_x + 16.0;
    let top = b.y;
    let mut rows = Vec::new();
    for &(i, d) in visible {
        let row_top = b.y;
        b.text(
            axis_x - 12.0,
            row_top,
            d.year.map(|y| y.to_string()).unwrap_or_default(),
            13.0,
            true,
            Paint::Text,
            HAlign::Right,
        );
        let lines = text::wrap(&d.display, SMALL, false, b.w - PAD - text_x, 5);
        let mut y = row_top + 1.0;
        for l in lines {
            b.text(text_x, y, l, SMALL, false, Paint::Text, HAlign::Left);
            y += 17.0;
        }
        rows.push((i, row_top));
        let area = Rect { x: PAD, y: row_top - 4.0, w: b.w - 2.0 * PAD, h: y - row_top + 4.0 };
        b.hit(Target::Datum(i), area, area, (axis_x, row_top + 9.0));
        b.y = y + 10.0;
    }
    // Rows are spaced by their text, not by time, so no line joins the dots: an axis would
    // claim a scale the rows do not have.
    let _ = top;
    for (k, (i, row_top)) in rows.into_iter().enumerate() {
        let paint = data_paint(spec, &spec.data[i], Paint::Series(k));
        b.marks.push(Mark::Circle { x: axis_x, y: row_top + 9.0, r: 5.0, paint, fill: true });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hatching_is_bounded_by_pixels() {
        let mut b = Builder { w: 100.0, grow: 0.0, y: 0.0, marks: Vec::new(), hits: Vec::new() };
        hatch(&mut b, Rect { x: 0.0, y: 0.0, w: 20.0, h: 10.0 });
        assert_eq!(b.marks.len(), 5, "one stripe per 5 px along the diagonal");
        for w in [f64::INFINITY, f64::NAN, 1e300] {
            let mut b = Builder { w: 100.0, grow: 0.0, y: 0.0, marks: Vec::new(), hits: Vec::new() };
            hatch(&mut b, Rect { x: 0.0, y: 0.0, w, h: 10.0 });
            assert!(b.marks.len() <= 4000, "{w}: {} stripes", b.marks.len());
        }
    }

    /// A tick label read back as a number (thousands separators removed).
    fn read(label: &str) -> f64 {
        label.replace(',', "").parse().unwrap_or_else(|_| panic!("{label:?} is not a number"))
    }

    #[test]
    fn nice_axes_print_every_tick_exactly() {
        // (lo, hi, n) axes as layout asks for them, including the ones issue 13 found misprinted.
        let axes = [
            (0.0, 7.5, 3),
            (0.0, 0.8, 3),
            (0.0, 1.0, 4),
            (-2.1, 6.3, 4),
            (0.0, 949.6, 5),
            (0.0, 1325.0, 3),
            (0.0, 0.0003, 4),
            (1e-300, 2e-300, 5),
            (0.0, 5e-324, 5),
            (0.0, 1e308, 4),
            (-1e15, 1e15, 6),
            (0.0, 123456789.0, 7),
        ];
        for (lo, hi, n) in axes {
            let (d0, d1, step) = nice_ticks(lo, hi, n);
            let count = ((d1 - d0) / step).round() as usize;
            let mut seen: Vec<String> = Vec::new();
            for i in 0..=count {
                let t = d0 + step * i as f64;
                for lang in [crate::i18n::Lang::Zh, crate::i18n::Lang::En] {
                    let l = crate::i18n::format_tick(t, step, lang);
                    let back = read(&l);
                    assert!((back - t).abs() <= step * 1e-6, "{lo}..{hi}: tick {t} printed {l:?}");
                    assert!(l.chars().count() <= 16, "{l:?} is too long");
                }
                let l = crate::i18n::format_tick(t, step, crate::i18n::Lang::En);
                assert!(!seen.contains(&l), "{lo}..{hi}: {l} twice");
                seen.push(l);
            }
        }
    }

    #[test]
    fn nice_ticks_cover_the_range() {
        assert_eq!(nice_ticks(0.0, 949.6, 5), (0.0, 1000.0, 200.0));
        assert_eq!(nice_ticks(-2.1, 6.3, 4), (-2.5, 7.5, 2.5));
        let (a, b, s) = nice_ticks(0.0, 0.0, 5);
        assert!(a <= 0.0 && b >= 1.0 && s > 0.0);
        let (a, b, s) = nice_ticks(0.0, 5e-324, 7);
        assert!(a <= 0.0 && b >= 1.0 && s > 0.0, "{a} {b} {s}");
    }
}
