//! The dataset: the embedded one validates, every number is traceable to a verbatim quote of its
//! source document, and every check in `data/validate.rs` rejects a bad host dataset with the
//! right `{code, path, message}`.
// Native tests: `wasm-pack test` builds every test target for wasm32, where these have no use.
#![cfg(not(target_arch = "wasm32"))]

use econ_widget::data::{packed, Bound, Dataset, Kind, MAX_DATASET_BYTES};
use econ_widget::error::Error;
use econ_widget::i18n::shortest;
use econ_widget::i18n::Lang;
use serde_json::{json, Value};
use std::path::PathBuf;

const MINI: &str = include_str!("fixtures/mini.json");

fn mini() -> Value {
    serde_json::from_str(MINI).expect("fixture is JSON")
}

/// Mutates the fixture, parses it, and returns the error (failing if it parses).
#[track_caller]
fn bad(mutate: impl FnOnce(&mut Value)) -> Error {
    let mut v = mini();
    mutate(&mut v);
    let text = serde_json::to_string_pretty(&v).unwrap();
    match Dataset::parse(&text) {
        Ok(_) => panic!("mutated dataset should be rejected"),
        Err(e) => e,
    }
}

#[track_caller]
fn bad_text(text: &str) -> Error {
    match Dataset::parse(text) {
        Ok(_) => panic!("text should be rejected: {:.80}", text),
        Err(e) => e,
    }
}

/// Asserts code and path, and that the message mentions every `needle`.
#[track_caller]
fn expect(e: &Error, code: &str, path: &str, needles: &[&str]) {
    assert_eq!(e.code, code, "code of {e:?}");
    assert_eq!(e.path, path, "path of {e:?}");
    for n in needles {
        assert!(e.message.contains(n), "message {:?} should mention {:?}", e.message, n);
    }
    // The Display form is "path: message" (or the message alone).
    let shown = e.to_string();
    assert!(shown.ends_with(&e.message));
    if !path.is_empty() {
        assert!(shown.starts_with(&format!("{path}: ")), "{shown}");
    }
}

fn index_of(v: &Value, array: &str, id_field: &str, id: &str) -> usize {
    v[array].as_array().unwrap().iter().position(|x| x[id_field] == id).unwrap_or_else(|| panic!("{array} has no {id}"))
}

// ---------------------------------------------------------------------------------------------
// The embedded dataset

#[test]
fn embedded_dataset_validates_and_is_substantial() {
    let ds = Dataset::embedded().expect("embedded dataset validates");
    assert!(ds.raw.values.len() > 150, "only {} values", ds.raw.values.len());
    assert_eq!(ds.periods.len(), ds.raw.values.len());
    assert!(
        !ds.raw.views.is_empty()
            && !ds.raw.groups.is_empty()
            && !ds.raw.targets.is_empty()
            && !ds.raw.milestones.is_empty()
    );
    for (i, v) in ds.raw.values.iter().enumerate() {
        assert!(ds.document(&v.source.doc).is_some(), "values[{i}] ({}) cites unknown document {}", v.id, v.source.doc);
        assert!(ds.unit(&v.unit).is_some() && ds.indicator(&v.indicator).is_some() && ds.region(&v.region).is_some());
        assert_eq!(ds.value(&v.id).map(|x| &x.id), Some(&v.id), "id lookup");
        assert!(v.value.is_finite());
    }
    for m in &ds.raw.milestones {
        assert!(ds.document(&m.source.doc).is_some(), "milestone {} cites unknown document {}", m.id, m.source.doc);
    }
    // Every document is actually cited by something.
    for d in &ds.raw.documents {
        let cited = ds.raw.values.iter().any(|v| v.source.doc == d.doc)
            || ds.raw.milestones.iter().any(|m| m.source.doc == d.doc);
        assert!(cited, "document {} is never cited", d.doc);
    }
}

#[test]
fn embedded_dataset_is_the_same_through_parse() {
    // The one-chart build decodes the packed form; the full build reads the JSON with serde.
    let a = Dataset::embedded().unwrap();
    let b = Dataset::parse(econ_widget::data::EMBEDDED_JSON).unwrap();
    // The packed form also holds the derived views, as view records.
    let b_raw = econ_widget::views::with_derived_views(&b).unwrap();
    assert!(a.raw == b_raw, "unpacked and parsed datasets differ");
    assert_eq!(format!("{:?}", a.raw), format!("{:?}", b_raw));
    assert_eq!(a.periods, b.periods);
    // The embedded index is built without the id checks (they ran when it was packed): every
    // id still finds the row the checked index finds.
    for (i, v) in a.raw.values.iter().enumerate() {
        assert_eq!((a.value_index(&v.id), b.value_index(&v.id)), (Some(i), Some(i)), "value {}", v.id);
    }
    for d in &a.raw.documents {
        assert!(std::ptr::eq(a.document(&d.doc).unwrap(), d), "document {}", d.doc);
    }
    assert_eq!(a.value_index("no such value"), None);
}

/// The wasm carries src/data/dataset.bin, packed from dataset.json at build time: an edit to
/// the JSON without re-packing would ship the old data.
#[test]
fn packed_dataset_is_in_step_with_the_json() {
    let ds = Dataset::parse(econ_widget::data::EMBEDDED_JSON).unwrap();
    assert!(
        packed::pack(&econ_widget::views::with_derived_views(&ds).unwrap()) == econ_widget::data::EMBEDDED_PACKED,
        "src/data/dataset.bin is stale: run `cargo run --example pack_dataset` (scripts/build.sh does) and commit it"
    );
}

#[test]
fn damaged_packed_data_is_an_error_not_a_panic() {
    let good = econ_widget::data::EMBEDDED_PACKED;
    for cut in [0, 3, 4, 5, 100, good.len() / 2, good.len() - 1] {
        let e = packed::unpack(&good[..cut]).unwrap_err();
        assert_eq!(e.code, "corrupt_dataset", "cut at {cut}");
    }
    let mut longer = good.to_vec();
    longer.push(0);
    assert_eq!(packed::unpack(&longer).unwrap_err().code, "corrupt_dataset");
    let mut bad_utf8 = good.to_vec();
    // The first byte of the schema string, in the ids' string table.
    let schema = good.windows(8).position(|w| w == b"econ-wid").unwrap();
    bad_utf8[schema] = 0xFF;
    assert_eq!(packed::unpack(&bad_utf8).unwrap_err().code, "corrupt_dataset");
}

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds")
}

/// The text a value's quote must contain: `printed` if set, else the shortest form.
fn printed_text(v: &econ_widget::data::Value) -> String {
    v.printed.clone().unwrap_or_else(|| shortest(v.value.abs()))
}

/// Whether `number` occurs in `text` as a number of its own: not the "4" of "40" or "14", nor
/// the "1.2" of "21.2" ("3" of "3万" stands alone: a unit word may follow).
fn contains_number(text: &str, number: &str) -> bool {
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',');
    text.match_indices(number).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + number.len()..].chars().next();
        // A number ending in a digit must not run on into more digits, and must not start
        // inside one; printed forms like "1/4" or "千" are matched as they are.
        let starts_mid = number.starts_with(|c: char| c.is_ascii_digit()) && digit(before);
        let runs_on = number.ends_with(|c: char| c.is_ascii_digit()) && digit(after) && after != Some('.')
            || (after == Some('.') && text[at + number.len() + 1..].starts_with(|c: char| c.is_ascii_digit()));
        !starts_mid && !runs_on
    })
}

#[test]
fn a_number_must_stand_alone_in_its_quote() {
    assert!(contains_number("再打造40个精品示范村", "40"));
    assert!(!contains_number("再打造40个精品示范村", "4"));
    assert!(!contains_number("年内剩余省级14项工程", "4"));
    assert!(!contains_number("增长21.2%", "1.2"));
    assert!(!contains_number("增长21.2%", "21"));
    assert!(contains_number("3万余元。", "3"));
    assert!(contains_number("由3户增加至8户", "8"));
    assert!(contains_number("1,154户", "1,154"));
}

