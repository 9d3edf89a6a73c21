// The build's rewriting of wasm-split-cli's loader (scripts/split.mjs) and its inlining into the offline file
// (scripts/offline.mjs), on a loader of the shape wasm-split-cli 0.2.4 writes: every name rewritten, and any text
// of another shape stops the build instead of giving a page that fails later.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minify } from 'terser';
import { rewriteLoader, rewriteGlue, isSplit } from '../../scripts/split.mjs';
import { inlineLoader, offlinePage } from '../../scripts/offline.mjs';

// The lines of wasm-split-cli 0.2.4's loader that the build rewrites (src/js.rs of wasm_split_cli_support).
const LOADER = `import { initSync } from "./zielsteuerung.js";

let sharedImports = undefined;
function getSharedImports() {
    if (sharedImports === undefined) {
        sharedImports = { __wasm_split: {  } };
        const { memory } = initSync(undefined, undefined);
        Object.assign(sharedImports.__wasm_split, { memory });
    }
    return sharedImports;
}
function makeLoad(fetcher, deps) { return () => fetcher()(getSharedImports()); }
function wrapAsyncCb(callee) { return async (i, d) => { await callee(); }; }
/* report, detail */
const __chunk_7 = makeLoad(() => {
    const src = fetch(new URL("./chunk_7.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
export const __wasm_split_load_report = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_report.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_7]));
`;
const NAMES = { 'chunk_7.wasm': 'chunk_7-0123456789abcdef.wasm', 'split_report.wasm': 'split_report-fedcba9876543210.wasm' };
const GLUE = `import * as __wbg_star0 from './__wasm_split.js';
import * as __wbg_star1 from './__wasm_split.js';
function __wbg_get_imports() { const imports = {}; imports['./__wasm_split.js'] = __wbg_star0; return imports; }
function initSync(module) { return module; }
export { initSync };
`;

test('the loader: the build names of its parts and glue, its parts fetched through the hook, a fallback without application/wasm', () => {
  const out = rewriteLoader(LOADER, NAMES, 'zielsteuerung-1111222233334444.js');
  assert.match(out, /^import \{ initSync \} from "\.\/zielsteuerung-1111222233334444\.js";/);
  assert.match(out, /__part\("\.\/chunk_7-0123456789abcdef\.wasm"\)/);
  assert.match(out, /__part\("\.\/split_report-fedcba9876543210\.wasm"\)/);
  assert.doesNotMatch(out, /"\.\/(chunk_7|split_report)\.wasm"/);
  assert.doesNotMatch(out, /instantiateStreaming\(src, imports\)/);
  assert.match(out, /globalThis\.__zielsteuerungTeil/);
  assert.match(out, /WebAssembly\.instantiate\(await response\.arrayBuffer\(\), imports\)/);
});

test('a loader of another shape stops the build', () => {
  assert.throws(() => rewriteLoader(LOADER.replace('import { initSync }', 'import { start }'), NAMES, 'g.js'), /initSync/);
  assert.throws(() => rewriteLoader(LOADER, { ...NAMES, 'split_balance.wasm': 'x.wasm' }, 'g.js'), /split_balance/);
  assert.throws(() => rewriteLoader(LOADER.replaceAll('instantiateStreaming', 'instantiate'), NAMES, 'g.js'), /instantiate/);
  assert.throws(() => rewriteGlue('export function initSync() {}', 'wasm-split-0123456789abcdef.js'), /does not import/);
  assert.throws(() => isSplit("imports['__wasm_split_placeholder__'] = x;"), /not split/);
  assert.equal(isSplit('export function initSync() {}'), false);
  assert.equal(isSplit(GLUE), true);
});

test('the offline file: the loader runs in place of the glue\'s imports, minified or not, and the worker gets stubs', async () => {
  const loader = rewriteLoader(LOADER, NAMES, 'zielsteuerung-1111222233334444.js');
  const glue = rewriteGlue(GLUE, 'wasm-split-aaaabbbbccccdddd.js');
  assert.equal((glue.match(/from '\.\/wasm-split-aaaabbbbccccdddd\.js'/g) ?? []).length, 2);
  assert.match(glue, /imports\['\.\/__wasm_split\.js'\] = __wbg_star0/, 'the wasm import keeps its module name');
  for (const text of [loader, (await minify(loader, { module: true })).code]) {
    const { prelude, glue: inlined, workerGlue } = inlineLoader(glue, text);
    // No import is left, nor an export of the loader (the glue's own `export { initSync }` stays: an inline module).
    assert.doesNotMatch(prelude + inlined, /\bimport\s*[{*]|\bexport\s*(const|\{[^}]*__wasm_split)/);
    assert.match(inlined, /const __wbg_star0 = __zsParts;/);
    assert.match(inlined, /const __wbg_star1 = __zsParts;/);
    assert.match(prelude, /__wasm_split_load_report: /);
    assert.match(workerGlue, /__zsNoParts = \{ __wasm_split_load_report: \(\) => \{ throw/);
    // The prelude and the glue run as one module: the loader's object has its function.
    const run = new Function(`${prelude.replace(/import\.meta\.url/g, '"file:///x"')}${inlined.replace(/export \{ initSync \};/, '')}; return __wbg_star0;`);
    assert.equal(typeof run().__wasm_split_load_report, 'function');
  }
  const page = offlinePage({
    glue, wasm: Buffer.from([0, 97, 115, 109]), css: 'body{}', indexHtml: '<noscript>x</noscript>',
    loader, parts: { 'split_report-fedcba9876543210.wasm': Buffer.from([1, 2, 3]) },
  });
  assert.match(page, /<script id="zielsteuerung-teil-split_report-fedcba9876543210\.wasm" type="application\/octet-stream">AQID<\/script>/);
  assert.match(page, /globalThis\.__zielsteuerungTeil = \(name\) =>/);
});
