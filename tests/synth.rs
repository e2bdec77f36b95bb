//! The synthetic data generator: valid files in the real schema, deterministic, realistically shaped.

use contracts_explorer::data::Sector;
use contracts_explorer::engine::{Dim, Filters};
use contracts_explorer::synth;

#[test]
fn generated_files_load_and_have_the_asked_number_of_awards() {
    let ds = synth::dataset(5_000, 7).expect("the generated files pass the loader's checks");
    assert_eq!(ds.awards.len(), 5_000);
    assert_eq!(ds.areas.len(), 42, "the real geography");
    assert_eq!(ds.categories.len(), 4);
    assert!(
        ds.contracts.len() > 5_000,
        "areas and age groups make more contracts than awards"
    );
}

#[test]
fn the_same_seed_gives_the_same_data_and_another_seed_does_not() {
    let a = synth::dataset(500, 1).unwrap();
    let b = synth::dataset(500, 1).unwrap();
    let c = synth::dataset(500, 2).unwrap();
    assert_eq!(a, b);
    assert_ne!(a.awards, c.awards);
}

#[test]
fn the_shape_is_realistic_skewed_providers_long_tailed_values_both_sectors() {
    let ds = synth::dataset(20_000, 42).unwrap();
    let all = ds.select(&Filters::default());
    let t = ds.totals(&all);
    let share = t.voluntary_value_share().unwrap();
    assert!((0.3..0.9).contains(&share), "voluntary share {share}");
    // A few providers hold much: the top 10 of about 1,000 hold over a fifth of the value.
    let top = ds.top_providers_share(&all, 10).unwrap();
    assert!(top > 0.2, "top-10 share {top}");
    let mut values: Vec<u64> = ds.awards.iter().map(|a| a.value).collect();
    values.sort_unstable();
    let median = values[values.len() / 2];
    let mean = values.iter().sum::<u64>() / values.len() as u64;
    assert!((1_000_000..2_500_000).contains(&median), "median {median}");
    assert!(
        mean > median,
        "long tail: mean {mean} above median {median}"
    );
    assert!(ds.providers.iter().any(|p| p.sector == Sector::Private));
    // Every awarded region and every category is used; Greater Manchester stays separate.
    assert_eq!(ds.group_by(&all, Dim::Region).len(), 11);
    assert_eq!(ds.group_by(&all, Dim::Category).len(), 4);
}
