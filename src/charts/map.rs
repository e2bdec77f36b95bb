//! The tile-grid map: one equal square per PCC area at its place in `areas.csv`, coloured
//! by the map's fill, with thick lines around each probation region and a legend.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::paint::{fit, text_style, Hit, Measure, Palette, FONT};
use crate::data::Dataset;
use crate::engine::embed::white_reads_better;
use crate::engine::AreaMap;

const PAD: f64 = 6.0;
const MAX_TILE: f64 = 64.0;
const MIN_TILE: f64 = 30.0;
/// At this width (CSS pixels) and above, the legend sits beside the map, else below it.
const SIDE_BY_SIDE: f64 = 560.0;
const LEGEND_WIDTH: f64 = 250.0;
const LEGEND_ROW: f64 = 24.0;
const SWATCH: f64 = 16.0;
/// Space between a tile's square and its neighbours', each side.
const INSET: f64 = 2.0;

/// Where the map and its legend go, in CSS pixels, for a given width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapLayout {
    /// The side of one tile's cell.
    pub tile: f64,
    /// The top left of the grid.
    pub origin: (f64, f64),
    /// The top left of the legend.
    pub legend: (f64, f64),
    pub legend_width: f64,
    pub height: f64,
}

impl MapLayout {
    pub fn new(width: u32, map: &AreaMap) -> MapLayout {
        let width = f64::from(width);
        let (cols, rows) = (f64::from(map.size.0.max(1)), f64::from(map.size.1.max(1)));
        let legend_height = (map.legend.len() as f64 + 2.0) * LEGEND_ROW;
        if width >= SIDE_BY_SIDE {
            let tile = ((width - 2.0 * PAD - 24.0 - LEGEND_WIDTH) / cols).clamp(MIN_TILE, MAX_TILE);
            let legend_x = PAD + cols * tile + 24.0;
            MapLayout {
                tile,
                origin: (PAD, PAD),
                legend: (legend_x, PAD),
                legend_width: width - legend_x - PAD,
                height: 2.0 * PAD + (rows * tile).max(legend_height),
            }
        } else {
            let tile = ((width - 2.0 * PAD) / cols).clamp(MIN_TILE, MAX_TILE);
            let legend_y = PAD + rows * tile + 16.0;
            MapLayout {
                tile,
                origin: (PAD, PAD),
                legend: (PAD, legend_y),
                legend_width: width - 2.0 * PAD,
                height: legend_y + legend_height + PAD,
            }
        }
    }

    /// The top left of the cell at `(column, row)`.
    pub fn cell(&self, (col, row): (u8, u8)) -> (f64, f64) {
        (
            self.origin.0 + f64::from(col) * self.tile,
            self.origin.1 + f64::from(row) * self.tile,
        )
    }

    /// The filled square of the cell at `(column, row)`: top left and side.
    pub fn square(&self, at: (u8, u8)) -> (f64, f64, f64) {
        let (x, y) = self.cell(at);
        (x + INSET, y + INSET, self.tile - 2.0 * INSET)
    }

    /// Height in whole CSS pixels.
    pub fn height_px(&self) -> u32 {
        self.height.ceil() as u32
    }
}

/// Black or white, whichever reads better on `c`.
fn ink_on(c: RGBColor) -> RGBColor {
    if white_reads_better(c.0, c.1, c.2) {
        WHITE
    } else {
        BLACK
    }
}

/// Draws the map filling `area`; `scale` is the device-pixel ratio. Returns each area's
/// cell (its `index` is the area's index), for click targets.
pub fn draw_map<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    map: &AreaMap,
    ds: &Dataset,
    palette: &Palette,
    scale: f64,
    measure: Measure,
) -> Result<Vec<Hit>, DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&palette.background)?;
    let (width, _) = area.dim_in_pixel();
    let layout = MapLayout::new((f64::from(width) / scale).round() as u32, map);
    let px = |v: f64| (v * scale).round() as i32;
    let code_px = (layout.tile * 0.34).min(FONT);
    let centred = Pos::new(HPos::Center, VPos::Center);
    let mut hits = Vec::with_capacity(map.tiles.len());
    for t in &map.tiles {
        let a = &ds.areas[t.area];
        let (x, y, side) = layout.square(a.tile);
        let fill = palette.fill(t.fill);
        area.draw(&Rectangle::new(
            [(px(x), px(y)), (px(x + side), px(y + side))],
            fill.filled(),
        ))?;
        let ink = if t.fill == crate::engine::Fill::Outside {
            palette.muted
        } else {
            ink_on(fill)
        };
        let style = text_style(code_px, scale, FontStyle::Bold, &ink, centred);
        area.draw(&Text::new(
            a.code.clone(),
            (px(x + side / 2.0), px(y + side / 2.0)),
            style,
        ))?;
        if t.selected {
            // Two rings, dark then light (or the reverse in dark mode), so the mark shows on
            // any fill. Paths, not stroked rectangles: every backend honours a path's width.
            for (inset, width, colour) in [(1.5, 3.0, palette.text), (4.0, 2.0, palette.background)]
            {
                let (l, r) = (px(x + inset), px(x + side - inset));
                let (top, bottom) = (px(y + inset), px(y + side - inset));
                area.draw(&PathElement::new(
                    vec![(l, top), (r, top), (r, bottom), (l, bottom), (l, top)],
                    colour.stroke_width(px(width).max(1) as u32),
                ))?;
            }
        }
        let (cx, cy) = layout.cell(a.tile);
        hits.push(Hit {
            index: t.area,
            x: px(cx),
            y: px(cy),
            width: px(layout.tile) as u32,
            height: px(layout.tile) as u32,
        });
    }
    draw_region_lines(area, ds, &layout, palette, scale)?;
    draw_legend(area, map, ds, &layout, palette, scale, measure)?;
    Ok(hits)
}

