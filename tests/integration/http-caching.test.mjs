// HEAD carries the Content-Length of the GET and no body.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { addUser, Client, creditCode, freshSystem } from './harness.mjs';

const STAFF_PASSWORD = 'Staff-Cache-Pass-2024!';
let sys;
let staff;
let acme;
before(async () => {
  sys = await freshSystem();
  addUser(sys.db, 'carol', 'admin', STAFF_PASSWORD);
  staff = new Client(sys.server.url);
  assert.equal((await staff.login('carol', STAFF_PASSWORD)).status, 200);
  acme = (await sys.admin.post('/api/v1/registry/enterprises', { credit_code: creditCode(7001), name: '缓存科技' })).json;
});
after(async () => { await sys?.server.stop(); });

// Raw bytes and headers, over one kept-alive connection per call site's agent (node's default).
function raw(path, { method = 'GET', headers = {}, client } = {}) {
  const h = { ...headers };
  if (client?.cookie) h.cookie = client.cookie;
  return new Promise((resolve, reject) => {
    httpRequest(sys.server.url + path, { method, headers: h }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

test('HEAD answers the Content-Length of the GET without a body, for API routes too', async () => {
  const list = '/api/v1/registry/enterprises?page=1&page_size=20';
  for (const [path, client] of [['/api/v1/health', null], ['/api/v1/registry/kinds', sys.admin],
    [list, sys.admin], [`/api/v1/registry/enterprises/${acme.id}`, sys.admin], ['/', null], ['/index.html', null]]) {
    const got = await raw(path, { client });
    assert.equal(got.status, 200, path);
    assert.ok(got.body.length > 0, path);
    const head = await raw(path, { method: 'HEAD', client });
    assert.equal(head.status, 200, path);
    assert.equal(head.body.length, 0, path);
    assert.equal(Number(head.headers['content-length']), got.body.length, path);
    assert.equal(head.headers['content-type'], got.headers['content-type'], path);
  }
  // An answer that is not 200 keeps its length too, and the connection stays in step after it.
  const missing = await raw('/api/v1/no-such-thing', { method: 'HEAD' });
  assert.equal(missing.status, 404);
  assert.equal(missing.body.length, 0);
  assert.ok(Number(missing.headers['content-length']) > 0);
  assert.equal((await raw('/api/v1/health')).status, 200);
  // A signed-out HEAD of a signed-in route is refused as its GET is.
  assert.equal((await raw(list, { method: 'HEAD' })).status, 401);
});
