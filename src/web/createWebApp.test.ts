import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createWebApp } from './createWebApp.js';

describe('createWebApp', () => {
  const app = createWebApp();
  const get = (path: string): Promise<Response> => Promise.resolve(app.request(path));

  it('serves the page at every screen address, with a content security policy naming the import map', async () => {
    for (const path of ['/', '/subjects/S01-001', '/irc']) {
      const response = await get(path);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type') ?? '', /text\/html/);
      assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self' 'unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
      assert.match(response.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, 'no other site may frame the page');
      assert.equal(response.headers.get('x-frame-options'), 'DENY');
      const text = await response.text();
      assert.match(text, /<script type="module" src="\/js\/web\/client\/main.js">/);
      assert.match(text, /"zod":"\/vendor\/zod\/index.js"/);
    }
  });

  it('serves the client and the pure clinical modules it imports, and zod and Vega for the browser', async () => {
    for (const path of ['/js/web/client/main.js', '/js/web/client/formRenderer.js', '/js/clinical/crf/index.js', '/js/clinical/eligibility/index.js', '/js/result/index.js', '/vendor/zod/index.js', '/vendor/vega.min.js', '/vendor/vega-lite.min.js']) {
      const response = await get(path);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type') ?? '', /text\/javascript/, path);
    }
  });

  it('never serves the server, the store, tests, sources or anything outside the served folders', async () => {
    for (const path of [
      '/js/server/createApp.js',
      '/js/store/index.js',
      '/js/web/webAssets.js',
      '/js/web/client/../../store/index.js',
      '/js/web/client/%2e%2e/%2e%2e/store/index.js',
      '/js/web/e2e.test.js',
      '/js/clinical/index.js',
      // the protocols and the response criteria stay on the server: the browser reads the protocol's metadata from the API
      '/js/protocols/index.js',
      '/js/clinical/protocol/index.js',
      '/js/clinical/response/index.js',
      '/vendor/zod/src/index.ts',
      '/vendor/zod/../pg/package.json',
      '/vendor/vega.js',
      '/favicon.ico',
    ]) {
      const response = await get(path);
      assert.equal(response.status, 404, path);
    }
  });
});
