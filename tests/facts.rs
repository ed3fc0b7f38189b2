//! The text checker (src/facts.rs) over every value of the embedded dataset: each value's own
//! quote matches it; altered copies (a digit, the unit, the period) contradict it with the
//! dataset's figure; English renderings built from the dataset's names match.
#![cfg(not(target_arch = "wasm32"))]

use econ_widget::data::{Dataset, Value};
use econ_widget::facts::{check_text, printed, Finding, Options, Status};
use econ_widget::i18n::{shortest, Lang};
use econ_widget::period::Period;

fn ds() -> Dataset {
    Dataset::embedded().expect("embedded dataset")
}

fn opts(lang: Lang, v: &Value) -> Options {
    Options { lang, region: Some(v.region.clone()), period: Some(v.period.clone()) }
}

/// The number as the quote prints it ("949.6", "1/4", "百").
fn printed_number(v: &Value) -> String {
    v.printed.clone().unwrap_or_else(|| shortest(v.value.abs()))
}

/// Char positions where the value's number stands alone in `text` (not inside 1000 or 2.5).
fn occurrences(text: &str, number: &str) -> Vec<usize> {
    let t: Vec<char> = text.chars().collect();
    let n: Vec<char> = number.chars().collect();
    let digitish = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_digit());
    (0..t.len())
        .filter(|&i| t.get(i..i + n.len()) == Some(&n[..]))
        .filter(|&i| !(i > 0 && (digitish(t.get(i - 1)) || t[i - 1] == '.' || t[i - 1] == '/')))
        .filter(|&i| {
            let after = t.get(i + n.len());
            let decimal_point = after == Some(&'.') && digitish(t.get(i + n.len() + 1));
            !digitish(after) && !decimal_point
        })
        .collect()
}

fn utf16_at(text: &str, char_pos: usize) -> usize {
    text.chars().take(char_pos).map(char::len_utf16).sum()
}

/// The finding covering char position `at`.
fn finding_at<'f>(text: &str, found: &'f [Finding], at: usize) -> Option<&'f Finding> {
    let u = utf16_at(text, at);
    found.iter().find(|f| f.start <= u && u < f.end)
}

/// The value's figure in its own quote (the first occurrence), or why there is none.
fn figure_in_quote(v: &Value) -> usize {
    *occurrences(&v.source.quote, &printed_number(v))
        .first()
        .unwrap_or_else(|| panic!("{}: '{}' not in its quote '{}'", v.id, printed_number(v), v.source.quote))
}

/// Values whose figure is printed in their quote: a derived one (31% − 26.7 points) is not.
fn printed_values(ds: &Dataset) -> impl Iterator<Item = &Value> {
    ds.raw.values.iter().filter(|v| v.derived.is_none())
}

#[test]
fn every_quote_matches_its_value() {
    let ds = ds();
    let mut failures = Vec::new();
    for v in printed_values(&ds) {
        let q = &v.source.quote;
        let found = check_text(&ds, q, &opts(Lang::Zh, v)).unwrap();
        // Some quote prints the number twice; one of them must be this value's.
        let ok = occurrences(q, &printed_number(v)).iter().any(|&at| {
            finding_at(q, &found, at).is_some_and(|f| f.status == Status::Match && f.fact.as_deref() == Some(&v.id))
        });
        if !ok {
            failures.push(format!("{}: {q} → {found:?}", v.id));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} quotes do not match:\n{}",
        failures.len(),
        ds.raw.values.len(),
        failures.join("\n")
    );
}

/// The same value with one more in its last digit (or the next that no value of the unit has).
fn altered_number(ds: &Dataset, v: &Value) -> Option<String> {
    let p = printed_number(v);
    if !p.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None; // "1/4", "百": altered by the unit and period tests instead
    }
    let last = p.bytes().last()? - b'0';
    (1..10u8).map(|k| format!("{}{}", &p[..p.len() - 1], (last + k) % 10)).find(|cand| {
        let n: f64 = cand.parse().unwrap();
        !ds.raw.values.iter().any(|o| o.unit == v.unit && (o.value - n).abs() < 1e-9)
    })
}

fn replace_at(text: &str, at: usize, len: usize, with: &str) -> String {
    let t: Vec<char> = text.chars().collect();
    t[..at].iter().chain(with.chars().collect::<Vec<_>>().iter()).chain(t[at + len..].iter()).collect()
}

