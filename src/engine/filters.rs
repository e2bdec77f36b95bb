//! `Filters` and the selection of the contracts (and so the awards) they match.

use crate::engine::set::Set;
use crate::lang::{self, m};

use crate::data::fold::fold;
use crate::data::{Dataset, Index, Month, Sector, REGIONAL};

/// What a visitor has filtered by. An empty set or `None` means "any".
///
/// Slugs are kept as text so that `Filters` is exactly what a share link says;
/// `Filters::from_query` only admits slugs the dataset knows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub regions: Set<String>,
    pub areas: Set<String>,
    pub categories: Set<String>,
    pub providers: Set<String>,
    pub sectors: Set<Sector>,
    /// Buyers' slugs (`Index::buyers`): a filter only where a list has more than one.
    pub buyers: Set<String>,
    /// Award value at least this many pounds.
    pub min_value: Option<u64>,
    /// Award value at most this many pounds.
    pub max_value: Option<u64>,
    /// Contracts scheduled to end in this month or later.
    pub end_from: Option<Month>,
    /// Contracts scheduled to end in this month or earlier.
    pub end_to: Option<Month>,
    /// Free text matched against provider, area, region and category names.
    pub search: String,
}

impl Filters {
    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// Why no award can match, when two filters contradict each other: a visitor sees
    /// "no awards match" and needs to know which setting to change.
    pub fn contradiction(&self) -> Option<&'static str> {
        if self
            .min_value
            .zip(self.max_value)
            .is_some_and(|(lo, hi)| lo > hi)
        {
            Some(lang::t(m::CONTRADICTION_VALUE))
        } else if self
            .end_from
            .zip(self.end_to)
            .is_some_and(|(from, to)| from > to)
        {
            Some(lang::t(m::CONTRADICTION_END))
        } else {
            None
        }
    }

    /// True when a filter can select part of an award (its areas or end dates), so
    /// an award's whole value may be counted for a subset of its contracts.
    pub fn selects_within_awards(&self) -> bool {
        !self.areas.is_empty()
            || self.end_from.is_some()
            || self.end_to.is_some()
            || !self.search.trim().is_empty()
    }
}

/// The contracts a `Filters` matches, and the awards they belong to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// The selected contracts of the awards only partly selected (indices into
    /// `Dataset::contracts`, ascending). A whole award's contracts are its range in
    /// `Index::award_contracts` and are not copied: most selections are whole awards, and
    /// at a million awards the copy was a large part of selecting.
    partial: Vec<usize>,
    /// The awards with contracts in the selection, ascending, one entry each.
    pub awards: Vec<SelectedAward>,
}

impl Selection {
    /// The selected contracts of `picked` (an award of this selection), ascending.
    pub fn contracts_of<'s>(
        &'s self,
        ix: &'s Index,
        picked: &SelectedAward,
    ) -> impl Iterator<Item = usize> + 's {
        let (whole, part) = if picked.is_whole() {
            (ix.award_contracts[picked.award as usize].clone(), &[][..])
        } else {
            (0..0, &self.partial[picked.range()])
        };
        whole.chain(part.iter().copied())
    }
}

/// An award in a selection, how many of its contracts are selected (and where they are, if
/// not all of them), and the award's own columns from `Index`, copied in as it is selected:
/// each pass over the selection then reads one contiguous array instead of gathering from
/// five columns, which is what a pass costs when a filter leaves a scattered tenth of the
/// awards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SelectedAward {
    /// Index into `Dataset::awards`.
    pub award: u32,
    /// When only some of its contracts are selected, they are
    /// `Selection::partial[first..first + n]`.
    pub first: u32,
    pub n: u32,
    /// How many contracts the award was let as (`n` is all of them when it is whole).
    pub contracts: u32,
    pub value: u64,
    /// Whether its value was published (`value` is 0 where not).
    pub valued: bool,
    pub provider: u32,
    pub region: u16,
    pub category: u16,
    /// Its lead provider's sector, a position in `Sector::ALL`.
    pub sector: u8,
    /// Its buyer, a position in `Index::buyers`.
    pub buyer: u32,
    /// Whether a regional lot of it is selected through one of its areas (by the area
    /// filter or a search), and so covers areas outside the view too.
    pub beyond: bool,
}

impl SelectedAward {
    /// Whether its lead provider is in the voluntary sector.
    pub fn voluntary(&self) -> bool {
        self.sector == Sector::Voluntary.position()
    }

    /// Whether its lead provider is a private company.
    pub fn private(&self) -> bool {
        self.sector == Sector::Private.position()
    }

    /// Whether all its contracts are selected.
    pub fn is_whole(&self) -> bool {
        self.n == self.contracts
    }

    /// Where its selected contracts are in `Selection::partial`, when it is partly selected.
    fn range(self) -> std::ops::Range<usize> {
        self.first as usize..(self.first + self.n) as usize
    }
}

