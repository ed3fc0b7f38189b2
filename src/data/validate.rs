//! Validation of a parsed dataset. Each check names the JSON path of the offending field,
//! so a host developer can find the problem in their own file.

use crate::i18n::shortest;
use super::*;

/// Labels longer than this are a mistake (or an attack on the layout); the longest real one is
/// well under 100 characters.
const MAX_LABEL_CHARS: usize = 400;
const MAX_QUOTE_CHARS: usize = 300;

fn err(at: At, message: String) -> Error {
    Error::new("invalid_dataset", at.render(), message)
}

/// Where a check looks (`values[12].source.doc`), rendered only when the check fails: a valid
/// dataset builds no path strings, and each check site is a few constants, not a `format!`.
#[derive(Clone, Copy)]
struct At<'a> {
    table: &'static str,
    row: usize,
    field: &'a str,
    item: Option<usize>,
    sub: &'static str,
}

impl<'a> At<'a> {
    fn row(table: &'static str, row: usize) -> At<'a> {
        At { table, row, field: "", item: None, sub: "" }
    }
    fn f(self, field: &'a str) -> At<'a> {
        At { field, ..self }
    }
    fn item(self, j: usize) -> At<'a> {
        At { item: Some(j), ..self }
    }
    fn sub(self, sub: &'static str) -> At<'a> {
        At { sub, ..self }
    }
    fn render(self) -> String {
        let mut s = format!("{}[{}]", self.table, self.row);
        if !self.field.is_empty() {
            s.push('.');
            s.push_str(self.field);
        }
        if let Some(j) = self.item {
            s.push_str(&format!("[{j}]"));
        }
        if !self.sub.is_empty() {
            s.push('.');
            s.push_str(self.sub);
        }
        s
    }
}


fn index_ids(name: &'static str, ids: &[&str]) -> Result<Ids> {
    let index = Ids::new(ids);
    let duplicate = index.first_duplicate();
    // The first problem in row order: a malformed id or a repeated one.
    for (i, &id) in ids.iter().enumerate() {
        if let Some((first, _)) = duplicate.filter(|&(_, later)| later == i) {
            return Err(Error::new(
                "duplicate_id",
                At::row(name, i).f("id").render(),
                format!("duplicate id '{id}' (first used at {name}[{first}])"),
            ));
        }
        check_id(At::row(name, i).f("id"), id)?;
    }
    Ok(index)
}

fn ids_of<T>(rows: &[T], id: impl Fn(&T) -> &String) -> Vec<&str> {
    rows.iter().map(|r| id(r).as_str()).collect()
}

pub(super) fn build_index(raw: &RawDataset) -> Result<Index> {
    Ok(Index {
        documents: index_ids("documents", &ids_of(&raw.documents, |d| &d.doc))?,
        regions: index_ids("regions", &ids_of(&raw.regions, |d| &d.id))?,
        topics: index_ids("topics", &ids_of(&raw.topics, |d| &d.id))?,
        units: index_ids("units", &ids_of(&raw.units, |d| &d.id))?,
        indicators: index_ids("indicators", &ids_of(&raw.indicators, |d| &d.id))?,
        values: index_ids("values", &ids_of(&raw.values, |d| &d.id))?,
        groups: index_ids("groups", &ids_of(&raw.groups, |d| &d.id))?,
        targets: index_ids("targets", &ids_of(&raw.targets, |d| &d.id))?,
        milestones: index_ids("milestones", &ids_of(&raw.milestones, |d| &d.id))?,
    })
}

fn check_id(at: At, id: &str) -> Result<()> {
    check_string(at, id, 120)
}

/// Non-empty, bounded, and free of control characters (they break layout and CSV).
fn check_string(at: At, s: &str, max_chars: usize) -> Result<()> {
    if s.trim().is_empty() {
        return Err(err(at, "empty".into()));
    }
    let n = s.chars().count();
    if n > max_chars {
        return Err(err(at, format!("too long ({n} characters; at most {max_chars})")));
    }
    // Bidi overrides (not isolates) can make a label read as something else: spoofing.
    if let Some(c) = s.chars().find(|c| c.is_control() || matches!(c, '\u{202A}'..='\u{202E}')) {
        return Err(err(at, format!("contains control character U+{:04X}", c as u32)));
    }
    Ok(())
}

fn check_text(at: At, t: &Text) -> Result<()> {
    check_string(at.sub("zh"), &t.zh, MAX_LABEL_CHARS)?;
    check_string(at.sub("en"), &t.en, MAX_LABEL_CHARS)
}

fn check_ref(at: At, id: &str, map: &Ids, what: &str) -> Result<usize> {
    map.get(id).ok_or_else(|| Error::new("dangling_reference", at.render(), format!("unknown {what} '{id}'")))
}

fn check_source(at: At, s: &Source, idx: &Index) -> Result<()> {
    check_ref(at.sub("doc"), &s.doc, &idx.documents, "document")?;
    check_string(at.sub("quote"), &s.quote, MAX_QUOTE_CHARS)
}

fn check_date(at: At, date: &str) -> Result<()> {
    // Byte slicing below needs ASCII (a multibyte character would split and panic).
    let ok = date.is_ascii() && match date.len() {
        4 => Period::parse(date).is_some(),
        7 => Period::parse(date).is_some_and(|p| matches!(p, Period::Month(..))),
        10 => match Period::parse(&date[..7]) {
            Some(Period::Month(y, m)) => {
                date.as_bytes()[7] == b'-'
                    && date[8..].bytes().all(|c| c.is_ascii_digit())
                    && date[8..].parse::<u8>().is_ok_and(|d| (1..=days_in_month(y, m)).contains(&d))
            }
            _ => false,
        },
        _ => false,
    };
    if ok { Ok(()) } else { Err(err(at, format!("date '{date}' is not YYYY, YYYY-MM or YYYY-MM-DD"))) }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Runs every check; returns the parsed periods of `values` in order.
pub(super) fn validate(raw: &RawDataset, idx: &Index) -> Result<Vec<Period>> {
    if raw.schema != SCHEMA {
        return Err(Error::new("invalid_dataset", "schema", format!("expected '{SCHEMA}', found '{}'", raw.schema)));
    }
    for (name, len) in [("documents", raw.documents.len()), ("regions", raw.regions.len()), ("topics", raw.topics.len()), ("units", raw.units.len()), ("indicators", raw.indicators.len()), ("values", raw.values.len())] {
        if len == 0 {
            return Err(Error::new("invalid_dataset", name, "must not be empty"));
        }
    }
    for (i, d) in raw.documents.iter().enumerate() {
        let p = At::row("documents", i);
        check_text(p.f("title"), &d.title)?;
        check_text(p.f("publisher"), &d.publisher)?;
        check_date(p.f("date"), &d.date)?;
        if let Some(url) = &d.url {
            if !(url.starts_with("https://") || url.starts_with("http://")) || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
                return Err(err(p.f("url"), format!("'{url}' is not an http(s) URL")));
            }
        }
    }
    for (i, r) in raw.regions.iter().enumerate() {
        check_text(At::row("regions", i).f("name"), &r.name)?;
        if let Some(parent) = &r.parent {
            check_ref(At::row("regions", i).f("parent"), parent, &idx.regions, "region")?;
        }
    }
    for (i, t) in raw.topics.iter().enumerate() {
        check_text(At::row("topics", i).f("name"), &t.name)?;
    }
    for (i, u) in raw.units.iter().enumerate() {
        check_text(At::row("units", i).f("name"), &u.name)?;
        check_string(At::row("units", i).f("dimension"), &u.dimension, 40)?;
        if !(u.factor.is_finite() && u.factor > 0.0) {
            return Err(err(At::row("units", i).f("factor"), format!("must be a positive number, found {}", shortest(u.factor))));
        }
    }
    for (i, ind) in raw.indicators.iter().enumerate() {
        check_text(At::row("indicators", i).f("name"), &ind.name)?;
        check_ref(At::row("indicators", i).f("topic"), &ind.topic, &idx.topics, "topic")?;
    }
    let mut periods = Vec::with_capacity(raw.values.len());
    for (i, v) in raw.values.iter().enumerate() {
        let p = At::row("values", i);
        check_ref(p.f("indicator"), &v.indicator, &idx.indicators, "indicator")?;
        check_ref(p.f("region"), &v.region, &idx.regions, "region")?;
        check_ref(p.f("unit"), &v.unit, &idx.units, "unit")?;
        let period = Period::parse(&v.period).ok_or_else(|| {
            err(p.f("period"), format!("'{}' is not a period (YYYY, YYYYH1, YYYYQ1, YYYY-MM or YYYY-YYYY)", v.period))
        })?;
        periods.push(period);
        if !v.value.is_finite() {
            return Err(err(p.f("value"), format!("must be a finite number, found {}", shortest(v.value))));
        }
        if v.value.abs() > 1e15 {
            return Err(err(p.f("value"), format!("{} is out of range (|value| ≤ 1e15)", crate::series::show(v.value))));
        }
        match (v.kind, v.target_kind) {
            (Kind::Target, None) => return Err(err(p.f("target_kind"), "required when kind is 'target'".into())),
            (Kind::Target, Some(Kind::Target)) => return Err(err(p.f("target_kind"), "a target cannot be of a target".into())),
            (k, Some(_)) if k != Kind::Target => return Err(err(p.f("target_kind"), "only allowed when kind is 'target'".into())),
            _ => {}
        }
        if let Some(printed) = &v.printed {
            check_string(p.f("printed"), printed, 40)?;
        }
        if let Some(s) = &v.subject {
            check_text(p.f("subject"), s)?;
        }
        if let Some(n) = &v.note {
            check_text(p.f("note"), n)?;
        }
        check_source(p.f("source"), &v.source, idx)?;
    }
    let unit_of = |vi: usize| &raw.units[idx.units.get(&raw.values[vi].unit).unwrap_or(0)];
    for (i, g) in raw.groups.iter().enumerate() {
        let p = At::row("groups", i);
        check_text(p.f("name"), &g.name)?;
        let w = check_ref(p.f("whole"), &g.whole, &idx.values, "value")?;
        if g.parts.len() < 2 {
            return Err(err(p.f("parts"), "a composition needs at least two parts".into()));
        }
        let whole = &raw.values[w];
        let mut sum = 0.0;
        for (j, part) in g.parts.iter().enumerate() {
            let pi = check_ref(p.f("parts").item(j), part, &idx.values, "value")?;
            let pv = &raw.values[pi];
            if pv.unit != whole.unit || pv.kind != whole.kind || periods[pi] != periods[w] {
                return Err(err(
                    p.f("parts").item(j),
                    format!("'{part}' ({} {} {}) does not match the whole ({} {} {})", pv.period, pv.unit, Kind::id(pv.kind), whole.period, whole.unit, Kind::id(whole.kind)),
                ));
            }
            if pv.value < 0.0 {
                return Err(err(p.f("parts").item(j), format!("'{part}' is negative ({}); shares need non-negative parts", shortest(pv.value))));
            }
            sum += pv.value;
        }
        let tol = match g.tolerance {
            Some(t) if !(t.is_finite() && t >= 0.0) => return Err(err(p.f("tolerance"), format!("must be ≥ 0, found {}", shortest(t)))),
            Some(t) => t,
            None => whole.value.abs() * 0.005,
        };
        if (sum - whole.value).abs() > tol + 1e-9 {
            return Err(Error::new(
                "parts_do_not_add_up",
                p.render(),
                format!("parts sum to {}, whole is {}", shortest((sum * 1e6).round() / 1e6), shortest(whole.value)),
            ));
        }
    }
    for (i, t) in raw.targets.iter().enumerate() {
        let p = At::row("targets", i);
        check_text(p.f("name"), &t.name)?;
        let a = check_ref(p.f("actual"), &t.actual, &idx.values, "value")?;
        let g = check_ref(p.f("target"), &t.target, &idx.values, "value")?;
        if unit_of(a).dimension != unit_of(g).dimension {
            return Err(err(p.f("target"), format!("unit '{}' cannot be compared with the actual's '{}'", raw.values[g].unit, raw.values[a].unit)));
        }
    }
    for (i, m) in raw.milestones.iter().enumerate() {
        let p = At::row("milestones", i);
        check_ref(p.f("region"), &m.region, &idx.regions, "region")?;
        if !(1900..=2100).contains(&m.year) {
            return Err(err(p.f("year"), format!("{} is not a year between 1900 and 2100", m.year)));
        }
        check_text(p.f("text"), &m.text)?;
        check_source(p.f("source"), &m.source, idx)?;
    }
    let duplicate_view = Ids::new(&ids_of(&raw.views, |v| &v.id)).first_duplicate();
    for (i, v) in raw.views.iter().enumerate() {
        let p = At::row("views", i);
        check_id(p.f("id"), &v.id)?;
        if duplicate_view.is_some_and(|(_, later)| later == i) {
            return Err(Error::new("duplicate_id", p.f("id").render(), format!("duplicate id '{}'", v.id)));
        }
        check_text(p.f("title"), &v.title)?;
        check_ref(p.f("region"), &v.region, &idx.regions, "region")?;
        check_ref(p.f("topic"), &v.topic, &idx.topics, "topic")?;
        let mut dims: Vec<&str> = Vec::new();
        for (j, id) in v.values.iter().enumerate() {
            let vi = check_ref(p.f("values").item(j), id, &idx.values, "value")?;
            let d = unit_of(vi).dimension.as_str();
            if !dims.contains(&d) {
                dims.push(d);
            }
        }
        for (j, id) in v.targets.iter().enumerate() {
            check_ref(p.f("targets").item(j), id, &idx.targets, "target pair")?;
        }
        for (j, id) in v.milestones.iter().enumerate() {
            check_ref(p.f("milestones").item(j), id, &idx.milestones, "milestone")?;
        }
        if let Some(g) = &v.group {
            check_ref(p.f("group"), g, &idx.groups, "group")?;
        }
        let needs = |ok: bool, field: &str| -> Result<()> {
            if ok { Ok(()) } else { Err(err(p.f(field), format!("a '{}' view needs {field}", v.chart.id()))) }
        };
        match v.chart {
            ChartKind::Bar | ChartKind::GroupedBar | ChartKind::Line => {
                needs(!v.values.is_empty(), "values")?;
                if dims.len() > 1 {
                    return Err(err(p.f("values"), format!("values mix units of different kinds ({}); one chart axis cannot show them", dims.join(", "))));
                }
                if v.chart != ChartKind::Bar {
                    needs(v.series.is_some(), "series")?;
                }
            }
            ChartKind::Composition => needs(v.group.is_some(), "group")?,
            ChartKind::Bullet => needs(!v.targets.is_empty(), "targets")?,
            ChartKind::Timeline => needs(!v.milestones.is_empty(), "milestones")?,
        }
    }
    Ok(periods)
}

#[cfg(test)]
mod tests {
    use super::At;

    #[test]
    fn paths_render_like_json_paths() {
        assert_eq!(At::row("groups", 0).render(), "groups[0]");
        assert_eq!(At::row("values", 12).f("source").sub("doc").render(), "values[12].source.doc");
        assert_eq!(At::row("groups", 3).f("parts").item(1).render(), "groups[3].parts[1]");
        assert_eq!(At::row("regions", 1).f("name").sub("zh").render(), "regions[1].name.zh");
    }
}
