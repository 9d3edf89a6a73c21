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

export const FILE_NAME = 'zielsteuerung-offline.html';

/** The one file in `names` that ends with `suffix` (and not with `exclude`); an error otherwise. */
function only(names, suffix, exclude) {
  const found = names.filter((n) => n.endsWith(suffix) && !(exclude && n.endsWith(exclude)));
  if (found.length !== 1) {
    throw new Error(`expected exactly one *${suffix} in the build, found ${found.length}: ${found.join(', ')}`);
  }
  return found[0];
}

/** Builds the page from the glue text, the wasm bytes, the CSS text and the original index.html. */
export function offlinePage({ glue, wasm, css, indexHtml }) {
  if (!/\bfunction initSync\s*\(/.test(glue) || !/export\s*\{[^}]*\binitSync\b/.test(glue)) {
    throw new Error('the JS glue has no initSync export: was it built by wasm-bindgen for --target web?');
  }
  if (/^\s*import\s/m.test(glue)) {
    throw new Error('the JS glue imports other modules (snippets?); they would have to be inlined too');
  }
  // The glue stays an ES module (its exports are harmless in an inline module); the start-up follows it.
  const script = `${glue}
{
  const text = atob(document.getElementById('zielsteuerung-wasm').textContent.trim());
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  initSync({ module: bytes });
}
`;
  // "</script" inside the inline script would end it early; the glue has none, but make sure.
  if (/<\/script/i.test(script) || /<\/style/i.test(css)) throw new Error('an inlined text contains a closing tag');
  const description = /<meta content="([^"]*)" name=description>/.exec(indexHtml)?.[1]
    ?? /<meta name="description" content="([^"]*)">/.exec(indexHtml)?.[1]
    ?? 'Zielsteuerung';
  const noscript = /<noscript>[\s\S]*?<\/noscript>/.exec(indexHtml)?.[0] ?? '';
  const csp = [
    "default-src 'none'",
    `script-src ${hashSource(script)} 'wasm-unsafe-eval'`,
    `style-src ${hashSource(css)}`,
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
  const names = await readdir(dir);
  const wasmName = only(names, '_bg.wasm');
  const glueName = only(names, '.js');
  const cssName = only(names, '.css');
  const page = offlinePage({
    glue: await readFile(join(dir, glueName), 'utf8'),
    wasm: await readFile(join(dir, wasmName)),
    css: await readFile(join(dir, cssName), 'utf8'),
    indexHtml: await readFile(join(dir, 'index.html'), 'utf8'),
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
