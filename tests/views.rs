//! Honest views (src/rules.rs): each rule has a host dataset that breaks it and must get a
//! `dishonest_view` error naming the view; every embedded view passes; and over every view ×
//! offered chart × language × width, what is drawn keeps the rules (two marks, one unit per
//! axis, period and kind beside a target, charts that fit).
#![cfg(not(target_arch = "wasm32"))]

use econ_widget::data::{Dataset, Kind, EMBEDDED_JSON};
use econ_widget::rules::figure_kind;
use econ_widget::widget::Widget;
mod common;
use common::j;
use serde_json::{json, Value};

const MINI: &str = include_str!("fixtures/mini.json");
const CHARTS: [&str; 6] = ["bar", "grouped_bar", "composition", "line", "bullet", "timeline"];

fn mini() -> Value {
    serde_json::from_str(MINI).unwrap()
}

fn src(quote: &str) -> Value {
    json!({"doc": "000_ade18ad3f0db81b9.txt", "quote": quote})
}

/// A value of the fixture's 晋中 (or `region`), quoted from its first document.
fn value(id: &str, indicator: &str, period: &str, kind: &str, v: f64, unit: &str, quote: &str) -> Value {
    json!({"id": id, "indicator": indicator, "region": "晋中", "period": period, "kind": kind,
           "value": v, "unit": unit, "source": src(quote)})
}

fn bar_view(id: &str, chart: &str, values: &[&str]) -> Value {
    json!({"id": id, "region": "晋中", "topic": "economy", "title": {"zh": "测试", "en": "Test"},
           "chart": chart, "values": values})
}

/// The fixture with extra indicators, values and views appended; the widget's answer.
fn load(
    indicators: &[(&str, &str)],
    values: Vec<Value>,
    views: Vec<Value>,
) -> Result<Widget, econ_widget::error::Error> {
    let mut d = mini();
    for (id, topic) in indicators {
        d["indicators"].as_array_mut().unwrap().push(json!({"id": id, "topic": topic, "name": {"zh": id, "en": id}}));
    }
    d["values"].as_array_mut().unwrap().extend(values);
    d["views"].as_array_mut().unwrap().extend(views);
    Widget::new(Some(&d.to_string()), &j(&json!(null)))
}

/// The dataset must fail with `dishonest_view` at the last view (the fixture has 4), naming it.
#[track_caller]
fn dishonest(result: Result<Widget, econ_widget::error::Error>, view: &str, needles: &[&str]) {
    let e = result.err().expect("a dishonest view must not load");
    assert_eq!((e.code, e.path.as_str()), ("dishonest_view", "views[4]"), "{e:?}");
    assert!(e.message.contains(&format!("view '{view}'")), "{}", e.message);
    for n in needles {
        assert!(e.message.contains(n), "message {:?} should mention {n:?}", e.message);
    }
}

// ---------------------------------------------------------------------------------------------
// Each rule, broken once

#[test]
fn the_fixture_with_an_honest_extra_view_loads() {
    // The control for the tests below: two growth rates of one period are fine.
    let w = load(&[], vec![], vec![bar_view("ok", "bar", &["jz.sei_growth.2023", "jz.mfg_growth.2023"])]).unwrap();
    assert!(w.views().iter().any(|v| v.id == "ok"));
}

