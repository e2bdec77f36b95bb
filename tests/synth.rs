//! The synthetic data generator: valid files in the real schema, deterministic, realistically shaped.

use contracts_explorer::data::fold::{fold, lower, slugify};
use contracts_explorer::data::{Dataset, Sector};
use contracts_explorer::engine::{Dim, Filters, MapColour, Selection, View};
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
    let mut values: Vec<u64> = ds.awards.iter().map(|a| a.value.unwrap_or(0)).collect();
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

/// The aggregation rules written the plain way (a map per group, a set per award), to check
/// the engine's single-pass version against on data far larger and messier than 2021's.
fn reference_totals(
    ds: &Dataset,
    f: &Filters,
    contracts: &[usize],
) -> contracts_explorer::engine::Totals {
    use std::collections::{BTreeMap, BTreeSet};
    let mut per_award: BTreeMap<usize, usize> = BTreeMap::new();
    for &c in contracts {
        *per_award.entry(ds.contracts[c].award).or_default() += 1;
    }
    let mut t = contracts_explorer::engine::Totals {
        contracts: contracts.len(),
        awards: per_award.len(),
        ..Default::default()
    };
    let mut providers = BTreeSet::new();
    let mut voluntary_providers = BTreeSet::new();
    for (&a, &n) in &per_award {
        let award = &ds.awards[a];
        let sector = ds.providers[award.provider].sector;
        let voluntary = sector == Sector::Voluntary;
        t.value += award.value.unwrap_or(0);
        t.valued_awards += usize::from(award.value.is_some());
        providers.insert(award.provider);
        let all = ds.contracts.iter().filter(|c| c.award == a).count();
        if n < all || reference_beyond(ds, f, a, contracts) {
            t.partial_awards += 1;
        }
        if voluntary {
            voluntary_providers.insert(award.provider);
            t.voluntary_value += award.value.unwrap_or(0);
            t.voluntary_awards += 1;
            t.voluntary_contracts += n;
        }
        if sector == Sector::Private {
            t.private_value += award.value.unwrap_or(0);
            t.private_awards += 1;
            t.private_contracts += n;
        }
    }
    t.lead_providers = providers.len();
    t.voluntary_lead_providers = voluntary_providers.len();
    t
}

/// Whether award `a`, with a contract among `contracts`, has a regional lot among them that
/// the view took for one of its region's areas while the lot covers others too: the area
/// filter leaves one of them out, or a search found the lot by an area's name (the
/// award's own names not holding every term) and the region has more than one area.
fn reference_beyond(ds: &Dataset, f: &Filters, a: usize, contracts: &[usize]) -> bool {
    let award = &ds.awards[a];
    let lot = contracts
        .iter()
        .any(|&c| ds.contracts[c].award == a && ds.contracts[c].area.is_none());
    let areas: Vec<usize> = ds.areas_of(award.region).collect();
    let by_area_filter =
        !f.areas.is_empty() && areas.iter().any(|&x| !f.areas.contains(&ds.areas[x].slug));
    let own = fold(&award_names(ds, a));
    let by_search = fold(&f.search).split_whitespace().any(|t| !own.contains(t)) && areas.len() > 1;
    lot && (by_area_filter || by_search)
}

/// Every contract `sel` holds, ascending.
fn contracts(ds: &Dataset, sel: &Selection) -> Vec<usize> {
    sel.awards
        .iter()
        .flat_map(|p| sel.contracts_of(&ds.index, p))
        .collect()
}

/// A synthetic dataset in which every seventh lead provider's sector is not stated, as in
/// an imported list whose suppliers are not all marked.
fn with_unstated_sectors(awards: usize, seed: u64) -> Dataset {
    let real = contracts_explorer::embedded::dataset().unwrap();
    let mut files = synth::generate(&real, contracts_explorer::embedded::FILES, awards, seed);
    for (name, text) in &mut files {
        if name == "providers.csv" {
            *text = text
                .lines()
                .enumerate()
                .map(|(i, line)| match i % 7 {
                    6 => line.replace(",voluntary,", ",not-stated,").replace(",private,", ",not-stated,"),
                    _ => line.to_string(),
                } + "\n")
                .collect();
        }
    }
    let pairs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    contracts_explorer::data::load(pairs.as_slice()).unwrap()
}

