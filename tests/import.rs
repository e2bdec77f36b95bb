//! Opening a list of awards: OCDS (release and record packages, JSON Lines) and spreadsheets,
//! read by the README's rules, with a report and located problems, on the command line too.

use std::collections::BTreeMap;
use std::process::Command;

use contracts_explorer::data::{Date, Sector};
use contracts_explorer::engine::{Filters, Totals};
use contracts_explorer::import::{import, Imported};
use proptest::prelude::*;

const TODAY: Date = Date {
    year: 2026,
    month: 12,
    day: 6,
};

fn fixture(name: &str) -> (String, Vec<u8>) {
    let path = format!("tests/fixtures/import/{name}");
    let bytes = std::fs::read(&path).expect("the fixture exists");
    (path, bytes)
}

fn open(names: &[&str]) -> Imported {
    let files: Vec<_> = names.iter().map(|n| fixture(n)).collect();
    import(&files, TODAY).unwrap_or_else(|p| panic!("{p}"))
}

fn totals(i: &Imported, query: &str) -> Totals {
    let ds = &i.dataset;
    ds.totals(&ds.select(&Filters::from_query(query, ds).0))
}

/// The release package's four standing awards, as the fixture's comments work them out:
/// aaa-1 at its update's £260,000 (not the first release's £250,000.50), ccc-1 at £1.2m
/// (the older release's £999 never stands), ddd-1 in euros (no value), fff-1 at £75,000.
fn assert_the_package_figures(i: &Imported) {
    let t = totals(i, "");
    assert_eq!(t.awards, 4);
    assert_eq!(t.contracts, 4);
    assert_eq!(t.value, 260_000 + 1_200_000 + 75_000);
    assert_eq!(t.valued_awards, 3);
    assert_eq!(t.voluntary_value, 335_000);
    assert_eq!(t.private_value, 1_200_000);
    assert_eq!(t.lead_providers, 4);
    let r = &i.reports[0];
    assert_eq!(r.read, 8 + usize::from(r.format == "OCDS JSON Lines"));
    assert_eq!(r.without_award, 1);
    assert_eq!(
        r.earlier_versions, 2,
        "aaa's first release and ccc's older one"
    );
    assert_eq!(r.cancelled, 1);
    assert_eq!(r.other_currency, BTreeMap::from([("EUR".to_string(), 1)]));
    assert_eq!(
        r.sector_not_stated, 1,
        "Euro Services BV's party has no details"
    );
    assert_eq!(
        r.unplaced, 2,
        "\"South East\" is not a probation region; ddd names none"
    );
    assert_eq!(r.rounded, 0, "the rounded value was replaced by its update");
}

#[test]
fn a_release_package_counts_each_award_once_as_its_latest_release_gives_it() {
    let i = open(&["release-package.json"]);
    assert_the_package_figures(&i);
    let r = &i.reports[0];
    assert_eq!(r.format, "an OCDS release package");
    assert_eq!(r.processes, 6);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(
        r.sentence(),
        "4 awards read from 8 releases (6 contracting processes); 1 release had no award; \
         2 were earlier versions of later releases; 1 award was cancelled or unsuccessful; \
         1 award's value was in EUR, not added in; 1 supplier's sector is not stated; \
         2 awards have no region or area the explorer knows."
    );
    let ds = &i.dataset;
    let by_name = |n: &str| {
        ds.providers
            .iter()
            .find(|p| p.name == n)
            .unwrap_or_else(|| panic!("{n}"))
    };
    // Entities decode; the sector comes from the first supplier's details.vcse.
    assert_eq!(by_name("Women's Support Trust").sector, Sector::Voluntary);
    assert_eq!(by_name("Acme Justice Ltd").sector, Sector::Private);
    assert_eq!(by_name("Euro Services BV").sector, Sector::NotStated);
    assert!(by_name("Women's Support Trust").note.contains("(SME)"));
    let acme = ds
        .awards
        .iter()
        .find(|a| ds.providers[a.provider].name == "Acme Justice Ltd")
        .unwrap();
    assert!(
        acme.note.contains("Joint suppliers: Small Charity."),
        "{}",
        acme.note
    );
    assert_eq!(
        ds.categories[acme.category].name,
        "Education and training services"
    );
    assert_eq!(acme.buyer, "Ministry of Justice");
    assert_eq!(
        acme.end.map(|d| d.to_string()).as_deref(),
        Some("2028-05-31")
    );
    // A category's term is derived, never typed in: from the list's start (April 2026) to
    // its latest end (May 2028), so its standard term ends with its last award.
    assert_eq!(ds.start.to_string(), "2026-04-01");
    assert_eq!(ds.categories[acme.category].term_months, 25);
    assert_eq!(ds.standard_term_end(acme.category).to_string(), "2028-05");
    let wales = ds
        .awards
        .iter()
        .find(|a| a.buyer.contains("Wales"))
        .unwrap();
    assert_eq!(ds.regions[wales.region].slug, "wales");
    assert!(wales.note.contains("Personal wellbeing & resettlement"));
    // Without a notice's own address, the package's.
    assert_eq!(
        ds.sources[wales.source].title,
        "ocds-b5fd17-fff (https://example.org/ocds/release-package.json)"
    );
    let gm = ds.awards.iter().find(|a| a.value == Some(260_000)).unwrap();
    assert!(ds.sources[gm.source]
        .title
        .contains("contractsfinder.service.gov.uk/Notice/aaa"));
    // Filters work on the list: by region, and by the sector no source states.
    assert_eq!(totals(&i, "region=north-west").value, 260_000);
    assert_eq!(totals(&i, "sector=not-stated").awards, 1);
    assert_eq!(totals(&i, "region=not-stated").awards, 2);
}

