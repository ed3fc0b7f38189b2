//! Facts in prose: finds the figures in a Chinese or English text (949.6亿元, 94.96 billion
//! yuan, 同比增长4.8%, 3万余元, 10—15个, 近百座), converts each to a base quantity with the
//! dataset's unit factors, and checks it against the dataset values the sentence names.
//!
//! A figure is `match` when a value of that region and period has the same quantity (within
//! the printed precision of either) and the sentence names it — by its indicator or subject
//! (zh or en, or a common paraphrase), or by quoting the value's source verbatim. It is
//! `contradicts` when the sentence names an indicator that the dataset has for the region and
//! period in force (named in the text before the figure, else given in `Options`) in the same
//! unit dimension, with another number. Anything else is `unknown`.
//!
//! Offsets are in UTF-16 code units (what JS strings index), `end` exclusive.
//!
//! Layer: imports only data, i18n, period (and the error type).

use crate::data::{Dataset, Kind, Unit, Value};
use crate::error::{Error, Result};
use crate::i18n::{display_unit, format_value, join_unit, rank, shortest, Lang};
use crate::order::sort_by;
use crate::period::Period;
use std::cell::OnceCell;

// Small on purpose: no `str::parse::<f64>`, Unicode case tables or `slice::sort` (each some
// KB of wasm), where ASCII digits, ASCII case and crate::order do the job.

/// ASCII digits with at most one '.', as a number; None for anything else.
fn decimal(s: &[char]) -> Option<f64> {
    let (mut m, mut scale, mut point, mut any) = (0f64, 1f64, false, false);
    for &c in s {
        match c {
            '0'..='9' => {
                m = m * 10.0 + (c as u32 - '0' as u32) as f64;
                if point {
                    scale *= 10.0;
                }
                any = true;
            }
            '.' if !point => point = true,
            _ => return None,
        }
    }
    any.then_some(m / scale)
}

fn lower(s: &str) -> String {
    s.chars().map(|c| c.to_ascii_lowercase()).collect()
}

fn space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{a0}' | '\u{3000}')
}

/// Longest text checked (in chars): a long article is ~20,000; beyond this a caller has made
/// a mistake and the check would stall the page.
pub const MAX_TEXT_CHARS: usize = 200_000;

/// Most figures checked in one text (an article has a few hundred): each costs ~0.1 ms
/// natively (measured), so a text of figures alone stays well under a second.
pub const MAX_FIGURES: usize = 5000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Match,
    Contradicts,
    Unknown,
}

impl Status {
    pub fn id(self) -> &'static str {
        match self {
            Status::Match => "match",
            Status::Contradicts => "contradicts",
            Status::Unknown => "unknown",
        }
    }
}

/// One figure found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The figure as written ("949.6亿元", "94.96 billion yuan").
    pub text: String,
    /// UTF-16 code units from the start of the text; `end` exclusive.
    pub start: usize,
    pub end: usize,
    pub status: Status,
    /// The dataset value id it matches, or the one it contradicts.
    pub fact: Option<String>,
    /// With `contradicts`: the dataset's figure as printed in `Options::lang`.
    pub expected: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Options {
    pub lang: Lang,
    /// Region id (or its zh/en name) the text is about when it does not say.
    pub region: Option<String>,
    /// Period (`2023H1`, `2025`, …) the text is about when it does not say.
    pub period: Option<String>,
}

/// A figure in the text, in the dataset's terms.
#[derive(Debug, Clone)]
struct Figure {
    /// Char positions in the text.
    start: usize,
    end: usize,
    /// Quantity in the dimension's base unit (yuan, tonnes, W, …).
    base: f64,
    /// Half a unit of the last written digit, in base units.
    tolerance: f64,
    /// The dimensions its unit may be in: several when units of different things print
    /// alike (35个 counts sectors, villages, projects, …: the naming decides). Empty: a number
    /// with a multiplier and no unit ("25万群众", "500亿").
    dims: Vec<String>,
    /// With no dimension: the zh multiplier written (万), which the unit must begin with.
    prefix: Option<String>,
}

/// Checks every figure in `text`. Errors: `text_too_large`, `too_many_figures`, `unknown_region`,
/// `bad_period`.
pub fn check_text(ds: &Dataset, text: &str, opts: &Options) -> Result<Vec<Finding>> {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() > MAX_TEXT_CHARS {
        return Err(Error::new(
            "text_too_large",
            "text",
            format!("the text has {} characters; the limit is {MAX_TEXT_CHARS}", chars.len()),
        ));
    }
    let default_region =
        match &opts.region {
            Some(r) => Some(region_id(ds, r).ok_or_else(|| {
                Error::new("unknown_region", "options.region", format!("unknown region '{}'", clip(r)))
            })?),
            None => None,
        };
    let default_period = match &opts.period {
        Some(p) => Some(
            Period::parse(p)
                .ok_or_else(|| Error::new("bad_period", "options.period", format!("not a period: '{}'", clip(p))))?,
        ),
        None => None,
    };
    let lex = Lexicon::new(ds);
    let judge = Judge::new(ds, &lex);
    let regions = region_mentions(ds, &chars);
    let periods = period_mentions(&chars, default_period);
    let lower: Vec<char> = chars.iter().map(|c| c.to_ascii_lowercase()).collect();
    let mut out = Vec::new();
    let utf16 = Utf16::new(&chars);
    let figures = figures(&chars, &lex);
    if figures.len() > MAX_FIGURES {
        return Err(Error::new(
            "too_many_figures",
            "text",
            format!("the text has {} figures; the limit is {MAX_FIGURES}: check it in parts", figures.len()),
        ));
    }
    let mut para = 0;
    for f in figures {
        let ctx = Context::around(&lower, f.start, f.end);
        // Figures come in text order: the paragraph start only moves forward.
        while let Some(k) = chars[para..f.start].iter().position(|c| *c == '\n') {
            para += k + 1;
        }
        let region = last_before(&regions, f.start, para).map(String::as_str).or(default_region.as_deref());
        let period = last_before(&periods, f.start, para).copied().or(default_period);
        let (status, fact) = judge.judge(&lower, &f, &ctx, region, period);
        let expected = match (status, fact) {
            (Status::Contradicts, Some(i)) => Some(printed(ds, ds.value_at(i), opts.lang)),
            _ => None,
        };
        out.push(Finding {
            text: chars[f.start..f.end].iter().collect(),
            start: utf16.at(f.start),
            end: utf16.at(f.end),
            status,
            fact: fact.map(|i| ds.value_at(i).id.clone()),
            expected,
        });
    }
    Ok(out)
}

