//! The honest-view rules: what one chart may put side by side. One rule set for the dataset's
//! curated views (a breach is a `dishonest_view` error naming the view), for derived views
//! (only views that pass are derived) and for the chart types a view offers.
//!
//! The rules, in the order they are checked:
//! 1. one unit per value axis: one unit symbol, one kind of figure (an amount, a growth rate,
//!    a share, a count), and a count counts one thing (one indicator: 个 of care centres and 个
//!    of base stations are different units);
//! 2. no nested or overlapping sets as comparable bars: a set is a count, or an amount printed
//!    with the count of what it sums ("797个项目，总投资3846亿元"); two sets of the same region
//!    (or a region and one inside it) and overlapping periods may contain one another, and so may
//!    a set and a member of the same indicator. One indicator of one region over several periods
//!    is a time series, not a nesting, when the view says its series are periods — but not when
//!    its figures tally different things (a running total, a period's new ones, what remains);
//! 3. a target is paired with an actual only of a comparable period (a year with a year, H1 with
//!    H1) that does not come after it, of the same kind of figure;
//! 4. a composition's parts sum to its whole (within the group's tolerance);
//! 5. a line is one indicator of one region (and subject) over ≥ 2 periods of one granularity,
//!    all actuals or all targets; a grouped bar needs ≥ 2 series in one category;
//! 6. a bar or line chart has ≥ 2 marks. The only single-figure views are bullets (one actual
//!    against its target, drawn as one row) and timelines; there is no opt-out field.

use crate::data::{ChartKind, Dataset, Kind, SeriesBy, Value};
use crate::period::Period;

