// Writes the single offline file: one self-contained HTML page with the stylesheet, the JS glue and the wasm
// inlined (the wasm as base64, started synchronously with wasm-bindgen's `initSync`). It works opened from a
// disk or a network share (file://), where the normal build cannot start: browsers block module scripts and
// `fetch` for file:// pages. It carries its own Content-Security-Policy with the hashes of its inline script and
// style. The app notices file:// and prefixes its storage keys with `zielsteuerung-offline-datei.`.
//
// Trunk runs this after every build (Trunk.toml, post_build hook, on its staging directory); by hand:
//   node scripts/offline.mjs [dir]      (dir: a built dist/, default $TRUNK_STAGING_DIR or dist)
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hashSource } from './csp.mjs';
import { LOADER_NAME, PART, PARTS_HOOK } from './split.mjs';

export const FILE_NAME = 'zielsteuerung-offline.html';

/** The one file in `names` that starts with `prefix` and ends with `suffix`; an error otherwise. */
function only(names, prefix, suffix) {
  const found = names.filter((n) => n.startsWith(prefix) && n.endsWith(suffix));
  if (found.length !== 1) {
    throw new Error(`expected exactly one ${prefix}*${suffix} in the build, found ${found.length}: ${found.join(', ')}`);
  }
  return found[0];
}

/** The app's files in a build's file names (Trunk names them `zielsteuerung-<hash>…`). */
export function buildFiles(names) {
  return {
    wasm: only(names, 'zielsteuerung-', '_bg.wasm'),
    glue: only(names.filter((n) => !n.endsWith('_worker.js') && !n.endsWith('_update.js')), 'zielsteuerung-', '.js'),
    css: only(names, '', '.css'),
    // A split build (split.mjs): the loader of the parts, and the parts.
    loader: names.find((n) => LOADER_NAME.test(n)) ?? null,
    parts: names.filter((n) => PART.test(n)).sort(),
  };
}

/**
 * The glue of a split build made fit for one inline module script: the loader (`loader`, an ES module importing the
 * glue's `initSync`) becomes a function run in place, whose exports the glue takes instead of its import. Returns
 * the loader's text to put before the glue, the glue without its import, and the glue for the classic worker script,
 * whose loader functions only say that the worker has no parts (the worker never calls one: src/jobs/worker.rs).
 */