/// The quote, led by the indicator's name (the quote may leave it to its context, as in
/// "分别增长53%、158%、147%"): B's figure is found by name, A's quote no longer applies.
fn named_quote(ds: &Dataset, v: &Value, quote: &str) -> String {
    let name = &ds.indicator(&v.indicator).unwrap().name.zh;
    format!("{name}：{quote}")
}

#[track_caller]
fn assert_contradicts(ds: &Dataset, v: &Value, text: &str, at: usize, o: &Options, failures: &mut Vec<String>) {
    let found = check_text(ds, text, o).unwrap();
    let want = printed(ds, v, o.lang);
    match finding_at(text, &found, at) {
        Some(f) if f.status == Status::Contradicts && f.expected.as_deref() == Some(&want) => {}
        f => failures.push(format!("{}: {text} → {f:?} (want contradicts, expected {want})", v.id)),
    }
}

#[test]
fn a_changed_digit_contradicts_with_the_dataset_figure() {
    let ds = ds();
    let (mut failures, mut checked) = (Vec::new(), 0);
    for v in printed_values(&ds) {
        let Some(alt) = altered_number(&ds, v) else { continue };
        let at = figure_in_quote(v);
        // An edited copy of the source sentence: its own words tell which value it is about.
        let text = replace_at(&v.source.quote, at, printed_number(v).chars().count(), &alt);
        assert_contradicts(&ds, v, &text, at, &opts(Lang::Zh, v), &mut failures);
        checked += 1;
    }
    assert!(checked > ds.raw.values.len() / 2, "only {checked} values altered");
    assert!(failures.is_empty(), "{} of {checked} altered quotes:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn a_changed_unit_contradicts_with_the_dataset_figure() {
    let ds = ds();
    let (mut failures, mut checked) = (Vec::new(), 0);
    for v in printed_values(&ds) {
        let u = ds.unit(&v.unit).unwrap();
        // Another unit of the dimension, written in the quote right after the number.
        let Some(other) = ds.raw.units.iter().find(|o| o.dimension == u.dimension && o.factor != u.factor) else {
            continue;
        };
        let p = printed_number(v);
        let Some(&at) = occurrences(&v.source.quote, &p)
            .iter()
            .find(|&&i| v.source.quote.chars().skip(i + p.chars().count()).collect::<String>().starts_with(&u.id))
        else {
            continue;
        };
        let n = p.chars().count();
        let text = replace_at(&v.source.quote, at + n, u.id.chars().count(), &other.id);
        assert_contradicts(&ds, v, &text, at, &opts(Lang::Zh, v), &mut failures);
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} values had a unit to swap");
    assert!(failures.is_empty(), "{} of {checked} quotes with another unit:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn a_swapped_period_contradicts_with_that_periods_figure() {
    let ds = ds();
    let (mut failures, mut checked) = (Vec::new(), 0);
    for (a_i, a) in ds.raw.values.iter().enumerate() {
        for (b_i, b) in ds.raw.values.iter().enumerate() {
            let same = a.indicator == b.indicator
                && a.region == b.region
                && a.subject == b.subject
                && a.kind == b.kind
                && a.target_kind == b.target_kind
                && ds.unit(&a.unit).unwrap().dimension == ds.unit(&b.unit).unwrap().dimension;
            if !same || a.period == b.period || a.value == b.value {
                continue;
            }
            // A's quote, said of B's period: in place of a year the quote names, or before it.
            let (pa, pb) = (ds.period_of(a_i), ds.period_of(b_i));
            let (la, lb) = (pa.label(Lang::Zh), pb.label(Lang::Zh));
            // The quote may name A's period in its own words (今年上半年): those give way to B's.
            let own_words = match pa {
                Period::Half(_, 1) => ["今年上半年", "上半年"].iter().find(|w| a.source.quote.contains(*w)).copied(),
                _ => None,
            };
            let quote = if a.source.quote.contains(&la) {
                a.source.quote.replacen(&la, &lb, 1)
            } else if let Some(w) = own_words {
                a.source.quote.replacen(w, &lb, 1)
            } else {
                format!("{lb}，{}", a.source.quote)
            };
            let text = named_quote(&ds, a, &quote);
            let at = *occurrences(&text, &printed_number(a)).last().unwrap();
            let o = Options { lang: Lang::Zh, region: Some(a.region.clone()), period: None };
            assert_contradicts(&ds, b, &text, at, &o, &mut failures);
            checked += 1;
            assert!(matches!(
                pb,
                Period::Year(_) | Period::Half(..) | Period::Span(..) | Period::Month(..) | Period::Quarter(..)
            ));
        }
    }
    assert!(checked >= 4, "only {checked} period pairs");
    assert!(failures.is_empty(), "{} of {checked} swapped periods:\n{}", failures.len(), failures.join("\n"));
}

/// "Jinzhong's GDP in H1 2023 was 94.96 billion yuan." from the dataset's English names and
/// the widget's English number formatting.
fn english_sentence(ds: &Dataset, i: usize) -> (String, String) {
    let v = &ds.raw.values[i];
    let region = &ds.region(&v.region).unwrap().name.en;
    let indicator = &ds.indicator(&v.indicator).unwrap().name.en;
    let subject = v.subject.as_ref().map(|s| format!(" ({})", s.en)).unwrap_or_default();
    let figure = printed(ds, v, Lang::En);
    let period = ds.period_of(i).label(Lang::En);
    (format!("{region}'s {indicator}{subject} in {period} was {figure}."), figure)
}

#[test]
fn english_renderings_match() {
    let ds = ds();
    let mut failures = Vec::new();
    for (i, v) in ds.raw.values.iter().enumerate() {
        let (text, figure) = english_sentence(&ds, i);
        if !figure.is_ascii() {
            continue;
        }
        let found = check_text(&ds, &text, &Options { lang: Lang::En, region: None, period: None }).unwrap();
        let at = text.find(&figure).unwrap() + figure.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
        let at = text[..at].chars().count();
        let f = finding_at(&text, &found, at);
        let ok = f.is_some_and(|f| f.status == Status::Match && f.fact.as_deref() == Some(&v.id));
        // Two values may print the same in English with the same names (a 2025 target restated);
        // then the other one is a match too.
        let twin = f.and_then(|f| f.fact.as_deref()).and_then(|id| ds.value(id)).is_some_and(|o| {
            o.indicator == v.indicator
                && o.region == v.region
                && o.period == v.period
                && printed(&ds, o, Lang::En) == figure
        });
        if !ok && !twin {
            failures.push(format!("{}: {text} → {found:?}", v.id));
        }
    }
    assert!(failures.is_empty(), "{} English sentences:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn english_figures_convert_to_the_printed_units() {
    let ds = ds();
    let en = Options { lang: Lang::En, region: Some("晋中".into()), period: Some("2023H1".into()) };
    let found =
        check_text(&ds, "Jinzhong's GDP reached 94.96 billion yuan, up 4.8%; GDP was 95.1 billion yuan.", &en).unwrap();
    let st: Vec<_> = found.iter().map(|f| (f.text.as_str(), f.status, f.expected.as_deref())).collect();
    assert_eq!(
        st,
        [
            ("94.96 billion yuan", Status::Match, None),
            ("4.8%", Status::Match, None),
            ("95.1 billion yuan", Status::Contradicts, Some("94.96 billion yuan")),
        ]
    );
    // zh notation of the same quantity in another unit, and a rounding a reader would write.
    let zh = Options { lang: Lang::Zh, ..en.clone() };
    for (text, status) in [("地区生产总值9496000万元", Status::Match), ("地区生产总值约950亿元", Status::Match)]
    {
        let found = check_text(&ds, text, &zh).unwrap();
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].status, status, "{text}: {found:?}");
    }
}

#[test]
fn the_seeds_ways_of_writing_are_read() {
    let ds = ds();
    let o = |region: &str, period: &str| Options {
        lang: Lang::Zh,
        region: Some(region.into()),
        period: Some(period.into()),
    };
    let cases = [
        ("预计年亩产值可达3万余元", o("峪口", "2024"), "3万余元", "d003.yukou.apple_value"),
        ("力争年内新增10—15个", o("晋中", "2024"), "10", "d003.jz.innov_platforms_new_min.2024"),
        ("力争年内新增10—15个", o("晋中", "2024"), "15个", "d003.jz.innov_platforms_new_max.2024"),
        ("建成甲醇加注站近百座", o("晋中", "2023"), "百座", "d003.jz.methanol_stations.2023"),
    ];
    for (text, o, figure, id) in cases {
        let found = check_text(&ds, text, &o).unwrap();
        let f = found.iter().find(|f| f.text == figure).unwrap_or_else(|| panic!("{text}: {found:?}"));
        if ds.value(id).is_some() {
            assert_eq!((f.status, f.fact.as_deref()), (Status::Match, Some(id)), "{text}: {found:?}");
        }
    }
}

#[test]
fn a_decline_is_a_negative_number() {
    let ds = ds();
    let o = Options { lang: Lang::En, region: Some("晋中".into()), period: Some("2023H1".into()) };
    // The dataset has growth of +4.8%: 下降4.8% says -4.8%.
    let found = check_text(&ds, "全市地区生产总值同比下降4.8%", &o).unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].status, found[0].expected.as_deref()), (Status::Contradicts, Some("4.8%")), "{found:?}");
    let found = check_text(&ds, "全市地区生产总值同比增长4.8%", &o).unwrap();
    assert_eq!(found[0].status, Status::Match, "{found:?}");
}

