//! One widget's state, with no web types: dataset, views, selection, the current spec and
//! scene, keyboard focus. Every method that can fail leaves the state as it was.

use crate::data::{ChartKind, Dataset};
use crate::error::{Error, Result};
use crate::hit;
use crate::i18n::{format_share, Lang};
use crate::json::{JsonOut, ToJson};
use crate::layout::{self, Hit, Scene, Target};
use crate::select::{Patch, Selection};
use crate::series::HostSeries;
use crate::spec::{self, ChartSpec, SourceRef};
use crate::theme::Palette;
use crate::views::{build_views, View, ViewInfo};
use std::rc::Rc;

/// Narrower than this there is no room for a label and a bar; the host gets an error.
pub const MIN_WIDTH: f64 = 120.0;
/// Beyond this a canvas would exhaust memory (and no article is this wide).
pub const MAX_WIDTH: f64 = 8192.0;
/// The most points of a host series `csv()` writes: 27 MB of text for a million points, built
/// in 1.1–2.6 s in headless Chromium on a loaded 2-core machine, growing the wasm memory (which
/// never shrinks) by 27 MB. 10 million points made 275 MB, blocked the page for 17–24 s and
/// grew the wasm memory by 1.2 GB.
pub const MAX_CSV_POINTS: usize = 1_000_000;

pub struct Widget {
    ds: Rc<Dataset>,
    views: Rc<Vec<View>>,
    sel: Selection,
    spec: ChartSpec,
    scene: Option<Scene>,
    focus: Option<usize>,
    /// A host-supplied big series, shown instead of the dataset's view while set.
    series: Option<HostSeries>,
    /// The height a line chart fills (`fit`), 0 for none.
    fit: f64,
}

/// What the tooltip, the aria-live region and keyboard focus need about one point.
#[derive(Debug, Clone, PartialEq)]
pub struct HitInfo {
    pub kind: &'static str,
    /// Index into the chart's data (or series, for a legend entry).
    pub index: usize,
    /// Position in keyboard order, for "3 of 4".
    pub position: Option<usize>,
    pub count: usize,
    pub label: String,
    pub series: String,
    pub value: String,
    pub period: String,
    pub value_kind: String,
    pub share: Option<String>,
    pub detail: Option<String>,
    pub sources: Vec<SourceRef>,
    /// One sentence for screen readers.
    pub announce: String,
    /// Tooltip anchor and the ring's box, CSS px.
    pub x: f64,
    pub y: f64,
    pub ring: [f64; 4],
}

#[derive(Debug, Clone)]
pub struct Table {
    pub caption: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The readers' table: each row's documents as its source cell names them, with the
    /// dataset's url (validated http(s)) or None; empty in the CSV's table.
    pub sources: Vec<Vec<(String, Option<String>)>>,
}

impl ToJson for HitInfo {
    fn write_json(&self, o: &mut JsonOut) {
        o.begin_obj().key("kind").str(self.kind).key("index").num(self.index as f64).key("position");
        match self.position {
            Some(n) => o.num(n as f64),
            None => o.null(),
        };
        o.key("count").num(self.count as f64).key("label").str(&self.label).key("series").str(&self.series);
        o.key("value").str(&self.value).key("period").str(&self.period).key("value_kind").str(&self.value_kind);
        o.key("share").opt_str(self.share.as_deref()).key("detail").opt_str(self.detail.as_deref());
        o.key("sources");
        self.sources.write_json(o);
        o.key("announce").str(&self.announce).key("x").num(self.x).key("y").num(self.y).key("ring").begin_arr();
        for v in self.ring {
            o.num(v);
        }
        o.end_arr().end_obj();
    }
}

impl ToJson for Table {
    fn write_json(&self, o: &mut JsonOut) {
        o.begin_obj().key("caption").str(&self.caption).key("columns").strs(&self.columns).key("rows").begin_arr();
        for row in &self.rows {
            o.strs(row);
        }
        // [[text, url or null], …] per row.
        o.end_arr().key("sources").begin_arr();
        for row in &self.sources {
            o.begin_arr();
            for (text, url) in row {
                o.begin_arr().str(text).opt_str(url.as_deref()).end_arr();
            }
            o.end_arr();
        }
        o.end_arr().end_obj();
    }
}