/// Index sets resolved from slugs once per query; `None` means "any".
struct Compiled {
    regions: Option<Vec<bool>>,
    /// Per area, selected or not; and per region, whether any of its areas is selected.
    areas: Option<(Vec<bool>, Vec<bool>)>,
    /// Per region, whether a regional lot there covers areas outside the view: it has an
    /// area the area filter leaves out, or (with no area filter) more than one area, which
    /// a search that finds one of them leaves out.
    lot_beyond: Vec<bool>,
    categories: Option<Vec<bool>>,
    providers: Option<Vec<bool>>,
    /// Indexed by an award's lead provider's sector (its position in `Sector::ALL`).
    sectors: Option<Vec<bool>>,
    buyers: Option<Vec<bool>>,
    terms: Vec<String>,
}

fn mask(
    len: usize,
    slugs: &Set<String>,
    index: impl Fn(&str) -> Option<usize>,
) -> Option<Vec<bool>> {
    if slugs.is_empty() {
        return None;
    }
    let mut m = vec![false; len];
    for i in slugs.iter().filter_map(|s| index(s)) {
        m[i] = true;
    }
    Some(m)
}

impl Compiled {
    fn new(ds: &Dataset, f: &Filters) -> Compiled {
        let areas = mask(ds.areas.len(), &f.areas, |s| ds.area_index(s)).map(|selected| {
            let mut regions = vec![false; ds.regions.len()];
            for (a, _) in selected.iter().enumerate().filter(|(_, on)| **on) {
                regions[ds.areas[a].region] = true;
            }
            (selected, regions)
        });
        let lot_beyond = (0..ds.regions.len())
            .map(|r| match &areas {
                Some((selected, _)) => ds.areas_of(r).any(|a| !selected[a]),
                None => ds.areas_of(r).nth(1).is_some(),
            })
            .collect();
        Compiled {
            regions: mask(ds.regions.len(), &f.regions, |s| ds.region_index(s)),
            areas,
            lot_beyond,
            categories: mask(ds.categories.len(), &f.categories, |s| ds.category_index(s)),
            providers: mask(ds.providers.len(), &f.providers, |s| ds.provider_index(s)),
            buyers: mask(ds.index.buyers.len(), &f.buyers, |s| ds.buyer_index(s)),
            sectors: (!f.sectors.is_empty())
                .then(|| Sector::ALL.map(|s| f.sectors.contains(&s)).to_vec()),
            terms: fold(&f.search)
                .split_whitespace()
                .map(str::to_string)
                .collect(),
        }
    }
}

/// The awards that pass the award-level filters (region, category, lead provider, sector,
/// buyer and value), one bit each in 64-bit words (award `a` is bit `a % 64` of word `a / 64`).
///
/// A filter on regions or categories ORs their rows of `Index::region_bits` or
/// `category_bits`; each other filter set is one pass over its column that clears the
/// bits of the awards it rejects, skipping words already empty. The selection is then
/// built from the bits left. This replaced one pass over the awards testing each filter
/// in turn: the tests' outcomes vary from award to award, and branching on them cost more
/// than the tests. In Chromium (the scale benchmark, builds alternated, both orders) the
/// nine steps took 20–23% less at 1M awards (the widest 22–26% less) and 31% less at 100k.
fn award_level(ix: &Index, c: &Compiled, f: &Filters) -> Vec<u64> {
    let n = ix.award_contracts.len();
    let mut keep = vec![u64::MAX; n.div_ceil(64)];
    if let Some(last) = keep.last_mut().filter(|_| !n.is_multiple_of(64)) {
        *last = (1 << (n % 64)) - 1;
    }
    if let Some(m) = narrowing(&c.regions) {
        retain_rows(&mut keep, &ix.region_bits, m);
    }
    if let Some(m) = narrowing(&c.categories) {
        retain_rows(&mut keep, &ix.category_bits, m);
    }
    if let Some(m) = narrowing(&c.providers) {
        retain_in(&mut keep, &ix.provider, m);
    }
    if let Some(m) = narrowing(&c.sectors) {
        retain_in(&mut keep, &ix.sector, m);
    }
    if let Some(m) = narrowing(&c.buyers) {
        retain_in(&mut keep, &ix.buyer, m);
    }
    if f.min_value.is_some() || f.max_value.is_some() {
        let (lo, hi) = (f.min_value.unwrap_or(0), f.max_value.unwrap_or(u64::MAX));
        retain(&mut keep, &ix.value, |v| (v >= lo) & (v <= hi));
        // An award with no published value is neither above nor below a value.
        retain(&mut keep, &ix.valued, |v| v);
    }
    keep
}

