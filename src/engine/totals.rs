//! What aggregation produces: totals, the dimensions to group by and their keys, groups,
//! and a selection's summary of them all.

use std::cmp::Ordering;

use crate::data::{Dataset, Month, Sector};

/// Headline figures for a set of contracts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Whole pounds: the sum of the values of the awards counted.
    pub value: u64,
    pub awards: usize,
    /// How many of the awards have a published value: `value` adds up only theirs.
    pub valued_awards: usize,
    pub contracts: usize,
    pub lead_providers: usize,
    pub voluntary_value: u64,
    pub voluntary_awards: usize,
    pub voluntary_contracts: usize,
    pub voluntary_lead_providers: usize,
    /// The private companies' part: with the voluntary sector's, all but the awards whose
    /// lead provider's sector no source states.
    pub private_value: u64,
    pub private_awards: usize,
    pub private_contracts: usize,
    /// Awards counted in full although only some of their contracts are in the set, or
    /// whose areas reach beyond the view (a regional lot taken for one area, a CRC taken for
    /// one of its regions): the page says so whenever there are any.
    pub partial_awards: usize,
}

impl Totals {
    /// The voluntary sector's share of the value, 0 to 1; `None` when nothing is counted.
    pub fn voluntary_value_share(&self) -> Option<f64> {
        share(self.voluntary_value as f64, self.value as f64)
    }
    pub(crate) fn voluntary_contract_share(&self) -> Option<f64> {
        share(self.voluntary_contracts as f64, self.contracts as f64)
    }
    pub fn voluntary_provider_share(&self) -> Option<f64> {
        share(
            self.voluntary_lead_providers as f64,
            self.lead_providers as f64,
        )
    }

    /// Adds `other`'s figures to these. Right only for groups that share no award, as the
    /// lead providers' groups do; otherwise awards and lead providers would count twice.
    pub(crate) fn add(&mut self, other: &Totals) {
        self.value += other.value;
        self.awards += other.awards;
        self.valued_awards += other.valued_awards;
        self.contracts += other.contracts;
        self.lead_providers += other.lead_providers;
        self.voluntary_value += other.voluntary_value;
        self.voluntary_awards += other.voluntary_awards;
        self.voluntary_contracts += other.voluntary_contracts;
        self.voluntary_lead_providers += other.voluntary_lead_providers;
        self.private_value += other.private_value;
        self.private_awards += other.private_awards;
        self.private_contracts += other.private_contracts;
        self.partial_awards += other.partial_awards;
    }
}

pub(crate) fn share(part: f64, whole: f64) -> Option<f64> {
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
    Buyer,
}

impl Dim {
    pub const ALL: [Dim; 7] = [
        Dim::Region,
        Dim::Area,
        Dim::Category,
        Dim::Provider,
        Dim::Sector,
        Dim::End,
        Dim::Buyer,
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
    Buyer(usize),
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
            Key::Buyer(i) => ds.index.buyers[i].slug.clone(),
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
            Key::Buyer(i) => ds.index.buyers[i].name.clone(),
        }
    }
}

/// The totals and every group-by of one selection, worked out together (`summarise`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub totals: Totals,
    pub groups: Vec<(Dim, Vec<Group>)>,
    /// The lead providers covering each area, as `Dataset::area_cover` gives them.
    pub(crate) area_providers: Vec<u64>,
}

impl Summary {
    /// The group-by of `dim`, in key order; groups with no contracts are left out.
    pub fn group(&self, dim: Dim) -> &[Group] {
        self.groups
            .iter()
            .find(|(d, _)| *d == dim)
            .map_or(&[], |(_, groups)| groups.as_slice())
    }
}

/// One group of a group-by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub key: Key,
    pub totals: Totals,
}

/// Orders groups by value, largest first (ties by key).
pub(crate) fn by_value_desc(a: &Group, b: &Group) -> Ordering {
    b.totals.value.cmp(&a.totals.value).then(a.key.cmp(&b.key))
}
