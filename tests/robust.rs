//! Robustness, round two: schema-valid but adversarial host datasets. Every derived number is
//! checked at validation (value × factor, tolerances, shares, progress), every accepted string
//! can be written as XML, and the CSV export is safe in comma and semicolon locales.
// Native tests: `wasm-pack test` builds every test target for wasm32, where these have no use.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use econ_widget::data::Dataset;
use econ_widget::error::Error;
use serde_json::{json, Value};

const MINI: &str = include_str!("fixtures/mini.json");

fn mini() -> Value {
    serde_json::from_str(MINI).expect("fixture is JSON")
}

fn parse(v: &Value) -> Result<Dataset, Error> {
    Dataset::parse(&v.to_string())
}

#[track_caller]
fn bad(mutate: impl FnOnce(&mut Value)) -> Error {
    let mut v = mini();
    mutate(&mut v);
    match parse(&v) {
        Ok(_) => panic!("mutated dataset should be rejected"),
        Err(e) => e,
    }
}

#[track_caller]
fn expect(e: &Error, code: &str, path: &str, needles: &[&str]) {
    assert_eq!((e.code.to_string(), e.path.to_string()), (code.to_string(), path.to_string()), "{e:?}");
    for n in needles {
        assert!(e.message.contains(n), "message {:?} should mention {:?}", e.message, n);
    }
}

fn index_of(v: &Value, array: &str, id: &str) -> usize {
    let field = if array == "documents" { "doc" } else { "id" };
    v[array].as_array().unwrap().iter().position(|x| x[field] == id).unwrap_or_else(|| panic!("{array} has no {id}"))
}

// ---------------------------------------------------------------------------------------------
// Derived numbers

#[test]
fn huge_or_tiny_unit_factors_are_rejected() {
    // The dataset: finite, positive, and value × factor = Infinity on the axis.
    let e = bad(|v| v["units"][0]["factor"] = json!(1e308));
    expect(&e, "invalid_dataset", "units[0].factor", &["e308", "1e15"]);
    let e = bad(|v| v["units"][0]["factor"] = json!(1e-300));
    expect(&e, "invalid_dataset", "units[0].factor", &["1e-300"]);
    // The real extremes pass: 万亿元 (1e12) and 公斤 in tonnes (0.001).
    for f in [1e12, 1e-3, 1e15, 1e-12] {
        let mut v = mini();
        v["units"][0]["factor"] = json!(f);
        parse(&v).unwrap_or_else(|e| panic!("factor {f}: {e}"));
    }
}

#[test]
fn value_times_factor_must_stay_in_range() {
    // 1e15 亿元 is within |value| ≤ 1e15 and the factor is real, but 1e23 yuan × 1e4 is not.
    let mut v = mini();
    let u = index_of(&v, "units", "亿元");
    v["units"][u]["factor"] = json!(1e12);
    let i = index_of(&v, "values", "jz.gdp.2023H1");
    v["values"][i]["value"] = json!(1e15);
    let e = parse(&v).unwrap_err();
    expect(&e, "invalid_dataset", &format!("values[{i}].value"), &["1000000000000000", "亿元", "1e27", "base units"]);
}

#[test]
fn absurd_tolerances_are_rejected() {
    // The dataset: parts a thousand times their whole, passed by tolerance 1e308.
    let e = bad(|v| {
        v["groups"][0]["tolerance"] = json!(1e308);
        for p in ["jz.gdp1.2023H1", "jz.gdp2.2023H1", "jz.gdp3.2023H1"] {
            let i = index_of(v, "values", p);
            let x = v["values"][i]["value"].as_f64().unwrap();
            v["values"][i]["value"] = json!(x * 1000.0);
        }
    });
    expect(&e, "invalid_dataset", "groups[0].tolerance", &["e308", "949.6", "10%"]);
    // 10% of the whole (94.96) is the most a tolerance may be.
    let e = bad(|v| v["groups"][0]["tolerance"] = json!(95.0));
    expect(&e, "invalid_dataset", "groups[0].tolerance", &["95"]);
    let mut v = mini();
    v["groups"][0]["tolerance"] = json!(94.0);
    parse(&v).expect("a tolerance under 10% of the whole");
}

#[test]
fn parts_of_a_tiny_whole_cannot_pass_on_float_slack() {
    // An absolute 1e-9 of slack let parts of 1e-10 pass as the whole 1e-300: shares of 1e290.
    let e = bad(|v| {
        let w = index_of(v, "values", "jz.gdp.2023H1");
        v["values"][w]["value"] = json!(1e-300);
        for p in ["jz.gdp1.2023H1", "jz.gdp2.2023H1", "jz.gdp3.2023H1"] {
            let i = index_of(v, "values", p);
            v["values"][i]["value"] = json!(1e-10);
        }
    });
    expect(&e, "parts_do_not_add_up", "groups[0]", &[]);
}

