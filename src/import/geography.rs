//! Finding a list's regions and areas among the explorer's own, by name or slug only:
//! a place that is not exactly one of them is left unplaced, never guessed.

use crate::data::fold::fold;
use crate::data::Dataset;

/// The explorer's regions and areas (the built-in dataset's geography).
#[derive(Clone, Copy)]
pub(crate) struct Geography {
    pub ds: &'static Dataset,
}

/// A name folded for matching: case, apostrophes, `&` and spacing do not count.
fn key(name: &str) -> String {
    fold(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Geography {
    /// The region named `name` (its name or slug, in any case).
    pub fn region(&self, name: &str) -> Option<usize> {
        let k = key(name);
        self.ds
            .regions
            .iter()
            .position(|r| key(&r.name) == k || r.slug == k)
    }

    /// The PCC area named `name` (its name or slug, in any case).
    pub fn area(&self, name: &str) -> Option<usize> {
        let k = key(name);
        self.ds
            .areas
            .iter()
            .position(|a| key(&a.name) == k || a.slug == k)
    }
}
