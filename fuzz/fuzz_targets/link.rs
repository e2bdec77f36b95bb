//! Fuzzes the share-link decoder and the embed-options parser with arbitrary text: no input
//! may panic, and whatever a link keeps must survive a round trip unchanged.
#![no_main]

use std::sync::OnceLock;

use contracts_explorer::data::Dataset;
use contracts_explorer::embedded;
use contracts_explorer::engine::embed::EmbedOptions;
use contracts_explorer::engine::View;
use libfuzzer_sys::fuzz_target;

fn dataset() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| embedded::dataset().expect("the built-in data loads"))
}

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let ds = dataset();
    let (view, warnings) = View::from_query(&text, ds);
    let filters = &view.filters;
    for w in &warnings {
        let _ = w.to_string();
    }
    let sel = ds.select(filters);
    let totals = ds.totals(&sel);
    let _ = ds.describe(filters, &totals);
    let _ = ds.area_map_given(filters, &view.map, &sel);
    let (again, w) = View::from_query(&view.to_query(), ds);
    assert!(w.is_empty(), "a canonical link warns: {w:?}");
    assert_eq!(again, view, "a canonical link changed meaning");
    let (options, _) = EmbedOptions::from_fragment(&text);
    let (options_again, _) = EmbedOptions::from_fragment(&options.to_fragment());
    assert_eq!(options_again.panels, options.panels);
    assert_eq!(options_again.accent, options.accent);
    assert_eq!(options_again.host, options.host);
});
