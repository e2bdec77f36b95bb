//! The explorer's view logic: option counts, chips, the describing sentence, sorting and CSV export.

mod common;

use common::ds;
use contracts_explorer::charts;
use contracts_explorer::engine::csv::{spreadsheet_safe, CsvWriter};
use contracts_explorer::engine::facets::Facet;
use contracts_explorer::engine::order::AwardOrders;
use contracts_explorer::engine::rows::Column;
use contracts_explorer::engine::Filters;

fn q(s: &str) -> Filters {
    let ds = ds();
    let (f, w) = Filters::from_query(s, &ds);
    assert!(w.is_empty());
    f
}

#[test]
fn options_count_the_awards_they_would_give_alongside_the_other_filters() {
    let ds = ds();
    let f = q("region=wales");
    let counted = |f: &Filters, facet: Facet| -> Vec<(String, String, usize)> {
        let options = ds.facet_options(facet);
        let counts = ds.facet_counts(f, facet);
        assert_eq!(options.len(), counts.len());
        options
            .into_iter()
            .zip(counts)
            .map(|(o, n)| (o.slug, o.label, n))
            .collect()
    };
    let counts: Vec<(String, usize)> = counted(&f, Facet::Category)
        .into_iter()
        .map(|(slug, _, n)| (slug, n))
        .collect();
    assert_eq!(
        counts,
        [
            ("womens".to_string(), 2),
            ("personal-wellbeing".to_string(), 1),
            ("accommodation".to_string(), 2),
            ("ete".to_string(), 1)
        ]
    );
    // A facet's own choice does not narrow its options.
    let regions = counted(&f, Facet::Region);
    let awards = |slug: &str| regions.iter().find(|o| o.0 == slug).unwrap().2;
    assert_eq!(awards("london"), 3);
    assert_eq!(awards("greater-manchester"), 0);
    let sectors = counted(&q("category=ete"), Facet::Sector);
    assert_eq!(sectors[0].1, "Voluntary sector");
    assert_eq!(sectors[0].2, 1);
}

#[test]
fn each_chip_removes_exactly_its_filter() {
    let ds = ds();
    let f = q("region=wales,london&min=1000000&q=trust");
    let chips = ds.chips(&f);
    let labels: Vec<&str> = chips.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Region: London",
            "Region: Wales",
            "At least £1,000,000",
            "Search: “trust”"
        ]
    );
    assert_eq!(chips[1].without, q("region=london&min=1000000&q=trust"));
    assert_eq!(chips[3].without, q("region=wales,london&min=1000000"));
    assert!(ds.chips(&Filters::default()).is_empty());
}

#[test]
fn the_sentence_says_what_was_awarded_and_when_it_was_scheduled_to_end_in_todays_tense() {
    use contracts_explorer::data::Month;
    let ds = ds();
    let say_on = |s: &str, today: &str| {
        let f = q(s);
        let summary = ds.summarise(ds.select(&f)).summary;
        ds.describe(&f, &summary, Month::parse(today).unwrap())
    };
    let say = |s: &str| say_on(s, "2026-12");
    assert_eq!(
        say("region=wales"),
        "In Wales, 6 lead providers were awarded 17 contracts worth £13.5m in May 2021; 82% of the value went to voluntary-sector organisations. They were scheduled to end between June 2023 and March 2025; all those dates have passed."
    );
    assert_eq!(
        say(""),
        "Across England and Wales, 26 lead providers were awarded 110 contracts worth £196.1m in May 2021; 64% of the value went to voluntary-sector organisations. They were scheduled to end between June 2023 and March 2026; all those dates have passed."
    );
    assert_eq!(
        say("category=womens&region=wales"),
        "In Wales, 2 lead providers were awarded 4 contracts for women's services worth £2.4m in May 2021; 100% of the value went to voluntary-sector organisations. They were scheduled to end in June 2023, which has passed."
    );
    assert_eq!(
        say("area=south-yorkshire&category=accommodation"),
        "In South Yorkshire, 1 lead provider was awarded 1 contract for accommodation worth £4.1m in May 2021 (counting the full value of awards that also cover other areas or dates); 100% of the value went to voluntary-sector organisations. It was scheduled to end in March 2025, which has passed."
    );
    // The same view on the day the contracts started, and between their ends.
    assert!(say_on("category=womens&region=wales", "2021-06")
        .ends_with("They are scheduled to end in June 2023."));
    assert!(say_on("region=wales", "2025-01").ends_with(
        "8 of them were scheduled to end in June 2023, which has passed; the other 9 are scheduled to end in March 2025."
    ), "{}", say_on("region=wales", "2025-01"));
    assert_eq!(
        say("region=greater-manchester"),
        "In Greater Manchester, no awards match these filters."
    );
    assert!(say("area=dorset")
        .contains("counting the full value of awards that also cover other areas"));
    // With one sector chosen, the sentence gives no share of it ("0% … voluntary").
    let private = say("sector=private&category=ete");
    assert!(
        private.starts_with(
            "Across England and Wales, 3 private lead providers were awarded 10 contracts"
        ),
        "{private}"
    );
    assert!(!private.contains("of the value went to"), "{private}");
}

