//! The counting rule that turns award lines into contracts (lots), as Clinks counts them.
//!
//! An award that lists PCC areas was let per area: one contract per listed area.
//! An award that lists none is a regional lot: one contract for the whole region.
//! Where an award was let separately for age groups (Wales personal wellbeing: young
//! adults and those aged 26+), each area counts once per age group. Applied to the
//! May 2021 announcement this gives Clinks' 110 contracts.

use super::types::{Award, Category, Contract, Date, Month};

/// When a contract is scheduled to end: its area's "until" month if it has one, else its
/// award's own end if it has one, else its category's scheduled end.
pub fn scheduled_end(until: Option<Month>, award: &Award, category: &Category) -> Month {
    until
        .or(award.end.map(Date::month))
        .unwrap_or(category.scheduled_end.month())
}

/// Every contract of every award, in award order.
pub(crate) fn derive_contracts(awards: &[Award], categories: &[Category]) -> Vec<Contract> {
    let mut out = Vec::new();
    for (index, award) in awards.iter().enumerate() {
        let category = &categories[award.category];
        let cohorts: Vec<_> = if award.cohorts.is_empty() {
            vec![None]
        } else {
            award.cohorts.iter().copied().map(Some).collect()
        };
        for cohort in cohorts {
            if award.areas.is_empty() {
                out.push(Contract {
                    award: index,
                    area: None,
                    cohort,
                    end: scheduled_end(None, award, category),
                });
            }
            for area in &award.areas {
                out.push(Contract {
                    award: index,
                    area: Some(area.area),
                    cohort,
                    end: scheduled_end(area.until, award, category),
                });
            }
        }
    }
    out
}
