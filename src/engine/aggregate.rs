//! Aggregations over a selection: totals, group-by, concentration and the timeline of scheduled ends.
//!
//! Values are never split: an award's whole value counts wherever any of its
//! contracts is counted. Where a filter or grouping takes only some of an award's
//! contracts (by area or end date), `Totals::partial_awards` says how many awards
//! that applies to, so the views can say the value covers more than is shown.

use std::collections::BTreeMap;

use crate::data::{Dataset, Month, Sector, Separate};
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

/// One group's key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
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

/// One group of a group-by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub key: Key,
    pub totals: Totals,
}

impl Dataset {
    /// Totals over the contracts in `selection`.
    pub fn totals(&self, selection: &Selection) -> Totals {
        self.totals_of(&selection.contracts)
    }

    /// Totals over a set of contract indices (each listed once).
    fn totals_of(&self, contracts: &[usize]) -> Totals {
        // Per award: how many of its contracts are in the set.
        let mut per_award: BTreeMap<usize, usize> = BTreeMap::new();
        for &c in contracts {
            *per_award.entry(self.contracts[c].award).or_default() += 1;
        }
        let mut t = Totals {
            contracts: contracts.len(),
            awards: per_award.len(),
            ..Totals::default()
        };
        let mut providers = BTreeMap::new();
        for (&a, &n) in &per_award {
            let award = &self.awards[a];
            let voluntary = self.providers[award.provider].sector == Sector::Voluntary;
            t.value += award.value;
            providers.insert(award.provider, voluntary);
            if n < self.contract_count(a) {
                t.partial_awards += 1;
            }
            if voluntary {
                t.voluntary_value += award.value;
                t.voluntary_awards += 1;
                t.voluntary_contracts += n;
            }
        }
        t.lead_providers = providers.len();
        t.voluntary_lead_providers = providers.values().filter(|v| **v).count();
        t
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
        let a = &self.awards[award];
        a.areas.len().max(1) * a.cohorts.len().max(1)
    }

    /// The selection grouped by `dim`, in key order; groups with no contracts are left out.
    pub fn group_by(&self, selection: &Selection, dim: Dim) -> Vec<Group> {
        let mut buckets: BTreeMap<Key, Vec<usize>> = BTreeMap::new();
        for &c in &selection.contracts {
            let contract = &self.contracts[c];
            let award = &self.awards[contract.award];
            let mut put = |k: Key| buckets.entry(k).or_default().push(c);
            match dim {
                Dim::Region => put(Key::Region(award.region)),
                Dim::Category => put(Key::Category(award.category)),
                Dim::Provider => put(Key::Provider(award.provider)),
                Dim::Sector => put(Key::Sector(self.providers[award.provider].sector)),
                Dim::End => put(Key::End(contract.end)),
                Dim::Area => match contract.area {
                    Some(a) => put(Key::Area(a)),
                    None => self.areas_of(award.region).for_each(|a| put(Key::Area(a))),
                },
            }
        }
        buckets
            .into_iter()
            .map(|(key, contracts)| Group {
                key,
                totals: self.totals_of(&contracts),
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
