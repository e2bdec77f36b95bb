//! What every chart draws with: the colours, the font and fitting text to a width, and where
//! a drawn mark landed.

use plotters::prelude::*;
use plotters::style::text_anchor::Pos;

use crate::data::Sector;
use crate::engine::map::{Fill, VALUE_BANDS};

/// Colours for one colour scheme. Bar colours are the Okabe–Ito colour-blind-safe pair
/// (blue and vermillion), each at least 3:1 against the background.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub voluntary: RGBColor,
    pub private: RGBColor,
    /// Lead providers whose sector no source states: a light grey.
    pub not_stated: RGBColor,
    /// Bars with no sector split: a neutral grey, never a sector's hue, so a view of one
    /// sector's awards is not drawn in the other's colour.
    pub single: RGBColor,
    /// Map: value bands, least to most (one hue, rising darkness on light, lightness on dark).
    pub bands: [RGBColor; VALUE_BANDS],
    pub mostly_voluntary: RGBColor,
    pub mostly_private: RGBColor,
    pub covered: RGBColor,
    pub until: RGBColor,
    pub separate: RGBColor,
    pub gap: RGBColor,
    pub no_award: RGBColor,
    pub outside: RGBColor,
}

impl Palette {
    pub const LIGHT: Palette = Palette {
        background: RGBColor(255, 255, 255),
        text: RGBColor(27, 27, 27),
        muted: RGBColor(74, 74, 74),
        grid: RGBColor(208, 208, 208),
        voluntary: RGBColor(0, 114, 178),
        private: RGBColor(213, 94, 0),
        not_stated: RGBColor(170, 170, 170),
        single: RGBColor(90, 90, 90),
        bands: [
            RGBColor(198, 219, 239),
            RGBColor(158, 202, 225),
            RGBColor(107, 174, 214),
            RGBColor(49, 130, 189),
            RGBColor(8, 81, 156),
        ],
        mostly_voluntary: RGBColor(140, 196, 232),
        mostly_private: RGBColor(240, 180, 120),
        covered: RGBColor(0, 114, 178),
        until: RGBColor(150, 200, 232),
        separate: RGBColor(204, 121, 167),
        gap: RGBColor(213, 94, 0),
        no_award: RGBColor(222, 222, 222),
        outside: RGBColor(246, 246, 246),
    };
    pub const DARK: Palette = Palette {
        background: RGBColor(22, 22, 22),
        text: RGBColor(240, 240, 240),
        muted: RGBColor(196, 196, 196),
        grid: RGBColor(74, 74, 74),
        voluntary: RGBColor(86, 180, 233),
        private: RGBColor(230, 159, 0),
        not_stated: RGBColor(120, 120, 120),
        single: RGBColor(190, 190, 190),
        bands: [
            RGBColor(28, 55, 92),
            RGBColor(33, 88, 140),
            RGBColor(49, 130, 189),
            RGBColor(107, 174, 214),
            RGBColor(198, 219, 239),
        ],
        mostly_voluntary: RGBColor(35, 100, 145),
        mostly_private: RGBColor(150, 95, 20),
        covered: RGBColor(86, 180, 233),
        until: RGBColor(30, 85, 125),
        separate: RGBColor(204, 121, 167),
        gap: RGBColor(230, 110, 40),
        no_award: RGBColor(70, 70, 70),
        outside: RGBColor(34, 34, 34),
    };

    /// The colour of a map tile's fill.
    pub fn fill(&self, f: Fill) -> RGBColor {
        match f {
            Fill::Band(b) => self.bands[b.min(VALUE_BANDS - 1)],
            Fill::Voluntary => self.voluntary,
            Fill::MostlyVoluntary => self.mostly_voluntary,
            Fill::MostlyPrivate => self.mostly_private,
            Fill::Private => self.private,
            Fill::Covered => self.covered,
            Fill::Until(_) => self.until,
            Fill::Separate => self.separate,
            Fill::Gap => self.gap,
            Fill::NoAward => self.no_award,
            Fill::Outside => self.outside,
        }
    }

    pub fn sector(&self, s: Sector) -> RGBColor {
        match s {
            Sector::Voluntary => self.voluntary,
            Sector::Private => self.private,
            Sector::NotStated => self.not_stated,
        }
    }
}

/// Where a bar's row was drawn, in backend pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub index: usize,
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
}

/// Chart text size in CSS pixels (the canvas backend draws at exactly this size).
pub(crate) const FONT: f64 = 14.0;

/// The chart font at `px` CSS pixels drawn at `scale`, in `style`, `colour`, anchored at `pos`.
pub(crate) fn text_style(
    px: f64,
    scale: f64,
    style: FontStyle,
    colour: &RGBColor,
    pos: Pos,
) -> TextStyle<'static> {
    (FontFamily::SansSerif, px * scale, style)
        .into_font()
        .color(colour)
        .pos(pos)
}

/// Measures how wide `text` is when drawn at `px` pixels of the chart font. The page measures
/// with the canvas itself; plotters' own measuring adds styled elements to the page, which a
/// strict Content-Security-Policy forbids.
pub type Measure<'a> = &'a dyn Fn(&str, f64) -> f64;

/// A measure that needs no browser: an average character is about 0.55 of the font size.
pub fn estimate_width(text: &str, px: f64) -> f64 {
    text.chars().count() as f64 * px * 0.55
}

/// Shortens `text` with an ellipsis until it fits `max` pixels.
pub(crate) fn fit(text: &str, max: i32, width: &dyn Fn(&str) -> i32) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    for n in (1..chars.len()).rev() {
        let s: String = chars[..n].iter().collect::<String>() + "…";
        if width(&s) <= max {
            return s;
        }
    }
    "…".to_string()
}