#[test]
fn one_unit_per_axis_units_kinds_and_counted_things() {
    // 亿元 beside 万元: one dimension, two units on one axis.
    let v = vec![value("x.wan", "retail_sales", "2023H1", "level", 5000.0, "万元", "5000万元")];
    dishonest(load(&[], v, vec![bar_view("units", "bar", &["jz.gdp.2023H1", "x.wan"])]), "units", &["亿元", "万元"]);
    // A growth rate beside a share: both %, different figures.
    let v = vec![value("x.share", "budget_revenue", "2023H1", "share", 40.0, "%", "占40%")];
    dishonest(
        load(&[], v, vec![bar_view("kinds", "bar", &["jz.gdp_growth.2023H1", "x.share"])]),
        "kinds",
        &["growth rates", "shares"],
    );
    // 个 of care centres beside 个 of base stations: one symbol, different things counted.
    let v = vec![
        value("x.centres", "care_centres", "2025", "count", 10.0, "个", "10个社区养老中心"),
        value("x.stations", "base_stations", "2025", "count", 700.0, "个", "700个5G基站"),
    ];
    dishonest(
        load(
            &[("care_centres", "social"), ("base_stations", "infrastructure")],
            v,
            vec![bar_view("counts", "bar", &["x.centres", "x.stations"])],
        ),
        "counts",
        &["count different things"],
    );
}

#[test]
fn no_nested_or_overlapping_sets() {
    // "797个项目，总投资3846亿元" beside "320个产业项目、333亿元年度投资": two sets of projects of one
    // place and year, the second inside the first.
    let all = "抓实总投资3846亿元的797个项目";
    let part = "重点攻坚320个产业项目、333亿元";
    let subject = |zh: &str| json!({"zh": zh, "en": zh});
    let mut v = vec![
        value("x.all.inv", "project_investment", "2025", "level", 3846.0, "亿元", all),
        value("x.all.cnt", "project_count", "2025", "count", 797.0, "个", all),
        value("x.part.inv", "project_investment", "2025", "level", 333.0, "亿元", part),
        value("x.part.cnt", "project_count", "2025", "count", 320.0, "个", part),
        value("x.one", "project_investment", "2025", "level", 60.0, "亿元", "总投资60亿元的项目"),
    ];
    for (k, s) in [(0, "重大项目"), (1, "重大项目"), (2, "产业项目"), (3, "产业项目"), (4, "尚太项目")]
    {
        v[k]["subject"] = subject(s);
    }
    let views = |ids: &[&str]| vec![bar_view("sets", "bar", ids)];
    dishonest(load(&[], v.clone(), views(&["x.all.inv", "x.part.inv"])), "sets", &["x.all.inv", "x.part.inv"]);
    dishonest(load(&[], v.clone(), views(&["x.all.cnt", "x.part.cnt"])), "sets", &["may contain"]);
    // A single project beside the set it may belong to.
    dishonest(load(&[], v.clone(), views(&["x.all.inv", "x.one"])), "sets", &["x.one"]);
    // The same set a year apart is a time series, not a nesting, when the view says so.
    let mut later = v[0].clone();
    later["id"] = json!("x.all.inv.2026");
    later["period"] = json!("2026");
    v.push(later);
    let mut series = bar_view("years", "bar", &["x.all.inv", "x.all.inv.2026"]);
    series["series"] = json!("period");
    assert!(load(&[], v.clone(), vec![series]).is_ok());
    // Derived views never set them side by side either.
    let w = load(&[], v.clone(), vec![]).unwrap();
    let ds = w.dataset().clone();
    let sets = econ_widget::rules::set_flags(&ds);
    for view in econ_widget::views::build_views(&ds).unwrap() {
        econ_widget::rules::check(&ds, &sets, &view.content.shown()).unwrap_or_else(|m| panic!("{}: {m}", view.id));
        if let econ_widget::views::Content::Values { values, .. } = &view.content {
            let ids: Vec<&str> = values.iter().map(|&i| ds.raw.values[i].id.as_str()).collect();
            assert!(!(ids.contains(&"x.all.inv") && ids.contains(&"x.part.inv")), "{}: {ids:?}", view.id);
        }
    }
    // Sets of two regions, one inside the other (祁县 is in 晋中), overlap too.
    let mut county = v[2].clone();
    county["id"] = json!("x.qx.inv");
    county["region"] = json!("祁县");
    v.push(county);
    dishonest(load(&[], v, views(&["x.all.inv", "x.qx.inv"])), "sets", &["x.qx.inv"]);
}

