//! The query engine: filters, selection, aggregation and the share-link codec, on plain types.
//!
//! No Leptos and no web-sys here: every rule is tested with plain `cargo test`.

pub mod aggregate;
pub mod embed;
pub mod filters;
pub mod link;
pub mod map;
pub mod set;
pub mod sort;
pub mod text;
pub mod view;

pub use aggregate::{Dim, Group, Key, Totals};
pub use filters::{Filters, Selection, Unfiltered};
pub use link::{Problem, Warning};
pub use map::{AreaMap, Fill, MapColour};
