//! Finding a list's regions and areas among the explorer's own, by name or slug only:
//! a place that is not exactly one of them is left unplaced, never guessed.

use crate::data::fold::fold;
use crate::data::Dataset;

/// The explorer's regions and areas (the built-in dataset's geography), with their names
/// folded once for matching.
#[derive(Clone, Copy)]
pub(crate) struct Geography {
    pub ds: &'static Dataset,
    regions: &'static [String],
    areas: &'static [String],
}

/// A name folded for matching: case, apostrophes, `&` and spacing do not count.
fn key(name: &str) -> String {
    fold(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Geography {
    /// The geography of `ds`, kept for the program's life.
    pub fn new(ds: &'static Dataset) -> Geography {
        let regions: Vec<String> = ds.regions.iter().map(|r| key(&r.name)).collect();
        let areas: Vec<String> = ds.areas.iter().map(|a| key(&a.name)).collect();
        Geography {
            ds,
            regions: Vec::leak(regions),
            areas: Vec::leak(areas),
        }
    }

    /// The region named `name` (its name or slug, in any case).
    pub fn region(&self, name: &str) -> Option<usize> {
        let k = key(name);
        (0..self.regions.len()).find(|&r| self.regions[r] == k || self.ds.regions[r].slug == k)
    }

    /// The PCC area named `name` (its name or slug, in any case).
    pub fn area(&self, name: &str) -> Option<usize> {
        let k = key(name);
        (0..self.areas.len()).find(|&a| self.areas[a] == k || self.ds.areas[a].slug == k)
    }
}
