// Writes the Content-Security-Policy into the built index.html. Trunk calls this as a post_build hook (see
// Trunk.toml) after it has written the final, minified index.html into its staging folder; the hash of every
// inline script (Trunk's `<script type="module">` that imports the JS glue and starts the wasm) is computed
// from exactly those bytes, so every build (`make build`, `make serve`, `make test`, `trunk serve`) gets its own.
//
//   node scripts/csp.mjs [path/to/index.html]   (default: $TRUNK_STAGING_DIR/index.html)
//
// The policy allows scripts only from the app's own folder plus the hashed inline script, WebAssembly
// compilation ('wasm-unsafe-eval'), styles only from the stylesheet (no style attributes, no <style>), images
// from the folder and data: (the empty icon). The build fails if the page holds markup the policy would block.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The policy for the given inline-script hashes ('sha256-…' sources). */
export function policy(hashes) {
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')} 'wasm-unsafe-eval'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The CSP source of one inline script's text, exactly as the browser hashes it. */
export function hashSource(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

const META = /<meta\s+http-equiv=["']?Content-Security-Policy["']?[^>]*>/gi;

/** index.html with the policy meta right after `<meta charset>` (or `<head>`); throws on blocked markup. */
export function addPolicy(html) {
  html = html.replace(META, '');
  const problems = [];
  const hashes = [];
  for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(attrs)) continue;
    // Data blocks (type="application/json" and the like) run nothing and need no hash.
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    if (type && type !== 'module' && !/javascript|ecmascript/.test(type)) continue;
    hashes.push(hashSource(body));
  }
  if (hashes.length === 0) problems.push('no inline script found: did Trunk change how it starts the wasm?');
  if (/<style\b/i.test(html)) problems.push('a <style> element (style-src allows only the stylesheet)');
  if (/<[a-z][^>]*\sstyle\s*=/i.test(html)) problems.push('a style attribute (style-src allows only the stylesheet)');
  if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(html)) problems.push('an inline event handler (onload=, onclick=, …)');
  if (/(href|src)\s*=\s*["']?\s*javascript:/i.test(html)) problems.push('a javascript: URL');
  if (problems.length) throw new Error(`index.html holds what the Content-Security-Policy blocks: ${problems.join('; ')}`);

  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy([...new Set(hashes)])}">`;
  const charset = /<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i.exec(html);
  const head = /<head\b[^>]*>/i.exec(html);
  const at = charset ?? head;
  if (!at) throw new Error('index.html has no <head>');
  const cut = at.index + at[0].length;
  const out = html.slice(0, cut) + meta + html.slice(cut);
  // The meta must come before anything it governs: every <script> and <link> sits after it.
  const first = out.search(/<(script|link)\b/i);
  if (first !== -1 && first < out.indexOf(meta)) throw new Error('a <script> or <link> precedes <meta charset>');
  return { html: out, hashes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2] ?? join(process.env.TRUNK_STAGING_DIR ?? 'dist', 'index.html');
  try {
    const { html, hashes } = addPolicy(readFileSync(file, 'utf8'));
    writeFileSync(file, html);
    console.log(`csp.mjs: Content-Security-Policy written into ${file} (${hashes.join(' ')})`);
  } catch (e) {
    console.error(`csp.mjs: ${e.message}`);
    process.exit(1);
  }
}