#[test]
fn target_progress_must_be_sane() {
    let mut v = mini();
    let t = index_of(&v, "values", "jz.clean_power.2024");
    v["values"][t]["value"] = json!(1e-300);
    let e = parse(&v).unwrap_err();
    expect(&e, "invalid_dataset", "targets[0].target", &["times the target"]);
    // Beating a target by 1000× is odd but a number; it passes.
    let mut v = mini();
    let a = index_of(&v, "values", "jz.clean_power.2023");
    let x = v["values"][t]["value"].as_f64().unwrap();
    v["values"][a]["value"] = json!(x * 1000.0);
    parse(&v).expect("1000 times the target");
}

// ---------------------------------------------------------------------------------------------
// Strings every export can carry

#[test]
fn non_characters_are_rejected_with_a_path() {
    for c in ['\u{FFFE}', '\u{FFFF}'] {
        let e = bad(|v| v["regions"][1]["name"]["en"] = json!(format!("Jin{c}zhong")));
        expect(&e, "invalid_dataset", "regions[1].name.en", &[&format!("U+{:04X}", c as u32), "XML"]);
        let e = bad(|v| v["values"][0]["source"]["quote"] = json!(format!("{c}")));
        expect(&e, "invalid_dataset", "values[0].source.quote", &["XML"]);
        let e = bad(|v| v["documents"][0]["url"] = json!(format!("https://example.org/{c}")));
        expect(&e, "invalid_dataset", "documents[0].url", &["XML"]);
        let e = bad(|v| v["units"][0]["dimension"] = json!(format!("yuan{c}")));
        expect(&e, "invalid_dataset", "units[0].dimension", &["XML"]);
    }
    // Other planes and private use are characters, and pass.
    let mut v = mini();
    v["regions"][1]["name"]["en"] = json!("Jinzhong \u{1F600}\u{E000}\u{FFFD}\u{10FFFD}");
    parse(&v).expect("characters outside the BMP are XML Chars");
}

// ---------------------------------------------------------------------------------------------
// Layout and drawing: bounded by pixels and marks, finite, well-formed SVG

use common::j;
use econ_widget::layout::{self, Mark, Scene};
use econ_widget::theme::Palette;
use econ_widget::widget::Widget;
use std::rc::Rc;

/// Marks a chart of `data` points may use at `width` px: a few per datum (bar, labels), a
/// hatch stripe every 5 px of a hatched bar, and the frame's text. The hatch of an infinite bar
/// once produced marks without end.
fn mark_budget(data: usize, width: f64) -> usize {
    400 + data * (60 + (width / 4.0) as usize)
}

fn finite(scene: &Scene) -> bool {
    let ok = |v: &[f64]| v.iter().all(|v| v.is_finite());
    scene.marks.iter().all(|m| match m {
        Mark::Rect { x, y, w, h, .. } => ok(&[*x, *y, *w, *h]),
        Mark::Path { points, .. } => points.iter().all(|p| ok(&[p.0, p.1])),
        Mark::Circle { x, y, r, .. } => ok(&[*x, *y, *r]),
        Mark::Text { x, y, .. } => ok(&[*x, *y]),
    }) && scene.hits.iter().all(|h| ok(&[h.area.x, h.area.w, h.mark.x, h.mark.w, h.anchor.0, h.anchor.1]))
}

/// Parses an SVG export with a real XML parser; returns its text content.
#[track_caller]
pub fn well_formed(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("SVG is not XML: {e}\n{:.400}", svg));
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    doc.descendants().filter_map(|n| n.text()).collect()
}

