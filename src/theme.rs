//! Colours by role. Layout says what a mark is (text, grid, series 2…); the theme says what
//! colour that is in light or dark mode. Contrast is checked in the tests (WCAG AA).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    Background,
    Text,
    Muted,
    Grid,
    Axis,
    /// Background of a bullet chart's track.
    Track,
    /// Text drawn on top of a series colour.
    OnSeries,
    Series(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let ch = |c: u8| {
            let c = c as f64 / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(self.0) + 0.7152 * ch(self.1) + 0.0722 * ch(self.2)
    }
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    pub background: Rgb,
    pub text: Rgb,
    pub muted: Rgb,
    pub grid: Rgb,
    pub axis: Rgb,
    pub track: Rgb,
    /// Chosen from the Okabe–Ito / Tableau colour-blind-safe families, darkened or lightened
    /// until each has 3:1 contrast with the background.
    pub series: [Rgb; 8],
}

pub const LIGHT: Palette = Palette {
    background: Rgb(0xff, 0xff, 0xff),
    text: Rgb(0x1f, 0x23, 0x28),
    muted: Rgb(0x57, 0x60, 0x6a),
    grid: Rgb(0xe1, 0xe5, 0xea),
    axis: Rgb(0x8c, 0x95, 0x9f),
    track: Rgb(0xe8, 0xec, 0xf0),
    series: [
        Rgb(0x1f, 0x5f, 0xa8),
        Rgb(0xc2, 0x41, 0x0c),
        Rgb(0x04, 0x78, 0x57),
        Rgb(0x7c, 0x3a, 0xed),
        Rgb(0xb9, 0x1c, 0x1c),
        Rgb(0x8a, 0x5a, 0x00),
        Rgb(0x0e, 0x74, 0x90),
        Rgb(0xbe, 0x18, 0x5d),
    ],
};

pub const DARK: Palette = Palette {
    background: Rgb(0x15, 0x19, 0x1e),
    text: Rgb(0xe6, 0xed, 0xf3),
    muted: Rgb(0xa0, 0xaa, 0xb6),
    grid: Rgb(0x30, 0x36, 0x3d),
    axis: Rgb(0x6e, 0x76, 0x81),
    track: Rgb(0x2a, 0x31, 0x38),
    series: [
        Rgb(0x6c, 0xb6, 0xff),
        Rgb(0xfb, 0x92, 0x3c),
        Rgb(0x34, 0xd3, 0x99),
        Rgb(0xc4, 0xb5, 0xfd),
        Rgb(0xf8, 0x71, 0x71),
        Rgb(0xfa, 0xcc, 0x15),
        Rgb(0x22, 0xd3, 0xee),
        Rgb(0xf4, 0x72, 0xb6),
    ],
};

impl Palette {
    pub fn for_dark(dark: bool) -> &'static Palette {
        if dark {
            &DARK
        } else {
            &LIGHT
        }
    }
    pub fn color(&self, p: Paint) -> Rgb {
        match p {
            Paint::Background => self.background,
            Paint::Text => self.text,
            Paint::Muted => self.muted,
            Paint::Grid => self.grid,
            Paint::Axis => self.axis,
            Paint::Track => self.track,
            Paint::OnSeries => self.background,
            Paint::Series(i) => self.series[i % self.series.len()],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_series_meet_wcag_aa_in_both_themes() {
        for p in [&LIGHT, &DARK] {
            assert!(p.text.contrast(p.background) >= 7.0);
            assert!(p.muted.contrast(p.background) >= 4.5, "muted {}", p.muted.hex());
            for s in p.series {
                // Marks: 3:1 against the page (WCAG 1.4.11); labels drawn on a bar: 4.5:1.
                assert!(s.contrast(p.background) >= 3.0, "series {} on {}", s.hex(), p.background.hex());
                assert!(s.contrast(p.background) >= 4.5 || p.background.contrast(s) >= 4.5, "label on {}", s.hex());
            }
        }
    }
}
