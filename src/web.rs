//! The wasm boundary: a thin `WidgetHandle` over the pure `Widget`. It converts JS values in
//! and out, turns every error into a JS `Error` with `code` and `path`, and paints scenes on
//! canvases. Events, sizing and DOM stay in JS (www/src/api.js).

use crate::data::Dataset;
use crate::draw::{self, Target};
use crate::error::Error;
use crate::json::ToJson;
use crate::select::Patch;
use crate::widget::Widget;
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

/// The embedded dataset, decoded once and shared by every widget on the page. A plain static,
/// where `thread_local!` brought a destroyed-slot check and its error's formatting.
struct Shared(RefCell<Option<Rc<Dataset>>>);

// SAFETY: wasm32-unknown-unknown without the atomics feature has one thread.
unsafe impl Sync for Shared {}

static EMBEDDED: Shared = Shared(RefCell::new(None));

fn js_error(e: Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    err.set_name("EconWidgetError");
    let _ = js_sys::Reflect::set(&err, &"code".into(), &e.code.into());
    let _ = js_sys::Reflect::set(&err, &"path".into(), &e.path.as_str().into());
    let _ = js_sys::Reflect::set(&err, &"detail".into(), &e.message.as_str().into());
    err.into()
}

/// A result for JS: written as JSON text in Rust and parsed by the engine's `JSON.parse`, which
/// is smaller than building the object call by call across the boundary.
fn to_js<T: ToJson>(v: &T) -> JsValue {
    js_sys::JSON::parse(&v.to_json()).unwrap_or(JsValue::NULL)
}

/// The message of what JS threw.
fn thrown(e: &JsValue, or: &str) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| or.into())
}

/// A JS value made plain: `JSON.stringify`, then the engine's `JSON.parse`. Reading the caller's
/// object from Rust would let a throwing getter or Proxy trap unwind through wasm with the
/// handle still borrowed (every later call failed); here they throw in JS and are caught. It
/// turns NaN and ±Infinity into null and drops functions, symbols and undefined fields; the JS
/// API (www/src/api.js) reports those by field before calling in. Also returns the JSON text's
/// length, for the dataset size limit.
fn plain(v: &JsValue, bad: impl Fn(String) -> Error) -> Result<(JsValue, usize), Error> {
    let text = js_sys::JSON::stringify(v)
        .map_err(|e| bad(thrown(&e, "JSON.stringify threw")))?
        .as_string()
        .ok_or_else(|| bad("a function, symbol or undefined".into()))?;
    check_depth(&text).map_err(&bad)?;
    Ok((parse_json(&text)?, text.len()))
}

/// Nesting deeper than this is refused before anything reads the value: where a string
/// belongs, serde-wasm-bindgen describes the value with wasm-bindgen's recursive debug
/// printer, which a 100,000-level array overflows (in JS, through the wasm: a trap). The
/// schema nests four levels.
const MAX_DEPTH: usize = 128;

