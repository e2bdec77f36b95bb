//! The engine as a small wasm module for the scale benchmark in Chromium (`bench/scale.mjs`):
//! a synthetic dataset, its columns for crossfilter2, and one filter change plus every
//! aggregation (`synth::recompute`, the same workload as the native criterion benchmark).

use contracts_explorer::data::{Dataset, PerAward, Sector};
use contracts_explorer::engine::{Filters, Unfiltered};
use contracts_explorer::synth;
use js_sys::{Float64Array, Uint16Array, Uint32Array, Uint8Array};
use wasm_bindgen::prelude::*;

/// A synthetic dataset and the fixed filter sequence over it.
#[wasm_bindgen]
pub struct Scale {
    ds: Dataset,
    steps: Vec<Filters>,
    /// The unfiltered selection, kept as the page keeps it.
    unfiltered: Unfiltered,
}

#[wasm_bindgen]
impl Scale {
    /// `synth::dataset(awards, seed)`; a message if it fails to load.
    #[wasm_bindgen(constructor)]
    pub fn new(awards: usize, seed: u32) -> Result<Scale, String> {
        let ds = synth::dataset(awards, u64::from(seed)).map_err(|e| e.to_string())?;
        let steps = synth::filter_sequence(&ds);
        Ok(Scale {
            ds,
            steps,
            unfiltered: Unfiltered::default(),
        })
    }

    /// How many steps the filter sequence has.
    pub fn steps(&self) -> usize {
        self.steps.len()
    }

    /// One filter change plus every aggregation; returns `synth::recompute`'s checksum (the
    /// sum of the values in the totals and in every group), which the page compares with
    /// crossfilter2's.
    pub fn step(&self, i: usize) -> f64 {
        self.steps.get(i).map_or(f64::NAN, |f| {
            synth::recompute(&self.ds, f, &self.unfiltered) as f64
        })
    }

    /// Step `i`'s filters in the words the crossfilter page applies them:
    /// `[region ids…] | [category ids…] | voluntary-only (0/1) | minimum value (0 = none)`,
    /// as four space-separated fields with ids comma-separated.
    pub fn step_filters(&self, i: usize) -> String {
        let Some(f) = self.steps.get(i) else {
            return String::new();
        };
        let ids = |slugs: Vec<usize>| {
            slugs
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(",")
        };
        let regions = f.regions.iter().filter_map(|s| self.ds.region_index(s));
        let categories = f
            .categories
            .iter()
            .filter_map(|s| self.ds.category_index(s));
        format!(
            "{} {} {} {}",
            ids(regions.collect()),
            ids(categories.collect()),
            u8::from(f.sectors.len() == 1 && f.sectors.contains(&Sector::Voluntary)),
            f.min_value.unwrap_or(0)
        )
    }

    /// The awards in the other checksum crossfilter can be compared on: for the totals and
    /// every group-by, the sum of awards counted plus lead providers counted.
    pub fn counts(&self, i: usize) -> f64 {
        let Some(f) = self.steps.get(i) else {
            return f64::NAN;
        };
        let sel = self.ds.select(f);
        let t = self.ds.totals(&sel);
        let mut n = t.awards + t.lead_providers;
        for dim in synth::RECOMPUTED {
            for g in self.ds.group_by(&sel, dim) {
                n += g.totals.awards + g.totals.lead_providers;
            }
        }
        n as f64
    }

    /// Per award: value in pounds.
    pub fn values(&self) -> Float64Array {
        let v: Vec<f64> = self.ds.index.value.iter().map(|&v| v as f64).collect();
        Float64Array::from(&v[..])
    }
    /// Per award: lead provider id.
    pub fn providers(&self) -> Uint32Array {
        Uint32Array::from(&self.ds.index.provider[..])
    }
    /// Per award: 1 when the lead provider is voluntary.
    pub fn voluntary(&self) -> Uint8Array {
        let voluntary = Sector::Voluntary as u8;
        let v: Vec<u8> = self
            .ds
            .index
            .sector
            .iter()
            .map(|&s| u8::from(s == voluntary))
            .collect();
        Uint8Array::from(&v[..])
    }
    /// Per award: region id.
    pub fn regions(&self) -> Uint16Array {
        Uint16Array::from(&self.ds.index.region[..])
    }
    /// Per award: category id.
    pub fn categories(&self) -> Uint16Array {
        Uint16Array::from(&self.ds.index.category[..])
    }
    /// Per award: the distinct areas its contracts cover (a regional lot: all its
    /// region's areas), flattened; `area_offsets` has awards + 1 entries.
    pub fn areas(&self) -> Uint16Array {
        Uint16Array::from(&self.lists(&self.ds.index.award_areas).1[..])
    }
    pub fn area_offsets(&self) -> Uint32Array {
        Uint32Array::from(&self.lists(&self.ds.index.award_areas).0[..])
    }
    /// Per award: the distinct end months (indices into the sorted months) of its contracts.
    pub fn ends(&self) -> Uint16Array {
        Uint16Array::from(&self.lists(&self.ds.index.award_ends).1[..])
    }
    pub fn end_offsets(&self) -> Uint32Array {
        Uint32Array::from(&self.lists(&self.ds.index.award_ends).0[..])
    }
}

impl Scale {
    /// `per_award`'s groups for every award, flattened: (offsets, groups).
    fn lists(&self, per_award: &PerAward) -> (Vec<u32>, Vec<u16>) {
        let mut offsets = vec![0u32];
        let mut groups = Vec::new();
        for a in 0..self.ds.awards.len() {
            groups.extend(per_award.of(a).iter().map(|&(g, _)| g as u16));
            offsets.push(groups.len() as u32);
        }
        (offsets, groups)
    }
}