/// A value's figure as the dataset prints it: "949.6亿元", "94.96 billion yuan".
pub fn printed(ds: &Dataset, v: &Value, lang: Lang) -> String {
    let Some(u) = ds.unit(&v.unit) else { return shortest(v.value) };
    // As the widget prints it: the zh name (个(村) prints 个), a rank as 第6名 / 6th.
    let du = display_unit(lang, &u.name.zh, &u.dimension, u.factor, &u.name.en, v.value.abs());
    match (&v.printed, du.exp10) {
        _ if u.dimension == "rank" => rank(v.value, lang),
        (Some(p), 0) if lang == Lang::Zh || p.is_ascii() => join_unit(p, &du),
        _ => format_value(v.value, &du, lang),
    }
}

fn clip(s: &str) -> String {
    s.chars().take(40).collect()
}

fn region_id(ds: &Dataset, r: &str) -> Option<String> {
    ds.raw.regions.iter().find(|x| x.id == r || x.name.zh == r || x.name.en == r).map(|x| x.id.clone())
}

/// Char index → UTF-16 offset.
struct Utf16(Vec<usize>);

impl Utf16 {
    fn new(chars: &[char]) -> Utf16 {
        let mut at = Vec::with_capacity(chars.len() + 1);
        let mut n = 0;
        for c in chars {
            at.push(n);
            n += c.len_utf16();
        }
        at.push(n);
        Utf16(at)
    }
    fn at(&self, i: usize) -> usize {
        self.0[i]
    }
}

// ---------------------------------------------------------------------------------------------
// Units: the dataset's printed unit names (zh) and English words derived from its English names.

/// A zh unit as printed: its name (个), base units per one, and the dimensions of the units
/// printed so (个 is sectors, villages, projects, …).
struct ZhUnit {
    name: Vec<char>,
    factor: f64,
    dims: Vec<String>,
}

struct Lexicon {
    /// Longest name first.
    zh: Vec<ZhUnit>,
    /// (lowercase phrase, base units per one, dimension), longest first.
    en: Vec<(Vec<char>, f64, String)>,
    /// What a bare count and an ordinal measure ("6大铸造产业园" as 个 does, "第6", "6th").
    count: Vec<String>,
    rank: Vec<String>,
}