/// Counts brackets outside strings; it checks JSON text that `JSON.parse` accepts or
/// `JSON.stringify` wrote, and parses nothing.
fn check_depth(text: &str) -> Result<(), String> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for b in text.bytes() {
        match (in_string, b) {
            (true, _) if escaped => escaped = false,
            (true, b'\\') => escaped = true,
            (true, b'"') | (false, b'"') => in_string = !in_string,
            (false, b'[' | b'{') => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(format!("recursion limit exceeded (nesting deeper than {MAX_DEPTH})"));
                }
            }
            (false, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// JSON text through the engine's `JSON.parse`: the wasm has no JSON text parser of its own.
fn parse_json(text: &str) -> Result<JsValue, Error> {
    js_sys::JSON::parse(text).map_err(|e| Error::new("malformed_json", "", thrown(&e, "JSON.parse threw")))
}

/// A selection patch from JS, made plain and read into `Patch`. Errors name the field. An
/// initial selection that is null in JSON (NaN too) means the defaults.
fn patch_arg(v: &JsValue, initial: bool) -> Result<Patch, JsValue> {
    let bad = |msg: String| Error::new("bad_type", "selection", format!("not a plain JSON value: {msg}"));
    let (v, _) = plain(v, bad).map_err(js_error)?;
    if initial && v.is_null() {
        return Ok(Patch::default());
    }
    read_patch(v).map_err(js_error)
}

/// The full build reads a patch with serde-wasm-bindgen, like a dataset. Public for
/// tests/web.rs only.
#[cfg(feature = "host-data")]
#[doc(hidden)]
pub fn read_patch(v: JsValue) -> Result<Patch, Error> {
    // Not an object: serde-wasm-bindgen would report Reflect's TypeError, not the value.
    check_object(&v)?;
    Patch::read(serde_wasm_bindgen::Deserializer::from(v))
}

fn check_object(v: &JsValue) -> Result<(), Error> {
    if v.is_object() && !js_sys::Array::is_array(v) {
        return Ok(());
    }
    Err(Error::new("bad_type", "selection", format!("expected an object, got {}", describe(v))))
}

#[cfg(not(feature = "host-data"))]
fn read_patch(v: JsValue) -> Result<Patch, Error> {
    read_plain_patch(v)
}

/// The one-chart build reads the nine fields of the plain object itself: serde-wasm-bindgen
/// and serde's messages (which print floats with core::fmt) put that page 18.8 KB gzip over
/// its 100 KB budget (measured with scripts/size-budget.mjs). It gives the serde reader's
/// answers, errors included (tests/web.rs compares them). Public for that test only.
#[doc(hidden)]
pub fn read_plain_patch(v: JsValue) -> Result<Patch, Error> {
    use crate::select::FIELDS;
    check_object(&v)?;
    for key in js_sys::Object::keys(v.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !FIELDS.contains(&key.as_str()) {
            let key = crate::error::clip(&key);
            return Err(Error::new(
                "unknown_field",
                format!("selection.{key}"),
                format!("unknown field '{key}'; expected one of {}", crate::text::join(&FIELDS, ", ")),
            ));
        }
    }
    let get = |key: &str| js_sys::Reflect::get(&v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    let string = |key: &str| -> Result<Option<String>, Error> {
        let x = get(key);
        if x.is_undefined() {
            return Ok(None);
        }
        x.as_string().map(Some).ok_or_else(|| bad_field(&format!("selection.{key}"), "a string", &x))
    };
    let list = |key: &str| -> Result<Option<Vec<String>>, Error> {
        let x = get(key);
        if x.is_undefined() {
            return Ok(None);
        }
        if x.is_null() {
            return Ok(Some(Vec::new()));
        }
        if !js_sys::Array::is_array(&x) {
            return Err(bad_field(&format!("selection.{key}"), "an array of strings", &x));
        }
        let items: &js_sys::Array = x.unchecked_ref();
        let mut out = Vec::with_capacity(items.length() as usize);
        for (i, item) in items.iter().enumerate() {
            out.push(item.as_string().ok_or_else(|| bad_field(&format!("selection.{key}[{i}]"), "a string", &item))?);
        }
        Ok(Some(out))
    };
    // One call site per reader: each closure is compiled once, not once per field.
    let mut strs: [Option<String>; 10] = Default::default();
    for (slot, key) in strs.iter_mut().zip([
        "view",
        "region",
        "topic",
        "chart",
        "lang",
        "theme",
        "sort",
        "title",
        "description",
        "highlight",
    ]) {
        *slot = string(key)?;
    }
    let [view, region, topic, chart, lang, theme, sort, title, description, highlight] = strs;
    let mut lists: [Option<Vec<String>>; 2] = Default::default();
    for (slot, key) in lists.iter_mut().zip(["indicators", "hidden"]) {
        *slot = list(key)?;
    }
    let [indicators, hidden] = lists;
    Ok(Patch { view, region, topic, indicators, chart, lang, theme, sort, hidden, title, description, highlight })
}

fn bad_field(path: &str, want: &str, got: &JsValue) -> Error {
    Error::new("bad_type", path, format!("expected {want}, got {}", describe(got)))
}

/// A value of a plain (JSON) object in the words serde's errors are put in (`crate::error`).
fn describe(v: &JsValue) -> String {
    if let Some(s) = v.as_string() {
        format!("string '{}'", crate::error::clip(&s))
    } else if let Some(n) = v.as_f64() {
        format!("number {}", crate::i18n::shortest(n))
    } else if let Some(b) = v.as_bool() {
        format!("boolean {b}")
    } else if v.is_null() || v.is_undefined() {
        "null".into()
    } else if js_sys::Array::is_array(v) {
        "an array".into()
    } else {
        "an object".into()
    }
}

fn embedded() -> Result<Rc<Dataset>, JsValue> {
    let cell = &EMBEDDED.0;
    if let Some(ds) = cell.borrow().as_ref() {
        return Ok(ds.clone());
    }
    let ds = Rc::new(embedded_dataset().map_err(js_error)?);
    *cell.borrow_mut() = Some(ds.clone());
    Ok(ds)
}

/// A canvas from JS, checked: the generated glue does not check imported types, and a method
/// called on a non-canvas would throw through wasm and leave the handle unusable.
fn canvas_arg(v: JsValue, what: &str) -> Result<HtmlCanvasElement, JsValue> {
    v.dyn_into::<HtmlCanvasElement>()
        .map_err(|_| js_error(Error::new("bad_type", what, format!("{what} must be a <canvas> element"))))
}

/// A string from JS, checked for the same reason.
fn string_arg(v: JsValue, what: &str) -> Result<String, JsValue> {
    v.as_string().ok_or_else(|| js_error(Error::new("bad_type", what, format!("{what} must be a string"))))
}

fn check_dpr(dpr: f64) -> Result<f64, JsValue> {
    if dpr.is_finite() && dpr > 0.0 {
        // Beyond 4× the canvas would grow huge for no visible gain.
        Ok(crate::layout::clamp(dpr, 0.5, 4.0))
    } else {
        Err(js_error(Error::new(
            "bad_argument",
            "devicePixelRatio",
            format!("devicePixelRatio must be a positive number, got {}", crate::i18n::shortest(dpr)),
        )))
    }
}

/// Sizes the canvas for the scene at `dpr` and paints it.
fn paint(canvas: &HtmlCanvasElement, scene: &crate::layout::Scene, dpr: f64, dark: bool) -> Result<(), JsValue> {
    let (w, h) = ((scene.width * dpr).round() as u32, (scene.height * dpr).round() as u32);
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let mut backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| js_error(Error::new("canvas_unavailable", "canvas", "the canvas has no 2D context")))?;
    draw::draw(&mut backend, &scene.marks, crate::theme::Palette::for_dark(dark), Target::canvas(dpr))
        .map_err(|e| js_error(Error::new("draw_failed", "canvas", e.to_string())))
}

#[wasm_bindgen]
pub struct WidgetHandle {
    widget: Widget,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// `data`: undefined/null for the embedded dataset, or a host dataset as JSON text or a
    /// plain object. `init`: a partial selection.
    #[wasm_bindgen(constructor)]
    pub fn new(data: JsValue, init: JsValue) -> Result<WidgetHandle, JsValue> {
        let init = if init.is_undefined() || init.is_null() { Patch::default() } else { patch_arg(&init, true)? };
        let widget = if data.is_undefined() || data.is_null() {
            Widget::with_dataset(embedded()?, &init)
        } else {
            host_dataset(&data).and_then(|ds| Widget::with_dataset(Rc::new(ds), &init))
        }
        .map_err(js_error)?;
        Ok(WidgetHandle { widget })
    }

    /// Applies a partial selection and returns the full new one. A bad selection throws and
    /// changes nothing.
    pub fn select(&mut self, patch: JsValue) -> Result<JsValue, JsValue> {
        let patch = patch_arg(&patch, false)?;
        self.widget.select(&patch).map(to_js).map_err(js_error)
    }

    pub fn state(&self) -> JsValue {
        to_js(self.widget.state())
    }

    pub fn views(&self) -> JsValue {
        to_js(&self.widget.views())
    }

    pub fn summary(&self) -> String {
        self.widget.summary().to_string()
    }

    pub fn title(&self) -> String {
        self.widget.spec().title.clone()
    }

    /// Lays out for `width` CSS px, sizes the canvas for `dpr` and paints it. Returns the
    /// height in CSS px the element needs. On error the canvas keeps its last chart.
    pub fn render(&mut self, canvas: JsValue, width: f64, dpr: f64, dark: bool) -> Result<f64, JsValue> {
        let canvas = canvas_arg(canvas, "canvas")?;
        let dpr = check_dpr(dpr)?;
        let scene = self.widget.layout(width).map_err(js_error)?;
        let height = scene.height;
        paint(&canvas, scene, dpr, dark)?;
        Ok(height)
    }

    /// The height (CSS px) a line chart is laid out to fill (an editor's height or aspect
    /// ratio); 0 for the height its width gives. Takes effect at the next render.
    pub fn fit(&mut self, height: f64) {
        self.widget.fit(height)
    }

    /// Hover: what is under (x, y) CSS px, or null. Its `ring` is the box the JS shell rings
    /// with a bordered element: a pointer move redraws no canvas.
    pub fn hover(&mut self, x: f64, y: f64) -> JsValue {
        self.widget.hit_at(x, y).map(|i| to_js(&i)).unwrap_or(JsValue::NULL)
    }

    /// Keyboard: "next", "prev", "first", "last" or "none".
    pub fn focus(&mut self, how: JsValue) -> Result<JsValue, JsValue> {
        let how = string_arg(how, "focus")?;
        let info = self.widget.focus(&how).map_err(js_error)?;
        Ok(info.map(|i| to_js(&i)).unwrap_or(JsValue::NULL))
    }

    /// Legend click. Returns the new selection; the caller re-renders.
    pub fn toggle_series(&mut self, index: usize) -> Result<JsValue, JsValue> {
        self.widget.toggle_series(index).map(to_js).map_err(js_error)
    }

    /// Shows a host series as a line chart: `x` and `y` are Float64Arrays, copied once into
    /// wasm memory (see `host_series::read`). Errors name the offending index. The one-chart
    /// build has no such method: its JS API answers `host_data_unavailable` first.
    #[cfg(feature = "host-data")]
    pub fn set_series(
        &mut self,
        label: JsValue,
        unit: JsValue,
        x: js_sys::Float64Array,
        y: js_sys::Float64Array,
    ) -> Result<(), JsValue> {
        show_series(&mut self.widget, label, unit, &x, &y)
    }

    pub fn table(&self) -> JsValue {
        to_js(&self.widget.table())
    }

    pub fn csv(&self) -> Result<String, JsValue> {
        self.widget.csv().map_err(js_error)
    }

    /// The chart as SVG text (the full build only, as `set_series`).
    #[cfg(feature = "host-data")]
    pub fn svg(&mut self, width: f64, dark: bool) -> Result<String, JsValue> {
        export_svg(&mut self.widget, width, dark).map_err(js_error)
    }

    /// Paints the chart on another canvas (PNG export at 2×) without touching the live one:
    /// hover and focus keep using the scene on screen.
    pub fn render_to(&self, canvas: JsValue, width: f64, dpr: f64, dark: bool) -> Result<f64, JsValue> {
        let canvas = canvas_arg(canvas, "canvas")?;
        let dpr = check_dpr(dpr)?;
        let scene = self.widget.scene_for(width).map_err(js_error)?;
        paint(&canvas, &scene, dpr, dark)?;
        Ok(scene.height)
    }
}

/// The schema id this build reads (for host pages that check before passing data).
#[wasm_bindgen(js_name = schemaVersion)]
pub fn schema_version() -> String {
    crate::data::SCHEMA.to_string()
}

/// Validates a host dataset without creating a widget; throws the first problem found.
#[cfg(feature = "host-data")]
#[wasm_bindgen(js_name = validateDataset)]
pub fn validate_dataset(data: JsValue) -> Result<(), JsValue> {
    host_dataset(&data).map(|_| ()).map_err(js_error)
}

// Host data and developer features, about 30 KB of the gzipped download: host datasets arrive
// as JS values and need serde's reader and the validator; host series (typed arrays) need their checked
// copy; SVG export needs plotters-svg, the last user of core::fmt's float printing. Pages that
// show the embedded dataset load the build without them (econ-widget.js); pages that pass
// their own data or series, or export SVG, load econ-widget.full.js (the `host-data` feature).
// The one-chart build leaves out the exports only the full build serves (set_series, svg,
// validateDataset, factInfo, checkText: its JS API answers host_data_unavailable before it
// would call them; scripts/bundle.mjs checks its exports are the full build's less those), and
// refuses a host dataset in the constructor (`host_dataset` below).
#[cfg(feature = "host-data")]
mod host_series;

/// A host dataset: JSON text (through `JSON.parse`) or a plain object (made plain first, see
/// `plain`), read into the schema types by serde-wasm-bindgen and validated.
#[cfg(feature = "host-data")]
fn host_dataset(data: &JsValue) -> Result<Dataset, Error> {
    let value = match data.as_string() {
        Some(text) => {
            crate::data::check_size(text.len())?;
            check_depth(&text).map_err(|msg| Error::new("malformed_json", "", msg))?;
            parse_json(&text)?
        }
        None if data.is_object() => {
            let bad = |msg: String| {
                Error::new("bad_type", "data", format!("the dataset object cannot be turned into JSON: {msg}"))
            };
            let (value, len) = plain(data, bad)?;
            crate::data::check_size(len)?;
            value
        }
        None => return Err(Error::new("bad_type", "data", "expected the dataset as a JSON string or an object")),
    };
    // serde-wasm-bindgen would read an array as an object's entries.
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(Error::new("invalid_dataset", "", format!("expected an object, got {}", describe(&value))));
    }
    Dataset::from_deserializer(serde_wasm_bindgen::Deserializer::from(value))
}

