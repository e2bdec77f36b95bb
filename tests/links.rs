//! The share-link codec: the corpus of links whose meaning must never change, round trips, and no panics.

mod common;

use common::ds;
use contracts_explorer::data::{Dataset, Month, Sector};
use contracts_explorer::embedded;
use contracts_explorer::engine::link::{self, percent_decode};
use contracts_explorer::engine::{Filters, MapColour, View};
use contracts_explorer::lang::Lang;
use proptest::prelude::*;

#[test]
fn every_link_in_the_corpus_keeps_its_meaning() {
    let ds = ds();
    let corpus = include_str!("link_corpus.txt");
    let mut checked = 0;
    for (n, line) in corpus.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            fields.len(),
            3,
            "link_corpus.txt:{}: three tab-separated fields",
            n + 1
        );
        let expected = fields[1].trim_matches('"');
        // The dataset the link names, as the page and the command line choose it.
        let named = embedded::dataset_named(link::dataset_of(fields[0]))
            .expect("a dataset of the catalogue")
            .expect("it unpacks");
        let ds = if named.slug == ds.slug { &ds } else { &named };
        let (filters, warnings) = View::from_query(fields[0], ds);
        assert_eq!(
            filters.to_query(),
            expected,
            "link_corpus.txt:{}: {}",
            n + 1,
            fields[0]
        );
        let mut ignored: Vec<&str> = warnings.iter().map(|w| w.param.as_str()).collect();
        ignored.dedup();
        let expected_ignored: Vec<&str> = match fields[2] {
            "-" => vec![],
            list => list.split(',').collect(),
        };
        assert_eq!(
            ignored,
            expected_ignored,
            "link_corpus.txt:{}: {}",
            n + 1,
            fields[0]
        );
        // The canonical form is itself a stable link.
        let (again, w) = View::from_query(expected, ds);
        assert_eq!(again, filters, "link_corpus.txt:{}", n + 1);
        assert!(w.is_empty());
        checked += 1;
    }
    assert!(checked >= 40, "{checked}");
}

#[test]
fn warnings_say_what_was_ignored_in_plain_words() {
    let ds = ds();
    let (_, w) = View::from_query("region=narnia&colour=red&min=lots", &ds);
    let text: Vec<String> = w.iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        [
            "Ignored region “narnia”: no such region.",
            "Ignored “colour”: not a setting this explorer knows.",
            "Ignored the smallest award value “lots”: not a whole number of pounds.",
        ]
    );
}

#[test]
fn a_huge_link_is_cut_with_a_warning_and_its_start_still_applies() {
    let ds = ds();
    let query = format!("region=wales&q={}", "é".repeat(5000));
    let (f, w) = View::from_query(&query, &ds);
    assert!(f.filters.regions.contains("wales"));
    assert_eq!(f.filters.search.chars().count(), 200);
    assert!(w.iter().any(|w| w.to_string().contains("longer than 4096")));
}

#[test]
fn percent_decoding_rejects_what_is_malformed() {
    assert_eq!(percent_decode("a%20b+c").as_deref(), Some("a b c"));
    assert_eq!(percent_decode("%E2%80%99").as_deref(), Some("’"));
    assert_eq!(percent_decode("%"), None);
    assert_eq!(percent_decode("%4"), None);
    assert_eq!(percent_decode("%C3%28"), None);
}

fn subset(all: Vec<String>) -> impl Strategy<Value = contracts_explorer::engine::set::Set<String>> {
    proptest::sample::subsequence(all.clone(), 0..=all.len().min(4))
        .prop_map(|v| v.into_iter().collect())
}

fn month() -> impl Strategy<Value = Month> {
    (2000u16..2100, 1u8..=12).prop_map(|(year, month)| Month { year, month })
}

fn views(ds: &Dataset) -> impl Strategy<Value = View> {
    let slugs = |v: Vec<String>| subset(v);
    (
        slugs(ds.regions.iter().map(|r| r.slug.clone()).collect()),
        slugs(ds.areas.iter().map(|r| r.slug.clone()).collect()),
        slugs(ds.categories.iter().map(|r| r.slug.clone()).collect()),
        slugs(ds.providers.iter().map(|r| r.slug.clone()).collect()),
        proptest::sample::subsequence(Sector::ALL.to_vec(), 0..=2),
        (
            proptest::option::of(any::<u64>()),
            proptest::option::of(any::<u64>()),
        ),
        (proptest::option::of(month()), proptest::option::of(month())),
        (
            "\\PC{0,60}",
            proptest::sample::select(MapColour::choices(ds)),
            proptest::sample::select(vec![None, Some(Lang::En), Some(Lang::Cy)]),
        ),
    )
        .prop_map(
            |(
                regions,
                areas,
                categories,
                providers,
                sectors,
                (min, max),
                (from, to),
                (search, map, lang),
            )| {
                View {
                    data: String::new(),
                    filters: Filters {
                        regions,
                        areas,
                        categories,
                        providers,
                        sectors: sectors.into_iter().collect(),
                        // The built-in dataset names no buyer (tests/buyer.rs has lists that do).
                        buyers: Default::default(),
                        min_value: min,
                        max_value: max,
                        end_from: from,
                        end_to: to,
                        search,
                    },
                    map,
                    lang,
                }
            },
        )
}

proptest! {
    #[test]
    fn decode_of_encode_is_the_identity(f in views(&ds())) {
        let ds = ds();
        let query = f.to_query();
        let (back, warnings) = View::from_query(&query, &ds);
        prop_assert!(warnings.is_empty(), "{query}: {warnings:?}");
        prop_assert_eq!(back, f);
    }

    #[test]
    fn any_text_decodes_without_panicking(query in "\\PC{0,300}") {
        let ds = ds();
        let (f, _) = View::from_query(&query, &ds);
        // Whatever was kept is itself a clean link.
        let (again, w) = View::from_query(&f.to_query(), &ds);
        prop_assert!(w.is_empty());
        prop_assert_eq!(again, f);
    }

    #[test]
    fn link_shaped_text_decodes_without_panicking(
        parts in proptest::collection::vec(
            ("(region|area|category|provider|sector|min|max|end-from|end-to|q|v|x)",
             "[a-z0-9%,+&=<>\"'-]{0,20}"), 0..8)
    ) {
        let ds = ds();
        let query: Vec<String> = parts.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let (f, warnings) = View::from_query(&query.join("&"), &ds);
        let _ = ds.totals(&ds.select(&f.filters));
        for w in warnings {
            prop_assert!(!w.to_string().chars().any(char::is_control));
        }
    }
}

#[test]
fn a_broken_deep_link_into_an_embed_shows_the_embeds_own_view_with_the_notice() {
    use contracts_explorer::engine::View;
    let ds = ds();
    let (v, w) = View::from_query_or("region=atlantis", Some("category=womens"), &ds);
    assert_eq!(v.filters.categories.iter().collect::<Vec<_>>(), ["womens"]);
    assert_eq!(w.len(), 1);
    // A link with anything usable keeps it; a clean empty link is the default view.
    let (v, _) = View::from_query_or("region=wales&region=atlantis", Some("category=womens"), &ds);
    assert!(v.filters.categories.is_empty() && v.filters.regions.contains("wales"));
    let (v, w) = View::from_query_or("", Some("category=womens"), &ds);
    assert!(v == View::default() && w.is_empty());
}