#[test]
fn the_note_beside_the_figures_says_the_data_is_the_announcement_not_todays_providers() {
    use contracts_explorer::data::Month;
    let ds = ds();
    let on = |today: &str| ds.currency_note(Month::parse(today).unwrap());
    assert_eq!(
        on("2026-12"),
        "These are the 66 awards announced in May 2021, not today's providers: every scheduled end, the last in March 2026, has passed."
    );
    assert_eq!(
        on("2021-06"),
        "These are the 66 awards announced in May 2021."
    );
    assert_eq!(
        on("2024-01"),
        "These are the 66 awards announced in May 2021; some of their contracts have passed their scheduled end."
    );
}

#[test]
fn rows_sort_by_every_column_with_ties_in_file_order() {
    let ds = ds();
    let all: Vec<usize> = (0..ds.awards.len()).collect();
    let rows = |column: Column, descending: bool| -> Vec<_> {
        AwardOrders::default()
            .sorted(&ds, &all, column, descending)
            .into_iter()
            .map(|a| ds.award_row(a))
            .collect()
    };
    let by_value = rows(Column::Value, true);
    assert_eq!(by_value[0].provider, "Catch22");
    assert_eq!(by_value[0].value, Some(12_501_519));
    assert!(by_value.windows(2).all(|w| w[0].value >= w[1].value));
    assert_eq!(rows(Column::End, false)[0].end.to_string(), "2023-06");
    for c in Column::ALL {
        assert_eq!(rows(c, false).len(), 66);
    }
    let by_provider = rows(Column::Provider, false);
    assert_eq!(by_provider[0].provider, "Advance");
    assert!(
        by_provider[0].id < by_provider[1].id,
        "ties keep file order"
    );
}

#[test]
fn award_rows_say_where_and_until_when() {
    let ds = ds();
    let wales_womens = ds.award_row(ds.awards.iter().position(|a| a.id == 48).unwrap());
    assert_eq!(wales_womens.areas, "North Wales (until June 2023)");
    assert_eq!(wales_womens.end_label, "June 2023");
    let catch22 = ds.award_row(ds.awards.iter().position(|a| a.id == 44).unwrap());
    assert_eq!(catch22.end_label, "31 March 2025 (some areas June 2023)");
    let regional = ds.award_row(ds.awards.iter().position(|a| a.id == 7).unwrap());
    assert_eq!(regional.areas, "Whole region (East Midlands)");
}

/// The cells of one CSV line: quoted cells may hold commas and doubled quotes.
fn read_csv_line(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let (mut quoted, mut chars) = (false, line.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', false) => quoted = true,
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cells.last_mut().unwrap().push('"');
            }
            ('"', true) => quoted = false,
            (',', false) => cells.push(String::new()),
            _ => cells.last_mut().unwrap().push(c),
        }
    }
    cells
}

