// Two origins for embed tests: the widget (the release build) and a host page (the demo),
// each under its own strict Content-Security-Policy.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';

const dist = process.env.DIST ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');

/** The host page's policy: its own scripts plus the widget's loader. Frames from any local
 *  port, so the tests' attacker frames load and the loader's own checks are what is tested. */
export function hostCsp(widgetOrigin) {
  return `default-src 'self'; script-src 'self' ${widgetOrigin}; frame-src http://127.0.0.1:*; style-src 'self'; img-src 'self'`;
}

/** Serves the widget, and the demo campaign page (pointing at the widget) from another origin.
 *  `pages` adds host pages: path → HTML body (the loader script is appended). */
export async function twoOrigins(pages = {}, widgetExtra = {}) {
  const widget = await serve(dist, { extra: widgetExtra });
  const demo = readFileSync(join(dist, 'demo', 'index.html'), 'utf8').replace('../embed.js', `${widget.url}embed.js`);
  const extra = {
    '/': ['text/html; charset=utf-8', demo],
    '/index.html': ['text/html; charset=utf-8', demo],
    '/favicon.ico': ['image/x-icon', ''],
  };
  for (const [path, body] of Object.entries(pages)) {
    // A page body is text or a function giving it; the loader is added unless the body has it.
    extra[path] = ['text/html; charset=utf-8', () => {
      const b = typeof body === 'function' ? body() : body;
      const loader = b.includes('embed.js') ? '' : `<script src="${widget.url}embed.js" async></script>`;
      return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>${b}${loader}</body></html>`;
    }];
  }
  const host = await serve(join(dist, 'demo'), { headers: { 'content-security-policy': hostCsp(widget.origin) }, extra });
  return { widget, host, close: async () => { await widget.close(); await host.close(); } };
}
