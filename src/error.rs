//! The one error type that crosses the boundary: `{code, path, message}`.
//! A failed call changes nothing, so callers can show the message and carry on.
//! It sits below every other module (it imports none of them).

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// Stable machine-readable code, e.g. `unknown_region`.
    pub code: &'static str,
    /// Where the problem is: a JSON path into the dataset or the selection.
    pub path: String,
    /// Human-readable, in the current language; names the field and the value.
    pub message: String,
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn new(code: &'static str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Error { code, path: path.into(), message: message.into() }
    }

    /// A serde error with the path where it happened, under `prefix` (`selection`, or ""
    /// for a dataset): `values[12].unit`, `selection.indicators[0]`. Serde's message names the
    /// value and what was expected; an unknown key is `unknown_field`.
    pub fn from_serde<E: fmt::Display>(code: &'static str, prefix: &str, e: &serde_path_to_error::Error<E>) -> Self {
        let message = e.inner().to_string();
        // serde-wasm-bindgen's errors are JS Errors, shown as "Error: …".
        let message = clip_message(plain_words(message.strip_prefix("Error: ").unwrap_or(&message)));
        let code = if message.starts_with("unknown field") && !prefix.is_empty() { "unknown_field" } else { code };
        // A selection's unknown field in the words the selection's other errors use.
        let message = match (code, message.strip_prefix("unknown field `").and_then(|m| m.split_once("`, "))) {
            ("unknown_field", Some((name, list))) => format!("unknown field '{name}'; {list}"),
            _ => message,
        };
        let mut at = clip(&e.path().to_string());
        // A dataset's unknown field is reported at its object (`values[0]`), as the rest of the
        // dataset's errors are; a selection's at the field (`selection.colour`).
        if prefix.is_empty() && message.starts_with("unknown field") {
            at = match at.rsplit_once('.') {
                Some((object, _)) => object.to_string(),
                None => ".".to_string(),
            };
        }
        let path = match (prefix, at.as_str()) {
            (p, ".") => p.to_string(),
            ("", at) => at.to_string(),
            (p, at) => format!("{p}.{at}"),
        };
        Error::new(code, path, message)
    }
}

/// Values echoed in messages are clipped: a 10 MB string must not become a 10 MB message.
pub fn clip(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(MAX).collect::<String>())
    }
}

/// Serde's "invalid type: string \"x\", expected a string" in the words the rest of the
/// widget's errors use (and its tests check): "expected a string, got string 'x'".
fn plain_words(m: &str) -> String {
    // "unknown field `x`, expected one of `a`, `b`" (or "`a` or `b`"): the names unquoted.
    for kind in ["unknown field ", "unknown variant "] {
        if let Some((name, list)) = m.strip_prefix(kind).and_then(|r| r.split_once(", expected ")) {
            let list = list.replace('`', "").replace(" or ", ", ");
            return format!("{kind}{name}, expected one of {}", list.strip_prefix("one of ").unwrap_or(&list));
        }
    }
    // An array where an object belongs: serde reads the struct from the array's items first.
    if m.starts_with("invalid length ") && (m.ends_with("expected an object") || m.contains(", expected struct ")) {
        return "expected an object, got an array".to_string();
    }
    let rest = m.strip_prefix("invalid type: ").or_else(|| m.strip_prefix("invalid value: "));
    let Some((got, want)) = rest.and_then(|r| r.rsplit_once(", expected ")) else {
        return m.to_string();
    };
    let want = match want {
        "f64" => "a number",
        // The schema's only integer: a milestone's year.
        "u16" => "a year (a whole number)",
        // An enum's name: serde_json's value reader allows the `{"variant": …}` form too.
        "string or map" => "a string",
        "a sequence" => "an array",
        w if w.starts_with("struct ") => "an object",
        w => w,
    };
    let ticked = |prefix: &str| got.strip_prefix(prefix).map(|v| v.trim_matches('`').to_string());
    let got = if got == "null" || got == "unit value" {
        "null".to_string()
    } else if let Some(s) = got.strip_prefix("string \"").and_then(|s| s.strip_suffix('"')) {
        format!("string '{s}'")
    } else if let Some(n) = ticked("integer ").or_else(|| ticked("floating point ")) {
        // JS numbers reach serde as floats: `3.0` is the 3 the caller wrote.
        format!("number {}", n.strip_suffix(".0").unwrap_or(&n))
    } else if let Some(b) = ticked("boolean ") {
        format!("boolean {b}")
    } else if got == "sequence" || got.starts_with("JsValue([") {
        // serde-wasm-bindgen shows a JS array or object where a string belongs as its Debug form.
        "an array".to_string()
    } else if got == "map" || got.starts_with("JsValue(") {
        "an object".to_string()
    } else {
        got.to_string()
    };
    format!("expected {want}, got {got}")
}

/// Serde's messages quote the whole offending value (and an unknown field's whole name): each
/// quoted span is clipped like any echoed value, and the whole kept under 360 bytes.
fn clip_message(m: String) -> String {
    let mut out = String::with_capacity(m.len().min(400));
    let mut rest = m.as_str();
    while let Some(open) = rest.find(['`', '\'', '"']) {
        let q = rest[open..].chars().next().unwrap_or('`');
        out.push_str(&rest[..open + 1]);
        let after = &rest[open + 1..];
        match after.find(q) {
            Some(close) => {
                out.push_str(&clip(&after[..close]));
                out.push(q);
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&clip(after));
                rest = "";
            }
        }
    }
    out.push_str(rest);
    if out.len() > 360 {
        let mut end = 360;
        while !out.is_char_boundary(end) {
            end -= 1;
        }
        out.truncate(end);
        out.push('…');
    }
    out
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for Error {}