#[test]
fn offsets_are_utf16_code_units() {
    let ds = ds();
    // An astral character (two UTF-16 units) before the figure.
    let text = "𠀀晋中市2023年上半年地区生产总值949.6亿元";
    let found = check_text(&ds, text, &Options { lang: Lang::Zh, region: None, period: None }).unwrap();
    let units: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(found.len(), 1);
    let f = &found[0];
    assert_eq!(String::from_utf16(&units[f.start..f.end]).unwrap(), "949.6亿元");
    assert_eq!((f.status, f.fact.as_deref()), (Status::Match, Some("d000.jz.gdp.2023H1")));
}

#[test]
fn text_without_a_named_indicator_is_unknown_and_bad_options_are_errors() {
    let ds = ds();
    let none = Options { lang: Lang::Zh, region: None, period: None };
    let found = check_text(&ds, "今天买了3个苹果，花了12.5元，走了2公里。", &none).unwrap();
    assert!(found.iter().all(|f| f.status == Status::Unknown && f.expected.is_none()), "{found:?}");
    assert_eq!(found.len(), 3, "{found:?}");
    let bad_region = Options { region: Some("太原".into()), ..none.clone() };
    assert_eq!(check_text(&ds, "x", &bad_region).unwrap_err().code, "unknown_region");
    let bad_period = Options { period: Some("2023H3".into()), ..none.clone() };
    assert_eq!(check_text(&ds, "x", &bad_period).unwrap_err().code, "bad_period");
    let huge = "1".repeat(econ_widget::facts::MAX_TEXT_CHARS + 1);
    assert_eq!(check_text(&ds, &huge, &none).unwrap_err().code, "text_too_large");
    let figures = "1个，".repeat(econ_widget::facts::MAX_FIGURES + 1);
    assert_eq!(check_text(&ds, &figures, &none).unwrap_err().code, "too_many_figures");
    let figures = "1个，".repeat(econ_widget::facts::MAX_FIGURES);
    assert_eq!(check_text(&ds, &figures, &none).unwrap().len(), econ_widget::facts::MAX_FIGURES);
}

