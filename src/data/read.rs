//! Reads the dataset's shape from parsed JSON by hand. Serde derives would do the same, but
//! their visitors (and a path-tracking wrapper) were a third of the wasm; this walker is small
//! and names the JSON path of every problem (`values[12].unit: expected a string, got null`).

use super::path::Path;
use super::*;
use crate::json::{Json, Map};
use std::cell::RefCell;

fn shape(path: &Path, message: String) -> Error {
    Error::new("invalid_dataset", path.render(), message)
}

fn kind_of(v: &Json) -> String {
    crate::select::describe(v)
}

/// The first problem found. Readers do not return at every field: a failed read records its
/// error here (the first one wins) and yields an empty value, and `dataset` checks once at the
/// end. With an early return per field, each one carried its own copy of the drop code for the
/// fields read so far (the reader was over 40 KB of wasm). Lists stop at the first problem.
struct Problems(RefCell<Option<Error>>);

impl Problems {
    fn fail(&self, e: Error) {
        let mut first = self.0.borrow_mut();
        if first.is_none() {
            *first = Some(e);
        }
    }
    fn any(&self) -> bool {
        self.0.borrow().is_some()
    }
}

/// Stands in for a missing field or a non-object, so reading goes on after a problem.
static NULL: Json = Json::Null;
static NO_FIELDS: Map = Map::EMPTY;

