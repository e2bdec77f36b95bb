//! The plain-English sentence describing a view, and the detail line under the figures.

use crate::data::fold::lower_char;
use crate::data::{Dataset, Month, Sector};
use crate::engine::aggregate::Summarised;
use crate::engine::concentration::top_share;
use crate::engine::facets::Facet;
use crate::engine::filters::Filters;
use crate::engine::schedule::{ends, schedule_sentence};
use crate::engine::set::Set;
use crate::engine::text::{join_and, percent, plural, pounds_short, thousands};
use crate::engine::totals::{Dim, Summary};

impl Dataset {
    /// Plain English describing the view, for people and screen readers: what was awarded,
    /// and when it was scheduled to end, in the tense `today` (this month) gives it.
    pub fn describe(&self, f: &Filters, summary: &Summary, today: Month) -> String {
        let t = &summary.totals;
        let names = |slugs: &Set<String>, name: &dyn Fn(&str) -> Option<String>| {
            join_and(slugs.iter().filter_map(|s| name(s)).collect())
        };
        let mut scope = Vec::new();
        if !f.regions.is_empty() {
            scope.push(names(&f.regions, &|s| self.facet_label(Facet::Region, s)));
        }
        if !f.areas.is_empty() {
            scope.push(names(&f.areas, &|s| self.facet_label(Facet::Area, s)));
        }
        let place = if scope.is_empty() {
            format!("Across {}", self.place)
        } else {
            format!("In {}", scope.join(" and "))
        };
        let kind = if f.categories.is_empty() {
            String::new()
        } else {
            let c = names(&f.categories, &|s| {
                self.facet_label(Facet::Category, s)
                    .map(|n| lower_first(&n))
            });
            format!(" for {c}")
        };
        if t.awards == 0 {
            return format!("{place}, no awards{kind} match these filters.");
        }
        let mut who = plural(t.lead_providers, "lead provider", "lead providers");
        if f.sectors.len() == 1 {
            let s = f
                .sectors
                .iter()
                .next()
                .copied()
                .unwrap_or(Sector::Voluntary);
            who = match s {
                Sector::Voluntary => plural(
                    t.lead_providers,
                    "voluntary-sector lead provider",
                    "voluntary-sector lead providers",
                ),
                Sector::Private => plural(
                    t.lead_providers,
                    "private lead provider",
                    "private lead providers",
                ),
                Sector::NotStated => plural(
                    t.lead_providers,
                    "lead provider whose sector is not stated",
                    "lead providers whose sector is not stated",
                ),
            };
        }
        let verb = if t.lead_providers == 1 { "was" } else { "were" };
        let contracts = plural(t.contracts, "contract", "contracts");
        // Where no award has a value, there is no worth to give; where some have none,
        // the worth is of those that have one.
        let worth = match (t.valued_awards, t.awards) {
            (0, _) => String::new(),
            (n, m) if n == m => format!(" worth {}", pounds_short(t.value)),
            (n, m) => format!(
                " worth {} (the {} of {m} with a published value)",
                pounds_short(t.value),
                thousands(n as u64)
            ),
        };
        // Awards that took over others' contracts were not all made on one date.
        let mut s = if self.index.later_starts {
            format!("{place}, {who} held {contracts}{kind}{worth}")
        } else {
            format!(
                "{place}, {who} {verb} awarded {contracts}{kind}{worth} in {}",
                self.awarded.month().label()
            )
        };
        if t.partial_awards > 0 && t.valued_awards > 0 {
            s.push_str(" (counting the full value of awards that also cover other areas or dates)");
        }
        // With one sector chosen, its share of the value is all of it, or none.
        match t.voluntary_value_share().filter(|_| f.sectors.len() != 1) {
            Some(share) => s.push_str(&format!(
                "; {} of the value went to voluntary-sector organisations.",
                percent(share)
            )),
            None => s.push('.'),
        }
        if let Some(ends) = ends(summary.group(Dim::End), today) {
            s.push(' ');
            s.push_str(&schedule_sentence(&ends));
        }
        s
    }

    /// The sector split and concentration behind the headline figures, in one line.
    pub fn describe_detail(&self, s: &Summarised) -> String {
        let t = &s.summary.totals;
        if t.awards == 0 {
            return String::new();
        }
        let share = |s: Option<f64>| s.map(percent).unwrap_or_default();
        let value = if t.valued_awards > 0 {
            format!(
                "{} ({}) of the value, ",
                pounds_short(t.voluntary_value),
                share(t.voluntary_value_share()),
            )
        } else {
            String::new()
        };
        let mut line = format!(
            "Voluntary sector: {value}{} of {} contracts ({}), {} of {} lead providers ({}).",
            thousands(t.voluntary_contracts as u64),
            thousands(t.contracts as u64),
            share(t.voluntary_contract_share()),
            thousands(t.voluntary_lead_providers as u64),
            thousands(t.lead_providers as u64),
            share(t.voluntary_provider_share()),
        );
        if t.lead_providers > 3 {
            if let Some(top) = top_share(s.summary.group(Dim::Provider), 3) {
                line.push_str(&format!(
                    " The 3 largest lead providers were awarded {} of the value.",
                    percent(top)
                ));
            }
        }
        // A list with awards the map cannot place says how many it can.
        if let Some(note) = self.placed_note(&s.selection) {
            line.push(' ');
            line.push_str(&note);
        }
        line
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => std::iter::once(lower_char(first)).chain(c).collect(),
        None => String::new(),
    }
}
