//! Reporting periods as the texts use them: a year, a half, a quarter, a month, months or
//! quarters added up from the start of a year (1-10月, 前三季度), a span of years.

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Year(u16),
    Half(u16, u8),
    Quarter(u16, u8),
    Month(u16, u8),
    /// Months `a` to `b` of a year taken together (`2023M1-10`: 1-10月, "Jan–Oct 2023").
    /// Host datasets only: the embedded texts have no such figure, and the one-chart wasm
    /// saves the parsing and labels (0.5 KB gzip).
    #[cfg(feature = "host-data")]
    Months(u16, u8, u8),
    /// Quarters `a` to `b` of a year taken together (`2023Q1-3`: 前三季度, "Q1–Q3 2023").
    #[cfg(feature = "host-data")]
    Quarters(u16, u8, u8),
    Span(u16, u16),
}

impl Period {
    /// Parses `2023`, `2023H1`, `2023Q3`, `2023-08`, `2023M1-10`, `2023Q1-3`, `2021-2025`;
    /// `None` for anything else.
    pub fn parse(s: &str) -> Option<Period> {
        let b = s.as_bytes();
        if b.len() < 4 || !s.is_ascii() {
            return None;
        }
        // `get`, not `[]` (which would bring str slicing's panic path into the wasm); the
        // text is ASCII, checked above.
        let (head, rest) = s.split_at_checked(4)?;
        let year = parse_year(head)?;
        let p = match rest.len() {
            0 => Period::Year(year),
            2 => {
                let (letter, digits) = rest.split_at_checked(1)?;
                let n = number(digits)? as u8;
                match letter {
                    "H" if (1..=2).contains(&n) => Period::Half(year, n),
                    "Q" if (1..=4).contains(&n) => Period::Quarter(year, n),
                    _ => return None,
                }
            }
            3 if rest.starts_with('-') => {
                let m = number(rest.get(1..)?)? as u8;
                if !(1..=12).contains(&m) {
                    return None;
                }
                Period::Month(year, m)
            }
            #[cfg(feature = "host-data")]
            4..=6 if matches!(rest.as_bytes().first(), Some(b'M' | b'Q')) => {
                let (letter, range) = rest.split_at_checked(1)?;
                let (a, b) = range.split_once('-')?;
                let (a, b) = (number(a)? as u8, number(b)? as u8);
                let last = if letter == "M" { 12 } else { 4 };
                if a == 0 || a >= b || b > last {
                    return None;
                }
                if letter == "M" {
                    Period::Months(year, a, b)
                } else {
                    Period::Quarters(year, a, b)
                }
            }
            5 if rest.starts_with('-') => {
                let end = parse_year(rest.get(1..)?)?;
                if end <= year {
                    return None;
                }
                Period::Span(year, end)
            }
            _ => return None,
        };
        Some(p)
    }

    /// Months since year 0 for the start and end, so periods sort in time and shorter ones
    /// come first when they start together.
    pub fn sort_key(&self) -> (u32, u32) {
        let m = |y: u16, mo: u32| y as u32 * 12 + mo;
        match *self {
            Period::Year(y) => (m(y, 0), m(y, 11)),
            Period::Half(y, h) => (m(y, (h as u32 - 1) * 6), m(y, h as u32 * 6 - 1)),
            Period::Quarter(y, q) => (m(y, (q as u32 - 1) * 3), m(y, q as u32 * 3 - 1)),
            Period::Month(y, mo) => (m(y, mo as u32 - 1), m(y, mo as u32 - 1)),
            #[cfg(feature = "host-data")]
            Period::Months(y, a, b) => (m(y, a as u32 - 1), m(y, b as u32 - 1)),
            #[cfg(feature = "host-data")]
            Period::Quarters(y, a, b) => (m(y, (a as u32 - 1) * 3), m(y, b as u32 * 3 - 1)),
            Period::Span(a, b) => (m(a, 0), m(b, 11)),
        }
    }

    /// The year a period starts in.
    pub fn year(&self) -> u16 {
        match *self {
            Period::Year(y) | Period::Half(y, _) | Period::Quarter(y, _) | Period::Month(y, _) | Period::Span(y, _) => {
                y
            }
            #[cfg(feature = "host-data")]
            Period::Months(y, _, _) | Period::Quarters(y, _, _) => y,
        }
    }