#[test]
fn single_pass_aggregation_equals_the_plain_rules_at_scale() {
    use contracts_explorer::engine::Key;
    use std::collections::BTreeMap;
    let ds = with_unstated_sectors(3_000, 9);
    assert!(ds.providers.iter().any(|p| p.sector == Sector::NotStated));
    // Awards share their lists of areas and end months, which whole awards are added up by.
    assert!(ds.index.award_areas.patterns() < 300, "area patterns");
    assert!(ds.index.award_ends.patterns() < 100, "end patterns");
    let mut queries = synth::filter_sequence(&ds);
    queries.push(Filters::from_query("area=kent,dorset&end-to=2023-06", &ds).0);
    // Regional lots taken for one of their areas, by the area filter and by a search.
    queries.push(Filters::from_query("area=kent,dorset", &ds).0);
    // Buyers, one of them the awards that name none.
    queries.push(Filters::from_query("buyer=commissioner-03,not-stated&region=wales", &ds).0);
    queries.push(Filters::from_query("q=dorset", &ds).0);
    queries.push(Filters::from_query("q=provider+0001", &ds).0);
    // Two small providers: a selection too small to add its whole awards up by pattern.
    queries.push(Filters::from_query("provider=provider-000140,provider-000141", &ds).0);
    for f in queries {
        let sel = ds.select(&f);
        assert_eq!(
            ds.totals(&sel),
            reference_totals(&ds, &f, &contracts(&ds, &sel)),
            "{}",
            f.to_query()
        );
        for dim in Dim::ALL {
            let mut buckets: BTreeMap<Key, Vec<usize>> = BTreeMap::new();
            for c in contracts(&ds, &sel) {
                let contract = &ds.contracts[c];
                let award = &ds.awards[contract.award];
                let mut put = |k: Key| buckets.entry(k).or_default().push(c);
                match dim {
                    Dim::Region => put(Key::Region(award.region)),
                    Dim::Category => put(Key::Category(award.category)),
                    Dim::Provider => put(Key::Provider(award.provider)),
                    Dim::Sector => put(Key::Sector(ds.providers[award.provider].sector)),
                    Dim::End => put(Key::End(contract.end)),
                    Dim::Buyer => put(Key::Buyer(
                        ds.buyer_index(&buyer_slug(&award.buyer))
                            .expect("every award's buyer is listed"),
                    )),
                    Dim::Area => match contract.area {
                        Some(a) => put(Key::Area(a)),
                        None => ds.areas_of(award.region).for_each(|a| put(Key::Area(a))),
                    },
                }
            }
            let expected: Vec<(Key, contracts_explorer::engine::Totals)> = buckets
                .into_iter()
                .map(|(k, cs)| (k, reference_totals(&ds, &f, &cs)))
                .collect();
            let got: Vec<(Key, contracts_explorer::engine::Totals)> = ds
                .group_by(&sel, dim)
                .into_iter()
                .map(|g| (g.key, g.totals))
                .collect();
            assert_eq!(got, expected, "{} by {dim:?}", f.to_query());
        }
        // The one-pass summary the page uses gives the same totals and groups.
        let summary = ds.summarise(ds.select(&f)).summary;
        assert_eq!(summary.totals, ds.totals(&sel), "{}", f.to_query());
        for dim in Dim::ALL {
            assert_eq!(
                summary.group(dim),
                ds.group_by(&sel, dim),
                "summarised {} by {dim:?}",
                f.to_query()
            );
        }
    }
}

/// Each share-link query as filters, every part of it understood.
/// The filters and map colouring of each share-link query, which must be clean.
fn views(ds: &Dataset, queries: &[&str]) -> Vec<(Filters, MapColour)> {
    queries
        .iter()
        .map(|q| {
            let (v, warnings) = View::from_query(q, ds);
            assert!(warnings.is_empty(), "{q}: {warnings:?}");
            (v.filters, v.map)
        })
        .collect()
}

fn parsed(ds: &Dataset, queries: &[&str]) -> Vec<Filters> {
    queries
        .iter()
        .map(|q| {
            let (f, warnings) = Filters::from_query(q, ds);
            assert!(warnings.is_empty(), "{q}: {warnings:?}");
            f
        })
        .collect()
}

/// Every name award `a` is known by, whatever its contracts' areas: its provider's
/// spellings and the one its source used, its region, its category and the category's
/// everyday words.
fn award_names(ds: &Dataset, a: usize) -> String {
    let award = &ds.awards[a];
    let provider = &ds.providers[award.provider];
    let category = &ds.categories[award.category];
    // Regions and categories by their names in both languages.
    format!(
        "{} {} {} {} {} {} {} {}",
        provider.name,
        provider.other_spellings.join(" "),
        award.published_provider,
        ds.regions[award.region].name,
        ds.regions[award.region].name_cy,
        category.name,
        category.name_cy,
        category.search_words.join(" "),
    )
}

