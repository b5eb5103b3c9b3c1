// The single-page app is served with history fallback, cache headers and gzip; /metrics speaks
// Prometheus; health reports the database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { request as httpRequest } from 'node:http';
import { freshSystem } from './harness.mjs';

let sys;
before(async () => { sys = await freshSystem(); });
after(async () => { await sys?.server.stop(); });

// fetch always decompresses; read raw bytes to check the encoding.
function rawGet(url, headers = {}, method = 'GET') {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

test('health reports version and database', async () => {
  const r = await sys.admin.get('/api/v1/health');
  assert.equal(r.status, 200);
  assert.equal(r.json.status, 'ok');
  assert.equal(r.json.database, 'ok');
  assert.match(r.json.version, /^\d+\.\d+\.\d+$/);
});

test('app routes fall back to index.html with no-cache', async () => {
  for (const path of ['/', '/users', '/audit/log']) {
    const r = await rawGet(sys.server.url + path);
    assert.equal(r.status, 200, path);
    assert.match(r.body.toString(), /<div id="app">/);
    assert.equal(r.headers['cache-control'], 'no-cache');
  }
});

test('hashed assets are cached for a year and gzipped when accepted', async () => {
  const plain = await rawGet(`${sys.server.url}/assets/app-3f2a1b.js`);
  assert.equal(plain.status, 200);
  assert.match(plain.headers['cache-control'], /max-age=31536000/);
  assert.match(plain.headers['content-type'], /javascript/);
  assert.equal(plain.headers['content-encoding'], undefined);
  const zipped = await rawGet(`${sys.server.url}/assets/app-3f2a1b.js`, { 'accept-encoding': 'gzip, br' });
  assert.equal(zipped.headers['content-encoding'], 'gzip');
  assert.ok(zipped.body.length < plain.body.length);
  assert.deepEqual(gunzipSync(zipped.body), plain.body);
});

test('HEAD answers the length of the GET; a matching ETag answers 304', async () => {
  const url = `${sys.server.url}/assets/app-3f2a1b.js`;
  for (const headers of [{}, { 'accept-encoding': 'gzip' }]) {
    const got = await rawGet(url, headers);
    const head = await rawGet(url, headers, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.equal(Number(head.headers['content-length']), got.body.length);
    assert.equal(head.headers.etag, got.headers.etag);
    const again = await rawGet(url, { ...headers, 'if-none-match': got.headers.etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    // The connection stays usable after a HEAD and a 304 (no stray body bytes).
    assert.equal((await rawGet(url, headers)).body.length, got.body.length);
  }
});

test('missing assets and path traversal are 404', async () => {
  assert.equal((await rawGet(`${sys.server.url}/assets/missing.js`)).status, 404);
  assert.equal((await rawGet(`${sys.server.url}/..%2f..%2fetc%2fpasswd`)).status, 404);
  assert.equal((await rawGet(`${sys.server.url}/favicon-missing.png`)).status, 404);
});

test('metrics count requests in Prometheus format', async () => {
  await sys.admin.get('/api/v1/health');
  const r = await rawGet(`${sys.server.url}/metrics`);
  assert.equal(r.status, 200);
  const text = r.body.toString();
  assert.match(text, /# TYPE kc_http_requests_total counter/);
  const m = text.match(/kc_http_requests_total\{method="GET",status="2xx"\} (\d+)/);
  assert.ok(Number(m[1]) >= 1);
  assert.match(text, /kc_http_request_duration_seconds_bucket\{le="\+Inf"\} \d+/);
  assert.match(text, /kc_db_pool_connections \d+/);
});
