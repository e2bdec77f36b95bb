//! The data loader: a malformed file is rejected with file, line, column and what is wrong;
//! what a spreadsheet merely does differently (BOM, CRLF, blank lines) loads the same.

use std::collections::HashMap;

use contracts_explorer::data::{load, load::decode, Dataset};
use contracts_explorer::embedded::FILES;

fn files() -> HashMap<String, String> {
    FILES
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect()
}

/// Loads the built-in files with one file's text changed by `edit`.
fn load_with(file: &str, edit: impl Fn(&str) -> String) -> Result<Dataset, String> {
    let mut f = files();
    let text = edit(&f[file]);
    f.insert(file.to_string(), text);
    load(&f).map_err(|e| e.to_string())
}

fn error_with(file: &str, from: &str, to: &str) -> String {
    load_with(file, |t| {
        assert!(t.contains(from), "{file} does not contain {from:?}");
        t.replacen(from, to, 1)
    })
    .expect_err("the edit must be rejected")
}

#[test]
fn the_built_in_files_load() {
    assert!(load(&files()).is_ok());
}

#[test]
fn a_value_with_commas_is_rejected_at_its_line_and_column() {
    let e = error_with(
        "awards.csv",
        "1,east-midlands,womens,Lincolnshire Action Trust,544992,",
        "1,east-midlands,womens,Lincolnshire Action Trust,\"544,992\",",
    );
    assert_eq!(e, "awards.csv:2:5: column `value`: \"544,992\" is not whole pounds (digits only, no £ or commas; empty where no value was published)");
}

#[test]
fn an_unknown_provider_spelling_is_rejected() {
    let e = error_with(
        "awards.csv",
        "Lincolnshire Action Trust",
        "Lincs Action Trust",
    );
    assert!(
        e.starts_with("awards.csv:2:4: column `provider`: \"Lincs Action Trust\" is not"),
        "{e}"
    );
}

#[test]
fn duplicate_ids_and_slugs_are_rejected() {
    let e = error_with("awards.csv", "\n2,east-midlands", "\n1,east-midlands");
    assert_eq!(e, "awards.csv:3:1: column `id`: award 1 appears twice");
    let e = error_with("regions.csv", "london,London", "wales,London");
    assert_eq!(
        e,
        "regions.csv:10:1: column `slug`: \"wales\" appears twice"
    );
    let e = error_with(
        "providers.csv",
        "catch22,Catch22,voluntary,Catch 22",
        "catch22,Catch22,voluntary,Advance",
    );
    assert!(
        e.starts_with("providers.csv:4:4: column `other_spellings`: \"Advance\" is already"),
        "{e}"
    );
}

#[test]
fn missing_unknown_and_short_columns_are_rejected() {
    let header = "slug,name,name_cy,region,code,col,row";
    let e = error_with("areas.csv", header, "slug,name,name_cy,code,col,row");
    assert!(
        e.starts_with("areas.csv:1: missing column \"region\""),
        "{e}"
    );
    let e = error_with(
        "areas.csv",
        header,
        "slug,name,name_cy,region,code,col,row,colour",
    );
    assert!(
        e.starts_with("areas.csv:1:8: unknown column \"colour\""),
        "{e}"
    );
    let e = error_with(
        "areas.csv",
        "kent,Kent,,kent-surrey-sussex,KNT,5,8",
        "kent,Kent",
    );
    assert_eq!(e, "areas.csv:13:3: expected 7 fields, found 2");
    // The Welsh name is the one column a file may leave out: not every dataset has one.
    let e = error_with("areas.csv", header, "slug,name,region,code,col,row");
    assert!(e.starts_with("areas.csv:2:"), "{e}");
}

#[test]
fn map_tiles_must_be_distinct_small_positions_with_short_codes() {
    // Surrey (line 14) moved onto Kent's tile (line 13).
    let e = error_with("areas.csv", "SUR,4,8", "SUR,5,8");
    assert_eq!(
        e,
        "areas.csv:14:7: column `row`: the tile at column 5, row 8 is already Kent's"
    );
    let e = error_with("areas.csv", "SUR,4,8", "SUR,4,-1");
    assert_eq!(
        e,
        "areas.csv:14:7: column `row`: \"-1\" is not a whole number from 0 to 30"
    );
    let e = error_with("areas.csv", "SUR,4,8", "SUR,31,8");
    assert!(e.starts_with("areas.csv:14:6: column `col`"), "{e}");
    let e = error_with("areas.csv", "SUR,4,8", "KNT,4,8");
    assert_eq!(e, "areas.csv:14:5: column `code`: \"KNT\" appears twice");
    let e = error_with("areas.csv", "SUR,4,8", "SURREY,4,8");
    assert!(e.starts_with("areas.csv:14:5: column `code`"), "{e}");
}