#[test]
fn every_quote_is_verbatim_in_its_seed_document() {
    let dir = seeds_dir();
    if !dir.is_dir() {
        println!("skipped: ../shared/seeds not present ({})", dir.display());
        return;
    }
    let ds = Dataset::embedded().unwrap();
    let mut texts = std::collections::HashMap::new();
    for d in &ds.raw.documents {
        let path = dir.join(&d.doc);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        texts.insert(d.doc.clone(), text);
    }
    let mut problems = Vec::new();
    for v in &ds.raw.values {
        let text = &texts[&v.source.doc];
        if !text.contains(&v.source.quote) {
            problems.push(format!("value {}: quote {:?} is not in {}", v.id, v.source.quote, v.source.doc));
        }
        // A derived figure is not printed: its quote holds its inputs' numbers instead.
        let numbers: Vec<String> = match &v.derived {
            Some(d) => d.inputs.iter().filter_map(|i| ds.value(i)).map(printed_text).collect(),
            None => vec![printed_text(v)],
        };
        for printed in numbers {
            if !contains_number(&v.source.quote, &printed) {
                problems.push(format!(
                    "value {}: quote {:?} does not contain the number {:?} (standing alone)",
                    v.id, v.source.quote, printed
                ));
            }
        }
    }
    for m in &ds.raw.milestones {
        if !texts[&m.source.doc].contains(&m.source.quote) {
            problems.push(format!("milestone {}: quote {:?} is not in {}", m.id, m.source.quote, m.source.doc));
        }
    }
    assert!(problems.is_empty(), "{} provenance problems:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn jinzhong_h1_2023_gdp_facts() {
    let ds = Dataset::embedded().unwrap();
    let find = |indicator: &str, kind: Kind| {
        let hits: Vec<usize> = ds
            .raw
            .values
            .iter()
            .enumerate()
            .filter(|(_, v)| {
                v.region == "晋中"
                    && v.indicator == indicator
                    && v.period == "2023H1"
                    && v.kind == kind
                    && v.subject.is_none()
            })
            .map(|(i, _)| i)
            .collect();
        assert_eq!(hits.len(), 1, "exactly one 晋中 2023H1 {indicator} {kind:?}");
        &ds.raw.values[hits[0]]
    };
    let gdp = find("gdp", Kind::Level);
    assert_eq!(gdp.value, 949.6);
    assert_eq!(gdp.unit, "亿元");
    assert!(gdp.source.quote.contains("949.6亿元"), "{}", gdp.source.quote);
    assert_eq!(ds.document(&gdp.source.doc).unwrap().title.zh, "晋中：晋商故里开新局");

    let growth = find("gdp", Kind::Growth);
    assert_eq!(growth.value, 4.8);
    assert_eq!(growth.unit, "%");
    assert!(growth.source.quote.contains("4.8%"));

    let parts: Vec<f64> =
        ["gdp_primary", "gdp_secondary", "gdp_tertiary"].iter().map(|i| find(i, Kind::Level).value).collect();
    assert_eq!(parts, [47.8, 497.3, 404.5]);

    // The composition group ties them together, and they add up.
    let group = ds.raw.groups.iter().find(|g| g.whole == gdp.id).expect("a group whose whole is the GDP");
    let group_parts: Vec<f64> = group.parts.iter().map(|p| ds.value(p).unwrap().value).collect();
    assert_eq!(group_parts, [47.8, 497.3, 404.5]);
    assert!((group_parts.iter().sum::<f64>() - 949.6).abs() < 0.01);
}

/// The bound a number's own wording gives it, from the characters around it in the quote:
/// 余/多/以上/超/突破/不低于 say "at least", 以下/以内/控制在 "at most", 近/约/左右 "about".
fn bound_in_words(quote: &str, printed: &str) -> Option<Bound> {
    // The first occurrence that is a whole number, not the "3" of "30".
    let is_num = |c: char| c.is_ascii_digit() || c == '.';
    let at = quote
        .match_indices(printed)
        .map(|(i, _)| i)
        .find(|&i| !quote[..i].ends_with(is_num) && !quote[i + printed.len()..].starts_with(is_num))?;
    let before: String = quote[..at].chars().rev().take(3).collect::<Vec<_>>().into_iter().rev().collect();
    // After the number: its unit and what qualifies it, up to the next number or clause break.
    let after: String = quote[at + printed.len()..]
        .chars()
        .take_while(|c| !c.is_ascii_digit() && !"，,、。；;（(—".contains(*c))
        .take(8)
        .collect();
    let more = after.starts_with('余') || after.contains("余元") || after.contains('多') || after.contains("以上");
    if more || ["超", "超过", "突破", "不低于"].iter().any(|w| before.ends_with(w)) {
        Some(Bound::AtLeast)
    } else if after.contains("以下") || after.contains("以内") || before.ends_with("控制在") {
        Some(Bound::AtMost)
    } else if after.contains("左右") || before.ends_with('近') || before.ends_with('约') {
        Some(Bound::About)
    } else {
        None
    }
}

#[test]
fn bound_words_are_read_from_the_quote() {
    assert_eq!(bound_in_words("预计年亩产值可达3万余元", "3"), Some(Bound::AtLeast));
    assert_eq!(bound_in_words("投资60余万元的30亩", "60"), Some(Bound::AtLeast));
    assert_eq!(bound_in_words("投资60余万元的30亩", "30"), None);
    assert_eq!(bound_in_words("超3万亿元的GDP", "3"), Some(Bound::AtLeast));
    assert_eq!(bound_in_words("建成甲醇加注站近百座", "百"), Some(Bound::About));
    assert_eq!(bound_in_words("亩产稳定在4000公斤左右", "4000"), Some(Bound::About));
    assert_eq!(bound_in_words("PM2.5浓度在36微克/立方米以下", "36"), Some(Bound::AtMost));
    assert_eq!(bound_in_words("增长31%，超出规上工业增速26.7个百分点", "31"), None);
}

/// Every value's `bound` is what its quote's wording says: "3万余元" is at least 30,000 yuan,
/// not about it. A number without such words is exact, unless a list or range governs it.
#[test]
fn bounds_follow_the_words_of_the_quote() {
    let ds = Dataset::embedded().unwrap();
    // The wording sits away from these numbers: "分别控制在12.6/10万、6.6‰、5.3‰" governs the
    // whole list; "新增10—15个" is a range, stored as its two ends.
    let governed = [
        ("d003.jz.u5_mort.2024", Bound::AtMost),
        ("d003.jz.infant_mort.2024", Bound::AtMost),
        ("d003.jz.innov_platforms_new_min.2024", Bound::AtLeast),
        ("d003.jz.innov_platforms_new_max.2024", Bound::AtMost),
    ];
    let mut problems = Vec::new();
    for v in &ds.raw.values {
        let expected = match governed.iter().find(|(id, _)| *id == v.id) {
            Some(&(_, b)) => b,
            None => bound_in_words(&v.source.quote, &printed_text(v)).unwrap_or(Bound::Exact),
        };
        if v.bound != expected {
            problems.push(format!("{}: bound {:?}, but {:?} says {:?}", v.id, v.bound, v.source.quote, expected));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A plan's figure is a target. Quotes that speak of plans (力争, 计划, 打造, 启动, 谋划, 有望,
/// 确保, 年内, 今后, 推进) carry targets, except where the planned part is another number.
#[test]
fn plan_figures_are_targets() {
    let ds = Dataset::embedded().unwrap();
    let not_plans = [
        // A county's ongoing pipeline, reported in a news feature (2023-08), not a plan text.
        "d000.qx.key_projects.2023",
        "d000.qx.key_projects_investment.2023",
        // "由3户增加至8户,年内有望达10户": only the 10 is expected.
        "d001.jz.billion_enterprises.start",
        "d001.jz.billion_enterprises.2024",
    ];
    let words = ["力争", "计划", "打造", "启动", "谋划", "有望", "确保", "年内", "今后", "推进"];
    for v in &ds.raw.values {
        if words.iter().any(|w| v.source.quote.contains(w)) && !not_plans.contains(&v.id.as_str()) {
            assert_eq!(v.kind, Kind::Target, "{}: {:?} is a plan", v.id, v.source.quote);
        }
    }
}

/// Cross-document series line up only if one concept has one indicator.
#[test]
fn no_two_indicators_share_a_name() {
    let ds = Dataset::embedded().unwrap();
    for lang in [Lang::Zh, Lang::En] {
        let mut names: Vec<(&str, &str)> =
            ds.raw.indicators.iter().map(|i| (i.name.get(lang), i.id.as_str())).collect();
        names.sort();
        for w in names.windows(2) {
            assert_ne!(w[0].0, w[1].0, "indicators {} and {} are both named {:?}", w[0].1, w[1].1, w[0].0);
        }
    }
}

/// A figure about an area around a city is not the city's own.
#[test]
fn the_one_hour_economic_circle_is_its_own_region() {
    let ds = Dataset::embedded().unwrap();
    for v in &ds.raw.values {
        if v.source.quote.contains("经济圈") {
            assert_eq!(v.region, "晋城一小时经济圈", "{}", v.id);
        }
    }
    let gdp = ds.value("d004.jc.one_hour_circle_gdp").unwrap();
    assert_eq!(
        (gdp.indicator.as_str(), gdp.value, gdp.unit.as_str(), gdp.bound),
        ("gdp", 3.0, "万亿元", Bound::AtLeast)
    );
    assert_ne!(ds.region("晋城一小时经济圈").unwrap().parent.as_deref(), Some("晋城"));
}

/// "百亿企业由3户增加至8户,年内有望达10户": three values of one indicator, the start's year
/// said to be unknown rather than invented.
#[test]
fn ten_billion_yuan_enterprises_go_from_3_to_8_to_10() {
    let ds = Dataset::embedded().unwrap();
    let ids =
        ["d001.jz.billion_enterprises.start", "d001.jz.billion_enterprises.2024", "d001.jz.billion_enterprises.2025t"];
    let vals: Vec<_> = ids.iter().map(|id| ds.value(id).unwrap_or_else(|| panic!("no {id}"))).collect();
    assert_eq!(vals.iter().map(|v| v.value).collect::<Vec<_>>(), [3.0, 8.0, 10.0]);
    assert!(vals.iter().all(|v| v.indicator == "billion_enterprises" && v.unit == "户"));
    assert_eq!(vals.iter().map(|v| v.kind).collect::<Vec<_>>(), [Kind::Count, Kind::Count, Kind::Target]);
    let start = ds.value_index(ids[0]).unwrap();
    assert_eq!(ds.period_label(start, Lang::En), "year not stated");
    assert_eq!(ds.period_label(start, Lang::Zh), "年份未注明");
}

/// Every label in English, as a reader sees it: the text's own calques and Chinese never show.
fn english_texts(ds: &Dataset) -> Vec<(String, &str)> {
    let mut out: Vec<(String, &str)> = Vec::new();
    for d in &ds.raw.documents {
        out.push((format!("documents {} title", d.doc), &d.title.en));
        out.push((format!("documents {} publisher", d.doc), &d.publisher.en));
    }
    out.extend(ds.raw.regions.iter().map(|r| (format!("regions {}", r.id), r.name.en.as_str())));
    out.extend(ds.raw.topics.iter().map(|t| (format!("topics {}", t.id), t.name.en.as_str())));
    out.extend(ds.raw.units.iter().map(|u| (format!("units {}", u.id), u.name.en.as_str())));
    out.extend(ds.raw.indicators.iter().map(|i| (format!("indicators {}", i.id), i.name.en.as_str())));
    for v in &ds.raw.values {
        for (field, t) in [("subject", &v.subject), ("note", &v.note), ("period_text", &v.period_text)] {
            if let Some(t) = t {
                out.push((format!("values {} {field}", v.id), &t.en));
            }
        }
    }
    out.extend(ds.raw.milestones.iter().map(|m| (format!("milestones {}", m.id), m.text.en.as_str())));
    out
}

/// A straight quote that is not an apostrophe (Shanxi's, industries' growth).
fn straight_quote(s: &str) -> bool {
    let c: Vec<char> = s.chars().collect();
    c.iter().enumerate().any(|(i, &ch)| match ch {
        '"' => true,
        '\'' => {
            let letter_before = i > 0 && c[i - 1].is_alphabetic();
            let letter_after = c.get(i + 1).is_some_and(|n| n.is_alphabetic());
            let plural_possessive = i > 0 && c[i - 1] == 's' && c.get(i + 1).is_none_or(|n| *n == ' ');
            !(letter_before && letter_after || plural_possessive)
        }
        _ => false,
    })
}

#[test]
fn english_text_is_english_a_news_desk_would_print() {
    let ds = Dataset::embedded().unwrap();
    let cjk = |c: char| matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}');
    // Calques the first English of this dataset had.
    let calques =
        ["Doing 2025", "Economic Work Well", "New & clean", "intelligent coal", "households/firms", "Sci-tech"];
    let mut problems = Vec::new();
    for (at, en) in english_texts(&ds) {
        if en.chars().any(cjk) {
            problems.push(format!("{at}: Chinese characters in {en:?}"));
        }
        if straight_quote(en) {
            problems.push(format!("{at}: straight quotes in {en:?} (English text uses “ ” and ‘ ’)"));
        }
        if let Some(c) = calques.iter().find(|c| en.contains(*c)) {
            problems.push(format!("{at}: calque {c:?} in {en:?}"));
        }
    }
    // A unit names what it counts: 700 base stations, not 700 items.
    for u in &ds.raw.units {
        if ["items", "facilities", "units", "things", "pieces"].contains(&u.name.en.as_str()) {
            problems.push(format!("units {}: {:?} does not say what is counted", u.id, u.name.en));
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
    assert!(
        straight_quote("'Three Batches' event")
            && straight_quote("say \"hi\"")
            && !straight_quote("Shanxi's industries' growth")
    );
}

/// 户 counts enterprises in most of the texts, and households in one: two units.
#[test]
fn households_and_enterprises_are_different_units() {
    let ds = Dataset::embedded().unwrap();
    let unit = |id: &str| ds.unit(&ds.value(id).unwrap().unit).unwrap();
    let (homes, firms) = (unit("d003.jz.elderly_adapt.2024"), unit("d003.jz.ind_ent.2023"));
    assert_eq!((homes.name.zh.as_str(), homes.name.en.as_str()), ("户", "households"));
    assert_eq!((firms.name.zh.as_str(), firms.name.en.as_str()), ("户", "enterprises"));
    assert_ne!(homes.dimension, firms.dimension, "households and enterprises never share an axis");
    let v = ds.value("d003.jz.elderly_adapt.2024").unwrap();
    assert_eq!(econ_widget::spec::display(&ds, v, Lang::Zh), "5000户");
    assert_eq!(econ_widget::spec::display(&ds, v, Lang::En), "5,000 households");
}

// ---------------------------------------------------------------------------------------------
// The fixture itself

#[test]
fn fixture_is_valid() {
    let ds = Dataset::parse(MINI).expect("mini.json validates");
    assert_eq!(ds.raw.values.len(), 14);
    assert_eq!(ds.value("jz.gdp.2023H1").unwrap().value, 949.6);
    assert_eq!(ds.period_of(ds.value_index("jz.gdp.2023H1").unwrap()), econ_widget::period::Period::Half(2023, 1));
}

// ---------------------------------------------------------------------------------------------
// JSON-level errors (data/mod.rs parses, data/read.rs checks the shape)

#[test]
fn malformed_json() {
    // Syntax errors have no JSON path; the message says where in the text.
    let e = bad_text("");
    expect(&e, "malformed_json", "", &["EOF", "line 1 column 0"]);
    let e = bad_text("   ");
    expect(&e, "malformed_json", "", &["EOF"]);
    let e = bad_text("{");
    expect(&e, "malformed_json", "", &["EOF", "line 1 column 1"]);
    let e = bad_text(r#"{"schema": }"#);
    expect(&e, "malformed_json", "", &["expected value", "line 1 column 12"]);
    // A missing comma deep inside: the line of the fixture where it is.
    let text = MINI.replacen("\"value\": 949.6,", "\"value\": 949.6", 1);
    let line = text[..text.find("\"value\": 949.6").unwrap()].lines().count() + 1;
    let e = bad_text(&text);
    expect(&e, "malformed_json", "", &["expected `,` or `}`", &format!("line {line} ")]);
    // JSON has no NaN or Infinity literals.
    for lit in ["NaN", "Infinity", "-Infinity"] {
        let e = bad_text(&MINI.replacen("949.6", lit, 1));
        assert_eq!(e.code, "malformed_json", "{lit}: {e:?}");
    }
}

#[test]
fn trailing_garbage_is_malformed() {
    let e = bad_text(&format!("{MINI} x"));
    expect(&e, "malformed_json", "", &["trailing characters"]);
    let e = bad_text(&format!("{MINI}{MINI}"));
    expect(&e, "malformed_json", "", &["trailing characters"]);
    // Trailing whitespace is fine.
    assert!(Dataset::parse(&format!("{MINI}\n\n  ")).is_ok());
}

#[test]
fn deeply_nested_json_is_an_error_not_a_crash() {
    let e = bad_text(&format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)));
    expect(&e, "malformed_json", "", &["recursion limit"]);
    let e = bad_text(&format!("{{\"schema\": {}{}}}", "{\"a\":".repeat(50_000), "}".repeat(50_000)));
    assert_eq!(e.code, "malformed_json", "{e:?}");
}

#[test]
fn wrong_top_level_type() {
    expect(&bad_text("null"), "invalid_dataset", "", &["expected an object", "null"]);
    expect(&bad_text("[]"), "invalid_dataset", "", &["expected an object", "an array"]);
    expect(&bad_text("\"dataset\""), "invalid_dataset", "", &["expected an object", "string 'dataset'"]);
    expect(&bad_text("42"), "invalid_dataset", "", &["number 42"]);
}

#[test]
fn wrong_types() {
    let e = bad(|v| v["values"][0]["value"] = json!("949.6"));
    expect(&e, "invalid_dataset", "values[0].value", &["expected a number", "string '949.6'"]);
    let e = bad(|v| v["values"][0]["value"] = json!(null));
    expect(&e, "invalid_dataset", "values[0].value", &["expected a number", "null"]);
    let e = bad(|v| v["values"][0]["value"] = json!([949.6]));
    expect(&e, "invalid_dataset", "values[0].value", &["an array"]);
    let e = bad(|v| v["schema"] = json!(1));
    expect(&e, "invalid_dataset", "schema", &["expected a string", "number 1"]);
    let e = bad(|v| v["regions"][0]["name"] = json!(null));
    expect(&e, "invalid_dataset", "regions[0].name", &["expected an object", "null"]);
    let e = bad(|v| v["regions"][0]["name"] = json!("山西省"));
    expect(&e, "invalid_dataset", "regions[0].name", &["string '山西省'"]);
    let e = bad(|v| v["units"][1]["factor"] = json!("10000"));
    expect(&e, "invalid_dataset", "units[1].factor", &["expected a number", "string '10000'"]);
    let e = bad(|v| v["values"][3]["kind"] = json!("levels"));
    expect(&e, "invalid_dataset", "values[3].kind", &["`levels`", "level, growth, share, count, target"]);
    let e = bad(|v| v["values"][3]["kind"] = json!(1));
    expect(&e, "invalid_dataset", "values[3].kind", &["expected a string", "number 1"]);
    let e = bad(|v| v["values"][13]["target_kind"] = json!("goal"));
    expect(&e, "invalid_dataset", "values[13].target_kind", &["`goal`"]);
    let e = bad(|v| v["values"][0]["bound"] = json!("roughly"));
    expect(&e, "invalid_dataset", "values[0].bound", &["`roughly`", "at_least"]);
    let e = bad(|v| v["views"][1]["chart"] = json!("pie"));
    expect(&e, "invalid_dataset", "views[1].chart", &["`pie`", "grouped_bar"]);
    let e = bad(|v| v["views"][1]["series"] = json!("colour"));
    expect(&e, "invalid_dataset", "views[1].series", &["`colour`", "period, region, kind"]);
    let e = bad(|v| v["views"][1]["values"] = json!("jz.gdp.2023H1"));
    expect(&e, "invalid_dataset", "views[1].values", &["expected an array", "string 'jz.gdp.2023H1'"]);
    let e = bad(|v| v["views"][1]["values"][2] = json!(7));
    expect(&e, "invalid_dataset", "views[1].values[2]", &["expected a string", "number 7"]);
    let e = bad(|v| v["groups"][0]["parts"][0] = json!({}));
    expect(&e, "invalid_dataset", "groups[0].parts[0]", &["an object"]);
    let e = bad(|v| v["groups"][0]["tolerance"] = json!("0.2"));
    expect(&e, "invalid_dataset", "groups[0].tolerance", &["string '0.2'"]);
    for year in [json!(70000), json!(-1), json!(2025.5), json!("2025")] {
        let e = bad(|v| v["milestones"][0]["year"] = year.clone());
        expect(&e, "invalid_dataset", "milestones[0].year", &["expected a year", year.to_string().trim_matches('"')]);
    }
    let e = bad(|v| v["documents"] = json!({}));
    expect(&e, "invalid_dataset", "documents", &["expected an array", "an object"]);
    let e = bad(|v| v["values"][4] = json!("jz.gdp3.2023H1"));
    expect(&e, "invalid_dataset", "values[4]", &["expected an object", "string 'jz.gdp3.2023H1'"]);
    let e = bad(|v| v["values"][4]["source"] = json!(["000_ade18ad3f0db81b9.txt"]));
    expect(&e, "invalid_dataset", "values[4].source", &["expected an object", "an array"]);
}

#[test]
fn optional_fields_may_be_null_or_absent() {
    let mut v = mini();
    v["values"][0]["printed"] = json!(null);
    v["values"][0]["note"] = json!(null);
    v["values"][0]["period_text"] = json!(null);
    v["values"][0]["bound"] = json!(null);
    v["documents"][0]["url"] = json!(null);
    v["regions"][0]["parent"] = json!(null);
    v["views"][0]["values"] = json!(null);
    v["groups"][0].as_object_mut().unwrap().remove("tolerance");
    let ds = Dataset::parse(&v.to_string()).unwrap();
    assert_eq!(ds.raw.values[0].bound, econ_widget::data::Bound::Exact);
    assert_eq!(ds.raw.values[0].printed, None);
}

/// A value whose text gives no exact period ("5年内") reads with the text's words, in both
/// languages and after packing; its `period` only orders it.
#[test]
fn period_text_reads_in_place_of_the_period() {
    let mut v = mini();
    v["values"][0]["period_text"] = json!({"zh": "5年内", "en": "within 5 years"});
    let ds = Dataset::parse(&v.to_string()).unwrap();
    assert_eq!(ds.period_label(0, Lang::Zh), "5年内");
    assert_eq!(ds.period_label(0, Lang::En), "within 5 years");
    assert_ne!(ds.period_label(1, Lang::En), "within 5 years");
    let unpacked = packed::unpack(&packed::pack(&ds.raw)).unwrap();
    assert_eq!(format!("{:?}", unpacked.values[0]), format!("{:?}", ds.raw.values[0]));
}

#[test]
fn missing_fields() {
    let e = bad(|v| {
        v["values"][0].as_object_mut().unwrap().remove("unit");
    });
    expect(&e, "invalid_dataset", "values[0]", &["missing field", "`unit`"]);
    let e = bad(|v| {
        v.as_object_mut().unwrap().remove("views");
    });
    expect(&e, "invalid_dataset", "", &["missing field", "`views`"]);
    let e = bad(|v| {
        v["documents"][2]["title"].as_object_mut().unwrap().remove("en");
    });
    expect(&e, "invalid_dataset", "documents[2].title", &["missing field", "`en`"]);
    let e = bad(|v| {
        v["values"][5]["source"].as_object_mut().unwrap().remove("quote");
    });
    expect(&e, "invalid_dataset", "values[5].source", &["missing field", "`quote`"]);
    let e = bad(|v| {
        v["milestones"][2].as_object_mut().unwrap().remove("year");
    });
    expect(&e, "invalid_dataset", "milestones[2]", &["missing field", "`year`"]);
    let e = bad(|v| {
        v["groups"][0].as_object_mut().unwrap().remove("parts");
    });
    expect(&e, "invalid_dataset", "groups[0]", &["missing field", "`parts`"]);
}

#[test]
fn unknown_fields_are_rejected() {
    // The path is the object's; the message names the field and what was expected.
    let e = bad(|v| v["values"][0]["colour"] = json!("red"));
    expect(&e, "invalid_dataset", "values[0]", &["unknown field", "`colour`", "printed, unit"]);
    let e = bad(|v| v["extra"] = json!(1));
    expect(&e, "invalid_dataset", "", &["unknown field", "`extra`", "schema, documents"]);
    let e = bad(|v| v["regions"][0]["name"]["fr"] = json!("Shanxi"));
    expect(&e, "invalid_dataset", "regions[0].name", &["unknown field", "`fr`", "zh, en"]);
    // A typo of an optional field must not silently drop it.
    let e = bad(|v| v["values"][0]["printd"] = json!("949.6"));
    expect(&e, "invalid_dataset", "values[0]", &["`printd`"]);
    let e = bad(|v| v["views"][1]["serie"] = json!("period"));
    expect(&e, "invalid_dataset", "views[1]", &["`serie`"]);
    let e = bad(|v| v["values"][2]["source"]["page"] = json!(3));
    expect(&e, "invalid_dataset", "values[2].source", &["`page`"]);
    // A huge unknown key is named, clipped.
    let key = "k".repeat(1 << 20);
    let e = bad(|v| v["values"][0][key.as_str()] = json!(1));
    assert!(e.message.len() < 500 && e.message.contains("kkkkkkkkkk"), "{} bytes", e.message.len());
}

#[test]
fn numbers_out_of_range() {
    // JSON has no NaN; the nearest thing, an overflowing literal, is rejected by the parser,
    // which says where in the text it is.
    let text = MINI.replacen("949.6", "1e999", 1);
    let line = text[..text.find("1e999").unwrap()].lines().count();
    let e = bad_text(&text);
    expect(&e, "malformed_json", "", &["number out of range", &format!("line {line} ")]);
    let e = bad_text(&MINI.replacen("100000000", "1e400", 1));
    expect(&e, "malformed_json", "", &["number out of range"]);
    // Finite but absurd.
    let e = bad(|v| v["values"][0]["value"] = json!(1e16));
    expect(&e, "invalid_dataset", "values[0].value", &["1e16 is out of range"]);
    let e = bad(|v| v["values"][1]["value"] = json!(-2e15));
    expect(&e, "invalid_dataset", "values[1].value", &["-2000000000000000", "out of range"]);
    let e = bad_text(&MINI.replacen("949.6", "1e308", 1));
    expect(&e, "invalid_dataset", "values[0].value", &["out of range"]);
    // The limit itself is fine.
    let mut v = mini();
    v["values"][11]["value"] = json!(1e15);
    assert!(Dataset::parse(&v.to_string()).is_ok());
}

#[test]
fn too_large_text() {
    let mut text = String::from(MINI);
    text.push_str(&" ".repeat(MAX_DATASET_BYTES + 1 - MINI.len()));
    assert_eq!(text.len(), MAX_DATASET_BYTES + 1);
    let e = bad_text(&text);
    expect(&e, "dataset_too_large", "data", &[&(MAX_DATASET_BYTES + 1).to_string(), &MAX_DATASET_BYTES.to_string()]);
    // Exactly at the limit it is parsed (and here, valid: trailing whitespace).
    text.pop();
    assert!(Dataset::parse(&text).is_ok());
    // 10 MB of garbage is refused before any parsing.
    let e = bad_text(&"[".repeat(10 << 20));
    assert_eq!(e.code, "dataset_too_large");
}

// ---------------------------------------------------------------------------------------------
// Validation (data/validate.rs), in the order it checks

#[test]
fn schema_must_match() {
    let e = bad(|v| v["schema"] = json!("econ-widget/dataset@2"));
    expect(&e, "invalid_dataset", "schema", &["econ-widget/dataset@1", "econ-widget/dataset@2"]);
}

#[test]
fn required_arrays_must_not_be_empty() {
    // Checked before any reference into them, so the emptiness itself is reported.
    for name in ["documents", "regions", "topics", "units", "indicators", "values"] {
        let e = bad(|v| v[name] = json!([]));
        expect(&e, "invalid_dataset", name, &["must not be empty"]);
    }
    // Optional ones may be empty.
    let mut v = mini();
    for name in ["groups", "targets", "milestones", "views"] {
        v[name] = json!([]);
    }
    assert!(Dataset::parse(&v.to_string()).is_ok());
}

#[test]
fn ids_must_be_non_empty_short_and_clean() {
    let e = bad(|v| v["regions"][1]["id"] = json!(""));
    expect(&e, "invalid_dataset", "regions[1].id", &["empty"]);
    let e = bad(|v| v["topics"][0]["id"] = json!("   "));
    expect(&e, "invalid_dataset", "topics[0].id", &["empty"]);
    let e = bad(|v| v["values"][2]["id"] = json!("x".repeat(121)));
    expect(&e, "invalid_dataset", "values[2].id", &["121", "120"]);
    let e = bad(|v| v["units"][3]["id"] = json!("万亿\u{7}元"));
    expect(&e, "invalid_dataset", "units[3].id", &["control character", "U+0007"]);
    let e = bad(|v| v["views"][0]["id"] = json!(""));
    expect(&e, "invalid_dataset", "views[0].id", &["empty"]);
}

#[test]
fn duplicate_ids() {
    let cases: [(&str, &str, usize, usize); 9] = [
        ("documents", "doc", 0, 2),
        ("regions", "id", 1, 3),
        ("topics", "id", 0, 5),
        ("units", "id", 0, 1),
        ("indicators", "id", 2, 4),
        ("values", "id", 0, 13),
        ("milestones", "id", 0, 2),
        ("views", "id", 1, 3),
        ("targets", "id", 0, 0),
    ];
    for (array, field, first, dup) in cases {
        if first == dup {
            // Only one target in the fixture: add a second with the same id.
            let e = bad(|v| {
                let t = v[array][first].clone();
                v[array].as_array_mut().unwrap().push(t);
            });
            let id = mini()[array][first][field].as_str().unwrap().to_string();
            expect(&e, "duplicate_id", &format!("{array}[1].id"), &[&id, &format!("first used at {array}[0]")]);
            continue;
        }
        let id = mini()[array][first][field].as_str().unwrap().to_string();
        let e = bad(|v| v[array][dup][field] = json!(id.clone()));
        // Documents' id field is `doc`, but the index reports it as `.id` like every array.
        let path = format!("{array}[{dup}].id");
        if array == "views" {
            expect(&e, "duplicate_id", &path, &[&id]);
        } else {
            expect(&e, "duplicate_id", &path, &[&id, &format!("first used at {array}[{first}]")]);
        }
    }
    let e = bad(|v| {
        let g = v["groups"][0].clone();
        v["groups"].as_array_mut().unwrap().push(g);
    });
    expect(&e, "duplicate_id", "groups[1].id", &["jz.gdp.2023H1.sectors", "groups[0]"]);
}

#[test]
fn documents_are_checked() {
    let e = bad(|v| v["documents"][0]["title"]["zh"] = json!(""));
    expect(&e, "invalid_dataset", "documents[0].title.zh", &["empty"]);
    let e = bad(|v| v["documents"][1]["publisher"]["en"] = json!("Line\nbreak"));
    expect(&e, "invalid_dataset", "documents[1].publisher.en", &["control character", "U+000A"]);
    for date in [
        "2023-8",
        "23-08-01",
        "2023/08",
        "2023-13",
        "2023-08-32",
        "2023-08-00",
        "yesterday",
        "",
        "2023-08-1x",
        "2023-08-+1",
        "2023-08-01T",
    ] {
        let e = bad(|v| v["documents"][2]["date"] = json!(date));
        expect(&e, "invalid_dataset", "documents[2].date", &[&format!("'{date}'"), "YYYY-MM-DD"]);
    }
    for date in ["2023", "2023-08", "2024-02-27"] {
        let mut v = mini();
        v["documents"][2]["date"] = json!(date);
        assert!(Dataset::parse(&v.to_string()).is_ok(), "{date}");
    }
}

#[test]
fn multibyte_dates_are_an_error_not_a_panic() {
    // Ten bytes long, with byte 7 inside a character: slicing by bytes would panic.
    for date in ["2023-0é-1", "2023-0中1", "2023-08-é", "２０２３-08", "2023年8月1日"] {
        let e = bad(|v| v["documents"][0]["date"] = json!(date));
        expect(&e, "invalid_dataset", "documents[0].date", &[date]);
    }
}

#[test]
fn urls_must_be_http() {
    for url in [
        "ftp://example.com/a.txt",
        "javascript:alert(1)",
        "example.com",
        "https://exa mple.com",
        "http://a\tb",
        "data:text/html,<b>",
    ] {
        let e = bad(|v| v["documents"][0]["url"] = json!(url));
        expect(&e, "invalid_dataset", "documents[0].url", &[&format!("'{url}'"), "http(s)"]);
    }
    for url in ["https://example.com/a?b=c", "http://example.com"] {
        let mut v = mini();
        v["documents"][0]["url"] = json!(url);
        assert!(Dataset::parse(&v.to_string()).is_ok(), "{url}");
    }
}

#[test]
fn labels_are_checked() {
    let e = bad(|v| v["regions"][2]["name"]["en"] = json!(""));
    expect(&e, "invalid_dataset", "regions[2].name.en", &["empty"]);
    let e = bad(|v| v["topics"][4]["name"]["zh"] = json!("科技\u{0}创新"));
    expect(&e, "invalid_dataset", "topics[4].name.zh", &["U+0000"]);
    let e = bad(|v| v["units"][0]["name"]["zh"] = json!("亿\u{1b}[31m元"));
    expect(&e, "invalid_dataset", "units[0].name.zh", &["U+001B"]);
    let e = bad(|v| v["indicators"][0]["name"]["en"] = json!("G".repeat(401)));
    expect(&e, "invalid_dataset", "indicators[0].name.en", &["401", "400"]);
    let e = bad(|v| v["units"][0]["dimension"] = json!(""));
    expect(&e, "invalid_dataset", "units[0].dimension", &["empty"]);
    let e = bad(|v| v["groups"][0]["name"]["zh"] = json!(" "));
    expect(&e, "invalid_dataset", "groups[0].name.zh", &["empty"]);
    let e = bad(|v| v["targets"][0]["name"]["en"] = json!("\u{7f}"));
    expect(&e, "invalid_dataset", "targets[0].name.en", &["U+007F"]);
    let e = bad(|v| v["milestones"][1]["text"]["zh"] = json!(""));
    expect(&e, "invalid_dataset", "milestones[1].text.zh", &["empty"]);
    let e = bad(|v| v["views"][2]["title"]["en"] = json!("tab\there"));
    expect(&e, "invalid_dataset", "views[2].title.en", &["U+0009"]);
    // 400 characters (not bytes) is allowed: Chinese labels are 3 bytes a character.
    let mut v = mini();
    v["indicators"][0]["name"]["zh"] = json!("值".repeat(400));
    assert!(Dataset::parse(&v.to_string()).is_ok());
}

#[test]
fn unit_factor_must_be_positive() {
    for f in [0.0, -1e8] {
        let e = bad(|v| v["units"][0]["factor"] = json!(f));
        expect(&e, "invalid_dataset", "units[0].factor", &["positive", &shortest(f)]);
    }
}

#[test]
fn dangling_references() {
    type Mutation = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Mutation, &str)> = vec![
        ("regions[1].parent", Box::new(|v| v["regions"][1]["parent"] = json!("山东")), "山东"),
        ("indicators[3].topic", Box::new(|v| v["indicators"][3]["topic"] = json!("sport")), "sport"),
        ("values[0].indicator", Box::new(|v| v["values"][0]["indicator"] = json!("gpd")), "gpd"),
        ("values[0].region", Box::new(|v| v["values"][0]["region"] = json!("太原")), "太原"),
        ("values[12].unit", Box::new(|v| v["values"][12]["unit"] = json!("亿圆")), "亿圆"),
        ("values[4].source.doc", Box::new(|v| v["values"][4]["source"]["doc"] = json!("999.txt")), "999.txt"),
        ("groups[0].whole", Box::new(|v| v["groups"][0]["whole"] = json!("jz.gdp.2023")), "jz.gdp.2023"),
        ("groups[0].parts[1]", Box::new(|v| v["groups"][0]["parts"][1] = json!("jz.gdp9.2023H1")), "jz.gdp9.2023H1"),
        ("targets[0].actual", Box::new(|v| v["targets"][0]["actual"] = json!("nope")), "nope"),
        ("targets[0].target", Box::new(|v| v["targets"][0]["target"] = json!("nope2")), "nope2"),
        ("milestones[2].region", Box::new(|v| v["milestones"][2]["region"] = json!("长治")), "长治"),
        ("milestones[0].source.doc", Box::new(|v| v["milestones"][0]["source"]["doc"] = json!("x.txt")), "x.txt"),
        ("views[0].region", Box::new(|v| v["views"][0]["region"] = json!("长治")), "长治"),
        ("views[0].topic", Box::new(|v| v["views"][0]["topic"] = json!("weather")), "weather"),
        ("views[0].group", Box::new(|v| v["views"][0]["group"] = json!("no.group")), "no.group"),
        ("views[1].values[2]", Box::new(|v| v["views"][1]["values"][2] = json!("no.value")), "no.value"),
        ("views[2].targets[0]", Box::new(|v| v["views"][2]["targets"][0] = json!("no.target")), "no.target"),
        (
            "views[3].milestones[1]",
            Box::new(|v| v["views"][3]["milestones"][1] = json!("no.milestone")),
            "no.milestone",
        ),
    ];
    for (path, mutate, id) in cases {
        let e = bad(|v| mutate(v));
        expect(&e, "dangling_reference", path, &[&format!("'{id}'"), "unknown"]);
    }
    // The message says what kind of thing was expected.
    assert!(bad(|v| v["values"][12]["unit"] = json!("亿圆")).message.contains("unknown unit '亿圆'"));
    assert!(bad(|v| v["views"][2]["targets"][0] = json!("x")).message.contains("target pair"));
}

#[test]
fn periods_must_parse() {
    for p in ["2023H3", "2023Q5", "2023-13", "2025-2021", "1850", "2023h1", "H1 2023", "", "２０２３"] {
        let e = bad(|v| v["values"][2]["period"] = json!(p));
        expect(&e, "invalid_dataset", "values[2].period", &[&format!("'{p}'"), "not a period"]);
    }
}

#[test]
fn target_kind_rules() {
    // kind target needs target_kind …
    let e = bad(|v| {
        v["values"][13].as_object_mut().unwrap().remove("target_kind");
    });
    expect(&e, "invalid_dataset", "values[13].target_kind", &["required", "target"]);
    // … which cannot itself be target …
    let e = bad(|v| v["values"][13]["target_kind"] = json!("target"));
    expect(&e, "invalid_dataset", "values[13].target_kind", &["target"]);
    // … and other kinds may not have one.
    let e = bad(|v| v["values"][0]["target_kind"] = json!("level"));
    expect(&e, "invalid_dataset", "values[0].target_kind", &["only allowed", "target"]);
    for k in ["growth", "share", "count"] {
        let mut v = mini();
        v["values"][13]["target_kind"] = json!(k);
        assert!(Dataset::parse(&v.to_string()).is_ok(), "target of {k}");
    }
}

#[test]
fn value_texts_are_checked() {
    let e = bad(|v| v["values"][0]["printed"] = json!(""));
    expect(&e, "invalid_dataset", "values[0].printed", &["empty"]);
    let e = bad(|v| v["values"][0]["printed"] = json!("9".repeat(41)));
    expect(&e, "invalid_dataset", "values[0].printed", &["41", "40"]);
    let e = bad(|v| v["values"][0]["subject"] = json!({"zh": "项目", "en": ""}));
    expect(&e, "invalid_dataset", "values[0].subject.en", &["empty"]);
    let e = bad(|v| v["values"][0]["note"] = json!({"zh": "\u{8}", "en": "note"}));
    expect(&e, "invalid_dataset", "values[0].note.zh", &["U+0008"]);
    let e = bad(|v| v["values"][0]["period_text"] = json!({"zh": "5年内", "en": " "}));
    expect(&e, "invalid_dataset", "values[0].period_text.en", &["empty"]);
    let e = bad(|v| v["values"][0]["period_text"] = json!("5年内"));
    expect(&e, "invalid_dataset", "values[0].period_text", &["expected an object"]);
    let e = bad(|v| v["values"][6]["source"]["quote"] = json!(""));
    expect(&e, "invalid_dataset", "values[6].source.quote", &["empty"]);
    let e = bad(|v| v["values"][6]["source"]["quote"] = json!("长".repeat(301)));
    expect(&e, "invalid_dataset", "values[6].source.quote", &["301", "300"]);
    let e = bad(|v| v["milestones"][0]["source"]["quote"] = json!("a\u{2028}\u{85}b"));
    expect(&e, "invalid_dataset", "milestones[0].source.quote", &["U+0085"]);
}

#[test]
fn groups_are_checked() {
    let e = bad(|v| v["groups"][0]["parts"] = json!(["jz.gdp1.2023H1"]));
    expect(&e, "invalid_dataset", "groups[0].parts", &["at least two"]);
    // A part of another unit, kind or period than the whole.
    let e = bad(|v| v["groups"][0]["parts"][2] = json!("jz.gdp3_growth.2023H1"));
    expect(
        &e,
        "invalid_dataset",
        "groups[0].parts[2]",
        &["jz.gdp3_growth.2023H1", "does not match", "growth", "level"],
    );
    let e = bad(|v| v["values"][3]["period"] = json!("2023"));
    expect(&e, "invalid_dataset", "groups[0].parts[1]", &["jz.gdp2.2023H1", "2023H1"]);
    let e = bad(|v| v["values"][2]["unit"] = json!("万元"));
    expect(&e, "invalid_dataset", "groups[0].parts[0]", &["万元", "亿元"]);
    let e = bad(|v| {
        v["values"][2]["value"] = json!(-47.8);
    });
    expect(&e, "invalid_dataset", "groups[0].parts[0]", &["negative", "-47.8"]);
    let e = bad(|v| v["groups"][0]["tolerance"] = json!(-0.1));
    expect(&e, "invalid_dataset", "groups[0].tolerance", &["-0.1"]);
}

#[test]
fn group_parts_must_add_up() {
    // 49.1 + 497.3 + 404.5 = 950.9: within the default 0.5% of 949.6, outside a tolerance of 0.2.
    let mut v = mini();
    v["values"][2]["value"] = json!(49.1);
    assert!(Dataset::parse(&v.to_string()).is_ok(), "within the default tolerance");
    let e = bad(|v| {
        v["values"][2]["value"] = json!(49.1);
        v["groups"][0]["tolerance"] = json!(0.2);
    });
    expect(&e, "parts_do_not_add_up", "groups[0]", &["parts sum to 950.9, whole is 949.6"]);
    // Beyond the default tolerance (4.748).
    let e = bad(|v| v["values"][2]["value"] = json!(60));
    expect(&e, "parts_do_not_add_up", "groups[0]", &["parts sum to 961.8, whole is 949.6"]);
    let e = bad(|v| v["values"][0]["value"] = json!(900));
    expect(&e, "parts_do_not_add_up", "groups[0]", &["949.6", "whole is 900"]);
    // An exact tolerance of zero accepts an exact sum despite float noise.
    let mut v = mini();
    v["groups"][0]["tolerance"] = json!(0);
    assert!(Dataset::parse(&v.to_string()).is_ok());
}

#[test]
fn targets_must_share_a_dimension() {
    let e = bad(|v| v["targets"][0]["target"] = json!("jz.gdp_growth.2023H1"));
    expect(&e, "invalid_dataset", "targets[0].target", &["'%'", "'万千瓦'"]);
}

#[test]
fn milestone_years_are_bounded() {
    for year in [1899, 2101, 0] {
        let e = bad(|v| v["milestones"][1]["year"] = json!(year));
        expect(&e, "invalid_dataset", "milestones[1].year", &[&year.to_string(), "1900", "2100"]);
    }
}

#[test]
fn views_need_what_their_chart_draws() {
    let view = |v: &Value, id: &str| index_of(v, "views", "id", id);
    let m = mini();
    let (comp, bar, bullet, timeline) = (
        view(&m, "jz-gdp-sectors-2023h1"),
        view(&m, "jz-growth-2023h1"),
        view(&m, "jz-clean-power"),
        view(&m, "jc-goals"),
    );

    let e = bad(|v| {
        v["views"][comp].as_object_mut().unwrap().remove("group");
    });
    expect(&e, "invalid_dataset", &format!("views[{comp}].group"), &["'composition'", "group"]);
    let e = bad(|v| v["views"][bar]["values"] = json!([]));
    expect(&e, "invalid_dataset", &format!("views[{bar}].values"), &["'bar'", "values"]);
    let e = bad(|v| v["views"][bar]["chart"] = json!("grouped_bar"));
    expect(&e, "invalid_dataset", &format!("views[{bar}].series"), &["'grouped_bar'", "series"]);
    let e = bad(|v| v["views"][bar]["chart"] = json!("line"));
    expect(&e, "invalid_dataset", &format!("views[{bar}].series"), &["'line'"]);
    let e = bad(|v| v["views"][bullet]["targets"] = json!([]));
    expect(&e, "invalid_dataset", &format!("views[{bullet}].targets"), &["'bullet'", "targets"]);
    let e = bad(|v| {
        v["views"][timeline].as_object_mut().unwrap().remove("milestones");
    });
    expect(&e, "invalid_dataset", &format!("views[{timeline}].milestones"), &["'timeline'", "milestones"]);
    // One axis, one kind of unit.
    let e = bad(|v| v["views"][bar]["values"].as_array_mut().unwrap().push(json!("jz.gdp.2023H1")));
    expect(&e, "invalid_dataset", &format!("views[{bar}].values"), &["percent", "yuan"]);
    // Same dimension, different units (亿元 and 万元) is fine: the axis converts.
    let mut v = mini();
    v["values"][0]["unit"] = json!("万元");
    v["values"][0]["value"] = json!(9496000);
    v["views"][bar]["values"] = json!(["jz.gdp.2023H1", "jz.gdp1.2023H1"]);
    // (the group would now mix units, so drop it and its view)
    v["groups"] = json!([]);
    v["views"].as_array_mut().unwrap().remove(comp);
    assert!(Dataset::parse(&v.to_string()).is_ok());
}

#[test]
fn views_have_unique_ids() {
    let e = bad(|v| v["views"][2]["id"] = json!("jz-gdp-sectors-2023h1"));
    expect(&e, "duplicate_id", "views[2].id", &["jz-gdp-sectors-2023h1"]);
}

#[test]
fn errors_carry_code_path_message() {
    let e = bad(|v| v["values"][12]["unit"] = json!("亿圆"));
    assert_eq!(
        (e.code, e.path.as_str(), e.message.as_str()),
        ("dangling_reference", "values[12].unit", "unknown unit '亿圆'")
    );
    assert_eq!(e.to_string(), "values[12].unit: unknown unit '亿圆'");
}

#[test]
fn dates_must_exist_in_the_calendar() {
    for (date, ok) in [
        ("2024-02-29", true),
        ("2023-02-29", false),
        ("2023-02-31", false),
        ("2023-04-31", false),
        ("2023-12-31", true),
    ] {
        let mut v = mini();
        v["documents"][0]["date"] = serde_json::json!(date);
        let r = Dataset::parse(&v.to_string());
        assert_eq!(r.is_ok(), ok, "{date}: {r:?}");
        if let Err(e) = r {
            expect(&e, "invalid_dataset", "documents[0].date", &[date]);
        }
    }
}

#[test]
fn derived_views_show_a_fact_reported_twice_once() {
    let ds = std::rc::Rc::new(Dataset::embedded().unwrap());
    for v in econ_widget::views::build_views(&ds).unwrap().iter().filter(|v| v.id.starts_with("auto/")) {
        if let econ_widget::views::Content::Values { values, .. } = &v.content {
            let mut facts: Vec<_> = values
                .iter()
                .map(|&i| {
                    let x = &ds.raw.values[i];
                    (
                        x.indicator.clone(),
                        x.region.clone(),
                        x.period.clone(),
                        x.unit.clone(),
                        x.value.to_bits(),
                        x.subject.as_ref().map(|s| s.zh.clone()),
                    )
                })
                .collect();
            let n = facts.len();
            facts.sort();
            facts.dedup();
            assert_eq!(facts.len(), n, "view {} repeats a fact", v.id);
        }
    }
}

#[test]
fn bidi_overrides_in_labels_are_rejected() {
    let e = bad(|v| v["regions"][0]["name"]["en"] = serde_json::json!("abc\u{202E}fed"));
    expect(&e, "invalid_dataset", "regions[0].name.en", &["U+202E"]);
}

// ---------------------------------------------------------------------------------------------
// Derived values: a figure computed from printed ones

/// The fixture's 晋中 H1 2023 GDP, derived as the sum of its three sectors (47.8 + 497.3 +
/// 404.5 = 949.6), with `edit` applied to the new value.
fn with_derived(edit: impl FnOnce(&mut Value)) -> Value {
    let mut d = mini();
    let mut v = json!({"id": "jz.gdp_sum.2023H1", "indicator": "gdp", "region": "晋中", "period": "2023H1",
        "kind": "level", "value": 949.6, "unit": "亿元",
        "derived": {"op": "sum", "inputs": ["jz.gdp1.2023H1", "jz.gdp2.2023H1", "jz.gdp3.2023H1"]},
        "source": {"doc": "000_ade18ad3f0db81b9.txt", "quote": "第一产业增加值47.8亿元"}});
    edit(&mut v);
    d["values"].as_array_mut().unwrap().push(v);
    d
}

#[track_caller]
fn derived_error(edit: impl FnOnce(&mut Value)) -> Error {
    let d = with_derived(edit);
    Dataset::parse(&d.to_string()).expect_err("a bad derived value must be rejected")
}

#[test]
fn derived_values_are_checked_against_their_inputs() {
    let n = mini()["values"].as_array().unwrap().len();
    let ok = Dataset::parse(&with_derived(|_| {}).to_string()).unwrap();
    assert_eq!(ok.raw.values[n].derived.as_ref().map(|d| d.inputs.len()), Some(3));
    // Checked to the value's own decimals (31 − 26.7 is 4.300000000000001 in floats): 949.6
    // given as a whole number is 950.
    Dataset::parse(&with_derived(|v| v["value"] = json!(950)).to_string()).unwrap();
    // The arithmetic is wrong: the error names the value and shows the computation.
    let e = derived_error(|v| v["value"] = json!(950.6));
    expect(
        &e,
        "derived_mismatch",
        &format!("values[{n}].value"),
        &["jz.gdp_sum.2023H1", "950.6", "47.8 + 497.3 + 404.5", "949.6"],
    );
    let e = derived_error(|v| v["derived"]["op"] = json!("difference"));
    expect(&e, "derived_mismatch", &format!("values[{n}].value"), &["47.8 − 497.3 − 404.5"]);
    // Inputs must exist, be printed values, share the unit, and be at least two.
    let e = derived_error(|v| v["derived"]["inputs"][1] = json!("jz.nope"));
    expect(&e, "dangling_reference", &format!("values[{n}].derived.inputs[1]"), &["jz.nope"]);
    let e = derived_error(|v| v["derived"]["inputs"][0] = json!("jz.gdp_sum.2023H1"));
    expect(&e, "invalid_dataset", &format!("values[{n}].derived.inputs[0]"), &["derived itself"]);
    let e = derived_error(|v| v["derived"]["inputs"][2] = json!("jz.gdp3_growth.2023H1"));
    expect(&e, "invalid_dataset", &format!("values[{n}].derived.inputs[2]"), &["%", "亿元"]);
    let e = derived_error(|v| v["derived"]["inputs"] = json!(["jz.gdp1.2023H1"]));
    expect(&e, "invalid_dataset", &format!("values[{n}].derived.inputs"), &["at least two"]);
    let e = derived_error(|v| v["derived"]["op"] = json!("ratio"));
    assert_eq!(e.code, "invalid_dataset", "{e:?}");
    assert!(e.path.starts_with(&format!("values[{n}].derived.op")), "{e:?}");
    let e = derived_error(|v| v["derived"]["why"] = json!("x"));
    assert_eq!(e.code, "invalid_dataset", "{e:?}");
}

#[test]
fn jinchengs_industry_growth_is_derived_from_the_printed_figures_in_both_forms() {
    // "战略性新兴产业增长31%，超出规上工业增速26.7个百分点": industry overall grew 31 − 26.7 = 4.3%.
    for ds in [Dataset::embedded().unwrap(), Dataset::parse(econ_widget::data::EMBEDDED_JSON).unwrap()] {
        let v = ds.value("d004.jc.industrial_va_growth.2023H1").expect("the derived value");
        let d = v.derived.as_ref().expect("marked as derived");
        assert_eq!(d.op, econ_widget::data::Op::Difference);
        assert_eq!(d.inputs, ["d004.jc.sei_va_growth.2023H1", "d004.jc.sei_growth_premium.2023H1"]);
        assert_eq!((v.value, v.unit.as_str(), v.period.as_str(), v.kind), (4.3, "%", "2023H1", Kind::Growth));
        let inputs: Vec<f64> = d.inputs.iter().map(|i| ds.value(i).unwrap().value).collect();
        assert_eq!(inputs, [31.0, 26.7]);
    }
}
