//! The map of PCC areas as plain data: how each area's tile is coloured under the filters,
//! the legend, the words for each tile and moving between tiles with the arrow keys.
//!
//! The map does not filter itself by area (as a facet's options do not), so every area
//! stays visible and clickable; the chosen areas are marked as selected instead.

use crate::engine::set::Set;
use std::borrow::Cow;

use crate::data::{Dataset, Month};
use crate::engine::aggregate::Summarised;
use crate::engine::colour::MapColour;
use crate::engine::filters::{Filters, Selection};
use crate::engine::text::pounds_short;
use crate::engine::text::{count, join_and, thousands};
use crate::lang::{self, fill, m};

/// The number of value bands in the value colouring.
pub const VALUE_BANDS: usize = 5;

/// How one tile is filled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fill {
    /// A value band, 0 (least) to `VALUE_BANDS - 1`.
    Band(usize),
    /// Every award covering the area went to the voluntary sector.
    Voluntary,
    /// Half or more of the value covering the area went to the voluntary sector.
    MostlyVoluntary,
    /// Less than half of the value covering the area went to the voluntary sector.
    MostlyPrivate,
    /// Every award covering the area went to private companies.
    Private,
    /// The category is provided for the whole term.
    Covered,
    /// The category is provided only until this month.
    Until(Month),
    /// No award: the service is commissioned separately (London women's services, Greater Manchester).
    Separate,
    /// No contract: a gap.
    Gap,
    /// No award in this view (value and sector colourings).
    NoAward,
    /// Outside the regions the filters choose.
    Outside,
}

/// One PCC area's tile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tile {
    /// Index into `Dataset::areas`.
    pub area: usize,
    pub fill: Fill,
    /// The sum of the values of the awards covering the area (each counted in full).
    pub value: u64,
    /// The lead providers covering the area, in file order.
    pub providers: Vec<usize>,
    /// Whether the filters choose this area.
    pub selected: bool,
}

impl Tile {
    /// The lead providers' names, "A, B and C" (empty when there are none); past
    /// `NAMED_PROVIDERS`, the rest as a count: "A, B, … and 40 others".
    pub fn provider_names(&self, ds: &Dataset) -> String {
        let mut names: Vec<String> = self
            .providers
            .iter()
            .take(NAMED_PROVIDERS)
            .map(|&p| ds.providers[p].name.clone())
            .collect();
        if self.providers.len() > NAMED_PROVIDERS {
            names.push(format!("{} others", self.providers.len() - NAMED_PROVIDERS));
        }
        join_and(names)
    }
}

/// How many lead providers a tile names before counting the rest.
pub(crate) const NAMED_PROVIDERS: usize = 10;

/// One line of the legend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegendEntry {
    pub fill: Fill,
    pub label: String,
    /// How many areas have this fill.
    pub areas: usize,
}

/// The whole map for one view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AreaMap {
    pub colour: MapColour,
    /// One tile per area, in `Dataset::areas` order.
    pub tiles: Vec<Tile>,
    pub legend: Vec<LegendEntry>,
    /// Columns and rows of the grid.
    pub size: (u8, u8),
    /// How many of the awards it shows it can place, where some have no place
    /// (`Dataset::placed_note`).
    pub placed: Option<String>,
}

/// What one area holds under the map's filters.
#[derive(Default)]
struct Cover {
    /// The awards covering it: how many, their value and the voluntary sector's part.
    awards: usize,
    value: u64,
    voluntary: u64,
    /// How many of the awards are the voluntary sector's: the sector colouring's measure
    /// where no award has a published value.
    voluntary_awards: usize,
    /// Covered for the whole term by at least one contract.
    full: bool,
    /// The latest "until" month of the contracts covering it only part of the term.
    until: Option<Month>,
}

/// The positions of the bits set in `words` (bit `i` of word `w` is position `64 w + i`), ascending.
fn set_bits(words: &[u64]) -> Vec<usize> {
    let mut set = Vec::new();
    for (w, &word) in words.iter().enumerate() {
        let mut rest = word;
        while rest != 0 {
            set.push(w * 64 + rest.trailing_zeros() as usize);
            rest &= rest - 1;
        }
    }
    set
}