#[test]
fn the_csv_export_carries_the_view_sources_and_date_and_is_spreadsheet_safe() {
    let ds = ds();
    let f = q("region=wales");
    let awards: Vec<usize> = ds
        .award_rows(&ds.select(&f))
        .iter()
        .map(|(a, _)| *a)
        .collect();
    let csv = ds.export_csv(&awards, &f, "https://example.org/?region=wales");
    let lines: Vec<&str> = csv.lines().collect();
    // The header row first: nothing to skip before it.
    let header = 0;
    assert!(lines[header].starts_with("id,region,"));
    assert_eq!(
        lines.len() - header - 1,
        6,
        "one line per award in the view"
    );
    // Every row carries the source, the view's link and the "data as at" date, dates ISO.
    assert!(
        csv.contains("47,Wales,Women's services,The Nelson Trust,Voluntary sector,,1992162,no,")
    );
    assert!(lines[1..]
        .iter()
        .all(|l| l.ends_with(",https://example.org/?region=wales,2021-05-21")));
    assert!(lines[1..]
        .iter()
        .all(|l| l.contains(",\"Ministry of Justice, 21 May 2021\",")));
    assert!(csv.contains(",2023-06,,"), "{csv}");
    assert!(csv.contains(",2025-03,2023-06,"), "{csv}");
    assert_eq!(
        CsvWriter::new(&ds, &f, "x", 0).file_name(),
        "probation-contracts-2021-region-wales.csv"
    );
    assert_eq!(
        CsvWriter::new(&ds, &q("region=wales,london&min=1000000"), "x", 0).file_name(),
        "probation-contracts-2021-region-london-wales-min-1000000.csv"
    );
    // Each award's line reads back as its table row's cells (areas hold commas, so
    // are quoted), for this view and for every award.
    let all: Vec<usize> = (0..ds.awards.len()).collect();
    let every = ds.export_csv(&all, &Filters::default(), "https://example.org/");
    assert_rows_read_back(&ds, &csv, &awards, "https://example.org/?region=wales");
    assert_rows_read_back(&ds, &every, &all, "https://example.org/");
    assert_eq!(
        read_csv_line(lines[header]),
        "id,region,category,lead_provider,sector,buyer,value_gbp,subject_to_contract,areas,scheduled_end,earliest_area_end,source,note,view,data_as_at"
            .split(',')
            .collect::<Vec<_>>()
    );
    assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
    assert_eq!(spreadsheet_safe("-1"), "'-1");
    assert_eq!(spreadsheet_safe("Nacro"), "Nacro");
}

/// Award `a`'s table row as the cells its CSV line should read back as, each made
/// spreadsheet-safe, in a file for the view at `link`.
fn csv_cells(ds: &contracts_explorer::data::Dataset, a: usize, link: &str) -> Vec<String> {
    let r = ds.award_row(a);
    // The buyer's cell is empty where the list names none.
    let buyer = match ds.index.buyers[ds.index.buyer[a] as usize].slug.as_str() {
        "not-stated" => "",
        _ => r.buyer.as_str(),
    };
    let yes_no = if r.subject_to_contract { "yes" } else { "no" };
    let (id, value) = (
        r.id.to_string(),
        r.value.map_or_else(String::new, |v| v.to_string()),
    );
    // The earliest area end, where some of the award's areas end before the rest.
    let earliest = ds.awards[a]
        .areas
        .iter()
        .filter_map(|x| x.until)
        .min()
        .filter(|&m| m < r.end)
        .map(|m| m.to_string())
        .unwrap_or_default();
    [
        &id,
        &r.region,
        &r.category,
        &r.provider,
        &r.sector,
        buyer,
        &value,
        yes_no,
        &r.areas,
        &r.end.to_string(),
        &earliest,
        &r.source,
        &r.note,
        link,
        &ds.data_as_at.to_string(),
    ]
    .map(spreadsheet_safe)
    .to_vec()
}