    pub fn label(&self, lang: Lang) -> String {
        const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        let month = |m: u8| MONTHS[(m as usize).clamp(1, 12) - 1];
        // Every label is text, a number, text, a number, text (NONE: no number): one assembly
        // for all of them, not a format! per arm (0.3 KB of the one-chart wasm).
        const NONE: u16 = u16::MAX;
        let (a, n, b, m, c) = match (*self, lang) {
            (Period::Year(y), Lang::Zh) => ("", y, "年", NONE, ""),
            (Period::Year(y), Lang::En) => ("", y, "", NONE, ""),
            (Period::Half(y, h), Lang::Zh) => ("", y, if h == 1 { "年上半年" } else { "年下半年" }, NONE, ""),
            (Period::Half(y, h), Lang::En) => ("H", h as u16, " ", y, ""),
            (Period::Quarter(y, q), Lang::Zh) => ("", y, "年第", q as u16, "季度"),
            (Period::Quarter(y, q), Lang::En) => ("Q", q as u16, " ", y, ""),
            (Period::Month(y, mo), Lang::Zh) => ("", y, "年", mo as u16, "月"),
            (Period::Month(y, mo), Lang::En) => (month(mo), NONE, " ", y, ""),
            #[cfg(feature = "host-data")]
            (Period::Months(y, a, b), Lang::Zh) => return format!("{y}年{a}—{b}月"),
            #[cfg(feature = "host-data")]
            (Period::Months(y, a, b), Lang::En) => return format!("{}–{} {y}", month(a), month(b)),
            #[cfg(feature = "host-data")]
            (Period::Quarters(y, 1, 3), Lang::Zh) => ("", y, "年前三季度", NONE, ""),
            #[cfg(feature = "host-data")]
            (Period::Quarters(y, a, b), Lang::Zh) => return format!("{y}年第{a}—{b}季度"),
            #[cfg(feature = "host-data")]
            (Period::Quarters(y, a, b), Lang::En) => return format!("Q{a}–Q{b} {y}"),
            (Period::Span(a, b), Lang::Zh) => ("", a, "—", b, "年"),
            (Period::Span(a, b), Lang::En) => ("", a, "–", b, ""),
        };
        let mut out = String::from(a);
        for (n, text) in [(n, b), (m, c)] {
            if n != NONE {
                out.push_str(&n.to_string());
            }
            out.push_str(text);
        }
        out
    }
}

/// From one period to another, as a title says it: "2024—2025年" / "2024–2025" for years, "H1
/// and full year 2023" where a part of a year comes before the whole of it (never "H1
/// 2023–2023"), "H1 2023–2025" otherwise.
pub fn range_label(a: Period, b: Period, lang: Lang) -> String {
    match (a, b) {
        _ if a == b => a.label(lang),
        (Period::Year(x), Period::Year(y)) if x < y => Period::Span(x, y).label(lang),
        (_, Period::Year(y)) if a.year() == y => {
            let part = a.label(lang);
            match lang {
                Lang::Zh => format!("{part}及全年"),
                // "H1 2023" → "H1 and full year 2023".
                Lang::En => match part.strip_suffix(&format!(" {y}")) {
                    Some(p) => format!("{p} and full year {y}"),
                    None => format!("{part} and full year"),
                },
            }
        }
        _ => format!("{}{}{}", a.label(lang), lang.pick("—", "–"), b.label(lang)),
    }
}

/// A year from 1900 to 2100 in four ASCII digits.
pub fn parse_year(s: &str) -> Option<u16> {
    let y = number(s).filter(|_| s.len() == 4)?;
    (1900..=2100).contains(&y).then_some(y)
}

