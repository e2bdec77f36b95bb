//! Aggregations over a selection: totals, group-by, concentration and the timeline of scheduled ends.
//!
//! Values are never split: an award's whole value counts wherever any of its
//! contracts is counted. Where a filter or grouping takes only some of an award's
//! contracts (by area or end date), `Totals::partial_awards` says how many awards
//! that applies to, so the views can say the value covers more than is shown.

use std::borrow::Cow;
use std::sync::Arc;

use crate::data::fold::fold;
use crate::data::{Dataset, Index, PerAward, Sector, Separate, REGIONAL};
use crate::engine::concentration::top_share;
use crate::engine::filters::{Filters, SelectedAward, Selection};
use crate::engine::totals::{Dim, Group, Key, Summary, Totals};

/// A selection with its totals and every group-by worked out together (`summarise`): what
/// the page shows, and what its figures, charts, map and most filter counts read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summarised {
    pub selection: Selection,
    pub summary: Summary,
}

/// The unfiltered selection of one dataset (the default view, and every "clear all"),
/// summarised once and then shared, so coming back to it costs nothing however many awards
/// there are. Keep one per dataset: it does not know which dataset it was filled from.
#[derive(Debug, Default)]
pub struct Unfiltered(std::sync::OnceLock<Arc<Summarised>>);

impl Dataset {
    /// `select`, summarised (`summarise`), as the page shows it; with no filter set, the
    /// one kept in `unfiltered`.
    pub fn select_summarised(&self, filters: &Filters, unfiltered: &Unfiltered) -> Arc<Summarised> {
        let work = || Arc::new(self.summarise(self.select(filters)));
        if filters.is_empty() {
            Arc::clone(unfiltered.0.get_or_init(work))
        } else {
            work()
        }
    }

    /// Totals over the contracts in `selection`.
    pub fn totals(&self, selection: &Selection) -> Totals {
        let mut totals = self
            .accumulate(selection, &[None])
            .pop()
            .map(|(t, _)| t)
            .unwrap_or_default();
        self.count_once(selection, None, &mut totals);
        totals.pop().unwrap_or_default()
    }

    /// Works out the totals and every group-by of `selection` together, so the views read
    /// them instead of passing over it again.
    ///
    /// The totals and the sectors are added up from the lead providers' totals rather than
    /// passing over the selection again: every award has one lead provider, whose sector is
    /// the award's, so summing per provider gives the same figures, and a provider with an
    /// award counts once.
    pub fn summarise(&self, selection: Selection) -> Summarised {
        // The buyers only where a list has more than one: otherwise nothing shows them.
        let passed: &[Dim] = &[
            Dim::Region,
            Dim::Area,
            Dim::Category,
            Dim::Provider,
            Dim::End,
            Dim::Buyer,
        ][..if self.has_buyers() { 6 } else { 5 }];
        let dims: Vec<Option<Dim>> = passed.iter().copied().map(Some).collect();
        let mut area_providers = Vec::new();
        let mut per_dim: Vec<(Dim, Vec<Totals>)> = passed
            .iter()
            .copied()
            .zip(self.accumulate(&selection, &dims))
            .map(|(dim, (totals, providers))| {
                if dim == Dim::Area {
                    area_providers = providers;
                }
                (dim, totals)
            })
            .collect();
        let by_provider = per_dim
            .iter()
            .find(|(d, _)| *d == Dim::Provider)
            .map(|(_, t)| t.as_slice())
            .unwrap_or_default();
        let mut sectors = vec![Totals::default(); Sector::ALL.len()];
        for (t, p) in by_provider.iter().zip(&self.providers) {
            if t.awards > 0 {
                let s = Sector::ALL.iter().position(|&s| s == p.sector).unwrap_or(0);
                sectors[s].add(t);
            }
        }
        let mut totals = [Totals::default()];
        sectors.iter().for_each(|s| totals[0].add(s));
        self.count_once(&selection, None, &mut totals);
        per_dim.push((Dim::Sector, sectors));
        for (dim, groups) in &mut per_dim {
            self.count_once(&selection, Some(*dim), groups);
        }
        let [totals] = totals;
        let groups = Dim::ALL
            .into_iter()
            .map(|dim| {
                let i = per_dim.iter().position(|(d, _)| *d == dim);
                let totals = i.map(|i| per_dim.swap_remove(i).1).unwrap_or_default();
                (dim, self.groups(dim, totals))
            })
            .collect();
        Summarised {
            selection,
            summary: Summary {
                totals,
                groups,
                area_providers,
            },
        }
    }

