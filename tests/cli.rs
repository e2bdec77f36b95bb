//! The command line: `contracts summary` (the engine's totals for a share-link query, as JSON) and `contracts generate`.

mod common;

use std::process::Command;

use common::ds;
use contracts_explorer::engine::Filters;
use serde_json::Value;

fn summary(args: &[&str]) -> (i32, Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_contracts"))
        .args(args)
        .output()
        .expect("the command runs");
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let json = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    (
        out.status.code().unwrap_or(-1),
        json,
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[test]
fn summary_prints_the_engines_totals_for_any_query() {
    let ds = ds();
    for query in [
        "",
        "category=womens&region=wales",
        "area=dorset",
        "sector=private&min=2000000",
        "q=trust",
    ] {
        let (code, json, _) = summary(&["summary", query]);
        assert_eq!(code, 0, "{query}");
        let t = ds.totals(&ds.select(&Filters::from_query(query, &ds).0));
        assert_eq!(json["total_value"], t.value, "{query}");
        assert_eq!(json["awards"], t.awards);
        assert_eq!(json["contracts"], t.contracts);
        assert_eq!(json["lead_providers"], t.lead_providers);
        assert_eq!(json["voluntary_contracts"], t.voluntary_contracts);
        assert_eq!(json["voluntary_lead_providers"], t.voluntary_lead_providers);
        let share = json["voluntary_value_share"].as_f64().unwrap();
        assert!((share - t.voluntary_value_share().unwrap()).abs() < 1e-12);
        assert!((0.0..=1.0).contains(&share));
        assert_eq!(json["warnings"], Value::Array(vec![]));
    }
}

#[test]
fn the_womens_services_in_wales() {
    let (_, json, _) = summary(&["summary", "category=womens&region=wales"]);
    assert_eq!(json["total_value"], 2_424_387);
    assert_eq!(json["awards"], 2);
    assert_eq!(json["contracts"], 4);
    assert_eq!(json["lead_providers"], 2);
    assert_eq!(json["voluntary_value_share"], 1.0);
}

#[test]
fn a_broken_query_still_prints_totals_for_what_could_be_used() {
    let (code, json, _) = summary(&["summary", "region=wales&region=atlantis&min=abc&%ZZ"]);
    assert_eq!(code, 0);
    assert_eq!(json["query"], "region=wales");
    assert_eq!(json["awards"], 6);
    assert_eq!(json["warnings"].as_array().unwrap().len(), 3);
}

#[test]
fn an_empty_selection_has_no_share() {
    let (_, json, _) = summary(&["summary", "region=greater-manchester"]);
    assert_eq!(json["total_value"], 0);
    assert_eq!(json["voluntary_value_share"], Value::Null);
    assert_eq!(json["separately_commissioned"].as_array().unwrap().len(), 1);
}

#[test]
fn wrong_usage_explains_itself() {
    let (code, _, stderr) = summary(&["sumary"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("usage: contracts summary"));
}

#[test]
fn generate_writes_a_dataset_the_loader_accepts_and_rejects_bad_arguments() {
    let dir = std::env::temp_dir().join(format!("contracts-generate-{}", std::process::id()));
    let out = Command::new(env!("CARGO_BIN_EXE_contracts"))
        .args(["generate", "300", "5", dir.to_str().unwrap()])
        .output()
        .expect("the command runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files: std::collections::HashMap<String, String> = contracts_explorer::data::FILES
        .iter()
        .map(|n| {
            (
                n.to_string(),
                std::fs::read_to_string(dir.join(n)).expect(n),
            )
        })
        .collect();
    let ds = contracts_explorer::data::load(&files).expect("the written files load");
    assert_eq!(ds.awards.len(), 300);
    assert_eq!(
        ds,
        contracts_explorer::synth::dataset(300, 5).unwrap(),
        "same as the library's"
    );
    let _ = std::fs::remove_dir_all(&dir);
    let bad = Command::new(env!("CARGO_BIN_EXE_contracts"))
        .args(["generate", "many", "5", "/tmp/x"])
        .output()
        .expect("the command runs");
    assert_eq!(bad.status.code(), Some(2));
}