#[test]
fn references_are_checked() {
    let e = error_with("award_areas.csv", "1,lincolnshire,", "1,kent,");
    assert_eq!(
        e,
        "award_areas.csv:2:2: column `area`: Kent is not in the region of award 1 (East Midlands)"
    );
    let e = error_with("award_areas.csv", "1,lincolnshire,", "99,lincolnshire,");
    assert!(e.starts_with("award_areas.csv:2:1: column `award`"), "{e}");
    let e = error_with("awards.csv", "1,east-midlands", "1,midlands");
    assert_eq!(
        e,
        "awards.csv:2:2: column `region`: unknown region \"midlands\""
    );
    let e = error_with(
        "award_areas.csv",
        "10,northamptonshire,2023-06",
        "10,northamptonshire,June 2023",
    );
    assert!(e.starts_with("award_areas.csv:"), "{e}");
    assert!(
        e.contains(":3: column `until`: \"June 2023\" is not a month"),
        "{e}"
    );
}

#[test]
fn wrong_types_are_rejected() {
    let e = error_with("categories.csv", "2026-03-31", "2026-02-30");
    assert_eq!(e, "categories.csv:2:6: column `scheduled_end`: \"2026-02-30\" is not a date in the form YYYY-MM-DD");
    let e = error_with("awards.csv", "544992,no,", "544992,maybe,");
    assert_eq!(
        e,
        "awards.csv:2:6: column `subject_to_contract`: \"maybe\" is not `yes` or `no`"
    );
    let e = error_with(
        "providers.csv",
        "ingeus,Ingeus,private",
        "ingeus,Ingeus,public",
    );
    assert!(e.starts_with("providers.csv:9:3: column `sector`"), "{e}");
    let e = error_with("awards.csv", "544992", "-544992");
    assert!(e.starts_with("awards.csv:2:5:"), "{e}");
    let e = error_with("regions.csv", "wales,Wales", "Wales,Wales");
    assert!(e.contains("is not a slug"), "{e}");
}

#[test]
fn a_missing_or_empty_file_is_named() {
    let mut f = files();
    f.remove("awards.csv");
    assert_eq!(
        load(&f).unwrap_err().to_string(),
        "awards.csv:0: the file is missing"
    );
    f.insert("awards.csv".into(), String::new());
    assert!(load(&f)
        .unwrap_err()
        .to_string()
        .starts_with("awards.csv:0: the file is empty"));
}

#[test]
fn an_unterminated_quote_fails_rather_than_swallowing_rows() {
    let e = error_with(
        "awards.csv",
        "Lincolnshire Action Trust,544992",
        "\"Lincolnshire Action Trust,544992",
    );
    assert!(e.starts_with("awards.csv:"), "{e}");
}

#[test]
fn byte_order_marks_crlf_and_blank_lines_load_the_same() {
    let plain = load(&files()).unwrap();
    let mut f = files();
    for text in f.values_mut() {
        *text = format!("\u{feff}{}\r\n\r\n", text.replace('\n', "\r\n"));
    }
    assert_eq!(load(&f).unwrap(), plain);
}

#[test]
fn text_that_is_not_utf8_is_located() {
    let mut bytes = b"id,region\n1,east-midlands\n2,Ca".to_vec();
    bytes.push(0xff);
    let e = decode("awards.csv", bytes).unwrap_err();
    assert_eq!(
        e.to_string(),
        "awards.csv:3:2: the text is not valid UTF-8 (save the file as CSV UTF-8)"
    );
}

#[test]
fn no_row_is_dropped() {
    let ds = load(&files()).unwrap();
    let lines = |name: &str| {
        FILES
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap()
            .1
            .lines()
            .filter(|l| !l.trim().is_empty())
            .count()
            - 1
    };
    assert_eq!(ds.awards.len(), lines("awards.csv"));
    assert_eq!(ds.areas.len(), lines("areas.csv"));
    assert_eq!(ds.providers.len(), lines("providers.csv"));
    assert_eq!(
        ds.awards.iter().map(|a| a.areas.len()).sum::<usize>(),
        lines("award_areas.csv")
    );
}

#[test]
fn an_award_removed_but_still_listed_with_areas_is_reported_where_it_is_listed() {
    // Found by fuzzing: the error belongs to award_areas.csv, which names the missing award.
    let e = load_with("awards.csv", |t| {
        t.lines()
            .filter(|l| !l.starts_with("10,"))
            .collect::<Vec<_>>()
            .join("\n")
    })
    .expect_err("award_areas.csv still lists award 10");
    assert!(
        e.starts_with("award_areas.csv:13:1: column `award`: \"10\" is not the id of an award"),
        "{e}"
    );
}
