//! JSON in and out, small. The widget reads JSON (host datasets, selections from JS; the
//! embedded dataset at build time) and writes it (state, views, hover info, tables). Replacing
//! serde + serde_json + serde-wasm-bindgen with this module took 26 KB off the wasm. Values are
//! kept in document order, objects as key/value lists (they have a handful of keys).

use std::fmt::Write;

/// A parsed JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Map),
}

/// A JSON object: its members in document order. A repeated key keeps the last value for `get`
/// (as `JSON.parse` does); the parser keeps every member, so `keys` and `iter` may repeat one
/// (removing earlier ones on each member made parsing an object quadratic in its size).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map(Vec<(String, Json)>);

impl Map {
    pub const EMPTY: Map = Map(Vec::new());

    pub fn get(&self, key: &str) -> Option<&Json> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Json)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
    pub fn insert(&mut self, key: &str, value: Json) {
        self.0.retain(|(k, _)| k != key);
        self.0.push((key.to_string(), value));
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Json {
    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => Some(*n),
            _ => None,
        }
    }
    /// A whole, non-negative number that fits a u64 exactly.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(n) if *n >= 0.0 && n.fract() == 0.0 && *n < 18_446_744_073_709_551_616.0 => Some(*n as u64),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&Vec<Json>> {
        match self {
            Json::Array(a) => Some(a),
            _ => None,
        }
    }
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Json::Object(m) => Some(m),
            _ => None,
        }
    }
    /// A member of an object (None for a missing key or a non-object).
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.as_object().and_then(|m| m.get(key))
    }

    /// Parses JSON text. Errors read like serde_json's (`expected value at line 1 column 5`).
    pub fn parse(text: &str) -> Result<Json, String> {
        let mut p = Parser { s: text.as_bytes(), i: 0, depth: 0 };
        let v = p.value()?;
        p.ws();
        if p.i < p.s.len() {
            return Err(p.err("trailing characters"));
        }
        Ok(v)
    }
}

/// Nesting deeper than this is refused (the parser recurses; the wasm stack is small).
const MAX_DEPTH: u32 = 128;

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    depth: u32,
}

