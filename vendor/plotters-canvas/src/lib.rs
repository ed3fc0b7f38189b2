/*!
   The Plotters HTML5 Canvas backend.

   This backend allows Plotters operates the HTML5 Canvas when targeted to Webassembly.

   See the documentation for [CanvasBackend](struct.CanvasBackend.html) for more details.
*/
// econ-widget patch: web-sys deprecated set_fill_style/set_stroke_style (upstream still calls them).
#![allow(deprecated)]
#![allow(clippy::all)]
mod canvas;

pub use canvas::CanvasBackend;