impl Widget {
    /// `data`: a host dataset's JSON text, or None for the embedded one. `init`: an initial
    /// (partial) selection. Native only (tests, examples): the wasm reads JS values instead
    /// (`with_dataset`, `Dataset::from_deserializer`).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn new(data: Option<&str>, init: &Patch) -> Result<Widget> {
        let ds = match data {
            Some(text) => Dataset::parse(text)?,
            None => Dataset::embedded()?,
        };
        Widget::with_dataset(Rc::new(ds), init)
    }

    /// Several widgets on a page share one parsed embedded dataset.
    pub fn with_dataset(ds: Rc<Dataset>, init: &Patch) -> Result<Widget> {
        let views = build_views(&ds)?;
        if views.is_empty() {
            return Err(Error::new("no_data", "data.values", "the dataset has no values to chart"));
        }
        let start = Selection::initial(&views);
        let views = Rc::new(views);
        let sel = start.apply(init, &ds, &views)?;
        let spec = checked_spec(&ds, &views, &sel)?;
        Ok(Widget { ds, views, sel, spec, scene: None, focus: None, series: None, fit: 0.0 })
    }

    pub fn dataset(&self) -> &Rc<Dataset> {
        &self.ds
    }

    /// Applies a partial selection. On error nothing changes.
    pub fn select(&mut self, patch: &Patch) -> Result<&Selection> {
        let next = self.sel.apply(patch, &self.ds, &self.views)?;
        // Choosing a view leaves a host series; language and theme apply to both.
        let leaves_series = patch.chooses_data();
        if next != self.sel || (self.series().is_some() && leaves_series) {
            let spec = match self.series().filter(|_| !leaves_series) {
                Some(s) => series_spec(s, next.lang),
                None => checked_spec(&self.ds, &self.views, &next)?,
            };
            if leaves_series {
                self.series = None;
            }
            self.sel = next;
            self.spec = spec;
            self.scene = None;
            self.focus = None;
        }
        Ok(&self.sel)
    }

    fn rebuild(&mut self) {
        self.spec = match self.series() {
            Some(s) => series_spec(s, self.sel.lang),
            None => spec::build(&self.ds, view_of(&self.views, &self.sel), &self.sel),
        };
        self.scene = None;
        self.focus = None;
    }

    /// Shows a host series (typed arrays) as a line chart until a view is selected again.
    pub fn set_series(&mut self, series: HostSeries) {
        self.series = Some(series);
        self.rebuild();
    }

    /// Drops the host series, back to the view: its points' memory can take the next series'
    /// (the wasm side calls this once a new series has passed its checks, before copying it in).
    pub fn clear_series(&mut self) {
        if self.series.take().is_some() {
            self.rebuild();
        }
    }

    /// The host series shown, if any. Only the full build (feature `host-data`) sets one, from
    /// web.rs; in the one-chart build this is always None, so the code that lays out,
    /// hit-tests and tabulates a series is left out of its wasm.
    pub fn series(&self) -> Option<&HostSeries> {
        if cfg!(feature = "host-data") {
            self.series.as_ref()
        } else {
            None
        }
    }

    pub fn state(&self) -> &Selection {
        &self.sel
    }

    pub fn spec(&self) -> &ChartSpec {
        &self.spec
    }

    pub fn views(&self) -> Vec<ViewInfo> {
        self.views.iter().map(|v| v.info(&self.ds, self.sel.lang)).collect()
    }

    /// Lays the chart out for a width in CSS px; returns the scene (its height is the height
    /// the element should get). Too narrow, NaN or absurd widths are errors.
    pub fn layout(&mut self, width: f64) -> Result<&Scene> {
        let width = validate_width(width)?;
        let stale = self.scene.as_ref().map(|s| s.width != width).unwrap_or(true);
        if stale {
            self.scene = Some(self.make_scene(width));
        }
        Ok(self.scene.as_ref().unwrap())
    }

    /// A scene for another width (PNG export) without touching the live one.
    pub fn scene_for(&self, width: f64) -> Result<Scene> {
        Ok(self.make_scene(validate_width(width)?))
    }

    fn make_scene(&self, width: f64) -> Scene {
        // An editor's height: a line chart's plot takes up the difference, in a second pass
        // (other charts are as tall as their content, never cut).
        let mut grow = 0.0;
        loop {
            let scene = match self.series() {
                Some(s) => layout::layout_series(&self.spec, s, width, grow),
                None => layout::layout(&self.spec, width, grow),
            };
            if grow != 0.0 || self.fit <= 0.0 || self.spec.chart != ChartKind::Line || scene.height == self.fit {
                return scene;
            }
            grow = self.fit - scene.height;
        }
    }

    /// The height (CSS px) a line chart is laid out to fill; 0 (or anything not in
    /// 0..=8192, NaN too) for the height its width gives. The JS API checks an editor's value
    /// with a coded error first; here a bad one can only mean no fit.
    pub fn fit(&mut self, height: f64) {
        let height = if height > 0.0 && height <= MAX_WIDTH { height } else { 0.0 };
        if height != self.fit {
            self.fit = height;
            self.scene = None;
        }
    }

    pub fn scene(&self) -> Option<&Scene> {
        self.scene.as_ref()
    }

    pub fn palette(&self, dark: bool) -> &'static Palette {
        Palette::for_dark(dark)
    }

    /// The point under the pointer, or None (also when nothing is laid out yet).
    pub fn hit_at(&self, x: f64, y: f64) -> Option<HitInfo> {
        let scene = self.scene.as_ref()?;
        if let (Some(s), Some(map)) = (self.series(), &scene.plot) {
            let inside = x >= map.x0 - 8.0 && x <= map.x1 + 8.0 && y >= map.top - 8.0 && y <= map.bottom + 8.0;
            return inside.then(|| self.series_info(s, s.nearest(map.data_x(x)), map));
        }
        hit::at(scene, x, y).map(|h| self.info(h))
    }

    /// Moves keyboard focus: "next", "prev", "first", "last"; None leaves the chart.
    pub fn focus(&mut self, how: &str) -> Result<Option<HitInfo>> {
        let Some(scene) = self.scene.as_ref() else { return Ok(None) };
        if let (Some(s), Some(map)) = (self.series(), scene.plot) {
            return self.focus_series(how, s.len(), map);
        }
        let order = hit::focus_order(scene);
        if order.is_empty() {
            self.focus = None;
            return Ok(None);
        }
        let last = order.len() - 1;
        let next = match (how, self.focus) {
            ("first", _) | ("next", None) => 0,
            ("last", _) | ("prev", None) => last,
            ("next", Some(i)) => (i + 1).min(last),
            ("prev", Some(i)) => i.saturating_sub(1),
            ("none", _) => {
                self.focus = None;
                return Ok(None);
            }
            (other, _) => {
                return Err(Error::new(
                    "bad_argument",
                    "focus",
                    format!(
                        "unknown focus move '{}'; expected next, prev, first, last or none",
                        crate::error::clip(other)
                    ),
                ))
            }
        };
        self.focus = Some(next);
        Ok(Some(self.info(order[next])))
    }

    /// Legend click: switches a series off or back on.
    pub fn toggle_series(&mut self, index: usize) -> Result<&Selection> {
        let Some(s) = self.spec.series.get(index) else {
            return Err(Error::new(
                "bad_argument",
                "series",
                format!("no series {index}; the chart has {}", self.spec.series.len()),
            ));
        };
        // The same change as select({hidden}) with one key more or less, without the round
        // trip through a JSON patch.
        let key = s.key.clone();
        let hidden = &mut self.sel.hidden;
        match hidden.iter().position(|h| *h == key) {
            Some(p) => {
                hidden.remove(p);
            }
            None => hidden.push(key),
        }
        self.rebuild();
        Ok(&self.sel)
    }

    /// Keyboard over a host series: one step per pixel column, not per point.
    fn focus_series(&mut self, how: &str, n: usize, map: crate::series::PlotMap) -> Result<Option<HitInfo>> {
        let step = (n as f64 / (map.x1 - map.x0).max(1.0)).ceil().max(1.0) as usize;
        let last = n - 1;
        let next = match (how, self.focus) {
            ("first", _) | ("next", None) => 0,
            ("last", _) | ("prev", None) => last,
            ("next", Some(i)) => (i + step).min(last),
            ("prev", Some(i)) => i.saturating_sub(step),
            ("none", _) => {
                self.focus = None;
                return Ok(None);
            }
            (other, _) => {
                return Err(Error::new(
                    "bad_argument",
                    "focus",
                    format!("unknown focus move '{}'", crate::error::clip(other)),
                ))
            }
        };
        self.focus = Some(next);
        let s = self.series().expect("checked by caller");
        Ok(Some(self.series_info(s, next, &map)))
    }

    fn series_info(&self, s: &HostSeries, i: usize, map: &crate::series::PlotMap) -> HitInfo {
        let lang = self.sel.lang;
        let (x, y) = (map.px(s.x[i]), map.py(s.y[i]));
        let value =
            format!("{}{}{}", crate::i18n::format_measure(s.y[i], 6), if s.unit.is_empty() { "" } else { " " }, s.unit);
        let period = format!("x = {}", crate::i18n::format_measure(s.x[i], 9));
        HitInfo {
            kind: "point",
            index: i,
            position: Some(i),
            count: s.len(),
            label: s.label.clone(),
            series: s.label.clone(),
            announce: format!("{}{}{period}{}{value}", s.label, lang.pick("，", ", "), lang.pick("：", ": ")),
            value,
            period,
            value_kind: String::new(),
            share: None,
            detail: None,
            sources: Vec::new(),
            x,
            y,
            ring: [x - 4.0, y - 4.0, 8.0, 8.0],
        }
    }

    fn info(&self, h: &Hit) -> HitInfo {
        let lang = self.sel.lang;
        // "3 of 4" counts data points, or legend entries, not both together.
        let is_legend = matches!(h.target, Target::Legend(_));
        let order: Vec<&Hit> = self
            .scene
            .as_ref()
            .map(hit::focus_order)
            .unwrap_or_default()
            .into_iter()
            .filter(|o| matches!(o.target, Target::Legend(_)) == is_legend)
            .collect();
        let position = order.iter().position(|o| o.target == h.target);
        let ring = [h.mark.x, h.mark.y, h.mark.w, h.mark.h];
        match h.target {
            Target::Legend(i) => {
                let s = &self.spec.series[i];
                let state = if s.hidden {
                    lang.pick("图例，已隐藏；按回车键或点击显示", "legend, hidden; press Enter or click to show")
                } else {
                    lang.pick("图例，已显示；按回车键或点击隐藏", "legend, shown; press Enter or click to hide")
                };
                HitInfo {
                    kind: "legend",
                    index: i,
                    position,
                    count: self.spec.series.len(),
                    label: s.label.clone(),
                    series: s.label.clone(),
                    value: String::new(),
                    period: String::new(),
                    value_kind: String::new(),
                    share: None,
                    detail: Some(state.to_string()),
                    sources: Vec::new(),
                    announce: format!("{}{}{}", s.label, lang.pick("：", ": "), state),
                    x: h.anchor.0,
                    y: h.anchor.1,
                    ring,
                }
            }
            Target::Datum(i) => {
                let d = &self.spec.data[i];
                let mut share = d.share.map(format_share);
                let mut detail = d.detail.clone();
                // A bullet's ratio is actual ÷ target: completion, which the tooltip's "share"
                // line would misname, so it joins the detail line with its own word.
                if self.spec.chart == ChartKind::Bullet {
                    if let Some(s) = share.take() {
                        let mut t = detail.map(|t| t + lang.pick("，", " · ")).unwrap_or_default();
                        t.push_str(lang.pick("完成度 ", "completion "));
                        t.push_str(&s);
                        detail = Some(t);
                    }
                }
                let mut announce = match lang {
                    Lang::Zh => format!(
                        "{}{}，{}：{}",
                        d.label,
                        if d.series_label.is_empty() { String::new() } else { format!("（{}）", d.series_label) },
                        d.period,
                        d.display
                    ),
                    Lang::En => format!(
                        "{}{}, {}: {}",
                        d.label,
                        if d.series_label.is_empty() { String::new() } else { format!(" ({})", d.series_label) },
                        d.period,
                        d.display
                    ),
                };
                if let Some(s) = &share {
                    announce.push_str(&format!("{}{s}", lang.pick("，占比", ", share ")));
                }
                if let Some(det) = &detail {
                    announce.push_str(lang.pick("，", ", "));
                    announce.push_str(det);
                }
                if let Some(src) = d.sources.first() {
                    announce.push_str(&match lang {
                        Lang::Zh => format!("。来源：《{}》", src.doc_title),
                        Lang::En => format!(". Source: {}", src.doc_title),
                    });
                }
                if let Some(p) = position {
                    announce.push_str(&match lang {
                        Lang::Zh => format!("（第{}项，共{}项）", p + 1, order.len()),
                        Lang::En => format!(" ({} of {})", p + 1, order.len()),
                    });
                }
                HitInfo {
                    kind: "datum",
                    index: i,
                    position,
                    count: order.len(),
                    label: d.label.clone(),
                    series: d.series_label.clone(),
                    value: d.display.clone(),
                    period: d.period.clone(),
                    value_kind: d.kind.clone(),
                    share,
                    detail,
                    sources: d.sources.clone(),
                    announce,
                    x: h.anchor.0,
                    y: h.anchor.1,
                    ring,
                }
            }
        }
    }

    /// The readers' table of the chart (visible series), as the widget's data table and the
    /// explorer show it: item, period, value as the chart prints it, the source spelled out
    /// (title, publisher, date; with `sources` for links where the dataset has a url) and the
    /// quote. Series, kind, share and note only where they tell the rows apart or add
    /// something; no file names or ids (the CSV has those: `full_table`).
    pub fn table(&self) -> Table {
        if let Some(s) = self.series() {
            return series_table(s, self.sel.lang, 1000);
        }
        let lang = self.sel.lang;
        let mut full = self.full_table();
        let mut sources = Vec::new();
        for (row, d) in full.rows.iter_mut().zip(self.spec.visible()) {
            let mut docs: Vec<(String, Option<String>)> = Vec::new();
            for doc in d.sources.iter().filter_map(|s| self.ds.document(&s.doc)) {
                // A bullet's actual and target often come from one document: named once.
                let named = (spec::doc_text(doc, lang), doc.url.clone());
                if !docs.contains(&named) {
                    docs.push(named);
                }
            }
            row[8] = crate::text::join(&docs.iter().map(|d| d.0.as_str()).collect::<Vec<_>>(), lang.pick("；", "; "));
            // A line's category is its period: the item a reader looks for is the series.
            if row[0] == row[2] && !row[1].is_empty() {
                row[0] = std::mem::take(&mut row[1]);
            }
            sources.push(docs);
        }
        let rows = &full.rows;
        let same = |a: usize, b: usize| rows.iter().all(|r| r[a] == r[b]);
        // Item, value, source and quote always; the period unless it repeats the item (a
        // timeline's year); series, share and note where some row has one (a series that is
        // not just the period); the kind where rows differ in it (actuals beside targets).
        let mut keep: Vec<usize> = vec![0];
        for c in 1..7 {
            let show = match c {
                2 => rows.is_empty() || !same(2, 0),
                3 => true,
                4 => rows.iter().any(|r| r[4] != rows[0][4]),
                _ => rows.iter().any(|r| !r[c].is_empty()) && !(c == 1 && same(1, 2)),
            };
            if show {
                keep.push(c);
            }
        }
        keep.extend([8, 13]);
        let pick = |r: &Vec<String>| keep.iter().map(|&c| r[c].clone()).collect::<Vec<_>>();
        let mut columns = pick(&full.columns);
        if self.spec.chart == ChartKind::Timeline {
            columns[0] = lang.pick("年份", "Year").into();
            columns[keep.iter().position(|&c| c == 3).unwrap_or(0)] = lang.pick("内容", "Milestone").into();
        }
        Table { caption: full.caption, columns, rows: full.rows.iter().map(pick).collect(), sources }
    }

    /// The chart's data with every detail (the CSV): item, series, period, value, kind, share,
    /// note, source file, title, publisher, date, url, the value's id and the quote.
    pub fn full_table(&self) -> Table {
        if let Some(s) = self.series() {
            return series_table(s, self.sel.lang, 1000);
        }
        let lang = self.sel.lang;
        let spec = &self.spec;
        let timeline = spec.chart == ChartKind::Timeline;
        let columns: Vec<String> = match lang {
            Lang::Zh => [
                "项目",
                "系列",
                "时期",
                "数值",
                "类型",
                "占比/完成度",
                "说明",
                "来源文件",
                "来源",
                "发布者",
                "日期",
                "链接",
                "编号",
                "原文",
            ],
            Lang::En => [
                "Item",
                "Series",
                "Period",
                "Value",
                "Kind",
                "Share/progress",
                "Note",
                "Source file",
                "Source",
                "Publisher",
                "Date",
                "URL",
                "ID",
                "Quote",
            ],
        }
        .iter()
        .map(|s| s.to_string())
        .collect();
        let rows = spec
            .visible()
            .map(|d| {
                let docs: Vec<_> = d.sources.iter().map(|s| self.ds.document(&s.doc)).collect();
                let doc = |f: fn(&crate::data::Document) -> &str| {
                    crate::text::join(&docs.iter().map(|d| d.map(f).unwrap_or("")).collect::<Vec<_>>(), " | ")
                };
                let joined =
                    |f: fn(&SourceRef) -> &str| crate::text::join(&d.sources.iter().map(f).collect::<Vec<_>>(), " | ");
                vec![
                    if timeline { d.period.clone() } else { d.label.clone() },
                    d.series_label.clone(),
                    d.period.clone(),
                    d.display.clone(),
                    d.kind.clone(),
                    d.share.map(format_share).unwrap_or_default(),
                    d.detail.clone().unwrap_or_default(),
                    joined(|s| &s.doc),
                    joined(|s| &s.doc_title),
                    match lang {
                        Lang::Zh => doc(|d| &d.publisher.zh),
                        Lang::En => doc(|d| &d.publisher.en),
                    },
                    joined(|s| &s.doc_date),
                    doc(|d| d.url.as_deref().unwrap_or("")),
                    d.value_id.clone(),
                    joined(|s| &s.quote),
                ]
            })
            .collect();
        Table {
            caption: format!(
                "{}{}{}",
                spec.title,
                if spec.subtitle.is_empty() { "" } else { lang.pick("（", " (") },
                if spec.subtitle.is_empty() {
                    String::new()
                } else {
                    format!("{}{}", spec.subtitle, lang.pick("）", ")"))
                }
            ),
            columns,
            rows,
            sources: Vec::new(),
        }
    }

    /// CSV of the table: UTF-8 with a BOM (Excel then reads Chinese correctly), RFC 4180
    /// quoting, and cells that a spreadsheet would run as a formula defused with a quote. A
    /// host series of more than `MAX_CSV_POINTS` points is refused (`too_large`).
    pub fn csv(&self) -> Result<String> {
        let t = match self.series() {
            Some(s) if s.len() > MAX_CSV_POINTS => {
                return Err(Error::new(
                    "too_large",
                    "csv",
                    format!(
                        "the series has {} points; CSV export is limited to {} (27 MB of text)",
                        s.len(),
                        MAX_CSV_POINTS
                    ),
                ))
            }
            Some(s) => return Ok(series_csv(s, self.sel.lang)),
            None => self.full_table(),
        };
        let mut out = String::from("\u{feff}");
        for row in std::iter::once(&t.columns).chain(t.rows.iter()) {
            let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
            out.push_str(&crate::text::join(&cells, ","));
            out.push_str("\r\n");
        }
        Ok(out)
    }

    /// The chart as SVG, drawn by the same code as the canvas.
    pub fn svg(&mut self, width: f64, dark: bool) -> Result<String> {
        let palette = self.palette(dark);
        let scene = self.make_scene(validate_width(width)?);
        Ok(crate::draw::to_svg(&scene, palette))
    }

    pub fn summary(&self) -> &str {
        &self.spec.summary
    }
}