impl Parser<'_> {
    fn err(&self, what: &str) -> String {
        let before = &self.s[..self.i.min(self.s.len())];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        // Columns count characters, not bytes (UTF-8 continuation bytes are skipped), and
        // include the character at fault (at the end of the text there is none).
        let column =
            before[line_start..].iter().filter(|&&b| b & 0xC0 != 0x80).count() + usize::from(self.i < self.s.len());
        format!("{what} at line {line} column {column}")
    }
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.i) {
            self.i += 1;
        }
    }
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }
    fn eat(&mut self, lit: &str, v: Json) -> Result<Json, String> {
        for &b in lit.as_bytes() {
            match self.peek() {
                Some(c) if c == b => self.i += 1,
                None => return Err(self.err("EOF while parsing a value")),
                Some(_) => return Err(self.err("expected ident")),
            }
        }
        Ok(v)
    }

    fn value(&mut self) -> Result<Json, String> {
        self.ws();
        match self.peek() {
            None => Err(self.err("EOF while parsing a value")),
            Some(b'n') => self.eat("null", Json::Null),
            Some(b't') => self.eat("true", Json::Bool(true)),
            Some(b'f') => self.eat("false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number().map(Json::Number),
            Some(open @ (b'[' | b'{')) => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(self.err("recursion limit exceeded"));
                }
                self.i += 1;
                let v = if open == b'[' { self.array() } else { self.object() };
                self.depth -= 1;
                v
            }
            Some(_) => Err(self.err("expected value")),
        }
    }

    /// After `[`.
    fn array(&mut self) -> Result<Json, String> {
        let mut items = Vec::new();
        self.ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(Json::Array(items));
        }
        loop {
            if self.peek().is_none() {
                return Err(self.err("EOF while parsing a list"));
            }
            items.push(self.value()?);
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(Json::Array(items));
                }
                None => return Err(self.err("EOF while parsing a list")),
                Some(_) => return Err(self.err("expected `,` or `]`")),
            }
            self.ws();
        }
    }

    /// After `{`.
    fn object(&mut self) -> Result<Json, String> {
        let mut map = Map::default();
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(Json::Object(map));
        }
        loop {
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.err("EOF while parsing an object")),
                Some(_) => return Err(self.err("key must be a string")),
            }
            let key = self.string()?;
            self.ws();
            match self.peek() {
                Some(b':') => self.i += 1,
                None => return Err(self.err("EOF while parsing an object")),
                Some(_) => return Err(self.err("expected `:`")),
            }
            let v = self.value()?;
            map.0.push((key, v));
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Json::Object(map));
                }
                None => return Err(self.err("EOF while parsing an object")),
                Some(_) => return Err(self.err("expected `,` or `}`")),
            }
            self.ws();
        }
    }

    /// At `"`. The input is a `&str`, so the bytes between escapes are valid UTF-8.
    fn string(&mut self) -> Result<String, String> {
        self.i += 1;
        let mut out = String::new();
        let mut start = self.i;
        loop {
            let Some(b) = self.peek() else { return Err(self.err("EOF while parsing a string")) };
            match b {
                b'"' => {
                    out.push_str(self.text(start));
                    self.i += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(self.text(start));
                    self.i += 1;
                    let c = match self.peek() {
                        None => return Err(self.err("EOF while parsing a string")),
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode_escape()?,
                        Some(_) => return Err(self.err("invalid escape")),
                    };
                    out.push(c);
                    self.i += 1;
                    start = self.i;
                }
                0..=0x1F => return Err(self.err("control character (\\u0000-\\u001F) found while parsing a string")),
                _ => self.i += 1,
            }
        }
    }
    fn text(&self, start: usize) -> &str {
        // Both ends sit on ASCII bytes (`"` or `\`), so this is a char boundary.
        std::str::from_utf8(&self.s[start..self.i]).unwrap_or("")
    }
    /// At the `u` of `\uXXXX`; leaves `i` on the escape's last hex digit.
    fn unicode_escape(&mut self) -> Result<char, String> {
        let hi = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&hi) {
            if self.s.get(self.i + 1..self.i + 3) != Some(b"\\u") {
                return Err(self.err("lone leading surrogate in hex escape"));
            }
            self.i += 2;
            let lo = self.hex4()?;
            if !(0xDC00..0xE000).contains(&lo) {
                return Err(self.err("lone leading surrogate in hex escape"));
            }
            0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
        } else {
            hi
        };
        char::from_u32(code).ok_or_else(|| self.err("lone trailing surrogate in hex escape"))
    }
    fn hex4(&mut self) -> Result<u32, String> {
        let mut n = 0;
        for _ in 0..4 {
            self.i += 1;
            let d = match self.peek() {
                Some(c @ b'0'..=b'9') => c - b'0',
                Some(c @ b'a'..=b'f') => c - b'a' + 10,
                Some(c @ b'A'..=b'F') => c - b'A' + 10,
                None => return Err(self.err("EOF while parsing a string")),
                Some(_) => return Err(self.err("invalid escape")),
            };
            n = n * 16 + d as u32;
        }
        Ok(n)
    }

    /// A JSON number. Up to 19 significant digits are kept; the result is exact (correctly
    /// rounded) whenever they fit 2^53 and the decimal exponent is within ±22 — every number in
    /// an economic dataset — and within an ulp otherwise.
    fn number(&mut self) -> Result<f64, String> {
        let neg = self.peek() == Some(b'-');
        if neg {
            self.i += 1;
        }
        let (mut mant, mut exp, mut digits) = (0u64, 0i32, 0u32);
        let mut digit = |d: u8, exp_step: i32, exp: &mut i32| {
            if mant == 0 && d == 0 {
                *exp += exp_step;
            } else if digits < 19 {
                mant = mant * 10 + d as u64;
                digits += 1;
                *exp += exp_step;
            } else {
                // Beyond 19 digits only the magnitude matters.
                *exp += exp_step + 1;
            }
        };
        match self.peek() {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                while let Some(d @ b'0'..=b'9') = self.peek() {
                    digit(d - b'0', 0, &mut exp);
                    self.i += 1;
                }
            }
            None => return Err(self.err("EOF while parsing a value")),
            Some(_) => return Err(self.err("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.err(if self.peek().is_none() {
                    "EOF while parsing a value"
                } else {
                    "invalid number"
                }));
            }
            while let Some(d @ b'0'..=b'9') = self.peek() {
                digit(d - b'0', -1, &mut exp);
                self.i += 1;
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            let eneg = match self.peek() {
                Some(b'-') => {
                    self.i += 1;
                    true
                }
                Some(b'+') => {
                    self.i += 1;
                    false
                }
                _ => false,
            };
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.err(if self.peek().is_none() {
                    "EOF while parsing a value"
                } else {
                    "invalid number"
                }));
            }
            let mut e: i32 = 0;
            while let Some(d @ b'0'..=b'9') = self.peek() {
                e = e.saturating_mul(10).saturating_add((d - b'0') as i32);
                self.i += 1;
            }
            exp = exp.saturating_add(if eneg { -e } else { e });
        }
        let v = scale(mant, exp);
        if !v.is_finite() {
            return Err(self.err("number out of range"));
        }
        Ok(if neg { -v } else { v })
    }
}

