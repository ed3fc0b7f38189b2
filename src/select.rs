//! The reader's selection (view, chart, indicators, language, theme, sort, hidden series) and
//! how a partial selection from JS is applied: every field is checked before anything
//! changes, so a bad call leaves the previous selection — and the chart — exactly as it was.

use crate::data::{ChartKind, Dataset};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::json::{Json, JsonOut, Map, ToJson};
use crate::views::View;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    /// Follows the page's `prefers-color-scheme` (resolved by the host).
    Auto,
}

impl Theme {
    pub fn id(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
    pub fn parse(s: &str) -> Option<Theme> {
        match s {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "auto" => Some(Theme::Auto),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// Dataset order (the order of the source text).
    None,
    Asc,
    Desc,
}

impl Sort {
    pub fn id(self) -> &'static str {
        match self {
            Sort::None => "none",
            Sort::Asc => "asc",
            Sort::Desc => "desc",
        }
    }
    pub fn parse(s: &str) -> Option<Sort> {
        match s {
            "none" => Some(Sort::None),
            "asc" => Some(Sort::Asc),
            "desc" => Some(Sort::Desc),
            _ => None,
        }
    }
}

/// The complete, always-valid selection. `state()` returns it as JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    pub view: String,
    pub region: String,
    pub topic: String,
    pub chart: ChartKind,
    /// Indicator ids to show; empty means all of the view's.
    pub indicators: Vec<String>,
    pub lang: Lang,
    pub theme: Theme,
    pub sort: Sort,
    /// Series keys switched off in the legend.
    pub hidden: Vec<String>,
}

pub const FIELDS: [&str; 9] = ["view", "region", "topic", "indicators", "chart", "lang", "theme", "sort", "hidden"];

impl ToJson for Selection {
    fn write_json(&self, o: &mut JsonOut) {
        o.begin_obj()
            .key("view")
            .str(&self.view)
            .key("region")
            .str(&self.region)
            .key("topic")
            .str(&self.topic)
            .key("chart")
            .str(self.chart.id())
            .key("indicators")
            .strs(&self.indicators)
            .key("lang")
            .str(self.lang.code())
            .key("theme")
            .str(self.theme.id())
            .key("sort")
            .str(self.sort.id())
            .key("hidden")
            .strs(&self.hidden)
            .end_obj();
    }
}

impl Selection {
    /// The first view, its default chart, Chinese, automatic theme.
    pub fn initial(views: &[View]) -> Selection {
        let v = &views[0];
        Selection {
            view: v.id.clone(),
            region: v.region.clone(),
            topic: v.topic.clone(),
            chart: v.default_chart,
            indicators: Vec::new(),
            lang: Lang::Zh,
            theme: Theme::Auto,
            sort: Sort::None,
            hidden: Vec::new(),
        }
    }

