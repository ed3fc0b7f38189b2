//! The one-sentence summary a screen reader announces for a chart (moved from analytics.rs:
//! it reads a ChartSpec, and analytics sits below spec).

use super::{ChartSpec, Datum};
use crate::data::ChartKind;
use crate::i18n::{format_share, Lang};

fn extreme<'a>(data: &'a [&'a Datum], max: bool) -> Option<&'a Datum> {
    let finite = data.iter().copied().filter(|d| d.value.is_finite());
    if max {
        finite.max_by(|a, b| a.value.total_cmp(&b.value))
    } else {
        finite.min_by(|a, b| a.value.total_cmp(&b.value))
    }
}

/// What a screen reader hears for the chart (the chart's accessible description), in the
/// chart's language: the title (an editor's headline) and an editor's description; the unit and period (the subtitle, which also has a
/// composition's total); how many marks the arrow keys reach, counted as the keyboard's "3 of
/// 4" counts them (every visible datum); the key figures; and the source line (document,
/// publisher, date), which the fallback table carried before the chart replaced it.
pub fn summary(spec: &ChartSpec) -> String {
    let lang = spec.lang;
    let data: Vec<&Datum> = spec.visible().collect();
    let zh = lang == Lang::Zh;
    let (stop, semi) = (lang.pick("。", ". "), lang.pick("；", "; "));
    let mut s = spec.title.clone();
    s.push_str(stop);
    if !spec.description.is_empty() {
        s.push_str(&spec.description);
        if !s.ends_with(['。', '.', '!', '?', '！', '？']) {
            s.push_str(stop);
        } else if !zh {
            s.push(' ');
        }
    }
    if !spec.subtitle.is_empty() {
        let mut sub = crate::text::replace_dot(&spec.subtitle, semi);
        // A sentence of its own: "As of writing in 2025", not "as of …".
        if let Some(first) = sub.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        s.push_str(&sub);
        s.push_str(stop);
    }
    let n = data.len();
    s.push_str(&match (zh, n) {
        (true, _) => format!("共{n}项"),
        (false, 1) => "1 figure".to_string(),
        _ => format!("{n} figures"),
    });
    let list = |rows: Vec<String>, sep: &str| format!("{}{}", lang.pick("：", ": "), crate::text::join(&rows, sep));
    match spec.chart {
        _ if n == 0 => {}
        ChartKind::Composition => {
            let top = data
                .iter()
                .copied()
                .filter(|d| d.share.is_some())
                .max_by(|a, b| a.share.unwrap_or(0.0).total_cmp(&b.share.unwrap_or(0.0)));
            let parts: Vec<String> = data
                .iter()
                .map(|d| {
                    let share = d.share.map(format_share).unwrap_or_default();
                    if zh {
                        format!("{}{}（{}）", d.label, d.display, share)
                    } else {
                        format!("{} {} ({})", d.label, d.display, share)
                    }
                })
                .collect();
            s.push_str(&list(parts, lang.pick("，", ", ")));
            if let Some(t) = top {
                s.push_str(&if zh {
                    format!("；{}占比最大", t.label)
                } else {
                    format!("; {} is the largest part", t.label)
                });
            }
        }
        ChartKind::Bullet => {
            let rows: Vec<String> = data
                .iter()
                .map(|d| {
                    let target = d.detail.clone().unwrap_or_default();
                    if zh {
                        format!("{}：实际{}，{}", d.label, d.display, target)
                    } else {
                        format!("{}: actual {}, {}", d.label, d.display, target)
                    }
                })
                .collect();
            s.push_str(&list(rows, semi));
        }
        ChartKind::Timeline => {
            let rows: Vec<String> =
                data.iter().map(|d| format!("{}{}{}", d.period, lang.pick("：", ": "), d.display)).collect();
            s.push_str(&list(rows, semi));
        }
        _ => {
            let (hi, lo) = (extreme(&data, true), extreme(&data, false));
            if let (Some(hi), Some(lo)) = (hi, lo) {
                let name = |d: &Datum| {
                    let s = &d.series_label;
                    // A series label with brackets of its own ("2027（目标）") follows a dot, not
                    // more brackets; English text takes English brackets.
                    match (s.is_empty(), s.chars().any(|c| matches!(c, '（' | '(')), zh) {
                        (true, _, _) => d.label.clone(),
                        (false, true, _) => format!("{} · {s}", d.label),
                        (false, false, true) => format!("{}（{s}）", d.label),
                        (false, false, false) => format!("{} ({s})", d.label),
                    }
                };
                if std::ptr::eq(hi, lo) {
                    s.push_str(&if zh {
                        format!("：{}{}", name(hi), hi.display)
                    } else {
                        format!(": {} {}", name(hi), hi.display)
                    });
                } else if zh {
                    s.push_str(&format!("；最高为{}，{}；最低为{}，{}", name(hi), hi.display, name(lo), lo.display));
                } else {
                    s.push_str(&format!(
                        "; highest: {}, {}; lowest: {}, {}",
                        name(hi),
                        hi.display,
                        name(lo),
                        lo.display
                    ));
                }
            }
        }
    }
    s.push_str(stop);
    s.push_str(&spec.source);
    s.push_str(lang.pick("。", "."));
    s
}
