//! Opening anyone's list of contract awards: a spreadsheet saved as CSV, the explorer's own
//! CSV tables, or OCDS JSON (a release or record package, or JSON Lines), read into a
//! dataset the whole explorer works on, with a report of what was and was not read.
//!
//! This module uses neither Leptos nor web-sys: the command line and the page's import
//! worker share it, and the default page never loads it.

mod cells;
mod geography;
pub(crate) mod json;
pub mod list;
mod ocds;
mod sheet;
mod tables;

use crate::lang::{self, m};
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::data::load::SHARED;
use crate::data::{self, Dataset, Date, FILES};
use geography::Geography;
pub use list::{Entry, Problem, Report};

/// A list made into a dataset: the dataset, its tables (as `contracts import` writes them),
/// and a report per file read.
pub struct Imported {
    pub dataset: Dataset,
    pub tables: Vec<(String, String)>,
    pub reports: Vec<Report>,
}

/// The file name without its folders.
fn base_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// A file's text, or where it stops being UTF-8.
fn utf8(name: &str, bytes: &[u8]) -> Result<String, Problem> {
    let decoded = data::load::decode(name, bytes.to_vec());
    decoded.map_err(|e| Problem {
        file: name.to_string(),
        line: e.line,
        column: e.column.map(|c| c as u64),
        path: String::new(),
        message: e.message,
    })
}

/// Whether a text is JSON rather than CSV: its first character opens an object or array.
fn is_json(text: &str) -> bool {
    matches!(
        text.trim_start_matches('\u{feff}')
            .trim_start()
            .as_bytes()
            .first(),
        Some(b'{' | b'[')
    )
}

/// The built-in dataset, whose geography every list is placed on: read once.
fn geography() -> Result<Geography, Problem> {
    static BUILT_IN: OnceLock<Result<Geography, data::DataError>> = OnceLock::new();
    let built_in = BUILT_IN.get_or_init(|| {
        let ds = crate::embedded::dataset()?;
        Ok(Geography::new(Box::leak(Box::new(ds))))
    });
    built_in
        .as_ref()
        .copied()
        .map_err(|e| tables::refused("the built-in data", e))
}

/// A problem with the JSON itself, where it is.
fn syntax(name: &str, e: json::SyntaxError) -> Problem {
    Problem {
        file: name.to_string(),
        line: e.line.into(),
        column: Some(e.column.into()),
        path: String::new(),
        message: e.message,
    }
}

/// Whether `first_line` (a file's first line that is not blank) is a whole JSON document
/// by itself: then the file is read as JSON Lines, a line at a time.
pub fn is_json_lines(first_line: &str) -> bool {
    json::Parser::new(first_line, 1)
        .next_value()
        .is_some_and(|v| v.is_ok())
}

/// OCDS JSON Lines read a line at a time, so a file of any size is never held whole: each
/// line is parsed, its releases' awards kept, and the line's text dropped.
pub struct Lines {
    name: String,
    ocds: ocds::Ocds,
    line: u32,
}

impl Lines {
    pub fn new(name: &str) -> Result<Lines, Problem> {
        lang::use_reader();
        Ok(Lines {
            name: name.to_string(),
            ocds: ocds::Ocds::new(name, geography()?),
            line: 0,
        })
    }

    /// Reads the next line (its bytes, without the line break).
    pub fn push(&mut self, bytes: &[u8]) {
        self.line += 1;
        let text = std::str::from_utf8(bytes).map(|t| t.strip_prefix('\u{feff}').unwrap_or(t));
        let Ok(text) = text else {
            let message = lang::t(m::NOT_UTF8);
            let e = json::SyntaxError {
                line: self.line,
                column: 1,
                message: message.into(),
            };
            self.ocds.report.problems.push(syntax(&self.name, e));
            return;
        };
        let mut p = json::Parser::new(text, self.line);
        match p.next_value() {
            None => {}
            Some(Ok(doc)) => {
                self.ocds.add_document(&doc, "");
                if let Some(extra) = p.next_value() {
                    let (line, column) =
                        extra.map_or_else(|e| (e.line, e.column), |v| (v.line, v.column));
                    let message = lang::t(m::JSONL_MORE);
                    let e = json::SyntaxError {
                        line,
                        column,
                        message: message.into(),
                    };
                    self.ocds.report.problems.push(syntax(&self.name, e));
                }
            }
            Some(Err(e)) => self.ocds.report.problems.push(syntax(&self.name, e)),
        }
    }

    /// The awards read, and the report.
    fn finish(self) -> (Vec<Entry>, Report) {
        let (entries, mut report) = self.ocds.finish();
        report.format = "OCDS JSON Lines".into();
        (entries, report)
    }

    /// The list read, made into a dataset.
    pub fn import(self, today: Date) -> Result<Imported, Problem> {
        let name = self.name.clone();
        assemble(&name, vec![self.finish()], today)
    }
}