/// mant × 10^exp.
fn scale(mant: u64, exp: i32) -> f64 {
    if mant == 0 {
        return 0.0;
    }
    let m = mant as f64;
    if mant < 1 << 53 && (-22..=22).contains(&exp) {
        // Both operands exact, one rounding: correctly rounded (Clinger's fast path).
        return if exp >= 0 { m * POW10[exp as usize] } else { m / POW10[(-exp) as usize] };
    }
    if exp > 308 + 19 {
        return f64::INFINITY;
    }
    if exp < -324 - 19 {
        return 0.0;
    }
    // Steps of 10^22, each rounded: within a few ulps.
    let mut v = m;
    let mut e = exp;
    while e > 22 {
        v *= 1e22;
        e -= 22;
    }
    while e < -22 {
        v /= 1e22;
        e += 22;
    }
    if e >= 0 {
        v * POW10[e as usize]
    } else {
        v / POW10[(-e) as usize]
    }
}

const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// A finite number as JSON: the shortest text that reads back as the same f64 (zmij, the
/// Schubfach-based printer serde_json uses: a few KB of wasm, where Rust's `{}` for f64 costs
/// ~15 KB).
pub fn write_number(out: &mut String, v: f64) {
    if v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0 {
        // Counts and indices: `3`, not zmij's `3.0`.
        let _ = write!(out, "{}", v as i64);
    } else {
        out.push_str(zmij::Buffer::new().format_finite(v));
    }
}

/// Builds JSON text. Each value is followed by a comma, which closing a container or
/// finishing takes back: no "first item?" bookkeeping.
#[derive(Default)]
pub struct JsonOut(String);

