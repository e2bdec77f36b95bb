//! Aggregations over a selection: totals, group-by, concentration and the timeline of scheduled ends.
//!
//! Values are never split: an award's whole value counts wherever any of its
//! contracts is counted. Where a filter or grouping takes only some of an award's
//! contracts (by area or end date), `Totals::partial_awards` says how many awards
//! that applies to, so the views can say the value covers more than is shown.

use crate::data::{Dataset, Month, Sector, Separate, REGIONAL};
use crate::engine::filters::{Filters, Selection};
use crate::engine::text::fold;

/// Headline figures for a set of contracts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Whole pounds: the sum of the values of the awards counted.
    pub value: u64,
    pub awards: usize,
    pub contracts: usize,
    pub lead_providers: usize,
    pub voluntary_value: u64,
    pub voluntary_awards: usize,
    pub voluntary_contracts: usize,
    pub voluntary_lead_providers: usize,
    /// Awards counted in full although only some of their contracts are in the set.
    pub partial_awards: usize,
}

impl Totals {
    /// The voluntary sector's share of the value, 0 to 1; `None` when nothing is counted.
    pub fn voluntary_value_share(&self) -> Option<f64> {
        share(self.voluntary_value as f64, self.value as f64)
    }
    pub fn voluntary_contract_share(&self) -> Option<f64> {
        share(self.voluntary_contracts as f64, self.contracts as f64)
    }
    pub fn voluntary_provider_share(&self) -> Option<f64> {
        share(
            self.voluntary_lead_providers as f64,
            self.lead_providers as f64,
        )
    }
}

fn share(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0).then(|| part / whole)
}

/// What to group by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dim {
    Region,
    /// Each contract counts in every area it covers (a regional lot in all its region's areas).
    Area,
    Category,
    Provider,
    Sector,
    /// The month a contract is scheduled to end.
    End,
}

impl Dim {
    pub const ALL: [Dim; 6] = [
        Dim::Region,
        Dim::Area,
        Dim::Category,
        Dim::Provider,
        Dim::Sector,
        Dim::End,
    ];
}

/// One group's key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Key {
    Region(usize),
    Area(usize),
    Category(usize),
    Provider(usize),
    Sector(Sector),
    End(Month),
}

impl Key {
    /// The key as a share-link value (`YYYY-MM` for an end month).
    pub fn slug(self, ds: &Dataset) -> String {
        match self {
            Key::Region(i) => ds.regions[i].slug.clone(),
            Key::Area(i) => ds.areas[i].slug.clone(),
            Key::Category(i) => ds.categories[i].slug.clone(),
            Key::Provider(i) => ds.providers[i].slug.clone(),
            Key::Sector(s) => s.slug().to_string(),
            Key::End(m) => m.to_string(),
        }
    }

    /// The key as people read it.
    pub fn label(self, ds: &Dataset) -> String {
        match self {
            Key::Region(i) => ds.regions[i].name.clone(),
            Key::Area(i) => ds.areas[i].name.clone(),
            Key::Category(i) => ds.categories[i].name.clone(),
            Key::Provider(i) => ds.providers[i].name.clone(),
            Key::Sector(s) => s.label().to_string(),
            Key::End(m) => m.label(),
        }
    }
}

/// The groups one contract counts in.
enum Groups<'a> {
    One(usize),
    /// A regional lot, in every area of its region.
    Many(&'a [usize]),
}

/// One group of a group-by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub key: Key,
    pub totals: Totals,
}

impl Dataset {
    /// Totals over the contracts in `selection`.
    pub fn totals(&self, selection: &Selection) -> Totals {
        self.accumulate(selection, 1, false, true, |_, _| Groups::One(0))
            .pop()
            .unwrap_or_default()
    }

