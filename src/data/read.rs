//! Reads the dataset's shape from parsed JSON by hand. Serde derives would do the same, but
//! their visitors (and a path-tracking wrapper) were a third of the wasm; this walker is small
//! and names the JSON path of every problem (`values[12].unit: expected a string, got null`).

use super::*;
use crate::json::{Json, Map};

fn shape(path: &Path, message: String) -> Error {
    Error::new("invalid_dataset", path.render(), message)
}

fn kind_of(v: &Json) -> String {
    crate::select::describe(v)
}

/// Where a value sits in the dataset, as a chain of references: rendered to text
/// (`values[12].unit`) only when there is an error to report, so reading a valid dataset
/// allocates no paths.
#[derive(Clone, Copy)]
enum Path<'p> {
    Root,
    Key(&'p Path<'p>, &'static str),
    Index(&'p Path<'p>, usize),
}

impl Path<'_> {
    fn render(&self) -> String {
        match self {
            Path::Root => String::new(),
            Path::Key(parent, key) => match parent.render() {
                p if p.is_empty() => key.to_string(),
                p => format!("{p}.{key}"),
            },
            Path::Index(parent, i) => format!("{}[{i}]", parent.render()),
        }
    }
}

// `#[inline(never)]` on the readers: inlined into one function, every `?` between fields
// grew its own copy of the error path and of the drop code for the fields read so far (the
// reader was 46 KB of wasm).

