//! The reader's selection (view, chart, indicators, language, theme, sort, hidden series) and
//! how a partial selection from JS is applied: every field is checked before anything
//! changes, so a bad call leaves the previous selection — and the chart — exactly as it was.

use crate::data::{ChartKind, Dataset};
pub use crate::error::clip;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::json::{JsonOut, ToJson};
use crate::views::View;
use serde::{Deserialize, Deserializer};

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
    /// An editor's headline and description for this view (empty: the view's own title, no
    /// description). Words only: the figures, unit line and source line are the dataset's.
    pub title: String,
    pub description: String,
    /// The one item drawn in colour, the others muted: a category or series label as the chart
    /// shows it, in either language, or a series key (checked against the chart by the widget).
    pub highlight: String,
}

pub const FIELDS: [&str; 12] = [
    "view",
    "region",
    "topic",
    "indicators",
    "chart",
    "lang",
    "theme",
    "sort",
    "hidden",
    "title",
    "description",
    "highlight",
];

/// A partial selection as it comes from JS (`select({lang: 'en'})`): an absent field leaves
/// that part as it is. Unknown fields are refused: a typo must not silently do nothing. The
/// values are checked against the dataset by `Selection::apply`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Patch {
    #[serde(default, deserialize_with = "present")]
    pub view: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub region: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub topic: Option<String>,
    /// `null` means all of the view's indicators.
    #[serde(default, deserialize_with = "list_or_null")]
    pub indicators: Option<Vec<String>>,
    #[serde(default, deserialize_with = "present")]
    pub chart: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub lang: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub theme: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub sort: Option<String>,
    /// `null` means no hidden series.
    #[serde(default, deserialize_with = "list_or_null")]
    pub hidden: Option<Vec<String>>,
    /// `""` goes back to the view's own title (no description, no highlight).
    #[serde(default, deserialize_with = "present")]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub description: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub highlight: Option<String>,
}

/// A present string field must be a string: `{view: null}` is a mistake worth reporting.
fn present<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<String>, D::Error> {
    String::deserialize(d).map(Some)
}

/// A present list field: `null` reads as the empty list. Read with `deserialize_any`:
/// serde-wasm-bindgen's sequence reader reports a string as Reflect's TypeError, not the value.
fn list_or_null<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<Vec<String>>, D::Error> {
    struct List;
    impl<'de> serde::de::Visitor<'de> for List {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an array of strings")
        }
        fn visit_unit<E>(self) -> std::result::Result<Vec<String>, E> {
            Ok(Vec::new())
        }
        fn visit_none<E>(self) -> std::result::Result<Vec<String>, E> {
            Ok(Vec::new())
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Vec<String>, A::Error> {
            let mut out = Vec::new();
            while let Some(s) = seq.next_element::<String>()? {
                out.push(s);
            }
            Ok(out)
        }
    }
    d.deserialize_any(List).map(Some)
}

/// Only from an object: serde's derive would also read a struct from an array, by position
/// (`[]` would be an empty patch).
impl<'de> Deserialize<'de> for Patch {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Patch, D::Error> {
        struct Fields;
        impl<'de> serde::de::Visitor<'de> for Fields {
            type Value = Patch;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> std::result::Result<Patch, A::Error> {
                Patch::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            }
        }
        d.deserialize_map(Fields)
    }
}

impl Patch {
    /// Reads a patch from any serde source (serde-wasm-bindgen in the wasm, serde_json in
    /// tests). Errors name the field: `selection.indicators[1]: invalid type: …`.
    pub fn read<'de, D: Deserializer<'de>>(de: D) -> Result<Patch> {
        serde_path_to_error::deserialize(de).map_err(|e| Error::from_serde("bad_type", "selection", &e))
    }

    /// Whether the patch chooses what to show (rather than how: language, theme, sort).
    pub fn chooses_data(&self) -> bool {
        self.view.is_some()
            || self.region.is_some()
            || self.topic.is_some()
            || self.chart.is_some()
            || self.indicators.is_some()
    }
}

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
            .key("title")
            .str(&self.title)
            .key("description")
            .str(&self.description)
            .key("highlight")
            .str(&self.highlight)
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
            title: String::new(),
            description: String::new(),
            highlight: String::new(),
        }
    }

    /// Applies a partial selection. Returns the new selection or an error naming the field
    /// and value; `self` is never modified.
    pub fn apply(&self, patch: &Patch, ds: &Dataset, views: &[View]) -> Result<Selection> {
        let mut next = self.clone();
        if let Some(s) = patch.lang.as_deref() {
            next.lang = Lang::parse(s).ok_or_else(|| unknown("unknown_lang", "lang", s, "zh, en"))?;
        }
        if let Some(s) = patch.theme.as_deref() {
            next.theme = Theme::parse(s).ok_or_else(|| unknown("unknown_theme", "theme", s, "light, dark, auto"))?;
        }
        if let Some(s) = patch.sort.as_deref() {
            next.sort = Sort::parse(s).ok_or_else(|| unknown("unknown_sort", "sort", s, "none, asc, desc"))?;
        }

        let view = pick_view(self, patch, ds, views)?;
        let view_changed = view.id != self.view;
        next.view = view.id.clone();
        next.region = view.region.clone();
        next.topic = view.topic.clone();
        if view_changed {
            next.chart = view.default_chart;
            next.indicators.clear();
            next.hidden.clear();
            // An editor's words and highlight belong to the chart they were written for.
            next.title.clear();
            next.description.clear();
            next.highlight.clear();
        }
        if let Some(s) = patch.chart.as_deref() {
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
        if let Some(list) = patch.indicators.clone() {
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
        if let Some(list) = patch.hidden.clone() {
            next.hidden = dedup(list);
        }
        if let Some(s) = &patch.title {
            next.title = editor_text("title", s, 120)?;
        }
        if let Some(s) = &patch.description {
            next.description = editor_text("description", s, 300)?;
        }
        if let Some(s) = &patch.highlight {
            next.highlight = editor_text("highlight", s, 300)?;
        }
        Ok(next)
    }
}

/// Resolves `view`, `region` and `topic` together. A region or topic alone moves to the first
/// view that has it (keeping the other when possible), as a reader switching a dropdown expects.
fn pick_view<'a>(cur: &Selection, patch: &Patch, ds: &Dataset, views: &'a [View]) -> Result<&'a View> {
    let region = patch.region.as_deref();
    let topic = patch.topic.as_deref();
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
    if let Some(id) = patch.view.as_deref() {
        let v = crate::views::find(ds, views, id)
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

/// An editor's text, trimmed: one line of at most `max` characters with no control characters
/// (it is drawn on a canvas and read out, never parsed as HTML).
#[inline(never)]
fn editor_text(field: &str, s: &str, max: usize) -> Result<String> {
    let s = s.trim();
    if s.chars().count() > max || s.chars().any(char::is_control) {
        return Err(Error::new(
            "bad_text",
            format!("selection.{field}"),
            format!("expected one line of at most {max} characters"),
        ));
    }
    Ok(s.to_string())
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