#[test]
fn running_totals_new_figures_and_what_remains_are_not_one_series() {
    // The shapes the embedded dataset had: one indicator for "再打造40个" (new in 2025) and
    // "累计建成100个" (in all by 2027); for 44 projects in all and the 14 that remain.
    let ind = [("villages", "agriculture"), ("works", "environment")];
    let v = vec![
        value("x.new.2025", "villages", "2025", "count", 40.0, "个", "再打造40个精品示范村、300个提档升级村"),
        value("x.total.2027", "villages", "2027", "count", 100.0, "个", "到2027年累计建成100个精品示范村"),
        value("x.plain.2024", "villages", "2024", "count", 30.0, "个", "建成30个精品示范村"),
        value("x.all.2024", "works", "2024", "count", 44.0, "个", "省级44项重点工程总开工率"),
        value("x.left.2025", "works", "2025", "count", 14.0, "个", "年内剩余省级14项工程全部完成"),
    ];
    let series = |ids: &[&str]| {
        let mut view = bar_view("tally", "bar", ids);
        view["series"] = json!("period");
        vec![view]
    };
    dishonest(
        load(&ind, v.clone(), series(&["x.new.2025", "x.total.2027"])),
        "tally",
        &["x.new.2025", "new in its period", "x.total.2027", "a running total"],
    );
    dishonest(load(&ind, v.clone(), series(&["x.all.2024", "x.left.2025"])), "tally", &["what remains"]);
    // A figure the text does not qualify may sit beside a new one or a total.
    assert!(load(&ind, v.clone(), series(&["x.plain.2024", "x.new.2025"])).is_ok());
    assert!(load(&ind, v.clone(), series(&["x.plain.2024", "x.total.2027"])).is_ok());
    // No derived view sets them together.
    let w = load(&ind, v, vec![]).unwrap();
    let ds = w.dataset().clone();
    for view in econ_widget::views::build_views(&ds).unwrap() {
        if let econ_widget::views::Content::Values { values, .. } = &view.content {
            let ids: Vec<&str> = values.iter().map(|&i| ds.raw.values[i].id.as_str()).collect();
            assert!(!(ids.contains(&"x.new.2025") && ids.contains(&"x.total.2027")), "{}: {ids:?}", view.id);
            assert!(!(ids.contains(&"x.all.2024") && ids.contains(&"x.left.2025")), "{}: {ids:?}", view.id);
        }
    }
}

#[test]
fn the_embedded_village_and_yellow_river_figures_are_one_concept_per_indicator() {
    let ds = Dataset::parse(EMBEDDED_JSON).unwrap();
    let ind = |id: &str| ds.value(id).unwrap().indicator.clone();
    assert_ne!(ind("d001.jz.model_villages.2025t"), ind("d002.jz.model_villages.2027t"));
    assert_ne!(ind("d001.jz.upgraded_villages.2025t"), ind("d002.jz.upgraded_villages.2027t"));
    let yr =
        ["d001.jz.yellow_river_projects.2024", "d003.jz.yellow_river.2024", "d001.jz.yellow_river_remaining.2025t"];
    let mut inds: Vec<String> = yr.iter().map(|id| ind(id)).collect();
    inds.dedup();
    assert_eq!(inds.len(), 3, "{inds:?}");
    // And no view sets any two of these figures as comparable bars.
    let all = [
        "d001.jz.model_villages.2025t",
        "d002.jz.model_villages.2027t",
        "d001.jz.upgraded_villages.2025t",
        "d002.jz.upgraded_villages.2027t",
    ];
    for view in econ_widget::views::build_views(&ds).unwrap() {
        if let econ_widget::views::Content::Values { values, .. } = &view.content {
            let n = |ids: &[&str]| values.iter().filter(|&&i| ids.contains(&ds.raw.values[i].id.as_str())).count();
            assert!(n(&all) < 2 && n(&yr) < 2, "{}", view.id);
        }
    }
}