impl JsonOut {
    pub fn new() -> JsonOut {
        JsonOut(String::new())
    }
    fn close(&mut self, c: char) -> &mut Self {
        if self.0.ends_with(',') {
            self.0.pop();
        }
        self.0.push(c);
        self.0.push(',');
        self
    }
    pub fn begin_obj(&mut self) -> &mut Self {
        self.0.push('{');
        self
    }
    pub fn end_obj(&mut self) -> &mut Self {
        self.close('}')
    }
    pub fn begin_arr(&mut self) -> &mut Self {
        self.0.push('[');
        self
    }
    pub fn end_arr(&mut self) -> &mut Self {
        self.close(']')
    }
    pub fn key(&mut self, k: &str) -> &mut Self {
        self.quoted(k);
        self.0.push(':');
        self
    }
    pub fn str(&mut self, v: &str) -> &mut Self {
        self.quoted(v);
        self.0.push(',');
        self
    }
    /// A number; NaN and ±∞ become null (as `JSON.stringify` writes them).
    pub fn num(&mut self, v: f64) -> &mut Self {
        if v.is_finite() {
            write_number(&mut self.0, v);
        } else {
            self.0.push_str("null");
        }
        self.0.push(',');
        self
    }
    pub fn bool(&mut self, v: bool) -> &mut Self {
        self.0.push_str(if v { "true," } else { "false," });
        self
    }
    pub fn null(&mut self) -> &mut Self {
        self.0.push_str("null,");
        self
    }
    pub fn opt_str(&mut self, v: Option<&str>) -> &mut Self {
        match v {
            Some(s) => self.str(s),
            None => self.null(),
        }
    }
    pub fn strs<S: AsRef<str>>(&mut self, items: &[S]) -> &mut Self {
        self.begin_arr();
        for s in items {
            self.str(s.as_ref());
        }
        self.end_arr()
    }
    pub fn value(&mut self, v: &Json) -> &mut Self {
        match v {
            Json::Null => self.null(),
            Json::Bool(b) => self.bool(*b),
            Json::Number(n) => self.num(*n),
            Json::String(s) => self.str(s),
            Json::Array(items) => {
                self.begin_arr();
                for x in items {
                    self.value(x);
                }
                self.end_arr()
            }
            Json::Object(m) => {
                self.begin_obj();
                for (k, x) in m.iter() {
                    self.key(k).value(x);
                }
                self.end_obj()
            }
        }
    }
    fn quoted(&mut self, s: &str) {
        self.0.push('"');
        for c in s.chars() {
            match c {
                '"' => self.0.push_str("\\\""),
                '\\' => self.0.push_str("\\\\"),
                '\n' => self.0.push_str("\\n"),
                '\r' => self.0.push_str("\\r"),
                '\t' => self.0.push_str("\\t"),
                c if (c as u32) < 0x20 => {
                    let _ = write!(self.0, "\\u{:04x}", c as u32);
                }
                c => self.0.push(c),
            }
        }
        self.0.push('"');
    }
    pub fn finish(mut self) -> String {
        if self.0.ends_with(',') {
            self.0.pop();
        }
        self.0
    }
}

/// Types the wasm boundary hands to JS as JSON.
pub trait ToJson {
    fn write_json(&self, out: &mut JsonOut);
    fn to_json(&self) -> String {
        let mut out = JsonOut::new();
        self.write_json(&mut out);
        out.finish()
    }
}

