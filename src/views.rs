//! The charts a reader can choose: the dataset's curated views plus derived ones (an indicator
//! over time, one period's comparable figures, a region's milestones), all passing the
//! honest-view rules of src/rules.rs.

#[cfg(feature = "host-data")]
use crate::data::Kind;
use crate::data::{ChartKind, Dataset, SeriesBy, Text, ViewDef};
#[cfg(feature = "host-data")]
use crate::error::Error;
use crate::error::Result;
#[cfg(feature = "host-data")]
use crate::i18n::growth_name;
use crate::i18n::Lang;
use crate::json::{JsonOut, ToJson};
#[cfg(feature = "host-data")]
use crate::order::sorted_rows;
#[cfg(feature = "host-data")]
use crate::rules::{self, Shown};

#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// Value indices into `dataset.raw.values`.
    Values {
        values: Vec<usize>,
        series: Option<SeriesBy>,
    },
    Group(String),
    Targets(Vec<String>),
    Milestones(Vec<String>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct View {
    pub id: String,
    pub region: String,
    pub topic: String,
    pub title: Text,
    pub default_chart: ChartKind,
    pub charts: Vec<ChartKind>,
    pub content: Content,
}

/// What `views()` returns to JS: enough to build the explorer's selectors.
#[derive(Debug, Clone)]
pub struct ViewInfo {
    pub id: String,
    pub region: String,
    pub region_name: String,
    pub topic: String,
    pub topic_name: String,
    pub title: String,
    pub chart: &'static str,
    pub charts: Vec<&'static str>,
    pub indicators: Vec<IndicatorInfo>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorInfo {
    pub id: String,
    pub name: String,
}

impl ToJson for ViewInfo {
    fn write_json(&self, o: &mut JsonOut) {
        o.begin_obj().key("id").str(&self.id).key("region").str(&self.region).key("region_name").str(&self.region_name);
        o.key("topic").str(&self.topic).key("topic_name").str(&self.topic_name).key("title").str(&self.title);
        o.key("chart").str(self.chart).key("charts").strs(&self.charts).key("indicators").begin_arr();
        for i in &self.indicators {
            o.begin_obj().key("id").str(&i.id).key("name").str(&i.name).end_obj();
        }
        o.end_arr().end_obj();
    }
}

impl View {
    /// Indicator ids the view shows, in first-appearance order.
    pub fn indicators(&self, ds: &Dataset) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut push = |id: &str| {
            if !out.iter().any(|x| x == id) {
                out.push(id.to_string());
            }
        };
        match &self.content {
            Content::Values { values, .. } => values.iter().for_each(|&i| push(&ds.value_at(i).indicator)),
            Content::Group(g) => {
                if let Some(g) = ds.group(g) {
                    g.parts.iter().filter_map(|p| ds.value(p)).for_each(|v| push(&v.indicator));
                }
            }
            Content::Targets(ts) => ts
                .iter()
                .filter_map(|t| ds.target(t))
                .filter_map(|t| ds.value(&t.actual))
                .for_each(|v| push(&v.indicator)),
            Content::Milestones(_) => {}
        }
        out
    }

    pub fn info(&self, ds: &Dataset, lang: Lang) -> ViewInfo {
        ViewInfo {
            id: self.id.clone(),
            region: self.region.clone(),
            region_name: ds.region(&self.region).map(|r| r.name.get(lang).to_string()).unwrap_or_default(),
            topic: self.topic.clone(),
            topic_name: ds.topic(&self.topic).map(|t| t.name.get(lang).to_string()).unwrap_or_default(),
            title: self.title.get(lang).to_string(),
            chart: self.default_chart.id(),
            charts: self.charts.iter().map(|c| c.id()).collect(),
            indicators: self
                .indicators(ds)
                .into_iter()
                .map(|id| IndicatorInfo {
                    name: ds.indicator(&id).map(|i| i.name.get(lang).to_string()).unwrap_or_default(),
                    id,
                })
                .collect(),
        }
    }
}

#[cfg(feature = "host-data")]
impl Content {
    /// The content as the honest-view rules see it.
    pub fn shown(&self) -> Shown<'_> {
        match self {
            Content::Values { values, series } => Shown::Values { values, series: *series },
            Content::Group(g) => Shown::Group(g),
            Content::Targets(ts) => Shown::Targets(ts),
            Content::Milestones(ms) => Shown::Milestones(ms),
        }
    }
}

