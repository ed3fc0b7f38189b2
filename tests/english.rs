//! Words a news desk would print, in both languages: every string a reader can see (view
//! titles, item, series and period labels, legend, ticks, tooltips, source lines, summaries,
//! table headers and cells) is collected per view × chart × language, and checked for straight
//! quotes in English, ASCII quotes in Chinese, doubled spaces, internal kind names, "actual"
//! after a period the text did not state, and growth rates labelled with a level's bare name.
//!
//! `DUMP_STRINGS=/tmp/strings.txt cargo test --test english` writes the whole list, to read.
#![cfg(not(target_arch = "wasm32"))]

use econ_widget::data::Kind;
use econ_widget::layout::Mark;
use econ_widget::widget::Widget;
mod common;
use common::j;
use serde_json::json;

const WIDTHS: [f64; 2] = [360.0, 720.0];

/// (where, text) for every reader-visible string of every view × offered chart × language.
fn visible_strings() -> Vec<(String, String)> {
    let mut w = Widget::new(None, &j(&json!(null))).unwrap();
    let mut out: Vec<(String, String)> = Vec::new();
    let push = |out: &mut Vec<(String, String)>, what: &str, t: &str| {
        if !t.is_empty() {
            out.push((what.to_string(), t.to_string()));
        }
    };
    for lang in ["zh", "en"] {
        w.select(&j(&json!({"lang": lang}))).unwrap();
        for v in w.views() {
            let what = format!("{lang} {} view", v.id);
            for t in [&v.title, &v.region_name, &v.topic_name] {
                push(&mut out, &what, t);
            }
            for i in &v.indicators {
                push(&mut out, &what, &i.name);
            }
        }
        let ids: Vec<(String, Vec<&'static str>)> = w.views().into_iter().map(|v| (v.id, v.charts)).collect();
        for (id, charts) in ids {
            for chart in charts {
                w.select(&j(&json!({"view": id, "chart": chart, "lang": lang}))).unwrap();
                let what = format!("{lang} {id} {chart}");
                let s = w.spec().clone();
                for t in [&s.title, &s.subtitle, &s.axis_unit, &s.source, &s.summary] {
                    push(&mut out, &what, t);
                }
                for t in s.categories.iter().chain(s.series.iter().map(|s| &s.label)) {
                    push(&mut out, &what, t);
                }
                for d in &s.data {
                    for t in [&d.label, &d.series_label, &d.display, &d.period, &d.kind] {
                        push(&mut out, &what, t);
                    }
                    if let Some(t) = &d.detail {
                        push(&mut out, &what, t);
                    }
                    for src in &d.sources {
                        push(&mut out, &what, &src.doc_title);
                    }
                }
                let table = w.table();
                push(&mut out, &what, &table.caption);
                // Every cell but the quote, which is the source's own Chinese text, verbatim.
                let quote = table.columns.iter().position(|c| c == "原文" || c == "Quote");
                for t in table.columns.iter().chain(
                    table
                        .rows
                        .iter()
                        .flat_map(|r| r.iter().enumerate().filter(|(i, _)| Some(*i) != quote).map(|(_, t)| t)),
                ) {
                    push(&mut out, &what, t);
                }
                for width in WIDTHS {
                    let scene = w.layout(width).unwrap().clone();
                    for m in &scene.marks {
                        if let Mark::Text { text, .. } = m {
                            push(&mut out, &format!("{what} {width}px"), text);
                        }
                    }
                    let mut n = 0;
                    while let Some(h) = w.focus(if n == 0 { "first" } else { "next" }).unwrap() {
                        for t in [&h.label, &h.series, &h.value, &h.period, &h.value_kind, &h.announce] {
                            push(&mut out, &format!("{what} tooltip"), t);
                        }
                        for t in h.share.iter().chain(h.detail.iter()) {
                            push(&mut out, &format!("{what} tooltip"), t);
                        }
                        n += 1;
                        if n >= scene.hits.len() {
                            break;
                        }
                    }
                }
            }
        }
    }
    out.sort();
    out.dedup();
    if let Ok(path) = std::env::var("DUMP_STRINGS") {
        let mut seen = std::collections::HashSet::new();
        let text: String =
            out.iter().filter(|(_, t)| seen.insert(t.clone())).map(|(w, t)| format!("{w}\t{t}\n")).collect();
        std::fs::write(path, text).unwrap();
    }
    out
}

#[test]
fn dump_is_nonempty() {
    assert!(visible_strings().len() > 1000);
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

#[test]
fn every_visible_string_is_printed_typography() {
    let mut problems = Vec::new();
    for (at, t) in visible_strings() {
        let en = at.starts_with("en ");
        // English takes “ ” and ’; Chinese takes “ ” or 「」 — never ASCII quotes in either.
        if t.contains('"') || t.contains('\'') {
            problems.push(format!("{at}: straight quote in {t:?}"));
        }
        if t.contains("  ") {
            problems.push(format!("{at}: doubled space in {t:?}"));
        }
        if en && t.chars().any(|c| matches!(c, '（' | '）' | '，' | '：' | '；' | '、')) {
            problems.push(format!("{at}: Chinese punctuation in English {t:?}"));
        }
        // Chinese text keeps its own punctuation: an ASCII comma, colon or bracket between
        // Chinese characters is a typo ("装机:2023").
        if !en {
            let c: Vec<char> = t.chars().collect();
            for w in c.windows(3) {
                if is_cjk(w[0])
                    && matches!(w[1], ',' | ':' | ';' | '(' | ')')
                    && (is_cjk(w[2]) || w[2].is_ascii_digit())
                {
                    problems.push(format!("{at}: ASCII {:?} in Chinese {t:?}", w[1]));
                }
            }
        }
        // Internal names: kinds, enum ids, snake_case ids.
        for word in ["grouped_bar", "at_least", "target_kind", "period_text", "_"] {
            if t.contains(word) && !at.contains(" view") {
                problems.push(format!("{at}: internal name {word:?} in {t:?}"));
            }
        }
        // The dataset's kinds "level" and "count" are no words for a reader (an actual is).
        for kind in ["level", "count", "总量", "数量"] {
            let ends = [format!(" {kind}"), format!("({kind})"), format!("（{kind}）")];
            // (Drawn lines are pieces of wrapped text: a name may end a line with 数量.)
            if !at.ends_with("px") && (t == kind || ends.iter().any(|e| t.ends_with(e.as_str()))) {
                problems.push(format!("{at}: kind name {kind:?} in {t:?}"));
            }
        }
        // "actual" after a period the text did not state reads as part of it.
        for unstated in [
            "not stated actual",
            "not stated target",
            "in 2025 actual",
            "within 2025 target",
            "未注明实际",
            "成文时实际",
        ] {
            if t.contains(unstated) {
                problems.push(format!("{at}: kind after an unstated period in {t:?}"));
            }
        }
        if en && (t.contains("10bn") || t.contains(" 1 items") || t.contains("–within") || t.contains("2023–2023"))
        {
            problems.push(format!("{at}: {t:?}"));
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

/// A growth rate filed under the indicator of the level it grows (地区生产总值 4.8%) is labelled
/// as the growth, in every view, chart and language: never with the level's bare name.
#[test]
fn growth_rates_are_never_labelled_as_their_level() {
    let mut w = Widget::new(None, &j(&json!(null))).unwrap();
    let ds = w.dataset().clone();
    let names: Vec<String> = ds.raw.indicators.iter().flat_map(|i| [i.name.zh.clone(), i.name.en.clone()]).collect();
    let mut checked = 0;
    for lang in ["zh", "en"] {
        let views: Vec<(String, Vec<&'static str>)> = w.views().into_iter().map(|v| (v.id, v.charts)).collect();
        for (id, charts) in views {
            for chart in charts {
                w.select(&j(&json!({"view": id, "chart": chart, "lang": lang}))).unwrap();
                let spec = w.spec();
                for d in &spec.data {
                    let Some(v) = ds.value(&d.value_id) else { continue };
                    if v.kind != Kind::Growth && v.target_kind != Some(Kind::Growth) {
                        continue;
                    }
                    checked += 1;
                    // Line charts label a point by its period; the series says what it is.
                    let text = if chart == "line" { &d.series_label } else { &d.label };
                    let bare = names.iter().any(|n| {
                        text == n
                            || text.ends_with(&format!(" · {n}"))
                            || text.starts_with(&format!("{n} ·"))
                            || text.starts_with(&format!("{n}（"))
                            || text.starts_with(&format!("{n} ("))
                    });
                    assert!(!bare, "{lang} {id} {chart}: growth {} labelled {text:?}", v.id);
                }
            }
        }
    }
    assert!(checked > 20, "only {checked} growth marks");
    w.select(&j(&json!({"view": "d000-gdp-growth", "chart": "bar", "lang": "zh"}))).unwrap();
    let zh: Vec<String> = w.spec().categories.clone();
    assert!(zh.contains(&"地区生产总值增速".to_string()), "{zh:?}");
    assert!(zh.contains(&"第一产业增加值增速".to_string()), "{zh:?}");
    w.select(&j(&json!({"lang": "en"}))).unwrap();
    assert!(w.spec().categories.contains(&"GDP growth".to_string()), "{:?}", w.spec().categories);
}

/// At phone widths no wrapped label breaks inside a number or a date ("2023-/08", "1,1/54").
#[test]
fn wrapping_never_breaks_a_number_or_a_date() {
    let joins = |c: char| matches!(c, '-' | '–' | '.' | ',' | '/' | ':' | '%' | '‰');
    let mut problems = Vec::new();
    let texts: std::collections::BTreeSet<String> = visible_strings().into_iter().map(|(_, t)| t).collect();
    for t in &texts {
        for width in [120.0, 200.0, 336.0] {
            let lines = econ_widget::text::wrap(t, 12.0, false, width, 50);
            for pair in lines.windows(2) {
                let (a, b) = (pair[0].chars().last().unwrap_or(' '), pair[1].chars().next().unwrap_or(' '));
                let inside = a.is_ascii_digit() && (b.is_ascii_digit() || joins(b)) || b.is_ascii_digit() && joins(a);
                // A number wider than the line itself has to be cut somewhere.
                let token: String = pair[0].chars().rev().take_while(|c| !c.is_whitespace()).collect();
                // Not at a space the wrap took away ("Commission, 2024-02-27").
                let tail: String = pair[0].chars().rev().take(3).collect::<Vec<_>>().into_iter().rev().collect();
                let head: String = pair[1].chars().take(3).collect();
                let cut_in_text = t.contains(&format!("{tail}{head}"));
                if inside && cut_in_text && econ_widget::text::width(&token, 12.0, false) < width * 0.9 {
                    problems.push(format!("{width}px: {:?} | {:?}", pair[0], pair[1]));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Jan–Oct figures (1-10月) from a host dataset: labelled in both languages, ordered in time,
/// a line only between figures of the same months, and never one line with full years.
#[test]
fn cumulative_months_are_labelled_placed_and_never_joined_to_years() {
    let mut d: serde_json::Value = serde_json::from_str(include_str!("fixtures/mini.json")).unwrap();
    let doc = d["values"][0]["source"]["doc"].clone();
    let value = |id: &str, period: &str, v: f64| {
        json!({"id": id, "indicator": "gdp", "region": "晋中", "period": period, "kind": "level", "value": v,
               "unit": "亿元", "source": {"doc": doc, "quote": format!("地区生产总值完成{v}亿元")}})
    };
    let vals = d["values"].as_array_mut().unwrap();
    vals.push(value("ytd.2023", "2023M1-10", 1500.0));
    vals.push(value("ytd.2024", "2024M1-10", 1600.0));
    vals.push(value("fy.2023", "2023", 1900.0));
    let views = d["views"].as_array_mut().unwrap();
    views.push(json!({"id": "ytd", "region": "晋中", "topic": "economy", "title": {"zh": "1—10月", "en": "Jan–Oct"},
                      "chart": "line", "series": "period", "values": ["ytd.2024", "ytd.2023"]}));
    views.push(json!({"id": "mixed", "region": "晋中", "topic": "economy", "title": {"zh": "混合", "en": "Mixed"},
                      "chart": "bar", "values": ["fy.2023", "ytd.2023"]}));
    let mut w = Widget::new(Some(&d.to_string()), &j(&json!({"view": "ytd", "lang": "en"}))).unwrap();
    assert_eq!(w.spec().categories, ["Jan–Oct 2023", "Jan–Oct 2024"], "in time order");
    let scene = w.layout(720.0).unwrap().clone();
    assert!(
        scene.marks.iter().any(
            |m| matches!(m, Mark::Path { points, paint: econ_widget::theme::Paint::Series(_), .. } if points.len() == 2)
        ),
        "one line"
    );
    w.select(&j(&json!({"lang": "zh"}))).unwrap();
    assert_eq!(w.spec().categories, ["2023年1—10月", "2024年1—10月"]);
    // Ten months beside a full year: no line offered, and each bar says its period.
    let mixed = w.views().into_iter().find(|v| v.id == "mixed").unwrap();
    assert!(!mixed.charts.contains(&"line"), "{:?}", mixed.charts);
    w.select(&j(&json!({"view": "mixed", "chart": "bar", "lang": "en"}))).unwrap();
    let labels = &w.spec().categories;
    assert!(
        labels.iter().any(|l| l.starts_with("Jan–Oct 2023")) && labels.iter().any(|l| l.starts_with("2023 ")),
        "{labels:?}"
    );
}

/// English is drawn in a Latin face (a CJK font draws “ ” ‘ ’ full-width, which English never
/// prints), any text with a CJK character in the CJK one: checked on every text element of
/// every view × chart × language SVG, as the canvas draws the same scene.
#[test]
fn each_text_is_drawn_in_the_face_its_characters_need() {
    let mut w = Widget::new(None, &j(&json!(null))).unwrap();
    let (mut latin, mut cjk) = (0, 0);
    for lang in ["zh", "en"] {
        w.select(&j(&json!({"lang": lang}))).unwrap();
        let ids: Vec<(String, Vec<&'static str>)> = w.views().into_iter().map(|v| (v.id, v.charts)).collect();
        for (id, charts) in ids {
            for chart in charts {
                w.select(&j(&json!({"view": id, "chart": chart, "lang": lang}))).unwrap();
                let svg = w.svg(640.0, false).unwrap();
                for part in svg.split("<text ").skip(1) {
                    let family = part.split("font-family=\"").nth(1).and_then(|f| f.split('"').next()).unwrap();
                    let text = part.split('>').nth(1).and_then(|t| t.split('<').next()).unwrap();
                    let has_cjk = text.chars().any(|c| is_cjk(c) && !"“”‘’".contains(c));
                    if has_cjk {
                        cjk += 1;
                        assert!(
                            family.starts_with("&apos;Noto Sans CJK SC"),
                            "{lang} {id} {chart}: {text:?} in {family}"
                        );
                    } else {
                        latin += 1;
                        assert!(
                            family.starts_with("&apos;Helvetica Neue"),
                            "{lang} {id} {chart}: {text:?} in {family}"
                        );
                    }
                }
            }
        }
    }
    assert!(latin > 500 && cjk > 300, "{latin} Latin and {cjk} CJK texts");
}
