// Error responses are RFC 9457 problem details with the right status everywhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshSystem } from './harness.mjs';

let sys;
before(async () => { sys = await freshSystem(['--max-body-mb', '1']); });
after(async () => { await sys?.server.stop(); });

function assertProblem(r, status, code) {
  assert.equal(r.status, status, r.text);
  assert.match(r.headers.get('content-type'), /^application\/problem\+json/);
  assert.equal(r.json.status, status);
  assert.equal(r.json.code, code);
  assert.ok(r.json.title && r.json.detail && r.json.type);
}

test('unknown API route is 404', async () => {
  assertProblem(await sys.admin.get('/api/v1/no-such-thing'), 404, 'not_found');
});

test('wrong method is 405 with Allow', async () => {
  const r = await sys.admin.request('PUT', '/api/v1/health', {});
  assertProblem(r, 405, 'method_not_allowed');
  assert.equal(r.headers.get('allow'), 'GET');
});

test('malformed JSON is 400 with the position', async () => {
  const r = await sys.admin.post('/api/v1/users', '{"username": "x",\n "role": }');
  assertProblem(r, 400, 'malformed_json');
  assert.match(r.json.detail, /line 2, column 10/);
});

test('a body that is not an object is 400', async () => {
  assertProblem(await sys.admin.post('/api/v1/users', '[1,2]'), 400, 'malformed_json');
});

test('oversized body is 413', async () => {
  const big = JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024) });
  const r = await sys.admin.post('/api/v1/users', big).catch((e) => ({ error: e }));
  // The server answers 413 and closes; some clients see the close before reading the answer.
  if (r.error) assert.match(String(r.error.cause ?? r.error), /(socket|closed|reset|EPIPE)/i);
  else assertProblem(r, 413, 'payload_too_large');
});

test('validation errors list the fields', async () => {
  const unknown = await sys.admin.post('/api/v1/users', { username: 'abc', role: 'viewer', extra: 1 });
  assertProblem(unknown, 422, 'validation');
  assert.deepEqual(unknown.json.errors.map((e) => e.field), ['extra']);
  const r = await sys.admin.post('/api/v1/users', { username: 'a', role: 'king', password: 'weak' });
  assertProblem(r, 422, 'validation');
  const fields = r.json.errors.map((e) => e.field).sort();
  assert.deepEqual([...new Set(fields)], ['password', 'role', 'username']);
  const wrongType = await sys.admin.post('/api/v1/users', { username: 42, role: 'viewer' });
  assertProblem(wrongType, 422, 'validation');
  assert.match(wrongType.json.errors[0].message, /must be a string/);
  assert.deepEqual([wrongType.json.errors[0].code, wrongType.json.errors[0].params], ['request.not_string', {}]);
});

test('bad paging is a validation error, not a silent default', async () => {
  const r = await sys.admin.get('/api/v1/users?page_size=100000');
  assertProblem(r, 422, 'validation');
  assert.equal(r.json.errors[0].field, 'page_size');
  assert.deepEqual([r.json.errors[0].code, r.json.errors[0].params], ['field.whole_number_range', { min: 1, max: 200 }]);
});

test('bad date filters are validation errors', async () => {
  const r = await sys.admin.get('/api/v1/audit?from=yesterday');
  assertProblem(r, 422, 'validation');
  assert.equal(r.json.errors[0].field, 'from');
  assert.equal(r.json.errors[0].code, 'field.not_date_or_time');
});

test('responses carry security headers', async () => {
  const r = await sys.admin.get('/api/v1/health');
  assert.match(r.headers.get('content-security-policy'), /default-src 'self'/);
  assert.equal(r.headers.get('x-frame-options'), 'DENY');
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
});
