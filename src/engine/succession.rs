//! Contracts that changed hands: where an award and the award it took over are both counted, their contract counts once.
//!
//! A CRC that passed from Working Links to Seetec is two awards (two owners, two periods)
//! but one contract. Adding up awards counts it twice; these corrections take the second
//! off wherever both awards land in the same group (the whole view, its region, its areas).

use crate::data::{Dataset, REGIONAL};
use crate::engine::filters::{SelectedAward, Selection};
use crate::engine::totals::{Dim, Totals};

impl Dataset {
    /// (award, the award it took over), for each pair both in `selection`.
    fn successions<'s>(
        &self,
        selection: &'s Selection,
    ) -> Vec<(&'s SelectedAward, &'s SelectedAward)> {
        let find = |a: usize| {
            selection
                .awards
                .binary_search_by_key(&(a as u32), |p| p.award)
                .ok()
                .map(|i| &selection.awards[i])
        };
        self.index
            .successions
            .iter()
            .filter_map(|&(a, earlier)| Some((find(a as usize)?, find(earlier as usize)?)))
            .collect()
    }

    /// The groups of `dim` (one group for `None`) that `picked` is counted in, with the
    /// contracts counted in each.
    fn counted_in(
        &self,
        selection: &Selection,
        picked: &SelectedAward,
        dim: Option<Dim>,
    ) -> Vec<(usize, u32)> {
        let ix = &self.index;
        let one = |g: usize| vec![(g, picked.n.min(ix.contract_cap))];
        let mut groups: Vec<(usize, u32)> = Vec::new();
        let mut add = |g: usize| match groups.iter_mut().find(|(x, _)| *x == g) {
            Some((_, m)) => *m += 1,
            None => groups.push((g, 1)),
        };
        match dim {
            None => return one(0),
            Some(Dim::Region) => return one(usize::from(picked.region)),
            Some(Dim::Category) => return one(usize::from(picked.category)),
            Some(Dim::Provider) => return one(picked.provider as usize),
            Some(Dim::Sector) => return one(usize::from(picked.sector)),
            Some(Dim::Buyer) => return one(picked.buyer as usize),
            Some(Dim::Area) => {
                for c in selection.contracts_of(ix, picked) {
                    match ix.contract_area[c] {
                        REGIONAL => self.areas_of(usize::from(picked.region)).for_each(&mut add),
                        area => add(usize::from(area)),
                    }
                }
            }
            Some(Dim::End) => {
                for c in selection.contracts_of(ix, picked) {
                    add(ix.contract_end[c] as usize);
                }
            }
        }
        for (_, m) in &mut groups {
            *m = (*m).min(ix.contract_cap);
        }
        groups
    }

    /// Takes off `totals` (per group of `dim`; one for `None`) the contracts counted twice
    /// because an award and the one it took over are both in the group.
    pub(crate) fn count_once(
        &self,
        selection: &Selection,
        dim: Option<Dim>,
        totals: &mut [Totals],
    ) {
        for (later, earlier) in self.successions(selection) {
            let before = self.counted_in(selection, earlier, dim);
            for (g, m) in self.counted_in(selection, later, dim) {
                let Some(&(_, n)) = before.iter().find(|(x, _)| *x == g) else {
                    continue;
                };
                let Some(t) = totals.get_mut(g) else {
                    continue;
                };
                let twice = m.min(n) as usize;
                t.contracts -= twice.min(t.contracts);
                if later.sector == earlier.sector {
                    if later.voluntary() {
                        t.voluntary_contracts -= twice.min(t.voluntary_contracts);
                    } else if later.private() {
                        t.private_contracts -= twice.min(t.private_contracts);
                    }
                }
            }
        }
    }
}
