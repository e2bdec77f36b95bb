//! Fuzzes the share-link decoder and the embed-options parser with arbitrary text: no input
//! may panic, and whatever a link keeps must survive a round trip unchanged.
#![no_main]

use std::sync::OnceLock;

use contracts_explorer::data::{Dataset, Month};
use contracts_explorer::embedded;
use contracts_explorer::engine::concentration::concentration;
use contracts_explorer::engine::embed::EmbedOptions;
use contracts_explorer::engine::{link, View};
use libfuzzer_sys::fuzz_target;

/// The dataset a link names (`data=`), as the page and the command line choose it.
fn dataset(query: &str) -> &'static Dataset {
    static ALL: OnceLock<Vec<Dataset>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        embedded::CATALOGUE
            .iter()
            .map(|(slug, _, _)| {
                embedded::dataset_named(slug)
                    .unwrap()
                    .expect("the built-in data loads")
            })
            .collect()
    });
    let slug = link::dataset_of(query);
    all.iter().find(|d| d.slug == slug).unwrap_or(&all[0])
}

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let ds = dataset(&text);
    let (view, warnings) = View::from_query(&text, ds);
    let filters = &view.filters;
    for w in &warnings {
        let _ = w.to_string();
    }
    let summarised = ds.summarise(ds.select(filters));
    let today = Month {
        year: 2026,
        month: 12,
    };
    let _ = ds.describe(filters, &summarised.summary, today);
    let _ = ds.area_map_given(filters, &view.map, &summarised);
    let _ = concentration(&summarised.summary);
    // An embed's own view stands in for a deep link with nothing usable in it.
    let _ = View::from_query_or(&text, Some("category=womens"), ds);
    let (again, w) = View::from_query(&view.to_query(), ds);
    assert!(w.is_empty(), "a canonical link warns: {w:?}");
    assert_eq!(again, view, "a canonical link changed meaning");
    let (options, _) = EmbedOptions::from_fragment(&text);
    let (options_again, _) = EmbedOptions::from_fragment(&options.to_fragment());
    assert_eq!(options_again.panels, options.panels);
    assert_eq!(options_again.accent, options.accent);
    assert_eq!(options_again.host, options.host);
    assert_eq!(options_again.base, options.base);
    assert_eq!(options_again.page, options.page);
    if let Some(page) = &options.page {
        // A page address is the host's own, with nothing that could leave a link.
        assert!(
            options.host.as_deref().is_some_and(|h| page.starts_with(h)),
            "{page}"
        );
        assert!(!page.contains(['"', '<', '>', '#', ' ']), "{page}");
    }
});