    /// The number of groups of `dim` (dense indices below it); `None` is one group, the whole.
    fn group_count(&self, dim: Option<Dim>) -> usize {
        match dim {
            None => 1,
            Some(Dim::Region) => self.regions.len(),
            Some(Dim::Area) => self.areas.len(),
            Some(Dim::Category) => self.categories.len(),
            Some(Dim::Provider) => self.providers.len(),
            Some(Dim::Sector) => Sector::ALL.len(),
            Some(Dim::End) => self.index.end_months.len(),
            Some(Dim::Buyer) => self.index.buyers.len(),
        }
    }

    /// Totals per group for each of `dims` (all in one group for `None`), each with its rows of
    /// lead-provider bits (see `Accumulator::finish`). Each dimension is
    /// one tight pass over the selection's awards, with the way an award finds its groups
    /// fixed for the whole pass. An award whose contracts are all selected adds its
    /// precomputed areas and end months (`PerAward`); only a partly selected award looks at
    /// its contracts. When both are asked for, the regions are added up in the areas' pass
    /// and the categories in the end months' (each from the patterns' keys).
    fn accumulate(
        &self,
        selection: &Selection,
        dims: &[Option<Dim>],
    ) -> Vec<(Vec<Totals>, Vec<u64>)> {
        let ix = &self.index;
        let mut voluntary = vec![0u64; self.provider_words()];
        for (p, provider) in self.providers.iter().enumerate() {
            if provider.sector == Sector::Voluntary {
                voluntary[p / 64] |= 1 << (p % 64);
            }
        }
        let mut done: Vec<Option<Accumulator>> = dims.iter().map(|_| None).collect();
        // The passes over contracts first, so the regions and categories can ride along.
        let by_contract = |i: &usize| matches!(dims[*i], Some(Dim::Area | Dim::End));
        let rest = (0..dims.len()).filter(|i| !by_contract(i));
        for i in (0..dims.len()).filter(by_contract).chain(rest) {
            if done[i].is_some() {
                continue;
            }
            let dim = dims[i];
            let mut acc = Accumulator::new(self, dim);
            let along = |d: Dim| {
                let j = dims.iter().position(|&x| x == Some(d))?;
                Some((j, Accumulator::new(self, Some(d))))
            };
            match dim {
                None => acc.by_award(selection, |_| 0),
                Some(Dim::Region) => acc.by_award(selection, |p| p.region.into()),
                Some(Dim::Category) => acc.by_award(selection, |p| p.category.into()),
                Some(Dim::Provider) => acc.by_award(selection, |p| p.provider),
                Some(Dim::Sector) => acc.by_award(selection, |p| p.sector.into()),
                Some(Dim::Buyer) => acc.by_award(selection, |p| p.buyer),
                Some(Dim::Area) => {
                    let mut regions = along(Dim::Region);
                    let also = regions.as_mut().map(|(_, acc)| acc);
                    acc.by_contract(selection, ix, &ix.award_areas, also, &|c, a, add| match ix
                        .contract_area[c]
                    {
                        REGIONAL => self
                            .areas_of(usize::from(ix.region[a]))
                            .for_each(|g| add(g as u32)),
                        area => add(u32::from(area)),
                    });
                    if let Some((j, regions)) = regions {
                        done[j] = Some(regions);
                    }
                }
                Some(Dim::End) => {
                    let mut categories = along(Dim::Category);
                    let also = categories.as_mut().map(|(_, acc)| acc);
                    acc.by_contract(selection, ix, &ix.award_ends, also, &|c, _, add| {
                        add(ix.contract_end[c])
                    });
                    if let Some((j, categories)) = categories {
                        done[j] = Some(categories);
                    }
                }
            }
            done[i] = Some(acc);
        }
        // An award whose areas reach into other regions (`Index::spanning`) counts in each of
        // them too, with its contracts there: a region's count is what its filter takes.
        if let Some(Some(acc)) = dims
            .iter()
            .position(|&d| d == Some(Dim::Region))
            .map(|i| done[i].as_mut())
        {
            for &(a, r) in &ix.spanning {
                let Ok(k) = selection.awards.binary_search_by_key(&a, |p| p.award) else {
                    continue;
                };
                let picked = &selection.awards[k];
                let there = selection
                    .contracts_of(ix, picked)
                    .filter(|&c| {
                        let area = ix.contract_area[c];
                        area != REGIONAL && self.areas[usize::from(area)].region == usize::from(r)
                    })
                    .count() as u32;
                if there > 0 {
                    acc.add(picked, u32::from(r), there);
                }
            }
        }
        done.into_iter()
            .map(|acc| acc.map(|acc| acc.finish(&voluntary)).unwrap_or_default())
            .collect()
    }

