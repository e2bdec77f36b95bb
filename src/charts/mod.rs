//! Charts: what each chart shows (built from the engine) and drawing functions generic over
//! plotters' `DrawingBackend`, which return where each bar landed so the page can make bars
//! clickable. Tested natively on the SVG backend.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::data::{Dataset, Month, NoteKind, Sector};
use crate::engine::schedule::has_passed;
use crate::engine::sort::{first_k, sort_by};
use crate::engine::text::count;
use crate::engine::text::{pounds, pounds_short, thousands};
use crate::engine::totals::by_value_desc;
use crate::engine::totals::Summary;
use crate::engine::{Dim, Key, Totals};
use crate::lang::{self, m};

mod map;
mod paint;
pub use map::{draw_map, MapLayout};
pub use paint::{estimate_width, Hit, Measure, Palette};
use paint::{fit, text_style, FONT};

/// One bar: what it filters by, its label, its value split by sector, and a note drawn after it.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub key: Key,
    pub label: String,
    /// Value per sector, in `Sector::ALL` order; a bar with no split puts it all first.
    pub values: [u64; 3],
    /// The contracts it counts.
    pub contracts: usize,
    pub note: String,
}

impl Bar {
    pub fn total(&self) -> u64 {
        self.values.iter().sum()
    }
}

/// What a chart's bars measure: value where every award of the dataset has a published
/// one, and contracts otherwise (a value chart of a dataset without values would be empty).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    Value,
    Contracts,
}

impl Basis {
    pub fn of(ds: &Dataset) -> Basis {
        if ds.all_valued() {
            Basis::Value
        } else {
            Basis::Contracts
        }
    }

    /// An amount of this measure, in short: "£1.2m" or "3 contracts".
    pub fn short(self, n: u64) -> String {
        match self {
            Basis::Value => pounds_short(n),
            Basis::Contracts => contracts(n as usize),
        }
    }

    /// What the charts' titles call the measure: "Value" or "Contracts".
    pub fn noun(self) -> &'static str {
        lang::t(match self {
            Basis::Value => m::BASIS_VALUE,
            Basis::Contracts => m::BASIS_CONTRACTS,
        })
    }

    /// A group's amount of this measure, split by sector in `Sector::ALL` order.
    fn by_sector(self, t: &Totals) -> [u64; 3] {
        let (all, voluntary, private) = match self {
            Basis::Value => (t.value, t.voluntary_value, t.private_value),
            Basis::Contracts => (
                t.contracts as u64,
                t.voluntary_contracts as u64,
                t.private_contracts as u64,
            ),
        };
        split(&[
            (Sector::Voluntary, voluntary),
            (Sector::Private, private),
            (Sector::NotStated, all.saturating_sub(voluntary + private)),
        ])
    }

    fn total(self, t: &Totals) -> u64 {
        match self {
            Basis::Value => t.value,
            Basis::Contracts => t.contracts as u64,
        }
    }

    /// A bar's note: "£13.4m · 7 contracts", or "7 contracts".
    fn note(self, t: &Totals) -> String {
        match self {
            Basis::Value => value_and_contracts(t),
            Basis::Contracts => contracts(t.contracts),
        }
    }
}

/// A horizontal bar chart.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    pub basis: Basis,
    pub bars: Vec<Bar>,
    /// Whether bars are split by sector (else drawn in one colour).
    pub by_sector: bool,
    /// Groups left out after the largest `MAX_BARS`: how many, and their value.
    pub left_out: Option<(usize, u64)>,
}

/// The most bars a chart draws; the rest are counted in `BarChart::left_out`. A dataset
/// with thousands of lead providers would otherwise need a canvas taller than browsers draw.
pub const MAX_BARS: usize = 30;