/// The full build reads its embedded dataset the way it reads a host's: `JSON.parse` of the
/// text, then serde and validation.
#[cfg(feature = "host-data")]
fn embedded_dataset() -> Result<Dataset, Error> {
    Dataset::from_deserializer(serde_wasm_bindgen::Deserializer::from(parse_json(crate::data::EMBEDDED_JSON)?))
}

/// The one-chart build decodes the form packed and validated at build time: no JSON dataset
/// reader or validator in its wasm (measured in BENCHMARKS.md, "Size").
#[cfg(not(feature = "host-data"))]
fn embedded_dataset() -> Result<Dataset, Error> {
    Dataset::embedded()
}

#[cfg(feature = "host-data")]
fn show_series(widget: &mut Widget, label: JsValue, unit: JsValue, x: &JsValue, y: &JsValue) -> Result<(), JsValue> {
    let (label, unit) = (string_arg(label, "series.label")?, string_arg(unit, "series.unit")?);
    let s = host_series::read(&label, &unit, x, y, || widget.clear_series())?;
    widget.set_series(s);
    Ok(())
}

#[cfg(feature = "host-data")]
fn export_svg(widget: &mut Widget, width: f64, dark: bool) -> Result<String, Error> {
    widget.svg(width, dark)
}

// One line per refusal: tests/browser/widget.test.mjs reads these words from this file.
#[rustfmt::skip]
#[cfg(not(feature = "host-data"))]
fn host_dataset(_data: &JsValue) -> Result<Dataset, Error> {
    // The API refuses host data before it gets here (www/src/api.js ewUnavailable, in its words).
    Err(unavailable("data", "host data needs econ-widget.full.js"))
}