/// The smallest 1, 2 or 5 × 10ⁿ pounds at least `v`.
fn nice_step(v: u64) -> u64 {
    let mut scale = 1u64;
    loop {
        for m in [1, 2, 5] {
            if m * scale >= v {
                return m * scale;
            }
        }
        scale = scale.saturating_mul(10);
    }
}

impl Dataset {
    /// Of a selection's awards, how many have a place on the map and how many there are;
    /// `None` where every award of the dataset has one (the explorer's own datasets).
    pub fn placed(&self, sel: &Selection) -> Option<(usize, usize)> {
        if self.index.unplaced_awards == 0 {
            return None;
        }
        let mut has_areas = vec![false; self.regions.len()];
        for a in &self.areas {
            has_areas[a.region] = true;
        }
        let placed = sel
            .awards
            .iter()
            .map(|p| &self.awards[p.award as usize])
            .filter(|a| !a.areas.is_empty() || has_areas[a.region])
            .count();
        Some((placed, sel.awards.len()))
    }

    /// What the map panel says of awards it cannot place (`placed`).
    pub fn placed_note(&self, sel: &Selection) -> Option<String> {
        let (placed, all) = self.placed(sel)?;
        Some(match placed {
            _ if placed == all => return None,
            0 if all == 1 => lang::t(m::PLACED_NONE_ONE).to_string(),
            0 => fill(m::PLACED_NONE_MANY, &[("n", &thousands(all as u64))]),
            _ => fill(
                m::PLACED_SOME,
                &[
                    ("n", &thousands(placed as u64)),
                    ("all", &thousands(all as u64)),
                ],
            ),
        })
    }

    /// The map under `f`, coloured by `colour`.
    pub fn area_map(&self, f: &Filters, colour: &MapColour) -> AreaMap {
        self.map_over(f, colour, None)
    }

    /// `area_map`, given `current`, the selection of `f` summarised, which it reuses when
    /// the map's own filters are the same (no area chosen, not colouring by coverage)
    /// instead of selecting again.
    pub fn area_map_given(&self, f: &Filters, colour: &MapColour, current: &Summarised) -> AreaMap {
        self.map_over(f, colour, Some(current))
    }

    /// Each area's cover under coverage colouring (where the months contracts run to
    /// matter), and its row of `stride` words with a bit per lead provider covering it.
    fn covers(&self, selection: &Selection, stride: usize) -> (Vec<Cover>, Vec<u64>) {
        let mut covers: Vec<Cover> = (0..self.areas.len()).map(|_| Cover::default()).collect();
        let mut covering = vec![0u64; self.areas.len() * stride];
        // Each area the current award's selected contracts cover, once per contract, with
        // its "until" month (None: the whole term).
        let mut marks: Vec<(usize, Option<Month>)> = Vec::new();
        for picked in &selection.awards {
            marks.clear();
            let award = &self.awards[picked.award as usize];
            for c in selection.contracts_of(&self.index, picked) {
                match self.contracts[c].area {
                    Some(a) => {
                        let until = award
                            .areas
                            .iter()
                            .find(|x| x.area == a)
                            .and_then(|x| x.until);
                        marks.push((a, until));
                    }
                    None => marks.extend(self.areas_of(award.region).map(|a| (a, None))),
                }
            }
            let voluntary = picked.voluntary();
            for (i, &(area, until)) in marks.iter().enumerate() {
                let cover = &mut covers[area];
                match until {
                    None => cover.full = true,
                    Some(m) => cover.until = cover.until.max(Some(m)),
                }
                // The award counts once in each area, however many of its contracts cover it.
                if marks[..i].iter().any(|&(a, _)| a == area) {
                    continue;
                }
                cover.awards += 1;
                cover.value += picked.value;
                if voluntary {
                    cover.voluntary += picked.value;
                    cover.voluntary_awards += 1;
                }
                let p = picked.provider as usize;
                if let Some(word) = covering.get_mut(area * stride + p / 64) {
                    *word |= 1 << (p % 64);
                }
            }
        }
        (covers, covering)
    }

