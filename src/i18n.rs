//! zh/en: UI strings and number formats. Chinese keeps the printed unit (949.6亿元); English
//! converts to words a reader knows (94.96 billion yuan), shifting the decimal point exactly
//! on the printed digits so no float noise ever reaches the page.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "zh" | "zh-CN" | "zh-Hans" => Some(Lang::Zh),
            "en" | "en-US" | "en-GB" => Some(Lang::En),
            _ => None,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
    /// Picks the zh or en form of a fixed UI string.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        if self == Lang::Zh {
            zh
        } else {
            en
        }
    }
}

/// How a chart shows numbers of one unit in one language: a multiplier from the printed
/// value and the unit's label. For zh the multiplier is 1 and the label is the printed unit.
#[derive(Debug, Clone, PartialEq)]
pub struct DisplayUnit {
    /// Power of ten applied to printed values (94.96 = 949.6 × 10^-1).
    pub exp10: i32,
    pub label: String,
    /// Whether the label follows the number without a space (949.6亿元, 4.8%).
    pub tight: bool,
}

impl DisplayUnit {
    pub fn scale(&self) -> f64 {
        10f64.powi(self.exp10)
    }
}

/// Word scales for English (value in base units → label prefix).
const EN_WORD_SCALES: [(i32, &str); 4] = [(12, "trillion"), (9, "billion"), (6, "million"), (0, "")];
const EN_SI_SCALES: [(i32, &str); 4] = [(9, "G"), (6, "M"), (3, "k"), (0, "")];

/// Chooses the display unit for values printed in `unit_id` (dimension, factor, English
/// name), given the largest magnitude among the printed values.
pub fn display_unit(
    lang: Lang,
    unit_id: &str,
    dimension: &str,
    factor: f64,
    en_name: &str,
    max_abs: f64,
) -> DisplayUnit {
    let tight_zh = true;
    if lang == Lang::Zh {
        // A fraction printed as "1/4" needs no unit word after it.
        let label = if dimension == "fraction" { String::new() } else { unit_id.to_string() };
        return DisplayUnit { exp10: 0, label, tight: tight_zh };
    }
    if dimension == "percent" {
        return DisplayUnit { exp10: 0, label: "%".into(), tight: true };
    }
    let factor_exp = factor.log10().round() as i32;
    let exact_power = factor > 0.0 && (10f64.powi(factor_exp) - factor).abs() < 1e-6 * factor;
    let base = match dimension {
        "yuan" => Some(("yuan", false)),
        "tonnes" => Some(("tonnes", false)),
        "people" => Some(("people", false)),
        "m3" => Some(("m³", false)),
        "area" => Some(("m²", false)),
        "watts" => Some(("W", true)),
        "wh" => Some(("Wh", true)),
        _ => None,
    };
    match base {
        Some((name, si)) if exact_power => {
            let top = (max_abs.max(1e-300)).log10() + factor_exp as f64;
            let scales: &[(i32, &str)] = if si { &EN_SI_SCALES } else { &EN_WORD_SCALES };
            let (s, prefix) = scales.iter().copied().find(|(e, _)| top >= *e as f64).unwrap_or((0, ""));
            let label = match (si, prefix) {
                (true, p) => format!("{p}{name}"),
                (false, "") => name.to_string(),
                (false, p) => format!("{p} {name}"),
            };
            DisplayUnit { exp10: factor_exp - s, label, tight: false }
        }
        _ => DisplayUnit { exp10: 0, label: en_name.to_string(), tight: false },
    }
}

/// The shortest decimal text of `v` that reads back as `v` (what the source printed).
pub fn shortest(v: f64) -> String {
    if !v.is_finite() {
        return (if v.is_nan() {
            "NaN"
        } else if v > 0.0 {
            "inf"
        } else {
            "-inf"
        })
        .into();
    }
    // zmij prints the shortest digits, in exponent form when that is shorter (1e-7, 1e15);
    // moving the decimal point on those digits gives the plain form, exactly.
    let mut buf = zmij::Buffer::new();
    let s = buf.format_finite(v);
    let (mantissa, exp) = match s.split_once('e') {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (s, 0),
    };
    let plain = shift_decimal(mantissa, exp);
    if plain == "-0" {
        "0".into()
    } else {
        plain
    }
}