#[test]
fn a_target_is_paired_only_with_a_comparable_actual() {
    let target = json!({"id": "x.growth.2025t", "indicator": "gdp", "region": "晋中", "period": "2025",
        "kind": "target", "target_kind": "growth", "value": 5.0, "unit": "%", "source": src("增长5%")});
    // A bullet of H1 2023 growth against a full-year 2025 target.
    let mut d = mini();
    d["values"].as_array_mut().unwrap().push(target.clone());
    d["targets"].as_array_mut().unwrap().push(json!({"id": "x.pair", "name": {"zh": "增速", "en": "Growth"},
        "actual": "jz.gdp_growth.2023H1", "target": "x.growth.2025t"}));
    d["views"].as_array_mut().unwrap().push(json!({"id": "pair", "region": "晋中", "topic": "economy",
        "title": {"zh": "测试", "en": "Test"}, "chart": "bullet", "targets": ["x.pair"]}));
    dishonest(Widget::new(Some(&d.to_string()), &j(&json!(null))), "pair", &["2023H1", "2025", "not comparable"]);
    // The same beside each other in a bar chart: no actual of a comparable period.
    dishonest(
        load(&[], vec![target.clone()], vec![bar_view("beside", "bar", &["jz.gdp_growth.2023H1", "x.growth.2025t"])]),
        "beside",
        &["not comparable"],
    );
    // A 2023 actual and its 2024 target are fine, and every label says period and kind.
    let w = load(&[], vec![], vec![bar_view("fine", "bar", &["jz.clean_power.2023", "jz.clean_power.2024"])]);
    let mut w = w.unwrap();
    w.select(&j(&json!({"view": "fine"}))).unwrap();
    let labels: Vec<&str> = w.spec().data.iter().map(|d| d.label.as_str()).collect();
    assert!(labels[0].contains("2023年实际") && labels[1].contains("2024年目标"), "{labels:?}");
}

#[test]
fn a_composition_only_where_the_parts_sum_to_the_whole() {
    let mut d = mini();
    d["values"][2]["value"] = json!(60.0); // primary 47.8 → 60: parts 961.8, whole 949.6
    let e = Widget::new(Some(&d.to_string()), &j(&json!(null))).err().unwrap();
    assert_eq!((e.code, e.path.as_str()), ("parts_do_not_add_up", "groups[0]"), "{e:?}");
    assert!(e.message.contains("961.8") && e.message.contains("949.6"), "{}", e.message);
}

#[test]
fn a_line_only_for_one_indicator_over_periods_of_one_granularity() {
    // Two indicators of one period as a line.
    let mut view = bar_view("line2", "line", &["jz.sei_growth.2023", "jz.mfg_growth.2023"]);
    view["series"] = json!("period");
    dishonest(load(&[], vec![], vec![view]), "line2", &["line chart does not fit"]);
    // H1 joined to a full year by one line.
    let v = vec![value("x.gdp.2024", "gdp", "2024", "level", 2000.0, "亿元", "2000亿元")];
    let mut view = bar_view("halves", "line", &["jz.gdp.2023H1", "x.gdp.2024"]);
    view["series"] = json!("period");
    dishonest(load(&[], v.clone(), vec![view]), "halves", &["line chart does not fit"]);
    // One indicator over two years is a line.
    let v = vec![
        value("x.gdp.2022", "gdp", "2022", "level", 1900.0, "亿元", "1900亿元"),
        value("x.gdp.2023", "gdp", "2023", "level", 2000.0, "亿元", "2000亿元"),
    ];
    let mut view = bar_view("years", "line", &["x.gdp.2022", "x.gdp.2023"]);
    view["series"] = json!("period");
    let w = load(&[], v, vec![view]).unwrap();
    let years = w.views().into_iter().find(|v| v.id == "years").unwrap();
    assert_eq!(years.charts, ["bar", "grouped_bar", "line"]);
    // A grouped bar needs one category in two series.
    let mut view = bar_view("grouped", "grouped_bar", &["jz.sei_growth.2023", "jz.mfg_growth.2023"]);
    view["series"] = json!("period");
    dishonest(load(&[], vec![], vec![view]), "grouped", &["grouped_bar chart does not fit"]);
}