/// Builds every view of a dataset: curated first, in file order, then derived ones. A curated
/// view that breaks an honest-view rule (src/rules.rs) is a `dishonest_view` error naming it;
/// derived views are only made where they pass.
///
/// The embedded dataset's derived views are made at build time (`with_derived_views`, run by
/// pack_dataset) and packed as view records with the charts that fit them, so the one-chart
/// wasm (no `host-data`) carries neither the derivation nor the rules.
#[cfg(not(feature = "host-data"))]
pub fn build_views(ds: &Dataset) -> Result<Vec<View>> {
    Ok(ds.raw.views.iter().map(|v| view_of_def(ds, v)).collect())
}

#[cfg(feature = "host-data")]
pub fn build_views(ds: &Dataset) -> Result<Vec<View>> {
    let sets = rules::set_flags(ds);
    let mut views = Vec::with_capacity(ds.raw.views.len());
    for (i, v) in ds.raw.views.iter().enumerate() {
        let view = view_of_def(ds, v);
        rules::check(ds, &sets, &view.content.shown())
            .and_then(|()| match view.charts.contains(&v.chart) {
                true => Ok(()),
                false => {
                    Err(format!("a {} chart does not fit it (it fits: {})", v.chart.id(), chart_ids(&view.charts)))
                }
            })
            .map_err(|m| Error::new("dishonest_view", format!("views[{i}]"), format!("view '{}': {m}", v.id)))?;
        views.push(view);
    }
    // A derived view whose figures a curated one shows is left out (the curated one has the
    // better title); the embedded dataset already holds its derived views (packed), and the
    // same ids again are left out too, so it gives the same views as its JSON.
    let derived: Vec<View> = derived(ds, &sets)
        .into_iter()
        .filter(|d| !grab_bag(ds, d) && !views.iter().any(|v| v.id == d.id || covers(ds, v, d)))
        .collect();
    views.extend(derived);
    Ok(views)
}

/// A derived comparison of amounts or counts of different indicators: a project's cost beside
/// a year's completed investment beside the investment signed are different aggregations,
/// often nested, that bars would set side by side as if comparable. Rates and shares of
/// different indicators (coverage targets, mortality rates) share a scale and compare; one
/// indicator over time is a time series. Left out of the offered views; `find` still maps
/// its old ids to a curated view that shows the same.
#[cfg(feature = "host-data")]
fn grab_bag(ds: &Dataset, v: &View) -> bool {
    let Content::Values { values, series: None } = &v.content else { return false };
    let ratio = |v: &crate::data::Value| {
        matches!(rules::figure_kind(v), Kind::Growth | Kind::Share)
            || ds.unit(&v.unit).is_some_and(|u| RATIO_DIMENSIONS.contains(&u.dimension.as_str()))
    };
    let first = values.first().map(|&i| ds.value_at(i));
    !values.iter().map(|&i| ds.value_at(i)).all(|x| ratio(x) || first.is_some_and(|f| f.indicator == x.indicator))
}

/// The dataset with its derived views appended as view records, every record with the charts
/// that fit it: what pack_dataset writes into src/data/dataset.bin.
#[cfg(feature = "host-data")]
pub fn with_derived_views(ds: &Dataset) -> Result<crate::data::RawDataset> {
    let views = build_views(ds)?;
    let mut raw = ds.raw.clone();
    for (def, v) in raw.views.iter_mut().zip(&views) {
        def.charts = v.charts.clone();
    }
    for v in views.into_iter().skip(ds.raw.views.len()) {
        let ids = |list: &[usize]| list.iter().map(|&i| ds.value_at(i).id.clone()).collect();
        let (values, series, milestones) = match v.content {
            Content::Values { values, series } => (ids(&values), series, Vec::new()),
            Content::Milestones(ms) => (Vec::new(), None, ms),
            Content::Group(_) | Content::Targets(_) => continue,
        };
        raw.views.push(ViewDef {
            id: v.id,
            region: v.region,
            topic: v.topic,
            title: v.title,
            chart: v.default_chart,
            values,
            series,
            group: None,
            targets: Vec::new(),
            milestones,
            charts: v.charts,
        });
    }
    Ok(raw)
}

