//! Presentation: turns engine results into the formatted texts that screens, the report and exports show.
//! Pure (no leptos, no browser): every string a table cell shows is built and tested here; components only
//! place them.

pub mod balance;
pub mod choices;
pub mod comparison;
pub mod detail;
pub mod example;
pub mod grid;
pub mod indicator_form;
pub mod overview;
pub mod report;
pub mod safety;
pub mod sentences;
pub mod status;
pub mod target_form;
pub mod warnings;