/// The number one to four ASCII digits spell ("08" is 8): `str::parse` would take a sign
/// too, and brings its error type and a copy per integer type into the wasm.
fn number(s: &str) -> Option<u16> {
    if s.is_empty() || s.len() > 4 {
        return None;
    }
    s.bytes().try_fold(0u16, |n, c| c.is_ascii_digit().then(|| n * 10 + u16::from(c - b'0')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_form_and_rejects_the_rest() {
        assert_eq!(Period::parse("2023"), Some(Period::Year(2023)));
        assert_eq!(Period::parse("2023H1"), Some(Period::Half(2023, 1)));
        assert_eq!(Period::parse("2024Q4"), Some(Period::Quarter(2024, 4)));
        assert_eq!(Period::parse("2023-08"), Some(Period::Month(2023, 8)));
        assert_eq!(Period::parse("2021-2025"), Some(Period::Span(2021, 2025)));
        for bad in [
            "",
            "23",
            "2023H3",
            "2023Q0",
            "2023-13",
            "2023-00",
            "2025-2021",
            "1800",
            "2023h1",
            "２０２３",
            "2023-+1",
            "2023 ",
            "2023M1-13",
            "2023M0-5",
            "2023M5-5",
            "2023M10-1",
            "2023M1-",
            "2023M-10",
            "2023M1+10",
            "2023Q1-5",
            "2023Q3-1",
            "2023Q0-2",
            "2023X1-3",
        ] {
            assert_eq!(Period::parse(bad), None, "{bad:?} should not parse");
        }
    }

    #[test]
    fn sorts_in_time_and_labels_in_both_languages() {
        let mut ps: Vec<Period> =
            ["2024", "2023H1", "2023", "2023-02", "2021-2025"].iter().filter_map(|s| Period::parse(s)).collect();
        ps.sort_by_key(|p| p.sort_key());
        let zh: Vec<String> = ps.iter().map(|p| p.label(Lang::Zh)).collect();
        assert_eq!(zh, ["2021—2025年", "2023年上半年", "2023年", "2023年2月", "2024年"]);
        assert_eq!(Period::Half(2023, 1).label(Lang::En), "H1 2023");
        assert_eq!(Period::Month(2023, 8).label(Lang::En), "Aug 2023");
    }

    #[cfg(feature = "host-data")]
    #[test]
    fn cumulative_months_and_quarters() {
        assert_eq!(Period::parse("2023M1-10"), Some(Period::Months(2023, 1, 10)));
        assert_eq!(Period::parse("2023M10-12"), Some(Period::Months(2023, 10, 12)));
        assert_eq!(Period::parse("2023Q1-3"), Some(Period::Quarters(2023, 1, 3)));
        let ytd = Period::Months(2023, 1, 10);
        assert_eq!(ytd.label(Lang::Zh), "2023年1—10月");
        assert_eq!(ytd.label(Lang::En), "Jan–Oct 2023");
        assert_eq!(Period::Quarters(2023, 1, 3).label(Lang::Zh), "2023年前三季度");
        assert_eq!(Period::Quarters(2023, 1, 3).label(Lang::En), "Q1–Q3 2023");
        assert_eq!(Period::Quarters(2023, 2, 3).label(Lang::Zh), "2023年第2—3季度");
        // Ten months of 2023: January to October, inside the year and after H1's start.
        assert_eq!(ytd.sort_key(), (2023 * 12, 2023 * 12 + 9));
        assert_eq!(Period::Quarters(2023, 1, 3).sort_key(), Period::Months(2023, 1, 9).sort_key());
        let mut ps: Vec<Period> = ["2024", "2023M1-10", "2023", "2023H1", "2023Q1-3", "2024M1-10"]
            .iter()
            .filter_map(|s| Period::parse(s))
            .collect();
        ps.sort_by_key(|p| p.sort_key());
        let en: Vec<String> = ps.iter().map(|p| p.label(Lang::En)).collect();
        assert_eq!(en, ["H1 2023", "Q1–Q3 2023", "Jan–Oct 2023", "2023", "Jan–Oct 2024", "2024"]);
    }

    #[test]
    fn ranges_read_as_a_title_says_them() {
        let p = |s: &str| Period::parse(s).unwrap();
        assert_eq!(range_label(p("2024"), p("2025"), Lang::Zh), "2024—2025年");
        assert_eq!(range_label(p("2024"), p("2025"), Lang::En), "2024–2025");
        assert_eq!(range_label(p("2023H1"), p("2023"), Lang::Zh), "2023年上半年及全年");
        assert_eq!(range_label(p("2023H1"), p("2023"), Lang::En), "H1 and full year 2023");
        #[cfg(feature = "host-data")]
        assert_eq!(range_label(p("2023M1-10"), p("2023"), Lang::En), "Jan–Oct and full year 2023");
        assert_eq!(range_label(p("2023H1"), p("2025"), Lang::En), "H1 2023–2025");
        assert_eq!(range_label(p("2023"), p("2023"), Lang::En), "2023");
    }
}
