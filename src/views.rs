//! The charts a reader can choose: the dataset's curated views plus one derived bar view per
//! region, topic, kind and unit, so every value in the dataset is reachable.

use crate::data::{ChartKind, Dataset, Kind, SeriesBy, Text, ViewDef};
use crate::i18n::Lang;
use crate::json::{JsonOut, ToJson};
use crate::order::sorted_rows;

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
            Content::Values { values, .. } => values.iter().for_each(|&i| push(&ds.raw.values[i].indicator)),
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

/// Builds every view of a dataset: curated first, in file order, then derived ones.
pub fn build_views(ds: &Dataset) -> Vec<View> {
    let mut views: Vec<View> = ds.raw.views.iter().map(|v| curated(ds, v)).collect();
    views.extend(derived(ds));
    views
}

fn curated(ds: &Dataset, v: &ViewDef) -> View {
    let content = match v.chart {
        ChartKind::Composition => Content::Group(v.group.clone().unwrap_or_default()),
        ChartKind::Bullet => Content::Targets(v.targets.clone()),
        ChartKind::Timeline => Content::Milestones(v.milestones.clone()),
        _ => {
            Content::Values { values: v.values.iter().filter_map(|id| ds.value_index(id)).collect(), series: v.series }
        }
    };
    let charts = compatible_charts(ds, &content);
    let default_chart = if charts.contains(&v.chart) { v.chart } else { charts[0] };
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

/// Chart kinds that can show this content; the first is the fallback default.
pub fn compatible_charts(ds: &Dataset, content: &Content) -> Vec<ChartKind> {
    match content {
        Content::Values { values, series } => {
            let mut out = vec![ChartKind::Bar];
            let periods = distinct(values.iter().map(|&i| ds.periods[i]));
            let series_keys = match series {
                Some(SeriesBy::Period) => periods,
                Some(SeriesBy::Region) => distinct(values.iter().map(|&i| ds.raw.values[i].region.as_str())),
                Some(SeriesBy::Kind) => distinct(values.iter().map(|&i| (ds.raw.values[i].kind, ds.periods[i]))),
                None => 0,
            };
            if series_keys >= 2 {
                out.push(ChartKind::GroupedBar);
            }
            if periods >= 2 {
                out.push(ChartKind::Line);
            }
            out
        }
        Content::Group(_) => vec![ChartKind::Composition, ChartKind::Bar],
        Content::Targets(_) => vec![ChartKind::Bullet],
        Content::Milestones(_) => vec![ChartKind::Timeline],
    }
}

fn distinct<T: PartialEq>(it: impl Iterator<Item = T>) -> usize {
    let mut seen: Vec<T> = Vec::new();
    for x in it {
        if !seen.contains(&x) {
            seen.push(x);
        }
    }
    seen.len()
}

fn kind_order(k: Kind) -> u8 {
    match k {
        Kind::Level => 0,
        Kind::Growth => 1,
        Kind::Share => 2,
        Kind::Count => 3,
        Kind::Target => 4,
    }
}

fn derived(ds: &Dataset) -> Vec<View> {
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
    // (region, topic, kind, unit) → value indices, buckets in key order, values in dataset order.
    let mut rows = Vec::new();
    let mut keys = Vec::new();
    for (i, v) in values.iter().enumerate() {
        let Some(ind) = ds.indicator(&v.indicator) else { continue };
        if !repeat[i] {
            rows.push(i);
            keys.push((region_pos(&v.region), topic_pos(&ind.topic), kind_order(v.kind), v.unit.as_str()));
        }
    }
    let mut buckets: Vec<(&str, Vec<usize>)> = Vec::new();
    let mut last_key = None;
    for r in sorted_rows(rows.len(), &mut |a, b| keys[a] < keys[b]) {
        let (key, i) = (keys[r as usize], rows[r as usize]);
        match buckets.last_mut() {
            Some((_, list)) if last_key == Some(key) => list.push(i),
            _ => buckets.push((key.3, vec![i])),
        }
        last_key = Some(key);
    }
    let mut out = Vec::new();
    for (unit, values) in buckets {
        let first = &ds.raw.values[values[0]];
        let (Some(region), Some(ind)) = (ds.region(&first.region), ds.indicator(&first.indicator)) else { continue };
        let Some(topic) = ds.topic(&ind.topic) else { continue };
        let unit_en = ds.unit(unit).map(|u| u.name.en.clone()).unwrap_or_else(|| unit.to_string());
        let title = Text {
            zh: format!("{}·{}：{}（{}）", region.name.zh, topic.name.zh, first.kind.label(Lang::Zh), unit),
            en: format!("{} · {}: {} ({})", region.name.en, topic.name.en, first.kind.label(Lang::En), unit_en),
        };
        // Same indicator in several periods → periods become series, so the chart can compare them.
        let repeats =
            values.len() != distinct(values.iter().map(|&i| (&ds.raw.values[i].indicator, subject_key(ds, i))));
        let content = Content::Values { values, series: if repeats { Some(SeriesBy::Period) } else { None } };
        let charts = compatible_charts(ds, &content);
        out.push(View {
            id: format!("auto/{}/{}/{}/{}", first.region, topic.id, first.kind.id(), unit),
            region: first.region.clone(),
            topic: topic.id.clone(),
            title,
            default_chart: ChartKind::Bar,
            charts,
            content,
        });
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
    // A milestone view's topic must exist in the dataset; fall back to the first topic.
    for v in out.iter_mut() {
        if ds.topic(&v.topic).is_none() {
            v.topic = ds.raw.topics[0].id.clone();
        }
    }
    out
}

fn subject_key(ds: &Dataset, i: usize) -> &str {
    ds.raw.values[i].subject.as_ref().map(|s| s.zh.as_str()).unwrap_or("")
}