/// Each line after the CSV's header reads back as its award's cells, one line per award.
fn assert_rows_read_back(
    ds: &contracts_explorer::data::Dataset,
    csv: &str,
    awards: &[usize],
    link: &str,
) {
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("id,"), "the header row comes first");
    assert_eq!(lines.len() - 1, awards.len(), "one line per award");
    for (line, &a) in lines[1..].iter().zip(awards) {
        assert_eq!(
            read_csv_line(line),
            csv_cells(ds, a, link),
            "award {a}: {line}"
        );
    }
}

#[test]
fn names_with_commas_quotes_and_formula_signs_stay_in_their_own_csv_cells() {
    // A data file a charity edits may name things this way: each name must stay one cell,
    // quotes doubled, and never be run as a formula by a spreadsheet.
    let mut ds = ds();
    let provider = ds.awards[0].provider;
    ds.providers[provider].name = "=HYPERLINK(\"http://x\"), Ltd".into();
    let region = ds.awards[0].region;
    ds.regions[region].name = "-Wales, \"the\" region".into();
    ds.categories[ds.awards[0].category].name = "@Women's, services".into();
    ds.areas[0].name = "+Area \"A\", east".into();
    ds.sources[ds.awards[0].source].publisher = "Ministry, \"of\" Justice".into();
    ds.awards[1].note = "\"quoted\", then a comma".into();
    let all: Vec<usize> = (0..ds.awards.len()).collect();
    let csv = ds.export_csv(&all, &Filters::default(), "https://example.org/");
    assert_rows_read_back(&ds, &csv, &all, "https://example.org/");
    let lines: Vec<&str> = csv.lines().collect();
    let header = lines.iter().position(|l| l.starts_with("id,")).unwrap();
    let first = read_csv_line(lines[header + 1]);
    assert_eq!(first[3], "'=HYPERLINK(\"http://x\"), Ltd");
    assert!(lines[header + 1].contains(",\"'=HYPERLINK(\"\"http://x\"\"), Ltd\","));
}

#[test]
fn the_detail_line_gives_the_sector_split_and_concentration() {
    let ds = ds();
    let all = ds.summarise(ds.select(&Filters::default()));
    assert_eq!(
        ds.describe_detail(&all),
        "Voluntary sector: £125.5m (64%) of the value, 84 of 110 contracts (76%), 23 of 26 lead providers (88%). The 3 largest lead providers were awarded 41% of the value."
    );
    let none = ds.summarise(ds.select(&q("region=greater-manchester")));
    assert_eq!(ds.describe_detail(&none), "");
}

/// Whether every whole number of four digits or more in `text` has thousands separators
/// (money is written "£22.8bn", so this is about counts; a month's year, "May 2021", is
/// not a count).
fn counts_are_separated(text: &str) -> bool {
    let mut words = text.split(' ').peekable();
    let mut counts = Vec::new();
    while let Some(word) = words.next() {
        let month = contracts_explorer::data::Month::parse("2021-01").unwrap();
        let is_month = (1..=12).any(|m| {
            let name = contracts_explorer::data::Month { month: m, ..month }.label();
            name.split(' ').next() == Some(word)
        });
        if is_month {
            words.next();
        } else {
            counts.push(word);
        }
    }
    counts.iter().all(|w| {
        w.split(|c: char| !c.is_ascii_digit() && c != ',')
            .all(|run| run.contains(',') || run.len() < 4)
    })
}

#[test]
fn counts_of_thousands_read_with_separators() {
    let ds = contracts_explorer::synth::dataset(20_000, 3).unwrap();
    for query in ["", "sector=voluntary", "sector=private&min=1000000"] {
        let (f, _) = Filters::from_query(query, &ds);
        let sel = ds.summarise(ds.select(&f));
        let t = &sel.summary.totals;
        assert!(
            t.contracts >= 1_000,
            "{query}: a view with thousands of contracts"
        );
        let today = contracts_explorer::data::Month::parse("2026-12").unwrap();
        let sentence = ds.describe(&f, &sel.summary, today);
        let detail = ds.describe_detail(&sel);
        assert!(counts_are_separated(&sentence), "{sentence}");
        assert!(counts_are_separated(&detail), "{detail}");
    }
    assert!(!counts_are_separated("11507 of 16,195 contracts"));
}