    fn map_over(&self, f: &Filters, colour: &MapColour, current: Option<&Summarised>) -> AreaMap {
        let mut scope = f.clone();
        scope.areas.clear();
        let coverage = match colour {
            MapColour::Coverage(slug) => self.category_index(slug),
            _ => None,
        };
        if let Some(c) = coverage {
            scope.categories = Set::from([self.categories[c].slug.clone()]);
        }
        let stride = self.provider_words();
        let owned;
        let (selection, summary) = match current {
            Some(current) if scope == *f => (&current.selection, Some(&current.summary)),
            _ => {
                owned = self.select(&scope);
                (&owned, None)
            }
        };
        // Which lead providers cover each area: a row of `stride` words per area, one bit
        // per provider. Outside coverage colouring that, and each area's awards and value,
        // is the area group-by, which the page's summary has already worked out.
        let (covers, covering) = match coverage {
            None => {
                let (totals, covering) = self.area_cover(selection, summary);
                let covers = totals
                    .iter()
                    .map(|t| Cover {
                        awards: t.awards,
                        value: t.value,
                        voluntary: t.voluntary_value,
                        voluntary_awards: t.voluntary_awards,
                        full: t.awards > 0,
                        until: None,
                    })
                    .collect();
                (covers, covering)
            }
            Some(_) => {
                let (covers, covering) = self.covers(selection, stride);
                (covers, Cow::Owned(covering))
            }
        };
        let separate: Vec<(usize, Option<usize>)> = self
            .separate_matching(&scope)
            .into_iter()
            .map(|s| (s.region, s.category))
            .collect();
        let values: Vec<u64> = covers.iter().map(|c| c.value).collect();
        // With no published value in view, value colouring can only say where awards are,
        // and sector colouring goes by the number of awards.
        let unvalued = values.iter().all(|&v| v == 0);
        let step = nice_step(
            values
                .iter()
                .max()
                .copied()
                .unwrap_or(0)
                .div_ceil(VALUE_BANDS as u64)
                .max(1),
        );
        let tiles: Vec<Tile> = covers
            .iter()
            .enumerate()
            .map(|(a, cover)| {
                let area = &self.areas[a];
                let outside =
                    !f.regions.is_empty() && !f.regions.contains(&self.regions[area.region].slug);
                let separately = separate.iter().any(|&(region, category)| {
                    region == area.region
                        && (category.is_none() || coverage.is_none_or(|c| category == Some(c)))
                });
                let voluntary = cover.voluntary;
                let fill = if outside {
                    Fill::Outside
                } else if cover.awards == 0 {
                    match (separately, coverage) {
                        (true, _) => Fill::Separate,
                        (false, Some(_)) => Fill::Gap,
                        (false, None) => Fill::NoAward,
                    }
                } else if coverage.is_some() {
                    match cover.until {
                        Some(m) if !cover.full => Fill::Until(m),
                        _ => Fill::Covered,
                    }
                } else if *colour == MapColour::Sector {
                    let (part, all) = if unvalued {
                        (cover.voluntary_awards as u64, cover.awards as u64)
                    } else {
                        (voluntary, values[a])
                    };
                    match part {
                        v if v == all => Fill::Voluntary,
                        0 => Fill::Private,
                        v if v * 2 >= all => Fill::MostlyVoluntary,
                        _ => Fill::MostlyPrivate,
                    }
                } else if unvalued {
                    Fill::Covered
                } else {
                    Fill::Band(((values[a] / step) as usize).min(VALUE_BANDS - 1))
                };
                Tile {
                    area: a,
                    fill,
                    value: values[a],
                    providers: set_bits(
                        covering
                            .get(a * stride..(a + 1) * stride)
                            .unwrap_or_default(),
                    ),
                    selected: f.areas.contains(&area.slug),
                }
            })
            .collect();
        let plain = {
            let mut rest = scope.clone();
            rest.categories.clear();
            rest.regions.clear();
            rest.is_empty()
        };
        // The legend always lists its colouring's own fills, so an empty one reads "none",
        // except when nothing matches at all: then it lists only what the tiles show.
        let nothing = coverage.is_none() && covers.iter().all(|c| c.awards == 0);
        let core: Vec<Fill> = match (colour, coverage) {
            _ if nothing => Vec::new(),
            (MapColour::Sector, _) => vec![
                Fill::Voluntary,
                Fill::MostlyVoluntary,
                Fill::MostlyPrivate,
                Fill::Private,
            ],
            (MapColour::Coverage(_), Some(_)) => vec![Fill::Covered, Fill::Gap],
            _ if unvalued => vec![Fill::Covered, Fill::NoAward],
            _ => (0..VALUE_BANDS).map(Fill::Band).collect(),
        };
        let mut fills: Vec<Fill> = core.clone();
        for t in &tiles {
            if !fills.contains(&t.fill) {
                fills.push(t.fill);
            }
        }
        crate::engine::sort::sort_by(&mut fills, Fill::cmp);
        let legend = fills
            .into_iter()
            .map(|fill| LegendEntry {
                fill,
                label: fill_label(fill, step, plain),
                areas: tiles.iter().filter(|t| t.fill == fill).count(),
            })
            .collect();
        let size = self.areas.iter().fold((0, 0), |(c, r), a| {
            (c.max(a.tile.0 + 1), r.max(a.tile.1 + 1))
        });
        AreaMap {
            colour: colour.clone(),
            tiles,
            legend,
            size,
            placed: self.placed_note(selection),
        }
    }
}

