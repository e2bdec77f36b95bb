// A minimal static file server for the release build, on loopback only.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** The policy the widget must run under (the README gives it for static hosts). */
export const WIDGET_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors *";

/**
 * Serves `root` on 127.0.0.1 at a free port with `headers` on every response; `extra` maps
 * paths to [content type, body] for test-only pages. With `gzip`, text, JavaScript, wasm and
 * SVG bodies are sent gzipped (level 9) to browsers that accept it, as static hosts send them.
 * Resolves to { url, origin, requests, close }.
 */
export function serve(root, { headers = { 'content-security-policy': WIDGET_CSP }, extra = {}, gzip = false } = {}) {
  const requests = [];
  const zipped = new Map(); // path → gzipped body, so each file is compressed once (not pages made per request)
  const send = (req, res, type, body, path) => {
    if (gzip && /^(text\/|application\/(wasm|javascript|json)|image\/svg)/.test(type)
      && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      const z = zipped.get(path) ?? gzipSync(body, { level: 9 });
      if (path !== null) zipped.set(path, z);
      res.writeHead(200, { ...headers, 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      res.end(z);
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': type });
    res.end(body);
  };
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (extra[path]) {
      const dynamic = typeof extra[path][1] === 'function';
      send(req, res, extra[path][0], dynamic ? extra[path][1](req) : extra[path][1], dynamic ? null : path);
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    try {
      send(req, res, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file), file);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.closeAllConnections?.();
      resolve({
        url: `http://127.0.0.1:${port}/`,
        origin: `http://127.0.0.1:${port}`,
        requests,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
      });
    });
  });
}