#[test]
fn at_scale_the_provider_chart_draws_the_largest_and_counts_the_rest() {
    use contracts_explorer::charts::MAX_BARS;
    use contracts_explorer::engine::Dim;
    let ds = contracts_explorer::synth::dataset(10_000, 3).unwrap();
    let sel = ds.select(&Filters::default());
    let chart = charts::provider_chart(&ds, &ds.summarise(sel.clone()).summary);
    assert_eq!(chart.bars.len(), MAX_BARS);
    let providers = ds.group_by(&sel, Dim::Provider).len();
    let (rest, rest_value) = chart.left_out.expect("providers left out");
    assert_eq!(MAX_BARS + rest, providers);
    let drawn: u64 = chart.bars.iter().map(|b| b.total()).sum();
    assert_eq!(
        drawn + rest_value,
        ds.totals(&sel).value,
        "every pound is drawn or counted"
    );
    assert!(chart.bars.windows(2).all(|w| w[0].total() >= w[1].total()));
    // The drawn are the largest: none left out holds more than the smallest drawn.
    let smallest = chart.bars.last().map(|b| b.total()).unwrap_or(0);
    let largest_left_out = ds
        .group_by(&sel, Dim::Provider)
        .iter()
        .filter(|g| chart.bars.iter().all(|b| b.key != g.key))
        .map(|g| g.totals.value)
        .max();
    assert!(
        largest_left_out.is_some_and(|v| v <= smallest),
        "{largest_left_out:?} > {smallest}"
    );
    let summary = chart.summary();
    assert!(
        summary.contains(&format!(
            "The 30 largest of {} are drawn",
            contracts_explorer::engine::text::thousands(providers as u64)
        )),
        "{summary}"
    );
    // The 2021 data's 26 lead providers are all drawn.
    let real = common::ds();
    assert_eq!(
        charts::provider_chart(
            &real,
            &real.summarise(real.select(&Filters::default())).summary
        )
        .left_out,
        None
    );
}

#[test]
fn sorting_award_indices_matches_sorting_whole_rows() {
    // Synthetic data (many awards, many lists of areas) and the built-in data (several sources).
    let synthetic = contracts_explorer::synth::dataset(2_000, 5).unwrap();
    for ds in [synthetic, ds()] {
        let awards: Vec<usize> = (0..ds.awards.len()).collect();
        let orders = AwardOrders::default();
        for column in Column::ALL {
            for descending in [false, true] {
                let mut rows: Vec<_> = awards.iter().map(|&a| ds.award_row(a)).collect();
                rows.sort_by(|a, b| {
                    let o = match column {
                        Column::Value => a.value.cmp(&b.value),
                        Column::End => a.end.cmp(&b.end),
                        _ => {
                            let text = |r: &contracts_explorer::engine::rows::AwardRow| match column
                            {
                                Column::Region => r.region.to_lowercase(),
                                Column::Category => r.category.to_lowercase(),
                                Column::Provider => r.provider.to_lowercase(),
                                Column::Sector => r.sector.to_lowercase(),
                                Column::Buyer => r.buyer.to_lowercase(),
                                Column::Areas => r.areas.to_lowercase(),
                                _ => r.source.to_lowercase(),
                            };
                            text(a).cmp(&text(b))
                        }
                    };
                    let o = if descending { o.reverse() } else { o };
                    o.then(a.id.cmp(&b.id))
                });
                let plain: Vec<usize> = rows.iter().map(|r| r.award).collect();
                assert_eq!(
                    AwardOrders::default().sorted(&ds, &awards, column, descending),
                    plain,
                    "{column:?} {descending}"
                );
                // A view's awards come out in the same order, whether from a fresh order or
                // picked out of one the page keeps (worked out on its first use, then reused).
                let some: Vec<usize> = awards.iter().copied().filter(|a| a % 3 == 1).collect();
                let expected: Vec<usize> = plain.iter().copied().filter(|a| a % 3 == 1).collect();
                assert_eq!(
                    AwardOrders::default().sorted(&ds, &some, column, descending),
                    expected
                );
                assert_eq!(orders.sorted(&ds, &some, column, descending), expected);
                assert_eq!(orders.sorted(&ds, &awards, column, descending), plain);
                assert_eq!(
                    orders.sorted(&ds, &[], column, descending),
                    Vec::<usize>::new()
                );
            }
        }
    }
}

