//! The active filters as removable chips, and in one line for exports.

use crate::data::Dataset;
use crate::engine::facets::Facet;
use crate::engine::filters::Filters;
use crate::engine::text::pounds;
use crate::lang::{self, fill, m, Msg};

/// A removable filter, as a chip shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chip {
    pub label: String,
    /// The filters once this chip is removed.
    pub without: Filters,
}

impl Dataset {
    /// The active filters as chips, in share-link order.
    pub fn chips(&self, f: &Filters) -> Vec<Chip> {
        let mut chips = Vec::new();
        let lists: [(Facet, Msg, Vec<String>); 6] = [
            (
                Facet::Region,
                m::CHIP_REGION,
                f.regions.iter().cloned().collect(),
            ),
            (Facet::Area, m::CHIP_AREA, f.areas.iter().cloned().collect()),
            (
                Facet::Category,
                m::CHIP_CATEGORY,
                f.categories.iter().cloned().collect(),
            ),
            (
                Facet::Provider,
                m::CHIP_PROVIDER,
                f.providers.iter().cloned().collect(),
            ),
            (
                Facet::Sector,
                m::CHIP_SECTOR,
                f.sectors.iter().map(|s| s.slug().to_string()).collect(),
            ),
            (
                Facet::Buyer,
                m::CHIP_BUYER,
                f.buyers.iter().cloned().collect(),
            ),
        ];
        for (facet, name, slugs) in lists {
            for slug in slugs {
                let label = self
                    .facet_label(facet, &slug)
                    .unwrap_or_else(|| slug.clone());
                chips.push(Chip {
                    label: fill(name, &[("name", &label)]),
                    without: facet.toggled(f, &slug, false),
                });
            }
        }
        let mut single = |label: String, clear: fn(&mut Filters)| {
            let mut without = f.clone();
            clear(&mut without);
            chips.push(Chip { label, without });
        };
        if let Some(v) = f.min_value {
            single(fill(m::CHIP_AT_LEAST, &[("value", &pounds(v))]), |f| {
                f.min_value = None
            });
        }
        if let Some(v) = f.max_value {
            single(fill(m::CHIP_AT_MOST, &[("value", &pounds(v))]), |f| {
                f.max_value = None
            });
        }
        if let Some(from) = f.end_from {
            single(fill(m::CHIP_ENDS_FROM, &[("month", &from.label())]), |f| {
                f.end_from = None
            });
        }
        if let Some(to) = f.end_to {
            single(fill(m::CHIP_ENDS_TO, &[("month", &to.label())]), |f| {
                f.end_to = None
            });
        }
        if !f.search.is_empty() {
            single(fill(m::CHIP_SEARCH, &[("text", &f.search)]), |f| {
                f.search.clear()
            });
        }
        chips
    }

    /// The active filters in one line, for exported images: "Filters: Region: Wales; …".
    /// The page's title for the view with `chips` (its filters): they, then the
    /// dataset's question ("Region: Wales; Category: Women's services · Who was paid…?").
    pub fn page_title(&self, chips: &[Chip]) -> String {
        if chips.is_empty() {
            return fill(m::PAGE_TITLE, &[("heading", &self.heading)]);
        }
        let labels: Vec<&str> = chips.iter().map(|c| c.label.as_str()).collect();
        format!("{} · {}", labels.join("; "), self.heading)
    }

    pub fn filters_line(&self, f: &Filters) -> String {
        let chips = self.chips(f);
        if chips.is_empty() {
            return lang::t(m::FILTERS_NONE).to_string();
        }
        let labels: Vec<String> = chips.into_iter().map(|c| c.label).collect();
        fill(m::FILTERS_LINE, &[("filters", &labels.join("; "))])
    }

    /// The dataset, source and date lines for exports: the sources in one paragraph, as a
    /// dataset may have many.
    pub fn provenance_lines(&self) -> Vec<String> {
        let sources: Vec<String> = self.sources.iter().map(|s| s.cite()).collect();
        let noun = if sources.len() == 1 {
            m::SOURCE_LINE
        } else {
            m::SOURCES_LINE
        };
        vec![
            format!("{}.", self.title),
            fill(noun, &[("sources", &sources.join("; "))]),
            fill(m::DATA_AS_AT, &[("date", &self.data_as_at.label())]),
        ]
    }
}
