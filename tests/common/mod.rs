//! Test helpers shared by the integration tests: they build selections and datasets with
//! serde_json's `json!`, and the widget reads its own `econ_widget::json::Json`.
#![allow(dead_code)]

use econ_widget::json::{Json, ToJson};

/// A serde_json value as the widget's JSON value.
pub fn j(v: &serde_json::Value) -> Json {
    Json::parse(&v.to_string()).expect("serde_json writes valid JSON")
}

/// Anything the widget writes as JSON, read back as a serde_json value to assert on.
pub fn to_value<T: ToJson>(v: &T) -> serde_json::Value {
    serde_json::from_str(&v.to_json()).expect("the widget writes valid JSON")
}