const EN_SCALES: [(&str, f64); 5] =
    [("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12), ("hundred", 1e2)];
const SI: [(&str, f64); 4] = [("g", 1e9), ("m", 1e6), ("k", 1e3), ("", 1.0)];

impl Lexicon {
    fn new(ds: &Dataset) -> Lexicon {
        let units = &ds.raw.units;
        // Keyed by the printed name, not the unit id (个(村) prints 个).
        let mut zh: Vec<ZhUnit> = Vec::new();
        for u in units {
            let name: Vec<char> = u.name.zh.chars().collect();
            match zh.iter_mut().find(|z| z.name == name && z.factor == u.factor) {
                Some(z) if !z.dims.contains(&u.dimension) => z.dims.push(u.dimension.clone()),
                Some(_) => {}
                None => zh.push(ZhUnit { name, factor: u.factor, dims: vec![u.dimension.clone()] }),
            }
        }
        sort_by(&mut zh, |a, b| a.name.len() > b.name.len());
        let mut en: Vec<(String, f64, String)> = Vec::new();
        let mut add = |p: &str, f: f64, d: &str| en.push((lower(p), f, d.to_string()));
        for u in units {
            // "100 million yuan" is one 亿元: the phrase as a whole, and "yuan" as factor/1e8.
            add(&u.name.en, u.factor, &u.dimension);
            let (mult, rest) = leading_multiplier(&u.name.en);
            if mult != 1.0 && !rest.is_empty() {
                add(rest, u.factor / mult, &u.dimension);
            }
        }
        for (w, d) in [("yuan", "yuan"), ("tonnes", "tonnes"), ("tons", "tonnes"), ("people", "people")] {
            add(w, 1.0, d);
        }
        for (w, d) in [("m³", "m3"), ("cubic metres", "m3"), ("m²", "area"), ("square metres", "area")] {
            add(w, 1.0, d);
        }
        for (p, f) in SI {
            add(&(p.to_string() + "w"), f, "watts");
            add(&(p.to_string() + "wh"), f, "wh");
        }
        for (w, d) in [("percent", "percent"), ("per cent", "percent"), ("percentage points", "pp")] {
            add(w, 1.0, d);
        }
        add("percentage point", 1.0, "pp");
        add("km", 1000.0, "length");
        let mut en: Vec<(Vec<char>, f64, String)> =
            en.into_iter().map(|(p, f, d)| (p.chars().collect(), f, d)).collect();
        sort_by(&mut en, |a, b| a.0.len() > b.0.len());
        let count = zh.iter().find(|z| z.name == ['个'] && z.factor == 1.0).map_or(Vec::new(), |z| z.dims.clone());
        let rank = units.iter().filter(|u| u.dimension == "rank").take(1).map(|u| u.dimension.clone()).collect();
        Lexicon { zh, en, count, rank }
    }

    fn zh_unit(&self, s: &[char], at: usize) -> Option<(usize, &ZhUnit)> {
        self.zh.iter().find(|z| starts_with(s, at, &z.name)).map(|z| (at + z.name.len(), z))
    }

    fn en_unit(&self, lower: &[char], at: usize) -> Option<(usize, f64, &str)> {
        self.en
            .iter()
            .find(|(k, _, _)| {
                starts_with(lower, at, k)
                    && !(k.last().is_some_and(|c| c.is_ascii_alphabetic())
                        && lower.get(at + k.len()).is_some_and(|c| c.is_ascii_alphanumeric()))
            })
            .map(|(k, f, d)| (at + k.len(), *f, d.as_str()))
    }
}

/// "100 million yuan" → (1e8, "yuan"); "10,000 kW" → (1e4, "kW"); "yuan" → (1, "yuan").
fn leading_multiplier(name: &str) -> (f64, &str) {
    let mut mult = 1.0;
    let mut rest = name.trim_matches(' ');
    loop {
        let (word, tail) = rest.split_once(' ').unwrap_or((rest, ""));
        let n = decimal(&word.chars().filter(|&c| c != ',').collect::<Vec<_>>());
        let scale = EN_SCALES.iter().find(|(w, _)| *w == word).map(|s| s.1);
        match n.or(scale) {
            Some(m) if !tail.is_empty() => {
                mult *= m;
                rest = tail.trim_start_matches(' ');
            }
            _ => return (mult, rest),
        }
    }
}

fn starts_with(s: &[char], at: usize, k: &[char]) -> bool {
    !k.is_empty() && s.get(at..at + k.len()) == Some(k)
}

// ---------------------------------------------------------------------------------------------
// Figures: a number (digits, a fraction, or Chinese numerals) and what follows it.

const RANGE_DASHES: [char; 6] = ['—', '–', '-', '~', '～', '至'];
const APPROX: [char; 2] = ['余', '多'];
const ZH_MULTIPLIERS: [(&str, f64); 4] = [("万亿", 1e12), ("亿", 1e8), ("万", 1e4), ("千", 1e3)];

struct Number {
    start: usize,
    end: usize,
    value: f64,
    /// Half a unit of the last written digit.
    half_ulp: f64,
    fraction: bool,
}

fn figures(s: &[char], lex: &Lexicon) -> Vec<Figure> {
    let lower: Vec<char> = s.iter().map(|c| c.to_ascii_lowercase()).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let Some(n) = number_at(s, i) else {
            i += 1;
            continue;
        };
        // A range "10—15个": both ends take the unit written after the second.
        if let Some(&dash) = s.get(n.end) {
            if RANGE_DASHES.contains(&dash) {
                if let Some(m) = number_at(s, n.end + 1) {
                    if let Some(hi) = unit_after(s, &lower, lex, &m) {
                        let mut lo = hi.clone();
                        let per = hi.base / m.value.max(f64::MIN_POSITIVE);
                        (lo.start, lo.end, lo.base, lo.tolerance) = (n.start, n.end, n.value * per, n.half_ulp * per);
                        if m.value != 0.0 {
                            out.push(lo);
                        }
                        i = hi.end;
                        out.push(hi);
                        continue;
                    }
                }
            }
        }
        match unit_after(s, &lower, lex, &n) {
            Some(f) => {
                i = f.end;
                out.push(f);
            }
            None => i = n.end,
        }
    }
    for f in &mut out {
        if declines(&lower, f.start) {
            f.base = -f.base;
        }
    }
    out
}

/// The number starting at `i`, if one does (not inside a word such as PM2.5 or a longer number).
fn number_at(s: &[char], i: usize) -> Option<Number> {
    let prev = i.checked_sub(1).and_then(|p| s.get(p)).copied();
    if prev.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == ',' || c == '/') {
        return None;
    }
    let c = *s.get(i)?;
    if c.is_ascii_digit() {
        return Some(digits_at(s, i));
    }
    let neg = c == '-' && s.get(i + 1).is_some_and(char::is_ascii_digit) && prev.is_none_or(space);
    if neg {
        let mut n = digits_at(s, i + 1);
        n.start = i;
        n.value = -n.value;
        return Some(n);
    }
    zh_numeral_at(s, i)
}

fn digits_at(s: &[char], i: usize) -> Number {
    let mut text = String::new();
    let mut j = i;
    let mut decimals: Option<i32> = None;
    while let Some(&c) = s.get(j) {
        if c.is_ascii_digit() {
            text.push(c);
            if let Some(d) = decimals.as_mut() {
                *d += 1;
            }
            j += 1;
        } else if c == '.' && decimals.is_none() && s.get(j + 1).is_some_and(char::is_ascii_digit) {
            text.push('.');
            decimals = Some(0);
            j += 1;
        } else if c == ','
            && decimals.is_none()
            && (1..=3).all(|k| s.get(j + k).is_some_and(char::is_ascii_digit))
            && !s.get(j + 4).is_some_and(char::is_ascii_digit)
        {
            j += 1; // "1,154": a thousands separator (three digits follow, then no more)
        } else {
            break;
        }
    }
    let text: Vec<char> = text.chars().collect();
    let mut value = decimal(&text).unwrap_or(0.0);
    let mut half_ulp = 0.5 * 10f64.powi(-decimals.unwrap_or(0));
    // A fraction "1/4", unless what follows the slash is a unit such as "/10万".
    if s.get(j) == Some(&'/') && s.get(j + 1).is_some_and(char::is_ascii_digit) {
        let d = digits_at(s, j + 1);
        let follows_unit = s.get(d.end).is_some_and(|c| matches!(c, '万' | '亿' | '千'));
        if !follows_unit && d.value != 0.0 {
            value /= d.value;
            half_ulp = 5e-4;
            j = d.end;
            return Number { start: i, end: j, value, half_ulp, fraction: true };
        }
    }
    Number { start: i, end: j, value, half_ulp, fraction: false }
}