/// A legend line; `step` is the width of a value band, `plain` says no other filter is set.
fn fill_label(fill: Fill, step: u64, plain: bool) -> String {
    match fill {
        Fill::Band(0) => lang::fill(m::BAND_UNDER, &[("value", &pounds_short(step))]),
        Fill::Band(b) if b + 1 == VALUE_BANDS => lang::fill(
            m::BAND_OR_MORE,
            &[("value", &pounds_short(step * b as u64))],
        ),
        Fill::Band(b) => lang::fill(
            m::BAND_TO,
            &[
                ("from", &pounds_short(step * b as u64)),
                ("to", &pounds_short(step * (b as u64 + 1))),
            ],
        ),
        Fill::Until(month) => lang::fill(m::FILL_UNTIL, &[("month", &month.label())]),
        other => lang::t(match other {
            Fill::Voluntary => m::FILL_VOLUNTARY,
            Fill::MostlyVoluntary => m::FILL_MOSTLY_VOLUNTARY,
            Fill::MostlyPrivate => m::FILL_MOSTLY_PRIVATE,
            Fill::Private => m::FILL_PRIVATE,
            Fill::Covered => m::FILL_COVERED,
            Fill::Separate => m::FILL_SEPARATE,
            Fill::Gap if plain => m::FILL_GAP,
            Fill::Gap => m::FILL_NO_MATCH,
            Fill::NoAward => m::FILL_NO_AWARD,
            _ => m::FILL_OUTSIDE,
        })
        .to_string(),
    }
}

/// A direction for moving between tiles with the arrow keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Up,
    Down,
    Left,
    Right,
}

impl Step {
    /// The step that goes back the way this one came.
    pub fn back(self) -> Step {
        match self {
            Step::Up => Step::Down,
            Step::Down => Step::Up,
            Step::Left => Step::Right,
            Step::Right => Step::Left,
        }
    }
}

/// A walk over the tiles with the arrow keys that retraces its steps: stepping back the way
/// it came returns to the tile it came from, though the nearest tile that way may differ.
#[derive(Clone, Debug, Default)]
pub struct Walk {
    /// The steps taken: from, to, and which way.
    trail: Vec<(usize, usize, Step)>,
}

