//! An area's history across the built-in datasets.

use contracts_explorer::data::Dataset;
use contracts_explorer::embedded;
use contracts_explorer::engine::history::history;

fn all() -> Vec<Dataset> {
    embedded::CATALOGUE
        .iter()
        .map(|(slug, _, _)| embedded::dataset_named(slug).unwrap().unwrap())
        .collect()
}

#[test]
fn dyfed_powys_from_its_crc_to_the_next_procurement() {
    let datasets = all();
    let refs: Vec<&Dataset> = datasets.iter().collect();
    let h = history(&refs, "dyfed-powys").unwrap();
    assert_eq!(h.area, "Dyfed-Powys");
    let rows: Vec<String> = h
        .held
        .iter()
        .map(|x| {
            format!(
                "{} {} {} {}-{}",
                x.dataset, x.provider, x.category, x.start, x.end
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            "tr-crcs Working Links Community rehabilitation 2015-02-2019-02",
            "tr-crcs Seetec Community rehabilitation 2019-02-2021-06",
            "crs-2021 The Nelson Trust Women's services 2021-06-2023-06",
            "crs-2021 St Giles Wise Personal wellbeing 2021-06-2023-06",
            "crs-2021 The Forward Trust Accommodation 2021-06-2025-03",
            "crs-2021 Maximus Education, training and employment 2021-06-2025-03",
        ]
    );
    // Only the CRCs' end is inferred; the regional lot says so.
    assert_eq!(h.held.iter().filter(|x| x.end_inferred).count(), 1);
    assert!(h.held[5].regional);
    // What comes after them all: the 2027 procurement, not the CRCs' own successor (2021).
    let next: Vec<String> = h.next.iter().map(|n| n.date.to_string()).collect();
    assert_eq!(next, ["2027-03"]);
    assert!(h.next[0].text.contains("Community Support for Men"));
}

#[test]
fn every_area_has_a_crc_and_the_2021_awards_in_its_history() {
    let datasets = all();
    let refs: Vec<&Dataset> = datasets.iter().collect();
    for area in &datasets[0].areas {
        let h = history(&refs, &area.slug).unwrap();
        assert!(
            h.held.iter().any(|x| x.dataset == "tr-crcs"),
            "{}",
            area.name
        );
        // Greater Manchester's 2021 services were commissioned separately.
        if area.slug != "greater-manchester" {
            assert!(
                h.held.iter().any(|x| x.dataset == "crs-2021"),
                "{}",
                area.name
            );
        }
    }
    assert!(history(&refs, "narnia").is_none());
}