/// Chinese numerals as the seeds use them: 近百座, 十三个. Only with a 十/百/千 or after a
/// bound word, so that 一个 and 三个一批 (names, not figures) are left alone.
fn zh_numeral_at(s: &[char], i: usize) -> Option<Number> {
    let digit =
        |c: char| "〇一二三四五六七八九".chars().position(|d| d == c).map(|d| d as f64).or((c == '两').then_some(2.0));
    let unit = |c: char| match c {
        '十' => Some(10.0),
        '百' => Some(100.0),
        '千' => Some(1000.0),
        _ => None,
    };
    let prev = i.checked_sub(1).and_then(|p| s.get(p)).copied();
    if prev.is_some_and(|c| digit(c).is_some() || unit(c).is_some()) {
        return None;
    }
    let (mut total, mut pending, mut j, mut any_unit) = (0.0, None::<f64>, i, false);
    while let Some(&c) = s.get(j) {
        if let Some(d) = digit(c) {
            if pending.is_some() {
                break;
            }
            pending = Some(d);
        } else if let Some(u) = unit(c) {
            total += pending.take().unwrap_or(1.0) * u;
            any_unit = true;
        } else {
            break;
        }
        j += 1;
    }
    total += pending.unwrap_or(0.0);
    let bound_before = prev.is_some_and(|c| matches!(c, '近' | '约' | '超' | '逾'));
    (j > i && (any_unit || bound_before)).then_some(Number {
        start: i,
        end: j,
        value: total,
        half_ulp: 0.5,
        fraction: false,
    })
}

/// The unit written after a number, as a figure; None when there is none (years, "20强").
fn unit_after(s: &[char], lower: &[char], lex: &Lexicon, n: &Number) -> Option<Figure> {
    let mut j = n.end;
    let skip_approx = |j: usize| if s.get(j).is_some_and(|c| APPROX.contains(c)) { j + 1 } else { j };
    j = skip_approx(j);
    let fig = |end: usize, per: f64, dims: &[String]| Figure {
        start: n.start,
        end,
        base: n.value * per,
        tolerance: n.half_ulp * per,
        dims: dims.to_vec(),
        prefix: None,
    };
    if let Some((end, u)) = lex.zh_unit(s, j) {
        return Some(fig(end, u.factor, &u.dims));
    }
    // "3万余元", "25万群众", "500亿".
    for (m, f) in ZH_MULTIPLIERS {
        let m: Vec<char> = m.chars().collect();
        if starts_with(s, j, &m) {
            let k = skip_approx(j + m.len());
            return Some(match lex.zh_unit(s, k) {
                Some((end, u)) => fig(end, f * u.factor, &u.dims),
                None => Figure { prefix: Some(m.iter().collect()), ..fig(j + m.len(), f, &[]) },
            });
        }
    }
    if n.fraction {
        // A fraction: of the whole (1/4), maybe followed by its English unit name.
        let end = lex.en_unit(lower, skip_spaces(lower, j)).map_or(j, |(e, _, _)| e);
        return Some(fig(end, 1.0, &["fraction".to_string()]));
    }
    // English: "94.96 billion yuan", "4.8%", "1,154 enterprises", "5.55 GW".
    let mut k = skip_spaces(lower, j);
    let mut scale = 1.0;
    if let Some((w, f)) = EN_SCALES.iter().find(|(w, _)| {
        let w: Vec<char> = w.chars().collect();
        starts_with(lower, k, &w) && !lower.get(k + w.len()).is_some_and(|c| c.is_ascii_alphabetic())
    }) {
        scale = *f;
        k = skip_spaces(lower, k + w.len());
    }
    if let Some((end, f, d)) = lex.en_unit(lower, k) {
        return Some(fig(end, scale * f, &[d.to_string()]));
    }
    if scale != 1.0 {
        return Some(fig(k, scale, &[]));
    }
    // The seeds count with 大 (6大铸造产业园) and rank with 第 (第6); English ranks "6th".
    let some = |dims: &[String], end: usize| (!dims.is_empty()).then(|| fig(end, 1.0, dims));
    if s.get(j) == Some(&'大') && s.get(j + 1).is_some_and(|c| !c.is_ascii()) {
        return some(&lex.count, j + 1);
    }
    if n.start > 0 && s[n.start - 1] == '第' {
        return some(&lex.rank, n.end);
    }
    let ordinal = ["st", "nd", "rd", "th"].iter().any(|w| {
        lower.get(j..j + 2).is_some_and(|x| x.iter().copied().eq(w.chars()))
            && !lower.get(j + 2).is_some_and(char::is_ascii_alphanumeric)
    });
    if ordinal && !n.fraction && n.value.fract() == 0.0 {
        return some(&lex.rank, j + 2);
    }
    None
}

fn skip_spaces(s: &[char], mut j: usize) -> usize {
    while s.get(j).is_some_and(|c| *c == ' ' || *c == '\u{a0}') {
        j += 1;
    }
    j
}

/// A decline written out (下降2.1%, fell 2.1%): the dataset stores it as a negative number.
fn declines(lower: &[char], start: usize) -> bool {
    let before: String = lower[start.saturating_sub(10)..start].iter().collect();
    let before = before.trim_end_matches(' ');
    ["下降", "减少", "降低", "fell", "fell by", "declined", "declined by", "decreased by", "down"]
        .iter()
        .any(|w| before.ends_with(w))
}

// ---------------------------------------------------------------------------------------------
// Regions and periods the text names, by position: the nearest before a figure, in its
// paragraph, is the one in force.

fn region_mentions(ds: &Dataset, s: &[char]) -> Vec<(usize, String)> {
    let mut names: Vec<(Vec<char>, &str)> = Vec::new();
    for r in &ds.raw.regions {
        for n in [&r.id, &r.name.zh, &r.name.en] {
            if n.chars().count() >= 2 {
                names.push((n.chars().collect(), &r.id));
            }
        }
    }
    sort_by(&mut names, |a, b| a.0.len() > b.0.len());
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        match names.iter().find(|(k, _)| starts_with(s, i, k)) {
            Some((k, id)) => {
                out.push((i, id.to_string()));
                i += k.len();
            }
            None => i += 1,
        }
    }
    out
}

