//! Loading and validating the CSV tables: every problem is reported with file, line and column.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::assemble::Tables;
use super::types::*;

/// The names of the files that make up a dataset, in the order they are loaded.
pub const FILES: [&str; 11] = [
    "dataset.csv",
    "sources.csv",
    "regions.csv",
    "areas.csv",
    "places.csv",
    "categories.csv",
    "providers.csv",
    "awards.csv",
    "award_areas.csv",
    "separately_commissioned.csv",
    "notes.csv",
];

/// Each file's columns, in the order the explorer writes them.
pub const COLUMNS: [(&str, &[&str]); 11] = [
    ("dataset.csv", &["key", "value", "source"]),
    ("sources.csv", &["id", "publisher", "title", "date"]),
    ("regions.csv", &["slug", "name", "name_cy"]),
    (
        "areas.csv",
        &["slug", "name", "name_cy", "region", "code", "col", "row"],
    ),
    ("places.csv", &["place", "area", "source"]),
    (
        "categories.csv",
        &[
            "slug",
            "name",
            "name_cy",
            "term_months",
            "value_basis",
            "scheduled_end",
            "source",
            "end_inferred",
            "search_words",
        ],
    ),
    (
        "providers.csv",
        &["slug", "name", "sector", "other_spellings", "note"],
    ),
    (
        "awards.csv",
        &[
            "id",
            "region",
            "category",
            "provider",
            "value",
            "subject_to_contract",
            "cohorts",
            "source",
            "note",
            "start",
            "continues",
            "end",
            "buyer",
        ],
    ),
    ("award_areas.csv", &["award", "area", "until"]),
    (
        "separately_commissioned.csv",
        &[
            "region",
            "category",
            "commissioner",
            "note",
            "note_cy",
            "source",
        ],
    ),
    (
        "notes.csv",
        &["date", "kind", "text", "text_cy", "source", "inferred"],
    ),
];

/// The columns of `file`, one of `FILES`.
pub fn columns(file: &str) -> &'static [&'static str] {
    COLUMNS
        .iter()
        .find(|(f, _)| *f == file)
        .map_or(&[], |(_, c)| c)
}

/// The files every dataset shares (the geography), which a dataset other than the built-in
/// one takes from the built-in one's folder rather than holding its own.
pub const SHARED: [&str; 3] = ["regions.csv", "areas.csv", "places.csv"];

/// The largest column or row a map tile may have.
pub(crate) const MAX_TILE: u8 = 30;

/// A problem in a data file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct DataError {
    pub file: String,
    /// 1-based line of the record (0 when the file as a whole is at fault).
    pub line: u64,
    /// 1-based column (field number) when one field is at fault.
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.column {
            Some(c) => write!(f, "{}:{}:{}: {}", self.file, self.line, c, self.message),
            None => write!(f, "{}:{}: {}", self.file, self.line, self.message),
        }
    }
}

/// The text of each file in `FILES`, by name.
pub trait Files {
    fn get(&self, name: &str) -> Option<&str>;
}

impl Files for HashMap<String, String> {
    fn get(&self, name: &str) -> Option<&str> {
        HashMap::get(self, name).map(String::as_str)
    }
}

impl Files for [(&str, &str)] {
    fn get(&self, name: &str) -> Option<&str> {
        self.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
    }
}

/// One data row with its position, for reading fields with precise errors.
struct Row<'a> {
    file: &'a str,
    line: u64,
    columns: &'a [String],
    record: csv::StringRecord,
}