/// A thick line along every cell edge whose neighbour is in another region, or is no area.
fn draw_region_lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ds: &Dataset,
    layout: &MapLayout,
    palette: &Palette,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale).round() as i32;
    let region_at = |col: i32, row: i32| {
        ds.areas
            .iter()
            .find(|a| i32::from(a.tile.0) == col && i32::from(a.tile.1) == row)
            .map(|a| a.region)
    };
    let stroke = palette.text.stroke_width(px(2.0).max(1) as u32);
    for a in &ds.areas {
        let (col, row) = (i32::from(a.tile.0), i32::from(a.tile.1));
        let (x, y) = layout.cell(a.tile);
        let t = layout.tile;
        let edges = [
            ((0, -1), (x, y), (x + t, y)),
            ((0, 1), (x, y + t), (x + t, y + t)),
            ((-1, 0), (x, y), (x, y + t)),
            ((1, 0), (x + t, y), (x + t, y + t)),
        ];
        for ((dx, dy), from, to) in edges {
            if region_at(col + dx, row + dy) != Some(a.region) {
                area.draw(&PathElement::new(
                    vec![(px(from.0), px(from.1)), (px(to.0), px(to.1))],
                    stroke,
                ))?;
            }
        }
    }
    Ok(())
}

/// The legend: what colours the map, a swatch per fill with its number of areas, and what
/// the thick lines are.
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    map: &AreaMap,
    ds: &Dataset,
    layout: &MapLayout,
    palette: &Palette,
    scale: f64,
    measure: Measure,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale).round() as i32;
    let left = Pos::new(HPos::Left, VPos::Center);
    let title = text_style(FONT, scale, FontStyle::Bold, &palette.text, left);
    let text = text_style(FONT, scale, FontStyle::Normal, &palette.text, left);
    let (x, mut y) = layout.legend;
    let room = px(layout.legend_width - SWATCH - 8.0);
    let width = |s: &str| measure(s, FONT * scale).ceil() as i32;
    let mid = |y: f64| px(y + LEGEND_ROW / 2.0);
    area.draw(&Text::new(
        fit(&map.title(ds), px(layout.legend_width), &width),
        (px(x), mid(y)),
        title,
    ))?;
    y += LEGEND_ROW;
    for e in &map.legend {
        let top = y + (LEGEND_ROW - SWATCH) / 2.0;
        area.draw(&Rectangle::new(
            [(px(x), px(top)), (px(x + SWATCH), px(top + SWATCH))],
            palette.fill(e.fill).filled(),
        ))?;
        area.draw(&Rectangle::new(
            [(px(x), px(top)), (px(x + SWATCH), px(top + SWATCH))],
            palette.grid.stroke_width(1),
        ))?;
        let label = format!("{} · {}", e.label, e.areas);
        area.draw(&Text::new(
            fit(&label, room, &width),
            (px(x + SWATCH + 8.0), mid(y)),
            text.clone(),
        ))?;
        y += LEGEND_ROW;
    }
    area.draw(&PathElement::new(
        vec![(px(x), mid(y)), (px(x + SWATCH), mid(y))],
        palette.text.stroke_width(px(2.0).max(1) as u32),
    ))?;
    area.draw(&Text::new(
        fit(crate::lang::t(crate::lang::m::MAP_BOUNDARY), room, &width),
        (px(x + SWATCH + 8.0), mid(y)),
        text,
    ))?;
    Ok(())
}