impl BarChart {
    /// A short text alternative: the largest bars in words.
    pub fn summary(&self) -> String {
        if self.bars.is_empty() {
            return lang::t(m::CHART_EMPTY).to_string();
        }
        let mut sorted: Vec<&Bar> = self.bars.iter().collect();
        sort_by(&mut sorted, |a, b| b.total().cmp(&a.total()));
        let top: Vec<String> = sorted
            .iter()
            .take(3)
            .map(|b| format!("{} {}", b.label, self.basis.short(b.total())))
            .collect();
        let mut text = lang::fill(m::CHART_LARGEST, &[("bars", &top.join("; "))]);
        if let Some((n, value)) = self.left_out {
            text.push(' ');
            text.push_str(&lang::fill(
                m::CHART_LEFT_OUT,
                &[
                    ("drawn", &self.bars.len().to_string()),
                    ("all", &thousands((self.bars.len() + n) as u64)),
                    ("n", &thousands(n as u64)),
                    ("value", &self.basis.short(value)),
                ],
            ));
        }
        text
    }
}

/// Below this width (CSS pixels) each label sits above its bar, leaving the bar the full width.
pub(crate) const STACK_BELOW: u32 = 520;

/// Height in CSS pixels a bar chart of `bars` bars needs at `width` CSS pixels.
pub fn bar_chart_height(bars: usize, width: u32) -> u32 {
    let row = if width < STACK_BELOW {
        STACKED_ROW
    } else {
        ROW
    };
    (bars.max(1) as u32) * row + 2 * PAD
}

const ROW: u32 = 28;
const STACKED_ROW: u32 = 46;
const PAD: u32 = 6;
fn split(groups_by_sector: &[(Sector, u64)]) -> [u64; 3] {
    let mut v = [0; 3];
    for (s, value) in groups_by_sector {
        v[Sector::ALL.iter().position(|x| x == s).unwrap_or(0)] += value;
    }
    v
}

/// Value (or contracts: `Basis`) by region, split by sector, in file order.
pub fn region_chart(ds: &Dataset, summary: &Summary) -> BarChart {
    let basis = Basis::of(ds);
    let bars = summary
        .group(Dim::Region)
        .iter()
        .map(|g| {
            let t = &g.totals;
            Bar {
                key: g.key,
                label: g.key.label(ds),
                values: basis.by_sector(t),
                contracts: t.contracts,
                note: basis.short(basis.total(t)),
            }
        })
        .collect();
    BarChart {
        basis,
        bars,
        by_sector: true,
        left_out: None,
    }
}

/// Value (or contracts: `Basis`) by service category.
pub fn category_chart(ds: &Dataset, summary: &Summary) -> BarChart {
    let basis = Basis::of(ds);
    let bars = summary
        .group(Dim::Category)
        .iter()
        .map(|g| Bar {
            key: g.key,
            label: g.key.label(ds),
            values: [basis.total(&g.totals), 0, 0],
            contracts: g.totals.contracts,
            note: basis.note(&g.totals),
        })
        .collect();
    BarChart {
        basis,
        bars,
        by_sector: false,
        left_out: None,
    }
}

/// Lead providers ranked by value (or by contracts: `Basis`), coloured by sector, with
/// their contract counts.
pub fn provider_chart(ds: &Dataset, summary: &Summary) -> BarChart {
    ranked_chart(ds, summary, Dim::Provider)
}

/// Buyers ranked as lead providers are, each split by its lead providers' sectors.
pub fn buyer_chart(ds: &Dataset, summary: &Summary) -> BarChart {
    ranked_chart(ds, summary, Dim::Buyer)
}

/// The groups of `dim` ranked by value (or by contracts: `Basis`), the largest
/// `MAX_BARS` drawn, split by sector.
fn ranked_chart(ds: &Dataset, summary: &Summary, dim: Dim) -> BarChart {
    let basis = Basis::of(ds);
    let groups = summary.group(dim);
    let first = first_k(groups.len(), MAX_BARS, &|i, j| match basis {
        Basis::Value => by_value_desc(&groups[i], &groups[j]),
        Basis::Contracts => groups[j]
            .totals
            .contracts
            .cmp(&groups[i].totals.contracts)
            .then(groups[i].key.cmp(&groups[j].key)),
    });
    let left_out = (groups.len() > first.len()).then(|| {
        let all: u64 = groups.iter().map(|g| basis.total(&g.totals)).sum();
        let drawn: u64 = first.iter().map(|&i| basis.total(&groups[i].totals)).sum();
        (groups.len() - first.len(), all - drawn)
    });
    let bars = first
        .into_iter()
        .map(|i| {
            let g = &groups[i];
            Bar {
                key: g.key,
                label: g.key.label(ds),
                values: basis.by_sector(&g.totals),
                contracts: g.totals.contracts,
                note: basis.note(&g.totals),
            }
        })
        .collect();
    BarChart {
        basis,
        bars,
        by_sector: true,
        left_out,
    }
}