#[test]
fn adversarial_text_never_panics() {
    let ds = ds();
    let none = Options { lang: Lang::En, region: None, period: None };
    let pieces = [
        "1",
        ".",
        ",",
        "/",
        "—",
        "-",
        "万",
        "亿",
        "元",
        "%",
        "个",
        "百",
        "十",
        "近",
        "余",
        "第",
        "大",
        " ",
        "billion",
        "yuan",
        "2023",
        "年",
        "上半年",
        "\n",
        "𠀀",
        "H1 ",
        "ºC",
    ];
    let mut seed = 12345u64;
    for _ in 0..500 {
        let mut text = String::new();
        for _ in 0..(seed % 24) {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        let found = check_text(&ds, &text, &none).unwrap();
        let n = text.encode_utf16().count();
        for f in found {
            assert!(f.start < f.end && f.end <= n, "{text:?}: {f:?}");
        }
    }
}

#[test]
fn ranks_read_in_every_notation() {
    let ds = ds();
    let id = "d003.jz.baojuyuan_rank.2023";
    let v = ds.value(id).expect("the seed's one rank");
    let quote = &v.source.quote;
    for (lang, text, status, expected) in [
        (Lang::Zh, quote.replace("第6", "第6名"), Status::Match, None),
        (Lang::Zh, quote.replace("第6", "第7"), Status::Contradicts, Some("第6名")),
        (
            Lang::En,
            "Pingyao Baojuyuan ranked 7th in Shanxi's online sales of farm produce.".to_string(),
            Status::Contradicts,
            Some("6th"),
        ),
    ] {
        let found = check_text(&ds, &text, &opts(lang, v)).unwrap();
        let f = found.last().unwrap_or_else(|| panic!("{text}: nothing found"));
        assert_eq!(
            (f.status, f.fact.as_deref(), f.expected.as_deref()),
            (status, Some(id), expected),
            "{text}: {found:?}"
        );
    }
}
