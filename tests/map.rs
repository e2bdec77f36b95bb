//! The map's data: each area's fill under each colouring, the legend, the words and the arrow keys.

mod common;

use std::collections::BTreeSet;

use common::ds;
use contracts_explorer::data::{Month, Sector};
use contracts_explorer::engine::map::{Fill, Step, Walk, VALUE_BANDS};
use contracts_explorer::engine::{AreaMap, Dim, Filters, Key, MapColour, View};

fn map_of(query: &str) -> AreaMap {
    let ds = ds();
    let (v, w) = View::from_query(query, &ds);
    assert!(w.is_empty(), "{query}: {w:?}");
    ds.area_map(&v.filters, &v.map)
}

/// The names of the areas with `fill`.
fn areas_with(map: &AreaMap, fill: Fill) -> BTreeSet<String> {
    let ds = ds();
    map.tiles
        .iter()
        .filter(|t| t.fill == fill)
        .map(|t| ds.areas[t.area].name.clone())
        .collect()
}

fn names(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn every_area_has_exactly_one_tile_in_every_colouring() {
    let ds = ds();
    for colour in MapColour::choices(&ds) {
        let map = ds.area_map(&Filters::default(), &colour);
        let areas: Vec<usize> = map.tiles.iter().map(|t| t.area).collect();
        assert_eq!(areas, (0..ds.areas.len()).collect::<Vec<_>>(), "{colour:?}");
        let legend_total: usize = map.legend.iter().map(|e| e.areas).sum();
        assert_eq!(
            legend_total, 42,
            "{colour:?}: the legend counts every area once"
        );
    }
}

#[test]
fn womens_services_are_separate_in_london_and_greater_manchester_and_end_early_where_the_source_says(
) {
    let ds = ds();
    let map = map_of("map=womens");
    assert_eq!(
        areas_with(&map, Fill::Separate),
        names(&["London", "Greater Manchester"])
    );
    // The areas whose women's award says "until June 2023", read straight from the awards.
    let womens = ds.category_index("womens").unwrap();
    let until: BTreeSet<String> = ds
        .awards
        .iter()
        .filter(|a| a.category == womens)
        .flat_map(|a| a.areas.iter().filter(|x| x.until.is_some()))
        .map(|x| ds.areas[x.area].name.clone())
        .collect();
    assert_eq!(until.len(), 8);
    let june_2023 = Fill::Until(Month {
        year: 2023,
        month: 6,
    });
    assert_eq!(areas_with(&map, june_2023), until);
    assert_eq!(areas_with(&map, Fill::Covered).len(), 42 - 2 - 8);
    assert!(areas_with(&map, Fill::Gap).is_empty());
    assert_eq!(map.label_of(june_2023), "Awarded only until June 2023");
    assert!(map.summary(&ds).contains("Gap (no contract awarded): none"));
}

#[test]
fn gaps_follow_the_other_filters() {
    // No private company won a women's contract: under that filter every area is a gap,
    // London and Greater Manchester included (their separate services are not private awards).
    let map = map_of("map=womens&sector=private");
    assert_eq!(areas_with(&map, Fill::Gap).len(), 42);
    assert_eq!(map.label_of(Fill::Gap), "No contract matching the filters");
    // One provider: its areas are covered, the rest are gaps.
    let map = map_of("map=womens&provider=lincolnshire-action-trust");
    assert_eq!(areas_with(&map, Fill::Covered), names(&["Lincolnshire"]));
    assert_eq!(areas_with(&map, Fill::Gap).len(), 41);
}

#[test]
fn the_category_filter_does_not_hide_the_coverage_asked_for() {
    let with = map_of("map=accommodation&category=womens");
    let without = map_of("map=accommodation");
    assert_eq!(with.tiles, without.tiles);
}

#[test]
fn areas_outside_the_chosen_regions_are_marked_not_counted_as_gaps() {
    let map = map_of("map=ete&region=wales");
    assert_eq!(areas_with(&map, Fill::Outside).len(), 42 - 4);
    assert_eq!(
        areas_with(&map, Fill::Covered),
        names(&["Dyfed-Powys", "Gwent", "North Wales", "South Wales"])
    );
}

#[test]
fn choosing_an_area_marks_it_and_keeps_every_other_area_on_the_map() {
    let ds = ds();
    let plain = map_of("map=sector");
    let chosen = map_of("map=sector&area=kent");
    for (a, b) in plain.tiles.iter().zip(&chosen.tiles) {
        assert_eq!(a.fill, b.fill);
        assert_eq!(b.selected, ds.areas[b.area].slug == "kent");
    }
}

#[test]
fn values_are_those_of_the_awards_covering_each_area_and_bands_rise_with_value() {
    let ds = ds();
    let map = map_of("");
    let groups = ds.group_by(&ds.select(&Filters::default()), Dim::Area);
    for g in groups {
        let Key::Area(a) = g.key else { unreachable!() };
        assert_eq!(map.tiles[a].value, g.totals.value, "{}", ds.areas[a].name);
    }
    let mut banded: Vec<(u64, usize)> = map
        .tiles
        .iter()
        .filter_map(|t| match t.fill {
            Fill::Band(b) => Some((t.value, b)),
            _ => None,
        })
        .collect();
    banded.sort();
    assert!(
        banded.windows(2).all(|w| w[0].1 <= w[1].1),
        "bands rise with value"
    );
    assert!(banded.iter().all(|&(_, b)| b < VALUE_BANDS));
    assert_eq!(banded.len(), 41, "all but Greater Manchester have awards");
    assert_eq!(
        areas_with(&map, Fill::Separate),
        names(&["Greater Manchester"])
    );
    let bands: Vec<&str> = map.legend.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(
        bands,
        [
            "Under £5m",
            "£5m to £10m",
            "£10m to £15m",
            "£15m to £20m",
            "£20m or more",
            "Commissioned separately"
        ]
    );
}

#[test]
fn sector_colouring_follows_the_share_of_value_going_to_the_voluntary_sector() {
    let ds = ds();
    let map = map_of("map=sector");
    for t in &map.tiles {
        let providers: BTreeSet<Sector> = t
            .providers
            .iter()
            .map(|&p| ds.providers[p].sector)
            .collect();
        match t.fill {
            Fill::Voluntary => assert_eq!(providers, BTreeSet::from([Sector::Voluntary])),
            Fill::Private => assert_eq!(providers, BTreeSet::from([Sector::Private])),
            Fill::MostlyVoluntary | Fill::MostlyPrivate => assert_eq!(providers.len(), 2),
            Fill::Separate => assert!(providers.is_empty()),
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(
        areas_with(&map, Fill::Voluntary),
        names(&["North Yorkshire", "South Yorkshire"])
    );
}

#[test]
fn each_tile_says_its_name_region_fill_value_and_providers() {
    let ds = ds();
    let map = map_of("map=womens");
    let lincs = ds.area_index("lincolnshire").unwrap();
    let words = map.describe(&ds, &map.tiles[lincs]);
    assert_eq!(words[0], "Lincolnshire");
    assert_eq!(words[1], "Region: East Midlands");
    assert_eq!(words[2], "Awarded for the whole term");
    assert!(words[3].starts_with("Awards covering it: £"), "{words:?}");
    assert!(words[4].contains("Lincolnshire Action Trust"), "{words:?}");
    let gm = ds.area_index("greater-manchester").unwrap();
    assert_eq!(
        map.describe(&ds, &map.tiles[gm])[4],
        "No lead provider in this view"
    );
}

#[test]
fn arrow_keys_reach_the_nearest_tile_in_their_direction() {
    let ds = ds();
    let map = map_of("");
    let at = |s: &str| ds.area_index(s).unwrap();
    let step = |from: &str, s: Step| {
        map.neighbour(&ds, at(from), s)
            .map(|a| ds.areas[a].slug.clone())
    };
    assert_eq!(step("kent", Step::Left).as_deref(), Some("surrey"));
    assert_eq!(step("sussex", Step::Up).as_deref(), Some("surrey"));
    assert_eq!(step("surrey", Step::Up).as_deref(), Some("london"));
    assert_eq!(step("northumbria", Step::Up), None);
    assert_eq!(step("norfolk", Step::Right), None);
    // From Sussex, down leads nowhere; right finds the nearest tile to the right (Kent, a row up).
    assert_eq!(step("sussex", Step::Down), None);
    assert_eq!(step("sussex", Step::Right).as_deref(), Some("kent"));
    // Every tile can be reached from Northumbria by arrow keys alone.
    let mut seen = BTreeSet::from([at("northumbria")]);
    let mut todo = vec![at("northumbria")];
    while let Some(a) = todo.pop() {
        for s in [Step::Up, Step::Down, Step::Left, Step::Right] {
            if let Some(b) = map.neighbour(&ds, a, s) {
                if seen.insert(b) {
                    todo.push(b);
                }
            }
        }
    }
    assert_eq!(seen.len(), 42);
}

#[test]
fn tiles_sit_on_distinct_cells_and_regions_are_contiguous() {
    let ds = ds();
    let cells: BTreeSet<(u8, u8)> = ds.areas.iter().map(|a| a.tile).collect();
    assert_eq!(cells.len(), 42);
    for (r, region) in ds.regions.iter().enumerate() {
        let tiles: Vec<(i32, i32)> = ds
            .areas_of(r)
            .map(|a| (i32::from(ds.areas[a].tile.0), i32::from(ds.areas[a].tile.1)))
            .collect();
        let mut reached = vec![tiles[0]];
        let mut i = 0;
        while i < reached.len() {
            let (x, y) = reached[i];
            for t in &tiles {
                if (t.0 - x).abs() + (t.1 - y).abs() == 1 && !reached.contains(t) {
                    reached.push(*t);
                }
            }
            i += 1;
        }
        assert_eq!(
            reached.len(),
            tiles.len(),
            "{} is in one piece",
            region.name
        );
    }
}

#[test]
fn a_tile_names_ten_providers_and_counts_the_rest() {
    let ds = contracts_explorer::synth::dataset(3_000, 4).unwrap();
    let map = ds.area_map(&Filters::default(), &MapColour::default());
    let busy = map
        .tiles
        .iter()
        .max_by_key(|t| t.providers.len())
        .expect("tiles");
    let n = busy.providers.len();
    assert!(n > 12, "synthetic data gives an area many providers ({n})");
    let names = busy.provider_names(&ds);
    assert!(
        names.ends_with(&format!(" and {} others", n - 10)),
        "{names}"
    );
    assert_eq!(names.matches(", ").count(), 9, "ten names: {names}");
}

#[test]
fn arrow_keys_retrace_their_steps_and_home_and_end_reach_the_corners() {
    let ds = ds();
    let map = map_of("");
    let steps = [Step::Up, Step::Down, Step::Left, Step::Right];
    for a in 0..ds.areas.len() {
        for s in steps {
            let mut walk = Walk::default();
            if let Some(b) = walk.step(&map, &ds, a, s) {
                assert_eq!(
                    walk.step(&map, &ds, b, s.back()),
                    Some(a),
                    "{} {s:?} then back",
                    ds.areas[a].name
                );
            }
        }
    }
    // A longer walk comes home the way it went, step by step.
    let start = ds.areas.iter().position(|a| a.slug == "kent").unwrap();
    let mut walk = Walk::default();
    let mut path = vec![start];
    for s in [Step::Up, Step::Left, Step::Left, Step::Up] {
        if let Some(b) = walk.step(&map, &ds, *path.last().unwrap(), s) {
            path.push(b);
        }
    }
    assert_eq!(path.len(), 5, "{path:?}");
    let mut at = *path.last().unwrap();
    for (i, s) in [Step::Down, Step::Right, Step::Right, Step::Down]
        .into_iter()
        .enumerate()
        .take(path.len() - 1)
    {
        at = walk.step(&map, &ds, at, s).unwrap();
        assert_eq!(at, path[path.len() - 2 - i]);
    }
    let (first, last) = map.first_and_last(&ds).unwrap();
    let (fx, fy) = ds.areas[first].tile;
    let (lx, ly) = ds.areas[last].tile;
    assert!(ds.areas.iter().all(|a| (a.tile.1, a.tile.0) >= (fy, fx)));
    assert!(ds.areas.iter().all(|a| (a.tile.1, a.tile.0) <= (ly, lx)));
}

#[test]
fn when_nothing_matches_the_legend_says_so_rather_than_listing_empty_bands() {
    let ds = ds();
    for colour in ["", "&map=sector"] {
        let map = map_of(&format!("q=zzzz{colour}"));
        let summary = map.summary(&ds);
        assert!(!summary.contains("none"), "{summary}");
        assert!(
            summary.contains("No award in this view: 42 areas"),
            "{summary}"
        );
    }
}
