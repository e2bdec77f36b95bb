//! The awards table's sort orders: every award ranked once per column and direction.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::data::fold::lower;
use crate::data::{Dataset, Sector};
use crate::engine::rows::Column;

/// The table's order of every award, by column and direction, each worked out on first use
/// and kept: a view then picks its awards out of it in one pass instead of sorting them,
/// which with 100,000 awards built in was most of a click's time.
#[derive(Debug, Default)]
pub struct AwardOrders([OnceLock<Vec<u32>>; 2 * Column::ALL.len()]);

impl AwardOrders {
    /// `awards` in the table's order by `column`: text compared without case, ties in id
    /// order whichever way the column runs.
    pub fn sorted(
        &self,
        ds: &Dataset,
        awards: &[usize],
        column: Column,
        descending: bool,
    ) -> Vec<usize> {
        let slot = &self.0[column as usize * 2 + usize::from(descending)];
        let order = slot.get_or_init(|| ds.award_order(column, descending));
        in_order(order, awards, ds.awards.len())
    }
}

/// The `awards` (indices below `count`) in the order `order` (every award) lists them.
fn in_order(order: &[u32], awards: &[usize], count: usize) -> Vec<usize> {
    let mut chosen = vec![false; count];
    for &a in awards {
        if let Some(c) = chosen.get_mut(a) {
            *c = true;
        }
    }
    order
        .iter()
        .map(|&a| a as usize)
        .filter(|&a| chosen.get(a).copied().unwrap_or(false))
        .collect()
}

impl Dataset {
    /// Each award's rank by its areas text. Awards with the same list of areas (a regional
    /// lot: the same region) read the same, so only one text per list is written and
    /// ranked: writing and ranking every award's own text made the first sort by areas
    /// take 304 ms to paint with 100,000 awards built in. Each list is found again by its
    /// fingerprint in a table with twice as many slots as awards (open addressing): one
    /// probe per award, where sorting the awards by fingerprint was half the areas sort's
    /// time. Two lists sharing a fingerprint are told apart by comparing them, and get
    /// their own texts (equal texts share a rank).
    fn areas_ranks(&self) -> Vec<u32> {
        let key = |a: usize| {
            let award = &self.awards[a];
            (award.areas.is_empty().then_some(award.region), &award.areas)
        };
        let mix = |h: u64, x: u64| (h ^ x).wrapping_mul(0x0100_0000_01b3);
        let fingerprint = |award: &crate::data::Award| {
            let whole_region = if award.areas.is_empty() {
                award.region
            } else {
                usize::MAX
            };
            award
                .areas
                .iter()
                .fold(mix(0xcbf2_9ce4_8422_2325, whole_region as u64), |h, x| {
                    let until = x
                        .until
                        .map_or(0, |m| u64::from(m.year) * 12 + u64::from(m.month));
                    mix(mix(h, x.area as u64), until)
                })
        };
        let bits = (2 * self.awards.len())
            .next_power_of_two()
            .trailing_zeros()
            .max(1);
        let mask = (1usize << bits) - 1;
        // (fingerprint, an award with the list, its text); no text yet: u32::MAX.
        let mut slots = vec![(0u64, 0u32, u32::MAX); mask + 1];
        let mut texts = Vec::new();
        let mut text_of = vec![0u32; self.awards.len()];
        for (a, award) in self.awards.iter().enumerate() {
            let print = fingerprint(award);
            // The fingerprint's top bits, spread (Fibonacci hashing), pick the first slot.
            let mut i = (print.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize;
            text_of[a] = loop {
                let (p, w, t) = slots[i];
                if t == u32::MAX {
                    texts.push(Cow::Owned(self.areas_text(a)));
                    let t = (texts.len() - 1) as u32;
                    slots[i] = (print, a as u32, t);
                    break t;
                }
                if p == print && key(w as usize) == key(a) {
                    break t;
                }
                i = (i + 1) & mask;
            };
        }
        let ranks = text_ranks(texts);
        text_of.iter().map(|&t| ranks[t as usize]).collect()
    }

    /// Every award in the table's order by `column`. Text is ranked once per region,
    /// category, provider name, buyer, source and list of areas, not compared per pair of awards,
    /// so 100,000 awards sort as integers.
    fn award_order(&self, column: Column, descending: bool) -> Vec<u32> {
        let awards = 0..self.awards.len();
        let names: Vec<Cow<str>> = match column {
            Column::Region => self
                .regions
                .iter()
                .map(|r| r.name.as_str().into())
                .collect(),
            Column::Category => self
                .categories
                .iter()
                .map(|c| c.name.as_str().into())
                .collect(),
            Column::Provider => self
                .providers
                .iter()
                .map(|p| p.name.as_str().into())
                .collect(),
            Column::Sector => Sector::ALL.iter().map(|s| s.label().into()).collect(),
            Column::Buyer => self
                .index
                .buyers
                .iter()
                .map(|b| b.name.as_str().into())
                .collect(),
            Column::Source => (0..self.sources.len())
                .map(|s| self.source_text(s).into())
                .collect(),
            _ => Vec::new(),
        };
        let name_rank = text_ranks(names);
        let areas_rank = match column {
            Column::Areas => self.areas_ranks(),
            _ => Vec::new(),
        };
        let mut keyed: Vec<(u64, u32, u32)> = awards
            .map(|a| {
                let award = &self.awards[a];
                let key = match column {
                    // Awards with no published value sort below every value.
                    Column::Value => award.value.map_or(0, |v| v + 1),
                    Column::End => {
                        let m = self.award_end(a);
                        u64::from(m.year) * 12 + u64::from(m.month)
                    }
                    Column::Region => name_rank[award.region].into(),
                    Column::Category => name_rank[award.category].into(),
                    Column::Provider => name_rank[award.provider].into(),
                    Column::Sector => {
                        let sector = self.providers[award.provider].sector;
                        let s = Sector::ALL.iter().position(|&x| x == sector).unwrap_or(0);
                        name_rank[s].into()
                    }
                    Column::Source => name_rank[award.source].into(),
                    Column::Buyer => name_rank[self.index.buyer[a] as usize].into(),
                    Column::Areas => areas_rank[a].into(),
                };
                (key, award.id, a as u32)
            })
            .collect();
        sort_keyed(&mut keyed, descending);
        keyed.into_iter().map(|k| k.2).collect()
    }
}

/// Sorts (key, id, award) triples by key, ascending or descending, then by id and award
/// ascending: the table's one sort of every award (one copy of the standard library's
/// sort in the wasm for all its orders).
fn sort_keyed(keyed: &mut [(u64, u32, u32)], descending: bool) {
    keyed.sort_unstable_by(|x, y| {
        let o = if descending {
            y.0.cmp(&x.0)
        } else {
            x.0.cmp(&y.0)
        };
        o.then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2))
    });
}

/// Each text's rank in case-blind order (equal texts share a rank), so sorting by text
/// can compare integers.
fn text_ranks(texts: Vec<Cow<str>>) -> Vec<u32> {
    let lowered: Vec<String> = texts.iter().map(|t| lower(t)).collect();
    let mut order: Vec<usize> = (0..lowered.len()).collect();
    crate::engine::sort::sort_by(&mut order, |&a, &b| lowered[a].cmp(&lowered[b]));
    let mut ranks = vec![0u32; lowered.len()];
    let mut rank = 0u32;
    for (i, pair) in order.iter().enumerate() {
        if i > 0 && lowered[order[i - 1]] != lowered[*pair] {
            rank += 1;
        }
        ranks[*pair] = rank;
    }
    ranks
}
