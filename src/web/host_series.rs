//! Host series (`WidgetHandle::set_series`, the `host-data` build only): two Float64Arrays
//! checked and copied into wasm memory without running any of the caller's code inside wasm.

use super::js_error;
use crate::error::Error;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Points per chunk of `read`: x and y of a chunk (256 KB) stay in cache until checked.
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
pub(super) fn read(
    label: &str,
    unit: &str,
    x: &JsValue,
    y: &JsValue,
    free_old: impl FnOnce(),
) -> Result<crate::series::HostSeries, JsValue> {
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
    let copy = |(buffer, offset, _): &View, a: usize, dst: &mut [f64]| {
        copy_f64(dst, &F64View::new(buffer, offset + 8 * a as u32, dst.len() as u32)?)
    };
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
    let uninit = |v: &mut Vec<f64>| unsafe {
        &mut *(&mut v.spare_capacity_mut()[..n] as *mut [std::mem::MaybeUninit<f64>] as *mut [f64])
    };
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
    /// A Float64Array made here, over part of a caller's array (`read`).
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
        let getter = |key: JsValue| -> Option<js_sys::Function> {
            Some(
                Reflect::get(&Reflect::get_own_property_descriptor(&proto, &key).ok()?, &"get".into())
                    .ok()?
                    .unchecked_into(),
            )
        };
        Some(ViewGetters([
            getter(js_sys::Symbol::to_string_tag().into())?,
            getter("buffer".into())?,
            getter("byteOffset".into())?,
            getter("length".into())?,
        ]))
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