impl Row<'_> {
    fn error(&self, column: &str, message: impl Into<String>) -> DataError {
        let index = self.columns.iter().position(|c| c == column);
        DataError {
            file: self.file.to_string(),
            line: self.line,
            column: index.map(|i| i + 1),
            message: format!("column `{column}`: {}", message.into()),
        }
    }

    /// The trimmed text of a column (the header has been checked, so it exists).
    fn text(&self, column: &str) -> &str {
        let index = self.columns.iter().position(|c| c == column);
        index
            .and_then(|i| self.record.get(i))
            .map(str::trim)
            .unwrap_or("")
    }

    /// A `;`-separated list: each item trimmed, empty ones left out.
    fn list(&self, column: &str) -> Vec<String> {
        self.text(column)
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    }

    fn required(&self, column: &str) -> Result<&str, DataError> {
        let text = self.text(column);
        if text.is_empty() {
            Err(self.error(column, "is empty"))
        } else {
            Ok(text)
        }
    }

    /// `read` of the column, or `None` when it is empty.
    fn optional<T>(
        &self,
        read: impl FnOnce(&Self) -> Result<T, DataError>,
        column: &str,
    ) -> Result<Option<T>, DataError> {
        if self.text(column).is_empty() {
            Ok(None)
        } else {
            read(self).map(Some)
        }
    }

    /// A lower-case hyphenated slug.
    fn slug(&self, column: &str) -> Result<String, DataError> {
        let text = self.required(column)?;
        if is_slug(text) {
            Ok(text.to_string())
        } else {
            Err(self.error(
                column,
                format!("{text:?} is not a slug (lower-case letters, digits and single hyphens)"),
            ))
        }
    }

    fn lookup(
        &self,
        column: &str,
        index: &HashMap<String, usize>,
        what: &str,
    ) -> Result<usize, DataError> {
        let text = self.required(column)?;
        index
            .get(text)
            .copied()
            .ok_or_else(|| self.error(column, format!("unknown {what} {text:?}")))
    }

    fn date(&self, column: &str) -> Result<Date, DataError> {
        let text = self.required(column)?;
        Date::parse(text).ok_or_else(|| {
            self.error(
                column,
                format!("{text:?} is not a date in the form YYYY-MM-DD"),
            )
        })
    }

    /// A map tile's column or row: 0 to `MAX_TILE`.
    fn tile_position(&self, column: &str) -> Result<u8, DataError> {
        let text = self.required(column)?;
        text.parse::<u8>()
            .ok()
            .filter(|v| *v <= MAX_TILE && text.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(|| {
                self.error(
                    column,
                    format!("{text:?} is not a whole number from 0 to {MAX_TILE}"),
                )
            })
    }

    fn yes_no(&self, column: &str) -> Result<bool, DataError> {
        match self.text(column) {
            "yes" => Ok(true),
            "no" | "" => Ok(false),
            other => Err(self.error(column, format!("{other:?} is not `yes` or `no`"))),
        }
    }
}

pub(crate) fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A reader of CSV text's records, the header among them, past any byte-order mark;
/// rows may have any number of fields (the caller says which count is wrong).
pub(crate) fn csv_reader(text: &str) -> csv::Reader<&[u8]> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// Reads one file's rows, checking that its header has exactly the expected columns.
fn rows<'a>(files: &'a (impl Files + ?Sized), file: &'a str) -> Result<Table<'a>, DataError> {
    let expected = columns(file);
    let whole = |message: String| DataError {
        file: file.to_string(),
        line: 0,
        column: None,
        message,
    };
    let text = files
        .get(file)
        .ok_or_else(|| whole("the file is missing".into()))?;
    let mut reader = csv_reader(text);
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Err(csv_error(file, &e)),
        None => return Err(whole("the file is empty: it needs a header line".into())),
    };
    let columns: Vec<String> = header.iter().map(|c| c.trim().to_string()).collect();
    for (i, c) in columns.iter().enumerate() {
        if !expected.contains(&c.as_str()) {
            return Err(DataError {
                file: file.to_string(),
                line: 1,
                column: Some(i + 1),
                message: format!(
                    "unknown column {c:?}; the columns are {}",
                    expected.join(", ")
                ),
            });
        }
        if columns[..i].contains(c) {
            return Err(DataError {
                file: file.to_string(),
                line: 1,
                column: Some(i + 1),
                message: format!("column {c:?} appears twice"),
            });
        }
    }
    // A name in Welsh is given where there is one: a file may leave out the column.
    let optional = |e: &str| e.ends_with("_cy");
    if let Some(missing) = expected
        .iter()
        .find(|e| !optional(e) && !columns.iter().any(|c| c == *e))
    {
        return Err(DataError {
            file: file.to_string(),
            line: 1,
            column: None,
            message: format!(
                "missing column {missing:?}; the columns are {}",
                expected.join(", ")
            ),
        });
    }
    let mut out = Vec::new();
    for record in records {
        let record = record.map_err(|e| csv_error(file, &e))?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|f| f.trim().is_empty()) {
            continue; // a blank line a spreadsheet left behind holds no data
        }
        if record.len() != columns.len() {
            return Err(DataError {
                file: file.to_string(),
                line,
                column: Some(record.len().min(columns.len()) + 1),
                message: format!("expected {} fields, found {}", columns.len(), record.len()),
            });
        }
        out.push((line, record));
    }
    Ok(Table {
        file,
        columns,
        rows: out,
    })
}