#[test]
fn the_map_says_how_many_awards_it_can_place() {
    let i = open(&["release-package.json"]);
    let ds = &i.dataset;
    let note = |q: &str| ds.placed_note(&ds.select(&Filters::from_query(q, ds).0));
    assert_eq!(
        note("").as_deref(),
        Some("2 of 4 awards are placed on the map; the others name no region or PCC area the explorer knows.")
    );
    assert_eq!(
        note("region=not-stated").as_deref(),
        Some("None of these 2 awards names a region or PCC area the explorer knows, so the map shows nothing for them.")
    );
    assert_eq!(note("region=wales"), None, "every award in view is placed");
    // The figures' detail line and the map's summary say it.
    let all = ds.select_summarised(&Filters::default(), &Default::default());
    assert!(ds.describe_detail(&all).ends_with("2 of 4 awards are placed on the map; the others name no region or PCC area the explorer knows."));
    let map = ds.area_map(&Filters::default(), &Default::default());
    assert!(map
        .summary(ds)
        .ends_with("the others name no region or PCC area the explorer knows."));
    let built_in = contracts_explorer::embedded::dataset().unwrap();
    assert_eq!(built_in.placed(&built_in.select(&Filters::default())), None);
}

#[test]
fn json_lines_read_as_the_package_does_and_errors_are_located() {
    let i = open(&["releases.jsonl"]);
    assert_the_package_figures(&i);
    let r = &i.reports[0];
    assert_eq!(r.format, "OCDS JSON Lines");
    let problems: Vec<String> = r.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "tests/fixtures/import/releases.jsonl, line 4, column 62: expected a value",
            "tests/fixtures/import/releases.jsonl, line 10, column 693, awards[0].value.amount: expected a number, found a string",
        ]
    );
}

#[test]
fn a_record_package_reads_compiled_and_embedded_releases_and_reports_linked_ones() {
    let i = open(&["record-package.json"]);
    let t = totals(&i, "");
    assert_eq!((t.awards, t.value), (2, 260_000 + 75_000));
    let r = &i.reports[0];
    assert_eq!(r.format, "an OCDS record package");
    assert_eq!(r.problems.len(), 1);
    assert_eq!(r.problems[0].path, "records[2].releases[0]");
}

#[test]
fn a_spreadsheet_is_read_by_its_header_names_and_its_bad_rows_are_reported() {
    let i = open(&["spreadsheet.csv"]);
    let t = totals(&i, "");
    // £1,240,656 + £350,000.50 (rounded up) + £20,000 + £5,000; "lots" and the row with no
    // provider are left out.
    assert_eq!(
        (t.awards, t.value),
        (4, 1_240_656 + 350_001 + 20_000 + 5_000)
    );
    assert_eq!(
        t.lead_providers, 3,
        "\"The Nelson Trust\" is \"Nelson Trust\""
    );
    let r = &i.reports[0];
    assert_eq!(
        (r.read, r.rounded, r.unplaced, r.sector_not_stated),
        (6, 1, 2, 1)
    );
    let located: Vec<(u64, Option<u64>)> = r.problems.iter().map(|p| (p.line, p.column)).collect();
    assert_eq!(
        located,
        [
            (1, Some(11)),
            (3, Some(4)),
            (5, Some(1)),
            (6, Some(2)),
            (7, Some(8))
        ]
    );
    assert!(r.problems[1]
        .message
        .contains("\"Cardiff\" is not a PCC area"));
    let ds = &i.dataset;
    assert_eq!(
        totals(&i, "area=avon-and-somerset").value,
        20_000,
        "\"Avon and Somerset\" is Avon & Somerset"
    );
    assert_eq!(totals(&i, "region=south-west").awards, 2);
    let nelson = &ds.awards[0];
    assert_eq!(nelson.buyer, "Gloucestershire PCC");
    assert_eq!(
        nelson.start.map(|d| d.to_string()).as_deref(),
        Some("2026-04-01")
    );
    assert_eq!(
        nelson.end.map(|d| d.to_string()).as_deref(),
        Some("2029-03-01")
    );
}

