//! The leaf of the module tree: the language and the validated calendar types that every other layer uses
//! (`locale` to format them, `domain` to reason with them). Imports nothing of the crate.

pub mod calendar;
mod lang;

pub use lang::Lang;