#[test]
fn two_marks_per_bar_or_line_chart() {
    dishonest(load(&[], vec![], vec![bar_view("one", "bar", &["jz.coal.2023"])]), "one", &["one figure"]);
    // A bullet of one pair is a single figure by design (the fixture's jz-clean-power).
    assert!(Widget::new(Some(MINI), &j(&json!({"view": "jz-clean-power"}))).is_ok());
}

// ---------------------------------------------------------------------------------------------
// The embedded views

#[test]
fn every_embedded_view_passes_every_rule() {
    let ds = Dataset::parse(EMBEDDED_JSON).unwrap();
    let views = econ_widget::views::build_views(&ds).unwrap();
    // The packed dataset (its derived views made at build time) gives the same views.
    let ids = |vs: &[econ_widget::views::View]| vs.iter().map(|v| v.id.clone()).collect::<Vec<_>>();
    let packed = econ_widget::views::build_views(&Dataset::embedded().unwrap()).unwrap();
    assert_eq!(ids(&views), ids(&packed));
    let sets = econ_widget::rules::set_flags(&ds);
    for v in &views {
        econ_widget::rules::check(&ds, &sets, &v.content.shown()).unwrap_or_else(|m| panic!("{}: {m}", v.id));
        assert!(!v.charts.is_empty() && v.charts.contains(&v.default_chart), "{}", v.id);
        for c in &v.charts {
            assert!(econ_widget::rules::fits(&ds, &v.content.shown(), *c), "{} offers {}", v.id, c.id());
        }
    }
    // The fixture's derived views pass too (a host dataset's are made the same way).
    let mini = Dataset::parse(MINI).unwrap();
    let mini_sets = econ_widget::rules::set_flags(&mini);
    for v in econ_widget::views::build_views(&mini).unwrap() {
        econ_widget::rules::check(&mini, &mini_sets, &v.content.shown()).unwrap_or_else(|m| panic!("{}: {m}", v.id));
    }
    // Fewer, better views than the 125 of (region, topic, kind, unit) buckets.
    assert!(views.len() < 60, "{} views", views.len());
}

