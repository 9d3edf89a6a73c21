#!/usr/bin/env bash
# Every test layer of Zielsteuerung, in order; a failing layer does not hide the others.
# Ends with one line "tests: N passed, M failed" over all layers, and a non-zero exit if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/scripts/bin:$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-120}
logdir=target/test-logs
mkdir -p "$logdir"

passed=0; failed=0; failed_steps=()
step() {  # step NAME COMMAND...: runs one layer, logs it, counts its tests
    local name=$1; shift
    local log="$logdir/$name.log" t0=$(date +%s)
    printf '\n=== %s: %s\n' "$name" "$*"
    "$@" 2>&1 | tee "$log"
    local rc=${PIPESTATUS[0]}
    # cargo test / wasm-bindgen-test-runner: "test result: ok. 5 passed; 0 failed; ..."
    local p f
    p=$(grep -Eo '[0-9]+ passed; [0-9]+ failed' "$log" | awk '{p+=$1; f+=$3} END {print p+0}')
    f=$(grep -Eo '[0-9]+ passed; [0-9]+ failed' "$log" | awk '{p+=$1; f+=$3} END {print f+0}')
    # node --test: "ℹ pass 5" / "# pass 5"
    p=$((p + $(grep -Eo '^(ℹ|#) pass [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')))
    f=$((f + $(grep -Eo '^(ℹ|#) fail [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')))
    passed=$((passed + p)); failed=$((failed + f))
    if [ "$rc" -ne 0 ]; then
        failed_steps+=("$name")
        [ "$f" -eq 0 ] && failed=$((failed + 1))   # a layer that failed without a failing test (build, lint) counts once
    fi
    printf '=== %s: exit %s, %s s\n' "$name" "$rc" "$(( $(date +%s) - t0 ))"
    return "$rc"
}

# Clippy is the compiler of our crate in the builds the tests need (cargo's RUSTC_WORKSPACE_WRAPPER, as `cargo clippy`
# sets it for its check build): the crate is linted while it is built for the native and the browser tests, and no
# dependency is compiled a second time only to be checked (`cargo clippy` would check every dependency twice more,
# natively and for wasm: on a fresh machine about 8 of CI's minutes; issue 22). The lint steps build the tests
# (`--no-run`) and fail on any warning (as `cargo clippy --all-targets -- -D warnings` with the [lints] table of
# Cargo.toml and clippy.toml); the test steps after them reuse that build, so a lint does not keep the tests from
# running.
export RUSTC_WORKSPACE_WRAPPER
RUSTC_WORKSPACE_WRAPPER=$(command -v clippy-driver) || { echo "clippy-driver not found: rustup component add clippy"; exit 1; }
lints() {  # lints COMMAND...: builds with clippy as the compiler; fails where clippy or rustc has anything to say
    local said rc
    said=$(mktemp)
    "$@" 2>&1 | tee "$said"
    rc=${PIPESTATUS[0]}
    if [ "$rc" -eq 0 ] && grep -Eq '^(warning|error)(\[|:)' "$said"; then rc=1; fi
    rm -f "$said"
    return "$rc"
}

t_start=$(date +%s)
step fmt cargo fmt --all --check
# Natively with the `split` feature, so that the screens' split points (src/ui/lazy.rs) are linted as the app's build
# has them (the wasm test build below cannot split; on wasm the feature only adds the macro's own code).
step clippy-native lints cargo test --locked --features split --no-run
step unit cargo test --locked --features split
# Not a test: prints the engine's speed on the large synthetic workspace (issue 3); fails only if it cannot run.
step bench-engine env -u RUSTC_WORKSPACE_WRAPPER cargo run --locked --release --no-default-features --example engine_bench
step clippy-wasm lints cargo test --locked --target wasm32-unknown-unknown --test browser --bins --no-run
step browser cargo test --locked --target wasm32-unknown-unknown --test browser
if step release env -u RUSTC_WORKSPACE_WRAPPER trunk build --release --locked; then
    step e2e node --test --test-reporter=spec --test-concurrency=1 tests/e2e/
else
    failed_steps+=("e2e (no release build)")
fi

printf '\n=== all layers in %s s\n' "$(( $(date +%s) - t_start ))"
if [ ${#failed_steps[@]} -gt 0 ]; then
    echo "failed: ${failed_steps[*]}"
fi
echo "tests: $passed passed, $failed failed"
[ ${#failed_steps[@]} -eq 0 ]