#[test]
fn a_file_that_cannot_be_read_says_where() {
    let cases: [(&str, &[u8], &str); 5] = [
        ("list.json", b"{\"releases\": [\n  {\"ocid\": 1,}\n]}", "list.json, line 2, column 14: expected a member name in double quotes"),
        ("list.csv", b"Name,Cost\nA,1\n", "list.csv, line 1: no column for the provider (or supplier): the header line names none"),
        ("list.csv", b"Supplier,Value\nA,\xff\n", "list.csv, line 2, column 2: the text is not valid UTF-8 (save the file as CSV UTF-8)"),
        ("list.json", b"[1, 2]", "list.json, line 1, column 1: not an OCDS release, record, release package or record package"),
        ("empty.csv", b"", "empty.csv: the file is empty: it needs a header line"),
    ];
    for (name, bytes, expected) in cases {
        let message = match import(&[(name.to_string(), bytes.to_vec())], TODAY) {
            Ok(i) => i.reports[0]
                .problems
                .first()
                .map(ToString::to_string)
                .unwrap_or_default(),
            Err(p) => p.to_string(),
        };
        assert!(message.contains(expected), "{name}: {message}");
    }
}

#[test]
fn the_explorers_own_tables_open_as_they_are() {
    let dir = "www/data/tr-crcs";
    let files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (p.display().to_string(), std::fs::read(&p).unwrap())
        })
        .collect();
    let i = import(&files, TODAY).unwrap();
    let built_in = contracts_explorer::embedded::dataset_named("tr-crcs")
        .unwrap()
        .unwrap();
    assert_eq!(i.dataset, built_in);
    assert_eq!(i.reports[0].format, "the explorer's own tables");
}

#[test]
fn imported_tables_load_again_to_the_same_dataset() {
    let i = open(&["release-package.json", "spreadsheet.csv"]);
    assert_eq!(i.dataset.awards.len(), 8, "two files make one list");
    let pairs: Vec<(&str, &str)> = i
        .tables
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    assert_eq!(
        contracts_explorer::data::load(pairs.as_slice()).unwrap(),
        i.dataset
    );
}

#[test]
fn summary_of_a_file_on_the_command_line_equals_the_import() {
    for name in [
        "release-package.json",
        "releases.jsonl",
        "record-package.json",
        "spreadsheet.csv",
    ] {
        let path = format!("tests/fixtures/import/{name}");
        let out = Command::new(env!("CARGO_BIN_EXE_contracts"))
            .args(["summary", "--file", &path, "sector=voluntary"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let t = totals(&open(&[name]), "sector=voluntary");
        assert_eq!(json["total_value"], t.value, "{name}");
        assert_eq!(json["awards"], t.awards, "{name}");
        assert_eq!(json["lead_providers"], t.lead_providers, "{name}");
        let report = String::from_utf8_lossy(&out.stderr);
        assert!(
            report.contains(&open(&[name]).reports[0].sentence()),
            "{report}"
        );
    }
}

#[test]
fn import_writes_the_tables_and_they_open_again() {
    let dir = std::env::temp_dir().join(format!("contracts-import-{}", std::process::id()));
    let out = Command::new(env!("CARGO_BIN_EXE_contracts"))
        .args(["import", "tests/fixtures/import/spreadsheet.csv", "--out"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (p.display().to_string(), std::fs::read(&p).unwrap())
        })
        .collect();
    assert_eq!(files.len(), 11);
    // The command line dates a list that gives no date of its own by the day it runs, so
    // the data's date (and the end it lends an award without one) is today's there: the
    // awards, providers and figures are the library's.
    let again = import(&files, TODAY).unwrap().dataset;
    let library = open(&["spreadsheet.csv"]).dataset;
    assert_eq!(again.awards, library.awards);
    assert_eq!(again.providers, library.providers);
    assert_eq!(
        again.totals(&again.select(&Filters::default())),
        library.totals(&library.select(&Filters::default()))
    );
    let _ = std::fs::remove_dir_all(dir);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// No input panics: any text as JSON or CSV ends in a dataset or a located problem.
    #[test]
    fn no_input_panics(text in "[\\[\\]{}\",:0-9a-z \\n.&;#£-]{0,200}", json in any::<bool>()) {
        let name = if json { "x.json" } else { "x.csv" };
        let _ = import(&[(name.to_string(), text.into_bytes())], TODAY);
    }
}