struct Table<'a> {
    file: &'a str,
    columns: Vec<String>,
    rows: Vec<(u64, csv::StringRecord)>,
}

impl<'a> Table<'a> {
    fn each<T>(
        &'a self,
        mut f: impl FnMut(&Row<'a>) -> Result<T, DataError>,
    ) -> Result<Vec<T>, DataError> {
        self.rows
            .iter()
            .map(|(line, record)| {
                f(&Row {
                    file: self.file,
                    line: *line,
                    columns: &self.columns,
                    record: record.clone(),
                })
            })
            .collect()
    }
}

fn csv_error(file: &str, e: &csv::Error) -> DataError {
    let (line, column) = match e.kind() {
        csv::ErrorKind::Utf8 { pos, err } => {
            (pos.as_ref().map_or(0, |p| p.line()), Some(err.field() + 1))
        }
        _ => (e.position().map_or(0, |p| p.line()), None),
    };
    let message = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => {
            "the text is not valid UTF-8 (save the file as CSV UTF-8)".to_string()
        }
        other => format!("{other:?}"),
    };
    DataError {
        file: file.to_string(),
        line,
        column,
        message,
    }
}

/// Builds a slug → index map, rejecting duplicates.
fn index_of(
    row: &Row,
    column: &str,
    slug: &str,
    seen: &mut HashMap<String, usize>,
) -> Result<(), DataError> {
    let next = seen.len();
    if seen.insert(slug.to_string(), next).is_some() {
        return Err(row.error(column, format!("{slug:?} appears twice")));
    }
    Ok(())
}

/// Folds the typographic apostrophe so a spelling matches however it was typed.
fn fold_spelling(s: &str) -> String {
    s.trim().replace(['\u{2019}', '\u{2018}'], "'")
}