/// A host series' CSV, written row by row into one string sized for it. Through a table (a
/// `String` per cell) a million points took 1.8 s and 120 MB of wasm memory for 27 MB of text.
fn series_csv(s: &HostSeries, lang: Lang) -> String {
    let columns = series_table(s, lang, 1).columns;
    let mut out = String::with_capacity(28 * s.len() + 64);
    out.push('\u{feff}');
    out.push_str(&crate::text::join(&columns.iter().map(|c| csv_cell(c)).collect::<Vec<_>>(), ","));
    for (x, y) in s.x.iter().zip(&s.y) {
        // As the table prints them (short at the extremes: "5e-324"). Numbers need no quoting,
        // and a spreadsheet reads "-1.5e-7" as a number, not a formula.
        out.push_str("\r\n");
        out.push_str(&crate::i18n::number(*x));
        out.push(',');
        out.push_str(&crate::i18n::number(*y));
    }
    out.push_str("\r\n");
    out
}

/// A host series as a table: every point, or `max_rows` evenly spaced ones.
fn series_table(s: &HostSeries, lang: Lang, max_rows: usize) -> Table {
    let n = s.len();
    let step = n.div_ceil(max_rows.max(1)).max(1);
    let rows = (0..n)
        .step_by(step)
        .map(|i| vec![crate::i18n::number(s.x[i]), crate::i18n::number(s.y[i])])
        .collect::<Vec<_>>();
    let shown = rows.len();
    let caption = if shown < n {
        match lang {
            Lang::Zh => format!("{}（显示{n}个数据点中的{shown}个，CSV包含全部）", s.label),
            Lang::En => format!("{} (showing {shown} of {n} points; the CSV has all)", s.label),
        }
    } else {
        s.label.clone()
    };
    let y = if s.unit.is_empty() { "y".to_string() } else { format!("y ({})", s.unit) };
    Table { caption, columns: vec!["x".into(), y], rows, sources: Vec::new() }
}

