//! The query engine: filtering, the unsplit-value rule, group-by, concentration and separate commissioning.

mod common;

use common::{ds, totals};
use std::sync::Arc;

use contracts_explorer::engine::concentration::{concentration, ShareOf};
use contracts_explorer::engine::facets::Facet;
use contracts_explorer::engine::{Dim, Filters, Key, Unfiltered};

#[test]
fn no_filters_select_everything() {
    let ds = ds();
    assert!(Filters::default().is_empty());
    assert_eq!(
        ds.select(&Filters::default())
            .awards
            .iter()
            .map(|p| p.n as usize)
            .sum::<usize>(),
        ds.contracts.len()
    );
}

#[test]
fn an_area_counts_the_whole_value_of_the_awards_covering_it_and_says_so() {
    let ds = ds();
    let t = totals(&ds, "area=dorset");
    // Women's Centre Cornwall (Devon & Cornwall, Dorset), Catch22 (five areas),
    // and the South West's regional accommodation and ETE lots.
    assert_eq!(t.awards, 4);
    assert_eq!(t.contracts, 4);
    assert_eq!(t.value, 1_765_668 + 5_706_872 + 2_852_365 + 2_624_658);
    assert_eq!(
        t.partial_awards, 4,
        "the two area-lot awards and the two regional lots also cover other areas"
    );
    // A region filter takes awards whole.
    assert_eq!(totals(&ds, "region=south-west").partial_awards, 0);
    // London is one area: its regional lots cover nothing else.
    assert_eq!(totals(&ds, "area=london").partial_awards, 0);
}

#[test]
fn for_every_area_the_note_counts_the_awards_that_also_cover_other_areas() {
    let ds = ds();
    for (chosen, area) in ds.areas.iter().enumerate() {
        let query = format!("area={}", area.slug);
        let sel = ds.select(&Filters::from_query(&query, &ds).0);
        // The plain rule: an award covers every area it lists, or its whole region.
        let elsewhere = sel
            .awards
            .iter()
            .filter(|p| {
                let award = &ds.awards[p.award as usize];
                let covered: Vec<usize> = if award.areas.is_empty() {
                    ds.areas_of(award.region).collect()
                } else {
                    award.areas.iter().map(|x| x.area).collect()
                };
                covered.iter().any(|&a| a != chosen)
            })
            .count();
        assert_eq!(ds.totals(&sel).partial_awards, elsewhere, "{query}");
    }
    assert_eq!(totals(&ds, "area=south-yorkshire").partial_awards, 2);
    assert_eq!(totals(&ds, "area=derbyshire").partial_awards, 3);
    // A search that finds a regional lot by one of its areas' names says so too.
    assert!(totals(&ds, "q=south+yorkshire").partial_awards >= 2);
}

#[test]
fn free_text_finds_areas_regional_lots_cover() {
    let ds = ds();
    let by_area = ds.select(&Filters::from_query("area=dorset", &ds).0);
    let by_text = ds.select(&Filters::from_query("q=Dorset", &ds).0);
    assert_eq!(by_area, by_text);
}

