// Where the bytes of the wasm go: by module of ours and by crate, from a build that keeps function names
// (`make size` makes one: wasm-bindgen --keep-debug and wasm-opt -Oz -g over the release's cargo output, so the
// code is the release's code with its names). Reads the wasm itself: the code section's body sizes, the data
// section's segments and the "name" custom section. No dependency.
//
//   node scripts/size-where.mjs <file.wasm> [--top N]
//
// A function is counted for the first `zielsteuerung::a::b` its name mentions (generic code instantiated for
// our types counts as ours, e.g. `core::ptr::drop_in_place<zielsteuerung::ui::state::…>`), else for the crate its
// name starts with (`core`, `alloc`, `serde_json`, …; `<T as tachys::…>` counts for the trait's crate, tachys).
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const topArg = args.indexOf('--top');
const TOP = topArg >= 0 ? Number(args[topArg + 1]) : 25;
if (!file) {
  console.error('usage: node scripts/size-where.mjs <file.wasm> [--top N]');
  process.exit(2);
}
const bytes = readFileSync(file);

/** A reader of unsigned LEB128 numbers and names from `pos`. */
function reader(buf, pos, end) {
  return {
    get pos() { return pos; },
    set pos(p) { pos = p; },
    end,
    u32() {
      let result = 0; let shift = 0; let b;
      do { b = buf[pos++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
      return result;
    },
    name() { const n = this.u32(); const s = buf.toString('utf8', pos, pos + n); pos += n; return s; },
  };
}

if (bytes.readUInt32LE(0) !== 0x6d736100) {
  console.error(`${file}: not a wasm module`);
  process.exit(1);
}
const sections = [];
{
  const r = reader(bytes, 8, bytes.length);
  while (r.pos < bytes.length) {
    const id = bytes[r.pos]; r.pos += 1;
    const size = r.u32();
    sections.push({ id, start: r.pos, size });
    r.pos += size;
  }
}

// Function imports come first in the function index space.
let importedFunctions = 0;
for (const s of sections.filter((x) => x.id === 2)) {
  const r = reader(bytes, s.start, s.start + s.size);
  for (let n = r.u32(); n > 0; n -= 1) {
    r.name(); r.name();
    const kind = bytes[r.pos]; r.pos += 1;
    if (kind === 0) { r.u32(); importedFunctions += 1; }
    else if (kind === 1) { r.pos += 1; const flags = r.u32(); r.u32(); if (flags & 1) r.u32(); }
    else if (kind === 2) { const flags = r.u32(); r.u32(); if (flags & 1) r.u32(); }
    else if (kind === 3) { r.pos += 2; }
    else if (kind === 4) { r.pos += 1; r.u32(); }
  }
}

// Function names from the "name" section (subsection 1).
const names = new Map();
for (const s of sections.filter((x) => x.id === 0)) {
  const r = reader(bytes, s.start, s.start + s.size);
  if (r.name() !== 'name') continue;
  while (r.pos < r.end) {
    const sub = bytes[r.pos]; r.pos += 1;
    const size = r.u32();
    const next = r.pos + size;
    if (sub === 1) {
      for (let n = r.u32(); n > 0; n -= 1) { const index = r.u32(); names.set(index, r.name()); }
    }
    r.pos = next;
  }
}

const byKey = new Map();
const add = (key, size) => byKey.set(key, (byKey.get(key) ?? 0) + size);
let codeTotal = 0; let dataTotal = 0; let unnamed = 0;

/** The module of ours or the crate a function's name belongs to. */
function keyOf(name) {
  const ours = /zielsteuerung::((?:[a-z_0-9]+::)?[a-z_0-9]+)/.exec(name);
  if (ours) return `ours  ${ours[1].replace(/::h[0-9a-f]{16}$/, '')}`;
  // `<T as tachys::view::Render>::build`, `<f64 as core::fmt::Display>::fmt`: the trait's crate.
  const asTrait = /^<.*? as ([A-Za-z_][A-Za-z_0-9]*)::/.exec(name);
  if (asTrait) return `crate ${asTrait[1]}`;
  const crate = /^[<&\s]*(?:dyn\s+)?([A-Za-z_][A-Za-z_0-9]*)/.exec(name);
  // Methods of primitive types (`<f64>::powi`, `<str>::trim`) are core's.
  const primitive = /^(?:[iuf](?:8|16|32|64|128|size)|bool|char|str)$/;
  return `crate ${!crate ? '?' : primitive.test(crate[1]) ? 'core' : crate[1]}`;
}

for (const s of sections.filter((x) => x.id === 10)) {
  const r = reader(bytes, s.start, s.start + s.size);
  const count = r.u32();
  for (let i = 0; i < count; i += 1) {
    const fieldStart = r.pos;
    const size = r.u32();
    const total = size + (r.pos - fieldStart); // the body and its size field
    r.pos += size;
    codeTotal += total;
    const name = names.get(importedFunctions + i);
    if (name === undefined) { unnamed += total; add('(no name)', total); } else add(keyOf(name), total);
  }
}
for (const s of sections.filter((x) => x.id === 11)) dataTotal += s.size;

const rows = [...byKey.entries()].sort((a, b) => b[1] - a[1]);
const pct = (n) => `${((100 * n) / codeTotal).toFixed(1).padStart(5)} %`;
const kib = (n) => `${(n / 1024).toFixed(1).padStart(7)} KiB`;
console.log(`where the wasm goes: ${file}`);
console.log(`  code ${kib(codeTotal)} in ${names.size} named functions; data ${kib(dataTotal)} (texts of both languages, tables)`);
for (const kind of ['ours', 'crate']) {
  const list = rows.filter(([k]) => k.startsWith(kind));
  const sum = list.reduce((s, [, v]) => s + v, 0);
  console.log(`\n  ${kind === 'ours' ? 'our modules' : 'crates'} (${kib(sum).trim()}, ${pct(sum).trim()} of code), largest ${TOP}:`);
  for (const [k, v] of list.slice(0, TOP)) console.log(`    ${kib(v)} ${pct(v)}  ${k.slice(6)}`);
}
if (unnamed) console.log(`\n  without a name: ${kib(unnamed).trim()}`);
