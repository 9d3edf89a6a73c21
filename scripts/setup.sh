#!/usr/bin/env bash
# Installs what building, serving and testing Zielsteuerung need, and only what is missing.
# Idempotent: when everything is in place it takes a few seconds. Called by `make serve` and `make test`.
# Everything comes from the package registries (Debian, crates.io, npm); nothing is downloaded from elsewhere.
# See docs/TOOLCHAIN.md for why each version is what it is.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14          # 0.22 needs rustc >= 1.96.1
DEBIAN_PACKAGES=(chromium chromium-driver brotli poppler-utils)
# Only for `make test` (`setup.sh --test`): LibreOffice Calc opens the exported XLSX and CSV in the exchange test;
# Firefox ESR (driven by puppeteer-core over WebDriver BiDi) runs the end-to-end tests that must hold in Firefox too.
TEST_PACKAGES=(libreoffice-calc firefox-esr)
if [ "${1:-}" = "--test" ]; then DEBIAN_PACKAGES+=("${TEST_PACKAGES[@]}"); fi
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '[setup] %s\n' "$*"; }
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else say "Root rights are needed for: $*"; exit 1
    fi
}
started=$(date +%s)

# 1. Debian packages: Chromium and its driver for the browser tests, brotli for the size report, poppler-utils
#    (pdftotext, pdfinfo) for the printed-report test, Node.js if absent; with --test also LibreOffice Calc.
missing=()
for p in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
# The packages download and unpack while the Rust tools below compile (on a fresh machine the two took 18 minutes one
# after the other); npm waits for them (Node.js may be among them).
apt_pid=
apt_log=$(mktemp)
if [ ${#missing[@]} -gt 0 ]; then
    say "apt-get install ${missing[*]} (in the background)"
    [ "$(id -u)" -eq 0 ] || as_root true   # asks for sudo's password now, not in the background
    ( as_root apt-get update -qq \
      && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" ) \
        >"$apt_log" 2>&1 &
    apt_pid=$!
fi
packages_installed() {
    if [ -n "$apt_pid" ]; then
        if ! wait "$apt_pid"; then cat "$apt_log"; say "apt-get install ${missing[*]} failed"; exit 1; fi
        apt_pid=
    fi
    rm -f "$apt_log"
}

# 2. Rust: toolchain components and the Wasm target.
if ! command -v cargo >/dev/null 2>&1; then
    say "cargo not found: install Rust with rustup first (the machine image ships it)"; exit 1
fi
installed_targets=$(rustup target list --installed)
grep -qx wasm32-unknown-unknown <<<"$installed_targets" || { say "rustup target add wasm32-unknown-unknown"; rustup target add wasm32-unknown-unknown; }
installed_components=$(rustup component list --installed)
for c in clippy rustfmt; do
    grep -q "^$c" <<<"$installed_components" || { say "rustup component add $c"; rustup component add "$c"; }
done

# 3. Trunk, pinned.
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
    say "cargo install trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
    cargo install trunk --locked --version "$TRUNK_VERSION" --force
fi

# 4. wasm-bindgen-cli at exactly the version in Cargo.lock (otherwise Trunk tries a download and fails).
#    Without --locked: one of its locked dependency versions is not in the registry.
bindgen_version=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$bindgen_version" ]; then say "no wasm-bindgen in Cargo.lock"; exit 1; fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $bindgen_version" ] \
   || [ "$(wasm-bindgen-test-runner --version 2>/dev/null || true)" != "wasm-bindgen-test-runner $bindgen_version" ]; then
    say "cargo install wasm-bindgen-cli $bindgen_version (about 2 minutes)"
    cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi
if ! grep -q "wasm_bindgen = \"$bindgen_version\"" Trunk.toml; then
    say "Trunk.toml pins another wasm-bindgen than Cargo.lock ($bindgen_version): align them"; exit 1
fi

# 4b. wasm-split-cli, pinned: cuts the app's wasm into the first download and the screens fetched when opened
#     (scripts/bin/wasm-bindgen, which Trunk runs as its wasm-bindgen). Its output format must match the loader that
#     scripts/post-build.mjs and offline.mjs rewrite, hence the exact version.
SPLIT_VERSION=0.2.4
# (It has no --version; cargo's list of installed crates says which one is there.)
if ! command -v wasm-split-cli >/dev/null 2>&1 \
   || ! cargo install --list | grep -qx "wasm_split_cli_support v$SPLIT_VERSION:"; then
    say "cargo install wasm_split_cli_support $SPLIT_VERSION (wasm-split-cli, about 2 minutes)"
    cargo install wasm_split_cli_support --locked --version "$SPLIT_VERSION" --features build-binary --force
fi

packages_installed
if dpkg-query -W -f='${Status}' binaryen 2>/dev/null | grep -q "install ok installed"; then
    say "note: Debian's binaryen is installed; it is never used (its wasm-opt breaks the app): node_modules/.bin comes first on PATH"
fi

# 5. Node packages from the committed lockfile: wasm-opt (binaryen 132), playwright-core (Chromium), puppeteer-core
#    (Firefox ESR), axe-core, Lighthouse (bench), terser (minifies the JS glue, scripts/post-build.mjs).
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.lock-sha256 2>/dev/null || true)" != "$lock_sum" ]; then
    say "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$lock_sum" > node_modules/.lock-sha256
fi
if [ "$(wasm-opt --version 2>/dev/null || true)" != "wasm-opt version 132 (version_132)" ]; then
    say "wasm-opt on PATH is not binaryen 132: $(command -v wasm-opt || echo none)"; exit 1
fi

# 6. Crates into the local cache, so that later builds need no network.
cargo fetch --quiet

say "all tools present ($(( $(date +%s) - started )) s)"
