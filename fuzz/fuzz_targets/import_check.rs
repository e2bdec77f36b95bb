//! What the reader targets check, for any bytes opened as a file of the given name:
//! importing ends in a dataset or a located problem, never a panic, and a dataset is one
//! the engine can total, with as many awards as the report says were read.

use contracts_explorer::data::Date;
use contracts_explorer::engine::Filters;
use contracts_explorer::import::import;

const TODAY: Date = Date { year: 2026, month: 12, day: 6 };

pub fn check(name: &str, bytes: &[u8]) {
    match import(&[(name.to_string(), bytes.to_vec())], TODAY) {
        Ok(i) => {
            let ds = &i.dataset;
            let t = ds.totals(&ds.select(&Filters::default()));
            assert_eq!(t.awards, i.reports.iter().map(|r| r.awards).sum::<usize>());
            let _ = i.reports[0].sentence();
        }
        Err(p) => {
            assert_eq!(p.file, name, "{p}");
            let _ = p.to_string();
        }
    }
}