fn period_mentions(s: &[char], default: Option<Period>) -> Vec<(usize, Period)> {
    let mut out: Vec<(usize, Period)> = Vec::new();
    let lower: String = s.iter().map(|c| c.to_ascii_lowercase()).collect();
    let lower: Vec<char> = lower.chars().collect();
    let after = |i: usize, w: &str| {
        let w: Vec<char> = w.chars().collect();
        starts_with(&lower, i, &w)
    };
    let ends_before = |i: usize, w: &str| {
        let w: Vec<char> = w.chars().collect();
        i >= w.len() && lower[i - w.len()..i] == w[..]
    };
    let mut last_year = default.map(|p| p.year());
    let mut i = 0;
    while i < s.len() {
        let year = year_at(s, i);
        if let Some(y) = year {
            // "相较2019年", "than 2019": a base of comparison, not the period reported.
            let before: String = lower[i.saturating_sub(14)..i].iter().collect();
            let before = before.trim_end_matches(' ');
            let base = ["较", "比", "相较", "相比", "than", "compared with", "from", "since"]
                .iter()
                .any(|w| before.ends_with(w));
            let mut j = i + 4;
            let mut p = None;
            if matches!(s.get(j), Some('—' | '–' | '-')) {
                if let Some(y2) = year_at(s, j + 1).filter(|&y2| y2 > y) {
                    p = Some(Period::Span(y, y2));
                    j += 5;
                    if s.get(j) == Some(&'年') {
                        j += 1;
                    }
                }
            }
            if p.is_none() && s.get(j) == Some(&'年') {
                j += 1;
                p = Some(zh_part(s, &mut j, y));
            }
            if p.is_none() && !s.get(j).is_some_and(|c| c.is_ascii_alphanumeric() || !c.is_ascii()) {
                // English: "H1 2023", "first half of 2023", "in 2023".
                p = Some(if ends_before(i, "h1 ") || ends_before(i, "first half of ") {
                    Period::Half(y, 1)
                } else if ends_before(i, "h2 ") || ends_before(i, "second half of ") {
                    Period::Half(y, 2)
                } else if let Some(q) = (1..=4u8).find(|&q| {
                    i >= 3 && lower[i - 3] == 'q' && lower[i - 2] == (b'0' + q) as char && lower[i - 1] == ' '
                }) {
                    Period::Quarter(y, q)
                } else if let Some(m) = EN_MONTHS.iter().position(|m| {
                    // "Feb 2025", "February 2025": the word before, whole.
                    let word = |w: &str| {
                        ends_before(i, &(w.to_string() + " "))
                            && !(i > w.len() + 1 && lower[i - w.len() - 2].is_ascii_alphabetic())
                    };
                    word(&m[..3]) || word(m)
                }) {
                    Period::Month(y, m as u8 + 1)
                } else {
                    Period::Year(y)
                });
            }
            if let Some(p) = p {
                last_year = Some(y);
                if !base {
                    out.push((i, p));
                }
            }
            i = j.max(i + 1);
            continue;
        }
        // "今年上半年", "上半年": the half of the year in force.
        if let (Some(y), true) = (last_year, after(i, "上半年") && !ends_before(i, "年")) {
            out.push((i, Period::Half(y, 1)));
            i += 3;
            continue;
        }
        i += 1;
    }
    out
}

const EN_MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// After "2023年": 上半年 / 下半年 / 第N季度 / M月, or the year itself.
fn zh_part(s: &[char], j: &mut usize, y: u16) -> Period {
    let at = |k: usize, w: &str| w.chars().enumerate().all(|(n, c)| s.get(k + n) == Some(&c));
    if at(*j, "上半年") {
        *j += 3;
        return Period::Half(y, 1);
    }
    if at(*j, "下半年") {
        *j += 3;
        return Period::Half(y, 2);
    }
    let q = |c: Option<&char>| c.and_then(|c| "一二三四1234".chars().position(|d| d == *c)).map(|p| (p % 4) as u8 + 1);
    if at(*j, "第") && at(*j + 2, "季度") {
        if let Some(q) = q(s.get(*j + 1)) {
            *j += 4;
            return Period::Quarter(y, q);
        }
    }
    if at(*j + 1, "季度") {
        if let Some(q) = q(s.get(*j)) {
            *j += 3;
            return Period::Quarter(y, q);
        }
    }
    let month: String = s[*j..(*j + 2).min(s.len())].iter().take_while(|c| c.is_ascii_digit()).collect();
    if let Some(m @ 1..=12) = decimal(&month.chars().collect::<Vec<_>>()).map(|m| m as u8) {
        if s.get(*j + month.len()) == Some(&'月') {
            *j += month.len() + 1;
            return Period::Month(y, m);
        }
    }
    Period::Year(y)
}

fn year_at(s: &[char], i: usize) -> Option<u16> {
    let prev = i.checked_sub(1).and_then(|p| s.get(p));
    if prev.is_some_and(|c| c.is_ascii_alphanumeric() || *c == '.') {
        return None;
    }
    let d: String = s.get(i..i + 4)?.iter().collect();
    if !d.bytes().all(|b| b.is_ascii_digit()) || s.get(i + 4).is_some_and(|c| c.is_ascii_digit() || *c == '.') {
        return None;
    }
    decimal(&d.chars().collect::<Vec<_>>()).map(|y| y as u16).filter(|y| (1900..=2100).contains(y))
}