    /// Totals per group in one pass over the selection, in award order. `groups` names the
    /// groups (dense indices below `count`) a contract counts in, given its award and its
    /// index; when `per_award`, every contract of an award is in the same groups, so they
    /// are asked once per award. Distinct lead providers are counted with one bit per
    /// (group, provider); when each group is a provider (`by_provider`), it has exactly one.
    fn accumulate<'g>(
        &self,
        selection: &Selection,
        count: usize,
        by_provider: bool,
        per_award: bool,
        groups: impl Fn(usize, usize) -> Groups<'g>,
    ) -> Vec<Totals> {
        let ix = &self.index;
        let contracts = &selection.contracts;
        let providers = self.providers.len();
        let mut totals = vec![Totals::default(); count];
        let mut seen = if by_provider {
            Vec::new()
        } else {
            vec![0u64; (count * providers).div_ceil(64)]
        };
        let mut touched: Vec<(usize, usize)> = Vec::new();
        let add = |touched: &mut Vec<(usize, usize)>, g: Groups, n: usize| {
            let mut one = |g: usize| match touched.iter_mut().find(|(x, _)| *x == g) {
                Some((_, m)) => *m += n,
                None => touched.push((g, n)),
            };
            match g {
                Groups::One(g) => one(g),
                Groups::Many(gs) => gs.iter().for_each(|&g| one(g)),
            }
        };
        let mut i = 0;
        while i < contracts.len() {
            let a = ix.contract_award[contracts[i]] as usize;
            let first = i;
            while i < contracts.len() && ix.contract_award[contracts[i]] as usize == a {
                i += 1;
            }
            touched.clear();
            if per_award {
                add(&mut touched, groups(a, contracts[first]), i - first);
            } else {
                for &c in &contracts[first..i] {
                    add(&mut touched, groups(a, c), 1);
                }
            }
            let value = ix.value[a];
            let voluntary = ix.voluntary[a];
            let provider = ix.provider[a] as usize;
            let all_contracts = ix.award_contracts[a].len();
            for &(g, n) in &touched {
                let t = &mut totals[g];
                t.value += value;
                t.awards += 1;
                t.contracts += n;
                if n < all_contracts {
                    t.partial_awards += 1;
                }
                let new_provider = if by_provider {
                    t.awards == 1
                } else {
                    let bit = g * providers + provider;
                    let fresh = seen[bit / 64] & (1 << (bit % 64)) == 0;
                    seen[bit / 64] |= 1 << (bit % 64);
                    fresh
                };
                if new_provider {
                    t.lead_providers += 1;
                }
                if voluntary {
                    t.voluntary_value += value;
                    t.voluntary_awards += 1;
                    t.voluntary_contracts += n;
                    if new_provider {
                        t.voluntary_lead_providers += 1;
                    }
                }
            }
        }
        totals
    }

    /// The awards with at least one contract in `selection`, in file order, each with
    /// how many of its contracts are in it.
    pub fn award_rows(&self, selection: &Selection) -> Vec<(usize, usize)> {
        let mut rows: Vec<(usize, usize)> = Vec::new();
        for &c in &selection.contracts {
            let award = self.contracts[c].award;
            match rows.last_mut() {
                Some((a, n)) if *a == award => *n += 1,
                _ => rows.push((award, 1)),
            }
        }
        rows
    }

    /// How many contracts an award was let as.
    pub fn contract_count(&self, award: usize) -> usize {
        self.index.award_contracts[award].len()
    }

    /// The selection grouped by `dim`, in key order; groups with no contracts are left out.
    pub fn group_by(&self, selection: &Selection, dim: Dim) -> Vec<Group> {
        let months = &self.index.end_months;
        let (groups, key): (usize, Box<dyn Fn(usize) -> Key>) = match dim {
            Dim::Region => (self.regions.len(), Box::new(Key::Region)),
            Dim::Area => (self.areas.len(), Box::new(Key::Area)),
            Dim::Category => (self.categories.len(), Box::new(Key::Category)),
            Dim::Provider => (self.providers.len(), Box::new(Key::Provider)),
            Dim::Sector => (Sector::ALL.len(), Box::new(|i| Key::Sector(Sector::ALL[i]))),
            Dim::End => (months.len(), Box::new(|i| Key::End(months[i]))),
        };
        let ix = &self.index;
        let region_areas: Vec<Vec<usize>> = (0..self.regions.len())
            .map(|r| self.areas_of(r).collect())
            .collect();
        let per_award = !matches!(dim, Dim::End | Dim::Area);
        let totals = self.accumulate(
            selection,
            groups,
            dim == Dim::Provider,
            per_award,
            |a, c| match dim {
                Dim::Region => Groups::One(usize::from(ix.region[a])),
                Dim::Category => Groups::One(usize::from(ix.category[a])),
                Dim::Provider => Groups::One(ix.provider[a] as usize),
                Dim::Sector => Groups::One(if ix.voluntary[a] { 0 } else { 1 }),
                Dim::End => Groups::One(ix.contract_end[c] as usize),
                Dim::Area => match ix.contract_area[c] {
                    REGIONAL => Groups::Many(&region_areas[usize::from(ix.region[a])]),
                    area => Groups::One(usize::from(area)),
                },
            },
        );
        totals
            .into_iter()
            .enumerate()
            .filter(|(_, t)| t.contracts > 0)
            .map(|(i, totals)| Group {
                key: key(i),
                totals,
            })
            .collect()
    }

    /// The share of the selection's value held by the `n` lead providers with the most value (0 to 1).
    pub fn top_providers_share(&self, selection: &Selection, n: usize) -> Option<f64> {
        let mut values: Vec<u64> = self
            .group_by(selection, Dim::Provider)
            .iter()
            .map(|g| g.totals.value)
            .collect();
        values.sort_unstable_by(|a, b| b.cmp(a));
        let total: u64 = values.iter().sum();
        share(values.iter().take(n).sum::<u64>() as f64, total as f64)
    }

    /// The separately commissioned services that the filters' geography, category and
    /// search point at, so a visitor looking for them is told why there is no award.
    /// None apply once a filter on provider, sector, value or end date is set: those
    /// describe awards, and these have none.
    pub fn separate_matching(&self, f: &Filters) -> Vec<&Separate> {
        if !f.providers.is_empty()
            || !f.sectors.is_empty()
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
