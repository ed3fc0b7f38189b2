//! Validation of a parsed dataset. Each check names the JSON path of the offending field,
//! so a host developer can find the problem in their own file.

use super::path::Path;
use super::*;
use crate::i18n::shortest;

/// Labels longer than this are a mistake (or an attack on the layout); the longest real one is
/// well under 100 characters.
const MAX_LABEL_CHARS: usize = 400;
const MAX_QUOTE_CHARS: usize = 300;
/// Unit factors from a milligram-sized unit to a 10^15-fold one: the real ones span 0.001
/// (公斤 in tonnes) to 10^12 (万亿元). Beyond that the axis arithmetic (value × factor ÷ scale)
/// leaves the range where f64 keeps its meaning.
const FACTOR_RANGE: (f64, f64) = (1e-12, 1e15);
/// |value × factor| in base units (yuan, tonnes…): a billion times the world's GDP in yuan.
const MAX_BASE: f64 = 1e24;
/// A group's tolerance is at most this share of its whole: parts that are off by more are not
/// a composition of that whole, whatever the dataset says.
const MAX_TOLERANCE_SHARE: f64 = 0.1;
/// Actual ÷ target beyond this prints as an absurd percentage; no real target is missed or beaten
/// by a factor of a million.
const MAX_PROGRESS: f64 = 1e6;

fn err(at: &Path, message: String) -> Error {
    Error::new("invalid_dataset", at.render(), message)
}

fn index_ids(name: &'static str, ids: &[&str]) -> Result<Ids> {
    let index = Ids::new(ids);
    let duplicate = index.first_duplicate();
    // The first problem in row order: a malformed id or a repeated one.
    for (i, &id) in ids.iter().enumerate() {
        if let Some((first, _)) = duplicate.filter(|&(_, later)| later == i) {
            return Err(Error::new(
                "duplicate_id",
                Path::table(name).index(i).key("id").render(),
                format!("duplicate id '{id}' (first used at {name}[{first}])"),
            ));
        }
        check_id(&Path::table(name).index(i).key("id"), id)?;
    }
    Ok(index)
}

fn ids_of<T>(rows: &[T], id: impl Fn(&T) -> &String) -> Vec<&str> {
    rows.iter().map(|r| id(r).as_str()).collect()
}

/// The index of a dataset validated when it was packed (the embedded one): the same tables,
/// without the id checks, whose messages and duplicate search the one-chart wasm then
/// leaves out (0.5 KB gzip).
pub(super) fn index_of(raw: &RawDataset) -> Index {
    Index {
        documents: Ids::new(&ids_of(&raw.documents, |d| &d.doc)),
        regions: Ids::new(&ids_of(&raw.regions, |d| &d.id)),
        topics: Ids::new(&ids_of(&raw.topics, |d| &d.id)),
        units: Ids::new(&ids_of(&raw.units, |d| &d.id)),
        indicators: Ids::new(&ids_of(&raw.indicators, |d| &d.id)),
        values: Ids::new(&ids_of(&raw.values, |d| &d.id)),
        groups: Ids::new(&ids_of(&raw.groups, |d| &d.id)),
        targets: Ids::new(&ids_of(&raw.targets, |d| &d.id)),
        milestones: Ids::new(&ids_of(&raw.milestones, |d| &d.id)),
    }
}

pub(super) fn build_index(raw: &RawDataset) -> Result<Index> {
    // The first problem is kept and the other tables are still indexed: a `?` per table had
    // its own copy of the drop code for the tables before it (36 drops, ~3 KB of wasm).
    let mut first = None;
    let mut ids = |name: &'static str, ids: Vec<&str>| {
        index_ids(name, &ids).unwrap_or_else(|e| {
            first.get_or_insert(e);
            Ids::default()
        })
    };
    let index = Index {
        documents: ids("documents", ids_of(&raw.documents, |d| &d.doc)),
        regions: ids("regions", ids_of(&raw.regions, |d| &d.id)),
        topics: ids("topics", ids_of(&raw.topics, |d| &d.id)),
        units: ids("units", ids_of(&raw.units, |d| &d.id)),
        indicators: ids("indicators", ids_of(&raw.indicators, |d| &d.id)),
        values: ids("values", ids_of(&raw.values, |d| &d.id)),
        groups: ids("groups", ids_of(&raw.groups, |d| &d.id)),
        targets: ids("targets", ids_of(&raw.targets, |d| &d.id)),
        milestones: ids("milestones", ids_of(&raw.milestones, |d| &d.id)),
    };
    match first {
        Some(e) => Err(e),
        None => Ok(index),
    }
}

