//! The filter lists: each facet's options, how many awards each option would give, and
//! which options a long list shows.

use crate::data::fold::fold;
use crate::data::{Dataset, Month, Sector};
use crate::engine::aggregate::{Summarised, Unfiltered};
use crate::engine::filters::Filters;
use crate::engine::sort::sort_by;
use crate::engine::text::thousands;
use crate::engine::totals::{Dim, Key};
use crate::lang::{self, m};

/// A filter dimension a visitor can pick values of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    Region,
    Area,
    Category,
    Provider,
    Sector,
    Buyer,
}

impl Facet {
    fn dim(self) -> Dim {
        match self {
            Facet::Region => Dim::Region,
            Facet::Area => Dim::Area,
            Facet::Category => Dim::Category,
            Facet::Provider => Dim::Provider,
            Facet::Sector => Dim::Sector,
            Facet::Buyer => Dim::Buyer,
        }
    }

    /// The facet whose option a group's key is; none for an end month.
    #[cfg_attr(not(feature = "ui"), allow(dead_code))] // a chart bar's pick, on the page
    pub(crate) fn of(key: Key) -> Option<Facet> {
        Some(match key {
            Key::Region(_) => Facet::Region,
            Key::Area(_) => Facet::Area,
            Key::Category(_) => Facet::Category,
            Key::Provider(_) => Facet::Provider,
            Key::Sector(_) => Facet::Sector,
            Key::Buyer(_) => Facet::Buyer,
            Key::End(_) => return None,
        })
    }

    /// The filters without this facet's own choice, so its options count what they would give.
    fn without(self, f: &Filters) -> Filters {
        let mut f = f.clone();
        match self {
            Facet::Region => f.regions.clear(),
            Facet::Area => f.areas.clear(),
            Facet::Category => f.categories.clear(),
            Facet::Provider => f.providers.clear(),
            Facet::Sector => f.sectors.clear(),
            Facet::Buyer => f.buyers.clear(),
        }
        f
    }

    /// Whether `slug` is chosen in `f`.
    #[cfg_attr(not(feature = "ui"), allow(dead_code))] // the page's filter lists
    pub(crate) fn is_chosen(self, f: &Filters, slug: &str) -> bool {
        match self {
            Facet::Region => f.regions.contains(slug),
            Facet::Area => f.areas.contains(slug),
            Facet::Category => f.categories.contains(slug),
            Facet::Provider => f.providers.contains(slug),
            Facet::Buyer => f.buyers.contains(slug),
            Facet::Sector => Sector::from_slug(slug).is_some_and(|s| f.sectors.contains(&s)),
        }
    }

    /// `f` with `slug` chosen or not.
    pub(crate) fn toggled(self, f: &Filters, slug: &str, on: bool) -> Filters {
        let mut f = f.clone();
        let set = |s: &mut crate::engine::set::Set<String>| {
            if on {
                s.insert(slug.to_string());
            } else {
                s.remove(slug);
            }
        };
        match self {
            Facet::Region => set(&mut f.regions),
            Facet::Area => set(&mut f.areas),
            Facet::Category => set(&mut f.categories),
            Facet::Provider => set(&mut f.providers),
            Facet::Buyer => set(&mut f.buyers),
            Facet::Sector => {
                if let Some(s) = Sector::from_slug(slug) {
                    if on {
                        f.sectors.insert(s);
                    } else {
                        f.sectors.remove(&s);
                    }
                }
            }
        }
        f
    }
}

/// One option of a facet: its slug and its label. Options keep their order and labels
/// whatever is filtered; what changes is how many awards each would give (`facet_counts`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetOption {
    pub slug: String,
    pub label: String,
}

/// How many options a long filter list (one with a find box) shows besides the chosen ones:
/// a dataset with thousands of lead providers must not put thousands of boxes on the page.
pub const LONG_LIST: usize = 50;

/// The positions of the options whose text contains what was typed, folded (all of them
/// when nothing was typed); `texts` holds each option's folded names (`find_texts`).
pub fn matching_options(texts: &[String], typed: &str) -> Vec<usize> {
    let needle = fold(typed.trim());
    (0..texts.len())
        .filter(|&i| needle.is_empty() || texts[i].contains(&needle))
        .collect()
}

/// Which of the `matching` options a long list shows, in order: every chosen one, and the
/// first `LONG_LIST` of the others.
pub fn shown_options(matching: &[usize], chosen: impl Fn(usize) -> bool) -> Vec<usize> {
    let mut others = 0;
    matching
        .iter()
        .copied()
        .filter(|&i| {
            let chosen = chosen(i);
            let keep = chosen || others < LONG_LIST;
            others += usize::from(keep && !chosen);
            keep
        })
        .collect()
}