    /// The awards with at least one contract in `selection`, in file order, each with
    /// how many of its contracts are in it.
    pub fn award_rows(&self, selection: &Selection) -> Vec<(usize, usize)> {
        selection
            .awards
            .iter()
            .map(|p| (p.award as usize, p.n as usize))
            .collect()
    }

    /// The selection grouped by `dim`, in key order; groups with no contracts are left out.
    pub fn group_by(&self, selection: &Selection, dim: Dim) -> Vec<Group> {
        let (totals, _) = self
            .accumulate(selection, &[Some(dim)])
            .pop()
            .unwrap_or_default();
        self.groups(dim, totals)
    }

    /// Words in a row of lead-provider bits, one bit per provider.
    pub(crate) fn provider_words(&self) -> usize {
        self.providers.len().div_ceil(64)
    }

    /// Per area (dense, by index), the totals of the awards covering it, and its row of
    /// `provider_words()` words with a bit set for each lead provider among them (what
    /// the map names): the area group-by, read from `summarised` when it is given.
    pub(crate) fn area_cover<'s>(
        &self,
        selection: &Selection,
        summarised: Option<&'s Summary>,
    ) -> (Vec<Totals>, Cow<'s, [u64]>) {
        if let Some(summary) = summarised {
            let mut dense = vec![Totals::default(); self.areas.len()];
            for g in summary.group(Dim::Area) {
                if let Key::Area(a) = g.key {
                    if let Some(slot) = dense.get_mut(a) {
                        *slot = g.totals.clone();
                    }
                }
            }
            return (dense, Cow::Borrowed(&summary.area_providers));
        }
        let (totals, providers) = self
            .accumulate(selection, &[Some(Dim::Area)])
            .pop()
            .unwrap_or_default();
        (totals, Cow::Owned(providers))
    }

    /// Dense per-group totals of `dim` as groups with keys, leaving out the empty ones.
    fn groups(&self, dim: Dim, totals: Vec<Totals>) -> Vec<Group> {
        let months = &self.index.end_months;
        totals
            .into_iter()
            .enumerate()
            .filter(|(_, t)| t.contracts > 0)
            .map(|(i, totals)| Group {
                key: match dim {
                    Dim::Region => Key::Region(i),
                    Dim::Area => Key::Area(i),
                    Dim::Category => Key::Category(i),
                    Dim::Provider => Key::Provider(i),
                    Dim::Sector => Key::Sector(Sector::ALL[i]),
                    Dim::End => Key::End(months[i]),
                    Dim::Buyer => Key::Buyer(i),
                },
                totals,
            })
            .collect()
    }

    /// The share of the selection's value held by the `n` lead providers with the most value (0 to 1).
    pub fn top_providers_share(&self, selection: &Selection, n: usize) -> Option<f64> {
        top_share(&self.group_by(selection, Dim::Provider), n)
    }

    /// The separately commissioned services that the filters' geography, category and
    /// search point at, so a visitor looking for them is told why there is no award.
    /// None apply once a filter on provider, sector, value or end date is set: those
    /// describe awards, and these have none.
    pub fn separate_matching(&self, f: &Filters) -> Vec<&Separate> {
        if !f.providers.is_empty()
            || !f.sectors.is_empty()
            || !f.buyers.is_empty()
            || f.min_value.is_some()
            || f.max_value.is_some()
            || f.end_from.is_some()
            || f.end_to.is_some()
        {
            return Vec::new();
        }
        let terms: Vec<String> = fold(&f.search)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        self.separate
            .iter()
            .filter(|s| {
                let region = &self.regions[s.region];
                let category_ok = match s.category {
                    None => true,
                    Some(c) => {
                        f.categories.is_empty() || f.categories.contains(&self.categories[c].slug)
                    }
                };
                let region_ok = f.regions.is_empty() || f.regions.contains(&region.slug);
                let area_ok = f.areas.is_empty()
                    || self
                        .areas_of(s.region)
                        .any(|a| f.areas.contains(&self.areas[a].slug));
                let text = fold(&format!(
                    "{} {} {} {}",
                    region.name,
                    match s.category {
                        Some(c) => self.categories[c].name.clone(),
                        None => self
                            .categories
                            .iter()
                            .map(|c| c.name.as_str())
                            .collect::<Vec<_>>()
                            .join(" "),
                    },
                    s.commissioner,
                    self.areas_of(s.region)
                        .map(|a| self.areas[a].name.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                ));
                let search_ok = terms.iter().all(|t| text.contains(t.as_str()));
                category_ok && region_ok && area_ok && search_ok
            })
            .collect()
    }
}