#[test]
fn free_text_ignores_case_and_apostrophe_style_and_needs_every_word() {
    let ds = ds();
    let names = |q: &str| -> Vec<String> {
        let (f, _) = Filters::from_query(q, &ds);
        let mut v: Vec<String> = ds
            .award_rows(&ds.select(&f))
            .iter()
            .map(|(a, _)| ds.providers[ds.awards[*a].provider].name.clone())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let centres = names("q=WOMEN%E2%80%99S+centre");
    assert_eq!(
        centres,
        [
            "Brighton Women's Centre",
            "Nottingham Women's Centre",
            "The Women's Centre Cornwall"
        ]
    );
    assert_eq!(names("q=womens+centre"), centres);
    assert_eq!(
        names("q=catch+22"),
        ["Catch22"],
        "the published spelling is searchable too"
    );
    assert!(names("q=catch22+narnia").is_empty());
}

#[test]
fn sector_value_and_end_filters() {
    let ds = ds();
    let private = totals(&ds, "sector=private");
    assert_eq!(private.lead_providers, 3);
    assert_eq!(private.voluntary_value, 0);
    let big = totals(&ds, "min=6000000");
    assert!(ds
        .award_rows(&ds.select(&Filters::from_query("min=6000000", &ds).0))
        .iter()
        .all(|(a, _)| ds.awards[*a].value >= Some(6_000_000)));
    assert_eq!(big.awards, 6);
    let band = totals(&ds, "min=544992&max=544992");
    assert_eq!(band.awards, 1, "bounds are inclusive");
    let early = totals(&ds, "end-to=2023-06");
    assert_eq!(early.contracts, 17);
    assert!(early.partial_awards > 0);
    let late = totals(&ds, "end-from=2026-01&end-to=2026-12");
    assert_eq!(late.contracts, 32);
    assert_eq!(totals(&ds, "min=10&max=5").awards, 0);
}

#[test]
fn filters_combine_with_and_across_kinds_and_or_within_a_kind() {
    let ds = ds();
    let both = totals(&ds, "region=wales,london");
    let wales = totals(&ds, "region=wales");
    let london = totals(&ds, "region=london");
    assert_eq!(both.awards, wales.awards + london.awards);
    let womens_wales = totals(&ds, "region=wales&category=womens");
    assert_eq!(womens_wales.awards, 2);
    assert_eq!(womens_wales.value, 1_992_162 + 432_225);
}

#[test]
fn group_by_region_partitions_and_by_area_repeats_unsplit_values() {
    let ds = ds();
    let sel = ds.select(&Filters::default());
    let total = ds.totals(&sel).value;
    let regions = ds.group_by(&sel, Dim::Region);
    assert_eq!(regions.len(), 11, "Greater Manchester has no awards");
    assert_eq!(regions.iter().map(|g| g.totals.value).sum::<u64>(), total);
    let areas = ds.group_by(&sel, Dim::Area);
    assert_eq!(areas.len(), 41, "every area but Greater Manchester");
    assert!(areas.iter().map(|g| g.totals.value).sum::<u64>() > total);
    let london = areas
        .iter()
        .find(|g| g.key == Key::Area(ds.area_index("london").unwrap()))
        .unwrap();
    assert_eq!(london.totals.value, 12_501_519 + 4_882_708 + 4_999_117);
    let sectors = ds.group_by(&sel, Dim::Sector);
    assert_eq!(sectors.len(), 2);
    assert_eq!(sectors[0].key.slug(&ds), "voluntary");
    assert_eq!(sectors[0].totals.value, ds.totals(&sel).voluntary_value);
}

#[test]
fn concentration_of_value_among_the_largest_providers() {
    let ds = ds();
    let sel = ds.select(&Filters::default());
    let providers = ds.group_by(&sel, Dim::Provider);
    let mut values: Vec<u64> = providers.iter().map(|g| g.totals.value).collect();
    values.sort_unstable_by(|a, b| b.cmp(a));
    let top3 = ds.top_providers_share(&sel, 3).unwrap();
    let expected = values[..3].iter().sum::<u64>() as f64 / ds.totals(&sel).value as f64;
    assert!((top3 - expected).abs() < 1e-12);
    assert_eq!(ds.top_providers_share(&sel, 100), Some(1.0));
    let nothing = ds.select(&Filters::from_query("min=999999999", &ds).0);
    assert_eq!(ds.top_providers_share(&nothing, 3), None);
}

#[test]
fn the_hhi_of_value_adds_up_the_squares_of_the_providers_shares() {
    let ds = ds();
    for query in ["", "region=wales", "category=womens", "sector=private"] {
        let f = Filters::from_query(query, &ds).0;
        let summary = ds.summarise(ds.select(&f)).summary;
        let c = concentration(&summary).unwrap();
        assert_eq!(
            c.of,
            ShareOf::Value,
            "{query}: every 2021 award has a value"
        );
        // Worked out again from the award rows: each provider's total value.
        let mut by_provider = vec![0u64; ds.providers.len()];
        for (a, _) in ds.award_rows(&ds.select(&f)) {
            by_provider[ds.awards[a].provider] += ds.awards[a].value.unwrap();
        }
        let total: u64 = by_provider.iter().sum();
        let hhi: f64 = by_provider
            .iter()
            .map(|&v| (100.0 * v as f64 / total as f64).powi(2))
            .sum();
        assert_eq!(c.hhi, hhi.round() as u32, "{query}");
    }
    // Private companies: Ingeus, Maximus and Seetec; two hold most of the value.
    let f = Filters::from_query("sector=private", &ds).0;
    let c = concentration(&ds.summarise(ds.select(&f)).summary).unwrap();
    assert_eq!(c.band.label(), "highly concentrated");
}

#[test]
fn separately_commissioned_notes_appear_only_where_they_apply() {
    let ds = ds();
    let notes = |q: &str| ds.separate_matching(&Filters::from_query(q, &ds).0).len();
    assert_eq!(notes(""), 2);
    assert_eq!(notes("region=wales"), 0);
    assert_eq!(notes("area=london"), 1);
    assert_eq!(
        notes("category=womens"),
        2,
        "London women's and Greater Manchester (all categories)"
    );
    assert_eq!(notes("category=ete&region=london"), 0);
    assert_eq!(notes("q=manchester"), 1);
    assert_eq!(notes("provider=ingeus"), 0);
}

#[test]
fn the_unfiltered_view_is_worked_out_once_and_shared_and_a_filtered_one_is_not_kept() {
    let ds = ds();
    let unfiltered = Unfiltered::default();
    let first = ds.select_summarised(&Filters::default(), &unfiltered);
    assert_eq!(first.selection, ds.select(&Filters::default()));
    assert_eq!(first.summary.totals, totals(&ds, ""));
    // A map colouring is not a filter: the same unfiltered selection serves it.
    let (coloured, warnings) = Filters::from_query("map=womens", &ds);
    assert!(warnings.is_empty() && coloured.is_empty());
    let again = ds.select_summarised(&coloured, &unfiltered);
    assert!(Arc::ptr_eq(&first, &again));
    // A filtered view is worked out afresh and does not take the unfiltered one's place.
    let (wales, _) = Filters::from_query("region=wales", &ds);
    let filtered = ds.select_summarised(&wales, &unfiltered);
    assert_eq!(filtered.selection, ds.select(&wales));
    assert_eq!(filtered.summary.totals, totals(&ds, "region=wales"));
    let back = ds.select_summarised(&Filters::default(), &unfiltered);
    assert!(Arc::ptr_eq(&first, &back));
    // Counting a facet's options over the kept selection gives what counting afresh gives.
    let given = ds.facet_counts_given(&wales, Facet::Region, &filtered, &unfiltered);
    assert_eq!(given, ds.facet_counts(&wales, Facet::Region));
    assert_eq!(given.iter().sum::<usize>(), ds.awards.len());
}

#[test]
fn a_town_or_council_finds_its_area_and_an_everyday_word_its_category() {
    let ds = ds();
    let awards = |q: &str| {
        let sel = ds.select(&Filters::from_query(q, &ds).0);
        sel.awards
            .iter()
            .map(|p| p.award as usize)
            .collect::<Vec<_>>()
    };
    // A council finds what its PCC area finds.
    for (place, area) in [
        ("sheffield", "south-yorkshire"),
        ("cardiff", "south-wales"),
        ("leeds", "west-yorkshire"),
        ("birmingham", "west-midlands"),
        ("thamesdown", "wiltshire"),
    ] {
        let by_place = awards(&format!("q={place}"));
        assert!(!by_place.is_empty(), "{place}");
        assert_eq!(by_place, awards(&format!("area={area}")), "{place}");
    }
    // "housing" finds every accommodation award.
    let accommodation = awards("category=accommodation");
    assert_eq!(accommodation.len(), 12);
    assert_eq!(awards("q=housing"), accommodation);
}

#[test]
fn contradicting_filters_say_which_setting_to_change() {
    let ds = ds();
    let f = |q: &str| Filters::from_query(q, &ds).0;
    assert_eq!(
        f("min=5000000&max=1000000").contradiction(),
        Some("“At least” is more than “At most”.")
    );
    assert!(f("end-from=2026-03&end-to=2023-06")
        .contradiction()
        .is_some());
    assert_eq!(f("min=1000000&max=5000000").contradiction(), None);
    assert_eq!(
        ds.totals(&ds.select(&f("min=5000000&max=1000000"))).awards,
        0
    );
}
