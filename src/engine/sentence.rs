//! The sentence describing a view, and the detail line under the figures, in the language
//! shown: each language's catalogue has whole sentences with names to fill in, so each can
//! order its words (and avoid a mutation) as its grammar needs.

use crate::data::fold::lower_char;
use crate::data::{Dataset, Month, Sector};
use crate::engine::aggregate::Summarised;
use crate::engine::concentration::top_share;
use crate::engine::facets::Facet;
use crate::engine::filters::Filters;
use crate::engine::schedule::{ends, schedule_sentence};
use crate::engine::set::Set;
use crate::engine::text::{count, join_and, percent, pounds_short, thousands};
use crate::engine::totals::{Dim, Summary};
use crate::lang::{self, fill, m};

impl Dataset {
    /// Plain words describing the view, for people and screen readers: what was awarded,
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
            fill(m::SENTENCE_ACROSS, &[("place", &self.place)])
        } else {
            fill(m::SENTENCE_IN, &[("names", &join_and(scope))])
        };
        let kind = if f.categories.is_empty() {
            String::new()
        } else {
            let c = names(&f.categories, &|s| {
                self.facet_label(Facet::Category, s)
                    .map(|n| lower_first(&n))
            });
            format!(" {}", fill(m::SENTENCE_FOR, &[("names", &c)]))
        };
        if t.awards == 0 {
            return fill(m::SENTENCE_NONE, &[("place", &place), ("kind", &kind)]);
        }
        let n = t.lead_providers;
        let who = match f.sectors.iter().next().filter(|_| f.sectors.len() == 1) {
            None => count(n, m::N_LEAD_PROVIDERS_ONE, m::N_LEAD_PROVIDERS_MANY),
            Some(Sector::Voluntary) => count(
                n,
                m::N_VOLUNTARY_PROVIDERS_ONE,
                m::N_VOLUNTARY_PROVIDERS_MANY,
            ),
            Some(Sector::Private) => {
                count(n, m::N_PRIVATE_PROVIDERS_ONE, m::N_PRIVATE_PROVIDERS_MANY)
            }
            Some(Sector::NotStated) => {
                count(n, m::N_UNSTATED_PROVIDERS_ONE, m::N_UNSTATED_PROVIDERS_MANY)
            }
        };
        let contracts = count(t.contracts, m::N_CONTRACTS_ONE, m::N_CONTRACTS_MANY);
        // Where no award has a value, there is no worth to give; where some have none,
        // the worth is of those that have one.
        let value = pounds_short(t.value);
        let worth = match (t.valued_awards, t.awards) {
            (0, _) => String::new(),
            (n, all) if n == all => format!(" {}", fill(m::WORTH, &[("value", &value)])),
            (n, all) => format!(
                " {}",
                fill(
                    m::WORTH_OF_VALUED,
                    &[
                        ("value", &value),
                        ("n", &thousands(n as u64)),
                        ("m", &thousands(all as u64))
                    ]
                )
            ),
        };
        let month = self.awarded.month().label();
        let args = [
            ("place", place.as_str()),
            ("who", &who),
            ("contracts", &contracts),
            ("kind", &kind),
            ("worth", &worth),
            ("month", &month),
        ];
        // Awards that took over others' contracts were not all made on one date.
        let template = match (self.index.later_starts, t.lead_providers == 1) {
            (true, _) => m::SENTENCE_HELD,
            (false, true) => m::SENTENCE_AWARDED_ONE,
            (false, false) => m::SENTENCE_AWARDED_MANY,
        };
        let mut s = fill(template, &args);
        if t.partial_awards > 0 && t.valued_awards > 0 {
            s.push(' ');
            s.push_str(lang::t(m::SENTENCE_PARTIAL));
        }
        // With one sector chosen, its share of the value is all of it, or none.
        let mut s = match t.voluntary_value_share().filter(|_| f.sectors.len() != 1) {
            Some(share) => fill(
                m::SENTENCE_WITH_SHARE,
                &[("sentence", &s), ("share", &percent(share))],
            ),
            None => fill(m::SENTENCE_END, &[("sentence", &s)]),
        };
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
        let n = |n: usize| thousands(n as u64);
        let value = pounds_short(t.voluntary_value);
        let (c, c_all, c_share) = (
            n(t.voluntary_contracts),
            n(t.contracts),
            share(t.voluntary_contract_share()),
        );
        let (p, p_all, p_share) = (
            n(t.voluntary_lead_providers),
            n(t.lead_providers),
            share(t.voluntary_provider_share()),
        );
        let value_share = share(t.voluntary_value_share());
        let args = [
            ("value", value.as_str()),
            ("value_share", &value_share),
            ("c", &c),
            ("c_all", &c_all),
            ("c_share", &c_share),
            ("p", &p),
            ("p_all", &p_all),
            ("p_share", &p_share),
        ];
        let template = if t.valued_awards > 0 {
            m::DETAIL_WITH_VALUE
        } else {
            m::DETAIL
        };
        let mut line = fill(template, &args);
        if t.lead_providers > 3 {
            if let Some(top) = top_share(s.summary.group(Dim::Provider), 3) {
                line.push(' ');
                line.push_str(&fill(m::DETAIL_TOP_3, &[("share", &percent(top))]));
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
