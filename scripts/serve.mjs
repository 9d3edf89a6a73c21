// A plain static file server for the release build, as an intranet web server would serve it:
// no rewrite rules, the app under any subpath, the right MIME types (application/wasm).
// Used by `make serve` and by the end-to-end tests. Serves only on 127.0.0.1.
//
//   node scripts/serve.mjs [--root dist] [--port 8080] [--base /]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/**
 * Starts the server. `base` is the subpath the app lives under ("/" or "/intranet/apps/ziele/").
 * Returns { url, requests, close }: `url` is the app's address, `requests` every path asked for.
 */
export async function startServer({ root = 'dist', port = 0, base = '/', host = '127.0.0.1' } = {}) {
  const rootDir = resolve(root);
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
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
      });
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
  const args = Object.fromEntries(
    process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
  );
  try {
    const { url } = await startServer({ root: args.root ?? 'dist', port: Number(args.port ?? 8080), base: args.base ?? '/' });
    console.log(`Zielsteuerung läuft auf ${url}  (beenden mit Strg+C)`);
  } catch (e) {
    console.error(`Server konnte nicht starten: ${e.message}`);
    process.exit(1);
  }
}