/// Contracts by the month they are scheduled to end, on a time axis from the start to
/// today or the last end, whichever is later.
pub fn timeline(ds: &Dataset, summary: &Summary, today: Month) -> Timeline {
    let points = summary
        .group(Dim::End)
        .iter()
        .filter_map(|g| match g.key {
            Key::End(m) => Some(TimelinePoint {
                month: m,
                contracts: g.totals.contracts,
                value: g.totals.value,
            }),
            _ => None,
        })
        .collect();
    Timeline {
        start: ds.start.month(),
        today,
        points,
        next: ds
            .notes
            .iter()
            .filter(|n| n.kind == NoteKind::Next)
            .map(|n| n.date)
            .min(),
    }
}

/// A bar's note: "£13.4m · 7 contracts".
fn value_and_contracts(t: &Totals) -> String {
    format!("{} · {}", pounds_short(t.value), contracts(t.contracts))
}

fn contracts(n: usize) -> String {
    count(n, m::N_CONTRACTS_ONE, m::N_CONTRACTS_MANY)
}

/// Draws a horizontal bar chart filling `area`; `scale` is the device-pixel ratio.
/// Returns each bar row's rectangle, for click targets.
pub fn draw_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &BarChart,
    palette: &Palette,
    scale: f64,
    measure: Measure,
) -> Result<Vec<Hit>, DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&palette.background)?;
    let (width, _) = area.dim_in_pixel();
    let px = |v: u32| (f64::from(v) * scale).round() as i32;
    let font = (FontFamily::SansSerif, FONT * scale).into_font();
    let label_style = font
        .clone()
        .color(&palette.text)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let note_style = font
        .clone()
        .color(&palette.muted)
        .pos(Pos::new(HPos::Left, VPos::Center));
    if chart.bars.is_empty() {
        area.draw(&Text::new(
            lang::t(m::CHART_EMPTY_DRAWN),
            (px(PAD), px(ROW / 2 + PAD)),
            label_style,
        ))?;
        return Ok(Vec::new());
    }
    let text_width = |s: &str| measure(s, FONT * scale).ceil() as i32;
    let mut label_w = 0;
    let mut note_w = 0;
    for b in &chart.bars {
        label_w = label_w.max(text_width(&b.label));
        note_w = note_w.max(text_width(&b.note));
    }
    let gap = px(8);
    let width = width as i32;
    // Narrow: each label on its own line above a full-width bar. Wide: labels take at most 45%.
    let stacked = f64::from(width) / scale < f64::from(STACK_BELOW);
    let row = px(if stacked { STACKED_ROW } else { ROW });
    let label_w = if stacked {
        width - 2 * px(PAD)
    } else {
        label_w.min(width * 45 / 100)
    };
    let bar_x = if stacked {
        px(PAD)
    } else {
        px(PAD) + label_w + gap
    };
    let bar_max = (width - bar_x - gap - note_w - px(PAD)).max(px(20));
    let max = chart.bars.iter().map(Bar::total).max().unwrap_or(0).max(1);
    let mut hits = Vec::with_capacity(chart.bars.len());
    for (i, b) in chart.bars.iter().enumerate() {
        let top = px(PAD) + row * i as i32;
        let (label_y, bar_top) = if stacked {
            (top + px(9), top + px(18))
        } else {
            (top + px(ROW) / 2, top)
        };
        let mid = bar_top + px(ROW) / 2;
        let label = fit(&b.label, label_w, &text_width);
        area.draw(&Text::new(label, (px(PAD), label_y), label_style.clone()))?;
        let mut x = bar_x;
        for (s, &v) in b.values.iter().enumerate() {
            let w = ((v as f64 / max as f64) * f64::from(bar_max)).round() as i32;
            if w <= 0 {
                continue;
            }
            let color = if chart.by_sector {
                palette.sector(Sector::ALL[s])
            } else {
                palette.single
            };
            let rect = [(x, bar_top + px(5)), (x + w, bar_top + px(ROW) - px(5))];
            area.draw(&Rectangle::new(rect, color.filled()))?;
            x += w;
        }
        area.draw(&Text::new(
            b.note.clone(),
            (x + gap, mid),
            note_style.clone(),
        ))?;
        hits.push(Hit {
            index: i,
            x: 0,
            y: top,
            width: width.max(0) as u32,
            height: row as u32,
        });
    }
    Ok(hits)
}