/// The running totals of one group-by, in 32-bit counts while adding up. Distinct lead
/// providers are bits per (group, provider), counted once at the end; when each group is
/// a provider, it has exactly one.
struct Accumulator {
    sums: Vec<Sums>,
    seen: Vec<u64>,
    /// Words of `seen` per group: one bit per provider.
    stride: usize,
    by_provider: bool,
    /// How many of an award's contracts in a group count (`Index::contract_cap`).
    cap: u32,
}

/// Calls its last argument with each group contract `c` of award `a` (the first two) is in.
type ContractGroups<'f> = dyn Fn(usize, usize, &mut dyn FnMut(u32)) + 'f;

/// What `Accumulator` adds up per group (see `Totals`).
#[derive(Clone, Copy, Default)]
struct Sums {
    value: u64,
    voluntary_value: u64,
    awards: u32,
    valued_awards: u32,
    contracts: u32,
    partial_awards: u32,
    voluntary_awards: u32,
    voluntary_contracts: u32,
    private_value: u64,
    private_awards: u32,
    private_contracts: u32,
}

impl Accumulator {
    fn new(ds: &Dataset, dim: Option<Dim>) -> Accumulator {
        let by_provider = dim == Some(Dim::Provider);
        let stride = if by_provider { 0 } else { ds.provider_words() };
        Accumulator {
            by_provider,
            ..Accumulator::with_groups(ds.group_count(dim), stride, ds.index.contract_cap)
        }
    }

    /// `groups` groups with rows of `stride` words of lead-provider bits.
    fn with_groups(groups: usize, stride: usize, cap: u32) -> Accumulator {
        Accumulator {
            sums: vec![Sums::default(); groups],
            seen: vec![0u64; groups * stride],
            stride,
            by_provider: false,
            cap,
        }
    }

    /// Each selected award counts in the one group `group` gives it.
    fn by_award(&mut self, selection: &Selection, group: impl Fn(&SelectedAward) -> u32) {
        for picked in &selection.awards {
            self.add(picked, group(picked), picked.n);
        }
    }

    /// Each selected award counts in the groups its contracts are in: a whole award's
    /// from `whole`, a partly selected one's by calling `groups` on each selected contract.
    /// With `also`, each award counts besides in the one group of that accumulator that
    /// `whole` gives as its key.
    #[inline(never)]
    fn by_contract(
        &mut self,
        selection: &Selection,
        ix: &Index,
        whole: &PerAward,
        mut also: Option<&mut Accumulator>,
        groups: &ContractGroups,
    ) {
        // Whole awards are added up per pattern and spread over the groups at the end,
        // unless the patterns' rows of lead-provider bits would be large beside the
        // selection (as many patterns as awards, say).
        let patterns = whole.patterns();
        let mut by_pattern = (patterns * self.stride.max(1) <= 8 * selection.awards.len())
            .then(|| Accumulator::with_groups(patterns, self.stride, self.cap));
        let mut touched: Vec<(u32, u32)> = Vec::new();
        for picked in &selection.awards {
            let a = picked.award as usize;
            if picked.is_whole() {
                // An award whose regional lot reaches beyond the view is counted as such
                // in each group (`Accumulator::add`), which a pattern's sums do not say.
                if let Some(acc) = by_pattern.as_mut().filter(|_| !picked.beyond) {
                    acc.add(picked, whole.pattern_of(a), picked.n);
                    continue;
                }
                for &(g, m) in whole.of(a) {
                    self.add(picked, g, m);
                }
            } else {
                touched.clear();
                for c in selection.contracts_of(ix, picked) {
                    groups(
                        c,
                        a,
                        &mut |g| match touched.iter_mut().find(|(x, _)| *x == g) {
                            Some((_, m)) => *m += 1,
                            None => touched.push((g, 1)),
                        },
                    );
                }
                for &(g, m) in &touched {
                    self.add(picked, g, m);
                }
            }
            if let Some(acc) = &mut also {
                acc.add(picked, whole.key_of(a), picked.n);
            }
        }
        let Some(by_pattern) = by_pattern else {
            return;
        };
        for (q, s) in by_pattern.sums.iter().enumerate() {
            if s.awards == 0 {
                continue;
            }
            let (key, contracts, pairs) = whole.pattern(q);
            let seen = &by_pattern.seen[q * self.stride..(q + 1) * self.stride];
            for &(g, m) in pairs {
                self.spread(g, s, seen, m, contracts);
            }
            if let Some(acc) = &mut also {
                acc.spread(key, s, seen, contracts, contracts);
            }
        }
    }