/// Moves the decimal point of a plain decimal string by `exp10` places, exactly.
pub fn shift_decimal(text: &str, exp10: i32) -> String {
    let (neg, body) = match text.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, text),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let digits: Vec<u8> = int.bytes().chain(frac.bytes()).collect();
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return text.to_string();
    }
    // Digit k of the number counted from the first digit of `text`, for any k (zeros outside),
    // with the point now before digit `point`.
    let digit = |k: i64| usize::try_from(k).ok().and_then(|k| digits.get(k)).map_or('0', |&d| d as char);
    let point = int.len() as i64 + exp10 as i64;
    // Without leading zeros in the integer part and trailing zeros in the fraction.
    let first = (0..point).find(|&k| digit(k) != '0').unwrap_or(point);
    let end = (point..digits.len() as i64).rev().find(|&k| digit(k) != '0').map_or(point, |k| k + 1);
    let mut out = String::new();
    if neg && (first < point || end > point) {
        out.push('-');
    }
    if first == point {
        out.push('0');
    }
    out.extend((first..point).map(digit));
    if end > point {
        out.push('.');
        out.extend((point..end).map(digit));
    }
    out
}

/// A measured number for a tooltip: at most `digits` significant digits ("-64.6513", not
/// "-64.65129315946251"), grouped by thousands ("484,840").
pub fn format_measure(v: f64, digits: i32) -> String {
    if !v.is_finite() || v == 0.0 {
        return shortest(v);
    }
    let magnitude = v.abs().log10().floor() as i32 + 1;
    let decimals = (digits - magnitude).clamp(0, 15);
    let scale = 10f64.powi(decimals);
    let rounded = (v * scale).round() / scale;
    let text = if (-6..=21).contains(&magnitude) { shortest(rounded) } else { shortest(v) };
    group_thousands(&text, Lang::En)
}

