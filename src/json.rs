//! JSON out, small: results cross to JS as JSON text for the engine's `JSON.parse` (state,
//! views, hover info, tables). JSON coming in (host datasets, selections) is parsed by the
//! engine's `JSON.parse` and read into serde-derived types (serde-wasm-bindgen); this module has
//! no parser.

use std::fmt::Write;

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

    #[test]
    fn numbers_print_short_and_read_back() {
        for v in [0.0, 497.3, -12.75, 0.1 + 0.2, 1e15, 1e-7, 2.5e-300, f64::MAX, 1.0 / 3.0, 5e-324, 123456789012345.0] {
            let mut s = String::new();
            write_number(&mut s, v);
            assert_eq!(s.parse::<f64>().unwrap(), v, "{s}");
        }
    }

    #[test]
    fn writes_json_that_reads_back() {
        let mut o = JsonOut::new();
        o.begin_obj().key("s").str("a\"b\\c\n\u{1}晋").key("n").begin_arr().num(1.0).num(-2.5).null().bool(true);
        o.end_arr().key("o").begin_obj().end_obj().end_obj();
        assert_eq!(o.finish(), r#"{"s":"a\"b\\c\n\u0001晋","n":[1,-2.5,null,true],"o":{}}"#);
        let mut o = JsonOut::new();
        o.begin_obj().key("x").num(f64::NAN).key("y").strs(&["a", "b"]).key("z").begin_arr().end_arr().end_obj();
        assert_eq!(o.finish(), r#"{"x":null,"y":["a","b"],"z":[]}"#);
    }
}