/// Reads OCDS: JSON Lines where the first line is a whole document by itself, else one
/// document (pretty-printed).
fn read_ocds(name: &str, text: &str, geo: Geography) -> Result<(Vec<Entry>, Report), Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if is_json_lines(first) {
        let mut lines = Lines::new(name)?;
        for line in text.lines() {
            lines.push(line.as_bytes());
        }
        return Ok(lines.finish());
    }
    let mut reader = ocds::Ocds::new(name, geo);
    let mut p = json::Parser::new(text, 1);
    let empty = json::SyntaxError {
        line: 1,
        column: 1,
        message: lang::t(m::FILE_EMPTY).into(),
    };
    let doc = p.next_value().ok_or_else(|| syntax(name, empty))?;
    reader.add_document(&doc.map_err(|e| syntax(name, e))?, "");
    if let Some(extra) = p.next_value() {
        let e = match extra {
            Ok(v) => json::SyntaxError {
                line: v.line,
                column: v.column,
                message: lang::t(m::JSON_MORE).into(),
            },
            Err(e) => e,
        };
        return Err(syntax(name, e));
    }
    Ok(reader.finish())
}

/// Reads `files` (name and bytes each) as one list. The explorer's own tables are read as
/// they are (any of `data::FILES` not given comes from the built-in dataset's geography);
/// anything else is a list of awards, one file or several. `today` dates a list that gives
/// no date of its own.
pub fn import(files: &[(String, Vec<u8>)], today: Date) -> Result<Imported, Problem> {
    lang::use_reader();
    let geo = geography()?;
    let first = files.first().map_or("list", |(n, _)| n.as_str());
    if files.iter().any(|(n, _)| FILES.contains(&base_name(n))) {
        let mut texts: HashMap<String, String> = HashMap::new();
        for (n, bytes) in files {
            texts.insert(base_name(n).to_string(), utf8(n, bytes)?);
        }
        for (n, t) in shared_files() {
            texts.entry(n.to_string()).or_insert_with(|| t.to_string());
        }
        let dataset = data::load(&texts).map_err(|e| Problem {
            file: e.file.clone(),
            line: e.line,
            column: e.column.map(|c| c as u64),
            path: String::new(),
            message: e.message.clone(),
        })?;
        let report = Report {
            file: first.to_string(),
            format: "the explorer's own tables".into(),
            read: dataset.awards.len(),
            awards: dataset.awards.len(),
            without_value: dataset.awards.iter().filter(|a| a.value.is_none()).count(),
            ..Report::default()
        };
        let mut tables: Vec<(String, String)> = texts.into_iter().collect();
        tables.sort();
        return Ok(Imported {
            dataset,
            tables,
            reports: vec![report],
        });
    }
    let mut read = Vec::new();
    for (name, bytes) in files {
        let text = utf8(name, bytes)?;
        read.push(if is_json(&text) {
            read_ocds(name, &text, geo)?
        } else {
            sheet::read(name, &text, geo)?
        });
    }
    assemble(first, read, today)
}

/// The built-in dataset's geography files (`data::SHARED`), by name and text.
fn shared_files() -> Vec<(&'static str, &'static str)> {
    SHARED
        .iter()
        .filter_map(|n| Some((*n, data::Files::get(crate::embedded::FILES, n)?)))
        .collect()
}

/// The lists read from each file, made into one dataset; `first` names it.
fn assemble(
    first: &str,
    read: Vec<(Vec<Entry>, Report)>,
    today: Date,
) -> Result<Imported, Problem> {
    let geo = geography()?;
    let mut entries = Vec::new();
    let mut reports = Vec::new();
    for (mut list, mut report) in read {
        report.awards = list.len();
        report.without_value = list
            .iter()
            .filter(|e| e.value.is_none() && e.other_currency.is_none())
            .count();
        report.rounded = list.iter().filter(|e| e.rounded).count();
        for e in &list {
            if let Some(c) = &e.other_currency {
                *report.other_currency.entry(c.clone()).or_default() += 1;
            }
        }
        report.unplaced = list
            .iter()
            .filter(|e| e.region.is_none() && e.areas.is_empty())
            .count();
        entries.append(&mut list);
        reports.push(report);
    }
    if entries.is_empty() {
        // The first thing that could not be read says why, where there is one.
        if let Some(p) = reports.iter().find_map(|r| r.problems.first()) {
            return Err(p.clone());
        }
        return Err(Problem {
            file: first.to_string(),
            line: 0,
            column: None,
            path: String::new(),
            message: match reports.first() {
                Some(r) => lang::fill(m::NO_AWARD_READ, &[("report", &r.sentence())]),
                None => lang::t(m::NO_FILE).into(),
            },
        });
    }
    let tables = tables::tables(
        first,
        &entries,
        &mut reports,
        geo.ds,
        &shared_files(),
        today,
    );
    let pairs: Vec<(&str, &str)> = tables
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let dataset = data::load(pairs.as_slice()).map_err(|e| tables::refused(first, &e))?;
    Ok(Imported {
        dataset,
        tables,
        reports,
    })
}