/// Whether contract `c` holds every search term, the plain way: each term in one folded
/// text of every name the contract is known by (its provider's spellings and the one its
/// source used, its region, its category and the category's everyday words, its areas
/// and their places).
fn reference_search(ds: &Dataset, terms: &[String], c: usize) -> bool {
    let contract = &ds.contracts[c];
    let award = &ds.awards[contract.award];
    let area_names = |a: usize| {
        let area = &ds.areas[a];
        format!("{} {} {}", area.name, area.name_cy, area.places.join(" "))
    };
    let areas: Vec<String> = match contract.area {
        Some(a) => vec![area_names(a)],
        None => ds.areas_of(award.region).map(area_names).collect(),
    };
    let text = fold(&format!(
        "{} {}",
        award_names(ds, contract.award),
        areas.join(" ")
    ));
    terms.iter().all(|t| text.contains(t.as_str()))
}

/// A buyer's slug, the plain way: its name's, or `not-stated` for none.
fn buyer_slug(name: &str) -> String {
    match slugify(name) {
        s if s.is_empty() => "not-stated".to_string(),
        s => s,
    }
}

/// The contracts `f` selects, by its rules written the plain way, one contract at a time.
fn reference_selection(ds: &Dataset, f: &Filters) -> Vec<usize> {
    let terms: Vec<String> = fold(&f.search)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let has = |set: &contracts_explorer::engine::set::Set<String>, slug: &str| {
        set.is_empty() || set.contains(&slug.to_string())
    };
    (0..ds.contracts.len())
        .filter(|&c| {
            let contract = &ds.contracts[c];
            let award = &ds.awards[contract.award];
            let provider = &ds.providers[award.provider];
            let in_area = f.areas.is_empty()
                || match contract.area {
                    Some(a) => f.areas.contains(&ds.areas[a].slug),
                    None => ds
                        .areas_of(award.region)
                        .any(|a| f.areas.contains(&ds.areas[a].slug)),
                };
            has(&f.regions, &ds.regions[award.region].slug)
                && has(&f.categories, &ds.categories[award.category].slug)
                && has(&f.providers, &provider.slug)
                && (f.sectors.is_empty() || f.sectors.contains(&provider.sector))
                && has(&f.buyers, &buyer_slug(&award.buyer))
                && f.min_value
                    .is_none_or(|v| award.value.is_some_and(|x| x >= v))
                && f.max_value
                    .is_none_or(|v| award.value.is_some_and(|x| x <= v))
                && f.end_from.is_none_or(|m| contract.end >= m)
                && f.end_to.is_none_or(|m| contract.end <= m)
                && in_area
                && reference_search(ds, &terms, c)
        })
        .collect()
}

#[test]
fn a_selection_holds_exactly_the_contracts_the_filters_match_at_scale() {
    // Not a multiple of 64 awards, so the last word of the selection's bits is part full.
    let ds = synth::dataset(3_001, 11).unwrap();
    assert_ne!(ds.awards.len() % 64, 0);
    let mut queries = synth::filter_sequence(&ds);
    queries.extend(parsed(
        &ds,
        &[
            "max=400000",
            "min=500000&max=2000000",
            "sector=private&min=3000000",
            "sector=voluntary,private&category=accommodation",
            "buyer=commissioner-05,not-stated&sector=private",
            "provider=provider-000001,provider-000002,provider-000140",
            "region=wales,london&sector=voluntary&max=1500000",
            "area=kent,dorset&category=womens",
            "end-from=2023-07&sector=private",
            "min=999999999999",
            "q=trust",
            "q=SERVICES+ltd+kent",
            "q=provider+00001",
            "q=wales+women",
            "q=north+accommodation+trust",
            "q=s",
            "q=catch22",
            "q=dorset&category=womens",
            "q=trust&area=kent,dorset",
            "q=kent+trust&end-to=2023-06",
            "q=sussex&end-from=2023-07&area=kent,sussex",
        ],
    ));
    let mut sizes = Vec::new();
    for f in queries {
        let sel = ds.select(&f);
        let expected = reference_selection(&ds, &f);
        assert_eq!(contracts(&ds, &sel), expected, "{}", f.to_query());
        sizes.push(expected.len());
    }
    // The queries between them select nothing, some and most of the contracts.
    assert!(sizes.contains(&0));
    assert!(sizes.iter().any(|&n| n > ds.contracts.len() / 2));
}

#[test]
fn search_finds_what_the_plain_rule_finds_in_the_built_in_data() {
    let ds = contracts_explorer::embedded::dataset().unwrap();
    let queries = parsed(
        &ds,
        &[
            "q=catch+22",
            "q=WOMEN%E2%80%99S+centre",
            "q=the",
            "q=and",
            "q=south+west",
            "q=dorset",
            "q=sussex+accommodation",
            "q=a+e+i+o+u",
            "q=wales&sector=private",
            "q=cymru",
            "q=gogledd+cymru",
            "q=llety",
            "q=services&region=london,wales",
            "q=nowhere",
        ],
    );
    for f in queries {
        let expected = reference_selection(&ds, &f);
        assert_eq!(contracts(&ds, &ds.select(&f)), expected, "{}", f.to_query());
    }
}