impl ToJson for Json {
    fn write_json(&self, out: &mut JsonOut) {
        out.value(self);
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut JsonOut) {
        out.begin_arr();
        for x in self {
            x.write_json(out);
        }
        out.end_arr();
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut JsonOut) {
        match self {
            Some(x) => x.write_json(out),
            None => {
                out.null();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Json {
        Json::parse(s).unwrap()
    }

    #[test]
    fn parses_every_kind_of_value() {
        let v = p(
            r#" {"a": [1, -2.5, 3e2, true, false, null], "b": {"c": "d\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"}, "a": 7} "#,
        );
        assert_eq!(v.get("a"), Some(&Json::Number(7.0)), "a repeated key keeps the last value");
        assert_eq!(v.get("b").and_then(|b| b.get("c")).and_then(Json::as_str), Some("d\"\\/\u{8}\u{c}\n\r\té😀"));
        assert_eq!(p("[1,-2.5,3e2,true,false,null]").as_array().unwrap().len(), 6);
        assert_eq!(p("\"晋中\"").as_str(), Some("晋中"));
        assert_eq!(p("0").as_u64(), Some(0));
        assert_eq!(p("2023").as_u64(), Some(2023));
        assert_eq!(p("2023.5").as_u64(), None);
        assert_eq!(p("-0.0").as_f64(), Some(0.0));
    }

    #[test]
    fn numbers_read_back_exactly() {
        for s in [
            "497.3",
            "0.1",
            "949.6",
            "-12.75",
            "1e-7",
            "123456789012345",
            "0.000123",
            "3.14159265358979",
            "1.7976931348623157e308",
            "5e-324",
            "12345678901234567890123",
        ] {
            let want: f64 = s.parse().unwrap();
            let got = p(s).as_f64().unwrap();
            // Outside the fast path (exponent beyond ±22, over 2^53) a few ulps off at most.
            assert!(((got - want) / want).abs() < 1e-14, "{s}: {got} vs {want}");
        }
        for s in ["497.3", "0.1", "949.6", "-12.75", "0.000123", "1e15", "123456789012345678"] {
            assert_eq!(p(s).as_f64(), Some(s.parse().unwrap()), "{s} is exact");
        }
    }

    #[test]
    fn errors_name_what_and_where() {
        let e = |s: &str| Json::parse(s).unwrap_err();
        assert_eq!(e(""), "EOF while parsing a value at line 1 column 0");
        assert_eq!(e("x"), "expected value at line 1 column 1");
        assert_eq!(e("[1,2"), "EOF while parsing a list at line 1 column 4");
        assert_eq!(e("{\"a\":1"), "EOF while parsing an object at line 1 column 6");
        assert_eq!(e("{\"a\" 1}"), "expected `:` at line 1 column 6");
        assert_eq!(e("{1:2}"), "key must be a string at line 1 column 2");
        assert_eq!(e("[1 2]"), "expected `,` or `]` at line 1 column 4");
        assert_eq!(e("1 2"), "trailing characters at line 1 column 3");
        assert_eq!(
            e("\"a\u{1}\""),
            "control character (\\u0000-\\u001F) found while parsing a string at line 1 column 3"
        );
        assert_eq!(e("\"\\ud800\""), "lone leading surrogate in hex escape at line 1 column 7");
        assert_eq!(e("\"\\x\""), "invalid escape at line 1 column 3");
        assert_eq!(e("01"), "trailing characters at line 1 column 2");
        assert_eq!(e("1."), "EOF while parsing a value at line 1 column 2");
        assert_eq!(e("-"), "EOF while parsing a value at line 1 column 1");
        assert_eq!(e("1e999"), "number out of range at line 1 column 5");
        assert_eq!(e("\n\n  \"晋中"), "EOF while parsing a string at line 3 column 5");
        assert!(e(&"[".repeat(200)).starts_with("recursion limit exceeded"));
        assert!(Json::parse(&("[".repeat(128) + &"]".repeat(128))).is_ok());
    }

    #[test]
    fn numbers_print_short_and_read_back() {
        for v in [0.0, 497.3, -12.75, 0.1 + 0.2, 1e15, 1e-7, 2.5e-300, f64::MAX, 1.0 / 3.0, 5e-324, 123456789012345.0] {
            let mut s = String::new();
            write_number(&mut s, v);
            assert_eq!(s.parse::<f64>().unwrap(), v, "{s}");
            assert_eq!(
                Json::parse(&s).unwrap().as_f64().map(|x| x == v || ((x - v) / v).abs() < 1e-15),
                Some(true),
                "{s}"
            );
        }
    }

    #[test]
    fn writes_json_that_reads_back() {
        let text = r#"{"s":"a\"b\\c\n\u0001晋","n":[1,-2.5,null,true],"o":{}}"#;
        let v = p(text);
        assert_eq!(v.to_json(), text);
        let mut o = JsonOut::new();
        o.begin_obj().key("x").num(f64::NAN).key("y").strs(&["a", "b"]).key("z").begin_arr().end_arr().end_obj();
        assert_eq!(o.finish(), r#"{"x":null,"y":["a","b"],"z":[]}"#);
    }
}
