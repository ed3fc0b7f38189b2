//! Draws a scene through plotters' `DrawingBackend`: the same code paints the browser's canvas
//! (plotters-canvas) and native SVG (plotters-svg, for snapshot tests and SVG export).

use crate::layout::{HAlign, Mark};
use crate::theme::{Paint, Palette};
use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily, FontStyle,
};

/// For text without a CJK character (`text::has_cjk`): a Latin face first, so English quotes
/// and apostrophes are not drawn full-width by a CJK font; then the CJK stack, as fallback.
pub const LATIN_STACK: &str = "'Helvetica Neue',Arial,'Liberation Sans','Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Hiragino Sans GB','Microsoft YaHei',system-ui,sans-serif";
/// CJK-capable fonts first, so Chinese never falls back to boxes: the end of LATIN_STACK (one
/// string in the wasm).
pub const FONT_STACK: &str = LATIN_STACK.split_at(41).1;
const _: () = assert!(FONT_STACK.as_bytes()[1] == b'N', "FONT_STACK starts at 'Noto Sans CJK SC'");

/// How a backend sizes text: canvas takes pixels; plotters-svg divides by 1.24.
#[derive(Debug, Clone, Copy)]
pub struct Target {
    /// Device pixels per CSS pixel.
    pub scale: f64,
    pub text_factor: f64,
}

impl Target {
    pub fn canvas(dpr: f64) -> Target {
        Target { scale: dpr, text_factor: 1.0 }
    }
    pub fn svg() -> Target {
        Target { scale: 1.0, text_factor: 1.24 }
    }
}

struct Stroke {
    color: BackendColor,
    width: u32,
}

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        self.color
    }
    fn stroke_width(&self) -> u32 {
        self.width
    }
}

struct Font<'a> {
    size: f64,
    bold: bool,
    color: BackendColor,
    align: HAlign,
    family: &'a str,
}

impl BackendTextStyle for Font<'_> {
    type FontError = std::fmt::Error;
    fn color(&self) -> BackendColor {
        self.color
    }
    fn size(&self) -> f64 {
        self.size
    }
    fn style(&self) -> FontStyle {
        if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        }
    }
    fn anchor(&self) -> Pos {
        let h = match self.align {
            HAlign::Left => HPos::Left,
            HAlign::Center => HPos::Center,
            HAlign::Right => HPos::Right,
        };
        Pos::new(h, VPos::Top)
    }
    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(self.family)
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        let w = crate::text::width(text, self.size, self.bold).ceil() as i32;
        Ok(((0, 0), (w, self.size.ceil() as i32)))
    }
    /// Canvas and SVG draw text natively; a bitmap backend would need a rasterizer, which this
    /// crate deliberately does not ship (it would add a font to the wasm).
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _: &str,
        _: (i32, i32),
        _: F,
    ) -> Result<Result<(), E>, Self::FontError> {
        Ok(Ok(()))
    }
}

fn color(p: &Palette, paint: Paint) -> BackendColor {
    let c = p.color(paint);
    BackendColor { alpha: 1.0, rgb: (c.0, c.1, c.2) }
}

/// Draws marks in order. Coordinates are CSS px, scaled to device pixels here.
pub fn draw<B: DrawingBackend>(
    backend: &mut B,
    marks: &[Mark],
    palette: &Palette,
    t: Target,
) -> Result<(), DrawingErrorKind<B::ErrorType>> {
    let px = |v: f64| (v * t.scale).round() as i32;
    let stroke = |paint: Paint, width: f64| Stroke {
        color: color(palette, paint),
        width: (width * t.scale).round().max(1.0) as u32,
    };
    for m in marks {
        match m {
            Mark::Rect { x, y, w, h, paint } => {
                if *w > 0.0 && *h > 0.0 {
                    backend.draw_rect((px(*x), px(*y)), (px(x + w), px(y + h)), &stroke(*paint, 1.0), true)?;
                }
            }
            Mark::Path { points, paint, width } => {
                let device: Vec<(i32, i32)> = points.iter().map(|&(a, b)| (px(a), px(b))).collect();
                backend.draw_path(per_device_column(device), &stroke(*paint, *width))?;
            }
            Mark::Circle { x, y, r, paint, fill } => {
                backend.draw_circle((px(*x), px(*y)), (r * t.scale).round() as u32, &stroke(*paint, 1.5), *fill)?;
            }
            Mark::Text { x, y, text, size, bold, paint, align } => {
                let font = Font {
                    size: size * t.scale * t.text_factor,
                    bold: *bold,
                    color: color(palette, *paint),
                    align: *align,
                    family: if crate::text::has_cjk(text) { FONT_STACK } else { LATIN_STACK },
                };
                backend.draw_text(text, &font, (px(*x), px(*y)))?;
            }
        }
    }
    backend.present()
}

/// A long path in device pixels reduced to first/lowest/highest/last per pixel column (x
/// ascending runs only): the same pixels, a fraction of the canvas calls. Short paths and
/// paths that go back in x (frames, rings) are left as they are.
fn per_device_column(points: Vec<(i32, i32)>) -> Vec<(i32, i32)> {
    let span = match (points.first(), points.last()) {
        (Some(a), Some(z)) => (z.0 - a.0).unsigned_abs() as usize + 1,
        _ => 0,
    };
    if points.len() <= 4 * span || points.windows(2).any(|w| w[1].0 < w[0].0) {
        return points;
    }
    let mut out = Vec::with_capacity(4 * span);
    let mut start = 0;
    while start < points.len() {
        let col = points[start].0;
        let mut end = start;
        let (mut lo, mut hi) = (start, start);
        while end < points.len() && points[end].0 == col {
            if points[end].1 < points[lo].1 {
                lo = end;
            }
            if points[end].1 > points[hi].1 {
                hi = end;
            }
            end += 1;
        }
        let mut keep = [start, lo, hi, end - 1];
        keep.sort_unstable();
        for (k, &i) in keep.iter().enumerate() {
            if k == 0 || i != keep[k - 1] {
                out.push(points[i]);
            }
        }
        start = end;
    }
    out
}

/// The scene as a standalone SVG document (export and snapshot tests).
pub fn to_svg(scene: &crate::layout::Scene, palette: &Palette) -> String {
    let mut out = String::new();
    {
        let size = (scene.width.ceil() as u32, scene.height.ceil() as u32);
        let mut svg = plotters_svg::SVGBackend::with_string(&mut out, size);
        // Writing into a String cannot fail.
        let _ = draw(&mut svg, &scene.marks, palette, Target::svg());
    }
    out
}