/// Loads and validates a whole dataset.
pub fn load(files: &(impl Files + ?Sized)) -> Result<Dataset, DataError> {
    // dataset.csv: key, value, source
    let meta = rows(files, "dataset.csv")?;
    let sources_table = rows(files, "sources.csv")?;
    let mut source_ix = HashMap::new();
    let sources = sources_table.each(|r| {
        let id = r.slug("id")?;
        index_of(r, "id", &id, &mut source_ix)?;
        Ok(Source {
            id,
            publisher: r.required("publisher")?.to_string(),
            title: r.required("title")?.to_string(),
            date: r.optional(|r| r.date("date"), "date")?,
        })
    })?;

    let mut slug = None;
    let mut label = None;
    let mut contract_rule = None;
    let mut title = None;
    let mut heading = None;
    let mut place = None;
    let mut file_name = None;
    let mut counting = None;
    let mut awarded = None;
    let mut data_as_at = None;
    let mut start = None;
    let mut welsh = Welsh::default();
    let mut seen_keys = HashSet::new();
    meta.each(|r| {
        let key = r.required("key")?;
        if !seen_keys.insert(key.to_string()) {
            return Err(r.error("key", format!("{key:?} appears twice")));
        }
        // The slug, label, heading, file name and counting rule are the explorer's own
        // words, not a source's facts.
        // Words in Welsh are the explorer's own too.
        let own = matches!(key, "slug" | "label" | "heading" | "file_name" | "contracts")
            || key.ends_with("_cy");
        if !own || !r.text("source").is_empty() {
            r.lookup("source", &source_ix, "source")?;
        }
        match key {
            "slug" => slug = Some(r.slug("value")?),
            "label" => label = Some(r.required("value")?.to_string()),
            "contracts" => {
                contract_rule = Some(match r.required("value")? {
                    "per-area" => ContractRule::PerArea,
                    "per-award" => ContractRule::PerAward,
                    other => {
                        return Err(r.error(
                            "value",
                            format!("{other:?} is not `per-area` or `per-award`"),
                        ))
                    }
                })
            }
            "title" => title = Some(r.required("value")?.to_string()),
            "heading" => heading = Some(r.required("value")?.to_string()),
            "place" => place = Some(r.required("value")?.to_string()),
            "file_name" => file_name = Some(r.slug("value")?),
            "counting" => counting = Some(r.required("value")?.to_string()),
            "awarded" => awarded = Some(r.date("value")?),
            "data_as_at" => data_as_at = Some(r.date("value")?),
            "start" => start = Some(r.date("value")?),
            "label_cy" => welsh.label = r.required("value")?.to_string(),
            "title_cy" => welsh.title = r.required("value")?.to_string(),
            "heading_cy" => welsh.heading = r.required("value")?.to_string(),
            "place_cy" => welsh.place = r.required("value")?.to_string(),
            "counting_cy" => welsh.counting = r.required("value")?.to_string(),
            other => {
                return Err(r.error(
                    "key",
                    format!("unknown key {other:?}; the keys are slug, label, contracts, title, heading, place, file_name, counting, awarded, data_as_at, start, and in Welsh label_cy, title_cy, heading_cy, place_cy, counting_cy"),
                ))
            }
        }
        Ok(())
    })?;
    let missing_key = |key: &str| DataError {
        file: "dataset.csv".into(),
        line: 0,
        column: None,
        message: format!("missing the row for key {key:?}"),
    };
    let slug = slug.ok_or_else(|| missing_key("slug"))?;
    let label = label.ok_or_else(|| missing_key("label"))?;
    let contract_rule = contract_rule.ok_or_else(|| missing_key("contracts"))?;
    let title = title.ok_or_else(|| missing_key("title"))?;
    let heading = heading.ok_or_else(|| missing_key("heading"))?;
    let place = place.ok_or_else(|| missing_key("place"))?;
    let file_name = file_name.ok_or_else(|| missing_key("file_name"))?;
    let counting = counting.ok_or_else(|| missing_key("counting"))?;
    let awarded = awarded.ok_or_else(|| missing_key("awarded"))?;
    let data_as_at = data_as_at.ok_or_else(|| missing_key("data_as_at"))?;
    let start = start.ok_or_else(|| missing_key("start"))?;

    let mut region_ix = HashMap::new();
    let regions = rows(files, "regions.csv")?.each(|r| {
        let slug = r.slug("slug")?;
        index_of(r, "slug", &slug, &mut region_ix)?;
        Ok(Region {
            slug,
            name: r.required("name")?.to_string(),
            name_cy: r.text("name_cy").to_string(),
        })
    })?;

    let mut area_ix = HashMap::new();
    let mut tiles: HashMap<(u8, u8), String> = HashMap::new();
    let mut codes = HashSet::new();
    let areas_table = rows(files, "areas.csv")?;
    let mut areas = areas_table.each(|r| {
        let slug = r.slug("slug")?;
        index_of(r, "slug", &slug, &mut area_ix)?;
        let name = r.required("name")?.to_string();
        let code = r.required("code")?;
        if code.chars().count() > 4 || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(r.error(
                "code",
                format!("{code:?} is not a code of one to four letters or digits"),
            ));
        }
        if !codes.insert(code.to_string()) {
            return Err(r.error("code", format!("{code:?} appears twice")));
        }
        let tile = (r.tile_position("col")?, r.tile_position("row")?);
        if let Some(other) = tiles.insert(tile, name.clone()) {
            return Err(r.error(
                "row",
                format!(
                    "the tile at column {}, row {} is already {other}'s",
                    tile.0, tile.1
                ),
            ));
        }
        Ok(Area {
            slug,
            name,
            name_cy: r.text("name_cy").to_string(),
            region: r.lookup("region", &region_ix, "region")?,
            code: code.to_string(),
            tile,
            places: Vec::new(),
        })
    })?;
    let mut place_ix = HashMap::new();
    rows(files, "places.csv")?.each(|r| {
        let place = r.required("place")?.to_string();
        index_of(r, "place", &place, &mut place_ix)?;
        let area = r.lookup("area", &area_ix, "area")?;
        r.lookup("source", &source_ix, "source")?;
        areas[area].places.push(place);
        Ok(())
    })?;

    let mut category_ix = HashMap::new();
    let categories = rows(files, "categories.csv")?.each(|r| {
        let slug = r.slug("slug")?;
        index_of(r, "slug", &slug, &mut category_ix)?;
        let term = r.required("term_months")?;
        let term_months = term
            .parse::<u32>()
            .ok()
            .filter(|m| (1..=600).contains(m))
            .ok_or_else(|| {
                r.error(
                    "term_months",
                    format!("{term:?} is not a number of months from 1 to 600"),
                )
            })?;
        let basis = r.required("value_basis")?;
        Ok(Category {
            slug,
            name: r.required("name")?.to_string(),
            name_cy: r.text("name_cy").to_string(),
            term_months,
            value_basis: ValueBasis::from_slug(basis).ok_or_else(|| {
                r.error(
                    "value_basis",
                    format!("{basis:?} is not `standard-term` or `predicted`"),
                )
            })?,
            scheduled_end: r.date("scheduled_end")?,
            source: r.lookup("source", &source_ix, "source")?,
            end_inferred: r.yes_no("end_inferred")?,
            search_words: r.list("search_words"),
        })
    })?;

    let mut provider_ix = HashMap::new();
    let mut spelling_ix: HashMap<String, usize> = HashMap::new();
    let providers = rows(files, "providers.csv")?.each(|r| {
        let slug = r.slug("slug")?;
        let index = provider_ix.len();
        index_of(r, "slug", &slug, &mut provider_ix)?;
        let name = r.required("name")?.to_string();
        let sector_text = r.required("sector")?;
        let sector = Sector::from_slug(sector_text).ok_or_else(|| {
            r.error(
                "sector",
                format!("{sector_text:?} is not `voluntary`, `private` or `not-stated`"),
            )
        })?;
        let other_spellings = r.list("other_spellings");
        for (column, spelling) in std::iter::once(("name", &name))
            .chain(other_spellings.iter().map(|s| ("other_spellings", s)))
        {
            if let Some(&other) = spelling_ix.get(&fold_spelling(spelling)) {
                if other != index {
                    return Err(r.error(
                        column,
                        format!("{spelling:?} is already a spelling of another provider"),
                    ));
                }
            }
            spelling_ix.insert(fold_spelling(spelling), index);
        }
        Ok(Provider {
            slug,
            name,
            sector,
            other_spellings,
            note: r.text("note").to_string(),
        })
    })?;

    let mut award_ix: HashMap<u32, usize> = HashMap::new();
    let awards_table = rows(files, "awards.csv")?;
    let mut awards = awards_table.each(|r| {
        let id_text = r.required("id")?;
        let id = id_text
            .parse::<u32>()
            .ok()
            .filter(|_| id_text.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(|| r.error("id", format!("{id_text:?} is not a whole number")))?;
        if award_ix.insert(id, award_ix.len()).is_some() {
            return Err(r.error("id", format!("award {id} appears twice")));
        }
        let published_provider = r.required("provider")?.to_string();
        let provider = *spelling_ix.get(&fold_spelling(&published_provider)).ok_or_else(|| {
            r.error(
                "provider",
                format!("{published_provider:?} is not a provider's name or other spelling in providers.csv"),
            )
        })?;
        // Empty where no source gives the award's value.
        let value = r.optional(|r| {
            let value_text = r.text("value");
            value_text
                .parse::<u64>()
                .ok()
                .filter(|v| value_text.bytes().all(|b| b.is_ascii_digit()) && *v < 1_000_000_000_000)
                .ok_or_else(|| r.error("value", format!("{value_text:?} is not whole pounds (digits only, no £ or commas; empty where no value was published)")))
        }, "value")?;
        let mut cohorts = Vec::new();
        for c in r.text("cohorts").split(';').map(str::trim).filter(|s| !s.is_empty()) {
            let cohort = Cohort::from_slug(c)
                .ok_or_else(|| r.error("cohorts", format!("{c:?} is not `young-adults` or `26-plus`")))?;
            if cohorts.contains(&cohort) {
                return Err(r.error("cohorts", format!("{c:?} appears twice")));
            }
            cohorts.push(cohort);
        }
        Ok(Award {
            id,
            region: r.lookup("region", &region_ix, "region")?,
            category: r.lookup("category", &category_ix, "category")?,
            provider,
            published_provider,
            value,
            subject_to_contract: r.yes_no("subject_to_contract")?,
            cohorts,
            source: r.lookup("source", &source_ix, "source")?,
            note: r.text("note").to_string(),
            areas: Vec::new(),
            start: r.optional(|r| r.date("start"), "start")?,
            continues: None,
            end: r.optional(|r| r.date("end"), "end")?,
            buyer: r.text("buyer").to_string(),
        })
    })?;
    // `continues` names an earlier award by id, so it is read once every id is known.
    awards_table.each(|r| {
        let text = r.text("continues");
        if text.is_empty() {
            return Ok(());
        }
        let id = r.required("id")?.parse::<u32>().ok();
        let this = id.and_then(|id| award_ix.get(&id).copied());
        let earlier = text.parse::<u32>().ok().and_then(|id| award_ix.get(&id).copied());
        match (this, earlier) {
            (Some(this), Some(earlier)) if earlier != this => {
                if awards[earlier].continues.is_some() || awards[earlier].category != awards[this].category {
                    return Err(r.error("continues", format!("award {text} is not an award of the same category that began its contract")));
                }
                awards[this].continues = Some(earlier);
                Ok(())
            }
            _ => Err(r.error("continues", format!("{text:?} is not the id of another award in awards.csv"))),
        }
    })?;

    rows(files, "award_areas.csv")?.each(|r| {
        let award_text = r.required("award")?;
        let award = award_text
            .parse::<u32>()
            .ok()
            .and_then(|id| award_ix.get(&id).copied())
            .ok_or_else(|| {
                r.error(
                    "award",
                    format!("{award_text:?} is not the id of an award in awards.csv"),
                )
            })?;
        let area = r.lookup("area", &area_ix, "area")?;
        let until_text = r.text("until");
        let until = if until_text.is_empty() {
            None
        } else {
            Some(Month::parse(until_text).ok_or_else(|| {
                r.error(
                    "until",
                    format!("{until_text:?} is not a month in the form YYYY-MM"),
                )
            })?)
        };
        let a = &mut awards[award];
        // An area lot is let within its region. An award that is one contract (a CRC) may
        // reach into a neighbouring region; its own region must still be one of its areas'.
        let stray = match contract_rule {
            ContractRule::PerArea => areas[area].region != a.region,
            ContractRule::PerAward => a.areas.is_empty() && areas[area].region != a.region,
        };
        if stray {
            return Err(r.error(
                "area",
                format!(
                    "{} is not in the region of award {} ({})",
                    areas[area].name, a.id, regions[a.region].name
                ),
            ));
        }
        if a.areas.iter().any(|x| x.area == area) {
            return Err(r.error(
                "area",
                format!("{} is listed twice for award {}", areas[area].name, a.id),
            ));
        }
        a.areas.push(AwardArea { area, until });
        Ok(())
    })?;

    let separate = rows(files, "separately_commissioned.csv")?.each(|r| {
        let category = if r.text("category").is_empty() {
            None
        } else {
            Some(r.lookup("category", &category_ix, "category")?)
        };
        Ok(Separate {
            region: r.lookup("region", &region_ix, "region")?,
            category,
            commissioner: r.required("commissioner")?.to_string(),
            note: r.required("note")?.to_string(),
            note_cy: r.text("note_cy").to_string(),
            source: r.lookup("source", &source_ix, "source")?,
        })
    })?;

    let notes = rows(files, "notes.csv")?.each(|r| {
        let date_text = r.required("date")?;
        let kind_text = r.required("kind")?;
        Ok(Note {
            date: Month::parse(date_text).ok_or_else(|| {
                r.error(
                    "date",
                    format!("{date_text:?} is not a month in the form YYYY-MM"),
                )
            })?,
            kind: NoteKind::ALL
                .into_iter()
                .find(|k| k.slug() == kind_text)
                .ok_or_else(|| {
                    r.error(
                        "kind",
                        format!("{kind_text:?} is not `event`, `value` or `next`"),
                    )
                })?,
            text: r.required("text")?.to_string(),
            text_cy: r.text("text_cy").to_string(),
            source: r.lookup("source", &source_ix, "source")?,
            inferred: r.yes_no("inferred")?,
        })
    })?;

    // The engine indexes regions and categories in 16 bits; no real dataset comes close.
    for (file, n) in [
        ("regions.csv", regions.len()),
        ("categories.csv", categories.len()),
    ] {
        if n > 1000 {
            return Err(DataError {
                file: file.into(),
                line: 0,
                column: None,
                message: format!("{n} rows: at most 1,000 are supported"),
            });
        }
    }
    Ok(Tables {
        slug,
        label,
        title,
        heading,
        place,
        file_name,
        counting,
        awarded,
        data_as_at,
        start,
        regions,
        areas,
        categories,
        providers,
        sources,
        awards,
        separate,
        contract_rule,
        notes,
        welsh,
    }
    .assemble())
}

/// Turns a file's bytes into text, reporting the line and column of any byte that is not UTF-8.
pub fn decode(file: &str, bytes: Vec<u8>) -> Result<String, DataError> {
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        // The field the bad byte is in: commas outside quotes before it, plus one.
        let mut quoted = false;
        let mut column = 1;
        for &b in &good[line_start..] {
            match b {
                b'"' => quoted = !quoted,
                b',' if !quoted => column += 1,
                _ => {}
            }
        }
        DataError {
            file: file.to_string(),
            line,
            column: Some(column),
            message: "the text is not valid UTF-8 (save the file as CSV UTF-8)".to_string(),
        }
    })
}
