//! The query engine: filters, selection, aggregation and the share-link codec, on plain types.
//!
//! No Leptos and no web-sys here: every rule is tested with plain `cargo test`. The modules
//! depend on each other one way (tests/modules.rs checks it): `set`, `sort` and `text` on
//! nothing; `totals` and `colour` on the data; `filters` on those; `succession` and `aggregate` on `filters`, `concentration` on `totals`, `history` on the data alone;
//! the views' modules (`facets`, `chips`, `sentence`, `rows`, `order`, `csv`, `map`) and the
//! codecs (`link`, `embed`) on what they need of the rest.

pub mod aggregate;
pub mod chips;
pub mod colour;
pub mod concentration;
pub mod csv;
pub mod embed;
pub mod facets;
pub mod filters;
pub mod history;
pub mod link;
pub mod map;
pub mod order;
pub mod rows;
pub mod schedule;
pub mod sentence;
pub mod set;
pub mod sort;
pub mod succession;
pub mod text;
pub mod totals;

pub use aggregate::{Summarised, Unfiltered};
pub use colour::MapColour;
pub use filters::{Filters, Selection};
pub use link::{Problem, View, Warning};
pub use map::{AreaMap, Fill};
pub use totals::{Dim, Group, Key, Totals};