/// The note under a long list when `matching` options are more than it shows.
pub fn long_list_note(matching: usize) -> Option<String> {
    (matching > LONG_LIST).then(|| {
        lang::fill(
            m::LONG_LIST,
            &[
                ("n", &LONG_LIST.to_string()),
                ("all", &thousands(matching as u64)),
            ],
        )
    })
}

impl Dataset {
    /// Every option of `facet`, in file order (areas A to Z).
    pub fn facet_options(&self, facet: Facet) -> Vec<FacetOption> {
        self.facet_keys(facet)
            .into_iter()
            .map(|k| FacetOption {
                slug: k.slug(self),
                label: k.label(self),
            })
            .collect()
    }

    /// What a find box matches typing against, for each of `facet`'s options in
    /// `facet_options` order: its name folded, with an area's places, a lead provider's
    /// other spellings and a category's everyday words.
    pub fn find_texts(&self, facet: Facet) -> Vec<String> {
        let ix = &self.index;
        self.facet_keys(facet)
            .into_iter()
            .map(|k| match k {
                Key::Area(a) => ix.area_text[a].clone(),
                Key::Provider(p) => ix.provider_text[p].clone(),
                Key::Category(c) => ix.category_text[c].clone(),
                other => fold(&other.label(self)),
            })
            .collect()
    }

    /// The keys of `facet`'s options, in file order; areas and buyers A to Z, long lists
    /// people look through by name.
    fn facet_keys(&self, facet: Facet) -> Vec<Key> {
        let by_name = |n: usize, key: fn(usize) -> Key| {
            let mut keys: Vec<Key> = (0..n).map(key).collect();
            sort_by(&mut keys, |&a, &b| a.label(self).cmp(&b.label(self)));
            keys
        };
        match facet {
            Facet::Region => (0..self.regions.len()).map(Key::Region).collect(),
            Facet::Area => by_name(self.areas.len(), Key::Area),
            Facet::Buyer => by_name(self.index.buyers.len(), Key::Buyer),
            Facet::Category => (0..self.categories.len()).map(Key::Category).collect(),
            Facet::Provider => (0..self.providers.len()).map(Key::Provider).collect(),
            // Only the sectors the dataset's lead providers are in: "not stated" only where
            // an imported list leaves some unmarked.
            Facet::Sector => Sector::ALL
                .into_iter()
                .filter(|&s| self.providers.iter().any(|p| p.sector == s))
                .map(Key::Sector)
                .collect(),
        }
    }

    /// How many awards each of `facet`'s options (in `facet_options` order) would give
    /// alongside the other filters.
    pub fn facet_counts(&self, filters: &Filters, facet: Facet) -> Vec<usize> {
        let current = self.summarise(self.select(filters));
        self.facet_counts_given(filters, facet, &current, &Unfiltered::default())
    }

    /// `facet_counts`, given `current`, the filters' selection summarised: a facet with
    /// nothing chosen counts over that selection, and one that is the only filter set counts
    /// over the unfiltered selection, instead of selecting again.
    pub fn facet_counts_given(
        &self,
        filters: &Filters,
        facet: Facet,
        current: &Summarised,
        unfiltered: &Unfiltered,
    ) -> Vec<usize> {
        let others = facet.without(filters);
        let (everything, grouped);
        let groups = if others == *filters {
            current.summary.group(facet.dim())
        } else if others.is_empty() {
            everything = self.select_summarised(&others, unfiltered);
            everything.summary.group(facet.dim())
        } else {
            grouped = self.group_by(&self.select(&others), facet.dim());
            &grouped
        };
        // Groups come in key order, so each key is found by halving.
        self.facet_keys(facet)
            .into_iter()
            .map(|k| {
                groups
                    .binary_search_by(|g| g.key.cmp(&k))
                    .map_or(0, |i| groups[i].totals.awards)
            })
            .collect()
    }

    /// The months in which some contract is scheduled to end, ascending.
    #[cfg_attr(not(feature = "ui"), allow(dead_code))] // the page's end-date lists
    pub(crate) fn end_months(&self) -> Vec<Month> {
        self.index.end_months.clone()
    }

    pub(crate) fn facet_label(&self, facet: Facet, slug: &str) -> Option<String> {
        Some(match facet {
            Facet::Region => self.regions[self.region_index(slug)?].name.clone(),
            Facet::Area => self.areas[self.area_index(slug)?].name.clone(),
            Facet::Category => self.categories[self.category_index(slug)?].name.clone(),
            Facet::Provider => self.providers[self.provider_index(slug)?].name.clone(),
            Facet::Sector => Sector::from_slug(slug)?.label().to_string(),
            Facet::Buyer => self.index.buyers[self.buyer_index(slug)?].name.clone(),
        })
    }
}