/// The mask, unless it has every option on: then it selects what no mask does, and its
/// pass is left out.
fn narrowing(mask: &Option<Vec<bool>>) -> Option<&[bool]> {
    mask.as_deref().filter(|m| !m.iter().all(|&on| on))
}

/// Keeps the awards with a bit in the row of an option on in `mask` (`rows`: one row of
/// `keep.len()` words per option).
fn retain_rows(keep: &mut [u64], rows: &[u64], mask: &[bool]) {
    let words = keep.len();
    let mut any = vec![0u64; words];
    for (o, _) in mask.iter().enumerate().filter(|(_, on)| **on) {
        let row = rows.iter().skip(o * words).take(words);
        any.iter_mut().zip(row).for_each(|(a, b)| *a |= b);
    }
    keep.iter_mut().zip(any).for_each(|(k, a)| *k &= a);
}

/// `retain` of the awards whose entry in `column` is an option on in `mask`.
fn retain_in<T: Copy + Into<u32>>(keep: &mut [u64], column: &[T], mask: &[bool]) {
    retain(keep, column, |x| {
        mask.get(x.into() as usize).copied().unwrap_or(false)
    });
}

/// Clears the bit of each award whose entry in `column` fails `test`. The bits are set
/// without branching on `test`'s outcome, 64 awards at a time.
fn retain<T: Copy>(keep: &mut [u64], column: &[T], test: impl Fn(T) -> bool) {
    for (word, chunk) in keep.iter_mut().zip(column.chunks(64)) {
        if *word == 0 {
            continue;
        }
        let mut passed = 0u64;
        for (i, &x) in chunk.iter().enumerate() {
            passed |= u64::from(test(x)) << i;
        }
        *word &= passed;
    }
}

impl Dataset {
    /// The contracts that match `filters`: the award-level conditions are tested once per
    /// award, then only area, end month and search per contract, all on `Index` columns.
    pub fn select(&self, filters: &Filters) -> Selection {
        let c = Compiled::new(self, filters);
        let searchable = SearchText::new(self, &c.terms);
        let ix = &self.index;
        let keep = award_level(ix, &c, filters);
        // End months as a mask over `Index::end_months`.
        let ends: Vec<bool> = ix
            .end_months
            .iter()
            .map(|&m| {
                filters.end_from.is_none_or(|f| m >= f) && filters.end_to.is_none_or(|t| m <= t)
            })
            .collect();
        // Without a filter that looks inside awards, an award's contracts go in together;
        // with only a search, so do those of an award its own names match.
        let whole_awards = !filters.selects_within_awards();
        let by_place_or_end =
            c.areas.is_some() || filters.end_from.is_some() || filters.end_to.is_some();
        // Awards a region filter takes that reach into a region it leaves out (a CRC across
        // two of today's regions): counted whole, and said to cover more than the view.
        let straddling: Vec<u32> = match &c.regions {
            Some(m) => {
                let mut v: Vec<u32> = ix
                    .spanning
                    .iter()
                    .filter(|&&(a, r)| !m[usize::from(r)] || !m[usize::from(ix.region[a as usize])])
                    .map(|&(a, _)| a)
                    .collect();
                v.dedup();
                v
            }
            None => Vec::new(),
        };
        let mut partial = Vec::new();
        // Room for every award, given back at the end: growing by doubling copied a large
        // selection several times over (builds side by side: the nine steps 2–8% faster
        // at 1M, 19% at 100k).
        let mut awards = Vec::with_capacity(ix.award_contracts.len());
        for (w, &word) in keep.iter().enumerate() {
            let mut rest = word;
            while rest != 0 {
                let a = w * 64 + rest.trailing_zeros() as usize;
                rest &= rest - 1;
                let Some(range) = ix.award_contracts.get(a) else {
                    break;
                };
                let search = searchable.award(ix, a);
                if search == Found::Nowhere {
                    continue;
                }
                let region = usize::from(ix.region[a]);
                let first = partial.len();
                // Whether a selected regional lot covers areas outside the view.
                let mut beyond = false;
                let n = if whole_awards || (search == Found::Everywhere && !by_place_or_end) {
                    range.len()
                } else {
                    for i in range.clone() {
                        let area = ix.contract_area[i];
                        let in_area = match &c.areas {
                            None => true,
                            Some((_, regions)) if area == REGIONAL => regions[region],
                            Some((areas, _)) => areas[usize::from(area)],
                        };
                        if in_area
                            && ends[ix.contract_end[i] as usize]
                            && (search == Found::Everywhere || searchable.matches(ix, i))
                        {
                            partial.push(i);
                            beyond |= area == REGIONAL
                                && (c.areas.is_some() || search == Found::InSome)
                                && c.lot_beyond[region];
                        }
                    }
                    let n = partial.len() - first;
                    if n == range.len() {
                        // All of them: a whole award, found through `Index::award_contracts`.
                        partial.truncate(first);
                    }
                    n
                };
                beyond |= !straddling.is_empty() && straddling.binary_search(&(a as u32)).is_ok();
                if n > 0 {
                    awards.push(SelectedAward {
                        award: a as u32,
                        first: first as u32,
                        n: n as u32,
                        contracts: range.len() as u32,
                        value: ix.value[a],
                        valued: ix.valued[a],
                        provider: ix.provider[a],
                        region: ix.region[a],
                        category: ix.category[a],
                        sector: ix.sector[a],
                        buyer: ix.buyer[a],
                        beyond,
                    });
                }
            }
        }
        awards.shrink_to_fit();
        Selection { partial, awards }
    }
}