/// One JSON object being read: fields are taken one by one, and `done` rejects the rest
/// (a typo must not silently drop data).
struct Obj<'a, 'p> {
    map: &'a Map,
    path: Path<'p>,
    /// Field names read so far (no object in the schema has more than 16).
    taken: [&'static str; 16],
    n_taken: usize,
}

impl<'a, 'p> Obj<'a, 'p> {
    #[inline(never)]
    fn new(v: &'a Json, path: Path<'p>) -> Result<Obj<'a, 'p>> {
        match v {
            Json::Object(map) => Ok(Obj { map, path, taken: [""; 16], n_taken: 0 }),
            other => Err(shape(&path, format!("expected an object, got {}", kind_of(other)))),
        }
    }
    fn at(&self, key: &'static str) -> Path<'_> {
        Path::Key(&self.path, key)
    }
    fn take(&mut self, key: &'static str) {
        self.taken[self.n_taken] = key;
        self.n_taken += 1;
    }
    /// The field, or None when absent or null.
    #[inline(never)]
    fn opt(&mut self, key: &'static str) -> Option<&'a Json> {
        self.take(key);
        self.map.get(key).filter(|v| !v.is_null())
    }
    #[inline(never)]
    fn req(&mut self, key: &'static str) -> Result<&'a Json> {
        self.take(key);
        self.map.get(key).ok_or_else(|| shape(&self.path, format!("missing field `{key}`")))
    }
    #[inline(never)]
    fn string(&mut self, key: &'static str) -> Result<String> {
        let v = self.req(key)?;
        as_string(v, &self.at(key))
    }
    #[inline(never)]
    fn opt_string(&mut self, key: &'static str) -> Result<Option<String>> {
        match self.opt(key) {
            None => Ok(None),
            Some(v) => as_string(v, &self.at(key)).map(Some),
        }
    }
    #[inline(never)]
    fn number(&mut self, key: &'static str) -> Result<f64> {
        let v = self.req(key)?;
        as_number(v, &self.at(key))
    }
    #[inline(never)]
    fn text(&mut self, key: &'static str) -> Result<Text> {
        let v = self.req(key)?;
        read_text(v, &self.at(key))
    }
    #[inline(never)]
    fn opt_text(&mut self, key: &'static str) -> Result<Option<Text>> {
        match self.opt(key) {
            None => Ok(None),
            Some(v) => read_text(v, &self.at(key)).map(Some),
        }
    }
    #[inline(never)]
    fn strings(&mut self, key: &'static str) -> Result<Vec<String>> {
        match self.opt(key) {
            None => Ok(Vec::new()),
            Some(v) => list(v, &self.at(key), |x, p| as_string(x, p)),
        }
    }
    #[inline(never)]
    fn list<T>(&mut self, key: &'static str, item: impl Fn(&Json, &Path) -> Result<T>) -> Result<Vec<T>> {
        let v = self.req(key)?;
        list(v, &self.at(key), item)
    }
    #[inline(never)]
    fn done(self) -> Result<()> {
        let taken = &self.taken[..self.n_taken];
        match self.map.keys().find(|k| !taken.contains(&k.as_str())) {
            None => Ok(()),
            Some(k) => Err(shape(
                &self.path,
                format!("unknown field `{}`, expected one of {}", crate::select::clip(k), taken.join(", ")),
            )),
        }
    }
}

#[inline(never)]
fn as_string(v: &Json, path: &Path) -> Result<String> {
    v.as_str().map(str::to_string).ok_or_else(|| shape(path, format!("expected a string, got {}", kind_of(v))))
}

#[inline(never)]
fn as_number(v: &Json, path: &Path) -> Result<f64> {
    v.as_f64().ok_or_else(|| shape(path, format!("expected a number, got {}", kind_of(v))))
}

fn list<T>(v: &Json, path: &Path, item: impl Fn(&Json, &Path) -> Result<T>) -> Result<Vec<T>> {
    let Json::Array(items) = v else { return Err(shape(path, format!("expected an array, got {}", kind_of(v)))) };
    // A plain loop: `collect::<Result<Vec<_>>>()` instantiated a ~2 KB adapter per item type.
    let mut out = Vec::with_capacity(items.len());
    for (i, x) in items.iter().enumerate() {
        out.push(item(x, &Path::Index(path, i))?);
    }
    Ok(out)
}

#[inline(never)]
fn read_text(v: &Json, path: &Path) -> Result<Text> {
    let mut o = Obj::new(v, *path)?;
    let t = Text { zh: o.string("zh")?, en: o.string("en")? };
    o.done()?;
    Ok(t)
}

#[inline(never)]
fn one_of<T: Copy>(v: &Json, path: &Path, options: &[(&str, T)]) -> Result<T> {
    let s = as_string(v, path)?;
    options.iter().find(|(name, _)| *name == s).map(|(_, t)| *t).ok_or_else(|| {
        let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
        shape(path, format!("unknown variant `{}`, expected one of {}", crate::select::clip(&s), names.join(", ")))
    })
}

const KINDS: [(&str, Kind); 5] =
    [("level", Kind::Level), ("growth", Kind::Growth), ("share", Kind::Share), ("count", Kind::Count), ("target", Kind::Target)];
const BOUNDS: [(&str, Bound); 4] =
    [("exact", Bound::Exact), ("at_least", Bound::AtLeast), ("at_most", Bound::AtMost), ("about", Bound::About)];
const SERIES: [(&str, SeriesBy); 3] = [("period", SeriesBy::Period), ("region", SeriesBy::Region), ("kind", SeriesBy::Kind)];

#[inline(never)]
fn source(v: &Json, path: &Path) -> Result<Source> {
    let mut o = Obj::new(v, *path)?;
    let s = Source { doc: o.string("doc")?, quote: o.string("quote")? };
    o.done()?;
    Ok(s)
}

#[inline(never)]
fn document(v: &Json, path: &Path) -> Result<Document> {
    let mut o = Obj::new(v, *path)?;
    let d = Document { doc: o.string("doc")?, title: o.text("title")?, date: o.string("date")?, publisher: o.text("publisher")?, url: o.opt_string("url")? };
    o.done()?;
    Ok(d)
}

#[inline(never)]
fn region(v: &Json, path: &Path) -> Result<Region> {
    let mut o = Obj::new(v, *path)?;
    let r = Region { id: o.string("id")?, name: o.text("name")?, parent: o.opt_string("parent")? };
    o.done()?;
    Ok(r)
}

#[inline(never)]
fn topic(v: &Json, path: &Path) -> Result<Topic> {
    let mut o = Obj::new(v, *path)?;
    let t = Topic { id: o.string("id")?, name: o.text("name")? };
    o.done()?;
    Ok(t)
}

#[inline(never)]
fn unit(v: &Json, path: &Path) -> Result<Unit> {
    let mut o = Obj::new(v, *path)?;
    let u = Unit { id: o.string("id")?, name: o.text("name")?, dimension: o.string("dimension")?, factor: o.number("factor")? };
    o.done()?;
    Ok(u)
}

#[inline(never)]
fn indicator(v: &Json, path: &Path) -> Result<Indicator> {
    let mut o = Obj::new(v, *path)?;
    let i = Indicator { id: o.string("id")?, topic: o.string("topic")?, name: o.text("name")? };
    o.done()?;
    Ok(i)
}

#[inline(never)]
fn value(v: &Json, path: &Path) -> Result<Value> {
    let mut o = Obj::new(v, *path)?;
    let id = o.string("id")?;
    let indicator = o.string("indicator")?;
    let region = o.string("region")?;
    let period = o.string("period")?;
    let kind = one_of(o.req("kind")?, &o.at("kind"), &KINDS)?;
    let target_kind = match o.opt("target_kind") {
        Some(t) => Some(one_of(t, &o.at("target_kind"), &KINDS)?),
        None => None,
    };
    let bound = match o.opt("bound") {
        Some(b) => one_of(b, &o.at("bound"), &BOUNDS)?,
        None => Bound::Exact,
    };
    let number = o.number("value")?;
    let printed = o.opt_string("printed")?;
    let unit = o.string("unit")?;
    let subject = o.opt_text("subject")?;
    let note = o.opt_text("note")?;
    let src = source(o.req("source")?, &o.at("source"))?;
    o.done()?;
    Ok(Value { id, indicator, region, period, kind, target_kind, bound, value: number, printed, unit, subject, note, source: src })
}

#[inline(never)]
fn group(v: &Json, path: &Path) -> Result<Group> {
    let mut o = Obj::new(v, *path)?;
    let g = Group {
        id: o.string("id")?,
        name: o.text("name")?,
        whole: o.string("whole")?,
        parts: o.list("parts", |x, p| as_string(x, &p))?,
        tolerance: match o.opt("tolerance") {
            Some(t) => Some(as_number(t, &o.at("tolerance"))?),
            None => None,
        },
    };
    o.done()?;
    Ok(g)
}

#[inline(never)]
fn target(v: &Json, path: &Path) -> Result<TargetPair> {
    let mut o = Obj::new(v, *path)?;
    let t = TargetPair { id: o.string("id")?, name: o.text("name")?, actual: o.string("actual")?, target: o.string("target")? };
    o.done()?;
    Ok(t)
}

#[inline(never)]
fn milestone(v: &Json, path: &Path) -> Result<Milestone> {
    let mut o = Obj::new(v, *path)?;
    let id = o.string("id")?;
    let region = o.string("region")?;
    let year = o.req("year")?;
    let year = year
        .as_u64()
        .filter(|y| *y <= u16::MAX as u64)
        .ok_or_else(|| shape(&o.at("year"), format!("expected a year (a whole number), got {}", kind_of(year))))? as u16;
    let m = Milestone { id, region, year, text: o.text("text")?, source: source(o.req("source")?, &o.at("source"))? };
    o.done()?;
    Ok(m)
}

#[inline(never)]
fn view(v: &Json, path: &Path) -> Result<ViewDef> {
    let mut o = Obj::new(v, *path)?;
    let id = o.string("id")?;
    let region = o.string("region")?;
    let topic = o.string("topic")?;
    let title = o.text("title")?;
    let chart_name = o.req("chart")?;
    let chart_name = as_string(chart_name, &o.at("chart"))?;
    let chart = ChartKind::parse(&chart_name).ok_or_else(|| {
        shape(&o.at("chart"), format!("unknown variant `{}`, expected one of bar, grouped_bar, composition, line, bullet, timeline", crate::select::clip(&chart_name)))
    })?;
    let values = o.strings("values")?;
    let series = match o.opt("series") {
        Some(s) => Some(one_of(s, &o.at("series"), &SERIES)?),
        None => None,
    };
    let group = o.opt_string("group")?;
    let targets = o.strings("targets")?;
    let milestones = o.strings("milestones")?;
    o.done()?;
    Ok(ViewDef { id, region, topic, title, chart, values, series, group, targets, milestones })
}

/// The whole dataset object.
pub(super) fn dataset(v: &Json) -> Result<RawDataset> {
    let mut o = Obj::new(v, Path::Root)?;
    let raw = RawDataset {
        schema: o.string("schema")?,
        documents: o.list("documents", document)?,
        regions: o.list("regions", region)?,
        topics: o.list("topics", topic)?,
        units: o.list("units", unit)?,
        indicators: o.list("indicators", indicator)?,
        values: o.list("values", value)?,
        groups: o.list("groups", group)?,
        targets: o.list("targets", target)?,
        milestones: o.list("milestones", milestone)?,
        views: o.list("views", view)?,
    };
    o.done()?;
    Ok(raw)
}