/// The latest mention before `at` in the paragraph starting at `para` (mentions are in text
/// order: a binary search, so a text of many figures stays linear).
fn last_before<T>(mentions: &[(usize, T)], at: usize, para: usize) -> Option<&T> {
    let k = mentions.partition_point(|(p, _)| *p < at);
    k.checked_sub(1).map(|k| &mentions[k]).filter(|(p, _)| *p >= para).map(|(_, t)| t)
}

// ---------------------------------------------------------------------------------------------
// Naming: does the sentence around a figure name a value's indicator or subject?

/// Where a figure stands: its sentence (from its start to the end of the figure's clause).
struct Context {
    lo: usize,
    hi: usize,
    /// Within 12 chars before the figure, in its sentence: a word of growth (增长, grew).
    growth_cue: bool,
    /// There too: a word of a plan (力争, 年内, target): a target's figure, not a result.
    target_cue: bool,
}

const SENTENCE_ENDS: [char; 7] = ['。', '！', '？', '；', '\n', '!', '?'];
const CLAUSE_ENDS: [char; 6] = ['，', '、', '：', '（', '(', ':'];
/// Long enough for a sentence of the seeds; bounds the naming work per figure.
const WINDOW: usize = 120;

impl Context {
    fn around(s: &[char], start: usize, end: usize) -> Context {
        let is_end = |k: usize| {
            let c = s[k];
            SENTENCE_ENDS.contains(&c) || ((c == '.' || c == ';') && s.get(k + 1).is_none_or(|&n| space(n)))
        };
        let is_clause = |k: usize| {
            let c = s[k];
            is_end(k)
                || CLAUSE_ENDS.contains(&c)
                || (c == ',' && !(k > 0 && s[k - 1].is_ascii_digit() && s.get(k + 1).is_some_and(char::is_ascii_digit)))
        };
        let lo = start.saturating_sub(WINDOW);
        let lo = (lo..start).rev().find(|&k| is_end(k)).map_or(lo, |k| k + 1);
        let hi = (end + WINDOW / 2).min(s.len());
        let hi = (end..hi).find(|&k| is_clause(k)).unwrap_or(hi);
        let before: String = s[start.saturating_sub(12).max(lo)..start].iter().collect();
        let growth_cue = ["增长", "下降", "增速", "growth", "grew", "rose", "fell", "increase", "up ", "down "]
            .iter()
            .any(|w| before.contains(w));
        let target_cue =
            ["力争", "计划", "目标", "年内", "预计", "target", "aim", "plan"].iter().any(|w| before.contains(w));
        Context { lo, hi, growth_cue, target_cue }
    }
}

/// Two-character overlaps too common to name anything.
const WEAK: [&str; 14] =
    ["项目", "增长", "全市", "企业", "建设", "实现", "完成", "达到", "新建", "全国", "产业", "总投", "重点", "年产"];
const STOP_WORDS: [&str; 14] =
    ["of", "the", "and", "in", "by", "with", "for", "to", "a", "an", "per", "new", "above", "size"];
/// Common paraphrases of indicator names, by indicator id (ids the dataset lacks are unused).
const ALIASES: [(&str, &str); 9] = [
    ("gdp", "生产总值|经济总量|gross domestic product|economic output"),
    ("fixed_asset_investment", "固投|fixed asset investment"),
    ("retail_sales", "社零|消费品零售|retail sales"),
    ("raw_coal_output", "原煤|产煤|coal output|raw coal"),
    ("cbm_extraction", "抽采|coalbed methane"),
    ("population", "人口"),
    ("forest_cover", "森林覆盖|forest coverage"),
    ("industrial_va", "规上工业|工业增加值|industrial output"),
    ("project_investment", "总投资|invested"),
];

/// One name of a value, prepared once: zh as chars, en as its words.
struct Name {
    chars: Vec<char>,
    /// English: lowercase, stemmed words (empty for a Chinese name).
    words: Vec<String>,
    /// Chars (zh) or word letters (en) in the name.
    total: usize,
}

fn names(ds: &Dataset, v: &Value) -> Vec<Name> {
    let mut out: Vec<String> = Vec::new();
    if let Some(i) = ds.indicator(&v.indicator) {
        out.push(lower(&i.name.zh));
        out.push(lower(&i.name.en));
    }
    if let Some(s) = &v.subject {
        out.push(lower(&s.zh));
        out.push(lower(&s.en));
    }
    if let Some((_, a)) = ALIASES.iter().find(|(id, _)| *id == v.indicator) {
        out.extend(a.split('|').map(str::to_string));
    }
    out.into_iter()
        .map(|n| {
            let chars: Vec<char> = n.chars().collect();
            let words = if n.is_ascii() { words(&chars) } else { Vec::new() };
            let total = if n.is_ascii() { words.iter().map(String::len).sum() } else { chars.len() };
            Name { chars, words, total }
        })
        .collect()
}

/// How well the sentence names the value: the share of one of its names found there, each
/// part weighted by its nearness to the figure (a name next to the figure is the one it
/// belongs to: 10个社区养老中心和21个社区食堂). 0 when no name is found at all.
fn naming(
    names: &[Name],
    s: &[char],
    f: &Figure,
    ctx: &Context,
    pairs: &[(char, char)],
    found: &[(String, usize)],
) -> f64 {
    let mut best: f64 = 0.0;
    for n in names {
        let zh = n.words.is_empty();
        // Most names share no two characters with the sentence: skip the run search for them.
        if n.total == 0 || (zh && !n.chars.windows(2).any(|w| pairs.binary_search(&(w[0], w[1])).is_ok())) {
            continue;
        }
        let parts = if zh { zh_runs(&n.chars, s, f, ctx) } else { en_words(&n.words, found) };
        if !parts.is_empty() {
            let got: usize = parts.iter().map(|p| p.0).sum();
            // Enough of the name to count as naming it at all.
            let cover = got as f64 / n.total as f64;
            if got >= 4 || (got >= 2 && cover >= 0.3) || cover >= 0.5 {
                let weighted: f64 = parts.iter().map(|&(len, d)| len as f64 * 4.0 / (4.0 + d as f64)).sum();
                best = best.max(weighted / n.total as f64);
            }
        }
    }
    best
}