#[cfg(not(feature = "host-data"))]
fn unavailable(path: &'static str, message: &'static str) -> Error {
    Error::new("host_data_unavailable", path, message)
}

// Facts in prose (src/facts.rs, docs/embedding.md "Fact references"): one value's card and
// the text checker, both in the full build only. Article pages get the cards from
// dist/econ-facts.js, which embeds them for every value (src/facts.rs `fact_card`, printed at
// build time by examples/fact_cards.rs), so the one-chart wasm carries neither (the card code
// was 0.8 KB gzip, the checker's parser and naming rules ~13 KB of wasm); its stubs answer
// host_data_unavailable.

/// A value for a fact reference's card (src/facts.rs `fact_card`), as fields joined by U+001F
/// (www/src/api.js `fact` splits them); "" for an id the dataset lacks. As one string it needs
/// no JSON writer.
#[cfg(feature = "host-data")]
#[wasm_bindgen(js_name = factInfo)]
pub fn fact_info(id: JsValue, lang: JsValue) -> Result<String, JsValue> {
    fact_fields(id, lang)
}

#[cfg(feature = "host-data")]
fn fact_fields(id: JsValue, lang: JsValue) -> Result<String, JsValue> {
    use crate::i18n::Lang;
    let id = string_arg(id, "id")?;
    let lang = Lang::parse(&string_arg(lang, "lang")?).unwrap_or(Lang::Zh);
    let ds = embedded()?;
    let Some(i) = ds.value_index(&id) else { return Ok(String::new()) };
    Ok(crate::facts::fact_card(&ds, i, lang).join("\u{1f}"))
}