/// Contracts ending in one month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelinePoint {
    pub month: Month,
    pub contracts: usize,
    /// Full values of the awards with a contract ending then (not split).
    pub value: u64,
}

/// Scheduled contract ends on a time axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    pub start: Month,
    /// This month, marked on the axis.
    pub today: Month,
    pub points: Vec<TimelinePoint>,
    /// When what is announced to come next is due to start (`NoteKind::Next`), marked too.
    pub next: Option<Month>,
}

impl Timeline {
    pub fn summary(&self) -> String {
        if self.points.is_empty() {
            return lang::t(m::TIMELINE_EMPTY).to_string();
        }
        let parts: Vec<String> = self
            .points
            .iter()
            .map(|p| {
                lang::fill(
                    m::TIMELINE_PART,
                    &[
                        ("month", &p.month.label()),
                        ("contracts", &contracts(p.contracts)),
                    ],
                )
            })
            .collect();
        let passed = self
            .points
            .iter()
            .filter(|p| has_passed(p.month, self.today))
            .count();
        let template = match passed {
            0 => m::TIMELINE_NONE_PASSED,
            n if n == self.points.len() => m::TIMELINE_ALL_PASSED,
            _ => m::TIMELINE_SOME_PASSED,
        };
        let mut text = lang::fill(
            template,
            &[
                ("start", &self.start.label()),
                ("ends", &parts.join("; ")),
                ("today", &self.today.label()),
            ],
        );
        if let Some(next) = self.next {
            let template = if has_passed(next, self.today) {
                m::TIMELINE_NEXT_PASSED
            } else {
                m::TIMELINE_NEXT
            };
            text.push(' ');
            text.push_str(&lang::fill(template, &[("month", &next.label())]));
        }
        text
    }
}

/// Height in CSS pixels of the timeline.
pub const TIMELINE_HEIGHT: u32 = 170;

fn months_between(a: Month, b: Month) -> i32 {
    (i32::from(b.year) - i32::from(a.year)) * 12 + i32::from(b.month) - i32::from(a.month)
}

