//! Fuzzes the data loader: the first byte picks one of the data files, the rest replaces its
//! bytes. Loading must fail with an error located in a data file or succeed, never panic, and a dataset
//! that loads must be usable by the engine. One more pick unpacks the rest as a packed
//! dataset (what the app reads), under the same rules.
#![no_main]

use std::collections::HashMap;

use contracts_explorer::data::{load, load::decode, packed, Dataset, FILES};
use contracts_explorer::embedded;
use contracts_explorer::engine::{Dim, Filters};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Some((&pick, rest)) = bytes.split_first() else {
        return;
    };
    let Some(&name) = FILES.get(usize::from(pick) % (FILES.len() + 1)) else {
        match packed::unpack(rest) {
            Ok(ds) => exercise(&ds),
            Err(e) => assert_eq!(e.file, "built-in dataset", "{e}"),
        }
        return;
    };
    let mut files: HashMap<String, String> = embedded::FILES
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    match decode(name, rest.to_vec()) {
        Ok(text) => {
            files.insert(name.to_string(), text);
        }
        Err(e) => {
            assert!(e.line >= 1, "a UTF-8 error has a line");
            return;
        }
    }
    match load(&files) {
        Ok(ds) => exercise(&ds),
        Err(e) => {
            // The error may be in another file that depends on the changed one
            // (award_areas.csv naming an award that is gone), but always in a data file.
            assert!(FILES.contains(&e.file.as_str()), "{e}");
            let _ = e.to_string();
        }
    }
});

/// What the page does with a dataset: select, total, group and export it.
fn exercise(ds: &Dataset) {
    let sel = ds.select(&Filters::default());
    let t = ds.totals(&sel);
    assert_eq!(t.contracts, ds.contracts.len());
    for dim in Dim::ALL {
        let _ = ds.group_by(&sel, dim);
    }
    let awards: Vec<usize> = (0..ds.awards.len()).collect();
    for &a in &awards {
        let _ = ds.award_row(a);
    }
    let _ = ds.export_csv(&awards, &Filters::default(), "");
    let today = contracts_explorer::data::Month {
        year: 2026,
        month: 12,
    };
    let summarised = ds.summarise(sel);
    let _ = ds.describe(&Filters::default(), &summarised.summary, today);
    let _ = ds.currency_note(today);
}
