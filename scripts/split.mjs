// The wasm parts of a split build (src/ui/lazy.rs), put into Trunk's staging directory by post-build.mjs.
//
// scripts/bin/wasm-bindgen (Trunk's wasm-bindgen) left them in <target>/wasm-bindgen/<profile>/split/, as
// wasm-split-cli 0.2.4 writes them: the parts `split_<name>.wasm` (one per split point), `chunk_<n>.wasm` (code
// shared by parts) and the loader `__wasm_split.js`, an ES module that imports `initSync` from the glue and fetches a
// part, next to itself, when the wasm first calls it. Here, for the build in the staging directory:
//   - each part optimised (release: wasm-opt -Oz, as Trunk does the main module) and named by its content
//     (`split_agreement-<hash>.wasm`): the splitter's output differs from build to build, and a part only fits the
//     main module it was cut from, so a name must never stand for two contents;
//   - the loader: its part names and its import of the glue rewritten to the build's names, a fallback for servers
//     that send .wasm without `application/wasm` (as wasm-bindgen's own loader has), minified in release, and named
//     by its content (`wasm-split-<hash>.js`);
//   - the glue's import of `./__wasm_split.js` rewritten to that name, and a modulepreload of the loader in
//     index.html (the glue imports it, so it belongs to the first download; the parts do not).
// The patterns below match the text of wasm-split-cli 0.2.4 (pinned in setup.sh); a mismatch stops the build.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { minify } from 'terser';

const run = promisify(execFile);
/** The loader's file name in wasm-split-cli's output, and so in the glue's import. */
export const LOADER = '__wasm_split.js';
/** The parts' file names in a build: `split_<name>-<hash>.wasm`, `chunk_<n>-<hash>.wasm`. */
export const PART = /^(split|chunk)_\w+-[0-9a-f]{16}\.wasm$/;
/** The loader's file name in a build. */
export const LOADER_NAME = /^wasm-split-[0-9a-f]{16}\.js$/;
/** The global function by which the offline file hands the loader a part's bytes (offline.mjs). */
export const PARTS_HOOK = '__zielsteuerungTeil';
const FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];

const hash16 = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/** Whether the glue imports a loader of parts: the build was split. */
export function isSplit(glue) {
  if (glue.includes('__wasm_split_placeholder__')) {
    throw new Error('the wasm has split points but was not split: build with `make build` (scripts/bin first on PATH)');
  }
  return glue.includes(`'./${LOADER}'`) || glue.includes(`"./${LOADER}"`);
}

/** Where Trunk's wasm-bindgen (scripts/bin/wasm-bindgen) left the parts of this build. */
export function partsDir(profile) {
  const target = process.env.CARGO_TARGET_DIR ?? join(process.env.TRUNK_SOURCE_DIR ?? '.', 'target');
  return join(target, 'wasm-bindgen', profile, 'split');
}

/**
 * The loader's text for the build: `names` maps each part's file name of wasm-split-cli to the build's, `glueName`
 * is the glue's file name. Parts are instantiated from the stream where the server says `application/wasm`, and from
 * their bytes otherwise.
 */
export function rewriteLoader(text, names, glueName) {
  let out = text;
  const imports = /import \{ initSync \} from "\.\/[\w.-]+\.js";/;
  if (!imports.test(out)) throw new Error(`${LOADER} has no import of initSync (another wasm-split-cli?)`);
  out = out.replace(imports, `import { initSync } from "./${glueName}";`);
  for (const [from, to] of Object.entries(names)) {
    const literal = `"./${from}"`;
    if (!out.includes(literal)) throw new Error(`${LOADER} does not name ${from}`);
    out = out.split(literal).join(`"./${to}"`);
  }
  const streaming = 'WebAssembly.instantiateStreaming(src, imports)';
  if (Object.keys(names).length > 0 && !out.includes(streaming)) {
    throw new Error(`${LOADER} does not instantiate its parts as wasm-split-cli 0.2.4 does`);
  }
  out = out.split(streaming).join('__instantiate(src, imports)');
  const fetches = /fetch\(new URL\(("\.\/[\w.-]+\.wasm"), import\.meta\.url\)\)/g;
  if ((out.match(fetches) ?? []).length !== Object.keys(names).length) {
    throw new Error(`${LOADER} does not fetch each part once as wasm-split-cli 0.2.4 does`);
  }
  out = out.replace(fetches, '__part($1)');
  return `${out}
// A part's response: fetched next to this file, or from the offline file's own bytes (offline.mjs sets PARTS_HOOK).
function __part(name) {
    const own = globalThis.${PARTS_HOOK};
    return own ? own(name) : fetch(new URL(name, import.meta.url));
}
async function __instantiate(src, imports) {
    const response = await src;
    if (!response.ok) throw new Error(\`\${response.url}: HTTP \${response.status}\`);
    if ((response.headers.get('Content-Type') ?? '').split(';')[0].trim() === 'application/wasm') {
        return WebAssembly.instantiateStreaming(response, imports);
    }
    return WebAssembly.instantiate(await response.arrayBuffer(), imports);
}
`;
}

/** The glue with its import of the loader renamed to `loaderName`; the imports object keeps the module's name. */
export function rewriteGlue(glue, loaderName) {
  const specifier = /(from\s*)(['"])\.\/__wasm_split\.js\2/g;
  if (!specifier.test(glue)) throw new Error(`the glue does not import ./${LOADER}`);
  return glue.replace(specifier, `$1$2./${loaderName}$2`);
}

/** index.html with a modulepreload of the loader beside the glue's. */
export function withPreload(html, loaderName) {
  const link = `<link crossorigin href=./${loaderName} rel=modulepreload>`;
  if (!html.includes('</head>')) throw new Error('index.html has no </head>');
  return html.replace('</head>', `${link}</head>`);
}

/**
 * Puts the parts of the split build into `dir` (Trunk's staging directory) and rewrites the glue `files.glue` and
 * index.html; returns the loader's name and the parts' names, or null when the build was not split.
 */
export async function addParts(dir, files, release) {
  const gluePath = join(dir, files.glue);
  const glue = await readFile(gluePath, 'utf8');
  if (!isSplit(glue)) return null;
  const from = partsDir(release ? 'release' : 'debug');
  const found = await readdir(from);
  const parts = found.filter((n) => /^(split|chunk)_\w+\.wasm$/.test(n));
  if (!found.includes(LOADER)) throw new Error(`no ${LOADER} in ${from}`);
  const names = {};
  for (const part of parts) {
    const tmp = join(dir, `.${part}`);
    if (release) await run('wasm-opt', ['-Oz', ...FEATURES, join(from, part), '-o', tmp]);
    else await copyFile(join(from, part), tmp);
    const bytes = await readFile(tmp);
    const name = part.replace(/\.wasm$/, `-${hash16(bytes)}.wasm`);
    await writeFile(join(dir, name), bytes);
    await rm(tmp);
    names[part] = name;
  }
  let loader = rewriteLoader(await readFile(join(from, LOADER), 'utf8'), names, files.glue);
  if (release) {
    const out = await minify(loader, { module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false } });
    if (!out.code) throw new Error(`terser gave nothing for ${LOADER}`);
    loader = out.code;
  }
  const loaderName = `wasm-split-${hash16(loader)}.js`;
  await writeFile(join(dir, loaderName), loader);
  await writeFile(gluePath, rewriteGlue(glue, loaderName));
  const index = join(dir, 'index.html');
  await writeFile(index, withPreload(await readFile(index, 'utf8'), loaderName));
  return { loader: loaderName, parts: Object.values(names) };
}
