//! Reading a spreadsheet saved as CSV, one row per award, its columns recognised by their
//! header names in any order (the README lists them and the values each accepts).

use super::cells::{date, pounds};
use super::geography::Geography;
use super::list::{Entry, Problem, Report};
use crate::data::fold::fold;
use crate::data::Sector;
use crate::lang::{self, m};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    Provider,
    Value,
    Category,
    Region,
    Areas,
    Sector,
    Buyer,
    Title,
    Start,
    End,
    Source,
    Note,
}

/// Each column and the header names it goes by (folded: lower case, punctuation as spaces).
const COLUMNS: [(Col, &[&str]); 12] = [
    (
        Col::Provider,
        &[
            "provider",
            "lead provider",
            "supplier",
            "supplier name",
            "contractor",
            "awarded to",
        ],
    ),
    (
        Col::Value,
        &[
            "value",
            "amount",
            "£",
            "value £",
            "amount £",
            "contract value",
            "award value",
            "total value",
            "value gbp",
        ],
    ),
    (
        Col::Category,
        &["category", "service", "service category", "lot"],
    ),
    (Col::Region, &["region", "probation region"]),
    (Col::Areas, &["area", "areas", "pcc area", "pcc areas"]),
    (
        Col::Sector,
        &["sector", "provider sector", "supplier sector"],
    ),
    (
        Col::Buyer,
        &[
            "buyer",
            "commissioner",
            "contracting authority",
            "authority",
        ],
    ),
    (Col::Title, &["title", "contract title"]),
    (
        Col::Start,
        &[
            "start",
            "start date",
            "contract start",
            "contract start date",
        ],
    ),
    (
        Col::End,
        &[
            "end",
            "end date",
            "scheduled end",
            "contract end",
            "contract end date",
        ],
    ),
    (Col::Source, &["source", "url", "link", "notice"]),
    (Col::Note, &["note", "notes"]),
];

