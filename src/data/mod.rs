//! The dataset: types, loading and validation of the CSV tables, its packed form, and the counting rule.
//!
//! This module uses neither Leptos nor web-sys; `build.rs` compiles it too, so a
//! malformed data file fails the build with the same message the tests see.

mod assemble;
pub mod contracts;
pub mod fold;
pub mod load;
pub mod packed;
pub mod types;

pub use load::{load, DataError, Files, FILES};
pub use types::*;
