//! One award as the table and the CSV export show it.

use crate::lang::{self, m};
use std::borrow::Cow;

use crate::data::contracts::scheduled_end;
use crate::data::{Dataset, Month};
use crate::engine::schedule::has_passed;

/// A column of the awards table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Region,
    Category,
    Provider,
    Sector,
    /// Only for a list with more than one buyer (`Dataset::columns`).
    Buyer,
    Value,
    Areas,
    End,
    Source,
}

impl Column {
    pub const ALL: [Column; 9] = [
        Column::Region,
        Column::Category,
        Column::Provider,
        Column::Sector,
        Column::Buyer,
        Column::Value,
        Column::Areas,
        Column::End,
        Column::Source,
    ];

    /// Its name in the page's hooks (`sort-lead-provider`): the same in every language.
    pub fn slug(self) -> &'static str {
        match self {
            Column::Region => "region",
            Column::Category => "category",
            Column::Provider => "lead-provider",
            Column::Sector => "sector",
            Column::Buyer => "buyer",
            Column::Value => "value",
            Column::Areas => "areas",
            Column::End => "scheduled-end",
            Column::Source => "source",
        }
    }

    /// Its heading, in the language shown.
    pub fn title(self) -> &'static str {
        lang::t(match self {
            Column::Region => m::COL_REGION,
            Column::Category => m::COL_CATEGORY,
            Column::Provider => m::COL_PROVIDER,
            Column::Sector => m::COL_SECTOR,
            Column::Buyer => m::COL_BUYER,
            Column::Value => m::COL_VALUE,
            Column::Areas => m::COL_AREAS,
            Column::End => m::COL_END,
            Column::Source => m::COL_SOURCE,
        })
    }
}

/// One award as the table and the CSV export show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwardRow {
    pub award: usize,
    pub id: u32,
    pub region: String,
    pub category: String,
    pub provider: String,
    pub sector: String,
    pub buyer: String,
    /// `None` where no value was published.
    pub value: Option<u64>,
    pub subject_to_contract: bool,
    /// "Devon & Cornwall, Dorset (until June 2023)" or "Whole region (South West)".
    pub areas: String,
    /// The latest scheduled end of the award's contracts.
    pub end: Month,
    /// "31 March 2025 (some areas June 2023)".
    pub end_label: String,
    pub source: String,
    pub note: String,
}

impl AwardRow {
    /// The scheduled end as the table shows it in month `today`: marked once it has passed
    /// ("31 March 2025, passed"). Whether the contract ran to that end, the data does not say.
    pub fn end_on(&self, today: Month) -> String {
        if has_passed(self.end, today) {
            lang::fill(m::END_PASSED, &[("end", &self.end_label)])
        } else {
            self.end_label.clone()
        }
    }

    /// Column `c` as plain text: what the table sorts by (the value as a whole number).
    pub fn text(&self, c: Column) -> String {
        match c {
            Column::Region => self.region.clone(),
            Column::Category => self.category.clone(),
            Column::Provider => self.provider.clone(),
            Column::Sector => self.sector.clone(),
            Column::Buyer => self.buyer.clone(),
            Column::Value => self.value.map_or_else(String::new, |v| v.to_string()),
            Column::Areas => self.areas.clone(),
            Column::End => self.end_label.clone(),
            Column::Source => self.source.clone(),
        }
    }
}

impl Dataset {
    /// The table's columns for this dataset: the buyer's only where there are several.
    pub fn columns(&self) -> Vec<Column> {
        let buyers = self.has_buyers();
        Column::ALL
            .into_iter()
            .filter(|&c| buyers || c != Column::Buyer)
            .collect()
    }

    /// The table rows for award `a`.
    pub fn award_row(&self, a: usize) -> AwardRow {
        let award = &self.awards[a];
        let category = &self.categories[award.category];
        let provider = &self.providers[award.provider];
        let areas = self.areas_text(a);
        let end_label = self.end_text(a);
        let end = self.award_end(a);
        AwardRow {
            award: a,
            id: award.id,
            region: self.regions[award.region].name.clone(),
            category: category.name.clone(),
            provider: provider.name.clone(),
            sector: provider.sector.label().to_string(),
            buyer: self.index.buyers[self.index.buyer[a] as usize].name.clone(),
            value: award.value,
            subject_to_contract: award.subject_to_contract,
            areas,
            end,
            end_label,
            source: self.source_text(award.source),
            note: award.note.clone(),
        }
    }
}

impl Dataset {
    /// The areas award `a` covers, as its row shows them: "Devon & Cornwall, Dorset (until
    /// June 2023)" or "Whole region (South West)".
    pub(crate) fn areas_text(&self, a: usize) -> String {
        let mut text = String::new();
        self.push_areas_text(a, &mut text);
        text
    }

    /// Appends award `a`'s areas text (`areas_text`) to `out`.
    pub(crate) fn push_areas_text(&self, a: usize, out: &mut String) {
        let award = &self.awards[a];
        if award.areas.is_empty() {
            out.push_str(&lang::fill(
                m::WHOLE_REGION,
                &[("name", &self.regions[award.region].name)],
            ));
        }
        for (i, x) in award.areas.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.areas[x.area].name);
            if let Some(until) = x.until {
                out.push(' ');
                out.push_str(&lang::fill(m::UNTIL, &[("month", &until.label())]));
            }
        }
    }

    /// When award `a`'s contracts end, as its row shows it: "31 March 2025 (some areas
    /// June 2023)".
    fn end_text(&self, a: usize) -> String {
        let category = &self.categories[self.awards[a].category];
        let mut category_end = category.scheduled_end.label();
        if category.end_inferred {
            category_end.push(' ');
            category_end.push_str(lang::t(m::INFERRED));
        }
        self.end_text_after(a, &category_end).into_owned()
    }

    /// `end_text` given the label of award `a`'s category's scheduled end, which it is
    /// unless some of the award's areas end earlier.
    pub(crate) fn end_text_after<'a>(&self, a: usize, category_end: &'a str) -> Cow<'a, str> {
        let award = &self.awards[a];
        let Some(earliest) = award.areas.iter().filter_map(|x| x.until).min() else {
            return Cow::Borrowed(category_end);
        };
        if award.areas.iter().all(|x| x.until.is_some()) {
            Cow::Owned(earliest.label())
        } else {
            Cow::Owned(lang::fill(
                m::END_SOME_AREAS,
                &[("end", category_end), ("month", &earliest.label())],
            ))
        }
    }

    /// Source `s` as a row shows it: publisher and date.
    pub(crate) fn source_text(&self, s: usize) -> String {
        let source = &self.sources[s];
        match source.date {
            Some(date) => format!("{}, {}", source.publisher, date.label()),
            None => source.publisher.clone(),
        }
    }
    /// Award `a`'s latest scheduled end, and the earliest of its areas' ends when one is
    /// earlier than that (the CSV's `scheduled_end` and `earliest_area_end`).
    pub(crate) fn award_ends(&self, a: usize) -> (Month, Option<Month>) {
        let end = self.award_end(a);
        let earliest = self.awards[a].areas.iter().filter_map(|x| x.until).min();
        (end, earliest.filter(|&m| m < end))
    }

    /// The latest scheduled end of award `a`'s contracts.
    pub(crate) fn award_end(&self, a: usize) -> Month {
        let award = &self.awards[a];
        let category = &self.categories[award.category];
        award
            .areas
            .iter()
            .map(|x| scheduled_end(x.until, award, category))
            .max()
            .unwrap_or(scheduled_end(None, award, category))
    }
}
