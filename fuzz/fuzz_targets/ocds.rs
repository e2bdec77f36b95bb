//! Fuzzes the OCDS reader: arbitrary bytes as a `.json` file (a release or record package,
//! a release or record, or JSON Lines), under the checks of `import_check`.
#![no_main]

#[path = "import_check.rs"]
mod import_check;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| import_check::check("list.json", bytes));