/// A view record as a view, with the charts that fit it (its own chart is checked by
/// `build_views`, or was at build time, when its charts were packed with it).
fn view_of_def(ds: &Dataset, v: &ViewDef) -> View {
    let content = match v.chart {
        ChartKind::Composition => Content::Group(v.group.clone().unwrap_or_default()),
        ChartKind::Bullet => Content::Targets(v.targets.clone()),
        ChartKind::Timeline => Content::Milestones(v.milestones.clone()),
        _ => {
            Content::Values { values: v.values.iter().filter_map(|id| ds.value_index(id)).collect(), series: v.series }
        }
    };
    #[cfg(feature = "host-data")]
    let charts = compatible_charts(ds, &content);
    #[cfg(not(feature = "host-data"))]
    let charts = v.charts.clone();
    let default_chart = if charts.contains(&v.chart) { v.chart } else { charts.first().copied().unwrap_or(v.chart) };
    View {
        id: v.id.clone(),
        region: v.region.clone(),
        topic: v.topic.clone(),
        title: v.title.clone(),
        default_chart,
        charts,
        content,
    }
}

#[cfg(feature = "host-data")]
fn chart_ids(charts: &[ChartKind]) -> String {
    let ids: Vec<&str> = charts.iter().map(|c| c.id()).collect();
    if ids.is_empty() {
        "none".into()
    } else {
        crate::text::join(&ids, ", ")
    }
}

/// Chart kinds that fit this content (src/rules.rs); the first is the fallback default.
#[cfg(feature = "host-data")]
pub fn compatible_charts(ds: &Dataset, content: &Content) -> Vec<ChartKind> {
    let order = [
        ChartKind::Composition,
        ChartKind::Bullet,
        ChartKind::Timeline,
        ChartKind::Bar,
        ChartKind::GroupedBar,
        ChartKind::Line,
    ];
    let shown = content.shown();
    order.into_iter().filter(|&c| rules::fits(ds, &shown, c)).collect()
}

#[cfg(feature = "host-data")]
fn distinct<T: PartialEq>(it: impl Iterator<Item = T>) -> usize {
    let mut seen: Vec<T> = Vec::new();
    for x in it {
        if !seen.contains(&x) {
            seen.push(x);
        }
    }
    seen.len()
}

#[cfg(feature = "host-data")]
fn kind_order(k: Kind) -> u8 {
    match k {
        Kind::Level => 0,
        Kind::Growth => 1,
        Kind::Share => 2,
        Kind::Count => 3,
        Kind::Target => 4,
    }
}

/// Unit dimensions of rates whatever their kind (a mortality target is a level of ‰).
#[cfg(feature = "host-data")]
const RATIO_DIMENSIONS: [&str; 4] = ["percent", "per_mille", "per_100k", "fraction"];

#[cfg(feature = "host-data")]
/// At most this many bars in a derived view: a longer list is a grab-bag, not a comparison.
const MAX_DERIVED_BARS: usize = 12;

