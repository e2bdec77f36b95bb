//! Command-line access to the engine: `contracts summary 'QUERY'` prints a share-link query's
//! totals as JSON; `contracts publish DIR` writes the other datasets packed, for the page to
//! fetch; `contracts generate AWARDS SEED DIR` writes a synthetic dataset.

use std::process::ExitCode;

use contracts_explorer::data::Dataset;
use contracts_explorer::engine::concentration::concentration;
use contracts_explorer::engine::history::history;
use contracts_explorer::engine::{link, View};
use contracts_explorer::{embedded, synth};
use serde_json::json;

const USAGE: &str = "usage: contracts summary 'QUERY'
  Prints, as JSON, the totals for a share-link query such as 'category=womens&region=wales'
  (use '' for everything; 'data=tr-crcs&region=wales' for another dataset). Unknown or
  malformed parts are listed under \"warnings\".
usage: contracts history AREA
  Prints, as JSON, who held the contracts covering the PCC area AREA (a slug such as
  'south-yorkshire') in every dataset, in order, and what is announced to come next.
usage: contracts publish DIR
  Writes each dataset but the built-in one, packed as the page fetches it, to
  DIR/SLUG/dataset.bin (Trunk runs it into dist/data after each build).
usage: contracts generate AWARDS SEED DIR
  Writes a synthetic dataset of AWARDS awards (the real regions, areas and categories;
  generated providers, awards and areas; the same SEED gives the same files) into DIR,
  for benchmarks and for building the explorer with CONTRACTS_DATA_DIR=DIR.";

/// The built-in dataset, or the exit code after saying why it cannot be read.
fn built_in() -> Result<Dataset, ExitCode> {
    named(embedded::default_slug())
}

/// The dataset `slug` names (one of `embedded::CATALOGUE`), or the exit code after saying
/// why it cannot be read.
fn named(slug: &str) -> Result<Dataset, ExitCode> {
    match embedded::dataset_named(slug) {
        Some(Ok(ds)) => Ok(ds),
        Some(Err(e)) => {
            eprintln!("error: the built-in data is invalid: {e}");
            Err(ExitCode::FAILURE)
        }
        None => {
            eprintln!("error: no dataset is called {slug:?}");
            Err(ExitCode::FAILURE)
        }
    }
}

/// `contracts history AREA`.
fn print_history(area: &str) -> ExitCode {
    let mut datasets = Vec::new();
    for &(slug, _) in embedded::CATALOGUE {
        match named(slug) {
            Ok(ds) => datasets.push(ds),
            Err(code) => return code,
        }
    }
    let refs: Vec<&Dataset> = datasets.iter().collect();
    let Some(h) = history(&refs, area) else {
        eprintln!("error: no PCC area is called {area:?} (see www/data/areas.csv)");
        return ExitCode::FAILURE;
    };
    let out = json!({
        "area": h.area,
        "held": h.held.iter().map(|x| json!({
            "dataset": x.dataset,
            "lead_provider": x.provider,
            "category": x.category,
            "start": x.start.to_string(),
            "end": x.end.to_string(),
            "end_inferred": x.end_inferred,
            "regional": x.regional,
        })).collect::<Vec<_>>(),
        "next": h.next.iter().map(|n| json!({
            "date": n.date.to_string(),
            "text": n.text,
            "source": n.source,
        })).collect::<Vec<_>>(),
    });
    print_json(&out)
}

/// Prints `value` as pretty JSON.
fn print_json(value: &serde_json::Value) -> ExitCode {
    match serde_json::to_string_pretty(value) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `contracts publish DIR`.
fn publish(dir: &str) -> ExitCode {
    for &(slug, _) in &embedded::CATALOGUE[1..] {
        let Some(bytes) = embedded::packed_named(slug) else {
            continue;
        };
        let folder = std::path::Path::new(dir).join(slug);
        let path = folder.join("dataset.bin");
        if let Err(e) = std::fs::create_dir_all(&folder).and_then(|()| std::fs::write(&path, bytes))
        {
            eprintln!("error: could not write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// `contracts generate AWARDS SEED DIR`.
fn generate(awards: &str, seed: &str, dir: &str) -> ExitCode {
    let (Ok(awards), Ok(seed)) = (awards.parse::<usize>(), seed.parse::<u64>()) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let real = match built_in() {
        Ok(ds) => ds,
        Err(code) => return code,
    };
    let dir = std::path::Path::new(dir);
    let written = std::fs::create_dir_all(dir).and_then(|()| {
        for (name, text) in synth::generate(&real, embedded::FILES, awards, seed) {
            std::fs::write(dir.join(name), text)?;
        }
        Ok(())
    });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: could not write {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let query = match args.as_slice() {
        [cmd] if cmd == "summary" => "",
        [cmd, q] if cmd == "summary" => q.as_str(),
        [cmd, awards, seed, dir] if cmd == "generate" => return generate(awards, seed, dir),
        [cmd, dir] if cmd == "publish" => return publish(dir),
        [cmd, area] if cmd == "history" => return print_history(area),
        [h] if h == "help" || h == "--help" || h == "-h" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let ds = match named(link::dataset_of(query)) {
        Ok(ds) => ds,
        Err(code) => return code,
    };
    let (view, warnings) = View::from_query(query, &ds);
    let filters = &view.filters;
    let summary = ds.summarise(ds.select(filters)).summary;
    let t = &summary.totals;
    let hhi = concentration(&summary);
    let separate: Vec<_> = ds
        .separate_matching(filters)
        .into_iter()
        .map(|s| {
            json!({
                "region": ds.regions[s.region].slug,
                "category": s.category.map(|c| ds.categories[c].slug.as_str()),
                "commissioner": s.commissioner,
                "note": s.note,
            })
        })
        .collect();
    let out = json!({
        "query": view.to_query(),
        "data": ds.slug,
        "total_value": t.value,
        "valued_awards": t.valued_awards,
        "awards": t.awards,
        "contracts": t.contracts,
        "lead_providers": t.lead_providers,
        "voluntary_value": t.voluntary_value,
        "voluntary_value_share": t.voluntary_value_share(),
        "voluntary_awards": t.voluntary_awards,
        "voluntary_contracts": t.voluntary_contracts,
        "voluntary_lead_providers": t.voluntary_lead_providers,
        "partial_awards": t.partial_awards,
        "hhi": hhi.map(|c| c.hhi),
        "hhi_basis": hhi.map(|c| c.of.slug()),
        "hhi_band": hhi.map(|c| c.band.label()),
        "separately_commissioned": separate,
        "warnings": warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "data_as_at": ds.data_as_at.to_string(),
    });
    print_json(&out)
}