fn series_spec(s: &HostSeries, lang: Lang) -> ChartSpec {
    let n = s.len();
    let unit =
        if s.unit.is_empty() { String::new() } else { format!("{}{} · ", lang.pick("单位：", "Unit: "), s.unit) };
    let subtitle = format!(
        "{unit}{}",
        match lang {
            Lang::Zh => format!("{}个数据点", crate::i18n::group_thousands(&n.to_string(), Lang::En)),
            Lang::En => format!("{} points", crate::i18n::group_thousands(&n.to_string(), Lang::En)),
        }
    );
    let summary = match lang {
        Lang::Zh => format!(
            "{}：{n}个数据点，x从{}到{}，y最小{}，最大{}。",
            s.label,
            crate::series::show(s.x_range.0),
            crate::series::show(s.x_range.1),
            crate::series::show(s.y_range.0),
            crate::series::show(s.y_range.1)
        ),
        Lang::En => format!(
            "{}: {n} points, x from {} to {}, y from {} to {}.",
            s.label,
            crate::series::show(s.x_range.0),
            crate::series::show(s.x_range.1),
            crate::series::show(s.y_range.0),
            crate::series::show(s.y_range.1)
        ),
    };
    ChartSpec {
        chart: ChartKind::Line,
        lang,
        title: s.label.clone(),
        subtitle,
        axis_unit: s.unit.clone(),
        source: lang.pick("来源：页面提供的数据", "Source: data supplied by the page").to_string(),
        categories: Vec::new(),
        series: Vec::new(),
        data: Vec::new(),
        summary,
        description: String::new(),
        highlight: None,
    }
}

