# Zielsteuerung: the two commands of the README are `make serve` and `make test`.
# Both first run scripts/setup.sh, which installs only what is missing.
SHELL := /bin/bash
# scripts/bin first: its wasm-bindgen splits the wasm before the real one runs (Trunk finds it there).
export PATH := $(CURDIR)/scripts/bin:$(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
PORT ?= 8080

.PHONY: setup build serve test size bench-engine bench bench-check clean

setup:
	@bash scripts/setup.sh

## Release build into dist/ (opt-level z, LTO, wasm-opt -Oz).
build: setup
	trunk build --release

## Build the release and serve it on http://127.0.0.1:$(PORT)/
serve: build
	node scripts/serve.mjs --root dist --port $(PORT)

## Every test: formatting, clippy (native and wasm32), native tests, browser tests, end-to-end tests.
test:
	@bash scripts/setup.sh --test
	@bash scripts/test.sh

## Sizes of the release wasm, JS and CSS: raw, gzip, brotli; then where the wasm's bytes go (our modules, crates).
size: build
	@bash scripts/size.sh dist --where

## The engine benchmark: 20 years × 40 indicators × 3 populations × 12 months, natively.
bench-engine: setup
	cargo run --release --no-default-features --example engine_bench

## The benchmark of the release (scripts/bench.mjs): sizes, Lighthouse mobile and desktop, start-up against a
## static snapshot, the large workspace (stored size, start-up, edit latency), then the budget table.
## The large workspace comes from the native example, built here (the bench itself builds nothing).
bench: build
	cargo build --release --no-default-features --example large_workspace
	node scripts/bench.mjs

## The same, exiting non-zero when a budget is broken.
bench-check: build
	cargo build --release --no-default-features --example large_workspace
	node scripts/bench.mjs --check

clean:
	cargo clean
	rm -rf dist
