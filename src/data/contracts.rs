//! The counting rule that turns award lines into contracts (lots), as Clinks counts them.
//!
//! An award that lists PCC areas was let per area: one contract per listed area.
//! An award that lists none is a regional lot: one contract for the whole region.
//! Where an award was let separately for age groups (Wales personal wellbeing: young
//! adults and those aged 26+), each area counts once per age group. Applied to the
//! May 2021 announcement this gives Clinks' 110 contracts.

use super::types::{Award, Category, Contract};

/// Every contract of every award, in award order.
pub fn derive_contracts(awards: &[Award], categories: &[Category]) -> Vec<Contract> {
    let mut out = Vec::new();
    for (index, award) in awards.iter().enumerate() {
        let scheduled_end = categories[award.category].scheduled_end.month();
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
                    end: scheduled_end,
                });
            }
            for area in &award.areas {
                out.push(Contract {
                    award: index,
                    area: Some(area.area),
                    cohort,
                    end: area.until.unwrap_or(scheduled_end),
                });
            }
        }
    }
    out
}