    /// Adds the sums `s` of whole awards of `contracts` contracts each, `m` of which are in
    /// group `g`, and their lead providers' bits `seen`, to group `g`.
    fn spread(&mut self, g: u32, s: &Sums, seen: &[u64], m: u32, contracts: u32) {
        let g = g as usize;
        let Some(t) = self.sums.get_mut(g) else {
            return;
        };
        let counted = m.min(self.cap);
        t.value += s.value;
        t.awards += s.awards;
        t.valued_awards += s.valued_awards;
        t.contracts += counted * s.awards;
        t.partial_awards += if m < contracts { s.awards } else { 0 };
        t.voluntary_value += s.voluntary_value;
        t.voluntary_awards += s.voluntary_awards;
        t.voluntary_contracts += counted * s.voluntary_awards;
        t.private_value += s.private_value;
        t.private_awards += s.private_awards;
        t.private_contracts += counted * s.private_awards;
        let row = self.seen.iter_mut().skip(g * self.stride).take(self.stride);
        row.zip(seen).for_each(|(w, b)| *w |= b);
    }

    /// Counts the award `picked` in group `g` with `m` of its contracts.
    #[inline(always)]
    fn add(&mut self, picked: &SelectedAward, g: u32, m: u32) {
        let g = g as usize;
        let Some(t) = self.sums.get_mut(g) else {
            return;
        };
        let value = picked.value;
        let counted = m.min(self.cap);
        t.value += value;
        t.awards += 1;
        t.valued_awards += u32::from(picked.valued);
        t.contracts += counted;
        t.partial_awards += u32::from(m < picked.contracts || picked.beyond);
        if picked.voluntary() {
            t.voluntary_value += value;
            t.voluntary_awards += 1;
            t.voluntary_contracts += counted;
        } else if picked.private() {
            t.private_value += value;
            t.private_awards += 1;
            t.private_contracts += counted;
        }
        if !self.by_provider {
            let p = picked.provider as usize;
            if let Some(word) = self.seen.get_mut(g * self.stride + p / 64) {
                *word |= 1 << (p % 64);
            }
        }
    }

    /// The totals per group, and the lead-provider bits they were counted from (a row of
    /// `stride` words per group; none when grouping by provider); `voluntary` has a bit set
    /// for each voluntary-sector provider.
    fn finish(self, voluntary: &[u64]) -> (Vec<Totals>, Vec<u64>) {
        let count = |row: &[u64], mask: Option<&[u64]>| -> usize {
            match mask {
                None => row.iter().map(|w| w.count_ones() as usize).sum(),
                Some(mask) => row
                    .iter()
                    .zip(mask)
                    .map(|(w, v)| (w & v).count_ones() as usize)
                    .sum(),
            }
        };
        let totals = self
            .sums
            .iter()
            .enumerate()
            .map(|(g, s)| {
                let (lead, voluntary_lead) = if self.by_provider {
                    (
                        usize::from(s.awards > 0),
                        usize::from(s.voluntary_awards > 0),
                    )
                } else {
                    let row = &self.seen[g * self.stride..(g + 1) * self.stride];
                    (count(row, None), count(row, Some(voluntary)))
                };
                Totals {
                    value: s.value,
                    awards: s.awards as usize,
                    valued_awards: s.valued_awards as usize,
                    contracts: s.contracts as usize,
                    lead_providers: lead,
                    voluntary_value: s.voluntary_value,
                    voluntary_awards: s.voluntary_awards as usize,
                    voluntary_contracts: s.voluntary_contracts as usize,
                    voluntary_lead_providers: voluntary_lead,
                    private_value: s.private_value,
                    private_awards: s.private_awards as usize,
                    private_contracts: s.private_contracts as usize,
                    partial_awards: s.partial_awards as usize,
                }
            })
            .collect();
        (totals, self.seen)
    }
}