fn check_id(at: &Path, id: &str) -> Result<()> {
    check_string(at, id, 120)
}

/// Non-empty, bounded, and free of control characters (they break layout and CSV).
fn check_string(at: &Path, s: &str, max_chars: usize) -> Result<()> {
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
    check_xml_chars(at, s)
}

/// U+FFFE and U+FFFF are valid JSON but outside XML's Char range: an SVG export carrying one
/// is not XML at all. (The C0 controls are refused above; Rust strings hold no lone surrogates.)
fn check_xml_chars(at: &Path, s: &str) -> Result<()> {
    match s.chars().find(|c| matches!(c, '\u{FFFE}' | '\u{FFFF}')) {
        Some(c) => {
            Err(err(at, format!("contains U+{:04X}, which is not a character (XML and SVG cannot carry it)", c as u32)))
        }
        None => Ok(()),
    }
}

fn check_text(at: &Path, t: &Text) -> Result<()> {
    check_string(&at.key("zh"), &t.zh, MAX_LABEL_CHARS)?;
    check_string(&at.key("en"), &t.en, MAX_LABEL_CHARS)
}

fn check_ref(at: &Path, id: &str, map: &Ids, what: &str) -> Result<usize> {
    map.get(id).ok_or_else(|| Error::new("dangling_reference", at.render(), format!("unknown {what} '{id}'")))
}

fn check_source(at: &Path, s: &Source, idx: &Index) -> Result<()> {
    check_ref(&at.key("doc"), &s.doc, &idx.documents, "document")?;
    check_string(&at.key("quote"), &s.quote, MAX_QUOTE_CHARS)
}