/// The content of a view as the rules see it (the same shape as `views::Content`, borrowed).
pub enum Shown<'a> {
    Values { values: &'a [usize], series: Option<SeriesBy> },
    Group(&'a str),
    Targets(&'a [String]),
    Milestones(&'a [String]),
}

/// More values than a chart can draw readably; also bounds the pairwise checks below.
pub const MAX_VALUES_PER_VIEW: usize = 400;

/// What a value's figure is when it is not a target: a target's own kind is `target_kind`.
pub fn figure_kind(v: &Value) -> Kind {
    match (v.kind, v.target_kind) {
        (Kind::Target, Some(k)) => k,
        (Kind::Target, None) => Kind::Level,
        (k, _) => k,
    }
}

fn kind_word(k: Kind) -> &'static str {
    match k {
        Kind::Level => "amounts",
        Kind::Growth => "growth rates",
        Kind::Share => "shares",
        Kind::Count => "counts",
        Kind::Target => "targets",
    }
}

fn name<'a>(ds: &'a Dataset, v: &'a Value) -> &'a str {
    match &v.subject {
        Some(s) => &s.zh,
        None => ds.indicator(&v.indicator).map(|i| i.name.zh.as_str()).unwrap_or(&v.indicator),
    }
}

/// Rule 1 for two values drawn on one axis.
fn same_axis(ds: &Dataset, a: &Value, b: &Value) -> Result<(), String> {
    let (ka, kb) = (figure_kind(a), figure_kind(b));
    if a.unit != b.unit {
        return Err(format!("mixes units {} and {} on one axis", a.unit, b.unit));
    }
    if ka != kb {
        return Err(format!("mixes {} and {} on one axis ({})", kind_word(ka), kind_word(kb), a.unit));
    }
    if ka == Kind::Count && a.indicator != b.indicator {
        return Err(format!(
            "puts {} of '{}' and {} of '{}' on one axis: they count different things",
            a.unit,
            name(ds, a),
            b.unit,
            name(ds, b)
        ));
    }
    Ok(())
}

/// Which values are sets (rule 2): a count, or an amount printed together with the count of
/// what it sums (same document, region, period and quote, and a subject that starts with the
/// count's: "签约招商引资项目78个，总投资818.4亿元"). Sorted once, not compared pairwise: a host
/// dataset may have thousands of values.
pub fn set_flags(ds: &Dataset) -> Vec<bool> {
    let vals = &ds.raw.values;
    let key = |i: usize| {
        let v = &vals[i];
        (v.region.as_str(), v.period.as_str(), v.source.doc.as_str(), v.source.quote.as_str())
    };
    let order = crate::order::sorted_rows(vals.len(), &mut |a, b| key(a) < key(b));
    let mut flags = vec![false; vals.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && key(order[end] as usize) == key(order[start] as usize) {
            end += 1;
        }
        let run = &order[start..end];
        for &r in run {
            let v = &vals[r as usize];
            flags[r as usize] = figure_kind(v) == Kind::Count
                || run.iter().map(|&c| &vals[c as usize]).any(|c| {
                    figure_kind(c) == Kind::Count
                        && matches!((&c.subject, &v.subject), (Some(cs), Some(vs)) if vs.zh.starts_with(cs.zh.as_str()))
                });
        }
        start = end;
    }
    flags
}

/// The same region, or one inside the other.
pub fn regions_overlap(ds: &Dataset, a: &str, b: &str) -> bool {
    inside(ds, a, b) || inside(ds, b, a)
}

fn inside(ds: &Dataset, inner: &str, outer: &str) -> bool {
    let mut at = inner;
    // Bounded: a host dataset's parents may form a cycle.
    for _ in 0..=ds.raw.regions.len() {
        if at == outer {
            return true;
        }
        match ds.region(at).and_then(|r| r.parent.as_deref()) {
            Some(p) => at = p,
            None => return false,
        }
    }
    false
}

fn periods_overlap(a: Period, b: Period) -> bool {
    let (a, b) = (a.sort_key(), b.sort_key());
    a.0 <= b.1 && b.0 <= a.1
}

/// The same granularity: years with years, first halves with first halves, spans of one length.
pub fn comparable(a: Period, b: Period) -> bool {
    match (a, b) {
        (Period::Year(_), Period::Year(_)) => true,
        (Period::Half(_, x), Period::Half(_, y)) | (Period::Quarter(_, x), Period::Quarter(_, y)) => x == y,
        (Period::Month(_, x), Period::Month(_, y)) => x == y,
        // Jan–Oct with Jan–Oct of another year; not with Jan–Sep.
        #[cfg(feature = "host-data")]
        (Period::Months(_, a0, a1), Period::Months(_, b0, b1))
        | (Period::Quarters(_, a0, a1), Period::Quarters(_, b0, b1)) => (a0, a1) == (b0, b1),
        (Period::Span(a0, a1), Period::Span(b0, b1)) => a1 - a0 == b1 - b0,
        _ => false,
    }
}

/// One granularity along a time axis (any half, any quarter: they are placed in time).
fn same_granularity(a: Period, b: Period) -> bool {
    std::mem::discriminant(&a) == std::mem::discriminant(&b)
        && match (a, b) {
            (Period::Span(a0, a1), Period::Span(b0, b1)) => a1 - a0 == b1 - b0,
            _ => true,
        }
}

fn subject(v: &Value) -> &str {
    v.subject.as_ref().map(|s| s.zh.as_str()).unwrap_or("")
}

/// Rule 2 for two values of one view.
fn nested(ds: &Dataset, sets: &[bool], i: usize, j: usize, series: Option<SeriesBy>) -> Result<(), String> {
    let (a, b) = (ds.value_at(i), ds.value_at(j));
    let (pa, pb) = (ds.periods[i], ds.periods[j]);
    if !regions_overlap(ds, &a.region, &b.region) || !periods_overlap(pa, pb) {
        return Ok(());
    }
    // Two points in time also when the text words one of them ("start year not stated").
    let distinct_times = pa != pb || a.period_text != b.period_text;
    let time_series =
        series == Some(SeriesBy::Period) && a.indicator == b.indicator && a.region == b.region && distinct_times;
    let (sa, sb) = (sets[i], sets[j]);
    let same = a.indicator == b.indicator;
    if time_series || !(sa || sb) || !(same || (sa && sb)) {
        return Ok(());
    }
    if same && a.region == b.region && !distinct_times && subject(a) == subject(b) && a.kind == b.kind {
        return Err(format!("shows '{}' twice ({} and {})", name(ds, a), a.id, b.id));
    }
    Err(format!(
        "sets '{}' ({}) beside '{}' ({}): of one place and time, one may contain the other",
        name(ds, a),
        a.id,
        name(ds, b),
        b.id
    ))
}

/// What a figure tallies, read from the words before its number in its quote (same clause):
/// a running total (累计), what is new in the period (新增, 新建, 再), or what remains (剩余, 尚余).
#[derive(Clone, Copy, PartialEq)]
enum Tally {
    Unmarked,
    Total,
    New,
    Remaining,
}

fn tally(v: &Value) -> Tally {
    let printed = v.printed.clone().unwrap_or_else(|| crate::i18n::shortest(v.value.abs()));
    let q = v.source.quote.as_str();
    let Some(at) = q.find(printed.as_str()) else { return Tally::Unmarked };
    let clause = q[..at].rsplit(['，', '；', '。', ',', ';']).next().unwrap_or("");
    let has = |words: &[&str]| words.iter().any(|w| clause.contains(w));
    if has(&["剩余", "尚余"]) {
        Tally::Remaining
    } else if has(&["累计"]) {
        Tally::Total
    } else if has(&["新增", "新建", "再"]) {
        Tally::New
    } else {
        Tally::Unmarked
    }
}

/// Rule 2 for one indicator's figures: a running total, a period's new figures and what is left
/// are different things, even over time ("再打造40个" in 2025 is not a step to "累计100个" by
/// 2027; 14 projects left are not a fall from 44 in all). Unmarked figures pass beside new
/// ones or totals (most texts say neither), never beside what remains.
fn same_tally(ds: &Dataset, a: &Value, b: &Value) -> Result<(), String> {
    let (ta, tb) = (tally(a), tally(b));
    let marked = |t: Tally| t != Tally::Unmarked;
    let amount = |v: &Value| matches!(figure_kind(v), Kind::Count | Kind::Level);
    if a.indicator != b.indicator || ta == tb || !amount(a) || !amount(b) {
        return Ok(());
    }
    if (marked(ta) && marked(tb)) || ta == Tally::Remaining || tb == Tally::Remaining {
        let word = |t: Tally| match t {
            Tally::Total => "a running total",
            Tally::New => "new in its period",
            Tally::Remaining => "what remains",
            Tally::Unmarked => "a plain figure",
        };
        return Err(format!(
            "sets '{}' ({}, {}) beside ({}, {}): they count different things",
            name(ds, a),
            a.id,
            word(ta),
            b.id,
            word(tb)
        ));
    }
    Ok(())
}

/// Rule 3 for a target pair.
fn pair(ds: &Dataset, actual: usize, target: usize) -> Result<(), String> {
    let (a, t) = (ds.value_at(actual), ds.value_at(target));
    let (pa, pt) = (ds.periods[actual], ds.periods[target]);
    if a.kind == Kind::Target || t.kind != Kind::Target {
        return Err(format!("'{}' against '{}' is not an actual against a target", a.id, t.id));
    }
    if figure_kind(a) != figure_kind(t) {
        return Err(format!(
            "pairs {} ({}) with a target of {} ({})",
            kind_word(figure_kind(a)),
            a.id,
            kind_word(figure_kind(t)),
            t.id
        ));
    }
    if !comparable(pa, pt) || pa.sort_key().0 > pt.sort_key().0 {
        return Err(format!(
            "pairs the {} actual {} with the {} target {}: periods not comparable",
            a.period, a.id, t.period, t.id
        ));
    }
    Ok(())
}

/// Every rule a view's content must pass, whatever chart shows it.
/// `sets`: `set_flags(ds)`.
pub fn check(ds: &Dataset, sets: &[bool], shown: &Shown) -> Result<(), String> {
    match *shown {
        Shown::Values { values, series } => {
            if values.len() > MAX_VALUES_PER_VIEW {
                return Err(format!("shows {} values; one chart shows at most {MAX_VALUES_PER_VIEW}", values.len()));
            }
            let Some(&first) = values.first() else { return Err("shows no values".into()) };
            for &i in values {
                same_axis(ds, ds.value_at(first), ds.value_at(i))?;
            }
            for (k, &i) in values.iter().enumerate() {
                for &j in &values[k + 1..] {
                    nested(ds, sets, i, j, series)?;
                    same_tally(ds, ds.value_at(i), ds.value_at(j))?;
                }
            }
            // A target beside actuals needs one of a comparable period (its pair); side by side
            // by kind, every actual and target are pairs.
            let is_target = |i: &&usize| ds.value_at(**i).kind == Kind::Target;
            for &t in values.iter().filter(is_target) {
                let mut actuals = values.iter().filter(|i| !is_target(i)).peekable();
                if actuals.peek().is_some() && !actuals.any(|&a| pair(ds, a, t).is_ok()) {
                    let a = values.iter().find(|i| !is_target(i)).copied().unwrap_or(t);
                    return pair(ds, a, t);
                }
            }
            if series == Some(SeriesBy::Kind) {
                for &a in values.iter().filter(|&&i| ds.value_at(i).kind != Kind::Target) {
                    for &t in values.iter().filter(|&&i| ds.value_at(i).kind == Kind::Target) {
                        pair(ds, a, t)?;
                    }
                }
            }
            if values.len() < 2 {
                return Err("shows one figure; a bar or line chart needs at least two".into());
            }
            Ok(())
        }
        Shown::Group(g) => {
            let Some(g) = ds.group(g) else { return Err(format!("unknown group '{g}'")) };
            let whole = ds.value(&g.whole).map(|v| v.value).unwrap_or(f64::NAN);
            let sum: f64 = g.parts.iter().filter_map(|p| ds.value(p)).map(|v| v.value).sum();
            let tolerance = g.tolerance.unwrap_or(whole.abs() * 0.005);
            // Written so that NaN (an unknown whole) fails too.
            let adds_up = (sum - whole).abs() <= tolerance + 1e-9;
            if !adds_up {
                // `shortest`, not `{}`: core::fmt's float printing is kilobytes of wasm.
                return Err(format!(
                    "composition '{}': parts sum to {}, whole is {}",
                    g.id,
                    crate::i18n::shortest(sum),
                    crate::i18n::shortest(whole)
                ));
            }
            Ok(())
        }
        Shown::Targets(ts) => {
            if ts.is_empty() {
                return Err("shows no target pairs".into());
            }
            for t in ts {
                let Some(t) = ds.target(t) else { return Err(format!("unknown target pair '{t}'")) };
                let (Some(a), Some(g)) = (ds.value_index(&t.actual), ds.value_index(&t.target)) else {
                    return Err(format!("target pair '{}' names an unknown value", t.id));
                };
                pair(ds, a, g).map_err(|m| format!("target pair '{}' {m}", t.id))?;
            }
            Ok(())
        }
        Shown::Milestones(ms) => {
            if ms.is_empty() {
                return Err("shows no milestones".into());
            }
            Ok(())
        }
    }
}

/// Whether `chart` fits the content (rule 5 and the chart's own shape); the content is assumed
/// to pass `check`.
pub fn fits(ds: &Dataset, shown: &Shown, chart: ChartKind) -> bool {
    let vals = &ds.raw.values;
    match (shown, chart) {
        (Shown::Values { values, .. }, ChartKind::Bar) => values.len() >= 2,
        (Shown::Values { values, series: Some(by) }, ChartKind::GroupedBar) => {
            let key = |i: usize| match by {
                SeriesBy::Period => (ds.periods[i], ""),
                SeriesBy::Region => (Period::Year(0), vals[i].region.as_str()),
                SeriesBy::Kind => (ds.periods[i], vals[i].kind.id()),
            };
            // Two values of one category (indicator and subject) in different series.
            values.iter().enumerate().any(|(k, &i)| {
                values[k + 1..].iter().any(|&j| {
                    vals[i].indicator == vals[j].indicator && subject(&vals[i]) == subject(&vals[j]) && key(i) != key(j)
                })
            })
        }
        (Shown::Values { values, .. }, ChartKind::Line) => {
            let Some(&f) = values.first() else { return false };
            let one_thing = values.iter().all(|&i| {
                let v = &vals[i];
                v.indicator == vals[f].indicator
                    && v.region == vals[f].region
                    && subject(v) == subject(&vals[f])
                    && (v.kind == Kind::Target) == (vals[f].kind == Kind::Target)
                    && same_granularity(ds.periods[i], ds.periods[f])
            });
            let distinct_periods =
                values.iter().enumerate().all(|(k, &i)| values[..k].iter().all(|&j| ds.periods[j] != ds.periods[i]));
            one_thing && distinct_periods && values.len() >= 2
        }
        (Shown::Group(_), ChartKind::Composition | ChartKind::Bar) => true,
        (Shown::Targets(_), ChartKind::Bullet) => true,
        (Shown::Milestones(_), ChartKind::Timeline) => true,
        _ => false,
    }
}