#[test]
fn the_new_views_readers_asked_for_exist_and_show_what_they_say() {
    let mut w = Widget::new(None, &j(&json!(null))).unwrap();
    let shown = |w: &mut Widget, id: &str| -> Vec<(String, String)> {
        w.select(&j(&json!({"view": id, "lang": "zh"}))).unwrap();
        w.spec().data.iter().map(|d| (d.label.clone(), d.display.clone())).collect()
    };
    let e = shown(&mut w, "jz-billion-enterprises");
    assert_eq!(e.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(), ["3户", "8户", "10户"]);
    assert!(e[2].0.contains("目标（2025年内）"), "{e:?}");
    let a = shown(&mut w, "jz-investment-attraction");
    assert_eq!(a.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(), ["818.4亿元", "1325亿元", "千亿元以上"]);
    assert!(a[0].0.contains("2023年上半年") && a[2].0.contains("目标（2025年内）"), "{a:?}");
    let t = shown(&mut w, "jz-jc-transformation");
    let years: Vec<&str> = t.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(years, ["2023", "2023", "2025", "2025", "2027", "2027", "2030", "2030", "2035"]);
    assert!(t.iter().filter(|x| x.1.starts_with("晋中市：")).count() == 4, "{t:?}");
    assert!(t.iter().filter(|x| x.1.starts_with("晋城市：")).count() == 5, "{t:?}");
    let y = shown(&mut w, "jz-yellow-river");
    assert_eq!(y.len(), 4);
    // The 2024 ranking was done when the 2025 text was written: progress, not a goal.
    w.select(&j(&json!({"view": "jz-yellow-river"}))).unwrap();
    let kinds: Vec<&str> = w.spec().data.iter().map(|d| d.kind.as_str()).collect();
    assert_eq!(kinds, ["目标", "进展", "目标", "目标"]);
    // Strategic emerging industries against industry overall: the 4.3% is computed from the
    // printed 31% and 26.7 points, and says so in the tooltip, the table and the source line.
    let s = shown(&mut w, "d004-sei-vs-industry");
    assert_eq!(s.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(), ["31%", "4.3%"]);
    for (lang, how, mark) in [
        ("zh", "由31% − 26.7个百分点推算", "（含推算值）"),
        ("en", "computed: 31% − 26.7 percentage points", "computed"),
    ] {
        w.select(&j(&json!({"view": "d004-sei-vs-industry", "lang": lang}))).unwrap();
        let spec = w.spec().clone();
        assert_eq!(spec.data[1].detail.as_deref(), Some(how), "{lang}");
        assert_eq!(spec.data[0].detail, None, "{lang}: the printed figure is not marked");
        assert!(spec.source.contains(mark), "{lang}: {}", spec.source);
        let table = w.table();
        assert!(table.rows.iter().any(|r| r.iter().any(|c| c == how)), "{lang}: {:?}", table.rows);
    }
    let c = shown(&mut w, "jz-county-projects");
    assert_eq!(c.len(), 5);
    assert!(c.iter().any(|x| x.0 == "2023年 · 祁县重点项目" && x.1 == "233.9亿元"), "{c:?}");
}

#[test]
fn derived_view_ids_are_readable_and_old_ids_still_open_their_view() {
    let ds = Dataset::parse(EMBEDDED_JSON).unwrap();
    let views = econ_widget::views::build_views(&ds).unwrap();
    for v in views.iter().filter(|v| v.id.starts_with("auto/")) {
        for part in v.id.split('/') {
            assert!(ds.unit(part).is_none(), "{}: the unit id '{part}' in a view id", v.id);
            assert!(!part.contains(['(', ')', '%', '‰', '_', ' ']), "{}: '{part}'", v.id);
        }
    }
    let mut w = Widget::new(None, &j(&json!(null))).unwrap();
    // A derived view that shows what a curated view shows is left out; its old id opens the
    // curated view.
    for (old, new) in [
        ("auto/晋中/health_insurance_coverage/%", "auto/晋中/health-insurance-coverage"),
        ("auto/晋中/social/target/‰", "auto/晋中/social/targets/per-mille"),
        // Derived views whose figures a curated view shows are left out for it.
        ("auto/晋中/social/target/%", "d003-social-targets-2024"),
        ("auto/晋中/social/targets/percent", "d003-social-targets-2024"),
        ("auto/晋中/poor-medical-insurance-rate", "d003-targets-bullet"),
        ("auto/晋城/energy/rates", "d004-endowment"),
        ("auto/晋中/clean_energy_capacity/万千瓦", "d003-clean-energy"),
        ("auto/晋中/billion_enterprises/户", "jz-billion-enterprises"),
        ("auto/晋城/tourism/growth/%", "d004-tourism"),
        ("auto/晋城/tourism/growth-rates", "d004-tourism"),
        ("auto/晋中/economy/level/亿元", "d000-gdp-sectors"),
    ] {
        assert!(views.iter().any(|v| v.id == new), "{new}");
        let state = w.select(&j(&json!({"view": old}))).unwrap_or_else(|e| panic!("{old}: {e}"));
        assert_eq!(state.view, new, "{old}");
    }
    // A view that is gone (its figures were one indicator by mistake) is an unknown view: the
    // explorer's stale-link path drops it and says so.
    let e = w.select(&j(&json!({"view": "auto/晋中/upgraded_villages/个(村)"}))).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), ("unknown_view", "selection.view"));
    // Grab-bags of amounts are gone: a project's cost, a year's completed investment and the
    // investment signed were one bar chart (issue 13).
    for gone in ["auto/晋中/investment/figures", "auto/晋中/investment/targets"] {
        let e = w.select(&j(&json!({"view": gone}))).unwrap_err();
        assert_eq!(e.code, "unknown_view", "{gone}");
    }
}

