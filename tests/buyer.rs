//! The buyer as a dimension: a filter, a group-by, a chart, a table column and a link
//! parameter wherever a list names more than one buyer; nowhere for a list that does not.

mod common;

use contracts_explorer::charts::buyer_chart;
use contracts_explorer::data::{Dataset, Date};
use contracts_explorer::engine::facets::Facet;
use contracts_explorer::engine::link::View;
use contracts_explorer::engine::rows::Column;
use contracts_explorer::engine::{Dim, Filters, Key};
use contracts_explorer::import::import;

const TODAY: Date = Date {
    year: 2026,
    month: 12,
    day: 6,
};

/// A list naming three buyers, one of them in two spellings, and an award naming none.
fn list() -> Dataset {
    let csv = "Supplier,Value,Buyer,Sector\n\
        Nelson Trust,1000,Gloucestershire PCC,voluntary\n\
        Acme Ltd,2000,Ministry of Justice,private\n\
        Acme Ltd,4000,MINISTRY OF JUSTICE,private\n\
        Women's Aid,8000,,voluntary\n\
        Avon Trust,16000,Avon & Somerset PCC,voluntary\n";
    let files = [("list.csv".to_string(), csv.as_bytes().to_vec())];
    import(&files, TODAY)
        .unwrap_or_else(|p| panic!("{p}"))
        .dataset
}

fn view(ds: &Dataset, query: &str) -> (Filters, Vec<String>) {
    let (v, warnings) = View::from_query(query, ds);
    (v.filters, warnings.iter().map(|w| w.to_string()).collect())
}

#[test]
fn buyers_are_named_once_by_slug_and_an_award_naming_none_says_so() {
    let ds = list();
    let options: Vec<(String, String)> = ds
        .facet_options(Facet::Buyer)
        .into_iter()
        .map(|o| (o.slug, o.label))
        .collect();
    let pair = |s: &str, l: &str| (s.to_string(), l.to_string());
    assert_eq!(
        options,
        [
            pair("avon-and-somerset-pcc", "Avon & Somerset PCC"),
            pair("not-stated", "Buyer not stated"),
            pair("gloucestershire-pcc", "Gloucestershire PCC"),
            pair("ministry-of-justice", "Ministry of Justice"),
        ],
        "A to Z, the two spellings of the ministry one buyer under the first"
    );
    assert!(ds.has_buyers());
    assert_eq!(
        ds.facet_counts(&Filters::default(), Facet::Buyer),
        [1, 1, 1, 2]
    );
}

#[test]
fn a_buyer_filters_by_link_and_the_link_says_it_back() {
    let ds = list();
    let (f, warnings) = view(&ds, "buyer=ministry-of-justice,not-stated&sector=private");
    assert!(warnings.is_empty(), "{warnings:?}");
    let t = ds.totals(&ds.select(&f));
    assert_eq!(
        (t.awards, t.value),
        (2, 6000),
        "the ministry's two, private"
    );
    assert_eq!(
        f.to_query(),
        "sector=private&buyer=ministry-of-justice,not-stated"
    );
    let chips: Vec<String> = ds.chips(&f).into_iter().map(|c| c.label).collect();
    assert_eq!(
        chips,
        [
            "Sector: Private company",
            "Buyer: Ministry of Justice",
            "Buyer: Buyer not stated"
        ]
    );
    let (_, warnings) = view(&ds, "buyer=home-office");
    assert_eq!(warnings, ["Ignored buyer “home-office”: no such buyer."]);
}

#[test]
fn the_buyers_group_chart_and_column_add_up_to_the_view() {
    let ds = list();
    let s = ds.summarise(ds.select(&Filters::default()));
    let groups: Vec<(String, u64)> = s
        .summary
        .group(Dim::Buyer)
        .iter()
        .map(|g| (g.key.slug(&ds), g.totals.value))
        .collect();
    assert_eq!(
        groups.iter().map(|g| g.1).sum::<u64>(),
        s.summary.totals.value
    );
    assert!(groups.contains(&("ministry-of-justice".to_string(), 6000)));
    let chart = buyer_chart(&ds, &s.summary);
    let bars: Vec<(&str, [u64; 3])> = chart
        .bars
        .iter()
        .map(|b| (b.label.as_str(), b.values))
        .collect();
    assert_eq!(
        bars,
        [
            ("Avon & Somerset PCC", [16000, 0, 0]),
            ("Buyer not stated", [8000, 0, 0]),
            ("Ministry of Justice", [0, 6000, 0]),
            ("Gloucestershire PCC", [1000, 0, 0]),
        ],
        "largest first, split by the lead providers' sectors"
    );
    assert!(matches!(chart.bars[0].key, Key::Buyer(_)));
    assert!(ds.columns().contains(&Column::Buyer));
    let row = ds.award_row(2);
    assert_eq!(row.buyer, "Ministry of Justice");
    // The CSV names each award's buyer as the table does, and leaves it empty where the
    // list names none.
    let csv = ds.export_csv(&[2, 3], &Filters::default(), "https://example.org/");
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[0].contains(",sector,buyer,value_gbp,"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].contains(",Private company,Ministry of Justice,4000,"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].contains(",Voluntary sector,,8000,"),
        "{}",
        lines[2]
    );
}

#[test]
fn a_dataset_with_one_buyer_or_none_shows_no_buyer_anywhere() {
    let ds = common::ds();
    assert!(!ds.has_buyers());
    assert!(!ds.columns().contains(&Column::Buyer));
    let s = ds.summarise(ds.select(&Filters::default()));
    assert!(s.summary.group(Dim::Buyer).is_empty());
    // A link naming a buyer there is told so, and the rest of it stands.
    let (f, warnings) = view(&ds, "buyer=ministry-of-justice&region=wales");
    assert_eq!(f.regions.len(), 1);
    assert_eq!(
        warnings,
        ["Ignored buyer “ministry-of-justice”: no such buyer."]
    );
}
