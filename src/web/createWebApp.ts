import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { IMPORT_MAP, indexHtml } from './indexHtml.js';
import { readCompiledModule, readVendorFile, type StaticFile } from './webAssets.js';

function fileResponse(file: StaticFile | undefined): Response {
  if (file === undefined) return new Response('not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(file.body, { status: 200, headers: { 'Content-Type': file.contentType, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' } });
}

/**
 * The web application's files: the page at `/` (and at every screen's address, so a reload or a bookmark of
 * `/subjects/S01-001` opens that screen), the compiled client modules under `/js/`, vendor builds under
 * `/vendor/`. The API lives in createApp; this app never sees a session.
 */
export function createWebApp(): Hono {
  const app = new Hono();
  const page = indexHtml();
  // the import map is the page's only inline script; Vega compiles its expressions with Function()
  const importMapHash = createHash('sha256').update(IMPORT_MAP, 'utf8').digest('base64');
  // frame-ancestors 'none' (and X-Frame-Options for older browsers): no other site may frame the EDC (clickjacking)
  const policy = `default-src 'self'; script-src 'self' 'unsafe-eval' 'sha256-${importMapHash}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'`;
  app.get('/js/*', async (c) => fileResponse(await readCompiledModule(c.req.path.slice('/js/'.length))));
  app.get('/vendor/*', async (c) => fileResponse(await readVendorFile(c.req.path.slice('/vendor/'.length))));
  app.get('*', (c) => {
    if (/\.[a-z0-9]+$/i.test(c.req.path)) return c.text('not found', 404);
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Content-Security-Policy', policy);
    c.header('X-Frame-Options', 'DENY');
    return c.html(page);
  });
  return app;
}
