//! Fuzzes the spreadsheet reader: arbitrary bytes as a `.csv` list of awards, under the
//! checks of `import_check`.
#![no_main]

#[path = "import_check.rs"]
mod import_check;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| import_check::check("list.csv", bytes));
