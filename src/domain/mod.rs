//! The domain: indicators, agreements, values, the attainment engine and the names of figures. Plain Rust: never
//! imports leptos or web-sys, so that `cargo test` covers it natively.

pub mod agreement;
pub mod amount;
pub mod attainment;
pub mod check;
pub mod comparison;
pub mod editing;
pub mod example;
pub mod indicator;
pub mod merge;
pub mod names;
pub mod series;
pub mod synthetic;
pub mod values;
pub mod workspace;
