//! The Community Rehabilitation Companies dataset reconciles with the facts its sources state.

use std::collections::BTreeSet;

use contracts_explorer::data::{Dataset, NoteKind, Sector};
use contracts_explorer::embedded;
use contracts_explorer::engine::concentration::{concentration, ShareOf};
use contracts_explorer::engine::Filters;

fn crcs() -> Dataset {
    embedded::dataset_named("tr-crcs")
        .expect("the CRC dataset is built in")
        .expect("it unpacks")
}

/// The awards that began a CRC (the share sale), not those that took one over.
fn at_sale(ds: &Dataset) -> Vec<usize> {
    (0..ds.awards.len())
        .filter(|&a| ds.awards[a].continues.is_none())
        .collect()
}

#[test]
fn twenty_one_crcs_cover_the_forty_two_areas_each_exactly_once() {
    let ds = crcs();
    let crcs = at_sale(&ds);
    assert_eq!(crcs.len(), 21);
    let mut covered = vec![0; ds.areas.len()];
    for &a in &crcs {
        for x in &ds.awards[a].areas {
            covered[x.area] += 1;
        }
    }
    assert_eq!(ds.areas.len(), 42);
    for (area, n) in ds.areas.iter().zip(&covered) {
        assert_eq!(*n, 1, "{} is covered by {n} CRCs", area.name);
    }
    // A later holder takes over exactly the areas of the CRC it continues.
    for a in &ds.awards {
        if let Some(earlier) = a.continues {
            assert_eq!(a.areas.len(), ds.awards[earlier].areas.len());
        }
    }
}

#[test]
fn twenty_four_awards_and_twenty_one_contracts() {
    let ds = crcs();
    let t = ds.totals(&ds.select(&Filters::default()));
    assert_eq!((t.awards, t.contracts), (24, 21));
    assert_eq!(t.valued_awards, 0, "no source gives a CRC's value");
    assert_eq!(t.value, 0);
    let summary = ds.summarise(ds.select(&Filters::default())).summary;
    assert_eq!(summary.totals.contracts, 21);
    assert_eq!(summary.totals.lead_providers, 8);
    // Seetec holds four CRCs; Working Links held three; Wales is one contract of two awards.
    let (by_provider, _) = Filters::from_query("provider=seetec", &ds);
    assert_eq!(ds.totals(&ds.select(&by_provider)).contracts, 4);
    let (wales, _) = Filters::from_query("region=wales", &ds);
    let t = ds.totals(&ds.select(&wales));
    assert_eq!((t.awards, t.contracts), (2, 1));
}

#[test]
fn eight_owners_at_sale_and_one_with_no_private_company() {
    let ds = crcs();
    let owners: BTreeSet<usize> = at_sale(&ds)
        .iter()
        .map(|&a| ds.awards[a].provider)
        .collect();
    assert_eq!(owners.len(), 8);
    let voluntary: Vec<&str> = owners
        .iter()
        .filter(|&&p| ds.providers[p].sector == Sector::Voluntary)
        .map(|&p| ds.providers[p].name.as_str())
        .collect();
    assert_eq!(voluntary, ["Achieving Real Change in Communities (ARCC)"]);
}

#[test]
fn eight_crcs_were_hit_when_their_owners_went_into_administration_in_2019() {
    let ds = crcs();
    // The owners the 2019 events say went into administration: each event's subject, the
    // provider named first in it.
    let first_at = |p: usize, text: &str| {
        let provider = &ds.providers[p];
        std::iter::once(&provider.name)
            .chain(&provider.other_spellings)
            .filter_map(|n| text.find(n.as_str()))
            .min()
    };
    let named = |p: usize, text: &str| {
        let at = first_at(p, text);
        at.is_some()
            && (0..ds.providers.len())
                .all(|q| first_at(q, text) >= at || first_at(q, text).is_none())
    };
    let events: Vec<&str> = ds
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::Event && n.date.year == 2019)
        .filter(|n| n.text.contains("administration"))
        .map(|n| n.text.as_str())
        .collect();
    let crcs = at_sale(&ds)
        .into_iter()
        .filter(|&a| events.iter().any(|t| named(ds.awards[a].provider, t)))
        .count();
    assert_eq!(
        crcs, 8,
        "Clinks: “eight CRCs affected by collapse and administration”"
    );
}