/// Draws the timeline: a year axis from the start month, a column per end month whose
/// height is its number of contracts. Returns each column's rectangle, for click targets.
pub fn draw_timeline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    timeline: &Timeline,
    palette: &Palette,
    scale: f64,
) -> Result<Vec<Hit>, DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&palette.background)?;
    let (width, height) = area.dim_in_pixel();
    let (width, height) = (width as i32, height as i32);
    let px = |v: f64| (v * scale).round() as i32;
    let font = (FontFamily::SansSerif, FONT * scale).into_font();
    let centred = font
        .clone()
        .color(&palette.text)
        .pos(Pos::new(HPos::Center, VPos::Bottom));
    let axis_text = font
        .clone()
        .color(&palette.muted)
        .pos(Pos::new(HPos::Center, VPos::Top));
    let left = px(24.0);
    let right = width - px(24.0);
    let axis_y = height - px(28.0);
    let top = px(24.0);
    let first_year = timeline.start.year;
    let last = timeline
        .points
        .iter()
        .map(|p| p.month)
        .max()
        .unwrap_or(timeline.start)
        .max(timeline.today)
        .max(timeline.next.unwrap_or(timeline.start));
    let last_year = last.year + 1;
    let origin = Month {
        year: first_year,
        month: 1,
    };
    let span = months_between(
        origin,
        Month {
            year: last_year,
            month: 1,
        },
    )
    .max(1);
    let x_of = |m: Month| left + (right - left) * months_between(origin, m) / span;
    area.draw(&PathElement::new(
        vec![(left, axis_y), (right, axis_y)],
        palette.grid.stroke_width(px(1.0).max(1) as u32),
    ))?;
    // Label every year where there is room (about 44 CSS pixels each), else every other year.
    let per_year = f64::from(right - left) / scale / f64::from((last_year - first_year).max(1));
    let step = if per_year < 44.0 { 2 } else { 1 };
    for year in first_year..=last_year {
        let x = x_of(Month { year, month: 1 });
        area.draw(&PathElement::new(
            vec![(x, axis_y), (x, axis_y + px(5.0))],
            palette.grid,
        ))?;
        if (year - first_year).is_multiple_of(step) {
            let label = Text::new(year.to_string(), (x, axis_y + px(7.0)), axis_text.clone());
            area.draw(&label)?;
        }
    }
    let start_x = x_of(timeline.start);
    area.draw(&Circle::new(
        (start_x, axis_y),
        px(4.0),
        palette.text.filled(),
    ))?;
    let start_style = font
        .clone()
        .color(&palette.muted)
        .pos(Pos::new(HPos::Left, VPos::Bottom));
    area.draw(&Text::new(
        lang::t(m::TIMELINE_START),
        (start_x + px(6.0), axis_y - px(4.0)),
        start_style,
    ))?;
    // Today: a dashed rule across the plot, labelled at its top, on the side with room.
    let today_x = x_of(timeline.today);
    let mut y = top;
    while y < axis_y {
        let end = (y + px(4.0)).min(axis_y);
        area.draw(&PathElement::new(
            vec![(today_x, y), (today_x, end)],
            palette.text.stroke_width(px(1.0).max(1) as u32),
        ))?;
        y += px(8.0);
    }
    let room_right = right - today_x > px(48.0);
    let today_style = font.clone().color(&palette.text).pos(Pos::new(
        if room_right { HPos::Left } else { HPos::Right },
        VPos::Top,
    ));
    let label_x = if room_right {
        today_x + px(4.0)
    } else {
        today_x - px(4.0)
    };
    area.draw(&Text::new(
        lang::t(m::TIMELINE_TODAY),
        (label_x, top - px(20.0)),
        today_style,
    ))?;
    // What comes next: a hollow mark on the axis, labelled "Next" below the top.
    if let Some(next) = timeline.next {
        let x = x_of(next);
        area.draw(&Circle::new(
            (x, axis_y),
            px(5.0),
            palette.text.stroke_width(px(1.5).max(1) as u32),
        ))?;
        let right_side = right - x > px(40.0);
        let style = font.clone().color(&palette.text).pos(Pos::new(
            if right_side { HPos::Left } else { HPos::Right },
            VPos::Bottom,
        ));
        let at = if right_side { x + px(7.0) } else { x - px(7.0) };
        area.draw(&Text::new(
            lang::t(m::TIMELINE_NEXT_MARK),
            (at, axis_y - px(4.0)),
            style,
        ))?;
    }
    let max = timeline
        .points
        .iter()
        .map(|p| p.contracts)
        .max()
        .unwrap_or(1)
        .max(1);
    let column = px(14.0);
    let mut hits = Vec::new();
    for (i, p) in timeline.points.iter().enumerate() {
        let x = x_of(p.month);
        let h = (axis_y - top - px(18.0)) * p.contracts as i32 / max as i32;
        area.draw(&Rectangle::new(
            [(x - column / 2, axis_y - h), (x + column / 2, axis_y)],
            palette.single.filled(),
        ))?;
        area.draw(&Text::new(
            p.contracts.to_string(),
            (x, axis_y - h - px(3.0)),
            centred.clone(),
        ))?;
        hits.push(Hit {
            index: i,
            x: x - px(18.0),
            y: top,
            width: px(36.0) as u32,
            height: (axis_y - top) as u32,
        });
    }
    Ok(hits)
}

