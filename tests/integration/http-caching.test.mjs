// HEAD and conditional GETs: a HEAD carries the Content-Length of the GET and no body; hot read
// endpoints (health, the registry kinds, lists and single records, the web app's files) answer
// If-None-Match with 304, and a per-user answer's ETag is the user's own and follows the data.
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
    assert.equal(head.headers.etag, got.headers.etag, path);
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

test('health answers If-None-Match with 304 and no body', async () => {
  const first = await raw('/api/v1/health');
  assert.match(first.headers.etag, /^"[0-9a-f]+-[0-9a-f]{16}"$/);
  assert.equal(first.headers['cache-control'], 'no-cache');
  const again = await raw('/api/v1/health', { headers: { 'if-none-match': first.headers.etag } });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
  assert.equal(again.headers.etag, first.headers.etag);
  const listed = await raw('/api/v1/health', { headers: { 'if-none-match': `"x", W/${first.headers.etag}` } });
  assert.equal(listed.status, 304, 'a list of tags, weak comparison');
  const other = await raw('/api/v1/health', { headers: { 'if-none-match': '"0-0000000000000000"' } });
  assert.equal(other.status, 200);
  assert.deepEqual(other.body, first.body);
});

test('the kinds, a list and a record revalidate per user, private to the browser', async () => {
  for (const path of ['/api/v1/registry/kinds', '/api/v1/registry/enterprises?page=1&page_size=20',
    `/api/v1/registry/enterprises/${acme.id}`]) {
    const mine = await raw(path, { client: sys.admin });
    assert.equal(mine.status, 200, path);
    assert.equal(mine.headers['cache-control'], 'private, no-cache', path);
    assert.match(mine.headers.vary, /Cookie/i, path);
    const again = await raw(path, { client: sys.admin, headers: { 'if-none-match': mine.headers.etag } });
    assert.equal(again.status, 304, path);
    assert.equal(again.body.length, 0, path);
    // Another user sees the same bytes, under another tag: one user's tag says nothing of another's.
    const theirs = await raw(path, { client: staff });
    assert.deepEqual(theirs.body, mine.body, path);
    assert.notEqual(theirs.headers.etag, mine.headers.etag, path);
    const borrowed = await raw(path, { client: staff, headers: { 'if-none-match': mine.headers.etag } });
    assert.equal(borrowed.status, 200, path);
    // Signed out, the tag gets the sign-in problem, not a 304.
    assert.equal((await raw(path, { headers: { 'if-none-match': mine.headers.etag } })).status, 401, path);
  }
});

test('a change to the data changes the tags of the list and the record', async () => {
  const list = '/api/v1/registry/enterprises?page=1&page_size=20';
  const record = `/api/v1/registry/enterprises/${acme.id}`;
  const before = { list: await raw(list, { client: sys.admin }), record: await raw(record, { client: sys.admin }) };
  const changed = await sys.admin.patch(record, { name: '缓存科技（更名）' });
  assert.equal(changed.status, 200);
  for (const [path, old] of [[list, before.list], [record, before.record]]) {
    const now = await raw(path, { client: sys.admin, headers: { 'if-none-match': old.headers.etag } });
    assert.equal(now.status, 200, path);
    assert.notEqual(now.headers.etag, old.headers.etag, path);
    assert.match(now.body.toString(), /更名/, path);
  }
  const added = await sys.admin.post('/api/v1/registry/enterprises', { credit_code: creditCode(7002), name: '又一家' });
  assert.equal(added.status, 201);
  const after = await raw(list, { client: sys.admin });
  assert.notEqual(after.headers.etag, before.list.headers.etag);
});

test('the web app: index.html is revalidated every time, hashed assets are immutable, both answer 304', async () => {
  for (const [path, cache] of [['/index.html', /^no-cache$/], ['/assets/app-3f2a1b.js', /immutable/]]) {
    const first = await raw(path);
    assert.equal(first.status, 200, path);
    assert.match(first.headers['cache-control'], cache, path);
    assert.ok(first.headers.etag, path);
    const again = await raw(path, { headers: { 'if-none-match': first.headers.etag } });
    assert.equal(again.status, 304, path);
    assert.equal(again.body.length, 0, path);
  }
});

test('routes that are not revalidated keep no-store and answer the GET', async () => {
  const users = await raw('/api/v1/users', { client: sys.admin });
  assert.equal(users.status, 200);
  assert.equal(users.headers['cache-control'], 'no-store');
  assert.equal(users.headers.etag, undefined);
  const again = await raw('/api/v1/users', { client: sys.admin, headers: { 'if-none-match': '*' } });
  assert.equal(again.status, 200);
});