#[test]
fn a_long_list_shows_the_chosen_and_fifty_more_with_a_note() {
    use contracts_explorer::engine::facets::{
        long_list_note, matching_options, shown_options, LONG_LIST,
    };
    let texts: Vec<String> = (0..5_000)
        .map(|i| format!("provider {i:06} trust"))
        .collect();
    let all = matching_options(&texts, "");
    assert_eq!(all.len(), 5_000);
    let shown = shown_options(&all, |i| i == 4_321);
    assert_eq!(
        shown.len(),
        LONG_LIST + 1,
        "fifty others and the chosen one"
    );
    assert_eq!(shown[..LONG_LIST], (0..LONG_LIST).collect::<Vec<_>>()[..]);
    assert_eq!(
        shown[LONG_LIST], 4_321,
        "a chosen option is shown wherever it is"
    );
    assert_eq!(
        long_list_note(all.len()).as_deref(),
        Some("Showing 50 of 5,000: type above to find the others.")
    );
    let found = matching_options(&texts, "  PROVIDER 00123 ");
    assert_eq!(found.len(), 10, "typing narrows the list, without case");
    assert_eq!(shown_options(&found, |_| false), found);
    assert_eq!(long_list_note(found.len()), None);
}

#[test]
fn a_csv_written_in_parts_is_the_file_written_at_once() {
    // The page writes a large table's file a few thousand rows at a time, drawing between
    // the parts: where the parts split must not show in the file.
    let ds = ds();
    let f = q("sector=voluntary");
    let mut awards: Vec<usize> = (0..ds.awards.len()).rev().collect();
    awards.rotate_left(7);
    let whole = ds.export_csv(&awards, &f, "https://example.org/?sector=voluntary");
    for part in [1, 5, 63, 64, 65, 100] {
        let mut writer = CsvWriter::new(
            &ds,
            &f,
            "https://example.org/?sector=voluntary",
            awards.len(),
        );
        for chunk in awards.chunks(part) {
            writer.write(chunk);
        }
        assert_eq!(writer.finish(), whole, "parts of {part} rows");
    }
}

#[test]
fn another_dataset_brings_its_own_place_heading_and_file_name() {
    // The words tied to one dataset come from its dataset.csv, not from the code.
    let mut files: std::collections::HashMap<String, String> = contracts_explorer::embedded::FILES
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    let meta = files["dataset.csv"]
        .replace(
            "heading,Who was paid to deliver probation services?,",
            "heading,Who runs services in Wales?,",
        )
        .replace("place,England and Wales,", "place,Wales,")
        .replace(
            "file_name,probation-contracts-2021,",
            "file_name,welsh-services,",
        );
    files.insert("dataset.csv".into(), meta);
    let ds = contracts_explorer::data::load(&files).expect("the edited facts load");
    assert_eq!(ds.heading, "Who runs services in Wales?");
    let all = ds.summarise(ds.select(&Filters::default())).summary;
    let today = contracts_explorer::data::Month::parse("2026-12").unwrap();
    assert!(ds
        .describe(&Filters::default(), &all, today)
        .starts_with("Across Wales, 26 lead providers were awarded 110 contracts"));
    assert_eq!(
        CsvWriter::new(&ds, &Filters::default(), "x", 0).file_name(),
        "welsh-services.csv"
    );
    // Without them, the loader says which is missing.
    let without: String = files["dataset.csv"]
        .lines()
        .filter(|l| !l.starts_with("place,"))
        .map(|l| format!("{l}\n"))
        .collect();
    files.insert("dataset.csv".into(), without);
    let error = contracts_explorer::data::load(&files)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("dataset.csv") && error.contains("\"place\""),
        "{error}"
    );
}
