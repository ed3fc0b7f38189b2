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
    pub fn other(self) -> Lang {
        if self == Lang::Zh {
            Lang::En
        } else {
            Lang::Zh
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

/// The power of ten an English unit name starts with, and the name without it: "100 million
/// yuan" → (8, "yuan"), "10,000 mu" → (4, "mu"), "trillion yuan" → (12, "yuan"), "mu" → (0,
/// "mu"). Chinese myriad units (万亩, 亿元, 万人) are named this way in the dataset, so English
/// can scale them into words without a schema field for it.
fn split_multiplier(name: &str) -> (i32, &str) {
    for (prefix, exp) in [("10,000 ", 4), ("100 million ", 8), ("trillion ", 12), ("billion ", 9), ("million ", 6)] {
        if let Some(base) = name.strip_prefix(prefix).filter(|b| !b.is_empty()) {
            return (exp, base);
        }
    }
    (0, name)
}

/// Chooses the display unit for values printed in `unit_id` (dimension, factor, English
/// name), given the largest magnitude among the printed values. English scales a unit into
/// words a news desk prints: 52.9万亩 → "529,000 mu", 1325亿元 → "132.5 billion yuan",
/// 3000万人 → "30 million people"; power in SI prefixes (555万千瓦 → "5.55 GW").
pub fn display_unit(
    lang: Lang,
    unit_id: &str,
    dimension: &str,
    factor: f64,
    en_name: &str,
    max_abs: f64,
) -> DisplayUnit {
    if lang == Lang::Zh {
        // A fraction printed as "1/4" needs no unit word after it; a rank reads 第6名 (`rank`).
        let label = if dimension == "fraction" || dimension == "rank" { String::new() } else { unit_id.to_string() };
        return DisplayUnit { exp10: 0, label, tight: true };
    }
    match dimension {
        "percent" => return DisplayUnit { exp10: 0, label: "%".into(), tight: true },
        // "6th", "a quarter of the whole": the words are made by `rank` and `fraction`.
        "rank" => return DisplayUnit { exp10: 0, label: String::new(), tight: true },
        _ => {}
    }
    let top_of = |exp: i32| (max_abs.max(1e-300)).log10() + exp as f64;
    let factor_exp = factor.log10().round() as i32;
    let exact_power = factor > 0.0 && (10f64.powi(factor_exp) - factor).abs() < 1e-6 * factor;
    let si = match dimension {
        "watts" => Some("W"),
        "wh" => Some("Wh"),
        _ => None,
    };
    if let (Some(name), true) = (si, exact_power) {
        let top = top_of(factor_exp);
        let (s, prefix) = EN_SI_SCALES.iter().copied().find(|(e, _)| top >= *e as f64).unwrap_or((0, ""));
        return DisplayUnit { exp10: factor_exp - s, label: format!("{prefix}{name}"), tight: false };
    }
    let (exp, base) = split_multiplier(en_name);
    let top = top_of(exp);
    let (s, prefix) = EN_WORD_SCALES.iter().copied().find(|(e, _)| top >= *e as f64).unwrap_or((0, ""));
    let label = if prefix.is_empty() { base.to_string() } else { format!("{prefix} {base}") };
    // A sign after a number is written close up, as % is: 5.3‰, 25°C.
    let tight = matches!(label.chars().next(), Some('‰' | '°'));
    DisplayUnit { exp10: exp - s, label, tight }
}

/// `name` with "growth" after it when the figure is a growth rate (or a target for one) and the
/// name does not already say so: 地区生产总值 → 地区生产总值增速, "GDP" → "GDP growth".
pub fn growth_name(name: &str, growth: bool, lang: Lang) -> String {
    // Byte windows, not `str::contains`: that brings a substring searcher into the wasm.
    let has = |w: &str| name.as_bytes().windows(w.len()).any(|x| x == w.as_bytes());
    let says_it = ["增速", "增长", "增幅", "rowth"].into_iter().any(has);
    if growth && !says_it {
        format!("{name}{}", lang.pick("增速", " growth"))
    } else {
        name.to_string()
    }
}

/// A rank: "第6名" in Chinese, "6th" in English.
pub fn rank(v: f64, lang: Lang) -> String {
    let n = number(v);
    if lang == Lang::Zh {
        return "第".to_string() + &n + "名";
    }
    // (A float → integer cast saturates; a fraction keeps "th".)
    let last2 = (v.abs() as u64 % 100) as u8;
    let suffix = match (last2 / 10, last2 % 10) {
        (1, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    };
    n + suffix
}

/// A fraction the text printed ("1/4", "2/5") as English prints it: "half", "a third", "a
/// quarter", "three quarters", "2 in 5"; `None` for anything else (the caller then prints the
/// number). The flag says whether the words read on into a unit ("a quarter of the whole").
pub fn fraction_words(printed: &str) -> Option<(String, bool)> {
    let &[n @ b'1'..=b'9', b'/', d @ b'2'..=b'9'] = printed.as_bytes() else { return None };
    let word = match (n, d) {
        (b'1', b'2') => "half",
        (b'1', b'3') => "a third",
        (b'2', b'3') => "two thirds",
        (b'1', b'4') => "a quarter",
        (b'3', b'4') => "three quarters",
        _ => return String::from_utf8(vec![n, b' ', b'i', b'n', b' ', d]).ok().map(|w| (w, false)),
    };
    Some((word.into(), true))
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
/// "-64.65129315946251"), grouped by thousands ("484,840"); an exponent at the extremes.
pub fn format_measure(v: f64, digits: i32) -> String {
    if !v.is_finite() || v == 0.0 {
        return shortest(v);
    }
    let magnitude = v.abs().log10().floor() as i32 + 1;
    if !(-5..=PLAIN_DIGITS).contains(&magnitude) {
        return number(v);
    }
    let decimals = (digits - magnitude).clamp(0, 15);
    let scale = 10f64.powi(decimals);
    let rounded = (v * scale).round() / scale;
    group_thousands(&shortest(rounded), Lang::En)
}

/// Integer digits up to which a number prints plainly (999,999,999,999); beyond, and below
/// 0.000001, it prints with an exponent ("1.5e15", "5e-324") instead of dozens of digits.
const PLAIN_DIGITS: i32 = 12;
const PLAIN_ZEROS: usize = 5;

/// The exact shortest text of `v` for a reader: plain in the usual range, with an exponent at
/// the extremes, so it is short and still reads back as `v` (tables, CSV, tooltips).
pub fn number(v: f64) -> String {
    compact(&shortest(v))
}

/// A plain decimal string, or its exponent form if it is very large or very small.
pub fn compact(plain: &str) -> String {
    let body = plain.strip_prefix('-').unwrap_or(plain);
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let big = int.len() > PLAIN_DIGITS as usize && int.bytes().next() != Some(b'0');
    let zeros = frac.bytes().take_while(|&c| c == b'0').count();
    let small = int == "0" && zeros > PLAIN_ZEROS && zeros < frac.len();
    if big || small {
        scientific(plain)
    } else {
        plain.to_string()
    }
}

/// The exponent form of a plain decimal string, exactly: "-0.000012" → "-1.2e-5",
/// "1500000" → "1.5e6"; zero and anything not a plain decimal come back unchanged. (The
/// mantissa is `shift_decimal`'s work, so this adds little code.)
pub fn scientific(plain: &str) -> String {
    let body = plain.strip_prefix('-').unwrap_or(plain);
    if !body.bytes().all(|c| c.is_ascii_digit() || c == b'.') {
        return plain.to_string();
    }
    let int_len = body.bytes().position(|c| c == b'.').unwrap_or(body.len()) as i32;
    let Some(first) = body.bytes().position(|c| (b'1'..=b'9').contains(&c)) else { return plain.to_string() };
    let first = first as i32;
    // The exponent of the first significant digit (the point, if before it, takes a place).
    let exp = if first < int_len { int_len - 1 - first } else { int_len - first };
    shift_decimal(plain, -exp) + "e" + &shortest(exp as f64)
}

/// Groups the integer digits by thousands for English ("1325" → "1,325"); Chinese news
/// prints plain digits, so zh is left alone.
pub fn group_thousands(text: &str, lang: Lang) -> String {
    // An exponent form ("1e-300") has no thousands. (Bytes, not `contains`: a str search
    // brings a substring searcher into the wasm.)
    if lang == Lang::Zh || text.bytes().any(|c| c == b'e') {
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

/// A printed value in a display unit: "949.6亿元", "94.96 billion yuan", "4.8%"; an exponent
/// for magnitudes no unit word covers ("5e-324 units").
pub fn format_value(printed_value: f64, unit: &DisplayUnit, lang: Lang) -> String {
    let num = group_thousands(&compact(&shift_decimal(&shortest(printed_value), unit.exp10)), lang);
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

/// Axis tick text, exactly the tick's value: ticks are whole multiples of a power of ten
/// (`unit` of the step: 2.5 → 0.5, 0.25 → 0.01, 200 → 100), so the tick is printed as that
/// count of units with the decimal point moved, never rounded to fewer decimals than the step
/// has (0, 2.5, 5, 7.5 — not 0, 3, 5, 8). Steps beyond the plain range print every tick with
/// an exponent, so an axis from 1e-300 to 2e-300 reads 1e-300, 1.2e-300, …
pub fn format_tick(v: f64, step: f64, lang: Lang) -> String {
    let step = step.abs();
    if !v.is_finite() || !step.is_normal() {
        return number(v);
    }
    let mut unit_exp = step.log10().floor() as i32;
    // At most three more digits than the step's magnitude (a 2.5 step needs one).
    for _ in 0..3 {
        let n = step / pow10(unit_exp);
        if (n - n.round()).abs() <= 1e-9 * n {
            break;
        }
        unit_exp -= 1;
    }
    let count = (v / pow10(unit_exp)).round();
    if !count.is_finite() {
        return number(v);
    }
    let plain = shift_decimal(&shortest(count), unit_exp);
    let extreme = step < 10f64.powi(-(PLAIN_ZEROS as i32) - 1) || step >= pow10(PLAIN_DIGITS - 1);
    if extreme {
        scientific(&plain)
    } else {
        group_thousands(&plain, lang)
    }
}

/// 10^e for any e a finite f64 can carry: `powi` of a negative e divides by an overflowing
/// 10^-e (10^-320 would come out 0).
fn pow10(e: i32) -> f64 {
    if e < -300 {
        10f64.powi(e + 300) * 1e-300
    } else {
        10f64.powi(e)
    }
}

/// Share as a percentage with one decimal: "52.4%", "5.0%". Counted in permille and the point
/// moved, which is 1.5 KB less wasm than rounding the decimal digits (`fixed`); the two differ
/// only where share × 1000 lies within float noise of a half.
pub fn format_share(share: f64) -> String {
    let permille = (share * 1000.0).round();
    if !permille.is_finite() {
        return number(share * 100.0) + "%";
    }
    let mut text = shift_decimal(&shortest(permille), -1);
    if !text.bytes().any(|c| c == b'.') {
        text.push_str(".0");
    }
    compact(&text) + "%"
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
        for (share, want) in
            [(0.05, "5.0%"), (0.4263, "42.6%"), (0.0, "0.0%"), (-0.0004, "0.0%"), (1.0, "100.0%"), (0.99996, "100.0%")]
        {
            assert_eq!(format_share(share), want);
        }
    }

    #[test]
    fn every_tick_prints_its_value_exactly() {
        // Whole axes as layout asks for them: layout.rs tests (nice_axes_print_every_tick_exactly).
        let labels =
            |step: f64, k: usize| (0..k).map(|i| format_tick(i as f64 * step, step, Lang::En)).collect::<Vec<_>>();
        assert_eq!(labels(2.5, 4), ["0", "2.5", "5", "7.5"]);
        assert_eq!(labels(0.25, 4), ["0", "0.25", "0.5", "0.75"]);
        assert_eq!(labels(250.0, 5), ["0", "250", "500", "750", "1,000"]);
        assert_eq!(format_tick(1.2e-300, 2e-301, Lang::En), "1.2e-300");
        assert_eq!(scientific("-0.000012"), "-1.2e-5");
        assert_eq!(scientific("1500000"), "1.5e6");
        assert_eq!(scientific("12.5"), "1.25e1");
        assert_eq!(scientific("0"), "0");
        assert_eq!(scientific("NaN"), "NaN");
        assert_eq!(format_tick(2e15, 5e14, Lang::Zh), "2e15");
    }

    #[test]
    fn extreme_magnitudes_print_short_and_exact() {
        for (v, want) in [
            (5e-324, "5e-324"),
            (1e-300, "1e-300"),
            (-1.5e-7, "-1.5e-7"),
            (1e308, "1e308"),
            (1.7976931348623157e308, "1.7976931348623157e308"),
            (0.000012, "0.000012"),
            (123456789012.0, "123456789012"),
            (1234567890123.0, "1.234567890123e12"),
            (0.0, "0"),
            (-0.000012, "-0.000012"),
            (-1.25e-9, "-1.25e-9"),
            (1.5e20, "1.5e20"),
        ] {
            assert_eq!(number(v), want);
            assert_eq!(number(v).parse::<f64>().unwrap(), v);
        }
        let u = DisplayUnit { exp10: 0, label: "units".into(), tight: false };
        assert_eq!(format_value(5e-324, &u, Lang::En), "5e-324 units");
        assert_eq!(format_value(1e-300, &u, Lang::Zh), "1e-300 units");
        assert_eq!(format_measure(1e-300, 6), "1e-300");
        assert_eq!(format_measure(5e-324, 9), "5e-324");
        assert_eq!(format_measure(1e308, 6), "1e308");
        assert_eq!(format_share(1053074978938.5), "1.0530749789385e14%");
        for v in [5e-324, 1e-300, 1e-7, 1e308, -1e200, 1e15, 1e21] {
            for text in [number(v), format_measure(v, 6), format_value(v, &u, Lang::En), format_share(v)] {
                assert!(text.chars().count() <= 30, "{v}: {text:?}");
            }
        }
    }

    #[test]
    fn english_scales_myriad_units_into_words() {
        let en = |id, dim, factor, name, v: f64| {
            format_value(v, &display_unit(Lang::En, id, dim, factor, name, v), Lang::En)
        };
        assert_eq!(en("万亩", "area", 6666666.7, "10,000 mu", 52.9), "529,000 mu");
        assert_eq!(en("万套", "sets", 1e4, "10,000 sets", 60.0), "600,000 sets");
        assert_eq!(en("万人", "people", 1e4, "10,000 people", 3000.0), "30 million people");
        assert_eq!(en("万人", "people", 1e4, "10,000 people", 25.0), "250,000 people");
        assert_eq!(en("万名", "people", 1e4, "10,000 people", 34.6), "346,000 people");
        assert_eq!(en("亿元", "yuan", 1e8, "100 million yuan", 9.18), "918 million yuan");
        assert_eq!(en("万元", "yuan", 1e4, "10,000 yuan", 3.0), "30,000 yuan");
        assert_eq!(en("万亿元", "yuan", 1e12, "trillion yuan", 3.0), "3 trillion yuan");
        assert_eq!(en("亿立方米", "m3", 1e8, "100 million m³", 2.5), "250 million m³");
        assert_eq!(en("万平方米", "area", 1e4, "10,000 m²", 15.6), "156,000 m²");
        assert_eq!(en("公斤", "tonnes", 0.001, "kg", 4000.0), "4,000 kg");
        assert_eq!(en("/10万", "per_100k", 1.0, "per 100,000", 3.2), "3.2 per 100,000");
        assert_eq!(en("‰", "per_mille", 1.0, "‰", 5.3), "5.3‰");
        assert_eq!(en("℃", "temperature", 1.0, "°C", 25.0), "25°C");
        assert_eq!(rank(6.0, Lang::En), "6th");
        assert_eq!(rank(1.0, Lang::En), "1st");
        assert_eq!(rank(22.0, Lang::En), "22nd");
        assert_eq!(rank(13.0, Lang::En), "13th");
        assert_eq!(rank(6.0, Lang::Zh), "第6名");
        assert_eq!(fraction_words("1/4"), Some(("a quarter".into(), true)));
        assert_eq!(fraction_words("2/5"), Some(("2 in 5".into(), false)));
        assert_eq!(fraction_words("1/3"), Some(("a third".into(), true)));
        assert_eq!(fraction_words("0.123"), None);
        assert_eq!(fraction_words("12/50"), None);
    }

    #[test]
    fn ticks_have_the_step_decimals() {
        assert_eq!(format_tick(2.5, 0.5, Lang::En), "2.5");
        assert_eq!(format_tick(1000.0, 500.0, Lang::En), "1,000");
        assert_eq!(format_tick(-0.0000001, 0.1, Lang::En), "0");
        assert_eq!(format_tick(0.30000000000000004, 0.1, Lang::Zh), "0.3");
    }
}
