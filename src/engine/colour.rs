//! What colours the map's tiles: a choice that is part of the view a link shares, though not a filter.

use crate::data::Dataset;
use crate::lang::{self, m};

/// What colours the map's tiles. Part of the share link (`map=`), though not a filter.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum MapColour {
    /// The value of the awards covering each area.
    #[default]
    Value,
    /// The sector of the lead providers covering each area.
    Sector,
    /// Whether a service category (its slug) is provided in each area, and the gaps.
    Coverage(String),
}

impl MapColour {
    /// `value`, `sector` or the category's slug, as written in a share link.
    pub fn slug(&self) -> &str {
        match self {
            MapColour::Value => "value",
            MapColour::Sector => "sector",
            MapColour::Coverage(c) => c,
        }
    }

    /// Reads a share-link value; `None` if it is not `value`, `sector` or a category's slug.
    pub fn parse(s: &str, ds: &Dataset) -> Option<MapColour> {
        match s {
            "value" => Some(MapColour::Value),
            "sector" => Some(MapColour::Sector),
            c => ds
                .category_index(c)
                .map(|_| MapColour::Coverage(c.to_string())),
        }
    }

    /// Every colouring, in the order the map offers them.
    pub fn choices(ds: &Dataset) -> Vec<MapColour> {
        let mut all = vec![MapColour::Value, MapColour::Sector];
        all.extend(
            ds.categories
                .iter()
                .map(|c| MapColour::Coverage(c.slug.clone())),
        );
        all
    }

    /// "Value of the awards", "Lead providers' sector", "Coverage: Women's services".
    pub fn label(&self, ds: &Dataset) -> String {
        match self {
            // A dataset with no published values can only show where its awards are.
            MapColour::Value if ds.none_valued() => lang::t(m::COLOUR_WHERE).to_string(),
            MapColour::Value => lang::t(m::COLOUR_VALUE).to_string(),
            MapColour::Sector => lang::t(m::COLOUR_SECTOR).to_string(),
            MapColour::Coverage(c) => {
                let name = ds
                    .category_index(c)
                    .map_or(c.as_str(), |i| &ds.categories[i].name);
                lang::fill(m::COLOUR_COVERAGE, &[("name", name)])
            }
        }
    }
}
