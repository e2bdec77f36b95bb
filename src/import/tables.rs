//! Writes a list of awards as the explorer's CSV tables, which `data::load` then checks
//! like any dataset's: one contract per award, the built-in geography, a category per
//! name the list uses, a lead provider per name (names that slug alike are one provider).

use crate::lang::{self, m};
use std::collections::HashMap;

use super::list::{Entry, Problem, Report};
use crate::data::load::columns;
use crate::data::{Dataset, Date, Sector};
use crate::engine::text::slugify;

/// The slug for a region, category or provider the list does not state.
const NOT_STATED: &str = "not-stated";

/// CSV text from rows of fields.
fn csv_text(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = w.write_record(header);
    for row in rows {
        let _ = w.write_record(row);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A slug made unique among `taken` by a number after it; `fallback` where the name has no
/// letters or digits to make one from.
fn unique_slug(name: &str, fallback: &str, taken: &mut HashMap<String, usize>) -> String {
    let base = match slugify(name) {
        s if s.is_empty() => fallback.to_string(),
        s => s,
    };
    let n = taken.entry(base.clone()).or_insert(0);
    *n += 1;
    if *n == 1 {
        base
    } else {
        format!("{base}-{n}")
    }
}

/// The tables for `entries`, read from the file `name`, over the built-in geography's
/// files `geography` (regions, areas and places, as `data::SHARED` names them).
pub(crate) fn tables(
    name: &str,
    entries: &[Entry],
    reports: &mut [Report],
    geo: &Dataset,
    geography: &[(&str, &str)],
    today: Date,
) -> Vec<(String, String)> {
    let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    let slug = match slugify(stem) {
        s if s.is_empty() => "your-list".to_string(),
        s => s,
    };
    let published = reports.iter().filter_map(|r| r.published).max();
    let data_as_at = published.unwrap_or(today);
    let awarded = entries
        .iter()
        .filter_map(|e| e.awarded.or(e.start))
        .min()
        .unwrap_or(data_as_at);
    let start = entries
        .iter()
        .filter_map(|e| e.start)
        .min()
        .unwrap_or(awarded);
    let publisher = reports
        .iter()
        .map(|r| r.publisher.as_str())
        .find(|p| !p.is_empty())
        .unwrap_or(lang::t(m::LIST_ITSELF));

    // Sources: the file, and each award's notice.
    let mut sources = vec![vec![
        "list".to_string(),
        publisher.to_string(),
        name.to_string(),
        published.map(|d| d.to_string()).unwrap_or_default(),
    ]];
    // The geography's own sources (those the places name), as the built-in dataset has them.
    let places = geography
        .iter()
        .find(|(f, _)| *f == "places.csv")
        .map_or("", |(_, t)| t);
    let mut named = std::collections::BTreeSet::new();
    for row in csv::Reader::from_reader(places.as_bytes())
        .records()
        .flatten()
    {
        named.insert(row.get(2).unwrap_or("").to_string());
    }
    for s in geo.sources.iter().filter(|s| named.contains(&s.id)) {
        let date = s.date.map(|d| d.to_string()).unwrap_or_default();
        sources.push(vec![
            s.id.clone(),
            s.publisher.clone(),
            s.title.clone(),
            date,
        ]);
    }
    let mut source_of: HashMap<String, String> = HashMap::new();
    let mut source_slugs: HashMap<String, usize> =
        sources.iter().map(|s| (s[0].clone(), 1)).collect();
    let mut award_source = Vec::new();
    for e in entries {
        let key = if e.ocid.is_empty() {
            e.address.clone()
        } else {
            e.ocid.clone()
        };
        if key.is_empty() {
            award_source.push("list".to_string());
            continue;
        }
        let id = source_of.entry(key.clone()).or_insert_with(|| {
            let id = unique_slug(&key, "notice", &mut source_slugs);
            let title = match (e.ocid.is_empty(), e.address.is_empty()) {
                (false, false) => format!("{} ({})", e.ocid, e.address),
                (false, true) => e.ocid.clone(),
                _ => e.address.clone(),
            };
            sources.push(vec![
                id.clone(),
                publisher.to_string(),
                title,
                String::new(),
            ]);
            id
        });
        award_source.push(id.clone());
    }

    // Categories: one per name the list uses, ending when the last of its awards ends.
    let mut category_slugs = HashMap::new();
    let mut category_of: HashMap<String, String> = HashMap::new();
    let mut categories: Vec<(String, String, Option<Date>)> = Vec::new();
    for e in entries {
        let key = e.category.trim().to_string();
        let slug = category_of.entry(key.clone()).or_insert_with(|| {
            let (slug, label) = if key.is_empty() {
                (
                    NOT_STATED.to_string(),
                    lang::t(m::CATEGORY_NOT_STATED).to_string(),
                )
            } else {
                (
                    unique_slug(&key, "category", &mut category_slugs),
                    key.clone(),
                )
            };
            categories.push((slug.clone(), label, None));
            slug
        });
        if let Some(c) = categories.iter_mut().find(|c| c.0 == *slug) {
            c.2 = c.2.max(e.end);
        }
    }
    let category_rows: Vec<Vec<String>> = categories
        .iter()
        .map(|(slug, label, end)| {
            let end = end.unwrap_or(data_as_at);
            // The term is derived, not stated: from the list's start to the category's end,
            // so that its standard term ends when its last award does.
            let months = |d: Date| i64::from(d.year) * 12 + i64::from(d.month);
            let term = (months(end) - months(start)).clamp(1, 600);
            vec![
                slug.clone(),
                label.clone(),
                // A list's own categories have no name in Welsh.
                String::new(),
                term.to_string(),
                "standard-term".into(),
                end.to_string(),
                "list".into(),
                "yes".into(),
                String::new(),
            ]
        })
        .collect();

    // Lead providers: one per slug, named as first written, with its sector where stated.
    // Slug, name, sector, other spellings, note.
    type Lead = (String, String, Option<Sector>, Vec<String>, String);
    let mut providers: Vec<Lead> = Vec::new();
    let mut provider_of: HashMap<String, usize> = HashMap::new();
    let clean = |s: &str| s.replace(';', ",").trim().to_string();
    for e in entries {
        let name = clean(&e.provider);
        let key = match slugify(&name) {
            s if s.is_empty() => format!("provider-{}", provider_of.len() + 1),
            s => s,
        };
        let i = *provider_of.entry(key.clone()).or_insert_with(|| {
            providers.push((key, name.clone(), None, Vec::new(), String::new()));
            providers.len() - 1
        });
        let p = &mut providers[i];
        if p.1 != name && !p.3.contains(&name) {
            p.3.push(name);
        }
        p.2 = p.2.or(e.sector);
        if p.4.is_empty() && !e.scale.is_empty() {
            p.4 = match e.scale.as_str() {
                "sme" => "A small or medium-sized enterprise (SME), as the list marks it.".into(),
                "large" => "A large organisation, as the list marks it.".into(),
                other => format!("Scale: {other}, as the list marks it."),
            };
        }
    }
    let unstated = providers.iter().filter(|p| p.2.is_none()).count();
    if let Some(r) = reports.first_mut() {
        r.sector_not_stated = unstated;
    }
    let provider_rows: Vec<Vec<String>> = providers
        .iter()
        .map(|(slug, name, sector, others, note)| {
            vec![
                slug.clone(),
                name.clone(),
                sector.unwrap_or(Sector::NotStated).slug().into(),
                others.join("; "),
                note.clone(),
            ]
        })
        .collect();

    // Awards, and the areas they list.
    let mut award_rows = Vec::new();
    let mut area_rows = Vec::new();
    let mut unplaced_region = false;
    for (i, e) in entries.iter().enumerate() {
        let id = (i + 1).to_string();
        let region = match e.region {
            Some(r) => geo.regions[r].slug.clone(),
            None => {
                unplaced_region = true;
                NOT_STATED.to_string()
            }
        };
        let mut note = Vec::new();
        if !e.title.is_empty() {
            note.push(e.title.clone());
        }
        if !e.joint.is_empty() {
            note.push(format!("Joint suppliers: {}.", e.joint.join(", ")));
        }
        if !e.note.is_empty() {
            note.push(e.note.clone());
        }
        award_rows.push(vec![
            id.clone(),
            region,
            category_of[e.category.trim()].clone(),
            clean(&e.provider),
            e.value.map(|v| v.to_string()).unwrap_or_default(),
            "no".into(),
            String::new(),
            award_source[i].clone(),
            note.join(" "),
            e.start.map(|d| d.to_string()).unwrap_or_default(),
            String::new(),
            e.end.map(|d| d.to_string()).unwrap_or_default(),
            e.buyer.clone(),
        ]);
        for &a in &e.areas {
            area_rows.push(vec![id.clone(), geo.areas[a].slug.clone(), String::new()]);
        }
    }

    let dataset = [
        ("slug", slug.clone(), ""),
        ("label", stem.to_string(), ""),
        ("contracts", "per-award".into(), ""),
        ("title", format!("Contract awards read from {name}"), "list"),
        ("heading", "Who was awarded these contracts?".into(), ""),
        ("place", "this list".into(), "list"),
        ("file_name", slug.clone(), ""),
        (
            "counting",
            "Each award in the list is one contract, counted once, with the value the list gives it.".into(),
            "list",
        ),
        // The same in Welsh, for the page shown in Welsh (`Dataset::into_welsh`).
        (
            "title_cy",
            format!("Dyfarniadau contract a ddarllenwyd o {name}"),
            "",
        ),
        ("heading_cy", "Pwy gafodd y contractau hyn?".into(), ""),
        ("place_cy", "y rhestr hon".into(), ""),
        (
            "counting_cy",
            "Mae pob dyfarniad yn y rhestr yn un contract, wedi’i gyfrif unwaith, gyda’r gwerth y mae’r rhestr yn ei roi iddo.".into(),
            "",
        ),
        ("awarded", awarded.to_string(), "list"),
        ("data_as_at", data_as_at.to_string(), "list"),
        ("start", start.to_string(), "list"),
    ]
    .map(|(k, v, s)| vec![k.to_string(), v, s.to_string()]);

    let mut out = vec![
        (
            "dataset.csv".to_string(),
            csv_text(columns("dataset.csv"), &dataset),
        ),
        (
            "sources.csv".into(),
            csv_text(columns("sources.csv"), &sources),
        ),
    ];
    for (file, text) in geography {
        let mut text = text.to_string();
        if *file == "regions.csv" && unplaced_region {
            if !text.ends_with('\n') {
                text.push('\n');
            }
            let name = lang::t(m::REGION_NOT_STATED).replace('"', "\"\"");
            text.push_str(&format!("not-stated,\"{name}\",\n"));
        }
        out.push((file.to_string(), text));
    }
    out.extend([
        (
            "categories.csv".to_string(),
            csv_text(columns("categories.csv"), &category_rows),
        ),
        (
            "providers.csv".into(),
            csv_text(columns("providers.csv"), &provider_rows),
        ),
        (
            "awards.csv".into(),
            csv_text(columns("awards.csv"), &award_rows),
        ),
        (
            "award_areas.csv".into(),
            csv_text(columns("award_areas.csv"), &area_rows),
        ),
        (
            "separately_commissioned.csv".into(),
            csv_text(columns("separately_commissioned.csv"), &[]),
        ),
        ("notes.csv".into(), csv_text(columns("notes.csv"), &[])),
    ]);
    out
}

/// Says where the tables `data::load` refused are at fault: a bug here, never the list's.
pub(crate) fn refused(name: &str, e: &crate::data::DataError) -> Problem {
    Problem {
        file: name.to_string(),
        line: 0,
        column: None,
        path: String::new(),
        message: lang::fill(m::TABLES_REFUSED, &[("why", &e.to_string())]),
    }
}
