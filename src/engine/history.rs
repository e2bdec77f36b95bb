//! An area's history: who held the contracts covering one PCC area in each dataset, in order,
//! and what was announced to come after them all.

use crate::data::{Dataset, Month, NoteKind};

/// One award covering the area, for the length of its period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Held {
    /// The dataset's slug and label.
    pub dataset: String,
    pub label: String,
    pub provider: String,
    pub category: String,
    pub start: Month,
    /// When its contract for this area was scheduled to end (or ended, for a holder that
    /// passed it on).
    pub end: Month,
    /// The end is inferred, not stated.
    pub end_inferred: bool,
    /// A regional lot: it covers the whole region, this area with it.
    pub regional: bool,
}

/// What was announced to come after every period shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Next {
    pub date: Month,
    pub text: String,
    /// Whether the dataset gives the text in both languages (else it is in English).
    pub in_both: bool,
    pub source: String,
}

/// The history of one area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct History {
    pub area: String,
    pub held: Vec<Held>,
    pub next: Vec<Next>,
}

/// The history of the area `slug` across `datasets`, in order of start (awards that start
/// together in the datasets' order, then award order); `None` if no dataset knows the area.
pub fn history(datasets: &[&Dataset], slug: &str) -> Option<History> {
    let mut held = Vec::new();
    let mut name = None;
    for ds in datasets {
        let Some(area) = ds.area_index(slug) else {
            continue;
        };
        name.get_or_insert_with(|| ds.areas[area].name.clone());
        for (a, award) in ds.awards.iter().enumerate() {
            let range = ds.index.award_contracts[a].clone();
            // The latest end among its contracts covering the area.
            let mut end: Option<Month> = None;
            let mut regional = false;
            for c in &ds.contracts[range] {
                let covers = match c.area {
                    Some(x) => x == area,
                    None => award.region == ds.areas[area].region,
                };
                if covers {
                    end = end.max(Some(c.end));
                    regional |= c.area.is_none();
                }
            }
            let Some(end) = end else {
                continue;
            };
            let category = &ds.categories[award.category];
            let start = award.start.unwrap_or(ds.start).month();
            // In order of start by inserting, after any that start together (no sort
            // compiled into the page for a few dozen rows).
            let at = held.partition_point(|h: &Held| h.start <= start);
            held.insert(
                at,
                Held {
                    dataset: ds.slug.clone(),
                    label: ds.label.clone(),
                    provider: ds.providers[award.provider].name.clone(),
                    category: category.name.clone(),
                    start,
                    end,
                    end_inferred: category.end_inferred && end == category.scheduled_end.month(),
                    regional,
                },
            );
        }
    }
    let area = name?;
    let last = held.iter().map(|h| h.end).max();
    let next = datasets
        .iter()
        .flat_map(|ds| {
            ds.notes
                .iter()
                .filter(|n| n.kind == NoteKind::Next && Some(n.date) > last)
                .map(|n| Next {
                    date: n.date,
                    text: n.text.clone(),
                    in_both: !n.text_cy.is_empty(),
                    source: ds.sources[n.source].cite(),
                })
        })
        .collect();
    Some(History { area, held, next })
}
