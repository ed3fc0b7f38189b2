//! Test helpers shared by the integration tests: they build selections and datasets with
//! serde_json's `json!`; the widget reads them through serde, as the wasm reads JS values.
#![allow(dead_code)]

use econ_widget::json::ToJson;
use econ_widget::select::Patch;

/// A serde_json value as a selection patch (one that must read: bad ones go through
/// `Patch::read` in the test itself).
pub fn j(v: &serde_json::Value) -> Patch {
    if v.is_null() {
        return Patch::default();
    }
    Patch::read(v).expect("a well-formed selection patch")
}

/// Anything the widget writes as JSON, read back as a serde_json value to assert on.
pub fn to_value<T: ToJson>(v: &T) -> serde_json::Value {
    serde_json::from_str(&v.to_json()).expect("the widget writes valid JSON")
}