#[test]
fn a_region_takes_a_crc_that_reaches_into_it_whole_and_says_so() {
    let ds = crcs();
    let t = |q: &str| ds.totals(&ds.select(&Filters::from_query(q, &ds).0));
    // Cheshire and Greater Manchester: one CRC across two of today's regions.
    let manchester = t("region=greater-manchester");
    assert_eq!(
        (
            manchester.awards,
            manchester.contracts,
            manchester.partial_awards
        ),
        (1, 1, 1)
    );
    let north_west = t("region=north-west");
    assert_eq!((north_west.awards, north_west.partial_awards), (3, 1));
    // Both regions together hold it wholly: nothing is outside the view.
    let both = t("region=north-west,greater-manchester");
    assert_eq!((both.awards, both.partial_awards), (3, 0));
    // Lincolnshire's CRC is Humberside, Lincolnshire and North Yorkshire's.
    assert_eq!(t("area=lincolnshire").partial_awards, 1);
    assert_eq!(t("q=Manchester").awards, 1);
}

#[test]
fn every_crc_holder_period_is_dated() {
    let ds = crcs();
    for (i, a) in ds.awards.iter().enumerate() {
        let ends: BTreeSet<String> = ds
            .contracts
            .iter()
            .filter(|c| c.award == i)
            .map(|c| c.end.to_string())
            .collect();
        match a.continues {
            Some(_) => assert_eq!(
                a.start.map(|d| d.to_string()).as_deref(),
                Some("2019-02-15")
            ),
            None => assert!(a.start.is_none()),
        }
        let working_links = ds.providers[a.provider].slug == "working-links";
        let end = if working_links { "2019-02" } else { "2021-06" };
        assert_eq!(ends, BTreeSet::from([end.to_string()]), "award {}", a.id);
    }
    assert!(
        ds.categories[0].end_inferred,
        "that every CRC ended on 26 June 2021 is inferred"
    );
}

#[test]
fn concentration_by_contracts_held_worked_by_hand() {
    let ds = crcs();
    let summary = ds.summarise(ds.select(&Filters::default())).summary;
    let c = concentration(&summary).expect("there are contracts");
    // No values, so by the contracts each owner held (24, Wales, Bristol and Dorset counted
    // once for Working Links and once for Seetec): Sodexo 6, Purple Futures 5, Seetec 4,
    // Working Links 3, MTCnovo 2, RRP 2, ARCC 1, EOS 1. Shares in per cent: 25, 20.83,
    // 16.67, 12.5, 8.33, 8.33, 4.17, 4.17; their squares add up to 1,666.7.
    assert_eq!(c.of, ShareOf::Contracts);
    assert_eq!(c.hhi, 1667);
    assert_eq!(c.band.label(), "moderately concentrated");
}

#[test]
fn the_sentence_gives_no_worth_where_none_was_published() {
    let ds = crcs();
    let today = contracts_explorer::data::Month::parse("2026-12").unwrap();
    let f = Filters::from_query("area=dyfed-powys", &ds).0;
    let s = ds.summarise(ds.select(&f));
    assert_eq!(
        ds.describe(&f, &s.summary, today),
        "In Dyfed-Powys, 2 lead providers held 1 contract. They were scheduled to end between February 2019 and June 2021; all those dates have passed."
    );
    assert_eq!(
        ds.currency_note(today),
        "These are the 24 awards held from February 2015, not today's providers: every scheduled end, the last in June 2021, has passed."
    );
}
