// After every build (Trunk.toml's one post_build hook, on Trunk's staging directory), in this order:
//   -1. the wasm parts of a split build (split.mjs): the screens the first screen does not need, fetched when opened;
//   0. in a release build, the JS glue minified with terser (Trunk 0.21's own minifier fails on it); `initSync`
//      keeps its name, which the offline file and the worker call;
//   1. the file worker's script (`zielsteuerung-<hash>_worker.js`: imports the app's glue and waits for the page's
//      compiled wasm, see offline.mjs WORKER_START) and a `<meta name="zielsteuerung-worker">` in index.html naming
//      it, so that the app finds its worker (jobs/client.rs); nothing of it is fetched before a file is read;
//   2. the Content-Security-Policy of index.html (csp.mjs), over the final page;
//   3. the single offline file (offline.mjs), with the worker's script inlined;
//   4. the service worker `sw.js` with this build's file names, and the script that registers it
//      (`zielsteuerung-<hash>_update.js`, named by `<meta name="zielsteuerung-update">`; ui/update.rs loads it where
//      the browser offers service workers: https or localhost).
// One script, in turn: Trunk runs its hooks at the same time, and each step reads what the one before wrote.
//
//   node scripts/post-build.mjs [dir]   (default $TRUNK_STAGING_DIR or dist)
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';
import { addPolicy } from './csp.mjs';
import { WORKER_START, buildFiles, writeOffline } from './offline.mjs';
import { addParts } from './split.mjs';

/** The glue's text minified: an ES module whose `initSync` keeps its name. */
export async function minified(source) {
  const out = await minify(source, {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: { reserved: ['initSync'] },
    format: { comments: false },
  });
  if (!out.code || !/\bfunction initSync\s*\(/.test(out.code)) throw new Error('terser lost initSync');
  return out.code;
}

/** The worker script's file name and text for the app's glue `glueName`. */
export function workerFile(glueName) {
  return {
    name: glueName.replace(/\.js$/, '_worker.js'),
    text: `import { initSync } from './${glueName}';\n${WORKER_START}`,
  };
}

/**
 * The script that registers sw.js (ui/update.rs loads it a few seconds after start): it says a waiting build with
 * the window event `zielsteuerung-neue-version` and lets it take over on `zielsteuerung-neu-laden`, then reloads.
 */
export function updateFile(glueName) {
  return {
    name: glueName.replace(/\.js$/, '_update.js'),
    text: `// Registers the service worker sw.js (scripts/post-build.mjs); see src/ui/update.rs.
const container = navigator.serviceWorker;
if (container) {
  let reload = false;
  container.addEventListener('controllerchange', () => { if (reload) location.reload(); });
  const say = () => dispatchEvent(new Event('zielsteuerung-neue-version'));
  const watch = (worker) => worker.addEventListener('statechange', () => {
    if (worker.state === 'installed' && container.controller) say();
  });
  container.register('./sw.js').then((registration) => {
    if (registration.waiting && container.controller) say();
    if (registration.installing) watch(registration.installing);
    registration.addEventListener('updatefound', () => { if (registration.installing) watch(registration.installing); });
    addEventListener('zielsteuerung-neu-laden', () => {
      if (registration.waiting) { reload = true; registration.waiting.postMessage('neue-version'); }
    });
  }, () => {});
}
`,
  };
}

/** index.html with the metas naming the worker's and the update's scripts after `<meta charset>`. */
export function withWorkerMeta(html, workerName, updateName) {
  html = html.replace(/<meta\s+name=["']?zielsteuerung-(worker|update)["']?[^>]*>/gi, '');
  const charset = /<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i.exec(html);
  if (!charset) throw new Error('index.html has no <meta charset>');
  const cut = charset.index + charset[0].length;
  return `${html.slice(0, cut)}<meta name="zielsteuerung-worker" content="./${workerName}">` +
    `<meta name="zielsteuerung-update" content="./${updateName}">${html.slice(cut)}`;
}

/**
 * The service worker of a build with the files `names` (relative to the app's folder). It keeps them in a cache
 * named by the build; a navigation in its scope gets the kept index.html, a kept file comes from the cache, and
 * anything else from the network. A new build's worker installs beside the running one and waits until a page
 * asks it to take over (ui/update.rs: "Jetzt neu laden"). Caches of older builds are removed but the one before,
 * which a page still running it may need (its file worker's script).
 */
export function serviceWorker(names, stamp) {
  const files = ['index.html', ...names.filter((n) => n !== 'index.html')];
  const version = createHash('sha256').update(stamp).update(files.join('\n')).digest('hex').slice(0, 16);
  return `// Zielsteuerung's service worker, written by scripts/post-build.mjs for one build.
const CACHE = 'zielsteuerung-${Date.now()}-${version}';
const FILES = ${JSON.stringify(files.map((f) => `./${f}`))};
self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});
self.addEventListener('activate', (e) => {
  e.waitUntil((async () => {
    const ours = (await caches.keys()).filter((k) => k.startsWith('zielsteuerung-') && k !== CACHE).sort();
    await Promise.all(ours.slice(0, -1).map((k) => caches.delete(k)));
    await self.clients.claim();
  })());
});
self.addEventListener('message', (e) => { if (e.data === 'neue-version') self.skipWaiting(); });
self.addEventListener('fetch', (e) => {
  const request = e.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  e.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const key = request.mode === 'navigate' ? new URL('./index.html', self.registration.scope).href : request;
    const kept = (await cache.match(key, { ignoreSearch: true })) ?? (await caches.match(request, { ignoreSearch: true }));
    return kept ?? fetch(request);
  })());
});
`;
}

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
try {
  const files = buildFiles(await readdir(dir));
  const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
  const split = await addParts(dir, files, release);
  if (split) console.log(`post-build: ${split.parts.length} parts fetched when first needed, loader ${split.loader}`);
  if (release) {
    const glue = join(dir, files.glue);
    const source = await readFile(glue, 'utf8');
    const code = await minified(source);
    await writeFile(glue, code);
    console.log(`post-build: ${files.glue} minified, ${source.length} → ${code.length} characters`);
  }
  const worker = workerFile(files.glue);
  await writeFile(join(dir, worker.name), worker.text);
  const update = updateFile(files.glue);
  await writeFile(join(dir, update.name), update.text);
  const index = join(dir, 'index.html');
  const { html, hashes } = addPolicy(withWorkerMeta(await readFile(index, 'utf8'), worker.name, update.name));
  await writeFile(index, html);
  console.log(`post-build: worker ${worker.name}; Content-Security-Policy (${hashes.join(' ')})`);
  const { path, bytes } = await writeOffline(dir);
  console.log(`post-build: offline file ${path} (${(bytes / 1024).toFixed(1)} KiB)`);
  const served = (await readdir(dir)).filter((n) => n !== 'sw.js' && !n.endsWith('offline.html') && !n.startsWith('.'));
  await writeFile(join(dir, 'sw.js'), serviceWorker(served.sort(), html));
  console.log(`post-build: service worker sw.js for ${served.length} files`);
} catch (e) {
  console.error(`post-build: ${e.message}`);
  process.exit(1);
}