/// Derived views, each passing the rules: one indicator over time per region (a time series),
/// then one period's figures of one kind and unit per region and topic (a comparison), then a
/// milestone timeline per region.
#[cfg(feature = "host-data")]
fn derived(ds: &Dataset, sets: &[bool]) -> Vec<View> {
    let topic_pos = |t: &str| ds.raw.topics.iter().position(|x| x.id == t).unwrap_or(usize::MAX);
    let region_pos = |r: &str| ds.raw.regions.iter().position(|x| x.id == r).unwrap_or(usize::MAX);
    // Sorting, not pairwise comparison: a host dataset may have thousands of values.
    let values = &ds.raw.values;
    let facts: Vec<_> = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            (
                v.indicator.as_str(),
                v.region.as_str(),
                v.period.as_str(),
                kind_order(v.kind),
                v.unit.as_str(),
                v.value.to_bits(),
                subject_key(ds, i),
            )
        })
        .collect();
    // The same fact reported by two documents is one bar: keep its first report (ties sort
    // by row, so the first report comes first).
    let by_fact = sorted_rows(values.len(), &mut |a, b| facts[a] < facts[b]);
    let mut repeat = vec![false; values.len()];
    for w in by_fact.windows(2) {
        if facts[w[0] as usize] == facts[w[1] as usize] {
            repeat[w[1] as usize] = true;
        }
    }
    let rows: Vec<usize> =
        (0..values.len()).filter(|&i| !repeat[i] && ds.indicator(&values[i].indicator).is_some()).collect();
    let topic_of = |i: usize| ds.indicator(&values[i].indicator).map(|x| x.topic.as_str()).unwrap_or("");
    let mut out = Vec::new();

    // Time series: (region, topic, indicator, subject, unit, figure kind) over several periods.
    let series_key = |i: usize| {
        let v = &values[i];
        (
            region_pos(&v.region),
            topic_pos(topic_of(i)),
            v.indicator.as_str(),
            subject_key(ds, i),
            v.unit.as_str(),
            kind_order(rules::figure_kind(v)),
        )
    };
    for bucket in buckets(&rows, series_key) {
        let mut list = bucket;
        crate::order::sort_by_key(&mut list, |&i| ds.periods[i].sort_key());
        if distinct(list.iter().map(|&i| ds.periods[i])) < 2 {
            continue;
        }
        let content = Content::Values { values: list, series: Some(SeriesBy::Period) };
        if rules::check(ds, sets, &content.shown()).is_err() {
            continue;
        }
        let Content::Values { values: list, .. } = &content else { continue };
        let first = &values[list[0]];
        let (Some(region), Some(ind)) = (ds.region(&first.region), ds.indicator(&first.indicator)) else { continue };
        let what = match &first.subject {
            Some(s) if !ind.name.zh.starts_with(s.zh.as_str()) => {
                Text { zh: format!("{}{}", s.zh, ind.name.zh), en: format!("{} ({})", ind.name.en, s.en) }
            }
            _ => ind.name.clone(),
        };
        let (p0, p1) = (ds.periods[list[0]], ds.periods[list[list.len() - 1]]);
        // A growth rate's series says so; its periods only where the text dated them all (an
        // "as of writing" figure placed at 2024 does not make the title's range start there).
        let growth = first.is_growth();
        let dated = list.iter().all(|&i| values[i].period_text.is_none());
        let range = |lang: Lang| dated.then(|| crate::period::range_label(p0, p1, lang));
        let (wz, we) = (growth_name(&what.zh, growth, Lang::Zh), growth_name(&what.en, growth, Lang::En));
        let title = Text {
            zh: range(Lang::Zh).map_or(format!("{}{wz}", region.name.zh), |r| format!("{}{wz}：{r}", region.name.zh)),
            en: range(Lang::En)
                .map_or(format!("{}: {we}", region.name.en), |r| format!("{}: {we}, {r}", region.name.en)),
        };
        let charts = compatible_charts(ds, &content);
        let Some(&default_chart) = charts.iter().find(|&&c| c == ChartKind::Line).or(charts.first()) else { continue };
        out.push(View {
            id: format!("auto/{}/{}", first.region, slug(&ind.id)),
            region: first.region.clone(),
            topic: ind.topic.clone(),
            title,
            default_chart,
            charts,
            content,
        });
    }

    // Comparisons: one period's figures of one kind and unit (counts: of one indicator) per
    // region and topic, kept greedily in dataset order while the view passes the rules (and
    // offered only where they compare rates: `grab_bag`).
    let compare_key = |i: usize| {
        let v = &values[i];
        let counted = if rules::figure_kind(v) == Kind::Count { v.indicator.as_str() } else { "" };
        (
            region_pos(&v.region),
            topic_pos(topic_of(i)),
            kind_order(v.kind),
            v.unit.as_str(),
            ds.periods[i].sort_key(),
            counted,
        )
    };
    let mut compared: Vec<(String, String, View)> = Vec::new();
    for bucket in buckets(&rows, compare_key) {
        let mut kept: Vec<usize> = Vec::new();
        for i in bucket {
            if kept.len() == MAX_DERIVED_BARS {
                break;
            }
            // One value per indicator: several subjects of one indicator (a project and its
            // first phase, a park and its site) may nest in ways the data does not say.
            if kept.iter().any(|&k| values[k].indicator == values[i].indicator) {
                continue;
            }
            kept.push(i);
            let trial = Shown::Values { values: &kept, series: None };
            // Two values are the least a rule can judge; one alone only fails the mark count.
            if kept.len() >= 2 && rules::check(ds, sets, &trial).is_err() {
                kept.pop();
            }
        }
        let content = Content::Values { values: kept, series: None };
        if rules::check(ds, sets, &content.shown()).is_err() {
            continue;
        }
        let Content::Values { values: list, .. } = &content else { continue };
        let first = &values[list[0]];
        let (Some(region), Some(topic)) = (ds.region(&first.region), ds.topic(topic_of(list[0]))) else { continue };
        let (kind_zh, kind_en) = match first.kind {
            Kind::Level => ("主要数据", "figures"),
            Kind::Growth => ("增速", "growth rates"),
            Kind::Share => ("比率", "rates and shares"),
            Kind::Count => ("数量", "counts"),
            Kind::Target => ("目标", "targets"),
        };
        // The period as the text words it ("year not stated" is not 2023); the unit as the axis
        // prints it ("billion yuan", not "100 million yuan"); a fraction has no unit word.
        let (pz, pe) = (ds.period_label(list[0], Lang::Zh), ds.period_label(list[0], Lang::En));
        let u = ds.unit(&first.unit);
        let top = list.iter().map(|&i| values[i].value.abs()).fold(0.0, f64::max);
        let unit = |lang: Lang| match u {
            Some(u) if u.dimension != "fraction" => {
                let l = crate::i18n::display_unit(lang, &u.name.zh, &u.dimension, u.factor, &u.name.en, top).label;
                if lang == Lang::Zh {
                    format!("（{l}）")
                } else {
                    format!(" ({l})")
                }
            }
            _ => String::new(),
        };
        let title = Text {
            zh: format!("{}{pz}{}{kind_zh}{}", region.name.zh, topic.name.zh, unit(Lang::Zh)),
            en: format!("{}, {pe}: {} {kind_en}{}", region.name.en, topic.name.en, unit(Lang::En)),
        };
        let prefix = format!("auto/{}/{}/{}", first.region, topic.id, kind_slug(first.kind));
        let dimension = ds.unit(&first.unit).map(|u| slug(&u.dimension)).unwrap_or_default();
        let charts = compatible_charts(ds, &content);
        let Some(&default_chart) = charts.first() else { continue };
        compared.push((
            first.period.clone(),
            dimension,
            View {
                id: prefix,
                region: first.region.clone(),
                topic: topic.id.clone(),
                title,
                default_chart,
                charts,
                content,
            },
        ));
    }
    // The id of a surviving comparison is stable and readable (region, topic, kind of figure):
    // the period is added only where one such id has views of several periods, then the unit's
    // dimension where it still has several (never the unit id: `个(村)`, `%` in a URL).
    let with = |f: &dyn Fn(&(String, String, View)) -> String| compared.iter().map(f).collect::<Vec<String>>();
    let base = with(&|(_, _, v)| v.id.clone());
    let by_period = with(&|(p, _, v)| format!("{}/{p}", v.id));
    let by_dimension = with(&|(_, d, v)| format!("{}/{d}", v.id));
    let both = with(&|(p, d, v)| format!("{}/{p}/{d}", v.id));
    let unique = |ids: &[String], k: usize| ids.iter().filter(|id| **id == ids[k]).count() == 1;
    let ids: Vec<String> = (0..compared.len())
        .map(|k| {
            let pick = [&base, &by_period, &by_dimension].into_iter().find(|ids| unique(ids, k)).unwrap_or(&both);
            pick[k].clone()
        })
        .collect();
    for ((_, _, mut v), id) in compared.into_iter().zip(ids) {
        v.id = id;
        out.push(v);
    }
    // Unique ids whatever a host dataset holds (two units of one id cannot collide, but a
    // series and a comparison could in principle).
    for k in 1..out.len() {
        let id = out[k].id.clone();
        let n = out[..k].iter().filter(|v| v.id == id || v.id.starts_with(&format!("{id}~"))).count();
        if n > 0 {
            out[k].id = format!("{id}~{}", n + 1);
        }
    }

    for region in &ds.raw.regions {
        let ms: Vec<&crate::data::Milestone> = ds.raw.milestones.iter().filter(|m| m.region == region.id).collect();
        if ms.is_empty() {
            continue;
        }
        let mut ms = ms;
        crate::order::sort_by_key(&mut ms, |m| m.year);
        out.push(View {
            id: format!("auto/{}/milestones", region.id),
            region: region.id.clone(),
            topic: "economy".into(),
            title: Text {
                zh: format!("{}发展目标时间轴", region.name.zh),
                en: format!("{}: goals timeline", region.name.en),
            },
            default_chart: ChartKind::Timeline,
            charts: vec![ChartKind::Timeline],
            content: Content::Milestones(ms.iter().map(|m| m.id.clone()).collect()),
        });
    }
    // A view's topic must exist in the dataset; fall back to the first topic.
    for v in out.iter_mut() {
        if ds.topic(&v.topic).is_none() {
            v.topic = ds.raw.topics[0].id.clone();
        }
    }
    out
}

