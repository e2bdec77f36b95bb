//! The engine as a small wasm module for the scale benchmark in Chromium (`bench/scale.mjs`):
//! a synthetic dataset, its columns for crossfilter2, and one filter change plus every
//! aggregation (`synth::recompute`, the same workload as the native criterion benchmark).

use contracts_explorer::data::{Dataset, Sector, REGIONAL};
use contracts_explorer::engine::Filters;
use contracts_explorer::synth;
use js_sys::{Float64Array, Uint16Array, Uint32Array, Uint8Array};
use wasm_bindgen::prelude::*;

/// A synthetic dataset and the fixed filter sequence over it.
#[wasm_bindgen]
pub struct Scale {
    ds: Dataset,
    steps: Vec<Filters>,
}

#[wasm_bindgen]
impl Scale {
    /// `synth::dataset(awards, seed)`; a message if it fails to load.
    #[wasm_bindgen(constructor)]
    pub fn new(awards: usize, seed: u32) -> Result<Scale, String> {
        let ds = synth::dataset(awards, u64::from(seed)).map_err(|e| e.to_string())?;
        let steps = synth::filter_sequence(&ds);
        Ok(Scale { ds, steps })
    }

    /// How many steps the filter sequence has.
    pub fn steps(&self) -> usize {
        self.steps.len()
    }

    /// One filter change plus every aggregation; returns `synth::recompute`'s checksum (the
    /// sum of the values in the totals and in every group), which the page compares with
    /// crossfilter2's.
    pub fn step(&self, i: usize) -> f64 {
        self.steps
            .get(i)
            .map_or(f64::NAN, |f| synth::recompute(&self.ds, f) as f64)
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
        let v: Vec<u8> = self
            .ds
            .index
            .voluntary
            .iter()
            .map(|&b| u8::from(b))
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
        Uint16Array::from(&self.lists(|c| self.contract_areas(c)).1[..])
    }
    pub fn area_offsets(&self) -> Uint32Array {
        Uint32Array::from(&self.lists(|c| self.contract_areas(c)).0[..])
    }
    /// Per award: the distinct end months (indices into the sorted months) of its contracts.
    pub fn ends(&self) -> Uint16Array {
        Uint16Array::from(&self.lists(|c| vec![self.ds.index.contract_end[c] as u16]).1[..])
    }
    pub fn end_offsets(&self) -> Uint32Array {
        Uint32Array::from(&self.lists(|c| vec![self.ds.index.contract_end[c] as u16]).0[..])
    }
}

impl Scale {
    fn contract_areas(&self, c: usize) -> Vec<u16> {
        let ix = &self.ds.index;
        match ix.contract_area[c] {
            REGIONAL => {
                let region = usize::from(ix.region[ix.contract_award[c] as usize]);
                (0..self.ds.areas.len())
                    .filter(|&a| self.ds.areas[a].region == region)
                    .map(|a| a as u16)
                    .collect()
            }
            a => vec![a],
        }
    }

    /// Per award, the distinct values `of` gives for its contracts: (offsets, values).
    fn lists(&self, of: impl Fn(usize) -> Vec<u16>) -> (Vec<u32>, Vec<u16>) {
        let mut offsets = vec![0u32];
        let mut values = Vec::new();
        for range in &self.ds.index.award_contracts {
            let mut mine: Vec<u16> = range.clone().flat_map(&of).collect();
            mine.sort_unstable();
            mine.dedup();
            values.extend(mine);
            offsets.push(values.len() as u32);
        }
        (offsets, values)
    }
}