    /// Applies a partial selection (a JSON object). Returns the new selection or an error
    /// naming the field and value; `self` is never modified.
    pub fn apply(&self, patch: &Json, ds: &Dataset, views: &[View]) -> Result<Selection> {
        let obj = patch.as_object().ok_or_else(|| {
            Error::new("bad_type", "selection", format!("expected an object, got {}", describe(patch)))
        })?;
        if let Some(k) = obj.keys().find(|k| !FIELDS.contains(&k.as_str())) {
            return Err(Error::new(
                "unknown_field",
                format!("selection.{}", clip(k)),
                format!("unknown field '{}'; expected one of {}", clip(k), crate::text::join(&FIELDS, ", ")),
            ));
        }
        let mut next = self.clone();
        if let Some(s) = opt_str(obj, "lang")? {
            next.lang = Lang::parse(s).ok_or_else(|| unknown("unknown_lang", "lang", s, "zh, en"))?;
        }
        if let Some(s) = opt_str(obj, "theme")? {
            next.theme = Theme::parse(s).ok_or_else(|| unknown("unknown_theme", "theme", s, "light, dark, auto"))?;
        }
        if let Some(s) = opt_str(obj, "sort")? {
            next.sort = Sort::parse(s).ok_or_else(|| unknown("unknown_sort", "sort", s, "none, asc, desc"))?;
        }

        let view = pick_view(self, obj, ds, views)?;
        let view_changed = view.id != self.view;
        next.view = view.id.clone();
        next.region = view.region.clone();
        next.topic = view.topic.clone();
        if view_changed {
            next.chart = view.default_chart;
            next.indicators.clear();
            next.hidden.clear();
        }
        if let Some(s) = opt_str(obj, "chart")? {
            let chart = ChartKind::parse(s).ok_or_else(|| {
                unknown("unknown_chart", "chart", s, "bar, grouped_bar, composition, line, bullet, timeline")
            })?;
            if !view.charts.contains(&chart) {
                let ok: Vec<&str> = view.charts.iter().map(|c| c.id()).collect();
                return Err(Error::new(
                    "chart_unavailable",
                    "selection.chart",
                    format!(
                        "chart '{s}' cannot show view '{}'; it can be shown as {}",
                        view.id,
                        crate::text::join(&ok, ", ")
                    ),
                ));
            }
            next.chart = chart;
        }
        if let Some(list) = opt_str_list(obj, "indicators")? {
            let in_view = view.indicators(ds);
            for (i, id) in list.iter().enumerate() {
                if ds.indicator(id).is_none() {
                    return Err(Error::new(
                        "unknown_indicator",
                        format!("selection.indicators[{i}]"),
                        format!("unknown indicator '{}'", clip(id)),
                    ));
                }
                if !in_view.contains(id) {
                    return Err(Error::new(
                        "indicator_not_in_view",
                        format!("selection.indicators[{i}]"),
                        format!(
                            "indicator '{id}' is not in view '{}'; it has {}",
                            view.id,
                            crate::text::join(&in_view, ", ")
                        ),
                    ));
                }
            }
            next.indicators = dedup(list);
        }
        if let Some(list) = opt_str_list(obj, "hidden")? {
            next.hidden = dedup(list);
        }
        Ok(next)
    }
}

/// Resolves `view`, `region` and `topic` together. A region or topic alone moves to the first
/// view that has it (keeping the other when possible), as a reader switching a dropdown expects.
fn pick_view<'a>(cur: &Selection, obj: &Map, ds: &Dataset, views: &'a [View]) -> Result<&'a View> {
    let region = opt_str(obj, "region")?;
    let topic = opt_str(obj, "topic")?;
    if let Some(r) = region {
        if ds.region(r).is_none() {
            return Err(unknown("unknown_region", "region", r, &ids(ds.raw.regions.iter().map(|x| x.id.as_str()))));
        }
    }
    if let Some(t) = topic {
        if ds.topic(t).is_none() {
            return Err(unknown("unknown_topic", "topic", t, &ids(ds.raw.topics.iter().map(|x| x.id.as_str()))));
        }
    }
    if let Some(id) = opt_str(obj, "view")? {
        let v = views
            .iter()
            .find(|v| v.id == id)
            .ok_or_else(|| Error::new("unknown_view", "selection.view", format!("unknown view '{}'", clip(id))))?;
        for (field, want, have) in [("region", region, &v.region), ("topic", topic, &v.topic)] {
            if let Some(w) = want {
                if w != have {
                    return Err(Error::new(
                        "conflict",
                        format!("selection.{field}"),
                        format!("{field} '{w}' conflicts with view '{id}', whose {field} is '{have}'"),
                    ));
                }
            }
        }
        return Ok(v);
    }
    let current = views.iter().find(|v| v.id == cur.view).unwrap_or(&views[0]);
    let want_region = region.unwrap_or(&cur.region);
    let want_topic = topic.unwrap_or(&cur.topic);
    if current.region == want_region && current.topic == want_topic {
        return Ok(current);
    }
    let in_region = |v: &&View| v.region == want_region;
    let exact = views.iter().filter(in_region).find(|v| v.topic == want_topic);
    match (exact, topic) {
        (Some(v), _) => Ok(v),
        // Topic asked for explicitly but this region has no data on it: say so.
        (None, Some(t)) => {
            Err(Error::new("no_data", "selection.topic", format!("region '{want_region}' has no data on topic '{t}'")))
        }
        (None, None) => views
            .iter()
            .find(in_region)
            .ok_or_else(|| Error::new("no_data", "selection.region", format!("region '{want_region}' has no data"))),
    }
}

fn ids<'a>(it: impl Iterator<Item = &'a str>) -> String {
    let all: Vec<&str> = it.collect();
    if all.len() > 12 {
        format!("{}, … ({} in all)", crate::text::join(&all[..12], ", "), all.len())
    } else {
        crate::text::join(&all, ", ")
    }
}

fn unknown(code: &'static str, field: &str, value: &str, expected: &str) -> Error {
    Error::new(
        code,
        format!("selection.{field}"),
        format!("unknown {field} '{}'; expected one of {expected}", clip(value)),
    )
}

/// Values echoed in messages are clipped: a 10 MB string must not become a 10 MB message.
pub fn clip(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(MAX).collect::<String>())
    }
}

pub fn describe(v: &Json) -> String {
    match v {
        Json::Null => "null".into(),
        Json::Bool(b) => format!("boolean {b}"),
        Json::Number(n) => format!("number {}", crate::i18n::shortest(*n)),
        Json::String(s) => format!("string '{}'", clip(s)),
        Json::Array(_) => "an array".into(),
        Json::Object(_) => "an object".into(),
    }
}

fn opt_str<'a>(obj: &'a Map, key: &str) -> Result<Option<&'a str>> {
    match obj.get(key) {
        None => Ok(None),
        Some(Json::String(s)) => Ok(Some(s)),
        Some(other) => Err(Error::new(
            "bad_type",
            format!("selection.{key}"),
            format!("expected a string, got {}", describe(other)),
        )),
    }
}

/// An array of strings; `null` means "none" (all indicators / no hidden series).
fn opt_str_list(obj: &Map, key: &str) -> Result<Option<Vec<String>>> {
    match obj.get(key) {
        None => Ok(None),
        Some(Json::Null) => Ok(Some(Vec::new())),
        Some(Json::Array(items)) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, x) in items.iter().enumerate() {
                match x {
                    Json::String(s) => out.push(s.clone()),
                    other => {
                        return Err(Error::new(
                            "bad_type",
                            format!("selection.{key}[{i}]"),
                            format!("expected a string, got {}", describe(other)),
                        ))
                    }
                }
            }
            Ok(Some(out))
        }
        Some(other) => Err(Error::new(
            "bad_type",
            format!("selection.{key}"),
            format!("expected an array of strings, got {}", describe(other)),
        )),
    }
}

fn dedup(list: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(list.len());
    for s in list {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}
