#!/usr/bin/env bash
# Size report of the release build in dist/: wasm, JS and CSS, raw, gzip -9 and brotli -q 11, in bytes and KiB.
# With --where (make size, make bench): then where the wasm's bytes go, by module of ours and by crate, from the
# release's cargo output made again with its function names kept (wasm-bindgen --keep-debug, wasm-opt -Oz -g), for
# all the code and, in a split build, for the main module alone.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-dist}
where=${2:-}
[ -d "$dir" ] || { echo "no $dir/: build first (make build)"; exit 1; }
printf '%-6s %-44s %10s %10s %10s\n' kind file raw gzip brotli
total_raw=0; total_gz=0; total_br=0
for kind in wasm js css; do
    for f in "$dir"/*."$kind"; do
        [ -e "$f" ] || continue
        raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c); br=$(brotli -q 11 -c "$f" | wc -c)
        total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
        printf '%-6s %-44s %10s %10s %10s\n' "$kind" "$(basename "$f")" "$raw" "$gz" "$br"
    done
done
html=$(wc -c <"$dir/index.html")
printf '%-6s %-44s %10s %10s %10s\n' total "wasm + js + css" "$total_raw" "$total_gz" "$total_br"
printf '%-6s %-44s %10s\n' html index.html "$html"
awk -v r="$total_raw" -v g="$total_gz" -v b="$total_br" 'BEGIN { printf "in KiB: raw %.1f, gzip %.1f, brotli %.1f\n", r/1024, g/1024, b/1024 }'

if [ "$where" = --where ]; then
    wasm=${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/zielsteuerung.wasm
    [ -f "$wasm" ] || { echo "no $wasm: build first (make build)"; exit 1; }
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    named() {  # named INPUT OUT [FLAG]: the release's code with its names kept, optimised as the release is
        mkdir -p "$tmp/bindgen"
        wasm-bindgen --target web --keep-debug ${3:-} --out-dir "$tmp/bindgen" --out-name names "$1"
        wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
            --enable-mutable-globals --enable-reference-types --enable-multivalue \
            "$tmp/bindgen/names_bg.wasm" -o "$2"
    }
    named "$wasm" "$tmp/names.wasm"
    echo
    echo "all of the app's code (before the split):"
    node scripts/size-where.mjs "$tmp/names.wasm" --top 20
    # A split build (src/ui/lazy.rs): the main module alone, i.e. what the first download holds of it.
    split_main=${CARGO_TARGET_DIR:-target}/wasm-bindgen/release/split/zielsteuerung.wasm
    if [ -f "$split_main" ] && compgen -G "$dir/split_*.wasm" >/dev/null; then
        named "$split_main" "$tmp/main.wasm" --keep-lld-exports
        echo
        echo "the main module alone (the first download; the screens' parts split off):"
        node scripts/size-where.mjs "$tmp/main.wasm" --top 20
    fi
fi
