//! Command-line access to the engine: `contracts summary [--file FILE] 'QUERY'` prints a
//! share-link query's totals as JSON; `contracts import FILE… --out DIR` makes any list of
//! awards into the explorer's tables; `contracts publish DIR` writes the other datasets
//! packed, for the page to fetch; `contracts generate AWARDS SEED DIR` writes a synthetic
//! dataset.

use std::process::ExitCode;

use contracts_explorer::data::{Dataset, Date};
use contracts_explorer::engine::concentration::concentration;
use contracts_explorer::engine::history::history;
use contracts_explorer::engine::{link, View};
use contracts_explorer::import::{import, Imported};
use contracts_explorer::{embedded, synth};
use serde_json::json;

const USAGE: &str = "usage: contracts summary 'QUERY'
  Prints, as JSON, the totals for a share-link query such as 'category=womens&region=wales'
  (use '' for everything; 'data=tr-crcs&region=wales' for another dataset). Unknown or
  malformed parts are listed under \"warnings\".
usage: contracts summary --file FILE 'QUERY'
  The same, for the list of awards in FILE (a spreadsheet saved as CSV, or OCDS JSON or
  JSON Lines), read as `contracts import` reads it; its report goes to standard error.
usage: contracts import FILE... --out DIR
  Reads a list of awards (a spreadsheet saved as CSV, the explorer's own CSV tables, or
  OCDS: a release package, a record package or JSON Lines; several files make one list),
  writes the explorer's CSV tables for it into DIR and prints what was read, with the
  line, column and path of anything that could not be.
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
    for &(slug, _, _) in embedded::CATALOGUE {
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
    for &(slug, _, _) in &embedded::CATALOGUE[1..] {
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

/// Today's date in UTC, from the system clock (days since 1970 to a civil date).
fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
    Date { year, month, day }
}

/// Reads the list in `paths`, printing its report to standard error.
fn read_list(paths: &[String]) -> Result<Imported, ExitCode> {
    let mut files = Vec::new();
    for p in paths {
        match std::fs::read(p) {
            Ok(bytes) => files.push((p.clone(), bytes)),
            Err(e) => {
                eprintln!("error: could not read {p}: {e}");
                return Err(ExitCode::FAILURE);
            }
        }
    }
    match import(&files, today()) {
        Ok(imported) => {
            for r in &imported.reports {
                eprintln!("{} ({}): {}", r.file, r.format, r.sentence());
                for p in &r.problems {
                    eprintln!("  {p}");
                }
            }
            Ok(imported)
        }
        Err(p) => {
            eprintln!("error: {p}");
            Err(ExitCode::FAILURE)
        }
    }
}

/// `contracts import FILE… --out DIR`.
fn import_to(paths: &[String], dir: &str) -> ExitCode {
    let imported = match read_list(paths) {
        Ok(i) => i,
        Err(code) => return code,
    };
    let dir = std::path::Path::new(dir);
    let written = std::fs::create_dir_all(dir).and_then(|()| {
        for (name, text) in &imported.tables {
            std::fs::write(dir.join(name), text)?;
        }
        Ok(())
    });
    match written {
        Ok(()) => {
            eprintln!(
                "wrote the tables of {} awards to {}",
                imported.dataset.awards.len(),
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: could not write {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut list = None;
    let query = match args.as_slice() {
        [cmd] if cmd == "summary" => "",
        [cmd, q] if cmd == "summary" => q.as_str(),
        [cmd, flag, file] if cmd == "summary" && flag == "--file" => {
            list = Some(file);
            ""
        }
        [cmd, flag, file, q] if cmd == "summary" && flag == "--file" => {
            list = Some(file);
            q.as_str()
        }
        [cmd, rest @ ..]
            if cmd == "import" && rest.len() >= 3 && rest[rest.len() - 2] == "--out" =>
        {
            return import_to(&rest[..rest.len() - 2], &rest[rest.len() - 1]);
        }
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
    let ds = match list {
        Some(file) => read_list(std::slice::from_ref(file)).map(|i| i.dataset),
        None => named(link::dataset_of(query)),
    };
    let ds = match ds {
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
        "private_value": t.private_value,
        "private_awards": t.private_awards,
        "private_contracts": t.private_contracts,
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