/// Widths are CSS px: whole pixels within MIN_WIDTH..=MAX_WIDTH; anything else is an error
/// that says which way it is off.
fn validate_width(width: f64) -> Result<f64> {
    let shown = crate::series::show(width);
    if width > MAX_WIDTH {
        Err(Error::new(
            "element_too_small",
            "width",
            format!("width {shown} px is larger than the maximum of {} px", MAX_WIDTH as u32),
        ))
    } else if width.is_finite() && width >= MIN_WIDTH {
        Ok(width.floor())
    } else {
        Err(Error::new(
            "element_too_small",
            "width",
            format!("width {shown} px is too small; the chart needs at least {} px", MIN_WIDTH as u32),
        ))
    }
}

/// A number like "-2.5%" or "-3亿元" is data, not a formula; "-1+1" or "=X" would run. A
/// spreadsheet skips leading blanks (NBSP, ideographic space, a BOM too) and reads the
/// fullwidth ＝＋－＠ that a Chinese input method types as the ASCII ones. (Matches and
/// loops, not `trim_start_matches` and `contains([…])`: each pattern type is its own searcher
/// in the wasm, 0.3 KB gzip in all.)
fn looks_like_formula(s: &str) -> bool {
    let mut chars = s.chars().skip_while(|&c| {
        c == ' ' || matches!(c, '\u{a0}' | '\u{3000}' | '\u{feff}' | '\u{200b}' | '\u{2000}'..='\u{200a}')
    });
    match chars.next() {
        Some('=' | '+' | '@' | '＝' | '＋' | '＠' | '\t' | '\r') => true,
        Some('-' | '－') => {
            let mut rest = chars.clone();
            !chars.next().is_some_and(|c| c.is_ascii_digit())
                || rest.any(|c| matches!(c, '+' | '-' | '*' | '/' | '=' | '(' | '^' | '&' | '＋' | '－' | '＝'))
        }
        _ => false,
    }
}