#[test]
fn every_built_in_name_lowers_as_unicode_lowers_it() {
    // Search lowers names with a small table of its own (`text::lower`), not Unicode's.
    let ds = contracts_explorer::embedded::dataset().unwrap();
    let names = ds
        .providers
        .iter()
        .flat_map(|p| std::iter::once(&p.name).chain(&p.other_spellings));
    let names = names
        .chain(ds.regions.iter().map(|r| &r.name))
        .chain(ds.categories.iter().map(|c| &c.name))
        .chain(ds.areas.iter().map(|a| &a.name))
        .chain(ds.awards.iter().map(|a| &a.published_provider))
        .chain(ds.separate.iter().map(|s| &s.commissioner));
    for name in names {
        assert_eq!(lower(name), name.to_lowercase(), "{name}");
    }
}

#[test]
fn a_selection_lists_each_award_s_contracts_whole_or_in_part() {
    let ds = synth::dataset(3_000, 5).unwrap();
    let mut queries = synth::filter_sequence(&ds);
    queries.push(Filters::from_query("area=kent,dorset", &ds).0);
    queries.push(Filters::from_query("region=wales&end-to=2023-06", &ds).0);
    for f in queries {
        let sel = ds.select(&f);
        let all = contracts(&ds, &sel);
        let q = f.to_query();
        assert!(
            all.windows(2).all(|w| w[0] < w[1]),
            "ascending, once each: {q}"
        );
        for picked in &sel.awards {
            let a = picked.award as usize;
            let mine: Vec<usize> = sel.contracts_of(&ds.index, picked).collect();
            assert_eq!(mine.len(), picked.n as usize, "{q}");
            assert!(mine.iter().all(|&c| ds.contracts[c].award == a), "{q}");
            let every: Vec<usize> = ds.index.award_contracts[a].clone().collect();
            assert_eq!(picked.is_whole(), mine == every, "{q}");
        }
        if q.starts_with("area=") {
            assert!(
                sel.awards.iter().any(|p| !p.is_whole()),
                "some in part: {q}"
            );
        }
        // Without a filter that looks inside awards, every selected award is whole.
        if !f.selects_within_awards() {
            assert!(sel.awards.iter().all(|p| p.is_whole()), "{q}");
        }
    }
}

#[test]
fn the_map_counts_each_award_once_in_each_area_it_covers_at_scale() {
    use std::collections::BTreeSet;
    let ds = synth::dataset(3_000, 9).unwrap();
    for (f, colour) in views(
        &ds,
        &[
            "",
            "sector=voluntary&min=1000000",
            "area=kent,dorset&end-to=2023-06",
            "map=sector&end-from=2024-01",
            "map=womens&region=wales,london",
            "q=provider+0001",
        ],
    ) {
        let query = View {
            data: String::new(),
            filters: f.clone(),
            map: colour.clone(),
            lang: None,
        }
        .to_query();
        // The plain rules: the map leaves the area filter out, so every area shows what
        // covers it; an award counts once in each area any of its selected contracts covers.
        let mut scope = f.clone();
        scope.areas.clear();
        if let MapColour::Coverage(c) = &colour {
            scope.categories = [c.clone()].into();
        }
        let mut covering: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); ds.areas.len()];
        for c in contracts(&ds, &ds.select(&scope)) {
            let contract = &ds.contracts[c];
            match contract.area {
                Some(a) => {
                    covering[a].insert(contract.award);
                }
                None => ds.areas_of(ds.awards[contract.award].region).for_each(|a| {
                    covering[a].insert(contract.award);
                }),
            }
        }
        let map = ds.area_map(&f, &colour);
        assert_eq!(
            map,
            ds.area_map_given(&f, &colour, &ds.summarise(ds.select(&f))),
            "{query}"
        );
        // As the page gives it, summarised: the map then reads the area group-by's totals
        // and lead providers from the summary.
        let unfiltered = contracts_explorer::engine::Unfiltered::default();
        let summarised = ds.select_summarised(&f, &unfiltered);
        assert_eq!(map, ds.area_map_given(&f, &colour, &summarised), "{query}");
        assert_eq!(map.tiles.len(), ds.areas.len());
        for (tile, awards) in map.tiles.iter().zip(&covering) {
            let value: u64 = awards
                .iter()
                .map(|&a| ds.awards[a].value.unwrap_or(0))
                .sum();
            let providers: BTreeSet<usize> =
                awards.iter().map(|&a| ds.awards[a].provider).collect();
            let name = &ds.areas[tile.area].name;
            assert_eq!(tile.value, value, "{query}: {name}");
            assert_eq!(tile.providers, Vec::from_iter(providers), "{query}: {name}");
        }
    }
}
