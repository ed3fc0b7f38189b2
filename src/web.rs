//! The wasm boundary: a thin `WidgetHandle` over the pure `Widget`. It converts JS values in
//! and out, turns every error into a JS `Error` with `code` and `path`, and paints scenes on
//! canvases. Events, sizing and DOM stay in JS (www/src/api.js).

use crate::data::Dataset;
use crate::draw::{self, Target};
use crate::error::Error;
use crate::layout;
use crate::widget::Widget;
use plotters_canvas::CanvasBackend;
use crate::json::{Json, ToJson};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

thread_local! {
    /// The embedded dataset is parsed once and shared by every widget on the page.
    static EMBEDDED: RefCell<Option<Rc<Dataset>>> = const { RefCell::new(None) };
}

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

/// A JS value as JSON, through `JSON.stringify` and `crate::json`. Walking the object from Rust
/// let a throwing getter or Proxy trap unwind through wasm with the handle still borrowed
/// (every later call failed), and recursed on the wasm stack without a limit (a cyclic or
/// deeply nested object overflowed it into the heap). `JSON.stringify` runs in JS, where those
/// throw and are caught here, and the parser stops at 128 levels. It turns NaN and
/// ±Infinity into null and drops functions, symbols and undefined fields; the JS API
/// (www/src/api.js) reports those by field before calling in.
fn from_js(v: JsValue, what: &str) -> Result<Json, JsValue> {
    if v.is_undefined() || v.is_null() {
        return Ok(Json::Null);
    }
    let bad = |msg: String| js_error(Error::new("bad_type", what, format!("not a plain JSON value: {msg}")));
    let text = js_sys::JSON::stringify(&v)
        .map_err(|e| bad(e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| "JSON.stringify threw".into())))?
        .as_string()
        .ok_or_else(|| bad("a function, symbol or undefined".into()))?;
    Json::parse(&text).map_err(bad)
}