/// One JSON object being read: fields are taken one by one, and `done` rejects the rest
/// (a typo must not silently drop data).
struct Obj<'a, 'p> {
    map: &'a Map,
    path: Path<'p>,
    errs: &'p Problems,
    /// Field names read so far (no object in the schema has more than 16).
    taken: [&'static str; 16],
    n_taken: usize,
}

impl<'a, 'p> Obj<'a, 'p> {
    fn new(v: &'a Json, path: Path<'p>, errs: &'p Problems) -> Obj<'a, 'p> {
        let map = match v {
            Json::Object(map) => map,
            other => {
                errs.fail(shape(&path, format!("expected an object, got {}", kind_of(other))));
                &NO_FIELDS
            }
        };
        Obj { map, path, errs, taken: [""; 16], n_taken: 0 }
    }
    fn at(&self, key: &'static str) -> Path<'_> {
        Path::Key(&self.path, key)
    }
    fn take(&mut self, key: &'static str) {
        self.taken[self.n_taken] = key;
        self.n_taken += 1;
    }
    /// The field, or None when absent or null.
    fn opt(&mut self, key: &'static str) -> Option<&'a Json> {
        self.take(key);
        self.map.get(key).filter(|v| !v.is_null())
    }
    fn req(&mut self, key: &'static str) -> &'a Json {
        self.take(key);
        self.map.get(key).unwrap_or_else(|| {
            self.errs.fail(shape(&self.path, format!("missing field `{key}`")));
            &NULL
        })
    }
    fn string(&mut self, key: &'static str) -> String {
        let v = self.req(key);
        as_string(v, &self.at(key), self.errs)
    }
    fn opt_string(&mut self, key: &'static str) -> Option<String> {
        let v = self.opt(key)?;
        Some(as_string(v, &self.at(key), self.errs))
    }
    fn number(&mut self, key: &'static str) -> f64 {
        let v = self.req(key);
        as_number(v, &self.at(key), self.errs)
    }
    fn text(&mut self, key: &'static str) -> Text {
        let v = self.req(key);
        read_text(v, &self.at(key), self.errs)
    }
    fn opt_text(&mut self, key: &'static str) -> Option<Text> {
        let v = self.opt(key)?;
        Some(read_text(v, &self.at(key), self.errs))
    }
    fn strings(&mut self, key: &'static str) -> Vec<String> {
        match self.opt(key) {
            None => Vec::new(),
            Some(v) => list(v, &self.at(key), self.errs, as_string),
        }
    }
    fn list<T>(&mut self, key: &'static str, item: impl Fn(&Json, &Path, &Problems) -> T) -> Vec<T> {
        let v = self.req(key);
        list(v, &self.at(key), self.errs, item)
    }
    fn one_of<T: Copy>(&mut self, key: &'static str, options: &[(&str, T)]) -> T {
        let v = self.req(key);
        one_of(v, &self.at(key), self.errs, options)
    }
    fn opt_one_of<T: Copy>(&mut self, key: &'static str, options: &[(&str, T)]) -> Option<T> {
        let v = self.opt(key)?;
        Some(one_of(v, &self.at(key), self.errs, options))
    }
    fn done(self) {
        let taken = &self.taken[..self.n_taken];
        if let Some(k) = self.map.keys().find(|k| !taken.contains(&k.as_str())) {
            self.errs.fail(shape(
                &self.path,
                format!(
                    "unknown field `{}`, expected one of {}",
                    crate::select::clip(k),
                    crate::text::join(taken, ", ")
                ),
            ));
        }
    }
}

fn as_string(v: &Json, path: &Path, errs: &Problems) -> String {
    match v.as_str() {
        Some(s) => s.to_string(),
        None => {
            errs.fail(shape(path, format!("expected a string, got {}", kind_of(v))));
            String::new()
        }
    }
}

fn as_number(v: &Json, path: &Path, errs: &Problems) -> f64 {
    v.as_f64().unwrap_or_else(|| {
        errs.fail(shape(path, format!("expected a number, got {}", kind_of(v))));
        0.0
    })
}

fn list<T>(v: &Json, path: &Path, errs: &Problems, item: impl Fn(&Json, &Path, &Problems) -> T) -> Vec<T> {
    let Json::Array(items) = v else {
        errs.fail(shape(path, format!("expected an array, got {}", kind_of(v))));
        return Vec::new();
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, x) in items.iter().enumerate() {
        if errs.any() {
            break;
        }
        out.push(item(x, &Path::Index(path, i), errs));
    }
    out
}

fn read_text(v: &Json, path: &Path, errs: &Problems) -> Text {
    let mut o = Obj::new(v, *path, errs);
    let t = Text { zh: o.string("zh"), en: o.string("en") };
    o.done();
    t
}

fn one_of<T: Copy>(v: &Json, path: &Path, errs: &Problems, options: &[(&str, T)]) -> T {
    let s = as_string(v, path, errs);
    match options.iter().find(|(name, _)| *name == s) {
        Some(&(_, t)) => t,
        None => {
            if !errs.any() {
                let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
                errs.fail(shape(
                    path,
                    format!(
                        "unknown variant `{}`, expected one of {}",
                        crate::select::clip(&s),
                        crate::text::join(&names, ", ")
                    ),
                ));
            }
            options[0].1
        }
    }
}

#[inline(never)]
fn source(v: &Json, path: &Path, errs: &Problems) -> Source {
    let mut o = Obj::new(v, *path, errs);
    let s = Source { doc: o.string("doc"), quote: o.string("quote") };
    o.done();
    s
}

fn document(v: &Json, path: &Path, errs: &Problems) -> Document {
    let mut o = Obj::new(v, *path, errs);
    let d = Document {
        doc: o.string("doc"),
        title: o.text("title"),
        date: o.string("date"),
        publisher: o.text("publisher"),
        url: o.opt_string("url"),
    };
    o.done();
    d
}

fn region(v: &Json, path: &Path, errs: &Problems) -> Region {
    let mut o = Obj::new(v, *path, errs);
    let r = Region { id: o.string("id"), name: o.text("name"), parent: o.opt_string("parent") };
    o.done();
    r
}

fn topic(v: &Json, path: &Path, errs: &Problems) -> Topic {
    let mut o = Obj::new(v, *path, errs);
    let t = Topic { id: o.string("id"), name: o.text("name") };
    o.done();
    t
}

fn unit(v: &Json, path: &Path, errs: &Problems) -> Unit {
    let mut o = Obj::new(v, *path, errs);
    let u =
        Unit { id: o.string("id"), name: o.text("name"), dimension: o.string("dimension"), factor: o.number("factor") };
    o.done();
    u
}

fn indicator(v: &Json, path: &Path, errs: &Problems) -> Indicator {
    let mut o = Obj::new(v, *path, errs);
    let i = Indicator { id: o.string("id"), topic: o.string("topic"), name: o.text("name") };
    o.done();
    i
}

fn value(v: &Json, path: &Path, errs: &Problems) -> Value {
    let mut o = Obj::new(v, *path, errs);
    let id = o.string("id");
    let indicator = o.string("indicator");
    let region = o.string("region");
    let period = o.string("period");
    let period_text = o.opt_text("period_text");
    let kind = o.one_of("kind", &KINDS);
    let target_kind = o.opt_one_of("target_kind", &KINDS);
    let bound = o.opt_one_of("bound", &BOUNDS).unwrap_or(Bound::Exact);
    let number = o.number("value");
    let printed = o.opt_string("printed");
    let unit = o.string("unit");
    let subject = o.opt_text("subject");
    let note = o.opt_text("note");
    let src = source(o.req("source"), &o.at("source"), errs);
    o.done();
    Value {
        id,
        indicator,
        region,
        period,
        period_text,
        kind,
        target_kind,
        bound,
        value: number,
        printed,
        unit,
        subject,
        note,
        source: src,
    }
}

fn group(v: &Json, path: &Path, errs: &Problems) -> Group {
    let mut o = Obj::new(v, *path, errs);
    let g = Group {
        id: o.string("id"),
        name: o.text("name"),
        whole: o.string("whole"),
        parts: o.list("parts", as_string),
        tolerance: o.opt("tolerance").map(|t| as_number(t, &Path::Key(path, "tolerance"), errs)),
    };
    o.done();
    g
}

fn target(v: &Json, path: &Path, errs: &Problems) -> TargetPair {
    let mut o = Obj::new(v, *path, errs);
    let t =
        TargetPair { id: o.string("id"), name: o.text("name"), actual: o.string("actual"), target: o.string("target") };
    o.done();
    t
}

fn milestone(v: &Json, path: &Path, errs: &Problems) -> Milestone {
    let mut o = Obj::new(v, *path, errs);
    let id = o.string("id");
    let region = o.string("region");
    let year = o.req("year");
    let year = match year.as_u64().filter(|y| *y <= u16::MAX as u64) {
        Some(y) => y as u16,
        None => {
            errs.fail(shape(&o.at("year"), format!("expected a year (a whole number), got {}", kind_of(year))));
            0
        }
    };
    let m =
        Milestone { id, region, year, text: o.text("text"), source: source(o.req("source"), &o.at("source"), errs) };
    o.done();
    m
}

fn view(v: &Json, path: &Path, errs: &Problems) -> ViewDef {
    let mut o = Obj::new(v, *path, errs);
    let id = o.string("id");
    let region = o.string("region");
    let topic = o.string("topic");
    let title = o.text("title");
    let chart = o.one_of("chart", &ChartKind::ALL.map(|c| (c.id(), c)));
    let values = o.strings("values");
    let series = o.opt_one_of("series", &SERIES);
    let group = o.opt_string("group");
    let targets = o.strings("targets");
    let milestones = o.strings("milestones");
    o.done();
    ViewDef { id, region, topic, title, chart, values, series, group, targets, milestones }
}

/// The whole dataset object.
pub(super) fn dataset(v: &Json) -> Result<RawDataset> {
    let errs = Problems(RefCell::new(None));
    let mut o = Obj::new(v, Path::Root, &errs);
    let raw = RawDataset {
        schema: o.string("schema"),
        documents: o.list("documents", document),
        regions: o.list("regions", region),
        topics: o.list("topics", topic),
        units: o.list("units", unit),
        indicators: o.list("indicators", indicator),
        values: o.list("values", value),
        groups: o.list("groups", group),
        targets: o.list("targets", target),
        milestones: o.list("milestones", milestone),
        views: o.list("views", view),
    };
    o.done();
    match errs.0.into_inner() {
        Some(e) => Err(e),
        None => Ok(raw),
    }
}