/// A cell for comma- and semicolon-separated locales alike. Excel in much of Europe splits a
/// line on `;` and honours quotes only at the start of a field, so after a `;` (or a line
/// break) inside a cell a new field begins whatever the quoting: a formula start there is
/// defused too (`a;=1+1` → `"a;'=1+1"`).
fn csv_cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    let (mut quote, mut field_start) = (false, true);
    for (i, c) in s.char_indices() {
        if field_start && looks_like_formula(s.get(i..).unwrap_or("")) {
            out.push('\'');
        }
        field_start = matches!(c, ';' | '\n' | '\r');
        quote |= field_start || matches!(c, ',' | '"' | '\t');
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.insert(0, '"');
        out.push('"');
    }
    out
}

/// The chart for `sel`, refused when its highlight names nothing of this chart.
fn checked_spec(ds: &Dataset, views: &[View], sel: &Selection) -> Result<ChartSpec> {
    let spec = spec::build(ds, view_of(views, sel), sel);
    if !sel.highlight.is_empty() && spec.highlight.is_none() {
        // Neither the value (it is the caller's) nor a list of the items here, in bytes of
        // every one-chart page: the explorer's Embed panel offers them, and the chart's table
        // names them.
        return Err(Error::new(
            "unknown_highlight",
            "selection.highlight",
            "no category or series of this chart has this name",
        ));
    }
    Ok(spec)
}

fn view_of<'a>(views: &'a [View], sel: &Selection) -> &'a View {
    views.iter().find(|v| v.id == sel.view).unwrap_or(&views[0])
}
