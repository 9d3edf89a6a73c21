//! Engine benchmark (not a test): a synthetic workspace of 20 years × 40 indicators × 3 populations × 12 months,
//! timed natively for a full recompute of one year and of all years, plus the JSON document it makes.
//!
//!     cargo run --release --no-default-features --example engine_bench
//!
//! Prints figures; the aim (issue 3): one year well under 1 ms, all 20 years under 20 ms.
// A command-line tool of the bench: it prints its figures, and stops on a broken setup.
#![allow(clippy::print_stdout, clippy::expect_used, clippy::unwrap_used)]
use std::time::{Duration, Instant};

use zielsteuerung::domain::attainment;
use zielsteuerung::domain::synthetic::large_workspace;
use zielsteuerung::domain::workspace::Workspace;

/// Runs `f` `runs` times and returns the median and the fastest duration.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    (times[runs / 2], times[0])
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let (years, indicators) = (20, 40);
    let build_start = Instant::now();
    let ws = large_workspace(years, indicators);
    let build = build_start.elapsed();
    let targets: usize = ws.agreements.iter().map(|a| a.targets.len()).sum();
    println!(
        "engine benchmark: {years} years × {indicators} indicators × 3 populations × 12 months"
    );
    println!(
        "  values: {}, agreements: {}, targets: {targets}, built in {}",
        ws.values.len(),
        ws.agreements.len(),
        ms(build)
    );

    let latest = ws
        .agreements
        .last()
        .expect("the synthetic workspace has agreements");
    let (median, best) = time(200, || attainment::evaluate(&ws, latest));
    println!(
        "  recompute one year ({} targets):  median {}, best {}",
        latest.targets.len(),
        ms(median),
        ms(best)
    );

    let (median, best) = time(30, || {
        ws.agreements
            .iter()
            .map(|a| attainment::evaluate(&ws, a))
            .collect::<Vec<_>>()
    });
    println!(
        "  recompute all {years} years:          median {}, best {}",
        ms(median),
        ms(best)
    );

    let json = ws.to_json().unwrap_or_default();
    let (median_ser, _) = time(10, || ws.to_json().unwrap_or_default());
    let (median_de, _) = time(10, || Workspace::from_json(&json));
    println!(
        "  JSON document: {} bytes ({:.2} MB); serialise median {}, parse median {}",
        json.len(),
        json.len() as f64 / 1_000_000.0,
        ms(median_ser),
        ms(median_de)
    );
}