export function inlineLoader(glue, loader) {
  const imported = /import\s*\{\s*initSync(?:\s+as\s+(\w+))?\s*\}\s*from\s*["'][^"']+["'];?/;
  const found = imported.exec(loader);
  if (!found) throw new Error('the loader of the parts does not import initSync');
  const exported = /export\s*\{([^}]*)\};?/.exec(loader);
  const pairs = [...(exported?.[1] ?? '').matchAll(/(\w+)(?:\s+as\s+(\w+))?/g)].map((m) => [m[2] ?? m[1], m[1]]);
  const consts = [...loader.matchAll(/export\s+const\s+(\w+)/g)].map((m) => [m[1], m[1]]);
  const names = [...pairs, ...consts];
  if (names.length === 0) throw new Error('the loader of the parts exports nothing');
  let body = loader.replace(imported, found[1] ? `const ${found[1]} = initSync;` : '');
  body = body.replace(/export\s*\{[^}]*\};?/, '').replace(/\bexport\s+const\b/g, 'const');
  const object = `{ ${names.map(([name, local]) => `${name}: ${local}`).join(', ')} }`;
  // wasm-bindgen imports the loader once per function it takes from it (`import*as e from"./…"` several times).
  const specifier = /import\s*\*\s*as\s*(\w+)\s*from\s*(['"])\.\/wasm-split-[0-9a-f]{16}\.js\2;?/g;
  if (!specifier.test(glue)) throw new Error('the glue of a split build does not import its loader');
  const stubs = `{ ${names.map(([name]) => `${name}: () => { throw new Error('no parts in the file worker'); }`).join(', ')} }`;
  return {
    prelude: `const __zsParts = (() => {\n${body}\nreturn ${object};\n})();\n`,
    glue: glue.replace(specifier, 'const $1 = __zsParts;'),
    workerGlue: `const __zsNoParts = ${stubs};\n${glue.replace(specifier, 'const $1 = __zsNoParts;')}`,
  };
}

/**
 * The file worker's start (jobs/client.rs): it is the app's own wasm in a module worker. The page posts its
 * compiled `WebAssembly.Module` as the first message; the worker instantiates it with the same glue, and the
 * app's `start()` finds itself in a worker and listens for jobs (jobs/worker.rs). Nothing is fetched twice.
 */
export const WORKER_START = "addEventListener('message', (e) => initSync({ module: e.data }), { once: true });\n";

/**
 * The file worker's script for a page that may start no worker from a file: the glue and the start, as the text
 * of a classic script (Chromium loads no module worker from the `blob:` URL of a `file://` page, whose origin is
 * opaque): the glue's `export`s become plain declarations, and `import.meta.url` (used only when no module is
 * given) the worker's location.
 */
export function workerScript(glue) {
  // Minified or not: `export class X`, `export function f`, `export{a as initSync,b as default};`.
  const classic = glue
    .replace(/\bexport\s+(class|function|const|let)\b/g, '$1')
    .replace(/\bexport\s*\{[^}]*\};?/g, '')
    .replace(/\bimport\.meta\.url\b/g, 'self.location.href');
  // An import or export statement left (not a name such as `imports`, which the unminified glue has).
  const statement = /(^|[;}\s])(export\s*(\{|\*|(class|function|const|let|var|default)\b)|import\s*(\{|\*|["'`]|\w+\s*(,|from\b)))/;
  if (statement.test(classic) || /\bimport\.meta\b/.test(classic)) {
    throw new Error('the JS glue has an import or export the classic worker script cannot take');
  }
  return `${classic}\n${WORKER_START}`;
}

export function offlinePage({ glue, wasm, css, indexHtml, loader = null, parts = {} }) {
  let prelude = '';
  let workerGlue = glue;
  if (loader) ({ prelude, glue, workerGlue } = inlineLoader(glue, loader));
  const worker = workerScript(workerGlue);
  // initSync is called by its own name below (the minifier keeps it: post-build.mjs reserves it).
  if (!/\bfunction initSync\s*\(/.test(glue) || !/export\s*\{[^}]*\binitSync\b/.test(glue)) {
    throw new Error('the JS glue has no initSync export: was it built by wasm-bindgen for --target web?');
  }
  if (/^\s*import\s/m.test(glue)) {
    throw new Error('the JS glue imports other modules (snippets?); they would have to be inlined too');
  }
  // The glue stays an ES module (its exports are harmless in an inline module); the start-up follows it.
  // The parts come from their <script type="application/octet-stream"> (split.mjs: PARTS_HOOK).
  const hook = Object.keys(parts).length === 0 ? '' : `globalThis.${PARTS_HOOK} = (name) => {
  const element = document.getElementById('zielsteuerung-teil-' + name.replace('./', ''));
  if (!element) return Promise.reject(new Error('no part ' + name + ' in this file'));
  const text = atob(element.textContent.trim());
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return Promise.resolve(new Response(bytes, { headers: { 'Content-Type': 'application/wasm' } }));
};
`;
  const script = `${hook}${prelude}${glue}
{
  const text = atob(document.getElementById('zielsteuerung-wasm').textContent.trim());
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  initSync({ module: bytes });
}
`;
  // "</script" inside the inline script would end it early; the glue has none, but make sure.
  if (/<\/script/i.test(script) || /<\/script/i.test(worker) || /<\/style/i.test(css)) {
    throw new Error('an inlined text contains a closing tag');
  }
  const description = /<meta content="([^"]*)" name=description>/.exec(indexHtml)?.[1]
    ?? /<meta name="description" content="([^"]*)">/.exec(indexHtml)?.[1]
    ?? 'Zielsteuerung';
  const noscript = /<noscript>[\s\S]*?<\/noscript>/.exec(indexHtml)?.[0] ?? '';
  const csp = [
    "default-src 'none'",
    `script-src ${hashSource(script)} 'wasm-unsafe-eval'`,
    `style-src ${hashSource(css)}`,
    // The file worker, started from its inlined text (jobs/client.rs); it inherits this policy.
    'worker-src blob:',
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  // The wasm sits in a non-executed <script type="application/octet-stream"> (not covered by script-src, never run).
  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${description}">
<meta name="color-scheme" content="light">
<title>Zielsteuerung</title>
<link rel="icon" href="data:,">
<style>${css}</style>
<script id="zielsteuerung-wasm" type="application/octet-stream">${wasm.toString('base64')}</script>
${Object.entries(parts).map(([name, bytes]) => `<script id="zielsteuerung-teil-${name}" type="application/octet-stream">${bytes.toString('base64')}</script>\n`).join('')}<script id="zielsteuerung-worker" type="text/plain">${worker}</script>
<script type="module">${script}</script>
</head>
<body>
${noscript}
</body>
</html>
`;
}

/** Reads the build in `dir` and writes the offline file next to it; returns its path and size. */
export async function writeOffline(dir) {
  const files = buildFiles(await readdir(dir));
  const page = offlinePage({
    glue: await readFile(join(dir, files.glue), 'utf8'),
    wasm: await readFile(join(dir, files.wasm)),
    css: await readFile(join(dir, files.css), 'utf8'),
    indexHtml: await readFile(join(dir, 'index.html'), 'utf8'),
    loader: files.loader ? await readFile(join(dir, files.loader), 'utf8') : null,
    parts: Object.fromEntries(await Promise.all(files.parts.map(async (n) => [n, await readFile(join(dir, n))]))),
  });
  const path = join(dir, FILE_NAME);
  await writeFile(path, page);
  return { path, bytes: Buffer.byteLength(page) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
  try {
    const { path, bytes } = await writeOffline(dir);
    console.log(`offline file: ${path} (${(bytes / 1024).toFixed(1)} KiB)`);
  } catch (err) {
    console.error(`offline file not written: ${err.message}`);
    process.exit(1);
  }
}