/// The sentence's character pairs, sorted, for a quick test of whether a name can occur.
fn bigrams(s: &[char]) -> Vec<(char, char)> {
    let mut v: Vec<(char, char)> = s.windows(2).map(|w| (w[0], w[1])).collect();
    sort_by(&mut v, |a, b| a < b);
    v.dedup();
    v
}

/// Runs of the name in the sentence (length, distance from the figure), longest first; a run
/// of two as common as 项目 does not count.
fn zh_runs(name: &[char], s: &[char], f: &Figure, ctx: &Context) -> Vec<(usize, usize)> {
    let mut used = vec![false; name.len()];
    let mut out = Vec::new();
    let halves = [(ctx.lo, f.start), (f.end, ctx.hi)];
    for _ in 0..4 {
        let mut best = (0, 0, 0, 0); // (len, name end, half, text end)
        for (h, &(a, b)) in halves.iter().enumerate() {
            let mut row = vec![0usize; name.len() + 1];
            for (k, &t) in s[a..b].iter().enumerate() {
                for j in (1..=name.len()).rev() {
                    row[j] = if !used[j - 1] && name[j - 1] == t { row[j - 1] + 1 } else { 0 };
                    if row[j] > best.0 {
                        best = (row[j], j, h, a + k + 1);
                    }
                }
            }
        }
        let (len, name_end, half, text_end) = best;
        let run: String = name[name_end - len..name_end].iter().collect();
        if len < 2 || (len == 2 && WEAK.contains(&run.as_str())) {
            break;
        }
        used[name_end - len..name_end].iter_mut().for_each(|u| *u = true);
        let d = if half == 0 { f.start - text_end } else { text_end - len - f.end };
        out.push((len, d));
    }
    out
}

fn words(s: &[char]) -> Vec<String> {
    s.iter()
        .collect::<String>()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(w))
        .map(|w| w.strip_suffix('s').filter(|b| b.len() > 2).unwrap_or(w).to_string())
        .collect()
}

/// The name's words found in the sentence (length, distance from the figure in chars).
fn en_words(name: &[String], found: &[(String, usize)]) -> Vec<(usize, usize)> {
    name.iter().filter_map(|w| found.iter().find(|(x, _)| x == w).map(|(_, d)| (w.len(), *d))).collect()
}

/// The sentence's words (lowercase, stemmed) with their distance from the figure: read once
/// per figure, not once per candidate name.
fn window_words(s: &[char], f: &Figure, ctx: &Context) -> Vec<(String, usize)> {
    let mut found: Vec<(String, usize)> = Vec::new();
    let mut k = ctx.lo;
    while k < ctx.hi {
        if !s[k].is_ascii_alphanumeric() || (k > 0 && s[k - 1].is_ascii_alphanumeric()) || (k >= f.start && k < f.end) {
            k += 1;
            continue;
        }
        let e = (k..ctx.hi).find(|&e| !s[e].is_ascii_alphanumeric()).unwrap_or(ctx.hi);
        let d = if e <= f.start { f.start - e } else { k.saturating_sub(f.end) };
        for w in words(&s[k..e]) {
            // Each word once, at its nearest: names are compared against few words.
            match found.iter_mut().find(|(x, _)| *x == w) {
                Some(seen) => seen.1 = seen.1.min(d),
                None => found.push((w, d)),
            }
        }
        k = e;
    }
    found
}

/// The text around a value's figure in its own quote: what comes before and after it.
struct Anchor {
    before: Vec<char>,
    after: Vec<char>,
}

/// Where the value's figure stands in its own quote (lowercase, as the text is compared).
fn anchor(ds: &Dataset, lex: &Lexicon, v: &Value) -> Option<Anchor> {
    let q: Vec<char> = v.source.quote.chars().map(|c| c.to_ascii_lowercase()).collect();
    let base = v.value * ds.unit(&v.unit)?.factor;
    let f = figures(&q, lex).into_iter().find(|f| (f.base - base).abs() <= f.tolerance.max(1e-9 * base.abs()))?;
    Some(Anchor { before: q[..f.start].to_vec(), after: q[f.end..].to_vec() })
}

/// How much of the value's quote surrounds the figure (0 when too little): the source
/// sentence copied, with this figure in it (the same one, or a changed one).
fn anchored(a: &Anchor, s: &[char], f: &Figure) -> usize {
    let suffix = s[..f.start].iter().rev().zip(a.before.iter().rev()).take_while(|(x, y)| x == y).count();
    let prefix = s[f.end..].iter().zip(a.after.iter()).take_while(|(x, y)| x == y).count();
    let enough = suffix >= a.before.len().min(6) && prefix >= a.after.len().min(6) && suffix + prefix >= 3;
    if enough {
        suffix + prefix
    } else {
        0
    }
}

// ---------------------------------------------------------------------------------------------
// Judging one figure.

fn period_fits(v: Period, said: Period, exact: bool) -> bool {
    if v == said {
        return true;
    }
    match (said, v) {
        (Period::Year(y), Period::Half(vy, _) | Period::Quarter(vy, _) | Period::Month(vy, _)) => !exact && y == vy,
        _ => false,
    }
}

fn region_fits(ds: &Dataset, v: &str, said: &str, exact: bool) -> bool {
    if v == said {
        return true;
    }
    // "晋中…左权县": a county's figure in a text about its city, for a match only.
    !exact && ds.region(v).and_then(|r| r.parent.as_deref()) == Some(said)
}

/// Per value, built when a figure first needs it (most texts touch few values).
struct Judge<'a> {
    ds: &'a Dataset,
    lex: &'a Lexicon,
    anchors: Vec<OnceCell<Option<Anchor>>>,
    names: Vec<OnceCell<Vec<Name>>>,
    units: Vec<Option<&'a Unit>>,
}