/// A derived comparison sets side by side only figures that share a scale: rates and shares
/// (of different indicators), or one indicator's figures. Amounts of different indicators are
/// different aggregations, often nested.
#[test]
fn derived_comparisons_compare_rates_or_one_indicator() {
    let ds = Dataset::parse(EMBEDDED_JSON).unwrap();
    let views = econ_widget::views::build_views(&ds).unwrap();
    let mut compared = 0;
    for v in views.iter().filter(|v| v.id.starts_with("auto/")) {
        let econ_widget::views::Content::Values { values, series: None } = &v.content else { continue };
        compared += 1;
        let vals: Vec<_> = values.iter().map(|&i| ds.value_at(i)).collect();
        let rate = |x: &econ_widget::data::Value| {
            let dim = ds.unit(&x.unit).unwrap().dimension.as_str();
            matches!(econ_widget::rules::figure_kind(x), Kind::Growth | Kind::Share)
                || ["percent", "per_mille", "per_100k", "fraction"].contains(&dim)
        };
        assert!(
            vals.iter().all(|x| rate(x)) || vals.iter().all(|x| x.indicator == vals[0].indicator),
            "{}: amounts of different indicators side by side: {:?}",
            v.id,
            vals.iter().map(|x| &x.id).collect::<Vec<_>>()
        );
    }
    assert!(compared >= 1, "a rates comparison is still derived ({compared})");
}

#[test]
fn no_derived_view_repeats_a_curated_one() {
    let ds = Dataset::parse(EMBEDDED_JSON).unwrap();
    let views = econ_widget::views::build_views(&ds).unwrap();
    let figures = |v: &econ_widget::views::View| -> Vec<usize> {
        let mut x = match &v.content {
            econ_widget::views::Content::Values { values, .. } => values.clone(),
            econ_widget::views::Content::Group(g) => {
                let g = ds.group(g).unwrap();
                std::iter::once(&g.whole).chain(&g.parts).map(|id| ds.value_index(id).unwrap()).collect()
            }
            _ => return Vec::new(),
        };
        x.sort();
        x
    };
    for d in views.iter().filter(|v| v.id.starts_with("auto/")) {
        for c in views.iter().filter(|v| !v.id.starts_with("auto/")) {
            assert!(figures(d).is_empty() || figures(d) != figures(c), "{} repeats {}", d.id, c.id);
        }
    }
}

#[test]
fn each_county_has_a_chart_or_docs_say_why_not() {
    let ds = Dataset::parse(EMBEDDED_JSON).unwrap();
    let views = econ_widget::views::build_views(&ds).unwrap();
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/dataset.md")).unwrap();
    let why_not = &docs[docs.find("### Counties, a township").unwrap()..docs.find("## Corrections").unwrap()];
    let sets = econ_widget::rules::set_flags(&ds);
    for region in ["祁县", "左权", "灵石", "昔阳", "峪口"] {
        let own: Vec<_> = views.iter().filter(|v| v.region == region).collect();
        for v in &own {
            econ_widget::rules::check(&ds, &sets, &v.content.shown()).unwrap_or_else(|m| panic!("{}: {m}", v.id));
        }
        // Two of its figures that pass the rules side by side deserve a chart of their own.
        let rows: Vec<usize> = (0..ds.raw.values.len()).filter(|&i| ds.raw.values[i].region == region).collect();
        let comparable = rows.iter().enumerate().any(|(k, &a)| {
            rows[k + 1..].iter().any(|&b| {
                let shown = econ_widget::rules::Shown::Values { values: &[a, b], series: None };
                econ_widget::rules::check(&ds, &sets, &shown).is_ok()
            })
        });
        if own.is_empty() {
            assert!(
                why_not.contains(&format!("**{region}**")),
                "{region}: no view, and docs/dataset.md does not say why"
            );
            // Except 峪口, whose figures the rules would pass as amounts of 万元 (one per mu).
            assert!(!comparable || region == "峪口", "{region} has comparable figures but no view");
        }
    }
    assert!(views.iter().any(|v| v.id == "zuoquan-projects"));
}