fn check_date(at: &Path, date: &str) -> Result<()> {
    // Byte slicing below needs ASCII (a multibyte character would split and panic).
    let ok = date.is_ascii()
        && match date.len() {
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
    if ok {
        Ok(())
    } else {
        Err(err(at, format!("date '{date}' is not YYYY, YYYY-MM or YYYY-MM-DD")))
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
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
    for (name, len) in [
        ("documents", raw.documents.len()),
        ("regions", raw.regions.len()),
        ("topics", raw.topics.len()),
        ("units", raw.units.len()),
        ("indicators", raw.indicators.len()),
        ("values", raw.values.len()),
    ] {
        if len == 0 {
            return Err(Error::new("invalid_dataset", name, "must not be empty"));
        }
    }
    for (i, d) in raw.documents.iter().enumerate() {
        let table = Path::table("documents");
        let p = table.index(i);
        check_text(&p.key("title"), &d.title)?;
        check_text(&p.key("publisher"), &d.publisher)?;
        check_date(&p.key("date"), &d.date)?;
        if let Some(url) = &d.url {
            if !(url.starts_with("https://") || url.starts_with("http://"))
                || url.chars().any(|c| c.is_whitespace() || c.is_control())
            {
                return Err(err(&p.key("url"), format!("'{url}' is not an http(s) URL")));
            }
            check_xml_chars(&p.key("url"), url)?;
        }
    }
    for (i, r) in raw.regions.iter().enumerate() {
        check_text(&Path::table("regions").index(i).key("name"), &r.name)?;
        if let Some(parent) = &r.parent {
            check_ref(&Path::table("regions").index(i).key("parent"), parent, &idx.regions, "region")?;
        }
    }
    for (i, t) in raw.topics.iter().enumerate() {
        check_text(&Path::table("topics").index(i).key("name"), &t.name)?;
    }
    for (i, u) in raw.units.iter().enumerate() {
        check_text(&Path::table("units").index(i).key("name"), &u.name)?;
        check_string(&Path::table("units").index(i).key("dimension"), &u.dimension, 40)?;
        if !(u.factor.is_finite() && u.factor > 0.0) {
            return Err(err(
                &Path::table("units").index(i).key("factor"),
                format!("must be a positive number, found {}", shortest(u.factor)),
            ));
        }
        if !(FACTOR_RANGE.0..=FACTOR_RANGE.1).contains(&u.factor) {
            return Err(err(
                &Path::table("units").index(i).key("factor"),
                format!("{} is out of range (1e-12 ≤ factor ≤ 1e15)", crate::series::show(u.factor)),
            ));
        }
    }
    for (i, ind) in raw.indicators.iter().enumerate() {
        check_text(&Path::table("indicators").index(i).key("name"), &ind.name)?;
        check_ref(&Path::table("indicators").index(i).key("topic"), &ind.topic, &idx.topics, "topic")?;
    }
    let mut periods = Vec::with_capacity(raw.values.len());
    for (i, v) in raw.values.iter().enumerate() {
        let table = Path::table("values");
        let p = table.index(i);
        check_ref(&p.key("indicator"), &v.indicator, &idx.indicators, "indicator")?;
        check_ref(&p.key("region"), &v.region, &idx.regions, "region")?;
        check_ref(&p.key("unit"), &v.unit, &idx.units, "unit")?;
        let period = Period::parse(&v.period).ok_or_else(|| {
            err(
                &p.key("period"),
                format!("'{}' is not a period (YYYY, YYYYH1, YYYYQ1, YYYY-MM or YYYY-YYYY)", v.period),
            )
        })?;
        periods.push(period);
        if !v.value.is_finite() {
            return Err(err(&p.key("value"), format!("must be a finite number, found {}", shortest(v.value))));
        }
        if v.value.abs() > 1e15 {
            return Err(err(
                &p.key("value"),
                format!("{} is out of range (|value| ≤ 1e15)", crate::series::show(v.value)),
            ));
        }
        // The number every chart derives from the value: its size in base units.
        if let Some(u) = idx.units.get(&v.unit).map(|u| &raw.units[u]) {
            let base = v.value * u.factor;
            if !(base.is_finite() && base.abs() <= MAX_BASE) {
                return Err(err(
                    &p.key("value"),
                    format!(
                        "{} {} is {} in base units, out of range (at most 1e24)",
                        crate::series::show(v.value),
                        v.unit,
                        crate::series::show(base)
                    ),
                ));
            }
        }
        match (v.kind, v.target_kind) {
            (Kind::Target, None) => return Err(err(&p.key("target_kind"), "required when kind is 'target'".into())),
            (Kind::Target, Some(Kind::Target)) => {
                return Err(err(&p.key("target_kind"), "a target cannot be of a target".into()))
            }
            (k, Some(_)) if k != Kind::Target => {
                return Err(err(&p.key("target_kind"), "only allowed when kind is 'target'".into()))
            }
            _ => {}
        }
        if let Some(printed) = &v.printed {
            check_string(&p.key("printed"), printed, 40)?;
        }
        if let Some(s) = &v.subject {
            check_text(&p.key("subject"), s)?;
        }
        if let Some(n) = &v.note {
            check_text(&p.key("note"), n)?;
        }
        if let Some(t) = &v.period_text {
            check_text(&p.key("period_text"), t)?;
        }
        check_source(&p.key("source"), &v.source, idx)?;
    }
    let unit_of = |vi: usize| &raw.units[idx.units.get(&raw.values[vi].unit).unwrap_or(0)];
    for (i, v) in raw.values.iter().enumerate() {
        if let Some(d) = &v.derived {
            check_derived(raw, idx, i, d)?;
        }
    }
    for (i, g) in raw.groups.iter().enumerate() {
        let table = Path::table("groups");
        let p = table.index(i);
        check_text(&p.key("name"), &g.name)?;
        let w = check_ref(&p.key("whole"), &g.whole, &idx.values, "value")?;
        if g.parts.len() < 2 {
            return Err(err(&p.key("parts"), "a composition needs at least two parts".into()));
        }
        let whole = &raw.values[w];
        let mut sum = 0.0;
        for (j, part) in g.parts.iter().enumerate() {
            let pi = check_ref(&p.key("parts").index(j), part, &idx.values, "value")?;
            let pv = &raw.values[pi];
            if pv.unit != whole.unit || pv.kind != whole.kind || periods[pi] != periods[w] {
                return Err(err(
                    &p.key("parts").index(j),
                    format!(
                        "'{part}' ({} {} {}) does not match the whole ({} {} {})",
                        pv.period,
                        pv.unit,
                        Kind::id(pv.kind),
                        whole.period,
                        whole.unit,
                        Kind::id(whole.kind)
                    ),
                ));
            }
            if pv.value < 0.0 {
                return Err(err(
                    &p.key("parts").index(j),
                    format!("'{part}' is negative ({}); shares need non-negative parts", shortest(pv.value)),
                ));
            }
            sum += pv.value;
        }
        let tol = match g.tolerance {
            Some(t) if !(t.is_finite() && t >= 0.0) => {
                return Err(err(&p.key("tolerance"), format!("must be ≥ 0, found {}", shortest(t))))
            }
            Some(t) if t > whole.value.abs() * MAX_TOLERANCE_SHARE => {
                return Err(err(
                    &p.key("tolerance"),
                    format!(
                        "{} is more than 10% of the whole ({}); parts that far off are not its composition",
                        crate::series::show(t),
                        crate::series::show(whole.value)
                    ),
                ))
            }
            Some(t) => t,
            None => whole.value.abs() * 0.005,
        };
        // Room for float noise in the sum, relative to it: an absolute 1e-9 let parts of 1e-10
        // pass as the whole 1e-300 (a share of 1e290).
        let noise = 16.0 * f64::EPSILON * sum.abs().max(whole.value.abs());
        if (sum - whole.value).abs() > tol + noise {
            return Err(Error::new(
                "parts_do_not_add_up",
                p.render(),
                format!("parts sum to {}, whole is {}", shortest((sum * 1e6).round() / 1e6), shortest(whole.value)),
            ));
        }
    }
    for (i, t) in raw.targets.iter().enumerate() {
        let table = Path::table("targets");
        let p = table.index(i);
        check_text(&p.key("name"), &t.name)?;
        let a = check_ref(&p.key("actual"), &t.actual, &idx.values, "value")?;
        let g = check_ref(&p.key("target"), &t.target, &idx.values, "value")?;
        if unit_of(a).dimension != unit_of(g).dimension {
            return Err(err(
                &p.key("target"),
                format!("unit '{}' cannot be compared with the actual's '{}'", raw.values[g].unit, raw.values[a].unit),
            ));
        }
        // The progress the bullet chart prints (actual ÷ target, in base units).
        let (av, tv) = (raw.values[a].value * unit_of(a).factor, raw.values[g].value * unit_of(g).factor);
        if tv > 0.0 && av.is_finite() && (av / tv).abs() > MAX_PROGRESS {
            return Err(err(
                &p.key("target"),
                format!(
                    "the actual is {} times the target; progress beyond a million times is not a target",
                    crate::series::show(av / tv)
                ),
            ));
        }
    }
    for (i, m) in raw.milestones.iter().enumerate() {
        let table = Path::table("milestones");
        let p = table.index(i);
        check_ref(&p.key("region"), &m.region, &idx.regions, "region")?;
        if !(1900..=2100).contains(&m.year) {
            return Err(err(&p.key("year"), format!("{} is not a year between 1900 and 2100", m.year)));
        }
        check_text(&p.key("text"), &m.text)?;
        check_source(&p.key("source"), &m.source, idx)?;
    }
    let duplicate_view = Ids::new(&ids_of(&raw.views, |v| &v.id)).first_duplicate();
    for (i, v) in raw.views.iter().enumerate() {
        let table = Path::table("views");
        let p = table.index(i);
        check_id(&p.key("id"), &v.id)?;
        if duplicate_view.is_some_and(|(_, later)| later == i) {
            return Err(Error::new("duplicate_id", p.key("id").render(), format!("duplicate id '{}'", v.id)));
        }
        check_text(&p.key("title"), &v.title)?;
        check_ref(&p.key("region"), &v.region, &idx.regions, "region")?;
        check_ref(&p.key("topic"), &v.topic, &idx.topics, "topic")?;
        let mut dims: Vec<&str> = Vec::new();
        for (j, id) in v.values.iter().enumerate() {
            let vi = check_ref(&p.key("values").index(j), id, &idx.values, "value")?;
            let d = unit_of(vi).dimension.as_str();
            if !dims.contains(&d) {
                dims.push(d);
            }
        }
        for (j, id) in v.targets.iter().enumerate() {
            check_ref(&p.key("targets").index(j), id, &idx.targets, "target pair")?;
        }
        for (j, id) in v.milestones.iter().enumerate() {
            check_ref(&p.key("milestones").index(j), id, &idx.milestones, "milestone")?;
        }
        if let Some(g) = &v.group {
            check_ref(&p.key("group"), g, &idx.groups, "group")?;
        }
        let needs = |ok: bool, field: &'static str| -> Result<()> {
            if ok {
                Ok(())
            } else {
                Err(err(&p.key(field), format!("a '{}' view needs {field}", v.chart.id())))
            }
        };
        match v.chart {
            ChartKind::Bar | ChartKind::GroupedBar | ChartKind::Line => {
                needs(!v.values.is_empty(), "values")?;
                if dims.len() > 1 {
                    return Err(err(
                        &p.key("values"),
                        format!(
                            "values mix units of different kinds ({}); one chart axis cannot show them",
                            crate::text::join(&dims, ", ")
                        ),
                    ));
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

/// A derived value: at least two inputs, each a printed value (not derived itself) in the value's
/// unit (a difference of rates may subtract percentage points from a %), and the value is what
/// they compute, to its own decimals (31 − 26.7 = 4.3).
fn check_derived(raw: &RawDataset, idx: &Index, i: usize, d: &Derived) -> Result<()> {
    let table = Path::table("values");
    let row = table.index(i);
    let p = row.key("derived");
    let inputs = p.key("inputs");
    let v = &raw.values[i];
    if d.inputs.len() < 2 {
        return Err(err(&inputs, "a derived value needs at least two inputs".into()));
    }
    let dim = |u: &str| idx.units.get(u).map(|k| raw.units[k].dimension.as_str()).unwrap_or("");
    let mut computed = 0.0;
    let mut formula = String::new();
    for (j, id) in d.inputs.iter().enumerate() {
        let at = inputs.index(j);
        let x = &raw.values[check_ref(&at, id, &idx.values, "value")?];
        if x.derived.is_some() || x.id == v.id {
            return Err(err(&at, format!("'{id}' is derived itself; inputs are printed values")));
        }
        let unit_ok =
            x.unit == v.unit || (j > 0 && d.op == Op::Difference && dim(&v.unit) == "percent" && dim(&x.unit) == "pp");
        if !unit_ok {
            return Err(err(&at, format!("'{id}' is in {}, the derived value in {}", x.unit, v.unit)));
        }
        let sign = if j > 0 && d.op == Op::Difference { -1.0 } else { 1.0 };
        computed += sign * x.value;
        if j > 0 {
            formula.push_str(if sign < 0.0 { " − " } else { " + " });
        }
        formula.push_str(&shortest(x.value));
    }
    // Half a unit of the value's last printed decimal, plus float noise.
    let text = shortest(v.value);
    let decimals = text.split_once('.').map_or(0, |(_, f)| f.len()) as i32;
    let tolerance = 0.5 * 10f64.powi(-decimals) + 16.0 * f64::EPSILON * computed.abs().max(1.0);
    if (computed - v.value).abs() > tolerance {
        return Err(Error::new(
            "derived_mismatch",
            row.key("value").render(),
            format!(
                "'{}' is {text}, but its inputs give {formula} = {}",
                v.id,
                shortest((computed * 1e9).round() / 1e9)
            ),
        ));
    }
    Ok(())
}