/// The text checker: `[{text, start, end, status, fact?, expected?}]`, offsets in UTF-16
/// code units; `region` and `period` may be null. The arguments are read in the full build
/// only: the one-chart build's stub is the error alone (its argument checks cost 0.45 KB gzip).
#[cfg(feature = "host-data")]
#[wasm_bindgen(js_name = checkText)]
pub fn check_text(text: JsValue, lang: JsValue, region: JsValue, period: JsValue) -> Result<JsValue, JsValue> {
    check_findings(text, lang, region, period)
}

#[cfg(feature = "host-data")]
fn check_findings(text: JsValue, lang: JsValue, region: JsValue, period: JsValue) -> Result<JsValue, JsValue> {
    let text = string_arg(text, "text")?;
    let lang = string_arg(lang, "options.lang")?;
    let opt =
        |v: JsValue, what: &str| if v.is_null() || v.is_undefined() { Ok(None) } else { string_arg(v, what).map(Some) };
    let (region, period) = (opt(region, "options.region")?, opt(period, "options.period")?);
    let lang = crate::i18n::Lang::parse(&lang).ok_or_else(|| {
        js_error(Error::new("bad_argument", "options.lang", format!("lang must be zh or en, got '{lang}'")))
    })?;
    let ds = embedded()?;
    let opts = crate::facts::Options { lang, region, period };
    let found = crate::facts::check_text(&ds, &text, &opts).map_err(js_error)?;
    let out = js_sys::Array::new();
    for f in found {
        let o = js_sys::Object::new();
        let set = |k: &str, val: JsValue| js_sys::Reflect::set(&o, &k.into(), &val).map(|_| ());
        set("text", f.text.into())?;
        set("start", (f.start as f64).into())?;
        set("end", (f.end as f64).into())?;
        set("status", f.status.id().into())?;
        if let Some(id) = f.fact {
            set("fact", id.into())?;
        }
        if let Some(e) = f.expected {
            set("expected", e.into())?;
        }
        out.push(&o);
    }
    Ok(out.into())
}