// ---------------------------------------------------------------------------------------------
// What is drawn: every view × offered chart × language × width

fn period_words(lang: &str) -> (&'static str, &'static str) {
    if lang == "zh" {
        ("实际", "目标")
    } else {
        ("actual", "target")
    }
}

#[test]
fn every_view_chart_language_and_width_keeps_the_rules() {
    let ds = std::rc::Rc::new(Dataset::embedded().unwrap());
    let base = Widget::with_dataset(ds.clone(), &j(&json!(null))).unwrap();
    let mut checked = 0;
    for v in base.views() {
        for chart in CHARTS {
            let offered = v.charts.contains(&chart);
            for lang in ["zh", "en"] {
                let mut w = Widget::with_dataset(ds.clone(), &j(&json!({"view": v.id}))).unwrap();
                let r = w.select(&j(&json!({"chart": chart, "lang": lang})));
                if !offered {
                    assert_eq!(r.err().map(|e| e.code), Some("chart_unavailable"), "{} as {chart}", v.id);
                    continue;
                }
                r.unwrap();
                let spec = w.spec().clone();
                let what = format!("{} as {chart} in {lang}", v.id);
                let values: Vec<_> = spec.data.iter().filter_map(|d| ds.value(&d.value_id)).collect();
                if matches!(chart, "bar" | "grouped_bar" | "line") {
                    assert!(spec.data.len() >= 2, "{what}: {} marks", spec.data.len());
                    // One unit per axis: one unit, one kind of figure, one thing counted.
                    let f = values[0];
                    for x in &values {
                        assert_eq!(x.unit, f.unit, "{what}");
                        assert_eq!(figure_kind(x), figure_kind(f), "{what}");
                        if figure_kind(x) == Kind::Count {
                            assert_eq!(x.indicator, f.indicator, "{what}");
                        }
                    }
                    // A target beside an actual: each label names its period and kind.
                    let mixed =
                        values.iter().any(|x| x.kind == Kind::Target) && values.iter().any(|x| x.kind != Kind::Target);
                    if mixed {
                        let (actual, target) = period_words(lang);
                        for d in &spec.data {
                            let text = format!("{} {} {}", d.label, d.series_label, spec.categories[d.category]);
                            let word =
                                if ds.value(&d.value_id).unwrap().kind == Kind::Target { target } else { actual };
                            assert!(
                                text.contains(&d.period) && text.contains(word),
                                "{what}: {text:?} lacks {} {word}",
                                d.period
                            );
                        }
                    }
                }
                if chart == "line" {
                    assert_eq!(spec.series.len(), 1, "{what}: one indicator per line");
                    let mut periods: Vec<&str> = spec.data.iter().map(|d| d.period.as_str()).collect();
                    periods.dedup();
                    assert_eq!(periods.len(), spec.data.len(), "{what}: one point per period");
                }
                if chart == "bullet" {
                    let (actual, target) = period_words(lang);
                    for d in &spec.data {
                        assert!(d.label.contains(actual) && d.label.contains(target), "{what}: {:?}", d.label);
                    }
                }
                for width in [360.0, 800.0] {
                    let scene = w.layout(width).unwrap_or_else(|e| panic!("{what} at {width}: {e}"));
                    assert!(scene.height > 0.0, "{what} at {width}");
                }
                checked += 1;
            }
        }
    }
    assert!(checked >= 60, "{checked} view × chart × language combinations");
}
