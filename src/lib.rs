//! contracts-explorer: filter the May 2021 probation rehabilitative-services contracts,
//! see the totals follow, and share a link to exactly that view.
//!
//! Data flows one way: `data` (the validated CSV tables) → `engine` (filters,
//! aggregation, the share-link codec) → `ui` (Leptos components that only call the
//! engine). `lang` (the words, in English or Welsh) sits between the data and the engine.
//! `data`, `lang` and `engine` use neither Leptos nor web-sys.

pub mod charts;
pub mod data;
pub mod embedded;
pub mod engine;
pub mod import;
pub mod lang;
pub mod synth;
#[cfg(feature = "ui")]
pub mod ui;

#[cfg(feature = "ui")]
pub use ui::App;