/// An id part from a dataset id: `upgraded_villages` → `upgraded-villages`.
#[cfg(feature = "host-data")]
fn slug(id: &str) -> String {
    id.replace('_', "-")
}

/// What a comparison compares, as its id says it.
#[cfg(feature = "host-data")]
fn kind_slug(k: Kind) -> &'static str {
    match k {
        Kind::Level => "figures",
        Kind::Growth => "growth-rates",
        Kind::Share => "rates",
        Kind::Count => "counts",
        Kind::Target => "targets",
    }
}

/// The figures a view shows, as value rows: a composition its whole and its parts, a bullet
/// chart its actuals and targets; none for a timeline.
#[cfg(feature = "host-data")]
fn figures(ds: &Dataset, v: &View) -> Vec<usize> {
    match &v.content {
        Content::Values { values, .. } => values.clone(),
        Content::Group(g) => match ds.group(g) {
            Some(g) => std::iter::once(&g.whole).chain(&g.parts).filter_map(|id| ds.value_index(id)).collect(),
            None => Vec::new(),
        },
        Content::Targets(ts) => ts
            .iter()
            .filter_map(|t| ds.target(t))
            .flat_map(|t| [ds.value_index(&t.actual), ds.value_index(&t.target)])
            .flatten()
            .collect(),
        Content::Milestones(_) => Vec::new(),
    }
}