/// The exact figures behind a bar, for the click target's name: what the bar and its
/// note show.
#[cfg_attr(not(feature = "ui"), allow(dead_code))] // the page's, not the command line's
pub(crate) fn bar_description(bar: &Bar, by_sector: bool, basis: Basis) -> String {
    let contracts = self::contracts(bar.contracts);
    let amount = |v: u64| match basis {
        Basis::Value => pounds(v),
        Basis::Contracts => v.to_string(),
    };
    let parts: Vec<String> = [m::SPLIT_VOLUNTARY, m::SPLIT_PRIVATE, m::SPLIT_NOT_STATED]
        .map(lang::t)
        .iter()
        .zip(bar.values)
        .filter(|(_, v)| *v > 0)
        .map(|(part, v)| format!("{} {part}", amount(v)))
        .collect();
    let split = if by_sector && parts.len() > 1 {
        format!(" ({})", parts.join(", "))
    } else {
        String::new()
    };
    match basis {
        Basis::Value => format!("{}: {}{split}, {contracts}", bar.label, pounds(bar.total())),
        Basis::Contracts => format!("{}: {contracts}{split}", bar.label),
    }
}

/// The words drawn around a chart in a downloaded image, wrapped to the image's width.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub title: String,
    /// Lines under the title: the active filters.
    pub top: Vec<String>,
    /// Lines under the chart: the source and the "data as at" date.
    pub bottom: Vec<String>,
}

const TITLE_PX: f64 = 18.0;
const LINE_PX: f64 = 18.0;
const MARGIN: f64 = 12.0;

/// Splits `text` into lines no wider than `max` pixels (a word longer than that stands alone).
pub(crate) fn wrap(text: &str, max: f64, px: f64, measure: Measure) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if measure(&candidate, px) <= max || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

impl Frame {
    /// Wraps the filters and footer lines to `width` CSS pixels.
    pub fn new(
        title: &str,
        filters: &str,
        footer: &[String],
        width: u32,
        measure: Measure,
    ) -> Frame {
        let max = f64::from(width) - 2.0 * MARGIN;
        Frame {
            title: title.to_string(),
            top: wrap(filters, max, FONT, measure),
            bottom: footer
                .iter()
                .flat_map(|l| wrap(l, max, FONT, measure))
                .collect(),
        }
    }

    /// Height in CSS pixels above the chart.
    pub fn top_height(&self) -> u32 {
        (MARGIN + TITLE_PX + 8.0 + LINE_PX * self.top.len() as f64 + MARGIN) as u32
    }

    /// Height in CSS pixels below the chart.
    pub fn bottom_height(&self) -> u32 {
        (MARGIN + LINE_PX * self.bottom.len() as f64 + MARGIN) as u32
    }
}

/// Draws the frame's words and returns the area left for the chart.
pub fn draw_frame<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
    palette: &Palette,
    scale: f64,
) -> Result<DrawingArea<DB, Shift>, DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&palette.background)?;
    let (_, height) = area.dim_in_pixel();
    let px = |v: f64| (v * scale).round() as i32;
    let top_left = Pos::new(HPos::Left, VPos::Top);
    let title = text_style(TITLE_PX, scale, FontStyle::Bold, &palette.text, top_left);
    let line = text_style(FONT, scale, FontStyle::Normal, &palette.muted, top_left);
    area.draw(&Text::new(
        frame.title.clone(),
        (px(MARGIN), px(MARGIN)),
        title,
    ))?;
    let mut y = MARGIN + TITLE_PX + 8.0;
    for l in &frame.top {
        area.draw(&Text::new(l.clone(), (px(MARGIN), px(y)), line.clone()))?;
        y += LINE_PX;
    }
    let bottom = f64::from(frame.bottom_height());
    let mut y = f64::from(height) / scale - bottom + MARGIN;
    for l in &frame.bottom {
        area.draw(&Text::new(l.clone(), (px(MARGIN), px(y)), line.clone()))?;
        y += LINE_PX;
    }
    let top = px(f64::from(frame.top_height()));
    Ok(area.margin(top, px(bottom), 0, 0))
}
