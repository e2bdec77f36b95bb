//! A list of awards as read from any file, before it becomes the explorer's tables, and
//! the report of how it was read.

use std::collections::BTreeMap;
use std::fmt;

use crate::data::{Date, Sector};
use crate::engine::text::count;
use crate::lang::{self, m, Msg};

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
            let line = self.line.to_string();
            write!(f, ", {}", lang::fill(m::AT_LINE, &[("n", &line)]))?;
        }
        if let Some(c) = self.column {
            let column = c.to_string();
            write!(f, ", {}", lang::fill(m::AT_COLUMN, &[("n", &column)]))?;
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
    /// One sentence saying what was read and what was not, in the language shown.
    pub fn sentence(&self) -> String {
        let mut parts = Vec::new();
        let awards = count(self.awards, m::N_AWARDS_ONE, m::N_AWARDS_MANY);
        if self.processes > 0 || self.format.contains("OCDS") {
            parts.push(lang::fill(
                m::REPORT_READ_OCDS,
                &[
                    ("awards", &awards),
                    (
                        "releases",
                        &count(self.read, m::N_RELEASES_ONE, m::N_RELEASES_MANY),
                    ),
                    (
                        "processes",
                        &count(self.processes, m::N_PROCESSES_ONE, m::N_PROCESSES_MANY),
                    ),
                ],
            ));
        } else {
            parts.push(lang::fill(
                m::REPORT_READ,
                &[
                    ("awards", &awards),
                    ("rows", &count(self.read, m::N_ROWS_ONE, m::N_ROWS_MANY)),
                ],
            ));
        }
        let mut also = |n: usize, one: Msg, many: Msg, currency: &str| {
            if n > 0 {
                let text = count(n, one, many);
                parts.push(lang::fill_text(&text, &[("currency", currency)]));
            }
        };
        also(
            self.without_award,
            m::REPORT_NO_AWARD_ONE,
            m::REPORT_NO_AWARD_MANY,
            "",
        );
        also(
            self.earlier_versions,
            m::REPORT_EARLIER_ONE,
            m::REPORT_EARLIER_MANY,
            "",
        );
        also(
            self.cancelled,
            m::REPORT_CANCELLED_ONE,
            m::REPORT_CANCELLED_MANY,
            "",
        );
        also(
            self.without_value,
            m::REPORT_NO_VALUE_ONE,
            m::REPORT_NO_VALUE_MANY,
            "",
        );
        for (currency, &n) in &self.other_currency {
            also(n, m::REPORT_CURRENCY_ONE, m::REPORT_CURRENCY_MANY, currency);
        }
        also(
            self.rounded,
            m::REPORT_ROUNDED_ONE,
            m::REPORT_ROUNDED_MANY,
            "",
        );
        also(
            self.sector_not_stated,
            m::REPORT_UNSTATED_ONE,
            m::REPORT_UNSTATED_MANY,
            "",
        );
        also(
            self.unplaced,
            m::REPORT_UNPLACED_ONE,
            m::REPORT_UNPLACED_MANY,
            "",
        );
        also(
            self.problems.len(),
            m::REPORT_PROBLEMS_ONE,
            m::REPORT_PROBLEMS_MANY,
            "",
        );
        let mut s = parts.join("; ");
        s.push('.');
        s
    }
}