impl<'a> Judge<'a> {
    fn new(ds: &'a Dataset, lex: &'a Lexicon) -> Judge<'a> {
        let n = ds.raw.values.len();
        Judge {
            ds,
            lex,
            anchors: (0..n).map(|_| OnceCell::new()).collect(),
            names: (0..n).map(|_| OnceCell::new()).collect(),
            units: ds.raw.values.iter().map(|v| ds.unit(&v.unit)).collect(),
        }
    }

    fn judge(
        &self,
        s: &[char],
        f: &Figure,
        ctx: &Context,
        region: Option<&str>,
        period: Option<Period>,
    ) -> (Status, Option<usize>) {
        let ds = self.ds;
        // Ranked by (quoted, growth cue agrees, naming) for a match, (quoted, target cue agrees,
        // naming) otherwise: of two values named alike, a plan's words point at the target.
        let mut best_match: Option<(usize, (usize, bool, f64))> = None;
        let mut best_other: Option<(usize, (usize, bool, f64))> = None;
        let pairs = bigrams(&s[ctx.lo..ctx.hi]);
        let found = window_words(s, f, ctx);
        for (i, v) in ds.raw.values.iter().enumerate() {
            let Some(u) = self.units[i] else { continue };
            let same_dim = match (f.dims.is_empty(), &f.prefix) {
                (false, _) => f.dims.contains(&u.dimension),
                (true, Some(p)) => u.name.zh.starts_with(p.as_str()),
                (true, None) => u.dimension != "fraction" && u.factor > 1.0,
            };
            let vp = ds.period_of(i);
            if !same_dim
                || region.is_some_and(|r| !region_fits(ds, &v.region, r, false))
                || period.is_some_and(|p| !period_fits(vp, p, false))
            {
                continue;
            }
            let base = v.value * u.factor;
            let tol = half_ulp_printed(v) * u.factor;
            let equal = (f.base - base).abs() <= f.tolerance.max(tol) + 1e-9 * base.abs();
            let anchor = self.anchors[i].get_or_init(|| anchor(ds, self.lex, v));
            let quoted = anchor.as_ref().map_or(0, |a| anchored(a, s, f));
            let named = naming(self.names[i].get_or_init(|| names(ds, v)), s, f, ctx, &pairs, &found);
            if quoted == 0 && named == 0.0 {
                continue;
            }
            if equal {
                let cue = u.dimension != "percent" || v.is_growth() == ctx.growth_cue;
                let key = (quoted, cue, named);
                if best_match.as_ref().is_none_or(|(_, k)| key > *k) {
                    best_match = Some((i, key));
                }
                continue;
            }
            let cue = u.dimension != "percent" || quoted > 0 || v.is_growth() == ctx.growth_cue;
            let strict = (!f.dims.is_empty() || f.prefix.is_some())
                && cue
                && region.is_some_and(|r| region_fits(ds, &v.region, r, true))
                && period.is_some_and(|p| period_fits(vp, p, true));
            let key = (quoted, (v.kind == Kind::Target) == ctx.target_cue, named);
            if strict && best_other.as_ref().is_none_or(|(_, k)| key > *k) {
                best_other = Some((i, key));
            }
        }
        if let Some((i, _)) = best_match {
            // A half year's figure said of its whole year matches only while the year itself has
            // no other figure for the indicator (78个 in H1, but 183个 in all 2023).
            let year_has_its_own = best_other.is_some_and(|(o, _)| {
                let (m, o) = (ds.value_at(i), ds.value_at(o));
                m.indicator == o.indicator && period.is_some_and(|p| !period_fits(ds.period_of(i), p, true))
            });
            if !year_has_its_own {
                return (Status::Match, Some(i));
            }
        }
        match best_other {
            Some((i, _)) => (Status::Contradicts, Some(i)),
            None => (Status::Unknown, None),
        }
    }
}

/// Half a unit of the last digit the dataset printed (949.6 → 0.05; "1/3" → 5e-4).
fn half_ulp_printed(v: &Value) -> f64 {
    let text = match &v.printed {
        Some(p) if p.contains('/') => return 5e-4,
        Some(p) if p.is_ascii() => p.replace(',', ""),
        _ => shortest(v.value),
    };
    let decimals = text.split_once('.').map_or(0, |(_, f)| f.len()) as i32;
    0.5 * 10f64.powi(-decimals)
}

/// The card of a fact reference (www/src/facts.js) for value `i`: its figure as printed in zh
/// and en, period, region, indicator, subject, quote, and the document's title, publisher and
/// date, in `lang` ("" where the dataset has none). The `fact_cards` example prints these for
/// every value at build time and scripts/bundle.mjs embeds them in dist/econ-facts.js, so the
/// one-chart wasm carries no card code; the full build's `factInfo` answers from it too.
pub fn fact_card(ds: &Dataset, i: usize, lang: Lang) -> [String; 10] {
    fn text(t: Option<&crate::data::Text>, lang: Lang) -> String {
        t.map_or("", |t| t.get(lang)).to_string()
    }
    let v = ds.value_at(i);
    let doc = ds.document(&v.source.doc);
    [
        crate::spec::display(ds, v, Lang::Zh),
        crate::spec::display(ds, v, Lang::En),
        ds.period_label(i, lang),
        text(ds.region(&v.region).map(|r| &r.name), lang),
        text(ds.indicator(&v.indicator).map(|x| &x.name), lang),
        // A derived figure is not in its quote: the card says how it was computed.
        crate::spec::derivation(ds, v, lang).unwrap_or_else(|| text(v.subject.as_ref(), lang)),
        v.source.quote.clone(),
        text(doc.map(|d| &d.title), lang),
        text(doc.map(|d| &d.publisher), lang),
        doc.map_or(String::new(), |d| d.date.clone()),
    ]
}