impl Walk {
    /// The tile one `step` from area `at`, if any, and records the step.
    pub fn step(&mut self, map: &AreaMap, ds: &Dataset, at: usize, step: Step) -> Option<usize> {
        match self.trail.last() {
            Some(&(from, to, s)) if to == at && s.back() == step => {
                self.trail.pop();
                return Some(from);
            }
            // Focus moved another way (a click, Home, Tab): the trail no longer leads here.
            Some(&(_, to, _)) if to != at => self.trail.clear(),
            _ => {}
        }
        let next = map.neighbour(ds, at, step)?;
        self.trail.push((at, next, step));
        Some(next)
    }
}

impl AreaMap {
    /// The first and last tiles in reading order (top row first, left to right): where
    /// Home and End go.
    pub fn first_and_last(&self, ds: &Dataset) -> Option<(usize, usize)> {
        let place = |t: &&Tile| {
            let (x, y) = ds.areas[t.area].tile;
            (y, x)
        };
        let first = self.tiles.iter().min_by_key(place)?.area;
        let last = self.tiles.iter().max_by_key(place)?.area;
        Some((first, last))
    }

    /// The legend line of a fill.
    pub fn label_of(&self, fill: Fill) -> &str {
        self.legend
            .iter()
            .find(|e| e.fill == fill)
            .map_or("", |e| e.label.as_str())
    }

    /// The map's title: what colours it.
    pub fn title(&self, ds: &Dataset) -> String {
        self.colour.label(ds)
    }

    /// A text alternative: how many areas have each fill, naming them when there are few.
    pub fn summary(&self, ds: &Dataset) -> String {
        let parts: Vec<String> = self
            .legend
            .iter()
            .map(|e| {
                let names: Vec<String> = self
                    .tiles
                    .iter()
                    .filter(|t| t.fill == e.fill)
                    .map(|t| ds.areas[t.area].name.clone())
                    .collect();
                let which = if names.is_empty() {
                    lang::t(m::NONE).to_string()
                } else if names.len() <= 5 {
                    join_and(names)
                } else {
                    count(names.len(), m::N_AREAS_ONE, m::N_AREAS_MANY)
                };
                format!("{}: {which}", e.label)
            })
            .collect();
        let mut summary = format!("{}. {}.", self.title(ds), parts.join("; "));
        if let Some(placed) = &self.placed {
            summary.push(' ');
            summary.push_str(placed);
        }
        summary
    }

    /// The words for one tile, shown on hover and focus: name, region, fill, value, providers.
    pub fn describe(&self, ds: &Dataset, tile: &Tile) -> Vec<String> {
        let area = &ds.areas[tile.area];
        let providers = tile.provider_names(ds);
        vec![
            area.name.clone(),
            lang::fill(m::TILE_REGION, &[("name", &ds.regions[area.region].name)]),
            self.label_of(tile.fill).to_string(),
            lang::fill(m::TILE_VALUE, &[("value", &pounds_short(tile.value))]),
            if providers.is_empty() {
                lang::t(m::TILE_NO_PROVIDER).to_string()
            } else {
                lang::fill(m::TILE_PROVIDERS, &[("names", &providers)])
            },
        ]
    }

    /// The tile reached from area `from` by one arrow-key step: the nearest tile in that
    /// direction, preferring the same row or column.
    pub fn neighbour(&self, ds: &Dataset, from: usize, step: Step) -> Option<usize> {
        let (x0, y0) = ds.areas.get(from)?.tile;
        let (x0, y0) = (i32::from(x0), i32::from(y0));
        self.tiles
            .iter()
            .filter_map(|t| {
                let (x, y) = ds.areas[t.area].tile;
                let (dx, dy) = (i32::from(x) - x0, i32::from(y) - y0);
                let (ahead, aside) = match step {
                    Step::Up => (-dy, dx),
                    Step::Down => (dy, dx),
                    Step::Left => (-dx, dy),
                    Step::Right => (dx, dy),
                };
                (ahead > 0).then_some(((aside.abs(), ahead), t.area))
            })
            .min()
            .map(|(_, a)| a)
    }
}
