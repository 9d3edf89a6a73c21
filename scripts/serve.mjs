// A plain static file server for the release build, as an intranet web server would serve it:
// no rewrite rules, the app under any subpath, the right MIME types (application/wasm).
// Used by `make serve`, the end-to-end tests and the benchmark. Serves only on 127.0.0.1.
//
//   node scripts/serve.mjs [--root dist] [--port 8080] [--base /] [--brotli]
//
// With `--brotli` (opt-in; the default sends every file as it is) the .html, .js, .css and .wasm files under the
// root are compressed once at start (brotli quality 11, kept in memory) and sent with `Content-Encoding: br` to
// clients whose Accept-Encoding allows br, as a well-configured intranet server would; they carry
// `Vary: Accept-Encoding` either way.
import { createServer } from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib } from 'node:zlib';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm']);

/** Brotli (quality 11) of every compressible file under `dir`, keyed by absolute path. */
async function precompress(dir) {
  const cache = new Map();
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const file = join(entry.parentPath ?? entry.path, entry.name);
    if (!entry.isFile() || !COMPRESSIBLE.has(extname(file))) continue;
    const raw = await readFile(file);
    cache.set(file, brotliCompressSync(raw, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: 11,
        [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length,
        [zlib.BROTLI_PARAM_MODE]: extname(file) === '.wasm' ? zlib.BROTLI_MODE_GENERIC : zlib.BROTLI_MODE_TEXT,
      },
    }));
  }
  return cache;
}

/** Whether an Accept-Encoding header allows br (present and not `q=0`). */
function acceptsBrotli(header = '') {
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().split(';').map((x) => x.trim());
    if (name.toLowerCase() !== 'br') return false;
    const q = params.find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/**
 * Starts the server. `base` is the subpath the app lives under ("/" or "/intranet/apps/ziele/").
 * Returns { url, requests, close }: `url` is the app's address, `requests` every path asked for.
 */
export async function startServer({ root = 'dist', port = 0, base = '/', host = '127.0.0.1', brotli = false } = {}) {
  const rootDir = resolve(root);
  const compressed = brotli ? await precompress(rootDir) : null;
  if (!base.startsWith('/')) base = '/' + base;
  if (!base.endsWith('/')) base += '/';
  const requests = [];

  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (!path.startsWith(base)) {
      if (path + '/' === base) { res.writeHead(301, { Location: base }); res.end(); return; }
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }); res.end('Nicht gefunden'); return;
    }
    let rel = path.slice(base.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(rootDir, rel));
    if (file !== rootDir && !file.startsWith(rootDir + sep)) { res.writeHead(403); res.end(); return; }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const headers = {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
      };
      let body;
      if (compressed?.has(file)) {
        headers.Vary = 'Accept-Encoding';
        if (acceptsBrotli(req.headers['accept-encoding'])) {
          body = compressed.get(file);
          headers['Content-Encoding'] = 'br';
        }
      }
      body ??= await readFile(file);
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Nicht gefunden');
    }
  });

  await new Promise((ok, fail) => { server.once('error', fail); server.listen(port, host, ok); });
  const { port: actual } = server.address();
  return {
    url: `http://${host}:${actual}${base}`,
    requests,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const FLAGS = new Set(['brotli']);
  const args = {};
  for (let i = 2; i < process.argv.length; i++) {
    const a = process.argv[i];
    if (!a.startsWith('--')) continue;
    const name = a.slice(2);
    args[name] = FLAGS.has(name) ? true : process.argv[++i];
  }
  try {
    const { url } = await startServer({
      root: args.root ?? 'dist', port: Number(args.port ?? 8080), base: args.base ?? '/', brotli: Boolean(args.brotli),
    });
    console.log(`Zielsteuerung läuft auf ${url}  (beenden mit Strg+C)`);
  } catch (e) {
    console.error(`Server konnte nicht starten: ${e.message}`);
    process.exit(1);
  }
}
