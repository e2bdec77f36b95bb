//! A list of awards as read from any file, before it becomes the explorer's tables, and
//! the report of how it was read.

use std::collections::BTreeMap;
use std::fmt;

use crate::data::{Date, Sector};
use crate::engine::text::plural;

/// One award as a list gives it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entry {
    /// The lead provider (an OCDS award's first supplier).
    pub provider: String,
    /// Any other suppliers of the same award.
    pub joint: Vec<String>,
    pub sector: Option<Sector>,
    /// `sme` or `large`, where an OCDS party's details say.
    pub scale: String,
    /// Whole pounds; `None` where the list gives none (or gives it in another currency).
    pub value: Option<u64>,
    /// Whether the value was not whole pounds and was rounded half up.
    pub rounded: bool,
    /// The currency of a value given in another currency than pounds (not added in).
    pub other_currency: Option<String>,
    /// The category's name; empty where the list gives none.
    pub category: String,
    /// Indexes into the built-in geography's regions and areas.
    pub region: Option<usize>,
    pub areas: Vec<usize>,
    pub buyer: String,
    pub title: String,
    pub start: Option<Date>,
    pub end: Option<Date>,
    /// When it was awarded, where the list says (an OCDS award's `date`).
    pub awarded: Option<Date>,
    /// Where it was published (an address), and its OCDS `ocid` where it has one.
    pub address: String,
    pub ocid: String,
    pub note: String,
}

/// A row, release or value that could not be read, and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// 1-based; 0 for the file as a whole.
    pub line: u64,
    pub column: Option<u64>,
    /// The JSON path (`releases[41].awards[0].value.amount`), empty for a CSV cell.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ", line {}", self.line)?;
        }
        if let Some(c) = self.column {
            write!(f, ", column {c}")?;
        }
        if !self.path.is_empty() {
            write!(f, ", {}", self.path)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// What reading one file found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub file: String,
    /// "a spreadsheet", "an OCDS release package", …
    pub format: String,
    /// Who published it (an OCDS package's `publisher.name`), where it says.
    pub publisher: String,
    /// The latest date it gives for itself (a package's `publishedDate`, else its latest
    /// release's `date`).
    pub published: Option<Date>,
    /// Spreadsheet rows, or OCDS releases (a record's compiled release counts as one).
    pub read: usize,
    /// Distinct OCDS contracting processes (`ocid`s).
    pub processes: usize,
    pub without_award: usize,
    /// Releases each of whose awards a later release of the same award replaced.
    pub earlier_versions: usize,
    /// Awards whose status is `cancelled` or `unsuccessful`.
    pub cancelled: usize,
    pub awards: usize,
    pub without_value: usize,
    /// Awards in another currency, by currency: reported, never added in.
    pub other_currency: BTreeMap<String, usize>,
    /// Values that were not whole pounds, rounded half up.
    pub rounded: usize,
    /// Lead providers whose sector the list does not state.
    pub sector_not_stated: usize,
    /// Awards with no region or area the explorer knows.
    pub unplaced: usize,
    pub problems: Vec<Problem>,
}

impl Report {
    /// One sentence saying what was read and what was not.
    pub fn sentence(&self) -> String {
        let mut parts = Vec::new();
        let awards = plural(self.awards, "award", "awards");
        if self.processes > 0 || self.format.contains("OCDS") {
            parts.push(format!(
                "{awards} read from {} ({})",
                plural(self.read, "release", "releases"),
                plural(
                    self.processes,
                    "contracting process",
                    "contracting processes"
                )
            ));
        } else {
            parts.push(format!(
                "{awards} read from {}",
                plural(self.read, "row", "rows")
            ));
        }
        let mut also = |n: usize, one: &str, many: &str| {
            if n > 0 {
                parts.push(plural(n, one, many));
            }
        };
        also(
            self.without_award,
            "release had no award",
            "releases had no award",
        );
        also(
            self.earlier_versions,
            "was an earlier version of a later release",
            "were earlier versions of later releases",
        );
        also(
            self.cancelled,
            "award was cancelled or unsuccessful",
            "awards were cancelled or unsuccessful",
        );
        also(
            self.without_value,
            "award had no value",
            "awards had no value",
        );
        for (currency, &n) in &self.other_currency {
            also(
                n,
                &format!("award's value was in {currency}, not added in"),
                &format!("awards' values were in {currency}, not added in"),
            );
        }
        also(
            self.rounded,
            "value was rounded to whole pounds",
            "values were rounded to whole pounds",
        );
        also(
            self.sector_not_stated,
            "supplier's sector is not stated",
            "suppliers' sectors are not stated",
        );
        also(
            self.unplaced,
            "award has no region or area the explorer knows",
            "awards have no region or area the explorer knows",
        );
        also(
            self.problems.len(),
            "problem, listed below",
            "problems, listed below",
        );
        let mut s = parts.join("; ");
        s.push('.');
        s
    }
}