/// A header folded for recognition: "Value (£)" → "value £".
fn header_key(h: &str) -> String {
    fold(h)
        .split(|c: char| !(c.is_alphanumeric() || c == '£'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A sector as people write it; `Ok(None)` where the cell says it is not known.
fn sector(text: &str) -> Result<Option<Sector>, ()> {
    match header_key(text).as_str() {
        "voluntary" | "voluntary sector" | "charity" | "vcse" | "social enterprise"
        | "third sector" | "not for profit" => Ok(Some(Sector::Voluntary)),
        "private" | "private company" | "private sector" | "company" | "business" => {
            Ok(Some(Sector::Private))
        }
        "" | "not stated" | "unknown" | "not known" => Ok(None),
        _ => Err(()),
    }
}

/// Reads a spreadsheet's rows. A row with a problem is reported and left out, or kept
/// without the cell at fault where the award is still whole without it.
pub(crate) fn read(
    file: &str,
    text: &str,
    geo: Geography,
) -> Result<(Vec<Entry>, Report), Problem> {
    lang::use_reader();
    let whole = |line: u64, column: Option<u64>, message: String| Problem {
        file: file.to_string(),
        line,
        column,
        path: String::new(),
        message,
    };
    let mut reader = crate::data::load::csv_reader(text);
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => {
            return Err(whole(
                e.position().map_or(1, |p| p.line()),
                None,
                e.to_string(),
            ))
        }
        None => return Err(whole(0, None, lang::t(m::SHEET_EMPTY).into())),
    };
    let mut report = Report {
        file: file.to_string(),
        format: "a spreadsheet".into(),
        ..Report::default()
    };
    let mut columns: Vec<Option<Col>> = Vec::new();
    for (i, h) in header.iter().enumerate() {
        let key = header_key(h);
        let col = COLUMNS
            .iter()
            .find(|(_, names)| names.contains(&key.as_str()))
            .map(|(c, _)| *c);
        let col = match col {
            Some(c) if columns.contains(&Some(c)) => {
                report.problems.push(whole(
                    1,
                    Some(i as u64 + 1),
                    lang::fill(m::SHEET_SECOND_COLUMN, &[("name", &format!("{h:?}"))]),
                ));
                None
            }
            Some(c) => Some(c),
            None => {
                if !key.is_empty() {
                    report.problems.push(whole(
                        1,
                        Some(i as u64 + 1),
                        lang::fill(m::SHEET_UNKNOWN_COLUMN, &[("name", &format!("{h:?}"))]),
                    ));
                }
                None
            }
        };
        columns.push(col);
    }
    for (col, name) in [
        (Col::Provider, m::SHEET_COL_PROVIDER),
        (Col::Value, m::SHEET_COL_VALUE),
    ] {
        if !columns.contains(&Some(col)) {
            return Err(whole(
                1,
                None,
                lang::fill(m::SHEET_NO_COLUMN, &[("name", lang::t(name))]),
            ));
        }
    }
    let mut entries = Vec::new();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                report.problems.push(whole(
                    e.position().map_or(0, |p| p.line()),
                    None,
                    lang::fill(m::SHEET_UNREADABLE, &[("why", &e.to_string())]),
                ));
                continue;
            }
        };
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        report.read += 1;
        let line = record.position().map_or(0, |p| p.line());
        let cell = |col: Col| -> (&str, u64) {
            let i = columns.iter().position(|c| *c == Some(col));
            let t = i.and_then(|i| record.get(i)).map_or("", str::trim);
            (t, i.map_or(0, |i| i as u64 + 1))
        };
        let mut problems = Vec::new();
        let mut note = |col: Col, message: String| {
            let (_, column) = cell(col);
            problems.push(whole(line, Some(column), message));
        };
        let (provider, _) = cell(Col::Provider);
        if provider.is_empty() {
            note(Col::Provider, lang::t(m::SHEET_NO_PROVIDER).into());
            report.problems.append(&mut problems);
            continue;
        }
        let (value_text, _) = cell(Col::Value);
        let mut rounded_value = false;
        let value = if value_text.is_empty() {
            None
        } else if let Some((v, rounded)) = pounds(value_text) {
            rounded_value = rounded;
            Some(v)
        } else {
            let text = format!("{value_text:?}");
            note(
                Col::Value,
                lang::fill(m::SHEET_BAD_VALUE, &[("text", &text)]),
            );
            report.problems.append(&mut problems);
            continue;
        };
        let (sector_text, _) = cell(Col::Sector);
        let sector = sector(sector_text).unwrap_or_else(|()| {
            note(
                Col::Sector,
                lang::fill(
                    m::SHEET_BAD_SECTOR,
                    &[("text", &format!("{sector_text:?}"))],
                ),
            );
            None
        });
        let mut dated = |col: Col| {
            let (t, _) = cell(col);
            if t.is_empty() {
                return None;
            }
            let d = date(t);
            if d.is_none() {
                note(
                    col,
                    lang::fill(m::SHEET_BAD_DATE, &[("text", &format!("{t:?}"))]),
                );
            }
            d
        };
        let (start, end) = (dated(Col::Start), dated(Col::End));
        let (region_text, _) = cell(Col::Region);
        let mut region = geo.region(region_text);
        let mut areas = Vec::new();
        let (area_text, _) = cell(Col::Areas);
        for name in area_text
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            match geo.area(name) {
                Some(a) if region.is_none_or(|r| geo.ds.areas[a].region == r) => areas.push(a),
                Some(_) => note(
                    Col::Areas,
                    lang::fill(
                        m::SHEET_NOT_IN_REGION,
                        &[("name", name), ("region", &format!("{region_text:?}"))],
                    ),
                ),
                None => note(
                    Col::Areas,
                    lang::fill(m::SHEET_UNKNOWN_AREA, &[("name", &format!("{name:?}"))]),
                ),
            }
        }
        if region.is_none() {
            region = areas.first().map(|&a| geo.ds.areas[a].region);
        }
        report.problems.append(&mut problems);
        let text_of = |col: Col| cell(col).0.to_string();
        let source = text_of(Col::Source);
        entries.push(Entry {
            provider: provider.to_string(),
            sector,
            value,
            rounded: rounded_value,
            category: text_of(Col::Category),
            region,
            areas,
            buyer: text_of(Col::Buyer),
            title: text_of(Col::Title),
            start,
            end,
            address: source,
            note: text_of(Col::Note),
            ..Entry::default()
        });
    }
    Ok((entries, report))
}