/// Groups the integer digits by thousands for English ("1325" → "1,325"); Chinese news
/// prints plain digits, so zh is left alone.
pub fn group_thousands(text: &str, lang: Lang) -> String {
    if lang == Lang::Zh {
        return text.to_string();
    }
    let (sign, body) = match text.strip_prefix('-') {
        Some(b) => ("-", b),
        None => ("", text),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let mut out = String::with_capacity(text.len() + 4);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// A printed value in a display unit: "949.6亿元", "94.96 billion yuan", "4.8%".
pub fn format_value(printed_value: f64, unit: &DisplayUnit, lang: Lang) -> String {
    let num = group_thousands(&shift_decimal(&shortest(printed_value), unit.exp10), lang);
    join_unit(&num, unit)
}

pub fn join_unit(num: &str, unit: &DisplayUnit) -> String {
    if unit.label.is_empty() {
        num.to_string()
    } else if unit.tight {
        format!("{num}{}", unit.label)
    } else {
        format!("{num} {}", unit.label)
    }
}

/// Axis tick text: `step` decides the decimals so ticks read 0, 2.5, 5 and not 2.5000001.
pub fn format_tick(v: f64, step: f64, lang: Lang) -> String {
    let decimals = if step >= 1.0 { 0 } else { ((-step.log10()).ceil() as i32).clamp(0, 6) as usize };
    group_thousands(&fixed(v, decimals), lang)
}

/// Share as a percentage with one decimal: "52.4%".
pub fn format_share(share: f64) -> String {
    fixed(share * 100.0, 1) + "%"
}

/// `v` with exactly `decimals` fraction digits, rounded half away from zero on its shortest
/// decimal form (12.25 → "12.3", as a reader rounds the printed number), never "-0".
/// (Rust's `{:.1}` would round the binary value instead, and cost ~10 KB of wasm.)
pub fn fixed(v: f64, decimals: usize) -> String {
    let s = shortest(v);
    if !v.is_finite() {
        return s;
    }
    let (neg, body) = match s.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, s.as_str()),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let mut digits: Vec<u8> = int.bytes().chain(frac.bytes().chain(std::iter::repeat(b'0')).take(decimals)).collect();
    if frac.as_bytes().get(decimals).is_some_and(|&d| d >= b'5') {
        // Carry from the last kept digit leftwards; 9.96 → 10.0.
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                break;
            }
            i -= 1;
            if digits[i] == b'9' {
                digits[i] = b'0';
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let split = digits.len() - decimals;
    let mut out = String::with_capacity(digits.len() + 2);
    if neg && digits.iter().any(|&d| d != b'0') {
        out.push('-');
    }
    out.push_str(std::str::from_utf8(&digits[..split]).unwrap_or("0"));
    if decimals > 0 {
        out.push('.');
        out.push_str(std::str::from_utf8(&digits[split..]).unwrap_or(""));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifts_decimals_exactly() {
        assert_eq!(shift_decimal("949.6", -1), "94.96");
        assert_eq!(shift_decimal("1.27", 2), "127");
        assert_eq!(shift_decimal("555", -2), "5.55");
        assert_eq!(shift_decimal("30.06", -1), "3.006");
        assert_eq!(shift_decimal("5", -3), "0.005");
        assert_eq!(shift_decimal("-2.1", 0), "-2.1");
        assert_eq!(shift_decimal("1325", 3), "1325000");
        assert_eq!(shift_decimal("-0.0", 0), "0");
        assert_eq!(shift_decimal("0012.3400", 0), "12.34");
        assert_eq!(shift_decimal("1.5", -20), "0.000000000000000000015");
        assert_eq!(shift_decimal("1e5", 0), "1e5", "not a plain decimal: unchanged");
        assert_eq!(shift_decimal("", 2), "");
        assert_eq!(shift_decimal("0", 5), "0");
    }

    #[test]
    fn english_units_read_as_words() {
        let u = display_unit(Lang::En, "亿元", "yuan", 1e8, "100 million yuan", 949.6);
        assert_eq!(format_value(949.6, &u, Lang::En), "94.96 billion yuan");
        let u = display_unit(Lang::En, "亿元", "yuan", 1e8, "100 million yuan", 1325.0);
        assert_eq!(format_value(1325.0, &u, Lang::En), "132.5 billion yuan");
        let u = display_unit(Lang::En, "亿吨", "tonnes", 1e8, "100 million tonnes", 1.27);
        assert_eq!(format_value(1.27, &u, Lang::En), "127 million tonnes");
        let u = display_unit(Lang::En, "万千瓦", "watts", 1e7, "10 MW", 555.0);
        assert_eq!(format_value(555.0, &u, Lang::En), "5.55 GW");
        let u = display_unit(Lang::En, "户", "enterprises", 1.0, "enterprises", 1154.0);
        assert_eq!(format_value(1154.0, &u, Lang::En), "1,154 enterprises");
        let u = display_unit(Lang::En, "%", "percent", 1.0, "%", 4.8);
        assert_eq!(format_value(4.8, &u, Lang::En), "4.8%");
    }

    #[test]
    fn chinese_keeps_the_printed_unit() {
        let u = display_unit(Lang::Zh, "亿元", "yuan", 1e8, "100 million yuan", 949.6);
        assert_eq!(format_value(949.6, &u, Lang::Zh), "949.6亿元");
        let u = display_unit(Lang::Zh, "户", "enterprises", 1.0, "enterprises", 1154.0);
        assert_eq!(format_value(1154.0, &u, Lang::Zh), "1154户");
    }

    #[test]
    fn measures_are_rounded_and_grouped() {
        assert_eq!(format_measure(-64.65129315946251, 6), "-64.6513");
        assert_eq!(format_measure(484840.0, 6), "484,840");
        assert_eq!(format_measure(1234567.891, 6), "1,234,568");
        assert_eq!(format_measure(0.000123456789, 6), "0.000123457");
        assert_eq!(format_measure(0.0, 6), "0");
    }

    #[test]
    fn fixed_rounds_the_printed_digits() {
        assert_eq!(fixed(12.25, 1), "12.3");
        assert_eq!(fixed(52.44, 1), "52.4");
        assert_eq!(fixed(9.96, 1), "10.0");
        assert_eq!(fixed(99.5, 0), "100");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(-2.35, 1), "-2.4");
        assert_eq!(fixed(3.0, 2), "3.00");
        assert_eq!(fixed(1e-7, 3), "0.000");
        assert_eq!(fixed(0.1 + 0.2, 1), "0.3");
        assert_eq!(fixed(123456.0, 0), "123456");
        assert_eq!(format_share(0.524), "52.4%");
    }

    #[test]
    fn ticks_have_the_step_decimals() {
        assert_eq!(format_tick(2.5, 0.5, Lang::En), "2.5");
        assert_eq!(format_tick(1000.0, 500.0, Lang::En), "1,000");
        assert_eq!(format_tick(-0.0000001, 0.1, Lang::En), "0.0");
        assert_eq!(format_tick(0.30000000000000004, 0.1, Lang::Zh), "0.3");
    }
}
