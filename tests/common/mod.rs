//! Helpers shared by the integration tests.
#![allow(dead_code)]

use contracts_explorer::data::Dataset;
use contracts_explorer::embedded;
use contracts_explorer::engine::{Filters, Totals};

/// The built-in dataset (validated at build time, so this only fails if that check was bypassed).
pub fn ds() -> Dataset {
    embedded::dataset().expect("the built-in data loads")
}

/// Totals for a share-link query, which must decode without warnings.
pub fn totals(ds: &Dataset, query: &str) -> Totals {
    let (f, warnings) = Filters::from_query(query, ds);
    assert!(warnings.is_empty(), "{query}: {warnings:?}");
    ds.totals(&ds.select(&f))
}
