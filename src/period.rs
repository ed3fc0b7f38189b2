//! Reporting periods as the texts use them: a year, a half, a quarter, a month, a span of years.

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Year(u16),
    Half(u16, u8),
    Quarter(u16, u8),
    Month(u16, u8),
    Span(u16, u16),
}

impl Period {
    /// Parses `2023`, `2023H1`, `2023Q3`, `2023-08`, `2021-2025`; `None` for anything else.
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
                let n = digits.parse::<u8>().ok()?;
                match letter {
                    "H" if (1..=2).contains(&n) => Period::Half(year, n),
                    "Q" if (1..=4).contains(&n) => Period::Quarter(year, n),
                    _ => return None,
                }
            }
            3 if rest.starts_with('-') => {
                let digits = rest.get(1..)?;
                let m = digits.parse::<u8>().ok()?;
                if !(1..=12).contains(&m) || !digits.bytes().all(|c| c.is_ascii_digit()) {
                    return None;
                }
                Period::Month(year, m)
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
            Period::Span(a, b) => (m(a, 0), m(b, 11)),
        }
    }

    pub fn label(&self, lang: Lang) -> String {
        const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        match (*self, lang) {
            (Period::Year(y), Lang::Zh) => format!("{y}年"),
            (Period::Year(y), Lang::En) => format!("{y}"),
            (Period::Half(y, 1), Lang::Zh) => format!("{y}年上半年"),
            (Period::Half(y, _), Lang::Zh) => format!("{y}年下半年"),
            (Period::Half(y, h), Lang::En) => format!("H{h} {y}"),
            (Period::Quarter(y, q), Lang::Zh) => format!("{y}年第{q}季度"),
            (Period::Quarter(y, q), Lang::En) => format!("Q{q} {y}"),
            (Period::Month(y, mo), Lang::Zh) => format!("{y}年{mo}月"),
            (Period::Month(y, mo), Lang::En) => format!("{} {y}", MONTHS[(mo as usize - 1).min(11)]),
            (Period::Span(a, b), Lang::Zh) => format!("{a}—{b}年"),
            (Period::Span(a, b), Lang::En) => format!("{a}–{b}"),
        }
    }
}

fn parse_year(s: &str) -> Option<u16> {
    if s.len() != 4 || !s.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let y = s.parse::<u16>().ok()?;
    (1900..=2100).contains(&y).then_some(y)
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
}