#[test]
fn extreme_values_lay_out_finite_and_bounded_in_every_view_chart_and_language() {
    // Numbers validation now refuses, put straight into each chart's spec: layout alone must
    // still stay finite and bounded (Infinity made `hatch` loop until the memory was full).
    let mut w = Widget::new(None, &j(&json!(null))).unwrap();
    let extremes = [f64::INFINITY, f64::NEG_INFINITY, f64::NAN, 1e308, -1e308, 5e-324, f64::MAX];
    for v in w.views() {
        for c in &v.charts {
            for lang in ["zh", "en"] {
                w.select(&j(&json!({"view": v.id, "chart": c, "lang": lang}))).unwrap();
                let spec = w.spec().clone();
                for (k, x) in extremes.iter().enumerate() {
                    let mut s = spec.clone();
                    for (i, d) in s.data.iter_mut().enumerate() {
                        // One datum extreme, or all: both shapes of domain.
                        if k % 2 == 0 || i == 0 {
                            d.value = *x;
                            d.target = d.target.map(|_| *x);
                        }
                    }
                    for width in [120.0, 439.0, 8192.0] {
                        let scene = layout::layout(&s, width, 0.0);
                        let what = format!("{} {c} {lang} value {x} width {width}", v.id);
                        assert!(finite(&scene), "{what}: non-finite geometry");
                        assert!(
                            scene.marks.len() <= mark_budget(s.data.len(), width),
                            "{what}: {} marks",
                            scene.marks.len()
                        );
                        assert!(scene.height < 20_000.0, "{what}: height {}", scene.height);
                        if width == 439.0 {
                            well_formed(&econ_widget::draw::to_svg(&scene, Palette::for_dark(false)));
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn every_view_of_every_language_exports_well_formed_svg() {
    let mut w = Widget::new(None, &j(&json!(null))).unwrap();
    for v in w.views() {
        for c in &v.charts {
            for lang in ["zh", "en"] {
                w.select(&j(&json!({"view": v.id, "chart": c, "lang": lang}))).unwrap();
                for (width, dark) in [(120.0, false), (640.0, true), (2000.0, false)] {
                    let text = well_formed(&w.svg(width, dark).unwrap());
                    // The title is drawn (wrapped, perhaps cut with an ellipsis at 120 px).
                    let first: String = w.spec().title.chars().take(1).collect();
                    assert!(text.contains(&first), "{} {c} {lang} {width}: {text:.200}", v.id);
                }
            }
        }
    }
}

#[test]
fn hostile_but_accepted_strings_export_well_formed_svg() {
    // Markup, entities, quotes, astral and private-use characters, NBSP, BOM, isolates: all
    // accepted, all escaped or carried as they are.
    let hostile = "<b>&amp;</b> \"'’ ]]> <!-- \u{a0}\u{feff}\u{2066}x\u{2069} \u{1F600}\u{E000}\u{FFFD} &#0; \\";
    let mut v = mini();
    for p in ["/views/0/title/zh", "/views/0/title/en", "/regions/1/name/en", "/values/0/source/quote"] {
        *v.pointer_mut(p).unwrap() = json!(hostile);
    }
    let ds = Rc::new(parse(&v).expect("hostile strings are accepted"));
    let mut w = Widget::with_dataset(ds, &j(&json!(null))).unwrap();
    for view in w.views() {
        for c in &view.charts {
            for lang in ["zh", "en"] {
                w.select(&j(&json!({"view": view.id, "chart": c, "lang": lang}))).unwrap();
                well_formed(&w.svg(480.0, false).unwrap());
            }
        }
    }
}

#[test]
fn host_series_labels_with_non_characters_are_refused() {
    use econ_widget::series::HostSeries;
    for c in ['\u{FFFE}', '\u{FFFF}'] {
        let e = HostSeries::new(&format!("s{c}"), "", vec![0.0, 1.0], vec![1.0, 2.0]).unwrap_err();
        expect(&e, "bad_argument", "series.label", &["U+FFFE"]);
        let e = HostSeries::new("s", &format!("{c}"), vec![0.0, 1.0], vec![1.0, 2.0]).unwrap_err();
        expect(&e, "bad_argument", "series.unit", &["U+FFFF"]);
    }
    let s = HostSeries::new("<s> & \u{1F600}", "万元/人", vec![0.0, 1.0], vec![1.0, 2.0]).unwrap();
    let mut w = Widget::new(None, &j(&json!(null))).unwrap();
    w.set_series(s);
    well_formed(&w.svg(600.0, true).unwrap());
}

// ---------------------------------------------------------------------------------------------
// CSV: safe in comma and semicolon locales, bounded for big series

/// Splits CSV text into rows of cells at `sep`, honouring RFC 4180 quotes.
fn split_csv(text: &str, sep: char) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell, mut quoted) = (Vec::new(), Vec::new(), String::new(), false);
    let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) if c == sep => row.push(std::mem::take(&mut cell)),
            (false, c) => cell.push(c),
        }
    }
    rows
}

/// What a spreadsheet would run: a formula start after any leading blanks (fullwidth too).
fn runs_as_formula(cell: &str) -> bool {
    let t = cell.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}'));
    let mut cs = t.chars();
    match cs.next() {
        Some('=' | '+' | '@' | '＝' | '＋' | '＠') => true,
        Some('-' | '－') => !cs.next().is_some_and(|c| c.is_ascii_digit()) || t[1..].contains(['+', '=', '(']),
        _ => cell.starts_with(['\t', '\r']),
    }
}

#[test]
fn csv_cells_stay_one_cell_and_never_run_as_formulas_in_comma_or_semicolon_locales() {
    let hostile = [
        "a;=1+1",
        "=1+1",
        "＝1+1",
        "＋1",
        "＠SUM(A1)",
        "－1+1",
        " =1+1",
        "\u{a0}=1+1",
        "\u{3000}+1",
        "\u{feff}=1+1",
        "\u{200b}@x",
        "@SUM(A1)",
        "-1+1",
        "a,b;c\"d",
    ];
    let mut v = mini();
    // View 0 is the composition: its rows are the group's parts, labelled by their subjects,
    // with the quotes in the last column.
    let ids: Vec<String> =
        v["groups"][0]["parts"].as_array().unwrap().iter().map(|x| x.as_str().unwrap().into()).collect();
    let mut expected = Vec::new();
    for (k, h) in hostile.iter().enumerate() {
        let id = &ids[k % ids.len()];
        let i = index_of(&v, "values", id);
        let quote = format!("{h} {k}");
        v["values"][i]["source"]["quote"] = json!(quote);
        expected.push(quote);
        if k < ids.len() {
            v["values"][i]["subject"] = json!({"zh": h, "en": h});
        }
    }
    // Only the last quote given to each value survives.
    let expected: Vec<String> = expected.into_iter().rev().take(ids.len()).collect();
    let ds = Rc::new(parse(&v).expect("hostile labels are accepted"));
    let mut w = Widget::with_dataset(ds, &j(&json!({"view": v["views"][0]["id"]}))).unwrap();
    for lang in ["zh", "en"] {
        w.select(&j(&json!({"lang": lang}))).unwrap();
        let csv = w.csv().unwrap();
        for sep in [',', ';'] {
            let rows = split_csv(&csv, sep);
            let n = rows[0].len();
            for r in &rows {
                // Read as written (commas), every row has the header's cells: nothing split.
                if sep == ',' {
                    assert_eq!(r.len(), n, "{r:?}");
                }
                // Read in a semicolon locale, whatever is split off never runs.
                for cell in r {
                    assert!(!runs_as_formula(cell), "sep {sep:?}: cell {cell:?} runs as a formula");
                }
            }
        }
        let rows = split_csv(&csv, ',');
        let quotes: Vec<&str> = rows.iter().map(|r| r.last().unwrap().as_str()).collect();
        for q in &expected {
            // Defused with a leading quote mark, otherwise verbatim.
            assert!(
                quotes.iter().any(|c| c.trim_start_matches('\'').replace(";'", ";") == *q),
                "{q:?} not in {quotes:?}"
            );
        }
    }
    // Numbers stay numbers: "-2.5" and "-3亿元" are data, not formulas.
    assert_eq!(split_csv(&csv_of_series(&[-2.5, 3.0]), ',')[1], ["0", "-2.5"]);
}

fn csv_of_series(y: &[f64]) -> String {
    let x: Vec<f64> = (0..y.len()).map(|i| i as f64).collect();
    let mut w = Widget::new(None, &j(&json!(null))).unwrap();
    w.set_series(econ_widget::series::HostSeries::new("s", "", x, y.to_vec()).unwrap());
    w.csv().unwrap()
}

#[test]
fn csv_of_a_series_over_the_limit_is_refused_and_the_table_stays_bounded() {
    use econ_widget::widget::MAX_CSV_POINTS;
    let n = MAX_CSV_POINTS + 1;
    let x: Vec<f64> = (0..n).map(|i| i as f64).collect();
    let mut w = Widget::new(None, &j(&json!(null))).unwrap();
    w.set_series(econ_widget::series::HostSeries::new("s", "", x.clone(), x).unwrap());
    let e = w.csv().unwrap_err();
    expect(&e, "too_large", "csv", &["1000001", "1000000"]);
    // The table shows at most 1000 evenly spaced rows of any series.
    assert!(w.table().rows.len() <= 1000);
    // The chart is still there and draws.
    assert!(w.layout(800.0).is_ok());
}

#[test]
fn csv_of_a_series_is_every_point_in_order_with_its_header() {
    let x = vec![-1.5, 0.0, 1e14, 1e15];
    let y = vec![5e-324, -2.5, 1234.5678, -1e15];
    let mut w = Widget::new(None, &j(&json!({"lang": "en"}))).unwrap();
    w.set_series(econ_widget::series::HostSeries::new("s", "万元", x, y).unwrap());
    let csv = w.csv().unwrap();
    let want = "\u{feff}x,y (万元)\r\n-1.5,5e-324\r\n0,-2.5\r\n1e14,1234.5678\r\n1e15,-1e15\r\n";
    assert_eq!(csv, want);
}
