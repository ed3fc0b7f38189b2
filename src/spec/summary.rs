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

/// A short description of what the chart shows, in the chart's language.
pub fn summary(spec: &ChartSpec) -> String {
    let lang = spec.lang;
    let data: Vec<&Datum> = spec.visible().collect();
    let zh = lang == Lang::Zh;
    let title = &spec.title;
    if data.is_empty() {
        return format!("{title}{}", lang.pick("：没有可显示的数据。", ": no data to show."));
    }
    match spec.chart {
        ChartKind::Composition => {
            // A composition's subtitle ends " · " and the total (spec::group_spec).
            let total = spec.subtitle.rsplit_once('·').map_or(spec.subtitle.as_str(), |(_, t)| t).trim_start();
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
            let mut s = if zh {
                format!("{title}。{total}；{}", crate::text::join(&parts, "，"))
            } else {
                format!("{title}. {total}; {}", crate::text::join(&parts, ", "))
            };
            if let Some(t) = top {
                s.push_str(&if zh {
                    format!("；{}占比最大。", t.label)
                } else {
                    format!("; {} is the largest part.", t.label)
                });
            }
            s
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
            format!("{title}{}{}", lang.pick("。", ". "), crate::text::join(&rows, lang.pick("；", "; ")))
        }
        ChartKind::Timeline => {
            let rows: Vec<String> =
                data.iter().map(|d| format!("{}{}{}", d.period, lang.pick("：", ": "), d.display)).collect();
            format!("{title}{}{}", lang.pick("。", ". "), crate::text::join(&rows, lang.pick("；", "; ")))
        }
        _ => {
            let (hi, lo) = (extreme(&data, true), extreme(&data, false));
            let n = spec.categories.len();
            let mut s = if zh { format!("{title}，共{n}项") } else { format!("{title}: {n} items") };
            if let (Some(hi), Some(lo)) = (hi, lo) {
                let name = |d: &Datum| {
                    if d.series_label.is_empty() {
                        d.label.clone()
                    } else {
                        format!("{}（{}）", d.label, d.series_label)
                    }
                };
                if std::ptr::eq(hi, lo) {
                    s.push_str(&if zh {
                        format!("：{}{}。", name(hi), hi.display)
                    } else {
                        format!(": {} {}.", name(hi), hi.display)
                    });
                } else if zh {
                    s.push_str(&format!("；最高为{}，{}；最低为{}，{}。", name(hi), hi.display, name(lo), lo.display));
                } else {
                    s.push_str(&format!(
                        "; highest: {}, {}; lowest: {}, {}.",
                        name(hi),
                        hi.display,
                        name(lo),
                        lo.display
                    ));
                }
            }
            s
        }
    }
}
