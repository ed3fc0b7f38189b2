//! econ-widget: interactive charts of Shanxi regional economic data, from Rust to WebAssembly.
//!
//! The core (everything but `web`) has no web types and is tested natively:
//! dataset → views → selection → chart spec → layout (a display list in CSS pixels) →
//! drawing through plotters' `DrawingBackend` (canvas in the browser, SVG natively).
//!
#![doc = include_str!("../docs/native.md")]

// In place of std's dlmalloc: talc is a few KB smaller in the wasm (the one-chart page's budget).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod analytics;
pub mod data;
pub mod decimate;
pub mod draw;
pub mod error;
pub mod facts;
pub mod hit;
pub mod i18n;
pub mod json;
pub mod layout;
pub mod order;
pub mod period;
#[cfg(feature = "host-data")]
pub mod rules;
pub mod select;
pub mod series;
pub mod spec;
pub mod text;
pub mod theme;
pub mod views;
pub mod widget;

#[cfg(target_arch = "wasm32")]
pub mod web;