/// Which names each search term is found in, worked out once per selection, so testing a
/// contract is a few lookups per term.
///
/// An award's searchable text is its provider's name and other spellings, its region and
/// its category; a contract's adds the name of its area (a regional lot: of every area in
/// its region). Terms hold no whitespace and the names are joined by spaces, so a term is
/// in the joined text exactly when it is in one of the names: each name is searched once
/// per term here, not once per award (the providers' names, the long list, are folded once
/// in `Index::provider_text`; the few others on each change). The spelling an award's source
/// used (`Award::published_provider`) is one of its provider's spellings (loading checks
/// it, up to apostrophe style, which folding drops), so it needs no search of its own.
/// Folding and searching every award's joined text on every change took over 200 ms a
/// keystroke with 100,000 awards built in; folding the 5,000 providers' names on each
/// change, and testing every contract rather than settling most awards by their own names
/// (`SearchText::award`), 9–15 ms natively.
struct SearchText {
    terms: Vec<TermHits>,
}

/// What an award's own names say of its contracts' match to a search (`SearchText::award`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Found {
    Everywhere,
    InSome,
    Nowhere,
}

/// Where one term is found: per provider, region, category, area, and per region in the
/// names of its areas.
struct TermHits {
    providers: Vec<bool>,
    regions: Vec<bool>,
    categories: Vec<bool>,
    areas: Vec<bool>,
    region_areas: Vec<bool>,
}

impl SearchText {
    fn new(ds: &Dataset, terms: &[String]) -> SearchText {
        if terms.is_empty() {
            return SearchText { terms: Vec::new() };
        }
        let providers = &ds.index.provider_text;
        let regions: Vec<String> = ds
            .regions
            .iter()
            .map(|r| fold(&format!("{} {}", r.name, r.name_cy)))
            .collect();
        let (categories, areas) = (&ds.index.category_text, &ds.index.area_text);
        let terms = terms
            .iter()
            .map(|t| {
                let hits =
                    |names: &[String]| names.iter().map(|n| n.contains(t.as_str())).collect();
                let areas = hits(areas);
                TermHits {
                    providers: hits(providers),
                    regions: hits(&regions),
                    categories: hits(categories),
                    region_areas: (0..ds.regions.len())
                        .map(|r| ds.areas_of(r).any(|a| areas[a]))
                        .collect(),
                    areas,
                }
            })
            .collect();
        SearchText { terms }
    }

    /// Which of award `a`'s contracts the terms can match, from its own names: all of them
    /// when every term is in the award's names, none when a term is in neither those nor
    /// the name of any area of its region (its contracts' areas are all in its region), and
    /// otherwise each contract must be tested. Most awards are settled here, so a search
    /// mostly costs a few lookups per award rather than per contract.
    fn award(&self, ix: &Index, a: usize) -> Found {
        let (p, r, c) = (
            ix.provider[a] as usize,
            usize::from(ix.region[a]),
            usize::from(ix.category[a]),
        );
        let mut found = Found::Everywhere;
        for h in &self.terms {
            if !(h.providers[p] || h.regions[r] || h.categories[c]) {
                // An award whose areas reach another region is tested area by area.
                let spans = || {
                    ix.spanning
                        .binary_search_by_key(&(a as u32), |&(x, _)| x)
                        .is_ok()
                };
                if !h.region_areas[r] && !spans() {
                    return Found::Nowhere;
                }
                found = Found::InSome;
            }
        }
        found
    }

    /// Every term appears in the award's names or in the names of the areas the contract covers.
    fn matches(&self, ix: &Index, contract: usize) -> bool {
        let a = ix.contract_award[contract] as usize;
        let (p, r, c) = (
            ix.provider[a] as usize,
            usize::from(ix.region[a]),
            usize::from(ix.category[a]),
        );
        let area = ix.contract_area[contract];
        self.terms.iter().all(|h| {
            h.providers[p]
                || h.regions[r]
                || h.categories[c]
                || if area == REGIONAL {
                    h.region_areas[r]
                } else {
                    h.areas[usize::from(area)]
                }
        })
    }
}
