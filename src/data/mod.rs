//! The dataset: schema types (serde-derived), reading with JSON-path errors, validation, and
//! lookups. A host dataset and the full build's embedded one go through exactly the same code:
//! the engine's `JSON.parse`, serde-wasm-bindgen into these types, then `validate`.

mod de;
pub mod packed;
mod path;
mod validate;

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::period::Period;
use serde::{Deserialize, Deserializer};

pub const SCHEMA: &str = "econ-widget/dataset@1";

/// The dataset's source text. The full build parses it at run time (`JSON.parse`, then the same
/// reader as a host dataset); the one-chart build carries `EMBEDDED_PACKED` instead.
pub const EMBEDDED_JSON: &str = include_str!("dataset.json");

/// `EMBEDDED_JSON`, validated and packed at build time: what the one-chart build decodes (a
/// test checks that both forms give the identical `Dataset`).
pub const EMBEDDED_PACKED: &[u8] = include_bytes!("dataset.bin");

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Document {
    pub doc: String,
    pub title: Text,
    pub date: String,
    pub publisher: Text,
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Region {
    pub id: String,
    pub name: Text,
    pub parent: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Topic {
    pub id: String,
    pub name: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Unit {
    pub id: String,
    pub name: Text,
    pub dimension: String,
    pub factor: f64,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Indicator {
    pub id: String,
    pub topic: String,
    pub name: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Level,
    Growth,
    Share,
    Count,
    Target,
}

impl Kind {
    /// The id used in JSON and in derived view ids.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Level => "level",
            Kind::Growth => "growth",
            Kind::Share => "share",
            Kind::Count => "count",
            Kind::Target => "target",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Kind::Level => lang.pick("总量", "level"),
            Kind::Growth => lang.pick("增速", "growth"),
            Kind::Share => lang.pick("占比", "share"),
            Kind::Count => lang.pick("数量", "count"),
            Kind::Target => lang.pick("目标", "target"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    #[default]
    Exact,
    AtLeast,
    AtMost,
    About,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Source {
    pub doc: String,
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Value {
    pub id: String,
    pub indicator: String,
    pub region: String,
    pub period: String,
    /// The text's own wording of time ("5年内", "年内", year not stated) when `period` alone
    /// would state more than the text does; `period` then only orders the value.
    pub period_text: Option<Text>,
    pub kind: Kind,
    pub target_kind: Option<Kind>,
    #[serde(default, deserialize_with = "de::or_default")]
    pub bound: Bound,
    pub value: f64,
    pub printed: Option<String>,
    pub unit: String,
    pub subject: Option<Text>,
    pub note: Option<Text>,
    /// A figure computed from printed ones (31% − 26.7 points): the inputs carry the quotes;
    /// `source` is the passage that prints them.
    pub derived: Option<Derived>,
    pub source: Source,
}

impl Value {
    /// A growth rate, or a target for one: labelled "…增速" / "… growth", never with the bare
    /// name of the level it grows (validation allows `target_kind` on targets only).
    pub fn is_growth(&self) -> bool {
        self.kind == Kind::Growth || self.target_kind == Some(Kind::Growth)
    }
}

/// How a derived value is computed from other values of the dataset (each printed, none
/// derived itself), checked by validation to the value's own decimals.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Derived {
    pub op: Op,
    #[serde(deserialize_with = "de::list")]
    pub inputs: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// inputs[0] + inputs[1] + …
    Sum,
    /// inputs[0] − inputs[1] − …
    Difference,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Group {
    pub id: String,
    pub name: Text,
    pub whole: String,
    #[serde(deserialize_with = "de::list")]
    pub parts: Vec<String>,
    pub tolerance: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct TargetPair {
    pub id: String,
    pub name: Text,
    pub actual: String,
    pub target: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Milestone {
    pub id: String,
    pub region: String,
    pub year: u16,
    pub text: Text,
    pub source: Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    Bar,
    GroupedBar,
    Composition,
    Line,
    Bullet,
    Timeline,
}

impl ChartKind {
    pub const ALL: [ChartKind; 6] = [
        ChartKind::Bar,
        ChartKind::GroupedBar,
        ChartKind::Composition,
        ChartKind::Line,
        ChartKind::Bullet,
        ChartKind::Timeline,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ChartKind::Bar => "bar",
            ChartKind::GroupedBar => "grouped_bar",
            ChartKind::Composition => "composition",
            ChartKind::Line => "line",
            ChartKind::Bullet => "bullet",
            ChartKind::Timeline => "timeline",
        }
    }
    pub fn parse(s: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|c| c.id() == s)
    }
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ChartKind::Bar => lang.pick("条形图", "Bar"),
            ChartKind::GroupedBar => lang.pick("分组条形图", "Grouped bar"),
            ChartKind::Composition => lang.pick("构成图", "Composition"),
            ChartKind::Line => lang.pick("折线图", "Line"),
            ChartKind::Bullet => lang.pick("目标进度", "Target vs actual"),
            ChartKind::Timeline => lang.pick("时间轴", "Timeline"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeriesBy {
    Period,
    Region,
    Kind,
}

/// The JSON names of the enums, in declaration order (serde's `snake_case` names; a test
/// checks they agree): the packed form stores a variant as its position here.
pub(super) const KINDS: [(&str, Kind); 5] = [
    ("level", Kind::Level),
    ("growth", Kind::Growth),
    ("share", Kind::Share),
    ("count", Kind::Count),
    ("target", Kind::Target),
];
pub(super) const BOUNDS: [(&str, Bound); 4] =
    [("exact", Bound::Exact), ("at_least", Bound::AtLeast), ("at_most", Bound::AtMost), ("about", Bound::About)];
pub(super) const OPS: [(&str, Op); 2] = [("sum", Op::Sum), ("difference", Op::Difference)];
pub(super) const SERIES: [(&str, SeriesBy); 3] =
    [("period", SeriesBy::Period), ("region", SeriesBy::Region), ("kind", SeriesBy::Kind)];

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct ViewDef {
    pub id: String,
    pub region: String,
    pub topic: String,
    pub title: Text,
    pub chart: ChartKind,
    #[serde(default, deserialize_with = "de::list_or_null")]
    pub values: Vec<String>,
    pub series: Option<SeriesBy>,
    pub group: Option<String>,
    #[serde(default, deserialize_with = "de::list_or_null")]
    pub targets: Vec<String>,
    #[serde(default, deserialize_with = "de::list_or_null")]
    pub milestones: Vec<String>,
    /// The charts that fit the view, best first: worked out by the honest-view rules at build
    /// time for the embedded dataset and packed with it, so the one-chart wasm carries no rule
    /// code (1 KB gzip). Not a dataset field: a host dataset's views get theirs from
    /// `views::build_views`.
    #[serde(skip)]
    pub charts: Vec<ChartKind>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct RawDataset {
    pub schema: String,
    #[serde(deserialize_with = "de::list")]
    pub documents: Vec<Document>,
    #[serde(deserialize_with = "de::list")]
    pub regions: Vec<Region>,
    #[serde(deserialize_with = "de::list")]
    pub topics: Vec<Topic>,
    #[serde(deserialize_with = "de::list")]
    pub units: Vec<Unit>,
    #[serde(deserialize_with = "de::list")]
    pub indicators: Vec<Indicator>,
    #[serde(deserialize_with = "de::list")]
    pub values: Vec<Value>,
    #[serde(deserialize_with = "de::list")]
    pub groups: Vec<Group>,
    #[serde(deserialize_with = "de::list")]
    pub targets: Vec<TargetPair>,
    #[serde(deserialize_with = "de::list")]
    pub milestones: Vec<Milestone>,
    #[serde(deserialize_with = "de::list")]
    pub views: Vec<ViewDef>,
}

de::from_object!(
    Text, Document, Region, Topic, Unit, Indicator, Source, Value, Derived, Group, TargetPair, Milestone, ViewDef,
    RawDataset
);

/// A validated dataset with id lookups. Immutable once built.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub raw: RawDataset,
    /// Parsed `values[i].period`, same order as `raw.values`.
    pub periods: Vec<Period>,
    index: Index,
}

#[derive(Debug, Clone, Default, PartialEq)]
struct Index {
    documents: Ids,
    regions: Ids,
    topics: Ids,
    units: Ids,
    indicators: Ids,
    values: Ids,
    groups: Ids,
    targets: Ids,
    milestones: Ids,
}

/// One table's ids → row numbers, looked up by binary search. The ids are copied into one
/// string, so building it is two allocations, not one per id (plus the hashing code a HashMap
/// would bring into the wasm).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Ids {
    text: String,
    /// (start, end) of the id in `text`, and its row; sorted by id, then row.
    rows: Vec<(u32, u32, u32)>,
}

impl Ids {
    /// A slice, not a generic iterator: one copy of this code, not one per table.
    pub(crate) fn new(ids: &[&str]) -> Ids {
        let mut text = String::new();
        let mut spans = Vec::with_capacity(ids.len());
        for id in ids {
            let start = text.len() as u32;
            text.push_str(id);
            spans.push((start, text.len() as u32));
        }
        let order = crate::order::sorted_rows(spans.len(), &mut |a, b| {
            let (sa, sb) = (spans[a], spans[b]);
            text.get(sa.0 as usize..sa.1 as usize) < text.get(sb.0 as usize..sb.1 as usize)
        });
        let rows = order.into_iter().map(|r| (spans[r as usize].0, spans[r as usize].1, r)).collect();
        Ids { text, rows }
    }
    fn key(&self, e: &(u32, u32, u32)) -> &str {
        // `get`: slicing a str with `[]` brings its panic message and char formatting into the wasm.
        self.text.get(e.0 as usize..e.1 as usize).unwrap_or("")
    }
    pub(crate) fn get(&self, id: &str) -> Option<usize> {
        self.rows
            .binary_search_by(|e| self.key(e).cmp(id).then(std::cmp::Ordering::Greater))
            .err()
            .and_then(|at| self.rows.get(at).filter(|e| self.key(e) == id).map(|e| e.2 as usize))
    }
    /// The earliest row whose id an earlier row already has, with that earlier row.
    pub(crate) fn first_duplicate(&self) -> Option<(usize, usize)> {
        // Equal ids sit together, in row order: each run's first repeat is its second entry.
        let mut best: Option<(usize, usize)> = None;
        let mut run = 0;
        for k in 1..self.rows.len() {
            if self.key(&self.rows[k]) != self.key(&self.rows[run]) {
                run = k;
            } else if k == run + 1 {
                let (first, later) = (self.rows[run].2 as usize, self.rows[k].2 as usize);
                if best.is_none_or(|(_, b)| later < b) {
                    best = Some((first, later));
                }
            }
        }
        best
    }
}

/// Largest dataset text accepted: the embedded one is well under 1 MB; a host page that
/// passes 10 MB has made a mistake, and parsing it would freeze the article.
pub const MAX_DATASET_BYTES: usize = 4 * 1024 * 1024;

/// Refuses dataset text over `MAX_DATASET_BYTES` before anything parses it.
pub fn check_size(bytes: usize) -> Result<()> {
    if bytes > MAX_DATASET_BYTES {
        return Err(Error::new(
            "dataset_too_large",
            "data",
            format!("dataset is {bytes} bytes; the limit is {MAX_DATASET_BYTES} bytes"),
        ));
    }
    Ok(())
}

/// The dataset's shape, with the path of the first problem.
fn read_raw<'de, D: Deserializer<'de>>(de: D) -> std::result::Result<RawDataset, serde_path_to_error::Error<D::Error>> {
    serde_path_to_error::deserialize(de)
}

impl Dataset {
    /// Parses and validates JSON text (natively: tests, the build-time packer). The wasm has no
    /// JSON text parser: JS hands it a value that `JSON.parse` made (`from_deserializer`).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn parse(json: &str) -> Result<Dataset> {
        check_size(json.len())?;
        // As in the wasm: the text becomes a value first (syntax errors have no path), then the
        // typed reader walks the value.
        let value: serde_json::Value =
            serde_json::from_str(json).map_err(|e| Error::new("malformed_json", "", e.to_string()))?;
        let raw = read_raw(&value).map_err(|e| Error::from_serde("invalid_dataset", "", &e))?;
        Dataset::from_raw(raw)
    }

    /// Reads and validates a dataset from any serde source (serde-wasm-bindgen in the wasm,
    /// serde_json natively). Errors name the JSON path: `values[12].unit: invalid type: …`.
    pub fn from_deserializer<'de, D: Deserializer<'de>>(de: D) -> Result<Dataset> {
        let raw = read_raw(de).map_err(|e| Error::from_serde("invalid_dataset", "", &e))?;
        Dataset::from_raw(raw)
    }

    /// The dataset compiled into the wasm. It was validated when it was packed (a test keeps
    /// the packed form in step with the JSON), so only the index and periods are built here.
    pub fn embedded() -> Result<Dataset> {
        let raw = packed::unpack(EMBEDDED_PACKED)?;
        let index = validate::index_of(&raw);
        let periods = raw.values.iter().map(|v| Period::parse(&v.period)).collect::<Option<Vec<_>>>();
        let periods =
            periods.ok_or_else(|| Error::new("corrupt_dataset", "", "the embedded dataset has a malformed period"))?;
        Ok(Dataset { raw, periods, index })
    }

    pub fn from_raw(raw: RawDataset) -> Result<Dataset> {
        let index = validate::build_index(&raw)?;
        let periods = validate::validate(&raw, &index)?;
        Ok(Dataset { raw, periods, index })
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.index.documents.get(id).and_then(|i| self.raw.documents.get(i))
    }
    pub fn region(&self, id: &str) -> Option<&Region> {
        self.index.regions.get(id).and_then(|i| self.raw.regions.get(i))
    }
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.index.topics.get(id).and_then(|i| self.raw.topics.get(i))
    }
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.index.units.get(id).and_then(|i| self.raw.units.get(i))
    }
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.index.indicators.get(id).and_then(|i| self.raw.indicators.get(i))
    }
    pub fn value_index(&self, id: &str) -> Option<usize> {
        self.index.values.get(id)
    }
    pub fn value(&self, id: &str) -> Option<&Value> {
        self.value_index(id).and_then(|i| self.raw.values.get(i))
    }
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.index.groups.get(id).and_then(|i| self.raw.groups.get(i))
    }
    pub fn target(&self, id: &str) -> Option<&TargetPair> {
        self.index.targets.get(id).and_then(|i| self.raw.targets.get(i))
    }
    pub fn milestone(&self, id: &str) -> Option<&Milestone> {
        self.index.milestones.get(id).and_then(|i| self.raw.milestones.get(i))
    }
    /// The value in row `i` (an index from `value_index` or a view). One place indexes the
    /// rows: each `ds.raw.values[i]` carried its own panic location into the wasm.
    pub fn value_at(&self, i: usize) -> &Value {
        &self.raw.values[i]
    }
    /// A value's unit, which validation guarantees (one place says so, for the same reason).
    pub fn unit_of(&self, v: &Value) -> &Unit {
        self.unit(&v.unit).expect("validated unit")
    }
    pub fn period_of(&self, value_index: usize) -> Period {
        self.periods[value_index]
    }
    /// How a value's period reads: the text's own wording when it has one ("5年内"), else
    /// the period ("2023年上半年").
    pub fn period_label(&self, value_index: usize, lang: Lang) -> String {
        match &self.value_at(value_index).period_text {
            Some(t) => t.get(lang).to_string(),
            None => self.period_of(value_index).label(lang),
        }
    }
}

#[cfg(test)]
mod ids_tests {
    use super::Ids;

    #[test]
    fn finds_rows_and_the_first_repeat() {
        let ids = Ids::new(&["b", "a", "c", "a2", ""]);
        assert_eq!(
            [ids.get("a"), ids.get("b"), ids.get("c"), ids.get("a2"), ids.get(""), ids.get("d")],
            [Some(1), Some(0), Some(2), Some(3), Some(4), None]
        );
        assert_eq!(ids.first_duplicate(), None);
        // x at rows 1, 4, 6 and y at rows 2, 5: row 4 is the first repeat, of row 1.
        let ids = Ids::new(&["w", "x", "y", "z", "x", "y", "x"]);
        assert_eq!(ids.first_duplicate(), Some((1, 4)));
        assert_eq!(ids.get("x"), Some(1), "a repeated id finds its first row");
    }
}