/// Whether view `a` shows every figure view of values `b` shows (in any order, and maybe
/// more): `b` then adds nothing a reader does not already have.
#[cfg(feature = "host-data")]
fn covers(ds: &Dataset, a: &View, b: &View) -> bool {
    let Content::Values { values: y, .. } = &b.content else { return false };
    let x = figures(ds, a);
    !y.is_empty() && y.iter().all(|i| x.contains(i))
}

/// The view an id names: its own id or, in the full build (the explorer, whose links carry
/// view ids), one a derived view had before its ids were made readable, so an old deep link
/// (`#view=auto/晋中/clean_energy_capacity/万千瓦`) still opens its chart.
pub fn find<'a>(ds: &Dataset, views: &'a [View], id: &str) -> Option<&'a View> {
    let found = views.iter().find(|v| v.id == id);
    // A derived view may since have been left out for a curated one that shows the same.
    #[cfg(feature = "host-data")]
    let found = found.or_else(|| {
        let all = derived(ds, &rules::set_flags(ds));
        let old = all.iter().find(|d| d.id == id || legacy_ids(ds, d).iter().any(|old| old == id))?;
        // The closest view that shows its figures: the one that shows the fewest others.
        views
            .iter()
            .find(|v| v.id == old.id)
            .or_else(|| views.iter().filter(|v| covers(ds, v, old)).min_by_key(|v| figures(ds, v).len()))
    });
    #[cfg(not(feature = "host-data"))]
    let _ = ds;
    found
}

/// The ids a derived view of values had until ids left unit ids out: `auto/{region}/{indicator}/
/// {unit}` for a time series, `auto/{region}/{topic}/{kind}/{unit}` (+ `/{period}`) for a
/// comparison.
#[cfg(feature = "host-data")]
pub fn legacy_ids(ds: &Dataset, v: &View) -> Vec<String> {
    let Content::Values { values, series } = &v.content else { return Vec::new() };
    let Some(first) = values.first().map(|&i| ds.value_at(i)) else { return Vec::new() };
    if !v.id.starts_with("auto/") {
        return Vec::new();
    }
    if *series == Some(SeriesBy::Period) {
        return vec![format!("auto/{}/{}/{}", first.region, first.indicator, first.unit)];
    }
    let base = format!("auto/{}/{}/{}/{}", first.region, v.topic, first.kind.id(), first.unit);
    vec![format!("{base}/{}", first.period), base]
}

#[cfg(feature = "host-data")]
/// Rows grouped by key: groups in key order, rows within a group in dataset order.
fn buckets<K: PartialOrd + Copy>(rows: &[usize], key: impl Fn(usize) -> K) -> Vec<Vec<usize>> {
    let keys: Vec<K> = rows.iter().map(|&i| key(i)).collect();
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut last: Option<K> = None;
    for r in sorted_rows(rows.len(), &mut |a, b| keys[a] < keys[b]) {
        let k = keys[r as usize];
        match out.last_mut() {
            Some(list) if last == Some(k) => list.push(rows[r as usize]),
            _ => out.push(vec![rows[r as usize]]),
        }
        last = Some(k);
    }
    out
}

#[cfg(feature = "host-data")]
fn subject_key(ds: &Dataset, i: usize) -> &str {
    ds.value_at(i).subject.as_ref().map(|s| s.zh.as_str()).unwrap_or("")
}
