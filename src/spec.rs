//! View + selection → a declarative chart spec: categories, series and data with their display
//! text and provenance, in the reader's language. Layout and drawing only read this.

mod summary;

use crate::analytics;
use crate::data::{Bound, ChartKind, Dataset, Document, Kind, Op, SeriesBy, Value};
use crate::i18n::{display_unit, format_value, DisplayUnit, Lang};
use crate::json::{JsonOut, ToJson};
use crate::select::{Selection, Sort};
use crate::views::{Content, View};

/// Where a number comes from, as the tooltip and the table show it.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRef {
    pub doc: String,
    pub doc_title: String,
    pub doc_date: String,
    pub quote: String,
}

impl ToJson for SourceRef {
    fn write_json(&self, o: &mut JsonOut) {
        o.begin_obj().key("doc").str(&self.doc).key("doc_title").str(&self.doc_title);
        o.key("doc_date").str(&self.doc_date).key("quote").str(&self.quote).end_obj();
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Datum {
    pub category: usize,
    pub series: usize,
    pub label: String,
    pub series_label: String,
    /// Value on the chart's axis (in `ChartSpec::axis_unit`); NaN for milestones.
    pub value: f64,
    /// The number as the reader sees it, with unit and bound: "949.6亿元", "about 5.5%".
    pub display: String,
    pub period: String,
    pub kind: String,
    /// Composition: share of the whole (0..1). Bullet: actual ÷ target.
    pub share: Option<f64>,
    /// Extra line for the tooltip: growth of a composition part, target of a bullet row.
    pub detail: Option<String>,
    /// Bullet: the target on the axis.
    pub target: Option<f64>,
    /// Timeline: the year.
    pub year: Option<u16>,
    /// The period as months since year 0, first and last (`Period::sort_key`): where a line
    /// chart puts the figure in time, and whether it covers a year or part of one.
    pub time: Option<(u32, u32)>,
    pub value_id: String,
    pub sources: Vec<SourceRef>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SeriesInfo {
    pub key: String,
    pub label: String,
    pub hidden: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    pub chart: ChartKind,
    pub lang: Lang,
    pub title: String,
    /// An editor's description, drawn under the title (empty: none).
    pub description: String,
    pub subtitle: String,
    pub axis_unit: String,
    pub source: String,
    pub categories: Vec<String>,
    pub series: Vec<SeriesInfo>,
    pub data: Vec<Datum>,
    pub summary: String,
    /// The item an editor highlighted: the other data are drawn muted.
    pub highlight: Option<Highlight>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Highlight {
    Category(usize),
    Series(usize),
}

impl ChartSpec {
    /// The highlighted item named by `key`: a category or series label, or a series key.
    pub fn find_highlight(&self, key: &str) -> Option<Highlight> {
        // "" is no highlight (and the key of a chart's one unnamed series).
        if key.is_empty() {
            return None;
        }
        let series = self.series.iter().position(|s| s.key == key || s.label == key);
        let category = self.categories.iter().position(|c| c == key);
        category.map(Highlight::Category).or(series.map(Highlight::Series))
    }

    /// Whether a datum is drawn muted because an editor highlighted another item.
    pub fn muted(&self, d: &Datum) -> bool {
        match self.highlight {
            Some(Highlight::Category(c)) => d.category != c,
            _ => self.muted_series(d.series),
        }
    }

    /// Whether a whole series (a line, a legend entry) is muted by another series' highlight.
    pub fn muted_series(&self, s: usize) -> bool {
        matches!(self.highlight, Some(Highlight::Series(h)) if h != s)
    }

    /// Data of series the reader has not switched off.
    pub fn visible(&self) -> impl Iterator<Item = &Datum> {
        self.data.iter().filter(move |d| !self.series.get(d.series).map(|s| s.hidden).unwrap_or(false))
    }
}

/// The chart for `sel`. Its highlight is the item `sel.highlight` names: a label in this
/// language or the other (whose spec has the same items in the same places), or a series key;
/// None when nothing of this chart has that name (the widget refuses such a selection).
pub fn build(ds: &Dataset, view: &View, sel: &Selection) -> ChartSpec {
    let mut spec = build_in(ds, view, sel);
    if !sel.highlight.is_empty() && spec.highlight.is_none() {
        let other = Selection { lang: sel.lang.other(), ..sel.clone() };
        spec.highlight = build_in(ds, view, &other).find_highlight(&sel.highlight);
    }
    spec
}

/// `build` in `sel.lang` only.
fn build_in(ds: &Dataset, view: &View, sel: &Selection) -> ChartSpec {
    let lang = sel.lang;
    let mut b = match &view.content {
        Content::Values { values, series } => {
            let keep: Vec<usize> = values
                .iter()
                .copied()
                .filter(|&i| sel.indicators.is_empty() || sel.indicators.contains(&ds.value_at(i).indicator))
                .collect();
            let series = if sel.chart == ChartKind::Bar { None } else { *series };
            values_spec(ds, &keep, series, sel.chart, lang)
        }
        Content::Group(g) => group_spec(ds, g, sel, lang),
        Content::Targets(ts) => bullet_spec(ds, ts, sel, lang),
        Content::Milestones(ms) => timeline_spec(ds, ms, lang),
    };
    b.spec.chart = sel.chart;
    b.spec.title = if sel.title.is_empty() { view.title.get(lang) } else { &sel.title }.to_string();
    b.spec.description = sel.description.clone();
    for s in b.spec.series.iter_mut() {
        s.hidden = sel.hidden.contains(&s.key);
    }
    if b.spec.chart == ChartKind::Bar {
        sort_categories(&mut b.spec, sel.sort);
    }
    b.spec.highlight = b.spec.find_highlight(&sel.highlight);
    b.spec.source = source_line(ds, &b.docs, lang);
    if b.derived {
        b.spec.source.push_str(lang.pick("（含推算值）", " (with a computed figure)"));
    }
    b.spec.summary = summary::summary(&b.spec);
    b.spec
}

struct Built {
    spec: ChartSpec,
    /// Documents used, in first-use order.
    docs: Vec<String>,
    /// A derived figure is drawn: the source line says so (an exported chart has no tooltip).
    derived: bool,
}

impl Built {
    fn new(chart: ChartKind, lang: Lang) -> Built {
        Built {
            spec: ChartSpec {
                chart,
                lang,
                title: String::new(),
                description: String::new(),
                subtitle: String::new(),
                axis_unit: String::new(),
                source: String::new(),
                categories: Vec::new(),
                series: Vec::new(),
                data: Vec::new(),
                summary: String::new(),
                highlight: None,
            },
            docs: Vec::new(),
            derived: false,
        }
    }
    fn use_doc(&mut self, doc: &str) {
        if !self.docs.iter().any(|d| d == doc) {
            self.docs.push(doc.to_string());
        }
    }
    fn category(&mut self, label: String) -> usize {
        self.spec.categories.iter().position(|c| *c == label).unwrap_or_else(|| {
            self.spec.categories.push(label);
            self.spec.categories.len() - 1
        })
    }
    fn series(&mut self, key: String, label: String) -> usize {
        self.spec.series.iter().position(|s| s.key == key).unwrap_or_else(|| {
            self.spec.series.push(SeriesInfo { key, label, hidden: false });
            self.spec.series.len() - 1
        })
    }
}

/// The axis unit for a set of values: the unit of the largest one, scaled for the language.
pub struct Axis {
    pub unit: DisplayUnit,
    /// Base units (yuan, tonnes…) per axis unit.
    base_per_unit: f64,
}

impl Axis {
    pub fn for_values(ds: &Dataset, vals: &[&Value], lang: Lang) -> Axis {
        let base = |v: &Value| v.value.abs() * ds.unit(&v.unit).map(|u| u.factor).unwrap_or(1.0);
        let Some(top) = vals.iter().copied().max_by(|a, b| base(a).total_cmp(&base(b))) else {
            return Axis { unit: DisplayUnit { exp10: 0, label: String::new(), tight: true }, base_per_unit: 1.0 };
        };
        let u = ds.unit_of(top);
        // zh shows the unit as printed: its zh name (ids may tell apart units printed alike, 户 of
        // enterprises and 户 of households).
        let unit = display_unit(lang, &u.name.zh, &u.dimension, u.factor, &u.name.en, top.value.abs());
        Axis { base_per_unit: u.factor / 10f64.powi(unit.exp10), unit }
    }
    pub fn place(&self, ds: &Dataset, v: &Value) -> f64 {
        let factor = ds.unit(&v.unit).map(|u| u.factor).unwrap_or(1.0);
        v.value * factor / self.base_per_unit
    }
}

/// A value as the reader sees it: the printed digits, the unit (converted for English), and
/// the bound the text gave ("以上", "about").
pub fn display(ds: &Dataset, v: &Value, lang: Lang) -> String {
    let u = ds.unit_of(v);
    let du = display_unit(lang, &u.name.zh, &u.dimension, u.factor, &u.name.en, v.value.abs());
    let num = match (&v.printed, du.exp10) {
        _ if u.dimension == "rank" => crate::i18n::rank(v.value, lang),
        // "a quarter of the whole", "2 in 5 of …" — English words for the fraction the text printed.
        _ if u.dimension == "fraction" && lang == Lang::En => {
            match v.printed.as_deref().and_then(crate::i18n::fraction_words) {
                // "a quarter" reads on into the unit ("of the whole"); "2 in 5" is whole as it is.
                Some((words, true)) => crate::i18n::join_unit(&words, &du),
                Some((words, false)) => words,
                None => format_value(v.value, &du, lang),
            }
        }
        // The printed form ("1/4", "10.0") when no conversion applies; in English only if it is
        // not itself Chinese ("近百座" is printed "百").
        (Some(p), 0) if lang == Lang::Zh || p.is_ascii() => crate::i18n::join_unit(p, &du),
        _ => format_value(v.value, &du, lang),
    };
    match (v.bound, lang) {
        (Bound::Exact, _) => num,
        (Bound::AtLeast, Lang::Zh) => format!("{num}以上"),
        (Bound::AtMost, Lang::Zh) => format!("{num}以内"),
        (Bound::About, Lang::Zh) => format!("{num}左右"),
        (Bound::AtLeast, Lang::En) => format!("at least {num}"),
        (Bound::AtMost, Lang::En) => format!("at most {num}"),
        (Bound::About, Lang::En) => format!("about {num}"),
    }
}

/// What kind of figure a value is, in a reader's words: an actual figure, a growth rate, a
/// share, a target (of growth…). The dataset's internal kinds ("level", "count") never show.
pub fn kind_text(v: &Value, lang: Lang) -> String {
    match (v.kind, v.target_kind) {
        (Kind::Level | Kind::Count, _) => lang.pick("实际", "actual").into(),
        (Kind::Target, Some(k @ (Kind::Growth | Kind::Share))) => {
            format!("{}{}{}{}", Kind::Target.label(lang), lang.pick("（", " ("), k.label(lang), lang.pick("）", ")"))
        }
        (k, _) => k.label(lang).into(),
    }
}

fn source_ref(ds: &Dataset, doc: &str, quote: &str, lang: Lang) -> SourceRef {
    let d = ds.document(doc);
    SourceRef {
        doc: doc.to_string(),
        doc_title: d.map(|d| d.title.get(lang).to_string()).unwrap_or_default(),
        doc_date: d.map(|d| d.date.clone()).unwrap_or_default(),
        quote: quote.to_string(),
    }
}

fn datum(ds: &Dataset, b: &mut Built, idx: usize, axis: &Axis, category: usize, series: usize) -> Datum {
    let lang = b.spec.lang;
    let v = ds.value_at(idx);
    b.use_doc(&v.source.doc);
    let mut detail = v.note.as_ref().map(|n| n.get(lang).to_string());
    let mut sources = vec![source_ref(ds, &v.source.doc, &v.source.quote, lang)];
    // A computed figure says so and how, with each input's quote, wherever it is shown.
    if let Some(how) = derivation(ds, v, lang) {
        b.derived = true;
        for x in v.derived.iter().flat_map(|d| &d.inputs).filter_map(|id| ds.value(id)) {
            if x.source != v.source {
                b.use_doc(&x.source.doc);
                sources.push(source_ref(ds, &x.source.doc, &x.source.quote, lang));
            }
        }
        detail = Some(match detail {
            Some(n) => how + lang.pick("；", "; ") + &n,
            None => how,
        });
    }
    Datum {
        category,
        series,
        label: b.spec.categories[category].clone(),
        series_label: b.spec.series[series].label.clone(),
        value: axis.place(ds, v),
        display: display(ds, v, lang),
        period: ds.period_label(idx, lang),
        kind: kind_text(v, lang),
        share: None,
        detail,
        target: None,
        year: None,
        time: Some(ds.period_of(idx).sort_key()),
        value_id: v.id.clone(),
        sources,
    }
}

/// How a derived value is computed, in the reader's words: "由31% − 26.7个百分点推算",
/// "computed: 31% − 26.7 percentage points"; `None` for a printed value.
pub fn derivation(ds: &Dataset, v: &Value, lang: Lang) -> Option<String> {
    let d = v.derived.as_ref()?;
    let mut how = String::from(lang.pick("由", "computed: "));
    for (j, x) in d.inputs.iter().filter_map(|id| ds.value(id)).enumerate() {
        if j > 0 {
            how.push_str(if d.op == Op::Sum { " + " } else { " − " });
        }
        how.push_str(&display(ds, x, lang));
    }
    how.push_str(lang.pick("推算", ""));
    Some(how)
}

/// The row label of a value: its subject (a project, an enterprise) or its indicator.
fn base_label(ds: &Dataset, v: &Value, lang: Lang) -> String {
    match &v.subject {
        Some(s) => as_growth(s.get(lang), v, lang),
        None => indicator_name(ds, v, lang),
    }
}

/// The indicator's name as the label of this value: a growth rate is filed under the
/// indicator of the level it grows (地区生产总值), so its label says it is the growth
/// (地区生产总值增速, "GDP growth") — a bare level name would read as the amount.
fn indicator_name(ds: &Dataset, v: &Value, lang: Lang) -> String {
    let name = ds.indicator(&v.indicator).map(|i| i.name.get(lang)).unwrap_or(&v.indicator);
    as_growth(name, v, lang)
}

pub fn as_growth(name: &str, v: &Value, lang: Lang) -> String {
    crate::i18n::growth_name(name, v.is_growth(), lang)
}

/// `mixed`: the chart has targets and actuals, so a period series also says which it is.
fn series_of(ds: &Dataset, i: usize, by: SeriesBy, mixed: bool, lang: Lang) -> (String, String) {
    let v = ds.value_at(i);
    match by {
        SeriesBy::Period => {
            // Keyed by the wording too: a start of unstated year is not the same series as 2024.
            let key = format!("{}{}", v.period, v.period_text.as_ref().map_or("", |t| t.zh.as_str()));
            let label =
                if mixed || v.kind == Kind::Target { period_and_kind(ds, i, lang) } else { ds.period_label(i, lang) };
            (key, label)
        }
        SeriesBy::Region => (
            v.region.clone(),
            ds.region(&v.region).map(|r| r.name.get(lang).to_string()).unwrap_or_else(|| v.region.clone()),
        ),
        SeriesBy::Kind => (format!("{}:{}", v.kind.id(), v.period), period_and_kind(ds, i, lang)),
    }
}

fn values_spec(ds: &Dataset, idx: &[usize], series: Option<SeriesBy>, chart: ChartKind, lang: Lang) -> Built {
    let mut b = Built::new(chart, lang);
    let vals: Vec<&Value> = idx.iter().map(|&i| ds.value_at(i)).collect();
    let axis = Axis::for_values(ds, &vals, lang);
    b.spec.axis_unit = axis.unit.label.clone();
    let mixed = vals.iter().any(|v| v.kind == Kind::Target) && vals.iter().any(|v| v.kind != Kind::Target);
    // Line charts put periods on the x axis (categories) and draw one line per indicator.
    let line = chart == ChartKind::Line;
    let labels: Vec<String> = if line || series.is_some() {
        idx.iter().map(|&i| base_label(ds, ds.value_at(i), lang)).collect()
    } else {
        unique_labels(ds, idx, lang)
    };
    let mut order: Vec<usize> = (0..idx.len()).collect();
    if line || series == Some(SeriesBy::Period) {
        // Time order, whatever order the text mentioned the periods in.
        crate::order::sort_by_key(&mut order, |&k| ds.period_of(idx[k]).sort_key());
    }
    for &k in &order {
        let i = idx[k];
        let (s, c) = if line {
            // A line of targets says so (rules.rs never lets one line mix actuals and targets).
            let l = match ds.value_at(i).kind {
                Kind::Target => format!("{}{}", labels[k], lang.pick("（目标）", " (target)")),
                _ => labels[k].clone(),
            };
            (b.series(l.clone(), l), b.category(ds.period_label(i, lang)))
        } else {
            let (key, label) = match series {
                Some(by) => series_of(ds, i, by, mixed, lang),
                None => (String::new(), String::new()),
            };
            (b.series(key, label), b.category(labels[k].clone()))
        };
        let d = datum(ds, &mut b, i, &axis, c, s);
        b.spec.data.push(d);
    }
    if chart != ChartKind::Line {
        // Categories in the text's order.
        let mut first_pos: Vec<(usize, usize)> = Vec::new();
        for (k, &i) in idx.iter().enumerate() {
            let c = b.spec.categories.iter().position(|c| *c == labels[k]).unwrap_or(0);
            if !first_pos.iter().any(|(cc, _)| *cc == c) {
                first_pos.push((c, i));
            }
        }
        reorder_categories(&mut b.spec, &first_pos.iter().map(|(c, _)| *c).collect::<Vec<_>>());
    }
    b.spec.subtitle = subtitle(&b.spec, ds, idx, lang);
    b
}

/// Labels made unique by adding the period, then the kind, where two values would share one.
fn unique_labels(ds: &Dataset, idx: &[usize], lang: Lang) -> Vec<String> {
    let dup = |labels: &[String], k: usize| labels.iter().filter(|l| **l == labels[k]).count() > 1;
    // Several indicators about one subject (visits, tickets, revenue of the same scenic
    // spots): name the indicator first, the subject after it.
    let subject_only: Vec<String> = idx.iter().map(|&i| base_label(ds, ds.value_at(i), lang)).collect();
    let base: Vec<String> = (0..idx.len())
        .map(|k| {
            let v = ds.value_at(idx[k]);
            let other_indicator = idx.iter().any(|&j| {
                ds.value_at(j).indicator != v.indicator && base_label(ds, ds.value_at(j), lang) == subject_only[k]
            });
            match (&v.subject, ds.indicator(&v.indicator)) {
                (Some(s), Some(_)) if other_indicator && dup(&subject_only, k) => match lang {
                    Lang::Zh => format!("{}（{}）", indicator_name(ds, v, lang), s.zh),
                    Lang::En => format!("{} ({})", indicator_name(ds, v, lang), s.en),
                },
                _ => subject_only[k].clone(),
            }
        })
        .collect();
    // Figures of several periods, or a target beside actuals: every label says its period
    // (and whether it is an actual or a target), not only the ones that would repeat.
    let vals = || idx.iter().map(|&i| ds.value_at(i));
    let mixed_kind = vals().any(|v| v.kind == Kind::Target) && vals().any(|v| v.kind != Kind::Target);
    let several_periods = idx.iter().any(|&i| ds.period_of(i) != ds.period_of(idx[0]));
    let base: Vec<String> = (0..idx.len())
        .map(|k| match (mixed_kind, several_periods) {
            (false, false) => base[k].clone(),
            // Period first: a long name is cut at its end, and the period must stay readable.
            (false, true) => format!("{} · {}", ds.period_label(idx[k], lang), base[k]),
            (true, _) => format!("{} · {}", period_and_kind(ds, idx[k], lang), base[k]),
        })
        .collect();
    let with_period: Vec<String> = (0..idx.len())
        .map(|k| {
            if dup(&base, k) && !several_periods {
                format!("{} · {}", base[k], ds.period_label(idx[k], lang))
            } else {
                base[k].clone()
            }
        })
        .collect();
    (0..idx.len())
        .map(|k| {
            if dup(&with_period, k) {
                format!("{} · {}", with_period[k], kind_text(ds.value_at(idx[k]), lang))
            } else {
                with_period[k].clone()
            }
        })
        .collect::<Vec<_>>()
        .into_iter()
        .enumerate()
        // Still equal (same indicator, period and kind): number them so rows stay distinct.
        .scan(Vec::<String>::new(), |seen, (_, l)| {
            let n = seen.iter().filter(|s| **s == l).count();
            seen.push(l.clone());
            Some(if n == 0 { l } else { format!("{l} ({})", n + 1) })
        })
        .collect()
}

/// "2025年目标", "2024 actual": a value's period and whether it is a target. Where the text
/// gave its own wording of time, the kind comes first ("实际（2025年成文时）", "actual (start
/// year not stated)"): "start year not stated actual" is not English, nor 年份未注明实际 Chinese.
fn period_and_kind(ds: &Dataset, i: usize, lang: Lang) -> String {
    let word =
        if ds.value_at(i).kind == Kind::Target { lang.pick("目标", "target") } else { lang.pick("实际", "actual") };
    match ds.value_at(i).period_text {
        Some(_) => format!("{word}{}{}{}", lang.pick("（", " ("), ds.period_label(i, lang), lang.pick("）", ")")),
        None => format!("{}{}{word}", ds.period_label(i, lang), lang.pick("", " ")),
    }
}

fn reorder_categories(spec: &mut ChartSpec, order: &[usize]) {
    let mut new_of_old = vec![0; spec.categories.len()];
    for (new, &old) in order.iter().enumerate() {
        new_of_old[old] = new;
    }
    spec.categories = order.iter().map(|&o| spec.categories[o].clone()).collect();
    for d in spec.data.iter_mut() {
        d.category = new_of_old[d.category];
    }
    crate::order::sort_by_key(&mut spec.data, |d| (d.category, d.series));
}

fn sort_categories(spec: &mut ChartSpec, sort: Sort) {
    if sort == Sort::None {
        return;
    }
    let mut order: Vec<usize> = (0..spec.categories.len()).collect();
    let key = |c: usize| spec.data.iter().find(|d| d.category == c).map(|d| d.value).unwrap_or(f64::NEG_INFINITY);
    crate::order::sort_by(&mut order, |&a, &b| {
        let o = key(a).total_cmp(&key(b));
        if sort == Sort::Desc {
            o.is_gt()
        } else {
            o.is_lt()
        }
    });
    reorder_categories(spec, &order);
}

fn subtitle(spec: &ChartSpec, ds: &Dataset, idx: &[usize], lang: Lang) -> String {
    let mut periods: Vec<(u32, u32, String)> = Vec::new();
    for &i in idx {
        let p = ds.period_of(i);
        let l = ds.period_label(i, lang);
        if !periods.iter().any(|x| x.2 == l) {
            let (a, b) = p.sort_key();
            periods.push((a, b, l));
        }
    }
    crate::order::sort_by(&mut periods, |a, b| a < b);
    // A range only between periods the text dated: "2023–within 2025" is no range.
    let dated = |l: &str| idx.iter().any(|&i| ds.value_at(i).period_text.is_none() && ds.period_label(i, lang) == l);
    let period_text = match periods.len() {
        0 => String::new(),
        n if n > 3 && dated(&periods[0].2) && dated(&periods[n - 1].2) => {
            format!("{}{}{}", periods[0].2, lang.pick("—", "–"), periods[n - 1].2)
        }
        _ => crate::text::join(&periods.iter().map(|p| p.2.as_str()).collect::<Vec<_>>(), lang.pick("、", ", ")),
    };
    let unit = if spec.axis_unit.is_empty() {
        String::new()
    } else {
        format!("{}{}", lang.pick("单位：", "Unit: "), spec.axis_unit)
    };
    crate::text::join(&[unit, period_text].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>(), " · ")
}

fn group_spec(ds: &Dataset, gid: &str, sel: &Selection, lang: Lang) -> Built {
    let mut b = Built::new(sel.chart, lang);
    let Some(g) = ds.group(gid) else { return b };
    let whole_i = ds.value_index(&g.whole).expect("validated group");
    let whole = ds.value_at(whole_i);
    let parts: Vec<usize> = g
        .parts
        .iter()
        .filter_map(|p| ds.value_index(p))
        .filter(|&i| sel.indicators.is_empty() || sel.indicators.contains(&ds.value_at(i).indicator))
        .collect();
    let vals: Vec<&Value> = std::iter::once(whole).chain(parts.iter().map(|&i| ds.value_at(i))).collect();
    let axis = Axis::for_values(ds, &vals, lang);
    b.spec.axis_unit = axis.unit.label.clone();
    let s = b.series(String::new(), String::new());
    for &i in &parts {
        let v = ds.value_at(i);
        let c = b.category(base_label(ds, v, lang));
        let mut d = datum(ds, &mut b, i, &axis, c, s);
        d.share = analytics::share(v.value, whole.value);
        if let Some(gi) = analytics::growth_of(ds, i) {
            let gv = ds.value_at(gi);
            b.use_doc(&gv.source.doc);
            d.detail = Some(format!("{}{}", lang.pick("同比增速：", "year-on-year growth: "), display(ds, gv, lang)));
            if gv.source.quote != v.source.quote {
                d.sources.push(source_ref(ds, &gv.source.doc, &gv.source.quote, lang));
            }
        }
        b.spec.data.push(d);
    }
    b.use_doc(&whole.source.doc);
    let total = format!("{}{}", lang.pick("合计：", "Total: "), display(ds, whole, lang));
    let mut sub = subtitle(&b.spec, ds, &[whole_i], lang);
    sub.push_str(" · ");
    sub.push_str(&total);
    b.spec.subtitle = sub;
    b
}

fn bullet_spec(ds: &Dataset, ids: &[String], sel: &Selection, lang: Lang) -> Built {
    let mut b = Built::new(sel.chart, lang);
    let pairs: Vec<_> = ids
        .iter()
        .filter_map(|t| ds.target(t))
        .filter(|t| {
            sel.indicators.is_empty()
                || ds.value(&t.actual).map(|v| sel.indicators.contains(&v.indicator)).unwrap_or(false)
        })
        .collect();
    // Each row has its own scale (targets differ in unit), so there is no common axis unit.
    let s = b.series(String::new(), String::new());
    let mut idx = Vec::new();
    for t in pairs {
        let (Some(ai), Some(ti)) = (ds.value_index(&t.actual), ds.value_index(&t.target)) else { continue };
        let (a, tv) = (ds.value_at(ai), ds.value_at(ti));
        let axis = Axis::for_values(ds, &[a, tv], lang);
        // The row names both periods and kinds: an actual is read against its target. After a
        // colon, not in brackets: a period in the text's own words has brackets of its own.
        let c = b.category(format!(
            "{}{}{} → {}",
            t.name.get(lang),
            lang.pick("：", ": "),
            period_and_kind(ds, ai, lang),
            period_and_kind(ds, ti, lang)
        ));
        let mut d = datum(ds, &mut b, ai, &axis, c, s);
        b.use_doc(&tv.source.doc);
        d.target = Some(axis.place(ds, tv));
        // "96% of target" reads right for amounts and counts, not for a growth rate or share.
        if matches!(tv.target_kind, Some(Kind::Level) | Some(Kind::Count)) {
            d.share = analytics::progress(axis.place(ds, a), axis.place(ds, tv));
        }
        let target_word = lang.pick("目标", "Target");
        let sep = lang.pick("：", ": ");
        let (open, close) = (lang.pick("（", " ("), lang.pick("）", ")"));
        d.detail =
            Some(format!("{target_word}{open}{}{close}{sep}{}", ds.period_label(ti, lang), display(ds, tv, lang)));
        if tv.source.quote != a.source.quote || tv.source.doc != a.source.doc {
            d.sources.push(source_ref(ds, &tv.source.doc, &tv.source.quote, lang));
        }
        b.spec.data.push(d);
        idx.extend([ai, ti]);
    }
    b.spec.subtitle = subtitle(&b.spec, ds, &idx, lang);
    b
}

fn timeline_spec(ds: &Dataset, ids: &[String], lang: Lang) -> Built {
    let mut b = Built::new(ChartKind::Timeline, lang);
    let mut ms: Vec<_> = ids.iter().filter_map(|m| ds.milestone(m)).collect();
    crate::order::sort_by_key(&mut ms, |m| m.year);
    let s = b.series(String::new(), String::new());
    // Milestones of several regions side by side: each says whose it is.
    let several_regions = ms.iter().any(|m| m.region != ms[0].region);
    for m in ms {
        b.use_doc(&m.source.doc);
        let region = ds.region(&m.region).map(|r| r.name.get(lang)).unwrap_or(&m.region);
        let text = match several_regions {
            true => format!("{region}{}{}", lang.pick("：", ": "), m.text.get(lang)),
            false => m.text.get(lang).to_string(),
        };
        // A year before the document's own is something done, not a goal.
        let doc_year = ds.document(&m.source.doc).and_then(|d| d.date.get(..4)).and_then(crate::period::parse_year);
        let kind = match doc_year {
            Some(y) if m.year < y => lang.pick("进展", "progress"),
            _ => lang.pick("目标", "goal"),
        };
        let year = m.year.to_string();
        let c = b.category(format!("{year}·{}", m.id));
        b.spec.categories[c] = year.clone();
        b.spec.data.push(Datum {
            category: c,
            series: s,
            label: year.clone(),
            series_label: String::new(),
            value: f64::NAN,
            display: text,
            period: if lang == Lang::Zh { format!("{year}年") } else { year },
            kind: kind.to_string(),
            share: None,
            detail: None,
            target: None,
            year: Some(m.year),
            time: Some((m.year as u32 * 12, m.year as u32 * 12 + 11)),
            value_id: m.id.clone(),
            sources: vec![source_ref(ds, &m.source.doc, &m.source.quote, lang)],
        });
    }
    b
}

/// A document as a reader is told it: title, publisher and date (the source line, the
/// readers' table and the screen-reader summary say it alike).
pub fn doc_text(d: &Document, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("《{}》，{}，{}", d.title.zh, d.publisher.zh, d.date),
        Lang::En => format!("{} ({}, {})", d.title.en, d.publisher.en, d.date),
    }
}

fn source_line(ds: &Dataset, docs: &[String], lang: Lang) -> String {
    let parts: Vec<String> = docs.iter().filter_map(|d| ds.document(d)).map(|d| doc_text(d, lang)).collect();
    format!("{}{}", lang.pick("来源：", "Source: "), crate::text::join(&parts, lang.pick("；", "; ")))
}