fn embedded() -> Result<Rc<Dataset>, JsValue> {
    EMBEDDED.with(|cell| {
        if let Some(ds) = cell.borrow().as_ref() {
            return Ok(ds.clone());
        }
        let ds = Rc::new(Dataset::embedded().map_err(js_error)?);
        *cell.borrow_mut() = Some(ds.clone());
        Ok(ds)
    })
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
        Err(js_error(Error::new("bad_argument", "devicePixelRatio", format!("devicePixelRatio must be a positive number, got {}", crate::i18n::shortest(dpr)))))
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
    dark: bool,
    dpr: f64,
    /// The ring on the overlay now (CSS px) and the dpr and theme it was drawn for: a move to a
    /// ring of the same size (every point of a line) only moves the canvas.
    ring: Option<([f64; 4], f64, bool)>,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// `data`: undefined/null for the embedded dataset, or a host dataset as JSON text or a
    /// plain object. `init`: a partial selection.
    #[wasm_bindgen(constructor)]
    pub fn new(data: JsValue, init: JsValue) -> Result<WidgetHandle, JsValue> {
        let init = from_js(init, "selection")?;
        let widget = if data.is_undefined() || data.is_null() {
            Widget::with_dataset(embedded()?, &init)
        } else {
            let text = match data.as_string() {
                Some(s) => s,
                None if data.is_object() => js_sys::JSON::stringify(&data)
                    .ok()
                    .and_then(|s| s.as_string())
                    .ok_or_else(|| js_error(Error::new("bad_type", "data", "the dataset object cannot be turned into JSON")))?,
                None => return Err(js_error(Error::new("bad_type", "data", "expected the dataset as a JSON string or an object"))),
            };
            host_widget(&text, &init)
        }
        .map_err(js_error)?;
        Ok(WidgetHandle { widget, dark: false, dpr: 1.0, ring: None })
    }

    /// Applies a partial selection and returns the full new one. A bad selection throws and
    /// changes nothing.
    pub fn select(&mut self, patch: JsValue) -> Result<JsValue, JsValue> {
        let patch = from_js(patch, "selection")?;
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
        self.dark = dark;
        self.dpr = dpr;
        Ok(height)
    }

    /// Hover: returns what is under (x, y) CSS px (or null) and rings it on the overlay —
    /// the chart canvas is not touched.
    pub fn hover(&mut self, overlay: JsValue, x: f64, y: f64) -> Result<JsValue, JsValue> {
        let overlay = canvas_arg(overlay, "overlay")?;
        let info = self.widget.hit_at(x, y);
        self.paint_overlay(&overlay, info.as_ref().map(|i| i.ring))?;
        Ok(info.map(|i| to_js(&i)).unwrap_or(JsValue::NULL))
    }

    /// Keyboard: "next", "prev", "first", "last" or "none".
    pub fn focus(&mut self, overlay: JsValue, how: JsValue) -> Result<JsValue, JsValue> {
        let overlay = canvas_arg(overlay, "overlay")?;
        let how = string_arg(how, "focus")?;
        let info = self.widget.focus(&how).map_err(js_error)?;
        self.paint_overlay(&overlay, info.as_ref().map(|i| i.ring))?;
        Ok(info.map(|i| to_js(&i)).unwrap_or(JsValue::NULL))
    }

    /// Legend click. Returns the new selection; the caller re-renders.
    pub fn toggle_series(&mut self, index: usize) -> Result<JsValue, JsValue> {
        self.widget.toggle_series(index).map(to_js).map_err(js_error)
    }

    /// Shows a host series as a line chart: `x` and `y` are Float64Arrays, copied once into
    /// wasm memory (see `host_series`). Errors name the offending index.
    pub fn set_series(&mut self, label: JsValue, unit: JsValue, x: js_sys::Float64Array, y: js_sys::Float64Array) -> Result<(), JsValue> {
        let (label, unit) = (string_arg(label, "series.label")?, string_arg(unit, "series.unit")?);
        let s = host_series(&label, &unit, &x, &y, || self.widget.clear_series())?;
        self.widget.set_series(s);
        Ok(())
    }

    pub fn table(&self) -> JsValue {
        to_js(&self.widget.table())
    }

    pub fn csv(&self) -> String {
        self.widget.csv()
    }

    pub fn svg(&mut self, width: f64, dark: bool) -> Result<String, JsValue> {
        self.widget.svg(width, dark).map_err(js_error)
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

    /// Moves the hover/focus ring. The overlay canvas is only as big as the ring and is moved
    /// with a CSS transform (no layout): a pointer move hands the compositor a few hundred
    /// pixels, not a chart-sized canvas, and the chart itself is never redrawn. The canvas is
    /// resized and redrawn only when the ring's size (or the dpr or theme) changes; a move to
    /// a ring of the same size (every point of a line) changes no pixel, only the transform.
    fn paint_overlay(&mut self, overlay: &HtmlCanvasElement, ring: Option<[f64; 4]>) -> Result<(), JsValue> {
        let style = overlay.style();
        let Some([x, y, w, h]) = ring else {
            // Already hidden (the pointer moving outside the plot): nothing to do.
            if self.ring.is_none() && overlay.width() == 0 && overlay.height() == 0 {
                return Ok(());
            }
            self.ring = None;
            overlay.set_width(0);
            overlay.set_height(0);
            return style.set_property("display", "none");
        };
        let (dpr, dark) = (self.dpr, self.dark);
        let same_look = matches!(self.ring, Some(([_, _, rw, rh], d, k)) if rw == w && rh == h && d == dpr && k == dark);
        if same_look && self.ring.map(|r| r.0) == ring {
            return Ok(());
        }
        // The ring reaches 4 CSS px outside the mark (layout::highlight); 2 more for anti-aliasing.
        let m = 6.0;
        self.ring = None;
        if !same_look {
            let (dw, dh) = (((w + 2.0 * m) * dpr).ceil() as u32, ((h + 2.0 * m) * dpr).ceil() as u32);
            // Setting the size clears the canvas, even to the same size.
            overlay.set_width(dw);
            overlay.set_height(dh);
            style.set_property("width", &px(dw as f64 / dpr))?;
            style.set_property("height", &px(dh as f64 / dpr))?;
            let local = layout::Rect { x: m, y: m, w, h };
            let hit = layout::Hit { target: layout::Target::Datum(0), area: local, mark: local, anchor: (m, m) };
            let mut backend = CanvasBackend::with_canvas_object(overlay.clone())
                .ok_or_else(|| js_error(Error::new("canvas_unavailable", "overlay", "the overlay canvas has no 2D context")))?;
            draw::draw(&mut backend, &layout::highlight(&hit), self.widget.palette(dark), Target::canvas(dpr))
                .map_err(|e| js_error(Error::new("draw_failed", "overlay", e.to_string())))?;
        }
        // At whole device pixels, where a left/top would have been snapped: the ring stays as
        // sharp as drawn.
        let snap = |v: f64| (v * dpr).round() / dpr;
        style.set_property("transform", &format!("translate({},{})", px(snap(x - m)), px(snap(y - m))))?;
        if !same_look {
            style.set_property("display", "block")?;
        }
        self.ring = Some(([x, y, w, h], dpr, dark));
        Ok(())
    }
}

/// A CSS length in px, printed without core::fmt's float code.
fn px(v: f64) -> String {
    crate::i18n::shortest(v) + "px"
}

/// The schema id this build reads (for host pages that check before passing data).
#[wasm_bindgen(js_name = schemaVersion)]
pub fn schema_version() -> String {
    crate::data::SCHEMA.to_string()
}

/// Validates a host dataset without creating a widget; throws the first problem found.
#[wasm_bindgen(js_name = validateDataset)]
pub fn validate_dataset(data: JsValue) -> Result<(), JsValue> {
    let text = string_arg(data, "data")?;
    host_dataset(&text).map(|_| ()).map_err(js_error)
}

// Host datasets arrive as JSON and need the reader and validator, about 14 KB of the gzipped
// wasm. Pages that show the embedded dataset load the build without them (econ-widget.js);
// pages that pass their own data load econ-widget.full.js (the `host-data` feature).
#[cfg(feature = "host-data")]
fn host_dataset(text: &str) -> Result<Dataset, Error> {
    Dataset::parse(text)
}

#[cfg(not(feature = "host-data"))]
fn host_dataset(_text: &str) -> Result<Dataset, Error> {
    Err(Error::new(
        "host_data_unavailable",
        "data",
        "this build of econ-widget shows only its embedded dataset: load econ-widget.full.js to pass your own",
    ))
}

fn host_widget(text: &str, init: &Json) -> Result<Widget, Error> {
    Widget::with_dataset(Rc::new(host_dataset(text)?), init)
}

/// Points per chunk of `host_series`: x and y of a chunk (256 KB) stay in cache until checked.
const SERIES_CHUNK: usize = 16_384;

/// A host series from two Float64Arrays. Label, unit and lengths are checked first; then every
/// point, the arrays copied a chunk at a time into a buffer that stays in cache (checking them
/// after copying them whole read 16 MB back from memory for a million points); only then are
/// they copied into the series, after `free_old` has freed the old one: its memory takes the
/// new points, so wasm memory holds one series, not two (it grew by the new series' size, and
/// writing into fresh memory cost as much as the copy). A series with a problem is copied with
/// the old one kept, to name the first bad point. Only an array over this very wasm memory
/// can fail after `free_old` (the widget then shows its view); and an array over a
/// SharedArrayBuffer that another thread writes meanwhile can leave unchecked values between
/// the checked ends and range (drawn wrong, never a crash).
fn host_series(label: &str, unit: &str, x: &JsValue, y: &JsValue, free_old: impl FnOnce()) -> Result<crate::series::HostSeries, JsValue> {
    use crate::series::{HostSeries, PointCheck};
    let bad = |what: &'static str, message: &'static str| js_error(Error::new("bad_type", what, message));
    let getters = ViewGetters::get().ok_or_else(|| bad("series.x", "expected a Float64Array"))?;
    let sx = getters.of(x).ok_or_else(|| bad("series.x", "expected a Float64Array"))?;
    let sy = getters.of(y).ok_or_else(|| bad("series.y", "expected a Float64Array"))?;
    let n = sx.2 as usize;
    HostSeries::check_shape(label, unit, n, sy.2 as usize).map_err(js_error)?;
    // Values a.. of a View into `dst` (as many as it holds). The views made here are in range
    // (see ViewGetters::of): only a buffer detached since fails (an array over this very wasm
    // memory, which allocating may grow).
    let copy = |(buffer, offset, _): &View, a: usize, dst: &mut [f64]| copy_f64(dst, &F64View::new(buffer, offset + 8 * a as u32, dst.len() as u32)?);
    let unreadable = |_| bad("series", "the arrays could not be read");
    let mut check = PointCheck::new();
    let mut part = vec![0.0; 2 * SERIES_CHUNK];
    let (px, py) = part.split_at_mut(SERIES_CHUNK);
    for a in (0..n).step_by(SERIES_CHUNK) {
        let k = SERIES_CHUNK.min(n - a);
        copy(&sx, a, &mut px[..k]).and_then(|_| copy(&sy, a, &mut py[..k])).map_err(unreadable)?;
        check.feed(&px[..k], &py[..k]);
    }
    drop(part);
    if check.passed() {
        free_old();
    }
    let (mut xs, mut ys) = (Vec::with_capacity(n), Vec::with_capacity(n));
    // SAFETY: as in js_sys's copy_to_uninit (which asserts the lengths, equal here by
    // construction): JS writes all n values before they are read, or fails (then they are not).
    let uninit = |v: &mut Vec<f64>| unsafe { &mut *(&mut v.spare_capacity_mut()[..n] as *mut [std::mem::MaybeUninit<f64>] as *mut [f64]) };
    copy(&sx, 0, uninit(&mut xs)).and_then(|_| copy(&sy, 0, uninit(&mut ys))).map_err(unreadable)?;
    // SAFETY: both copies succeeded.
    unsafe {
        xs.set_len(n);
        ys.set_len(n);
    }
    HostSeries::checked(label, unit, xs, ys, check).map_err(js_error)
}

#[wasm_bindgen]
extern "C" {
    /// A Float64Array made here, over part of a caller's array (`host_series`).
    #[wasm_bindgen(js_name = Float64Array)]
    type F64View;
    #[wasm_bindgen(constructor, catch, js_class = "Float64Array")]
    fn new(buffer: &JsValue, byte_offset: u32, length: u32) -> Result<F64View, JsValue>;
    /// Copies a view into wasm memory: js_sys's `copy_to` without its length assert.
    #[wasm_bindgen(catch, js_namespace = Float64Array, js_name = "prototype.set.call")]
    fn copy_f64(dst: &mut [f64], src: &F64View) -> Result<(), JsValue>;
}

/// A Float64Array as its buffer, byte offset and length.
type View = (JsValue, u32, u32);

/// `%TypedArray%.prototype`'s own getters, called directly on the caller's arrays: no code of
/// the caller's runs inside wasm (a `length` defined on the array itself, a Proxy's traps),
/// where a throw would leave the handle borrowed.
struct ViewGetters([js_sys::Function; 4]);

impl ViewGetters {
    fn get() -> Option<ViewGetters> {
        use js_sys::{Object, Reflect};
        let proto = Object::get_prototype_of(&Object::get_prototype_of(&js_sys::Float64Array::new_with_length(0)));
        // Not a function only if the page replaced them; calling it then throws, caught by call0.
        let getter = |key: JsValue| -> Option<js_sys::Function> { Some(Reflect::get(&Reflect::get_own_property_descriptor(&proto, &key).ok()?, &"get".into()).ok()?.unchecked_into()) };
        Some(ViewGetters([getter(js_sys::Symbol::to_string_tag().into())?, getter("buffer".into())?, getter("byteOffset".into())?, getter("length".into())?]))
    }

    /// A Float64Array as a View (all of it addressable with u32 byte offsets, as
    /// `new Float64Array(buffer, offset, length)` takes them); None for anything else.
    fn of(&self, v: &JsValue) -> Option<View> {
        let [tag, buffer, offset, length] = &self.0;
        // The tag getter answers undefined for anything but a typed array (a Proxy, a DataView).
        if tag.call0(v).ok()?.as_string()? != "Float64Array" {
            return None;
        }
        let (o, n) = (offset.call0(v).ok()?.as_f64()?, length.call0(v).ok()?.as_f64()?);
        (o + 8.0 * n <= u32::MAX as f64).then_some((buffer.call0(v).ok()?, o as u32, n as u32))
    }
}
